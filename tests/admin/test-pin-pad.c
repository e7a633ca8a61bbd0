/* test-pin-pad.c: staff choose and type the PIN on the pad as they would on
 * the kiosk, by touch and by keyboard, and the test looks at what the screen
 * shows: titles, dots, messages, the lock countdown, the size of the keys,
 * and never a typed digit.
 *
 * AISLE_SCREENSHOT_DIR=<folder> saves what the pad looks like in each state.
 */
#define G_LOG_DOMAIN "test-pin-pad"

#include "config.h"

#include <gtk/gtk.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <string.h>

#include "aisle-pin.h"
#include "aisle-pin-guard.h"
#include "aisle-pin-pad.h"

#define SECOND        G_GINT64_CONSTANT (1000000)
#define WAIT_LIMIT_US (30 * SECOND)
#define KEY_MIN_SIZE  72

#define RIGHT_PIN "482913"
#define WRONG_PIN "739105"

typedef struct
{
  GtkWidget        *window;
  AislePinPad      *pad;
  GSettingsBackend *backend;
  GSettings        *settings;
  AislePinGuard    *guard;
  gint64            now;
  guint             unlocked;
  guint             cancelled;
  char             *new_hash;
} Fixture;

/* Hashing takes a fraction of a second: one hash for all the tests. */
static char *right_hash;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
wait_until (gboolean (*done) (Fixture *),
            Fixture   *f)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  while (!done (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
is_drawn (Fixture *f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (f->pad)) &&
         gtk_widget_get_width (GTK_WIDGET (f->pad)) > 0 &&
         !g_main_context_pending (NULL);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

static GPtrArray *
all_of (Fixture *f,
        GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (f->pad), type, found);
  return found;
}

static GtkWidget *
find_button (Fixture    *f,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = all_of (f, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];

  g_error ("The pad has no key “%s”", label);
}

static GtkLabel *
find_label_with_class (Fixture    *f,
                       const char *css_class)
{
  g_autoptr(GPtrArray) labels = all_of (f, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], css_class))
      return labels->pdata[i];

  g_error ("The pad has no .%s label", css_class);
}

static const char *
title (Fixture *f)
{
  return gtk_label_get_text (find_label_with_class (f, "pin-title"));
}

static const char *
message (Fixture *f)
{
  return gtk_label_get_text (find_label_with_class (f, "pin-message"));
}

static const char *
dots (Fixture *f)
{
  return gtk_label_get_text (find_label_with_class (f, "pin-dots"));
}

static void
press (Fixture    *f,
       const char *label)
{
  g_signal_emit_by_name (find_button (f, label), "clicked");
}

static void
type_on_keys (Fixture    *f,
              const char *pin)
{
  for (const char *p = pin; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      press (f, key);
    }
}

/* Fails the test if any text on the pad, or any name a screen reader would
 * read for its labels, shows three digits in a row of @pin. */
static void
assert_digits_not_shown (Fixture    *f,
                         const char *pin)
{
  g_autoptr(GPtrArray) widgets = all_of (f, GTK_TYPE_WIDGET);

  g_ptr_array_add (widgets, f->pad);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = widgets->pdata[i];
      const char *texts[3] = { NULL, NULL, gtk_widget_get_tooltip_text (widget) };

      if (GTK_IS_LABEL (widget))
        {
          texts[0] = gtk_label_get_text (GTK_LABEL (widget));
          texts[1] = gtk_label_get_label (GTK_LABEL (widget));
        }
      else if (GTK_IS_BUTTON (widget))
        {
          texts[0] = gtk_button_get_label (GTK_BUTTON (widget));
        }

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        for (gsize p = 0; texts[t] != NULL && p + 3 <= strlen (pin); p++)
          {
            g_autofree char *part = g_strndup (pin + p, 3);

            if (strstr (texts[t], part) != NULL)
              g_error ("A %s shows “%s”, part of the PIN", G_OBJECT_TYPE_NAME (widget), texts[t]);
          }
    }

  /* The dots are dots, whatever was typed. */
  for (const char *p = dots (f); *p != '\0'; p = g_utf8_next_char (p))
    g_assert_cmpuint (g_utf8_get_char (p), ==, 0x25CF);
}

