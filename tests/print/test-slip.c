/* test-slip.c: what a slip holds, and its JSON for the print queue
 *
 * A slip keeps its texts as they were made: read back from JSON after the
 * kiosk switched language, it prints the very same bytes. JSON that is not
 * a slip is refused with an error, never trusted.
 */
#include "config.h"

#include <string.h>

#include "aisle-error.h"
#include "aisle-escpos.h"
#include "print-test-util.h"

#define NBSP "\302\240"

static PrintFixture fixture;

static void
test_contents (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  const AisleSlipPickRow *row;
  const AisleSlipServeRow *serve;
  const AisleSlipTotal *total;

  g_assert_cmpstr (aisle_slip_get_language (slip), ==, "de");
  g_assert_true (g_str_has_prefix (aisle_slip_get_id (slip), "20261120-093000-"));
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_SHOP), ==, "Casa Nord");
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_STORE), ==, "Casa Nord Milano");
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_DATE), ==, "20.11.2026 09:30");
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_PICK_HEADING), ==, "Selbst abholen");
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_PICKUP_CODE), ==, "4821");
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_PENDING), ==, "");
  g_assert_cmpstr (aisle_slip_get_order_number (slip), ==, "CN-000123");
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_PHONE_URL), ==,
                   "https://shop.casanord.example/list?items=301.334.50*2,302.118.07*1,303.500.12*1,"
                   "304.210.99*1,305.001.44*1");

  /* Walking order: aisle 2, then 12 and 31 for the two boxes of one shelf,
   * then the box whose place is unknown. */
  g_assert_cmpuint (aisle_slip_get_n_pick_rows (slip), ==, 4);
  row = aisle_slip_get_pick_row (slip, 0);
  g_assert_cmpstr (row->aisle, ==, "2");
  g_assert_cmpstr (row->shelf, ==, "10");
  g_assert_cmpstr (row->name, ==, "Test € äöü ß àèìòù ñ");
  row = aisle_slip_get_pick_row (slip, 1);
  g_assert_cmpstr (row->article, ==, "301.334.50");
  g_assert_cmpstr (row->name, ==, "Regal, Eiche");
  g_assert_cmpstr (row->box, ==, "Paket 1 von 2: Rahmen");
  g_assert_cmpuint (row->quantity, ==, 2);
  g_assert_cmpuint (row->boxes, ==, 2);
  g_assert_cmpstr (aisle_slip_get_pick_row (slip, 2)->aisle, ==, "31");
  g_assert_null (aisle_slip_get_pick_row (slip, 3)->aisle);
  g_assert_null (aisle_slip_get_pick_row (slip, 3)->shelf);

  g_assert_cmpuint (aisle_slip_get_n_serve_rows (slip), ==, 2);
  serve = aisle_slip_get_serve_row (slip, 0);
  g_assert_cmpstr (serve->name, ==, "Kleiderschrank ÖDE");
  g_assert_cmpstr (serve->how, ==, "Abholung an der Warenausgabe");
  g_assert_cmpstr (serve->amount, ==, "349,00" NBSP "€");

  /* Both parts, the fees and the total. */
  g_assert_cmpuint (aisle_slip_get_n_totals (slip), ==, 4);
  total = aisle_slip_get_total (slip, 3);
  g_assert_true (total->grand);
  g_assert_cmpstr (total->amount, ==, "1.542,86" NBSP "€");
  g_assert_false (aisle_slip_get_total (slip, 0)->grand);
}

static void
test_only_picked (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(GDateTime) now = print_test_now ();
  g_autoptr(AisleSlip) slip = NULL;

  aisle_shopping_list_add (list, "30000003", 3);
  aisle_shopping_list_add (list, "gone-from-the-catalog", 1);
  aisle_language_set_current (AISLE_LANGUAGE_EN);
  slip = aisle_slip_new_for_list (list, fixture.catalog, NULL, AISLE_LANGUAGE_EN, now, NULL);

  /* One part, no order: the total alone; no stock: place unknown. */
  g_assert_false (aisle_slip_has_order (slip));
  g_assert_cmpuint (aisle_slip_get_n_pick_rows (slip), ==, 1);
  g_assert_null (aisle_slip_get_pick_row (slip, 0)->aisle);
  g_assert_cmpuint (aisle_slip_get_n_serve_rows (slip), ==, 0);
  g_assert_cmpuint (aisle_slip_get_n_totals (slip), ==, 1);
  g_assert_cmpstr (aisle_slip_get_total (slip, 0)->amount, ==, "€59.97");
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_STORE), ==, "");
  g_assert_cmpstr (aisle_slip_get_text (slip, AISLE_SLIP_PHONE_URL), ==,
                   "https://shop.casanord.example/list?items=303.500.12*3");
}

