/* aisle-stock.c: stock and stockroom locations of one store, for one catalog
 *
 * Entries and locations refer to their texts by offset into one string pool,
 * so a sealed snapshot is a flat image: saved next to the catalog image and
 * mapped back at start-up without parsing the stock document again.
 */
#define G_LOG_DOMAIN "aisle-stock"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-stock.h"

#define STOCK_MAGIC   "AISLESTK"
#define STOCK_VERSION 1

typedef struct
{
  guint32 product;
  gint32  quantity;
  guint32 level;
  guint32 restock;          /* string offset, 0 = none */
  gint64  updated_at;
  guint32 location_first;
  guint32 n_locations;
} Entry;

typedef struct
{
  guint32 package;
  guint32 aisle;            /* string offsets */
  guint32 shelf;
} Location;

typedef struct
{
  char    magic[8];
  guint32 version;
  guint32 n_entries;
  guint32 n_locations;
  guint32 strings_size;
  guint32 catalog_products;  /* the catalog this stock was parsed for … */
  guint32 store_id;          /* string offset */
  gint64  updated_at;
  guint64 catalog_stamp;     /* … and a hash of its etag and version */
} Header;

struct _AisleStock
{
  GObject         parent_instance;
  AisleCatalog   *catalog;
  gint64          updated_at;

  /* While building: growing arrays. Once sealed or loaded: one image. */
  GArray         *build_entries;
  GArray         *build_locations;
  GByteArray     *build_strings;
  GHashTable     *build_shared;

  GBytes         *image;
  const Entry    *entries;
  const Location *locations;
  const char     *strings;
  guint           n_entries;
  guint           n_locations;
  gsize           strings_size;
  guint32         store_id;
};

G_DEFINE_FINAL_TYPE (AisleStock, aisle_stock, G_TYPE_OBJECT)

static void
aisle_stock_finalize (GObject *object)
{
  AisleStock *self = (AisleStock *)object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->build_entries, g_array_unref);
  g_clear_pointer (&self->build_locations, g_array_unref);
  g_clear_pointer (&self->build_strings, g_byte_array_unref);
  g_clear_pointer (&self->build_shared, g_hash_table_unref);
  g_clear_pointer (&self->image, g_bytes_unref);

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
}

static guint32
intern (AisleStock *self,
        const char *text)
{
  gpointer offset;

  if (text == NULL || *text == '\0')
    return 0;

  /* Aisles, shelves and dates repeat thousands of times. */
  if (g_hash_table_lookup_extended (self->build_shared, text, NULL, &offset))
    return GPOINTER_TO_UINT (offset);

  offset = GUINT_TO_POINTER (self->build_strings->len);
  g_byte_array_append (self->build_strings, (const guint8 *)text, strlen (text) + 1);
  g_hash_table_insert (self->build_shared, g_strdup (text), offset);
  return GPOINTER_TO_UINT (offset);
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
  self->updated_at = updated_at;
  self->build_entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->build_locations = g_array_new (FALSE, TRUE, sizeof (Location));
  self->build_strings = g_byte_array_new ();
  self->build_shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_byte_array_append (self->build_strings, (const guint8 *)"", 1);
  self->store_id = intern (self, store_id);

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
  g_return_if_fail (self->build_entries != NULL);

  if (level == AISLE_STOCK_LEVEL_UNKNOWN && quantity != AISLE_STOCK_NO_QUANTITY)
    level = quantity <= 0 ? AISLE_STOCK_LEVEL_OUT
          : quantity <= 5 ? AISLE_STOCK_LEVEL_LOW
          : AISLE_STOCK_LEVEL_HIGH;

  entry.product = product;
  entry.quantity = quantity;
  entry.level = level;
  entry.restock = intern (self, restock);
  entry.updated_at = updated_at ? updated_at : self->updated_at;
  entry.location_first = self->build_locations->len;
  g_array_append_val (self->build_entries, entry);
}

