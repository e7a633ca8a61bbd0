/* aisle-admin-status-page.c: how the kiosk is doing: catalog, orders, printer, disk */
#define G_LOG_DOMAIN "aisle-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-admin-status-page.h"
#include "aisle-admin-util.h"

#define UPDATE_INTERVAL_S 5

struct _AisleAdminStatusPage
{
  AdwPreferencesPage  parent_instance;

  AisleServices      *services;
  GCancellable       *cancellable;
  guint               timer_id;
  gboolean            refreshing;

  AdwActionRow       *catalog_row;
  AdwActionRow       *sync_row;
  AdwActionRow       *error_row;
  AdwActionRow       *orders_row;
  AdwActionRow       *printer_row;
  AdwActionRow       *job_row;
  AdwActionRow       *kiosk_row;
  AdwActionRow       *disk_row;
};

G_DEFINE_FINAL_TYPE (AisleAdminStatusPage, aisle_admin_status_page, ADW_TYPE_PREFERENCES_PAGE)

static void
update_catalog (AisleAdminStatusPage *self)
{
  AisleStore *store = aisle_services_get_store (self->services);
  AisleCatalog *catalog = store ? aisle_store_get_catalog (store) : NULL;
  gint64 last_sync = store ? aisle_store_get_last_sync (store) : 0;
  const char *error = store ? aisle_store_get_last_error (store) : NULL;
  g_autofree char *text = NULL;

  if (catalog != NULL)
    {
      g_autofree char *products = g_strdup_printf (ngettext ("%u product", "%u products",
                                                             aisle_catalog_get_n_products (catalog)),
                                                   aisle_catalog_get_n_products (catalog));
      /* Translators: the catalog's version, when the store made it, and its size */
      text = g_strdup_printf (_("%s, made %s, %s"), aisle_catalog_get_version (catalog),
                              aisle_catalog_get_generated_at (catalog), products);
    }
  adw_action_row_set_subtitle (self->catalog_row, text ? text : _("No catalog yet"));

  g_clear_pointer (&text, g_free);
  if (last_sync > 0)
    {
      g_autofree char *time = aisle_admin_format_time (last_sync);
      g_autofree char *age = aisle_admin_format_age (g_get_real_time () / G_USEC_PER_SEC - last_sync);

      /* Translators: "14:05 (3 minutes ago)" */
      text = g_strdup_printf (_("%s (%s)"), time, age);
    }
  adw_action_row_set_subtitle (self->sync_row, self->refreshing ? _("Updating now…")
                                               : text ? text : _("Not since the kiosk started"));
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), error != NULL);
  adw_action_row_set_subtitle (self->error_row, error ? error : "");
}

static void
update_orders (AisleAdminStatusPage *self)
{
  AisleOutbox *outbox = aisle_services_get_outbox (self->services);
  guint pending = outbox ? aisle_outbox_count_pending (outbox) : 0;
  gint64 oldest = outbox ? aisle_outbox_get_oldest_pending (outbox) : 0;
  g_autofree char *count = g_strdup_printf (ngettext ("%u order waiting", "%u orders waiting", pending), pending);

  if (oldest > 0)
    {
      g_autofree char *age = aisle_admin_format_age (g_get_real_time () / G_USEC_PER_SEC - oldest);
      /* Translators: "2 orders waiting; the oldest since 5 minutes ago" */
      g_autofree char *text = g_strdup_printf (_("%s; the oldest since %s"), count, age);

      adw_action_row_set_subtitle (self->orders_row, text);
    }
  else
    adw_action_row_set_subtitle (self->orders_row, count);
}

static const char *
job_state_text (const AislePrintJob *job)
{
  switch (job->state)
    {
    case AISLE_PRINT_JOB_QUEUED:
      return _("Waiting for the printer");
    case AISLE_PRINT_JOB_PRINTING:
      return _("Printing");
    case AISLE_PRINT_JOB_DONE:
      return _("Printed");
    case AISLE_PRINT_JOB_FAILED:
    default:
      return _("Not printed");
    }
}

