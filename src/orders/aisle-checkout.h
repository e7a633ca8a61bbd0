/* aisle-checkout.h: the order a shopper is putting together
 *
 * A checkout takes the "we prepare it for you" part of the shopping list as
 * it was when the shopper pressed "Order", and collects the rest: pickup at a
 * store (with a window from its opening hours and lead time) or delivery to
 * an address (with a window and the fee the feed gives), and the contact.
 * It checks each line against the pickup store's stock, computes totals and
 * VAT, and writes the order document of docs/order-protocol.md.
 *
 * A plain object: no widgets, no I/O, so it is tested without a display.
 */
#pragma once

#include "aisle-catalog.h"
#include "aisle-coupon.h"
#include "aisle-shopping-list.h"
#include "aisle-stock.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_CHECKOUT_PICKUP,
  AISLE_CHECKOUT_DELIVERY,
} AisleCheckoutKind;

typedef enum
{
  AISLE_LINE_AVAILABLE,       /* the store has enough */
  AISLE_LINE_SHORT,           /* the store has some, fewer than asked */
  AISLE_LINE_UNAVAILABLE,     /* out of stock at the store */
  AISLE_LINE_DELIVERY_ONLY,   /* an online-only article: never picked up */
  AISLE_LINE_UNKNOWN,         /* the store's stock is not known here: it confirms */
} AisleLineAvailability;

typedef struct
{
  const char *product_id;
  guint       product;        /* index in the checkout's catalog */
  guint       quantity;
  gint64      unit_price;     /* minor units, as shown */
} AisleCheckoutLine;

/* A time slot, unix seconds. */
typedef struct
{
  gint64 start;
  gint64 end;
} AisleTimeWindow;

#define AISLE_TYPE_CHECKOUT (aisle_checkout_get_type ())
G_DECLARE_FINAL_TYPE (AisleCheckout, aisle_checkout, AISLE, CHECKOUT, GObject)

/* The list's lines that are not picked by the shopper, whose products are in
 * @catalog. @home_store is the kiosk's store id: pickup starts there and
 * delivery leaves from it. */
AisleCheckout           *aisle_checkout_new              (AisleShoppingList *list,
                                                          AisleCatalog      *catalog,
                                                          const char        *home_store);
AisleCatalog            *aisle_checkout_get_catalog      (AisleCheckout     *self);
guint                    aisle_checkout_get_n_lines      (AisleCheckout     *self);
const AisleCheckoutLine *aisle_checkout_get_line         (AisleCheckout     *self,
                                                          guint              line);
guint                    aisle_checkout_get_home_store   (AisleCheckout     *self);

AisleCheckoutKind        aisle_checkout_get_kind         (AisleCheckout     *self);
void                     aisle_checkout_set_kind         (AisleCheckout     *self,
                                                          AisleCheckoutKind  kind);
/* Whether the home store delivers at all (the feed gives a fee). */
gboolean                 aisle_checkout_can_deliver      (AisleCheckout     *self);

/* The pickup store, as a catalog store index; its stock (NULL while it is
 * not known). Changing the store forgets the window. */
guint                    aisle_checkout_get_pickup_store (AisleCheckout     *self);
void                     aisle_checkout_set_pickup_store (AisleCheckout     *self,
                                                          guint              store,
                                                          AisleStock        *stock);
AisleLineAvailability    aisle_checkout_line_availability (AisleCheckout    *self,
                                                          guint              line,
                                                          gint              *in_stock);
/* Every line can be picked up at the pickup store (or the store confirms). */
gboolean                 aisle_checkout_pickup_possible  (AisleCheckout     *self);

/* Windows to offer, earliest first, at most @max, from @now. Pickup: two-hour
 * slots within opening hours, starting after the lead time. Delivery: the
 * feed's windows, from today + the lead days. Times are the store's local
 * time (its timezone). Free with g_array_unref. */
GArray                  *aisle_checkout_list_windows     (AisleCheckout     *self,
                                                          GDateTime         *now,
                                                          guint              max);
