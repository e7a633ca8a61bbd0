/* aisle-store-factory.h: the store backend the kiosk's settings ask for
 *
 * The one place that knows every backend and its settings: the
 * application, the admin store page's connection test and tests make their
 * backend here.
 */
#pragma once

#include "aisle-config.h"
#include "aisle-store.h"

G_BEGIN_DECLS

/* What wins over the settings: a store given on the command line, or what
 * staff typed and have not saved. NULL (0, FALSE): the setting's value. */
typedef struct
{
  const char *backend;                /* "feed" or "medusa" */
  const char *base_url;               /* feed: empty means the demo store */
  const char *store_id;               /* Medusa: the stock location */
  const char *medusa_publishable_key;
  const char *medusa_region;
  const char *access_token;           /* the feed's orders */
  guint       order_timeout;          /* seconds an order may take; Medusa: each request */
  gboolean    no_refresh_timer;       /* benchmarks and one-off tests refresh by hand */
} AisleStoreOverrides;

/* A new backend from @config (nullable: the defaults) and @overrides
 * (nullable), keeping its offline copies below @cache_root; NULL with
 * AISLE_ERROR_UNSUPPORTED for an unknown backend, AISLE_ERROR_FAILED
 * when the chosen one lacks a setting it needs. (transfer full) */
AisleStore *aisle_store_new_for_config (AisleConfig               *config,
                                        const AisleStoreOverrides *overrides,
                                        const char                *cache_root,
                                        GError                   **error);

G_END_DECLS
