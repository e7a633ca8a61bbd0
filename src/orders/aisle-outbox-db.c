/* aisle-outbox-db.c: the outbox's SQLite database, one statement per need */
#define G_LOG_DOMAIN "aisle-outbox"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "aisle-error.h"
#include "aisle-outbox-db.h"

sqlite3 *
aisle_outbox_db_open (const char  *path,
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

gboolean
aisle_outbox_db_insert (sqlite3     *db,
                        const char  *id,
                        const char  *json,
                        gboolean    *inserted,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 now = g_get_real_time () / 1000;
  int rc;

  /* Saving the same order twice (a double tap) keeps the first. */
  rc = sqlite3_prepare_v2 (db,
                           "INSERT OR IGNORE INTO orders (id, created_at, body, state, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?2)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
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

  *inserted = sqlite3_changes (db) > 0;
  return TRUE;
}

gboolean
aisle_outbox_db_prune (sqlite3  *db,
                       gint64    cutoff_ms,
                       guint    *n_removed,
                       GError  **error)
{
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
    {
      g_set_error (error, AISLE_ERROR, AISLE_ERROR_FAILED,
                   _("The kiosk could not clean up its order book (%s)"), sqlite3_errmsg (db));
      return FALSE;
    }

  *n_removed = sqlite3_changes (db);
  return TRUE;
}

void
aisle_outbox_db_update (sqlite3                *db,
                        const AisleOutboxEntry *entry,
                        const char             *json,
                        gint64                  next_attempt_ms)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "UPDATE orders SET state = ?2, attempts = ?3, next_attempt_at = ?4, last_error = ?5, "
                          "order_number = ?6, pickup_code = ?7, body = ?8, updated_at = ?9 WHERE id = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, entry->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, entry->state);
      sqlite3_bind_int (stmt, 3, entry->attempts);
      sqlite3_bind_int64 (stmt, 4, next_attempt_ms);
      sqlite3_bind_text (stmt, 5, entry->last_error, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, entry->order_number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, entry->pickup_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, json, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 9, g_get_real_time () / 1000);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_warning ("Could not record an order's state: %s", sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

void
aisle_outbox_db_foreach (sqlite3  *db,
                         void    (*func) (const AisleOutboxEntry *entry,
                                          gpointer                user_data),
                         gpointer  user_data)
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
      func (&entry, user_data);
      aisle_outbox_entry_clear (&entry);
    }

  sqlite3_finalize (stmt);
}

gboolean
aisle_outbox_db_next_due (sqlite3           *db,
                          gint64             now_ms,
                          AisleOutboxEntry  *entry,
                          char             **json,
                          gint64            *wait_until)
{
  sqlite3_stmt *stmt = NULL;
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
  if (due > now_ms)
    {
      *wait_until = due;
      sqlite3_finalize (stmt);
      return FALSE;
    }

  entry->id = column_text (stmt, 0);
  *json = column_text (stmt, 1);
  entry->attempts = sqlite3_column_int (stmt, 2);
  entry->created_at = sqlite3_column_int64 (stmt, 3) / 1000;
  entry->state = AISLE_ORDER_PENDING;
  sqlite3_finalize (stmt);
  return TRUE;
}

void
aisle_outbox_db_make_all_due (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "UPDATE orders SET next_attempt_at = 0 WHERE state = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, AISLE_ORDER_PENDING);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
}
