/* print-test-util.c: what the printing tests share */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "aisle-feed-parser.h"
#include "print-test-util.h"

void
print_test_init_i18n (void)
{
  const char *localedir = g_getenv ("AISLE_LOCALEDIR");

  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "print", "fixtures", name, NULL);
  char *contents;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

void
print_fixture_load (PrintFixture *fixture)
{
  g_autoptr(GBytes) catalog_json = fixture_bytes ("catalog.json");
  g_autoptr(GBytes) stock_json = fixture_bytes ("stock.json");
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  AisleCatalogMeta meta = { 0 };

  image = aisle_feed_parse_catalog (catalog_json, &meta, NULL, &error);
  g_assert_no_error (error);
  fixture->catalog = aisle_catalog_new_from_bytes (image, &error);
  g_assert_no_error (error);
  fixture->stock = aisle_feed_parse_stock (fixture->catalog, stock_json, NULL, &error);
  g_assert_no_error (error);
}

void
print_fixture_clear (PrintFixture *fixture)
{
  g_clear_object (&fixture->stock);
  g_clear_object (&fixture->catalog);
}

AisleShoppingList *
print_test_list (void)
{
  AisleShoppingList *list = aisle_shopping_list_new ();

  aisle_shopping_list_add (list, "30000001", 2);
  aisle_shopping_list_add (list, "30000002", 1);
  aisle_shopping_list_add (list, "30000003", 1);
  aisle_shopping_list_add (list, "30000004", 1);
  aisle_shopping_list_add (list, "30000005", 1);
  return list;
}

GDateTime *
print_test_now (void)
{
  g_autoptr(GTimeZone) rome = g_time_zone_new_identifier ("Europe/Rome");

  g_assert_nonnull (rome);
  return g_date_time_new (rome, 2026, 11, 20, 9, 30, 0);
}

AisleSlip *
print_test_slip (PrintFixture  *fixture,
                 AisleLanguage  language,
                 gboolean       with_order)
{
  g_autoptr(AisleShoppingList) list = print_test_list ();
  g_autoptr(GDateTime) now = print_test_now ();
  AisleSlipOrder order = {
    .number = "CN-000123",
    .pickup_code = "4821",
    .reference = "https://shop.casanord.example/o/CN-000123?k=9f3a",
    .fulfillment = "Casa Nord Milano\n21.11.2026, 12:00\u201314:00",
    .pending = FALSE,
    .fees = 990,
  };

  aisle_language_set_current (language);
  return aisle_slip_new_for_list (list, fixture->catalog, fixture->stock, language, now,
                                  with_order ? &order : NULL);
}

char *
print_test_run_python (const char         *script,
                       const char * const *args)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "print", script, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer)"python3");
  g_ptr_array_add (argv, path);
  for (guint i = 0; args && args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", script, err);
  return out;
}

char *
print_test_run (const char * const *argv,
                gboolean            must_succeed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (must_succeed && !g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

char *
print_test_pdf_text (const char *pdf,
                     gboolean    layout)
{
  const char *plain[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *columns[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

  return print_test_run (layout ? columns : plain, TRUE);
}

char *
print_test_pdf_qr_codes (const char *pdf)
{
  g_autofree char *dir = print_test_temp_dir ();
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  const char *pdftoppm[] = { "pdftoppm", "-r", "150", "-png", pdf, prefix, NULL };
  g_autofree char *ignored = print_test_run (pdftoppm, TRUE);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GString) payloads = g_string_new (NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *png = g_build_filename (dir, name, NULL);
      const char *zbarimg[] = { "zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png, NULL };
      g_autofree char *out = print_test_run (zbarimg, FALSE);

      g_string_append (payloads, out);
    }
  print_test_remove_dir (dir);
  return g_string_free (g_steal_pointer (&payloads), FALSE);
}

char *
print_test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("aisle-print-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
print_test_remove_dir (const char *dir)
{
  g_autofree char *quoted = g_shell_quote (dir);
  g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

  g_assert_cmpint (system (command), ==, 0);
}

/* With AISLE_PRINT_DUMP=DIR, keeps a copy of @path there as @name, for a
 * person to look at. */
void
print_test_keep (const char *path,
                 const char *name)
{
  const char *dir = g_getenv ("AISLE_PRINT_DUMP");
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  gsize len;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return;
  copy = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
}

const char *
print_test_tr (const char *msgid)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}
