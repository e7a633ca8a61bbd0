/* test-medusa-store.c: Aisle's Medusa backend against a real Medusa v2 server
 *
 * Run by run-medusa.sh, which seeds the store (seed.ts) and passes its ids in
 * $AISLE_MEDUSA_SEED. The tests run in order and share one backend, as a
 * kiosk would: catalog, scanner codes, stock, orders, and an order placed
 * while Medusa is down. Orders are checked through Medusa's admin API.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-c/json.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-medusa-client.h"
#include "aisle-medusa-store.h"
#include "aisle-outbox.h"
#include "aisle-store-factory.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static struct
{
  char             *url;
  char             *tmp;
  json_object      *seed;
  AisleMedusaStore *store;
} t;

static const char *
seed_string (const char *section,
             const char *key)
{
  json_object *obj = t.seed, *value;

  if (section != NULL)
    g_assert_true (json_object_object_get_ex (obj, section, &obj));
  g_assert_true (json_object_object_get_ex (obj, key, &value));
  return json_object_get_string (value);
}

/* The kiosk's Medusa backend as the settings would make it. */
static AisleMedusaStore *
new_store (void)
{
  AisleStoreOverrides medusa = {
    .backend = "medusa", .base_url = t.url, .store_id = seed_string ("locations", "milano"),
    .medusa_publishable_key = seed_string (NULL, "publishable_key"), .medusa_region = seed_string (NULL, "region_id"),
    .order_timeout = 20, .no_refresh_timer = TRUE,
  };
  g_autoptr(GError) error = NULL;
  AisleStore *store = aisle_store_new_for_config (NULL, &medusa, t.tmp, &error);

  g_assert_no_error (error);
  g_assert_true (AISLE_IS_MEDUSA_STORE (store));
  return AISLE_MEDUSA_STORE (store);
}

static const char *
variant (const char *sku)
{
  return seed_string ("variants", sku);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static guint
product (const char *sku)
{
  AisleCatalog *catalog = aisle_store_get_catalog (AISLE_STORE (t.store));
  guint index = aisle_catalog_find_by_id (catalog, variant (sku));

  g_assert_cmpuint (index, !=, AISLE_CATALOG_NO_INDEX);
  return index;
}

/* What staff see on the Status page after a good refresh: when it was, no
 * error, and the date of the catalog (the newest updated_at Medusa sent). */
static void
assert_synced_now (AisleCatalog *catalog)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 last_sync = aisle_store_get_last_sync (AISLE_STORE (t.store));
  const char *made = aisle_catalog_get_generated_at (catalog);
  g_autoptr(GDateTime) date = NULL;

  g_assert_cmpint (last_sync, >, now - 60);
  g_assert_cmpint (last_sync, <=, now);
  g_assert_null (aisle_store_get_last_error (AISLE_STORE (t.store)));

  g_test_message ("catalog made %s", made);
  date = g_date_time_new_from_iso8601 (made, NULL);
  g_assert_nonnull (date);
  /* Seeded by run-medusa.sh before it started Medusa, seconds before this
   * fetch: Medusa's date, not the time of the fetch. */
  g_assert_cmpint (g_date_time_to_unix (date), >, now - 24 * 3600);
  g_assert_cmpint (g_date_time_to_unix (date), <, last_sync);
}

