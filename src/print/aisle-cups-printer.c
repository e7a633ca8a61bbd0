/* aisle-cups-printer.c: office printers through CUPS, with libcups on a worker thread */
#define G_LOG_DOMAIN "aisle-cups-printer"

#include "config.h"

#include <cups/cups.h>
#include <stdlib.h>
#include <string.h>

#include "aisle-cups-printer.h"
#include "aisle-pdf-printer.h"

#define CONNECT_TIMEOUT_MS 5000
#define IO_TIMEOUT_S       15.0
#define POLL_INTERVAL_US   (100 * 1000)
#define WRITE_CHUNK        (64 * 1024)
#define MIN_MARGIN         28.35   /* 10 mm */
#define HUNDREDTHS_MM_TO_PT(v) ((double)(v) * 72.0 / 2540.0)

struct _AisleCupsPrinter
{
  GObject        parent_instance;

  char          *name;       /* NULL: the default queue */
  GHashTable    *options;    /* job options: key → value */
  guint          timeout_s;
};

static void printer_iface_init (AislePrinterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AisleCupsPrinter, aisle_cups_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AISLE_TYPE_PRINTER, printer_iface_init))

/* The connection, the queue and the job, as one print job needs them. */
typedef struct
{
  AisleSlip     *slip;
  char          *name;
  cups_option_t *options;
  int            n_options;
  guint          timeout_s;

  http_t        *http;
  cups_dest_t   *dest;
  cups_dinfo_t  *info;
  int            job_id;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->slip);
  g_free (job->name);
  cupsFreeOptions (job->n_options, job->options);
  g_clear_pointer (&job->info, cupsFreeDestInfo);
  if (job->dest != NULL)
    cupsFreeDests (1, job->dest);
  g_clear_pointer (&job->http, httpClose);
  g_free (job);
}

static const char *
queue_name (const char *name)
{
  return name != NULL ? name : "the default queue";
}

/* What an IPP status says about the queue or the server. */
static AislePrinterError
code_for_status (ipp_status_t status)
{
  switch (status)
    {
    case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
    case IPP_STATUS_ERROR_PRINTER_IS_DEACTIVATED:
      return AISLE_PRINTER_ERROR_STOPPED;
    case IPP_STATUS_ERROR_NOT_FOUND:
      return AISLE_PRINTER_ERROR_NO_QUEUE;
    case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
      return AISLE_PRINTER_ERROR_NO_SERVICE;
    default:
      return AISLE_PRINTER_ERROR_FAILED;
    }
}

static void
set_ipp_error (GError     **error,
               const char  *what)
{
  g_set_error (error, AISLE_PRINTER_ERROR, code_for_status (cupsLastError ()), "%s: %s", what,
               cupsLastErrorString ());
}

static http_t *
connect_cups (GError **error)
{
  const char *server = cupsServer ();
  http_t *http;

  http = httpConnect2 (server, ippPort (), NULL, AF_UNSPEC, cupsEncryption (), 1, CONNECT_TIMEOUT_MS, NULL);
  if (http == NULL)
    {
      /* libcups keeps no reason; errno is the last of several tries. */
      g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_NO_SERVICE, "no print server answers at %s",
                   server);
      return NULL;
    }
  /* No answer within this long fails the request instead of waiting on. */
  httpSetTimeout (http, IO_TIMEOUT_S, NULL, NULL);
  return http;
}

