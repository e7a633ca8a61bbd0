/* aisle-top-bar.h: Back, Home, the search field, My list and the languages
 *
 * The bar above every shopper's page. Its buttons use the shop view's
 * actions (shop.back, shop.home, shop.show-list); what is typed in the
 * search field is told by ::search-changed, never when the text is set
 * from outside.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-shopping-list.h"

G_BEGIN_DECLS

#define AISLE_TYPE_TOP_BAR (aisle_top_bar_get_type ())

G_DECLARE_FINAL_TYPE (AisleTopBar, aisle_top_bar, AISLE, TOP_BAR, GtkWidget)

/* The list whose number of articles the My list button shows. */
void            aisle_top_bar_set_list         (AisleTopBar       *self,
                                                AisleShoppingList *list);
void            aisle_top_bar_set_portrait     (AisleTopBar       *self,
                                                gboolean           portrait);
void            aisle_top_bar_set_can_go_back  (AisleTopBar       *self,
                                                gboolean           can_go_back);
const char     *aisle_top_bar_get_query        (AisleTopBar       *self);
/* Sets the search field's text (NULL: empty) without ::search-changed. */
void            aisle_top_bar_set_query        (AisleTopBar       *self,
                                                const char        *query);
GtkEditable    *aisle_top_bar_get_search_entry (AisleTopBar       *self);

G_END_DECLS
