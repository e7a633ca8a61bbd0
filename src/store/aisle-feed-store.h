/* aisle-feed-store.h: the store-feed backend (static JSON documents under a base URL)
 *
 * See docs/store-feed.md. Fetches with libcurl and parses in worker threads;
 * beside what AisleStoreBackend keeps, it saves the stock document with its
 * ETag, so that a 304 or a new catalog can reuse it.
 */
#pragma once

#include "aisle-store-backend.h"

G_BEGIN_DECLS

#define AISLE_TYPE_FEED_STORE (aisle_feed_store_get_type ())

G_DECLARE_FINAL_TYPE (AisleFeedStore, aisle_feed_store, AISLE, FEED_STORE, AisleStoreBackend)

/* @base_url: where catalog.json lives (file://, http:// or https://);
 * @store_id: the kiosk's store, as the feed names it; @cache_root: the
 * folder for offline copies, each base URL gets its own below it. */
AisleFeedStore *aisle_feed_store_new                  (const char     *base_url,
                                                       const char     *store_id,
                                                       const char     *cache_root);
/* The bearer token for the order endpoint, and how long one attempt to
 * send an order may take (0: 30 s); set both before orders are sent. */
void            aisle_feed_store_set_access_token     (AisleFeedStore *self,
                                                       const char     *token);
void            aisle_feed_store_set_order_timeout    (AisleFeedStore *self,
                                                       guint           seconds);

G_END_DECLS
