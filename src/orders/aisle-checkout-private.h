/* aisle-checkout-private.h: inside a checkout, for the file that writes its order document
 *
 * Private to src/orders/: aisle-checkout.c keeps the state,
 * aisle-checkout-order.c writes it out.
 */
#pragma once

#include "aisle-checkout.h"

G_BEGIN_DECLS

struct _AisleCheckout
{
  GObject            parent_instance;

  AisleCatalog      *catalog;
  GArray            *lines;          /* AisleCheckoutLine; product_id owned */
  guint              home_store;
  AisleCheckoutKind  kind;
  guint              pickup_store;
  AisleStock        *pickup_stock;
  AisleTimeWindow    window;         /* start == 0: none chosen */
  char              *address[5];     /* name, street, postcode, city, country */
  char              *contact[3];     /* name, email, phone */
  AisleCoupon       *coupon;         /* the store validated it for ... */
  gint64             coupon_basis;   /* ... articles and fees of this much */
};

/* The JSON names of address[] and contact[], in their order. */
extern const char * const aisle_checkout_address_fields[5];
extern const char * const aisle_checkout_contact_fields[3];

/* Store @store's info, or FALSE (and zeroes) when there is none. */
gboolean   aisle_checkout_store_info      (AisleCheckout  *self,
                                           guint           store,
                                           AisleStoreInfo *info);
/* The time zone of the store the window is at (pickup) or leaves from
 * (delivery); local time when the catalog does not say. */
GTimeZone *aisle_checkout_window_timezone (AisleCheckout  *self);

G_END_DECLS