void
aisle_stock_add_location (AisleStock *self,
                          guint       package,
                          const char *aisle,
                          const char *shelf)
{
  Location location;

  g_return_if_fail (AISLE_IS_STOCK (self));
  g_return_if_fail (self->build_entries != NULL && self->build_entries->len > 0);

  location.package = package;
  location.aisle = intern (self, aisle);
  location.shelf = intern (self, shelf);
  g_array_append_val (self->build_locations, location);
  g_array_index (self->build_entries, Entry, self->build_entries->len - 1).n_locations++;
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

/* Ties a stock image to one catalog version: indices mean nothing in another. */
static guint64
catalog_stamp (AisleCatalog *catalog)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s\n%u", aisle_catalog_get_etag (catalog),
                                          aisle_catalog_get_version (catalog),
                                          aisle_catalog_get_n_products (catalog));
  guint64 stamp = 14695981039346656037ull;

  for (const char *p = key; *p; p++)
    stamp = (stamp ^ (guchar)*p) * 1099511628211ull;
  return stamp;
}

static gsize
align8 (gsize n)
{
  return (n + 7) & ~(gsize)7;
}

static gboolean
use_image (AisleStock *self,
           GBytes     *image)
{
  const guint8 *data;
  const Header *h;
  gsize size, entries_at, locations_at, strings_at;

  data = g_bytes_get_data (image, &size);
  h = (const Header *)data;
  if (data == NULL || size < sizeof *h || (guintptr)data % 8 != 0 ||
      memcmp (h->magic, STOCK_MAGIC, 8) != 0 || h->version != STOCK_VERSION)
    return FALSE;

  entries_at = align8 (sizeof *h);
  locations_at = entries_at + align8 ((gsize)h->n_entries * sizeof (Entry));
  strings_at = locations_at + align8 ((gsize)h->n_locations * sizeof (Location));
  if (h->strings_size == 0 || strings_at + h->strings_size != size ||
      data[size - 1] != '\0')
    return FALSE;

  self->image = g_bytes_ref (image);
  self->entries = (const Entry *)(gconstpointer)(data + entries_at);
  self->locations = (const Location *)(gconstpointer)(data + locations_at);
  self->strings = (const char *)data + strings_at;
  self->n_entries = h->n_entries;
  self->n_locations = h->n_locations;
  self->strings_size = h->strings_size;
  self->store_id = h->store_id;
  self->updated_at = h->updated_at;
  return TRUE;
}

void
aisle_stock_seal (AisleStock *self)
{
  GArray *entries, *locations;
  Header header = { 0 };
  g_autoptr(GBytes) image = NULL;
  guint8 *data;
  gsize size, entries_at, locations_at, strings_at;

  g_return_if_fail (AISLE_IS_STOCK (self));
  g_return_if_fail (self->build_entries != NULL);

  entries = self->build_entries;
  locations = self->build_locations;

  /* Box 1 before box 2, whatever order the feed listed them in. */
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);

      if (e->n_locations > 1)
        qsort (&g_array_index (locations, Location, e->location_first),
               e->n_locations, sizeof (Location), compare_locations);
    }
  g_array_sort (entries, compare_entries);

  memcpy (header.magic, STOCK_MAGIC, 8);
  header.version = STOCK_VERSION;
  header.n_entries = entries->len;
  header.n_locations = locations->len;
  header.strings_size = self->build_strings->len;
  header.catalog_products = aisle_catalog_get_n_products (self->catalog);
  header.store_id = self->store_id;
  header.updated_at = self->updated_at;
  header.catalog_stamp = catalog_stamp (self->catalog);

  entries_at = align8 (sizeof header);
  locations_at = entries_at + align8 ((gsize)entries->len * sizeof (Entry));
  strings_at = locations_at + align8 ((gsize)locations->len * sizeof (Location));
  size = strings_at + self->build_strings->len;

  data = g_malloc0 (size);
  memcpy (data, &header, sizeof header);
  /* A store with no locations at all (or no entries) has no array data:
   * memcpy() from NULL is undefined even for no bytes. */
  if (entries->len > 0)
    memcpy (data + entries_at, entries->data, (gsize)entries->len * sizeof (Entry));
  if (locations->len > 0)
    memcpy (data + locations_at, locations->data, (gsize)locations->len * sizeof (Location));
  if (self->build_strings->len > 0)
    memcpy (data + strings_at, self->build_strings->data, self->build_strings->len);
  image = g_bytes_new_take (data, size);

  g_clear_pointer (&self->build_entries, g_array_unref);
  g_clear_pointer (&self->build_locations, g_array_unref);
  g_clear_pointer (&self->build_strings, g_byte_array_unref);
  g_clear_pointer (&self->build_shared, g_hash_table_unref);

  if (!use_image (self, image))
    g_assert_not_reached ();
}

