/* aisle-outbox-sender.c: the outbox's sender thread: hands waiting orders to the store, retries
 *
 * Network errors, timeouts and 5xx answers are retried with backoff,
 * forever, until the store accepts or rejects the order.
 */
#define G_LOG_DOMAIN "aisle-outbox"

#include "config.h"

#include <json-c/json.h>

#include "aisle-outbox-db.h"
#include "aisle-outbox-private.h"

#define MAX_RETRY_MS (15 * 60 * 1000)

static void
redact (char **json)
{
  json_object *root = json_tokener_parse (*json);
  json_object *fulfillment;

  if (root == NULL)
    return;

  /* Staff need the lines and the order number later, not who ordered. */
  json_object_object_del (root, "contact");
  if (json_object_object_get_ex (root, "fulfillment", &fulfillment))
    json_object_object_del (fulfillment, "address");

  g_free (*json);
  *json = g_strdup (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN));
  json_object_put (root);
}

static void
record_result (AisleOutbox       *self,
               sqlite3           *db,
               AisleOutboxEntry  *entry,
               char             **json,
               AisleSubmitResult *result)
{
  gint64 now = aisle_outbox_now_ms ();
  gint64 next = 0;

  entry->attempts++;
  g_free (entry->last_error);
  entry->last_error = g_strdup (result->message);

  switch (result->outcome)
    {
    case AISLE_SUBMIT_ACCEPTED:
      entry->state = AISLE_ORDER_ACCEPTED;
      entry->order_number = g_strdup (result->order_number);
      entry->pickup_code = g_strdup (result->pickup_code);
      redact (json);
      break;

    case AISLE_SUBMIT_REJECTED:
      entry->state = AISLE_ORDER_REJECTED;
      redact (json);
      break;

    case AISLE_SUBMIT_RETRY:
    default:
      {
        guint shift = MIN (entry->attempts - 1, 20);
        next = now + MIN ((gint64)self->retry_base_ms << shift, MAX_RETRY_MS);
        g_message ("Order not delivered (attempt %u), next try in %" G_GINT64_FORMAT " s",
                   entry->attempts, (next - now) / 1000);
      }
      break;
    }

  aisle_outbox_db_update (db, entry, *json, next);
  self->report (self, entry);
}

static void
report_one (const AisleOutboxEntry *entry,
            gpointer                user_data)
{
  AisleOutbox *self = user_data;

  self->report (self, entry);
}

/* Sends one due order; returns FALSE when none is due, with *@wait_until set
 * to the next retry time (0: none waiting). */
static gboolean
send_one (AisleOutbox *self,
          sqlite3     *db,
          gint64      *wait_until)
{
  AisleOutboxEntry entry = { 0 };
  AisleSubmitResult result = { 0 };
  g_autofree char *json = NULL;

  if (!aisle_outbox_db_next_due (db, aisle_outbox_now_ms (), &entry, &json, wait_until))
    return FALSE;

  self->submit (entry.id, json, &result, self->submit_data);
  record_result (self, db, &entry, &json, &result);

  g_free (result.order_number);
  g_free (result.pickup_code);
  g_free (result.message);
  aisle_outbox_entry_clear (&entry);
  return TRUE;
}

gpointer
aisle_outbox_sender_thread (gpointer data)
{
  AisleOutbox *self = data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_mutex_lock (&self->lock);
  while (!self->writer_ready && !self->stopping)
    g_cond_wait (&self->wake, &self->lock);
  g_mutex_unlock (&self->lock);

  if (!(db = aisle_outbox_db_open (self->path, &error)))
    {
      /* The writer refuses saves with the same error: nothing is lost. */
      g_message ("Orders cannot be sent: %s", error->message);
      return NULL;
    }

  /* Tells the owner about every order it has not seen (e.g. after a restart). */
  aisle_outbox_db_foreach (db, report_one, self);

  for (;;)
    {
      gint64 wait_until = 0;
      gboolean now_requested;

      g_mutex_lock (&self->lock);
      self->kicked = FALSE;
      now_requested = self->now_requested;
      self->now_requested = FALSE;
      g_mutex_unlock (&self->lock);

      if (now_requested)
        aisle_outbox_db_make_all_due (db);

      while (!g_atomic_int_get (&self->stopping) && send_one (self, db, &wait_until))
        ;

      g_mutex_lock (&self->lock);
      while (!self->stopping && !self->kicked)
        {
          gint64 end = wait_until
                       ? g_get_monotonic_time () + MAX (wait_until - aisle_outbox_now_ms (), 0) * 1000
                       : g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

          if (!g_cond_wait_until (&self->wake, &self->lock, end))
            break;
        }
      if (self->stopping)
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      g_mutex_unlock (&self->lock);
    }

  sqlite3_close (db);
  return NULL;
}
