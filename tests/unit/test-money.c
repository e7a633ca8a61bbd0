/* test-money.c: prices as the shopper reads them, in each language */
#define G_LOG_DOMAIN "test-money"

#include "aisle-money.h"

/* U+00A0, the space before a trailing symbol */
#define NBSP "\xc2\xa0"

static void
assert_money (gint64      amount,
              const char *currency,
              const char *language,
              const char *expected)
{
  g_autofree char *formatted = aisle_money_format (amount, currency, language);

  g_assert_cmpstr (formatted, ==, expected);
}

static void
test_header_examples_en (void)
{
  assert_money (129900, "EUR", "en", "€1,299.00");
  assert_money (-550, "EUR", "en", "-€5.50");
  assert_money (1200, "GBP", "en", "£12.00");
  assert_money (399, "USD", "en", "$3.99");
  assert_money (1250, "CHF", "en", "CHF 12.50");
  assert_money (1200, "JPY", "en", "¥1,200");
}

static void
test_header_examples_it (void)
{
  assert_money (129900, "EUR", "it", "1.299,00" NBSP "€");
  assert_money (-550, "EUR", "it", "-5,50" NBSP "€");
  assert_money (1200, "GBP", "it", "12,00" NBSP "£");
}

static void
test_header_examples_de (void)
{
  assert_money (129900, "EUR", "de", "1.299,00" NBSP "€");
  assert_money (-550, "EUR", "de", "-5,50" NBSP "€");
}

static void
test_header_examples_es (void)
{
  assert_money (129900, "EUR", "es", "1299,00" NBSP "€");
  assert_money (1299900, "EUR", "es", "12.999,00" NBSP "€");
}

static void
test_spanish_grouping (void)
{
  /* Spanish groups thousands only from five integer digits on. */
  assert_money (999900, "EUR", "es", "9999,00" NBSP "€");
  assert_money (1000000, "EUR", "es", "10.000,00" NBSP "€");
  assert_money (-129900, "EUR", "es", "-1299,00" NBSP "€");
  assert_money (123456789, "EUR", "es", "1.234.567,89" NBSP "€");
  /* Italian and German group from four. */
  assert_money (100000, "EUR", "it", "1.000,00" NBSP "€");
  assert_money (100000, "EUR", "de", "1.000,00" NBSP "€");
}

static void
test_grouping_boundaries (void)
{
  assert_money (99999, "EUR", "en", "€999.99");
  assert_money (100000, "EUR", "en", "€1,000.00");
  assert_money (99999999, "EUR", "en", "€999,999.99");
  assert_money (100000000, "EUR", "en", "€1,000,000.00");
  assert_money (100000000, "EUR", "it", "1.000.000,00" NBSP "€");
}

static void
test_zero (void)
{
  assert_money (0, "EUR", "en", "€0.00");
  assert_money (0, "EUR", "it", "0,00" NBSP "€");
  assert_money (0, "JPY", "en", "¥0");
  assert_money (0, "KWD", "en", "KWD 0.000");
}

static void
test_one_cent (void)
{
  assert_money (1, "EUR", "en", "€0.01");
  assert_money (1, "EUR", "de", "0,01" NBSP "€");
  assert_money (-1, "EUR", "en", "-€0.01");
  assert_money (-1, "EUR", "es", "-0,01" NBSP "€");
  assert_money (10, "USD", "en", "$0.10");
}

static void
test_negative (void)
{
  assert_money (-129900, "EUR", "en", "-€1,299.00");
  assert_money (-129900, "EUR", "de", "-1.299,00" NBSP "€");
  assert_money (-1250, "CHF", "en", "-CHF 12.50");
  assert_money (-1250, "CHF", "it", "-12,50" NBSP "CHF");
  assert_money (-1200, "JPY", "en", "-¥1,200");
}

static void
test_extremes (void)
{
  assert_money (G_MAXINT64, "EUR", "en", "€92,233,720,368,547,758.07");
  assert_money (G_MININT64, "EUR", "en", "-€92,233,720,368,547,758.08");
  assert_money (G_MININT64, "EUR", "es",
                "-92.233.720.368.547.758,08" NBSP "€");
  assert_money (G_MAXINT64, "JPY", "en", "¥9,223,372,036,854,775,807");
  assert_money (G_MININT64, "JPY", "it",
                "-9.223.372.036.854.775.808" NBSP "¥");
  assert_money (G_MININT64, "CLF", "en", "-CLF 922,337,203,685,477.5808");
}

static void
test_decimals (void)
{
  g_assert_cmpuint (aisle_money_get_decimals ("EUR"), ==, 2);
  g_assert_cmpuint (aisle_money_get_decimals ("GBP"), ==, 2);
  g_assert_cmpuint (aisle_money_get_decimals ("USD"), ==, 2);
  g_assert_cmpuint (aisle_money_get_decimals ("CHF"), ==, 2);
  g_assert_cmpuint (aisle_money_get_decimals ("SEK"), ==, 2);
  g_assert_cmpuint (aisle_money_get_decimals ("JPY"), ==, 0);
  g_assert_cmpuint (aisle_money_get_decimals ("KRW"), ==, 0);
  g_assert_cmpuint (aisle_money_get_decimals ("ISK"), ==, 0);
  g_assert_cmpuint (aisle_money_get_decimals ("BHD"), ==, 3);
  g_assert_cmpuint (aisle_money_get_decimals ("KWD"), ==, 3);
  g_assert_cmpuint (aisle_money_get_decimals ("CLF"), ==, 4);
  g_assert_cmpuint (aisle_money_get_decimals ("XYZ"), ==, 2);
  g_assert_cmpuint (aisle_money_get_decimals (""), ==, 2);
  g_assert_cmpuint (aisle_money_get_decimals (NULL), ==, 2);
  g_assert_cmpuint (aisle_money_get_decimals ("jpy"), ==, 0);
}

