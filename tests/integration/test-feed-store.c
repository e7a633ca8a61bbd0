/* test-feed-store.c: the store feed over file:// and HTTP, good days and bad
 *
 * Drives AisleFeedStore against the fixture feed on disk and behind
 * feed-server.py on 127.0.0.1: first load, the offline copy, 304s, and
 * servers that fail, stall or send junk, which must never cost the catalog
 * on screen or block the main loop.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "aisle-error.h"
#include "aisle-feed-store.h"
#include "feed-fixture.h"

typedef struct
{
  GPid  pid;
  int   in_fd;
  guint port;
  char *root;
} Server;

static Server server;

static char *
fixture_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "feed", NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  char *contents;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
  g_free (contents);
}

static void
write_root (const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (server.root, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
reset_root (void)
{
  g_autofree char *dir = fixture_dir ();
  g_autofree char *catalog = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *stock = g_build_filename (dir, "stock", "milano.json", NULL);
  g_autofree char *to_catalog = g_build_filename (server.root, "catalog.json", NULL);
  g_autofree char *stock_dir = g_build_filename (server.root, "stock", NULL);
  g_autofree char *to_stock = g_build_filename (stock_dir, "milano.json", NULL);

  g_mkdir_with_parents (stock_dir, 0700);
  copy_file (catalog, to_catalog);
  copy_file (stock, to_stock);
}

static void
start_server (void)
{
  const char *script = g_getenv ("AISLE_FEED_SERVER");
  g_autofree char *fallback = g_test_build_filename (G_TEST_DIST, "integration", "feed-server.py", NULL);
  char *argv[] = { (char *)"python3", (char *)(script ? script : fallback), (char *)"--root", NULL, NULL };
  g_autoptr(GError) error = NULL;
  char buffer[64] = { 0 };
  int out_fd;
  gsize n = 0;

  server.root = g_dir_make_tmp ("aisle-feed-root-XXXXXX", NULL);
  argv[3] = server.root;
  reset_root ();

  g_assert_true (g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &server.pid, &server.in_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);

  while (n < sizeof buffer - 1 && read (out_fd, buffer + n, 1) == 1 && buffer[n] != '\n')
    n++;
  close (out_fd);
  g_assert_true (sscanf (buffer, "PORT %u", &server.port) == 1);
}

static void
stop_server (void)
{
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", server.root);

  /* Closing its stdin ends the server; SIGTERM in case it is stuck. */
  close (server.in_fd);
  kill (server.pid, SIGTERM);
  g_spawn_close_pid (server.pid);
  g_assert_cmpint (system (rm), ==, 0);
}

static char *
http_url (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", server.port, path);
}

/* Running async calls to the end while the main loop keeps turning. */

typedef struct
{
  GAsyncResult *result;
  guint         ticks;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;
  wait->result = g_object_ref (result);
}

