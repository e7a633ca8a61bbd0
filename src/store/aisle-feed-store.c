/* aisle-feed-store.c: the store-feed backend (static JSON documents under a base URL) */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-feed-coupons.h"
#include "aisle-feed-online.h"
#include "aisle-feed-orders.h"
#include "aisle-feed-parser.h"
#include "aisle-feed-store.h"
#include "aisle-http.h"

#define CATALOG_MAX_BYTES (256u * 1024 * 1024)
#define STOCK_MAX_BYTES   (64u * 1024 * 1024)
#define ONLINE_TIMEOUT_S  15

struct _AisleFeedStore
{
  AisleStoreBackend  parent_instance;

  char              *access_token;    /* set once, before orders are sent */
  guint              order_timeout_s;
};

G_DEFINE_FINAL_TYPE (AisleFeedStore, aisle_feed_store, AISLE_TYPE_STORE_BACKEND)

static GBytes *
aisle_feed_store_fetch_catalog (AisleStoreBackend  *backend,
                                AisleCatalog       *current,
                                GCancellable       *cancellable,
                                GError            **error)
{
  AisleHttpLimits limits = { .max_bytes = CATALOG_MAX_BYTES };
  g_autofree char *url = g_strconcat (aisle_store_backend_get_base_url (backend), "/catalog.json", NULL);
  g_autoptr(AisleHttpResponse) response = NULL;
  g_auto(AisleFeedReport) report = { 0 };
  AisleCatalogMeta meta = { 0 };
  const char *etag = current ? aisle_catalog_get_etag (current) : NULL;
  GBytes *image;

  if (!(response = aisle_http_fetch (url, etag && *etag ? etag : NULL, &limits, cancellable, error)))
    return NULL;
  if (response->status == 304)
    return NULL;

  meta.etag = response->etag;
  meta.source = url;
  meta.fetched_at = g_get_real_time () / G_USEC_PER_SEC;
  image = aisle_feed_parse_catalog (response->body, &meta, &report, error);
  if (image != NULL)
    g_message ("Catalog: %u products, %u items skipped", report.n_products, report.n_skipped);
  return image;
}

/* The saved stock document, parsed again for a new catalog. */
static AisleStock *
aisle_feed_store_load_saved_stock (AisleStoreBackend  *backend,
                                   AisleCatalog       *catalog,
                                   GError            **error)
{
  g_autofree char *path = aisle_store_backend_get_stock_cache_path (backend, "json");
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!(mapped = g_mapped_file_new (path, FALSE, error)))
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  return aisle_feed_parse_stock (catalog, bytes, NULL, error);
}

static AisleStock *
aisle_feed_store_fetch_stock (AisleStoreBackend  *backend,
                              AisleCatalog       *catalog,
                              GCancellable       *cancellable,
                              GError            **error)
{
  AisleHttpLimits limits = { .max_bytes = STOCK_MAX_BYTES };
  g_autofree char *url = g_strdup_printf ("%s/stock/%s.json", aisle_store_backend_get_base_url (backend),
                                          aisle_store_backend_get_store_id (backend));
  g_autofree char *json_path = aisle_store_backend_get_stock_cache_path (backend, "json");
  g_autofree char *etag_path = aisle_store_backend_get_stock_cache_path (backend, "etag");
  g_autofree char *etag = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(AisleFeedReport) report = { 0 };
  AisleStock *stock;

  /* Without the document on disk an ETag would only buy a 304 we cannot use. */
  if (g_file_test (json_path, G_FILE_TEST_EXISTS))
    g_file_get_contents (etag_path, &etag, NULL, NULL);

  if (!(response = aisle_http_fetch (url, etag, &limits, cancellable, error)) ||
      response->status == 304 ||
      !(stock = aisle_feed_parse_stock (catalog, response->body, &report, error)))
    return NULL;

  if (!g_file_set_contents (json_path, g_bytes_get_data (response->body, NULL),
                            g_bytes_get_size (response->body), &local_error) ||
      !g_file_set_contents (etag_path, response->etag ? response->etag : "", -1, &local_error))
    g_warning ("Could not save the stock for offline use: %s", local_error->message);
  return stock;
}

