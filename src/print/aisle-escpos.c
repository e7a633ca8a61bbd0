/* aisle-escpos.c: a slip as the bytes an ESC/POS thermal printer prints */
#define G_LOG_DOMAIN "aisle-escpos"

#include "config.h"

#include <string.h>

#include "aisle-escpos.h"
#include "aisle-qr.h"

#define ESC 0x1B
#define GS  0x1D
#define LF  0x0A

/* Dots per QR module: larger reads better, but must fit the paper. */
#define QR_MAX_MODULE 6

G_DEFINE_ENUM_TYPE (AisleEscposQrMode, aisle_escpos_qr_mode,
                    G_DEFINE_ENUM_VALUE (AISLE_ESCPOS_QR_NATIVE, "native"),
                    G_DEFINE_ENUM_VALUE (AISLE_ESCPOS_QR_RASTER, "raster"))

/* PC858 bytes 0x80 to 0xFF as Unicode: CP850 with € at 0xD5. */
static const gunichar pc858_high[128] = {
  0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7,  /* 80 */
  0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,  /* 88 */
  0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,  /* 90 */
  0x00FF, 0x00D6, 0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192,  /* 98 */
  0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,  /* A0 */
  0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,  /* A8 */
  0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00C1, 0x00C2, 0x00C0,  /* B0 */
  0x00A9, 0x2563, 0x2551, 0x2557, 0x255D, 0x00A2, 0x00A5, 0x2510,  /* B8 */
  0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3,  /* C0 */
  0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x00A4,  /* C8 */
  0x00F0, 0x00D0, 0x00CA, 0x00CB, 0x00C8, 0x20AC, 0x00CD, 0x00CE,  /* D0 */
  0x00CF, 0x2518, 0x250C, 0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580,  /* D8 */
  0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE,  /* E0 */
  0x00DE, 0x00DA, 0x00DB, 0x00D9, 0x00FD, 0x00DD, 0x00AF, 0x00B4,  /* E8 */
  0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6, 0x00A7, 0x00F7, 0x00B8,  /* F0 */
  0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,  /* F8 */
};

/* Typography that shop texts and translations use but PC858 lacks; a
 * look-alike reads better on a slip than "?". */
