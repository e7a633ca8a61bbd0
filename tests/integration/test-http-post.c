/* test-http-post.c: aisle_http_post_json against a real local order endpoint
 *
 * Starts tests/integration/order-server.py on 127.0.0.1 (it exits when our end
 * of its stdin closes, so also when a failed assertion aborts us) and checks
 * what the order outbox will get back: answers of every status, one order per
 * Idempotency-Key however often it is sent, and errors only for transfers
 * that got no answer.
 */
#define G_LOG_DOMAIN "test-http-post"

#include <gio/gio.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-http.h"
#include "order-server-util.h"

#define MIB ((gsize) 1024 * 1024)
#define TEST_TOKEN "aisle-test-token"
#define CONTACT_EMAIL "maria.rossi@example.com"
#define CONTACT_STREET "Via Esempio 12"

static guint server_port;

static const AisleHttpLimits with_token = { .bearer_token = TEST_TOKEN };

/* What aisle-http logs, to check that no personal data gets there. */
static GMutex log_lock;
static GString *http_log;

static GLogWriterOutput
capture_log (GLogLevelFlags   level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "aisle-http") == 0 && message != NULL)
    {
      g_mutex_lock (&log_lock);
      g_string_append_printf (http_log, "%s\n", message);
      g_mutex_unlock (&log_lock);

      /* Enabled for this test only: kept off stdout, which is TAP. */
      if (level & G_LOG_LEVEL_DEBUG)
        return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

static char *
take_http_log (void)
{
  char *text;

  g_mutex_lock (&log_lock);
  text = g_strdup (http_log->str);
  g_string_truncate (http_log, 0);
  g_mutex_unlock (&log_lock);
  return text;
}

/* Helpers */

static char *
server_url (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", server_port, path);
}

static gint64
elapsed_ms (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000;
}

/* An order as docs/order-protocol.md describes it; @quantity makes it differ. */
static char *
make_order (const char *id,
            guint       quantity)
{
  guint items = 12999 * quantity;

  return g_strdup_printf (
    "{\"format\":\"aisle-order\",\"format_version\":1,\"id\":\"%s\","
    "\"created_at\":\"2026-11-20T10:15:00+01:00\",\"kiosk\":\"milano-nord-3\","
    "\"store\":\"milano-nord\",\"language\":\"it\","
    "\"fulfillment\":{\"type\":\"delivery\",\"address\":{\"name\":\"Maria Rossi\","
    "\"street\":\"" CONTACT_STREET "\",\"postcode\":\"20100\",\"city\":\"Milano\","
    "\"country\":\"IT\"},\"window\":{\"start\":\"2026-11-24T08:00:00+01:00\","
    "\"end\":\"2026-11-24T12:00:00+01:00\"},\"fee\":{\"amount\":990,\"currency\":\"EUR\"}},"
    "\"contact\":{\"name\":\"Maria Rossi\",\"email\":\"" CONTACT_EMAIL "\","
    "\"phone\":\"+39021234567\"},"
    "\"lines\":[{\"product\":\"oslo-armchair\",\"article\":\"104.233.67\","
    "\"name\":\"Poltrona Oslo\",\"quantity\":%u,"
    "\"unit_price\":{\"amount\":12999,\"currency\":\"EUR\"}}],"
    "\"totals\":{\"items\":%u,\"fees\":990,\"total\":%u,\"currency\":\"EUR\"}}",
    id, quantity, items, items + 990);
}

static AisleHttpResponse *
post_order (const char             *path,
            const char             *key,
            const char             *body,
            const char             *language,
            const AisleHttpLimits  *limits,
            GError                **error)
{
  g_autofree char *url = server_url (path);

  return aisle_http_post_json (url, body, strlen (body), key, language, limits, NULL, error);
}

static char *
body_text (const AisleHttpResponse *response)
{
  g_assert_nonnull (response->body);
  return g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
}

static void
assert_body_contains (const AisleHttpResponse *response,
                      const char              *needle)
{
  g_autofree char *text = body_text (response);

  if (strstr (text, needle) == NULL)
    g_error ("%s not in the answer: %s", needle, text);
}

/* The server's /received document, fetched with the code under test's sibling. */
static char *
fetch_received (void)
{
  g_autofree char *url = server_url ("/received");
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = aisle_http_fetch (url, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  return body_text (response);
}

/* A field of the record of @key in /received, as JSON text ("3", "true",
 * "\"application/json\""), or NULL. Records list their counts and headers
 * before last_body, whose quotes are escaped: a plain search stays inside
 * the record as long as it stops at last_body. */
static char *
received_field (const char *key,
                const char *field)
{
  g_autofree char *json = fetch_received ();
  g_autofree char *key_needle = g_strdup_printf ("\"%s\": {\"posts\": ", key);
  g_autofree char *field_needle = g_strdup_printf ("\"%s\": ", field);
  const char *record, *end, *found, *value, *stop;

  record = strstr (json, key_needle);
  if (record == NULL)
    return NULL;
  end = strstr (record, "\"last_body\": ");
  g_assert_nonnull (end);

  found = g_strstr_len (record + 1, end - record - 1, field_needle);
  if (found == NULL)
    return NULL;

  value = found + strlen (field_needle);
  if (*value == '"')
    stop = strchr (value + 1, '"') + 1;
  else
    stop = value + strcspn (value, ",}");
  return g_strndup (value, stop - value);
}

static guint
received_count (const char *key,
                const char *field)
{
  g_autofree char *value = received_field (key, field);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : 0;
}

static char *
new_key (void)
{
  return g_uuid_string_random ();
}

/* Answers */

static void
test_created (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 2);
  g_autofree char *escaped_id = g_strdup_printf ("\\\"id\\\":\\\"%s\\\"", key);
  g_autofree char *json = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *authorized = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  response = post_order ("/orders", key, order, "it", &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_true (g_str_has_prefix (response->content_type, "application/json"));
  assert_body_contains (response, "\"order_number\": \"CN-");
  assert_body_contains (response, "\"pickup_code\": \"");
  assert_body_contains (response, "\"status\": \"accepted\"");

  g_assert_cmpuint (received_count (key, "posts"), ==, 1);
  g_assert_cmpuint (received_count (key, "orders"), ==, 1);

  /* What went over the wire: the headers of the contract, and the body. */
  content_type = received_field (key, "content-type");
  accept = received_field (key, "accept");
  authorized = received_field (key, "authorized");
  g_assert_cmpstr (content_type, ==, "\"application/json; charset=utf-8\"");
  g_assert_cmpstr (accept, ==, "\"application/json\"");
  g_assert_cmpstr (authorized, ==, "true");
  json = fetch_received ();
  g_assert_nonnull (strstr (json, escaped_id));
}

static void
test_same_key_twice (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) first = NULL;
  g_autoptr(AisleHttpResponse) second = NULL;

  first = post_order ("/orders", key, order, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->status, ==, 201);

  second = post_order ("/orders", key, order, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->status, ==, 200);

  /* The same order number and pickup code, and still one order. */
  first_text = body_text (first);
  second_text = body_text (second);
  g_assert_cmpstr (first_text, ==, second_text);
  g_assert_cmpuint (received_count (key, "posts"), ==, 2);
  g_assert_cmpuint (received_count (key, "orders"), ==, 1);
}

static void
test_conflict (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *other = make_order (key, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) first = NULL;
  g_autoptr(AisleHttpResponse) second = NULL;

  first = post_order ("/orders", key, order, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->status, ==, 201);

  second = post_order ("/orders", key, other, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->status, ==, 409);
  assert_body_contains (second, "\"code\": \"idempotency_conflict\"");
  g_assert_cmpuint (received_count (key, "orders"), ==, 1);
}

static void
test_unavailable_then_accepted (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);

  /* 503 is an answer for the caller to retry on, not an error. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = NULL;

      response = post_order ("/fail/2/orders", key, order, NULL, &with_token, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (response->status, ==, 503);
      assert_body_contains (response, "\"code\": \"unavailable\"");
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AisleHttpResponse) response = NULL;

    response = post_order ("/fail/2/orders", key, order, NULL, &with_token, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (response->status, ==, 201);
  }

  g_assert_cmpuint (received_count (key, "posts"), ==, 3);
  g_assert_cmpuint (received_count (key, "orders"), ==, 1);
}

static void
test_server_errors_are_answers (void)
{
  const guint statuses[] = { 500, 502, 429, 408 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *key = new_key ();
      g_autofree char *order = make_order (key, 1);
      g_autofree char *path = g_strdup_printf ("/status/%u/orders", statuses[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = NULL;

      response = post_order (path, key, order, NULL, &with_token, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (response->status, ==, statuses[i]);
      assert_body_contains (response, "\"error\": {\"code\": ");
    }
}

static void
test_unauthorized (void)
{
  AisleHttpLimits wrong = { .bearer_token = "not-the-token" };
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) without = NULL;
  g_autoptr(AisleHttpResponse) with_wrong = NULL;
  g_autofree char *authorized = NULL;

  without = post_order ("/orders", key, order, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (without->status, ==, 401);
  assert_body_contains (without, "\"code\": \"unauthorized\"");

  with_wrong = post_order ("/orders", key, order, NULL, &wrong, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with_wrong->status, ==, 401);

  /* One request each: curl did not try again on its own. */
  g_assert_cmpuint (received_count (key, "posts"), ==, 2);
  g_assert_cmpuint (received_count (key, "orders"), ==, 0);
  authorized = received_field (key, "authorized");
  g_assert_cmpstr (authorized, ==, "false");
}

