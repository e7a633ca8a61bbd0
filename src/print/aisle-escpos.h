/* aisle-escpos.h: a slip as the bytes an ESC/POS thermal printer prints
 *
 * Epson's command set, as most receipt printers speak it: code page PC858
 * (ESC t 19; CP850 with €), bold and double-size headings, QR codes either
 * as the printer's own GS ( k symbol or as a GS v 0 raster image, feed and
 * partial cut. Text is laid out here, word-wrapped to the paper's columns
 * (48 on 80 mm paper, 32 on 58 mm), since the printer only breaks lines
 * where it runs out of paper. See docs/printing.md.
 */
#pragma once

#include <glib-object.h>

#include "aisle-slip.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_ESCPOS_QR_NATIVE,   /* GS ( k: the printer draws the code (TM-T20, TM-T88V and later) */
  AISLE_ESCPOS_QR_RASTER,   /* GS v 0: an image made here, for printers without QR support */
} AisleEscposQrMode;

GType aisle_escpos_qr_mode_get_type (void) G_GNUC_CONST;
#define AISLE_TYPE_ESCPOS_QR_MODE (aisle_escpos_qr_mode_get_type ())

#define AISLE_ESCPOS_COLUMNS_80MM    48
#define AISLE_ESCPOS_COLUMNS_58MM    32
#define AISLE_ESCPOS_MIN_COLUMNS     24
#define AISLE_ESCPOS_MAX_COLUMNS     64
/* Font A is 12 dots wide: 48 columns are the 576 dots of 80 mm paper. */
#define AISLE_ESCPOS_DOTS_PER_COLUMN 12
/* ESC t 19 selects PC858 on Epson printers. */
#define AISLE_ESCPOS_CODE_PAGE_PC858 19

typedef struct
{
  guint             columns;     /* AISLE_ESCPOS_MIN_COLUMNS to _MAX_COLUMNS */
  AisleEscposQrMode qr_mode;
  guint8            code_page;   /* the n of ESC t n that selects PC858 */
  gboolean          cut;         /* FALSE: feed only, for printers without a cutter */
} AisleEscposOptions;

/* 48 columns, native QR codes, PC858 as ESC t 19, cut. */
void        aisle_escpos_options_init   (AisleEscposOptions       *options);

/* The whole job: initialise, select the code page, the slip, feed, cut.
 * Fails (AISLE_ERROR_INVALID_DATA) only when a QR payload cannot be encoded. */
GBytes     *aisle_escpos_render         (AisleSlip                *slip,
                                         const AisleEscposOptions *options,
                                         GError                  **error);

/* UTF-8 to PC858, one byte per character: "€" is 0xD5, "ä" 0x84. Text is
 * NFC-normalised first; typographic punctuation without a PC858 glyph
 * becomes its ASCII look-alike ("–" → "-", "“" → "\""), other characters
 * become "?". Control characters become spaces except "\n", so text never
 * carries printer commands. Returns a NUL-terminated string. */
char       *aisle_escpos_encode_text    (const char               *utf8,
                                         gsize                    *length);

/* Word-wraps PC858 @text (one byte per column) to lines of at most @width
 * columns, and @first_width for the first one; "\n" breaks a line; words
 * longer than a line are cut. Always at least one line. */
GPtrArray  *aisle_escpos_wrap           (const char               *text,
                                         guint                     first_width,
                                         guint                     width);

G_END_DECLS
