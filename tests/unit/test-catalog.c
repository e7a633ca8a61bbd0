/* test-catalog.c: the catalog image: building, reading back, lookups, damage */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "aisle-catalog-builder.h"
#include "aisle-catalog-image.h"
#include "aisle-error.h"

static GBytes *
build_small (void)
{
  g_autoptr(AisleCatalogBuilder) builder = aisle_catalog_builder_new ();
  const char *names[4] = { "Sofas", "Divani", "Sofas", "Sofás" };
  AisleCatalogMeta meta = { "v1", "2026-11-20T08:30:00Z", "Shop", "https://shop.example/", "EUR", "\"etag\"", "file:///x", 42 };
  AislePackageDraft packages[2] = {
    { 1, { "Frame", "Telaio", "Rahmen", "Estructura" }, 800, 600, 300, 9800 },
    { 2, { "Doors", NULL, NULL, NULL }, 0, 0, 0, 4000 },
  };
  const char *images[] = { "images/1.svg" };
  AisleStoreInfo store = { "milano", "Milano", "Via 1", "IT", "Europe/Rome", 90 };
  guint c;

  aisle_catalog_builder_set_meta (builder, &meta);
  c = aisle_catalog_builder_add_category (builder, "sofas", names, "sofa");
  aisle_catalog_builder_add_store (builder, &store);
  aisle_catalog_builder_add_hours (builder, 0, 0x3e, 570, 1230);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("1000000%u", i);
      g_autofree char *article = g_strdup_printf ("100.000.0%u", i);
      g_autofree char *name = g_strdup_printf ("Product %u", i);
      AisleProductDraft draft = { 0 };

      draft.id = id;
      draft.article = article;
      draft.gtin = i == 0 ? "4006381333931" : i == 1 ? "036000291452" : i == 2 ? "00012345600012" : NULL;
      draft.name[0] = name;
      draft.category = c;
      draft.price = 1000 * (i + 1);
      draft.currency = "EUR";
      draft.fulfillment = AISLE_FULFILLMENT_SELF_SERVE;
      draft.images = images;
      draft.n_images = 1;
      draft.packages = packages;
      draft.n_packages = i == 4 ? 2 : 0;
      aisle_catalog_builder_add_product (builder, &draft);
    }

  return aisle_catalog_builder_end (g_steal_pointer (&builder));
}

static void
test_round_trip (void)
{
  g_autoptr(GBytes) image = build_small ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = aisle_catalog_new_from_bytes (image, &error);
  g_autoptr(GDateTime) fetched = NULL;
  AislePackageInfo package;

  g_assert_no_error (error);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), ==, 5);
  g_assert_cmpstr (aisle_catalog_get_version (catalog), ==, "v1");
  g_assert_cmpstr (aisle_catalog_get_shop_url (catalog), ==, "https://shop.example/");
  fetched = aisle_catalog_get_fetched_at (catalog);
  g_assert_cmpint (g_date_time_to_unix (fetched), ==, 42);
  g_assert_cmpstr (aisle_catalog_product_name (catalog, 3, AISLE_LANGUAGE_EN), ==, "Product 3");
  /* Nothing given for Italian: the builder stores an empty text, never NULL. */
  g_assert_cmpstr (aisle_catalog_product_short (catalog, 3, AISLE_LANGUAGE_IT), ==, "");
  g_assert_cmpstr (aisle_catalog_product_image (catalog, 3, 0), ==, "images/1.svg");
  g_assert_null (aisle_catalog_product_image (catalog, 3, 1));
  g_assert_true (aisle_catalog_product_package (catalog, 4, 0, AISLE_LANGUAGE_DE, &package));
  g_assert_cmpstr (package.label, ==, "Rahmen");
  g_assert_cmpuint (package.weight_g, ==, 9800);
  g_assert_false (aisle_catalog_product_package (catalog, 4, 2, AISLE_LANGUAGE_DE, &package));

  /* Out-of-range indices read as empty, never out of bounds. */
  g_assert_cmpstr (aisle_catalog_product_name (catalog, 999, AISLE_LANGUAGE_EN), ==, "");
  g_assert_cmpstr (aisle_catalog_category_name (catalog, 999, AISLE_LANGUAGE_EN), ==, "");
}

