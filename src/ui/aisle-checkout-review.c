/* aisle-checkout-review.c: the checkout's last step, the order as it will be placed */
#define G_LOG_DOMAIN "aisle-checkout-review"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-checkout-review.h"
#include "aisle-language.h"
#include "aisle-money.h"
#include "aisle-widget-util.h"

struct _AisleCheckoutReview
{
  GtkWidget  parent_instance;

  GtkBox    *lines;
  GtkLabel  *fulfillment;
  GtkLabel  *contact;
  GtkGrid   *totals;
  GtkLabel  *payment;
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

static void
aisle_checkout_review_dispose (GObject *object)
{
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_CHECKOUT_REVIEW);

  G_OBJECT_CLASS (aisle_checkout_review_parent_class)->dispose (object);
}

static void
aisle_checkout_review_class_init (AisleCheckoutReviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  aisle_widget_class_set_template (widget_class, "aisle-checkout-review", "checkoutreview");
  G_OBJECT_CLASS (klass)->dispose = aisle_checkout_review_dispose;

  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, lines);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, fulfillment);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, contact);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, totals);
  gtk_widget_class_bind_template_child (widget_class, AisleCheckoutReview, payment);
}

static void
aisle_checkout_review_init (AisleCheckoutReview *self)
{
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

  show_lines (self, checkout);

  fulfillment = aisle_checkout_describe_fulfillment (checkout, now);
  gtk_label_set_text (self->fulfillment, fulfillment);
  contact = g_string_new (aisle_checkout_get_contact_field (checkout, "name"));
  for (const char *field = "email"; field != NULL; field = g_str_equal (field, "email") ? "phone" : NULL)
    if (aisle_checkout_get_contact_field (checkout, field) != NULL)
      g_string_append_printf (contact, " · %s", aisle_checkout_get_contact_field (checkout, field));
  gtk_label_set_text (self->contact, contact->str);

  show_totals (self, checkout);
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
}
