/* aisle-checkout-page.c: ordering what staff prepare: how and when, who, review */
#define G_LOG_DOMAIN "aisle-checkout-page"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-checkout-page.h"
#include "aisle-checkout-review.h"
#include "aisle-language.h"
#include "aisle-money.h"
#include "aisle-pickup-chooser.h"
#include "aisle-validate.h"
#include "aisle-widget-util.h"
#include "aisle-window-chooser.h"

typedef enum
{
  STEP_HOW,
  STEP_CONTACT,
  STEP_REVIEW,
  N_STEPS
} Step;

static const char * const step_names[] = { "how", "contact", "review" };

struct _AisleCheckoutPage
{
  GtkWidget            parent_instance;

  AisleSession        *session;
  AisleCheckout       *checkout;         /* the session's, while shown */
  Step                 step;
  gboolean             busy;
  gboolean             updating;
  gboolean             loading;          /* filling the form in from the session */

  GtkScrolledWindow   *scroller;
  GtkLabel            *step_label;
  GtkLabel            *title_label;
  GtkStack            *step_stack;
  GtkToggleButton     *pickup_button;
  GtkToggleButton     *delivery_button;
  GtkLabel            *delivery_detail;
  AislePickupChooser  *pickup_section;
  GtkWidget           *address_section;
  GtkEntry            *address_name_entry;
  GtkEntry            *street_entry;
  GtkEntry            *postcode_entry;
  GtkEntry            *city_entry;
  GtkLabel            *country_label;
  AisleWindowChooser  *when_section;
  GtkEntry            *contact_name_entry;
  GtkEntry            *email_entry;
  GtkEntry            *phone_entry;
  AisleCheckoutReview *review;
  GtkLabel            *error_label;
  GtkButton           *next_button;
  GtkEntry            *entries[7];       /* every field, in order */
};

G_DEFINE_FINAL_TYPE (AisleCheckoutPage, aisle_checkout_page, GTK_TYPE_WIDGET)

static void show_step (AisleCheckoutPage *self, Step step);
static void save_form (AisleCheckoutPage *self);
static void set_busy (AisleCheckoutPage *self, gboolean busy);

static char *
format_money (AisleCheckout *checkout,
              gint64         amount)
{
  return aisle_money_format (amount, aisle_checkout_get_currency (checkout), aisle_language_get_current_code ());
}

static void
set_error (AisleCheckoutPage *self,
           const char        *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
}

/* Step 1: how and when */

static void
update_windows (AisleCheckoutPage *self)
{
  aisle_window_chooser_update (self->when_section, self->checkout);
}

static void
window_chosen_cb (AisleCheckoutPage *self)
{
  set_error (self, NULL);
}

/* Another store's opening hours may offer other times. */
static void
store_chosen_cb (AisleCheckoutPage *self)
{
  update_windows (self);
}

static void
update_kind (AisleCheckoutPage *self)
{
  gboolean pickup = aisle_checkout_get_kind (self->checkout) == AISLE_CHECKOUT_PICKUP;

  self->updating = TRUE;
  gtk_toggle_button_set_active (pickup ? self->pickup_button : self->delivery_button, TRUE);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->pickup_section), pickup);
  gtk_widget_set_visible (self->address_section, !pickup);
  update_windows (self);
}

static void
kind_toggled_cb (AisleCheckoutPage *self,
                 GtkToggleButton   *button)
{
  if (self->updating || self->checkout == NULL || !gtk_toggle_button_get_active (button))
    return;
  aisle_checkout_set_kind (self->checkout, button == self->pickup_button ? AISLE_CHECKOUT_PICKUP
                                                                         : AISLE_CHECKOUT_DELIVERY);
  set_error (self, NULL);
  update_kind (self);
}

