/* aisle-text.c: folding text for search, and article numbers and GTINs
 *
 * Folding runs over every product name when a catalog is indexed and over
 * every keystroke's query, so ASCII goes through a byte table and only the
 * other code points pay for a UTF-8 decode and a lookup.
 */
#define G_LOG_DOMAIN "aisle-text"

#include "aisle-text.h"

#include <string.h>

/* A code point folds to at most 4 bytes of UTF-8; the writers keep this
 * much room beyond one output byte per input byte, which is all the ASCII
 * loop can produce, so that loop never checks for room. */
#define FOLD_SLACK 16

/* Lead and continuation bytes: the start of something to decode. */
#define ASCII_NON_ASCII 0

#define KEEP(c)  [c] = c
#define LOWER(c) [c] = (c) - 'A' + 'a'

/* Letters and digits fold to themselves in lower case; controls, NUL,
 * spaces and punctuation separate words. */
static const guchar ascii_fold[256] = {
  [0x00 ... '/'] = ' ',

  KEEP ('0'), KEEP ('1'), KEEP ('2'), KEEP ('3'), KEEP ('4'),
  KEEP ('5'), KEEP ('6'), KEEP ('7'), KEEP ('8'), KEEP ('9'),

  [':' ... '@'] = ' ',

  LOWER ('A'), LOWER ('B'), LOWER ('C'), LOWER ('D'), LOWER ('E'),
  LOWER ('F'), LOWER ('G'), LOWER ('H'), LOWER ('I'), LOWER ('J'),
  LOWER ('K'), LOWER ('L'), LOWER ('M'), LOWER ('N'), LOWER ('O'),
  LOWER ('P'), LOWER ('Q'), LOWER ('R'), LOWER ('S'), LOWER ('T'),
  LOWER ('U'), LOWER ('V'), LOWER ('W'), LOWER ('X'), LOWER ('Y'),
  LOWER ('Z'),

  ['[' ... '`'] = ' ',

  KEEP ('a'), KEEP ('b'), KEEP ('c'), KEEP ('d'), KEEP ('e'),
  KEEP ('f'), KEEP ('g'), KEEP ('h'), KEEP ('i'), KEEP ('j'),
  KEEP ('k'), KEEP ('l'), KEEP ('m'), KEEP ('n'), KEEP ('o'),
  KEEP ('p'), KEEP ('q'), KEEP ('r'), KEEP ('s'), KEEP ('t'),
  KEEP ('u'), KEEP ('v'), KEEP ('w'), KEEP ('x'), KEEP ('y'),
  KEEP ('z'),

  ['{' ... 0x7f] = ' ',

  [0x80 ... 0xff] = ASCII_NON_ASCII,
};

#undef KEEP
#undef LOWER

typedef enum
{
  FOLD_EMIT,       /* part of a word: write text */
  FOLD_SEPARATOR,  /* ends a word */
  FOLD_DROP,       /* invisible: an accent, a soft hyphen, a joiner */
  FOLD_MARK,       /* a non-Latin combining mark: kept inside a word only */
} FoldKind;

typedef struct
{
  guint8 kind;
  guint8 len;
  char   text[4];
} FoldEntry;

/* Letters that have no decomposition to a base letter, keyed by their lower
 * case form, which is all the table builder looks up. */
