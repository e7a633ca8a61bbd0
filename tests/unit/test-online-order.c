/* test-online-order.c: the store's answers about online orders, read with limits */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-online-order.h"

static const char full[] =
  "{\"order\": {"
  "  \"id\": \"ord_01JEXAMPLE0001\", \"number\": \"CN-100482\", \"state\": \"ready\","
  "  \"placed_at\": \"2026-12-05T17:40:00Z\", \"customer\": \"Maria R.\","
  "  \"pickup\": {\"store_id\": \"milano\", \"store_name\": \"Casa Nord Milano\","
  "             \"desk\": \"Pickup desk, entrance B\", \"ready_since\": \"2026-12-06T09:12:00Z\","
  "             \"keep_until\": \"2026-12-13\"},"
  "  \"lines\": [{\"id\": \"1\", \"article\": \"726.529.79\", \"name\": \"MIRADOR furniture legs, 4 pack\", \"quantity\": 2},"
  "            {\"id\": \"2\", \"name\": \"Gift card\", \"quantity\": 1, \"unknown\": [1, 2]}],"
  "  \"total\": {\"amount\": 13497, \"currency\": \"EUR\"},"
  "  \"check_in\": {\"queue_number\": \"A17\", \"wait_at\": \"Pickup desk, entrance B\","
  "               \"checked_in_at\": \"2026-12-07T10:02:00Z\", \"estimated_minutes\": 5},"
  "  \"future_member\": {\"nested\": true}"
  "}}";

static GBytes *
bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_full (void)
{
  g_autoptr(GBytes) body = bytes (full);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleOnlineOrder) order = aisle_online_order_parse (body, &error);
  const AisleOnlineOrderLine *line;

  g_assert_no_error (error);
  g_assert_nonnull (order);
  g_assert_cmpstr (order->id, ==, "ord_01JEXAMPLE0001");
  g_assert_cmpstr (order->number, ==, "CN-100482");
  g_assert_cmpint (order->state, ==, AISLE_ONLINE_ORDER_READY);
  g_assert_cmpint (g_date_time_get_day_of_month (order->placed_at), ==, 5);
  g_assert_cmpstr (order->customer, ==, "Maria R.");
  g_assert_cmpstr (order->store_id, ==, "milano");
  g_assert_cmpstr (order->store_name, ==, "Casa Nord Milano");
  g_assert_cmpstr (order->desk, ==, "Pickup desk, entrance B");
  g_assert_cmpstr (order->keep_until, ==, "2026-12-13");
  g_assert_cmpuint (order->lines->len, ==, 2);
  line = order->lines->pdata[0];
  g_assert_cmpstr (line->article, ==, "726.529.79");
  g_assert_cmpstr (line->name, ==, "MIRADOR furniture legs, 4 pack");
  g_assert_cmpuint (line->quantity, ==, 2);
  line = order->lines->pdata[1];
  g_assert_null (line->article);
  g_assert_cmpint (order->total, ==, 13497);
  g_assert_cmpstr (order->currency, ==, "EUR");
  g_assert_nonnull (order->check_in);
  g_assert_cmpstr (order->check_in->queue_number, ==, "A17");
  g_assert_cmpint (order->check_in->estimated_minutes, ==, 5);
}

static void
test_minimal (void)
{
  g_autoptr(GBytes) body = bytes ("{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"preparing\","
                                  "\"lines\":[{\"id\":\"1\",\"name\":\"Chair\",\"quantity\":1}],"
                                  "\"pickup\":null,\"check_in\":null,\"total\":null}}  \n");
  g_autoptr(AisleOnlineOrder) order = aisle_online_order_parse (body, NULL);

  g_assert_nonnull (order);
  g_assert_cmpint (order->state, ==, AISLE_ONLINE_ORDER_PREPARING);
  g_assert_null (order->placed_at);
  g_assert_null (order->store_name);
  g_assert_cmpint (order->total, ==, -1);
  g_assert_null (order->currency);
  g_assert_null (order->check_in);
}

