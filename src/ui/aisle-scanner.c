/* aisle-scanner.c: telling a USB barcode scanner from a person at a keyboard */
#define G_LOG_DOMAIN "aisle-scanner"

#include "config.h"

#include "aisle-scanner.h"

/* A 2D scanner types a QR code's text: a list link can be long. */
#define MAX_CODE_LENGTH 4096

/* Where the keys of the code being typed went. */
struct _AisleScanner
{
  GObject      parent_instance;
  GtkWidget   *widget;        /* weak: the window whose keys we watch */
  GString     *code;          /* the code so far, every key at scanner speed */
  guint32      last_time;
  guint        n_unhandled;   /* of its keys, those no control used */
  GtkEditable *field;         /* weak: the free-text field that had the focus */
  char        *field_text;    /* what that field held before the code began */
  int          field_position;
};

enum {
  SCANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleScanner, aisle_scanner, G_TYPE_OBJECT)

static void
forget_code (AisleScanner *self)
{
  g_string_truncate (self->code, 0);
  self->n_unhandled = 0;
  g_clear_weak_pointer (&self->field);
  g_clear_pointer (&self->field_text, g_free);
}

static void
aisle_scanner_dispose (GObject *object)
{
  AisleScanner *self = (AisleScanner *)object;

  forget_code (self);
  g_clear_weak_pointer (&self->widget);

  G_OBJECT_CLASS (aisle_scanner_parent_class)->dispose (object);
}

static void
aisle_scanner_finalize (GObject *object)
{
  AisleScanner *self = (AisleScanner *)object;

  g_string_free (self->code, TRUE);

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
  self->code = g_string_new (NULL);
}

/* A field where a code typed fast is not a scan: it asks for digits. */
static gboolean
asks_for_digits (GtkWidget *focus)
{
  GtkInputPurpose purpose;

  if (gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) != NULL || !GTK_IS_TEXT (focus))
    return TRUE;
  purpose = gtk_text_get_input_purpose (GTK_TEXT (focus));
  return purpose == GTK_INPUT_PURPOSE_DIGITS || purpose == GTK_INPUT_PURPOSE_NUMBER ||
         purpose == GTK_INPUT_PURPOSE_PHONE || purpose == GTK_INPUT_PURPOSE_PIN;
}

/* The code's first key: remember what a free-text field with the focus
 * holds, to give it back if the code turns out to be a scan. */
static void
start_code (AisleScanner *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (self->widget == NULL || (root = gtk_widget_get_root (self->widget)) == NULL)
    return;
  focus = gtk_root_get_focus (root);
  if (focus == NULL || !GTK_IS_EDITABLE (focus) || !gtk_editable_get_editable (GTK_EDITABLE (focus)) ||
      asks_for_digits (focus))
    return;

  g_set_weak_pointer (&self->field, GTK_EDITABLE (focus));
  self->field_text = g_strdup (gtk_editable_get_text (self->field));
  self->field_position = gtk_editable_get_position (self->field);
}

static gboolean
take_scan (AisleScanner *self)
{
  g_autofree char *code = NULL;
  gboolean into_field;

  if (self->code->len < AISLE_SCANNER_MIN_LENGTH)
    return FALSE;

  into_field = self->n_unhandled < self->code->len;
  if (into_field && self->field == NULL)
    return FALSE;   /* a control that asks for digits took them */

  if (into_field)
    {
      gtk_editable_set_text (self->field, self->field_text);
      gtk_editable_set_position (self->field, self->field_position);
    }
  code = g_strdup (self->code->str);
  forget_code (self);
  g_signal_emit (self, signals[SCANNED], 0, code);
  return TRUE;
}

/* What a scanner types: a barcode's digits, dots and dashes, or a QR
 * code's text (a link: printable ASCII, no spaces). */
static char
code_char (guint keyval)
{
  guint32 c = gdk_keyval_to_unicode (keyval);

  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return '0' + (keyval - GDK_KEY_KP_0);
  if (c > ' ' && c < 0x7f)
    return (char)c;
  return 0;
}

/* Shift and friends come between a scanner's keys (':' is Shift+;): they
 * are part of the typing, not a key of the code. */
static gboolean
is_modifier (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Shift_L:
    case GDK_KEY_Shift_R:
    case GDK_KEY_Shift_Lock:
    case GDK_KEY_Caps_Lock:
    case GDK_KEY_ISO_Level3_Shift:
    case GDK_KEY_ISO_Level5_Shift:
    case GDK_KEY_Mode_switch:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
aisle_scanner_key_pressed (AisleScanner *self,
                           guint         keyval,
                           guint32       time_ms)
{
  gboolean fast;
  char c;

  g_return_val_if_fail (AISLE_IS_SCANNER (self), FALSE);

  if (is_modifier (keyval))
    return FALSE;

  fast = self->code->len > 0 && time_ms - self->last_time <= AISLE_SCANNER_MAX_GAP_MS;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      gboolean taken = fast && take_scan (self);

      forget_code (self);
      return taken;
    }

  /* A barcode starts with a digit, a link with a letter; anything may
   * follow at scanner speed. */
  c = code_char (keyval);
  if (c == 0 || (!fast && !g_ascii_isalnum (c)) || self->code->len >= MAX_CODE_LENGTH)
    {
      forget_code (self);
      return FALSE;
    }

  if (!fast)
    {
      forget_code (self);
      start_code (self);
    }
  g_string_append_c (self->code, c);
  self->last_time = time_ms;
  return FALSE;
}

void
aisle_scanner_key_unhandled (AisleScanner *self,
                             guint         keyval)
{
  g_return_if_fail (AISLE_IS_SCANNER (self));

  if (self->code->len > self->n_unhandled && code_char (keyval) != 0)
    self->n_unhandled++;
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
    {
      forget_code (self);
      return FALSE;
    }

  return aisle_scanner_key_pressed (self, keyval,
                                    gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
key_unhandled (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               gpointer               user_data)
{
  aisle_scanner_key_unhandled (user_data, keyval);
  return FALSE;
}

AisleScanner *
aisle_scanner_new (GtkWidget *widget)
{
  AisleScanner *self;
  GtkEventController *down, *up;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (AISLE_TYPE_SCANNER, NULL);
  g_set_weak_pointer (&self->widget, widget);

  down = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (down, "aisle-scanner");
  gtk_event_controller_set_propagation_phase (down, GTK_PHASE_CAPTURE);
  g_signal_connect_object (down, "key-pressed", G_CALLBACK (key_pressed), self, 0);
  gtk_widget_add_controller (widget, down);

  up = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (up, "aisle-scanner-unhandled");
  gtk_event_controller_set_propagation_phase (up, GTK_PHASE_BUBBLE);
  g_signal_connect_object (up, "key-pressed", G_CALLBACK (key_unhandled), self, 0);
  gtk_widget_add_controller (widget, up);

  return self;
}
