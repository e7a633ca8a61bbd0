/* test-collect.c: collecting an online order at the kiosk, under Xvfb
 *
 * On the bundled demo store, which answers look-ups and check-ins itself
 * (data/demo-store/online-orders.json): from the attract screen, a wrong
 * contact, an order still being prepared, an order link scanned from a
 * confirmation e-mail, "I'm here", the queue number on screen and on a
 * printed PDF ticket whose QR code zbar reads back; the language switched on
 * the way; and nothing of the shopper left once the visit ends. Then the
 * kiosk's limit on wrong look-ups.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "aisle-admin-view.h"
#include "aisle-collect-page.h"
#include "aisle-pdf-printer.h"
#include "kiosk-test-util.h"
#include "print-test-util.h"

static AisleSession *
session_of (AisleWindow *window)
{
  return aisle_window_get_session (window);
}

static GtkEntry *
entry (AisleWindow *window,
       guint        nth)
{
  g_autoptr(GPtrArray) all = entries (window);

  /* The order number and the contact (the search field is no GtkEntry). */
  g_assert_cmpuint (all->len, ==, 2);
  return g_ptr_array_index (all, nth);
}

static void
look_up (AisleWindow *window,
         const char  *number,
         const char  *contact)
{
  gtk_editable_set_text (GTK_EDITABLE (entry (window, 0)), number);
  gtk_editable_set_text (GTK_EDITABLE (entry (window, 1)), contact);
  tap (window, g_str_equal (aisle_language_get_code (aisle_language_get_current ()), "it")
                 ? "Trova il mio ordine" : "Find my order");
}

/* No look-up on its way: "Find my order" works again. */
static gboolean
answered (gpointer window)
{
  GtkWidget *label = find_label (GTK_WIDGET (window), "Find my order");
  GtkWidget *button = label ? gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) : NULL;

  return button != NULL && gtk_widget_is_sensitive (button);
}

typedef struct
{
  AisleWindow *window;
  const char  *state;
} JobWait;

static gboolean
ticket_in_state (gpointer data)
{
  JobWait *wait = data;
  AislePrintQueue *queue = aisle_services_get_print_queue (aisle_session_get_services (session_of (wait->window)));
  const char *job_id = NULL;
  g_autoptr(AislePrintJob) job = NULL;

  aisle_session_get_ticket (session_of (wait->window), &job_id);
  job = job_id ? aisle_print_queue_get_job (queue, job_id) : NULL;
  return job != NULL && job->state == AISLE_PRINT_JOB_DONE;
}

/* The newest PDF in the printer's folder. */
static char *
newest_pdf (AisleWindow *window)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (aisle_session_get_services (session_of (window)));
  const char *folder = aisle_pdf_printer_get_folder (AISLE_PDF_PRINTER (aisle_print_queue_get_printer (queue)));
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *best = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".pdf") && (best == NULL || strcmp (name, best) > 0))
      {
        g_free (best);
        best = g_strdup (name);
      }
  g_assert_nonnull (best);
  return g_build_filename (folder, best, NULL);
}