static const struct
{
  gunichar    c;
  const char *text;
} letter_overrides[] = {
  { 0x00DF, "ss" },  /* ß */
  { 0x00E6, "ae" },  /* æ */
  { 0x00F0, "d" },   /* ð */
  { 0x00F8, "o" },   /* ø */
  { 0x00FE, "th" },  /* þ */
  { 0x0111, "d" },   /* đ */
  { 0x0127, "h" },   /* ħ */
  { 0x0131, "i" },   /* ı */
  { 0x0138, "k" },   /* ĸ */
  { 0x0140, "l" },   /* ŀ: its compatibility form is l + middle dot */
  { 0x0142, "l" },   /* ł */
  { 0x0149, "n" },   /* ŉ: its compatibility form is apostrophe + n */
  { 0x014B, "n" },   /* ŋ */
  { 0x0153, "oe" },  /* œ */
  { 0x0167, "t" },   /* ŧ */
  { 0x0180, "b" },   /* ƀ */
  { 0x0183, "b" },   /* ƃ */
  { 0x0188, "c" },   /* ƈ */
  { 0x018C, "d" },   /* ƌ */
  { 0x0192, "f" },   /* ƒ */
  { 0x0199, "k" },   /* ƙ */
  { 0x019A, "l" },   /* ƚ */
  { 0x019E, "n" },   /* ƞ */
  { 0x01A5, "p" },   /* ƥ */
  { 0x01AB, "t" },   /* ƫ */
  { 0x01AD, "t" },   /* ƭ */
  { 0x01B4, "y" },   /* ƴ */
  { 0x01B6, "z" },   /* ƶ */
  { 0x01E5, "g" },   /* ǥ */
  { 0x0221, "d" },   /* ȡ */
  { 0x0225, "z" },   /* ȥ */
  { 0x0234, "l" },   /* ȴ */
  { 0x0235, "n" },   /* ȵ */
  { 0x0236, "t" },   /* ȶ */
  { 0x0237, "j" },   /* ȷ */
  { 0x0238, "db" },  /* ȸ */
  { 0x0239, "qp" },  /* ȹ */
  { 0x023C, "c" },   /* ȼ */
  { 0x023F, "s" },   /* ȿ */
  { 0x0240, "z" },   /* ɀ */
  { 0x0247, "e" },   /* ɇ */
  { 0x0249, "j" },   /* ɉ */
  { 0x024B, "q" },   /* ɋ */
  { 0x024D, "r" },   /* ɍ */
  { 0x024F, "y" },   /* ɏ */
  { 0x1EFB, "ll" },  /* ỻ */
};

/* The table covers Latin-1 Supplement, Latin Extended-A and -B, then Latin
 * Extended Additional: the letters of every European language. */
#define LATIN_A_FIRST 0x0080
#define LATIN_A_END   0x0250
#define LATIN_B_FIRST 0x1E00
#define LATIN_B_END   0x1F00
#define LATIN_TABLE_SIZE \
  ((LATIN_A_END - LATIN_A_FIRST) + (LATIN_B_END - LATIN_B_FIRST))

static FoldEntry latin_table[LATIN_TABLE_SIZE];

static inline gint
latin_index (gunichar c)
{
  if (c >= LATIN_A_FIRST && c < LATIN_A_END)
    return c - LATIN_A_FIRST;
  if (c >= LATIN_B_FIRST && c < LATIN_B_END)
    return (LATIN_A_END - LATIN_A_FIRST) + (c - LATIN_B_FIRST);
  return -1;
}

/* Accents, which search ignores. Marks of other scripts (Devanagari vowel
 * signs, Thai tone marks) spell the word and are kept. */
