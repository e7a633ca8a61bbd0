/* aisle-medusa-orders.c: an order of the kiosk as a Medusa v2 cart, completed */
#define G_LOG_DOMAIN "aisle-medusa"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-json-build.h"
#include "aisle-medusa-orders.h"

#define ANSWER_MAX_BYTES (4 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

/* One submission: what each step needs and how it ended. */
typedef struct
{
  const AisleMedusaOrderConfig *config;
  const char                   *id;
  json_object                  *order;
  char                         *cart_id;
  AisleSubmitResult            *result;
} Flow;

static json_object *
member (json_object *obj,
        const char  *key)
{
  json_object *value = NULL;

  if (obj == NULL || !json_object_is_type (obj, json_type_object) ||
      !json_object_object_get_ex (obj, key, &value) || json_object_is_type (value, json_type_null))
    return NULL;
  return value;
}

static const char *
string_member (json_object *obj,
               const char  *key)
{
  json_object *value = member (obj, key);

  return value && json_object_is_type (value, json_type_string) ? json_object_get_string (value) : NULL;
}

/* The carts table */

static sqlite3 *
open_carts (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                        "CREATE TABLE IF NOT EXISTS carts (order_id TEXT PRIMARY KEY, cart_id TEXT NOT NULL,"
                        " created_at INTEGER NOT NULL)", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_warning ("Cannot open the Medusa carts table %s: %s", path, db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

char *
aisle_medusa_orders_lookup_cart (const char *carts_db,
                                 const char *id)
{
  sqlite3 *db = open_carts (carts_db);
  sqlite3_stmt *stmt = NULL;
  char *cart_id = NULL;

  if (db == NULL)
    return NULL;
  if (sqlite3_prepare_v2 (db, "SELECT cart_id FROM carts WHERE order_id = ?", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    cart_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return cart_id;
}

/* @cart_id NULL forgets the order's cart. */
static gboolean
remember_cart (const char *carts_db,
               const char *id,
               const char *cart_id)
{
  sqlite3 *db = open_carts (carts_db);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (db == NULL)
    return FALSE;
  ok = sqlite3_prepare_v2 (db, cart_id ? "INSERT OR REPLACE INTO carts VALUES (?, ?, ?)"
                                       : "DELETE FROM carts WHERE order_id = ?", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
       (cart_id == NULL || (sqlite3_bind_text (stmt, 2, cart_id, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
                            sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC) == SQLITE_OK)) &&
       sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    g_warning ("Cannot write the Medusa carts table: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* Answers */

static gboolean
retry (Flow       *flow,
       const char *message)
{
  flow->result->outcome = AISLE_SUBMIT_RETRY;
  flow->result->message = g_strdup (message);
  return FALSE;
}

static gboolean
reject (Flow       *flow,
        const char *message)
{
  flow->result->outcome = AISLE_SUBMIT_REJECTED;
  flow->result->message = g_strdup (message);
  return FALSE;
}

static gboolean
about_stock (const char *message)
{
  g_autofree char *lower = message ? g_ascii_strdown (message, -1) : NULL;

  return lower && (strstr (lower, "inventory") || strstr (lower, "stock") || strstr (lower, "quantity"));
}

/* Maps a non-2xx answer of any step: what may get better is retried. */
static gboolean
refused (Flow              *flow,
         const char        *what,
         AisleHttpResponse *response)
{
  g_autoptr(json_object) answer = aisle_medusa_parse_body (response->body);
  const char *message = string_member (answer, "message");
  guint status = response->status;
  g_autofree char *text = NULL;

  /* Medusa's own words go to the log only: they are English and technical. */
  g_message ("Order %s, %s: %u %s", flow->id, what, status, message ? message : "");

  if (status == 401 || status == 403)
    return retry (flow, _("The kiosk is not allowed to send orders: please check its publishable API key"));
  if (status < 400 || status == 408 || status == 409 || status == 425 || status == 429 || status >= 500)
    {
      /* Translators: %u is an HTTP status code. */
      text = g_strdup_printf (_("The store could not take the order yet (error %u)"), status);
      return retry (flow, text);
    }
  if (about_stock (message))
    return reject (flow, _("Some articles are no longer available in the quantity ordered."));
  /* Translators: %u is an HTTP status code. */
  text = g_strdup_printf (_("The store did not accept the order (error %u)"), status);
  return reject (flow, text);
}

/* One request of the flow; NULL (with the result set) unless it gave 2xx JSON. */
static json_object *
call (Flow       *flow,
      const char *what,
      const char *method,
      const char *path,
      json_object *body)
{
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  json_object *answer;

  response = aisle_medusa_client_request (flow->config->client, method, path,
                                          body ? json_object_to_json_string_ext (body, JSON_C_TO_STRING_PLAIN) : NULL,
                                          ANSWER_MAX_BYTES, NULL, &error);
  if (response == NULL)
    {
      retry (flow, error->message);
      return NULL;
    }
  if (response->status < 200 || response->status >= 300)
    {
      refused (flow, what, response);
      return NULL;
    }
  if ((answer = aisle_medusa_parse_body (response->body)) == NULL)
    retry (flow, _("The store’s answer could not be read"));
  return answer;
}

/* The order document */

static const char *
fulfillment_type (Flow *flow)
{
  return string_member (member (flow->order, "fulfillment"), "type");
}

static void
split_name (const char  *name,
            json_object *address)
{
  const char *space = name ? strchr (name, ' ') : NULL;
  g_autofree char *first = space ? g_strndup (name, space - name) : g_strdup (name ? name : "");

  json_object_object_add (address, "first_name", json_object_new_string (first));
  json_object_object_add (address, "last_name", json_object_new_string (space ? space + 1 : ""));
}

/* Delivery: the shopper's address; pickup: the shopper's name and, until the
 * pickup option is chosen, only the country Medusa needs to offer options. */
static json_object *
shipping_address (Flow        *flow,
                  json_object *location_address)
{
  json_object *fulfillment = member (flow->order, "fulfillment");
  json_object *contact = member (flow->order, "contact");
  json_object *given = member (fulfillment, "address");
  json_object *address = json_object_new_object ();
  g_autofree char *country = NULL;

  if (g_strcmp0 (fulfillment_type (flow), "delivery") == 0)
    {
      split_name (string_member (given, "name") ?: string_member (contact, "name"), address);
      aisle_json_add_string (address, "address_1", string_member (given, "street"));
      aisle_json_add_string (address, "postal_code", string_member (given, "postcode"));
      aisle_json_add_string (address, "city", string_member (given, "city"));
      country = g_ascii_strdown (string_member (given, "country") ?: "", -1);
    }
  else
    {
      split_name (string_member (contact, "name"), address);
      aisle_json_add_string (address, "address_1", string_member (location_address, "address_1"));
      aisle_json_add_string (address, "postal_code", string_member (location_address, "postal_code"));
      aisle_json_add_string (address, "city", string_member (location_address, "city"));
      country = g_ascii_strdown (string_member (location_address, "country_code") ?: "", -1);
    }
  aisle_json_add_string (address, "phone", string_member (contact, "phone"));
  if (country[0] != '\0')
    aisle_json_add_string (address, "country_code", country);
  return address;
}

static json_object *
cart_metadata (Flow *flow)
{
  json_object *metadata = json_object_new_object ();
  json_object *fulfillment = member (flow->order, "fulfillment");
  json_object *window = member (fulfillment, "window");

  aisle_json_add_string (metadata, "aisle_order_id", flow->id);
  aisle_json_add_string (metadata, "aisle_kiosk", string_member (flow->order, "kiosk"));
  aisle_json_add_string (metadata, "aisle_fulfillment", fulfillment_type (flow));
  aisle_json_add_string (metadata, "aisle_pickup_store", string_member (fulfillment, "store"));
  aisle_json_add_string (metadata, "aisle_window_start", string_member (window, "start"));
  aisle_json_add_string (metadata, "aisle_window_end", string_member (window, "end"));
  return metadata;
}

static gboolean
read_order (Flow       *flow,
            const char *json)
{
  json_object *lines;
  const char *type;

  flow->order = json_tokener_parse (json);
  lines = member (flow->order, "lines");
  type = fulfillment_type (flow);
  if (g_strcmp0 (string_member (flow->order, "format"), "aisle-order") != 0 ||
      lines == NULL || !json_object_is_type (lines, json_type_array) || json_object_array_length (lines) == 0 ||
      !(g_strcmp0 (type, "pickup") == 0 || g_strcmp0 (type, "delivery") == 0))
    return reject (flow, _("The order could not be read"));
  return TRUE;
}

/* The steps */

static gboolean
create_cart (Flow *flow)
{
  g_autoptr(json_object) body = json_object_new_object ();
  g_autoptr(json_object) answer = NULL;
  json_object *items = json_object_new_array ();
  json_object *lines = member (flow->order, "lines");
  const char *cart_id;

  for (gsize i = 0; i < json_object_array_length (lines); i++)
    {
      json_object *line = json_object_array_get_idx (lines, i);
      json_object *item = json_object_new_object ();
      json_object *quantity = member (line, "quantity");

      aisle_json_add_string (item, "variant_id", string_member (line, "product"));
      json_object_object_add (item, "quantity", json_object_new_int64 (quantity ? json_object_get_int64 (quantity) : 0));
      json_object_array_add (items, item);
    }
  aisle_json_add_string (body, "region_id", flow->config->region_id);
  aisle_json_add_string (body, "email", string_member (member (flow->order, "contact"), "email"));
  json_object_object_add (body, "items", items);
  json_object_object_add (body, "metadata", cart_metadata (flow));

  if (!(answer = call (flow, "create cart", "POST", "/store/carts", body)))
    return FALSE;
  if (!(cart_id = string_member (member (answer, "cart"), "id")))
    return retry (flow, _("The store’s answer could not be read"));

  /* Remembered before anything else: a repeat continues this cart. */
  flow->cart_id = g_strdup (cart_id);
  if (!remember_cart (flow->config->carts_db, flow->id, cart_id))
    return retry (flow, _("The kiosk could not note the order’s cart"));
  return TRUE;
}

/* The cart remembered for this order: NULL when there is none or Medusa
 * no longer has it; whether it was already completed in @completed. */
static gboolean
resume_cart (Flow     *flow,
             gboolean *completed)
{
  g_autofree char *path = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(json_object) answer = NULL;
  g_autoptr(GError) error = NULL;

  *completed = FALSE;
  if (!(flow->cart_id = aisle_medusa_orders_lookup_cart (flow->config->carts_db, flow->id)))
    return TRUE;

  path = g_strdup_printf ("/store/carts/%s?fields=id,completed_at", flow->cart_id);
  response = aisle_medusa_client_request (flow->config->client, "GET", path, NULL, ANSWER_MAX_BYTES, NULL, &error);
  if (response == NULL)
    return retry (flow, error->message);
  if (response->status == 404)
    {
      g_message ("Order %s: cart %s is gone, making a new one", flow->id, flow->cart_id);
      g_clear_pointer (&flow->cart_id, g_free);
      return TRUE;
    }
  if (response->status != 200 || !(answer = aisle_medusa_parse_body (response->body)))
    return refused (flow, "read cart", response);

  *completed = string_member (member (answer, "cart"), "completed_at") != NULL;
  return TRUE;
}

/* Before a pickup store is chosen, Medusa needs a country to offer options:
 * the region's first. */
static gboolean
region_country (Flow         *flow,
                json_object **address)
{
  g_autofree char *path = g_strdup_printf ("/store/regions/%s", flow->config->region_id);
  g_autoptr(json_object) answer = NULL;
  json_object *countries;
  const char *code = NULL;

  if (!(answer = call (flow, "region", "GET", path, NULL)))
    return FALSE;
  countries = member (member (answer, "region"), "countries");
  if (countries && json_object_is_type (countries, json_type_array) && json_object_array_length (countries) > 0)
    code = string_member (json_object_array_get_idx (countries, 0), "iso_2");
  *address = json_object_new_object ();
  aisle_json_add_string (*address, "country_code", code);
  return TRUE;
}

static gboolean
update_cart (Flow        *flow,
             json_object *location_address)
{
  g_autofree char *path = g_strdup_printf ("/store/carts/%s", flow->cart_id);
  g_autoptr(json_object) body = json_object_new_object ();
  g_autoptr(json_object) answer = NULL;
  g_autoptr(json_object) country_only = NULL;

  if (location_address == NULL && g_strcmp0 (fulfillment_type (flow), "pickup") == 0)
    {
      if (!region_country (flow, &country_only))
        return FALSE;
      location_address = country_only;
    }
  aisle_json_add_string (body, "email", string_member (member (flow->order, "contact"), "email"));
  json_object_object_add (body, "shipping_address", shipping_address (flow, location_address));
  return (answer = call (flow, "set address", "POST", path, body)) != NULL;
}

/* A pickup option at the chosen store, or a delivery option; prefers one
 * Medusa does not mark as short of stock. Returns a new reference. */
static json_object *
choose_option (Flow        *flow,
               json_object *options)
{
  gboolean pickup = g_strcmp0 (fulfillment_type (flow), "pickup") == 0;
  const char *store = string_member (member (flow->order, "fulfillment"), "store");
  json_object *best = NULL;

  for (gsize i = 0; options && i < json_object_array_length (options); i++)
    {
      json_object *option = json_object_array_get_idx (options, i);
      json_object *set = member (member (option, "service_zone"), "fulfillment_set");
      gboolean is_pickup = g_strcmp0 (string_member (set, "type"), "pickup") == 0;
      json_object *short_of_stock = member (option, "insufficient_inventory");

      if (is_pickup != pickup ||
          (pickup && g_strcmp0 (string_member (member (set, "location"), "id"), store) != 0))
        continue;
      if (best == NULL || (short_of_stock == NULL || !json_object_get_boolean (short_of_stock)))
        best = option;
    }
  return best ? json_object_get (best) : NULL;
}

static gboolean
set_shipping (Flow *flow)
{
  g_autofree char *list_path = g_strdup_printf ("/store/shipping-options?cart_id=%s", flow->cart_id);
  g_autofree char *path = g_strdup_printf ("/store/carts/%s/shipping-methods", flow->cart_id);
  g_autoptr(json_object) options = NULL;
  g_autoptr(json_object) option = NULL;
  g_autoptr(json_object) body = json_object_new_object ();
  g_autoptr(json_object) answer = NULL;
  json_object *short_of_stock, *location;
  gboolean pickup = g_strcmp0 (fulfillment_type (flow), "pickup") == 0;

  if (!(options = call (flow, "shipping options", "GET", list_path, NULL)))
    return FALSE;
  if (!(option = choose_option (flow, member (options, "shipping_options"))))
    return reject (flow, pickup ? _("Pickup is not offered at this store for these articles.")
                                : _("Home delivery is not offered for these articles."));
  short_of_stock = member (option, "insufficient_inventory");
  if (short_of_stock != NULL && json_object_get_boolean (short_of_stock))
    return reject (flow, _("Some articles are no longer available in the quantity ordered."));

  /* A pickup order's address is the store's, as Medusa's storefront does it. */
  location = member (member (member (option, "service_zone"), "fulfillment_set"), "location");
  if (pickup && member (location, "address") && !update_cart (flow, member (location, "address")))
    return FALSE;

  aisle_json_add_string (body, "option_id", string_member (option, "id"));
  return (answer = call (flow, "shipping method", "POST", path, body)) != NULL;
}

/* The shopper pays at the till or on delivery: Medusa's system provider. */
static gboolean
set_payment (Flow *flow)
{
  g_autoptr(json_object) body = json_object_new_object ();
  g_autoptr(json_object) session = json_object_new_object ();
  g_autoptr(json_object) collection = NULL;
  g_autoptr(json_object) answer = NULL;
  g_autofree char *path = NULL;
  json_object *sessions;
  const char *collection_id;

  aisle_json_add_string (body, "cart_id", flow->cart_id);
  /* Medusa answers with the cart's existing collection on a repeat. */
  if (!(collection = call (flow, "payment collection", "POST", "/store/payment-collections", body)))
    return FALSE;
  if (!(collection_id = string_member (member (collection, "payment_collection"), "id")))
    return retry (flow, _("The store’s answer could not be read"));

  sessions = member (member (collection, "payment_collection"), "payment_sessions");
  for (gsize i = 0; sessions && i < json_object_array_length (sessions); i++)
    if (g_strcmp0 (string_member (json_object_array_get_idx (sessions, i), "provider_id"), "pp_system_default") == 0)
      return TRUE;

  path = g_strdup_printf ("/store/payment-collections/%s/payment-sessions", collection_id);
  aisle_json_add_string (session, "provider_id", "pp_system_default");
  return (answer = call (flow, "payment session", "POST", path, session)) != NULL;
}

/* Completing a completed cart gives back its order: safe to repeat. */
static gboolean
complete (Flow *flow)
{
  g_autofree char *path = g_strdup_printf ("/store/carts/%s/complete", flow->cart_id);
  g_autoptr(json_object) answer = NULL;
  json_object *order, *display_id;
  const char *message;

  if (!(answer = call (flow, "complete", "POST", path, NULL)))
    return FALSE;

  order = member (answer, "order");
  display_id = member (order, "display_id");
  if (g_strcmp0 (string_member (answer, "type"), "order") != 0 || display_id == NULL)
    {
      message = string_member (member (answer, "error"), "message");
      g_message ("Order %s: cart %s not completed: %s", flow->id, flow->cart_id, message ? message : "");
      return reject (flow, about_stock (message) ? _("Some articles are no longer available in the quantity ordered.")
                                                 : _("The store did not accept the order"));
    }

  flow->result->outcome = AISLE_SUBMIT_ACCEPTED;
  flow->result->order_number = g_strdup (json_object_get_string (display_id));
  g_message ("Order %s is Medusa order #%s (%s)", flow->id, flow->result->order_number,
             string_member (order, "id") ?: "");
  return TRUE;
}

static gboolean
stop_here (Flow            *flow,
           AisleMedusaStep  step)
{
  if (flow->config->stop_after != step)
    return FALSE;
  retry (flow, "Stopped on purpose (test)");
  return TRUE;
}

void
aisle_medusa_orders_submit (const AisleMedusaOrderConfig *config,
                            const char                   *id,
                            const char                   *json,
                            AisleSubmitResult            *result)
{
  Flow flow = { config, id, NULL, NULL, result };
  gboolean completed = FALSE;

  g_return_if_fail (config != NULL && config->client != NULL && config->carts_db != NULL);
  g_return_if_fail (id != NULL && json != NULL && result != NULL);

  if (read_order (&flow, json) &&
      resume_cart (&flow, &completed) &&
      (completed ||
       ((flow.cart_id != NULL || create_cart (&flow)) &&
        !stop_here (&flow, AISLE_MEDUSA_STEP_CART) &&
        update_cart (&flow, NULL) &&
        set_shipping (&flow) &&
        set_payment (&flow) &&
        !stop_here (&flow, AISLE_MEDUSA_STEP_PAYMENT))))
    complete (&flow);

  g_free (flow.cart_id);
  g_clear_pointer (&flow.order, json_object_put);
}
