/* test-order-submit.c: orders through the outbox to a real order endpoint on 127.0.0.1
 *
 * tests/integration/order-server.py plays the store: it fails, stalls, resets,
 * answers junk or 409, and counts how many orders it really created per
 * Idempotency-Key. Whatever it does, an order is created at most once and a
 * saved order is never lost, even when the kiosk is killed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aisle-error.h"
#include "aisle-http.h"
#include "aisle-outbox.h"
#include "aisle-store-factory.h"
#include "order-server-util.h"

#define TOKEN "aisle-test-token"

static guint server_port;

static const char order_json[] =
  "{\"format\":\"aisle-order\",\"format_version\":1,\"id\":\"ID\",\"store\":\"milano\",\"language\":\"it\","
  "\"fulfillment\":{\"type\":\"pickup\",\"store\":\"milano\"},"
  "\"contact\":{\"name\":\"Anna Rossi\",\"email\":\"anna@example.com\"},"
  "\"lines\":[{\"product\":\"10000001\",\"quantity\":2,\"unit_price\":{\"amount\":12999,\"currency\":\"EUR\"}}],"
  "\"totals\":{\"items\":25998,\"fees\":0,\"total\":25998,\"currency\":\"EUR\"}}";

static char *
url (const char *mode)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", server_port, mode);
}

/* How many orders the server created for @key, and how many POSTs it saw. */
static guint
server_count (const char *key,
              const char *what)
{
  g_autofree char *received = url ("/received");
  g_autoptr(AisleHttpResponse) response = aisle_http_fetch (received, NULL, NULL, NULL, NULL);
  json_object *root, *keys, *entry, *value;
  guint count = 0;

  g_assert_nonnull (response);
  root = json_tokener_parse (g_bytes_get_data (response->body, NULL));
  if (root != NULL && json_object_object_get_ex (root, "keys", &keys) &&
      json_object_object_get_ex (keys, key, &entry) && json_object_object_get_ex (entry, what, &value))
    count = json_object_get_int (value);
  json_object_put (root);
  return count;
}

typedef struct
{
  AisleStore     *store;
  AisleOutbox    *outbox;
  char           *path;
  char           *id;
} Kiosk;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (aisle_outbox_save_finish (AISLE_OUTBOX (object), result, &error));
  *done = TRUE;
}

/* A kiosk on the feed at @base, its outbox at @path, as the settings
 * would make it. */
static void
kiosk_start (Kiosk      *kiosk,
             const char *base,
             const char *path,
             const char *token,
             guint       order_timeout)
{
  g_autofree char *cache = g_path_get_dirname (path);
  AisleStoreOverrides feed = { .backend = "feed", .base_url = base, .store_id = "milano", .access_token = token,
                               .order_timeout = order_timeout, .no_refresh_timer = TRUE };

  kiosk->store = aisle_store_new_for_config (NULL, &feed, cache, NULL);
  g_assert_nonnull (kiosk->store);
  kiosk->path = g_strdup (path);
  kiosk->outbox = aisle_outbox_new (path, aisle_store_outbox_submit, g_object_ref (kiosk->store),
                                    g_object_unref, 100);
}

static void
kiosk_open (Kiosk      *kiosk,
            const char *mode,
            const char *path,
            const char *token)
{
  g_autofree char *base = url (mode);

  kiosk_start (kiosk, base, path, token, 1);
}

