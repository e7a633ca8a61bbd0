/* aisle-slip-page.h: the slip on screen, and how its printing goes
 *
 * Shown when a shopper prints the list, and when an order's slip could not
 * be printed. The slip is always on screen, QR codes included, so a printer
 * that fails (offline, out of paper, cover open, no answer) never leaves a
 * shopper without it; the job stays in the print queue for staff.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-print-queue.h"
#include "aisle-slip.h"

G_BEGIN_DECLS

#define AISLE_TYPE_SLIP_PAGE (aisle_slip_page_get_type ())
G_DECLARE_FINAL_TYPE (AisleSlipPage, aisle_slip_page, AISLE, SLIP_PAGE, GtkWidget)

/* @queue: NULL when the kiosk has no printing at all. */
void        aisle_slip_page_set_print_queue (AisleSlipPage   *self,
                                             AislePrintQueue *queue);
/* Queues @slip on the print queue and shows it with the job's progress. */
void        aisle_slip_page_print           (AisleSlipPage   *self,
                                             AisleSlip       *slip);
/* Shows @slip with the progress of print job @job_id (NULL: not printed). */
void        aisle_slip_page_show            (AisleSlipPage   *self,
                                             AisleSlip       *slip,
                                             const char      *job_id);
/* Forgets the slip: the shopper's session ends. */
void        aisle_slip_page_clear           (AisleSlipPage   *self);
AisleSlip  *aisle_slip_page_get_slip        (AisleSlipPage   *self);
const char *aisle_slip_page_get_job_id      (AisleSlipPage   *self);

/* Portrait screens stack the two columns. */
void aisle_slip_page_set_portrait (AisleSlipPage *self,
                                   gboolean      portrait);

G_END_DECLS
