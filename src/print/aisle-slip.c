/* aisle-slip.c: the printed slip as a plain document, built from the shopping list */
#define G_LOG_DOMAIN "aisle-slip"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-money.h"
#include "aisle-qr.h"
#include "aisle-slip-private.h"

G_DEFINE_FINAL_TYPE (AisleSlip, aisle_slip, G_TYPE_OBJECT)

/* Dates as shops in each language print them; numbers only, so they do not
 * depend on the locales installed (month names would follow LC_TIME). */
static const char * const date_formats[] = {
  [AISLE_LANGUAGE_EN] = "%d/%m/%Y %H:%M",
  [AISLE_LANGUAGE_IT] = "%d/%m/%Y %H:%M",
  [AISLE_LANGUAGE_DE] = "%d.%m.%Y %H:%M",
  [AISLE_LANGUAGE_ES] = "%d/%m/%Y %H:%M",
};

static void
pick_row_clear (gpointer data)
{
  AisleSlipPickRow *row = data;

  g_free ((char *)row->article);
  g_free ((char *)row->name);
  g_free ((char *)row->box);
  g_free ((char *)row->aisle);
  g_free ((char *)row->shelf);
}

static void
serve_row_clear (gpointer data)
{
  AisleSlipServeRow *row = data;

  g_free ((char *)row->article);
  g_free ((char *)row->name);
  g_free ((char *)row->how);
  g_free ((char *)row->amount);
}

static void
total_clear (gpointer data)
{
  AisleSlipTotal *total = data;

  g_free ((char *)total->label);
  g_free ((char *)total->amount);
}

