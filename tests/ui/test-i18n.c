/* test-i18n.c: the kiosk switches language whatever locale it starts in
 *
 * A kiosk started by systemd, or a test run by meson on a machine without
 * LANG, may have only LC_CTYPE set (Python gives its children
 * LC_CTYPE=C.UTF-8): LC_MESSAGES is then C, where GNU gettext ignores the
 * LANGUAGE the kiosk switches languages with.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "aisle-application.h"
#include "aisle-language.h"

static void
check_italian (const char *ctype)
{
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LANG");
  g_unsetenv ("LC_MESSAGES");
  if (ctype != NULL)
    g_setenv ("LC_CTYPE", ctype, TRUE);
  else
    g_unsetenv ("LC_CTYPE");

  aisle_application_setup_i18n ();
  /* GTK sets the locale again when it starts, unless told not to. */
  gtk_init ();
  aisle_language_set_current (AISLE_LANGUAGE_IT);
  g_assert_cmpstr (_("Back"), ==, "Indietro");
  aisle_language_set_current (AISLE_LANGUAGE_EN);
  g_assert_cmpstr (_("Back"), ==, "Back");
}

/* Each case in a process of its own: GTK starts once per process. */
static void
test_only_ctype (void)
{
  if (g_test_subprocess ())
    {
      check_italian ("C.UTF-8");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_no_locale (void)
{
  if (g_test_subprocess ())
    {
      check_italian (NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/only-lc-ctype", test_only_ctype);
  g_test_add_func ("/i18n/no-locale", test_no_locale);

  return g_test_run ();
}
