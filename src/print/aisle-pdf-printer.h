/* aisle-pdf-printer.h: the slip as a PDF file, drawn as for office printers
 *
 * "Printing" writes <folder>/<slip id>.pdf (atomically: a reader never sees
 * half a file), on a worker thread. A4 pages by default; a page height of 0
 * makes one page as long as the slip, like a receipt roll.
 */
#pragma once

#include "aisle-printer.h"

G_BEGIN_DECLS

#define AISLE_PDF_A4_WIDTH   595.276
#define AISLE_PDF_A4_HEIGHT  841.89
#define AISLE_PDF_80MM_WIDTH 226.772

#define AISLE_TYPE_PDF_PRINTER (aisle_pdf_printer_get_type ())

G_DECLARE_FINAL_TYPE (AislePdfPrinter, aisle_pdf_printer, AISLE, PDF_PRINTER, GObject)

AislePdfPrinter *aisle_pdf_printer_new           (const char      *folder);
const char      *aisle_pdf_printer_get_folder    (AislePdfPrinter *self);
/* Points; @height_pt 0 for one long page. @margin_pt on every side. */
void             aisle_pdf_printer_set_page_size (AislePdfPrinter *self,
                                                  double           width_pt,
                                                  double           height_pt,
                                                  double           margin_pt);
/* Where printing @slip puts it. */
char            *aisle_pdf_printer_get_path      (AislePdfPrinter *self,
                                                  AisleSlip       *slip);

/* Writes @slip to @path now, on the calling thread; AISLE_PRINTER_ERROR_FAILED
 * with the reason when the file cannot be written. */
gboolean         aisle_slip_write_pdf            (AisleSlip       *slip,
                                                  const char      *path,
                                                  double           width_pt,
                                                  double           height_pt,
                                                  double           margin_pt,
                                                  GError         **error);
/* The same PDF in memory, for print servers (aisle-cups-printer.c). */
GBytes          *aisle_slip_to_pdf               (AisleSlip       *slip,
                                                  double           width_pt,
                                                  double           height_pt,
                                                  double           margin_pt,
                                                  GError         **error);

G_END_DECLS
