/* aisle-order-done-page.c: the confirmation after an order is saved */
#define G_LOG_DOMAIN "aisle-order-done"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-checkout.h"
#include "aisle-order-done-page.h"
#include "aisle-printer.h"
#include "aisle-qr-view.h"
#include "aisle-widget-util.h"

/* How long "Sending…" may show before the shopper is told the order waits
 * on the kiosk: long enough for a healthy store to answer. */
#define SENDING_PATIENCE_MS 4000

/* The order's slip, as the page tells it. */
typedef enum
{
  SLIP_NONE,      /* not printed yet: the shopper may ask for it */
  SLIP_PRINTING,
  SLIP_PRINTED,
  SLIP_FAILED,    /* the shopper is told why and may see it on screen */
} SlipState;

struct _AisleOrderDonePage
{
  GtkWidget    parent_instance;

  GtkWidget   *main_box;
  AisleSession *session;
  AisleOutbox *outbox;
  char        *id;
  char        *details;
  gboolean     pickup;
  gboolean     slow;
  guint        patience_source;
  gboolean     settled;
  SlipState    slip_state;
  char        *slip_message;

  GtkLabel    *title_label;
  GtkLabel    *status_label;
  GtkLabel    *number_caption;
  GtkLabel    *number_label;
  GtkWidget   *pickup_code_box;
  GtkLabel    *pickup_code_label;
  GtkLabel    *details_label;
  AisleQrView *qr_view;
  GtkButton   *slip_button;
  GtkLabel    *slip_label;
};

G_DEFINE_FINAL_TYPE (AisleOrderDonePage, aisle_order_done_page, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
render_slip (AisleOrderDonePage *self)
{
  const char *label = NULL;
  const char *button = NULL;

  if (self->settled)
    switch (self->slip_state)
      {
      case SLIP_NONE:
        button = _("Print a slip");
        break;
      case SLIP_PRINTING:
        label = _("Printing your slip…");
        break;
      case SLIP_PRINTED:
        label = _("Your slip is printed: take it from the printer.");
        break;
      case SLIP_FAILED:
      default:
        label = self->slip_message;
        button = _("Show my slip on screen");
        break;
      }

  gtk_label_set_text (self->slip_label, label ? label : "");
  if (self->slip_state == SLIP_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->slip_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->slip_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->slip_label), label != NULL);
  if (button != NULL)
    gtk_button_set_label (self->slip_button, button);
  gtk_widget_set_visible (GTK_WIDGET (self->slip_button), button != NULL);
}

/* The order has its final confirmation, accepted or waiting on the kiosk:
 * its slip can be printed now (a rejected order gets none). */
static void
settle (AisleOrderDonePage *self)
{
  if (self->settled)
    return;
  self->settled = TRUE;
  render_slip (self);
  if (aisle_services_get_auto_print (aisle_session_get_services (self->session)))
    aisle_session_print_order_slip (self->session);
}

static void
render (AisleOrderDonePage *self)
{
  g_autoptr(AisleOutboxEntry) entry = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *status = NULL;

  if (self->id == NULL)
    return;

  entry = self->outbox ? aisle_outbox_lookup (self->outbox, self->id) : NULL;
  reference = aisle_checkout_short_reference (self->id);
  gtk_label_set_text (self->details_label, self->details ? self->details : "");
  gtk_widget_set_visible (self->pickup_code_box, FALSE);

  if (entry != NULL && entry->state == AISLE_ORDER_ACCEPTED)
    {
      gtk_label_set_text (self->title_label, _("Thank you! Your order is placed."));
      gtk_label_set_text (self->status_label,
                          self->pickup ? _("Staff are preparing it. Show the pickup code at the full-serve desk and pay at the till.")
                                       : _("We deliver it at the time you chose. You pay on delivery."));
      gtk_label_set_text (self->number_caption, _("Order number"));
      gtk_label_set_text (self->number_label, entry->order_number);
      if (self->pickup && entry->pickup_code != NULL)
        {
          gtk_label_set_text (self->pickup_code_label, entry->pickup_code);
          gtk_widget_set_visible (self->pickup_code_box, TRUE);
        }
      settle (self);
      return;
    }

  gtk_label_set_text (self->number_caption, _("Reference"));
  gtk_label_set_text (self->number_label, reference);

  if (entry != NULL && entry->state == AISLE_ORDER_REJECTED)
    {
      gtk_label_set_text (self->title_label, _("The store could not accept your order"));
      /* Translators: %s is the store's reason, in the shopper's language when the store gives one. */
      status = g_strdup_printf (_("%s\nPlease ask a member of staff and give them the reference below."),
                                entry->last_error ? entry->last_error : "");
      gtk_label_set_text (self->status_label, status);
      self->settled = FALSE;
      render_slip (self);
      return;
    }

  gtk_label_set_text (self->title_label, _("Thank you! Your order is saved."));
  if (self->slow || (entry != NULL && entry->attempts > 0))
    {
      gtk_label_set_text (self->status_label,
                        _("The store cannot be reached just now. Your order is saved on this kiosk and will be sent "
                          "automatically as soon as the store can be reached. Nothing is lost. Keep this reference:"));
      settle (self);
    }
  else
    gtk_label_set_text (self->status_label, _("Sending your order to the store…"));
}