/* The queue, with its state as CUPS has it now. */
static gboolean
find_queue (Job     *job,
            GError **error)
{
  const char *state, *accepting, *why;

  job->dest = cupsGetNamedDest (job->http, job->name, NULL);
  if (job->dest == NULL)
    {
      ipp_status_t status = cupsLastError ();

      if (status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || httpError (job->http) != 0)
        set_ipp_error (error, queue_name (job->name));
      else
        g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_NO_QUEUE, "%s: CUPS has no such queue",
                     queue_name (job->name));
      return FALSE;
    }

  state = cupsGetOption ("printer-state", job->dest->num_options, job->dest->options);
  accepting = cupsGetOption ("printer-is-accepting-jobs", job->dest->num_options, job->dest->options);
  why = cupsGetOption ("printer-state-message", job->dest->num_options, job->dest->options);
  if (state != NULL && atoi (state) == IPP_PSTATE_STOPPED)
    {
      g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_STOPPED, "%s is stopped: %s", job->dest->name,
                   why && *why ? why : "no reason given");
      return FALSE;
    }
  if (accepting != NULL && g_str_equal (accepting, "false"))
    {
      g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_STOPPED, "%s refuses jobs", job->dest->name);
      return FALSE;
    }
  job->info = cupsCopyDestInfo (job->http, job->dest);
  return TRUE;
}

/* The slip on the queue's default paper (A4 when it has none), within the
 * printer's margins. */
static GBytes *
render (Job     *job,
        GError **error)
{
  double width = AISLE_PDF_A4_WIDTH, height = AISLE_PDF_A4_HEIGHT, margin = 42.52;
  cups_size_t size;

  if (job->info != NULL && cupsGetDestMediaDefault (job->http, job->dest, job->info, 0, &size))
    {
      double w = HUNDREDTHS_MM_TO_PT (size.width), h = HUNDREDTHS_MM_TO_PT (size.length);
      double m = MAX (MIN_MARGIN, HUNDREDTHS_MM_TO_PT (MAX (MAX (size.left, size.right), MAX (size.top, size.bottom))));

      /* A label or a roll too small for a slip keeps A4: CUPS scales it. */
      if (w > 2 * m + 144 && h > 2 * m + 144)
        {
          width = w;
          height = h;
          margin = m;
        }
    }
  return aisle_slip_to_pdf (job->slip, width, height, margin, error);
}

static void
cancel_cups_job (Job *job)
{
  if (job->job_id > 0 && cupsCancelDestJob (job->http, job->dest, job->job_id) > IPP_STATUS_OK_CONFLICTING)
    g_message ("%s: could not cancel job %d: %s", job->dest->name, job->job_id, cupsLastErrorString ());
}

static gboolean
submit (Job     *job,
        GBytes  *pdf,
        GError **error)
{
  g_autofree char *title = g_strdup_printf ("Aisle %s", aisle_slip_get_id (job->slip));
  const guint8 *data;
  gsize length, sent = 0;

  if (cupsCreateDestJob (job->http, job->dest, job->info, &job->job_id, title, job->n_options, job->options) >
        IPP_STATUS_OK_CONFLICTING || job->job_id <= 0)
    {
      set_ipp_error (error, job->dest->name);
      return FALSE;
    }
  if (cupsStartDestDocument (job->http, job->dest, job->info, job->job_id, title, CUPS_FORMAT_PDF, 0, NULL, 1) !=
      HTTP_STATUS_CONTINUE)
    {
      set_ipp_error (error, job->dest->name);
      cancel_cups_job (job);
      return FALSE;
    }

  data = g_bytes_get_data (pdf, &length);
  while (sent < length)
    {
      gsize n = MIN (length - sent, WRITE_CHUNK);

      if (cupsWriteRequestData (job->http, (const char *)data + sent, n) != HTTP_STATUS_CONTINUE)
        {
          set_ipp_error (error, job->dest->name);
          cupsFinishDestDocument (job->http, job->dest, job->info);
          cancel_cups_job (job);
          return FALSE;
        }
      sent += n;
    }
  if (cupsFinishDestDocument (job->http, job->dest, job->info) > IPP_STATUS_OK_CONFLICTING)
    {
      set_ipp_error (error, job->dest->name);
      cancel_cups_job (job);
      return FALSE;
    }
  g_debug ("%s: job %d sent, %" G_GSIZE_FORMAT " bytes of PDF", job->dest->name, job->job_id, length);
  return TRUE;
}

