/* aisle-catalog-builder.h: assembling a catalog image from parsed feed data
 *
 * Backends (the store feed, later Medusa) parse their documents into drafts and
 * hand them to a builder, in a worker thread. The builder interns the strings,
 * folds the names of every language for search, sorts the lookup indices and
 * lays everything out as one image that AisleCatalog reads and the cache saves.
 */
#pragma once

#include "aisle-catalog.h"

G_BEGIN_DECLS

typedef struct _AisleCatalogBuilder AisleCatalogBuilder;

typedef struct
{
  guint       number;
  const char *label[4];
  guint       width_mm;
  guint       depth_mm;
  guint       height_mm;
  guint       weight_g;
} AislePackageDraft;

typedef struct
{
  const char              *id;
  const char              *article;
  const char              *gtin;
  const char              *url;
  const char              *name[4];
  const char              *short_text[4];
  const char              *description[4];
  const char              *currency;
  guint                    category;
  AisleFulfillment         fulfillment;
  gint64                   price;
  guint                    width_mm;
  guint                    depth_mm;
  guint                    height_mm;
  guint                    weight_g;
  const char * const      *images;
  guint                    n_images;
  const AislePackageDraft *packages;
  guint                    n_packages;
} AisleProductDraft;

typedef struct
{
  const char *catalog_version;
  const char *generated_at;
  const char *shop_name;
  const char *shop_url;
  const char *currency;
  const char *etag;
  const char *source;
  gint64      fetched_at;
} AisleCatalogMeta;

AisleCatalogBuilder *aisle_catalog_builder_new          (void);
/* @text_size: about how many bytes of text will be added (avoids regrowing). */
AisleCatalogBuilder *aisle_catalog_builder_new_sized    (gsize                    text_size);
/* A builder for a share of the products only, to merge into @self later. */
AisleCatalogBuilder *aisle_catalog_builder_new_part     (AisleCatalogBuilder     *self,
                                                         gsize                    text_size);
/* Moves @part's products into @self, after its own, leaving out those for
 * which @skip returns TRUE (given the product's id). @part is spent. */
void                 aisle_catalog_builder_merge        (AisleCatalogBuilder     *self,
                                                         AisleCatalogBuilder     *part,
                                                         gboolean               (*skip) (const char *id,
                                                                                          gpointer    data),
                                                         gpointer                 data);
void                 aisle_catalog_builder_free         (AisleCatalogBuilder     *self);
void                 aisle_catalog_builder_set_meta     (AisleCatalogBuilder     *self,
                                                         const AisleCatalogMeta  *meta);
guint                aisle_catalog_builder_add_category (AisleCatalogBuilder     *self,
                                                         const char              *id,
                                                         const char * const       names[4],
                                                         const char              *icon);
guint                aisle_catalog_builder_add_store    (AisleCatalogBuilder     *self,
                                                         const AisleStoreInfo    *info);
void                 aisle_catalog_builder_add_hours    (AisleCatalogBuilder     *self,
                                                         guint                    store,
                                                         guint                    days,
                                                         guint                    open_minute,
                                                         guint                    close_minute);
/* After all of the store's opening hours. */
void                 aisle_catalog_builder_add_delivery_window (AisleCatalogBuilder *self,
                                                         guint                    store,
                                                         guint                    days,
                                                         guint                    start_minute,
                                                         guint                    end_minute);
guint                aisle_catalog_builder_add_product  (AisleCatalogBuilder     *self,
                                                         const AisleProductDraft *draft);
guint                aisle_catalog_builder_get_n_products (AisleCatalogBuilder   *self);
/* Lays out the image and frees @self (transfer full): hand it over with
 * g_steal_pointer() when it is held by g_autoptr. */
GBytes              *aisle_catalog_builder_end          (AisleCatalogBuilder     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleCatalogBuilder, aisle_catalog_builder_free)

G_END_DECLS
