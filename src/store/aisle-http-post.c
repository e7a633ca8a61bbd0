/* aisle-http-post.c: posting a JSON document (an order) with an Idempotency-Key
 *
 * Unlike a fetch, a post goes to the address it was given or nowhere (no
 * redirects, no file://), and any HTTP status is an answer for the caller to
 * judge, with its body.
 */
#define G_LOG_DOMAIN "aisle-http"

#include "aisle-http.h"

#include <curl/curl.h>
#include <glib/gi18n.h>

#include "aisle-error.h"
#include "aisle-http-transfer.h"

#define DEFAULT_POST_MAX_BYTES   ((gsize) 1024 * 1024)
#define MAX_IDEMPOTENCY_KEY      200

typedef AisleHttpTransfer Transfer;

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
      aisle_http_set_status_error (error, t->status);
      return NULL;
    }

  body = aisle_http_body_finish (&t->sink);
  if (body == NULL)
    {
      aisle_http_transfer_check (t, CURLE_OK, error);
      return NULL;
    }

  curl_easy_getinfo (t->easy, CURLINFO_CONTENT_TYPE, &content_type);
  return aisle_http_response_new (t->status, g_steal_pointer (&body), t->etag, content_type);
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
      aisle_http_set_error (error, AISLE_ERROR_FAILED, _("The transfer failed"), "out of memory");
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

  result = aisle_http_transfer_run (t, multi);
  if (aisle_http_transfer_check (t, result, error))
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

  if (!aisle_http_check_scheme (url, FALSE, &is_file, error))
    return NULL;

  /* A language the server cannot be told about costs it no more than its
   * default language: it is no reason to hold an order back. */
  if (accept_language != NULL && (*accept_language == '\0' || !aisle_http_header_value_is_safe (accept_language)))
    request.accept_language = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  aisle_http_global_init ();
  aisle_http_log_request ("POST", url, "Idempotency-Key", idempotency_key);

  return aisle_http_transfer_perform (&t, url, limits, DEFAULT_POST_MAX_BYTES, post_with, &request,
                                      cancellable, error);
}
