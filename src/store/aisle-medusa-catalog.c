/* aisle-medusa-catalog.c: Medusa v2 Store API documents into catalog and stock */
#define G_LOG_DOMAIN "aisle-medusa"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-medusa-catalog.h"
#include "aisle-money.h"
#include "aisle-weekly-span.h"

#define MAX_NAME_CHARS        200
#define MAX_DESCRIPTION_CHARS 4000
#define MAX_PACKAGES          20
#define MAX_AMOUNT            ((gint64) 1 << 50)
#define MAX_LOGGED_SKIPS      20

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static json_object *
member (json_object *obj,
        const char  *key)
{
  json_object *value = NULL;

  if (obj == NULL || !json_object_is_type (obj, json_type_object) ||
      !json_object_object_get_ex (obj, key, &value) || json_object_is_type (value, json_type_null))
    return NULL;
  return value;
}

static json_object *
array_member (json_object *obj,
              const char  *key)
{
  json_object *value = member (obj, key);

  return value && json_object_is_type (value, json_type_array) ? value : NULL;
}

/* 0 for anything but an array: json-c asserts on other types. */
static gsize
array_length (json_object *array)
{
  return json_object_is_type (array, json_type_array) ? json_object_array_length (array) : 0;
}

/* Strings, and numbers given where a string was meant (metadata edited by hand). */
static const char *
string_member (json_object *obj,
               const char  *key)
{
  json_object *value = member (obj, key);

  if (value == NULL || !(json_object_is_type (value, json_type_string) ||
                         json_object_is_type (value, json_type_int)))
    return NULL;
  return json_object_get_string (value);
}

static gboolean
text_ok (const char *text,
         gsize       max_chars)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= (glong) max_chars;
}

static gint64
int_member (json_object *obj,
            const char  *key,
            gint64       fallback)
{
  const char *text = string_member (obj, key);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT32, &value, NULL))
    return fallback;
  return value;
}

/* Metadata values are strings in Medusa's admin; a JSON document may be
 * kept in one. Returns a new reference. */
static json_object *
json_metadata (json_object *metadata,
               const char  *key)
{
  json_object *value = member (metadata, key);

  if (value == NULL)
    return NULL;
  if (json_object_is_type (value, json_type_string))
    return json_tokener_parse (json_object_get_string (value));
  return json_object_get (value);
}

gboolean
aisle_medusa_parse_amount (json_object *amount,
                           const char  *currency,
                           gint64      *minor)
{
  const char *text, *p;
  guint decimals = aisle_money_get_decimals (currency);
  gint64 value = 0;
  guint digits = 0, fraction = 0;
  gboolean negative = FALSE, round_up = FALSE;

  if (amount != NULL && json_object_is_type (amount, json_type_object))
    amount = member (amount, "value");
  if (amount == NULL)
    return FALSE;
  /* json-c keeps a parsed number's own text: 129.99 stays "129.99". */
  text = json_object_is_type (amount, json_type_string) ? json_object_get_string (amount)
       : json_object_is_type (amount, json_type_int) || json_object_is_type (amount, json_type_double)
         ? json_object_to_json_string_ext (amount, JSON_C_TO_STRING_PLAIN) : NULL;
  if (text == NULL)
    return FALSE;

  p = text;
  if (*p == '-')
    negative = TRUE, p++;
  for (; g_ascii_isdigit (*p); p++, digits++)
    if ((value = value * 10 + (*p - '0')) > MAX_AMOUNT)
      return FALSE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        if (fraction < decimals)
          value = value * 10 + (*p - '0'), fraction++;
        else if (fraction++ == decimals)
          round_up = *p >= '5';
      }
  if (*p != '\0' || digits == 0)
    return FALSE;
  for (; fraction < decimals; fraction++)
    value *= 10;

  *minor = (negative ? -1 : 1) * (value + (round_up ? 1 : 0));
  return TRUE;
}

/* Opening hours ("open"/"close") or delivery windows ("start"/"end"), as in the store feed. */
static void
add_weekly_spans (AisleCatalogBuilder *builder,
                  guint                store,
                  json_object         *spans,
                  gboolean             delivery)
{
  for (gsize i = 0; i < MIN (array_length (spans), 32); i++)
    {
      json_object *span = json_object_array_get_idx (spans, i);
      json_object *days = array_member (span, "days");
      guint mask = 0;

      for (gsize d = 0; d < array_length (days); d++)
        mask |= aisle_weekly_span_day_bit (json_object_get_int64 (json_object_array_get_idx (days, d)));
      aisle_weekly_span_add (builder, store, mask, string_member (span, delivery ? "start" : "open"),
                             string_member (span, delivery ? "end" : "close"), delivery);
    }
}

