/* aisle-home-page.h: the first page after "touch to start": categories and the scan hint */
#pragma once

#include <gtk/gtk.h>

#include "aisle-catalog.h"

G_BEGIN_DECLS

#define AISLE_TYPE_HOME_PAGE (aisle_home_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleHomePage, aisle_home_page, AISLE, HOME_PAGE, GtkWidget)

void aisle_home_page_set_catalog (AisleHomePage *self,
                                  AisleCatalog  *catalog);

void aisle_home_page_set_portrait (AisleHomePage *self,
                                   gboolean       portrait);

G_END_DECLS
