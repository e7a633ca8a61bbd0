/* aisle-outbox.c: orders kept on disk until the store has them */
#define G_LOG_DOMAIN "aisle-outbox"

#include "config.h"

#include <glib/gi18n.h>
#include <json-c/json.h>
#include <sqlite3.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-outbox.h"

#define MAX_RETRY_MS (15 * 60 * 1000)

struct _AisleOutbox
{
  GObject                parent_instance;

  char                  *path;
  GMainContext          *context;      /* where "order-changed" is emitted */
  AisleOutboxSubmitFunc  submit;
  gpointer               submit_data;
  GDestroyNotify         submit_data_free;
  guint                  retry_base_ms;

  GThread               *writer;
  GThread               *sender;
  GAsyncQueue           *writes;       /* GTask, or the outbox itself to stop */
  GMutex                 lock;
  GCond                  wake;
  gboolean               stopping;
  gboolean               kicked;
  gboolean               now_requested;
  gboolean               writer_ready;     /* the schema exists (or failed) */

  GHashTable            *entries;      /* id → AisleOutboxEntry; main thread only */
  gint64                 pruned_before; /* unix seconds; main thread only */
};

enum {
  ORDER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleOutbox, aisle_outbox, G_TYPE_OBJECT)

void
aisle_outbox_entry_free (AisleOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->order_number);
  g_free (entry->pickup_code);
  g_free (entry->last_error);
  g_free (entry);
}

static AisleOutboxEntry *
entry_copy (const AisleOutboxEntry *entry)
{
  AisleOutboxEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->id = g_strdup (entry->id);
  copy->order_number = g_strdup (entry->order_number);
  copy->pickup_code = g_strdup (entry->pickup_code);
  copy->last_error = g_strdup (entry->last_error);
  return copy;
}

/* Database */

static sqlite3 *
open_database (const char  *path,
               GError     **error)
{
  static const char schema[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=FULL;"
    "CREATE TABLE IF NOT EXISTS orders ("
    "  id TEXT PRIMARY KEY,"
    "  created_at INTEGER NOT NULL,"
    "  body TEXT NOT NULL,"
    "  state INTEGER NOT NULL,"
    "  attempts INTEGER NOT NULL DEFAULT 0,"
    "  next_attempt_at INTEGER NOT NULL DEFAULT 0,"
    "  last_error TEXT,"
    "  order_number TEXT,"
    "  pickup_code TEXT,"
    "  updated_at INTEGER NOT NULL);";
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  char *message = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_FAILED,
                   _("The kiosk cannot save orders (%s)"), db ? sqlite3_errmsg (db) : g_strerror (errno));
      sqlite3_close (db);
      return NULL;
    }

  /* The writer and the sender each have a connection; wait for the other's
   * short transactions rather than fail. */
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, schema, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_FAILED, _("The kiosk cannot save orders (%s)"), message);
      sqlite3_free (message);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

/* Reports from the threads, applied on the owner's main context */

typedef struct
{
  AisleOutbox      *self;
  AisleOutboxEntry *entry;
} Report;

static gboolean
is_pruned (AisleOutbox            *self,
           const AisleOutboxEntry *entry)
{
  return entry->state != AISLE_ORDER_PENDING && entry->created_at < self->pruned_before;
}

static gboolean
apply_report (gpointer data)
{
  Report *report = data;
  AisleOutbox *self = report->self;
  AisleOutboxEntry *copy;

  /* The sender's first report of every order may cross a prune. */
  if (is_pruned (self, report->entry))
    return G_SOURCE_REMOVE;

  copy = entry_copy (report->entry);
  /* The key lives in the value: replace swaps both. */
  g_hash_table_replace (self->entries, copy->id, copy);
  g_signal_emit (self, signals[ORDER_CHANGED], 0, copy->id);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->self);
  aisle_outbox_entry_free (report->entry);
  g_free (report);
}

