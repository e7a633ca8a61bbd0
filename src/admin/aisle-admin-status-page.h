/* aisle-admin-status-page.h: how the kiosk is doing: catalog, orders, printer, disk
 *
 * Kept current while shown (every few seconds and on the models' signals),
 * with the two things staff do about it: refresh the catalog, send the
 * waiting orders.
 */
#pragma once

#include <adwaita.h>

#include "aisle-services.h"

G_BEGIN_DECLS

#define AISLE_TYPE_ADMIN_STATUS_PAGE (aisle_admin_status_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleAdminStatusPage, aisle_admin_status_page, AISLE, ADMIN_STATUS_PAGE, AdwPreferencesPage)

GtkWidget *aisle_admin_status_page_new     (AisleServices     *services);
/* Reads everything again now. */
void       aisle_admin_status_page_update  (AisleAdminStatusPage *self);

G_END_DECLS
