/* aisle-checkout-review.h: the checkout's last step, the order as it will be placed
 *
 * Every line with its price, where and when, who, the totals with the
 * delivery fee and the VAT they include, and how the shopper pays.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-checkout.h"

G_BEGIN_DECLS

#define AISLE_TYPE_CHECKOUT_REVIEW (aisle_checkout_review_get_type ())
G_DECLARE_FINAL_TYPE (AisleCheckoutReview, aisle_checkout_review, AISLE, CHECKOUT_REVIEW, GtkWidget)

/* Shows @checkout as it is now, in the current language. */
void aisle_checkout_review_show  (AisleCheckoutReview *self,
                                  AisleCheckout       *checkout);
/* Forgets what named the shopper's order: the session ends. */
void aisle_checkout_review_clear (AisleCheckoutReview *self);

G_END_DECLS
