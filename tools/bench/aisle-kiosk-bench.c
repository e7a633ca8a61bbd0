/* aisle-kiosk-bench.c: the kiosk, timed as a shopper uses it (run by aisle-bench)
 *
 * The real kiosk (same application, widgets, models and search as a shopper
 * gets) started on the home screen from its saved catalog. It prints when the
 * first frame with the categories was painted and its memory (PSS), then
 * types a fixed query script into the real search field, one character at a
 * time, and prints how long each keystroke took to reach the screen; then it
 * quits. Takes the kiosk's options, and --queries FILE (one search a line).
 */
#define G_LOG_DOMAIN "aisle-kiosk-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "aisle-application.h"
#include "aisle-window.h"

#define KEYSTROKE_INTERVAL_MS 120
/* A shopper's first letter comes after the home screen has settled: the
 * kiosk has finished what it does once after the first frame (the results
 * page's tiles, their fonts and first pictures). */
#define SETTLE_MS 1000

/* Typed one character at a time; a line is one shopper's search. Mixes
 * narrow and broad queries, accents, article numbers and GTIN prefixes. */
static const char * const default_queries[] = {
  "sofa",
  "lamp",
  "mobel",
  "cuscino",
  "chair oak",
  "s",
  "104.23",
  "40",
  "table white",
  "bed 160",
  NULL
};

typedef struct
{
  AisleWindow   *window;
  AisleServices *services;
  GtkEditable   *entry;
  GStrv          queries;
  guint          query;
  guint          length;
  gint64         typed_at;
  gint64         text_set_at;      /* after the search and the model update */
  gint64         layout_done_at;   /* GTK has measured and allocated */
  gint64         paint_done_at;    /* GTK has drawn the frame and handed it to X */
  gboolean       first_frame_done;
  gulong         paint_handler;
} Benchmark;

static long
read_pss_kb (void)
{
  g_autofree char *contents = NULL;
  const char *line;
  long kb = -1;

  if (g_file_get_contents ("/proc/self/smaps_rollup", &contents, NULL, NULL) &&
      (line = strstr (contents, "\nPss:")) != NULL)
    sscanf (line + 5, "%ld", &kb);
  return kb;
}

static GtkEditable *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return GTK_EDITABLE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_search_entry (child);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean type_next (gpointer data);

static void
benchmark_free (Benchmark *bench)
{
  g_strfreev (bench->queries);
  g_free (bench);
}

static void
after_paint (GdkFrameClock *clock,
             Benchmark     *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (!bench->first_frame_done)
    {
      AisleStore *store = aisle_services_get_store (bench->services);

      /* Only a frame with the categories counts, not the loading spinner. */
      if (store == NULL || aisle_store_get_catalog (store) == NULL)
        return;

      bench->first_frame_done = TRUE;
      printf ("aisle-benchmark first-frame-us %" G_GINT64_FORMAT "\n", now);
      printf ("aisle-benchmark pss-kb %ld\n", read_pss_kb ());
      fflush (stdout);
      g_timeout_add (SETTLE_MS, type_next, bench);
      return;
    }

  if (bench->typed_at != 0)
    {
      g_autofree char *typed = g_strndup (bench->queries[bench->query], bench->length);

      /* The phases help find where a slow keystroke goes: the search and the
       * model update (synchronous), then until GTK has laid the window out
       * (the frame clock's wait, styles, measuring, allocating), GTK's
       * drawing of the frame, and what runs after it. */
      printf ("aisle-benchmark keystroke-us %" G_GINT64_FORMAT " %s\t[update %" G_GINT64_FORMAT
              " layout %" G_GINT64_FORMAT " paint %" G_GINT64_FORMAT " after %" G_GINT64_FORMAT "]\n",
              now - bench->typed_at, typed,
              bench->text_set_at - bench->typed_at,
              bench->layout_done_at - bench->text_set_at,
              bench->paint_done_at - bench->layout_done_at,
              now - bench->paint_done_at);
      fflush (stdout);
      bench->typed_at = 0;
      /* A quick typist's pace; typing at once would only measure the frame
       * clock waiting out its 16.7 ms since the previous frame. */
      g_timeout_add (KEYSTROKE_INTERVAL_MS, type_next, bench);
    }
}

static gboolean
type_next (gpointer data)
{
  Benchmark *bench = data;
  const char *query = bench->queries[bench->query];

  if (query != NULL && bench->length >= strlen (query))
    {
      bench->query++;
      bench->length = 0;
      query = bench->queries[bench->query];
    }

  if (query == NULL)
    {
      printf ("aisle-benchmark done\n");
      fflush (stdout);
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench->window))));
      return G_SOURCE_REMOVE;
    }

  bench->length = g_utf8_next_char (query + bench->length) - query;

  {
    g_autofree char *text = g_strndup (query, bench->length);

    /* The clock starts before the text reaches the field: the search, the
     * model update, the grid and the paint are all in the figure. */
    bench->typed_at = g_get_monotonic_time ();
    gtk_editable_set_text (bench->entry, text);
    gtk_editable_set_position (bench->entry, -1);
    bench->text_set_at = g_get_monotonic_time ();
  }

  return G_SOURCE_REMOVE;
}

static void
layout_done (GdkFrameClock *clock,
             Benchmark     *bench)
{
  bench->layout_done_at = g_get_monotonic_time ();
}

static void
paint_done (GdkFrameClock *clock,
            Benchmark     *bench)
{
  bench->paint_done_at = g_get_monotonic_time ();
}

static void
window_mapped (AisleWindow *window,
               Benchmark   *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  /* GTK connected its own handlers when the window's surface was made, so
   * these run after them: they mark the end of each phase. */
  g_signal_connect (clock, "layout", G_CALLBACK (layout_done), bench);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_done), bench);

  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), bench);
}

static char *queries_path;

static void
prepare_window (AisleApplication *app,
                GtkWindow        *window)
{
  Benchmark *bench = g_new0 (Benchmark, 1);
  g_autofree char *contents = NULL;

  /* Lives as long as the window it drives. */
  g_object_set_data_full (G_OBJECT (window), "aisle-benchmark", bench, (GDestroyNotify)benchmark_free);

  bench->window = AISLE_WINDOW (window);
  bench->services = aisle_application_get_services (app);
  bench->entry = find_search_entry (GTK_WIDGET (window));
  g_assert (bench->entry != NULL);

  if (queries_path != NULL && g_file_get_contents (queries_path, &contents, NULL, NULL))
    bench->queries = g_strsplit (g_strstrip (contents), "\n", -1);
  else
    bench->queries = g_strdupv ((char **)default_queries);

  aisle_window_start (bench->window);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped), bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AisleApplication) app = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  /* --queries is ours; everything else is the kiosk's. */
  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--queries") && i + 1 < argc)
        queries_path = argv[++i];
      else
        g_ptr_array_add (args, argv[i]);
    }
  g_ptr_array_add (args, NULL);

  aisle_application_setup_renderer ();
  aisle_application_setup_i18n ();

  app = aisle_application_new ();
  aisle_application_set_measuring (app, TRUE);
  g_signal_connect (app, "prepare-window", G_CALLBACK (prepare_window), NULL);
  return g_application_run (G_APPLICATION (app), (int)args->len - 1, (char **)args->pdata);
}
