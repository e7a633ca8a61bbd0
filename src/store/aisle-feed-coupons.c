/* aisle-feed-coupons.c: coupons at a store-feed shop: the store's endpoint, or the demo's rules */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <json-c/json.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-feed-coupons.h"
#include "aisle-money.h"

#define DEMO_MAX_BYTES   (256 * 1024)
#define MAX_AMOUNT       G_GINT64_CONSTANT (100000000000)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static gboolean
set_error (GError          **error,
           AisleCouponError  code,
           const char       *message)
{
  g_set_error_literal (error, AISLE_COUPON_ERROR, code, message);
  return FALSE;
}

static const char *
member_string (json_object *obj,
               const char  *key)
{
  json_object *value = NULL;

  if (obj == NULL || !json_object_object_get_ex (obj, key, &value) || !json_object_is_type (value, json_type_string))
    return NULL;
  return json_object_get_string (value);
}

/* A whole number member in 0..MAX_AMOUNT, or -1. */
static gint64
member_amount (json_object *obj,
               const char  *key)
{
  json_object *value = NULL;
  gint64 amount;

  if (obj == NULL || !json_object_object_get_ex (obj, key, &value) || !json_object_is_type (value, json_type_int))
    return -1;
  amount = json_object_get_int64 (value);
  return amount >= 0 && amount <= MAX_AMOUNT ? amount : -1;
}

/* The demo store: coupons.json beside the feed */

static json_object *
demo_coupons (const char  *base_url,
              GError     **error)
{
  g_autofree char *uri = g_strconcat (base_url, "/coupons.json", NULL);
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(json_object) root = NULL;
  json_object *coupons = NULL;
  gsize len = 0;

  if (path == NULL || !g_file_get_contents (path, &contents, &len, NULL) || len > DEMO_MAX_BYTES ||
      (root = json_tokener_parse (contents)) == NULL ||
      !json_object_object_get_ex (root, "coupons", &coupons) || !json_object_is_type (coupons, json_type_array))
    {
      set_error (error, AISLE_COUPON_ERROR_UNAVAILABLE, "the demo store has no coupons");
      return NULL;
    }
  return json_object_get (coupons);
}

