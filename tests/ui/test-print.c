/* test-print.c: "Print my list" and the printer's failures, under Xvfb
 *
 * The real kiosk prints the shopper's list through its print queue: to PDF
 * files, and to a fake network receipt printer on 127.0.0.1 that runs out of
 * paper. A failure is told in plain words, the slip is drawn on screen with
 * its QR code (read back by zbar, an independent decoder), the job is kept
 * failed for staff, and "Try again" prints it once the paper is back.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "aisle-escpos-printer.h"
#include "aisle-pdf-printer.h"
#include "aisle-slip-page.h"
#include "aisle-slip-view.h"
#include "kiosk-test-util.h"

static GPid   server_pid;
static int    server_in = -1;
static FILE  *server_out;
static guint  server_port;

/* tests/print/printer-server.py in @mode, on a free port of 127.0.0.1. */
static void
start_printer (const char *mode)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "print", "printer-server.py", NULL);
  const char *argv[] = { "python3", script, "--port", "0", "--mode", mode, NULL };
  g_autoptr(GError) error = NULL;
  char line[128];
  int out;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &server_pid, &server_in, &out, NULL, &error));
  g_assert_no_error (error);
  server_out = fdopen (out, "r");
  g_assert_nonnull (fgets (line, sizeof line, server_out));
  g_assert_true (sscanf (line, "PORT %u", &server_port) == 1);
}

static void
set_printer_mode (const char *mode)
{
  g_autofree char *command = g_strdup_printf ("mode %s\n", mode);
  g_autofree char *ack = g_strdup_printf ("OK %s\n", mode);
  char line[128];

  g_assert_cmpint (write (server_in, command, strlen (command)), ==, (gssize) strlen (command));
  g_assert_nonnull (fgets (line, sizeof line, server_out));
  g_assert_cmpstr (line, ==, ack);
}

static void
stop_printer (void)
{
  close (server_in);
  fclose (server_out);
  kill (server_pid, SIGTERM);
  g_spawn_close_pid (server_pid);
}

static void
fill_list (AisleWindow *window)
{
  tap (window, "Touch to start");
  tap (window, "Sofas");
  assert_shows (window, "3 products");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 0);
  tap (window, "Add to list");
  tap (window, "My list");
  assert_shows (window, "Your list");
}

static AisleSlipPage *
slip_page (AisleWindow *window)
{
  GtkWidget *page = find_type (GTK_WIDGET (window), AISLE_TYPE_SLIP_PAGE);

  g_assert_nonnull (page);
  return AISLE_SLIP_PAGE (page);
}

/* The slip on screen carries its QR code: zbar reads the list's address. */
static void
assert_slip_on_screen (AisleWindow *window)
{
  AisleSlip *slip = aisle_slip_page_get_slip (slip_page (window));
  GtkWidget *view = find_type (GTK_WIDGET (window), AISLE_TYPE_SLIP_VIEW);
  g_autofree char *decoded = NULL;
  const char *phone_url;

  g_assert_nonnull (slip);
  g_assert_nonnull (view);
  phone_url = aisle_slip_get_text (slip, AISLE_SLIP_PHONE_URL);
  g_assert_nonnull (phone_url);
  g_assert_true (g_str_has_prefix (phone_url, "https://shop.fixture.example/"));
  settle (100);
  decoded = zbar_read (window, view);
  g_assert_cmpstr (decoded, ==, phone_url);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
job_done (gpointer data)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (aisle_application_get_services (data));
  g_autoptr(GPtrArray) jobs = aisle_print_queue_list_jobs (queue, NULL);

  return jobs->len > 0 && ((AislePrintJob *) g_ptr_array_index (jobs, 0))->state == AISLE_PRINT_JOB_DONE;
}

static void
pdf_steps (AisleApplication *app,
           AisleWindow      *window)
{
  AislePrinter *printer = aisle_print_queue_get_printer (aisle_services_get_print_queue (aisle_application_get_services (app)));
  const char *folder;

  /* The default printer: PDF files in the kiosk's data folder. */
  g_assert_true (AISLE_IS_PDF_PRINTER (printer));
  folder = aisle_pdf_printer_get_folder (AISLE_PDF_PRINTER (printer));
  g_assert_cmpuint (count_files (folder), ==, 0);

  fill_list (window);
  assert_shows (window, "Print my list");
  assert_touch_targets (window);
  screenshot (window, "39-list-print-en");
  tap (window, "Print my list");
  assert_shows_within (window, "Take your slip", SLIP_WAIT_MS);
  assert_shows_within (window, "Your slip is printed: take it from the printer.", SLIP_WAIT_MS);
  g_assert_true (wait_for (job_done, app, 5000));
  g_assert_cmpuint (count_files (folder), ==, 1);
  assert_slip_on_screen (window);
  assert_touch_targets (window);
  screenshot (window, "40-print-list-en");

  /* Done goes back to the list, which stays as it was. */
  tap (window, "Done");
  assert_shows (window, "Your list");
  assert_shows (window, "Print my list");
}

