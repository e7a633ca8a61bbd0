/* aisle-admin-printer-page.c: which printer the kiosk uses, and a test print */
#define G_LOG_DOMAIN "aisle-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-admin-printer-page.h"
#include "aisle-admin-util.h"
#include "aisle-cups-printer.h"
#include "aisle-language.h"
#include "aisle-shopping-list.h"

struct _AisleAdminPrinterPage
{
  AdwPreferencesPage     parent_instance;

  AisleServices         *services;
  AisleConfig           *config;
  char                  *test_job;     /* the test print followed, or NULL */
  gboolean               loading;
  GCancellable          *listing;      /* looking for CUPS queues */
  GPtrArray             *queues;       /* AisleCupsQueue, as last listed */
  GPtrArray             *queue_names;  /* the cups-printer value of each choice */

  AdwComboRow           *kind_row;
  AdwEntryRow           *device_row;
  AdwEntryRow           *host_row;
  AdwComboRow           *cups_row;
  GtkButton             *cups_refresh;
  AdwActionRow          *cups_state_row;
  AdwEntryRow           *folder_row;
  AdwPreferencesGroup   *paper_group;
  AdwComboRow           *width_row;
  AdwActionRow          *qr_row;
  GtkSwitch             *qr_switch;
  AdwActionRow          *test_row;
};

G_DEFINE_FINAL_TYPE (AisleAdminPrinterPage, aisle_admin_printer_page, ADW_TYPE_PREFERENCES_PAGE)

static const guint widths[] = { 58, 80 };

static void list_queues (AisleAdminPrinterPage *self);
static void select_queue (AisleAdminPrinterPage *self);
static gboolean show_selected_name (AisleAdminPrinterPage *self,
                                    const char            *name);

static void
show_fields (AisleAdminPrinterPage *self,
             const char            *kind)
{
  gboolean escpos = g_str_has_prefix (kind, "escpos-");

  gtk_widget_set_visible (GTK_WIDGET (self->device_row), g_str_equal (kind, "escpos-device"));
  gtk_widget_set_visible (GTK_WIDGET (self->host_row), g_str_equal (kind, "escpos-tcp"));
  gtk_widget_set_visible (GTK_WIDGET (self->cups_row), g_str_equal (kind, "cups"));
  gtk_widget_set_visible (GTK_WIDGET (self->cups_state_row), g_str_equal (kind, "cups"));
  gtk_widget_set_visible (GTK_WIDGET (self->folder_row), g_str_equal (kind, "pdf"));
  /* QR commands are ESC/POS; the width matters to every slip. */
  gtk_widget_set_visible (GTK_WIDGET (self->qr_row), escpos);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_group), !g_str_equal (kind, "none"));
}

static void
load (AisleAdminPrinterPage *self)
{
  g_autofree char *kind = aisle_config_get_string (self->config, "printer-kind");
  guint width = aisle_config_get_uint (self->config, "printer-width");
  struct { AdwEntryRow *row; const char *key; } entries[] = {
    { self->device_row, "printer-device" },
    { self->host_row, "printer-host" },
    { self->folder_row, "pdf-folder" },
  };

  self->loading = TRUE;
  for (guint i = 0; aisle_admin_printer_kinds[i] != NULL; i++)
    if (g_strcmp0 (kind, aisle_admin_printer_kinds[i]) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *value = aisle_config_get_string (self->config, entries[i].key);

      if (g_strcmp0 (value, gtk_editable_get_text (GTK_EDITABLE (entries[i].row))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entries[i].row), value ? value : "");
    }
  /* 58 mm rolls, or the wider ones: a value between counts as the nearer. */
  adw_combo_row_set_selected (self->width_row, width < 69 ? 0 : 1);
  gtk_switch_set_active (self->qr_switch, aisle_config_get_boolean (self->config, "printer-native-qr"));
  show_fields (self, kind ? kind : "none");
  self->loading = FALSE;

  if (g_strcmp0 (kind, "cups") == 0)
    {
      if (self->queue_names == NULL)
        list_queues (self);
      else
        select_queue (self);
    }
}

/* CUPS queues: staff pick one of those the print server has. */

static void
show_queue_state (AisleAdminPrinterPage *self,
                  const char            *text,
                  gboolean               failed)
{
  adw_action_row_set_subtitle (self->cups_state_row, text);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->cups_state_row), "admin-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->cups_state_row), "admin-error");
}

static AisleCupsQueue *
find_queue (AisleAdminPrinterPage *self,
            const char            *name)
{
  for (guint i = 0; self->queues != NULL && i < self->queues->len; i++)
    {
      AisleCupsQueue *queue = self->queues->pdata[i];

      if (*name == '\0' ? queue->is_default : g_str_equal (queue->name, name))
        return queue;
    }
  return NULL;
}

