/* test-keyboard.c: presses the on-screen keyboard's keys as a customer would
 * and checks what ends up in the entry, where the focus is and how big the
 * keys are on a 1920×1080 screen. */
#define G_LOG_DOMAIN "test-keyboard"

#include <gtk/gtk.h>

#include "aisle-keyboard.h"

#define KEY_MIN_SIZE 64
#define KEY_SPACING  8
#define WAIT_LIMIT_US (10 * G_USEC_PER_SEC)

typedef struct
{
  GtkWidget     *window;
  GtkWidget     *box;
  GtkWidget     *entry;
  GtkWidget     *search_entry;
  AisleKeyboard *keyboard;
  guint          entry_activations;
  guint          search_activations;
} Fixture;

static const char * const layout_names[] = { "en", "it", "de", "es" };

/* A key is on screen when it and every container up to the keyboard are
 * visible: the stack hides the other page with child-visible. */
static gboolean
key_is_shown (GtkWidget *key,
              GtkWidget *keyboard)
{
  for (GtkWidget *w = key; w != NULL && w != keyboard; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w))
      return FALSE;

  return TRUE;
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      else
        collect_buttons (child, buttons);
    }
}

/* The keys a customer sees right now. */
static GPtrArray *
shown_keys (Fixture *f)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *shown = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (f->keyboard), all);
  for (guint i = 0; i < all->len; i++)
    if (key_is_shown (all->pdata[i], GTK_WIDGET (f->keyboard)))
      g_ptr_array_add (shown, all->pdata[i]);

  return shown;
}

static gboolean
has_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 label);
  return mismatch == NULL;
}

static GtkWidget *
find_key (Fixture    *f,
          const char *label)
{
  g_autoptr(GPtrArray) keys = shown_keys (f);

  for (guint i = 0; i < keys->len; i++)
    {
      GtkWidget *key = keys->pdata[i];

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (key)), label) == 0 ||
          has_accessible_label (key, label))
        return key;
    }

  return NULL;
}

static void
press (Fixture    *f,
       const char *label)
{
  GtkWidget *key = find_key (f, label);

  if (key == NULL)
    g_error ("No key “%s” on the %s keyboard", label,
             aisle_keyboard_get_layout (f->keyboard));

  g_signal_emit_by_name (key, "clicked");
}

/* Presses the keys a person would: Shift before a capital, Space for a space. */
static void
type_string (Fixture    *f,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char key[8] = { 0 };

      if (c == ' ')
        {
          press (f, "Space");
          continue;
        }

      if (g_unichar_isupper (c))
        press (f, "Shift");

      g_unichar_to_utf8 (c, key);
      press (f, key);
    }
}

static const char *
entry_text (Fixture *f)
{
  return gtk_editable_get_text (GTK_EDITABLE (f->entry));
}

static gboolean
keys_are_allocated (Fixture *f)
{
  g_autoptr(GPtrArray) keys = shown_keys (f);

  if (!gtk_widget_get_mapped (GTK_WIDGET (f->keyboard)) || keys->len == 0)
    return FALSE;

  for (guint i = 0; i < keys->len; i++)
    if (!gtk_widget_get_mapped (keys->pdata[i]) || gtk_widget_get_width (keys->pdata[i]) == 0)
      return FALSE;

  return TRUE;
}

