/* aisle-feed-parser.c: the store feed's JSON documents into catalog and stock */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-feed-parser.h"
#include "aisle-json-doc.h"
#include "aisle-json-span.h"
#include "aisle-weekly-span.h"

#define MAX_DEPTH            64
#define MAX_NAME_CHARS       200
#define MAX_DESCRIPTION_CHARS 4000
#define MAX_ID_CHARS         64
#define MAX_PRODUCTS         500000
#define MAX_STOCK_ITEMS      1000000
/* Skipped items logged per document and thread; the rest are only counted. */
#define MAX_LOGGED_SKIPS     20
#define MAX_IMAGES           8
#define MAX_PACKAGES         20
#define MAX_LOCATIONS        40
#define MAX_PATH_CHARS       512
#define MAX_AMOUNT           G_GINT64_CONSTANT (1000000000000)

static const char * const language_codes[] = { "en", "it", "de", "es" };

typedef AisleJsonNode Json;

void
aisle_feed_report_clear (AisleFeedReport *report)
{
  g_clear_pointer (&report->first_problem, g_free);
  report->n_products = 0;
  report->n_skipped = 0;
  report->n_logged = 0;
}

/* Returns FALSE so that parsers can `return skip (…)`. A million bad items
 * must not write a million lines: each report (one per thread, and the
 * document's) logs its first MAX_LOGGED_SKIPS, and log_skipped() sums up
 * the rest in one line at the end. */
static gboolean
skip (AisleFeedReport *report,
      const char      *what,
      const char      *id,
      const char      *reason)
{
  /* Ids and reasons only: a feed never carries personal data, but keep logs short. */
  if (report->n_logged < MAX_LOGGED_SKIPS)
    {
      g_message ("Skipping %s %.64s: %s", what, id ? id : "(no id)", reason);
      report->n_logged++;
    }
  report->n_skipped++;
  if (report->first_problem == NULL)
    report->first_problem = g_strdup_printf ("%s %.64s: %s", what, id ? id : "?", reason);

  return FALSE;
}

/* One line for whatever skip() did not log one by one. */
static void
log_skipped (const AisleFeedReport *report)
{
  if (report->n_skipped > report->n_logged)
    g_message ("Skipped %u more items without logging each (%u in all)",
               report->n_skipped - report->n_logged, report->n_skipped);
}

/* Adds what a thread's report found to the document's. */
static void
report_merge (AisleFeedReport       *report,
              const AisleFeedReport *part)
{
  report->n_skipped += part->n_skipped;
  report->n_logged += part->n_logged;
  if (report->first_problem == NULL && part->first_problem != NULL)
    report->first_problem = g_strdup (part->first_problem);
}

/* Returns the document's top-level members as one object, all but
 * @array_key, whose elements are only located (into @elements, of Span) for
 * the caller to parse one at a time: a 100,000-product feed never becomes
 * one tree. *@has_array tells whether @array_key was there as an array. */
static const Json *
parse_document (GBytes       *json,
                const char   *empty_message,
                const char   *array_key,
                guint         max_elements,
                AisleJsonDoc *doc,
                GArray       *elements,
                gboolean     *has_array,
                GError      **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (AisleJsonMember));
  const char *data;
  gsize len;

  *has_array = FALSE;

  data = g_bytes_get_data (json, &len);
  if (data == NULL || len == 0)
    {
      g_set_error_literal (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, empty_message);
      return NULL;
    }

  if (!aisle_json_span_members (data, len, MAX_DEPTH, max_elements, members, array_key, elements, error))
    return NULL;

  for (guint i = 0; i < members->len; i++)
    {
      const AisleJsonMember *m = &g_array_index (members, AisleJsonMember, i);

      if (aisle_json_span_key_is (m, array_key))
        *has_array = m->value_len > 0 && m->value[0] == '[';
    }

  return aisle_json_doc_parse_members (doc, (const AisleJsonMember *)(gpointer)members->data, members->len,
                                       array_key, error);
}

/* A JSON string as C text, or NULL when it is not a string or hides a NUL
 * ("\u0000"), which would cut the text short without anyone noticing. */
