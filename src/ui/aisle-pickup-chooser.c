/* aisle-pickup-chooser.c: where the shopper collects an order, and what that store has */
#define G_LOG_DOMAIN "aisle-pickup-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-pickup-chooser.h"
#include "aisle-language.h"
#include "aisle-widget-util.h"

struct _AislePickupChooser
{
  GtkWidget     parent_instance;

  AisleSession *session;
  GCancellable *asking;           /* the session's answer for a store */
  gboolean      updating;

  GtkFlowBox   *store_box;
  GtkBox       *availability_box;
  GtkLabel     *availability_hint;
};

G_DEFINE_FINAL_TYPE (AislePickupChooser, aisle_pickup_chooser, GTK_TYPE_WIDGET)

enum {
  STORE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AisleCheckout *
get_checkout (AislePickupChooser *self)
{
  return self->session != NULL ? aisle_session_get_checkout (self->session) : NULL;
}

static const char *
store_name (AisleCheckout *checkout,
            guint          store)
{
  AisleStoreInfo info = { 0 };

  if (!aisle_catalog_store_info (aisle_checkout_get_catalog (checkout), store, &info))
    return "";
  return info.name;
}

static char *
availability_text (AisleCheckout *checkout,
                   guint          line,
                   gboolean      *problem)
{
  gint in_stock;
  const char *where = store_name (checkout, aisle_checkout_get_pickup_store (checkout));

  *problem = TRUE;
  switch (aisle_checkout_line_availability (checkout, line, &in_stock))
    {
    case AISLE_LINE_AVAILABLE:
      *problem = FALSE;
      /* Translators: %s is a store name. */
      return g_strdup_printf (_("In stock at %s"), where);
    case AISLE_LINE_SHORT:
      /* Translators: %d is how many the store has, %s the store's name. */
      return g_strdup_printf (ngettext ("Only %d in stock at %s", "Only %d in stock at %s", in_stock), in_stock, where);
    case AISLE_LINE_UNAVAILABLE:
      /* Translators: %s is a store name. */
      return g_strdup_printf (_("Not in stock at %s"), where);
    case AISLE_LINE_DELIVERY_ONLY:
      return g_strdup (_("Only for home delivery"));
    case AISLE_LINE_UNKNOWN:
    default:
      *problem = FALSE;
      return g_strdup (_("The store confirms availability with your order"));
    }
}

static void
update_availability (AislePickupChooser *self)
{
  AisleCheckout *checkout = get_checkout (self);
  AisleLanguage language = aisle_language_get_current ();
  gboolean possible;

  if (checkout == NULL)
    return;
  possible = aisle_checkout_pickup_possible (checkout);
  aisle_widget_remove_children (GTK_WIDGET (self->availability_box));
  for (guint i = 0; i < aisle_checkout_get_n_lines (checkout); i++)
    {
      const AisleCheckoutLine *line = aisle_checkout_get_line (checkout, i);
      g_autofree char *name = NULL;
      gboolean problem;
      g_autofree char *state = availability_text (checkout, i, &problem);

      name = g_strdup_printf ("%u × %s", line->quantity,
                              aisle_catalog_product_name (aisle_checkout_get_catalog (checkout), line->product, language));
      gtk_box_append (self->availability_box,
                      aisle_line_row_new (name, state, problem ? "availability-problem" : "availability-ok"));
    }

  gtk_label_set_text (self->availability_hint,
                      possible ? ""
                      : aisle_checkout_can_deliver (checkout)
                        ? _("This store cannot prepare everything. Choose home delivery, or another store.")
                        : _("This store cannot prepare everything. Choose another store, or ask a member of staff."));
  gtk_widget_set_visible (GTK_WIDGET (self->availability_hint), !possible);
}

static void
store_answered_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Cancelled: another store was chosen, or this chooser is gone. */
  if (aisle_session_choose_pickup_store_finish (AISLE_SESSION (object), result, &error))
    update_availability (AISLE_PICKUP_CHOOSER (user_data));
}

/* The session sets the store at once; its stock may follow. */
static void
choose_store (AislePickupChooser *self,
              guint               store)
{
  g_cancellable_cancel (self->asking);
  g_clear_object (&self->asking);
  self->asking = g_cancellable_new ();
  aisle_session_choose_pickup_store_async (self->session, store, self->asking, store_answered_cb, self);
  update_availability (self);
}

