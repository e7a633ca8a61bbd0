/* aisle-http.c: the libcurl set-up that fetches and posts share, and the response
 *
 * Each request drives one easy handle through a private multi handle so that a
 * cancellation wakes the transfer up at once instead of at curl's next tick.
 * The body goes through a sink (aisle-http-body.c) that enforces the size
 * limit while it grows and inflates gzip files on the fly. The requests
 * themselves are in aisle-http-get.c and aisle-http-post.c.
 */
#define G_LOG_DOMAIN "aisle-http"

#include "aisle-http.h"

#include <curl/curl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-http-body.h"
#include "aisle-http-transfer.h"

#define USER_AGENT               "Aisle/0.1"
#define DEFAULT_CONNECT_TIMEOUT  10
#define DEFAULT_STALL_TIMEOUT    20
#define DEFAULT_TOTAL_TIMEOUT    120
#define MAX_REDIRECTS            5L
/* How often the transfer loop wakes up when nothing happens: the grain of
 * the stall check (cancellation wakes it up at once). */
#define POLL_INTERVAL_MS         200
#define MAX_ETAG_LENGTH          512

typedef AisleHttpTransfer Transfer;

/* One transfer */

static void
transfer_clear (Transfer *t)
{
  g_clear_pointer (&t->etag, g_free);
  aisle_http_body_clear (&t->sink);
}

static gboolean
header_is (const char *line,
           gsize       name_len,
           const char *name)
{
  return name_len == strlen (name) && g_ascii_strncasecmp (line, name, name_len) == 0;
}

static void
transfer_begin_response (Transfer   *t,
                         const char *line,
                         gsize       len)
{
  const char *space = memchr (line, ' ', len);
  guint64 code = 0;

  if (space != NULL && line + len - space > 3)
    {
      g_autofree char *digits = g_strndup (space + 1, 3);
      g_ascii_string_to_unsigned (digits, 10, 100, 999, &code, NULL);
    }

  if (t->status >= 300 && t->status < 400)
    t->last_redirect_status = t->status;

  t->status = (guint) code;
  t->content_length = -1;
  t->encoded = FALSE;
  g_clear_pointer (&t->etag, g_free);
}

/* At the blank line that ends a header block: refuse what we will not use
 * before any of the body is read. */
static gboolean
transfer_end_headers (Transfer *t)
{
  gsize max = t->sink.max;
  gboolean wanted;

  if (t->status >= 400 && !t->any_status)
    {
      t->refused_status = TRUE;
      return FALSE;
    }

  if (t->any_status)
    wanted = t->status >= 200;  /* not a 1xx interim answer */
  else
    wanted = (t->status >= 200 && t->status < 300) || t->is_file;

  if (wanted)
    {
      /* An encoded length is compressed: allow deflate's worst-case growth. */
      gsize slack = t->encoded ? max / 1000 + 1024 : 0;

      if (t->content_length >= 0 && (guint64) t->content_length > (guint64) max + slack)
        {
          g_debug ("Content-Length %" G_GINT64_FORMAT " is above the limit of %" G_GSIZE_FORMAT,
                   t->content_length, max);
          t->sink.status = AISLE_HTTP_BODY_TOO_LARGE;
          return FALSE;
        }

      if (t->content_length >= 0 && !t->encoded)
        t->sink.hint = MIN ((gsize) t->content_length, max);
    }

  return TRUE;
}

static void
transfer_parse_header (Transfer   *t,
                       const char *line,
                       gsize       len)
{
  const char *colon = memchr (line, ':', len);
  g_autofree char *value = NULL;
  gsize name_len;

  if (colon == NULL)
    return;

  name_len = colon - line;
  value = g_strstrip (g_strndup (colon + 1, len - name_len - 1));

  if (header_is (line, name_len, "ETag"))
    {
      g_clear_pointer (&t->etag, g_free);
      if (*value != '\0' && strlen (value) <= MAX_ETAG_LENGTH)
        t->etag = g_steal_pointer (&value);
    }
  else if (header_is (line, name_len, "Content-Length"))
    {
      guint64 n;

      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &n, NULL))
        t->content_length = (gint64) n;
    }
  else if (header_is (line, name_len, "Content-Encoding"))
    {
      t->encoded = *value != '\0' && g_ascii_strcasecmp (value, "identity") != 0;
    }
}

