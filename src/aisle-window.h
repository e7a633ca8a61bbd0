/* aisle-window.h: the kiosk window: attract screen, shop view, barcode scanner */
#pragma once

#include <adwaita.h>

#include "aisle-image-loader.h"
#include "aisle-services.h"
#include "aisle-session.h"

G_BEGIN_DECLS

#define AISLE_TYPE_WINDOW (aisle_window_get_type ())

G_DECLARE_FINAL_TYPE (AisleWindow, aisle_window, AISLE, WINDOW, AdwApplicationWindow)

AisleWindow *aisle_window_new          (GtkApplication   *app,
                                        AisleServices    *services,
                                        AisleImageLoader *images);
/* Rebuilds every page in the current language, keeping where the shopper is. */
void         aisle_window_retranslate  (AisleWindow      *self);
void         aisle_window_start        (AisleWindow      *self);
void         aisle_window_show_attract (AisleWindow      *self);
/* What a barcode scanner read; opens the product or says it is unknown. */
void         aisle_window_open_code    (AisleWindow      *self,
                                        const char       *code);
GtkWidget   *aisle_window_get_shop_view (AisleWindow     *self);
/* The shopper's visit on screen (the idle reset ends it). */
AisleSession *aisle_window_get_session (AisleWindow     *self);
GObject     *aisle_window_get_scanner  (AisleWindow      *self);

GObject     *aisle_window_get_guard   (AisleWindow *self);

/* Admin mode. The entry is the AisleAdminEntry watching for the five taps;
 * the view and the pad are NULL while not shown. Staff screens go back to
 * the attract screen after @seconds without input (180 by default). */
GObject     *aisle_window_get_admin_entry   (AisleWindow *self);
GtkWidget   *aisle_window_get_admin_view    (AisleWindow *self);
GtkWidget   *aisle_window_get_pin_pad       (AisleWindow *self);
void         aisle_window_set_staff_timeout (AisleWindow *self,
                                             guint        seconds);

G_END_DECLS
