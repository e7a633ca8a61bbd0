/* aisle-bench.c: the speed table of the README, measured on this machine
 *
 * Generates 10,000- and 100,000-product feeds (tools/make-synthetic-feed.py),
 * then for each size and several runs:
 *  - fetches, parses and indexes the whole feed from file:// in-process, with
 *    the same functions the store feed uses in its worker thread;
 *  - refreshes an unchanged feed and counts the CPU time it costs;
 *  - starts the real kiosk (aisle-kiosk-bench: the application with the
 *    measuring beside it) from the saved catalog and
 *    reads back exec-to-first-frame, PSS and every keystroke's latency.
 * Prints median, min and max for each row next to its target.
 *
 * Run with `tools/dev.sh bench` (it provides the Xvfb display). Not a test:
 * timings are reported, not asserted.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "aisle-feed-parser.h"
#include "aisle-feed-store.h"
#include "aisle-http.h"
#include "aisle-outbox.h"

#define N_SIZES 2
static const guint sizes[N_SIZES] = { 10000, 100000 };

typedef struct
{
  const char *name;
  const char *unit;
  double      target[N_SIZES];   /* < 0: no target for that size */
  GArray     *values[N_SIZES];   /* double */
} Row;

enum {
  ROW_FIRST_FRAME,
  ROW_PSS,
  ROW_KEY_MEDIAN,
  ROW_KEY_WORST,
  ROW_FULL_FEED,
  ROW_UNCHANGED,
  ROW_UNCHANGED_HTTP,
  ROW_ORDER_SAVE,
  ROW_ORDER_SAVE_MEDIAN,
  ROW_SLIP_DEVICE,
  ROW_SLIP_TCP,
  N_ROWS
};

static Row rows[N_ROWS] = {
  [ROW_FIRST_FRAME]    = { "exec to first frame of home (saved catalog)", "ms", { 200, 350 } },
  [ROW_PSS]            = { "memory (PSS) after the first frame", "MB", { 60, 120 } },
  [ROW_KEY_MEDIAN]     = { "search keystroke to next frame, median", "ms", { 10, 16 } },
  [ROW_KEY_WORST]      = { "search keystroke to next frame, worst query", "ms", { 20, 25 } },
  [ROW_FULL_FEED]      = { "full feed fetch + parse + index (file://)", "ms", { 80, 600 } },
  [ROW_UNCHANGED]      = { "unchanged feed refresh, CPU (file://, same ETag)", "ms", { 5, 5 } },
  [ROW_UNCHANGED_HTTP] = { "unchanged feed refresh, CPU (http://, 304)", "ms", { 5, 5 } },
  [ROW_ORDER_SAVE]     = { "saving an order durably: each run's p99 of 200 saves", "ms", { 10, -1 } },
  [ROW_ORDER_SAVE_MEDIAN] = { "saving an order durably: each run's median of 200 saves", "ms", { -1, -1 } },
  [ROW_SLIP_DEVICE]    = { "building a 30-line slip and handing it to the transport: device file", "ms", { 20, -1 } },
  [ROW_SLIP_TCP]       = { "same, raw TCP to a printer on 127.0.0.1 (last byte to the socket)", "ms", { 20, -1 } },
};

static char *kiosk_bench_binary;
static char *generator;
static char *feed_server;
static char *work_dir;
static guint n_runs = 5;
static gboolean orders_and_slips_only;

