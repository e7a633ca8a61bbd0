/* aisle-online-order.c: reading the store's answers about online orders */
#define G_LOG_DOMAIN "aisle-online-order"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-online-order.h"
#include "aisle-text.h"

#define MAX_DEPTH          16
#define MAX_QUANTITY       9999
#define MAX_WAIT_MINUTES   600
#define MAX_QUEUE_NUMBER   16

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

G_DEFINE_QUARK (aisle-online-order-error-quark, aisle_online_order_error)

static const char *const state_names[] = {
  [AISLE_ONLINE_ORDER_READY] = "ready",
  [AISLE_ONLINE_ORDER_PREPARING] = "preparing",
  [AISLE_ONLINE_ORDER_AT_OTHER_STORE] = "at_other_store",
  [AISLE_ONLINE_ORDER_COLLECTED] = "collected",
  [AISLE_ONLINE_ORDER_CANCELLED] = "cancelled",
};

const char *
aisle_online_order_state_to_string (AisleOnlineOrderState state)
{
  g_return_val_if_fail ((guint)state < G_N_ELEMENTS (state_names), NULL);
  return state_names[state];
}

gboolean
aisle_online_order_state_from_string (const char            *text,
                                      AisleOnlineOrderState *state)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (text, state_names[i]))
      {
        *state = (AisleOnlineOrderState)i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *member,
         const char  *why)
{
  g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "%s: %s", member, why);
  return FALSE;
}

/* The whole body as one JSON object, and that object's @member object. */
static json_object *
parse_root (GBytes      *body,
            const char  *member,
            GError     **error)
{
  g_autoptr(json_object) root = NULL;
  json_tokener *tok;
  json_object *inner;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  gboolean complete;

  if (len > AISLE_ONLINE_ORDER_MAX_BYTES)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE, "answer of %" G_GSIZE_FORMAT " bytes", len);
      return NULL;
    }
  if (data == NULL || len == 0)
    {
      invalid (error, "answer", "empty");
      return NULL;
    }

  tok = json_tokener_new_ex (MAX_DEPTH);
  root = json_tokener_parse_ex (tok, data, (int)len);
  /* One JSON document and nothing after it but white space. */
  complete = json_tokener_get_error (tok) == json_tokener_success;
  if (complete)
    for (gsize i = json_tokener_get_parse_end (tok); i < len; i++)
      complete &= g_ascii_isspace (data[i]);
  json_tokener_free (tok);

  if (!complete || root == NULL || !json_object_is_type (root, json_type_object))
    {
      invalid (error, "answer", "not a JSON object");
      return NULL;
    }
  if (!json_object_object_get_ex (root, member, &inner) || !json_object_is_type (inner, json_type_object))
    {
      invalid (error, member, "missing or not an object");
      return NULL;
    }
  json_object_get (inner);
  return inner;
}

/* A string member, printable, at most @max characters. Absent or null is
 * fine unless @required. */
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
  if (!g_utf8_validate (text, json_object_get_string_len (value), NULL) ||
      (gsize)json_object_get_string_len (value) != strlen (text))
    return invalid (error, key, "not UTF-8 text");
  if (g_utf8_strlen (text, -1) > (glong)max)
    return invalid (error, key, "too long");
  *out = aisle_text_printable (text, max);
  if (*out == NULL && required)
    return invalid (error, key, "empty");
  return TRUE;
}

static gboolean
read_time (json_object  *obj,
           const char   *key,
           GDateTime   **out,
           GError      **error)
{
  g_autofree char *text = NULL;

  if (!read_text (obj, key, FALSE, 64, &text, error))
    return FALSE;
  if (text != NULL && (*out = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return invalid (error, key, "not an RFC 3339 time");
  return TRUE;
}

static gboolean
read_int (json_object *obj,
          const char  *key,
          gboolean     required,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (obj, key, &value) || value == NULL)
    return required ? invalid (error, key, "missing") : TRUE;
  if (!json_object_is_type (value, json_type_int))
    return invalid (error, key, "not a whole number");
  *out = json_object_get_int64 (value);
  if (*out < min || *out > max)
    return invalid (error, key, "out of range");
  return TRUE;
}

/* "2026-12-13": a real date. */
static gboolean
is_date (const char *text)
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

static gboolean
is_currency (const char *text)
{
  return strlen (text) == 3 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2]);
}