static const char *
country_name (const char *code)
{
  static const struct { const char *code; const char *name; } countries[] = {
    { "IT", N_("Italy") }, { "DE", N_("Germany") }, { "ES", N_("Spain") },
    { "GB", N_("United Kingdom") }, { "US", N_("United States") }, { "IE", N_("Ireland") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_strcmp0 (countries[i].code, code) == 0)
      return _(countries[i].name);
  return code;
}

static void
fill_how (AisleCheckoutPage *self)
{
  gboolean can_deliver = aisle_checkout_can_deliver (self->checkout);
  g_autofree char *fee = format_money (self->checkout, aisle_checkout_get_delivery_fee (self->checkout));
  g_autofree char *detail = NULL;
  g_autofree char *country = NULL;

  /* Translators: %s is the delivery fee. */
  detail = can_deliver ? g_strdup_printf (_("We bring it to your door. Delivery fee %s."), fee)
                       : g_strdup (_("This store does not deliver."));
  gtk_label_set_text (self->delivery_detail, detail);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delivery_button), can_deliver);

  /* Translators: %s is a country name. */
  country = g_strdup_printf (_("We deliver in %s."), country_name (aisle_checkout_get_country (self->checkout)));
  gtk_label_set_text (self->country_label, country);

  update_kind (self);
}

/* Reads one field: the cleaned value, or NULL and the message shown. */
static char *
read_field (AisleCheckoutPage *self,
            GtkEntry          *entry,
            char            *(*validate) (const char *, char **),
            GtkWidget        **first_bad)
{
  g_autofree char *message = NULL;
  char *value = validate (gtk_editable_get_text (GTK_EDITABLE (entry)), &message);

  if (value == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      if (*first_bad == NULL)
        {
          *first_bad = GTK_WIDGET (entry);
          set_error (self, message);
        }
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return value;
}

static gboolean
finish_how (AisleCheckoutPage *self)
{
  GtkWidget *bad = NULL;

  if (aisle_checkout_get_kind (self->checkout) == AISLE_CHECKOUT_PICKUP)
    {
      if (!aisle_checkout_pickup_possible (self->checkout))
        {
          set_error (self, aisle_pickup_chooser_get_hint (self->pickup_section));
          return FALSE;
        }
    }
  else
    {
      g_autofree char *name = read_field (self, self->address_name_entry, aisle_validate_name, &bad);
      g_autofree char *street = read_field (self, self->street_entry, aisle_validate_street, &bad);
      g_autofree char *postcode = NULL;
      g_autofree char *city = read_field (self, self->city_entry, aisle_validate_city, &bad);
      g_autofree char *message = NULL;
      const char *country = aisle_checkout_get_country (self->checkout);

      postcode = aisle_validate_postcode (gtk_editable_get_text (GTK_EDITABLE (self->postcode_entry)), country, &message);
      if (postcode == NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->postcode_entry), "error");
          if (bad == NULL)
            {
              bad = GTK_WIDGET (self->postcode_entry);
              set_error (self, message);
            }
        }
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->postcode_entry), "error");

      if (bad != NULL)
        {
          gtk_widget_grab_focus (bad);
          return FALSE;
        }
      gtk_editable_set_text (GTK_EDITABLE (self->postcode_entry), postcode);
      aisle_checkout_set_address (self->checkout, name, street, postcode, city, country);
      /* Most people order for themselves. */
      if (*gtk_editable_get_text (GTK_EDITABLE (self->contact_name_entry)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->contact_name_entry), name);
    }

  if (aisle_checkout_get_window (self->checkout) == NULL)
    {
      set_error (self, aisle_checkout_get_kind (self->checkout) == AISLE_CHECKOUT_PICKUP
                       ? _("Please choose when you would like to collect it.")
                       : _("Please choose when we should deliver."));
      return FALSE;
    }
  return TRUE;
}

/* Step 2: who */

static gboolean
finish_contact (AisleCheckoutPage *self)
{
  GtkWidget *bad = NULL;
  g_autofree char *name = read_field (self, self->contact_name_entry, aisle_validate_name, &bad);
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  const char *email_text = gtk_editable_get_text (GTK_EDITABLE (self->email_entry));
  const char *phone_text = gtk_editable_get_text (GTK_EDITABLE (self->phone_entry));
  const char *country = aisle_checkout_get_country (self->checkout);
  g_autofree char *message = NULL;

  /* Either is enough; one typed must be right. */
  if (*email_text != '\0')
    email = read_field (self, self->email_entry, aisle_validate_email, &bad);
  if (*phone_text != '\0')
    {
      phone = aisle_validate_phone (phone_text, country, &message);
      if (phone == NULL && bad == NULL)
        {
          bad = GTK_WIDGET (self->phone_entry);
          set_error (self, message);
        }
      if (phone == NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->phone_entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->phone_entry), "error");
    }
  if (bad == NULL && email == NULL && phone == NULL)
    {
      bad = GTK_WIDGET (self->email_entry);
      set_error (self, _("Please enter an e-mail address or a phone number, so we can tell you about your order."));
    }

  if (bad != NULL)
    {
      gtk_widget_grab_focus (bad);
      return FALSE;
    }
  aisle_checkout_set_contact (self->checkout, name, email, phone);
  return TRUE;
}

