/* aisle-widget-util.h: small helpers shared by the kiosk's widgets */
#pragma once

#include <gtk/gtk.h>

#include "aisle-catalog.h"

G_BEGIN_DECLS

/* For dispose: GTK 4.8's gtk_widget_dispose_template() leaves template
 * children without an id parented; a widget must unparent them itself. */
void aisle_widget_dispose_children (GtkWidget *widget,
                                    GType      widget_type);

/* Draws every letter the kiosk's languages use, off screen, in the font of
 * each label under @widget (each font once), so that the first frame that
 * shows new text in those fonts does not wait for glyphs to be rendered. */
void aisle_widget_warm_text        (GtkWidget *widget);

/* Empties a GtkBox, GtkFlowBox or GtkGrid filled from code. */
void aisle_widget_remove_children  (GtkWidget *container);

/* For a GtkFlowBox of buttons (the checkout's stores and times): the arrow
 * keys move the focus from button to button, as they look on screen. The
 * flow box's own arrows move it to the cell around a button, where Space
 * does nothing and a screen reader finds no name. */
void aisle_flow_box_set_arrow_keys (GtkFlowBox *box);

/* A caption over a big value, as on the stockroom's shelf labels: "AISLE 12".
 * @value NULL shows "?" (the place is not known). */
GtkWidget *aisle_location_cell_new (const char   *caption,
                                    const char   *value);

/* "One box", "Box 2 of 3" or "Box 2 of 3: Cushions", in the current language. */
char      *aisle_describe_box      (AisleCatalog *catalog,
                                    guint         product,
                                    guint         package,
                                    guint         n_packages);

G_END_DECLS
