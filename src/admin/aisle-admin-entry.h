/* aisle-admin-entry.h: the hidden way into admin mode: five quick taps in the top-left corner
 *
 * Shoppers must not stumble on it, staff must find it without a keyboard:
 * five presses within three seconds in the top-left corner of the window.
 * A press anywhere else, or a pause, starts the count over. The presses are
 * only watched (capture phase), never taken from what is under them.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_ADMIN_ENTRY_TAPS        5
#define AISLE_ADMIN_ENTRY_WINDOW_US   (3 * G_USEC_PER_SEC)
/* The corner's size in pixels: a fingertip lands in it on purpose, not by chance. */
#define AISLE_ADMIN_ENTRY_CORNER_SIZE 96

#define AISLE_TYPE_ADMIN_ENTRY (aisle_admin_entry_get_type ())

G_DECLARE_FINAL_TYPE (AisleAdminEntry, aisle_admin_entry, AISLE, ADMIN_ENTRY, GObject)

AisleAdminEntry *aisle_admin_entry_new    (void);

/* Watches presses and touches on @widget (the window), in its coordinates. */
void             aisle_admin_entry_attach (AisleAdminEntry *self,
                                           GtkWidget       *widget);

/* One press at (@x, @y) at @time_us (monotonic microseconds). Returns TRUE,
 * and emits ::activated, when it is the fifth quick tap in the corner. */
gboolean         aisle_admin_entry_tap    (AisleAdminEntry *self,
                                           double           x,
                                           double           y,
                                           gint64           time_us);

/* Forgets the taps counted so far. */
void             aisle_admin_entry_reset  (AisleAdminEntry *self);

G_END_DECLS
