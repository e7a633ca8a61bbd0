/* aisle-money.c: formatting integer minor units for the shopper's language
 *
 * Written out by hand rather than with printf's locale support: the kiosk
 * cannot rely on the locales being installed, and money never goes through
 * a floating-point number.
 */
#define G_LOG_DOMAIN "aisle-money"

#include "aisle-money.h"

#include <string.h>

#define NO_BREAK_SPACE "\xc2\xa0"

typedef struct
{
  const char *code;
  guint8      decimals;
  const char *symbol;        /* NULL: shown by its code */
  gboolean    symbol_after;  /* after the amount in every language */
} Currency;

/* The currencies with a symbol the shopper will recognise, then those whose
 * minor unit is not a hundredth (ISO 4217); any other is 2 and its code. */
static const Currency currencies[] = {
  { "EUR", 2, "€", FALSE },
  { "GBP", 2, "£", FALSE },
  { "USD", 2, "$", FALSE },
  { "JPY", 0, "¥", FALSE },
  /* "kr" follows the amount wherever the krona and krone are used, and
   * "kr 12.50" is seen nowhere, so not in English either. */
  { "SEK", 2, "kr", TRUE },
  { "NOK", 2, "kr", TRUE },
  { "DKK", 2, "kr", TRUE },
  { "ISK", 0, "kr", TRUE },
  { "CHF", 2, NULL, FALSE },

  { "BHD", 3, NULL, FALSE },
  { "BIF", 0, NULL, FALSE },
  { "CLF", 4, NULL, FALSE },
  { "CLP", 0, NULL, FALSE },
  { "DJF", 0, NULL, FALSE },
  { "GNF", 0, NULL, FALSE },
  { "IQD", 3, NULL, FALSE },
  { "JOD", 3, NULL, FALSE },
  { "KMF", 0, NULL, FALSE },
  { "KRW", 0, NULL, FALSE },
  { "KWD", 3, NULL, FALSE },
  { "LYD", 3, NULL, FALSE },
  { "OMR", 3, NULL, FALSE },
  { "PYG", 0, NULL, FALSE },
  { "RWF", 0, NULL, FALSE },
  { "TND", 3, NULL, FALSE },
  { "UGX", 0, NULL, FALSE },
  { "UYI", 0, NULL, FALSE },
  { "UYW", 4, NULL, FALSE },
  { "VND", 0, NULL, FALSE },
  { "VUV", 0, NULL, FALSE },
  { "XAF", 0, NULL, FALSE },
  { "XOF", 0, NULL, FALSE },
  { "XPF", 0, NULL, FALSE },
};

typedef struct
{
  char     group_separator;
  char     decimal_separator;
  guint    min_grouped_digits;  /* integer digits from which to group */
  gboolean symbol_first;
} NumberStyle;

static const NumberStyle style_en = { ',', '.', 4, TRUE };
static const NumberStyle style_it_de = { '.', ',', 4, FALSE };
static const NumberStyle style_es = { '.', ',', 5, FALSE };

/* Codes come from the store feed, so "eur" is taken for "EUR" too. */
static const Currency *
find_currency (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (code, currencies[i].code) == 0)
      return &currencies[i];

  return NULL;
}

/* Takes "it", "it_IT", "it-IT" or "it_IT.UTF-8" for Italian. */
static const NumberStyle *
find_style (const char *language)
{
  char lang[3];

  if (language == NULL || language[0] == '\0' || language[1] == '\0' ||
      g_ascii_isalpha (language[2]))
    return &style_en;

  lang[0] = g_ascii_tolower (language[0]);
  lang[1] = g_ascii_tolower (language[1]);
  lang[2] = '\0';

  if (strcmp (lang, "it") == 0 || strcmp (lang, "de") == 0)
    return &style_it_de;
  if (strcmp (lang, "es") == 0)
    return &style_es;

  return &style_en;
}

/* What an unknown code is shown as: its leading ASCII letters, at most
 * three, so that nothing a feed sends can garble the price. */
static void
copy_unknown_code (const char *code,
                   char        shown[4])
{
  guint n = 0;

  while (code != NULL && n < 3 && g_ascii_isalpha (code[n]))
    {
      shown[n] = code[n];
      n++;
    }
  shown[n] = '\0';
}

guint
aisle_money_get_decimals (const char *currency)
{
  const Currency *known = find_currency (currency);

  /* No g_return_val_if_fail: a NULL code is an unknown one, like any
   * other the feed may send. */
  return known != NULL ? known->decimals : 2;
}

static void
append_number (GString           *out,
               guint64            magnitude,
               guint              decimals,
               const NumberStyle *style)
{
  /* G_MAXUINT64 has 20 digits; with 4 decimals at most 5 are padding. */
  char digits[32];
  gsize n_digits = 0;
  gsize n_integer;
  gboolean grouped;

  do
    {
      digits[n_digits++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);

  /* "0.05": at least one integer digit */
  while (n_digits < decimals + 1)
    digits[n_digits++] = '0';

  /* digits[] holds them least significant first */
  n_integer = n_digits - decimals;
  grouped = n_integer >= style->min_grouped_digits;

  for (gsize i = 0; i < n_integer; i++)
    {
      if (grouped && i > 0 && (n_integer - i) % 3 == 0)
        g_string_append_c (out, style->group_separator);
      g_string_append_c (out, digits[n_digits - 1 - i]);
    }

  if (decimals > 0)
    {
      g_string_append_c (out, style->decimal_separator);
      for (gsize i = n_integer; i < n_digits; i++)
        g_string_append_c (out, digits[n_digits - 1 - i]);
    }
}

char *
aisle_money_format (gint64      amount,
                    const char *currency,
                    const char *language)
{
  const NumberStyle *style = find_style (language);
  const Currency *known = find_currency (currency);
  GString *out = g_string_sized_new (32);
  char unknown_code[4];
  const char *label;
  gboolean label_first;
  gboolean glued;
  /* -amount overflows for G_MININT64; -(amount + 1) never does. */
  guint64 magnitude = amount < 0 ? (guint64) -(amount + 1) + 1 : (guint64) amount;

  /* No g_return_val_if_fail: this never fails, and a missing or invalid
   * code is something a feed can send. */
  if (known != NULL)
    {
      label = known->symbol != NULL ? known->symbol : known->code;
      label_first = style->symbol_first && !known->symbol_after;
      glued = known->symbol != NULL;
    }
  else
    {
      copy_unknown_code (currency, unknown_code);
      label = unknown_code;
      label_first = style->symbol_first;
      glued = FALSE;
    }

  if (amount < 0)
    g_string_append_c (out, '-');

  if (label[0] != '\0' && label_first)
    {
      g_string_append (out, label);
      /* "€5.50" but "CHF 5.50" */
      if (!glued)
        g_string_append_c (out, ' ');
    }

  append_number (out, magnitude, known != NULL ? known->decimals : 2, style);

  if (label[0] != '\0' && !label_first)
    {
      g_string_append (out, NO_BREAK_SPACE);
      g_string_append (out, label);
    }

  return g_string_free (out, FALSE);
}
