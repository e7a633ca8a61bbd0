/* test-checkout.c: what is ordered, where it can be picked up, the windows
 * offered, fees, VAT and the order document
 */
#include "config.h"

#include <json.h>

#include "aisle-checkout.h"
#include "aisle-feed-parser.h"
#include "feed-fixture.h"
#include "aisle-language.h"

static AisleCatalog *catalog;
static AisleStock *stock;

/* Friday 20 November 2026, 10:00 in Milan. */
static GDateTime *
friday_morning (void)
{
  g_autoptr(GTimeZone) rome = g_time_zone_new_identifier ("Europe/Rome");
  g_assert_nonnull (rome);
  return g_date_time_new (rome, 2026, 11, 20, 10, 0, 0);
}

static AisleShoppingList *
mixed_list (void)
{
  AisleShoppingList *list = aisle_shopping_list_new ();

  aisle_shopping_list_add (list, "10000001", 2);   /* self-serve, picked: not ordered */
  aisle_shopping_list_add (list, "10000003", 1);   /* full-serve, 0 in stock */
  aisle_shopping_list_add (list, "10000002", 3);   /* self-serve asked prepared, level "low" */
  aisle_shopping_list_set_prepared (list, "10000002", TRUE);
  aisle_shopping_list_add (list, "10000004", 1);   /* online-only */
  return list;
}

static void
test_lines_and_availability (void)
{
  g_autoptr(AisleShoppingList) list = mixed_list ();
  g_autoptr(AisleCheckout) checkout = aisle_checkout_new (list, catalog, "milano");
  gint in_stock;

  g_assert_cmpuint (aisle_checkout_get_n_lines (checkout), ==, 3);
  g_assert_cmpstr (aisle_checkout_get_line (checkout, 0)->product_id, ==, "10000003");
  g_assert_cmpstr (aisle_checkout_get_line (checkout, 1)->product_id, ==, "10000002");
  g_assert_cmpuint (aisle_checkout_get_line (checkout, 1)->quantity, ==, 3);

  /* Without stock the store confirms; online-only is never picked up. */
  g_assert_cmpint (aisle_checkout_line_availability (checkout, 0, NULL), ==, AISLE_LINE_UNKNOWN);
  g_assert_cmpint (aisle_checkout_line_availability (checkout, 2, NULL), ==, AISLE_LINE_DELIVERY_ONLY);

  aisle_checkout_set_pickup_store (checkout, aisle_catalog_find_store (catalog, "milano"), stock);
  g_assert_cmpint (aisle_checkout_line_availability (checkout, 0, &in_stock), ==, AISLE_LINE_UNAVAILABLE);
  g_assert_cmpint (in_stock, ==, 0);
  g_assert_cmpint (aisle_checkout_line_availability (checkout, 1, NULL), ==, AISLE_LINE_AVAILABLE);
  g_assert_false (aisle_checkout_pickup_possible (checkout));

  /* It opened on delivery: pickup here cannot fill it. */
  g_assert_true (aisle_checkout_can_deliver (checkout));
  g_assert_cmpint (aisle_checkout_get_kind (checkout), ==, AISLE_CHECKOUT_DELIVERY);
}

static void
test_short_stock (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(AisleCheckout) checkout = NULL;
  gint in_stock;

  aisle_shopping_list_add (list, "10000001", 20);   /* 14 in stock */
  aisle_shopping_list_set_prepared (list, "10000001", TRUE);
  checkout = aisle_checkout_new (list, catalog, "milano");
  aisle_checkout_set_pickup_store (checkout, 0, stock);
  g_assert_cmpint (aisle_checkout_line_availability (checkout, 0, &in_stock), ==, AISLE_LINE_SHORT);
  g_assert_cmpint (in_stock, ==, 14);

  /* Stock of another catalog version is not trusted. */
  {
    g_autoptr(AisleCatalog) other = NULL;
    g_autoptr(AisleStock) other_stock = NULL;

    feed_fixture_load (&other, &other_stock);
    aisle_checkout_set_pickup_store (checkout, 0, other_stock);
    g_assert_cmpint (aisle_checkout_line_availability (checkout, 0, NULL), ==, AISLE_LINE_UNKNOWN);
  }
}

