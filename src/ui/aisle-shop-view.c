/* aisle-shop-view.c: what a shopper uses: top bar, pages, on-screen keyboard */
#define G_LOG_DOMAIN "aisle-shop"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-checkout-page.h"
#include "aisle-collect-page.h"
#include "aisle-focus-keeper.h"
#include "aisle-home-page.h"
#include "aisle-keyboard.h"
#include "aisle-list-page.h"
#include "aisle-order-done-page.h"
#include "aisle-product-grid.h"
#include "aisle-product-page.h"
#include "aisle-shop-view.h"
#include "aisle-slip-page.h"
#include "aisle-top-bar.h"
#include "aisle-widget-util.h"

struct _AisleShopView
{
  GtkWidget          parent_instance;

  AisleSession      *session;
  AisleHistory      *history;          /* the session's */
  AisleCatalog      *catalog;
  AisleStock        *stock;
  gboolean           rendering;

  AisleTopBar       *top_bar;
  GtkStack          *page_stack;
  AisleHomePage     *home_page;
  AisleProductGrid  *grid_page;
  AisleProductPage  *product_page;
  AisleListPage     *list_page;
  AisleCheckoutPage *checkout_page;
  AisleOrderDonePage *done_page;
  AisleSlipPage     *slip_page;
  AisleCollectPage  *collect_page;
  GtkRevealer       *keyboard_revealer;
  AisleKeyboard     *keyboard;
  GtkRevealer       *notice_revealer;
  GtkLabel          *notice_label;
  AisleFocusKeeper  *focus;
};

G_DEFINE_FINAL_TYPE (AisleShopView, aisle_shop_view, GTK_TYPE_WIDGET)

static const AisleStep *
current_step (AisleShopView *self)
{
  return aisle_history_get_top (self->history);
}

static void
hide_keyboard (AisleShopView *self)
{
  aisle_focus_keeper_hide_keyboard (self->focus);
}

void
aisle_shop_view_show_notice (AisleShopView *self,
                             const char    *text)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  gtk_label_set_text (self->notice_label, text);
  gtk_revealer_set_reveal_child (self->notice_revealer, text != NULL);
}

/* Each page fills itself in for a step; FALSE: it has nothing to show any
 * more (a refresh took the product away, the order or the slip is gone). */

static gboolean
show_category (AisleShopView   *self,
               const AisleStep *step)
{
  aisle_product_grid_show_category (self->grid_page, step->category);
  return TRUE;
}

static gboolean
show_search (AisleShopView   *self,
             const AisleStep *step)
{
  aisle_product_grid_show_search (self->grid_page, step->query);
  return TRUE;
}

static gboolean
show_product (AisleShopView   *self,
              const AisleStep *step)
{
  guint index = aisle_catalog_find_by_id (self->catalog, step->product);

  if (index == AISLE_CATALOG_NO_INDEX)
    return FALSE;
  aisle_product_page_set_product (self->product_page, self->catalog, self->stock, index);
  return TRUE;
}

/* The order form and the slip page show the session's own. */
static gboolean
show_session_page (AisleShopView   *self,
                   const AisleStep *step)
{
  if (step->page == AISLE_PAGE_CHECKOUT)
    return aisle_session_get_checkout (self->session) != NULL;
  return aisle_session_get_shown_slip (self->session, NULL) != NULL;
}

static const struct {
  const char *name;     /* in the page stack */
  gboolean  (*show) (AisleShopView *self, const AisleStep *step);
  gboolean    typing;   /* the keyboard may stay */
} pages[] = {
  [AISLE_PAGE_HOME]     = { "home",     NULL,              TRUE },
  [AISLE_PAGE_CATEGORY] = { "grid",     show_category,     TRUE },
  [AISLE_PAGE_SEARCH]   = { "grid",     show_search,       TRUE },
  [AISLE_PAGE_PRODUCT]  = { "product",  show_product,      TRUE },
  [AISLE_PAGE_LIST]     = { "list",     NULL,              TRUE },
  [AISLE_PAGE_CHECKOUT] = { "checkout", show_session_page, TRUE },
  [AISLE_PAGE_DONE]     = { "done",     NULL,              FALSE },
  [AISLE_PAGE_SLIP]     = { "slip",     show_session_page, FALSE },
  [AISLE_PAGE_COLLECT]  = { "collect",  NULL,              TRUE },
};