static const char *
string_value (const Json *value)
{
  if (!aisle_json_is (value, AISLE_JSON_STRING) || (value->text_flags & AISLE_JSON_TEXT_NUL))
    return NULL;
  return value->v.text;
}

static const char *
get_string (const Json *obj,
            const char *key)
{
  return string_value (aisle_json_get (obj, key));
}

static gboolean
get_int (const Json *obj,
         const char *key,
         gint64      min,
         gint64      max,
         gint64     *out)
{
  const Json *value = aisle_json_get (obj, key);

  if (!aisle_json_is (value, AISLE_JSON_INT) || value->v.integer < min || value->v.integer > max)
    return FALSE;

  *out = value->v.integer;
  return TRUE;
}

static guint
get_uint_or (const Json *obj,
             const char *key,
             guint       fallback)
{
  gint64 v;
  return get_int (obj, key, 0, G_MAXUINT32, &v) ? (guint)v : fallback;
}

/* A text the kiosk can show: valid UTF-8 with no control characters but
 * newlines, and at most @max_chars characters. */
static gboolean
text_ok (const char *text,
         guint       max_chars)
{
  gsize len = 0, chars = 0;

  /* One pass over the bytes: control characters, and the length in
   * characters (bytes that do not continue a sequence). */
  for (const guchar *p = (const guchar *)text; *p; p++, len++)
    {
      if (*p < 0x20 && *p != '\n' && *p != '\t')
        return FALSE;
      chars += (*p & 0xC0) != 0x80;
    }

  return chars <= max_chars && g_utf8_validate_len (text, len, NULL);
}