static GBytes *
escpos (AisleSlip *slip)
{
  AisleEscposOptions options;

  aisle_escpos_options_init (&options);
  return aisle_escpos_render (slip, &options, NULL);
}

static void
test_json_round_trip (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_DE, TRUE);
  g_autofree char *json = aisle_slip_to_json (slip);
  g_autoptr(GBytes) before = escpos (slip);
  g_autoptr(AisleSlip) copy = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  /* A reprint after the next shopper chose Italian still says "Selbst abholen". */
  aisle_language_set_current (AISLE_LANGUAGE_IT);
  copy = aisle_slip_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  again = aisle_slip_to_json (copy);
  g_assert_cmpstr (again, ==, json);
  g_assert_cmpstr (aisle_slip_get_id (copy), ==, aisle_slip_get_id (slip));
  g_assert_true (g_date_time_equal (aisle_slip_get_created_at (copy), aisle_slip_get_created_at (slip)));
  g_assert_cmpstr (aisle_slip_get_text (copy, AISLE_SLIP_PICK_HEADING), ==, "Selbst abholen");

  after = escpos (copy);
  g_assert_true (g_bytes_equal (before, after));
}

static void
assert_refused (const char *json,
                gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleSlip) slip = aisle_slip_new_from_json (json, len, &error);

  g_assert_null (slip);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
}

/* The slip's own JSON with @from replaced by @to, which must be refused. */
static void
assert_refused_edit (const char *json,
                     const char *from,
                     const char *to)
{
  g_autoptr(GString) edited = g_string_new (json);

  g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  assert_refused (edited->str, -1);
}

static void
test_json_hostile (void)
{
  g_autoptr(AisleSlip) slip = print_test_slip (&fixture, AISLE_LANGUAGE_ES, TRUE);
  g_autofree char *json = aisle_slip_to_json (slip);
  g_autofree char *long_text = g_strnfill (AISLE_SLIP_MAX_TEXT_BYTES + 1, 'x');
  g_autofree char *long_name = g_strdup_printf ("\"shop\":\"%s\"", long_text);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new ("\"pick\":[");

  assert_refused ("", 0);
  assert_refused ("null", -1);
  assert_refused ("[]", -1);
  assert_refused ("{}", -1);
  assert_refused (json, strlen (json) / 2);              /* cut short */
  assert_refused_edit (json, "\"aisle-slip\"", "\"aisle-order\"");
  assert_refused_edit (json, "\"format_version\":1", "\"format_version\":2");
  assert_refused_edit (json, aisle_slip_get_id (slip), "../../etc/passwd");
  assert_refused_edit (json, "\"language\":\"es\"", "\"language\":\"xx\"");
  assert_refused_edit (json, "\"created_at\":\"", "\"created_at\":\"yesterday");
  assert_refused_edit (json, "\"shop\":\"Casa Nord\"", long_name);
  assert_refused_edit (json, "\"shop\":\"Casa Nord\"", "\"shop\":\"Casa\\u0000Nord\"");
  assert_refused_edit (json, "\"shop\":\"Casa Nord\"", "\"shop\":42");
  assert_refused_edit (json, "\"shop\":\"Casa Nord\",", "");
  assert_refused_edit (json, "\"quantity\":2", "\"quantity\":-2");
  assert_refused_edit (json, "\"quantity\":2", "\"quantity\":\"2\"");
  assert_refused_edit (json, "\"pick\":[", "\"pick\":[null,");
  assert_refused_edit (json, "\"grand\":true", "\"grand\":1");
  assert_refused_edit (json, "\"has_order\":true", "\"has_order\":\"yes\"");
  assert_refused_edit (json, "\"order_url\":\"https", "\"order_url\":\"\",\"x\":\"");

  /* Invalid UTF-8, as raw bytes in the file. */
  assert_refused_edit (json, "Casa Nord Milano", "Casa \xC3\x28 Milano");

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, -1);

  for (guint i = 0; i <= AISLE_SLIP_MAX_ROWS; i++)
    g_string_append (many, "{},");
  assert_refused_edit (json, "\"pick\":[", many->str);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  print_test_init_i18n ();
  print_fixture_load (&fixture);

  g_test_add_func ("/slip/contents", test_contents);
  g_test_add_func ("/slip/only-picked", test_only_picked);
  g_test_add_func ("/slip/json-round-trip", test_json_round_trip);
  g_test_add_func ("/slip/json-hostile", test_json_hostile);

  status = g_test_run ();
  print_fixture_clear (&fixture);
  return status;
}
