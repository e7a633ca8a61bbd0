/* aisle-window.c: the kiosk window: attract screen, shop view, barcode scanner, admin mode */
#define G_LOG_DOMAIN "aisle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-admin-entry.h"
#include "aisle-admin-view.h"
#include "aisle-attract-page.h"
#include "aisle-kiosk-guard.h"
#include "aisle-language.h"
#include "aisle-pin-pad.h"
#include "aisle-scanner.h"
#include "aisle-shop-view.h"
#include "aisle-window.h"

#define STAFF_TIMEOUT_S 180

typedef enum
{
  PIN_FIRST_RUN,   /* no PIN yet: choose one before anything else */
  PIN_UNLOCK,      /* into admin mode */
  PIN_CHANGE,      /* a new PIN, from admin mode */
} PinPurpose;

struct _AisleWindow
{
  AdwApplicationWindow  parent_instance;

  AisleServices        *services;
  AisleImageLoader     *images;
  AisleStore           *store;
  AisleScanner         *scanner;
  AisleSession         *session;   /* the shopper's */

  AisleKioskGuard      *guard;

  /* Admin mode: the PIN pad (made afresh each time it shows) and the staff
   * screens (made on the way in, dropped on the way out). */
  AisleAdminEntry      *admin_entry;
  AislePinGuard        *pin_guard;
  GtkWidget            *pin_page;
  AislePinPad          *pad;
  PinPurpose            pin_purpose;
  AisleAdminView       *admin;
  guint                 staff_tick_id;
  gint64                staff_last_input;
  guint                 staff_timeout_s;

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
  aisle_session_set_catalog (self->session, catalog, stock);
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
  AisleStore *store = aisle_services_get_store (self->services);

  if (store == self->store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (self->store, "notify::catalog", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::stock", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
}

static void build_pages (AisleWindow *self);

/* Every way the shopper goes (idle, staff, another store) ends here. */
static void
end_session (AisleWindow *self)
{
  aisle_session_end (self->session);
  aisle_shop_view_reset (self->shop);
}

/* Staff pointed the kiosk at another store: the pages start over on it. */
static void
app_store_changed (AisleWindow *self)
{
  gboolean attract_shown;

  if (aisle_services_get_store (self->services) == self->store)
    return;
  bind_store (self);

  attract_shown = gtk_stack_get_visible_child (self->root_stack) == GTK_WIDGET (self->attract);
  aisle_session_end (self->session);
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

/* "I ordered online" on the attract screen: the visit starts there. */
static void
collect_cb (AisleWindow *self)
{
  aisle_window_start (self);
  aisle_shop_view_show_collect (self->shop, NULL, NULL);
  aisle_shop_view_keep_focus (self->shop);
}

static gboolean
staff_shown (AisleWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->root_stack);

  return visible != NULL && (visible == self->pin_page || visible == GTK_WIDGET (self->admin));
}

static void
scanned_cb (AisleWindow *self,
            const char  *code)
{
  /* Staff at work are not shoppers: a scan does not leave admin mode. */
  if (staff_shown (self))
    return;
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
    {
      aisle_shop_view_set_portrait (self->shop, height > width);
      if (self->admin != NULL)
        aisle_admin_view_set_portrait (self->admin, height > width);
    }
}

static void
surface_layout (AisleWindow *self)
{
  update_orientation (self);
}

/* The "Still there?" card sits over the middle of every page: hidden, it
 * must be gone, not merely see-through, or it swallows the taps there. */
static void
show_idle_card (AisleWindow *self,
                gboolean     shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->idle_revealer), shown);
  gtk_revealer_set_reveal_child (self->idle_revealer, shown);
}

