/* feed-store-util.h: the feed backend as the online-order and coupon tests use it
 *
 * Against tests/integration/order-server.py (with its token) or the bundled
 * demo store, in Milano; and a callback that keeps an async result.
 */
#pragma once

#include "aisle-feed-store.h"

G_BEGIN_DECLS

#define FEED_STORE_TOKEN "aisle-test-token"

/* The test server on 127.0.0.1:@port, under @prefix ("" or "/status/429"…). */
AisleStore *feed_store_http      (guint         port,
                                  const char   *prefix,
                                  const char   *cache_dir);
/* The bundled demo store ($AISLE_DEMO_STORE) for a kiosk in @store_id. */
AisleStore *feed_store_demo      (const char   *store_id,
                                  const char   *cache_dir);
/* Keeps a reference to @result in *(GAsyncResult **) @user_data. */
void        feed_store_result_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data);

G_END_DECLS
