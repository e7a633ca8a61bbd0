/* aisle-medusa-orders.h: an order of the kiosk as a Medusa v2 cart, completed
 *
 * Private to the Medusa backend; runs on the outbox's sender thread. The
 * outbox may hand the same order over again (after a timeout, a crash or a
 * power cut): the cart made for an order id is remembered in a small SQLite
 * table before anything else is done with it, every later step is repeatable,
 * and completing a completed cart gives back its order. So a repeat never
 * makes a second order.
 */
#pragma once

#include "aisle-medusa-client.h"
#include "aisle-submit-result.h"

G_BEGIN_DECLS

/* Where a submission stops on purpose, as a crash there would: for tests. */
typedef enum
{
  AISLE_MEDUSA_STEP_NONE,          /* run to the end */
  AISLE_MEDUSA_STEP_CART,          /* the cart exists and is remembered */
  AISLE_MEDUSA_STEP_PAYMENT,       /* shipping and payment are set, not completed */
} AisleMedusaStep;

typedef struct
{
  AisleMedusaClient *client;
  const char        *region_id;
  const char        *carts_db;     /* path of the order id → cart id table */
  AisleMedusaStep    stop_after;
} AisleMedusaOrderConfig;

void   aisle_medusa_orders_submit      (const AisleMedusaOrderConfig *config,
                                        const char                   *id,
                                        const char                   *json,
                                        AisleSubmitResult            *result);

/* The cart remembered for order @id, or NULL. */
char  *aisle_medusa_orders_lookup_cart (const char                   *carts_db,
                                        const char                   *id);

G_END_DECLS
