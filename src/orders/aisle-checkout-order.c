/* aisle-checkout-order.c: the order document a checkout sends (docs/order-protocol.md) */
#define G_LOG_DOMAIN "aisle-checkout"

#include "config.h"

#include <json.h>
#include <string.h>

#include "aisle-checkout-private.h"
#include "aisle-json-build.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static json_object *
money (gint64      amount,
       const char *currency)
{
  json_object *obj = json_object_new_object ();

  json_object_object_add (obj, "amount", json_object_new_int64 (amount));
  json_object_object_add (obj, "currency", json_object_new_string (currency));
  return obj;
}

static json_object *
rfc3339 (gint64     unix_time,
         GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, tz) : NULL;
  g_autofree char *text = local ? g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z") : NULL;

  return json_object_new_string (text ? text : "");
}

static json_object *
fulfillment_json (AisleCheckout *self)
{
  json_object *obj = json_object_new_object ();
  json_object *window = json_object_new_object ();
  g_autoptr(GTimeZone) tz = aisle_checkout_window_timezone (self);
  AisleStoreInfo info;

  json_object_object_add (window, "start", rfc3339 (self->window.start, tz));
  json_object_object_add (window, "end", rfc3339 (self->window.end, tz));

  if (self->kind == AISLE_CHECKOUT_PICKUP)
    {
      json_object_object_add (obj, "type", json_object_new_string ("pickup"));
      if (aisle_checkout_store_info (self, self->pickup_store, &info))
        aisle_json_add_string (obj, "store", info.id);
      json_object_object_add (obj, "window", window);
      return obj;
    }

  {
    json_object *address = json_object_new_object ();

    for (guint i = 0; i < G_N_ELEMENTS (aisle_checkout_address_fields); i++)
      aisle_json_add_string (address, aisle_checkout_address_fields[i],
                  i == 4 && self->address[4] == NULL ? aisle_checkout_get_country (self) : self->address[i]);
    json_object_object_add (obj, "type", json_object_new_string ("delivery"));
    json_object_object_add (obj, "address", address);
    json_object_object_add (obj, "window", window);
    json_object_object_add (obj, "fee", money (aisle_checkout_get_fee (self), aisle_checkout_get_currency (self)));
  }
  return obj;
}

static json_object *
lines_json (AisleCheckout *self,
            AisleLanguage  lang)
{
  const char *currency = aisle_checkout_get_currency (self);
  json_object *lines = json_object_new_array ();

  for (guint i = 0; i < self->lines->len; i++)
    {
      const AisleCheckoutLine *l = &g_array_index (self->lines, AisleCheckoutLine, i);
      json_object *line = json_object_new_object ();

      aisle_json_add_string (line, "product", l->product_id);
      aisle_json_add_string (line, "article", aisle_catalog_product_article (self->catalog, l->product));
      aisle_json_add_string (line, "name", aisle_catalog_product_name (self->catalog, l->product, lang));
      json_object_object_add (line, "quantity", json_object_new_int64 (l->quantity));
      json_object_object_add (line, "unit_price", money (l->unit_price, currency));
      json_object_array_add (lines, line);
    }
  return lines;
}

/* Before any discount. */
static json_object *
totals_json (AisleCheckout *self)
{
  gint64 items = aisle_checkout_get_items_total (self), fees = aisle_checkout_get_fee (self);
  json_object *totals = json_object_new_object ();

  json_object_object_add (totals, "items", json_object_new_int64 (items));
  json_object_object_add (totals, "fees", json_object_new_int64 (fees));
  json_object_object_add (totals, "total", json_object_new_int64 (items + fees));
  json_object_object_add (totals, "currency", json_object_new_string (aisle_checkout_get_currency (self)));
  return totals;
}

