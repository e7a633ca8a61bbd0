/* aisle-slip-render.c: the slip drawn with cairo and PangoCairo */
#define G_LOG_DOMAIN "aisle-slip-render"

#include "config.h"

#include <pango/pangocairo.h>

#include "aisle-qr.h"
#include "aisle-slip-render.h"

#define FONT_FAMILY "Sans"

typedef struct
{
  cairo_t      *cr;
  gboolean      draw;      /* FALSE: only measure */
  PangoContext *pango;
  double        width;
  double        base;      /* the body text size, in points */
  double        y;
  GArray       *breaks;    /* where a page may begin: after each block */
} Renderer;

static void
renderer_init (Renderer  *r,
               cairo_t   *cr,
               gboolean   draw,
               double     width)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  r->cr = cr;
  r->draw = draw;
  r->width = width;
  /* 9 pt on an 80 mm roll, 11 pt at most on a page. */
  r->base = CLAMP (width / 25.0, 6.0, 11.0);
  r->y = 0;
  r->breaks = g_array_new (FALSE, FALSE, sizeof (double));

  /* Points, and no hinting, so that measuring and drawing lay out the
   * same lines on any surface. */
  r->pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (r->pango, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (r->pango, options);
  cairo_font_options_destroy (options);
}

static void
renderer_clear (Renderer *r)
{
  g_clear_object (&r->pango);
  g_clear_pointer (&r->breaks, g_array_unref);
}

static void
end_block (Renderer *r,
           double    space_after)
{
  r->y += space_after;
  g_array_append_val (r->breaks, r->y);
}

static PangoLayout *
make_layout (Renderer       *r,
             const char     *text,
             double          scale,
             gboolean        bold,
             PangoAlignment  align,
             double          width)
{
  PangoLayout *layout = pango_layout_new (r->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (gint)(r->base * scale * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int)(MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  /* Plain text: a product name is never markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws (or measures) text at @x, @y, @width wide; returns its height. */
static double
text_at (Renderer       *r,
         const char     *text,
         double          scale,
         gboolean        bold,
         PangoAlignment  align,
         double          x,
         double          y,
         double          width)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (text == NULL || *text == '\0')
    return 0;

  layout = make_layout (r, text, scale, bold, align, width);
  pango_layout_get_size (layout, NULL, &height);
  if (r->draw)
    {
      cairo_move_to (r->cr, x, y);
      pango_cairo_show_layout (r->cr, layout);
    }
  return (double)height / PANGO_SCALE;
}

static double
text_width (Renderer   *r,
            const char *text,
            double      scale,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = make_layout (r, text, scale, bold, PANGO_ALIGN_LEFT, r->width);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

/* A paragraph across the width. */
static void
paragraph (Renderer       *r,
           const char     *text,
           double          scale,
           gboolean        bold,
           PangoAlignment  align)
{
  if (text == NULL || *text == '\0')
    return;
  r->y += text_at (r, text, scale, bold, align, 0, r->y, r->width);
  end_block (r, r->base * 0.3);
}

static void
rule (Renderer *r,
      double    thickness)
{
  r->y += r->base * 0.3;
  if (r->draw)
    {
      cairo_save (r->cr);
      cairo_set_source_rgb (r->cr, 0, 0, 0);
      cairo_rectangle (r->cr, 0, r->y, r->width, thickness);
      cairo_fill (r->cr);
      cairo_restore (r->cr);
    }
  r->y += thickness;
  end_block (r, r->base * 0.6);
}

/* @left beside @right, which is flush right. */
static void
pair (Renderer   *r,
      const char *left,
      const char *right,
      double      scale,
      gboolean    bold)
{
  double right_width = MIN (text_width (r, right, scale, bold), r->width / 2);
  double gap = r->base;
  double h1 = text_at (r, left, scale, bold, PANGO_ALIGN_LEFT, 0, r->y, r->width - right_width - gap);
  double h2 = text_at (r, right, scale, bold, PANGO_ALIGN_RIGHT, r->width - right_width, r->y, right_width);

  r->y += MAX (h1, h2);
  end_block (r, r->base * 0.2);
}

static void
qr_code (Renderer   *r,
         const char *payload,
         const char *caption)
{
  g_autoptr(AisleQr) qr = NULL;
  g_autoptr(GError) error = NULL;
  double module, side;

  if (*payload == '\0')
    return;
  qr = aisle_qr_new (payload, &error);
  if (qr == NULL)
    {
      g_message ("No QR code on the slip: %s", error->message);
      return;
    }

  /* About 0.7 mm modules, smaller only when the paper is narrow. */
  module = MIN (2.0, r->width * 0.7 / (aisle_qr_get_size (qr) + 2 * AISLE_QR_QUIET_ZONE));
  side = module * (aisle_qr_get_size (qr) + 2 * AISLE_QR_QUIET_ZONE);
  if (r->draw)
    aisle_qr_draw (qr, r->cr, (r->width - side) / 2, r->y, module);
  r->y += side;
  r->y += text_at (r, caption, 0.9, FALSE, PANGO_ALIGN_CENTER, 0, r->y, r->width);
  end_block (r, r->base * 0.8);
}

static void
header_part (Renderer  *r,
             AisleSlip *slip)
{
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_SHOP), 2.0, TRUE, PANGO_ALIGN_CENTER);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_STORE), 1.0, FALSE, PANGO_ALIGN_CENTER);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_DATE), 0.9, FALSE, PANGO_ALIGN_CENTER);
  rule (r, 1.5);
}

