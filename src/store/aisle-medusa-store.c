/* aisle-medusa-store.c: the Medusa v2 backend (Store API with a publishable key) */
#define G_LOG_DOMAIN "aisle-medusa"

#include "config.h"

#include <glib/gi18n.h>

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
  AisleStoreBackend  parent_instance;

  AisleMedusaClient *client;        /* immutable once orders are sent */
  char              *region_id;
  AisleMedusaStep    stop_after;
};

G_DEFINE_FINAL_TYPE (AisleMedusaStore, aisle_medusa_store, AISLE_TYPE_STORE_BACKEND)

static void
aisle_medusa_store_init (AisleMedusaStore *self)
{
}

/* All pages of a list: GET @path&limit=…&offset=…, items under @key. A
 * store that sends more than it was asked for, or more than
 * LIST_MAX_BYTES in all, is refused as a whole: the last good catalog stays. */
static json_object *
fetch_all (AisleMedusaClient  *client,
           const char         *path,
           const char         *key,
           GCancellable       *cancellable,
           GError            **error)
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
      if (!(answer = aisle_medusa_client_get_json_sized (client, url, MIN (PAGE_MAX_BYTES, budget), &size,
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
aisle_medusa_store_fetch_store_stock (AisleStoreBackend  *backend,
                                      AisleCatalog       *catalog,
                                      const char         *location_id,
                                      GCancellable       *cancellable,
                                      GError            **error)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (backend);
  g_autoptr(json_object) products = NULL;

  products = fetch_all (self->client, "/store/products?fields=" AISLE_MEDUSA_STOCK_FIELDS, "products",
                        cancellable, error);
  if (products == NULL)
    return NULL;
  return aisle_medusa_build_stock (catalog, products, location_id, g_get_real_time () / G_USEC_PER_SEC);
}

static GBytes *
aisle_medusa_store_fetch_catalog (AisleStoreBackend  *backend,
                                  AisleCatalog       *current,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (backend);
  g_autofree char *region_path = g_strdup_printf ("/store/regions/%s", self->region_id);
  g_autofree char *products_path = g_strdup_printf ("/store/products?region_id=%s&fields=%s",
                                                    self->region_id, AISLE_MEDUSA_PRODUCT_FIELDS);
  g_autoptr(json_object) region = NULL;
  g_autoptr(json_object) categories = NULL;
  g_autoptr(json_object) products = NULL;
  AisleCatalogMeta meta = { 0 };
  guint n_skipped = 0;
  GBytes *image;

  if (!(region = aisle_medusa_client_get_json (self->client, region_path, PAGE_MAX_BYTES, cancellable, error)) ||
      !(categories = fetch_all (self->client, "/store/product-categories?fields=" AISLE_MEDUSA_CATEGORY_FIELDS,
                                "product_categories", cancellable, error)) ||
      !(products = fetch_all (self->client, products_path, "products", cancellable, error)))
    return NULL;

  meta.source = aisle_medusa_client_get_base_url (self->client);
  meta.fetched_at = g_get_real_time () / G_USEC_PER_SEC;
  /* NULL without an error: unchanged. */
  image = aisle_medusa_build_catalog (json_object_object_get (region, "region"), categories, products, &meta,
                                      current ? aisle_catalog_get_etag (current) : NULL, &n_skipped, error);
  if (image != NULL)
    g_message ("Catalog from Medusa: %zu products, %u variants skipped",
               json_object_array_length (products), n_skipped);
  return image;
}

static void
aisle_medusa_store_submit_order (AisleStoreBackend *backend,
                                 const char        *id,
                                 const char        *json,
                                 AisleSubmitResult *result)
{
  AisleMedusaStore *self = AISLE_MEDUSA_STORE (backend);
  g_autofree char *carts_db = g_build_filename (aisle_store_backend_get_cache_dir (backend), "medusa-carts.db", NULL);
  /* The sender thread: only what never changes after start-up. */
  AisleMedusaOrderConfig config = { self->client, self->region_id, carts_db, self->stop_after };

  aisle_medusa_orders_submit (&config, id, json, result);
}

static void
find_variant_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AisleMedusaStore *self = source_object;
  const char *code = task_data;
  g_autofree char *escaped = g_uri_escape_string (code, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/store/product-variants?q=%s&limit=50&fields=id,sku,ean,upc,barcode", escaped);
  g_autoptr(json_object) answer = NULL;
  GError *error = NULL;
  const char *id;

  /* Medusa's q= matches parts of SKUs and codes: keep only an exact match. */
  if (!(answer = aisle_medusa_client_get_json (self->client, path, PAGE_MAX_BYTES, cancellable, &error)))
    g_task_return_error (task, error);
  else if (!(id = aisle_medusa_match_variant (json_object_object_get (answer, "variants"), code)))
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AISLE_IS_MEDUSA_STORE (self));
  g_return_if_fail (code != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_medusa_store_find_variant_async);
  g_task_set_task_data (task, g_strdup (code), g_free);
  g_task_run_in_thread (task, find_variant_worker);
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
aisle_medusa_store_finalize (GObject *object)
{
  AisleMedusaStore *self = (AisleMedusaStore *) object;

  g_clear_pointer (&self->client, aisle_medusa_client_unref);
  g_free (self->region_id);

  G_OBJECT_CLASS (aisle_medusa_store_parent_class)->finalize (object);
}

static void
aisle_medusa_store_class_init (AisleMedusaStoreClass *klass)
{
  AisleStoreBackendClass *backend_class = AISLE_STORE_BACKEND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = aisle_medusa_store_finalize;
  /* The kiosk's own stock is fetch_store_stock at its location. */
  backend_class->fetch_catalog = aisle_medusa_store_fetch_catalog;
  backend_class->fetch_store_stock = aisle_medusa_store_fetch_store_stock;
  backend_class->submit_order = aisle_medusa_store_submit_order;
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
  g_autoptr(AisleMedusaClient) client = NULL;
  g_autofree char *key = NULL;
  g_autofree char *cache_dir = NULL;
  AisleMedusaStore *self;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (publishable_key != NULL, NULL);
  g_return_val_if_fail (region_id != NULL, NULL);
  g_return_val_if_fail (location_id != NULL, NULL);
  g_return_val_if_fail (cache_root != NULL, NULL);

  aisle_http_global_init ();

  client = aisle_medusa_client_new (base_url, publishable_key, AISLE_MEDUSA_STORE_TIMEOUT_S);
  /* Separate copies per server, key and region: switching never mixes them. */
  key = g_strdup_printf ("medusa\n%s\n%s\n%s", aisle_medusa_client_get_base_url (client),
                         publishable_key, region_id);
  cache_dir = aisle_store_backend_build_cache_dir (cache_root, G_CHECKSUM_SHA256, key);

  /* Medusa's local file provider gives image paths below the server. */
  self = g_object_new (AISLE_TYPE_MEDUSA_STORE, "base-url", aisle_medusa_client_get_base_url (client),
                       "store-id", location_id, "cache-dir", cache_dir, NULL);
  self->client = g_steal_pointer (&client);
  self->region_id = g_uri_escape_string (region_id, NULL, FALSE);
  return self;
}

void
aisle_medusa_store_set_timeout (AisleMedusaStore *self,
                                guint             seconds)
{
  g_return_if_fail (AISLE_IS_MEDUSA_STORE (self));
  aisle_medusa_client_set_timeout (self->client, seconds ? seconds : AISLE_MEDUSA_STORE_TIMEOUT_S);
}

void
aisle_medusa_store_set_stop_after (AisleMedusaStore *self,
                                   AisleMedusaStep   step)
{
  g_return_if_fail (AISLE_IS_MEDUSA_STORE (self));
  self->stop_after = step;
}
