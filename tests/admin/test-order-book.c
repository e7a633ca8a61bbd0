/* test-order-book.c: the kiosk's order book keeps what staff need for order-book-days, no more
 *
 * Orders the store answered are deleted once older than the days given;
 * orders still waiting are kept; staff's list of the day's orders and the
 * oldest waiting order come from what the outbox knows.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "aisle-outbox.h"

#define DAY (24 * 60 * 60)

static void
accept_all (const char        *id,
            const char        *json,
            AisleSubmitResult *result,
            gpointer           user_data)
{
  gboolean *refuse = user_data;

  result->outcome = *refuse ? AISLE_SUBMIT_RETRY : AISLE_SUBMIT_ACCEPTED;
  result->order_number = *refuse ? NULL : g_strdup_printf ("CN-%s", id);
}

static void
saved (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_assert_true (aisle_outbox_save_finish (AISLE_OUTBOX (object), result, NULL));
  (*(guint *)user_data)++;
}

static void
pruned (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  guint *n = user_data;

  g_assert_true (aisle_outbox_prune_finish (AISLE_OUTBOX (object), result, n, NULL));
}

static void
iterate_until (guint *counter,
               guint  value)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*counter < value)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
count_state (AisleOutbox *outbox,
             const char  *id,
             guint       *changes)
{
  (*changes)++;
}

static gboolean
is_accepted (AisleOutbox *outbox,
             const char  *id)
{
  g_autoptr(AisleOutboxEntry) entry = aisle_outbox_lookup (outbox, id);

  return entry != NULL && entry->state == AISLE_ORDER_ACCEPTED;
}

static void
backdate (const char *path,
          const char *id,
          gint64      days)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE orders SET created_at = created_at - %" G_GINT64_FORMAT
                                          " WHERE id = '%s'", days * DAY * 1000, id);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_prune (void)
{
  g_autofree char *dir = g_dir_make_tmp ("aisle-order-book-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "orders.sqlite", NULL);
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GPtrArray) all = NULL;
  gboolean refuse = FALSE;
  guint n_saved = 0, changes = 0, n_removed = G_MAXUINT;
  AisleOutbox *outbox;

  /* Three orders the store accepts, one it never gets. */
  outbox = aisle_outbox_new (path, accept_all, &refuse, NULL, 0);
  g_signal_connect (outbox, "order-changed", G_CALLBACK (count_state), &changes);
  aisle_outbox_save_async (outbox, "old", "{}", NULL, saved, &n_saved);
  aisle_outbox_save_async (outbox, "recent", "{}", NULL, saved, &n_saved);
  aisle_outbox_save_async (outbox, "today", "{}", NULL, saved, &n_saved);
  iterate_until (&n_saved, 3);
  /* Accepted, each: the state the sender wrote, not a count of signals
   * (its start-up report may repeat a save). */
  for (const char * const *id = (const char * const []) { "old", "recent", "today", NULL }; *id; id++)
    while (!is_accepted (outbox, *id))
      g_main_context_iteration (NULL, TRUE);
  refuse = TRUE;
  aisle_outbox_save_async (outbox, "waiting", "{}", NULL, saved, &n_saved);
  iterate_until (&n_saved, 4);
  aisle_outbox_close (outbox);
  g_object_unref (outbox);

  backdate (path, "old", 40);
  backdate (path, "recent", 10);
  backdate (path, "waiting", 90);

  /* The next start: prune to 30 days. */
  changes = 0;
  outbox = aisle_outbox_new (path, accept_all, &refuse, NULL, 60 * 1000);
  g_signal_connect (outbox, "order-changed", G_CALLBACK (count_state), &changes);
  aisle_outbox_prune_async (outbox, 30, NULL, pruned, &n_removed);
  while (n_removed == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_removed, ==, 1);
  /* The sender reports every kept order at start-up, from its thread; a
   * count of signals is not enough (one order may be reported twice before
   * another once), so wait for the three orders themselves. */
  {
    gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    for (;;)
      {
        all = aisle_outbox_list_since (outbox, 0);
        if (all->len >= 3 || g_get_monotonic_time () > end)
          break;
        g_clear_pointer (&all, g_ptr_array_unref);
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (2 * 1000);
      }
  }
  g_assert_cmpuint (all->len, ==, 3);
  /* Oldest first: the waiting one (90 days), then 10 days, then today. */
  g_assert_cmpstr (((AisleOutboxEntry *)all->pdata[0])->id, ==, "waiting");
  g_assert_cmpstr (((AisleOutboxEntry *)all->pdata[1])->id, ==, "recent");
  g_assert_cmpstr (((AisleOutboxEntry *)all->pdata[2])->id, ==, "today");
  g_assert_cmpint (aisle_outbox_get_oldest_pending (outbox), ==, ((AisleOutboxEntry *)all->pdata[0])->created_at);

  {
    g_autoptr(GPtrArray) today = aisle_outbox_list_since (outbox, g_get_real_time () / G_USEC_PER_SEC - DAY / 2);
    g_assert_cmpuint (today->len, ==, 1);
    g_assert_cmpstr (((AisleOutboxEntry *)today->pdata[0])->order_number, ==, "CN-today");
  }

  aisle_outbox_close (outbox);
  g_object_unref (outbox);
  g_assert_cmpint (system (rm), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/order-book/prune", test_prune);
  return g_test_run ();
}