/* The same for a string straight from the parser, which has already
 * counted and checked it. */
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

      if (!(text = string_value (value)))
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
id_ok (const char *id)
{
  return id != NULL && id[0] != '\0' && text_ok (id, MAX_ID_CHARS) && strchr (id, '\n') == NULL;
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
  if (path == NULL || path[0] == '\0' || !text_ok (path, MAX_PATH_CHARS))
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

  *width = get_uint_or (dims, "width", 0);
  *depth = get_uint_or (dims, "depth", 0);
  *height = get_uint_or (dims, "height", 0);
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
  if (!get_int (price, "amount", 0, MAX_AMOUNT, amount))
    {
      *reason = "price amount is not a whole number of minor units";
      return FALSE;
    }

  *currency = get_string (price, "currency");
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

      draft.number = get_uint_or (p, "number", i + 1);
      if (draft.number == 0 || draft.number > 99)
        {
          *reason = "package number out of range";
          return FALSE;
        }
      draft.weight_g = get_uint_or (p, "weight", 0);
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
      const char *path = string_value (v);

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

/* A read_elements() callback: @data is the share's ProductContext. */
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
    return skip (ctx->report, "product", NULL, "not an object");

  draft.id = get_string (obj, "id");
  if (!id_ok (draft.id))
    return skip (ctx->report, "product", NULL, "missing or bad id");
  if (g_hash_table_contains (ctx->ids, draft.id))
    return skip (ctx->report, "product", draft.id, "duplicate id");

  draft.article = get_string (obj, "article");
  if (!id_ok (draft.article))
    return skip (ctx->report, "product", draft.id, "missing or bad article number");

  gtin = get_string (obj, "gtin");
  if (gtin != NULL && gtin[0] != '\0')
    {
      if (strspn (gtin, "0123456789") != strlen (gtin) || strlen (gtin) < 8 || strlen (gtin) > 14)
        return skip (ctx->report, "product", draft.id, "GTIN is not 8 to 14 digits");
      draft.gtin = gtin;
    }

  category_id = get_string (obj, "category");
  category = category_id ? GPOINTER_TO_UINT (g_hash_table_lookup (ctx->categories, category_id)) : 0;
  if (category == 0)
    return skip (ctx->report, "product", draft.id, "unknown category");
  draft.category = category - 1;

  if (!get_localized (obj, "name", MAX_NAME_CHARS, TRUE, draft.name, &reason) ||
      !get_localized (obj, "short", MAX_NAME_CHARS, FALSE, draft.short_text, &reason) ||
      !get_localized (obj, "description", MAX_DESCRIPTION_CHARS, FALSE, draft.description, &reason) ||
      !parse_price (obj, ctx->currency, &draft.price, &draft.currency, &reason) ||
      !parse_packages (obj, ctx->packages, &reason))
    return skip (ctx->report, "product", draft.id, reason);

  fulfillment = get_string (obj, "fulfillment");
  if (!parse_fulfillment (fulfillment, &draft.fulfillment))
    return skip (ctx->report, "product", draft.id, "unknown fulfillment");

  draft.url = get_string (obj, "url");
  if (draft.url != NULL && (!text_ok (draft.url, MAX_PATH_CHARS) ||
                            !(g_str_has_prefix (draft.url, "https://") || g_str_has_prefix (draft.url, "http://"))))
    draft.url = NULL;

  parse_images (obj, ctx->images);
  draft.images = (const char * const *)ctx->images->pdata;
  draft.n_images = ctx->images->len;
  draft.packages = (const AislePackageDraft *)(gpointer)ctx->packages->data;
  draft.n_packages = ctx->packages->len;
  parse_dimensions (obj, &draft.width_mm, &draft.depth_mm, &draft.height_mm);
  draft.weight_g = get_int (obj, "weight", 0, G_MAXUINT32, &weight) ? (guint)weight : 0;

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
          skip (report, "category", NULL, "not an object");
          continue;
        }
      if (!get_int (entry.obj, "position", G_MININT32, G_MAXINT32, &entry.position))
        entry.position = G_MAXINT32;
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_categories);

  for (i = 0; i < entries->len; i++)
    {
      const Json *obj = g_array_index (entries, CategoryEntry, i).obj;
      const char *id = get_string (obj, "id");
      const char *icon = get_string (obj, "icon");
      const char *names[4];
      const char *reason = NULL;
      guint n;

      if (!id_ok (id) || g_hash_table_contains (index, id))
        {
          skip (report, "category", id, "missing, bad or duplicate id");
          continue;
        }
      if (!get_localized (obj, "name", MAX_NAME_CHARS, TRUE, names, &reason))
        {
          skip (report, "category", id, reason);
          continue;
        }
      if (icon != NULL && !id_ok (icon))
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
      aisle_weekly_span_add (builder, index, mask, get_string (span, start_key), get_string (span, end_key), delivery);
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
  info->delivery_lead_days = MIN (get_uint_or (delivery, "lead_days", 1), 60);
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

      if (!aisle_json_is (obj, AISLE_JSON_OBJECT) || !id_ok (info.id = get_string (obj, "id")))
        {
          skip (report, "store", NULL, "missing or bad id");
          continue;
        }

      info.name = get_string (obj, "name");
      info.address = get_string (obj, "address");
      info.country = get_string (obj, "country");
      info.timezone = get_string (obj, "timezone");
      if (info.name == NULL || !text_ok (info.name, MAX_NAME_CHARS))
        info.name = info.id;
      if (info.address != NULL && !text_ok (info.address, MAX_NAME_CHARS))
        info.address = NULL;
      if (info.country != NULL && !id_ok (info.country))
        info.country = NULL;
      if (info.timezone != NULL && !id_ok (info.timezone))
        info.timezone = NULL;
      info.pickup_lead_minutes = MIN (get_uint_or (obj, "pickup_lead_minutes", 60), 60 * 24 * 14);
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

static gboolean
check_format (const Json  *root,
              const char  *format,
              GError     **error)
{
  gint64 version;

  if (g_strcmp0 (get_string (root, "format"), format) != 0)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The document is not an Aisle store feed"));
      return FALSE;
    }

  if (!get_int (root, "format_version", 1, 1, &version))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_UNSUPPORTED,
                   _("The store feed has a format version this kiosk does not know"));
      return FALSE;
    }

  return TRUE;
}

static const char *
short_meta (const Json *root,
            const char *key)
{
  const char *value = get_string (root, key);
  return value != NULL && text_ok (value, MAX_NAME_CHARS) ? value : NULL;
}

