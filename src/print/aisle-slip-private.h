/* aisle-slip-private.h: what a slip holds, for the files that build and read it
 *
 * Shared by aisle-slip.c (building from the list), aisle-slip-ticket.c
 * (a check-in ticket) and aisle-slip-json.c (writing and reading it back); nothing else may see inside a slip, which
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

/* For the files that build slips: a new empty one with its id, and the
 * texts every slip starts with (shop, store, date). */
AisleSlip *aisle_slip_begin        (AisleLanguage  language,
                                    GDateTime     *now);
void       aisle_slip_build_header (AisleSlip     *self,
                                    AisleCatalog  *catalog,
                                    AisleStock    *stock,
                                    AisleLanguage  language,
                                    GDateTime     *now);
void       aisle_slip_set_text     (AisleSlip     *self,
                                    AisleSlipText  text,
                                    const char    *value);
void       aisle_slip_take_text    (AisleSlip     *self,
                                    AisleSlipText  text,
                                    char          *value);

G_END_DECLS