/* Every way an answer can be wrong makes it all wrong: nothing half-read
 * reaches the screen. */
static void
test_invalid (void)
{
  const char *answers[] = {
    "",
    "not json",
    "[]",
    "{}",
    "{\"order\": []}",
    "{\"order\": {}} trailing",
    "{\"order\":{\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}]}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"lost\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}]}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[]}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":0}]}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":10000}]}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":\"2\"}]}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":7,\"quantity\":1}]}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[\"a line\"]}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}],\"total\":\"12.50\"}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}],\"total\":{\"amount\":12.5,\"currency\":\"EUR\"}}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}],\"total\":{\"amount\":1250,\"currency\":\"eur\"}}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}],\"placed_at\":\"yesterday\"}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}],\"pickup\":{\"keep_until\":\"2026-02-30\"}}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}],\"pickup\":\"milano\"}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}],\"check_in\":{\"wait_at\":\"desk\"}}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}],\"check_in\":{\"queue_number\":\"A1\",\"estimated_minutes\":601}}}",
    "{\"order\":{\"id\":\"x\",\"number\":\"N1\\u0000\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}]}}",
    "{\"order\":{\"id\":\"\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"C\",\"quantity\":1}]}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GBytes) body = bytes (answers[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleOnlineOrder) order = aisle_online_order_parse (body, &error);

      g_test_message ("answer %u: %s", i, error ? error->message : "(parsed)");
      g_assert_null (order);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) long_name = g_string_new ("{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[{\"id\":\"1\",\"name\":\"");
  g_autoptr(GString) many = g_string_new ("{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"lines\":[");
  g_autoptr(GString) deep = g_string_new ("{\"order\":{\"id\":\"x\",\"number\":\"N1\",\"state\":\"ready\",\"x\":");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_malloc0 (AISLE_ONLINE_ORDER_MAX_BYTES + 1);

  for (guint i = 0; i <= AISLE_ONLINE_ORDER_MAX_TEXT; i++)
    g_string_append (long_name, "é");
  g_string_append (long_name, "\",\"quantity\":1}]}}");
  body = g_bytes_new (long_name->str, long_name->len);
  g_assert_null (aisle_online_order_parse (body, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_clear_pointer (&body, g_bytes_unref);

  for (guint i = 0; i <= AISLE_ONLINE_ORDER_MAX_LINES; i++)
    g_string_append_printf (many, "%s{\"id\":\"%u\",\"name\":\"C\",\"quantity\":1}", i ? "," : "", i);
  g_string_append (many, "]}}");
  body = g_bytes_new (many->str, many->len);
  g_assert_null (aisle_online_order_parse (body, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_clear_pointer (&body, g_bytes_unref);

  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "[");
  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "]");
  g_string_append (deep, "}}");
  body = g_bytes_new (deep->str, deep->len);
  g_assert_null (aisle_online_order_parse (body, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_clear_pointer (&body, g_bytes_unref);

  memset (huge, ' ', AISLE_ONLINE_ORDER_MAX_BYTES + 1);
  body = g_bytes_new_take (g_steal_pointer (&huge), AISLE_ONLINE_ORDER_MAX_BYTES + 1);
  g_assert_null (aisle_online_order_parse (body, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE);
}

/* Control characters from the store never reach the screen. */
static void
test_printable (void)
{
  g_autoptr(GBytes) body = bytes ("{\"order\":{\"id\":\"x\",\"number\":\"N\\t1\",\"state\":\"ready\","
                                  "\"customer\":\"Ma\\u001bria\",\"lines\":[{\"id\":\"1\",\"name\":\"C\\nhair\",\"quantity\":1}]}}");
  g_autoptr(AisleOnlineOrder) order = aisle_online_order_parse (body, NULL);

  g_assert_nonnull (order);
  g_assert_cmpstr (order->number, ==, "N1");
  g_assert_cmpstr (order->customer, ==, "Maria");
  g_assert_cmpstr (((AisleOnlineOrderLine *)order->lines->pdata[0])->name, ==, "Chair");
}

static void
test_check_in (void)
{
  g_autoptr(GBytes) good = bytes ("{\"check_in\":{\"queue_number\":\"A11\",\"wait_at\":\"Pickup desk\"}}");
  g_autoptr(GBytes) bad = bytes ("{\"check_in\":{\"queue_number\":\"A-very-long-queue-number\"}}");
  g_autoptr(AisleCheckIn) check_in = aisle_check_in_parse (good, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (check_in);
  g_assert_cmpstr (check_in->queue_number, ==, "A11");
  g_assert_cmpstr (check_in->wait_at, ==, "Pickup desk");
  g_assert_null (check_in->checked_in_at);
  g_assert_cmpint (check_in->estimated_minutes, ==, -1);
  g_assert_null (aisle_check_in_parse (bad, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
}

static void
test_return (void)
{
  g_autoptr(GBytes) good = bytes ("{\"return\":{\"id\":\"ret_1\",\"number\":\"R-2041\",\"desk\":\"Returns desk\","
                                  "\"created_at\":\"2026-12-07T10:00:00Z\","
                                  "\"lines\":[{\"id\":\"1\",\"name\":\"SILJA plate\",\"quantity\":2}],"
                                  "\"refund\":{\"amount\":1798,\"currency\":\"EUR\"}}}");
  g_autoptr(GBytes) minimal = bytes ("{\"return\":{\"id\":\"r\",\"number\":\"R1\",\"lines\":[{\"id\":\"1\",\"name\":\"x\",\"quantity\":1}]}}");
  const char *bad[] = {
    "{\"return\":{\"id\":\"r\",\"number\":\"R1\",\"lines\":[]}}",
    "{\"return\":{\"id\":\"r\",\"number\":\"R-12345678901234567\",\"lines\":[{\"id\":\"1\",\"name\":\"x\",\"quantity\":1}]}}",
    "{\"return\":{\"id\":\"r\",\"number\":\"R1\",\"lines\":[{\"id\":\"1\",\"name\":\"x\",\"quantity\":0}]}}",
    "{\"return\":{\"id\":\"r\",\"number\":\"R1\",\"lines\":[{\"id\":\"1\",\"name\":\"x\",\"quantity\":1}],\"refund\":{\"amount\":-1,\"currency\":\"EUR\"}}}",
    "{\"return\":{\"number\":\"R1\",\"lines\":[{\"id\":\"1\",\"name\":\"x\",\"quantity\":1}]}}",
    "{\"return\":[]}",
  };
  g_autoptr(AisleReturn) ret = aisle_return_parse (good, NULL);
  g_autoptr(AisleReturn) small = aisle_return_parse (minimal, NULL);
  const AisleOnlineOrderLine *line;

  g_assert_nonnull (ret);
  g_assert_cmpstr (ret->number, ==, "R-2041");
  g_assert_cmpstr (ret->desk, ==, "Returns desk");
  g_assert_nonnull (ret->created_at);
  g_assert_cmpuint (ret->lines->len, ==, 1);
  line = g_ptr_array_index (ret->lines, 0);
  g_assert_cmpstr (line->name, ==, "SILJA plate");
  g_assert_cmpuint (line->quantity, ==, 2);
  g_assert_cmpint (ret->refund, ==, 1798);
  g_assert_cmpstr (ret->currency, ==, "EUR");
  g_assert_nonnull (small);
  g_assert_cmpint (small->refund, ==, -1);
  g_assert_null (small->desk);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) body = bytes (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleReturn) none = aisle_return_parse (body, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (none);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
    }
}

/* Which lines may come back: only a collected order's, within their
 * window, and no more than were not returned yet. */
static void
test_returnable (void)
{
  g_autoptr(GBytes) body = bytes ("{\"order\":{\"id\":\"o\",\"number\":\"CN-1\",\"state\":\"collected\",\"lines\":["
                                  "{\"id\":\"1\",\"name\":\"a\",\"quantity\":6,\"return_until\":\"2026-12-31\"},"
                                  "{\"id\":\"2\",\"name\":\"b\",\"quantity\":6,\"returned\":6,\"return_until\":\"2026-12-31\"},"
                                  "{\"id\":\"3\",\"name\":\"c\",\"quantity\":4,\"returned\":1,\"return_until\":\"2026-12-07\"},"
                                  "{\"id\":\"4\",\"name\":\"d\",\"quantity\":1}]}}");
  g_autoptr(GBytes) too_many = bytes ("{\"order\":{\"id\":\"o\",\"number\":\"CN-1\",\"state\":\"collected\",\"lines\":["
                                      "{\"id\":\"1\",\"name\":\"a\",\"quantity\":2,\"returned\":3}]}}");
  g_autoptr(GBytes) bad_date = bytes ("{\"order\":{\"id\":\"o\",\"number\":\"CN-1\",\"state\":\"collected\",\"lines\":["
                                      "{\"id\":\"1\",\"name\":\"a\",\"quantity\":2,\"return_until\":\"2026-02-30\"}]}}");
  g_autoptr(AisleOnlineOrder) order = aisle_online_order_parse (body, NULL);
  g_autoptr(AisleReturnRequest) request = NULL;
  g_autoptr(AisleReturnRequest) copy = NULL;
  AisleLineReturn why;

  g_assert_nonnull (order);
  g_assert_cmpuint (aisle_online_order_line_returnable (order, order->lines->pdata[0], "2026-12-07", &why), ==, 6);
  g_assert_cmpint (why, ==, AISLE_LINE_RETURNABLE);
  g_assert_cmpuint (aisle_online_order_line_returnable (order, order->lines->pdata[1], "2026-12-07", &why), ==, 0);
  g_assert_cmpint (why, ==, AISLE_LINE_ALL_RETURNED);
  /* The last day still counts; the day after does not. */
  g_assert_cmpuint (aisle_online_order_line_returnable (order, order->lines->pdata[2], "2026-12-07", &why), ==, 3);
  g_assert_cmpuint (aisle_online_order_line_returnable (order, order->lines->pdata[2], "2026-12-08", &why), ==, 0);
  g_assert_cmpint (why, ==, AISLE_LINE_WINDOW_OVER);
  g_assert_cmpuint (aisle_online_order_line_returnable (order, order->lines->pdata[3], "2026-12-07", &why), ==, 0);
  g_assert_cmpint (why, ==, AISLE_LINE_NOT_RETURNABLE);
  /* Not collected yet: nothing comes back. */
  order->state = AISLE_ONLINE_ORDER_READY;
  g_assert_cmpuint (aisle_online_order_line_returnable (order, order->lines->pdata[0], "2026-12-07", &why), ==, 0);
  g_assert_cmpint (why, ==, AISLE_LINE_NOT_RETURNABLE);

  g_assert_null (aisle_online_order_parse (too_many, NULL));
  g_assert_null (aisle_online_order_parse (bad_date, NULL));

  request = aisle_return_request_new ("o", AISLE_RETURN_DAMAGED);
  aisle_return_request_add (request, "1", 2);
  copy = aisle_return_request_copy (request);
  g_assert_cmpstr (copy->key, ==, request->key);
  g_assert_cmpuint (copy->lines->len, ==, 1);
  g_assert_cmpstr (aisle_return_reason_to_string (copy->reason), ==, "damaged");
}

/* The bundled demo store's online orders are answers the kiosk reads,
 * once their contact (kept only in the demo file) is taken out. */
static void
test_demo_orders (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("AISLE_DEMO_STORE"), "online-orders.json", NULL);
  json_object *root = json_object_from_file (path);
  json_object *orders = NULL;
  guint n_ready = 0;

  g_assert_nonnull (root);
  g_assert_true (json_object_object_get_ex (root, "orders", &orders));
  g_assert_cmpuint (json_object_array_length (orders), >=, 4);
  for (size_t i = 0; i < json_object_array_length (orders); i++)
    {
      json_object *item = json_object_array_get_idx (orders, i);
      json_object *answer = json_object_new_object ();
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleOnlineOrder) order = NULL;
      g_autoptr(GBytes) body = NULL;
      const char *text;

      g_assert_true (json_object_object_get_ex (item, "contact", NULL));
      json_object_object_del (item, "contact");
      json_object_object_add (answer, "order", json_object_get (item));
      text = json_object_to_json_string_ext (answer, JSON_C_TO_STRING_PLAIN);
      body = g_bytes_new (text, strlen (text));
      order = aisle_online_order_parse (body, &error);
      g_assert_no_error (error);
      g_assert_nonnull (order->number);
      n_ready += order->state == AISLE_ONLINE_ORDER_READY;
      json_object_put (answer);
    }
  g_assert_cmpuint (n_ready, >=, 1);
  json_object_put (root);
}

static void
test_links (void)
{
  static const struct {
    const char *text;
    const char *number;   /* NULL: not an order link */
    const char *code;
  } cases[] = {
    { "https://shop.example.com/orders/CN-100482?pickup=K7Q2M9", "CN-100482", "K7Q2M9" },
    { "http://shop.example.com/it/orders/CN-100482/?lang=it&pickup=k7q-2m9", "CN-100482", "k7q-2m9" },
    { "https://shop.example.com/orders/CN%20100482?pickup=K7Q%202M9", "CN 100482", "K7Q 2M9" },
    { "https://shop.example.com/orders/CN-100482", "CN-100482", NULL },
    { "https://shop.example.com/orders/CN-100482?pickup=K7Q", "CN-100482", NULL },         /* too short */
    { "https://shop.example.com/orders/CN-100482?pickup=K7Q2M9%3Cb%3E", "CN-100482", NULL },
    { "https://shop.example.com/orders/CN-100482?pickup=%FF%FE%FD%FC%FB%FA", "CN-100482", NULL },
    { "https://shop.example.com/list?items=201.334.50*2", NULL, NULL },
    { "https://shop.example.com/orders/", NULL, NULL },
    { "https://shop.example.com/orders/no-digits", NULL, NULL },
    { "https://shop.example.com/orders/CN%3C100482", NULL, NULL },
    { "https://shop.example.com/orders/CN-1004820000000000000000000000000000000000", NULL, NULL },
    { "ftp://shop.example.com/orders/CN-100482?pickup=K7Q2M9", NULL, NULL },
    { "CN-100482", NULL, NULL },
    { "", NULL, NULL },
    { "https://[::1/orders/1", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *code = NULL;
      gboolean ok = aisle_online_order_read_link (cases[i].text, &number, &code);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].number != NULL);
      g_assert_cmpstr (number, ==, cases[i].number);
      g_assert_cmpstr (code, ==, cases[i].code);
    }

  g_assert_true (aisle_online_order_is_number ("CN-100482"));
  g_assert_true (aisle_online_order_is_number ("100482"));
  g_assert_false (aisle_online_order_is_number ("MIRADOR"));
  g_assert_false (aisle_online_order_is_number ("CN/100482"));
  g_assert_false (aisle_online_order_is_number (""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/online-order/full", test_full);
  g_test_add_func ("/online-order/minimal", test_minimal);
  g_test_add_func ("/online-order/invalid", test_invalid);
  g_test_add_func ("/online-order/limits", test_limits);
  g_test_add_func ("/online-order/printable", test_printable);
  g_test_add_func ("/online-order/check-in", test_check_in);
  g_test_add_func ("/online-order/demo-orders", test_demo_orders);
  g_test_add_func ("/online-order/links", test_links);
  g_test_add_func ("/online-order/return", test_return);
  g_test_add_func ("/online-order/returnable", test_returnable);

  return g_test_run ();
}
