/* aisle-collect-page.c: collecting an order placed online: find it, see it, "I'm here" */
#define G_LOG_DOMAIN "aisle-collect"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-collect-page.h"
#include "aisle-money.h"
#include "aisle-return-chooser.h"
#include "aisle-widget-util.h"

struct _AisleCollectPage
{
  GtkWidget        parent_instance;

  AisleSession    *session;
  AisleCollect    *collect;        /* the session's */
  AislePrintQueue *queue;          /* nullable */
  GCancellable    *cancellable;    /* the page's, for its own callbacks */
  guint            pending;        /* look-ups, check-ins and returns on their way */
  gboolean         step_moved;     /* the focus is still to follow */
  gboolean         choosing;       /* what comes back is being chosen */
  AisleReturnRequest *request;     /* sent and not answered yet: again with its key */

  GtkStack        *stack;
  GtkBox          *find_box;
  GtkEntry        *number_entry;
  GtkEntry        *contact_entry;
  GtkLabel        *find_error;
  GtkWidget       *find_button;
  GtkSpinner      *find_spinner;

  GtkLabel        *order_title;
  GtkLabel        *greeting_label;
  GtkLabel        *state_label;
  GtkLabel        *state_detail;
  GtkBox          *action_box;
  GtkWidget       *here_button;
  GtkWidget       *return_button;
  GtkSpinner      *here_spinner;
  GtkLabel        *here_error;
  GtkBox          *lines_box;
  GtkLabel        *total_label;

  GtkLabel           *return_subtitle;
  AisleReturnChooser *return_chooser;
  GtkLabel           *return_error;
  GtkWidget          *send_return_button;
  GtkSpinner         *return_spinner;

  GtkLabel        *here_title;
  GtkLabel        *queue_caption;
  GtkLabel        *queue_label;
  GtkLabel        *wait_label;
  GtkLabel        *ticket_label;
  GtkButton       *ticket_button;
};

G_DEFINE_FINAL_TYPE (AisleCollectPage, aisle_collect_page, GTK_TYPE_WIDGET)

static void
show_error (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* In the shopper's words; the store's own message is only logged, so that
 * no answer tells a wrong number from a wrong contact. */
static const char *
error_message (const GError *error)
{
  if (g_error_matches (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND))
    return _("We could not find an order with this number and these details. Please check both and try again.");
  if (g_error_matches (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES))
    return _("Too many tries. Please wait a few minutes, or ask a member of staff.");
  if (g_error_matches (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE))
    return _("The store cannot take back what you chose. Please check it, or ask at the returns desk.");
  if (g_error_matches (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_NOW))
    return _("This order cannot be collected here just now. Please ask at the pickup desk.");
  return _("We cannot reach online orders just now. Please try again in a moment, or ask a member of staff.");
}

static void
update_busy (AisleCollectPage *self)
{
  gboolean busy = self->pending > 0;

  gtk_widget_set_sensitive (self->find_button, !busy);
  gtk_widget_set_sensitive (self->here_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->find_spinner), busy);
  gtk_spinner_set_spinning (self->find_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->here_spinner), busy);
  gtk_spinner_set_spinning (self->here_spinner, busy);
  gtk_widget_set_sensitive (self->send_return_button, !busy && aisle_return_chooser_is_complete (self->return_chooser));
  gtk_widget_set_visible (GTK_WIDGET (self->return_spinner), busy);
  gtk_spinner_set_spinning (self->return_spinner, busy);
}

/* "13/12/2026" from "2026-12-13", as the slip writes dates. */
static char *
format_day (const char    *date,
            AisleLanguage  language)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  if (language == AISLE_LANGUAGE_DE)
    return g_strdup_printf ("%02d.%02d.%04d", day, month, year);
  return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static guint
