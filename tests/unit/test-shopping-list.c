/* test-shopping-list.c: list arithmetic and the walking order through the stockroom */
#include "config.h"

#include "aisle-feed-parser.h"
#include "feed-fixture.h"
#include "aisle-shopping-list.h"

static AisleCatalog *catalog;
static AisleStock *stock;

static void
count_changes (AisleShoppingList *list,
               guint             *count)
{
  (*count)++;
}

static void
test_arithmetic (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  gint64 picked, prepared;
  guint changes = 0;

  g_signal_connect (list, "changed", G_CALLBACK (count_changes), &changes);

  g_assert_cmpuint (aisle_shopping_list_add (list, "10000001", 2), ==, 2);   /* LUNDA, 129.99 */
  g_assert_cmpuint (aisle_shopping_list_add (list, "10000003", 1), ==, 1);   /* garden set, full-serve, 349.00 */
  g_assert_cmpuint (aisle_shopping_list_add (list, "10000001", 1), ==, 3);   /* same line */
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 2);
  g_assert_cmpuint (aisle_shopping_list_count_items (list), ==, 4);
  g_assert_cmpuint (changes, ==, 3);

  g_assert_cmpint (aisle_shopping_list_total (list, catalog, &picked, &prepared), ==, 3 * 12999 + 34900);
  g_assert_cmpint (picked, ==, 3 * 12999);
  g_assert_cmpint (prepared, ==, 34900);

  /* A self-serve article the shopper wants prepared moves to the other part. */
  aisle_shopping_list_set_prepared (list, "10000001", TRUE);
  aisle_shopping_list_total (list, catalog, &picked, &prepared);
  g_assert_cmpint (picked, ==, 0);
  g_assert_cmpint (prepared, ==, 3 * 12999 + 34900);
  aisle_shopping_list_set_prepared (list, "10000001", FALSE);

  aisle_shopping_list_set_quantity (list, "10000001", 1);
  g_assert_cmpint (aisle_shopping_list_total (list, catalog, NULL, NULL), ==, 12999 + 34900);

  /* Quantities are capped; 0 and remove take the line away. */
  g_assert_cmpuint (aisle_shopping_list_add (list, "10000002", 500), ==, AISLE_SHOPPING_LIST_MAX_QUANTITY);
  aisle_shopping_list_set_quantity (list, "10000002", 0);
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 2);
  aisle_shopping_list_remove (list, "10000003");
  g_assert_cmpuint (aisle_shopping_list_count_items (list), ==, 1);
  g_assert_cmpuint (aisle_shopping_list_add (list, "10000004", 0), ==, 0);
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 1);

  /* A product the catalog no longer has is not counted in the total. */
  aisle_shopping_list_add (list, "gone", 3);
  g_assert_cmpint (aisle_shopping_list_total (list, catalog, NULL, NULL), ==, 12999);

  aisle_shopping_list_clear (list);
  g_assert_cmpuint (aisle_shopping_list_get_n_lines (list), ==, 0);
  g_assert_cmpint (aisle_shopping_list_total (list, catalog, NULL, NULL), ==, 0);
}

static void
test_natural_order (void)
{
  g_assert_cmpint (aisle_compare_location ("2", "10"), <, 0);
  g_assert_cmpint (aisle_compare_location ("10", "2"), >, 0);
  g_assert_cmpint (aisle_compare_location ("04", "4"), ==, 0);
  g_assert_cmpint (aisle_compare_location ("B7", "B10"), <, 0);
  g_assert_cmpint (aisle_compare_location ("b10", "B7"), >, 0);
  g_assert_cmpint (aisle_compare_location ("12", "12A"), <, 0);
  g_assert_cmpint (aisle_compare_location ("A", "B"), <, 0);
  g_assert_cmpint (aisle_compare_location ("", "1"), <, 0);
  g_assert_cmpint (aisle_compare_location ("99999999999999999999", "100000000000000000000"), <, 0);
}

static void
test_walking_order (void)
{
  g_autoptr(AisleShoppingList) list = aisle_shopping_list_new ();
  g_autoptr(GArray) rows = NULL;
  const AislePickRow *row;
  guint n_boxes;

  aisle_shopping_list_add (list, "10000002", 1);   /* cushion cover: self-serve, place unknown */
  aisle_shopping_list_add (list, "10000001", 2);   /* LUNDA: box 1 in 12/04, box 2 in 31/17 */
  aisle_shopping_list_add (list, "10000003", 1);   /* full-serve: not picked */
  aisle_shopping_list_add (list, "10000004", 1);   /* online-only: not picked */

  rows = aisle_shopping_list_pick_rows (list, catalog, stock, &n_boxes);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (n_boxes, ==, 2 + 2 + 1);

  row = &g_array_index (rows, AislePickRow, 0);
  g_assert_cmpstr (row->aisle, ==, "12");
  g_assert_cmpstr (row->shelf, ==, "04");
  g_assert_cmpuint (row->package, ==, 1);
  g_assert_cmpuint (row->n_packages, ==, 2);
  g_assert_cmpuint (row->boxes, ==, 2);

  row = &g_array_index (rows, AislePickRow, 1);
  g_assert_cmpstr (row->aisle, ==, "31");
  g_assert_cmpuint (row->package, ==, 2);

  /* Unknown places come last. */
  row = &g_array_index (rows, AislePickRow, 2);
  g_assert_null (row->aisle);
  g_assert_cmpstr (aisle_catalog_product_id (catalog, row->product), ==, "10000002");

  /* Asked to be prepared: no longer picked. */
  g_clear_pointer (&rows, g_array_unref);
  aisle_shopping_list_set_prepared (list, "10000001", TRUE);
  rows = aisle_shopping_list_pick_rows (list, catalog, stock, &n_boxes);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (n_boxes, ==, 1);

  /* Without stock, every box is a place unknown, still listed. */
  g_clear_pointer (&rows, g_array_unref);
  aisle_shopping_list_set_prepared (list, "10000001", FALSE);
  rows = aisle_shopping_list_pick_rows (list, catalog, NULL, &n_boxes);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_null (g_array_index (rows, AislePickRow, 0).aisle);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  feed_fixture_load (&catalog, &stock);

  g_test_add_func ("/list/arithmetic", test_arithmetic);
  g_test_add_func ("/list/natural-order", test_natural_order);
  g_test_add_func ("/list/walking-order", test_walking_order);

  status = g_test_run ();
  g_clear_object (&stock);
  g_clear_object (&catalog);
  return status;
}