static const struct {
  gunichar    c;
  const char *ascii;
} look_alikes[] = {
  { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" }, { 0x2014, "-" },
  { 0x2015, "-" }, { 0x2212, "-" },
  { 0x2018, "'" }, { 0x2019, "'" }, { 0x201A, "'" }, { 0x201B, "'" }, { 0x2032, "'" },
  { 0x201C, "\"" }, { 0x201D, "\"" }, { 0x201E, "\"" }, { 0x201F, "\"" }, { 0x2033, "\"" },
  { 0x2039, "<" }, { 0x203A, ">" }, { 0x2026, "..." }, { 0x2022, "*" }, { 0x2122, "TM" },
  { 0x2002, " " }, { 0x2003, " " }, { 0x2009, " " }, { 0x200A, " " },
  /* No-break spaces stay unbreakable (0xFF), as in "12,00 €". */
  { 0x2007, "\xFF" }, { 0x202F, "\xFF" },
  /* Invisible: the soft hyphen would print as a hyphen. */
  { 0x00AD, "" }, { 0x200B, "" }, { 0x200C, "" }, { 0x200D, "" }, { 0x2060, "" }, { 0xFEFF, "" },
};

void
aisle_escpos_options_init (AisleEscposOptions *options)
{
  g_return_if_fail (options != NULL);

  options->columns = AISLE_ESCPOS_COLUMNS_80MM;
  options->qr_mode = AISLE_ESCPOS_QR_NATIVE;
  options->code_page = AISLE_ESCPOS_CODE_PAGE_PC858;
  options->cut = TRUE;
}

static void
encode_char (GString  *out,
             gunichar  c)
{
  if (c == '\n')
    {
      g_string_append_c (out, '\n');
      return;
    }
  /* Control characters would be commands to the printer. */
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
    {
      g_string_append_c (out, ' ');
      return;
    }
  if (c < 0x80)
    {
      g_string_append_c (out, (char)c);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (look_alikes); i++)
    if (look_alikes[i].c == c)
      {
        g_string_append (out, look_alikes[i].ascii);
        return;
      }

  for (guint i = 0; i < G_N_ELEMENTS (pc858_high); i++)
    if (pc858_high[i] == c)
      {
        g_string_append_c (out, (char)(0x80 + i));
        return;
      }

  g_string_append_c (out, '?');
}

char *
aisle_escpos_encode_text (const char *utf8,
                          gsize      *length)
{
  g_autofree char *normal = NULL;
  GString *out;

  g_return_val_if_fail (utf8 != NULL, NULL);

  /* "a" + U+0300 must become "à", one PC858 byte. Invalid UTF-8 (which
   * g_utf8_normalize refuses) is made valid first. */
  {
    g_autofree char *valid = g_utf8_make_valid (utf8, -1);
    normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  }

  out = g_string_sized_new (strlen (normal));
  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    encode_char (out, g_utf8_get_char (p));

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Word wrapping, on PC858 bytes: one byte is one column. */

static void
wrap_paragraph (GPtrArray  *lines,
                const char *text,
                gsize       len,
                guint       first_width,
                guint       width)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gsize pos = 0;
  guint limit = lines->len == 0 ? first_width : width;

  while (pos < len)
    {
      gsize start, word_len;

      while (pos < len && text[pos] == ' ')
        pos++;
      if (pos >= len)
        break;
      start = pos;
      while (pos < len && text[pos] != ' ')
        pos++;
      word_len = pos - start;

      if (line->len > 0 && line->len + 1 + word_len <= limit)
        {
          g_string_append_c (line, ' ');
          g_string_append_len (line, text + start, word_len);
          continue;
        }
      if (line->len > 0)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          limit = width;
        }
      /* A word longer than a line is cut where the paper ends. */
      while (word_len > limit)
        {
          g_ptr_array_add (lines, g_strndup (text + start, limit));
          start += limit;
          word_len -= limit;
          limit = width;
        }
      g_string_append_len (line, text + start, word_len);
    }

  g_ptr_array_add (lines, g_strdup (line->str));
}

GPtrArray *
aisle_escpos_wrap (const char *text,
                   guint       first_width,
                   guint       width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  g_return_val_if_fail (text != NULL, lines);

  first_width = MAX (first_width, 1);
  width = MAX (width, 1);

  for (;;)
    {
      const char *end = strchr (p, '\n');
      gsize len = end ? (gsize)(end - p) : strlen (p);

      wrap_paragraph (lines, p, len, first_width, width);
      if (end == NULL)
        break;
      p = end + 1;
    }

  return lines;
}

/* The job */

typedef enum { ALIGN_LEFT, ALIGN_CENTER } Align;

typedef struct
{
  GByteArray               *out;
  const AisleEscposOptions *options;
  guint                     columns;
  guint                     dots;
} Writer;

static void
put (Writer     *w,
     const void *data,
     gsize       len)
{
  g_byte_array_append (w->out, data, len);
}

static void
put3 (Writer *w,
      guint8  a,
      guint8  b,
      guint8  c)
{
  const guint8 bytes[] = { a, b, c };

  put (w, bytes, sizeof bytes);
}

static void
put_spaces (Writer *w,
            guint   n)
{
  for (guint i = 0; i < n; i++)
    g_byte_array_append (w->out, (const guint8 *)" ", 1);
}

static void
newline (Writer *w)
{
  const guint8 lf = LF;

  put (w, &lf, 1);
}

/* Each block says its style in full, so a reader (or a printer that lost
 * a byte) never depends on the previous one. */
static void
style (Writer   *w,
       Align     align,
       gboolean  bold,
       gboolean  wide,
       gboolean  tall)
{
  put3 (w, ESC, 'a', align == ALIGN_CENTER ? 1 : 0);
  put3 (w, ESC, 'E', bold ? 1 : 0);
  put3 (w, GS, '!', (wide ? 0x10 : 0) | (tall ? 0x01 : 0));
}

static void
plain (Writer *w)
{
  style (w, ALIGN_LEFT, FALSE, FALSE, FALSE);
}

