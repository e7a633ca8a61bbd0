/* aisle-top-bar.c: Back, Home, the search field, My list and the languages */
#define G_LOG_DOMAIN "aisle-top-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aisle-language-bar.h"
#include "aisle-top-bar.h"
#include "aisle-widget-util.h"

struct _AisleTopBar
{
  GtkWidget          parent_instance;

  AisleShoppingList *list;
  gboolean           setting_query;

  GtkButton         *back_button;
  GtkButton         *home_button;
  GtkSearchEntry    *search_entry;
  GtkWidget         *scan_hint;
  GtkWidget         *list_button;
  GtkLabel          *list_badge;
};

G_DEFINE_FINAL_TYPE (AisleTopBar, aisle_top_bar, GTK_TYPE_WIDGET)

enum {
  SEARCH_CHANGED,
  SEARCH_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_badge (AisleTopBar *self)
{
  guint n = aisle_shopping_list_count_items (self->list);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *a11y = g_strdup_printf (ngettext ("My list, %u article", "My list, %u articles", n), n);

  gtk_label_set_text (self->list_badge, count);
  gtk_widget_set_visible (GTK_WIDGET (self->list_badge), n > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
search_changed_cb (AisleTopBar *self)
{
  if (!self->setting_query)
    g_signal_emit (self, signals[SEARCH_CHANGED], 0, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (AisleTopBar *self)
{
  g_signal_emit (self, signals[SEARCH_ACTIVATE], 0);
}

static void
aisle_top_bar_dispose (GObject *object)
{
  AisleTopBar *self = AISLE_TOP_BAR (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, update_badge, self);
  g_clear_object (&self->list);
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_TOP_BAR);

  G_OBJECT_CLASS (aisle_top_bar_parent_class)->dispose (object);
}

static void
aisle_top_bar_class_init (AisleTopBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_top_bar_dispose;

  /**
   * AisleTopBar::search-changed:
   * @text: what the search field holds now
   *
   * The shopper changed what is typed in the search field.
   */
  signals[SEARCH_CHANGED] = g_signal_new ("search-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * AisleTopBar::search-activate:
   *
   * Enter in the search field.
   */
  signals[SEARCH_ACTIVATE] = g_signal_new ("search-activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AISLE_TYPE_LANGUAGE_BAR);
  aisle_widget_class_set_template (widget_class, "aisle-top-bar", "topbar");
  gtk_widget_class_bind_template_child (widget_class, AisleTopBar, back_button);
  gtk_widget_class_bind_template_child (widget_class, AisleTopBar, home_button);
  gtk_widget_class_bind_template_child (widget_class, AisleTopBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AisleTopBar, scan_hint);
  gtk_widget_class_bind_template_child (widget_class, AisleTopBar, list_button);
  gtk_widget_class_bind_template_child (widget_class, AisleTopBar, list_badge);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
}

static void
aisle_top_bar_init (AisleTopBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
aisle_top_bar_set_list (AisleTopBar       *self,
                        AisleShoppingList *list)
{
  g_return_if_fail (AISLE_IS_TOP_BAR (self));
  g_return_if_fail (AISLE_IS_SHOPPING_LIST (list));
  g_return_if_fail (self->list == NULL);

  self->list = g_object_ref (list);
  g_signal_connect_swapped (list, "changed", G_CALLBACK (update_badge), self);
  update_badge (self);
}

void
aisle_top_bar_set_portrait (AisleTopBar *self,
                            gboolean     portrait)
{
  GtkWidget *buttons[] = { GTK_WIDGET (self->back_button), GTK_WIDGET (self->home_button), self->list_button };
  const char *labels[] = { _("Back"), _("Home"), _("My list") };

  g_return_if_fail (AISLE_IS_TOP_BAR (self));

  /* 1080 px is too narrow for the hint beside the search field (the home
   * page says the same in its scan card) and for the buttons' words in
   * every language: icons only, their accessible names stay. */
  gtk_widget_set_visible (self->scan_hint, !portrait);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (buttons[i]))),
                                  portrait ? "" : labels[i]);
}

void
aisle_top_bar_set_can_go_back (AisleTopBar *self,
                               gboolean     can_go_back)
{
  g_return_if_fail (AISLE_IS_TOP_BAR (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), can_go_back);
}

const char *
aisle_top_bar_get_query (AisleTopBar *self)
{
  g_return_val_if_fail (AISLE_IS_TOP_BAR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
aisle_top_bar_set_query (AisleTopBar *self,
                         const char  *query)
{
  g_return_if_fail (AISLE_IS_TOP_BAR (self));

  self->setting_query = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  self->setting_query = FALSE;
}

GtkEditable *
aisle_top_bar_get_search_entry (AisleTopBar *self)
{
  g_return_val_if_fail (AISLE_IS_TOP_BAR (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}
