/* aisle-application.h: the kiosk application: options, settings, language, the window */
#pragma once

#include <adwaita.h>

#include "aisle-services.h"

G_BEGIN_DECLS

#define AISLE_TYPE_APPLICATION (aisle_application_get_type ())

G_DECLARE_FINAL_TYPE (AisleApplication, aisle_application, AISLE, APPLICATION, AdwApplication)

AisleApplication *aisle_application_new          (void);
/* For main() and programs that run the kiosk: the renderer, then gettext. */
void              aisle_application_setup_renderer (void);
void              aisle_application_setup_i18n   (void);
/* NULL until the application has started. */
AisleServices    *aisle_application_get_services (AisleApplication *self);
void              aisle_application_set_measuring (AisleApplication *self,
                                                   gboolean          measuring);

G_END_DECLS
