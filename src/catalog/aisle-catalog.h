/* aisle-catalog.h: one immutable version of what the store sells
 *
 * A catalog is a read-only snapshot over one binary image (see
 * aisle-catalog-image.h). A refresh builds a new catalog off the main thread
 * and swaps it in; nothing ever changes an existing one, so the UI needs no
 * locks. Products are addressed by index; AisleProduct wraps one for list
 * models.
 */
#pragma once

#include <gio/gio.h>

#include "aisle-language.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_FULFILLMENT_SELF_SERVE,   /* the shopper picks it up in the stockroom */
  AISLE_FULFILLMENT_FULL_SERVE,   /* staff bring it to the full-serve desk */
  AISLE_FULFILLMENT_ONLINE_ONLY,  /* order for delivery */
} AisleFulfillment;

typedef struct
{
  guint      number;
  const char *label;
  guint      width_mm;
  guint      depth_mm;
  guint      height_mm;
  guint      weight_g;
} AislePackageInfo;

typedef struct
{
  const char *id;
  const char *name;
  const char *address;
  const char *country;
  const char *timezone;
  guint       pickup_lead_minutes;
  guint       vat_rate_bp;          /* VAT included in prices, in basis points (2200 = 22 %); 0 when not given */
  gboolean    delivers;             /* home delivery from this store */
  gint64      delivery_fee;         /* minor units of the catalog currency */
  guint       delivery_lead_days;   /* first delivery day = today + this */
} AisleStoreInfo;

/* When a store is open, or delivers: days is a mask of ISO weekdays (bit 1 =
 * Monday … bit 7 = Sunday), times are minutes after midnight, local time. */
typedef struct
{
  guint days;
  guint start_minute;
  guint end_minute;
} AisleWeeklySpan;

#define AISLE_CATALOG_NO_INDEX G_MAXUINT

#define AISLE_TYPE_CATALOG (aisle_catalog_get_type ())

G_DECLARE_FINAL_TYPE (AisleCatalog, aisle_catalog, AISLE, CATALOG, GObject)

AisleCatalog     *aisle_catalog_new_from_bytes      (GBytes        *image,
                                                     GError       **error);
AisleCatalog     *aisle_catalog_new_from_file       (const char    *path,
                                                     GError       **error);
GBytes           *aisle_catalog_get_bytes           (AisleCatalog  *self);

const char       *aisle_catalog_get_version         (AisleCatalog  *self);
const char       *aisle_catalog_get_generated_at    (AisleCatalog  *self);
const char       *aisle_catalog_get_shop_name       (AisleCatalog  *self);
const char       *aisle_catalog_get_shop_url        (AisleCatalog  *self);
const char       *aisle_catalog_get_currency        (AisleCatalog  *self);
const char       *aisle_catalog_get_etag            (AisleCatalog  *self);
const char       *aisle_catalog_get_source          (AisleCatalog  *self);
GDateTime        *aisle_catalog_get_fetched_at      (AisleCatalog  *self);

guint             aisle_catalog_get_n_categories    (AisleCatalog  *self);
const char       *aisle_catalog_category_id         (AisleCatalog  *self,
                                                     guint          category);
const char       *aisle_catalog_category_name       (AisleCatalog  *self,
                                                     guint          category,
                                                     AisleLanguage  language);
const char       *aisle_catalog_category_icon       (AisleCatalog  *self,
                                                     guint          category);
/* The products of @category in display order, as indices; valid while @self lives. */
const guint32    *aisle_catalog_category_products   (AisleCatalog  *self,
                                                     guint          category,
                                                     guint         *n_products);

guint             aisle_catalog_get_n_products      (AisleCatalog  *self);
const char       *aisle_catalog_product_id          (AisleCatalog  *self,
                                                     guint          product);
const char       *aisle_catalog_product_article     (AisleCatalog  *self,
                                                     guint          product);
const char       *aisle_catalog_product_gtin        (AisleCatalog  *self,
                                                     guint          product);
const char       *aisle_catalog_product_url         (AisleCatalog  *self,
                                                     guint          product);
const char       *aisle_catalog_product_name        (AisleCatalog  *self,
                                                     guint          product,
                                                     AisleLanguage  language);
const char       *aisle_catalog_product_short       (AisleCatalog  *self,
                                                     guint          product,
                                                     AisleLanguage  language);
const char       *aisle_catalog_product_description (AisleCatalog  *self,
                                                     guint          product,
                                                     AisleLanguage  language);
guint             aisle_catalog_product_category   (AisleCatalog  *self,
                                                     guint          product);
AisleFulfillment  aisle_catalog_product_fulfillment (AisleCatalog  *self,
                                                     guint          product);
gint64            aisle_catalog_product_price       (AisleCatalog  *self,
                                                     guint          product,
                                                     const char   **currency);
guint             aisle_catalog_product_n_images    (AisleCatalog  *self,
                                                     guint          product);
const char       *aisle_catalog_product_image       (AisleCatalog  *self,
                                                     guint          product,
                                                     guint          nth);
void              aisle_catalog_product_dimensions  (AisleCatalog  *self,
                                                     guint          product,
                                                     guint         *width_mm,
                                                     guint         *depth_mm,
                                                     guint         *height_mm,
                                                     guint         *weight_g);
guint             aisle_catalog_product_n_packages  (AisleCatalog  *self,
                                                     guint          product);
gboolean          aisle_catalog_product_package     (AisleCatalog  *self,
                                                     guint          product,
                                                     guint          nth,
                                                     AisleLanguage  language,
                                                     AislePackageInfo *info);

/* Lookups; AISLE_CATALOG_NO_INDEX when there is no such product. */
guint             aisle_catalog_find_by_id          (AisleCatalog  *self,
                                                     const char    *id);
guint             aisle_catalog_find_by_gtin        (AisleCatalog  *self,
                                                     const char    *gtin);
guint             aisle_catalog_find_by_article     (AisleCatalog  *self,
                                                     const char    *article);
/* What a barcode scanner read: a GTIN, or an article number with or without dots. */
guint             aisle_catalog_find_by_code        (AisleCatalog  *self,
                                                     const char    *code);

guint             aisle_catalog_get_n_stores        (AisleCatalog  *self);
gboolean          aisle_catalog_store_info          (AisleCatalog  *self,
                                                     guint          store,
                                                     AisleStoreInfo *info);
guint             aisle_catalog_find_store          (AisleCatalog  *self,
                                                     const char    *id);
guint             aisle_catalog_store_n_hours       (AisleCatalog  *self,
                                                     guint          store);
gboolean          aisle_catalog_store_hours         (AisleCatalog  *self,
                                                     guint          store,
                                                     guint          nth,
                                                     AisleWeeklySpan *span);
guint             aisle_catalog_store_n_delivery_windows (AisleCatalog  *self,
                                                          guint          store);
gboolean          aisle_catalog_store_delivery_window (AisleCatalog  *self,
                                                       guint          store,
                                                       guint          nth,
                                                       AisleWeeklySpan *span);

/* For the search index: the folded names of @language, one line per product. */
const char       *aisle_catalog_get_search_names    (AisleCatalog  *self,
                                                     AisleLanguage  language,
                                                     gsize         *size,
                                                     const guint32 **line_starts);
const char       *aisle_catalog_get_search_digits   (AisleCatalog  *self,
                                                     gsize         *size,
                                                     const guint32 **line_starts);

G_END_DECLS
