/* aisle-medusa-client.c: bounded, cancellable requests to Medusa's Store API */
#define G_LOG_DOMAIN "aisle-medusa"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-medusa-client.h"

#define USER_AGENT        "Aisle/0.1"
#define CONNECT_TIMEOUT_S 10
#define STALL_TIMEOUT_S   20
#define DEFAULT_MAX_BYTES ((gsize) 64 * 1024 * 1024)

struct _AisleMedusaClient
{
  char  *base_url;
  char  *key_header;      /* "x-publishable-api-key: pk_…" */
  char  *bearer_token;    /* set before the client is shared */
  guint  timeout_s;
};

AisleMedusaClient *
aisle_medusa_client_new (const char *base_url,
                         const char *publishable_key,
                         guint       timeout_s)
{
  AisleMedusaClient *self;
  gsize len;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (publishable_key != NULL, NULL);

  self = g_atomic_rc_box_new0 (AisleMedusaClient);
  len = strlen (base_url);
  while (len > 0 && base_url[len - 1] == '/')
    len--;
  self->base_url = g_strndup (base_url, len);
  self->key_header = g_strconcat ("x-publishable-api-key: ", publishable_key, NULL);
  self->timeout_s = timeout_s ? timeout_s : 120;
  return self;
}

AisleMedusaClient *
aisle_medusa_client_ref (AisleMedusaClient *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
client_clear (AisleMedusaClient *self)
{
  g_free (self->base_url);
  /* The key and token are secrets: leave no copy in freed memory. */
  memset (self->key_header, 0, strlen (self->key_header));
  g_free (self->key_header);
  if (self->bearer_token)
    memset (self->bearer_token, 0, strlen (self->bearer_token));
  g_free (self->bearer_token);
}

void
aisle_medusa_client_unref (AisleMedusaClient *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) client_clear);
}

const char *
aisle_medusa_client_get_base_url (AisleMedusaClient *self)
{
  return self->base_url;
}

void
aisle_medusa_client_set_timeout (AisleMedusaClient *self,
                                 guint              seconds)
{
  self->timeout_s = seconds ? seconds : 120;
}

void
aisle_medusa_client_set_bearer_token (AisleMedusaClient *self,
                                      const char        *token)
{
  g_free (self->bearer_token);
  self->bearer_token = g_strdup (token);
}

typedef struct
{
  GByteArray   *body;
  gsize         max_bytes;
  gboolean      too_large;
  GCancellable *cancellable;
} Transfer;

static size_t
on_write (char   *data,
          size_t  size,
          size_t  n,
          void   *user_data)
{
  Transfer *t = user_data;

  if (t->body->len + size * n > t->max_bytes)
    {
      t->too_large = TRUE;
      return 0;
    }
  g_byte_array_append (t->body, (const guint8 *) data, size * n);
  return size * n;
}

static int
on_progress (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Transfer *t = user_data;

  return g_cancellable_is_cancelled (t->cancellable) ? 1 : 0;
}

static void
set_transfer_error (CURLcode     code,
                    Transfer    *t,
                    const char  *url_path,
                    GError     **error)
{
  if (t->too_large)
    g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE,
                 _("The store’s answer is too large"));
  else if (code == CURLE_ABORTED_BY_CALLBACK)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  else if (code == CURLE_OPERATION_TIMEDOUT)
    g_set_error (error, AISLE_ERROR, AISLE_ERROR_TIMEOUT,
                 _("The store did not answer in time"));
  else
    /* Translators: %s is a technical reason from the network library. */
    g_set_error (error, AISLE_ERROR, AISLE_ERROR_NETWORK,
                 _("The store cannot be reached: %s"), curl_easy_strerror (code));
  g_debug ("%s: %s", url_path, curl_easy_strerror (code));
}

