/* aisle-thumbnail.h: a product picture drawn pixel for pixel */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_THUMBNAIL (aisle_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (AisleThumbnail, aisle_thumbnail, AISLE, THUMBNAIL, GtkWidget)

GtkWidget  *aisle_thumbnail_new         (void);
void        aisle_thumbnail_set_texture (AisleThumbnail *self,
                                         GdkTexture     *texture);
GdkTexture *aisle_thumbnail_get_texture (AisleThumbnail *self);

G_END_DECLS
