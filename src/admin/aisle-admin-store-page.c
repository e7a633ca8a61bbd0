/* aisle-admin-store-page.c: which store the kiosk talks to, and a test of the connection */
#define G_LOG_DOMAIN "aisle-admin"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aisle-admin-store-page.h"
#include "aisle-admin-util.h"
#include "aisle-store-factory.h"

struct _AisleAdminStorePage
{
  AdwPreferencesPage   parent_instance;

  AisleServices       *services;
  AisleConfig         *config;
  GCancellable        *cancellable;

  AdwPreferencesGroup *backend_group;
  AdwComboRow         *backend_row;
  AdwEntryRow         *url_row;
  AdwEntryRow         *key_row;
  AdwEntryRow         *region_row;
  AdwEntryRow         *store_row;
  AdwEntryRow         *kiosk_row;
  AdwEntryRow         *token_row;
  GtkLabel            *token_state;
  AdwActionRow        *test_row;
};

G_DEFINE_FINAL_TYPE (AisleAdminStorePage, aisle_admin_store_page, ADW_TYPE_PREFERENCES_PAGE)

/* Backends staff can choose ("store-backend"); each one's own fields show
 * only while it is chosen. */
static const struct
{
  const char *id;
  const char *name;
} backends[] = {
  { "feed", N_("Store feed (JSON files)") },
  { "medusa", N_("Medusa shop (Store API)") },
};

static gboolean
medusa_chosen (AisleAdminStorePage *self)
{
  return adw_combo_row_get_selected (self->backend_row) == 1;
}

static void
show_backend_fields (AisleAdminStorePage *self)
{
  gboolean medusa = medusa_chosen (self);

  gtk_widget_set_visible (GTK_WIDGET (self->key_row), medusa);
  gtk_widget_set_visible (GTK_WIDGET (self->region_row), medusa);
  gtk_widget_set_visible (GTK_WIDGET (self->token_row), !medusa);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row),
                                 medusa ? _("Medusa server address") : _("Feed address (empty: the demo store)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->store_row),
                                 medusa ? _("Stock location ID (sloc_…)") : _("Store ID"));
}

static void
load_backend (AisleAdminStorePage *self)
{
  g_autofree char *backend = aisle_config_get_string (self->config, "store-backend");

  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    if (g_strcmp0 (backend, backends[i].id) == 0)
      adw_combo_row_set_selected (self->backend_row, i);
  show_backend_fields (self);
}

static void
backend_selected (AisleAdminStorePage *self)
{
  guint selected = adw_combo_row_get_selected (self->backend_row);
  g_autofree char *current = aisle_config_get_string (self->config, "store-backend");

  show_backend_fields (self);
  if (selected >= G_N_ELEMENTS (backends) || g_strcmp0 (current, backends[selected].id) == 0)
    return;
  if (aisle_admin_set_value (GTK_WIDGET (self), self->config, "store-backend",
                             g_variant_new_string (backends[selected].id)))
    aisle_admin_toast (GTK_WIDGET (self), _("Saved"));
}

static void
load_entry (AisleAdminStorePage *self,
            AdwEntryRow         *row,
            const char          *key)
{
  g_autofree char *value = aisle_config_get_string (self->config, key);

  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
}

static void
entry_applied (AdwEntryRow         *row,
               AisleAdminStorePage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (aisle_admin_set_value (GTK_WIDGET (self), self->config, key, g_variant_new_string (value)))
    aisle_admin_toast (GTK_WIDGET (self), _("Saved"));
}

static void
entry_changed (AisleAdminStorePage *self,
               const char          *key,
               AisleConfig         *config)
{
  if (g_str_equal (key, "base-url"))
    load_entry (self, self->url_row, key);
  else if (g_str_equal (key, "medusa-publishable-key"))
    load_entry (self, self->key_row, key);
  else if (g_str_equal (key, "medusa-region"))
    load_entry (self, self->region_row, key);
  else if (g_str_equal (key, "store-id"))
    load_entry (self, self->store_row, key);
  else if (g_str_equal (key, "kiosk-id"))
    load_entry (self, self->kiosk_row, key);
}

static void
setup_entry (AisleAdminStorePage *self,
             AdwEntryRow         *row,
             const char          *key)
{
  g_autofree char *detailed = g_strconcat ("changed::", key, NULL);

  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  load_entry (self, row, key);
  aisle_admin_add_source (GTK_WIDGET (row), self->config, key);
  g_signal_connect_object (row, "apply", G_CALLBACK (entry_applied), self, 0);
  g_signal_connect_object (self->config, detailed, G_CALLBACK (entry_changed), self, G_CONNECT_SWAPPED);
}

/* The token */

static void
update_token_state (AisleAdminStorePage *self)
{
  gboolean set = aisle_config_has_secret (self->config, "access-token");

  /* Translators: whether the kiosk has an access token; the token itself is never shown */
  gtk_label_set_text (self->token_state, set ? _("A token is set") : _("No token set"));
}

static void
token_applied (AisleAdminStorePage *self)
{
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));

  /* Gone from the field as soon as it is saved: never shown back. */
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  if (aisle_admin_set_value (GTK_WIDGET (self), self->config, "access-token", g_variant_new_string (token)))
    aisle_admin_toast (GTK_WIDGET (self), token[0] ? _("The new token is saved") : _("The token is removed"));
  update_token_state (self);
}

/* Test connection: a throwaway backend in a temporary folder */

typedef struct
{
  AisleAdminStorePage *self;
  char                *cache_dir;
} Test;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_tree_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  remove_tree (data);
}

static void
test_free (Test *test)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  /* A few files, but on the disk: not on the main loop. */
  g_task_set_task_data (task, g_steal_pointer (&test->cache_dir), g_free);
  g_task_run_in_thread (task, remove_tree_thread);
  g_object_unref (test->self);
  g_free (test);
}

