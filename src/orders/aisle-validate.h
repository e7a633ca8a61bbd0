/* aisle-validate.h: checking what a shopper types for an order
 *
 * Names, e-mail addresses, phone numbers and postcodes, checked as they are
 * typed on the on-screen keyboard. Each check returns a cleaned value (trimmed,
 * spaces collapsed, a postcode in its country's usual form) or NULL with a
 * translated message that tells the shopper what to change. Nothing typed can
 * crash them: any bytes, any length.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A person's name: 2 to 80 characters, letters of any script, spaces,
 * apostrophes (' and ’), hyphens and dots; at least one letter; no digits,
 * no control characters, no markup. "  anna  maria " → "anna maria". */
char    *aisle_validate_name     (const char  *text,
                                  char       **message);

/* An e-mail address: one @, a local part of at most 64 bytes, a domain with
 * a dot, labels of letters/digits/hyphens (IDN allowed as UTF-8 letters), at
 * most 254 bytes in all; lower-cased domain. */
char    *aisle_validate_email    (const char  *text,
                                  char       **message);

/* A phone number for @country ("IT", "DE", "ES", "GB", "US"; others get the
 * generic rule): spaces, dots, dashes, slashes and parentheses are allowed
 * while typing and removed; a leading + or 00 means international. Returns
 * E.164 ("+393471234567"), with the country's calling code added to national
 * numbers (a national trunk 0 dropped where the country uses one). Length
 * rules per country: IT 6–11 national digits, DE 5–13 (after the 0), ES 9,
 * GB 10 (after the 0), US 10 (area code not starting with 0 or 1); generic:
 * 7–15 digits in all. */
char    *aisle_validate_phone    (const char  *text,
                                  const char  *country,
                                  char       **message);

/* A postcode for @country: IT 5 digits ("00184"), DE 5 digits ("10115"),
 * ES 5 digits from 01000 to 52999, GB the UK format (e.g. "SW1A 1AA",
 * "m1 1ae" → "M1 1AE"), US ZIP or ZIP+4 ("12345", "12345-6789"). Others:
 * 2–10 letters, digits, spaces or dashes, upper-cased. */
char    *aisle_validate_postcode (const char  *text,
                                  const char  *country,
                                  char       **message);

/* The street and house number of a delivery address: 3 to 100 characters
 * with at least one letter; digits and punctuation allowed. */
char    *aisle_validate_street   (const char  *text,
                                  char       **message);
/* A town or city: 2 to 100 letters, spaces, apostrophes, hyphens, dots and
 * parentheses ("Frankfurt (Oder)"). */
char    *aisle_validate_city     (const char  *text,
                                  char       **message);

G_END_DECLS
