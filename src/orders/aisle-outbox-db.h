/* aisle-outbox-db.h: the outbox's SQLite database, one statement per need
 *
 * One table, "orders": each order's JSON, its state, attempts and next
 * retry time, and what the store answered. Times in the table are unix
 * milliseconds. Every function blocks on the disk; the outbox calls them
 * from its writer and sender threads, each with its own connection.
 */
#pragma once

#include <sqlite3.h>

#include "aisle-outbox.h"

G_BEGIN_DECLS

/* Opens (creating if needed) the database at @path, in WAL mode with
 * synchronous=FULL, and makes the table. */
sqlite3  *aisle_outbox_db_open         (const char              *path,
                                        GError                 **error);

/* Saves a new pending order, committed and synced. Saving an id again keeps
 * the first: @inserted says whether this one was new. */
gboolean  aisle_outbox_db_insert       (sqlite3                 *db,
                                        const char              *id,
                                        const char              *json,
                                        gboolean                *inserted,
                                        GError                 **error);

/* Deletes orders the store has answered, created before @cutoff_ms: an
 * order still waiting is never deleted. */
gboolean  aisle_outbox_db_prune        (sqlite3                 *db,
                                        gint64                   cutoff_ms,
                                        guint                   *n_removed,
                                        GError                 **error);

/* Writes @entry's state, attempts and answer, the order's @json and its
 * next retry time (0: none); a failure is only logged. */
void      aisle_outbox_db_update       (sqlite3                 *db,
                                        const AisleOutboxEntry  *entry,
                                        const char              *json,
                                        gint64                   next_attempt_ms);

/* Calls @func for every order, oldest first. */
void      aisle_outbox_db_foreach      (sqlite3                 *db,
                                        void                   (*func) (const AisleOutboxEntry *entry,
                                                                        gpointer                user_data),
                                        gpointer                 user_data);

/* The pending order to send first, when it is due: fills @entry (clear it
 * after) and @json. Otherwise FALSE, with @wait_until set to when the next
 * one is due (0: none waiting). */
gboolean  aisle_outbox_db_next_due     (sqlite3                 *db,
                                        gint64                   now_ms,
                                        AisleOutboxEntry        *entry,
                                        char                   **json,
                                        gint64                  *wait_until);

/* Brings every waiting order's retry time forward to now. */
void      aisle_outbox_db_make_all_due (sqlite3                 *db);

G_END_DECLS
