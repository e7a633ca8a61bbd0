/* aisle-return-chooser.c: what a shopper brings back from an online order, and why */
#define G_LOG_DOMAIN "aisle-collect"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-return-chooser.h"
#include "aisle-slip.h"
#include "aisle-widget-util.h"

struct _AisleReturnChooser
{
  GtkWidget               parent_instance;

  const AisleOnlineOrder *order;
  GArray                 *chosen;     /* guint per line of the order */
  GArray                 *allowed;    /* guint per line: how many may come back */
  int                     reason;     /* AisleReturnReason, or -1 */

  GtkBox                 *lines_box;
  GtkFlowBox             *reasons_box;
  GtkToggleButton        *reasons[AISLE_N_RETURN_REASONS];
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleReturnChooser, aisle_return_chooser, GTK_TYPE_WIDGET)

static const char *
why_not (AisleLineReturn why)
{
  switch (why)
    {
    case AISLE_LINE_ALL_RETURNED: return _("Already returned");
    case AISLE_LINE_WINDOW_OVER: return _("The time to return it is over");
    case AISLE_LINE_NOT_RETURNABLE:
    case AISLE_LINE_RETURNABLE:
    default: return _("Cannot be returned here");
    }
}

static void
update_row (AisleReturnChooser *self,
            guint               index,
            GtkWidget          *row)
{
  GtkWidget *minus = g_object_get_data (G_OBJECT (row), "aisle-minus");
  GtkWidget *plus = g_object_get_data (G_OBJECT (row), "aisle-plus");
  GtkWidget *count = g_object_get_data (G_OBJECT (row), "aisle-count");
  guint chosen = g_array_index (self->chosen, guint, index);
  g_autofree char *text = g_strdup_printf ("%u", chosen);

  gtk_label_set_text (GTK_LABEL (count), text);
  gtk_widget_set_sensitive (minus, chosen > 0);
  gtk_widget_set_sensitive (plus, chosen < g_array_index (self->allowed, guint, index));
}

static void
step_clicked (GtkButton          *button,
              AisleReturnChooser *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "aisle-row");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "aisle-line"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "aisle-delta"));
  guint *chosen = &g_array_index (self->chosen, guint, index);
  guint allowed = g_array_index (self->allowed, guint, index);

  if (delta < 0 && *chosen > 0)
    (*chosen)--;
  else if (delta > 0 && *chosen < allowed)
    (*chosen)++;
  update_row (self, index, row);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
step_button (AisleReturnChooser *self,
             GtkWidget          *row,
             const char         *text,
             const char         *a11y,
             int                 delta)
{
  GtkWidget *button = gtk_button_new_with_label (text);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "list-step");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (button), "aisle-row", row);
  g_object_set_data (G_OBJECT (button), "aisle-delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", G_CALLBACK (step_clicked), self, 0);
  return button;
}

/* "6 × SILJA plate", what may come back, and − 0 + */
static GtkWidget *
line_row (AisleReturnChooser         *self,
          guint                       index,
          const AisleOnlineOrderLine *line,
          const char                 *today)
{
  AisleLineReturn why;
  guint allowed = aisle_online_order_line_returnable (self->order, line, today, &why);
  g_autofree char *what = g_strdup_printf ("%u \303\227 %s", line->quantity, line->name);
  g_autofree char *detail = NULL;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (what);
  GtkWidget *note;

  g_array_index (self->allowed, guint, index) = allowed;
  if (allowed > 0)
    /* Translators: under a line of an online order; %u is how many may still come back. */
    detail = g_strdup_printf (ngettext ("You can return %u", "You can return up to %u", allowed),
                              allowed);
  note = gtk_label_new (detail ? detail : why_not (why));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "list-name");
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, allowed > 0 ? "list-detail" : "return-refused");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), note);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_widget_add_css_class (row, "collect-line");
  g_object_set_data (G_OBJECT (row), "aisle-line", GUINT_TO_POINTER (index));

  if (allowed > 0)
    {
      g_autofree char *less = g_strdup_printf (_("One less %s"), line->name);
      g_autofree char *more = g_strdup_printf (_("One more %s"), line->name);
      GtkWidget *minus = step_button (self, row, "\342\210\222", less, -1);
      GtkWidget *plus = step_button (self, row, "+", more, 1);
      GtkWidget *count = gtk_label_new ("0");

      gtk_label_set_width_chars (GTK_LABEL (count), 3);
      gtk_widget_add_css_class (count, "list-quantity");
      gtk_box_append (GTK_BOX (row), minus);
      gtk_box_append (GTK_BOX (row), count);
      gtk_box_append (GTK_BOX (row), plus);
      g_object_set_data (G_OBJECT (row), "aisle-minus", minus);
      g_object_set_data (G_OBJECT (row), "aisle-plus", plus);
      g_object_set_data (G_OBJECT (row), "aisle-count", count);
      update_row (self, index, row);
    }
  return row;
}