const AisleTimeWindow   *aisle_checkout_get_window       (AisleCheckout     *self);
void                     aisle_checkout_set_window       (AisleCheckout     *self,
                                                          const AisleTimeWindow *window);
/* "Today, 14:00–16:00", "Tomorrow, 08:00–12:00", "Sat 21 Nov, 12:00–14:00",
 * in the current language and the store's time zone. */
char                    *aisle_checkout_describe_window  (AisleCheckout     *self,
                                                          const AisleTimeWindow *window,
                                                          GDateTime         *now);

/* "Pickup at Casa Nord Milano\nToday, 14:00–16:00" or "Delivery to …\n…". */
char                    *aisle_checkout_describe_fulfillment (AisleCheckout *self,
                                                              GDateTime     *now);

/* Values already checked by aisle-validate; NULL clears. */
void                     aisle_checkout_set_address      (AisleCheckout     *self,
                                                          const char        *name,
                                                          const char        *street,
                                                          const char        *postcode,
                                                          const char        *city,
                                                          const char        *country);
const char              *aisle_checkout_get_address_field (AisleCheckout    *self,
                                                          const char        *field);
void                     aisle_checkout_set_contact      (AisleCheckout     *self,
                                                          const char        *name,
                                                          const char        *email,
                                                          const char        *phone);
const char              *aisle_checkout_get_contact_field (AisleCheckout    *self,
                                                          const char        *field);
/* The country addresses are checked for: the home store's. */
const char              *aisle_checkout_get_country      (AisleCheckout     *self);

gint64                   aisle_checkout_get_items_total  (AisleCheckout     *self);
/* The fee of this order: the delivery fee when delivered, else 0. */
gint64                   aisle_checkout_get_fee          (AisleCheckout     *self);
/* What delivery would cost, to show before the shopper chooses. */
gint64                   aisle_checkout_get_delivery_fee (AisleCheckout     *self);
/* A coupon the store validated for this order as it is now (NULL clears);
 * get_coupon gives it while the articles and fees are still those it was
 * validated for, else NULL. The discount is what it takes off, never more
 * than articles and fees. */
void                     aisle_checkout_set_coupon       (AisleCheckout     *self,
                                                          const AisleCoupon *coupon);
const AisleCoupon       *aisle_checkout_get_coupon       (AisleCheckout     *self);
gint64                   aisle_checkout_get_discount     (AisleCheckout     *self);
/* Articles and fees, less the discount. */
gint64                   aisle_checkout_get_total        (AisleCheckout     *self);
/* The VAT included in the total, at the rate the feed gives for the store
 * that hands the order over; FALSE when the feed gives none. */
gboolean                 aisle_checkout_get_vat          (AisleCheckout     *self,
                                                          gint64            *vat,
                                                          guint             *rate_bp);
const char              *aisle_checkout_get_currency     (AisleCheckout     *self);

/* Ready to order: lines, a window, an address for delivery, a contact, and
 * for pickup every line possible at the store. */
gboolean                 aisle_checkout_is_complete      (AisleCheckout     *self);

/* The request to validate @code for this order (docs/order-protocol.md,
 * "Coupons"): the code, @language, the fulfilment, the lines and the totals
 * before any discount. */
char                    *aisle_checkout_coupon_request   (AisleCheckout     *self,
                                                          const char        *code,
                                                          const char        *language);

/* The order document (docs/order-protocol.md) for the outbox. */
char                    *aisle_checkout_to_json          (AisleCheckout     *self,
                                                          const char        *id,
                                                          GDateTime         *created_at,
                                                          const char        *kiosk,
                                                          const char        *language);
/* What the order's QR code carries: the online shop's page for the order. */
char                    *aisle_checkout_order_reference_url (AisleCatalog   *catalog,
                                                            const char     *id);
/* A short form of the id to read out while the store has not numbered the order. */
char                    *aisle_checkout_short_reference  (const char        *id);

G_END_DECLS
