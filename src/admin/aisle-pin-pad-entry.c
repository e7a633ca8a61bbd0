/* aisle-pin-pad-entry.c: the PIN typed on the pad: checking it, choosing one, and the lock
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

#include "aisle-pin-pad-private.h"

#define DOT "●"

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

const char *
aisle_pin_pad_default_title (AislePinPadMode mode)
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

void
aisle_pin_pad_update_title (AislePinPad *self)
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
  aisle_pin_pad_update_title (self);
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

void
aisle_pin_pad_update_lock (AislePinPad *self)
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

void
aisle_pin_pad_type_digit (AislePinPad *self,
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

void
aisle_pin_pad_erase_digit (AislePinPad *self)
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
      g_signal_emit_by_name (self, "unlocked");
      return;
    }
  if (is_locked (self))
    {
      aisle_pin_pad_update_lock (self);
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
  g_signal_emit_by_name (self, "pin-set", hash);
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
      aisle_pin_pad_update_title (self);
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

void
aisle_pin_pad_submit (AislePinPad *self)
{
  if (self->busy || is_locked (self) || self->n_typed == 0)
    return;

  if (self->mode == AISLE_PIN_PAD_MODE_SETUP)
    submit_setup (self);
  else
    submit_verify (self);
}

void
aisle_pin_pad_show_state (AislePinPad *self)
{
  aisle_pin_pad_update_title (self);
  update_dots (self);
  update_sensitivity (self);
}

void
aisle_pin_pad_wipe (AislePinPad *self)
{
  self->generation++;
  self->busy = FALSE;
  wipe_typed (self);
  wipe_first (self);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  set_message (self, NULL, MESSAGE_PLAIN);
  aisle_pin_pad_update_lock (self);
}
