/* aisle-catalog.c: one immutable version of what the store sells, over a binary image */
#define G_LOG_DOMAIN "aisle-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-catalog.h"
#include "aisle-catalog-image.h"
#include "aisle-text.h"

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

G_DEFINE_FINAL_TYPE (AisleCatalog, aisle_catalog, G_TYPE_OBJECT)

static void
aisle_catalog_finalize (GObject *object)
{
  AisleCatalog *self = (AisleCatalog *)object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->id_prefixes, g_free);

  G_OBJECT_CLASS (aisle_catalog_parent_class)->finalize (object);
}

static void
aisle_catalog_class_init (AisleCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_catalog_finalize;
}

static void
aisle_catalog_init (AisleCatalog *self)
{
}

static inline const char *
str (AisleCatalog *self,
     AisleStrRef   ref)
{
  /* The pool ends with a NUL (checked at load), so any in-bounds offset is a
   * terminated string. */
  return ref < self->strings_size ? self->strings + ref : "";
}

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

/**
 * aisle_catalog_new_from_bytes:
 * @image: a catalog image, as built by AisleCatalogBuilder or read from the cache
 *
 * Checks the image's header and sections (not every record: references are
 * checked when they are read) and wraps it. Cheap: it touches one page.
 */
AisleCatalog *
aisle_catalog_new_from_bytes (GBytes  *image,
                              GError **error)
{
  g_autoptr(AisleCatalog) self = NULL;
  const AisleImageHeader *h;
  gsize size;

  g_return_val_if_fail (image != NULL, NULL);

  h = g_bytes_get_data (image, &size);
  if (h == NULL || (guintptr)h % 8 != 0 || !validate_header (h, size))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The saved catalog is damaged"));
      return NULL;
    }

  self = g_object_new (AISLE_TYPE_CATALOG, NULL);
  self->bytes = g_bytes_ref (image);
  self->data = (const guint8 *)h;
  self->header = h;

#define SECTION(s) ((const void *)(self->data + h->sections[s].offset))
  self->categories = SECTION (AISLE_SECTION_CATEGORIES);
  self->products = SECTION (AISLE_SECTION_PRODUCTS);
  self->packages = SECTION (AISLE_SECTION_PACKAGES);
  self->images = SECTION (AISLE_SECTION_IMAGES);
  self->stores = SECTION (AISLE_SECTION_STORES);
  self->hours = SECTION (AISLE_SECTION_HOURS);
  self->by_category = SECTION (AISLE_SECTION_BY_CATEGORY);
  self->by_id = SECTION (AISLE_SECTION_BY_ID);
  self->by_gtin = SECTION (AISLE_SECTION_BY_GTIN);
  self->by_article = SECTION (AISLE_SECTION_BY_ARTICLE);
  self->strings = SECTION (AISLE_SECTION_STRINGS);
  self->strings_size = h->sections[AISLE_SECTION_STRINGS].size;
#undef SECTION

  if (self->strings[self->strings_size - 1] != '\0')
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The saved catalog is damaged"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * aisle_catalog_new_from_file:
 *
 * Maps a cached catalog image. Pages are read from disk only as they are
 * used, so starting from a 100,000-product cache costs almost nothing.
 */
AisleCatalog *
aisle_catalog_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(mapped = g_mapped_file_new (path, FALSE, error)))
    return NULL;

  bytes = g_mapped_file_get_bytes (mapped);
  return aisle_catalog_new_from_bytes (bytes, error);
}

GBytes *
aisle_catalog_get_bytes (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), NULL);
  return self->bytes;
}

const char *
aisle_catalog_get_version (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, self->header->catalog_version);
}

const char *
aisle_catalog_get_generated_at (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, self->header->generated_at);
}

const char *
aisle_catalog_get_shop_name (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, self->header->shop_name);
}

const char *
aisle_catalog_get_shop_url (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, self->header->shop_url);
}

const char *
aisle_catalog_get_currency (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "EUR");
  return str (self, self->header->currency);
}

const char *
aisle_catalog_get_etag (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, self->header->etag);
}

const char *
aisle_catalog_get_source (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, self->header->source);
}

