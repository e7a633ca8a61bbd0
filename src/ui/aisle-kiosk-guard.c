/* aisle-kiosk-guard.c: lockdown of the kiosk window, and the idle countdown
 *
 * Signals: "countdown" (guint seconds left; 0 when the shopper came back) and
 * "expired" (the session is over).
 */
#define G_LOG_DOMAIN "aisle-kiosk-guard"

#include "config.h"

#include "aisle-kiosk-guard.h"

struct _AisleKioskGuard
{
  GObject    parent_instance;

  GtkWindow *window;            /* not a reference: the window owns the guard */
  gboolean   keep_fullscreen;
  gboolean   admin;
  gboolean   session;
  guint      timeout_s;
  guint      countdown_s;
  gint64     last_input;        /* monotonic µs */
  guint      remaining;         /* 0: no countdown running */
  guint      tick_source;
};

G_DEFINE_FINAL_TYPE (AisleKioskGuard, aisle_kiosk_guard, G_TYPE_OBJECT)

enum {
  COUNTDOWN,
  EXPIRED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
aisle_kiosk_guard_refuses_key (AisleKioskGuard *self,
                               guint            keyval,
                               GdkModifierType  state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  g_return_val_if_fail (AISLE_IS_KIOSK_GUARD (self), FALSE);

  if (self->admin)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_F4:
      return (mods & GDK_ALT_MASK) != 0;
    case GDK_KEY_q: case GDK_KEY_Q:
    case GDK_KEY_w: case GDK_KEY_W:
      return (mods & GDK_CONTROL_MASK) != 0;
    case GDK_KEY_F11:
      return TRUE;
    /* Not Escape: it leaves no GTK window, and the controls that use it
     * (the PIN pad's Cancel, a popover) must get it. */
    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AisleKioskGuard       *self)
{
  /* Activity is noted by the event controller below, which sees every key too. */
  if (!aisle_kiosk_guard_refuses_key (self, keyval, state))
    return GDK_EVENT_PROPAGATE;
  g_debug ("Refused a key that would leave the kiosk");
  return GDK_EVENT_STOP;
}

static gboolean
any_event_cb (GtkEventControllerLegacy *controller,
              GdkEvent                 *event,
              AisleKioskGuard          *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
      aisle_kiosk_guard_poke (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
close_request_cb (GtkWindow       *window,
                  AisleKioskGuard *self)
{
  /* TRUE stops the close. */
  return !self->admin;
}

static void
fullscreened_cb (GtkWindow       *window,
                 GParamSpec      *pspec,
                 AisleKioskGuard *self)
{
  if (self->keep_fullscreen && !self->admin && !gtk_window_is_fullscreen (window))
    gtk_window_fullscreen (window);
}

static gboolean
tick_cb (gpointer data)
{
  AisleKioskGuard *self = data;
  gint64 idle_s;

  if (!self->session || self->admin || self->timeout_s == 0)
    return G_SOURCE_CONTINUE;

  idle_s = (g_get_monotonic_time () - self->last_input) / G_USEC_PER_SEC;
  if (idle_s < self->timeout_s)
    return G_SOURCE_CONTINUE;

  if (idle_s >= (gint64) self->timeout_s + self->countdown_s)
    {
      self->remaining = 0;
      self->session = FALSE;
      g_signal_emit (self, signals[EXPIRED], 0);
      return G_SOURCE_CONTINUE;
    }

  self->remaining = self->timeout_s + self->countdown_s - (guint) idle_s;
  g_signal_emit (self, signals[COUNTDOWN], 0, self->remaining);
  return G_SOURCE_CONTINUE;
}

static void
aisle_kiosk_guard_dispose (GObject *object)
{
  AisleKioskGuard *self = AISLE_KIOSK_GUARD (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  G_OBJECT_CLASS (aisle_kiosk_guard_parent_class)->dispose (object);
}

static void
aisle_kiosk_guard_class_init (AisleKioskGuardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aisle_kiosk_guard_dispose;

  signals[COUNTDOWN] = g_signal_new ("countdown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[EXPIRED] = g_signal_new ("expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aisle_kiosk_guard_init (AisleKioskGuard *self)
{
  self->timeout_s = 90;
  self->countdown_s = 15;
  self->last_input = g_get_monotonic_time ();
}

AisleKioskGuard *
aisle_kiosk_guard_new (GtkWindow *window,
                       gboolean   keep_fullscreen)
{
  AisleKioskGuard *self;
  GtkEventController *keys, *legacy;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  self = g_object_new (AISLE_TYPE_KIOSK_GUARD, NULL);
  self->window = window;
  self->keep_fullscreen = keep_fullscreen;

  /* Capture phase: the window sees these keys before any widget can act. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (any_event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), legacy);

  g_signal_connect_object (window, "close-request", G_CALLBACK (close_request_cb), self, 0);
  g_signal_connect_object (window, "notify::fullscreened", G_CALLBACK (fullscreened_cb), self, 0);
  self->tick_source = g_timeout_add_seconds (1, tick_cb, self);

  return self;
}

void
aisle_kiosk_guard_set_keep_fullscreen (AisleKioskGuard *self,
                                       gboolean         keep)
{
  g_return_if_fail (AISLE_IS_KIOSK_GUARD (self));
  self->keep_fullscreen = keep;
}

void
aisle_kiosk_guard_set_admin (AisleKioskGuard *self,
                             gboolean         admin)
{
  g_return_if_fail (AISLE_IS_KIOSK_GUARD (self));
  self->admin = admin;
  aisle_kiosk_guard_poke (self);
}

gboolean
aisle_kiosk_guard_get_admin (AisleKioskGuard *self)
{
  g_return_val_if_fail (AISLE_IS_KIOSK_GUARD (self), FALSE);
  return self->admin;
}

void
aisle_kiosk_guard_set_idle (AisleKioskGuard *self,
                            guint            timeout_s,
                            guint            countdown_s)
{
  g_return_if_fail (AISLE_IS_KIOSK_GUARD (self));
  self->timeout_s = timeout_s;
  self->countdown_s = countdown_s;
}

void
aisle_kiosk_guard_set_session (AisleKioskGuard *self,
                               gboolean         active)
{
  g_return_if_fail (AISLE_IS_KIOSK_GUARD (self));
  self->session = active;
  aisle_kiosk_guard_poke (self);
}

void
aisle_kiosk_guard_poke (AisleKioskGuard *self)
{
  g_return_if_fail (AISLE_IS_KIOSK_GUARD (self));

  self->last_input = g_get_monotonic_time ();
  if (self->remaining != 0)
    {
      self->remaining = 0;
      g_signal_emit (self, signals[COUNTDOWN], 0, 0u);
    }
}
