/* aisle-http.c: bounded, cancellable document fetches and JSON posts with libcurl
 *
 * Each fetch drives one easy handle through a private multi handle so that a
 * cancellation wakes the transfer up at once instead of at curl's next tick.
 * The body goes through a sink (aisle-http-body.c) that enforces the size
 * limit while it grows and inflates gzip files on the fly.
 */
#define G_LOG_DOMAIN "aisle-http"

#include "aisle-http.h"

#include <curl/curl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-http-body.h"

#define USER_AGENT               "Aisle/0.1"
#define DEFAULT_MAX_BYTES        ((gsize) 64 * 1024 * 1024)
#define DEFAULT_POST_MAX_BYTES   ((gsize) 1024 * 1024)
#define DEFAULT_CONNECT_TIMEOUT  10
#define DEFAULT_STALL_TIMEOUT    20
#define DEFAULT_TOTAL_TIMEOUT    120
#define MAX_REDIRECTS            5L
/* How often the transfer loop wakes up when nothing happens: the grain of
 * the stall check (cancellation wakes it up at once). */
#define POLL_INTERVAL_MS         200
#define MAX_ETAG_LENGTH          512
#define MAX_IDEMPOTENCY_KEY      200

/* One transfer */

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
} Transfer;

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
static CURLcode
transfer_run (Transfer *t,
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

static void
set_error (GError     **error,
           AisleError   code,
           const char  *message,
           const char  *detail)
{
  if (detail != NULL && *detail != '\0')
    g_set_error (error, AISLE_ERROR, code, "%s (%s)", message, detail);
  else
    g_set_error_literal (error, AISLE_ERROR, code, message);
}

static void
set_status_error (GError **error,
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
      set_error (error, AISLE_ERROR_TIMEOUT, _("The server did not answer in time"), detail);
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      set_error (error, AISLE_ERROR_NETWORK, _("Could not find the server"), detail);
      break;
    case CURLE_COULDNT_CONNECT:
      set_error (error, AISLE_ERROR_NETWORK, _("Could not connect to the server"), detail);
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
      set_error (error, AISLE_ERROR_NETWORK, _("The connection to the server was lost"), detail);
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
      set_error (error, AISLE_ERROR_NETWORK, _("The secure connection to the server failed"), detail);
      break;
    case CURLE_FILE_COULDNT_READ_FILE:
    case CURLE_REMOTE_FILE_NOT_FOUND:
      set_error (error, AISLE_ERROR_NOT_FOUND, _("The document was not found"), detail);
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      if (t->last_redirect_status != 0 || (t->status >= 300 && t->status < 400))
        set_error (error, AISLE_ERROR_UNSUPPORTED,
                   _("The server redirected to an address that is not allowed"), detail);
      else
        set_error (error, AISLE_ERROR_UNSUPPORTED, _("This address is not supported"), detail);
      break;
    case CURLE_TOO_MANY_REDIRECTS:
      set_error (error, AISLE_ERROR_HTTP, _("The server redirected too many times"), detail);
      break;
    case CURLE_OUT_OF_MEMORY:
      set_error (error, AISLE_ERROR_FAILED, _("Not enough memory for the document"), detail);
      break;
    default:
      set_error (error, AISLE_ERROR_FAILED, _("The transfer failed"), detail);
      break;
    }
}

/* Our own reasons to stop a transfer come first: curl only reports them as
 * a write error or an abort by callback. */
