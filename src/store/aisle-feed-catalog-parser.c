/* aisle-feed-catalog-parser.c: the store feed's catalog document into a catalog
 *
 * Categories, stores (opening hours, delivery) and products are checked and
 * handed to an AisleCatalogBuilder, whose image is the catalog the kiosk
 * shows. What the stock document shares with it is in aisle-feed-reader.c.
 */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-feed-reader.h"
#include "aisle-weekly-span.h"

#define MAX_NAME_CHARS       200
#define MAX_DESCRIPTION_CHARS 4000
#define MAX_PRODUCTS         500000
#define MAX_IMAGES           8
#define MAX_PACKAGES         20
#define MAX_PATH_CHARS       512
#define MAX_AMOUNT           G_GINT64_CONSTANT (1000000000000)

typedef AisleJsonNode Json;
typedef AisleJsonSpan Span;

static const char * const language_codes[] = { "en", "it", "de", "es" };

/* aisle_feed_text_ok() for a string straight from the parser, which has
 * already counted and checked it. */
static gboolean
string_ok (const Json *value,
           guint       max_chars)
{
  return (value->text_flags & (AISLE_JSON_TEXT_NUL | AISLE_JSON_TEXT_CONTROL | AISLE_JSON_TEXT_BAD_UTF8)) == 0 &&
         value->n_chars <= max_chars;
}

/* Fills @out with the text of each kiosk language, falling back to English
 * and then to any language the feed gives. Returns FALSE with @reason set
 * when the field is required and absent, or a text is unusable. */
static gboolean
get_localized (const Json  *obj,
               const char  *key,
               guint        max_chars,
               gboolean     required,
               const char  *out[4],
               const char **reason)
{
  const Json *texts = aisle_json_get (obj, key);
  const char *fallback = NULL;

  for (guint i = 0; i < 4; i++)
    out[i] = NULL;

  if (texts == NULL || aisle_json_is (texts, AISLE_JSON_NULL))
    {
      if (required)
        *reason = "missing text";
      return !required;
    }

  if (!aisle_json_is (texts, AISLE_JSON_OBJECT))
    {
      *reason = "text is not an object of languages";
      return FALSE;
    }

  for (const Json *value = aisle_json_first (texts); value; value = aisle_json_next (texts, value))
    {
      const char *lang = value->key;
      const char *text;

      if (!(text = aisle_feed_string_value (value)))
        {
          *reason = "text is not a string";
          return FALSE;
        }

      if (!string_ok (value, max_chars))
        {
          *reason = "text too long or not valid UTF-8";
          return FALSE;
        }

      /* Two-letter codes; compared by hand, this runs for every text. */
      if (lang[0] != '\0' && lang[1] != '\0' && lang[2] == '\0')
        for (guint i = 0; i < 4; i++)
          if (lang[0] == language_codes[i][0] && lang[1] == language_codes[i][1])
            out[i] = text;

      if (fallback == NULL && text[0] != '\0')
        fallback = text;
    }

  if (out[0] != NULL && out[0][0] != '\0')
    fallback = out[0];

  for (guint i = 0; i < 4; i++)
    if (out[i] == NULL || out[i][0] == '\0')
      out[i] = fallback;

  if (required && fallback == NULL)
    {
      *reason = "empty text";
      return FALSE;
    }

  return TRUE;
}