static void
test_not_an_order (void)
{
  g_autofree char *key = new_key ();
  const char *bodies[] = { "{\"format\": \"something-else\"}", "{\"format\": ", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = NULL;

      response = post_order ("/orders", key, bodies[i], "en", &with_token, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (response->status, ==, 400);
      assert_body_contains (response, "\"error\": {\"code\": ");
    }
  g_assert_cmpuint (received_count (key, "orders"), ==, 0);
}

static void
test_junk_is_returned (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  /* Making sense of the answer is the outbox's job. */
  response = post_order ("/junk/orders", key, order, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (response->content_type, ==, "text/html");
  text = body_text (response);
  g_assert_cmpstr (text, ==, "<html>this is not JSON</html>\n");
}

static void
test_redirect_not_followed (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  response = post_order ("/redirect/orders", key, order, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 307);
  assert_body_contains (response, "\"code\": \"moved\"");
  g_assert_cmpuint (received_count (key, "posts"), ==, 1);
  g_assert_cmpuint (received_count (key, "orders"), ==, 0);
}

static void
test_accept_language (void)
{
  const struct
  {
    const char *language;
    const char *message;
  } cases[] = {
    { "it", "Alcuni articoli non si possono più ordinare." },
    { "de-DE", "Einige Artikel können nicht mehr bestellt werden." },
    { "es", "Algunos artículos ya no se pueden pedir." },
    { "en", "Some items can no longer be ordered." },
    { NULL, "Some items can no longer be ordered." },
    { "fr", "Some items can no longer be ordered." },
    /* Not a header value: left out rather than sent or refused. */
    { "it\r\nX-Injected: 1", "Some items can no longer be ordered." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = new_key ();
      g_autofree char *order = make_order (key, 1);
      g_autofree char *expected = g_strdup_printf ("\"message\": \"%s\"", cases[i].message);
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = NULL;

      response = post_order ("/status/422/orders", key, order, cases[i].language,
                             &with_token, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (response->status, ==, 422);
      assert_body_contains (response, "\"code\": \"unprocessable\"");
      assert_body_contains (response, expected);
    }
}

static void
test_large_order (void)
{
  g_autofree char *key = new_key ();
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  gint64 start = g_get_monotonic_time ();

  /* 2 MiB: curl would wait for a "100 Continue" before sending it. */
  g_string_printf (order, "{\"format\":\"aisle-order\",\"id\":\"%s\",\"note\":\"", key);
  while (order->len < 2 * MIB)
    g_string_append (order, "spare screws and a second set of feet, please. ");
  g_string_append (order, "\"}");

  response = post_order ("/orders", key, order->str, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpuint (received_count (key, "orders"), ==, 1);
  g_test_message ("2 MiB order posted in %" G_GINT64_FORMAT " ms", elapsed_ms (start));
}

/* Transfers without an answer */

static void
test_reset (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  response = post_order ("/reset/orders", key, order, NULL, &with_token, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NETWORK);
  /* It did arrive: exactly why the retry must carry the same key. */
  g_assert_cmpuint (received_count (key, "posts"), ==, 1);
}

static void
test_total_timeout (void)
{
  AisleHttpLimits limits = { .total_timeout_s = 1, .bearer_token = TEST_TOKEN };
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autoptr(AisleHttpResponse) retry = NULL;
  gint64 start = g_get_monotonic_time ();

  response = post_order ("/slow/3/orders", key, order, NULL, &limits, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_TIMEOUT);
  g_assert_cmpint (elapsed_ms (start), >=, 900);
  g_assert_cmpint (elapsed_ms (start), <, 2500);
  g_clear_error (&error);

  /* The server may have made the order after we gave up; the retry with the
   * same key gets it (200) or makes it (201), and there is one order. */
  retry = post_order ("/orders", key, order, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (retry->status, >=, 200);
  g_assert_cmpuint (retry->status, <=, 201);
  g_assert_cmpuint (received_count (key, "orders"), ==, 1);
}

static void
test_slow_within_limits (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  response = post_order ("/slow/0.5/orders", key, order, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 201);
}

static void
test_connection_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *url = NULL;

  /* A port that was free a moment ago and that nobody listens on. */
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/orders",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  response = aisle_http_post_json (url, order, strlen (order), key, NULL, &with_token,
                                   NULL, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NETWORK);
}

static void
test_too_large (void)
{
  const char *paths[] = { "/huge/10/orders", "/huge/10/orders?length" };
  AisleHttpLimits roomy = { .max_bytes = 4 * MIB, .bearer_token = TEST_TOKEN };
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  /* 1 MiB by default: 10 MiB is refused, with or without a Content-Length. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      gint64 start = g_get_monotonic_time ();

      response = post_order (paths[i], key, order, NULL, &with_token, &error);
      g_assert_null (response);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE);
      g_assert_cmpint (elapsed_ms (start), <, 5000);
      g_clear_error (&error);
    }

  /* The limit is the caller's to raise. */
  response = post_order ("/huge/2/orders", key, order, NULL, &roomy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (response->body), ==, 2 * MIB);
}

static void
test_unsupported_scheme (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *file = g_filename_to_uri (g_get_tmp_dir (), NULL, NULL);
  g_autofree char *ftp = g_strdup_printf ("ftp://127.0.0.1:%u/orders", server_port);
  const char *urls[] = { file, ftp, "orders", "" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = NULL;

      response = aisle_http_post_json (urls[i], order, strlen (order), key, NULL,
                                       &with_token, NULL, &error);
      g_assert_null (response);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_UNSUPPORTED);
    }
}

/* Cancellation */

typedef struct
{
  char              *url;
  char              *key;
  char              *order;
  GCancellable      *cancellable;
  AisleHttpResponse *response;
  GError            *error;
} PostJob;

static gpointer
post_thread (gpointer data)
{
  PostJob *job = data;

  job->response = aisle_http_post_json (job->url, job->order, strlen (job->order), job->key,
                                        NULL, &with_token, job->cancellable, &job->error);
  return NULL;
}

static void
test_cancel (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *url = server_url ("/slow/10/orders");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PostJob job = { url, key, order, cancellable, NULL, NULL };
  GThread *thread;
  gint64 start = g_get_monotonic_time ();

  thread = g_thread_new ("post", post_thread, &job);
  g_usleep (200 * 1000);
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);

  g_assert_null (job.response);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("cancelled after %" G_GINT64_FORMAT " ms", elapsed_ms (start));
  /* Well before the server's ten seconds; the exact figure is reported only. */
  g_assert_cmpint (elapsed_ms (start), <, 3000);
  g_clear_error (&job.error);
}

static void
test_already_cancelled (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *url = server_url ("/orders");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  g_cancellable_cancel (cancellable);
  response = aisle_http_post_json (url, order, strlen (order), key, NULL, &with_token,
                                   cancellable, &error);
  g_assert_null (response);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Nothing was sent. */
  g_assert_cmpuint (received_count (key, "posts"), ==, 0);
}

/* Contract */

static void
test_invalid_key (void)
{
  g_autofree char *url = server_url ("/orders");
  g_autofree char *too_long = g_strnfill (201, 'a');
  const char *keys[] = { NULL, "", "a b", "k\xc3\xa8y", "a\r\nX-Injected: 1", "a:b", too_long };
  const char *order = "{\"format\":\"aisle-order\"}";

  /* A key is made by the kiosk, never typed: a bad one is a programmer error. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = NULL;

      g_test_expect_message ("aisle-http", G_LOG_LEVEL_CRITICAL, "*idempotency_key_is_valid*");
      response = aisle_http_post_json (url, order, strlen (order), keys[i], NULL, &with_token,
                                       NULL, &error);
      g_test_assert_expected_messages ();
      g_assert_null (response);
      g_assert_no_error (error);
    }
}

static void
test_nothing_private_logged (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *url = server_url ("/orders?store=milano-nord#top");
  g_autofree char *expected = g_strdup_printf ("POST http://127.0.0.1:%u/orders Idempotency-Key: %s",
                                               server_port, key);
  g_autofree char *log = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, "aisle-http"))
    {
      g_test_skip ("debug messages of aisle-http are not enabled");
      return;
    }

  g_free (take_http_log ());
  response = aisle_http_post_json (url, order, strlen (order), key, "it", &with_token,
                                   NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 201);

  log = take_http_log ();
  g_test_message ("logged: %s", log);
  g_assert_nonnull (strstr (log, expected));
  g_assert_nonnull (strstr (log, "Answer 201"));
  g_assert_null (strstr (log, "milano-nord"));
  g_assert_null (strstr (log, CONTACT_EMAIL));
  g_assert_null (strstr (log, CONTACT_STREET));
  g_assert_null (strstr (log, "Maria"));
  g_assert_null (strstr (log, TEST_TOKEN));
}

static void
test_reset_state (void)
{
  g_autofree char *key = new_key ();
  g_autofree char *order = make_order (key, 1);
  g_autofree char *url = server_url ("/reset-state");
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) placed = NULL;
  g_autoptr(AisleHttpResponse) reset = NULL;

  placed = post_order ("/orders", key, order, NULL, &with_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (received_count (key, "orders"), ==, 1);

  reset = aisle_http_post_json (url, "{}", 2, "reset", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reset->status, ==, 200);

  json = fetch_received ();
  g_assert_cmpstr (json, ==, "{\"keys\": {}, \"without_key\": 0}");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* aisle-http formats its request lines only when they are wanted. */
  if (g_getenv ("G_MESSAGES_DEBUG") == NULL)
    g_setenv ("G_MESSAGES_DEBUG", "aisle-http", TRUE);
  http_log = g_string_new (NULL);
  g_log_set_writer_func (capture_log, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

  /* All traffic is to 127.0.0.1: keep any proxy of the environment out. */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("NO_PROXY", "127.0.0.1,localhost", TRUE);

  aisle_http_global_init ();
  server_port = order_server_start ();
  g_test_message ("order-server.py listening on 127.0.0.1:%u", server_port);

  g_test_add_func ("/post/created", test_created);
  g_test_add_func ("/post/same-key-twice", test_same_key_twice);
  g_test_add_func ("/post/conflict", test_conflict);
  g_test_add_func ("/post/unavailable-then-accepted", test_unavailable_then_accepted);
  g_test_add_func ("/post/server-errors-are-answers", test_server_errors_are_answers);
  g_test_add_func ("/post/unauthorized", test_unauthorized);
  g_test_add_func ("/post/not-an-order", test_not_an_order);
  g_test_add_func ("/post/junk-is-returned", test_junk_is_returned);
  g_test_add_func ("/post/redirect-not-followed", test_redirect_not_followed);
  g_test_add_func ("/post/accept-language", test_accept_language);
  g_test_add_func ("/post/large-order", test_large_order);
  g_test_add_func ("/post/reset", test_reset);
  g_test_add_func ("/post/total-timeout", test_total_timeout);
  g_test_add_func ("/post/slow-within-limits", test_slow_within_limits);
  g_test_add_func ("/post/connection-refused", test_connection_refused);
  g_test_add_func ("/post/too-large", test_too_large);
  g_test_add_func ("/post/unsupported-scheme", test_unsupported_scheme);
  g_test_add_func ("/post/cancel", test_cancel);
  g_test_add_func ("/post/already-cancelled", test_already_cancelled);
  g_test_add_func ("/post/invalid-key", test_invalid_key);
  g_test_add_func ("/post/nothing-private-logged", test_nothing_private_logged);
  g_test_add_func ("/post/reset-state", test_reset_state);

  status = g_test_run ();

  order_server_stop ();
  g_string_free (http_log, TRUE);

  return status;
}
