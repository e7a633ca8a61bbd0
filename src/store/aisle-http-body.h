/* aisle-http-body.h: the response body sink of aisle-http.c (private)
 *
 * Bytes as delivered by curl (Content-Encoding already undone), inflated again
 * when they turn out to be a gzip file, and bounded in size while they grow.
 * A zero-initialized AisleHttpBody with max set is ready for use.
 */
#pragma once

#include <glib.h>
#include <zlib.h>

G_BEGIN_DECLS

typedef enum
{
  AISLE_HTTP_BODY_UNDECIDED,  /* fewer than two bytes seen: cannot tell gzip yet */
  AISLE_HTTP_BODY_PLAIN,
  AISLE_HTTP_BODY_GZIP,
} AisleHttpBodyMode;

typedef enum
{
  AISLE_HTTP_BODY_OK,
  AISLE_HTTP_BODY_TOO_LARGE,
  AISLE_HTTP_BODY_CORRUPT,
  AISLE_HTTP_BODY_NO_MEMORY,
} AisleHttpBodyStatus;

typedef struct
{
  guint8              *data;
  gsize                len;
  gsize                cap;
  gsize                max;   /* len may reach max + 1 only to detect overflow */
  gsize                hint;  /* expected size, for the first allocation */
  AisleHttpBodyMode    mode;
  AisleHttpBodyStatus  status;
  z_stream             zs;
  gboolean             zs_ready;
  gboolean             zs_member_done;
} AisleHttpBody;

G_GNUC_INTERNAL
gboolean aisle_http_body_write  (AisleHttpBody *body,
                                 const guint8  *bytes,
                                 gsize          n);
G_GNUC_INTERNAL
GBytes  *aisle_http_body_finish (AisleHttpBody *body);
G_GNUC_INTERNAL
void     aisle_http_body_clear  (AisleHttpBody *body);

G_END_DECLS
