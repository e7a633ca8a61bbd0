/* aisle-shop-view.h: what a shopper uses: top bar, pages, on-screen keyboard
 *
 * Shows the session's steps (home, a category or search results, a product,
 * the list, the order form, its confirmation, a slip, collecting an online
 * order) and moves between them;
 * the pages observe and call the session themselves.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-image-loader.h"
#include "aisle-session.h"
#include "aisle-store.h"

G_BEGIN_DECLS

#define AISLE_TYPE_SHOP_VIEW (aisle_shop_view_get_type ())

G_DECLARE_FINAL_TYPE (AisleShopView, aisle_shop_view, AISLE, SHOP_VIEW, GtkWidget)

AisleShopView  *aisle_shop_view_new           (AisleImageLoader  *images,
                                               AisleStore        *store,
                                               AisleSession      *session);
void            aisle_shop_view_set_catalog   (AisleShopView    *self,
                                               AisleCatalog     *catalog,
                                               AisleStock       *stock);
void            aisle_shop_view_set_portrait  (AisleShopView    *self,
                                               gboolean          portrait);
void            aisle_shop_view_show_home     (AisleShopView    *self);
void            aisle_shop_view_show_category (AisleShopView    *self,
                                               guint             category);
void            aisle_shop_view_show_product  (AisleShopView    *self,
                                               guint             product);
void            aisle_shop_view_search        (AisleShopView    *self,
                                               const char       *query);
/* A scanned code: a product's barcode, a list's or an online order's link
 * (aisle-shop-codes.c). */
void            aisle_shop_view_open_code     (AisleShopView    *self,
                                               const char       *code);
/* Collecting an online order; with a number (and a pickup code) from a
 * scan, it is filled in (and looked up). */
void            aisle_shop_view_show_collect  (AisleShopView    *self,
                                               const char       *number,
                                               const char       *pickup_code);
/* A line across the top of the page (NULL: none), until the page changes. */
void            aisle_shop_view_show_notice   (AisleShopView    *self,
                                               const char       *text);
void            aisle_shop_view_go_back       (AisleShopView    *self);
void            aisle_shop_view_show_list     (AisleShopView    *self);
/* Forgets what is on screen: search text, history, keyboard, forms (the
 * session forgets the shopper). */
void            aisle_shop_view_reset         (AisleShopView    *self);
const char     *aisle_shop_view_get_page_name (AisleShopView    *self);
AisleSession   *aisle_shop_view_get_session   (AisleShopView    *self);
/* A coupon code scanned: taken by the order's review if it is on screen. */
gboolean        aisle_shop_view_offer_coupon  (AisleShopView    *self,
                                               const char       *code);
/* The window's focus moved (NULL: the focused control went away): a field
 * tapped takes the on-screen keyboard; a lost focus finds the page. */
void            aisle_shop_view_focus_changed (AisleShopView    *self,
                                               GtkWidget        *focus);
/* Puts the keyboard focus on the page on screen unless it is somewhere
 * the shopper can see. */
void            aisle_shop_view_keep_focus    (AisleShopView    *self);
/* Shows the session's current step, with its search text: a view made
 * anew (in another language) picks up where the shopper was. */
void            aisle_shop_view_resume        (AisleShopView    *self);

G_END_DECLS
