/* test-text.c: search folding, digit extraction and GTIN check digits */
#define G_LOG_DOMAIN "test-text"

#include <string.h>

#include "aisle-text.h"

/* Folds @text both ways the catalog does (a new string, and appended after
 * existing index text) and checks that both give @expected. */
static void
assert_fold_len (const char *text,
                 gssize      len,
                 const char *expected)
{
  g_autofree char *folded = aisle_text_fold (text, len);
  g_autoptr(GString) index = g_string_new ("prefix|");
  gsize appended;

  g_assert_cmpstr (folded, ==, expected);

  appended = aisle_text_fold_append (index, text, len);
  g_assert_cmpuint (appended, ==, strlen (expected));
  g_assert_cmpuint (index->len, ==, strlen ("prefix|") + strlen (expected));
  g_assert_true (g_str_has_prefix (index->str, "prefix|"));
  g_assert_cmpstr (index->str + strlen ("prefix|"), ==, expected);
}

static void
assert_fold (const char *text,
             const char *expected)
{
  assert_fold_len (text, -1, expected);
}

static void
test_fold_german (void)
{
  assert_fold ("Möbel", "mobel");
  assert_fold ("Größe Über", "grosse uber");
}

static void
test_fold_italian (void)
{
  assert_fold ("Cuscìno", "cuscino");
  assert_fold ("Perché più", "perche piu");
}

static void
test_fold_sharp_s (void)
{
  assert_fold ("STRAßE", "strasse");
  /* the capital sharp s, U+1E9E */
  assert_fold ("STRA\u1e9eE", "strasse");
}

static void
test_fold_ligatures (void)
{
  assert_fold ("Ærø", "aero");
  assert_fold ("Œuvre", "oeuvre");
  assert_fold ("cœur", "coeur");
  assert_fold ("Þór", "thor");
  assert_fold ("Ǽ ĳ ǅ", "ae ij dz");
}

static void
test_fold_stroke_letters (void)
{
  assert_fold ("Łódź", "lodz");
  assert_fold ("Đakovo", "dakovo");
  assert_fold ("Øresund", "oresund");
  assert_fold ("ıi İI", "ii ii");
}

static void
test_fold_upper_case_accents (void)
{
  assert_fold ("ÉLAN", "elan");
  assert_fold ("ÀÁÂÃÄÅ ÇÑ", "aaaaaa cn");
  assert_fold ("Ñandú", "nandu");
}

static void
test_fold_decomposed (void)
{
  /* The same words in NFD, as some feeds and keyboards produce them. */
  assert_fold ("Mo\u0308bel", "mobel");
  assert_fold ("Cusci\u0300no", "cuscino");
  assert_fold ("\u0301abc", "abc");
}

static void
test_fold_separators (void)
{
  assert_fold ("  Sofá-cama,  2 plazas! ", "sofa cama 2 plazas");
  assert_fold ("a\tb\nc\r\nd", "a b c d");
  assert_fold ("«Divano» — “letto”", "divano letto");
  assert_fold ("\u00a0Sofa\u00a0\u2009bed\u3000", "sofa bed");
  assert_fold ("...!?", "");
  assert_fold ("", "");
}

static void
test_fold_digits_kept (void)
{
  assert_fold ("140x200 cm", "140x200 cm");
  assert_fold ("KALLAX 2x4", "kallax 2x4");
  assert_fold ("Ø 35 cm", "o 35 cm");
  assert_fold ("m²", "m2");
}

static void
test_fold_invisible (void)
{
  /* A soft hyphen and a zero-width joiner are inside the word... */
  assert_fold ("Sofa\u00adbett", "sofabett");
  assert_fold ("Sofa\u200dbett", "sofabett");
  /* ...a zero-width space is a word break. */
  assert_fold ("Sofa\u200bbett", "sofa bett");
}

static void
test_fold_greek_cyrillic (void)
{
  assert_fold ("ΑΘΗΝΑ", "αθηνα");
  assert_fold ("Καναπές", "καναπές");
  assert_fold ("ДИВАН-Кровать", "диван кровать");
}

