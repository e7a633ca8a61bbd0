/* aisle-medusa-store.h: the Medusa v2 backend (Store API with a publishable key)
 *
 * See docs/medusa.md. One kiosk product is one product variant; the kiosk's
 * store is one stock location; orders become carts completed with the
 * system payment provider (paid at the till or on delivery). The catalog and
 * stock are kept for an offline start by AisleStoreBackend.
 */
#pragma once

#include "aisle-medusa-orders.h"
#include "aisle-store-backend.h"

G_BEGIN_DECLS

#define AISLE_TYPE_MEDUSA_STORE (aisle_medusa_store_get_type ())

G_DECLARE_FINAL_TYPE (AisleMedusaStore, aisle_medusa_store, AISLE, MEDUSA_STORE, AisleStoreBackend)

/* How long one request may take unless set otherwise. */
#define AISLE_MEDUSA_STORE_TIMEOUT_S 30

AisleMedusaStore *aisle_medusa_store_new              (const char        *base_url,
                                                       const char        *publishable_key,
                                                       const char        *region_id,
                                                       const char        *location_id,
                                                       const char        *cache_root);
/* How long one request may take; 0 means AISLE_MEDUSA_STORE_TIMEOUT_S. Set
 * before orders are sent. */
void              aisle_medusa_store_set_timeout      (AisleMedusaStore  *self,
                                                       guint              seconds);
/* Tests only: stop submissions after @step, as a crash there would. */
void              aisle_medusa_store_set_stop_after   (AisleMedusaStore  *self,
                                                       AisleMedusaStep    step);

/* Asks Medusa for the variant whose SKU, EAN, UPC or barcode is @code (for
 * a scanned code the catalog on screen does not know yet); the variant id,
 * i.e. the product id of the catalog. */
void              aisle_medusa_store_find_variant_async  (AisleMedusaStore    *self,
                                                          const char          *code,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char             *aisle_medusa_store_find_variant_finish (AisleMedusaStore    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
