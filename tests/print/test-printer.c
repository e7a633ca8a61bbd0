/* test-printer.c: receipt printers that fail, and the print queue that keeps the slip
 *
 * tests/print/printer-server.py plays a network receipt printer on
 * 127.0.0.1: out of paper, cover open, a connection reset mid-job, or no
 * answer at all. Each failure must reach the caller as its own error code
 * within the time limits; the queue keeps the job as failed, and a reprint
 * once the printer is fine delivers the whole slip, byte for byte.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "aisle-error.h"
#include "aisle-escpos-printer.h"
#include "aisle-print-queue.h"
#include "print-test-util.h"

#define CONNECT_MS 1000
#define WRITE_MS   1000
#define STATUS_MS  500

static PrintFixture fixture;
static GPid server_pid;
static int server_in = -1;
static FILE *server_out;
static guint server_port;
static char *server_dir;
static char *record_path;

static void
start_server (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "print", "printer-server.py", NULL);
  const char *argv[] = { "python3", script, "--port", "0", "--record", NULL, NULL };
  g_autoptr(GError) error = NULL;
  char line[128];
  int out;

  server_dir = print_test_temp_dir ();
  record_path = g_build_filename (server_dir, "received.bin", NULL);
  argv[5] = record_path;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &server_pid, &server_in, &out, NULL, &error));
  g_assert_no_error (error);
  server_out = fdopen (out, "r");
  g_assert_nonnull (fgets (line, sizeof line, server_out));
  g_assert_true (sscanf (line, "PORT %u", &server_port) == 1);
}

static void
stop_server (void)
{
  close (server_in);
  fclose (server_out);
  kill (server_pid, SIGTERM);
  g_spawn_close_pid (server_pid);
  print_test_remove_dir (server_dir);
  g_clear_pointer (&server_dir, g_free);
  g_clear_pointer (&record_path, g_free);
}

static void
set_mode (const char *mode)
{
  g_autofree char *command = g_strdup_printf ("mode %s\n", mode);
  g_autofree char *ack = g_strdup_printf ("OK %s\n", mode);
  char line[128];

  g_assert_cmpint (write (server_in, command, strlen (command)), ==, (gssize)strlen (command));
  g_assert_nonnull (fgets (line, sizeof line, server_out));
  g_assert_cmpstr (line, ==, ack);
  /* What the printer received from now on. */
  g_assert_true (g_file_set_contents (record_path, "", 0, NULL));
}

static GBytes *
recorded (void)
{
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (record_path, &contents, &len, NULL);
  return g_bytes_new_take (contents, len);
}

static AislePrinter *
tcp_printer (void)
{
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", server_port);
  g_autoptr(GError) error = NULL;
  AisleEscposPrinter *printer = aisle_escpos_printer_new (target, &error);

  g_assert_no_error (error);
  g_assert_true (aisle_escpos_printer_is_network (printer));
  aisle_escpos_printer_set_timeouts (printer, CONNECT_MS, WRITE_MS, STATUS_MS);
  return AISLE_PRINTER (printer);
}

static GBytes *
job_bytes (AislePrinter *printer,
           AisleSlip    *slip)
{
  AisleEscposOptions options;

  aisle_escpos_printer_get_options (AISLE_ESCPOS_PRINTER (printer), &options);
  return aisle_escpos_render (slip, &options, NULL);
}

/* Where @needle starts in @haystack, or -1. */
static gssize
find_bytes (GBytes *haystack,
            GBytes *needle)
{
  gsize len, needle_len;
  const guint8 *data = g_bytes_get_data (haystack, &len);
  const guint8 *n = g_bytes_get_data (needle, &needle_len);

  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (data + i, n, needle_len) == 0)
      return (gssize)i;
  return -1;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  r->ok = aisle_printer_print_finish (AISLE_PRINTER (object), result, &r->error);
  r->done = TRUE;
}

