/* aisle-keyboard.c: the on-screen keyboard's key tables and how keys edit the target
 *
 * Keys are plain buttons bound to this widget's own "keyboard.*" actions, so a
 * key only names what it does; the actions edit the target through the
 * GtkEditable interface, which works for GtkEntry, GtkSearchEntry and GtkText.
 */
#define G_LOG_DOMAIN "aisle-keyboard"

#include "aisle-keyboard.h"

#include <glib/gi18n.h>
#include <string.h>

/* Every key is at least this big: a fingertip on a store's touch screen. */
#define KEY_MIN_SIZE 64
#define KEY_SPACING  8

/* Key widths are in half keys, and every half key is two grid columns. A row's
 * spare width is then always an even number of columns, so it splits evenly
 * to the left and right and every row is exactly centred. */
#define COLUMNS_PER_HALF_KEY 2
#define LETTER_HALF_KEYS     2

#define MAX_ROWS 6

typedef struct
{
  const char *token;      /* how the key is written in a row of a table */
  const char *label;      /* what the key shows; NULL shows the name */
  const char *name;       /* what assistive technologies read */
  const char *action;
  guint       half_keys;
  const char *css_class;  /* besides "key" and "key-special" */
} SpecialKey;

static const SpecialKey special_keys[] = {
  { "{shift}",     "⇧",   N_("Shift"),               "keyboard.shift",     3,  NULL },
  { "{backspace}", "⌫",   N_("Backspace"),           "keyboard.backspace", 3,  NULL },
  { "{enter}",     "⏎",   N_("Enter"),               "keyboard.enter",     4,  "key-enter" },
  { "{space}",     "",    N_("Space"),               "keyboard.space",     10, "key-space" },
  /* Translators: the key that empties the whole text field */
  { "{clear}",     NULL,  N_("Clear"),               "keyboard.clear",     3,  NULL },
  { "{symbols}",   "123", N_("Numbers and symbols"), "keyboard.symbols",   3,  NULL },
  { "{letters}",   "ABC", N_("Letters"),             "keyboard.letters",   3,  NULL },
};

typedef struct
{
  const char *name;
  const char *rows[MAX_ROWS];  /* NULL-terminated; keys separated by spaces */
} KeyLayout;

/* The bottom rows of both pages have the same shape, so the key that
 * switches pages stays under the finger. "@" and "." are on the letters page
 * too because customers type e-mail addresses for delivery and order updates. */
#define LETTERS_BOTTOM_ROW "{clear} {symbols} @ {space} . {enter}"
#define SYMBOLS_BOTTOM_ROW "{clear} {letters} @ {space} . {enter}"

/* The first layout is the fallback for unknown names. Accented letters get
 * their own keys because a customer at a kiosk will not discover long presses. */
static const KeyLayout layouts[] = {
  { "en", { "q w e r t y u i o p {backspace}",
            "a s d f g h j k l '",
            "{shift} z x c v b n m - {shift}",
            LETTERS_BOTTOM_ROW,
            NULL } },
  { "it", { "à è é ì ò ù",
            "q w e r t y u i o p {backspace}",
            "a s d f g h j k l '",
            "{shift} z x c v b n m - {shift}",
            LETTERS_BOTTOM_ROW,
            NULL } },
  { "de", { "q w e r t z u i o p ü {backspace}",
            "a s d f g h j k l ö ä",
            "{shift} y x c v b n m ß - {shift}",
            LETTERS_BOTTOM_ROW,
            NULL } },
  { "es", { "á é í ó ú ü",
            "q w e r t y u i o p {backspace}",
            "a s d f g h j k l ñ",
            "{shift} z x c v b n m - {shift}",
            LETTERS_BOTTOM_ROW,
            NULL } },
};

/* One page for every layout: article numbers are typed as 104.233.67. */
static const char * const symbol_rows[MAX_ROWS] = {
  "1 2 3 4 5 6 7 8 9 0 {backspace}",
  "- _ / & ' , : ; ( )",
  "+ # * % ! ? ¡ ¿",
  SYMBOLS_BOTTOM_ROW,
  NULL
};

