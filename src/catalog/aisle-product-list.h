/* aisle-product-list.h: a list model of products given as catalog indices
 *
 * Feeds the product grids (a category, search results). Items are made on
 * demand, and replacing the contents emits one minimal items-changed (the
 * common head and tail are kept, with their items), so the grid rebinds only
 * the tiles that really changed.
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
