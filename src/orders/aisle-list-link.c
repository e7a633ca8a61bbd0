/* aisle-list-link.c: a shopping list carried in a link */
#define G_LOG_DOMAIN "aisle-list-link"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-list-link.h"

#define MAX_ARTICLE_BYTES 64

G_DEFINE_QUARK (aisle-list-link-error-quark, aisle_list_link_error)

static GUri *
parse_link (const char *text)
{
  GUri *uri;
  const char *scheme;

  if (text == NULL || strnlen (text, AISLE_LIST_LINK_MAX_BYTES + 1) > AISLE_LIST_LINK_MAX_BYTES)
    return NULL;
  /* The query stays encoded: an article may hold an escaped ',' or '*'. */
  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_PATH, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if ((g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' || g_uri_get_query (uri) == NULL ||
      !g_str_has_suffix (g_uri_get_path (uri), "/list"))
    {
      g_uri_unref (uri);
      return NULL;
    }
  return uri;
}

/* The raw (still escaped) value of the "items" parameter, or NULL. */
static char *
items_parameter (GUri *uri)
{
  g_auto(GStrv) parameters = g_strsplit (g_uri_get_query (uri), "&", 0);

  for (guint i = 0; parameters[i] != NULL; i++)
    if (g_str_has_prefix (parameters[i], "items="))
      return g_strdup (parameters[i] + strlen ("items="));
  return NULL;
}

gboolean
aisle_list_link_is_link (const char *text)
{
  g_autoptr(GUri) uri = parse_link (text);
  g_autofree char *items = uri ? items_parameter (uri) : NULL;

  return items != NULL;
}

static int
default_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/* The link is under the shop's address: same scheme, host and port, and
 * "list" right below the shop's path. */
static gboolean
same_shop (GUri       *link,
           const char *shop_url)
{
  g_autoptr(GUri) shop = shop_url ? g_uri_parse (shop_url, G_URI_FLAGS_ENCODED_PATH, NULL) : NULL;
  g_autofree char *expected = NULL;
  const char *path;

  if (shop == NULL || g_uri_get_host (shop) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (shop), g_uri_get_scheme (link)) != 0 ||
      g_ascii_strcasecmp (g_uri_get_host (shop), g_uri_get_host (link)) != 0 ||
      default_port (shop) != default_port (link))
    return FALSE;

  path = g_uri_get_path (shop);
  expected = g_strconcat (path, g_str_has_suffix (path, "/") ? "" : "/", "list", NULL);
  return g_str_equal (expected, g_uri_get_path (link));
}

/* "<article>*<quantity>" or "<article>": the product's index and how many. */
static gboolean
read_item (const char   *item,
           AisleCatalog *catalog,
           guint        *product,
           guint        *quantity)
{
  const char *star = strrchr (item, '*');
  g_autofree char *raw = star ? g_strndup (item, star - item) : g_strdup (item);
  g_autofree char *article = NULL;
  guint64 n = 1;

  if (star != NULL)
    {
      const char *digits = star + 1;

      if (*digits == '\0' || strlen (digits) > 2 || strspn (digits, "0123456789") != strlen (digits))
        return FALSE;
      n = g_ascii_strtoull (digits, NULL, 10);
      if (n == 0 || n > AISLE_SHOPPING_LIST_MAX_QUANTITY)
        return FALSE;
    }

  article = g_uri_unescape_string (raw, NULL);
  if (article == NULL || *article == '\0' || strlen (article) > MAX_ARTICLE_BYTES ||
      !g_utf8_validate (article, -1, NULL) || strpbrk (raw, "*,") != NULL)
    return FALSE;

  *product = aisle_catalog_find_by_code (catalog, article);
  *quantity = (guint)n;
  return *product != AISLE_CATALOG_NO_INDEX;
}

gboolean
aisle_list_link_merge (const char           *text,
                       AisleCatalog         *catalog,
                       AisleShoppingList    *list,
                       AisleListLinkCounts  *counts,
                       GError              **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *items = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) products = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) quantities = g_array_new (FALSE, FALSE, sizeof (guint));
  AisleListLinkCounts local = { 0 };

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (list), FALSE);

  if (counts == NULL)
    counts = &local;
  memset (counts, 0, sizeof *counts);

  if ((uri = parse_link (text)) == NULL || (items = items_parameter (uri)) == NULL)
    {
      g_set_error_literal (error, AISLE_LIST_LINK_ERROR, AISLE_LIST_LINK_ERROR_NOT_A_LIST, "not a list link, or too long");
      return FALSE;
    }
  if (!same_shop (uri, aisle_catalog_get_shop_url (catalog)))
    {
      g_set_error (error, AISLE_LIST_LINK_ERROR, AISLE_LIST_LINK_ERROR_OTHER_SHOP, "a list link of another shop (%s)",
                   g_uri_get_host (uri));
      return FALSE;
    }

  parts = g_strsplit (items, ",", AISLE_LIST_LINK_MAX_ITEMS + 1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint product, quantity;

      if (i == AISLE_LIST_LINK_MAX_ITEMS)
        {
          /* The rest, unread: as many as its commas say. */
          const char *rest = parts[i];

          counts->n_unknown++;
          for (; *rest != '\0'; rest++)
            counts->n_unknown += *rest == ',';
          break;
        }
      if (*parts[i] == '\0')
        continue;
      if (!read_item (parts[i], catalog, &product, &quantity))
        {
          counts->n_unknown++;
          continue;
        }
      g_array_append_val (products, product);
      g_array_append_val (quantities, quantity);
    }

  if (products->len == 0)
    {
      g_set_error (error, AISLE_LIST_LINK_ERROR, AISLE_LIST_LINK_ERROR_NOTHING_KNOWN,
                   "no article of the link is in the catalog (%u unknown)",
                   counts->n_unknown);
      return FALSE;
    }

  for (guint i = 0; i < products->len; i++)
    {
      guint product = g_array_index (products, guint, i);
      guint quantity = g_array_index (quantities, guint, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < i; j++)
        seen |= g_array_index (products, guint, j) == product;
      aisle_shopping_list_add (list, aisle_catalog_product_id (catalog, product), quantity);
      counts->n_lines += !seen;
      counts->n_items += quantity;
    }
  return TRUE;
}

char *
aisle_list_link_describe (const AisleListLinkCounts *counts)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (counts != NULL, NULL);

  g_string_printf (text, ngettext ("Added %u article from your scanned list.",
                                   "Added %u articles from your scanned list.", counts->n_lines),
                   counts->n_lines);
  if (counts->n_unknown > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u article on it is not sold in this store.",
                                              "%u articles on it are not sold in this store.", counts->n_unknown),
                              counts->n_unknown);
    }
  return g_string_free (text, FALSE);
}

const char *
aisle_list_link_error_message (const GError *error)
{
  if (g_error_matches (error, AISLE_LIST_LINK_ERROR, AISLE_LIST_LINK_ERROR_OTHER_SHOP))
    return _("This list is from another shop. Scan a list from our online shop or from one of our slips.");
  if (g_error_matches (error, AISLE_LIST_LINK_ERROR, AISLE_LIST_LINK_ERROR_NOT_A_LIST))
    return _("This QR code is not one the kiosk can use. Scan a product's barcode, or a list from our online shop.");
  return _("None of the articles on this list is sold here. Please ask a member of staff.");
}