static void
report (AisleOutbox            *self,
        const AisleOutboxEntry *entry)
{
  Report *r = g_new0 (Report, 1);
  GSource *source = g_idle_source_new ();

  r->self = g_object_ref (self);
  r->entry = entry_copy (entry);

  /* Always as a source on the owner's context, never
   * g_main_context_invoke(): when the main thread is between two
   * iterations, that runs the function right here, on this thread, so the
   * signal reached the UI from a worker and the main loop was never woken. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, apply_report, r, report_free);
  g_source_set_static_name (source, "[aisle] outbox report");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static void
kick (AisleOutbox *self)
{
  g_mutex_lock (&self->lock);
  self->kicked = TRUE;
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
}

/* The writer thread: saves, nothing else, so a slow store never delays one. */

typedef struct
{
  char *id;
  char *json;
} Save;

static void
save_free (Save *save)
{
  g_free (save->id);
  g_free (save->json);
  g_free (save);
}

static gboolean
write_order (sqlite3     *db,
             const Save  *save,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 now = now_ms ();
  int rc;

  /* Saving the same order twice (a double tap) keeps the first. */
  rc = sqlite3_prepare_v2 (db,
                           "INSERT OR IGNORE INTO orders (id, created_at, body, state, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?2)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, save->id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_text (stmt, 3, save->json, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, AISLE_ORDER_PENDING);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_FAILED,
                   _("The kiosk could not save the order (%s)"), sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* Deletes orders the store has answered, created before the task's cutoff
 * (unix milliseconds): an order still waiting is never deleted. */
static void
prune_orders (sqlite3 *db,
              GTask   *task)
{
  gint64 cutoff_ms = *(gint64 *)g_task_get_task_data (task);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "DELETE FROM orders WHERE state != ?1 AND created_at < ?2", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, AISLE_ORDER_PENDING);
      sqlite3_bind_int64 (stmt, 2, cutoff_ms);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_FAILED,
                             _("The kiosk could not clean up its order book (%s)"), sqlite3_errmsg (db));
  else
    g_task_return_int (task, sqlite3_changes (db));
}

static gpointer
writer_thread (gpointer data)
{
  AisleOutbox *self = data;
  g_autoptr(GError) open_error = NULL;
  sqlite3 *db = open_database (self->path, &open_error);

  /* The sender opens its connection once the schema and WAL mode are set:
   * SQLite does not wait out a journal mode change. */
  g_mutex_lock (&self->lock);
  self->writer_ready = TRUE;
  g_cond_broadcast (&self->wake);
  g_mutex_unlock (&self->lock);

  for (;;)
    {
      gpointer item = g_async_queue_pop (self->writes);
      GTask *task;
      GError *error = NULL;

      if (item == self)
        break;

      task = item;
      if (db == NULL)
        g_task_return_error (task, g_error_copy (open_error));
      else if (g_task_get_source_tag (task) == aisle_outbox_prune_async)
        prune_orders (db, task);
      else if (write_order (db, g_task_get_task_data (task), &error))
        {
          AisleOutboxEntry entry = { 0 };

          /* A second save of the same order changes nothing, and must not
           * report it as pending again after the store accepted it. */
          if (sqlite3_changes (db) > 0)
            {
              entry.id = ((Save *)g_task_get_task_data (task))->id;
              entry.state = AISLE_ORDER_PENDING;
              entry.created_at = now_ms () / 1000;
              report (self, &entry);
            }
          /* Committed and synced: only now may the shopper be told. */
          g_task_return_boolean (task, TRUE);
          kick (self);
        }
      else
        g_task_return_error (task, error);

      g_object_unref (task);
    }

  sqlite3_close (db);
  return NULL;
}

/* The sender thread */

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
  sqlite3_stmt *stmt = NULL;
  gint64 now = now_ms ();
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

  if (sqlite3_prepare_v2 (db,
                          "UPDATE orders SET state = ?2, attempts = ?3, next_attempt_at = ?4, last_error = ?5, "
                          "order_number = ?6, pickup_code = ?7, body = ?8, updated_at = ?9 WHERE id = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, entry->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, entry->state);
      sqlite3_bind_int (stmt, 3, entry->attempts);
      sqlite3_bind_int64 (stmt, 4, next);
      sqlite3_bind_text (stmt, 5, entry->last_error, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, entry->order_number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, entry->pickup_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, *json, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 9, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_warning ("Could not record an order's state: %s", sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);

  report (self, entry);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/* Tells the owner about every order it has not seen (e.g. after a restart). */
static void
report_all (AisleOutbox *self,
            sqlite3     *db)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, state, attempts, created_at, order_number, pickup_code, last_error "
                          "FROM orders ORDER BY created_at", -1, &stmt, NULL) != SQLITE_OK)
    return;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AisleOutboxEntry entry = { 0 };

      entry.id = column_text (stmt, 0);
      entry.state = sqlite3_column_int (stmt, 1);
      entry.attempts = sqlite3_column_int (stmt, 2);
      entry.created_at = sqlite3_column_int64 (stmt, 3) / 1000;
      entry.order_number = column_text (stmt, 4);
      entry.pickup_code = column_text (stmt, 5);
      entry.last_error = column_text (stmt, 6);
      report (self, &entry);
      g_free (entry.id);
      g_free (entry.order_number);
      g_free (entry.pickup_code);
      g_free (entry.last_error);
    }

  sqlite3_finalize (stmt);
}

