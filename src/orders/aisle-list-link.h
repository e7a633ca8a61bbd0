/* aisle-list-link.h: a shopping list carried in a link, from paper to a phone and back
 *
 *   <shop_url>list?items=<article>*<quantity>,<article>*<quantity>,…
 *
 * is how a list travels: the kiosk prints it as a QR code on every slip,
 * and the online shop opens it on a phone (docs/store-feed.md). Scanned
 * back at any kiosk of the same shop, from a slip or from the phone's
 * screen, it is merged into the shopper's list. Links of another shop are
 * refused: the kiosk only trusts its own shop's address.
 *
 * A link is outside data, typed by a scanner: it is read with limits
 * (AISLE_LIST_LINK_MAX_BYTES, AISLE_LIST_LINK_MAX_ITEMS) and never trusted.
 */
#pragma once

#include "aisle-shopping-list.h"

G_BEGIN_DECLS

#define AISLE_LIST_LINK_MAX_BYTES 4096
#define AISLE_LIST_LINK_MAX_ITEMS 100

#define AISLE_LIST_LINK_ERROR (aisle_list_link_error_quark ())

typedef enum
{
  AISLE_LIST_LINK_ERROR_NOT_A_LIST,    /* another kind of link, or too long */
  AISLE_LIST_LINK_ERROR_OTHER_SHOP,    /* a list of another shop's website */
  AISLE_LIST_LINK_ERROR_NOTHING_KNOWN, /* no article the catalog has */
} AisleListLinkError;

GQuark      aisle_list_link_error_quark   (void);

/* What merging a link did. */
typedef struct
{
  guint n_lines;     /* different articles of the link, added to the list */
  guint n_items;     /* boxes or pieces added, all lines together */
  guint n_unknown;   /* articles the catalog does not have, or malformed */
} AisleListLinkCounts;

/* Whether @text looks like a list link at all (http or https, a "list"
 * path, an "items" parameter), whichever shop it is from. */
gboolean    aisle_list_link_is_link       (const char                *text);

/* Adds the link's articles to @list. Fails with AISLE_LIST_LINK_ERROR,
 * leaving @list as it was; a catalog with no shop address has no list
 * links of its own (OTHER_SHOP). */
gboolean    aisle_list_link_merge         (const char                *text,
                                           AisleCatalog              *catalog,
                                           AisleShoppingList         *list,
                                           AisleListLinkCounts       *counts,
                                           GError                   **error);

/* For the shopper, in the current language: what a merge added ("Added 3
 * articles…"), and why a scanned link was not used (@error from
 * aisle_list_link_merge(), or NULL when there was no catalog to merge into). */
char       *aisle_list_link_describe      (const AisleListLinkCounts *counts);
const char *aisle_list_link_error_message (const GError              *error);

G_END_DECLS