static void
test_fold_other_scripts (void)
{
  assert_fold ("沙发 ソファ", "沙发 ソファ");
  /* Devanagari vowel signs are combining marks that spell the word. */
  assert_fold ("सोफ़ा", "सोफ़ा");
  /* Full-width Latin is lowered but stays full-width. */
  assert_fold ("ＡＢＣ", "ａｂｃ");
}

static void
test_fold_symbols (void)
{
  assert_fold ("Sofa€199", "sofa 199");
  assert_fold ("Lampe™ 💡 neu", "lampe neu");
  assert_fold ("❤️Herz", "herz");
  assert_fold ("Kissen 👍🏽!", "kissen");
  assert_fold ("© ® ° ±", "");
  /* The Kelvin sign and the Ångström sign lower to Latin letters. */
  assert_fold ("\u212a\u212b", "ka");
}

static void
test_fold_invalid_utf8 (void)
{
  assert_fold ("\xff\xfe" "abc", "abc");
  assert_fold ("a\x80" "b", "ab");
  assert_fold ("M\xf6" "bel", "mbel");
  /* overlong '/', a surrogate, past U+10FFFF */
  assert_fold ("\xc0\xaf" "x", "x");
  assert_fold ("\xed\xa0\x80" "x", "x");
  assert_fold ("\xf4\x90\x80\x80" "x", "x");
  /* A sequence cut short by the end of the string... */
  assert_fold ("ab\xc3", "ab");
  assert_fold ("ab\xe2\x82", "ab");
  assert_fold ("ab\xf0\x9f\x98", "ab");
  /* ...or by @len, which must not be read past. */
  assert_fold_len ("caf\xc3\xa9", 4, "caf");
  assert_fold_len ("x\xf0\x9f\x98\x80", 4, "x");
}

static void
test_fold_invalid_utf8_heap (void)
{
  /* Exactly sized on the heap, so ASan catches any read past @len. */
  static const char *const cases[] = {
    "\xc3", "\xe2\x82", "\xf0\x9f\x98", "ab\xc3", "\xff", "a\xe2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = strlen (cases[i]);
      g_autofree char *copy = g_memdup2 (cases[i], len);
      g_autofree char *folded = aisle_text_fold (copy, len);
      g_autoptr(GString) out = g_string_new (NULL);

      aisle_text_fold_append (out, copy, len);
      g_assert_true (g_utf8_validate (folded, -1, NULL));
      g_assert_cmpstr (out->str, ==, folded);
    }
}

static void
test_fold_len_honoured (void)
{
  assert_fold_len ("abcdef", 3, "abc");
  assert_fold_len ("Möbelhaus", 3, "mo");
  /* len 2 cuts "ö" in half: the half is skipped */
  assert_fold_len ("Möbelhaus", 2, "m");
  assert_fold_len ("Sofa bed", 5, "sofa");
  assert_fold_len ("whatever", 0, "");
}

static void
test_fold_embedded_nul (void)
{
  assert_fold_len ("ab\0cd", 5, "ab cd");
  assert_fold_len ("\0\0ab\0", 5, "ab");
}

static void
test_fold_long_name (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    {
      g_string_append (name, "Möbel");
      g_string_append (expected, i == 0 ? "mobel" : " mobel");
      if (i % 2 == 0)
        g_string_append (name, " ");
      else
        g_string_append (name, ", ");
    }
  g_assert_cmpuint (g_utf8_strlen (name->str, -1), >=, 10000);

  assert_fold (name->str, expected->str);
}

static void
test_fold_growing_output (void)
{
  g_autoptr(GString) sharp = g_string_new (NULL);
  g_autoptr(GString) sharp_folded = g_string_new (NULL);
  g_autoptr(GString) stroke = g_string_new (NULL);
  g_autoptr(GString) stroke_folded = g_string_new (NULL);

  /* "ß" and "Ⱥ" fold to more bytes than they take: 2 → "ss", 2 → 3 ("ⱥ"). */
  for (guint i = 0; i < 10000; i++)
    {
      g_string_append (sharp, "ß");
      g_string_append (sharp_folded, "ss");
      g_string_append (stroke, i % 3 == 0 ? "Ⱥ." : "Ⱥ");
      /* the "." after every third one becomes a space before the next */
      g_string_append (stroke_folded, (i > 0 && (i - 1) % 3 == 0) ? " ⱥ" : "ⱥ");
    }

  assert_fold (sharp->str, sharp_folded->str);
  assert_fold (stroke->str, stroke_folded->str);
}