static void
test_pickup_windows (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(AisleCheckout) checkout = NULL;
  g_autoptr(GDateTime) now = friday_morning ();
  g_autoptr(GArray) windows = NULL;
  g_autofree char *first = NULL, *last = NULL;

  aisle_shopping_list_add (list, "10000003", 1);
  checkout = aisle_checkout_new (list, catalog, "milano");
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_PICKUP);

  /* 10:00 + 90 minutes lead: 11:30 is the first two-hour slot from 09:30;
   * Friday ends with a one-hour slot; the weekend's hours are malformed
   * in the fixture, so Monday follows. */
  windows = aisle_checkout_list_windows (checkout, now, 8);
  g_assert_cmpuint (windows->len, ==, 8);
  first = aisle_checkout_describe_window (checkout, &g_array_index (windows, AisleTimeWindow, 0), now);
  g_assert_cmpstr (first, ==, "Today, 11:30–13:30");
  {
    g_autofree char *fifth = aisle_checkout_describe_window (checkout, &g_array_index (windows, AisleTimeWindow, 4), now);
    g_assert_cmpstr (fifth, ==, "Today, 19:30–20:30");
  }
  last = aisle_checkout_describe_window (checkout, &g_array_index (windows, AisleTimeWindow, 7), now);
  g_assert_cmpstr (last, ==, "Mon 23 Nov, 13:30–15:30");

  for (guint i = 1; i < windows->len; i++)
    g_assert_cmpint (g_array_index (windows, AisleTimeWindow, i).start, >, g_array_index (windows, AisleTimeWindow, i - 1).start);

  /* München opens Monday to Saturday 10–19, lead 60 minutes by default. */
  aisle_checkout_set_pickup_store (checkout, aisle_catalog_find_store (catalog, "muenchen"), NULL);
  g_clear_pointer (&windows, g_array_unref);
  windows = aisle_checkout_list_windows (checkout, now, 3);
  g_assert_cmpuint (windows->len, ==, 3);
  g_clear_pointer (&first, g_free);
  first = aisle_checkout_describe_window (checkout, &g_array_index (windows, AisleTimeWindow, 0), now);
  g_assert_cmpstr (first, ==, "Today, 12:00–14:00");
}

static void
test_delivery_windows_and_money (void)
{
  g_autoptr(AisleShoppingList) list = mixed_list ();
  g_autoptr(AisleCheckout) checkout = aisle_checkout_new (list, catalog, "milano");
  g_autoptr(GDateTime) now = friday_morning ();
  g_autoptr(GArray) windows = NULL;
  g_autofree char *text = NULL;
  gint64 vat;
  guint rate;

  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_DELIVERY);
  windows = aisle_checkout_list_windows (checkout, now, 4);
  g_assert_cmpuint (windows->len, ==, 4);
  text = aisle_checkout_describe_window (checkout, &g_array_index (windows, AisleTimeWindow, 0), now);
  g_assert_cmpstr (text, ==, "Tomorrow, 08:00–12:00");
  g_clear_pointer (&text, g_free);
  text = aisle_checkout_describe_window (checkout, &g_array_index (windows, AisleTimeWindow, 2), now);
  g_assert_cmpstr (text, ==, "Mon 23 Nov, 08:00–12:00");   /* Sunday's window is malformed */

  g_assert_cmpint (aisle_checkout_get_items_total (checkout), ==, 34900 + 3 * 499 + 89900);
  g_assert_cmpint (aisle_checkout_get_fee (checkout), ==, 3900);
  g_assert_cmpint (aisle_checkout_get_total (checkout), ==, 130197);
  g_assert_true (aisle_checkout_get_vat (checkout, &vat, &rate));
  g_assert_cmpuint (rate, ==, 2200);
  g_assert_cmpint (vat, ==, 23478);   /* 130197 × 22 / 122, rounded */

  /* Pickup has no fee. */
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_PICKUP);
  g_assert_cmpint (aisle_checkout_get_fee (checkout), ==, 0);
  g_assert_cmpint (aisle_checkout_get_total (checkout), ==, 126297);
}

