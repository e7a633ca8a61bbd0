/* aisle-slip-ticket.c: what a shopper takes to a desk: the check-in ticket of an online order, or its return slip */
#define G_LOG_DOMAIN "aisle-slip"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-money.h"
#include "aisle-slip-private.h"

/* Where to wait and for how long, one sentence a line. */
static char *
describe_wait (const AisleOnlineOrder *order)
{
  const AisleCheckIn *check_in = order->check_in;
  GString *text = g_string_new (NULL);
  const char *where = check_in->wait_at ? check_in->wait_at : order->desk;

  if (where != NULL)
    /* Translators: on the check-in ticket; %s is a place in the store, e.g. "Pickup desk, entrance B". */
    g_string_append_printf (text, _("Please wait at: %s"), where);
  if (check_in->estimated_minutes >= 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              /* Translators: on the check-in ticket and screen. */
                              ngettext ("We bring your order in about %d minute.",
                                           "We bring your order in about %d minutes.", check_in->estimated_minutes),
                              check_in->estimated_minutes);
    }
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, _("Pay at the pickup desk if you have not paid online."));
  return g_string_free (text, FALSE);
}

static void
add_lines (AisleSlip              *self,
           const AisleOnlineOrder *order)
{
  for (guint i = 0; i < order->lines->len; i++)
    {
      const AisleOnlineOrderLine *line = g_ptr_array_index (order->lines, i);
      AisleSlipServeRow row = {
        .article = g_strdup (line->article ? line->article : ""),
        .name = g_strdup (line->name),
        .how = g_strdup (""),
        .quantity = line->quantity,
        .amount = g_strdup (""),
      };

      g_array_append_val (self->serve, row);
    }
  aisle_slip_set_text (self, AISLE_SLIP_SERVE_HEADING, _("In your order"));
}

AisleSlip *
aisle_slip_new_for_check_in (const AisleOnlineOrder *order,
                             AisleCatalog           *catalog,
                             AisleStock             *stock,
                             AisleLanguage           language,
                             GDateTime              *now)
{
  g_autoptr(AisleSlip) self = NULL;

  g_return_val_if_fail (order != NULL && order->check_in != NULL, NULL);
  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (language < AISLE_N_LANGUAGES_ENUM, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = aisle_slip_begin (language, now);
  aisle_slip_build_header (self, catalog, stock, language, now);

  self->has_order = TRUE;
  self->order_number = g_strdup (order->number);
  aisle_slip_take_text (self, AISLE_SLIP_ORDER_TITLE, g_strdup_printf (_("Order %s"), order->number));
  aisle_slip_set_text (self, AISLE_SLIP_PICKUP_LABEL, _("Your queue number"));
  aisle_slip_set_text (self, AISLE_SLIP_PICKUP_CODE, order->check_in->queue_number);
  aisle_slip_take_text (self, AISLE_SLIP_FULFILLMENT, describe_wait (order));
  /* Staff at the desk scan the number into the shop's order system. */
  aisle_slip_set_text (self, AISLE_SLIP_ORDER_URL, order->number);
  aisle_slip_set_text (self, AISLE_SLIP_ORDER_CAPTION, _("Show this ticket at the pickup desk"));

  add_lines (self, order);
  if (order->total >= 0 && order->currency != NULL)
    {
      AisleSlipTotal total = {
        g_strdup (_("Total")),
        aisle_money_format (order->total, order->currency, aisle_language_get_code (language)),
        TRUE,
      };

      g_array_append_val (self->totals, total);
    }

  return g_steal_pointer (&self);
}

const char *
aisle_slip_reason_label (AisleReturnReason reason)
{
  switch (reason)
    {
    case AISLE_RETURN_CHANGED_MIND: return _("I changed my mind");
    case AISLE_RETURN_DAMAGED: return _("It arrived damaged");
    case AISLE_RETURN_WRONG_ITEM: return _("I got the wrong item");
    case AISLE_RETURN_NOT_AS_DESCRIBED: return _("It is not as described");
    case AISLE_RETURN_OTHER:
    case AISLE_N_RETURN_REASONS:
    default: return _("Another reason");
    }
}

static char *
describe_return (const AisleReturn *ret,
                 AisleReturnReason  reason,
                 AisleLanguage      language)
{
  GString *text = g_string_new (NULL);

  if (ret->desk != NULL)
    /* Translators: on the return slip; %s is a place in the store, e.g. "Returns desk, entrance A". */
    g_string_append_printf (text, _("Bring the items and this slip to: %s"), ret->desk);
  else
    g_string_append (text, _("Bring the items and this slip to the returns desk."));
  g_string_append_c (text, '\n');
  /* Translators: on the return slip; %s is the reason the shopper chose. */
  g_string_append_printf (text, _("Reason: %s"), aisle_slip_reason_label (reason));
  if (ret->refund >= 0 && ret->currency != NULL)
    {
      g_autofree char *amount = aisle_money_format (ret->refund, ret->currency, aisle_language_get_code (language));

      g_string_append_c (text, '\n');
      /* Translators: on the return slip; %s is an amount. */
      g_string_append_printf (text, _("Refund at the desk: %s, once staff have checked the items."), amount);
    }
  return g_string_free (text, FALSE);
}

AisleSlip *
aisle_slip_new_for_return (const AisleOnlineOrder *order,
                           const AisleReturn      *ret,
                           AisleReturnReason       reason,
                           AisleCatalog           *catalog,
                           AisleStock             *stock,
                           AisleLanguage           language,
                           GDateTime              *now)
{
  g_autoptr(AisleSlip) self = NULL;

  g_return_val_if_fail (order != NULL && ret != NULL, NULL);
  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (language < AISLE_N_LANGUAGES_ENUM, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = aisle_slip_begin (language, now);
  aisle_slip_build_header (self, catalog, stock, language, now);

  self->has_order = TRUE;
  self->order_number = g_strdup (order->number);
  /* Translators: the heading of a return slip; %s is the online order's number. */
  aisle_slip_take_text (self, AISLE_SLIP_ORDER_TITLE, g_strdup_printf (_("Return for order %s"), order->number));
  aisle_slip_set_text (self, AISLE_SLIP_PICKUP_LABEL, _("Your return number"));
  aisle_slip_set_text (self, AISLE_SLIP_PICKUP_CODE, ret->number);
  aisle_slip_take_text (self, AISLE_SLIP_FULFILLMENT, describe_return (ret, reason, language));
  /* The returns desk scans the return's number. */
  aisle_slip_set_text (self, AISLE_SLIP_ORDER_URL, ret->number);
  aisle_slip_set_text (self, AISLE_SLIP_ORDER_CAPTION, _("Show this slip at the returns desk"));

  for (guint i = 0; i < ret->lines->len; i++)
    {
      const AisleOnlineOrderLine *line = g_ptr_array_index (ret->lines, i);
      const char *article = "";
      AisleSlipServeRow row = { 0 };

      for (guint j = 0; j < order->lines->len; j++)
        {
          const AisleOnlineOrderLine *known = g_ptr_array_index (order->lines, j);

          if (g_str_equal (known->id, line->id) && known->article != NULL)
            article = known->article;
        }
      row.article = g_strdup (article);
      row.name = g_strdup (line->name);
      row.how = g_strdup ("");
      row.quantity = line->quantity;
      row.amount = g_strdup ("");
      g_array_append_val (self->serve, row);
    }
  aisle_slip_set_text (self, AISLE_SLIP_SERVE_HEADING, _("To return"));

  return g_steal_pointer (&self);
}