typedef AisleJsonSpan Span;

/* Parses each element of a share with its own doc and hands it on; one that
 * is not valid JSON is skipped like any other bad element. */
static void
read_elements (AisleJsonDoc    *doc,
               const Span      *spans,
               guint            n_spans,
               const char      *what,
               AisleFeedReport *report,
               gboolean       (*read) (gpointer data, const Json *element),
               gpointer         data)
{
  for (guint i = 0; i < n_spans; i++)
    {
      g_autoptr(GError) element_error = NULL;
      const Json *element = aisle_json_doc_parse (doc, spans[i].data, spans[i].len, &element_error);

      if (element == NULL)
        skip (report, what, NULL, element_error->message);
      else
        read (data, element);
    }
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

  read_elements (share->doc, share->spans, share->n_spans, "product", &share->report,
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
  share->doc = aisle_json_doc_new (MAX_DEPTH);
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
  skip (&first->report, "product", id, "duplicate id");
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

  report_merge (report, &shares[0].report);
  report_merge (report, &shares[1].report);

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
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (MAX_DEPTH);
  const Json *root;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  AisleCatalogMeta doc_meta;
  gboolean has_products;
  gsize products_len = 0;

  if (!(root = parse_document (json, _("The catalog document is empty"), "products", MAX_PRODUCTS,
                              doc, spans, &has_products, error)) ||
      !check_format (root, "aisle-store-feed", error))
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
  doc_meta.currency = get_string (root, "currency");
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
  log_skipped (report ? report : &local);
  return image;
}

static gboolean
read_digits (const char *text,
             guint       n,
             guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

/* ISO 8601 as Unix time; 0 when it is not one. Every stock entry has one:
 * the usual "2026-11-14T10:05:00Z" is read by hand, anything else by GLib. */
static gint64
parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  guint y, mo, d, h, mi, sec;

  if (text == NULL || strlen (text) > 40)
    return 0;

  if (strlen (text) == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
      text[13] == ':' && text[16] == ':' && text[19] == 'Z' &&
      read_digits (text, 4, &y) && read_digits (text + 5, 2, &mo) && read_digits (text + 8, 2, &d) &&
      read_digits (text + 11, 2, &h) && read_digits (text + 14, 2, &mi) && read_digits (text + 17, 2, &sec))
    {
      if (!g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59 || sec > 59)
        return 0;
      return days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    }

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (text, utc);
  return dt ? g_date_time_to_unix (dt) : 0;
}

static gboolean
date_ok (const char *text)
{
  guint y, m, d;
  char extra;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) == 3 &&
         g_date_valid_dmy (d, m, y);
}

static gboolean
parse_level (const char      *text,
             AisleStockLevel *level)
{
  if (text == NULL)
    *level = AISLE_STOCK_LEVEL_UNKNOWN;
  else if (strcmp (text, "high") == 0)
    *level = AISLE_STOCK_LEVEL_HIGH;
  else if (strcmp (text, "low") == 0)
    *level = AISLE_STOCK_LEVEL_LOW;
  else if (strcmp (text, "out") == 0)
    *level = AISLE_STOCK_LEVEL_OUT;
  else
    return FALSE;
  return TRUE;
}

static gboolean
location_text_ok (const char *text)
{
  return text != NULL && text[0] != '\0' && text_ok (text, 16) && strchr (text, '\n') == NULL;
}

/* One stock entry as read, before it is known to be the first for its
 * product: the entries are read on two threads, then added in the
 * document's order, so the first of two entries for one product wins. */
typedef struct
{
  guint            product;
  gint             quantity;
  AisleStockLevel  level;
  const char      *restock;
  gint64           updated_at;
  const char      *product_id;
  guint            first_location;
  guint            n_locations;
} StockDraft;

typedef struct
{
  guint       package;
  const char *aisle;
  const char *shelf;
} LocationDraft;

