/* aisle-store-backend.c: what every store backend does the same way
 *
 * Fetching runs in a worker thread on a Job that holds only the catalog it
 * was computed against; the result is applied on the main thread, and only
 * while that catalog is still the one on screen.
 */
#define G_LOG_DOMAIN "aisle-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aisle-error.h"
#include "aisle-store-backend.h"

typedef struct
{
  char         *base_url;
  char         *store_id;
  char         *cache_dir;

  AisleCatalog *catalog;
  AisleStock   *stock;

  char         *last_error;
  gint64        last_sync;
  guint         refresh_source;
  gboolean      refreshing;
} AisleStoreBackendPrivate;

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_STOCK,
  PROP_BASE_URL,
  PROP_STORE_ID,
  PROP_CACHE_DIR,
  PROP_LAST_ERROR,
  PROP_LAST_SYNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void store_iface_init (AisleStoreInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (AisleStoreBackend, aisle_store_backend, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (AisleStoreBackend)
                                  G_IMPLEMENT_INTERFACE (AISLE_TYPE_STORE, store_iface_init))

#define PRIV(self) ((AisleStoreBackendPrivate *) aisle_store_backend_get_instance_private (self))

/* What a worker thread needs and found; applied on the main thread. */
typedef struct
{
  AisleCatalog *current;
  char         *store_id;      /* fetch_store_stock */
  AisleCatalog *catalog;       /* a new catalog, or NULL when unchanged */
  AisleStock   *stock;         /* new stock for the resulting catalog, or NULL */
  GError       *stock_error;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->current);
  g_free (job->store_id);
  g_clear_object (&job->catalog);
  g_clear_object (&job->stock);
  g_clear_error (&job->stock_error);
  g_free (job);
}

static void
run_job (AisleStoreBackend   *self,
         const char          *store_id,
         gpointer             source_tag,
         GTaskThreadFunc      worker,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  g_set_object (&job->current, PRIV (self)->catalog);
  job->store_id = g_strdup (store_id);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, worker);
}

/* The cache, on the worker thread */

static char *
cache_path (AisleStoreBackend *self,
            const char        *name)
{
  return g_build_filename (PRIV (self)->cache_dir, name, NULL);
}

static void
save_stock_image (AisleStoreBackend *self,
                  AisleStock        *stock)
{
  g_autofree char *path = aisle_store_backend_get_stock_cache_path (self, "img");
  GBytes *image = aisle_stock_get_bytes (stock);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image), &error))
    g_warning ("Could not save the stock for offline use: %s", error->message);
}

/* The saved stock for @catalog: its image when it was made for this very
 * catalog version, else what the backend saved in its own form (saved as an
 * image then, for the next start). */
static AisleStock *
load_saved_stock (AisleStoreBackend  *self,
                  AisleCatalog       *catalog,
                  GError            **error)
{
  AisleStoreBackendClass *klass = AISLE_STORE_BACKEND_GET_CLASS (self);
  g_autofree char *path = aisle_store_backend_get_stock_cache_path (self, "img");
  g_autoptr(GMappedFile) mapped = NULL;
  AisleStock *stock;

  if ((mapped = g_mapped_file_new (path, FALSE, error)))
    {
      g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (mapped);

      if ((stock = aisle_stock_new_from_bytes (catalog, bytes, error)))
        return stock;
    }
  if (klass->load_saved_stock == NULL)
    return NULL;

  g_clear_error (error);
  if ((stock = klass->load_saved_stock (self, catalog, error)))
    save_stock_image (self, stock);
  return stock;
}

/* Saved, then mapped back: the kernel can page a mapped catalog out, and
 * the next start reads the very same bytes. */
static AisleCatalog *
save_catalog (AisleStoreBackend  *self,
              GBytes             *image,
              GError            **error)
{
  g_autoptr(GBytes) owned = image;
  g_autofree char *path = cache_path (self, "catalog.img");
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (PRIV (self)->cache_dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image), &local_error))
    {
      g_warning ("Could not save the catalog for offline use: %s",
                 local_error ? local_error->message : g_strerror (errno));
      return aisle_catalog_new_from_bytes (image, error);
    }

  g_clear_pointer (&owned, g_bytes_unref);
  return aisle_catalog_new_from_file (path, error);
}

