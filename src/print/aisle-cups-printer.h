/* aisle-cups-printer.h: office printers through CUPS, and the queues CUPS has
 *
 * The slip is drawn to PDF in memory (aisle-pdf-printer.h), on the queue's
 * default paper, and sent to the queue with libcups, all on a worker
 * thread; the job is followed until CUPS says it is completed. The print
 * server is the one libcups finds: $CUPS_SERVER, client.conf, else the
 * local cupsd. No GTK and no print dialog machinery is involved.
 *
 * A failure comes back as AISLE_PRINTER_ERROR:
 *   NO_SERVICE  cupsd does not answer;
 *   NO_QUEUE    it has no such queue (or no default queue);
 *   STOPPED     the queue is stopped or refuses jobs, before or while the
 *               job waits; the waiting job is cancelled in CUPS, so that it
 *               cannot come out later as well as when staff reprint it;
 *   ABORTED     CUPS aborted the job (a filter or backend gave up);
 *   TIMEOUT     not completed within the timeout; the CUPS job is cancelled.
 */
#pragma once

#include <gio/gio.h>

#include "aisle-printer.h"

G_BEGIN_DECLS

#define AISLE_CUPS_DEFAULT_TIMEOUT 60   /* seconds */

#define AISLE_TYPE_CUPS_PRINTER (aisle_cups_printer_get_type ())

G_DECLARE_FINAL_TYPE (AisleCupsPrinter, aisle_cups_printer, AISLE, CUPS_PRINTER, GObject)

/* @queue as CUPS knows it (lpstat -p); NULL or "" for the default queue. */
AisleCupsPrinter *aisle_cups_printer_new          (const char       *queue);
const char       *aisle_cups_printer_get_name     (AisleCupsPrinter *self);
/* A CUPS job option for every job, e.g. "media" = "A4" or "InputSlot" =
 * "Tray2" (lp -o). */
void              aisle_cups_printer_set_option   (AisleCupsPrinter *self,
                                                   const char       *key,
                                                   const char       *value);
void              aisle_cups_printer_set_timeout  (AisleCupsPrinter *self,
                                                   guint             seconds);

typedef enum
{
  AISLE_CUPS_QUEUE_IDLE,
  AISLE_CUPS_QUEUE_PROCESSING,
  AISLE_CUPS_QUEUE_STOPPED,
} AisleCupsQueueState;

/* A queue of the print server, as staff pick one. */
typedef struct
{
  char                *name;
  char                *description;   /* printer-info; may be empty */
  char                *location;      /* printer-location; may be empty */
  AisleCupsQueueState  state;
  gboolean             accepting;
  gboolean             is_default;
} AisleCupsQueue;

void        aisle_cups_queue_free          (AisleCupsQueue      *queue);

/* The print server's queues, sorted by name, on a worker thread. Fails
 * with AISLE_PRINTER_ERROR_NO_SERVICE when cupsd does not answer. */
void        aisle_cups_list_queues_async   (GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* An array of AisleCupsQueue. */
GPtrArray  *aisle_cups_list_queues_finish  (GAsyncResult        *result,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleCupsQueue, aisle_cups_queue_free)

G_END_DECLS
