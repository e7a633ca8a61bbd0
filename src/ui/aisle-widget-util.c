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

void
aisle_widget_class_set_template (GtkWidgetClass *widget_class,
                                 const char     *name,
                                 const char     *css_name)
{
  g_autofree char *resource = g_strdup_printf ("/org/aisle/Kiosk/ui/%s.ui", name);

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, css_name);
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
aisle_text_label_new (const char *text,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
aisle_line_row_new (const char *text,
                    const char *value,
                    const char *value_class)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *name = aisle_text_label_new (text, "list-name");
  GtkWidget *detail = aisle_text_label_new (value, value_class);

  gtk_widget_add_css_class (row, "list-row");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 1);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), detail);
  return row;
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

static GtkFlowBoxChild *
flow_box_neighbour (GtkFlowBox      *box,
                    GtkFlowBoxChild *child,
                    guint            keyval)
{
  graphene_rect_t bounds;
  double x;
  int index = gtk_flow_box_child_get_index (child);
  guint row_gap = gtk_flow_box_get_row_spacing (box) + 1;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (child), GTK_WIDGET (box), &bounds))
    return NULL;
  x = bounds.origin.x + bounds.size.width / 2;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      /* Off the start of a row: the end of the row above, in reading order. */
      return index > 0 ? gtk_flow_box_get_child_at_index (box, index - 1) : NULL;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return gtk_flow_box_get_child_at_index (box, index + 1);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return gtk_flow_box_get_child_at_pos (box, x, bounds.origin.y - row_gap);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return gtk_flow_box_get_child_at_pos (box, x, bounds.origin.y + bounds.size.height + row_gap);
    default:
      return NULL;
    }
}

static gboolean
flow_box_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkFlowBox            *box)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (box));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_FLOW_BOX_CHILD) : NULL;
  GtkFlowBoxChild *next;

  if (child == NULL || gtk_widget_get_parent (child) != GTK_WIDGET (box) ||
      (keyval != GDK_KEY_Left && keyval != GDK_KEY_KP_Left && keyval != GDK_KEY_Right && keyval != GDK_KEY_KP_Right &&
       keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Up && keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down))
    return GDK_EVENT_PROPAGATE;

  /* At an edge the focus stays: Tab leaves the box. */
  next = flow_box_neighbour (box, GTK_FLOW_BOX_CHILD (child), keyval);
  if (next != NULL && gtk_flow_box_child_get_child (next) != NULL)
    gtk_widget_grab_focus (gtk_flow_box_child_get_child (next));
  return GDK_EVENT_STOP;
}

void
aisle_flow_box_set_arrow_keys (GtkFlowBox *box)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_FLOW_BOX (box));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (flow_box_key), box, 0);
  gtk_widget_add_controller (GTK_WIDGET (box), keys);
}

void
aisle_flow_box_append_choice (GtkFlowBox       *box,
                              GtkToggleButton  *button,
                              GtkToggleButton **group)
{
  g_return_if_fail (GTK_IS_FLOW_BOX (box));
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (button));

  if (*group != NULL)
    gtk_toggle_button_set_group (button, *group);
  else
    *group = button;
  gtk_flow_box_append (box, GTK_WIDGET (button));
}

void
aisle_widget_scroll_to_top (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget)), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    aisle_widget_scroll_to_top (child);
}

void
aisle_widget_scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, bottom, value, page;

  if (scroller == NULL || (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) == NULL ||
      !gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* The viewport's coordinates are what shows: add what is scrolled away. */
  top = value + bounds.origin.y;
  bottom = top + bounds.size.height;
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
}

/* The page gets its new height, and a widget just shown its place, a frame
 * or two later: follow for a few frames. */
static gboolean
scroll_into_view_tick (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  guint *frames = user_data;

  aisle_widget_scroll_into_view (widget);
  return ++*frames < 8 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
aisle_widget_scroll_into_view_later (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  gtk_widget_add_tick_callback (widget, scroll_into_view_tick, g_new0 (guint, 1), g_free);
}
