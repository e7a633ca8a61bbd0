/* aisle-scanner.h: telling a USB barcode scanner from a person at a keyboard
 *
 * A scanner is a keyboard that types a code and Enter within a few dozen
 * milliseconds. The scanner never takes a key away from the control that has
 * the focus: it watches each key on its way down to that control (capture
 * phase) and sees the ones no control used come back up (bubble phase). Only
 * the Enter that ends a code typed at scanner speed is taken:
 *
 * - when no control used the code's keys (the focus was on a button, a tile
 *   or nowhere), it is a scan;
 * - when they went into a free-text field (search, name, address), it is a
 *   scan too: the field gets back what it had, so a scan never leaks into it;
 * - when a control that asks for digits used them (a phone field, a spin
 *   button, the PIN pad), they are that control's, however fast they came:
 *   dictation and switch-access tools type that fast too.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_SCANNER (aisle_scanner_get_type ())

G_DECLARE_FINAL_TYPE (AisleScanner, aisle_scanner, AISLE, SCANNER, GObject)

/* Keys further apart than this are a person typing. */
#define AISLE_SCANNER_MAX_GAP_MS   50
#define AISLE_SCANNER_MIN_LENGTH   6

AisleScanner *aisle_scanner_new           (GtkWidget    *widget);

/* The two halves of one key press, as the window's key controllers call
 * them; tests call them with their own timing.
 *
 * A key on its way to the focused control, at @time_ms. TRUE when the
 * scanner takes it: only an Enter that ends a scan. */
gboolean      aisle_scanner_key_pressed   (AisleScanner *self,
                                           guint         keyval,
                                           guint32       time_ms);
/* The same key came back to the window: no control used it. */
void          aisle_scanner_key_unhandled (AisleScanner *self,
                                           guint         keyval);

G_END_DECLS
