/* test-http.c: aisle_http_fetch against a real local server
 *
 * Starts tests/integration/feed-server.py on 127.0.0.1 (it exits when our end
 * of its stdin closes, so also when a failed assertion aborts us) and checks
 * what a caller gets back: bodies, ETags, errors, limits and timings.
 */
#define G_LOG_DOMAIN "test-http"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "aisle-error.h"
#include "aisle-http.h"

#define MIB ((gsize) 1024 * 1024)
#define TEST_TOKEN "aisle-test-token"
#define SAMPLE_JSON "{\"format\": \"aisle-store-feed\", \"format_version\": 1, \"products\": []}"

static GSubprocess *server;
static guint server_port;
static char *root_dir;
static char *catalog_text;  /* content of root/catalog.json */

/* Helpers */

static char *
server_url (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", server_port, path);
}

static char *
root_file_url (const char *name)
{
  g_autofree char *path = g_build_filename (root_dir, name, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

static AisleHttpResponse *
fetch_path (const char             *path,
            const char             *etag,
            const AisleHttpLimits  *limits,
            GError                **error)
{
  g_autofree char *url = server_url (path);

  return aisle_http_fetch (url, etag, limits, NULL, error);
}

static gint64
elapsed_ms (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
assert_body_equals (const AisleHttpResponse *response,
                    const char              *expected,
                    gsize                    expected_len)
{
  gsize len = 0;
  const char *data;

  g_assert_nonnull (response->body);
  data = g_bytes_get_data (response->body, &len);
  g_assert_cmpuint (len, ==, expected_len);
  g_assert_true (memcmp (data, expected, len) == 0);
}

/* How many answers with @key ("200", "200 gzip", "304", …) the server gave
 * for @path, from its /hits document (sorted keys, fixed separators). */
static guint
server_hits (const char *path,
             const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path ("/hits", NULL, NULL, &error);
  g_autofree char *json = NULL;
  g_autofree char *path_needle = g_strdup_printf ("\"%s\": {", path);
  g_autofree char *key_needle = g_strdup_printf ("\"%s\": ", key);
  const char *start, *end, *found;

  g_assert_no_error (error);
  json = g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));

  start = strstr (json, path_needle);
  if (start == NULL)
    return 0;
  end = strchr (start, '}');
  g_assert_nonnull (end);
  found = g_strstr_len (start, end - start, key_needle);
  if (found == NULL)
    return 0;
  return (guint) g_ascii_strtoull (found + strlen (key_needle), NULL, 10);
}

static void
write_root_file (const char *name,
                 const char *data,
                 gssize      len)
{
  g_autofree char *path = g_build_filename (root_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static GBytes *
gzip_bytes (const void *data,
            gsize       len)
{
  z_stream zs = { 0 };
  gsize cap = compressBound (len) + 64;
  guint8 *out = g_malloc (cap);
  int ret;

  g_assert_cmpint (deflateInit2 (&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
  zs.next_in = (Bytef *) data;
  zs.avail_in = len;
  zs.next_out = out;
  zs.avail_out = cap;
  ret = deflate (&zs, Z_FINISH);
  g_assert_cmpint (ret, ==, Z_STREAM_END);
  cap = zs.total_out;
  deflateEnd (&zs);
  return g_bytes_new_take (out, cap);
}

/* @mib MiB of zeros as a gzip file of about 1 KiB per MiB. One MiB of zeros
 * compressed with a full flush (which forgets the history) is a run of
 * deflate blocks that can be repeated, so this costs no compression time. */
static void
write_gzip_bomb (const char *name,
                 guint       mib)
{
  static const guint8 header[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff };
  g_autofree guint8 *zeros = g_malloc0 (MIB);
  g_autofree guint8 *block = g_malloc (MIB);
  g_autoptr(GByteArray) file = g_byte_array_new ();
  guint8 tail[64];
  guint8 trailer[8];
  z_stream zs = { 0 };
  gsize block_len, tail_len;
  uLong crc_mib, crc = crc32 (0, NULL, 0);
  guint32 isize = (guint32) (mib * MIB);

  g_assert_cmpint (deflateInit2 (&zs, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);
  zs.next_in = zeros;
  zs.avail_in = MIB;
  zs.next_out = block;
  zs.avail_out = MIB;
  g_assert_cmpint (deflate (&zs, Z_FULL_FLUSH), ==, Z_OK);
  g_assert_cmpuint (zs.avail_in, ==, 0);
  block_len = MIB - zs.avail_out;
  zs.next_out = tail;
  zs.avail_out = sizeof tail;
  g_assert_cmpint (deflate (&zs, Z_FINISH), ==, Z_STREAM_END);
  tail_len = sizeof tail - zs.avail_out;
  deflateEnd (&zs);

  crc_mib = crc32 (0, zeros, MIB);
  g_byte_array_append (file, header, sizeof header);
  for (guint i = 0; i < mib; i++)
    {
      g_byte_array_append (file, block, block_len);
      crc = crc32_combine (crc, crc_mib, MIB);
    }
  g_byte_array_append (file, tail, tail_len);

  for (guint i = 0; i < 4; i++)
    {
      trailer[i] = (crc >> (8 * i)) & 0xff;
      trailer[4 + i] = (isize >> (8 * i)) & 0xff;
    }
  g_byte_array_append (file, trailer, sizeof trailer);

  write_root_file (name, (const char *) file->data, file->len);
}

static void
make_root (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) catalog = g_string_new ("{\"format\": \"aisle-store-feed\", \"products\": [");
  g_autoptr(GBytes) catalog_gz = NULL;
  g_autoptr(GBytes) truncated = NULL;

  root_dir = g_dir_make_tmp ("aisle-test-http-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (catalog, "%s{\"id\": \"%u\", \"name\": {\"en\": \"Chair %u\"}}",
                            i ? ", " : "", i, i);
  g_string_append (catalog, "]}\n");
  catalog_text = g_strdup (catalog->str);

  write_root_file ("catalog.json", catalog->str, catalog->len);
  write_root_file ("plain.txt", "hello aisle\n", -1);

  catalog_gz = gzip_bytes (catalog->str, catalog->len);
  write_root_file ("catalog.json.gz", g_bytes_get_data (catalog_gz, NULL), g_bytes_get_size (catalog_gz));
  truncated = g_bytes_new_from_bytes (catalog_gz, 0, g_bytes_get_size (catalog_gz) / 2);
  write_root_file ("truncated.json.gz", g_bytes_get_data (truncated, NULL), g_bytes_get_size (truncated));

  write_gzip_bomb ("bomb.json.gz", 200);
  write_gzip_bomb ("small-bomb.json.gz", 3);
}

static void
remove_root (void)
{
  g_autoptr(GDir) dir = g_dir_open (root_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (root_dir);
  g_clear_pointer (&root_dir, g_free);
}

static char *
find_server_script (void)
{
  const char *from_env = g_getenv ("AISLE_FEED_SERVER");
  g_autofree char *dist = NULL;
  g_autofree char *beside_source = NULL;

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);
#ifdef AISLE_FEED_SERVER_PATH
  if (g_file_test (AISLE_FEED_SERVER_PATH, G_FILE_TEST_EXISTS))
    return g_strdup (AISLE_FEED_SERVER_PATH);
#endif
  dist = g_test_build_filename (G_TEST_DIST, "feed-server.py", NULL);
  if (g_file_test (dist, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&dist);

  beside_source = g_path_get_dirname (__FILE__);
  return g_build_filename (beside_source, "feed-server.py", NULL);
}

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *script = find_server_script ();
  g_autofree char *line = NULL;
  guint64 port = 0;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error, "python3", script, "--root", root_dir, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, "PORT ") ||
      !g_ascii_string_to_unsigned (line + 5, 10, 1, 65535, &port, NULL))
    g_error ("feed-server.py (%s) did not start: %s", script, line ? line : "no output");

  server_port = (guint) port;
  g_test_message ("feed-server.py listening on 127.0.0.1:%u", server_port);
}

static void
on_server_exited (GObject      *source G_GNUC_UNUSED,
                  GAsyncResult *result G_GNUC_UNUSED,
                  gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
on_stop_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
stop_server (void)
{
  gboolean exited = FALSE;
  gboolean timed_out = FALSE;
  guint timeout_id;

  if (server == NULL)
    return;

  /* Closing its stdin is how it is told to go; force it after 5 s. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (server), NULL, NULL);
  g_subprocess_wait_async (server, NULL, on_server_exited, &exited);
  timeout_id = g_timeout_add_seconds (5, on_stop_timeout, &timed_out);
  while (!exited && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!exited)
    {
      g_subprocess_force_exit (server);
      g_subprocess_wait (server, NULL, NULL);
      while (!exited)
        g_main_context_iteration (NULL, TRUE);
    }
  else
    g_source_remove (timeout_id);

  g_clear_object (&server);
}

/* HTTP: answers */

static void
test_ok_with_etag (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path ("/plain.txt", NULL, NULL, &error);
  g_autofree char *sha1 = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "hello aisle\n", -1);
  g_autofree char *expected_etag = g_strdup_printf ("\"%s\"", sha1);

  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  assert_body_equals (response, "hello aisle\n", 12);
  g_assert_cmpstr (response->etag, ==, expected_etag);
  g_assert_true (g_str_has_prefix (response->content_type, "text/plain"));
}

static void
test_gzip_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  guint before = server_hits ("/catalog.json", "200 gzip");

  response = fetch_path ("/catalog.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  assert_body_equals (response, catalog_text, strlen (catalog_text));
  g_assert_cmpstr (response->content_type, ==, "application/json");
  /* It really came compressed. */
  g_assert_cmpuint (server_hits ("/catalog.json", "200 gzip"), ==, before + 1);
}

static void
test_etag_not_modified (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) first = fetch_path ("/catalog.json", NULL, NULL, &error);
  g_autoptr(AisleHttpResponse) second = NULL;
  g_autoptr(AisleHttpResponse) stale = NULL;
  guint before;

  g_assert_no_error (error);
  g_assert_nonnull (first->etag);

  before = server_hits ("/catalog.json", "304");
  second = fetch_path ("/catalog.json", first->etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_null (second->body);
  g_assert_cmpstr (second->etag, ==, first->etag);
  g_assert_cmpuint (server_hits ("/catalog.json", "304"), ==, before + 1);

  stale = fetch_path ("/catalog.json", "\"something-older\"", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->status, ==, 200);
  assert_body_equals (stale, catalog_text, strlen (catalog_text));
}

static void
test_etag_fixed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) first = fetch_path ("/etag", NULL, NULL, &error);
  g_autoptr(AisleHttpResponse) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpstr (first->etag, ==, "\"v1\"");

  second = fetch_path ("/etag", "\"v1\"", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_null (second->body);
  g_assert_cmpstr (second->etag, ==, "\"v1\"");
  g_assert_cmpuint (server_hits ("/etag", "304"), ==, 1);
}

static void
test_status_server_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path ("/status/500", NULL, NULL, &error);

  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "500"));
  g_clear_error (&error);

  response = fetch_path ("/status/403", NULL, NULL, &error);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "403"));
}

