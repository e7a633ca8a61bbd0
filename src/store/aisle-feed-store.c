/* aisle-feed-store.c: the store-feed backend (static JSON documents under a base URL) */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-feed-orders.h"
#include "aisle-feed-parser.h"
#include "aisle-feed-store.h"
#include "aisle-http.h"

#define CATALOG_MAX_BYTES (256u * 1024 * 1024)
#define STOCK_MAX_BYTES   (64u * 1024 * 1024)

struct _AisleFeedStore
{
  GObject       parent_instance;

  char         *base_url;
  char         *store_id;
  char         *cache_dir;
  char         *access_token;    /* set once, before orders are sent */
  guint         order_timeout_s;

  AisleCatalog *catalog;
  AisleStock   *stock;

  char         *last_error;
  gint64        last_sync;
  guint         refresh_interval;
  guint         refresh_source;
  gboolean      refreshing;
};

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_STOCK,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void store_iface_init (AisleStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AisleFeedStore, aisle_feed_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AISLE_TYPE_STORE, store_iface_init))

/* What a worker thread found; applied on the main thread. */
typedef struct
{
  char         *base_url;
  char         *store_id;
  char         *cache_dir;
  char         *access_token;    /* set once, before orders are sent */
  guint         order_timeout_s;
  AisleCatalog *current;
  AisleCatalog *catalog;     /* a new catalog, or NULL when unchanged */
  AisleStock   *stock;       /* new stock for the resulting catalog, or NULL */
  GError       *stock_error;
} Job;

static void
job_free (Job *job)
{
  g_free (job->base_url);
  g_free (job->store_id);
  g_free (job->cache_dir);
  g_clear_object (&job->current);
  g_clear_object (&job->catalog);
  g_clear_object (&job->stock);
  g_clear_error (&job->stock_error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static Job *
job_new (AisleFeedStore *self)
{
  Job *job = g_new0 (Job, 1);

  job->base_url = g_strdup (self->base_url);
  job->store_id = g_strdup (self->store_id);
  job->cache_dir = g_strdup (self->cache_dir);
  g_set_object (&job->current, self->catalog);
  return job;
}

static char *
cache_path (Job        *job,
            const char *name)
{
  return g_build_filename (job->cache_dir, name, NULL);
}

static char *
stock_cache_name (Job        *job,
                  const char *suffix)
{
  /* Store ids come from settings; keep only safe characters in file names. */
  g_autofree char *safe = g_strdup (job->store_id);
  g_strcanon (safe, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  return g_strdup_printf ("stock-%s.%s", safe, suffix);
}

static void
save_stock_image (Job        *job,
                  AisleStock *stock)
{
  g_autofree char *name = stock_cache_name (job, "img");
  g_autofree char *path = cache_path (job, name);
  GBytes *image = aisle_stock_get_bytes (stock);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image), &error))
    g_warning ("Could not save the stock for offline use: %s", error->message);
}

/* The saved stock for @catalog: its image when it was made for this very
 * catalog version, else the saved document parsed again (and saved as an
 * image for the next start). */
static AisleStock *
load_saved_stock (Job           *job,
                  AisleCatalog  *catalog,
                  GError       **error)
{
  g_autofree char *img_name = stock_cache_name (job, "img");
  g_autofree char *img_path = cache_path (job, img_name);
  g_autofree char *json_name = stock_cache_name (job, "json");
  g_autofree char *json_path = cache_path (job, json_name);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AisleStock *stock;

  if ((mapped = g_mapped_file_new (img_path, FALSE, NULL)))
    {
      bytes = g_mapped_file_get_bytes (mapped);
      if ((stock = aisle_stock_new_from_bytes (catalog, bytes, NULL)))
        return stock;
      g_clear_pointer (&bytes, g_bytes_unref);
      g_clear_pointer (&mapped, g_mapped_file_unref);
    }

  if (!(mapped = g_mapped_file_new (json_path, FALSE, error)))
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  if ((stock = aisle_feed_parse_stock (catalog, bytes, NULL, error)))
    save_stock_image (job, stock);
  return stock;
}

