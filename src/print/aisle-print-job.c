/* aisle-print-job.c: a print job, and the file that keeps it in the print queue's folder */
#define G_LOG_DOMAIN "aisle-print-queue"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-print-job.h"
#include "aisle-printer.h"

#define FORMAT_NAME     "aisle-print-job"
#define FORMAT_VERSION  1
#define MAX_JSON_DEPTH  16

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_tokener, json_tokener_free)

static const char * const state_names[] = { "queued", "printing", "done", "failed" };

AislePrintJob *
aisle_print_job_copy (const AislePrintJob *job)
{
  AislePrintJob *copy;

  g_return_val_if_fail (job != NULL, NULL);

  copy = g_memdup2 (job, sizeof *job);
  copy->id = g_strdup (job->id);
  copy->order_number = g_strdup (job->order_number);
  copy->total = g_strdup (job->total);
  copy->error = job->error ? g_error_copy (job->error) : NULL;
  return copy;
}

void
aisle_print_job_clear (AislePrintJob *info)
{
  g_clear_pointer (&info->id, g_free);
  g_clear_pointer (&info->order_number, g_free);
  g_clear_pointer (&info->total, g_free);
  g_clear_error (&info->error);
}

void
aisle_print_job_free (AislePrintJob *job)
{
  if (job == NULL)
    return;
  aisle_print_job_clear (job);
  g_free (job);
}

char *
aisle_print_job_path (const char *folder,
                      const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);

  return g_build_filename (folder, name, NULL);
}

/* The job file: what staff see, plus the slip to print it again. */

static json_object *
job_to_json (const AislePrintJob *info,
             AisleSlip           *slip)
{
  json_object *root = json_object_new_object ();

  json_object_object_add (root, "format", json_object_new_string (FORMAT_NAME));
  json_object_object_add (root, "format_version", json_object_new_int (FORMAT_VERSION));
  json_object_object_add (root, "id", json_object_new_string (info->id));
  json_object_object_add (root, "state", json_object_new_string (state_names[info->state]));
  json_object_object_add (root, "created_at", json_object_new_int64 (info->created_at));
  json_object_object_add (root, "updated_at", json_object_new_int64 (info->updated_at));
  json_object_object_add (root, "attempts", json_object_new_int64 (info->attempts));
  json_object_object_add (root, "order_number",
                          info->order_number ? json_object_new_string (info->order_number) : NULL);
  json_object_object_add (root, "total", json_object_new_string (info->total ? info->total : ""));
  if (info->error != NULL)
    {
      json_object *error = json_object_new_object ();

      json_object_object_add (error, "domain",
                              json_object_new_string (info->error->domain == AISLE_PRINTER_ERROR ? "printer" : "other"));
      json_object_object_add (error, "code", json_object_new_int (info->error->code));
      json_object_object_add (error, "message", json_object_new_string (info->error->message));
      json_object_object_add (root, "error", error);
    }
  json_object_object_add (root, "slip", aisle_slip_to_json_object (slip));
  return root;
}

static json_object *
parse_file (const char  *path,
            GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(json_tokener) tokener = NULL;
  json_object *root;
  GStatBuf st;
  gsize len;

  /* Never read a huge file someone dropped in the folder. */
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > AISLE_SLIP_MAX_JSON_BYTES)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "%s: not a job file", path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;

  tokener = json_tokener_new_ex (MAX_JSON_DEPTH);
  json_tokener_set_flags (tokener, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  root = len <= AISLE_SLIP_MAX_JSON_BYTES ? json_tokener_parse_ex (tokener, contents, (int)len) : NULL;
  if (root == NULL || json_tokener_get_error (tokener) != json_tokener_success || !json_object_is_type (root, json_type_object))
    {
      json_object_put (root);
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "%s: not JSON", path);
      return NULL;
    }
  return root;
}

static const char *
member_string (json_object *object,
               const char  *key,
               gsize        max)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (object, key, &value) || !json_object_is_type (value, json_type_string) ||
      (gsize)json_object_get_string_len (value) > max ||
      strlen (json_object_get_string (value)) != (gsize)json_object_get_string_len (value))
    return NULL;
  return json_object_get_string (value);
}

static gboolean
member_int (json_object *object,
            const char  *key,
            gint64       min,
            gint64       max,
            gint64      *out)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (object, key, &value) || !json_object_is_type (value, json_type_int))
    return FALSE;
  *out = json_object_get_int64 (value);
  return *out >= min && *out <= max;
}

static GError *
error_from_json (json_object *root)
{
  json_object *error = NULL;
  const char *domain, *message;
  gint64 code;

  if (!json_object_object_get_ex (root, "error", &error) || !json_object_is_type (error, json_type_object))
    return NULL;

  domain = member_string (error, "domain", 16);
  message = member_string (error, "message", AISLE_SLIP_MAX_TEXT_BYTES);
  if (message == NULL || !g_utf8_validate (message, -1, NULL))
    message = "";
  if (domain != NULL && g_str_equal (domain, "printer") &&
      member_int (error, "code", 0, AISLE_PRINTER_ERROR_LAST, &code))
    return g_error_new_literal (AISLE_PRINTER_ERROR, (int)code, message);
  return g_error_new_literal (AISLE_ERROR, AISLE_ERROR_FAILED, message);
}

