/* aisle-services.c: what the kiosk runs on: settings, store backend, outbox, print queue */
#define G_LOG_DOMAIN "aisle-services"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>

#include "aisle-config-lookup.h"
#include "aisle-cups-printer.h"
#include "aisle-escpos-printer.h"
#include "aisle-pdf-printer.h"
#include "aisle-services.h"
#include "aisle-store-backend.h"
#include "aisle-store-factory.h"

/* What the outbox's sender thread hands orders to: the current backend,
 * which staff may replace at any time. */
typedef struct
{
  GMutex      lock;
  AisleStore *store;
} StoreSlot;

struct _AisleServices
{
  GObject             parent_instance;

  AisleConfig        *config;       /* NULL without an installed schema */
  AisleStore         *store;
  char               *active_store_id;
  AisleOutbox        *outbox;
  StoreSlot          *store_slot;   /* shared with the outbox's sender thread */
  AislePrintQueue    *print_queue;
  AisleTryLimit      *lookup_limit;
  AisleTryLimit      *coupon_limit;
  AisleDeskLog       *desk_log;

  char               *store_url;    /* from the command line, or NULL */
  char               *store_id;
  char               *cache_dir;    /* the cache's root folder */
  char               *data_dir;     /* orders and print jobs */
  AisleServicesFlags  flags;
};

G_DEFINE_FINAL_TYPE (AisleServices, aisle_services, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_AUTO_PRINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Settings */

gboolean
aisle_services_has_setting (AisleServices *self,
                            const char    *key)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), FALSE);
  return aisle_config_lookup_has_key (self->config, key);
}

/* Through AisleConfig, so a fleet's /etc/aisle/kiosk.conf applies. */
char *
aisle_services_dup_setting (AisleServices *self,
                            const char    *key,
                            const char    *fallback)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return aisle_config_lookup_string (self->config, key, fallback);
}

guint
aisle_services_get_setting_uint (AisleServices *self,
                                 const char    *key,
                                 guint          fallback)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), fallback);

  return aisle_services_has_setting (self, key) ? aisle_config_get_uint (self->config, key) : fallback;
}

static gboolean
setting_boolean (AisleServices *self,
                 const char    *key)
{
  return aisle_services_has_setting (self, key) && aisle_config_get_boolean (self->config, key);
}

/* The store backend */

static void
refresh_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!aisle_store_refresh_finish (AISLE_STORE (object), result, &error))
    g_message ("Working from the saved catalog: %s", error->message);
}

static void
load_cached_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AisleServices) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aisle_store_load_cached_finish (AISLE_STORE (object), result, &error))
    g_debug ("No saved catalog: %s", error->message);

  /* Benchmarks measure a start from the saved catalog, nothing else. */
  if ((self->flags & AISLE_SERVICES_MEASURING) && error == NULL)
    return;

  /* Staff may have replaced the backend meanwhile; the new one refreshes. */
  if (AISLE_STORE (object) == self->store)
    aisle_store_refresh_async (self->store, NULL, refresh_done, NULL);
}

static void
store_slot_free (gpointer data)
{
  StoreSlot *slot = data;

  g_clear_object (&slot->store);
  g_mutex_clear (&slot->lock);
  g_free (slot);
}

/* Runs on the outbox's sender thread. */
static void
store_slot_submit (const char        *id,
                   const char        *json,
                   AisleSubmitResult *result,
                   gpointer           user_data)
{
  StoreSlot *slot = user_data;
  g_autoptr(AisleStore) store = NULL;

  g_mutex_lock (&slot->lock);
  store = slot->store ? g_object_ref (slot->store) : NULL;
  g_mutex_unlock (&slot->lock);

  if (store == NULL)
    {
      result->outcome = AISLE_SUBMIT_RETRY;
      result->message = g_strdup (_("No store is set up on this kiosk yet."));
      return;
    }
  aisle_store_submit_order (store, id, json, result);
}

static AisleStore *
new_store (AisleServices  *self,
           char          **store_id_out)
{
  /* A feed given on the command line wins over the backend of the settings. */
  AisleStoreOverrides pins = { .backend = self->store_url ? "feed" : NULL, .base_url = self->store_url,
                               .store_id = self->store_id,
                               .no_refresh_timer = (self->flags & AISLE_SERVICES_MEASURING) != 0 };
  g_autoptr(GError) error = NULL;
  AisleStore *store;

  /* Without what Medusa needs, the kiosk keeps to the feed (the demo
   * store) rather than showing nothing. */
  if (!(store = aisle_store_new_for_config (self->config, &pins, self->cache_dir, &error)))
    {
      g_warning ("%s; using the store feed", error->message);
      pins.backend = "feed";
      store = aisle_store_new_for_config (self->config, &pins, self->cache_dir, NULL);
    }
  *store_id_out = g_strdup (aisle_store_backend_get_store_id (AISLE_STORE_BACKEND (store)));
  return store;
}

