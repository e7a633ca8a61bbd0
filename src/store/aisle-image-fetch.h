/* aisle-image-fetch.h: product image bytes, from the disk cache or the network
 *
 * Blocking, for worker threads, and free of GTK: turning the bytes into a
 * picture is the UI's job (aisle-image-loader.c). Bytes fetched over the
 * network are written to the cache only when the caller says they are a
 * picture, so a broken one is fetched again next time, in case the shop has
 * fixed it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sets libcurl up on the calling thread (the main one), not in a worker. */
void    aisle_image_fetch_init       (void);

/* Where the image at @url is kept under @cache_dir. */
char   *aisle_image_fetch_cache_path (const char    *cache_dir,
                                      const char    *url);

/* The bytes at @cache_path, or else at @url (bounded in size and time);
 * *@from_network says which, for aisle_image_fetch_keep(). */
GBytes *aisle_image_fetch_bytes      (const char    *url,
                                      const char    *cache_path,
                                      GCancellable  *cancellable,
                                      gboolean      *from_network,
                                      GError       **error);

/* Keeps @bytes at @cache_path for offline use; a failure only costs the copy. */
void    aisle_image_fetch_keep       (const char    *cache_path,
                                      GBytes        *bytes);

G_END_DECLS
