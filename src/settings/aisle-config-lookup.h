/* aisle-config-lookup.h: reading a setting that an installed schema may not have
 *
 * For the code that reads settings at start-up: an older installed schema
 * may lack a newer key (AisleConfig refuses such a key with a critical), and
 * without a schema there is no AisleConfig at all. Both give the fallback.
 */
#pragma once

#include "aisle-config.h"

G_BEGIN_DECLS

/* Whether @config (nullable) has @key. */
gboolean aisle_config_lookup_has_key (AisleConfig *config,
                                      const char  *key);
/* The string setting @key of @config (nullable), secret or not; @fallback
 * when it is empty or missing. (transfer full) */
char    *aisle_config_lookup_string  (AisleConfig *config,
                                      const char  *key,
                                      const char  *fallback);

G_END_DECLS
