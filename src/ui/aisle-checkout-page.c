/* aisle-checkout-page.c: ordering what staff prepare: how and when, who, review */
#define G_LOG_DOMAIN "aisle-checkout-page"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-checkout-page.h"
#include "aisle-language.h"
#include "aisle-money.h"
#include "aisle-validate.h"
#include "aisle-widget-util.h"

#define MAX_WINDOWS 8

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
  GtkWidget        parent_instance;

  AisleCheckout   *checkout;
  AisleStore      *store;
  GCancellable    *stock_fetch;
  GArray          *windows;          /* AisleTimeWindow offered now */
  Step             step;
  gboolean         busy;
  gboolean         updating;

  GtkScrolledWindow *scroller;
  GtkLabel        *step_label;
  GtkLabel        *title_label;
  GtkStack        *step_stack;
  GtkToggleButton *pickup_button;
  GtkToggleButton *delivery_button;
  GtkLabel        *delivery_detail;
  GtkWidget       *pickup_section;
  GtkFlowBox      *store_box;
  GtkBox          *availability_box;
  GtkLabel        *availability_hint;
  GtkWidget       *address_section;
  GtkEntry        *address_name_entry;
  GtkEntry        *street_entry;
  GtkEntry        *postcode_entry;
  GtkEntry        *city_entry;
  GtkLabel        *country_label;
  GtkLabel        *when_label;
  GtkFlowBox      *window_box;
  GtkEntry        *contact_name_entry;
  GtkEntry        *email_entry;
  GtkEntry        *phone_entry;
  GtkBox          *review_lines;
  GtkLabel        *review_fulfillment;
  GtkLabel        *review_contact;
  GtkGrid         *review_totals;
  GtkLabel        *review_payment;
  GtkLabel        *error_label;
  GtkButton       *next_button;
  GtkEntry        *entries[7];       /* every field, in order */
};

G_DEFINE_FINAL_TYPE (AisleCheckoutPage, aisle_checkout_page, GTK_TYPE_WIDGET)

enum {
  PLACE_ORDER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_step (AisleCheckoutPage *self, Step step);

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

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A row of the lists on this page: text that takes the room, then a value. */
static GtkWidget *
line_row (const char *text,
          const char *value,
          const char *value_class)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *name = text_label (text, "list-name");
  GtkWidget *detail = text_label (value, value_class);

  gtk_widget_add_css_class (row, "list-row");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 1);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), detail);
  return row;
}

/* Step 1: how and when */

static const char *
store_name (AisleCheckout *checkout,
            guint          store)
{
  AisleStoreInfo info = { 0 };

  if (!aisle_catalog_store_info (aisle_checkout_get_catalog (checkout), store, &info))
    return "";
  return info.name;
}

static char *
availability_text (AisleCheckoutPage *self,
                   guint              line,
                   gboolean          *problem)
{
  gint in_stock;
  const char *where = store_name (self->checkout, aisle_checkout_get_pickup_store (self->checkout));

  *problem = TRUE;
  switch (aisle_checkout_line_availability (self->checkout, line, &in_stock))
    {
    case AISLE_LINE_AVAILABLE:
      *problem = FALSE;
      /* Translators: %s is a store name. */
      return g_strdup_printf (_("In stock at %s"), where);
    case AISLE_LINE_SHORT:
      /* Translators: %d is how many the store has, %s the store's name. */
      return g_strdup_printf (ngettext ("Only %d in stock at %s", "Only %d in stock at %s", in_stock), in_stock, where);
    case AISLE_LINE_UNAVAILABLE:
      /* Translators: %s is a store name. */
      return g_strdup_printf (_("Not in stock at %s"), where);
    case AISLE_LINE_DELIVERY_ONLY:
      return g_strdup (_("Only for home delivery"));
    case AISLE_LINE_UNKNOWN:
    default:
      *problem = FALSE;
      return g_strdup (_("The store confirms availability with your order"));
    }
}

