/* aisle-session.c: one shopper's visit, from the first tap to the idle reset */
#define G_LOG_DOMAIN "aisle-session"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-money.h"
#include "aisle-session.h"

struct _AisleSession
{
  GObject            parent_instance;

  AisleServices     *services;
  AisleLanguage      language;
  AisleCatalog      *catalog;
  AisleStock        *stock;
  AisleShoppingList *list;
  AisleHistory      *history;
  AisleCollect      *collect;           /* the online order they collect */
  AisleCheckout     *checkout;      /* being filled in */
  GStrv              checkout_form; /* what was typed into it */
  GCancellable      *pickup_fetch;  /* another store's stock, on its way */
  GCancellable      *coupon_check;  /* a coupon being validated */

  /* The order placed, as the confirmation and its slip show it. */
  char              *order_id;
  char              *order_reference;
  char              *order_details;
  gboolean           order_pickup;
  gint64             order_fees;
  gint64             order_discount;
  char              *order_coupon;  /* the coupon's code, or NULL */
  AisleShoppingList *order_list;    /* the whole list as it was ordered */
  AisleSlip         *order_slip;    /* once made */
  char              *order_job;

  /* The slip on screen: the list's or the order's. */
  AisleSlip         *shown_slip;
  char              *shown_job;

  /* The online order's check-in ticket or return slip, and what it is for
   * (the queue number or the return's number). */
  AisleSlip         *ticket;
  char              *ticket_job;
  char              *ticket_for;
};

G_DEFINE_FINAL_TYPE (AisleSession, aisle_session, G_TYPE_OBJECT)