/* Money, as everywhere in the protocol: {"amount": 13497, "currency": "EUR"}. */
static gboolean
read_money (json_object  *obj,
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
    return invalid (error, key, "not money");
  if (!read_int (money, "amount", TRUE, 0, G_GINT64_CONSTANT (100000000000), amount, error) ||
      !read_text (money, "currency", TRUE, 3, currency, error))
    return FALSE;
  if (!is_currency (*currency))
    return invalid (error, "currency", "not an ISO 4217 code");
  return TRUE;
}

static void
line_free (AisleOnlineOrderLine *line)
{
  g_free (line->id);
  g_free (line->article);
  g_free (line->name);
  g_free (line->return_until);
  g_free (line);
}

/* An order's lines, or a return's (which have no article or window). */
static gboolean
read_lines (json_object  *parent,
            GPtrArray    *out,
            gboolean      of_order,
            GError      **error)
{
  json_object *lines;
  size_t n;

  if (!json_object_object_get_ex (parent, "lines", &lines) || !json_object_is_type (lines, json_type_array))
    return invalid (error, "lines", "missing or not an array");
  n = json_object_array_length (lines);
  if (n == 0 || n > AISLE_ONLINE_ORDER_MAX_LINES)
    return invalid (error, "lines", n == 0 ? "empty" : "too many");

  for (size_t i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (lines, i);
      AisleOnlineOrderLine *line;
      gint64 quantity = 0, returned = 0;

      if (!json_object_is_type (item, json_type_object))
        return invalid (error, "lines", "an item is not an object");
      line = g_new0 (AisleOnlineOrderLine, 1);
      g_ptr_array_add (out, line);
      if (!read_text (item, "id", TRUE, AISLE_ONLINE_ORDER_MAX_ID, &line->id, error) ||
          !read_text (item, "name", TRUE, AISLE_ONLINE_ORDER_MAX_TEXT, &line->name, error) ||
          !read_int (item, "quantity", TRUE, 1, MAX_QUANTITY, &quantity, error))
        return FALSE;
      line->quantity = (guint)quantity;
      if (!of_order)
        continue;
      if (!read_text (item, "article", FALSE, 64, &line->article, error) ||
          !read_int (item, "returned", FALSE, 0, quantity, &returned, error) ||
          !read_text (item, "return_until", FALSE, 10, &line->return_until, error))
        return FALSE;
      if (line->return_until != NULL && !is_date (line->return_until))
        return invalid (error, "return_until", "not a date");
      line->returned = (guint)returned;
    }
  return TRUE;
}

static AisleCheckIn *
read_check_in (json_object  *obj,
               GError      **error)
{
  g_autoptr(AisleCheckIn) check_in = g_new0 (AisleCheckIn, 1);
  gint64 minutes = -1;

  if (!read_text (obj, "queue_number", TRUE, MAX_QUEUE_NUMBER, &check_in->queue_number, error) ||
      !read_text (obj, "wait_at", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &check_in->wait_at, error) ||
      !read_time (obj, "checked_in_at", &check_in->checked_in_at, error) ||
      !read_int (obj, "estimated_minutes", FALSE, 0, MAX_WAIT_MINUTES, &minutes, error))
    return NULL;
  check_in->estimated_minutes = (int)minutes;
  return g_steal_pointer (&check_in);
}

static gboolean
read_pickup (json_object       *order,
             AisleOnlineOrder  *out,
             GError           **error)
{
  json_object *pickup = NULL;

  if (!json_object_object_get_ex (order, "pickup", &pickup) || pickup == NULL)
    return TRUE;
  if (!json_object_is_type (pickup, json_type_object))
    return invalid (error, "pickup", "not an object");
  if (!read_text (pickup, "store_id", FALSE, AISLE_ONLINE_ORDER_MAX_ID, &out->store_id, error) ||
      !read_text (pickup, "store_name", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &out->store_name, error) ||
      !read_text (pickup, "desk", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &out->desk, error) ||
      !read_text (pickup, "keep_until", FALSE, 10, &out->keep_until, error))
    return FALSE;
  if (out->keep_until != NULL && !is_date (out->keep_until))
    return invalid (error, "keep_until", "not a date");
  return TRUE;
}

