/* aisle-stock.c: stock and stockroom locations of one store, for one catalog */
#define G_LOG_DOMAIN "aisle-stock"

#include "config.h"

#include <stdlib.h>

#include "aisle-stock.h"

typedef struct
{
  guint32          product;
  gint32           quantity;
  AisleStockLevel  level;
  const char      *restock;
  gint64           updated_at;
  guint32          location_first;
  guint32          n_locations;
} Entry;

typedef struct
{
  guint32     package;
  const char *aisle;
  const char *shelf;
} Location;

struct _AisleStock
{
  GObject       parent_instance;
  AisleCatalog *catalog;
  char         *store_id;
  gint64        updated_at;
  GArray       *entries;     /* Entry, sorted by product once sealed */
  GArray       *locations;   /* Location */
  GStringChunk *strings;
  gboolean      sealed;
};

G_DEFINE_FINAL_TYPE (AisleStock, aisle_stock, G_TYPE_OBJECT)

static void
aisle_stock_finalize (GObject *object)
{
  AisleStock *self = (AisleStock *)object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->store_id, g_free);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->locations, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (aisle_stock_parent_class)->finalize (object);
}

static void
aisle_stock_class_init (AisleStockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_stock_finalize;
}

static void
aisle_stock_init (AisleStock *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->locations = g_array_new (FALSE, TRUE, sizeof (Location));
  self->strings = g_string_chunk_new (4096);
}

AisleStock *
aisle_stock_new (AisleCatalog *catalog,
                 const char   *store_id,
                 gint64        updated_at)
{
  AisleStock *self;

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);

  self = g_object_new (AISLE_TYPE_STOCK, NULL);
  self->catalog = g_object_ref (catalog);
  self->store_id = g_strdup (store_id);
  self->updated_at = updated_at;
  return self;
}

void
aisle_stock_add_entry (AisleStock      *self,
                       guint            product,
                       gint             quantity,
                       AisleStockLevel  level,
                       const char      *restock,
                       gint64           updated_at)
{
  Entry entry = { 0 };

  g_return_if_fail (AISLE_IS_STOCK (self));
  g_return_if_fail (!self->sealed);

  if (level == AISLE_STOCK_LEVEL_UNKNOWN && quantity != AISLE_STOCK_NO_QUANTITY)
    level = quantity <= 0 ? AISLE_STOCK_LEVEL_OUT
          : quantity <= 5 ? AISLE_STOCK_LEVEL_LOW
          : AISLE_STOCK_LEVEL_HIGH;

  entry.product = product;
  entry.quantity = quantity;
  entry.level = level;
  entry.restock = restock ? g_string_chunk_insert_const (self->strings, restock) : NULL;
  entry.updated_at = updated_at ? updated_at : self->updated_at;
  entry.location_first = self->locations->len;
  g_array_append_val (self->entries, entry);
}

void
aisle_stock_add_location (AisleStock *self,
                          guint       package,
                          const char *aisle,
                          const char *shelf)
{
  Location location;

  g_return_if_fail (AISLE_IS_STOCK (self));
  g_return_if_fail (!self->sealed);
  g_return_if_fail (self->entries->len > 0);

  location.package = package;
  location.aisle = g_string_chunk_insert_const (self->strings, aisle ? aisle : "");
  location.shelf = g_string_chunk_insert_const (self->strings, shelf ? shelf : "");
  g_array_append_val (self->locations, location);
  g_array_index (self->entries, Entry, self->entries->len - 1).n_locations++;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a, *eb = b;
  return ea->product < eb->product ? -1 : ea->product > eb->product;
}

static int
compare_locations (gconstpointer a,
                   gconstpointer b)
{
  const Location *la = a, *lb = b;
  return la->package < lb->package ? -1 : la->package > lb->package;
}

void
aisle_stock_seal (AisleStock *self)
{
  g_return_if_fail (AISLE_IS_STOCK (self));

  /* Box 1 before box 2, whatever order the feed listed them in. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = &g_array_index (self->entries, Entry, i);

      if (e->n_locations > 1)
        qsort (&g_array_index (self->locations, Location, e->location_first),
               e->n_locations, sizeof (Location), compare_locations);
    }

  g_array_sort (self->entries, compare_entries);
  self->sealed = TRUE;
}

AisleCatalog *
aisle_stock_get_catalog (AisleStock *self)
{
  g_return_val_if_fail (AISLE_IS_STOCK (self), NULL);
  return self->catalog;
}

const char *
aisle_stock_get_store_id (AisleStock *self)
{
  g_return_val_if_fail (AISLE_IS_STOCK (self), NULL);
  return self->store_id;
}

gint64
aisle_stock_get_updated_at (AisleStock *self)
{
  g_return_val_if_fail (AISLE_IS_STOCK (self), 0);
  return self->updated_at;
}

guint
aisle_stock_get_n_entries (AisleStock *self)
{
  g_return_val_if_fail (AISLE_IS_STOCK (self), 0);
  return self->entries->len;
}

static const Entry *
find_entry (AisleStock *self,
            guint       product)
{
  guint lo = 0, hi = self->entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Entry *e = &g_array_index (self->entries, Entry, mid);

      if (e->product == product)
        return e;
      if (e->product < product)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

gboolean
aisle_stock_lookup (AisleStock     *self,
                    guint           product,
                    AisleStockInfo *info)
{
  const Entry *e;

  g_return_val_if_fail (AISLE_IS_STOCK (self), FALSE);
  g_return_val_if_fail (self->sealed, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!(e = find_entry (self, product)))
    return FALSE;

  info->quantity = e->quantity;
  info->level = e->level;
  info->restock = e->restock;
  info->updated_at = e->updated_at;
  info->n_locations = e->n_locations;
  return TRUE;
}

gboolean
aisle_stock_get_location (AisleStock         *self,
                          guint               product,
                          guint               nth,
                          AisleStockLocation *location)
{
  const Entry *e;
  const Location *l;

  g_return_val_if_fail (AISLE_IS_STOCK (self), FALSE);
  g_return_val_if_fail (self->sealed, FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  if (!(e = find_entry (self, product)) || nth >= e->n_locations)
    return FALSE;

  l = &g_array_index (self->locations, Location, e->location_first + nth);
  location->package = l->package;
  location->aisle = l->aisle;
  location->shelf = l->shelf;
  return TRUE;
}
