/* aisle-feed-online.c: online orders at a store-feed shop: the store's endpoints, or the demo's file */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "aisle-feed-online-private.h"
#include "aisle-http.h"
#include "aisle-text.h"

#define ANSWER_MAX_BYTES  AISLE_ONLINE_ORDER_MAX_BYTES
#define MAX_NUMBER        40
#define MAX_CONTACT       254

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

static gboolean
check_inputs (const char  *number,
              const char  *contact,
              GError     **error)
{
  if (number == NULL || *number == '\0' || strlen (number) > MAX_NUMBER ||
      contact == NULL || *contact == '\0' || strlen (contact) > MAX_CONTACT ||
      !g_utf8_validate (number, -1, NULL) || !g_utf8_validate (contact, -1, NULL))
    return aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "number or contact empty or too long");
  return TRUE;
}

/* The store's endpoints */

/* The store's error message, for the log. */
char *
aisle_feed_online_error_message (AisleHttpResponse *response)
{
  g_autoptr(json_object) root = NULL;
  json_object *error = NULL;
  gsize len = 0;
  const char *data = response->body ? g_bytes_get_data (response->body, &len) : NULL;
  char *message = NULL;

  if (data != NULL && len > 0 && len < ANSWER_MAX_BYTES)
    {
      g_autofree char *text = g_strndup (data, len);

      root = json_tokener_parse (text);
      if (root != NULL && json_object_object_get_ex (root, "error", &error))
        message = aisle_text_printable (aisle_feed_online_member (error, "message"), 300);
    }
  return message ? message : g_strdup_printf ("HTTP %u", response->status);
}

AisleHttpResponse *
aisle_feed_online_post (const AisleFeedOnlineTarget  *target,
                        const char                   *path,
                        const char                   *json,
                        const char                   *key,
                        GCancellable                 *cancellable,
                        GError                      **error)
{
  AisleHttpLimits limits = {
    .max_bytes = ANSWER_MAX_BYTES,
    .connect_timeout_s = MIN (target->timeout_s, 10),
    .stall_timeout_s = target->timeout_s,
    .total_timeout_s = target->timeout_s,
    .bearer_token = target->access_token,
  };
  g_autofree char *url = g_strconcat (target->base_url, path, NULL);
  g_autoptr(GError) local = NULL;
  AisleHttpResponse *response;

  response = aisle_http_post_json (url, json, strlen (json), key, target->language, &limits, cancellable, &local);
  if (response == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "%s: %s", url, local->message);
    }
  return response;
}

static AisleHttpResponse *
post (const AisleFeedOnlineTarget  *target,
      const char                   *path,
      json_object                  *body,
      const char                   *key,
      GCancellable                 *cancellable,
      GError                      **error)
{
  return aisle_feed_online_post (target, path, json_object_to_json_string_ext (body, JSON_C_TO_STRING_PLAIN), key,
                                 cancellable, error);
}

/* What a status other than 200 means; a 409 says @conflict. */
static void
refused (AisleHttpResponse     *response,
         AisleOnlineOrderError  conflict,
         GError               **error)
{
  g_autofree char *message = aisle_feed_online_error_message (response);
  AisleOnlineOrderError code;

  switch (response->status)
    {
    case 404: code = AISLE_ONLINE_ORDER_ERROR_NOT_FOUND; break;
    case 409: code = conflict; break;
    case 429: code = AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES; break;
    default: code = AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE; break;
    }
  aisle_feed_online_fail (error, code, "the store answered %u: %s", response->status, message);
}

static gboolean
answer_read (gpointer     parsed,
             GError      *parse_error,
             GError     **error)
{
  if (parsed != NULL)
    return TRUE;
  aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "the store's answer: %s",
             parse_error ? parse_error->message : "unreadable");
  g_clear_error (&parse_error);
  return FALSE;
}