static ipp_t *
ask (Job        *job,
     ipp_op_t    operation,
     const char *uri_name,
     const char *uri,
     const char *const *attributes,
     int         n_attributes)
{
  ipp_t *request = ippNewRequest (operation);

  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, uri_name, NULL, uri);
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", n_attributes, NULL,
                 attributes);
  return cupsDoRequest (job->http, request, "/");
}

/* The job's state, and whether its queue has stopped meanwhile. */
static gboolean
get_job_state (Job          *job,
               ipp_jstate_t *state,
               gboolean     *queue_stopped,
               char        **message,
               GError      **error)
{
  static const char *const job_attributes[] = { "job-state", "job-printer-state-message" };
  static const char *const queue_attributes[] = { "printer-state", "printer-state-message" };
  g_autofree char *job_uri = g_strdup_printf ("ipp://localhost/jobs/%d", job->job_id);
  g_autofree char *queue_uri = g_strdup_printf ("ipp://localhost/printers/%s", job->dest->name);
  ipp_attribute_t *attribute;
  ipp_t *response;

  response = ask (job, IPP_OP_GET_JOB_ATTRIBUTES, "job-uri", job_uri, job_attributes, G_N_ELEMENTS (job_attributes));
  if (response == NULL || cupsLastError () > IPP_STATUS_OK_CONFLICTING ||
      (attribute = ippFindAttribute (response, "job-state", IPP_TAG_ENUM)) == NULL)
    {
      set_ipp_error (error, job->dest->name);
      ippDelete (response);
      return FALSE;
    }
  *state = (ipp_jstate_t)ippGetInteger (attribute, 0);
  if ((attribute = ippFindAttribute (response, "job-printer-state-message", IPP_TAG_TEXT)) != NULL)
    *message = g_strdup (ippGetString (attribute, 0, NULL));
  ippDelete (response);

  *queue_stopped = FALSE;
  if (*state >= IPP_JSTATE_STOPPED)
    return TRUE;
  response = ask (job, IPP_OP_GET_PRINTER_ATTRIBUTES, "printer-uri", queue_uri, queue_attributes,
                  G_N_ELEMENTS (queue_attributes));
  if (response != NULL && (attribute = ippFindAttribute (response, "printer-state", IPP_TAG_ENUM)) != NULL)
    {
      *queue_stopped = ippGetInteger (attribute, 0) == IPP_PSTATE_STOPPED;
      if (*queue_stopped && (attribute = ippFindAttribute (response, "printer-state-message", IPP_TAG_TEXT)) != NULL)
        {
          g_free (*message);
          *message = g_strdup (ippGetString (attribute, 0, NULL));
        }
    }
  ippDelete (response);
  return TRUE;
}

/* Waits for CUPS to finish the job, polling: CUPS only tells subscribers
 * through notifiers, which a kiosk without a D-Bus system bus lacks. */
static gboolean
follow (Job           *job,
        GCancellable  *cancellable,
        GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)job->timeout_s * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *message = NULL;
      ipp_jstate_t state = IPP_JSTATE_PENDING;
      gboolean queue_stopped = FALSE;
      const char *why;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cancel_cups_job (job);
          return FALSE;
        }
      if (!get_job_state (job, &state, &queue_stopped, &message, error))
        return FALSE;
      why = message && *message ? message : "no reason given";

      switch (state)
        {
        case IPP_JSTATE_COMPLETED:
          return TRUE;
        case IPP_JSTATE_ABORTED:
          g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_ABORTED, "%s: CUPS aborted job %d: %s",
                       job->dest->name, job->job_id, why);
          return FALSE;
        case IPP_JSTATE_CANCELED:
          g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "%s: job %d was cancelled in CUPS",
                       job->dest->name, job->job_id);
          return FALSE;
        case IPP_JSTATE_STOPPED:
          queue_stopped = TRUE;
          break;
        case IPP_JSTATE_PENDING:
        case IPP_JSTATE_HELD:
        case IPP_JSTATE_PROCESSING:
        default:
          break;
        }

      if (queue_stopped)
        {
          g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_STOPPED, "%s stopped with job %d waiting: %s",
                       job->dest->name, job->job_id, why);
          cancel_cups_job (job);
          return FALSE;
        }
      if (g_get_monotonic_time () >= deadline)
        {
          g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_TIMEOUT, "%s: job %d not done within %u s",
                       job->dest->name, job->job_id, job->timeout_s);
          cancel_cups_job (job);
          return FALSE;
        }
      g_usleep (POLL_INTERVAL_US);
    }
}

