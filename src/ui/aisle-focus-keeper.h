/* aisle-focus-keeper.h: the keyboard focus and the on-screen keyboard of a view
 *
 * Someone with a keyboard or a switch device must always find the focus on
 * the page they see; someone with a finger gets the on-screen keyboard when
 * they tap a field. The keeper watches a view's input (keys or fingers) and
 * its focus, and does both for it. It holds no reference on the widgets:
 * the view owns them and the keeper, and drops the keeper first.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-keyboard.h"

G_BEGIN_DECLS

#define AISLE_TYPE_FOCUS_KEEPER (aisle_focus_keeper_get_type ())

G_DECLARE_FINAL_TYPE (AisleFocusKeeper, aisle_focus_keeper, AISLE, FOCUS_KEEPER, GObject)

/* @pages: the stack whose visible page gets the focus; @fallback: what gets
 * it when that page has nothing to focus (the search field); @revealer and
 * @keyboard: the on-screen keyboard and its tray. */
AisleFocusKeeper *aisle_focus_keeper_new          (GtkWidget        *view,
                                                   GtkStack         *pages,
                                                   GtkWidget        *fallback,
                                                   GtkRevealer      *revealer,
                                                   AisleKeyboard    *keyboard);
/* Once GTK has laid the page out, puts the focus on it unless it is
 * somewhere the shopper can see. */
void              aisle_focus_keeper_keep_later   (AisleFocusKeeper *self);
/* The window's focus moved (NULL: the focused control went away). */
void              aisle_focus_keeper_focus_changed (AisleFocusKeeper *self,
                                                    GtkWidget        *focus);
void              aisle_focus_keeper_hide_keyboard (AisleFocusKeeper *self);
/* For the next shopper: the keyboard away, typing into the fallback, in
 * the kiosk's language. */
void              aisle_focus_keeper_reset         (AisleFocusKeeper *self);

G_END_DECLS
