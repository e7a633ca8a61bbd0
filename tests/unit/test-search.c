/* test-search.c: what a shopper finds for what they type */
#include "config.h"

#include "aisle-catalog-builder.h"
#include "aisle-product-list.h"
#include "aisle-search.h"

typedef struct
{
  const char *article;
  const char *gtin;
  const char *en;
  const char *it;
  const char *de;
} Row;

static const Row rows[] = {
  { "100.000.01", "4006381333931", "LUNDA armchair", "Poltrona LUNDA", "LUNDA Sessel" },
  { "100.000.02", "8001234567895", "CUSCÌNO cushion cover", "Fodera per cuscino CUSCÌNO", "CUSCÌNO Kissenbezug" },
  { "100.000.03", NULL, "Garden furniture set", "Set mobili da giardino", "Gartenmöbel-Set" },
  { "200.100.04", NULL, "Sofa cover, grey", "Fodera divano", "Sofabezug grau" },
  { "200.100.05", NULL, "BRISA sofa", "Divano BRISA", "BRISA Sofa" },
  { "300.555.06", NULL, "Kids' sofa", "Divanetto", "Kindersofa" },
  { "300.555.07", NULL, "MÖLLA shelf", "Scaffale MÖLLA", "MÖLLA Regal" },
};

static AisleCatalog *
catalog_new (void)
{
  g_autoptr(AisleCatalogBuilder) builder = aisle_catalog_builder_new ();
  const char *names[4] = { "All", NULL, NULL, NULL };
  AisleCatalogMeta meta = { 0 };
  g_autoptr(GBytes) image = NULL;
  guint c;

  aisle_catalog_builder_set_meta (builder, &meta);
  c = aisle_catalog_builder_add_category (builder, "all", names, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      AisleProductDraft draft = { 0 };

      draft.id = id;
      draft.article = rows[i].article;
      draft.gtin = rows[i].gtin;
      draft.name[AISLE_LANGUAGE_EN] = rows[i].en;
      draft.name[AISLE_LANGUAGE_IT] = rows[i].it;
      draft.name[AISLE_LANGUAGE_DE] = rows[i].de;
      draft.name[AISLE_LANGUAGE_ES] = rows[i].en;
      draft.category = c;
      aisle_catalog_builder_add_product (builder, &draft);
    }

  image = aisle_catalog_builder_end (g_steal_pointer (&builder));
  return aisle_catalog_new_from_bytes (image, NULL);
}

/* The results as "i,j,k" and how many matched in all. */
static char *
search (AisleCatalog  *catalog,
        AisleLanguage  language,
        const char    *query,
        guint          limit,
        guint         *n_matches)
{
  g_autoptr(GArray) found = aisle_search_run (catalog, language, query, limit, n_matches);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (out, "%s%u", i ? "," : "", g_array_index (found, guint32, i));
  return g_string_free (out, FALSE);
}

