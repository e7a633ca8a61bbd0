/* aisle-services.h: what the kiosk runs on, for as long as it runs
 *
 * The settings, the store backend, the order outbox and the print queue:
 * made once from the settings and the command line, and handed to the
 * window and the admin screens when they are made. Nothing below the
 * application reaches up for them. Staff changing the store's settings
 * replaces the backend ("store" is notified); the outbox and the print
 * queue live as long as the kiosk.
 *
 * No widgets here: a test makes the services without a display.
 */
#pragma once

#include <gio/gio.h>

#include "aisle-config.h"
#include "aisle-desk-log.h"
#include "aisle-outbox.h"
#include "aisle-print-queue.h"
#include "aisle-store.h"
#include "aisle-try-limit.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_SERVICES_NONE      = 0,
  /* Start from the saved catalog and never refresh it, and do not ask for a
   * first PIN: what a benchmark of the start-up needs, nothing else. */
  AISLE_SERVICES_MEASURING = 1 << 0,
} AisleServicesFlags;

#define AISLE_TYPE_SERVICES (aisle_services_get_type ())

G_DECLARE_FINAL_TYPE (AisleServices, aisle_services, AISLE, SERVICES, GObject)

/* @config: (nullable): the kiosk's settings; NULL when the schema is not
 *   installed, and every setting is then its default.
 * @store_url, @store_id: (nullable): a store given on the command line,
 *   which staff settings then do not override.
 * @cache_dir: (nullable): one folder for the cache and the kept orders and
 *   print jobs (tests, benchmarks); NULL means the XDG folders. */
AisleServices   *aisle_services_new             (AisleConfig        *config,
                                                 const char         *store_url,
                                                 const char         *store_id,
                                                 const char         *cache_dir,
                                                 AisleServicesFlags  flags);

AisleConfig     *aisle_services_get_config      (AisleServices      *self);
AisleStore      *aisle_services_get_store       (AisleServices      *self);
/* The store this kiosk stands in, as the current backend was made for. */
const char      *aisle_services_get_store_id    (AisleServices      *self);
char            *aisle_services_dup_kiosk_id    (AisleServices      *self);
AisleOutbox     *aisle_services_get_outbox      (AisleServices      *self);
AislePrintQueue *aisle_services_get_print_queue (AisleServices      *self);
/* Wrong look-ups of online orders, for the whole kiosk (aisle-collect.h). */
AisleTryLimit   *aisle_services_get_lookup_limit (AisleServices     *self);
/* Unknown coupon codes, for the whole kiosk: 10 in 5 minutes. */
AisleTryLimit   *aisle_services_get_coupon_limit (AisleServices     *self);
/* Today's check-ins and returns at this kiosk, for staff. */
AisleDeskLog    *aisle_services_get_desk_log    (AisleServices      *self);
/* Whether a slip prints without the shopper asking, after an order. */
gboolean         aisle_services_get_auto_print  (AisleServices      *self);
/* Whether the store came from the command line (staff cannot change it). */
gboolean         aisle_services_get_store_pinned (AisleServices     *self);
gboolean         aisle_services_is_measuring    (AisleServices      *self);
/* The folder for what may be thrown away and fetched again (pictures). */
const char      *aisle_services_get_cache_dir   (AisleServices      *self);

/* A setting's value, or @fallback when there are no settings or an older
 * installed schema lacks the key (asking GSettings for it would abort). */
gboolean         aisle_services_has_setting     (AisleServices      *self,
                                                 const char         *key);
char            *aisle_services_dup_setting     (AisleServices      *self,
                                                 const char         *key,
                                                 const char         *fallback);
guint            aisle_services_get_setting_uint (AisleServices     *self,
                                                  const char        *key,
                                                  guint              fallback);

G_END_DECLS