static void
test_lookups (void)
{
  g_autoptr(GBytes) image = build_small ();
  g_autoptr(AisleCatalog) catalog = aisle_catalog_new_from_bytes (image, NULL);

  g_assert_cmpuint (aisle_catalog_find_by_id (catalog, "10000003"), ==, 3);
  g_assert_cmpuint (aisle_catalog_find_by_id (catalog, "nope"), ==, AISLE_CATALOG_NO_INDEX);
  g_assert_cmpuint (aisle_catalog_find_by_article (catalog, "100.000.02"), ==, 2);
  g_assert_cmpuint (aisle_catalog_find_by_article (catalog, "10000002"), ==, 2);
  g_assert_cmpuint (aisle_catalog_find_by_article (catalog, "1000000"), ==, AISLE_CATALOG_NO_INDEX);
  g_assert_cmpuint (aisle_catalog_find_by_gtin (catalog, "4006381333931"), ==, 0);

  /* What scanners send: EAN-13, a UPC-A the feed keeps as EAN-13, GTIN-14. */
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "4006381333931"), ==, 0);
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "036000291452"), ==, 1);
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "00012345600012"), ==, 2);
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "100.000.04"), ==, 4);
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "5012345678900"), ==, AISLE_CATALOG_NO_INDEX);
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "abc"), ==, AISLE_CATALOG_NO_INDEX);

  g_assert_cmpuint (aisle_catalog_find_store (catalog, "milano"), ==, 0);
  g_assert_cmpuint (aisle_catalog_find_store (catalog, "roma"), ==, AISLE_CATALOG_NO_INDEX);
}

static void
test_file (void)
{
  g_autoptr(GBytes) image = build_small ();
  g_autofree char *dir = g_dir_make_tmp ("aisle-catalog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "catalog.img", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image), NULL));
  catalog = aisle_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aisle_catalog_product_name (catalog, 2, AISLE_LANGUAGE_EN), ==, "Product 2");
  g_clear_object (&catalog);

  g_assert_null (aisle_catalog_new_from_file ("/nonexistent/catalog.img", &error));
  g_assert_nonnull (error);

  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_damaged (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCatalog) catalog = aisle_catalog_new_from_bytes (bytes, &error);

  g_assert_null (catalog);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
}

static GBytes *
patched (GBytes *image,
         gsize   offset,
         gsize   size,
         const void *data)
{
  gsize len;
  const guint8 *original = g_bytes_get_data (image, &len);
  guint8 *copy = g_memdup2 (original, len);

  memcpy (copy + offset, data, size);
  return g_bytes_new_take (copy, len);
}

static void
test_damaged (void)
{
  g_autoptr(GBytes) image = build_small ();
  gsize size = g_bytes_get_size (image);
  guint64 huge = G_MAXUINT64 - 4;
  guint32 version = 99;

  /* Truncated at every interesting length. */
  for (gsize len = 0; len < size; len += (len < 512 ? 1 : 997))
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (image, 0, len);
      g_autoptr(GBytes) aligned = g_bytes_new (g_bytes_get_data (cut, NULL), len);
      assert_damaged (aligned);
    }

  {
    g_autoptr(GBytes) b = patched (image, 0, 8, "NOTACATA");
    assert_damaged (b);
  }
  {
    g_autoptr(GBytes) b = patched (image, G_STRUCT_OFFSET (AisleImageHeader, version), 4, &version);
    assert_damaged (b);
  }
  for (guint s = 0; s < AISLE_N_SECTIONS; s++)
    {
      gsize at = G_STRUCT_OFFSET (AisleImageHeader, sections) + s * sizeof (AisleSectionRec);
      g_autoptr(GBytes) b1 = patched (image, at, 8, &huge);
      g_autoptr(GBytes) b2 = patched (image, at + 8, 8, &huge);

      assert_damaged (b1);
      assert_damaged (b2);
    }
}

static void
test_damaged_records (void)
{
  g_autoptr(GBytes) image = build_small ();
  const AisleImageHeader *h = g_bytes_get_data (image, NULL);
  gsize products = h->sections[AISLE_SECTION_PRODUCTS].offset;
  guint32 bad = 0xfffffff0;
  g_autoptr(GError) error = NULL;

  /* References inside records are checked when read: text reads as empty,
   * images and packages as none. */
  for (gsize field = 0; field < sizeof (AisleProductRec); field += 4)
    {
      g_autoptr(GBytes) b = patched (image, products + field, 4, &bad);
      g_autoptr(AisleCatalog) catalog = aisle_catalog_new_from_bytes (b, &error);
      AislePackageInfo package;
      guint w, d, hh, wt;

      g_assert_no_error (error);
      for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
        {
          g_assert_nonnull (aisle_catalog_product_name (catalog, 0, l));
          g_assert_nonnull (aisle_catalog_product_description (catalog, 0, l));
          aisle_catalog_product_package (catalog, 0, 0, l, &package);
        }
      aisle_catalog_product_image (catalog, 0, 0);
      aisle_catalog_product_dimensions (catalog, 0, &w, &d, &hh, &wt);
      g_assert_cmpint (aisle_catalog_product_fulfillment (catalog, 0), <=, AISLE_FULFILLMENT_ONLINE_ONLY);
      aisle_catalog_find_by_id (catalog, "10000001");
      aisle_catalog_find_by_code (catalog, "4006381333931");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/round-trip", test_round_trip);
  g_test_add_func ("/catalog/lookups", test_lookups);
  g_test_add_func ("/catalog/file", test_file);
  g_test_add_func ("/catalog/damaged", test_damaged);
  g_test_add_func ("/catalog/damaged-records", test_damaged_records);

  return g_test_run ();
}
