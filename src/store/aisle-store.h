/* aisle-store.h: the one interface between the kiosk and a store backend
 *
 * A backend knows where the catalog, the stock and (later) orders live, and how
 * to speak to them: the store feed (static JSON documents) today, Medusa beside
 * it later. Pages never see a URL; they see the catalog and stock snapshots the
 * backend publishes through the "catalog" and "stock" properties.
 */
#pragma once

#include <gio/gio.h>

#include "aisle-catalog.h"
#include "aisle-coupon.h"
#include "aisle-online-order.h"
#include "aisle-stock.h"
#include "aisle-submit-result.h"

G_BEGIN_DECLS

#define AISLE_TYPE_STORE (aisle_store_get_type ())

G_DECLARE_INTERFACE (AisleStore, aisle_store, AISLE, STORE, GObject)

struct _AisleStoreInterface
{
  GTypeInterface parent_iface;

  /* Start from the last good copy on disk; never touches the network. */
  void          (*load_cached_async)   (AisleStore           *self,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
  gboolean      (*load_cached_finish)  (AisleStore           *self,
                                        GAsyncResult         *result,
                                        GError              **error);
  /* Fetch what changed; keeps the current catalog on any failure. */
  void          (*refresh_async)       (AisleStore           *self,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
  gboolean      (*refresh_finish)      (AisleStore           *self,
                                        GAsyncResult         *result,
                                        GError              **error);
  AisleCatalog *(*get_catalog)         (AisleStore           *self);
  AisleStock   *(*get_stock)           (AisleStore           *self);
  /* An absolute URL for an image path of the catalog, or NULL. */
  char         *(*resolve_image_url)   (AisleStore           *self,
                                        const char           *path);
  /* Hands one saved order to the store. Called on the outbox's sender
   * thread and may block on the network: it may only use what the backend
   * was configured with, never the catalog or anything the UI changes. */
  void          (*submit_order)        (AisleStore           *self,
                                        const char           *id,
                                        const char           *json,
                                        AisleSubmitResult    *result);

  /* Stock of another store of the feed, for the current catalog: for
   * pickup elsewhere. Fetched fresh, not kept. */
  void          (*fetch_store_stock_async)  (AisleStore      *self,
                                             const char      *store_id,
                                             GCancellable    *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer         user_data);
  AisleStock   *(*fetch_store_stock_finish) (AisleStore      *self,
                                             GAsyncResult    *result,
                                             GError         **error);

  /* For staff (optional): when the catalog was last fetched, unix seconds
   * (0: never), and that refresh's error, translated, or NULL. */
  gint64        (*get_last_sync)       (AisleStore           *self);
  const char   *(*get_last_error)      (AisleStore           *self);

  /* Online orders (optional): an order placed online, found by its number
   * and the shopper's contact (e-mail address or the phone's last four
   * digits), and the shopper checked in for it. Blocking, on a worker
   * thread (aisle_store_lookup_order_async()): like submit_order, they may
   * only use what the backend was configured with. Fail with
   * AISLE_ONLINE_ORDER_ERROR, or G_IO_ERROR_CANCELLED. */
  AisleOnlineOrder *(*lookup_order)    (AisleStore           *self,
                                        const char           *number,
                                        const char           *contact,
                                        const char           *language,
                                        GCancellable         *cancellable,
                                        GError              **error);
  AisleCheckIn     *(*check_in)        (AisleStore           *self,
                                        const char           *order_id,
                                        const char           *language,
                                        GCancellable         *cancellable,
                                        GError              **error);
  /* A return request for lines of an order found by lookup_order. */
  AisleReturn      *(*return_lines)    (AisleStore           *self,
                                        const AisleReturnRequest *request,
                                        const char           *language,
                                        GCancellable         *cancellable,
                                        GError              **error);

  /* Coupons (optional): @request is the validate request the checkout
   * makes (aisle_checkout_coupon_request()). Blocking, on a worker
   * thread; fails with AISLE_COUPON_ERROR or G_IO_ERROR_CANCELLED. */
  AisleCoupon      *(*validate_coupon) (AisleStore           *self,
                                        const char           *request,
                                        const char           *language,
                                        GCancellable         *cancellable,
                                        GError              **error);
};

void          aisle_store_load_cached_async  (AisleStore           *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean      aisle_store_load_cached_finish (AisleStore           *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void          aisle_store_refresh_async      (AisleStore           *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean      aisle_store_refresh_finish     (AisleStore           *self,
                                              GAsyncResult         *result,
                                              GError              **error);
AisleCatalog *aisle_store_get_catalog        (AisleStore           *self);
AisleStock   *aisle_store_get_stock          (AisleStore           *self);
char         *aisle_store_resolve_image_url  (AisleStore           *self,
                                              const char           *path);
void          aisle_store_submit_order       (AisleStore           *self,
                                              const char           *id,
                                              const char           *json,
                                              AisleSubmitResult    *result);
void          aisle_store_fetch_store_stock_async  (AisleStore          *self,
                                                    const char          *store_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AisleStock   *aisle_store_fetch_store_stock_finish (AisleStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
gint64        aisle_store_get_last_sync      (AisleStore           *self);
const char   *aisle_store_get_last_error     (AisleStore           *self);
/* Online orders, off the main loop. A backend without them fails with
 * AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE. @language: the shopper's, for the
 * store's messages. */
void              aisle_store_lookup_order_async  (AisleStore          *self,
                                                   const char          *number,
                                                   const char          *contact,
                                                   const char          *language,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
AisleOnlineOrder *aisle_store_lookup_order_finish (AisleStore          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void              aisle_store_check_in_async      (AisleStore          *self,
                                                   const char          *order_id,
                                                   const char          *language,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
AisleCheckIn     *aisle_store_check_in_finish     (AisleStore          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void              aisle_store_return_lines_async  (AisleStore          *self,
                                                   const AisleReturnRequest *request,
                                                   const char          *language,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
AisleReturn      *aisle_store_return_lines_finish (AisleStore          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* A coupon checked against an order, off the main loop; a backend without
 * coupons fails with AISLE_COUPON_ERROR_UNAVAILABLE. */
void              aisle_store_validate_coupon_async  (AisleStore          *self,
                                                      const char          *request,
                                                      const char          *language,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
AisleCoupon      *aisle_store_validate_coupon_finish (AisleStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* An AisleOutboxSubmitFunc that hands orders to @user_data, an AisleStore. */
void          aisle_store_outbox_submit      (const char           *id,
                                              const char           *json,
                                              AisleSubmitResult    *result,
                                              gpointer              user_data);

G_END_DECLS
