/* aisle-slip.c: the printed slip as a plain document, and its JSON for the print queue */
#define G_LOG_DOMAIN "aisle-slip"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-money.h"
#include "aisle-qr.h"
#include "aisle-slip.h"

#define FORMAT_NAME     "aisle-slip"
#define FORMAT_VERSION  1
#define MAX_ID_CHARS    64
#define MAX_QUANTITY    9999
#define MAX_JSON_DEPTH  16

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_tokener, json_tokener_free)

struct _AisleSlip
{
  GObject    parent_instance;

  char      *id;
  char      *language;
  GDateTime *created_at;
  char      *texts[AISLE_SLIP_N_TEXTS];
  gboolean   has_order;
  char      *order_number;
  GArray    *pick;     /* AisleSlipPickRow, strings owned */
  GArray    *serve;    /* AisleSlipServeRow, strings owned */
  GArray    *totals;   /* AisleSlipTotal, strings owned */
};

G_DEFINE_FINAL_TYPE (AisleSlip, aisle_slip, G_TYPE_OBJECT)

/* The names of the texts in the JSON file; the order of AisleSlipText. */
static const char * const text_keys[AISLE_SLIP_N_TEXTS] = {
  "shop", "store", "date", "order_title", "pickup_label", "pickup_code", "fulfillment",
  "pending", "order_url", "order_caption", "pick_heading", "pick_summary", "aisle_label",
  "shelf_label", "serve_heading", "serve_note", "phone_url", "phone_caption",
};

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

static void
set_text (AisleSlip     *self,
          AisleSlipText  text,
          const char    *value)
{
  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
}