static void
test_catalog (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleMedusaStore) offline = NULL;
  g_autoptr(GAsyncResult) cached = NULL;
  AisleCatalog *catalog;
  AisleStoreInfo info;
  const char *currency;
  guint oslo, category;
  g_autofree char *image = NULL;

  aisle_store_refresh_async (AISLE_STORE (t.store), NULL, done_cb, &result);
  g_assert_true (aisle_store_refresh_finish (AISLE_STORE (t.store), wait_result (&result), &error));
  g_assert_no_error (error);

  catalog = aisle_store_get_catalog (AISLE_STORE (t.store));
  g_assert_nonnull (catalog);
  assert_synced_now (catalog);
  g_assert_cmpuint (aisle_catalog_get_n_products (catalog), ==, 5);
  g_assert_cmpuint (aisle_catalog_get_n_categories (catalog), ==, 4);
  g_assert_cmpstr (aisle_catalog_get_currency (catalog), ==, "EUR");

  oslo = product ("104.233.67");
  g_assert_cmpstr (aisle_catalog_product_name (catalog, oslo, AISLE_LANGUAGE_IT), ==, "Poltrona Oslo");
  g_assert_cmpstr (aisle_catalog_product_article (catalog, oslo), ==, "104.233.67");
  g_assert_cmpstr (aisle_catalog_product_gtin (catalog, oslo), ==, "4006381333931");
  g_assert_cmpint (aisle_catalog_product_price (catalog, oslo, &currency), ==, 12999);
  g_assert_cmpstr (currency, ==, "EUR");
  g_assert_cmpuint (aisle_catalog_product_n_packages (catalog, oslo), ==, 2);
  /* In "Sedute" and "Offerte": shown in the first by rank. */
  category = aisle_catalog_product_category (catalog, oslo);
  g_assert_cmpstr (aisle_catalog_category_name (catalog, category, AISLE_LANGUAGE_EN), ==, "Sedute");
  g_assert_cmpuint (aisle_catalog_product_n_images (catalog, oslo), >=, 1);
  image = aisle_store_resolve_image_url (AISLE_STORE (t.store), aisle_catalog_product_image (catalog, oslo, 0));
  g_assert_cmpstr (image, ==, "https://images.example.com/oslo-armchair.jpg");

  g_assert_cmpstr (aisle_catalog_product_name (catalog, product ("201.100.01"), AISLE_LANGUAGE_EN), ==,
                   "Sedia Linnea, Rovere");
  g_assert_cmpint (aisle_catalog_product_price (catalog, product ("405.010.20"), NULL), ==, 2495);
  g_assert_cmpstr (aisle_catalog_product_gtin (catalog, product ("405.010.20")), ==, "0012345678905");
  g_assert_cmpint (aisle_catalog_product_fulfillment (catalog, product ("302.550.10")), ==,
                   AISLE_FULFILLMENT_FULL_SERVE);

  /* The stores come from the region's store directory. */
  g_assert_cmpuint (aisle_catalog_get_n_stores (catalog), ==, 2);
  g_assert_true (aisle_catalog_store_info (catalog, aisle_catalog_find_store (catalog, seed_string ("locations", "torino")), &info));
  g_assert_cmpstr (info.name, ==, "Casa Nord Torino");
  g_assert_true (aisle_catalog_store_info (catalog, aisle_catalog_find_store (catalog, seed_string ("locations", "milano")), &info));
  g_assert_true (info.delivers);
  g_assert_cmpint (info.delivery_fee, ==, 3900);

  /* The next start of the kiosk, before any network: the copy on disk. */
  offline = new_store ();
  aisle_store_load_cached_async (AISLE_STORE (offline), NULL, done_cb, &cached);
  g_assert_true (aisle_store_load_cached_finish (AISLE_STORE (offline), wait_result (&cached), &error));
  g_assert_cmpuint (aisle_catalog_get_n_products (aisle_store_get_catalog (AISLE_STORE (offline))), ==, 5);
  g_assert_nonnull (aisle_store_get_stock (AISLE_STORE (offline)));
}

static void
test_refresh_unchanged (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AisleCatalog *before = aisle_store_get_catalog (AISLE_STORE (t.store));

  /* Same products: the catalog on screen stays, only stock is new. */
  aisle_store_refresh_async (AISLE_STORE (t.store), NULL, done_cb, &result);
  g_assert_true (aisle_store_refresh_finish (AISLE_STORE (t.store), wait_result (&result), &error));
  g_assert_true (aisle_store_get_catalog (AISLE_STORE (t.store)) == before);
  g_assert_nonnull (aisle_store_get_stock (AISLE_STORE (t.store)));
}

static void medusa_ctl (const char *command);

