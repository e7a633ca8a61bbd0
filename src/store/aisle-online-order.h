/* aisle-online-order.h: an order placed online, as the store tells the kiosk about it
 *
 * A shopper who ordered online collects the order at the kiosk: the kiosk
 * looks it up by number and contact, shows its lines and state, and checks
 * the shopper in (docs/order-protocol.md, "Online orders at the kiosk").
 * These are the store's answers, read with limits: they come from the
 * network and reach the screen and a printed ticket. Unknown members are
 * ignored; a member of the wrong type, an unknown state or a value over its
 * limit makes the whole answer invalid.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AISLE_ONLINE_ORDER_MAX_BYTES  (1024 * 1024)
#define AISLE_ONLINE_ORDER_MAX_LINES  200
#define AISLE_ONLINE_ORDER_MAX_TEXT   200    /* characters of a name, a desk… */
#define AISLE_ONLINE_ORDER_MAX_ID     100

#define AISLE_ONLINE_ORDER_MAX_NUMBER 40   /* bytes of an order number */
#define AISLE_PICKUP_CODE_MIN 6            /* letters and digits, without spaces and hyphens */
#define AISLE_PICKUP_CODE_MAX 32

#define AISLE_ONLINE_ORDER_ERROR (aisle_online_order_error_quark ())

/* Why a look-up or a check-in did not work. The message is the store's,
 * for the log; the shopper's sentence comes from the code. */
typedef enum
{
  AISLE_ONLINE_ORDER_ERROR_NOT_FOUND,       /* no such number, or the contact does not match */
  AISLE_ONLINE_ORDER_ERROR_TOO_MANY_TRIES,  /* the store or the kiosk paused look-ups */
  AISLE_ONLINE_ORDER_ERROR_NOT_NOW,         /* check-in refused: not ready, elsewhere, collected, cancelled */
  AISLE_ONLINE_ORDER_ERROR_UNAVAILABLE,     /* no answer, or not one the kiosk can read */
  AISLE_ONLINE_ORDER_ERROR_NOT_RETURNABLE,  /* a return refused: outside the window, too many */
} AisleOnlineOrderError;

GQuark            aisle_online_order_error_quark  (void);

typedef enum
{
  AISLE_ONLINE_ORDER_READY,            /* waiting at this store's pickup desk */
  AISLE_ONLINE_ORDER_PREPARING,        /* not ready yet */
  AISLE_ONLINE_ORDER_AT_OTHER_STORE,   /* to be collected at another store */
  AISLE_ONLINE_ORDER_COLLECTED,
  AISLE_ONLINE_ORDER_CANCELLED,
} AisleOnlineOrderState;

typedef struct
{
  char  *id;
  char  *article;       /* may be NULL */
  char  *name;
  guint  quantity;      /* 1 to 9999 */
  guint  returned;      /* already returned or asked back, up to quantity */
  char  *return_until;  /* last day to return it, "2027-01-04"; NULL: never */
} AisleOnlineOrderLine;

typedef struct
{
  char      *queue_number;        /* "A17" */
  char      *wait_at;             /* "Pickup desk, entrance B"; may be NULL */
  GDateTime *checked_in_at;       /* may be NULL */
  int        estimated_minutes;   /* -1 when not said */
} AisleCheckIn;

typedef struct
{
  char                  *id;             /* the store's, for check-in */
  char                  *number;         /* as printed for the shopper */
  AisleOnlineOrderState  state;
  GDateTime             *placed_at;      /* may be NULL */
  char                  *customer;       /* how to greet; may be NULL */
  char                  *store_id;       /* where to collect it; may be NULL */
  char                  *store_name;     /* may be NULL */
  char                  *desk;           /* may be NULL */
  char                  *keep_until;     /* "2026-12-13"; may be NULL */
  GPtrArray             *lines;          /* AisleOnlineOrderLine, at least one */
  gint64                 total;          /* minor units (cents); -1 when not said */
  char                  *currency;       /* "EUR", with the total */
  AisleCheckIn          *check_in;       /* NULL until checked in */
} AisleOnlineOrder;

