/* aisle-product.c: one product of a catalog, as an item of list models */
#define G_LOG_DOMAIN "aisle-catalog"

#include "config.h"

#include "aisle-money.h"
#include "aisle-product.h"

struct _AisleProduct
{
  GObject       parent_instance;
  AisleCatalog *catalog;
  guint         index;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleProduct, aisle_product, G_TYPE_OBJECT)

static void
aisle_product_finalize (GObject *object)
{
  AisleProduct *self = (AisleProduct *)object;

  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (aisle_product_parent_class)->finalize (object);
}

static void
aisle_product_class_init (AisleProductClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_product_finalize;

  /**
   * AisleProduct::changed:
   *
   * The item now stands for another product; whatever shows it must refresh.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
aisle_product_init (AisleProduct *self)
{
}

AisleProduct *
aisle_product_new (AisleCatalog *catalog,
                   guint         index)
{
  AisleProduct *self;

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);

  self = g_object_new (AISLE_TYPE_PRODUCT, NULL);
  self->catalog = g_object_ref (catalog);
  self->index = index;
  return self;
}

void
aisle_product_set (AisleProduct *self,
                   AisleCatalog *catalog,
                   guint         index)
{
  g_return_if_fail (AISLE_IS_PRODUCT (self));
  g_return_if_fail (AISLE_IS_CATALOG (catalog));

  if (self->catalog == catalog && self->index == index)
    return;

  g_set_object (&self->catalog, catalog);
  self->index = index;
  g_signal_emit (self, signals[CHANGED], 0);
}

AisleCatalog *
aisle_product_get_catalog (AisleProduct *self)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), NULL);
  return self->catalog;
}

guint
aisle_product_get_index (AisleProduct *self)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), 0);
  return self->index;
}

const char *
aisle_product_get_id (AisleProduct *self)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), "");
  return aisle_catalog_product_id (self->catalog, self->index);
}

const char *
aisle_product_get_article (AisleProduct *self)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), "");
  return aisle_catalog_product_article (self->catalog, self->index);
}

const char *
aisle_product_get_name (AisleProduct  *self,
                        AisleLanguage  language)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), "");
  return aisle_catalog_product_name (self->catalog, self->index, language);
}

const char *
aisle_product_get_short (AisleProduct  *self,
                        AisleLanguage  language)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), "");
  return aisle_catalog_product_short (self->catalog, self->index, language);
}

const char *
aisle_product_get_description (AisleProduct  *self,
                        AisleLanguage  language)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), "");
  return aisle_catalog_product_description (self->catalog, self->index, language);
}

gint64
aisle_product_get_price (AisleProduct  *self,
                         const char   **currency)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), 0);
  return aisle_catalog_product_price (self->catalog, self->index, currency);
}

char *
aisle_product_format_price (AisleProduct  *self,
                            AisleLanguage  language)
{
  const char *currency;
  gint64 amount;

  g_return_val_if_fail (AISLE_IS_PRODUCT (self), NULL);

  amount = aisle_catalog_product_price (self->catalog, self->index, &currency);
  return aisle_money_format (amount, currency, aisle_language_get_code (language));
}

const char *
aisle_product_get_image (AisleProduct *self,
                         guint         nth)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), NULL);
  return aisle_catalog_product_image (self->catalog, self->index, nth);
}

AisleFulfillment
aisle_product_get_fulfillment (AisleProduct *self)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT (self), AISLE_FULFILLMENT_ONLINE_ONLY);
  return aisle_catalog_product_fulfillment (self->catalog, self->index);
}
