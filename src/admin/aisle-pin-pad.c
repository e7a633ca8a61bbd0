/* aisle-pin-pad.c: the touch PIN pad widget: its keys, the keyboard, properties and API
 *
 * What is typed, and what the pad does with it, is in aisle-pin-pad-entry.c.
 */
#define G_LOG_DOMAIN "aisle-pin-pad"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "aisle-pin-pad-private.h"
#include "aisle-widget-util.h"

/* A fingertip on a store's touch screen; the stylesheet makes keys bigger. */
#define KEY_MIN_SIZE 72


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

static void
pin_digit (GtkWidget  *widget,
           const char *action_name G_GNUC_UNUSED,
           GVariant   *parameter)
{
  const char *digit = g_variant_get_string (parameter, NULL);

  if (g_ascii_isdigit (digit[0]) && digit[1] == '\0')
    aisle_pin_pad_type_digit (AISLE_PIN_PAD (widget), digit[0]);
}

static void
pin_erase (GtkWidget  *widget,
           const char *action_name G_GNUC_UNUSED,
           GVariant   *parameter G_GNUC_UNUSED)
{
  aisle_pin_pad_erase_digit (AISLE_PIN_PAD (widget));
}

static void
pin_submit (GtkWidget  *widget,
            const char *action_name G_GNUC_UNUSED,
            GVariant   *parameter G_GNUC_UNUSED)
{
  aisle_pin_pad_submit (AISLE_PIN_PAD (widget));
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
      aisle_pin_pad_type_digit (self, '0' + digit);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_BackSpace:
      aisle_pin_pad_erase_digit (self);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (focus_takes_return (self))
        return FALSE;
      aisle_pin_pad_submit (self);
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
  aisle_pin_pad_update_lock (self);
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
  aisle_pin_pad_update_lock (AISLE_PIN_PAD (widget));
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
  self->title = g_strdup (aisle_pin_pad_default_title (self->mode));
  self->guard = aisle_pin_guard_new (NULL);
  g_signal_connect_swapped (self->guard, "notify::locked-until", G_CALLBACK (guard_changed), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  set_up_keys (self);
  aisle_pin_pad_show_state (self);
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

/* A new kiosk's first PIN cannot be skipped: no Cancel then. */
void
aisle_pin_pad_set_can_cancel (AislePinPad *self,
                              gboolean     can_cancel)
{
  g_return_if_fail (AISLE_IS_PIN_PAD (self));
  gtk_widget_set_visible (self->cancel_button, can_cancel);
}

/**
 * aisle_pin_pad_set_title:
 * @title: (nullable): what the pad asks for; %NULL for the mode's own title
 */
void
aisle_pin_pad_set_title (AislePinPad *self,
                         const char  *title)
{
  g_autofree char *old = NULL;

  g_return_if_fail (AISLE_IS_PIN_PAD (self));

  if (title == NULL)
    title = aisle_pin_pad_default_title (self->mode);
  if (g_strcmp0 (self->title, title) == 0)
    return;

  old = g_steal_pointer (&self->title);
  self->title = g_strdup (title);
  aisle_pin_pad_update_title (self);
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

  aisle_pin_pad_update_lock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARD]);
}

void
aisle_pin_pad_reset (AislePinPad *self)
{
  g_return_if_fail (AISLE_IS_PIN_PAD (self));

  aisle_pin_pad_wipe (self);
}