static void
order_part (Renderer  *r,
            AisleSlip *slip)
{
  if (!aisle_slip_has_order (slip))
    return;

  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_ORDER_TITLE), 1.4, TRUE, PANGO_ALIGN_CENTER);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_PICKUP_LABEL), 1.0, FALSE, PANGO_ALIGN_CENTER);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_PICKUP_CODE), 2.4, TRUE, PANGO_ALIGN_CENTER);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_FULFILLMENT), 1.0, FALSE, PANGO_ALIGN_LEFT);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_PENDING), 1.0, TRUE, PANGO_ALIGN_LEFT);
  qr_code (r, aisle_slip_get_text (slip, AISLE_SLIP_ORDER_URL), aisle_slip_get_text (slip, AISLE_SLIP_ORDER_CAPTION));
  rule (r, 0.75);
}

/* A shelf label as in the stockroom: a small caption over a big value. */
static double
location_cell (Renderer   *r,
               const char *caption,
               const char *value,
               double      x,
               double      width)
{
  double h = text_at (r, caption, 0.7, FALSE, PANGO_ALIGN_LEFT, x, r->y, width);

  return h + text_at (r, value ? value : "?", 1.5, TRUE, PANGO_ALIGN_LEFT, x, r->y + h, width);
}

static void
pick_part (Renderer  *r,
           AisleSlip *slip)
{
  const char *aisle_label = aisle_slip_get_text (slip, AISLE_SLIP_AISLE_LABEL);
  const char *shelf_label = aisle_slip_get_text (slip, AISLE_SLIP_SHELF_LABEL);
  double cell = MAX (r->base * 3.2, MAX (text_width (r, aisle_label, 0.7, FALSE),
                                         text_width (r, shelf_label, 0.7, FALSE)) + r->base * 0.5);

  if (aisle_slip_get_n_pick_rows (slip) == 0)
    return;

  cell = MIN (cell, r->width / 4);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_PICK_HEADING), 1.3, TRUE, PANGO_ALIGN_LEFT);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_PICK_SUMMARY), 0.9, FALSE, PANGO_ALIGN_LEFT);

  for (guint i = 0; i < aisle_slip_get_n_pick_rows (slip); i++)
    {
      const AisleSlipPickRow *row = aisle_slip_get_pick_row (slip, i);
      g_autofree char *what = g_strdup_printf ("%u \303\227 %s  %s", row->boxes, row->article, row->name);
      double x = 2 * cell;
      double left = MAX (location_cell (r, aisle_label, row->aisle, 0, cell),
                         location_cell (r, shelf_label, row->shelf, cell, cell));
      double right = text_at (r, what, 1.0, TRUE, PANGO_ALIGN_LEFT, x, r->y, r->width - x);

      right += text_at (r, row->box, 0.9, FALSE, PANGO_ALIGN_LEFT, x, r->y + right, r->width - x);
      r->y += MAX (left, right);
      end_block (r, r->base * 0.6);
    }
  rule (r, 0.75);
}