count_returnable (const AisleOnlineOrder *order)
{
  g_autofree char *day = today ();
  guint n = 0;

  for (guint i = 0; i < order->lines->len; i++)
    n += aisle_online_order_line_returnable (order, g_ptr_array_index (order->lines, i), day, NULL) > 0;
  return n;
}

/* The state in a heading and a sentence that says what to do. */
static void
describe_state (AisleCollectPage       *self,
                const AisleOnlineOrder *order)
{
  g_autofree char *detail = NULL;
  g_autofree char *keep = format_day (order->keep_until, aisle_session_get_language (self->session));
  const char *title;

  gtk_widget_remove_css_class (gtk_widget_get_parent (GTK_WIDGET (self->state_label)), "ready");
  switch (order->state)
    {
    case AISLE_ONLINE_ORDER_READY:
      title = _("Ready to collect");
      gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (self->state_label)), "ready");
      if (keep != NULL)
        /* Translators: %s is a date, e.g. 13/12/2026. */
        detail = g_strdup_printf (_("Tell us you are here and we bring it to the pickup desk. We keep it for you until %s."), keep);
      else
        detail = g_strdup (_("Tell us you are here and we bring it to the pickup desk."));
      break;
    case AISLE_ONLINE_ORDER_PREPARING:
      title = _("Being prepared");
      detail = g_strdup (_("Your order is not ready yet. We send you a message as soon as it is."));
      break;
    case AISLE_ONLINE_ORDER_AT_OTHER_STORE:
      title = _("At another store");
      if (order->store_name != NULL)
        /* Translators: %s is the name of a store, e.g. "Casa Nord München". */
        detail = g_strdup_printf (_("You collect this order at %s."), order->store_name);
      else
        detail = g_strdup (_("You collect this order at another store."));
      break;
    case AISLE_ONLINE_ORDER_COLLECTED:
      title = _("Already collected");
      if (count_returnable (order) > 0)
        detail = g_strdup (_("Something to bring back? Choose it here and take the return slip to the returns desk."));
      else
        detail = g_strdup (_("This order has been collected. For a question about it, please ask a member of staff."));
      break;
    case AISLE_ONLINE_ORDER_CANCELLED:
    default:
      title = C_("online order", "Cancelled");
      detail = g_strdup (_("This order was cancelled. For a question about it, please ask a member of staff."));
      break;
    }

  gtk_label_set_text (self->state_label, title);
  gtk_label_set_text (self->state_detail, detail);
  gtk_widget_set_visible (self->here_button, order->state == AISLE_ONLINE_ORDER_READY);
  gtk_widget_set_visible (self->return_button, count_returnable (order) > 0);
}

static GtkWidget *
line_row (const AisleOnlineOrderLine *line)
{
  g_autofree char *what = g_strdup_printf ("%u \303\227 %s", line->quantity, line->name);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *name = gtk_label_new (what);
  GtkWidget *article = gtk_label_new (line->article ? line->article : "");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "list-name");
  gtk_widget_add_css_class (article, "product-article");
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), article);
  gtk_widget_add_css_class (row, "collect-line");
  return row;
}

static void
render_order (AisleCollectPage       *self,
              const AisleOnlineOrder *order)
{
  AisleLanguage language = aisle_session_get_language (self->session);
  g_autofree char *title = g_strdup_printf (_("Order %s"), order->number);
  g_autofree char *greeting = NULL;
  g_autofree char *total = NULL;
  GtkWidget *child;

  gtk_label_set_text (self->order_title, title);
  if (order->customer != NULL)
    /* Translators: a greeting; %s is how the shop names the shopper, e.g. "Maria R.". */
    greeting = g_strdup_printf (_("Hello, %s"), order->customer);
  gtk_label_set_text (self->greeting_label, greeting ? greeting : "");
  gtk_widget_set_visible (GTK_WIDGET (self->greeting_label), greeting != NULL);
  describe_state (self, order);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_box))))
    gtk_box_remove (self->lines_box, child);
  for (guint i = 0; i < order->lines->len; i++)
    gtk_box_append (self->lines_box, line_row (g_ptr_array_index (order->lines, i)));

  if (order->total >= 0 && order->currency != NULL)
    {
      g_autofree char *amount = aisle_money_format (order->total, order->currency, aisle_language_get_code (language));

      /* Translators: under the lines of an online order; %s is an amount. */
      total = g_strdup_printf (_("Total %s"), amount);
    }
  gtk_label_set_text (self->total_label, total ? total : "");
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), total != NULL);
}