struct _AisleKeyboard
{
  GtkWidget          parent_instance;

  GtkStack          *pages;
  GtkWidget         *letters_page;
  GtkWidget         *symbols_page;

  GtkEditable       *target;  /* weak: the entry belongs to its page */
  const KeyLayout   *layout;
  guint              shifted : 1;
};

G_DEFINE_FINAL_TYPE (AisleKeyboard, aisle_keyboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The widest row of all pages of all layouts, in grid columns: every page is
 * as wide as the widest, so switching layout or page never resizes keys. */
static guint max_columns;

static const SpecialKey *
find_special_key (const char *token)
{
  if (token[0] != '{' || token[1] == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (special_keys); i++)
    if (g_str_equal (token, special_keys[i].token))
      return &special_keys[i];

  g_critical ("Unknown key %s in a keyboard table", token);
  return NULL;
}

static guint
token_columns (const char *token)
{
  const SpecialKey *special = find_special_key (token);
  guint half_keys = special != NULL ? special->half_keys : LETTER_HALF_KEYS;

  return half_keys * COLUMNS_PER_HALF_KEY;
}

static guint
row_columns (const char * const *tokens)
{
  guint columns = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    if (tokens[i][0] != '\0')
      columns += token_columns (tokens[i]);

  return columns;
}

static guint
rows_max_columns (const char * const *rows)
{
  guint columns = 0;

  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) tokens = g_strsplit (rows[r], " ", -1);

      columns = MAX (columns, row_columns ((const char * const *) tokens));
    }

  return columns;
}

static guint
compute_max_columns (void)
{
  guint columns = rows_max_columns (symbol_rows);

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    columns = MAX (columns, rows_max_columns (layouts[i].rows));

  return columns;
}

static const KeyLayout *
find_layout (const char *name)
{
  if (name == NULL)
    return &layouts[0];

  /* A locale such as "de_AT.UTF-8" or a tag such as "it-CH" picks its
   * language's layout. */
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      gsize len = strlen (layouts[i].name);

      if (strncmp (name, layouts[i].name, len) == 0 &&
          strchr ("_-.@", name[len]) != NULL)
        return &layouts[i];
    }

  return &layouts[0];
}

/* Simple case mapping, one character at a time, keeps ß a single ß where
 * g_utf8_strup() would turn it into "SS". */
static char *
key_text_for_case (const char *text,
                   gboolean    upper)
{
  GString *s;

  if (!upper)
    return g_strdup (text);

  s = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (s, g_unichar_toupper (g_utf8_get_char (p)));

  return g_string_free (s, FALSE);
}

static void
set_key_label (GtkWidget  *key,
               const char *label,
               const char *name)
{
  gtk_button_set_label (GTK_BUTTON (key), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (key),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* Character keys start in lower case; update_letter_keys() applies Shift. */
static GtkWidget *
create_key (const char *token)
{
  const SpecialKey *special = find_special_key (token);
  GtkWidget *key = gtk_button_new ();

  /* The target keeps the focus, and with it its cursor and selection. */
  gtk_widget_set_focusable (key, FALSE);
  gtk_widget_set_focus_on_click (key, FALSE);
  gtk_widget_set_size_request (key, KEY_MIN_SIZE, KEY_MIN_SIZE);
  gtk_widget_add_css_class (key, "key");

  if (special != NULL)
    {
      const char *name = _(special->name);

      set_key_label (key, special->label != NULL ? special->label : name, name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (key), special->action);
      gtk_widget_add_css_class (key, "key-special");
      if (special->css_class != NULL)
        gtk_widget_add_css_class (key, special->css_class);
    }
  else
    {
      set_key_label (key, token, token);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (key), "keyboard.insert");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (key), "s", token);
    }

  return key;
}

static void
add_row (GtkGrid    *page,
         int         row,
         const char *spec)
{
  g_auto(GStrv) tokens = g_strsplit (spec, " ", -1);
  guint columns = row_columns ((const char * const *) tokens);
  int column = (max_columns - columns) / 2;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      int width;

      if (tokens[i][0] == '\0')
        continue;

      width = token_columns (tokens[i]);
      gtk_grid_attach (page, create_key (tokens[i]), column, row, width, 1);
      column += width;
    }
}

