/* aisle-session.h: one shopper's visit, from the first tap to the idle reset
 *
 * Holds what is personal to the shopper in front of the kiosk: the list,
 * the order being made (with what they typed), the order they placed and
 * its slip, the online order they came to collect, and their language. It places the order (on disk in the outbox
 * before anything says "ordered") and prints the slips. The pages show the
 * session and call it; they do not place orders themselves.
 *
 * aisle_session_end() forgets all of it at once: the idle reset and staff
 * taking over call it, and nothing of the shopper stays in memory. An order
 * already placed stays only in the outbox, which must send it.
 *
 * No widgets here: tests drive a whole visit without a display.
 */
#pragma once

#include "aisle-checkout.h"
#include "aisle-collect.h"
#include "aisle-history.h"
#include "aisle-language.h"
#include "aisle-services.h"
#include "aisle-shopping-list.h"
#include "aisle-slip.h"

G_BEGIN_DECLS

#define AISLE_TYPE_SESSION (aisle_session_get_type ())

G_DECLARE_FINAL_TYPE (AisleSession, aisle_session, AISLE, SESSION, GObject)

AisleSession      *aisle_session_new              (AisleServices      *services,
                                                   AisleLanguage       language);
AisleServices     *aisle_session_get_services     (AisleSession       *self);
/* The online order the shopper came to collect; forgotten with the rest. */
AisleCollect      *aisle_session_get_collect      (AisleSession       *self);
AisleShoppingList *aisle_session_get_list         (AisleSession       *self);
/* Where the shopper has been, for Back; the shop view shows its last step.
 * Starting a checkout, placing it, showing and closing a slip go there. */
AisleHistory      *aisle_session_get_history      (AisleSession       *self);
AisleLanguage      aisle_session_get_language     (AisleSession       *self);
void               aisle_session_set_language     (AisleSession       *self,
                                                   AisleLanguage       language);
/* The catalog on screen and this store's stock for it (NULL: unknown). */
void               aisle_session_set_catalog      (AisleSession       *self,
                                                   AisleCatalog       *catalog,
                                                   AisleStock         *stock);
AisleCatalog      *aisle_session_get_catalog      (AisleSession       *self);
AisleStock        *aisle_session_get_stock        (AisleSession       *self);

/* Ordering (::checkout-changed when one starts, is placed or goes with the
 * session). start_checkout makes an order of the list's lines that can be
 * ordered (NULL: none can, or there is no catalog yet); the session keeps it
 * while the shopper fills it in. place_order saves it to the outbox; once it
 * is on disk, the ordered lines leave the list and the session keeps the
 * placed order for the confirmation and its slip. If the session ended
 * meanwhile, the order is still safe in the outbox and finish gives
 * G_IO_ERROR_CANCELLED. A disk failure keeps the checkout, to try again. */
AisleCheckout     *aisle_session_start_checkout   (AisleSession       *self);
AisleCheckout     *aisle_session_get_checkout     (AisleSession       *self);
/* What the shopper typed into the order form, kept with the checkout so that
 * a form made anew (in another language) shows it again; it goes with the
 * checkout. */
void               aisle_session_set_checkout_form (AisleSession       *self,
                                                    const char * const *typed);
const char * const *aisle_session_get_checkout_form (AisleSession      *self);
void               aisle_session_place_order_async  (AisleSession       *self,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
gboolean           aisle_session_place_order_finish (AisleSession       *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);

/* A coupon for the order being filled in: the store checks @code against
 * it as it is now and, if it applies, the checkout takes it off (finish
 * gives TRUE). Unknown codes count against the kiosk's limit. Fails with
 * AISLE_COUPON_ERROR, or G_IO_ERROR_CANCELLED when the checkout went or
 * another code was tried meanwhile. remove_coupon takes it away again. */
void               aisle_session_apply_coupon_async  (AisleSession       *self,
                                                      const char         *code,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
gboolean           aisle_session_apply_coupon_finish (AisleSession       *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
void               aisle_session_remove_coupon     (AisleSession       *self);

/* Where the shopper collects the order being filled in. This store: with the
 * stock the backend has now. Another store: with no stock at once (each line
 * then says the store confirms), and with that store's stock once the
 * backend has fetched it, if it is still the store chosen then; stock that
 * cannot be had stays unknown. finish gives TRUE when the checkout holds
 * what there is to know about @store, and G_IO_ERROR_CANCELLED when another
 * store was chosen, the checkout ended or @cancellable fired first. */
void               aisle_session_choose_pickup_store_async  (AisleSession       *self,
                                                             guint               store,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);
gboolean           aisle_session_choose_pickup_store_finish (AisleSession       *self,
                                                             GAsyncResult       *result,
                                                             GError            **error);

/* The order placed in this session (NULL id: none, or forgotten);
 * ::order-changed tells when it comes or goes. */
const char        *aisle_session_get_order_id     (AisleSession       *self);
/* The URL its QR code carries and the fulfilment in words. */
const char        *aisle_session_get_order_reference (AisleSession    *self);
const char        *aisle_session_get_order_details (AisleSession      *self);
gboolean           aisle_session_get_order_pickup (AisleSession       *self);
void               aisle_session_forget_order     (AisleSession       *self);
/* The shopper read the confirmation: the order is forgotten and the list
 * shows what is left to pick; FALSE if nothing is left (the visit is over). */
gboolean           aisle_session_finish_order     (AisleSession       *self);

/* The slip on screen (::slip-changed). print_list_slip makes a slip of the
 * list as it is now, sends it to the printer if there is one and shows it
 * (FALSE: empty list or no catalog); show_order_slip shows the placed
 * order's (FALSE: it has none yet). get_shown_slip gives it and its print
 * job (NULL: none, or it never reached the queue). */
gboolean           aisle_session_print_list_slip  (AisleSession       *self);
gboolean           aisle_session_show_order_slip  (AisleSession       *self);
AisleSlip         *aisle_session_get_shown_slip   (AisleSession       *self,
                                                   const char        **job_id);
void               aisle_session_close_slip       (AisleSession       *self);

/* The placed order's slip, made once (with the store's number once it has
 * one) and sent to the printer if there is one; FALSE if there is no order,
 * the store refused it or it was made already. ::order-slip-changed tells
 * when its print job moves on. */
gboolean           aisle_session_print_order_slip (AisleSession       *self);
AisleSlip         *aisle_session_get_order_slip   (AisleSession       *self);
/* Its print job (nullable: it never reached the queue); the job as it is
 * now is (transfer full). */
const char        *aisle_session_get_order_slip_job_id (AisleSession  *self);
AislePrintJob     *aisle_session_dup_order_slip_job (AisleSession     *self);

/* The slip of the online order's check-in, or of its return (see
 * aisle_session_get_collect): print_ticket makes it once the order is
 * checked in or a return is made, and sends it to the printer if there is
 * one; called again, it prints the same slip again (FALSE: neither, or no
 * catalog). get_ticket gives it and its
 * print job (NULL: none, or it never reached the queue). It goes with the
 * order. */
gboolean           aisle_session_print_ticket     (AisleSession       *self);
AisleSlip         *aisle_session_get_ticket       (AisleSession       *self,
                                                   const char        **job_id);

/* Forgets the shopper: list, checkout, order, slips, where they went. */
void               aisle_session_end              (AisleSession       *self);

G_END_DECLS
