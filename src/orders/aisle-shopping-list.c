/* aisle-shopping-list.c: what the shopper means to take home */
#define G_LOG_DOMAIN "aisle-list"

#include "config.h"

#include <string.h>

#include "aisle-shopping-list.h"

typedef struct
{
  char     *product_id;
  guint     quantity;
  gboolean  prepared;
} Line;

struct _AisleShoppingList
{
  GObject  parent_instance;
  GArray  *lines;   /* Line, in the order they were added */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleShoppingList, aisle_shopping_list, G_TYPE_OBJECT)

static void
line_clear (Line *line)
{
  g_clear_pointer (&line->product_id, g_free);
}

static void
aisle_shopping_list_finalize (GObject *object)
{
  AisleShoppingList *self = (AisleShoppingList *)object;

  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (aisle_shopping_list_parent_class)->finalize (object);
}

static void
aisle_shopping_list_class_init (AisleShoppingListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_shopping_list_finalize;

  /**
   * AisleShoppingList::changed:
   *
   * A line was added, removed or changed; totals and counts may differ.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
aisle_shopping_list_init (AisleShoppingList *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (self->lines, (GDestroyNotify)line_clear);
}

AisleShoppingList *
aisle_shopping_list_new (void)
{
  return g_object_new (AISLE_TYPE_SHOPPING_LIST, NULL);
}

static int
find_line (AisleShoppingList *self,
           const char        *product_id)
{
  for (guint i = 0; i < self->lines->len; i++)
    if (g_strcmp0 (g_array_index (self->lines, Line, i).product_id, product_id) == 0)
      return i;
  return -1;
}

static void
changed (AisleShoppingList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
aisle_shopping_list_get_n_lines (AisleShoppingList *self)
{
  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (self), 0);
  return self->lines->len;
}

const AisleListLine *
aisle_shopping_list_get_line (AisleShoppingList *self,
                              guint              line)
{
  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  /* Line and AisleListLine have the same layout. */
  G_STATIC_ASSERT (sizeof (Line) == sizeof (AisleListLine));
  return (const AisleListLine *)&g_array_index (self->lines, Line, line);
}

guint
aisle_shopping_list_add (AisleShoppingList *self,
                         const char        *product_id,
                         guint              quantity)
{
  int found;
  Line *line;

  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (self), 0);
  g_return_val_if_fail (product_id != NULL, 0);

  if (quantity == 0)
    return 0;

  if ((found = find_line (self, product_id)) < 0)
    {
      Line fresh = { g_strdup (product_id), 0, FALSE };

      g_array_append_val (self->lines, fresh);
      found = self->lines->len - 1;
    }

  line = &g_array_index (self->lines, Line, found);
  line->quantity = MIN ((guint64)line->quantity + quantity, AISLE_SHOPPING_LIST_MAX_QUANTITY);
  changed (self);
  return line->quantity;
}

void
aisle_shopping_list_set_quantity (AisleShoppingList *self,
                                  const char        *product_id,
                                  guint              quantity)
{
  int found;

  g_return_if_fail (AISLE_IS_SHOPPING_LIST (self));

  if ((found = find_line (self, product_id)) < 0)
    return;

  if (quantity == 0)
    g_array_remove_index (self->lines, found);
  else
    g_array_index (self->lines, Line, found).quantity = MIN (quantity, AISLE_SHOPPING_LIST_MAX_QUANTITY);
  changed (self);
}

void
aisle_shopping_list_remove (AisleShoppingList *self,
                            const char        *product_id)
{
  aisle_shopping_list_set_quantity (self, product_id, 0);
}

void
aisle_shopping_list_set_prepared (AisleShoppingList *self,
                                  const char        *product_id,
                                  gboolean           prepared)
{
  int found;

  g_return_if_fail (AISLE_IS_SHOPPING_LIST (self));

  if ((found = find_line (self, product_id)) < 0 ||
      g_array_index (self->lines, Line, found).prepared == !!prepared)
    return;

  g_array_index (self->lines, Line, found).prepared = !!prepared;
  changed (self);
}

void
aisle_shopping_list_clear (AisleShoppingList *self)
{
  g_return_if_fail (AISLE_IS_SHOPPING_LIST (self));

  if (self->lines->len == 0)
    return;
  g_array_set_size (self->lines, 0);
  changed (self);
}

guint
aisle_shopping_list_count_items (AisleShoppingList *self)
{
  guint n = 0;

  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (self), 0);

  for (guint i = 0; i < self->lines->len; i++)
    n += g_array_index (self->lines, Line, i).quantity;
  return n;
}

