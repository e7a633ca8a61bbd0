/* aisle-pin-pad.h: the touch PIN pad that lets staff into admin mode
 *
 * Ten digit keys, Clear (erases one digit), OK and Cancel, each a finger's
 * size; a dot for every digit typed, never the digit. A keyboard works too:
 * digits, BackSpace, Return and Escape.
 *
 * In VERIFY mode the typed PIN is checked against the stored hash and the
 * result recorded by the pad's AislePinGuard, which may lock the pad; the
 * pad then counts down to when it opens. A right PIN emits ::unlocked.
 * In SETUP mode staff choose a PIN and type it again; an acceptable PIN,
 * typed the same twice, is hashed and ::pin-set gives the hash string.
 * ::cancel is emitted for Cancel and Escape.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-pin-guard.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_PIN_PAD_MODE_VERIFY,
  AISLE_PIN_PAD_MODE_SETUP,
} AislePinPadMode;

#define AISLE_TYPE_PIN_PAD_MODE (aisle_pin_pad_mode_get_type ())
GType aisle_pin_pad_mode_get_type (void);

#define AISLE_TYPE_PIN_PAD (aisle_pin_pad_get_type ())

G_DECLARE_FINAL_TYPE (AislePinPad, aisle_pin_pad, AISLE, PIN_PAD, GtkWidget)

GtkWidget       *aisle_pin_pad_new        (void);

/* Changing the mode starts over, with the mode's own title. */
AislePinPadMode  aisle_pin_pad_get_mode   (AislePinPad     *self);
void             aisle_pin_pad_set_mode   (AislePinPad     *self,
                                           AislePinPadMode  mode);

/* "Enter the staff PIN" (VERIFY) or "Choose a staff PIN" (SETUP) unless
 * set; SETUP shows "Enter it again" for the second time by itself. */
const char      *aisle_pin_pad_get_title  (AislePinPad     *self);
void             aisle_pin_pad_set_title  (AislePinPad     *self,
                                           const char      *title);

/* Whether Cancel (and Escape) is offered; TRUE unless set. */
void             aisle_pin_pad_set_can_cancel (AislePinPad *self,
                                               gboolean     can_cancel);

/* The argon2id hash string VERIFY checks against (admin-pin-hash). */
void             aisle_pin_pad_set_hash   (AislePinPad     *self,
                                           const char      *hash);

/* The lockout. A new pad has its own, kept in memory only; the kiosk gives
 * it one on its settings so that a restart keeps the lock. */
AislePinGuard   *aisle_pin_pad_get_guard  (AislePinPad     *self);
void             aisle_pin_pad_set_guard  (AislePinPad     *self,
                                           AislePinGuard   *guard);

/* Wipes what was typed (both times, in SETUP) and any message but the lock
 * countdown. A check still running is recorded by the guard, but no longer
 * unlocks this pad. Call it whenever the pad is hidden. */
void             aisle_pin_pad_reset      (AislePinPad     *self);

G_END_DECLS
