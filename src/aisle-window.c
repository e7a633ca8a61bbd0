/* aisle-window.c: the kiosk window: attract screen, shop view, barcode scanner */
#define G_LOG_DOMAIN "aisle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-attract-page.h"
#include "aisle-kiosk-guard.h"
#include "aisle-scanner.h"
#include "aisle-shop-view.h"
#include "aisle-window.h"

struct _AisleWindow
{
  AdwApplicationWindow  parent_instance;

  AisleApplication     *app;
  AisleStore           *store;
  AisleScanner         *scanner;
  AisleShoppingList    *list;      /* the shopper's session */

  AisleKioskGuard      *guard;

  GtkStack             *root_stack;
  GtkRevealer          *idle_revealer;
  GtkLabel             *idle_label;
  AisleAttractPage     *attract;
  AisleShopView        *shop;
};

G_DEFINE_FINAL_TYPE (AisleWindow, aisle_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_catalog (AisleWindow *self)
{
  AisleCatalog *catalog = aisle_store_get_catalog (self->store);
  AisleStock *stock = aisle_store_get_stock (self->store);

  /* Stock for another catalog version is not ours to show. */
  if (stock != NULL && aisle_stock_get_catalog (stock) != catalog)
    stock = NULL;

  aisle_attract_page_set_catalog (self->attract, catalog);
  aisle_shop_view_set_catalog (self->shop, catalog, stock);
}

static void
store_changed (AisleWindow *self)
{
  update_catalog (self);
}

static void
bind_store (AisleWindow *self)
{
  AisleStore *store = aisle_application_get_store (self->app);

  if (store == self->store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (self->store, "notify::catalog", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::stock", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
}

static void build_pages (AisleWindow *self);

static void
auto_print_changed (AisleWindow *self)
{
  aisle_shop_view_set_printing (self->shop, aisle_application_get_print_queue (self->app),
                                aisle_application_get_auto_print (self->app));
}

/* Staff pointed the kiosk at another store: the pages start over on it. */
static void
app_store_changed (AisleWindow *self)
{
  gboolean attract_shown;

  if (aisle_application_get_store (self->app) == self->store)
    return;
  bind_store (self);

  attract_shown = gtk_stack_get_visible_child (self->root_stack) == GTK_WIDGET (self->attract);
  aisle_shopping_list_clear (self->list);
  gtk_stack_set_transition_type (self->root_stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_remove (self->root_stack, GTK_WIDGET (self->attract));
  gtk_stack_remove (self->root_stack, GTK_WIDGET (self->shop));
  build_pages (self);
  if (attract_shown)
    gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->attract));
  gtk_stack_set_transition_type (self->root_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
}

static void
start_cb (AisleWindow *self)
{
  aisle_window_start (self);
}

static void
scanned_cb (AisleWindow *self,
            const char  *code)
{
  aisle_window_open_code (self, code);
}

static void
update_orientation (AisleWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  int width, height;

  if (surface == NULL)
    return;

  width = gdk_surface_get_width (surface);
  height = gdk_surface_get_height (surface);
  if (width > 0 && height > 0)
    aisle_shop_view_set_portrait (self->shop, height > width);
}

static void
surface_layout (AisleWindow *self)
{
  update_orientation (self);
}

static void
countdown_cb (AisleWindow *self,
              guint        remaining)
{
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->idle_revealer, remaining > 0);
  if (remaining == 0)
    return;
  text = g_strdup_printf (ngettext ("This kiosk starts over in %u second, and your list is cleared.",
                                    "This kiosk starts over in %u seconds, and your list is cleared.", remaining),
                          remaining);
  gtk_label_set_text (self->idle_label, text);
}

static void
expired_cb (AisleWindow *self)
{
  g_message ("Idle: the shopper's session ended");
  aisle_window_show_attract (self);
}

static void
still_here_cb (AisleWindow *self)
{
  aisle_kiosk_guard_poke (self->guard);
}

static void
focus_changed (AisleWindow *self)
{
  if (self->shop != NULL)
    aisle_shop_view_focus_changed (self->shop, gtk_root_get_focus (GTK_ROOT (self)));
}

static void
end_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  aisle_window_show_attract (AISLE_WINDOW (widget));
}

static void
build_pages (AisleWindow *self)
{
  self->attract = aisle_attract_page_new ();
  self->shop = aisle_shop_view_new (aisle_application_get_images (self->app), self->store, self->list);

  g_signal_connect_object (self->attract, "start", G_CALLBACK (start_cb), self, G_CONNECT_SWAPPED);
  {
    g_autofree char *kiosk_id = aisle_application_dup_kiosk_id (self->app);
    aisle_shop_view_set_ordering (self->shop, aisle_application_get_outbox (self->app),
                                  aisle_application_get_store_id (self->app), kiosk_id);
  }
  aisle_shop_view_set_printing (self->shop, aisle_application_get_print_queue (self->app),
                                aisle_application_get_auto_print (self->app));

  gtk_stack_add_named (self->root_stack, GTK_WIDGET (self->attract), "attract");
  gtk_stack_add_named (self->root_stack, GTK_WIDGET (self->shop), "shop");

  update_catalog (self);
  update_orientation (self);
}

void
aisle_window_retranslate (AisleWindow *self)
{
  g_autoptr(AisleShopState) state = NULL;
  gboolean shopping;

  g_return_if_fail (AISLE_IS_WINDOW (self));

  shopping = gtk_stack_get_visible_child (self->root_stack) == GTK_WIDGET (self->shop);
  state = aisle_shop_view_save_state (self->shop);

  gtk_stack_set_transition_type (self->root_stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_remove (self->root_stack, GTK_WIDGET (self->attract));
  gtk_stack_remove (self->root_stack, GTK_WIDGET (self->shop));
  build_pages (self);

  gtk_stack_set_visible_child (self->root_stack, shopping ? GTK_WIDGET (self->shop) : GTK_WIDGET (self->attract));
  aisle_shop_view_restore_state (self->shop, state);
  gtk_stack_set_transition_type (self->root_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
}

void
aisle_window_start (AisleWindow *self)
{
  g_return_if_fail (AISLE_IS_WINDOW (self));

  aisle_shop_view_show_home (self->shop);
  gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->shop));
  aisle_kiosk_guard_set_session (self->guard, TRUE);
}

void
aisle_window_show_attract (AisleWindow *self)
{
  g_return_if_fail (AISLE_IS_WINDOW (self));

  /* The shopper is gone: nothing of theirs stays for the next one. */
  aisle_shopping_list_clear (self->list);
  aisle_shop_view_reset (self->shop);
  gtk_revealer_set_reveal_child (self->idle_revealer, FALSE);
  aisle_kiosk_guard_set_session (self->guard, FALSE);
  gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->attract));
}

