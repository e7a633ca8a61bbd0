/* aisle-json-doc.c: one product's JSON as a flat, reusable tree */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-json-doc.h"

/* Values in one parse: 32 bytes each, so at most 64 MiB of nodes whatever
 * the document's size ("[0,0,0,…]" of 256 MiB would need 4 GiB). A real
 * catalog's categories and stores, or one product, need a few thousand. */
#define MAX_NODES (2u * 1024 * 1024)

struct _AisleJsonDoc
{
  AisleJsonNode *nodes; /* grown by doubling, kept between parses */
  guint          n_nodes;
  guint          nodes_size;
  char   *text;         /* unescaped strings, each NUL-terminated */
  gsize   text_size;
  gsize   text_len;
  guint   max_depth;
};

typedef struct
{
  AisleJsonDoc *doc;
  const char   *start;  /* for the error's byte offset */
  const char   *p;
  const char   *end;
  guint         depth;
  const char   *error;  /* what went wrong, in JSON terms */
  gboolean      too_many;
} Parser;

AisleJsonDoc *
aisle_json_doc_new (guint max_depth)
{
  AisleJsonDoc *doc = g_new0 (AisleJsonDoc, 1);

  doc->nodes_size = 256;
  doc->nodes = g_new (AisleJsonNode, doc->nodes_size);
  doc->max_depth = MAX (max_depth, 1);
  return doc;
}

void
aisle_json_doc_free (AisleJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->nodes);
  g_free (doc->text);
  g_free (doc);
}

/* Strings never grow when unescaped, and each has two quotes for its NUL:
 * @size bytes of input never need more than @size + 1 of text. The buffer
 * is sized before parsing so that string pointers stay put. */
static void
reset (AisleJsonDoc *doc,
       gsize         size)
{
  doc->n_nodes = 0;
  doc->text_len = 0;
  if (doc->text_size < size + 1)
    {
      g_free (doc->text);
      doc->text_size = MAX (size + 1, 4096);
      doc->text = g_malloc (doc->text_size);
    }
}

static gboolean
fail (Parser     *parser,
      const char *what)
{
  if (parser->error == NULL)
    parser->error = what;
  return FALSE;
}

static inline void
skip_space (Parser *parser)
{
  const char *p = parser->p;

  while (p < parser->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  parser->p = p;
}

static guint
new_node (Parser     *parser,
          const char *key)
{
  AisleJsonDoc *doc = parser->doc;
  guint index = doc->n_nodes;
  AisleJsonNode *node;

  /* Nodes are found by index while parsing: moving them is fine. */
  if (G_UNLIKELY (index == doc->nodes_size))
    {
      doc->nodes_size *= 2;
      doc->nodes = g_renew (AisleJsonNode, doc->nodes, doc->nodes_size);
    }
  doc->n_nodes++;
  node = &doc->nodes[index];
  memset (node, 0, sizeof *node);
  node->key = key;
  node->skip = 1;
  return index;
}

#define NODE(parser, index) (&(parser)->doc->nodes[(index)])

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int d = hex_digit (p[i]);
      if (d < 0)
        return FALSE;
      value = value << 4 | (gunichar) d;
    }
  *out = value;
  return TRUE;
}

/* Of eight bytes (the first in the lowest bits), marks with its high bit
 * each one that is not plain ASCII text: a quote, a backslash, a control
 * character or a byte of a multi-byte character. These are the classic
 * "some byte is zero / below n" bit tricks: a false mark can only follow a
 * true one, so 0 means all eight are plain and the lowest mark is exact. */
static inline guint64
special_bytes (const char *p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 v, quote, backslash;

  memcpy (&v, p, sizeof v);
  v = GUINT64_FROM_LE (v);
  quote = v ^ (ones * '"');
  backslash = v ^ (ones * '\\');
  return (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
          ((v - ones * 0x20) & ~v) | v) & highs;
}

/* The length of the UTF-8 sequence at @p, or 0 when it is not a whole one:
 * RFC 3629, so no overlong forms, surrogates or code points past U+10FFFF
 * (what g_utf8_validate() takes). */
