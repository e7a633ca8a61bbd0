/* aisle-weekly-span.c: opening hours and delivery windows, as every store document gives them */
#define G_LOG_DOMAIN "aisle-store"

#include "config.h"

#include <stdio.h>

#include "aisle-weekly-span.h"

static gboolean
parse_clock (const char *text,
             guint      *minute)
{
  guint h, m;
  char extra;

  if (text == NULL || sscanf (text, "%2u:%2u%c", &h, &m, &extra) != 2 || h > 24 || m > 59 || (h == 24 && m != 0))
    return FALSE;
  *minute = h * 60 + m;
  return TRUE;
}

guint
aisle_weekly_span_day_bit (gint64 day)
{
  return day >= 1 && day <= 7 ? 1u << day : 0;
}

gboolean
aisle_weekly_span_add (AisleCatalogBuilder *builder,
                       guint                store,
                       guint                days,
                       const char          *start,
                       const char          *end,
                       gboolean             delivery)
{
  guint from, to;

  if (days == 0 || !parse_clock (start, &from) || !parse_clock (end, &to) || to <= from)
    return FALSE;
  if (delivery)
    aisle_catalog_builder_add_delivery_window (builder, store, days, from, to);
  else
    aisle_catalog_builder_add_hours (builder, store, days, from, to);
  return TRUE;
}
