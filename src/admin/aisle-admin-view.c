/* aisle-admin-view.c: admin mode: the staff's pages, their header and an on-screen keyboard */
#define G_LOG_DOMAIN "aisle-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-admin-printer-page.h"
#include "aisle-admin-session-page.h"
#include "aisle-admin-status-page.h"
#include "aisle-admin-store-page.h"
#include "aisle-admin-today-page.h"
#include "aisle-admin-view.h"
#include "aisle-keyboard.h"
#include "aisle-language.h"
#include "aisle-widget-util.h"

struct _AisleAdminView
{
  GtkWidget         parent_instance;

  AisleServices    *services;

  AdwViewStack       *stack;
  AdwViewSwitcher    *top_switcher;
  AdwViewSwitcherBar *bottom_switcher;
  GtkRevealer        *keyboard_revealer;
  AisleKeyboard    *keyboard;
};

enum {
  LEAVE,
  CHANGE_PIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleAdminView, aisle_admin_view, GTK_TYPE_WIDGET)

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[LEAVE], 0);
}

static void
change_pin_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[CHANGE_PIN], 0);
}

static void
quit_response (AdwMessageDialog *dialog,
               const char       *response,
               AisleAdminView   *self)
{
  if (!g_str_equal (response, "quit"))
    return;
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  g_message ("Staff left the kiosk from admin mode");
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

/* Leaving the kiosk ends it for shoppers too: staff confirm first. */
static void
quit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AisleAdminView *self = AISLE_ADMIN_VIEW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Leave the kiosk?"),
                                   _("Aisle closes and shoppers cannot use this terminal until it starts again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Stay"),
                                    "quit", _("Leave the kiosk"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (quit_response), self, 0);
  gtk_widget_add_css_class (dialog, "admin-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* AdwPreferencesPage clamps its groups to 600 px, made for a laptop's
 * dialog: on a 1920 px terminal staff get wider rows with room for a finger. */
static void
widen (GtkWidget *widget)
{
  if (ADW_IS_CLAMP (widget))
    {
      adw_clamp_set_maximum_size (ADW_CLAMP (widget), 1100);
      adw_clamp_set_tightening_threshold (ADW_CLAMP (widget), 900);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    widen (child);
}

static void
add_page (AisleAdminView *self,
          GtkWidget      *page,
          const char     *name,
          const char     *title,
          const char     *icon)
{
  widen (page);
  adw_view_stack_add_titled (self->stack, page, name, title);
  adw_view_stack_page_set_icon_name (adw_view_stack_get_page (self->stack, page), icon);
}

void
aisle_admin_view_show_page (AisleAdminView *self,
                            const char     *name)
{
  g_return_if_fail (AISLE_IS_ADMIN_VIEW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
aisle_admin_view_get_page (AisleAdminView *self)
{
  g_return_val_if_fail (AISLE_IS_ADMIN_VIEW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
aisle_admin_view_set_portrait (AisleAdminView *self,
                               gboolean        portrait)
{
  g_return_if_fail (AISLE_IS_ADMIN_VIEW (self));

  /* The header has no room for the tabs on a portrait screen. */
  gtk_widget_set_visible (GTK_WIDGET (self->top_switcher), !portrait);
  adw_view_switcher_bar_set_reveal (self->bottom_switcher, portrait);
  if (portrait)
    gtk_widget_add_css_class (GTK_WIDGET (self), "portrait");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "portrait");
}

void
aisle_admin_view_focus_changed (AisleAdminView *self,
                                GtkWidget      *focus)
{
  GtkWidget *editable = NULL;

  g_return_if_fail (AISLE_IS_ADMIN_VIEW (self));

  /* The outermost editable: an entry row's GtkText delegates to the row's. */
  for (GtkWidget *w = focus; w != NULL && GTK_IS_EDITABLE (w); w = gtk_widget_get_parent (w))
    editable = w;
  if (editable == NULL || !gtk_widget_is_ancestor (editable, GTK_WIDGET (self->stack)))
    {
      /* Typing on the keyboard itself keeps it; anything else puts it away. */
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->keyboard)))
        gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
      return;
    }
  aisle_keyboard_set_target (self->keyboard, GTK_EDITABLE (editable));
  gtk_revealer_set_reveal_child (self->keyboard_revealer, TRUE);
}

static void
page_changed (AisleAdminView *self)
{
  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
}

static void
aisle_admin_view_dispose (GObject *object)
{
  AisleAdminView *self = (AisleAdminView *)object;

  aisle_widget_dispose_children (GTK_WIDGET (self), AISLE_TYPE_ADMIN_VIEW);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (aisle_admin_view_parent_class)->dispose (object);
}

static void
aisle_admin_view_class_init (AisleAdminViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_admin_view_dispose;

  /**
   * AisleAdminView::leave:
   *
   * Staff are done: back to the shop, locked.
   */
  signals[LEAVE] =
    g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AisleAdminView::change-pin:
   *
   * Staff want a new PIN: show the pad in SETUP mode.
   */
  signals[CHANGE_PIN] =
    g_signal_new ("change-pin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AISLE_TYPE_KEYBOARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/aisle/Kiosk/ui/aisle-admin-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AisleAdminView, stack);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminView, top_switcher);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminView, bottom_switcher);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminView, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, AisleAdminView, keyboard);

  gtk_widget_class_install_action (widget_class, "admin.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "admin.change-pin", NULL, change_pin_action);
  gtk_widget_class_install_action (widget_class, "admin.quit", NULL, quit_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "adminview");
}

static void
aisle_admin_view_init (AisleAdminView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (page_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aisle_admin_view_new (AisleServices *services)
{
  AisleAdminView *self;

  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);
  g_return_val_if_fail (aisle_services_get_config (services) != NULL, NULL);

  self = g_object_new (AISLE_TYPE_ADMIN_VIEW, NULL);
  self->services = g_object_ref (services);
  aisle_keyboard_set_layout (self->keyboard, aisle_language_get_current_code ());

  add_page (self, aisle_admin_status_page_new (services), "status", _("Status"), "dialog-information-symbolic");
  add_page (self, aisle_admin_today_page_new (services), "today", _("Today"), "document-open-recent-symbolic");
  add_page (self, aisle_admin_store_page_new (services), "store", _("Store"), "network-server-symbolic");
  add_page (self, aisle_admin_printer_page_new (services), "printer", _("Printer"), "printer-symbolic");
  add_page (self, aisle_admin_session_page_new (services), "session", _("Shoppers"), "system-users-symbolic");
  return GTK_WIDGET (self);
}