/* Medusa down: the refresh fails, staff see why, the kiosk keeps what it had. */
static void
test_refresh_failing (void)
{
  AisleStore *store = AISLE_STORE (t.store);
  AisleCatalog *before = aisle_store_get_catalog (store);
  AisleStock *stock = aisle_store_get_stock (store);
  gint64 last_sync = aisle_store_get_last_sync (store);
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (last_sync, >, 0);
  medusa_ctl ("stop");
  aisle_store_refresh_async (store, NULL, done_cb, &failed);
  g_assert_false (aisle_store_refresh_finish (store, wait_result (&failed), &error));
  g_assert_nonnull (error);
  g_test_message ("while Medusa is down: %s", error->message);
  g_assert_cmpstr (aisle_store_get_last_error (store), ==, error->message);
  g_assert_true (aisle_store_get_catalog (store) == before);
  g_assert_true (aisle_store_get_stock (store) == stock);
  g_assert_cmpint (aisle_store_get_last_sync (store), ==, last_sync);

  /* Back up: the error is gone, the update is new. */
  medusa_ctl ("start");
  aisle_store_refresh_async (store, NULL, done_cb, &result);
  g_assert_true (aisle_store_refresh_finish (store, wait_result (&result), NULL));
  g_assert_null (aisle_store_get_last_error (store));
  g_assert_cmpint (aisle_store_get_last_sync (store), >=, last_sync);
  g_assert_true (aisle_store_get_catalog (store) == before);
}

static char *
find_remote (const char *code,
             GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aisle_medusa_store_find_variant_async (t.store, code, NULL, done_cb, &result);
  return aisle_medusa_store_find_variant_finish (t.store, wait_result (&result), error);
}

static void
test_codes (void)
{
  AisleCatalog *catalog = aisle_store_get_catalog (AISLE_STORE (t.store));
  g_autoptr(GError) error = NULL;
  g_autofree char *by_ean = NULL;
  g_autofree char *by_sku = NULL;
  g_autofree char *by_barcode = NULL;
  g_autofree char *unknown = NULL;

  /* The scanner, on the catalog: EAN, barcode, SKU with or without dots. */
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "4006381333931"), ==, product ("104.233.67"));
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "8001234567901"), ==, product ("201.100.02"));
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "0012345678905"), ==, product ("405.010.20"));
  g_assert_cmpuint (aisle_catalog_find_by_code (catalog, "10423367"), ==, product ("104.233.67"));
  g_assert_cmpuint (aisle_catalog_find_by_article (catalog, "302.550.10"), ==, product ("302.550.10"));

  /* And asking Medusa. */
  by_ean = find_remote ("8001234567895", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_ean, ==, variant ("201.100.01"));
  by_sku = find_remote ("201.100.02", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_sku, ==, variant ("201.100.02"));
  by_barcode = find_remote ("0012345678905", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_barcode, ==, variant ("405.010.20"));
  unknown = find_remote ("201.100", &error);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NOT_FOUND);
  g_assert_null (unknown);
}

static void
assert_location (AisleStock *stock,
                 guint       index,
                 guint       nth,
                 guint       package,
                 const char *aisle,
                 const char *shelf)
{
  AisleStockLocation location;

  g_assert_true (aisle_stock_get_location (stock, index, nth, &location));
  g_assert_cmpuint (location.package, ==, package);
  g_assert_cmpstr (location.aisle, ==, aisle);
  g_assert_cmpstr (location.shelf, ==, shelf);
}