static GtkWidget *
create_page (const char * const *rows)
{
  GtkGrid *page = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_row_spacing (page, KEY_SPACING);
  gtk_grid_set_column_spacing (page, KEY_SPACING);
  gtk_grid_set_row_homogeneous (page, TRUE);
  gtk_grid_set_column_homogeneous (page, TRUE);
  /* Keys keep their proportions whatever space the keyboard is given; the
   * stylesheet sets how big they are. Pages sit at the bottom so the bottom
   * rows, with the page key, line up on pages with fewer rows. */
  gtk_widget_set_halign (GTK_WIDGET (page), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (page), GTK_ALIGN_END);

  for (int r = 0; rows[r] != NULL; r++)
    add_row (page, r, rows[r]);

  return GTK_WIDGET (page);
}

/* Shift changes only labels: the buttons stay, so typing never rebuilds. */
static void
update_letter_keys (AisleKeyboard *self)
{
  for (GtkWidget *key = gtk_widget_get_first_child (self->letters_page);
       key != NULL;
       key = gtk_widget_get_next_sibling (key))
    {
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (key));

      if (g_strcmp0 (action, "keyboard.insert") == 0)
        {
          GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (key));
          g_autofree char *text = key_text_for_case (g_variant_get_string (value, NULL),
                                                     self->shifted);

          if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (key)), text) != 0)
            set_key_label (key, text, text);
        }
      else if (g_strcmp0 (action, "keyboard.shift") == 0)
        {
          if (self->shifted)
            gtk_widget_set_state_flags (key, GTK_STATE_FLAG_CHECKED, FALSE);
          else
            gtk_widget_unset_state_flags (key, GTK_STATE_FLAG_CHECKED);
          gtk_accessible_update_state (GTK_ACCESSIBLE (key),
                                       GTK_ACCESSIBLE_STATE_PRESSED,
                                       self->shifted ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                       -1);
        }
    }
}

static void
set_shifted (AisleKeyboard *self,
             gboolean       shifted)
{
  if (self->shifted == !!shifted)
    return;

  self->shifted = !!shifted;
  update_letter_keys (self);
}

static void
rebuild_letters_page (AisleKeyboard *self)
{
  gboolean on_letters = self->letters_page == NULL ||
                        gtk_stack_get_visible_child (self->pages) == self->letters_page;

  if (self->letters_page != NULL)
    gtk_stack_remove (self->pages, self->letters_page);

  self->shifted = FALSE;
  self->letters_page = create_page (self->layout->rows);
  gtk_stack_add_child (self->pages, self->letters_page);
  update_letter_keys (self);

  if (on_letters)
    gtk_stack_set_visible_child (self->pages, self->letters_page);
}

/* Returns the target if keys may change its text. */
static GtkEditable *
get_editable_target (AisleKeyboard *self)
{
  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return NULL;

  return self->target;
}

static void
insert_text (AisleKeyboard *self,
             const char    *text)
{
  GtkEditable *target = get_editable_target (self);
  int start, end, position;

  if (target == NULL)
    return;

  if (gtk_editable_get_selection_bounds (target, &start, &end))
    {
      gtk_editable_delete_text (target, start, end);
      position = start;
    }
  else
    {
      position = gtk_editable_get_position (target);
    }

  gtk_editable_insert_text (target, text, -1, &position);
  gtk_editable_set_position (target, position);
}

static void
keyboard_insert (GtkWidget  *widget,
                 const char *action_name G_GNUC_UNUSED,
                 GVariant   *parameter)
{
  AisleKeyboard *self = AISLE_KEYBOARD (widget);
  g_autofree char *text = NULL;

  if (get_editable_target (self) == NULL)
    return;

  text = key_text_for_case (g_variant_get_string (parameter, NULL), self->shifted);
  insert_text (self, text);
  set_shifted (self, FALSE);
}

