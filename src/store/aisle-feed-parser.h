/* aisle-feed-parser.h: the store feed's JSON documents into catalog and stock
 *
 * Pure functions of their input, with no I/O, so they are easy to test and to
 * fuzz. A document that is not a store feed at all is refused with a GError;
 * a single bad category, product or stock entry is skipped with a logged
 * reason and the rest is kept (the first few are logged one by one, the
 * rest in one line). A document with nothing usable in it, or over a limit,
 * is refused as a whole. See docs/store-feed.md.
 */
#pragma once

#include "aisle-catalog-builder.h"
#include "aisle-stock.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_products;
  guint n_skipped;
  guint n_logged;        /* how many of them were logged one by one */
  char *first_problem;   /* the first skipped item's reason, for staff; or NULL */
} AisleFeedReport;

void        aisle_feed_report_clear     (AisleFeedReport        *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AisleFeedReport, aisle_feed_report_clear)

/* @meta gives what the document does not: etag, source URL, fetch time. */
GBytes     *aisle_feed_parse_catalog    (GBytes                 *json,
                                         const AisleCatalogMeta *meta,
                                         AisleFeedReport        *report,
                                         GError                **error);
AisleStock *aisle_feed_parse_stock      (AisleCatalog           *catalog,
                                         GBytes                 *json,
                                         AisleFeedReport        *report,
                                         GError                **error);

G_END_DECLS
