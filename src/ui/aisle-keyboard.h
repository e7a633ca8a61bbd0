/* aisle-keyboard.h: the kiosk's own on-screen keyboard
 *
 * Shop-floor terminals have no physical keyboard, and system on-screen
 * keyboards do not work under kiosk compositors, so Aisle draws its own. It
 * types into a target GtkEditable without taking the focus from it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_KEYBOARD (aisle_keyboard_get_type ())

G_DECLARE_FINAL_TYPE (AisleKeyboard, aisle_keyboard, AISLE, KEYBOARD, GtkWidget)

GtkWidget   *aisle_keyboard_new        (void);
GtkEditable *aisle_keyboard_get_target (AisleKeyboard *self);
void         aisle_keyboard_set_target (AisleKeyboard *self,
                                        GtkEditable   *target);
const char  *aisle_keyboard_get_layout (AisleKeyboard *self);
void         aisle_keyboard_set_layout (AisleKeyboard *self,
                                        const char    *layout);

G_END_DECLS
