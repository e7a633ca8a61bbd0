/* aisle-pin-guard.h: how many wrong staff PINs the kiosk takes, and for how long it then locks
 *
 * Five wrong PINs in a row lock the PIN pad for 30 seconds; every further
 * wrong PIN doubles the lock, up to 15 minutes. A right PIN starts over. The
 * count and the lock survive a restart through two settings keys, and every
 * attempt is logged, never with the digits or how many there were.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AISLE_PIN_GUARD_MAX_FAILURES 5

#define AISLE_TYPE_PIN_GUARD (aisle_pin_guard_get_type ())

G_DECLARE_FINAL_TYPE (AislePinGuard, aisle_pin_guard, AISLE, PIN_GUARD, GObject)

/* Wall-clock time in microseconds since 1970, as g_get_real_time() gives. */
typedef gint64 (*AislePinGuardClock) (gpointer user_data);

/* @settings: (nullable): an org.aisle.Kiosk GSettings whose
 * "admin-pin-failures" and "admin-pin-locked-until" keep the state across
 * restarts; NULL keeps it in memory only. */
AislePinGuard *aisle_pin_guard_new               (GSettings          *settings);

/* For tests: @now_us replaces g_get_real_time(); NULL restores it. */
void           aisle_pin_guard_set_clock         (AislePinGuard      *self,
                                                  AislePinGuardClock  now_us,
                                                  gpointer            user_data);

/* When the lock ends, in the clock's microseconds; 0 when the pad is open.
 * Notified as "locked-until" whenever the lock starts or is lifted by a
 * right PIN (not when it simply runs out). */
gint64         aisle_pin_guard_get_locked_until  (AislePinGuard      *self);
gboolean       aisle_pin_guard_is_locked         (AislePinGuard      *self);
/* Microseconds of lock left, 0 when open. */
gint64         aisle_pin_guard_get_remaining     (AislePinGuard      *self);
/* Wrong PINs in a row. */
guint          aisle_pin_guard_get_failures      (AislePinGuard      *self);
/* Wrong PINs still allowed before the pad locks; 0 from the fifth on. */
guint          aisle_pin_guard_get_tries_left    (AislePinGuard      *self);

/* Records one checked PIN: @ok TRUE for the right one. Returns FALSE if the
 * pad was locked: the attempt is logged and otherwise ignored, and even a
 * right PIN must not unlock (a check started before the lock and finished
 * after it). */
gboolean       aisle_pin_guard_record            (AislePinGuard      *self,
                                                  gboolean            ok);

G_END_DECLS
