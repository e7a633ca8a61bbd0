/* aisle-product-grid.h: a page of product tiles (a category or search results)
 *
 * A GtkGridView over the shop view's product list: rows are recycled, and a
 * new search only rebinds the tiles whose product changed.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-image-loader.h"
#include "aisle-store.h"

G_BEGIN_DECLS

#define AISLE_TYPE_PRODUCT_GRID (aisle_product_grid_get_type ())

G_DECLARE_FINAL_TYPE (AisleProductGrid, aisle_product_grid, AISLE, PRODUCT_GRID, GtkWidget)

void aisle_product_grid_set_model  (AisleProductGrid *self,
                                    GListModel       *model);
void aisle_product_grid_set_images (AisleProductGrid *self,
                                    AisleImageLoader *images,
                                    AisleStore       *store);
/* @query is what the shopper typed, for the "nothing found" text; NULL for a category. */
void aisle_product_grid_show       (AisleProductGrid *self,
                                    const char       *title,
                                    guint             n_shown,
                                    guint             n_matches,
                                    const char       *query);
/* While hidden: makes the tiles for the model's first items, lays them out
 * at @width × @height and renders their fonts' letters, so the page's first
 * showing only changes what they show. */
void aisle_product_grid_warm       (AisleProductGrid *self,
                                    int               width,
                                    int               height);

G_END_DECLS
