/* aisle-coupon.c: a coupon from online marketing, as the store validates it */
#define G_LOG_DOMAIN "aisle-coupon"

#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "aisle-coupon.h"
#include "aisle-error.h"
#include "aisle-text.h"

#define MAX_BYTES  (64 * 1024)
#define MAX_TEXT   200

G_DEFINE_QUARK (aisle-coupon-error-quark, aisle_coupon_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static gboolean
invalid (GError     **error,
         const char  *member,
         const char  *why)
{
  g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "%s: %s", member, why);
  return FALSE;
}

/* A printable string member of at most @max characters (NULL when absent
 * and not @required). */
static gboolean
read_text (json_object  *obj,
           const char   *key,
           gboolean      required,
           gsize         max,
           char        **out,
           GError      **error)
{
  json_object *value = NULL;
  const char *text;

  if (!json_object_object_get_ex (obj, key, &value) || value == NULL)
    return required ? invalid (error, key, "missing") : TRUE;
  if (!json_object_is_type (value, json_type_string))
    return invalid (error, key, "not a string");
  text = json_object_get_string (value);
  if ((gsize)json_object_get_string_len (value) != strlen (text) || !g_utf8_validate (text, -1, NULL))
    return invalid (error, key, "not UTF-8 text");
  if (g_utf8_strlen (text, -1) > (glong)max)
    return invalid (error, key, "too long");
  *out = aisle_text_printable (text, max);
  if (*out == NULL && required)
    return invalid (error, key, "empty");
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  int year, month, day;
  char end;

  return strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
         year > 0 && g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

AisleCoupon *
aisle_coupon_parse (GBytes  *body,
                    GError **error)
{
  g_autoptr(json_object) root = NULL;
  g_autoptr(AisleCoupon) coupon = NULL;
  json_object *obj = NULL, *money = NULL, *amount = NULL;
  json_tokener *tok;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  gboolean complete;

  if (len > MAX_BYTES)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE, "answer of %" G_GSIZE_FORMAT " bytes", len);
      return NULL;
    }
  if (data == NULL || len == 0)
    {
      invalid (error, "answer", "empty");
      return NULL;
    }
  tok = json_tokener_new_ex (8);
  root = json_tokener_parse_ex (tok, data, (int)len);
  complete = json_tokener_get_error (tok) == json_tokener_success;
  for (gsize i = complete ? json_tokener_get_parse_end (tok) : len; i < len; i++)
    complete &= g_ascii_isspace (data[i]);
  json_tokener_free (tok);
  if (!complete || root == NULL || !json_object_is_type (root, json_type_object) ||
      !json_object_object_get_ex (root, "coupon", &obj) || !json_object_is_type (obj, json_type_object))
    {
      invalid (error, "coupon", "missing or not an object");
      return NULL;
    }

  coupon = g_new0 (AisleCoupon, 1);
  if (!read_text (obj, "code", TRUE, AISLE_COUPON_MAX_CODE, &coupon->code, error) ||
      !read_text (obj, "description", FALSE, MAX_TEXT, &coupon->description, error) ||
      !read_text (obj, "valid_until", FALSE, 10, &coupon->valid_until, error))
    return NULL;
  if (coupon->valid_until != NULL && !is_date (coupon->valid_until))
    {
      invalid (error, "valid_until", "not a date");
      return NULL;
    }
  if (!json_object_object_get_ex (obj, "discount", &money) || !json_object_is_type (money, json_type_object) ||
      !json_object_object_get_ex (money, "amount", &amount) || !json_object_is_type (amount, json_type_int))
    {
      invalid (error, "discount", "missing or not money");
      return NULL;
    }
  coupon->discount = json_object_get_int64 (amount);
  if (coupon->discount <= 0 || coupon->discount > G_GINT64_CONSTANT (100000000000))
    {
      invalid (error, "discount", "out of range");
      return NULL;
    }
  if (!read_text (money, "currency", TRUE, 3, &coupon->currency, error))
    return NULL;
  if (strlen (coupon->currency) != 3 || !g_ascii_isupper (coupon->currency[0]) ||
      !g_ascii_isupper (coupon->currency[1]) || !g_ascii_isupper (coupon->currency[2]))
    {
      invalid (error, "currency", "not an ISO 4217 code");
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
