/* aisle-desk-log.h: today's check-ins and returns at this kiosk, for staff
 *
 * Each online order checked in, and each return asked for, at this kiosk:
 * when, the order's number, the queue or return number, how many items.
 * Nothing personal. Kept in memory for the day (the store's own system has
 * them for good); the admin Today screen lists them. ::changed tells when
 * one is added.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  AISLE_DESK_CHECK_IN,
  AISLE_DESK_RETURN,
} AisleDeskKind;

typedef struct
{
  gint64         at;              /* unix seconds */
  AisleDeskKind  kind;
  char          *order_number;
  char          *number;          /* the queue number, or the return's */
  guint          items;           /* for a return: how many come back */
} AisleDeskEvent;

#define AISLE_DESK_LOG_MAX 1000

#define AISLE_TYPE_DESK_LOG (aisle_desk_log_get_type ())

G_DECLARE_FINAL_TYPE (AisleDeskLog, aisle_desk_log, AISLE, DESK_LOG, GObject)

AisleDeskLog *aisle_desk_log_new        (void);
/* Adds an event now; the oldest goes past AISLE_DESK_LOG_MAX. */
void          aisle_desk_log_add        (AisleDeskLog  *self,
                                         AisleDeskKind  kind,
                                         const char    *order_number,
                                         const char    *number,
                                         guint          items);
/* The events at or after @since (unix seconds), oldest first; owned by
 * the log, valid until the next add. */
GPtrArray    *aisle_desk_log_list_since (AisleDeskLog  *self,
                                         gint64         since);

G_END_DECLS
