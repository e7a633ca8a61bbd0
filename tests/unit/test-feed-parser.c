/* test-feed-parser.c: good and bad store-feed documents */
#include "config.h"

#include <string.h>

#include "aisle-error.h"
#include "aisle-feed-parser.h"
#include "feed-fixture.h"

static AisleCatalog *
parse_catalog_string (const char       *json,
                      gssize            len,
                      AisleFeedReport  *report,
                      GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, len < 0 ? strlen (json) : (gsize)len);
  AisleCatalogMeta meta = { .etag = "\"e1\"", .source = "test", .fetched_at = 1700000000 };
  g_autoptr(GBytes) image = aisle_feed_parse_catalog (bytes, &meta, report, error);

  return image ? aisle_catalog_new_from_bytes (image, error) : NULL;
}

static AisleCatalog *
fixture_catalog (AisleFeedReport *report)
{
  g_autoptr(GBytes) json = feed_fixture_bytes ("catalog.json");
  AisleCatalogMeta meta = { .etag = "\"e1\"", .source = "test", .fetched_at = 1700000000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = aisle_feed_parse_catalog (json, &meta, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (image);
  return aisle_catalog_new_from_bytes (image, &error);
}

static void
test_good_catalog (void)
{
  AisleFeedReport report = { 0 };
  g_autoptr(AisleCatalog) catalog = fixture_catalog (&report);
  AislePackageInfo package;
  AisleStoreInfo store;
  const char *currency;
  guint i, n;

  g_assert_nonnull (catalog);
  g_assert_cmpuint (report.n_products, ==, 4);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), ==, 4);
  g_assert_nonnull (report.first_problem);
  aisle_feed_report_clear (&report);

  g_assert_cmpstr (aisle_catalog_get_shop_name (catalog), ==, "Fixture Home");
  g_assert_cmpstr (aisle_catalog_get_version (catalog), ==, "fixture-1");
  g_assert_cmpstr (aisle_catalog_get_etag (catalog), ==, "\"e1\"");

  /* Categories in position order; the duplicate and the broken ones are skipped. */
  g_assert_cmpuint (aisle_catalog_get_n_categories (catalog), ==, 2);
  g_assert_cmpstr (aisle_catalog_category_id (catalog, 0), ==, "sofas");
  g_assert_cmpstr (aisle_catalog_category_name (catalog, 0, AISLE_LANGUAGE_ES), ==, "Sofás");
  g_assert_cmpstr (aisle_catalog_category_icon (catalog, 1), ==, "cushion");
  aisle_catalog_category_products (catalog, 0, &n);
  g_assert_cmpuint (n, ==, 3);

  i = aisle_catalog_find_by_id (catalog, "10000001");
  g_assert_cmpuint (i, !=, AISLE_CATALOG_NO_INDEX);
  g_assert_cmpstr (aisle_catalog_product_name (catalog, i, AISLE_LANGUAGE_IT), ==, "Poltrona LUNDA");
  g_assert_cmpstr (aisle_catalog_product_name (catalog, i, AISLE_LANGUAGE_DE), ==, "LUNDA Sessel");
  /* A missing language falls back to English. */
  g_assert_cmpstr (aisle_catalog_product_short (catalog, i, AISLE_LANGUAGE_DE), ==, "Armchair, oak, grey");
  g_assert_cmpstr (aisle_catalog_product_description (catalog, i, AISLE_LANGUAGE_EN), ==,
                   "A compact armchair.\n\nSeat cushions can be washed.");
  g_assert_cmpint (aisle_catalog_product_price (catalog, i, &currency), ==, 12999);
  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_cmpint (aisle_catalog_product_fulfillment (catalog, i), ==, AISLE_FULFILLMENT_SELF_SERVE);

  /* Only safe image paths survive: the relative one and the https one. */
  g_assert_cmpuint (aisle_catalog_product_n_images (catalog, i), ==, 2);
  g_assert_cmpstr (aisle_catalog_product_image (catalog, i, 0), ==, "images/a.svg");
  g_assert_cmpstr (aisle_catalog_product_image (catalog, i, 1), ==, "http://127.0.0.1:9/x.png");

  g_assert_cmpuint (aisle_catalog_product_n_packages (catalog, i), ==, 2);
  g_assert_true (aisle_catalog_product_package (catalog, i, 1, AISLE_LANGUAGE_IT, &package));
  g_assert_cmpuint (package.number, ==, 2);
  g_assert_cmpstr (package.label, ==, "Cuscini");

  /* The price without a currency takes the feed's. */
  i = aisle_catalog_find_by_gtin (catalog, "8001234567895");
  g_assert_cmpstr (aisle_catalog_product_id (catalog, i), ==, "10000002");
  g_assert_cmpint (aisle_catalog_product_price (catalog, i, &currency), ==, 499);
  g_assert_cmpstr (currency, ==, "EUR");

  g_assert_cmpuint (aisle_catalog_get_n_stores (catalog), ==, 2);
  g_assert_cmpuint (aisle_catalog_find_store (catalog, "muenchen"), ==, 1);
  g_assert_true (aisle_catalog_store_info (catalog, 0, &store));
  g_assert_cmpstr (store.name, ==, "Fixture Milano");
  g_assert_cmpuint (store.pickup_lead_minutes, ==, 90);
}

