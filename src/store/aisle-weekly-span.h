/* aisle-weekly-span.h: opening hours and delivery windows, as every store document gives them
 *
 * A span is a set of weekdays (1 = Monday … 7 = Sunday) with a start and an
 * end "HH:MM" (00:00 to 24:00) on each; the feed and Medusa's store
 * directory write them alike, in different JSON readers.
 */
#pragma once

#include "aisle-catalog-builder.h"

G_BEGIN_DECLS

/* The bit of weekday @day in a span's days, or 0 when it is no weekday. */
guint    aisle_weekly_span_day_bit (gint64               day);

/* Adds the span from @start to @end on @days (bits of day_bit) to store
 * @store: its opening hours, or with @delivery a delivery window. FALSE,
 * and nothing added, when the times are unreadable, out of order, or no
 * day is given. */
gboolean aisle_weekly_span_add     (AisleCatalogBuilder *builder,
                                    guint                store,
                                    guint                days,
                                    const char          *start,
                                    const char          *end,
                                    gboolean             delivery);

G_END_DECLS
