/* aisle-escpos-printer.c: a thermal receipt printer on a device file or on TCP port 9100 */
#define G_LOG_DOMAIN "aisle-escpos-printer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-escpos-connection.h"
#include "aisle-escpos-printer.h"

struct _AisleEscposPrinter
{
  GObject            parent_instance;

  char              *target;
  char              *device;       /* a device path, or NULL for TCP */
  guint              columns;
  AisleEscposQrMode  qr_mode;
  guint8             code_page;
  gboolean           query_status;
  guint              connect_ms;
  guint              write_ms;
  guint              status_ms;
};

static void printer_iface_init (AislePrinterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AisleEscposPrinter, aisle_escpos_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AISLE_TYPE_PRINTER, printer_iface_init))

enum {
  PROP_0,
  PROP_TARGET,
  PROP_COLUMNS,
  PROP_QR_MODE,
  PROP_CODE_PAGE,
  PROP_QUERY_STATUS,
  PROP_CONNECT_TIMEOUT,
  PROP_WRITE_TIMEOUT,
  PROP_STATUS_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one job needs, copied so that settings changed meanwhile do not
 * reach a job already running. */
typedef struct
{
  AisleEscposConnection  conn;
  AisleEscposOptions     options;
  AisleSlip             *slip;
} Job;

static void
job_free (Job *job)
{
  aisle_escpos_connection_clear (&job->conn);
  g_clear_object (&job->slip);
  g_free (job);
}

/* The job, on a worker thread */

static void
print_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const Job *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = aisle_escpos_render (job->slip, &job->options, &error);
  if (bytes == NULL)
    {
      g_task_return_new_error (task, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "%s", error->message);
      return;
    }

  if (aisle_escpos_connection_send (&job->conn, bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
aisle_escpos_printer_print_async (AislePrinter        *printer,
                                  AisleSlip           *slip,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  AisleEscposPrinter *self = AISLE_ESCPOS_PRINTER (printer);
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->conn.device = g_strdup (self->device);
  job->conn.host_port = self->device ? NULL : g_strdup (self->target);
  job->conn.query_status = self->query_status;
  job->conn.connect_ms = self->connect_ms;
  job->conn.write_ms = self->write_ms;
  job->conn.status_ms = self->status_ms;
  aisle_escpos_printer_get_options (self, &job->options);
  job->slip = g_object_ref (slip);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_escpos_printer_print_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, print_thread);
}

static void
printer_iface_init (AislePrinterInterface *iface)
{
  iface->print_async = aisle_escpos_printer_print_async;
}

/* The object */

static void
aisle_escpos_printer_finalize (GObject *object)
{
  AisleEscposPrinter *self = (AisleEscposPrinter *)object;

  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->device, g_free);

  G_OBJECT_CLASS (aisle_escpos_printer_parent_class)->finalize (object);
}

static void
aisle_escpos_printer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AisleEscposPrinter *self = AISLE_ESCPOS_PRINTER (object);

