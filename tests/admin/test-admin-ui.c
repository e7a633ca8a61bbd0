/* test-admin-ui.c: staff get into admin mode and use it, on the real kiosk under Xvfb
 *
 * The first start asks for a PIN before anything else; five quick taps in
 * the top-left corner (or Ctrl+Alt+Shift+A) open the pad, anything less
 * does not; the right PIN opens the staff pages, which show the kiosk's
 * state, save settings that apply at once, never show the access token,
 * print a test slip, and lock the kiosk again on the way out. On a Medusa
 * shop (a fake one on 127.0.0.1), the Status page tells when the catalog
 * came, how old it is and why an update failed.
 *
 * AISLE_SCREENSHOT_DIR=<folder> saves every admin page, in English and Italian.
 */
#define G_LOG_DOMAIN "test-admin-ui"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "aisle-admin-entry.h"
#include "aisle-admin-util.h"
#include "aisle-admin-view.h"
#include "aisle-kiosk-guard.h"
#include "aisle-cups-printer.h"
#include "aisle-pdf-printer.h"
#include "aisle-escpos-printer.h"
#include "kiosk-test-util.h"

#define NEW_PIN   "582914"
#define WRONG_PIN "739105"

static GSettings *settings;

/* Looking into the staff screens */

static void
assert_setting (const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

/* The mapped widget of @type in the row titled @title. */
static GtkWidget *
in_row (AisleWindow *window,
        const char  *title,
        GType        type)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_type (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      {
        g_autoptr(GPtrArray) found = g_ptr_array_new ();

        if (G_TYPE_CHECK_INSTANCE_TYPE (rows->pdata[i], type))
          return rows->pdata[i];
        collect_type (rows->pdata[i], type, found);
        g_assert_cmpuint (found->len, >, 0);
        return found->pdata[0];
      }
  g_error ("No row “%s” on screen", title);
}

static void
show_page (AisleWindow *window,
           const char  *name)
{
  aisle_admin_view_show_page (AISLE_ADMIN_VIEW (aisle_window_get_admin_view (window)), name);
  settle (100);
}

/* Every control staff can reach has a name a screen reader says. */
static gboolean
has_text_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0') || has_text_child (child))
      return TRUE;
  return FALSE;
}

static void
check_names (GtkWidget *widget,
             GString   *problems)
{
  gboolean control = GTK_IS_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget) ||
                     GTK_IS_TEXT (widget) || GTK_IS_CHECK_BUTTON (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  if (control && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
      !(GTK_IS_BUTTON (widget) && has_text_child (widget)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

      g_string_append_printf (problems, "%s in “%s”\n", G_OBJECT_TYPE_NAME (widget),
                              row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "?");
    }
  if (GTK_IS_SPIN_BUTTON (widget))
    return;  /* its GtkText is named by the spin button */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_names (child, problems);
}

static void
assert_named (AisleWindow *window)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  check_names (aisle_window_get_admin_view (window), problems);
  if (problems->len > 0)
    g_error ("Controls without an accessible name:\n%s", problems->str);
}

/* The first start */

static void
first_run_steps (AisleApplication *app,
                 AisleWindow      *window)
{
  g_autofree char *hash = NULL;

  /* Before anything else: not the attract screen. */
  assert_shows (window, "A new kiosk: choose a staff PIN");
  assert_not_shows (window, "Touch to start");
  screenshot (window, "admin-00-first-pin");

  /* Nothing skips it: no Cancel. */
  assert_not_shows (window, "Cancel");

  press_pin (window, NEW_PIN);
  assert_shows (window, "Enter it again");
  press_pin (window, NEW_PIN);
  assert_shows (window, "Touch to start");

  hash = g_settings_get_string (settings, "admin-pin-hash");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, NEW_PIN));
}