typedef struct
{
  const Span      *items;
  guint            n_items;
  AisleCatalog    *catalog;
  AisleJsonDoc    *doc;
  GStringChunk    *strings;
  GArray          *entries;     /* of StockDraft */
  GArray          *locations;   /* of LocationDraft */
  AisleFeedReport  report;
} StockShare;

/* A read_elements() callback: @data is the StockShare. */
static gboolean
read_stock_item (gpointer    data,
                 const Json *item)
{
  StockShare *share = data;
  AisleFeedReport *report = &share->report;
  StockDraft draft = { 0 };
  const char *product_id = NULL, *restock;
  const Json *locations;
  gint64 quantity = AISLE_STOCK_NO_QUANTITY;
  guint n_looked = 0;

  if (!aisle_json_is (item, AISLE_JSON_OBJECT) ||
      !id_ok (product_id = get_string (item, "product")))
    return skip (report, "stock entry", NULL, "missing product id");

  draft.product = aisle_catalog_find_by_id (share->catalog, product_id);
  if (draft.product == AISLE_CATALOG_NO_INDEX)
    return skip (report, "stock entry", product_id, "unknown product");

  if (aisle_json_get (item, "quantity") != NULL &&
      !get_int (item, "quantity", 0, 10000000, &quantity))
    return skip (report, "stock entry", product_id, "quantity is not a whole number");
  if (!parse_level (get_string (item, "level"), &draft.level))
    return skip (report, "stock entry", product_id, "unknown level");

  restock = get_string (item, "restock");
  draft.quantity = (gint)quantity;
  draft.restock = restock != NULL && date_ok (restock) ? g_string_chunk_insert_const (share->strings, restock) : NULL;
  draft.updated_at = parse_time (get_string (item, "updated_at"));
  draft.product_id = g_string_chunk_insert (share->strings, product_id);
  draft.first_location = share->locations->len;

  /* At most MAX_LOCATIONS elements are looked at, good or bad: a hostile
   * list of a million bad ones costs no more than forty. */
  if (aisle_json_is (locations = aisle_json_get (item, "locations"), AISLE_JSON_ARRAY))
    for (const Json *loc = aisle_json_first (locations); loc && n_looked < MAX_LOCATIONS;
         loc = aisle_json_next (locations, loc), n_looked++)
      {
        LocationDraft location;
        const char *aisle, *shelf;

        if (!aisle_json_is (loc, AISLE_JSON_OBJECT))
          continue;
        aisle = get_string (loc, "aisle");
        shelf = get_string (loc, "shelf");
        if (!location_text_ok (aisle) || !location_text_ok (shelf))
          {
            skip (report, "stock location", product_id, "aisle or shelf missing or too long");
            continue;
          }
        location.package = MIN (get_uint_or (loc, "package", 1), 99);
        location.aisle = g_string_chunk_insert_const (share->strings, aisle);
        location.shelf = g_string_chunk_insert_const (share->strings, shelf);
        g_array_append_val (share->locations, location);
        draft.n_locations++;
      }

  g_array_append_val (share->entries, draft);
  return TRUE;
}

static gpointer
read_stock_share (gpointer data)
{
  StockShare *share = data;

  read_elements (share->doc, share->items, share->n_items, "stock entry", &share->report,
                 read_stock_item, share);

  return share;
}

static void
stock_share_init (StockShare   *share,
                  AisleCatalog *catalog,
                  const Span   *items,
                  guint         n_items)
{
  share->items = items;
  share->n_items = n_items;
  share->catalog = catalog;
  share->doc = aisle_json_doc_new (MAX_DEPTH);
  share->strings = g_string_chunk_new (1 << 16);
  share->entries = g_array_sized_new (FALSE, FALSE, sizeof (StockDraft), n_items);
  share->locations = g_array_sized_new (FALSE, FALSE, sizeof (LocationDraft), n_items * 2);
}

static void
stock_share_clear (StockShare *share)
{
  g_clear_pointer (&share->doc, aisle_json_doc_free);
  g_clear_pointer (&share->strings, g_string_chunk_free);
  g_clear_pointer (&share->entries, g_array_unref);
  g_clear_pointer (&share->locations, g_array_unref);
  aisle_feed_report_clear (&share->report);
}

