/* aisle-config.c: effective settings from staff's GSettings, the fleet keyfile and the schema
 *
 * The keyfile is parsed into GVariants once (and again when it changes), so
 * reading a key costs a GSettings read and a hash lookup. The last effective
 * value of every key is remembered, so ::changed is emitted only when what
 * the kiosk does actually changes.
 */
#define G_LOG_DOMAIN "aisle-config"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aisle-config.h"
#include "aisle-config-private.h"
#include "aisle-error.h"

struct _AisleConfig
{
  GObject          parent_instance;

  GSettings       *settings;
  GSettingsSchema *schema;
  char            *override_path;
  GHashTable      *overrides;  /* key → GVariant from the keyfile */
  GHashTable      *effective;  /* key → GVariant last announced */
  GFileMonitor    *monitor;
};

G_DEFINE_FINAL_TYPE (AisleConfig, aisle_config, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_OVERRIDE_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* (transfer full) */
static GVariant *
effective_value (AisleConfig       *self,
                 const char        *key,
                 AisleConfigSource *source)
{
  GVariant *value;
  AisleConfigSource found = AISLE_CONFIG_SOURCE_DEFAULT;

  /* A key the system administrator locked (dconf) has only the value the
   * lock gives it, whatever staff or the fleet file say. */
  if (!g_settings_is_writable (self->settings, key))
    {
      value = g_settings_get_value (self->settings, key);
    }
  else if ((value = g_settings_get_user_value (self->settings, key)) != NULL)
    {
      found = AISLE_CONFIG_SOURCE_KIOSK;
    }
  else if ((value = g_hash_table_lookup (self->overrides, key)) != NULL)
    {
      g_variant_ref (value);
      found = AISLE_CONFIG_SOURCE_PROVISIONED;
    }
  else
    {
      value = g_settings_get_default_value (self->settings, key);
    }

  if (source != NULL)
    *source = found;
  return value;
}

static void
update_key (AisleConfig *self,
            const char  *key)
{
  g_autoptr(GVariant) value = effective_value (self, key, NULL);
  GVariant *old = g_hash_table_lookup (self->effective, key);

  if (old != NULL && g_variant_equal (old, value))
    return;

  g_hash_table_replace (self->effective, g_strdup (key), g_steal_pointer (&value));
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);
}

static void
update_all_keys (AisleConfig *self)
{
  g_auto(GStrv) keys = g_settings_schema_list_keys (self->schema);

  for (guint i = 0; keys[i] != NULL; i++)
    update_key (self, keys[i]);
}

static void
settings_changed (GSettings   *settings G_GNUC_UNUSED,
                  const char  *key,
                  AisleConfig *self)
{
  update_key (self, key);
}

static void
override_file_changed (GFileMonitor      *monitor G_GNUC_UNUSED,
                       GFile             *file G_GNUC_UNUSED,
                       GFile             *other_file G_GNUC_UNUSED,
                       GFileMonitorEvent  event,
                       AisleConfig       *self)
{
  switch (event)
    {
    /* Half-written files: wait for CHANGES_DONE_HINT. */
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;

    default:
      g_message ("%s changed; reading it again", self->override_path);
      aisle_config_reload_overrides (self);
    }
}

static void
watch_override_file (AisleConfig *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->override_path);
  g_autoptr(GError) error = NULL;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("%s: changes will apply after a restart: %s", self->override_path, error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (override_file_changed), self, 0);
}

static void
aisle_config_constructed (GObject *object)
{
  AisleConfig *self = AISLE_CONFIG (object);

  G_OBJECT_CLASS (aisle_config_parent_class)->constructed (object);

  if (self->override_path == NULL)
    {
      const char *env = g_getenv (AISLE_CONFIG_OVERRIDE_ENV);

      self->override_path = g_strdup (env != NULL && env[0] != '\0' ? env : AISLE_CONFIG_OVERRIDE_PATH);
    }

  g_object_get (self->settings, "settings-schema", &self->schema, NULL);
  self->overrides = aisle_config_load_overrides (self->schema, self->override_path);
  self->effective = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_variant_unref);
  update_all_keys (self);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed), self, 0);
  watch_override_file (self);
}

static void
aisle_config_dispose (GObject *object)
{
  AisleConfig *self = AISLE_CONFIG (object);

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aisle_config_parent_class)->dispose (object);
}

static void
aisle_config_finalize (GObject *object)
{
  AisleConfig *self = AISLE_CONFIG (object);

  g_clear_pointer (&self->schema, g_settings_schema_unref);
  g_clear_pointer (&self->override_path, g_free);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->effective, g_hash_table_unref);

  G_OBJECT_CLASS (aisle_config_parent_class)->finalize (object);
}

