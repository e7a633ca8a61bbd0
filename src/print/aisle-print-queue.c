/* aisle-print-queue.c: every slip written to disk before it is printed */
#define G_LOG_DOMAIN "aisle-print-queue"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-print-queue.h"

#define MAX_JOB_FILES   10000
#define SECONDS_PER_DAY (24 * 60 * 60)

typedef struct
{
  AislePrintJob  info;
  AisleSlip     *slip;    /* NULL for a job read from disk until it is reprinted */
} Job;

struct _AislePrintQueue
{
  GObject        parent_instance;

  char          *folder;
  AislePrinter  *printer;
  GHashTable    *jobs;      /* id → Job */
  GQueue         waiting;   /* ids (owned), oldest first */
  gboolean       busy;      /* a job is between its first save and its last */
};

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_PRINTER,
  N_PROPS
};

enum {
  JOB_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AislePrintQueue, aisle_print_queue, G_TYPE_OBJECT)

static void start_next (AislePrintQueue *self);

static void
job_free (Job *job)
{
  aisle_print_job_clear (&job->info);
  g_clear_object (&job->slip);
  g_free (job);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
changed (AislePrintQueue *self,
         Job             *job)
{
  job->info.updated_at = now_seconds ();
  g_signal_emit (self, signals[JOB_CHANGED], 0, job->info.id);
}

/* Saving, on a worker thread */

typedef struct
{
  char          *folder;
  char          *path;
  AislePrintJob *info;    /* a snapshot taken on the main thread */
  AisleSlip     *slip;    /* NULL: read it from the job file first */
  GError        *save_error;
} Save;

static void
save_free (Save *save)
{
  g_free (save->folder);
  g_free (save->path);
  aisle_print_job_free (save->info);
  g_clear_object (&save->slip);
  g_clear_error (&save->save_error);
  g_free (save);
}


static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  GError *error = NULL;

  if (save->slip == NULL)
    {
      save->slip = aisle_print_job_read_slip (save->path, save->info->id, &error);
      if (save->slip == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  /* A full disk must not keep the slip from the printer: note it, go on. */
  aisle_print_job_write (save->folder, save->info, save->slip, &save->save_error);
  g_task_return_boolean (task, TRUE);
}

static void
save_async (AislePrintQueue     *self,
            Job                 *job,
            AislePrintJobState   state,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  Save *save = g_new0 (Save, 1);

  save->folder = g_strdup (self->folder);
  save->path = aisle_print_job_path (self->folder, job->info.id);
  save->info = aisle_print_job_copy (&job->info);
  save->info->state = state;
  save->slip = job->slip ? g_object_ref (job->slip) : NULL;

  g_task_set_source_tag (task, save_async);
  g_task_set_task_data (task, save, (GDestroyNotify)save_free);
  g_task_run_in_thread (task, save_thread);
}

/* The pipeline: save, print, save the outcome, next job. */

static void
outcome_saved (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AislePrintQueue *self = AISLE_PRINT_QUEUE (object);
  Save *save = g_task_get_task_data (G_TASK (result));

  if (save->save_error != NULL)
    g_message ("Could not save print job %s: %s", save->info->id, save->save_error->message);

  self->busy = FALSE;
  start_next (self);
}

static void
finish_job (AislePrintQueue *self,
            Job             *job,
            GError          *error)
{
  if (error == NULL)
    job->info.state = AISLE_PRINT_JOB_DONE;
  else
    {
      job->info.state = AISLE_PRINT_JOB_FAILED;
      g_clear_error (&job->info.error);
      job->info.error = error;
    }
  changed (self, job);
  save_async (self, job, job->info.state, outcome_saved, NULL);
}

typedef struct
{
  AislePrintQueue *self;
  char            *id;
  GError          *save_error;
} Printing;

static void
printed (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Printing *printing = user_data;
  AislePrintQueue *self = printing->self;
  GError *error = NULL;
  Job *job = g_hash_table_lookup (self->jobs, printing->id);

  /* Printed: an earlier try's failure is over. Printed but not kept:
   * staff should know the disk is failing. */
  if (aisle_printer_print_finish (AISLE_PRINTER (object), result, &error))
    {
      g_clear_error (&job->info.error);
      job->info.error = g_steal_pointer (&printing->save_error);
    }
  g_clear_error (&printing->save_error);
  finish_job (self, job, error);

  g_object_unref (printing->self);
  g_free (printing->id);
  g_free (printing);
}

static void
saved_before_printing (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  AislePrintQueue *self = AISLE_PRINT_QUEUE (object);
  Save *save = g_task_get_task_data (G_TASK (result));
  Job *job = g_hash_table_lookup (self->jobs, save->info->id);
  GError *error = NULL;
  Printing *printing;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The kept slip is damaged: nothing to print, nothing to save. */
      job->info.state = AISLE_PRINT_JOB_FAILED;
      g_clear_error (&job->info.error);
      job->info.error = error;
      changed (self, job);
      self->busy = FALSE;
      start_next (self);
      return;
    }

  if (save->save_error != NULL)
    g_message ("Could not save print job %s before printing: %s", job->info.id, save->save_error->message);
  if (job->slip == NULL)
    job->slip = g_object_ref (save->slip);

  job->info.state = AISLE_PRINT_JOB_PRINTING;
  job->info.attempts++;
  changed (self, job);

  if (self->printer == NULL)
    {
      finish_job (self, job, g_error_new_literal (AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_OFFLINE,
                                                  aisle_printer_error_message (AISLE_PRINTER_ERROR_OFFLINE)));
      return;
    }

  printing = g_new0 (Printing, 1);
  printing->self = g_object_ref (self);
  printing->id = g_strdup (job->info.id);
  printing->save_error = save->save_error ? g_error_copy (save->save_error) : NULL;
  aisle_printer_print_async (self->printer, job->slip, NULL, printed, printing);
}

static void
start_next (AislePrintQueue *self)
{
  g_autofree char *id = NULL;
  Job *job;

  if (self->busy || g_queue_is_empty (&self->waiting))
    return;

  id = g_queue_pop_head (&self->waiting);
  job = g_hash_table_lookup (self->jobs, id);
  g_assert (job != NULL);

  /* The file says "printing" while the printer has it: after a crash the
   * job shows up as failed, not as done. */
  self->busy = TRUE;
  save_async (self, job, AISLE_PRINT_JOB_PRINTING, saved_before_printing, NULL);
}

static void
enqueue (AislePrintQueue *self,
         Job             *job)
{
  job->info.state = AISLE_PRINT_JOB_QUEUED;
  changed (self, job);
  g_queue_push_tail (&self->waiting, g_strdup (job->info.id));
  start_next (self);
}

static gboolean
is_pending (const Job *job)
{
  return job->info.state == AISLE_PRINT_JOB_QUEUED || job->info.state == AISLE_PRINT_JOB_PRINTING;
}

char *
aisle_print_queue_print (AislePrintQueue *self,
                         AisleSlip       *slip)
{
  const char *id;
  Job *job;

  g_return_val_if_fail (AISLE_IS_PRINT_QUEUE (self), NULL);
  g_return_val_if_fail (AISLE_IS_SLIP (slip), NULL);

  id = aisle_slip_get_id (slip);
  job = g_hash_table_lookup (self->jobs, id);
  if (job != NULL)
    {
      if (job->slip == NULL)
        job->slip = g_object_ref (slip);
      if (!is_pending (job))
        enqueue (self, job);
      return g_strdup (id);
    }

  job = g_new0 (Job, 1);
  job->info.id = g_strdup (id);
  job->info.created_at = now_seconds ();
  job->info.order_number = g_strdup (aisle_slip_get_order_number (slip));
  if (aisle_slip_get_n_totals (slip) > 0)
    job->info.total = g_strdup (aisle_slip_get_total (slip, aisle_slip_get_n_totals (slip) - 1)->amount);
  job->slip = g_object_ref (slip);
  g_hash_table_insert (self->jobs, job->info.id, job);

  enqueue (self, job);
  return g_strdup (id);
}

gboolean
aisle_print_queue_reprint (AislePrintQueue  *self,
                           const char       *id,
                           GError          **error)
{
  Job *job;

  g_return_val_if_fail (AISLE_IS_PRINT_QUEUE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  job = g_hash_table_lookup (self->jobs, id);
  if (job == NULL)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_NOT_FOUND, _("There is no print job %s"), id);
      return FALSE;
    }
  if (!is_pending (job))
    enqueue (self, job);
  return TRUE;
}

