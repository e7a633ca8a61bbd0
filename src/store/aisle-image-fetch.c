/* aisle-image-fetch.c: product image bytes, from the disk cache or the network */
#define G_LOG_DOMAIN "aisle-images"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aisle-error.h"
#include "aisle-http.h"
#include "aisle-image-fetch.h"

#define MAX_IMAGE_BYTES  (8u * 1024 * 1024)

void
aisle_image_fetch_init (void)
{
  aisle_http_global_init ();
}

char *
aisle_image_fetch_cache_path (const char *cache_dir,
                              const char *url)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (cache_dir != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url, -1);
  return g_build_filename (cache_dir, "images", hash, NULL);
}

GBytes *
aisle_image_fetch_bytes (const char    *url,
                         const char    *cache_path,
                         GCancellable  *cancellable,
                         gboolean      *from_network,
                         GError       **error)
{
  AisleHttpLimits limits = { .max_bytes = MAX_IMAGE_BYTES, .total_timeout_s = 30 };
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents;
  gsize len;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (cache_path != NULL, NULL);
  g_return_val_if_fail (from_network != NULL, NULL);

  *from_network = FALSE;
  if (g_file_get_contents (cache_path, &contents, &len, NULL))
    return g_bytes_new_take (contents, len);

  response = aisle_http_fetch (url, NULL, &limits, cancellable, &local_error);
  if (response == NULL || response->body == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("No image"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  *from_network = TRUE;
  return g_bytes_ref (response->body);
}

void
aisle_image_fetch_keep (const char *cache_path,
                        GBytes     *bytes)
{
  g_autofree char *dir = NULL;

  g_return_if_fail (cache_path != NULL);
  g_return_if_fail (bytes != NULL);

  dir = g_path_get_dirname (cache_path);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents (cache_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
}