static void
kiosk_order (Kiosk *kiosk)
{
  gboolean done = FALSE;

  kiosk->id = g_uuid_string_random ();
  aisle_outbox_save_async (kiosk->outbox, kiosk->id, order_json, NULL, saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static AisleOutboxEntry *
kiosk_wait (Kiosk           *kiosk,
            AisleOrderState  state,
            guint            min_attempts,
            guint            timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  for (;;)
    {
      AisleOutboxEntry *entry = aisle_outbox_lookup (kiosk->outbox, kiosk->id);

      if ((entry && entry->state == state && entry->attempts >= min_attempts) || g_get_monotonic_time () > end)
        return entry;
      aisle_outbox_entry_free (entry);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
}

static void
kiosk_close (Kiosk *kiosk)
{
  g_autofree char *dir = g_path_get_dirname (kiosk->path);
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);

  aisle_outbox_close (kiosk->outbox);
  g_clear_object (&kiosk->outbox);
  g_clear_object (&kiosk->store);
  g_clear_pointer (&kiosk->path, g_free);
  g_clear_pointer (&kiosk->id, g_free);
  g_assert_cmpint (system (rm), ==, 0);
}

static char *
temp_db (void)
{
  g_autofree char *dir = g_dir_make_tmp ("aisle-orders-XXXXXX", NULL);
  return g_build_filename (dir, "outbox.db", NULL);
}

static void
test_retried_until_accepted (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(AisleOutboxEntry) entry = NULL;
  Kiosk kiosk = { 0 };

  /* Two 503s, then the store takes it: one order, three attempts. */
  kiosk_open (&kiosk, "/fail/2", path, TOKEN);
  kiosk_order (&kiosk);
  entry = kiosk_wait (&kiosk, AISLE_ORDER_ACCEPTED, 1, 10000);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_ACCEPTED);
  g_assert_cmpuint (entry->attempts, ==, 3);
  g_assert_true (g_str_has_prefix (entry->order_number, "CN-"));
  g_assert_cmpuint (strlen (entry->pickup_code), ==, 4);
  g_assert_cmpuint (server_count (kiosk.id, "orders"), ==, 1);
  kiosk_close (&kiosk);
}

static void
assert_kept_pending (const char *mode)
{
  g_autofree char *path = temp_db ();
  g_autoptr(AisleOutboxEntry) entry = NULL;
  Kiosk kiosk = { 0 };

  g_test_message ("%s", mode);
  kiosk_open (&kiosk, mode, path, TOKEN);
  kiosk_order (&kiosk);
  entry = kiosk_wait (&kiosk, AISLE_ORDER_PENDING, 2, 20000);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_PENDING);
  g_assert_cmpuint (entry->attempts, >=, 2);
  g_assert_nonnull (entry->last_error);
  g_assert_cmpuint (aisle_outbox_count_pending (kiosk.outbox), ==, 1);
  kiosk_close (&kiosk);
}

static void
test_failures_keep_the_order (void)
{
  /* 500s, a reset, junk: never lost, never rejected, tried again. */
  assert_kept_pending ("/status/500");
  assert_kept_pending ("/reset");
  assert_kept_pending ("/redirect");
}

/* A 2xx is the store saying it has the order, even without an
 * order_number (a bare 201, or a 200 with an HTML page): the order is
 * accepted once, shown with the kiosk's reference, and never sent again. */
static void
assert_accepted_without_number (const char *mode)
{
  g_autofree char *path = temp_db ();
  g_autoptr(AisleOutboxEntry) entry = NULL;
  g_autofree char *reference = NULL;
  Kiosk kiosk = { 0 };

  g_test_message ("%s", mode);
  kiosk_open (&kiosk, mode, path, TOKEN);
  kiosk_order (&kiosk);
  entry = kiosk_wait (&kiosk, AISLE_ORDER_ACCEPTED, 1, 10000);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_ACCEPTED);
  reference = g_ascii_strup (kiosk.id, 8);
  g_assert_cmpstr (entry->order_number, ==, reference);
  g_assert_null (entry->pickup_code);
  g_assert_nonnull (entry->last_error);

  /* Retries here come after 100 ms: ten of them would have happened. */
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
  }
  g_assert_cmpuint (aisle_outbox_count_pending (kiosk.outbox), ==, 0);
  g_assert_cmpuint (server_count (kiosk.id, "posts"), ==, 1);
  aisle_outbox_entry_free (entry);
  entry = aisle_outbox_lookup (kiosk.outbox, kiosk.id);
  g_assert_cmpuint (entry->attempts, ==, 1);
  kiosk_close (&kiosk);
}

static void
test_accepted_without_number (void)
{
  assert_accepted_without_number ("/status/201");
  assert_accepted_without_number ("/junk");
}

static void
test_timeout_keeps_the_order (void)
{
  /* A store slower than the kiosk waits (here 1 s against a 3 s stall). */
  assert_kept_pending ("/slow/3");
}

static void
assert_rejected (const char *mode,
                 const char *token,
                 const char *expected_message_part)
{
  g_autofree char *path = temp_db ();
  g_autoptr(AisleOutboxEntry) entry = NULL;
  Kiosk kiosk = { 0 };

  kiosk_open (&kiosk, mode, path, token);
  kiosk_order (&kiosk);
  entry = kiosk_wait (&kiosk, AISLE_ORDER_REJECTED, 1, 10000);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_REJECTED);
  g_assert_nonnull (entry->last_error);
  g_test_message ("%s: %s", mode, entry->last_error);
  if (expected_message_part)
    g_assert_nonnull (strstr (entry->last_error, expected_message_part));
  g_assert_cmpuint (entry->attempts, ==, 1);
  kiosk_close (&kiosk);
}

static void
test_rejections_say_why (void)
{
  assert_rejected ("/conflict", TOKEN, NULL);
}

