/* aisle-store-backend.h: what every store backend does the same way
 *
 * An abstract AisleStore that owns the refresh timer, the offline copy of
 * the last good catalog and stock, publishing a new catalog and stock on
 * the main thread, and what staff see of the last refresh: when it went
 * well and what went wrong. A backend subclasses it with its protocol only:
 * fetching the catalog and the stock on a worker thread, sending an order,
 * resolving an image path.
 */
#pragma once

#include "aisle-store.h"

G_BEGIN_DECLS

#define AISLE_TYPE_STORE_BACKEND (aisle_store_backend_get_type ())

G_DECLARE_DERIVABLE_TYPE (AisleStoreBackend, aisle_store_backend, AISLE, STORE_BACKEND, GObject)

/* The protocol. What runs on a worker thread (all but resolve_image_url)
 * may read only what the backend was configured with before its first
 * refresh: never the catalog on screen or anything the UI changes. */
struct _AisleStoreBackendClass
{
  GObjectClass parent_class;

  /* A new catalog image; NULL with @error set when it failed, without when
   * the store's catalog is still @current. */
  GBytes     *(*fetch_catalog)     (AisleStoreBackend  *self,
                                    AisleCatalog       *current,
                                    GCancellable       *cancellable,
                                    GError            **error);
  /* Optional: the stock of the kiosk's store for @catalog; NULL with @error
   * set when it failed, without when it did not change. When @catalog is
   * new, the saved stock stands in for one that did not come. Without it,
   * fetch_store_stock for the kiosk's store. */
  AisleStock *(*fetch_stock)       (AisleStoreBackend  *self,
                                    AisleCatalog       *catalog,
                                    GCancellable       *cancellable,
                                    GError            **error);
  /* Optional: the stock for @catalog from what the backend saved in its own
   * form, when the saved stock image belongs to another catalog. */
  AisleStock *(*load_saved_stock)  (AisleStoreBackend  *self,
                                    AisleCatalog       *catalog,
                                    GError            **error);
  /* The stock of store @store_id for @catalog, fetched fresh. */
  AisleStock *(*fetch_store_stock) (AisleStoreBackend  *self,
                                    AisleCatalog       *catalog,
                                    const char         *store_id,
                                    GCancellable       *cancellable,
                                    GError            **error);
  /* Optional: an image @path that is not an absolute http(s) URL, made
   * one. Without it, the path is below the base URL. */
  char       *(*resolve_image_url) (AisleStoreBackend  *self,
                                    const char         *path);
  /* As AisleStoreInterface.submit_order, on the outbox's sender thread. */
  void        (*submit_order)      (AisleStoreBackend  *self,
                                    const char         *id,
                                    const char         *json,
                                    AisleSubmitResult  *result);
  /* Optional: as AisleStoreInterface.lookup_order, check_in and
   * return_lines. */
  AisleOnlineOrder *(*lookup_order) (AisleStoreBackend  *self,
                                     const char         *number,
                                     const char         *contact,
                                     const char         *language,
                                     GCancellable       *cancellable,
                                     GError            **error);
  AisleCheckIn     *(*check_in)     (AisleStoreBackend  *self,
                                     const char         *order_id,
                                     const char         *language,
                                     GCancellable       *cancellable,
                                     GError            **error);
  AisleReturn      *(*return_lines) (AisleStoreBackend  *self,
                                     const AisleReturnRequest *request,
                                     const char         *language,
                                     GCancellable       *cancellable,
                                     GError            **error);
  /* Optional: as AisleStoreInterface.validate_coupon. */
  AisleCoupon      *(*validate_coupon) (AisleStoreBackend *self,
                                        const char        *request,
                                        const char        *language,
                                        GCancellable      *cancellable,
                                        GError           **error);
};

/* The folder for @cache_root's offline copies of one source: a short hash
 * of @key (what tells sources apart), so switching never mixes them. */
char       *aisle_store_backend_build_cache_dir      (const char        *cache_root,
                                                      GChecksumType      checksum,
                                                      const char        *key);

const char *aisle_store_backend_get_base_url         (AisleStoreBackend *self);
const char *aisle_store_backend_get_store_id         (AisleStoreBackend *self);
const char *aisle_store_backend_get_cache_dir        (AisleStoreBackend *self);
/* A file of the kiosk's store's saved stock, "stock-<store>.<suffix>". */
char       *aisle_store_backend_get_stock_cache_path (AisleStoreBackend *self,
                                                      const char        *suffix);
/* Refresh every @seconds; 0 stops the timer. */
void        aisle_store_backend_set_refresh_interval (AisleStoreBackend *self,
                                                      guint              seconds);

G_END_DECLS
