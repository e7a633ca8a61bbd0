/* aisle-checkout.c: the order a shopper is putting together: lines, pickup or
 * delivery, window, contact and totals
 */
#define G_LOG_DOMAIN "aisle-checkout"

#include "config.h"

#include <glib/gi18n.h>

#include "aisle-checkout-private.h"

/* Pickup slots are two hours; a slot shorter than one hour at closing time
 * is not offered. */
#define PICKUP_SLOT_MINUTES     120
#define PICKUP_MIN_SLOT_MINUTES 60
/* How far ahead windows are looked for: two weeks covers a store open one
 * day a week and a long delivery lead. */
#define WINDOW_HORIZON_DAYS     21


G_DEFINE_FINAL_TYPE (AisleCheckout, aisle_checkout, G_TYPE_OBJECT)

const char * const aisle_checkout_address_fields[5] = { "name", "street", "postcode", "city", "country" };
const char * const aisle_checkout_contact_fields[3] = { "name", "email", "phone" };

static void
line_clear (AisleCheckoutLine *line)
{
  g_free ((char *) line->product_id);
}

static void
aisle_checkout_finalize (GObject *object)
{
  AisleCheckout *self = AISLE_CHECKOUT (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->pickup_stock);
  g_clear_pointer (&self->lines, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->address); i++)
    g_free (self->address[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->contact); i++)
    g_free (self->contact[i]);
  g_clear_pointer (&self->coupon, aisle_coupon_free);

  G_OBJECT_CLASS (aisle_checkout_parent_class)->finalize (object);
}

static void
aisle_checkout_class_init (AisleCheckoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_checkout_finalize;
}

static void
aisle_checkout_init (AisleCheckout *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (AisleCheckoutLine));
  g_array_set_clear_func (self->lines, (GDestroyNotify) line_clear);
}

AisleCheckout *
aisle_checkout_new (AisleShoppingList *list,
                    AisleCatalog      *catalog,
                    const char        *home_store)
{
  AisleCheckout *self;

  g_return_val_if_fail (AISLE_IS_SHOPPING_LIST (list), NULL);
  g_return_val_if_fail (AISLE_IS_CATALOG (catalog), NULL);

  self = g_object_new (AISLE_TYPE_CHECKOUT, NULL);
  self->catalog = g_object_ref (catalog);

  for (guint i = 0; i < aisle_shopping_list_get_n_lines (list); i++)
    {
      const AisleListLine *list_line = aisle_shopping_list_get_line (list, i);
      AisleCheckoutLine line = { 0 };

      if (aisle_shopping_list_is_picked (list, catalog, i))
        continue;
      line.product = aisle_catalog_find_by_id (catalog, list_line->product_id);
      if (line.product == AISLE_CATALOG_NO_INDEX)
        continue;
      line.product_id = g_strdup (list_line->product_id);
      line.quantity = list_line->quantity;
      line.unit_price = aisle_catalog_product_price (catalog, line.product, NULL);
      g_array_append_val (self->lines, line);
    }

  self->home_store = aisle_catalog_find_store (catalog, home_store);
  if (self->home_store == AISLE_CATALOG_NO_INDEX && aisle_catalog_get_n_stores (catalog) > 0)
    self->home_store = 0;
  self->pickup_store = self->home_store;
  self->kind = aisle_checkout_can_deliver (self) && !aisle_checkout_pickup_possible (self)
               ? AISLE_CHECKOUT_DELIVERY : AISLE_CHECKOUT_PICKUP;

  return self;
}

AisleCatalog *
aisle_checkout_get_catalog (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  return self->catalog;
}

guint
aisle_checkout_get_n_lines (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), 0);
  return self->lines->len;
}

const AisleCheckoutLine *
aisle_checkout_get_line (AisleCheckout *self,
                         guint          line)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);
  return &g_array_index (self->lines, AisleCheckoutLine, line);
}

guint
aisle_checkout_get_home_store (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), AISLE_CATALOG_NO_INDEX);
  return self->home_store;
}

AisleCheckoutKind
aisle_checkout_get_kind (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), AISLE_CHECKOUT_PICKUP);
  return self->kind;
}

