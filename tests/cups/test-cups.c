/* test-cups.c: slips printed through a real cupsd, and what happens when CUPS fails
 *
 * Run by with-cupsd.py, which starts a private cupsd on a Unix socket
 * ($CUPS_SERVER) with two queues: AisleTest, a cups-pdf queue whose PDFs
 * land in $AISLE_TEST_CUPS_OUT, and AisleAborts, on which CUPS aborts every
 * job. The kiosk's own code prints (AislePrintQueue, AisleCupsPrinter); what
 * arrives is read back as a person would: the text with pdftotext, the QR
 * codes with zbarimg from a 150 dpi rendering. The last test stops cupsd.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "aisle-cups-printer.h"
#include "aisle-print-queue.h"
#include "print-test-util.h"

#define ORDER_URL "https://shop.casanord.example/o/CN-000123?k=9f3a"
#define PHONE_URL "https://shop.casanord.example/list?items=301.334.50*2,302.118.07*1,303.500.12*1,304.210.99*1,305.001.44*1"
#define PDF_QUEUE "AisleTest"

static PrintFixture fixture;

static const char *
out_dir (void)
{
  const char *dir = g_getenv ("AISLE_TEST_CUPS_OUT");

  g_assert_nonnull (dir);
  return dir;
}

/* The PDFs cups-pdf has written so far, finished or not. */
static GPtrArray *
list_pdfs (void)
{
  g_autoptr(GDir) listing = g_dir_open (out_dir (), 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (paths, g_build_filename (out_dir (), name, NULL));
  return paths;
}

static guint
count_pdfs (void)
{
  g_autoptr(GPtrArray) paths = list_pdfs ();

  return paths->len;
}

static gboolean
is_finished_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  /* cups-pdf writes in place: a PDF is whole once it ends with %%EOF. */
  return g_file_get_contents (path, &contents, &length, NULL) && length > 16 &&
         g_strstr_len (contents + length - 16, 16, "%%EOF") != NULL;
}

/* Waits for one finished PDF that is not among @before. */
static char *
wait_for_new_pdf (GPtrArray *before)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GPtrArray) paths = list_pdfs ();

      for (guint i = 0; i < paths->len; i++)
        if (!g_ptr_array_find_with_equal_func (before, paths->pdata[i], g_str_equal, NULL) &&
            is_finished_pdf (paths->pdata[i]))
          return g_strdup (paths->pdata[i]);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_usleep (100 * 1000);
    }
}

/* An aisle and its shelf at the start of a line, then the box: "12   04   Box 1 of 2". */
static gboolean
has_place (const char *text,
           const char *aisle,
           const char *shelf,
           const char *what)
{
  g_autofree char *pattern = g_strdup_printf ("(?m)^\\s*%s\\s+%s\\s+%s", aisle, shelf, what);

  return g_regex_match_simple (pattern, text, 0, 0);
}

static void
cupsctl (const char *command,
         const char *queue)
{
  const char *argv[] = { command, "-h", g_getenv ("CUPS_SERVER"), queue, NULL };
  g_autofree char *out = print_test_run (argv, TRUE);
}

