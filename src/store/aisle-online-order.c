/* aisle-online-order.c: reading the store's answers about online orders */
#define G_LOG_DOMAIN "aisle-online-order"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-json-read.h"
#include "aisle-online-order.h"
#include "aisle-text.h"

#define MAX_QUANTITY       9999
#define MAX_WAIT_MINUTES   600
#define MAX_QUEUE_NUMBER   16

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
    return aisle_json_invalid (error, "lines", "missing or not an array");
  n = json_object_array_length (lines);
  if (n == 0 || n > AISLE_ONLINE_ORDER_MAX_LINES)
    return aisle_json_invalid (error, "lines", n == 0 ? "empty" : "too many");

  for (size_t i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (lines, i);
      AisleOnlineOrderLine *line;
      gint64 quantity = 0, returned = 0;

      if (!json_object_is_type (item, json_type_object))
        return aisle_json_invalid (error, "lines", "an item is not an object");
      line = g_new0 (AisleOnlineOrderLine, 1);
      g_ptr_array_add (out, line);
      if (!aisle_json_read_text (item, "id", TRUE, AISLE_ONLINE_ORDER_MAX_ID, &line->id, error) ||
          !aisle_json_read_text (item, "name", TRUE, AISLE_ONLINE_ORDER_MAX_TEXT, &line->name, error) ||
          !aisle_json_read_int (item, "quantity", TRUE, 1, MAX_QUANTITY, &quantity, error))
        return FALSE;
      line->quantity = (guint)quantity;
      if (!of_order)
        continue;
      if (!aisle_json_read_text (item, "article", FALSE, 64, &line->article, error) ||
          !aisle_json_read_int (item, "returned", FALSE, 0, quantity, &returned, error) ||
          !aisle_json_read_text (item, "return_until", FALSE, 10, &line->return_until, error))
        return FALSE;
      if (line->return_until != NULL && !aisle_json_is_date (line->return_until))
        return aisle_json_invalid (error, "return_until", "not a date");
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

  if (!aisle_json_read_text (obj, "queue_number", TRUE, MAX_QUEUE_NUMBER, &check_in->queue_number, error) ||
      !aisle_json_read_text (obj, "wait_at", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &check_in->wait_at, error) ||
      !aisle_json_read_time (obj, "checked_in_at", &check_in->checked_in_at, error) ||
      !aisle_json_read_int (obj, "estimated_minutes", FALSE, 0, MAX_WAIT_MINUTES, &minutes, error))
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
    return aisle_json_invalid (error, "pickup", "not an object");
  if (!aisle_json_read_text (pickup, "store_id", FALSE, AISLE_ONLINE_ORDER_MAX_ID, &out->store_id, error) ||
      !aisle_json_read_text (pickup, "store_name", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &out->store_name, error) ||
      !aisle_json_read_text (pickup, "desk", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &out->desk, error) ||
      !aisle_json_read_text (pickup, "keep_until", FALSE, 10, &out->keep_until, error))
    return FALSE;
  if (out->keep_until != NULL && !aisle_json_is_date (out->keep_until))
    return aisle_json_invalid (error, "keep_until", "not a date");
  return TRUE;
}

AisleOnlineOrder *
aisle_online_order_parse (GBytes  *body,
                          GError **error)
{
  g_autoptr(json_object) order = aisle_json_read_member (body, "order", AISLE_ONLINE_ORDER_MAX_BYTES, error);
  g_autoptr(AisleOnlineOrder) out = NULL;
  g_autofree char *state = NULL;
  json_object *check_in = NULL;

  if (order == NULL)
    return NULL;

  out = g_new0 (AisleOnlineOrder, 1);
  out->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  if (!aisle_json_read_text (order, "id", TRUE, AISLE_ONLINE_ORDER_MAX_ID, &out->id, error) ||
      !aisle_json_read_text (order, "number", TRUE, 40, &out->number, error) ||
      !aisle_json_read_text (order, "state", TRUE, 32, &state, error) ||
      !aisle_json_read_time (order, "placed_at", &out->placed_at, error) ||
      !aisle_json_read_text (order, "customer", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &out->customer, error) ||
      !read_pickup (order, out, error) ||
      !read_lines (order, out->lines, TRUE, error) ||
      !aisle_json_read_money (order, "total", &out->total, &out->currency, error))
    return NULL;

  if (!aisle_online_order_state_from_string (state, &out->state))
    {
      aisle_json_invalid (error, "state", "not a known state");
      return NULL;
    }
  if (json_object_object_get_ex (order, "check_in", &check_in) && check_in != NULL)
    {
      if (!json_object_is_type (check_in, json_type_object))
        {
          aisle_json_invalid (error, "check_in", "not an object");
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
  g_autoptr(json_object) check_in = aisle_json_read_member (body, "check_in", AISLE_ONLINE_ORDER_MAX_BYTES, error);

  return check_in != NULL ? read_check_in (check_in, error) : NULL;
}

AisleReturn *
aisle_return_parse (GBytes  *body,
                    GError **error)
{
  g_autoptr(json_object) root = aisle_json_read_member (body, "return", AISLE_ONLINE_ORDER_MAX_BYTES, error);
  g_autoptr(AisleReturn) ret = NULL;

  if (root == NULL)
    return NULL;
  ret = g_new0 (AisleReturn, 1);
  ret->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  if (!aisle_json_read_text (root, "id", TRUE, AISLE_ONLINE_ORDER_MAX_ID, &ret->id, error) ||
      !aisle_json_read_text (root, "number", TRUE, MAX_QUEUE_NUMBER, &ret->number, error) ||
      !aisle_json_read_text (root, "desk", FALSE, AISLE_ONLINE_ORDER_MAX_TEXT, &ret->desk, error) ||
      !aisle_json_read_time (root, "created_at", &ret->created_at, error) ||
      !read_lines (root, ret->lines, FALSE, error) ||
      !aisle_json_read_money (root, "refund", &ret->refund, &ret->currency, error))
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
