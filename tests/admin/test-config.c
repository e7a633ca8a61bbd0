/* test-config.c: the kiosk's settings as staff and a fleet set them: staff
 * values persist, the /etc provisioning file gives the defaults, a staff
 * value wins over it, broken lines are skipped, reset goes back to what the
 * fleet provisioned, and ::changed tells the kiosk to apply a change live. */
#define G_LOG_DOMAIN "test-config"

#include "config.h"

#include <gio/gio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aisle-config.h"
#include "aisle-error.h"

#define WAIT_LIMIT_US (10 * G_USEC_PER_SEC)

typedef struct
{
  char             *dir;
  char             *settings_path;
  char             *override_path;
  GSettingsBackend *backend;
  GSettings        *settings;
  AisleConfig      *config;
  GPtrArray        *changes;  /* keys, in the order ::changed named them */
} Fixture;

static void
write_overrides (Fixture    *f,
                 const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (f->override_path, text, -1, &error);
  g_assert_no_error (error);
}

static void
note_change (AisleConfig *config G_GNUC_UNUSED,
             const char  *key,
             Fixture     *f)
{
  g_ptr_array_add (f->changes, g_strdup (key));
}

static void
open_config (Fixture *f)
{
  f->backend = g_keyfile_settings_backend_new (f->settings_path, "/", NULL);
  f->settings = g_settings_new_with_backend (AISLE_CONFIG_SCHEMA_ID, f->backend);
  f->config = aisle_config_new (f->settings, f->override_path);
  g_signal_connect (f->config, "changed", G_CALLBACK (note_change), f);
}

static void
close_config (Fixture *f)
{
  g_clear_object (&f->config);
  g_clear_object (&f->settings);
  g_clear_object (&f->backend);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("aisle-config-XXXXXX", &error);
  g_assert_no_error (error);
  f->settings_path = g_build_filename (f->dir, "settings.ini", NULL);
  f->override_path = g_build_filename (f->dir, "kiosk.conf", NULL);
  f->changes = g_ptr_array_new_with_free_func (g_free);

  if (data != NULL)
    write_overrides (f, data);
  open_config (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  close_config (f);
  g_unlink (f->settings_path);
  g_unlink (f->override_path);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->settings_path);
  g_free (f->override_path);
  g_ptr_array_unref (f->changes);
}

static guint
count_changes (Fixture    *f,
               const char *key)
{
  guint n = 0;

  for (guint i = 0; i < f->changes->len; i++)
    n += g_str_equal (f->changes->pdata[i], key);

  return n;
}

static void
assert_strv (char               **value,
             const char * const  *expected)
{
  g_auto(GStrv) owned = value;

  g_assert_true (g_strv_equal ((const char * const *)owned, expected));
}

static const char fleet_file[] =
  "# Provisioned by the fleet for every kiosk in Milan\n"
  "[org.aisle.Kiosk]\n"
  "idle-timeout=300\n"
  "languages=['it', 'en']\n"
  "printer-kind='escpos-tcp'\n"
  "printer-host='10.0.4.20:9100'\n"
  "auto-print=true\n"
  "kiosk-id='milano-7'\n"
  "access-token='fleet-secret'\n";

