/* aisle-attract-page.h: the idle screen: "touch to start" and the language choice */
#pragma once

#include <gtk/gtk.h>

#include "aisle-catalog.h"

G_BEGIN_DECLS

#define AISLE_TYPE_ATTRACT_PAGE (aisle_attract_page_get_type ())

G_DECLARE_FINAL_TYPE (AisleAttractPage, aisle_attract_page, AISLE, ATTRACT_PAGE, GtkWidget)

AisleAttractPage *aisle_attract_page_new         (void);
void              aisle_attract_page_set_catalog (AisleAttractPage *self,
                                                  AisleCatalog     *catalog);

G_END_DECLS
