/* kiosk-test-util.c: driving the real kiosk in-process under Xvfb */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "aisle-fixed-label.h"
#include "aisle-pin.h"
#include "kiosk-test-util.h"

char *kiosk_fixture_url;

/* Helpers: looking at the screen */

gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data,
          guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
settle (guint ms)
{
  wait_for (never, NULL, ms);
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (AISLE_IS_FIXED_LABEL (widget))
    g_string_append_printf (out, "%s\n", aisle_fixed_label_get_text (AISLE_FIXED_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget) && GTK_IS_TEXT (widget))
    g_string_append_printf (out, "[%s]\n", gtk_editable_get_text (GTK_EDITABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
screen_text (AisleWindow *window)
{
  GString *out = g_string_new (NULL);
  collect_text (GTK_WIDGET (window), out);
  return g_string_free (out, FALSE);
}


gboolean
shows_text (gpointer data)
{
  Expect *e = data;
  g_autofree char *text = screen_text (e->window);
  return strstr (text, e->text) != NULL;
}

GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* Taps the button that shows @text, as a finger would. */
void
tap (AisleWindow *window,
     const char  *text)
{
  GtkWidget *label = NULL;
  GtkWidget *button;
  Expect e = { window, text };

  wait_for (shows_text, &e, 5000);
  label = find_label (GTK_WIDGET (window), text);
  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* What a finger's release does; gtk_widget_activate() would emit
   * "clicked" only after a 250 ms press animation. */
  g_signal_emit_by_name (button, "clicked");
}

void
type_text (AisleWindow *window,
           const char  *text)
{
  GtkWidget *entry = find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

void
screenshot (AisleWindow *window,
            const char  *name)
{
  const char *dir = g_getenv ("AISLE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  settle (400);  /* images arrive from worker threads */
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

/* Touch targets: every button a shopper can see is at least 64×64 px. */
static void
check_targets (GtkWidget *widget,
               GtkWidget *window,
               GString   *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_BUTTON (widget))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
      if (bounds.size.width < 64 || bounds.size.height < 64)
        g_string_append_printf (problems, "%s “%s” is %.0f×%.0f\n", G_OBJECT_TYPE_NAME (widget),
                                gtk_button_get_label (GTK_BUTTON (widget)) ?: "",
                                bounds.size.width, bounds.size.height);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_targets (child, window, problems);
}

void
assert_touch_targets (AisleWindow *window)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  /* New widgets have no size until GTK's next layout, which a slow
   * (sanitizer) build reaches later: a real problem persists. */
  do
    {
      settle (50);
      g_string_truncate (problems, 0);
      check_targets (GTK_WIDGET (window), GTK_WIDGET (window), problems);
    }
  while (problems->len > 0 && g_get_monotonic_time () < end);

  if (problems->len > 0)
    g_error ("Touch targets smaller than 64 px:\n%s", problems->str);
}

/* The pick check: GTK's own hit test, as a finger's press uses it, must
 * land every visible, sensitive control's centre on that control (or on
 * something inside it). A hidden overlay that keeps its size, or a widget
 * drawn over another, fails it. */
static gboolean
is_control (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
      GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget))
    return TRUE;
  /* An entry, not the text inside it. */
  if (GTK_IS_EDITABLE (widget))
    return parent == NULL || !GTK_IS_EDITABLE (parent);
  /* Cells of grids and lists: product tiles, category tiles. */
  return parent != NULL && (GTK_IS_GRID_VIEW (parent) || GTK_IS_LIST_VIEW (parent) || GTK_IS_FLOW_BOX (parent)) &&
         gtk_widget_get_focusable (widget);
}

/* A centre scrolled out of sight is not a place anyone can tap. */
static gboolean
centre_in_view (GtkWidget              *widget,
                GtkWidget              *window,
                const graphene_point_t *centre)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && w != window; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w) || GTK_IS_VIEWPORT (w))
      {
        graphene_rect_t view;

        if (!gtk_widget_compute_bounds (w, window, &view) || !graphene_rect_contains_point (&view, centre))
          return FALSE;
      }
  return centre->x >= 0 && centre->y >= 0 &&
         centre->x < gtk_widget_get_width (window) && centre->y < gtk_widget_get_height (window);
}