static void
test_stock (void)
{
  AisleStock *stock = aisle_store_get_stock (AISLE_STORE (t.store));
  g_autoptr(AisleStock) torino = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AisleStockInfo info;

  g_assert_cmpstr (aisle_stock_get_store_id (stock), ==, seed_string ("locations", "milano"));
  g_assert_true (aisle_stock_lookup (stock, product ("104.233.67"), &info));
  g_assert_cmpint (info.quantity, ==, 14);
  g_assert_cmpuint (info.n_locations, ==, 2);
  assert_location (stock, product ("104.233.67"), 0, 1, "12", "04");
  assert_location (stock, product ("104.233.67"), 1, 2, "31", "17");
  g_assert_true (aisle_stock_lookup (stock, product ("201.100.02"), &info));
  g_assert_cmpint (info.quantity, ==, 1);
  assert_location (stock, product ("201.100.02"), 0, 1, "7", "12");
  g_assert_true (aisle_stock_lookup (stock, product ("302.550.10"), &info));
  g_assert_cmpint (info.quantity, ==, 0);
  g_assert_cmpint (info.level, ==, AISLE_STOCK_LEVEL_OUT);

  /* Another store, for pickup there: bins instead of shelves. */
  aisle_store_fetch_store_stock_async (AISLE_STORE (t.store), seed_string ("locations", "torino"), NULL, done_cb, &result);
  torino = aisle_store_fetch_store_stock_finish (AISLE_STORE (t.store), wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (aisle_stock_lookup (torino, product ("104.233.67"), &info));
  g_assert_cmpint (info.quantity, ==, 3);
  assert_location (torino, product ("104.233.67"), 0, 1, "5", "B2");
  assert_location (torino, product ("104.233.67"), 1, 2, "5", "B3");
  g_assert_true (aisle_stock_lookup (torino, product ("201.100.01"), &info));
  g_assert_cmpint (info.quantity, ==, 0);
}

/* The order JSON the kiosk makes (docs/order-protocol.md). */
static char *
order_json (const char *id,
            const char *fulfillment,
            const char *sku,
            guint       quantity)
{
  return g_strdup_printf ("{\"format\":\"aisle-order\",\"format_version\":1,\"id\":\"%s\","
                          "\"created_at\":\"2026-11-20T10:15:00+01:00\",\"kiosk\":\"milano-3\","
                          "\"store\":\"%s\",\"language\":\"it\",\"fulfillment\":%s,"
                          "\"contact\":{\"name\":\"Maria Rossi\",\"email\":\"maria.rossi@example.com\","
                          "\"phone\":\"+39021234567\"},"
                          "\"lines\":[{\"product\":\"%s\",\"article\":\"%s\",\"name\":\"x\",\"quantity\":%u,"
                          "\"unit_price\":{\"amount\":100,\"currency\":\"EUR\"}}],"
                          "\"totals\":{\"items\":100,\"fees\":0,\"total\":100,\"currency\":\"EUR\"}}",
                          id, seed_string ("locations", "milano"), fulfillment, variant (sku), sku, quantity);
}

static char *
pickup_at (const char *city)
{
  return g_strdup_printf ("{\"type\":\"pickup\",\"store\":\"%s\",\"window\":{\"start\":\"2026-11-20T12:00:00+01:00\","
                          "\"end\":\"2026-11-20T14:00:00+01:00\"}}", seed_string ("locations", city));
}

static const char delivery[] =
  "{\"type\":\"delivery\",\"address\":{\"name\":\"Maria Rossi\",\"street\":\"Via Esempio 12\","
  "\"postcode\":\"20100\",\"city\":\"Milano\",\"country\":\"IT\"},"
  "\"window\":{\"start\":\"2026-11-24T08:00:00+01:00\",\"end\":\"2026-11-24T12:00:00+01:00\"},"
  "\"fee\":{\"amount\":3900,\"currency\":\"EUR\"}}";

static void
submit (const char        *id,
        const char        *json,
        AisleSubmitResult *result)
{
  memset (result, 0, sizeof *result);
  aisle_store_submit_order (AISLE_STORE (t.store), id, json, result);
}

static void
clear_result (AisleSubmitResult *result)
{
  g_free (result->order_number);
  g_free (result->pickup_code);
  g_free (result->message);
}

/* Medusa's orders made for kiosk order @id, through the admin API. */
static guint
count_orders (const char *id,
              char      **display_id)
{
  g_autoptr(AisleMedusaClient) client = aisle_medusa_client_new (t.url, "none", 30);
  g_autoptr(AisleHttpResponse) login = NULL;
  g_autoptr(json_object) token = NULL;
  g_autoptr(json_object) orders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}",
                                           g_getenv ("AISLE_MEDUSA_ADMIN_EMAIL"),
                                           g_getenv ("AISLE_MEDUSA_ADMIN_PASSWORD"));
  json_object *list, *value;
  guint n = 0;

  login = aisle_medusa_client_request (client, "POST", "/auth/user/emailpass", body, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (login->status, ==, 200);
  token = aisle_medusa_parse_body (login->body);
  g_assert_true (json_object_object_get_ex (token, "token", &value));
  aisle_medusa_client_set_bearer_token (client, json_object_get_string (value));

  orders = aisle_medusa_client_get_json (client, "/admin/orders?fields=id,display_id,metadata&limit=500", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_object_get_ex (orders, "orders", &list));
  for (gsize i = 0; i < json_object_array_length (list); i++)
    {
      json_object *order = json_object_array_get_idx (list, i), *metadata, *order_id;

      if (json_object_object_get_ex (order, "metadata", &metadata) &&
          json_object_object_get_ex (metadata, "aisle_order_id", &order_id) &&
          g_strcmp0 (json_object_get_string (order_id), id) == 0)
        {
          n++;
          if (display_id && json_object_object_get_ex (order, "display_id", &value))
            *display_id = g_strdup (json_object_get_string (value));
        }
    }
  return n;
}

