/* aisle-json-read.h: reading members of the store's JSON answers, with limits
 *
 * For the small answers a shopper waits for (online orders, returns,
 * coupons): one JSON object and nothing after it, strings that must be
 * printable UTF-8 of a bounded length, whole numbers in a range, dates,
 * money. Anything else fails with AISLE_ERROR_INVALID_DATA naming the
 * member, so that the answer is not used at all.
 */
#pragma once

#include <gio/gio.h>
#include <json-c/json.h>

G_BEGIN_DECLS

#define AISLE_JSON_READ_MAX_DEPTH 16

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

/* Sets AISLE_ERROR_INVALID_DATA "@member: @why"; always FALSE. */
gboolean     aisle_json_invalid     (GError      **error,
                                     const char   *member,
                                     const char   *why);
/* @body as one JSON object (at most @max_bytes, else
 * AISLE_ERROR_TOO_LARGE), and that object's @member object, (transfer full). */
json_object *aisle_json_read_member (GBytes       *body,
                                     const char   *member,
                                     gsize         max_bytes,
                                     GError      **error);
/* A string member made printable, at most @max characters; absent or null
 * leaves *@out alone unless @required. */
gboolean     aisle_json_read_text   (json_object  *obj,
                                     const char   *key,
                                     gboolean      required,
                                     gsize         max,
                                     char        **out,
                                     GError      **error);
/* An RFC 3339 time; absent leaves *@out alone. */
gboolean     aisle_json_read_time   (json_object  *obj,
                                     const char   *key,
                                     GDateTime   **out,
                                     GError      **error);
gboolean     aisle_json_read_int    (json_object  *obj,
                                     const char   *key,
                                     gboolean      required,
                                     gint64        min,
                                     gint64        max,
                                     gint64       *out,
                                     GError      **error);
/* {"amount": minor units ≥ 0, "currency": "EUR"}; *@amount is -1 when
 * the member is absent. */
gboolean     aisle_json_read_money  (json_object  *obj,
                                     const char   *key,
                                     gint64       *amount,
                                     char        **currency,
                                     GError      **error);
/* "2026-12-13", a real date. */
gboolean     aisle_json_is_date     (const char   *text);
gboolean     aisle_json_is_currency (const char   *text);

G_END_DECLS