static gboolean
currency_ok (const char *code)
{
  return code != NULL && strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/* Relative paths stay under the base URL; absolute ones must be http(s). */
static gboolean
image_path_ok (const char *path)
{
  if (path == NULL || path[0] == '\0' || !aisle_feed_text_ok (path, MAX_PATH_CHARS))
    return FALSE;
  if (g_str_has_prefix (path, "http://") || g_str_has_prefix (path, "https://"))
    return TRUE;
  if (strstr (path, "://") != NULL || path[0] == '/' || strstr (path, "..") != NULL)
    return FALSE;
  for (const char *p = path; *p; p++)
    if ((guchar)*p <= ' ' || *p == '\\')
      return FALSE;
  return TRUE;
}

static void
parse_dimensions (const Json *obj,
                  guint      *width,
                  guint      *depth,
                  guint      *height)
{
  const Json *dims;

  *width = *depth = *height = 0;
  if (!aisle_json_is (dims = aisle_json_get (obj, "dimensions"), AISLE_JSON_OBJECT))
    return;

  *width = aisle_feed_get_uint_or (dims, "width", 0);
  *depth = aisle_feed_get_uint_or (dims, "depth", 0);
  *height = aisle_feed_get_uint_or (dims, "height", 0);
}

static gboolean
parse_fulfillment (const char       *text,
                   AisleFulfillment *out)
{
  if (g_strcmp0 (text, "self-serve") == 0)
    *out = AISLE_FULFILLMENT_SELF_SERVE;
  else if (g_strcmp0 (text, "full-serve") == 0)
    *out = AISLE_FULFILLMENT_FULL_SERVE;
  else if (g_strcmp0 (text, "online-only") == 0)
    *out = AISLE_FULFILLMENT_ONLINE_ONLY;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_price_member (const Json  *product,
                    const char  *member,
                    const char  *default_currency,
                    gint64      *amount,
                    const char **currency,
                    const char **reason)
{
  const Json *price;

  if (!aisle_json_is (price = aisle_json_get (product, member), AISLE_JSON_OBJECT))
    {
      *reason = "missing price";
      return FALSE;
    }

  /* Money is integer minor units; 12.99 as a double is refused, not rounded. */
  if (!aisle_feed_get_int (price, "amount", 0, MAX_AMOUNT, amount))
    {
      *reason = "price amount is not a whole number of minor units";
      return FALSE;
    }

  *currency = aisle_feed_get_string (price, "currency");
  if (*currency == NULL)
    *currency = default_currency;
  if (!currency_ok (*currency))
    {
      *reason = "bad currency code";
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_price (const Json  *product,
             const char  *default_currency,
             gint64      *amount,
             const char **currency,
             const char **reason)
{
  return parse_price_member (product, "price", default_currency, amount, currency, reason);
}

static gboolean
parse_packages (const Json  *product,
                GArray      *packages,
                const char **reason)
{
  const Json *array;
  const Json *p;
  guint i = 0;

  g_array_set_size (packages, 0);
  if ((array = aisle_json_get (product, "packages")) == NULL || aisle_json_is (array, AISLE_JSON_NULL))
    return TRUE;

  if (!aisle_json_is (array, AISLE_JSON_ARRAY) || array->n > MAX_PACKAGES)
    {
      *reason = "packages is not a list of at most 20";
      return FALSE;
    }

  for (p = aisle_json_first (array); p; p = aisle_json_next (array, p), i++)
    {
      AislePackageDraft draft = { 0 };

      if (!aisle_json_is (p, AISLE_JSON_OBJECT) ||
          !get_localized (p, "label", MAX_NAME_CHARS, FALSE, draft.label, reason))
        {
          if (*reason == NULL)
            *reason = "package is not an object";
          return FALSE;
        }

      draft.number = aisle_feed_get_uint_or (p, "number", i + 1);
      if (draft.number == 0 || draft.number > 99)
        {
          *reason = "package number out of range";
          return FALSE;
        }
      draft.weight_g = aisle_feed_get_uint_or (p, "weight", 0);
      parse_dimensions (p, &draft.width_mm, &draft.depth_mm, &draft.height_mm);
      g_array_append_val (packages, draft);
    }

  return TRUE;
}

static gboolean
parse_images (const Json *product,
              GPtrArray  *images)
{
  const Json *array;
  const Json *v;

  g_ptr_array_set_size (images, 0);
  if (!aisle_json_is (array = aisle_json_get (product, "images"), AISLE_JSON_ARRAY))
    return TRUE;

  for (v = aisle_json_first (array); v && images->len < MAX_IMAGES; v = aisle_json_next (array, v))
    {
      const char *path = aisle_feed_string_value (v);

      /* A bad image path costs the picture, not the product. */
      if (image_path_ok (path))
        g_ptr_array_add (images, (gpointer)path);
      else
        g_message ("Ignoring an unusable image path");
    }

  return TRUE;
}

typedef struct
{
  AisleCatalogBuilder *builder;
  GHashTable          *categories;   /* id → index + 1 */
  GHashTable          *ids;
  GStringChunk        *id_strings;
  GArray              *packages;
  GPtrArray           *images;
  const char          *currency;
  AisleFeedReport     *report;
} ProductContext;

/* An AisleFeedReadFunc: @data is the share's ProductContext. */
static gboolean
parse_product (gpointer    data,
               const Json *obj)
{
  ProductContext *ctx = data;
  AisleProductDraft draft = { 0 };
  const char *reason = NULL;
  const char *category_id, *fulfillment, *gtin;
  guint category;
  gint64 weight;

  if (!aisle_json_is (obj, AISLE_JSON_OBJECT))
    return aisle_feed_skip (ctx->report, "product", NULL, "not an object");

  draft.id = aisle_feed_get_string (obj, "id");
  if (!aisle_feed_id_ok (draft.id))
    return aisle_feed_skip (ctx->report, "product", NULL, "missing or bad id");
  if (g_hash_table_contains (ctx->ids, draft.id))
    return aisle_feed_skip (ctx->report, "product", draft.id, "duplicate id");

  draft.article = aisle_feed_get_string (obj, "article");
  if (!aisle_feed_id_ok (draft.article))
    return aisle_feed_skip (ctx->report, "product", draft.id, "missing or bad article number");

  gtin = aisle_feed_get_string (obj, "gtin");
  if (gtin != NULL && gtin[0] != '\0')
    {
      if (strspn (gtin, "0123456789") != strlen (gtin) || strlen (gtin) < 8 || strlen (gtin) > 14)
        return aisle_feed_skip (ctx->report, "product", draft.id, "GTIN is not 8 to 14 digits");
      draft.gtin = gtin;
    }

  category_id = aisle_feed_get_string (obj, "category");
  category = category_id ? GPOINTER_TO_UINT (g_hash_table_lookup (ctx->categories, category_id)) : 0;
  if (category == 0)
    return aisle_feed_skip (ctx->report, "product", draft.id, "unknown category");
  draft.category = category - 1;

  if (!get_localized (obj, "name", MAX_NAME_CHARS, TRUE, draft.name, &reason) ||
      !get_localized (obj, "short", MAX_NAME_CHARS, FALSE, draft.short_text, &reason) ||
      !get_localized (obj, "description", MAX_DESCRIPTION_CHARS, FALSE, draft.description, &reason) ||
      !parse_price (obj, ctx->currency, &draft.price, &draft.currency, &reason) ||
      !parse_packages (obj, ctx->packages, &reason))
    return aisle_feed_skip (ctx->report, "product", draft.id, reason);

  fulfillment = aisle_feed_get_string (obj, "fulfillment");
  if (!parse_fulfillment (fulfillment, &draft.fulfillment))
    return aisle_feed_skip (ctx->report, "product", draft.id, "unknown fulfillment");

  draft.url = aisle_feed_get_string (obj, "url");
  if (draft.url != NULL && (!aisle_feed_text_ok (draft.url, MAX_PATH_CHARS) ||
                            !(g_str_has_prefix (draft.url, "https://") || g_str_has_prefix (draft.url, "http://"))))
    draft.url = NULL;

  parse_images (obj, ctx->images);
  draft.images = (const char * const *)ctx->images->pdata;
  draft.n_images = ctx->images->len;
  draft.packages = (const AislePackageDraft *)(gpointer)ctx->packages->data;
  draft.n_packages = ctx->packages->len;
  parse_dimensions (obj, &draft.width_mm, &draft.depth_mm, &draft.height_mm);
  draft.weight_g = aisle_feed_get_int (obj, "weight", 0, G_MAXUINT32, &weight) ? (guint)weight : 0;

  g_hash_table_add (ctx->ids, g_string_chunk_insert (ctx->id_strings, draft.id));
  aisle_catalog_builder_add_product (ctx->builder, &draft);
  return TRUE;
}

typedef struct
{
  const Json *obj;
  gint64       position;
  guint        order;
} CategoryEntry;

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const CategoryEntry *ca = a, *cb = b;

  if (ca->position != cb->position)
    return ca->position < cb->position ? -1 : 1;
  return (int)ca->order - (int)cb->order;
}

static void
parse_categories (const Json          *root,
                  AisleCatalogBuilder *builder,
                  GHashTable          *index,
                  AisleFeedReport     *report)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (CategoryEntry));
  const Json *array;
  guint i;

  if (!aisle_json_is (array = aisle_json_get (root, "categories"), AISLE_JSON_ARRAY))
    return;

  i = 0;
  for (const Json *element = aisle_json_first (array); element; element = aisle_json_next (array, element), i++)
    {
      CategoryEntry entry = { element, 0, i };

      if (!aisle_json_is (entry.obj, AISLE_JSON_OBJECT))
        {
          aisle_feed_skip (report, "category", NULL, "not an object");
          continue;
        }
      if (!aisle_feed_get_int (entry.obj, "position", G_MININT32, G_MAXINT32, &entry.position))
        entry.position = G_MAXINT32;
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_categories);

  for (i = 0; i < entries->len; i++)
    {
      const Json *obj = g_array_index (entries, CategoryEntry, i).obj;
      const char *id = aisle_feed_get_string (obj, "id");
      const char *icon = aisle_feed_get_string (obj, "icon");
      const char *names[4];
      const char *reason = NULL;
      guint n;

      if (!aisle_feed_id_ok (id) || g_hash_table_contains (index, id))
        {
          aisle_feed_skip (report, "category", id, "missing, bad or duplicate id");
          continue;
        }
      if (!get_localized (obj, "name", MAX_NAME_CHARS, TRUE, names, &reason))
        {
          aisle_feed_skip (report, "category", id, reason);
          continue;
        }
      if (icon != NULL && !aisle_feed_id_ok (icon))
        icon = NULL;

      n = aisle_catalog_builder_add_category (builder, id, names, icon);
      g_hash_table_insert (index, (gpointer)id, GUINT_TO_POINTER (n + 1));
    }
}

/* Opening hours ("open"/"close") or delivery windows ("start"/"end"). */
static void
parse_weekly_spans (const Json          *parent,
                    const char          *member,
                    const char          *start_key,
                    const char          *end_key,
                    AisleCatalogBuilder *builder,
                    guint                index,
                    gboolean             delivery)
{
  const Json *array = aisle_json_get (parent, member);
  const Json *span;
  guint i = 0;

  if (!aisle_json_is (array, AISLE_JSON_ARRAY))
    return;

  for (span = aisle_json_first (array); span && i < 32; span = aisle_json_next (array, span), i++)
    {
      const Json *days;
      guint mask = 0;

      if (!aisle_json_is (span, AISLE_JSON_OBJECT) ||
          !aisle_json_is (days = aisle_json_get (span, "days"), AISLE_JSON_ARRAY))
        continue;

      for (const Json *day = aisle_json_first (days); day; day = aisle_json_next (days, day))
        mask |= aisle_weekly_span_day_bit (aisle_json_is (day, AISLE_JSON_INT) ? day->v.integer : 0);
      aisle_weekly_span_add (builder, index, mask, aisle_feed_get_string (span, start_key),
                             aisle_feed_get_string (span, end_key), delivery);
    }
}

/* "vat_rate": 22 or 10.5, percent, as a number: kept in basis points. */
static guint
parse_vat_rate (const Json *store)
{
  const Json *value;
  double rate;

  value = aisle_json_get (store, "vat_rate");
  if (aisle_json_is (value, AISLE_JSON_INT))
    rate = (double) value->v.integer;
  else if (aisle_json_is (value, AISLE_JSON_DOUBLE))
    rate = value->v.number;
  else
    return 0;
  if (!(rate > 0 && rate < 100))
    return 0;
  return (guint) (rate * 100 + 0.5);
}

static void
parse_store_delivery (const Json     *store,
                      const char     *default_currency,
                      AisleStoreInfo *info)
{
  const Json *delivery;
  const char *currency;
  const char *reason;
  gint64 fee;

  if (!aisle_json_is (delivery = aisle_json_get (store, "delivery"), AISLE_JSON_OBJECT))
    return;
  /* The fee has the same shape as a price, and must be in the catalog's currency. */
  if (!parse_price_member (delivery, "fee", default_currency, &fee, &currency, &reason) ||
      g_strcmp0 (currency, default_currency) != 0)
    return;

  info->delivers = TRUE;
  info->delivery_fee = fee;
  info->delivery_lead_days = MIN (aisle_feed_get_uint_or (delivery, "lead_days", 1), 60);
}

static void
parse_stores (const Json          *root,
              AisleCatalogBuilder *builder,
              const char          *currency,
              AisleFeedReport     *report)
{
  const Json *array;
  const Json *obj;
  guint i = 0;

  if (!aisle_json_is (array = aisle_json_get (root, "stores"), AISLE_JSON_ARRAY))
    return;

  for (obj = aisle_json_first (array); obj && i < 1000; obj = aisle_json_next (array, obj), i++)
    {
      AisleStoreInfo info = { 0 };
      guint index;

      if (!aisle_json_is (obj, AISLE_JSON_OBJECT) || !aisle_feed_id_ok (info.id = aisle_feed_get_string (obj, "id")))
        {
          aisle_feed_skip (report, "store", NULL, "missing or bad id");
          continue;
        }

      info.name = aisle_feed_get_string (obj, "name");
      info.address = aisle_feed_get_string (obj, "address");
      info.country = aisle_feed_get_string (obj, "country");
      info.timezone = aisle_feed_get_string (obj, "timezone");
      if (info.name == NULL || !aisle_feed_text_ok (info.name, MAX_NAME_CHARS))
        info.name = info.id;
      if (info.address != NULL && !aisle_feed_text_ok (info.address, MAX_NAME_CHARS))
        info.address = NULL;
      if (info.country != NULL && !aisle_feed_id_ok (info.country))
        info.country = NULL;
      if (info.timezone != NULL && !aisle_feed_id_ok (info.timezone))
        info.timezone = NULL;
      info.pickup_lead_minutes = MIN (aisle_feed_get_uint_or (obj, "pickup_lead_minutes", 60), 60 * 24 * 14);
      info.vat_rate_bp = parse_vat_rate (obj);
      parse_store_delivery (obj, currency, &info);

      index = aisle_catalog_builder_add_store (builder, &info);
      parse_weekly_spans (obj, "opening_hours", "open", "close", builder, index, FALSE);
      if (info.delivers)
        {
          const Json *delivery = aisle_json_get (obj, "delivery");

          parse_weekly_spans (delivery, "windows", "start", "end", builder, index, TRUE);
        }
    }
}

static const char *
short_meta (const Json *root,
            const char *key)
{
  const char *value = aisle_feed_get_string (root, key);
  return value != NULL && aisle_feed_text_ok (value, MAX_NAME_CHARS) ? value : NULL;
}

/* One share of the products, parsed into its own builder. */
typedef struct
{
  const Span          *spans;
  guint                n_spans;
  ProductContext       ctx;
  AisleFeedReport      report;
  AisleJsonDoc        *doc;
} Share;

static gpointer
parse_share (gpointer data)
{
  Share *share = data;

  aisle_feed_read_elements (share->doc, share->spans, share->n_spans, "product", &share->report,
                            parse_product, &share->ctx);

  return share;
}

static void
share_init (Share               *share,
            const Span          *spans,
            guint                n_spans,
            AisleCatalogBuilder *builder,
            GHashTable          *categories,
            const char          *currency)
{
  share->spans = spans;
  share->n_spans = n_spans;
  share->doc = aisle_json_doc_new (AISLE_FEED_MAX_DEPTH);
  share->ctx.builder = builder;
  share->ctx.categories = categories;
  share->ctx.ids = g_hash_table_new (g_str_hash, g_str_equal);
  share->ctx.id_strings = g_string_chunk_new (1 << 16);
  share->ctx.packages = g_array_new (FALSE, TRUE, sizeof (AislePackageDraft));
  share->ctx.images = g_ptr_array_new ();
  share->ctx.currency = currency;
  share->ctx.report = &share->report;
}

static void
share_clear (Share *share)
{
  aisle_json_doc_free (share->doc);
  g_hash_table_unref (share->ctx.ids);
  g_string_chunk_free (share->ctx.id_strings);
  g_array_unref (share->ctx.packages);
  g_ptr_array_unref (share->ctx.images);
  aisle_feed_report_clear (&share->report);
}

static gboolean
seen_in_first_share (const char *id,
                     gpointer    data)
{
  Share *first = data;

  if (!g_hash_table_contains (first->ctx.ids, id))
    return FALSE;
  aisle_feed_skip (&first->report, "product", id, "duplicate id");
  return TRUE;
}

/* Most of a feed's time is json-c and checking texts, product by product:
 * on a big feed two threads take half each (split by bytes), and the second
 * half's products are merged after the first's, so the first of two
 * products with one id still wins. */
static void
parse_products (AisleCatalogBuilder *builder,
                const Span          *spans,
                guint                n_spans,
                gsize                total_bytes,
                GHashTable          *categories,
                const char          *currency,
                AisleFeedReport     *report)
{
  Share shares[2] = { { 0 } };
  guint split = n_spans;
  gsize bytes = 0;
  GThread *thread = NULL;

  if (n_spans >= 2000 && g_get_num_processors () > 1)
    for (split = 0; split < n_spans && bytes < total_bytes / 2; split++)
      bytes += spans[split].len;

  share_init (&shares[0], spans, split, builder, categories, currency);
  if (split < n_spans)
    {
      share_init (&shares[1], spans + split, n_spans - split,
                  aisle_catalog_builder_new_part (builder, total_bytes - bytes), categories, currency);
      thread = g_thread_new ("aisle-feed-parse", parse_share, &shares[1]);
    }

  parse_share (&shares[0]);

  if (thread != NULL)
    {
      g_thread_join (thread);
      aisle_catalog_builder_merge (builder, shares[1].ctx.builder, seen_in_first_share, &shares[0]);
    }

  aisle_feed_report_merge (report, &shares[0].report);
  aisle_feed_report_merge (report, &shares[1].report);

  share_clear (&shares[0]);
  if (thread != NULL)
    share_clear (&shares[1]);
}

static GBytes *
parse_catalog (GBytes                 *json,
               const AisleCatalogMeta *meta,
               AisleFeedReport        *report,
               GError                **error)
{
  g_autoptr(AisleCatalogBuilder) builder = NULL;
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (AISLE_FEED_MAX_DEPTH);
  const Json *root;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  AisleCatalogMeta doc_meta;
  gboolean has_products;
  gsize products_len = 0;

  if (!(root = aisle_feed_read_document (json, _("The catalog document is empty"), "products", MAX_PRODUCTS,
                                         doc, spans, &has_products, error)) ||
      !aisle_feed_check_format (root, "aisle-store-feed", error))
    return NULL;

  if (!has_products || spans->len > MAX_PRODUCTS)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The store feed has no list of products, or too many"));
      return NULL;
    }

  for (guint i = 0; i < spans->len; i++)
    products_len += g_array_index (spans, Span, i).len;

  /* The texts kept are a good share of the document: size the pool once. */
  builder = aisle_catalog_builder_new_sized (products_len / 2);
  doc_meta = *meta;
  doc_meta.catalog_version = short_meta (root, "catalog_version");
  doc_meta.generated_at = short_meta (root, "generated_at");
  doc_meta.shop_name = short_meta (root, "shop_name");
  doc_meta.shop_url = short_meta (root, "shop_url");
  doc_meta.currency = aisle_feed_get_string (root, "currency");
  if (!currency_ok (doc_meta.currency))
    doc_meta.currency = "EUR";
  aisle_catalog_builder_set_meta (builder, &doc_meta);

  categories = g_hash_table_new (g_str_hash, g_str_equal);
  parse_categories (root, builder, categories, report);
  parse_stores (root, builder, doc_meta.currency, report);

  parse_products (builder, (const Span *)(gpointer)spans->data, spans->len, products_len,
                  categories, doc_meta.currency, report);

  if (aisle_catalog_builder_get_n_products (builder) == 0)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The store feed has no usable products"));
      return NULL;
    }

  report->n_products = aisle_catalog_builder_get_n_products (builder);
  return aisle_catalog_builder_end (g_steal_pointer (&builder));
}

GBytes *
aisle_feed_parse_catalog (GBytes                 *json,
                          const AisleCatalogMeta *meta,
                          AisleFeedReport        *report,
                          GError                **error)
{
  g_auto(AisleFeedReport) local = { 0 };
  GBytes *image;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (meta != NULL, NULL);

  image = parse_catalog (json, meta, report ? report : &local, error);
  aisle_feed_log_skipped (report ? report : &local);
  return image;
}
