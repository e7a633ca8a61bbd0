/* main.c: set up the renderer and gettext, and run the kiosk */
#include "config.h"

#include "aisle-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AisleApplication) app = NULL;

  aisle_application_setup_renderer ();
  aisle_application_setup_i18n ();

  app = aisle_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
