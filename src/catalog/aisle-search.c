/* aisle-search.c: ranked, capped search over the catalog's folded names and codes */
#define G_LOG_DOMAIN "aisle-search"

#include "config.h"

#define _GNU_SOURCE
#include <string.h>

#include "aisle-search.h"
#include "aisle-text.h"

#define MAX_TOKENS 8

enum {
  RANK_PREFIX,      /* the name (or code) starts with the query */
  RANK_WORDS,       /* every word of the query starts a word of the name */
  RANK_ANYWHERE,
  N_RANKS
};

typedef struct
{
  GArray  *ranks[N_RANKS];
  guint    limit;
  guint    n_matches;
  guint8  *seen;        /* only when two passes could find the same product */
  guint    n_products;
} Collector;

typedef struct
{
  const char *text;
  gsize       len;
} Token;

static void
collect (Collector *c,
         guint32    index,
         guint      rank)
{
  if (c->seen != NULL)
    {
      if (c->seen[index])
        return;
      c->seen[index] = 1;
    }

  c->n_matches++;
  if (c->ranks[rank]->len < c->limit)
    g_array_append_val (c->ranks[rank], index);
}

static const char *
find_in (const char *hay,
         gsize       hay_len,
         const Token *t)
{
  return memmem (hay, hay_len, t->text, t->len);
}

static gboolean
has_word_start (const char  *line,
                gsize        len,
                const Token *t)
{
  const char *p = line;
  const char *end = line + len;

  while (p < end && (p = find_in (p, end - p, t)) != NULL)
    {
      if (p == line || p[-1] == ' ')
        return TRUE;
      p++;
    }

  return FALSE;
}

/* Which rank @line earns, or -1 when some token is missing. Short tokens must
 * start a word: "a" should not match every name with an "a" in it. */
static int
rank_line (const char  *line,
           gsize        len,
           const char  *query,
           gsize        query_len,
           const Token *tokens,
           guint        n_tokens)
{
  gboolean all_word_starts = TRUE;

  for (guint i = 0; i < n_tokens; i++)
    {
      if (has_word_start (line, len, &tokens[i]))
        continue;
      if (tokens[i].len < 3 || find_in (line, len, &tokens[i]) == NULL)
        return -1;
      all_word_starts = FALSE;
    }

  if (len >= query_len && memcmp (line, query, query_len) == 0)
    return RANK_PREFIX;

  return all_word_starts ? RANK_WORDS : RANK_ANYWHERE;
}

/* Finds every line of @blob containing @anchor and hands it to @visit. Lines
 * are found by walking @lines forward, since hits come in order. */
static void
scan_lines (const char    *blob,
            gsize          size,
            const guint32 *lines,
            guint          n_lines,
            const Token   *anchor,
            void         (*visit) (const char *line, gsize len, guint32 index, gpointer data),
            gpointer       data)
{
  gsize pos = 0;
  guint cur = 0;

  while (pos < size && cur < n_lines)
    {
      const char *hit = memmem (blob + pos, size - pos, anchor->text, anchor->len);
      gsize hit_pos, start, end;

      if (hit == NULL)
        break;

      hit_pos = hit - blob;
      while (cur < n_lines && lines[cur + 1] <= hit_pos)
        cur++;
      if (cur >= n_lines)
        break;

      start = MIN (lines[cur], size);
      end = MIN (lines[cur + 1], size);
      if (start < end)
        visit (blob + start, end - start - (blob[end - 1] == '\n'), cur, data);

      /* Resume after this line: one visit per product. */
      pos = MAX (end, hit_pos + 1);
      cur++;
    }
}

typedef struct
{
  Collector   *collector;
  const char  *query;
  gsize        query_len;
  const Token *tokens;
  guint        n_tokens;
} NameScan;

static void
visit_name (const char *line,
            gsize       len,
            guint32     index,
            gpointer    data)
{
  NameScan *scan = data;
  int rank = rank_line (line, len, scan->query, scan->query_len, scan->tokens, scan->n_tokens);

  if (rank >= 0)
    collect (scan->collector, index, rank);
}

