/* aisle-pdf-printer.c: the slip as a PDF file, drawn as for office printers */
#define G_LOG_DOMAIN "aisle-pdf-printer"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "aisle-pdf-printer.h"
#include "aisle-slip-render.h"

#define DEFAULT_MARGIN 42.52   /* 15 mm */

struct _AislePdfPrinter
{
  GObject  parent_instance;

  char    *folder;
  double   width;
  double   height;
  double   margin;
};

static void printer_iface_init (AislePrinterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AislePdfPrinter, aisle_pdf_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AISLE_TYPE_PRINTER, printer_iface_init))

static void
draw_pages (AisleSlip *slip,
            cairo_t   *cr,
            double     width,
            double     page_height,
            double     margin)
{
  double content_width = width - 2 * margin;
  double content_height = page_height - 2 * margin;
  g_autoptr(GArray) starts = aisle_slip_render_paginate (slip, content_width, content_height);

  for (guint i = 0; i < starts->len; i++)
    {
      double start = g_array_index (starts, double, i);
      double end = i + 1 < starts->len ? g_array_index (starts, double, i + 1) : start + content_height;

      cairo_save (cr);
      cairo_translate (cr, margin, margin);
      /* Only what belongs to this page: the next starts at a break. */
      cairo_rectangle (cr, 0, 0, content_width, end - start);
      cairo_clip (cr);
      cairo_translate (cr, 0, -start);
      aisle_slip_render (slip, cr, content_width);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
}

/* Draws @slip on @surface's pages, which are @height_pt tall (0: one page
 * as tall as the slip, made here), and finishes the surface. */
static cairo_status_t
render (AisleSlip       *slip,
        cairo_surface_t *surface,
        double           width_pt,
        double           height_pt,
        double           margin_pt)
{
  cairo_status_t status;
  cairo_t *cr;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, aisle_slip_get_text (slip, AISLE_SLIP_SHOP));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Aisle");
  cr = cairo_create (surface);
  draw_pages (slip, cr, width_pt, height_pt, margin_pt);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static double
page_height (AisleSlip *slip,
             double     width_pt,
             double     height_pt,
             double     margin_pt)
{
  /* One long page: as tall as the slip. */
  if (height_pt == 0)
    return aisle_slip_render_get_height (slip, width_pt - 2 * margin_pt) + 2 * margin_pt + 1;
  return height_pt;
}

gboolean
aisle_slip_write_pdf (AisleSlip   *slip,
                      const char  *path,
                      double       width_pt,
                      double       height_pt,
                      double       margin_pt,
                      GError     **error)
{
  g_autofree char *temp = NULL;
  cairo_status_t status;

  g_return_val_if_fail (AISLE_IS_SLIP (slip), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width_pt > 2 * margin_pt && margin_pt >= 0, FALSE);
  g_return_val_if_fail (height_pt == 0 || height_pt > 2 * margin_pt, FALSE);

  height_pt = page_height (slip, width_pt, height_pt, margin_pt);
  temp = g_strconcat (path, ".part", NULL);
  status = render (slip, cairo_pdf_surface_create (temp, width_pt, height_pt), width_pt, height_pt, margin_pt);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp);
      g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "%s: %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "%s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
aisle_slip_to_pdf (AisleSlip  *slip,
                   double      width_pt,
                   double      height_pt,
                   double      margin_pt,
                   GError    **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_status_t status;

  g_return_val_if_fail (AISLE_IS_SLIP (slip), NULL);
  g_return_val_if_fail (width_pt > 2 * margin_pt && margin_pt >= 0, NULL);
  g_return_val_if_fail (height_pt == 0 || height_pt > 2 * margin_pt, NULL);

  height_pt = page_height (slip, width_pt, height_pt, margin_pt);
  status = render (slip, cairo_pdf_surface_create_for_stream (append_bytes, pdf, width_pt, height_pt),
                   width_pt, height_pt, margin_pt);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "PDF: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/* The job, on a worker thread */

typedef struct
{
  AisleSlip *slip;
  char      *folder;
  char      *path;
  double     width, height, margin;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->slip);
  g_free (job->folder);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (g_mkdir_with_parents (job->folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "%s: %s", job->folder,
                               g_strerror (saved_errno));
      return;
    }
  if (aisle_slip_write_pdf (job->slip, job->path, job->width, job->height, job->margin, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
aisle_pdf_printer_print_async (AislePrinter        *printer,
                               AisleSlip           *slip,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  AislePdfPrinter *self = AISLE_PDF_PRINTER (printer);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->slip = g_object_ref (slip);
  job->folder = g_strdup (self->folder);
  job->path = aisle_pdf_printer_get_path (self, slip);
  job->width = self->width;
  job->height = self->height;
  job->margin = self->margin;

  g_task_set_source_tag (task, aisle_pdf_printer_print_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, write_thread);
}

static void
printer_iface_init (AislePrinterInterface *iface)
{
  iface->print_async = aisle_pdf_printer_print_async;
}

static void
aisle_pdf_printer_finalize (GObject *object)
{
  AislePdfPrinter *self = (AislePdfPrinter *)object;

  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (aisle_pdf_printer_parent_class)->finalize (object);
}

static void
aisle_pdf_printer_class_init (AislePdfPrinterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_pdf_printer_finalize;
}

static void
aisle_pdf_printer_init (AislePdfPrinter *self)
{
  self->width = AISLE_PDF_A4_WIDTH;
  self->height = AISLE_PDF_A4_HEIGHT;
  self->margin = DEFAULT_MARGIN;
}

AislePdfPrinter *
aisle_pdf_printer_new (const char *folder)
{
  AislePdfPrinter *self;

  g_return_val_if_fail (folder != NULL, NULL);

  self = g_object_new (AISLE_TYPE_PDF_PRINTER, NULL);
  self->folder = g_strdup (folder);
  return self;
}

const char *
aisle_pdf_printer_get_folder (AislePdfPrinter *self)
{
  g_return_val_if_fail (AISLE_IS_PDF_PRINTER (self), NULL);
  return self->folder;
}

void
aisle_pdf_printer_set_page_size (AislePdfPrinter *self,
                                 double           width_pt,
                                 double           height_pt,
                                 double           margin_pt)
{
  g_return_if_fail (AISLE_IS_PDF_PRINTER (self));
  g_return_if_fail (margin_pt >= 0 && width_pt > 2 * margin_pt);
  g_return_if_fail (height_pt == 0 || height_pt > 2 * margin_pt);

  self->width = width_pt;
  self->height = height_pt;
  self->margin = margin_pt;
}

char *
aisle_pdf_printer_get_path (AislePdfPrinter *self,
                            AisleSlip       *slip)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (AISLE_IS_PDF_PRINTER (self), NULL);
  g_return_val_if_fail (AISLE_IS_SLIP (slip), NULL);

  /* Slip ids are [0-9A-Za-z-] only, even when read back from disk. */
  name = g_strconcat (aisle_slip_get_id (slip), ".pdf", NULL);
  return g_build_filename (self->folder, name, NULL);
}
