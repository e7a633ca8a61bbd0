/* aisle-feed-online.c: online orders at a store-feed shop: the store's endpoints, or the demo's file */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "aisle-feed-online.h"
#include "aisle-http.h"
#include "aisle-text.h"

#define ANSWER_MAX_BYTES  AISLE_ONLINE_ORDER_MAX_BYTES
#define DEMO_MAX_BYTES    (1024 * 1024)
#define MAX_NUMBER        40
#define MAX_CONTACT       254
#define FIRST_QUEUE       11
#define FIRST_RETURN      2041

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static gboolean
set_error (GError              **error,
           AisleOnlineOrderError code,
           const char           *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_error (GError              **error,
           AisleOnlineOrderError code,
           const char           *format,
           ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  g_return_val_if_fail (*error == NULL, FALSE);
  va_start (args, format);
  *error = g_error_new_valist (AISLE_ONLINE_ORDER_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

char *
aisle_feed_online_normalize_number (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number; p != NULL && *p != '\0'; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

static gboolean
check_inputs (const char  *number,
              const char  *contact,
              GError     **error)
{
  if (number == NULL || *number == '\0' || strlen (number) > MAX_NUMBER ||
      contact == NULL || *contact == '\0' || strlen (contact) > MAX_CONTACT ||
      !g_utf8_validate (number, -1, NULL) || !g_utf8_validate (contact, -1, NULL))
    return set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "number or contact empty or too long");
  return TRUE;
}

/* The demo store: online-orders.json beside the feed */

static GMutex demo_lock;
static GHashTable *demo_check_ins;   /* order id → queue number */
static guint demo_next_queue = FIRST_QUEUE;
static GHashTable *demo_returned;    /* "order id/line id" → how many more came back */
static GHashTable *demo_returns;     /* idempotency key → the return's answer, JSON */
static guint demo_next_return = FIRST_RETURN;

/* The demo file's root, and its "orders". */
static json_object *
demo_root (const char  *base_url,
           GError     **error)
{
  g_autofree char *uri = g_strconcat (base_url, "/online-orders.json", NULL);
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(json_object) root = NULL;
  json_object *orders = NULL;
  gsize len = 0;

  if (path == NULL || !g_file_get_contents (path, &contents, &len, NULL) || len > DEMO_MAX_BYTES)
    {
      set_error (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "the demo store has no online orders");
      return NULL;
    }
  root = json_tokener_parse (contents);
  if (root == NULL || !json_object_object_get_ex (root, "orders", &orders) ||
      !json_object_is_type (orders, json_type_array))
    {
      set_error (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "%s: not the demo's online orders", path);
      return NULL;
    }
  return g_steal_pointer (&root);
}

static json_object *
demo_orders (const char  *base_url,
             GError     **error)
{
  g_autoptr(json_object) root = demo_root (base_url, error);
  json_object *orders = NULL;

  if (root == NULL)
    return NULL;
  json_object_object_get_ex (root, "orders", &orders);
  return json_object_get (orders);
}

static guint
demo_more_returned (const char *order_id,
                    const char *line_id)
{
  g_autofree char *key = g_strconcat (order_id, "/", line_id, NULL);

  return demo_returned ? GPOINTER_TO_UINT (g_hash_table_lookup (demo_returned, key)) : 0;
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

/* The e-mail address (any case), the last four digits of the phone, or
 * the pickup code from the confirmation e-mail (any case, spaces and
 * hyphens left out). */
static gboolean
contact_matches (json_object *order,
                 const char  *contact)
{
  json_object *known = NULL;
  g_autofree char *typed_digits = aisle_text_digits (contact);
  g_autofree char *phone = NULL;
  g_autofree char *typed_code = NULL;
  g_autofree char *code = NULL;
  const char *email;

  if (!json_object_object_get_ex (order, "contact", &known))
    return FALSE;
  email = member_string (known, "email");
  if (strchr (contact, '@') != NULL)
    return email != NULL && g_ascii_strcasecmp (email, contact) == 0;

  if (strlen (typed_digits) == 4 && strlen (contact) == 4)
    {
      phone = member_string (known, "phone") ? aisle_text_digits (member_string (known, "phone")) : NULL;
      return phone != NULL && strlen (phone) >= 4 && g_str_equal (phone + strlen (phone) - 4, typed_digits);
    }

  typed_code = aisle_feed_online_normalize_number (contact);
  code = aisle_feed_online_normalize_number (member_string (known, "pickup_code"));
  return strlen (code) >= AISLE_PICKUP_CODE_MIN && g_str_equal (code, typed_code);
}

/* Lines as the store would send them: without the demo's prices, with
 * what came back while the kiosk runs. */
static void
demo_answer_lines (json_object *order)
{
  json_object *lines = NULL;

  if (!json_object_object_get_ex (order, "lines", &lines) || !json_object_is_type (lines, json_type_array))
    return;
  for (size_t i = 0; i < json_object_array_length (lines); i++)
    {
      json_object *line = json_object_array_get_idx (lines, i);
      json_object *value = NULL;
      gint64 returned = 0, quantity = 0;
      guint more;

      if (!json_object_is_type (line, json_type_object))
        continue;
      json_object_object_del (line, "unit_price");
      more = demo_more_returned (member_string (order, "id"), member_string (line, "id"));
      if (more == 0)
        continue;
      if (json_object_object_get_ex (line, "returned", &value))
        returned = json_object_get_int64 (value);
      if (json_object_object_get_ex (line, "quantity", &value))
        quantity = json_object_get_int64 (value);
      json_object_object_add (line, "returned", json_object_new_int64 (MIN (quantity, returned + more)));
    }
}

/* The order as the store would answer: without its contact, with its
 * check-in if there was one. Call with the demo lock held. */
static AisleOnlineOrder *
demo_answer (json_object  *order,
             GError      **error)
{
  g_autoptr(json_object) answer = json_object_new_object ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local = NULL;
  json_object *copy = NULL;
  const char *queue;
  const char *text;
  AisleOnlineOrder *parsed;

  if (json_object_deep_copy (order, &copy, NULL) != 0)
    {
      set_error (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "out of memory");
      return NULL;
    }
  json_object_object_del (copy, "contact");
  demo_answer_lines (copy);
  queue = demo_check_ins ? g_hash_table_lookup (demo_check_ins, member_string (order, "id")) : NULL;
  if (queue != NULL)
    {
      json_object *check_in = json_object_new_object ();
      json_object *pickup = NULL;

      json_object_object_add (check_in, "queue_number", json_object_new_string (queue));
      if (json_object_object_get_ex (order, "pickup", &pickup) && member_string (pickup, "desk") != NULL)
        json_object_object_add (check_in, "wait_at", json_object_new_string (member_string (pickup, "desk")));
      json_object_object_add (copy, "check_in", check_in);
    }
  json_object_object_add (answer, "order", copy);
  text = json_object_to_json_string_ext (answer, JSON_C_TO_STRING_PLAIN);
  body = g_bytes_new (text, strlen (text));
  if ((parsed = aisle_online_order_parse (body, &local)) == NULL)
    set_error (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "a demo order: %s", local->message);
  return parsed;
}

static AisleOnlineOrder *
demo_lookup (const AisleFeedOnlineTarget  *target,
             const char                   *number,
             const char                   *contact,
             GError                      **error)
{
  g_autoptr(json_object) orders = demo_orders (target->base_url, error);
  g_autofree char *wanted = aisle_feed_online_normalize_number (number);
  g_autoptr(GMutexLocker) locker = NULL;

  if (orders == NULL)
    return NULL;

  locker = g_mutex_locker_new (&demo_lock);
  for (size_t i = 0; i < json_object_array_length (orders); i++)
    {
      json_object *order = json_object_array_get_idx (orders, i);
      g_autofree char *known = aisle_feed_online_normalize_number (member_string (order, "number"));

      /* A wrong contact answers as an unknown number does. */
      if (g_str_equal (known, wanted) && contact_matches (order, contact))
        return demo_answer (order, error);
    }
  set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order %s with this contact", wanted);
  return NULL;
}

static AisleCheckIn *
demo_check_in (const AisleFeedOnlineTarget  *target,
               const char                   *order_id,
               GError                      **error)
{
  g_autoptr(json_object) orders = demo_orders (target->base_url, error);
  g_autoptr(GMutexLocker) locker = NULL;

  if (orders == NULL)
    return NULL;

  locker = g_mutex_locker_new (&demo_lock);
  for (size_t i = 0; i < json_object_array_length (orders); i++)
    {
      json_object *order = json_object_array_get_idx (orders, i);
      g_autoptr(AisleOnlineOrder) parsed = NULL;
      AisleCheckIn *check_in;

      if (g_strcmp0 (member_string (order, "id"), order_id) != 0)
        continue;
      if ((parsed = demo_answer (order, error)) == NULL)
        return NULL;
      if (parsed->state != AISLE_ONLINE_ORDER_READY)
        {
          set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_NOW, "order %s is %s", parsed->number,
                     aisle_online_order_state_to_string (parsed->state));
          return NULL;
        }
      /* Again: the same queue number. */
      if (demo_check_ins == NULL)
        demo_check_ins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (!g_hash_table_contains (demo_check_ins, order_id))
        g_hash_table_insert (demo_check_ins, g_strdup (order_id), g_strdup_printf ("A%u", demo_next_queue++));

      check_in = g_new0 (AisleCheckIn, 1);
      check_in->queue_number = g_strdup (g_hash_table_lookup (demo_check_ins, order_id));
      check_in->wait_at = g_strdup (parsed->desk);
      check_in->checked_in_at = g_date_time_new_now_utc ();
      check_in->estimated_minutes = 5;
      return check_in;
    }
  set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order %s", order_id);
  return NULL;
}

static json_object *
demo_find_order (json_object *orders,
                 const char  *order_id)
{
  for (size_t i = 0; i < json_object_array_length (orders); i++)
    {
      json_object *order = json_object_array_get_idx (orders, i);

      if (g_strcmp0 (member_string (order, "id"), order_id) == 0)
        return order;
    }
  return NULL;
}

/* The demo's price of @line_id in @order, or -1. */
static gint64
demo_unit_price (json_object *order,
                 const char  *line_id)
{
  json_object *lines = NULL, *price = NULL, *amount = NULL;

  json_object_object_get_ex (order, "lines", &lines);
  for (size_t i = 0; lines != NULL && i < json_object_array_length (lines); i++)
    {
      json_object *line = json_object_array_get_idx (lines, i);

      if (g_strcmp0 (member_string (line, "id"), line_id) == 0 &&
          json_object_object_get_ex (line, "unit_price", &price) &&
          json_object_object_get_ex (price, "amount", &amount))
        return json_object_get_int64 (amount);
    }
  return -1;
}

/* Checks @request against @order as the kiosk sees it today; the lines'
 * names for the answer. */
static gboolean
demo_check_return (const AisleOnlineOrder    *order,
                   const AisleReturnRequest  *request,
                   GError                   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (request->lines->len == 0)
    return set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE, "no lines");
  for (guint i = 0; i < request->lines->len; i++)
    {
      const AisleOnlineOrderLine *wanted = g_ptr_array_index (request->lines, i);
      const AisleOnlineOrderLine *line = NULL;

      for (guint j = 0; j < order->lines->len && line == NULL; j++)
        if (g_strcmp0 (((AisleOnlineOrderLine *)g_ptr_array_index (order->lines, j))->id, wanted->id) == 0)
          line = g_ptr_array_index (order->lines, j);
      if (line == NULL || !g_hash_table_add (seen, wanted->id) || wanted->quantity == 0)
        return set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE, "line %s: not in the order, twice or none",
                          wanted->id);
      if (wanted->quantity > aisle_online_order_line_returnable (order, line, today, NULL))
        return set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE, "line %s cannot come back %u times",
                          wanted->id, wanted->quantity);
    }
  return TRUE;
}

