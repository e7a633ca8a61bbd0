/* aisle-language-bar.h: one button per kiosk language, always in reach */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AISLE_TYPE_LANGUAGE_BAR (aisle_language_bar_get_type ())

G_DECLARE_FINAL_TYPE (AisleLanguageBar, aisle_language_bar, AISLE, LANGUAGE_BAR, GtkWidget)

G_END_DECLS
