/* test-medusa-catalog.c: Medusa documents into catalog and stock, without a server */
#include "config.h"

#include <json-c/json.h>
#include <malloc.h>

#include "aisle-error.h"
#include "aisle-medusa-catalog.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static void
test_amounts (void)
{
  static const struct { const char *json; const char *currency; gboolean ok; gint64 minor; } cases[] = {
    { "129.99", "EUR", TRUE, 12999 },
    { "49", "EUR", TRUE, 4900 },
    { "24.95", "EUR", TRUE, 2495 },
    { "{\"value\": \"0.1\", \"precision\": 20}", "EUR", TRUE, 10 },
    { "\"1200\"", "JPY", TRUE, 1200 },
    { "1.005", "EUR", TRUE, 101 },
    { "12.340000000001", "EUR", TRUE, 1234 },
    { "\"12,50\"", "EUR", FALSE, 0 },
    { "true", "EUR", FALSE, 0 },
    { "1e3", "EUR", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(json_object) value = json_tokener_parse (cases[i].json);
      gint64 minor = -1;

      g_assert_cmpint (aisle_medusa_parse_amount (value, cases[i].currency, &minor), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (minor, ==, cases[i].minor);
    }
}

static const char region_json[] =
  "{\"id\":\"reg_1\",\"name\":\"Italia\",\"currency_code\":\"eur\",\"metadata\":{"
  "\"aisle_shop_url\":\"https://shop.example.com/\",\"aisle_stores\":"
  "\"[{\\\"id\\\":\\\"sloc_a\\\",\\\"name\\\":\\\"A\\\",\\\"opening_hours\\\":[{\\\"days\\\":[1,2],\\\"open\\\":\\\"09:00\\\",\\\"close\\\":\\\"18:00\\\"}]}]\"}}";

static const char categories_json[] =
  "[{\"id\":\"pcat_b\",\"name\":\"Offers\",\"rank\":1},{\"id\":\"pcat_a\",\"name\":\"Sofas\",\"rank\":0,"
  "\"metadata\":{\"aisle_icon\":\"sofa\"}}]";

/* A kit (two inventory items, two boxes), a variant with no price in the
 * region's currency, and one with no SKU. */
static const char products_json[] =
  "[{\"id\":\"prod_1\",\"title\":\"Sofa\",\"categories\":[{\"id\":\"pcat_b\"},{\"id\":\"pcat_a\"}],"
  "  \"images\":[{\"url\":\"/static/sofa.jpg\"}],"
  "  \"variants\":["
  "   {\"id\":\"variant_1\",\"title\":\"Grey\",\"sku\":\"100.200.30\",\"ean\":\"4006381333931\",\"manage_inventory\":true,"
  "    \"calculated_price\":{\"calculated_amount\":499.5,\"currency_code\":\"eur\"},"
  "    \"inventory_items\":["
  "     {\"required_quantity\":1,\"inventory\":{\"location_levels\":[{\"location_id\":\"sloc_a\",\"available_quantity\":7,"
  "        \"metadata\":{\"aisle\":\"3\",\"shelf\":\"1\"}}]}},"
  "     {\"required_quantity\":2,\"inventory\":{\"location_levels\":[{\"location_id\":\"sloc_a\",\"available_quantity\":9,"
  "        \"metadata\":{\"aisle\":\"8\",\"bin\":\"B4\"}}]}}]},"
  "   {\"id\":\"variant_2\",\"title\":\"Red\",\"sku\":\"100.200.31\",\"calculated_price\":{\"calculated_amount\":5,\"currency_code\":\"usd\"}},"
  "   {\"id\":\"variant_3\",\"title\":\"Blue\",\"calculated_price\":{\"calculated_amount\":5,\"currency_code\":\"eur\"}}]}]";

static void
test_catalog_and_stock (void)
{
  g_autoptr(json_object) region = json_tokener_parse (region_json);
  g_autoptr(json_object) categories = json_tokener_parse (categories_json);
  g_autoptr(json_object) products = json_tokener_parse (products_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(AisleCatalog) catalog = NULL;
  g_autoptr(AisleStock) stock = NULL;
  AisleCatalogMeta meta = { .source = "test" };
  AisleStockLocation location;
  AisleStockInfo info;
  guint n_skipped = 0, sofa;

  image = aisle_medusa_build_catalog (region, categories, products, &meta, NULL, &n_skipped, &error);
  g_assert_no_error (error);
  catalog = aisle_catalog_new_from_bytes (image, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_skipped, ==, 2);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), ==, 1);
  g_assert_cmpuint (aisle_catalog_get_n_stores (catalog), ==, 1);
  g_assert_cmpstr (aisle_catalog_get_currency (catalog), ==, "EUR");
  /* The online shop, for the slips' list links. */
  g_assert_cmpstr (aisle_catalog_get_shop_url (catalog), ==, "https://shop.example.com/");

  sofa = aisle_catalog_find_by_code (catalog, "4006381333931");
  g_assert_cmpuint (sofa, ==, aisle_catalog_find_by_id (catalog, "variant_1"));
  g_assert_cmpstr (aisle_catalog_product_name (catalog, sofa, AISLE_LANGUAGE_DE), ==, "Sofa, Grey");
  g_assert_cmpint (aisle_catalog_product_price (catalog, sofa, NULL), ==, 49950);
  g_assert_cmpuint (aisle_catalog_product_n_packages (catalog, sofa), ==, 2);
  g_assert_cmpstr (aisle_catalog_category_id (catalog, aisle_catalog_product_category (catalog, sofa)), ==, "pcat_a");

  /* The same documents again: nothing to swap in. */
  again = aisle_medusa_build_catalog (region, categories, products, &meta, aisle_catalog_get_etag (catalog), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  stock = aisle_medusa_build_stock (catalog, products, "sloc_a", 0);
  g_assert_true (aisle_stock_lookup (stock, sofa, &info));
  /* Two of part 2 per article: 9 / 2 = 4, fewer than part 1's 7. */
  g_assert_cmpint (info.quantity, ==, 4);
  g_assert_true (aisle_stock_get_location (stock, sofa, 1, &location));
  g_assert_cmpuint (location.package, ==, 2);
  g_assert_cmpstr (location.aisle, ==, "8");
  g_assert_cmpstr (location.shelf, ==, "B4");
}

static void
test_match_variant (void)
{
  g_autoptr(json_object) variants = json_tokener_parse (
    "[{\"id\":\"v1\",\"sku\":\"201.100.01\",\"ean\":\"8001234567895\"},{\"id\":\"v2\",\"sku\":\"201.100\",\"barcode\":\"99\"}]");

  g_assert_cmpstr (aisle_medusa_match_variant (variants, "8001234567895"), ==, "v1");
  g_assert_cmpstr (aisle_medusa_match_variant (variants, "201.100"), ==, "v2");
  g_assert_cmpstr (aisle_medusa_match_variant (variants, "99"), ==, "v2");
  g_assert_null (aisle_medusa_match_variant (variants, "201.10"));
}

/* A region whose categories are all unusable, absent or not even a list
 * (json-c asserts on the length of a non-array): sorting nothing
 * used to be qsort (NULL, 0, …), undefined behaviour that the sanitizer
 * build stops on. Its products are in no category, so there is nothing to
 * show, which is refused like an empty feed: the last good catalog stays. */
static void
test_no_categories (void)
{
  static const char *const category_lists[] = { "[]", "[{\"id\":7},{\"name\":\"No id\"}]", "null", "\"Sofas\"" };
  g_autoptr(json_object) region = json_tokener_parse (region_json);
  g_autoptr(json_object) products = json_tokener_parse (products_json);

  for (guint i = 0; i < G_N_ELEMENTS (category_lists); i++)
    {
      g_autoptr(json_object) categories = json_tokener_parse (category_lists[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) image = NULL;
      g_autoptr(AisleCatalog) catalog = NULL;
      AisleCatalogMeta meta = { .source = "test" };

      guint n_skipped = 0;

      image = aisle_medusa_build_catalog (region, categories, products, &meta, NULL, &n_skipped, &error);
      g_assert_null (image);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
      g_assert_cmpuint (n_skipped, ==, 3);
    }
}

static json_object *
many_variants (guint n,
               guint round)
{
  g_autoptr(GString) json = g_string_new ("[{\"id\":\"prod_1\",\"title\":\"Chair\",\"categories\":[{\"id\":\"pcat_a\"}],\"variants\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"variant_%u\",\"title\":\"Colour %u, round %u\",\"sku\":\"%03u.%03u.%02u\","
                            "\"calculated_price\":{\"calculated_amount\":%u,\"currency_code\":\"eur\"}}",
                            i ? "," : "", i, i, round, i / 1000, i % 1000, round % 100, 10 + i);
  g_string_append (json, "]}]");
  return json_tokener_parse (json->str);
}

/* Every changed Medusa catalog used to leak its builder: 20 builds of
 * 5,000 variants leaked 19 MB. The heap must not grow with each build
 * (the sanitizer build's LeakSanitizer sees the same leak directly). */
static void
test_builds_do_not_grow (void)
{
  g_autoptr(json_object) region = json_tokener_parse (region_json);
  g_autoptr(json_object) categories = json_tokener_parse (categories_json);
  gsize before = 0;

  for (guint round = 0; round < 21; round++)
    {
      g_autoptr(json_object) products = many_variants (5000, round);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) image = NULL;
      AisleCatalogMeta meta = { .source = "test" };

      image = aisle_medusa_build_catalog (region, categories, products, &meta, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (image);
      g_clear_pointer (&image, g_bytes_unref);
      g_clear_pointer (&products, json_object_put);
      /* The first round warms up caches and arenas. */
      if (round == 0)
        before = mallinfo2 ().uordblks + mallinfo2 ().hblkhd;
    }

  g_test_message ("heap grew by %zu bytes over 20 builds", (gsize) (mallinfo2 ().uordblks + mallinfo2 ().hblkhd - before));
  g_assert_cmpint ((gssize) (mallinfo2 ().uordblks + mallinfo2 ().hblkhd) - (gssize) before, <, 4 * 1024 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/medusa-catalog/amounts", test_amounts);
  g_test_add_func ("/medusa-catalog/catalog-and-stock", test_catalog_and_stock);
  g_test_add_func ("/medusa-catalog/match-variant", test_match_variant);
  g_test_add_func ("/medusa-catalog/no-categories", test_no_categories);
  g_test_add_func ("/medusa-catalog/builds-do-not-grow", test_builds_do_not_grow);

  return g_test_run ();
}
