/* fuzz-slip.c: a print job's slip file as read back from the print queue */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <stdlib.h>

#include "aisle-slip.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AisleSlip) slip = NULL;
  g_autoptr(AisleSlip) again = NULL;
  g_autofree char *json = NULL;

  if (size > G_MAXSSIZE)
    return 0;
  slip = aisle_slip_new_from_json ((const char *)data, (gssize)size, NULL);
  if (slip == NULL)
    return 0;

  for (guint i = 0; i < aisle_slip_get_n_pick_rows (slip); i++)
    aisle_slip_get_pick_row (slip, i);
  for (guint i = 0; i < aisle_slip_get_n_serve_rows (slip); i++)
    aisle_slip_get_serve_row (slip, i);
  for (guint i = 0; i < aisle_slip_get_n_totals (slip); i++)
    aisle_slip_get_total (slip, i);

  /* What was read, written again, must read back. */
  json = aisle_slip_to_json (slip);
  again = aisle_slip_new_from_json (json, -1, NULL);
  if (again == NULL)
    abort ();
  return 0;
}
