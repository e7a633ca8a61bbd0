/* fuzz-kiosk-conf.c: the fleet's provisioning keyfile, /etc/aisle/kiosk.conf
 *
 * The reader itself, on the bytes: no file written and no settings signals
 * per input, so it runs fast enough for millions of inputs. What it keeps
 * must be a value of each key's own type.
 */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <stdlib.h>

#include "aisle-config.h"
#include "fuzz-common.h"

static GSettingsSchema *schema;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  GSettingsSchemaSource *source;

  fuzz_quiet_logs ();
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, TRUE);

  source = g_settings_schema_source_get_default ();
  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, AISLE_CONFIG_SCHEMA_ID, TRUE)))
    g_error ("No schema %s: build the project first", AISLE_CONFIG_SCHEMA_ID);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GHashTable) table = aisle_config_parse_overrides (schema, "kiosk.conf", (const char *)data, size);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GSettingsSchemaKey) schema_key = NULL;

      if (!g_settings_schema_has_key (schema, key))
        abort ();
      schema_key = g_settings_schema_get_key (schema, key);
      if (!g_variant_is_of_type (value, g_settings_schema_key_get_value_type (schema_key)) ||
          !g_settings_schema_key_range_check (schema_key, value))
        abort ();
    }
  return 0;
}
