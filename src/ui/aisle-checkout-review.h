/* aisle-checkout-review.h: the checkout's last step, the order as it will be placed
 *
 * Every line with its price, where and when, who, a coupon code ("I have
 * a code", checked by the store), the totals with the delivery fee, the
 * discount and the VAT they include, and how the shopper pays.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-checkout.h"
#include "aisle-session.h"

G_BEGIN_DECLS

#define AISLE_TYPE_CHECKOUT_REVIEW (aisle_checkout_review_get_type ())
G_DECLARE_FINAL_TYPE (AisleCheckoutReview, aisle_checkout_review, AISLE, CHECKOUT_REVIEW, GtkWidget)

/* Shows @checkout as it is now, in the current language. */
void aisle_checkout_review_show  (AisleCheckoutReview *self,
                                  AisleCheckout       *checkout);
/* The session that checks coupon codes ("I have a code"). */
void aisle_checkout_review_set_session (AisleCheckoutReview *self,
                                        AisleSession        *session);
/* A code scanned on the review: filled in and checked. */
void aisle_checkout_review_apply_code  (AisleCheckoutReview *self,
                                        const char          *code);
/* Forgets what named the shopper's order: the session ends. */
void aisle_checkout_review_clear (AisleCheckoutReview *self);

G_END_DECLS
