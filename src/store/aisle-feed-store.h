/* aisle-feed-store.h: the store-feed backend (static JSON documents under a base URL)
 *
 * See docs/store-feed.md. Fetches with libcurl in worker threads, parses and
 * indexes there, keeps the last good catalog (as a mapped image) and stock
 * document on disk, and refreshes on a timer with ETags.
 */
#pragma once

#include "aisle-store.h"

G_BEGIN_DECLS

#define AISLE_TYPE_FEED_STORE (aisle_feed_store_get_type ())

G_DECLARE_FINAL_TYPE (AisleFeedStore, aisle_feed_store, AISLE, FEED_STORE, GObject)

AisleFeedStore *aisle_feed_store_new                  (const char     *base_url,
                                                       const char     *store_id,
                                                       const char     *cache_root);
const char     *aisle_feed_store_get_base_url         (AisleFeedStore *self);
void            aisle_feed_store_set_access_token     (AisleFeedStore *self,
                                                       const char     *token);
void            aisle_feed_store_set_order_timeout    (AisleFeedStore *self,
                                                       guint           seconds);
const char     *aisle_feed_store_get_cache_dir        (AisleFeedStore *self);
void            aisle_feed_store_set_refresh_interval (AisleFeedStore *self,
                                                       guint           seconds);
/* The last refresh's error for staff (translated), or NULL when it went well. */
const char     *aisle_feed_store_get_last_error       (AisleFeedStore *self);
gint64          aisle_feed_store_get_last_sync        (AisleFeedStore *self);

G_END_DECLS