static void
load_cached_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AisleStoreBackend *self = source_object;
  Job *job = task_data;
  g_autofree char *path = cache_path (self, "catalog.img");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) stock_error = NULL;

  if (!(job->catalog = aisle_catalog_new_from_file (path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!(job->stock = load_saved_stock (self, job->catalog, &stock_error)))
    g_debug ("No cached stock: %s", stock_error ? stock_error->message : "none saved");
  g_task_return_boolean (task, TRUE);
}

static AisleStock *
fetch_own_stock (AisleStoreBackend  *self,
                 AisleCatalog       *catalog,
                 GCancellable       *cancellable,
                 GError            **error)
{
  AisleStoreBackendClass *klass = AISLE_STORE_BACKEND_GET_CLASS (self);
  AisleStock *stock;

  if (klass->fetch_stock != NULL)
    stock = klass->fetch_stock (self, catalog, cancellable, error);
  else
    stock = klass->fetch_store_stock (self, catalog, PRIV (self)->store_id, cancellable, error);
  if (stock != NULL)
    save_stock_image (self, stock);
  return stock;
}

static void
refresh_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AisleStoreBackend *self = source_object;
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  AisleCatalog *catalog;
  GBytes *image;

  image = AISLE_STORE_BACKEND_GET_CLASS (self)->fetch_catalog (self, job->current, cancellable, &error);
  if (image != NULL)
    job->catalog = save_catalog (self, image, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(catalog = job->catalog ? job->catalog : job->current))
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The store sent no catalog"));
      return;
    }

  job->stock = fetch_own_stock (self, catalog, cancellable, &job->stock_error);
  /* Old stock points at the old catalog's indices: the saved one may fit. */
  if (job->stock == NULL && job->catalog != NULL)
    job->stock = load_saved_stock (self, catalog, job->stock_error ? NULL : &job->stock_error);
  g_task_return_boolean (task, TRUE);
}

static void
fetch_store_stock_worker (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  AisleStoreBackend *self = source_object;
  Job *job = task_data;
  GError *error = NULL;
  AisleStock *stock;

  stock = AISLE_STORE_BACKEND_GET_CLASS (self)->fetch_store_stock (self, job->current, job->store_id,
                                                                   cancellable, &error);
  if (stock == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stock, g_object_unref);
}

/* Back on the main thread */

static void
apply_job (AisleStoreBackend *self,
           Job               *job)
{
  AisleStoreBackendPrivate *priv = PRIV (self);

  if (job->catalog != NULL)
    {
      g_set_object (&priv->catalog, job->catalog);
      /* Old stock points at the old catalog's indices. */
      if (job->stock == NULL)
        g_clear_object (&priv->stock);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
    }

  if (job->stock != NULL || job->catalog != NULL)
    {
      g_set_object (&priv->stock, job->stock);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOCK]);
    }
}

