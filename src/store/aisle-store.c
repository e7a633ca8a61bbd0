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

/* Online orders: the backend's blocking calls, on a worker thread */

typedef struct
{
  char               *number;     /* or the order's id, for a check-in; a coupon's request */
  char               *contact;
  char               *language;
  AisleReturnRequest *request;
} OnlineJob;

static void
online_job_free (OnlineJob *job)
{
  g_free (job->number);
  g_free (job->contact);
  g_free (job->language);
  g_clear_pointer (&job->request, aisle_return_request_free);
  g_free (job);
}

static void
lookup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OnlineJob *job = task_data;
  GError *error = NULL;
  AisleOnlineOrder *order;

  order = AISLE_STORE_GET_IFACE (source_object)->lookup_order (source_object, job->number, job->contact,
                                                                job->language, cancellable, &error);
  if (order != NULL)
    g_task_return_pointer (task, order, (GDestroyNotify)aisle_online_order_free);
  else
    g_task_return_error (task, error);
}

static void
check_in_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OnlineJob *job = task_data;
  GError *error = NULL;
  AisleCheckIn *check_in;

  check_in = AISLE_STORE_GET_IFACE (source_object)->check_in (source_object, job->number, job->language,
                                                              cancellable, &error);
  if (check_in != NULL)
    g_task_return_pointer (task, check_in, (GDestroyNotify)aisle_check_in_free);
  else
    g_task_return_error (task, error);
}

static void
return_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OnlineJob *job = task_data;
  GError *error = NULL;
  AisleReturn *ret;

  ret = AISLE_STORE_GET_IFACE (source_object)->return_lines (source_object, job->request, job->language,
                                                             cancellable, &error);
  if (ret != NULL)
    g_task_return_pointer (task, ret, (GDestroyNotify)aisle_return_free);
  else
    g_task_return_error (task, error);
}

static void
coupon_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OnlineJob *job = task_data;
  GError *error = NULL;
  AisleCoupon *coupon;

  coupon = AISLE_STORE_GET_IFACE (source_object)->validate_coupon (source_object, job->number, job->language,
                                                                   cancellable, &error);
  if (coupon != NULL)
    g_task_return_pointer (task, coupon, (GDestroyNotify)aisle_coupon_free);
  else
    g_task_return_error (task, error);
}

static void
run_online_job (AisleStore          *self,
                gboolean             supported,
                gpointer             source_tag,
                GTaskThreadFunc      worker,
                OnlineJob           *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)online_job_free);
  if (!supported)
    {
      g_task_return_new_error (task, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE,
                               "%s has no online orders", G_OBJECT_TYPE_NAME (self));
      return;
    }
  g_task_run_in_thread (task, worker);
}

void
aisle_store_lookup_order_async (AisleStore          *self,
                                const char          *number,
                                const char          *contact,
                                const char          *language,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  OnlineJob *job;

  g_return_if_fail (AISLE_IS_STORE (self));
  g_return_if_fail (number != NULL && contact != NULL);

  job = g_new0 (OnlineJob, 1);
  job->number = g_strdup (number);
  job->contact = g_strdup (contact);
  job->language = g_strdup (language);
  run_online_job (self, AISLE_STORE_GET_IFACE (self)->lookup_order != NULL, aisle_store_lookup_order_async,
                  lookup_worker, job, cancellable, callback, user_data);
}

AisleOnlineOrder *
aisle_store_lookup_order_finish (AisleStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
aisle_store_check_in_async (AisleStore          *self,
                            const char          *order_id,
                            const char          *language,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  OnlineJob *job;

  g_return_if_fail (AISLE_IS_STORE (self));
  g_return_if_fail (order_id != NULL);

  job = g_new0 (OnlineJob, 1);
  job->number = g_strdup (order_id);
  job->language = g_strdup (language);
  run_online_job (self, AISLE_STORE_GET_IFACE (self)->check_in != NULL, aisle_store_check_in_async,
                  check_in_worker, job, cancellable, callback, user_data);
}

AisleCheckIn *
aisle_store_check_in_finish (AisleStore    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
aisle_store_return_lines_async (AisleStore               *self,
                                const AisleReturnRequest *request,
                                const char               *language,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  OnlineJob *job;

  g_return_if_fail (AISLE_IS_STORE (self));
  g_return_if_fail (request != NULL);

  job = g_new0 (OnlineJob, 1);
  job->request = aisle_return_request_copy (request);
  job->language = g_strdup (language);
  run_online_job (self, AISLE_STORE_GET_IFACE (self)->return_lines != NULL, aisle_store_return_lines_async,
                  return_worker, job, cancellable, callback, user_data);
}

AisleReturn *
aisle_store_return_lines_finish (AisleStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
aisle_store_validate_coupon_async (AisleStore          *self,
                                   const char          *request,
                                   const char          *language,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OnlineJob *job;

  g_return_if_fail (AISLE_IS_STORE (self));
  g_return_if_fail (request != NULL);

  if (AISLE_STORE_GET_IFACE (self)->validate_coupon == NULL)
    {
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, aisle_store_validate_coupon_async);
      g_task_return_new_error (task, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNAVAILABLE, "%s has no coupons",
                               G_OBJECT_TYPE_NAME (self));
      return;
    }
  job = g_new0 (OnlineJob, 1);
  job->number = g_strdup (request);
  job->language = g_strdup (language);
  run_online_job (self, TRUE, aisle_store_validate_coupon_async, coupon_worker, job, cancellable, callback,
                  user_data);
}

AisleCoupon *
aisle_store_validate_coupon_finish (AisleStore    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
