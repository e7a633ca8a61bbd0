/* aisle-http-get.c: fetching a document, unless the copy the caller has is current
 *
 * A fetch sends the ETag of the caller's copy and returns 304 while it still
 * matches. A file:// URL has no server to ask: a size+mtime pseudo-ETag is
 * compared before the file is read, and a file that changes while it is read
 * gets none. aisle_http_fetch_async() runs the same fetch in a worker thread.
 */
#define G_LOG_DOMAIN "aisle-http"

#include "aisle-http.h"

#include <curl/curl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-http-transfer.h"

#define DEFAULT_MAX_BYTES        ((gsize) 64 * 1024 * 1024)

typedef AisleHttpTransfer Transfer;

/* file:// */

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
  result = aisle_http_transfer_run (t, multi);
  curl_easy_setopt (t->easy, CURLOPT_NOBODY, 0L);

  if (!aisle_http_transfer_check (t, result, error))
    return NULL;

  current = file_pseudo_etag (t->easy, FALSE);
  if (current != NULL && etag != NULL && strcmp (current, etag) == 0)
    return aisle_http_response_new (304, NULL, current, NULL);

  /* curl knows the size of regular files only; a folder reads as empty. */
  curl_easy_getinfo (t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &size);
  if (size < 0)
    aisle_http_set_error (error, AISLE_ERROR_NOT_FOUND, _("The document was not found"),
                          "not a regular file");
  else if ((guint64) size > (guint64) t->sink.max)
    {
      t->sink.status = AISLE_HTTP_BODY_TOO_LARGE;
      aisle_http_transfer_check (t, CURLE_OK, error);
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
    return aisle_http_response_new (304, NULL, t->etag ? t->etag : sent_etag, content_type);

  if (status < 200 || status >= 300)
    {
      aisle_http_set_status_error (error, status);
      return NULL;
    }

  body = aisle_http_body_finish (&t->sink);
  if (body == NULL)
    {
      aisle_http_transfer_check (t, CURLE_OK, error);
      return NULL;
    }

  return aisle_http_response_new (status, g_steal_pointer (&body),
                                  t->is_file ? file_etag : t->etag, content_type);
}

/* GET */

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

  result = aisle_http_transfer_run (t, multi);
  if (aisle_http_transfer_check (t, result, error))
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

  if (!aisle_http_check_scheme (url, TRUE, &t.is_file, error))
    return NULL;

  if (etag != NULL && !aisle_http_header_value_is_safe (etag))
    etag = NULL;  /* from a damaged cache: fetch afresh rather than fail */

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  aisle_http_global_init ();
  aisle_http_log_request ("GET", url, "If-None-Match", etag);

  return aisle_http_transfer_perform (&t, url, limits, DEFAULT_MAX_BYTES, fetch_with, etag,
                                      cancellable, error);
}

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
