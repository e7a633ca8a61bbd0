/* test-session.c: a shopper's whole visit through AisleSession, no display
 *
 * A pickup order and a delivery order are placed through the session, on the
 * services the kiosk runs on (the fixture feed, a real outbox on disk); then
 * an idle reset must leave nothing of the shopper: not in the session, not
 * in memory (the objects that held it are gone), and not on disk (what was
 * typed into an order never placed is in no file). Orders placed are the
 * outbox's to send, and only there.
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "aisle-session.h"

#define UNPLACED_NAME  "Zaccaria Unplacedname"
#define UNPLACED_PHONE "+39029876543"

typedef struct
{
  char          *dir;
  AisleServices *services;
  AisleSession  *session;
} Fixture;

static gboolean
store_ready (AisleServices *services)
{
  AisleStore *store = aisle_services_get_store (services);

  return aisle_store_get_catalog (store) != NULL && aisle_store_get_stock (store) != NULL;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *feed = g_test_build_filename (G_TEST_DIST, "fixtures", "feed", NULL);
  g_autofree char *url = g_filename_to_uri (feed, NULL, NULL);
  AisleStore *store;
  gint64 end;

  fixture->dir = g_dir_make_tmp ("aisle-session-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->services = aisle_services_new (NULL, url, "milano", fixture->dir, AISLE_SERVICES_MEASURING);

  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!store_ready (fixture->services) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (store_ready (fixture->services));

  store = aisle_services_get_store (fixture->services);
  fixture->session = aisle_session_new (fixture->services, AISLE_LANGUAGE_IT);
  aisle_session_set_catalog (fixture->session, aisle_store_get_catalog (store), aisle_store_get_stock (store));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Slips go to the PDF printer on worker threads; the fixture waits for them,
 * as the kiosk would, before it goes (fonts are loaded there, and a process
 * ending under them leaves fontconfig's caches behind for LeakSanitizer). */
static gboolean
printing (Fixture *fixture)
{
  return aisle_print_queue_get_n_pending (aisle_services_get_print_queue (fixture->services)) > 0;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (printing (fixture) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * 1000);
  g_assert_false (printing (fixture));

  g_clear_object (&fixture->session);
  g_clear_object (&fixture->services);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
placed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  if (!aisle_session_place_order_finish (AISLE_SESSION (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  g_main_context_wakeup (NULL);
  *(gboolean *)g_object_get_data (object, "test-done") = TRUE;
}

static gboolean
place (AisleSession  *session,
       GError       **error)
{
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (session), "test-done", &done);
  aisle_session_place_order_async (session, NULL, placed_cb, error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_object_set_data (G_OBJECT (session), "test-done", NULL);
  return *error == NULL;
}

static AisleOutboxEntry *
lookup (Fixture    *fixture,
        const char *id)
{
  return aisle_outbox_lookup (aisle_services_get_outbox (fixture->services), id);
}

static guint count_files_with (const char *path, const char *needle);

static void
test_pickup_and_delivery (Fixture       *fixture,
                          gconstpointer  data)
{
  AisleSession *session = fixture->session;
  AisleShoppingList *list = aisle_session_get_list (session);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) windows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleOutboxEntry) pickup = NULL;
  g_autoptr(AisleOutboxEntry) delivery = NULL;
  g_autofree char *pickup_id = NULL;
  AisleCheckout *checkout;

  /* Nothing to order yet. */
  g_assert_null (aisle_session_start_checkout (session));

  /* Pickup: a full-serve article is prepared; the self-serve one the
   * shopper picks stays on the list. */
  aisle_shopping_list_add (list, "10000001", 2);
  aisle_shopping_list_add (list, "10000003", 1);
  checkout = aisle_session_start_checkout (session);
  g_assert_nonnull (checkout);
  g_assert_true (aisle_session_get_checkout (session) == checkout);
  g_assert_cmpuint (aisle_checkout_get_n_lines (checkout), ==, 1);
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_PICKUP);
  aisle_checkout_set_contact (checkout, "Maria Rossi", NULL, "+39021234567");

  g_assert_true (place (session, &error));
  g_assert_no_error (error);
  pickup_id = g_strdup (aisle_session_get_order_id (session));
  g_assert_nonnull (pickup_id);
  g_assert_true (aisle_session_get_order_pickup (session));
  g_assert_true (g_str_has_suffix (aisle_session_get_order_reference (session), pickup_id));
  g_assert_nonnull (aisle_session_get_order_details (session));
  g_assert_null (aisle_session_get_checkout (session));
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 1);
  g_assert_cmpstr (aisle_shopping_list_get_line (list, 0)->product_id, ==, "10000001");

  /* On disk before anything said "ordered", in the session's language. */
  pickup = lookup (fixture, pickup_id);
  g_assert_nonnull (pickup);
  g_assert_cmpuint (count_files_with (fixture->dir, "\"language\":\"it\""), >=, 1);

  /* Its slip: made once, for the order as it was (with the picked line). */
  g_assert_true (aisle_session_print_order_slip (session));
  g_assert_nonnull (aisle_session_get_order_slip (session));
  g_assert_false (aisle_session_print_order_slip (session));

  /* Delivery: an online-only article, to an address. */
  aisle_shopping_list_add (list, "10000004", 1);
  checkout = aisle_session_start_checkout (session);
  g_assert_nonnull (checkout);
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_DELIVERY);
  windows = aisle_checkout_list_windows (checkout, now, 1);
  if (windows->len > 0)
    aisle_checkout_set_window (checkout, &g_array_index (windows, AisleTimeWindow, 0));
  aisle_checkout_set_address (checkout, "Maria Rossi", "Via Esempio 12", "20100", "Milano", "IT");
  aisle_checkout_set_contact (checkout, "Maria Rossi", NULL, "+39021234567");

  g_assert_true (place (session, &error));
  g_assert_cmpstr (aisle_session_get_order_id (session), !=, pickup_id);
  g_assert_false (aisle_session_get_order_pickup (session));
  g_assert_null (aisle_session_get_order_slip (session));
  delivery = lookup (fixture, aisle_session_get_order_id (session));
  g_assert_nonnull (delivery);
  g_assert_cmpuint (count_files_with (fixture->dir, "Via Esempio 12"), >=, 1);
  /* The picked article is still to pick; the delivered one is ordered. */
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 1);
}

