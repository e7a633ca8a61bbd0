/* test-escpos.c: slips as ESC/POS bytes, read back by an independent decoder
 *
 * tests/print/escpos-decode.py reads the stream as a printer would (code
 * page, bold, sizes, alignment, QR codes from GS ( k or from the GS v 0
 * image through zbarimg, feed, cut) and fails on any byte it does not
 * understand or any line wider than the paper. The slip is checked line by
 * line in German, Spanish and Italian on 80 and 58 mm paper.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-escpos.h"
#include "print-test-util.h"

#define NBSP "\302\240"
#define ORDER_URL "https://shop.casanord.example/o/CN-000123?k=9f3a"
#define PHONE_URL "https://shop.casanord.example/list?items=301.334.50*2,302.118.07*1,303.500.12*1,304.210.99*1,305.001.44*1"

/* "€ äöü ß àèìòù ñ" in PC858. */
static const guint8 accents_pc858[] = { 0xD5, ' ', 0x84, 0x94, 0x81, ' ', 0xE1, ' ', 0x85, 0x8A, 0x8D, 0x95, 0x97,
                                        ' ', 0xA4 };

static PrintFixture fixture;

/* The stream through tests/print/escpos-decode.py, one event per line. */
static GPtrArray *
decode (GBytes *bytes,
        guint   columns)
{
  g_autofree char *dir = print_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "job.bin", NULL);
  g_autofree char *columns_arg = g_strdup_printf ("%u", columns);
  const char *args[] = { "--columns", columns_arg, path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  out = print_test_run_python ("escpos-decode.py", args);
  print_test_remove_dir (dir);
  if (g_getenv ("AISLE_PRINT_DUMP"))
    g_printerr ("%s", out);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (result, g_strdup (lines[i]));
  return result;
}

static GBytes *
render (AisleSlip         *slip,
        guint              columns,
        AisleEscposQrMode  mode)
{
  AisleEscposOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  aisle_escpos_options_init (&options);
  options.columns = columns;
  options.qr_mode = mode;
  bytes = aisle_escpos_render (slip, &options, &error);
  g_assert_no_error (error);
  return bytes;
}

/* Expected lines */

static void
expect (GPtrArray  *expected,
        const char *line)
{
  g_ptr_array_add (expected, g_strdup (line));
}

/* A paragraph as a printer with @width columns shows it, wrapped at spaces
 * (the test's own greedy wrap, not the encoder's); @tag like "[C]". */
static void
expect_wrapped (GPtrArray  *expected,
                const char *tag,
                const char *text,
                guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong line_len = g_utf8_strlen (line->str, -1);
      glong word_len = g_utf8_strlen (words[i], -1);

      if (line->len > 0 && line_len + 1 + word_len > (glong)width)
        {
          g_ptr_array_add (expected, g_strdup_printf ("%s %s", tag, line->str));
          g_string_truncate (line, 0);
        }
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
    }
  g_ptr_array_add (expected, g_strdup_printf ("%s %s", tag, line->str));
}

/* "[L] Label ....... 9,90 €" on @width columns. */
static void
expect_pair (GPtrArray  *expected,
             const char *tag,
             const char *label,
             const char *amount,
             guint       width)
{
  glong pad = (glong)width - g_utf8_strlen (label, -1) - g_utf8_strlen (amount, -1);

  g_assert_cmpint (pad, >, 0);
  g_ptr_array_add (expected, g_strdup_printf ("%s %s%*s%s", tag, label, (int)pad, "", amount));
}

static void
assert_lines (GPtrArray *actual,
              GPtrArray *expected)
{
  for (guint i = 0; i < MIN (actual->len, expected->len); i++)
    {
      if (g_strcmp0 (g_ptr_array_index (actual, i), g_ptr_array_index (expected, i)) != 0)
        g_error ("line %u: got\n  “%s”\nexpected\n  “%s”", i + 1, (char *)g_ptr_array_index (actual, i),
                 (char *)g_ptr_array_index (expected, i));
    }
  g_assert_cmpuint (actual->len, ==, expected->len);
}

static gboolean
contains_line (GPtrArray  *lines,
               const char *line)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_str_equal (g_ptr_array_index (lines, i), line))
      return TRUE;
  return FALSE;
}

static gboolean
bytes_contain (GBytes       *bytes,
               const guint8 *needle,
               gsize         needle_len)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (data + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

/* ESC @, then ESC t 19 (PC858) before any text. */
static void
assert_code_page (GBytes *bytes)
{
  static const guint8 start[] = { 0x1B, '@', 0x1B, 't', 19 };
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, >, sizeof start);
  g_assert_cmpmem (data, sizeof start, start, sizeof start);
}