static void
add (guint  row,
     guint  size,
     double value)
{
  g_array_append_val (rows[row].values[size], value);
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static char *
feed_dir (guint size)
{
  g_autofree char *name = g_strdup_printf ("%u", sizes[size]);
  return g_build_filename (work_dir, "feeds", name, NULL);
}

static void
ensure_feed (guint size)
{
  g_autofree char *dir = feed_dir (size);
  g_autofree char *catalog = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *count = g_strdup_printf ("%u", sizes[size]);
  const char *argv[] = { "python3", generator, "--products", count, "--output", dir, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (g_file_test (catalog, G_FILE_TEST_EXISTS))
    return;

  g_printerr ("Generating a %u-product feed in %s…\n", sizes[size], dir);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Could not generate the feed: %s", error->message);
}

/* What the store feed's worker does on a changed feed, timed from outside. */
static void
bench_full_feed (guint size)
{
  g_autofree char *dir = feed_dir (size);
  g_autofree char *base = g_filename_to_uri (dir, NULL, NULL);
  g_autofree char *catalog_url = g_strconcat (base, "/catalog.json", NULL);
  g_autofree char *stock_url = g_strconcat (base, "/stock/milano.json", NULL);
  AisleHttpLimits catalog_limits = { .max_bytes = 256u << 20 };
  AisleHttpLimits stock_limits = { .max_bytes = 64u << 20 };

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(AisleHttpResponse) catalog_response = NULL;
      g_autoptr(AisleHttpResponse) stock_response = NULL;
      g_autoptr(GBytes) image = NULL;
      g_autoptr(AisleCatalog) catalog = NULL;
      g_autoptr(AisleStock) stock = NULL;
      g_autoptr(GError) error = NULL;
      AisleCatalogMeta meta = { .source = catalog_url };
      gint64 start = g_get_monotonic_time ();

      if (!(catalog_response = aisle_http_fetch (catalog_url, NULL, &catalog_limits, NULL, &error)) ||
          !(image = aisle_feed_parse_catalog (catalog_response->body, &meta, NULL, &error)) ||
          !(catalog = aisle_catalog_new_from_bytes (image, &error)) ||
          !(stock_response = aisle_http_fetch (stock_url, NULL, &stock_limits, NULL, &error)) ||
          !(stock = aisle_feed_parse_stock (catalog, stock_response->body, NULL, &error)))
        g_error ("Full feed: %s", error->message);

      add (ROW_FULL_FEED, size, (g_get_monotonic_time () - start) / 1000.0);
    }
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
refresh (AisleFeedStore *store)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  aisle_store_refresh_async (AISLE_STORE (store), NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = aisle_store_refresh_finish (AISLE_STORE (store), result, &error);
  g_object_unref (result);
  if (!ok)
    g_error ("Refresh: %s", error->message);
  return ok;
}

static char *
cache_root (guint size)
{
  g_autofree char *name = g_strdup_printf ("cache-%u", sizes[size]);
  return g_build_filename (work_dir, name, NULL);
}

/* Saves the catalog where `aisle --cache-dir` finds it, and times refreshes
 * of a feed that did not change. */
static void
bench_unchanged (guint       size,
                 const char *base_url,
                 guint       row)
{
  g_autofree char *root = cache_root (size);
  g_autofree char *catalog_cache = g_build_filename (root, "catalog", NULL);
  g_autoptr(AisleFeedStore) store = aisle_feed_store_new (base_url, "milano", catalog_cache);

  refresh (store);
  for (guint run = 0; run < n_runs; run++)
    {
      AisleCatalog *before = aisle_store_get_catalog (AISLE_STORE (store));
      double start = cpu_ms ();

      refresh (store);
      add (row, size, cpu_ms () - start);
      g_assert (aisle_store_get_catalog (AISLE_STORE (store)) == before);
    }
}

typedef struct
{
  GPid pid;
  int  in_fd;
  guint port;
} Server;

static Server
start_server (const char *root)
{
  const char *argv[] = { "python3", feed_server, "--root", root, NULL };
  g_autoptr(GError) error = NULL;
  Server server = { 0 };
  char line[64] = { 0 };
  int out_fd;
  gsize n = 0;

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &server.pid, &server.in_fd, &out_fd, NULL, &error))
    g_error ("Feed server: %s", error->message);
  while (n < sizeof line - 1 && read (out_fd, line + n, 1) == 1 && line[n] != '\n')
    n++;
  close (out_fd);
  if (sscanf (line, "PORT %u", &server.port) != 1)
    g_error ("Feed server did not start");
  return server;
}

static void
stop_server (Server *server)
{
  close (server->in_fd);
  kill (server->pid, SIGTERM);
  g_spawn_close_pid (server->pid);
}

static void
accept_locally (const char        *id,
                const char        *json,
                AisleSubmitResult *result,
                gpointer           data)
{
  result->outcome = AISLE_SUBMIT_ACCEPTED;
  result->order_number = g_strdup (id);
}