static void
test_defaults (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const languages[] = { "en", "it", "de", "es", NULL };
  g_autofree char *printer_kind = aisle_config_get_string (f->config, "printer-kind");
  g_autofree char *device = aisle_config_get_string (f->config, "printer-device");
  g_autofree char *pin_hash = aisle_config_get_string (f->config, "admin-pin-hash");

  g_assert_false (g_file_test (f->override_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 90);
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-countdown"), ==, 15);
  g_assert_cmpuint (aisle_config_get_uint (f->config, "printer-width"), ==, 80);
  g_assert_cmpuint (aisle_config_get_uint (f->config, "order-book-days"), ==, 30);
  g_assert_false (aisle_config_get_boolean (f->config, "auto-print"));
  g_assert_true (aisle_config_get_boolean (f->config, "printer-native-qr"));
  g_assert_cmpstr (printer_kind, ==, "pdf");
  g_assert_cmpstr (device, ==, "/dev/usb/lp0");
  g_assert_cmpstr (pin_hash, ==, "");
  assert_strv (aisle_config_get_strv (f->config, "languages"), languages);
  g_assert_false (aisle_config_has_secret (f->config, "access-token"));
  g_assert_cmpint (aisle_config_get_source (f->config, "idle-timeout"), ==, AISLE_CONFIG_SOURCE_DEFAULT);
}

static void
test_persists (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const languages[] = { "de", "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *kiosk_id = NULL;

  g_assert_true (aisle_config_set_uint (f->config, "idle-timeout", 120, &error));
  g_assert_true (aisle_config_set_string (f->config, "kiosk-id", "roma-2", &error));
  g_assert_true (aisle_config_set_boolean (f->config, "auto-print", TRUE, &error));
  g_assert_true (aisle_config_set_strv (f->config, "languages", languages, &error));
  g_assert_no_error (error);

  /* The kiosk restarts. */
  close_config (f);
  open_config (f);

  kiosk_id = aisle_config_get_string (f->config, "kiosk-id");
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 120);
  g_assert_cmpstr (kiosk_id, ==, "roma-2");
  g_assert_true (aisle_config_get_boolean (f->config, "auto-print"));
  assert_strv (aisle_config_get_strv (f->config, "languages"), languages);
  g_assert_cmpint (aisle_config_get_source (f->config, "idle-timeout"), ==, AISLE_CONFIG_SOURCE_KIOSK);
}

static void
test_provisioned_defaults (Fixture       *f,
                           gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const languages[] = { "it", "en", NULL };
  g_autofree char *kind = aisle_config_get_string (f->config, "printer-kind");
  g_autofree char *host = aisle_config_get_string (f->config, "printer-host");
  g_autofree char *kiosk_id = aisle_config_get_string (f->config, "kiosk-id");

  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 300);
  assert_strv (aisle_config_get_strv (f->config, "languages"), languages);
  g_assert_cmpstr (kind, ==, "escpos-tcp");
  g_assert_cmpstr (host, ==, "10.0.4.20:9100");
  g_assert_cmpstr (kiosk_id, ==, "milano-7");
  g_assert_true (aisle_config_get_boolean (f->config, "auto-print"));
  g_assert_true (aisle_config_has_secret (f->config, "access-token"));
  g_assert_cmpint (aisle_config_get_source (f->config, "idle-timeout"), ==, AISLE_CONFIG_SOURCE_PROVISIONED);

  /* Keys the file does not name keep the schema's defaults. */
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-countdown"), ==, 15);
  g_assert_cmpint (aisle_config_get_source (f->config, "idle-countdown"), ==, AISLE_CONFIG_SOURCE_DEFAULT);

  /* Nothing was written: the file stays a default, not a staff setting. */
  g_assert_null (g_settings_get_user_value (f->settings, "idle-timeout"));
}

static void
test_staff_value_wins (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;

  g_assert_true (aisle_config_set_uint (f->config, "idle-timeout", 60, &error));
  g_assert_true (aisle_config_set_string (f->config, "printer-kind", "cups", &error));
  g_assert_no_error (error);

  kind = aisle_config_get_string (f->config, "printer-kind");
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 60);
  g_assert_cmpstr (kind, ==, "cups");
  g_assert_cmpint (aisle_config_get_source (f->config, "idle-timeout"), ==, AISLE_CONFIG_SOURCE_KIOSK);

  /* Even when staff pick the schema's default, it is their choice. */
  g_assert_true (aisle_config_set_boolean (f->config, "auto-print", FALSE, &error));
  g_assert_false (aisle_config_get_boolean (f->config, "auto-print"));
}