static void
count_paint (GdkFrameClock *clock G_GNUC_UNUSED,
             guint         *paints)
{
  (*paints)++;
}

/* A widget has something to snapshot once a frame has drawn it. */
static void
wait_for_paint (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (f->window);
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;
  guint paints = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &paints);

  gtk_widget_queue_draw (f->window);
  while (paints < 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *dir = g_getenv ("AISLE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;

  wait_for_paint (f);
  width = gtk_widget_get_width (GTK_WIDGET (f->pad));
  height = gtk_widget_get_height (GTK_WIDGET (f->pad));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->pad));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/pin-pad-%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
note_unlocked (AislePinPad *pad G_GNUC_UNUSED,
               Fixture     *f)
{
  f->unlocked++;
}

static void
note_cancel (AislePinPad *pad G_GNUC_UNUSED,
             Fixture     *f)
{
  f->cancelled++;
}

static void
note_pin_set (AislePinPad *pad G_GNUC_UNUSED,
              const char  *hash,
              Fixture     *f)
{
  g_free (f->new_hash);
  f->new_hash = g_strdup (hash);
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/aisle/Kiosk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  load_style ();

  f->backend = g_memory_settings_backend_new ();
  f->settings = g_settings_new_with_backend ("org.aisle.Kiosk", f->backend);
  f->guard = aisle_pin_guard_new (f->settings);
  f->now = G_GINT64_CONSTANT (1700000000) * SECOND;
  aisle_pin_guard_set_clock (f->guard, fake_clock, f);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1920, 1080);
  f->pad = AISLE_PIN_PAD (aisle_pin_pad_new ());
  aisle_pin_pad_set_guard (f->pad, f->guard);
  aisle_pin_pad_set_hash (f->pad, right_hash);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->pad));

  g_signal_connect (f->pad, "unlocked", G_CALLBACK (note_unlocked), f);
  g_signal_connect (f->pad, "cancel", G_CALLBACK (note_cancel), f);
  g_signal_connect (f->pad, "pin-set", G_CALLBACK (note_pin_set), f);

  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (is_drawn, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->guard);
  g_clear_object (&f->settings);
  g_clear_object (&f->backend);
  g_free (f->new_hash);
}

/* The message shown once a check or a hash has finished. */
static gboolean
is_not_busy (Fixture *f)
{
  return strcmp (message (f), "Checking…") != 0 && strcmp (message (f), "Saving…") != 0;
}

static gboolean
is_locked_on_screen (Fixture *f)
{
  return g_str_has_prefix (message (f), "Locked.");
}

static gboolean
has_new_hash (Fixture *f)
{
  return f->new_hash != NULL;
}

static void
submit_pin (Fixture    *f,
            const char *pin)
{
  type_on_keys (f, pin);
  press (f, "OK");
  wait_until (is_not_busy, f);
}

static void
test_setup_pin (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GAsyncResult) result = NULL;

  aisle_pin_pad_set_mode (f->pad, AISLE_PIN_PAD_MODE_SETUP);
  g_assert_cmpstr (title (f), ==, "Choose a staff PIN");
  g_assert_cmpstr (message (f), ==, "");
  save_screenshot (f, "setup");

  /* Too easy: refused, with a reason, and asked again. */
  submit_pin (f, "123456");
  g_assert_cmpstr (message (f), ==, "A PIN of consecutive digits is too easy to guess.");
  g_assert_cmpstr (title (f), ==, "Choose a staff PIN");
  g_assert_cmpstr (dots (f), ==, "");
  save_screenshot (f, "setup-refused");

  submit_pin (f, "4829");
  g_assert_cmpstr (message (f), ==, "A PIN has 6 to 12 digits.");

  /* Typed differently the second time: start over. */
  submit_pin (f, RIGHT_PIN);
  g_assert_cmpstr (title (f), ==, "Enter it again");
  g_assert_cmpstr (message (f), ==, "");
  submit_pin (f, WRONG_PIN);
  g_assert_cmpstr (title (f), ==, "Choose a staff PIN");
  g_assert_cmpstr (message (f), ==, "The two PINs were different. Choose a PIN again.");
  g_assert_null (f->new_hash);

  submit_pin (f, RIGHT_PIN);
  type_on_keys (f, RIGHT_PIN);
  assert_digits_not_shown (f, RIGHT_PIN);
  press (f, "OK");
  wait_until (has_new_hash, f);
  assert_digits_not_shown (f, RIGHT_PIN);

  g_assert_true (g_str_has_prefix (f->new_hash, "$argon2id$"));
  g_assert_null (strstr (f->new_hash, RIGHT_PIN));
  g_assert_cmpuint (f->unlocked, ==, 0);

  /* The hash opens the pad in VERIFY mode. */
  aisle_pin_pad_set_mode (f->pad, AISLE_PIN_PAD_MODE_VERIFY);
  aisle_pin_pad_set_hash (f->pad, f->new_hash);
  submit_pin (f, WRONG_PIN);
  g_assert_cmpuint (f->unlocked, ==, 0);
  submit_pin (f, RIGHT_PIN);
  g_assert_cmpuint (f->unlocked, ==, 1);
}

