/* aisle-collect.c: the online order a shopper came to collect */
#define G_LOG_DOMAIN "aisle-collect"

#include "config.h"

#include "aisle-collect.h"

struct _AisleCollect
{
  GObject           parent_instance;

  AisleServices    *services;
  AisleOnlineOrder *order;
  AisleReturn      *ret;        /* the return asked for it, once made */
  AisleReturnReason ret_reason;
  GCancellable     *busy;       /* the look-up, check-in or return running, or NULL */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleCollect, aisle_collect, G_TYPE_OBJECT)

static void
aisle_collect_dispose (GObject *object)
{
  AisleCollect *self = (AisleCollect *)object;

  g_cancellable_cancel (self->busy);
  g_clear_object (&self->busy);
  g_clear_pointer (&self->order, aisle_online_order_free);
  g_clear_pointer (&self->ret, aisle_return_free);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (aisle_collect_parent_class)->dispose (object);
}

static void
aisle_collect_class_init (AisleCollectClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aisle_collect_dispose;

  /**
   * AisleCollect::changed:
   *
   * The order found, its check-in or its return came or went.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
aisle_collect_init (AisleCollect *self)
{
}

AisleCollect *
aisle_collect_new (AisleServices *services)
{
  AisleCollect *self;

  g_return_val_if_fail (AISLE_IS_SERVICES (services), NULL);

  self = g_object_new (AISLE_TYPE_COLLECT, NULL);
  self->services = g_object_ref (services);
  return self;
}

/* One request at a time: a new one, or forgetting, cancels the one before. */
static GTask *
start (AisleCollect        *self,
       gpointer             source_tag,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task;

  g_cancellable_cancel (self->busy);
  g_clear_object (&self->busy);
  self->busy = g_cancellable_new ();

  task = g_task_new (self, self->busy, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  return task;
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AisleCollect *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  AisleOnlineOrder *order = aisle_store_lookup_order_finish (AISLE_STORE (object), result, &error);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&order, aisle_online_order_free);
      return;
    }
  if (order == NULL)
    {
      /* Only a wrong guess counts: a store that cannot answer is no one's
       * fault. */
      if (g_error_matches (error, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND))
        aisle_try_limit_failed (aisle_services_get_lookup_limit (self->services), g_get_monotonic_time ());
      g_message ("Online order not found: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&self->order, aisle_online_order_free);
  g_clear_pointer (&self->ret, aisle_return_free);
  self->order = order;
  g_signal_emit (self, signals[CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

void
aisle_collect_find_async (AisleCollect        *self,
                          const char          *number,
                          const char          *contact,
                          AisleLanguage        language,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AisleStore *store;
  gint64 wait_us = 0;

  g_return_if_fail (AISLE_IS_COLLECT (self));
  g_return_if_fail (number != NULL && contact != NULL);

  task = start (self, aisle_collect_find_async, callback, user_data);
  if (!aisle_try_limit_allowed (aisle_services_get_lookup_limit (self->services), g_get_monotonic_time (), &wait_us))
    {
      g_task_return_new_error (task, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES,
                               "look-ups paused for %" G_GINT64_FORMAT " s", wait_us / G_USEC_PER_SEC + 1);
      return;
    }
  if ((store = aisle_services_get_store (self->services)) == NULL)
    {
      g_task_return_new_error (task, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE, "no store");
      return;
    }
  aisle_store_lookup_order_async (store, number, contact, aisle_language_get_code (language), self->busy, found_cb,
                                  g_steal_pointer (&task));
}

gboolean
aisle_collect_find_finish (AisleCollect  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const AisleOnlineOrder *
aisle_collect_get_order (AisleCollect *self)
{
  g_return_val_if_fail (AISLE_IS_COLLECT (self), NULL);
  return self->order;
}

static void
checked_in_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AisleCollect *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  AisleCheckIn *check_in = aisle_store_check_in_finish (AISLE_STORE (object), result, &error);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&check_in, aisle_check_in_free);
      return;
    }
  if (check_in == NULL)
    {
      g_message ("Check-in for %s refused: %s", self->order->number, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The first check-in only: a second is the same one. */
  if (self->order->check_in == NULL)
    aisle_desk_log_add (aisle_services_get_desk_log (self->services), AISLE_DESK_CHECK_IN, self->order->number,
                        check_in->queue_number, 0);
  g_clear_pointer (&self->order->check_in, aisle_check_in_free);
  self->order->check_in = check_in;
  g_signal_emit (self, signals[CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

void
aisle_collect_check_in_async (AisleCollect        *self,
                              AisleLanguage        language,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AisleStore *store;

  g_return_if_fail (AISLE_IS_COLLECT (self));

  task = start (self, aisle_collect_check_in_async, callback, user_data);
  if (self->order == NULL || (store = aisle_services_get_store (self->services)) == NULL)
    {
      g_task_return_new_error (task, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order found");
      return;
    }
  aisle_store_check_in_async (store, self->order->id, aisle_language_get_code (language), self->busy, checked_in_cb,
                              g_steal_pointer (&task));
}

gboolean
aisle_collect_check_in_finish (AisleCollect  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What came back shows on the order at once, as the store will say. */
static void
count_returned (AisleOnlineOrder  *order,
                const AisleReturn *ret)
{
  for (guint i = 0; i < ret->lines->len; i++)
    {
      const AisleOnlineOrderLine *back = g_ptr_array_index (ret->lines, i);

      for (guint j = 0; j < order->lines->len; j++)
        {
          AisleOnlineOrderLine *line = g_ptr_array_index (order->lines, j);

          if (g_str_equal (line->id, back->id))
            line->returned = MIN (line->quantity, line->returned + back->quantity);
        }
    }
}

static void
returned_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AisleCollect *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  AisleReturn *ret = aisle_store_return_lines_finish (AISLE_STORE (object), result, &error);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&ret, aisle_return_free);
      return;
    }
  if (ret == NULL)
    {
      g_message ("Return for %s refused: %s", self->order->number, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->ret == NULL || g_strcmp0 (self->ret->id, ret->id) != 0)
    {
      guint items = 0;

      for (guint i = 0; i < ret->lines->len; i++)
        items += ((AisleOnlineOrderLine *)ret->lines->pdata[i])->quantity;
      aisle_desk_log_add (aisle_services_get_desk_log (self->services), AISLE_DESK_RETURN, self->order->number,
                          ret->number, items);
      count_returned (self->order, ret);
    }
  g_clear_pointer (&self->ret, aisle_return_free);
  self->ret = ret;
  self->ret_reason = (AisleReturnReason)GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_signal_emit (self, signals[CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

void
aisle_collect_return_async (AisleCollect             *self,
                            const AisleReturnRequest *request,
                            AisleLanguage             language,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  AisleStore *store;

  g_return_if_fail (AISLE_IS_COLLECT (self));
  g_return_if_fail (request != NULL);

  task = start (self, aisle_collect_return_async, callback, user_data);
  g_task_set_task_data (task, GUINT_TO_POINTER (request->reason), NULL);
  if (self->order == NULL || g_strcmp0 (self->order->id, request->order_id) != 0 ||
      (store = aisle_services_get_store (self->services)) == NULL)
    {
      g_task_return_new_error (task, AISLE_ONLINE_ORDER_ERROR, AISLE_ONLINE_ORDER_ERROR_NOT_FOUND, "no order found");
      return;
    }
  aisle_store_return_lines_async (store, request, aisle_language_get_code (language), self->busy, returned_cb,
                                  g_steal_pointer (&task));
}

gboolean
aisle_collect_return_finish (AisleCollect  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const AisleReturn *
aisle_collect_get_return (AisleCollect      *self,
                          AisleReturnReason *reason)
{
  g_return_val_if_fail (AISLE_IS_COLLECT (self), NULL);

  if (reason != NULL)
    *reason = self->ret_reason;
  return self->ret;
}

void
aisle_collect_forget (AisleCollect *self)
{
  g_return_if_fail (AISLE_IS_COLLECT (self));

  g_cancellable_cancel (self->busy);
  g_clear_object (&self->busy);
  if (self->order == NULL)
    return;
  g_clear_pointer (&self->order, aisle_online_order_free);
  g_clear_pointer (&self->ret, aisle_return_free);
  g_signal_emit (self, signals[CHANGED], 0);
}
