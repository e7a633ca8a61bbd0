/* aisle-shop-codes.c: what a scanned code opens: a product, a list, an online order, a coupon */
#define G_LOG_DOMAIN "aisle-shop"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-list-link.h"
#include "aisle-shop-view.h"

/* A QR code's link: a list from a slip, or from the online shop on a
 * phone, joins the shopper's list. */
static void
open_list_link (AisleShopView *self,
                const char    *code)
{
  AisleSession *session = aisle_shop_view_get_session (self);
  AisleCatalog *catalog = aisle_session_get_catalog (session);
  AisleListLinkCounts counts;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (catalog != NULL && aisle_list_link_merge (code, catalog, aisle_session_get_list (session), &counts, &error))
    {
      aisle_shop_view_show_list (self);
      text = aisle_list_link_describe (&counts);
    }
  aisle_shop_view_show_notice (self, text ? text : aisle_list_link_error_message (error));
}

void
aisle_shop_view_open_code (AisleShopView *self,
                           const char    *code)
{
  AisleCatalog *catalog;
  g_autofree char *number = NULL;
  g_autofree char *pickup_code = NULL;
  g_autofree char *coupon = NULL;
  g_autofree char *text = NULL;
  guint index;

  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (code != NULL);

  if (aisle_history_get_length (aisle_session_get_history (aisle_shop_view_get_session (self))) == 0)
    aisle_shop_view_show_home (self);

  /* An order confirmation's QR code: the order, found at once with its
   * pickup code. */
  if (aisle_online_order_read_link (code, &number, &pickup_code))
    {
      aisle_shop_view_show_collect (self, number, pickup_code);
      return;
    }
  /* A marketing e-mail's coupon, while the order is reviewed. */
  if ((coupon = aisle_coupon_read_link (code)) != NULL && aisle_shop_view_offer_coupon (self, coupon))
    return;
  if (g_str_has_prefix (code, "https://") || g_str_has_prefix (code, "http://"))
    {
      open_list_link (self, code);
      return;
    }

  catalog = aisle_session_get_catalog (aisle_shop_view_get_session (self));
  index = catalog ? aisle_catalog_find_by_code (catalog, code) : AISLE_CATALOG_NO_INDEX;
  if (index != AISLE_CATALOG_NO_INDEX)
    {
      aisle_shop_view_show_product (self, index);
      return;
    }

  /* On the review, a barcode that is no product is a coupon's. */
  g_free (coupon);
  coupon = aisle_coupon_normalize_code (code);
  if (coupon != NULL && aisle_shop_view_offer_coupon (self, code))
    return;

  /* On the collect page, a barcode that is no product is the order's. */
  if (g_strcmp0 (aisle_shop_view_get_page_name (self), "collect") == 0 && aisle_online_order_is_number (code))
    {
      aisle_shop_view_show_collect (self, code, NULL);
      return;
    }

  /* Translators: %s is the number a barcode scanner read. */
  text = g_strdup_printf (_("We could not find the product with code %s. Please ask a member of staff."), code);
  aisle_shop_view_show_notice (self, text);
}
