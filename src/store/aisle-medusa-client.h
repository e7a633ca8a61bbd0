/* aisle-medusa-client.h: requests to a Medusa v2 server's Store API
 *
 * Private to the Medusa backend. A client is immutable once made, so the
 * catalog workers and the outbox's sender thread can share one. Requests are
 * blocking (libcurl easy handles) and meant for worker threads; every one
 * carries the kiosk's publishable API key and is bounded in size and time.
 */
#pragma once

#include <json-c/json.h>

#include "aisle-http.h"

G_BEGIN_DECLS

typedef struct _AisleMedusaClient AisleMedusaClient;

AisleMedusaClient *aisle_medusa_client_new       (const char               *base_url,
                                                  const char               *publishable_key,
                                                  guint                     timeout_s);
AisleMedusaClient *aisle_medusa_client_ref       (AisleMedusaClient        *self);
void               aisle_medusa_client_unref     (AisleMedusaClient        *self);
const char        *aisle_medusa_client_get_base_url (AisleMedusaClient     *self);
/* Like the token, set before the client is shared with other threads. */
void               aisle_medusa_client_set_timeout (AisleMedusaClient      *self,
                                                  guint                     seconds);
/* For tests and staff tools: an admin API token sent as Authorization: Bearer. */
void               aisle_medusa_client_set_bearer_token (AisleMedusaClient *self,
                                                  const char               *token);

/* Any HTTP status is an answer; a GError only when there was none
 * (NETWORK, TIMEOUT, TOO_LARGE). @body is JSON for POST, NULL for GET. */
AisleHttpResponse *aisle_medusa_client_request   (AisleMedusaClient        *self,
                                                  const char               *method,
                                                  const char               *path,
                                                  const char               *body,
                                                  gsize                     max_bytes,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
/* GET @path and parse a JSON object from a 2xx answer; other answers are
 * AISLE_ERROR_HTTP (AISLE_ERROR_NOT_FOUND for 404) with Medusa's message. */
json_object       *aisle_medusa_client_get_json  (AisleMedusaClient        *self,
                                                  const char               *path,
                                                  gsize                     max_bytes,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
/* The same, and the size of the answer's body in *@body_size. */
json_object       *aisle_medusa_client_get_json_sized (AisleMedusaClient   *self,
                                                       const char          *path,
                                                       gsize                max_bytes,
                                                       gsize               *body_size,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
/* The JSON object of a response body, or NULL. */
json_object       *aisle_medusa_parse_body       (GBytes                   *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleMedusaClient, aisle_medusa_client_unref)

G_END_DECLS