static void
collect_steps (AisleApplication *app,
               AisleWindow      *window)
{
  AisleCollect *collect = aisle_session_get_collect (session_of (window));
  JobWait wait = { window, NULL };
  const AisleOnlineOrder *order;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *codes = NULL;

  /* From the attract screen. */
  assert_shows (window, "I ordered online");
  screenshot (window, "60-attract-collect-en");
  tap (window, "I ordered online");
  assert_shows (window, "Collect your online order");
  g_assert_cmpstr (aisle_shop_view_get_page_name (shop (window)), ==, "collect");
  assert_touch_targets (window);
  screenshot (window, "61-collect-find-en");

  /* Nothing typed, then a wrong contact: told plainly, nothing shown. */
  tap (window, "Find my order");
  assert_shows (window, "Please type your order number");
  look_up (window, "CN-100482", "0000");
  assert_shows (window, "We could not find an order with this number and these details.");
  g_assert_null (aisle_collect_get_order (collect));
  screenshot (window, "62-collect-wrong-en");

  /* An order still being prepared: no "I'm here". */
  look_up (window, "cn 100517", "LUCA.BIANCHI@example.com");
  assert_shows (window, "Being prepared");
  assert_shows (window, "1 × FJÄLLA office chair");
  assert_not_shows (window, "I'm here");
  /* The contact is not kept once the order is found. */
  tap (window, "Another order");
  assert_shows (window, "Find my order");
  g_assert_null (aisle_collect_get_order (collect));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (window, 1))), ==, "");

  /* The confirmation e-mail's QR code, scanned: found at once. */
  aisle_window_open_code (window, "https://shop.casanord.example/orders/CN-100482?pickup=K7Q2M9");
  assert_shows (window, "Ready to collect");
  assert_shows (window, "Order CN-100482");
  assert_shows (window, "2 × MIRADOR furniture legs, 4 pack");
  assert_shows (window, "1 × LUNDA plant pot");
  assert_shows (window, "Total €134.97");
  assert_shows (window, "We keep it for you until 13/12/2026.");
  assert_touch_targets (window);
  assert_pickable (window, "collect order");
  screenshot (window, "63-collect-order-en");

  /* "I'm here": the queue number on screen and on the ticket. */
  tap (window, "I'm here");
  assert_shows (window, "Your queue number");
  order = aisle_collect_get_order (collect);
  g_assert_nonnull (order->check_in);
  assert_shows (window, order->check_in->queue_number);
  assert_shows (window, "Please wait at: Pickup desk, entrance B");
  g_assert_true (wait_for (ticket_in_state, &wait, SLIP_WAIT_MS));
  assert_shows_within (window, "Take your ticket from the printer", SLIP_WAIT_MS);
  assert_touch_targets (window);
  screenshot (window, "64-collect-here-en");

  pdf = newest_pdf (window);
  text = print_test_pdf_text (pdf, FALSE);
  g_assert_nonnull (strstr (text, "Your queue number"));
  g_assert_nonnull (strstr (text, order->check_in->queue_number));
  g_assert_nonnull (strstr (text, "Order CN-100482"));
  g_assert_nonnull (strstr (text, "MIRADOR furniture legs, 4 pack"));
  g_assert_nonnull (strstr (text, "Please wait at: Pickup desk, entrance B"));
  codes = print_test_pdf_qr_codes (pdf);
  g_assert_cmpstr (codes, ==, "CN-100482\n");

  /* In Italian, the same check-in; the ticket is not printed twice. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("it"));
  assert_shows (window, "Il tuo numero di coda");
  assert_shows (window, order->check_in->queue_number);
  screenshot (window, "65-collect-here-it");
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));

  /* Done: the visit ends, and the order with it. */
  tap (window, "Done");
  assert_shows (window, "Touch to start");
  g_assert_null (aisle_collect_get_order (collect));
  g_assert_null (aisle_session_get_ticket (session_of (window), NULL));
  tap (window, "I ordered online");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (window, 0))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (window, 1))), ==, "");
}

static void
test_collect (void)
{
  g_autofree char *url = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);

  run_kiosk_on (url, collect_steps, "en");
}

/* An order scanned in Italian, on a portrait screen. */
static void
italian_steps (AisleApplication *app,
               AisleWindow      *window)
{
  assert_shows (window, "Ho ordinato online");
  screenshot (window, "66-attract-collect-it");
  tap (window, "Ho ordinato online");
  assert_shows (window, "Ritira il tuo ordine online");
  screenshot (window, "67-collect-find-it");
  look_up (window, "CN-100533", "9876");
  assert_shows (window, "In un altro negozio");
  assert_shows (window, "Casa Nord München");
  screenshot (window, "68-collect-other-store-it");
  tap (window, "Un altro ordine");
  aisle_window_open_code (window, "https://shop.casanord.example/orders/CN-100517?pickup=P4X8TD");
  assert_shows (window, "In preparazione");
  screenshot (window, "69-collect-order-it");

  /* Plurals in the shopper's language too. */
  tap (window, "Un altro ordine");
  aisle_window_open_code (window, "https://shop.casanord.example/orders/CN-100540?pickup=S9H3WL");
  tap (window, "Restituisci articoli");
  assert_shows (window, "Puoi restituirne fino a 6");
  assert_shows (window, "Il periodo di reso è scaduto");
}

static void
test_italian (void)
{
  g_autofree char *url = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);

  run_kiosk_on (url, italian_steps, "it");
}

/* Nobody steps through other people's orders: after 5 wrong look-ups the
 * kiosk refuses, even the right one, and a new visit does not reset it. */
static void
limit_steps (AisleApplication *app,
             AisleWindow      *window)
{
  tap (window, "I ordered online");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("CN-1004%02u", 90 + i);

      look_up (window, number, "5678");
      assert_shows (window, "We could not find an order");
      /* The same message again: wait for this try's answer. */
      g_assert_true (wait_for (answered, window, 5000));
    }
  aisle_window_show_attract (window);
  tap (window, "I ordered online");
  look_up (window, "CN-100482", "5678");
  assert_shows (window, "Too many tries. Please wait a few minutes, or ask a member of staff.");
  g_assert_null (aisle_collect_get_order (aisle_session_get_collect (session_of (window))));
  screenshot (window, "70-collect-too-many-en");
}

static void
test_limit (void)
{
  g_autofree char *url = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);

  run_kiosk_on (url, limit_steps, "en");
}

