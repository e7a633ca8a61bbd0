/* aisle-catalog-find.c: looking products up in a catalog, and its search texts
 *
 * By id, GTIN, article number or whatever a scanner read: binary searches
 * over the sorted indices the builder wrote into the image.
 */
#define G_LOG_DOMAIN "aisle-catalog"

#include "config.h"

#include <string.h>

#include "aisle-catalog-private.h"
#include "aisle-text.h"

/* How the entry at position @mid of a sorted index compares with what is
 * looked for, like strcmp(). */
typedef int (*CompareFunc) (AisleCatalog  *self,
                            guint          mid,
                            gconstpointer  needle);

/* The product at the entry of @index (@n entries) that compares equal, or
 * AISLE_CATALOG_NO_INDEX. */
static guint
binary_search (AisleCatalog  *self,
               const guint32 *index,
               guint          n,
               CompareFunc    compare,
               gconstpointer  needle)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = compare (self, mid, needle);

      if (cmp == 0)
        return index[mid] < self->header->n_products ? index[mid] : AISLE_CATALOG_NO_INDEX;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return AISLE_CATALOG_NO_INDEX;
}

static const char *
id_of (AisleCatalog *self, guint index)
{
  return aisle_catalog_str (self, aisle_catalog_product_rec (self, index)->id);
}

/* Compares like strcmp() on the first eight bytes. */
static guint64
prefix_of (const char *text)
{
  guint64 prefix = 0;
  guint i;

  for (i = 0; i < 8 && text[i] != '\0'; i++)
    prefix = prefix << 8 | (guchar) text[i];
  /* Left-aligned; an empty text is 0 (a shift by 64 is undefined). */
  return i == 0 ? 0 : prefix << (8 * (8 - i));
}

static const guint64 *
get_id_prefixes (AisleCatalog *self)
{
  /* The feed's worker thread looks products up too. */
  if (g_once_init_enter (&self->id_prefixes))
    {
      guint n = self->header->n_products;
      guint64 *prefixes = g_new (guint64, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        prefixes[i] = prefix_of (id_of (self, self->by_id[i]));
      g_once_init_leave (&self->id_prefixes, prefixes);
    }
  return self->id_prefixes;
}

typedef struct
{
  const guint64 *prefixes;
  guint64        prefix;
  const char    *id;
} IdNeedle;

static int
compare_id (AisleCatalog  *self,
            guint          mid,
            gconstpointer  needle)
{
  const IdNeedle *id = needle;

  if (id->prefixes[mid] != id->prefix)
    return id->prefixes[mid] < id->prefix ? -1 : 1;
  return strcmp (id_of (self, self->by_id[mid]), id->id);
}

static int
compare_gtin (AisleCatalog  *self,
              guint          mid,
              gconstpointer  needle)
{
  return strcmp (aisle_catalog_str (self, aisle_catalog_product_rec (self, self->by_gtin[mid])->gtin), needle);
}

static const char *
article_digits_of (AisleCatalog *self, guint index)
{
  /* The DIGITS section starts each product's line with its article digits. */
  const AisleSectionRec *s = &self->header->sections[AISLE_SECTION_DIGITS];
  const guint32 *lines = (const guint32 *)(self->data + self->header->sections[AISLE_SECTION_DIGIT_LINES].offset);
  static const char empty[] = "";

  if (index >= self->header->n_products || lines[index] >= s->size)
    return empty;
  return (const char *)self->data + s->offset + lines[index];
}

static int
compare_article (AisleCatalog  *self,
                 guint          mid,
                 gconstpointer  needle)
{
  /* A DIGITS line is "<article digits> <gtin>\n": compare up to the space. */
  const char *line = article_digits_of (self, self->by_article[mid]);
  const char *digits = needle;
  gsize i;

  for (i = 0; digits[i] != '\0'; i++)
    {
      char c = line[i] == ' ' || line[i] == '\n' || line[i] == '\0' ? '\0' : line[i];

      if (c != digits[i])
        return (guchar)c - (guchar)digits[i];
    }

  return (line[i] == ' ' || line[i] == '\n' || line[i] == '\0') ? 0 : 1;
}

guint
aisle_catalog_find_by_id (AisleCatalog *self,
                          const char   *id)
{
  IdNeedle needle;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_CATALOG_NO_INDEX);
  g_return_val_if_fail (id != NULL, AISLE_CATALOG_NO_INDEX);

  needle.prefixes = get_id_prefixes (self);
  needle.prefix = prefix_of (id);
  needle.id = id;
  return binary_search (self, self->by_id, self->header->n_products, compare_id, &needle);
}

guint
aisle_catalog_find_by_gtin (AisleCatalog *self,
                            const char   *gtin)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_CATALOG_NO_INDEX);
  g_return_val_if_fail (gtin != NULL, AISLE_CATALOG_NO_INDEX);

  return binary_search (self, self->by_gtin, self->header->n_gtins, compare_gtin, gtin);
}

guint
aisle_catalog_find_by_article (AisleCatalog *self,
                               const char   *article)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_CATALOG_NO_INDEX);
  g_return_val_if_fail (article != NULL, AISLE_CATALOG_NO_INDEX);

  digits = aisle_text_digits (article);
  if (digits[0] == '\0')
    return AISLE_CATALOG_NO_INDEX;
  return binary_search (self, self->by_article, self->header->n_products, compare_article, digits);
}

guint
aisle_catalog_find_by_code (AisleCatalog *self,
                            const char   *code)
{
  g_autofree char *digits = NULL;
  guint found;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_CATALOG_NO_INDEX);
  g_return_val_if_fail (code != NULL, AISLE_CATALOG_NO_INDEX);

  digits = aisle_text_digits (code);
  if (digits[0] == '\0')
    return AISLE_CATALOG_NO_INDEX;

  if ((found = aisle_catalog_find_by_gtin (self, digits)) != AISLE_CATALOG_NO_INDEX)
    return found;

  /* Scanners often add leading zeros to EAN-13 (GTIN-14) or drop them (UPC-A). */
  if (strlen (digits) == 14 && digits[0] == '0' &&
      (found = aisle_catalog_find_by_gtin (self, digits + 1)) != AISLE_CATALOG_NO_INDEX)
    return found;
  if (strlen (digits) == 12)
    {
      g_autofree char *ean13 = g_strconcat ("0", digits, NULL);

      if ((found = aisle_catalog_find_by_gtin (self, ean13)) != AISLE_CATALOG_NO_INDEX)
        return found;
    }

  return aisle_catalog_find_by_article (self, digits);
}

const char *
aisle_catalog_get_search_names (AisleCatalog   *self,
                                AisleLanguage   language,
                                gsize          *size,
                                const guint32 **line_starts)
{
  const AisleSectionRec *blob, *lines;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (language < AISLE_N_LANGUAGES, NULL);

  blob = &self->header->sections[AISLE_SECTION_NAMES_0 + language];
  lines = &self->header->sections[AISLE_SECTION_NAME_LINES_0 + language];
  *size = blob->size;
  *line_starts = (const guint32 *)(self->data + lines->offset);
  return (const char *)self->data + blob->offset;
}

const char *
aisle_catalog_get_search_digits (AisleCatalog   *self,
                                 gsize          *size,
                                 const guint32 **line_starts)
{
  const AisleSectionRec *blob, *lines;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), NULL);

  blob = &self->header->sections[AISLE_SECTION_DIGITS];
  lines = &self->header->sections[AISLE_SECTION_DIGIT_LINES];
  *size = blob->size;
  *line_starts = (const guint32 *)(self->data + lines->offset);
  return (const char *)self->data + blob->offset;
}
