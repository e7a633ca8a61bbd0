/* aisle-slip.h: the printed slip as a plain document, before any printer sees it
 *
 * A slip is built once from the shopping list (and the order, if there is
 * one) with every text made there and then, in the shopper's language, and
 * never changes afterwards: a reprint tomorrow, after a language switch or
 * a catalog refresh, looks the same. The ESC/POS, PDF, CUPS and on-screen
 * renderers only lay out what the slip holds. Being immutable, a slip may be
 * read from any thread.
 */
#pragma once

#include <glib-object.h>
#include <json-c/json.h>

#include "aisle-catalog.h"
#include "aisle-online-order.h"
#include "aisle-shopping-list.h"
#include "aisle-stock.h"

G_BEGIN_DECLS

/* What the caller knows about the order the slip is for. */
typedef struct
{
  const char *number;        /* order number, NULL while the order is not yet accepted */
  const char *pickup_code;   /* may be NULL */
  const char *reference;     /* the QR payload for the order (a URL); never NULL */
  const char *fulfillment;   /* already translated, may span lines */
  gboolean    pending;       /* saved on the kiosk, will be sent: the slip says so */
  gint64      fees;          /* minor units, in the catalog's currency */
  gint64      discount;      /* a coupon's, minor units; 0: none */
  const char *coupon;        /* its code, with the discount */
} AisleSlipOrder;

/* The texts of a slip; "" where the slip has none (e.g. no order). */
typedef enum
{
  AISLE_SLIP_SHOP,            /* the shop's name: "Casa Nord" */
  AISLE_SLIP_STORE,           /* the store the kiosk stands in: "Casa Nord Milano" */
  AISLE_SLIP_DATE,            /* "20.11.2026 09:30" */
  AISLE_SLIP_ORDER_TITLE,     /* "Order CN-000123", or "Your order" before it has a number */
  AISLE_SLIP_PICKUP_LABEL,    /* "Pickup code" */
  AISLE_SLIP_PICKUP_CODE,     /* "4821" */
  AISLE_SLIP_FULFILLMENT,     /* pickup or delivery details; may span lines */
  AISLE_SLIP_PENDING,         /* the line saying the order is still to be sent */
  AISLE_SLIP_ORDER_URL,       /* the order's QR payload */
  AISLE_SLIP_ORDER_CAPTION,   /* under the order's QR code */
  AISLE_SLIP_PICK_HEADING,    /* "Pick it yourself" */
  AISLE_SLIP_PICK_SUMMARY,    /* "5 boxes to take from the self-serve area, in walking order" */
  AISLE_SLIP_AISLE_LABEL,     /* "Aisle" */
  AISLE_SLIP_SHELF_LABEL,     /* "Shelf" */
  AISLE_SLIP_SERVE_HEADING,   /* "We prepare it for you" */
  AISLE_SLIP_SERVE_NOTE,      /* how the full-serve part works */
  AISLE_SLIP_PHONE_URL,       /* the list in the online shop, for a phone */
  AISLE_SLIP_PHONE_CAPTION,   /* under the phone QR code */
  AISLE_SLIP_N_TEXTS
} AisleSlipText;

/* One box to take in the self-serve area, in walking order. */
typedef struct
{
  const char *article;        /* "201.334.50" */
  const char *name;           /* the short name */
  const char *box;            /* "One box", "Box 1 of 2: Frame" */
  guint       quantity;       /* of the article on the list */
  guint       boxes;          /* how many of this box to take */
  const char *aisle;          /* NULL when the store does not know */
  const char *shelf;          /* NULL when the store does not know */
} AisleSlipPickRow;

/* One line that staff prepare: full-serve, for delivery, or asked prepared. */
typedef struct
{
  const char *article;
  const char *name;
  const char *how;            /* "Collected at the full-serve desk", … */
  guint       quantity;
  const char *amount;         /* the line's price, formatted */
} AisleSlipServeRow;

typedef struct
{
  const char *label;          /* "Pick it yourself", "Total", … */
  const char *amount;         /* formatted */
  gboolean    grand;          /* the grand total: the last row, printed bigger */
} AisleSlipTotal;

