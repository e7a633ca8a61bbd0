/* main.c: set up gettext and run the kiosk */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "aisle-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AisleApplication) app = NULL;

  /* Shop-floor terminals mostly render in software, where GTK's cairo
   * renderer starts sooner and needs far less memory than GL on llvmpipe;
   * with GL off, Mesa and LLVM are not even loaded (about 40 MB less).
   * Terminals with a GPU can set GSK_RENDERER=gl. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    {
      const char *debug = g_getenv ("GDK_DEBUG");
      g_autofree char *flags = debug && *debug ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");

      g_setenv ("GSK_RENDERER", "cairo", TRUE);
      g_setenv ("GDK_DEBUG", flags, TRUE);
    }

  aisle_application_setup_i18n ();

  app = aisle_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