static char *
demo_return_answer (json_object              *root,
                    json_object              *order,
                    const AisleOnlineOrder   *parsed,
                    const AisleReturnRequest *request)
{
  g_autoptr(json_object) answer = json_object_new_object ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  json_object *ret = json_object_new_object ();
  json_object *lines = json_object_new_array ();
  gint64 refund = 0;
  guint number = demo_next_return++;
  g_autofree char *id = g_strdup_printf ("ret_demo_%u", number);
  g_autofree char *printed = g_strdup_printf ("R-%u", number);
  g_autofree char *created = g_date_time_format_iso8601 (now);

  json_object_object_add (answer, "return", ret);
  json_object_object_add (ret, "id", json_object_new_string (id));
  json_object_object_add (ret, "number", json_object_new_string (printed));
  if (member_string (root, "returns_desk") != NULL)
    json_object_object_add (ret, "desk", json_object_new_string (member_string (root, "returns_desk")));
  json_object_object_add (ret, "created_at", json_object_new_string (created));
  for (guint i = 0; i < request->lines->len; i++)
    {
      const AisleOnlineOrderLine *wanted = g_ptr_array_index (request->lines, i);
      json_object *line = json_object_new_object ();
      gint64 price = demo_unit_price (order, wanted->id);

      for (guint j = 0; j < parsed->lines->len; j++)
        {
          const AisleOnlineOrderLine *known = g_ptr_array_index (parsed->lines, j);

          if (g_str_equal (known->id, wanted->id))
            json_object_object_add (line, "name", json_object_new_string (known->name));
        }
      json_object_object_add (line, "id", json_object_new_string (wanted->id));
      json_object_object_add (line, "quantity", json_object_new_int64 (wanted->quantity));
      json_object_array_add (lines, line);
      refund = refund >= 0 && price >= 0 ? refund + price * wanted->quantity : -1;
    }
  json_object_object_add (ret, "lines", lines);
  if (refund >= 0 && parsed->currency != NULL)
    {
      json_object *money = json_object_new_object ();

      json_object_object_add (money, "amount", json_object_new_int64 (refund));
      json_object_object_add (money, "currency", json_object_new_string (parsed->currency));
      json_object_object_add (ret, "refund", money);
    }
  return g_strdup (json_object_to_json_string_ext (answer, JSON_C_TO_STRING_PLAIN));
}

