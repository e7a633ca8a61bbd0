/* fuzz-kiosk-conf.c: the fleet's provisioning keyfile, /etc/aisle/kiosk.conf */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <stdio.h>
#include <stdlib.h>

#include "aisle-config.h"
#include "fuzz-common.h"

static AisleConfig *config;
static char *path;
static char **keys;

/* One AisleConfig for the whole run, over a memory backend, reading the
 * keyfile again for each input as it does when the file changes. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;
  GSettingsSchemaSource *source;

  fuzz_quiet_logs ();
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  source = g_settings_schema_source_get_default ();
  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, AISLE_CONFIG_SCHEMA_ID, TRUE)))
    g_error ("No schema %s: build the project first", AISLE_CONFIG_SCHEMA_ID);
  keys = g_settings_schema_list_keys (schema);

  dir = g_dir_make_tmp ("aisle-fuzz-conf-XXXXXX", NULL);
  path = g_build_filename (dir, "kiosk.conf", NULL);
  backend = g_memory_settings_backend_new ();
  settings = g_settings_new_full (schema, backend, NULL);
  config = aisle_config_new (settings, path);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{

  /* Not g_file_set_contents(): its fsync() would be most of the time. */
  {
    FILE *file = fopen (path, "wb");

    if (file == NULL || (size > 0 && fwrite (data, 1, size, file) != size) || fclose (file) != 0)
      abort ();
  }
  aisle_config_reload_overrides (config);
  /* The file monitor's events, or they pile up. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (aisle_config_is_secret (config, keys[i]))
        g_free (aisle_config_dup_secret (config, keys[i]));
      else
        g_variant_unref (aisle_config_get_value (config, keys[i]));
      aisle_config_get_source (config, keys[i]);
    }
  return 0;
}