static void
test_zero_and_three_decimals (void)
{
  assert_money (1200, "JPY", "it", "1.200" NBSP "¥");
  assert_money (1200, "JPY", "es", "1200" NBSP "¥");
  assert_money (5, "JPY", "en", "¥5");
  assert_money (1500, "KWD", "en", "KWD 1.500");
  assert_money (1500, "KWD", "it", "1,500" NBSP "KWD");
  assert_money (1234567, "KWD", "en", "KWD 1,234.567");
  assert_money (1, "KWD", "de", "0,001" NBSP "KWD");
  assert_money (150000, "KRW", "en", "KRW 150,000");
}

static void
test_krona (void)
{
  assert_money (129900, "SEK", "en", "1,299.00" NBSP "kr");
  assert_money (129900, "NOK", "de", "1.299,00" NBSP "kr");
  assert_money (-550, "DKK", "it", "-5,50" NBSP "kr");
}

static void
test_other_symbols_trail (void)
{
  assert_money (399, "USD", "it", "3,99" NBSP "$");
  assert_money (399, "USD", "es", "3,99" NBSP "$");
  assert_money (1250, "CHF", "de", "12,50" NBSP "CHF");
  assert_money (1200, "GBP", "es", "12,00" NBSP "£");
}

static void
test_unknown_code (void)
{
  assert_money (1250, "XYZ", "en", "XYZ 12.50");
  assert_money (1250, "XYZ", "it", "12,50" NBSP "XYZ");
  assert_money (-129900, "XYZ", "en", "-XYZ 1,299.00");
  /* shown as given, but never more than three ASCII letters */
  assert_money (1250, "xyz", "en", "xyz 12.50");
  assert_money (1250, "EURO", "en", "EUR 12.50");
  assert_money (1250, "AB1", "en", "AB 12.50");
  assert_money (1250, "<b>bold</b>", "de", "12,50");
  assert_money (1250, "€", "en", "12.50");
}

static void
test_empty_code (void)
{
  assert_money (1250, "", "en", "12.50");
  assert_money (1250, "", "it", "12,50");
  assert_money (-129900, "", "en", "-1,299.00");
  assert_money (1250, NULL, "en", "12.50");
  assert_money (129900, NULL, "es", "1299,00");
}

static void
test_code_case (void)
{
  /* Feeds that write the code in lower case still get the symbol. */
  assert_money (1250, "eur", "en", "€12.50");
  assert_money (1250, "chf", "en", "CHF 12.50");
  assert_money (1200, "Jpy", "en", "¥1,200");
}

static void
test_languages (void)
{
  /* anything but it, de and es is English */
  assert_money (129900, "EUR", "fr", "€1,299.00");
  assert_money (129900, "EUR", "", "€1,299.00");
  assert_money (129900, "EUR", NULL, "€1,299.00");
  assert_money (129900, "EUR", "ita", "€1,299.00");
  assert_money (129900, "EUR", "i", "€1,299.00");
  /* regional and locale-style names are their language */
  assert_money (129900, "EUR", "it_IT", "1.299,00" NBSP "€");
  assert_money (129900, "EUR", "de-AT", "1.299,00" NBSP "€");
  assert_money (129900, "EUR", "es_ES.UTF-8", "1299,00" NBSP "€");
  assert_money (129900, "EUR", "DE", "1.299,00" NBSP "€");
  assert_money (129900, "GBP", "en_GB", "£1,299.00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/format/header-examples/en", test_header_examples_en);
  g_test_add_func ("/money/format/header-examples/it", test_header_examples_it);
  g_test_add_func ("/money/format/header-examples/de", test_header_examples_de);
  g_test_add_func ("/money/format/header-examples/es", test_header_examples_es);
  g_test_add_func ("/money/format/spanish-grouping", test_spanish_grouping);
  g_test_add_func ("/money/format/grouping-boundaries", test_grouping_boundaries);
  g_test_add_func ("/money/format/zero", test_zero);
  g_test_add_func ("/money/format/one-cent", test_one_cent);
  g_test_add_func ("/money/format/negative", test_negative);
  g_test_add_func ("/money/format/extremes", test_extremes);
  g_test_add_func ("/money/format/zero-and-three-decimals", test_zero_and_three_decimals);
  g_test_add_func ("/money/format/krona", test_krona);
  g_test_add_func ("/money/format/other-symbols-trail", test_other_symbols_trail);
  g_test_add_func ("/money/format/unknown-code", test_unknown_code);
  g_test_add_func ("/money/format/empty-code", test_empty_code);
  g_test_add_func ("/money/format/code-case", test_code_case);
  g_test_add_func ("/money/format/languages", test_languages);
  g_test_add_func ("/money/decimals", test_decimals);

  return g_test_run ();
}