static AisleStock *
aisle_feed_store_fetch_store_stock (AisleStoreBackend  *backend,
                                    AisleCatalog       *catalog,
                                    const char         *store_id,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  AisleHttpLimits limits = { .max_bytes = STOCK_MAX_BYTES };
  g_autofree char *safe = g_strdup (store_id);
  g_autofree char *url = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  /* Store ids come from the feed: nothing in them may climb out of stock/. */
  g_strcanon (safe, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  url = g_strdup_printf ("%s/stock/%s.json", aisle_store_backend_get_base_url (backend), safe);
  if (!(response = aisle_http_fetch (url, NULL, &limits, cancellable, error)))
    return NULL;
  return aisle_feed_parse_stock (catalog, response->body, NULL, error);
}

static void
aisle_feed_store_submit_order (AisleStoreBackend *backend,
                               const char        *id,
                               const char        *json,
                               AisleSubmitResult *result)
{
  AisleFeedStore *self = AISLE_FEED_STORE (backend);

  /* The sender thread: base URL and token never change after start-up. */
  aisle_feed_orders_submit (aisle_store_backend_get_base_url (backend), self->access_token, self->order_timeout_s,
                            NULL, id, json, result);
}

static AisleFeedOnlineTarget
online_target (AisleStoreBackend *backend,
               const char        *language)
{
  AisleFeedOnlineTarget target = {
    .base_url = aisle_store_backend_get_base_url (backend),
    .access_token = AISLE_FEED_STORE (backend)->access_token,
    .store_id = aisle_store_backend_get_store_id (backend),
    .language = language,
    /* A shopper waits at the screen: never long. */
    .timeout_s = MIN (ONLINE_TIMEOUT_S, AISLE_FEED_STORE (backend)->order_timeout_s ?: ONLINE_TIMEOUT_S),
  };

  return target;
}

static AisleOnlineOrder *
aisle_feed_store_lookup_order (AisleStoreBackend  *backend,
                               const char         *number,
                               const char         *contact,
                               const char         *language,
                               GCancellable       *cancellable,
                               GError            **error)
{
  AisleFeedOnlineTarget target = online_target (backend, language);

  return aisle_feed_online_lookup (&target, number, contact, cancellable, error);
}

static AisleCheckIn *
aisle_feed_store_check_in (AisleStoreBackend  *backend,
                           const char         *order_id,
                           const char         *language,
                           GCancellable       *cancellable,
                           GError            **error)
{
  AisleFeedOnlineTarget target = online_target (backend, language);

  return aisle_feed_online_check_in (&target, order_id, cancellable, error);
}

static AisleReturn *
aisle_feed_store_return_lines (AisleStoreBackend        *backend,
                               const AisleReturnRequest *request,
                               const char               *language,
                               GCancellable             *cancellable,
                               GError                  **error)
{
  AisleFeedOnlineTarget target = online_target (backend, language);

  return aisle_feed_online_return (&target, request, cancellable, error);
}

static AisleCoupon *
aisle_feed_store_validate_coupon (AisleStoreBackend  *backend,
                                  const char         *request,
                                  const char         *language,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  AisleFeedOnlineTarget target = online_target (backend, language);

  return aisle_feed_coupons_validate (&target, request, cancellable, error);
}

static void
aisle_feed_store_finalize (GObject *object)
{
  AisleFeedStore *self = (AisleFeedStore *)object;

  if (self->access_token)
    memset (self->access_token, 0, strlen (self->access_token));
  g_free (self->access_token);

  G_OBJECT_CLASS (aisle_feed_store_parent_class)->finalize (object);
}

static void
aisle_feed_store_class_init (AisleFeedStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AisleStoreBackendClass *backend_class = AISLE_STORE_BACKEND_CLASS (klass);

  object_class->finalize = aisle_feed_store_finalize;

  backend_class->fetch_catalog = aisle_feed_store_fetch_catalog;
  backend_class->fetch_stock = aisle_feed_store_fetch_stock;
  backend_class->load_saved_stock = aisle_feed_store_load_saved_stock;
  backend_class->fetch_store_stock = aisle_feed_store_fetch_store_stock;
  backend_class->submit_order = aisle_feed_store_submit_order;
  backend_class->lookup_order = aisle_feed_store_lookup_order;
  backend_class->check_in = aisle_feed_store_check_in;
  backend_class->return_lines = aisle_feed_store_return_lines;
  backend_class->validate_coupon = aisle_feed_store_validate_coupon;
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
  g_autofree char *url = NULL;
  g_autofree char *cache_dir = NULL;
  gsize len;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (store_id != NULL, NULL);
  g_return_val_if_fail (cache_root != NULL, NULL);

  aisle_http_global_init ();

  len = strlen (base_url);
  while (len > 0 && base_url[len - 1] == '/')
    len--;
  url = g_strndup (base_url, len);
  cache_dir = aisle_store_backend_build_cache_dir (cache_root, G_CHECKSUM_SHA1, url);

  return g_object_new (AISLE_TYPE_FEED_STORE, "base-url", url, "store-id", store_id, "cache-dir", cache_dir, NULL);
}

void
aisle_feed_store_set_access_token (AisleFeedStore *self,
                                   const char     *token)
{
  g_return_if_fail (AISLE_IS_FEED_STORE (self));

  g_free (self->access_token);
  self->access_token = token && *token ? g_strdup (token) : NULL;
}

void
aisle_feed_store_set_order_timeout (AisleFeedStore *self,
                                    guint           seconds)
{
  g_return_if_fail (AISLE_IS_FEED_STORE (self));
  self->order_timeout_s = seconds;
}
