/* aisle-slip-json.c: a slip as JSON, to keep a print job on disk and read it back */
#define G_LOG_DOMAIN "aisle-slip"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-qr.h"
#include "aisle-slip-private.h"

#define FORMAT_NAME     "aisle-slip"
#define FORMAT_VERSION  1
#define MAX_ID_CHARS    64
#define MAX_QUANTITY    9999
#define MAX_JSON_DEPTH  16

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_tokener, json_tokener_free)

/* The names of the texts in the JSON file; the order of AisleSlipText. */
static const char * const text_keys[AISLE_SLIP_N_TEXTS] = {
  "shop", "store", "date", "order_title", "pickup_label", "pickup_code", "fulfillment",
  "pending", "order_url", "order_caption", "pick_heading", "pick_summary", "aisle_label",
  "shelf_label", "serve_heading", "serve_note", "phone_url", "phone_caption",
};

/* Writing */

static void
add_string (json_object *object,
            const char  *key,
            const char  *value)
{
  json_object_object_add (object, key, value ? json_object_new_string (value) : NULL);
}

/* The rows' members in JSON, for writing and reading alike. */
typedef enum { FIELD_TEXT, FIELD_OPTIONAL_TEXT, FIELD_COUNT, FIELD_FLAG } FieldType;

typedef struct
{
  const char *key;
  FieldType   type;
  gsize       offset;
} Field;

#define FIELD(type, member, kind) { #member, kind, G_STRUCT_OFFSET (type, member) }

static const Field pick_fields[] = {
  FIELD (AisleSlipPickRow, article, FIELD_TEXT),
  FIELD (AisleSlipPickRow, name, FIELD_TEXT),
  FIELD (AisleSlipPickRow, box, FIELD_TEXT),
  FIELD (AisleSlipPickRow, quantity, FIELD_COUNT),
  FIELD (AisleSlipPickRow, boxes, FIELD_COUNT),
  FIELD (AisleSlipPickRow, aisle, FIELD_OPTIONAL_TEXT),
  FIELD (AisleSlipPickRow, shelf, FIELD_OPTIONAL_TEXT),
  { NULL },
};

static const Field serve_fields[] = {
  FIELD (AisleSlipServeRow, article, FIELD_TEXT),
  FIELD (AisleSlipServeRow, name, FIELD_TEXT),
  FIELD (AisleSlipServeRow, how, FIELD_TEXT),
  FIELD (AisleSlipServeRow, quantity, FIELD_COUNT),
  FIELD (AisleSlipServeRow, amount, FIELD_TEXT),
  { NULL },
};

static const Field total_fields[] = {
  FIELD (AisleSlipTotal, label, FIELD_TEXT),
  FIELD (AisleSlipTotal, amount, FIELD_TEXT),
  FIELD (AisleSlipTotal, grand, FIELD_FLAG),
  { NULL },
};

static json_object *
rows_to_json (GArray      *rows,
              const Field *fields)
{
  json_object *array = json_object_new_array_ext (rows->len);
  guint size = g_array_get_element_size (rows);

  for (guint i = 0; i < rows->len; i++)
    {
      gpointer row = rows->data + (gsize)i * size;
      json_object *item = json_object_new_object ();

      for (const Field *f = fields; f->key != NULL; f++)
        {
          gpointer member = G_STRUCT_MEMBER_P (row, f->offset);

          if (f->type == FIELD_COUNT)
            json_object_object_add (item, f->key, json_object_new_int64 (*(guint *)member));
          else if (f->type == FIELD_FLAG)
            json_object_object_add (item, f->key, json_object_new_boolean (*(gboolean *)member));
          else
            add_string (item, f->key, *(const char **)member);
        }
      json_object_array_add (array, item);
    }
  return array;
}