/* Runs the main loop until a frame has laid out the keys on screen. */
static void
wait_for_keys (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  /* One more frame after a page switch, so sizes are from the new page. */
  while (!keys_are_allocated (f) || g_main_context_pending (NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
wait_for_count (const guint *count,
                guint        expected)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  while (*count < expected)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpuint (*count, ==, expected);
}

static void
count_activation (GtkWidget *widget G_GNUC_UNUSED,
                  guint     *count)
{
  (*count)++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1920, 1080);

  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  f->entry = gtk_entry_new ();
  f->search_entry = gtk_search_entry_new ();
  f->keyboard = AISLE_KEYBOARD (aisle_keyboard_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (f->keyboard), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (f->keyboard), GTK_ALIGN_END);

  gtk_box_append (GTK_BOX (f->box), f->entry);
  gtk_box_append (GTK_BOX (f->box), f->search_entry);
  gtk_box_append (GTK_BOX (f->box), GTK_WIDGET (f->keyboard));
  gtk_window_set_child (GTK_WINDOW (f->window), f->box);

  g_signal_connect (f->entry, "activate", G_CALLBACK (count_activation), &f->entry_activations);
  g_signal_connect (f->search_entry, "activate", G_CALLBACK (count_activation), &f->search_activations);

  aisle_keyboard_set_target (f->keyboard, GTK_EDITABLE (f->entry));

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (f->entry);
  wait_for_keys (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_de_types_moebel (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  aisle_keyboard_set_layout (f->keyboard, "de");
  type_string (f, "Möbel");
  g_assert_cmpstr (entry_text (f), ==, "Möbel");
}

static void
test_it_types_accents (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  aisle_keyboard_set_layout (f->keyboard, "it");
  type_string (f, "Cuscìno perché");
  g_assert_cmpstr (entry_text (f), ==, "Cuscìno perché");
}

static void
test_es_types_senor (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  aisle_keyboard_set_layout (f->keyboard, "es");
  type_string (f, "Señor Núñez");
  g_assert_cmpstr (entry_text (f), ==, "Señor Núñez");
}

static void
test_shift_is_one_shot (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *a = find_key (f, "a");

  press (f, "Shift");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (a)), ==, "A");
  g_assert_true (has_accessible_label (a, "A"));
  g_assert_true (gtk_widget_get_state_flags (find_key (f, "Shift")) & GTK_STATE_FLAG_CHECKED);

  press (f, "A");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (a)), ==, "a");
  g_assert_false (gtk_widget_get_state_flags (find_key (f, "Shift")) & GTK_STATE_FLAG_CHECKED);
  press (f, "b");

  /* Pressing Shift again changes its mind. */
  press (f, "Shift");
  press (f, "Shift");
  press (f, "c");
  g_assert_cmpstr (entry_text (f), ==, "Abc");

  /* ß has no capital of its own on a German keyboard and stays one letter. */
  aisle_keyboard_set_layout (f->keyboard, "de");
  press (f, "Shift");
  press (f, "ß");
  g_assert_cmpstr (entry_text (f), ==, "Abcß");
}

static void
test_typing_keeps_keys (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) before = shown_keys (f);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *a = find_key (f, "a");

  type_string (f, "Sofa Ektorp");
  after = shown_keys (f);

  /* The same buttons, relabelled: nothing is rebuilt while typing. */
  g_assert_true (find_key (f, "a") == a);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (before->pdata[i] == after->pdata[i]);
}

static void
test_symbols_type_article_number (Fixture       *f,
                                  gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_nonnull (find_key (f, "q"));
  press (f, "Numbers and symbols");
  g_assert_null (find_key (f, "q"));
  g_assert_nonnull (find_key (f, "Letters"));

  type_string (f, "104.233.67");
  g_assert_cmpstr (entry_text (f), ==, "104.233.67");

  for (const char *s = "-.,'&/@"; *s != '\0'; s++)
    {
      char key[2] = { *s, '\0' };

      g_assert_nonnull (find_key (f, key));
    }
  g_assert_nonnull (find_key (f, "Space"));

  press (f, "Letters");
  g_assert_nonnull (find_key (f, "q"));
  g_assert_null (find_key (f, "1"));
}

static void
test_letters_type_email (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  type_string (f, "mario.rossi@example.it");
  g_assert_cmpstr (entry_text (f), ==, "mario.rossi@example.it");
}

static void
test_backspace_deletes_one_character (Fixture       *f,
                                      gconstpointer  data G_GNUC_UNUSED)
{
  aisle_keyboard_set_layout (f->keyboard, "de");
  type_string (f, "Straße");

  press (f, "Backspace");
  g_assert_cmpstr (entry_text (f), ==, "Straß");
  press (f, "Backspace");
  g_assert_cmpstr (entry_text (f), ==, "Stra");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (f->entry)), ==, 4);

  gtk_editable_set_text (GTK_EDITABLE (f->entry), "");
  press (f, "Backspace");
  g_assert_cmpstr (entry_text (f), ==, "");
}

static void
test_clear_empties (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  type_string (f, "Kallax");
  press (f, "Clear");
  g_assert_cmpstr (entry_text (f), ==, "");

  type_string (f, "Billy");
  g_assert_cmpstr (entry_text (f), ==, "Billy");
}