void
aisle_checkout_set_kind (AisleCheckout     *self,
                         AisleCheckoutKind  kind)
{
  g_return_if_fail (AISLE_IS_CHECKOUT (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  self->window = (AisleTimeWindow) { 0 };
}

gboolean
aisle_checkout_store_info (AisleCheckout  *self,
                           guint           store,
                           AisleStoreInfo *info)
{
  *info = (AisleStoreInfo) { 0 };
  return store != AISLE_CATALOG_NO_INDEX && aisle_catalog_store_info (self->catalog, store, info);
}

gboolean
aisle_checkout_can_deliver (AisleCheckout *self)
{
  AisleStoreInfo info;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), FALSE);
  return aisle_checkout_store_info (self, self->home_store, &info) && info.delivers &&
         aisle_catalog_store_n_delivery_windows (self->catalog, self->home_store) > 0;
}

guint
aisle_checkout_get_pickup_store (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), AISLE_CATALOG_NO_INDEX);
  return self->pickup_store;
}

void
aisle_checkout_set_pickup_store (AisleCheckout *self,
                                 guint          store,
                                 AisleStock    *stock)
{
  g_return_if_fail (AISLE_IS_CHECKOUT (self));
  g_return_if_fail (stock == NULL || AISLE_IS_STOCK (stock));

  /* Stock made for another catalog version would point at other products. */
  if (stock != NULL && aisle_stock_get_catalog (stock) != self->catalog)
    stock = NULL;

  if (self->pickup_store != store)
    self->window = (AisleTimeWindow) { 0 };
  self->pickup_store = store;
  g_set_object (&self->pickup_stock, stock);
}

AisleLineAvailability
aisle_checkout_line_availability (AisleCheckout *self,
                                  guint          line,
                                  gint          *in_stock)
{
  const AisleCheckoutLine *l;
  AisleStockInfo info;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), AISLE_LINE_UNKNOWN);
  g_return_val_if_fail (line < self->lines->len, AISLE_LINE_UNKNOWN);

  l = &g_array_index (self->lines, AisleCheckoutLine, line);
  if (in_stock != NULL)
    *in_stock = AISLE_STOCK_NO_QUANTITY;

  if (aisle_catalog_product_fulfillment (self->catalog, l->product) == AISLE_FULFILLMENT_ONLINE_ONLY)
    return AISLE_LINE_DELIVERY_ONLY;
  if (self->pickup_stock == NULL)
    return AISLE_LINE_UNKNOWN;
  /* The store publishes what it stocks; an article it does not list, it does not have. */
  if (!aisle_stock_lookup (self->pickup_stock, l->product, &info))
    return AISLE_LINE_UNAVAILABLE;

  if (in_stock != NULL)
    *in_stock = info.quantity;
  if (info.quantity == AISLE_STOCK_NO_QUANTITY)
    return info.level == AISLE_STOCK_LEVEL_OUT ? AISLE_LINE_UNAVAILABLE : AISLE_LINE_AVAILABLE;
  if (info.quantity <= 0)
    return AISLE_LINE_UNAVAILABLE;
  return (guint) info.quantity >= l->quantity ? AISLE_LINE_AVAILABLE : AISLE_LINE_SHORT;
}

gboolean
aisle_checkout_pickup_possible (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), FALSE);

  if (self->pickup_store == AISLE_CATALOG_NO_INDEX)
    return FALSE;
  for (guint i = 0; i < self->lines->len; i++)
    {
      AisleLineAvailability a = aisle_checkout_line_availability (self, i, NULL);

      if (a != AISLE_LINE_AVAILABLE && a != AISLE_LINE_UNKNOWN)
        return FALSE;
    }
  return TRUE;
}

/* Windows */

static GTimeZone *
store_timezone (AisleCheckout *self,
                guint          store)
{
  AisleStoreInfo info;
  GTimeZone *tz = NULL;

  if (aisle_checkout_store_info (self, store, &info) && info.timezone != NULL)
    tz = g_time_zone_new_identifier (info.timezone);
  return tz ? tz : g_time_zone_new_local ();
}

static guint
window_store (AisleCheckout *self)
{
  return self->kind == AISLE_CHECKOUT_PICKUP ? self->pickup_store : self->home_store;
}

GTimeZone *
aisle_checkout_window_timezone (AisleCheckout *self)
{
  return store_timezone (self, window_store (self));
}

