/* aisle-shop-view.c: what a shopper uses: top bar, pages, on-screen keyboard */
#define G_LOG_DOMAIN "aisle-shop"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aisle-checkout-page.h"
#include "aisle-focus-keeper.h"
#include "aisle-home-page.h"
#include "aisle-keyboard.h"
#include "aisle-language.h"
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
  guint              warm_tick;
  guint              warm_source;

  AisleTopBar       *top_bar;
  GtkStack          *page_stack;
  AisleHomePage     *home_page;
  AisleProductGrid  *grid_page;
  AisleProductPage  *product_page;
  AisleListPage     *list_page;
  AisleCheckoutPage *checkout_page;
  AisleOrderDonePage *done_page;
  AisleSlipPage     *slip_page;
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
  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
}

static void
show_notice (AisleShopView *self,
             const char    *text)
{
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

static gboolean
show_checkout (AisleShopView   *self,
               const AisleStep *step)
{
  return aisle_session_get_checkout (self->session) != NULL;
}

static gboolean
show_slip (AisleShopView   *self,
           const AisleStep *step)
{
  return aisle_session_get_shown_slip (self->session, NULL) != NULL;
}

static const struct {
  const char *name;     /* in the page stack */
  gboolean  (*show) (AisleShopView *self, const AisleStep *step);
  gboolean    typing;   /* the keyboard may stay */
} pages[] = {
  [AISLE_PAGE_HOME]     = { "home",     NULL,          TRUE },
  [AISLE_PAGE_CATEGORY] = { "grid",     show_category, TRUE },
  [AISLE_PAGE_SEARCH]   = { "grid",     show_search,   TRUE },
  [AISLE_PAGE_PRODUCT]  = { "product",  show_product,  TRUE },
  [AISLE_PAGE_LIST]     = { "list",     NULL,          TRUE },
  [AISLE_PAGE_CHECKOUT] = { "checkout", show_checkout, TRUE },
  [AISLE_PAGE_DONE]     = { "done",     NULL,          FALSE },
  [AISLE_PAGE_SLIP]     = { "slip",     show_slip,     FALSE },
};

/* Shows the shopper's current step, with the keyboard focus on it. */
static void
render_step (AisleShopView *self)
{
  const AisleStep *step;

  show_notice (self, NULL);
  for (;;)
    {
      step = current_step (self);
      if (step == NULL || self->catalog == NULL || step->page >= G_N_ELEMENTS (pages))
        {
          step = NULL;
          break;
        }
      if (pages[step->page].show == NULL || pages[step->page].show (self, step))
        break;
      if (!aisle_history_pop (self->history))
        aisle_history_reset (self->history);
    }

  aisle_top_bar_set_can_go_back (self->top_bar, aisle_history_get_length (self->history) > 1);
  if (step != NULL && !pages[step->page].typing)
    hide_keyboard (self);
  gtk_stack_set_visible_child_name (self->page_stack, pages[step ? step->page : AISLE_PAGE_HOME].name);
  aisle_shop_view_keep_focus (self);
}

static void
push_step (AisleShopView *self,
           AislePage      page,
           const char    *category,
           const char    *product,
           const char    *query)
{
  aisle_history_push (self->history, page, category, product, query);
  render_step (self);
}

void
aisle_shop_view_show_home (AisleShopView *self)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  aisle_history_reset (self->history);
  aisle_top_bar_set_query (self->top_bar, NULL);
  render_step (self);
}

void
aisle_shop_view_show_category (AisleShopView *self,
                               guint          category)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (self->catalog != NULL);

  aisle_top_bar_set_query (self->top_bar, NULL);
  push_step (self, AISLE_PAGE_CATEGORY, aisle_catalog_category_id (self->catalog, category), NULL, NULL);
}

void
aisle_shop_view_show_product (AisleShopView *self,
                              guint          product)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (self->catalog != NULL);

  hide_keyboard (self);
  push_step (self, AISLE_PAGE_PRODUCT, NULL, aisle_catalog_product_id (self->catalog, product), NULL);
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
    push_step (self, AISLE_PAGE_SEARCH, NULL, NULL, stripped);
}

void
aisle_shop_view_open_code (AisleShopView *self,
                           const char    *code)
{
  guint index;

  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  if (aisle_history_get_length (self->history) == 0)
    aisle_shop_view_show_home (self);

  index = self->catalog ? aisle_catalog_find_by_code (self->catalog, code) : AISLE_CATALOG_NO_INDEX;
  if (index == AISLE_CATALOG_NO_INDEX)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the number a barcode scanner read. */
      text = g_strdup_printf (_("We could not find the product with code %s. Please ask a member of staff."), code);
      show_notice (self, text);
      return;
    }

  aisle_shop_view_show_product (self, index);
}

void
aisle_shop_view_show_list (AisleShopView *self)
{
  const AisleStep *top;

  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  hide_keyboard (self);
  if ((top = current_step (self)) != NULL && top->page == AISLE_PAGE_LIST)
    return;
  push_step (self, AISLE_PAGE_LIST, NULL, NULL, NULL);
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
  aisle_shop_view_resume (self);
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

/* The next shopper starts at the top of every page. */
static void
scroll_to_top (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget)), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    scroll_to_top (child);
}

void
aisle_shop_view_reset (AisleShopView *self)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  hide_keyboard (self);
  aisle_keyboard_set_target (self->keyboard, aisle_top_bar_get_search_entry (self->top_bar));
  aisle_keyboard_set_layout (self->keyboard, aisle_language_get_current_code ());
  scroll_to_top (GTK_WIDGET (self));
  aisle_shop_view_show_home (self);
}