static void
test_skipped_products (void)
{
  AisleFeedReport report = { 0 };
  g_autoptr(AisleCatalog) catalog = fixture_catalog (&report);
  const char *skipped[] = { "20000001", "20000002", "20000003", "20000004", "20000005",
                            "20000006", "20000007", "20000008", "20000009", "999.999.99" };

  /* Unknown category, float price, no fulfillment, unlocalized name, bad GTIN,
   * negative price, bad currency, no article, too many packages, duplicate id;
   * plus a number and a null in the list. */
  g_assert_cmpuint (report.n_skipped, >=, 12);
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      g_assert_cmpuint (aisle_catalog_find_by_id (catalog, skipped[i]), ==, AISLE_CATALOG_NO_INDEX);
      g_assert_cmpuint (aisle_catalog_find_by_article (catalog, skipped[i]), ==, AISLE_CATALOG_NO_INDEX);
    }
  aisle_feed_report_clear (&report);
}

static void
test_stock (void)
{
  g_autoptr(AisleCatalog) catalog = fixture_catalog (NULL);
  g_autoptr(GBytes) json = feed_fixture_bytes ("stock/milano.json");
  g_autoptr(GError) error = NULL;
  AisleFeedReport report = { 0 };
  g_autoptr(AisleStock) stock = aisle_feed_parse_stock (catalog, json, &report, &error);
  AisleStockLocation location;
  AisleStockInfo info;
  guint i;

  g_assert_no_error (error);
  g_assert_cmpstr (aisle_stock_get_store_id (stock), ==, "milano");
  g_assert_cmpuint (report.n_products, ==, 3);
  g_assert_cmpuint (report.n_skipped, ==, 5);
  aisle_feed_report_clear (&report);

  i = aisle_catalog_find_by_id (catalog, "10000001");
  g_assert_true (aisle_stock_lookup (stock, i, &info));
  g_assert_cmpint (info.quantity, ==, 14);   /* the duplicate entry (99) is ignored */
  g_assert_cmpint (info.level, ==, AISLE_STOCK_LEVEL_HIGH);
  g_assert_cmpstr (info.restock, ==, "2026-11-28");
  g_assert_cmpint (info.updated_at, ==, 1795162200);
  g_assert_cmpuint (info.n_locations, ==, 2);

  /* Locations come back by package, whatever the feed's order. */
  g_assert_true (aisle_stock_get_location (stock, i, 0, &location));
  g_assert_cmpuint (location.package, ==, 1);
  g_assert_cmpstr (location.aisle, ==, "12");
  g_assert_cmpstr (location.shelf, ==, "04");
  g_assert_true (aisle_stock_get_location (stock, i, 1, &location));
  g_assert_cmpstr (location.aisle, ==, "31");
  g_assert_false (aisle_stock_get_location (stock, i, 2, &location));

  i = aisle_catalog_find_by_id (catalog, "10000002");
  g_assert_true (aisle_stock_lookup (stock, i, &info));
  g_assert_cmpint (info.quantity, ==, AISLE_STOCK_NO_QUANTITY);
  g_assert_cmpint (info.level, ==, AISLE_STOCK_LEVEL_LOW);
  /* The entry without its own time takes the document's. */
  g_assert_cmpint (info.updated_at, ==, 1795163100);

  i = aisle_catalog_find_by_id (catalog, "10000003");
  g_assert_true (aisle_stock_lookup (stock, i, &info));
  g_assert_cmpint (info.level, ==, AISLE_STOCK_LEVEL_OUT);
  g_assert_null (info.restock);   /* "not a date" */

  g_assert_false (aisle_stock_lookup (stock, aisle_catalog_find_by_id (catalog, "10000004"), &info));

  /* The saved image reads back the same, for this catalog only. */
  {
    g_autoptr(AisleStock) again = aisle_stock_new_from_bytes (catalog, aisle_stock_get_bytes (stock), &error);
    g_autoptr(GBytes) other_json = feed_fixture_bytes ("catalog.json");
    AisleCatalogMeta other_meta = { .etag = "\"another version\"" };
    g_autoptr(GBytes) other_image = aisle_feed_parse_catalog (other_json, &other_meta, NULL, NULL);
    g_autoptr(AisleCatalog) other = aisle_catalog_new_from_bytes (other_image, NULL);
    g_autoptr(AisleStock) refused = NULL;
    g_autoptr(GBytes) cut = g_bytes_new (g_bytes_get_data (aisle_stock_get_bytes (stock), NULL), 40);

    g_assert_no_error (error);
    i = aisle_catalog_find_by_id (catalog, "10000001");
    g_assert_true (aisle_stock_get_location (again, i, 1, &location));
    g_assert_cmpstr (location.aisle, ==, "31");
    g_assert_cmpstr (aisle_stock_get_store_id (again), ==, "milano");

    refused = aisle_stock_new_from_bytes (other, aisle_stock_get_bytes (stock), &error);
    g_assert_null (refused);
    g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
    g_clear_error (&error);
    g_assert_null (aisle_stock_new_from_bytes (catalog, cut, &error));
    g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
    g_clear_error (&error);
  }
}

