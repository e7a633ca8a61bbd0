/* aisle-admin-session-page.c: the shopper's session: idle times, languages, printing; the staff PIN */
#define G_LOG_DOMAIN "aisle-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-admin-session-page.h"
#include "aisle-admin-util.h"
#include "aisle-language.h"

struct _AisleAdminSessionPage
{
  AdwPreferencesPage   parent_instance;

  AisleConfig         *config;
  gboolean             loading;
  GtkSwitch           *language_switches[AISLE_N_LANGUAGES_ENUM];

  AdwActionRow        *timeout_row;
  GtkSpinButton       *timeout_spin;
  AdwActionRow        *countdown_row;
  GtkSpinButton       *countdown_spin;
  AdwPreferencesGroup *languages_group;
  AdwComboRow         *default_row;
  AdwActionRow        *auto_print_row;
  GtkSwitch           *auto_print_switch;
  AdwActionRow        *book_row;
  GtkSpinButton       *book_spin;
};

G_DEFINE_FINAL_TYPE (AisleAdminSessionPage, aisle_admin_session_page, ADW_TYPE_PREFERENCES_PAGE)

static void
load (AisleAdminSessionPage *self)
{
  g_auto(GStrv) offered = aisle_config_get_strv (self->config, "languages");
  g_autofree char *default_code = aisle_config_get_string (self->config, "default-language");
  AisleLanguage language;

  self->loading = TRUE;
  gtk_spin_button_set_value (self->timeout_spin, aisle_config_get_uint (self->config, "idle-timeout"));
  gtk_spin_button_set_value (self->countdown_spin, aisle_config_get_uint (self->config, "idle-countdown"));
  gtk_spin_button_set_value (self->book_spin, aisle_config_get_uint (self->config, "order-book-days"));
  gtk_switch_set_active (self->auto_print_switch, aisle_config_get_boolean (self->config, "auto-print"));
  for (guint i = 0; i < AISLE_N_LANGUAGES_ENUM; i++)
    gtk_switch_set_active (self->language_switches[i],
                           g_strv_contains ((const char * const *)offered, aisle_language_get_code (i)));
  if (aisle_language_from_code (default_code, &language))
    adw_combo_row_set_selected (self->default_row, language);
  self->loading = FALSE;
}

static void
spin_changed (GtkSpinButton         *spin,
              AisleAdminSessionPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "key");

  if (!self->loading)
    aisle_admin_set_value (GTK_WIDGET (self), self->config, key,
                           g_variant_new_uint32 (gtk_spin_button_get_value_as_int (spin)));
}

static void
auto_print_toggled (AisleAdminSessionPage *self)
{
  if (!self->loading)
    aisle_admin_set_value (GTK_WIDGET (self), self->config, "auto-print",
                           g_variant_new_boolean (gtk_switch_get_active (self->auto_print_switch)));
}

static void
default_selected (AisleAdminSessionPage *self)
{
  guint selected = adw_combo_row_get_selected (self->default_row);

  if (self->loading || selected >= AISLE_N_LANGUAGES_ENUM)
    return;
  /* A new shopper's language must be one they can see on the bar. */
  if (!gtk_switch_get_active (self->language_switches[selected]))
    gtk_switch_set_active (self->language_switches[selected], TRUE);
  aisle_admin_set_value (GTK_WIDGET (self), self->config, "default-language",
                         g_variant_new_string (aisle_language_get_code (selected)));
}

static void
language_toggled (AisleAdminSessionPage *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  guint default_language = adw_combo_row_get_selected (self->default_row);

  if (self->loading)
    return;

  /* The default language stays offered, and so at least one stays. */
  if (default_language < AISLE_N_LANGUAGES_ENUM && !gtk_switch_get_active (self->language_switches[default_language]))
    {
      aisle_admin_toast (GTK_WIDGET (self), _("New shoppers start in this language: choose another one to start in first"));
      self->loading = TRUE;
      gtk_switch_set_active (self->language_switches[default_language], TRUE);
      self->loading = FALSE;
      return;
    }

  for (guint i = 0; i < AISLE_N_LANGUAGES_ENUM; i++)
    if (gtk_switch_get_active (self->language_switches[i]))
      g_ptr_array_add (codes, (gpointer)aisle_language_get_code (i));
  g_ptr_array_add (codes, NULL);
  aisle_admin_set_value (GTK_WIDGET (self), self->config, "languages",
                         g_variant_new_strv ((const char * const *)codes->pdata, -1));
}

static void
add_language_rows (AisleAdminSessionPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < AISLE_N_LANGUAGES_ENUM; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      const char *name = aisle_language_get_native_name (i);

      gtk_string_list_append (names, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      aisle_admin_name (toggle, name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->languages_group, row);
      self->language_switches[i] = GTK_SWITCH (toggle);
    }
  adw_combo_row_set_model (self->default_row, G_LIST_MODEL (names));
}

static void
setup_spin (AisleAdminSessionPage *self,
            AdwActionRow          *row,
            GtkSpinButton         *spin,
            const char            *key)
{
  g_object_set_data (G_OBJECT (spin), "key", (gpointer)key);
  aisle_admin_name (GTK_WIDGET (spin), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  aisle_admin_add_source (GTK_WIDGET (row), self->config, key);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (spin_changed), self, 0);
}

static void
aisle_admin_session_page_dispose (GObject *object)
{
  AisleAdminSessionPage *self = (AisleAdminSessionPage *)object;

  g_clear_object (&self->config);
  gtk_widget_dispose_template (GTK_WIDGET (self), AISLE_TYPE_ADMIN_SESSION_PAGE);

  G_OBJECT_CLASS (aisle_admin_session_page_parent_class)->dispose (object);
}

static void
aisle_admin_session_page_class_init (AisleAdminSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_admin_session_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-admin-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, timeout_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, countdown_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, countdown_spin);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, languages_group);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, default_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, auto_print_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, auto_print_switch);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, book_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminSessionPage, book_spin);
}

static void
aisle_admin_session_page_init (AisleAdminSessionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_language_rows (self);
  aisle_admin_name (GTK_WIDGET (self->auto_print_switch), _("Print the list without asking"));
}

GtkWidget *
aisle_admin_session_page_new (AisleServices *services)
{
  AisleAdminSessionPage *self;

  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);

  self = g_object_new (AISLE_TYPE_ADMIN_SESSION_PAGE, NULL);
  self->config = g_object_ref (aisle_services_get_config (services));

  setup_spin (self, self->timeout_row, self->timeout_spin, "idle-timeout");
  setup_spin (self, self->countdown_row, self->countdown_spin, "idle-countdown");
  setup_spin (self, self->book_row, self->book_spin, "order-book-days");
  aisle_admin_add_source (GTK_WIDGET (self->default_row), self->config, "default-language");
  aisle_admin_add_source (GTK_WIDGET (self->auto_print_row), self->config, "auto-print");
  load (self);

  for (guint i = 0; i < AISLE_N_LANGUAGES_ENUM; i++)
    g_signal_connect_object (self->language_switches[i], "notify::active", G_CALLBACK (language_toggled), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->default_row, "notify::selected", G_CALLBACK (default_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->auto_print_switch, "notify::active", G_CALLBACK (auto_print_toggled), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