static size_t
on_header (char   *buffer,
           size_t  size,
           size_t  nitems,
           void   *user_data)
{
  Transfer *t = user_data;
  size_t len = size * nitems;
  gsize trimmed = len;

  t->last_progress_us = g_get_monotonic_time ();

  while (trimmed > 0 && (buffer[trimmed - 1] == '\n' || buffer[trimmed - 1] == '\r'))
    trimmed--;

  if (trimmed == 0)
    return transfer_end_headers (t) ? len : 0;

  if (trimmed > 5 && g_ascii_strncasecmp (buffer, "HTTP/", 5) == 0)
    transfer_begin_response (t, buffer, trimmed);
  else
    transfer_parse_header (t, buffer, trimmed);

  return len;
}

static size_t
on_write (char   *data,
          size_t  size,
          size_t  nmemb,
          void   *user_data)
{
  Transfer *t = user_data;
  size_t len = size * nmemb;

  if (!aisle_http_body_write (&t->sink, (const guint8 *) data, len))
    return 0;  /* anything but len aborts with CURLE_WRITE_ERROR */

  return len;
}

static int
on_progress (void       *user_data,
             curl_off_t  dltotal G_GNUC_UNUSED,
             curl_off_t  dlnow,
             curl_off_t  ultotal G_GNUC_UNUSED,
             curl_off_t  ulnow)
{
  Transfer *t = user_data;
  gint64 now;

  if (g_cancellable_is_cancelled (t->cancellable))
    {
      t->cancelled = TRUE;
      return 1;
    }

  now = g_get_monotonic_time ();

  /* The stall clock starts once connected; connecting has its own limit. */
  if (!t->connected)
    {
      curl_off_t connect_time = 0;

      curl_easy_getinfo (t->easy, CURLINFO_CONNECT_TIME_T, &connect_time);
      t->connected = connect_time > 0 || t->status != 0 || dlnow > 0;
      t->last_progress_us = MAX (t->last_progress_us, now);
      return 0;
    }

  /* Sending a request body is progress too (GET never sends one). */
  if (dlnow != t->last_dlnow || ulnow != t->last_ulnow)
    {
      t->last_dlnow = dlnow;
      t->last_ulnow = ulnow;
      t->last_progress_us = now;
    }
  else if (now - t->last_progress_us >= t->stall_us)
    {
      t->stalled = TRUE;
      return 1;
    }

  return 0;
}

static void
on_cancelled (GCancellable *cancellable G_GNUC_UNUSED,
              gpointer      multi)
{
  curl_multi_wakeup (multi);
}

/* Runs the easy handle to completion; the loop ends by curl's total
 * timeout at the latest. */
CURLcode
aisle_http_transfer_run (Transfer *t,
                         CURLM    *multi)
{
  CURLcode result = CURLE_ABORTED_BY_CALLBACK;
  CURLMcode mc;
  CURLMsg *msg;
  int running = 1;
  int queued;

  t->errbuf[0] = '\0';
  mc = curl_multi_add_handle (multi, t->easy);

  while (mc == CURLM_OK)
    {
      mc = curl_multi_perform (multi, &running);
      if (mc != CURLM_OK || running == 0)
        break;

      if (g_cancellable_is_cancelled (t->cancellable))
        {
          t->cancelled = TRUE;
          break;
        }

      mc = curl_multi_poll (multi, NULL, 0, POLL_INTERVAL_MS, NULL);
    }

  while ((msg = curl_multi_info_read (multi, &queued)) != NULL)
    if (msg->msg == CURLMSG_DONE && msg->easy_handle == t->easy)
      result = msg->data.result;

  if (mc != CURLM_OK)
    {
      g_strlcpy (t->errbuf, curl_multi_strerror (mc), sizeof t->errbuf);
      result = CURLE_FAILED_INIT;
    }

  curl_multi_remove_handle (multi, t->easy);
  return result;
}

