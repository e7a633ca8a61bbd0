/* aisle-feed-orders.c: handing orders to a store-feed shop (docs/order-protocol.md) */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <json-c/json.h>
#include <string.h>

#include "aisle-feed-online.h"
#include "aisle-feed-orders.h"
#include "aisle-http.h"
#include "aisle-text.h"

#define ANSWER_MAX_BYTES (1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static const char *
string_member (json_object *obj,
               const char  *key)
{
  json_object *value;

  if (obj == NULL || !json_object_object_get_ex (obj, key, &value) || !json_object_is_type (value, json_type_string))
    return NULL;
  return json_object_get_string (value);
}

/* The store's JSON answer, or NULL when there is none or it is not JSON. */
static json_object *
parse_answer (GBytes *body)
{
  json_tokener *tok;
  json_object *answer;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;

  if (data == NULL || len == 0 || len >= G_MAXINT)
    return NULL;

  tok = json_tokener_new ();
  answer = json_tokener_parse_ex (tok, data, (int)len);
  json_tokener_free (tok);
  return answer;
}

/* The kiosk's own reference for an order: the first eight characters of its
 * id (a UUID) in capitals, so staff find it by its Idempotency-Key. */
static char *
kiosk_reference (const char *id)
{
  g_autofree char *digits = g_strndup (id, 8);

  g_strcanon (digits, "0123456789abcdefABCDEF", 'X');
  return g_ascii_strup (digits, -1);
}

/* The demo store has no server: its order book is the kiosk's outbox. The
 * number and pickup code come from the order's id, so they are stable. */
static void
book_locally (const char        *id,
              const char        *json,
              AisleSubmitResult *result)
{
  result->outcome = AISLE_SUBMIT_ACCEPTED;
  result->order_number = kiosk_reference (id);
  result->pickup_code = g_strdup_printf ("%04u", g_str_hash (id) % 10000);
  /* Collected or returned at any kiosk of this demo, as online orders are. */
  aisle_feed_online_demo_book (json, result->order_number, result->pickup_code);
}

/* A 2xx means the store has the order, whatever its body says: sending it
 * again would only get the same answer back, forever. Without a number we
 * can read, the shopper gets the kiosk's reference and staff a note. */
static void
accepted (GBytes            *body,
          const char        *id,
          AisleSubmitResult *result)
{
  g_autoptr(json_object) answer = parse_answer (body);

  result->outcome = AISLE_SUBMIT_ACCEPTED;
  result->order_number = aisle_text_printable (string_member (answer, "order_number"), 64);
  if (result->order_number == NULL)
    {
      result->order_number = kiosk_reference (id);
      result->message = g_strdup (_("The store accepted the order without an order number; "
                                    "the kiosk’s reference is shown instead"));
      g_message ("The store accepted order %s without a readable order number", id);
      return;
    }

  result->pickup_code = aisle_text_printable (string_member (answer, "pickup_code"), 16);
}

static void
refused (guint              status,
         GBytes            *body,
         AisleSubmitResult *result)
{
  g_autoptr(json_object) answer = parse_answer (body);
  json_object *error = NULL;

  if (answer != NULL)
    json_object_object_get_ex (answer, "error", &error);

  result->outcome = AISLE_SUBMIT_REJECTED;
  result->message = aisle_text_printable (string_member (error, "message"), 300);
  if (result->message == NULL)
    /* Translators: %u is an HTTP status code. */
    result->message = g_strdup_printf (_("The store did not accept the order (error %u)"), status);
}

/* The shopper's language from the order, so the store's messages (a 4xx's
 * reason) come back in it; NULL when the order does not say. */
static char *
order_language (const char *json)
{
  g_autoptr(json_object) order = json_tokener_parse (json);
  const char *language = string_member (order, "language");

  if (language == NULL || strlen (language) != 2 ||
      !g_ascii_isalpha (language[0]) || !g_ascii_isalpha (language[1]))
    return NULL;
  return g_ascii_strdown (language, -1);
}

void
aisle_feed_orders_submit (const char        *base_url,
                          const char        *access_token,
                          guint              timeout_s,
                          const char        *language,
                          const char        *id,
                          const char        *json,
                          AisleSubmitResult *result)
{
  AisleHttpLimits limits = {
    .max_bytes = ANSWER_MAX_BYTES,
    .total_timeout_s = timeout_s ? timeout_s : 30,
    .stall_timeout_s = timeout_s ? timeout_s : 30,
    .bearer_token = access_token,
  };
  g_autofree char *url = NULL;
  g_autofree char *order_lang = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (base_url != NULL && id != NULL && json != NULL && result != NULL);

  if (g_str_has_prefix (base_url, "file:"))
    {
      book_locally (id, json, result);
      return;
    }

  if (language == NULL)
    language = order_lang = order_language (json);

  url = g_strconcat (base_url, "/orders", NULL);
  response = aisle_http_post_json (url, json, strlen (json), id, language, &limits, NULL, &error);
  if (response == NULL)
    {
      result->outcome = AISLE_SUBMIT_RETRY;
      result->message = g_strdup (error->message);
      return;
    }

  aisle_feed_orders_read_answer (response->status, response->body, id, result);
}

void
aisle_feed_orders_read_answer (guint              status,
                               GBytes            *body,
                               const char        *id,
                               AisleSubmitResult *result)
{
  g_return_if_fail (id != NULL && result != NULL);

  if (status >= 200 && status < 300)
    accepted (body, id, result);
  else if (status == 401 || status == 403)
    {
      /* The kiosk's token, not the order, is wrong: keep the order until
       * staff fix the set-up. */
      result->outcome = AISLE_SUBMIT_RETRY;
      result->message = g_strdup (_("The kiosk is not allowed to send orders: please check its access token"));
    }
  else if (status < 400 || status == 408 || status == 425 || status == 429 || status >= 500)
    {
      result->outcome = AISLE_SUBMIT_RETRY;
      /* Translators: %u is an HTTP status code. */
      result->message = g_strdup_printf (_("The store could not take the order yet (error %u)"), status);
    }
  else
    refused (status, body, result);
}
