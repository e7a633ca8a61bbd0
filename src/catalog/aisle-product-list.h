/* aisle-product-list.h: a list model of products given as catalog indices
 *
 * Feeds the product grids (a category, search results). Items are made on
 * demand and kept per position. Replacing the contents re-points the items
 * already made at their position's new product (AisleProduct::changed) and
 * emits one items-changed only for the positions added or removed at the
 * end, so a new search rebinds tiles in place instead of making new ones.
 */
#pragma once

#include "aisle-catalog.h"
#include "aisle-product.h"

G_BEGIN_DECLS

#define AISLE_TYPE_PRODUCT_LIST (aisle_product_list_get_type ())

G_DECLARE_FINAL_TYPE (AisleProductList, aisle_product_list, AISLE, PRODUCT_LIST, GObject)

AisleProductList *aisle_product_list_new     (void);
AisleCatalog     *aisle_product_list_get_catalog (AisleProductList *self);
void              aisle_product_list_set     (AisleProductList *self,
                                              AisleCatalog     *catalog,
                                              const guint32    *indices,
                                              guint             n_indices);
void              aisle_product_list_clear   (AisleProductList *self);
guint             aisle_product_list_get_index (AisleProductList *self,
                                                guint             position);

G_END_DECLS