static void
test_first_run (void)
{
  g_autofree char *preset = g_settings_get_string (settings, "admin-pin-hash");

  g_settings_reset (settings, "admin-pin-hash");
  run_kiosk (first_run_steps, "en");
  g_settings_set_string (settings, "admin-pin-hash", preset);
}

/* The hidden way in */

static void
taps_steps (AisleApplication *app,
            AisleWindow      *window)
{
  AisleAdminEntry *entry = AISLE_ADMIN_ENTRY (aisle_window_get_admin_entry (window));
  AisleKioskGuard *guard = AISLE_KIOSK_GUARD (aisle_window_get_guard (window));
  gint64 t = g_get_monotonic_time ();

  /* Four quick taps: nothing. */
  for (guint i = 0; i < 4; i++)
    g_assert_false (aisle_admin_entry_tap (entry, 20, 20, t + i * 200000));
  settle (200);
  assert_not_shows (window, "Enter the staff PIN");

  /* Five slow ones, 0.8 s apart: 3.2 s, too slow. */
  t += 10 * G_USEC_PER_SEC;
  for (guint i = 0; i < 5; i++)
    g_assert_false (aisle_admin_entry_tap (entry, 20, 20, t + i * 800000));

  /* Five quick ones, one of them outside the corner: starts over. */
  t += 10 * G_USEC_PER_SEC;
  for (guint i = 0; i < 5; i++)
    g_assert_false (aisle_admin_entry_tap (entry, i == 2 ? 900 : 20, 20, t + i * 100000));
  settle (200);
  assert_not_shows (window, "Enter the staff PIN");
  assert_shows (window, "Touch to start");

  /* Five quick taps in the corner: the pad. */
  t += 10 * G_USEC_PER_SEC;
  for (guint i = 0; i < 4; i++)
    g_assert_false (aisle_admin_entry_tap (entry, 10 + i, 15, t + i * 300000));
  g_assert_true (aisle_admin_entry_tap (entry, 30, 40, t + 4 * 300000));
  assert_shows (window, "Enter the staff PIN");
  screenshot (window, "admin-01-pin-pad");
  tap (window, "Cancel");
  assert_shows (window, "Touch to start");

  /* Ctrl+Alt+Shift+A: the lockdown lets it through, and it opens the pad. */
  g_assert_false (aisle_kiosk_guard_refuses_key (guard, GDK_KEY_A, GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.admin", NULL);
  assert_shows (window, "Enter the staff PIN");
  tap (window, "Cancel");
  assert_shows (window, "Touch to start");
}

static void
test_taps (void)
{
  run_kiosk (taps_steps, "en");
}

/* The PIN */

static void
pin_steps (AisleApplication *app,
           AisleWindow      *window)
{
  AisleKioskGuard *guard = AISLE_KIOSK_GUARD (aisle_window_get_guard (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.admin", NULL);
  press_pin (window, WRONG_PIN);
  assert_shows (window, "Wrong PIN");
  g_assert_null (aisle_window_get_admin_view (window));
  g_assert_false (aisle_kiosk_guard_get_admin (guard));
  screenshot (window, "admin-02-wrong-pin");

  press_pin (window, KIOSK_TEST_PIN);
  g_assert_true (wait_for (admin_shown, window, 20000));
  g_assert_true (aisle_kiosk_guard_get_admin (guard));

  /* Back to the shop: locked again, on the attract screen. */
  tap (window, "Back to the shop");
  assert_shows (window, "Touch to start");
  g_assert_false (aisle_kiosk_guard_get_admin (guard));
  g_assert_null (aisle_window_get_admin_view (window));

  /* Staff who walk away: admin mode ends by itself. The wait is long:
   * under the sanitizers, with another test beside it, drawing admin mode
   * alone has taken seconds before the one second without input began. */
  unlock (window);
  /* Set once in: a one-second limit could also end the PIN pad while a
   * loaded machine is still checking the PIN (test presses are no input). */
  aisle_window_set_staff_timeout (window, 1);
  g_assert_true (wait_for (admin_gone, window, 30000));
  assert_shows (window, "Touch to start");
  g_assert_false (aisle_kiosk_guard_get_admin (guard));
}

static void
test_pin (void)
{
  run_kiosk (pin_steps, "en");
}

/* The pages */

static void
pages_steps (AisleApplication *app,
             AisleWindow      *window)
{
  const char *lang = aisle_language_get_current_code ();
  const char *pages[] = { "status", "today", "store", "printer", "session" };
  GtkWidget *token;

  aisle_config_set_string (aisle_services_get_config (aisle_application_get_services (app)), "access-token", "s3cret-t0ken", NULL);
  unlock (window);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("admin-%02u-%s-%s", 10 + i, pages[i], lang);

      show_page (window, pages[i]);
      assert_named (window);
      assert_touch_targets (window);
      screenshot (window, name);
      assert_not_shows (window, "s3cret-t0ken");
    }

  if (!g_str_equal (lang, "en"))
    return;

  show_page (window, "status");
  assert_shows (window, "fixture-1");
  assert_shows (window, "0 orders waiting");
  assert_shows (window, "PDF files in a folder");

  show_page (window, "today");
  assert_shows (window, "No orders today");

  show_page (window, "store");
  assert_shows (window, "A token is set");
  token = in_row (window, "Access token", GTK_TYPE_EDITABLE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (token)), ==, "");

  /* The keyboard comes with a field. */
  gtk_widget_grab_focus (in_row (window, "Kiosk ID", GTK_TYPE_TEXT));
  settle (100);
  g_assert_nonnull (find_type (aisle_window_get_admin_view (window), g_type_from_name ("AisleKeyboard")));
  screenshot (window, "admin-20-keyboard-en");
}

static void
test_pages (void)
{
  run_kiosk (pages_steps, "en");
}

static void
test_pages_italian (void)
{
  run_kiosk (pages_steps, "it");
}

/* Settings that apply */

static gboolean
test_print_done (gpointer data)
{
  Expect e = { data, "Printed." };
  return shows_text (&e);
}

static const char *row_subtitle (AisleWindow *window,
                                 const char  *title);

/* $CUPS_SERVER names a socket nobody listens on (main()). */
static gboolean
cups_said_why (gpointer window)
{
  return g_strcmp0 (row_subtitle (window, "Queue state"),
                    aisle_printer_error_staff_message (AISLE_PRINTER_ERROR_NO_SERVICE)) == 0;
}

static void
settings_steps (AisleApplication *app,
                AisleWindow      *window)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (aisle_application_get_services (app));
  g_autofree char *folder = g_dir_make_tmp ("aisle-admin-pdf-XXXXXX", NULL);
  g_autoptr(GDir) dir = NULL;
  GtkWidget *entry;
  guint pdfs = 0;
  const char *name;

  unlock (window);

  /* The idle timeout: saved, and from this kiosk now. */
  show_page (window, "session");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (in_row (window, "Idle timeout in seconds", GTK_TYPE_SPIN_BUTTON)), 240);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-timeout"), ==, 240);
  g_assert_cmpint (aisle_config_get_source (aisle_services_get_config (aisle_application_get_services (app)), "idle-timeout"), ==,
                   AISLE_CONFIG_SOURCE_KIOSK);
  assert_shows (window, "Set on this kiosk");

  /* The printer kind: the queue gets the new kind of printer. */
  show_page (window, "printer");
  g_assert_true (AISLE_IS_PDF_PRINTER (aisle_print_queue_get_printer (queue)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (in_row (window, "Printer type", ADW_TYPE_COMBO_ROW)), 2);
  assert_setting ("printer-kind", "escpos-tcp");
  g_assert_true (AISLE_IS_ESCPOS_PRINTER (aisle_print_queue_get_printer (queue)));
  assert_shows (window, "Host and port");

  /* CUPS with no print server: the queue list says why it is empty. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (in_row (window, "Printer type", ADW_TYPE_COMBO_ROW)), 3);
  assert_setting ("printer-kind", "cups");
  g_assert_true (AISLE_IS_CUPS_PRINTER (aisle_print_queue_get_printer (queue)));
  g_assert_true (wait_for (cups_said_why, window, 15000));
  g_assert_true (gtk_widget_has_css_class (in_row (window, "Queue state", ADW_TYPE_ACTION_ROW), "admin-error"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (in_row (window, "Printer type", ADW_TYPE_COMBO_ROW)), 4);
  g_assert_true (AISLE_IS_PDF_PRINTER (aisle_print_queue_get_printer (queue)));

  /* The PDF folder, typed and applied, then a test print into it. */
  entry = in_row (window, "PDF folder (empty: the kiosk's data folder)", ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), folder);
  g_signal_emit_by_name (entry, "apply");
  assert_setting ("pdf-folder", folder);

  tap (window, "Print a test slip");
  g_assert_true (wait_for (test_print_done, window, 20000));
  screenshot (window, "admin-21-test-print-en");
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    pdfs += g_str_has_suffix (name, ".pdf");
  g_assert_cmpuint (pdfs, ==, 1);

  /* The test print is one of today's jobs, with Reprint. */
  show_page (window, "today");
  assert_shows (window, "Shopping list");
  assert_shows (window, "Reprint");

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", folder);
    g_assert_cmpint (system (rm), ==, 0);
  }
  g_settings_reset (settings, "idle-timeout");
  g_settings_reset (settings, "printer-kind");
  g_settings_reset (settings, "pdf-folder");
}

