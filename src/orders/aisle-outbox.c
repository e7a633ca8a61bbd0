/* aisle-outbox.c: orders kept on disk until the store has them: the object, saves and what staff see */
#define G_LOG_DOMAIN "aisle-outbox"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-outbox-db.h"
#include "aisle-outbox-private.h"


enum {
  ORDER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AisleOutbox, aisle_outbox, G_TYPE_OBJECT)

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

  copy = aisle_outbox_entry_copy (report->entry);
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
report_entry (AisleOutbox            *self,
              const AisleOutboxEntry *entry)
{
  Report *r = g_new0 (Report, 1);
  GSource *source = g_idle_source_new ();

  r->self = g_object_ref (self);
  r->entry = aisle_outbox_entry_copy (entry);

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

/* Saves one order: the task completes once it is committed and synced. */
static void
save_order (AisleOutbox *self,
            sqlite3     *db,
            GTask       *task)
{
  Save *save = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean inserted = FALSE;

  if (!aisle_outbox_db_insert (db, save->id, save->json, &inserted, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A second save of the same order changes nothing, and must not
   * report it as pending again after the store accepted it. */
  if (inserted)
    {
      AisleOutboxEntry entry = { 0 };

      entry.id = save->id;
      entry.state = AISLE_ORDER_PENDING;
      entry.created_at = aisle_outbox_now_ms () / 1000;
      report_entry (self, &entry);
    }
  /* Committed and synced: only now may the shopper be told. */
  g_task_return_boolean (task, TRUE);
  kick (self);
}

/* The task's data is the cutoff, in unix milliseconds. */
static void
prune_orders (sqlite3 *db,
              GTask   *task)
{
  GError *error = NULL;
  guint n_removed = 0;

  if (aisle_outbox_db_prune (db, *(gint64 *)g_task_get_task_data (task), &n_removed, &error))
    g_task_return_int (task, n_removed);
  else
    g_task_return_error (task, error);
}

static gpointer
writer_thread (gpointer data)
{
  AisleOutbox *self = data;
  g_autoptr(GError) open_error = NULL;
  sqlite3 *db = aisle_outbox_db_open (self->path, &open_error);

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

      if (item == self)
        break;

      task = item;
      if (db == NULL)
        g_task_return_error (task, g_error_copy (open_error));
      else if (g_task_get_source_tag (task) == aisle_outbox_prune_async)
        prune_orders (db, task);
      else
        save_order (self, db, task);

      g_object_unref (task);
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
  self->report = report_entry;

  self->writer = g_thread_new ("aisle-outbox-w", writer_thread, self);
  self->sender = g_thread_new ("aisle-outbox-s", aisle_outbox_sender_thread, self);
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
  return entry ? aisle_outbox_entry_copy (entry) : NULL;
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
      g_ptr_array_add (found, aisle_outbox_entry_copy (entry));
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