/* Prints and returns the error (NULL when printed), and how long it took. */
static GError *
print_slip (AislePrinter *printer,
            AisleSlip    *slip,
            gint64       *elapsed_ms)
{
  Result r = { 0 };
  gint64 start = g_get_monotonic_time ();

  aisle_printer_print_async (printer, slip, NULL, printed_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  if (elapsed_ms)
    *elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_true (r.ok == (r.error == NULL));
  return r.error;
}

static void
assert_fails (const char        *mode,
              AisleEscposQrMode  qr_mode,
              AislePrinterError  code,
              gint64             within_ms)
{
  g_autoptr(AislePrinter) printer = tcp_printer ();
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  g_autoptr(GError) error = NULL;
  gint64 elapsed;

  aisle_escpos_printer_set_qr_mode (AISLE_ESCPOS_PRINTER (printer), qr_mode);
  set_mode (mode);
  error = print_slip (printer, slip, &elapsed);
  g_assert_error (error, AISLE_PRINTER_ERROR, (gint)code);
  /* A sentence for the shopper, in the kiosk's language, not a socket error. */
  g_assert_cmpstr (error->message, ==, aisle_printer_error_message (code));
  g_assert_cmpint (elapsed, <, within_ms);
}

static void
test_tcp_ok (void)
{
  g_autoptr(AislePrinter) printer = tcp_printer ();
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  g_autoptr(GBytes) job = job_bytes (printer, slip);
  g_autoptr(GBytes) received = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 queries[] = { 0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4 };
  const guint8 *data;
  gsize len;

  set_mode ("ok");
  error = print_slip (printer, slip, NULL);
  g_assert_no_error (error);

  /* Status, the job, status again: nothing else, nothing lost. */
  received = recorded ();
  data = g_bytes_get_data (received, &len);
  g_assert_cmpuint (len, ==, g_bytes_get_size (job) + 2 * sizeof queries);
  g_assert_cmpmem (data, sizeof queries, queries, sizeof queries);
  g_assert_cmpint (find_bytes (received, job), ==, sizeof queries);
  g_assert_cmpmem (data + len - sizeof queries, sizeof queries, queries, sizeof queries);
}

static void
test_paper_out (void)
{
  assert_fails ("paper-out", AISLE_ESCPOS_QR_NATIVE, AISLE_PRINTER_ERROR_PAPER_OUT, STATUS_MS * 3);
}

static void
test_cover_open (void)
{
  assert_fails ("cover-open", AISLE_ESCPOS_QR_NATIVE, AISLE_PRINTER_ERROR_COVER_OPEN, STATUS_MS * 3);
}

static void
test_dropped (void)
{
  /* Raster QR codes make the job tens of kilobytes: reset while sending. */
  assert_fails ("drop", AISLE_ESCPOS_QR_RASTER, AISLE_PRINTER_ERROR_OFFLINE, STATUS_MS * 3 + WRITE_MS);
}

static void
test_stalled (void)
{
  /* Connected, but the first status question gets no answer. */
  assert_fails ("stall", AISLE_ESCPOS_QR_NATIVE, AISLE_PRINTER_ERROR_TIMEOUT, STATUS_MS + 1000);
}

static void
test_stalled_mid_job (void)
{
  /* Answers, then stops reading: the job or the status after it times out. */
  assert_fails ("stall-job", AISLE_ESCPOS_QR_RASTER, AISLE_PRINTER_ERROR_TIMEOUT, WRITE_MS + STATUS_MS * 3 + 1000);
}

static void
test_refused (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(AisleEscposPrinter) printer = NULL;
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_IT, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  gint64 elapsed;

  /* A port that was just free: nobody listens there. */
  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  target = g_strdup_printf ("tcp://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  printer = aisle_escpos_printer_new (target, NULL);
  aisle_escpos_printer_set_timeouts (printer, CONNECT_MS, WRITE_MS, STATUS_MS);
  error = print_slip (AISLE_PRINTER (printer), slip, &elapsed);
  g_assert_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_OFFLINE);
  g_assert_cmpint (elapsed, <, CONNECT_MS);
}

static void
test_bad_target (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleEscposPrinter) printer = aisle_escpos_printer_new ("", &error);

  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_assert_null (printer);
}

