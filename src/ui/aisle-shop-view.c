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
#include "aisle-language-bar.h"
#include "aisle-list-page.h"
#include "aisle-order-done-page.h"
#include "aisle-product-grid.h"
#include "aisle-product-list.h"
#include "aisle-product-page.h"
#include "aisle-search.h"
#include "aisle-shop-view.h"
#include "aisle-slip-page.h"
#include "aisle-widget-util.h"

struct _AisleShopState
{
  char          *query;
  GStrv          checkout_fields; /* what was typed into the order */
  gboolean       done_shown;     /* the confirmation is on screen */
  AisleSlip     *slip;           /* the slip page's */
  char          *slip_job;
};

struct _AisleShopView
{
  GtkWidget          parent_instance;

  AisleImageLoader  *images;
  AisleStore        *store;
  AisleCatalog      *catalog;
  AisleStock        *stock;
  AisleProductList  *results;
  AisleSession      *session;
  AisleShoppingList *list;             /* the session's */
  AisleHistory      *history;          /* the session's */
  gboolean           rendered;         /* shown a step yet (a view made for a
                                        * language switch waits for its state) */
  guint              warm_tick;
  guint              warm_source;
  gboolean           setting_query;
  AislePrintQueue   *print_queue;
  gboolean           auto_print;

  GtkButton         *back_button;
  GtkButton         *home_button;
  GtkSearchEntry    *search_entry;
  GtkWidget         *scan_hint;
  GtkStack          *page_stack;
  AisleHomePage     *home_page;
  AisleProductGrid  *grid_page;
  AisleProductPage  *product_page;
  AisleListPage     *list_page;
  AisleCheckoutPage *checkout_page;
  AisleOrderDonePage *done_page;
  AisleSlipPage     *slip_page;
  GtkLabel          *list_badge;
  GtkWidget         *list_button;
  GtkRevealer       *keyboard_revealer;
  AisleKeyboard     *keyboard;
  GtkRevealer       *notice_revealer;
  GtkLabel          *notice_label;
  AisleFocusKeeper  *focus;
};

G_DEFINE_FINAL_TYPE (AisleShopView, aisle_shop_view, GTK_TYPE_WIDGET)

static void show_done (AisleShopView *self);
static void forget_done (AisleShopView *self);
static void update_done_slip (AisleShopView *self);

void
aisle_shop_state_free (AisleShopState *state)
{
  if (state == NULL)
    return;
  g_free (state->query);
  g_strfreev (state->checkout_fields);
  g_clear_object (&state->slip);
  g_free (state->slip_job);
  g_free (state);
}

static const AisleStep *
current_step (AisleShopView *self)
{
  return aisle_history_get_top (self->history);
}

/* The step on screen cannot be shown any more (a refresh took the product
 * away, the form or the slip is gone): the one before it shows. */
static void
drop_step (AisleShopView *self)
{
  if (!aisle_history_pop (self->history))
    aisle_history_reset (self->history);
}

static void
show_notice (AisleShopView *self,
             const char    *text)
{
  gtk_label_set_text (self->notice_label, text);
  gtk_revealer_set_reveal_child (self->notice_revealer, text != NULL);
}