const char *
aisle_shop_view_get_page_name (AisleShopView *self)
{
  g_return_val_if_fail (AISLE_IS_SHOP_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->page_stack);
}

/* While the kiosk waits on the home screen, the hidden results page gets
 * its tiles ready, after the frame that shows the new catalog. */
static gboolean
warm_results (gpointer data)
{
  AisleShopView *self = data;
  const AisleStep *top = current_step (self);

  self->warm_source = 0;
  if (top == NULL || top->page == AISLE_PAGE_HOME)
    aisle_product_grid_warm (self->grid_page);
  return G_SOURCE_REMOVE;
}

static gboolean
warm_after_frame (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  AisleShopView *self = AISLE_SHOP_VIEW (widget);

  self->warm_tick = 0;
  if (self->warm_source == 0)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_results, self, NULL);
  return G_SOURCE_REMOVE;
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
      if (self->warm_tick == 0 && self->warm_source == 0)
        self->warm_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), warm_after_frame, NULL, NULL);
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
  aisle_product_page_set_portrait (self->product_page, portrait);
  aisle_list_page_set_portrait (self->list_page, portrait);
  aisle_order_done_page_set_portrait (self->done_page, portrait);
  aisle_slip_page_set_portrait (self->slip_page, portrait);
}

/* The session orders and prints; the view goes where that leads. */

static void
order_cb (AisleShopView *self)
{
  if (aisle_session_start_checkout (self->session) != NULL)
    push_step (self, AISLE_PAGE_CHECKOUT, NULL, NULL, NULL);
}

static void
print_list_cb (AisleShopView *self)
{
  aisle_session_print_list_slip (self->session);
}

/* The order is on disk: its confirmation replaces the form, so Back goes
 * to the list, not into the sent form. */
static void
order_changed_cb (AisleShopView *self)
{
  const AisleStep *top = current_step (self);

  if (aisle_session_get_order_id (self->session) == NULL)
    return;
  if (top != NULL && top->page == AISLE_PAGE_CHECKOUT)
    aisle_history_pop (self->history);
  push_step (self, AISLE_PAGE_DONE, NULL, NULL, NULL);
}

static void
order_done_cb (AisleShopView *self)
{
  aisle_session_forget_order (self->session);
  if (aisle_shopping_list_get_n_lines (aisle_session_get_list (self->session)) > 0)
    {
      const AisleStep *top;

      /* Replace the confirmation: Back must not show it again. */
      aisle_history_pop (self->history);
      top = current_step (self);
      if (top != NULL && top->page == AISLE_PAGE_LIST)
        render_step (self);
      else
        aisle_shop_view_show_list (self);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.end-session", NULL);
}

/* A slip to show comes on top; a closed one goes back. */
static void
slip_changed_cb (AisleShopView *self)
{
  const AisleStep *top = current_step (self);
  gboolean on_top = top != NULL && top->page == AISLE_PAGE_SLIP;

  if (aisle_session_get_shown_slip (self->session, NULL) != NULL)
    {
      if (on_top)
        render_step (self);
      else
        push_step (self, AISLE_PAGE_SLIP, NULL, NULL, NULL);
    }
  else if (on_top)
    aisle_shop_view_go_back (self);
}

/* A hidden keyboard is not laid out at all, not even at start-up: its tray
 * is visible only while it shows or slides. */
static void
keyboard_reveal_changed (AisleShopView *self)
{
  gboolean shown = gtk_revealer_get_reveal_child (self->keyboard_revealer) ||
                   gtk_revealer_get_child_revealed (self->keyboard_revealer);

  gtk_widget_set_visible (gtk_revealer_get_child (self->keyboard_revealer), shown);
}

static void
search_changed_cb (AisleShopView *self,
                   const char    *text)
{
  aisle_shop_view_search (self, text);
}

static void
category_activated_cb (AisleShopView *self,
                       guint          category)
{
  aisle_shop_view_show_category (self, category);
}

static void
product_activated_cb (AisleShopView *self,
                      guint          product)
{
  aisle_shop_view_show_product (self, product);
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

  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_object (&self->focus);
  if (self->warm_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->warm_tick);
  self->warm_tick = 0;
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
  const char *actions[] = { "shop.back", "shop.home", "shop.hide-keyboard", "shop.show-list" };

  object_class->dispose = aisle_shop_view_dispose;

  g_type_ensure (AISLE_TYPE_TOP_BAR);
  g_type_ensure (AISLE_TYPE_HOME_PAGE);
  g_type_ensure (AISLE_TYPE_PRODUCT_GRID);
  g_type_ensure (AISLE_TYPE_PRODUCT_PAGE);
  g_type_ensure (AISLE_TYPE_LIST_PAGE);
  g_type_ensure (AISLE_TYPE_CHECKOUT_PAGE);
  g_type_ensure (AISLE_TYPE_SLIP_PAGE);
  g_type_ensure (AISLE_TYPE_ORDER_DONE_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, keyboard);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, keyboard_reveal_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_keyboard);
  gtk_widget_class_bind_template_callback (widget_class, category_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_list_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_done_cb);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, view_action);
}

static void
aisle_shop_view_init (AisleShopView *self)
{
  GtkEditable *search = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  search = aisle_top_bar_get_search_entry (self->top_bar);
  aisle_keyboard_set_layout (self->keyboard, aisle_language_get_current_code ());
  aisle_keyboard_set_target (self->keyboard, search);
  self->focus = aisle_focus_keeper_new (GTK_WIDGET (self), self->page_stack, GTK_WIDGET (search),
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
  g_signal_connect_object (session, "order-changed", G_CALLBACK (order_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "slip-changed", G_CALLBACK (slip_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}
