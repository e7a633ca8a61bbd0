/* aisle-feed-coupons.h: coupons at a store-feed shop (docs/order-protocol.md, "Coupons")
 *
 * Private to the store feed backend. Blocking: for worker threads. An
 * http(s) base asks the store's endpoint; a file:// base (the bundled demo
 * store) applies the rules of the feed's own coupons.json.
 */
#pragma once

#include "aisle-coupon.h"
#include "aisle-feed-online.h"

G_BEGIN_DECLS

/* @request: the validate request's JSON as the checkout makes it (code,
 * language, fulfillment, lines, totals); the store's id is added here. */
AisleCoupon *aisle_feed_coupons_validate (const AisleFeedOnlineTarget  *target,
                                          const char                   *request,
                                          GCancellable                 *cancellable,
                                          GError                      **error);

G_END_DECLS