#define assert_search(lang, query, expected) \
  G_STMT_START { \
    g_autofree char *got_ = search (catalog, lang, query, 100, NULL); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_folding (void)
{
  g_autoptr(AisleCatalog) catalog = catalog_new ();

  assert_search (AISLE_LANGUAGE_DE, "mobel", "2");
  assert_search (AISLE_LANGUAGE_DE, "MÖBEL", "2");
  assert_search (AISLE_LANGUAGE_DE, "Möbel", "2");
  assert_search (AISLE_LANGUAGE_EN, "cuscino", "1");
  assert_search (AISLE_LANGUAGE_EN, "CUSCÌNO", "1");
  assert_search (AISLE_LANGUAGE_EN, "molla", "6");
  assert_search (AISLE_LANGUAGE_IT, "cuscino", "1");
}

static void
test_language (void)
{
  g_autoptr(AisleCatalog) catalog = catalog_new ();

  /* The name in the current language is what is searched. */
  assert_search (AISLE_LANGUAGE_EN, "mobel", "");
  assert_search (AISLE_LANGUAGE_IT, "divano", "4,3");
  assert_search (AISLE_LANGUAGE_EN, "divano", "");
}

static void
test_ranking (void)
{
  g_autoptr(AisleCatalog) catalog = catalog_new ();

  /* Names that start with the query, then words that start with it, then the rest. */
  assert_search (AISLE_LANGUAGE_EN, "sofa", "3,4,5");
  assert_search (AISLE_LANGUAGE_DE, "sofa", "3,4,5");
  assert_search (AISLE_LANGUAGE_IT, "divano", "4,3");
  /* Every word must match, in any order. */
  assert_search (AISLE_LANGUAGE_EN, "grey cover", "3");
  assert_search (AISLE_LANGUAGE_EN, "cover sofa", "3");
  assert_search (AISLE_LANGUAGE_EN, "sofa  ,  brisa", "4");
  assert_search (AISLE_LANGUAGE_EN, "sofa wardrobe", "");
}

static void
test_short_queries (void)
{
  g_autoptr(AisleCatalog) catalog = catalog_new ();

  /* One or two letters only match at the start of a word… */
  assert_search (AISLE_LANGUAGE_EN, "s", "3,2,4,5,6");
  assert_search (AISLE_LANGUAGE_EN, "ar", "0");
  /* …three and more anywhere. */
  assert_search (AISLE_LANGUAGE_EN, "arm", "0");
  assert_search (AISLE_LANGUAGE_EN, "rmc", "0");
  assert_search (AISLE_LANGUAGE_EN, "", "");
  assert_search (AISLE_LANGUAGE_EN, "   ", "");
  assert_search (AISLE_LANGUAGE_EN, "!!!", "");
}

static void
test_codes (void)
{
  g_autoptr(AisleCatalog) catalog = catalog_new ();

  /* Article numbers with or without dots, by their start or inside. */
  assert_search (AISLE_LANGUAGE_EN, "100.000.02", "1");
  assert_search (AISLE_LANGUAGE_EN, "10000002", "1");
  assert_search (AISLE_LANGUAGE_EN, "300.555", "5,6");
  assert_search (AISLE_LANGUAGE_EN, "555", "5,6");
  /* A GTIN by its start, never by its middle. */
  assert_search (AISLE_LANGUAGE_EN, "4006381333931", "0");
  assert_search (AISLE_LANGUAGE_EN, "400638", "0");
  assert_search (AISLE_LANGUAGE_EN, "6381333", "");
}

static void
test_limit (void)
{
  g_autoptr(AisleCatalog) catalog = catalog_new ();
  g_autofree char *got = NULL;
  guint n_matches = 0;

  got = search (catalog, AISLE_LANGUAGE_EN, "s", 2, &n_matches);
  g_assert_cmpstr (got, ==, "3,2");
  g_assert_cmpuint (n_matches, ==, 5);
}

static void
items_changed (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *log)
{
  guint entry[3] = { position, removed, added };
  g_array_append_vals (log, entry, 3);
}

static void
count_changed (AisleProduct *product,
               guint        *count)
{
  (*count)++;
}

static void
test_minimal_changes (void)
{
  g_autoptr(AisleCatalog) catalog = catalog_new ();
  g_autoptr(AisleProductList) list = aisle_product_list_new ();
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(AisleProduct) third = NULL;
  g_autoptr(AisleProduct) fifth = NULL;
  g_autoptr(AisleProduct) again = NULL;
  const guint32 a[] = { 1, 2, 3, 4, 5 };
  const guint32 b[] = { 1, 2, 6, 4, 5 };
  const guint32 c[] = { 1, 2 };
  const guint32 d[] = { 0, 1, 2, 3 };
  guint third_changed = 0, fifth_changed = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed), log);

  aisle_product_list_set (list, catalog, a, 5);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 5);
  third = g_list_model_get_item (G_LIST_MODEL (list), 2);
  fifth = g_list_model_get_item (G_LIST_MODEL (list), 4);
  g_signal_connect (third, "changed", G_CALLBACK (count_changed), &third_changed);
  g_signal_connect (fifth, "changed", G_CALLBACK (count_changed), &fifth_changed);

  /* Same length: no items-changed at all; the item at the one position that
   * differs now stands for the new product, the others are untouched. */
  g_array_set_size (log, 0);
  aisle_product_list_set (list, catalog, b, 5);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpuint (third_changed, ==, 1);
  g_assert_cmpuint (fifth_changed, ==, 0);
  g_assert_cmpuint (aisle_product_get_index (third), ==, 6);
  again = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_true (again == third);

  /* Shorter: one items-changed for the tail. */
  aisle_product_list_set (list, catalog, c, 2);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));

  /* Longer: one items-changed adding at the end; the head re-pointed. */
  g_array_set_size (log, 0);
  aisle_product_list_set (list, catalog, d, 4);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 2);
  g_assert_cmpuint (aisle_product_list_get_index (list, 1), ==, 1);
  {
    g_autoptr(AisleProduct) last = g_list_model_get_item (G_LIST_MODEL (list), 3);
    g_assert_cmpuint (aisle_product_get_index (last), ==, 3);
  }

  aisle_product_list_clear (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/folding", test_folding);
  g_test_add_func ("/search/language", test_language);
  g_test_add_func ("/search/ranking", test_ranking);
  g_test_add_func ("/search/short-queries", test_short_queries);
  g_test_add_func ("/search/codes", test_codes);
  g_test_add_func ("/search/limit", test_limit);
  g_test_add_func ("/search/minimal-changes", test_minimal_changes);

  return g_test_run ();
}
