/* aisle-config-lookup.c: reading a setting that an installed schema may not have */
#define G_LOG_DOMAIN "aisle-config"

#include "config.h"

#include "aisle-config-lookup.h"

gboolean
aisle_config_lookup_has_key (AisleConfig *config,
                             const char  *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (config == NULL || AISLE_IS_CONFIG (config), FALSE);

  if (config == NULL)
    return FALSE;
  g_object_get (aisle_config_get_settings (config), "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

char *
aisle_config_lookup_string (AisleConfig *config,
                            const char  *key,
                            const char  *fallback)
{
  g_autofree char *value = NULL;

  if (aisle_config_lookup_has_key (config, key))
    value = aisle_config_is_secret (config, key) ? aisle_config_dup_secret (config, key)
                                                 : aisle_config_get_string (config, key);
  return g_strdup (value && *value ? value : fallback);
}
