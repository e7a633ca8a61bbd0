/* aisle-application.c: the kiosk application: options, settings, the store backend */
#define G_LOG_DOMAIN "aisle-app"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>

#include "aisle-application.h"
#include "aisle-benchmark.h"
#include "aisle-config.h"
#include "aisle-config-lookup.h"
#include "aisle-cups-printer.h"
#include "aisle-escpos-printer.h"
#include "aisle-kiosk-guard.h"
#include "aisle-language.h"
#include "aisle-pdf-printer.h"
#include "aisle-store-backend.h"
#include "aisle-store-factory.h"
#include "aisle-window.h"

/* What the outbox's sender thread hands orders to: the current backend,
 * which staff may replace at any time. */
typedef struct
{
  GMutex      lock;
  AisleStore *store;
} StoreSlot;

struct _AisleApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;     /* NULL when the schema is not installed */
  AisleConfig      *config;       /* the settings over /etc's provisioning; NULL with them */
  AisleStore       *store;
  AisleImageLoader *images;
  AisleOutbox      *outbox;
  StoreSlot        *store_slot;   /* shared with the outbox's sender thread */
  AislePrintQueue  *print_queue;
  char             *active_store_id;

  char             *store_url;
  char             *store_id;
  char             *cache_dir;
  char             *language;
  char             *benchmark_queries;
  gboolean          windowed;
  gboolean          benchmark;
};