static void
chosen_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  aisle_session_choose_pickup_store_finish (AISLE_SESSION (object), result, error);
  /* Answers are counted: each call answers once. */
  (*(guint *)g_object_get_data (object, "test-answers"))++;
}

static void
wait_for_answers (AisleSession *session,
                  guint        *answers,
                  guint         expected)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*answers < expected && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (*answers, ==, expected);
}

/* The line of 2 × LUNDA armchair: Milano has 14, the fixture München 1. */
static AisleLineAvailability
lunda_availability (AisleCheckout *checkout,
                    gint          *in_stock)
{
  g_assert_cmpuint (aisle_checkout_get_n_lines (checkout), ==, 1);
  return aisle_checkout_line_availability (checkout, 0, in_stock);
}

static void
test_pickup_store (Fixture       *fixture,
                   gconstpointer  data)
{
  AisleSession *session = fixture->session;
  AisleCatalog *catalog = aisle_session_get_catalog (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) late = NULL;
  AisleCheckout *checkout;
  guint milano = aisle_catalog_find_store (catalog, "milano");
  guint muenchen = aisle_catalog_find_store (catalog, "muenchen");
  guint answers = 0;
  gint in_stock = 0;

  g_object_set_data (G_OBJECT (session), "test-answers", &answers);
  /* The shopper asks staff to prepare a self-serve article. */
  aisle_shopping_list_add (aisle_session_get_list (session), "10000001", 2);
  aisle_shopping_list_set_prepared (aisle_session_get_list (session), "10000001", TRUE);
  checkout = aisle_session_start_checkout (session);
  g_assert_nonnull (checkout);
  g_assert_cmpuint (aisle_checkout_get_home_store (checkout), ==, milano);

  /* This store: the stock the backend has now, at once. */
  aisle_session_choose_pickup_store_async (session, milano, NULL, chosen_cb, &error);
  g_assert_cmpuint (aisle_checkout_get_pickup_store (checkout), ==, milano);
  g_assert_cmpint (lunda_availability (checkout, &in_stock), ==, AISLE_LINE_AVAILABLE);
  wait_for_answers (session, &answers, 1);
  g_assert_no_error (error);

  /* Another store: unknown until its stock arrives, then its own. */
  aisle_session_choose_pickup_store_async (session, muenchen, NULL, chosen_cb, &error);
  g_assert_cmpuint (aisle_checkout_get_pickup_store (checkout), ==, muenchen);
  g_assert_cmpint (lunda_availability (checkout, &in_stock), ==, AISLE_LINE_UNKNOWN);
  wait_for_answers (session, &answers, 2);
  g_assert_no_error (error);
  g_assert_cmpint (lunda_availability (checkout, &in_stock), ==, AISLE_LINE_SHORT);
  g_assert_cmpint (in_stock, ==, 1);

  /* Back to this store before München answers: the late answer is not
   * taken for Milano's. */
  aisle_session_choose_pickup_store_async (session, muenchen, NULL, chosen_cb, &late);
  aisle_session_choose_pickup_store_async (session, milano, NULL, chosen_cb, &error);
  wait_for_answers (session, &answers, 4);
  g_assert_error (late, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (error);
  g_assert_cmpuint (aisle_checkout_get_pickup_store (checkout), ==, milano);
  g_assert_cmpint (lunda_availability (checkout, &in_stock), ==, AISLE_LINE_AVAILABLE);
  /* Nor on the next order, once the visit ended. */
  g_clear_error (&late);
  aisle_session_choose_pickup_store_async (session, muenchen, NULL, chosen_cb, &late);
  aisle_session_end (session);
  wait_for_answers (session, &answers, 5);
  g_assert_error (late, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_object_set_data (G_OBJECT (session), "test-answers", NULL);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* Every file under @path that holds @needle, as a count. */
static guint
count_files_with (const char *path,
                  const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint found = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        found += count_files_with (child, needle);
      else if (file_contains (child, needle))
        found++;
    }
  return found;
}

static void
test_idle_reset (Fixture       *fixture,
                 gconstpointer  data)
{
  AisleSession *session = fixture->session;
  AisleShoppingList *list = aisle_session_get_list (session);
  g_autoptr(GError) error = NULL;
  AisleCheckout *checkout;
  gpointer checkout_alive;

  /* An order placed, its slip made, and a second one half typed. */
  aisle_shopping_list_add (list, "10000003", 1);
  checkout = aisle_session_start_checkout (session);
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_PICKUP);
  aisle_checkout_set_contact (checkout, "Maria Rossi", NULL, "+39021234567");
  g_assert_true (place (session, &error));
  /* (Its print job is the print queue's until printed: an offline printer
   * never loses a slip. A pickup slip names the store, not the shopper.) */
  g_assert_true (aisle_session_print_order_slip (session));

  aisle_shopping_list_add (list, "10000004", 1);
  checkout = aisle_session_start_checkout (session);
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_DELIVERY);
  aisle_checkout_set_address (checkout, UNPLACED_NAME, "Via Segreta 7", "20100", "Milano", "IT");
  aisle_checkout_set_contact (checkout, UNPLACED_NAME, NULL, UNPLACED_PHONE);
  checkout_alive = checkout;
  g_object_add_weak_pointer (G_OBJECT (checkout), &checkout_alive);
  {
    const char *typed[] = { UNPLACED_NAME, "Via Segreta 7", UNPLACED_PHONE, NULL };

    aisle_session_set_checkout_form (session, typed);
  }
  g_assert_true (aisle_session_show_order_slip (session));

  /* Where they went, and what they searched for. */
  aisle_history_reset (aisle_session_get_history (session));
  aisle_history_push (aisle_session_get_history (session), AISLE_PAGE_SEARCH, NULL, NULL, "gift for Anna");
  aisle_history_push (aisle_session_get_history (session), AISLE_PAGE_SEARCH, NULL, NULL, "gift for Anna's birthday");
  g_assert_cmpuint (aisle_history_get_length (aisle_session_get_history (session)), ==, 2);
  aisle_history_push (aisle_session_get_history (session), AISLE_PAGE_PRODUCT, NULL, "10000003", NULL);

  aisle_session_end (session);

  /* Nothing in the session... */
  g_assert_cmpuint (aisle_history_get_length (aisle_session_get_history (session)), ==, 1);
  g_assert_cmpint (aisle_history_get_top (aisle_session_get_history (session))->page, ==, AISLE_PAGE_HOME);
  g_assert_null (aisle_history_get_top (aisle_session_get_history (session))->query);
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 0);
  g_assert_null (aisle_session_get_checkout (session));
  g_assert_null (aisle_session_get_order_id (session));
  g_assert_null (aisle_session_get_order_reference (session));
  g_assert_null (aisle_session_get_order_details (session));
  g_assert_null (aisle_session_get_order_slip (session));
  g_assert_null (aisle_session_get_order_slip_job_id (session));
  g_assert_null (aisle_session_get_checkout_form (session));
  g_assert_null (aisle_session_get_shown_slip (session, NULL));
  /* ...nothing left in memory: the order being typed is freed... */
  g_assert_null (checkout_alive);
  /* ...and what was typed but never ordered never reached the disk. */
  g_assert_cmpuint (count_files_with (fixture->dir, UNPLACED_NAME), ==, 0);
  g_assert_cmpuint (count_files_with (fixture->dir, UNPLACED_PHONE), ==, 0);
  g_assert_cmpuint (count_files_with (fixture->dir, "Via Segreta"), ==, 0);

  /* An order still being saved when the session ends is safe in the
   * outbox, and shows on no screen. */
  aisle_shopping_list_add (list, "10000003", 1);
  checkout = aisle_session_start_checkout (session);
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_PICKUP);
  aisle_checkout_set_contact (checkout, "Luca Bianchi", NULL, "+39021111111");
  {
    gboolean done = FALSE;

    g_object_set_data (G_OBJECT (session), "test-done", &done);
    aisle_session_place_order_async (session, NULL, placed_cb, &error);
    aisle_session_end (session);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_object_set_data (G_OBJECT (session), "test-done", NULL);
  }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (aisle_session_get_order_id (session));
  g_assert_cmpuint (count_files_with (fixture->dir, "Luca Bianchi"), >=, 1);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The pages follow the session by its signals: each change is told once,
 * after it happened. */