/* Device files */

static void
test_device_file (void)
{
  g_autofree char *dir = print_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "lp0", NULL);
  g_autoptr(AisleEscposPrinter) printer = NULL;
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_ES, TRUE);
  g_autoptr(GBytes) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  printer = aisle_escpos_printer_new (path, NULL);
  g_assert_false (aisle_escpos_printer_is_network (printer));
  aisle_escpos_printer_set_columns (printer, AISLE_ESCPOS_COLUMNS_58MM);
  aisle_escpos_printer_set_qr_mode (printer, AISLE_ESCPOS_QR_RASTER);

  error = print_slip (AISLE_PRINTER (printer), slip, NULL);
  g_assert_no_error (error);
  job = job_bytes (AISLE_PRINTER (printer), slip);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (job, NULL), g_bytes_get_size (job));
  print_test_remove_dir (dir);
}

static void
test_device_missing (void)
{
  g_autofree char *dir = print_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "usb", "lp0", NULL);
  g_autoptr(AisleEscposPrinter) printer = aisle_escpos_printer_new (path, NULL);
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, FALSE);
  g_autoptr(GError) error = print_slip (AISLE_PRINTER (printer), slip, NULL);

  g_assert_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_OFFLINE);
  /* An unplugged printer is not a file to create. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  print_test_remove_dir (dir);
}

/* The queue */

