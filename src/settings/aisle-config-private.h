/* aisle-config-private.h: what AisleConfig shares with its file reader */
#pragma once

#include "aisle-config.h"

G_BEGIN_DECLS

/* Written by staff, sent to the server, never shown back or logged. */
gboolean    aisle_config_key_is_secret  (const char      *key);
/* The provisioning file at @path, read and checked: key → GVariant
 * (transfer full; empty when there is none or nothing usable). */
GHashTable *aisle_config_load_overrides (GSettingsSchema *schema,
                                         const char      *path);

G_END_DECLS
