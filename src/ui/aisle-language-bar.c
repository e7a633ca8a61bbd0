/* aisle-language-bar.c: one button per kiosk language, always in reach */
#define G_LOG_DOMAIN "aisle-language"

#include "config.h"

#include "aisle-language.h"
#include "aisle-language-bar.h"

struct _AisleLanguageBar
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (AisleLanguageBar, aisle_language_bar, GTK_TYPE_WIDGET)

static void
aisle_language_bar_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aisle_language_bar_parent_class)->dispose (object);
}

static void
aisle_language_bar_class_init (AisleLanguageBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = aisle_language_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "languagebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
aisle_language_bar_init (AisleLanguageBar *self)
{
  /* Each language is named in itself: a shopper who cannot read the current
   * language still finds their own. */
  for (AisleLanguage l = 0; l < AISLE_N_LANGUAGES_ENUM; l++)
    {
      g_autofree char *short_name = NULL;
      GtkWidget *button;

      if (!aisle_language_is_offered (l) && l != aisle_language_get_current ())
        continue;
      short_name = g_ascii_strup (aisle_language_get_code (l), -1);
      button = gtk_toggle_button_new_with_label (short_name);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", aisle_language_get_code (l));
      gtk_widget_set_tooltip_text (button, aisle_language_get_native_name (l));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, aisle_language_get_native_name (l),
                                      -1);
      gtk_widget_add_css_class (button, "language-button");
      gtk_widget_set_parent (button, GTK_WIDGET (self));
    }

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "Language / Lingua / Sprache / Idioma", -1);
}
