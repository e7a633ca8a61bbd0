/* aisle-printer.c: what prints a slip, and the errors a shopper is told about */
#define G_LOG_DOMAIN "aisle-printer"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-printer.h"

G_DEFINE_QUARK (aisle-printer-error-quark, aisle_printer_error)

G_DEFINE_INTERFACE (AislePrinter, aisle_printer, G_TYPE_OBJECT)

/* Every printer so far runs its job in one GTask that returns a boolean. */
static gboolean
aisle_printer_real_print_finish (AislePrinter  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
aisle_printer_default_init (AislePrinterInterface *iface)
{
  iface->print_finish = aisle_printer_real_print_finish;
}

const char *
aisle_printer_error_message (AislePrinterError code)
{
  /* Said to a shopper standing at the kiosk: what happened and what to do,
   * no jargon. The slip is kept, so staff can print it again. */
  switch (code)
    {
    case AISLE_PRINTER_ERROR_OFFLINE:
    case AISLE_PRINTER_ERROR_NO_QUEUE:
    case AISLE_PRINTER_ERROR_STOPPED:
    case AISLE_PRINTER_ERROR_NO_SERVICE:
      return _("The printer is not available right now. Please ask a member of staff for your slip.");
    case AISLE_PRINTER_ERROR_PAPER_OUT:
      return _("The printer has run out of paper. Please ask a member of staff for your slip.");
    case AISLE_PRINTER_ERROR_COVER_OPEN:
      return _("The printer is open. Please ask a member of staff for your slip.");
    case AISLE_PRINTER_ERROR_TIMEOUT:
      return _("The printer is not answering. Please ask a member of staff for your slip.");
    case AISLE_PRINTER_ERROR_ABORTED:
    case AISLE_PRINTER_ERROR_FAILED:
    default:
      return _("Your slip could not be printed. Please ask a member of staff for it.");
    }
}

const char *
aisle_printer_error_staff_message (AislePrinterError code)
{
  /* Read by staff on the admin screens: what is wrong and what fixes it.
   * Every failed slip is kept and can be printed again from Today. */
  switch (code)
    {
    case AISLE_PRINTER_ERROR_OFFLINE:
      return _("The printer does not answer. Check that it is switched on and connected, then print the slip again.");
    case AISLE_PRINTER_ERROR_PAPER_OUT:
      return _("The paper roll is empty. Load a new roll, then print the slip again.");
    case AISLE_PRINTER_ERROR_COVER_OPEN:
      return _("The printer's cover is open. Close it, then print the slip again.");
    case AISLE_PRINTER_ERROR_TIMEOUT:
      return _("The printer took too long to answer. Check it, then print the slip again.");
    case AISLE_PRINTER_ERROR_NO_QUEUE:
      return _("The print queue chosen on the Printer page does not exist. Choose one of the queues listed there.");
    case AISLE_PRINTER_ERROR_STOPPED:
      return _("The print queue is stopped or refuses jobs. Resume it in CUPS (cupsenable, cupsaccept), then print the slip again.");
    case AISLE_PRINTER_ERROR_ABORTED:
      return _("The print service gave up on the slip. Check the printer and the CUPS error log, then print the slip again.");
    case AISLE_PRINTER_ERROR_NO_SERVICE:
      return _("The print service (CUPS) is not running on this kiosk. Start it, then print the slip again.");
    case AISLE_PRINTER_ERROR_FAILED:
    default:
      return _("The slip could not be printed. The kiosk's log says why; print it again once that is fixed.");
    }
}

void
aisle_printer_print_async (AislePrinter        *self,
                           AisleSlip           *slip,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (AISLE_IS_PRINTER (self));
  g_return_if_fail (AISLE_IS_SLIP (slip));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  AISLE_PRINTER_GET_IFACE (self)->print_async (self, slip, cancellable, callback, user_data);
}

gboolean
aisle_printer_print_finish (AislePrinter  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(GError) local = NULL;
  AislePrinterError code = AISLE_PRINTER_ERROR_FAILED;

  g_return_val_if_fail (AISLE_IS_PRINTER (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  if (AISLE_PRINTER_GET_IFACE (self)->print_finish (self, result, &local))
    return TRUE;

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* The detail is for staff, in the log; the shopper gets a sentence made
   * here, on the caller's thread, in the language the kiosk shows now. */
  if (local != NULL && local->domain == AISLE_PRINTER_ERROR && local->code >= 0 &&
      local->code <= AISLE_PRINTER_ERROR_LAST)
    code = local->code;
  g_message ("%s could not print: %s", G_OBJECT_TYPE_NAME (self), local ? local->message : "no reason given");
  g_set_error_literal (error, AISLE_PRINTER_ERROR, code, aisle_printer_error_message (code));
  return FALSE;
}
