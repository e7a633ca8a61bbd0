/* test-outbox.c: orders survive failures, retries, restarts and SIGKILL */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aisle-error.h"
#include "aisle-outbox.h"

static const char order_json[] =
  "{\"format\":\"aisle-order\",\"format_version\":1,\"id\":\"ID\","
  "\"fulfillment\":{\"type\":\"delivery\",\"address\":{\"name\":\"Anna Rossi\",\"street\":\"Via Roma 1\"}},"
  "\"contact\":{\"name\":\"Anna Rossi\",\"email\":\"anna@example.com\"},"
  "\"lines\":[{\"product\":\"10000001\",\"quantity\":2}]}";

/* A store that answers from a script: RETRY n times, then accept or reject. */
typedef struct
{
  GMutex lock;
  guint  calls;
  guint  retries;
  gboolean reject;
  gboolean block;       /* never answers: the process will be killed */
} Store;

static void
scripted_submit (const char        *id,
                 const char        *json,
                 AisleSubmitResult *result,
                 gpointer           data)
{
  Store *store = data;
  guint call;

  g_mutex_lock (&store->lock);
  call = ++store->calls;
  g_mutex_unlock (&store->lock);

  while (store->block)
    g_usleep (G_USEC_PER_SEC);

  if (call <= store->retries)
    {
      result->outcome = AISLE_SUBMIT_RETRY;
      result->message = g_strdup ("503 from the store");
    }
  else if (store->reject)
    {
      result->outcome = AISLE_SUBMIT_REJECTED;
      result->message = g_strdup ("That sofa is no longer sold");
    }
  else
    {
      result->outcome = AISLE_SUBMIT_ACCEPTED;
      result->order_number = g_strdup_printf ("CN-%06u", call);
      result->pickup_code = g_strdup ("4821");
    }
}

static char *
temp_db (void)
{
  g_autofree char *dir = g_dir_make_tmp ("aisle-outbox-XXXXXX", NULL);
  return g_build_filename (dir, "outbox.db", NULL);
}

static void
remove_db (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (rm), ==, 0);
}

typedef struct
{
  GError   *error;
  gboolean  done;
} SaveState;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveState *state = user_data;

  if (!aisle_outbox_save_finish (AISLE_OUTBOX (object), result, &state->error))
    g_assert_nonnull (state->error);
  state->done = TRUE;
}