json_object *
aisle_slip_to_json_object (AisleSlip *self)
{
  json_object *root, *texts;
  g_autofree char *created = NULL;

  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);

  root = json_object_new_object ();
  created = g_date_time_format_iso8601 (self->created_at);
  add_string (root, "format", FORMAT_NAME);
  json_object_object_add (root, "format_version", json_object_new_int (FORMAT_VERSION));
  add_string (root, "id", self->id);
  add_string (root, "language", self->language);
  add_string (root, "created_at", created);
  json_object_object_add (root, "has_order", json_object_new_boolean (self->has_order));
  add_string (root, "order_number", self->order_number);

  texts = json_object_new_object ();
  for (guint i = 0; i < AISLE_SLIP_N_TEXTS; i++)
    add_string (texts, text_keys[i], aisle_slip_get_text (self, i));
  json_object_object_add (root, "texts", texts);

  json_object_object_add (root, "pick", rows_to_json (self->pick, pick_fields));
  json_object_object_add (root, "serve", rows_to_json (self->serve, serve_fields));
  json_object_object_add (root, "totals", rows_to_json (self->totals, total_fields));
  return root;
}

char *
aisle_slip_to_json (AisleSlip *self)
{
  g_autoptr(json_object) root = NULL;

  g_return_val_if_fail (AISLE_IS_SLIP (self), NULL);

  root = aisle_slip_to_json_object (self);
  return g_strdup (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

/* Reading: every value is checked, the first problem is the error. */

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, _("The saved slip is damaged (%s)"), what);
  return FALSE;
}

/* A string of at most @max bytes, valid UTF-8, without NUL; NULL or absent
 * only when @nullable. */
static gboolean
read_string (json_object  *object,
             const char   *key,
             gboolean      nullable,
             gsize         max,
             char        **out,
             GError      **error)
{
  json_object *value = NULL;
  const char *text;
  int len;

  if (!json_object_object_get_ex (object, key, &value) || value == NULL)
    {
      *out = NULL;
      return nullable ? TRUE : invalid (error, key);
    }
  if (!json_object_is_type (value, json_type_string))
    return invalid (error, key);

  text = json_object_get_string (value);
  len = json_object_get_string_len (value);
  if (len < 0 || (gsize)len > max || strlen (text) != (gsize)len || !g_utf8_validate (text, len, NULL))
    return invalid (error, key);

  *out = g_strndup (text, len);
  return TRUE;
}

static gboolean
read_uint (json_object *object,
           const char  *key,
           guint        max,
           guint       *out,
           GError     **error)
{
  json_object *value = NULL;
  gint64 n;

  if (!json_object_object_get_ex (object, key, &value) || !json_object_is_type (value, json_type_int))
    return invalid (error, key);
  n = json_object_get_int64 (value);
  if (n < 0 || n > max)
    return invalid (error, key);
  *out = (guint)n;
  return TRUE;
}

static gboolean
read_bool (json_object *object,
           const char  *key,
           gboolean    *out,
           GError     **error)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (object, key, &value) || !json_object_is_type (value, json_type_boolean))
    return invalid (error, key);
  *out = json_object_get_boolean (value);
  return TRUE;
}

