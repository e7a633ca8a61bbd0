/* aisle-http-body.c: a response body that stays within its size limit
 *
 * Split from aisle-http.c: the sink that enforces the limit while the body
 * grows and inflates gzip files on the fly, so a bomb never gets past it.
 */
#define G_LOG_DOMAIN "aisle-http"

#include "aisle-http-body.h"

#include <string.h>

#define INFLATE_CHUNK ((gsize) 64 * 1024)

static gboolean
sink_reserve (AisleHttpBody *sink,
              gsize          need)
{
  gsize new_cap;
  guint8 *new_data;

  g_assert (need <= sink->max + 1);

  if (need <= sink->cap)
    return TRUE;

  new_cap = MAX (need, MAX (sink->hint, sink->cap * 2));
  new_cap = MAX (new_cap, INFLATE_CHUNK);
  new_cap = MIN (new_cap, sink->max + 1);

  new_data = g_try_realloc (sink->data, new_cap);
  if (new_data == NULL)
    {
      sink->status = AISLE_HTTP_BODY_NO_MEMORY;
      return FALSE;
    }

  sink->data = new_data;
  sink->cap = new_cap;
  return TRUE;
}

static gboolean
sink_append_plain (AisleHttpBody *sink,
                   const guint8  *bytes,
                   gsize          n)
{
  if (n > sink->max - sink->len)
    {
      sink->status = AISLE_HTTP_BODY_TOO_LARGE;
      return FALSE;
    }

  if (!sink_reserve (sink, sink->len + n))
    return FALSE;

  memcpy (sink->data + sink->len, bytes, n);
  sink->len += n;
  return TRUE;
}

/* One inflate step into the free room of the buffer. Returns FALSE when
 * the sink failed or no progress is possible with the input at hand. */
static gboolean
sink_inflate_step (AisleHttpBody *sink)
{
  gsize room;
  uInt in_before;
  int ret;

  if (!sink_reserve (sink, MIN (sink->len + INFLATE_CHUNK, sink->max + 1)))
    return FALSE;

  room = MIN (sink->cap - sink->len, (gsize) G_MAXUINT);
  in_before = sink->zs.avail_in;
  sink->zs.next_out = sink->data + sink->len;
  sink->zs.avail_out = (uInt) room;

  ret = inflate (&sink->zs, Z_NO_FLUSH);
  sink->len += room - sink->zs.avail_out;

  if (sink->len > sink->max)
    {
      sink->status = AISLE_HTTP_BODY_TOO_LARGE;
      return FALSE;
    }

  if (ret == Z_STREAM_END)
    {
      sink->zs_member_done = TRUE;
      return TRUE;
    }

  if (ret != Z_OK && ret != Z_BUF_ERROR)
    {
      g_debug ("Corrupt gzip data: %s", sink->zs.msg ? sink->zs.msg : "?");
      sink->status = AISLE_HTTP_BODY_CORRUPT;
      return FALSE;
    }

  /* Neither input consumed nor output produced: zlib wants more input. */
  return sink->zs.avail_in != in_before || sink->zs.avail_out != room;
}

static gboolean
sink_inflate (AisleHttpBody *sink,
              const guint8  *bytes,
              gsize          n)
{
  while (n > 0)
    {
      gsize piece = MIN (n, (gsize) 1024 * 1024);

      sink->zs.next_in = (Bytef *) bytes;
      sink->zs.avail_in = (uInt) piece;

      /* Bounded: every step consumes input or produces output, and the
       * output is capped at max + 1. */
      while (sink->zs.avail_in > 0 || sink->zs.avail_out == 0)
        {
          if (sink->zs_member_done)
            {
              if (sink->zs.avail_in == 0)
                break;
              /* Another gzip member follows (concatenated files). */
              inflateReset (&sink->zs);
              sink->zs_member_done = FALSE;
            }

          if (!sink_inflate_step (sink))
            {
              if (sink->status != AISLE_HTTP_BODY_OK)
                return FALSE;
              break;
            }
        }

      if (sink->zs.avail_in > 0)
        {
          sink->status = AISLE_HTTP_BODY_CORRUPT;
          return FALSE;
        }

      bytes += piece;
      n -= piece;
    }

  return TRUE;
}

static gboolean
sink_start_gzip (AisleHttpBody *sink)
{
  memset (&sink->zs, 0, sizeof sink->zs);
  if (inflateInit2 (&sink->zs, 16 + MAX_WBITS) != Z_OK)
    {
      sink->status = AISLE_HTTP_BODY_NO_MEMORY;
      return FALSE;
    }

  sink->zs_ready = TRUE;
  sink->zs.avail_out = 1;  /* "not full": see the loop in sink_inflate */
  sink->mode = AISLE_HTTP_BODY_GZIP;
  return TRUE;
}

gboolean
aisle_http_body_write (AisleHttpBody *sink,
                       const guint8  *bytes,
                       gsize          n)
{
  if (sink->mode == AISLE_HTTP_BODY_UNDECIDED)
    {
      gboolean had_one;
      guint8 b0, b1;

      if (sink->len + n < 2)
        return sink_append_plain (sink, bytes, n);

      had_one = sink->len == 1;
      b0 = had_one ? sink->data[0] : bytes[0];
      b1 = had_one ? bytes[0] : bytes[1];
      if (b0 != 0x1f || b1 != 0x8b)
        {
          sink->mode = AISLE_HTTP_BODY_PLAIN;
          return sink_append_plain (sink, bytes, n);
        }

      /* A gzip file: the byte buffered so far is input, not output. */
      sink->len = 0;
      sink->hint = 0;
      if (!sink_start_gzip (sink))
        return FALSE;
      if (had_one && !sink_inflate (sink, &b0, 1))
        return FALSE;
      return sink_inflate (sink, bytes, n);
    }

  if (sink->mode == AISLE_HTTP_BODY_GZIP)
    return sink_inflate (sink, bytes, n);

  return sink_append_plain (sink, bytes, n);
}

/* Takes the body out of the sink; NULL with the status set on failure. */
GBytes *
aisle_http_body_finish (AisleHttpBody *sink)
{
  if (sink->mode == AISLE_HTTP_BODY_GZIP && !sink->zs_member_done &&
      sink->status == AISLE_HTTP_BODY_OK)
    sink->status = AISLE_HTTP_BODY_CORRUPT;  /* truncated */

  if (sink->status != AISLE_HTTP_BODY_OK)
    return NULL;

  if (sink->len == 0)
    {
      g_clear_pointer (&sink->data, g_free);
      sink->cap = 0;
      return g_bytes_new (NULL, 0);
    }

  if (sink->cap - sink->len > INFLATE_CHUNK)
    sink->data = g_realloc (sink->data, sink->len);

  sink->cap = 0;
  return g_bytes_new_take (g_steal_pointer (&sink->data), sink->len);
}

void
aisle_http_body_clear (AisleHttpBody *sink)
{
  if (sink->zs_ready)
    inflateEnd (&sink->zs);
  sink->zs_ready = FALSE;
  g_clear_pointer (&sink->data, g_free);
}
