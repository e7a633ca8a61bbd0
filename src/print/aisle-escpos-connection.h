/* aisle-escpos-connection.h: sending a job to an ESC/POS printer on a device file or over TCP
 *
 * Before a job and right after it the printer is asked for its real-time
 * status (DLE EOT 1, 2 and 4 on TCP; the lp driver's status on a USB or
 * parallel device), so that "out of paper" or "cover open" come back as
 * such. Every wait has a time limit. Blocks: call it on a worker thread.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where a job goes and how long each step may take, copied per job so that
 * settings changed meanwhile do not reach a job already running. */
typedef struct
{
  char     *device;        /* a device path, or NULL for TCP */
  char     *host_port;     /* "host:port" when device is NULL */
  gboolean  query_status;  /* ask the printer before and after the job */
  guint     connect_ms;
  guint     write_ms;      /* without any progress */
  guint     status_ms;     /* for one status answer */
} AisleEscposConnection;

void     aisle_escpos_connection_clear (AisleEscposConnection  *conn);

/* Sends @bytes, already rendered, and checks the printer's status around
 * them. Fails with AISLE_PRINTER_ERROR and a technical message, or
 * G_IO_ERROR_CANCELLED. */
gboolean aisle_escpos_connection_send  (const AisleEscposConnection  *conn,
                                        GBytes                       *bytes,
                                        GCancellable                 *cancellable,
                                        GError                      **error);

G_END_DECLS