static void
serve_part (Renderer  *r,
            AisleSlip *slip)
{
  if (aisle_slip_get_n_serve_rows (slip) == 0)
    return;

  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_SERVE_HEADING), 1.3, TRUE, PANGO_ALIGN_LEFT);
  paragraph (r, aisle_slip_get_text (slip, AISLE_SLIP_SERVE_NOTE), 0.9, FALSE, PANGO_ALIGN_LEFT);

  for (guint i = 0; i < aisle_slip_get_n_serve_rows (slip); i++)
    {
      const AisleSlipServeRow *row = aisle_slip_get_serve_row (slip, i);
      g_autofree char *what = g_strdup_printf ("%u \303\227 %s  %s", row->quantity, row->article, row->name);

      pair (r, what, row->amount, 1.0, FALSE);
      r->y += text_at (r, row->how, 0.9, FALSE, PANGO_ALIGN_LEFT, r->base, r->y, r->width - r->base);
      end_block (r, r->base * 0.4);
    }
  rule (r, 0.75);
}

static void
totals_part (Renderer  *r,
             AisleSlip *slip)
{
  for (guint i = 0; i < aisle_slip_get_n_totals (slip); i++)
    {
      const AisleSlipTotal *total = aisle_slip_get_total (slip, i);

      pair (r, total->label, total->amount, total->grand ? 1.3 : 1.0, total->grand);
    }
  rule (r, 1.5);
}

/* Lays out (and with @draw, draws) the whole slip; returns the renderer's
 * breaks through @breaks when asked. */
static double
render (AisleSlip  *slip,
        cairo_t    *cr,
        gboolean    draw,
        double      width,
        GArray    **breaks)
{
  Renderer r = { 0 };
  double height;

  renderer_init (&r, cr, draw, width);
  header_part (&r, slip);
  order_part (&r, slip);
  pick_part (&r, slip);
  serve_part (&r, slip);
  totals_part (&r, slip);
  qr_code (&r, aisle_slip_get_text (slip, AISLE_SLIP_PHONE_URL), aisle_slip_get_text (slip, AISLE_SLIP_PHONE_CAPTION));

  height = r.y;
  if (breaks != NULL)
    *breaks = g_array_ref (r.breaks);
  renderer_clear (&r);
  return height;
}

static double
measure (AisleSlip  *slip,
         double      width,
         GArray    **breaks)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double height = render (slip, cr, FALSE, width, breaks);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

void
aisle_slip_render (AisleSlip *slip,
                   cairo_t   *cr,
                   double     width_pt)
{
  g_return_if_fail (AISLE_IS_SLIP (slip));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width_pt > 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  render (slip, cr, TRUE, width_pt, NULL);
  cairo_restore (cr);
}

double
aisle_slip_render_get_height (AisleSlip *slip,
                              double     width_pt)
{
  g_return_val_if_fail (AISLE_IS_SLIP (slip), 0);
  g_return_val_if_fail (width_pt > 0, 0);

  return measure (slip, width_pt, NULL);
}

GArray *
aisle_slip_render_paginate (AisleSlip *slip,
                            double     width_pt,
                            double     page_height_pt)
{
  g_autoptr(GArray) breaks = NULL;
  GArray *starts;
  double height, start = 0;

  g_return_val_if_fail (AISLE_IS_SLIP (slip), NULL);
  g_return_val_if_fail (width_pt > 0 && page_height_pt > 0, NULL);

  height = measure (slip, width_pt, &breaks);
  starts = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (starts, start);

  while (height - start > page_height_pt)
    {
      double next = start + page_height_pt;

      /* The last break that still fits on this page, if any. */
      for (guint i = breaks->len; i > 0; i--)
        {
          double b = g_array_index (breaks, double, i - 1);

          if (b > start && b <= start + page_height_pt)
            {
              next = b;
              break;
            }
        }
      g_array_append_val (starts, next);
      start = next;
    }

  return starts;
}