typedef struct
{
  gint64 started;
  double ms;
  gboolean done;
} Timed;

static void
order_saved (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Timed *timed = user_data;

  if (!aisle_outbox_save_finish (AISLE_OUTBOX (object), result, NULL))
    g_error ("The benchmark could not save an order");
  timed->ms = (g_get_monotonic_time () - timed->started) / 1000.0;
  timed->done = TRUE;
}

static int compare_doubles (gconstpointer a, gconstpointer b);

/* What a shopper waits for between "Order" and the confirmation: the order
 * committed to the outbox's database with a full sync. */
static void
bench_order_save (void)
{
  g_autofree char *path = g_build_filename (work_dir, "outbox-bench", "outbox.db", NULL);
  static const char order[] =
    "{\"format\":\"aisle-order\",\"format_version\":1,\"contact\":{\"name\":\"Anna Rossi\"},"
    "\"lines\":[{\"product\":\"10000001\",\"quantity\":2,\"unit_price\":{\"amount\":12999,\"currency\":\"EUR\"}}]}";

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, accept_locally, NULL, NULL, 0);
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < 200; i++)
        {
          g_autofree char *id = g_uuid_string_random ();
          Timed timed = { g_get_monotonic_time (), 0, FALSE };

          aisle_outbox_save_async (outbox, id, order, NULL, order_saved, &timed);
          while (!timed.done)
            g_main_context_iteration (NULL, TRUE);
          g_array_append_val (times, timed.ms);
        }

      g_array_sort (times, compare_doubles);
      add (ROW_ORDER_SAVE, 0, g_array_index (times, double, times->len * 99 / 100));
      add (ROW_ORDER_SAVE_MEDIAN, 0, g_array_index (times, double, times->len / 2));
      aisle_outbox_close (outbox);
    }
}

/* tools/bench/aisle-slip-bench's timings of one printer, 200 prints. */
static void
bench_slip (guint       row,
            const char *printer)
{
  const char *argv[] = { SLIP_BENCH_BINARY, "--values", printer, "200", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("The slip benchmark failed: %s", error->message);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      add (row, 0, g_ascii_strtod (lines[i], NULL));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return -1;
  return values->len % 2 ? g_array_index (values, double, values->len / 2)
                         : (g_array_index (values, double, values->len / 2 - 1) +
                            g_array_index (values, double, values->len / 2)) / 2;
}

/* One start of the real kiosk: exec → first frame, PSS, keystrokes. */
static void
bench_kiosk_once (guint size)
{
  g_autofree char *dir = feed_dir (size);
  g_autofree char *url = g_filename_to_uri (dir, NULL, NULL);
  g_autofree char *root = cache_root (size);
  const char *argv[] = { kiosk_bench_binary, "--windowed", "--store-url", url,
                         "--store-id", "milano", "--cache-dir", root, NULL };
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) worst_by_query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 started;
  double worst = 0;
  int status;

  started = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("aisle-kiosk-bench: %s", error ? error->message : "failed");

  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      gint64 value;
      char what[32];
      int consumed = 0;

      if (sscanf (lines[i], "aisle-benchmark %31s %" G_GINT64_FORMAT " %n", what, &value, &consumed) < 2)
        continue;
      if (g_str_equal (what, "first-frame-us"))
        add (ROW_FIRST_FRAME, size, (value - started) / 1000.0);
      else if (g_str_equal (what, "pss-kb"))
        add (ROW_PSS, size, value / 1024.0);
      else if (g_str_equal (what, "keystroke-us"))
        {
          double ms = value / 1000.0;
          g_array_append_val (keys, ms);
          worst = MAX (worst, ms);
        }
    }

  if (keys->len == 0)
    g_error ("aisle-kiosk-bench printed no keystrokes:\n%s", output);

  /* Each run contributes its median keystroke and its worst one. */
  add (ROW_KEY_MEDIAN, size, median_of (keys));
  add (ROW_KEY_WORST, size, worst);
}

