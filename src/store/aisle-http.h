/* aisle-http.h: fetching documents and images with libcurl, off the main loop
 *
 * One request is one libcurl easy handle run in a GTask worker thread. Bodies
 * are bounded in size (after decompression) and in time, gzip is accepted both
 * as Content-Encoding and as a gzip file, and ETags make an unchanged document
 * cost almost nothing (304, or for file:// URLs a size+mtime pseudo-ETag that
 * is compared before the file is read).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AisleHttpResponse AisleHttpResponse;

struct _AisleHttpResponse
{
  guint   status;        /* 200, or 304 when the etag given still matches; any for POST */
  GBytes *body;          /* decompressed body; NULL for 304 */
  char   *etag;          /* the validator to send next time, or NULL */
  char   *content_type;  /* or NULL */
};

typedef struct
{
  gsize max_bytes;          /* limit on the body after decompression; 0 = 64 MiB */
  guint connect_timeout_s;  /* 0 = 10 s */
  guint stall_timeout_s;    /* abort when less than 1 byte/s for this long; 0 = 20 s */
  guint total_timeout_s;    /* 0 = 120 s */
  const char *bearer_token; /* sent as Authorization: Bearer …, or NULL */
} AisleHttpLimits;

#define AISLE_TYPE_HTTP_RESPONSE (aisle_http_response_get_type ())

GType              aisle_http_response_get_type (void) G_GNUC_CONST;
void               aisle_http_response_free     (AisleHttpResponse      *response);

void               aisle_http_global_init       (void);

/* Blocking: for worker threads only (the feed store fetches and parses in one). */
AisleHttpResponse *aisle_http_fetch             (const char             *url,
                                                 const char             *etag,
                                                 const AisleHttpLimits  *limits,
                                                 GCancellable           *cancellable,
                                                 GError                **error);

void               aisle_http_fetch_async       (const char             *url,
                                                 const char             *etag,
                                                 const AisleHttpLimits  *limits,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
AisleHttpResponse *aisle_http_fetch_finish      (GAsyncResult           *result,
                                                 GError                **error);

/* Blocking, for worker threads: POSTs @body (JSON) to @url with an
 * Idempotency-Key header (and the bearer token of @limits, if any). Unlike
 * aisle_http_fetch, any HTTP status is a response, not an error: the caller
 * decides what a 409 or a 503 means. Errors are only for transfers that did
 * not get an answer (NETWORK, TIMEOUT, TOO_LARGE for an oversized answer,
 * UNSUPPORTED for a scheme other than http/https). */
AisleHttpResponse *aisle_http_post_json         (const char             *url,
                                                 const char             *body,
                                                 gsize                   body_len,
                                                 const char             *idempotency_key,
                                                 const char             *accept_language,
                                                 const AisleHttpLimits  *limits,
                                                 GCancellable           *cancellable,
                                                 GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleHttpResponse, aisle_http_response_free)

G_END_DECLS
