/* aisle-json-span.h: finding the parts of a large JSON document without parsing it
 *
 * A 100,000-product feed parsed into one json-c tree costs more time in
 * malloc and free than in parsing. These functions only find where the
 * members of the top-level object and the elements of an array begin and end
 * (checking brackets, strings and nesting on the way), so each part can be
 * handed to json-c on its own and freed straight after. json-c still checks
 * every byte of every part it is given.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *key;        /* raw bytes between the quotes, not unescaped */
  gsize       key_len;
  const char *value;
  gsize       value_len;
} AisleJsonMember;

typedef struct
{
  const char *data;
  gsize       len;
} AisleJsonSpan;

/* Fills @members (of AisleJsonMember) with the top-level object's members.
 * When @array_key names an array member, its elements are also appended to
 * @elements (of AisleJsonSpan) on the same pass over the bytes.
 * FALSE with AISLE_ERROR_INVALID_DATA when @data is not one JSON object
 * (followed by nothing but whitespace), nests deeper than @max_depth, or has
 * @array_key more than once; with AISLE_ERROR_TOO_LARGE when that array has
 * more than @max_elements elements (the document is refused as a whole). */
gboolean aisle_json_span_members (const char  *data,
                                  gsize        len,
                                  guint        max_depth,
                                  guint        max_elements,
                                  GArray      *members,
                                  const char  *array_key,
                                  GArray      *elements,
                                  GError     **error);

/* Iterates over the elements of the array in @array (a value span).
 * *@pos starts at 0; returns FALSE at the end, with *@pos just past the
 * closing ']', or on error (then @error is set). */
gboolean aisle_json_span_next    (const char  *array,
                                  gsize        len,
                                  guint        max_depth,
                                  gsize       *pos,
                                  const char **element,
                                  gsize       *element_len,
                                  GError     **error);

/* TRUE when @member's key is exactly @key. */
gboolean aisle_json_span_key_is  (const AisleJsonMember *member,
                                  const char            *key);

G_END_DECLS