static void
assert_refused (const char *json,
                gssize      len,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = parse_catalog_string (json, len, NULL, &error);

  g_assert_null (catalog);
  g_assert_error (error, AISLE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_bad_documents (void)
{
  static const char valid_head[] = "{\"format\":\"aisle-store-feed\",\"format_version\":1,";

  assert_refused ("", 0, AISLE_ERROR_INVALID_DATA);
  assert_refused ("{", -1, AISLE_ERROR_INVALID_DATA);
  assert_refused ("[1,2,3]", -1, AISLE_ERROR_INVALID_DATA);
  assert_refused ("null", -1, AISLE_ERROR_INVALID_DATA);
  assert_refused ("{\"format\":\"something-else\",\"format_version\":1,\"products\":[]}", -1, AISLE_ERROR_INVALID_DATA);
  assert_refused ("{\"format\":\"aisle-store-feed\",\"format_version\":2,\"products\":[]}", -1, AISLE_ERROR_UNSUPPORTED);
  assert_refused ("{\"format\":\"aisle-store-feed\",\"format_version\":\"1\"}", -1, AISLE_ERROR_UNSUPPORTED);
  assert_refused ("{\"format\":\"aisle-store-feed\",\"format_version\":1,\"products\":{}}", -1, AISLE_ERROR_INVALID_DATA);
  assert_refused ("{\"format\":\"aisle-store-feed\",\"format_version\":1,\"products\":[]}", -1, AISLE_ERROR_INVALID_DATA);
  /* A good document followed by junk is not a good document. */
  {
    g_autofree char *junk = g_strconcat (valid_head, "\"products\":[]} trailing", NULL);
    assert_refused (junk, -1, AISLE_ERROR_INVALID_DATA);
  }
  /* Binary junk, with NULs. */
  {
    static const char binary[] = "\x1f\x8b\x00\x00\xff\xfe{\"a\":1}";
    assert_refused (binary, sizeof binary - 1, AISLE_ERROR_INVALID_DATA);
  }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"aisle-store-feed\",\"format_version\":1,\"products\":");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  assert_refused (json->str, json->len, AISLE_ERROR_INVALID_DATA);
}

static void
test_huge_junk (void)
{
  gsize size = 50 * 1024 * 1024;
  g_autofree char *junk = g_malloc (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = NULL;

  /* 50 MB of junk that starts like JSON and never becomes it. */
  memset (junk, 'x', size);
  junk[0] = '{';
  junk[1] = '"';
  catalog = parse_catalog_string (junk, size, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
}

static void
test_long_name (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = NULL;
  AisleFeedReport report = { 0 };

  g_string_append (json,
                   "{\"format\":\"aisle-store-feed\",\"format_version\":1,"
                   "\"categories\":[{\"id\":\"c\",\"name\":{\"en\":\"C\"}}],\"products\":["
                   "{\"id\":\"1\",\"article\":\"1\",\"category\":\"c\",\"price\":{\"amount\":1},"
                   "\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"");
  for (guint i = 0; i < 10000; i++)
    g_string_append (json, "ä");
  g_string_append (json, "\"}},"
                   "{\"id\":\"2\",\"article\":\"2\",\"category\":\"c\",\"price\":{\"amount\":1},"
                   "\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"Bad \\u0000 byte\"}},"
                   "{\"id\":\"3\",\"article\":\"3\",\"category\":\"c\",\"price\":{\"amount\":1},"
                   "\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"Fine\"}}]}");

  catalog = parse_catalog_string (json->str, json->len, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), ==, 1);
  g_assert_cmpstr (aisle_catalog_product_name (catalog, 0, AISLE_LANGUAGE_EN), ==, "Fine");
  g_assert_cmpuint (report.n_skipped, ==, 2);
  aisle_feed_report_clear (&report);
}

static void
test_invalid_utf8 (void)
{
  static const char json[] =
    "{\"format\":\"aisle-store-feed\",\"format_version\":1,"
    "\"categories\":[{\"id\":\"c\",\"name\":{\"en\":\"C\"}}],\"products\":["
    "{\"id\":\"1\",\"article\":\"1\",\"category\":\"c\",\"price\":{\"amount\":1},"
    "\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"M\xf6\x62\x65l\"}},"
    "{\"id\":\"2\",\"article\":\"2\",\"category\":\"c\",\"price\":{\"amount\":1},"
    "\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"M\xc3\xb6\x62\x65l\"}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = parse_catalog_string (json, sizeof json - 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), ==, 1);
  g_assert_cmpstr (aisle_catalog_product_name (catalog, 0, AISLE_LANGUAGE_DE), ==, "Möbel");
}

static void
test_wrong_types (void)
{
  static const char json[] =
    "{\"format\":\"aisle-store-feed\",\"format_version\":1,\"currency\":7,\"shop_name\":[1],"
    "\"stores\":\"x\",\"categories\":[{\"id\":\"c\",\"name\":{\"en\":\"C\"},\"position\":\"first\"}],"
    "\"products\":["
    "{\"id\":1,\"article\":\"1\",\"category\":\"c\",\"price\":{\"amount\":1},\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"A\"}},"
    "{\"id\":\"2\",\"article\":\"2\",\"category\":\"c\",\"price\":\"1.00\",\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"B\"}},"
    "{\"id\":\"3\",\"article\":\"3\",\"category\":\"c\",\"price\":{\"amount\":1e3},\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"C\"}},"
    "{\"id\":\"4\",\"article\":\"4\",\"category\":\"c\",\"price\":{\"amount\":99999999999999999999},\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"D\"}},"
    "{\"id\":\"5\",\"article\":\"5\",\"category\":\"c\",\"price\":{\"amount\":100},\"fulfillment\":\"self-serve\","
    "\"name\":{\"en\":\"E\"},\"images\":\"a.png\",\"dimensions\":[1,2],\"weight\":-3,\"packages\":null,\"url\":\"javascript:alert(1)\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = parse_catalog_string (json, -1, NULL, &error);
  guint w, d, h, weight;

  g_assert_no_error (error);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), ==, 1);
  g_assert_cmpstr (aisle_catalog_get_currency (catalog), ==, "EUR");
  g_assert_cmpstr (aisle_catalog_get_shop_name (catalog), ==, "");
  g_assert_cmpuint (aisle_catalog_product_n_images (catalog, 0), ==, 0);
  g_assert_cmpstr (aisle_catalog_product_url (catalog, 0), ==, "");
  aisle_catalog_product_dimensions (catalog, 0, &w, &d, &h, &weight);
  g_assert_cmpuint (w + d + h + weight, ==, 0);
}

static void
test_bad_stock (void)
{
  g_autoptr(AisleCatalog) catalog = fixture_catalog (NULL);
  const char *bad[] = {
    "{}",
    "{\"format\":\"aisle-store-stock\",\"format_version\":1}",
    "{\"format\":\"aisle-store-stock\",\"format_version\":1,\"store\":\"x\",\"items\":{}}",
    "{\"format\":\"aisle-store-feed\",\"format_version\":1,\"store\":\"x\",\"items\":[]}",
    "not json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleStock) stock = aisle_feed_parse_stock (catalog, bytes, NULL, &error);

      g_assert_null (stock);
      g_assert_nonnull (error);
    }
}

/* 5,000 products p00000…p04999: big enough to be parsed on two threads. */
static GString *
big_feed_json (void)
{
  GString *json = g_string_new ("{\"format\":\"aisle-store-feed\",\"format_version\":1,"
                                "\"categories\":[{\"id\":\"c\",\"name\":{\"en\":\"C\"}}],"
                                "\"products\":[");

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"p%05u\",\"article\":\"%03u.%03u.%02u\",\"gtin\":\"2%012u\","
                            "\"category\":\"c\",\"price\":{\"amount\":%u},\"fulfillment\":\"self-serve\","
                            "\"name\":{\"en\":\"Product %u\",\"it\":\"Prodotto %u\",\"de\":\"Möbel %u\"},"
                            "\"images\":[\"images/%u.svg\"],"
                            "\"packages\":[{\"number\":1,\"label\":{\"en\":\"Box of %u\"}}]}",
                            i ? "," : "", i, i / 1000, i % 1000, i % 100, i, 100 + i, i, i, i, i, i);
  return json;
}

