/* aisle-json-doc.h: one product's JSON as a flat, reusable tree
 *
 * The store feed is parsed product by product (aisle-json-span finds them).
 * json-c gave every value of every product its own allocation and every
 * object its own hash table, and the feed's time went to malloc and free.
 * An AisleJsonDoc parses one JSON text into an array of nodes and a buffer
 * of unescaped strings that the next parse reuses, so a whole feed costs a
 * handful of allocations.
 *
 * The grammar is strict RFC 8259 JSON: no comments, no trailing commas, no
 * raw control characters in strings, nesting limited. Strings are given
 * back NUL-terminated with what the feed's checks need to know about them,
 * found on the same pass: their length in characters, whether they are
 * valid UTF-8, and whether they hide a NUL or other control characters.
 *
 * Nodes stay valid until the doc's next parse or its free.
 */
#pragma once

#include <glib.h>

#include "aisle-json-span.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_JSON_NULL,
  AISLE_JSON_BOOLEAN,
  AISLE_JSON_INT,       /* a number without fraction or exponent that fits gint64 */
  AISLE_JSON_DOUBLE,    /* any other number */
  AISLE_JSON_STRING,
  AISLE_JSON_ARRAY,
  AISLE_JSON_OBJECT,
} AisleJsonType;

typedef enum
{
  AISLE_JSON_TEXT_NUL      = 1 << 0,   /* "\u0000" somewhere: C would cut it short */
  AISLE_JSON_TEXT_CONTROL  = 1 << 1,   /* a control character other than newline and tab */
  AISLE_JSON_TEXT_NEWLINE  = 1 << 2,
  AISLE_JSON_TEXT_BAD_UTF8 = 1 << 3,
} AisleJsonTextFlags;

typedef struct _AisleJsonNode AisleJsonNode;

struct _AisleJsonNode
{
  guint8      type;         /* AisleJsonType */
  guint8      text_flags;   /* AisleJsonTextFlags, for strings */
  guint32     n;            /* members, elements, or a string's bytes */
  guint32     n_chars;      /* a string's characters (when valid UTF-8) */
  guint32     skip;         /* this node plus its subtree, in nodes: the next sibling is this + skip */
  const char *key;          /* the member's name inside an object, else NULL */
  union {
    const char *text;
    gint64      integer;
    double      number;
    gboolean    boolean;
  } v;
};

typedef struct _AisleJsonDoc AisleJsonDoc;

AisleJsonDoc        *aisle_json_doc_new            (guint                  max_depth);
void                 aisle_json_doc_free           (AisleJsonDoc          *doc);

/* Parses one JSON value that fills @data (whitespace around it allowed).
 * NULL with AISLE_ERROR_INVALID_DATA when it is not. */
const AisleJsonNode *aisle_json_doc_parse          (AisleJsonDoc          *doc,
                                                    const char            *data,
                                                    gsize                  len,
                                                    GError               **error);

/* Builds one object from a document's top-level members (as found by
 * aisle_json_span_members), leaving out @skip_key. */
const AisleJsonNode *aisle_json_doc_parse_members  (AisleJsonDoc          *doc,
                                                    const AisleJsonMember *members,
                                                    guint                  n_members,
                                                    const char            *skip_key,
                                                    GError               **error);

static inline gboolean
aisle_json_is (const AisleJsonNode *node,
               AisleJsonType        type)
{
  return node != NULL && node->type == type;
}

/* The member called @key of @object (the last one if the name repeats), or
 * NULL when @object is not an object or has no such member. */
const AisleJsonNode *aisle_json_get                (const AisleJsonNode   *object,
                                                    const char            *key);

/* Members of an object or elements of an array, in order:
 *   for (child = aisle_json_first (c); child; child = aisle_json_next (c, child)) */
const AisleJsonNode *aisle_json_first              (const AisleJsonNode   *container);
const AisleJsonNode *aisle_json_next               (const AisleJsonNode   *container,
                                                    const AisleJsonNode   *child);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleJsonDoc, aisle_json_doc_free)

G_END_DECLS