static void
show_test_result (AisleAdminStorePage *self,
                  const char          *text,
                  gboolean             ok)
{
  adw_action_row_set_subtitle (self->test_row, text);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "admin-error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->test_row), "admin-error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "store.test", TRUE);
}

static void
test_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Test *test = user_data;
  AisleAdminStorePage *self = test->self;
  g_autoptr(GError) error = NULL;
  AisleCatalog *catalog;

  aisle_store_refresh_finish (AISLE_STORE (object), result, &error);
  catalog = aisle_store_get_catalog (AISLE_STORE (object));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (error == NULL && catalog != NULL)
    {
      guint n = aisle_catalog_get_n_products (catalog);
      g_autofree char *products = g_strdup_printf (ngettext ("%u product", "%u products", n), n);
      /* Translators: a good connection test: "OK: Casa Nord, 120 products" */
      g_autofree char *text = g_strdup_printf (_("OK: %s, %s"), aisle_catalog_get_shop_name (catalog), products);

      show_test_result (self, text, TRUE);
    }
  else
    {
      /* Translators: a failed connection test, then the reason */
      g_autofree char *text = g_strdup_printf (_("Failed: %s"), error ? error->message : _("the store sent no catalog"));

      show_test_result (self, text, FALSE);
    }
  test_free (test);
  g_object_unref (object);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AisleAdminStorePage *self = AISLE_ADMIN_STORE_PAGE (widget);
  g_autofree char *url = row_text (self->url_row);
  g_autofree char *store_id = row_text (self->store_row);
  g_autofree char *key = row_text (self->key_row);
  g_autofree char *region = row_text (self->region_row);
  /* What staff typed, saved or not; the token as saved. */
  AisleStoreOverrides typed = { .backend = medusa_chosen (self) ? "medusa" : "feed", .base_url = url,
                                .store_id = store_id, .medusa_publishable_key = key, .medusa_region = region,
                                .no_refresh_timer = TRUE };
  g_autoptr(GError) error = NULL;
  AisleStore *store;
  Test *test;

  test = g_new0 (Test, 1);
  test->cache_dir = g_dir_make_tmp ("aisle-test-connection-XXXXXX", &error);
  if (test->cache_dir == NULL ||
      !(store = aisle_store_new_for_config (self->config, &typed, test->cache_dir, &error)))
    {
      /* Translators: a failed connection test, then the reason */
      g_autofree char *text = g_strdup_printf (_("Failed: %s"), error->message);

      if (test->cache_dir != NULL)
        g_rmdir (test->cache_dir);
      g_free (test->cache_dir);
      g_free (test);
      show_test_result (self, text, FALSE);
      return;
    }
  test->self = g_object_ref (self);

  gtk_widget_action_set_enabled (widget, "store.test", FALSE);
  adw_action_row_set_subtitle (self->test_row, _("Testing…"));
  aisle_store_refresh_async (store, self->cancellable, test_done, test);
}

static void
aisle_admin_store_page_dispose (GObject *object)
{
  AisleAdminStorePage *self = (AisleAdminStorePage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->services);
  g_clear_object (&self->config);
  gtk_widget_dispose_template (GTK_WIDGET (self), AISLE_TYPE_ADMIN_STORE_PAGE);

  G_OBJECT_CLASS (aisle_admin_store_page_parent_class)->dispose (object);
}

static void
aisle_admin_store_page_class_init (AisleAdminStorePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_admin_store_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-admin-store-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, backend_group);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, backend_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, url_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, store_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, kiosk_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, token_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, key_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, region_row);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminStorePage, test_row);

  gtk_widget_class_install_action (widget_class, "store.test", NULL, test_action);
}

static void
aisle_admin_store_page_init (AisleAdminStorePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    gtk_string_list_append (names, _(backends[i].name));
  adw_combo_row_set_model (self->backend_row, G_LIST_MODEL (names));

  self->token_state = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->token_state), "admin-token-state");
  adw_entry_row_add_suffix (self->token_row, GTK_WIDGET (self->token_state));
  g_signal_connect_object (self->token_row, "apply", G_CALLBACK (token_applied), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aisle_admin_store_page_new (AisleServices *services)
{
  AisleAdminStorePage *self;

  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);

  self = g_object_new (AISLE_TYPE_ADMIN_STORE_PAGE, NULL);
  self->services = g_object_ref (services);
  self->config = g_object_ref (aisle_services_get_config (services));

  load_backend (self);
  aisle_admin_add_source (GTK_WIDGET (self->backend_row), self->config, "store-backend");
  g_signal_connect_object (self->backend_row, "notify::selected", G_CALLBACK (backend_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->config, "changed::store-backend", G_CALLBACK (load_backend), self,
                           G_CONNECT_SWAPPED);
  setup_entry (self, self->url_row, "base-url");
  setup_entry (self, self->key_row, "medusa-publishable-key");
  setup_entry (self, self->region_row, "medusa-region");
  setup_entry (self, self->store_row, "store-id");
  setup_entry (self, self->kiosk_row, "kiosk-id");
  aisle_admin_add_source (GTK_WIDGET (self->token_row), self->config, "access-token");
  update_token_state (self);
  g_signal_connect_object (self->config, "changed::access-token", G_CALLBACK (update_token_state), self,
                           G_CONNECT_SWAPPED);

  if (aisle_services_get_store_pinned (services))
    adw_preferences_group_set_description (self->backend_group,
                                           _("This kiosk was started on a store given on its command line: "
                                             "the feed address and store ID saved here apply once it is started without."));
  return GTK_WIDGET (self);
}