static void
add_store (AisleCatalogBuilder *builder,
           json_object         *obj,
           const char          *currency)
{
  AisleStoreInfo info = { 0 };
  json_object *delivery = member (obj, "delivery");
  json_object *fee = member (delivery, "fee");
  json_object *vat = member (obj, "vat_rate");
  gint64 fee_minor;
  guint index;

  if (!text_ok (info.id = string_member (obj, "id"), 64))
    return;
  info.name = string_member (obj, "name");
  if (!text_ok (info.name, MAX_NAME_CHARS))
    info.name = info.id;
  info.address = string_member (obj, "address");
  if (!text_ok (info.address, MAX_NAME_CHARS))
    info.address = NULL;
  info.country = string_member (obj, "country");
  info.timezone = string_member (obj, "timezone");
  info.pickup_lead_minutes = (guint) CLAMP (int_member (obj, "pickup_lead_minutes", 60), 0, 60 * 24 * 14);
  if (vat != NULL && (json_object_is_type (vat, json_type_int) || json_object_is_type (vat, json_type_double)))
    {
      double rate = json_object_get_double (vat);

      info.vat_rate_bp = rate > 0 && rate < 100 ? (guint) (rate * 100 + 0.5) : 0;
    }
  /* The fee shown before Medusa prices the delivery; same currency only. */
  if (fee != NULL && g_ascii_strcasecmp (string_member (fee, "currency") ?: "", currency) == 0 &&
      json_object_is_type (member (fee, "amount"), json_type_int) &&
      (fee_minor = json_object_get_int64 (member (fee, "amount"))) >= 0)
    {
      info.delivers = TRUE;
      info.delivery_fee = fee_minor;
      info.delivery_lead_days = (guint) CLAMP (int_member (delivery, "lead_days", 1), 0, 60);
    }

  index = aisle_catalog_builder_add_store (builder, &info);
  add_weekly_spans (builder, index, array_member (obj, "opening_hours"), FALSE);
  if (info.delivers)
    add_weekly_spans (builder, index, array_member (delivery, "windows"), TRUE);
}

static void
add_stores (AisleCatalogBuilder *builder,
            json_object         *region,
            const char          *currency)
{
  g_autoptr(json_object) stores = json_metadata (member (region, "metadata"), "aisle_stores");

  if (stores == NULL || !json_object_is_type (stores, json_type_array))
    {
      g_message ("The region has no store directory (metadata aisle_stores): no pickup stores");
      return;
    }
  for (gsize i = 0; i < MIN (array_length (stores), 1000); i++)
    add_store (builder, json_object_array_get_idx (stores, i), currency);
}

static int
compare_categories (const void *a,
                    const void *b)
{
  json_object *ca = *(json_object **) a, *cb = *(json_object **) b;
  gint64 ra = int_member (ca, "rank", G_MAXINT32), rb = int_member (cb, "rank", G_MAXINT32);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_strcmp0 (string_member (ca, "name"), string_member (cb, "name"));
}

/* Category id → 1 + its index in the catalog, in display order (rank). */
static GHashTable *
add_categories (AisleCatalogBuilder *builder,
                json_object         *categories)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (gsize i = 0; i < array_length (categories); i++)
    {
      json_object *category = json_object_array_get_idx (categories, i);

      if (text_ok (string_member (category, "id"), 64) && text_ok (string_member (category, "name"), MAX_NAME_CHARS))
        g_ptr_array_add (sorted, category);
    }
  /* qsort() wants a real array even for nothing to sort; an empty
   * GPtrArray has none (a region with no usable categories). */
  if (sorted->len > 1)
    qsort (sorted->pdata, sorted->len, sizeof (gpointer), compare_categories);

  for (guint i = 0; i < sorted->len; i++)
    {
      json_object *category = sorted->pdata[i];
      const char *id = string_member (category, "id");
      const char *name = string_member (category, "name");
      const char *names[4] = { name, name, name, name };
      const char *icon = string_member (member (category, "metadata"), "aisle_icon");
      guint n;

      if (g_hash_table_contains (index, id))
        continue;
      n = aisle_catalog_builder_add_category (builder, id, names, icon);
      g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (n + 1));
    }
  return index;
}

