/* aisle-thumbnail.c: a product picture drawn pixel for pixel
 *
 * Images arrive decoded at the size they are shown, with a cairo surface
 * sharing their pixels (aisle-image-loader). GtkPicture centres them on fractions of a pixel and stretches them to its
 * allocation, which makes cairo filter every pixel of every tile on every
 * frame. This widget asks for the image's size, puts it on whole pixels in
 * the middle of what it is given, and only shrinks an image that is too big.
 * Its CSS background shows around the image.
 */
#define G_LOG_DOMAIN "aisle-thumbnail"

#include "config.h"

#include <math.h>

#include "aisle-image-loader.h"
#include "aisle-thumbnail.h"

struct _AisleThumbnail
{
  GtkWidget   parent_instance;
  GdkTexture *texture;
};

enum {
  PROP_0,
  PROP_TEXTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AisleThumbnail, aisle_thumbnail, GTK_TYPE_WIDGET)

static void
aisle_thumbnail_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  AisleThumbnail *self = AISLE_THUMBNAIL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int texture_width, texture_height;
  cairo_surface_t *surface;
  double scale;
  int w, h;

  if (self->texture == NULL || width <= 0 || height <= 0)
    return;

  texture_width = gdk_texture_get_width (self->texture);
  texture_height = gdk_texture_get_height (self->texture);
  scale = MIN (1.0, MIN ((double) width / texture_width, (double) height / texture_height));
  w = MAX (1, (int) floor (texture_width * scale));
  h = MAX (1, (int) floor (texture_height * scale));

  surface = aisle_image_loader_get_surface (self->texture);
  if (surface != NULL && w == texture_width && h == texture_height)
    {
      /* Through cairo with the loader's surface: GTK 4.8's cairo renderer
       * converts a texture to a new surface each time it draws it, and
       * cairo then sends all of its pixels to the X server again; a
       * surface that lives on is sent once. */
      int x = (width - w) / 2, y = (height - h) / 2;
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, w, h));

      cairo_set_source_surface (cr, surface, x, y);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  else
    gtk_snapshot_append_texture (snapshot, self->texture,
                                 &GRAPHENE_RECT_INIT ((width - w) / 2, (height - h) / 2, w, h));
}

static void
aisle_thumbnail_dispose (GObject *object)
{
  AisleThumbnail *self = (AisleThumbnail *)object;

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (aisle_thumbnail_parent_class)->dispose (object);
}

static void
aisle_thumbnail_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AisleThumbnail *self = AISLE_THUMBNAIL (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_thumbnail_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AisleThumbnail *self = AISLE_THUMBNAIL (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      aisle_thumbnail_set_texture (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_thumbnail_class_init (AisleThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_thumbnail_dispose;
  object_class->get_property = aisle_thumbnail_get_property;
  object_class->set_property = aisle_thumbnail_set_property;

  widget_class->snapshot = aisle_thumbnail_snapshot;

  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "thumbnail");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
aisle_thumbnail_init (AisleThumbnail *self)
{
}

GtkWidget *
aisle_thumbnail_new (void)
{
  return g_object_new (AISLE_TYPE_THUMBNAIL, NULL);
}

void
aisle_thumbnail_set_texture (AisleThumbnail *self,
                             GdkTexture     *texture)
{
  g_return_if_fail (AISLE_IS_THUMBNAIL (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;

  /* The widget's size comes from CSS and the tile, not from the image. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

GdkTexture *
aisle_thumbnail_get_texture (AisleThumbnail *self)
{
  g_return_val_if_fail (AISLE_IS_THUMBNAIL (self), NULL);

  return self->texture;
}