void
aisle_window_open_code (AisleWindow *self,
                        const char  *code)
{
  g_return_if_fail (AISLE_IS_WINDOW (self));
  g_return_if_fail (code != NULL);

  /* A scan works from any screen, the attract screen included. */
  gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->shop));
  aisle_kiosk_guard_set_session (self->guard, TRUE);
  aisle_shop_view_open_code (self->shop, code);
}

GtkWidget *
aisle_window_get_shop_view (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->shop);
}

GObject *
aisle_window_get_scanner (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return G_OBJECT (self->scanner);
}

static void
aisle_window_realize (GtkWidget *widget)
{
  AisleWindow *self = AISLE_WINDOW (widget);

  GTK_WIDGET_CLASS (aisle_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "layout",
                           G_CALLBACK (surface_layout), self, G_CONNECT_SWAPPED);
}

static void
aisle_window_dispose (GObject *object)
{
  AisleWindow *self = (AisleWindow *)object;

  g_clear_object (&self->scanner);
  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), AISLE_TYPE_WINDOW);

  G_OBJECT_CLASS (aisle_window_parent_class)->dispose (object);
}

static void
aisle_window_class_init (AisleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_window_dispose;
  widget_class->realize = aisle_window_realize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleWindow, root_stack);
  gtk_widget_class_bind_template_child (widget_class, AisleWindow, idle_revealer);
  gtk_widget_class_bind_template_child (widget_class, AisleWindow, idle_label);
  gtk_widget_class_bind_template_callback (widget_class, still_here_cb);
  gtk_widget_class_install_action (widget_class, "win.end-session", NULL, end_session_action);
}

static void
aisle_window_init (AisleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AisleWindow *
aisle_window_new (AisleApplication *app)
{
  AisleWindow *self;

  g_return_val_if_fail (AISLE_IS_APPLICATION (app), NULL);

  self = g_object_new (AISLE_TYPE_WINDOW,
                       "application", app,
                       NULL);
  self->app = app;
  self->list = aisle_shopping_list_new ();
  bind_store (self);
  g_signal_connect_object (app, "notify::store", G_CALLBACK (app_store_changed), self, G_CONNECT_SWAPPED);
  if (aisle_application_get_config (app) != NULL)
    g_signal_connect_object (aisle_application_get_config (app), "changed::auto-print",
                             G_CALLBACK (auto_print_changed), self, G_CONNECT_SWAPPED);

  build_pages (self);
  gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->attract));

  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed), NULL);

  self->guard = aisle_kiosk_guard_new (GTK_WINDOW (self), FALSE);
  g_signal_connect_object (self->guard, "countdown", G_CALLBACK (countdown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->guard, "expired", G_CALLBACK (expired_cb), self, G_CONNECT_SWAPPED);

  self->scanner = aisle_scanner_new (GTK_WIDGET (self));
  g_signal_connect_object (self->scanner, "scanned", G_CALLBACK (scanned_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/* The kiosk's lockdown and idle countdown, for the application and tests. */
GObject *
aisle_window_get_guard (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return G_OBJECT (self->guard);
}