static void
load_cached_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *path = cache_path (job, "catalog.img");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) stock_error = NULL;

  if (!(job->catalog = aisle_catalog_new_from_file (path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(job->stock = load_saved_stock (job, job->catalog, &stock_error)))
    g_debug ("No cached stock: %s", stock_error->message);

  g_task_return_boolean (task, TRUE);
}

static AisleCatalog *
fetch_catalog (Job           *job,
               GCancellable  *cancellable,
               GError       **error)
{
  AisleHttpLimits limits = { .max_bytes = CATALOG_MAX_BYTES };
  g_autofree char *url = g_strconcat (job->base_url, "/catalog.json", NULL);
  g_autofree char *path = cache_path (job, "catalog.img");
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(AisleFeedReport) report = { 0 };
  AisleCatalogMeta meta = { 0 };
  AisleCatalog *catalog;
  const char *etag = job->current ? aisle_catalog_get_etag (job->current) : NULL;

  if (!(response = aisle_http_fetch (url, etag && *etag ? etag : NULL, &limits, cancellable, error)))
    return NULL;
  if (response->status == 304)
    return NULL;

  meta.etag = response->etag;
  meta.source = url;
  meta.fetched_at = g_get_real_time () / G_USEC_PER_SEC;
  image = aisle_feed_parse_catalog (response->body, &meta, &report, error);
  g_clear_pointer (&response->body, g_bytes_unref);
  if (image == NULL)
    return NULL;

  g_message ("Catalog: %u products, %u items skipped", report.n_products, report.n_skipped);

  /* Save it, then map it back: the kernel can page a mapped catalog out, and
   * the next start reads the very same bytes. */
  if (g_mkdir_with_parents (job->cache_dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image), &local_error))
    {
      g_warning ("Could not save the catalog for offline use: %s",
                 local_error ? local_error->message : g_strerror (errno));
      return aisle_catalog_new_from_bytes (image, error);
    }

  g_clear_pointer (&image, g_bytes_unref);
  if (!(catalog = aisle_catalog_new_from_file (path, error)))
    return NULL;
  return catalog;
}

static AisleStock *
fetch_stock (Job           *job,
             AisleCatalog  *catalog,
             gboolean       catalog_changed,
             GCancellable  *cancellable,
             GError       **error)
{
  AisleHttpLimits limits = { .max_bytes = STOCK_MAX_BYTES };
  g_autofree char *url = g_strdup_printf ("%s/stock/%s.json", job->base_url, job->store_id);
  g_autofree char *json_name = stock_cache_name (job, "json");
  g_autofree char *etag_name = stock_cache_name (job, "etag");
  g_autofree char *json_path = cache_path (job, json_name);
  g_autofree char *etag_path = cache_path (job, etag_name);
  g_autofree char *etag = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(AisleFeedReport) report = { 0 };
  AisleStock *stock;

  /* Without the document on disk an ETag would only buy a 304 we cannot use. */
  if (g_file_test (json_path, G_FILE_TEST_EXISTS))
    g_file_get_contents (etag_path, &etag, NULL, NULL);

  if (!(response = aisle_http_fetch (url, etag, &limits, cancellable, error)))
    return catalog_changed ? load_saved_stock (job, catalog, NULL) : NULL;

  if (response->status == 304)
    return catalog_changed ? load_saved_stock (job, catalog, error) : NULL;

  if (!(stock = aisle_feed_parse_stock (catalog, response->body, &report, error)))
    return catalog_changed ? load_saved_stock (job, catalog, NULL) : NULL;

  if (!g_file_set_contents (json_path, g_bytes_get_data (response->body, NULL),
                            g_bytes_get_size (response->body), &local_error) ||
      !g_file_set_contents (etag_path, response->etag ? response->etag : "", -1, &local_error))
    g_warning ("Could not save the stock for offline use: %s", local_error->message);
  save_stock_image (job, stock);

  return stock;
}