/* What the ticket's print job is doing, and what the shopper can do. */
static void
render_ticket (AisleCollectPage *self)
{
  const char *job_id = NULL;
  AisleSlip *ticket = aisle_session_get_ticket (self->session, &job_id);
  g_autoptr(AislePrintJob) job = NULL;
  gboolean is_return = aisle_collect_get_return (self->collect, NULL) != NULL;
  const char *status;
  gboolean warning = FALSE;

  if (job_id != NULL && self->queue != NULL)
    job = aisle_print_queue_get_job (self->queue, job_id);

  gtk_widget_set_visible (GTK_WIDGET (self->ticket_button), TRUE);
  gtk_button_set_label (self->ticket_button, is_return ? _("Print the slip again") : _("Print the ticket again"));
  if (ticket == NULL)
    {
      status = is_return ? _("Print the return slip and bring it with the items.")
                         : _("Keep your queue number in mind, or print a ticket with it.");
      gtk_button_set_label (self->ticket_button, is_return ? _("Print the slip") : _("Print a ticket"));
    }
  else if (job == NULL)
    {
      status = is_return ? _("This kiosk cannot print just now. Please tell the returns desk your return number.")
                         : _("This kiosk cannot print just now. Please remember your queue number.");
      warning = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_button), FALSE);
    }
  else if (job->state == AISLE_PRINT_JOB_QUEUED || job->state == AISLE_PRINT_JOB_PRINTING)
    {
      status = is_return ? _("Printing your return slip…") : _("Printing your ticket…");
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_button), FALSE);
    }
  else if (job->state == AISLE_PRINT_JOB_DONE)
    status = is_return ? _("Take your return slip from the printer and bring it to the returns desk with the items.")
                       : _("Take your ticket from the printer and show it at the pickup desk.");
  else
    {
      status = job->error != NULL && job->error->domain == AISLE_PRINTER_ERROR
                 ? aisle_printer_error_message (job->error->code)
                 : aisle_printer_error_message (AISLE_PRINTER_ERROR_FAILED);
      warning = TRUE;
    }

  gtk_label_set_text (self->ticket_label, status);
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (self->ticket_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->ticket_label), "warning");
}

static void
render_check_in (AisleCollectPage       *self,
                 const AisleOnlineOrder *order)
{
  const AisleCheckIn *check_in = order->check_in;
  const char *where = check_in->wait_at ? check_in->wait_at : order->desk;
  g_autoptr(GString) wait = g_string_new (NULL);

  gtk_label_set_text (self->here_title, _("Thank you! We are bringing your order"));
  gtk_label_set_text (self->queue_caption, _("Your queue number"));
  gtk_label_set_text (self->queue_label, check_in->queue_number);

  if (where != NULL)
    /* Translators: %s is a place in the store, e.g. "Pickup desk, entrance B". */
    g_string_append_printf (wait, _("Please wait at: %s"), where);
  if (check_in->estimated_minutes >= 0)
    {
      if (wait->len > 0)
        g_string_append_c (wait, '\n');
      g_string_append_printf (wait,
                              ngettext ("We bring your order in about %d minute.",
                                           "We bring your order in about %d minutes.", check_in->estimated_minutes),
                              check_in->estimated_minutes);
    }
  if (wait->len == 0)
    g_string_append (wait, _("Please wait at the pickup desk: we call your number."));
  gtk_label_set_text (self->wait_label, wait->str);
  render_ticket (self);
}