static gboolean
id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_CHARS)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
read_row (json_object  *item,
          gpointer      row,
          const Field  *fields,
          GError      **error)
{
  for (const Field *f = fields; f->key != NULL; f++)
    {
      gpointer member = G_STRUCT_MEMBER_P (row, f->offset);
      gboolean ok;

      if (f->type == FIELD_COUNT)
        ok = read_uint (item, f->key, MAX_QUANTITY, member, error);
      else if (f->type == FIELD_FLAG)
        ok = read_bool (item, f->key, member, error);
      else
        ok = read_string (item, f->key, f->type == FIELD_OPTIONAL_TEXT, AISLE_SLIP_MAX_TEXT_BYTES, member, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_rows (json_object  *root,
           const char   *key,
           GArray       *rows,
           const Field  *fields,
           GError      **error)
{
  json_object *array = NULL;
  guint size = g_array_get_element_size (rows);

  if (!json_object_object_get_ex (root, key, &array) || !json_object_is_type (array, json_type_array) ||
      json_object_array_length (array) > AISLE_SLIP_MAX_ROWS)
    return invalid (error, key);

  for (gsize i = 0; i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree gpointer row = g_malloc0 (size);
      gboolean ok;

      if (!json_object_is_type (item, json_type_object))
        return invalid (error, key);
      ok = read_row (item, row, fields, error);
      /* Appended either way, so that the array frees what was read. */
      g_array_append_vals (rows, row, 1);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_texts (AisleSlip   *self,
            json_object *root,
            GError     **error)
{
  json_object *texts = NULL;

  if (!json_object_object_get_ex (root, "texts", &texts) || !json_object_is_type (texts, json_type_object))
    return invalid (error, "texts");

  for (guint i = 0; i < AISLE_SLIP_N_TEXTS; i++)
    {
      gsize max = (i == AISLE_SLIP_ORDER_URL || i == AISLE_SLIP_PHONE_URL) ? AISLE_QR_MAX_TEXT
                                                                          : AISLE_SLIP_MAX_TEXT_BYTES;

      if (!read_string (texts, text_keys[i], FALSE, max, &self->texts[i], error))
        return FALSE;
    }

  /* An order always has its QR payload. */
  if (self->has_order && *self->texts[AISLE_SLIP_ORDER_URL] == '\0')
    return invalid (error, "order_url");
  return TRUE;
}

static gboolean
read_header (AisleSlip   *self,
             json_object *root,
             GError     **error)
{
  g_autofree char *format = NULL;
  g_autofree char *created = NULL;
  json_object *version = NULL;
  AisleLanguage language;

  if (!read_string (root, "format", FALSE, 64, &format, error))
    return FALSE;
  if (!g_str_equal (format, FORMAT_NAME) || !json_object_object_get_ex (root, "format_version", &version) ||
      !json_object_is_type (version, json_type_int) || json_object_get_int64 (version) != FORMAT_VERSION)
    return invalid (error, "format");

  if (!read_string (root, "id", FALSE, MAX_ID_CHARS, &self->id, error))
    return FALSE;
  if (!id_is_valid (self->id))
    return invalid (error, "id");

  if (!read_string (root, "language", FALSE, 16, &self->language, error))
    return FALSE;
  if (!aisle_language_from_code (self->language, &language) ||
      !g_str_equal (self->language, aisle_language_get_code (language)))
    return invalid (error, "language");

  if (!read_string (root, "created_at", FALSE, 64, &created, error))
    return FALSE;
  self->created_at = g_date_time_new_from_iso8601 (created, NULL);
  if (self->created_at == NULL)
    return invalid (error, "created_at");

  return read_bool (root, "has_order", &self->has_order, error) &&
         read_string (root, "order_number", TRUE, AISLE_SLIP_MAX_TEXT_BYTES, &self->order_number, error);
}

AisleSlip *
aisle_slip_new_from_json_object (json_object  *object,
                                 GError      **error)
{
  g_autoptr(AisleSlip) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (object == NULL || !json_object_is_type (object, json_type_object))
    {
      invalid (error, "not an object");
      return NULL;
    }

  self = g_object_new (AISLE_TYPE_SLIP, NULL);
  if (!read_header (self, object, error) ||
      !read_texts (self, object, error) ||
      !read_rows (object, "pick", self->pick, pick_fields, error) ||
      !read_rows (object, "serve", self->serve, serve_fields, error) ||
      !read_rows (object, "totals", self->totals, total_fields, error))
    return NULL;

  return g_steal_pointer (&self);
}

AisleSlip *
aisle_slip_new_from_json (const char  *json,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(json_tokener) tokener = NULL;
  g_autoptr(json_object) root = NULL;
  gsize len;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (json) : (gsize)length;
  if (len > AISLE_SLIP_MAX_JSON_BYTES)
    {
      invalid (error, "too large");
      return NULL;
    }

  tokener = json_tokener_new_ex (MAX_JSON_DEPTH);
  json_tokener_set_flags (tokener, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  root = json_tokener_parse_ex (tokener, json, (int)len);
  if (root == NULL || json_tokener_get_error (tokener) != json_tokener_success)
    {
      invalid (error, "not JSON");
      return NULL;
    }

  return aisle_slip_new_from_json_object (root, error);
}