/* Sends one due order; returns FALSE when none is due, with *@wait_until set
 * to the next retry time (0: none waiting). */
static gboolean
send_one (AisleOutbox *self,
          sqlite3     *db,
          gint64      *wait_until)
{
  sqlite3_stmt *stmt = NULL;
  AisleOutboxEntry entry = { 0 };
  AisleSubmitResult result = { 0 };
  g_autofree char *json = NULL;
  gint64 due;

  *wait_until = 0;
  if (sqlite3_prepare_v2 (db,
                          "SELECT id, body, attempts, created_at, next_attempt_at FROM orders "
                          "WHERE state = ?1 ORDER BY next_attempt_at, created_at LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_int (stmt, 1, AISLE_ORDER_PENDING);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }

  due = sqlite3_column_int64 (stmt, 4);
  if (due > now_ms ())
    {
      *wait_until = due;
      sqlite3_finalize (stmt);
      return FALSE;
    }

  entry.id = column_text (stmt, 0);
  json = column_text (stmt, 1);
  entry.attempts = sqlite3_column_int (stmt, 2);
  entry.created_at = sqlite3_column_int64 (stmt, 3) / 1000;
  entry.state = AISLE_ORDER_PENDING;
  sqlite3_finalize (stmt);

  self->submit (entry.id, json, &result, self->submit_data);
  record_result (self, db, &entry, &json, &result);

  g_free (result.order_number);
  g_free (result.pickup_code);
  g_free (result.message);
  g_free (entry.id);
  g_free (entry.order_number);
  g_free (entry.pickup_code);
  g_free (entry.last_error);
  return TRUE;
}

static void
make_all_due (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "UPDATE orders SET next_attempt_at = 0 WHERE state = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, AISLE_ORDER_PENDING);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
}

static gpointer
sender_thread (gpointer data)
{
  AisleOutbox *self = data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_mutex_lock (&self->lock);
  while (!self->writer_ready && !self->stopping)
    g_cond_wait (&self->wake, &self->lock);
  g_mutex_unlock (&self->lock);

  if (!(db = open_database (self->path, &error)))
    {
      /* The writer refuses saves with the same error: nothing is lost. */
      g_message ("Orders cannot be sent: %s", error->message);
      return NULL;
    }

  report_all (self, db);

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
        make_all_due (db);

      while (!g_atomic_int_get (&self->stopping) && send_one (self, db, &wait_until))
        ;

      g_mutex_lock (&self->lock);
      while (!self->stopping && !self->kicked)
        {
          gint64 end = wait_until
                       ? g_get_monotonic_time () + MAX (wait_until - now_ms (), 0) * 1000
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

/* Public */

AisleOutbox *
aisle_outbox_new (const char            *path,
                  AisleOutboxSubmitFunc  submit,
                  gpointer               submit_data,
                  GDestroyNotify         submit_data_free,
                  guint                  retry_base_ms)
{
  AisleOutbox *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (submit != NULL, NULL);

  self = g_object_new (AISLE_TYPE_OUTBOX, NULL);
  self->path = g_strdup (path);
  self->context = g_main_context_ref_thread_default ();
  self->submit = submit;
  self->submit_data = submit_data;
  self->submit_data_free = submit_data_free;
  self->retry_base_ms = retry_base_ms ? retry_base_ms : 30 * 1000;

  self->writer = g_thread_new ("aisle-outbox-w", writer_thread, self);
  self->sender = g_thread_new ("aisle-outbox-s", sender_thread, self);
  return self;
}

void
aisle_outbox_save_async (AisleOutbox         *self,
                         const char          *id,
                         const char          *json,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Save *save;

  g_return_if_fail (AISLE_IS_OUTBOX (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (json != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_outbox_save_async);

  if (self->writer == NULL)
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_FAILED, _("The kiosk cannot save orders right now"));
      g_object_unref (task);
      return;
    }

  save = g_new0 (Save, 1);
  save->id = g_strdup (id);
  save->json = g_strdup (json);
  g_task_set_task_data (task, save, (GDestroyNotify)save_free);
  g_async_queue_push (self->writes, task);
}

gboolean
aisle_outbox_save_finish (AisleOutbox   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
aisle_outbox_send_now (AisleOutbox *self)
{
  g_return_if_fail (AISLE_IS_OUTBOX (self));

  /* Due now: retry times of waiting orders are brought forward. */
  g_mutex_lock (&self->lock);
  self->kicked = TRUE;
  self->now_requested = TRUE;
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
}

void
aisle_outbox_close (AisleOutbox *self)
{
  g_return_if_fail (AISLE_IS_OUTBOX (self));

  if (self->writer != NULL)
    {
      g_async_queue_push (self->writes, self);
      g_thread_join (g_steal_pointer (&self->writer));
    }

  if (self->sender != NULL)
    {
      g_mutex_lock (&self->lock);
      g_atomic_int_set (&self->stopping, TRUE);
      g_cond_signal (&self->wake);
      g_mutex_unlock (&self->lock);
      g_thread_join (g_steal_pointer (&self->sender));
    }
}

AisleOutboxEntry *
aisle_outbox_lookup (AisleOutbox *self,
                     const char  *id)
{
  AisleOutboxEntry *entry;

  g_return_val_if_fail (AISLE_IS_OUTBOX (self), NULL);

  entry = g_hash_table_lookup (self->entries, id);
  return entry ? entry_copy (entry) : NULL;
}

guint
aisle_outbox_count_pending (AisleOutbox *self)
{
  GHashTableIter iter;
  AisleOutboxEntry *entry;
  guint n = 0;

  g_return_val_if_fail (AISLE_IS_OUTBOX (self), 0);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    n += entry->state == AISLE_ORDER_PENDING;
  return n;
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const AisleOutboxEntry *ea = *(AisleOutboxEntry **)a;
  const AisleOutboxEntry *eb = *(AisleOutboxEntry **)b;

  if (ea->created_at != eb->created_at)
    return ea->created_at < eb->created_at ? -1 : 1;
  return g_strcmp0 (ea->id, eb->id);
}

GPtrArray *
aisle_outbox_list_since (AisleOutbox *self,
                         gint64       since)
{
  GPtrArray *found;
  GHashTableIter iter;
  AisleOutboxEntry *entry;

  g_return_val_if_fail (AISLE_IS_OUTBOX (self), NULL);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify)aisle_outbox_entry_free);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    if (entry->created_at >= since)
      g_ptr_array_add (found, entry_copy (entry));
  g_ptr_array_sort (found, compare_created);
  return found;
}

gint64
aisle_outbox_get_oldest_pending (AisleOutbox *self)
{
  GHashTableIter iter;
  AisleOutboxEntry *entry;
  gint64 oldest = 0;

  g_return_val_if_fail (AISLE_IS_OUTBOX (self), 0);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    if (entry->state == AISLE_ORDER_PENDING && (oldest == 0 || entry->created_at < oldest))
      oldest = entry->created_at;
  return oldest;
}

static gboolean
remove_if_pruned (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  return is_pruned (user_data, value);
}

void
aisle_outbox_prune_async (AisleOutbox         *self,
                          guint                days,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gint64 *cutoff_ms;

  g_return_if_fail (AISLE_IS_OUTBOX (self));
  g_return_if_fail (days > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_outbox_prune_async);

  if (self->writer == NULL)
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_FAILED, _("The kiosk cannot save orders right now"));
      return;
    }

  /* What staff see forgets the old orders at once; the disk follows. */
  self->pruned_before = g_get_real_time () / G_USEC_PER_SEC - (gint64)days * 24 * 60 * 60;
  g_hash_table_foreach_remove (self->entries, remove_if_pruned, self);

  cutoff_ms = g_new (gint64, 1);
  *cutoff_ms = self->pruned_before * 1000;
  g_task_set_task_data (task, cutoff_ms, g_free);
  /* The writer thread does it, between saves: one connection writes. */
  g_async_queue_push (self->writes, g_steal_pointer (&task));
}

gboolean
aisle_outbox_prune_finish (AisleOutbox   *self,
                           GAsyncResult  *result,
                           guint         *n_removed,
                           GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_removed != NULL)
    *n_removed = n;
  return TRUE;
}

static void
aisle_outbox_dispose (GObject *object)
{
  AisleOutbox *self = (AisleOutbox *)object;

  aisle_outbox_close (self);

  G_OBJECT_CLASS (aisle_outbox_parent_class)->dispose (object);
}

static void
aisle_outbox_finalize (GObject *object)
{
  AisleOutbox *self = (AisleOutbox *)object;

  if (self->submit_data_free)
    self->submit_data_free (self->submit_data);
  g_clear_pointer (&self->writes, g_async_queue_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);

  G_OBJECT_CLASS (aisle_outbox_parent_class)->finalize (object);
}

static void
aisle_outbox_class_init (AisleOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aisle_outbox_dispose;
  object_class->finalize = aisle_outbox_finalize;

  /**
   * AisleOutbox::order-changed:
   * @id: the order whose state changed (saved, accepted, rejected, retried)
   */
  signals[ORDER_CHANGED] =
    g_signal_new ("order-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
aisle_outbox_init (AisleOutbox *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  self->writes = g_async_queue_new ();
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)aisle_outbox_entry_free);
}