static void
test_fold_append (void)
{
  g_autoptr(GString) index = g_string_new ("sofa");
  gsize n;

  n = aisle_text_fold_append (index, " Möbel ", -1);
  /* no separator is added between the old text and the new */
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (index->str, ==, "sofamobel");

  n = aisle_text_fold_append (index, " !! ", -1);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (index->str, ==, "sofamobel");

  g_string_append_c (index, '\n');
  n = aisle_text_fold_append (index, "Łódź 2", -1);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (index->str, ==, "sofamobel\nlodz 2");
  g_assert_cmpuint (index->len, ==, strlen (index->str));
}

static void
test_fold_idempotent_and_caseless (void)
{
  /* Every code point, alone: folding is idempotent, gives valid UTF-8 with
   * no ASCII capitals, and a letter folds like its lower-case form. */
  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      char text[8];
      gsize len;
      g_autofree char *folded = NULL;
      g_autofree char *again = NULL;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;

      len = g_unichar_to_utf8 (c, text);
      folded = aisle_text_fold (text, len);
      again = aisle_text_fold (folded, -1);

      g_assert_true (g_utf8_validate (folded, -1, NULL));
      g_assert_cmpstr (again, ==, folded);
      for (const char *p = folded; *p != '\0'; p++)
        g_assert_false (g_ascii_isupper (*p) || *p == ' ');

      if (g_unichar_isalpha (c))
        {
          g_autofree char *lower_folded = NULL;

          len = g_unichar_to_utf8 (g_unichar_tolower (c), text);
          lower_folded = aisle_text_fold (text, len);
          g_assert_cmpstr (folded, ==, lower_folded);
        }
    }
}

static void
test_fold_nfc_matches_nfd (void)
{
  static const gunichar ranges[][2] = {
    { 0x00C0, 0x024F },
    { 0x1E00, 0x1EFF },
  };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
      {
        char text[8];
        gsize len = g_unichar_to_utf8 (c, text);
        g_autofree char *nfd = g_utf8_normalize (text, len, G_NORMALIZE_NFD);
        g_autofree char *folded = aisle_text_fold (text, len);
        g_autofree char *nfd_folded = aisle_text_fold (nfd, -1);

        g_assert_cmpstr (folded, ==, nfd_folded);
      }
}

static void
test_fold_threads_worker (gpointer data G_GNUC_UNUSED,
                          gpointer user_data G_GNUC_UNUSED)
{
  g_autofree char *folded = aisle_text_fold ("Cuscìno Möbel Łódź", -1);

  g_assert_cmpstr (folded, ==, "cuscino mobel lodz");
}

