/* aisle-store-factory.c: the store backend the kiosk's settings ask for */
#define G_LOG_DOMAIN "aisle-store"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-config-lookup.h"
#include "aisle-error.h"
#include "aisle-feed-store.h"
#include "aisle-medusa-store.h"
#include "aisle-store-factory.h"

#define DEFAULT_STORE_ID         "milano"
#define DEFAULT_REFRESH_INTERVAL 300

/* @value when given, else the setting @key; NULL when that is empty. */
static char *
pick (AisleConfig *config,
      const char  *value,
      const char  *key)
{
  if (value == NULL)
    return aisle_config_lookup_string (config, key, NULL);
  return *value ? g_strdup (value) : NULL;
}

static char *
demo_store_url (void)
{
  const char *dir = g_file_test (DEMO_STORE_DIR "/catalog.json", G_FILE_TEST_EXISTS)
                    ? DEMO_STORE_DIR : SOURCE_DEMO_STORE_DIR;
  return g_filename_to_uri (dir, NULL, NULL);
}

static AisleStore *
new_feed (AisleConfig               *config,
          const AisleStoreOverrides *overrides,
          const char                *store_id,
          const char                *cache_root)
{
  g_autofree char *url = pick (config, overrides->base_url, "base-url");
  g_autofree char *token = pick (config, overrides->access_token, "access-token");
  g_autofree char *cache = g_build_filename (cache_root, "catalog", NULL);
  AisleFeedStore *feed;

  if (url == NULL)
    url = demo_store_url ();
  feed = aisle_feed_store_new (url, store_id, cache);
  aisle_feed_store_set_access_token (feed, token);
  aisle_feed_store_set_order_timeout (feed, overrides->order_timeout);
  return AISLE_STORE (feed);
}

static AisleStore *
new_medusa (AisleConfig                *config,
            const AisleStoreOverrides  *overrides,
            const char                 *store_id,
            const char                 *cache_root,
            GError                    **error)
{
  g_autofree char *url = pick (config, overrides->base_url, "base-url");
  g_autofree char *key = pick (config, overrides->medusa_publishable_key, "medusa-publishable-key");
  g_autofree char *region = pick (config, overrides->medusa_region, "medusa-region");
  g_autofree char *cache = g_build_filename (cache_root, "medusa", NULL);
  AisleMedusaStore *medusa;

  if (url == NULL || key == NULL || region == NULL)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_FAILED,
                   _("The Medusa shop needs its server address, publishable key and region"));
      return NULL;
    }
  medusa = aisle_medusa_store_new (url, key, region, store_id, cache);
  aisle_medusa_store_set_timeout (medusa, overrides->order_timeout);
  return AISLE_STORE (medusa);
}

AisleStore *
aisle_store_new_for_config (AisleConfig                *config,
                            const AisleStoreOverrides  *overrides,
                            const char                 *cache_root,
                            GError                    **error)
{
  static const AisleStoreOverrides none = { 0 };
  g_autofree char *backend = NULL;
  g_autofree char *store_id = NULL;
  AisleStore *store;

  g_return_val_if_fail (config == NULL || AISLE_IS_CONFIG (config), NULL);
  g_return_val_if_fail (cache_root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (overrides == NULL)
    overrides = &none;
  backend = pick (config, overrides->backend, "store-backend");
  store_id = pick (config, overrides->store_id, "store-id");
  if (store_id == NULL)
    store_id = g_strdup (DEFAULT_STORE_ID);

  if (backend == NULL || g_str_equal (backend, "feed"))
    store = new_feed (config, overrides, store_id, cache_root);
  else if (g_str_equal (backend, "medusa"))
    store = new_medusa (config, overrides, store_id, cache_root, error);
  else
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_UNSUPPORTED, _("There is no store backend “%s”"), backend);
      return NULL;
    }

  if (store != NULL && !overrides->no_refresh_timer)
    aisle_store_backend_set_refresh_interval (AISLE_STORE_BACKEND (store),
                                              aisle_config_lookup_has_key (config, "refresh-interval")
                                              ? aisle_config_get_uint (config, "refresh-interval")
                                              : DEFAULT_REFRESH_INTERVAL);
  return store;
}