/* What staff need to know about the chosen queue. */
static void
describe_queue (AisleAdminPrinterPage *self,
                const char            *name)
{
  AisleCupsQueue *queue = find_queue (self, name);
  g_autofree char *text = NULL;
  const char *state;

  if (queue == NULL)
    {
      show_queue_state (self, *name == '\0' ? _("CUPS has no default queue. Choose one of its queues.")
                                            : _("CUPS has no queue of this name. Choose one of its queues."), TRUE);
      return;
    }
  if (queue->state == AISLE_CUPS_QUEUE_STOPPED || !queue->accepting)
    {
      show_queue_state (self, _("Stopped, or refusing jobs. Resume it in CUPS (cupsenable, cupsaccept)."), TRUE);
      return;
    }
  state = queue->state == AISLE_CUPS_QUEUE_PROCESSING ? _("Printing") : _("Ready");
  if (*queue->location != '\0')
    /* Translators: a print queue's state, then where the printer is */
    text = g_strdup_printf (_("%s · %s"), state, queue->location);
  show_queue_state (self, text ? text : state, FALSE);
}

static void
select_queue (AisleAdminPrinterPage *self)
{
  g_autofree char *name = aisle_config_get_string (self->config, "cups-printer");

  if (show_selected_name (self, name))
    describe_queue (self, name ? name : "");
  else
    /* Set from the fleet's file to a name not listed yet: look again. */
    list_queues (self);
}

/* Selects @name in the list without saving it or describing it. */
static gboolean
show_selected_name (AisleAdminPrinterPage *self,
                    const char            *name)
{
  for (guint i = 0; self->queue_names != NULL && i < self->queue_names->len; i++)
    if (g_str_equal (self->queue_names->pdata[i], name ? name : ""))
      {
        self->loading = TRUE;
        adw_combo_row_set_selected (self->cups_row, i);
        self->loading = FALSE;
        return TRUE;
      }
  return FALSE;
}

static char *
queue_label (AisleCupsQueue *queue)
{
  const char *state = NULL;

  if (queue->state == AISLE_CUPS_QUEUE_STOPPED)
    state = _("stopped");
  else if (!queue->accepting)
    state = _("refuses jobs");

  if (*queue->description != '\0' && g_strcmp0 (queue->description, queue->name) != 0)
    {
      if (state != NULL)
        /* Translators: a CUPS queue's name, its description, its state */
        return g_strdup_printf (_("%s — %s (%s)"), queue->name, queue->description, state);
      /* Translators: a CUPS queue's name and its description */
      return g_strdup_printf (_("%s — %s"), queue->name, queue->description);
    }
  if (state != NULL)
    /* Translators: a CUPS queue's name and its state */
    return g_strdup_printf (_("%s (%s)"), queue->name, state);
  return g_strdup (queue->name);
}

static void
queues_listed (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AisleAdminPrinterPage) self = user_data;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *configured = NULL;
  g_autofree char *default_label = NULL;
  AisleCupsQueue *fallback;

  queues = aisle_cups_list_queues_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->listing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cups_refresh), TRUE);

  g_clear_pointer (&self->queues, g_ptr_array_unref);
  g_clear_pointer (&self->queue_names, g_ptr_array_unref);
  self->queues = queues ? g_steal_pointer (&queues)
                        : g_ptr_array_new_with_free_func ((GDestroyNotify)aisle_cups_queue_free);
  self->queue_names = g_ptr_array_new_with_free_func (g_free);

  fallback = find_queue (self, "");
  /* Translators: the print server's default queue, then its name */
  default_label = fallback ? g_strdup_printf (_("The default queue (%s)"), fallback->name)
                           : g_strdup (_("The default queue"));
  gtk_string_list_append (labels, default_label);
  g_ptr_array_add (self->queue_names, g_strdup (""));
  for (guint i = 0; i < self->queues->len; i++)
    {
      AisleCupsQueue *queue = self->queues->pdata[i];
      g_autofree char *label = queue_label (queue);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->queue_names, g_strdup (queue->name));
    }
  configured = aisle_config_get_string (self->config, "cups-printer");
  if (configured != NULL && *configured != '\0' && find_queue (self, configured) == NULL)
    {
      /* Translators: a CUPS queue the kiosk is set to that CUPS does not have */
      g_autofree char *label = error == NULL ? g_strdup_printf (_("%s (not found)"), configured)
                                             : g_strdup (configured);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->queue_names, g_strdup (configured));
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->cups_row, G_LIST_MODEL (labels));
  self->loading = FALSE;

  if (error != NULL)
    {
      g_message ("Could not list the CUPS queues: %s", error->message);
      show_selected_name (self, configured);
      show_queue_state (self, aisle_printer_error_staff_message (error->code), TRUE);
      return;
    }
  if (self->queues->len == 0)
    {
      show_selected_name (self, configured);
      show_queue_state (self, _("CUPS has no queues. Add the printer in CUPS, then look again."), TRUE);
      return;
    }
  select_queue (self);
}

