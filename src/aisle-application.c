/* aisle-application.c: the kiosk application: options, settings, language, the window */
#define G_LOG_DOMAIN "aisle-app"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "aisle-application.h"
#include "aisle-config.h"
#include "aisle-image-loader.h"
#include "aisle-kiosk-guard.h"
#include "aisle-language.h"
#include "aisle-window.h"

struct _AisleApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;     /* NULL when the schema is not installed */
  AisleConfig      *config;       /* the settings over /etc's provisioning; NULL with them */
  AisleServices    *services;
  AisleImageLoader *images;

  char             *store_url;
  char             *store_id;
  char             *cache_dir;
  char             *language;
  gboolean          windowed;
  gboolean          measuring;
};

G_DEFINE_FINAL_TYPE (AisleApplication, aisle_application, ADW_TYPE_APPLICATION)

enum {
  PREPARE_WINDOW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GOptionEntry options[] = {
  { "windowed", 'w', 0, G_OPTION_ARG_NONE, NULL, N_("Run in a window instead of fullscreen (for development)"), NULL },
  { "store-url", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Base URL of the store feed (file://, http://, https://)"), N_("URL") },
  { "store-id", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The store this kiosk stands in"), N_("ID") },
  { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Folder for the offline copy of the catalog"), N_("DIR") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Language to start in (en, it, de, es)"), N_("CODE") },
  { NULL }
};

/* Shop-floor terminals mostly render in software, where GTK's cairo
 * renderer starts sooner and needs far less memory than GL on llvmpipe;
 * with GL off, Mesa and LLVM are not even loaded (about 40 MB less).
 * Terminals with a GPU can set GSK_RENDERER=gl. */
void
aisle_application_setup_renderer (void)
{
  const char *debug;
  g_autofree char *flags = NULL;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;

  debug = g_getenv ("GDK_DEBUG");
  flags = debug && *debug ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

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

/* Staff changed a setting in admin mode, or the fleet's keyfile changed:
 * it applies at once. (The services follow the store's and the printer's.) */
static void
config_changed (AisleApplication *self,
                const char       *key)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (g_str_has_prefix (key, "idle-") && AISLE_IS_WINDOW (window))
    {
      AisleKioskGuard *guard = AISLE_KIOSK_GUARD (aisle_window_get_guard (AISLE_WINDOW (window)));

      aisle_kiosk_guard_set_idle (guard, aisle_services_get_setting_uint (self->services, "idle-timeout", 90), aisle_services_get_setting_uint (self->services, "idle-countdown", 15));
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
  self->services = aisle_services_new (self->config, self->store_url, self->store_id, self->cache_dir,
                                       self->measuring ? AISLE_SERVICES_MEASURING : AISLE_SERVICES_NONE);
  self->images = aisle_image_loader_new (aisle_services_get_cache_dir (self->services));
  code = self->language ? g_strdup (self->language) : aisle_services_dup_setting (self->services, "default-language", "en");
  apply_language (self, code);

  language = g_simple_action_new_stateful ("language", G_VARIANT_TYPE_STRING,
                                           g_variant_new_string (aisle_language_get_current_code ()));
  g_signal_connect (language, "activate", G_CALLBACK (language_activated), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (language));

  if (self->config != NULL)
    {
      g_auto(GStrv) codes = aisle_services_has_setting (self->services, "languages") ? aisle_config_get_strv (self->config, "languages") : NULL;

      aisle_language_set_offered ((const char * const *) codes);
      g_signal_connect_object (self->config, "changed", G_CALLBACK (config_changed), self, G_CONNECT_SWAPPED);
    }
}

static void
aisle_application_activate (GApplication *app)
{
  AisleApplication *self = AISLE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      AisleKioskGuard *guard;

      window = GTK_WINDOW (aisle_window_new (GTK_APPLICATION (self), self->services, self->images));
      g_signal_emit (self, signals[PREPARE_WINDOW], 0, window);
      guard = AISLE_KIOSK_GUARD (aisle_window_get_guard (AISLE_WINDOW (window)));

      aisle_kiosk_guard_set_idle (guard, aisle_services_get_setting_uint (self->services, "idle-timeout", 90), aisle_services_get_setting_uint (self->services, "idle-countdown", 15));
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

  return -1;
}

static void
aisle_application_dispose (GObject *object)
{
  AisleApplication *self = (AisleApplication *)object;

  g_clear_object (&self->images);
  g_clear_object (&self->services);
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

  G_OBJECT_CLASS (aisle_application_parent_class)->finalize (object);
}

static void
aisle_application_class_init (AisleApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = aisle_application_dispose;
  object_class->finalize = aisle_application_finalize;
  app_class->startup = aisle_application_startup;
  app_class->activate = aisle_application_activate;
  app_class->handle_local_options = aisle_application_handle_local_options;

  /**
   * AisleApplication::prepare-window:
   * @window: the kiosk window, not shown yet
   *
   * The kiosk window was made; for a benchmark to drive it. */
  signals[PREPARE_WINDOW] =
    g_signal_new ("prepare-window", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_WINDOW);
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

AisleServices *
aisle_application_get_services (AisleApplication *self)
{
  g_return_val_if_fail (AISLE_IS_APPLICATION (self), NULL);
  return self->services;
}

/* Before it runs: the services start from the saved catalog only and the
 * window asks for no first PIN (see AISLE_SERVICES_MEASURING). */
void
aisle_application_set_measuring (AisleApplication *self,
                                 gboolean          measuring)
{
  g_return_if_fail (AISLE_IS_APPLICATION (self));
  g_return_if_fail (self->services == NULL);
  self->measuring = !!measuring;
}