static AislePrintJobState
wait_for_job (AislePrintQueue *queue,
              const char      *id)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(AislePrintJob) job = aisle_print_queue_get_job (queue, id);

      g_assert_nonnull (job);
      if ((job->state == AISLE_PRINT_JOB_DONE || job->state == AISLE_PRINT_JOB_FAILED) &&
          aisle_print_queue_get_n_pending (queue) == 0)
        {
          /* The outcome is written after it is reported: let it land. */
          for (guint i = 0; i < 50; i++)
            {
              g_main_context_iteration (NULL, FALSE);
              g_usleep (1000);
            }
          return job->state;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (aisle_print_queue_load_finish (AISLE_PRINT_QUEUE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
load (AislePrintQueue *queue)
{
  gboolean done = FALSE;

  aisle_print_queue_load_async (queue, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
saved_state (const char *folder,
             const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *contents = NULL;
  const char *state;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  state = strstr (contents, "\"state\":\"");
  g_assert_nonnull (state);
  state += strlen ("\"state\":\"");
  return g_strndup (state, strcspn (state, "\""));
}

static void
count_changes (AislePrintQueue *queue,
               const char      *id,
               guint           *count)
{
  (*count)++;
}

static void
test_queue_reprint (void)
{
  g_autofree char *folder = print_test_temp_dir ();
  g_autoptr(AislePrinter) printer = tcp_printer ();
  g_autoptr(AislePrintQueue) queue = aisle_print_queue_new (folder, printer);
  g_autoptr(AislePrintQueue) restarted = NULL;
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  g_autoptr(GBytes) job_data = job_bytes (printer, slip);
  g_autoptr(AislePrintJob) job = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GBytes) received = NULL;
  g_autofree char *id = NULL;
  g_autofree char *state = NULL;
  guint changes = 0;

  g_signal_connect (queue, "job-changed", G_CALLBACK (count_changes), &changes);

  /* Out of paper: the job fails, and stays on disk as failed. */
  set_mode ("paper-out");
  id = aisle_print_queue_print (queue, slip);
  g_assert_cmpstr (id, ==, aisle_slip_get_id (slip));
  g_assert_cmpint (wait_for_job (queue, id), ==, AISLE_PRINT_JOB_FAILED);
  job = aisle_print_queue_get_job (queue, id);
  g_assert_error (job->error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_PAPER_OUT);
  g_assert_cmpuint (job->attempts, ==, 1);
  g_assert_cmpstr (job->order_number, ==, "CN-000123");
  g_assert_cmpstr (job->total, ==, "1.542,86" "\302\240" "€");
  g_assert_cmpuint (changes, >=, 3);   /* queued, printing, failed */
  state = saved_state (folder, id);
  g_assert_cmpstr (state, ==, "failed");
  g_clear_pointer (&job, aisle_print_job_free);

  /* Paper in: staff reprint, the whole slip comes out. */
  set_mode ("ok");
  g_assert_true (aisle_print_queue_reprint (queue, id, NULL));
  g_assert_cmpint (wait_for_job (queue, id), ==, AISLE_PRINT_JOB_DONE);
  job = aisle_print_queue_get_job (queue, id);
  g_assert_cmpuint (job->attempts, ==, 2);
  received = recorded ();
  g_assert_cmpuint (g_bytes_get_size (received), ==, g_bytes_get_size (job_data) + 18);
  g_assert_cmpint (find_bytes (received, job_data), ==, 9);
  g_clear_pointer (&state, g_free);
  state = saved_state (folder, id);
  g_assert_cmpstr (state, ==, "done");

  /* After a restart: today's jobs, and a reprint from the file alone. */
  restarted = aisle_print_queue_new (folder, printer);
  load (restarted);
  today = aisle_print_queue_list_jobs (restarted, now);
  g_assert_cmpuint (today->len, ==, 1);
  g_assert_cmpstr (((AislePrintJob *)g_ptr_array_index (today, 0))->id, ==, id);
  g_clear_pointer (&today, g_ptr_array_unref);
  today = aisle_print_queue_list_jobs (restarted, yesterday);
  g_assert_cmpuint (today->len, ==, 0);

  set_mode ("ok");
  g_assert_true (aisle_print_queue_reprint (restarted, id, NULL));
  g_assert_cmpint (wait_for_job (restarted, id), ==, AISLE_PRINT_JOB_DONE);
  g_clear_pointer (&received, g_bytes_unref);
  received = recorded ();
  g_assert_cmpint (find_bytes (received, job_data), ==, 9);

  g_assert_false (aisle_print_queue_reprint (restarted, "no-such-job", NULL));
  print_test_remove_dir (folder);
}

static void
test_queue_no_printer (void)
{
  g_autofree char *folder = print_test_temp_dir ();
  g_autoptr(AislePrintQueue) queue = aisle_print_queue_new (folder, NULL);
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_EN, FALSE);
  g_autofree char *id = aisle_print_queue_print (queue, slip);
  g_autoptr(AislePrintJob) job = NULL;
  g_autofree char *state = NULL;

  g_assert_cmpint (wait_for_job (queue, id), ==, AISLE_PRINT_JOB_FAILED);
  job = aisle_print_queue_get_job (queue, id);
  g_assert_error (job->error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_OFFLINE);
  state = saved_state (folder, id);
  g_assert_cmpstr (state, ==, "failed");
  print_test_remove_dir (folder);
}

static void
write_file (const char *folder,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

/* Whatever lies in the folder, loading neither crashes nor believes it. */
static void
test_queue_hostile_folder (void)
{
  g_autofree char *folder = print_test_temp_dir ();
  g_autoptr(AislePrintQueue) queue = NULL;
  g_autoptr(AislePrintQueue) writer = aisle_print_queue_new (folder, NULL);
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_EN, FALSE);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(AislePrintJob) job = NULL;
  g_autoptr(GString) deep = g_string_new ("");
  g_autofree char *huge = g_malloc0 (AISLE_SLIP_MAX_JSON_BYTES + 10);
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *good = NULL;
  g_autoptr(GString) damaged = NULL;
  g_autoptr(GString) stale = NULL;
  g_autofree char *dir_path = g_build_filename (folder, "20261120-093000-dir.json", NULL);
  g_autofree char *link_path = g_build_filename (folder, "20261120-093000-link.json", NULL);

  /* A real job to start from. */
  id = aisle_print_queue_print (writer, slip);
  g_assert_cmpint (wait_for_job (writer, id), ==, AISLE_PRINT_JOB_FAILED);
  path = g_strconcat (folder, "/", id, ".json", NULL);
  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  memset (huge, ' ', AISLE_SLIP_MAX_JSON_BYTES + 9);
  huge[0] = '{';

  write_file (folder, "not-json.json", "{\"format\": \"aisle-print-job\", ", -1);
  write_file (folder, "deep.json", deep->str, -1);
  write_file (folder, "huge.json", huge, -1);
  write_file (folder, "types.json", "{\"format\":\"aisle-print-job\",\"format_version\":\"1\",\"id\":7}", -1);
  write_file (folder, "..json", good, -1);
  write_file (folder, "nul.json", "{\"format\":\"aisle-print-job\"\0garbage", 35);
  write_file (folder, "other-id.json", good, -1);   /* says it is another job */
  g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", link_path), ==, 0);

  /* A job whose list is damaged: listed, but a reprint fails cleanly. */
  damaged = g_string_new (good);
  g_string_replace (damaged, id, "20261120-093000-damaged", 0);
  g_string_replace (damaged, "\"pick\":[", "\"pick\":[7,", 1);
  write_file (folder, "20261120-093000-damaged.json", damaged->str, -1);

  /* Left "printing" by a crash: failed, nobody knows whether it came out. */
  stale = g_string_new (good);
  g_string_replace (stale, id, "20261120-093000-stale", 0);
  g_string_replace (stale, "\"state\":\"failed\"", "\"state\":\"printing\"", 1);
  write_file (folder, "20261120-093000-stale.json", stale->str, -1);

  queue = aisle_print_queue_new (folder, NULL);
  load (queue);
  jobs = aisle_print_queue_list_jobs (queue, NULL);
  g_assert_cmpuint (jobs->len, ==, 3);

  job = aisle_print_queue_get_job (queue, "20261120-093000-stale");
  g_assert_cmpint (job->state, ==, AISLE_PRINT_JOB_FAILED);
  g_assert_error (job->error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED);
  g_clear_pointer (&job, aisle_print_job_free);

  g_assert_true (aisle_print_queue_reprint (queue, "20261120-093000-damaged", NULL));
  g_assert_cmpint (wait_for_job (queue, "20261120-093000-damaged"), ==, AISLE_PRINT_JOB_FAILED);
  job = aisle_print_queue_get_job (queue, "20261120-093000-damaged");
  g_assert_error (job->error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);

  print_test_remove_dir (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  print_test_init_i18n ();
  print_fixture_load (&fixture);
  start_server ();

  g_test_add_func ("/printer/tcp-ok", test_tcp_ok);
  g_test_add_func ("/printer/paper-out", test_paper_out);
  g_test_add_func ("/printer/cover-open", test_cover_open);
  g_test_add_func ("/printer/dropped", test_dropped);
  g_test_add_func ("/printer/stalled", test_stalled);
  g_test_add_func ("/printer/stalled-mid-job", test_stalled_mid_job);
  g_test_add_func ("/printer/refused", test_refused);
  g_test_add_func ("/printer/bad-target", test_bad_target);
  g_test_add_func ("/printer/device-file", test_device_file);
  g_test_add_func ("/printer/device-missing", test_device_missing);
  g_test_add_func ("/queue/reprint", test_queue_reprint);
  g_test_add_func ("/queue/no-printer", test_queue_no_printer);
  g_test_add_func ("/queue/hostile-folder", test_queue_hostile_folder);

  status = g_test_run ();
  stop_server ();
  print_fixture_clear (&fixture);
  return status;
}