/* Wrapped text; continuation lines are indented by @hang. */
static void
text_block (Writer     *w,
            const char *utf8,
            guint       indent,
            guint       hang)
{
  g_autofree char *text = aisle_escpos_encode_text (utf8, NULL);
  guint columns = w->columns;
  g_autoptr(GPtrArray) lines = NULL;

  if (*utf8 == '\0')
    return;

  lines = aisle_escpos_wrap (text, columns - indent, columns - indent - hang);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      put_spaces (w, indent + (i > 0 ? hang : 0));
      put (w, line, strlen (line));
      newline (w);
    }
}

/* Centered and optionally double width, which halves the columns. */
static void
heading (Writer     *w,
         const char *utf8,
         Align       align,
         gboolean    bold,
         gboolean    wide,
         gboolean    tall)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint columns = wide ? w->columns / 2 : w->columns;

  if (*utf8 == '\0')
    return;

  text = aisle_escpos_encode_text (utf8, NULL);
  lines = aisle_escpos_wrap (text, columns, columns);
  style (w, align, bold, wide, tall);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      put (w, line, strlen (line));
      newline (w);
    }
  plain (w);
}

/* @left wrapped beside @right, which is flush right on the first line;
 * every line of @left is indented by @indent. */
static void
pair (Writer     *w,
      const char *left_utf8,
      const char *right_utf8,
      guint       indent)
{
  g_autofree char *left = aisle_escpos_encode_text (left_utf8, NULL);
  g_autofree char *right = aisle_escpos_encode_text (right_utf8, NULL);
  guint right_len = MIN (strlen (right), w->columns / 2);
  g_autoptr(GPtrArray) lines = aisle_escpos_wrap (left, w->columns - indent - right_len - 1,
                                                  w->columns - indent);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      put_spaces (w, indent);
      put (w, line, strlen (line));
      if (i == 0)
        {
          put_spaces (w, w->columns - indent - strlen (line) - right_len);
          put (w, right, right_len);
        }
      newline (w);
    }
}

static void
rule (Writer *w,
      char    c)
{
  for (guint i = 0; i < w->columns; i++)
    g_byte_array_append (w->out, (const guint8 *)&c, 1);
  newline (w);
}

static guint
qr_module_size (const AisleQr *qr,
                guint          dots)
{
  /* Three quarters of the paper at most, so the code stands clear of the edges. */
  return CLAMP (aisle_qr_module_size_for (qr, dots * 3 / 4), 1, QR_MAX_MODULE);
}

/* GS ( k: model 2, module size, error correction M, store, print. */
static void
qr_native (Writer        *w,
           const AisleQr *qr)
{
  const char *text = aisle_qr_get_text (qr);
  gsize len = strlen (text) + 3;
  const guint8 model[] = { GS, '(', 'k', 4, 0, 49, 65, 50, 0 };
  const guint8 size[] = { GS, '(', 'k', 3, 0, 49, 67, (guint8)qr_module_size (qr, w->dots) };
  const guint8 level[] = { GS, '(', 'k', 3, 0, 49, 69, 49 };
  const guint8 store[] = { GS, '(', 'k', (guint8)(len & 0xFF), (guint8)(len >> 8), 49, 80, 48 };
  const guint8 print[] = { GS, '(', 'k', 3, 0, 49, 81, 48 };

  put (w, model, sizeof model);
  put (w, size, sizeof size);
  put (w, level, sizeof level);
  put (w, store, sizeof store);
  put (w, text, strlen (text));
  put (w, print, sizeof print);
}

/* GS v 0: the code as a bitmap across the whole paper, centered here
 * rather than by ESC a, which not every printer applies to images. */
static void
qr_raster (Writer        *w,
           const AisleQr *qr)
{
  guint module = qr_module_size (qr, w->dots);
  guint size = aisle_qr_get_size (qr);
  guint side = (size + 2 * AISLE_QR_QUIET_ZONE) * module;
  guint row_bytes = w->dots / 8;
  guint offset = (row_bytes * 8 - side) / 2;
  const guint8 header[] = { GS, 'v', '0', 0, (guint8)(row_bytes & 0xFF), (guint8)(row_bytes >> 8),
                            (guint8)(side & 0xFF), (guint8)(side >> 8) };
  g_autofree guint8 *row = g_malloc (row_bytes);

  put (w, header, sizeof header);
  for (guint y = 0; y < side; y++)
    {
      gint my = (gint)(y / module) - AISLE_QR_QUIET_ZONE;

      memset (row, 0, row_bytes);
      for (guint x = 0; x < side; x++)
        {
          gint mx = (gint)(x / module) - AISLE_QR_QUIET_ZONE;

          if (mx >= 0 && my >= 0 && aisle_qr_get_module (qr, mx, my))
            row[(offset + x) / 8] |= 0x80 >> ((offset + x) % 8);
        }
      put (w, row, row_bytes);
    }
}