static void
render_return_made (AisleCollectPage  *self,
                    const AisleReturn *ret)
{
  AisleLanguage language = aisle_session_get_language (self->session);
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_label_set_text (self->here_title, _("Your return is registered"));
  gtk_label_set_text (self->queue_caption, _("Your return number"));
  gtk_label_set_text (self->queue_label, ret->number);
  if (ret->desk != NULL)
    g_string_append_printf (text, _("Bring the items and this slip to: %s"), ret->desk);
  else
    g_string_append (text, _("Bring the items and this slip to the returns desk."));
  if (ret->refund >= 0 && ret->currency != NULL)
    {
      g_autofree char *amount = aisle_money_format (ret->refund, ret->currency, aisle_language_get_code (language));

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Refund at the desk: %s, once staff have checked the items."), amount);
    }
  gtk_label_set_text (self->wait_label, text->str);
  render_ticket (self);
}

/* The focus follows to a new step, once its buttons work again: the first
 * thing to do there. */
static void
focus_step (AisleCollectPage *self)
{
  if (!self->step_moved || self->pending > 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->step_moved = FALSE;
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
render (AisleCollectPage *self)
{
  const AisleOnlineOrder *order = self->collect ? aisle_collect_get_order (self->collect) : NULL;
  const AisleReturn *ret = self->collect ? aisle_collect_get_return (self->collect, NULL) : NULL;
  const char *page;
  gboolean moved;

  if (order == NULL)
    page = "find";
  else if (ret != NULL)
    {
      page = "here";
      render_return_made (self, ret);
    }
  /* A collected order keeps its old check-in: that visit is over. */
  else if (order->check_in != NULL && order->state == AISLE_ONLINE_ORDER_READY)
    {
      page = "here";
      render_check_in (self, order);
    }
  else if (self->choosing)
    page = "return";
  else
    {
      page = "order";
      render_order (self, order);
    }
  moved = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), page) != 0;
  gtk_stack_set_visible_child_name (self->stack, page);
  self->step_moved |= moved;
  focus_step (self);
}

/* An answer came: the page stops waiting for it. FALSE when there is
 * nothing more to do: the page went, or another request took its place, or
 * the shopper was forgotten. */
static gboolean
answer_arrived (AisleCollectPage *self,
                const GError     *error)
{
  self->pending--;
  if (g_cancellable_is_cancelled (self->cancellable))
    return FALSE;
  update_busy (self);
  focus_step (self);
  return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Looking the order up */

static void
find_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AisleCollectPage) self = user_data;
  g_autoptr(GError) error = NULL;

  aisle_collect_find_finish (AISLE_COLLECT (object), result, &error);
  if (!answer_arrived (self, error))
    return;
  if (error != NULL)
    {
      g_message ("Online order not found: %s", error->message);
      show_error (self->find_error, error_message (error));
      gtk_widget_grab_focus (GTK_WIDGET (self->contact_entry));
      return;
    }
  /* Found: the contact is not needed any more. */
  gtk_editable_set_text (GTK_EDITABLE (self->contact_entry), "");
  show_error (self->find_error, NULL);
}

static void
find (AisleCollectPage *self,
      const char       *number,
      const char       *contact)
{
  show_error (self->find_error, NULL);
  self->pending++;
  update_busy (self);
  aisle_collect_find_async (self->collect, number, contact, aisle_session_get_language (self->session),
                            find_done_cb, g_object_ref (self));
}

static void
find_clicked_cb (AisleCollectPage *self)
{
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_entry))));
  g_autofree char *contact = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contact_entry))));

  if (self->pending > 0 || self->collect == NULL)
    return;
  if (*number == '\0')
    {
      show_error (self->find_error, _("Please type your order number: it is in your order confirmation."));
      gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
      return;
    }
  if (*contact == '\0')
    {
      show_error (self->find_error,
                  _("Please type the e-mail address you ordered with, the last 4 digits of your phone number, or the pickup code."));
      gtk_widget_grab_focus (GTK_WIDGET (self->contact_entry));
      return;
    }
  find (self, number, contact);
}