static void
countdown_cb (AisleWindow *self,
              guint        remaining)
{
  g_autofree char *text = NULL;

  show_idle_card (self, remaining > 0);
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
  if (self->admin != NULL)
    aisle_admin_view_focus_changed (self->admin, gtk_root_get_focus (GTK_ROOT (self)));
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
  self->shop = aisle_shop_view_new (self->images, self->store, self->session);

  g_signal_connect_object (self->attract, "start", G_CALLBACK (start_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attract, "collect", G_CALLBACK (collect_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_add_named (self->root_stack, GTK_WIDGET (self->attract), "attract");
  gtk_stack_add_named (self->root_stack, GTK_WIDGET (self->shop), "shop");

  update_catalog (self);
  update_orientation (self);
}

void
aisle_window_retranslate (AisleWindow *self)
{
  GtkWidget *staff_page = NULL;
  gboolean shopping;

  g_return_if_fail (AISLE_IS_WINDOW (self));

  aisle_session_set_language (self->session, aisle_language_get_current ());

  /* Staff offering another language stay where they are. */
  if (staff_shown (self))
    staff_page = gtk_stack_get_visible_child (self->root_stack);
  shopping = gtk_stack_get_visible_child (self->root_stack) == GTK_WIDGET (self->shop);

  gtk_stack_set_transition_type (self->root_stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_remove (self->root_stack, GTK_WIDGET (self->attract));
  gtk_stack_remove (self->root_stack, GTK_WIDGET (self->shop));
  build_pages (self);

  gtk_stack_set_visible_child (self->root_stack, shopping ? GTK_WIDGET (self->shop) : GTK_WIDGET (self->attract));
  aisle_shop_view_resume (self->shop);
  if (staff_page != NULL)
    gtk_stack_set_visible_child (self->root_stack, staff_page);
  gtk_stack_set_transition_type (self->root_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
}

void
aisle_window_start (AisleWindow *self)
{
  g_return_if_fail (AISLE_IS_WINDOW (self));

  aisle_shop_view_show_home (self->shop);
  gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->shop));
  aisle_shop_view_keep_focus (self->shop);
  aisle_kiosk_guard_set_session (self->guard, TRUE);
}

void
aisle_window_show_attract (AisleWindow *self)
{
  g_return_if_fail (AISLE_IS_WINDOW (self));

  /* The shopper is gone: nothing of theirs stays for the next one. */
  end_session (self);
  show_idle_card (self, FALSE);
  aisle_kiosk_guard_set_session (self->guard, FALSE);
  /* Whatever the way out of admin mode, the kiosk is locked down again. */
  aisle_kiosk_guard_set_admin (self->guard, FALSE);
  gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->attract));
  if (self->admin != NULL)
    {
      gtk_stack_remove (self->root_stack, GTK_WIDGET (self->admin));
      self->admin = NULL;
    }
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
  aisle_shop_view_keep_focus (self->shop);
}

GtkWidget *
aisle_window_get_shop_view (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->shop);
}

AisleSession *
aisle_window_get_session (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return self->session;
}

GObject *
aisle_window_get_scanner (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return G_OBJECT (self->scanner);
}

/* Admin mode */

static AisleConfig *
config_of (AisleWindow *self)
{
  return aisle_services_get_config (self->services);
}

static void show_pin (AisleWindow *self,
                      PinPurpose   purpose);

/* Staff walked away: admin mode (or the pad) times out to the attract
 * screen, so an unlocked kiosk is never left open. */
