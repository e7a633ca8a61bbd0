/* aisle-submit-result.h: what a store backend answers when handed an order
 *
 * The store layer fills it in (aisle_store_submit_order()); the outbox above
 * it decides from the outcome whether to retry. It lives here, not with the
 * outbox, so that the store layer needs nothing from the layers above it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AISLE_SUBMIT_ACCEPTED,
  AISLE_SUBMIT_RETRY,     /* could not be delivered now: try again later */
  AISLE_SUBMIT_REJECTED,  /* the store refused it; do not send again */
} AisleSubmitOutcome;

typedef struct
{
  AisleSubmitOutcome  outcome;
  char               *order_number;  /* ACCEPTED */
  char               *pickup_code;   /* ACCEPTED, may be NULL */
  char               *message;       /* RETRY, REJECTED: for staff and shopper */
} AisleSubmitResult;

G_END_DECLS
