/* aisle-language.c: the four languages of the kiosk and switching between them */
#define G_LOG_DOMAIN "aisle-language"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>

#include "aisle-language.h"

/* GNU gettext caches translations; bumping this counter is its documented way
 * to make a change of LANGUAGE take effect in a running program. */
extern int _nl_msg_cat_cntr;

static const struct {
  const char *code;
  const char *native_name;
} languages[] = {
  [AISLE_LANGUAGE_EN] = { "en", "English" },
  [AISLE_LANGUAGE_IT] = { "it", "Italiano" },
  [AISLE_LANGUAGE_DE] = { "de", "Deutsch" },
  [AISLE_LANGUAGE_ES] = { "es", "Español" },
};

static AisleLanguage current = AISLE_LANGUAGE_EN;
static guint offered = (1u << AISLE_N_LANGUAGES_ENUM) - 1;

const char *
aisle_language_get_code (AisleLanguage language)
{
  g_return_val_if_fail (language < AISLE_N_LANGUAGES_ENUM, "en");
  return languages[language].code;
}

const char *
aisle_language_get_native_name (AisleLanguage language)
{
  g_return_val_if_fail (language < AISLE_N_LANGUAGES_ENUM, "English");
  return languages[language].native_name;
}

gboolean
aisle_language_from_code (const char    *code,
                          AisleLanguage *language)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      /* Accept "it", "it_IT", "it-IT.UTF-8" and the like. */
      gsize len = strlen (languages[i].code);

      if (g_ascii_strncasecmp (code, languages[i].code, len) == 0 &&
          (code[len] == '\0' || code[len] == '_' || code[len] == '-' || code[len] == '.'))
        {
          *language = i;
          return TRUE;
        }
    }

  return FALSE;
}

AisleLanguage
aisle_language_get_current (void)
{
  return current;
}

const char *
aisle_language_get_current_code (void)
{
  return languages[current].code;
}

void
aisle_language_set_current (AisleLanguage language)
{
  g_return_if_fail (language < AISLE_N_LANGUAGES_ENUM);

  current = language;

  /* LANGUAGE wins over LC_MESSAGES in GNU gettext as long as the locale is not
   * plain "C"; main() makes sure it is at least C.UTF-8. */
  g_setenv ("LANGUAGE", languages[language].code, TRUE);
  ++_nl_msg_cat_cntr;
}

/* The languages staff offer on this kiosk; NULL or none known means all. */
void
aisle_language_set_offered (const char * const *codes)
{
  guint mask = 0;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      AisleLanguage language;

      if (aisle_language_from_code (codes[i], &language))
        mask |= 1u << language;
    }
  offered = mask != 0 ? mask : (1u << AISLE_N_LANGUAGES_ENUM) - 1;
}

gboolean
aisle_language_is_offered (AisleLanguage language)
{
  return language < AISLE_N_LANGUAGES_ENUM && (offered & (1u << language)) != 0;
}