/* Saves and waits for the commit; returns the error, if any. */
static GError *
save (AisleOutbox *outbox,
      const char  *id)
{
  SaveState state = { NULL, FALSE };
  g_autofree char *json = g_strdup (order_json);

  aisle_outbox_save_async (outbox, id, json, NULL, saved_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  return state.error;
}

static AisleOrderState
wait_for_state (AisleOutbox     *outbox,
                const char      *id,
                AisleOrderState  state,
                guint            timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  for (;;)
    {
      g_autoptr(AisleOutboxEntry) entry = aisle_outbox_lookup (outbox, id);

      if ((entry && entry->state == state) || g_get_monotonic_time () > end)
        return entry ? entry->state : (AisleOrderState)-1;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static char *
stored_body (const char *path,
             const char *id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *body = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body FROM orders WHERE id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    body = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return body;
}

static void
test_accepted (void)
{
  g_autofree char *path = temp_db ();
  Store store = { .retries = 0 };
  g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, scripted_submit, &store, NULL, 20);
  g_autoptr(AisleOutboxEntry) entry = NULL;
  g_autoptr(GError) error = save (outbox, "order-1");
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (wait_for_state (outbox, "order-1", AISLE_ORDER_ACCEPTED, 5000), ==, AISLE_ORDER_ACCEPTED);
  entry = aisle_outbox_lookup (outbox, "order-1");
  g_assert_cmpstr (entry->order_number, ==, "CN-000001");
  g_assert_cmpstr (entry->pickup_code, ==, "4821");
  g_assert_cmpuint (aisle_outbox_count_pending (outbox), ==, 0);
  aisle_outbox_close (outbox);

  /* Accepted: the saved copy keeps the lines, not the person. */
  body = stored_body (path, "order-1");
  g_assert_nonnull (strstr (body, "10000001"));
  g_assert_null (strstr (body, "anna@example.com"));
  g_assert_null (strstr (body, "Via Roma"));
  g_assert_null (strstr (body, "Anna Rossi"));
  remove_db (path);
}

static void
test_retried (void)
{
  g_autofree char *path = temp_db ();
  Store store = { .retries = 3 };
  g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, scripted_submit, &store, NULL, 20);
  g_autoptr(AisleOutboxEntry) entry = NULL;
  g_autoptr(GError) error = save (outbox, "order-2");

  g_assert_no_error (error);
  g_assert_cmpint (wait_for_state (outbox, "order-2", AISLE_ORDER_ACCEPTED, 10000), ==, AISLE_ORDER_ACCEPTED);
  entry = aisle_outbox_lookup (outbox, "order-2");
  g_assert_cmpuint (entry->attempts, ==, 4);
  g_assert_cmpuint (store.calls, ==, 4);
  aisle_outbox_close (outbox);
  remove_db (path);
}

static void
test_rejected (void)
{
  g_autofree char *path = temp_db ();
  Store store = { .reject = TRUE };
  g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, scripted_submit, &store, NULL, 20);
  g_autoptr(AisleOutboxEntry) entry = NULL;
  g_autoptr(GError) error = save (outbox, "order-3");

  g_assert_no_error (error);
  g_assert_cmpint (wait_for_state (outbox, "order-3", AISLE_ORDER_REJECTED, 5000), ==, AISLE_ORDER_REJECTED);
  entry = aisle_outbox_lookup (outbox, "order-3");
  g_assert_cmpstr (entry->last_error, ==, "That sofa is no longer sold");

  /* Never sent again, even when asked to send everything now. */
  aisle_outbox_send_now (outbox);
  g_usleep (200 * 1000);
  g_assert_cmpuint (store.calls, ==, 1);
  aisle_outbox_close (outbox);
  remove_db (path);
}

static void
test_saved_twice (void)
{
  g_autofree char *path = temp_db ();
  Store store = { 0 };
  g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, scripted_submit, &store, NULL, 20);
  g_autoptr(GError) first = save (outbox, "order-4");
  g_autoptr(GError) second = save (outbox, "order-4");

  g_assert_no_error (first);
  g_assert_no_error (second);
  g_assert_cmpint (wait_for_state (outbox, "order-4", AISLE_ORDER_ACCEPTED, 5000), ==, AISLE_ORDER_ACCEPTED);
  g_usleep (100 * 1000);
  g_assert_cmpuint (store.calls, ==, 1);
  aisle_outbox_close (outbox);
  remove_db (path);
}

static void
test_restart_sends_pending (void)
{
  g_autofree char *path = temp_db ();
  Store down = { .retries = G_MAXUINT };
  Store up = { 0 };

  /* The store is down all day; the kiosk is switched off at night. */
  {
    g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, scripted_submit, &down, NULL, 60 * 1000);
    g_autoptr(GError) error = save (outbox, "order-5");

    g_assert_no_error (error);
    g_assert_cmpint (wait_for_state (outbox, "order-5", AISLE_ORDER_PENDING, 1000), ==, AISLE_ORDER_PENDING);
    g_assert_cmpuint (aisle_outbox_count_pending (outbox), ==, 1);
    aisle_outbox_close (outbox);
  }

  /* Next morning: sent once, accepted. */
  {
    g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, scripted_submit, &up, NULL, 60 * 1000);

    aisle_outbox_send_now (outbox);
    g_assert_cmpint (wait_for_state (outbox, "order-5", AISLE_ORDER_ACCEPTED, 5000), ==, AISLE_ORDER_ACCEPTED);
    g_usleep (100 * 1000);
    g_assert_cmpuint (up.calls, ==, 1);
    aisle_outbox_close (outbox);
  }
  remove_db (path);
}

