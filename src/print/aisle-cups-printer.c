/* aisle-cups-printer.c: office printers through CUPS, with GtkPrintOperation and no dialog */
#define G_LOG_DOMAIN "aisle-cups-printer"

#include "config.h"

#include "aisle-cups-printer.h"
#include "aisle-slip-render.h"

struct _AisleCupsPrinter
{
  GObject           parent_instance;

  char             *name;       /* NULL: the default printer */
  GtkPrintSettings *options;
  guint             timeout_s;
};

static void printer_iface_init (AislePrinterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AisleCupsPrinter, aisle_cups_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AISLE_TYPE_PRINTER, printer_iface_init))

/* One job, from finding the printer to CUPS having the pages. */
typedef struct
{
  AisleSlip         *slip;
  char              *name;
  GtkPrintSettings  *settings;
  GtkPrintOperation *operation;
  GArray            *starts;      /* where each page begins on the slip */
  double             width;
  double             height;
  guint              timeout_id;
  gboolean           completed;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->slip);
  g_free (job->name);
  g_clear_object (&job->settings);
  g_clear_object (&job->operation);
  g_clear_pointer (&job->starts, g_array_unref);
  g_clear_handle_id (&job->timeout_id, g_source_remove);
  g_free (job);
}

/* Returns the task's result once, whichever comes first: done, an error,
 * or the timeout. */
static void
complete (GTask  *task,
          GError *error)
{
  Job *job = g_task_get_task_data (task);

  if (job->completed)
    {
      g_clear_error (&error);
      return;
    }
  job->completed = TRUE;
  g_clear_handle_id (&job->timeout_id, g_source_remove);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static const char *
job_printer_name (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  return job->name ? job->name : "the default printer";
}

static gboolean
timed_out (gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);

  job->timeout_id = 0;
  if (job->operation != NULL)
    gtk_print_operation_cancel (job->operation);
  complete (task, g_error_new (AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_TIMEOUT,
                               "%s: not printed within %u s", job_printer_name (task),
                               ((AisleCupsPrinter *)g_task_get_source_object (task))->timeout_s));
  return G_SOURCE_REMOVE;
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             gpointer           data)
{
  Job *job = g_task_get_task_data (G_TASK (data));

  /* Points, within the printer's margins (use-full-page is off). */
  job->width = gtk_print_context_get_width (context);
  job->height = gtk_print_context_get_height (context);
  g_clear_pointer (&job->starts, g_array_unref);
  job->starts = aisle_slip_render_paginate (job->slip, job->width, job->height);
  gtk_print_operation_set_n_pages (operation, (int)job->starts->len);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           gpointer           data)
{
  Job *job = g_task_get_task_data (G_TASK (data));
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double start, end;

  if (job->starts == NULL || page < 0 || (guint)page >= job->starts->len)
    return;

  start = g_array_index (job->starts, double, page);
  end = (guint)page + 1 < job->starts->len ? g_array_index (job->starts, double, page + 1) : start + job->height;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, job->width, end - start);
  cairo_clip (cr);
  cairo_translate (cr, 0, -start);
  aisle_slip_render (job->slip, cr, job->width);
  cairo_restore (cr);
}

static void
done (GtkPrintOperation       *operation,
      GtkPrintOperationResult  result,
      gpointer                 data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      complete (task, NULL);
      break;
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      complete (task, g_error_new (AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "%s",
                                   error ? error->message : "the print operation failed"));
      break;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      /* Without a dialog nobody cancels: GTK found no such printer. */
      complete (task, g_error_new (AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_OFFLINE, "%s: no such printer",
                                   job_printer_name (task)));
      break;
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
}

static void
connect_task (GtkPrintOperation *operation,
              const char        *signal,
              GCallback          callback,
              GTask             *task)
{
  g_signal_connect_data (operation, signal, callback, g_object_ref (task), (GClosureNotify)(void (*) (void))g_object_unref,
                         0);
}

static void
run_operation (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (job->name != NULL)
    gtk_print_settings_set_printer (job->settings, job->name);

  job->operation = gtk_print_operation_new ();
  gtk_print_operation_set_print_settings (job->operation, job->settings);
  gtk_print_operation_set_job_name (job->operation, aisle_slip_get_id (job->slip));
  gtk_print_operation_set_unit (job->operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (job->operation, FALSE);
  gtk_print_operation_set_show_progress (job->operation, FALSE);
  /* The main loop keeps running while GTK renders and spools the job. */
  gtk_print_operation_set_allow_async (job->operation, TRUE);

  connect_task (job->operation, "begin-print", G_CALLBACK (begin_print), task);
  connect_task (job->operation, "draw-page", G_CALLBACK (draw_page), task);
  connect_task (job->operation, "done", G_CALLBACK (done), task);

  result = gtk_print_operation_run (job->operation, GTK_PRINT_OPERATION_ACTION_PRINT, NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    complete (task, g_error_new (AISLE_PRINTER_ERROR, AISLE_PRINTER_ERROR_FAILED, "%s",
                                 error ? error->message : "the print operation failed"));
}

static void
aisle_cups_printer_print_async (AislePrinter        *printer,
                                AisleSlip           *slip,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  AisleCupsPrinter *self = AISLE_CUPS_PRINTER (printer);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->slip = g_object_ref (slip);
  job->name = g_strdup (self->name);
  job->settings = gtk_print_settings_copy (self->options);

  g_task_set_source_tag (task, aisle_cups_printer_print_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  job->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, self->timeout_s, timed_out,
                                                g_object_ref (task), g_object_unref);

  run_operation (task);
  g_object_unref (task);
}

static void
printer_iface_init (AislePrinterInterface *iface)
{
  iface->print_async = aisle_cups_printer_print_async;
}

static void
aisle_cups_printer_finalize (GObject *object)
{
  AisleCupsPrinter *self = (AisleCupsPrinter *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->options);

  G_OBJECT_CLASS (aisle_cups_printer_parent_class)->finalize (object);
}

static void
aisle_cups_printer_class_init (AisleCupsPrinterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_cups_printer_finalize;
}

static void
aisle_cups_printer_init (AisleCupsPrinter *self)
{
  self->options = gtk_print_settings_new ();
  self->timeout_s = AISLE_CUPS_DEFAULT_TIMEOUT;
}

AisleCupsPrinter *
aisle_cups_printer_new (const char *printer_name)
{
  AisleCupsPrinter *self = g_object_new (AISLE_TYPE_CUPS_PRINTER, NULL);

  self->name = (printer_name && *printer_name) ? g_strdup (printer_name) : NULL;
  return self;
}

const char *
aisle_cups_printer_get_name (AisleCupsPrinter *self)
{
  g_return_val_if_fail (AISLE_IS_CUPS_PRINTER (self), NULL);
  return self->name;
}

void
aisle_cups_printer_set_option (AisleCupsPrinter *self,
                               const char       *key,
                               const char       *value)
{
  g_return_if_fail (AISLE_IS_CUPS_PRINTER (self));
  g_return_if_fail (key != NULL);

  gtk_print_settings_set (self->options, key, value);
}

void
aisle_cups_printer_set_timeout (AisleCupsPrinter *self,
                                guint             seconds)
{
  g_return_if_fail (AISLE_IS_CUPS_PRINTER (self));
  g_return_if_fail (seconds > 0);

  self->timeout_s = seconds;
}
