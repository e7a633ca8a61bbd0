/* aisle-product-page.c: one product: pictures, texts, price, stock and where to find it */
#define G_LOG_DOMAIN "aisle-product"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-money.h"
#include "aisle-product-page.h"
#include "aisle-widget-util.h"

#define IMAGE_SIZE 560

struct _AisleProductPage
{
  GtkWidget         parent_instance;

  AisleImageLoader *images;
  AisleStore       *store;
  AisleShoppingList *list;
  AisleCatalog     *catalog;
  guint             product;
  guint             quantity;
  GCancellable     *cancellable;
  GCancellable     *thumbnails_cancellable;

  GtkScrolledWindow *scroller;
  GtkBox           *main_box;
  GtkPicture       *picture;
  GtkBox           *thumbnails_box;
  GtkLabel         *name_label;
  GtkLabel         *short_label;
  GtkLabel         *article_label;
  GtkLabel         *price_label;
  GtkLabel         *quantity_label;
  GtkLabel         *added_label;
  GtkImage         *stock_icon;
  GtkLabel         *stock_label;
  GtkLabel         *stock_detail_label;
  GtkImage         *where_icon;
  GtkLabel         *where_title;
  GtkLabel         *where_detail;
  GtkBox           *locations_box;
  GtkLabel         *dimensions_label;
  GtkLabel         *description_label;
};

G_DEFINE_FINAL_TYPE (AisleProductPage, aisle_product_page, GTK_TYPE_WIDGET)

static char
decimal_mark (void)
{
  return aisle_language_get_current () == AISLE_LANGUAGE_EN ? '.' : ',';
}

/* @value in the feed's unit (mm or g), @divisor 10 for cm or 1000 for kg:
 * at most one decimal, in the current language's style, no floats. */
static char *
format_measure (guint       value,
                guint       divisor,
                const char *unit)
{
  guint whole = value / divisor;
  guint tenth = (value % divisor) * 10 / divisor;

  if (tenth == 0)
    return g_strdup_printf ("%u\u00a0%s", whole, unit);
  return g_strdup_printf ("%u%c%u\u00a0%s", whole, decimal_mark (), tenth, unit);
}

static char *
describe_age (gint64 seconds)
{
  if (seconds < 60 * 60)
    {
      guint minutes = MAX (seconds / 60, 1);
      return g_strdup_printf (ngettext ("Counted %u minute ago", "Counted %u minutes ago", minutes), minutes);
    }
  if (seconds < 48 * 60 * 60)
    {
      guint hours = seconds / 3600;
      return g_strdup_printf (ngettext ("Counted %u hour ago", "Counted %u hours ago", hours), hours);
    }

  {
    guint days = seconds / 86400;
    return g_strdup_printf (ngettext ("Counted %u day ago", "Counted %u days ago", days), days);
  }
}

static char *
format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_time = g_strconcat (iso_date, "T12:00:00Z", NULL);

  if (!(dt = g_date_time_new_from_iso8601 (with_time, NULL)))
    return g_strdup (iso_date);
  /* Translators: a date as numbers; reorder for your language (strftime format). */
  return g_date_time_format (dt, C_("restock date", "%d/%m/%Y"));
}

/* The stock line and its detail, separated by a newline: "12 in stock\nCounted
 * 5 minutes ago · Next delivery 28/11/2026". */
static char *
describe_stock (AisleStock *stock,
                guint       product,
                gint64      now)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  AisleStockInfo info;
  const char *headline;
  g_autofree char *quantity = NULL;

  if (stock == NULL || !aisle_stock_lookup (stock, product, &info))
    return g_strdup (_("Stock unknown: please ask a member of staff"));

  if (info.quantity > 0)
    headline = quantity = g_strdup_printf (ngettext ("%d in stock in this store", "%d in stock in this store", info.quantity),
                                           info.quantity);
  else
    switch (info.level)
      {
      case AISLE_STOCK_LEVEL_HIGH:
        headline = _("In stock in this store");
        break;
      case AISLE_STOCK_LEVEL_LOW:
        headline = _("Only a few left in this store");
        break;
      case AISLE_STOCK_LEVEL_OUT:
        headline = _("Out of stock in this store");
        break;
      case AISLE_STOCK_LEVEL_UNKNOWN:
      default:
        headline = _("Stock unknown: please ask a member of staff");
        break;
      }

  if (info.updated_at > 0 && now >= info.updated_at)
    {
      g_autofree char *age = describe_age (now - info.updated_at);
      g_string_append (detail, age);
    }

  if (info.restock != NULL)
    {
      g_autofree char *date = format_date (info.restock);

      if (detail->len)
        g_string_append (detail, " · ");
      /* Translators: %s is a date. */
      g_string_append_printf (detail, _("Next delivery %s"), date);
    }

  return g_strdup_printf ("%s\n%s", headline, detail->str);
}