static void
refresh_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  AisleCatalog *catalog;

  job->catalog = fetch_catalog (job, cancellable, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  catalog = job->catalog ? job->catalog : job->current;
  if (catalog == NULL)
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                               _("The store sent no catalog"));
      return;
    }

  job->stock = fetch_stock (job, catalog, job->catalog != NULL, cancellable, &job->stock_error);
  g_task_return_boolean (task, TRUE);
}

static void
apply_job (AisleFeedStore *self,
           Job            *job)
{
  if (job->catalog != NULL)
    {
      g_set_object (&self->catalog, job->catalog);
      /* Old stock points at the old catalog's indices. */
      if (job->stock == NULL)
        g_clear_object (&self->stock);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
    }

  if (job->stock != NULL || job->catalog != NULL)
    {
      g_set_object (&self->stock, job->stock);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOCK]);
    }
}

static void
set_last_error (AisleFeedStore *self,
                const GError   *error)
{
  g_free (self->last_error);
  self->last_error = error ? g_strdup (error->message) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
aisle_feed_store_load_cached_async (AisleStore          *store,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AisleFeedStore *self = AISLE_FEED_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, aisle_feed_store_load_cached_async);
  g_task_set_task_data (task, job_new (self), (GDestroyNotify)job_free);
  g_task_run_in_thread (task, load_cached_worker);
}

static gboolean
aisle_feed_store_load_cached_finish (AisleStore    *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  AisleFeedStore *self = AISLE_FEED_STORE (store);
  Job *job = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* A refresh may have won the race; never go back to an older copy. */
  if (self->catalog == NULL)
    apply_job (self, job);
  return TRUE;
}

static void
aisle_feed_store_refresh_async (AisleStore          *store,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  AisleFeedStore *self = AISLE_FEED_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, aisle_feed_store_refresh_async);
  g_task_set_task_data (task, job_new (self), (GDestroyNotify)job_free);
  g_task_run_in_thread (task, refresh_worker);
}

static gboolean
aisle_feed_store_refresh_finish (AisleStore    *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  AisleFeedStore *self = AISLE_FEED_STORE (store);
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
  if (job->current == self->catalog)
    apply_job (self, job);

  self->last_sync = g_get_real_time () / G_USEC_PER_SEC;
  set_last_error (self, job->stock_error);
  if (job->stock_error)
    g_message ("Stock refresh failed, keeping the last good stock: %s", job->stock_error->message);

  return TRUE;
}

static AisleCatalog *
aisle_feed_store_get_catalog (AisleStore *store)
{
  return AISLE_FEED_STORE (store)->catalog;
}

static AisleStock *
aisle_feed_store_get_stock (AisleStore *store)
{
  return AISLE_FEED_STORE (store)->stock;
}

static char *
aisle_feed_store_resolve_image_url (AisleStore *store,
                                    const char *path)
{
  AisleFeedStore *self = AISLE_FEED_STORE (store);

  if (g_str_has_prefix (path, "https://") || g_str_has_prefix (path, "http://"))
    return g_strdup (path);
  return g_strconcat (self->base_url, "/", path, NULL);
}

static void
aisle_feed_store_submit_order (AisleStore        *store,
                               const char        *id,
                               const char        *json,
                               AisleSubmitResult *result)
{
  AisleFeedStore *self = AISLE_FEED_STORE (store);

  /* The sender thread: base URL and token never change after start-up. */
  aisle_feed_orders_submit (self->base_url, self->access_token, self->order_timeout_s, NULL, id, json, result);
}

typedef struct
{
  char         *url;
  AisleCatalog *catalog;
} StockFetch;

static void
stock_fetch_free (StockFetch *fetch)
{
  g_free (fetch->url);
  g_clear_object (&fetch->catalog);
  g_free (fetch);
}