char *
aisle_checkout_coupon_request (AisleCheckout *self,
                               const char    *code,
                               const char    *language)
{
  g_autoptr(json_object) root = json_object_new_object ();
  AisleLanguage lang;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!aisle_language_from_code (language, &lang))
    lang = AISLE_LANGUAGE_EN;
  json_object_object_add (root, "code", json_object_new_string (code));
  json_object_object_add (root, "language", json_object_new_string (aisle_language_get_code (lang)));
  json_object_object_add (root, "fulfillment",
                          json_object_new_string (self->kind == AISLE_CHECKOUT_PICKUP ? "pickup" : "delivery"));
  json_object_object_add (root, "lines", lines_json (self, lang));
  json_object_object_add (root, "totals", totals_json (self));
  return g_strdup (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

char *
aisle_checkout_to_json (AisleCheckout *self,
                        const char    *id,
                        GDateTime     *created_at,
                        const char    *kiosk,
                        const char    *language)
{
  g_autoptr(json_object) root = NULL;
  g_autofree char *created = NULL;
  const AisleCoupon *coupon;
  json_object *contact, *totals;
  const char *currency;
  AisleLanguage lang;
  AisleStoreInfo home;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (created_at != NULL, NULL);

  if (!aisle_language_from_code (language, &lang))
    lang = AISLE_LANGUAGE_EN;
  currency = aisle_checkout_get_currency (self);
  created = g_date_time_format (created_at, "%Y-%m-%dT%H:%M:%S%:z");

  root = json_object_new_object ();
  json_object_object_add (root, "format", json_object_new_string ("aisle-order"));
  json_object_object_add (root, "format_version", json_object_new_int (1));
  json_object_object_add (root, "id", json_object_new_string (id));
  json_object_object_add (root, "created_at", json_object_new_string (created));
  json_object_object_add (root, "kiosk", json_object_new_string (kiosk ? kiosk : ""));
  if (aisle_checkout_store_info (self, self->home_store, &home))
    aisle_json_add_string (root, "store", home.id);
  json_object_object_add (root, "language", json_object_new_string (aisle_language_get_code (lang)));
  json_object_object_add (root, "fulfillment", fulfillment_json (self));

  contact = json_object_new_object ();
  for (guint i = 0; i < G_N_ELEMENTS (aisle_checkout_contact_fields); i++)
    aisle_json_add_string (contact, aisle_checkout_contact_fields[i], self->contact[i]);
  json_object_object_add (root, "contact", contact);

  json_object_object_add (root, "lines", lines_json (self, lang));

  totals = totals_json (self);
  if ((coupon = aisle_checkout_get_coupon (self)) != NULL)
    {
      json_object *applied = json_object_new_object ();

      aisle_json_add_string (applied, "code", coupon->code);
      json_object_object_add (applied, "discount", money (aisle_checkout_get_discount (self), currency));
      json_object_object_add (root, "coupon", applied);
      json_object_object_add (totals, "discount", json_object_new_int64 (aisle_checkout_get_discount (self)));
      json_object_object_add (totals, "total", json_object_new_int64 (aisle_checkout_get_total (self)));
    }
  json_object_object_add (root, "totals", totals);

  return g_strdup (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

char *
aisle_checkout_order_reference_url (AisleCatalog *catalog,
                                    const char   *id)
{
  const char *shop;

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  shop = aisle_catalog_get_shop_url (catalog);
  if (shop == NULL || !(g_str_has_prefix (shop, "https://") || g_str_has_prefix (shop, "http://")))
    return g_strconcat ("urn:aisle:order:", id, NULL);
  return g_strconcat (shop, g_str_has_suffix (shop, "/") ? "" : "/", "orders/", id, NULL);
}

char *
aisle_checkout_short_reference (const char *id)
{
  g_autofree char *copy = NULL;
  char *p;

  g_return_val_if_fail (id != NULL, NULL);

  copy = g_ascii_strup (id, -1);
  if ((p = strchr (copy, '-')) != NULL)
    *p = '\0';
  if (strlen (copy) > 8)
    copy[8] = '\0';
  return g_steal_pointer (&copy);
}