/* Shows the shopper's current step, with the keyboard focus on it; a step
 * with nothing to show any more gives way to the one before it. */
static void
render_step (AisleShopView *self)
{
  const AisleStep *step;

  if (self->rendering)
    return;
  self->rendering = TRUE;
  aisle_shop_view_show_notice (self, NULL);
  while ((step = current_step (self)) != NULL && self->catalog != NULL && step->page < G_N_ELEMENTS (pages) &&
         pages[step->page].show != NULL && !pages[step->page].show (self, step))
    if (!aisle_history_pop (self->history))
      aisle_history_reset (self->history);
  if (step == NULL || self->catalog == NULL || step->page >= G_N_ELEMENTS (pages))
    step = NULL;

  aisle_top_bar_set_can_go_back (self->top_bar, aisle_history_get_length (self->history) > 1);
  if (step != NULL && !pages[step->page].typing)
    hide_keyboard (self);
  gtk_stack_set_visible_child_name (self->page_stack, pages[step ? step->page : AISLE_PAGE_HOME].name);
  aisle_shop_view_keep_focus (self);
  self->rendering = FALSE;
}

void
aisle_shop_view_show_home (AisleShopView *self)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  aisle_top_bar_set_query (self->top_bar, NULL);
  aisle_history_reset (self->history);
}

void
aisle_shop_view_show_category (AisleShopView *self,
                               guint          category)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (self->catalog != NULL);

  aisle_top_bar_set_query (self->top_bar, NULL);
  aisle_history_push (self->history, AISLE_PAGE_CATEGORY, aisle_catalog_category_id (self->catalog, category), NULL, NULL);
}

void
aisle_shop_view_show_product (AisleShopView *self,
                              guint          product)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (self->catalog != NULL);

  hide_keyboard (self);
  aisle_history_push (self->history, AISLE_PAGE_PRODUCT, NULL, aisle_catalog_product_id (self->catalog, product), NULL);
}

void
aisle_shop_view_search (AisleShopView *self,
                        const char    *query)
{
  g_autofree char *stripped = NULL;
  const AisleStep *top;

  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  stripped = g_strstrip (g_strdup (query ? query : ""));
  top = current_step (self);

  if (stripped[0] == '\0')
    {
      /* Clearing the field goes back to where the search started. */
      if (top != NULL && top->page == AISLE_PAGE_SEARCH)
        aisle_shop_view_go_back (self);
      return;
    }

  if (g_strcmp0 (aisle_top_bar_get_query (self->top_bar), query) != 0)
    aisle_top_bar_set_query (self->top_bar, query);

  if (self->catalog != NULL)
    aisle_history_push (self->history, AISLE_PAGE_SEARCH, NULL, NULL, stripped);
}

void
aisle_shop_view_show_collect (AisleShopView *self,
                              const char    *number,
                              const char    *pickup_code)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  if (aisle_history_get_length (self->history) == 0)
    aisle_shop_view_show_home (self);
  aisle_history_show (self->history, AISLE_PAGE_COLLECT);
  if (number != NULL)
    aisle_collect_page_open (self->collect_page, number, pickup_code);
}

void
aisle_shop_view_show_list (AisleShopView *self)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  hide_keyboard (self);
  aisle_history_show (self->history, AISLE_PAGE_LIST);
}