static gboolean
tick (gpointer user_data)
{
  Wait *wait = user_data;
  wait->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
refresh (AisleFeedStore  *store,
         guint           *ticks,
         GError         **error)
{
  Wait wait = { NULL, 0 };
  guint source = g_timeout_add (10, tick, &wait);
  gboolean ok;

  aisle_store_refresh_async (AISLE_STORE (store), NULL, done_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);

  ok = aisle_store_refresh_finish (AISLE_STORE (store), wait.result, error);
  g_object_unref (wait.result);
  if (ticks)
    *ticks = wait.ticks;
  return ok;
}

static gboolean
load_cached (AisleFeedStore  *store,
             GError         **error)
{
  Wait wait = { NULL, 0 };
  gboolean ok;

  aisle_store_load_cached_async (AISLE_STORE (store), NULL, done_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = aisle_store_load_cached_finish (AISLE_STORE (store), wait.result, error);
  g_object_unref (wait.result);
  return ok;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static char *
copy_fixture (void)
{
  g_autofree char *dir = fixture_dir ();
  char *copy = g_dir_make_tmp ("aisle-feed-copy-XXXXXX", NULL);
  g_autofree char *stock_dir = g_build_filename (copy, "stock", NULL);
  g_autofree char *from = g_build_filename (dir, "catalog.json", NULL);
  g_autofree char *to = g_build_filename (copy, "catalog.json", NULL);
  g_autofree char *from_stock = g_build_filename (dir, "stock", "milano.json", NULL);
  g_autofree char *to_stock = g_build_filename (stock_dir, "milano.json", NULL);

  g_mkdir_with_parents (stock_dir, 0700);
  copy_file (from, to);
  copy_file (from_stock, to_stock);
  return copy;
}

static void
remove_tree (const char *path)
{
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", path);
  g_assert_cmpint (system (rm), ==, 0);
}

static void
test_file_feed (void)
{
  g_autofree char *feed = copy_fixture ();
  g_autofree char *url = g_filename_to_uri (feed, NULL, NULL);
  g_autofree char *cache = g_dir_make_tmp ("aisle-cache-XXXXXX", NULL);
  g_autoptr(AisleFeedStore) store = aisle_feed_store_new (url, "milano", cache);
  g_autoptr(AisleFeedStore) restarted = NULL;
  g_autoptr(GError) error = NULL;
  AisleCatalog *first;
  AisleStockInfo info;
  guint notified = 0;

  g_signal_connect (store, "notify::catalog", G_CALLBACK (count_notify), &notified);

  /* No saved copy yet. */
  g_assert_false (load_cached (store, &error));
  g_clear_error (&error);
  g_assert_null (aisle_store_get_catalog (AISLE_STORE (store)));

  g_assert_true (refresh (store, NULL, &error));
  g_assert_no_error (error);
  first = aisle_store_get_catalog (AISLE_STORE (store));
  g_assert_nonnull (first);
  g_assert_cmpuint (aisle_catalog_get_n_products (first), ==, 4);
  g_assert_nonnull (aisle_store_get_stock (AISLE_STORE (store)));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (aisle_store_get_last_error (AISLE_STORE (store)));

  /* Unchanged files: the same catalog object, no notification. */
  g_assert_true (refresh (store, NULL, &error));
  g_assert_true (aisle_store_get_catalog (AISLE_STORE (store)) == first);
  g_assert_cmpuint (notified, ==, 1);

  /* Another store's stock, for pickup there: fetched, not kept; a store
   * the feed has no stock for is an error, not a crash. */
  {
    g_autofree char *other = g_build_filename (feed, "stock", "muenchen.json", NULL);
    g_autofree char *fixture = g_build_filename (feed, "stock", "milano.json", NULL);
    g_autoptr(AisleStock) stock = NULL;
    Wait wait = { 0 };

    copy_file (fixture, other);
    aisle_store_fetch_store_stock_async (AISLE_STORE (store), "muenchen", NULL, done_cb, &wait);
    while (wait.result == NULL)
      g_main_context_iteration (NULL, TRUE);
    stock = aisle_store_fetch_store_stock_finish (AISLE_STORE (store), wait.result, &error);
    g_assert_no_error (error);
    g_assert_true (aisle_stock_get_catalog (stock) == first);
    g_clear_object (&wait.result);

    aisle_store_fetch_store_stock_async (AISLE_STORE (store), "../catalog", NULL, done_cb, &wait);
    while (wait.result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (aisle_store_fetch_store_stock_finish (AISLE_STORE (store), wait.result, &error));
    g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_clear_object (&wait.result);
  }

  /* The feed goes away; a restarted kiosk works from its saved copy. */
  remove_tree (feed);
  restarted = aisle_feed_store_new (url, "milano", cache);
  g_assert_true (load_cached (restarted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aisle_catalog_get_n_products (aisle_store_get_catalog (AISLE_STORE (restarted))), ==, 4);
  g_assert_true (aisle_stock_lookup (aisle_store_get_stock (AISLE_STORE (restarted)),
                                     aisle_catalog_find_by_id (aisle_store_get_catalog (AISLE_STORE (restarted)), "10000001"),
                                     &info));
  g_assert_cmpint (info.quantity, ==, 14);

  g_assert_false (refresh (restarted, NULL, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NOT_FOUND);
  g_assert_nonnull (aisle_store_get_last_error (AISLE_STORE (restarted)));
  g_assert_nonnull (aisle_store_get_catalog (AISLE_STORE (restarted)));

  remove_tree (cache);
}

static AisleFeedStore *
http_store (const char *path,
            char      **cache)
{
  g_autofree char *url = http_url (path);

  *cache = g_dir_make_tmp ("aisle-cache-XXXXXX", NULL);
  return aisle_feed_store_new (url, "milano", *cache);
}

static void
test_http_feed (void)
{
  g_autofree char *cache = NULL;
  g_autoptr(AisleFeedStore) store = http_store ("", &cache);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changed = NULL;
  g_autofree char *path = NULL;
  AisleCatalog *first;
  char *contents;

  reset_root ();
  g_assert_true (refresh (store, NULL, &error));
  g_assert_no_error (error);
  first = aisle_store_get_catalog (AISLE_STORE (store));
  g_assert_cmpstr (aisle_catalog_get_version (first), ==, "fixture-1");
  g_assert_true (g_str_has_prefix (aisle_catalog_get_etag (first), "\""));

  /* 304: nothing replaced. */
  g_assert_true (refresh (store, NULL, &error));
  g_assert_true (aisle_store_get_catalog (AISLE_STORE (store)) == first);

  /* A new version replaces it. */
  path = g_build_filename (server.root, "catalog.json", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  changed = g_string_new (contents);
  g_free (contents);
  g_string_replace (changed, "fixture-1", "fixture-2", 1);
  write_root ("catalog.json", changed->str, changed->len);
  g_assert_true (refresh (store, NULL, &error));
  g_assert_cmpstr (aisle_catalog_get_version (aisle_store_get_catalog (AISLE_STORE (store))), ==, "fixture-2");

  remove_tree (cache);
}

static void
assert_bad_feed_keeps_catalog (const char *contents,
                               gssize      len,
                               int         code)
{
  g_autofree char *cache = NULL;
  g_autoptr(AisleFeedStore) store = http_store ("", &cache);
  g_autoptr(GError) error = NULL;
  AisleCatalog *good;

  reset_root ();
  g_assert_true (refresh (store, NULL, &error));
  good = aisle_store_get_catalog (AISLE_STORE (store));

  write_root ("catalog.json", contents, len);
  g_assert_false (refresh (store, NULL, &error));
  g_assert_error (error, AISLE_ERROR, code);
  g_assert_true (aisle_store_get_catalog (AISLE_STORE (store)) == good);
  g_assert_cmpstr (aisle_store_get_last_error (AISLE_STORE (store)), ==, error->message);

  remove_tree (cache);
}

static void
test_malformed_feed (void)
{
  assert_bad_feed_keeps_catalog ("{\"format\": \"aisle-store-feed\", \"products\": [", -1, AISLE_ERROR_INVALID_DATA);
  assert_bad_feed_keeps_catalog ("<html>Maintenance</html>", -1, AISLE_ERROR_INVALID_DATA);
  assert_bad_feed_keeps_catalog ("{\"format\":\"aisle-store-feed\",\"format_version\":1,\"products\":[42]}", -1,
                                 AISLE_ERROR_INVALID_DATA);
}

/* A stock document is guarded like the catalog: one with nothing usable in
 * it, or that repeats its list, is refused with a reason for staff, and the
 * stock on screen stays. */
static void
assert_bad_stock_keeps_stock (const char *contents,
                              gssize      len,
                              const char *reason_part)
{
  g_autofree char *cache = NULL;
  g_autoptr(AisleFeedStore) store = http_store ("", &cache);
  g_autoptr(GError) error = NULL;
  AisleCatalog *catalog;
  AisleStock *good;
  AisleStockInfo info;

  reset_root ();
  g_assert_true (refresh (store, NULL, &error));
  catalog = aisle_store_get_catalog (AISLE_STORE (store));
  good = aisle_store_get_stock (AISLE_STORE (store));
  g_assert_nonnull (good);

  write_root ("stock/milano.json", contents, len);
  g_assert_true (refresh (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (aisle_store_get_catalog (AISLE_STORE (store)) == catalog);
  g_assert_true (aisle_store_get_stock (AISLE_STORE (store)) == good);
  g_assert_true (aisle_stock_lookup (good, aisle_catalog_find_by_id (catalog, "10000001"), &info));
  g_assert_cmpint (info.quantity, ==, 14);
  g_assert_nonnull (aisle_store_get_last_error (AISLE_STORE (store)));
  g_test_message ("%s", aisle_store_get_last_error (AISLE_STORE (store)));
  g_assert_nonnull (strstr (aisle_store_get_last_error (AISLE_STORE (store)), reason_part));

  remove_tree (cache);
}

static void
test_hostile_stock (void)
{
  g_autoptr(GString) all_bad = g_string_new ("{\"format\":\"aisle-store-stock\",\"format_version\":1,"
                                              "\"store\":\"milano\",\"items\":[");

  /* 320 entries, every one of them unusable: not "stock unknown" everywhere. */
  for (guint i = 0; i < 320; i++)
    g_string_append_printf (all_bad, "%s{\"product\":\"10000001\",\"level\":\"plenty-%u\"}", i ? "," : "", i);
  g_string_append (all_bad, "]}");
  assert_bad_stock_keeps_stock (all_bad->str, all_bad->len, "no usable entries");

  assert_bad_stock_keeps_stock ("", 0, "stock document is empty");
  assert_bad_stock_keeps_stock ("{\"format\":\"aisle-store-stock\",\"format_version\":1,\"store\":\"milano\","
                                "\"items\":[{\"product\":\"10000001\",\"quantity\":1}],\"items\":[]}", -1, "items");
}

/* The demo catalog with its list repeated, empty, at the end: refused at
 * once (it used to make the parser loop while memory grew). */
static void
test_repeated_products (void)
{
  g_autoptr(GString) json = feed_fixture_demo_catalog_with (",\"products\":[]");

  assert_bad_feed_keeps_catalog (json->str, json->len, AISLE_ERROR_INVALID_DATA);
}

static void
test_huge_feed (void)
{
  gsize size = 50 * 1024 * 1024;
  g_autofree char *junk = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    junk[i] = "{[\"ab:,}]0"[i % 10];
  assert_bad_feed_keeps_catalog (junk, size, AISLE_ERROR_INVALID_DATA);
}

static void
test_server_errors (void)
{
  const struct {
    const char *path;
    int         code;
  } cases[] = {
    { "/status/500", AISLE_ERROR_HTTP },
    { "/status/503", AISLE_ERROR_HTTP },
    { "/status/404", AISLE_ERROR_NOT_FOUND },
    { "/reset", AISLE_ERROR_NETWORK },
    { "/reset-mid", AISLE_ERROR_NETWORK },
    { "/junk", AISLE_ERROR_INVALID_DATA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cache = NULL;
      g_autoptr(AisleFeedStore) store = http_store (cases[i].path, &cache);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].path);
      g_assert_false (refresh (store, NULL, &error));
      g_assert_error (error, AISLE_ERROR, cases[i].code);
      g_assert_nonnull (aisle_store_get_last_error (AISLE_STORE (store)));

      remove_tree (cache);
    }
}

static void
test_dead_server_keeps_catalog (void)
{
  g_autofree char *cache = NULL;
  g_autoptr(AisleFeedStore) store = NULL;
  g_autoptr(AisleFeedStore) restarted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dead = g_strdup ("http://127.0.0.1:9");

  /* Port 9 (discard) has no listener here: connection refused at once. */
  cache = g_dir_make_tmp ("aisle-cache-XXXXXX", NULL);
  store = aisle_feed_store_new (dead, "milano", cache);
  g_assert_false (refresh (store, NULL, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NETWORK);
  g_assert_null (aisle_store_get_catalog (AISLE_STORE (store)));
  remove_tree (cache);
}

static void
test_slow_server_keeps_ui_responsive (void)
{
  g_autofree char *cache = NULL;
  g_autoptr(AisleFeedStore) store = http_store ("/slow/3", &cache);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint ticks = 0;

  /* The fetch takes three seconds; the main loop must tick all along. */
  refresh (store, &ticks, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (ticks, >=, 100);
  g_assert_nonnull (error);
  remove_tree (cache);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  start_server ();

  g_test_add_func ("/feed-store/file", test_file_feed);
  g_test_add_func ("/feed-store/http", test_http_feed);
  g_test_add_func ("/feed-store/malformed", test_malformed_feed);
  g_test_add_func ("/feed-store/huge", test_huge_feed);
  g_test_add_func ("/feed-store/hostile-stock", test_hostile_stock);
  g_test_add_func ("/feed-store/repeated-products", test_repeated_products);
  g_test_add_func ("/feed-store/server-errors", test_server_errors);
  g_test_add_func ("/feed-store/dead-server", test_dead_server_keeps_catalog);
  g_test_add_func ("/feed-store/slow-server", test_slow_server_keeps_ui_responsive);

  status = g_test_run ();
  stop_server ();
  return status;
}
