/* aisle-pin-pad.c: typing, checking and choosing the staff PIN on the touch screen
 *
 * Typed digits live only in a fixed buffer in the widget, wiped with
 * sodium_memzero() as soon as they are handed to a check or a hash, and
 * never reach a label: the screen shows one dot per digit.
 */
#define G_LOG_DOMAIN "aisle-pin-pad"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "aisle-pin.h"
#include "aisle-pin-pad.h"
#include "aisle-widget-util.h"

/* A fingertip on a store's touch screen; the stylesheet makes keys bigger. */
#define KEY_MIN_SIZE 72

#define DOT "●"

struct _AislePinPad
{
  GtkWidget        parent_instance;

  GtkLabel        *title_label;
  GtkLabel        *dots_label;
  GtkLabel        *message_label;
  GtkGrid         *keys;
  GtkWidget       *cancel_button;

  AislePinPadMode  mode;
  char            *title;
  char            *hash;
  AislePinGuard   *guard;

  char             typed[AISLE_PIN_MAX_LENGTH + 1];
  gsize            n_typed;
  /* SETUP: the first entry, waiting to be typed again. */
  char             first[AISLE_PIN_MAX_LENGTH + 1];
  gsize            n_first;
  gboolean         confirming;

  gboolean         busy;
  /* Bumped by reset and dispose: a check that finishes later is stale. */
  guint            generation;
  guint            countdown_id;
};

G_DEFINE_FINAL_TYPE (AislePinPad, aisle_pin_pad, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (AislePinPadMode, aisle_pin_pad_mode,
                    G_DEFINE_ENUM_VALUE (AISLE_PIN_PAD_MODE_VERIFY, "verify"),
                    G_DEFINE_ENUM_VALUE (AISLE_PIN_PAD_MODE_SETUP, "setup"))

enum {
  PROP_0,
  PROP_MODE,
  PROP_TITLE,
  PROP_GUARD,
  N_PROPS
};

enum {
  UNLOCKED,
  PIN_SET,
  CANCEL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  MESSAGE_PLAIN,
  MESSAGE_ERROR,
  MESSAGE_LOCKED,
} MessageKind;

/* One check or hash on its way: the pad and guard it started with. */
typedef struct
{
  AislePinPad   *pad;
  AislePinGuard *guard;
  guint          generation;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->pad);
  g_clear_object (&pending->guard);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static Pending *
pending_new (AislePinPad *self)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->pad = g_object_ref (self);
  pending->guard = g_object_ref (self->guard);
  pending->generation = self->generation;
  return pending;
}

static const char *
default_title (AislePinPadMode mode)
{
  return mode == AISLE_PIN_PAD_MODE_SETUP ? _("Choose a staff PIN") : _("Enter the staff PIN");
}

static gboolean
is_locked (AislePinPad *self)
{
  return self->mode == AISLE_PIN_PAD_MODE_VERIFY && aisle_pin_guard_is_locked (self->guard);
}

static void
set_message (AislePinPad *self,
             const char  *text,
             MessageKind  kind)
{
  GtkWidget *label = GTK_WIDGET (self->message_label);

  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  if (kind == MESSAGE_ERROR)
    gtk_widget_add_css_class (label, "pin-error");
  else
    gtk_widget_remove_css_class (label, "pin-error");
  if (kind == MESSAGE_LOCKED)
    gtk_widget_add_css_class (label, "pin-locked");
  else
    gtk_widget_remove_css_class (label, "pin-locked");
}

static void
update_title (AislePinPad *self)
{
  gtk_label_set_text (self->title_label, self->confirming ? _("Enter it again") : self->title);
}