static void
show_step (AisleShopView *self)
{
  const AisleStep *step = current_step (self);
  guint index;

  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), aisle_history_get_length (self->history) > 1);
  show_notice (self, NULL);

  if (step == NULL || step->page == AISLE_PAGE_HOME || self->catalog == NULL)
    {
      gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->home_page));
      return;
    }

  switch (step->page)
    {
    case AISLE_PAGE_CATEGORY:
      {
        guint n_categories = aisle_catalog_get_n_categories (self->catalog);
        const guint32 *products;
        guint n = 0;

        for (index = 0; index < n_categories; index++)
          if (g_strcmp0 (aisle_catalog_category_id (self->catalog, index), step->category) == 0)
            break;

        products = aisle_catalog_category_products (self->catalog, index, &n);
        aisle_product_list_set (self->results, self->catalog, products, n);
        aisle_product_grid_show (self->grid_page,
                                 aisle_catalog_category_name (self->catalog, index, aisle_language_get_current ()),
                                 n, n, NULL);
        gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->grid_page));
      }
      break;

    case AISLE_PAGE_SEARCH:
      {
        g_autoptr(GArray) found = NULL;
        g_autofree char *title = NULL;
        guint n_matches = 0;

        found = aisle_search_run (self->catalog, aisle_language_get_current (), step->query,
                                  AISLE_SEARCH_DEFAULT_LIMIT, &n_matches);
        /* Nothing found: the grid is hidden behind the "nothing matches"
         * text, and keeps its tiles for the next letter's results. */
        if (found->len > 0)
          aisle_product_list_set (self->results, self->catalog, (const guint32 *)(gpointer)found->data, found->len);
        /* Translators: the title of search results; %s is what the shopper typed. */
        title = g_strdup_printf (_("Results for “%s”"), step->query);
        aisle_product_grid_show (self->grid_page, title, found->len, n_matches, step->query);
        gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->grid_page));
      }
      break;

    case AISLE_PAGE_PRODUCT:
      index = aisle_catalog_find_by_id (self->catalog, step->product);
      if (index == AISLE_CATALOG_NO_INDEX)
        {
          /* A refresh took the product away while the shopper looked at it. */
          drop_step (self);
          show_step (self);
          return;
        }
      aisle_product_page_set_product (self->product_page, self->catalog, self->stock, index);
      gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->product_page));
      break;

    case AISLE_PAGE_LIST:
      gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->list_page));
      break;

    case AISLE_PAGE_CHECKOUT:
      if (aisle_checkout_page_get_checkout (self->checkout_page) == NULL)
        {
          drop_step (self);
          show_step (self);
          return;
        }
      gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->checkout_page));
      break;

    case AISLE_PAGE_DONE:
      gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
      gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->done_page));
      break;

    case AISLE_PAGE_SLIP:
      if (aisle_slip_page_get_slip (self->slip_page) == NULL)
        {
          drop_step (self);
          show_step (self);
          return;
        }
      gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
      gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->slip_page));
      break;

    case AISLE_PAGE_HOME:
    default:
      g_assert_not_reached ();
    }
}


/* Shows the shopper's current step, with the keyboard focus on it. */
static void
render_step (AisleShopView *self)
{
  self->rendered = TRUE;
  show_step (self);
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

static void
set_query_text (AisleShopView *self,
                const char    *text)
{
  self->setting_query = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  self->setting_query = FALSE;
}

void
aisle_shop_view_show_home (AisleShopView *self)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));

  aisle_history_reset (self->history);
  set_query_text (self, NULL);
  render_step (self);
}

void
aisle_shop_view_show_category (AisleShopView *self,
                               guint          category)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (self->catalog != NULL);

  set_query_text (self, NULL);
  push_step (self, AISLE_PAGE_CATEGORY, aisle_catalog_category_id (self->catalog, category), NULL, NULL);
}

void
aisle_shop_view_show_product (AisleShopView *self,
                              guint          product)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (self->catalog != NULL);

  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
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

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query) != 0)
    set_query_text (self, query);

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

  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
  if ((top = current_step (self)) != NULL && top->page == AISLE_PAGE_LIST)
    return;
  push_step (self, AISLE_PAGE_LIST, NULL, NULL, NULL);
}

static void
update_badge (AisleShopView *self)
{
  guint n = aisle_shopping_list_count_items (self->list);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *a11y = g_strdup_printf (ngettext ("My list, %u article", "My list, %u articles", n), n);

  gtk_label_set_text (self->list_badge, count);
  gtk_widget_set_visible (GTK_WIDGET (self->list_badge), n > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
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
  set_query_text (self, top->page == AISLE_PAGE_SEARCH ? top->query : NULL);
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

  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
  aisle_checkout_page_clear (self->checkout_page);
  forget_done (self);
  aisle_slip_page_clear (self->slip_page);
  aisle_keyboard_set_target (self->keyboard, GTK_EDITABLE (self->search_entry));
  aisle_keyboard_set_layout (self->keyboard, aisle_language_get_current_code ());
  set_query_text (self, NULL);
  scroll_to_top (GTK_WIDGET (self));
  aisle_shop_view_show_home (self);
}

const char *
aisle_shop_view_get_page_name (AisleShopView *self)
{
  g_return_val_if_fail (AISLE_IS_SHOP_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->page_stack);
}

AisleShopState *
aisle_shop_view_save_state (AisleShopView *self)
{
  AisleShopState *state;

  g_return_val_if_fail (AISLE_IS_SHOP_VIEW (self), NULL);

  state = g_new0 (AisleShopState, 1);
  state->query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (aisle_checkout_page_get_checkout (self->checkout_page) != NULL)
    state->checkout_fields = aisle_checkout_page_save_fields (self->checkout_page);
  state->done_shown = aisle_order_done_page_get_id (self->done_page) != NULL;
  if (aisle_slip_page_get_slip (self->slip_page) != NULL)
    state->slip = g_object_ref (aisle_slip_page_get_slip (self->slip_page));
  state->slip_job = g_strdup (aisle_slip_page_get_job_id (self->slip_page));
  return state;
}

void
aisle_shop_view_restore_state (AisleShopView  *self,
                               AisleShopState *state)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (state != NULL);

  set_query_text (self, state->query);
  if (state->checkout_fields != NULL && aisle_session_get_checkout (self->session) != NULL)
    {
      aisle_checkout_page_start (self->checkout_page, self->session);
      aisle_checkout_page_restore_fields (self->checkout_page, (const char * const *) state->checkout_fields);
    }
  if (state->done_shown && aisle_session_get_order_id (self->session) != NULL)
    {
      show_done (self);
      if (aisle_session_get_order_slip (self->session) != NULL)
        update_done_slip (self);
    }
  if (state->slip != NULL)
    aisle_slip_page_show (self->slip_page, state->slip, state->slip_job);
  render_step (self);
}

