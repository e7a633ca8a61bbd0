/* aisle-application.h: the kiosk application: options, settings, the store backend */
#pragma once

#include <adwaita.h>

#include "aisle-store.h"
#include "aisle-image-loader.h"

G_BEGIN_DECLS

#define AISLE_TYPE_APPLICATION (aisle_application_get_type ())

G_DECLARE_FINAL_TYPE (AisleApplication, aisle_application, AISLE, APPLICATION, AdwApplication)

AisleApplication *aisle_application_new          (void);
void              aisle_application_setup_i18n   (void);
AisleStore       *aisle_application_get_store    (AisleApplication *self);
AisleImageLoader *aisle_application_get_images   (AisleApplication *self);
AisleApplication *aisle_application_get_default (void);
AisleOutbox      *aisle_application_get_outbox   (AisleApplication *self);
const char       *aisle_application_get_store_id (AisleApplication *self);
char             *aisle_application_dup_kiosk_id (AisleApplication *self);

G_END_DECLS
