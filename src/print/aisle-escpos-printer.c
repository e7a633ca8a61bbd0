/* aisle-escpos-printer.c: a thermal receipt printer on a device file or on TCP port 9100 */
#define G_LOG_DOMAIN "aisle-escpos-printer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/lp.h>
#endif

#include "aisle-error.h"
#include "aisle-escpos-printer.h"

#define DLE 0x10
#define EOT 0x04

/* After a job, answers to DLE EOT look-alikes inside image data may still
 * be on their way; they stop coming within this. */
#define STALE_ANSWER_GAP_MS 200

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
  char               *device;
  char               *host_port;
  AisleEscposOptions  options;
  gboolean            query_status;
  guint               connect_ms;
  guint               write_ms;
  guint               status_ms;
  AisleSlip          *slip;
} Job;

static void
job_free (Job *job)
{
  g_free (job->device);
  g_free (job->host_port);
  g_clear_object (&job->slip);
  g_free (job);
}

/* Errors carry the technical reason; aisle_printer_print_finish() gives
 * the shopper their own sentence. */
static gboolean
fail (GError           **error,
      AislePrinterError  code,
      const char        *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError           **error,
      AislePrinterError  code,
      const char        *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (AISLE_PRINTER_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* Status bytes (DLE EOT n): bits 1 and 4 are always set, 0 and 7 clear. */

typedef struct
{
  guint8 printer;   /* n = 1 */
  guint8 offline;   /* n = 2: why it is offline */
  guint8 paper;     /* n = 4: the roll paper sensor */
} Status;

static gboolean
status_byte_valid (guint8 b)
{
  return (b & 0x93) == 0x12;
}

static gboolean
check_status (const Status  *status,
              const char    *target,
              GError       **error)
{
  if (status->offline & 0x04)
    return fail (error, AISLE_PRINTER_ERROR_COVER_OPEN, "%s: the cover is open", target);
  if ((status->offline & 0x20) || (status->paper & 0x60) == 0x60)
    return fail (error, AISLE_PRINTER_ERROR_PAPER_OUT, "%s: out of paper", target);
  if (status->offline & 0x40)
    return fail (error, AISLE_PRINTER_ERROR_FAILED, "%s: the printer reports an error (cutter, head or voltage)",
                 target);
  if (status->printer & 0x08)
    return fail (error, AISLE_PRINTER_ERROR_OFFLINE, "%s: the printer is offline", target);
  if (status->paper & 0x0C)
    g_message ("%s: the paper roll is nearly empty", target);
  return TRUE;
}

/* How many answers a printer may give to look-alikes of DLE EOT n in the
 * job itself (inside raster image data). */
static guint
count_status_lookalikes (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  guint n = 0;

  for (gsize i = 0; i + 2 < len; i++)
    if (data[i] == DLE && data[i + 1] == EOT && data[i + 2] >= 1 && data[i + 2] <= 4)
      n++;
  return n;
}

/* TCP */

static gint64
remaining_us (gint64 deadline)
{
  return MAX (deadline - g_get_monotonic_time (), 0);
}

static gboolean
wait_socket (GSocket       *socket,
             GIOCondition   condition,
             gint64         deadline,
             GCancellable  *cancellable,
             const char    *target,
             const char    *what,
             GError       **error)
{
  g_autoptr(GError) local = NULL;

  if (g_socket_condition_timed_wait (socket, condition, remaining_us (deadline), cancellable, &local))
    return TRUE;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return fail (error, AISLE_PRINTER_ERROR_TIMEOUT, "%s: no %s in time", target, what);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
socket_error (GError     *local,
              const char *target,
              const char *doing,
              GError    **error)
{
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (local));
      return FALSE;
    }
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return fail (error, AISLE_PRINTER_ERROR_TIMEOUT, "%s: %s: %s", target, doing, local->message);
  /* Refused, reset, unreachable, broken pipe: the printer is not there (any more). */
  return fail (error, AISLE_PRINTER_ERROR_OFFLINE, "%s: %s: %s", target, doing, local->message);
}

static GSocket *
connect_address (GSocketAddress  *address,
                 gint64           deadline,
                 GCancellable    *cancellable,
                 const char      *target,
                 GError         **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) local = NULL;

  socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, &local);
  if (socket == NULL)
    {
      socket_error (local, target, "socket", error);
      return NULL;
    }
  g_socket_set_blocking (socket, FALSE);

  if (!g_socket_connect (socket, address, cancellable, &local))
    {
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PENDING))
        {
          socket_error (local, target, "connect", error);
          return NULL;
        }
      g_clear_error (&local);
      if (!wait_socket (socket, G_IO_OUT, deadline, cancellable, target, "connection", error))
        return NULL;
      if (!g_socket_check_connect_result (socket, &local))
        {
          socket_error (local, target, "connect", error);
          return NULL;
        }
    }

  return g_steal_pointer (&socket);
}