G_DEFINE_FINAL_TYPE (AisleApplication, aisle_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry options[] = {
  { "windowed", 'w', 0, G_OPTION_ARG_NONE, NULL, N_("Run in a window instead of fullscreen (for development)"), NULL },
  { "store-url", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Base URL of the store feed (file://, http://, https://)"), N_("URL") },
  { "store-id", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The store this kiosk stands in"), N_("ID") },
  { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Folder for the offline copy of the catalog"), N_("DIR") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Language to start in (en, it, de, es)"), N_("CODE") },
  { "benchmark", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print start-up time, memory use and search times, then quit"), NULL },
  { "benchmark-queries", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Searches to type in benchmark mode, one per line"), N_("FILE") },
  { NULL }
};

void
aisle_application_setup_i18n (void)
{
  const char *localedir = g_getenv ("AISLE_LOCALEDIR");
  const char *locale, *messages;

  /* GTK would set the locale from the environment again when it starts,
   * undoing what follows. */
  gtk_disable_setlocale ();
  locale = setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);

  /* GNU gettext ignores LANGUAGE while the messages' locale is the plain C
   * one, and the kiosk switches language through it; C.UTF-8 is always
   * there on Debian. Only LC_MESSAGES may be C: without LANG, Python gives
   * its children LC_CTYPE=C.UTF-8 and nothing else. */
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
  else if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");

  if (localedir == NULL)
    {
      g_autofree char *installed = g_build_filename (LOCALEDIR, "it", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      localedir = g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  /* Running from a build tree: the schema is compiled beside the build. */
  if (schema == NULL && g_file_test (BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GSettingsSchemaSource) local =
        g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE, NULL);

      if (local != NULL)
        schema = g_settings_schema_source_lookup (local, APP_ID, FALSE);
    }

  if (schema == NULL)
    {
      g_message ("Settings schema %s not found; using defaults", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* An older installed schema may lack a key; asking for it would abort. */
static gboolean
has_setting (AisleApplication *self,
             const char       *key)
{
  return aisle_config_lookup_has_key (self->config, key);
}

/* Settings through AisleConfig, so a fleet's /etc/aisle/kiosk.conf applies. */
static char *
setting_string (AisleApplication *self,
                const char       *key,
                const char       *fallback)
{
  return aisle_config_lookup_string (self->config, key, fallback);
}

static guint
setting_uint (AisleApplication *self,
              const char       *key,
              guint             fallback)
{
  return has_setting (self, key) ? aisle_config_get_uint (self->config, key) : fallback;
}

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
  g_autoptr(AisleApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aisle_store_load_cached_finish (AISLE_STORE (object), result, &error))
    g_debug ("No saved catalog: %s", error->message);

  /* Benchmarks measure a start from the saved catalog, nothing else. */
  if (self->benchmark && error == NULL)
    return;

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

/* Where the kiosk keeps what must survive a restart: orders and print jobs
 * live in the data folder, not the cache (a cache may be wiped, an order
 * waiting to be sent may not). Tests and benchmarks that give a cache
 * folder keep everything there. */
static char *
data_dir (AisleApplication *self)
{
  char *dir = self->cache_dir ? g_strdup (self->cache_dir) : g_build_filename (g_get_user_data_dir (), "aisle", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Cannot create %s: %s", dir, g_strerror (errno));
  return dir;
}

static void
create_outbox (AisleApplication *self)
{
  g_autofree char *dir = data_dir (self);
  g_autofree char *path = g_build_filename (dir, "orders.sqlite", NULL);
  StoreSlot *slot = g_new0 (StoreSlot, 1);

  g_mutex_init (&slot->lock);
  self->store_slot = slot;
  self->outbox = aisle_outbox_new (path, store_slot_submit, slot, store_slot_free, 0);
}

static AisleStore *
new_store (AisleApplication *self,
           char            **store_id_out)
{
  /* A feed given on the command line wins over the backend of the settings. */
  AisleStoreOverrides pins = { .backend = self->store_url ? "feed" : NULL, .base_url = self->store_url,
                               .store_id = self->store_id, .no_refresh_timer = self->benchmark };
  g_autofree char *cache_root = self->cache_dir ? g_strdup (self->cache_dir)
                                                : g_build_filename (g_get_user_cache_dir (), "aisle", NULL);
  g_autoptr(GError) error = NULL;
  AisleStore *store;

  /* Without what Medusa needs, the kiosk keeps to the feed (the demo
   * store) rather than showing nothing. */
  if (!(store = aisle_store_new_for_config (self->config, &pins, cache_root, &error)))
    {
      g_warning ("%s; using the store feed", error->message);
      pins.backend = "feed";
      store = aisle_store_new_for_config (self->config, &pins, cache_root, NULL);
    }
  *store_id_out = g_strdup (aisle_store_backend_get_store_id (AISLE_STORE_BACKEND (store)));
  return store;
}

/* Installs @store as the kiosk's backend, for the screens and for orders. */
static void
set_store (AisleApplication *self,
           AisleStore       *store,
           char             *store_id)
{
  g_set_object (&self->store, store);
  g_free (self->active_store_id);
  self->active_store_id = store_id;

  g_mutex_lock (&self->store_slot->lock);
  g_set_object (&self->store_slot->store, store);
  g_mutex_unlock (&self->store_slot->lock);

  aisle_store_load_cached_async (self->store, NULL, load_cached_done, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

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
create_store (AisleApplication *self)
{
  g_autofree char *cache_root = self->cache_dir ? g_strdup (self->cache_dir)
                                                : g_build_filename (g_get_user_cache_dir (), "aisle", NULL);
  g_autoptr(AisleStore) store = NULL;
  char *store_id = NULL;

  self->images = aisle_image_loader_new (cache_root);
  create_outbox (self);
  /* The order book keeps what staff need for as long as the store says. */
  aisle_outbox_prune_async (self->outbox, setting_uint (self, "order-book-days", 30), NULL, pruned, NULL);
  store = new_store (self, &store_id);
  set_store (self, store, store_id);
}

/* Printing */

static AislePrinter *
new_printer (AisleApplication *self)
{
  g_autofree char *kind = setting_string (self, "printer-kind", "pdf");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (kind, "escpos-device") || g_str_equal (kind, "escpos-tcp"))
    {
      gboolean tcp = g_str_equal (kind, "escpos-tcp");
      g_autofree char *target = setting_string (self, tcp ? "printer-host" : "printer-device", NULL);
      g_autoptr(AisleEscposPrinter) printer = NULL;

      printer = target ? aisle_escpos_printer_new (target, &error) : NULL;
      if (printer == NULL)
        {
          g_warning ("No receipt printer: %s", error ? error->message : "no address set");
          return NULL;
        }
      aisle_escpos_printer_set_columns (printer, setting_uint (self, "printer-width", 80) < 70 ? 32 : 48);
      aisle_escpos_printer_set_qr_mode (printer,
                                        has_setting (self, "printer-native-qr") &&
                                        !aisle_config_get_boolean (self->config, "printer-native-qr")
                                          ? AISLE_ESCPOS_QR_RASTER : AISLE_ESCPOS_QR_NATIVE);
      return AISLE_PRINTER (g_steal_pointer (&printer));
    }

  if (g_str_equal (kind, "cups"))
    {
      g_autofree char *name = setting_string (self, "cups-printer", NULL);
      return AISLE_PRINTER (aisle_cups_printer_new (name));
    }

  if (g_str_equal (kind, "pdf"))
    {
      g_autofree char *dir = data_dir (self);
      g_autofree char *fallback = g_build_filename (dir, "slips", NULL);
      g_autofree char *folder = setting_string (self, "pdf-folder", fallback);

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
create_print_queue (AisleApplication *self)
{
  g_autofree char *dir = data_dir (self);
  g_autofree char *folder = g_build_filename (dir, "print-jobs", NULL);
  g_autoptr(AislePrinter) printer = new_printer (self);

  self->print_queue = aisle_print_queue_new (folder, printer);
  aisle_print_queue_load_async (self->print_queue, NULL, print_queue_loaded, NULL);
}

/* Staff changed a setting in admin mode, or the fleet's keyfile changed:
 * it applies at once. */
static void
config_changed (AisleApplication *self,
                const char       *key)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (g_str_has_prefix (key, "printer-") || g_str_equal (key, "cups-printer") || g_str_equal (key, "pdf-folder"))
    {
      g_autoptr(AislePrinter) printer = new_printer (self);

      aisle_print_queue_set_printer (self->print_queue, printer);
    }
  else if ((g_str_equal (key, "base-url") && self->store_url == NULL) ||
           (g_str_equal (key, "store-id") && self->store_id == NULL) ||
           g_str_equal (key, "access-token") || g_str_equal (key, "store-backend") ||
           g_str_has_prefix (key, "medusa-"))
    {
      g_autoptr(AisleStore) store = NULL;
      char *store_id = NULL;

      store = new_store (self, &store_id);
      set_store (self, store, store_id);
    }
  else if (g_str_has_prefix (key, "idle-") && AISLE_IS_WINDOW (window))
    {
      AisleKioskGuard *guard = AISLE_KIOSK_GUARD (aisle_window_get_guard (AISLE_WINDOW (window)));

      aisle_kiosk_guard_set_idle (guard, setting_uint (self, "idle-timeout", 90), setting_uint (self, "idle-countdown", 15));
    }
  else if (g_str_equal (key, "languages"))
    {
      g_auto(GStrv) codes = aisle_config_get_strv (self->config, "languages");

      aisle_language_set_offered ((const char * const *) codes);
      if (AISLE_IS_WINDOW (window))
        aisle_window_retranslate (AISLE_WINDOW (window));
    }
}

static void
apply_language (AisleApplication *self,
                const char       *code)
{
  AisleLanguage language;

  if (!aisle_language_from_code (code, &language))
    language = AISLE_LANGUAGE_EN;
  aisle_language_set_current (language);
}

static void
language_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AisleApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  apply_language (self, g_variant_get_string (parameter, NULL));
  g_simple_action_set_state (action, g_variant_new_string (aisle_language_get_current_code ()));

  if (AISLE_IS_WINDOW (window))
    aisle_window_retranslate (AISLE_WINDOW (window));
}

static void
aisle_application_startup (GApplication *app)
{
  AisleApplication *self = AISLE_APPLICATION (app);
  g_autoptr(GSimpleAction) language = NULL;
  g_autofree char *code = NULL;

  G_APPLICATION_CLASS (aisle_application_parent_class)->startup (app);

  /* A kiosk has one look, whatever the system prefers. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Every animation repaints at 60 frames a second: GTK 4.8 fades the text
   * cursor and the overlay scrollbars whenever content changes. On a
   * software-rendered terminal that is CPU a shopper's next tap waits for,
   * and a keystroke would wait for the next frame slot. */
  g_object_set (gtk_settings_get_default (),
                "gtk-cursor-blink", FALSE,
                "gtk-enable-animations", FALSE,
                NULL);

  self->settings = load_settings ();
  if (self->settings != NULL)
    self->config = aisle_config_new (self->settings, NULL);
  code = self->language ? g_strdup (self->language) : setting_string (self, "default-language", "en");
  apply_language (self, code);

  language = g_simple_action_new_stateful ("language", G_VARIANT_TYPE_STRING,
                                           g_variant_new_string (aisle_language_get_current_code ()));
  g_signal_connect (language, "activate", G_CALLBACK (language_activated), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (language));

  if (self->config != NULL)
    {
      g_auto(GStrv) codes = has_setting (self, "languages") ? aisle_config_get_strv (self->config, "languages") : NULL;

      aisle_language_set_offered ((const char * const *) codes);
      g_signal_connect_object (self->config, "changed", G_CALLBACK (config_changed), self, G_CONNECT_SWAPPED);
    }

  create_store (self);
  create_print_queue (self);
}

static void
aisle_application_activate (GApplication *app)
{
  AisleApplication *self = AISLE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (aisle_window_new (self));
      if (self->benchmark)
        aisle_benchmark_start (AISLE_WINDOW (window), self->benchmark_queries);
      AisleKioskGuard *guard = AISLE_KIOSK_GUARD (aisle_window_get_guard (AISLE_WINDOW (window)));

      aisle_kiosk_guard_set_idle (guard, setting_uint (self, "idle-timeout", 90), setting_uint (self, "idle-countdown", 15));
      if (self->windowed)
        gtk_window_set_default_size (window, 1920, 1080);
      else
        {
          gtk_window_fullscreen (window);
          aisle_kiosk_guard_set_keep_fullscreen (guard, TRUE);
        }
    }

  gtk_window_present (window);
}

static int
aisle_application_handle_local_options (GApplication *app,
                                        GVariantDict *dict)
{
  AisleApplication *self = AISLE_APPLICATION (app);

  g_variant_dict_lookup (dict, "windowed", "b", &self->windowed);
  g_variant_dict_lookup (dict, "store-url", "s", &self->store_url);
  g_variant_dict_lookup (dict, "store-id", "s", &self->store_id);
  g_variant_dict_lookup (dict, "cache-dir", "^ay", &self->cache_dir);
  g_variant_dict_lookup (dict, "language", "s", &self->language);
  g_variant_dict_lookup (dict, "benchmark", "b", &self->benchmark);
  g_variant_dict_lookup (dict, "benchmark-queries", "^ay", &self->benchmark_queries);

  return -1;
}

static void
aisle_application_dispose (GObject *object)
{
  AisleApplication *self = (AisleApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->images);
  g_clear_object (&self->print_queue);
  if (self->outbox != NULL)
    aisle_outbox_close (self->outbox);
  g_clear_object (&self->outbox);
  self->store_slot = NULL;  /* the outbox freed it */
  g_clear_pointer (&self->active_store_id, g_free);
  g_clear_object (&self->config);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aisle_application_parent_class)->dispose (object);
}

static void
aisle_application_finalize (GObject *object)
{
  AisleApplication *self = (AisleApplication *)object;

  g_free (self->store_url);
  g_free (self->store_id);
  g_free (self->cache_dir);
  g_free (self->language);
  g_free (self->benchmark_queries);

  G_OBJECT_CLASS (aisle_application_parent_class)->finalize (object);
}

static void
aisle_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AisleApplication *self = AISLE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_application_class_init (AisleApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = aisle_application_dispose;
  object_class->get_property = aisle_application_get_property;
  object_class->finalize = aisle_application_finalize;
  app_class->startup = aisle_application_startup;
  app_class->activate = aisle_application_activate;
  app_class->handle_local_options = aisle_application_handle_local_options;

  /**
   * AisleApplication:store:
   *
   * The store backend; replaced when staff change the store's settings.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AISLE_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aisle_application_init (AisleApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

AisleApplication *
aisle_application_new (void)
{
  /* NON_UNIQUE: tests and benchmarks start several kiosks side by side. */
  return g_object_new (AISLE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/aisle/Kiosk",
                       NULL);
}

AisleStore *
aisle_application_get_store (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), NULL);
  return self->store;
}

AisleImageLoader *
aisle_application_get_images (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), NULL);
  return self->images;
}

AisleApplication *
aisle_application_get_default (void)
{
  GApplication *app = g_application_get_default ();
  return AISLE_IS_APPLICATION (app) ? AISLE_APPLICATION (app) : NULL;
}

AisleOutbox *
aisle_application_get_outbox (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), NULL);
  return self->outbox;
}

const char *
aisle_application_get_store_id (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), NULL);
  return self->active_store_id;
}

char *
aisle_application_dup_kiosk_id (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), NULL);
  return setting_string (self, "kiosk-id", NULL);
}

/* The kiosk's settings, or NULL when the schema is not installed. */
AisleConfig *
aisle_application_get_config (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), NULL);
  return self->config;
}

AislePrintQueue *
aisle_application_get_print_queue (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), NULL);
  return self->print_queue;
}

/* Whether a slip prints without the shopper asking, after an order. */
gboolean
aisle_application_get_auto_print (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), FALSE);
  return has_setting (self, "auto-print") && aisle_config_get_boolean (self->config, "auto-print");
}

/* Whether the kiosk was started on a store given on the command line,
 * which staff settings then do not override. */
gboolean
aisle_application_get_store_pinned (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), FALSE);
  return self->store_url != NULL || self->store_id != NULL;
}

/* Whether the kiosk runs the start-up benchmark, which must see the home screen. */
gboolean
aisle_application_get_benchmark (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), FALSE);
  return self->benchmark;
}
