/* aisle-medusa-catalog.h: Medusa v2 Store API documents into catalog and stock
 *
 * Pure functions of their input (json-c objects), with no I/O, so that they
 * are tested without a server. One kiosk product is one Medusa product
 * variant: its id is the variant id, its article number the SKU and its GTIN
 * the variant's EAN, UPC or barcode. See docs/medusa.md for the metadata keys.
 */
#pragma once

#include <json-c/json.h>

#include "aisle-catalog-builder.h"
#include "aisle-stock.h"

G_BEGIN_DECLS

/* The product fields the catalog needs, for ?fields= (the levels' metadata
 * tells how many packages an article has; updated_at dates the catalog). */
#define AISLE_MEDUSA_PRODUCT_FIELDS \
  "id,title,subtitle,description,handle,thumbnail,weight,width,height,length,metadata,updated_at," \
  "*images,*categories,variants.id,variants.title,variants.sku,variants.ean,variants.upc,variants.updated_at," \
  "variants.barcode,variants.thumbnail,variants.weight,variants.width,variants.height," \
  "variants.length,variants.calculated_price.*,variants.inventory_items.required_quantity," \
  "variants.inventory_items.inventory.location_levels.*"
/* What a stock refresh needs: no texts, no prices. */
#define AISLE_MEDUSA_STOCK_FIELDS \
  "id,variants.id,variants.manage_inventory,variants.allow_backorder," \
  "variants.inventory_items.required_quantity," \
  "variants.inventory_items.inventory.location_levels.*"
#define AISLE_MEDUSA_CATEGORY_FIELDS "id,name,handle,rank,metadata,parent_category_id,is_active"

/* A decimal amount in major units as Medusa sends it (129.99, or
 * {"value": "129.99"}) as minor units of @currency; no floating point. */
gboolean    aisle_medusa_parse_amount        (json_object             *amount,
                                              const char              *currency,
                                              gint64                  *minor);

/* @region: GET /store/regions/:id's "region" (currency, the store directory
 * in metadata "aisle_stores"); @categories and @products: arrays of
 * product categories and products, all pages. Products that cannot be shown
 * are skipped and counted in @n_skipped. The catalog's etag is a checksum of
 * what it shows, not of stock: when it equals @current_etag nothing changed
 * and NULL is returned without an error. Without @meta's generated_at, the
 * catalog is dated by the newest updated_at in @region and @products, else
 * by @meta's fetched_at. When no product can be shown, NULL
 * with AISLE_ERROR_INVALID_DATA: the last good catalog stays. */
GBytes     *aisle_medusa_build_catalog       (json_object             *region,
                                              json_object             *categories,
                                              json_object             *products,
                                              const AisleCatalogMeta  *meta,
                                              const char              *current_etag,
                                              guint                   *n_skipped,
                                              GError                 **error);

/* The stock at stock location @location_id (the kiosk's store) of every
 * variant in @products that @catalog knows. */
AisleStock *aisle_medusa_build_stock         (AisleCatalog            *catalog,
                                              json_object             *products,
                                              const char              *location_id,
                                              gint64                   updated_at);

/* The id of the variant in @variants (GET /store/product-variants?q=…) whose
 * SKU, EAN, UPC or barcode is exactly @code, or NULL. */
const char *aisle_medusa_match_variant       (json_object             *variants,
                                              const char              *code);

G_END_DECLS