static void
store_toggled_cb (GtkToggleButton    *button,
                  AislePickupChooser *self)
{
  if (self->updating || get_checkout (self) == NULL || !gtk_toggle_button_get_active (button))
    return;
  choose_store (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "aisle-store")));
  g_signal_emit (self, signals[STORE_CHOSEN], 0);
}

static GtkWidget *
store_button (const AisleStoreInfo *info,
              gboolean              home)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_box_append (GTK_BOX (box), aisle_text_label_new (info->name, "choice-title"));
  gtk_box_append (GTK_BOX (box), aisle_text_label_new (home ? _("This store") : (info->address ? info->address : ""),
                                                       "choice-detail"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "store-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, info->name, -1);
  return button;
}

static void
fill_stores (AislePickupChooser *self,
             AisleCheckout      *checkout)
{
  AisleCatalog *catalog = aisle_checkout_get_catalog (checkout);
  guint home = aisle_checkout_get_home_store (checkout);
  guint n = aisle_catalog_get_n_stores (catalog);
  GtkToggleButton *group = NULL;

  self->updating = TRUE;
  aisle_widget_remove_children (GTK_WIDGET (self->store_box));
  /* This store first, then the others in feed order. */
  for (guint k = 0; k < n; k++)
    {
      guint store = k == 0 ? home : (k <= home ? k - 1 : k);
      AisleStoreInfo info = { 0 };
      GtkWidget *button;

      if (store >= n || !aisle_catalog_store_info (catalog, store, &info))
        continue;
      button = store_button (&info, store == home);
      g_object_set_data (G_OBJECT (button), "aisle-store", GUINT_TO_POINTER (store));
      aisle_flow_box_append_choice (self->store_box, GTK_TOGGLE_BUTTON (button), &group);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), store == aisle_checkout_get_pickup_store (checkout));
      g_signal_connect_object (button, "toggled", G_CALLBACK (store_toggled_cb), self, 0);
    }
  self->updating = FALSE;
}

static void
aisle_pickup_chooser_dispose (GObject *object)
{
  AislePickupChooser *self = AISLE_PICKUP_CHOOSER (object);

  aisle_pickup_chooser_clear (self);
  g_clear_object (&self->session);
  aisle_widget_dispose_children (GTK_WIDGET (object), AISLE_TYPE_PICKUP_CHOOSER);

  G_OBJECT_CLASS (aisle_pickup_chooser_parent_class)->dispose (object);
}

static void
aisle_pickup_chooser_class_init (AislePickupChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = aisle_pickup_chooser_dispose;

  /**
   * AislePickupChooser::store-chosen:
   *
   * The shopper chose a store: its opening hours may offer other times.
   */
  signals[STORE_CHOSEN] = g_signal_new ("store-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  aisle_widget_class_set_template (widget_class, "aisle-pickup-chooser", "pickupchooser");
  gtk_widget_class_bind_template_child (widget_class, AislePickupChooser, store_box);
  gtk_widget_class_bind_template_child (widget_class, AislePickupChooser, availability_box);
  gtk_widget_class_bind_template_child (widget_class, AislePickupChooser, availability_hint);
}

static void
aisle_pickup_chooser_init (AislePickupChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aisle_flow_box_set_arrow_keys (self->store_box);
}

void
aisle_pickup_chooser_start (AislePickupChooser *self,
                            AisleSession       *session)
{
  AisleCheckout *checkout;

  g_return_if_fail (AISLE_IS_PICKUP_CHOOSER (self));
  g_return_if_fail (AISLE_IS_SESSION (session));
  g_return_if_fail (aisle_session_get_checkout (session) != NULL);

  g_set_object (&self->session, session);
  checkout = aisle_session_get_checkout (session);
  /* The stock may have moved on since the order was made. */
  choose_store (self, aisle_checkout_get_pickup_store (checkout));
  fill_stores (self, checkout);
}

const char *
aisle_pickup_chooser_get_hint (AislePickupChooser *self)
{
  AisleCheckout *checkout;

  g_return_val_if_fail (AISLE_IS_PICKUP_CHOOSER (self), NULL);

  checkout = get_checkout (self);
  if (checkout == NULL || aisle_checkout_pickup_possible (checkout))
    return NULL;
  return gtk_label_get_text (self->availability_hint);
}

void
aisle_pickup_chooser_clear (AislePickupChooser *self)
{
  g_return_if_fail (AISLE_IS_PICKUP_CHOOSER (self));

  g_cancellable_cancel (self->asking);
  g_clear_object (&self->asking);
}
