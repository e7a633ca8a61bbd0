/* aisle-admin-printer-page.h: which printer the kiosk uses, and a test print
 *
 * Only the fields of the chosen kind show. A test print goes through the
 * application's print queue like any slip, and the page follows its job.
 */
#pragma once

#include <adwaita.h>

#include "aisle-services.h"

G_BEGIN_DECLS

#define AISLE_TYPE_ADMIN_PRINTER_PAGE (aisle_admin_printer_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleAdminPrinterPage, aisle_admin_printer_page, AISLE, ADMIN_PRINTER_PAGE, AdwPreferencesPage)

GtkWidget *aisle_admin_printer_page_new (AisleServices *services);

G_END_DECLS