/* A product in several categories is shown in the first of them in display
 * order: the catalog keeps one category per product. */
static guint
first_category (GHashTable  *categories,
                json_object *product)
{
  json_object *list = array_member (product, "categories");
  guint best = 0;

  for (gsize i = 0; i < array_length (list); i++)
    {
      const char *id = string_member (json_object_array_get_idx (list, i), "id");
      guint n = id ? GPOINTER_TO_UINT (g_hash_table_lookup (categories, id)) : 0;

      if (n != 0 && (best == 0 || n < best))
        best = n;
    }
  return best;
}

static const char *
variant_gtin (json_object *variant)
{
  static const char * const keys[] = { "ean", "upc", "barcode" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *code = string_member (variant, keys[i]);
      gsize len = code ? strlen (code) : 0;

      if (len >= 8 && len <= 14 && strspn (code, "0123456789") == len)
        return code;
    }
  return NULL;
}

static AisleFulfillment
parse_fulfillment (json_object *product)
{
  const char *text = string_member (member (product, "metadata"), "aisle_fulfillment");

  if (g_strcmp0 (text, "full-serve") == 0)
    return AISLE_FULFILLMENT_FULL_SERVE;
  if (g_strcmp0 (text, "online-only") == 0)
    return AISLE_FULFILLMENT_ONLINE_ONLY;
  return AISLE_FULFILLMENT_SELF_SERVE;
}

/* Package n of a level: "aisle"/"shelf" (or "bin") are package 1,
 * "aisle_2"/"shelf_2" package 2, and so on. */
static gboolean
level_location (json_object  *level,
                guint         package,
                const char  **aisle,
                const char  **shelf)
{
  json_object *metadata = member (level, "metadata");
  g_autofree char *aisle_key = package == 1 ? g_strdup ("aisle") : g_strdup_printf ("aisle_%u", package);
  g_autofree char *shelf_key = package == 1 ? g_strdup ("shelf") : g_strdup_printf ("shelf_%u", package);
  g_autofree char *bin_key = package == 1 ? g_strdup ("bin") : g_strdup_printf ("bin_%u", package);

  if (package == 1 && string_member (metadata, "aisle") == NULL)
    {
      g_free (aisle_key), aisle_key = g_strdup ("aisle_1");
      g_free (shelf_key), shelf_key = g_strdup ("shelf_1");
      g_free (bin_key), bin_key = g_strdup ("bin_1");
    }
  *aisle = string_member (metadata, aisle_key);
  *shelf = string_member (metadata, shelf_key);
  if (*shelf == NULL)
    *shelf = string_member (metadata, bin_key);
  return *aisle != NULL && text_ok (*aisle, 32) && (*shelf == NULL || text_ok (*shelf, 32));
}

/* Boxes of one article: the inventory items of a kit, or the numbered
 * locations of a single item's levels. */
static guint
count_packages (json_object *variant)
{
  json_object *items = array_member (variant, "inventory_items");
  guint n = 1;

  if (array_length (items) > 1)
    return MIN (array_length (items), MAX_PACKAGES);
  for (gsize i = 0; i < array_length (items); i++)
    {
      json_object *levels = array_member (member (json_object_array_get_idx (items, i), "inventory"), "location_levels");

      for (gsize l = 0; l < array_length (levels); l++)
        for (guint p = n + 1; p <= MAX_PACKAGES; p++)
          {
            const char *aisle, *shelf;

            if (level_location (json_object_array_get_idx (levels, l), p, &aisle, &shelf))
              n = p;
          }
    }
  return n;
}

typedef struct
{
  AisleCatalogBuilder *builder;
  GHashTable          *categories;
  GHashTable          *ids;
  const char          *currency;
  guint                n_skipped;
  GChecksum           *content;
} Context;

static void
hash_text (GChecksum  *checksum,
           const char *text)
{
  /* With its terminator, so that "ab","c" differs from "a","bc". */
  g_checksum_update (checksum, (const guchar *) (text ? text : ""), text ? strlen (text) + 1 : 1);
}

