/* aisle-window-chooser.c: when the shopper collects an order, or has it delivered */
#define G_LOG_DOMAIN "aisle-window-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-widget-util.h"
#include "aisle-window-chooser.h"

#define MAX_WINDOWS 8

struct _AisleWindowChooser
{
  GtkWidget      parent_instance;

  AisleCheckout *checkout;
  GArray        *windows;          /* AisleTimeWindow offered now */
  gboolean       updating;

  GtkLabel      *when_label;
  GtkFlowBox    *window_box;
};

G_DEFINE_FINAL_TYPE (AisleWindowChooser, aisle_window_chooser, GTK_TYPE_WIDGET)

enum {
  WINDOW_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
window_toggled_cb (GtkToggleButton    *button,
                   AisleWindowChooser *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "aisle-window"));

  if (self->updating || self->checkout == NULL || !gtk_toggle_button_get_active (button) ||
      index >= self->windows->len)
    return;
  aisle_checkout_set_window (self->checkout, &g_array_index (self->windows, AisleTimeWindow, index));
  g_signal_emit (self, signals[WINDOW_CHOSEN], 0);
}

static void
aisle_window_chooser_dispose (GObject *object)
{
  AisleWindowChooser *self = AISLE_WINDOW_CHOOSER (object);

  g_clear_pointer (&self->windows, g_array_unref);
  aisle_window_chooser_clear (self);
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_WINDOW_CHOOSER);

  G_OBJECT_CLASS (aisle_window_chooser_parent_class)->dispose (object);
}

static void
aisle_window_chooser_class_init (AisleWindowChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = aisle_window_chooser_dispose;

  /**
   * AisleWindowChooser::window-chosen:
   *
   * The shopper chose a time; the checkout has it.
   */
  signals[WINDOW_CHOSEN] = g_signal_new ("window-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  aisle_widget_class_set_template (widget_class, "aisle-window-chooser", "windowchooser");
  gtk_widget_class_bind_template_child (widget_class, AisleWindowChooser, when_label);
  gtk_widget_class_bind_template_child (widget_class, AisleWindowChooser, window_box);
}

static void
aisle_window_chooser_init (AisleWindowChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aisle_flow_box_set_arrow_keys (self->window_box);
}

void
aisle_window_chooser_update (AisleWindowChooser *self,
                             AisleCheckout      *checkout)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const AisleTimeWindow *chosen;
  GtkToggleButton *group = NULL;
  gboolean kept = FALSE;

  g_return_if_fail (AISLE_IS_WINDOW_CHOOSER (self));
  g_return_if_fail (AISLE_IS_CHECKOUT (checkout));

  g_set_object (&self->checkout, checkout);
  chosen = aisle_checkout_get_window (checkout);
  self->updating = TRUE;
  aisle_widget_remove_children (GTK_WIDGET (self->window_box));
  g_clear_pointer (&self->windows, g_array_unref);
  self->windows = aisle_checkout_list_windows (checkout, now, MAX_WINDOWS);

  for (guint i = 0; i < self->windows->len; i++)
    {
      const AisleTimeWindow *w = &g_array_index (self->windows, AisleTimeWindow, i);
      g_autofree char *text = aisle_checkout_describe_window (checkout, w, now);
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      gtk_widget_add_css_class (button, "window-button");
      g_object_set_data (G_OBJECT (button), "aisle-window", GUINT_TO_POINTER (i));
      aisle_flow_box_append_choice (self->window_box, GTK_TOGGLE_BUTTON (button), &group);
      if (chosen != NULL && chosen->start == w->start && chosen->end == w->end)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
          kept = TRUE;
        }
      g_signal_connect_object (button, "toggled", G_CALLBACK (window_toggled_cb), self, 0);
    }
  if (!kept)
    aisle_checkout_set_window (checkout, NULL);
  self->updating = FALSE;

  gtk_label_set_text (self->when_label,
                      self->windows->len == 0
                      ? _("No times are available. Please ask a member of staff.")
                      : aisle_checkout_get_kind (checkout) == AISLE_CHECKOUT_PICKUP
                        ? _("When would you like to collect it?")
                        : _("When should we deliver?"));
}

void
aisle_window_chooser_clear (AisleWindowChooser *self)
{
  g_return_if_fail (AISLE_IS_WINDOW_CHOOSER (self));
  g_clear_object (&self->checkout);
}