static void
update_printer (AisleAdminStatusPage *self)
{
  AisleConfig *config = aisle_services_get_config (self->services);
  AislePrintQueue *queue = aisle_services_get_print_queue (self->services);
  g_autofree char *kind = aisle_config_get_string (config, "printer-kind");
  g_autoptr(GPtrArray) jobs = queue ? aisle_print_queue_list_jobs (queue, NULL) : NULL;
  g_autofree char *text = NULL;
  guint failed = 0;

  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    failed += ((AislePrintJob *)jobs->pdata[i])->state == AISLE_PRINT_JOB_FAILED;

  if (failed > 0)
    {
      g_autofree char *failures = g_strdup_printf (ngettext ("%u job not printed", "%u jobs not printed", failed), failed);
      /* Translators: the printer's kind, then how many jobs failed */
      text = g_strdup_printf (_("%s; %s"), aisle_admin_printer_kind_name (kind), failures);
    }
  adw_action_row_set_subtitle (self->printer_row, text ? text : aisle_admin_printer_kind_name (kind));

  if (jobs != NULL && jobs->len > 0)
    {
      const AislePrintJob *job = jobs->pdata[0];
      g_autofree char *time = aisle_admin_format_time (job->created_at);
      g_autofree char *line = NULL;

      if (job->state == AISLE_PRINT_JOB_FAILED && job->error != NULL)
        /* Translators: time, state, why: "14:05: Not printed: The printer is out of paper" */
        line = g_strdup_printf (_("%s: %s: %s"), time, job_state_text (job),
                                job->error->domain == AISLE_PRINTER_ERROR ? aisle_printer_error_staff_message (job->error->code)
                                                                          : job->error->message);
      else
        /* Translators: time and state: "14:05: Printed" */
        line = g_strdup_printf (_("%s: %s"), time, job_state_text (job));
      adw_action_row_set_subtitle (self->job_row, line);
    }
  else
    adw_action_row_set_subtitle (self->job_row, _("Nothing printed yet"));
}

static void
filesystem_info_done (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AisleAdminStatusPage) self = user_data;
  g_autoptr(GFileInfo) info = g_file_query_filesystem_info_finish (G_FILE (object), result, NULL);
  g_autofree char *size = NULL;

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    {
      if (self->services != NULL)
        adw_action_row_set_subtitle (self->disk_row, _("Unknown"));
      return;
    }
  if (self->services == NULL)
    return;
  size = g_format_size (g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE));
  /* Translators: %s is a size, e.g. "12.4 GB" */
  adw_action_row_set_subtitle (self->disk_row, size);
}

static void
update_kiosk (AisleAdminStatusPage *self)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (self->services);
  g_autofree char *kiosk_id = aisle_services_dup_kiosk_id (self->services);
  g_autofree char *text = NULL;

  /* Translators: the store's id and this kiosk's id, e.g. "milano, kiosk entrance-2" */
  text = g_strdup_printf (_("%s, kiosk %s"), aisle_services_get_store_id (self->services),
                          kiosk_id && *kiosk_id ? kiosk_id : _("without a name"));
  adw_action_row_set_subtitle (self->kiosk_row, text);

  if (queue != NULL)
    {
      g_autoptr(GFile) jobs = g_file_new_for_path (aisle_print_queue_get_folder (queue));
      g_autoptr(GFile) folder = g_file_get_parent (jobs);

      /* The data folder, where the print jobs' folder and the order book live. */
      g_file_query_filesystem_info_async (folder ? folder : jobs, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, G_PRIORITY_DEFAULT,
                                          self->cancellable, filesystem_info_done, g_object_ref (self));
    }
}

void
aisle_admin_status_page_update (AisleAdminStatusPage *self)
{
  g_return_if_fail (AISLE_IS_ADMIN_STATUS_PAGE (self));

  update_catalog (self);
  update_orders (self);
  update_printer (self);
  update_kiosk (self);
}

static gboolean
tick (gpointer data)
{
  aisle_admin_status_page_update (data);
  return G_SOURCE_CONTINUE;
}

