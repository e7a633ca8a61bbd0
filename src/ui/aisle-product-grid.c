/* aisle-product-grid.c: a page of product tiles (a category or search results) */
#define G_LOG_DOMAIN "aisle-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-language.h"
#include "aisle-product-grid.h"
#include "aisle-product-list.h"
#include "aisle-product-tile.h"
#include "aisle-search.h"
#include "aisle-widget-util.h"

struct _AisleProductGrid
{
  GtkWidget          parent_instance;

  AisleImageLoader  *images;
  AisleStore        *store;
  AisleCatalog      *catalog;
  AisleProductList  *results;
  GtkNoSelection    *selection;
  GtkWidget         *warm_clock;   /* whose frame clock ticks: the parent */
  guint              warm_tick;
  guint              warm_source;

  GtkLabel          *title_label;
  GtkLabel          *count_label;
  GtkStack          *stack;
  GtkGridView       *grid_view;
  GtkLabel          *empty_label;
  char              *shown_title;

  /* Tiles out of the grid, ready for the next results: building one from
   * its template costs more than all the rest of a keystroke. */
  GPtrArray         *spare_tiles;
};

/* A page of search results, and a few rows more of a category. */
#define MAX_SPARE_TILES 48

enum {
  PRODUCT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleProductGrid, aisle_product_grid, GTK_TYPE_WIDGET)

static void
setup_tile (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            AisleProductGrid         *self)
{
  GtkWidget *tile;

  if (self->spare_tiles->len > 0)
    tile = g_ptr_array_steal_index_fast (self->spare_tiles, self->spare_tiles->len - 1);
  else
    tile = g_object_ref_sink (GTK_WIDGET (aisle_product_tile_new (self->images, self->store)));

  /* GTK 4.8 has taken the child out of a list item that goes away by the
   * time it is torn down: the item keeps its tile for the spares itself. */
  g_object_set_data_full (G_OBJECT (item), "aisle-tile", tile, g_object_unref);
  gtk_list_item_set_child (item, tile);
}

static void
teardown_tile (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               AisleProductGrid         *self)
{
  g_autoptr(GtkWidget) tile = g_object_steal_data (G_OBJECT (item), "aisle-tile");

  gtk_list_item_set_child (item, NULL);
  if (tile != NULL && self->spare_tiles != NULL && self->spare_tiles->len < MAX_SPARE_TILES &&
      gtk_widget_get_parent (tile) == NULL)
    g_ptr_array_add (self->spare_tiles, g_steal_pointer (&tile));
}

static void
bind_tile (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AisleProductGrid         *self)
{
  aisle_product_tile_set_product (AISLE_PRODUCT_TILE (gtk_list_item_get_child (item)),
                                  gtk_list_item_get_item (item));
}

static void
unbind_tile (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AisleProductGrid         *self)
{
  aisle_product_tile_set_product (AISLE_PRODUCT_TILE (gtk_list_item_get_child (item)), NULL);
}

static void
activate_cb (AisleProductGrid *self,
             guint             position)
{
  g_autoptr(AisleProduct) product = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (product != NULL)
    g_signal_emit (self, signals[PRODUCT_ACTIVATED], 0, aisle_product_get_index (product));
}

void
aisle_product_grid_set_images (AisleProductGrid *self,
                               AisleImageLoader *images,
                               AisleStore       *store)
{
  g_return_if_fail (AISLE_IS_PRODUCT_GRID (self));

  g_set_object (&self->images, images);
  g_set_object (&self->store, store);

  /* Spare tiles know the old store. */
  g_ptr_array_set_size (self->spare_tiles, 0);
}