static void
test_fold_threads (void)
{
  g_autoptr(GError) error = NULL;
  GThreadPool *pool;

  /* Only meaningful as the first fold of the process (see main ()): several
   * threads then race to build the table of Latin letters. */
  pool = g_thread_pool_new (test_fold_threads_worker, NULL, 8, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 64; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

static void
test_digits (void)
{
  static const struct
  {
    const char *text;
    const char *digits;
  } cases[] = {
    { "104.233.67", "10423367" },
    { "", "" },
    { "abc", "" },
    { "EAN: 4006381333931", "4006381333931" },
    { "٣١٢ 7", "7" },  /* only ASCII digits */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *digits = aisle_text_digits (cases[i].text);

      g_assert_cmpstr (digits, ==, cases[i].digits);
    }
}

static void
test_gtin_valid (void)
{
  g_assert_true (aisle_text_is_valid_gtin ("96385074"));        /* GTIN-8 */
  g_assert_true (aisle_text_is_valid_gtin ("73513537"));
  g_assert_true (aisle_text_is_valid_gtin ("036000291452"));    /* GTIN-12 */
  g_assert_true (aisle_text_is_valid_gtin ("012345678905"));
  g_assert_true (aisle_text_is_valid_gtin ("4006381333931"));   /* GTIN-13 */
  g_assert_true (aisle_text_is_valid_gtin ("9780201379624"));
  g_assert_true (aisle_text_is_valid_gtin ("10012345678902"));  /* GTIN-14 */
  g_assert_true (aisle_text_is_valid_gtin ("00000000000000"));
}

static void
test_gtin_wrong_check_digit (void)
{
  g_assert_false (aisle_text_is_valid_gtin ("96385075"));
  g_assert_false (aisle_text_is_valid_gtin ("036000291453"));
  g_assert_false (aisle_text_is_valid_gtin ("4006381333930"));
  g_assert_false (aisle_text_is_valid_gtin ("10012345678901"));
  /* two digits swapped */
  g_assert_false (aisle_text_is_valid_gtin ("4006381339331"));
}

static void
test_gtin_wrong_length (void)
{
  g_assert_false (aisle_text_is_valid_gtin (""));
  g_assert_false (aisle_text_is_valid_gtin ("0"));
  g_assert_false (aisle_text_is_valid_gtin ("1234565"));           /* 7 */
  g_assert_false (aisle_text_is_valid_gtin ("000000000"));         /* 9 */
  g_assert_false (aisle_text_is_valid_gtin ("0000000000"));        /* 10 */
  g_assert_false (aisle_text_is_valid_gtin ("00000000000"));       /* 11 */
  g_assert_false (aisle_text_is_valid_gtin ("000000000000000"));   /* 15 */
  g_assert_false (aisle_text_is_valid_gtin ("04006381333931000000000000"));
}

static void
test_gtin_non_digits (void)
{
  g_assert_false (aisle_text_is_valid_gtin ("400638133393X"));
  g_assert_false (aisle_text_is_valid_gtin (" 4006381333931"));
  g_assert_false (aisle_text_is_valid_gtin ("4006381333931 "));
  g_assert_false (aisle_text_is_valid_gtin ("4006-381333931"));
  g_assert_false (aisle_text_is_valid_gtin ("+4006381333931"));
  g_assert_false (aisle_text_is_valid_gtin ("٤٠٠٦٣٨١٣٣٣٩٣١"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First, so that it is the one that builds the table. */
  g_test_add_func ("/text/fold/threads", test_fold_threads);
  g_test_add_func ("/text/fold/german", test_fold_german);
  g_test_add_func ("/text/fold/italian", test_fold_italian);
  g_test_add_func ("/text/fold/sharp-s", test_fold_sharp_s);
  g_test_add_func ("/text/fold/ligatures", test_fold_ligatures);
  g_test_add_func ("/text/fold/stroke-letters", test_fold_stroke_letters);
  g_test_add_func ("/text/fold/upper-case-accents", test_fold_upper_case_accents);
  g_test_add_func ("/text/fold/decomposed", test_fold_decomposed);
  g_test_add_func ("/text/fold/separators", test_fold_separators);
  g_test_add_func ("/text/fold/digits-kept", test_fold_digits_kept);
  g_test_add_func ("/text/fold/invisible", test_fold_invisible);
  g_test_add_func ("/text/fold/greek-cyrillic", test_fold_greek_cyrillic);
  g_test_add_func ("/text/fold/other-scripts", test_fold_other_scripts);
  g_test_add_func ("/text/fold/symbols", test_fold_symbols);
  g_test_add_func ("/text/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/text/fold/invalid-utf8-heap", test_fold_invalid_utf8_heap);
  g_test_add_func ("/text/fold/len-honoured", test_fold_len_honoured);
  g_test_add_func ("/text/fold/embedded-nul", test_fold_embedded_nul);
  g_test_add_func ("/text/fold/long-name", test_fold_long_name);
  g_test_add_func ("/text/fold/growing-output", test_fold_growing_output);
  g_test_add_func ("/text/fold/append", test_fold_append);
  g_test_add_func ("/text/fold/idempotent-and-caseless", test_fold_idempotent_and_caseless);
  g_test_add_func ("/text/fold/nfc-matches-nfd", test_fold_nfc_matches_nfd);
  g_test_add_func ("/text/digits", test_digits);
  g_test_add_func ("/text/gtin/valid", test_gtin_valid);
  g_test_add_func ("/text/gtin/wrong-check-digit", test_gtin_wrong_check_digit);
  g_test_add_func ("/text/gtin/wrong-length", test_gtin_wrong_length);
  g_test_add_func ("/text/gtin/non-digits", test_gtin_non_digits);

  return g_test_run ();
}