/* What staff see of a job file; the slip inside is checked at reprint. */
static gboolean
job_info_from_json (json_object   *root,
                    const char    *id,
                    AislePrintJob *info)
{
  const char *format = member_string (root, "format", 64);
  const char *file_id = member_string (root, "id", 64);
  const char *state = member_string (root, "state", 16);
  const char *order_number = member_string (root, "order_number", AISLE_SLIP_MAX_TEXT_BYTES);
  const char *total = member_string (root, "total", AISLE_SLIP_MAX_TEXT_BYTES);
  gint64 version = 0, created = 0, updated = 0, attempts = 0;
  json_object *slip = NULL;
  gint found = -1;

  if (format == NULL || !g_str_equal (format, FORMAT_NAME) ||
      !member_int (root, "format_version", FORMAT_VERSION, FORMAT_VERSION, &version) ||
      file_id == NULL || !g_str_equal (file_id, id) || state == NULL ||
      !member_int (root, "created_at", 0, G_MAXINT64 / G_USEC_PER_SEC, &created) ||
      !member_int (root, "updated_at", 0, G_MAXINT64 / G_USEC_PER_SEC, &updated) ||
      !member_int (root, "attempts", 0, G_MAXUINT, &attempts) ||
      !json_object_object_get_ex (root, "slip", &slip) || !json_object_is_type (slip, json_type_object))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (state, state_names[i]))
      found = i;
  if (found < 0 ||
      (order_number != NULL && !g_utf8_validate (order_number, -1, NULL)) ||
      (total != NULL && !g_utf8_validate (total, -1, NULL)))
    return FALSE;

  info->id = g_strdup (id);
  info->state = found;
  info->created_at = created;
  info->updated_at = updated;
  info->attempts = (guint)attempts;
  info->order_number = g_strdup (order_number);
  info->total = g_strdup (total ? total : "");
  info->error = error_from_json (root);
  return TRUE;
}

/* Only names a slip could have made: nothing else in the folder is a job. */
char *
aisle_print_job_id_from_file_name (const char *name)
{
  gsize len = strlen (name);

  if (len <= 5 || len > 64 + 5 || !g_str_has_suffix (name, ".json"))
    return NULL;
  for (gsize i = 0; i < len - 5; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '-')
      return NULL;
  return g_strndup (name, len - 5);
}

gboolean
aisle_print_job_read (const char     *path,
                      const char     *id,
                      AislePrintJob  *job,
                      GError        **error)
{
  g_autoptr(json_object) root = NULL;

  g_return_val_if_fail (path != NULL && id != NULL && job != NULL, FALSE);

  root = parse_file (path, error);
  if (root == NULL)
    return FALSE;
  if (!job_info_from_json (root, id, job))
    {
      g_set_error_literal (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "not a print job");
      return FALSE;
    }
  return TRUE;
}

AisleSlip *
aisle_print_job_read_slip (const char  *path,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(json_object) root = NULL;
  json_object *object = NULL;
  AisleSlip *slip;

  g_return_val_if_fail (path != NULL && id != NULL, NULL);

  root = parse_file (path, error);
  if (root == NULL)
    return NULL;
  if (!json_object_object_get_ex (root, "slip", &object))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "%s: no slip", path);
      return NULL;
    }
  slip = aisle_slip_new_from_json_object (object, error);
  if (slip != NULL && !g_str_equal (aisle_slip_get_id (slip), id))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "%s: another job's slip", path);
      g_clear_object (&slip);
    }
  return slip;
}

gboolean
aisle_print_job_write (const char           *folder,
                       const AislePrintJob  *job,
                       AisleSlip            *slip,
                       GError              **error)
{
  g_autoptr(json_object) root = NULL;
  g_autofree char *path = NULL;
  const char *text;

  g_return_val_if_fail (folder != NULL && job != NULL, FALSE);
  g_return_val_if_fail (AISLE_IS_SLIP (slip), FALSE);

  root = job_to_json (job, slip);
  text = json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", folder,
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* Atomic and synced: after a power cut the file is the old job or the new. */
  path = aisle_print_job_path (folder, job->id);
  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, error);
}

static void
read_folder_file (GPtrArray  *jobs,
                  const char *folder,
                  const char *name,
                  gint64      oldest,
                  guint      *n_skipped,
                  guint      *n_deleted)
{
  g_autofree char *id = aisle_print_job_id_from_file_name (name);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AislePrintJob info = { 0 };

  if (id == NULL)
    return;

  path = g_build_filename (folder, name, NULL);
  if (!aisle_print_job_read (path, id, &info, &error))
    {
      g_message ("Skipping %s in the print queue: %s", name, error->message);
      (*n_skipped)++;
      return;
    }

  if (MAX (info.created_at, info.updated_at) < oldest)
    {
      if (g_unlink (path) == 0)
        (*n_deleted)++;
      aisle_print_job_clear (&info);
      return;
    }

  g_ptr_array_add (jobs, g_memdup2 (&info, sizeof info));
}

GPtrArray *
aisle_print_job_read_folder (const char    *folder,
                             gint64         oldest,
                             guint          max,
                             GCancellable  *cancellable,
                             guint         *n_skipped,
                             guint         *n_deleted,
                             GError       **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local = NULL;
  const char *name;
  guint n = 0;

  g_return_val_if_fail (folder != NULL && n_skipped != NULL && n_deleted != NULL, NULL);

  *n_skipped = *n_deleted = 0;
  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)aisle_print_job_free);
  dir = g_dir_open (folder, 0, &local);
  if (dir == NULL && !g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL && n++ < max)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      read_folder_file (jobs, folder, name, oldest, n_skipped, n_deleted);
    }

  return g_steal_pointer (&jobs);
}