static void
order_changed_cb (AisleOrderDonePage *self,
                  const char         *id)
{
  if (g_strcmp0 (id, self->id) == 0)
    render (self);
}

static gboolean
patience_cb (gpointer data)
{
  AisleOrderDonePage *self = data;

  self->patience_source = 0;
  self->slow = TRUE;
  render (self);
  return G_SOURCE_REMOVE;
}

static void
done_clicked_cb (AisleOrderDonePage *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
slip_clicked_cb (AisleOrderDonePage *self)
{
  if (self->slip_state == SLIP_FAILED)
    aisle_session_show_order_slip (self->session);
  else
    aisle_session_print_order_slip (self->session);
}

/* The order's slip: its printing, told on the confirmation. */
static void
order_slip_changed_cb (AisleOrderDonePage *self)
{
  g_autoptr(AislePrintJob) job = NULL;
  SlipState state = SLIP_PRINTING;
  const char *message = NULL;

  if (self->id == NULL)
    return;
  if (aisle_session_get_order_slip (self->session) == NULL)
    state = SLIP_NONE;
  else if ((job = aisle_session_dup_order_slip_job (self->session)) == NULL)
    {
      state = SLIP_FAILED;
      message = _("This kiosk cannot print just now.");
    }
  else if (job->state == AISLE_PRINT_JOB_DONE)
    state = SLIP_PRINTED;
  else if (job->state == AISLE_PRINT_JOB_FAILED)
    {
      state = SLIP_FAILED;
      message = aisle_printer_error_message (job->error && job->error->domain == AISLE_PRINTER_ERROR
                                             ? job->error->code : AISLE_PRINTER_ERROR_FAILED);
    }

  self->slip_state = state;
  g_free (self->slip_message);
  self->slip_message = g_strdup (message);
  render_slip (self);
}

static void clear (AisleOrderDonePage *self);

/* The session placed an order, or forgot it. */
static void
session_order_changed_cb (AisleOrderDonePage *self)
{
  const char *id = aisle_session_get_order_id (self->session);
  AisleOutbox *outbox = aisle_services_get_outbox (aisle_session_get_services (self->session));

  if (g_strcmp0 (id, self->id) == 0)
    return;
  clear (self);
  if (id == NULL || outbox == NULL)
    return;

  self->outbox = g_object_ref (outbox);
  self->id = g_strdup (id);
  self->details = g_strdup (aisle_session_get_order_details (self->session));
  self->pickup = aisle_session_get_order_pickup (self->session);
  g_signal_connect_object (self->outbox, "order-changed", G_CALLBACK (order_changed_cb), self, G_CONNECT_SWAPPED);
  self->patience_source = g_timeout_add (SENDING_PATIENCE_MS, patience_cb, self);
  aisle_qr_view_set_text (self->qr_view, aisle_session_get_order_reference (self->session));
  order_slip_changed_cb (self);
  render (self);
}

static void
aisle_order_done_page_dispose (GObject *object)
{
  AisleOrderDonePage *self = AISLE_ORDER_DONE_PAGE (object);

  clear (self);
  g_clear_object (&self->session);
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_ORDER_DONE_PAGE);
  G_OBJECT_CLASS (aisle_order_done_page_parent_class)->dispose (object);
}

static void
aisle_order_done_page_class_init (AisleOrderDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_order_done_page_dispose;

  /**
   * AisleOrderDonePage::done:
   *
   * The shopper has read the confirmation.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AISLE_TYPE_QR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-order-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, main_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "orderdonepage");
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, number_caption);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, number_label);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, pickup_code_box);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, pickup_code_label);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, details_label);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, qr_view);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, slip_button);
  gtk_widget_class_bind_template_child (widget_class, AisleOrderDonePage, slip_label);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, slip_clicked_cb);
}

static void
aisle_order_done_page_init (AisleOrderDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
clear (AisleOrderDonePage *self)
{
  g_clear_handle_id (&self->patience_source, g_source_remove);
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_func (self->outbox, order_changed_cb, self);
  g_clear_object (&self->outbox);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->details, g_free);
  g_clear_pointer (&self->slip_message, g_free);
  self->slow = FALSE;
  self->settled = FALSE;
  self->slip_state = SLIP_NONE;
  if (self->qr_view != NULL)
    aisle_qr_view_set_text (self->qr_view, NULL);
}

void
aisle_order_done_page_set_session (AisleOrderDonePage *self,
                                   AisleSession       *session)
{
  g_return_if_fail (AISLE_IS_ORDER_DONE_PAGE (self));
  g_return_if_fail (AISLE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "order-changed", G_CALLBACK (session_order_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "order-slip-changed", G_CALLBACK (order_slip_changed_cb), self, G_CONNECT_SWAPPED);
  session_order_changed_cb (self);
}

const char *
aisle_order_done_page_get_id (AisleOrderDonePage *self)
{
  g_return_val_if_fail (AISLE_IS_ORDER_DONE_PAGE (self), NULL);
  return self->id;
}

/* A portrait screen is too narrow for the two columns side by side. */
void
aisle_order_done_page_set_portrait (AisleOrderDonePage *self,
                                    gboolean            portrait)
{
  g_return_if_fail (AISLE_IS_ORDER_DONE_PAGE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->main_box),
                                  portrait ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}
