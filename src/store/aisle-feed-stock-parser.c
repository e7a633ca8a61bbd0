/* aisle-feed-stock-parser.c: the store feed's stock document into AisleStock
 *
 * One entry per product of the current catalog: a level or a quantity, a
 * restock date and the aisles and shelves it is on. What the catalog
 * document shares with it is in aisle-feed-reader.c.
 */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-feed-reader.h"

#define MAX_STOCK_ITEMS      1000000
#define MAX_LOCATIONS        40

typedef AisleJsonNode Json;
typedef AisleJsonSpan Span;

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
  return text != NULL && text[0] != '\0' && aisle_feed_text_ok (text, 16) && strchr (text, '\n') == NULL;
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

/* An AisleFeedReadFunc: @data is the StockShare. */
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
      !aisle_feed_id_ok (product_id = aisle_feed_get_string (item, "product")))
    return aisle_feed_skip (report, "stock entry", NULL, "missing product id");

  draft.product = aisle_catalog_find_by_id (share->catalog, product_id);
  if (draft.product == AISLE_CATALOG_NO_INDEX)
    return aisle_feed_skip (report, "stock entry", product_id, "unknown product");

  if (aisle_json_get (item, "quantity") != NULL &&
      !aisle_feed_get_int (item, "quantity", 0, 10000000, &quantity))
    return aisle_feed_skip (report, "stock entry", product_id, "quantity is not a whole number");
  if (!parse_level (aisle_feed_get_string (item, "level"), &draft.level))
    return aisle_feed_skip (report, "stock entry", product_id, "unknown level");

  restock = aisle_feed_get_string (item, "restock");
  draft.quantity = (gint)quantity;
  draft.restock = restock != NULL && date_ok (restock) ? g_string_chunk_insert_const (share->strings, restock) : NULL;
  draft.updated_at = parse_time (aisle_feed_get_string (item, "updated_at"));
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
        aisle = aisle_feed_get_string (loc, "aisle");
        shelf = aisle_feed_get_string (loc, "shelf");
        if (!location_text_ok (aisle) || !location_text_ok (shelf))
          {
            aisle_feed_skip (report, "stock location", product_id, "aisle or shelf missing or too long");
            continue;
          }
        location.package = MIN (aisle_feed_get_uint_or (loc, "package", 1), 99);
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

  aisle_feed_read_elements (share->doc, share->items, share->n_items, "stock entry", &share->report,
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
  share->doc = aisle_json_doc_new (AISLE_FEED_MAX_DEPTH);
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
          aisle_feed_skip (report, "stock entry", draft->product_id, "duplicate entry");
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

  aisle_feed_report_merge (report, &share->report);
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
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (AISLE_FEED_MAX_DEPTH);
  const Json *root;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *store;
  gboolean has_items;

  if (!(root = aisle_feed_read_document (json, _("The stock document is empty"), "items", MAX_STOCK_ITEMS,
                                         doc, items, &has_items, error)) ||
      !aisle_feed_check_format (root, "aisle-store-stock", error))
    return NULL;

  store = aisle_feed_get_string (root, "store");
  if (!aisle_feed_id_ok (store) || !has_items)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The stock document names no store or has no items"));
      return NULL;
    }

  stock = aisle_stock_new (catalog, store, parse_time (aisle_feed_get_string (root, "updated_at")));
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
  aisle_feed_log_skipped (report ? report : &local);
  return stock;
}