static void
aisle_slip_finalize (GObject *object)
{
  AisleSlip *self = (AisleSlip *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  for (guint i = 0; i < AISLE_SLIP_N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_pointer (&self->order_number, g_free);
  g_clear_pointer (&self->pick, g_array_unref);
  g_clear_pointer (&self->serve, g_array_unref);
  g_clear_pointer (&self->totals, g_array_unref);

  G_OBJECT_CLASS (aisle_slip_parent_class)->finalize (object);
}

static void
aisle_slip_class_init (AisleSlipClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_slip_finalize;
}

static void
aisle_slip_init (AisleSlip *self)
{
  self->pick = g_array_new (FALSE, TRUE, sizeof (AisleSlipPickRow));
  g_array_set_clear_func (self->pick, pick_row_clear);
  self->serve = g_array_new (FALSE, TRUE, sizeof (AisleSlipServeRow));
  g_array_set_clear_func (self->serve, serve_row_clear);
  self->totals = g_array_new (FALSE, TRUE, sizeof (AisleSlipTotal));
  g_array_set_clear_func (self->totals, total_clear);
}

void
aisle_slip_set_text (AisleSlip     *self,
                     AisleSlipText  text,
                     const char    *value)
{
  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
}

void
aisle_slip_take_text (AisleSlip     *self,
                      AisleSlipText  text,
                      char          *value)
{
  g_free (self->texts[text]);
  self->texts[text] = value;
}

/* Building from the list */

static char *
make_id (GDateTime *now)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s-%08x", stamp, g_random_int ());
}

AisleSlip *
aisle_slip_begin (AisleLanguage  language,
                  GDateTime     *now)
{
  AisleSlip *self = g_object_new (AISLE_TYPE_SLIP, NULL);

  self->id = make_id (now);
  self->language = g_strdup (aisle_language_get_code (language));
  self->created_at = g_date_time_ref (now);
  return self;
}

static char *
format_money (AisleCatalog  *catalog,
              AisleLanguage  language,
              gint64         amount)
{
  return aisle_money_format (amount, aisle_catalog_get_currency (catalog), aisle_language_get_code (language));
}

static const char *
product_short_name (AisleCatalog  *catalog,
                    guint          product,
                    AisleLanguage  language)
{
  const char *name = aisle_catalog_product_short (catalog, product, language);

  /* Not every product has a short name; the full one still fits, wrapped. */
  if (name == NULL || *name == '\0')
    name = aisle_catalog_product_name (catalog, product, language);
  return name;
}

void
aisle_slip_build_header (AisleSlip     *self,
                         AisleCatalog  *catalog,
                         AisleStock    *stock,
                         AisleLanguage  language,
                         GDateTime     *now)
{
  AisleStoreInfo info = { 0 };
  guint store;

  aisle_slip_set_text (self, AISLE_SLIP_SHOP, aisle_catalog_get_shop_name (catalog));
  if (stock != NULL)
    {
      store = aisle_catalog_find_store (catalog, aisle_stock_get_store_id (stock));
      if (store != AISLE_CATALOG_NO_INDEX && aisle_catalog_store_info (catalog, store, &info))
        aisle_slip_set_text (self, AISLE_SLIP_STORE, info.name);
    }
  aisle_slip_take_text (self, AISLE_SLIP_DATE, g_date_time_format (now, date_formats[language]));
}

static void
build_order (AisleSlip            *self,
             const AisleSlipOrder *order)
{
  self->has_order = TRUE;
  self->order_number = g_strdup (order->number);

  if (order->number != NULL && *order->number != '\0')
    /* Translators: the heading of an order on the printed slip; %s is its number. */
    aisle_slip_take_text (self, AISLE_SLIP_ORDER_TITLE, g_strdup_printf (_("Order %s"), order->number));
  else
    aisle_slip_set_text (self, AISLE_SLIP_ORDER_TITLE, _("Your order"));

  if (order->pickup_code != NULL && *order->pickup_code != '\0')
    {
      aisle_slip_set_text (self, AISLE_SLIP_PICKUP_LABEL, _("Pickup code"));
      aisle_slip_set_text (self, AISLE_SLIP_PICKUP_CODE, order->pickup_code);
    }

  aisle_slip_set_text (self, AISLE_SLIP_FULFILLMENT, order->fulfillment);
  if (order->pending)
    aisle_slip_set_text (self, AISLE_SLIP_PENDING,
              _("Your order is saved on this kiosk and will be sent to the store as soon as it can be."));
  aisle_slip_set_text (self, AISLE_SLIP_ORDER_URL, order->reference);
  aisle_slip_set_text (self, AISLE_SLIP_ORDER_CAPTION, _("Scan to follow your order on your phone"));
}

/* The same words as the list page, so the slip matches the screen. */
static char *
describe_box (AisleCatalog       *catalog,
              AisleLanguage       language,
              const AislePickRow *pick)
{
  AislePackageInfo info = { 0 };

  if (pick->n_packages <= 1)
    return g_strdup (_("One box"));

  if (aisle_catalog_product_package (catalog, pick->product, pick->package - 1, language, &info) &&
      info.label != NULL && *info.label != '\0')
    /* Translators: "Box 1 of 3: Frame" */
    return g_strdup_printf (_("Box %u of %u: %s"), pick->package, pick->n_packages, info.label);

  return g_strdup_printf (_("Box %u of %u"), pick->package, pick->n_packages);
}

static void
build_pick (AisleSlip         *self,
            AisleShoppingList *list,
            AisleCatalog      *catalog,
            AisleStock        *stock,
            AisleLanguage      language)
{
  g_autoptr(GArray) picks = NULL;
  guint n_boxes = 0;

  picks = aisle_shopping_list_pick_rows (list, catalog, stock, &n_boxes);
  for (guint i = 0; i < picks->len; i++)
    {
      const AislePickRow *pick = &g_array_index (picks, AislePickRow, i);
      const AisleListLine *line = aisle_shopping_list_get_line (list, pick->line);
      AisleSlipPickRow row = { 0 };

      row.article = g_strdup (aisle_catalog_product_article (catalog, pick->product));
      row.name = g_strdup (product_short_name (catalog, pick->product, language));
      row.box = describe_box (catalog, language, pick);
      row.quantity = line->quantity;
      row.boxes = pick->boxes;
      row.aisle = g_strdup (pick->aisle);
      row.shelf = g_strdup (pick->shelf);
      g_array_append_val (self->pick, row);
    }

  if (picks->len == 0)
    return;

  aisle_slip_set_text (self, AISLE_SLIP_PICK_HEADING, _("Pick it yourself"));
  aisle_slip_take_text (self, AISLE_SLIP_PICK_SUMMARY,
             g_strdup_printf (ngettext ("%u box to take from the self-serve area, in walking order",
                                        "%u boxes to take from the self-serve area, in walking order", n_boxes),
                              n_boxes));
  aisle_slip_set_text (self, AISLE_SLIP_AISLE_LABEL, C_("store location", "Aisle"));
  aisle_slip_set_text (self, AISLE_SLIP_SHELF_LABEL, C_("store location", "Shelf"));
}

static const char *
describe_service (AisleFulfillment fulfillment)
{
  switch (fulfillment)
    {
    case AISLE_FULFILLMENT_FULL_SERVE:
      return _("Collected at the full-serve desk");
    case AISLE_FULFILLMENT_ONLINE_ONLY:
      return _("Order for delivery");
    case AISLE_FULFILLMENT_SELF_SERVE:
    default:
      return _("Prepared for you by staff");
    }
}

static void
build_serve (AisleSlip         *self,
             AisleShoppingList *list,
             AisleCatalog      *catalog,
             AisleLanguage      language)
{
  for (guint i = 0; i < aisle_shopping_list_get_n_lines (list); i++)
    {
      const AisleListLine *line = aisle_shopping_list_get_line (list, i);
      guint product = aisle_catalog_find_by_id (catalog, line->product_id);
      AisleSlipServeRow row = { 0 };
      gint64 price;

      /* Gone from the catalog: nobody can collect it, and it costs nothing. */
      if (product == AISLE_CATALOG_NO_INDEX || aisle_shopping_list_is_picked (list, catalog, i))
        continue;

      price = aisle_catalog_product_price (catalog, product, NULL);
      row.article = g_strdup (aisle_catalog_product_article (catalog, product));
      row.name = g_strdup (product_short_name (catalog, product, language));
      row.how = g_strdup (describe_service (aisle_catalog_product_fulfillment (catalog, product)));
      row.quantity = line->quantity;
      row.amount = format_money (catalog, language, price * line->quantity);
      g_array_append_val (self->serve, row);
    }

  if (self->serve->len == 0)
    return;

  aisle_slip_set_text (self, AISLE_SLIP_SERVE_HEADING, _("We prepare it for you"));
  aisle_slip_set_text (self, AISLE_SLIP_SERVE_NOTE, _("Pay at the till; staff bring these to the full-serve desk, or we deliver them."));
}

static void
add_total (AisleSlip  *self,
           const char *label,
           char       *amount,
           gboolean    grand)
{
  AisleSlipTotal total = { g_strdup (label), amount, grand };

  g_array_append_val (self->totals, total);
}

static void
build_totals (AisleSlip            *self,
              AisleShoppingList    *list,
              AisleCatalog         *catalog,
              AisleLanguage         language,
              const AisleSlipOrder *order)
{
  gint64 picked = 0, prepared = 0, fees = order ? order->fees : 0;
  gint64 discount = order && order->coupon ? order->discount : 0;
  guint parts = (self->pick->len > 0) + (self->serve->len > 0) + (fees != 0) + (discount != 0);

  aisle_shopping_list_total (list, catalog, &picked, &prepared);

  /* Subtotals only when there is something to add up. */
  if (parts > 1)
    {
      if (self->pick->len > 0)
        add_total (self, _("Pick it yourself"), format_money (catalog, language, picked), FALSE);
      if (self->serve->len > 0)
        add_total (self, _("We prepare it for you"), format_money (catalog, language, prepared), FALSE);
      if (fees != 0)
        add_total (self, _("Delivery and services"), format_money (catalog, language, fees), FALSE);
      if (discount != 0)
        {
          /* Translators: a line of the slip's totals; %s is the coupon's code. */
          g_autofree char *label = g_strdup_printf (_("Coupon %s"), order->coupon);
          g_autofree char *amount = format_money (catalog, language, discount);

          add_total (self, label, g_strconcat ("-", amount, NULL), FALSE);
        }
    }

  add_total (self, _("Total"), format_money (catalog, language, picked + prepared + fees - discount), TRUE);
}

/* <shop_url>list?items=<article>*<qty>,… : the online shop opens the same
 * list on the shopper's phone (docs/printing.md). */
static char *
build_phone_url (AisleShoppingList *list,
                 AisleCatalog      *catalog)
{
  const char *shop = aisle_catalog_get_shop_url (catalog);
  g_autoptr(GString) url = NULL;
  guint n = 0;

  if (shop == NULL || !(g_str_has_prefix (shop, "https://") || g_str_has_prefix (shop, "http://")))
    return NULL;

  url = g_string_new (shop);
  if (!g_str_has_suffix (shop, "/"))
    g_string_append_c (url, '/');
  g_string_append (url, "list?items=");

  for (guint i = 0; i < aisle_shopping_list_get_n_lines (list); i++)
    {
      const AisleListLine *line = aisle_shopping_list_get_line (list, i);
      guint product = aisle_catalog_find_by_id (catalog, line->product_id);
      const char *article;

      if (product == AISLE_CATALOG_NO_INDEX)
        continue;
      article = aisle_catalog_product_article (catalog, product);
      if (article == NULL || *article == '\0')
        continue;
      if (n++ > 0)
        g_string_append_c (url, ',');
      g_string_append_uri_escaped (url, article, NULL, FALSE);
      g_string_append_printf (url, "*%u", line->quantity);
    }

  /* A code too dense to scan is worse than none: the slip still lists it all. */
  if (n == 0 || url->len > AISLE_QR_MAX_TEXT)
    {
      if (n > 0)
        g_message ("The list is too long for a phone QR code (%" G_GSIZE_FORMAT " bytes)", url->len);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&url), FALSE);
}