static void
set_last_error (AisleStoreBackend *self,
                const GError      *error)
{
  AisleStoreBackendPrivate *priv = PRIV (self);

  g_free (priv->last_error);
  priv->last_error = error ? g_strdup (error->message) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

/* AisleStore */

static void
aisle_store_backend_load_cached_async (AisleStore          *store,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  run_job (AISLE_STORE_BACKEND (store), NULL, aisle_store_backend_load_cached_async, load_cached_worker,
           cancellable, callback, user_data);
}

static gboolean
aisle_store_backend_load_cached_finish (AisleStore    *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* A refresh may have won the race; never go back to an older copy. */
  if (PRIV (self)->catalog == NULL)
    apply_job (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

static void
aisle_store_backend_refresh_async (AisleStore          *store,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run_job (AISLE_STORE_BACKEND (store), NULL, aisle_store_backend_refresh_async, refresh_worker,
           cancellable, callback, user_data);
}

static gboolean
aisle_store_backend_refresh_finish (AisleStore    *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      g_message ("Catalog refresh failed, keeping the last good catalog: %s", local_error->message);
      set_last_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Only apply a result computed against the catalog still on screen. */
  if (job->current == PRIV (self)->catalog)
    apply_job (self, job);

  PRIV (self)->last_sync = g_get_real_time () / G_USEC_PER_SEC;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
  set_last_error (self, job->stock_error);
  if (job->stock_error)
    g_message ("Stock refresh failed, keeping the last good stock: %s", job->stock_error->message);
  return TRUE;
}

static AisleCatalog *
aisle_store_backend_get_catalog (AisleStore *store)
{
  return PRIV (AISLE_STORE_BACKEND (store))->catalog;
}

static AisleStock *
aisle_store_backend_get_stock (AisleStore *store)
{
  return PRIV (AISLE_STORE_BACKEND (store))->stock;
}

static char *
aisle_store_backend_resolve_image_url (AisleStore *store,
                                       const char *path)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);

  if (g_str_has_prefix (path, "https://") || g_str_has_prefix (path, "http://"))
    return g_strdup (path);
  if (AISLE_STORE_BACKEND_GET_CLASS (self)->resolve_image_url != NULL)
    return AISLE_STORE_BACKEND_GET_CLASS (self)->resolve_image_url (self, path);
  return g_strconcat (PRIV (self)->base_url, path[0] == '/' ? "" : "/", path, NULL);
}

static void
aisle_store_backend_submit_order (AisleStore        *store,
                                  const char        *id,
                                  const char        *json,
                                  AisleSubmitResult *result)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);

  AISLE_STORE_BACKEND_GET_CLASS (self)->submit_order (self, id, json, result);
}

static AisleOnlineOrder *
aisle_store_backend_lookup_order (AisleStore    *store,
                                  const char    *number,
                                  const char    *contact,
                                  const char    *language,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);

  if (AISLE_STORE_BACKEND_GET_CLASS (self)->lookup_order == NULL)
    {
      g_set_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "%s has no online orders",
                   G_OBJECT_TYPE_NAME (self));
      return NULL;
    }
  return AISLE_STORE_BACKEND_GET_CLASS (self)->lookup_order (self, number, contact, language, cancellable, error);
}

static AisleCheckIn *
aisle_store_backend_check_in (AisleStore    *store,
                              const char    *order_id,
                              const char    *language,
                              GCancellable  *cancellable,
                              GError       **error)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);

  if (AISLE_STORE_BACKEND_GET_CLASS (self)->check_in == NULL)
    {
      g_set_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "%s has no online orders",
                   G_OBJECT_TYPE_NAME (self));
      return NULL;
    }
  return AISLE_STORE_BACKEND_GET_CLASS (self)->check_in (self, order_id, language, cancellable, error);
}

static void
aisle_store_backend_fetch_store_stock_async (AisleStore          *store,
                                             const char          *store_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);

  if (PRIV (self)->catalog == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, aisle_store_backend_fetch_store_stock_async);
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_NOT_FOUND, _("The store sent no catalog"));
      return;
    }
  run_job (self, store_id, aisle_store_backend_fetch_store_stock_async, fetch_store_stock_worker,
           cancellable, callback, user_data);
}

static AisleStock *
aisle_store_backend_fetch_store_stock_finish (AisleStore    *store,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gint64
aisle_store_backend_get_last_sync (AisleStore *store)
{
  return PRIV (AISLE_STORE_BACKEND (store))->last_sync;
}

static const char *
aisle_store_backend_get_last_error (AisleStore *store)
{
  return PRIV (AISLE_STORE_BACKEND (store))->last_error;
}

static AisleReturn *
aisle_store_backend_return_lines (AisleStore               *store,
                                  const AisleReturnRequest *request,
                                  const char               *language,
                                  GCancellable             *cancellable,
                                  GError                  **error)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);

  if (AISLE_STORE_BACKEND_GET_CLASS (self)->return_lines == NULL)
    {
      g_set_error (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "%s takes no returns",
                   G_OBJECT_TYPE_NAME (self));
      return NULL;
    }
  return AISLE_STORE_BACKEND_GET_CLASS (self)->return_lines (self, request, language, cancellable, error);
}

