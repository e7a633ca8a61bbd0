/* aisle-slip-view.c: a slip on screen, drawn as it prints */
#define G_LOG_DOMAIN "aisle-slip-view"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-slip-render.h"
#include "aisle-slip-view.h"

/* An 80 mm roll, the usual receipt width: the on-screen slip looks like
 * the paper one, only larger. */
#define SLIP_WIDTH_PT (80.0 / 25.4 * 72.0)

struct _AisleSlipView
{
  GtkWidget  parent_instance;
  AisleSlip *slip;
  double     height_pt;   /* of the drawing at SLIP_WIDTH_PT */
};

G_DEFINE_FINAL_TYPE (AisleSlipView, aisle_slip_view, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
aisle_slip_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
aisle_slip_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AisleSlipView *self = AISLE_SLIP_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 560;
      return;
    }

  if (self->slip == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  /* Height follows width: the drawing scales as a whole. */
  *minimum = *natural = (int) ceil (self->height_pt * (for_size > 0 ? for_size : 560) / SLIP_WIDTH_PT);
}

static void
aisle_slip_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  AisleSlipView *self = AISLE_SLIP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale;
  cairo_t *cr;

  if (self->slip == NULL || width <= 0 || height <= 0)
    return;

  scale = width / SLIP_WIDTH_PT;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  aisle_slip_render (self->slip, cr, SLIP_WIDTH_PT);
  cairo_destroy (cr);
}

static void
aisle_slip_view_dispose (GObject *object)
{
  AisleSlipView *self = AISLE_SLIP_VIEW (object);

  g_clear_object (&self->slip);
  G_OBJECT_CLASS (aisle_slip_view_parent_class)->dispose (object);
}

static void
aisle_slip_view_class_init (AisleSlipViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aisle_slip_view_dispose;
  widget_class->get_request_mode = aisle_slip_view_get_request_mode;
  widget_class->measure = aisle_slip_view_measure;
  widget_class->snapshot = aisle_slip_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "slipview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
aisle_slip_view_init (AisleSlipView *self)
{
}

GtkWidget *
aisle_slip_view_new (void)
{
  return g_object_new (AISLE_TYPE_SLIP_VIEW, NULL);
}

void
aisle_slip_view_set_slip (AisleSlipView *self,
                          AisleSlip     *slip)
{
  g_autofree char *label = NULL;

  g_return_if_fail (AISLE_IS_SLIP_VIEW (self));
  g_return_if_fail (slip == NULL || AISLE_IS_SLIP (slip));

  if (!g_set_object (&self->slip, slip))
    return;

  self->height_pt = slip ? aisle_slip_render_get_height (slip, SLIP_WIDTH_PT) : 0;

  /* A screen reader hears what the slip is; its rows are on the list page. */
  if (slip != NULL && aisle_slip_has_order (slip))
    /* Translators: %s is "Order CN-000123" or "Your order". */
    label = g_strdup_printf (_("Slip: %s"), aisle_slip_get_text (slip, AISLE_SLIP_ORDER_TITLE));
  else
    label = g_strdup (_("Slip with your list and where to find every box"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

AisleSlip *
aisle_slip_view_get_slip (AisleSlipView *self)
{
  g_return_val_if_fail (AISLE_IS_SLIP_VIEW (self), NULL);
  return self->slip;
}
