/* aisle-product-tile.c: one product in a grid: picture, name, short text, price */
#define G_LOG_DOMAIN "aisle-tile"

#include "config.h"

#include "aisle-fixed-label.h"
#include "aisle-language.h"
#include "aisle-product-tile.h"
#include "aisle-thumbnail.h"
#include "aisle-widget-util.h"

struct _AisleProductTile
{
  GtkWidget         parent_instance;

  AisleImageLoader *images;
  AisleStore       *store;
  AisleProduct     *product;
  GCancellable     *cancellable;

  AisleThumbnail   *picture;
  AisleFixedLabel  *name_label;
  AisleFixedLabel  *short_label;
  AisleFixedLabel  *price_label;
};

G_DEFINE_FINAL_TYPE (AisleProductTile, aisle_product_tile, GTK_TYPE_WIDGET)

static void
image_loaded (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AisleProductTile) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;

  texture = aisle_image_loader_load_finish (AISLE_IMAGE_LOADER (object), result, NULL);
  if (texture != NULL && !g_cancellable_is_cancelled (self->cancellable))
    aisle_thumbnail_set_texture (self->picture, texture);
}

static void
load_image (AisleProductTile *self)
{
  g_autofree char *url = NULL;
  GdkTexture *texture;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  aisle_thumbnail_set_texture (self->picture, NULL);

  if (self->product == NULL || self->images == NULL ||
      !(url = aisle_store_resolve_image_url (self->store, aisle_product_get_image (self->product, 0))))
    return;

  /* Scrolling back shows what was already decoded at once. */
  if ((texture = aisle_image_loader_lookup (self->images, url, AISLE_PRODUCT_TILE_IMAGE_SIZE)))
    {
      aisle_thumbnail_set_texture (self->picture, texture);
      return;
    }

  self->cancellable = g_cancellable_new ();
  aisle_image_loader_load_async (self->images, url, AISLE_PRODUCT_TILE_IMAGE_SIZE,
                                 self->cancellable, image_loaded, g_object_ref (self));
}

static void
show_product (AisleProductTile *self)
{
  g_autofree char *price = NULL;
  g_autofree char *a11y = NULL;
  AisleLanguage language = aisle_language_get_current ();
  const char *name, *short_text;

  if (self->product == NULL)
    {
      load_image (self);
      return;
    }

  price = aisle_product_format_price (self->product, language);
  name = aisle_product_get_name (self->product, language);
  short_text = aisle_product_get_short (self->product, language);
  /* Every tile keeps the short text's lines, empty or not: the prices of a
   * row stay on one line across it. */
  aisle_fixed_label_set_text (self->name_label, name);
  aisle_fixed_label_set_text (self->short_label, short_text);
  aisle_fixed_label_set_text (self->price_label, price);

  /* The labels are only drawn; the tile speaks for them. */
  if (*short_text != '\0')
    a11y = g_strdup_printf ("%s, %s, %s", name, short_text, price);
  else
    a11y = g_strdup_printf ("%s, %s", name, price);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  load_image (self);
}

void
aisle_product_tile_set_product (AisleProductTile *self,
                                AisleProduct     *product)
{
  g_return_if_fail (AISLE_IS_PRODUCT_TILE (self));

  if (self->product == product)
    return;

  if (self->product != NULL)
    g_signal_handlers_disconnect_by_func (self->product, show_product, self);
  g_set_object (&self->product, product);
  /* A new search points this tile's item at another product. */
  if (product != NULL)
    g_signal_connect_swapped (product, "changed", G_CALLBACK (show_product), self);

  show_product (self);
}

static void
aisle_product_tile_dispose (GObject *object)
{
  AisleProductTile *self = (AisleProductTile *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->product != NULL)
    g_signal_handlers_disconnect_by_func (self->product, show_product, self);
  g_clear_object (&self->product);
  g_clear_object (&self->images);
  g_clear_object (&self->store);
  aisle_widget_dispose_children (GTK_WIDGET (self), AISLE_TYPE_PRODUCT_TILE);

  G_OBJECT_CLASS (aisle_product_tile_parent_class)->dispose (object);
}

static void
aisle_product_tile_class_init (AisleProductTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_product_tile_dispose;

  g_type_ensure (AISLE_TYPE_FIXED_LABEL);
  g_type_ensure (AISLE_TYPE_THUMBNAIL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-product-tile.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "producttile");
  gtk_widget_class_bind_template_child (widget_class, AisleProductTile, picture);
  gtk_widget_class_bind_template_child (widget_class, AisleProductTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, AisleProductTile, short_label);
  gtk_widget_class_bind_template_child (widget_class, AisleProductTile, price_label);
}

static void
aisle_product_tile_init (AisleProductTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AisleProductTile *
aisle_product_tile_new (AisleImageLoader *images,
                        AisleStore       *store)
{
  AisleProductTile *self = g_object_new (AISLE_TYPE_PRODUCT_TILE, NULL);

  g_set_object (&self->images, images);
  g_set_object (&self->store, store);
  return self;
}