static AislePrintJobState
wait_for_job (AislePrintQueue  *queue,
              const char       *id,
              AislePrintJob   **out)
{
  gint64 end = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(AislePrintJob) job = aisle_print_queue_get_job (queue, id);

      g_assert_nonnull (job);
      if ((job->state == AISLE_PRINT_JOB_DONE || job->state == AISLE_PRINT_JOB_FAILED) &&
          aisle_print_queue_get_n_pending (queue) == 0)
        {
          AislePrintJobState state = job->state;

          /* The outcome is written to disk after it is reported. */
          for (guint i = 0; i < 50; i++)
            {
              g_main_context_iteration (NULL, FALSE);
              g_usleep (1000);
            }
          if (out != NULL)
            *out = g_steal_pointer (&job);
          return state;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
job_file_exists (AislePrintQueue *queue,
                 const char      *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (aisle_print_queue_get_folder (queue), name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Prints @slip on @queue_name through a new print queue; returns the job. */
static AislePrintJob *
print_through (const char       *queue_name,
               AisleSlip        *slip,
               AislePrintQueue **out_queue)
{
  g_autofree char *folder = print_test_temp_dir ();
  g_autoptr(AisleCupsPrinter) printer = aisle_cups_printer_new (queue_name);
  g_autoptr(AislePrintQueue) queue = NULL;
  g_autofree char *id = NULL;
  AislePrintJob *job = NULL;

  aisle_cups_printer_set_timeout (printer, 60);
  queue = aisle_print_queue_new (folder, AISLE_PRINTER (printer));
  id = aisle_print_queue_print (queue, slip);
  wait_for_job (queue, id, &job);
  if (out_queue != NULL)
    *out_queue = g_steal_pointer (&queue);
  return job;
}

static void
assert_failed (AislePrintJob     *job,
               AislePrinterError  code)
{
  g_assert_cmpint (job->state, ==, AISLE_PRINT_JOB_FAILED);
  g_assert_error (job->error, AISLE_PRINTER_ERROR, (int)code);
  /* The shopper's sentence, not CUPS's words. */
  g_assert_cmpstr (job->error->message, ==, aisle_printer_error_message (code));
}

typedef struct
{
  GPtrArray *queues;
  GError    *error;
  gboolean   done;
} Listing;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Listing *listing = user_data;

  listing->queues = aisle_cups_list_queues_finish (result, &listing->error);
  listing->done = TRUE;
}

static void
list_queues (Listing *listing)
{
  aisle_cups_list_queues_async (NULL, listed_cb, listing);
  while (!listing->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_queues (void)
{
  Listing listing = { 0 };
  gboolean seen_pdf = FALSE, seen_aborts = FALSE;

  list_queues (&listing);
  g_assert_no_error (listing.error);
  g_assert_cmpuint (listing.queues->len, >=, 2);
  for (guint i = 0; i < listing.queues->len; i++)
    {
      AisleCupsQueue *queue = listing.queues->pdata[i];

      if (g_str_equal (queue->name, PDF_QUEUE))
        {
          seen_pdf = TRUE;
          g_assert_true (queue->accepting);
          g_assert_cmpint (queue->state, !=, AISLE_CUPS_QUEUE_STOPPED);
        }
      seen_aborts |= g_str_equal (queue->name, "AisleAborts");
      /* Sorted by name. */
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (((AisleCupsQueue *)listing.queues->pdata[i - 1])->name, queue->name), <, 0);
    }
  g_assert_true (seen_pdf);
  g_assert_true (seen_aborts);
  g_ptr_array_unref (listing.queues);
}

static void
test_list_slip (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_EN, FALSE);
  g_autoptr(AislePrintJob) job = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *codes = NULL;
  g_autoptr(GPtrArray) before = list_pdfs ();

  job = print_through (PDF_QUEUE, slip, NULL);
  g_assert_no_error (job->error);
  g_assert_cmpint (job->state, ==, AISLE_PRINT_JOB_DONE);

  pdf = wait_for_new_pdf (before);
  print_test_keep (pdf, "cups-list-en.pdf");
  text = print_test_pdf_text (pdf, TRUE);
  g_test_message ("pdftotext:\n%s", text);
  g_assert_nonnull (strstr (text, "Casa Nord Milano"));
  g_assert_nonnull (strstr (text, "Pick it yourself"));
  g_assert_nonnull (strstr (text, "Aisle"));
  g_assert_nonnull (strstr (text, "Shelf"));
  g_assert_nonnull (strstr (text, "2 × 301.334.50"));
  g_assert_true (has_place (text, "12", "04", "Box 1 of 2: Frame"));
  g_assert_true (has_place (text, "31", "17", "Box 2 of 2: Shelves"));
  g_assert_true (has_place (text, "2", "10", "One box"));
  g_assert_nonnull (strstr (text, "Test € äöü ß àèìòù ñ"));
  g_assert_null (strstr (text, "Pickup code"));

  codes = print_test_pdf_qr_codes (pdf);
  g_assert_cmpstr (codes, ==, PHONE_URL "\n");
}

static void
test_order_slip (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_IT, TRUE);
  g_autoptr(AislePrintJob) job = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *codes = NULL;
  g_autoptr(GPtrArray) before = list_pdfs ();

  job = print_through (PDF_QUEUE, slip, NULL);
  g_assert_no_error (job->error);
  g_assert_cmpint (job->state, ==, AISLE_PRINT_JOB_DONE);

  pdf = wait_for_new_pdf (before);
  print_test_keep (pdf, "cups-order-it.pdf");
  text = print_test_pdf_text (pdf, TRUE);
  g_assert_nonnull (strstr (text, "CN-000123"));
  g_assert_nonnull (strstr (text, "4821"));
  g_assert_nonnull (strstr (text, "Corsia"));
  g_assert_true (has_place (text, "12", "04", "\\S"));
  g_assert_nonnull (strstr (text, "1.542,86"));

  codes = print_test_pdf_qr_codes (pdf);
  g_assert_nonnull (strstr (codes, ORDER_URL "\n"));
  g_assert_nonnull (strstr (codes, PHONE_URL "\n"));
}

static void
test_missing_queue (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_EN, FALSE);
  g_autoptr(AislePrintQueue) queue = NULL;
  g_autoptr(AislePrintJob) job = print_through ("NoSuchQueue", slip, &queue);

  assert_failed (job, AISLE_PRINTER_ERROR_NO_QUEUE);
  g_assert_true (job_file_exists (queue, job->id));
  print_test_remove_dir (aisle_print_queue_get_folder (queue));
}

/* The slip is kept while the queue is stopped, and comes out once staff
 * have resumed the queue and print it again. */
static void
test_stopped_queue (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, FALSE);
  g_autoptr(AislePrintQueue) queue = NULL;
  g_autoptr(AislePrintJob) job = NULL;
  g_autoptr(AislePrintJob) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) before = list_pdfs ();

  cupsctl ("cupsdisable", PDF_QUEUE);
  job = print_through (PDF_QUEUE, slip, &queue);
  assert_failed (job, AISLE_PRINTER_ERROR_STOPPED);
  g_assert_true (job_file_exists (queue, job->id));
  /* Nothing came out, and nothing waits in CUPS to come out later. */
  g_usleep (2 * G_USEC_PER_SEC);
  g_assert_cmpuint (count_pdfs (), ==, before->len);

  cupsctl ("cupsenable", PDF_QUEUE);
  g_assert_true (aisle_print_queue_reprint (queue, job->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wait_for_job (queue, job->id, &again), ==, AISLE_PRINT_JOB_DONE);
  g_assert_null (again->error);

  pdf = wait_for_new_pdf (before);
  text = print_test_pdf_text (pdf, TRUE);
  g_assert_nonnull (strstr (text, "Selbst abholen"));
  g_assert_true (has_place (text, "12", "04", "Paket 1 von 2"));
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpuint (count_pdfs (), ==, before->len + 1);
  print_test_remove_dir (aisle_print_queue_get_folder (queue));
}

