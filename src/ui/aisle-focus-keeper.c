/* aisle-focus-keeper.c: the keyboard focus and the on-screen keyboard of a view
 *
 * After a page changes, or when the focused control goes away (a list row
 * rebuilt, a form step left), the focus moves to the page's first control.
 * The on-screen keyboard comes up when a finger taps a field, not when Tab
 * passes through one, and goes away when Tab leaves the fields.
 */
#define G_LOG_DOMAIN "aisle-shop"

#include "config.h"

#include "aisle-focus-keeper.h"
#include "aisle-language.h"
#include "aisle-widget-util.h"

struct _AisleFocusKeeper
{
  GObject        parent_instance;

  GtkWidget     *view;       /* not references: the view owns them and us */
  GtkStack      *pages;
  GtkWidget     *fallback;
  GtkRevealer   *revealer;
  AisleKeyboard *keyboard;

  gboolean       typing;     /* the last input was a key, not a finger */
  gboolean       moving_focus;
  guint          focus_source;
};

G_DEFINE_FINAL_TYPE (AisleFocusKeeper, aisle_focus_keeper, G_TYPE_OBJECT)

static GtkWidget *
focus_of (AisleFocusKeeper *self)
{
  GtkRoot *root = gtk_widget_get_root (self->view);

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

static gboolean
focus_is_lost (AisleFocusKeeper *self,
               GtkWidget        *page)
{
  GtkWidget *focus = focus_of (self);

  if (focus == NULL || !gtk_widget_get_focusable (focus))
    return TRUE;
  if (!gtk_widget_is_ancestor (focus, self->view))
    return FALSE;   /* the idle card, staff screens: not ours */
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pages)))
    return !gtk_widget_is_ancestor (focus, page) || !gtk_widget_get_visible (focus);
  return !gtk_widget_get_mapped (focus);
}

