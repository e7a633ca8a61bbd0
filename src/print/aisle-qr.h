/* aisle-qr.h: a QR code as a matrix of modules, for the screen and the slip
 *
 * libqrencode makes the matrix; the screen, the PDF and the thermal printer
 * each draw it on whole pixels or dots, with the quiet zone phones need.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

/* Four modules of white around the code: fewer and phones fail to read it. */
#define AISLE_QR_QUIET_ZONE 4

/* Far more than a URL with an order reference needs; keeps codes scannable. */
#define AISLE_QR_MAX_TEXT 1024

typedef struct _AisleQr AisleQr;

/* Encodes @text (UTF-8, 8-bit mode, error correction level M). Fails with
 * AISLE_ERROR_INVALID_DATA for empty or too long text. */
AisleQr  *aisle_qr_new         (const char *text,
                                GError    **error);
void      aisle_qr_free        (AisleQr    *self);
/* Modules per side, without the quiet zone. */
guint     aisle_qr_get_size    (const AisleQr *self);
const char *aisle_qr_get_text  (const AisleQr *self);
gboolean  aisle_qr_get_module  (const AisleQr *self,
                                guint       x,
                                guint       y);
/* The largest whole number of pixels per module that fits @side pixels,
 * quiet zone included; at least 1. */
guint     aisle_qr_module_size_for (const AisleQr *self,
                                    guint          side);
/* Draws the code with its quiet zone, black on white, @module units per
 * module, with the top left corner at @x, @y. */
void      aisle_qr_draw        (const AisleQr *self,
                                cairo_t       *cr,
                                double         x,
                                double         y,
                                double         module);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleQr, aisle_qr_free)

G_END_DECLS
