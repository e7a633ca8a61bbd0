/* test-online-orders.c: looking up an online order and checking in, against the store's endpoints and the demo
 *
 * The feed backend talks to tests/integration/order-server.py on 127.0.0.1
 * (docs/order-protocol.md, "Online orders at the kiosk"), and to the
 * bundled demo store, which answers from its own online-orders.json. Both
 * serve the same four demo orders.
 */
#include "config.h"

#include "aisle-feed-orders.h"
#include "feed-store-util.h"
#include "order-server-util.h"

static guint server_port;
static char *cache_dir;

static AisleOnlineOrder *
lookup (AisleStore  *store,
        const char  *number,
        const char  *contact,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aisle_store_lookup_order_async (store, number, contact, "it", NULL, feed_store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return aisle_store_lookup_order_finish (store, result, error);
}

static AisleCheckIn *
check_in (AisleStore  *store,
          const char  *order_id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aisle_store_check_in_async (store, order_id, "it", NULL, feed_store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return aisle_store_check_in_finish (store, result, error);
}

static AisleReturn *
return_lines (AisleStore               *store,
              const AisleReturnRequest *request,
              GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aisle_store_return_lines_async (store, request, "it", NULL, feed_store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return aisle_store_return_lines_finish (store, result, error);
}

/* A collected order's return, alike at the store's endpoints and in the
 * demo: two plates come back, the same request again is the same return,
 * lines past their window or all returned are refused, and the order
 * counts what came back. @already: plates returned before this test. */
static void
assert_returns (AisleStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleOnlineOrder) order = lookup (store, "CN-100540", "2468", &error);
  g_autoptr(AisleOnlineOrder) after = NULL;
  g_autoptr(AisleReturnRequest) request = NULL;
  g_autoptr(AisleReturnRequest) glass = NULL;
  g_autoptr(AisleReturnRequest) bowl = NULL;
  g_autoptr(AisleReturn) first = NULL;
  g_autoptr(AisleReturn) again = NULL;
  g_autoptr(AisleReturn) refused = NULL;
  const AisleOnlineOrderLine *plate;
  guint before;

  g_assert_no_error (error);
  g_assert_cmpint (order->state, ==, AISLE_ONLINE_ORDER_COLLECTED);
  plate = g_ptr_array_index (order->lines, 0);
  g_assert_cmpstr (plate->name, ==, "SILJA plate");
  g_assert_cmpstr (plate->return_until, ==, "2099-12-31");
  before = plate->returned;
  g_assert_cmpuint (((AisleOnlineOrderLine *)g_ptr_array_index (order->lines, 1))->returned, ==, 6);

  request = aisle_return_request_new (order->id, AISLE_RETURN_DAMAGED);
  aisle_return_request_add (request, plate->id, 2);
  first = return_lines (store, request, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first->number, "R-"));
  g_assert_cmpstr (first->desk, ==, "Returns desk, entrance A");
  g_assert_cmpuint (first->lines->len, ==, 1);
  g_assert_cmpuint (((AisleOnlineOrderLine *)g_ptr_array_index (first->lines, 0))->quantity, ==, 2);
  g_assert_cmpint (first->refund, ==, 1798);

  /* Sent again after a lost answer: one return. */
  again = return_lines (store, request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->number, ==, first->number);
  after = lookup (store, "CN-100540", "2468", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((AisleOnlineOrderLine *)g_ptr_array_index (after->lines, 0))->returned, ==, before + 2);

  /* All returned already; past the window. */
  glass = aisle_return_request_new (order->id, AISLE_RETURN_CHANGED_MIND);
  aisle_return_request_add (glass, "2", 1);
  refused = return_lines (store, glass, &error);
  g_assert_null (refused);
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE);
  g_clear_error (&error);
  bowl = aisle_return_request_new (order->id, AISLE_RETURN_OTHER);
  aisle_return_request_add (bowl, "3", 1);
  g_assert_null (return_lines (store, bowl, &error));
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE);
}

static void
assert_lookup_fails (AisleStore            *store,
                     const char            *number,
                     const char            *contact,
                     AisleOnlineOrderError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleOnlineOrder) order = lookup (store, number, contact, &error);

  g_test_message ("%s / %s: %s", number, contact, error ? error->message : "found");
  g_assert_null (order);
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, (int)code);
}

