/* aisle-qr-view.c: a QR code on screen
 *
 * Phones read a QR code from a screen only when its modules are sharp: each
 * module is a whole number of pixels, placed on whole pixels, black on white,
 * with the four-module quiet zone. The widget takes what size it is given
 * and uses the largest module that fits.
 */
#define G_LOG_DOMAIN "aisle-qr-view"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-qr.h"
#include "aisle-qr-view.h"

struct _AisleQrView
{
  GtkWidget  parent_instance;
  AisleQr   *qr;
};

G_DEFINE_FINAL_TYPE (AisleQrView, aisle_qr_view, GTK_TYPE_WIDGET)

static void
aisle_qr_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AisleQrView *self = AISLE_QR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA black = { 0, 0, 0, 1 };
  guint size, module, side, x0, y0;

  if (self->qr == NULL || width <= 0 || height <= 0)
    return;

  size = aisle_qr_get_size (self->qr);
  module = aisle_qr_module_size_for (self->qr, (guint) MIN (width, height));
  side = module * (size + 2 * AISLE_QR_QUIET_ZONE);
  x0 = ((guint) width - MIN ((guint) width, side)) / 2;
  y0 = ((guint) height - MIN ((guint) height, side)) / 2;

  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, side, side));
  x0 += module * AISLE_QR_QUIET_ZONE;
  y0 += module * AISLE_QR_QUIET_ZONE;

  /* One rectangle per run of dark modules in a row. */
  for (guint row = 0; row < size; row++)
    {
      guint col = 0;

      while (col < size)
        {
          guint start;

          if (!aisle_qr_get_module (self->qr, col, row))
            {
              col++;
              continue;
            }
          for (start = col; col < size && aisle_qr_get_module (self->qr, col, row); col++)
            ;
          gtk_snapshot_append_color (snapshot, &black,
                                     &GRAPHENE_RECT_INIT (x0 + start * module, y0 + row * module,
                                                          (col - start) * module, module));
        }
    }
}

static void
aisle_qr_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  AisleQrView *self = AISLE_QR_VIEW (widget);
  int modules = self->qr ? (int) (aisle_qr_get_size (self->qr) + 2 * AISLE_QR_QUIET_ZONE) : 0;

  /* At least two pixels a module: one-pixel modules blur on many screens. */
  *minimum = modules * 2;
  *natural = modules * 6;
}

static void
aisle_qr_view_finalize (GObject *object)
{
  AisleQrView *self = AISLE_QR_VIEW (object);

  g_clear_pointer (&self->qr, aisle_qr_free);
  G_OBJECT_CLASS (aisle_qr_view_parent_class)->finalize (object);
}

static void
aisle_qr_view_class_init (AisleQrViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = aisle_qr_view_finalize;
  widget_class->snapshot = aisle_qr_view_snapshot;
  widget_class->measure = aisle_qr_view_measure;
  gtk_widget_class_set_css_name (widget_class, "qrview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
aisle_qr_view_init (AisleQrView *self)
{
}

GtkWidget *
aisle_qr_view_new (void)
{
  return g_object_new (AISLE_TYPE_QR_VIEW, NULL);
}

void
aisle_qr_view_set_text (AisleQrView *self,
                        const char  *text)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AISLE_IS_QR_VIEW (self));

  g_clear_pointer (&self->qr, aisle_qr_free);
  if (text != NULL && (self->qr = aisle_qr_new (text, &error)) == NULL)
    g_warning ("No QR code: %s", error->message);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->qr ? _("QR code for your order") : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
aisle_qr_view_get_text (AisleQrView *self)
{
  g_return_val_if_fail (AISLE_IS_QR_VIEW (self), NULL);
  return self->qr ? aisle_qr_get_text (self->qr) : NULL;
}
