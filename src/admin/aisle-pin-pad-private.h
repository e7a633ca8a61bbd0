/* aisle-pin-pad-private.h: inside the PIN pad, for the file that handles what is typed
 *
 * aisle-pin-pad.c is the widget: its keys, keyboard, properties and API.
 * aisle-pin-pad-entry.c handles the typed PIN: checking or choosing it, and
 * the lock. Private to src/admin/.
 */
#pragma once

#include "aisle-pin.h"
#include "aisle-pin-pad.h"

G_BEGIN_DECLS

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

const char *aisle_pin_pad_default_title (AislePinPadMode  mode);

/* Shows the title, dots and which keys work, from the pad's state. */
void        aisle_pin_pad_show_state    (AislePinPad     *self);
void        aisle_pin_pad_update_title  (AislePinPad     *self);
void        aisle_pin_pad_type_digit    (AislePinPad     *self,
                                         char             digit);
void        aisle_pin_pad_erase_digit   (AislePinPad     *self);
/* OK: checks the PIN (VERIFY), or takes it and then its repeat (SETUP). */
void        aisle_pin_pad_submit        (AislePinPad     *self);
/* Shows the lock and starts its countdown, or ends both. */
void        aisle_pin_pad_update_lock   (AislePinPad     *self);
/* Wipes both entries and the message; a check still running is stale. */
void        aisle_pin_pad_wipe          (AislePinPad     *self);

G_END_DECLS