static void
test_verify_right_pin (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_cmpstr (title (f), ==, "Enter the staff PIN");
  save_screenshot (f, "verify");

  type_on_keys (f, RIGHT_PIN);
  g_assert_cmpstr (dots (f), ==, "●●●●●●");
  save_screenshot (f, "verify-typed");
  assert_digits_not_shown (f, RIGHT_PIN);

  press (f, "OK");
  /* The typed PIN is gone from the screen at once, while it is checked. */
  g_assert_cmpstr (dots (f), ==, "");
  wait_until (is_not_busy, f);
  g_assert_cmpuint (f->unlocked, ==, 1);
  g_assert_cmpstr (message (f), ==, "");
  g_assert_cmpuint (aisle_pin_guard_get_failures (f->guard), ==, 0);
}

static void
test_wrong_pin (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  submit_pin (f, WRONG_PIN);
  g_assert_cmpuint (f->unlocked, ==, 0);
  g_assert_cmpstr (message (f), ==, "Wrong PIN. 4 more tries before the pad locks.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_label_with_class (f, "pin-message")), "pin-error"));
  g_assert_cmpstr (dots (f), ==, "");
  save_screenshot (f, "wrong");
  assert_digits_not_shown (f, WRONG_PIN);

  submit_pin (f, "12");
  submit_pin (f, "000000000000");
  submit_pin (f, WRONG_PIN);
  g_assert_cmpstr (message (f), ==, "Wrong PIN. 1 more try before the pad locks.");

  submit_pin (f, RIGHT_PIN);
  g_assert_cmpuint (f->unlocked, ==, 1);
  g_assert_cmpuint (aisle_pin_guard_get_tries_left (f->guard), ==, 5);
}

static gboolean
shows_0_27 (Fixture *f)
{
  return g_strcmp0 (message (f), "Locked. Try again in 0:27") == 0;
}

static gboolean
is_open_on_screen (Fixture *f)
{
  return !is_locked_on_screen (f) && gtk_widget_get_sensitive (find_button (f, "5"));
}

static void
test_lockout_countdown (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  for (guint i = 0; i < 5; i++)
    submit_pin (f, WRONG_PIN);

  wait_until (is_locked_on_screen, f);
  g_assert_cmpstr (message (f), ==, "Locked. Try again in 0:30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_label_with_class (f, "pin-message")), "pin-locked"));
  save_screenshot (f, "locked");

  /* Keys do nothing while locked, but Cancel still leaves. */
  g_assert_false (gtk_widget_get_sensitive (find_button (f, "5")));
  g_assert_false (gtk_widget_get_sensitive (find_button (f, "OK")));
  g_assert_false (gtk_widget_get_sensitive (find_button (f, "Clear")));
  g_assert_true (gtk_widget_get_sensitive (find_button (f, "Cancel")));
  type_on_keys (f, RIGHT_PIN);
  g_assert_cmpstr (dots (f), ==, "");
  press (f, "Cancel");
  g_assert_cmpuint (f->cancelled, ==, 1);

  /* The countdown runs on its own, once a second. */
  f->now += 3 * SECOND;
  wait_until (shows_0_27, f);

  f->now += 27 * SECOND;
  wait_until (is_open_on_screen, f);
  g_assert_cmpstr (message (f), ==, "");

  /* The next wrong PIN locks for twice as long. */
  submit_pin (f, WRONG_PIN);
  wait_until (is_locked_on_screen, f);
  g_assert_cmpstr (message (f), ==, "Locked. Try again in 1:00");

  f->now += 60 * SECOND;
  wait_until (is_open_on_screen, f);
  submit_pin (f, RIGHT_PIN);
  g_assert_cmpuint (f->unlocked, ==, 1);
}

/* A kiosk restarted during a lock shows the lock as soon as the pad is up. */
static void
test_lock_survives_restart (Fixture       *f,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(AislePinGuard) restarted = NULL;
  GtkWidget *pad;

  for (guint i = 0; i < 5; i++)
    aisle_pin_guard_record (f->guard, FALSE);
  f->now += 10 * SECOND;

  restarted = aisle_pin_guard_new (f->settings);
  aisle_pin_guard_set_clock (restarted, fake_clock, f);
  pad = aisle_pin_pad_new ();
  aisle_pin_pad_set_guard (AISLE_PIN_PAD (pad), restarted);
  gtk_window_set_child (GTK_WINDOW (f->window), pad);
  f->pad = AISLE_PIN_PAD (pad);
  wait_until (is_drawn, f);

  g_assert_cmpstr (message (f), ==, "Locked. Try again in 0:20");
  g_assert_false (gtk_widget_get_sensitive (find_button (f, "5")));
}

static void
note_guard_log (const char     *domain G_GNUC_UNUSED,
                GLogLevelFlags  level G_GNUC_UNUSED,
                const char     *text,
                gpointer        user_data)
{
  guint *not_checked = user_data;

  if (strstr (text, "not checked") != NULL)
    (*not_checked)++;
}

static guint not_checked;

static gboolean
saw_not_checked (Fixture *f G_GNUC_UNUSED)
{
  return not_checked > 0;
}

/* A right PIN whose check ends after the pad locked (five wrong PINs typed
 * meanwhile, e.g. on a reset pad) does not open it. */
static void
test_lock_during_check (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  guint handler = g_log_set_handler ("aisle-pin-guard", G_LOG_LEVEL_MESSAGE, note_guard_log, &not_checked);

  not_checked = 0;
  type_on_keys (f, RIGHT_PIN);
  press (f, "OK");
  for (guint i = 0; i < 5; i++)
    aisle_pin_guard_record (f->guard, FALSE);

  wait_until (saw_not_checked, f);
  g_log_remove_handler ("aisle-pin-guard", handler);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (f->unlocked, ==, 0);
  g_assert_cmpstr (message (f), ==, "Locked. Try again in 0:30");
}

static GtkEventController *
key_controller (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->pad));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }

  g_error ("The pad does not listen to the keyboard");
}

