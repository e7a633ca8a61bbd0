/* aisle-image-loader.c: product images, fetched and decoded off the main loop
 *
 * The bytes come from aisle-image-fetch.c (disk cache, then HTTP); this file
 * decodes them into textures and keeps the last few hundred in memory.
 */
#define G_LOG_DOMAIN "aisle-images"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "aisle-error.h"
#include "aisle-image-fetch.h"
#include "aisle-image-loader.h"

#define MAX_IMAGE_PIXELS 4096
#define MEMORY_ENTRIES   400

struct _AisleImageLoader
{
  GObject     parent_instance;
  char       *cache_dir;
  GHashTable *textures;   /* "size:url" → GdkTexture */
  GQueue      order;      /* keys, oldest first */
};

G_DEFINE_FINAL_TYPE (AisleImageLoader, aisle_image_loader, G_TYPE_OBJECT)

static void
aisle_image_loader_finalize (GObject *object)
{
  AisleImageLoader *self = (AisleImageLoader *)object;

  g_queue_clear_full (&self->order, g_free);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->cache_dir, g_free);

  G_OBJECT_CLASS (aisle_image_loader_parent_class)->finalize (object);
}

static void
aisle_image_loader_class_init (AisleImageLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_image_loader_finalize;
}

static void
aisle_image_loader_init (AisleImageLoader *self)
{
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_queue_init (&self->order);
}

AisleImageLoader *
aisle_image_loader_new (const char *cache_dir)
{
  AisleImageLoader *self = g_object_new (AISLE_TYPE_IMAGE_LOADER, NULL);

  self->cache_dir = g_strdup (cache_dir);
  aisle_image_fetch_init ();
  return self;
}

static char *
memory_key (const char *url,
            int         size)
{
  return g_strdup_printf ("%d:%s", size, url);
}

GdkTexture *
aisle_image_loader_lookup (AisleImageLoader *self,
                           const char       *url,
                           int               size)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (AISLE_IS_IMAGE_LOADER (self), NULL);

  if (url == NULL)
    return NULL;
  key = memory_key (url, size);
  return g_hash_table_lookup (self->textures, key);
}

typedef struct
{
  char *url;
  char *cache_path;
  int   size;
} Load;

static void
load_free (Load *load)
{
  g_free (load->url);
  g_free (load->cache_path);
  g_free (load);
}

static void
size_prepared (GdkPixbufLoader *loader,
               int              width,
               int              height,
               gpointer         user_data)
{
  int size = GPOINTER_TO_INT (user_data);
  g_autofree char *format = NULL;
  double scale;

  if (width <= 0 || height <= 0 || width > MAX_IMAGE_PIXELS || height > MAX_IMAGE_PIXELS)
    {
      /* Refuse to decode it at all; the loader reports an error afterwards. */
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      g_object_set_data (G_OBJECT (loader), "aisle-too-large", GINT_TO_POINTER (1));
      return;
    }

  scale = MIN ((double)size / width, (double)size / height);
  /* (transfer full): the name is a copy. */
  format = gdk_pixbuf_format_get_name (gdk_pixbuf_loader_get_format (loader));
  if (scale < 1.0 || g_strcmp0 (format, "svg") == 0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int)(width * scale)), MAX (1, (int)(height * scale)));
}

#define SURFACE_KEY "aisle-image-surface"

/* One buffer for both: cairo's premultiplied ARGB32 is GDK_MEMORY_DEFAULT. */
static GdkTexture *
texture_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int out_stride = cairo_image_surface_get_stride (surface);
  guint8 *out = cairo_image_surface_get_data (surface);
  g_autoptr(GBytes) pixels = NULL;
  GdkTexture *texture;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS || channels < 3)
    {
      cairo_surface_destroy (surface);
      return gdk_texture_new_for_pixbuf (pixbuf);
    }

  for (int y = 0; y < height; y++)
    {
      const guint8 *p = in + (gsize) y * in_stride;
      guint32 *q = (guint32 *)(gpointer)(out + (gsize) y * out_stride);

      for (int x = 0; x < width; x++, p += channels)
        {
          guint a = channels == 4 ? p[3] : 255;

          q[x] = a << 24 | ((p[0] * a + 127) / 255) << 16 | ((p[1] * a + 127) / 255) << 8 | ((p[2] * a + 127) / 255);
        }
    }
  cairo_surface_mark_dirty (surface);

  pixels = g_bytes_new_with_free_func (out, (gsize) out_stride * height,
                                       (GDestroyNotify) cairo_surface_destroy,
                                       cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, out_stride);
  g_object_set_data_full (G_OBJECT (texture), SURFACE_KEY, surface, (GDestroyNotify) cairo_surface_destroy);
  return texture;
}

cairo_surface_t *
aisle_image_loader_get_surface (GdkTexture *texture)
{
  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);

  return g_object_get_data (G_OBJECT (texture), SURFACE_KEY);
}

static GdkTexture *
decode (GBytes  *bytes,
        int      size,
        GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GdkPixbuf *pixbuf;

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The image is too large or not an image"));
      return NULL;
    }

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared), GINT_TO_POINTER (size));

  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error) ||
      !gdk_pixbuf_loader_close (loader, error))
    return NULL;

  if (g_object_get_data (G_OBJECT (loader), "aisle-too-large") ||
      !(pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The image is too large or not an image"));
      return NULL;
    }

  return texture_from_pixbuf (pixbuf);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;
  gboolean from_network;

  bytes = aisle_image_fetch_bytes (load->url, load->cache_path, cancellable, &from_network, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(texture = decode (bytes, load->size, &error)))
    {
      g_debug ("Not showing an image: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Only pictures that decode are kept: a broken one is fetched again next
   * time, in case the shop has fixed it. */
  if (from_network)
    aisle_image_fetch_keep (load->cache_path, bytes);

  g_task_return_pointer (task, texture, g_object_unref);
}

void
aisle_image_loader_load_async (AisleImageLoader    *self,
                               const char          *url,
                               int                  size,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (AISLE_IS_IMAGE_LOADER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_image_loader_load_async);

  load = g_new0 (Load, 1);
  load->url = g_strdup (url);
  load->size = CLAMP (size, 16, 2048);
  load->cache_path = aisle_image_fetch_cache_path (self->cache_dir, url);
  g_task_set_task_data (task, load, (GDestroyNotify)load_free);

  g_task_run_in_thread (task, load_worker);
}

static void
remember (AisleImageLoader *self,
          const char       *url,
          int               size,
          GdkTexture       *texture)
{
  char *key = memory_key (url, size);

  if (g_hash_table_contains (self->textures, key))
    {
      g_free (key);
      return;
    }

  g_hash_table_insert (self->textures, key, g_object_ref (texture));
  g_queue_push_tail (&self->order, g_strdup (key));

  while (self->order.length > MEMORY_ENTRIES)
    {
      g_autofree char *oldest = g_queue_pop_head (&self->order);
      g_hash_table_remove (self->textures, oldest);
    }
}

GdkTexture *
aisle_image_loader_load_finish (AisleImageLoader  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  GdkTexture *texture;
  Load *load;

  g_return_val_if_fail (AISLE_IS_IMAGE_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  load = g_task_get_task_data (G_TASK (result));
  texture = g_task_propagate_pointer (G_TASK (result), error);
  if (texture != NULL)
    remember (self, load->url, load->size, texture);
  return texture;
}