static void
fetch_store_stock_worker (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  StockFetch *fetch = task_data;
  AisleHttpLimits limits = { .max_bytes = STOCK_MAX_BYTES };
  g_autoptr(AisleHttpResponse) response = NULL;
  GError *error = NULL;
  AisleStock *stock;

  if (!(response = aisle_http_fetch (fetch->url, NULL, &limits, cancellable, &error)) ||
      !(stock = aisle_feed_parse_stock (fetch->catalog, response->body, NULL, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, stock, g_object_unref);
}

static void
aisle_feed_store_fetch_store_stock_async (AisleStore          *store,
                                          const char          *store_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  AisleFeedStore *self = AISLE_FEED_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *safe = g_strdup (store_id);
  StockFetch *fetch;

  g_task_set_source_tag (task, aisle_feed_store_fetch_store_stock_async);
  if (self->catalog == NULL)
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_NOT_FOUND, _("The store sent no catalog"));
      return;
    }

  /* Store ids come from the feed: nothing in them may climb out of stock/. */
  g_strcanon (safe, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  fetch = g_new0 (StockFetch, 1);
  fetch->url = g_strdup_printf ("%s/stock/%s.json", self->base_url, safe);
  fetch->catalog = g_object_ref (self->catalog);
  g_task_set_task_data (task, fetch, (GDestroyNotify) stock_fetch_free);
  g_task_run_in_thread (task, fetch_store_stock_worker);
}

static AisleStock *
aisle_feed_store_fetch_store_stock_finish (AisleStore    *store,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gint64
store_get_last_sync (AisleStore *store)
{
  return aisle_feed_store_get_last_sync (AISLE_FEED_STORE (store));
}

static const char *
store_get_last_error (AisleStore *store)
{
  return aisle_feed_store_get_last_error (AISLE_FEED_STORE (store));
}

static void
store_iface_init (AisleStoreInterface *iface)
{
  iface->fetch_store_stock_async = aisle_feed_store_fetch_store_stock_async;
  iface->fetch_store_stock_finish = aisle_feed_store_fetch_store_stock_finish;
  iface->load_cached_async = aisle_feed_store_load_cached_async;
  iface->load_cached_finish = aisle_feed_store_load_cached_finish;
  iface->refresh_async = aisle_feed_store_refresh_async;
  iface->refresh_finish = aisle_feed_store_refresh_finish;
  iface->get_catalog = aisle_feed_store_get_catalog;
  iface->get_stock = aisle_feed_store_get_stock;
  iface->resolve_image_url = aisle_feed_store_resolve_image_url;
  iface->submit_order = aisle_feed_store_submit_order;
  iface->get_last_sync = store_get_last_sync;
  iface->get_last_error = store_get_last_error;
}

static void
aisle_feed_store_dispose (GObject *object)
{
  AisleFeedStore *self = (AisleFeedStore *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->catalog);
  g_clear_object (&self->stock);

  G_OBJECT_CLASS (aisle_feed_store_parent_class)->dispose (object);
}

static void
aisle_feed_store_finalize (GObject *object)
{
  AisleFeedStore *self = (AisleFeedStore *)object;

  g_free (self->base_url);
  g_free (self->store_id);
  g_free (self->cache_dir);
  g_free (self->last_error);
  if (self->access_token)
    memset (self->access_token, 0, strlen (self->access_token));
  g_free (self->access_token);

  G_OBJECT_CLASS (aisle_feed_store_parent_class)->finalize (object);
}

static void
aisle_feed_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AisleFeedStore *self = AISLE_FEED_STORE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_STOCK:
      g_value_set_object (value, self->stock);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_feed_store_class_init (AisleFeedStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aisle_feed_store_dispose;
  object_class->finalize = aisle_feed_store_finalize;
  object_class->get_property = aisle_feed_store_get_property;

  g_object_class_override_property (object_class, PROP_CATALOG, "catalog");
  properties[PROP_CATALOG] = g_object_class_find_property (object_class, "catalog");
  g_object_class_override_property (object_class, PROP_STOCK, "stock");
  properties[PROP_STOCK] = g_object_class_find_property (object_class, "stock");

  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_LAST_ERROR, properties[PROP_LAST_ERROR]);
}

static void
aisle_feed_store_init (AisleFeedStore *self)
{
}

/**
 * aisle_feed_store_new:
 * @base_url: where catalog.json lives: file://, http:// or https://
 * @store_id: this kiosk's store, as the feed names it
 * @cache_root: the folder for offline copies; each base URL gets its own below it
 */
AisleFeedStore *
aisle_feed_store_new (const char *base_url,
                      const char *store_id,
                      const char *cache_root)
{
  AisleFeedStore *self;
  g_autofree char *hash = NULL;
  gsize len;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (store_id != NULL, NULL);
  g_return_val_if_fail (cache_root != NULL, NULL);

  aisle_http_global_init ();

  self = g_object_new (AISLE_TYPE_FEED_STORE, NULL);
  len = strlen (base_url);
  while (len > 0 && base_url[len - 1] == '/')
    len--;
  self->base_url = g_strndup (base_url, len);
  self->store_id = g_strdup (store_id);

  /* Separate copies per feed and store: switching backends never mixes them. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, self->base_url, -1);
  hash[12] = '\0';
  self->cache_dir = g_build_filename (cache_root, hash, NULL);

  return self;
}

/**
 * aisle_feed_store_set_access_token:
 *
 * The kiosk's bearer token for the order endpoint. Set it before an outbox
 * starts sending orders through this store: the sender thread reads it.
 */
void
aisle_feed_store_set_access_token (AisleFeedStore *self,
                                   const char     *token)
{
  g_return_if_fail (AISLE_IS_FEED_STORE (self));

  g_free (self->access_token);
  self->access_token = token && *token ? g_strdup (token) : NULL;
}

/* How long one attempt to send an order may take; 0 means 30 s. Like the
 * token, set it before orders are sent. */
void
aisle_feed_store_set_order_timeout (AisleFeedStore *self,
                                    guint           seconds)
{
  g_return_if_fail (AISLE_IS_FEED_STORE (self));
  self->order_timeout_s = seconds;
}

const char *
aisle_feed_store_get_base_url (AisleFeedStore *self)
{
  g_return_val_if_fail (AISLE_IS_FEED_STORE (self), NULL);
  return self->base_url;
}

const char *
aisle_feed_store_get_cache_dir (AisleFeedStore *self)
{
  g_return_val_if_fail (AISLE_IS_FEED_STORE (self), NULL);
  return self->cache_dir;
}

const char *
aisle_feed_store_get_last_error (AisleFeedStore *self)
{
  g_return_val_if_fail (AISLE_IS_FEED_STORE (self), NULL);
  return self->last_error;
}

gint64
aisle_feed_store_get_last_sync (AisleFeedStore *self)
{
  g_return_val_if_fail (AISLE_IS_FEED_STORE (self), 0);
  return self->last_sync;
}

static void
timed_refresh_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AisleFeedStore *self = AISLE_FEED_STORE (object);

  self->refreshing = FALSE;
  aisle_store_refresh_finish (AISLE_STORE (self), result, NULL);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  AisleFeedStore *self = user_data;

  if (!self->refreshing)
    {
      self->refreshing = TRUE;
      aisle_store_refresh_async (AISLE_STORE (self), NULL, timed_refresh_done, NULL);
    }

  return G_SOURCE_CONTINUE;
}

void
aisle_feed_store_set_refresh_interval (AisleFeedStore *self,
                                       guint           seconds)
{
  g_return_if_fail (AISLE_IS_FEED_STORE (self));

  self->refresh_interval = seconds;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (seconds > 0)
    self->refresh_source = g_timeout_add_seconds (seconds, refresh_timeout, self);
}