static void
update_availability (AisleCheckoutPage *self)
{
  AisleCatalog *catalog = aisle_checkout_get_catalog (self->checkout);
  AisleLanguage language = aisle_language_get_current ();
  gboolean possible = aisle_checkout_pickup_possible (self->checkout);

  aisle_widget_remove_children (GTK_WIDGET (self->availability_box));
  for (guint i = 0; i < aisle_checkout_get_n_lines (self->checkout); i++)
    {
      const AisleCheckoutLine *line = aisle_checkout_get_line (self->checkout, i);
      g_autofree char *name = g_strdup_printf ("%u × %s", line->quantity,
                                               aisle_catalog_product_name (catalog, line->product, language));
      gboolean problem;
      g_autofree char *state = availability_text (self, i, &problem);

      gtk_box_append (self->availability_box,
                      line_row (name, state, problem ? "availability-problem" : "availability-ok"));
    }

  gtk_label_set_text (self->availability_hint,
                      possible ? ""
                      : aisle_checkout_can_deliver (self->checkout)
                        ? _("This store cannot prepare everything. Choose home delivery, or another store.")
                        : _("This store cannot prepare everything. Choose another store, or ask a member of staff."));
  gtk_widget_set_visible (GTK_WIDGET (self->availability_hint), !possible);
}

static void
window_toggled_cb (GtkToggleButton   *button,
                   AisleCheckoutPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "aisle-window"));

  if (self->updating || !gtk_toggle_button_get_active (button) || index >= self->windows->len)
    return;
  aisle_checkout_set_window (self->checkout, &g_array_index (self->windows, AisleTimeWindow, index));
  set_error (self, NULL);
}

static void
update_windows (AisleCheckoutPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const AisleTimeWindow *chosen = aisle_checkout_get_window (self->checkout);
  GtkToggleButton *group = NULL;
  gboolean kept = FALSE;

  self->updating = TRUE;
  aisle_widget_remove_children (GTK_WIDGET (self->window_box));
  g_clear_pointer (&self->windows, g_array_unref);
  self->windows = aisle_checkout_list_windows (self->checkout, now, MAX_WINDOWS);

  for (guint i = 0; i < self->windows->len; i++)
    {
      const AisleTimeWindow *w = &g_array_index (self->windows, AisleTimeWindow, i);
      g_autofree char *text = aisle_checkout_describe_window (self->checkout, w, now);
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      gtk_widget_add_css_class (button, "window-button");
      g_object_set_data (G_OBJECT (button), "aisle-window", GUINT_TO_POINTER (i));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      if (chosen != NULL && chosen->start == w->start && chosen->end == w->end)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
          kept = TRUE;
        }
      g_signal_connect_object (button, "toggled", G_CALLBACK (window_toggled_cb), self, 0);
      gtk_flow_box_append (self->window_box, button);
    }
  if (!kept)
    aisle_checkout_set_window (self->checkout, NULL);
  self->updating = FALSE;

  gtk_label_set_text (self->when_label,
                      self->windows->len == 0
                      ? _("No times are available. Please ask a member of staff.")
                      : aisle_checkout_get_kind (self->checkout) == AISLE_CHECKOUT_PICKUP
                        ? _("When would you like to collect it?")
                        : _("When should we deliver?"));
}

typedef struct
{
  AisleCheckoutPage *self;   /* not a reference: a cancelled fetch never touches it */
  guint              store;
} StockFetch;

static void
stock_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree StockFetch *fetch = user_data;
  AisleCheckoutPage *self = fetch->self;
  g_autoptr(AisleStock) stock = NULL;
  g_autoptr(GError) error = NULL;
  guint store = fetch->store;

  stock = aisle_store_fetch_store_stock_finish (AISLE_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_message ("No stock for the pickup store: %s", error->message);

  /* Unknown stock stays "the store confirms": still a fair offer. */
  if (self->checkout != NULL && stock != NULL && aisle_checkout_get_pickup_store (self->checkout) == store)
    {
      aisle_checkout_set_pickup_store (self->checkout, store, stock);
      update_availability (self);
    }
}