/* Steps */

static void
show_step (AisleCheckoutPage *self,
           Step               step)
{
  static const char *titles[N_STEPS] = {
    N_("How would you like to get it?"),
    N_("How can we reach you?"),
    N_("Check your order"),
  };
  g_autofree char *counter = NULL;

  self->step = step;
  set_error (self, NULL);
  /* Translators: a progress indicator, as in "Step 1 of 3". */
  counter = g_strdup_printf (_("Step %u of %u"), step + 1, N_STEPS);
  gtk_label_set_text (self->step_label, counter);
  gtk_label_set_text (self->title_label, _(titles[step]));
  gtk_button_set_label (self->next_button, step == STEP_REVIEW ? _("Place order") : _("Next"));
  if (step == STEP_REVIEW)
    {
      aisle_checkout_review_show (self->review, self->checkout);
      /* Nothing to type on the review: give the room back to the order. */
      gtk_widget_activate_action (GTK_WIDGET (self), "shop.hide-keyboard", NULL);
    }
  gtk_stack_set_visible_child_name (self->step_stack, step_names[step]);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  save_form (self);
}

static void
order_placed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AisleCheckoutPage) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Placed: the session tells the pages. Ended meanwhile: the order is
   * safe in the outbox and nobody waits. */
  if (aisle_session_place_order_finish (AISLE_SESSION (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->checkout == NULL)
    return;
  set_busy (self, FALSE);
  set_error (self, _("Your order could not be saved on this kiosk. Please ask a member of staff."));
}

static void
next_clicked_cb (AisleCheckoutPage *self)
{
  if (self->checkout == NULL || self->busy)
    return;

  switch (self->step)
    {
    case STEP_HOW:
      if (finish_how (self))
        show_step (self, STEP_CONTACT);
      break;
    case STEP_CONTACT:
      if (finish_contact (self))
        show_step (self, STEP_REVIEW);
      break;
    case STEP_REVIEW:
    default:
      /* The confirmation shows only once the order is on disk. */
      if (aisle_checkout_is_complete (self->checkout))
        {
          set_busy (self, TRUE);
          aisle_session_place_order_async (self->session, NULL, order_placed_cb, g_object_ref (self));
        }
      else
        set_error (self, _("Something is missing. Please go back and check your order."));
      break;
    }
}

static GtkEntry **
all_entries (AisleCheckoutPage *self,
             guint             *n)
{
  GtkEntry **entries = self->entries;

  entries[0] = self->address_name_entry;
  entries[1] = self->street_entry;
  entries[2] = self->postcode_entry;
  entries[3] = self->city_entry;
  entries[4] = self->contact_name_entry;
  entries[5] = self->email_entry;
  entries[6] = self->phone_entry;
  *n = G_N_ELEMENTS (self->entries);
  return entries;
}

static void
clear_entries (AisleCheckoutPage *self)
{
  GtkEntry **entries;
  guint n;

  entries = all_entries (self, &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entries[i]), "");
      gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
      /* GtkEntry keeps an undo history of what was typed. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (entries[i]), FALSE);
      gtk_editable_set_enable_undo (GTK_EDITABLE (entries[i]), TRUE);
    }
}

/* What was typed stays with the session's checkout. */
static void
save_form (AisleCheckoutPage *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) typed = NULL;
  char step[16];
  GtkEntry **entries;
  guint n;

  if (self->checkout == NULL || self->loading)
    return;
  builder = g_strv_builder_new ();
  entries = all_entries (self, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (entries[i])));
  g_snprintf (step, sizeof step, "%u", self->step);
  g_strv_builder_add (builder, step);
  typed = g_strv_builder_end (builder);
  aisle_session_set_checkout_form (self->session, (const char * const *) typed);
}

static void
load_form (AisleCheckoutPage  *self,
           const char * const *typed)
{
  GtkEntry **entries = all_entries (self, &(guint){0});
  guint n = G_N_ELEMENTS (self->entries);

  if (typed == NULL || g_strv_length ((GStrv) typed) != n + 1)
    return;
  for (guint i = 0; i < n; i++)
    gtk_editable_set_text (GTK_EDITABLE (entries[i]), typed[i]);
  show_step (self, MIN ((guint) g_ascii_strtoull (typed[n], NULL, 10), STEP_REVIEW));
}

