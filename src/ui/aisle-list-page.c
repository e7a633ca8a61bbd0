/* aisle-list-page.c: the shopping list, in two parts, as a shopper walks the store
 *
 * "Pick it yourself": one row per box of the self-serve articles, in walking
 * order through the stockroom. "We prepare it for you": full-serve and
 * online-only articles, and self-serve ones the shopper asked to have
 * prepared. A list has a few dozen rows at most, so it is rebuilt whenever
 * it changes.
 */
#define G_LOG_DOMAIN "aisle-list"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-language.h"
#include "aisle-list-page.h"
#include "aisle-money.h"
#include "aisle-widget-util.h"

struct _AisleListPage
{
  GtkWidget          parent_instance;

  AisleShoppingList *list;
  AisleCatalog      *catalog;
  AisleStock        *stock;

  GtkLabel          *summary_label;
  GtkStack          *stack;
  GtkWidget         *print_button;
  GtkWidget         *pick_section;
  GtkLabel          *pick_summary;
  GtkBox            *pick_rows;
  GtkWidget         *prepare_section;
  GtkBox            *prepare_rows;
  GtkLabel          *totals_label;
  gboolean           portrait;
};

G_DEFINE_FINAL_TYPE (AisleListPage, aisle_list_page, GTK_TYPE_WIDGET)

enum {
  ORDER,
  PRINT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
print_clicked_cb (AisleListPage *self)
{
  g_signal_emit (self, signals[PRINT], 0);
}

static void
order_clicked_cb (AisleListPage *self)
{
  g_signal_emit (self, signals[ORDER], 0);
}

static void
change_quantity (GtkButton     *button,
                 AisleListPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "aisle-product-id");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "aisle-delta"));

  for (guint i = 0; i < aisle_shopping_list_get_n_lines (self->list); i++)
    {
      const AisleListLine *line = aisle_shopping_list_get_line (self->list, i);

      if (g_strcmp0 (line->product_id, id) == 0)
        {
          /* Pressing − at 1 takes the line away, as the ✕ does. */
          aisle_shopping_list_set_quantity (self->list, id, MAX ((int)line->quantity + delta, 0));
          return;
        }
    }
}

static void
toggle_prepared (GtkButton     *button,
                 AisleListPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "aisle-product-id");
  gboolean prepared = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "aisle-prepared"));

  aisle_shopping_list_set_prepared (self->list, id, prepared);
}

static GtkWidget *
small_button (AisleListPage *self,
              const char    *label,
              const char    *a11y,
              const char    *product_id,
              GCallback      callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (button), "aisle-product-id", g_strdup (product_id), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* − quantity + ✕, changing the whole article (every box of it). */
static GtkWidget *
quantity_controls (AisleListPage       *self,
                   const AisleListLine *line,
                   const char          *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *less = g_strdup_printf (_("One less %s"), name);
  g_autofree char *more = g_strdup_printf (_("One more %s"), name);
  g_autofree char *remove = g_strdup_printf (_("Remove %s from the list"), name);
  g_autofree char *count = g_strdup_printf ("%u", line->quantity);
  GtkWidget *minus, *plus, *label, *cross;

  minus = small_button (self, "−", less, line->product_id, G_CALLBACK (change_quantity));
  g_object_set_data (G_OBJECT (minus), "aisle-focus-role", (gpointer) "less");
  g_object_set_data (G_OBJECT (minus), "aisle-delta", GINT_TO_POINTER (-1));
  plus = small_button (self, "+", more, line->product_id, G_CALLBACK (change_quantity));
  g_object_set_data (G_OBJECT (plus), "aisle-focus-role", (gpointer) "more");
  g_object_set_data (G_OBJECT (plus), "aisle-delta", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (plus, line->quantity < AISLE_SHOPPING_LIST_MAX_QUANTITY);
  cross = small_button (self, "✕", remove, line->product_id, G_CALLBACK (change_quantity));
  g_object_set_data (G_OBJECT (cross), "aisle-focus-role", (gpointer) "remove");
  g_object_set_data (G_OBJECT (cross), "aisle-delta", GINT_TO_POINTER (-AISLE_SHOPPING_LIST_MAX_QUANTITY));

  label = gtk_label_new (count);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_widget_add_css_class (label, "list-quantity");

  gtk_widget_add_css_class (box, "quantity-controls");
  gtk_box_append (GTK_BOX (box), minus);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), plus);
  gtk_box_append (GTK_BOX (box), cross);
  return box;
}

