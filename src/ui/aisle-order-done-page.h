/* aisle-order-done-page.h: the confirmation after an order is saved
 *
 * Shows the order number and pickup code once the store has the order, or
 * that it is saved on the kiosk and will be sent; and a QR code with the
 * order's reference for the shopper's phone. Follows the outbox live.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-outbox.h"

G_BEGIN_DECLS

/* The order's slip, as the page tells it. */
typedef enum
{
  AISLE_DONE_SLIP_NONE,      /* not printed yet: the shopper may ask for it */
  AISLE_DONE_SLIP_PRINTING,
  AISLE_DONE_SLIP_PRINTED,
  AISLE_DONE_SLIP_FAILED,    /* the shopper is told why and may see it on screen */
} AisleDoneSlip;

#define AISLE_TYPE_ORDER_DONE_PAGE (aisle_order_done_page_get_type ())
G_DECLARE_FINAL_TYPE (AisleOrderDonePage, aisle_order_done_page, AISLE, ORDER_DONE_PAGE, GtkWidget)

/* @details: where and when, already translated ("Pickup at …\nToday, …"). */
void aisle_order_done_page_show  (AisleOrderDonePage *self,
                                  AisleOutbox        *outbox,
                                  const char         *id,
                                  const char         *reference_url,
                                  const char         *details,
                                  gboolean            pickup);
/* Forgets the order: the shopper's session ends. */
void aisle_order_done_page_clear (AisleOrderDonePage *self);
const char *aisle_order_done_page_get_id (AisleOrderDonePage *self);
/* Whether the order has its final confirmation: accepted, or saved to be
 * sent later (then its slip can print). */
gboolean    aisle_order_done_page_is_settled (AisleOrderDonePage *self);
/* @message: for FAILED, the shopper's sentence about the printer. */
void        aisle_order_done_page_set_slip_state (AisleOrderDonePage *self,
                                                  AisleDoneSlip       state,
                                                  const char         *message);

/* Portrait screens stack the two columns. */
void aisle_order_done_page_set_portrait (AisleOrderDonePage *self,
                                         gboolean           portrait);

G_END_DECLS