static gboolean
qr_block (Writer      *w,
          const char  *payload,
          const char  *caption,
          GError     **error)
{
  g_autoptr(AisleQr) qr = NULL;

  if (*payload == '\0')
    return TRUE;

  qr = aisle_qr_new (payload, error);
  if (qr == NULL)
    return FALSE;

  style (w, ALIGN_CENTER, FALSE, FALSE, FALSE);
  if (w->options->qr_mode == AISLE_ESCPOS_QR_RASTER)
    qr_raster (w, qr);
  else
    qr_native (w, qr);
  newline (w);
  plain (w);
  if (*caption != '\0')
    heading (w, caption, ALIGN_CENTER, FALSE, FALSE, FALSE);
  return TRUE;
}

static void
header_part (Writer    *w,
             AisleSlip *slip)
{
  heading (w, aisle_slip_get_text (slip, AISLE_SLIP_SHOP), ALIGN_CENTER, TRUE, TRUE, TRUE);
  heading (w, aisle_slip_get_text (slip, AISLE_SLIP_STORE), ALIGN_CENTER, FALSE, FALSE, FALSE);
  heading (w, aisle_slip_get_text (slip, AISLE_SLIP_DATE), ALIGN_CENTER, FALSE, FALSE, FALSE);
  rule (w, '=');
}

static gboolean
order_part (Writer     *w,
            AisleSlip  *slip,
            GError    **error)
{
  if (!aisle_slip_has_order (slip))
    return TRUE;

  heading (w, aisle_slip_get_text (slip, AISLE_SLIP_ORDER_TITLE), ALIGN_CENTER, TRUE, FALSE, TRUE);
  if (*aisle_slip_get_text (slip, AISLE_SLIP_PICKUP_CODE) != '\0')
    {
      heading (w, aisle_slip_get_text (slip, AISLE_SLIP_PICKUP_LABEL), ALIGN_CENTER, FALSE, FALSE, FALSE);
      heading (w, aisle_slip_get_text (slip, AISLE_SLIP_PICKUP_CODE), ALIGN_CENTER, TRUE, TRUE, TRUE);
    }
  text_block (w, aisle_slip_get_text (slip, AISLE_SLIP_FULFILLMENT), 0, 0);
  if (*aisle_slip_get_text (slip, AISLE_SLIP_PENDING) != '\0')
    heading (w, aisle_slip_get_text (slip, AISLE_SLIP_PENDING), ALIGN_LEFT, TRUE, FALSE, FALSE);
  if (!qr_block (w, aisle_slip_get_text (slip, AISLE_SLIP_ORDER_URL),
                 aisle_slip_get_text (slip, AISLE_SLIP_ORDER_CAPTION), error))
    return FALSE;
  rule (w, '-');
  return TRUE;
}

/* "Aisle 12 · Shelf 04", then "2 × 201.334.50 Name", then the box. */
static void
pick_part (Writer    *w,
           AisleSlip *slip)
{
  const char *aisle_label = aisle_slip_get_text (slip, AISLE_SLIP_AISLE_LABEL);
  const char *shelf_label = aisle_slip_get_text (slip, AISLE_SLIP_SHELF_LABEL);

  if (aisle_slip_get_n_pick_rows (slip) == 0)
    return;

  heading (w, aisle_slip_get_text (slip, AISLE_SLIP_PICK_HEADING), ALIGN_LEFT, TRUE, FALSE, TRUE);
  text_block (w, aisle_slip_get_text (slip, AISLE_SLIP_PICK_SUMMARY), 0, 0);

  for (guint i = 0; i < aisle_slip_get_n_pick_rows (slip); i++)
    {
      const AisleSlipPickRow *row = aisle_slip_get_pick_row (slip, i);
      g_autofree char *place = g_strdup_printf ("%s %s \302\267 %s %s", aisle_label, row->aisle ? row->aisle : "?",
                                                shelf_label, row->shelf ? row->shelf : "?");
      g_autofree char *count = g_strdup_printf ("%u \303\227 ", row->boxes);
      g_autofree char *what = g_strdup_printf ("%s%s %s", count, row->article, row->name);
      guint hang = 2 + (guint)g_utf8_strlen (count, -1);

      newline (w);
      heading (w, place, ALIGN_LEFT, TRUE, FALSE, FALSE);
      text_block (w, what, 2, hang - 2);
      text_block (w, row->box, hang, 0);
    }
  rule (w, '-');
}