static gboolean
warm_text (gpointer data)
{
  aisle_widget_warm_text (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

/* While the kiosk waits on the home screen, the hidden grid gets its tiles,
 * their styles and their pictures, so the shopper's first letter only
 * changes what they show. Never over results someone is looking at. */
static gboolean
warm (gpointer data)
{
  AisleProductGrid *self = data;
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  int width = parent ? gtk_widget_get_width (parent) : 0;
  int height = parent ? gtk_widget_get_height (parent) : 0;
  guint n;

  self->warm_source = 0;
  g_debug ("Warming the grid at %d × %d", width, height);
  if (self->catalog == NULL || gtk_widget_get_mapped (widget) || width <= 0 || height <= 0)
    return G_SOURCE_REMOVE;

  n = MIN (aisle_catalog_get_n_products (self->catalog), AISLE_SEARCH_DEFAULT_LIMIT);
  {
    g_autofree guint32 *first = g_new (guint32, MAX (n, 1));

    for (guint i = 0; i < n; i++)
      first[i] = i;
    aisle_product_list_set (self->results, self->catalog, first, n);
  }

  /* GTK makes a grid view's tiles, and works out their styles, when the
   * grid is laid out, which a page that is not showing never is. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  gtk_widget_allocate (widget, width, height, -1, NULL);

  /* The fonts in a turn of their own: a touch in between is not kept
   * waiting for both. */
  g_idle_add_full (G_PRIORITY_LOW, warm_text, g_object_ref (self), g_object_unref);
  return G_SOURCE_REMOVE;
}

static gboolean
warm_after_frame (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  AisleProductGrid *self = AISLE_PRODUCT_GRID (data);

  /* This frame shows the new catalog first; the tiles come after it. */
  self->warm_tick = 0;
  if (self->warm_source == 0)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm, self, NULL);
  return G_SOURCE_REMOVE;
}

void
aisle_product_grid_set_catalog (AisleProductGrid *self,
                                AisleCatalog     *catalog)
{
  g_return_if_fail (AISLE_IS_PRODUCT_GRID (self));

  if (!g_set_object (&self->catalog, catalog) || catalog == NULL || self->warm_tick != 0 || self->warm_source != 0)
    return;
  /* A hidden page is not realized, so its own frame clock never ticks. */
  self->warm_clock = gtk_widget_get_parent (GTK_WIDGET (self));
  if (self->warm_clock != NULL)
    self->warm_tick = gtk_widget_add_tick_callback (self->warm_clock, warm_after_frame, self, NULL);
}

static void show (AisleProductGrid *self, const char *title, guint n_shown, guint n_matches, const char *query);

void
aisle_product_grid_show_category (AisleProductGrid *self,
                                  const char       *category)
{
  const guint32 *products;
  guint n_categories;
  guint index;
  guint n = 0;

  g_return_if_fail (AISLE_IS_PRODUCT_GRID (self));
  g_return_if_fail (self->catalog != NULL);

  n_categories = aisle_catalog_get_n_categories (self->catalog);
  for (index = 0; index < n_categories; index++)
    if (g_strcmp0 (aisle_catalog_category_id (self->catalog, index), category) == 0)
      break;

  products = aisle_catalog_category_products (self->catalog, index, &n);
  aisle_product_list_set (self->results, self->catalog, products, n);
  show (self, aisle_catalog_category_name (self->catalog, index, aisle_language_get_current ()), n, n, NULL);
}

void
aisle_product_grid_show_search (AisleProductGrid *self,
                                const char       *query)
{
  g_autoptr(GArray) found = NULL;
  g_autofree char *title = NULL;
  guint n_matches = 0;

  g_return_if_fail (AISLE_IS_PRODUCT_GRID (self));
  g_return_if_fail (self->catalog != NULL);

  found = aisle_search_run (self->catalog, aisle_language_get_current (), query,
                            AISLE_SEARCH_DEFAULT_LIMIT, &n_matches);
  /* Nothing found: the grid is hidden behind the "nothing matches" text,
   * and keeps its tiles for the next letter's results. */
  if (found->len > 0)
    aisle_product_list_set (self->results, self->catalog, (const guint32 *)(gpointer)found->data, found->len);
  /* Translators: the title of search results; %s is what the shopper typed. */
  title = g_strdup_printf (_("Results for “%s”"), query);
  show (self, title, found->len, n_matches, query);
}

static void
show (AisleProductGrid *self,
      const char       *title,
      guint             n_shown,
      guint             n_matches,
      const char       *query)
{
  g_autofree char *count = NULL;

  /* Other products: start at the top. The same ones (Back from a product):
   * stay where the shopper was. */
  if (g_strcmp0 (self->shown_title, title) != 0)
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid_view));

      if (adjustment != NULL)
        gtk_adjustment_set_value (adjustment, 0);
      g_free (self->shown_title);
      self->shown_title = g_strdup (title);
    }

  gtk_label_set_text (self->title_label, title);

  if (n_matches > n_shown)
    /* Translators: shown above search results when there are more than fit. */
    count = g_strdup_printf (ngettext ("The best %u of %u products. Type more to narrow it down.",
                                       "The best %u of %u products. Type more to narrow it down.",
                                       n_matches),
                             n_shown, n_matches);
  else
    count = g_strdup_printf (ngettext ("%u product", "%u products", n_shown), n_shown);
  gtk_label_set_text (self->count_label, count);

  if (n_shown == 0)
    {
      g_autofree char *empty = NULL;

      if (query != NULL)
        /* Translators: %s is what the shopper typed. */
        empty = g_strdup_printf (_("Nothing matches “%s”. Check the spelling, try fewer words, or scan the product’s barcode."), query);
      else
        empty = g_strdup (_("There is nothing in this category at the moment."));
      gtk_label_set_text (self->empty_label, empty);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "grid");
}

static void
aisle_product_grid_dispose (GObject *object)
{
  AisleProductGrid *self = (AisleProductGrid *)object;

  g_clear_handle_id (&self->warm_source, g_source_remove);
  /* The parent outlives the page it disposes. */
  if (self->warm_tick != 0)
    gtk_widget_remove_tick_callback (self->warm_clock, self->warm_tick);
  self->warm_tick = 0;
  aisle_widget_dispose_children (GTK_WIDGET (self), AISLE_TYPE_PRODUCT_GRID);
  /* After the children: the grid view's teardown hands tiles back. */
  g_clear_pointer (&self->spare_tiles, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->catalog);
  g_clear_object (&self->images);
  g_clear_object (&self->store);
  g_clear_pointer (&self->shown_title, g_free);

  G_OBJECT_CLASS (aisle_product_grid_parent_class)->dispose (object);
}

static void
aisle_product_grid_class_init (AisleProductGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_product_grid_dispose;

  /**
   * AisleProductGrid::product-activated:
   * @product: the product's index in the catalog
   */
  signals[PRODUCT_ACTIVATED] =
    g_signal_new ("product-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-product-grid.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AisleProductGrid, title_label);
  gtk_widget_class_bind_template_child (widget_class, AisleProductGrid, count_label);
  gtk_widget_class_bind_template_child (widget_class, AisleProductGrid, stack);
  gtk_widget_class_bind_template_child (widget_class, AisleProductGrid, grid_view);
  gtk_widget_class_bind_template_child (widget_class, AisleProductGrid, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
aisle_product_grid_init (AisleProductGrid *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->spare_tiles = g_ptr_array_new_with_free_func (g_object_unref);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_tile), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_tile), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_tile), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (teardown_tile), self, 0);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);

  self->results = aisle_product_list_new ();
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (self->selection));
}