static void
test_signals (Fixture       *fixture,
              gconstpointer  data)
{
  AisleSession *session = fixture->session;
  AisleShoppingList *list = aisle_session_get_list (session);
  g_autoptr(GError) error = NULL;
  const char *typed[] = { "Maria Rossi", "Via Esempio 12", NULL };
  const char *job_id = NULL;
  AisleCheckout *checkout;
  guint checkouts = 0;
  guint orders = 0;
  guint slips = 0;

  g_signal_connect_swapped (session, "checkout-changed", G_CALLBACK (count_cb), &checkouts);
  g_signal_connect_swapped (session, "order-changed", G_CALLBACK (count_cb), &orders);
  g_signal_connect_swapped (session, "slip-changed", G_CALLBACK (count_cb), &slips);

  /* Nothing to show yet, nothing told. */
  g_assert_false (aisle_session_print_list_slip (session));
  g_assert_false (aisle_session_show_order_slip (session));
  aisle_session_close_slip (session);
  aisle_session_forget_order (session);
  aisle_session_set_checkout_form (session, typed);
  g_assert_null (aisle_session_get_checkout_form (session));
  g_assert_cmpuint (checkouts + orders + slips, ==, 0);

  /* The list's slip, printed and shown, then closed. */
  aisle_shopping_list_add (list, "10000003", 1);
  g_assert_true (aisle_session_print_list_slip (session));
  g_assert_cmpuint (slips, ==, 1);
  g_assert_nonnull (aisle_session_get_shown_slip (session, &job_id));
  g_assert_nonnull (job_id);
  aisle_session_close_slip (session);
  g_assert_cmpuint (slips, ==, 2);
  g_assert_null (aisle_session_get_shown_slip (session, &job_id));
  g_assert_null (job_id);

  /* An order: started, typed into, placed. */
  checkout = aisle_session_start_checkout (session);
  g_assert_cmpuint (checkouts, ==, 1);
  aisle_session_set_checkout_form (session, typed);
  g_assert_cmpstrv (aisle_session_get_checkout_form (session), typed);
  aisle_checkout_set_kind (checkout, AISLE_CHECKOUT_PICKUP);
  aisle_checkout_set_contact (checkout, "Maria Rossi", NULL, "+39021234567");
  g_assert_true (place (session, &error));
  g_assert_cmpuint (checkouts, ==, 2);
  g_assert_cmpuint (orders, ==, 1);
  g_assert_null (aisle_session_get_checkout_form (session));

  /* Its slip on screen is the order's own. */
  g_assert_true (aisle_session_print_order_slip (session));
  g_assert_true (aisle_session_show_order_slip (session));
  g_assert_true (aisle_session_get_shown_slip (session, &job_id) == aisle_session_get_order_slip (session));
  g_assert_cmpstr (job_id, ==, aisle_session_get_order_slip_job_id (session));
  g_assert_cmpuint (slips, ==, 3);

  /* The end tells each page once. */
  aisle_shopping_list_add (list, "10000004", 1);
  aisle_session_start_checkout (session);
  g_assert_cmpuint (checkouts, ==, 3);
  aisle_session_end (session);
  g_assert_cmpuint (checkouts, ==, 4);
  g_assert_cmpuint (orders, ==, 2);
  g_assert_cmpuint (slips, ==, 4);
  g_assert_null (aisle_session_get_shown_slip (session, NULL));
  aisle_session_end (session);
  g_assert_cmpuint (checkouts + orders + slips, ==, 10);

  g_signal_handlers_disconnect_by_func (session, count_cb, &checkouts);
  g_signal_handlers_disconnect_by_func (session, count_cb, &orders);
  g_signal_handlers_disconnect_by_func (session, count_cb, &slips);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session/pickup-and-delivery", Fixture, NULL, fixture_setup, test_pickup_and_delivery, fixture_teardown);
  g_test_add ("/session/pickup-store", Fixture, NULL, fixture_setup, test_pickup_store, fixture_teardown);
  g_test_add ("/session/idle-reset", Fixture, NULL, fixture_setup, test_idle_reset, fixture_teardown);
  g_test_add ("/session/signals", Fixture, NULL, fixture_setup, test_signals, fixture_teardown);
  return g_test_run ();
}