static GtkWidget *
text_column (const char *title,
             const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_label_new (title);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (top), 0);
  gtk_label_set_wrap (GTK_LABEL (top), TRUE);
  gtk_widget_add_css_class (top, "list-name");
  gtk_box_append (GTK_BOX (box), top);

  if (detail != NULL && *detail)
    {
      GtkWidget *bottom = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (bottom), 0);
      gtk_label_set_wrap (GTK_LABEL (bottom), TRUE);
      gtk_widget_add_css_class (bottom, "list-detail");
      gtk_box_append (GTK_BOX (box), bottom);
    }

  return box;
}

/* A row: the article and where it is on one line, its controls beside
 * them, or under them where the screen is too narrow for both (portrait). */
static GtkWidget *
row_new (GtkWidget **line)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (row, "list-row");
  *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_box_append (GTK_BOX (row), *line);
  return row;
}

static GtkWidget *
row_controls (AisleListPage *self,
              GtkWidget     *row,
              GtkWidget     *line)
{
  GtkWidget *controls;

  if (!self->portrait)
    return line;
  controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_widget_set_halign (controls, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (row), controls);
  return controls;
}

static const AisleListLine *
line_for (AisleListPage *self,
          guint          index)
{
  return aisle_shopping_list_get_line (self->list, index);
}

static void
add_pick_row (AisleListPage      *self,
              const AislePickRow *pick)
{
  AisleLanguage language = aisle_language_get_current ();
  const AisleListLine *line = line_for (self, pick->line);
  const char *name = aisle_catalog_product_name (self->catalog, pick->product, language);
  GtkWidget *line_box;
  GtkWidget *row = row_new (&line_box);
  g_autofree char *box_text = aisle_describe_box (self->catalog, pick->product, pick->package, pick->n_packages);
  g_autofree char *detail = NULL;

  /* Translators: "Box 1 of 2: Frame · take 2 · Article 104.233.67" */
  detail = g_strdup_printf (ngettext ("%s · take %u · Article %s", "%s · take %u · Article %s", pick->boxes),
                            box_text, pick->boxes, aisle_catalog_product_article (self->catalog, pick->product));

  gtk_box_append (GTK_BOX (line_box), aisle_location_cell_new (C_("store location", "Aisle"), pick->aisle));
  gtk_box_append (GTK_BOX (line_box), aisle_location_cell_new (C_("store location", "Shelf"), pick->shelf));
  gtk_box_append (GTK_BOX (line_box), text_column (name, detail));

  /* The controls once per article, on its first box. */
  if (pick->package == 1)
    {
      GtkWidget *controls = row_controls (self, row, line_box);
      GtkWidget *prepare = small_button (self, _("Prepare it for me"), _("Prepare it for me"),
                                         line->product_id, G_CALLBACK (toggle_prepared));

      g_object_set_data (G_OBJECT (prepare), "aisle-prepared", GINT_TO_POINTER (TRUE));
      g_object_set_data (G_OBJECT (prepare), "aisle-focus-role", (gpointer) "toggle");
      gtk_box_append (GTK_BOX (controls), prepare);
      gtk_box_append (GTK_BOX (controls), quantity_controls (self, line, name));
    }

  gtk_box_append (self->pick_rows, row);
}

static void
add_prepare_row (AisleListPage *self,
                 guint          index)
{
  AisleLanguage language = aisle_language_get_current ();
  const AisleListLine *line = line_for (self, index);
  guint product = aisle_catalog_find_by_id (self->catalog, line->product_id);
  GtkWidget *line_box, *controls;
  GtkWidget *row = row_new (&line_box);
  const char *name, *how;
  g_autofree char *price = NULL;
  g_autofree char *detail = NULL;
  const char *currency;

  if (product == AISLE_CATALOG_NO_INDEX)
    {
      gtk_box_append (GTK_BOX (line_box), text_column (_("An article the shop no longer sells"), line->product_id));
      gtk_box_append (GTK_BOX (row_controls (self, row, line_box)), quantity_controls (self, line, line->product_id));
      gtk_box_append (self->prepare_rows, row);
      return;
    }

  name = aisle_catalog_product_name (self->catalog, product, language);
  switch (aisle_catalog_product_fulfillment (self->catalog, product))
    {
    case AISLE_FULFILLMENT_FULL_SERVE:
      how = _("Collected at the full-serve desk");
      break;
    case AISLE_FULFILLMENT_ONLINE_ONLY:
      how = _("Order for delivery");
      break;
    case AISLE_FULFILLMENT_SELF_SERVE:
    default:
      how = _("Prepared for you by staff");
      break;
    }

  {
    gint64 amount = aisle_catalog_product_price (self->catalog, product, &currency);
    price = aisle_money_format (amount, currency, aisle_language_get_code (language));
  }
  /* Translators: "Collected at the full-serve desk · €129.99 each · Article 104.233.67" */
  detail = g_strdup_printf (_("%s · %s each · Article %s"), how, price,
                            aisle_catalog_product_article (self->catalog, product));
  gtk_box_append (GTK_BOX (line_box), text_column (name, detail));
  controls = row_controls (self, row, line_box);

  if (aisle_catalog_product_fulfillment (self->catalog, product) == AISLE_FULFILLMENT_SELF_SERVE)
    {
      GtkWidget *pick = small_button (self, _("I will pick it myself"), _("I will pick it myself"),
                                      line->product_id, G_CALLBACK (toggle_prepared));

      g_object_set_data (G_OBJECT (pick), "aisle-prepared", GINT_TO_POINTER (FALSE));
      g_object_set_data (G_OBJECT (pick), "aisle-focus-role", (gpointer) "toggle");
      gtk_box_append (GTK_BOX (controls), pick);
    }

  gtk_box_append (GTK_BOX (controls), quantity_controls (self, line, name));
  gtk_box_append (self->prepare_rows, row);
}