/* Errors */

void
aisle_http_set_error (GError     **error,
                      AisleError   code,
                      const char  *message,
                      const char  *detail)
{
  if (detail != NULL && *detail != '\0')
    g_set_error (error, AISLE_ERROR, code, "%s (%s)", message, detail);
  else
    g_set_error_literal (error, AISLE_ERROR, code, message);
}

void
aisle_http_set_status_error (GError **error,
                             guint    status)
{
  if (status == 404 || status == 410)
    g_set_error (error, AISLE_ERROR, AISLE_ERROR_NOT_FOUND,
                 _("The document was not found on the server (HTTP %u)"), status);
  else if (status >= 400)
    g_set_error (error, AISLE_ERROR, AISLE_ERROR_HTTP,
                 _("The server answered with an error (HTTP %u)"), status);
  else
    g_set_error (error, AISLE_ERROR, AISLE_ERROR_HTTP,
                 _("The server gave an unexpected answer (HTTP %u)"), status);
}

static void
set_curl_error (GError        **error,
                const Transfer *t,
                CURLcode        result)
{
  const char *detail = t->errbuf[0] != '\0' ? t->errbuf : curl_easy_strerror (result);

  switch (result)
    {
    case CURLE_OPERATION_TIMEDOUT:
      aisle_http_set_error (error, AISLE_ERROR_TIMEOUT, _("The server did not answer in time"), detail);
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      aisle_http_set_error (error, AISLE_ERROR_NETWORK, _("Could not find the server"), detail);
      break;
    case CURLE_COULDNT_CONNECT:
      aisle_http_set_error (error, AISLE_ERROR_NETWORK, _("Could not connect to the server"), detail);
      break;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
      aisle_http_set_error (error, AISLE_ERROR_NETWORK, _("The connection to the server was lost"), detail);
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
      aisle_http_set_error (error, AISLE_ERROR_NETWORK, _("The secure connection to the server failed"), detail);
      break;
    case CURLE_FILE_COULDNT_READ_FILE:
    case CURLE_REMOTE_FILE_NOT_FOUND:
      aisle_http_set_error (error, AISLE_ERROR_NOT_FOUND, _("The document was not found"), detail);
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      if (t->last_redirect_status != 0 || (t->status >= 300 && t->status < 400))
        aisle_http_set_error (error, AISLE_ERROR_UNSUPPORTED,
                              _("The server redirected to an address that is not allowed"), detail);
      else
        aisle_http_set_error (error, AISLE_ERROR_UNSUPPORTED, _("This address is not supported"), detail);
      break;
    case CURLE_TOO_MANY_REDIRECTS:
      aisle_http_set_error (error, AISLE_ERROR_HTTP, _("The server redirected too many times"), detail);
      break;
    case CURLE_OUT_OF_MEMORY:
      aisle_http_set_error (error, AISLE_ERROR_FAILED, _("Not enough memory for the document"), detail);
      break;
    default:
      aisle_http_set_error (error, AISLE_ERROR_FAILED, _("The transfer failed"), detail);
      break;
    }
}

/* Our own reasons to stop a transfer come first: curl only reports them as
 * a write error or an abort by callback. */
gboolean
aisle_http_transfer_check (Transfer  *t,
                           CURLcode   result,
                           GError   **error)
{
  if (t->cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The transfer was cancelled"));
      return FALSE;
    }

  if (t->stalled)
    {
      g_autofree char *detail = g_strdup_printf ("no data for %" G_GINT64_FORMAT " s",
                                                 t->stall_us / G_USEC_PER_SEC);
      aisle_http_set_error (error, AISLE_ERROR_TIMEOUT, _("The server did not answer in time"), detail);
      return FALSE;
    }

  switch (t->sink.status)
    {
    case AISLE_HTTP_BODY_TOO_LARGE:
      {
        g_autofree char *limit = g_format_size (t->sink.max);

        /* Translators: %s is a size such as "8.4 MB" */
        g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE,
                     _("The document is too large (more than %s)"), limit);
        return FALSE;
      }
    case AISLE_HTTP_BODY_CORRUPT:
      aisle_http_set_error (error, AISLE_ERROR_INVALID_DATA, _("The document is damaged"),
                            t->sink.zs.msg ? t->sink.zs.msg : "bad gzip data");
      return FALSE;
    case AISLE_HTTP_BODY_NO_MEMORY:
      aisle_http_set_error (error, AISLE_ERROR_FAILED, _("Not enough memory for the document"), NULL);
      return FALSE;
    case AISLE_HTTP_BODY_OK:
    default:
      break;
    }

  if (t->refused_status)
    {
      aisle_http_set_status_error (error, t->status);
      return FALSE;
    }

  if (result != CURLE_OK)
    {
      set_curl_error (error, t, result);
      return FALSE;
    }

  return TRUE;
}