/* Taps the button showing @button_label in the order line that shows @near. */
static void
tap_in_line (AisleWindow *window,
             const char  *near,
             const char  *button_label)
{
  GtkWidget *label = find_label (GTK_WIDGET (window), near);
  GtkWidget *row;

  g_assert_nonnull (label);
  for (row = label; row != NULL && !gtk_widget_has_css_class (row, "collect-line"); row = gtk_widget_get_parent (row));
  g_assert_nonnull (row);
  label = find_label (row, button_label);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON)));
  g_signal_emit_by_name (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON), "clicked");
}

static gboolean
button_sensitive (AisleWindow *window,
                  const char  *text)
{
  GtkWidget *label = find_label (GTK_WIDGET (window), text);

  g_assert_nonnull (label);
  return gtk_widget_is_sensitive (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON));
}

/* A collected order: lines that can come back, one already returned, one
 * past its window; a return asked for two plates; its slip with the
 * return's number as a QR code; and the order's count afterwards. */
static void
return_steps (AisleApplication *app,
              AisleWindow      *window)
{
  AisleCollect *collect = aisle_session_get_collect (session_of (window));
  JobWait wait = { window, NULL };
  const AisleReturn *ret;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_row = NULL;
  g_autofree char *ret_number = NULL;

  aisle_window_open_code (window, "https://shop.casanord.example/orders/CN-100540?pickup=S9H3WL");
  assert_shows (window, "Already collected");
  assert_shows (window, "Return items");
  tap (window, "Return items");
  assert_shows (window, "What are you bringing back?");
  assert_shows (window, "You can return up to 6");
  assert_shows (window, "Already returned");
  assert_shows (window, "The time to return it is over");
  g_assert_false (button_sensitive (window, "Ask for the return"));
  assert_touch_targets (window);

  tap_in_line (window, "6 × SILJA plate", "+");
  tap_in_line (window, "6 × SILJA plate", "+");
  g_assert_false (button_sensitive (window, "Ask for the return"));
  tap (window, "It arrived damaged");
  g_assert_true (button_sensitive (window, "Ask for the return"));
  assert_pickable (window, "return chooser");
  screenshot (window, "71-collect-return-en");

  tap (window, "Ask for the return");
  assert_shows (window, "Your return number");
  ret = aisle_collect_get_return (collect, NULL);
  g_assert_nonnull (ret);
  ret_number = g_strdup (ret->number);
  assert_shows (window, ret->number);
  assert_shows (window, "Bring the items and this slip to: Returns desk, entrance A");
  assert_shows (window, "Refund at the desk: €17.98, once staff have checked the items.");
  g_assert_true (wait_for (ticket_in_state, &wait, SLIP_WAIT_MS));
  assert_shows_within (window, "Take your return slip from the printer", SLIP_WAIT_MS);
  screenshot (window, "72-collect-returned-en");

  pdf = newest_pdf (window);
  text = print_test_pdf_text (pdf, FALSE);
  g_assert_nonnull (strstr (text, "Your return number"));
  g_assert_nonnull (strstr (text, ret->number));
  g_assert_nonnull (strstr (text, "Return for order CN-100540"));
  g_assert_nonnull (strstr (text, "SILJA plate"));
  g_assert_nonnull (strstr (text, "Reason: It arrived damaged"));
  g_assert_null (strstr (text, "SILJA glass"));
  codes = print_test_pdf_qr_codes (pdf);
  expected = g_strdup_printf ("%s\n", ret->number);
  g_assert_cmpstr (codes, ==, expected);

  /* The store counts what came back: 4 plates are left to return. */
  tap (window, "Done");
  assert_shows (window, "Touch to start");
  aisle_window_open_code (window, "https://shop.casanord.example/orders/CN-100540?pickup=S9H3WL");
  tap (window, "Return items");
  assert_shows (window, "You can return up to 4");

  /* Staff see it on Today, with nothing personal. */
  expected_row = g_strdup_printf ("Return %s, 2 items", ret_number);
  unlock (window);
  aisle_admin_view_show_page (AISLE_ADMIN_VIEW (aisle_window_get_admin_view (window)), "today");
  assert_shows (window, "Online orders at this kiosk today");
  assert_shows (window, "Return for CN-100540");
  assert_shows (window, expected_row);
  assert_not_shows (window, "sofia");
  screenshot (window, "73-admin-today-returns-en");
}

static void
test_return (void)
{
  g_autofree char *url = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);

  run_kiosk_on (url, return_steps, "en");
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/collect/check-in", test_collect);
  g_test_add_func ("/collect/italian", test_italian);
  g_test_add_func ("/collect/return", test_return);
  g_test_add_func ("/collect/try-limit", test_limit);

  return g_test_run ();
}
