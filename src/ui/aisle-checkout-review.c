/* aisle-checkout-review.c: the checkout's last step, the order as it will be placed */
#define G_LOG_DOMAIN "aisle-checkout-review"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-checkout-review.h"
#include "aisle-language.h"
#include "aisle-money.h"
#include "aisle-text.h"
#include "aisle-widget-util.h"

struct _AisleCheckoutReview
{
  GtkWidget     parent_instance;

  AisleSession *session;
  AisleCheckout *checkout;   /* on screen */
  GCancellable *cancellable;
  guint         pending;     /* codes being checked */

  GtkBox       *lines;
  GtkLabel     *fulfillment;
  GtkLabel     *contact;
  GtkGrid      *totals;
  GtkLabel     *payment;
  GtkWidget    *coupon_toggle;
  GtkWidget    *coupon_form;
  GtkEntry     *coupon_entry;
  GtkWidget    *coupon_apply;
  GtkSpinner   *coupon_spinner;
  GtkLabel     *coupon_error;
  GtkWidget    *coupon_applied;
  GtkLabel     *coupon_label;
};

G_DEFINE_FINAL_TYPE (AisleCheckoutReview, aisle_checkout_review, GTK_TYPE_WIDGET)

static char *
format_money (AisleCheckout *checkout,
              gint64         amount)
{
  return aisle_money_format (amount, aisle_checkout_get_currency (checkout), aisle_language_get_current_code ());
}

static void
add_total_row (AisleCheckoutReview *self,
               guint                row,
               const char          *caption,
               const char          *amount,
               gboolean             strong)
{
  GtkWidget *a = aisle_text_label_new (caption, strong ? "review-total" : "review-detail");
  GtkWidget *b = aisle_text_label_new (amount, strong ? "review-total" : "review-detail");

  gtk_label_set_xalign (GTK_LABEL (b), 1);
  gtk_grid_attach (self->totals, a, 0, row, 1, 1);
  gtk_grid_attach (self->totals, b, 1, row, 1, 1);
}

static void
show_lines (AisleCheckoutReview *self,
            AisleCheckout       *c)
{
  AisleCatalog *catalog = aisle_checkout_get_catalog (c);
  AisleLanguage language = aisle_language_get_current ();

  aisle_widget_remove_children (GTK_WIDGET (self->lines));
  for (guint i = 0; i < aisle_checkout_get_n_lines (c); i++)
    {
      const AisleCheckoutLine *line = aisle_checkout_get_line (c, i);
      g_autofree char *name = g_strdup_printf ("%u × %s", line->quantity,
                                               aisle_catalog_product_name (catalog, line->product, language));
      g_autofree char *price = format_money (c, line->unit_price * line->quantity);

      gtk_box_append (self->lines, aisle_line_row_new (name, price, "list-name"));
    }
}

static void
show_totals (AisleCheckoutReview *self,
             AisleCheckout       *c)
{
  g_autofree char *items = format_money (c, aisle_checkout_get_items_total (c));
  g_autofree char *total = format_money (c, aisle_checkout_get_total (c));
  gint64 vat;
  guint rate, row = 0;

  aisle_widget_remove_children (GTK_WIDGET (self->totals));
  add_total_row (self, row++, _("Articles"), items, FALSE);
  if (aisle_checkout_get_kind (c) == AISLE_CHECKOUT_DELIVERY)
    {
      g_autofree char *fee = format_money (c, aisle_checkout_get_fee (c));
      add_total_row (self, row++, _("Delivery"), fee, FALSE);
    }
  if (aisle_checkout_get_coupon (c) != NULL)
    {
      g_autofree char *amount = format_money (c, aisle_checkout_get_discount (c));
      g_autofree char *caption = g_strdup_printf (_("Coupon %s"), aisle_checkout_get_coupon (c)->code);
      g_autofree char *minus = g_strconcat ("\342\210\222", amount, NULL);

      add_total_row (self, row++, caption, minus, FALSE);
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
}

/* Coupons */

static void
show_coupon (AisleCheckoutReview *self)
{
  const AisleCoupon *coupon = self->checkout ? aisle_checkout_get_coupon (self->checkout) : NULL;
  gboolean busy = self->pending > 0;

  gtk_widget_set_visible (self->coupon_applied, coupon != NULL);
  gtk_widget_set_visible (self->coupon_toggle, coupon == NULL && !gtk_widget_get_visible (self->coupon_form));
  if (coupon != NULL)
    {
      g_autofree char *amount = format_money (self->checkout, aisle_checkout_get_discount (self->checkout));
      g_autofree char *text = NULL;

      gtk_widget_set_visible (self->coupon_form, FALSE);
      if (coupon->description != NULL)
        /* Translators: a coupon applied: its code, what it is, and the amount it takes off. */
        text = g_strdup_printf (_("Code %s: %s. %s off."), coupon->code, coupon->description, amount);
      else
        text = g_strdup_printf (_("Code %s: %s off."), coupon->code, amount);
      gtk_label_set_text (self->coupon_label, text);
    }
  gtk_widget_set_sensitive (self->coupon_apply, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->coupon_spinner), busy);
  gtk_spinner_set_spinning (self->coupon_spinner, busy);
}

