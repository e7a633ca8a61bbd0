/* aisle-list-page.h: the shopping list, in two parts, as a shopper walks the store */
#pragma once

#include <gtk/gtk.h>

#include "aisle-shopping-list.h"

G_BEGIN_DECLS

#define AISLE_TYPE_LIST_PAGE (aisle_list_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleListPage, aisle_list_page, AISLE, LIST_PAGE, GtkWidget)

void aisle_list_page_set_list    (AisleListPage     *self,
                                  AisleShoppingList *list);
/* Portrait screens put each row's controls under the article. */
void aisle_list_page_set_portrait (AisleListPage     *self,
                                   gboolean           portrait);
void aisle_list_page_set_catalog (AisleListPage     *self,
                                  AisleCatalog      *catalog,
                                  AisleStock        *stock);

G_END_DECLS
