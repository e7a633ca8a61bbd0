/* aisle-http-transfer.h: one libcurl transfer, shared by GET and POST (private)
 *
 * aisle-http.c sets up the easy handle (limits, timeouts, callbacks, the
 * bearer token), runs it through a private multi handle so that a
 * cancellation wakes it up at once, and turns what went wrong into a GError.
 * aisle-http-get.c and aisle-http-post.c add only what their request needs.
 */
#pragma once

#include <curl/curl.h>

#include "aisle-error.h"
#include "aisle-http.h"
#include "aisle-http-body.h"

G_BEGIN_DECLS

/* One request: the easy handle, the response as it comes in, and why the
 * transfer stopped, if it stopped early. */
typedef struct
{
  CURL         *easy;
  GCancellable *cancellable;
  gboolean      is_file;
  gboolean      any_status;  /* POST: every status is an answer, with its body */
  gint64        stall_us;

  /* The response being received; reset by every status line, as
   * redirects and interim responses bring their own headers. */
  guint         status;
  char         *etag;
  gint64        content_length;
  gboolean      encoded;
  guint         last_redirect_status;

  gboolean      connected;
  gint64        last_progress_us;
  curl_off_t    last_dlnow;
  curl_off_t    last_ulnow;

  gboolean      cancelled;
  gboolean      stalled;
  gboolean      refused_status;  /* stopped reading a 4xx/5xx answer */

  AisleHttpBody sink;
  char          errbuf[CURL_ERROR_SIZE];
} AisleHttpTransfer;

/* Runs one request on the handles of @t, as set up by
 * aisle_http_transfer_perform(). */
typedef AisleHttpResponse *(*AisleHttpTransferFunc) (AisleHttpTransfer  *t,
                                                     CURLM              *multi,
                                                     gconstpointer       request,
                                                     GError            **error);

G_GNUC_INTERNAL
AisleHttpResponse *aisle_http_transfer_perform     (AisleHttpTransfer     *t,
                                                    const char            *url,
                                                    const AisleHttpLimits *limits,
                                                    gsize                  default_max,
                                                    AisleHttpTransferFunc  func,
                                                    gconstpointer          request,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
G_GNUC_INTERNAL
CURLcode           aisle_http_transfer_run         (AisleHttpTransfer     *t,
                                                    CURLM                 *multi);
G_GNUC_INTERNAL
gboolean           aisle_http_transfer_check       (AisleHttpTransfer     *t,
                                                    CURLcode               result,
                                                    GError               **error);

/* The request */

G_GNUC_INTERNAL
gboolean           aisle_http_check_scheme         (const char            *url,
                                                    gboolean               allow_file,
                                                    gboolean              *is_file,
                                                    GError               **error);
G_GNUC_INTERNAL
gboolean           aisle_http_header_value_is_safe (const char            *value);
G_GNUC_INTERNAL
void               aisle_http_log_request          (const char            *method,
                                                    const char            *url,
                                                    const char            *header,
                                                    const char            *value);

/* The answer */

G_GNUC_INTERNAL
AisleHttpResponse *aisle_http_response_new         (guint                  status,
                                                    GBytes                *body,
                                                    const char            *etag,
                                                    const char            *content_type);
G_GNUC_INTERNAL
void               aisle_http_set_error            (GError               **error,
                                                    AisleError             code,
                                                    const char            *message,
                                                    const char            *detail);
G_GNUC_INTERNAL
void               aisle_http_set_status_error     (GError               **error,
                                                    guint                  status);

G_END_DECLS
