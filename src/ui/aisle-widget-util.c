/* aisle-widget-util.c: small helpers shared by the kiosk's widgets */
#include "config.h"

#include <glib/gi18n.h>

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