void
aisle_shop_view_go_back (AisleShopView *self)
{
  const AisleStep *top;

  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  if (aisle_history_get_length (self->history) <= 1)
    return;
  /* The order form goes back a step at a time. */
  top = current_step (self);
  if (top->page == AISLE_PAGE_CHECKOUT && aisle_checkout_page_go_back (self->checkout_page))
    return;

  aisle_history_pop (self->history);
  top = current_step (self);
  aisle_top_bar_set_query (self->top_bar, top->page == AISLE_PAGE_SEARCH ? top->query : NULL);
}

void
aisle_shop_view_resume (AisleShopView *self)
{
  const AisleStep *top;

  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  top = current_step (self);
  aisle_top_bar_set_query (self->top_bar, top != NULL && top->page == AISLE_PAGE_SEARCH ? top->query : NULL);
  render_step (self);
}

void
aisle_shop_view_reset (AisleShopView *self)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  aisle_focus_keeper_reset (self->focus);
  aisle_collect_page_clear (self->collect_page);
  aisle_widget_scroll_to_top (GTK_WIDGET (self));
  aisle_shop_view_show_home (self);
}

const char *
aisle_shop_view_get_page_name (AisleShopView *self)
{
  g_return_val_if_fail (AISLE_IS_SHOP_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->page_stack);
}

gboolean
aisle_shop_view_offer_coupon (AisleShopView *self,
                              const char    *code)
{
  const AisleStep *top;

  g_return_val_if_fail (AISLE_IS_SHOP_VIEW (self), FALSE);

  top = current_step (self);
  return top != NULL && top->page == AISLE_PAGE_CHECKOUT && aisle_checkout_page_apply_code (self->checkout_page, code);
}

AisleSession *
aisle_shop_view_get_session (AisleShopView *self)
{
  g_return_val_if_fail (AISLE_IS_SHOP_VIEW (self), NULL);
  return self->session;
}

void
aisle_shop_view_set_catalog (AisleShopView *self,
                             AisleCatalog  *catalog,
                             AisleStock    *stock)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  g_set_object (&self->stock, stock);
  if (g_set_object (&self->catalog, catalog))
    {
      aisle_home_page_set_catalog (self->home_page, catalog);
      aisle_product_grid_set_catalog (self->grid_page, catalog);
    }
  aisle_list_page_set_catalog (self->list_page, catalog, stock);

  /* Show the same page from the new snapshot. */
  if (aisle_history_get_length (self->history) > 0)
    render_step (self);
}

void
aisle_shop_view_set_portrait (AisleShopView *self,
                              gboolean       portrait)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  if (portrait)
    gtk_widget_add_css_class (GTK_WIDGET (self), "portrait");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "portrait");

  aisle_top_bar_set_portrait (self->top_bar, portrait);
  aisle_home_page_set_portrait (self->home_page, portrait);
  aisle_product_page_set_portrait (self->product_page, portrait);
  aisle_list_page_set_portrait (self->list_page, portrait);
  aisle_order_done_page_set_portrait (self->done_page, portrait);
  aisle_slip_page_set_portrait (self->slip_page, portrait);
  aisle_collect_page_set_portrait (self->collect_page, portrait);
}

/* The session orders, prints and goes to the pages that show it. */

static void
order_cb (AisleShopView *self)
{
  aisle_session_start_checkout (self->session);
}

static void
print_list_cb (AisleShopView *self)
{
  aisle_session_print_list_slip (self->session);
}

static void
order_done_cb (AisleShopView *self)
{
  if (!aisle_session_finish_order (self->session))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.end-session", NULL);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AisleShopView *self = AISLE_SHOP_VIEW (widget);

  if (g_str_equal (action_name, "shop.back"))
    aisle_shop_view_go_back (self);
  else if (g_str_equal (action_name, "shop.show-list"))
    aisle_shop_view_show_list (self);
  else if (g_str_equal (action_name, "shop.collect"))
    aisle_shop_view_show_collect (self, NULL, NULL);
  else
    {
      /* Enter in the search field: its results already show. */
      hide_keyboard (self);
      if (g_str_equal (action_name, "shop.home"))
        aisle_shop_view_show_home (self);
    }
}