/* The units */

static void
test_encode_text (void)
{
  static const struct { const char *utf8; const char *pc858; } cases[] = {
    { "€ äöü ß àèìòù ñ", "\xD5 \x84\x94\x81 \xE1 \x85\x8A\x8D\x95\x97 \xA4" },
    { "ÄÖÜ ÀÈÌÒÙ Ñ É ç", "\x8E\x99\x9A \xB7\xD4\xDE\xE3\xEB \xA5 \x90 \x87" },
    { "a\xCC\x80", "\x85" },                     /* a + combining grave: à */
    { "12,00" NBSP "€", "12,00\xFF\xD5" },      /* stays unbreakable */
    { "12:00\xE2\x80\x93" "14:00 \xE2\x80\x9Cja\xE2\x80\x9D\xE2\x80\xA6", "12:00-14:00 \"ja\"..." },
    { "\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x9B\x8B", "?? ?" },   /* unmappable */
    { "a\x1B" "d\x10\x04\x01z", "a d   z" },       /* never a command */
    { "two\nlines", "two\nlines" },
    { "bad \xFF utf-8", "bad ? utf-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len;
      g_autofree char *out = aisle_escpos_encode_text (cases[i].utf8, &len);

      g_assert_cmpmem (out, len, cases[i].pc858, strlen (cases[i].pc858));
    }
}

static void
assert_wrap (const char  *text,
             guint        first,
             guint        width,
             const char  *expected)
{
  g_autoptr(GPtrArray) lines = aisle_escpos_wrap (text, first, width);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (joined, "%s%s", i ? "|" : "", (char *)g_ptr_array_index (lines, i));
  g_assert_cmpstr (joined->str, ==, expected);
}

static void
test_wrap (void)
{
  assert_wrap ("Regal, Eiche", 32, 32, "Regal, Eiche");
  assert_wrap ("aaa bbb ccc", 7, 7, "aaa bbb|ccc");
  assert_wrap ("aaa bbb ccc", 3, 11, "aaa|bbb ccc");
  assert_wrap ("abcdefghij", 4, 4, "abcd|efgh|ij");
  assert_wrap ("one\n\ntwo", 10, 10, "one||two");
  assert_wrap ("  spaced   out  ", 20, 20, "spaced out");
  assert_wrap ("", 10, 10, "");
}

/* Whole slips */

static GPtrArray *
expected_german_80mm (void)
{
  GPtrArray *e = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = g_strdup_printf (print_test_tr ("Order %s"), "CN-000123");

  expect (e, "INIT");
  expect (e, "CODEPAGE 19 cp858");
  expect (e, "[C B 2x2] Casa Nord");
  expect (e, "[C] Casa Nord Milano");
  expect (e, "[C] 20.11.2026 09:30");
  expect (e, "[L] ================================================");
  expect_wrapped (e, "[C B 1x2]", title, 48);
  expect (e, "[C] Abholcode");
  expect (e, "[C B 2x2] 4821");
  expect (e, "[L] Casa Nord Milano");
  expect (e, "[L] 21.11.2026, 12:00-14:00");
  expect (e, "QR native " ORDER_URL);
  expect (e, "[C]");
  expect (e, "[C] Scannen, um Ihre Bestellung auf dem Handy zu");
  expect (e, "[C] verfolgen");
  expect (e, "[L] ------------------------------------------------");
  expect (e, "[L B 1x2] Selbst abholen");
  expect (e, "[L] 6 Pakete aus dem SB-Bereich, in Laufreihenfolge");
  /* Walking order: aisle 2, 12, 31, then the place nobody knows. */
  expect (e, "[L]");
  expect (e, "[L B] Gang 2 · Regal 10");
  expect (e, "[L]   1 × 302.118.07 Test € äöü ß àèìòù ñ");
  expect (e, "[L]       Ein Paket");
  expect (e, "[L]");
  expect (e, "[L B] Gang 12 · Regal 04");
  expect (e, "[L]   2 × 301.334.50 Regal, Eiche");
  expect (e, "[L]       Paket 1 von 2: Rahmen");
  expect (e, "[L]");
  expect (e, "[L B] Gang 31 · Regal 17");
  expect (e, "[L]   2 × 301.334.50 Regal, Eiche");
  expect (e, "[L]       Paket 2 von 2: Böden");
  expect (e, "[L]");
  expect (e, "[L B] Gang ? · Regal ?");
  expect (e, "[L]   1 × 303.500.12 SPEGLA Spiegel");
  expect (e, "[L]       Ein Paket");
  expect (e, "[L] ------------------------------------------------");
  expect (e, "[L B 1x2] Wir bereiten es vor");
  expect (e, "[L] Bezahlen Sie an der Kasse; das Personal bringt");
  expect (e, "[L] sie zur Warenausgabe, oder wir liefern sie.");
  expect (e, "[L]");
  expect (e, "[L] 1 × 304.210.99 Kleiderschrank ÖDE");
  expect (e, "[L]     Abholung an der Warenausgabe        349,00" NBSP "€");
  expect (e, "[L]");
  expect (e, "[L] 1 × 305.001.44 Schlafsofa NIÑA");
  expect (e, "[L]     Mit Lieferung bestellen             899,00" NBSP "€");
  expect (e, "[L] ------------------------------------------------");
  expect (e, "[L] Selbst abholen                          284,96" NBSP "€");
  expect (e, "[L] Wir bereiten es vor                   1.248,00" NBSP "€");
  expect_pair (e, "[L]", print_test_tr ("Delivery and services"), "9,90" NBSP "€", 48);
  expect (e, "[L B 1x2] Gesamt                                1.542,86" NBSP "€");
  expect (e, "[L] ================================================");
  expect (e, "QR native " PHONE_URL);
  expect (e, "[C]");
  expect_wrapped (e, "[C]", print_test_tr ("Scan to open this list on your phone"), 48);
  expect (e, "FEED 3");
  expect (e, "CUT partial");
  return e;
}

static void
test_german_80mm (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  g_autoptr(GBytes) bytes = render (slip, 48, AISLE_ESCPOS_QR_NATIVE);
  g_autoptr(GPtrArray) lines = decode (bytes, 48);
  g_autoptr(GPtrArray) expected = expected_german_80mm ();

  assert_code_page (bytes);
  g_assert_true (bytes_contain (bytes, accents_pc858, sizeof accents_pc858));
  assert_lines (lines, expected);
}

static GPtrArray *
expected_spanish_58mm (void)
{
  GPtrArray *e = g_ptr_array_new_with_free_func (g_free);

  expect (e, "INIT");
  expect (e, "CODEPAGE 19 cp858");
  expect (e, "[C B 2x2] Casa Nord");
  expect (e, "[C] Casa Nord Milano");
  expect (e, "[C] 20/11/2026 09:30");
  expect (e, "[L] ================================");
  expect (e, "[L B 1x2] Recógelo tú");
  expect (e, "[L] 6 paquetes que recoger en la");
  expect (e, "[L] zona de autoservicio, en orden");
  expect (e, "[L] de recorrido");
  expect (e, "[L]");
  expect (e, "[L B] Pasillo 2 · Estante 10");
  /* 32 columns: names wrap under themselves, after "1 × ". */
  expect (e, "[L]   1 × 302.118.07 Test € äöü ß");
  expect (e, "[L]       àèìòù ñ");
  expect (e, "[L]       Un paquete");
  expect (e, "[L]");
  expect (e, "[L B] Pasillo 12 · Estante 04");
  expect (e, "[L]   2 × 301.334.50 Estantería,");
  expect (e, "[L]       roble");
  expect (e, "[L]       Paquete 1 de 2: Estructura");
  expect (e, "[L]");
  expect (e, "[L B] Pasillo 31 · Estante 17");
  expect (e, "[L]   2 × 301.334.50 Estantería,");
  expect (e, "[L]       roble");
  expect (e, "[L]       Paquete 2 de 2: Baldas");
  expect (e, "[L]");
  expect (e, "[L B] Pasillo ? · Estante ?");
  expect (e, "[L]   1 × 303.500.12 Espejo SPEGLA");
  expect (e, "[L]       Un paquete");
  expect (e, "[L] --------------------------------");
  expect (e, "[L B 1x2] Te lo preparamos");
  expect (e, "[L] Paga en caja; el personal los");
  expect (e, "[L] lleva al mostrador de entrega, o");
  expect (e, "[L] te los enviamos.");
  expect (e, "[L]");
  expect (e, "[L] 1 × 304.210.99 Armario ÖDE");
  expect (e, "[L]     Se recoge en el     349,00" NBSP "€");
  expect (e, "[L]     mostrador de entrega");
  expect (e, "[L]");
  expect (e, "[L] 1 × 305.001.44 Sofá cama NIÑA");
  expect (e, "[L]     Pídelo con entrega  899,00" NBSP "€");
  expect (e, "[L]     a domicilio");
  expect (e, "[L] --------------------------------");
  /* Spanish style: no thousands separator below five digits. */
  expect (e, "[L] Recógelo tú             284,96" NBSP "€");
  expect (e, "[L] Te lo preparamos       1248,00" NBSP "€");
  expect (e, "[L B 1x2] Total                  1532,96" NBSP "€");
  expect (e, "[L] ================================");
  expect (e, "QR raster " PHONE_URL);
  expect (e, "[C]");
  expect_wrapped (e, "[C]", print_test_tr ("Scan to open this list on your phone"), 32);
  expect (e, "FEED 3");
  expect (e, "CUT partial");
  return e;
}

static void
test_spanish_58mm (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_ES, FALSE);
  g_autoptr(GBytes) bytes = render (slip, 32, AISLE_ESCPOS_QR_RASTER);
  g_autoptr(GPtrArray) lines = decode (bytes, 32);
  g_autoptr(GPtrArray) expected = expected_spanish_58mm ();
  /* Wrapped after "ß": the two halves of the accents, each in PC858. */
  static const guint8 first[] = { 0xD5, ' ', 0x84, 0x94, 0x81, ' ', 0xE1, '\n' };
  static const guint8 second[] = { 0x85, 0x8A, 0x8D, 0x95, 0x97, ' ', 0xA4, '\n' };

  assert_code_page (bytes);
  g_assert_true (bytes_contain (bytes, first, sizeof first));
  g_assert_true (bytes_contain (bytes, second, sizeof second));
  assert_lines (lines, expected);
}

