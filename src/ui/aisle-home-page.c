/* aisle-home-page.c: the first page after "touch to start": categories, the scan hint, "Ordered online?" */
#define G_LOG_DOMAIN "aisle-home"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-home-page.h"
#include "aisle-widget-util.h"

struct _AisleHomePage
{
  GtkWidget     parent_instance;

  GtkFlowBox   *categories;
  GtkStack     *stack;
  GtkBox       *title_box;
};

enum {
  CATEGORY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleHomePage, aisle_home_page, GTK_TYPE_WIDGET)

static void
tile_clicked (GtkButton     *button,
              AisleHomePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "aisle-category"));
  g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0, index);
}

static GtkWidget *
category_tile (AisleHomePage *self,
               AisleCatalog  *catalog,
               guint          index)
{
  const char *name = aisle_catalog_category_name (catalog, index, aisle_language_get_current ());
  const char *icon = aisle_catalog_category_icon (catalog, index);
  g_autofree char *icon_name = g_strdup_printf ("aisle-category-%s-symbolic", icon && *icon ? icon : "generic");
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkWidget *button, *box, *image, *label;

  if (!gtk_icon_theme_has_icon (theme, icon_name))
    {
      g_free (icon_name);
      icon_name = g_strdup ("aisle-category-generic-symbolic");
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  image = gtk_image_new_from_icon_name (icon_name);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 80);
  gtk_widget_add_css_class (image, "category-icon");
  label = gtk_label_new (name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "category-name");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "category-tile");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "aisle-category", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (tile_clicked), self, 0);

  return button;
}

void
aisle_home_page_set_catalog (AisleHomePage *self,
                             AisleCatalog  *catalog)
{
  GtkWidget *child;

  g_return_if_fail (AISLE_IS_HOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->categories))))
    gtk_flow_box_remove (self->categories, child);

  if (catalog == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  for (guint i = 0; i < aisle_catalog_get_n_categories (catalog); i++)
    gtk_flow_box_append (self->categories, category_tile (self, catalog, i));

  gtk_stack_set_visible_child_name (self->stack, "categories");
}

/* A portrait screen puts "Ordered online?" under the title. */
void
aisle_home_page_set_portrait (AisleHomePage *self,
                              gboolean       portrait)
{
  g_return_if_fail (AISLE_IS_HOME_PAGE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->title_box),
                                  portrait ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static void
aisle_home_page_dispose (GObject *object)
{
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_HOME_PAGE);

  G_OBJECT_CLASS (aisle_home_page_parent_class)->dispose (object);
}

static void
aisle_home_page_class_init (AisleHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_home_page_dispose;

  /**
   * AisleHomePage::category-activated:
   * @category: the category's index in the catalog
   */
  signals[CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-home-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AisleHomePage, categories);
  gtk_widget_class_bind_template_child (widget_class, AisleHomePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AisleHomePage, title_box);
}

static void
aisle_home_page_init (AisleHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