static GSocket *
tcp_connect (const Job     *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GSocketAddressEnumerator) enumerator = NULL;
  g_autoptr(GError) last = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64)job->connect_ms * 1000;

  connectable = g_network_address_parse (job->host_port, AISLE_ESCPOS_DEFAULT_PORT, &last);
  if (connectable == NULL)
    {
      fail (error, AISLE_PRINTER_ERROR_FAILED, "%s: %s", job->host_port, last->message);
      return NULL;
    }

  enumerator = g_socket_connectable_enumerate (connectable);
  for (;;)
    {
      g_autoptr(GSocketAddress) address = NULL;
      g_autoptr(GError) local = NULL;
      GSocket *socket;

      address = g_socket_address_enumerator_next (enumerator, cancellable, &local);
      if (address == NULL)
        {
          if (local != NULL)
            socket_error (local, job->host_port, "resolve", error);
          else if (last != NULL)
            g_propagate_error (error, g_steal_pointer (&last));
          else
            fail (error, AISLE_PRINTER_ERROR_OFFLINE, "%s: no address", job->host_port);
          return NULL;
        }

      socket = connect_address (address, deadline, cancellable, job->host_port, &local);
      if (socket != NULL)
        return socket;
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_TIMEOUT))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_clear_error (&last);
      last = g_steal_pointer (&local);
    }
}

/* @timeout_ms without any progress, not for the whole job: a long slip on a
 * slow printer drains slowly but steadily. */
