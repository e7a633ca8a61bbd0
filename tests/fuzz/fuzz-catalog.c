/* fuzz-catalog.c: the store feed's catalog document (docs/store-feed.md) */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include "aisle-catalog.h"
#include "aisle-feed-parser.h"
#include "fuzz-common.h"

/* Reads back what a shopper would see, so the image is checked too. */
static void
touch_catalog (AisleCatalog *catalog)
{
  guint n = MIN (aisle_catalog_get_n_products (catalog), 50);

  for (guint c = 0; c < aisle_catalog_get_n_categories (catalog); c++)
    {
      guint n_in;

      aisle_catalog_category_name (catalog, c, AISLE_LANGUAGE_DE);
      aisle_catalog_category_products (catalog, c, &n_in);
    }
  for (guint i = 0; i < n; i++)
    {
      const char *currency;

      aisle_catalog_product_name (catalog, i, AISLE_LANGUAGE_IT);
      aisle_catalog_product_description (catalog, i, AISLE_LANGUAGE_ES);
      aisle_catalog_product_price (catalog, i, &currency);
      aisle_catalog_find_by_id (catalog, aisle_catalog_product_id (catalog, i));
    }
  aisle_catalog_find_by_code (catalog, "4006381333931");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) json = g_bytes_new (data, size);
  AisleCatalogMeta meta = { .etag = "\"fuzz\"", .source = "fuzz", .fetched_at = 1700000000 };
  g_auto(AisleFeedReport) report = { 0 };
  g_autoptr(GBytes) image = aisle_feed_parse_catalog (json, &meta, &report, NULL);
  g_autoptr(AisleCatalog) catalog = NULL;

  if (image != NULL && (catalog = aisle_catalog_new_from_bytes (image, NULL)) != NULL)
    touch_catalog (catalog);
  return 0;
}
