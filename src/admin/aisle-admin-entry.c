/* aisle-admin-entry.c: the hidden way into admin mode: five quick taps in the top-left corner */
#define G_LOG_DOMAIN "aisle-admin"

#include "config.h"

#include <string.h>

#include "aisle-admin-entry.h"

struct _AisleAdminEntry
{
  GObject  parent_instance;

  gint64   taps[AISLE_ADMIN_ENTRY_TAPS];  /* times of the taps counted, oldest first */
  guint    n_taps;
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleAdminEntry, aisle_admin_entry, G_TYPE_OBJECT)

static void
drop_oldest (AisleAdminEntry *self)
{
  g_assert (self->n_taps > 0);
  memmove (self->taps, self->taps + 1, (self->n_taps - 1) * sizeof self->taps[0]);
  self->n_taps--;
}

gboolean
aisle_admin_entry_tap (AisleAdminEntry *self,
                       double           x,
                       double           y,
                       gint64           time_us)
{
  g_return_val_if_fail (AISLE_IS_ADMIN_ENTRY (self), FALSE);

  if (x < 0 || y < 0 || x >= AISLE_ADMIN_ENTRY_CORNER_SIZE || y >= AISLE_ADMIN_ENTRY_CORNER_SIZE)
    {
      aisle_admin_entry_reset (self);
      return FALSE;
    }

  if (self->n_taps == AISLE_ADMIN_ENTRY_TAPS)
    drop_oldest (self);
  self->taps[self->n_taps++] = time_us;
  while (self->n_taps > 0 && time_us - self->taps[0] > AISLE_ADMIN_ENTRY_WINDOW_US)
    drop_oldest (self);

  if (self->n_taps < AISLE_ADMIN_ENTRY_TAPS)
    return FALSE;

  aisle_admin_entry_reset (self);
  g_signal_emit (self, signals[ACTIVATED], 0);
  return TRUE;
}

void
aisle_admin_entry_reset (AisleAdminEntry *self)
{
  g_return_if_fail (AISLE_IS_ADMIN_ENTRY (self));
  self->n_taps = 0;
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          AisleAdminEntry          *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y, dx = 0, dy = 0;

  if (type != GDK_BUTTON_PRESS && type != GDK_TOUCH_BEGIN)
    return GDK_EVENT_PROPAGATE;
  if (!gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  /* Surface coordinates: a window's may start before its content (shadows). */
  if (GTK_IS_NATIVE (widget))
    gtk_native_get_surface_transform (GTK_NATIVE (widget), &dx, &dy);
  aisle_admin_entry_tap (self, x - dx, y - dy, g_get_monotonic_time ());

  /* Only watching: the tap still reaches whatever is under the finger. */
  return GDK_EVENT_PROPAGATE;
}

void
aisle_admin_entry_attach (AisleAdminEntry *self,
                          GtkWidget       *widget)
{
  GtkEventController *controller;

  g_return_if_fail (AISLE_IS_ADMIN_ENTRY (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (controller, "aisle-admin-entry");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (event_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

static void
aisle_admin_entry_class_init (AisleAdminEntryClass *klass)
{
  /**
   * AisleAdminEntry::activated:
   *
   * Staff asked for admin mode: show the PIN pad.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aisle_admin_entry_init (AisleAdminEntry *self)
{
}

AisleAdminEntry *
aisle_admin_entry_new (void)
{
  return g_object_new (AISLE_TYPE_ADMIN_ENTRY, NULL);
}
