/* aisle-config-file.c: the fleet's provisioning file, /etc/aisle/kiosk.conf
 *
 * Read and checked key by key against the schema: what is not a setting,
 * what each kiosk keeps for itself, and what is not a valid value of its
 * key are logged and skipped; the rest is what AisleConfig puts under
 * staff's settings. Fuzzed (tests/fuzz/fuzz-kiosk-conf.c).
 */
#define G_LOG_DOMAIN "aisle-config"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aisle-config.h"
#include "aisle-config-private.h"

/* A fleet file is a few dozen short lines; anything much bigger is a
 * mistake (a log written over it, a binary) and is not parsed at all. */
#define OVERRIDE_MAX_FILE  (256 * 1024)
#define OVERRIDE_MAX_VALUE (8 * 1024)

/* Written by staff, sent to the server, never shown back. */
static const char * const secret_keys[] = { "access-token", NULL };

/* The kiosk's own state, not settings: a fleet file that set these would
 * lock, or unlock, every kiosk at once. */
static const char * const state_keys[] = { "admin-pin-failures", "admin-pin-locked-until", NULL };

gboolean
aisle_config_key_is_secret (const char *key)
{
  return g_strv_contains (secret_keys, key);
}

static GVariant *
parse_override (GSettingsSchema *schema,
                GKeyFile        *keyfile,
                const char      *path,
                const char      *key)
{
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const GVariantType *type;

  if (!g_settings_schema_has_key (schema, key))
    {
      g_warning ("%s: ignoring “%s”: there is no such setting", path, key);
      return NULL;
    }
  if (g_strv_contains (state_keys, key))
    {
      g_warning ("%s: ignoring “%s”: each kiosk keeps it for itself", path, key);
      return NULL;
    }

  schema_key = g_settings_schema_get_key (schema, key);
  type = g_settings_schema_key_get_value_type (schema_key);
  text = g_key_file_get_value (keyfile, AISLE_CONFIG_SCHEMA_ID, key, NULL);
  if (text == NULL || strlen (text) > OVERRIDE_MAX_VALUE)
    {
      g_warning ("%s: ignoring “%s”: the value is longer than %d bytes", path, key, OVERRIDE_MAX_VALUE);
      return NULL;
    }
  /* g_variant_parse() of a string that is not UTF-8 fails a GLib assertion
   * and returns NULL without an error (found by tests/fuzz/fuzz-kiosk-conf). */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_warning ("%s: ignoring “%s”: the value is not valid UTF-8", path, key);
      return NULL;
    }

  value = g_variant_parse (type, text, NULL, NULL, &error);
  if (value == NULL)
    {
      /* The parser's message can quote the value, which a secret must not
       * put in the journal. */
      g_warning ("%s: ignoring “%s”: not a valid value of type %s%s%s", path, key,
                 g_variant_type_peek_string (type),
                 aisle_config_key_is_secret (key) ? "" : ": ", aisle_config_key_is_secret (key) ? "" : error->message);
      return NULL;
    }
  if (!g_settings_schema_key_range_check (schema_key, value))
    {
      g_warning ("%s: ignoring “%s”: the value is outside what the setting allows", path, key);
      return NULL;
    }

  return g_steal_pointer (&value);
}

/* Returns the keyfile's contents, or NULL (logged) when there is nothing to use. */
static char *
read_override_file (const char *path,
                    gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_debug ("No provisioning file at %s", path);
      else
        g_warning ("%s: cannot read the provisioning file: %s", path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size > OVERRIDE_MAX_FILE)
    {
      g_warning ("%s: ignoring the provisioning file: not a regular file of at most %d bytes",
                 path, OVERRIDE_MAX_FILE);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, length, &error))
    {
      g_warning ("%s: cannot read the provisioning file: %s", path, error->message);
      return NULL;
    }

  return contents;
}

GHashTable *
aisle_config_parse_overrides (GSettingsSchema *schema,
                              const char      *origin,
                              const char      *contents,
                              gsize            length)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_variant_unref);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (schema != NULL, table);
  g_return_val_if_fail (origin != NULL, table);
  g_return_val_if_fail (contents != NULL || length == 0, table);

  if (length > OVERRIDE_MAX_FILE)
    {
      g_warning ("%s: ignoring the provisioning file: not a regular file of at most %d bytes",
                 origin, OVERRIDE_MAX_FILE);
      return table;
    }
  if (!g_key_file_load_from_data (keyfile, contents != NULL ? contents : "", length, G_KEY_FILE_NONE, &error))
    {
      g_warning ("%s: ignoring the provisioning file: %s", origin, error->message);
      return table;
    }

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (!g_str_equal (groups[i], AISLE_CONFIG_SCHEMA_ID))
      g_warning ("%s: ignoring the group [%s]: settings go in [%s]", origin, groups[i], AISLE_CONFIG_SCHEMA_ID);

  keys = g_key_file_get_keys (keyfile, AISLE_CONFIG_SCHEMA_ID, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      GVariant *value = parse_override (schema, keyfile, origin, keys[i]);

      if (value != NULL)
        g_hash_table_replace (table, g_strdup (keys[i]), value);
    }

  g_debug ("%s: %u provisioned settings", origin, g_hash_table_size (table));
  return table;
}

GHashTable *
aisle_config_load_overrides (GSettingsSchema *schema,
                             const char      *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  contents = read_override_file (path, &length);
  return aisle_config_parse_overrides (schema, path, contents, contents != NULL ? length : 0);
}