AisleSlip *
aisle_slip_new_for_list (AisleShoppingList    *list,
                         AisleCatalog         *catalog,
                         AisleStock           *stock,
                         AisleLanguage         language,
                         GDateTime            *now,
                         const AisleSlipOrder *order)
{
  g_autoptr(AisleSlip) self = NULL;
  char *phone_url;

  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (list), NULL);
  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (stock == NULL || AISLE_IS_STOCK (stock), NULL);
  g_return_val_if_fail (language < AISLE_N_LANGUAGES_ENUM, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (order == NULL || order->reference != NULL, NULL);

  self = aisle_slip_begin (language, now);

  aisle_slip_build_header (self, catalog, stock, language, now);
  if (order != NULL)
    build_order (self, order);
  build_pick (self, list, catalog, stock, language);
  build_serve (self, list, catalog, language);
  build_totals (self, list, catalog, language, order);

  phone_url = build_phone_url (list, catalog);
  if (phone_url != NULL)
    {
      aisle_slip_take_text (self, AISLE_SLIP_PHONE_URL, phone_url);
      aisle_slip_set_text (self, AISLE_SLIP_PHONE_CAPTION, _("Scan to open this list on your phone"));
    }

  return g_steal_pointer (&self);
}

/* Accessors */

const char *
aisle_slip_get_id (AisleSlip *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);
  return self->id;
}