/* A feed big enough to be parsed on two threads and merged. */
static void
test_big_feed_in_parts (void)
{
  g_autoptr(GString) json = big_feed_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = NULL;
  AisleFeedReport report = { 0 };
  AislePackageInfo package;
  const guint32 *order;
  guint n, i;

  /* The same ids again, one in each half: the first one of each stays. */
  g_string_append (json, ",{\"id\":\"p00010\",\"article\":\"999\",\"category\":\"c\",\"price\":{\"amount\":1},"
                         "\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"Duplicate of an early one\"}}");
  g_string_append (json, ",{\"id\":\"p04990\",\"article\":\"998\",\"category\":\"c\",\"price\":{\"amount\":1},"
                         "\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"Duplicate of a late one\"}}");
  g_string_append (json, "]}");

  catalog = parse_catalog_string (json->str, json->len, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), ==, 5000);
  g_assert_cmpuint (report.n_skipped, ==, 2);
  aisle_feed_report_clear (&report);

  /* Feed order is kept across the two halves. */
  order = aisle_catalog_category_products (catalog, 0, &n);
  g_assert_cmpuint (n, ==, 5000);
  for (i = 0; i < 5000; i += 499)
    {
      g_autofree char *id = g_strdup_printf ("p%05u", i);
      g_autofree char *name = g_strdup_printf ("Prodotto %u", i);
      g_autofree char *image = g_strdup_printf ("images/%u.svg", i);
      g_autofree char *label = g_strdup_printf ("Box of %u", i);
      g_autofree char *gtin = g_strdup_printf ("2%012u", i);

      g_assert_cmpstr (aisle_catalog_product_id (catalog, order[i]), ==, id);
      g_assert_cmpstr (aisle_catalog_product_name (catalog, order[i], AISLE_LANGUAGE_IT), ==, name);
      g_assert_cmpstr (aisle_catalog_product_image (catalog, order[i], 0), ==, image);
      g_assert_true (aisle_catalog_product_package (catalog, order[i], 0, AISLE_LANGUAGE_EN, &package));
      g_assert_cmpstr (package.label, ==, label);
      g_assert_cmpuint (aisle_catalog_find_by_gtin (catalog, gtin), ==, order[i]);
      g_assert_cmpuint (aisle_catalog_find_by_id (catalog, id), ==, order[i]);
    }

  g_assert_cmpstr (aisle_catalog_product_name (catalog, aisle_catalog_find_by_id (catalog, "p00010"), AISLE_LANGUAGE_EN),
                   ==, "Product 10");
  g_assert_cmpstr (aisle_catalog_product_name (catalog, aisle_catalog_find_by_id (catalog, "p04990"), AISLE_LANGUAGE_EN),
                   ==, "Product 4990");
  g_assert_cmpuint (aisle_catalog_find_by_article (catalog, "999"), ==, AISLE_CATALOG_NO_INDEX);
}

