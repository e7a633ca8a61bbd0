/* aisle-widget-util.c: small helpers shared by the kiosk's widgets */
#include "config.h"

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