static GtkWidget *
location_row (AisleCatalog             *catalog,
              guint                     product,
              guint                     n_packages,
              const AisleStockLocation *location)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *icon = gtk_image_new_from_icon_name ("aisle-box-symbolic");
  GtkWidget *label;
  g_autofree char *package = aisle_describe_box (catalog, product, location->package, n_packages);
  g_autofree char *a11y = NULL;

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 40);
  label = gtk_label_new (package);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "location-package");

  gtk_widget_add_css_class (row, "location-row");
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  /* Translators: captions over the numbers on the stockroom's shelf labels. */
  gtk_box_append (GTK_BOX (row), aisle_location_cell_new (C_("store location", "Aisle"), location->aisle));
  gtk_box_append (GTK_BOX (row), aisle_location_cell_new (C_("store location", "Shelf"), location->shelf));

  /* Translators: read out by a screen reader: "Box 1 of 3: Frame, aisle 12, shelf 04" */
  a11y = g_strdup_printf (_("%s, aisle %s, shelf %s"), package, location->aisle, location->shelf);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
show_where (AisleProductPage *self,
            AisleCatalog     *catalog,
            AisleStock       *stock,
            guint             product)
{
  AisleFulfillment fulfillment = aisle_catalog_product_fulfillment (catalog, product);
  guint n_packages = aisle_catalog_product_n_packages (catalog, product);
  AisleStockLocation location;
  guint n = 0;

  aisle_widget_remove_children (GTK_WIDGET (self->locations_box));

  switch (fulfillment)
    {
    case AISLE_FULFILLMENT_FULL_SERVE:
      gtk_image_set_from_icon_name (self->where_icon, "aisle-desk-symbolic");
      gtk_label_set_text (self->where_title, _("Collected at the full-serve desk"));
      gtk_label_set_text (self->where_detail, _("Pay at the till, then staff bring it to the full-serve desk for you."));
      return;

    case AISLE_FULFILLMENT_ONLINE_ONLY:
      gtk_image_set_from_icon_name (self->where_icon, "aisle-delivery-symbolic");
      gtk_label_set_text (self->where_title, _("Order for delivery"));
      gtk_label_set_text (self->where_detail, _("This article is not kept in the store. Order it here and we deliver it to your home."));
      return;

    case AISLE_FULFILLMENT_SELF_SERVE:
    default:
      break;
    }

  gtk_image_set_from_icon_name (self->where_icon, "aisle-location-symbolic");
  gtk_label_set_text (self->where_title, _("Pick it up in the self-serve area"));

  while (stock != NULL && aisle_stock_get_location (stock, product, n, &location))
    {
      gtk_box_append (self->locations_box, location_row (catalog, product, n_packages, &location));
      n++;
    }

  if (n == 0)
    gtk_label_set_text (self->where_detail, _("We do not know its place right now. Please ask a member of staff."));
  else
    gtk_label_set_text (self->where_detail, _("Write down the aisle and shelf, or print your list."));

  if (n > 0 && n_packages > 1)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("This article comes in %u box. Take every box.",
                                                         "This article comes in %u boxes. Take every box.",
                                                         n_packages), n_packages);
      gtk_label_set_text (self->where_detail, text);
    }
}

static void
show_dimensions (AisleProductPage *self,
                 AisleCatalog     *catalog,
                 guint             product)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint width, depth, height, weight;

  aisle_catalog_product_dimensions (catalog, product, &width, &depth, &height, &weight);

#define ADD(value, divisor, unit, caption) \
  if (value > 0) \
    { \
      g_autofree char *m = format_measure (value, divisor, unit); \
      if (text->len) g_string_append (text, "   ·   "); \
      g_string_append_printf (text, "%s %s", caption, m); \
    }
  ADD (width, 10, "cm", _("Width"));
  ADD (depth, 10, "cm", _("Depth"));
  ADD (height, 10, "cm", _("Height"));
  ADD (weight, 1000, "kg", _("Weight"));
