/* aisle-catalog-image.h: the binary layout of one catalog version
 *
 * A catalog is one flat, position-independent image: built once per feed
 * version off the main thread, written to disk as the local cache, and mapped
 * back at start-up without parsing anything. Every reference is an offset that
 * readers check against the section it points into, so a damaged cache file
 * is refused or shows empty text, never read out of bounds.
 *
 * Private to src/catalog/.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AISLE_CATALOG_IMAGE_MAGIC   "AISLECAT"
#define AISLE_CATALOG_IMAGE_VERSION 2
#define AISLE_CATALOG_IMAGE_BOM     0x01020304u
#define AISLE_N_LANGUAGES           4

/* A string reference: a byte offset into the string pool. Offset 0 is "". */
typedef guint32 AisleStrRef;

typedef enum
{
  AISLE_SECTION_CATEGORIES,   /* AisleCategoryRec[n_categories] */
  AISLE_SECTION_PRODUCTS,     /* AisleProductRec[n_products] */
  AISLE_SECTION_PACKAGES,     /* AislePackageRec[n_packages] */
  AISLE_SECTION_IMAGES,       /* AisleStrRef[n_images] */
  AISLE_SECTION_STORES,       /* AisleStoreRec[n_stores] */
  AISLE_SECTION_HOURS,        /* AisleHoursRec[n_hours] */
  AISLE_SECTION_BY_CATEGORY,  /* guint32[n_products]: product indices in display order per category */
  AISLE_SECTION_BY_ID,        /* guint32[n_products]: sorted by id */
  AISLE_SECTION_BY_GTIN,      /* guint32[n_gtins]: products with a GTIN, sorted by it */
  AISLE_SECTION_BY_ARTICLE,   /* guint32[n_products]: sorted by article digits */
  AISLE_SECTION_DIGITS,       /* "articledigits gtin\n" per product, in product order */
  AISLE_SECTION_DIGIT_LINES,  /* guint32[n_products + 1]: line starts in DIGITS */
  AISLE_SECTION_NAMES_0,      /* folded names per language, "name\n" per product */
  AISLE_SECTION_NAMES_1,
  AISLE_SECTION_NAMES_2,
  AISLE_SECTION_NAMES_3,
  AISLE_SECTION_NAME_LINES_0, /* guint32[n_products + 1]: line starts */
  AISLE_SECTION_NAME_LINES_1,
  AISLE_SECTION_NAME_LINES_2,
  AISLE_SECTION_NAME_LINES_3,
  AISLE_SECTION_STRINGS,      /* NUL-terminated UTF-8, ends with NUL */
  AISLE_N_SECTIONS
} AisleSection;

typedef struct
{
  guint64 offset;
  guint64 size;
} AisleSectionRec;

typedef struct
{
  char            magic[8];
  guint32         bom;
  guint32         version;
  guint64         image_size;
  gint64          fetched_at;        /* unix seconds */
  guint32         n_categories;
  guint32         n_products;
  guint32         n_packages;
  guint32         n_images;
  guint32         n_stores;
  guint32         n_hours;
  guint32         n_gtins;
  AisleStrRef     catalog_version;
  AisleStrRef     generated_at;
  AisleStrRef     shop_name;
  AisleStrRef     shop_url;
  AisleStrRef     currency;
  AisleStrRef     etag;
  AisleStrRef     source;
  AisleSectionRec sections[AISLE_N_SECTIONS];
} AisleImageHeader;

typedef struct
{
  AisleStrRef id;
  AisleStrRef name[AISLE_N_LANGUAGES];
  AisleStrRef icon;
  guint32     first;                  /* into BY_CATEGORY */
  guint32     count;
} AisleCategoryRec;

typedef struct
{
  AisleStrRef id;
  AisleStrRef article;
  AisleStrRef gtin;
  AisleStrRef url;
  AisleStrRef name[AISLE_N_LANGUAGES];
  AisleStrRef short_text[AISLE_N_LANGUAGES];
  AisleStrRef description[AISLE_N_LANGUAGES];
  AisleStrRef currency;
  guint32     category;
  guint32     fulfillment;            /* AisleFulfillment */
  guint32     image_first;
  guint32     n_images;
  guint32     package_first;
  guint32     n_packages;
  guint32     width_mm;
  guint32     depth_mm;
  guint32     height_mm;
  guint32     weight_g;
  guint32     padding;
  gint64      price;                  /* minor units */
} AisleProductRec;

typedef struct
{
  guint32     number;
  AisleStrRef label[AISLE_N_LANGUAGES];
  guint32     width_mm;
  guint32     depth_mm;
  guint32     height_mm;
  guint32     weight_g;
} AislePackageRec;

typedef struct
{
  AisleStrRef id;
  AisleStrRef name;
  AisleStrRef address;
  AisleStrRef country;
  AisleStrRef timezone;
  guint32     pickup_lead_minutes;
  guint32     hours_first;
  guint32     n_hours;
  guint32     vat_rate_bp;            /* basis points: 2200 = 22 %; 0 = not given */
  guint32     delivers;               /* 1 when the store delivers */
  guint32     delivery_fee;           /* minor units of the catalog currency */
  guint32     delivery_lead_days;
  guint32     delivery_first;         /* delivery windows, in the hours section */
  guint32     n_delivery;
} AisleStoreRec;

typedef struct
{
  guint32 days;                       /* bit 1 = Monday … bit 7 = Sunday */
  guint32 open_minute;                /* minutes after midnight */
  guint32 close_minute;
} AisleHoursRec;

/* Whether @data (8-byte aligned, @size bytes) is an image of this version
 * whose sections all lie inside it and whose string pool ends with a NUL. */
gboolean aisle_catalog_image_check (const void *data,
                                    gsize       size);

G_END_DECLS
