/* aisle-admin-view.h: admin mode: the staff's pages, their header and an on-screen keyboard
 *
 * Status, today's orders and print jobs, the store, the printer and the
 * shopper's session, each a page under a view switcher; "Back to the shop"
 * emits ::leave, "Change the PIN" ::change-pin. Fields get the kiosk's own
 * keyboard, since a terminal has none.
 */
#pragma once

#include <adwaita.h>

#include "aisle-services.h"

G_BEGIN_DECLS

#define AISLE_TYPE_ADMIN_VIEW (aisle_admin_view_get_type ())

G_DECLARE_FINAL_TYPE (AisleAdminView, aisle_admin_view, AISLE, ADMIN_VIEW, GtkWidget)

GtkWidget *aisle_admin_view_new           (AisleServices *services);
/* "status", "today", "store", "printer" or "session". */
void       aisle_admin_view_show_page     (AisleAdminView   *self,
                                           const char       *name);
const char *aisle_admin_view_get_page     (AisleAdminView   *self);
/* Tabs in the header (landscape) or at the foot of the screen (portrait). */
void       aisle_admin_view_set_portrait  (AisleAdminView   *self,
                                           gboolean          portrait);
/* The window's focus moved: the keyboard follows a field of this view. */
void       aisle_admin_view_focus_changed (AisleAdminView   *self,
                                           GtkWidget        *focus);

G_END_DECLS