static void
test_reset_to_provisioned (Fixture       *f,
                           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aisle_config_set_uint (f->config, "idle-timeout", 60, &error));
  g_assert_true (aisle_config_set_uint (f->config, "idle-countdown", 30, &error));
  g_assert_no_error (error);

  aisle_config_reset (f->config, "idle-timeout");
  aisle_config_reset (f->config, "idle-countdown");
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 300);
  g_assert_cmpint (aisle_config_get_source (f->config, "idle-timeout"), ==, AISLE_CONFIG_SOURCE_PROVISIONED);
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-countdown"), ==, 15);
  g_assert_cmpint (aisle_config_get_source (f->config, "idle-countdown"), ==, AISLE_CONFIG_SOURCE_DEFAULT);
}

static const char broken_file[] =
  "[org.aisle.Kiosk]\n"
  "idle-timeout=5\n"
  "idle-countdown=twenty\n"
  "printer-kind='laser'\n"
  "kiosk-id=milano-7\n"
  "languages=['en', 'fr']\n"
  "access-token=s3cr3t-t0ken\n"
  "admin-pin-failures=0\n"
  "no-such-key=1\n"
  "printer-width=58\n"
  "order-book-days=90\n"
  "[org.aisle.Kiosk.extra]\n"
  "idle-timeout=100\n";

static void
expect_warning (Fixture    *f,
                const char *what)
{
  g_autofree char *pattern = g_strdup_printf ("%s: %s", f->override_path, what);

  g_test_expect_message ("aisle-config", G_LOG_LEVEL_WARNING, pattern);
}

static void
test_invalid_lines_ignored (Fixture       *f,
                            gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const languages[] = { "en", "it", "de", "es", NULL };
  g_autofree char *kind = NULL;
  g_autofree char *kiosk_id = NULL;

  close_config (f);
  write_overrides (f, broken_file);

  /* Each warning names the file and the key; a secret's is exact, so it
   * cannot carry the secret. */
  expect_warning (f, "ignoring the group [org.aisle.Kiosk.extra]*");
  expect_warning (f, "ignoring “idle-timeout”: the value is outside what the setting allows");
  expect_warning (f, "ignoring “idle-countdown”: not a valid value of type u*");
  expect_warning (f, "ignoring “printer-kind”: the value is outside what the setting allows");
  expect_warning (f, "ignoring “kiosk-id”: not a valid value of type s*");
  expect_warning (f, "ignoring “languages”: the value is outside what the setting allows");
  expect_warning (f, "ignoring “access-token”: not a valid value of type s");
  expect_warning (f, "ignoring “admin-pin-failures”: each kiosk keeps it for itself");
  expect_warning (f, "ignoring “no-such-key”: there is no such setting");
  open_config (f);
  g_test_assert_expected_messages ();

  kind = aisle_config_get_string (f->config, "printer-kind");
  kiosk_id = aisle_config_get_string (f->config, "kiosk-id");
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 90);
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-countdown"), ==, 15);
  g_assert_cmpstr (kind, ==, "pdf");
  g_assert_cmpstr (kiosk_id, ==, "");
  assert_strv (aisle_config_get_strv (f->config, "languages"), languages);
  g_assert_false (aisle_config_has_secret (f->config, "access-token"));

  /* The good lines around the bad ones still count. */
  g_assert_cmpuint (aisle_config_get_uint (f->config, "printer-width"), ==, 58);
  g_assert_cmpuint (aisle_config_get_uint (f->config, "order-book-days"), ==, 90);
}

static void
test_unreadable_file_ignored (Fixture       *f,
                              gconstpointer  data G_GNUC_UNUSED)
{
  close_config (f);
  write_overrides (f, "this is not a keyfile\n\x01\x02");
  expect_warning (f, "ignoring the provisioning file: *");
  open_config (f);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 90);
}

/* Found by tests/fuzz/fuzz-kiosk-conf: a value that is not UTF-8 made
 * g_variant_parse() return NULL without an error, and the kiosk crashed on
 * every start. */
