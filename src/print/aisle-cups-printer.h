/* aisle-cups-printer.h: office printers through CUPS, with GtkPrintOperation and no dialog
 *
 * The slip is drawn with cairo (aisle-slip-render.h) on the printer's own
 * pages. The print operation runs on the main thread in its asynchronous
 * mode, as GTK requires; the job is done once CUPS has it. A printer GTK
 * does not find fails as OFFLINE; an operation that takes longer than the
 * timeout (CUPS not running, a backend that never answers) is cancelled
 * and fails as TIMEOUT.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-printer.h"

G_BEGIN_DECLS

#define AISLE_CUPS_DEFAULT_TIMEOUT 60   /* seconds */

#define AISLE_TYPE_CUPS_PRINTER (aisle_cups_printer_get_type ())

G_DECLARE_FINAL_TYPE (AisleCupsPrinter, aisle_cups_printer, AISLE, CUPS_PRINTER, GObject)

/* @printer_name as CUPS (lpstat -p) or GTK knows it; NULL for the default printer. */
AisleCupsPrinter *aisle_cups_printer_new          (const char       *printer_name);
const char       *aisle_cups_printer_get_name     (AisleCupsPrinter *self);
/* A GtkPrintSettings key for every job, e.g. "output-uri" for the
 * "Print to File" printer or "default-source" for a tray. */
void              aisle_cups_printer_set_option   (AisleCupsPrinter *self,
                                                   const char       *key,
                                                   const char       *value);
void              aisle_cups_printer_set_timeout  (AisleCupsPrinter *self,
                                                   guint             seconds);

G_END_DECLS
