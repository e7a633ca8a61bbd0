/* aisle-medusa-store.c: the Medusa v2 backend (Store API with a publishable key) */
#define G_LOG_DOMAIN "aisle-medusa"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-medusa-catalog.h"
#include "aisle-medusa-client.h"
#include "aisle-medusa-store.h"

#define PAGE_SIZE       100
#define MAX_PAGES       5000           /* 500,000 products, as the feed */
#define PAGE_MAX_BYTES  (64u * 1024 * 1024)
#define LIST_MAX_BYTES  (256u * 1024 * 1024) /* all pages of a list, as the feed's catalog */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

struct _AisleMedusaStore
{
  GObject            parent_instance;

  AisleMedusaClient *client;        /* immutable once orders are sent */
  char              *region_id;
  char              *location_id;
  char              *cache_dir;
  AisleMedusaStep    stop_after;

  AisleCatalog      *catalog;
  AisleStock        *stock;

  char              *last_error;
  guint              refresh_source;
  gboolean           refreshing;
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

G_DEFINE_FINAL_TYPE_WITH_CODE (AisleMedusaStore, aisle_medusa_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AISLE_TYPE_STORE, store_iface_init))

/* What a worker thread needs and found; applied on the main thread. */
typedef struct
{
  AisleMedusaClient *client;
  char              *region_id;
  char              *location_id;
  char              *cache_dir;
  char              *code;          /* find_variant */
  AisleCatalog      *current;
  AisleCatalog      *catalog;       /* a new catalog, or NULL when unchanged */
  AisleStock        *stock;
  GError            *stock_error;
} Job;

static void
job_free (Job *job)
{
  aisle_medusa_client_unref (job->client);
  g_free (job->region_id);
  g_free (job->location_id);
  g_free (job->cache_dir);
  g_free (job->code);
  g_clear_object (&job->current);
  g_clear_object (&job->catalog);
  g_clear_object (&job->stock);
  g_clear_error (&job->stock_error);
  g_free (job);
}

static Job *
job_new (AisleMedusaStore *self,
         const char       *location_id)
{
  Job *job = g_new0 (Job, 1);

  job->client = aisle_medusa_client_ref (self->client);
  job->region_id = g_strdup (self->region_id);
  job->location_id = g_strdup (location_id);
  job->cache_dir = g_strdup (self->cache_dir);
  g_set_object (&job->current, self->catalog);
  return job;
}