static gboolean
warm_results (gpointer data)
{
  AisleShopView *self = data;
  const AisleStep *top = current_step (self);
  guint n;

  self->warm_source = 0;

  /* While the kiosk waits on the home screen, the hidden results page gets
   * its tiles, their styles and their pictures, so the shopper's first letter
   * only changes what they show. Never over results someone is looking at. */
  if (self->catalog == NULL || (top != NULL && top->page != AISLE_PAGE_HOME))
    return G_SOURCE_REMOVE;

  n = MIN (aisle_catalog_get_n_products (self->catalog), AISLE_SEARCH_DEFAULT_LIMIT);
  {
    g_autofree guint32 *first = g_new (guint32, MAX (n, 1));

    for (guint i = 0; i < n; i++)
      first[i] = i;
    aisle_product_list_set (self->results, self->catalog, first, n);
  }

  aisle_product_grid_warm (self->grid_page,
                           gtk_widget_get_width (GTK_WIDGET (self->page_stack)),
                           gtk_widget_get_height (GTK_WIDGET (self->page_stack)));
  return G_SOURCE_REMOVE;
}

static gboolean
warm_after_frame (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  AisleShopView *self = AISLE_SHOP_VIEW (widget);

  /* This frame shows the new catalog first; the tiles come after it. */
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
      if (self->warm_tick == 0 && self->warm_source == 0)
        self->warm_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), warm_after_frame, NULL, NULL);
    }
  aisle_list_page_set_catalog (self->list_page, catalog, stock);

  /* Show the same page from the new snapshot. */
  if (self->rendered && aisle_history_get_length (self->history) > 0)
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

  /* 1080 px is too narrow for the hint beside the search field (the home
   * page says the same in its scan card) and for the buttons' words in
   * every language: icons only, their accessible names stay. */
  gtk_widget_set_visible (self->scan_hint, !portrait);
  {
    GtkWidget *buttons[] = { GTK_WIDGET (self->back_button), GTK_WIDGET (self->home_button), self->list_button };
    const char *labels[] = { _("Back"), _("Home"), _("My list") };

    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (buttons[i]))),
                                    portrait ? "" : labels[i]);
  }
  aisle_product_page_set_portrait (self->product_page, portrait);
  aisle_list_page_set_portrait (self->list_page, portrait);
  aisle_order_done_page_set_portrait (self->done_page, portrait);
  aisle_slip_page_set_portrait (self->slip_page, portrait);
}

/* Ordering: the session places the order; the pages show it. */

static void
show_done (AisleShopView *self)
{
  AisleSession *session = self->session;

  aisle_order_done_page_show (self->done_page, aisle_services_get_outbox (aisle_session_get_services (session)),
                              aisle_session_get_order_id (session),
                              aisle_session_get_order_reference (session),
                              aisle_session_get_order_details (session),
                              aisle_session_get_order_pickup (session));
}

static void
forget_done (AisleShopView *self)
{
  aisle_order_done_page_clear (self->done_page);
  aisle_session_forget_order (self->session);
}

/* Printing */

