/* aisle-outbox-private.h: inside the outbox, for its sender thread
 *
 * aisle-outbox.c keeps the object, the writer thread and what staff see;
 * aisle-outbox-sender.c sends waiting orders and retries. Private to
 * src/orders/.
 */
#pragma once

#include "aisle-outbox.h"

G_BEGIN_DECLS

struct _AisleOutbox
{
  GObject                parent_instance;

  char                  *path;
  GMainContext          *context;      /* where "order-changed" is emitted */
  AisleOutboxSubmitFunc  submit;
  gpointer               submit_data;
  GDestroyNotify         submit_data_free;
  guint                  retry_base_ms;
  /* How the sender thread tells the object about an order (from any
   * thread; a copy goes to the owner's main context). */
  void                 (*report)       (AisleOutbox            *self,
                                        const AisleOutboxEntry *entry);

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

static inline gint64
aisle_outbox_now_ms (void)
{
  return g_get_real_time () / 1000;
}

/* A copy of @entry, (transfer full). */
AisleOutboxEntry *aisle_outbox_entry_copy (const AisleOutboxEntry *entry);

/* The sender thread's function; @data is the outbox. */
gpointer aisle_outbox_sender_thread (gpointer                data);

G_END_DECLS
