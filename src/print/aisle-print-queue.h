/* aisle-print-queue.h: every slip written to disk before it is printed
 *
 * No slip is lost silently: a job is saved as JSON in the queue's folder
 * (one file per job, written atomically and synced) before the printer sees
 * it, and its outcome is saved after. Jobs print one at a time, in order.
 * A failed job stays failed, with its error, until staff print it again;
 * staff can list the day's jobs and reprint any of them. Jobs are kept for
 * AISLE_PRINT_QUEUE_KEEP_DAYS, then deleted when the queue loads: slips may
 * carry a pickup code or a delivery address.
 *
 * Disk work runs on worker threads; the printer is asynchronous too, so the
 * main loop never waits. Use the queue from the main thread.
 */
#pragma once

#include <gio/gio.h>

#include "aisle-print-job.h"
#include "aisle-printer.h"
#include "aisle-slip.h"

G_BEGIN_DECLS

#define AISLE_PRINT_QUEUE_KEEP_DAYS 7

#define AISLE_TYPE_PRINT_QUEUE (aisle_print_queue_get_type ())

G_DECLARE_FINAL_TYPE (AislePrintQueue, aisle_print_queue, AISLE, PRINT_QUEUE, GObject)

/* Jobs are kept in @folder (made if needed). @printer may be NULL until one
 * is set up: jobs then fail as OFFLINE, and are kept. */
AislePrintQueue *aisle_print_queue_new          (const char        *folder,
                                                 AislePrinter      *printer);
const char      *aisle_print_queue_get_folder   (AislePrintQueue   *self);
/* Staff can change the printer at any time; a job already with the old
 * printer finishes there. */
void             aisle_print_queue_set_printer  (AislePrintQueue   *self,
                                                 AislePrinter      *printer);
AislePrinter    *aisle_print_queue_get_printer  (AislePrintQueue   *self);

/* Reads the jobs kept in the folder (after a restart), deletes those older
 * than AISLE_PRINT_QUEUE_KEEP_DAYS, and skips files that are not jobs. A
 * job that was queued or printing when the kiosk stopped is failed: nobody
 * knows whether it came out. Emits ::job-changed for each job read. */
void             aisle_print_queue_load_async   (AislePrintQueue   *self,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
gboolean         aisle_print_queue_load_finish  (AislePrintQueue   *self,
                                                 GAsyncResult      *result,
                                                 GError           **error);

/* Queues @slip and returns its job's id (the slip's id). The outcome comes
 * through ::job-changed and aisle_print_queue_get_job(). Queuing the same
 * slip again prints it again. */
char            *aisle_print_queue_print        (AislePrintQueue   *self,
                                                 AisleSlip         *slip);
/* Prints job @id again, whatever its state was (a queued or printing job
 * is left as it is). Fails with AISLE_ERROR_NOT_FOUND for an unknown id. */
gboolean         aisle_print_queue_reprint      (AislePrintQueue   *self,
                                                 const char        *id,
                                                 GError           **error);

/* A copy of the job, or NULL. */
AislePrintJob   *aisle_print_queue_get_job      (AislePrintQueue   *self,
                                                 const char        *id);
/* Jobs created on @day's date in @day's time zone (all jobs when NULL),
 * newest first: an array of AislePrintJob. */
GPtrArray       *aisle_print_queue_list_jobs    (AislePrintQueue   *self,
                                                 GDateTime         *day);
/* Jobs not yet done or failed. */
guint            aisle_print_queue_get_n_pending (AislePrintQueue  *self);

G_END_DECLS
