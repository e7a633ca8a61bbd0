/* aisle-printer.h: what prints a slip, whatever the printer is
 *
 * Implemented by the ESC/POS printer (device file or TCP), the CUPS printer
 * and the PDF exporter. Printing is asynchronous and never blocks the main
 * loop. A failure comes back as an AISLE_PRINTER_ERROR whose code the
 * caller can act on and whose message is a plain sentence for the shopper,
 * in the current language; the technical detail goes to the log.
 */
#pragma once

#include <gio/gio.h>

#include "aisle-slip.h"

G_BEGIN_DECLS

#define AISLE_PRINTER_ERROR (aisle_printer_error_quark ())

typedef enum
{
  AISLE_PRINTER_ERROR_OFFLINE,     /* not there: off, unplugged, unreachable, connection dropped */
  AISLE_PRINTER_ERROR_PAPER_OUT,   /* the roll is empty */
  AISLE_PRINTER_ERROR_COVER_OPEN,  /* the paper cover is open */
  AISLE_PRINTER_ERROR_TIMEOUT,     /* no answer in time: connect, write or status */
  AISLE_PRINTER_ERROR_FAILED,      /* anything else: a cutter jam, a bad setting, a full disk */
  /* Print servers (CUPS). Appended: job files keep codes as numbers. */
  AISLE_PRINTER_ERROR_NO_QUEUE,    /* the queue set up for the kiosk does not exist */
  AISLE_PRINTER_ERROR_STOPPED,     /* the queue is stopped or refuses jobs */
  AISLE_PRINTER_ERROR_ABORTED,     /* the print server gave up on the job */
  AISLE_PRINTER_ERROR_NO_SERVICE,  /* the print server is not running */
} AislePrinterError;

#define AISLE_PRINTER_ERROR_LAST AISLE_PRINTER_ERROR_NO_SERVICE

GQuark      aisle_printer_error_quark         (void);

/* The shopper's message for @code, in the current language. */
const char *aisle_printer_error_message       (AislePrinterError code);
/* What staff should do about @code, in the current language: for the
 * admin screens, where the shopper's "ask a member of staff" is no help. */
const char *aisle_printer_error_staff_message (AislePrinterError code);

#define AISLE_TYPE_PRINTER (aisle_printer_get_type ())

G_DECLARE_INTERFACE (AislePrinter, aisle_printer, AISLE, PRINTER, GObject)

struct _AislePrinterInterface
{
  GTypeInterface parent_iface;

  /* Implementations fail with AISLE_PRINTER_ERROR and a technical message
   * (for the log); aisle_printer_print_finish() puts the shopper's in.
   * The default print_finish takes a GTask's boolean, for implementations
   * whose print_async returns one. */
  void     (*print_async)  (AislePrinter         *self,
                            AisleSlip            *slip,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data);
  gboolean (*print_finish) (AislePrinter         *self,
                            GAsyncResult         *result,
                            GError              **error);
};

void      aisle_printer_print_async  (AislePrinter         *self,
                                      AisleSlip            *slip,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
/* On failure: AISLE_PRINTER_ERROR with the shopper's message, or
 * G_IO_ERROR_CANCELLED when @cancellable was cancelled. */
gboolean  aisle_printer_print_finish (AislePrinter         *self,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
