/* fuzz-medusa.c: Medusa's Store API documents into catalog and stock
 *
 * The input is one JSON object {"region": …, "categories": […],
 * "products": […]}, the three answers the Medusa backend maps; what the
 * mapping makes is then used for stock and barcode lookups.
 */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <json-c/json.h>

#include "aisle-medusa-catalog.h"
#include "fuzz-common.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_tokener, json_tokener_free)

/* The same depth as the kiosk's Medusa client. */
#define MAX_DEPTH 64

static json_object *
member (json_object *root,
        const char  *key)
{
  json_object *value = NULL;

  if (json_object_is_type (root, json_type_object))
    json_object_object_get_ex (root, key, &value);
  return value;
}

static void
use_catalog (GBytes      *image,
             json_object *products)
{
  g_autoptr(AisleCatalog) catalog = aisle_catalog_new_from_bytes (image, NULL);
  g_autoptr(AisleStock) stock = NULL;

  if (catalog == NULL)
    return;
  stock = aisle_medusa_build_stock (catalog, products, "sloc_a", 0);
  for (guint i = 0; i < MIN (aisle_catalog_get_n_products (catalog), 40); i++)
    {
      AisleStockInfo info;

      aisle_catalog_product_name (catalog, i, AISLE_LANGUAGE_EN);
      if (stock != NULL)
        aisle_stock_lookup (stock, i, &info);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(json_tokener) tok = json_tokener_new_ex (MAX_DEPTH);
  g_autoptr(json_object) root = NULL;
  g_autoptr(GBytes) image = NULL;
  json_object *products;
  AisleCatalogMeta meta = { .source = "fuzz" };
  gint64 minor;
  guint n_skipped = 0;

  if (size > G_MAXINT)
    return 0;
  root = json_tokener_parse_ex (tok, (const char *)data, (int)size);
  if (root == NULL)
    return 0;

  products = member (root, "products");
  image = aisle_medusa_build_catalog (member (root, "region"), member (root, "categories"), products,
                                      &meta, NULL, &n_skipped, NULL);
  if (image != NULL)
    use_catalog (image, products);

  aisle_medusa_parse_amount (member (root, "amount"), "EUR", &minor);
  aisle_medusa_parse_amount (member (root, "amount"), "JPY", &minor);
  if (json_object_is_type (member (root, "variants"), json_type_array))
    aisle_medusa_match_variant (member (root, "variants"), "4006381333931");
  return 0;
}