static void
test_pdf (void)
{
  run_kiosk (pdf_steps, "en");
}

static gboolean
job_failed (gpointer data)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (aisle_application_get_services (data));
  g_autoptr(GPtrArray) jobs = aisle_print_queue_list_jobs (queue, NULL);

  return jobs->len > 0 && ((AislePrintJob *) g_ptr_array_index (jobs, 0))->state == AISLE_PRINT_JOB_FAILED;
}

static void
paper_out_steps (AisleApplication *app,
                 AisleWindow      *window)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (aisle_application_get_services (app));
  g_autoptr(GPtrArray) jobs = NULL;
  AislePrintJob *job;

  g_assert_true (AISLE_IS_ESCPOS_PRINTER (aisle_print_queue_get_printer (queue)));

  fill_list (window);
  tap (window, "Print my list");

  /* Told in plain words; the slip on screen instead; the job kept. */
  assert_shows_within (window, "Your slip could not be printed", SLIP_WAIT_MS);
  assert_shows (window, "The printer has run out of paper. Please ask a member of staff for your slip.");
  assert_shows (window, "Here it is on screen instead");
  g_assert_true (wait_for (job_failed, app, SLIP_WAIT_MS));
  jobs = aisle_print_queue_list_jobs (queue, NULL);
  g_assert_cmpuint (jobs->len, ==, 1);
  job = g_ptr_array_index (jobs, 0);
  g_assert_error (job->error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_PAPER_OUT);
  assert_slip_on_screen (window);
  assert_touch_targets (window);
  screenshot (window, "41-print-paper-out-en");

  /* Staff refill the roll; the shopper tries again. */
  set_printer_mode ("ok");
  tap (window, "Try again");
  assert_shows_within (window, "Take your slip", SLIP_WAIT_MS);
  g_assert_true (wait_for (job_done, app, 5000));
}

static void
paper_out_steps_it (AisleApplication *app,
                    AisleWindow      *window)
{
  tap (window, "Tocca per iniziare");
  tap (window, "Divani");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 0);
  tap (window, "Aggiungi alla lista");
  tap (window, "La mia lista");
  screenshot (window, "39-list-print-it");
  tap (window, "Stampa la mia lista");
  assert_shows (window, "Non è stato possibile stampare lo scontrino");
  assert_shows (window, "La stampante ha finito la carta.");
  assert_slip_on_screen (window);
  screenshot (window, "42-print-paper-out-it");
}

static void
test_paper_out (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.aisle.Kiosk");
  g_autofree char *host = NULL;

  start_printer ("paper-out");
  host = g_strdup_printf ("127.0.0.1:%u", server_port);
  g_settings_set_string (settings, "printer-kind", "escpos-tcp");
  g_settings_set_string (settings, "printer-host", host);

  run_kiosk (paper_out_steps, "en");
  set_printer_mode ("paper-out");
  run_kiosk (paper_out_steps_it, "it");

  g_settings_reset (settings, "printer-kind");
  g_settings_reset (settings, "printer-host");
  stop_printer ();
}

static void
no_printer_steps (AisleApplication *app,
                  AisleWindow      *window)
{
  g_autoptr(GPtrArray) jobs = NULL;

  g_assert_null (aisle_print_queue_get_printer (aisle_services_get_print_queue (aisle_application_get_services (app))));
  fill_list (window);
  tap (window, "Print my list");
  assert_shows (window, "This kiosk cannot print just now.");
  assert_slip_on_screen (window);
  jobs = aisle_print_queue_list_jobs (aisle_services_get_print_queue (aisle_application_get_services (app)), NULL);
  g_assert_cmpuint (jobs->len, ==, 0);
}

/* Staff turned printing off: the slip is on screen, no job fails. */
static void
test_no_printer (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.aisle.Kiosk");

  g_settings_set_string (settings, "printer-kind", "none");
  run_kiosk (no_printer_steps, "en");
  g_settings_reset (settings, "printer-kind");
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/print/pdf", test_pdf);
  g_test_add_func ("/print/paper-out", test_paper_out);
  g_test_add_func ("/print/no-printer", test_no_printer);

  return g_test_run ();
}
