/* aisle-scanner.h: telling a USB barcode scanner from a person at a keyboard
 *
 * A scanner is a keyboard that types a code and Enter within a few dozen
 * milliseconds. The scanner watches key presses on the whole window before any
 * widget sees them (capture phase), holds back digits until it knows who typed
 * them, and either reports a scan or gives the digits to the focused field, so
 * a scan never leaks into a text field and a person's typing is never lost.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_SCANNER (aisle_scanner_get_type ())

G_DECLARE_FINAL_TYPE (AisleScanner, aisle_scanner, AISLE, SCANNER, GObject)

/* Keys further apart than this are a person typing. */
#define AISLE_SCANNER_MAX_GAP_MS   50
#define AISLE_SCANNER_MIN_LENGTH   6

AisleScanner *aisle_scanner_new   (GtkWidget    *widget);
/* One key press at @time_ms; TRUE when the scanner took it. The key
 * controller calls this; tests call it with their own timing. */
gboolean      aisle_scanner_feed  (AisleScanner *self,
                                   guint         keyval,
                                   guint32       time_ms);
/* Gives held-back keys to the focused field now (a person paused). */
void          aisle_scanner_flush (AisleScanner *self);

G_END_DECLS
