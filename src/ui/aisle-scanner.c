/* aisle-scanner.c: telling a USB barcode scanner from a person at a keyboard */
#define G_LOG_DOMAIN "aisle-scanner"

#include "config.h"

#include "aisle-scanner.h"

#define MAX_CODE_LENGTH 32

struct _AisleScanner
{
  GObject    parent_instance;
  GtkWidget *widget;        /* weak: the window whose keys we watch */
  GString   *buffer;
  guint32    last_time;
  guint      flush_source;
};

enum {
  SCANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleScanner, aisle_scanner, G_TYPE_OBJECT)

static void
aisle_scanner_dispose (GObject *object)
{
  AisleScanner *self = (AisleScanner *)object;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_weak_pointer (&self->widget);

  G_OBJECT_CLASS (aisle_scanner_parent_class)->dispose (object);
}

static void
aisle_scanner_finalize (GObject *object)
{
  AisleScanner *self = (AisleScanner *)object;

  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (aisle_scanner_parent_class)->finalize (object);
}

static void
aisle_scanner_class_init (AisleScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aisle_scanner_dispose;
  object_class->finalize = aisle_scanner_finalize;

  /**
   * AisleScanner::scanned:
   * @code: what the scanner read: digits, perhaps with dots or dashes
   */
  signals[SCANNED] =
    g_signal_new ("scanned",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
aisle_scanner_init (AisleScanner *self)
{
  self->buffer = g_string_new (NULL);
}

static GtkEditable *
focused_editable (AisleScanner *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (self->widget == NULL || !(root = gtk_widget_get_root (self->widget)))
    return NULL;

  focus = gtk_root_get_focus (root);
  return GTK_IS_EDITABLE (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus))
         ? GTK_EDITABLE (focus) : NULL;
}

void
aisle_scanner_flush (AisleScanner *self)
{
  GtkEditable *editable;

  g_return_if_fail (AISLE_IS_SCANNER (self));

  g_clear_handle_id (&self->flush_source, g_source_remove);

  if (self->buffer->len > 0 && (editable = focused_editable (self)) != NULL)
    {
      int start, end, pos;

      if (gtk_editable_get_selection_bounds (editable, &start, &end))
        gtk_editable_delete_text (editable, start, end);
      pos = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, self->buffer->str, self->buffer->len, &pos);
      gtk_editable_set_position (editable, pos);
    }

  g_string_truncate (self->buffer, 0);
}

static gboolean
flush_timeout (gpointer user_data)
{
  AisleScanner *self = user_data;

  self->flush_source = 0;
  aisle_scanner_flush (self);
  return G_SOURCE_REMOVE;
}

static char
code_char (guint keyval)
{
  guint32 c = gdk_keyval_to_unicode (keyval);

  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return '0' + (keyval - GDK_KEY_KP_0);
  if ((c >= '0' && c <= '9') || c == '.' || c == '-')
    return (char)c;
  return 0;
}

gboolean
aisle_scanner_feed (AisleScanner *self,
                    guint         keyval,
                    guint32       time_ms)
{
  gboolean fast;
  char c;

  g_return_val_if_fail (AISLE_IS_SCANNER (self), FALSE);

  fast = self->buffer->len > 0 && time_ms - self->last_time <= AISLE_SCANNER_MAX_GAP_MS;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      if (fast && self->buffer->len >= AISLE_SCANNER_MIN_LENGTH)
        {
          g_autofree char *code = g_strdup (self->buffer->str);

          g_clear_handle_id (&self->flush_source, g_source_remove);
          g_string_truncate (self->buffer, 0);
          g_signal_emit (self, signals[SCANNED], 0, code);
          return TRUE;
        }

      aisle_scanner_flush (self);
      return FALSE;
    }

  /* Only a digit may start a code; dots and dashes may follow. */
  c = code_char (keyval);
  if (c == 0 || (self->buffer->len == 0 && !g_ascii_isdigit (c)))
    {
      aisle_scanner_flush (self);
      return FALSE;
    }

  if (self->buffer->len > 0 && !fast)
    aisle_scanner_flush (self);

  if (self->buffer->len >= MAX_CODE_LENGTH)
    aisle_scanner_flush (self);

  g_string_append_c (self->buffer, c);
  self->last_time = time_ms;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  self->flush_source = g_timeout_add (AISLE_SCANNER_MAX_GAP_MS * 2, flush_timeout, self);

  return TRUE;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             gpointer               user_data)
{
  AisleScanner *self = user_data;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  return aisle_scanner_feed (self, keyval,
                             gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller)));
}

AisleScanner *
aisle_scanner_new (GtkWidget *widget)
{
  AisleScanner *self;
  GtkEventController *controller;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (AISLE_TYPE_SCANNER, NULL);
  g_set_weak_pointer (&self->widget, widget);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "aisle-scanner");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed), self, 0);
  gtk_widget_add_controller (widget, controller);

  return self;
}