static void
check_picks (GtkWidget *widget,
             GtkWidget *window,
             GString   *problems,
             guint     *n_checked)
{
  /* A popover is a surface of its own, checked when it is open; what is
   * made untargetable on purpose (a combo row's current item, under the
   * row a finger presses) is no control of its own. */
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget) ||
      (GTK_IS_NATIVE (widget) && widget != window) || !gtk_widget_get_can_target (widget))
    return;

  if (is_control (widget) && gtk_widget_is_sensitive (widget))
    {
      graphene_rect_t bounds;
      graphene_point_t centre;
      GtkWidget *picked;

      if (gtk_widget_compute_bounds (widget, window, &bounds) && bounds.size.width > 0 && bounds.size.height > 0)
        {
          graphene_rect_get_center (&bounds, &centre);
          if (centre_in_view (widget, window, &centre))
            {
              picked = gtk_widget_pick (window, centre.x, centre.y, GTK_PICK_DEFAULT);
              (*n_checked)++;
              if (picked != widget && (picked == NULL || !gtk_widget_is_ancestor (picked, widget)))
                g_string_append_printf (problems, "%s in %s “%s” at %.0f,%.0f: a tap lands on %s (%s)\n",
                                        G_OBJECT_TYPE_NAME (widget),
                                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                        GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget))
                                        ? gtk_button_get_label (GTK_BUTTON (widget)) : "",
                                        centre.x, centre.y,
                                        picked ? G_OBJECT_TYPE_NAME (picked) : "nothing",
                                        picked && gtk_widget_get_parent (picked)
                                        ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (picked)) : "");
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_picks (child, window, problems, n_checked);
}

guint
assert_pickable (AisleWindow *window,
                 const char  *where)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  guint n_checked;

  /* As for touch targets: a slow (sanitizer) build lays new widgets out
   * later, and a page not laid out yet has no control with a size. */
  do
    {
      settle (50);
      g_string_truncate (problems, 0);
      n_checked = 0;
      check_picks (GTK_WIDGET (window), GTK_WIDGET (window), problems, &n_checked);
    }
  while ((problems->len > 0 || n_checked == 0) && g_get_monotonic_time () < end);

  if (problems->len > 0)
    g_error ("On %s, controls that do not take a tap at their centre:\n%s", where, problems->str);
  g_assert_cmpuint (n_checked, >, 0);
  return n_checked;
}

/* Going through the pages as a shopper and as staff */

/* Mapped widgets of @type in tree order. */
void
collect_type (GtkWidget *widget,
              GType      type,
              GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, out);
}

GPtrArray *
entries (AisleWindow *window)
{
  GPtrArray *out = g_ptr_array_new ();
  collect_type (GTK_WIDGET (window), GTK_TYPE_ENTRY, out);
  return out;
}

void
fill (AisleWindow  *window,
      const char  **values,
      guint         n)
{
  g_autoptr(GPtrArray) found = entries (window);

  g_assert_cmpuint (found->len, ==, n);
  for (guint i = 0; i < n; i++)
    if (values[i] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (found, i)), values[i]);
}

GtkWidget *
find_class (GtkWidget  *widget,
            const char *css_class)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_class (child, css_class);
      if (found)
        return found;
    }
  return NULL;
}

void
choose_first_window (AisleWindow *window)
{
  GtkWidget *button = find_class (GTK_WIDGET (window), "window-button");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

void
add_product (AisleWindow *window,
             guint        position)
{
  tap (window, "Sofas");
  assert_shows (window, "3 products");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", position);
  tap (window, "Add to list");
  /* The Home button: a portrait screen shows it without its word. */
  gtk_widget_activate_action (GTK_WIDGET (shop (window)), "shop.home", NULL);
}

void
press_pin (AisleWindow *window,
           const char  *pin)
{
  GtkWidget *pad = aisle_window_get_pin_pad (window);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_assert_nonnull (pad);
  collect_type (pad, GTK_TYPE_BUTTON, buttons);
  for (const char *digit = pin; *digit; digit++)
    {
      char key[2] = { *digit, 0 };
      gboolean found = FALSE;

      for (guint i = 0; i < buttons->len && !found; i++)
        if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), key) == 0)
          {
            g_signal_emit_by_name (buttons->pdata[i], "clicked");
            found = TRUE;
          }
      g_assert_true (found);
    }
  tap (window, "OK");
}

