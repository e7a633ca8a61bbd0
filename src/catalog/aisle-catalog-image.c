/* aisle-catalog-image.c: checking a catalog image before anything reads it
 *
 * The header and every section's bounds are checked once, at load; records
 * are checked as they are read (see aisle-catalog.c).
 */
#define G_LOG_DOMAIN "aisle-catalog"

#include "config.h"

#include <string.h>

#include "aisle-catalog-image.h"

static gboolean
check_section (const AisleImageHeader *header,
               AisleSection            section,
               gsize                   record_size,
               guint64                 n_records,
               gboolean                exact)
{
  const AisleSectionRec *rec = &header->sections[section];

  if (rec->offset > header->image_size || rec->size > header->image_size - rec->offset)
    return FALSE;
  if (rec->offset % 8 != 0)
    return FALSE;
  if (exact && rec->size != record_size * n_records)
    return FALSE;

  return TRUE;
}

static gboolean
validate_header (const AisleImageHeader *h,
                 gsize                   size)
{
  if (size < sizeof *h ||
      memcmp (h->magic, AISLE_CATALOG_IMAGE_MAGIC, 8) != 0 ||
      h->bom != AISLE_CATALOG_IMAGE_BOM ||
      h->version != AISLE_CATALOG_IMAGE_VERSION ||
      h->image_size != size)
    return FALSE;

  if (!check_section (h, AISLE_SECTION_CATEGORIES, sizeof (AisleCategoryRec), h->n_categories, TRUE) ||
      !check_section (h, AISLE_SECTION_PRODUCTS, sizeof (AisleProductRec), h->n_products, TRUE) ||
      !check_section (h, AISLE_SECTION_PACKAGES, sizeof (AislePackageRec), h->n_packages, TRUE) ||
      !check_section (h, AISLE_SECTION_IMAGES, sizeof (AisleStrRef), h->n_images, TRUE) ||
      !check_section (h, AISLE_SECTION_STORES, sizeof (AisleStoreRec), h->n_stores, TRUE) ||
      !check_section (h, AISLE_SECTION_HOURS, sizeof (AisleHoursRec), h->n_hours, TRUE) ||
      !check_section (h, AISLE_SECTION_BY_CATEGORY, 4, h->n_products, TRUE) ||
      !check_section (h, AISLE_SECTION_BY_ID, 4, h->n_products, TRUE) ||
      !check_section (h, AISLE_SECTION_BY_GTIN, 4, h->n_gtins, TRUE) ||
      !check_section (h, AISLE_SECTION_BY_ARTICLE, 4, h->n_products, TRUE) ||
      !check_section (h, AISLE_SECTION_DIGITS, 1, 0, FALSE) ||
      !check_section (h, AISLE_SECTION_DIGIT_LINES, 4, (guint64)h->n_products + 1, TRUE) ||
      !check_section (h, AISLE_SECTION_STRINGS, 1, 0, FALSE))
    return FALSE;

  for (guint i = 0; i < AISLE_N_LANGUAGES; i++)
    {
      if (!check_section (h, AISLE_SECTION_NAMES_0 + i, 1, 0, FALSE) ||
          !check_section (h, AISLE_SECTION_NAME_LINES_0 + i, 4, (guint64)h->n_products + 1, TRUE))
        return FALSE;
    }

  return h->sections[AISLE_SECTION_STRINGS].size > 0;
}

gboolean
aisle_catalog_image_check (const void *data,
                           gsize       size)
{
  const AisleImageHeader *h = data;
  const AisleSectionRec *strings;

  if (h == NULL || (guintptr)h % 8 != 0 || !validate_header (h, size))
    return FALSE;

  /* Every string reference may then be read as a C string. */
  strings = &h->sections[AISLE_SECTION_STRINGS];
  return ((const char *)data)[strings->offset + strings->size - 1] == '\0';
}
