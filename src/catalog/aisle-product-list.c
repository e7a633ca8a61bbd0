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
  const guint32 *old;
  guint n_old, head = 0, tail = 0, removed, added;

  g_return_if_fail (AISLE_IS_PRODUCT_LIST (self));
  g_return_if_fail (catalog == NULL || AISLE_IS_CATALOG (catalog));
  g_return_if_fail (indices != NULL || n_indices == 0);

  old = (const guint32 *)(gpointer)self->indices->data;
  n_old = self->indices->len;

  /* Items of another catalog version are different products. */
  if (catalog == self->catalog)
    {
      while (head < n_old && head < n_indices && old[head] == indices[head])
        head++;
      while (tail < n_old - head && tail < n_indices - head &&
             old[n_old - 1 - tail] == indices[n_indices - 1 - tail])
        tail++;
    }
  else
    g_set_object (&self->catalog, catalog);

  removed = n_old - head - tail;
  added = n_indices - head - tail;
  if (removed == 0 && added == 0)
    return;

  g_array_remove_range (self->indices, head, removed);
  g_array_insert_vals (self->indices, head, indices + head, added);

  {
    GPtrArray *items = g_ptr_array_new_full (n_indices, clear_item);

    /* Keep the head's and tail's items so the grid keeps their tiles. */
    g_ptr_array_set_size (items, n_indices);
    for (guint i = 0; i < head; i++)
      items->pdata[i] = g_steal_pointer (&self->items->pdata[i]);
    for (guint i = 0; i < tail; i++)
      items->pdata[n_indices - 1 - i] = g_steal_pointer (&self->items->pdata[n_old - 1 - i]);

    g_ptr_array_unref (self->items);
    self->items = items;
  }

  g_list_model_items_changed (G_LIST_MODEL (self), head, removed, added);
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
