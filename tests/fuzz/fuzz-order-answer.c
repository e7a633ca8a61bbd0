/* fuzz-order-answer.c: the store's answer to an order (docs/order-protocol.md)
 *
 * The first two bytes are the HTTP status (100 to 599), the rest the body.
 */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <stdlib.h>

#include "aisle-feed-orders.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = NULL;
  AisleSubmitResult result = { 0 };
  guint status;

  if (size < 2)
    return 0;
  status = 100 + ((data[0] << 8) | data[1]) % 500;
  body = g_bytes_new (data + 2, size - 2);

  aisle_feed_orders_read_answer (status, body, "0b8f2a5e-6f0c-4d43-9a57-3c1d2f7e8a10", &result);

  /* What the outbox and the screen rely on. */
  if (result.outcome == AISLE_SUBMIT_ACCEPTED && (result.order_number == NULL || result.order_number[0] == '\0'))
    abort ();
  if (result.outcome != AISLE_SUBMIT_ACCEPTED && result.message == NULL)
    abort ();
  if ((result.order_number && !g_utf8_validate (result.order_number, -1, NULL)) ||
      (result.message && !g_utf8_validate (result.message, -1, NULL)))
    abort ();

  g_free (result.order_number);
  g_free (result.pickup_code);
  g_free (result.message);
  return 0;
}