static void
hash_draft (GChecksum               *checksum,
            const AisleProductDraft *draft)
{
  g_autofree char *numbers = g_strdup_printf ("%u %u %" G_GINT64_FORMAT " %u %u %u %u %u %u",
                                              draft->category, draft->fulfillment, draft->price,
                                              draft->width_mm, draft->depth_mm, draft->height_mm,
                                              draft->weight_g, draft->n_images, draft->n_packages);

  hash_text (checksum, draft->id);
  hash_text (checksum, draft->article);
  hash_text (checksum, draft->gtin);
  hash_text (checksum, draft->name[AISLE_LANGUAGE_EN]);
  hash_text (checksum, draft->short_text[AISLE_LANGUAGE_EN]);
  hash_text (checksum, draft->description[AISLE_LANGUAGE_EN]);
  hash_text (checksum, draft->currency);
  hash_text (checksum, numbers);
  for (guint i = 0; i < draft->n_images; i++)
    hash_text (checksum, draft->images[i]);
}

static void
collect_images (json_object *product,
                json_object *variant,
                GPtrArray   *images)
{
  json_object *list = array_member (product, "images");
  const char *url;

  g_ptr_array_set_size (images, 0);
  if ((url = string_member (variant, "thumbnail")) != NULL)
    g_ptr_array_add (images, (gpointer) url);
  for (gsize i = 0; i < MIN (array_length (list), 16); i++)
    if ((url = string_member (json_object_array_get_idx (list, i), "url")) != NULL)
      g_ptr_array_add (images, (gpointer) url);
  if (images->len == 0 && (url = string_member (product, "thumbnail")) != NULL)
    g_ptr_array_add (images, (gpointer) url);
}

static gboolean
skip (Context    *ctx,
      const char *id,
      const char *reason)
{
  /* The first few one by one; aisle_medusa_build_catalog() sums up the rest. */
  if (ctx->n_skipped < MAX_LOGGED_SKIPS)
    g_message ("Skipping variant %.64s: %s", id ? id : "(no id)", reason);
  ctx->n_skipped++;
  return FALSE;
}

static gboolean
add_variant (Context     *ctx,
             json_object *product,
             json_object *variant,
             guint        category,
             gboolean     several)
{
  AisleProductDraft draft = { 0 };
  AislePackageDraft packages[MAX_PACKAGES] = { { 0 } };
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  json_object *price = member (variant, "calculated_price");
  const char *title = string_member (product, "title");

  draft.id = string_member (variant, "id");
  if (!text_ok (draft.id, 64) || g_hash_table_contains (ctx->ids, draft.id))
    return skip (ctx, draft.id, "missing or repeated id");
  if (!text_ok (draft.article = string_member (variant, "sku"), 64) || draft.article[0] == '\0')
    return skip (ctx, draft.id, "no SKU");
  if (category == 0)
    return skip (ctx, draft.id, "in no category of the sales channel");

  currency = g_ascii_strup (string_member (price, "currency_code") ?: "", -1);
  if (price == NULL || g_strcmp0 (currency, ctx->currency) != 0 ||
      !aisle_medusa_parse_amount (member (price, "calculated_amount"), currency, &draft.price) ||
      draft.price < 0)
    return skip (ctx, draft.id, "no price in the region’s currency");
  /* The exact decimal text when Medusa gives it. */
  aisle_medusa_parse_amount (member (price, "raw_calculated_amount"), currency, &draft.price);

  name = several && string_member (variant, "title")
       ? g_strdup_printf ("%s, %s", title, string_member (variant, "title")) : g_strdup (title);
  if (!text_ok (name, MAX_NAME_CHARS))
    return skip (ctx, draft.id, "missing or too long title");
  /* Medusa's texts have one language: the shop's, shown in every language. */
  for (guint l = 0; l < G_N_ELEMENTS (draft.name); l++)
    {
      draft.name[l] = name;
      draft.short_text[l] = string_member (product, "subtitle");
      if (!text_ok (draft.short_text[l], MAX_NAME_CHARS))
        draft.short_text[l] = NULL;
      draft.description[l] = string_member (product, "description");
      if (!text_ok (draft.description[l], MAX_DESCRIPTION_CHARS))
        draft.description[l] = NULL;
    }

  draft.gtin = variant_gtin (variant);
  draft.currency = currency;
  draft.category = category - 1;
  draft.fulfillment = parse_fulfillment (product);
  draft.weight_g = (guint) CLAMP (int_member (variant, "weight", int_member (product, "weight", 0)), 0, G_MAXINT32);
  draft.width_mm = (guint) CLAMP (int_member (variant, "width", int_member (product, "width", 0)), 0, G_MAXINT32);
  draft.depth_mm = (guint) CLAMP (int_member (variant, "length", int_member (product, "length", 0)), 0, G_MAXINT32);
  draft.height_mm = (guint) CLAMP (int_member (variant, "height", int_member (product, "height", 0)), 0, G_MAXINT32);

  collect_images (product, variant, images);
  draft.images = (const char * const *) images->pdata;
  draft.n_images = images->len;

  draft.n_packages = count_packages (variant);
  for (guint p = 0; p < draft.n_packages; p++)
    packages[p].number = p + 1;
  draft.packages = packages;
  if (draft.n_packages == 1)
    draft.n_packages = 0;

  g_hash_table_add (ctx->ids, (gpointer) draft.id);
  hash_draft (ctx->content, &draft);
  aisle_catalog_builder_add_product (ctx->builder, &draft);
  return TRUE;
}

