/* aisle-search.h: answering a search on every keystroke
 *
 * The catalog image carries every product's name folded once per language
 * (one line per product) and its article digits and GTIN. A query is folded
 * the same way and found with memmem() over those blobs, so a keystroke costs
 * a scan of a few megabytes at 100,000 products, not a filter model pass.
 * Results are ranked (name starts with the query, every word starts a word,
 * anywhere) and capped: a shopper never scrolls through 5,000 hits.
 */
#pragma once

#include "aisle-catalog.h"

G_BEGIN_DECLS

/* Six rows of six tiles (twelve of three in portrait): enough to choose
 * from, and GTK 4.8 lays out every tile it has made, visible or not, so a
 * small grid keeps each keystroke cheap. */
#define AISLE_SEARCH_DEFAULT_LIMIT 36

/* Returns the indices of the best @limit matches, best first; @n_matches
 * (optional) receives how many products matched in all. */
GArray *aisle_search_run (AisleCatalog  *catalog,
                          AisleLanguage  language,
                          const char    *query,
                          guint          limit,
                          guint         *n_matches);

G_END_DECLS
