/* test-store-factory.c: the backend the settings name, and what wins over them
 *
 * The feed by default (the demo store without an address), Medusa when the
 * settings choose it and give its server, key and region, an error when
 * they do not, and a command line's or staff's values over the settings.
 */
#define G_LOG_DOMAIN "test-store-factory"

#include "config.h"

#include <gio/gio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "aisle-error.h"
#include "aisle-feed-store.h"
#include "aisle-medusa-store.h"
#include "aisle-store-factory.h"

typedef struct
{
  char        *cache;
  GSettings   *settings;
  AisleConfig *config;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  f->cache = g_dir_make_tmp ("aisle-factory-XXXXXX", NULL);
  f->settings = g_settings_new_with_backend (AISLE_CONFIG_SCHEMA_ID, backend);
  f->config = aisle_config_new (f->settings, "/nonexistent/kiosk.conf");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->config);
  g_clear_object (&f->settings);
  g_rmdir (f->cache);
  g_free (f->cache);
}

static AisleStore *
make (Fixture                   *f,
      const AisleStoreOverrides *overrides,
      GError                   **error)
{
  AisleStoreOverrides once = overrides ? *overrides : (AisleStoreOverrides) { 0 };

  once.no_refresh_timer = TRUE;
  return aisle_store_new_for_config (f->config, &once, f->cache, error);
}

static void
test_default_feed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AisleStore) store = make (f, NULL, NULL);

  g_assert_true (AISLE_IS_FEED_STORE (store));
  g_assert_true (g_str_has_prefix (aisle_store_backend_get_base_url (AISLE_STORE_BACKEND (store)), "file://"));
  g_assert_true (g_str_has_suffix (aisle_store_backend_get_base_url (AISLE_STORE_BACKEND (store)), "demo-store"));
  g_assert_cmpstr (aisle_store_backend_get_store_id (AISLE_STORE_BACKEND (store)), ==, "milano");
}

static void
choose_medusa (Fixture *f)
{
  g_settings_set_string (f->settings, "store-backend", "medusa");
  g_settings_set_string (f->settings, "base-url", "http://127.0.0.1:9/");
  g_settings_set_string (f->settings, "medusa-publishable-key", "pk_test");
  g_settings_set_string (f->settings, "medusa-region", "reg_1");
  g_settings_set_string (f->settings, "store-id", "sloc_1");
}

static void
test_medusa (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AisleStore) store = NULL;
  g_autoptr(GError) error = NULL;

  choose_medusa (f);
  store = make (f, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (AISLE_IS_MEDUSA_STORE (store));
  g_assert_cmpstr (aisle_store_backend_get_base_url (AISLE_STORE_BACKEND (store)), ==, "http://127.0.0.1:9");
  g_assert_cmpstr (aisle_store_backend_get_store_id (AISLE_STORE_BACKEND (store)), ==, "sloc_1");
}

static void
test_medusa_incomplete (Fixture       *f,
                        gconstpointer  data)
{
  AisleStoreOverrides no_key = { .medusa_publishable_key = "" };
  g_autoptr(GError) error = NULL;

  choose_medusa (f);
  g_assert_null (make (f, &no_key, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_FAILED);
}

static void
test_overrides_win (Fixture       *f,
                    gconstpointer  data)
{
  AisleStoreOverrides pinned = { .backend = "feed", .base_url = "http://127.0.0.1:9/feed//", .store_id = "torino" };
  AisleStoreOverrides unknown = { .backend = "shopify" };
  g_autoptr(AisleStore) store = NULL;
  g_autoptr(GError) error = NULL;

  choose_medusa (f);
  store = make (f, &pinned, NULL);
  g_assert_true (AISLE_IS_FEED_STORE (store));
  g_assert_cmpstr (aisle_store_backend_get_base_url (AISLE_STORE_BACKEND (store)), ==, "http://127.0.0.1:9/feed");
  g_assert_cmpstr (aisle_store_backend_get_store_id (AISLE_STORE_BACKEND (store)), ==, "torino");

  g_assert_null (make (f, &unknown, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_UNSUPPORTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-factory/default-feed", Fixture, NULL, fixture_set_up, test_default_feed, fixture_tear_down);
  g_test_add ("/store-factory/medusa", Fixture, NULL, fixture_set_up, test_medusa, fixture_tear_down);
  g_test_add ("/store-factory/medusa-incomplete", Fixture, NULL, fixture_set_up, test_medusa_incomplete,
              fixture_tear_down);
  g_test_add ("/store-factory/overrides-win", Fixture, NULL, fixture_set_up, test_overrides_win, fixture_tear_down);

  return g_test_run ();
}