AisleOnlineOrder *
aisle_online_order_parse (GBytes  *body,
                          GError **error)
{
  g_autoptr(json_object) order = parse_root (body, "order", error);
  g_autoptr(AisleOnlineOrder) out = NULL;
  g_autofree char *state = NULL;
  json_object *check_in = NULL;

  if (order == NULL)
    return NULL;

  out = g_new0 (AisleOnlineOrder, 1);
  out->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  if (!read_text (order, "id", TRUE, AISLE_ONLINE_ORDER_MAX_ID, &out->id, error) ||
      !read_text (order, "number", TRUE, 40, &out->number, error) ||
      !read_text (order, "state", TRUE, 32, &state, error) ||
      !read_time (order, "placed_at", &out->placed_at, error) ||
      !read_text (order, "customer", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &out->customer, error) ||
      !read_pickup (order, out, error) ||
      !read_lines (order, out->lines, TRUE, error) ||
      !read_money (order, "total", &out->total, &out->currency, error))
    return NULL;

  if (!aisle_online_order_state_from_string (state, &out->state))
    {
      invalid (error, "state", "not a known state");
      return NULL;
    }
  if (json_object_object_get_ex (order, "check_in", &check_in) && check_in != NULL)
    {
      if (!json_object_is_type (check_in, json_type_object))
        {
          invalid (error, "check_in", "not an object");
          return NULL;
        }
      if ((out->check_in = read_check_in (check_in, error)) == NULL)
        return NULL;
    }
  return g_steal_pointer (&out);
}

AisleCheckIn *
aisle_check_in_parse (GBytes  *body,
                      GError **error)
{
  g_autoptr(json_object) check_in = parse_root (body, "check_in", error);

  return check_in != NULL ? read_check_in (check_in, error) : NULL;
}

AisleReturn *
aisle_return_parse (GBytes  *body,
                    GError **error)
{
  g_autoptr(json_object) root = parse_root (body, "return", error);
  g_autoptr(AisleReturn) ret = NULL;

  if (root == NULL)
    return NULL;
  ret = g_new0 (AisleReturn, 1);
  ret->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  if (!read_text (root, "id", TRUE, AISLE_ONLINE_ORDER_MAX_ID, &ret->id, error) ||
      !read_text (root, "number", TRUE, MAX_QUEUE_NUMBER, &ret->number, error) ||
      !read_text (root, "desk", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &ret->desk, error) ||
      !read_time (root, "created_at", &ret->created_at, error) ||
      !read_lines (root, ret->lines, FALSE, error) ||
      !read_money (root, "refund", &ret->refund, &ret->currency, error))
    return NULL;
  return g_steal_pointer (&ret);
}

guint
aisle_online_order_line_returnable (const AisleOnlineOrder     *order,
                                    const AisleOnlineOrderLine *line,
                                    const char                 *today,
                                    AisleLineReturn            *why)
{
  AisleLineReturn reason = AISLE_LINE_RETURNABLE;

  g_return_val_if_fail (order != NULL && line != NULL && today != NULL, 0);

  if (order->state != AISLE_ONLINE_ORDER_COLLECTED || line->return_until == NULL)
    reason = AISLE_LINE_NOT_RETURNABLE;
  else if (line->returned >= line->quantity)
    reason = AISLE_LINE_ALL_RETURNED;
  /* Dates as YYYY-MM-DD compare as text. */
  else if (strcmp (line->return_until, today) < 0)
    reason = AISLE_LINE_WINDOW_OVER;
  if (why != NULL)
    *why = reason;
  return reason == AISLE_LINE_RETURNABLE ? line->quantity - line->returned : 0;
}

static const char *const reason_names[] = {
  [AISLE_RETURN_CHANGED_MIND] = "changed_mind",
  [AISLE_RETURN_DAMAGED] = "damaged",
  [AISLE_RETURN_WRONG_ITEM] = "wrong_item",
  [AISLE_RETURN_NOT_AS_DESCRIBED] = "not_as_described",
  [AISLE_RETURN_OTHER] = "other",
};

const char *
aisle_return_reason_to_string (AisleReturnReason reason)
{
  g_return_val_if_fail ((guint)reason < G_N_ELEMENTS (reason_names), NULL);
  return reason_names[reason];
}

AisleReturnRequest *
aisle_return_request_new (const char        *order_id,
                          AisleReturnReason  reason)
{
  AisleReturnRequest *request = g_new0 (AisleReturnRequest, 1);

  request->order_id = g_strdup (order_id);
  request->reason = reason;
  request->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  request->key = g_uuid_string_random ();
  return request;
}

