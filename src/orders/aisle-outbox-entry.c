/* aisle-outbox-entry.c: what the outbox knows of one order, for staff and the confirmation */
#include "config.h"

#include "aisle-outbox-private.h"

void
aisle_outbox_entry_clear (AisleOutboxEntry *entry)
{
  g_clear_pointer (&entry->id, g_free);
  g_clear_pointer (&entry->order_number, g_free);
  g_clear_pointer (&entry->pickup_code, g_free);
  g_clear_pointer (&entry->last_error, g_free);
}

void
aisle_outbox_entry_free (AisleOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  aisle_outbox_entry_clear (entry);
  g_free (entry);
}

AisleOutboxEntry *
aisle_outbox_entry_copy (const AisleOutboxEntry *entry)
{
  AisleOutboxEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->id = g_strdup (entry->id);
  copy->order_number = g_strdup (entry->order_number);
  copy->pickup_code = g_strdup (entry->pickup_code);
  copy->last_error = g_strdup (entry->last_error);
  return copy;
}
