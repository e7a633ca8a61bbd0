/* aisle-admin-store-page.h: which store the kiosk talks to, and a test of the connection
 *
 * The access token is written, never shown back: the page only says
 * whether one is set.
 */
#pragma once

#include <adwaita.h>

#include "aisle-services.h"

G_BEGIN_DECLS

#define AISLE_TYPE_ADMIN_STORE_PAGE (aisle_admin_store_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleAdminStorePage, aisle_admin_store_page, AISLE, ADMIN_STORE_PAGE, AdwPreferencesPage)

GtkWidget *aisle_admin_store_page_new (AisleServices *services);

G_END_DECLS