static AisleReturn *
demo_return (const AisleFeedOnlineTarget  *target,
             const AisleReturnRequest     *request,
             GError                      **error)
{
  g_autoptr(json_object) root = demo_root (target->base_url, error);
  g_autoptr(AisleOnlineOrder) parsed = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local = NULL;
  json_object *orders = NULL, *order;
  const char *text;
  char *answer;
  AisleReturn *ret;

  if (root == NULL)
    return NULL;
  json_object_object_get_ex (root, "orders", &orders);

  locker = g_mutex_locker_new (&demo_lock);
  if (demo_returns == NULL)
    {
      demo_returns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      demo_returned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  /* The same request again: the same return, nothing more comes back. */
  if ((text = g_hash_table_lookup (demo_returns, request->key)) == NULL)
    {
      if ((order = demo_find_order (orders, request->order_id)) == NULL)
        {
          set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order %s", request->order_id);
          return NULL;
        }
      if ((parsed = demo_answer (order, error)) == NULL || !demo_check_return (parsed, request, error))
        return NULL;
      answer = demo_return_answer (root, order, parsed, request);
      for (guint i = 0; i < request->lines->len; i++)
        {
          const AisleOnlineOrderLine *wanted = g_ptr_array_index (request->lines, i);
          char *key = g_strconcat (request->order_id, "/", wanted->id, NULL);

          g_hash_table_insert (demo_returned, key,
                               GUINT_TO_POINTER (demo_more_returned (request->order_id, wanted->id) + wanted->quantity));
        }
      g_hash_table_insert (demo_returns, g_strdup (request->key), answer);
      text = answer;
    }

  body = g_bytes_new (text, strlen (text));
  if ((ret = aisle_return_parse (body, &local)) == NULL)
    set_error (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "a demo return: %s", local->message);
  return ret;
}

/* The store's endpoints */

/* The store's error message, for the log. */
char *
aisle_feed_online_error_message (AisleHttpResponse *response)
{
  g_autoptr(json_object) root = NULL;
  json_object *error = NULL;
  gsize len = 0;
  const char *data = response->body ? g_bytes_get_data (response->body, &len) : NULL;
  char *message = NULL;

  if (data != NULL && len > 0 && len < ANSWER_MAX_BYTES)
    {
      g_autofree char *text = g_strndup (data, len);

      root = json_tokener_parse (text);
      if (root != NULL && json_object_object_get_ex (root, "error", &error))
        message = aisle_text_printable (member_string (error, "message"), 300);
    }
  return message ? message : g_strdup_printf ("HTTP %u", response->status);
}

AisleHttpResponse *
aisle_feed_online_post (const AisleFeedOnlineTarget  *target,
                        const char                   *path,
                        const char                   *json,
                        const char                   *key,
                        GCancellable                 *cancellable,
                        GError                      **error)
{
  AisleHttpLimits limits = {
    .max_bytes = ANSWER_MAX_BYTES,
    .connect_timeout_s = MIN (target->timeout_s, 10),
    .stall_timeout_s = target->timeout_s,
    .total_timeout_s = target->timeout_s,
    .bearer_token = target->access_token,
  };
  g_autofree char *url = g_strconcat (target->base_url, path, NULL);
  g_autoptr(GError) local = NULL;
  AisleHttpResponse *response;

  response = aisle_http_post_json (url, json, strlen (json), key, target->language, &limits, cancellable, &local);
  if (response == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        set_error (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "%s: %s", url, local->message);
    }
  return response;
}

static AisleHttpResponse *
post (const AisleFeedOnlineTarget  *target,
      const char                   *path,
      json_object                  *body,
      const char                   *key,
      GCancellable                 *cancellable,
      GError                      **error)
{
  return aisle_feed_online_post (target, path, json_object_to_json_string_ext (body, JSON_C_TO_STRING_PLAIN), key,
                                 cancellable, error);
}

/* What a status other than 200 means; a 409 says @conflict. */
static void
refused (AisleHttpResponse     *response,
         AisleOnlineOrderError  conflict,
         GError               **error)
{
  g_autofree char *message = aisle_feed_online_error_message (response);
  AisleOnlineOrderError code;

  switch (response->status)
    {
    case 404: code = AISLE_ONLINE_ORDER_ERROR_NOT_FOUND; break;
    case 409: code = conflict; break;
    case 429: code = AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES; break;
    default: code = AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE; break;
    }
  set_error (error, code, "the store answered %u: %s", response->status, message);
}

static gboolean
answer_read (gpointer     parsed,
             GError      *parse_error,
             GError     **error)
{
  if (parsed != NULL)
    return TRUE;
  set_error (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "the store's answer: %s",
             parse_error ? parse_error->message : "unreadable");
  g_clear_error (&parse_error);
  return FALSE;
}

AisleOnlineOrder *
aisle_feed_online_lookup (const AisleFeedOnlineTarget  *target,
                          const char                   *number,
                          const char                   *contact,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  g_autoptr(json_object) body = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autofree char *key = NULL;
  GError *parse_error = NULL;
  AisleOnlineOrder *order;

  g_return_val_if_fail (target != NULL && target->base_url != NULL, NULL);

  if (!check_inputs (number, contact, error))
    return NULL;
  if (g_str_has_prefix (target->base_url, "file:"))
    return demo_lookup (target, number, contact, error);

  body = json_object_new_object ();
  json_object_object_add (body, "number", json_object_new_string (number));
  json_object_object_add (body, "contact", json_object_new_string (contact));
  if (target->store_id != NULL)
    json_object_object_add (body, "store_id", json_object_new_string (target->store_id));
  /* A look-up changes nothing: any key will do. */
  key = g_uuid_string_random ();
  if ((response = post (target, "/orders/lookup", body, key, cancellable, error)) == NULL)
    return NULL;
  if (response->status != 200)
    {
      refused (response, AISLE_ONLINE_ORDER_ERROR_NOT_NOW, error);
      return NULL;
    }
  order = aisle_online_order_parse (response->body, &parse_error);
  return answer_read (order, parse_error, error) ? order : NULL;
}

AisleCheckIn *
aisle_feed_online_check_in (const AisleFeedOnlineTarget  *target,
                            const char                   *order_id,
                            GCancellable                 *cancellable,
                            GError                      **error)
{
  g_autoptr(json_object) body = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  GError *parse_error = NULL;
  AisleCheckIn *check_in;

  g_return_val_if_fail (target != NULL && target->base_url != NULL, NULL);

  if (order_id == NULL || *order_id == '\0' || strlen (order_id) > AISLE_ONLINE_ORDER_MAX_ID)
    {
      set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order id");
      return NULL;
    }
  if (g_str_has_prefix (target->base_url, "file:"))
    return demo_check_in (target, order_id, error);

  body = json_object_new_object ();
  if (target->store_id != NULL)
    json_object_object_add (body, "store_id", json_object_new_string (target->store_id));
  escaped = g_uri_escape_string (order_id, NULL, FALSE);
  path = g_strdup_printf ("/orders/%s/check-in", escaped);
  /* Checking in twice is one check-in: the key says so. */
  key = g_strconcat ("check-in-", order_id, NULL);
  g_strcanon (key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", '_');
  if ((response = post (target, path, body, key, cancellable, error)) == NULL)
    return NULL;
  if (response->status != 200)
    {
      refused (response, AISLE_ONLINE_ORDER_ERROR_NOT_NOW, error);
      return NULL;
    }
  check_in = aisle_check_in_parse (response->body, &parse_error);
  return answer_read (check_in, parse_error, error) ? check_in : NULL;
}

AisleReturn *
aisle_feed_online_return (const AisleFeedOnlineTarget  *target,
                          const AisleReturnRequest     *request,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  g_autoptr(json_object) body = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  json_object *lines;
  GError *parse_error = NULL;
  AisleReturn *ret;

  g_return_val_if_fail (target != NULL && target->base_url != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (request->order_id == NULL || *request->order_id == '\0' || strlen (request->order_id) > AISLE_ONLINE_ORDER_MAX_ID)
    {
      set_error (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order id");
      return NULL;
    }
  if (g_str_has_prefix (target->base_url, "file:"))
    return demo_return (target, request, error);

  body = json_object_new_object ();
  if (target->store_id != NULL)
    json_object_object_add (body, "store_id", json_object_new_string (target->store_id));
  json_object_object_add (body, "reason", json_object_new_string (aisle_return_reason_to_string (request->reason)));
  lines = json_object_new_array ();
  for (guint i = 0; i < request->lines->len; i++)
    {
      const AisleOnlineOrderLine *line = g_ptr_array_index (request->lines, i);
      json_object *item = json_object_new_object ();

      json_object_object_add (item, "id", json_object_new_string (line->id));
      json_object_object_add (item, "quantity", json_object_new_int64 (line->quantity));
      json_object_array_add (lines, item);
    }
  json_object_object_add (body, "lines", lines);
  escaped = g_uri_escape_string (request->order_id, NULL, FALSE);
  path = g_strdup_printf ("/orders/%s/returns", escaped);
  /* The request's own key: sent again after a lost answer, one return. */
  if ((response = post (target, path, body, request->key, cancellable, error)) == NULL)
    return NULL;
  if (response->status != 200 && response->status != 201)
    {
      refused (response, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE, error);
      return NULL;
    }
  ret = aisle_return_parse (response->body, &parse_error);
  return answer_read (ret, parse_error, error) ? ret : NULL;
}