static void
test_no_delivery (void)
{
  g_autoptr(AisleShoppingList) list = mixed_list ();
  /* München's fee is in another currency than the catalog: no delivery. */
  g_autoptr(AisleCheckout) checkout = aisle_checkout_new (list, catalog, "muenchen");
  g_autoptr(GDateTime) now = friday_morning ();
  g_autoptr(GArray) windows = NULL;

  g_assert_false (aisle_checkout_can_deliver (checkout));
  g_assert_cmpint (aisle_checkout_get_kind (checkout), ==, AISLE_CHECKOUT_PICKUP);
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_DELIVERY);
  windows = aisle_checkout_list_windows (checkout, now, 4);
  g_assert_cmpuint (windows->len, ==, 0);
  g_assert_cmpint (aisle_checkout_get_fee (checkout), ==, 0);
}

static json_object *
member (json_object *obj,
        const char  *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      json_object *next = NULL;
      g_assert_true (json_object_object_get_ex (obj, parts[i], &next));
      obj = next;
    }
  return obj;
}

static void
test_document (void)
{
  g_autoptr(AisleShoppingList) list = mixed_list ();
  g_autoptr(AisleCheckout) checkout = aisle_checkout_new (list, catalog, "milano");
  g_autoptr(GDateTime) now = friday_morning ();
  g_autoptr(GArray) windows = NULL;
  g_autofree char *json = NULL;
  g_autofree char *url = NULL;
  g_autofree char *ref = NULL;
  const char *id = "0b8f2a5e-6f0c-4d43-9a57-3c1d2f7e8a10";
  json_object *root, *lines;

  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_DELIVERY);
  g_assert_false (aisle_checkout_is_complete (checkout));
  windows = aisle_checkout_list_windows (checkout, now, 1);
  aisle_checkout_set_window (checkout, &g_array_index (windows, AisleTimeWindow, 0));
  aisle_checkout_set_address (checkout, "Maria Rossi", "Via Esempio 12", "20100", "Milano", "IT");
  g_assert_false (aisle_checkout_is_complete (checkout));
  aisle_checkout_set_contact (checkout, "Maria Rossi", NULL, "+39021234567");
  g_assert_true (aisle_checkout_is_complete (checkout));

  json = aisle_checkout_to_json (checkout, id, now, "milano-3", "it");
  root = json_tokener_parse (json);
  g_assert_nonnull (root);
  g_assert_cmpstr (json_object_get_string (member (root, "format")), ==, "aisle-order");
  g_assert_cmpint (json_object_get_int (member (root, "format_version")), ==, 1);
  g_assert_cmpstr (json_object_get_string (member (root, "id")), ==, id);
  g_assert_cmpstr (json_object_get_string (member (root, "created_at")), ==, "2026-11-20T10:00:00+01:00");
  g_assert_cmpstr (json_object_get_string (member (root, "kiosk")), ==, "milano-3");
  g_assert_cmpstr (json_object_get_string (member (root, "store")), ==, "milano");
  g_assert_cmpstr (json_object_get_string (member (root, "language")), ==, "it");
  g_assert_cmpstr (json_object_get_string (member (root, "fulfillment.type")), ==, "delivery");
  g_assert_cmpstr (json_object_get_string (member (root, "fulfillment.address.postcode")), ==, "20100");
  g_assert_cmpstr (json_object_get_string (member (root, "fulfillment.address.country")), ==, "IT");
  g_assert_cmpstr (json_object_get_string (member (root, "fulfillment.window.start")), ==, "2026-11-21T08:00:00+01:00");
  g_assert_cmpstr (json_object_get_string (member (root, "fulfillment.window.end")), ==, "2026-11-21T12:00:00+01:00");
  g_assert_cmpint (json_object_get_int64 (member (root, "fulfillment.fee.amount")), ==, 3900);
  g_assert_cmpstr (json_object_get_string (member (root, "contact.phone")), ==, "+39021234567");
  g_assert_false (json_object_object_get_ex (member (root, "contact"), "email", NULL));
  lines = member (root, "lines");
  g_assert_cmpuint (json_object_array_length (lines), ==, 3);
  g_assert_cmpstr (json_object_get_string (member (json_object_array_get_idx (lines, 0), "name")), ==, "Set mobili da giardino");
  g_assert_cmpstr (json_object_get_string (member (json_object_array_get_idx (lines, 0), "article")), ==, "100.000.03");
  g_assert_cmpint (json_object_get_int64 (member (json_object_array_get_idx (lines, 1), "unit_price.amount")), ==, 499);
  g_assert_cmpint (json_object_get_int64 (member (root, "totals.items")), ==, 126297);
  g_assert_cmpint (json_object_get_int64 (member (root, "totals.fees")), ==, 3900);
  g_assert_cmpint (json_object_get_int64 (member (root, "totals.total")), ==, 130197);
  g_assert_cmpstr (json_object_get_string (member (root, "totals.currency")), ==, "EUR");
  json_object_put (root);

  /* Pickup: the store, no address, no fee. */
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_PICKUP);
  g_clear_pointer (&json, g_free);
  json = aisle_checkout_to_json (checkout, id, now, "milano-3", "de");
  root = json_tokener_parse (json);
  g_assert_cmpstr (json_object_get_string (member (root, "fulfillment.type")), ==, "pickup");
  g_assert_cmpstr (json_object_get_string (member (root, "fulfillment.store")), ==, "milano");
  g_assert_false (json_object_object_get_ex (member (root, "fulfillment"), "address", NULL));
  g_assert_cmpint (json_object_get_int64 (member (root, "totals.fees")), ==, 0);
  g_assert_cmpstr (json_object_get_string (member (json_object_array_get_idx (member (root, "lines"), 0), "name")), ==, "Gartenmöbel-Set");
  json_object_put (root);

  url = aisle_checkout_order_reference_url (catalog, id);
  g_assert_cmpstr (url, ==, "https://shop.fixture.example/orders/0b8f2a5e-6f0c-4d43-9a57-3c1d2f7e8a10");
  ref = aisle_checkout_short_reference (id);
  g_assert_cmpstr (ref, ==, "0B8F2A5E");
}