/**
 * aisle_stock_get_bytes:
 *
 * The sealed snapshot as one image, to save next to its catalog.
 */
GBytes *
aisle_stock_get_bytes (AisleStock *self)
{
  g_return_val_if_fail (AISLE_IS_STOCK (self), NULL);
  return self->image;
}

/**
 * aisle_stock_new_from_bytes:
 * @catalog: the catalog the stock must belong to
 *
 * Reads a saved snapshot back. Refused (INVALID_DATA) when it is damaged or
 * was parsed for another catalog version, whose product indices differ.
 */
AisleStock *
aisle_stock_new_from_bytes (AisleCatalog  *catalog,
                            GBytes        *image,
                            GError       **error)
{
  g_autoptr(AisleStock) self = NULL;
  const Header *h;
  gsize size;

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  self = g_object_new (AISLE_TYPE_STOCK, NULL);
  self->catalog = g_object_ref (catalog);

  h = g_bytes_get_data (image, &size);
  if (!use_image (self, image) ||
      h->catalog_products != aisle_catalog_get_n_products (catalog) ||
      h->catalog_stamp != catalog_stamp (catalog))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The saved stock is damaged or belongs to another catalog"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

static const char *
str (AisleStock *self,
     guint32     offset)
{
  return offset < self->strings_size ? self->strings + offset : "";
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
  g_return_val_if_fail (self->image != NULL, NULL);
  return str (self, self->store_id);
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
  return self->n_entries;
}

static const Entry *
find_entry (AisleStock *self,
            guint       product)
{
  guint lo = 0, hi = self->n_entries;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Entry *e = &self->entries[mid];

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
  g_return_val_if_fail (self->image != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!(e = find_entry (self, product)))
    return FALSE;

  info->quantity = e->quantity;
  info->level = e->level <= AISLE_STOCK_LEVEL_OUT ? e->level : AISLE_STOCK_LEVEL_UNKNOWN;
  info->restock = e->restock ? str (self, e->restock) : NULL;
  info->updated_at = e->updated_at;
  info->n_locations = e->location_first <= self->n_locations &&
                      e->n_locations <= self->n_locations - e->location_first ? e->n_locations : 0;
  return TRUE;
}

gboolean
aisle_stock_get_location (AisleStock         *self,
                          guint               product,
                          guint               nth,
                          AisleStockLocation *location)
{
  AisleStockInfo info;
  const Location *l;
  const Entry *e;

  g_return_val_if_fail (AISLE_IS_STOCK (self), FALSE);
  g_return_val_if_fail (self->image != NULL, FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  if (!aisle_stock_lookup (self, product, &info) || nth >= info.n_locations)
    return FALSE;

  e = find_entry (self, product);
  l = &self->locations[e->location_first + nth];
  location->package = l->package;
  location->aisle = str (self, l->aisle);
  location->shelf = str (self, l->shelf);
  return TRUE;
}