/* Installs a backend made from the settings, for the screens and for orders. */
static void
replace_store (AisleServices *self)
{
  g_autoptr(AisleStore) store = NULL;
  char *store_id = NULL;

  store = new_store (self, &store_id);
  g_set_object (&self->store, store);
  g_free (self->active_store_id);
  self->active_store_id = store_id;

  g_mutex_lock (&self->store_slot->lock);
  g_set_object (&self->store_slot->store, store);
  g_mutex_unlock (&self->store_slot->lock);

  aisle_store_load_cached_async (self->store, NULL, load_cached_done, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Orders */

static void
pruned (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;

  if (!aisle_outbox_prune_finish (AISLE_OUTBOX (object), result, &n_removed, &error))
    g_warning ("%s", error->message);
  else if (n_removed > 0)
    g_message ("Order book: %u old orders removed", n_removed);
}

static void
create_outbox (AisleServices *self)
{
  g_autofree char *path = g_build_filename (self->data_dir, "orders.sqlite", NULL);
  StoreSlot *slot = g_new0 (StoreSlot, 1);

  g_mutex_init (&slot->lock);
  self->store_slot = slot;
  self->outbox = aisle_outbox_new (path, store_slot_submit, slot, store_slot_free, 0);

  /* The order book keeps what staff need for as long as the store says. */
  aisle_outbox_prune_async (self->outbox, aisle_services_get_setting_uint (self, "order-book-days", 30),
                            NULL, pruned, NULL);
}

/* Printing */

static AislePrinter *
new_printer (AisleServices *self)
{
  g_autofree char *kind = aisle_services_dup_setting (self, "printer-kind", "pdf");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (kind, "escpos-device") || g_str_equal (kind, "escpos-tcp"))
    {
      gboolean tcp = g_str_equal (kind, "escpos-tcp");
      g_autofree char *target = aisle_services_dup_setting (self, tcp ? "printer-host" : "printer-device", NULL);
      g_autoptr(AisleEscposPrinter) printer = NULL;

      printer = target ? aisle_escpos_printer_new (target, &error) : NULL;
      if (printer == NULL)
        {
          g_warning ("No receipt printer: %s", error ? error->message : "no address set");
          return NULL;
        }
      aisle_escpos_printer_set_columns (printer, aisle_services_get_setting_uint (self, "printer-width", 80) < 70 ? 32 : 48);
      aisle_escpos_printer_set_qr_mode (printer,
                                        aisle_services_has_setting (self, "printer-native-qr") &&
                                        !setting_boolean (self, "printer-native-qr")
                                          ? AISLE_ESCPOS_QR_RASTER : AISLE_ESCPOS_QR_NATIVE);
      return AISLE_PRINTER (g_steal_pointer (&printer));
    }

  if (g_str_equal (kind, "cups"))
    {
      g_autofree char *name = aisle_services_dup_setting (self, "cups-printer", NULL);
      return AISLE_PRINTER (aisle_cups_printer_new (name));
    }

  if (g_str_equal (kind, "pdf"))
    {
      g_autofree char *fallback = g_build_filename (self->data_dir, "slips", NULL);
      g_autofree char *folder = aisle_services_dup_setting (self, "pdf-folder", fallback);

      return AISLE_PRINTER (aisle_pdf_printer_new (folder));
    }

  return NULL;  /* "none" */
}

static void
print_queue_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!aisle_print_queue_load_finish (AISLE_PRINT_QUEUE (object), result, &error))
    g_warning ("Could not read the kept print jobs: %s", error->message);
}

static void
create_print_queue (AisleServices *self)
{
  g_autofree char *folder = g_build_filename (self->data_dir, "print-jobs", NULL);
  g_autoptr(AislePrinter) printer = new_printer (self);

  self->print_queue = aisle_print_queue_new (folder, printer);
  aisle_print_queue_load_async (self->print_queue, NULL, print_queue_loaded, NULL);
}

/* Staff changed a setting in admin mode, or the fleet's keyfile changed:
 * it applies at once. */
static void
config_changed (AisleServices *self,
                const char    *key)
{
  if (g_str_has_prefix (key, "printer-") || g_str_equal (key, "cups-printer") || g_str_equal (key, "pdf-folder"))
    {
      g_autoptr(AislePrinter) printer = new_printer (self);

      aisle_print_queue_set_printer (self->print_queue, printer);
    }
  else if ((g_str_equal (key, "base-url") && self->store_url == NULL) ||
           (g_str_equal (key, "store-id") && self->store_id == NULL) ||
           g_str_equal (key, "access-token") || g_str_equal (key, "store-backend") ||
           g_str_has_prefix (key, "medusa-"))
    replace_store (self);
  else if (g_str_equal (key, "auto-print"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_PRINT]);
}