/* Loading the folder */

typedef struct
{
  GPtrArray *jobs;        /* AislePrintJob */
  guint      n_skipped;
  guint      n_deleted;
} Scan;

static void
scan_free (Scan *scan)
{
  g_ptr_array_unref (scan->jobs);
  g_free (scan);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *folder = task_data;
  GError *error = NULL;
  Scan *scan = g_new0 (Scan, 1);
  gint64 oldest = now_seconds () - (gint64)AISLE_PRINT_QUEUE_KEEP_DAYS * SECONDS_PER_DAY;

  scan->jobs = aisle_print_job_read_folder (folder, oldest, MAX_JOB_FILES, cancellable,
                                            &scan->n_skipped, &scan->n_deleted, &error);
  if (scan->jobs == NULL)
    {
      g_free (scan);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, scan, (GDestroyNotify)scan_free);
}

static void
merge_scan (AislePrintQueue *self,
            Scan            *scan)
{
  for (guint i = 0; i < scan->jobs->len; i++)
    {
      AislePrintJob *info = g_ptr_array_index (scan->jobs, i);
      Job *job;

      /* This run's jobs are newer than their files. */
      if (g_hash_table_contains (self->jobs, info->id))
        continue;

      job = g_new0 (Job, 1);
      job->info = *info;
      memset (info, 0, sizeof *info);
      if (is_pending (job))
        {
          job->info.state = AISLE_PRINT_JOB_FAILED;
          g_clear_error (&job->info.error);
          job->info.error = g_error_new_literal (AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED,
                                                 _("The kiosk stopped while this slip was printing"));
        }
      g_hash_table_insert (self->jobs, job->info.id, job);
      g_signal_emit (self, signals[JOB_CHANGED], 0, job->info.id);
    }

  if (scan->n_skipped > 0 || scan->n_deleted > 0)
    g_message ("Print queue %s: %u files skipped, %u old jobs deleted", self->folder, scan->n_skipped,
               scan->n_deleted);
}

