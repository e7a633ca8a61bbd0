/* aisle-return-chooser.h: what a shopper brings back from an online order, and why
 *
 * Lists the order's lines: those that may come back with a − count + stepper
 * up to what may be returned, the others with why not (already returned,
 * the return window is over, never taken back); and the reasons, one to
 * choose. ::changed tells when the choice changes.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-online-order.h"

G_BEGIN_DECLS

#define AISLE_TYPE_RETURN_CHOOSER (aisle_return_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AisleReturnChooser, aisle_return_chooser, AISLE, RETURN_CHOOSER, GtkWidget)

/* Starts again with nothing chosen; @today: "2026-12-07". @order must stay
 * alive while shown. */
void                aisle_return_chooser_set_order     (AisleReturnChooser     *self,
                                                        const AisleOnlineOrder *order,
                                                        const char             *today);
/* How many lines could come back at all. */
guint               aisle_return_chooser_get_n_returnable (AisleReturnChooser  *self);
/* TRUE when at least one item and a reason are chosen. */
gboolean            aisle_return_chooser_is_complete   (AisleReturnChooser     *self);
/* The request for what is chosen (NULL: not complete). */
AisleReturnRequest *aisle_return_chooser_build_request (AisleReturnChooser     *self);

G_END_DECLS
