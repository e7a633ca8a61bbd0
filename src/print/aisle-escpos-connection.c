/* aisle-escpos-connection.c: sending a job to an ESC/POS printer on a device file or over TCP */
#define G_LOG_DOMAIN "aisle-escpos-printer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/lp.h>
#endif

#include "aisle-escpos-connection.h"
#include "aisle-escpos-printer.h"

#define DLE 0x10
#define EOT 0x04

/* After a job, answers to DLE EOT look-alikes inside image data may still
 * be on their way; they stop coming within this. */
#define STALE_ANSWER_GAP_MS 200

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
tcp_connect (const AisleEscposConnection  *conn,
             GCancellable                 *cancellable,
             GError                      **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GSocketAddressEnumerator) enumerator = NULL;
  g_autoptr(GError) last = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64)conn->connect_ms * 1000;

  connectable = g_network_address_parse (conn->host_port, AISLE_ESCPOS_DEFAULT_PORT, &last);
  if (connectable == NULL)
    {
      fail (error, AISLE_PRINTER_ERROR_FAILED, "%s: %s", conn->host_port, last->message);
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
            socket_error (local, conn->host_port, "resolve", error);
          else if (last != NULL)
            g_propagate_error (error, g_steal_pointer (&last));
          else
            fail (error, AISLE_PRINTER_ERROR_OFFLINE, "%s: no address", conn->host_port);
          return NULL;
        }

      socket = connect_address (address, deadline, cancellable, conn->host_port, &local);
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
tcp_query (GSocket                      *socket,
           guint8                        n,
           guint                         stale,
           const AisleEscposConnection  *conn,
           GCancellable                 *cancellable,
           guint8                       *answer,
           GError                      **error)
{
  const guint8 query[] = { DLE, EOT, n };
  gint64 deadline = g_get_monotonic_time () + (gint64)conn->status_ms * 1000;

  if (!tcp_send (socket, query, sizeof query, conn->status_ms, cancellable, conn->host_port, error) ||
      !tcp_receive_byte (socket, deadline, cancellable, conn->host_port, answer, error))
    return FALSE;

  for (guint i = 0; i < stale; i++)
    {
      gint64 gap = g_get_monotonic_time () + STALE_ANSWER_GAP_MS * 1000;

      if (!g_socket_condition_timed_wait (socket, G_IO_IN, remaining_us (gap), cancellable, NULL))
        break;
      if (!tcp_receive_byte (socket, gap, cancellable, conn->host_port, answer, error))
        return FALSE;
    }

  if (!status_byte_valid (*answer))
    return fail (error, AISLE_PRINTER_ERROR_FAILED, "%s: 0x%02x is not an ESC/POS status", conn->host_port, *answer);
  return TRUE;
}

static gboolean
tcp_check (GSocket                      *socket,
           guint                         stale,
           const AisleEscposConnection  *conn,
           GCancellable                 *cancellable,
           GError                      **error)
{
  Status status = { 0 };

  return tcp_query (socket, 1, stale, conn, cancellable, &status.printer, error) &&
         tcp_query (socket, 2, 0, conn, cancellable, &status.offline, error) &&
         tcp_query (socket, 4, 0, conn, cancellable, &status.paper, error) &&
         check_status (&status, conn->host_port, error);
}

static gboolean
tcp_print (const AisleEscposConnection  *conn,
           GBytes                       *bytes,
           GCancellable                 *cancellable,
           GError                      **error)
{
  g_autoptr(GSocket) socket = tcp_connect (conn, cancellable, error);
  gsize len;
  const guint8 *data;

  if (socket == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  tcp_drain (socket);
  if (conn->query_status && !tcp_check (socket, 0, conn, cancellable, error))
    return FALSE;
  if (!tcp_send (socket, data, len, conn->write_ms, cancellable, conn->host_port, error))
    return FALSE;
  /* Still there, with paper, after the job: the slip came out whole. */
  if (conn->query_status && !tcp_check (socket, count_status_lookalikes (bytes), conn, cancellable, error))
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
device_write (int                           fd,
              GBytes                       *bytes,
              const AisleEscposConnection  *conn,
              GCancellable                 *cancellable,
              GError                      **error)
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
          if (!device_wait (fd, conn->write_ms, cancellable, conn->device, error))
            return FALSE;
          continue;
        }
      if (n < 0)
        return device_error (errno, conn->device, "write", error);
      data += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
device_print (const AisleEscposConnection  *conn,
              GBytes                       *bytes,
              GCancellable                 *cancellable,
              GError                      **error)
{
  gboolean ok;
  int fd;

  /* Never O_CREAT: a missing device is an unplugged printer, not a file to make. */
  fd = open (conn->device, O_WRONLY | O_APPEND | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return device_error (errno, conn->device, "open", error);

  ok = (!conn->query_status || device_check (fd, conn->device, error)) &&
       device_write (fd, bytes, conn, cancellable, error) &&
       (!conn->query_status || device_check (fd, conn->device, error));

  if (close (fd) != 0 && ok)
    ok = device_error (errno, conn->device, "close", error);
  return ok;
}

void
aisle_escpos_connection_clear (AisleEscposConnection *conn)
{
  g_clear_pointer (&conn->device, g_free);
  g_clear_pointer (&conn->host_port, g_free);
}

gboolean
aisle_escpos_connection_send (const AisleEscposConnection  *conn,
                              GBytes                       *bytes,
                              GCancellable                 *cancellable,
                              GError                      **error)
{
  g_return_val_if_fail (conn != NULL && bytes != NULL, FALSE);

  if (conn->device != NULL)
    return device_print (conn, bytes, cancellable, error);
  return tcp_print (conn, bytes, cancellable, error);
}