static inline guint
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar lo = 0x80, hi = 0xBF;
  guint n;

  if (p[0] >= 0xC2 && p[0] <= 0xDF)
    n = 2;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF)
    {
      n = 3;
      lo = p[0] == 0xE0 ? 0xA0 : lo;
      hi = p[0] == 0xED ? 0x9F : hi;
    }
  else if (p[0] >= 0xF0 && p[0] <= 0xF4)
    {
      n = 4;
      lo = p[0] == 0xF0 ? 0x90 : lo;
      hi = p[0] == 0xF4 ? 0x8F : hi;
    }
  else
    return 0;

  if ((gsize) (end - p) < n || p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  return n;
}

/* At the opening quote. Unescapes into the doc's text and says what the
 * feed's checks need: bytes, characters, and the flags. */
static gboolean
parse_string (Parser      *parser,
              const char **out_text,
              guint32     *out_len,
              guint32     *out_chars,
              guint8      *out_flags)
{
  AisleJsonDoc *doc = parser->doc;
  const char *p = parser->p + 1;
  const char *end = parser->end;
  char *text = doc->text + doc->text_len;
  char *o = text;
  guint32 chars = 0;
  guint8 flags = 0;

  for (;;)
    {
      guchar c;

      /* Most of a feed's text is plain ASCII: copied a word at a time, up
       * to the next byte that needs a look of its own. */
      while (end - p >= 8)
        {
          guint64 special = special_bytes (p);
          guint plain = special ? (guint) __builtin_ctzll (special) / 8 : 8;

          memcpy (o, p, 8);
          o += plain;
          p += plain;
          chars += plain;
          if (plain < 8)
            break;
        }

      if (p >= end)
        {
          parser->p = p;
          return fail (parser, "unterminated string");
        }

      c = (guchar) *p;
      if (c == '"')
        {
          p++;
          break;
        }
      if (c < 0x20)
        {
          parser->p = p;
          return fail (parser, "control character in a string");
        }
      /* A character of several bytes is checked where it is met, rather
       * than the whole text again at the end. */
      if (c >= 0x80)
        {
          guint n = utf8_sequence ((const guchar *) p, (const guchar *) end);

          if (n == 0)
            {
              flags |= AISLE_JSON_TEXT_BAD_UTF8;
              chars += (c & 0xC0) != 0x80;
              n = 1;
            }
          else
            chars++;
          memcpy (o, p, n);
          o += n;
          p += n;
          continue;
        }
      if (c != '\\')
        {
          *o++ = (char) c;
          p++;
          chars++;
          continue;
        }

      if (end - p < 2)
        {
          parser->p = p;
          return fail (parser, "unterminated string");
        }
      p += 2;
      chars++;
      switch (p[-1])
        {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; flags |= AISLE_JSON_TEXT_CONTROL; break;
        case 'f': *o++ = '\f'; flags |= AISLE_JSON_TEXT_CONTROL; break;
        case 'n': *o++ = '\n'; flags |= AISLE_JSON_TEXT_NEWLINE; break;
        case 'r': *o++ = '\r'; flags |= AISLE_JSON_TEXT_CONTROL; break;
        case 't': *o++ = '\t'; break;
        case 'u':
          {
            gunichar cp, low;

            if (!read_hex4 (p, end, &cp))
              {
                parser->p = p;
                return fail (parser, "bad \\u escape");
              }
            p += 4;

            /* A surrogate pair is one character; half of one is not a
             * character at all and becomes U+FFFD. */
            if (cp >= 0xD800 && cp <= 0xDBFF)
              {
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' && read_hex4 (p + 2, end, &low) &&
                    low >= 0xDC00 && low <= 0xDFFF)
                  {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                  }
                else
                  cp = 0xFFFD;
              }
            else if (cp >= 0xDC00 && cp <= 0xDFFF)
              cp = 0xFFFD;

            if (cp == 0)
              flags |= AISLE_JSON_TEXT_NUL;
            else if (cp == '\n')
              flags |= AISLE_JSON_TEXT_NEWLINE;
            else if (cp < 0x20 && cp != '\t')
              flags |= AISLE_JSON_TEXT_CONTROL;
            o += g_unichar_to_utf8 (cp, o);
          }
          break;
        default:
          parser->p = p - 1;
          return fail (parser, "bad escape in a string");
        }
    }

  *o = '\0';

  doc->text_len += (o - text) + 1;
  parser->p = p;
  *out_text = text;
  *out_len = (guint32) (o - text);
  *out_chars = chars;
  *out_flags = flags;
  return TRUE;
}