static void
keyboard_space (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *parameter G_GNUC_UNUSED)
{
  AisleKeyboard *self = AISLE_KEYBOARD (widget);

  insert_text (self, " ");
}

static void
keyboard_backspace (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter G_GNUC_UNUSED)
{
  GtkEditable *target = get_editable_target (AISLE_KEYBOARD (widget));
  int start, end;

  if (target == NULL)
    return;

  if (gtk_editable_get_selection_bounds (target, &start, &end))
    {
      gtk_editable_delete_text (target, start, end);
      gtk_editable_set_position (target, start);
      return;
    }

  /* Positions count characters, not bytes: "ß" goes in one press. */
  end = gtk_editable_get_position (target);
  if (end > 0)
    {
      gtk_editable_delete_text (target, end - 1, end);
      gtk_editable_set_position (target, end - 1);
    }
}

static void
keyboard_clear (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *parameter G_GNUC_UNUSED)
{
  GtkEditable *target = get_editable_target (AISLE_KEYBOARD (widget));

  if (target != NULL)
    gtk_editable_delete_text (target, 0, -1);
}

static void
keyboard_enter (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *parameter G_GNUC_UNUSED)
{
  AisleKeyboard *self = AISLE_KEYBOARD (widget);
  GtkEditable *editable = self->target;
  GtkEditable *delegate;

  if (editable == NULL)
    return;

  /* GtkEntry, GtkSearchEntry, GtkPasswordEntry and GtkSpinButton wrap a
   * GtkText and re-emit its ::activate as their own. GTK 4.8 gives none of
   * them an activate_signal, so gtk_widget_activate() would do nothing;
   * emitting the GtkText's keybinding signal is exactly what the Return key
   * does, activates-default included. */
  while (!GTK_IS_TEXT (editable) &&
         (delegate = gtk_editable_get_delegate (editable)) != NULL)
    editable = delegate;

  if (GTK_IS_TEXT (editable))
    g_signal_emit_by_name (editable, "activate");
  else if (g_signal_lookup ("activate", G_OBJECT_TYPE (self->target)) != 0)
    g_signal_emit_by_name (self->target, "activate");
  else
    gtk_widget_activate (GTK_WIDGET (self->target));
}

static void
keyboard_shift (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *parameter G_GNUC_UNUSED)
{
  AisleKeyboard *self = AISLE_KEYBOARD (widget);

  /* Nothing to type into: a latched Shift would only surprise later. */
  if (get_editable_target (self) == NULL)
    return;

  set_shifted (self, !self->shifted);
}

/* Pages are switched, never rebuilt: the key that was pressed stays alive
 * while its click is still being handled. */
static void
keyboard_symbols (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *parameter G_GNUC_UNUSED)
{
  AisleKeyboard *self = AISLE_KEYBOARD (widget);

  set_shifted (self, FALSE);
  gtk_stack_set_visible_child (self->pages, self->symbols_page);
}

static void
keyboard_letters (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *parameter G_GNUC_UNUSED)
{
  AisleKeyboard *self = AISLE_KEYBOARD (widget);

  gtk_stack_set_visible_child (self->pages, self->letters_page);
}

static void
target_weak_notify (gpointer  data,
                    GObject  *where_the_object_was G_GNUC_UNUSED)
{
  AisleKeyboard *self = data;

  self->target = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

static void
aisle_keyboard_dispose (GObject *object)
{
  AisleKeyboard *self = AISLE_KEYBOARD (object);

  if (self->target != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->target), target_weak_notify, self);
      self->target = NULL;
    }

  if (self->pages != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->pages));
      self->pages = NULL;
    }
  self->letters_page = NULL;
  self->symbols_page = NULL;

  G_OBJECT_CLASS (aisle_keyboard_parent_class)->dispose (object);
}