static gboolean
staff_tick (gpointer data)
{
  AisleWindow *self = data;
  gint64 idle_us = g_get_monotonic_time () - self->staff_last_input;

  if (!staff_shown (self) || (self->pad != NULL && self->pin_purpose == PIN_FIRST_RUN &&
                              gtk_stack_get_visible_child (self->root_stack) == self->pin_page))
    return G_SOURCE_CONTINUE;
  if (idle_us < (gint64)self->staff_timeout_s * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  g_message ("Admin mode timed out after %u s without input", self->staff_timeout_s);
  aisle_window_show_attract (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
staff_input (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             AisleWindow              *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
      self->staff_last_input = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
change_pin_requested (AisleWindow *self)
{
  show_pin (self, PIN_CHANGE);
}

static void
show_admin (AisleWindow *self)
{
  if (self->admin == NULL)
    {
      self->admin = AISLE_ADMIN_VIEW (aisle_admin_view_new (self->services));
      g_signal_connect_object (self->admin, "leave", G_CALLBACK (aisle_window_show_attract), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->admin, "change-pin", G_CALLBACK (change_pin_requested), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->root_stack, GTK_WIDGET (self->admin), "admin");
      update_orientation (self);
    }

  /* The shopper before is gone: nothing of theirs stays behind the staff. */
  end_session (self);
  show_idle_card (self, FALSE);
  aisle_kiosk_guard_set_session (self->guard, FALSE);
  aisle_kiosk_guard_set_admin (self->guard, TRUE);
  self->staff_last_input = g_get_monotonic_time ();
  gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->admin));
}

static void
pin_unlocked (AisleWindow *self)
{
  show_admin (self);
}

static void
pin_set (AisleWindow *self,
         const char  *hash)
{
  g_autoptr(GError) error = NULL;

  if (!aisle_config_set_string (config_of (self), "admin-pin-hash", hash, &error))
    {
      g_warning ("Cannot save the new admin PIN: %s", error->message);
      aisle_pin_pad_reset (self->pad);
      return;
    }
  g_message ("admin PIN saved");
  if (self->pin_purpose == PIN_CHANGE)
    show_admin (self);
  else
    aisle_window_show_attract (self);
}

static void
pin_cancelled (AisleWindow *self)
{
  switch (self->pin_purpose)
    {
    case PIN_FIRST_RUN:
      /* Nothing comes before the PIN on a new kiosk. */
      aisle_pin_pad_reset (self->pad);
      break;
    case PIN_CHANGE:
      show_admin (self);
      break;
    case PIN_UNLOCK:
    default:
      aisle_window_show_attract (self);
      break;
    }
}

static void
drop_pad (AisleWindow *self)
{
  if (self->pad == NULL)
    return;
  aisle_pin_pad_reset (self->pad);
  gtk_box_remove (GTK_BOX (self->pin_page), GTK_WIDGET (self->pad));
  self->pad = NULL;
}

static void
show_pin (AisleWindow *self,
          PinPurpose   purpose)
{
  g_autofree char *hash = aisle_config_get_string (config_of (self), "admin-pin-hash");

  /* A new pad each time: nothing typed before survives, and it speaks the
   * current language. The lockout lives on in the guard. */
  drop_pad (self);
  self->pin_purpose = purpose;
  self->pad = AISLE_PIN_PAD (aisle_pin_pad_new ());
  aisle_pin_pad_set_guard (self->pad, self->pin_guard);
  aisle_pin_pad_set_mode (self->pad, purpose == PIN_UNLOCK ? AISLE_PIN_PAD_MODE_VERIFY : AISLE_PIN_PAD_MODE_SETUP);
  if (purpose == PIN_UNLOCK)
    aisle_pin_pad_set_hash (self->pad, hash);
  else if (purpose == PIN_CHANGE)
    aisle_pin_pad_set_title (self->pad, _("Choose a new staff PIN"));
  else
    {
      aisle_pin_pad_set_title (self->pad, _("A new kiosk: choose a staff PIN"));
      aisle_pin_pad_set_can_cancel (self->pad, FALSE);
    }
  gtk_widget_set_halign (GTK_WIDGET (self->pad), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->pad), GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (GTK_WIDGET (self->pad), TRUE);
  g_signal_connect_object (self->pad, "unlocked", G_CALLBACK (pin_unlocked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pad, "pin-set", G_CALLBACK (pin_set), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pad, "cancel", G_CALLBACK (pin_cancelled), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->pin_page), GTK_WIDGET (self->pad));

  if (purpose != PIN_CHANGE)
    {
      end_session (self);
      show_idle_card (self, FALSE);
      aisle_kiosk_guard_set_session (self->guard, FALSE);
    }
  self->staff_last_input = g_get_monotonic_time ();
  gtk_stack_set_visible_child (self->root_stack, self->pin_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->pad));
}

/* Five taps in the corner, or Ctrl+Alt+Shift+A. */
static void
admin_requested (AisleWindow *self)
{
  if (config_of (self) == NULL || staff_shown (self))
    return;
  g_message ("admin PIN pad opened");
  show_pin (self, PIN_UNLOCK);
}

static void
admin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  admin_requested (AISLE_WINDOW (widget));
}

static void
visible_page_changed (AisleWindow *self)
{
  /* The pad is wiped whenever it is hidden. */
  if (gtk_stack_get_visible_child (self->root_stack) != self->pin_page)
    drop_pad (self);
  if (!staff_shown (self) && self->admin_entry != NULL)
    aisle_admin_entry_reset (self->admin_entry);
}

