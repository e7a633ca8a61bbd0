/* test-collect.c: collecting an online order in a shopper's session, and the kiosk's try limit
 *
 * On the bundled demo store, which answers look-ups and check-ins itself
 * (data/demo-store/online-orders.json): no network, no display.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "aisle-session.h"

typedef struct
{
  char          *dir;
  AisleServices *services;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *base = data;
  g_autofree char *demo = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);

  AisleStore *store;
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  fixture->dir = g_dir_make_tmp ("aisle-collect-XXXXXX", NULL);
  fixture->services = aisle_services_new (NULL, base ? base : demo, "milano", fixture->dir, AISLE_SERVICES_MEASURING);
  /* The demo store's first refresh writes its offline copy: let it finish
   * before the test and its folder go. */
  store = aisle_services_get_store (fixture->services);
  while (base == NULL && (aisle_store_get_catalog (store) == NULL || aisle_store_get_stock (store) == NULL) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (base != NULL || aisle_store_get_stock (store) != NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", fixture->dir);

  g_clear_object (&fixture->services);
  g_assert_cmpint (system (rm), ==, 0);
  g_free (fixture->dir);
}

static void
test_try_limit (void)
{
  g_autoptr(AisleTryLimit) limit = aisle_try_limit_new (3, 100);
  gint64 wait = -1;

  g_assert_true (aisle_try_limit_allowed (limit, 0, &wait));
  g_assert_cmpint (wait, ==, 0);
  aisle_try_limit_failed (limit, 0);
  aisle_try_limit_failed (limit, 10);
  g_assert_true (aisle_try_limit_allowed (limit, 15, NULL));
  aisle_try_limit_failed (limit, 20);
  g_assert_false (aisle_try_limit_allowed (limit, 30, &wait));
  g_assert_cmpint (wait, ==, 70);
  /* The oldest wrong try has left the window: one more may be made. */
  g_assert_true (aisle_try_limit_allowed (limit, 100, &wait));
  aisle_try_limit_failed (limit, 100);
  g_assert_false (aisle_try_limit_allowed (limit, 105, &wait));
  g_assert_cmpint (wait, ==, 5);
  g_assert_true (aisle_try_limit_allowed (limit, 300, NULL));
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
find (AisleCollect *collect,
      const char   *number,
      const char   *contact,
      GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aisle_collect_find_async (collect, number, contact, AISLE_LANGUAGE_EN, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return aisle_collect_find_finish (collect, result, error);
}

static void
count (guint *n)
{
  (*n)++;
}

static void
test_find_and_check_in (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AisleCollect) collect = aisle_collect_new (fixture->services);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const AisleOnlineOrder *order;
  guint changes = 0;

  g_signal_connect_swapped (collect, "changed", G_CALLBACK (count), &changes);
  g_assert_null (aisle_collect_get_order (collect));
  g_assert_true (find (collect, "CN-100482", "5678", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  order = aisle_collect_get_order (collect);
  g_assert_cmpstr (order->number, ==, "CN-100482");
  g_assert_null (order->check_in);

  aisle_collect_check_in_async (collect, AISLE_LANGUAGE_EN, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (aisle_collect_check_in_finish (collect, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_nonnull (aisle_collect_get_order (collect)->check_in);
  {
    g_autoptr(GPtrArray) desk = aisle_desk_log_list_since (aisle_services_get_desk_log (fixture->services), 0);
    const AisleDeskEvent *event;

    /* Staff's list: the check-in, with nothing personal. */
    g_assert_cmpuint (desk->len, ==, 1);
    event = desk->pdata[0];
    g_assert_cmpint (event->kind, ==, AISLE_DESK_CHECK_IN);
    g_assert_cmpstr (event->order_number, ==, "CN-100482");
    g_assert_cmpstr (event->number, ==, aisle_collect_get_order (collect)->check_in->queue_number);
  }
  g_assert_nonnull (aisle_collect_get_order (collect)->check_in->queue_number);

  /* The pickup code from the confirmation e-mail, typed any way. */
  g_assert_true (find (collect, "cn 100517", "p4x-8td", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aisle_collect_get_order (collect)->number, ==, "CN-100517");
  g_assert_false (find (collect, "CN-100517", "K7Q2M9", &error));
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (find (collect, "CN-100482", "maria.rossi@example.com", &error));
  g_assert_no_error (error);

  /* A wrong look-up keeps the order found. */
  g_assert_false (find (collect, "CN-100482", "0000", &error));
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
  g_assert_nonnull (aisle_collect_get_order (collect));
}

/* Five wrong guesses, then even the right one is refused, without asking
 * the store, for every session of the kiosk. */
static void
test_too_many_tries (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AisleSession) first = aisle_session_new (fixture->services, AISLE_LANGUAGE_EN);
  g_autoptr(AisleSession) second = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < AISLE_LOOKUP_MAX_FAILURES; i++)
    {
      g_autofree char *guess = g_strdup_printf ("CN-99999%u", i);

      g_assert_false (find (aisle_session_get_collect (first), guess, "5678", &error));
      g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
  g_assert_false (find (aisle_session_get_collect (first), "CN-100482", "5678", &error));
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES);
  g_clear_error (&error);

  /* Walking away and starting over does not clear it. */
  aisle_session_end (first);
  second = aisle_session_new (fixture->services, AISLE_LANGUAGE_EN);
  g_assert_false (find (aisle_session_get_collect (second), "CN-100482", "5678", &error));
  g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES);
}

/* A store that cannot answer is nobody's wrong guess. */
static void
test_unavailable_not_counted (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AisleCollect) collect = aisle_collect_new (fixture->services);

  for (guint i = 0; i < AISLE_LOOKUP_MAX_FAILURES + 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (find (collect, "CN-100482", "5678", &error));
      g_assert_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE);
    }
  g_assert_true (aisle_try_limit_allowed (aisle_services_get_lookup_limit (fixture->services), g_get_monotonic_time (),
                                          NULL));
}

/* The order is the shopper's: the session's end forgets it, and a look-up
 * still running then changes nothing. */
static void
test_session_end (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AisleSession) session = aisle_session_new (fixture->services, AISLE_LANGUAGE_EN);
  AisleCollect *collect = aisle_session_get_collect (session);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_assert_true (find (collect, "CN-100540", "sofia.garcia@example.com", NULL));
  g_assert_cmpint (aisle_collect_get_order (collect)->state, ==, AISLE_ONLINE_ORDER_COLLECTED);
  g_signal_connect_swapped (collect, "changed", G_CALLBACK (count), &changes);
  aisle_session_end (session);
  g_assert_null (aisle_collect_get_order (collect));
  g_assert_cmpuint (changes, ==, 1);

  aisle_collect_find_async (collect, "CN-100482", "5678", AISLE_LANGUAGE_EN, done_cb, &result);
  aisle_session_end (session);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (aisle_collect_find_finish (collect, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (aisle_collect_get_order (collect));
  g_assert_cmpuint (changes, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collect/try-limit", test_try_limit);
  g_test_add ("/collect/find-and-check-in", Fixture, NULL, fixture_setup, test_find_and_check_in, fixture_teardown);
  g_test_add ("/collect/too-many-tries", Fixture, NULL, fixture_setup, test_too_many_tries, fixture_teardown);
  g_test_add ("/collect/unavailable-not-counted", Fixture, "http://127.0.0.1:9", fixture_setup,
              test_unavailable_not_counted, fixture_teardown);
  g_test_add ("/collect/session-end", Fixture, NULL, fixture_setup, test_session_end, fixture_teardown);

  return g_test_run ();
}