enum {
  CHECKOUT_CHANGED,
  ORDER_CHANGED,
  ORDER_SLIP_CHANGED,
  SLIP_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean clear_order (AisleSession *self);
static guint forget_all (AisleSession *self);

static void
job_changed_cb (AisleSession *self,
                const char   *id)
{
  if (self->order_job != NULL && g_strcmp0 (id, self->order_job) == 0)
    g_signal_emit (self, signals[ORDER_SLIP_CHANGED], 0);
}

/* What the collect step's slip is for now: the return made, or the
 * check-in; NULL: nothing to print. */
static const char *
ticket_subject (AisleSession *self)
{
  const AisleOnlineOrder *order = aisle_collect_get_order (self->collect);
  const AisleReturn *ret = aisle_collect_get_return (self->collect, NULL);

  if (order == NULL)
    return NULL;
  if (ret != NULL)
    return ret->number;
  return order->check_in && order->state == AISLE_ONLINE_ORDER_READY ? order->check_in->queue_number : NULL;
}

static void
forget_ticket (AisleSession *self)
{
  g_clear_object (&self->ticket);
  g_clear_pointer (&self->ticket_job, g_free);
  g_clear_pointer (&self->ticket_for, g_free);
}

/* A ticket belongs to its check-in or return: another order, another
 * return or none drops it. */
static void
collect_changed_cb (AisleSession *self)
{
  if (self->ticket != NULL && g_strcmp0 (self->ticket_for, ticket_subject (self)) != 0)
    forget_ticket (self);
}

static void
aisle_session_dispose (GObject *object)
{
  AisleSession *self = (AisleSession *)object;

  forget_all (self);
  g_clear_object (&self->collect);
  g_clear_object (&self->list);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  g_clear_object (&self->stock);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (aisle_session_parent_class)->dispose (object);
}

static void
aisle_session_class_init (AisleSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aisle_session_dispose;

  /**
   * AisleSession::order-slip-changed:
   *
   * The placed order's slip was made, or its print job moved on.
   */
  signals[ORDER_SLIP_CHANGED] =
    g_signal_new ("order-slip-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AisleSession::checkout-changed:
   *
   * An order was started, placed or dropped with the session.
   */
  signals[CHECKOUT_CHANGED] =
    g_signal_new ("checkout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AisleSession::order-changed:
   *
   * An order was placed, or the placed one forgotten.
   */
  signals[ORDER_CHANGED] =
    g_signal_new ("order-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AisleSession::slip-changed:
   *
   * A slip is to be shown on screen, or the one shown was closed.
   */
  signals[SLIP_CHANGED] =
    g_signal_new ("slip-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aisle_session_init (AisleSession *self)
{
  self->list = aisle_shopping_list_new ();
  self->history = aisle_history_new ();
}

AisleSession *
aisle_session_new (AisleServices *services,
                   AisleLanguage  language)
{
  AisleSession *self;
  AislePrintQueue *queue;

  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);

  self = g_object_new (AISLE_TYPE_SESSION, NULL);
  self->services = g_object_ref (services);
  self->language = language;
  self->collect = aisle_collect_new (services);
  g_signal_connect_object (self->collect, "changed", G_CALLBACK (collect_changed_cb), self, G_CONNECT_SWAPPED);

  queue = aisle_services_get_print_queue (services);
  if (queue != NULL)
    g_signal_connect_object (queue, "job-changed", G_CALLBACK (job_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

AisleCollect *
aisle_session_get_collect (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->collect;
}

AisleServices *
aisle_session_get_services (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->services;
}

AisleShoppingList *
aisle_session_get_list (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->list;
}

AisleHistory *
aisle_session_get_history (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->history;
}

AisleLanguage
aisle_session_get_language (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), AISLE_LANGUAGE_EN);
  return self->language;
}

void
aisle_session_set_language (AisleSession  *self,
                            AisleLanguage  language)
{
  g_return_if_fail (AISLE_IS_SESSION (self));
  self->language = language;
}

void
aisle_session_set_catalog (AisleSession *self,
                           AisleCatalog *catalog,
                           AisleStock   *stock)
{
  g_return_if_fail (AISLE_IS_SESSION (self));

  g_set_object (&self->catalog, catalog);
  g_set_object (&self->stock, stock);
}

AisleCatalog *
aisle_session_get_catalog (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->catalog;
}

AisleStock *
aisle_session_get_stock (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->stock;
}

/* Ordering */

AisleCheckout *
aisle_session_start_checkout (AisleSession *self)
{
  g_autoptr(AisleCheckout) checkout = NULL;

  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);

  if (self->catalog == NULL || aisle_services_get_outbox (self->services) == NULL)
    return NULL;
  checkout = aisle_checkout_new (self->list, self->catalog, aisle_services_get_store_id (self->services));
  if (aisle_checkout_get_n_lines (checkout) == 0)
    return NULL;
  g_cancellable_cancel (self->pickup_fetch);
  g_clear_object (&self->pickup_fetch);
  g_cancellable_cancel (self->coupon_check);
  g_clear_object (&self->coupon_check);
  g_clear_pointer (&self->checkout_form, g_strfreev);
  g_set_object (&self->checkout, checkout);
  g_signal_emit (self, signals[CHECKOUT_CHANGED], 0);
  aisle_history_show (self->history, AISLE_PAGE_CHECKOUT);
  return self->checkout;
}

AisleCheckout *
aisle_session_get_checkout (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->checkout;
}

void
aisle_session_set_checkout_form (AisleSession       *self,
                                 const char * const *typed)
{
  g_return_if_fail (AISLE_IS_SESSION (self));

  if (self->checkout == NULL)
    return;
  g_strfreev (self->checkout_form);
  self->checkout_form = g_strdupv ((GStrv) typed);
}

const char * const *
aisle_session_get_checkout_form (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return (const char * const *) self->checkout_form;
}

static AisleShoppingList *
copy_list (AisleShoppingList *list)
{
  AisleShoppingList *copy = aisle_shopping_list_new ();

  for (guint i = 0; i < aisle_shopping_list_get_n_lines (list); i++)
    {
      const AisleListLine *line = aisle_shopping_list_get_line (list, i);

      aisle_shopping_list_add (copy, line->product_id, line->quantity);
      if (line->prepared)
        aisle_shopping_list_set_prepared (copy, line->product_id, TRUE);
    }
  return copy;
}

typedef struct
{
  AisleCheckout *checkout;
  char          *id;
} Placing;

static void
placing_free (Placing *placing)
{
  g_object_unref (placing->checkout);
  g_free (placing->id);
  g_free (placing);
}

static void
order_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AisleSession *self = g_task_get_source_object (task);
  Placing *placing = g_task_get_task_data (task);
  AisleCheckout *checkout = placing->checkout;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (!aisle_outbox_save_finish (AISLE_OUTBOX (object), result, &error))
    {
      g_warning ("Could not save an order: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The session may have ended while the disk worked; the order is safe
   * in the outbox either way. */
  if (self->checkout != checkout)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The session ended");
      return;
    }

  /* The order's slip shows the whole list as it was: what staff prepare
   * and what the shopper still picks, in walking order. */
  clear_order (self);
  self->order_id = g_strdup (placing->id);
  self->order_list = copy_list (self->list);
  self->order_fees = aisle_checkout_get_fee (checkout);
  self->order_pickup = aisle_checkout_get_kind (checkout) == AISLE_CHECKOUT_PICKUP;
  self->order_reference = aisle_checkout_order_reference_url (aisle_checkout_get_catalog (checkout), placing->id);
  self->order_details = aisle_checkout_describe_fulfillment (checkout, now);
  if (aisle_checkout_get_coupon (checkout) != NULL)
    {
      g_autofree char *amount = aisle_money_format (aisle_checkout_get_discount (checkout),
                                                    aisle_checkout_get_currency (checkout),
                                                    aisle_language_get_code (self->language));
      char *details;

      self->order_discount = aisle_checkout_get_discount (checkout);
      self->order_coupon = g_strdup (aisle_checkout_get_coupon (checkout)->code);
      /* Translators: under the order's pickup or delivery details; %s: a coupon's code, then an amount. */
      details = g_strdup_printf (_("%s\nCoupon %s: %s off"), self->order_details, self->order_coupon, amount);
      g_free (self->order_details);
      self->order_details = details;
    }

  /* Ordered lines leave the list; what the shopper picks stays. */
  for (guint i = 0; i < aisle_checkout_get_n_lines (checkout); i++)
    aisle_shopping_list_remove (self->list, aisle_checkout_get_line (checkout, i)->product_id);
  g_clear_object (&self->checkout);
  g_clear_pointer (&self->checkout_form, g_strfreev);
  g_signal_emit (self, signals[CHECKOUT_CHANGED], 0);
  g_signal_emit (self, signals[ORDER_CHANGED], 0);

  /* The confirmation replaces the form: Back goes to the list, not into
   * the sent form. */
  aisle_history_leave (self->history, AISLE_PAGE_CHECKOUT);
  aisle_history_show (self->history, AISLE_PAGE_DONE);

  g_task_return_boolean (task, TRUE);
}

void
aisle_session_place_order_async (AisleSession        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *kiosk_id = NULL;
  g_autofree char *json = NULL;
  AisleOutbox *outbox;
  Placing *placing;

  g_return_if_fail (AISLE_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_session_place_order_async);

  outbox = aisle_services_get_outbox (self->services);
  if (self->checkout == NULL || outbox == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "No order to place");
      return;
    }

  placing = g_new0 (Placing, 1);
  placing->checkout = g_object_ref (self->checkout);
  placing->id = g_uuid_string_random ();
  g_task_set_task_data (task, placing, (GDestroyNotify)placing_free);

  kiosk_id = aisle_services_dup_kiosk_id (self->services);
  json = aisle_checkout_to_json (self->checkout, placing->id, now, kiosk_id, aisle_language_get_code (self->language));
  aisle_outbox_save_async (outbox, placing->id, json, cancellable, order_saved_cb, g_steal_pointer (&task));
}

gboolean
aisle_session_place_order_finish (AisleSession  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Pickup */

static void
pickup_stock_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(AisleStock) stock = NULL;
  g_autoptr(GError) error = NULL;
  AisleSession *self;
  guint store = GPOINTER_TO_UINT (g_task_get_task_data (task));

  stock = aisle_store_fetch_store_stock_finish (AISLE_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Another store was chosen, or the checkout ended (the next
       * shopper's order is another checkout: it cancels too). */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_message ("No stock for the pickup store: %s", error->message);

  /* The store rides along so a late answer cannot land on another store. */
  self = g_task_get_source_object (task);
  if (self->checkout == NULL || aisle_checkout_get_pickup_store (self->checkout) != store)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Another pickup store was chosen");
      return;
    }
  /* Unknown stock stays "the store confirms": still a fair offer. */
  if (stock != NULL)
    aisle_checkout_set_pickup_store (self->checkout, store, stock);
  g_task_return_boolean (task, TRUE);
}

void
aisle_session_choose_pickup_store_async (AisleSession        *self,
                                         guint                store,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AisleStore *backend;
  AisleStoreInfo info = { 0 };

  g_return_if_fail (AISLE_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_session_choose_pickup_store_async);

  g_cancellable_cancel (self->pickup_fetch);
  g_clear_object (&self->pickup_fetch);
  g_cancellable_cancel (self->coupon_check);
  g_clear_object (&self->coupon_check);
  backend = aisle_services_get_store (self->services);
  if (self->checkout == NULL || backend == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "No order to collect");
      return;
    }

  if (store == aisle_checkout_get_home_store (self->checkout))
    {
      aisle_checkout_set_pickup_store (self->checkout, store, aisle_store_get_stock (backend));
      g_task_return_boolean (task, TRUE);
      return;
    }

  aisle_checkout_set_pickup_store (self->checkout, store, NULL);
  if (!aisle_catalog_store_info (aisle_checkout_get_catalog (self->checkout), store, &info))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_set_task_data (task, GUINT_TO_POINTER (store), NULL);
  self->pickup_fetch = g_cancellable_new ();
  aisle_store_fetch_store_stock_async (backend, info.id, self->pickup_fetch, pickup_stock_cb, g_steal_pointer (&task));
}

gboolean
aisle_session_choose_pickup_store_finish (AisleSession  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
aisle_session_get_order_id (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->order_id;
}

const char *
aisle_session_get_order_reference (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->order_reference;
}

const char *
aisle_session_get_order_details (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->order_details;
}

gboolean
aisle_session_get_order_pickup (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), FALSE);
  return self->order_pickup;
}

static gboolean
clear_order (AisleSession *self)
{
  gboolean had = self->order_id != NULL;

  g_clear_pointer (&self->order_id, g_free);
  g_clear_pointer (&self->order_reference, g_free);
  g_clear_pointer (&self->order_details, g_free);
  g_clear_object (&self->order_list);
  g_clear_object (&self->order_slip);
  g_clear_pointer (&self->order_job, g_free);
  self->order_pickup = FALSE;
  self->order_fees = 0;
  self->order_discount = 0;
  g_clear_pointer (&self->order_coupon, g_free);
  return had;
}

void
aisle_session_forget_order (AisleSession *self)
{
  g_return_if_fail (AISLE_IS_SESSION (self));

  if (clear_order (self))
    g_signal_emit (self, signals[ORDER_CHANGED], 0);
}

gboolean
aisle_session_finish_order (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), FALSE);

  aisle_session_forget_order (self);
  if (aisle_shopping_list_get_n_lines (self->list) == 0)
    return FALSE;
  /* What is left to pick, in place of the confirmation: Back must not
   * show it again. */
  aisle_history_leave (self->history, AISLE_PAGE_DONE);
  aisle_history_show (self->history, AISLE_PAGE_LIST);
  return TRUE;
}

/* Slips */

static AisleSlip *
new_slip (AisleSession         *self,
          AisleShoppingList    *list,
          const AisleSlipOrder *order)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return aisle_slip_new_for_list (list, self->catalog, self->stock, self->language, now, order);
}

