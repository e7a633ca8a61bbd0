/* aisle-admin-today-page.h: today's orders from this kiosk and today's print jobs, with Reprint */
#pragma once

#include <adwaita.h>

#include "aisle-services.h"

G_BEGIN_DECLS

#define AISLE_TYPE_ADMIN_TODAY_PAGE (aisle_admin_today_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleAdminTodayPage, aisle_admin_today_page, AISLE, ADMIN_TODAY_PAGE, AdwPreferencesPage)

GtkWidget *aisle_admin_today_page_new (AisleServices *services);

G_END_DECLS
