/* aisle-feed-online-demo.c: the bundled demo store answering online orders itself
 *
 * No server: look-ups, check-ins and returns are answered from the feed's
 * own online-orders.json, plus the orders placed on this kiosk, with
 * check-ins and returns kept in memory while the kiosk runs.
 */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "aisle-feed-online-private.h"
#include "aisle-text.h"

#define DEMO_MAX_BYTES    (1024 * 1024)
#define FIRST_QUEUE       11
#define FIRST_RETURN      2041

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

/* The demo store: online-orders.json beside the feed */



static GMutex demo_lock;
static GHashTable *demo_check_ins;   /* order id → queue number */
static guint demo_next_queue = FIRST_QUEUE;
static GHashTable *demo_returned;    /* "order id/line id" → how many more came back */
static GHashTable *demo_returns;     /* idempotency key → the return's answer, JSON */
static json_object *demo_booked;     /* ORDERs of the orders placed on this kiosk */
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
      aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "the demo store has no online orders");
      return NULL;
    }
  root = json_tokener_parse (contents);
  if (root == NULL || !json_object_object_get_ex (root, "orders", &orders) ||
      !json_object_is_type (orders, json_type_array))
    {
      aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "%s: not the demo's online orders", path);
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* The file's orders, then those placed on this kiosk. */
static json_object *
demo_orders (const char  *base_url,
             GError     **error)
{
  g_autoptr(json_object) root = demo_root (base_url, error);
  g_autoptr(GMutexLocker) locker = NULL;
  json_object *orders = NULL;

  if (root == NULL)
    return NULL;
  json_object_object_get_ex (root, "orders", &orders);
  locker = g_mutex_locker_new (&demo_lock);
  for (size_t i = 0; demo_booked != NULL && i < json_object_array_length (demo_booked); i++)
    json_object_array_add (orders, json_object_get (json_object_array_get_idx (demo_booked, i)));
  return json_object_get (orders);
}

static json_object *
member_object (json_object *obj,
               const char  *key)
{
  json_object *value = NULL;

  if (obj == NULL || !json_object_object_get_ex (obj, key, &value) || !json_object_is_type (value, json_type_object))
    return NULL;
  return value;
}

/* "Maria R." from "Maria Rossi": how the answer greets. */
static char *
demo_greeting (const char *name)
{
  g_auto(GStrv) words = name ? g_strsplit_set (name, " ", -1) : NULL;
  guint n = words ? g_strv_length (words) : 0;
  GString *greeting;
  gunichar initial;

  while (n > 0 && *words[n - 1] == '\0')
    n--;
  if (n == 0 || !g_utf8_validate (name, -1, NULL))
    return NULL;
  if (n == 1)
    return g_strdup (words[0]);
  initial = g_unichar_toupper (g_utf8_get_char (words[n - 1]));
  greeting = g_string_new (words[0]);
  g_string_append_c (greeting, ' ');
  g_string_append_unichar (greeting, initial);
  g_string_append_c (greeting, '.');
  return g_string_free (greeting, FALSE);
}

