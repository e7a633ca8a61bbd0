/* aisle-admin-session-page.h: the shopper's session: idle times, languages, printing; the staff PIN */
#pragma once

#include <adwaita.h>

#include "aisle-services.h"

G_BEGIN_DECLS

#define AISLE_TYPE_ADMIN_SESSION_PAGE (aisle_admin_session_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleAdminSessionPage, aisle_admin_session_page, AISLE, ADMIN_SESSION_PAGE, AdwPreferencesPage)

GtkWidget *aisle_admin_session_page_new (AisleServices *services);

G_END_DECLS
