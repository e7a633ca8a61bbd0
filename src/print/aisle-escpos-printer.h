/* aisle-escpos-printer.h: a thermal receipt printer on a device file or on TCP port 9100
 *
 * The target is either an absolute device path ("/dev/usb/lp0") or a network
 * printer's "host:port" ("192.168.1.50:9100", "tcp://printer.lan", port 9100
 * when left out). Before a job and right after it the printer is asked for
 * its real-time status (DLE EOT 1, 2 and 4 on TCP; the lp driver's status on
 * a USB or parallel device), so that "out of paper" or "cover open" reach
 * the shopper as such instead of a slip that never comes. Every wait has a
 * time limit. One job runs on one worker thread; the print queue sends one
 * job at a time.
 */
#pragma once

#include "aisle-escpos.h"
#include "aisle-printer.h"

G_BEGIN_DECLS

#define AISLE_ESCPOS_DEFAULT_PORT              9100
#define AISLE_ESCPOS_DEFAULT_CONNECT_TIMEOUT   3000   /* ms */
#define AISLE_ESCPOS_DEFAULT_WRITE_TIMEOUT     10000  /* ms without progress */
#define AISLE_ESCPOS_DEFAULT_STATUS_TIMEOUT    2000   /* ms for one status answer */

#define AISLE_TYPE_ESCPOS_PRINTER (aisle_escpos_printer_get_type ())

G_DECLARE_FINAL_TYPE (AisleEscposPrinter, aisle_escpos_printer, AISLE, ESCPOS_PRINTER, GObject)

/* Fails with AISLE_ERROR_INVALID_DATA for a target that is neither. */
AisleEscposPrinter *aisle_escpos_printer_new          (const char          *target,
                                                       GError             **error);
const char         *aisle_escpos_printer_get_target   (AisleEscposPrinter  *self);
gboolean            aisle_escpos_printer_is_network   (AisleEscposPrinter  *self);

/* 48 for 80 mm paper, 32 for 58 mm (AISLE_ESCPOS_MIN_COLUMNS to _MAX_COLUMNS). */
void                aisle_escpos_printer_set_columns  (AisleEscposPrinter  *self,
                                                       guint                columns);
guint               aisle_escpos_printer_get_columns  (AisleEscposPrinter  *self);
void                aisle_escpos_printer_set_qr_mode  (AisleEscposPrinter  *self,
                                                       AisleEscposQrMode    mode);
AisleEscposQrMode   aisle_escpos_printer_get_qr_mode  (AisleEscposPrinter  *self);
/* The n of "ESC t n" that selects PC858 on this printer (19 on Epson). */
void                aisle_escpos_printer_set_code_page (AisleEscposPrinter *self,
                                                        guint8              code_page);
/* For printers that never answer DLE EOT: print without asking. */
void                aisle_escpos_printer_set_query_status (AisleEscposPrinter *self,
                                                           gboolean            query);
/* Milliseconds; 0 keeps the current value. */
void                aisle_escpos_printer_set_timeouts (AisleEscposPrinter  *self,
                                                       guint                connect_ms,
                                                       guint                write_ms,
                                                       guint                status_ms);
/* The options a job is rendered with now. */
void                aisle_escpos_printer_get_options  (AisleEscposPrinter  *self,
                                                       AisleEscposOptions  *options);

G_END_DECLS