AisleOnlineOrder *
aisle_feed_online_lookup (const AisleFeedOnlineTarget  *target,
                          const char                   *number,
                          const char                   *contact,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  g_autoptr(json_object) body = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autofree char *key = NULL;
  GError *parse_error = NULL;
  AisleOnlineOrder *order;

  g_return_val_if_fail (target != NULL && target->base_url != NULL, NULL);

  if (!check_inputs (number, contact, error))
    return NULL;
  if (g_str_has_prefix (target->base_url, "file:"))
    return aisle_feed_online_demo_lookup (target, number, contact, error);

  body = json_object_new_object ();
  json_object_object_add (body, "number", json_object_new_string (number));
  json_object_object_add (body, "contact", json_object_new_string (contact));
  if (target->store_id != NULL)
    json_object_object_add (body, "store_id", json_object_new_string (target->store_id));
  /* A look-up changes nothing: any key will do. */
  key = g_uuid_string_random ();
  if ((response = post (target, "/orders/lookup", body, key, cancellable, error)) == NULL)
    return NULL;
  if (response->status != 200)
    {
      refused (response, AISLE_ONLINE_ORDER_ERROR_NOT_NOW, error);
      return NULL;
    }
  order = aisle_online_order_parse (response->body, &parse_error);
  return answer_read (order, parse_error, error) ? order : NULL;
}

AisleCheckIn *
aisle_feed_online_check_in (const AisleFeedOnlineTarget  *target,
                            const char                   *order_id,
                            GCancellable                 *cancellable,
                            GError                      **error)
{
  g_autoptr(json_object) body = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  GError *parse_error = NULL;
  AisleCheckIn *check_in;

  g_return_val_if_fail (target != NULL && target->base_url != NULL, NULL);

  if (order_id == NULL || *order_id == '\0' || strlen (order_id) > AISLE_ONLINE_ORDER_MAX_ID)
    {
      aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order id");
      return NULL;
    }
  if (g_str_has_prefix (target->base_url, "file:"))
    return aisle_feed_online_demo_check_in (target, order_id, error);

  body = json_object_new_object ();
  if (target->store_id != NULL)
    json_object_object_add (body, "store_id", json_object_new_string (target->store_id));
  escaped = g_uri_escape_string (order_id, NULL, FALSE);
  path = g_strdup_printf ("/orders/%s/check-in", escaped);
  /* Checking in twice is one check-in: the key says so. */
  key = g_strconcat ("check-in-", order_id, NULL);
  g_strcanon (key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", '_');
  if ((response = post (target, path, body, key, cancellable, error)) == NULL)
    return NULL;
  if (response->status != 200)
    {
      refused (response, AISLE_ONLINE_ORDER_ERROR_NOT_NOW, error);
      return NULL;
    }
  check_in = aisle_check_in_parse (response->body, &parse_error);
  return answer_read (check_in, parse_error, error) ? check_in : NULL;
}

AisleReturn *
aisle_feed_online_return (const AisleFeedOnlineTarget  *target,
                          const AisleReturnRequest     *request,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  g_autoptr(json_object) body = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  json_object *lines;
  GError *parse_error = NULL;
  AisleReturn *ret;

  g_return_val_if_fail (target != NULL && target->base_url != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (request->order_id == NULL || *request->order_id == '\0' || strlen (request->order_id) > AISLE_ONLINE_ORDER_MAX_ID)
    {
      aisle_feed_online_fail (error, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order id");
      return NULL;
    }
  if (g_str_has_prefix (target->base_url, "file:"))
    return aisle_feed_online_demo_return (target, request, error);

  body = json_object_new_object ();
  if (target->store_id != NULL)
    json_object_object_add (body, "store_id", json_object_new_string (target->store_id));
  json_object_object_add (body, "reason", json_object_new_string (aisle_return_reason_to_string (request->reason)));
  lines = json_object_new_array ();
  for (guint i = 0; i < request->lines->len; i++)
    {
      const AisleOnlineOrderLine *line = g_ptr_array_index (request->lines, i);
      json_object *item = json_object_new_object ();

      json_object_object_add (item, "id", json_object_new_string (line->id));
      json_object_object_add (item, "quantity", json_object_new_int64 (line->quantity));
      json_object_array_add (lines, item);
    }
  json_object_object_add (body, "lines", lines);
  escaped = g_uri_escape_string (request->order_id, NULL, FALSE);
  path = g_strdup_printf ("/orders/%s/returns", escaped);
  /* The request's own key: sent again after a lost answer, one return. */
  if ((response = post (target, path, body, request->key, cancellable, error)) == NULL)
    return NULL;
  if (response->status != 200 && response->status != 201)
    {
      refused (response, AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE, error);
      return NULL;
    }
  ret = aisle_return_parse (response->body, &parse_error);
  return answer_read (ret, parse_error, error) ? ret : NULL;
}
