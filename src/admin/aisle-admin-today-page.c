/* aisle-admin-today-page.c: today's orders, check-ins, returns and print jobs at this kiosk, with Reprint
 *
 * A day has tens of orders, not thousands: the rows are simply rebuilt when
 * the outbox or the print queue says something changed.
 */
#define G_LOG_DOMAIN "aisle-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-admin-today-page.h"
#include "aisle-admin-util.h"

struct _AisleAdminTodayPage
{
  AdwPreferencesPage   parent_instance;

  AisleServices       *services;
  GPtrArray           *order_rows;
  GPtrArray           *job_rows;
  GPtrArray           *desk_rows;
  guint                update_id;

  AdwPreferencesGroup *orders_group;
  AdwPreferencesGroup *jobs_group;
  AdwPreferencesGroup *desk_group;
  GtkWidget           *no_desk_row;
  GtkWidget           *no_orders_row;
  GtkWidget           *no_jobs_row;
};

G_DEFINE_FINAL_TYPE (AisleAdminTodayPage, aisle_admin_today_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
order_state_text (AisleOrderState state)
{
  switch (state)
    {
    case AISLE_ORDER_ACCEPTED:
      return _("Accepted by the store");
    case AISLE_ORDER_REJECTED:
      return _("Refused by the store");
    case AISLE_ORDER_PENDING:
    default:
      return _("Waiting to be sent");
    }
}

static GtkWidget *
order_row (const AisleOutboxEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *time = aisle_admin_format_time (entry->created_at);
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Before the store numbers it, the start of its id is what the logs show. */
  reference = entry->order_number ? g_strdup (entry->order_number) : g_strndup (entry->id, 8);
  /* Translators: an order's time and number: "14:05  CN-000123" */
  title = g_strdup_printf (_("%s  %s"), time, reference);
  if (entry->last_error != NULL && entry->state != AISLE_ORDER_ACCEPTED)
    /* Translators: an order's state and the store's last answer */
    subtitle = g_strdup_printf (_("%s: %s"), order_state_text (entry->state), entry->last_error);
  else
    subtitle = g_strdup (order_state_text (entry->state));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (entry->state == AISLE_ORDER_REJECTED)
    gtk_widget_add_css_class (row, "admin-error");
  return row;
}

static GtkWidget *
desk_row (const AisleDeskEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *time = aisle_admin_format_time (event->at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (event->kind == AISLE_DESK_RETURN)
    {
      /* Translators: staff's list: "14:05  Return for CN-100540" */
      title = g_strdup_printf (_("%s  Return for %s"), time, event->order_number);
      /* Translators: %s is the return's number, %u how many items come back. */
      subtitle = g_strdup_printf (ngettext ("Return %s, %u item", "Return %s, %u items", event->items),
                                  event->number, event->items);
    }
  else
    {
      /* Translators: staff's list: "14:05  Check-in for CN-100482" */
      title = g_strdup_printf (_("%s  Check-in for %s"), time, event->order_number);
      /* Translators: %s is the queue number the shopper got. */
      subtitle = g_strdup_printf (_("Queue number %s"), event->number);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
reprint_clicked (GtkButton           *button,
                 AisleAdminTodayPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "job-id");
  g_autoptr(GError) error = NULL;

  if (!aisle_print_queue_reprint (aisle_services_get_print_queue (self->services), id, &error))
    aisle_admin_toast (GTK_WIDGET (self), error->message);
  else
    aisle_admin_toast (GTK_WIDGET (self), _("Printing again"));
}

static GtkWidget *
job_row (AisleAdminTodayPage *self,
         const AislePrintJob *job)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Reprint"));
  g_autofree char *time = aisle_admin_format_time (job->created_at);
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  const char *state;

  /* Translators: a print job's time and what it was: "14:05  Order CN-000123" or "14:05  Shopping list" */
  title = job->order_number ? g_strdup_printf (_("%s  Order %s"), time, job->order_number)
                            : g_strdup_printf (_("%s  Shopping list"), time);
  switch (job->state)
    {
    case AISLE_PRINT_JOB_QUEUED: state = _("Waiting for the printer"); break;
    case AISLE_PRINT_JOB_PRINTING: state = _("Printing"); break;
    case AISLE_PRINT_JOB_DONE: state = _("Printed"); break;
    case AISLE_PRINT_JOB_FAILED:
    default:
      state = job->error && job->error->domain == AISLE_PRINTER_ERROR ? aisle_printer_error_staff_message (job->error->code)
                                                                       : _("Not printed");
      gtk_widget_add_css_class (row, "admin-error");
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "admin-action");
  /* Translators: the accessible name of a Reprint button; %s is the job's title */
  name = g_strdup_printf (_("Reprint %s"), title);
  aisle_admin_name (button, name);
  g_object_set_data_full (G_OBJECT (button), "job-id", g_strdup (job->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (reprint_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
update (AisleAdminTodayPage *self)
{
  AisleOutbox *outbox = aisle_services_get_outbox (self->services);
  AislePrintQueue *queue = aisle_services_get_print_queue (self->services);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GPtrArray) orders = outbox ? aisle_outbox_list_since (outbox, g_date_time_to_unix (midnight)) : NULL;
  g_autoptr(GPtrArray) jobs = queue ? aisle_print_queue_list_jobs (queue, now) : NULL;
  g_autoptr(GPtrArray) desk = aisle_desk_log_list_since (aisle_services_get_desk_log (self->services),
                                                         g_date_time_to_unix (midnight));

  aisle_admin_clear_rows (self->order_rows, self->orders_group);
  aisle_admin_clear_rows (self->job_rows, self->jobs_group);
  aisle_admin_clear_rows (self->desk_rows, self->desk_group);
  for (guint i = desk->len; i > 0; i--)
    {
      GtkWidget *row = desk_row (desk->pdata[i - 1]);

      adw_preferences_group_add (self->desk_group, row);
      g_ptr_array_add (self->desk_rows, row);
    }
  gtk_widget_set_visible (self->no_desk_row, self->desk_rows->len == 0);

  /* Newest first, as the print queue lists its jobs. */
  for (guint i = orders ? orders->len : 0; i > 0; i--)
    {
      GtkWidget *row = order_row (orders->pdata[i - 1]);

      adw_preferences_group_add (self->orders_group, row);
      g_ptr_array_add (self->order_rows, row);
    }
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      GtkWidget *row = job_row (self, jobs->pdata[i]);

      adw_preferences_group_add (self->jobs_group, row);
      g_ptr_array_add (self->job_rows, row);
    }

  gtk_widget_set_visible (self->no_orders_row, self->order_rows->len == 0);
  gtk_widget_set_visible (self->no_jobs_row, self->job_rows->len == 0);
}

static gboolean
update_idle (gpointer data)
{
  AisleAdminTodayPage *self = data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* A burst of changes (a reprint, a restart's reports) makes one rebuild. */
static void
queue_update (AisleAdminTodayPage *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_idle, self);
}

static void
aisle_admin_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (aisle_admin_today_page_parent_class)->map (widget);
  update (AISLE_ADMIN_TODAY_PAGE (widget));
}

static void
aisle_admin_today_page_dispose (GObject *object)
{
  AisleAdminTodayPage *self = (AisleAdminTodayPage *)object;

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_object (&self->services);
  g_clear_pointer (&self->order_rows, g_ptr_array_unref);
  g_clear_pointer (&self->job_rows, g_ptr_array_unref);
  g_clear_pointer (&self->desk_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AISLE_TYPE_ADMIN_TODAY_PAGE);

  G_OBJECT_CLASS (aisle_admin_today_page_parent_class)->dispose (object);
}

static void
aisle_admin_today_page_class_init (AisleAdminTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_admin_today_page_dispose;
  widget_class->map = aisle_admin_today_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-admin-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleAdminTodayPage, orders_group);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminTodayPage, jobs_group);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminTodayPage, no_orders_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminTodayPage, no_jobs_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminTodayPage, desk_group);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminTodayPage, no_desk_row);
}

static void
aisle_admin_today_page_init (AisleAdminTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->order_rows = g_ptr_array_new ();
  self->job_rows = g_ptr_array_new ();
  self->desk_rows = g_ptr_array_new ();
}

GtkWidget *
aisle_admin_today_page_new (AisleServices *services)
{
  AisleAdminTodayPage *self;

  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);

  self = g_object_new (AISLE_TYPE_ADMIN_TODAY_PAGE, NULL);
  self->services = g_object_ref (services);
  if (aisle_services_get_outbox (services) != NULL)
    g_signal_connect_object (aisle_services_get_outbox (services), "order-changed",
                             G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  if (aisle_services_get_print_queue (services) != NULL)
    g_signal_connect_object (aisle_services_get_print_queue (services), "job-changed",
                             G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (aisle_services_get_desk_log (services), "changed",
                           G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}