static void
test_settings (void)
{
  run_kiosk (settings_steps, "en");
}

/* The Status page on a Medusa shop: the Store API's three documents, as
 * files that feed-server.py serves whatever the query. */

static const char medusa_region[] =
  "{\"region\":{\"id\":\"reg_kiosk\",\"name\":\"Italia\",\"currency_code\":\"eur\","
  "\"updated_at\":\"2026-11-18T09:00:00.000Z\",\"metadata\":{\"aisle_stores\":"
  "\"[{\\\"id\\\":\\\"sloc_a\\\",\\\"name\\\":\\\"Casa Nord A\\\"}]\"}}}";

static const char medusa_categories[] =
  "{\"product_categories\":[{\"id\":\"pcat_a\",\"name\":\"Sofas\",\"rank\":0}],\"count\":1}";

/* The newest updated_at, the product's, is the catalog's date. */
static const char medusa_products[] =
  "{\"products\":[{\"id\":\"prod_1\",\"title\":\"Sofa\",\"updated_at\":\"2026-11-19T10:00:00.000Z\","
  "\"categories\":[{\"id\":\"pcat_a\"}],\"variants\":[{\"id\":\"variant_1\",\"title\":\"Grey\","
  "\"sku\":\"100.200.30\",\"updated_at\":\"2026-11-19T08:00:00+01:00\",\"manage_inventory\":true,"
  "\"calculated_price\":{\"calculated_amount\":499.5,\"currency_code\":\"eur\"},"
  "\"inventory_items\":[{\"required_quantity\":1,\"inventory\":{\"location_levels\":"
  "[{\"location_id\":\"sloc_a\",\"available_quantity\":7}]}}]}]}],\"count\":1}";

