/* aisle-admin-util.h: small helpers the admin pages share
 *
 * Where a setting comes from (this kiosk, the fleet's kiosk.conf, the
 * default) beside its row, with Reset; toasts; times and ages in words.
 */
#pragma once

#include <adwaita.h>

#include "aisle-config.h"

G_BEGIN_DECLS

/* Adds to @row (an AdwActionRow or AdwEntryRow) a note saying where @key's
 * value comes from and a Reset button while staff set it here, both kept
 * current; the row is insensitive when the system locked the key. */
void   aisle_admin_add_source       (GtkWidget   *row,
                                     AisleConfig *config,
                                     const char  *key);
/* Shows @message in the admin view's toast overlay, if @widget is in one. */
void   aisle_admin_toast            (GtkWidget   *widget,
                                     const char  *message);
/* Writes @value to @key; a refusal is shown as a toast. */
gboolean aisle_admin_set_value      (GtkWidget   *widget,
                                     AisleConfig *config,
                                     const char  *key,
                                     GVariant    *value);
/* "just now", "5 min ago", "3 h ago", "2 days ago". */
char  *aisle_admin_format_age       (gint64       seconds);
/* Local "HH:MM" of @unix_time. */
char  *aisle_admin_format_time      (gint64       unix_time);
/* The printer kinds of "printer-kind", in the order staff choose them. */
extern const char * const aisle_admin_printer_kinds[];
/* "PDF files in a folder" for "pdf", translated. */
const char *aisle_admin_printer_kind_name (const char *kind);
/* Names a control for screen readers and the tests' accessibility check. */
void   aisle_admin_name             (GtkWidget   *widget,
                                     const char  *name);
/* Removes every row but the placeholder from @group, for lists rebuilt. */
void   aisle_admin_clear_rows       (GPtrArray   *rows,
                                     AdwPreferencesGroup *group);

G_END_DECLS
