/* aisle-language.h: the four languages of the kiosk and switching between them
 *
 * The shopper can change language at any time. The UI's strings come from
 * gettext and the product texts from the catalog, both in the current language.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AISLE_LANGUAGE_EN,
  AISLE_LANGUAGE_IT,
  AISLE_LANGUAGE_DE,
  AISLE_LANGUAGE_ES,
  AISLE_N_LANGUAGES_ENUM
} AisleLanguage;

const char    *aisle_language_get_code        (AisleLanguage  language);
const char    *aisle_language_get_native_name (AisleLanguage  language);
gboolean       aisle_language_from_code       (const char    *code,
                                               AisleLanguage *language);

AisleLanguage  aisle_language_get_current     (void);
const char    *aisle_language_get_current_code (void);
/* Switches gettext and the catalog texts; call on the main thread. */
void           aisle_language_set_current     (AisleLanguage  language);

/* Which languages the language bar offers (staff choose); NULL means all. */
void           aisle_language_set_offered     (const char * const *codes);
gboolean       aisle_language_is_offered      (AisleLanguage  language);

G_END_DECLS