void
aisle_print_queue_load_async (AislePrintQueue     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AISLE_IS_PRINT_QUEUE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_print_queue_load_async);
  g_task_set_task_data (task, g_strdup (self->folder), g_free);
  g_task_run_in_thread (task, scan_thread);
}

gboolean
aisle_print_queue_load_finish (AislePrintQueue  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  Scan *scan;

  g_return_val_if_fail (AISLE_IS_PRINT_QUEUE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  scan = g_task_propagate_pointer (G_TASK (result), error);
  if (scan == NULL)
    return FALSE;
  merge_scan (self, scan);
  scan_free (scan);
  return TRUE;
}

/* Looking at jobs */

AislePrintJob *
aisle_print_queue_get_job (AislePrintQueue *self,
                           const char      *id)
{
  Job *job;

  g_return_val_if_fail (AISLE_IS_PRINT_QUEUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  job = g_hash_table_lookup (self->jobs, id);
  return job ? aisle_print_job_copy (&job->info) : NULL;
}

static gboolean
same_day (gint64     unix_seconds,
          GDateTime *day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = NULL;
  int y1, m1, d1, y2, m2, d2;

  if (utc == NULL)
    return FALSE;
  local = g_date_time_to_timezone (utc, g_date_time_get_timezone (day));
  if (local == NULL)
    return FALSE;
  g_date_time_get_ymd (local, &y1, &m1, &d1);
  g_date_time_get_ymd (day, &y2, &m2, &d2);
  return y1 == y2 && m1 == m2 && d1 == d2;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const AislePrintJob *ja = *(AislePrintJob * const *)a;
  const AislePrintJob *jb = *(AislePrintJob * const *)b;

  if (ja->created_at != jb->created_at)
    return ja->created_at < jb->created_at ? 1 : -1;
  return -g_strcmp0 (ja->id, jb->id);
}

GPtrArray *
aisle_print_queue_list_jobs (AislePrintQueue *self,
                             GDateTime       *day)
{
  GPtrArray *jobs;
  GHashTableIter iter;
  Job *job;

  g_return_val_if_fail (AISLE_IS_PRINT_QUEUE (self), NULL);

  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)aisle_print_job_free);
  g_hash_table_iter_init (&iter, self->jobs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&job))
    if (day == NULL || same_day (job->info.created_at, day))
      g_ptr_array_add (jobs, aisle_print_job_copy (&job->info));

  g_ptr_array_sort (jobs, newest_first);
  return jobs;
}

