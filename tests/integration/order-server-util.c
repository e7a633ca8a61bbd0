/* order-server-util.c: tests/integration/order-server.py, started and stopped for a test */
#include "config.h"

#include "order-server-util.h"

static GSubprocess *server;

static char *
find_server_script (void)
{
  const char *from_env = g_getenv ("AISLE_ORDER_SERVER");
  g_autofree char *dist = NULL;
  g_autofree char *beside_source = NULL;

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  dist = g_test_build_filename (G_TEST_DIST, "integration", "order-server.py", NULL);
  if (g_file_test (dist, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&dist);

  beside_source = g_path_get_dirname (__FILE__);
  return g_build_filename (beside_source, "order-server.py", NULL);
}

guint
order_server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *script = find_server_script ();
  g_autofree char *line = NULL;
  guint64 port = 0;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error, "python3", script, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, "PORT ") ||
      !g_ascii_string_to_unsigned (line + 5, 10, 1, 65535, &port, NULL))
    g_error ("order-server.py (%s) did not start: %s", script, line ? line : "no output");

  return (guint) port;
}

void
order_server_stop (void)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (server == NULL)
    return;

  /* Closing its stdin is how it is told to go; force it after 5 s. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (server), NULL, NULL);
  /* GLib reaps it in its worker thread; the identifier goes with it. */
  while (g_subprocess_get_identifier (server) != NULL && g_get_monotonic_time () < deadline)
    g_usleep (20 * 1000);

  if (g_subprocess_get_identifier (server) != NULL)
    g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server);
}