gboolean
aisle_shopping_list_is_picked (AisleShoppingList *self,
                               AisleCatalog      *catalog,
                               guint              line)
{
  const Line *l;
  guint product;

  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (self), FALSE);
  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (line < self->lines->len, FALSE);

  l = &g_array_index (self->lines, Line, line);
  product = aisle_catalog_find_by_id (catalog, l->product_id);
  return product != AISLE_CATALOG_NO_INDEX && !l->prepared &&
         aisle_catalog_product_fulfillment (catalog, product) == AISLE_FULFILLMENT_SELF_SERVE;
}

gint64
aisle_shopping_list_total (AisleShoppingList *self,
                           AisleCatalog      *catalog,
                           gint64            *picked,
                           gint64            *prepared)
{
  gint64 in_picked = 0, in_prepared = 0;

  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (self), 0);
  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), 0);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *l = &g_array_index (self->lines, Line, i);
      guint product = aisle_catalog_find_by_id (catalog, l->product_id);
      gint64 amount;

      /* A product the new catalog no longer has costs nothing here; the
       * list page shows it as unavailable. */
      if (product == AISLE_CATALOG_NO_INDEX)
        continue;

      /* Prices are at most 10^12 minor units and quantities at most 99. */
      amount = aisle_catalog_product_price (catalog, product, NULL) * l->quantity;
      if (aisle_shopping_list_is_picked (self, catalog, i))
        in_picked += amount;
      else
        in_prepared += amount;
    }

  if (picked)
    *picked = in_picked;
  if (prepared)
    *prepared = in_prepared;
  return in_picked + in_prepared;
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

int
aisle_compare_location (const char *a,
                        const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  while (*a && *b)
    {
      if (is_digit (*a) && is_digit (*b))
        {
          const char *ea, *eb;
          gsize la, lb;

          /* Numbers compare by value: skip leading zeros, then the longer
           * run is the larger number, then digit by digit. */
          while (*a == '0' && is_digit (a[1]))
            a++;
          while (*b == '0' && is_digit (b[1]))
            b++;
          for (ea = a; is_digit (*ea); ea++);
          for (eb = b; is_digit (*eb); eb++);
          la = ea - a;
          lb = eb - b;
          if (la != lb)
            return la < lb ? -1 : 1;
          if (memcmp (a, b, la) != 0)
            return memcmp (a, b, la) < 0 ? -1 : 1;
          a = ea;
          b = eb;
          continue;
        }

      if (g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return (guchar)g_ascii_tolower (*a) < (guchar)g_ascii_tolower (*b) ? -1 : 1;
      a++;
      b++;
    }

  return (*a != '\0') - (*b != '\0');
}

static int
compare_pick_rows (gconstpointer pa,
                   gconstpointer pb)
{
  const AislePickRow *a = pa, *b = pb;
  int cmp;

  /* Unknown places last: the shopper asks staff after picking the rest. */
  if ((a->aisle == NULL) != (b->aisle == NULL))
    return a->aisle == NULL ? 1 : -1;
  if ((cmp = aisle_compare_location (a->aisle, b->aisle)) != 0)
    return cmp;
  if ((cmp = aisle_compare_location (a->shelf, b->shelf)) != 0)
    return cmp;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  return a->package < b->package ? -1 : a->package > b->package;
}

GArray *
aisle_shopping_list_pick_rows (AisleShoppingList *self,
                               AisleCatalog      *catalog,
                               AisleStock        *stock,
                               guint             *n_boxes)
{
  GArray *rows;
  guint boxes = 0;

  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (self), NULL);
  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);

  rows = g_array_new (FALSE, TRUE, sizeof (AislePickRow));

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *l = &g_array_index (self->lines, Line, i);
      guint product = aisle_catalog_find_by_id (catalog, l->product_id);
      guint n_packages;

      if (!aisle_shopping_list_is_picked (self, catalog, i))
        continue;

      /* A self-serve article without packages is one box. */
      n_packages = MAX (aisle_catalog_product_n_packages (catalog, product), 1);
      for (guint p = 1; p <= n_packages; p++)
        {
          AislePickRow row = { product, i, p, n_packages, l->quantity, NULL, NULL };
          AisleStockLocation location;

          for (guint n = 0; stock != NULL && aisle_stock_get_location (stock, product, n, &location); n++)
            if (location.package == p)
              {
                row.aisle = location.aisle;
                row.shelf = location.shelf;
                break;
              }

          g_array_append_val (rows, row);
          boxes += l->quantity;
        }
    }

  g_array_sort (rows, compare_pick_rows);
  if (n_boxes)
    *n_boxes = boxes;
  return rows;
}