/* A code as the demo compares it: case, spaces and hyphens left out. */
static char *
compare_key (const char *code)
{
  g_autofree char *normal = aisle_coupon_normalize_code (code);
  GString *key;

  if (normal == NULL)
    return NULL;
  key = g_string_new (NULL);
  for (const char *p = normal; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

static json_object *
demo_find (json_object *coupons,
           const char  *code)
{
  g_autofree char *wanted = compare_key (code);

  for (size_t i = 0; wanted != NULL && i < json_object_array_length (coupons); i++)
    {
      json_object *coupon = json_object_array_get_idx (coupons, i);
      g_autofree char *known = compare_key (member_string (coupon, "code"));

      if (known != NULL && g_str_equal (known, wanted))
        return coupon;
    }
  return NULL;
}

/* What @coupon takes off an order of @items and @fees, or a reason it does
 * not apply; the message is the "store's", in the shopper's language. */
static gint64
demo_discount (json_object  *coupon,
               const char   *fulfillment,
               gint64        items,
               gint64        fees,
               const char   *currency,
               const char   *language,
               GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *from = member_string (coupon, "valid_from");
  const char *until = member_string (coupon, "valid_until");
  const char *only = member_string (coupon, "fulfillment");
  gint64 min_items = member_amount (coupon, "min_items");
  gint64 percent = member_amount (coupon, "percent");
  gint64 amount = member_amount (coupon, "amount");
  json_object *free_delivery = NULL;
  gint64 discount;

  if (until != NULL && strcmp (today, until) > 0)
    return set_error (error, AISLE_COUPON_ERROR_EXPIRED, "expired"), -1;
  if (from != NULL && strcmp (today, from) < 0)
    {
      /* Translators: why a coupon does not apply yet; %s is a date, 2027-01-01. */
      g_autofree char *message = g_strdup_printf (_("This code can be used from %s."), from);

      return set_error (error, AISLE_COUPON_ERROR_NOT_APPLICABLE, message), -1;
    }
  if (only != NULL && g_strcmp0 (only, fulfillment) != 0)
    return set_error (error, AISLE_COUPON_ERROR_NOT_APPLICABLE,
                      g_str_equal (only, "delivery") ? _("This code is for home delivery only.")
                                                     : _("This code is for orders collected in store only.")), -1;
  if (min_items > 0 && items < min_items)
    {
      g_autofree char *minimum = aisle_money_format (min_items, currency, language);
      g_autofree char *missing = aisle_money_format (min_items - items, currency, language);
      /* Translators: why a coupon does not apply; amounts, e.g. €50.00 and €30.00. */
      g_autofree char *message = g_strdup_printf (_("This code needs articles for at least %s: add %s more."),
                                                  minimum, missing);

      return set_error (error, AISLE_COUPON_ERROR_NOT_APPLICABLE, message), -1;
    }

  if (percent > 0 && percent <= 100)
    discount = (items * percent + 50) / 100;
  else if (amount > 0)
    discount = amount;
  else if (json_object_object_get_ex (coupon, "free_delivery", &free_delivery) &&
           json_object_get_boolean (free_delivery))
    {
      if (fees == 0)
        return set_error (error, AISLE_COUPON_ERROR_NOT_APPLICABLE, _("There is no delivery fee to take off.")), -1;
      discount = fees;
    }
  else
    discount = 0;
  discount = MIN (discount, items + fees);
  if (discount <= 0)
    return set_error (error, AISLE_COUPON_ERROR_NOT_APPLICABLE, _("This code takes nothing off this order.")), -1;
  return discount;
}

static AisleCoupon *
demo_validate (const AisleFeedOnlineTarget  *target,
               json_object                  *request,
               GError                      **error)
{
  g_autoptr(json_object) coupons = demo_coupons (target->base_url, error);
  json_object *coupon, *totals = NULL, *description = NULL;
  const char *language = member_string (request, "language");
  const char *currency;
  AisleCoupon *out;
  gint64 items, fees, discount;

  if (coupons == NULL)
    return NULL;
  if ((coupon = demo_find (coupons, member_string (request, "code"))) == NULL)
    {
      set_error (error, AISLE_COUPON_ERROR_UNKNOWN, "unknown code");
      return NULL;
    }
  json_object_object_get_ex (request, "totals", &totals);
  items = member_amount (totals, "items");
  fees = member_amount (totals, "fees");
  currency = member_string (totals, "currency");
  if (items < 0 || fees < 0 || currency == NULL)
    {
      set_error (error, AISLE_COUPON_ERROR_UNAVAILABLE, "the request has no totals");
      return NULL;
    }
  discount = demo_discount (coupon, member_string (request, "fulfillment"), items, fees, currency,
                            language ? language : "en", error);
  if (discount < 0)
    return NULL;

  out = g_new0 (AisleCoupon, 1);
  out->code = g_strdup (member_string (coupon, "code"));
  if (json_object_object_get_ex (coupon, "description", &description))
    out->description = g_strdup (member_string (description, language ? language : "en")
                                 ?: member_string (description, "en"));
  out->discount = discount;
  out->currency = g_strdup (currency);
  out->valid_until = g_strdup (member_string (coupon, "valid_until"));
  return out;
}

/* The store's endpoint */

static void
refused (AisleHttpResponse  *response,
         GError            **error)
{
  g_autofree char *message = aisle_feed_online_error_message (response);
  g_autoptr(json_object) root = NULL;
  json_object *body = NULL;
  const char *code = NULL;
  gsize len = 0;
  const char *data = response->body ? g_bytes_get_data (response->body, &len) : NULL;

  if (data != NULL && len > 0 && len < DEMO_MAX_BYTES)
    {
      g_autofree char *text = g_strndup (data, len);

      root = json_tokener_parse (text);
      if (root != NULL && json_object_object_get_ex (root, "error", &body))
        code = member_string (body, "code");
    }
  switch (response->status)
    {
    case 404:
      /* Any other 404: a server without coupons, or a wrong address. */
      set_error (error, g_strcmp0 (code, "unknown_coupon") == 0 ? AISLE_COUPON_ERROR_UNKNOWN
                                                                : AISLE_COUPON_ERROR_UNAVAILABLE,
                 message);
      break;
    case 409:
      set_error (error,
                 g_strcmp0 (code, "expired") == 0 ? AISLE_COUPON_ERROR_EXPIRED : AISLE_COUPON_ERROR_NOT_APPLICABLE,
                 message);
      break;
    case 429:
      set_error (error, AISLE_COUPON_ERROR_TOO_MANY_TRIES, message);
      break;
    default:
      g_set_error (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNAVAILABLE, "the store answered %u: %s",
                   response->status, message);
      break;
    }
}

AisleCoupon *
aisle_feed_coupons_validate (const AisleFeedOnlineTarget  *target,
                             const char                   *request,
                             GCancellable                 *cancellable,
                             GError                      **error)
{
  g_autoptr(json_object) body = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *key = NULL;
  g_autofree char *normal = NULL;
  AisleCoupon *coupon;

  g_return_val_if_fail (target != NULL && target->base_url != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);

  body = json_tokener_parse (request);
  if (body == NULL || !json_object_is_type (body, json_type_object) ||
      (normal = aisle_coupon_normalize_code (member_string (body, "code"))) == NULL)
    {
      set_error (error, AISLE_COUPON_ERROR_UNKNOWN, "not a code");
      return NULL;
    }
  if (g_str_has_prefix (target->base_url, "file:"))
    return demo_validate (target, body, error);

  if (target->store_id != NULL)
    json_object_object_add (body, "store_id", json_object_new_string (target->store_id));
  /* Validating changes nothing: any key will do. */
  key = g_uuid_string_random ();
  response = aisle_feed_online_post (target, "/coupons/validate",
                                     json_object_to_json_string_ext (body, JSON_C_TO_STRING_PLAIN), key, cancellable,
                                     &local);
  if (response == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNAVAILABLE, "%s", local->message);
      return NULL;
    }
  if (response->status != 200)
    {
      refused (response, error);
      return NULL;
    }
  if ((coupon = aisle_coupon_parse (response->body, &local)) == NULL)
    g_set_error (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNAVAILABLE, "the store's answer: %s", local->message);
  return coupon;
}