void
aisle_feed_online_demo_book (const char *json,
                             const char *number,
                             const char *pickup_code)
{
  g_autoptr(json_object) placed = json_tokener_parse (json);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) window_end = g_date_time_add_days (now, 30);
  g_autofree char *return_until = g_date_time_format (window_end, "%Y-%m-%d");
  g_autofree char *customer = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  json_object *fulfillment, *contact, *totals, *placed_lines = NULL;
  json_object *order, *lines, *known, *pickup;
  gboolean delivered;

  g_return_if_fail (number != NULL);

  if (placed == NULL || !json_object_is_type (placed, json_type_object) ||
      !json_object_object_get_ex (placed, "lines", &placed_lines) || !json_object_is_type (placed_lines, json_type_array))
    return;
  fulfillment = member_object (placed, "fulfillment");
  contact = member_object (placed, "contact");
  totals = member_object (placed, "totals");
  /* Delivered at once, as far as the demo knows: it may come back. */
  delivered = g_strcmp0 (aisle_feed_online_member (fulfillment, "type"), "delivery") == 0;

  order = json_object_new_object ();
  json_object_object_add (order, "id", json_object_new_string (aisle_feed_online_member (placed, "id") ?: number));
  json_object_object_add (order, "number", json_object_new_string (number));
  json_object_object_add (order, "state", json_object_new_string (delivered ? "collected" : "ready"));
  if (aisle_feed_online_member (placed, "created_at") != NULL)
    json_object_object_add (order, "placed_at", json_object_new_string (aisle_feed_online_member (placed, "created_at")));
  if ((customer = demo_greeting (aisle_feed_online_member (contact, "name"))) != NULL)
    json_object_object_add (order, "customer", json_object_new_string (customer));
  if (!delivered && aisle_feed_online_member (fulfillment, "store") != NULL)
    {
      pickup = json_object_new_object ();
      json_object_object_add (pickup, "store_id", json_object_new_string (aisle_feed_online_member (fulfillment, "store")));
      json_object_object_add (order, "pickup", pickup);
    }

  lines = json_object_new_array ();
  for (size_t i = 0; i < json_object_array_length (placed_lines) && i < AISLE_ONLINE_ORDER_MAX_LINES; i++)
    {
      json_object *from = json_object_array_get_idx (placed_lines, i);
      json_object *line = json_object_new_object ();
      json_object *value = NULL;
      g_autofree char *line_id = g_strdup_printf ("%zu", i + 1);

      json_object_object_add (line, "id", json_object_new_string (line_id));
      if (aisle_feed_online_member (from, "article") != NULL)
        json_object_object_add (line, "article", json_object_new_string (aisle_feed_online_member (from, "article")));
      json_object_object_add (line, "name", json_object_new_string (aisle_feed_online_member (from, "name") ?: "?"));
      if (json_object_object_get_ex (from, "quantity", &value))
        json_object_object_add (line, "quantity", json_object_get (value));
      if ((value = member_object (from, "unit_price")) != NULL)
        json_object_object_add (line, "unit_price", json_object_get (value));
      if (delivered)
        json_object_object_add (line, "return_until", json_object_new_string (return_until));
      json_object_array_add (lines, line);
    }
  json_object_object_add (order, "lines", lines);
  if (totals != NULL && json_object_object_get_ex (totals, "total", &known))
    {
      json_object *money = json_object_new_object ();

      json_object_object_add (money, "amount", json_object_get (known));
      json_object_object_add (money, "currency", json_object_new_string (aisle_feed_online_member (totals, "currency") ?: "EUR"));
      json_object_object_add (order, "total", money);
    }
  known = json_object_new_object ();
  if (aisle_feed_online_member (contact, "email") != NULL)
    json_object_object_add (known, "email", json_object_new_string (aisle_feed_online_member (contact, "email")));
  if (aisle_feed_online_member (contact, "phone") != NULL)
    json_object_object_add (known, "phone", json_object_new_string (aisle_feed_online_member (contact, "phone")));
  if (pickup_code != NULL)
    json_object_object_add (known, "pickup_code", json_object_new_string (pickup_code));
  json_object_object_add (order, "contact", known);

  locker = g_mutex_locker_new (&demo_lock);
  if (demo_booked == NULL)
    demo_booked = json_object_new_array ();
  json_object_array_add (demo_booked, order);
}

static guint
demo_more_returned (const char *order_id,
                    const char *line_id)
{
  g_autofree char *key = g_strconcat (order_id, "/", line_id, NULL);

  return demo_returned ? GPOINTER_TO_UINT (g_hash_table_lookup (demo_returned, key)) : 0;
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
  email = aisle_feed_online_member (known, "email");
  if (strchr (contact, '@') != NULL)
    return email != NULL && g_ascii_strcasecmp (email, contact) == 0;

  if (strlen (typed_digits) == 4 && strlen (contact) == 4)
    {
      phone = aisle_feed_online_member (known, "phone") ? aisle_text_digits (aisle_feed_online_member (known, "phone")) : NULL;
      return phone != NULL && strlen (phone) >= 4 && g_str_equal (phone + strlen (phone) - 4, typed_digits);
    }

  typed_code = aisle_feed_online_normalize_number (contact);
  code = aisle_feed_online_normalize_number (aisle_feed_online_member (known, "pickup_code"));
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
      more = demo_more_returned (aisle_feed_online_member (order, "id"), aisle_feed_online_member (line, "id"));
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
             const char   *store_id,
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
      aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "out of memory");
      return NULL;
    }
  json_object_object_del (copy, "contact");
  demo_answer_lines (copy);
  /* Ready for pickup at another store: seen from here, it is there. */
  if (store_id != NULL && g_strcmp0 (aisle_feed_online_member (copy, "state"), "ready") == 0 &&
      aisle_feed_online_member (member_object (copy, "pickup"), "store_id") != NULL &&
      g_strcmp0 (aisle_feed_online_member (member_object (copy, "pickup"), "store_id"), store_id) != 0)
    json_object_object_add (copy, "state", json_object_new_string ("at_other_store"));
  queue = demo_check_ins ? g_hash_table_lookup (demo_check_ins, aisle_feed_online_member (order, "id")) : NULL;
  if (queue != NULL)
    {
      json_object *check_in = json_object_new_object ();
      json_object *pickup = NULL;

      json_object_object_add (check_in, "queue_number", json_object_new_string (queue));
      if (json_object_object_get_ex (order, "pickup", &pickup) && aisle_feed_online_member (pickup, "desk") != NULL)
        json_object_object_add (check_in, "wait_at", json_object_new_string (aisle_feed_online_member (pickup, "desk")));
      json_object_object_add (copy, "check_in", check_in);
    }
  json_object_object_add (answer, "order", copy);
  text = json_object_to_json_string_ext (answer, JSON_C_TO_STRING_PLAIN);
  body = g_bytes_new (text, strlen (text));
  if ((parsed = aisle_online_order_parse (body, &local)) == NULL)
    aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "a demo order: %s", local->message);
  return parsed;
}

