/* aisle-slip-page.h: the slip on screen, and how its printing goes
 *
 * Shown when a shopper prints the list, and when an order's slip could not
 * be printed. The slip is always on screen, QR codes included, so a printer
 * that fails (offline, out of paper, cover open, no answer) never leaves a
 * shopper without it; the job stays in the print queue for staff.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-session.h"

G_BEGIN_DECLS

#define AISLE_TYPE_SLIP_PAGE (aisle_slip_page_get_type ())
G_DECLARE_FINAL_TYPE (AisleSlipPage, aisle_slip_page, AISLE, SLIP_PAGE, GtkWidget)

/* @queue: NULL when the kiosk has no printing at all. */
/* Shows the session's slip on screen and how its printing goes; Done
 * closes it. */
void       aisle_slip_page_set_session (AisleSlipPage *self,
                                        AisleSession  *session);
AisleSlip *aisle_slip_page_get_slip    (AisleSlipPage *self);

void aisle_slip_page_set_portrait (AisleSlipPage *self,
                                   gboolean      portrait);

G_END_DECLS