static void
test_status_not_found (void)
{
  const char *paths[] = { "/status/404", "/status/410", "/no-such-file.json" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = fetch_path (paths[i], NULL, NULL, &error);

      g_assert_null (response);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NOT_FOUND);
    }
}

static void
test_junk_is_returned (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path ("/junk", NULL, NULL, &error);

  /* Refusing junk is the parser's job. */
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (response->body), >, 0);
}

static void
test_bearer_token (void)
{
  AisleHttpLimits limits = { .bearer_token = TEST_TOKEN };
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path ("/auth", NULL, &limits, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_clear_pointer (&response, aisle_http_response_free);

  response = fetch_path ("/auth", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "401"));
}

/* HTTP: broken connections and time limits */

static void
test_stall_times_out (void)
{
  AisleHttpLimits limits = { .stall_timeout_s = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  gint64 start = g_get_monotonic_time ();

  response = fetch_path ("/slow/10", NULL, &limits, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_TIMEOUT);
  g_assert_cmpint (elapsed_ms (start), >=, 900);
  g_assert_cmpint (elapsed_ms (start), <, 3000);
}

static void
test_total_timeout (void)
{
  AisleHttpLimits limits = { .total_timeout_s = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  gint64 start = g_get_monotonic_time ();

  response = fetch_path ("/slow/10", NULL, &limits, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_TIMEOUT);
  g_assert_cmpint (elapsed_ms (start), <, 3000);
}

static void
test_reset (void)
{
  const char *paths[] = { "/reset", "/reset-mid" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = fetch_path (paths[i], NULL, NULL, &error);

      g_assert_null (response);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NETWORK);
    }
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
  g_autofree char *url = NULL;

  /* A port that was free a moment ago and that nobody listens on. */
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/catalog.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  response = aisle_http_fetch (url, NULL, NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NETWORK);
}

/* Size limits and gzip */

static void
assert_too_large_quickly (const char *url,
                          gsize       max_bytes)
{
  AisleHttpLimits limits = { .max_bytes = max_bytes };
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  gint64 start = g_get_monotonic_time ();

  response = aisle_http_fetch (url, NULL, &limits, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE);
  /* The limit stops the transfer: far sooner than reading the whole body. */
  g_assert_cmpint (elapsed_ms (start), <, 10000);
}

static void
test_huge_chunked (void)
{
  g_autofree char *url = server_url ("/huge/50");

  assert_too_large_quickly (url, MIB);
}

static void
test_huge_content_length (void)
{
  g_autofree char *url = server_url ("/huge/50?length");

  assert_too_large_quickly (url, MIB);
}

static void
test_gzip_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path ("/gzip-file", NULL, NULL, &error);
  g_autoptr(AisleHttpResponse) from_root = NULL;

  g_assert_no_error (error);
  assert_body_equals (response, SAMPLE_JSON, strlen (SAMPLE_JSON));

  from_root = fetch_path ("/catalog.json.gz", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_body_equals (from_root, catalog_text, strlen (catalog_text));
  g_assert_nonnull (from_root->etag);
}

static void
test_gzip_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path ("/truncated.json.gz", NULL, NULL, &error);

  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
}