static gint64
local_time (GTimeZone *tz,
            GDateTime *day,
            guint      minute)
{
  g_autoptr(GDateTime) t = g_date_time_new (tz,
                                            g_date_time_get_year (day),
                                            g_date_time_get_month (day),
                                            g_date_time_get_day_of_month (day),
                                            minute / 60, minute % 60, 0);
  return t ? g_date_time_to_unix (t) : 0;
}

static int
compare_windows (gconstpointer a,
                 gconstpointer b)
{
  const AisleTimeWindow *wa = a, *wb = b;
  return (wa->start > wb->start) - (wa->start < wb->start);
}

/* The windows of one day, sorted. */
static void
day_windows (AisleCheckout *self,
             GTimeZone     *tz,
             GDateTime     *day,
             gint64         earliest,
             GArray        *out)
{
  guint store = window_store (self);
  gboolean pickup = self->kind == AISLE_CHECKOUT_PICKUP;
  guint n = pickup ? aisle_catalog_store_n_hours (self->catalog, store)
                   : aisle_catalog_store_n_delivery_windows (self->catalog, store);
  guint weekday_bit = 1u << g_date_time_get_day_of_week (day);
  guint first = out->len;

  for (guint i = 0; i < n; i++)
    {
      AisleWeeklySpan span;

      if (!(pickup ? aisle_catalog_store_hours (self->catalog, store, i, &span)
                   : aisle_catalog_store_delivery_window (self->catalog, store, i, &span)) ||
          !(span.days & weekday_bit))
        continue;

      if (!pickup)
        {
          AisleTimeWindow w = { local_time (tz, day, span.start_minute), local_time (tz, day, span.end_minute) };

          if (w.start >= earliest && w.end > w.start)
            g_array_append_val (out, w);
          continue;
        }

      for (guint m = span.start_minute; m + PICKUP_MIN_SLOT_MINUTES <= span.end_minute; m += PICKUP_SLOT_MINUTES)
        {
          AisleTimeWindow w = { local_time (tz, day, m),
                                local_time (tz, day, MIN (m + PICKUP_SLOT_MINUTES, span.end_minute)) };

          if (w.start >= earliest && w.end > w.start)
            g_array_append_val (out, w);
        }
    }

  if (out->len > first)
    qsort (&g_array_index (out, AisleTimeWindow, first), out->len - first, sizeof (AisleTimeWindow), compare_windows);
}

GArray *
aisle_checkout_list_windows (AisleCheckout *self,
                             GDateTime     *now,
                             guint          max)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GArray *windows;
  AisleStoreInfo info;
  gint64 earliest;
  guint first_day = 0;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  windows = g_array_new (FALSE, TRUE, sizeof (AisleTimeWindow));
  if (!aisle_checkout_store_info (self, window_store (self), &info))
    return windows;
  if (self->kind == AISLE_CHECKOUT_DELIVERY && !aisle_checkout_can_deliver (self))
    return windows;

  tz = aisle_checkout_window_timezone (self);
  local_now = g_date_time_to_timezone (now, tz);
  earliest = g_date_time_to_unix (now);
  if (self->kind == AISLE_CHECKOUT_PICKUP)
    earliest += (gint64) info.pickup_lead_minutes * 60;
  else
    first_day = info.delivery_lead_days;

  for (guint d = first_day; d < first_day + WINDOW_HORIZON_DAYS && windows->len < max; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (local_now, d);
      day_windows (self, tz, day, earliest, windows);
    }

  if (windows->len > max)
    g_array_set_size (windows, max);
  return windows;
}

const AisleTimeWindow *
aisle_checkout_get_window (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  return self->window.start != 0 ? &self->window : NULL;
}

void
aisle_checkout_set_window (AisleCheckout         *self,
                           const AisleTimeWindow *window)
{
  g_return_if_fail (AISLE_IS_CHECKOUT (self));
  self->window = window ? *window : (AisleTimeWindow) { 0 };
}

static const char * const weekday_names[] = {
  NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
  NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
};

