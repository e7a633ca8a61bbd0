/* aisle-coupon.c: a coupon from online marketing, as the store validates it */
#define G_LOG_DOMAIN "aisle-coupon"

#include "config.h"

#include <string.h>

#include "aisle-coupon.h"
#include "aisle-json-read.h"

#define MAX_BYTES  (64 * 1024)
#define MAX_TEXT   200

G_DEFINE_QUARK (aisle-coupon-error-quark, aisle_coupon_error)

AisleCoupon *
aisle_coupon_parse (GBytes  *body,
                    GError **error)
{
  g_autoptr(json_object) obj = aisle_json_read_member (body, "coupon", MAX_BYTES, error);
  g_autoptr(AisleCoupon) coupon = NULL;

  if (obj == NULL)
    return NULL;

  coupon = g_new0 (AisleCoupon, 1);
  if (!aisle_json_read_text (obj, "code", TRUE, AISLE_COUPON_MAX_CODE, &coupon->code, error) ||
      !aisle_json_read_text (obj, "description", FALSE, MAX_TEXT, &coupon->description, error) ||
      !aisle_json_read_text (obj, "valid_until", FALSE, 10, &coupon->valid_until, error) ||
      !aisle_json_read_money (obj, "discount", &coupon->discount, &coupon->currency, error))
    return NULL;
  if (coupon->valid_until != NULL && !aisle_json_is_date (coupon->valid_until))
    {
      aisle_json_invalid (error, "valid_until", "not a date");
      return NULL;
    }
  /* Something off, and never a refund at the kiosk. */
  if (coupon->discount <= 0)
    {
      aisle_json_invalid (error, "discount", coupon->discount < 0 ? "missing" : "nothing off");
      return NULL;
    }
  return g_steal_pointer (&coupon);
}

char *
aisle_coupon_normalize_code (const char *text)
{
  g_autoptr(GString) code = NULL;

  if (text == NULL || strlen (text) > 4 * AISLE_COUPON_MAX_CODE)
    return NULL;
  code = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isalnum (*p) && *p != '-')
        return NULL;
      g_string_append_c (code, g_ascii_toupper (*p));
    }
  if (code->len == 0 || code->len > AISLE_COUPON_MAX_CODE)
    return NULL;
  return g_string_free (g_steal_pointer (&code), FALSE);
}

char *
aisle_coupon_read_link (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_auto(GStrv) segments = NULL;
  const char *scheme;
  guint n;

  if (text == NULL || strlen (text) > 4096 || !g_utf8_validate (text, -1, NULL) ||
      (uri = g_uri_parse (text, G_URI_FLAGS_ENCODED_QUERY, NULL)) == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    return NULL;
  if (g_uri_get_query (uri) != NULL &&
      (params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL)) != NULL &&
      g_hash_table_lookup (params, "coupon") != NULL)
    return aisle_coupon_normalize_code (g_hash_table_lookup (params, "coupon"));

  segments = g_strsplit (g_uri_get_path (uri), "/", -1);
  n = g_strv_length (segments);
  while (n > 0 && *segments[n - 1] == '\0')
    n--;
  if (n < 2 || !g_str_equal (segments[n - 2], "coupons"))
    return NULL;
  return aisle_coupon_normalize_code (segments[n - 1]);
}

AisleCoupon *
aisle_coupon_copy (const AisleCoupon *coupon)
{
  AisleCoupon *copy;

  if (coupon == NULL)
    return NULL;
  copy = g_new0 (AisleCoupon, 1);
  copy->code = g_strdup (coupon->code);
  copy->description = g_strdup (coupon->description);
  copy->discount = coupon->discount;
  copy->currency = g_strdup (coupon->currency);
  copy->valid_until = g_strdup (coupon->valid_until);
  return copy;
}

void
aisle_coupon_free (AisleCoupon *coupon)
{
  if (coupon == NULL)
    return;
  g_free (coupon->code);
  g_free (coupon->description);
  g_free (coupon->currency);
  g_free (coupon->valid_until);
  g_free (coupon);
}
