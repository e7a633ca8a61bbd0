/* fuzz-list-link.c: a scanned QR code's text as a list link, against the demo catalog */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <stdlib.h>

#include "aisle-catalog.h"
#include "aisle-list-link.h"
#include "fuzz-common.h"

static AisleCatalog *catalog;

/* The demo store's catalog, so that seeds name real articles under its
 * shop_url. */
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
  /* A scanner types text: what comes before a NUL is what the kiosk sees. */
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(GError) error = NULL;
  AisleListLinkCounts counts;
  gboolean is_link = aisle_list_link_is_link (text);

  if (aisle_list_link_merge (text, catalog, list, &counts, &error))
    {
      g_autofree char *said = aisle_list_link_describe (&counts);

      if (!is_link || counts.n_lines == 0 || counts.n_lines > aisle_shopping_list_get_n_lines (list) ||
          counts.n_items > AISLE_LIST_LINK_MAX_ITEMS * AISLE_SHOPPING_LIST_MAX_QUANTITY)
        abort ();
      for (guint i = 0; i < aisle_shopping_list_get_n_lines (list); i++)
        if (aisle_catalog_find_by_id (catalog, aisle_shopping_list_get_line (list, i)->product_id) ==
            AISLE_CATALOG_NO_INDEX)
          abort ();
      (void)said;
    }
  else if (error == NULL || aisle_shopping_list_get_n_lines (list) != 0 ||
           aisle_list_link_error_message (error) == NULL)
    abort ();
  return 0;
}
