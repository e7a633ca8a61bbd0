/* aisle-json-build.h: small helpers for the documents built with json-c
 * (orders to the feed and to Medusa)
 */
#pragma once

#include <json.h>

/* Adds @key only when there is a @value: optional members are left out,
 * never sent as null. */
static inline void
aisle_json_add_string (json_object *obj,
                       const char  *key,
                       const char  *value)
{
  if (value != NULL)
    json_object_object_add (obj, key, json_object_new_string (value));
}