static void
test_order_pickup (void)
{
  g_autofree char *fulfillment = pickup_at ("torino");
  g_autofree char *json = order_json ("11111111-0000-4000-8000-000000000001", fulfillment, "104.233.67", 2);
  g_autofree char *number = NULL;
  AisleSubmitResult first, again;

  submit ("11111111-0000-4000-8000-000000000001", json, &first);
  g_assert_cmpstr (first.message, ==, NULL);
  g_assert_cmpint (first.outcome, ==, AISLE_SUBMIT_ACCEPTED);
  g_assert_nonnull (first.order_number);

  /* The outbox missed the answer and sends it again: the same order. */
  submit ("11111111-0000-4000-8000-000000000001", json, &again);
  g_assert_cmpint (again.outcome, ==, AISLE_SUBMIT_ACCEPTED);
  g_assert_cmpstr (again.order_number, ==, first.order_number);

  g_assert_cmpuint (count_orders ("11111111-0000-4000-8000-000000000001", &number), ==, 1);
  g_assert_cmpstr (number, ==, first.order_number);
  clear_result (&first);
  clear_result (&again);
}

static void
test_order_delivery (void)
{
  g_autofree char *json = order_json ("11111111-0000-4000-8000-000000000002", delivery, "405.010.20", 3);
  AisleSubmitResult result;

  submit ("11111111-0000-4000-8000-000000000002", json, &result);
  g_assert_cmpstr (result.message, ==, NULL);
  g_assert_cmpint (result.outcome, ==, AISLE_SUBMIT_ACCEPTED);
  g_assert_cmpuint (count_orders ("11111111-0000-4000-8000-000000000002", NULL), ==, 1);
  clear_result (&result);
}

static void
test_order_crash_mid_flow (void)
{
  const char *id = "11111111-0000-4000-8000-000000000003";
  g_autofree char *fulfillment = pickup_at ("milano");
  g_autofree char *json = order_json (id, fulfillment, "201.100.01", 1);
  AisleSubmitResult result;

  /* As if the kiosk died after making the cart, then after paying. */
  aisle_medusa_store_set_stop_after (t.store, AISLE_MEDUSA_STEP_CART);
  submit (id, json, &result);
  g_assert_cmpint (result.outcome, ==, AISLE_SUBMIT_RETRY);
  clear_result (&result);
  aisle_medusa_store_set_stop_after (t.store, AISLE_MEDUSA_STEP_PAYMENT);
  submit (id, json, &result);
  g_assert_cmpint (result.outcome, ==, AISLE_SUBMIT_RETRY);
  clear_result (&result);
  g_assert_cmpuint (count_orders (id, NULL), ==, 0);

  aisle_medusa_store_set_stop_after (t.store, AISLE_MEDUSA_STEP_NONE);
  submit (id, json, &result);
  g_assert_cmpint (result.outcome, ==, AISLE_SUBMIT_ACCEPTED);
  g_assert_cmpuint (count_orders (id, NULL), ==, 1);
  clear_result (&result);
}

static void
test_order_out_of_stock (void)
{
  const char *id = "11111111-0000-4000-8000-000000000004";
  g_autofree char *fulfillment = pickup_at ("milano");
  /* Milano has one black Linnea; Torino six, so the cart itself is fine. */
  g_autofree char *json = order_json (id, fulfillment, "201.100.02", 5);
  AisleSubmitResult result;

  submit (id, json, &result);
  g_assert_cmpint (result.outcome, ==, AISLE_SUBMIT_REJECTED);
  g_assert_nonnull (result.message);
  g_test_message ("rejected: %s", result.message);
  g_assert_cmpuint (count_orders (id, NULL), ==, 0);
  clear_result (&result);
}

