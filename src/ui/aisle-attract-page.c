/* aisle-attract-page.c: the idle screen: "touch to start" and the language choice */
#define G_LOG_DOMAIN "aisle-attract"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-attract-page.h"
#include "aisle-language-bar.h"
#include "aisle-widget-util.h"

struct _AisleAttractPage
{
  GtkWidget  parent_instance;

  GtkLabel  *shop_label;
  GtkButton *start_button;
};

enum {
  START,
  COLLECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleAttractPage, aisle_attract_page, GTK_TYPE_WIDGET)

static void
start_clicked_cb (AisleAttractPage *self)
{
  g_signal_emit (self, signals[START], 0);
}

static void
collect_clicked_cb (AisleAttractPage *self)
{
  g_signal_emit (self, signals[COLLECT], 0);
}

void
aisle_attract_page_set_catalog (AisleAttractPage *self,
                                AisleCatalog     *catalog)
{
  const char *shop = catalog ? aisle_catalog_get_shop_name (catalog) : "";

  g_return_if_fail (AISLE_IS_ATTRACT_PAGE (self));

  gtk_label_set_text (self->shop_label, shop);
  gtk_widget_set_visible (GTK_WIDGET (self->shop_label), *shop != '\0');
}

static void
aisle_attract_page_dispose (GObject *object)
{
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_ATTRACT_PAGE);

  G_OBJECT_CLASS (aisle_attract_page_parent_class)->dispose (object);
}

static void
aisle_attract_page_class_init (AisleAttractPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_attract_page_dispose;

  /**
   * AisleAttractPage::start:
   *
   * The shopper touched the screen to begin.
   */
  signals[START] =
    g_signal_new ("start",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AisleAttractPage::collect:
   *
   * The shopper came to collect an order placed online.
   */
  signals[COLLECT] =
    g_signal_new ("collect",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (AISLE_TYPE_LANGUAGE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-attract-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attractpage");
  gtk_widget_class_bind_template_child (widget_class, AisleAttractPage, shop_label);
  gtk_widget_class_bind_template_child (widget_class, AisleAttractPage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, collect_clicked_cb);
}

static void
aisle_attract_page_init (AisleAttractPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AisleAttractPage *
aisle_attract_page_new (void)
{
  return g_object_new (AISLE_TYPE_ATTRACT_PAGE, NULL);
}