GDateTime *
aisle_catalog_get_fetched_at (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), NULL);
  return g_date_time_new_from_unix_utc (self->header->fetched_at);
}

guint
aisle_catalog_get_n_categories (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);
  return self->header->n_categories;
}

static const AisleCategoryRec *
category (AisleCatalog *self,
          guint         index)
{
  static const AisleCategoryRec empty;
  return index < self->header->n_categories ? &self->categories[index] : &empty;
}

const char *
aisle_catalog_category_id (AisleCatalog *self,
                           guint         index)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, category (self, index)->id);
}

const char *
aisle_catalog_category_name (AisleCatalog  *self,
                             guint          index,
                             AisleLanguage  language)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  g_return_val_if_fail (language < AISLE_N_LANGUAGES, "");
  return str (self, category (self, index)->name[language]);
}

const char *
aisle_catalog_category_icon (AisleCatalog *self,
                             guint         index)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, category (self, index)->icon);
}

const guint32 *
aisle_catalog_category_products (AisleCatalog *self,
                                 guint         index,
                                 guint        *n_products)
{
  const AisleCategoryRec *rec;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (n_products != NULL, NULL);

  rec = category (self, index);
  if (rec->first > self->header->n_products ||
      rec->count > self->header->n_products - rec->first)
    {
      *n_products = 0;
      return self->by_category;
    }

  *n_products = rec->count;
  return self->by_category + rec->first;
}

guint
aisle_catalog_get_n_products (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);
  return self->header->n_products;
}

static const AisleProductRec *
product (AisleCatalog *self,
         guint         index)
{
  static const AisleProductRec empty;
  return index < self->header->n_products ? &self->products[index] : &empty;
}

const char *
aisle_catalog_product_id (AisleCatalog *self,
                          guint         index)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, product (self, index)->id);
}

const char *
aisle_catalog_product_article (AisleCatalog *self,
                               guint         index)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, product (self, index)->article);
}

const char *
aisle_catalog_product_gtin (AisleCatalog *self,
                            guint         index)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, product (self, index)->gtin);
}

const char *
aisle_catalog_product_url (AisleCatalog *self,
                           guint         index)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  return str (self, product (self, index)->url);
}

const char *
aisle_catalog_product_name (AisleCatalog  *self,
                            guint          index,
                            AisleLanguage  language)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  g_return_val_if_fail (language < AISLE_N_LANGUAGES, "");
  return str (self, product (self, index)->name[language]);
}

const char *
aisle_catalog_product_short (AisleCatalog  *self,
                             guint          index,
                             AisleLanguage  language)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  g_return_val_if_fail (language < AISLE_N_LANGUAGES, "");
  return str (self, product (self, index)->short_text[language]);
}

const char *
aisle_catalog_product_description (AisleCatalog  *self,
                                   guint          index,
                                   AisleLanguage  language)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  g_return_val_if_fail (language < AISLE_N_LANGUAGES, "");
  return str (self, product (self, index)->description[language]);
}

guint
aisle_catalog_product_category (AisleCatalog *self,
                                guint         index)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);
  return product (self, index)->category;
}

AisleFulfillment
aisle_catalog_product_fulfillment (AisleCatalog *self,
                                   guint         index)
{
  guint32 value;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_FULFILLMENT_ONLINE_ONLY);

  value = product (self, index)->fulfillment;
  return value <= AISLE_FULFILLMENT_ONLINE_ONLY ? value : AISLE_FULFILLMENT_ONLINE_ONLY;
}

gint64
aisle_catalog_product_price (AisleCatalog  *self,
                             guint          index,
                             const char   **currency)
{
  const AisleProductRec *rec;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);

  rec = product (self, index);
  if (currency != NULL)
    *currency = rec->currency ? str (self, rec->currency) : aisle_catalog_get_currency (self);
  return rec->price;
}

guint
aisle_catalog_product_n_images (AisleCatalog *self,
                                guint         index)
{
  const AisleProductRec *rec;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);

  rec = product (self, index);
  if (rec->image_first > self->header->n_images ||
      rec->n_images > self->header->n_images - rec->image_first)
    return 0;
  return rec->n_images;
}

