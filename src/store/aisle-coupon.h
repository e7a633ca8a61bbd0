/* aisle-coupon.h: a coupon from online marketing, as the store validates it
 *
 * The shopper types or scans a code on the order's review; the store says
 * whether it applies to this order now and what it takes off
 * (docs/order-protocol.md, "Coupons"). The answer is read with limits, as
 * everything from the network.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AISLE_COUPON_MAX_CODE 32

#define AISLE_COUPON_ERROR (aisle_coupon_error_quark ())

/* Why a code does not take anything off. The shopper's sentence comes from
 * the code, except for NOT_APPLICABLE, where only the store knows why: its
 * message (in the shopper's language) is the error's message. */
typedef enum
{
  AISLE_COUPON_ERROR_UNKNOWN,          /* no such code */
  AISLE_COUPON_ERROR_EXPIRED,          /* past its dates, or used up */
  AISLE_COUPON_ERROR_NOT_APPLICABLE,   /* not for this order: the message says why */
  AISLE_COUPON_ERROR_TOO_MANY_TRIES,
  AISLE_COUPON_ERROR_UNAVAILABLE,      /* no answer the kiosk can read */
} AisleCouponError;

GQuark      aisle_coupon_error_quark    (void);

typedef struct
{
  char   *code;          /* as the store writes it: "WELCOME10" */
  char   *description;   /* for the shopper, may be NULL */
  gint64  discount;      /* minor units, > 0 */
  char   *currency;
  char   *valid_until;   /* "2026-12-31", may be NULL */
} AisleCoupon;

/* {"coupon": COUPON}. AISLE_ERROR_INVALID_DATA or TOO_LARGE when not one. */
AisleCoupon *aisle_coupon_parse          (GBytes       *body,
                                          GError      **error);
/* What a shopper typed or a scanner read, as a code: 1 to 32 letters,
 * digits or hyphens once spaces are dropped, upper case; NULL when it
 * cannot be one. */
char        *aisle_coupon_normalize_code (const char   *text);
/* A coupon's link, as a marketing e-mail's QR code carries it:
 * http(s)://<shop>/coupons/<code> or any such link with ?coupon=<code>;
 * the code, normalised, or NULL when @text is none. */
char        *aisle_coupon_read_link      (const char   *text);
AisleCoupon *aisle_coupon_copy           (const AisleCoupon *coupon);
void         aisle_coupon_free           (AisleCoupon  *coupon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleCoupon, aisle_coupon_free)

G_END_DECLS
