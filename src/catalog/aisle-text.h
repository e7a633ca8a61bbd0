/* aisle-text.h: folding text for search, and article numbers and GTINs
 *
 * Search is case- and accent-insensitive: "mobel" finds "Möbel" and "cuscino"
 * finds "Cuscìno". Both the catalog's index (built once per catalog version)
 * and every keystroke's query go through the same folding.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends the folded form of @text (@len bytes, or -1 for NUL-terminated) to
 * @out: lower case, accents removed (é→e, ö→o, ì→i, ñ→n, ç→c, å→a), ß→ss,
 * æ→ae, œ→oe, ø→o, ł→l, đ→d, þ→th; every run of whitespace or punctuation
 * becomes one space; no leading or trailing space. Invalid UTF-8 is skipped
 * byte by byte, never read past @len. Returns the number of bytes appended. */
gsize    aisle_text_fold_append   (GString    *out,
                                   const char *text,
                                   gssize      len);
char    *aisle_text_fold          (const char *text,
                                   gssize      len);

/* For texts from outside that reach the screen or a slip: the printable
 * characters of @text, at most @max_chars of them. NULL when @text is NULL,
 * not UTF-8, or has nothing printable. */
char    *aisle_text_printable     (const char *text,
                                   gsize       max_chars);

/* Keeps only the ASCII digits of @text: "104.233.67" → "10423367". */
char    *aisle_text_digits        (const char *text);

/* TRUE when @digits is 8, 12, 13 or 14 ASCII digits with a correct check digit. */
gboolean aisle_text_is_valid_gtin (const char *digits);

G_END_DECLS
