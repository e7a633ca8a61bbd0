/* aisle-json-read.c: reading members of the store's JSON answers, with limits */
#define G_LOG_DOMAIN "aisle-json"

#include "config.h"

#include <string.h>

#include "aisle-error.h"
#include "aisle-json-read.h"
#include "aisle-text.h"

gboolean
aisle_json_invalid (GError     **error,
                    const char  *member,
                    const char  *why)
{
  g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "%s: %s", member, why);
  return FALSE;
}

/* The whole body as one JSON object, and that object's @member object. */
json_object *
aisle_json_read_member (GBytes      *body,
                        const char  *member,
                        gsize        max_bytes,
                        GError     **error)
{
  g_autoptr(json_object) root = NULL;
  json_tokener *tok;
  json_object *inner;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  gboolean complete;

  if (len > max_bytes)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE, "answer of %" G_GSIZE_FORMAT " bytes", len);
      return NULL;
    }
  if (data == NULL || len == 0)
    {
      aisle_json_invalid (error, "answer", "empty");
      return NULL;
    }

  tok = json_tokener_new_ex (AISLE_JSON_READ_MAX_DEPTH);
  root = json_tokener_parse_ex (tok, data, (int)len);
  /* One JSON document and nothing after it but white space. */
  complete = json_tokener_get_error (tok) == json_tokener_success;
  if (complete)
    for (gsize i = json_tokener_get_parse_end (tok); i < len; i++)
      complete &= g_ascii_isspace (data[i]);
  json_tokener_free (tok);

  if (!complete || root == NULL || !json_object_is_type (root, json_type_object))
    {
      aisle_json_invalid (error, "answer", "not a JSON object");
      return NULL;
    }
  if (!json_object_object_get_ex (root, member, &inner) || !json_object_is_type (inner, json_type_object))
    {
      aisle_json_invalid (error, member, "missing or not an object");
      return NULL;
    }
  json_object_get (inner);
  return inner;
}

/* A string member, printable, at most @max characters. Absent or null is
 * fine unless @required. */
gboolean
aisle_json_read_text (json_object  *obj,
                      const char   *key,
                      gboolean      required,
                      gsize         max,
                      char        **out,
                      GError      **error)
{
  json_object *value = NULL;
  const char *text;

  if (!json_object_object_get_ex (obj, key, &value) || value == NULL)
    return required ? aisle_json_invalid (error, key, "missing") : TRUE;
  if (!json_object_is_type (value, json_type_string))
    return aisle_json_invalid (error, key, "not a string");
  text = json_object_get_string (value);
  if (!g_utf8_validate (text, json_object_get_string_len (value), NULL) ||
      (gsize)json_object_get_string_len (value) != strlen (text))
    return aisle_json_invalid (error, key, "not UTF-8 text");
  if (g_utf8_strlen (text, -1) > (glong)max)
    return aisle_json_invalid (error, key, "too long");
  *out = aisle_text_printable (text, max);
  if (*out == NULL && required)
    return aisle_json_invalid (error, key, "empty");
  return TRUE;
}

gboolean
aisle_json_read_time (json_object  *obj,
                      const char   *key,
                      GDateTime   **out,
                      GError      **error)
{
  g_autofree char *text = NULL;

  if (!aisle_json_read_text (obj, key, FALSE, 64, &text, error))
    return FALSE;
  if (text != NULL && (*out = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return aisle_json_invalid (error, key, "not an RFC 3339 time");
  return TRUE;
}

gboolean
aisle_json_read_int (json_object *obj,
                     const char  *key,
                     gboolean     required,
                     gint64       min,
                     gint64       max,
                     gint64      *out,
                     GError     **error)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (obj, key, &value) || value == NULL)
    return required ? aisle_json_invalid (error, key, "missing") : TRUE;
  if (!json_object_is_type (value, json_type_int))
    return aisle_json_invalid (error, key, "not a whole number");
  *out = json_object_get_int64 (value);
  if (*out < min || *out > max)
    return aisle_json_invalid (error, key, "out of range");
  return TRUE;
}

/* "2026-12-13": a real date. */
gboolean
aisle_json_is_date (const char *text)
{
  static const guint digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (!g_ascii_isdigit (text[digits[i]]))
      return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  return year >= 1 && g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

gboolean
aisle_json_is_currency (const char *text)
{
  return strlen (text) == 3 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2]);
}

/* Money, as everywhere in the protocol: {"amount": 13497, "currency": "EUR"}. */
gboolean
aisle_json_read_money (json_object  *obj,
                       const char   *key,
                       gint64       *amount,
                       char        **currency,
                       GError      **error)
{
  json_object *money = NULL;

  *amount = -1;
  if (!json_object_object_get_ex (obj, key, &money) || money == NULL)
    return TRUE;
  if (!json_object_is_type (money, json_type_object))
    return aisle_json_invalid (error, key, "not money");
  if (!aisle_json_read_int (money, "amount", TRUE, 0, G_GINT64_CONSTANT (100000000000), amount, error) ||
      !aisle_json_read_text (money, "currency", TRUE, 3, currency, error))
    return FALSE;
  if (!aisle_json_is_currency (*currency))
    return aisle_json_invalid (error, "currency", "not an ISO 4217 code");
  return TRUE;
}
