/* test-image-loader.c: pictures from the feed, including ones that are not */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "aisle-image-loader.h"

static char *dir;

static char *
write_file (const char *name,
            const void *data,
            gsize       len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return g_filename_to_uri (path, NULL, NULL);
}

static void
loaded (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GdkTexture *
load (AisleImageLoader  *loader,
      const char        *url,
      int                size,
      GError           **error)
{
  GAsyncResult *result = NULL;
  GdkTexture *texture;

  aisle_image_loader_load_async (loader, url, size, NULL, loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  texture = aisle_image_loader_load_finish (loader, result, error);
  g_object_unref (result);
  return texture;
}

static void
test_svg_at_display_size (void)
{
  static const char svg[] =
    "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='200' viewBox='0 0 400 200'>"
    "<rect width='400' height='200' fill='#0f4c5c'/></svg>";
  g_autofree char *cache = g_build_filename (dir, "cache-svg", NULL);
  g_autoptr(AisleImageLoader) loader = aisle_image_loader_new (cache);
  g_autofree char *url = write_file ("wide.svg", svg, strlen (svg));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = load (loader, url, 220, &error);

  g_assert_no_error (error);
  /* Decoded at the size it is shown, keeping its shape. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 220);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 110);
  /* Kept in memory for the next tile that shows it. */
  g_assert_true (aisle_image_loader_lookup (loader, url, 220) == texture);
  g_assert_null (aisle_image_loader_lookup (loader, url, 560));
}

static void
test_cached_on_disk (void)
{
  static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>";
  g_autofree char *cache = g_build_filename (dir, "cache-disk", NULL);
  g_autofree char *url = write_file ("gone.svg", svg, strlen (svg));
  g_autofree char *path = g_filename_from_uri (url, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) second = NULL;

  {
    g_autoptr(AisleImageLoader) loader = aisle_image_loader_new (cache);
    first = load (loader, url, 64, &error);
    g_assert_no_error (error);
  }

  /* The source disappears (the kiosk is offline); the disk copy serves. */
  g_unlink (path);
  {
    g_autoptr(AisleImageLoader) loader = aisle_image_loader_new (cache);
    second = load (loader, url, 64, &error);
    g_assert_no_error (error);
    g_assert_nonnull (second);
  }
}

static void
assert_refused (const char *name,
                const void *data,
                gsize       len)
{
  g_autofree char *cache = g_build_filename (dir, "cache-bad", NULL);
  g_autoptr(AisleImageLoader) loader = aisle_image_loader_new (cache);
  g_autofree char *url = write_file (name, data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = load (loader, url, 220, &error);

  g_assert_null (texture);
  g_assert_nonnull (error);
}

static void
test_not_images (void)
{
  static const guint8 png_head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* A PNG header that claims 100,000 × 100,000 pixels. */
  static const guint8 huge_png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 6, 0, 0, 0,
    0x00, 0x00, 0x00, 0x00,
  };
  static const char text[] = "This is not a picture of a sofa.";
  static const char bomb_svg[] =
    "<svg xmlns='http://www.w3.org/2000/svg' width='100000' height='100000'><rect width='10' height='10'/></svg>";

  assert_refused ("text.png", text, strlen (text));
  assert_refused ("empty.png", "", 0);
  assert_refused ("truncated.png", png_head, sizeof png_head);
  assert_refused ("huge.png", huge_png, sizeof huge_png);
  assert_refused ("huge.svg", bomb_svg, strlen (bomb_svg));
  assert_refused ("html.jpg", "<html><body>Not found</body></html>", 35);
}

static void
test_missing (void)
{
  g_autofree char *cache = g_build_filename (dir, "cache-missing", NULL);
  g_autoptr(AisleImageLoader) loader = aisle_image_loader_new (cache);
  g_autofree char *url = g_strdup_printf ("file://%s/nothing-here.svg", dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = load (loader, url, 220, &error);

  g_assert_null (texture);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *rm = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("aisle-images-XXXXXX", NULL);

  g_test_add_func ("/images/svg-at-display-size", test_svg_at_display_size);
  g_test_add_func ("/images/cached-on-disk", test_cached_on_disk);
  g_test_add_func ("/images/not-images", test_not_images);
  g_test_add_func ("/images/missing", test_missing);

  status = g_test_run ();
  rm = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (rm), ==, 0);
  g_free (dir);
  return status;
}