guint
aisle_print_queue_get_n_pending (AislePrintQueue *self)
{
  GHashTableIter iter;
  Job *job;
  guint n = 0;

  g_return_val_if_fail (AISLE_IS_PRINT_QUEUE (self), 0);

  g_hash_table_iter_init (&iter, self->jobs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&job))
    n += is_pending (job);
  return n;
}

/* The object */

static void
aisle_print_queue_finalize (GObject *object)
{
  AislePrintQueue *self = (AislePrintQueue *)object;

  g_clear_pointer (&self->folder, g_free);
  g_clear_object (&self->printer);
  g_clear_pointer (&self->jobs, g_hash_table_unref);
  g_queue_clear_full (&self->waiting, g_free);

  G_OBJECT_CLASS (aisle_print_queue_parent_class)->finalize (object);
}

static void
aisle_print_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AislePrintQueue *self = AISLE_PRINT_QUEUE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_PRINTER:
      g_value_set_object (value, self->printer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_print_queue_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AislePrintQueue *self = AISLE_PRINT_QUEUE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_string (value);
      break;
    case PROP_PRINTER:
      aisle_print_queue_set_printer (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_print_queue_class_init (AislePrintQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aisle_print_queue_finalize;
  object_class->get_property = aisle_print_queue_get_property;
  object_class->set_property = aisle_print_queue_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRINTER] =
    g_param_spec_object ("printer", NULL, NULL, AISLE_TYPE_PRINTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AislePrintQueue::job-changed:
   * @id: the job's id
   *
   * A job was queued, went to the printer, printed, failed, or was read
   * from the folder.
   */
  signals[JOB_CHANGED] =
    g_signal_new ("job-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
aisle_print_queue_init (AislePrintQueue *self)
{
  self->jobs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)job_free);
  g_queue_init (&self->waiting);
}

AislePrintQueue *
aisle_print_queue_new (const char   *folder,
                       AislePrinter *printer)
{
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (printer == NULL || AISLE_IS_PRINTER (printer), NULL);

  return g_object_new (AISLE_TYPE_PRINT_QUEUE, "folder", folder, "printer", printer, NULL);
}

const char *
aisle_print_queue_get_folder (AislePrintQueue *self)
{
  g_return_val_if_fail (AISLE_IS_PRINT_QUEUE (self), NULL);
  return self->folder;
}

void
aisle_print_queue_set_printer (AislePrintQueue *self,
                               AislePrinter    *printer)
{
  g_return_if_fail (AISLE_IS_PRINT_QUEUE (self));
  g_return_if_fail (printer == NULL || AISLE_IS_PRINTER (printer));

  if (g_set_object (&self->printer, printer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINTER]);
}

AislePrinter *
aisle_print_queue_get_printer (AislePrintQueue *self)
{
  g_return_val_if_fail (AISLE_IS_PRINT_QUEUE (self), NULL);
  return self->printer;
}