static void
test_inserts_at_cursor (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  GtkEditable *entry = GTK_EDITABLE (f->entry);

  aisle_keyboard_set_layout (f->keyboard, "de");
  gtk_editable_set_text (entry, "Mbel");
  gtk_editable_set_position (entry, 1);

  press (f, "ö");
  g_assert_cmpstr (entry_text (f), ==, "Möbel");
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 2);

  press (f, "Backspace");
  g_assert_cmpstr (entry_text (f), ==, "Mbel");
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 1);
}

static void
test_replaces_selection (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  GtkEditable *entry = GTK_EDITABLE (f->entry);

  aisle_keyboard_set_layout (f->keyboard, "it");
  gtk_editable_set_text (entry, "Divano rosso");
  gtk_editable_select_region (entry, 7, 12);

  type_string (f, "blu");
  g_assert_cmpstr (entry_text (f), ==, "Divano blu");
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 10);

  gtk_editable_select_region (entry, 0, 7);
  press (f, "Backspace");
  g_assert_cmpstr (entry_text (f), ==, "blu");
}

static void
test_enter_activates_target (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  type_string (f, "Hemnes");
  press (f, "Enter");
  g_assert_cmpuint (f->entry_activations, ==, 1);
  g_assert_cmpstr (entry_text (f), ==, "Hemnes");

  aisle_keyboard_set_target (f->keyboard, GTK_EDITABLE (f->search_entry));
  gtk_widget_grab_focus (f->search_entry);
  type_string (f, "Malm");
  press (f, "Enter");
  g_assert_cmpuint (f->search_activations, ==, 1);
  g_assert_cmpuint (f->entry_activations, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->search_entry)), ==, "Malm");
}

static void
test_enter_activates_default (Fixture       *f,
                              gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *ok = gtk_button_new_with_label ("OK");
  guint clicks = 0;

  /* A form's entry that "activates default" sends it with Enter, as with a
   * hardware Return key. */
  gtk_box_append (GTK_BOX (f->box), ok);
  g_signal_connect (ok, "clicked", G_CALLBACK (count_activation), &clicks);
  gtk_window_set_default_widget (GTK_WINDOW (f->window), ok);
  gtk_entry_set_activates_default (GTK_ENTRY (f->entry), TRUE);

  type_string (f, "Anna");
  press (f, "Enter");
  g_assert_cmpuint (f->entry_activations, ==, 1);

  /* An activated button shows itself pressed for a moment before ::clicked. */
  wait_for_count (&clicks, 1);
}

static gboolean
entry_has_focus (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == f->entry || gtk_widget_is_ancestor (focus, f->entry));
}

static void
test_focus_stays_in_entry (Fixture       *f,
                           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) keys = NULL;

  g_assert_true (entry_has_focus (f));

  aisle_keyboard_set_layout (f->keyboard, "de");
  type_string (f, "Poäng");
  press (f, "Numbers and symbols");
  type_string (f, "2");
  press (f, "Letters");
  press (f, "Backspace");
  press (f, "Clear");
  g_assert_true (entry_has_focus (f));

  keys = shown_keys (f);
  for (guint i = 0; i < keys->len; i++)
    {
      g_assert_false (gtk_widget_get_focusable (keys->pdata[i]));
      g_assert_false (gtk_widget_get_focus_on_click (keys->pdata[i]));
    }
}

static void
note_notify (GObject    *object G_GNUC_UNUSED,
             GParamSpec *pspec G_GNUC_UNUSED,
             guint      *count)
{
  (*count)++;
}

static void
test_destroyed_target (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *doomed = gtk_entry_new ();
  guint target_notifies = 0;

  gtk_box_prepend (GTK_BOX (f->box), doomed);
  aisle_keyboard_set_target (f->keyboard, GTK_EDITABLE (doomed));
  g_signal_connect (f->keyboard, "notify::target", G_CALLBACK (note_notify), &target_notifies);
  type_string (f, "Lack");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (doomed)), ==, "Lack");

  /* The box holds the only reference: removing the entry finalizes it. */
  gtk_box_remove (GTK_BOX (f->box), doomed);
  g_assert_null (aisle_keyboard_get_target (f->keyboard));
  g_assert_cmpuint (target_notifies, ==, 1);

  type_string (f, "ikea");
  press (f, "Shift");
  g_assert_nonnull (find_key (f, "a"));
  press (f, "Backspace");
  press (f, "Clear");
  press (f, "Enter");
  press (f, "Numbers and symbols");
  press (f, "7");
  press (f, "Letters");
  g_assert_cmpstr (entry_text (f), ==, "");
  g_assert_cmpuint (f->entry_activations, ==, 0);
}