static void
aisle_keyboard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AisleKeyboard *self = AISLE_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    case PROP_LAYOUT:
      g_value_set_string (value, self->layout->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_keyboard_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AisleKeyboard *self = AISLE_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      aisle_keyboard_set_target (self, g_value_get_object (value));
      break;

    case PROP_LAYOUT:
      aisle_keyboard_set_layout (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_keyboard_class_init (AisleKeyboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_keyboard_dispose;
  object_class->get_property = aisle_keyboard_get_property;
  object_class->set_property = aisle_keyboard_set_property;

  /**
   * AisleKeyboard:target:
   *
   * The editable that keys type into. Held weakly: when it is destroyed the
   * property becomes %NULL and keys do nothing.
   */
  properties[PROP_TARGET] =
    g_param_spec_object ("target", "Target", "The editable that keys type into",
                         GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AisleKeyboard:layout:
   *
   * The key layout: "en", "it", "de" or "es". Other names give "en".
   */
  properties[PROP_LAYOUT] =
    g_param_spec_string ("layout", "Layout", "The key layout",
                         "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "keyboard.insert", "s", keyboard_insert);
  gtk_widget_class_install_action (widget_class, "keyboard.space", NULL, keyboard_space);
  gtk_widget_class_install_action (widget_class, "keyboard.backspace", NULL, keyboard_backspace);
  gtk_widget_class_install_action (widget_class, "keyboard.clear", NULL, keyboard_clear);
  gtk_widget_class_install_action (widget_class, "keyboard.enter", NULL, keyboard_enter);
  gtk_widget_class_install_action (widget_class, "keyboard.shift", NULL, keyboard_shift);
  gtk_widget_class_install_action (widget_class, "keyboard.symbols", NULL, keyboard_symbols);
  gtk_widget_class_install_action (widget_class, "keyboard.letters", NULL, keyboard_letters);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aisle-keyboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  max_columns = compute_max_columns ();
}

static void
aisle_keyboard_init (AisleKeyboard *self)
{
  /* A stack measures all its pages, so the keyboard keeps its size when
   * "123" shows a page with fewer rows. */
  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->pages, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_widget_set_parent (GTK_WIDGET (self->pages), GTK_WIDGET (self));

  self->layout = &layouts[0];
  self->symbols_page = create_page (symbol_rows);
  gtk_stack_add_child (self->pages, self->symbols_page);
  rebuild_letters_page (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keyboard"),
                                  -1);
}

GtkWidget *
aisle_keyboard_new (void)
{
  return g_object_new (AISLE_TYPE_KEYBOARD, NULL);
}

/**
 * aisle_keyboard_get_target:
 *
 * Returns: (transfer none) (nullable): the editable keys type into
 */
GtkEditable *
aisle_keyboard_get_target (AisleKeyboard *self)
{
  g_return_val_if_fail (AISLE_IS_KEYBOARD (self), NULL);

  return self->target;
}

/**
 * aisle_keyboard_set_target:
 * @target: (nullable): the editable keys type into
 *
 * Keys insert at @target's cursor, replacing its selection. The keyboard
 * never takes the focus, so @target keeps its cursor while keys are pressed.
 */
void
aisle_keyboard_set_target (AisleKeyboard *self,
                           GtkEditable   *target)
{
  g_return_if_fail (AISLE_IS_KEYBOARD (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (self->target == target)
    return;

  if (self->target != NULL)
    g_object_weak_unref (G_OBJECT (self->target), target_weak_notify, self);

  self->target = target;

  if (self->target != NULL)
    g_object_weak_ref (G_OBJECT (self->target), target_weak_notify, self);

  /* A Shift pressed for one field must not capitalise the next one. */
  set_shifted (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char *
aisle_keyboard_get_layout (AisleKeyboard *self)
{
  g_return_val_if_fail (AISLE_IS_KEYBOARD (self), NULL);

  return self->layout->name;
}

/**
 * aisle_keyboard_set_layout:
 * @layout: (nullable): "en", "it", "de" or "es"; a locale such as "de_AT"
 *   picks its language; anything else gives "en"
 */
void
aisle_keyboard_set_layout (AisleKeyboard *self,
                           const char    *layout)
{
  const KeyLayout *found;

  g_return_if_fail (AISLE_IS_KEYBOARD (self));

  found = find_layout (layout);
  if (found == self->layout)
    return;

  self->layout = found;
  rebuild_letters_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}
