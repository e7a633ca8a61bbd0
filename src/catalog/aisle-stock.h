/* aisle-stock.h: stock and stockroom locations of one store, for one catalog
 *
 * Like the catalog, a stock snapshot is immutable once built: a refresh builds
 * a new one in a worker thread and swaps it in.
 */
#pragma once

#include "aisle-catalog.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_STOCK_LEVEL_UNKNOWN,
  AISLE_STOCK_LEVEL_HIGH,
  AISLE_STOCK_LEVEL_LOW,
  AISLE_STOCK_LEVEL_OUT,
} AisleStockLevel;

#define AISLE_STOCK_NO_QUANTITY (-1)

typedef struct
{
  gint             quantity;     /* AISLE_STOCK_NO_QUANTITY when only a level is known */
  AisleStockLevel  level;        /* derived from quantity when the feed gives none */
  const char      *restock;      /* "YYYY-MM-DD", or NULL */
  gint64           updated_at;   /* unix seconds, or 0 */
  guint            n_locations;
} AisleStockInfo;

typedef struct
{
  guint       package;           /* 1-based package number */
  const char *aisle;
  const char *shelf;
} AisleStockLocation;

#define AISLE_TYPE_STOCK (aisle_stock_get_type ())

G_DECLARE_FINAL_TYPE (AisleStock, aisle_stock, AISLE, STOCK, GObject)

AisleStock   *aisle_stock_new           (AisleCatalog        *catalog,
                                         const char          *store_id,
                                         gint64               updated_at);
/* Building, before the snapshot is published; entries may come in any order. */
void          aisle_stock_add_entry     (AisleStock          *self,
                                         guint                product,
                                         gint                 quantity,
                                         AisleStockLevel      level,
                                         const char          *restock,
                                         gint64               updated_at);
void          aisle_stock_add_location  (AisleStock          *self,
                                         guint                package,
                                         const char          *aisle,
                                         const char          *shelf);
void          aisle_stock_seal          (AisleStock          *self);

/* A sealed snapshot as one flat image, and back (for the offline copy). */
GBytes       *aisle_stock_get_bytes     (AisleStock          *self);
AisleStock   *aisle_stock_new_from_bytes (AisleCatalog       *catalog,
                                          GBytes             *image,
                                          GError            **error);

AisleCatalog *aisle_stock_get_catalog   (AisleStock          *self);
const char   *aisle_stock_get_store_id  (AisleStock          *self);
gint64        aisle_stock_get_updated_at (AisleStock         *self);
guint         aisle_stock_get_n_entries (AisleStock          *self);
gboolean      aisle_stock_lookup        (AisleStock          *self,
                                         guint                product,
                                         AisleStockInfo      *info);
gboolean      aisle_stock_get_location  (AisleStock          *self,
                                         guint                product,
                                         guint                nth,
                                         AisleStockLocation  *location);

G_END_DECLS
