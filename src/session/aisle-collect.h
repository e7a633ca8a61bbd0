/* aisle-collect.h: the online order a shopper came to collect
 *
 * Part of the shopper's session: the order found by its number and the
 * shopper's contact, the check-in that tells the store they are here, and
 * the return of what they bring back.
 * Look-ups that find nothing count against the kiosk's try limit (shared by
 * every session: AisleServices); once it is reached, look-ups fail with
 * AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES without asking the store. The
 * order is personal: aisle_collect_forget() drops it, and the session does
 * so when it ends. ::changed tells when the order or its check-in comes or
 * goes.
 */
#pragma once

#include "aisle-language.h"
#include "aisle-services.h"

G_BEGIN_DECLS

#define AISLE_TYPE_COLLECT (aisle_collect_get_type ())

G_DECLARE_FINAL_TYPE (AisleCollect, aisle_collect, AISLE, COLLECT, GObject)

AisleCollect           *aisle_collect_new             (AisleServices       *services);

/* Finds the order; it replaces the one held before once found. A request
 * still running when another starts, or when the order is forgotten, ends
 * with G_IO_ERROR_CANCELLED and changes nothing. */
void                    aisle_collect_find_async      (AisleCollect        *self,
                                                       const char          *number,
                                                       const char          *contact,
                                                       AisleLanguage        language,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean                aisle_collect_find_finish     (AisleCollect        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* NULL: none found yet, or forgotten. */
const AisleOnlineOrder *aisle_collect_get_order       (AisleCollect        *self);

/* Checks the shopper in for the order found; its check_in then holds the
 * queue number. */
void                    aisle_collect_check_in_async  (AisleCollect        *self,
                                                       AisleLanguage        language,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean                aisle_collect_check_in_finish (AisleCollect        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Asks the store to take back lines of the order found (@request names
 * it); the return made is then get_return, and the lines' returned counts
 * include it. Sent again with the same request after a failure, the store
 * makes one return of it. */
void                    aisle_collect_return_async    (AisleCollect        *self,
                                                       const AisleReturnRequest *request,
                                                       AisleLanguage        language,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean                aisle_collect_return_finish   (AisleCollect        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* NULL: none made for this order yet; @reason: the shopper's. */
const AisleReturn      *aisle_collect_get_return      (AisleCollect        *self,
                                                       AisleReturnReason   *reason);

void                    aisle_collect_forget          (AisleCollect        *self);

G_END_DECLS
