/* aisle-product.h: one product of a catalog, as an item of list models
 *
 * A light handle (catalog + index) made on demand when a list view asks for
 * an item, so a 100,000-product catalog does not hold 100,000 GObjects.
 *
 * A list model may point an item at another product ("changed"): GTK 4.8's
 * list views only keep a row's widget when the same item object stays at a
 * position, so results of a new search reuse the items, and the tiles, of the
 * last one instead of building new ones.
 */
#pragma once

#include "aisle-catalog.h"

G_BEGIN_DECLS

#define AISLE_TYPE_PRODUCT (aisle_product_get_type ())

G_DECLARE_FINAL_TYPE (AisleProduct, aisle_product, AISLE, PRODUCT, GObject)

AisleProduct     *aisle_product_new             (AisleCatalog *catalog,
                                                 guint         index);
void              aisle_product_set             (AisleProduct *self,
                                                 AisleCatalog *catalog,
                                                 guint         index);
AisleCatalog     *aisle_product_get_catalog     (AisleProduct *self);
guint             aisle_product_get_index       (AisleProduct *self);
const char       *aisle_product_get_id          (AisleProduct *self);
const char       *aisle_product_get_article     (AisleProduct *self);
const char       *aisle_product_get_name        (AisleProduct  *self,
                                                 AisleLanguage  language);
const char       *aisle_product_get_short       (AisleProduct  *self,
                                                 AisleLanguage  language);
const char       *aisle_product_get_description (AisleProduct  *self,
                                                 AisleLanguage  language);
gint64            aisle_product_get_price       (AisleProduct *self,
                                                 const char  **currency);
/* Formatted for @language; free with g_free(). */
char             *aisle_product_format_price    (AisleProduct  *self,
                                                 AisleLanguage  language);
const char       *aisle_product_get_image       (AisleProduct *self,
                                                 guint         nth);
AisleFulfillment  aisle_product_get_fulfillment (AisleProduct *self);

G_END_DECLS