static char *
stock_cache_path (Job *job)
{
  g_autofree char *safe = g_strdup (job->location_id);
  g_autofree char *name = NULL;

  g_strcanon (safe, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  name = g_strdup_printf ("stock-%s.img", safe);
  return g_build_filename (job->cache_dir, name, NULL);
}

static void
load_cached_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *path = g_build_filename (job->cache_dir, "catalog.img", NULL);
  g_autofree char *stock_path = stock_cache_path (job);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (!(job->catalog = aisle_catalog_new_from_file (path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  if ((mapped = g_mapped_file_new (stock_path, FALSE, NULL)) &&
      (bytes = g_mapped_file_get_bytes (mapped)))
    job->stock = aisle_stock_new_from_bytes (job->catalog, bytes, NULL);
  g_task_return_boolean (task, TRUE);
}

/* All pages of a list: GET @path&limit=…&offset=…, items under @key. A
 * store that sends more than it was asked for, or more than
 * LIST_MAX_BYTES in all, is refused as a whole: the last good catalog stays. */
static json_object *
fetch_all (Job           *job,
           const char    *path,
           const char    *key,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(json_object) all = json_object_new_array ();
  gsize budget = LIST_MAX_BYTES;

  for (guint page = 0; page < MAX_PAGES; page++)
    {
      g_autofree char *url = g_strdup_printf ("%s&limit=%u&offset=%u", path, PAGE_SIZE, page * PAGE_SIZE);
      g_autoptr(json_object) answer = NULL;
      json_object *items, *count;
      gsize n, size = 0;

      if (budget == 0)
        {
          g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE,
                       _("The store’s list is larger than %u MiB"), LIST_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
      if (!(answer = aisle_medusa_client_get_json_sized (job->client, url, MIN (PAGE_MAX_BYTES, budget), &size,
                                                         cancellable, error)))
        return NULL;
      budget -= MIN (size, budget);
      if (!json_object_object_get_ex (answer, key, &items) || !json_object_is_type (items, json_type_array))
        {
          g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The store’s answer could not be read"));
          return NULL;
        }
      n = json_object_array_length (items);
      if (n > PAGE_SIZE)
        {
          g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE,
                       _("The store sent %zu items where %u were asked for"), n, PAGE_SIZE);
          return NULL;
        }
      for (gsize i = 0; i < n; i++)
        json_object_array_add (all, json_object_get (json_object_array_get_idx (items, i)));
      if (n < PAGE_SIZE ||
          (json_object_object_get_ex (answer, "count", &count) &&
           json_object_get_int64 (count) <= (gint64) (page + 1) * PAGE_SIZE))
        break;
    }
  return g_steal_pointer (&all);
}

static AisleStock *
fetch_stock (Job           *job,
             AisleCatalog  *catalog,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(json_object) products = NULL;

  products = fetch_all (job, "/store/products?fields=" AISLE_MEDUSA_STOCK_FIELDS, "products", cancellable, error);
  if (products == NULL)
    return NULL;
  return aisle_medusa_build_stock (catalog, products, job->location_id, g_get_real_time () / G_USEC_PER_SEC);
}

static gboolean
fetch_catalog (Job           *job,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *region_path = g_strdup_printf ("/store/regions/%s", job->region_id);
  g_autofree char *products_path = g_strdup_printf ("/store/products?region_id=%s&fields=%s",
                                                    job->region_id, AISLE_MEDUSA_PRODUCT_FIELDS);
  g_autofree char *path = g_build_filename (job->cache_dir, "catalog.img", NULL);
  g_autoptr(json_object) region = NULL;
  g_autoptr(json_object) categories = NULL;
  g_autoptr(json_object) products = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) local_error = NULL;
  AisleCatalogMeta meta = { 0 };
  guint n_skipped = 0;

  if (!(region = aisle_medusa_client_get_json (job->client, region_path, PAGE_MAX_BYTES, cancellable, error)) ||
      !(categories = fetch_all (job, "/store/product-categories?fields=" AISLE_MEDUSA_CATEGORY_FIELDS,
                                "product_categories", cancellable, error)) ||
      !(products = fetch_all (job, products_path, "products", cancellable, error)))
    return FALSE;

  meta.source = aisle_medusa_client_get_base_url (job->client);
  meta.fetched_at = g_get_real_time () / G_USEC_PER_SEC;
  image = aisle_medusa_build_catalog (json_object_object_get (region, "region"), categories, products, &meta,
                                      job->current ? aisle_catalog_get_etag (job->current) : NULL,
                                      &n_skipped, &local_error);
  if (image == NULL)
    {
      if (local_error == NULL)
        return TRUE;  /* unchanged */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_message ("Catalog from Medusa: %zu products, %u variants skipped", json_object_array_length (products), n_skipped);

  /* Saved, then mapped back: the next start reads the very same bytes. */
  if (g_mkdir_with_parents (job->cache_dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image), &local_error))
    {
      g_warning ("Could not save the catalog for offline use: %s", local_error ? local_error->message : g_strerror (errno));
      job->catalog = aisle_catalog_new_from_bytes (image, error);
    }
  else
    job->catalog = aisle_catalog_new_from_file (path, error);
  return job->catalog != NULL;
}

static void
refresh_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  AisleCatalog *catalog;
  GError *error = NULL;
  g_autofree char *stock_path = stock_cache_path (job);
  GBytes *image;

  if (!fetch_catalog (job, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!(catalog = job->catalog ? job->catalog : job->current))
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The store sent no catalog"));
      return;
    }

  if ((job->stock = fetch_stock (job, catalog, cancellable, &job->stock_error)))
    {
      image = aisle_stock_get_bytes (job->stock);
      if (!g_file_set_contents (stock_path, g_bytes_get_data (image, NULL), g_bytes_get_size (image), NULL))
        g_warning ("Could not save the stock for offline use");
    }
  g_task_return_boolean (task, TRUE);
}

static void
apply_job (AisleMedusaStore *self,
           Job              *job)
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
set_last_error (AisleMedusaStore *self,
                const GError     *error)
{
  g_free (self->last_error);
  self->last_error = error ? g_strdup (error->message) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
run_job (AisleMedusaStore    *self,
         Job                 *job,
         gpointer             source_tag,
         GTaskThreadFunc      worker,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, worker);
}

static void
aisle_medusa_store_load_cached_async (AisleStore          *store,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (store);

  run_job (self, job_new (self, self->location_id), aisle_medusa_store_load_cached_async,
           load_cached_worker, cancellable, callback, user_data);
}

static gboolean
aisle_medusa_store_load_cached_finish (AisleStore    *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (store);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  /* A refresh may have won the race; never go back to an older copy. */
  if (self->catalog == NULL)
    apply_job (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

static void
aisle_medusa_store_refresh_async (AisleStore          *store,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (store);

  run_job (self, job_new (self, self->location_id), aisle_medusa_store_refresh_async,
           refresh_worker, cancellable, callback, user_data);
}

static gboolean
aisle_medusa_store_refresh_finish (AisleStore    *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (store);
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
  set_last_error (self, job->stock_error);
  if (job->stock_error)
    g_message ("Stock refresh failed, keeping the last good stock: %s", job->stock_error->message);
  return TRUE;
}

static AisleCatalog *
aisle_medusa_store_get_catalog (AisleStore *store)
{
  return AISLE_MEDUSA_STORE (store)->catalog;
}

static AisleStock *
aisle_medusa_store_get_stock (AisleStore *store)
{
  return AISLE_MEDUSA_STORE (store)->stock;
}

static char *
aisle_medusa_store_resolve_image_url (AisleStore *store,
                                      const char *path)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (store);

  if (g_str_has_prefix (path, "https://") || g_str_has_prefix (path, "http://"))
    return g_strdup (path);
  /* Medusa's local file provider gives paths below the server. */
  return g_strconcat (aisle_medusa_client_get_base_url (self->client), path[0] == '/' ? "" : "/", path, NULL);
}

static void
aisle_medusa_store_submit_order (AisleStore        *store,
                                 const char        *id,
                                 const char        *json,
                                 AisleSubmitResult *result)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (store);
  g_autofree char *carts_db = g_build_filename (self->cache_dir, "medusa-carts.db", NULL);
  /* The sender thread: only what never changes after start-up. */
  AisleMedusaOrderConfig config = { self->client, self->region_id, carts_db, self->stop_after };

  aisle_medusa_orders_submit (&config, id, json, result);
}

static void
fetch_store_stock_worker (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  AisleStock *stock;

  if (!(stock = fetch_stock (job, job->current, cancellable, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stock, g_object_unref);
}

static void
aisle_medusa_store_fetch_store_stock_async (AisleStore          *store,
                                            const char          *store_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (store);
  g_autoptr(GTask) task = NULL;

  if (self->catalog == NULL)
    {
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, aisle_medusa_store_fetch_store_stock_async);
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_NOT_FOUND, _("The store sent no catalog"));
      return;
    }
  run_job (self, job_new (self, store_id), aisle_medusa_store_fetch_store_stock_async,
           fetch_store_stock_worker, cancellable, callback, user_data);
}

static AisleStock *
aisle_medusa_store_fetch_store_stock_finish (AisleStore    *store,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_iface_init (AisleStoreInterface *iface)
{
  iface->load_cached_async = aisle_medusa_store_load_cached_async;
  iface->load_cached_finish = aisle_medusa_store_load_cached_finish;
  iface->refresh_async = aisle_medusa_store_refresh_async;
  iface->refresh_finish = aisle_medusa_store_refresh_finish;
  iface->get_catalog = aisle_medusa_store_get_catalog;
  iface->get_stock = aisle_medusa_store_get_stock;
  iface->resolve_image_url = aisle_medusa_store_resolve_image_url;
  iface->submit_order = aisle_medusa_store_submit_order;
  iface->fetch_store_stock_async = aisle_medusa_store_fetch_store_stock_async;
  iface->fetch_store_stock_finish = aisle_medusa_store_fetch_store_stock_finish;
}

static void
find_variant_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *escaped = g_uri_escape_string (job->code, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/store/product-variants?q=%s&limit=50&fields=id,sku,ean,upc,barcode", escaped);
  g_autoptr(json_object) answer = NULL;
  GError *error = NULL;
  const char *id;

  /* Medusa's q= matches parts of SKUs and codes: keep only an exact match. */
  if (!(answer = aisle_medusa_client_get_json (job->client, path, PAGE_MAX_BYTES, cancellable, &error)))
    g_task_return_error (task, error);
  else if (!(id = aisle_medusa_match_variant (json_object_object_get (answer, "variants"), job->code)))
    g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_NOT_FOUND, _("No article has this code"));
  else
    g_task_return_pointer (task, g_strdup (id), g_free);
}

void
aisle_medusa_store_find_variant_async (AisleMedusaStore    *self,
                                       const char          *code,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (AISLE_IS_MEDUSA_STORE (self));
  g_return_if_fail (code != NULL);

  job = job_new (self, self->location_id);
  job->code = g_strdup (code);
  run_job (self, job, aisle_medusa_store_find_variant_async, find_variant_worker, cancellable, callback, user_data);
}

char *
aisle_medusa_store_find_variant_finish (AisleMedusaStore  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
aisle_medusa_store_dispose (GObject *object)
{
  AisleMedusaStore *self = (AisleMedusaStore *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->catalog);
  g_clear_object (&self->stock);

  G_OBJECT_CLASS (aisle_medusa_store_parent_class)->dispose (object);
}

static void
aisle_medusa_store_finalize (GObject *object)
{
  AisleMedusaStore *self = (AisleMedusaStore *) object;

  g_clear_pointer (&self->client, aisle_medusa_client_unref);
  g_free (self->region_id);
  g_free (self->location_id);
  g_free (self->cache_dir);
  g_free (self->last_error);

  G_OBJECT_CLASS (aisle_medusa_store_parent_class)->finalize (object);
}

static void
aisle_medusa_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (object);

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
aisle_medusa_store_class_init (AisleMedusaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aisle_medusa_store_dispose;
  object_class->finalize = aisle_medusa_store_finalize;
  object_class->get_property = aisle_medusa_store_get_property;

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
aisle_medusa_store_init (AisleMedusaStore *self)
{
}

/**
 * aisle_medusa_store_new:
 * @base_url: the Medusa server, e.g. https://shop.example.com
 * @publishable_key: the kiosk's publishable API key (pk_…); its sales channel
 *   decides what the kiosk sells
 * @region_id: the region whose prices and currency are shown
 * @location_id: the stock location of the kiosk's store
 * @cache_root: the folder for offline copies; each server gets its own below it
 */
AisleMedusaStore *
aisle_medusa_store_new (const char *base_url,
                        const char *publishable_key,
                        const char *region_id,
                        const char *location_id,
                        const char *cache_root)
{
  AisleMedusaStore *self;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (publishable_key != NULL, NULL);
  g_return_val_if_fail (region_id != NULL, NULL);
  g_return_val_if_fail (location_id != NULL, NULL);
  g_return_val_if_fail (cache_root != NULL, NULL);

  aisle_http_global_init ();

  self = g_object_new (AISLE_TYPE_MEDUSA_STORE, NULL);
  self->client = aisle_medusa_client_new (base_url, publishable_key, 30);
  self->region_id = g_uri_escape_string (region_id, NULL, FALSE);
  self->location_id = g_strdup (location_id);

  /* Separate copies per server, key and region: switching never mixes them. */
  key = g_strdup_printf ("medusa\n%s\n%s\n%s", aisle_medusa_client_get_base_url (self->client),
                         publishable_key, region_id);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  hash[12] = '\0';
  self->cache_dir = g_build_filename (cache_root, hash, NULL);
  return self;
}

void
aisle_medusa_store_set_timeout (AisleMedusaStore *self,
                                guint             seconds)
{
  g_return_if_fail (AISLE_IS_MEDUSA_STORE (self));
  aisle_medusa_client_set_timeout (self->client, seconds ? seconds : 30);
}

void
aisle_medusa_store_set_stop_after (AisleMedusaStore *self,
                                   AisleMedusaStep   step)
{
  g_return_if_fail (AISLE_IS_MEDUSA_STORE (self));
  self->stop_after = step;
}

const char *
aisle_medusa_store_get_base_url (AisleMedusaStore *self)
{
  g_return_val_if_fail (AISLE_IS_MEDUSA_STORE (self), NULL);
  return aisle_medusa_client_get_base_url (self->client);
}

const char *
aisle_medusa_store_get_cache_dir (AisleMedusaStore *self)
{
  g_return_val_if_fail (AISLE_IS_MEDUSA_STORE (self), NULL);
  return self->cache_dir;
}

const char *
aisle_medusa_store_get_last_error (AisleMedusaStore *self)
{
  g_return_val_if_fail (AISLE_IS_MEDUSA_STORE (self), NULL);
  return self->last_error;
}

static void
timed_refresh_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (object);

  self->refreshing = FALSE;
  aisle_store_refresh_finish (AISLE_STORE (self), result, NULL);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  AisleMedusaStore *self = user_data;

  if (!self->refreshing)
    {
      self->refreshing = TRUE;
      aisle_store_refresh_async (AISLE_STORE (self), NULL, timed_refresh_done, NULL);
    }
  return G_SOURCE_CONTINUE;
}

void
aisle_medusa_store_set_refresh_interval (AisleMedusaStore *self,
                                         guint             seconds)
{
  g_return_if_fail (AISLE_IS_MEDUSA_STORE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (seconds > 0)
    self->refresh_source = g_timeout_add_seconds (seconds, refresh_timeout, self);
}