/* Rows are made anew on every change: the focus goes back to the same
 * control of the same article ("Prepare it for me" becomes "I will pick it
 * myself" in the other part), or, when the article is gone, to the row that
 * took its place. */
typedef struct
{
  char       *product_id;
  const char *role;
  guint       row;        /* which list-row, counted over both parts */
} FocusMark;

static GtkWidget *
focused_button (AisleListPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  return GTK_IS_BUTTON (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON);
}

static void
collect_rows (GtkWidget *container,
              GPtrArray *rows)
{
  for (GtkWidget *row = gtk_widget_get_first_child (container); row; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (rows, row);
}

static GPtrArray *
all_rows (AisleListPage *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (self->pick_rows), rows);
  collect_rows (GTK_WIDGET (self->prepare_rows), rows);
  return rows;
}

static gboolean
mark_focus (AisleListPage *self,
            FocusMark     *mark)
{
  GtkWidget *button = focused_button (self);
  g_autoptr(GPtrArray) rows = NULL;

  if (button == NULL || g_object_get_data (G_OBJECT (button), "aisle-focus-role") == NULL)
    return FALSE;
  mark->product_id = g_strdup (g_object_get_data (G_OBJECT (button), "aisle-product-id"));
  mark->role = g_object_get_data (G_OBJECT (button), "aisle-focus-role");
  rows = all_rows (self);
  for (mark->row = 0; mark->row < rows->len; mark->row++)
    if (gtk_widget_is_ancestor (button, g_ptr_array_index (rows, mark->row)))
      break;
  return TRUE;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *product_id,
             const char *role)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_sensitive (widget) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "aisle-product-id"), product_id) == 0 &&
      (role == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (widget), "aisle-focus-role"), role) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, product_id, role);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