static void
set_coupon_error (AisleCheckoutReview *self,
                  const char          *text)
{
  gtk_label_set_text (self->coupon_error, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->coupon_error), text != NULL);
  if (text != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    aisle_widget_scroll_into_view_later (gtk_widget_get_parent (self->coupon_form));
}

static const char *
coupon_error_message (const GError *error)
{
  if (g_error_matches (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNKNOWN))
    return _("We do not know this code. Please check it and try again.");
  if (g_error_matches (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_EXPIRED))
    return _("This code is no longer valid.");
  /* Only the store knows why: its words, in the shopper's language. */
  if (g_error_matches (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_NOT_APPLICABLE))
    return error->message && *error->message ? error->message : _("This code does not apply to this order.");
  if (g_error_matches (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_TOO_MANY_TRIES))
    return _("Too many codes tried. Please wait a few minutes, or ask a member of staff.");
  return _("We cannot check codes just now. You can order without it, or ask a member of staff.");
}

static void
coupon_applied_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AisleCheckoutReview) self = user_data;
  g_autoptr(GError) error = NULL;

  aisle_session_apply_coupon_finish (AISLE_SESSION (object), result, &error);
  self->pending--;
  if (g_cancellable_is_cancelled (self->cancellable) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_coupon (self);
      return;
    }
  if (error != NULL)
    {
      g_autofree char *shown = aisle_text_printable (coupon_error_message (error), 300);

      set_coupon_error (self, shown);
      show_coupon (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->coupon_entry));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->coupon_entry), "");
  set_coupon_error (self, NULL);
  if (self->checkout != NULL)
    aisle_checkout_review_show (self, self->checkout);
  /* Nothing more to type: the order and its new total have the room. */
  gtk_widget_activate_action (GTK_WIDGET (self), "shop.hide-keyboard", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_last_child (self->coupon_applied)));
}

static void
coupon_apply_cb (AisleCheckoutReview *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->coupon_entry))));

  if (self->session == NULL || self->pending > 0)
    return;
  if (*code == '\0')
    {
      set_coupon_error (self, _("Please type the code, or scan it."));
      gtk_widget_grab_focus (GTK_WIDGET (self->coupon_entry));
      return;
    }
  set_coupon_error (self, NULL);
  self->pending++;
  show_coupon (self);
  aisle_session_apply_coupon_async (self->session, code, coupon_applied_cb, g_object_ref (self));
}

static void
coupon_toggle_cb (AisleCheckoutReview *self)
{
  gtk_widget_set_visible (self->coupon_form, TRUE);
  show_coupon (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->coupon_entry));
}

static void
coupon_remove_cb (AisleCheckoutReview *self)
{
  if (self->session == NULL)
    return;
  aisle_session_remove_coupon (self->session);
  set_coupon_error (self, NULL);
  if (self->checkout != NULL)
    aisle_checkout_review_show (self, self->checkout);
  gtk_widget_grab_focus (self->coupon_toggle);
}

