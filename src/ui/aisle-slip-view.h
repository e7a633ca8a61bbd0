/* aisle-slip-view.h: a slip on screen, drawn as it prints
 *
 * The same cairo drawing as the PDF and office printers (aisle-slip-render),
 * scaled to the widget's width: the shopper's fallback when the printer
 * fails, QR codes included.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-slip.h"

G_BEGIN_DECLS

#define AISLE_TYPE_SLIP_VIEW (aisle_slip_view_get_type ())
G_DECLARE_FINAL_TYPE (AisleSlipView, aisle_slip_view, AISLE, SLIP_VIEW, GtkWidget)

GtkWidget *aisle_slip_view_new      (void);
void       aisle_slip_view_set_slip (AisleSlipView *self,
                                     AisleSlip     *slip);
AisleSlip *aisle_slip_view_get_slip (AisleSlipView *self);

G_END_DECLS