static void
aisle_config_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AisleConfig *self = AISLE_CONFIG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_OVERRIDE_PATH:
      g_value_set_string (value, self->override_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_config_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AisleConfig *self = AISLE_CONFIG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_OVERRIDE_PATH:
      self->override_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_config_class_init (AisleConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = aisle_config_constructed;
  object_class->dispose = aisle_config_dispose;
  object_class->finalize = aisle_config_finalize;
  object_class->get_property = aisle_config_get_property;
  object_class->set_property = aisle_config_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", "Settings", "The org.aisle.Kiosk settings staff change",
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OVERRIDE_PATH] =
    g_param_spec_string ("override-path", "Override path", "The fleet's provisioning keyfile",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AisleConfig::changed:
   * @key: the key whose effective value changed
   *
   * Detailed by the key: connect to "changed::idle-timeout" to follow one.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
aisle_config_init (AisleConfig *self G_GNUC_UNUSED)
{
}

AisleConfig *
aisle_config_new (GSettings  *settings,
                  const char *override_path)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  g_return_val_if_fail (g_str_equal (g_settings_schema_get_id (schema), AISLE_CONFIG_SCHEMA_ID), NULL);

  return g_object_new (AISLE_TYPE_CONFIG,
                       "settings", settings,
                       "override-path", override_path,
                       NULL);
}

/**
 * aisle_config_get_settings:
 *
 * Returns: (transfer none): the GSettings staff values are written to
 */
GSettings *
aisle_config_get_settings (AisleConfig *self)
{
  g_return_val_if_fail (AISLE_IS_CONFIG (self), NULL);

  return self->settings;
}

const char *
aisle_config_get_override_path (AisleConfig *self)
{
  g_return_val_if_fail (AISLE_IS_CONFIG (self), NULL);

  return self->override_path;
}

void
aisle_config_reload_overrides (AisleConfig *self)
{
  g_return_if_fail (AISLE_IS_CONFIG (self));

  g_clear_pointer (&self->overrides, g_hash_table_unref);
  self->overrides = aisle_config_load_overrides (self->schema, self->override_path);
  update_all_keys (self);
}

/* A wrong key or type is a programming error, so a critical, not a GError. */
static gboolean
check_key (AisleConfig        *self,
           const char         *key,
           const GVariantType *type)
{
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;

  if (!g_settings_schema_has_key (self->schema, key))
    {
      g_critical ("%s has no key “%s”", AISLE_CONFIG_SCHEMA_ID, key);
      return FALSE;
    }

  schema_key = g_settings_schema_get_key (self->schema, key);
  if (type != NULL && !g_variant_type_equal (g_settings_schema_key_get_value_type (schema_key), type))
    {
      g_critical ("The setting “%s” is not of type %s", key, g_variant_type_peek_string (type));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_readable_key (AisleConfig        *self,
                    const char         *key,
                    const GVariantType *type)
{
  if (!check_key (self, key, type))
    return FALSE;

  if (aisle_config_key_is_secret (key))
    {
      g_critical ("The setting “%s” is secret: use aisle_config_has_secret()", key);
      return FALSE;
    }

  return TRUE;
}

/**
 * aisle_config_get_value:
 *
 * Returns: (transfer full) (nullable): the effective value; %NULL for a
 *   secret or unknown key
 */
GVariant *
aisle_config_get_value (AisleConfig *self,
                        const char  *key)
{
  g_return_val_if_fail (AISLE_IS_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!check_readable_key (self, key, NULL))
    return NULL;

  return effective_value (self, key, NULL);
}

char *
aisle_config_get_string (AisleConfig *self,
                         const char  *key)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (AISLE_IS_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!check_readable_key (self, key, G_VARIANT_TYPE_STRING))
    return NULL;

  value = effective_value (self, key, NULL);
  return g_variant_dup_string (value, NULL);
}

guint
aisle_config_get_uint (AisleConfig *self,
                       const char  *key)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (AISLE_IS_CONFIG (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  if (!check_readable_key (self, key, G_VARIANT_TYPE_UINT32))
    return 0;

  value = effective_value (self, key, NULL);
  return g_variant_get_uint32 (value);
}

gboolean
aisle_config_get_boolean (AisleConfig *self,
                          const char  *key)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (AISLE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!check_readable_key (self, key, G_VARIANT_TYPE_BOOLEAN))
    return FALSE;

  value = effective_value (self, key, NULL);
  return g_variant_get_boolean (value);
}

/**
 * aisle_config_get_strv:
 *
 * Returns: (transfer full): a %NULL-terminated array, empty for an unknown key
 */
char **
aisle_config_get_strv (AisleConfig *self,
                       const char  *key)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (AISLE_IS_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!check_readable_key (self, key, G_VARIANT_TYPE_STRING_ARRAY))
    return g_new0 (char *, 1);

  value = effective_value (self, key, NULL);
  return g_variant_dup_strv (value, NULL);
}

gboolean
aisle_config_is_secret (AisleConfig *self,
                        const char  *key)
{
  g_return_val_if_fail (AISLE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return aisle_config_key_is_secret (key);
}

/* The secret's text, or NULL if @key is not a secret. */
static char *
read_secret (AisleConfig *self,
             const char  *key)
{
  g_autoptr(GVariant) value = NULL;

  if (!check_key (self, key, G_VARIANT_TYPE_STRING))
    return NULL;
  if (!aisle_config_key_is_secret (key))
    {
      g_critical ("The setting “%s” is not secret: use aisle_config_get_string()", key);
      return NULL;
    }

  value = effective_value (self, key, NULL);
  return g_variant_dup_string (value, NULL);
}

gboolean
aisle_config_has_secret (AisleConfig *self,
                         const char  *key)
{
  g_autofree char *secret = NULL;

  g_return_val_if_fail (AISLE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  secret = read_secret (self, key);
  return secret != NULL && secret[0] != '\0';
}

char *
aisle_config_dup_secret (AisleConfig *self,
                         const char  *key)
{
  g_return_val_if_fail (AISLE_IS_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return read_secret (self, key);
}

AisleConfigSource
aisle_config_get_source (AisleConfig *self,
                         const char  *key)
{
  g_autoptr(GVariant) value = NULL;
  AisleConfigSource source;

  g_return_val_if_fail (AISLE_IS_CONFIG (self), AISLE_CONFIG_SOURCE_DEFAULT);
  g_return_val_if_fail (key != NULL, AISLE_CONFIG_SOURCE_DEFAULT);

  if (!check_key (self, key, NULL))
    return AISLE_CONFIG_SOURCE_DEFAULT;

  value = effective_value (self, key, &source);
  return source;
}

gboolean
aisle_config_is_writable (AisleConfig *self,
                          const char  *key)
{
  g_return_val_if_fail (AISLE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return check_key (self, key, NULL) && g_settings_is_writable (self->settings, key);
}

static const char *
key_name_for_staff (GSettingsSchemaKey *schema_key)
{
  const char *summary = g_settings_schema_key_get_summary (schema_key);

  return summary != NULL ? summary : g_settings_schema_key_get_name (schema_key);
}

gboolean
aisle_config_set_value (AisleConfig  *self,
                        const char   *key,
                        GVariant     *value,
                        GError      **error)
{
  g_autoptr(GVariant) sunk = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;

  g_return_val_if_fail (AISLE_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sunk = g_variant_ref_sink (value);
  if (!check_key (self, key, g_variant_get_type (sunk)))
    return FALSE;

  schema_key = g_settings_schema_get_key (self->schema, key);
  if (!g_settings_schema_key_range_check (schema_key, sunk))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   /* Translators: %s is a setting's summary, e.g. “Paper width in millimetres” */
                   _("“%s” cannot be set to this value."), key_name_for_staff (schema_key));
      return FALSE;
    }
  if (!g_settings_is_writable (self->settings, key) ||
      !g_settings_set_value (self->settings, key, sunk))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_FAILED,
                   /* Translators: %s is a setting's summary, e.g. “Paper width in millimetres” */
                   _("“%s” is locked on this kiosk and cannot be changed."), key_name_for_staff (schema_key));
      return FALSE;
    }

  return TRUE;
}

gboolean
aisle_config_set_string (AisleConfig  *self,
                         const char   *key,
                         const char   *value,
                         GError      **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  /* GVariant strings are UTF-8: anything else is refused, not asserted. */
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                           _("This text contains characters the kiosk cannot read."));
      return FALSE;
    }

  return aisle_config_set_value (self, key, g_variant_new_string (value), error);
}

gboolean
aisle_config_set_uint (AisleConfig  *self,
                       const char   *key,
                       guint         value,
                       GError      **error)
{
  return aisle_config_set_value (self, key, g_variant_new_uint32 (value), error);
}

gboolean
aisle_config_set_boolean (AisleConfig  *self,
                          const char   *key,
                          gboolean      value,
                          GError      **error)
{
  return aisle_config_set_value (self, key, g_variant_new_boolean (value), error);
}

gboolean
aisle_config_set_strv (AisleConfig         *self,
                       const char          *key,
                       const char * const  *value,
                       GError             **error)
{
  static const char * const empty[] = { NULL };

  return aisle_config_set_value (self, key, g_variant_new_strv (value != NULL ? value : empty, -1), error);
}

void
aisle_config_reset (AisleConfig *self,
                    const char  *key)
{
  g_return_if_fail (AISLE_IS_CONFIG (self));
  g_return_if_fail (key != NULL);

  if (!check_key (self, key, NULL))
    return;

  g_settings_reset (self->settings, key);
}