/* Italian, with an order still to be sent: the order's own part, raster QR
 * codes on 80 mm and native ones on 58 mm. */
static void
assert_italian (guint             columns,
                AisleEscposQrMode mode)
{
  g_autoptr(AisleShoppingList) list = print_test_list ();
  g_autoptr(GDateTime) now = print_test_now ();
  AisleSlipOrder order = {
    .number = NULL,
    .reference = ORDER_URL,
    .fulfillment = "Consegna a domicilio\nVia Roma 1, 20121 Milano",
    .pending = TRUE,
  };
  g_autoptr(AisleSlip) slip = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  const char *kind = mode == AISLE_ESCPOS_QR_RASTER ? "raster" : "native";
  g_autofree char *order_qr = g_strdup_printf ("QR %s %s", kind, ORDER_URL);
  g_autofree char *phone_qr = g_strdup_printf ("QR %s %s", kind, PHONE_URL);
  g_autofree char *rule = g_strnfill (columns, '=');
  g_autofree char *rule_line = g_strdup_printf ("[L] %s", rule);
  g_autofree char *title = NULL;

  aisle_language_set_current (AISLE_LANGUAGE_IT);
  title = g_strdup_printf ("[C B 1x2] %s", print_test_tr ("Your order"));
  slip = aisle_slip_new_for_list (list, fixture.catalog, fixture.stock, AISLE_LANGUAGE_IT, now, &order);
  bytes = render (slip, columns, mode);
  lines = decode (bytes, columns);

  assert_code_page (bytes);
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==, "[C B 2x2] Casa Nord");
  g_assert_cmpstr (g_ptr_array_index (lines, 4), ==, "[C] 20/11/2026 09:30");
  g_assert_cmpstr (g_ptr_array_index (lines, 5), ==, rule_line);
  g_assert_cmpstr (g_ptr_array_index (lines, 6), ==, title);
  /* No pickup code given: no pickup code printed. */
  g_assert_cmpstr (g_ptr_array_index (lines, 7), ==, "[L] Consegna a domicilio");
  g_assert_cmpstr (g_ptr_array_index (lines, 8), ==, "[L] Via Roma 1, 20121 Milano");
  expect_wrapped (pending, "[L B]",
                  print_test_tr ("Your order is saved on this kiosk and will be sent to the store as soon as it can be."),
                  columns);
  for (guint i = 0; i < pending->len; i++)
    g_assert_cmpstr (g_ptr_array_index (lines, 9 + i), ==, g_ptr_array_index (pending, i));
  g_assert_cmpstr (g_ptr_array_index (lines, 9 + pending->len), ==, order_qr);

  g_assert_true (contains_line (lines, "[L B 1x2] Prendilo tu"));
  g_assert_true (contains_line (lines, "[L B] Corsia 2 · Scaffale 10"));
  g_assert_true (contains_line (lines, "[L B] Corsia 31 · Scaffale 17"));
  g_assert_true (contains_line (lines, "[L B] Corsia ? · Scaffale ?"));
  g_assert_true (contains_line (lines, "[L B 1x2] Lo prepariamo noi"));
  g_assert_true (contains_line (lines, phone_qr));
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "CUT partial");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 2), ==, "FEED 3");
  if (columns == 48)
    {
      g_assert_true (contains_line (lines, "[L]       Collo 2 di 2: Ripiani"));
      g_assert_true (contains_line (lines, "[L]   1 × 302.118.07 Test € äöü ß àèìòù ñ"));
      g_assert_true (bytes_contain (bytes, accents_pc858, sizeof accents_pc858));
    }
  g_assert_true (contains_line (lines, columns == 48
                                ? "[L B 1x2] Totale                                1.532,96" NBSP "€"
                                : "[L B 1x2] Totale                1.532,96" NBSP "€"));
}

