/* aisle-json-span.c: finding the parts of a large JSON document without parsing it */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-json-span.h"

#define MAX_NESTING 256

static gboolean
fail (GError    **error,
      const char *what,
      gsize       at)
{
  g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
               _("The document is not valid JSON (%s at byte %zu)"), what, at);
  return FALSE;
}

static gsize
skip_space (const char *p,
            gsize       i,
            gsize       len)
{
  while (i < len && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
    i++;
  return i;
}

/* @i is at the opening quote; returns the index after the closing one. */
static gboolean
skip_string (const char *p,
             gsize       len,
             gsize      *i,
             GError    **error)
{
  gsize j = *i + 1;

  while (j < len)
    {
      const char *quote_or_escape;

      /* memchr-speed over the long runs of plain text between escapes. */
      quote_or_escape = memchr (p + j, '"', len - j);
      if (quote_or_escape == NULL)
        break;

      {
        gsize q = quote_or_escape - p;
        gsize backslashes = 0;

        while (q - backslashes > j && p[q - backslashes - 1] == '\\')
          backslashes++;
        j = q + 1;
        if (backslashes % 2 == 0)
          {
            *i = j;
            return TRUE;
          }
      }
    }

  return fail (error, "unterminated string", *i);
}

/* Skips one value starting at @i (after whitespace); nesting is tracked with
 * an explicit stack, never recursion. */
static gboolean
skip_value (const char *p,
            gsize       len,
            guint       max_depth,
            gsize      *i,
            GError    **error)
{
  char closers[MAX_NESTING];
  guint depth = 0;
  gsize j = skip_space (p, *i, len);

  max_depth = MIN (max_depth, MAX_NESTING);

  do
    {
      if (j >= len)
        return fail (error, "unexpected end", j);

      switch (p[j])
        {
        case '"':
          if (!skip_string (p, len, &j, error))
            return FALSE;
          break;

        case '{':
        case '[':
          if (depth >= max_depth)
            return fail (error, "nested too deep", j);
          closers[depth++] = p[j] == '{' ? '}' : ']';
          j++;
          break;

        case '}':
        case ']':
          if (depth == 0 || closers[depth - 1] != p[j])
            return fail (error, "mismatched bracket", j);
          depth--;
          j++;
          break;

        case ',':
        case ':':
          if (depth == 0)
            return fail (error, "unexpected separator", j);
          j++;
          break;

        case ' ': case '\n': case '\r': case '\t':
          j = skip_space (p, j, len);
          break;

        default:
          /* Numbers, true, false, null: up to the next delimiter; json-c
           * checks their spelling when the part is parsed. */
          if (!g_ascii_isalnum (p[j]) && p[j] != '-' && p[j] != '+' && p[j] != '.')
            return fail (error, "unexpected character", j);
          while (j < len && (g_ascii_isalnum (p[j]) || p[j] == '-' || p[j] == '+' || p[j] == '.'))
            j++;
          break;
        }
    }
  while (depth > 0);

  *i = j;
  return TRUE;
}

/* @i is at the array's '['; on success it is just past its ']'. The end is
 * where the iterator stopped, never derived from @elements, which may
 * already hold what an earlier array left there. */
static gboolean
collect_elements (const char  *data,
                  gsize        len,
                  guint        max_depth,
                  guint        max_elements,
                  gsize       *i,
                  GArray      *elements,
                  GError     **error)
{
  gsize pos = 0;
  guint n = 0;
  AisleJsonSpan element;
  GError *local_error = NULL;

  while (aisle_json_span_next (data + *i, len - *i, max_depth, &pos, &element.data, &element.len, &local_error))
    {
      if (++n > max_elements)
        {
          g_set_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE,
                       _("The document’s list has more than %u elements"), max_elements);
          return FALSE;
        }
      g_array_append_val (elements, element);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *i += pos;
  return TRUE;
}

gboolean
aisle_json_span_members (const char  *data,
                         gsize        len,
                         guint        max_depth,
                         guint        max_elements,
                         GArray      *members,
                         const char  *array_key,
                         GArray      *elements,
                         GError     **error)
{
  gsize i;
  gboolean seen_array = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (members != NULL, FALSE);

  i = skip_space (data, 0, len);
  if (i >= len || data[i] != '{')
    return fail (error, "not an object", i);
  i = skip_space (data, i + 1, len);

  if (i < len && data[i] == '}')
    i++;
  else
    for (;;)
      {
        AisleJsonMember member;
        gsize key_start;

        if (i >= len || data[i] != '"')
          return fail (error, "expected a key", i);
        key_start = i;
        if (!skip_string (data, len, &i, error))
          return FALSE;
        member.key = data + key_start + 1;
        member.key_len = i - key_start - 2;

        i = skip_space (data, i, len);
        if (i >= len || data[i] != ':')
          return fail (error, "expected ':'", i);
        i = skip_space (data, i + 1, len);

        member.value = data + i;
        if (array_key != NULL && aisle_json_span_key_is (&member, array_key))
          {
            /* Which of two lists would count is anyone's guess: refuse. */
            if (seen_array)
              {
                g_set_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                             _("The document has the key “%s” more than once"), array_key);
                return FALSE;
              }
            seen_array = TRUE;
          }
        if (array_key != NULL && elements != NULL && i < len && data[i] == '[' &&
            aisle_json_span_key_is (&member, array_key))
          {
            if (!collect_elements (data, len, max_depth, max_elements, &i, elements, error))
              return FALSE;
          }
        else if (!skip_value (data, len, max_depth, &i, error))
          return FALSE;
        member.value_len = (data + i) - member.value;
        g_array_append_val (members, member);

        i = skip_space (data, i, len);
        if (i < len && data[i] == ',')
          {
            i = skip_space (data, i + 1, len);
            continue;
          }
        if (i < len && data[i] == '}')
          {
            i++;
            break;
          }
        return fail (error, "expected ',' or '}'", i);
      }

  i = skip_space (data, i, len);
  if (i != len)
    return fail (error, "data after the end", i);
  return TRUE;
}

gboolean
aisle_json_span_next (const char  *array,
                      gsize        len,
                      guint        max_depth,
                      gsize       *pos,
                      const char **element,
                      gsize       *element_len,
                      GError     **error)
{
  gsize i = *pos;

  if (i == 0)
    {
      i = skip_space (array, 0, len);
      if (i >= len || array[i] != '[')
        return fail (error, "not an array", i);
      i = skip_space (array, i + 1, len);
      if (i < len && array[i] == ']')
        {
          *pos = i + 1;
          return FALSE;
        }
    }
  else
    {
      i = skip_space (array, i, len);
      if (i < len && array[i] == ']')
        {
          *pos = i + 1;
          return FALSE;
        }
      if (i >= len || array[i] != ',')
        return fail (error, "expected ',' or ']'", i);
      i = skip_space (array, i + 1, len);
    }

  *element = array + i;
  if (!skip_value (array, len, max_depth, &i, error))
    return FALSE;
  *element_len = (array + i) - *element;
  *pos = i;
  return TRUE;
}

gboolean
aisle_json_span_key_is (const AisleJsonMember *member,
                        const char            *key)
{
  gsize len = strlen (key);
  return member->key_len == len && memcmp (member->key, key, len) == 0;
}