/* A hostile list of locations costs what forty cost: the rest is not even
 * looked at, nor logged. */
static void
test_stock_many_bad_locations (void)
{
  g_autoptr(AisleCatalog) catalog = fixture_catalog (NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\":\"aisle-store-stock\",\"format_version\":1,"
                                           "\"store\":\"milano\",\"items\":[{\"product\":\"10000001\","
                                           "\"quantity\":3,\"locations\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AisleStock) stock = NULL;
  g_autoptr(GError) error = NULL;
  AisleFeedReport report = { 0 };
  AisleStockInfo info;

  for (guint i = 0; i < 100000; i++)
    g_string_append (json, "{\"package\":1,\"shelf\":\"A1\"},");
  g_string_append (json, "{\"package\":1,\"aisle\":\"7\",\"shelf\":\"A1\"}]}]}");

  bytes = g_bytes_new (json->str, json->len);
  stock = aisle_feed_parse_stock (catalog, bytes, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_products, ==, 1);
  g_assert_cmpuint (report.n_skipped, ==, 40);
  g_assert_true (aisle_stock_lookup (stock, aisle_catalog_find_by_id (catalog, "10000001"), &info));
  g_assert_cmpint (info.quantity, ==, 3);
  g_assert_cmpuint (info.n_locations, ==, 0);
  aisle_feed_report_clear (&report);
}

/* Stock big enough to be read on two threads: entries are added in the
 * document's order, so the first entry of a product wins in either half. */
static void
test_big_stock_in_parts (void)
{
  g_autoptr(GString) feed = big_feed_json ();
  g_autoptr(GString) json = g_string_new ("{\"format\":\"aisle-store-stock\",\"format_version\":1,"
                                           "\"store\":\"milano\",\"items\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AisleCatalog) catalog = NULL;
  g_autoptr(AisleStock) stock = NULL;
  g_autoptr(GError) error = NULL;
  AisleFeedReport report = { 0 };
  AisleStockLocation location;
  AisleStockInfo info;

  g_string_append (feed, "]}");
  catalog = parse_catalog_string (feed->str, feed->len, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append_printf (json,
                              "%s{\"product\":\"p%05u\",\"quantity\":%u,\"updated_at\":\"2026-11-14T10:05:00Z\","
                              "\"locations\":[{\"package\":1,\"aisle\":\"%u\",\"shelf\":\"S%u\"}]}",
                              i ? "," : "", i, i % 50, i % 40, i);
      /* Later entries for products already seen, a product nobody sells
       * and an unknown level: one of each in each half. */
      if (i == 1000 || i == 4000)
        g_string_append (json, ",{\"product\":\"p00010\",\"quantity\":9999},"
                               "{\"product\":\"nobody-sells-this\",\"quantity\":1},"
                               "{\"product\":\"p04999\",\"level\":\"plenty\"}");
    }
  g_string_append (json, ",{\"product\":\"p04990\",\"quantity\":9999}]}");

  bytes = g_bytes_new (json->str, json->len);
  stock = aisle_feed_parse_stock (catalog, bytes, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_products, ==, 5000);
  g_assert_cmpuint (report.n_skipped, ==, 7);
  aisle_feed_report_clear (&report);

  for (guint i = 0; i < 5000; i += 499)
    {
      g_autofree char *id = g_strdup_printf ("p%05u", i);
      g_autofree char *aisle = g_strdup_printf ("%u", i % 40);
      g_autofree char *shelf = g_strdup_printf ("S%u", i);
      guint product = aisle_catalog_find_by_id (catalog, id);

      g_assert_true (aisle_stock_lookup (stock, product, &info));
      g_assert_cmpint (info.quantity, ==, i % 50);
      g_assert_cmpint (info.updated_at, ==, G_GINT64_CONSTANT (1794650700));
      g_assert_cmpuint (info.n_locations, ==, 1);
      g_assert_true (aisle_stock_get_location (stock, product, 0, &location));
      g_assert_cmpstr (location.aisle, ==, aisle);
      g_assert_cmpstr (location.shelf, ==, shelf);
    }

  g_assert_true (aisle_stock_lookup (stock, aisle_catalog_find_by_id (catalog, "p00010"), &info));
  g_assert_cmpint (info.quantity, ==, 10);
  g_assert_true (aisle_stock_lookup (stock, aisle_catalog_find_by_id (catalog, "p04990"), &info));
  g_assert_cmpint (info.quantity, ==, 4990 % 50);
  g_assert_true (aisle_stock_lookup (stock, aisle_catalog_find_by_id (catalog, "p04999"), &info));
  g_assert_cmpint (info.quantity, ==, 4999 % 50);
}

static AisleStock *
parse_stock_string (AisleCatalog     *catalog,
                    const char       *json,
                    gssize            len,
                    AisleFeedReport  *report,
                    GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, len < 0 ? strlen (json) : (gsize)len);
  return aisle_feed_parse_stock (catalog, bytes, report, error);
}

/* A list key given twice, with an empty list last, made the parser jump
 * back to the first list's end and loop while memory grew. Now such a
 * document is refused at once. Each runs in a child with a time limit, so a
 * regression fails instead of eating the machine. */
static void
test_repeated_list_key (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AisleCatalog) catalog = fixture_catalog (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleStock) stock = NULL;

      assert_refused ("{\"products\":[1],\"products\":[]}", -1, AISLE_ERROR_INVALID_DATA);
      assert_refused ("{\"format\":\"aisle-store-feed\",\"format_version\":1,\"products\":[1,2],"
                      "\"products\":[3]}", -1, AISLE_ERROR_INVALID_DATA);

      stock = parse_stock_string (catalog, "{\"items\":[1],\"items\":[]}", -1, NULL, &error);
      g_assert_null (stock);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "items"));
      g_clear_error (&error);

      /* The demo catalog with an empty list appended. */
      {
        g_autoptr(GString) json = feed_fixture_demo_catalog_with (",\"products\":[]");

        assert_refused (json->str, json->len, AISLE_ERROR_INVALID_DATA);
      }
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A list over the element limit is refused as a whole, before anything is
 * built from it. */