void
aisle_return_request_add (AisleReturnRequest *request,
                          const char         *line_id,
                          guint               quantity)
{
  AisleOnlineOrderLine *line = g_new0 (AisleOnlineOrderLine, 1);

  line->id = g_strdup (line_id);
  line->quantity = quantity;
  g_ptr_array_add (request->lines, line);
}

AisleReturnRequest *
aisle_return_request_copy (const AisleReturnRequest *request)
{
  AisleReturnRequest *copy = aisle_return_request_new (request->order_id, request->reason);

  g_free (copy->key);
  copy->key = g_strdup (request->key);
  for (guint i = 0; i < request->lines->len; i++)
    {
      const AisleOnlineOrderLine *line = g_ptr_array_index (request->lines, i);

      aisle_return_request_add (copy, line->id, line->quantity);
    }
  return copy;
}

void
aisle_return_request_free (AisleReturnRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->order_id);
  g_clear_pointer (&request->lines, g_ptr_array_unref);
  g_free (request->key);
  g_free (request);
}

void
aisle_return_free (AisleReturn *ret)
{
  if (ret == NULL)
    return;
  g_free (ret->id);
  g_free (ret->number);
  g_free (ret->desk);
  g_clear_pointer (&ret->created_at, g_date_time_unref);
  g_clear_pointer (&ret->lines, g_ptr_array_unref);
  g_free (ret->currency);
  g_free (ret);
}

void
aisle_check_in_free (AisleCheckIn *check_in)
{
  if (check_in == NULL)
    return;
  g_free (check_in->queue_number);
  g_free (check_in->wait_at);
  g_clear_pointer (&check_in->checked_in_at, g_date_time_unref);
  g_free (check_in);
}

void
aisle_online_order_free (AisleOnlineOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->id);
  g_free (order->number);
  g_clear_pointer (&order->placed_at, g_date_time_unref);
  g_free (order->customer);
  g_free (order->store_id);
  g_free (order->store_name);
  g_free (order->desk);
  g_free (order->keep_until);
  g_clear_pointer (&order->lines, g_ptr_array_unref);
  g_free (order->currency);
  g_clear_pointer (&order->check_in, aisle_check_in_free);
  g_free (order);
}

/* Order links */

gboolean
aisle_online_order_is_number (const char *text)
{
  gboolean digit = FALSE;
  gsize length;

  if (text == NULL)
    return FALSE;
  length = strlen (text);
  if (length == 0 || length > AISLE_ONLINE_ORDER_MAX_NUMBER)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr (" -._", *p) == NULL)
        return FALSE;
      digit |= g_ascii_isdigit (*p);
    }
  return digit;
}

static char *
read_pickup_code (const char *query)
{
  g_autoptr(GHashTable) params = NULL;
  const char *code;
  guint letters = 0;

  if (query == NULL)
    return NULL;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  code = params ? g_hash_table_lookup (params, "pickup") : NULL;
  if (code == NULL || strlen (code) > 2 * AISLE_PICKUP_CODE_MAX)
    return NULL;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        letters++;
      else if (*p != ' ' && *p != '-')
        return NULL;
    }
  if (letters < AISLE_PICKUP_CODE_MIN || letters > AISLE_PICKUP_CODE_MAX)
    return NULL;
  return g_strdup (code);
}

gboolean
aisle_online_order_read_link (const char  *text,
                              char       **number,
                              char       **pickup_code)
{
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) segments = NULL;
  const char *scheme;
  guint n;

  g_return_val_if_fail (number != NULL && pickup_code != NULL, FALSE);

  *number = NULL;
  *pickup_code = NULL;
  if (text == NULL || strlen (text) > 4096 || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    return FALSE;

  /* …/orders/<number>, with or without a slash at the end. */
  segments = g_strsplit (g_uri_get_path (uri), "/", -1);
  n = g_strv_length (segments);
  while (n > 0 && *segments[n - 1] == '\0')
    n--;
  if (n < 2 || !g_str_equal (segments[n - 2], "orders") || !aisle_online_order_is_number (segments[n - 1]))
    return FALSE;

  *number = g_strdup (segments[n - 1]);
  *pickup_code = read_pickup_code (g_uri_get_query (uri));
  return TRUE;
}