/* Limits on what a slip read back from disk may hold. */
#define AISLE_SLIP_MAX_ROWS        1000
#define AISLE_SLIP_MAX_TEXT_BYTES  4096
#define AISLE_SLIP_MAX_JSON_BYTES  (4 * 1024 * 1024)

#define AISLE_TYPE_SLIP (aisle_slip_get_type ())

G_DECLARE_FINAL_TYPE (AisleSlip, aisle_slip, AISLE, SLIP, GObject)

/* Builds the slip for @list. Catalog texts and amounts are in @language;
 * the slip's own words come from gettext in the current language, so pass
 * aisle_language_get_current(). @now is shown in its own time zone. Lines
 * whose product the catalog no longer has are left out. Call on the main
 * thread (gettext follows LANGUAGE, which the kiosk switches there). */
AisleSlip   *aisle_slip_new_for_list      (AisleShoppingList    *list,
                                           AisleCatalog         *catalog,
                                           AisleStock           *stock,
                                           AisleLanguage         language,
                                           GDateTime            *now,
                                           const AisleSlipOrder *order);

/* The ticket of a check-in for an online order, which must be checked in:
 * its queue number large, where to wait, the order's lines, and a QR code
 * of the order number for the pickup desk. Words from gettext in the
 * current language, as for a list. */
AisleSlip   *aisle_slip_new_for_check_in  (const AisleOnlineOrder *order,
                                           AisleCatalog         *catalog,
                                           AisleStock           *stock,
                                           AisleLanguage         language,
                                           GDateTime            *now);

/* The slip of a return request: its number large, where to bring the
 * items, the reason, the refund, the lines, and a QR code of the return's
 * number for the returns desk. */
AisleSlip   *aisle_slip_new_for_return    (const AisleOnlineOrder *order,
                                           const AisleReturn    *ret,
                                           AisleReturnReason     reason,
                                           AisleCatalog         *catalog,
                                           AisleStock           *stock,
                                           AisleLanguage         language,
                                           GDateTime            *now);
/* Why the shopper brings it back, in words (gettext, current language). */
const char  *aisle_slip_reason_label      (AisleReturnReason     reason);

/* A unique name made at build time from the date and a random part:
 * "20261120-093000-3fa2c81d". Only [0-9A-Za-z-] so it can name files. */
const char  *aisle_slip_get_id            (AisleSlip            *self);
/* "en", "it", "de" or "es". */
const char  *aisle_slip_get_language      (AisleSlip            *self);
GDateTime   *aisle_slip_get_created_at    (AisleSlip            *self);
const char  *aisle_slip_get_text          (AisleSlip            *self,
                                           AisleSlipText         text);
gboolean     aisle_slip_has_order         (AisleSlip            *self);
/* The order number as given, or NULL (for staff's job list). */
const char  *aisle_slip_get_order_number  (AisleSlip            *self);

guint                    aisle_slip_get_n_pick_rows  (AisleSlip *self);
const AisleSlipPickRow  *aisle_slip_get_pick_row     (AisleSlip *self,
                                                      guint      nth);
guint                    aisle_slip_get_n_serve_rows (AisleSlip *self);
const AisleSlipServeRow *aisle_slip_get_serve_row    (AisleSlip *self,
                                                      guint      nth);
guint                    aisle_slip_get_n_totals     (AisleSlip *self);
const AisleSlipTotal    *aisle_slip_get_total        (AisleSlip *self,
                                                      guint      nth);

/* JSON, to keep a job on disk and print it again (format "aisle-slip",
 * version 1). Reading refuses anything malformed or over the limits above
 * with AISLE_ERROR_INVALID_DATA; it never trusts the file. */
json_object *aisle_slip_to_json_object    (AisleSlip            *self);
AisleSlip   *aisle_slip_new_from_json_object (json_object       *object,
                                              GError           **error);
char        *aisle_slip_to_json           (AisleSlip            *self);
AisleSlip   *aisle_slip_new_from_json     (const char           *json,
                                           gssize                length,
                                           GError              **error);

G_END_DECLS