  switch (prop_id)
    {
    case PROP_TARGET: g_value_set_string (value, self->target); break;
    case PROP_COLUMNS: g_value_set_uint (value, self->columns); break;
    case PROP_QR_MODE: g_value_set_enum (value, self->qr_mode); break;
    case PROP_CODE_PAGE: g_value_set_uint (value, self->code_page); break;
    case PROP_QUERY_STATUS: g_value_set_boolean (value, self->query_status); break;
    case PROP_CONNECT_TIMEOUT: g_value_set_uint (value, self->connect_ms); break;
    case PROP_WRITE_TIMEOUT: g_value_set_uint (value, self->write_ms); break;
    case PROP_STATUS_TIMEOUT: g_value_set_uint (value, self->status_ms); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_escpos_printer_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AisleEscposPrinter *self = AISLE_ESCPOS_PRINTER (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      self->target = g_value_dup_string (value);
      if (self->target != NULL && g_path_is_absolute (self->target))
        self->device = g_strdup (self->target);
      else if (self->target != NULL && g_str_has_prefix (self->target, "tcp://"))
        {
          char *host_port = g_strdup (self->target + strlen ("tcp://"));

          g_free (self->target);
          self->target = host_port;
        }
      break;
    case PROP_COLUMNS: self->columns = g_value_get_uint (value); break;
    case PROP_QR_MODE: self->qr_mode = g_value_get_enum (value); break;
    case PROP_CODE_PAGE: self->code_page = (guint8)g_value_get_uint (value); break;
    case PROP_QUERY_STATUS: self->query_status = g_value_get_boolean (value); break;
    case PROP_CONNECT_TIMEOUT: self->connect_ms = g_value_get_uint (value); break;
    case PROP_WRITE_TIMEOUT: self->write_ms = g_value_get_uint (value); break;
    case PROP_STATUS_TIMEOUT: self->status_ms = g_value_get_uint (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_escpos_printer_class_init (AisleEscposPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aisle_escpos_printer_finalize;
  object_class->get_property = aisle_escpos_printer_get_property;
  object_class->set_property = aisle_escpos_printer_set_property;

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMNS] =
    g_param_spec_uint ("columns", NULL, NULL, AISLE_ESCPOS_MIN_COLUMNS, AISLE_ESCPOS_MAX_COLUMNS,
                       AISLE_ESCPOS_COLUMNS_80MM, flags | G_PARAM_CONSTRUCT);
  properties[PROP_QR_MODE] =
    g_param_spec_enum ("qr-mode", NULL, NULL, AISLE_TYPE_ESCPOS_QR_MODE, AISLE_ESCPOS_QR_NATIVE,
                       flags | G_PARAM_CONSTRUCT);
  properties[PROP_CODE_PAGE] =
    g_param_spec_uint ("code-page", NULL, NULL, 0, 255, AISLE_ESCPOS_CODE_PAGE_PC858, flags | G_PARAM_CONSTRUCT);
  properties[PROP_QUERY_STATUS] =
    g_param_spec_boolean ("query-status", NULL, NULL, TRUE, flags | G_PARAM_CONSTRUCT);
  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL, 1, G_MAXINT / 1000,
                       AISLE_ESCPOS_DEFAULT_CONNECT_TIMEOUT, flags | G_PARAM_CONSTRUCT);
  properties[PROP_WRITE_TIMEOUT] =
    g_param_spec_uint ("write-timeout", NULL, NULL, 1, G_MAXINT / 1000,
                       AISLE_ESCPOS_DEFAULT_WRITE_TIMEOUT, flags | G_PARAM_CONSTRUCT);
  properties[PROP_STATUS_TIMEOUT] =
    g_param_spec_uint ("status-timeout", NULL, NULL, 1, G_MAXINT / 1000,
                       AISLE_ESCPOS_DEFAULT_STATUS_TIMEOUT, flags | G_PARAM_CONSTRUCT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aisle_escpos_printer_init (AisleEscposPrinter *self)
{
}

static gboolean
target_is_valid (const char *target)
{
  g_autoptr(GSocketConnectable) address = NULL;

  if (target == NULL || *target == '\0')
    return FALSE;
  if (g_path_is_absolute (target))
    return TRUE;
  if (g_str_has_prefix (target, "tcp://"))
    target += strlen ("tcp://");
  address = g_network_address_parse (target, AISLE_ESCPOS_DEFAULT_PORT, NULL);
  return address != NULL;
}

AisleEscposPrinter *
aisle_escpos_printer_new (const char  *target,
                          GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!target_is_valid (target))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("“%s” is not a printer: give a device such as /dev/usb/lp0 or a network address such as 192.168.1.50:9100"),
                   target ? target : "");
      return NULL;
    }

  return g_object_new (AISLE_TYPE_ESCPOS_PRINTER, "target", target, NULL);
}

const char *
aisle_escpos_printer_get_target (AisleEscposPrinter *self)
{
  g_return_val_if_fail (AISLE_IS_ESCPOS_PRINTER (self), NULL);
  return self->target;
}

gboolean
aisle_escpos_printer_is_network (AisleEscposPrinter *self)
{
  g_return_val_if_fail (AISLE_IS_ESCPOS_PRINTER (self), FALSE);
  return self->device == NULL;
}

void
aisle_escpos_printer_set_columns (AisleEscposPrinter *self,
                                  guint               columns)
{
  g_return_if_fail (AISLE_IS_ESCPOS_PRINTER (self));
  g_return_if_fail (columns >= AISLE_ESCPOS_MIN_COLUMNS && columns <= AISLE_ESCPOS_MAX_COLUMNS);

  if (self->columns == columns)
    return;
  self->columns = columns;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMNS]);
}

guint
aisle_escpos_printer_get_columns (AisleEscposPrinter *self)
{
  g_return_val_if_fail (AISLE_IS_ESCPOS_PRINTER (self), 0);
  return self->columns;
}

void
aisle_escpos_printer_set_qr_mode (AisleEscposPrinter *self,
                                  AisleEscposQrMode   mode)
{
  g_return_if_fail (AISLE_IS_ESCPOS_PRINTER (self));
  g_return_if_fail (mode == AISLE_ESCPOS_QR_NATIVE || mode == AISLE_ESCPOS_QR_RASTER);

  if (self->qr_mode == mode)
    return;
  self->qr_mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QR_MODE]);
}

AisleEscposQrMode
aisle_escpos_printer_get_qr_mode (AisleEscposPrinter *self)
{
  g_return_val_if_fail (AISLE_IS_ESCPOS_PRINTER (self), AISLE_ESCPOS_QR_NATIVE);
  return self->qr_mode;
}

void
aisle_escpos_printer_set_code_page (AisleEscposPrinter *self,
                                    guint8              code_page)
{
  g_return_if_fail (AISLE_IS_ESCPOS_PRINTER (self));

  if (self->code_page == code_page)
    return;
  self->code_page = code_page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE_PAGE]);
}

void
aisle_escpos_printer_set_query_status (AisleEscposPrinter *self,
                                       gboolean            query)
{
  g_return_if_fail (AISLE_IS_ESCPOS_PRINTER (self));

  query = !!query;
  if (self->query_status == query)
    return;
  self->query_status = query;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY_STATUS]);
}

void
aisle_escpos_printer_set_timeouts (AisleEscposPrinter *self,
                                   guint               connect_ms,
                                   guint               write_ms,
                                   guint               status_ms)
{
  g_return_if_fail (AISLE_IS_ESCPOS_PRINTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (connect_ms != 0 && connect_ms != self->connect_ms)
    {
      self->connect_ms = MIN (connect_ms, G_MAXINT / 1000);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
    }
  if (write_ms != 0 && write_ms != self->write_ms)
    {
      self->write_ms = MIN (write_ms, G_MAXINT / 1000);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITE_TIMEOUT]);
    }
  if (status_ms != 0 && status_ms != self->status_ms)
    {
      self->status_ms = MIN (status_ms, G_MAXINT / 1000);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TIMEOUT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
aisle_escpos_printer_get_options (AisleEscposPrinter *self,
                                  AisleEscposOptions *options)
{
  g_return_if_fail (AISLE_IS_ESCPOS_PRINTER (self));
  g_return_if_fail (options != NULL);

  aisle_escpos_options_init (options);
  options->columns = self->columns;
  options->qr_mode = self->qr_mode;
  options->code_page = self->code_page;
}
