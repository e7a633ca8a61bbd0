/* aisle-config.h: the kiosk's settings, with the fleet's provisioning file under them
 *
 * Every key of org.aisle.Kiosk has one effective value: the value staff set
 * on this kiosk if there is one, else the value in the provisioning keyfile
 * (/etc/aisle/kiosk.conf, group [org.aisle.Kiosk], "key=<GVariant text>")
 * if it is valid for the key, else the schema's default. Staff settings are
 * written to GSettings; the keyfile is only read, and read again when it
 * changes on disk.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AISLE_CONFIG_SCHEMA_ID      "org.aisle.Kiosk"
#define AISLE_CONFIG_OVERRIDE_PATH  "/etc/aisle/kiosk.conf"
#define AISLE_CONFIG_OVERRIDE_ENV   "AISLE_SYSTEM_CONFIG"

typedef enum
{
  AISLE_CONFIG_SOURCE_DEFAULT,      /* the schema's default */
  AISLE_CONFIG_SOURCE_PROVISIONED,  /* the fleet's keyfile */
  AISLE_CONFIG_SOURCE_KIOSK,        /* set by staff on this kiosk */
} AisleConfigSource;

#define AISLE_TYPE_CONFIG (aisle_config_get_type ())

G_DECLARE_FINAL_TYPE (AisleConfig, aisle_config, AISLE, CONFIG, GObject)

/* @settings: an org.aisle.Kiosk GSettings.
 * @override_path: (nullable): the provisioning keyfile; NULL means the path
 *   in $AISLE_SYSTEM_CONFIG if set, else /etc/aisle/kiosk.conf. A missing
 *   file is no provisioning; invalid lines are logged and skipped.
 *
 * ::changed (detailed by key, with the key as argument) is emitted whenever
 * a key's effective value changes, whether staff or the keyfile changed it. */
AisleConfig       *aisle_config_new                 (GSettings    *settings,
                                                     const char   *override_path);

GSettings         *aisle_config_get_settings        (AisleConfig  *self);
const char        *aisle_config_get_override_path   (AisleConfig  *self);
/* Reads the keyfile again now, instead of waiting for the file monitor. */
void               aisle_config_reload_overrides    (AisleConfig  *self);
/* The provisioning file's reader, on its contents (@origin names it in
 * warnings): every valid "key=value" of [org.aisle.Kiosk], as a table of
 * key → GVariant of the key's type. Whatever the bytes, it warns and skips
 * what it cannot use. (transfer full) */
GHashTable        *aisle_config_parse_overrides     (GSettingsSchema *schema,
                                                     const char      *origin,
                                                     const char      *contents,
                                                     gsize            length);

/* The effective value, (transfer full). Not for secret keys. */
GVariant          *aisle_config_get_value           (AisleConfig  *self,
                                                     const char   *key);
char              *aisle_config_get_string          (AisleConfig  *self,
                                                     const char   *key);
guint              aisle_config_get_uint            (AisleConfig  *self,
                                                     const char   *key);
gboolean           aisle_config_get_boolean         (AisleConfig  *self,
                                                     const char   *key);
char             **aisle_config_get_strv            (AisleConfig  *self,
                                                     const char   *key);

/* Secret keys ("access-token") are written, never shown back: the admin
 * screens ask only whether one is set. */
gboolean           aisle_config_is_secret           (AisleConfig  *self,
                                                     const char   *key);
gboolean           aisle_config_has_secret          (AisleConfig  *self,
                                                     const char   *key);
/* The secret itself, for the code that sends it to the server; it must
 * never reach a label, a log or a file. */
char              *aisle_config_dup_secret          (AisleConfig  *self,
                                                     const char   *key);

/* Where the effective value comes from, so the admin screens can say
 * "set by your organisation" and offer a reset. */
AisleConfigSource  aisle_config_get_source          (AisleConfig  *self,
                                                     const char   *key);
gboolean           aisle_config_is_writable         (AisleConfig  *self,
                                                     const char   *key);

/* Staff settings. A value out of the key's range or choices gives
 * AISLE_ERROR_INVALID_DATA, a key locked down by the system
 * AISLE_ERROR_FAILED; the messages are translated, for staff. */
gboolean           aisle_config_set_value           (AisleConfig  *self,
                                                     const char   *key,
                                                     GVariant     *value,
                                                     GError      **error);
gboolean           aisle_config_set_string          (AisleConfig  *self,
                                                     const char   *key,
                                                     const char   *value,
                                                     GError      **error);
gboolean           aisle_config_set_uint            (AisleConfig  *self,
                                                     const char   *key,
                                                     guint         value,
                                                     GError      **error);
gboolean           aisle_config_set_boolean         (AisleConfig  *self,
                                                     const char   *key,
                                                     gboolean      value,
                                                     GError      **error);
gboolean           aisle_config_set_strv            (AisleConfig  *self,
                                                     const char   *key,
                                                     const char * const *value,
                                                     GError      **error);

/* Forgets what staff set: the key goes back to the provisioned value, or to
 * the default. */
void               aisle_config_reset               (AisleConfig  *self,
                                                     const char   *key);

G_END_DECLS