const char *
aisle_catalog_product_image (AisleCatalog *self,
                             guint         index,
                             guint         nth)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), NULL);

  if (nth >= aisle_catalog_product_n_images (self, index))
    return NULL;
  return str (self, self->images[product (self, index)->image_first + nth]);
}

void
aisle_catalog_product_dimensions (AisleCatalog *self,
                                  guint         index,
                                  guint        *width_mm,
                                  guint        *depth_mm,
                                  guint        *height_mm,
                                  guint        *weight_g)
{
  const AisleProductRec *rec;

  g_return_if_fail (AISLE_IS_CATALOG (self));

  rec = product (self, index);
  if (width_mm) *width_mm = rec->width_mm;
  if (depth_mm) *depth_mm = rec->depth_mm;
  if (height_mm) *height_mm = rec->height_mm;
  if (weight_g) *weight_g = rec->weight_g;
}

guint
aisle_catalog_product_n_packages (AisleCatalog *self,
                                  guint         index)
{
  const AisleProductRec *rec;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);

  rec = product (self, index);
  if (rec->package_first > self->header->n_packages ||
      rec->n_packages > self->header->n_packages - rec->package_first)
    return 0;
  return rec->n_packages;
}

gboolean
aisle_catalog_product_package (AisleCatalog     *self,
                               guint             index,
                               guint             nth,
                               AisleLanguage     language,
                               AislePackageInfo *info)
{
  const AislePackageRec *rec;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (language < AISLE_N_LANGUAGES, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (nth >= aisle_catalog_product_n_packages (self, index))
    return FALSE;

  rec = &self->packages[product (self, index)->package_first + nth];
  info->number = rec->number;
  info->label = str (self, rec->label[language]);
  info->width_mm = rec->width_mm;
  info->depth_mm = rec->depth_mm;
  info->height_mm = rec->height_mm;
  info->weight_g = rec->weight_g;
  return TRUE;
}

/* Binary search over an index sorted by the string @key_of gives for a product. */
static guint
find_sorted (AisleCatalog  *self,
             const guint32 *index,
             guint          n,
             const char    *needle,
             const char  *(*key_of) (AisleCatalog *, guint))
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (key_of (self, index[mid]), needle);

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
  return str (self, product (self, index)->id);
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

static const char *
gtin_of (AisleCatalog *self, guint index)
{
  return str (self, product (self, index)->gtin);
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

guint
aisle_catalog_find_by_id (AisleCatalog *self,
                          const char   *id)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_CATALOG_NO_INDEX);
  g_return_val_if_fail (id != NULL, AISLE_CATALOG_NO_INDEX);

  {
    const guint64 *prefixes = get_id_prefixes (self);
    guint64 needle = prefix_of (id);
    guint lo = 0, hi = self->header->n_products;

    while (lo < hi)
      {
        guint mid = lo + (hi - lo) / 2;
        int cmp;

        if (prefixes[mid] != needle)
          cmp = prefixes[mid] < needle ? -1 : 1;
        else
          cmp = strcmp (id_of (self, self->by_id[mid]), id);

        if (cmp == 0)
          return self->by_id[mid] < self->header->n_products ? self->by_id[mid] : AISLE_CATALOG_NO_INDEX;
        if (cmp < 0)
          lo = mid + 1;
        else
          hi = mid;
      }

    return AISLE_CATALOG_NO_INDEX;
  }
}

guint
aisle_catalog_find_by_gtin (AisleCatalog *self,
                            const char   *gtin)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_CATALOG_NO_INDEX);
  g_return_val_if_fail (gtin != NULL, AISLE_CATALOG_NO_INDEX);

  return find_sorted (self, self->by_gtin, self->header->n_gtins, gtin, gtin_of);
}

static int
digits_compare (const char *line,
                const char *needle)
{
  /* A DIGITS line is "<article digits> <gtin>\n": compare up to the space. */
  gsize i;

  for (i = 0; needle[i] != '\0'; i++)
    {
      char c = line[i] == ' ' || line[i] == '\n' || line[i] == '\0' ? '\0' : line[i];

      if (c != needle[i])
        return (guchar)c - (guchar)needle[i];
    }

  return (line[i] == ' ' || line[i] == '\n' || line[i] == '\0') ? 0 : 1;
}