static void
list_queues (AisleAdminPrinterPage *self)
{
  if (self->listing != NULL)
    return;
  self->listing = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->cups_refresh), FALSE);
  show_queue_state (self, _("Looking for queues…"), FALSE);
  aisle_cups_list_queues_async (self->listing, queues_listed, g_object_ref (self));
}

static void
list_queues_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AisleAdminPrinterPage *self = AISLE_ADMIN_PRINTER_PAGE (widget);

  g_clear_pointer (&self->queue_names, g_ptr_array_unref);
  list_queues (self);
}

/* Staff open the page to see how the printer is now: look again. */
static void
page_mapped (AisleAdminPrinterPage *self)
{
  g_autofree char *kind = aisle_config_get_string (self->config, "printer-kind");

  if (g_strcmp0 (kind, "cups") == 0)
    {
      g_clear_pointer (&self->queue_names, g_ptr_array_unref);
      list_queues (self);
    }
}

static void
queue_selected (AisleAdminPrinterPage *self)
{
  guint selected = adw_combo_row_get_selected (self->cups_row);

  if (self->loading || self->queue_names == NULL || selected >= self->queue_names->len)
    return;
  if (aisle_admin_set_value (GTK_WIDGET (self), self->config, "cups-printer",
                             g_variant_new_string (self->queue_names->pdata[selected])))
    describe_queue (self, self->queue_names->pdata[selected]);
}

/* Staff or the fleet's file changed a printer key: show it. Other keys
 * leave the fields alone, with whatever staff are typing. */
static void
config_changed (AisleAdminPrinterPage *self,
                const char            *key)
{
  if (g_str_has_prefix (key, "printer-") || g_str_equal (key, "cups-printer") || g_str_equal (key, "pdf-folder"))
    load (self);
}

static void
kind_selected (AisleAdminPrinterPage *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->loading || selected >= g_strv_length ((char **)aisle_admin_printer_kinds))
    return;
  aisle_admin_set_value (GTK_WIDGET (self), self->config, "printer-kind",
                         g_variant_new_string (aisle_admin_printer_kinds[selected]));
}

static void
width_selected (AisleAdminPrinterPage *self)
{
  guint selected = adw_combo_row_get_selected (self->width_row);

  if (!self->loading && selected < G_N_ELEMENTS (widths))
    aisle_admin_set_value (GTK_WIDGET (self), self->config, "printer-width", g_variant_new_uint32 (widths[selected]));
}

static void
qr_toggled (AisleAdminPrinterPage *self)
{
  if (!self->loading)
    aisle_admin_set_value (GTK_WIDGET (self), self->config, "printer-native-qr",
                           g_variant_new_boolean (gtk_switch_get_active (self->qr_switch)));
}

static void
entry_applied (AdwEntryRow           *row,
               AisleAdminPrinterPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (aisle_admin_set_value (GTK_WIDGET (self), self->config, key, g_variant_new_string (value)))
    aisle_admin_toast (GTK_WIDGET (self), _("Saved"));
}

/* Test print */

static void
show_test_state (AisleAdminPrinterPage *self,
                 const char            *text,
                 gboolean               failed)
{
  adw_action_row_set_subtitle (self->test_row, text);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->test_row), "admin-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "admin-error");
}

