/* aisle-product-list.c: a list model of products given as catalog indices */
#define G_LOG_DOMAIN "aisle-catalog"

#include "config.h"

#include <string.h>

#include "aisle-product-list.h"

struct _AisleProductList
{
  GObject       parent_instance;
  AisleCatalog *catalog;
  GArray       *indices;   /* guint32 */
  GPtrArray    *items;     /* AisleProduct or NULL, same length as indices */
};

static void
clear_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static GType
aisle_product_list_get_item_type (GListModel *model)
{
  return AISLE_TYPE_PRODUCT;
}

static guint
aisle_product_list_get_n_items (GListModel *model)
{
  return AISLE_PRODUCT_LIST (model)->indices->len;
}

static gpointer
aisle_product_list_get_item (GListModel *model,
                             guint       position)
{
  AisleProductList *self = AISLE_PRODUCT_LIST (model);

  if (position >= self->indices->len)
    return NULL;

  if (self->items->pdata[position] == NULL)
    self->items->pdata[position] = aisle_product_new (self->catalog,
                                                      g_array_index (self->indices, guint32, position));

  return g_object_ref (self->items->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = aisle_product_list_get_item_type;
  iface->get_n_items = aisle_product_list_get_n_items;
  iface->get_item = aisle_product_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AisleProductList, aisle_product_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
aisle_product_list_finalize (GObject *object)
{
  AisleProductList *self = (AisleProductList *)object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->indices, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (aisle_product_list_parent_class)->finalize (object);
}

static void
aisle_product_list_class_init (AisleProductListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_product_list_finalize;
}

static void
aisle_product_list_init (AisleProductList *self)
{
  self->indices = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->items = g_ptr_array_new_with_free_func (clear_item);
}

AisleProductList *
aisle_product_list_new (void)
{
  return g_object_new (AISLE_TYPE_PRODUCT_LIST, NULL);
}

AisleCatalog *
aisle_product_list_get_catalog (AisleProductList *self)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT_LIST (self), NULL);
  return self->catalog;
}

void
aisle_product_list_set (AisleProductList *self,
                        AisleCatalog     *catalog,
                        const guint32    *indices,
                        guint             n_indices)
{
  guint n_old, n_kept;

  g_return_if_fail (AISLE_IS_PRODUCT_LIST (self));
  g_return_if_fail (catalog == NULL || AISLE_IS_CATALOG (catalog));
  g_return_if_fail (indices != NULL || n_indices == 0);

  n_old = self->indices->len;
  n_kept = MIN (n_old, n_indices);
  g_set_object (&self->catalog, catalog);

  /* Positions that stay: the same item objects, re-pointed where the
   * product differs. GTK keeps their widgets. */
  for (guint i = 0; i < n_kept; i++)
    {
      AisleProduct *item = self->items->pdata[i];

      g_array_index (self->indices, guint32, i) = indices[i];
      if (item != NULL && catalog != NULL)
        aisle_product_set (item, catalog, indices[i]);
    }

  if (n_indices == n_old)
    return;

  if (n_indices < n_old)
    {
      g_array_set_size (self->indices, n_indices);
      g_ptr_array_set_size (self->items, n_indices);
    }
  else
    {
      g_array_append_vals (self->indices, indices + n_old, n_indices - n_old);
      g_ptr_array_set_size (self->items, n_indices);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), n_kept, n_old - n_kept, n_indices - n_kept);
}

void
aisle_product_list_clear (AisleProductList *self)
{
  g_return_if_fail (AISLE_IS_PRODUCT_LIST (self));
  aisle_product_list_set (self, self->catalog, NULL, 0);
}

guint
aisle_product_list_get_index (AisleProductList *self,
                              guint             position)
{
  g_return_val_if_fail (AISLE_IS_PRODUCT_LIST (self), AISLE_CATALOG_NO_INDEX);

  if (position >= self->indices->len)
    return AISLE_CATALOG_NO_INDEX;
  return g_array_index (self->indices, guint32, position);
}
