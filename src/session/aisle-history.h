/* aisle-history.h: where the shopper has been, for Back
 *
 * One step per page the shopper went to, the last on screen. Products and
 * categories are kept by id, not by index: a refresh may renumber them.
 * Part of the shopper's session; the shop view shows its last step, and
 * ::changed tells it when that is another one.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  AISLE_PAGE_HOME,
  AISLE_PAGE_CATEGORY,
  AISLE_PAGE_SEARCH,
  AISLE_PAGE_PRODUCT,
  AISLE_PAGE_LIST,
  AISLE_PAGE_CHECKOUT,
  AISLE_PAGE_DONE,
  AISLE_PAGE_SLIP,
  AISLE_PAGE_COLLECT,
} AislePage;

typedef struct
{
  AislePage  page;
  char      *category;   /* AISLE_PAGE_CATEGORY */
  char      *product;    /* AISLE_PAGE_PRODUCT */
  char      *query;      /* AISLE_PAGE_SEARCH */
} AisleStep;

#define AISLE_TYPE_HISTORY (aisle_history_get_type ())

G_DECLARE_FINAL_TYPE (AisleHistory, aisle_history, AISLE, HISTORY, GObject)

/* Empty until the first step: a visit that has not started. */
AisleHistory    *aisle_history_new        (void);
guint            aisle_history_get_length (AisleHistory *self);
/* The step on screen, or NULL while empty. */
const AisleStep *aisle_history_get_top    (AisleHistory *self);
/* A search typed further replaces the search on screen rather than
 * stacking up every keystroke. */
void             aisle_history_push       (AisleHistory *self,
                                           AislePage     page,
                                           const char   *category,
                                           const char   *product,
                                           const char   *query);
/* Drops the step on screen; FALSE (and nothing dropped) when it is the
 * only one. */
gboolean         aisle_history_pop        (AisleHistory *self);
/* Back to the home page alone: a new visit. */
void             aisle_history_reset      (AisleHistory *self);
/* Goes to @page unless it is on screen already. */
void             aisle_history_show       (AisleHistory *self,
                                           AislePage     page);
/* Drops the step on screen if it is @page; FALSE if it was not. */
gboolean         aisle_history_leave      (AisleHistory *self,
                                           AislePage     page);

G_END_DECLS