static gboolean
send_key (Fixture *f,
          guint    keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (key_controller (f), "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static gboolean
is_unlocked (Fixture *f)
{
  return f->unlocked > 0;
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  static const guint right[] = { GDK_KEY_4, GDK_KEY_KP_8, GDK_KEY_2, GDK_KEY_KP_9, GDK_KEY_1, GDK_KEY_3 };

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->pad)));

  g_assert_true (send_key (f, GDK_KEY_7));
  g_assert_true (send_key (f, GDK_KEY_KP_7));
  g_assert_cmpstr (dots (f), ==, "●●");
  g_assert_true (send_key (f, GDK_KEY_BackSpace));
  g_assert_true (send_key (f, GDK_KEY_BackSpace));
  g_assert_true (send_key (f, GDK_KEY_BackSpace));
  g_assert_cmpstr (dots (f), ==, "");
  g_assert_false (send_key (f, GDK_KEY_a));

  for (guint i = 0; i < G_N_ELEMENTS (right); i++)
    g_assert_true (send_key (f, right[i]));
  assert_digits_not_shown (f, RIGHT_PIN);
  g_assert_true (send_key (f, GDK_KEY_KP_Enter));
  wait_until (is_unlocked, f);

  g_assert_true (send_key (f, GDK_KEY_Escape));
  g_assert_cmpuint (f->cancelled, ==, 1);
}