static char *medusa_root;

static void
write_document (const char *path,
                const char *json)
{
  g_autofree char *file = g_build_filename (medusa_root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (file);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, json, -1, NULL));
}

/* feed-server.py on @medusa_root; its address in @url. */
static GSubprocess *
serve_medusa (char **url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;
  guint port = 0;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "python3", g_getenv ("AISLE_FEED_SERVER"), "--root", medusa_root, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (line != NULL && sscanf (line, "PORT %u", &port) == 1);
  *url = g_strdup_printf ("http://127.0.0.1:%u", port);
  return server;
}

static const char *
row_subtitle (AisleWindow *window,
              const char  *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (in_row (window, title, ADW_TYPE_ACTION_ROW)));
}

static gboolean
refresh_failed (gpointer app)
{
  return aisle_store_get_last_error (aisle_services_get_store (aisle_application_get_services (app))) != NULL;
}

static void
assert_catalog_shown (AisleWindow *window,
                      const char  *synced)
{
  g_assert_nonnull (strstr (row_subtitle (window, "Catalog version"), ", made 2026-11-19T10:00:00Z, 1 product"));
  g_assert_true (g_str_has_prefix (row_subtitle (window, "Last update from the store"), synced));
}

static void
medusa_status_steps (AisleApplication *app,
                     AisleWindow      *window)
{
  AisleStore *store = aisle_services_get_store (aisle_application_get_services (app));
  g_autofree char *products = g_build_filename (medusa_root, "store", "products", NULL);
  g_autofree char *synced = NULL;

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (store), ==, "AisleMedusaStore");
  g_assert_cmpint (aisle_store_get_last_sync (store), >, 0);
  synced = aisle_admin_format_time (aisle_store_get_last_sync (store));

  unlock (window);
  show_page (window, "status");
  assert_catalog_shown (window, synced);
  assert_not_shows (window, "Not since the kiosk started");
  assert_not_shows (window, "Last update failed");
  screenshot (window, "admin-30-status-medusa");

  /* The shop stops answering: staff see why, and what the kiosk still has. */
  g_assert_cmpint (g_unlink (products), ==, 0);
  tap (window, "Refresh catalog now");
  g_assert_true (wait_for (refresh_failed, app, 20000));
  settle (100);
  g_test_message ("the error shown: %s", aisle_store_get_last_error (store));
  g_assert_cmpstr (row_subtitle (window, "Last update failed"), ==, aisle_store_get_last_error (store));
  assert_catalog_shown (window, synced);
  screenshot (window, "admin-31-status-medusa-failed");
}