static void
choose_store (AisleCheckoutPage *self,
              guint              store)
{
  AisleStoreInfo info = { 0 };
  AisleCatalog *catalog = aisle_checkout_get_catalog (self->checkout);

  g_cancellable_cancel (self->stock_fetch);
  g_clear_object (&self->stock_fetch);

  if (store == aisle_checkout_get_home_store (self->checkout))
    aisle_checkout_set_pickup_store (self->checkout, store, aisle_store_get_stock (self->store));
  else
    {
      aisle_checkout_set_pickup_store (self->checkout, store, NULL);
      if (aisle_catalog_store_info (catalog, store, &info))
        {
          StockFetch *fetch = g_new0 (StockFetch, 1);

          /* The store rides along so a late answer cannot land on another store. */
          fetch->self = self;
          fetch->store = store;
          self->stock_fetch = g_cancellable_new ();
          aisle_store_fetch_store_stock_async (self->store, info.id, self->stock_fetch,
                                               stock_fetched_cb, fetch);
        }
    }
  update_availability (self);
  update_windows (self);
}

static void
store_toggled_cb (GtkToggleButton   *button,
                  AisleCheckoutPage *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  choose_store (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "aisle-store")));
}

static void
fill_stores (AisleCheckoutPage *self)
{
  AisleCatalog *catalog = aisle_checkout_get_catalog (self->checkout);
  guint home = aisle_checkout_get_home_store (self->checkout);
  guint n = aisle_catalog_get_n_stores (catalog);
  GtkToggleButton *group = NULL;

  self->updating = TRUE;
  aisle_widget_remove_children (GTK_WIDGET (self->store_box));
  /* This store first, then the others in feed order. */
  for (guint k = 0; k < n; k++)
    {
      guint store = k == 0 ? home : (k <= home ? k - 1 : k);
      AisleStoreInfo info = { 0 };
      GtkWidget *button, *box;

      if (store >= n || !aisle_catalog_store_info (catalog, store, &info))
        continue;
      button = gtk_toggle_button_new ();
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_box_append (GTK_BOX (box), text_label (info.name, "choice-title"));
      gtk_box_append (GTK_BOX (box), text_label (store == home ? _("This store") : (info.address ? info.address : ""),
                                                 "choice-detail"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "store-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, info.name, -1);
      g_object_set_data (G_OBJECT (button), "aisle-store", GUINT_TO_POINTER (store));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), store == aisle_checkout_get_pickup_store (self->checkout));
      g_signal_connect_object (button, "toggled", G_CALLBACK (store_toggled_cb), self, 0);
      gtk_flow_box_append (self->store_box, button);
    }
  self->updating = FALSE;
}