#undef ADD

  gtk_label_set_text (self->dimensions_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->dimensions_label), text->len > 0);
}

static void
image_loaded (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AisleProductPage) self = user_data;
  g_autoptr(GdkTexture) texture = aisle_image_loader_load_finish (AISLE_IMAGE_LOADER (object), result, NULL);

  if (texture != NULL && self->cancellable && !g_cancellable_is_cancelled (self->cancellable))
    gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static void
show_picture (AisleProductPage *self,
              const char       *path)
{
  g_autofree char *url = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->picture, NULL);

  if (self->images == NULL || !(url = aisle_store_resolve_image_url (self->store, path)))
    return;

  self->cancellable = g_cancellable_new ();
  aisle_image_loader_load_async (self->images, url, IMAGE_SIZE, self->cancellable, image_loaded, g_object_ref (self));
}

static void
thumbnail_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = aisle_image_loader_load_finish (AISLE_IMAGE_LOADER (object), result, NULL);

  if (texture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
thumbnail_clicked (GtkButton        *button,
                   AisleProductPage *self)
{
  show_picture (self, g_object_get_data (G_OBJECT (button), "aisle-image-path"));
}

/* One button per picture when there are several; tapping shows it large. */
static void
show_thumbnails (AisleProductPage *self,
                 AisleCatalog     *catalog,
                 guint             product)
{
  guint n = aisle_catalog_product_n_images (catalog, product);
  GtkWidget *child;

  g_cancellable_cancel (self->thumbnails_cancellable);
  g_clear_object (&self->thumbnails_cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnails_box))))
    gtk_box_remove (self->thumbnails_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->thumbnails_box), n > 1);
  if (n < 2 || self->images == NULL)
    return;

  self->thumbnails_cancellable = g_cancellable_new ();
  for (guint i = 0; i < n; i++)
    {
      const char *path = aisle_catalog_product_image (catalog, product, i);
      g_autofree char *url = aisle_store_resolve_image_url (self->store, path);
      g_autofree char *name = g_strdup_printf (_("Picture %u of %u"), i + 1, n);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *picture = gtk_picture_new ();

      gtk_widget_set_size_request (picture, 96, 96);
      gtk_button_set_child (GTK_BUTTON (button), picture);
      gtk_widget_add_css_class (button, "thumbnail");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (button), "aisle-image-path", g_strdup (path), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (thumbnail_clicked), self, 0);
      gtk_box_append (self->thumbnails_box, button);

      if (url != NULL)
        aisle_image_loader_load_async (self->images, url, 96, self->thumbnails_cancellable,
                                       thumbnail_loaded, g_object_ref (picture));
    }
}

void
aisle_product_page_set_product (AisleProductPage *self,
                                AisleCatalog     *catalog,
                                AisleStock       *stock,
                                guint             product)
{
  AisleLanguage language = aisle_language_get_current ();
  g_autofree char *article = NULL;
  g_autofree char *price = NULL;
  g_autofree char *stock_text = NULL;
  const char *currency, *description;
  char *newline;
  gint64 amount;

  g_return_if_fail (AISLE_IS_PRODUCT_PAGE (self));
  g_return_if_fail (AISLE_IS_CATALOG (catalog));

  amount = aisle_catalog_product_price (catalog, product, &currency);
  price = aisle_money_format (amount, currency, aisle_language_get_code (language));
  /* Translators: %s is an article number such as 104.233.67 */
  article = g_strdup_printf (_("Article %s"), aisle_catalog_product_article (catalog, product));

  gtk_label_set_text (self->name_label, aisle_catalog_product_name (catalog, product, language));
  gtk_label_set_text (self->short_label, aisle_catalog_product_short (catalog, product, language));
  gtk_label_set_text (self->article_label, article);
  gtk_label_set_text (self->price_label, price);

  stock_text = describe_stock (stock, product, g_get_real_time () / G_USEC_PER_SEC);
  newline = strchr (stock_text, '\n');
  if (newline != NULL)
    *newline++ = '\0';
  gtk_label_set_text (self->stock_label, stock_text);
  gtk_label_set_text (self->stock_detail_label, newline ? newline : "");
  gtk_widget_set_visible (GTK_WIDGET (self->stock_detail_label), newline && *newline);

  show_where (self, catalog, stock, product);
  show_dimensions (self, catalog, product);

  description = aisle_catalog_product_description (catalog, product, language);
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), *description != '\0');

  g_set_object (&self->catalog, catalog);
  self->product = product;
  self->quantity = 1;
  gtk_label_set_text (self->quantity_label, "1");
  gtk_widget_set_visible (GTK_WIDGET (self->added_label), FALSE);

  show_picture (self, aisle_catalog_product_image (catalog, product, 0));
  show_thumbnails (self, catalog, product);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