guint
aisle_catalog_find_by_article (AisleCatalog *self,
                               const char   *article)
{
  g_autofree char *digits = NULL;
  guint lo = 0, hi;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_CATALOG_NO_INDEX);
  g_return_val_if_fail (article != NULL, AISLE_CATALOG_NO_INDEX);

  digits = aisle_text_digits (article);
  if (digits[0] == '\0')
    return AISLE_CATALOG_NO_INDEX;

  hi = self->header->n_products;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint index = self->by_article[mid];
      int cmp = digits_compare (article_digits_of (self, index), digits);

      if (cmp == 0)
        return index < self->header->n_products ? index : AISLE_CATALOG_NO_INDEX;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return AISLE_CATALOG_NO_INDEX;
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

guint
aisle_catalog_get_n_stores (AisleCatalog *self)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);
  return self->header->n_stores;
}

gboolean
aisle_catalog_store_info (AisleCatalog   *self,
                          guint           index,
                          AisleStoreInfo *info)
{
  const AisleStoreRec *rec;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (index >= self->header->n_stores)
    return FALSE;

  rec = &self->stores[index];
  info->id = str (self, rec->id);
  info->name = str (self, rec->name);
  info->address = str (self, rec->address);
  info->country = str (self, rec->country);
  info->timezone = str (self, rec->timezone);
  info->pickup_lead_minutes = rec->pickup_lead_minutes;
  info->vat_rate_bp = rec->vat_rate_bp;
  info->delivers = rec->delivers != 0;
  info->delivery_fee = rec->delivery_fee;
  info->delivery_lead_days = rec->delivery_lead_days;
  return TRUE;
}

/* A store's range of the hours section, checked: the image may be damaged. */
static const AisleHoursRec *
store_spans (AisleCatalog *self,
             guint         store,
             gboolean      delivery,
             guint        *n)
{
  const AisleStoreRec *rec;
  guint32 first, count;

  *n = 0;
  if (store >= self->header->n_stores)
    return NULL;
  rec = &self->stores[store];
  first = delivery ? rec->delivery_first : rec->hours_first;
  count = delivery ? rec->n_delivery : rec->n_hours;
  if (first > self->header->n_hours || count > self->header->n_hours - first)
    return NULL;
  *n = count;
  return self->hours + first;
}

static gboolean
span_at (AisleCatalog    *self,
         guint            store,
         gboolean         delivery,
         guint            nth,
         AisleWeeklySpan *span)
{
  guint n;
  const AisleHoursRec *spans = store_spans (self, store, delivery, &n);

  if (nth >= n)
    return FALSE;
  span->days = spans[nth].days;
  span->start_minute = spans[nth].open_minute;
  span->end_minute = spans[nth].close_minute;
  return TRUE;
}

guint
aisle_catalog_store_n_hours (AisleCatalog *self,
                             guint         store)
{
  guint n;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);
  store_spans (self, store, FALSE, &n);
  return n;
}

gboolean
aisle_catalog_store_hours (AisleCatalog    *self,
                           guint            store,
                           guint            nth,
                           AisleWeeklySpan *span)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (span != NULL, FALSE);
  return span_at (self, store, FALSE, nth, span);
}

guint
aisle_catalog_store_n_delivery_windows (AisleCatalog *self,
                                        guint         store)
{
  guint n;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);
  store_spans (self, store, TRUE, &n);
  return n;
}

gboolean
aisle_catalog_store_delivery_window (AisleCatalog    *self,
                                     guint            store,
                                     guint            nth,
                                     AisleWeeklySpan *span)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (span != NULL, FALSE);
  return span_at (self, store, TRUE, nth, span);
}

guint
aisle_catalog_find_store (AisleCatalog *self,
                          const char   *id)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_CATALOG_NO_INDEX);

  for (guint i = 0; id != NULL && i < self->header->n_stores; i++)
    {
      if (g_strcmp0 (str (self, self->stores[i].id), id) == 0)
        return i;
    }

  return AISLE_CATALOG_NO_INDEX;
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