/* No printer set up (staff chose none, or its address is wrong): the slip
 * on screen is all there is, and saying so beats a failed job. */
static char *
print_slip (AisleSession *self,
            AisleSlip    *slip)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (self->services);

  if (queue == NULL || aisle_print_queue_get_printer (queue) == NULL)
    return NULL;
  return aisle_print_queue_print (queue, slip);
}

static void
show_slip (AisleSession *self,
           AisleSlip    *slip,
           char         *job_id)
{
  g_set_object (&self->shown_slip, slip);
  g_free (self->shown_job);
  self->shown_job = job_id;
  g_signal_emit (self, signals[SLIP_CHANGED], 0);
  if (slip != NULL)
    aisle_history_show (self->history, AISLE_PAGE_SLIP);
  else
    aisle_history_leave (self->history, AISLE_PAGE_SLIP);
}

gboolean
aisle_session_print_list_slip (AisleSession *self)
{
  g_autoptr(AisleSlip) slip = NULL;

  g_return_val_if_fail (AISLE_IS_SESSION (self), FALSE);

  if (self->catalog == NULL || aisle_shopping_list_get_n_lines (self->list) == 0)
    return FALSE;
  slip = new_slip (self, self->list, NULL);
  show_slip (self, slip, print_slip (self, slip));
  return TRUE;
}

