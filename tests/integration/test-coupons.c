/* test-coupons.c: a coupon checked against an order, at the store's endpoint and in the demo
 *
 * The feed backend asks tests/integration/order-server.py on 127.0.0.1
 * (docs/order-protocol.md, "Coupons"), and the bundled demo store, which
 * applies the rules of its own coupons.json. Both answer alike.
 */
#include "config.h"

#include "feed-store-util.h"
#include "order-server-util.h"

static guint server_port;
static char *cache_dir;

/* The request as the checkout makes it: one line of @items, @fees. */
static AisleCoupon *
validate (AisleStore  *store,
          const char  *code,
          const char  *fulfillment,
          gint64       items,
          gint64       fees,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *request = g_strdup_printf (
    "{\"code\":\"%s\",\"language\":\"it\",\"fulfillment\":\"%s\","
    "\"lines\":[{\"product\":\"78134462\",\"article\":\"781.344.62\",\"name\":\"CUSCÌNO\",\"quantity\":1,"
    "\"unit_price\":{\"amount\":%" G_GINT64_FORMAT ",\"currency\":\"EUR\"}}],"
    "\"totals\":{\"items\":%" G_GINT64_FORMAT ",\"fees\":%" G_GINT64_FORMAT ",\"total\":%" G_GINT64_FORMAT
    ",\"currency\":\"EUR\"}}",
    code, fulfillment, items, items, fees, items + fees);

  aisle_store_validate_coupon_async (store, request, "it", NULL, feed_store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return aisle_store_validate_coupon_finish (store, result, error);
}

static void
assert_refused (AisleStore       *store,
                const char       *code,
                const char       *fulfillment,
                gint64            items,
                AisleCouponError  expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCoupon) coupon = validate (store, code, fulfillment, items, 0, &error);

  g_test_message ("%s: %s", code, error ? error->message : "applied");
  g_assert_null (coupon);
  g_assert_error (error, AISLE_COUPON_ERROR, (int)expected);
  g_assert_nonnull (error->message);
}

/* What both the store's endpoint and the demo answer alike. */
static void
assert_rules (AisleStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCoupon) welcome = validate (store, "welcome-10", "pickup", 25998, 0, &error);
  g_autoptr(AisleCoupon) five = NULL;
  g_autoptr(AisleCoupon) free_delivery = NULL;
  g_autoptr(AisleCoupon) minimum = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (welcome->code, ==, "WELCOME10");
  g_assert_cmpint (welcome->discount, ==, 2600);
  g_assert_cmpstr (welcome->currency, ==, "EUR");
  /* In the shopper's language. */
  g_assert_nonnull (strstr (welcome->description, "sconto"));

  /* Never more than the order. */
  five = validate (store, "FIVEOFF", "pickup", 300, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (five->discount, ==, 300);
  free_delivery = validate (store, "freedelivery", "delivery", 9499, 3900, &error);
  g_assert_no_error (error);
  g_assert_cmpint (free_delivery->discount, ==, 3900);

  assert_refused (store, "SUMMER25", "pickup", 25998, AISLE_COUPON_ERROR_EXPIRED);
  assert_refused (store, "FREEDELIVERY", "pickup", 25998, AISLE_COUPON_ERROR_NOT_APPLICABLE);
  assert_refused (store, "NOPE99", "pickup", 25998, AISLE_COUPON_ERROR_UNKNOWN);

  /* Below the minimum: the store says why, with the amount. */
  minimum = validate (store, "WELCOME10", "pickup", 2000, 0, &error);
  g_assert_null (minimum);
  g_assert_error (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_NOT_APPLICABLE);
  g_assert_nonnull (strstr (error->message, "50"));
}

static void
test_http (void)
{
  g_autoptr(AisleStore) store = feed_store_http (server_port, "", cache_dir);

  assert_rules (store);
}

static void
test_demo (void)
{
  g_autoptr(AisleStore) store = feed_store_demo ("milano", cache_dir);

  assert_rules (store);
}

/* Whatever the store does wrong, the shopper gets an answer, and soon. */
static void
test_http_failures (void)
{
  struct { const char *prefix; AisleCouponError code; } cases[] = {
    { "/status/503", AISLE_COUPON_ERROR_UNAVAILABLE },
    { "/status/401", AISLE_COUPON_ERROR_UNAVAILABLE },
    { "/status/429", AISLE_COUPON_ERROR_TOO_MANY_TRIES },
    { "/junk", AISLE_COUPON_ERROR_UNAVAILABLE },
    { "/reset", AISLE_COUPON_ERROR_UNAVAILABLE },
    { "/redirect", AISLE_COUPON_ERROR_UNAVAILABLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AisleStore) store = feed_store_http (server_port, cases[i].prefix, cache_dir);
      gint64 start = g_get_monotonic_time ();

      g_test_message ("prefix %s", cases[i].prefix);
      assert_refused (store, "WELCOME10", "pickup", 25998, cases[i].code);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 16 * G_USEC_PER_SEC);
    }

  {
    g_autoptr(AisleFeedStore) store = aisle_feed_store_new ("http://127.0.0.1:9", "milano", cache_dir);

    assert_refused (AISLE_STORE (store), "WELCOME10", "pickup", 25998, AISLE_COUPON_ERROR_UNAVAILABLE);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  cache_dir = g_dir_make_tmp ("aisle-coupons-XXXXXX", NULL);
  server_port = order_server_start ();

  g_test_add_func ("/coupons/http", test_http);
  g_test_add_func ("/coupons/demo", test_demo);
  g_test_add_func ("/coupons/http-failures", test_http_failures);

  status = g_test_run ();
  order_server_stop ();
  g_free (cache_dir);
  return status;
}
