/* feed-fixture.c: the fixture feed of tests/fixtures/feed, for unit tests */
#include "config.h"

#include "aisle-feed-parser.h"
#include "feed-fixture.h"

GBytes *
feed_fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "feed", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

void
feed_fixture_load (AisleCatalog **catalog,
                   AisleStock   **stock)
{
  g_autoptr(GBytes) catalog_json = feed_fixture_bytes ("catalog.json");
  g_autoptr(GBytes) stock_json = feed_fixture_bytes ("stock/milano.json");
  g_autoptr(GBytes) image = NULL;
  AisleCatalogMeta meta = { 0 };

  image = aisle_feed_parse_catalog (catalog_json, &meta, NULL, NULL);
  g_assert_nonnull (image);
  *catalog = aisle_catalog_new_from_bytes (image, NULL);
  g_assert_nonnull (*catalog);
  if (stock != NULL)
    *stock = aisle_feed_parse_stock (*catalog, stock_json, NULL, NULL);
}

GString *
feed_fixture_demo_catalog_with (const char *member)
{
  g_autofree char *path = g_build_filename (g_getenv ("AISLE_DEMO_STORE"), "catalog.json", NULL);
  g_autofree char *contents = NULL;
  GString *json;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  json = g_string_new_len (contents, len);
  while (json->len > 0 && g_ascii_isspace (json->str[json->len - 1]))
    g_string_truncate (json, json->len - 1);
  g_assert_cmpint (json->str[json->len - 1], ==, '}');
  g_string_truncate (json, json->len - 1);
  g_string_append (json, member);
  g_string_append_c (json, '}');
  return json;
}
