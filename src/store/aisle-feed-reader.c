/* aisle-feed-reader.c: what the catalog and the stock parsers share */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-feed-reader.h"
#include "aisle-json-span.h"

#define MAX_ID_CHARS         64
/* Skipped items logged per document and thread; the rest are only counted. */
#define MAX_LOGGED_SKIPS     20

void
aisle_feed_report_clear (AisleFeedReport *report)
{
  g_clear_pointer (&report->first_problem, g_free);
  report->n_products = 0;
  report->n_skipped = 0;
  report->n_logged = 0;
}

/* Returns FALSE so that parsers can `return aisle_feed_skip (…)`. A million
 * bad items must not write a million lines: each report (one per thread,
 * and the document's) logs its first MAX_LOGGED_SKIPS, and
 * aisle_feed_log_skipped() sums up the rest in one line at the end. */
gboolean
aisle_feed_skip (AisleFeedReport *report,
                 const char      *what,
                 const char      *id,
                 const char      *reason)
{
  /* Ids and reasons only: a feed never carries personal data, but keep logs short. */
  if (report->n_logged < MAX_LOGGED_SKIPS)
    {
      g_message ("Skipping %s %.64s: %s", what, id ? id : "(no id)", reason);
      report->n_logged++;
    }
  report->n_skipped++;
  if (report->first_problem == NULL)
    report->first_problem = g_strdup_printf ("%s %.64s: %s", what, id ? id : "?", reason);

  return FALSE;
}

/* One line for whatever aisle_feed_skip() did not log one by one. */
void
aisle_feed_log_skipped (const AisleFeedReport *report)
{
  if (report->n_skipped > report->n_logged)
    g_message ("Skipped %u more items without logging each (%u in all)",
               report->n_skipped - report->n_logged, report->n_skipped);
}

/* Adds what a thread's report found to the document's. */
void
aisle_feed_report_merge (AisleFeedReport       *report,
                         const AisleFeedReport *part)
{
  report->n_skipped += part->n_skipped;
  report->n_logged += part->n_logged;
  if (report->first_problem == NULL && part->first_problem != NULL)
    report->first_problem = g_strdup (part->first_problem);
}

/* Returns the document's top-level members as one object, all but
 * @array_key, whose elements are only located (into @elements, of AisleJsonSpan) for
 * the caller to parse one at a time: a 100,000-product feed never becomes
 * one tree. *@has_array tells whether @array_key was there as an array. */
const AisleJsonNode *
aisle_feed_read_document (GBytes       *json,
                          const char   *empty_message,
                          const char   *array_key,
                          guint         max_elements,
                          AisleJsonDoc *doc,
                          GArray       *elements,
                          gboolean     *has_array,
                          GError      **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (AisleJsonMember));
  const char *data;
  gsize len;

  *has_array = FALSE;

  data = g_bytes_get_data (json, &len);
  if (data == NULL || len == 0)
    {
      g_set_error_literal (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, empty_message);
      return NULL;
    }

  if (!aisle_json_span_members (data, len, AISLE_FEED_MAX_DEPTH, max_elements, members, array_key, elements, error))
    return NULL;

  for (guint i = 0; i < members->len; i++)
    {
      const AisleJsonMember *m = &g_array_index (members, AisleJsonMember, i);

      if (aisle_json_span_key_is (m, array_key))
        *has_array = m->value_len > 0 && m->value[0] == '[';
    }

  return aisle_json_doc_parse_members (doc, (const AisleJsonMember *)(gpointer)members->data, members->len,
                                       array_key, error);
}

/* A JSON string as C text, or NULL when it is not a string or hides a NUL
 * ("\u0000"), which would cut the text short without anyone noticing. */
const char *
aisle_feed_string_value (const AisleJsonNode *value)
{
  if (!aisle_json_is (value, AISLE_JSON_STRING) || (value->text_flags & AISLE_JSON_TEXT_NUL))
    return NULL;
  return value->v.text;
}

const char *
aisle_feed_get_string (const AisleJsonNode *obj,
                       const char          *key)
{
  return aisle_feed_string_value (aisle_json_get (obj, key));
}

gboolean
aisle_feed_get_int (const AisleJsonNode *obj,
                    const char          *key,
                    gint64               min,
                    gint64               max,
                    gint64              *out)
{
  const AisleJsonNode *value = aisle_json_get (obj, key);

  if (!aisle_json_is (value, AISLE_JSON_INT) || value->v.integer < min || value->v.integer > max)
    return FALSE;

  *out = value->v.integer;
  return TRUE;
}

guint
aisle_feed_get_uint_or (const AisleJsonNode *obj,
                        const char          *key,
                        guint                fallback)
{
  gint64 v;
  return aisle_feed_get_int (obj, key, 0, G_MAXUINT32, &v) ? (guint)v : fallback;
}

/* A text the kiosk can show: valid UTF-8 with no control characters but
 * newlines, and at most @max_chars characters. */
gboolean
aisle_feed_text_ok (const char *text,
                    guint       max_chars)
{
  gsize len = 0, chars = 0;

  /* One pass over the bytes: control characters, and the length in
   * characters (bytes that do not continue a sequence). */
  for (const guchar *p = (const guchar *)text; *p; p++, len++)
    {
      if (*p < 0x20 && *p != '\n' && *p != '\t')
        return FALSE;
      chars += (*p & 0xC0) != 0x80;
    }

  return chars <= max_chars && g_utf8_validate_len (text, len, NULL);
}

gboolean
aisle_feed_id_ok (const char *id)
{
  return id != NULL && id[0] != '\0' && aisle_feed_text_ok (id, MAX_ID_CHARS) && strchr (id, '\n') == NULL;
}

gboolean
aisle_feed_check_format (const AisleJsonNode  *root,
                         const char           *format,
                         GError              **error)
{
  gint64 version;

  if (g_strcmp0 (aisle_feed_get_string (root, "format"), format) != 0)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The document is not an Aisle store feed"));
      return FALSE;
    }

  if (!aisle_feed_get_int (root, "format_version", 1, 1, &version))
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_UNSUPPORTED,
                   _("The store feed has a format version this kiosk does not know"));
      return FALSE;
    }

  return TRUE;
}

/* Parses each element of a share with its own doc and hands it on; one that
 * is not valid JSON is skipped like any other bad element. */
void
aisle_feed_read_elements (AisleJsonDoc        *doc,
                          const AisleJsonSpan *spans,
                          guint                n_spans,
                          const char          *what,
                          AisleFeedReport     *report,
                          AisleFeedReadFunc    read,
                          gpointer             data)
{
  for (guint i = 0; i < n_spans; i++)
    {
      g_autoptr(GError) element_error = NULL;
      const AisleJsonNode *element = aisle_json_doc_parse (doc, spans[i].data, spans[i].len, &element_error);

      if (element == NULL)
        aisle_feed_skip (report, what, NULL, element_error->message);
      else
        read (data, element);
    }
}
