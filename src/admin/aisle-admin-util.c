/* aisle-admin-util.c: small helpers the admin pages share */
#define G_LOG_DOMAIN "aisle-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-admin-util.h"

typedef struct
{
  AisleConfig *config;
  char        *key;
  GtkWidget   *label;
  GtkWidget   *reset;
  GtkWidget   *row;
} Source;

static void
source_free (gpointer data)
{
  Source *source = data;

  g_object_unref (source->config);
  g_free (source->key);
  g_free (source);
}

static void
source_update (Source *source)
{
  AisleConfigSource from = aisle_config_get_source (source->config, source->key);
  gboolean writable = aisle_config_is_writable (source->config, source->key);
  const char *text = "";

  if (!writable)
    /* Translators: beside a setting that the system administrator locked */
    text = _("Locked by the system");
  else if (from == AISLE_CONFIG_SOURCE_PROVISIONED)
    /* Translators: beside a setting whose value comes from the fleet's provisioning file */
    text = _("From kiosk.conf");
  else if (from == AISLE_CONFIG_SOURCE_KIOSK)
    /* Translators: beside a setting that staff changed on this kiosk */
    text = _("Set on this kiosk");

  gtk_label_set_text (GTK_LABEL (source->label), text);
  gtk_widget_set_visible (source->label, text[0] != '\0');
  gtk_widget_set_visible (source->reset, writable && from == AISLE_CONFIG_SOURCE_KIOSK);
  gtk_widget_set_sensitive (source->row, writable);
}

static void
reset_clicked (Source *source)
{
  aisle_config_reset (source->config, source->key);
  source_update (source);
}

static void
source_changed (GtkWidget *label)
{
  source_update (g_object_get_data (G_OBJECT (label), "aisle-source"));
}

void
aisle_admin_add_source (GtkWidget   *row,
                        AisleConfig *config,
                        const char  *key)
{
  g_autofree char *detailed = g_strconcat ("changed::", key, NULL);
  g_autofree char *reset_name = NULL;
  Source *source;
  GtkWidget *box;

  g_return_if_fail (ADW_IS_ACTION_ROW (row) || ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (AISLE_IS_CONFIG (config));

  source = g_new0 (Source, 1);
  source->config = g_object_ref (config);
  source->key = g_strdup (key);
  source->row = row;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  source->label = gtk_label_new (NULL);
  gtk_widget_add_css_class (source->label, "admin-source");
  source->reset = gtk_button_new_with_label (_("Reset"));
  gtk_widget_add_css_class (source->reset, "admin-reset");
  /* Translators: %s is a setting's name, e.g. "Idle timeout" */
  reset_name = g_strdup_printf (_("Reset %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  aisle_admin_name (source->reset, reset_name);
  gtk_box_append (GTK_BOX (box), source->label);
  gtk_box_append (GTK_BOX (box), source->reset);

  if (ADW_IS_ENTRY_ROW (row))
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

      /* libadwaita 1.2 leaves the row's text field unnamed. */
      if (text != NULL)
        aisle_admin_name (GTK_WIDGET (text), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), box);
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  g_object_set_data_full (G_OBJECT (source->label), "aisle-source", source, source_free);
  g_signal_connect_swapped (source->reset, "clicked", G_CALLBACK (reset_clicked), source);
  /* The label owns the Source: the handler goes with it. */
  g_signal_connect_object (config, detailed, G_CALLBACK (source_changed), source->label, G_CONNECT_SWAPPED);
  source_update (source);
}

void
aisle_admin_toast (GtkWidget  *widget,
                   const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

gboolean
aisle_admin_set_value (GtkWidget   *widget,
                       AisleConfig *config,
                       const char  *key,
                       GVariant    *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);

  if (aisle_config_set_value (config, key, owned, &error))
    return TRUE;
  aisle_admin_toast (widget, error->message);
  return FALSE;
}

char *
aisle_admin_format_age (gint64 seconds)
{
  if (seconds < 60)
    return g_strdup (_("just now"));
  if (seconds < 60 * 60)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", seconds / 60), (int)(seconds / 60));
  if (seconds < 48 * 60 * 60)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", seconds / 3600), (int)(seconds / 3600));
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", seconds / 86400), (int)(seconds / 86400));
}

char *
aisle_admin_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time ? g_date_time_format (time, "%H:%M") : g_strdup ("");
}

const char * const aisle_admin_printer_kinds[] = { "none", "escpos-device", "escpos-tcp", "cups", "pdf", NULL };

const char *
aisle_admin_printer_kind_name (const char *kind)
{
  if (g_strcmp0 (kind, "escpos-device") == 0)
    return _("Receipt printer on this terminal");
  if (g_strcmp0 (kind, "escpos-tcp") == 0)
    return _("Receipt printer on the network");
  if (g_strcmp0 (kind, "cups") == 0)
    return _("Printer set up in CUPS");
  if (g_strcmp0 (kind, "pdf") == 0)
    return _("PDF files in a folder");
  return _("No printing");
}

void
aisle_admin_name (GtkWidget  *widget,
                  const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
aisle_admin_clear_rows (GPtrArray           *rows,
                        AdwPreferencesGroup *group)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}
