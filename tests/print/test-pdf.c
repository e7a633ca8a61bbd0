/* test-pdf.c: the cairo drawing of a slip, as PDF, read back by poppler and zbar
 *
 * The PDF is rasterised with `pdftoppm -r 150 -png` and its QR codes decoded
 * with `zbarimg`, the way a phone would read them; its text comes out of
 * `pdftotext` with the umlauts, accents and the euro sign intact.
 */
#include "config.h"

#include <string.h>

#include "aisle-pdf-printer.h"
#include "aisle-slip-render.h"
#include "print-test-util.h"

#define ORDER_URL "https://shop.casanord.example/o/CN-000123?k=9f3a"
#define PHONE_URL "https://shop.casanord.example/list?items=301.334.50*2,302.118.07*1,303.500.12*1,304.210.99*1,305.001.44*1"

static PrintFixture fixture;

typedef struct
{
  gboolean  done;
  GError   *error;
} Result;

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  aisle_printer_print_finish (AISLE_PRINTER (object), result, &r->error);
  r->done = TRUE;
}

static void
test_a4 (void)
{
  g_autofree char *dir = print_test_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "pdf", NULL);
  g_autoptr(AislePdfPrinter) printer = aisle_pdf_printer_new (folder);
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  g_autofree char *path = aisle_pdf_printer_get_path (printer, slip);
  g_autofree char *expected_name = g_strconcat (aisle_slip_get_id (slip), ".pdf", NULL);
  g_autofree char *codes = NULL;
  g_autofree char *text = NULL;
  Result r = { 0 };

  g_assert_true (g_str_has_suffix (path, expected_name));
  aisle_printer_print_async (AISLE_PRINTER (printer), slip, NULL, printed_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  print_test_keep (path, "slip-a4-de.pdf");
  codes = print_test_pdf_qr_codes (path);
  g_assert_nonnull (strstr (codes, ORDER_URL "\n"));
  g_assert_nonnull (strstr (codes, PHONE_URL "\n"));

  text = print_test_pdf_text (path, FALSE);
  g_assert_nonnull (strstr (text, "Casa Nord Milano"));
  g_assert_nonnull (strstr (text, "Selbst abholen"));
  g_assert_nonnull (strstr (text, "Test € äöü ß àèìòù ñ"));
  g_assert_nonnull (strstr (text, "Kleiderschrank ÖDE"));
  g_assert_nonnull (strstr (text, "Paket 2 von 2: Böden"));
  g_assert_nonnull (strstr (text, "Gesamt"));
  g_assert_nonnull (strstr (text, "1.542,86"));
  g_assert_nonnull (strstr (text, "4821"));
  print_test_remove_dir (dir);
}

/* An 80 mm roll, in Italian and Spanish: one page as long as the slip. */
static void
assert_roll (AisleLanguage  language,
             const char    *heading,
             const char    *name)
{
  g_autofree char *dir = print_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "roll.pdf", NULL);
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, language, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *text = NULL;

  g_assert_true (aisle_slip_write_pdf (slip, path, AISLE_PDF_80MM_WIDTH, 0, 8, &error));
  g_assert_no_error (error);
  {
    g_autofree char *kept = g_strdup_printf ("slip-80mm-%s.pdf", aisle_language_get_code (language));
    print_test_keep (path, kept);
  }

  codes = print_test_pdf_qr_codes (path);
  g_assert_cmpstr (codes, ==, PHONE_URL "\n");
  text = print_test_pdf_text (path, FALSE);
  g_assert_nonnull (strstr (text, heading));
  g_assert_nonnull (strstr (text, name));
  g_assert_nonnull (strstr (text, "€"));
  /* One page: pdftotext ends pages with a form feed. */
  g_assert_cmpuint (strchr (text, '\f') - text, ==, strlen (text) - 1);
  print_test_remove_dir (dir);
}

static void
test_roll (void)
{
  assert_roll (AISLE_LANGUAGE_IT, "Prendilo tu", "Divano letto NIÑA");
  assert_roll (AISLE_LANGUAGE_ES, "Recógelo tú", "Estantería, roble");
}

static void
test_paginate (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  double height = aisle_slip_render_get_height (slip, 300);
  g_autoptr(GArray) one = aisle_slip_render_paginate (slip, 300, height + 1);
  g_autoptr(GArray) many = aisle_slip_render_paginate (slip, 300, 200);

  g_assert_cmpfloat (height, >, 400);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (many->len, >=, (guint)(height / 200));
  for (guint i = 1; i < many->len; i++)
    {
      double start = g_array_index (many, double, i);
      double previous = g_array_index (many, double, i - 1);

      /* Breaks between blocks: never past a full page, never standing still. */
      g_assert_cmpfloat (start, >, previous);
      g_assert_cmpfloat (start - previous, <=, 200);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  print_test_init_i18n ();
  print_fixture_load (&fixture);

  g_test_add_func ("/pdf/a4", test_a4);
  g_test_add_func ("/pdf/roll", test_roll);
  g_test_add_func ("/pdf/paginate", test_paginate);

  status = g_test_run ();
  print_fixture_clear (&fixture);
  return status;
}
