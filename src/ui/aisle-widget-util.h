/* aisle-widget-util.h: small helpers shared by the kiosk's widgets */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For dispose: GTK 4.8's gtk_widget_dispose_template() leaves template
 * children without an id parented; a widget must unparent them itself. */
void aisle_widget_dispose_children (GtkWidget *widget,
                                    GType      widget_type);

G_END_DECLS