/* Keeps in @newest the later of it and @obj's updated_at. */
static void
keep_newest (GDateTime   **newest,
             json_object  *obj)
{
  const char *text = string_member (obj, "updated_at");
  g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (time != NULL && (*newest == NULL || g_date_time_compare (time, *newest) > 0))
    {
      g_clear_pointer (newest, g_date_time_unref);
      *newest = g_steal_pointer (&time);
    }
}

/* Medusa has no date for a catalog: staff are shown the newest updated_at
 * of what it is made of (the region, with its store directory, and the
 * products and variants), or the fetch time when none has one. ISO 8601 in
 * UTC, as the feed's generated_at. */
static char *
catalog_date (json_object *region,
              json_object *products,
              gint64       fetched_at)
{
  g_autoptr(GDateTime) newest = NULL;
  g_autoptr(GDateTime) utc = NULL;

  keep_newest (&newest, region);
  for (gsize i = 0; i < array_length (products); i++)
    {
      json_object *product = json_object_array_get_idx (products, i);
      json_object *variants = array_member (product, "variants");

      keep_newest (&newest, product);
      for (gsize v = 0; v < array_length (variants); v++)
        keep_newest (&newest, json_object_array_get_idx (variants, v));
    }
  if (newest == NULL || !(utc = g_date_time_to_utc (newest)))
    utc = g_date_time_new_from_unix_utc (fetched_at);
  return utc ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

GBytes *
aisle_medusa_build_catalog (json_object             *region,
                            json_object             *categories,
                            json_object             *products,
                            const AisleCatalogMeta  *meta,
                            const char              *current_etag,
                            guint                   *n_skipped,
                            GError                 **error)
{
  g_autoptr(AisleCatalogBuilder) builder = NULL;
  g_autoptr(GChecksum) content = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *etag = NULL;
  g_autoptr(GHashTable) category_index = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *currency = NULL;
  g_autofree char *made = NULL;
  AisleCatalogMeta full = *meta;
  Context ctx = { 0 };

  g_return_val_if_fail (meta != NULL, NULL);

  currency = g_ascii_strup (string_member (region, "currency_code") ?: "", -1);
  if (strlen (currency) != 3)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The store’s region has no currency"));
      return NULL;
    }

  builder = aisle_catalog_builder_new ();
  full.currency = currency;
  if (full.shop_name == NULL)
    full.shop_name = string_member (member (region, "metadata"), "aisle_shop_name") ?: string_member (region, "name");
  /* The online shop: slips' phone QR codes point at its list links, and
   * only its list links are taken when scanned. http(s) only. */
  if (full.shop_url == NULL)
    {
      const char *url = string_member (member (region, "metadata"), "aisle_shop_url");

      if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
          strlen (url) <= 512 && g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
        full.shop_url = url;
    }
  add_stores (builder, region, currency);
  category_index = add_categories (builder, categories);
  /* The store directory and the categories are part of what is shown. */
  hash_text (content, json_object_to_json_string_ext (member (region, "metadata"), JSON_C_TO_STRING_PLAIN));
  hash_text (content, json_object_to_json_string_ext (categories, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));

  ctx = (Context) { builder, category_index, ids, currency, 0, content };
  for (gsize i = 0; i < array_length (products); i++)
    {
      json_object *product = json_object_array_get_idx (products, i);
      json_object *variants = array_member (product, "variants");
      guint category = first_category (category_index, product);

      for (gsize v = 0; v < array_length (variants); v++)
        add_variant (&ctx, product, json_object_array_get_idx (variants, v), category, array_length (variants) > 1);
    }

  if (ctx.n_skipped > MAX_LOGGED_SKIPS)
    g_message ("Skipped %u more variants without logging each (%u in all)",
               ctx.n_skipped - MAX_LOGGED_SKIPS, ctx.n_skipped);
  if (n_skipped != NULL)
    *n_skipped = ctx.n_skipped;
  /* Like the store feed: nothing usable must not replace a good catalog. */
  if (aisle_catalog_builder_get_n_products (builder) == 0)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The store has no usable products (%u skipped)"), ctx.n_skipped);
      return NULL;
    }
  etag = g_strdup (g_checksum_get_string (content));
  if (g_strcmp0 (etag, current_etag) == 0)
    return NULL;
  full.etag = etag;
  full.catalog_version = full.catalog_version ? full.catalog_version : etag + 56;
  if (full.generated_at == NULL)
    full.generated_at = made = catalog_date (region, products, full.fetched_at);
  aisle_catalog_builder_set_meta (builder, &full);
  return aisle_catalog_builder_end (g_steal_pointer (&builder));
}

