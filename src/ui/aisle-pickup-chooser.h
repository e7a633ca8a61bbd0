/* aisle-pickup-chooser.h: where the shopper collects an order, and what that store has
 *
 * One button per store of the feed (this one first), and under them each
 * line of the order with its availability at the chosen store. Choosing is
 * the session's: for another store it fetches that store's stock, and the
 * lines are redrawn when it answers.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-session.h"

G_BEGIN_DECLS

#define AISLE_TYPE_PICKUP_CHOOSER (aisle_pickup_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AislePickupChooser, aisle_pickup_chooser, AISLE, PICKUP_CHOOSER, GtkWidget)

/* Shows the stores and lines of @session's checkout, for the store chosen
 * in it, with that store's stock as it is now. */
void        aisle_pickup_chooser_start    (AislePickupChooser *self,
                                           AisleSession       *session);
/* Why the chosen store cannot prepare the order (NULL: it can). */
const char *aisle_pickup_chooser_get_hint (AislePickupChooser *self);
/* Stops waiting for a store's stock: the shopper's session ends. */
void        aisle_pickup_chooser_clear    (AislePickupChooser *self);

G_END_DECLS