gboolean
aisle_session_show_order_slip (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), FALSE);

  if (self->order_slip == NULL)
    return FALSE;
  show_slip (self, self->order_slip, g_strdup (self->order_job));
  return TRUE;
}

AisleSlip *
aisle_session_get_shown_slip (AisleSession  *self,
                              const char   **job_id)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);

  if (job_id != NULL)
    *job_id = self->shown_job;
  return self->shown_slip;
}

void
aisle_session_close_slip (AisleSession *self)
{
  g_return_if_fail (AISLE_IS_SESSION (self));

  if (self->shown_slip != NULL)
    show_slip (self, NULL, NULL);
}

gboolean
aisle_session_print_order_slip (AisleSession *self)
{
  g_autoptr(AisleOutboxEntry) entry = NULL;
  AisleOutbox *outbox;
  AisleSlipOrder order = { 0 };

  g_return_val_if_fail (AISLE_IS_SESSION (self), FALSE);

  if (self->order_id == NULL || self->order_list == NULL || self->catalog == NULL || self->order_slip != NULL)
    return FALSE;

  outbox = aisle_services_get_outbox (self->services);
  entry = outbox ? aisle_outbox_lookup (outbox, self->order_id) : NULL;
  if (entry != NULL && entry->state == AISLE_ORDER_REJECTED)
    return FALSE;
  if (entry != NULL && entry->state == AISLE_ORDER_ACCEPTED)
    {
      order.number = entry->order_number;
      order.pickup_code = self->order_pickup ? entry->pickup_code : NULL;
    }
  else
    order.pending = TRUE;
  order.reference = self->order_reference;
  order.fulfillment = self->order_details;
  order.fees = self->order_fees;
  order.discount = self->order_discount;
  order.coupon = self->order_coupon;

  self->order_slip = new_slip (self, self->order_list, &order);
  self->order_job = print_slip (self, self->order_slip);
  g_signal_emit (self, signals[ORDER_SLIP_CHANGED], 0);
  return TRUE;
}

