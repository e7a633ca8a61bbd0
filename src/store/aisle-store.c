/* aisle-store.c: the one interface between the kiosk and a store backend */
#define G_LOG_DOMAIN "aisle-store"

#include "config.h"

#include "aisle-store.h"

G_DEFINE_INTERFACE (AisleStore, aisle_store, G_TYPE_OBJECT)

static void
aisle_store_default_init (AisleStoreInterface *iface)
{
  /**
   * AisleStore:catalog:
   *
   * The catalog on screen; replaced (never changed) by a refresh.
   */
  g_object_interface_install_property (iface,
    g_param_spec_object ("catalog", NULL, NULL,
                         AISLE_TYPE_CATALOG,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AisleStore:stock:
   *
   * Stock and locations of this kiosk's store, for the current catalog.
   */
  g_object_interface_install_property (iface,
    g_param_spec_object ("stock", NULL, NULL,
                         AISLE_TYPE_STOCK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

void
aisle_store_load_cached_async (AisleStore          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (AISLE_IS_STORE (self));
  AISLE_STORE_GET_IFACE (self)->load_cached_async (self, cancellable, callback, user_data);
}

gboolean
aisle_store_load_cached_finish (AisleStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (AISLE_IS_STORE (self), FALSE);
  return AISLE_STORE_GET_IFACE (self)->load_cached_finish (self, result, error);
}

void
aisle_store_refresh_async (AisleStore          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (AISLE_IS_STORE (self));
  AISLE_STORE_GET_IFACE (self)->refresh_async (self, cancellable, callback, user_data);
}

gboolean
aisle_store_refresh_finish (AisleStore    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (AISLE_IS_STORE (self), FALSE);
  return AISLE_STORE_GET_IFACE (self)->refresh_finish (self, result, error);
}

AisleCatalog *
aisle_store_get_catalog (AisleStore *self)
{
  g_return_val_if_fail (AISLE_IS_STORE (self), NULL);
  return AISLE_STORE_GET_IFACE (self)->get_catalog (self);
}

AisleStock *
aisle_store_get_stock (AisleStore *self)
{
  g_return_val_if_fail (AISLE_IS_STORE (self), NULL);
  return AISLE_STORE_GET_IFACE (self)->get_stock (self);
}

char *
aisle_store_resolve_image_url (AisleStore *self,
                               const char *path)
{
  g_return_val_if_fail (AISLE_IS_STORE (self), NULL);

  if (path == NULL || AISLE_STORE_GET_IFACE (self)->resolve_image_url == NULL)
    return NULL;
  return AISLE_STORE_GET_IFACE (self)->resolve_image_url (self, path);
}

void
aisle_store_submit_order (AisleStore        *self,
                          const char        *id,
                          const char        *json,
                          AisleSubmitResult *result)
{
  g_return_if_fail (AISLE_IS_STORE (self));
  g_return_if_fail (result != NULL);

  if (AISLE_STORE_GET_IFACE (self)->submit_order == NULL)
    {
      result->outcome = AISLE_SUBMIT_RETRY;
      result->message = g_strdup ("This store backend does not take orders");
      return;
    }
  AISLE_STORE_GET_IFACE (self)->submit_order (self, id, json, result);
}

void
aisle_store_outbox_submit (const char        *id,
                           const char        *json,
                           AisleSubmitResult *result,
                           gpointer           user_data)
{
  aisle_store_submit_order (AISLE_STORE (user_data), id, json, result);
}

void
aisle_store_fetch_store_stock_async (AisleStore          *self,
                                     const char          *store_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (AISLE_IS_STORE (self));
  g_return_if_fail (store_id != NULL);
  AISLE_STORE_GET_IFACE (self)->fetch_store_stock_async (self, store_id, cancellable, callback, user_data);
}

AisleStock *
aisle_store_fetch_store_stock_finish (AisleStore    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (AISLE_IS_STORE (self), NULL);
  return AISLE_STORE_GET_IFACE (self)->fetch_store_stock_finish (self, result, error);
}

gint64
aisle_store_get_last_sync (AisleStore *self)
{
  g_return_val_if_fail (AISLE_IS_STORE (self), 0);

  if (AISLE_STORE_GET_IFACE (self)->get_last_sync == NULL)
    return 0;
  return AISLE_STORE_GET_IFACE (self)->get_last_sync (self);
}

const char *
aisle_store_get_last_error (AisleStore *self)
{
  g_return_val_if_fail (AISLE_IS_STORE (self), NULL);

  if (AISLE_STORE_GET_IFACE (self)->get_last_error == NULL)
    return NULL;
  return AISLE_STORE_GET_IFACE (self)->get_last_error (self);
}