static void
aisle_shop_view_dispose (GObject *object)
{
  AisleShopView *self = (AisleShopView *)object;

  g_clear_object (&self->focus);
  aisle_widget_dispose_children (GTK_WIDGET (self), AISLE_TYPE_SHOP_VIEW);
  g_clear_object (&self->catalog);
  g_clear_object (&self->stock);
  g_clear_object (&self->session);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (aisle_shop_view_parent_class)->dispose (object);
}

static void
aisle_shop_view_class_init (AisleShopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *actions[] = { "shop.back", "shop.home", "shop.hide-keyboard", "shop.show-list", "shop.collect" };

  object_class->dispose = aisle_shop_view_dispose;

  g_type_ensure (AISLE_TYPE_TOP_BAR);
  g_type_ensure (AISLE_TYPE_HOME_PAGE);
  g_type_ensure (AISLE_TYPE_PRODUCT_GRID);
  g_type_ensure (AISLE_TYPE_PRODUCT_PAGE);
  g_type_ensure (AISLE_TYPE_LIST_PAGE);
  g_type_ensure (AISLE_TYPE_CHECKOUT_PAGE);
  g_type_ensure (AISLE_TYPE_SLIP_PAGE);
  g_type_ensure (AISLE_TYPE_ORDER_DONE_PAGE);
  g_type_ensure (AISLE_TYPE_COLLECT_PAGE);
  g_type_ensure (AISLE_TYPE_KEYBOARD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-shop-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "shopview");
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, top_bar);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, home_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, grid_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, product_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, list_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, checkout_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, done_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, slip_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, collect_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, keyboard);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, notice_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "search", G_CALLBACK (aisle_shop_view_search));
  gtk_widget_class_bind_template_callback_full (widget_class, "show_category", G_CALLBACK (aisle_shop_view_show_category));
  gtk_widget_class_bind_template_callback_full (widget_class, "show_product", G_CALLBACK (aisle_shop_view_show_product));
  gtk_widget_class_bind_template_callback (widget_class, hide_keyboard);
  gtk_widget_class_bind_template_callback (widget_class, order_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_list_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_done_cb);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, view_action);
}

static void
aisle_shop_view_init (AisleShopView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->focus = aisle_focus_keeper_new (GTK_WIDGET (self), self->page_stack,
                                        GTK_WIDGET (aisle_top_bar_get_search_entry (self->top_bar)),
                                        self->keyboard_revealer, self->keyboard);
}

void
aisle_shop_view_keep_focus (AisleShopView *self)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  if (self->focus != NULL)
    aisle_focus_keeper_keep_later (self->focus);
}

void
aisle_shop_view_focus_changed (AisleShopView *self,
                               GtkWidget     *focus)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  if (self->focus != NULL)
    aisle_focus_keeper_focus_changed (self->focus, focus);
}

AisleShopView *
aisle_shop_view_new (AisleImageLoader *images,
                     AisleStore       *store,
                     AisleSession     *session)
{
  AisleShopView *self = g_object_new (AISLE_TYPE_SHOP_VIEW, NULL);
  AisleShoppingList *list = aisle_session_get_list (session);

  self->session = g_object_ref (session);
  self->history = g_object_ref (aisle_session_get_history (session));
  aisle_top_bar_set_list (self->top_bar, list);
  aisle_product_page_set_list (self->product_page, list);
  aisle_list_page_set_list (self->list_page, list);
  aisle_product_grid_set_images (self->grid_page, images, store);
  aisle_product_page_set_images (self->product_page, images, store);
  aisle_checkout_page_set_session (self->checkout_page, session);
  aisle_order_done_page_set_session (self->done_page, session);
  aisle_slip_page_set_session (self->slip_page, session);
  aisle_collect_page_set_session (self->collect_page, session);
  g_signal_connect_object (self->history, "changed", G_CALLBACK (render_step), self, G_CONNECT_SWAPPED);
  return self;
}