static void
reason_toggled (GtkToggleButton    *button,
                AisleReturnChooser *self)
{
  int reason = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "aisle-reason"));

  if (gtk_toggle_button_get_active (button))
    self->reason = reason;
  else if (self->reason == reason)
    self->reason = -1;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
aisle_return_chooser_set_order (AisleReturnChooser     *self,
                                const AisleOnlineOrder *order,
                                const char             *today)
{
  GtkWidget *child;

  g_return_if_fail (AISLE_IS_RETURN_CHOOSER (self));
  g_return_if_fail (order != NULL && today != NULL);

  self->order = order;
  g_array_set_size (self->chosen, 0);
  g_array_set_size (self->chosen, order->lines->len);
  g_array_set_size (self->allowed, 0);
  g_array_set_size (self->allowed, order->lines->len);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_box))))
    gtk_box_remove (self->lines_box, child);
  for (guint i = 0; i < order->lines->len; i++)
    gtk_box_append (self->lines_box, line_row (self, i, g_ptr_array_index (order->lines, i), today));

  for (guint i = 0; i < AISLE_N_RETURN_REASONS; i++)
    gtk_toggle_button_set_active (self->reasons[i], FALSE);
  self->reason = -1;
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
aisle_return_chooser_get_n_returnable (AisleReturnChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (AISLE_IS_RETURN_CHOOSER (self), 0);

  for (guint i = 0; i < self->allowed->len; i++)
    n += g_array_index (self->allowed, guint, i) > 0;
  return n;
}

gboolean
aisle_return_chooser_is_complete (AisleReturnChooser *self)
{
  g_return_val_if_fail (AISLE_IS_RETURN_CHOOSER (self), FALSE);

  if (self->order == NULL || self->reason < 0)
    return FALSE;
  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, guint, i) > 0)
      return TRUE;
  return FALSE;
}

AisleReturnRequest *
aisle_return_chooser_build_request (AisleReturnChooser *self)
{
  AisleReturnRequest *request;

  g_return_val_if_fail (AISLE_IS_RETURN_CHOOSER (self), NULL);

  if (!aisle_return_chooser_is_complete (self))
    return NULL;
  request = aisle_return_request_new (self->order->id, (AisleReturnReason)self->reason);
  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, guint, i) > 0)
      aisle_return_request_add (request, ((AisleOnlineOrderLine *)g_ptr_array_index (self->order->lines, i))->id,
                                g_array_index (self->chosen, guint, i));
  return request;
}

static void
aisle_return_chooser_dispose (GObject *object)
{
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_RETURN_CHOOSER);

  G_OBJECT_CLASS (aisle_return_chooser_parent_class)->dispose (object);
}

static void
aisle_return_chooser_finalize (GObject *object)
{
  AisleReturnChooser *self = (AisleReturnChooser *)object;

  g_array_unref (self->chosen);
  g_array_unref (self->allowed);

  G_OBJECT_CLASS (aisle_return_chooser_parent_class)->finalize (object);
}

static void
aisle_return_chooser_class_init (AisleReturnChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_return_chooser_dispose;
  object_class->finalize = aisle_return_chooser_finalize;

  /**
   * AisleReturnChooser::changed:
   *
   * An item or the reason was chosen or unchosen.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-return-chooser.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AisleReturnChooser, lines_box);
  gtk_widget_class_bind_template_child (widget_class, AisleReturnChooser, reasons_box);
}

static void
aisle_return_chooser_init (AisleReturnChooser *self)
{
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_array_new (FALSE, TRUE, sizeof (guint));
  self->allowed = g_array_new (FALSE, TRUE, sizeof (guint));
  self->reason = -1;

  /* One reason at a time, as radio buttons; the words are the slip's. */
  for (guint i = 0; i < AISLE_N_RETURN_REASONS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (aisle_slip_reason_label ((AisleReturnReason)i));

      gtk_widget_add_css_class (button, "return-reason");
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      group = group ? group : GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "aisle-reason", GINT_TO_POINTER (i));
      g_signal_connect_object (button, "toggled", G_CALLBACK (reason_toggled), self, 0);
      gtk_flow_box_append (self->reasons_box, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->reasons[i] = GTK_TOGGLE_BUTTON (button);
    }
}
