/* fuzz-online-order.c: the store's answers at the kiosk: an online order's look-up, check-in and return, a coupon */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aisle-coupon.h"
#include "aisle-online-order.h"
#include "fuzz-common.h"

/* What the kiosk shows of an order: every text must be printable UTF-8. */
static void
check_text (const char *text)
{
  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL) || *text == '\0')
    abort ();
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isprint (g_utf8_get_char (p)))
      abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(AisleOnlineOrder) order = aisle_online_order_parse (body, NULL);
  g_autoptr(AisleCheckIn) check_in = aisle_check_in_parse (body, NULL);
  g_autoptr(AisleReturn) ret = aisle_return_parse (body, NULL);
  g_autoptr(AisleCoupon) coupon = aisle_coupon_parse (body, NULL);

  if (order != NULL)
    {
      if (order->lines->len == 0 || order->lines->len > AISLE_ONLINE_ORDER_MAX_LINES ||
          aisle_online_order_state_to_string (order->state) == NULL || order->id == NULL || order->number == NULL)
        abort ();
      check_text (order->id);
      check_text (order->number);
      check_text (order->customer);
      check_text (order->store_name);
      check_text (order->desk);
      for (guint i = 0; i < order->lines->len; i++)
        {
          const AisleOnlineOrderLine *line = order->lines->pdata[i];

          check_text (line->name);
          check_text (line->article);
          if (line->quantity == 0 || line->returned > line->quantity ||
              aisle_online_order_line_returnable (order, line, "2026-12-07", NULL) > line->quantity)
            abort ();
        }
      if (order->total >= 0 && (order->currency == NULL || strlen (order->currency) != 3))
        abort ();
      if (order->check_in != NULL)
        check_text (order->check_in->queue_number);
    }
  if (ret != NULL)
    {
      check_text (ret->id);
      check_text (ret->number);
      check_text (ret->desk);
      if (ret->lines->len == 0 || (ret->refund >= 0 && ret->currency == NULL))
        abort ();
      for (guint i = 0; i < ret->lines->len; i++)
        check_text (((AisleOnlineOrderLine *)ret->lines->pdata[i])->name);
    }
  if (coupon != NULL)
    {
      check_text (coupon->code);
      check_text (coupon->description);
      if (coupon->discount <= 0 || coupon->currency == NULL || strlen (coupon->currency) != 3)
        abort ();
    }
  if (check_in != NULL)
    {
      check_text (check_in->queue_number);
      check_text (check_in->wait_at);
      if (check_in->estimated_minutes < -1)
        abort ();
    }
  return 0;
}