static void
test_value_not_utf8 (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  close_config (f);
  write_overrides (f, "[org.aisle.Kiosk]\nkiosk-id='caf\xe9'\nidle-timeout=120\n");
  expect_warning (f, "ignoring “kiosk-id”: the value is not valid UTF-8");
  open_config (f);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 120);
}

static void
test_refuses_bad_values (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const french[] = { "en", "fr", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;

  g_assert_false (aisle_config_set_uint (f->config, "idle-timeout", 10, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (aisle_config_set_uint (f->config, "printer-width", 100, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (aisle_config_set_string (f->config, "printer-kind", "laser", &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (aisle_config_set_strv (f->config, "languages", french, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (aisle_config_set_string (f->config, "kiosk-id", "bad\xff", &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  kind = aisle_config_get_string (f->config, "printer-kind");
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 90);
  g_assert_cmpstr (kind, ==, "pdf");
  g_assert_cmpuint (f->changes->len, ==, 0);
}

static void
test_secret (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *shown = NULL;

  /* The fleet's token until staff type this kiosk's own. */
  secret = aisle_config_dup_secret (f->config, "access-token");
  g_assert_cmpstr (secret, ==, "fleet-secret");
  g_clear_pointer (&secret, g_free);

  g_assert_true (aisle_config_is_secret (f->config, "access-token"));
  g_assert_false (aisle_config_is_secret (f->config, "kiosk-id"));
  g_assert_true (aisle_config_set_string (f->config, "access-token", "kiosk-token", &error));
  g_assert_no_error (error);
  g_assert_true (aisle_config_has_secret (f->config, "access-token"));
  secret = aisle_config_dup_secret (f->config, "access-token");
  g_assert_cmpstr (secret, ==, "kiosk-token");

  /* Nothing meant for the screen reads it back. */
  g_test_expect_message ("aisle-config", G_LOG_LEVEL_CRITICAL, "*secret*");
  shown = aisle_config_get_string (f->config, "access-token");
  g_test_assert_expected_messages ();
  g_assert_null (shown);

  g_test_expect_message ("aisle-config", G_LOG_LEVEL_CRITICAL, "*secret*");
  g_assert_null (aisle_config_get_value (f->config, "access-token"));
  g_test_assert_expected_messages ();

  /* Staff can clear it; a reset brings back the fleet's. */
  g_assert_true (aisle_config_set_string (f->config, "access-token", "", &error));
  g_assert_false (aisle_config_has_secret (f->config, "access-token"));
  aisle_config_reset (f->config, "access-token");
  g_assert_true (aisle_config_has_secret (f->config, "access-token"));
}

static void
count_signal (AisleConfig *config G_GNUC_UNUSED,
              const char  *key G_GNUC_UNUSED,
              guint       *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  guint detailed = 0;

  g_signal_connect (f->config, "changed::idle-timeout", G_CALLBACK (count_signal), &detailed);

  g_assert_true (aisle_config_set_uint (f->config, "idle-timeout", 60, &error));
  g_assert_cmpuint (detailed, ==, 1);
  g_assert_cmpuint (count_changes (f, "idle-timeout"), ==, 1);

  /* Written behind the config's back, as another GSettings user would. */
  g_settings_set_uint (f->settings, "idle-timeout", 45);
  g_assert_cmpuint (detailed, ==, 2);
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 45);

  aisle_config_reset (f->config, "idle-timeout");
  g_assert_cmpuint (detailed, ==, 3);
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 300);

  /* Setting what the kiosk already does changes nothing it does. */
  g_assert_true (aisle_config_set_uint (f->config, "idle-timeout", 300, &error));
  g_assert_cmpuint (detailed, ==, 3);

  g_assert_true (aisle_config_set_boolean (f->config, "printer-native-qr", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (detailed, ==, 3);
  g_assert_cmpuint (count_changes (f, "printer-native-qr"), ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 4);
}

static const char new_fleet_file[] =
  "[org.aisle.Kiosk]\n"
  "idle-timeout=600\n"
  "languages=['it', 'en']\n"
  "printer-kind='cups'\n";

static void
test_reload_overrides (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *kiosk_id = NULL;

  g_assert_true (aisle_config_set_string (f->config, "printer-kind", "pdf", &error));
  g_ptr_array_set_size (f->changes, 0);

  write_overrides (f, new_fleet_file);
  aisle_config_reload_overrides (f->config);

  kind = aisle_config_get_string (f->config, "printer-kind");
  kiosk_id = aisle_config_get_string (f->config, "kiosk-id");
  g_assert_cmpuint (aisle_config_get_uint (f->config, "idle-timeout"), ==, 600);
  g_assert_cmpstr (kind, ==, "pdf");
  g_assert_cmpstr (kiosk_id, ==, "");

  /* Only what changed for this kiosk is announced: not the languages, nor
   * the printer staff chose. */
  g_assert_cmpuint (count_changes (f, "idle-timeout"), ==, 1);
  g_assert_cmpuint (count_changes (f, "languages"), ==, 0);
  g_assert_cmpuint (count_changes (f, "printer-kind"), ==, 0);
  g_assert_cmpuint (count_changes (f, "kiosk-id"), ==, 1);
  g_assert_cmpuint (count_changes (f, "printer-host"), ==, 1);
  g_assert_cmpuint (count_changes (f, "auto-print"), ==, 1);
  g_assert_cmpuint (count_changes (f, "access-token"), ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 5);
}

/* A fleet tool that rewrites the file changes running kiosks too. */
static void
test_file_monitor (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  write_overrides (f, new_fleet_file);
  while (aisle_config_get_uint (f->config, "idle-timeout") != 600)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * 1000);
    }
  g_assert_cmpuint (count_changes (f, "idle-timeout"), >=, 1);

  g_unlink (f->override_path);
  while (aisle_config_get_uint (f->config, "idle-timeout") != 90)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * 1000);
    }
}

static void
test_path_from_environment (Fixture       *f,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(AisleConfig) config = NULL;

  g_setenv (AISLE_CONFIG_OVERRIDE_ENV, f->override_path, TRUE);
  config = aisle_config_new (f->settings, NULL);
  g_unsetenv (AISLE_CONFIG_OVERRIDE_ENV);

  g_assert_cmpstr (aisle_config_get_override_path (config), ==, f->override_path);
  g_assert_cmpuint (aisle_config_get_uint (config, "idle-timeout"), ==, 300);
  g_clear_object (&config);

  config = aisle_config_new (f->settings, NULL);
  g_assert_cmpstr (aisle_config_get_override_path (config), ==, AISLE_CONFIG_OVERRIDE_PATH);
}

static void
add_test (const char  *path,
          const char  *overrides,
          void       (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, overrides, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The tests choose the provisioning file; a real one must not leak in. */
  g_unsetenv (AISLE_CONFIG_OVERRIDE_ENV);

  add_test ("/config/defaults", NULL, test_defaults);
  add_test ("/config/persists", NULL, test_persists);
  add_test ("/config/override/defaults", fleet_file, test_provisioned_defaults);
  add_test ("/config/override/staff-value-wins", fleet_file, test_staff_value_wins);
  add_test ("/config/override/reset", fleet_file, test_reset_to_provisioned);
  add_test ("/config/override/invalid-lines", NULL, test_invalid_lines_ignored);
  add_test ("/config/override/unreadable-file", NULL, test_unreadable_file_ignored);
  add_test ("/config/override/value-not-utf8", NULL, test_value_not_utf8);
  add_test ("/config/override/reload", fleet_file, test_reload_overrides);
  add_test ("/config/override/file-monitor", NULL, test_file_monitor);
  add_test ("/config/override/path-from-environment", fleet_file, test_path_from_environment);
  add_test ("/config/set/refuses-bad-values", NULL, test_refuses_bad_values);
  add_test ("/config/secret", fleet_file, test_secret);
  add_test ("/config/changed", fleet_file, test_changed_signal);

  return g_test_run ();
}
