/* aisle-slip-render.h: the slip drawn with cairo and PangoCairo
 *
 * One drawing for the PDF export, office printers (CUPS) and the on-screen
 * fallback when no printer works. Units are points: 1 cairo unit = 1/72
 * inch, as on a PDF or print context; scale the context for a screen. Text
 * sizes follow the width, so a 58 mm roll and an A4 page both look right.
 * Safe to use on a worker thread with a context of its own.
 */
#pragma once

#include <cairo.h>

#include "aisle-slip.h"

G_BEGIN_DECLS

/* Draws @slip with its top left corner at the current point of origin of
 * @cr, @width_pt wide, as tall as aisle_slip_render_get_height() says. */
void    aisle_slip_render            (AisleSlip *slip,
                                      cairo_t   *cr,
                                      double     width_pt);
double  aisle_slip_render_get_height (AisleSlip *slip,
                                      double     width_pt);
/* Where pages of @page_height_pt should start so that no line, row or QR
 * code is cut in two (unless one alone is taller than a page): an array of
 * doubles, the first 0, one per page. */
GArray *aisle_slip_render_paginate   (AisleSlip *slip,
                                      double     width_pt,
                                      double     page_height_pt);

G_END_DECLS