static void
assert_zeros (const AisleHttpResponse *response,
              gsize                    expected_len)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (response->body, &len);

  g_assert_cmpuint (len, ==, expected_len);
  for (gsize i = 0; i < len; i++)
    if (data[i] != 0)
      g_assert_cmpuint (data[i], ==, 0);
}

static void
test_gzip_bomb_file (void)
{
  g_autofree char *url = server_url ("/bomb.json.gz");

  assert_too_large_quickly (url, 8 * MIB);
}

static void
test_gzip_bomb_encoding (void)
{
  g_autofree char *url = server_url ("/bomb/200");
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) small = NULL;

  assert_too_large_quickly (url, 8 * MIB);

  /* The same kind of stream, within the limit: the bomb is valid gzip. */
  small = fetch_path ("/bomb/3", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_zeros (small, 3 * MIB);
}

/* Redirects and schemes */

static void
test_redirects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path ("/redirect/5", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_clear_pointer (&response, aisle_http_response_free);

  response = fetch_path ("/redirect/6", NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_HTTP);
}

static void
test_redirect_to_file_refused (void)
{
  g_autofree char *target = root_file_url ("plain.txt");
  g_autofree char *escaped = g_uri_escape_string (target, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/redirect-to?url=", escaped, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = fetch_path (path, NULL, NULL, &error);

  g_assert_null (response);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_UNSUPPORTED);
}

