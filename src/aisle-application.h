/* aisle-application.h: the kiosk application: options, settings, the store backend */
#pragma once

#include <adwaita.h>

#include "aisle-config.h"
#include "aisle-image-loader.h"
#include "aisle-outbox.h"
#include "aisle-print-queue.h"
#include "aisle-store.h"

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
AisleConfig      *aisle_application_get_config   (AisleApplication *self);
AislePrintQueue  *aisle_application_get_print_queue (AisleApplication *self);
gboolean          aisle_application_get_auto_print  (AisleApplication *self);
gboolean          aisle_application_get_store_pinned (AisleApplication *self);
gboolean          aisle_application_get_benchmark    (AisleApplication *self);

G_END_DECLS
