/* test-list-link.c: a list from a slip's or a phone's QR code, merged into the shopper's list */
#include "config.h"

#include <string.h>

#include "aisle-list-link.h"
#include "aisle-slip.h"
#include "feed-fixture.h"

static AisleCatalog *catalog;
static AisleStock *stock;

static const char *
article (guint product)
{
  return aisle_catalog_product_article (catalog, product);
}

static const char *
id (guint product)
{
  return aisle_catalog_product_id (catalog, product);
}

static guint
quantity_of (AisleShoppingList *list,
             const char        *product_id)
{
  for (guint i = 0; i < aisle_shopping_list_get_n_lines (list); i++)
    if (g_str_equal (aisle_shopping_list_get_line (list, i)->product_id, product_id))
      return aisle_shopping_list_get_line (list, i)->quantity;
  return 0;
}

/* <shop>list?items=…, with @items as given. */
static char *
link_with (const char *items)
{
  return g_strconcat (aisle_catalog_get_shop_url (catalog), "list?items=", items, NULL);
}

/* The slip's own QR code, scanned back at a kiosk, gives the same list,
 * added to what the shopper has. */
static void
test_round_trip (void)
{
  g_autoptr(AisleShoppingList) printed = aisle_shopping_list_new ();
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(AisleSlip) slip = NULL;
  g_autoptr(GError) error = NULL;
  AisleListLinkCounts counts;
  const char *url;

  aisle_shopping_list_add (printed, id (0), 2);
  aisle_shopping_list_add (printed, id (1), 1);
  aisle_shopping_list_add (printed, id (2), 5);
  slip = aisle_slip_new_for_list (printed, catalog, stock, AISLE_LANGUAGE_EN, now, NULL);
  url = aisle_slip_get_text (slip, AISLE_SLIP_PHONE_URL);
  g_assert_nonnull (url);
  g_assert_true (aisle_list_link_is_link (url));

  aisle_shopping_list_add (list, id (0), 1);
  g_assert_true (aisle_list_link_merge (url, catalog, list, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_lines, ==, 3);
  g_assert_cmpuint (counts.n_items, ==, 8);
  g_assert_cmpuint (counts.n_unknown, ==, 0);
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 3);
  g_assert_cmpuint (quantity_of (list, id (0)), ==, 3);
  g_assert_cmpuint (quantity_of (list, id (1)), ==, 1);
  g_assert_cmpuint (quantity_of (list, id (2)), ==, 5);
}

static void
assert_refused (const char         *link,
                AisleListLinkError  code)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(GError) error = NULL;
  AisleListLinkCounts counts;

  aisle_shopping_list_add (list, id (0), 1);
  g_assert_false (aisle_list_link_merge (link, catalog, list, &counts, &error));
  g_assert_error (error, AISLE_LIST_LINK_ERROR, (int)code);
  /* The shopper's list is as it was. */
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 1);
  g_assert_cmpuint (quantity_of (list, id (0)), ==, 1);
  g_assert_nonnull (aisle_list_link_error_message (error));
}

/* Only the shop's own address is trusted: another host, another scheme,
 * another port or another path is another shop. */
static void
test_other_shop (void)
{
  g_autofree char *items = g_strdup_printf ("%s*1", article (0));
  g_autofree char *evil = g_strdup_printf ("https://shop.fixture.example.evil.test/list?items=%s", items);
  g_autofree char *plain = g_strdup_printf ("http://shop.fixture.example/list?items=%s", items);
  g_autofree char *port = g_strdup_printf ("https://shop.fixture.example:8443/list?items=%s", items);
  g_autofree char *path = g_strdup_printf ("https://shop.fixture.example/other/list?items=%s", items);
  g_autofree char *userinfo = g_strdup_printf ("https://shop.fixture.example@evil.test/list?items=%s", items);
  g_autofree char *same = link_with (items);

  g_assert_cmpstr (aisle_catalog_get_shop_url (catalog), ==, "https://shop.fixture.example/");
  for (guint i = 0; i < 5; i++)
    {
      const char *links[] = { evil, plain, port, path, userinfo };

      g_assert_true (aisle_list_link_is_link (links[i]));
      assert_refused (links[i], AISLE_LIST_LINK_ERROR_OTHER_SHOP);
    }

  /* The host in capitals, the default port written out: the same shop. */
  {
    g_autofree char *upper = g_strdup_printf ("https://SHOP.Fixture.example:443/list?items=%s", items);
    g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();

    g_assert_true (aisle_list_link_merge (upper, catalog, list, NULL, NULL));
    g_assert_true (aisle_list_link_merge (same, catalog, list, NULL, NULL));
    g_assert_cmpuint (quantity_of (list, id (0)), ==, 2);
  }
}