static gboolean
parse_number (Parser        *parser,
              AisleJsonNode *node)
{
  const char *start = parser->p;
  const char *p = start;
  const char *end = parser->end;
  gboolean integer = TRUE;
  gsize digits = 0;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++, digits = 1;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++, digits++;
  else
    return fail (parser, "bad number");

  if (p < end && *p == '.')
    {
      integer = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        return fail (parser, "bad number");
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (parser, "bad number");
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  parser->p = p;

  /* Up to 18 digits always fit: add them up without a copy. */
  if (integer && digits <= 18)
    {
      gint64 value = 0;

      for (const char *d = start + (*start == '-'); d < p; d++)
        value = value * 10 + (*d - '0');
      node->type = AISLE_JSON_INT;
      node->v.integer = *start == '-' ? -value : value;
      return TRUE;
    }

  {
    g_autofree char *copy = g_strndup (start, p - start);

    if (integer)
      {
        gint64 value;

        errno = 0;
        value = g_ascii_strtoll (copy, NULL, 10);
        if (errno == 0)
          {
            node->type = AISLE_JSON_INT;
            node->v.integer = value;
            return TRUE;
          }
      }
    node->type = AISLE_JSON_DOUBLE;
    node->v.number = g_ascii_strtod (copy, NULL);
  }
  return TRUE;
}

static gboolean
parse_literal (Parser     *parser,
               const char *word,
               gsize       len)
{
  if ((gsize) (parser->end - parser->p) < len || memcmp (parser->p, word, len) != 0)
    return fail (parser, "unexpected character");
  parser->p += len;
  return TRUE;
}

static gboolean parse_value (Parser *parser, const char *key);

static gboolean
parse_key (Parser      *parser,
           const char **key)
{
  guint32 len, chars;
  guint8 flags;

  if (parser->p >= parser->end || *parser->p != '"')
    return fail (parser, "expected a member name");
  if (!parse_string (parser, key, &len, &chars, &flags))
    return FALSE;
  if (flags & AISLE_JSON_TEXT_NUL)
    return fail (parser, "NUL in a member name");
  return TRUE;
}

static gboolean
parse_container (Parser *parser,
                 guint   index,
                 char    close)
{
  gboolean object = close == '}';
  guint32 n = 0;

  if (++parser->depth > parser->doc->max_depth)
    return fail (parser, "nesting too deep");

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == close)
    parser->p++;
  else
    for (;;)
      {
        const char *key = NULL;

        skip_space (parser);
        if (object)
          {
            if (!parse_key (parser, &key))
              return FALSE;
            skip_space (parser);
            if (parser->p >= parser->end || *parser->p != ':')
              return fail (parser, "expected ':'");
            parser->p++;
            skip_space (parser);
          }
        if (!parse_value (parser, key))
          return FALSE;
        n++;

        skip_space (parser);
        if (parser->p < parser->end && *parser->p == ',')
          {
            parser->p++;
            continue;
          }
        if (parser->p < parser->end && *parser->p == close)
          {
            parser->p++;
            break;
          }
        return fail (parser, object ? "expected ',' or '}'" : "expected ',' or ']'");
      }

  parser->depth--;
  NODE (parser, index)->n = n;
  return TRUE;
}

/* After whitespace. */
static gboolean
parse_value (Parser     *parser,
             const char *key)
{
  guint index;
  AisleJsonNode *node;

  if (G_UNLIKELY (parser->doc->n_nodes >= MAX_NODES))
    {
      parser->too_many = TRUE;
      return fail (parser, "too many values");
    }
  index = new_node (parser, key);
  node = NODE (parser, index);

  if (parser->p >= parser->end)
    return fail (parser, "unexpected end");

  switch (*parser->p)
    {
    case '{':
      node->type = AISLE_JSON_OBJECT;
      if (!parse_container (parser, index, '}'))
        return FALSE;
      break;

    case '[':
      node->type = AISLE_JSON_ARRAY;
      if (!parse_container (parser, index, ']'))
        return FALSE;
      break;

    case '"':
      {
        const char *text;
        guint32 len, chars;
        guint8 flags;

        if (!parse_string (parser, &text, &len, &chars, &flags))
          return FALSE;
        node = NODE (parser, index);
        node->type = AISLE_JSON_STRING;
        node->v.text = text;
        node->n = len;
        node->n_chars = chars;
        node->text_flags = flags;
      }
      break;

    case 't':
      node->type = AISLE_JSON_BOOLEAN;
      node->v.boolean = TRUE;
      return parse_literal (parser, "true", 4);

    case 'f':
      node->type = AISLE_JSON_BOOLEAN;
      return parse_literal (parser, "false", 5);

    case 'n':
      node->type = AISLE_JSON_NULL;
      return parse_literal (parser, "null", 4);

    default:
      return parse_number (parser, node);
    }

  NODE (parser, index)->skip = parser->doc->n_nodes - index;
  return TRUE;
}