static void
test_too_many_products (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"aisle-store-feed\",\"format_version\":1,\"products\":[");

  for (guint i = 0; i < 500001; i++)
    g_string_append (json, i ? ",0" : "0");
  g_string_append (json, "]}");
  assert_refused (json->str, json->len, AISLE_ERROR_TOO_LARGE);
}

/* A catalog whose other lists are a memory bomb ("categories" with millions
 * of values) is refused as too large, whatever its products. */
static void
test_too_many_values (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"aisle-store-feed\",\"format_version\":1,\"categories\":[0");

  for (guint i = 0; i < 2200000; i++)
    g_string_append (json, ",0");
  g_string_append (json, "],\"products\":[{\"id\":\"1\",\"article\":\"1\",\"category\":\"c\",\"price\":{\"amount\":1},"
                         "\"fulfillment\":\"self-serve\",\"name\":{\"en\":\"A\"}}]}");
  assert_refused (json->str, json->len, AISLE_ERROR_TOO_LARGE);
}

/* Every entry bad: refused, like a catalog without a usable product, so the
 * stock on screen stays instead of "stock unknown" everywhere. */
static void
test_stock_all_bad (void)
{
  g_autoptr(AisleCatalog) catalog = fixture_catalog (NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\":\"aisle-store-stock\",\"format_version\":1,"
                                           "\"store\":\"milano\",\"items\":[");
  g_autoptr(AisleStock) stock = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AisleFeedReport) report = { 0 };

  for (guint i = 0; i < 320; i++)
    g_string_append_printf (json, "%s{\"product\":\"%s\",\"level\":\"plenty\"}", i ? "," : "",
                            i % 2 ? "10000001" : "no-such-product");
  g_string_append (json, "]}");

  stock = parse_stock_string (catalog, json->str, json->len, &report, &error);
  g_assert_null (stock);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "no usable entries"));
  g_assert_cmpuint (report.n_skipped, ==, 320);
  g_clear_error (&error);

  stock = parse_stock_string (catalog, "{\"format\":\"aisle-store-stock\",\"format_version\":1,"
                                       "\"store\":\"milano\",\"items\":[]}", -1, NULL, &error);
  g_assert_null (stock);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
}