static void
medusa_ctl (const char *command)
{
  const char *argv[] = { g_getenv ("AISLE_MEDUSA_CTL"), "ctl", command, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static AisleOutboxEntry *
wait_entry (AisleOutbox *outbox,
            const char  *id,
            gboolean   (*done) (AisleOutboxEntry *),
            guint        timeout_s)
{
  gint64 end = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  for (;;)
    {
      AisleOutboxEntry *entry = aisle_outbox_lookup (outbox, id);

      if ((entry && done (entry)) || g_get_monotonic_time () > end)
        return entry;
      g_clear_pointer (&entry, aisle_outbox_entry_free);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
}

static gboolean
failed_once (AisleOutboxEntry *entry)
{
  return entry->attempts >= 1 && entry->state == AISLE_ORDER_PENDING;
}

static gboolean
accepted (AisleOutboxEntry *entry)
{
  return entry->state != AISLE_ORDER_PENDING;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_assert_true (aisle_outbox_save_finish (AISLE_OUTBOX (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static void
test_order_while_offline (void)
{
  const char *id = "11111111-0000-4000-8000-000000000005";
  g_autofree char *db = g_build_filename (t.tmp, "outbox.db", NULL);
  g_autofree char *fulfillment = pickup_at ("milano");
  g_autofree char *json = order_json (id, fulfillment, "104.233.67", 1);
  g_autoptr(AisleOutbox) outbox = NULL;
  g_autoptr(AisleOutboxEntry) waiting = NULL;
  g_autoptr(AisleOutboxEntry) entry = NULL;
  g_autofree char *number = NULL;
  gboolean saved = FALSE;

  medusa_ctl ("stop");
  outbox = aisle_outbox_new (db, aisle_store_outbox_submit, g_object_ref (t.store), g_object_unref, 500);
  aisle_outbox_save_async (outbox, id, json, NULL, saved_cb, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);

  waiting = wait_entry (outbox, id, failed_once, 60);
  g_assert_nonnull (waiting);
  g_assert_cmpint (waiting->state, ==, AISLE_ORDER_PENDING);
  g_test_message ("while Medusa is down: %s", waiting->last_error);

  medusa_ctl ("start");
  aisle_outbox_send_now (outbox);
  entry = wait_entry (outbox, id, accepted, 180);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_ACCEPTED);
  aisle_outbox_close (outbox);

  g_assert_cmpuint (count_orders (id, &number), ==, 1);
  g_assert_cmpstr (number, ==, entry->order_number);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *seed = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  t.url = g_strdup (g_getenv ("AISLE_MEDUSA_URL"));
  if (t.url == NULL || !g_file_get_contents (g_getenv ("AISLE_MEDUSA_SEED") ?: "", &seed, NULL, NULL))
    {
      g_test_skip ("Run through tests/medusa/run-medusa.sh");
      return 77;
    }
  /* Only ever the server run-medusa.sh started on this machine. */
  g_assert_true (g_str_has_prefix (t.url, "http://127.0.0.1:"));
  t.seed = json_tokener_parse (seed);
  g_assert_nonnull (t.seed);
  t.tmp = g_dir_make_tmp ("aisle-medusa-test-XXXXXX", &error);
  g_assert_no_error (error);
  t.store = new_store ();

  g_test_add_func ("/medusa/catalog", test_catalog);
  g_test_add_func ("/medusa/refresh-unchanged", test_refresh_unchanged);
  g_test_add_func ("/medusa/refresh-failing", test_refresh_failing);
  g_test_add_func ("/medusa/codes", test_codes);
  g_test_add_func ("/medusa/stock", test_stock);
  g_test_add_func ("/medusa/order/pickup", test_order_pickup);
  g_test_add_func ("/medusa/order/delivery", test_order_delivery);
  g_test_add_func ("/medusa/order/crash-mid-flow", test_order_crash_mid_flow);
  g_test_add_func ("/medusa/order/out-of-stock", test_order_out_of_stock);
  g_test_add_func ("/medusa/order/while-offline", test_order_while_offline);
  status = g_test_run ();

  g_clear_object (&t.store);
  json_object_put (t.seed);
  if (g_getenv ("AISLE_MEDUSA_KEEP") == NULL)
    {
      g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", t.tmp);
      if (system (rm) != 0)
        g_warning ("could not remove %s", t.tmp);
    }
  g_free (t.tmp);
  g_free (t.url);
  return status;
}