static gboolean
tcp_send (GSocket       *socket,
          const guint8  *data,
          gsize          len,
          guint          timeout_ms,
          GCancellable  *cancellable,
          const char    *target,
          GError       **error)
{
  while (len > 0)
    {
      g_autoptr(GError) local = NULL;
      gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
      gssize n;

      if (!wait_socket (socket, G_IO_OUT, deadline, cancellable, target, "room to write", error))
        return FALSE;
      n = g_socket_send (socket, (const char *)data, len, cancellable, &local);
      if (n < 0)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            continue;
          return socket_error (local, target, "send", error);
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
tcp_receive_byte (GSocket       *socket,
                  gint64         deadline,
                  GCancellable  *cancellable,
                  const char    *target,
                  guint8        *byte,
                  GError       **error)
{
  for (;;)
    {
      g_autoptr(GError) local = NULL;
      gssize n;

      if (!wait_socket (socket, G_IO_IN, deadline, cancellable, target, "status answer", error))
        return FALSE;
      n = g_socket_receive (socket, (char *)byte, 1, cancellable, &local);
      if (n == 1)
        return TRUE;
      if (n == 0)
        return fail (error, AISLE_PRINTER_ERROR_OFFLINE, "%s: the printer closed the connection", target);
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return socket_error (local, target, "receive", error);
    }
}

/* Unasked bytes (automatic status back, a previous job's answers). */
static void
tcp_drain (GSocket *socket)
{
  char buffer[64];

  while (g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL) > 0)
    ;
}

/* One DLE EOT n. After a job, @stale answers to look-alikes may come first:
 * answers come in order, so ours is the last one. */
static gboolean
tcp_query (GSocket       *socket,
           guint8         n,
           guint          stale,
           const Job     *job,
           GCancellable  *cancellable,
           guint8        *answer,
           GError       **error)
{
  const guint8 query[] = { DLE, EOT, n };
  gint64 deadline = g_get_monotonic_time () + (gint64)job->status_ms * 1000;

  if (!tcp_send (socket, query, sizeof query, job->status_ms, cancellable, job->host_port, error) ||
      !tcp_receive_byte (socket, deadline, cancellable, job->host_port, answer, error))
    return FALSE;

  for (guint i = 0; i < stale; i++)
    {
      gint64 gap = g_get_monotonic_time () + STALE_ANSWER_GAP_MS * 1000;

      if (!g_socket_condition_timed_wait (socket, G_IO_IN, remaining_us (gap), cancellable, NULL))
        break;
      if (!tcp_receive_byte (socket, gap, cancellable, job->host_port, answer, error))
        return FALSE;
    }

  if (!status_byte_valid (*answer))
    return fail (error, AISLE_PRINTER_ERROR_FAILED, "%s: 0x%02x is not an ESC/POS status", job->host_port, *answer);
  return TRUE;
}

static gboolean
tcp_check (GSocket       *socket,
           guint          stale,
           const Job     *job,
           GCancellable  *cancellable,
           GError       **error)
{
  Status status = { 0 };

  return tcp_query (socket, 1, stale, job, cancellable, &status.printer, error) &&
         tcp_query (socket, 2, 0, job, cancellable, &status.offline, error) &&
         tcp_query (socket, 4, 0, job, cancellable, &status.paper, error) &&
         check_status (&status, job->host_port, error);
}

static gboolean
tcp_print (const Job     *job,
           GBytes        *bytes,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GSocket) socket = tcp_connect (job, cancellable, error);
  gsize len;
  const guint8 *data;

  if (socket == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  tcp_drain (socket);
  if (job->query_status && !tcp_check (socket, 0, job, cancellable, error))
    return FALSE;
  if (!tcp_send (socket, data, len, job->write_ms, cancellable, job->host_port, error))
    return FALSE;
  /* Still there, with paper, after the job: the slip came out whole. */
  if (job->query_status && !tcp_check (socket, count_status_lookalikes (bytes), job, cancellable, error))
    return FALSE;

  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  g_socket_close (socket, NULL);
  return TRUE;
}

/* Device files */

static gboolean
device_error (int          saved_errno,
              const char  *device,
              const char  *doing,
              GError     **error)
{
  AislePrinterError code = AISLE_PRINTER_ERROR_FAILED;

  switch (saved_errno)
    {
    case ENOENT:
    case ENODEV:
    case ENXIO:
    case EIO:
    case EBUSY:
    case EPIPE:
      /* Unplugged, switched off, or open in another program. */
      code = AISLE_PRINTER_ERROR_OFFLINE;
      break;
    default:
      break;
    }
  return fail (error, code, "%s: %s: %s", device, doing, g_strerror (saved_errno));
}

/* The lp drivers (usblp, parport lp) report the printer's status lines. */
static gboolean
device_check (int          fd,
              const char  *device,
              GError     **error)
{
#ifdef __linux__
  struct stat st;
  int status = 0;

  if (fstat (fd, &st) != 0 || !S_ISCHR (st.st_mode) || ioctl (fd, LPGETSTATUS, &status) != 0)
    return TRUE;   /* not an lp device: nothing to ask */

  if (status & LP_POUTPA)
    return fail (error, AISLE_PRINTER_ERROR_PAPER_OUT, "%s: out of paper", device);
  if (!(status & LP_PSELECD))
    return fail (error, AISLE_PRINTER_ERROR_OFFLINE, "%s: the printer is offline", device);
  if (!(status & LP_PERRORP))
    return fail (error, AISLE_PRINTER_ERROR_FAILED, "%s: the printer reports an error", device);
#endif
  return TRUE;
}

static gboolean
device_wait (int            fd,
             guint          timeout_ms,
             GCancellable  *cancellable,
             const char    *device,
             GError       **error)
{
  GPollFD fds[2] = { { fd, G_IO_OUT, 0 }, { -1, 0, 0 } };
  guint n_fds = g_cancellable_make_pollfd (cancellable, &fds[1]) ? 2 : 1;
  int ready;

  do
    ready = g_poll (fds, n_fds, (int)timeout_ms);
  while (ready < 0 && errno == EINTR);

  if (n_fds == 2)
    g_cancellable_release_fd (cancellable);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (ready < 0)
    return device_error (errno, device, "poll", error);
  if (ready == 0)
    return fail (error, AISLE_PRINTER_ERROR_TIMEOUT, "%s: the printer took no data for %u ms", device, timeout_ms);
  return TRUE;
}

static gboolean
device_write (int            fd,
              GBytes        *bytes,
              const Job     *job,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        {
          if (!device_wait (fd, job->write_ms, cancellable, job->device, error))
            return FALSE;
          continue;
        }
      if (n < 0)
        return device_error (errno, job->device, "write", error);
      data += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
device_print (const Job     *job,
              GBytes        *bytes,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean ok;
  int fd;

  /* Never O_CREAT: a missing device is an unplugged printer, not a file to make. */
  fd = open (job->device, O_WRONLY | O_APPEND | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return device_error (errno, job->device, "open", error);

  ok = (!job->query_status || device_check (fd, job->device, error)) &&
       device_write (fd, bytes, job, cancellable, error) &&
       (!job->query_status || device_check (fd, job->device, error));

  if (close (fd) != 0 && ok)
    ok = device_error (errno, job->device, "close", error);
  return ok;
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
  gboolean ok;

  bytes = aisle_escpos_render (job->slip, &job->options, &error);
  if (bytes == NULL)
    {
      g_task_return_new_error (task, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "%s", error->message);
      return;
    }

  if (job->device != NULL)
    ok = device_print (job, bytes, cancellable, &error);
  else
    ok = tcp_print (job, bytes, cancellable, &error);

  if (ok)
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

  job->device = g_strdup (self->device);
  job->host_port = self->device ? NULL : g_strdup (self->target);
  aisle_escpos_printer_get_options (self, &job->options);
  job->query_status = self->query_status;
  job->connect_ms = self->connect_ms;
  job->write_ms = self->write_ms;
  job->status_ms = self->status_ms;
  job->slip = g_object_ref (slip);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_escpos_printer_print_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, print_thread);
}

static gboolean
aisle_escpos_printer_print_finish (AislePrinter  *printer,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, printer), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
printer_iface_init (AislePrinterInterface *iface)
{
  iface->print_async = aisle_escpos_printer_print_async;
  iface->print_finish = aisle_escpos_printer_print_finish;
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