/* Why a shopper brings something back, as the protocol writes it. */
typedef enum
{
  AISLE_RETURN_CHANGED_MIND,
  AISLE_RETURN_DAMAGED,
  AISLE_RETURN_WRONG_ITEM,
  AISLE_RETURN_NOT_AS_DESCRIBED,
  AISLE_RETURN_OTHER,
  AISLE_N_RETURN_REASONS
} AisleReturnReason;

/* What a line allows: returned up to how many, or why not. */
typedef enum
{
  AISLE_LINE_RETURNABLE,
  AISLE_LINE_ALL_RETURNED,
  AISLE_LINE_WINDOW_OVER,
  AISLE_LINE_NOT_RETURNABLE,   /* no window: never, or not collected yet */
} AisleLineReturn;

/* The return request the kiosk sends: lines by id with a quantity. */
typedef struct
{
  char              *order_id;
  AisleReturnReason  reason;
  GPtrArray         *lines;   /* AisleOnlineOrderLine: id and quantity */
  char              *key;     /* Idempotency-Key: the same request, the same return */
} AisleReturnRequest;

/* The store's answer: the return to bring to the desk. */
typedef struct
{
  char      *id;
  char      *number;       /* "R-2041", for the slip and the desk */
  char      *desk;         /* may be NULL */
  GDateTime *created_at;   /* may be NULL */
  GPtrArray *lines;        /* AisleOnlineOrderLine: id, name, quantity */
  gint64     refund;       /* minor units; -1 when not said */
  char      *currency;     /* with the refund */
} AisleReturn;

/* {"order": ORDER}, the answer to a look-up. AISLE_ERROR_INVALID_DATA
 * (or TOO_LARGE) when it is not one. */
AisleOnlineOrder *aisle_online_order_parse        (GBytes                *body,
                                                   GError               **error);
/* {"check_in": CHECK_IN}, the answer to a check-in. */
AisleCheckIn     *aisle_check_in_parse            (GBytes                *body,
                                                   GError               **error);

/* {"return": RETURN}, the answer to a return request. */
AisleReturn      *aisle_return_parse              (GBytes                *body,
                                                   GError               **error);

/* How many of @line may be returned on @today ("2026-12-07"), and why it
 * is none. Only a collected order's lines come back. */
guint             aisle_online_order_line_returnable (const AisleOnlineOrder     *order,
                                                      const AisleOnlineOrderLine *line,
                                                      const char                 *today,
                                                      AisleLineReturn            *why);
const char       *aisle_return_reason_to_string   (AisleReturnReason      reason);

/* A request for @order_id with a fresh key; add lines with
 * aisle_return_request_add(). */
AisleReturnRequest *aisle_return_request_new      (const char            *order_id,
                                                   AisleReturnReason      reason);
void              aisle_return_request_add        (AisleReturnRequest    *request,
                                                   const char            *line_id,
                                                   guint                  quantity);
AisleReturnRequest *aisle_return_request_copy     (const AisleReturnRequest *request);
void              aisle_return_request_free       (AisleReturnRequest    *request);
void              aisle_return_free               (AisleReturn           *ret);

/* The state as the protocol writes it ("ready"…), and back; FALSE for an
 * unknown word. */
const char       *aisle_online_order_state_to_string (AisleOnlineOrderState  state);
gboolean          aisle_online_order_state_from_string (const char          *text,
                                                        AisleOnlineOrderState *state);

/* An order link, as the QR code of an order confirmation carries it:
 * http(s)://<shop>/orders/<number>, usually with ?pickup=<code>. TRUE when
 * @text is one, with its number and its pickup code (NULL when it has none
 * that could be one). */
gboolean          aisle_online_order_read_link    (const char            *text,
                                                   char                 **number,
                                                   char                 **pickup_code);
/* An order number as a shopper types or a barcode carries it: 1 to 40
 * letters, digits, spaces, hyphens, dots or underscores, with a digit. */
gboolean          aisle_online_order_is_number    (const char            *text);

void              aisle_online_order_free         (AisleOnlineOrder      *order);
void              aisle_check_in_free             (AisleCheckIn          *check_in);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleOnlineOrder, aisle_online_order_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleCheckIn, aisle_check_in_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleReturn, aisle_return_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AisleReturnRequest, aisle_return_request_free)

G_END_DECLS