/* Adds a share's entries to @stock in order, each product's first only;
 * returns how many were added. */
static guint
add_stock_share (AisleStock      *stock,
                 StockShare      *share,
                 guint8          *seen,
                 AisleFeedReport *report)
{
  guint n_added = 0;

  for (guint i = 0; i < share->entries->len; i++)
    {
      const StockDraft *draft = &g_array_index (share->entries, StockDraft, i);

      if (seen[draft->product])
        {
          skip (report, "stock entry", draft->product_id, "duplicate entry");
          continue;
        }
      seen[draft->product] = 1;
      n_added++;
      aisle_stock_add_entry (stock, draft->product, draft->quantity, draft->level, draft->restock, draft->updated_at);
      for (guint l = 0; l < draft->n_locations; l++)
        {
          const LocationDraft *loc = &g_array_index (share->locations, LocationDraft, draft->first_location + l);
          aisle_stock_add_location (stock, loc->package, loc->aisle, loc->shelf);
        }
    }

  report_merge (report, &share->report);
  return n_added;
}

/* Reading the entries is most of a stock document's time: on a big one two
 * threads read half each (by count); adding them is quick and in order.
 * Returns how many entries were added. */
static guint
read_stock_items (AisleStock      *stock,
                  AisleCatalog    *catalog,
                  const Span      *items,
                  guint            n_items,
                  AisleFeedReport *report)
{
  StockShare shares[2] = { { 0 } };
  g_autofree guint8 *seen = g_malloc0 (MAX (aisle_catalog_get_n_products (catalog), 1));
  guint split = n_items >= 4000 && g_get_num_processors () > 1 ? n_items / 2 : n_items;
  GThread *thread = NULL;
  guint n_added;

  stock_share_init (&shares[0], catalog, items, split);
  if (split < n_items)
    {
      stock_share_init (&shares[1], catalog, items + split, n_items - split);
      thread = g_thread_new ("aisle-stock-parse", read_stock_share, &shares[1]);
    }

  read_stock_share (&shares[0]);
  n_added = add_stock_share (stock, &shares[0], seen, report);
  stock_share_clear (&shares[0]);

  if (thread != NULL)
    {
      g_thread_join (thread);
      n_added += add_stock_share (stock, &shares[1], seen, report);
      stock_share_clear (&shares[1]);
    }

  return n_added;
}

static AisleStock *
parse_stock (AisleCatalog     *catalog,
             GBytes           *json,
             AisleFeedReport  *report,
             GError          **error)
{
  g_autoptr(AisleStock) stock = NULL;
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (MAX_DEPTH);
  const Json *root;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *store;
  gboolean has_items;

  if (!(root = parse_document (json, _("The stock document is empty"), "items", MAX_STOCK_ITEMS,
                              doc, items, &has_items, error)) ||
      !check_format (root, "aisle-store-stock", error))
    return NULL;

  store = get_string (root, "store");
  if (!id_ok (store) || !has_items)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The stock document names no store or has no items"));
      return NULL;
    }

  stock = aisle_stock_new (catalog, store, parse_time (get_string (root, "updated_at")));
  /* As for the catalog: a document with nothing usable must not replace
   * good stock with "stock unknown" on every product. */
  if (read_stock_items (stock, catalog, (const Span *)(gpointer)items->data, items->len, report) == 0)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The stock document has no usable entries (%u skipped)"), report->n_skipped);
      return NULL;
    }

  aisle_stock_seal (stock);
  report->n_products = aisle_stock_get_n_entries (stock);
  return g_steal_pointer (&stock);
}

AisleStock *
aisle_feed_parse_stock (AisleCatalog     *catalog,
                        GBytes           *json,
                        AisleFeedReport  *report,
                        GError          **error)
{
  g_auto(AisleFeedReport) local = { 0 };
  AisleStock *stock;

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (json != NULL, NULL);

  stock = parse_stock (catalog, json, report ? report : &local, error);
  log_skipped (report ? report : &local);
  return stock;
}
