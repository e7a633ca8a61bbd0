/* aisle-feed-online-util.c: small helpers of the store-feed's online orders and its demo store */
#define G_LOG_DOMAIN "aisle-feed"

#include "config.h"

#include "aisle-feed-online-private.h"

gboolean
aisle_feed_online_fail (GError              **error,
                        AisleOnlineOrderError code,
                        const char           *format,
                        ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  g_return_val_if_fail (*error == NULL, FALSE);
  va_start (args, format);
  *error = g_error_new_valist (AISLE_ONLINE_ORDER_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

char *
aisle_feed_online_normalize_number (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number; p != NULL && *p != '\0'; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

const char *
aisle_feed_online_member (json_object *obj,
                          const char  *key)
{
  json_object *value = NULL;

  if (obj == NULL || !json_object_object_get_ex (obj, key, &value) || !json_object_is_type (value, json_type_string))
    return NULL;
  return json_object_get_string (value);
}
