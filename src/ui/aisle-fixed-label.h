/* aisle-fixed-label.h: text in a fixed number of lines, cheap to change */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_FIXED_LABEL (aisle_fixed_label_get_type ())
G_DECLARE_FINAL_TYPE (AisleFixedLabel, aisle_fixed_label, AISLE, FIXED_LABEL, GtkWidget)

GtkWidget  *aisle_fixed_label_new       (void);
void        aisle_fixed_label_set_text  (AisleFixedLabel *self,
                                         const char      *text);
const char *aisle_fixed_label_get_text  (AisleFixedLabel *self);
void        aisle_fixed_label_set_lines (AisleFixedLabel *self,
                                         guint            lines);
guint       aisle_fixed_label_get_lines (AisleFixedLabel *self);

G_END_DECLS