static void
test_unsupported_scheme (void)
{
  g_autofree char *ftp = g_strdup_printf ("ftp://127.0.0.1:%u/catalog.json", server_port);
  g_autofree char *gopher = g_strdup_printf ("gopher://127.0.0.1:%u/1", server_port);
  const char *urls[] = { ftp, gopher, "scp://127.0.0.1/etc/passwd", "catalog.json", "" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = aisle_http_fetch (urls[i], NULL, NULL, NULL, &error);

      g_assert_null (response);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_UNSUPPORTED);
    }
}

/* file:// */

static void
test_file_read_and_not_modified (void)
{
  g_autofree char *url = root_file_url ("big.json");
  g_autofree char *big = g_strnfill (32 * MIB, ' ');
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) first = NULL;
  gint64 read_us, best_cpu_us = G_MAXINT64, best_wall_us = G_MAXINT64;
  gint64 start;

  big[0] = '[';
  big[32 * MIB - 1] = ']';
  write_root_file ("big.json", big, 32 * MIB);

  start = g_get_monotonic_time ();
  first = aisle_http_fetch (url, NULL, NULL, NULL, &error);
  read_us = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (first->status, ==, 200);
  assert_body_equals (first, big, 32 * MIB);
  g_assert_true (g_str_has_prefix (first->etag, "\"file-33554432-"));

  /* Unchanged: 304 from size and mtime alone, without reading 32 MiB. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(AisleHttpResponse) again = NULL;
      gint64 cpu = thread_cpu_us ();

      start = g_get_monotonic_time ();
      again = aisle_http_fetch (url, first->etag, NULL, NULL, &error);
      best_wall_us = MIN (best_wall_us, g_get_monotonic_time () - start);
      best_cpu_us = MIN (best_cpu_us, thread_cpu_us () - cpu);

      g_assert_no_error (error);
      g_assert_cmpuint (again->status, ==, 304);
      g_assert_null (again->body);
      g_assert_cmpstr (again->etag, ==, first->etag);
    }

  /* Timings are the benchmark's business (tools/bench); here they are only
   * reported, since sanitizers and a busy machine make them meaningless. */
  g_test_message ("file:// read %" G_GINT64_FORMAT " us, 304 %" G_GINT64_FORMAT
                  " us (%" G_GINT64_FORMAT " us CPU)", read_us, best_wall_us, best_cpu_us);

  g_clear_pointer (&big, g_free);
  {
    g_autofree char *path = g_build_filename (root_dir, "big.json", NULL);
    g_unlink (path);
  }
}