gboolean
admin_shown (gpointer data)
{
  return aisle_window_get_admin_view (data) != NULL && gtk_widget_get_mapped (aisle_window_get_admin_view (data));
}

gboolean
admin_gone (gpointer data)
{
  return aisle_window_get_admin_view (data) == NULL;
}

void
unlock (AisleWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.admin", NULL);
  g_assert_nonnull (aisle_window_get_pin_pad (window));
  press_pin (window, KIOSK_TEST_PIN);
  g_assert_true (wait_for (admin_shown, window, 20000));
}

/* Running the real application */

typedef struct
{
  Steps steps;
  char *cache_dir;
} Run;

static gboolean
has_catalog (gpointer data)
{
  return aisle_store_get_catalog (aisle_services_get_store (aisle_application_get_services (data))) != NULL &&
         aisle_store_get_stock (aisle_services_get_store (aisle_application_get_services (data))) != NULL;
}

static void
activated (GApplication *app,
           Run          *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (AISLE_IS_WINDOW (window));
  g_assert_true (wait_for (has_catalog, app, 10000));
  settle (100);

  run->steps (AISLE_APPLICATION (app), AISLE_WINDOW (window));

  gtk_window_destroy (window);
}

void
run_kiosk (Steps       steps,
           const char *language)
{
  run_kiosk_on (kiosk_fixture_url, steps, language);
}

void
run_kiosk_on (const char *url,
              Steps       steps,
              const char *language)
{
  g_autoptr(AisleApplication) app = aisle_application_new ();
  g_autofree char *cache = g_dir_make_tmp ("aisle-ui-XXXXXX", NULL);
  char *argv[] = { (char *)"aisle", (char *)"--windowed",
                   (char *)"--cache-dir", cache,
                   (char *)"--language", (char *)language,
                   (char *)"--store-url", (char *)url,
                   (char *)"--store-id", (char *)"milano", NULL };
  Run run = { steps, cache };
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cache);
  /* Without @url, the store the settings name. */
  int argc = url ? G_N_ELEMENTS (argv) - 1 : 6;

  g_signal_connect_after (app, "activate", G_CALLBACK (activated), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), argc, argv), ==, 0);
  /* A picture fetched on a worker thread may still be landing in the cache
   * as the application ends: try again until it has. */
  for (guint tries = 0; system (rm) != 0 && tries < 50; tries++)
    g_usleep (100 * 1000);
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
}

AisleShopView *
shop (AisleWindow *window)
{
  return (AisleShopView *)aisle_window_get_shop_view (window);
}

void
tap_near (AisleWindow *window,
          const char  *near,
          const char  *button_label)
{
  GtkWidget *label = find_label (GTK_WIDGET (window), near);
  GtkWidget *row;

  g_assert_nonnull (label);
  /* Up to the row, then down to the button with that label. */
  for (row = label; row != NULL && !gtk_widget_has_css_class (row, "list-row"); row = gtk_widget_get_parent (row));
  g_assert_nonnull (row);
  label = find_label (row, button_label);
  g_assert_nonnull (label);
  g_signal_emit_by_name (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON), "clicked");
}


static void
hashed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  char **hash = user_data;

  *hash = aisle_pin_hash_finish (result, NULL);
}

/* Tests run on in-memory settings: a kiosk with a PIN, as after its first start. */
static void
preset_pin (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *hash = NULL;

  aisle_pin_hash_async (KIOSK_TEST_PIN, NULL, hashed, &hash);
  while (hash == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_settings_set_string (settings, "admin-pin-hash", hash);
}

void
kiosk_test_init (int    *argc,
                 char ***argv)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "fixtures", "feed", NULL);

  g_test_init (argc, argv, NULL);
  aisle_application_setup_i18n ();
  kiosk_fixture_url = g_filename_to_uri (dir, NULL, NULL);
  preset_pin ();
}

/* What zbar reads from @widget, rendered as GTK draws it: one line per code. */
char *
zbar_read (AisleWindow *window,
           GtkWidget   *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_dir_make_tmp ("aisle-zbar-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shot.png", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "zbarimg", "--quiet", "--raw", path, NULL };
  int width, height, status;

  g_assert_nonnull (widget);
  settle (100);
  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >=, 200);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_remove (path);
  g_rmdir (dir);
  return g_strstrip (g_steal_pointer (&out));
}
