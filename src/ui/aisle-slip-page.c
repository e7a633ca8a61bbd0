/* aisle-slip-page.c: the slip on screen, and how its printing goes */
#define G_LOG_DOMAIN "aisle-slip-page"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-qr-view.h"
#include "aisle-slip-page.h"
#include "aisle-slip-view.h"
#include "aisle-widget-util.h"

struct _AisleSlipPage
{
  GtkWidget        parent_instance;

  GtkWidget       *main_box;
  AisleSession    *session;
  AislePrintQueue *queue;
  char            *job_id;

  GtkLabel        *title_label;
  GtkLabel        *status_label;
  GtkLabel        *hint_label;
  GtkWidget       *retry_button;
  GtkWidget       *phone_box;
  AisleQrView     *phone_qr;
  GtkScrolledWindow *slip_scroller;
  AisleSlipView   *slip_view;
};

G_DEFINE_FINAL_TYPE (AisleSlipPage, aisle_slip_page, GTK_TYPE_WIDGET)

static void
set_texts (AisleSlipPage *self,
           const char    *title,
           const char    *status,
           const char    *hint)
{
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL && *status != '\0');
  gtk_label_set_text (self->hint_label, hint);
}

static void
render (AisleSlipPage *self)
{
  g_autoptr(AislePrintJob) job = NULL;

  gtk_widget_set_visible (self->retry_button, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "slip-status");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");

  if (self->job_id != NULL && self->queue != NULL)
    job = aisle_print_queue_get_job (self->queue, self->job_id);

  if (job == NULL)
    {
      set_texts (self, _("Your slip"), _("This kiosk cannot print just now."),
                 _("Here is your slip on screen: scan the QR code with your phone to take your list with you."));
      return;
    }

  switch (job->state)
    {
    case AISLE_PRINT_JOB_QUEUED:
    case AISLE_PRINT_JOB_PRINTING:
      set_texts (self, _("Printing your slip…"), NULL,
                 _("It shows the aisle and shelf of every box, in the order you walk through the stockroom."));
      break;

    case AISLE_PRINT_JOB_DONE:
      set_texts (self, _("Take your slip"), _("Your slip is printed: take it from the printer."),
                 _("It shows the aisle and shelf of every box, in the order you walk through the stockroom."));
      break;

    case AISLE_PRINT_JOB_FAILED:
    default:
      /* The message in today's language, not the one of the failure. */
      set_texts (self, _("Your slip could not be printed"),
                 job->error != NULL && job->error->domain == AISLE_PRINTER_ERROR
                   ? aisle_printer_error_message (job->error->code)
                   : aisle_printer_error_message (AISLE_PRINTER_ERROR_FAILED),
                 _("Here it is on screen instead: scan the QR code with your phone. "
                   "Your slip is kept, so staff can print it for you."));
      gtk_widget_set_visible (self->retry_button, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "slip-status");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "warning");
      break;
    }
}

static void
job_changed_cb (AisleSlipPage *self,
                const char    *id)
{
  if (g_strcmp0 (id, self->job_id) == 0)
    render (self);
}

static void
retry_clicked_cb (AisleSlipPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->queue == NULL || self->job_id == NULL)
    return;
  if (!aisle_print_queue_reprint (self->queue, self->job_id, &error))
    g_warning ("Could not print slip %s again: %s", self->job_id, error->message);
  render (self);
}

static void
done_clicked_cb (AisleSlipPage *self)
{
  aisle_session_close_slip (self->session);
}

/* The session shows a slip, or closed it. */
static void
slip_changed_cb (AisleSlipPage *self)
{
  const char *job_id = NULL;
  AisleSlip *slip = aisle_session_get_shown_slip (self->session, &job_id);

  g_free (self->job_id);
  self->job_id = g_strdup (job_id);
  aisle_slip_view_set_slip (self->slip_view, slip);
  aisle_qr_view_set_text (self->phone_qr, slip ? aisle_slip_get_text (slip, AISLE_SLIP_PHONE_URL) : NULL);
  gtk_widget_set_visible (self->phone_box, aisle_qr_view_get_text (self->phone_qr) != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->phone_qr), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("QR code of your list, for your phone"), -1);
  if (slip == NULL)
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->slip_scroller), 0);
  render (self);
}

static void
aisle_slip_page_dispose (GObject *object)
{
  AisleSlipPage *self = AISLE_SLIP_PAGE (object);

  g_clear_object (&self->queue);
  g_clear_object (&self->session);
  g_clear_pointer (&self->job_id, g_free);
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_SLIP_PAGE);
  G_OBJECT_CLASS (aisle_slip_page_parent_class)->dispose (object);
}

static void
aisle_slip_page_class_init (AisleSlipPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_slip_page_dispose;

  g_type_ensure (AISLE_TYPE_SLIP_VIEW);
  g_type_ensure (AISLE_TYPE_QR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-slip-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, main_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slippage");
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, phone_box);
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, phone_qr);
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, slip_scroller);
  gtk_widget_class_bind_template_child (widget_class, AisleSlipPage, slip_view);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
aisle_slip_page_init (AisleSlipPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
aisle_slip_page_set_session (AisleSlipPage *self,
                             AisleSession  *session)
{
  g_return_if_fail (AISLE_IS_SLIP_PAGE (self));
  g_return_if_fail (AISLE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->queue = aisle_services_get_print_queue (aisle_session_get_services (session));
  if (self->queue != NULL)
    {
      g_object_ref (self->queue);
      g_signal_connect_object (self->queue, "job-changed", G_CALLBACK (job_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (session, "slip-changed", G_CALLBACK (slip_changed_cb), self, G_CONNECT_SWAPPED);
  slip_changed_cb (self);
}

AisleSlip *
aisle_slip_page_get_slip (AisleSlipPage *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP_PAGE (self), NULL);
  return aisle_slip_view_get_slip (self->slip_view);
}

/* A portrait screen is too narrow for the two columns side by side. */
void
aisle_slip_page_set_portrait (AisleSlipPage *self,
                              gboolean       portrait)
{
  g_return_if_fail (AISLE_IS_SLIP_PAGE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->main_box),
                                  portrait ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}