static void
test_not_a_list (void)
{
  g_autoptr(GString) huge = g_string_new (NULL);
  const char *others[] = {
    "https://shop.fixture.example/o/CN-000123?k=9f3a",
    "https://shop.fixture.example/list",
    "https://shop.fixture.example/list?item=1",
    "ftp://shop.fixture.example/list?items=1",
    "https:///list?items=1",
    "not a link at all",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_false (aisle_list_link_is_link (others[i]));
      assert_refused (others[i], AISLE_LIST_LINK_ERROR_NOT_A_LIST);
    }

  /* Longer than any QR code the kiosk prints: not read at all. */
  g_string_append_printf (huge, "%slist?items=", aisle_catalog_get_shop_url (catalog));
  while (huge->len <= AISLE_LIST_LINK_MAX_BYTES)
    g_string_append_printf (huge, "%s*1,", article (0));
  g_assert_false (aisle_list_link_is_link (huge->str));
  assert_refused (huge->str, AISLE_LIST_LINK_ERROR_NOT_A_LIST);
}

/* Each item is read on its own: the good ones are added, the others
 * counted, and a link with no good one changes nothing. */
static void
test_bad_items (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *items = g_strdup_printf ("999.999.99*2,%s*0,%s*100,%s*abc,%%00,%s**2,,%s*-1,%s",
                                            article (0), article (0), article (0), article (0), article (0),
                                            article (1));
  g_autofree char *link = link_with (items);
  g_autofree char *none = link_with ("999.999.99,%00,*3");
  g_autofree char *bad_escape = link_with ("%ZZ");
  AisleListLinkCounts counts;

  g_assert_true (aisle_list_link_merge (link, catalog, list, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_lines, ==, 1);
  g_assert_cmpuint (counts.n_items, ==, 1);
  g_assert_cmpuint (counts.n_unknown, ==, 7);
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 1);
  g_assert_cmpuint (quantity_of (list, id (1)), ==, 1);

  assert_refused (none, AISLE_LIST_LINK_ERROR_NOTHING_KNOWN);
  /* A link that is not a well-formed address is not read at all. */
  assert_refused (bad_escape, AISLE_LIST_LINK_ERROR_NOT_A_LIST);
}

/* Articles escaped, without dots, or as GTINs; the same article twice is
 * one line; quantities stop at the list's maximum. */
static void
test_forms (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *escaped = g_uri_escape_string (article (0), NULL, FALSE);
  g_autofree char *no_dots = g_strdelimit (g_strdup (article (1)), ".", ' ');
  g_autofree char *link = NULL;
  AisleListLinkCounts counts;
  GString *compact = g_string_new (NULL);

  for (const char *c = no_dots; *c; c++)
    if (*c != ' ')
      g_string_append_c (compact, *c);
  g_string_append_printf (items, "%s*2,%s*3,%s*1", escaped, compact->str, article (0));
  g_string_free (compact, TRUE);
  link = link_with (items->str);

  aisle_shopping_list_add (list, id (1), 98);
  g_assert_true (aisle_list_link_merge (link, catalog, list, &counts, NULL));
  g_assert_cmpuint (counts.n_lines, ==, 2);
  g_assert_cmpuint (counts.n_items, ==, 6);
  g_assert_cmpuint (counts.n_unknown, ==, 0);
  g_assert_cmpuint (quantity_of (list, id (0)), ==, 3);
  g_assert_cmpuint (quantity_of (list, id (1)), ==, AISLE_SHOPPING_LIST_MAX_QUANTITY);
}

/* At most AISLE_LIST_LINK_MAX_ITEMS items are read; the rest are counted. */
static void
test_many_items (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *link = NULL;
  AisleListLinkCounts counts;

  for (guint i = 0; i < AISLE_LIST_LINK_MAX_ITEMS + 20; i++)
    g_string_append_printf (items, "%s%s", i ? "," : "", article (i % 3));
  link = link_with (items->str);
  g_assert_cmpuint (strlen (link), <=, AISLE_LIST_LINK_MAX_BYTES);

  g_assert_true (aisle_list_link_merge (link, catalog, list, &counts, NULL));
  g_assert_cmpuint (counts.n_items, ==, AISLE_LIST_LINK_MAX_ITEMS);
  g_assert_cmpuint (counts.n_unknown, ==, 20);
  g_assert_cmpuint (counts.n_lines, ==, 3);
}

static void
test_describe (void)
{
  AisleListLinkCounts counts = { .n_lines = 2, .n_items = 5, .n_unknown = 1 };
  g_autofree char *text = aisle_list_link_describe (&counts);

  g_assert_cmpstr (text, ==, "Added 2 articles from your scanned list. 1 article on it is not sold in this store.");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  feed_fixture_load (&catalog, &stock);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), >=, 3);

  g_test_add_func ("/list-link/round-trip", test_round_trip);
  g_test_add_func ("/list-link/other-shop", test_other_shop);
  g_test_add_func ("/list-link/not-a-list", test_not_a_list);
  g_test_add_func ("/list-link/bad-items", test_bad_items);
  g_test_add_func ("/list-link/forms", test_forms);
  g_test_add_func ("/list-link/many-items", test_many_items);
  g_test_add_func ("/list-link/describe", test_describe);

  status = g_test_run ();
  g_clear_object (&stock);
  g_clear_object (&catalog);
  return status;
}