static void
entry_changed_cb (GtkEntry          *entry,
                  AisleCheckoutPage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  save_form (self);
}

static void
entry_activate_cb (GtkEntry          *entry,
                   AisleCheckoutPage *self)
{
  /* Enter moves on, as on a paper form; on the last field it is Next. */
  if (!gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD) || GTK_IS_BUTTON (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)))))
    next_clicked_cb (self);
}

static void
aisle_checkout_page_dispose (GObject *object)
{
  AisleCheckoutPage *self = AISLE_CHECKOUT_PAGE (object);

  g_clear_object (&self->checkout);
  g_clear_object (&self->session);
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_CHECKOUT_PAGE);

  G_OBJECT_CLASS (aisle_checkout_page_parent_class)->dispose (object);
}

static void
aisle_checkout_page_class_init (AisleCheckoutPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_checkout_page_dispose;

  g_type_ensure (AISLE_TYPE_PICKUP_CHOOSER);
  g_type_ensure (AISLE_TYPE_CHECKOUT_REVIEW);
  g_type_ensure (AISLE_TYPE_WINDOW_CHOOSER);
  aisle_widget_class_set_template (widget_class, "aisle-checkout-page", "checkoutpage");

  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, step_stack);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, pickup_button);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, delivery_button);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, delivery_detail);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, pickup_section);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, address_section);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, address_name_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, street_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, postcode_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, city_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, country_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, when_section);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, contact_name_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, email_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, review);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, next_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, store_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, window_chosen_cb);
}

static void
aisle_checkout_page_init (AisleCheckoutPage *self)
{
  GtkEntry **entries;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  entries = all_entries (self, &n);
  for (guint i = 0; i < n; i++)
    {
      g_signal_connect_object (entries[i], "activate", G_CALLBACK (entry_activate_cb), self, 0);
      g_signal_connect_object (entries[i], "changed", G_CALLBACK (entry_changed_cb), self, 0);
    }
}

static void
clear (AisleCheckoutPage *self)
{
  aisle_pickup_chooser_clear (self->pickup_section);
  aisle_window_chooser_clear (self->when_section);
  g_clear_object (&self->checkout);
  clear_entries (self);
  aisle_checkout_review_clear (self->review);
  set_error (self, NULL);
  set_busy (self, FALSE);
}

/* The session started an order, placed it or ended. */
static void
checkout_changed_cb (AisleCheckoutPage *self)
{
  AisleCheckout *checkout = aisle_session_get_checkout (self->session);

  if (checkout == self->checkout)
    return;
  clear (self);
  if (checkout == NULL)
    return;

  self->loading = TRUE;
  g_set_object (&self->checkout, checkout);
  aisle_pickup_chooser_start (self->pickup_section, self->session);
  /* A list with nothing this store can prepare opens on delivery. */
  if (!aisle_checkout_pickup_possible (checkout) && aisle_checkout_can_deliver (checkout))
    aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_DELIVERY);
  fill_how (self);
  show_step (self, STEP_HOW);
  load_form (self, aisle_session_get_checkout_form (self->session));
  self->loading = FALSE;
}

void
aisle_checkout_page_set_session (AisleCheckoutPage *self,
                                 AisleSession      *session)
{
  g_return_if_fail (AISLE_IS_CHECKOUT_PAGE (self));
  g_return_if_fail (AISLE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  aisle_checkout_review_set_session (self->review, session);
  g_signal_connect_object (session, "checkout-changed", G_CALLBACK (checkout_changed_cb), self, G_CONNECT_SWAPPED);
  checkout_changed_cb (self);
}

gboolean
aisle_checkout_page_apply_code (AisleCheckoutPage *self,
                                const char        *code)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT_PAGE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->checkout == NULL || self->step != STEP_REVIEW || self->busy)
    return FALSE;
  aisle_checkout_review_apply_code (self->review, code);
  return TRUE;
}

gboolean
aisle_checkout_page_go_back (AisleCheckoutPage *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT_PAGE (self), FALSE);

  if (self->step == STEP_HOW || self->busy)
    return self->busy;
  show_step (self, self->step - 1);
  return TRUE;
}

static void
set_busy (AisleCheckoutPage *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), !busy);
}