static void
job_changed (AisleAdminPrinterPage *self,
             const char            *id)
{
  g_autoptr(AislePrintJob) job = NULL;

  if (self->test_job == NULL || g_strcmp0 (id, self->test_job) != 0)
    return;
  job = aisle_print_queue_get_job (aisle_services_get_print_queue (self->services), id);
  if (job == NULL)
    return;

  switch (job->state)
    {
    case AISLE_PRINT_JOB_QUEUED:
    case AISLE_PRINT_JOB_PRINTING:
      show_test_state (self, _("Printing…"), FALSE);
      break;
    case AISLE_PRINT_JOB_DONE:
      show_test_state (self, _("Printed. Check the slip at the printer."), FALSE);
      g_clear_pointer (&self->test_job, g_free);
      break;
    case AISLE_PRINT_JOB_FAILED:
    default:
      {
        const char *why = job->error && job->error->domain == AISLE_PRINTER_ERROR
                          ? aisle_printer_error_staff_message (job->error->code)
                          : aisle_printer_error_staff_message (AISLE_PRINTER_ERROR_FAILED);
        /* Translators: a failed test print, then why */
        g_autofree char *text = g_strdup_printf (_("Not printed: %s"), why);

        show_test_state (self, text, TRUE);
        g_clear_pointer (&self->test_job, g_free);
      }
      break;
    }
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AisleAdminPrinterPage *self = AISLE_ADMIN_PRINTER_PAGE (widget);
  AisleStore *store = aisle_services_get_store (self->services);
  AisleCatalog *catalog = aisle_store_get_catalog (store);
  AisleStock *stock = aisle_store_get_stock (store);
  AislePrintQueue *queue = aisle_services_get_print_queue (self->services);
  g_autoptr(AisleShoppingList) list = NULL;
  g_autoptr(AisleSlip) slip = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (catalog == NULL || aisle_catalog_get_n_products (catalog) == 0 || queue == NULL)
    {
      show_test_state (self, _("Not printed: the kiosk has no catalog yet"), TRUE);
      return;
    }
  if (stock != NULL && aisle_stock_get_catalog (stock) != catalog)
    stock = NULL;

  list = aisle_shopping_list_new ();
  aisle_shopping_list_add (list, aisle_catalog_product_id (catalog, 0), 1);
  now = g_date_time_new_now_local ();
  slip = aisle_slip_new_for_list (list, catalog, stock, aisle_language_get_current (), now, NULL);

  g_free (self->test_job);
  self->test_job = aisle_print_queue_print (queue, slip);
  g_message ("Admin test print queued as %s", self->test_job);
  show_test_state (self, _("Printing…"), FALSE);
  job_changed (self, self->test_job);
}

static void
setup_entry (AisleAdminPrinterPage *self,
             AdwEntryRow           *row,
             const char            *key)
{
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  aisle_admin_add_source (GTK_WIDGET (row), self->config, key);
  g_signal_connect_object (row, "apply", G_CALLBACK (entry_applied), self, 0);
}

static void
aisle_admin_printer_page_dispose (GObject *object)
{
  AisleAdminPrinterPage *self = (AisleAdminPrinterPage *)object;

  g_clear_object (&self->services);
  g_clear_object (&self->config);
  g_clear_pointer (&self->test_job, g_free);
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  g_clear_pointer (&self->queues, g_ptr_array_unref);
  g_clear_pointer (&self->queue_names, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AISLE_TYPE_ADMIN_PRINTER_PAGE);

  G_OBJECT_CLASS (aisle_admin_printer_page_parent_class)->dispose (object);
}

static void
aisle_admin_printer_page_class_init (AisleAdminPrinterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_admin_printer_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-admin-printer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, device_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, host_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, cups_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, cups_refresh);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, cups_state_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, paper_group);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, width_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, qr_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, qr_switch);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminPrinterPage, test_row);

  gtk_widget_class_install_action (widget_class, "printer.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "printer.list-queues", NULL, list_queues_action);
}

static void
aisle_admin_printer_page_init (AisleAdminPrinterPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; aisle_admin_printer_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, aisle_admin_printer_kind_name (aisle_admin_printer_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      /* Translators: a paper roll's width in millimetres */
      g_autofree char *size = g_strdup_printf (_("%u mm"), widths[i]);

      gtk_string_list_append (sizes, size);
    }
  adw_combo_row_set_model (self->width_row, G_LIST_MODEL (sizes));
  aisle_admin_name (GTK_WIDGET (self->qr_switch), _("Printer draws QR codes"));
  aisle_admin_name (GTK_WIDGET (self->cups_refresh), _("Look for queues again"));
}

GtkWidget *
aisle_admin_printer_page_new (AisleServices *services)
{
  AisleAdminPrinterPage *self;

  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);

  self = g_object_new (AISLE_TYPE_ADMIN_PRINTER_PAGE, NULL);
  self->services = g_object_ref (services);
  self->config = g_object_ref (aisle_services_get_config (services));

  aisle_admin_add_source (GTK_WIDGET (self->kind_row), self->config, "printer-kind");
  setup_entry (self, self->device_row, "printer-device");
  setup_entry (self, self->host_row, "printer-host");
  aisle_admin_add_source (GTK_WIDGET (self->cups_row), self->config, "cups-printer");
  setup_entry (self, self->folder_row, "pdf-folder");
  aisle_admin_add_source (GTK_WIDGET (self->width_row), self->config, "printer-width");
  aisle_admin_add_source (GTK_WIDGET (self->qr_row), self->config, "printer-native-qr");
  load (self);

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_row, "notify::selected", G_CALLBACK (width_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cups_row, "notify::selected", G_CALLBACK (queue_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (page_mapped), NULL);
  g_signal_connect_object (self->qr_switch, "notify::active", G_CALLBACK (qr_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->config, "changed", G_CALLBACK (config_changed), self, G_CONNECT_SWAPPED);
  if (aisle_services_get_print_queue (services) != NULL)
    g_signal_connect_object (aisle_services_get_print_queue (services), "job-changed",
                             G_CALLBACK (job_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
