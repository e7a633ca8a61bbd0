/* aisle-fixed-label.c: text in a fixed number of lines, cheap to change
 *
 * A search keystroke gives a few dozen product tiles new names. A GtkLabel
 * that wraps answers every size question GTK 4.8 asks by laying its text out
 * again, and Pango shapes the whole text on every layout: most of a
 * keystroke's frame went there. This label is always @lines lines high,
 * whatever its text, and takes the width it is given, so new text never
 * changes its size: it is laid out once, at its width, when it is drawn.
 * Text that does not fit ends in "…". Font and colour come from CSS.
 */
#define G_LOG_DOMAIN "aisle-fixed-label"

#include "config.h"

#include "aisle-fixed-label.h"

struct _AisleFixedLabel
{
  GtkWidget    parent_instance;

  char        *text;
  guint        lines;
  PangoLayout *layout;        /* NULL until drawn at the current width and style */
  int          line_height;   /* 0: not measured since the style changed */
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Line heights by font: a tile moved into the grid gets its styles anew,
 * and measuring a probe text for each of its labels again cost a few
 * milliseconds of a keystroke that brings back many tiles. */
static GHashTable *line_heights;

G_DEFINE_FINAL_TYPE (AisleFixedLabel, aisle_fixed_label, GTK_TYPE_WIDGET)

static int
get_line_height (AisleFixedLabel *self)
{
  if (self->line_height == 0)
    {
      const PangoFontDescription *font;
      gpointer known;

      font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
      if ((known = g_hash_table_lookup (line_heights, font)) != NULL)
        self->line_height = GPOINTER_TO_INT (known);
      else
        {
          /* What one line of this font takes in a layout, accents and
           * descenders included. */
          g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "ÁÅgjy");
          int height = 0;

          pango_layout_get_pixel_size (probe, NULL, &height);
          self->line_height = MAX (height, 1);
          g_hash_table_insert (line_heights, pango_font_description_copy (font), GINT_TO_POINTER (self->line_height));
        }
    }
  return self->line_height;
}

static void
forget_layout (AisleFixedLabel *self)
{
  g_clear_object (&self->layout);
}

static void
aisle_fixed_label_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AisleFixedLabel *self = AISLE_FIXED_LABEL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = (int) self->lines * get_line_height (self);
}

static void
aisle_fixed_label_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AisleFixedLabel *self = AISLE_FIXED_LABEL (widget);

  if (self->layout != NULL && pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    forget_layout (self);
}

static void
aisle_fixed_label_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AisleFixedLabel *self = AISLE_FIXED_LABEL (widget);
  int width = gtk_widget_get_width (widget);

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      /* Negative: at most this many lines. */
      pango_layout_set_height (self->layout, -(int) self->lines);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, 0, self->layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
aisle_fixed_label_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  AisleFixedLabel *self = AISLE_FIXED_LABEL (widget);

  GTK_WIDGET_CLASS (aisle_fixed_label_parent_class)->css_changed (widget, change);

  /* The font may be another one now. */
  forget_layout (self);
  self->line_height = 0;
  gtk_widget_queue_resize (widget);
}

static void
aisle_fixed_label_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  AisleFixedLabel *self = AISLE_FIXED_LABEL (widget);

  GTK_WIDGET_CLASS (aisle_fixed_label_parent_class)->system_setting_changed (widget, setting);

  /* Another resolution or font configuration: every size is another. */
  g_hash_table_remove_all (line_heights);
  forget_layout (self);
  self->line_height = 0;
  gtk_widget_queue_resize (widget);
}

static void
aisle_fixed_label_finalize (GObject *object)
{
  AisleFixedLabel *self = (AisleFixedLabel *)object;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (aisle_fixed_label_parent_class)->finalize (object);
}

static void
aisle_fixed_label_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AisleFixedLabel *self = AISLE_FIXED_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LINES:
      g_value_set_uint (value, self->lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_fixed_label_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AisleFixedLabel *self = AISLE_FIXED_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      aisle_fixed_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_LINES:
      aisle_fixed_label_set_lines (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_fixed_label_class_init (AisleFixedLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = aisle_fixed_label_finalize;
  object_class->get_property = aisle_fixed_label_get_property;
  object_class->set_property = aisle_fixed_label_set_property;

  widget_class->measure = aisle_fixed_label_measure;
  widget_class->size_allocate = aisle_fixed_label_size_allocate;
  widget_class->snapshot = aisle_fixed_label_snapshot;
  widget_class->css_changed = aisle_fixed_label_css_changed;
  widget_class->system_setting_changed = aisle_fixed_label_system_setting_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
    g_param_spec_uint ("lines", NULL, NULL, 1, 10, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fixedlabel");

  line_heights = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                        (GEqualFunc) pango_font_description_equal,
                                        (GDestroyNotify) pango_font_description_free, NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
aisle_fixed_label_init (AisleFixedLabel *self)
{
  self->lines = 1;
}

GtkWidget *
aisle_fixed_label_new (void)
{
  return g_object_new (AISLE_TYPE_FIXED_LABEL, NULL);
}

void
aisle_fixed_label_set_text (AisleFixedLabel *self,
                            const char      *text)
{
  g_return_if_fail (AISLE_IS_FIXED_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  forget_layout (self);

  /* Tiles speak for their labels; a label on its own speaks for itself. */
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (self)) != GTK_ACCESSIBLE_ROLE_PRESENTATION)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    self->text ? self->text : "", -1);

  /* The same size: only a redraw. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
aisle_fixed_label_get_text (AisleFixedLabel *self)
{
  g_return_val_if_fail (AISLE_IS_FIXED_LABEL (self), NULL);

  return self->text ? self->text : "";
}

void
aisle_fixed_label_set_lines (AisleFixedLabel *self,
                             guint            lines)
{
  g_return_if_fail (AISLE_IS_FIXED_LABEL (self));
  g_return_if_fail (lines >= 1);

  if (self->lines == lines)
    return;

  self->lines = lines;
  forget_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES]);
}

guint
aisle_fixed_label_get_lines (AisleFixedLabel *self)
{
  g_return_val_if_fail (AISLE_IS_FIXED_LABEL (self), 0);

  return self->lines;
}