/* "2 × 202.118.07 Name", then how it is served beside the amount, which
 * stays on one line on 58 mm paper too. */
static void
serve_part (Writer    *w,
            AisleSlip *slip)
{
  if (aisle_slip_get_n_serve_rows (slip) == 0)
    return;

  heading (w, aisle_slip_get_text (slip, AISLE_SLIP_SERVE_HEADING), ALIGN_LEFT, TRUE, FALSE, TRUE);
  text_block (w, aisle_slip_get_text (slip, AISLE_SLIP_SERVE_NOTE), 0, 0);

  for (guint i = 0; i < aisle_slip_get_n_serve_rows (slip); i++)
    {
      const AisleSlipServeRow *row = aisle_slip_get_serve_row (slip, i);
      g_autofree char *count = g_strdup_printf ("%u \303\227 ", row->quantity);
      g_autofree char *what = g_strdup_printf ("%s%s %s", count, row->article, row->name);
      guint hang = (guint)g_utf8_strlen (count, -1);

      newline (w);
      text_block (w, what, 0, hang);
      pair (w, row->how, row->amount, hang);
    }
  rule (w, '-');
}

static void
totals_part (Writer    *w,
             AisleSlip *slip)
{
  for (guint i = 0; i < aisle_slip_get_n_totals (slip); i++)
    {
      const AisleSlipTotal *total = aisle_slip_get_total (slip, i);

      /* Double height keeps the columns: the total stands out and still fits. */
      if (total->grand)
        style (w, ALIGN_LEFT, TRUE, FALSE, TRUE);
      pair (w, total->label, total->amount, 0);
      if (total->grand)
        plain (w);
    }
  rule (w, '=');
}

GBytes *
aisle_escpos_render (AisleSlip                *slip,
                     const AisleEscposOptions *options,
                     GError                  **error)
{
  static const guint8 init[] = { ESC, '@' };
  Writer w = { 0 };

  g_return_val_if_fail (AISLE_IS_SLIP (slip), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->columns >= AISLE_ESCPOS_MIN_COLUMNS &&
                        options->columns <= AISLE_ESCPOS_MAX_COLUMNS, NULL);

  w.out = g_byte_array_sized_new (4096);
  w.options = options;
  w.columns = options->columns;
  w.dots = options->columns * AISLE_ESCPOS_DOTS_PER_COLUMN;

  /* ESC @ resets the code page too, so it comes first. */
  put (&w, init, sizeof init);
  put3 (&w, ESC, 't', options->code_page);
  plain (&w);

  header_part (&w, slip);
  if (!order_part (&w, slip, error))
    {
      g_byte_array_unref (w.out);
      return NULL;
    }
  pick_part (&w, slip);
  serve_part (&w, slip);
  totals_part (&w, slip);
  if (!qr_block (&w, aisle_slip_get_text (slip, AISLE_SLIP_PHONE_URL),
                 aisle_slip_get_text (slip, AISLE_SLIP_PHONE_CAPTION), error))
    {
      g_byte_array_unref (w.out);
      return NULL;
    }

  if (options->cut)
    {
      /* Clear of the tear bar, then a partial cut: the slip stays hanging
       * until the shopper takes it. */
      const guint8 cut[] = { GS, 'V', 66, 0 };

      put3 (&w, ESC, 'd', 3);
      put (&w, cut, sizeof cut);
    }
  else
    put3 (&w, ESC, 'd', 6);

  return g_byte_array_free_to_bytes (w.out);
}