static void
test_italian_80mm (void)
{
  assert_italian (48, AISLE_ESCPOS_QR_RASTER);
}

static void
test_italian_58mm (void)
{
  assert_italian (32, AISLE_ESCPOS_QR_NATIVE);
}

/* German on 58 mm and Spanish on 80 mm: the other QR mode of each. */
static void
test_other_widths (void)
{
  g_autoptr(AisleSlip) german = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  g_autoptr(GBytes) german_bytes = render (german, 32, AISLE_ESCPOS_QR_RASTER);
  g_autoptr(GPtrArray) german_lines = decode (german_bytes, 32);
  g_autoptr(AisleSlip) spanish = print_test_slip (&fixture, AISLE_LANGUAGE_ES, TRUE);
  g_autoptr(GBytes) spanish_bytes = render (spanish, 48, AISLE_ESCPOS_QR_NATIVE);
  g_autoptr(GPtrArray) spanish_lines = decode (spanish_bytes, 48);

  assert_code_page (german_bytes);
  g_assert_true (contains_line (german_lines, "QR raster " ORDER_URL));
  g_assert_true (contains_line (german_lines, "QR raster " PHONE_URL));
  g_assert_true (contains_line (german_lines, "[L]     Abholung an der     349,00" NBSP "€"));
  g_assert_true (contains_line (german_lines, "[L B 1x2] Gesamt                1.542,86" NBSP "€"));
  g_assert_true (contains_line (german_lines, "[C B 2x2] 4821"));

  assert_code_page (spanish_bytes);
  g_assert_true (bytes_contain (spanish_bytes, accents_pc858, sizeof accents_pc858));
  g_assert_true (contains_line (spanish_lines, "QR native " ORDER_URL));
  g_assert_true (contains_line (spanish_lines, "QR native " PHONE_URL));
  g_assert_true (contains_line (spanish_lines, "[L B] Pasillo 12 · Estante 04"));
  g_assert_true (contains_line (spanish_lines, "[L B 1x2] Total                                  1542,86" NBSP "€"));
}