static inline gboolean
is_diacritic (gunichar c)
{
  return (c >= 0x0300 && c <= 0x036F) ||
         (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

/* Emoji presentation selectors follow symbols, which are separators anyway. */
static inline gboolean
is_variation_selector (gunichar c)
{
  return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

static gboolean
is_letter_or_number (GUnicodeType type)
{
  switch (type)
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
set_entry (FoldEntry  *entry,
           FoldKind    kind,
           const char *text,
           gsize       len)
{
  g_assert (len <= sizeof entry->text);

  entry->kind = kind;
  entry->len = (guint8) len;
  if (len > 0)
    memcpy (entry->text, text, len);
}

static const char *
find_override (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (letter_overrides); i++)
    if (letter_overrides[i].c == c)
      return letter_overrides[i].text;
  return NULL;
}

/* Reduces lower-case @c to base letters without accents ("ǽ" → "ae",
 * "ǆ" → "dz", "²" → "2"); FALSE when the result would not be a word. */
static gboolean
fold_latin_letter (gunichar   c,
                   FoldEntry *entry)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  char text[G_UNICHAR_MAX_DECOMPOSITION_LENGTH * 6];
  gsize n_parts;
  gsize len = 0;

  n_parts = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));

  for (gsize i = 0; i < n_parts; i++)
    {
      const char *override = find_override (parts[i]);

      if (is_diacritic (parts[i]))
        continue;

      if (override != NULL)
        {
          memcpy (text + len, override, strlen (override));
          len += strlen (override);
        }
      else if (is_letter_or_number (g_unichar_type (parts[i])))
        len += g_unichar_to_utf8 (g_unichar_tolower (parts[i]), text + len);
      else
        return FALSE;
    }

  if (len == 0 || len > sizeof entry->text)
    return FALSE;

  set_entry (entry, FOLD_EMIT, text, len);
  return TRUE;
}

static void
build_latin_entry (gunichar   c,
                   FoldEntry *entry)
{
  GUnicodeType type = g_unichar_type (c);
  gunichar lower;
  char text[6];

  if (type == G_UNICODE_FORMAT)
    {
      /* U+00AD: a soft hyphen is a line-break hint inside a word. */
      set_entry (entry, FOLD_DROP, NULL, 0);
      return;
    }

  if (!is_letter_or_number (type) && type != G_UNICODE_OTHER_NUMBER)
    {
      set_entry (entry, FOLD_SEPARATOR, NULL, 0);
      return;
    }

  /* Fold the lower-case form, so both cases of a letter fold alike even
   * when only one of them is in the table ("Ⱥ" and "ⱥ" both give "ⱥ"). */
  lower = g_unichar_tolower (c);
  if (latin_index (lower) >= 0 && fold_latin_letter (lower, entry))
    return;

  /* "¼" is not a word once decomposed */
  if (type == G_UNICODE_OTHER_NUMBER)
    set_entry (entry, FOLD_SEPARATOR, NULL, 0);
  else
    set_entry (entry, FOLD_EMIT, text, g_unichar_to_utf8 (lower, text));
}

/* Built from GLib's Unicode data, once, on the first non-ASCII character. */
static const FoldEntry *
get_latin_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gunichar c = LATIN_A_FIRST; c < LATIN_A_END; c++)
        build_latin_entry (c, &latin_table[latin_index (c)]);
      for (gunichar c = LATIN_B_FIRST; c < LATIN_B_END; c++)
        build_latin_entry (c, &latin_table[latin_index (c)]);

      g_once_init_leave (&initialized, 1);
    }

  return latin_table;
}

/* How a code point outside ASCII folds; @scratch holds entries that are
 * not in the table. */
static const FoldEntry *
lookup_code_point (gunichar   c,
                   FoldEntry *scratch)
{
  GUnicodeType type;
  gunichar lower;
  gint slot;
  char text[6];

  if ((slot = latin_index (c)) >= 0)
    return &get_latin_table ()[slot];

  if (is_diacritic (c) || is_variation_selector (c))
    {
      set_entry (scratch, FOLD_DROP, NULL, 0);
      return scratch;
    }

  type = g_unichar_type (c);

  if (is_letter_or_number (type))
    {
      /* The lower case may be ASCII or in the table ("K" Kelvin sign → "k",
       * "Å" Ångström sign → "a", "Ȿ" → "ȿ" → "s"), so fold it once more. */
      lower = g_unichar_tolower (c);
      if (lower < 0x80 && g_ascii_isalnum (lower))
        set_entry (scratch, FOLD_EMIT, (const char *) &ascii_fold[lower], 1);
      else if ((slot = latin_index (lower)) >= 0)
        return &get_latin_table ()[slot];
      else
        set_entry (scratch, FOLD_EMIT, text, g_unichar_to_utf8 (lower, text));
    }
  else if (type == G_UNICODE_NON_SPACING_MARK ||
           type == G_UNICODE_SPACING_MARK ||
           type == G_UNICODE_ENCLOSING_MARK)
    set_entry (scratch, FOLD_MARK, text, g_unichar_to_utf8 (c, text));
  else if (type == G_UNICODE_FORMAT && c != 0x200B)
    /* Joiners, bidi marks and the BOM are invisible; only the zero-width
     * space (U+200B) stands for a word break. */
    set_entry (scratch, FOLD_DROP, NULL, 0);
  else
    set_entry (scratch, FOLD_SEPARATOR, NULL, 0);

  return scratch;
}