static void
update_dots (AislePinPad *self)
{
  g_autoptr(GString) dots = g_string_new (NULL);
  g_autofree char *description = NULL;

  for (gsize i = 0; i < self->n_typed; i++)
    g_string_append (dots, DOT);
  gtk_label_set_text (self->dots_label, dots->str);

  /* A screen reader says how many, as the dots show; never which. */
  if (self->n_typed == 0)
    description = g_strdup (_("No digits typed"));
  else
    description = g_strdup_printf (ngettext ("%u digit typed", "%u digits typed", self->n_typed),
                                   (guint)self->n_typed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dots_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
update_sensitivity (AislePinPad *self)
{
  gboolean open = !self->busy && !is_locked (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.digit", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.erase", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.submit", open);
}

static void
wipe_typed (AislePinPad *self)
{
  sodium_memzero (self->typed, sizeof self->typed);
  self->n_typed = 0;
  update_dots (self);
}

static void
wipe_first (AislePinPad *self)
{
  sodium_memzero (self->first, sizeof self->first);
  self->n_first = 0;
  self->confirming = FALSE;
  update_title (self);
}

static char *
format_lock (AislePinPad *self)
{
  gint64 remaining = aisle_pin_guard_get_remaining (self->guard);
  guint seconds = (remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  /* Translators: minutes and seconds until the PIN pad opens, as in 0:27 */
  return g_strdup_printf (_("Locked. Try again in %u:%02u"), seconds / 60, seconds % 60);
}

static gboolean
countdown_tick (gpointer user_data)
{
  AislePinPad *self = user_data;
  g_autofree char *text = NULL;

  if (!is_locked (self))
    {
      self->countdown_id = 0;
      set_message (self, NULL, MESSAGE_PLAIN);
      update_sensitivity (self);
      return G_SOURCE_REMOVE;
    }

  text = format_lock (self);
  set_message (self, text, MESSAGE_LOCKED);
  return G_SOURCE_CONTINUE;
}

/* Shows the lock and starts its countdown, or ends both. */
static void
update_lock (AislePinPad *self)
{
  if (is_locked (self))
    {
      g_autofree char *text = format_lock (self);

      wipe_typed (self);
      set_message (self, text, MESSAGE_LOCKED);
      if (self->countdown_id == 0)
        self->countdown_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 1000, countdown_tick, self, NULL);
    }
  else if (self->countdown_id != 0)
    {
      g_clear_handle_id (&self->countdown_id, g_source_remove);
      set_message (self, NULL, MESSAGE_PLAIN);
    }

  update_sensitivity (self);
}

static void
type_digit (AislePinPad *self,
            char         digit)
{
  if (self->busy || is_locked (self))
    return;

  if (self->n_typed >= AISLE_PIN_MAX_LENGTH)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->typed[self->n_typed++] = digit;
  update_dots (self);
}

static void
erase_digit (AislePinPad *self)
{
  if (self->busy || is_locked (self) || self->n_typed == 0)
    return;

  self->typed[--self->n_typed] = '\0';
  update_dots (self);
}

static void
set_busy (AislePinPad *self,
          gboolean     busy)
{
  self->busy = busy;
  update_sensitivity (self);
}

static void
verify_done (GObject      *source G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  AislePinPad *self = pending->pad;
  g_autoptr(GError) error = NULL;
  gboolean ok = aisle_pin_verify_finish (result, &error);
  gboolean counted = FALSE;
  guint tries_left;
  g_autofree char *text = NULL;

  /* Recorded even when the pad was reset meanwhile: Cancel must not be a
   * way to try PINs without counting. A check that ends after the pad
   * locked is not counted, and does not open it even if right. */
  if (error == NULL)
    counted = aisle_pin_guard_record (pending->guard, ok);

  if (pending->generation != self->generation)
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_warning ("Cannot check the admin PIN: %s", error->message);
      set_message (self, _("The staff PIN cannot be checked on this kiosk. Ask your administrator."),
                   MESSAGE_ERROR);
      return;
    }
  if (ok && counted)
    {
      set_message (self, NULL, MESSAGE_PLAIN);
      g_signal_emit (self, signals[UNLOCKED], 0);
      return;
    }
  if (is_locked (self))
    {
      update_lock (self);
      return;
    }

  tries_left = aisle_pin_guard_get_tries_left (self->guard);
  text = g_strdup_printf (ngettext ("Wrong PIN. %u more try before the pad locks.",
                                    "Wrong PIN. %u more tries before the pad locks.", tries_left),
                          tries_left);
  set_message (self, text, MESSAGE_ERROR);
}

static void
submit_verify (AislePinPad *self)
{
  if (self->hash == NULL || self->hash[0] == '\0')
    {
      wipe_typed (self);
      set_message (self, _("No staff PIN is set on this kiosk yet."), MESSAGE_ERROR);
      return;
    }

  set_busy (self, TRUE);
  set_message (self, _("Checking…"), MESSAGE_PLAIN);
  /* The call copies the PIN: the pad's copy goes at once. */
  aisle_pin_verify_async (self->typed, self->hash, NULL, verify_done, pending_new (self));
  wipe_typed (self);
}

static void
hash_done (GObject      *source G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  AislePinPad *self = pending->pad;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = aisle_pin_hash_finish (result, &error);

  if (pending->generation != self->generation)
    return;

  set_busy (self, FALSE);
  if (hash == NULL)
    {
      g_warning ("Cannot hash the new admin PIN: %s", error->message);
      set_message (self, error->message, MESSAGE_ERROR);
      return;
    }

  g_message ("admin PIN chosen");
  set_message (self, NULL, MESSAGE_PLAIN);
  g_signal_emit (self, signals[PIN_SET], 0, hash);
}

static void
submit_setup (AislePinPad *self)
{
  g_autofree char *message = NULL;

  if (!self->confirming)
    {
      if (!aisle_pin_is_acceptable (self->typed, &message))
        {
          wipe_typed (self);
          set_message (self, message, MESSAGE_ERROR);
          return;
        }

      memcpy (self->first, self->typed, sizeof self->first);
      self->n_first = self->n_typed;
      self->confirming = TRUE;
      wipe_typed (self);
      update_title (self);
      set_message (self, NULL, MESSAGE_PLAIN);
      return;
    }

  if (self->n_typed != self->n_first || sodium_memcmp (self->typed, self->first, self->n_first) != 0)
    {
      wipe_typed (self);
      wipe_first (self);
      set_message (self, _("The two PINs were different. Choose a PIN again."), MESSAGE_ERROR);
      return;
    }

  set_busy (self, TRUE);
  set_message (self, _("Saving…"), MESSAGE_PLAIN);
  aisle_pin_hash_async (self->first, NULL, hash_done, pending_new (self));
  wipe_typed (self);
  wipe_first (self);
}

static void
submit (AislePinPad *self)
{
  if (self->busy || is_locked (self) || self->n_typed == 0)
    return;

  if (self->mode == AISLE_PIN_PAD_MODE_SETUP)
    submit_setup (self);
  else
    submit_verify (self);
}

static void
pin_digit (GtkWidget  *widget,
           const char *action_name G_GNUC_UNUSED,
           GVariant   *parameter)
{
  const char *digit = g_variant_get_string (parameter, NULL);

  if (g_ascii_isdigit (digit[0]) && digit[1] == '\0')
    type_digit (AISLE_PIN_PAD (widget), digit[0]);
}

static void
pin_erase (GtkWidget  *widget,
           const char *action_name G_GNUC_UNUSED,
           GVariant   *parameter G_GNUC_UNUSED)
{
  erase_digit (AISLE_PIN_PAD (widget));
}

static void
pin_submit (GtkWidget  *widget,
            const char *action_name G_GNUC_UNUSED,
            GVariant   *parameter G_GNUC_UNUSED)
{
  submit (AISLE_PIN_PAD (widget));
}

static void
pin_cancel (GtkWidget  *widget,
            const char *action_name G_GNUC_UNUSED,
            GVariant   *parameter G_GNUC_UNUSED)
{
  g_signal_emit (widget, signals[CANCEL], 0);
}

static int
digit_for_keyval (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  return -1;
}

/* Return on a focused key of the pad presses that key, as on any button
 * (a digit types it); with the focus on the pad itself it means OK. */
static gboolean
focus_takes_return (AislePinPad *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && focus != GTK_WIDGET (self) && GTK_IS_BUTTON (focus) &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

/* In the capture phase, so typed digits reach the pad whichever of its keys
 * has the keyboard focus. */
static gboolean
key_pressed (GtkEventControllerKey *controller G_GNUC_UNUSED,
             guint                  keyval,
             guint                  keycode G_GNUC_UNUSED,
             GdkModifierType        state,
             AislePinPad           *self)
{
  int digit = digit_for_keyval (keyval);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  if (digit >= 0)
    {
      type_digit (self, '0' + digit);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_BackSpace:
      erase_digit (self);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (focus_takes_return (self))
        return FALSE;
      submit (self);
      return TRUE;

    case GDK_KEY_Escape:
      if (gtk_widget_get_visible (self->cancel_button))
        g_signal_emit (self, signals[CANCEL], 0);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
guard_changed (AislePinPad *self)
{
  update_lock (self);
}

static void
disconnect_guard (AislePinPad *self)
{
  if (self->guard != NULL)
    g_signal_handlers_disconnect_by_func (self->guard, guard_changed, self);
  g_clear_object (&self->guard);
}

/* Sizes and names every key from what its action is, so the .ui lists keys
 * only once. */
static void
set_up_keys (AislePinPad *self)
{
  for (GtkWidget *key = gtk_widget_get_first_child (GTK_WIDGET (self->keys));
       key != NULL;
       key = gtk_widget_get_next_sibling (key))
    {
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (key));
      const char *label = gtk_button_get_label (GTK_BUTTON (key));

      gtk_widget_set_size_request (key, KEY_MIN_SIZE, KEY_MIN_SIZE);
      gtk_widget_set_focus_on_click (key, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (key),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      if (g_strcmp0 (action, "pin.erase") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (key),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Erases the last digit"),
                                        -1);
    }

  gtk_widget_set_size_request (self->cancel_button, KEY_MIN_SIZE, KEY_MIN_SIZE);
  gtk_widget_set_focus_on_click (self->cancel_button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_button_get_label (GTK_BUTTON (self->cancel_button)),
                                  -1);
}

static void
aisle_pin_pad_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (aisle_pin_pad_parent_class)->map (widget);

  /* Staff with a keyboard type straight away. */
  gtk_widget_grab_focus (widget);
  update_lock (AISLE_PIN_PAD (widget));
}

static void
aisle_pin_pad_dispose (GObject *object)
{
  AislePinPad *self = AISLE_PIN_PAD (object);

  self->generation++;
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  sodium_memzero (self->typed, sizeof self->typed);
  sodium_memzero (self->first, sizeof self->first);
  disconnect_guard (self);
  aisle_widget_dispose_children (GTK_WIDGET (self), AISLE_TYPE_PIN_PAD);

  G_OBJECT_CLASS (aisle_pin_pad_parent_class)->dispose (object);
}

static void
aisle_pin_pad_finalize (GObject *object)
{
  AislePinPad *self = AISLE_PIN_PAD (object);

  g_free (self->title);
  g_free (self->hash);

  G_OBJECT_CLASS (aisle_pin_pad_parent_class)->finalize (object);
}

static void
aisle_pin_pad_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AislePinPad *self = AISLE_PIN_PAD (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_GUARD:
      g_value_set_object (value, self->guard);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_pin_pad_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AislePinPad *self = AISLE_PIN_PAD (object);

  switch (prop_id)
    {
    case PROP_MODE:
      aisle_pin_pad_set_mode (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      aisle_pin_pad_set_title (self, g_value_get_string (value));
      break;

    case PROP_GUARD:
      aisle_pin_pad_set_guard (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_pin_pad_class_init (AislePinPadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_pin_pad_dispose;
  object_class->finalize = aisle_pin_pad_finalize;
  object_class->get_property = aisle_pin_pad_get_property;
  object_class->set_property = aisle_pin_pad_set_property;
  widget_class->map = aisle_pin_pad_map;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", "Mode", "Checking the PIN or choosing one",
                       AISLE_TYPE_PIN_PAD_MODE, AISLE_PIN_PAD_MODE_VERIFY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", "Title", "What the pad asks for",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_GUARD] =
    g_param_spec_object ("guard", "Guard", "The lockout after wrong PINs",
                         AISLE_TYPE_PIN_GUARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AislePinPad::pin-set:
   * @hash: the new PIN's argon2id hash string, for "admin-pin-hash"
   */
  signals[PIN_SET] =
    g_signal_new ("pin-set", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  signals[CANCEL] =
    g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "pin.digit", "s", pin_digit);
  gtk_widget_class_install_action (widget_class, "pin.erase", NULL, pin_erase);
  gtk_widget_class_install_action (widget_class, "pin.submit", NULL, pin_submit);
  gtk_widget_class_install_action (widget_class, "pin.cancel", NULL, pin_cancel);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-pin-pad.ui");
  gtk_widget_class_bind_template_child (widget_class, AislePinPad, title_label);
  gtk_widget_class_bind_template_child (widget_class, AislePinPad, dots_label);
  gtk_widget_class_bind_template_child (widget_class, AislePinPad, message_label);
  gtk_widget_class_bind_template_child (widget_class, AislePinPad, keys);
  gtk_widget_class_bind_template_child (widget_class, AislePinPad, cancel_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pinpad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
aisle_pin_pad_init (AislePinPad *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mode = AISLE_PIN_PAD_MODE_VERIFY;
  self->title = g_strdup (default_title (self->mode));
  self->guard = aisle_pin_guard_new (NULL);
  g_signal_connect_swapped (self->guard, "notify::locked-until", G_CALLBACK (guard_changed), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  set_up_keys (self);
  update_title (self);
  update_dots (self);
  update_sensitivity (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Staff PIN pad"),
                                  -1);
}

GtkWidget *
aisle_pin_pad_new (void)
{
  return g_object_new (AISLE_TYPE_PIN_PAD, NULL);
}

AislePinPadMode
aisle_pin_pad_get_mode (AislePinPad *self)
{
  g_return_val_if_fail (AISLE_IS_PIN_PAD (self), AISLE_PIN_PAD_MODE_VERIFY);

  return self->mode;
}

void
aisle_pin_pad_set_mode (AislePinPad     *self,
                        AislePinPadMode  mode)
{
  g_return_if_fail (AISLE_IS_PIN_PAD (self));
  g_return_if_fail (mode == AISLE_PIN_PAD_MODE_VERIFY || mode == AISLE_PIN_PAD_MODE_SETUP);

  if (self->mode == mode)
    return;

  self->mode = mode;
  aisle_pin_pad_set_title (self, NULL);
  aisle_pin_pad_reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

const char *
aisle_pin_pad_get_title (AislePinPad *self)
{
  g_return_val_if_fail (AISLE_IS_PIN_PAD (self), NULL);

  return self->title;
}

/**
 * aisle_pin_pad_set_title:
 * @title: (nullable): what the pad asks for; %NULL for the mode's own title
 */
/* A new kiosk's first PIN cannot be skipped: no Cancel then. */
void
aisle_pin_pad_set_can_cancel (AislePinPad *self,
                              gboolean     can_cancel)
{
  g_return_if_fail (AISLE_IS_PIN_PAD (self));
  gtk_widget_set_visible (self->cancel_button, can_cancel);
}

void
aisle_pin_pad_set_title (AislePinPad *self,
                         const char  *title)
{
  g_autofree char *old = NULL;

  g_return_if_fail (AISLE_IS_PIN_PAD (self));

  if (title == NULL)
    title = default_title (self->mode);
  if (g_strcmp0 (self->title, title) == 0)
    return;

  old = g_steal_pointer (&self->title);
  self->title = g_strdup (title);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
aisle_pin_pad_set_hash (AislePinPad *self,
                        const char  *hash)
{
  g_return_if_fail (AISLE_IS_PIN_PAD (self));

  g_free (self->hash);
  self->hash = g_strdup (hash);
}

/**
 * aisle_pin_pad_get_guard:
 *
 * Returns: (transfer none): the lockout the pad records attempts with
 */
AislePinGuard *
aisle_pin_pad_get_guard (AislePinPad *self)
{
  g_return_val_if_fail (AISLE_IS_PIN_PAD (self), NULL);

  return self->guard;
}

/**
 * aisle_pin_pad_set_guard:
 * @guard: (nullable): the lockout; %NULL gives the pad one of its own
 */
void
aisle_pin_pad_set_guard (AislePinPad   *self,
                         AislePinGuard *guard)
{
  g_autoptr(AislePinGuard) own = NULL;

  g_return_if_fail (AISLE_IS_PIN_PAD (self));
  g_return_if_fail (guard == NULL || AISLE_IS_PIN_GUARD (guard));

  if (guard != NULL && guard == self->guard)
    return;
  if (guard == NULL)
    guard = own = aisle_pin_guard_new (NULL);

  disconnect_guard (self);
  self->guard = g_object_ref (guard);
  g_signal_connect_swapped (self->guard, "notify::locked-until", G_CALLBACK (guard_changed), self);

  update_lock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARD]);
}

void
aisle_pin_pad_reset (AislePinPad *self)
{
  g_return_if_fail (AISLE_IS_PIN_PAD (self));

  self->generation++;
  self->busy = FALSE;
  wipe_typed (self);
  wipe_first (self);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  set_message (self, NULL, MESSAGE_PLAIN);
  update_lock (self);
}