static void
test_clear_and_limit (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  type_on_keys (f, "48");
  press (f, "Clear");
  g_assert_cmpstr (dots (f), ==, "●");
  press (f, "Clear");
  press (f, "Clear");
  g_assert_cmpstr (dots (f), ==, "");

  /* OK with nothing typed is no attempt. */
  press (f, "OK");
  g_assert_cmpstr (message (f), ==, "");
  g_assert_cmpuint (aisle_pin_guard_get_failures (f->guard), ==, 0);

  type_on_keys (f, "1234567890123456");
  g_assert_cmpstr (dots (f), ==, "●●●●●●●●●●●●");
}

static gboolean
has_one_failure (Fixture *f)
{
  return aisle_pin_guard_get_failures (f->guard) == 1;
}

static void
test_reset (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  type_on_keys (f, RIGHT_PIN);
  aisle_pin_pad_reset (f->pad);
  g_assert_cmpstr (dots (f), ==, "");

  /* Reset during a check (Cancel, or the pad hidden): the attempt still
   * counts, or Cancel would be a way to try PINs for free. */
  type_on_keys (f, WRONG_PIN);
  press (f, "OK");
  aisle_pin_pad_reset (f->pad);
  g_assert_cmpstr (message (f), ==, "");
  wait_until (has_one_failure, f);
  g_assert_cmpstr (message (f), ==, "");
  g_assert_cmpuint (f->unlocked, ==, 0);

  aisle_pin_pad_set_mode (f->pad, AISLE_PIN_PAD_MODE_SETUP);
  submit_pin (f, RIGHT_PIN);
  g_assert_cmpstr (title (f), ==, "Enter it again");
  aisle_pin_pad_reset (f->pad);
  g_assert_cmpstr (title (f), ==, "Choose a staff PIN");

  aisle_pin_pad_set_title (f->pad, "Choose a new staff PIN");
  g_assert_cmpstr (title (f), ==, "Choose a new staff PIN");
  aisle_pin_pad_set_mode (f->pad, AISLE_PIN_PAD_MODE_VERIFY);
  g_assert_cmpstr (title (f), ==, "Enter the staff PIN");
}

static gboolean
has_label (GtkWidget  *widget,
           const char *label)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

static void
test_keys_for_fingers (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const keys[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
                                       "Clear", "OK", "Cancel", NULL };
  g_autoptr(GPtrArray) buttons = all_of (f, GTK_TYPE_BUTTON);

  g_assert_cmpuint (buttons->len, ==, g_strv_length ((char **)keys));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *key = find_button (f, keys[i]);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (key, GTK_WIDGET (f->pad), &bounds));
      if (bounds.size.width < KEY_MIN_SIZE || bounds.size.height < KEY_MIN_SIZE)
        g_error ("The key “%s” is %g×%g px", keys[i], bounds.size.width, bounds.size.height);
      g_assert_true (gtk_widget_get_focusable (key));
      g_assert_true (has_label (key, keys[i]));
    }

  type_on_keys (f, "482");
  g_assert_true (has_label (GTK_WIDGET (find_label_with_class (f, "pin-dots")), "3 digits typed"));
}

static void
hash_ready (GObject      *source G_GNUC_UNUSED,
            GAsyncResult *result,
            gpointer      user_data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  right_hash = aisle_pin_hash_finish (result, &error);
  g_assert_no_error (error);
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  aisle_pin_hash_async (RIGHT_PIN, NULL, hash_ready, NULL);
  while (right_hash == NULL)
    g_main_context_iteration (NULL, TRUE);

  add_test ("/pin-pad/setup", test_setup_pin);
  add_test ("/pin-pad/verify/right-pin", test_verify_right_pin);
  add_test ("/pin-pad/verify/wrong-pin", test_wrong_pin);
  add_test ("/pin-pad/verify/lockout-countdown", test_lockout_countdown);
  add_test ("/pin-pad/verify/lock-survives-restart", test_lock_survives_restart);
  add_test ("/pin-pad/verify/lock-during-check", test_lock_during_check);
  add_test ("/pin-pad/keyboard", test_keyboard);
  add_test ("/pin-pad/clear-and-limit", test_clear_and_limit);
  add_test ("/pin-pad/reset", test_reset);
  add_test ("/pin-pad/keys-for-fingers", test_keys_for_fingers);

  return g_test_run ();
}