static AisleCoupon *
aisle_store_backend_validate_coupon (AisleStore    *store,
                                     const char    *request,
                                     const char    *language,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (store);

  if (AISLE_STORE_BACKEND_GET_CLASS (self)->validate_coupon == NULL)
    {
      g_set_error (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNAVAILABLE, "%s has no coupons",
                   G_OBJECT_TYPE_NAME (self));
      return NULL;
    }
  return AISLE_STORE_BACKEND_GET_CLASS (self)->validate_coupon (self, request, language, cancellable, error);
}

static void
store_iface_init (AisleStoreInterface *iface)
{
  iface->load_cached_async = aisle_store_backend_load_cached_async;
  iface->load_cached_finish = aisle_store_backend_load_cached_finish;
  iface->refresh_async = aisle_store_backend_refresh_async;
  iface->refresh_finish = aisle_store_backend_refresh_finish;
  iface->get_catalog = aisle_store_backend_get_catalog;
  iface->get_stock = aisle_store_backend_get_stock;
  iface->resolve_image_url = aisle_store_backend_resolve_image_url;
  iface->submit_order = aisle_store_backend_submit_order;
  iface->fetch_store_stock_async = aisle_store_backend_fetch_store_stock_async;
  iface->fetch_store_stock_finish = aisle_store_backend_fetch_store_stock_finish;
  iface->get_last_sync = aisle_store_backend_get_last_sync;
  iface->get_last_error = aisle_store_backend_get_last_error;
  iface->lookup_order = aisle_store_backend_lookup_order;
  iface->check_in = aisle_store_backend_check_in;
  iface->return_lines = aisle_store_backend_return_lines;
  iface->validate_coupon = aisle_store_backend_validate_coupon;
}

/* GObject */

static void
aisle_store_backend_dispose (GObject *object)
{
  AisleStoreBackendPrivate *priv = PRIV (AISLE_STORE_BACKEND (object));

  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  g_clear_object (&priv->catalog);
  g_clear_object (&priv->stock);

  G_OBJECT_CLASS (aisle_store_backend_parent_class)->dispose (object);
}

static void
aisle_store_backend_finalize (GObject *object)
{
  AisleStoreBackendPrivate *priv = PRIV (AISLE_STORE_BACKEND (object));

  g_free (priv->base_url);
  g_free (priv->store_id);
  g_free (priv->cache_dir);
  g_free (priv->last_error);

  G_OBJECT_CLASS (aisle_store_backend_parent_class)->finalize (object);
}

