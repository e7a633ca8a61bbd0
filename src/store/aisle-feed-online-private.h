/* aisle-feed-online-private.h: shared by the store-feed's online orders and its demo store
 *
 * aisle-feed-online.c talks to the store's endpoints; aisle-feed-online-demo.c
 * answers for the bundled demo store (a file:// base) instead.
 */
#pragma once

#include <json-c/json.h>

#include "aisle-feed-online.h"

G_BEGIN_DECLS

/* Sets @error in AISLE_ONLINE_ORDER_ERROR; always FALSE. */
gboolean          aisle_feed_online_fail          (GError                      **error,
                                                   AisleOnlineOrderError         code,
                                                   const char                   *format,
                                                   ...) G_GNUC_PRINTF (3, 4);
/* A string member of @obj, or NULL. */
const char       *aisle_feed_online_member        (json_object                  *obj,
                                                   const char                   *key);

AisleOnlineOrder *aisle_feed_online_demo_lookup   (const AisleFeedOnlineTarget  *target,
                                                   const char                   *number,
                                                   const char                   *contact,
                                                   GError                      **error);
AisleCheckIn     *aisle_feed_online_demo_check_in (const AisleFeedOnlineTarget  *target,
                                                   const char                   *order_id,
                                                   GError                      **error);
AisleReturn      *aisle_feed_online_demo_return   (const AisleFeedOnlineTarget  *target,
                                                   const AisleReturnRequest     *request,
                                                   GError                      **error);

G_END_DECLS
