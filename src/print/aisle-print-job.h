/* aisle-print-job.h: a print job, and the file that keeps it in the print queue's folder
 *
 * One file per job, "<id>.json": what staff see of the job (its state,
 * attempts, order number, total and last error) and the slip itself, so the
 * job can be printed again after a restart. Reading never trusts the file:
 * anything malformed is refused, never asserted on. The functions here touch
 * the disk and block; the print queue calls them on worker threads, and
 * they log under its domain.
 */
#pragma once

#include <gio/gio.h>

#include "aisle-slip.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_PRINT_JOB_QUEUED,     /* waiting for the printer */
  AISLE_PRINT_JOB_PRINTING,   /* with the printer now */
  AISLE_PRINT_JOB_DONE,       /* the printer took it */
  AISLE_PRINT_JOB_FAILED,     /* not printed: see error; staff can reprint */
} AislePrintJobState;

typedef struct
{
  char               *id;           /* the slip's id */
  AislePrintJobState  state;
  gint64              created_at;   /* unix seconds */
  gint64              updated_at;   /* unix seconds */
  guint               attempts;     /* times it went to a printer */
  char               *order_number; /* NULL for a list without an order */
  char               *total;        /* the slip's grand total, formatted */
  GError             *error;        /* the last failure, kept after a good reprint; or NULL */
} AislePrintJob;

AislePrintJob *aisle_print_job_copy  (const AislePrintJob *job);
void           aisle_print_job_free  (AislePrintJob       *job);
/* Frees what @job holds, not @job itself (for one kept inside another struct). */
void           aisle_print_job_clear (AislePrintJob       *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AislePrintJob, aisle_print_job_free)

/* The file of job @id in @folder. */
char          *aisle_print_job_path              (const char           *folder,
                                                  const char           *id);
/* The job id a file in the folder is named for, or NULL when the name is
 * not one a slip could have made. */
char          *aisle_print_job_id_from_file_name (const char           *name);

/* Writes @job with @slip into @folder (made if needed), atomically and
 * synced: after a power cut the file is the old job or the new. */
gboolean       aisle_print_job_write             (const char           *folder,
                                                  const AislePrintJob  *job,
                                                  AisleSlip            *slip,
                                                  GError              **error);
/* Fills @job with what staff see of the file at @path, which must be job
 * @id's; the slip inside is checked only by aisle_print_job_read_slip(). */
gboolean       aisle_print_job_read              (const char           *path,
                                                  const char           *id,
                                                  AislePrintJob        *job,
                                                  GError              **error);
/* The jobs kept in @folder (none when it does not exist yet), reading at
 * most @max files: files that are not jobs are skipped, and jobs not
 * touched since @oldest (unix seconds) are deleted. An array of
 * AislePrintJob, or NULL with @error set. */
GPtrArray     *aisle_print_job_read_folder       (const char           *folder,
                                                  gint64                oldest,
                                                  guint                 max,
                                                  GCancellable         *cancellable,
                                                  guint                *n_skipped,
                                                  guint                *n_deleted,
                                                  GError              **error);
/* The slip kept in job @id's file at @path. */
AisleSlip     *aisle_print_job_read_slip         (const char           *path,
                                                  const char           *id,
                                                  GError              **error);

G_END_DECLS