AisleSlip *
aisle_session_get_order_slip (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->order_slip;
}

const char *
aisle_session_get_order_slip_job_id (AisleSession *self)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);
  return self->order_job;
}

AislePrintJob *
aisle_session_dup_order_slip_job (AisleSession *self)
{
  AislePrintQueue *queue;

  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);

  queue = aisle_services_get_print_queue (self->services);
  if (self->order_job == NULL || queue == NULL)
    return NULL;
  return aisle_print_queue_get_job (queue, self->order_job);
}

static void
coupon_validated_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AisleSession *self = g_task_get_source_object (task);
  AisleCheckout *checkout = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AisleCoupon) coupon = aisle_store_validate_coupon_finish (AISLE_STORE (object), result, &error);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->checkout != checkout)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The checkout ended");
      return;
    }
  if (coupon == NULL)
    {
      if (g_error_matches (error, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNKNOWN))
        aisle_try_limit_failed (aisle_services_get_coupon_limit (self->services), g_get_monotonic_time ());
      g_message ("Coupon not applied: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_strcmp0 (coupon->currency, aisle_checkout_get_currency (checkout)) != 0)
    {
      g_task_return_new_error (task, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNAVAILABLE, "a discount in %s",
                               coupon->currency);
      return;
    }
  aisle_checkout_set_coupon (checkout, coupon);
  g_task_return_boolean (task, TRUE);
}

void
aisle_session_apply_coupon_async (AisleSession        *self,
                                  const char          *code,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *request = NULL;
  AisleStore *store;

  g_return_if_fail (AISLE_IS_SESSION (self));
  g_return_if_fail (code != NULL);

  g_cancellable_cancel (self->coupon_check);
  g_clear_object (&self->coupon_check);
  self->coupon_check = g_cancellable_new ();
  task = g_task_new (self, self->coupon_check, callback, user_data);
  g_task_set_source_tag (task, aisle_session_apply_coupon_async);

  if (self->checkout == NULL || (store = aisle_services_get_store (self->services)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "No order being made");
      return;
    }
  if ((normal = aisle_coupon_normalize_code (code)) == NULL)
    {
      g_task_return_new_error (task, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_UNKNOWN, "not a code");
      return;
    }
  if (!aisle_try_limit_allowed (aisle_services_get_coupon_limit (self->services), g_get_monotonic_time (), NULL))
    {
      g_task_return_new_error (task, AISLE_COUPON_ERROR, AISLE_COUPON_ERROR_TOO_MANY_TRIES, "coupons paused");
      return;
    }
  g_task_set_task_data (task, g_object_ref (self->checkout), g_object_unref);
  request = aisle_checkout_coupon_request (self->checkout, normal, aisle_language_get_code (self->language));
  aisle_store_validate_coupon_async (store, request, aisle_language_get_code (self->language), self->coupon_check,
                                     coupon_validated_cb, g_steal_pointer (&task));
}

gboolean
aisle_session_apply_coupon_finish (AisleSession  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
aisle_session_remove_coupon (AisleSession *self)
{
  g_return_if_fail (AISLE_IS_SESSION (self));

  g_cancellable_cancel (self->coupon_check);
  if (self->checkout != NULL)
    aisle_checkout_set_coupon (self->checkout, NULL);
}

gboolean
aisle_session_print_ticket (AisleSession *self)
{
  const AisleOnlineOrder *order;
  const AisleReturn *ret;
  AisleReturnReason reason;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  AislePrintQueue *queue;

  g_return_val_if_fail (AISLE_IS_SESSION (self), FALSE);

  order = aisle_collect_get_order (self->collect);
  if (ticket_subject (self) == NULL || self->catalog == NULL)
    return FALSE;

  /* Once made, the same ticket: a second one would look like another
   * shopper in the queue. */
  queue = aisle_services_get_print_queue (self->services);
  if (self->ticket != NULL)
    {
      if (self->ticket_job != NULL && queue != NULL && !aisle_print_queue_reprint (queue, self->ticket_job, &error))
        g_warning ("Could not print ticket %s again: %s", self->ticket_job, error->message);
      return TRUE;
    }

  now = g_date_time_new_now_local ();
  ret = aisle_collect_get_return (self->collect, &reason);
  if (ret != NULL)
    self->ticket = aisle_slip_new_for_return (order, ret, reason, self->catalog, self->stock, self->language, now);
  else
    self->ticket = aisle_slip_new_for_check_in (order, self->catalog, self->stock, self->language, now);
  self->ticket_for = g_strdup (ticket_subject (self));
  self->ticket_job = print_slip (self, self->ticket);
  return TRUE;
}

AisleSlip *
aisle_session_get_ticket (AisleSession  *self,
                          const char   **job_id)
{
  g_return_val_if_fail (AISLE_IS_SESSION (self), NULL);

  if (job_id != NULL)
    *job_id = self->ticket_job;
  return self->ticket;
}

/* Forgets the shopper; gives what there was to forget. */
static guint
forget_all (AisleSession *self)
{
  guint had = 0;

  if (clear_order (self))
    had |= 1 << ORDER_CHANGED;
  g_cancellable_cancel (self->pickup_fetch);
  g_clear_object (&self->pickup_fetch);
  g_cancellable_cancel (self->coupon_check);
  g_clear_object (&self->coupon_check);
  if (self->checkout != NULL)
    had |= 1 << CHECKOUT_CHANGED;
  g_clear_object (&self->checkout);
  g_clear_pointer (&self->checkout_form, g_strfreev);
  if (self->shown_slip != NULL)
    had |= 1 << SLIP_CHANGED;
  g_clear_object (&self->shown_slip);
  g_clear_pointer (&self->shown_job, g_free);
  forget_ticket (self);
  if (self->list != NULL)
    aisle_shopping_list_clear (self->list);
  /* It tells its own pages. */
  if (self->collect != NULL)
    aisle_collect_forget (self->collect);
  return had;
}

void
aisle_session_end (AisleSession *self)
{
  guint had;

  g_return_if_fail (AISLE_IS_SESSION (self));

  /* Told once all of it is gone; what they searched for and looked at
   * goes too. */
  had = forget_all (self);
  if (aisle_history_get_length (self->history) > 0)
    aisle_history_reset (self->history);
  for (guint signal = 0; signal < N_SIGNALS; signal++)
    if (had & (1 << signal))
      g_signal_emit (self, signals[signal], 0);
}
