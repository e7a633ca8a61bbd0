/* aisle-order-done-page.h: the confirmation after an order is saved
 *
 * Shows the order number and pickup code once the store has the order, or
 * that it is saved on the kiosk and will be sent; and a QR code with the
 * order's reference for the shopper's phone. Follows the outbox live.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-session.h"

G_BEGIN_DECLS

#define AISLE_TYPE_ORDER_DONE_PAGE (aisle_order_done_page_get_type ())
G_DECLARE_FINAL_TYPE (AisleOrderDonePage, aisle_order_done_page, AISLE, ORDER_DONE_PAGE, GtkWidget)

/* Shows the session's placed order while there is one: whether the store
 * has it, its QR code, and its slip (printed by itself once the order is
 * settled, if staff chose so). */
void        aisle_order_done_page_set_session (AisleOrderDonePage *self,
                                               AisleSession       *session);
/* The order on screen (NULL: none). */
const char *aisle_order_done_page_get_id      (AisleOrderDonePage *self);

void aisle_order_done_page_set_portrait (AisleOrderDonePage *self,
                                         gboolean           portrait);

G_END_DECLS