/* A printer that fails while the job waits (unplugged, say): CUPS stops the
 * queue and keeps the job pending. The kiosk fails it as stopped and takes
 * it back from CUPS, so it cannot come out as well as a reprint later. */
static void
test_stops_while_waiting (void)
{
  const char *lpadmin[] = { "lpadmin", "-h", g_getenv ("CUPS_SERVER"), "-p", "AisleStops", "-E", "-v", "parallel:/",
                            "-m", "raw", "-o", "printer-error-policy=stop-printer", NULL };
  const char *lpstat[] = { "lpstat", "-h", g_getenv ("CUPS_SERVER"), "-o", "AisleStops", NULL };
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_EN, FALSE);
  g_autoptr(AislePrintQueue) queue = NULL;
  g_autoptr(AislePrintJob) job = NULL;
  g_autofree char *created = print_test_run (lpadmin, TRUE);
  g_autofree char *waiting = NULL;

  job = print_through ("AisleStops", slip, &queue);
  assert_failed (job, AISLE_PRINTER_ERROR_STOPPED);
  g_assert_true (job_file_exists (queue, job->id));
  /* Nothing is left waiting in CUPS. */
  waiting = print_test_run (lpstat, FALSE);
  g_assert_cmpstr (waiting, ==, "");
  print_test_remove_dir (aisle_print_queue_get_folder (queue));
}

static void
test_aborted_job (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_EN, TRUE);
  g_autoptr(AislePrintQueue) queue = NULL;
  g_autoptr(AislePrintJob) job = print_through ("AisleAborts", slip, &queue);

  assert_failed (job, AISLE_PRINTER_ERROR_ABORTED);
  g_assert_true (job_file_exists (queue, job->id));
  print_test_remove_dir (aisle_print_queue_get_folder (queue));
}

/* Last: stops cupsd. The job fails at once, as "not running", and is kept. */
static void
test_no_service (void)
{
  const char *pid_text = g_getenv ("AISLE_TEST_CUPSD_PID");
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_EN, FALSE);
  g_autoptr(AislePrintQueue) queue = NULL;
  g_autoptr(AislePrintJob) job = NULL;
  Listing listing = { 0 };
  gint64 start;
  pid_t pid;

  g_assert_nonnull (pid_text);
  pid = (pid_t)g_ascii_strtoll (pid_text, NULL, 10);
  g_assert_cmpint (pid, >, 1);
  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  /* Gone once its socket refuses. */
  for (guint i = 0; i < 100 && kill (pid, 0) == 0; i++)
    g_usleep (100 * 1000);

  start = g_get_monotonic_time ();
  job = print_through (PDF_QUEUE, slip, &queue);
  assert_failed (job, AISLE_PRINTER_ERROR_NO_SERVICE);
  g_assert_true (job_file_exists (queue, job->id));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  list_queues (&listing);
  g_assert_error (listing.error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_NO_SERVICE);
  g_assert_null (listing.queues);
  g_clear_error (&listing.error);
  print_test_remove_dir (aisle_print_queue_get_folder (queue));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  print_test_init_i18n ();
  print_fixture_load (&fixture);

  g_test_add_func ("/cups/queues", test_queues);
  g_test_add_func ("/cups/list-slip", test_list_slip);
  g_test_add_func ("/cups/order-slip", test_order_slip);
  g_test_add_func ("/cups/missing-queue", test_missing_queue);
  g_test_add_func ("/cups/stopped-queue", test_stopped_queue);
  g_test_add_func ("/cups/stops-while-waiting", test_stops_while_waiting);
  g_test_add_func ("/cups/aborted-job", test_aborted_job);
  g_test_add_func ("/cups/no-service", test_no_service);

  status = g_test_run ();
  print_fixture_clear (&fixture);
  return status;
}