/* Where the kiosk keeps what must survive a restart: orders and print jobs
 * live in the data folder, not the cache (a cache may be wiped, an order
 * waiting to be sent may not). Tests and benchmarks that give a cache
 * folder keep everything there. */
static char *
make_dir (char *dir)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Cannot create %s: %s", dir, g_strerror (errno));
  return dir;
}

static void
aisle_services_dispose (GObject *object)
{
  AisleServices *self = (AisleServices *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->print_queue);
  if (self->outbox != NULL)
    aisle_outbox_close (self->outbox);
  g_clear_object (&self->outbox);
  self->store_slot = NULL;  /* the outbox freed it */
  g_clear_object (&self->config);

  G_OBJECT_CLASS (aisle_services_parent_class)->dispose (object);
}

static void
aisle_services_finalize (GObject *object)
{
  AisleServices *self = (AisleServices *)object;

  g_clear_pointer (&self->lookup_limit, aisle_try_limit_free);
  g_clear_pointer (&self->coupon_limit, aisle_try_limit_free);
  g_clear_object (&self->desk_log);
  g_free (self->active_store_id);
  g_free (self->store_url);
  g_free (self->store_id);
  g_free (self->cache_dir);
  g_free (self->data_dir);

  G_OBJECT_CLASS (aisle_services_parent_class)->finalize (object);
}

static void
aisle_services_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AisleServices *self = AISLE_SERVICES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_AUTO_PRINT:
      g_value_set_boolean (value, aisle_services_get_auto_print (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_services_class_init (AisleServicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aisle_services_dispose;
  object_class->finalize = aisle_services_finalize;
  object_class->get_property = aisle_services_get_property;

  /**
   * AisleServices:store:
   *
   * The store backend; replaced when staff change the store's settings.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AISLE_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AisleServices:auto-print:
   *
   * Whether a slip prints without the shopper asking, after an order.
   */
  properties[PROP_AUTO_PRINT] =
    g_param_spec_boolean ("auto-print", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aisle_services_init (AisleServices *self)
{
  self->lookup_limit = aisle_try_limit_new (AISLE_LOOKUP_MAX_FAILURES, AISLE_LOOKUP_WINDOW_US);
  self->coupon_limit = aisle_try_limit_new (AISLE_COUPON_MAX_FAILURES, AISLE_LOOKUP_WINDOW_US);
  self->desk_log = aisle_desk_log_new ();
}

AisleServices *
aisle_services_new (AisleConfig        *config,
                    const char         *store_url,
                    const char         *store_id,
                    const char         *cache_dir,
                    AisleServicesFlags  flags)
{
  AisleServices *self;

  g_return_val_if_fail (config == NULL || AISLE_IS_CONFIG (config), NULL);

  self = g_object_new (AISLE_TYPE_SERVICES, NULL);
  self->config = config ? g_object_ref (config) : NULL;
  self->store_url = g_strdup (store_url);
  self->store_id = g_strdup (store_id);
  self->flags = flags;
  self->cache_dir = cache_dir ? g_strdup (cache_dir) : g_build_filename (g_get_user_cache_dir (), "aisle", NULL);
  self->data_dir = make_dir (cache_dir ? g_strdup (cache_dir) : g_build_filename (g_get_user_data_dir (), "aisle", NULL));

  create_outbox (self);
  replace_store (self);
  create_print_queue (self);

  if (self->config != NULL)
    g_signal_connect_object (self->config, "changed", G_CALLBACK (config_changed), self, G_CONNECT_SWAPPED);
  return self;
}

AisleConfig *
aisle_services_get_config (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->config;
}

AisleStore *
aisle_services_get_store (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->store;
}

const char *
aisle_services_get_store_id (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->active_store_id;
}

char *
aisle_services_dup_kiosk_id (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return aisle_services_dup_setting (self, "kiosk-id", NULL);
}

AisleOutbox *
aisle_services_get_outbox (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->outbox;
}

AisleDeskLog *
aisle_services_get_desk_log (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->desk_log;
}

AisleTryLimit *
aisle_services_get_coupon_limit (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->coupon_limit;
}

AisleTryLimit *
aisle_services_get_lookup_limit (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->lookup_limit;
}

AislePrintQueue *
aisle_services_get_print_queue (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->print_queue;
}

gboolean
aisle_services_get_auto_print (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), FALSE);
  return setting_boolean (self, "auto-print");
}

gboolean
aisle_services_get_store_pinned (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), FALSE);
  return self->store_url != NULL || self->store_id != NULL;
}

gboolean
aisle_services_is_measuring (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), FALSE);
  return (self->flags & AISLE_SERVICES_MEASURING) != 0;
}

const char *
aisle_services_get_cache_dir (AisleServices *self)
{
  g_return_val_if_fail (AISLE_IS_SERVICES (self), NULL);
  return self->cache_dir;
}
