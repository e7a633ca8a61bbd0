/* aisle-collect-page.h: collecting an order placed online
 *
 * The shopper finds their online order by number and contact (or a scanned
 * order link), sees its lines and state, and checks in with "I'm here":
 * a queue number on screen and on a printed ticket. Shows the session's
 * AisleCollect and follows it; nothing of the shopper stays here once the
 * session forgets them.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-session.h"

G_BEGIN_DECLS

#define AISLE_TYPE_COLLECT_PAGE (aisle_collect_page_get_type ())
G_DECLARE_FINAL_TYPE (AisleCollectPage, aisle_collect_page, AISLE, COLLECT_PAGE, GtkWidget)

void     aisle_collect_page_set_session  (AisleCollectPage *self,
                                          AisleSession     *session);
/* A scanned order link or number: with a pickup code, the order is looked
 * up at once; without, the number waits for the shopper's contact. */
void     aisle_collect_page_open         (AisleCollectPage *self,
                                          const char       *number,
                                          const char       *pickup_code);
/* Empties what was typed, for the next shopper. */
void     aisle_collect_page_clear        (AisleCollectPage *self);
void     aisle_collect_page_set_portrait (AisleCollectPage *self,
                                          gboolean          portrait);

G_END_DECLS
