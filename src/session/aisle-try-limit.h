/* aisle-try-limit.h: so many wrong tries, then a pause
 *
 * Looking up an online order needs its number and the shopper's contact;
 * wrong guesses must not be free, or anyone could step through other
 * people's orders. The kiosk allows a few wrong tries within a window, then
 * none until the oldest of them has left the window. It counts for the
 * whole kiosk, not per shopper: walking away and coming back does not
 * clear it. Times are monotonic microseconds, given by the caller.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AISLE_LOOKUP_MAX_FAILURES 5
#define AISLE_LOOKUP_WINDOW_US    (5 * 60 * G_USEC_PER_SEC)
/* Unknown coupon codes: guessing them is someone's business too. */
#define AISLE_COUPON_MAX_FAILURES 10

typedef struct _AisleTryLimit AisleTryLimit;

AisleTryLimit *aisle_try_limit_new     (guint          max_failures,
                                        gint64         window_us);
void           aisle_try_limit_free    (AisleTryLimit *self);
/* Whether a try may be made at @now; if not, @wait_us (nullable) says for
 * how long not. */
gboolean       aisle_try_limit_allowed (AisleTryLimit *self,
                                        gint64         now,
                                        gint64        *wait_us);
void           aisle_try_limit_failed  (AisleTryLimit *self,
                                        gint64         now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleTryLimit, aisle_try_limit_free)

G_END_DECLS