void
aisle_checkout_review_apply_code (AisleCheckoutReview *self,
                                  const char          *code)
{
  g_return_if_fail (AISLE_IS_CHECKOUT_REVIEW (self));
  g_return_if_fail (code != NULL);

  gtk_widget_set_visible (self->coupon_form, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->coupon_entry), code);
  coupon_apply_cb (self);
}

void
aisle_checkout_review_set_session (AisleCheckoutReview *self,
                                   AisleSession        *session)
{
  g_return_if_fail (AISLE_IS_CHECKOUT_REVIEW (self));
  g_return_if_fail (AISLE_IS_SESSION (session));

  g_set_object (&self->session, session);
}

static void
aisle_checkout_review_dispose (GObject *object)
{
  AisleCheckoutReview *self = AISLE_CHECKOUT_REVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->checkout);
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_CHECKOUT_REVIEW);

  G_OBJECT_CLASS (aisle_checkout_review_parent_class)->dispose (object);
}

static void
aisle_checkout_review_finalize (GObject *object)
{
  g_clear_object (&AISLE_CHECKOUT_REVIEW (object)->cancellable);

  G_OBJECT_CLASS (aisle_checkout_review_parent_class)->finalize (object);
}

static void
aisle_checkout_review_class_init (AisleCheckoutReviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  aisle_widget_class_set_template (widget_class, "aisle-checkout-review", "checkoutreview");
  G_OBJECT_CLASS (klass)->dispose = aisle_checkout_review_dispose;
  G_OBJECT_CLASS (klass)->finalize = aisle_checkout_review_finalize;

  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, lines);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, fulfillment);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, contact);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, totals);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, payment);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, coupon_toggle);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, coupon_form);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, coupon_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, coupon_apply);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, coupon_spinner);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, coupon_error);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, coupon_applied);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, coupon_label);
  gtk_widget_class_bind_template_callback (widget_class, coupon_toggle_cb);
  gtk_widget_class_bind_template_callback (widget_class, coupon_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, coupon_remove_cb);
}

static void
aisle_checkout_review_init (AisleCheckoutReview *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
aisle_checkout_review_show (AisleCheckoutReview *self,
                            AisleCheckout       *checkout)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *fulfillment = NULL;
  g_autoptr(GString) contact = NULL;

  g_return_if_fail (AISLE_IS_CHECKOUT_REVIEW (self));
  g_return_if_fail (AISLE_IS_CHECKOUT (checkout));

  if (self->checkout != checkout)
    {
      gtk_widget_set_visible (self->coupon_form, FALSE);
      set_coupon_error (self, NULL);
    }
  g_set_object (&self->checkout, checkout);
  show_lines (self, checkout);

  fulfillment = aisle_checkout_describe_fulfillment (checkout, now);
  gtk_label_set_text (self->fulfillment, fulfillment);
  contact = g_string_new (aisle_checkout_get_contact_field (checkout, "name"));
  for (const char *field = "email"; field != NULL; field = g_str_equal (field, "email") ? "phone" : NULL)
    if (aisle_checkout_get_contact_field (checkout, field) != NULL)
      g_string_append_printf (contact, " · %s", aisle_checkout_get_contact_field (checkout, field));
  gtk_label_set_text (self->contact, contact->str);

  show_totals (self, checkout);
  show_coupon (self);
  gtk_label_set_text (self->payment,
                      aisle_checkout_get_kind (checkout) == AISLE_CHECKOUT_PICKUP
                      ? _("You pay at the till when you collect your order. This kiosk never asks for card details.")
                      : _("You pay on delivery. This kiosk never asks for card details."));
}

void
aisle_checkout_review_clear (AisleCheckoutReview *self)
{
  g_return_if_fail (AISLE_IS_CHECKOUT_REVIEW (self));

  aisle_widget_remove_children (GTK_WIDGET (self->lines));
  gtk_label_set_text (self->fulfillment, "");
  gtk_label_set_text (self->contact, "");
  gtk_editable_set_text (GTK_EDITABLE (self->coupon_entry), "");
  gtk_widget_set_visible (self->coupon_form, FALSE);
  set_coupon_error (self, NULL);
  g_clear_object (&self->checkout);
}
