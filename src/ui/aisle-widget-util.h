/* aisle-widget-util.h: small helpers shared by the kiosk's widgets */
#pragma once

#include <gtk/gtk.h>

#include "aisle-catalog.h"

G_BEGIN_DECLS

/* For dispose: GTK 4.8's gtk_widget_dispose_template() leaves template
 * children without an id parented; a widget must unparent them itself. */
void aisle_widget_dispose_children (GtkWidget *widget,
                                    GType      widget_type);

/* For class_init of a widget made from a template: data/ui/@name.ui from
 * the resource bundle, its one child filling it, and the CSS name the style
 * sheet knows it by. */
void aisle_widget_class_set_template (GtkWidgetClass *widget_class,
                                      const char     *name,
                                      const char     *css_name);

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

/* Appends @button to @box as one of a set of which one is chosen at a time;
 * *@group is NULL before the first, which then leads the set. */
void aisle_flow_box_append_choice  (GtkFlowBox       *box,
                                    GtkToggleButton  *button,
                                    GtkToggleButton **group);

/* A label of running text: it wraps and starts at the start, in @css_class. */
GtkWidget *aisle_text_label_new    (const char   *text,
                                    const char   *css_class);

/* A row of the checkout's lists: @text takes the room, then @value (in
 * @value_class) at the end. */
GtkWidget *aisle_line_row_new      (const char   *text,
                                    const char   *value,
                                    const char   *value_class);

/* A caption over a big value, as on the stockroom's shelf labels: "AISLE 12".
 * @value NULL shows "?" (the place is not known). */
GtkWidget *aisle_location_cell_new (const char   *caption,
                                    const char   *value);

/* "One box", "Box 2 of 3" or "Box 2 of 3: Cushions", in the current language. */
char      *aisle_describe_box      (AisleCatalog *catalog,
                                    guint         product,
                                    guint         package,
                                    guint         n_packages);

/* Every scrolled window in @widget back at its top (for the next shopper). */
void aisle_widget_scroll_to_top (GtkWidget *widget);
/* Scrolls @widget's scrolled window so that @widget shows, if it can. */
void aisle_widget_scroll_into_view (GtkWidget *widget);
/* The same over the next frames, for a widget just shown or a page whose
 * height changes (the on-screen keyboard came up). */
void aisle_widget_scroll_into_view_later (GtkWidget *widget);

G_END_DECLS
