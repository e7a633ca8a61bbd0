/* aisle-slip-bench.c: how long a printed slip takes, from the shopping list to the printer
 *
 * For a 30-line list, each run builds the slip and prints it through the
 * real AislePrinter, timing until the printer reports the job done:
 *  - TCP to a fake receipt printer on 127.0.0.1 (tests/print/printer-server.py),
 *    with the DLE EOT status questions before and after the job, and without;
 *  - a device file (a temporary file stands in for /dev/usb/lp0);
 *  - the A4 PDF drawing of the same slip (cairo + PangoCairo), written to disk;
 *  - with $AISLE_BENCH_CUPS_QUEUE set, a CUPS queue through libcups: the PDF
 *    sent and the job followed until CUPS says it is completed (a quarter of
 *    the runs, at least 50). With the private cupsd of the cups suite:
 *      python3 tests/cups/with-cupsd.py -- env AISLE_BENCH_CUPS_QUEUE=AisleTest \
 *        _build-release/tools/aisle-slip-bench
 * Prints median, min, max and p99 over the runs (at least 200).
 *
 * Not a test: timings are reported, not asserted. Run it from the build tree:
 *   _build-release/tools/aisle-slip-bench [runs]
 * or, for tools/bench/aisle-bench's table, one printer's timings, one per line:
 *   _build-release/tools/aisle-slip-bench --values device|tcp [runs]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aisle-cups-printer.h"
#include "aisle-escpos-printer.h"
#include "aisle-feed-parser.h"
#include "aisle-pdf-printer.h"

#define N_LINES 30

static AisleCatalog *catalog;
static AisleStock *stock;

/* A shop of N_LINES self-serve and full-serve articles, each somewhere in the stockroom. */
static void
make_shop (void)
{
  g_autoptr(GString) feed = g_string_new (NULL);
  g_autoptr(GString) items = g_string_new (NULL);
  g_autoptr(GBytes) feed_bytes = NULL;
  g_autoptr(GBytes) stock_bytes = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  AisleCatalogMeta meta = { 0 };

  g_string_append (feed,
                   "{\"format\":\"aisle-store-feed\",\"format_version\":1,\"shop_name\":\"Casa Nord\","
                   "\"shop_url\":\"https://shop.casanord.example/\",\"currency\":\"EUR\","
                   "\"stores\":[{\"id\":\"milano\",\"name\":\"Casa Nord Milano\"}],"
                   "\"categories\":[{\"id\":\"c\",\"name\":{\"en\":\"Living\"}}],\"products\":[");
  for (guint i = 0; i < N_LINES; i++)
    {
      g_string_append_printf (feed,
                              "%s{\"id\":\"%u\",\"article\":\"%03u.%03u.%02u\",\"category\":\"c\","
                              "\"name\":{\"en\":\"Article number %u\",\"de\":\"Größenverstellbares Möbelstück Nr. %u\"},"
                              "\"short\":{\"de\":\"Möbelstück %u, Eiche, weiß\"},"
                              "\"price\":{\"amount\":%u},\"fulfillment\":\"%s\","
                              "\"packages\":[{\"number\":1,\"label\":{\"de\":\"Rahmen\"}},{\"number\":2}]}",
                              i ? "," : "", 40000000 + i, 100 + i, 200 + i, i, i, i, i, 999 + 100 * i,
                              i % 5 == 4 ? "full-serve" : "self-serve");
      g_string_append_printf (items,
                              "%s{\"product\":\"%u\",\"quantity\":9,\"locations\":["
                              "{\"package\":1,\"aisle\":\"%u\",\"shelf\":\"%02u\"},"
                              "{\"package\":2,\"aisle\":\"%u\",\"shelf\":\"%02u\"}]}",
                              i ? "," : "", 40000000 + i, (i * 7) % 40 + 1, i % 30, (i * 3) % 40 + 1, (i + 5) % 30);
    }
  g_string_append (feed, "]}");

  feed_bytes = g_bytes_new (feed->str, feed->len);
  image = aisle_feed_parse_catalog (feed_bytes, &meta, NULL, &error);
  g_assert_no_error (error);
  catalog = aisle_catalog_new_from_bytes (image, &error);
  g_assert_no_error (error);

  {
    g_autofree char *stock_json = g_strdup_printf ("{\"format\":\"aisle-store-stock\",\"format_version\":1,"
                                                   "\"store\":\"milano\",\"items\":[%s]}", items->str);
    stock_bytes = g_bytes_new (stock_json, strlen (stock_json));
  }
  stock = aisle_feed_parse_stock (catalog, stock_bytes, NULL, &error);
  g_assert_no_error (error);
}

static AisleSlip *
build_slip (AisleShoppingList *list)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  AisleSlipOrder order = {
    .number = "CN-004711",
    .pickup_code = "4821",
    .reference = "https://shop.casanord.example/o/CN-004711?k=9f3a",
    .fulfillment = "Abholung in Casa Nord Milano\nSa 21.11., 12:00–14:00",
    .fees = 990,
  };

  return aisle_slip_new_for_list (list, catalog, stock, AISLE_LANGUAGE_DE, now, &order);
}

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!aisle_printer_print_finish (AISLE_PRINTER (object), result, &error))
    g_error ("Printing failed: %s", error->message);
  *done = TRUE;
}