static void
print_table (void)
{
  printf ("\n| measure | 10,000: median (min–max) | target | 100,000: median (min–max) | target |\n");
  printf ("|---|---|---|---|---|\n");
  for (guint r = 0; r < N_ROWS; r++)
    {
      printf ("| %s |", rows[r].name);
      for (guint s = 0; s < N_SIZES; s++)
        {
          GArray *v = rows[r].values[s];
          double median = median_of (v);

          if (v->len == 0)
            printf (" – | |");
          else if (rows[r].target[s] < 0)
            printf (" %.1f %s (%.1f–%.1f) | |", median, rows[r].unit,
                    g_array_index (v, double, 0), g_array_index (v, double, v->len - 1));
          else
            printf (" %.1f %s (%.1f–%.1f) | ≤ %.0f %s %s |", median, rows[r].unit,
                    g_array_index (v, double, 0), g_array_index (v, double, v->len - 1),
                    rows[r].target[s], rows[r].unit, median <= rows[r].target[s] ? "✓" : "✗");
        }
      printf ("\n");
    }
  printf ("\n%u runs per size; keystroke rows take each run's median and worst keystroke; "
          "slip rows are 200 prints each.\n", n_runs);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tools = g_path_get_dirname (SOURCE_TOOLS_DIR "/x");
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs per size (default 5)", "N" },
    { "work-dir", 'd', 0, G_OPTION_ARG_FILENAME, &work_dir, "Where feeds and caches go (default ~/.cache/aisle-bench)", "DIR" },
    { "orders-and-slips", 0, 0, G_OPTION_ARG_NONE, &orders_and_slips_only, "Only the order-save and slip rows (no catalogs)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Aisle's speed table");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  kiosk_bench_binary = g_strdup (KIOSK_BENCH_BINARY);
  generator = g_build_filename (tools, "make-synthetic-feed.py", NULL);
  feed_server = g_strdup (SOURCE_FEED_SERVER);
  if (work_dir == NULL)
    work_dir = g_build_filename (g_get_user_cache_dir (), "aisle-bench", NULL);
  g_mkdir_with_parents (work_dir, 0700);
  for (guint r = 0; r < N_ROWS; r++)
    for (guint s = 0; s < N_SIZES; s++)
      rows[r].values[s] = g_array_new (FALSE, FALSE, sizeof (double));

  aisle_http_global_init ();
  g_log_set_writer_func (g_log_writer_default, NULL, NULL);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);

  for (guint s = 0; s < N_SIZES && !orders_and_slips_only; s++)
    {
      g_autofree char *dir = feed_dir (s);
      g_autofree char *file_url = g_filename_to_uri (dir, NULL, NULL);
      g_autofree char *http_url = NULL;
      Server server;

      ensure_feed (s);
      g_printerr ("%u products: full feed…\n", sizes[s]);
      bench_full_feed (s);

      g_printerr ("%u products: unchanged refreshes…\n", sizes[s]);
      bench_unchanged (s, file_url, ROW_UNCHANGED);
      server = start_server (dir);
      http_url = g_strdup_printf ("http://127.0.0.1:%u", server.port);
      {
        /* Over HTTP into its own cache, so the kiosk below starts from file://'s. */
        g_autofree char *root = cache_root (s);
        g_autofree char *http_root = g_strconcat (root, "-http", NULL);
        g_autofree char *catalog_cache = g_build_filename (http_root, "catalog", NULL);
        g_autoptr(AisleFeedStore) store = aisle_feed_store_new (http_url, "milano", catalog_cache);

        refresh (store);
        for (guint run = 0; run < n_runs; run++)
          {
            double start = cpu_ms ();
            refresh (store);
            add (ROW_UNCHANGED_HTTP, s, cpu_ms () - start);
          }
      }
      stop_server (&server);

      g_printerr ("%u products: the kiosk…\n", sizes[s]);
      for (guint run = 0; run < n_runs; run++)
        bench_kiosk_once (s);
    }

  g_printerr ("Saving orders…\n");
  bench_order_save ();
  g_printerr ("Printing slips…\n");
  bench_slip (ROW_SLIP_DEVICE, "device");
  bench_slip (ROW_SLIP_TCP, "tcp");

  print_table ();
  return 0;
}
