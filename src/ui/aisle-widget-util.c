/* aisle-widget-util.c: small helpers shared by the kiosk's widgets */
#include "config.h"

#include <glib/gi18n.h>

#include "aisle-fixed-label.h"
#include "aisle-widget-util.h"

void
aisle_widget_dispose_children (GtkWidget *widget,
                               GType      widget_type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, widget_type);

  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

/* English, Italian, German and Spanish text, prices and article numbers. */
static const char warm_letters[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
  ".,:;!?¿¡-–—'’\"«»()/&%+×x€£$… ÀÁÂÄÈÉÊÌÍÎÒÓÔÖÙÚÛÜÑÇ àáâäèéêìíîòóôöùúûüñçß";

static void
warm_font (GtkWidget  *widget,
           GHashTable *done)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  g_autoptr(PangoLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  if (g_hash_table_contains (done, font))
    return;
  g_hash_table_add (done, pango_font_description_copy (font));

  /* Glyphs outside the target are never drawn: it must hold them all. */
  layout = gtk_widget_create_pango_layout (widget, warm_letters);
  pango_layout_get_pixel_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, MAX (width, 1), MAX (height, 1));
  cr = cairo_create (surface);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
warm_text_under (GtkWidget  *widget,
                 GHashTable *done)
{
  if (GTK_IS_LABEL (widget) || AISLE_IS_FIXED_LABEL (widget))
    warm_font (widget, done);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    warm_text_under (child, done);
}

void
aisle_widget_warm_text (GtkWidget *widget)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                                     (GEqualFunc) pango_font_description_equal,
                                                     (GDestroyNotify) pango_font_description_free, NULL);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  warm_text_under (widget, done);
}

GtkWidget *
aisle_location_cell_new (const char *caption,
                         const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = gtk_label_new (caption);
  GtkWidget *big = gtk_label_new (value ? value : "?");

  gtk_widget_add_css_class (box, "location-cell");
  gtk_widget_add_css_class (top, "location-caption");
  gtk_widget_add_css_class (big, "location-value");
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), big);
  return box;
}

char *
aisle_describe_box (AisleCatalog *catalog,
                    guint         product,
                    guint         package,
                    guint         n_packages)
{
  AislePackageInfo info = { 0 };

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);

  if (n_packages <= 1)
    return g_strdup (_("One box"));

  if (aisle_catalog_product_package (catalog, product, package - 1, aisle_language_get_current (), &info) &&
      info.label != NULL && *info.label)
    /* Translators: "Box 1 of 3: Frame" */
    return g_strdup_printf (_("Box %u of %u: %s"), package, n_packages, info.label);

  return g_strdup_printf (_("Box %u of %u"), package, n_packages);
}

void
aisle_widget_remove_children (GtkWidget *container)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (container));

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_widget_unparent (child);
    }
}