static void
update_kind (AisleCheckoutPage *self)
{
  gboolean pickup = aisle_checkout_get_kind (self->checkout) == AISLE_CHECKOUT_PICKUP;

  self->updating = TRUE;
  gtk_toggle_button_set_active (pickup ? self->pickup_button : self->delivery_button, TRUE);
  self->updating = FALSE;
  gtk_widget_set_visible (self->pickup_section, pickup);
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

  fill_stores (self);
  update_availability (self);
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
          set_error (self, gtk_label_get_text (self->availability_hint));
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

/* Step 3: review */

static void
add_total_row (AisleCheckoutPage *self,
               guint              row,
               const char        *caption,
               const char        *amount,
               gboolean           strong)
{
  GtkWidget *a = text_label (caption, strong ? "review-total" : "review-detail");
  GtkWidget *b = text_label (amount, strong ? "review-total" : "review-detail");

  gtk_label_set_xalign (GTK_LABEL (b), 1);
  gtk_grid_attach (self->review_totals, a, 0, row, 1, 1);
  gtk_grid_attach (self->review_totals, b, 1, row, 1, 1);
}

static void
fill_review (AisleCheckoutPage *self)
{
  AisleCheckout *c = self->checkout;
  AisleCatalog *catalog = aisle_checkout_get_catalog (c);
  AisleLanguage language = aisle_language_get_current ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *fulfillment = aisle_checkout_describe_fulfillment (c, now);
  g_autoptr(GString) contact = g_string_new (aisle_checkout_get_contact_field (c, "name"));
  g_autofree char *items = format_money (c, aisle_checkout_get_items_total (c));
  g_autofree char *total = format_money (c, aisle_checkout_get_total (c));
  gint64 vat;
  guint rate, row = 0;

  aisle_widget_remove_children (GTK_WIDGET (self->review_lines));
  for (guint i = 0; i < aisle_checkout_get_n_lines (c); i++)
    {
      const AisleCheckoutLine *line = aisle_checkout_get_line (c, i);
      g_autofree char *name = g_strdup_printf ("%u × %s", line->quantity,
                                               aisle_catalog_product_name (catalog, line->product, language));
      g_autofree char *price = format_money (c, line->unit_price * line->quantity);

      gtk_box_append (self->review_lines, line_row (name, price, "list-name"));
    }

  gtk_label_set_text (self->review_fulfillment, fulfillment);
  for (const char *field = "email"; field != NULL; field = g_str_equal (field, "email") ? "phone" : NULL)
    if (aisle_checkout_get_contact_field (c, field) != NULL)
      g_string_append_printf (contact, " · %s", aisle_checkout_get_contact_field (c, field));
  gtk_label_set_text (self->review_contact, contact->str);

  aisle_widget_remove_children (GTK_WIDGET (self->review_totals));
  add_total_row (self, row++, _("Articles"), items, FALSE);
  if (aisle_checkout_get_kind (c) == AISLE_CHECKOUT_DELIVERY)
    {
      g_autofree char *fee = format_money (c, aisle_checkout_get_fee (c));
      add_total_row (self, row++, _("Delivery"), fee, FALSE);
    }
  add_total_row (self, row++, _("Total"), total, TRUE);
  if (aisle_checkout_get_vat (c, &vat, &rate))
    {
      g_autofree char *vat_text = format_money (c, vat);
      g_autofree char *caption = NULL;

      /* Translators: %u.%02u is the VAT rate in percent, e.g. 22.00. */
      caption = rate % 100 == 0 ? g_strdup_printf (_("Includes VAT at %u %%"), rate / 100)
                                : g_strdup_printf (_("Includes VAT at %u.%02u %%"), rate / 100, rate % 100);
      add_total_row (self, row++, caption, vat_text, FALSE);
    }

  gtk_label_set_text (self->review_payment,
                      aisle_checkout_get_kind (c) == AISLE_CHECKOUT_PICKUP
                      ? _("You pay at the till when you collect your order. This kiosk never asks for card details.")
                      : _("You pay on delivery. This kiosk never asks for card details."));
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
      fill_review (self);
      /* Nothing to type on the review: give the room back to the order. */
      gtk_widget_activate_action (GTK_WIDGET (self), "shop.hide-keyboard", NULL);
    }
  gtk_stack_set_visible_child_name (self->step_stack, step_names[step]);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
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
      if (aisle_checkout_is_complete (self->checkout))
        g_signal_emit (self, signals[PLACE_ORDER], 0);
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

static void
entry_changed_cb (GtkEntry *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
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

  g_cancellable_cancel (self->stock_fetch);
  g_clear_object (&self->stock_fetch);
  g_clear_object (&self->checkout);
  g_clear_object (&self->store);
  g_clear_pointer (&self->windows, g_array_unref);
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_CHECKOUT_PAGE);

  G_OBJECT_CLASS (aisle_checkout_page_parent_class)->dispose (object);
}

static void
aisle_checkout_page_class_init (AisleCheckoutPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_checkout_page_dispose;

  /**
   * AisleCheckoutPage::place-order:
   *
   * The shopper confirmed a complete order on the review step.
   */
  signals[PLACE_ORDER] = g_signal_new ("place-order", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-checkout-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checkoutpage");

  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, step_stack);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, pickup_button);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, delivery_button);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, delivery_detail);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, pickup_section);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, store_box);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, availability_box);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, availability_hint);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, address_section);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, address_name_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, street_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, postcode_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, city_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, country_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, window_box);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, contact_name_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, email_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, review_lines);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, review_fulfillment);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, review_contact);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, review_totals);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, review_payment);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutPage, next_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
}