aisle_product_page_set_images (AisleProductPage *self,
                               AisleImageLoader *images,
                               AisleStore       *store)
{
  g_return_if_fail (AISLE_IS_PRODUCT_PAGE (self));

  g_set_object (&self->images, images);
  g_set_object (&self->store, store);
}

void
aisle_product_page_set_list (AisleProductPage  *self,
                             AisleShoppingList *list)
{
  g_return_if_fail (AISLE_IS_PRODUCT_PAGE (self));
  g_set_object (&self->list, list);
}

static void
set_quantity (AisleProductPage *self,
              guint             quantity)
{
  g_autofree char *text = NULL;

  self->quantity = CLAMP (quantity, 1, AISLE_SHOPPING_LIST_MAX_QUANTITY);
  text = g_strdup_printf ("%u", self->quantity);
  gtk_label_set_text (self->quantity_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "product.less", self->quantity > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "product.more", self->quantity < AISLE_SHOPPING_LIST_MAX_QUANTITY);
}

static void
less_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AisleProductPage *self = AISLE_PRODUCT_PAGE (widget);
  set_quantity (self, self->quantity - 1);
}

static void
more_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AisleProductPage *self = AISLE_PRODUCT_PAGE (widget);
  set_quantity (self, self->quantity + 1);
}

static void
add_to_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AisleProductPage *self = AISLE_PRODUCT_PAGE (widget);
  g_autofree char *note = NULL;
  const char *name;
  guint in_list;

  if (self->list == NULL || self->catalog == NULL)
    return;

  in_list = aisle_shopping_list_add (self->list, aisle_catalog_product_id (self->catalog, self->product), self->quantity);
  name = aisle_catalog_product_name (self->catalog, self->product, aisle_language_get_current ());
  /* Translators: "Added. Your list has 3 × LUNDA armchair." */
  note = g_strdup_printf (ngettext ("Added. Your list has %u × %s.", "Added. Your list has %u × %s.", in_list),
                          in_list, name);
  gtk_label_set_text (self->added_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->added_label), TRUE);
  set_quantity (self, 1);
}

void
aisle_product_page_set_portrait (AisleProductPage *self,
                                 gboolean          portrait)
{
  g_return_if_fail (AISLE_IS_PRODUCT_PAGE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->main_box),
                                  portrait ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static void
aisle_product_page_dispose (GObject *object)
{
  AisleProductPage *self = (AisleProductPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->thumbnails_cancellable);
  g_clear_object (&self->thumbnails_cancellable);
  g_clear_object (&self->images);
  g_clear_object (&self->store);
  g_clear_object (&self->list);
  g_clear_object (&self->catalog);
  aisle_widget_dispose_children (GTK_WIDGET (self), AISLE_TYPE_PRODUCT_PAGE);

  G_OBJECT_CLASS (aisle_product_page_parent_class)->dispose (object);
}

static void
aisle_product_page_class_init (AisleProductPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_product_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-product-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "productpage");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AisleProductPage, name)
  BIND (scroller);
  BIND (main_box);
  BIND (picture);
  BIND (thumbnails_box);
  BIND (name_label);
  BIND (short_label);
  BIND (article_label);
  BIND (price_label);
  BIND (quantity_label);
  BIND (added_label);
  BIND (stock_icon);
  BIND (stock_label);
  BIND (stock_detail_label);
  BIND (where_icon);
  BIND (where_title);
  BIND (where_detail);
  BIND (locations_box);
  BIND (dimensions_label);
  BIND (description_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "product.less", NULL, less_action);
  gtk_widget_class_install_action (widget_class, "product.more", NULL, more_action);
  gtk_widget_class_install_action (widget_class, "product.add-to-list", NULL, add_to_list_action);
}

static void
aisle_product_page_init (AisleProductPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_quantity (self, 1);
}
