/* test-session.c: the shopper's session ends cleanly, and the kiosk stays locked
 *
 * An idle shopper gets a visible countdown, then the attract screen; the next
 * shopper finds nothing of theirs, checked field by field: list, search text,
 * every order field, the confirmation, the keyboard's target, scroll
 * positions. Outside admin mode the keys that leave an app are refused and
 * the window does not close.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "aisle-checkout-page.h"
#include "aisle-kiosk-guard.h"
#include "aisle-order-done-page.h"
#include "kiosk-test-util.h"

static GtkWidget *
find_any (GtkWidget *widget,
          GType      type)
{
  /* Unlike find_type(), also looks into pages that are not on screen. */
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_any (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
assert_scrolled_to_top (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget))), ==, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_scrolled_to_top (child);
}

/* Every field of the order form, shown or not. */
static void
collect_entries (GtkWidget *widget,
                 GPtrArray *out)
{
  if (GTK_IS_ENTRY (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_entries (child, out);
}

static void
idle_steps (AisleApplication *app,
            AisleWindow      *window)
{
  AisleKioskGuard *guard = AISLE_KIOSK_GUARD (aisle_window_get_guard (window));
  AisleCheckoutPage *checkout;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GtkWidget *search;

  aisle_kiosk_guard_set_idle (guard, 2, 3);

  /* A shopper searches, fills a list and half an order. */
  tap (window, "Touch to start");
  type_text (window, "LUNDA");
  assert_shows (window, "Results for “LUNDA”");
  tap (window, "Home");
  tap (window, "Sofas");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 1);
  tap (window, "Add to list");
  tap (window, "My list");
  tap (window, "Order these: pickup or delivery");
  assert_shows (window, "Delivery address");
  checkout = AISLE_CHECKOUT_PAGE (find_any (GTK_WIDGET (window), AISLE_TYPE_CHECKOUT_PAGE));
  collect_entries (GTK_WIDGET (checkout), fields);
  g_assert_cmpuint (fields->len, ==, 8);   /* and the review's coupon code */
  for (guint i = 0; i < fields->len; i++)
    gtk_editable_set_text (g_ptr_array_index (fields, i), "Luca Bianchi, Via Roma 1, luca@example.com");
  g_assert_nonnull (aisle_session_get_checkout_form (aisle_window_get_session (window)));
  search = find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "sofa");

  /* Then walks away: the countdown shows, then the attract screen. */
  assert_shows (window, "Still there?");
  assert_shows (window, "This kiosk starts over in");
  screenshot (window, "40-still-there-en");
  assert_shows (window, "Touch to start");
  assert_not_shows (window, "Still there?");

  /* Nothing of theirs is left, field by field. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_null (aisle_session_get_checkout (aisle_window_get_session (window)));
  g_assert_null (aisle_session_get_checkout_form (aisle_window_get_session (window)));
  for (guint i = 0; i < fields->len; i++)
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (fields, i)), ==, "");
  g_assert_null (aisle_order_done_page_get_id (AISLE_ORDER_DONE_PAGE (find_any (GTK_WIDGET (window), AISLE_TYPE_ORDER_DONE_PAGE))));
  assert_scrolled_to_top (GTK_WIDGET (window));

  tap (window, "Touch to start");
  assert_not_shows (window, "LUNDA");
  tap (window, "My list");
  assert_shows (window, "Your list is empty");

  /* Touching the screen during the countdown keeps the session. */
  assert_shows (window, "Still there?");
  tap (window, "I am still here");
  assert_not_shows (window, "Still there?");
  assert_shows (window, "Your list");
}

static void
test_idle_reset (void)
{
  run_kiosk (idle_steps, "en");
}

static void
lockdown_steps (AisleApplication *app,
                AisleWindow      *window)
{
  AisleKioskGuard *guard = AISLE_KIOSK_GUARD (aisle_window_get_guard (window));
  struct { guint key; GdkModifierType mods; } refused[] = {
    { GDK_KEY_F4, GDK_ALT_MASK }, { GDK_KEY_q, GDK_CONTROL_MASK }, { GDK_KEY_w, GDK_CONTROL_MASK },
    { GDK_KEY_F11, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_true (aisle_kiosk_guard_refuses_key (guard, refused[i].key, refused[i].mods));
  g_assert_false (aisle_kiosk_guard_refuses_key (guard, GDK_KEY_a, 0));
  g_assert_false (aisle_kiosk_guard_refuses_key (guard, GDK_KEY_q, 0));
  /* Escape leaves no window; the PIN pad's Cancel needs it. */
  g_assert_false (aisle_kiosk_guard_refuses_key (guard, GDK_KEY_Escape, 0));

  /* The window manager's close button, or anything else asking to close. */
  gtk_window_close (GTK_WINDOW (window));
  settle (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  assert_shows (window, "Touch to start");

  /* Staff in admin mode may leave. */
  aisle_kiosk_guard_set_admin (guard, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (aisle_kiosk_guard_refuses_key (guard, refused[i].key, refused[i].mods));
  aisle_kiosk_guard_set_admin (guard, FALSE);
}

static void
test_lockdown (void)
{
  run_kiosk (lockdown_steps, "en");
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/session/idle-reset", test_idle_reset);
  g_test_add_func ("/session/lockdown", test_lockdown);

  return g_test_run ();
}