const char *
aisle_slip_get_language (AisleSlip *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);
  return self->language;
}

GDateTime *
aisle_slip_get_created_at (AisleSlip *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);
  return self->created_at;
}

const char *
aisle_slip_get_text (AisleSlip     *self,
                     AisleSlipText  text)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), "");
  g_return_val_if_fail (text < AISLE_SLIP_N_TEXTS, "");
  return self->texts[text] ? self->texts[text] : "";
}

gboolean
aisle_slip_has_order (AisleSlip *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), FALSE);
  return self->has_order;
}

const char *
aisle_slip_get_order_number (AisleSlip *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);
  return self->order_number;
}

guint
aisle_slip_get_n_pick_rows (AisleSlip *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), 0);
  return self->pick->len;
}

const AisleSlipPickRow *
aisle_slip_get_pick_row (AisleSlip *self,
                         guint      nth)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);
  g_return_val_if_fail (nth < self->pick->len, NULL);
  return &g_array_index (self->pick, AisleSlipPickRow, nth);
}

guint
aisle_slip_get_n_serve_rows (AisleSlip *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), 0);
  return self->serve->len;
}

const AisleSlipServeRow *
aisle_slip_get_serve_row (AisleSlip *self,
                          guint      nth)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);
  g_return_val_if_fail (nth < self->serve->len, NULL);
  return &g_array_index (self->serve, AisleSlipServeRow, nth);
}

guint
aisle_slip_get_n_totals (AisleSlip *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), 0);
  return self->totals->len;
}

const AisleSlipTotal *
aisle_slip_get_total (AisleSlip *self,
                      guint      nth)
{
  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);
  g_return_val_if_fail (nth < self->totals->len, NULL);
  return &g_array_index (self->totals, AisleSlipTotal, nth);
}