AisleHttpResponse *
aisle_medusa_client_request (AisleMedusaClient  *self,
                             const char         *method,
                             const char         *path,
                             const char         *body,
                             gsize               max_bytes,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  g_autoptr(GByteArray) received = g_byte_array_new ();
  Transfer t = { received, max_bytes ? max_bytes : DEFAULT_MAX_BYTES, FALSE, cancellable };
  struct curl_slist *headers = NULL;
  AisleHttpResponse *response;
  CURLcode code;
  long status = 0;
  gint64 start = g_get_monotonic_time ();
  CURL *easy;

  g_return_val_if_fail (self != NULL && method != NULL && path != NULL, NULL);

  if (!(easy = curl_easy_init ()))
    {
      g_set_error_literal (error, AISLE_ERROR, AISLE_ERROR_FAILED, "curl_easy_init failed");
      return NULL;
    }

  headers = curl_slist_append (headers, self->key_header);
  headers = curl_slist_append (headers, "Accept: application/json");
  if (body != NULL)
    headers = curl_slist_append (headers, "Content-Type: application/json; charset=utf-8");
  headers = curl_slist_append (headers, "Expect:");

  curl_easy_setopt (easy, CURLOPT_URL, url);
  curl_easy_setopt (easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (easy, CURLOPT_PROTOCOLS_STR, "http,https");
  /* Like orders of the feed: a redirect is a misconfigured address, not an answer. */
  curl_easy_setopt (easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt (easy, CURLOPT_USERAGENT, USER_AGENT);
  curl_easy_setopt (easy, CURLOPT_CONNECTTIMEOUT, (long) CONNECT_TIMEOUT_S);
  curl_easy_setopt (easy, CURLOPT_TIMEOUT, (long) self->timeout_s);
  curl_easy_setopt (easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (easy, CURLOPT_LOW_SPEED_TIME, (long) MIN (STALL_TIMEOUT_S, self->timeout_s));
  curl_easy_setopt (easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (easy, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt (easy, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt (easy, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt (easy, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt (easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (easy, CURLOPT_CUSTOMREQUEST, method);
  if (body != NULL)
    {
      curl_easy_setopt (easy, CURLOPT_POSTFIELDS, body);
      curl_easy_setopt (easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) strlen (body));
    }
  if (self->bearer_token != NULL)
    {
      curl_easy_setopt (easy, CURLOPT_HTTPAUTH, (long) CURLAUTH_BEARER);
      curl_easy_setopt (easy, CURLOPT_XOAUTH2_BEARER, self->bearer_token);
    }

  code = curl_easy_perform (easy);
  curl_easy_getinfo (easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup (easy);
  curl_slist_free_all (headers);

  /* Only the path: query strings may carry a shopper's search. */
  g_debug ("%s %.*s: %ld in %" G_GINT64_FORMAT " ms", method, (int) strcspn (path, "?"), path,
           status, (g_get_monotonic_time () - start) / 1000);

  if (code != CURLE_OK)
    {
      set_transfer_error (code, &t, path, error);
      return NULL;
    }

  response = g_new0 (AisleHttpResponse, 1);
  response->status = (guint) status;
  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&received));
  return response;
}

json_object *
aisle_medusa_parse_body (GBytes *body)
{
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  json_tokener *tok;
  json_object *obj;

  if (data == NULL || len == 0 || len >= G_MAXINT)
    return NULL;

  tok = json_tokener_new_ex (64);
  obj = json_tokener_parse_ex (tok, data, (int) len);
  json_tokener_free (tok);
  if (obj != NULL && !json_object_is_type (obj, json_type_object))
    g_clear_pointer (&obj, json_object_put);
  return obj;
}

json_object *
aisle_medusa_client_get_json (AisleMedusaClient  *self,
                              const char         *path,
                              gsize               max_bytes,
                              GCancellable       *cancellable,
                              GError            **error)
{
  return aisle_medusa_client_get_json_sized (self, path, max_bytes, NULL, cancellable, error);
}

json_object *
aisle_medusa_client_get_json_sized (AisleMedusaClient  *self,
                                    const char         *path,
                                    gsize               max_bytes,
                                    gsize              *body_size,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  g_autoptr(AisleHttpResponse) response = NULL;
  json_object *obj, *message = NULL;

  if (!(response = aisle_medusa_client_request (self, "GET", path, NULL, max_bytes, cancellable, error)))
    return NULL;
  if (body_size != NULL)
    *body_size = response->body ? g_bytes_get_size (response->body) : 0;

  obj = aisle_medusa_parse_body (response->body);
  if (response->status >= 200 && response->status < 300 && obj != NULL)
    return obj;

  if (obj != NULL)
    json_object_object_get_ex (obj, "message", &message);
  g_message ("GET %.*s: %u %s", (int) strcspn (path, "?"), path, response->status,
             message ? json_object_get_string (message) : "");
  if (response->status >= 200 && response->status < 300)
    g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The store’s answer could not be read"));
  else
    /* Translators: %u is an HTTP status code. */
    g_set_error (error, AISLE_ERROR, response->status == 404 ? AISLE_ERROR_NOT_FOUND : AISLE_ERROR_HTTP,
                 _("The store answered with error %u"), response->status);
  if (obj != NULL)
    json_object_put (obj);
  return NULL;
}
