/* aisle-feed-reader.h: what the catalog and the stock parsers share (private)
 *
 * Both documents have the same envelope (a format name and version, and one
 * long array read an element at a time), the same typed getters that refuse
 * what is not of the right type or range, and the same way of skipping a bad
 * item: a report that logs the first few one by one and only counts the rest.
 */
#pragma once

#include "aisle-feed-parser.h"
#include "aisle-json-doc.h"

G_BEGIN_DECLS

/* How deep any part of a feed document may nest. */
#define AISLE_FEED_MAX_DEPTH 64

/* Skipping bad items */

G_GNUC_INTERNAL
gboolean             aisle_feed_skip           (AisleFeedReport       *report,
                                                const char            *what,
                                                const char            *id,
                                                const char            *reason);
G_GNUC_INTERNAL
void                 aisle_feed_log_skipped    (const AisleFeedReport *report);
G_GNUC_INTERNAL
void                 aisle_feed_report_merge   (AisleFeedReport       *report,
                                                const AisleFeedReport *part);

/* The document */

G_GNUC_INTERNAL
const AisleJsonNode *aisle_feed_read_document  (GBytes                *json,
                                                const char            *empty_message,
                                                const char            *array_key,
                                                guint                  max_elements,
                                                AisleJsonDoc          *doc,
                                                GArray                *elements,
                                                gboolean              *has_array,
                                                GError               **error);
G_GNUC_INTERNAL
gboolean             aisle_feed_check_format   (const AisleJsonNode   *root,
                                                const char            *format,
                                                GError               **error);

/* Called with each element of the document's long array, in order; returns
 * FALSE when it skipped the element. */
typedef gboolean (*AisleFeedReadFunc) (gpointer             data,
                                       const AisleJsonNode *element);

G_GNUC_INTERNAL
void                 aisle_feed_read_elements  (AisleJsonDoc          *doc,
                                                const AisleJsonSpan   *spans,
                                                guint                  n_spans,
                                                const char            *what,
                                                AisleFeedReport       *report,
                                                AisleFeedReadFunc      read,
                                                gpointer               data);

/* Members and texts */

G_GNUC_INTERNAL
const char          *aisle_feed_string_value   (const AisleJsonNode   *value);
G_GNUC_INTERNAL
const char          *aisle_feed_get_string     (const AisleJsonNode   *obj,
                                                const char            *key);
G_GNUC_INTERNAL
gboolean             aisle_feed_get_int        (const AisleJsonNode   *obj,
                                                const char            *key,
                                                gint64                 min,
                                                gint64                 max,
                                                gint64                *out);
G_GNUC_INTERNAL
guint                aisle_feed_get_uint_or    (const AisleJsonNode   *obj,
                                                const char            *key,
                                                guint                  fallback);
G_GNUC_INTERNAL
gboolean             aisle_feed_text_ok        (const char            *text,
                                                guint                  max_chars);
G_GNUC_INTERNAL
gboolean             aisle_feed_id_ok          (const char            *id);

G_END_DECLS
