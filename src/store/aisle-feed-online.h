/* aisle-feed-online.h: online orders at a store-feed shop (docs/order-protocol.md)
 *
 * Private to the store feed backend. Blocking: for worker threads. An
 * http(s) base asks the store's endpoints; a file:// base (the bundled demo
 * store) answers from the feed's own online-orders.json, and keeps its
 * check-ins and returns in memory for as long as the kiosk runs.
 */
#pragma once

#include "aisle-http.h"
#include "aisle-online-order.h"

G_BEGIN_DECLS

typedef struct
{
  const char *base_url;
  const char *access_token;   /* or NULL */
  const char *store_id;       /* the kiosk's store */
  const char *language;       /* Accept-Language: en, it, de, es */
  guint       timeout_s;
} AisleFeedOnlineTarget;

AisleOnlineOrder *aisle_feed_online_lookup   (const AisleFeedOnlineTarget  *target,
                                              const char                   *number,
                                              const char                   *contact,
                                              GCancellable                 *cancellable,
                                              GError                      **error);
AisleCheckIn     *aisle_feed_online_check_in (const AisleFeedOnlineTarget  *target,
                                              const char                   *order_id,
                                              GCancellable                 *cancellable,
                                              GError                      **error);

AisleReturn      *aisle_feed_online_return   (const AisleFeedOnlineTarget  *target,
                                              const AisleReturnRequest     *request,
                                              GCancellable                 *cancellable,
                                              GError                      **error);

/* For the store's other endpoints a shopper waits for (coupons): @json
 * POSTed to <base><path> with the target's token and limits (UNAVAILABLE
 * when nothing readable came back), and the message of an error body, or
 * "HTTP <status>", for the log. */
AisleHttpResponse *aisle_feed_online_post    (const AisleFeedOnlineTarget  *target,
                                              const char                   *path,
                                              const char                   *json,
                                              const char                   *key,
                                              GCancellable                 *cancellable,
                                              GError                      **error);
char             *aisle_feed_online_error_message (AisleHttpResponse       *response);

/* The demo store books an order placed on the kiosk (the order document,
 * the number and pickup code it gave): from then on it can be looked up
 * by the contact given, checked in (pickup) and returned (delivery: taken
 * as delivered, returnable for 30 days), while the kiosk runs. */
void              aisle_feed_online_demo_book (const char              *json,
                                               const char              *number,
                                               const char              *pickup_code);

/* What the demo store and the tests compare: "cn-100 482" is "CN100482". */
char             *aisle_feed_online_normalize_number (const char *number);

G_END_DECLS
