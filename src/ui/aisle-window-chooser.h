/* aisle-window-chooser.h: when the shopper collects an order, or has it delivered
 *
 * One button per time the store offers from now on (opening hours for a
 * pickup, delivery windows for a delivery); the one pressed is the
 * checkout's window.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-checkout.h"

G_BEGIN_DECLS

#define AISLE_TYPE_WINDOW_CHOOSER (aisle_window_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AisleWindowChooser, aisle_window_chooser, AISLE, WINDOW_CHOOSER, GtkWidget)

/* Offers the times for @checkout's kind and store as they are now; a
 * window chosen before stays chosen if it is still offered. */
void aisle_window_chooser_update (AisleWindowChooser *self,
                                  AisleCheckout      *checkout);
/* Lets go of the order: the shopper's session ends. */
void aisle_window_chooser_clear  (AisleWindowChooser *self);

G_END_DECLS