static void
number_activate_cb (AisleCollectPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->contact_entry));
}

/* Checking in */

static void
check_in_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AisleCollectPage) self = user_data;
  g_autoptr(GError) error = NULL;

  aisle_collect_check_in_finish (AISLE_COLLECT (object), result, &error);
  if (!answer_arrived (self, error))
    return;
  if (error != NULL)
    {
      g_message ("Check-in refused: %s", error->message);
      show_error (self->here_error, error_message (error));
      return;
    }
  aisle_session_print_ticket (self->session);
  render (self);
}

static void
here_clicked_cb (AisleCollectPage *self)
{
  if (self->pending > 0 || self->collect == NULL)
    return;
  show_error (self->here_error, NULL);
  self->pending++;
  update_busy (self);
  aisle_collect_check_in_async (self->collect, aisle_session_get_language (self->session),
                                check_in_done_cb, g_object_ref (self));
}

/* Returning */

static void
return_clicked_cb (AisleCollectPage *self)
{
  const AisleOnlineOrder *order = aisle_collect_get_order (self->collect);
  g_autofree char *day = today ();
  g_autofree char *subtitle = NULL;

  if (order == NULL)
    return;
  subtitle = g_strdup_printf (_("Order %s"), order->number);
  gtk_label_set_text (self->return_subtitle, subtitle);
  aisle_return_chooser_set_order (self->return_chooser, order, day);
  g_clear_pointer (&self->request, aisle_return_request_free);
  self->choosing = TRUE;
  render (self);
}

static void
return_back_clicked_cb (AisleCollectPage *self)
{
  self->choosing = FALSE;
  g_clear_pointer (&self->request, aisle_return_request_free);
  show_error (self->return_error, NULL);
  render (self);
}

/* Another choice is another request, with its own key. */
static void
return_changed_cb (AisleCollectPage *self)
{
  g_clear_pointer (&self->request, aisle_return_request_free);
  show_error (self->return_error, NULL);
  update_busy (self);
}

static void
return_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AisleCollectPage) self = user_data;
  g_autoptr(GError) error = NULL;

  aisle_collect_return_finish (AISLE_COLLECT (object), result, &error);
  if (!answer_arrived (self, error))
    return;
  if (error != NULL)
    {
      g_message ("Return refused: %s", error->message);
      /* Only a store that did not answer may have made it: the same key
       * again then makes no second return. */
      if (!g_error_matches (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE))
        g_clear_pointer (&self->request, aisle_return_request_free);
      show_error (self->return_error, error_message (error));
      return;
    }
  g_clear_pointer (&self->request, aisle_return_request_free);
  self->choosing = FALSE;
  aisle_session_print_ticket (self->session);
  render (self);
}

static void
send_return_clicked_cb (AisleCollectPage *self)
{
  if (self->pending > 0 || self->collect == NULL)
    return;
  if (self->request == NULL && (self->request = aisle_return_chooser_build_request (self->return_chooser)) == NULL)
    return;
  show_error (self->return_error, NULL);
  self->pending++;
  update_busy (self);
  aisle_collect_return_async (self->collect, self->request, aisle_session_get_language (self->session),
                              return_done_cb, g_object_ref (self));
}

static void
another_clicked_cb (AisleCollectPage *self)
{
  aisle_collect_page_clear (self);
  aisle_collect_forget (self->collect);
}

static void
ticket_clicked_cb (AisleCollectPage *self)
{
  aisle_session_print_ticket (self->session);
  render_ticket (self);
}

static void
done_clicked_cb (AisleCollectPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.end-session", NULL);
}

