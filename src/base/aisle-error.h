/* aisle-error.h: the project's error domain and the codes a caller can act on */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AISLE_ERROR (aisle_error_quark ())

typedef enum
{
  AISLE_ERROR_FAILED,         /* anything else */
  AISLE_ERROR_NETWORK,        /* could not connect, connection reset, DNS */
  AISLE_ERROR_TIMEOUT,        /* connect, stall or total time limit hit */
  AISLE_ERROR_TOO_LARGE,      /* a document or image above its size limit */
  AISLE_ERROR_HTTP,           /* the server answered with a 4xx/5xx status */
  AISLE_ERROR_NOT_FOUND,      /* 404 or a missing file:// path */
  AISLE_ERROR_INVALID_DATA,   /* malformed JSON, wrong types, bad cache file */
  AISLE_ERROR_UNSUPPORTED,    /* a URL scheme or format version we do not speak */
} AisleError;

GQuark aisle_error_quark (void);

G_END_DECLS