static void
test_no_target_does_nothing (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  aisle_keyboard_set_target (f->keyboard, NULL);
  type_string (f, "tack");
  press (f, "Enter");
  press (f, "Clear");
  g_assert_cmpstr (entry_text (f), ==, "");

  /* A read-only field stays as it is too. */
  aisle_keyboard_set_target (f->keyboard, GTK_EDITABLE (f->entry));
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Fixed");
  gtk_editable_set_editable (GTK_EDITABLE (f->entry), FALSE);
  type_string (f, "x");
  press (f, "Backspace");
  press (f, "Clear");
  g_assert_cmpstr (entry_text (f), ==, "Fixed");
}

static void
test_layout_switch (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  guint layout_notifies = 0;

  g_assert_cmpstr (aisle_keyboard_get_layout (f->keyboard), ==, "en");
  g_signal_connect (f->keyboard, "notify::layout", G_CALLBACK (note_notify), &layout_notifies);

  aisle_keyboard_set_layout (f->keyboard, "de");
  g_assert_cmpuint (layout_notifies, ==, 1);
  g_assert_nonnull (find_key (f, "ß"));
  g_assert_nonnull (find_key (f, "z"));

  aisle_keyboard_set_layout (f->keyboard, "en");
  g_assert_cmpuint (layout_notifies, ==, 2);
  g_assert_null (find_key (f, "ß"));
  g_assert_null (find_key (f, "ü"));

  aisle_keyboard_set_layout (f->keyboard, "it");
  for (const char *p = "àèéìòù"; *p != '\0'; p = g_utf8_next_char (p))
    {
      char key[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), key);
      g_assert_nonnull (find_key (f, key));
    }

  aisle_keyboard_set_layout (f->keyboard, "es");
  g_assert_nonnull (find_key (f, "ñ"));

  aisle_keyboard_set_layout (f->keyboard, "klingon");
  g_assert_cmpstr (aisle_keyboard_get_layout (f->keyboard), ==, "en");
  aisle_keyboard_set_layout (f->keyboard, "de_AT.UTF-8");
  g_assert_cmpstr (aisle_keyboard_get_layout (f->keyboard), ==, "de");
  aisle_keyboard_set_layout (f->keyboard, NULL);
  g_assert_cmpstr (aisle_keyboard_get_layout (f->keyboard), ==, "en");

  g_object_set (f->keyboard, "layout", "es", NULL);
  g_assert_cmpstr (aisle_keyboard_get_layout (f->keyboard), ==, "es");
  g_assert_nonnull (find_key (f, "ñ"));
}

static void
assert_keys_labelled (Fixture            *f,
                      const char * const *names)
{
  g_autoptr(GPtrArray) keys = shown_keys (f);

  g_assert_cmpuint (keys->len, >, 30);
  for (guint i = 0; i < keys->len; i++)
    {
      GtkWidget *key = keys->pdata[i];

      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (key),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL) ||
          has_accessible_label (key, ""))
        g_error ("The key “%s” has no accessible label",
                 gtk_button_get_label (GTK_BUTTON (key)));
    }

  for (guint i = 0; names[i] != NULL; i++)
    if (find_key (f, names[i]) == NULL || !has_accessible_label (find_key (f, names[i]), names[i]))
      g_error ("No key is called “%s”", names[i]);
}

static void
test_accessible_labels (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const letters_page[] = {
    "Backspace", "Shift", "Space", "Clear", "Enter", "Numbers and symbols", NULL
  };
  static const char * const symbols_page[] = {
    "Backspace", "Space", "Clear", "Enter", "Letters", NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (layout_names); i++)
    {
      aisle_keyboard_set_layout (f->keyboard, layout_names[i]);
      assert_keys_labelled (f, letters_page);
      g_assert_true (has_accessible_label (find_key (f, "q"), "q"));

      press (f, "Numbers and symbols");
      assert_keys_labelled (f, symbols_page);
      press (f, "Letters");
    }
}

/* The border box: the button a finger sees. gtk_widget_get_width() would
 * leave out the padding. */
static graphene_rect_t
key_bounds (Fixture   *f,
            GtkWidget *key)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (key, GTK_WIDGET (f->keyboard), &bounds));
  return bounds;
}