restore_focus (AisleListPage *self,
               FocusMark     *mark)
{
  g_autoptr(GPtrArray) rows = all_rows (self);
  GtkWidget *target;

  target = find_button (GTK_WIDGET (self), mark->product_id, mark->role);
  if (target == NULL)
    target = find_button (GTK_WIDGET (self), mark->product_id, NULL);
  if (target != NULL)
    gtk_widget_grab_focus (target);
  else if (rows->len > 0)
    gtk_widget_child_focus (g_ptr_array_index (rows, MIN (mark->row, rows->len - 1)), GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
  g_free (mark->product_id);
}

static void
rebuild_rows (AisleListPage *self);

static void
rebuild (AisleListPage *self)
{
  FocusMark mark = { 0 };
  gboolean had_focus = mark_focus (self, &mark);

  rebuild_rows (self);
  if (had_focus)
    restore_focus (self, &mark);
}

static void
rebuild_rows (AisleListPage *self)
{
  g_autoptr(GArray) picks = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *pick_summary = NULL;
  g_autofree char *picked_text = NULL, *prepared_text = NULL, *total_text = NULL;
  const char *code = aisle_language_get_current_code ();
  gint64 total, picked, prepared;
  guint n_items, n_boxes, n_prepared = 0;

  aisle_widget_remove_children (GTK_WIDGET (self->pick_rows));
  aisle_widget_remove_children (GTK_WIDGET (self->prepare_rows));

  if (self->list == NULL || self->catalog == NULL || aisle_shopping_list_get_n_lines (self->list) == 0)
    {
      gtk_label_set_text (self->summary_label, _("Your list is empty"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (self->print_button, FALSE);
      return;
    }

  picks = aisle_shopping_list_pick_rows (self->list, self->catalog, self->stock, &n_boxes);
  for (guint i = 0; i < picks->len; i++)
    add_pick_row (self, &g_array_index (picks, AislePickRow, i));

  for (guint i = 0; i < aisle_shopping_list_get_n_lines (self->list); i++)
    if (!aisle_shopping_list_is_picked (self->list, self->catalog, i))
      {
        add_prepare_row (self, i);
        n_prepared++;
      }

  gtk_widget_set_visible (self->pick_section, picks->len > 0);
  gtk_widget_set_visible (self->prepare_section, n_prepared > 0);

  pick_summary = g_strdup_printf (ngettext ("%u box to take from the self-serve area, in walking order",
                                            "%u boxes to take from the self-serve area, in walking order", n_boxes),
                                  n_boxes);
  gtk_label_set_text (self->pick_summary, pick_summary);

  n_items = aisle_shopping_list_count_items (self->list);
  total = aisle_shopping_list_total (self->list, self->catalog, &picked, &prepared);
  total_text = aisle_money_format (total, aisle_catalog_get_currency (self->catalog), code);
  picked_text = aisle_money_format (picked, aisle_catalog_get_currency (self->catalog), code);
  prepared_text = aisle_money_format (prepared, aisle_catalog_get_currency (self->catalog), code);

  summary = g_strdup_printf (ngettext ("%u article · %s", "%u articles · %s", n_items), n_items, total_text);
  gtk_label_set_text (self->summary_label, summary);

  /* Only the parts the list has: "Pick it yourself €259.98 · We prepare it
   * €349.00 · Total €608.98". */
  {
    g_autoptr(GString) line = g_string_new (NULL);

    if (picks->len > 0)
      /* Translators: the subtotal of the boxes the shopper picks. */
      g_string_append_printf (line, _("Pick it yourself %s"), picked_text);
    if (n_prepared > 0)
      {
        if (line->len)
          g_string_append (line, " · ");
        /* Translators: the subtotal of what staff prepare. */
        g_string_append_printf (line, _("We prepare it %s"), prepared_text);
      }
    if (line->len)
      g_string_append (line, " · ");
    g_string_append_printf (line, _("Total %s"), total_text);
    gtk_label_set_text (self->totals_label, line->str);
  }
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (self->print_button, TRUE);
}

void
aisle_list_page_set_list (AisleListPage     *self,
                          AisleShoppingList *list)
{
  g_return_if_fail (AISLE_IS_LIST_PAGE (self));

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, rebuild, self);
  g_set_object (&self->list, list);
  if (list != NULL)
    g_signal_connect_swapped (list, "changed", G_CALLBACK (rebuild), self);
  rebuild (self);
}

void
aisle_list_page_set_portrait (AisleListPage *self,
                              gboolean       portrait)
{
  g_return_if_fail (AISLE_IS_LIST_PAGE (self));

  if (self->portrait == !!portrait)
    return;
  self->portrait = !!portrait;
  rebuild (self);
}

void
aisle_list_page_set_catalog (AisleListPage *self,
                             AisleCatalog  *catalog,
                             AisleStock    *stock)
{
  g_return_if_fail (AISLE_IS_LIST_PAGE (self));

  g_set_object (&self->catalog, catalog);
  g_set_object (&self->stock, stock);
  rebuild (self);
}

static void
aisle_list_page_dispose (GObject *object)
{
  AisleListPage *self = (AisleListPage *)object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, rebuild, self);
  g_clear_object (&self->list);
  g_clear_object (&self->catalog);
  g_clear_object (&self->stock);
  aisle_widget_dispose_children (GTK_WIDGET (self), AISLE_TYPE_LIST_PAGE);

  G_OBJECT_CLASS (aisle_list_page_parent_class)->dispose (object);
}

static void
aisle_list_page_class_init (AisleListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_list_page_dispose;

  aisle_widget_class_set_template (widget_class, "aisle-list-page", "listpage");
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, pick_section);
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, pick_summary);
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, pick_rows);
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, prepare_section);
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, prepare_rows);
  gtk_widget_class_bind_template_child (widget_class, AisleListPage, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, order_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);

  /**
   * AisleListPage::order:
   *
   * The shopper wants to order what staff prepare, for pickup or delivery.
   */
  signals[ORDER] = g_signal_new ("order", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AisleListPage::print:
   *
   * The shopper wants the list on paper, with where every box is.
   */
  signals[PRINT] = g_signal_new ("print", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aisle_list_page_init (AisleListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
