/* aisle-product-page.h: one product: pictures, texts, price, stock and where to find it */
#pragma once

#include <gtk/gtk.h>

#include "aisle-image-loader.h"
#include "aisle-shopping-list.h"
#include "aisle-stock.h"
#include "aisle-store.h"

G_BEGIN_DECLS

#define AISLE_TYPE_PRODUCT_PAGE (aisle_product_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleProductPage, aisle_product_page, AISLE, PRODUCT_PAGE, GtkWidget)

void aisle_product_page_set_images   (AisleProductPage *self,
                                      AisleImageLoader *images,
                                      AisleStore       *store);
void aisle_product_page_set_product  (AisleProductPage *self,
                                      AisleCatalog     *catalog,
                                      AisleStock       *stock,
                                      guint             product);
void aisle_product_page_set_portrait (AisleProductPage *self,
                                      gboolean          portrait);
void aisle_product_page_set_list     (AisleProductPage *self,
                                      AisleShoppingList *list);

G_END_DECLS