static void
print_list_cb (AisleShopView *self)
{
  g_autoptr(AisleSlip) slip = aisle_session_new_list_slip (self->session);

  if (slip == NULL)
    return;
  aisle_slip_page_print (self->slip_page, slip);
  push_step (self, AISLE_PAGE_SLIP, NULL, NULL, NULL);
}

static void
slip_done_cb (AisleShopView *self)
{
  const AisleStep *top = current_step (self);

  aisle_slip_page_clear (self->slip_page);
  if (top != NULL && top->page == AISLE_PAGE_SLIP)
    aisle_shop_view_go_back (self);
}

/* The order's slip: its printing, told on the confirmation. */
static void
update_done_slip (AisleShopView *self)
{
  g_autoptr(AislePrintJob) job = NULL;

  if (aisle_session_get_order_slip (self->session) == NULL)
    {
      aisle_order_done_page_set_slip_state (self->done_page, AISLE_DONE_SLIP_NONE, NULL);
      return;
    }

  job = aisle_session_dup_order_slip_job (self->session);
  if (job == NULL)
    aisle_order_done_page_set_slip_state (self->done_page, AISLE_DONE_SLIP_FAILED,
                                          _("This kiosk cannot print just now."));
  else if (job->state == AISLE_PRINT_JOB_DONE)
    aisle_order_done_page_set_slip_state (self->done_page, AISLE_DONE_SLIP_PRINTED, NULL);
  else if (job->state == AISLE_PRINT_JOB_FAILED)
    aisle_order_done_page_set_slip_state (self->done_page, AISLE_DONE_SLIP_FAILED,
                                          aisle_printer_error_message (job->error && job->error->domain == AISLE_PRINTER_ERROR
                                                                       ? job->error->code : AISLE_PRINTER_ERROR_FAILED));
  else
    aisle_order_done_page_set_slip_state (self->done_page, AISLE_DONE_SLIP_PRINTING, NULL);
}

static void
print_order_slip_cb (AisleShopView *self)
{
  /* The confirmation on screen is the session's order. */
  if (aisle_order_done_page_get_id (self->done_page) != NULL)
    aisle_session_print_order_slip (self->session);
}

static void
order_settled_cb (AisleShopView *self)
{
  if (self->auto_print)
    print_order_slip_cb (self);
}

static void
show_order_slip_cb (AisleShopView *self)
{
  AisleSlip *slip = aisle_session_get_order_slip (self->session);

  if (slip == NULL)
    return;
  aisle_slip_page_show (self->slip_page, slip, aisle_session_get_order_slip_job_id (self->session));
  push_step (self, AISLE_PAGE_SLIP, NULL, NULL, NULL);
}

static void
order_cb (AisleShopView *self)
{
  AisleCheckout *checkout = aisle_session_start_checkout (self->session);

  if (checkout == NULL)
    return;
  aisle_checkout_page_start (self->checkout_page, self->session);
  push_step (self, AISLE_PAGE_CHECKOUT, NULL, NULL, NULL);
}

static void
order_placed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AisleShopView) self = user_data;
  g_autoptr(GError) error = NULL;
  const AisleStep *top;

  if (!aisle_session_place_order_finish (AISLE_SESSION (object), result, &error))
    {
      /* Ended meanwhile: the order is safe in the outbox, nobody waits. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          aisle_checkout_page_get_checkout (self->checkout_page) == NULL)
        return;
      aisle_checkout_page_set_busy (self->checkout_page, FALSE);
      aisle_checkout_page_show_error (self->checkout_page,
                                      _("Your order could not be saved on this kiosk. Please ask a member of staff."));
      return;
    }

  aisle_order_done_page_clear (self->done_page);
  show_done (self);
  aisle_checkout_page_clear (self->checkout_page);

  /* Back from the confirmation goes to the list, not into the sent form. */
  top = current_step (self);
  if (top != NULL && top->page == AISLE_PAGE_CHECKOUT)
    aisle_history_pop (self->history);
  push_step (self, AISLE_PAGE_DONE, NULL, NULL, NULL);
}

static void
place_order_cb (AisleShopView *self)
{
  if (aisle_checkout_page_get_checkout (self->checkout_page) == NULL)
    return;

  /* The confirmation shows only once the order is on disk. */
  aisle_checkout_page_set_busy (self->checkout_page, TRUE);
  aisle_session_place_order_async (self->session, NULL, order_placed_cb, g_object_ref (self));
}