static void
setup_admin (AisleWindow *self)
{
  AisleConfig *config = config_of (self);
  GtkEventController *watch;
  g_autofree char *hash = NULL;

  self->staff_timeout_s = STAFF_TIMEOUT_S;
  self->pin_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->pin_page, "admin-pin-page");
  gtk_stack_add_named (self->root_stack, self->pin_page, "pin");
  g_signal_connect_object (self->root_stack, "notify::visible-child", G_CALLBACK (visible_page_changed), self,
                           G_CONNECT_SWAPPED);

  /* Without settings there is no PIN to check: no admin mode. */
  if (config == NULL)
    return;

  self->pin_guard = aisle_pin_guard_new (aisle_config_get_settings (config));
  self->admin_entry = aisle_admin_entry_new ();
  aisle_admin_entry_attach (self->admin_entry, GTK_WIDGET (self));
  g_signal_connect_object (self->admin_entry, "activated", G_CALLBACK (admin_requested), self, G_CONNECT_SWAPPED);

  watch = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (watch, GTK_PHASE_CAPTURE);
  g_signal_connect_object (watch, "event", G_CALLBACK (staff_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), watch);
  self->staff_tick_id = g_timeout_add_seconds (1, staff_tick, self);

  /* A new kiosk asks for a PIN before anything else (not when it only
   * measures how fast the home screen comes up). */
  hash = aisle_config_get_string (config, "admin-pin-hash");
  if ((hash == NULL || hash[0] == '\0') && !aisle_services_is_measuring (self->services))
    {
      g_message ("No admin PIN yet: asking for one first");
      show_pin (self, PIN_FIRST_RUN);
    }
}

/* The hidden entry, for tests: they tap it as a finger would. */
GObject *
aisle_window_get_admin_entry (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return G_OBJECT (self->admin_entry);
}

GtkWidget *
aisle_window_get_admin_view (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->admin);
}

GtkWidget *
aisle_window_get_pin_pad (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->pad);
}

void
aisle_window_set_staff_timeout (AisleWindow *self,
                                guint        seconds)
{
  g_return_if_fail (AISLE_IS_WINDOW (self));
  g_return_if_fail (seconds > 0);
  self->staff_timeout_s = seconds;
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

  g_clear_handle_id (&self->staff_tick_id, g_source_remove);
  g_clear_object (&self->scanner);
  g_clear_object (&self->admin_entry);
  g_clear_object (&self->pin_guard);
  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->images);
  g_clear_object (&self->services);
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
  gtk_widget_class_install_action (widget_class, "win.admin", NULL, admin_action);
  /* For staff with a keyboard; the lower-case trigger covers layouts
   * where Shift does not change the keyval GTK matches. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A, GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.admin", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.admin", NULL);
}

static void
aisle_window_init (AisleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AisleWindow *
aisle_window_new (GtkApplication   *app,
                  AisleServices    *services,
                  AisleImageLoader *images)
{
  AisleWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);
  g_return_val_if_fail (AISLE_IS_IMAGE_LOADER (images), NULL);

  self = g_object_new (AISLE_TYPE_WINDOW,
                       "application", app,
                       NULL);
  self->services = g_object_ref (services);
  self->images = g_object_ref (images);
  self->session = aisle_session_new (services, aisle_language_get_current ());
  bind_store (self);
  g_signal_connect_object (services, "notify::store", G_CALLBACK (app_store_changed), self, G_CONNECT_SWAPPED);

  build_pages (self);
  gtk_stack_set_visible_child (self->root_stack, GTK_WIDGET (self->attract));

  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed), NULL);

  self->guard = aisle_kiosk_guard_new (GTK_WINDOW (self), FALSE);
  g_signal_connect_object (self->guard, "countdown", G_CALLBACK (countdown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->guard, "expired", G_CALLBACK (expired_cb), self, G_CONNECT_SWAPPED);

  self->scanner = aisle_scanner_new (GTK_WIDGET (self));
  g_signal_connect_object (self->scanner, "scanned", G_CALLBACK (scanned_cb), self, G_CONNECT_SWAPPED);

  setup_admin (self);

  return self;
}

/* The kiosk's lockdown and idle countdown, for the application and tests. */
GObject *
aisle_window_get_guard (AisleWindow *self)
{
  g_return_val_if_fail (AISLE_IS_WINDOW (self), NULL);
  return G_OBJECT (self->guard);
}