static gboolean
transfer_check (Transfer  *t,
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
      set_error (error, AISLE_ERROR_TIMEOUT, _("The server did not answer in time"), detail);
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
      set_error (error, AISLE_ERROR_INVALID_DATA, _("The document is damaged"),
                 t->sink.zs.msg ? t->sink.zs.msg : "bad gzip data");
      return FALSE;
    case AISLE_HTTP_BODY_NO_MEMORY:
      set_error (error, AISLE_ERROR_FAILED, _("Not enough memory for the document"), NULL);
      return FALSE;
    case AISLE_HTTP_BODY_OK:
    default:
      break;
    }

  if (t->refused_status)
    {
      set_status_error (error, t->status);
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

static gboolean
header_value_is_safe (const char *value)
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

static AisleHttpResponse *
response_new (guint       status,
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

/* "file-<size>-<mtime>" from what curl learnt with fstat(). After a read,
 * @check_read drops it when the bytes read do not match the size: the file
 * changed while being read, or is not a plain file (procfs). */
static char *
file_pseudo_etag (CURL     *easy,
                  gboolean  check_read)
{
  curl_off_t size = -1;
  curl_off_t mtime = -1;
  curl_off_t read = -1;

  curl_easy_getinfo (easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &size);
  curl_easy_getinfo (easy, CURLINFO_FILETIME_T, &mtime);

  if (size < 0 || mtime < 0)
    return NULL;

  if (check_read &&
      (curl_easy_getinfo (easy, CURLINFO_SIZE_DOWNLOAD_T, &read) != CURLE_OK || read != size))
    return NULL;

  return g_strdup_printf ("\"file-%" CURL_FORMAT_CURL_OFF_T "-%" CURL_FORMAT_CURL_OFF_T "\"",
                          size, mtime);
}

/* file://: compare size and mtime before reading; returns a 304 response,
 * NULL with @error set, or NULL without error when the file must be read. */
static AisleHttpResponse *
file_check_unchanged (Transfer    *t,
                      CURLM       *multi,
                      const char  *etag,
                      GError     **error)
{
  g_autofree char *current = NULL;
  curl_off_t size = -1;
  CURLcode result;

  curl_easy_setopt (t->easy, CURLOPT_NOBODY, 1L);
  result = transfer_run (t, multi);
  curl_easy_setopt (t->easy, CURLOPT_NOBODY, 0L);

  if (!transfer_check (t, result, error))
    return NULL;

  current = file_pseudo_etag (t->easy, FALSE);
  if (current != NULL && etag != NULL && strcmp (current, etag) == 0)
    return response_new (304, NULL, current, NULL);

  /* curl knows the size of regular files only; a folder reads as empty. */
  curl_easy_getinfo (t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &size);
  if (size < 0)
    set_error (error, AISLE_ERROR_NOT_FOUND, _("The document was not found"),
               "not a regular file");
  else if ((guint64) size > (guint64) t->sink.max)
    {
      t->sink.status = AISLE_HTTP_BODY_TOO_LARGE;
      transfer_check (t, CURLE_OK, error);
    }
  else
    {
      /* The body's buffer at its final size at once, and big reads: a
       * 120 MB feed is copied once, not grown by doubling from 16 kB reads. */
      t->sink.hint = (gsize) size;
      curl_easy_setopt (t->easy, CURLOPT_BUFFERSIZE, 512L * 1024);
    }

  return NULL;
}

static AisleHttpResponse *
transfer_response (Transfer    *t,
                   const char  *sent_etag,
                   GError     **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autofree char *file_etag = NULL;
  const char *content_type = NULL;
  guint status = t->status;

  curl_easy_getinfo (t->easy, CURLINFO_CONTENT_TYPE, &content_type);

  if (t->is_file)
    {
      status = 200;
      file_etag = file_pseudo_etag (t->easy, TRUE);
    }

  if (status == 304 && sent_etag != NULL)
    return response_new (304, NULL, t->etag ? t->etag : sent_etag, content_type);

  if (status < 200 || status >= 300)
    {
      set_status_error (error, status);
      return NULL;
    }

  body = aisle_http_body_finish (&t->sink);
  if (body == NULL)
    {
      transfer_check (t, CURLE_OK, error);
      return NULL;
    }

  return response_new (status, g_steal_pointer (&body),
                       t->is_file ? file_etag : t->etag, content_type);
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
static void
log_request (const char *method,
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

static gboolean
check_scheme (const char  *url,
              gboolean     allow_file,
              gboolean    *is_file,
              GError     **error)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  if (scheme == NULL)
    {
      set_error (error, AISLE_ERROR_UNSUPPORTED, _("This address is not supported"),
                 "not a URL");
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") != 0 &&
      g_ascii_strcasecmp (scheme, "https") != 0 &&
      (!allow_file || g_ascii_strcasecmp (scheme, "file") != 0))
    {
      set_error (error, AISLE_ERROR_UNSUPPORTED, _("This address is not supported"), scheme);
      return FALSE;
    }

  *is_file = g_ascii_strcasecmp (scheme, "file") == 0;
  return TRUE;
}

/* Runs one request on the handles of @t, as set up by transfer_setup(). */
typedef AisleHttpResponse *(*TransferFunc) (Transfer       *t,
                                            CURLM          *multi,
                                            gconstpointer   request,
                                            GError        **error);

/* Creates the handles, wires @cancellable to wake the transfer up, runs
 * @func, logs the outcome and cleans up. */
static AisleHttpResponse *
transfer_perform (Transfer               *t,
                  const char             *url,
                  const AisleHttpLimits  *limits,
                  gsize                   default_max,
                  TransferFunc            func,
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
      set_error (error, AISLE_ERROR_FAILED, _("The transfer failed"), "could not set up libcurl");
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

static AisleHttpResponse *
fetch_with (Transfer       *t,
            CURLM          *multi,
            gconstpointer   request,
            GError        **error)
{
  const char *etag = request;
  g_autoptr(GError) local_error = NULL;
  struct curl_slist *headers = NULL;
  AisleHttpResponse *response = NULL;
  CURLcode result;

  if (t->is_file)
    {
      curl_easy_setopt (t->easy, CURLOPT_FILETIME, 1L);
      response = file_check_unchanged (t, multi, etag, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (response != NULL)
        return response;
    }
  else if (etag != NULL)
    {
      g_autofree char *line = g_strconcat ("If-None-Match: ", etag, NULL);

      headers = curl_slist_append (headers, line);
      curl_easy_setopt (t->easy, CURLOPT_HTTPHEADER, headers);
    }

  result = transfer_run (t, multi);
  if (transfer_check (t, result, error))
    response = transfer_response (t, t->is_file ? NULL : etag, error);

  curl_slist_free_all (headers);
  return response;
}

/**
 * aisle_http_fetch:
 * @url: an http, https or file URL
 * @etag: (nullable): the validator of the copy the caller has
 * @limits: (nullable): size and time limits, %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error in %AISLE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Fetches @url, blocking the calling thread: never call it on the main loop.
 *
 * Returns: (transfer full): the response, with status 304 and no body when
 *   @etag still matches
 */
AisleHttpResponse *
aisle_http_fetch (const char             *url,
                  const char             *etag,
                  const AisleHttpLimits  *limits,
                  GCancellable           *cancellable,
                  GError                **error)
{
  Transfer t = { 0 };

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheme (url, TRUE, &t.is_file, error))
    return NULL;

  if (etag != NULL && !header_value_is_safe (etag))
    etag = NULL;  /* from a damaged cache: fetch afresh rather than fail */

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  aisle_http_global_init ();
  log_request ("GET", url, "If-None-Match", etag);

  return transfer_perform (&t, url, limits, DEFAULT_MAX_BYTES, fetch_with, etag,
                           cancellable, error);
}

/* POST */

typedef struct
{
  const char *body;
  gsize       body_len;
  const char *idempotency_key;
  const char *accept_language;  /* or NULL */
} PostRequest;

static gboolean
idempotency_key_is_valid (const char *key)
{
  gsize len = 0;

  if (key == NULL)
    return FALSE;

  for (const char *p = key; *p != '\0'; p++, len++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return len > 0 && len <= MAX_IDEMPOTENCY_KEY;
}

static gboolean
append_header (struct curl_slist **headers,
               const char         *line)
{
  struct curl_slist *longer = curl_slist_append (*headers, line);

  if (longer == NULL)
    return FALSE;

  *headers = longer;
  return TRUE;
}

static struct curl_slist *
post_headers (const PostRequest *request)
{
  g_autofree char *key = g_strconcat ("Idempotency-Key: ", request->idempotency_key, NULL);
  g_autofree char *language = NULL;
  struct curl_slist *headers = NULL;
  gboolean ok;

  if (request->accept_language != NULL)
    language = g_strconcat ("Accept-Language: ", request->accept_language, NULL);

  /* An empty Expect: saves the "100 Continue" round trip curl makes before
   * a large body. */
  ok = append_header (&headers, "Content-Type: application/json; charset=utf-8") &&
       append_header (&headers, "Accept: application/json") &&
       append_header (&headers, key) &&
       append_header (&headers, "Expect:") &&
       (language == NULL || append_header (&headers, language));

  if (!ok)
    g_clear_pointer (&headers, curl_slist_free_all);

  return headers;
}

static AisleHttpResponse *
post_response (Transfer  *t,
               GError   **error)
{
  g_autoptr(GBytes) body = NULL;
  const char *content_type = NULL;

  if (t->status < 200)
    {
      set_status_error (error, t->status);
      return NULL;
    }

  body = aisle_http_body_finish (&t->sink);
  if (body == NULL)
    {
      transfer_check (t, CURLE_OK, error);
      return NULL;
    }

  curl_easy_getinfo (t->easy, CURLINFO_CONTENT_TYPE, &content_type);
  return response_new (t->status, g_steal_pointer (&body), t->etag, content_type);
}

static AisleHttpResponse *
post_with (Transfer       *t,
           CURLM          *multi,
           gconstpointer   data,
           GError        **error)
{
  const PostRequest *request = data;
  struct curl_slist *headers = post_headers (request);
  AisleHttpResponse *response = NULL;
  CURLcode result;

  if (headers == NULL)
    {
      set_error (error, AISLE_ERROR_FAILED, _("The transfer failed"), "out of memory");
      return NULL;
    }

  /* An order goes to the address configured or nowhere: a redirect is an
   * answer for the caller to judge, and curl would turn it into a GET. */
  t->any_status = TRUE;
  curl_easy_setopt (t->easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (t->easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (t->easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (t->easy, CURLOPT_POSTFIELDS, request->body);
  curl_easy_setopt (t->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) request->body_len);

  result = transfer_run (t, multi);
  if (transfer_check (t, result, error))
    response = post_response (t, error);

  curl_slist_free_all (headers);
  return response;
}

/**
 * aisle_http_post_json:
 * @url: an http or https URL
 * @body: the JSON document to send, @body_len bytes of UTF-8
 * @body_len: the length of @body
 * @idempotency_key: the request's identity, 1 to 200 of [A-Za-z0-9_-]
 * @accept_language: (nullable): a language for the messages of the answer
 * @limits: (nullable): size and time limits, %NULL for the defaults (the
 *   answer may be 1 MiB unless @limits says otherwise)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error in %AISLE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Posts @body, blocking the calling thread: never call it on the main loop.
 * Redirects are not followed. Neither @body nor the token is ever logged.
 *
 * Returns: (transfer full): the response, whatever its status
 */
AisleHttpResponse *
aisle_http_post_json (const char             *url,
                      const char             *body,
                      gsize                   body_len,
                      const char             *idempotency_key,
                      const char             *accept_language,
                      const AisleHttpLimits  *limits,
                      GCancellable           *cancellable,
                      GError                **error)
{
  PostRequest request = { body, body_len, idempotency_key, accept_language };
  Transfer t = { 0 };
  gboolean is_file = FALSE;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (idempotency_key_is_valid (idempotency_key), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheme (url, FALSE, &is_file, error))
    return NULL;

  /* A language the server cannot be told about costs it no more than its
   * default language: it is no reason to hold an order back. */
  if (accept_language != NULL && (*accept_language == '\0' || !header_value_is_safe (accept_language)))
    request.accept_language = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  aisle_http_global_init ();
  log_request ("POST", url, "Idempotency-Key", idempotency_key);

  return transfer_perform (&t, url, limits, DEFAULT_POST_MAX_BYTES, post_with, &request,
                           cancellable, error);
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
  return response_new (response->status,
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

/* Async */

typedef struct
{
  char            *url;
  char            *etag;
  char            *bearer_token;
  AisleHttpLimits  limits;
} FetchRequest;

static void
fetch_request_free (FetchRequest *request)
{
  g_free (request->url);
  g_free (request->etag);
  if (request->bearer_token != NULL)
    {
      memset (request->bearer_token, 0, strlen (request->bearer_token));
      g_free (request->bearer_token);
    }
  g_free (request);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object G_GNUC_UNUSED,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchRequest *request = task_data;
  GError *error = NULL;
  AisleHttpResponse *response;

  response = aisle_http_fetch (request->url, request->etag, &request->limits,
                               cancellable, &error);
  if (response != NULL)
    g_task_return_pointer (task, response, (GDestroyNotify) aisle_http_response_free);
  else
    g_task_return_error (task, error);
}

/**
 * aisle_http_fetch_async:
 * @url: an http, https or file URL
 * @etag: (nullable): the validator of the copy the caller has
 * @limits: (nullable): size and time limits, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Runs aisle_http_fetch() in a worker thread.
 */
void
aisle_http_fetch_async (const char             *url,
                        const char             *etag,
                        const AisleHttpLimits  *limits,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchRequest *request;

  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (FetchRequest, 1);
  request->url = g_strdup (url);
  request->etag = g_strdup (etag);
  if (limits != NULL)
    {
      request->limits = *limits;
      request->bearer_token = g_strdup (limits->bearer_token);
      request->limits.bearer_token = request->bearer_token;
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_http_fetch_async);
  g_task_set_name (task, "[aisle] aisle_http_fetch_async");
  g_task_set_task_data (task, request, (GDestroyNotify) fetch_request_free);
  g_task_run_in_thread (task, fetch_thread);
}

/**
 * aisle_http_fetch_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the response, or %NULL with @error set
 */
AisleHttpResponse *
aisle_http_fetch_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aisle_http_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