/* Text from a file or a feed can hold anything; the printer must only ever
 * get text, never a command hidden in a product name. */
static void
test_hostile_text (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_EN, TRUE);
  g_autofree char *json = aisle_slip_to_json (slip);
  g_autoptr(GString) hostile = g_string_new (json);
  g_autoptr(AisleSlip) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (hostile, "Casa Nord Milano", "Casa\\u001bd\\u0010\\u0004\\u0001\\u001dV1", 0),
                    >, 0);
  copy = aisle_slip_new_from_json (hostile->str, -1, &error);
  g_assert_no_error (error);
  bytes = render (copy, 32, AISLE_ESCPOS_QR_NATIVE);
  lines = decode (bytes, 32);
  /* Each control character is a space; the wrap folds the spaces. */
  g_assert_true (contains_line (lines, "[C] Casa d V1"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  print_test_init_i18n ();
  print_fixture_load (&fixture);

  g_test_add_func ("/escpos/encode-text", test_encode_text);
  g_test_add_func ("/escpos/wrap", test_wrap);
  g_test_add_func ("/escpos/german-80mm", test_german_80mm);
  g_test_add_func ("/escpos/spanish-58mm", test_spanish_58mm);
  g_test_add_func ("/escpos/italian-80mm", test_italian_80mm);
  g_test_add_func ("/escpos/italian-58mm", test_italian_58mm);
  g_test_add_func ("/escpos/other-widths", test_other_widths);
  g_test_add_func ("/escpos/hostile-text", test_hostile_text);

  status = g_test_run ();
  print_fixture_clear (&fixture);
  return status;
}