/* Setup */

gboolean
aisle_http_header_value_is_safe (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static void
transfer_setup (Transfer              *t,
                const char            *url,
                const AisleHttpLimits *limits,
                gsize                  default_max,
                GCancellable          *cancellable)
{
  guint connect_s = limits && limits->connect_timeout_s ? limits->connect_timeout_s : DEFAULT_CONNECT_TIMEOUT;
  guint stall_s = limits && limits->stall_timeout_s ? limits->stall_timeout_s : DEFAULT_STALL_TIMEOUT;
  guint total_s = limits && limits->total_timeout_s ? limits->total_timeout_s : DEFAULT_TOTAL_TIMEOUT;
  gsize max = limits && limits->max_bytes ? limits->max_bytes : default_max;
  CURL *easy = t->easy;

  t->cancellable = cancellable;
  t->stall_us = (gint64) stall_s * G_USEC_PER_SEC;
  t->content_length = -1;
  t->sink.max = MIN (max, G_MAXSIZE / 2);

  curl_easy_setopt (easy, CURLOPT_URL, url);
  curl_easy_setopt (easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (easy, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt (easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt (easy, CURLOPT_MAXREDIRS, MAX_REDIRECTS);
  curl_easy_setopt (easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt (easy, CURLOPT_USERAGENT, USER_AGENT);
  curl_easy_setopt (easy, CURLOPT_CONNECTTIMEOUT, (long) connect_s);
  curl_easy_setopt (easy, CURLOPT_TIMEOUT, (long) total_s);
  /* curl's own check averages over several seconds; ours in on_progress is
   * sharper, this one stays as a backstop. */
  curl_easy_setopt (easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (easy, CURLOPT_LOW_SPEED_TIME, (long) stall_s);
  curl_easy_setopt (easy, CURLOPT_ERRORBUFFER, t->errbuf);
  curl_easy_setopt (easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt (easy, CURLOPT_HEADERDATA, t);
  curl_easy_setopt (easy, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt (easy, CURLOPT_WRITEDATA, t);
  curl_easy_setopt (easy, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt (easy, CURLOPT_XFERINFODATA, t);
  curl_easy_setopt (easy, CURLOPT_NOPROGRESS, 0L);

  /* Let curl send the token: it keeps it from hosts we are redirected to. */
  if (limits && limits->bearer_token && !t->is_file)
    {
      curl_easy_setopt (easy, CURLOPT_HTTPAUTH, (long) CURLAUTH_BEARER);
      curl_easy_setopt (easy, CURLOPT_XOAUTH2_BEARER, limits->bearer_token);
    }
}

AisleHttpResponse *
aisle_http_response_new (guint       status,
                         GBytes     *body,
                         const char *etag,
                         const char *content_type)
{
  AisleHttpResponse *response = g_new0 (AisleHttpResponse, 1);

  response->status = status;
  response->body = body;
  response->etag = g_strdup (etag);
  response->content_type = g_strdup (content_type);
  return response;
}

static char *
redact_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL)
    return g_strdup ("(invalid URL)");

  return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT);
}

/* Never a body nor a token: bodies hold personal data. */
void
aisle_http_log_request (const char *method,
                        const char *url,
                        const char *header,
                        const char *value)
{
  g_autofree char *shown = NULL;

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;

  shown = redact_url (url);
  if (value != NULL)
    g_debug ("%s %s %s: %s", method, shown, header, value);
  else
    g_debug ("%s %s", method, shown);
}

static void
log_outcome (const AisleHttpResponse *response,
             const GError            *error,
             gint64                   start_us)
{
  gint64 ms = (g_get_monotonic_time () - start_us) / 1000;

  if (response != NULL)
    g_debug ("Answer %u, %" G_GSIZE_FORMAT " bytes, ETag %s, %" G_GINT64_FORMAT " ms",
             response->status, response->body ? g_bytes_get_size (response->body) : 0,
             response->etag ? response->etag : "(none)", ms);
  else if (error != NULL)
    g_debug ("Failed after %" G_GINT64_FORMAT " ms: %s", ms, error->message);
}

gboolean
aisle_http_check_scheme (const char  *url,
                         gboolean     allow_file,
                         gboolean    *is_file,
                         GError     **error)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  if (scheme == NULL)
    {
      aisle_http_set_error (error, AISLE_ERROR_UNSUPPORTED, _("This address is not supported"),
                            "not a URL");
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") != 0 &&
      g_ascii_strcasecmp (scheme, "https") != 0 &&
      (!allow_file || g_ascii_strcasecmp (scheme, "file") != 0))
    {
      aisle_http_set_error (error, AISLE_ERROR_UNSUPPORTED, _("This address is not supported"), scheme);
      return FALSE;
    }

  *is_file = g_ascii_strcasecmp (scheme, "file") == 0;
  return TRUE;
}

/* Creates the handles, wires @cancellable to wake the transfer up, runs
 * @func, logs the outcome and cleans up. */
AisleHttpResponse *
aisle_http_transfer_perform (Transfer               *t,
                             const char             *url,
                             const AisleHttpLimits  *limits,
                             gsize                   default_max,
                             AisleHttpTransferFunc   func,
                             gconstpointer           request,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  AisleHttpResponse *response;
  gint64 start_us = g_get_monotonic_time ();
  gulong cancel_id = 0;
  CURLM *multi;

  t->easy = curl_easy_init ();
  multi = curl_multi_init ();
  if (t->easy == NULL || multi == NULL)
    {
      aisle_http_set_error (error, AISLE_ERROR_FAILED, _("The transfer failed"), "could not set up libcurl");
      g_clear_pointer (&t->easy, curl_easy_cleanup);
      if (multi != NULL)
        curl_multi_cleanup (multi);
      return NULL;
    }

  transfer_setup (t, url, limits, default_max, cancellable);

  if (cancellable != NULL)
    cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), multi, NULL);

  response = func (t, multi, request, &local_error);
  log_outcome (response, local_error, start_us);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  /* Waits for a handler running in another thread, so multi outlives it. */
  g_cancellable_disconnect (cancellable, cancel_id);

  curl_easy_cleanup (t->easy);
  curl_multi_cleanup (multi);
  transfer_clear (t);

  return response;
}

static gpointer
init_curl_once (gpointer data G_GNUC_UNUSED)
{
  CURLcode result = curl_global_init (CURL_GLOBAL_DEFAULT);

  if (result != CURLE_OK)
    g_warning ("Could not initialize libcurl: %s", curl_easy_strerror (result));

  return NULL;
}

/**
 * aisle_http_global_init:
 *
 * Initializes libcurl once; safe to call any number of times from any thread.
 * aisle_http_fetch() calls it too, but calling it early from main() keeps
 * libcurl's global setup out of the worker threads.
 */
void
aisle_http_global_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_curl_once, NULL);
}

/* Response */

static AisleHttpResponse *
aisle_http_response_copy (AisleHttpResponse *response)
{
  return aisle_http_response_new (response->status,
                                  response->body ? g_bytes_ref (response->body) : NULL,
                                  response->etag, response->content_type);
}

void
aisle_http_response_free (AisleHttpResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->etag);
  g_free (response->content_type);
  g_free (response);
}

G_DEFINE_BOXED_TYPE (AisleHttpResponse, aisle_http_response,
                     aisle_http_response_copy, aisle_http_response_free)