static void
aisle_store_backend_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AisleStoreBackendPrivate *priv = PRIV (AISLE_STORE_BACKEND (object));

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, priv->catalog);
      break;

    case PROP_STOCK:
      g_value_set_object (value, priv->stock);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, priv->base_url);
      break;

    case PROP_STORE_ID:
      g_value_set_string (value, priv->store_id);
      break;

    case PROP_CACHE_DIR:
      g_value_set_string (value, priv->cache_dir);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, priv->last_error);
      break;

    case PROP_LAST_SYNC:
      g_value_set_int64 (value, priv->last_sync);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_store_backend_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AisleStoreBackendPrivate *priv = PRIV (AISLE_STORE_BACKEND (object));

  switch (prop_id)
    {
    case PROP_BASE_URL:
      priv->base_url = g_value_dup_string (value);
      break;

    case PROP_STORE_ID:
      priv->store_id = g_value_dup_string (value);
      break;

    case PROP_CACHE_DIR:
      priv->cache_dir = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_store_backend_class_init (AisleStoreBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aisle_store_backend_dispose;
  object_class->finalize = aisle_store_backend_finalize;
  object_class->get_property = aisle_store_backend_get_property;
  object_class->set_property = aisle_store_backend_set_property;

  g_object_class_override_property (object_class, PROP_CATALOG, "catalog");
  properties[PROP_CATALOG] = g_object_class_find_property (object_class, "catalog");
  g_object_class_override_property (object_class, PROP_STOCK, "stock");
  properties[PROP_STOCK] = g_object_class_find_property (object_class, "stock");

  /* Where the store lives, without a trailing slash; image paths are below it. */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The kiosk's store, as the backend names it; names its saved stock. */
  properties[PROP_STORE_ID] =
    g_param_spec_string ("store-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where this source's offline copies live. */
  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The last refresh's error for staff (translated), or NULL when it went well. */
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When a refresh last went through, unix seconds; 0: not since the start. */
  properties[PROP_LAST_SYNC] =
    g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_BASE_URL, properties[PROP_BASE_URL]);
  g_object_class_install_property (object_class, PROP_STORE_ID, properties[PROP_STORE_ID]);
  g_object_class_install_property (object_class, PROP_CACHE_DIR, properties[PROP_CACHE_DIR]);
  g_object_class_install_property (object_class, PROP_LAST_ERROR, properties[PROP_LAST_ERROR]);
  g_object_class_install_property (object_class, PROP_LAST_SYNC, properties[PROP_LAST_SYNC]);
}

static void
aisle_store_backend_init (AisleStoreBackend *self)
{
}

char *
aisle_store_backend_build_cache_dir (const char    *cache_root,
                                     GChecksumType  checksum,
                                     const char    *key)
{
  g_autofree char *hash = g_compute_checksum_for_string (checksum, key, -1);

  g_return_val_if_fail (cache_root != NULL, NULL);

  hash[12] = '\0';
  return g_build_filename (cache_root, hash, NULL);
}

const char *
aisle_store_backend_get_base_url (AisleStoreBackend *self)
{
  g_return_val_if_fail (AISLE_IS_STORE_BACKEND (self), NULL);
  return PRIV (self)->base_url;
}

const char *
aisle_store_backend_get_store_id (AisleStoreBackend *self)
{
  g_return_val_if_fail (AISLE_IS_STORE_BACKEND (self), NULL);
  return PRIV (self)->store_id;
}

const char *
aisle_store_backend_get_cache_dir (AisleStoreBackend *self)
{
  g_return_val_if_fail (AISLE_IS_STORE_BACKEND (self), NULL);
  return PRIV (self)->cache_dir;
}

char *
aisle_store_backend_get_stock_cache_path (AisleStoreBackend *self,
                                          const char        *suffix)
{
  /* Store ids come from settings; keep only safe characters in file names. */
  g_autofree char *safe = g_strdup (PRIV (self)->store_id);
  g_autofree char *name = NULL;

  g_return_val_if_fail (AISLE_IS_STORE_BACKEND (self), NULL);

  g_strcanon (safe, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  name = g_strdup_printf ("stock-%s.%s", safe, suffix);
  return cache_path (self, name);
}

static void
timed_refresh_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AisleStoreBackend *self = AISLE_STORE_BACKEND (object);

  PRIV (self)->refreshing = FALSE;
  aisle_store_refresh_finish (AISLE_STORE (self), result, NULL);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  AisleStoreBackend *self = user_data;

  if (!PRIV (self)->refreshing)
    {
      PRIV (self)->refreshing = TRUE;
      aisle_store_refresh_async (AISLE_STORE (self), NULL, timed_refresh_done, NULL);
    }
  return G_SOURCE_CONTINUE;
}

void
aisle_store_backend_set_refresh_interval (AisleStoreBackend *self,
                                          guint              seconds)
{
  AisleStoreBackendPrivate *priv;

  g_return_if_fail (AISLE_IS_STORE_BACKEND (self));

  priv = PRIV (self);
  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  if (seconds > 0)
    priv->refresh_source = g_timeout_add_seconds (seconds, refresh_timeout, self);
}