static const AisleJsonNode *
finish (Parser  *parser,
        gboolean ok,
        GError **error)
{
  if (!ok && parser->too_many)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE,
                   _("The document has more than %u values"), MAX_NODES);
      return NULL;
    }
  if (!ok)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                   _("The document is not valid JSON (%s at byte %zu)"),
                   parser->error ? parser->error : "unexpected character",
                   (gsize) (parser->p - parser->start));
      return NULL;
    }
  return &parser->doc->nodes[0];
}

const AisleJsonNode *
aisle_json_doc_parse (AisleJsonDoc *doc,
                      const char   *data,
                      gsize         len,
                      GError      **error)
{
  Parser parser = { doc, data, data, data + len, 0, NULL, FALSE };
  gboolean ok;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  reset (doc, len);
  skip_space (&parser);
  ok = parse_value (&parser, NULL);
  if (ok)
    {
      skip_space (&parser);
      if (parser.p != parser.end)
        ok = fail (&parser, "more after the value");
    }
  return finish (&parser, ok, error);
}

const AisleJsonNode *
aisle_json_doc_parse_members (AisleJsonDoc          *doc,
                              const AisleJsonMember *members,
                              guint                  n_members,
                              const char            *skip_key,
                              GError               **error)
{
  Parser parser = { doc, NULL, NULL, NULL, 0, NULL, FALSE };
  gsize size = 0;
  guint32 n = 0;
  guint root;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (members != NULL || n_members == 0, NULL);

  for (guint i = 0; i < n_members; i++)
    size += members[i].key_len + 2 + members[i].value_len;
  reset (doc, size);

  root = new_node (&parser, NULL);
  NODE (&parser, root)->type = AISLE_JSON_OBJECT;

  for (guint i = 0; i < n_members; i++)
    {
      const AisleJsonMember *m = &members[i];
      const char *key;
      gboolean ok;

      if (skip_key != NULL && aisle_json_span_key_is (m, skip_key))
        continue;

      /* The name's quotes are either side of its bytes. */
      parser.start = parser.p = m->key - 1;
      parser.end = m->key + m->key_len + 1;
      if (!parse_key (&parser, &key))
        return finish (&parser, FALSE, error);

      parser.start = parser.p = m->value;
      parser.end = m->value + m->value_len;
      skip_space (&parser);
      ok = parse_value (&parser, key);
      if (ok)
        {
          skip_space (&parser);
          if (parser.p != parser.end)
            ok = fail (&parser, "more after the value");
        }
      if (!ok)
        return finish (&parser, FALSE, error);
      n++;
    }

  NODE (&parser, root)->n = n;
  NODE (&parser, root)->skip = doc->n_nodes;
  return finish (&parser, TRUE, error);
}

const AisleJsonNode *
aisle_json_get (const AisleJsonNode *object,
                const char          *key)
{
  const AisleJsonNode *found = NULL;

  if (!aisle_json_is (object, AISLE_JSON_OBJECT))
    return NULL;

  for (const AisleJsonNode *child = aisle_json_first (object); child; child = aisle_json_next (object, child))
    if (child->key[0] == key[0] && strcmp (child->key, key) == 0)
      found = child;

  return found;
}

const AisleJsonNode *
aisle_json_first (const AisleJsonNode *container)
{
  if (container == NULL ||
      (container->type != AISLE_JSON_OBJECT && container->type != AISLE_JSON_ARRAY) ||
      container->n == 0)
    return NULL;
  return container + 1;
}

const AisleJsonNode *
aisle_json_next (const AisleJsonNode *container,
                 const AisleJsonNode *child)
{
  const AisleJsonNode *next = child + child->skip;

  return next < container + container->skip ? next : NULL;
}