static void
refresh_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AisleAdminStatusPage) self = user_data;
  g_autoptr(GError) error = NULL;

  aisle_store_refresh_finish (AISLE_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->refreshing = FALSE;
  aisle_admin_toast (GTK_WIDGET (self), error ? error->message : _("The catalog is up to date"));
  aisle_admin_status_page_update (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AisleAdminStatusPage *self = AISLE_ADMIN_STATUS_PAGE (widget);

  if (self->refreshing)
    return;
  self->refreshing = TRUE;
  aisle_store_refresh_async (aisle_services_get_store (self->services), self->cancellable,
                             refresh_done, g_object_ref (self));
  aisle_admin_status_page_update (self);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AisleAdminStatusPage *self = AISLE_ADMIN_STATUS_PAGE (widget);
  AisleOutbox *outbox = aisle_services_get_outbox (self->services);

  if (outbox == NULL)
    return;
  aisle_outbox_send_now (outbox);
  aisle_admin_toast (widget, _("Sending the waiting orders"));
}

static void
store_changed (AisleAdminStatusPage *self)
{
  AisleStore *store = aisle_services_get_store (self->services);

  g_signal_connect_object (store, "notify::catalog", G_CALLBACK (aisle_admin_status_page_update), self, G_CONNECT_SWAPPED);
  aisle_admin_status_page_update (self);
}

static void
aisle_admin_status_page_map (GtkWidget *widget)
{
  AisleAdminStatusPage *self = AISLE_ADMIN_STATUS_PAGE (widget);

  GTK_WIDGET_CLASS (aisle_admin_status_page_parent_class)->map (widget);
  aisle_admin_status_page_update (self);
  if (self->timer_id == 0)
    self->timer_id = g_timeout_add_seconds (UPDATE_INTERVAL_S, tick, self);
}

static void
aisle_admin_status_page_unmap (GtkWidget *widget)
{
  AisleAdminStatusPage *self = AISLE_ADMIN_STATUS_PAGE (widget);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  GTK_WIDGET_CLASS (aisle_admin_status_page_parent_class)->unmap (widget);
}

static void
aisle_admin_status_page_dispose (GObject *object)
{
  AisleAdminStatusPage *self = (AisleAdminStatusPage *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->services);
  gtk_widget_dispose_template (GTK_WIDGET (self), AISLE_TYPE_ADMIN_STATUS_PAGE);

  G_OBJECT_CLASS (aisle_admin_status_page_parent_class)->dispose (object);
}

static void
aisle_admin_status_page_class_init (AisleAdminStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_admin_status_page_dispose;
  widget_class->map = aisle_admin_status_page_map;
  widget_class->unmap = aisle_admin_status_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-admin-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStatusPage, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStatusPage, sync_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStatusPage, error_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStatusPage, orders_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStatusPage, printer_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStatusPage, job_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStatusPage, kiosk_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStatusPage, disk_row);

  gtk_widget_class_install_action (widget_class, "status.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "status.send", NULL, send_action);
}

static void
aisle_admin_status_page_init (AisleAdminStatusPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
aisle_admin_status_page_new (AisleServices *services)
{
  AisleAdminStatusPage *self;

  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);

  self = g_object_new (AISLE_TYPE_ADMIN_STATUS_PAGE, NULL);
  self->services = g_object_ref (services);
  g_signal_connect_object (services, "notify::store", G_CALLBACK (store_changed), self, G_CONNECT_SWAPPED);
  if (aisle_services_get_outbox (services) != NULL)
    g_signal_connect_object (aisle_services_get_outbox (services), "order-changed",
                             G_CALLBACK (aisle_admin_status_page_update), self, G_CONNECT_SWAPPED);
  if (aisle_services_get_print_queue (services) != NULL)
    g_signal_connect_object (aisle_services_get_print_queue (services), "job-changed",
                             G_CALLBACK (aisle_admin_status_page_update), self, G_CONNECT_SWAPPED);
  store_changed (self);
  return GTK_WIDGET (self);
}