static void
aisle_checkout_page_init (AisleCheckoutPage *self)
{
  GtkEntry **entries;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  aisle_flow_box_set_arrow_keys (self->store_box);
  aisle_flow_box_set_arrow_keys (self->window_box);

  entries = all_entries (self, &n);
  for (guint i = 0; i < n; i++)
    {
      g_signal_connect_object (entries[i], "activate", G_CALLBACK (entry_activate_cb), self, 0);
      g_signal_connect (entries[i], "changed", G_CALLBACK (entry_changed_cb), NULL);
    }
}

void
aisle_checkout_page_start (AisleCheckoutPage *self,
                           AisleCheckout     *checkout,
                           AisleStore        *store)
{
  g_return_if_fail (AISLE_IS_CHECKOUT_PAGE (self));
  g_return_if_fail (AISLE_IS_CHECKOUT (checkout));
  g_return_if_fail (AISLE_IS_STORE (store));

  g_set_object (&self->store, store);
  g_set_object (&self->checkout, checkout);
  aisle_checkout_set_pickup_store (checkout, aisle_checkout_get_pickup_store (checkout), aisle_store_get_stock (store));
  /* A list with nothing this store can prepare opens on delivery. */
  if (!aisle_checkout_pickup_possible (checkout) && aisle_checkout_can_deliver (checkout))
    aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_DELIVERY);
  clear_entries (self);
  aisle_checkout_page_set_busy (self, FALSE);
  fill_how (self);
  show_step (self, STEP_HOW);
}

AisleCheckout *
aisle_checkout_page_get_checkout (AisleCheckoutPage *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT_PAGE (self), NULL);
  return self->checkout;
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

void
aisle_checkout_page_clear (AisleCheckoutPage *self)
{
  g_return_if_fail (AISLE_IS_CHECKOUT_PAGE (self));

  g_cancellable_cancel (self->stock_fetch);
  g_clear_object (&self->stock_fetch);
  g_clear_object (&self->checkout);
  clear_entries (self);
  aisle_widget_remove_children (GTK_WIDGET (self->review_lines));
  gtk_label_set_text (self->review_fulfillment, "");
  gtk_label_set_text (self->review_contact, "");
  set_error (self, NULL);
  self->busy = FALSE;
}

GStrv
aisle_checkout_page_save_fields (AisleCheckoutPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkEntry **entries;
  guint n;

  g_return_val_if_fail (AISLE_IS_CHECKOUT_PAGE (self), NULL);

  entries = all_entries (self, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (entries[i])));
  {
    char step[16];

    g_snprintf (step, sizeof step, "%u", self->step);
    g_strv_builder_add (builder, step);
  }
  return g_strv_builder_end (builder);
}

void
aisle_checkout_page_restore_fields (AisleCheckoutPage  *self,
                                    const char * const *fields)
{
  GtkEntry **entries;
  guint n;

  g_return_if_fail (AISLE_IS_CHECKOUT_PAGE (self));

  entries = all_entries (self, &n);
  if (fields == NULL || g_strv_length ((GStrv) fields) != n + 1 || self->checkout == NULL)
    return;
  for (guint i = 0; i < n; i++)
    gtk_editable_set_text (GTK_EDITABLE (entries[i]), fields[i]);
  show_step (self, MIN ((guint) g_ascii_strtoull (fields[n], NULL, 10), STEP_REVIEW));
}

void
aisle_checkout_page_set_busy (AisleCheckoutPage *self,
                              gboolean           busy)
{
  g_return_if_fail (AISLE_IS_CHECKOUT_PAGE (self));

  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), !busy);
}

void
aisle_checkout_page_show_error (AisleCheckoutPage *self,
                                const char        *message)
{
  g_return_if_fail (AISLE_IS_CHECKOUT_PAGE (self));
  set_error (self, message);
}