static json_object *
level_at (json_object *item,
          const char  *location_id)
{
  json_object *levels = array_member (member (item, "inventory"), "location_levels");

  for (gsize l = 0; l < array_length (levels); l++)
    {
      json_object *level = json_object_array_get_idx (levels, l);

      if (g_strcmp0 (string_member (level, "location_id"), location_id) == 0)
        return level;
    }
  return NULL;
}

static void
add_stock_entry (AisleStock  *stock,
                 guint        index,
                 json_object *variant,
                 const char  *location_id)
{
  json_object *items = array_member (variant, "inventory_items");
  json_object *manage = member (variant, "manage_inventory");
  json_object *first_level = NULL;
  gint64 quantity = G_MAXINT32;
  guint n_items = array_length (items);

  if (manage != NULL && !json_object_get_boolean (manage))
    {
      aisle_stock_add_entry (stock, index, AISLE_STOCK_NO_QUANTITY, AISLE_STOCK_LEVEL_HIGH, NULL, 0);
      return;
    }

  /* A kit is available as often as its scarcest part. */
  for (guint i = 0; i < n_items; i++)
    {
      json_object *item = json_object_array_get_idx (items, i);
      json_object *level = level_at (item, location_id);
      gint64 required = MAX (int_member (item, "required_quantity", 1), 1);

      if (level == NULL)
        return;
      first_level = first_level ? first_level : level;
      quantity = MIN (quantity, MAX (json_object_get_int64 (member (level, "available_quantity")), 0) / required);
    }
  if (first_level == NULL)
    return;

  aisle_stock_add_entry (stock, index, (gint) quantity, AISLE_STOCK_LEVEL_UNKNOWN,
                         string_member (member (first_level, "metadata"), "restock"), 0);
  for (guint p = 1; p <= MIN (count_packages (variant), MAX_PACKAGES); p++)
    {
      json_object *level = n_items > 1 ? level_at (json_object_array_get_idx (items, p - 1), location_id) : first_level;
      const char *aisle, *shelf;

      if (level_location (level, n_items > 1 ? 1 : p, &aisle, &shelf))
        aisle_stock_add_location (stock, p, aisle, shelf);
    }
}

AisleStock *
aisle_medusa_build_stock (AisleCatalog *catalog,
                          json_object  *products,
                          const char   *location_id,
                          gint64        updated_at)
{
  AisleStock *stock;

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (location_id != NULL, NULL);

  stock = aisle_stock_new (catalog, location_id, updated_at);
  for (gsize i = 0; i < array_length (products); i++)
    {
      json_object *variants = array_member (json_object_array_get_idx (products, i), "variants");

      for (gsize v = 0; v < array_length (variants); v++)
        {
          json_object *variant = json_object_array_get_idx (variants, v);
          const char *id = string_member (variant, "id");
          guint index = id ? aisle_catalog_find_by_id (catalog, id) : AISLE_CATALOG_NO_INDEX;

          if (index != AISLE_CATALOG_NO_INDEX)
            add_stock_entry (stock, index, variant, location_id);
        }
    }
  aisle_stock_seal (stock);
  return stock;
}

const char *
aisle_medusa_match_variant (json_object *variants,
                            const char  *code)
{
  static const char * const keys[] = { "sku", "ean", "upc", "barcode" };

  g_return_val_if_fail (code != NULL, NULL);

  for (gsize i = 0; i < array_length (variants); i++)
    {
      json_object *variant = json_object_array_get_idx (variants, i);

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        if (g_strcmp0 (string_member (variant, keys[k]), code) == 0)
          return string_member (variant, "id");
    }
  return NULL;
}
