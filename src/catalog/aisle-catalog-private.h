/* aisle-catalog-private.h: inside a catalog, for the files that read its image
 *
 * aisle-catalog.c reads the records, aisle-catalog-find.c looks products
 * up; both see the sections found once at load. Private to src/catalog/.
 */
#pragma once

#include "aisle-catalog.h"
#include "aisle-catalog-image.h"

G_BEGIN_DECLS

struct _AisleCatalog
{
  GObject                  parent_instance;

  GBytes                  *bytes;
  const guint8            *data;
  const AisleImageHeader  *header;

  const AisleCategoryRec  *categories;
  const AisleProductRec   *products;
  const AislePackageRec   *packages;
  const AisleStrRef       *images;
  const AisleStoreRec     *stores;
  const AisleHoursRec     *hours;
  const guint32           *by_category;
  const guint32           *by_id;
  const guint32           *by_gtin;
  const guint32           *by_article;
  const char              *strings;
  gsize                    strings_size;

  /* by_id's keys' first eight bytes, big-endian, built on the first lookup:
   * a binary search over the image reads a product and its id, far apart,
   * at every step; over this array most steps are one cache line. */
  guint64                 *id_prefixes;
};

static inline const char *
aisle_catalog_str (AisleCatalog *self,
                   AisleStrRef   ref)
{
  /* The pool ends with a NUL (checked at load), so any in-bounds offset is a
   * terminated string. */
  return ref < self->strings_size ? self->strings + ref : "";
}

/* Product @index's record, or an empty one when there is no such product:
 * a damaged image shows empty text, never reads out of bounds. */
static inline const AisleProductRec *
aisle_catalog_product_rec (AisleCatalog *self,
                           guint         index)
{
  static const AisleProductRec empty;

  return index < self->header->n_products ? &self->products[index] : &empty;
}

G_END_DECLS