static void
test_status_medusa (void)
{
  const char *keys[] = { "store-backend", "base-url", "medusa-publishable-key", "medusa-region", "store-id" };
  g_autoptr(GSubprocess) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *rm = NULL;

  medusa_root = g_dir_make_tmp ("aisle-fake-medusa-XXXXXX", NULL);
  write_document ("store/regions/reg_kiosk", medusa_region);
  write_document ("store/product-categories", medusa_categories);
  write_document ("store/products", medusa_products);
  server = serve_medusa (&url);

  g_settings_set_string (settings, "store-backend", "medusa");
  g_settings_set_string (settings, "base-url", url);
  g_settings_set_string (settings, "medusa-publishable-key", "pk_test");
  g_settings_set_string (settings, "medusa-region", "reg_kiosk");
  g_settings_set_string (settings, "store-id", "sloc_a");
  run_kiosk_on (NULL, medusa_status_steps, "en");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  rm = g_strdup_printf ("rm -rf '%s'", medusa_root);
  g_assert_cmpint (system (rm), ==, 0);
  g_clear_pointer (&medusa_root, g_free);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);
  settings = g_settings_new (APP_ID);
  /* The CUPS queues are listed from a print server that is not running. */
  g_setenv ("CUPS_SERVER", "/nonexistent/aisle-test/cups.sock", TRUE);

  g_test_add_func ("/admin-ui/first-run", test_first_run);
  g_test_add_func ("/admin-ui/taps", test_taps);
  g_test_add_func ("/admin-ui/pin", test_pin);
  g_test_add_func ("/admin-ui/pages", test_pages);
  g_test_add_func ("/admin-ui/pages-italian", test_pages_italian);
  g_test_add_func ("/admin-ui/settings", test_settings);
  g_test_add_func ("/admin-ui/status-medusa", test_status_medusa);

  return g_test_run ();
}