AisleOnlineOrder *
aisle_feed_online_demo_lookup (const AisleFeedOnlineTarget  *target,
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
      g_autofree char *known = aisle_feed_online_normalize_number (aisle_feed_online_member (order, "number"));

      /* A wrong contact answers as an unknown number does. */
      if (g_str_equal (known, wanted) && contact_matches (order, contact))
        return demo_answer (order, target->store_id, error);
    }
  aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order %s with this contact", wanted);
  return NULL;
}

AisleCheckIn *
aisle_feed_online_demo_check_in (const AisleFeedOnlineTarget  *target,
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

      if (g_strcmp0 (aisle_feed_online_member (order, "id"), order_id) != 0)
        continue;
      if ((parsed = demo_answer (order, target->store_id, error)) == NULL)
        return NULL;
      if (parsed->state != AISLE_ONLINE_ORDER_READY)
        {
          aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_NOW, "order %s is %s", parsed->number,
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
  aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order %s", order_id);
  return NULL;
}

static json_object *
demo_find_order (json_object *orders,
                 const char  *order_id)
{
  for (size_t i = 0; i < json_object_array_length (orders); i++)
    {
      json_object *order = json_object_array_get_idx (orders, i);

      if (g_strcmp0 (aisle_feed_online_member (order, "id"), order_id) == 0)
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

      if (g_strcmp0 (aisle_feed_online_member (line, "id"), line_id) == 0 &&
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
    return aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE, "no lines");
  for (guint i = 0; i < request->lines->len; i++)
    {
      const AisleOnlineOrderLine *wanted = g_ptr_array_index (request->lines, i);
      const AisleOnlineOrderLine *line = NULL;

      for (guint j = 0; j < order->lines->len && line == NULL; j++)
        if (g_strcmp0 (((AisleOnlineOrderLine *)g_ptr_array_index (order->lines, j))->id, wanted->id) == 0)
          line = g_ptr_array_index (order->lines, j);
      if (line == NULL || !g_hash_table_add (seen, wanted->id) || wanted->quantity == 0)
        return aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE, "line %s: not in the order, twice or none",
                          wanted->id);
      if (wanted->quantity > aisle_online_order_line_returnable (order, line, today, NULL))
        return aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE, "line %s cannot come back %u times",
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
  if (aisle_feed_online_member (root, "returns_desk") != NULL)
    json_object_object_add (ret, "desk", json_object_new_string (aisle_feed_online_member (root, "returns_desk")));
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

AisleReturn *
aisle_feed_online_demo_return (const AisleFeedOnlineTarget  *target,
                               const AisleReturnRequest     *request,
                               GError                      **error)
{
  g_autoptr(json_object) root = demo_root (target->base_url, error);
  g_autoptr(json_object) orders = root ? demo_orders (target->base_url, error) : NULL;
  g_autoptr(AisleOnlineOrder) parsed = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local = NULL;
  json_object *order;
  const char *text;
  char *answer;
  AisleReturn *ret;

  if (orders == NULL)
    return NULL;

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
          aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order %s", request->order_id);
          return NULL;
        }
      if ((parsed = demo_answer (order, target->store_id, error)) == NULL ||
          !demo_check_return (parsed, request, error))
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
    aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "a demo return: %s", local->message);
  return ret;
}
