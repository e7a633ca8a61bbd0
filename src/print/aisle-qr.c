/* aisle-qr.c: QR codes from libqrencode as a plain matrix of modules
 */
#define G_LOG_DOMAIN "aisle-qr"

#include "config.h"

#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-qr.h"

struct _AisleQr
{
  char   *text;
  guint   size;
  guint8 *modules;   /* size × size, 1 = dark */
};

AisleQr *
aisle_qr_new (const char  *text,
              GError     **error)
{
  g_autoptr(AisleQr) self = NULL;
  QRcode *code;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  if (len == 0 || len > AISLE_QR_MAX_TEXT)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("This text cannot be made into a QR code."));
      return NULL;
    }

  code = QRcode_encodeData ((int) len, (const unsigned char *) text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("This text cannot be made into a QR code."));
      return NULL;
    }

  self = g_new0 (AisleQr, 1);
  self->text = g_strdup (text);
  self->size = (guint) code->width;
  self->modules = g_malloc ((gsize) self->size * self->size);
  for (gsize i = 0; i < (gsize) self->size * self->size; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return g_steal_pointer (&self);
}

void
aisle_qr_free (AisleQr *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->modules);
  g_free (self);
}

guint
aisle_qr_get_size (const AisleQr *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}

const char *
aisle_qr_get_text (const AisleQr *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

gboolean
aisle_qr_get_module (const AisleQr *self,
                     guint          x,
                     guint          y)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (x >= self->size || y >= self->size)
    return FALSE;
  return self->modules[(gsize) y * self->size + x] != 0;
}

guint
aisle_qr_module_size_for (const AisleQr *self,
                          guint          side)
{
  guint total;

  g_return_val_if_fail (self != NULL, 1);
  total = self->size + 2 * AISLE_QR_QUIET_ZONE;
  return MAX (1, side / total);
}

void
aisle_qr_draw (const AisleQr *self,
               cairo_t       *cr,
               double         x,
               double         y,
               double         module)
{
  double side;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  side = (self->size + 2 * AISLE_QR_QUIET_ZONE) * module;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, side, side);
  cairo_fill (cr);

  /* One rectangle per run of dark modules in a row: fewer, exact edges. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint row = 0; row < self->size; row++)
    {
      guint col = 0;

      while (col < self->size)
        {
          guint start;

          if (!aisle_qr_get_module (self, col, row))
            {
              col++;
              continue;
            }
          start = col;
          while (col < self->size && aisle_qr_get_module (self, col, row))
            col++;
          cairo_rectangle (cr,
                           x + (start + AISLE_QR_QUIET_ZONE) * module,
                           y + (row + AISLE_QR_QUIET_ZONE) * module,
                           (col - start) * module,
                           module);
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);
}
