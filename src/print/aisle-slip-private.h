/* aisle-slip-private.h: what a slip holds, for the files that build and read it
 *
 * Shared by aisle-slip.c (building from the list) and aisle-slip-json.c
 * (writing and reading it back); nothing else may see inside a slip, which
 * never changes once made.
 */
#pragma once

#include "aisle-slip.h"

G_BEGIN_DECLS

struct _AisleSlip
{
  GObject    parent_instance;

  char      *id;
  char      *language;
  GDateTime *created_at;
  char      *texts[AISLE_SLIP_N_TEXTS];
  gboolean   has_order;
  char      *order_number;
  GArray    *pick;     /* AisleSlipPickRow, strings owned */
  GArray    *serve;    /* AisleSlipServeRow, strings owned */
  GArray    *totals;   /* AisleSlipTotal, strings owned */
};

G_END_DECLS
