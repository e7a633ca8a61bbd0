/* aisle-outbox.h: orders kept on disk until the store has them
 *
 * An order is written to a SQLite database (WAL, synchronous=FULL) before the
 * shopper sees "ordered"; a sender thread then hands it to the store backend
 * and retries network errors, timeouts and 5xx answers with backoff, forever,
 * until the store accepts or rejects it. After a crash or power cut the
 * orders still pending are sent on the next start; the order's id is its
 * Idempotency-Key, so a repeat is harmless. Once accepted, the contact and
 * address are removed from the saved copy.
 *
 * Nothing here blocks the main loop: saves run on a writer thread, sending on
 * a sender thread, each with its own connection.
 */
#pragma once

#include <gio/gio.h>

#include "aisle-submit-result.h"

G_BEGIN_DECLS

typedef enum
{
  AISLE_ORDER_PENDING,    /* saved, not yet accepted: being sent, or waiting to retry */
  AISLE_ORDER_ACCEPTED,   /* the store has it: order number and pickup code known */
  AISLE_ORDER_REJECTED,   /* the store said no (4xx): the reason is kept */
} AisleOrderState;

/* Called on the sender thread with the order's id and JSON; must fill
 * @result. May block (it is the network). */
typedef void (*AisleOutboxSubmitFunc) (const char        *id,
                                       const char        *json,
                                       AisleSubmitResult *result,
                                       gpointer           user_data);

typedef struct
{
  char            *id;
  AisleOrderState  state;
  guint            attempts;
  gint64           created_at;      /* unix seconds */
  char            *order_number;
  char            *pickup_code;
  char            *last_error;
} AisleOutboxEntry;

void aisle_outbox_entry_free  (AisleOutboxEntry *entry);
/* Frees what @entry holds, not @entry itself. */
void aisle_outbox_entry_clear (AisleOutboxEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleOutboxEntry, aisle_outbox_entry_free)

#define AISLE_TYPE_OUTBOX (aisle_outbox_get_type ())

G_DECLARE_FINAL_TYPE (AisleOutbox, aisle_outbox, AISLE, OUTBOX, GObject)

/* Opens (creating if needed) the database at @path on the writer thread and
 * starts the sender; @submit is called for each order due. @retry_base_ms is
 * the first retry delay (doubling up to 15 minutes); 0 means 30 s. */
AisleOutbox *aisle_outbox_new          (const char            *path,
                                        AisleOutboxSubmitFunc  submit,
                                        gpointer               submit_data,
                                        GDestroyNotify         submit_data_free,
                                        guint                  retry_base_ms);

/* Completes once the order is on disk (committed, synced), never before. */
void         aisle_outbox_save_async   (AisleOutbox           *self,
                                        const char            *id,
                                        const char            *json,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
gboolean     aisle_outbox_save_finish  (AisleOutbox           *self,
                                        GAsyncResult          *result,
                                        GError               **error);

/* Wakes the sender: send what is waiting now, not at its retry time. */
void         aisle_outbox_send_now     (AisleOutbox           *self);

/* Stops sending and closes the database; pending orders stay on disk. */
void         aisle_outbox_close        (AisleOutbox           *self);

/* The last known state of an order, from the sender's reports; NULL when
 * the outbox has not seen it. */
AisleOutboxEntry *aisle_outbox_lookup  (AisleOutbox           *self,
                                        const char            *id);

/* Orders not yet accepted nor rejected. */
guint        aisle_outbox_count_pending (AisleOutbox          *self);

/* What staff see of this kiosk's orders */

/* Orders created at @since (unix seconds) or later, oldest first: an array
 * of AisleOutboxEntry. Known once the sender has read the database. */
GPtrArray   *aisle_outbox_list_since   (AisleOutbox           *self,
                                        gint64                 since);
/* When the oldest order still waiting was created (unix seconds); 0 when
 * none waits. */
gint64       aisle_outbox_get_oldest_pending (AisleOutbox     *self);

/* The order book keeps what staff need, not more: deletes accepted and
 * rejected orders created more than @days days ago (order-book-days).
 * Orders still waiting are kept whatever their age. Runs on the writer
 * thread; @n_removed says how many went. */
void         aisle_outbox_prune_async  (AisleOutbox           *self,
                                        guint                  days,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
gboolean     aisle_outbox_prune_finish (AisleOutbox           *self,
                                        GAsyncResult          *result,
                                        guint                 *n_removed,
                                        GError               **error);

G_END_DECLS
