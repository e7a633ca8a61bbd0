/* aisle-kiosk-guard.h: keeps a shopper inside the kiosk and ends idle sessions
 *
 * Outside admin mode the window cannot be closed, left fullscreen or left by
 * keyboard (Alt+F4, Ctrl+Q, Ctrl+W, F11). While a shopper's session
 * runs, input is watched; after the idle timeout a countdown starts, and when
 * it ends the session is over ("expired"), so the next shopper finds nothing
 * of the last one.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_KIOSK_GUARD (aisle_kiosk_guard_get_type ())
G_DECLARE_FINAL_TYPE (AisleKioskGuard, aisle_kiosk_guard, AISLE, KIOSK_GUARD, GObject)

/* @keep_fullscreen: FALSE for a windowed development run. */
AisleKioskGuard *aisle_kiosk_guard_new            (GtkWindow       *window,
                                                   gboolean         keep_fullscreen);
void             aisle_kiosk_guard_set_keep_fullscreen (AisleKioskGuard *self,
                                                        gboolean         keep);
void             aisle_kiosk_guard_set_admin      (AisleKioskGuard *self,
                                                   gboolean         admin);
gboolean         aisle_kiosk_guard_get_admin      (AisleKioskGuard *self);
/* Seconds without input before the countdown, and the countdown's length. */
void             aisle_kiosk_guard_set_idle       (AisleKioskGuard *self,
                                                   guint            timeout_s,
                                                   guint            countdown_s);
/* Idle time only counts while a shopper's session runs. */
void             aisle_kiosk_guard_set_session    (AisleKioskGuard *self,
                                                   gboolean         active);
/* Input happened: the session goes on (and a countdown stops). */
void             aisle_kiosk_guard_poke           (AisleKioskGuard *self);
/* Whether a key press would be refused now. */
gboolean         aisle_kiosk_guard_refuses_key    (AisleKioskGuard *self,
                                                   guint            keyval,
                                                   GdkModifierType  state);

G_END_DECLS