static void
order_done_cb (AisleShopView *self)
{
  forget_done (self);
  if (aisle_shopping_list_get_n_lines (self->list) > 0)
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

void
aisle_shop_view_set_printing (AisleShopView   *self,
                              AislePrintQueue *queue,
                              gboolean         auto_print)
{
  g_return_if_fail (AISLE_IS_SHOP_VIEW (self));
  g_return_if_fail (queue == NULL || AISLE_IS_PRINT_QUEUE (queue));

  g_set_object (&self->print_queue, queue);
  aisle_slip_page_set_print_queue (self->slip_page, queue);
  self->auto_print = auto_print;
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
search_changed_cb (AisleShopView *self)
{
  if (!self->setting_query)
    aisle_shop_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (AisleShopView *self)
{
  /* Enter on the keyboard: the search already shows; put the keyboard away. */
  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
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
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  aisle_shop_view_go_back (AISLE_SHOP_VIEW (widget));
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AisleShopView *self = AISLE_SHOP_VIEW (widget);

  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
  aisle_shop_view_show_home (self);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  aisle_shop_view_show_list (AISLE_SHOP_VIEW (widget));
}

static void
hide_keyboard_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (AISLE_SHOP_VIEW (widget)->keyboard_revealer, FALSE);
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
  g_clear_object (&self->images);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->stock);
  g_clear_object (&self->results);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, update_badge, self);
  g_clear_object (&self->list);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, update_done_slip, self);
  g_clear_object (&self->session);
  g_clear_object (&self->history);
  g_clear_object (&self->print_queue);

  G_OBJECT_CLASS (aisle_shop_view_parent_class)->dispose (object);
}

static void
aisle_shop_view_class_init (AisleShopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_shop_view_dispose;

  g_type_ensure (AISLE_TYPE_HOME_PAGE);
  g_type_ensure (AISLE_TYPE_PRODUCT_GRID);
  g_type_ensure (AISLE_TYPE_PRODUCT_PAGE);
  g_type_ensure (AISLE_TYPE_LIST_PAGE);
  g_type_ensure (AISLE_TYPE_CHECKOUT_PAGE);
  g_type_ensure (AISLE_TYPE_SLIP_PAGE);
  g_type_ensure (AISLE_TYPE_ORDER_DONE_PAGE);
  g_type_ensure (AISLE_TYPE_KEYBOARD);
  g_type_ensure (AISLE_TYPE_LANGUAGE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-shop-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "shopview");
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, back_button);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, home_button);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, scan_hint);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, home_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, grid_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, product_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, list_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, checkout_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, done_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, slip_page);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, list_badge);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, list_button);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, keyboard);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, AisleShopView, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, keyboard_reveal_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_order_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_list_cb);
  gtk_widget_class_bind_template_callback (widget_class, slip_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_order_slip_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_settled_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_order_slip_cb);
  gtk_widget_class_bind_template_callback (widget_class, order_done_cb);

  gtk_widget_class_install_action (widget_class, "shop.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "shop.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "shop.hide-keyboard", NULL, hide_keyboard_action);
  gtk_widget_class_install_action (widget_class, "shop.show-list", NULL, show_list_action);
}

static void
aisle_shop_view_init (AisleShopView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = aisle_product_list_new ();
  aisle_product_grid_set_model (self->grid_page, G_LIST_MODEL (self->results));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  aisle_keyboard_set_layout (self->keyboard, aisle_language_get_current_code ());
  aisle_keyboard_set_target (self->keyboard, GTK_EDITABLE (self->search_entry));

  self->focus = aisle_focus_keeper_new (GTK_WIDGET (self), self->page_stack, GTK_WIDGET (self->search_entry),
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

  self->images = g_object_ref (images);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->history = g_object_ref (aisle_session_get_history (session));
  self->list = g_object_ref (list);
  g_signal_connect_swapped (list, "changed", G_CALLBACK (update_badge), self);
  g_signal_connect_swapped (session, "order-slip-changed", G_CALLBACK (update_done_slip), self);
  update_badge (self);
  aisle_product_page_set_list (self->product_page, list);
  aisle_list_page_set_list (self->list_page, list);
  aisle_product_grid_set_images (self->grid_page, images, store);
  aisle_product_page_set_images (self->product_page, images, store);
  return self;
}
