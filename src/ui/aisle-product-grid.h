/* aisle-product-grid.h: a page of product tiles (a category or search results)
 *
 * A GtkGridView over its own product list: rows are recycled, and a
 * new search only rebinds the tiles whose product changed.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-image-loader.h"
#include "aisle-store.h"

G_BEGIN_DECLS

#define AISLE_TYPE_PRODUCT_GRID (aisle_product_grid_get_type ())

G_DECLARE_FINAL_TYPE (AisleProductGrid, aisle_product_grid, AISLE, PRODUCT_GRID, GtkWidget)

void aisle_product_grid_set_images    (AisleProductGrid *self,
                                       AisleImageLoader *images,
                                       AisleStore       *store);
/* A new catalog is laid out while the grid is hidden, after the frame that
 * shows it: the first results then come fast. */
void aisle_product_grid_set_catalog   (AisleProductGrid *self,
                                       AisleCatalog     *catalog);
/* A category's products (by id), or what a search finds. */
void aisle_product_grid_show_category (AisleProductGrid *self,
                                       const char       *category);
void aisle_product_grid_show_search   (AisleProductGrid *self,
                                       const char       *query);
G_END_DECLS
