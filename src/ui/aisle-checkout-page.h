/* aisle-checkout-page.h: ordering what staff prepare, in three steps
 *
 * How (pickup at a store, or delivery to an address) and when; who (contact);
 * then a review with every line, fees, total and VAT. The page fills an
 * AisleCheckout and says "place-order" when the shopper confirms; saving and
 * sending belong to the outbox, not to the page.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-session.h"

G_BEGIN_DECLS

#define AISLE_TYPE_CHECKOUT_PAGE (aisle_checkout_page_get_type ())
G_DECLARE_FINAL_TYPE (AisleCheckoutPage, aisle_checkout_page, AISLE, CHECKOUT_PAGE, GtkWidget)

/* Starts at the first step with @session's checkout; the session answers
 * for the stock of other stores. */
void           aisle_checkout_page_start        (AisleCheckoutPage *self,
                                                 AisleSession      *session);
AisleCheckout *aisle_checkout_page_get_checkout (AisleCheckoutPage *self);
/* One step back; FALSE on the first step. */
gboolean       aisle_checkout_page_go_back      (AisleCheckoutPage *self);
/* Forgets the order and every field typed: the shopper's session ends. */
void           aisle_checkout_page_clear        (AisleCheckoutPage *self);
/* While the order is being saved: the button waits. */
void           aisle_checkout_page_set_busy     (AisleCheckoutPage *self,
                                                 gboolean           busy);
void           aisle_checkout_page_show_error   (AisleCheckoutPage *self,
                                                 const char        *message);
/* What was typed and the step, to rebuild the page in another language. */
GStrv          aisle_checkout_page_save_fields  (AisleCheckoutPage *self);
void           aisle_checkout_page_restore_fields (AisleCheckoutPage  *self,
                                                   const char * const *fields);

G_END_DECLS