static void
keep_focus (AisleFocusKeeper *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (page == NULL || gtk_widget_get_root (self->view) == NULL || !gtk_widget_get_visible (self->view) ||
      !gtk_widget_get_child_visible (self->view) || !focus_is_lost (self, page))
    return;

  self->moving_focus = TRUE;
  if (!gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (self->fallback);
  self->moving_focus = FALSE;
}

static gboolean
keep_focus_idle (gpointer data)
{
  AisleFocusKeeper *self = data;

  self->focus_source = 0;
  keep_focus (self);
  return G_SOURCE_REMOVE;
}

/* After GTK has laid the new page out (an idle below the redraw's
 * priority): Tab's order follows where controls are, and a page just
 * shown has not been placed yet. */
static void
keep_focus_later (AisleFocusKeeper *self)
{
  if (self->focus_source == 0)
    self->focus_source = g_idle_add (keep_focus_idle, self);
}

void
aisle_focus_keeper_keep_later (AisleFocusKeeper *self)
{
  g_return_if_fail (AISLE_IS_FOCUS_KEEPER (self));
  keep_focus_later (self);
}

static GtkWidget *
editable_of (GtkWidget *widget)
{
  GtkWidget *editable = NULL;

  for (GtkWidget *w = widget; w != NULL && GTK_IS_EDITABLE (w); w = gtk_widget_get_parent (w))
    editable = w;
  return editable;
}

static void
show_keyboard_for (AisleFocusKeeper *self,
                   GtkWidget        *editable)
{
  aisle_keyboard_set_target (self->keyboard, GTK_EDITABLE (editable));
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
aisle_focus_keeper_focus_changed (AisleFocusKeeper *self,
                               GtkWidget        *focus)
{
  GtkWidget *editable;

  g_return_if_fail (AISLE_IS_FOCUS_KEEPER (self));

  /* The focused control went away: find the page's first one once GTK has
   * finished taking it away. */
  if (focus == NULL)
    {
      keep_focus_later (self);
      return;
    }

  editable = editable_of (focus);
  if (editable != NULL && (editable == self->fallback ||
                           gtk_widget_is_ancestor (editable, GTK_WIDGET (self->pages))))
    {
      /* Typed keys or the on-screen ones go to the focused field. */
      aisle_keyboard_set_target (self->keyboard, GTK_EDITABLE (editable));
      if (!self->typing && !self->moving_focus)
        show_keyboard_for (self, editable);
    }
  else if (self->typing && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->revealer)))
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

/* A tap on the field that already has the focus brings the keyboard back
 * after Enter put it away. */
static void
tapped (AisleFocusKeeper *self,
        GdkEvent         *event)
{
  GtkNative *native = gtk_widget_get_native (self->view);
  GtkWidget *editable = editable_of (focus_of (self));
  GtkWidget *picked;
  double x, y, nx, ny;

  if (editable == NULL || native == NULL || !gdk_event_get_position (event, &x, &y))
    return;
  gtk_native_get_surface_transform (native, &nx, &ny);
  picked = gtk_widget_pick (GTK_WIDGET (native), x - nx, y - ny, GTK_PICK_DEFAULT);
  if (picked != NULL && (picked == editable || gtk_widget_is_ancestor (picked, editable)))
    aisle_focus_keeper_focus_changed (self, focus_of (self));
}

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          AisleFocusKeeper         *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
      self->typing = TRUE;
      break;
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      self->typing = FALSE;
      break;
    case GDK_BUTTON_RELEASE:
    case GDK_TOUCH_END:
      tapped (self, event);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
aisle_focus_keeper_dispose (GObject *object)
{
  AisleFocusKeeper *self = (AisleFocusKeeper *)object;

  g_clear_handle_id (&self->focus_source, g_source_remove);

  G_OBJECT_CLASS (aisle_focus_keeper_parent_class)->dispose (object);
}

static void
aisle_focus_keeper_class_init (AisleFocusKeeperClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aisle_focus_keeper_dispose;
}

static void
aisle_focus_keeper_init (AisleFocusKeeper *self)
{
}

/* A hidden keyboard is not laid out at all, not even at start-up: its tray
 * is visible only while it shows or slides. */
static void
reveal_changed (AisleFocusKeeper *self)
{
  gboolean shown = gtk_revealer_get_reveal_child (self->revealer) ||
                   gtk_revealer_get_child_revealed (self->revealer);
  GtkWidget *focus;

  gtk_widget_set_visible (gtk_revealer_get_child (self->revealer), shown);
  /* The keyboard took the lower part of the page: the field being typed
   * into must not be under it, once the page has its new height. */
  if (gtk_revealer_get_child_revealed (self->revealer) && (focus = focus_of (self)) != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pages)))
    aisle_widget_scroll_into_view_later (focus);
}

AisleFocusKeeper *
aisle_focus_keeper_new (GtkWidget     *view,
                        GtkStack      *pages,
                        GtkWidget     *fallback,
                        GtkRevealer   *revealer,
                        AisleKeyboard *keyboard)
{
  AisleFocusKeeper *self;
  GtkEventController *input;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);
  g_return_val_if_fail (GTK_IS_STACK (pages), NULL);

  self = g_object_new (AISLE_TYPE_FOCUS_KEEPER, NULL);
  self->view = view;
  self->pages = pages;
  self->fallback = fallback;
  self->revealer = revealer;
  self->keyboard = keyboard;
  g_signal_connect_object (revealer, "notify::reveal-child", G_CALLBACK (reveal_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (revealer, "notify::child-revealed", G_CALLBACK (reveal_changed), self, G_CONNECT_SWAPPED);
  reveal_changed (self);
  aisle_focus_keeper_reset (self);

  input = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect_object (input, "event", G_CALLBACK (input_cb), self, 0);
  gtk_widget_add_controller (view, input);
  return self;
}

void
aisle_focus_keeper_hide_keyboard (AisleFocusKeeper *self)
{
  g_return_if_fail (AISLE_IS_FOCUS_KEEPER (self));
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

void
aisle_focus_keeper_reset (AisleFocusKeeper *self)
{
  g_return_if_fail (AISLE_IS_FOCUS_KEEPER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  aisle_keyboard_set_target (self->keyboard, GTK_EDITABLE (self->fallback));
  aisle_keyboard_set_layout (self->keyboard, aisle_language_get_current_code ());
}
