/* fuzz-stock.c: the store feed's stock document, against the demo catalog */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <stdlib.h>

#include "aisle-catalog.h"
#include "aisle-feed-parser.h"
#include "fuzz-common.h"

static AisleCatalog *catalog;

/* Stock only means something against a catalog: the demo store's, so that
 * seeds cut from its stock files name real products. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_quiet_logs ();
  catalog = fuzz_demo_catalog ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) json = g_bytes_new (data, size);
  g_auto(AisleFeedReport) report = { 0 };
  g_autoptr(AisleStock) stock = aisle_feed_parse_stock (catalog, json, &report, NULL);

  if (stock != NULL)
    {
      g_autoptr(GBytes) saved = g_bytes_ref (aisle_stock_get_bytes (stock));
      g_autoptr(AisleStock) again = aisle_stock_new_from_bytes (catalog, saved, NULL);

      for (guint i = 0; i < MIN (aisle_catalog_get_n_products (catalog), 40); i++)
        {
          AisleStockInfo info;
          AisleStockLocation location;

          if (aisle_stock_lookup (stock, i, &info))
            for (guint l = 0; l < info.n_locations; l++)
              aisle_stock_get_location (stock, i, l, &location);
        }
      if (again == NULL)
        abort ();  /* what the kiosk saved, it must read back */
    }
  return 0;
}
