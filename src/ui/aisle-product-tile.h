/* aisle-product-tile.h: one product in a grid: picture, name, short text, price */
#pragma once

#include <gtk/gtk.h>

#include "aisle-image-loader.h"
#include "aisle-product.h"
#include "aisle-store.h"

G_BEGIN_DECLS

#define AISLE_PRODUCT_TILE_IMAGE_SIZE 220

#define AISLE_TYPE_PRODUCT_TILE (aisle_product_tile_get_type ())

G_DECLARE_FINAL_TYPE (AisleProductTile, aisle_product_tile, AISLE, PRODUCT_TILE, GtkWidget)

AisleProductTile *aisle_product_tile_new         (AisleImageLoader *images,
                                                  AisleStore       *store);
void              aisle_product_tile_set_product (AisleProductTile *self,
                                                  AisleProduct     *product);

G_END_DECLS
