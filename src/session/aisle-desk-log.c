/* aisle-desk-log.c: today's check-ins and returns at this kiosk, for staff */
#define G_LOG_DOMAIN "aisle-collect"

#include "config.h"

#include "aisle-desk-log.h"

struct _AisleDeskLog
{
  GObject    parent_instance;

  GPtrArray *events;   /* AisleDeskEvent, oldest first */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleDeskLog, aisle_desk_log, G_TYPE_OBJECT)

static void
event_free (AisleDeskEvent *event)
{
  g_free (event->order_number);
  g_free (event->number);
  g_free (event);
}

static void
aisle_desk_log_finalize (GObject *object)
{
  AisleDeskLog *self = (AisleDeskLog *)object;

  g_ptr_array_unref (self->events);

  G_OBJECT_CLASS (aisle_desk_log_parent_class)->finalize (object);
}

static void
aisle_desk_log_class_init (AisleDeskLogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_desk_log_finalize;

  /**
   * AisleDeskLog::changed:
   *
   * A check-in or a return was added.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
aisle_desk_log_init (AisleDeskLog *self)
{
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify)event_free);
}

AisleDeskLog *
aisle_desk_log_new (void)
{
  return g_object_new (AISLE_TYPE_DESK_LOG, NULL);
}

void
aisle_desk_log_add (AisleDeskLog  *self,
                    AisleDeskKind  kind,
                    const char    *order_number,
                    const char    *number,
                    guint          items)
{
  AisleDeskEvent *event;

  g_return_if_fail (AISLE_IS_DESK_LOG (self));
  g_return_if_fail (order_number != NULL && number != NULL);

  event = g_new0 (AisleDeskEvent, 1);
  event->at = g_get_real_time () / G_USEC_PER_SEC;
  event->kind = kind;
  event->order_number = g_strdup (order_number);
  event->number = g_strdup (number);
  event->items = items;
  if (self->events->len >= AISLE_DESK_LOG_MAX)
    g_ptr_array_remove_index (self->events, 0);
  g_ptr_array_add (self->events, event);
  g_signal_emit (self, signals[CHANGED], 0);
}

GPtrArray *
aisle_desk_log_list_since (AisleDeskLog *self,
                           gint64        since)
{
  GPtrArray *out;

  g_return_val_if_fail (AISLE_IS_DESK_LOG (self), NULL);

  out = g_ptr_array_new ();
  for (guint i = 0; i < self->events->len; i++)
    if (((AisleDeskEvent *)self->events->pdata[i])->at >= since)
      g_ptr_array_add (out, self->events->pdata[i]);
  return out;
}