static void
visit_digits (const char *line,
              gsize       len,
              guint32     index,
              gpointer    data)
{
  NameScan *scan = data;
  const char *space = memchr (line, ' ', len);
  const Token *t = &scan->tokens[0];
  gboolean prefix = memcmp (line, t->text, MIN (len, t->len)) == 0 && len >= t->len;

  /* A GTIN only matches from its start: its middle digits mean nothing. */
  if (!prefix && space != NULL)
    {
      gsize gtin_len = len - (space + 1 - line);

      prefix = gtin_len >= t->len && memcmp (space + 1, t->text, t->len) == 0;
      if (!prefix && find_in (line, space - line, t) == NULL)
        return;
    }

  collect (scan->collector, index, prefix ? RANK_PREFIX : RANK_ANYWHERE);
}

static guint
split_tokens (char  *folded,
              Token *tokens)
{
  guint n = 0;

  for (char *p = folded; *p != '\0' && n < MAX_TOKENS; )
    {
      char *space = strchr (p, ' ');
      gsize len = space ? (gsize)(space - p) : strlen (p);

      if (len > 0)
        tokens[n++] = (Token) { p, len };
      if (space == NULL)
        break;
      p = space + 1;
    }

  return n;
}

/* Digits, dots, dashes and spaces only: an article number or a GTIN. */
static char *
code_query (const char *query)
{
  for (const char *p = query; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != ' ')
      return NULL;

  return aisle_text_digits (query);
}

GArray *
aisle_search_run (AisleCatalog  *catalog,
                  AisleLanguage  language,
                  const char    *query,
                  guint          limit,
                  guint         *n_matches)
{
  g_autofree char *folded = NULL;
  g_autofree char *digits = NULL;
  g_autofree guint8 *seen = NULL;
  Token tokens[MAX_TOKENS];
  Collector c = { { NULL }, limit, 0, NULL, 0 };
  guint n_tokens, n_products;
  GArray *result;

  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (n_matches)
    *n_matches = 0;

  folded = aisle_text_fold (query, -1);
  n_tokens = split_tokens (folded, tokens);
  if (n_tokens == 0 || limit == 0)
    return result;

  n_products = aisle_catalog_get_n_products (catalog);
  for (guint r = 0; r < N_RANKS; r++)
    c.ranks[r] = g_array_new (FALSE, FALSE, sizeof (guint32));

  digits = code_query (query);
  if (digits != NULL && strlen (digits) >= 2)
    {
      Token digit_token = { digits, strlen (digits) };
      NameScan scan = { &c, digits, digit_token.len, &digit_token, 1 };
      const guint32 *lines;
      gsize size;
      const char *blob = aisle_catalog_get_search_digits (catalog, &size, &lines);

      scan_lines (blob, size, lines, n_products, &digit_token, visit_digits, &scan);
      /* Names may hold numbers too ("140x200"); do not count a product twice. */
      c.seen = seen = g_malloc0 (n_products);
      for (guint r = 0; r < N_RANKS; r++)
        for (guint i = 0; i < c.ranks[r]->len; i++)
          seen[g_array_index (c.ranks[r], guint32, i)] = 1;
    }

  {
    NameScan scan = { &c, folded, strlen (folded), tokens, n_tokens };
    const Token *anchor = &tokens[0];
    const guint32 *lines;
    gsize size;
    const char *blob = aisle_catalog_get_search_names (catalog, language, &size, &lines);

    /* The longest token is the rarest: scan for it, check the others per line. */
    for (guint i = 1; i < n_tokens; i++)
      if (tokens[i].len > anchor->len)
        anchor = &tokens[i];

    scan_lines (blob, size, lines, n_products, anchor, visit_name, &scan);
  }

  for (guint r = 0; r < N_RANKS; r++)
    {
      guint room = limit - result->len;

      g_array_append_vals (result, c.ranks[r]->data, MIN (room, c.ranks[r]->len));
      g_array_unref (c.ranks[r]);
    }

  if (n_matches)
    *n_matches = c.n_matches;

  return result;
}