static void
test_file_changed (void)
{
  g_autofree char *url = root_file_url ("changing.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) first = NULL;
  g_autoptr(AisleHttpResponse) second = NULL;

  write_root_file ("changing.json", "[1]", -1);
  first = aisle_http_fetch (url, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  write_root_file ("changing.json", "[1, 2]", -1);
  second = aisle_http_fetch (url, first->etag, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->status, ==, 200);
  assert_body_equals (second, "[1, 2]", 6);
  g_assert_cmpstr (second->etag, !=, first->etag);
}

static void
test_file_missing (void)
{
  g_autofree char *missing = root_file_url ("no-such-file.json");
  g_autofree char *folder = g_filename_to_uri (root_dir, NULL, NULL);
  const char *urls[] = { missing, folder };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleHttpResponse) response = aisle_http_fetch (urls[i], NULL, NULL, NULL, &error);

      g_assert_null (response);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_NOT_FOUND);
    }
}

static void
test_file_gzip (void)
{
  g_autofree char *url = root_file_url ("catalog.json.gz");
  g_autofree char *bomb = root_file_url ("bomb.json.gz");
  g_autofree char *small_bomb = root_file_url ("small-bomb.json.gz");
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = aisle_http_fetch (url, NULL, NULL, NULL, &error);
  g_autoptr(AisleHttpResponse) small = NULL;

  g_assert_no_error (error);
  assert_body_equals (response, catalog_text, strlen (catalog_text));

  small = aisle_http_fetch (small_bomb, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_zeros (small, 3 * MIB);

  assert_too_large_quickly (bomb, 8 * MIB);
}

/* Async and cancellation */

typedef struct
{
  AisleHttpResponse *response;
  GError            *error;
  gboolean           done;
  gint64             done_us;
  guint              ticks;
} AsyncState;

static void
on_fetched (GObject      *source G_GNUC_UNUSED,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->response = aisle_http_fetch_finish (result, &state->error);
  state->done = TRUE;
  state->done_us = g_get_monotonic_time ();
}

static gboolean
on_tick (gpointer user_data)
{
  AsyncState *state = user_data;

  state->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
wait_for (AsyncState *state)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!state->done)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static void
test_async_keeps_main_loop_responsive (void)
{
  AsyncState state = { 0 };
  g_autofree char *url = server_url ("/slow/2");
  guint tick_id = g_timeout_add (10, on_tick, &state);
  gint64 start = g_get_monotonic_time ();

  aisle_http_fetch_async (url, NULL, NULL, NULL, on_fetched, &state);
  wait_for (&state);
  g_source_remove (tick_id);

  g_assert_no_error (state.error);
  g_assert_cmpuint (state.response->status, ==, 200);
  assert_body_equals (state.response, "{\"slow\": true}\n", 15);
  g_assert_cmpint (elapsed_ms (start), >=, 1900);
  /* About 200 ticks in 2 s: the main loop never waited on the network. */
  g_test_message ("%u ticks while fetching", state.ticks);
  g_assert_cmpuint (state.ticks, >=, 100);

  aisle_http_response_free (state.response);
}

static void
test_async_cancel (void)
{
  AsyncState state = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = server_url ("/slow/10");
  gint64 start = g_get_monotonic_time ();

  aisle_http_fetch_async (url, NULL, NULL, cancellable, on_fetched, &state);
  g_timeout_add (200, on_cancel_timeout, cancellable);
  wait_for (&state);

  g_assert_null (state.response);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("cancelled after %" G_GINT64_FORMAT " ms", elapsed_ms (start));
  /* Well before the server's ten seconds; the exact figure is reported only. */
  g_assert_cmpint ((state.done_us - start) / 1000, <, 5000);
  g_clear_error (&state.error);
}

static void
test_already_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = server_url ("/slow/10");
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleHttpResponse) response = NULL;
  gint64 start = g_get_monotonic_time ();

  g_cancellable_cancel (cancellable);
  response = aisle_http_fetch (url, NULL, NULL, cancellable, &error);
  g_assert_null (response);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (elapsed_ms (start), <, 5000);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* All traffic is to 127.0.0.1: keep any proxy of the environment out. */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("NO_PROXY", "127.0.0.1,localhost", TRUE);

  aisle_http_global_init ();
  aisle_http_global_init ();

  make_root ();
  start_server ();

  g_test_add_func ("/http/ok-with-etag", test_ok_with_etag);
  g_test_add_func ("/http/gzip-encoding", test_gzip_encoding);
  g_test_add_func ("/http/etag-not-modified", test_etag_not_modified);
  g_test_add_func ("/http/etag-fixed", test_etag_fixed);
  g_test_add_func ("/http/status-server-error", test_status_server_error);
  g_test_add_func ("/http/status-not-found", test_status_not_found);
  g_test_add_func ("/http/junk-is-returned", test_junk_is_returned);
  g_test_add_func ("/http/bearer-token", test_bearer_token);
  g_test_add_func ("/http/stall-times-out", test_stall_times_out);
  g_test_add_func ("/http/total-timeout", test_total_timeout);
  g_test_add_func ("/http/reset", test_reset);
  g_test_add_func ("/http/connection-refused", test_connection_refused);
  g_test_add_func ("/http/huge-chunked", test_huge_chunked);
  g_test_add_func ("/http/huge-content-length", test_huge_content_length);
  g_test_add_func ("/http/gzip-file", test_gzip_file);
  g_test_add_func ("/http/gzip-truncated", test_gzip_truncated);
  g_test_add_func ("/http/gzip-bomb-file", test_gzip_bomb_file);
  g_test_add_func ("/http/gzip-bomb-encoding", test_gzip_bomb_encoding);
  g_test_add_func ("/http/redirects", test_redirects);
  g_test_add_func ("/http/redirect-to-file-refused", test_redirect_to_file_refused);
  g_test_add_func ("/http/unsupported-scheme", test_unsupported_scheme);
  g_test_add_func ("/file/read-and-not-modified", test_file_read_and_not_modified);
  g_test_add_func ("/file/changed", test_file_changed);
  g_test_add_func ("/file/missing", test_file_missing);
  g_test_add_func ("/file/gzip", test_file_gzip);
  g_test_add_func ("/async/main-loop-responsive", test_async_keeps_main_loop_responsive);
  g_test_add_func ("/async/cancel", test_async_cancel);
  g_test_add_func ("/async/already-cancelled", test_already_cancelled);

  status = g_test_run ();

  stop_server ();
  remove_root ();
  g_clear_pointer (&catalog_text, g_free);

  return status;
}