/* Decodes one well-formed UTF-8 sequence (no overlong forms, surrogates or
 * code points past U+10FFFF) without reading at or past @end. Returns its
 * length, or 0 when the byte at @p does not start one. */
static guint
decode_utf8 (const guchar *p,
             const guchar *end,
             gunichar     *out)
{
  gsize avail = end - p;
  guchar lead = p[0];
  guchar low = 0x80;
  guchar high = 0xBF;

  if (lead >= 0xC2 && lead <= 0xDF)
    {
      if (avail < 2 || (p[1] & 0xC0) != 0x80)
        return 0;
      *out = ((gunichar) (lead & 0x1F) << 6) | (p[1] & 0x3F);
      return 2;
    }

  if (lead >= 0xE0 && lead <= 0xEF)
    {
      if (lead == 0xE0)
        low = 0xA0;
      else if (lead == 0xED)
        high = 0x9F;
      if (avail < 3 || p[1] < low || p[1] > high || (p[2] & 0xC0) != 0x80)
        return 0;
      *out = ((gunichar) (lead & 0x0F) << 12) |
             ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      return 3;
    }

  if (lead >= 0xF0 && lead <= 0xF4)
    {
      if (lead == 0xF0)
        low = 0x90;
      else if (lead == 0xF4)
        high = 0x8F;
      if (avail < 4 || p[1] < low || p[1] > high ||
          (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
      *out = ((gunichar) (lead & 0x07) << 18) |
             ((gunichar) (p[1] & 0x3F) << 12) |
             ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      return 4;
    }

  return 0;
}

typedef struct
{
  const guchar *p;
  const guchar *end;
} FoldState;

/* Folds the code point at @p, writing at *@w; returns where the next one
 * starts. Invalid UTF-8 is skipped one byte at a time. */
static const guchar *
fold_non_ascii (const guchar  *p,
                const guchar  *end,
                char         **w,
                gboolean       after_separator)
{
  const FoldEntry *entry;
  FoldEntry scratch;
  gunichar c;
  guint n;

  if ((n = decode_utf8 (p, end, &c)) == 0)
    return p + 1;

  entry = lookup_code_point (c, &scratch);

  switch ((FoldKind) entry->kind)
    {
    case FOLD_SEPARATOR:
      if (!after_separator)
        *(*w)++ = ' ';
      break;

    case FOLD_MARK:
      /* After a separator, a mark has nothing left to belong to. */
      if (after_separator)
        break;
      G_GNUC_FALLTHROUGH;

    case FOLD_EMIT:
      memcpy (*w, entry->text, entry->len);
      *w += entry->len;
      break;

    case FOLD_DROP:
    default:
      break;
    }

  return p + n;
}

/* Folds from @state into [@w, @limit) and returns the new end of the output.
 * The caller guarantees room for (end - p) + FOLD_SLACK bytes; when a
 * non-ASCII character finds less than that, this stops early so the caller
 * can grow the buffer and call again.
 *
 * Every separator is written as a space unless one is already there (or the
 * output is still empty), and one left at the very end is taken back: that
 * keeps the ASCII loop free of branches that depend on the text. */
static char *
fold_chunk (FoldState  *state,
            const char *fold_start,
            char       *w,
            const char *limit)
{
  const guchar *p = state->p;
  const guchar *end = state->end;
  gboolean after_separator = (w == fold_start || w[-1] == ' ');

  while (p < end)
    {
      guchar folded = ascii_fold[*p];

      if (G_UNLIKELY (folded == ASCII_NON_ASCII))
        {
          if ((gsize) (limit - w) < (gsize) (end - p) + FOLD_SLACK)
            break;
          p = fold_non_ascii (p, end, &w, after_separator);
          after_separator = (w == fold_start || w[-1] == ' ');
          continue;
        }

      *w = (char) folded;
      w += (folded != ' ') | !after_separator;
      after_separator = (folded == ' ');
      p++;
    }

  state->p = p;

  if (p == end && w != fold_start && w[-1] == ' ')
    w--;

  return w;
}

gsize
aisle_text_fold_append (GString    *out,
                        const char *text,
                        gssize      len)
{
  FoldState state;
  gsize start;
  gsize used;
  gsize room;

  g_return_val_if_fail (out != NULL, 0);
  g_return_val_if_fail (text != NULL || len == 0, 0);

  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return 0;

  state.p = (const guchar *) text;
  state.end = state.p + len;

  start = used = out->len;
  room = (gsize) len + FOLD_SLACK;

  for (;;)
    {
      char *w;

      /* Only to reserve the room; the length is set right below. */
      g_string_set_size (out, used + room);
      w = fold_chunk (&state, out->str + start, out->str + used,
                      out->str + used + room);
      used = w - out->str;

      if (state.p == state.end)
        break;

      room = 2 * (gsize) (state.end - state.p) + FOLD_SLACK;
    }

  g_string_truncate (out, used);

  return used - start;
}

char *
aisle_text_fold (const char *text,
                 gssize      len)
{
  FoldState state;
  char *buf;
  gsize used = 0;
  gsize size;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return g_strdup ("");

  state.p = (const guchar *) text;
  state.end = state.p + len;

  /* A plain allocation rather than a GString: the index may keep hundreds
   * of thousands of these, and GString rounds up to a power of two. */
  size = (gsize) len + FOLD_SLACK + 1;
  buf = g_malloc (size);

  for (;;)
    {
      char *w = fold_chunk (&state, buf, buf + used, buf + size - 1);

      used = w - buf;
      if (state.p == state.end)
        break;

      size = used + 2 * (gsize) (state.end - state.p) + FOLD_SLACK + 1;
      buf = g_realloc (buf, size);
    }

  buf[used] = '\0';

  return buf;
}

char *
aisle_text_printable (const char *text,
                      gsize       max_chars)
{
  g_autoptr(GString) out = NULL;
  gsize n = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0' && n < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isprint (c))
        {
          g_string_append_unichar (out, c);
          n++;
        }
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

char *
aisle_text_digits (const char *text)
{
  char *digits;
  gsize n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  digits = g_malloc (strlen (text) + 1);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = *p;
  digits[n] = '\0';

  return digits;
}

gboolean
aisle_text_is_valid_gtin (const char *digits)
{
  guint sum = 0;
  gsize len;

  g_return_val_if_fail (digits != NULL, FALSE);

  /* Stop at 15 characters: nothing longer is a GTIN, however long it is. */
  for (len = 0; len < 15 && digits[len] != '\0'; len++)
    if (!g_ascii_isdigit (digits[len]))
      return FALSE;

  if (len != 8 && len != 12 && len != 13 && len != 14)
    return FALSE;

  /* Weights alternate 3, 1, 3… leftwards from the digit before the check
   * digit, so the shorter GTINs are the longer ones with leading zeros. */
  for (gsize i = 0; i + 1 < len; i++)
    {
      guint digit = digits[len - 2 - i] - '0';

      sum += (i % 2 == 0) ? 3 * digit : digit;
    }

  return (10 - sum % 10) % 10 == (guint) (digits[len - 1] - '0');
}
