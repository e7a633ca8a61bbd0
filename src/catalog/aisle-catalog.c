/* aisle-catalog.c: one immutable version of what the store sells, over a binary image */
#define G_LOG_DOMAIN "aisle-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-error.h"
#include "aisle-catalog-private.h"

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
  if (!aisle_catalog_image_check (h, size))
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

/* Texts: @member is the offset of an AisleStrRef in a record, or of an
 * array of them by language (then @language picks one; else it is 0). */

static const char *
header_text (AisleCatalog *self,
             gsize         member,
             const char   *fallback)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), fallback);
  return aisle_catalog_str (self, G_STRUCT_MEMBER (AisleStrRef, self->header, member));
}

static const AisleCategoryRec *
category (AisleCatalog *self,
          guint         index)
{
  static const AisleCategoryRec empty;
  return index < self->header->n_categories ? &self->categories[index] : &empty;
}

typedef enum
{
  RECORD_CATEGORY,
  RECORD_PRODUCT,
} RecordKind;

static const char *
record_text (AisleCatalog  *self,
             guint          index,
             RecordKind     kind,
             gsize          member,
             AisleLanguage  language)
{
  gconstpointer rec;
  const AisleStrRef *refs;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), "");
  g_return_val_if_fail (language < AISLE_N_LANGUAGES, "");

  if (kind == RECORD_CATEGORY)
    rec = category (self, index);
  else
    rec = aisle_catalog_product_rec (self, index);
  refs = G_STRUCT_MEMBER_P (rec, member);
  return aisle_catalog_str (self, refs[language]);
}

#define HEADER(field) G_STRUCT_OFFSET (AisleImageHeader, field)
#define CATEGORY(field) RECORD_CATEGORY, G_STRUCT_OFFSET (AisleCategoryRec, field)
#define PRODUCT(field) RECORD_PRODUCT, G_STRUCT_OFFSET (AisleProductRec, field)

const char *
aisle_catalog_get_version (AisleCatalog *self)
{
  return header_text (self, HEADER (catalog_version), "");
}

const char *
aisle_catalog_get_generated_at (AisleCatalog *self)
{
  return header_text (self, HEADER (generated_at), "");
}

const char *
aisle_catalog_get_shop_name (AisleCatalog *self)
{
  return header_text (self, HEADER (shop_name), "");
}

const char *
aisle_catalog_get_shop_url (AisleCatalog *self)
{
  return header_text (self, HEADER (shop_url), "");
}

const char *
aisle_catalog_get_currency (AisleCatalog *self)
{
  return header_text (self, HEADER (currency), "EUR");
}

const char *
aisle_catalog_get_etag (AisleCatalog *self)
{
  return header_text (self, HEADER (etag), "");
}

const char *
aisle_catalog_get_source (AisleCatalog *self)
{
  return header_text (self, HEADER (source), "");
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

const char *
aisle_catalog_category_id (AisleCatalog *self,
                           guint         index)
{
  return record_text (self, index, CATEGORY (id), 0);
}

const char *
aisle_catalog_category_name (AisleCatalog  *self,
                             guint          index,
                             AisleLanguage  language)
{
  return record_text (self, index, CATEGORY (name), language);
}

const char *
aisle_catalog_category_icon (AisleCatalog *self,
                             guint         index)
{
  return record_text (self, index, CATEGORY (icon), 0);
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

const char *
aisle_catalog_product_id (AisleCatalog *self,
                          guint         index)
{
  return record_text (self, index, PRODUCT (id), 0);
}

const char *
aisle_catalog_product_article (AisleCatalog *self,
                               guint         index)
{
  return record_text (self, index, PRODUCT (article), 0);
}

const char *
aisle_catalog_product_gtin (AisleCatalog *self,
                            guint         index)
{
  return record_text (self, index, PRODUCT (gtin), 0);
}

const char *
aisle_catalog_product_url (AisleCatalog *self,
                           guint         index)
{
  return record_text (self, index, PRODUCT (url), 0);
}

const char *
aisle_catalog_product_name (AisleCatalog  *self,
                            guint          index,
                            AisleLanguage  language)
{
  return record_text (self, index, PRODUCT (name), language);
}

const char *
aisle_catalog_product_short (AisleCatalog  *self,
                             guint          index,
                             AisleLanguage  language)
{
  return record_text (self, index, PRODUCT (short_text), language);
}

const char *
aisle_catalog_product_description (AisleCatalog  *self,
                                   guint          index,
                                   AisleLanguage  language)
{
  return record_text (self, index, PRODUCT (description), language);
}

guint
aisle_catalog_product_category (AisleCatalog *self,
                                guint         index)
{
  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);
  return aisle_catalog_product_rec (self, index)->category;
}

AisleFulfillment
aisle_catalog_product_fulfillment (AisleCatalog *self,
                                   guint         index)
{
  guint32 value;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), AISLE_FULFILLMENT_ONLINE_ONLY);

  value = aisle_catalog_product_rec (self, index)->fulfillment;
  return value <= AISLE_FULFILLMENT_ONLINE_ONLY ? value : AISLE_FULFILLMENT_ONLINE_ONLY;
}

gint64
aisle_catalog_product_price (AisleCatalog  *self,
                             guint          index,
                             const char   **currency)
{
  const AisleProductRec *rec;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);

  rec = aisle_catalog_product_rec (self, index);
  if (currency != NULL)
    *currency = rec->currency ? aisle_catalog_str (self, rec->currency) : aisle_catalog_get_currency (self);
  return rec->price;
}

guint
aisle_catalog_product_n_images (AisleCatalog *self,
                                guint         index)
{
  const AisleProductRec *rec;

  g_return_val_if_fail (AISLE_IS_CATALOG (self), 0);

  rec = aisle_catalog_product_rec (self, index);
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
  return aisle_catalog_str (self, self->images[aisle_catalog_product_rec (self, index)->image_first + nth]);
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

  rec = aisle_catalog_product_rec (self, index);
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

  rec = aisle_catalog_product_rec (self, index);
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

  rec = &self->packages[aisle_catalog_product_rec (self, index)->package_first + nth];
  info->number = rec->number;
  info->label = aisle_catalog_str (self, rec->label[language]);
  info->width_mm = rec->width_mm;
  info->depth_mm = rec->depth_mm;
  info->height_mm = rec->height_mm;
  info->weight_g = rec->weight_g;
  return TRUE;
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
  info->id = aisle_catalog_str (self, rec->id);
  info->name = aisle_catalog_str (self, rec->name);
  info->address = aisle_catalog_str (self, rec->address);
  info->country = aisle_catalog_str (self, rec->country);
  info->timezone = aisle_catalog_str (self, rec->timezone);
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
      if (g_strcmp0 (aisle_catalog_str (self, self->stores[i].id), id) == 0)
        return i;
    }

  return AISLE_CATALOG_NO_INDEX;
}