static void
collect_changed_cb (AisleCollectPage *self)
{
  if (aisle_collect_get_order (self->collect) == NULL)
    {
      self->choosing = FALSE;
      g_clear_pointer (&self->request, aisle_return_request_free);
    }
  show_error (self->here_error, NULL);
  render (self);
}

static void
job_changed_cb (AisleCollectPage *self,
                const char       *id)
{
  const char *job_id = NULL;

  aisle_session_get_ticket (self->session, &job_id);
  if (job_id != NULL && g_strcmp0 (id, job_id) == 0)
    render_ticket (self);
}

void
aisle_collect_page_open (AisleCollectPage *self,
                         const char       *number,
                         const char       *pickup_code)
{
  g_return_if_fail (AISLE_IS_COLLECT_PAGE (self));
  g_return_if_fail (number != NULL);

  if (self->collect == NULL || self->pending > 0)
    return;

  /* A new look-up: whatever was found before goes first. */
  if (aisle_collect_get_order (self->collect) != NULL)
    aisle_collect_forget (self->collect);
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), number);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_entry), "");
  show_error (self->find_error, NULL);
  if (pickup_code != NULL)
    find (self, number, pickup_code);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->contact_entry));
}

void
aisle_collect_page_clear (AisleCollectPage *self)
{
  g_return_if_fail (AISLE_IS_COLLECT_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_entry), "");
  show_error (self->find_error, NULL);
  show_error (self->here_error, NULL);
  show_error (self->return_error, NULL);
}

void
aisle_collect_page_set_portrait (AisleCollectPage *self,
                                 gboolean          portrait)
{
  g_return_if_fail (AISLE_IS_COLLECT_PAGE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->find_box),
                                  portrait ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

void
aisle_collect_page_set_session (AisleCollectPage *self,
                                AisleSession     *session)
{
  g_return_if_fail (AISLE_IS_COLLECT_PAGE (self));
  g_return_if_fail (AISLE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->collect = g_object_ref (aisle_session_get_collect (session));
  self->queue = aisle_services_get_print_queue (aisle_session_get_services (session));
  if (self->queue != NULL)
    {
      g_object_ref (self->queue);
      g_signal_connect_object (self->queue, "job-changed", G_CALLBACK (job_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->collect, "changed", G_CALLBACK (collect_changed_cb), self, G_CONNECT_SWAPPED);
  render (self);
}

static void
aisle_collect_page_dispose (GObject *object)
{
  AisleCollectPage *self = (AisleCollectPage *)object;

  /* Answers still on their way find the page gone. */
  g_cancellable_cancel (self->cancellable);
  aisle_widget_dispose_children (GTK_WIDGET (self), AISLE_TYPE_COLLECT_PAGE);
  g_clear_object (&self->queue);
  g_clear_object (&self->collect);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (aisle_collect_page_parent_class)->dispose (object);
}

static void
aisle_collect_page_finalize (GObject *object)
{
  AisleCollectPage *self = (AisleCollectPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->request, aisle_return_request_free);

  G_OBJECT_CLASS (aisle_collect_page_parent_class)->finalize (object);
}

static void
aisle_collect_page_class_init (AisleCollectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_collect_page_dispose;
  object_class->finalize = aisle_collect_page_finalize;

  g_type_ensure (AISLE_TYPE_RETURN_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-collect-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "collectpage");
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, find_box);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, number_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, find_error);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, find_button);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, find_spinner);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, order_title);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, greeting_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, state_detail);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, action_box);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, here_button);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, here_spinner);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, return_button);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, return_subtitle);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, return_chooser);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, return_error);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, send_return_button);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, return_spinner);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, queue_caption);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, here_error);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, lines_box);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, here_title);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, queue_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, wait_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, ticket_label);
  gtk_widget_class_bind_template_child (widget_class, AisleCollectPage, ticket_button);
  gtk_widget_class_bind_template_callback (widget_class, find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, here_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, another_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, return_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, return_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, return_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_return_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ticket_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
aisle_collect_page_init (AisleCollectPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