/* Milliseconds for building the slip and printing it. */
static double
one_run (AislePrinter      *printer,
         AisleShoppingList *list)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(AisleSlip) slip = build_slip (list);
  gboolean done = FALSE;

  aisle_printer_print_async (printer, slip, NULL, printed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
report (const char *name,
        GArray     *values)
{
  double *v = (double *)(gpointer)values->data;
  guint n = values->len;
  guint p99 = MIN (n - 1, (guint)((n * 99 + 99) / 100) - 1);

  g_array_sort (values, compare_doubles);
  g_print ("%-58s %8.2f %8.2f %8.2f %8.2f   %u\n", name, v[n / 2], v[0], v[n - 1], v[p99], n);
}

/* Prints each run's milliseconds, one per line, for another program. */
static void
print_values (AislePrinter      *printer,
              AisleShoppingList *list,
              guint              runs)
{
  one_run (printer, list);
  for (guint i = 0; i < runs; i++)
    g_print ("%.3f\n", one_run (printer, list));
}

static void
bench_printer (const char        *name,
               AislePrinter      *printer,
               AisleShoppingList *list,
               guint              runs)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  one_run (printer, list);   /* warm up: fonts, QR tables, the connection path */
  for (guint i = 0; i < runs; i++)
    {
      double ms = one_run (printer, list);

      g_array_append_val (values, ms);
    }
  report (name, values);
}

static GPid
start_printer (guint *port,
               int   *stdin_fd)
{
  const char *argv[] = { "python3", SOURCE_PRINTER_SERVER, "--port", "0", NULL };
  g_autoptr(GError) error = NULL;
  char line[64] = { 0 };
  gsize n = 0;
  GPid pid;
  int out;

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, stdin_fd, &out, NULL, &error))
    g_error ("Cannot start the fake printer: %s", error->message);
  while (n < sizeof line - 1 && read (out, line + n, 1) == 1 && line[n] != '\n')
    n++;
  close (out);
  if (sscanf (line, "PORT %u", port) != 1)
    g_error ("The fake printer did not start");
  return pid;
}

static void
print_all (AisleEscposPrinter *tcp,
           AisleEscposPrinter *tcp_quiet,
           AisleEscposPrinter *device,
           AislePdfPrinter    *pdf,
           AisleShoppingList  *list,
           guint               runs)
{
  {
    guint n_boxes = 0;
    g_autoptr(GArray) picks = aisle_shopping_list_pick_rows (list, catalog, stock, &n_boxes);

    g_print ("Building and printing the slip of a %u-line list (%u boxes to pick), %u runs, in ms:\n",
             N_LINES, n_boxes, runs);
  }
  g_print ("%-58s %8s %8s %8s %8s   %s\n", "", "median", "min", "max", "p99", "runs");
  bench_printer ("ESC/POS over TCP, status before and after (80 mm)", AISLE_PRINTER (tcp), list, runs);
  aisle_escpos_printer_set_qr_mode (tcp, AISLE_ESCPOS_QR_RASTER);
  bench_printer ("ESC/POS over TCP, status before and after, raster QR", AISLE_PRINTER (tcp), list, runs);
  bench_printer ("ESC/POS over TCP, no status (last byte to the socket)", AISLE_PRINTER (tcp_quiet), list, runs);
  bench_printer ("ESC/POS to a device file (last byte written)", AISLE_PRINTER (device), list, runs);
  bench_printer ("PDF, A4, cairo + PangoCairo, written to disk", AISLE_PRINTER (pdf), list, runs);
  if (g_getenv ("AISLE_BENCH_CUPS_QUEUE") != NULL)
    {
      g_autoptr(AisleCupsPrinter) cups = aisle_cups_printer_new (g_getenv ("AISLE_BENCH_CUPS_QUEUE"));

      bench_printer ("CUPS (libcups), sent and completed", AISLE_PRINTER (cups), list, MAX (runs / 4, 50));
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *values_of = argc > 2 && g_str_equal (argv[1], "--values") ? argv[2] : NULL;
  const char *runs_arg = values_of ? (argc > 3 ? argv[3] : NULL) : (argc > 1 ? argv[1] : NULL);
  guint runs = runs_arg ? (guint)g_ascii_strtoull (runs_arg, NULL, 10) : 300;
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(AisleEscposPrinter) tcp = NULL;
  g_autoptr(AisleEscposPrinter) tcp_quiet = NULL;
  g_autoptr(AisleEscposPrinter) device = NULL;
  g_autoptr(AislePdfPrinter) pdf = NULL;
  g_autofree char *dir = g_dir_make_tmp ("aisle-slip-bench-XXXXXX", NULL);
  g_autofree char *device_path = g_build_filename (dir, "lp0", NULL);
  g_autofree char *pdf_dir = g_build_filename (dir, "pdf", NULL);
  g_autofree char *target = NULL;
  g_autofree char *rm = NULL;
  guint port;
  int printer_in;
  GPid printer_pid;

  runs = MAX (runs, 200);
  g_setenv ("LANGUAGE", "de", TRUE);
  make_shop ();
  for (guint i = 0; i < N_LINES; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", 40000000 + i);

      aisle_shopping_list_add (list, id, 1 + i % 3);
    }

  printer_pid = start_printer (&port, &printer_in);
  target = g_strdup_printf ("127.0.0.1:%u", port);
  tcp = aisle_escpos_printer_new (target, NULL);
  tcp_quiet = aisle_escpos_printer_new (target, NULL);
  aisle_escpos_printer_set_query_status (tcp_quiet, FALSE);
  g_assert_true (g_file_set_contents (device_path, "", 0, NULL));
  device = aisle_escpos_printer_new (device_path, NULL);
  pdf = aisle_pdf_printer_new (pdf_dir);

  if (values_of != NULL)
    print_values (g_str_equal (values_of, "tcp") ? AISLE_PRINTER (tcp_quiet) : AISLE_PRINTER (device), list, runs);
  else
    print_all (tcp, tcp_quiet, device, pdf, list, runs);

  close (printer_in);
  kill (printer_pid, SIGTERM);
  g_spawn_close_pid (printer_pid);
  rm = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (rm) != 0)
    g_printerr ("Could not remove %s\n", dir);
  return 0;
}
