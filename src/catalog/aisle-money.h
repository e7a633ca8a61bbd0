/* aisle-money.h: prices as integer minor units, formatted for the shopper's language
 *
 * Money never touches a floating-point number: amounts are gint64 minor units
 * (cents) with an ISO 4217 currency code.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Number of minor-unit digits of @currency: 2 for EUR, GBP, USD, CHF…,
 * 0 for JPY, KRW…, 3 for BHD, KWD…; 2 for codes it does not know. */
guint  aisle_money_get_decimals (const char *currency);

/* Formats @amount minor units of @currency for @language ("en", "it", "de",
 * "es"; anything else is treated as "en"):
 *   en: "€1,299.00"   "-€5.50"    "£12.00"   "$3.99"   "CHF 12.50"   "¥1,200"
 *   it: "1.299,00 €"  "-5,50 €"   "12,00 £"
 *   de: "1.299,00 €"  "-5,50 €"
 *   es: "1299,00 €" (no grouping below five digits, as Spanish style has it)
 *       "12.999,00 €"
 * The space before a trailing symbol is U+00A0 (no-break space); a currency
 * without a symbol is shown by its code. Never fails: an invalid code is
 * shown as given (at most 3 ASCII letters), G_MININT64 is handled. */
char  *aisle_money_format       (gint64      amount,
                                 const char *currency,
                                 const char *language);

G_END_DECLS