/* An empty stock document says so, not that the catalog is empty. */
static void
test_empty_documents_say_which (void)
{
  g_autoptr(AisleCatalog) catalog = fixture_catalog (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleStock) stock = parse_stock_string (catalog, "", 0, NULL, &error);
  g_autoptr(AisleCatalog) none = NULL;

  g_assert_null (stock);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "The stock document is empty");
  g_clear_error (&error);

  none = parse_catalog_string ("", 0, NULL, &error);
  g_assert_null (none);
  g_assert_cmpstr (error->message, ==, "The catalog document is empty");
}

static void
count_line (const char     *domain,
            GLogLevelFlags  level,
            const char     *message,
            gpointer        user_data)
{
  guint *n_lines = user_data;
  (*n_lines)++;
}

/* A million bad entries used to write a million "Skipping" lines (83 MB in
 * 4 s). Now a
 * few are logged one by one and the rest in one line; all are counted. */
static void
test_skips_logged_in_bounds (void)
{
  g_autoptr(AisleCatalog) catalog = fixture_catalog (NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\":\"aisle-store-stock\",\"format_version\":1,"
                                           "\"store\":\"milano\",\"items\":[{\"product\":\"10000001\",\"quantity\":3}");
  g_autoptr(AisleStock) stock = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AisleFeedReport) report = { 0 };
  guint n_lines = 0, handler;

  /* One good entry and as many bad ones as a document may have. */
  for (guint i = 1; i < 1000000; i++)
    g_string_append (json, ",{\"product\":\"x\"}");
  g_string_append (json, "]}");

  handler = g_log_set_handler ("aisle-feed", G_LOG_LEVEL_MESSAGE, count_line, &n_lines);
  stock = parse_stock_string (catalog, json->str, json->len, &report, &error);
  g_log_remove_handler ("aisle-feed", handler);

  g_assert_no_error (error);
  g_assert_cmpuint (report.n_products, ==, 1);
  g_assert_cmpuint (report.n_skipped, ==, 999999);
  g_test_message ("%u lines for %u skipped entries", n_lines, report.n_skipped);
  g_assert_cmpuint (n_lines, >=, 2);
  g_assert_cmpuint (n_lines, <=, 64);

  /* The same without a report. */
  n_lines = 0;
  g_clear_object (&stock);
  handler = g_log_set_handler ("aisle-feed", G_LOG_LEVEL_MESSAGE, count_line, &n_lines);
  stock = parse_stock_string (catalog, json->str, json->len, NULL, &error);
  g_log_remove_handler ("aisle-feed", handler);
  g_assert_no_error (error);
  g_assert_cmpuint (n_lines, <=, 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/feed/catalog/good", test_good_catalog);
  g_test_add_func ("/feed/catalog/skipped", test_skipped_products);
  g_test_add_func ("/feed/catalog/bad-documents", test_bad_documents);
  g_test_add_func ("/feed/catalog/deep-nesting", test_deep_nesting);
  g_test_add_func ("/feed/catalog/huge-junk", test_huge_junk);
  g_test_add_func ("/feed/catalog/long-name", test_long_name);
  g_test_add_func ("/feed/catalog/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/feed/catalog/wrong-types", test_wrong_types);
  g_test_add_func ("/feed/catalog/big-feed-in-parts", test_big_feed_in_parts);
  g_test_add_func ("/feed/stock/good", test_stock);
  g_test_add_func ("/feed/stock/bad", test_bad_stock);
  g_test_add_func ("/feed/stock/big-in-parts", test_big_stock_in_parts);
  g_test_add_func ("/feed/stock/many-bad-locations", test_stock_many_bad_locations);
  g_test_add_func ("/feed/catalog/repeated-list-key", test_repeated_list_key);
  g_test_add_func ("/feed/catalog/too-many-products", test_too_many_products);
  g_test_add_func ("/feed/catalog/too-many-values", test_too_many_values);
  g_test_add_func ("/feed/stock/all-bad", test_stock_all_bad);
  g_test_add_func ("/feed/stock/empty-documents-say-which", test_empty_documents_say_which);
  g_test_add_func ("/feed/stock/skips-logged-in-bounds", test_skips_logged_in_bounds);

  return g_test_run ();
}