static void
print_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GBytes) pdf = NULL;
  GError *error = NULL;

  if ((job->http = connect_cups (&error)) != NULL &&
      find_queue (job, &error) &&
      (pdf = render (job, &error)) != NULL &&
      submit (job, pdf, &error) &&
      follow (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
add_option (gpointer key,
            gpointer value,
            gpointer data)
{
  Job *job = data;

  job->n_options = cupsAddOption (key, value, job->n_options, &job->options);
}

static void
aisle_cups_printer_print_async (AislePrinter        *printer,
                                AisleSlip           *slip,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  AisleCupsPrinter *self = AISLE_CUPS_PRINTER (printer);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->slip = g_object_ref (slip);
  job->name = g_strdup (self->name);
  job->timeout_s = self->timeout_s;
  g_hash_table_foreach (self->options, add_option, job);

  g_task_set_source_tag (task, aisle_cups_printer_print_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, print_thread);
}

static void
printer_iface_init (AislePrinterInterface *iface)
{
  iface->print_async = aisle_cups_printer_print_async;
}

static void
aisle_cups_printer_finalize (GObject *object)
{
  AisleCupsPrinter *self = (AisleCupsPrinter *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->options, g_hash_table_unref);

  G_OBJECT_CLASS (aisle_cups_printer_parent_class)->finalize (object);
}

static void
aisle_cups_printer_class_init (AisleCupsPrinterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_cups_printer_finalize;
}

static void
aisle_cups_printer_init (AisleCupsPrinter *self)
{
  self->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->timeout_s = AISLE_CUPS_DEFAULT_TIMEOUT;
}

AisleCupsPrinter *
aisle_cups_printer_new (const char *queue)
{
  AisleCupsPrinter *self = g_object_new (AISLE_TYPE_CUPS_PRINTER, NULL);

  self->name = (queue && *queue) ? g_strdup (queue) : NULL;
  return self;
}

const char *
aisle_cups_printer_get_name (AisleCupsPrinter *self)
{
  g_return_val_if_fail (AISLE_IS_CUPS_PRINTER (self), NULL);
  return self->name;
}

void
aisle_cups_printer_set_option (AisleCupsPrinter *self,
                               const char       *key,
                               const char       *value)
{
  g_return_if_fail (AISLE_IS_CUPS_PRINTER (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    g_hash_table_remove (self->options, key);
  else
    g_hash_table_replace (self->options, g_strdup (key), g_strdup (value));
}

void
aisle_cups_printer_set_timeout (AisleCupsPrinter *self,
                                guint             seconds)
{
  g_return_if_fail (AISLE_IS_CUPS_PRINTER (self));
  g_return_if_fail (seconds > 0);

  self->timeout_s = seconds;
}

/* The queues */

void
aisle_cups_queue_free (AisleCupsQueue *queue)
{
  if (queue == NULL)
    return;
  g_free (queue->name);
  g_free (queue->description);
  g_free (queue->location);
  g_free (queue);
}

static int
compare_queues (gconstpointer a,
                gconstpointer b)
{
  const AisleCupsQueue *qa = *(AisleCupsQueue **)a, *qb = *(AisleCupsQueue **)b;

  return g_utf8_collate (qa->name, qb->name);
}

static char *
default_queue (http_t *http)
{
  ipp_t *response = cupsDoRequest (http, ippNewRequest (IPP_OP_CUPS_GET_DEFAULT), "/");
  ipp_attribute_t *attribute;
  char *name = NULL;

  if (response != NULL && (attribute = ippFindAttribute (response, "printer-name", IPP_TAG_NAME)) != NULL)
    name = g_strdup (ippGetString (attribute, 0, NULL));
  ippDelete (response);
  return name;
}

static const char *
string_or_empty (ipp_attribute_t *attribute)
{
  const char *value = attribute ? ippGetString (attribute, 0, NULL) : NULL;

  return value ? value : "";
}

/* The queues cupsd has itself (CUPS-Get-Printers), without the network
 * discovery cupsGetDests2() may do. */
static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  static const char *const attributes[] = {
    "printer-name", "printer-info", "printer-location", "printer-state", "printer-is-accepting-jobs",
  };
  g_autoptr(GPtrArray) queues = g_ptr_array_new_with_free_func ((GDestroyNotify)aisle_cups_queue_free);
  g_autofree char *fallback = NULL;
  GError *error = NULL;
  ipp_attribute_t *attribute;
  ipp_t *request, *response;
  http_t *http;

  if ((http = connect_cups (&error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  fallback = default_queue (http);

  request = ippNewRequest (IPP_OP_CUPS_GET_PRINTERS);
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", G_N_ELEMENTS (attributes),
                 NULL, attributes);
  response = cupsDoRequest (http, request, "/");
  /* No queues at all answers not-found: an empty list, not an error. */
  if (response == NULL && cupsLastError () != IPP_STATUS_ERROR_NOT_FOUND)
    {
      set_ipp_error (&error, "CUPS-Get-Printers");
      httpClose (http);
      g_task_return_error (task, error);
      return;
    }

  /* One group of attributes per queue, each starting with its name. */
  attribute = response ? ippFirstAttribute (response) : NULL;
  while (attribute != NULL)
    {
      AisleCupsQueue *queue;

      while (attribute != NULL && ippGetGroupTag (attribute) != IPP_TAG_PRINTER)
        attribute = ippNextAttribute (response);
      if (attribute == NULL)
        break;

      queue = g_new0 (AisleCupsQueue, 1);
      queue->accepting = TRUE;
      for (; attribute != NULL && ippGetGroupTag (attribute) == IPP_TAG_PRINTER; attribute = ippNextAttribute (response))
        {
          const char *name = ippGetName (attribute);

          if (g_strcmp0 (name, "printer-name") == 0)
            queue->name = g_strdup (string_or_empty (attribute));
          else if (g_strcmp0 (name, "printer-info") == 0)
            queue->description = g_strdup (string_or_empty (attribute));
          else if (g_strcmp0 (name, "printer-location") == 0)
            queue->location = g_strdup (string_or_empty (attribute));
          else if (g_strcmp0 (name, "printer-state") == 0)
            queue->state = ippGetInteger (attribute, 0) == IPP_PSTATE_STOPPED      ? AISLE_CUPS_QUEUE_STOPPED
                           : ippGetInteger (attribute, 0) == IPP_PSTATE_PROCESSING ? AISLE_CUPS_QUEUE_PROCESSING
                                                                                  : AISLE_CUPS_QUEUE_IDLE;
          else if (g_strcmp0 (name, "printer-is-accepting-jobs") == 0)
            queue->accepting = ippGetBoolean (attribute, 0);
        }

      if (queue->name == NULL || *queue->name == '\0')
        {
          aisle_cups_queue_free (queue);
          continue;
        }
      if (queue->description == NULL)
        queue->description = g_strdup ("");
      if (queue->location == NULL)
        queue->location = g_strdup ("");
      queue->is_default = g_strcmp0 (queue->name, fallback) == 0;
      g_ptr_array_add (queues, queue);
    }
  ippDelete (response);
  httpClose (http);

  g_ptr_array_sort (queues, compare_queues);
  g_task_return_pointer (task, g_steal_pointer (&queues), (GDestroyNotify)g_ptr_array_unref);
}

void
aisle_cups_list_queues_async (GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, aisle_cups_list_queues_async);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
aisle_cups_list_queues_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
