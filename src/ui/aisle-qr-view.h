/* aisle-qr-view.h: a QR code on screen, drawn on whole pixels at any size */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_QR_VIEW (aisle_qr_view_get_type ())
G_DECLARE_FINAL_TYPE (AisleQrView, aisle_qr_view, AISLE, QR_VIEW, GtkWidget)

GtkWidget  *aisle_qr_view_new      (void);
/* NULL or text that cannot be encoded shows nothing. */
void        aisle_qr_view_set_text (AisleQrView *self,
                                    const char  *text);
const char *aisle_qr_view_get_text (AisleQrView *self);

G_END_DECLS
