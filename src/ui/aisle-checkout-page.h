/* aisle-checkout-page.h: ordering what staff prepare, in three steps
 *
 * How (pickup at a store, or delivery to an address) and when; who (contact);
 * then a review with every line, fees, total and VAT. The page fills the
 * session's AisleCheckout and asks the session to place it when the shopper
 * confirms; saving and sending belong to the session and the outbox.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-session.h"

G_BEGIN_DECLS

#define AISLE_TYPE_CHECKOUT_PAGE (aisle_checkout_page_get_type ())
G_DECLARE_FINAL_TYPE (AisleCheckoutPage, aisle_checkout_page, AISLE, CHECKOUT_PAGE, GtkWidget)

/* The page shows the session's checkout while there is one, places it, and
 * clears itself when it is placed or the session ends. */
void     aisle_checkout_page_set_session (AisleCheckoutPage *self,
                                          AisleSession      *session);
/* Back a step on the form (FALSE: it is on its first step). */
gboolean aisle_checkout_page_go_back     (AisleCheckoutPage *self);
/* A code scanned while the order is reviewed: a coupon, checked at once;
 * FALSE when the review is not on screen. */
gboolean aisle_checkout_page_apply_code (AisleCheckoutPage *self,
                                         const char        *code);

G_END_DECLS