static const char * const month_names[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

/* Day names from our own catalogue: the kiosk switches LANGUAGE, not the
 * C library's LC_TIME, so strftime would answer in the system's language.
 * The NULL domain is textdomain()'s, as _() uses: with a named domain GLib
 * may decide once, in a C locale, never to translate. */
static char *
describe_day (GDateTime *day,
              GDateTime *today)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  int y, m, d, ty, tm, td;

  g_date_time_get_ymd (day, &y, &m, &d);
  g_date_time_get_ymd (today, &ty, &tm, &td);
  if (y == ty && m == tm && d == td)
    return g_strdup (_("Today"));
  g_date_time_get_ymd (tomorrow, &ty, &tm, &td);
  if (y == ty && m == tm && d == td)
    return g_strdup (_("Tomorrow"));

  /* Translators: a short date: weekday, day of the month, month, as in
   * "Sat 21 Nov". Reorder with %1$s, %2$u, %3$s; German: "%1$s, %2$u. %3$s". */
  return g_strdup_printf (C_("date", "%1$s %2$u %3$s"),
                          g_dpgettext2 (NULL, "weekday", weekday_names[g_date_time_get_day_of_week (day) - 1]),
                          (guint) d,
                          g_dpgettext2 (NULL, "month", month_names[m - 1]));
}

char *
aisle_checkout_describe_window (AisleCheckout         *self,
                                const AisleTimeWindow *window,
                                GDateTime             *now)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  g_return_val_if_fail (window != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  tz = aisle_checkout_window_timezone (self);
  {
    g_autoptr(GDateTime) s = g_date_time_new_from_unix_utc (window->start);
    g_autoptr(GDateTime) e = g_date_time_new_from_unix_utc (window->end);

    if (s == NULL || e == NULL)
      return g_strdup ("");
    start = g_date_time_to_timezone (s, tz);
    end = g_date_time_to_timezone (e, tz);
  }
  today = g_date_time_to_timezone (now, tz);
  day = describe_day (start, today);

  /* Translators: a time window: the day, then start and end times, as in
   * "Tomorrow, 08:00–12:00". */
  return g_strdup_printf (_("%s, %02d:%02d–%02d:%02d"), day,
                          g_date_time_get_hour (start), g_date_time_get_minute (start),
                          g_date_time_get_hour (end), g_date_time_get_minute (end));
}

char *
aisle_checkout_describe_fulfillment (AisleCheckout *self,
                                     GDateTime     *now)
{
  g_autofree char *when = NULL;
  AisleStoreInfo info;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  when = self->window.start ? aisle_checkout_describe_window (self, &self->window, now) : g_strdup ("");
  if (self->kind == AISLE_CHECKOUT_PICKUP)
    /* Translators: pickup at a store (%s), then the time window (%s) on the next line. */
    return g_strdup_printf (_("Pickup at %s\n%s"),
                            aisle_checkout_store_info (self, self->pickup_store, &info) ? info.name : "", when);

  /* Translators: the name, street, postcode and town of a delivery, then the window on the next line. */
  return g_strdup_printf (_("Delivery to %s, %s, %s %s\n%s"),
                          self->address[0] ? self->address[0] : "", self->address[1] ? self->address[1] : "",
                          self->address[2] ? self->address[2] : "", self->address[3] ? self->address[3] : "", when);
}

/* Address and contact */

static void
set_fields (char       **fields,
            guint        n,
            const char **values)
{
  for (guint i = 0; i < n; i++)
    {
      g_free (fields[i]);
      fields[i] = values[i] && *values[i] ? g_strdup (values[i]) : NULL;
    }
}

static const char *
get_field (char               **fields,
           const char * const  *names,
           guint                n,
           const char          *field)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], field) == 0)
      return fields[i];
  return NULL;
}

void
aisle_checkout_set_address (AisleCheckout *self,
                            const char    *name,
                            const char    *street,
                            const char    *postcode,
                            const char    *city,
                            const char    *country)
{
  const char *values[] = { name, street, postcode, city, country };

  g_return_if_fail (AISLE_IS_CHECKOUT (self));
  set_fields (self->address, G_N_ELEMENTS (values), values);
}

const char *
aisle_checkout_get_address_field (AisleCheckout *self,
                                  const char    *field)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  return get_field (self->address, aisle_checkout_address_fields, G_N_ELEMENTS (aisle_checkout_address_fields),
                    field);
}

void
aisle_checkout_set_contact (AisleCheckout *self,
                            const char    *name,
                            const char    *email,
                            const char    *phone)
{
  const char *values[] = { name, email, phone };

  g_return_if_fail (AISLE_IS_CHECKOUT (self));
  set_fields (self->contact, G_N_ELEMENTS (values), values);
}