static void
test_hostile_text (void)
{
  g_autoptr(AisleShoppingList) list = mixed_list ();
  g_autoptr(AisleCheckout) checkout = aisle_checkout_new (list, catalog, "nowhere");
  g_autoptr(GDateTime) now = friday_morning ();
  g_autofree char *json = NULL;
  json_object *root;

  /* Quotes, backslashes and control characters are escaped, not pasted. */
  aisle_checkout_set_contact (checkout, "Ann \"O'Brien\" \\ </script>\n", "a@b.example", NULL);
  json = aisle_checkout_to_json (checkout, "x", now, NULL, "zz");
  root = json_tokener_parse (json);
  g_assert_nonnull (root);
  g_assert_cmpstr (json_object_get_string (member (root, "contact.name")), ==, "Ann \"O'Brien\" \\ </script>\n");
  g_assert_cmpstr (json_object_get_string (member (root, "language")), ==, "en");
  json_object_put (root);
}

/* A coupon the store validated takes its discount off the total, the
 * order document says so, and it no longer counts for another order. */
static void
test_coupon (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(AisleCheckout) checkout = NULL;
  g_autoptr(GDateTime) created = friday_morning ();
  json_object *doc, *request;
  g_autofree char *json = NULL;
  g_autofree char *request_json = NULL;
  AisleCoupon coupon = { (char *)"FIVEOFF", (char *)"€5 off", 500, (char *)"EUR", NULL };
  AisleCoupon too_much = { (char *)"BIG", NULL, 999999999, (char *)"EUR", NULL };
  json_object *member, *totals;
  gint64 items;

  aisle_shopping_list_add (list, "10000002", 3);
  aisle_shopping_list_set_prepared (list, "10000002", TRUE);
  checkout = aisle_checkout_new (list, catalog, "milano");
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_PICKUP);
  items = aisle_checkout_get_items_total (checkout);
  g_assert_cmpint (items, >, 500);
  g_assert_null (aisle_checkout_get_coupon (checkout));
  g_assert_cmpint (aisle_checkout_get_discount (checkout), ==, 0);

  /* What the store is asked: the code, the lines and totals before it. */
  request_json = aisle_checkout_coupon_request (checkout, "FIVEOFF", "it");
  request = json_tokener_parse (request_json);
  g_assert_nonnull (request);
  g_assert_true (json_object_object_get_ex (request, "code", &member));
  g_assert_cmpstr (json_object_get_string (member), ==, "FIVEOFF");
  g_assert_true (json_object_object_get_ex (request, "fulfillment", &member));
  g_assert_cmpstr (json_object_get_string (member), ==, "pickup");
  g_assert_true (json_object_object_get_ex (request, "totals", &totals));
  g_assert_true (json_object_object_get_ex (totals, "total", &member));
  g_assert_cmpint (json_object_get_int64 (member), ==, items);
  json_object_put (request);

  aisle_checkout_set_coupon (checkout, &coupon);
  g_assert_nonnull (aisle_checkout_get_coupon (checkout));
  g_assert_cmpint (aisle_checkout_get_discount (checkout), ==, 500);
  g_assert_cmpint (aisle_checkout_get_total (checkout), ==, items - 500);

  json = aisle_checkout_to_json (checkout, "0b8f2a5e-6f0c-4d43-9a57-3c1d2f7e8a10", created, "kiosk-1", "en");
  doc = json_tokener_parse (json);
  g_assert_true (json_object_object_get_ex (doc, "coupon", &member));
  g_assert_cmpstr (json_object_get_string (json_object_object_get (member, "code")), ==, "FIVEOFF");
  g_assert_cmpint (json_object_get_int64 (json_object_object_get (json_object_object_get (member, "discount"), "amount")),
                   ==, 500);
  g_assert_true (json_object_object_get_ex (doc, "totals", &totals));
  g_assert_cmpint (json_object_get_int64 (json_object_object_get (totals, "items")), ==, items);
  g_assert_cmpint (json_object_get_int64 (json_object_object_get (totals, "discount")), ==, 500);
  g_assert_cmpint (json_object_get_int64 (json_object_object_get (totals, "total")), ==, items - 500);
  json_object_put (doc);

  /* Never more than the order. */
  aisle_checkout_set_coupon (checkout, &too_much);
  g_assert_cmpint (aisle_checkout_get_total (checkout), ==, 0);

  /* Validated for pickup; delivery adds a fee: it no longer counts. */
  aisle_checkout_set_coupon (checkout, &coupon);
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_DELIVERY);
  if (aisle_checkout_get_fee (checkout) > 0)
    {
      g_assert_null (aisle_checkout_get_coupon (checkout));
      g_assert_cmpint (aisle_checkout_get_total (checkout), ==, items + aisle_checkout_get_fee (checkout));
    }
  aisle_checkout_set_coupon (checkout, NULL);
  g_assert_null (aisle_checkout_get_coupon (checkout));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  feed_fixture_load (&catalog, &stock);

  g_test_add_func ("/checkout/lines-and-availability", test_lines_and_availability);
  g_test_add_func ("/checkout/short-stock", test_short_stock);
  g_test_add_func ("/checkout/pickup-windows", test_pickup_windows);
  g_test_add_func ("/checkout/delivery-windows-and-money", test_delivery_windows_and_money);
  g_test_add_func ("/checkout/no-delivery", test_no_delivery);
  g_test_add_func ("/checkout/document", test_document);
  g_test_add_func ("/checkout/hostile-text", test_hostile_text);
  g_test_add_func ("/checkout/coupon", test_coupon);

  status = g_test_run ();
  g_clear_object (&stock);
  g_clear_object (&catalog);
  return status;
}
