/* aisle-shopping-list.h: what the shopper means to take home
 *
 * Lines are kept by product id (a catalog refresh renumbers products), with a
 * quantity and whether the shopper wants a self-serve article prepared for
 * them. The list answers in two parts, as a shopper walks the store: the
 * boxes to pick in the self-serve area in walking order, and what staff
 * prepare (full-serve, online-only and self-serve articles asked for).
 * Part of the shopper's session: it is thrown away with it.
 */
#pragma once

#include "aisle-catalog.h"
#include "aisle-stock.h"

G_BEGIN_DECLS

#define AISLE_SHOPPING_LIST_MAX_QUANTITY 99

typedef struct
{
  const char *product_id;
  guint       quantity;
  gboolean    prepared;    /* a self-serve article the shopper wants prepared */
} AisleListLine;

/* One box to pick: a package of a self-serve line, where it lies. */
typedef struct
{
  guint       product;      /* index in the catalog */
  guint       line;         /* index in the list */
  guint       package;      /* 1-based */
  guint       n_packages;
  guint       boxes;        /* how many of this box to take: the quantity */
  const char *aisle;        /* NULL when the store does not know */
  const char *shelf;
} AislePickRow;

#define AISLE_TYPE_SHOPPING_LIST (aisle_shopping_list_get_type ())

G_DECLARE_FINAL_TYPE (AisleShoppingList, aisle_shopping_list, AISLE, SHOPPING_LIST, GObject)

AisleShoppingList   *aisle_shopping_list_new           (void);
guint                aisle_shopping_list_get_n_lines   (AisleShoppingList *self);
const AisleListLine *aisle_shopping_list_get_line      (AisleShoppingList *self,
                                                        guint              line);
/* Adds @quantity of the product (to its line if there is one); capped at
 * AISLE_SHOPPING_LIST_MAX_QUANTITY. Returns the line's new quantity. */
guint                aisle_shopping_list_add           (AisleShoppingList *self,
                                                        const char        *product_id,
                                                        guint              quantity);
/* 0 removes the line. */
void                 aisle_shopping_list_set_quantity  (AisleShoppingList *self,
                                                        const char        *product_id,
                                                        guint              quantity);
void                 aisle_shopping_list_remove        (AisleShoppingList *self,
                                                        const char        *product_id);
void                 aisle_shopping_list_set_prepared  (AisleShoppingList *self,
                                                        const char        *product_id,
                                                        gboolean           prepared);
void                 aisle_shopping_list_clear         (AisleShoppingList *self);
/* All articles, quantities counted: what the badge shows. */
guint                aisle_shopping_list_count_items   (AisleShoppingList *self);

/* Totals in minor units of the catalog's currency, over lines whose product
 * is in @catalog. @picked and @prepared (optional) split it in two parts. */
gint64               aisle_shopping_list_total         (AisleShoppingList *self,
                                                        AisleCatalog      *catalog,
                                                        gint64            *picked,
                                                        gint64            *prepared);
/* Whether line @line is picked by the shopper (self-serve, not asked prepared). */
gboolean             aisle_shopping_list_is_picked     (AisleShoppingList *self,
                                                        AisleCatalog      *catalog,
                                                        guint              line);
/* The boxes to pick, in walking order: aisle by aisle, shelf by shelf
 * (numbers compared as numbers: aisle 2 before aisle 10); boxes whose place
 * is unknown come last. Also the number of boxes in all. */
GArray              *aisle_shopping_list_pick_rows     (AisleShoppingList *self,
                                                        AisleCatalog      *catalog,
                                                        AisleStock        *stock,
                                                        guint             *n_boxes);

/* Natural order of shelf labels: "2" < "10" < "B7" < "b10". */
int                  aisle_compare_location            (const char        *a,
                                                        const char        *b);

G_END_DECLS
