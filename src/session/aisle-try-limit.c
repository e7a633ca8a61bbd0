/* aisle-try-limit.c: so many wrong tries, then a pause */
#define G_LOG_DOMAIN "aisle-try-limit"

#include "config.h"

#include "aisle-try-limit.h"

struct _AisleTryLimit
{
  guint   max_failures;
  gint64  window_us;
  GArray *failures;   /* gint64 times, oldest first, within the window */
};

AisleTryLimit *
aisle_try_limit_new (guint  max_failures,
                     gint64 window_us)
{
  AisleTryLimit *self;

  g_return_val_if_fail (max_failures > 0 && window_us > 0, NULL);

  self = g_new0 (AisleTryLimit, 1);
  self->max_failures = max_failures;
  self->window_us = window_us;
  self->failures = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

void
aisle_try_limit_free (AisleTryLimit *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->failures);
  g_free (self);
}

static void
forget_old (AisleTryLimit *self,
            gint64         now)
{
  guint old = 0;

  while (old < self->failures->len && now - g_array_index (self->failures, gint64, old) >= self->window_us)
    old++;
  g_array_remove_range (self->failures, 0, old);
}

gboolean
aisle_try_limit_allowed (AisleTryLimit *self,
                         gint64         now,
                         gint64        *wait_us)
{
  g_return_val_if_fail (self != NULL, FALSE);

  forget_old (self, now);
  if (self->failures->len < self->max_failures)
    {
      if (wait_us != NULL)
        *wait_us = 0;
      return TRUE;
    }
  if (wait_us != NULL)
    *wait_us = g_array_index (self->failures, gint64, 0) + self->window_us - now;
  return FALSE;
}

void
aisle_try_limit_failed (AisleTryLimit *self,
                        gint64         now)
{
  g_return_if_fail (self != NULL);

  forget_old (self, now);
  g_array_append_val (self->failures, now);
  /* Never more than it takes to say no. */
  if (self->failures->len > self->max_failures)
    g_array_remove_index (self->failures, 0);
}