const char *
aisle_checkout_get_contact_field (AisleCheckout *self,
                                  const char    *field)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  return get_field (self->contact, aisle_checkout_contact_fields, G_N_ELEMENTS (aisle_checkout_contact_fields),
                    field);
}

const char *
aisle_checkout_get_country (AisleCheckout *self)
{
  AisleStoreInfo info;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  return aisle_checkout_store_info (self, self->home_store, &info) && info.country ? info.country : "IT";
}

/* Money */

gint64
aisle_checkout_get_items_total (AisleCheckout *self)
{
  gint64 total = 0;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), 0);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const AisleCheckoutLine *l = &g_array_index (self->lines, AisleCheckoutLine, i);
      total += l->unit_price * l->quantity;
    }
  return total;
}

gint64
aisle_checkout_get_fee (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), 0);
  return self->kind == AISLE_CHECKOUT_DELIVERY ? aisle_checkout_get_delivery_fee (self) : 0;
}

gint64
aisle_checkout_get_delivery_fee (AisleCheckout *self)
{
  AisleStoreInfo info;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), 0);
  return aisle_checkout_store_info (self, self->home_store, &info) && info.delivers ? info.delivery_fee : 0;
}

void
aisle_checkout_set_coupon (AisleCheckout     *self,
                           const AisleCoupon *coupon)
{
  g_return_if_fail (AISLE_IS_CHECKOUT (self));

  g_clear_pointer (&self->coupon, aisle_coupon_free);
  self->coupon = aisle_coupon_copy (coupon);
  self->coupon_basis = aisle_checkout_get_items_total (self) + aisle_checkout_get_fee (self);
}

const AisleCoupon *
aisle_checkout_get_coupon (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);

  /* Validated for another order (pickup then, delivery now): it no longer
   * counts, and the shopper applies it again. */
  if (self->coupon == NULL ||
      self->coupon_basis != aisle_checkout_get_items_total (self) + aisle_checkout_get_fee (self) ||
      g_strcmp0 (self->coupon->currency, aisle_checkout_get_currency (self)) != 0)
    return NULL;
  return self->coupon;
}

gint64
aisle_checkout_get_discount (AisleCheckout *self)
{
  const AisleCoupon *coupon;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), 0);

  coupon = aisle_checkout_get_coupon (self);
  if (coupon == NULL)
    return 0;
  return MIN (coupon->discount, aisle_checkout_get_items_total (self) + aisle_checkout_get_fee (self));
}

gint64
aisle_checkout_get_total (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), 0);
  return aisle_checkout_get_items_total (self) + aisle_checkout_get_fee (self) - aisle_checkout_get_discount (self);
}

gboolean
aisle_checkout_get_vat (AisleCheckout *self,
                        gint64        *vat,
                        guint         *rate_bp)
{
  AisleStoreInfo info;
  gint64 total;

  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), FALSE);

  if (!aisle_checkout_store_info (self, window_store (self), &info) || info.vat_rate_bp == 0)
    return FALSE;

  /* Prices include VAT: the share of a gross amount, rounded half up. */
  total = aisle_checkout_get_total (self);
  if (vat != NULL)
    *vat = (total * info.vat_rate_bp + (10000 + info.vat_rate_bp) / 2) / (10000 + info.vat_rate_bp);
  if (rate_bp != NULL)
    *rate_bp = info.vat_rate_bp;
  return TRUE;
}

const char *
aisle_checkout_get_currency (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), NULL);
  return aisle_catalog_get_currency (self->catalog);
}

gboolean
aisle_checkout_is_complete (AisleCheckout *self)
{
  g_return_val_if_fail (AISLE_IS_CHECKOUT (self), FALSE);

  if (self->lines->len == 0 || self->window.start == 0)
    return FALSE;
  if (self->contact[0] == NULL || (self->contact[1] == NULL && self->contact[2] == NULL))
    return FALSE;
  if (self->kind == AISLE_CHECKOUT_PICKUP)
    return aisle_checkout_pickup_possible (self);
  if (!aisle_checkout_can_deliver (self))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (self->address[i] == NULL)
      return FALSE;
  return TRUE;
}