static void
take_text (AisleSlip     *self,
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

static void
build_header (AisleSlip     *self,
              AisleCatalog  *catalog,
              AisleStock    *stock,
              AisleLanguage  language,
              GDateTime     *now)
{
  AisleStoreInfo info = { 0 };
  guint store;

  set_text (self, AISLE_SLIP_SHOP, aisle_catalog_get_shop_name (catalog));
  if (stock != NULL)
    {
      store = aisle_catalog_find_store (catalog, aisle_stock_get_store_id (stock));
      if (store != AISLE_CATALOG_NO_INDEX && aisle_catalog_store_info (catalog, store, &info))
        set_text (self, AISLE_SLIP_STORE, info.name);
    }
  take_text (self, AISLE_SLIP_DATE, g_date_time_format (now, date_formats[language]));
}

static void
build_order (AisleSlip            *self,
             const AisleSlipOrder *order)
{
  self->has_order = TRUE;
  self->order_number = g_strdup (order->number);

  if (order->number != NULL && *order->number != '\0')
    /* Translators: the heading of an order on the printed slip; %s is its number. */
    take_text (self, AISLE_SLIP_ORDER_TITLE, g_strdup_printf (_("Order %s"), order->number));
  else
    set_text (self, AISLE_SLIP_ORDER_TITLE, _("Your order"));

  if (order->pickup_code != NULL && *order->pickup_code != '\0')
    {
      set_text (self, AISLE_SLIP_PICKUP_LABEL, _("Pickup code"));
      set_text (self, AISLE_SLIP_PICKUP_CODE, order->pickup_code);
    }

  set_text (self, AISLE_SLIP_FULFILLMENT, order->fulfillment);
  if (order->pending)
    set_text (self, AISLE_SLIP_PENDING,
              _("Your order is saved on this kiosk and will be sent to the store as soon as it can be."));
  set_text (self, AISLE_SLIP_ORDER_URL, order->reference);
  set_text (self, AISLE_SLIP_ORDER_CAPTION, _("Scan to follow your order on your phone"));
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

  set_text (self, AISLE_SLIP_PICK_HEADING, _("Pick it yourself"));
  take_text (self, AISLE_SLIP_PICK_SUMMARY,
             g_strdup_printf (ngettext ("%u box to take from the self-serve area, in walking order",
                                        "%u boxes to take from the self-serve area, in walking order", n_boxes),
                              n_boxes));
  set_text (self, AISLE_SLIP_AISLE_LABEL, C_("store location", "Aisle"));
  set_text (self, AISLE_SLIP_SHELF_LABEL, C_("store location", "Shelf"));
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

  set_text (self, AISLE_SLIP_SERVE_HEADING, _("We prepare it for you"));
  set_text (self, AISLE_SLIP_SERVE_NOTE, _("Pay at the till; staff bring these to the full-serve desk, or we deliver them."));
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
  guint parts = (self->pick->len > 0) + (self->serve->len > 0) + (fees != 0);

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
    }

  add_total (self, _("Total"), format_money (catalog, language, picked + prepared + fees), TRUE);
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

  self = g_object_new (AISLE_TYPE_SLIP, NULL);
  self->id = make_id (now);
  self->language = g_strdup (aisle_language_get_code (language));
  self->created_at = g_date_time_ref (now);

  build_header (self, catalog, stock, language, now);
  if (order != NULL)
    build_order (self, order);
  build_pick (self, list, catalog, stock, language);
  build_serve (self, list, catalog, language);
  build_totals (self, list, catalog, language, order);

  phone_url = build_phone_url (list, catalog);
  if (phone_url != NULL)
    {
      take_text (self, AISLE_SLIP_PHONE_URL, phone_url);
      set_text (self, AISLE_SLIP_PHONE_CAPTION, _("Scan to open this list on your phone"));
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

/* Writing JSON */

static void
add_string (json_object *object,
            const char  *key,
            const char  *value)
{
  json_object_object_add (object, key, value ? json_object_new_string (value) : NULL);
}

/* The rows' members in JSON, for writing and reading alike. */
typedef enum { FIELD_TEXT, FIELD_OPTIONAL_TEXT, FIELD_COUNT, FIELD_FLAG } FieldType;

typedef struct
{
  const char *key;
  FieldType   type;
  gsize       offset;
} Field;

#define FIELD(type, member, kind) { #member, kind, G_STRUCT_OFFSET (type, member) }

static const Field pick_fields[] = {
  FIELD (AisleSlipPickRow, article, FIELD_TEXT),
  FIELD (AisleSlipPickRow, name, FIELD_TEXT),
  FIELD (AisleSlipPickRow, box, FIELD_TEXT),
  FIELD (AisleSlipPickRow, quantity, FIELD_COUNT),
  FIELD (AisleSlipPickRow, boxes, FIELD_COUNT),
  FIELD (AisleSlipPickRow, aisle, FIELD_OPTIONAL_TEXT),
  FIELD (AisleSlipPickRow, shelf, FIELD_OPTIONAL_TEXT),
  { NULL },
};

static const Field serve_fields[] = {
  FIELD (AisleSlipServeRow, article, FIELD_TEXT),
  FIELD (AisleSlipServeRow, name, FIELD_TEXT),
  FIELD (AisleSlipServeRow, how, FIELD_TEXT),
  FIELD (AisleSlipServeRow, quantity, FIELD_COUNT),
  FIELD (AisleSlipServeRow, amount, FIELD_TEXT),
  { NULL },
};

static const Field total_fields[] = {
  FIELD (AisleSlipTotal, label, FIELD_TEXT),
  FIELD (AisleSlipTotal, amount, FIELD_TEXT),
  FIELD (AisleSlipTotal, grand, FIELD_FLAG),
  { NULL },
};

static json_object *
rows_to_json (GArray      *rows,
              const Field *fields)
{
  json_object *array = json_object_new_array_ext (rows->len);
  guint size = g_array_get_element_size (rows);

  for (guint i = 0; i < rows->len; i++)
    {
      gpointer row = rows->data + (gsize)i * size;
      json_object *item = json_object_new_object ();

      for (const Field *f = fields; f->key != NULL; f++)
        {
          gpointer member = G_STRUCT_MEMBER_P (row, f->offset);

          if (f->type == FIELD_COUNT)
            json_object_object_add (item, f->key, json_object_new_int64 (*(guint *)member));
          else if (f->type == FIELD_FLAG)
            json_object_object_add (item, f->key, json_object_new_boolean (*(gboolean *)member));
          else
            add_string (item, f->key, *(const char **)member);
        }
      json_object_array_add (array, item);
    }
  return array;
}

json_object *
aisle_slip_to_json_object (AisleSlip *self)
{
  json_object *root, *texts;
  g_autofree char *created = NULL;

  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);

  root = json_object_new_object ();
  created = g_date_time_format_iso8601 (self->created_at);
  add_string (root, "format", FORMAT_NAME);
  json_object_object_add (root, "format_version", json_object_new_int (FORMAT_VERSION));
  add_string (root, "id", self->id);
  add_string (root, "language", self->language);
  add_string (root, "created_at", created);
  json_object_object_add (root, "has_order", json_object_new_boolean (self->has_order));
  add_string (root, "order_number", self->order_number);

  texts = json_object_new_object ();
  for (guint i = 0; i < AISLE_SLIP_N_TEXTS; i++)
    add_string (texts, text_keys[i], aisle_slip_get_text (self, i));
  json_object_object_add (root, "texts", texts);

  json_object_object_add (root, "pick", rows_to_json (self->pick, pick_fields));
  json_object_object_add (root, "serve", rows_to_json (self->serve, serve_fields));
  json_object_object_add (root, "totals", rows_to_json (self->totals, total_fields));
  return root;
}

char *
aisle_slip_to_json (AisleSlip *self)
{
  g_autoptr(json_object) root = NULL;

  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);

  root = aisle_slip_to_json_object (self);
  return g_strdup (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

/* Reading JSON: every value is checked, the first problem is the error. */

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The saved slip is damaged (%s)"), what);
  return FALSE;
}

/* A string of at most @max bytes, valid UTF-8, without NUL; NULL or absent
 * only when @nullable. */
static gboolean
read_string (json_object  *object,
             const char   *key,
             gboolean      nullable,
             gsize         max,
             char        **out,
             GError      **error)
{
  json_object *value = NULL;
  const char *text;
  int len;

  if (!json_object_object_get_ex (object, key, &value) || value == NULL)
    {
      *out = NULL;
      return nullable ? TRUE : invalid (error, key);
    }
  if (!json_object_is_type (value, json_type_string))
    return invalid (error, key);

  text = json_object_get_string (value);
  len = json_object_get_string_len (value);
  if (len < 0 || (gsize)len > max || strlen (text) != (gsize)len || !g_utf8_validate (text, len, NULL))
    return invalid (error, key);

  *out = g_strndup (text, len);
  return TRUE;
}

static gboolean
read_uint (json_object *object,
           const char  *key,
           guint        max,
           guint       *out,
           GError     **error)
{
  json_object *value = NULL;
  gint64 n;

  if (!json_object_object_get_ex (object, key, &value) || !json_object_is_type (value, json_type_int))
    return invalid (error, key);
  n = json_object_get_int64 (value);
  if (n < 0 || n > max)
    return invalid (error, key);
  *out = (guint)n;
  return TRUE;
}

static gboolean
read_bool (json_object *object,
           const char  *key,
           gboolean    *out,
           GError     **error)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (object, key, &value) || !json_object_is_type (value, json_type_boolean))
    return invalid (error, key);
  *out = json_object_get_boolean (value);
  return TRUE;
}