/* The child of test_killed: saves one order, says so, and waits to be killed
 * while "sending" it. */
static int
child_main (const char *path)
{
  Store store = { .block = TRUE };
  AisleOutbox *outbox = aisle_outbox_new (path, scripted_submit, &store, NULL, 60 * 1000);
  GError *error = save (outbox, "order-killed");

  if (error != NULL)
    return 1;
  printf ("SAVED\n");
  fflush (stdout);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
}

static void
test_killed (void)
{
  g_autofree char *path = temp_db ();
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_path, "--child", path, NULL };
  g_autoptr(GError) error = NULL;
  char line[16] = { 0 };
  Store up = { 0 };
  GPid pid;
  int out;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out, line, 6), ==, 6);
  g_assert_cmpstr (line, ==, "SAVED\n");
  close (out);

  /* The power goes: no chance to tidy up. */
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  {
    g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, scripted_submit, &up, NULL, 60 * 1000);

    g_assert_cmpint (wait_for_state (outbox, "order-killed", AISLE_ORDER_ACCEPTED, 5000), ==, AISLE_ORDER_ACCEPTED);
    g_usleep (100 * 1000);
    g_assert_cmpuint (up.calls, ==, 1);
    aisle_outbox_close (outbox);
  }
  remove_db (path);
}

static void
test_cannot_save (void)
{
  Store store = { 0 };
  g_autoptr(AisleOutbox) outbox = aisle_outbox_new ("/proc/aisle-cannot-write-here/outbox.db",
                                                    scripted_submit, &store, NULL, 20);
  g_autoptr(GError) error = save (outbox, "order-6");

  /* Never "ordered" when it is not on disk. */
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_FAILED);
  g_assert_cmpstr (error->message, !=, "");
  aisle_outbox_close (outbox);
}

static void
note_thread (AisleOutbox *outbox,
             const char  *id,
             GThread    **thread)
{
  if (*thread == NULL || *thread == g_thread_self ())
    *thread = g_thread_self ();
  else
    *thread = GUINT_TO_POINTER (1);  /* seen on more than one thread */
}

/* The UI listens to "order-changed": it must come on the thread that made
 * the outbox, also when that thread is busy (not in its main loop) while
 * the sender hears back from the store, and the main loop must then wake. */
static void
test_reports_on_owner_thread (void)
{
  g_autofree char *path = temp_db ();
  Store store = { .retries = 0 };
  g_autoptr(AisleOutbox) outbox = aisle_outbox_new (path, scripted_submit, &store, NULL, 20);
  GThread *thread = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (outbox, "order-changed", G_CALLBACK (note_thread), &thread);
  error = save (outbox, "order-1");
  g_assert_no_error (error);

  /* Busy, away from the main loop, while the store accepts. */
  for (guint i = 0; i < 50 && store.calls == 0; i++)
    g_usleep (10000);
  g_usleep (100000);

  g_assert_cmpint (wait_for_state (outbox, "order-1", AISLE_ORDER_ACCEPTED, 5000), ==, AISLE_ORDER_ACCEPTED);
  g_assert_true (thread == g_thread_self ());
  aisle_outbox_close (outbox);
  remove_db (path);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outbox/accepted", test_accepted);
  g_test_add_func ("/outbox/reports-on-owner-thread", test_reports_on_owner_thread);
  g_test_add_func ("/outbox/retried", test_retried);
  g_test_add_func ("/outbox/rejected", test_rejected);
  g_test_add_func ("/outbox/saved-twice", test_saved_twice);
  g_test_add_func ("/outbox/restart-sends-pending", test_restart_sends_pending);
  g_test_add_func ("/outbox/killed", test_killed);
  g_test_add_func ("/outbox/cannot-save", test_cannot_save);

  return g_test_run ();
}