/* Every key is a finger's size, keys are evenly spaced and every row is
 * centred under the others. */
static void
assert_key_geometry (Fixture *f)
{
  g_autoptr(GPtrArray) keys = NULL;
  float width;
  float row_y = -1, row_start = 0, row_end = 0;
  guint rows = 0;

  wait_for_keys (f);
  keys = shown_keys (f);
  width = gtk_widget_get_width (GTK_WIDGET (f->keyboard));

  /* Keys come row by row, left to right. */
  for (guint i = 0; i <= keys->len; i++)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, -2, 0, 0);

      if (i < keys->len)
        {
          bounds = key_bounds (f, keys->pdata[i]);
          g_assert_cmpfloat (bounds.size.width, >=, KEY_MIN_SIZE);
          g_assert_cmpfloat (bounds.size.height, >=, KEY_MIN_SIZE);
        }

      if (bounds.origin.y == row_y)
        {
          g_assert_cmpfloat_with_epsilon (bounds.origin.x - row_end, KEY_SPACING, 1);
          row_end = bounds.origin.x + bounds.size.width;
          continue;
        }

      if (row_y >= 0)
        g_assert_cmpfloat_with_epsilon (row_start, width - row_end, 4);

      rows++;
      row_y = bounds.origin.y;
      row_start = bounds.origin.x;
      row_end = bounds.origin.x + bounds.size.width;
    }

  g_assert_cmpuint (rows, >=, 1 + 4);
}

static void
test_key_sizes (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_cmpint (gtk_widget_get_width (f->window), ==, 1920);

  for (guint i = 0; i < G_N_ELEMENTS (layout_names); i++)
    {
      aisle_keyboard_set_layout (f->keyboard, layout_names[i]);
      assert_key_geometry (f);

      press (f, "Numbers and symbols");
      assert_key_geometry (f);
      press (f, "Letters");
    }
}

static void
test_css_classes (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) keys = shown_keys (f);

  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (f->keyboard)), ==, "aisle-keyboard");
  for (guint i = 0; i < keys->len; i++)
    g_assert_true (gtk_widget_has_css_class (keys->pdata[i], "key"));

  g_assert_false (gtk_widget_has_css_class (find_key (f, "q"), "key-special"));
  g_assert_true (gtk_widget_has_css_class (find_key (f, "Shift"), "key-special"));
  g_assert_true (gtk_widget_has_css_class (find_key (f, "Enter"), "key-enter"));
  g_assert_true (gtk_widget_has_css_class (find_key (f, "Space"), "key-space"));
  g_assert_cmpfloat (key_bounds (f, find_key (f, "Space")).size.width, >,
                     4 * key_bounds (f, find_key (f, "q")).size.width);
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  add_test ("/keyboard/layout/de-types-moebel", test_de_types_moebel);
  add_test ("/keyboard/layout/it-types-accents", test_it_types_accents);
  add_test ("/keyboard/layout/es-types-senor", test_es_types_senor);
  add_test ("/keyboard/layout/switch", test_layout_switch);
  add_test ("/keyboard/shift/one-shot", test_shift_is_one_shot);
  add_test ("/keyboard/typing-keeps-keys", test_typing_keeps_keys);
  add_test ("/keyboard/symbols/article-number", test_symbols_type_article_number);
  add_test ("/keyboard/letters/email", test_letters_type_email);
  add_test ("/keyboard/edit/backspace", test_backspace_deletes_one_character);
  add_test ("/keyboard/edit/clear", test_clear_empties);
  add_test ("/keyboard/edit/insert-at-cursor", test_inserts_at_cursor);
  add_test ("/keyboard/edit/replace-selection", test_replaces_selection);
  add_test ("/keyboard/enter/activates-target", test_enter_activates_target);
  add_test ("/keyboard/enter/activates-default", test_enter_activates_default);
  add_test ("/keyboard/focus/stays-in-entry", test_focus_stays_in_entry);
  add_test ("/keyboard/target/destroyed", test_destroyed_target);
  add_test ("/keyboard/target/none-or-read-only", test_no_target_does_nothing);
  add_test ("/keyboard/a11y/labels", test_accessible_labels);
  add_test ("/keyboard/geometry/key-sizes", test_key_sizes);
  add_test ("/keyboard/style/css-classes", test_css_classes);

  return g_test_run ();
}
