/* aisle-image-loader.h: product images, fetched and decoded off the main loop
 *
 * Images are fetched with libcurl and kept on disk for offline use (by
 * aisle-image-fetch in the store layer), decoded at the size they are shown
 * (never larger) in a worker thread, and the last few hundred textures are
 * kept in memory. An image that is not an image, or is too large, simply is
 * not shown.
 */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_IMAGE_LOADER (aisle_image_loader_get_type ())

G_DECLARE_FINAL_TYPE (AisleImageLoader, aisle_image_loader, AISLE, IMAGE_LOADER, GObject)

AisleImageLoader *aisle_image_loader_new         (const char           *cache_dir);
/* The texture when it is already in memory (no I/O), or NULL. */
GdkTexture       *aisle_image_loader_lookup      (AisleImageLoader     *self,
                                                  const char           *url,
                                                  int                   size);
void              aisle_image_loader_load_async  (AisleImageLoader     *self,
                                                  const char           *url,
                                                  int                   size,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GdkTexture       *aisle_image_loader_load_finish (AisleImageLoader     *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* The cairo surface that shares the pixels of a texture this loader made, or
 * NULL. GTK 4.8's cairo renderer copies a texture into a new surface each
 * time it draws it; a widget that draws this surface itself lets cairo keep
 * what it already sent to the X server. */
cairo_surface_t  *aisle_image_loader_get_surface (GdkTexture           *texture);

G_END_DECLS