/* What both the store's endpoints and the demo answer alike. */
static void
assert_protocol (AisleStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleOnlineOrder) order = NULL;
  g_autoptr(AisleOnlineOrder) by_phone = NULL;
  g_autoptr(AisleOnlineOrder) preparing = NULL;
  g_autoptr(AisleOnlineOrder) again = NULL;
  g_autoptr(AisleCheckIn) first = NULL;
  g_autoptr(AisleCheckIn) second = NULL;

  /* The number as typed, the e-mail in any case. */
  order = lookup (store, "cn 100-482", "Maria.Rossi@Example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (order->number, ==, "CN-100482");
  g_assert_cmpint (order->state, ==, AISLE_ONLINE_ORDER_READY);
  g_assert_cmpuint (order->lines->len, ==, 2);
  g_assert_cmpint (order->total, ==, 13497);
  g_assert_cmpstr (order->currency, ==, "EUR");
  g_assert_cmpstr (order->store_id, ==, "milano");
  g_assert_nonnull (order->desk);
  g_assert_null (order->check_in);

  /* The phone's last four digits. */
  by_phone = lookup (store, "CN100482", "5678", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_phone->id, ==, order->id);

  /* A wrong contact is an unknown number: nothing tells them apart. */
  assert_lookup_fails (store, "CN-100482", "someone@example.com", AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
  assert_lookup_fails (store, "CN-100482", "1234", AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
  assert_lookup_fails (store, "CN-999999", "5678", AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
  assert_lookup_fails (store, "", "5678", AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);

  /* Checked in once, and again: the same queue number. */
  first = check_in (store, order->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first->queue_number);
  g_assert_nonnull (first->wait_at);
  second = check_in (store, order->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->queue_number, ==, first->queue_number);
  again = lookup (store, "CN-100482", "5678", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again->check_in);
  g_assert_cmpstr (again->check_in->queue_number, ==, first->queue_number);

  /* An order being prepared cannot be checked in yet. */
  preparing = lookup (store, "CN-100517", "luca.bianchi@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpint (preparing->state, ==, AISLE_ONLINE_ORDER_PREPARING);
  g_assert_null (check_in (store, preparing->id, &error));
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_NOW);
  g_clear_error (&error);
  g_assert_null (check_in (store, "no-such-order", &error));
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
}

/* The pickup code from the confirmation e-mail (what its QR code carries)
 * is a contact too: any ASCII case, spaces and hyphens left out. */
static void
assert_pickup_code (AisleStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleOnlineOrder) by_email = NULL;
  g_autoptr(AisleOnlineOrder) by_code = NULL;
  g_autoptr(AisleOnlineOrder) typed = NULL;
  g_autoptr(AisleOnlineOrder) spaced = NULL;
  g_autoptr(AisleOnlineOrder) preparing = NULL;

  by_email = lookup (store, "CN-100482", "maria.rossi@example.com", &error);
  g_assert_no_error (error);

  by_code = lookup (store, "CN-100482", "K7Q2M9", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_code->id, ==, by_email->id);
  g_assert_cmpstr (by_code->number, ==, "CN-100482");
  g_assert_cmpint (by_code->state, ==, AISLE_ONLINE_ORDER_READY);
  g_assert_cmpuint (by_code->lines->len, ==, 2);

  /* As a shopper might type it. */
  typed = lookup (store, "cn-100482", "k7q-2m9", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (typed->id, ==, by_email->id);
  spaced = lookup (store, "CN100482", "K7Q 2M9", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spaced->id, ==, by_email->id);

  preparing = lookup (store, "CN-100517", "p4x8td", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preparing->number, ==, "CN-100517");
  g_assert_cmpint (preparing->state, ==, AISLE_ONLINE_ORDER_PREPARING);

  /* A wrong code, another order's code, a code cut short: all an unknown
   * number. (Each counts as a failed look-up; the server allows 10.) */
  assert_lookup_fails (store, "CN-100482", "K7Q2M8", AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
  assert_lookup_fails (store, "CN-100482", "P4X8TD", AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
  assert_lookup_fails (store, "CN-100482", "K7Q2M", AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
}

static void
test_http (void)
{
  g_autoptr(AisleStore) store = feed_store_http (server_port, "", cache_dir);

  assert_protocol (store);
}

static void
test_http_pickup_code (void)
{
  g_autoptr(AisleStore) store = feed_store_http (server_port, "", cache_dir);

  assert_pickup_code (store);
}

static void
test_http_returns (void)
{
  g_autoptr(AisleStore) store = feed_store_http (server_port, "", cache_dir);

  assert_returns (store);
}

static void
test_demo (void)
{
  g_autoptr(AisleStore) store = feed_store_demo ("milano", cache_dir);

  assert_protocol (store);
  assert_pickup_code (store);
  assert_returns (store);
}

/* Orders placed on a demo kiosk are online orders too: a pickup can be
 * checked in at its store (and is elsewhere at any other), a delivery
 * comes back. */
static void
test_demo_kiosk_orders (void)
{
  g_autofree char *url = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);
  g_autoptr(AisleStore) milano = feed_store_demo ("milano", cache_dir);
  g_autoptr(AisleStore) muenchen = feed_store_demo ("muenchen", cache_dir);
  static const char pickup[] =
    "{\"format\":\"aisle-order\",\"format_version\":1,\"id\":\"7d3e0c4a-1b2f-4c5d-8e9f-0a1b2c3d4e5f\","
    "\"created_at\":\"2026-12-07T10:00:00+01:00\",\"store\":\"milano\",\"language\":\"it\","
    "\"fulfillment\":{\"type\":\"pickup\",\"store\":\"milano\"},"
    "\"contact\":{\"name\":\"Giulia Verdi\",\"email\":\"giulia@example.com\",\"phone\":\"+39 333 1234 987\"},"
    "\"lines\":[{\"product\":\"78134462\",\"article\":\"781.344.62\",\"name\":\"CUSCÌNO footstool\","
    "\"quantity\":1,\"unit_price\":{\"amount\":9499,\"currency\":\"EUR\"}}],"
    "\"totals\":{\"items\":9499,\"fees\":0,\"total\":9499,\"currency\":\"EUR\"}}";
  static const char delivery[] =
    "{\"format\":\"aisle-order\",\"format_version\":1,\"id\":\"9a8b7c6d-1b2f-4c5d-8e9f-0a1b2c3d4e5f\","
    "\"store\":\"milano\",\"language\":\"it\",\"fulfillment\":{\"type\":\"delivery\"},"
    "\"contact\":{\"name\":\"Giulia\",\"email\":\"giulia@example.com\"},"
    "\"lines\":[{\"product\":\"78134462\",\"article\":\"781.344.62\",\"name\":\"CUSCÌNO footstool\","
    "\"quantity\":2,\"unit_price\":{\"amount\":9499,\"currency\":\"EUR\"}}],"
    "\"totals\":{\"items\":18998,\"fees\":3900,\"total\":22898,\"currency\":\"EUR\"}}";
  AisleSubmitResult booked = { 0 }, sent = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleOnlineOrder) order = NULL;
  g_autoptr(AisleOnlineOrder) elsewhere = NULL;
  g_autoptr(AisleOnlineOrder) delivered = NULL;
  g_autoptr(AisleCheckIn) first = NULL;
  g_autoptr(AisleReturnRequest) request = NULL;
  g_autoptr(AisleReturn) ret = NULL;

  aisle_feed_orders_submit (url, NULL, 10, "it", "7d3e0c4a-1b2f-4c5d-8e9f-0a1b2c3d4e5f", pickup, &booked);
  g_assert_cmpint (booked.outcome, ==, AISLE_SUBMIT_ACCEPTED);
  g_assert_nonnull (booked.order_number);

  order = lookup (milano, booked.order_number, "4987", &error);
  g_assert_no_error (error);
  g_assert_cmpint (order->state, ==, AISLE_ONLINE_ORDER_READY);
  g_assert_cmpstr (order->customer, ==, "Giulia V.");
  g_assert_cmpuint (order->lines->len, ==, 1);
  g_assert_cmpstr (((AisleOnlineOrderLine *)order->lines->pdata[0])->name, ==, "CUSCÌNO footstool");
  g_assert_cmpint (order->total, ==, 9499);
  first = check_in (milano, order->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first->queue_number);
  elsewhere = lookup (muenchen, booked.order_number, "giulia@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpint (elsewhere->state, ==, AISLE_ONLINE_ORDER_AT_OTHER_STORE);
  assert_lookup_fails (milano, booked.order_number, "someone@example.com", AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);

  aisle_feed_orders_submit (url, NULL, 10, "it", "9a8b7c6d-1b2f-4c5d-8e9f-0a1b2c3d4e5f", delivery, &sent);
  delivered = lookup (milano, sent.order_number, "giulia@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpint (delivered->state, ==, AISLE_ONLINE_ORDER_COLLECTED);
  request = aisle_return_request_new (delivered->id, AISLE_RETURN_CHANGED_MIND);
  aisle_return_request_add (request, "1", 1);
  ret = return_lines (milano, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ret->refund, ==, 9499);

  for (AisleSubmitResult *r = &booked; r != NULL; r = r == &booked ? &sent : NULL)
    {
      g_free (r->order_number);
      g_free (r->pickup_code);
      g_free (r->message);
    }
}

/* Whatever the store does wrong, the shopper gets an answer, and soon. */
static void
test_http_failures (void)
{
  struct { const char *prefix; AisleOnlineOrderError code; } cases[] = {
    { "/status/429", AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES },
    { "/status/503", AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE },
    { "/status/401", AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE },
    { "/junk", AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE },
    { "/reset", AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE },
    { "/redirect", AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE },
    { "/huge/2", AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AisleStore) store = feed_store_http (server_port, cases[i].prefix, cache_dir);
      gint64 start = g_get_monotonic_time ();

      g_test_message ("prefix %s", cases[i].prefix);
      assert_lookup_fails (store, "CN-100482", "5678", cases[i].code);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 16 * G_USEC_PER_SEC);
    }

  /* Nobody listening. */
  {
    g_autoptr(AisleFeedStore) store = aisle_feed_store_new ("http://127.0.0.1:9", "milano", cache_dir);

    assert_lookup_fails (AISLE_STORE (store), "CN-100482", "5678", AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  cache_dir = g_dir_make_tmp ("aisle-online-XXXXXX", NULL);
  server_port = order_server_start ();

  g_test_add_func ("/online-orders/http", test_http);
  g_test_add_func ("/online-orders/http-pickup-code", test_http_pickup_code);
  g_test_add_func ("/online-orders/http-returns", test_http_returns);
  g_test_add_func ("/online-orders/demo", test_demo);
  g_test_add_func ("/online-orders/demo-kiosk-orders", test_demo_kiosk_orders);
  g_test_add_func ("/online-orders/http-failures", test_http_failures);

  status = g_test_run ();
  order_server_stop ();
  g_free (cache_dir);
  return status;
}
