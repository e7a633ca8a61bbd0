/* aisle-feed-orders.h: handing orders to a store-feed shop (docs/order-protocol.md)
 *
 * Private to the store feed backend. Runs on the outbox's sender thread.
 */
#pragma once

#include "aisle-submit-result.h"

G_BEGIN_DECLS

/* POSTs @json to @base_url + "/orders" and maps the answer with
 * aisle_feed_orders_read_answer(). For a file:// base (the bundled demo)
 * the order is booked on the kiosk itself. */
void aisle_feed_orders_submit (const char        *base_url,
                               const char        *access_token,
                               guint              timeout_s,
                               const char        *language,
                               const char        *id,
                               const char        *json,
                               AisleSubmitResult *result);

/* Maps the store's answer to order @id: 2xx accepted (with the kiosk's
 * reference as the number when the answer has none we can read); 3xx, 401,
 * 403, 408, 425, 429 and 5xx retried; other 4xx rejected with the store's
 * message. */
void aisle_feed_orders_read_answer (guint              status,
                                    GBytes            *body,
                                    const char        *id,
                                    AisleSubmitResult *result);

G_END_DECLS