static gboolean
id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_CHARS)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
read_row (json_object  *item,
          gpointer      row,
          const Field  *fields,
          GError      **error)
{
  for (const Field *f = fields; f->key != NULL; f++)
    {
      gpointer member = G_STRUCT_MEMBER_P (row, f->offset);
      gboolean ok;

      if (f->type == FIELD_COUNT)
        ok = read_uint (item, f->key, MAX_QUANTITY, member, error);
      else if (f->type == FIELD_FLAG)
        ok = read_bool (item, f->key, member, error);
      else
        ok = read_string (item, f->key, f->type == FIELD_OPTIONAL_TEXT, AISLE_SLIP_MAX_TEXT_BYTES, member, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_rows (json_object  *root,
           const char   *key,
           GArray       *rows,
           const Field  *fields,
           GError      **error)
{
  json_object *array = NULL;
  guint size = g_array_get_element_size (rows);

  if (!json_object_object_get_ex (root, key, &array) || !json_object_is_type (array, json_type_array) ||
      json_object_array_length (array) > AISLE_SLIP_MAX_ROWS)
    return invalid (error, key);

  for (gsize i = 0; i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree gpointer row = g_malloc0 (size);
      gboolean ok;

      if (!json_object_is_type (item, json_type_object))
        return invalid (error, key);
      ok = read_row (item, row, fields, error);
      /* Appended either way, so that the array frees what was read. */
      g_array_append_vals (rows, row, 1);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_texts (AisleSlip   *self,
            json_object *root,
            GError     **error)
{
  json_object *texts = NULL;

  if (!json_object_object_get_ex (root, "texts", &texts) || !json_object_is_type (texts, json_type_object))
    return invalid (error, "texts");

  for (guint i = 0; i < AISLE_SLIP_N_TEXTS; i++)
    {
      gsize max = (i == AISLE_SLIP_ORDER_URL || i == AISLE_SLIP_PHONE_URL) ? AISLE_QR_MAX_TEXT
                                                                          : AISLE_SLIP_MAX_TEXT_BYTES;

      if (!read_string (texts, text_keys[i], FALSE, max, &self->texts[i], error))
        return FALSE;
    }

  /* An order always has its QR payload. */
  if (self->has_order && *self->texts[AISLE_SLIP_ORDER_URL] == '\0')
    return invalid (error, "order_url");
  return TRUE;
}

static gboolean
read_header (AisleSlip   *self,
             json_object *root,
             GError     **error)
{
  g_autofree char *format = NULL;
  g_autofree char *created = NULL;
  json_object *version = NULL;
  AisleLanguage language;

  if (!read_string (root, "format", FALSE, 64, &format, error))
    return FALSE;
  if (!g_str_equal (format, FORMAT_NAME) || !json_object_object_get_ex (root, "format_version", &version) ||
      !json_object_is_type (version, json_type_int) || json_object_get_int64 (version) != FORMAT_VERSION)
    return invalid (error, "format");

  if (!read_string (root, "id", FALSE, MAX_ID_CHARS, &self->id, error))
    return FALSE;
  if (!id_is_valid (self->id))
    return invalid (error, "id");

  if (!read_string (root, "language", FALSE, 16, &self->language, error))
    return FALSE;
  if (!aisle_language_from_code (self->language, &language) ||
      !g_str_equal (self->language, aisle_language_get_code (language)))
    return invalid (error, "language");

  if (!read_string (root, "created_at", FALSE, 64, &created, error))
    return FALSE;
  self->created_at = g_date_time_new_from_iso8601 (created, NULL);
  if (self->created_at == NULL)
    return invalid (error, "created_at");

  return read_bool (root, "has_order", &self->has_order, error) &&
         read_string (root, "order_number", TRUE, AISLE_SLIP_MAX_TEXT_BYTES, &self->order_number, error);
}

AisleSlip *
aisle_slip_new_from_json_object (json_object  *object,
                                 GError      **error)
{
  g_autoptr(AisleSlip) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (object == NULL || !json_object_is_type (object, json_type_object))
    {
      invalid (error, "not an object");
      return NULL;
    }

  self = g_object_new (AISLE_TYPE_SLIP, NULL);
  if (!read_header (self, object, error) ||
      !read_texts (self, object, error) ||
      !read_rows (object, "pick", self->pick, pick_fields, error) ||
      !read_rows (object, "serve", self->serve, serve_fields, error) ||
      !read_rows (object, "totals", self->totals, total_fields, error))
    return NULL;

  return g_steal_pointer (&self);
}

AisleSlip *
aisle_slip_new_from_json (const char  *json,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(json_tokener) tokener = NULL;
  g_autoptr(json_object) root = NULL;
  gsize len;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (json) : (gsize)length;
  if (len > AISLE_SLIP_MAX_JSON_BYTES)
    {
      invalid (error, "too large");
      return NULL;
    }

  tokener = json_tokener_new_ex (MAX_JSON_DEPTH);
  json_tokener_set_flags (tokener, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  root = json_tokener_parse_ex (tokener, json, (int)len);
  if (root == NULL || json_tokener_get_error (tokener) != json_tokener_success)
    {
      invalid (error, "not JSON");
      return NULL;
    }

  return aisle_slip_new_from_json_object (root, error);
}