/* The store answers in the shopper's language, which the order carries. */
static void
test_rejection_in_the_shoppers_language (void)
{
  {
    g_autofree char *path = temp_db ();
    g_autoptr(AisleOutboxEntry) entry = NULL;
    Kiosk kiosk = { 0 };

    kiosk_open (&kiosk, "/status/422", path, TOKEN);
    kiosk_order (&kiosk);   /* order_json says "language":"it" */
    entry = kiosk_wait (&kiosk, AISLE_ORDER_REJECTED, 1, 10000);
    g_assert_cmpint (entry->state, ==, AISLE_ORDER_REJECTED);
    g_assert_cmpstr (entry->last_error, ==, "Alcuni articoli non si possono più ordinare.");
    kiosk_close (&kiosk);
  }
}

static void
test_wrong_token_keeps_the_order (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(AisleOutboxEntry) entry = NULL;
  Kiosk kiosk = { 0 };

  /* The kiosk's set-up is wrong, not the shopper's order: it waits. */
  kiosk_open (&kiosk, "", path, "wrong-token");
  kiosk_order (&kiosk);
  entry = kiosk_wait (&kiosk, AISLE_ORDER_PENDING, 2, 10000);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_PENDING);
  g_assert_nonnull (strstr (entry->last_error, "access token"));
  g_assert_cmpuint (server_count (kiosk.id, "orders"), ==, 0);
  kiosk_close (&kiosk);
}

static void
test_local_order_book (void)
{
  g_autofree char *path = temp_db ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_filename_to_uri (dir, NULL, NULL);
  g_autoptr(AisleOutboxEntry) entry = NULL;
  Kiosk kiosk = { 0 };

  /* The bundled demo (file://) books its orders on the kiosk. */
  kiosk_start (&kiosk, base, path, NULL, 0);
  kiosk_order (&kiosk);
  entry = kiosk_wait (&kiosk, AISLE_ORDER_ACCEPTED, 1, 5000);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_ACCEPTED);
  g_assert_cmpuint (strlen (entry->order_number), ==, 8);
  g_assert_cmpuint (strlen (entry->pickup_code), ==, 4);
  kiosk_close (&kiosk);
}

/* The child for test_killed: saves an order for a store that is slow to
 * answer, says so, and is killed while it is sending. */
G_GNUC_NORETURN static void
child_main (const char *path,
            guint       port)
{
  Kiosk kiosk = { 0 };
  g_autofree char *base = NULL;

  server_port = port;
  base = url ("/slow/20");
  kiosk_start (&kiosk, base, path, TOKEN, 60);
  kiosk_order (&kiosk);
  printf ("%s\n", kiosk.id);
  fflush (stdout);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
}

static void
test_killed_between_saving_and_sending (void)
{
  g_autofree char *path = temp_db ();
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *port = g_strdup_printf ("%u", server_port);
  const char *argv[] = { self_path, "--child", path, port, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleOutboxEntry) entry = NULL;
  char id[64] = { 0 };
  Kiosk kiosk = { 0 };
  gsize n = 0;
  GPid pid;
  int out;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  while (n < sizeof id - 1 && read (out, id + n, 1) == 1 && id[n] != '\n')
    n++;
  id[n] = '\0';
  close (out);
  g_assert_cmpuint (n, ==, 36);

  /* Saved, and being sent to a store that has not answered yet: the power goes. */
  g_usleep (300 * 1000);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  /* The next start sends it again with the same key; the store creates it once. */
  kiosk_open (&kiosk, "", path, TOKEN);
  kiosk.id = g_strdup (id);
  aisle_outbox_send_now (kiosk.outbox);
  entry = kiosk_wait (&kiosk, AISLE_ORDER_ACCEPTED, 1, 30000);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_ACCEPTED);

  /* The killed kiosk's request may still finish on the server's side after
   * up to 20 s; whatever the order of events, one order exists. */
  g_assert_cmpuint (server_count (id, "orders"), ==, 1);
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      aisle_http_global_init ();
      child_main (argv[2], atoi (argv[3]));
    }

  g_test_init (&argc, &argv, NULL);
  aisle_http_global_init ();
  server_port = order_server_start ();

  g_test_add_func ("/orders/retried-until-accepted", test_retried_until_accepted);
  g_test_add_func ("/orders/failures-keep-the-order", test_failures_keep_the_order);
  g_test_add_func ("/orders/timeout-keeps-the-order", test_timeout_keeps_the_order);
  g_test_add_func ("/orders/accepted-without-number", test_accepted_without_number);
  g_test_add_func ("/orders/rejections-say-why", test_rejections_say_why);
  g_test_add_func ("/orders/wrong-token-keeps-the-order", test_wrong_token_keeps_the_order);
  g_test_add_func ("/orders/rejection-in-the-shoppers-language", test_rejection_in_the_shoppers_language);
  g_test_add_func ("/orders/local-order-book", test_local_order_book);
  g_test_add_func ("/orders/killed-between-saving-and-sending", test_killed_between_saving_and_sending);

  status = g_test_run ();
  order_server_stop ();
  return status;
}
