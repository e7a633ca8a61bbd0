/* test-order.c: ordering from the product page to the confirmation, under Xvfb
 *
 * A pickup order and a delivery order through the real kiosk on the fixture
 * feed (file://, so orders go into the kiosk's own order book): what each
 * step shows, what a wrong postcode or e-mail says, the review's totals and
 * VAT, the confirmation's number and pickup code, and its QR code read back
 * by zbar, an independent decoder, to the order's reference.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "aisle-language.h"
#include "aisle-order-done-page.h"
#include "aisle-outbox.h"
#include "aisle-pdf-printer.h"
#include "aisle-qr-view.h"
#include "kiosk-test-util.h"

/* PDF slips the kiosk's default printer wrote. */
static guint
count_slips (AisleApplication *app)
{
  AislePrinter *printer = aisle_print_queue_get_printer (aisle_services_get_print_queue (aisle_application_get_services (app)));
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  g_assert_true (AISLE_IS_PDF_PRINTER (printer));
  settle (200);
  dir = g_dir_open (aisle_pdf_printer_get_folder (AISLE_PDF_PRINTER (printer)), 0, NULL);
  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static const char *
order_id (AisleWindow *window)
{
  GtkWidget *page = find_type (GTK_WIDGET (window), AISLE_TYPE_ORDER_DONE_PAGE);

  g_assert_nonnull (page);
  return aisle_order_done_page_get_id (AISLE_ORDER_DONE_PAGE (page));
}

static void
assert_confirmation (AisleApplication *app,
                     AisleWindow      *window,
                     gboolean          pickup)
{
  g_autofree char *expected_url = NULL;
  g_autofree char *number = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(AisleOutboxEntry) entry = NULL;
  const char *id;

  /* The fixture store is file://: the kiosk's order book accepts at once. */
  assert_shows (window, "Thank you! Your order is placed.");
  assert_shows (window, "Order number");
  id = order_id (window);
  g_assert_nonnull (id);
  entry = aisle_outbox_lookup (aisle_services_get_outbox (aisle_application_get_services (app)), id);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, AISLE_ORDER_ACCEPTED);
  assert_shows (window, entry->order_number);
  if (pickup)
    {
      assert_shows (window, "Pickup code");
      assert_shows (window, entry->pickup_code);
    }
  else
    assert_not_shows (window, "Pickup code");

  expected_url = g_strconcat ("https://shop.fixture.example/orders/", id, NULL);
  decoded = zbar_read (window, find_type (GTK_WIDGET (window), AISLE_TYPE_QR_VIEW));
  g_assert_cmpstr (decoded, ==, expected_url);
}

static void
pickup_steps (AisleApplication *app,
              AisleWindow      *window)
{
  tap (window, "Touch to start");
  add_product (window, 0);                       /* LUNDA armchair, 14 in stock */
  tap (window, "My list");
  tap_near (window, "LUNDA armchair", "Prepare it for me");
  tap (window, "Order these: pickup or delivery");

  assert_shows (window, "Step 1 of 3");
  assert_shows (window, "How would you like to get it?");
  assert_shows (window, "Fixture Milano");
  assert_shows (window, "This store");
  assert_shows (window, "1 × LUNDA armchair");
  assert_shows (window, "In stock at Fixture Milano");
  assert_shows (window, "When would you like to collect it?");
  assert_touch_targets (window);
  screenshot (window, "30-order-how-pickup-en");

  /* Next without a time says what is missing. */
  tap (window, "Next");
  assert_shows (window, "Please choose when you would like to collect it.");
  choose_first_window (window);
  tap (window, "Next");

  assert_shows (window, "Step 2 of 3");
  assert_shows (window, "How can we reach you?");
  assert_shows (window, "Privacy: we use your name and contact only for this order");
  {
    const char *values[] = { "Maria Rossi", "maria@", NULL };
    fill (window, values, 3);
  }
  tap (window, "Next");
  assert_shows (window, "Please check the part after the @ in your e-mail address, like example.com");
  assert_shows (window, "How can we reach you?");
  {
    const char *values[] = { NULL, "maria.rossi@example.com", NULL };
    fill (window, values, 3);
  }
  screenshot (window, "31-order-contact-en");
  tap (window, "Next");

  assert_shows (window, "Step 3 of 3");
  assert_shows (window, "Check your order");
  assert_shows (window, "1 × LUNDA armchair");
  assert_shows (window, "Pickup at Fixture Milano");
  assert_shows (window, "Maria Rossi · maria.rossi@example.com");
  assert_shows (window, "Total");
  assert_shows (window, "€129.99");
  assert_shows (window, "Includes VAT at 22 %");
  assert_shows (window, "€23.44");                /* 129.99 × 22 / 122 */
  assert_shows (window, "You pay at the till when you collect your order.");
  assert_not_shows (window, "Delivery");
  screenshot (window, "32-order-review-en");

  /* Back keeps what was typed. */
  tap (window, "Back");
  assert_shows (window, "How can we reach you?");
  tap (window, "Next");
  assert_shows (window, "Check your order");

  tap (window, "Place order");
  assert_confirmation (app, window, TRUE);

  /* Automatic printing is on: the order's slip prints by itself. */
  assert_shows_within (window, "Your slip is printed: take it from the printer.", SLIP_WAIT_MS);
  assert_not_shows (window, "Print a slip");
  g_assert_cmpuint (count_slips (app), ==, 1);
  assert_touch_targets (window);
  screenshot (window, "33-order-done-pickup-en");

  /* The ordered line left the list; the list is empty, so Done ends the session. */
  tap (window, "Done");
  assert_shows (window, "Touch to start");
  tap (window, "Touch to start");
  tap (window, "My list");
  assert_shows (window, "Your list is empty");
}

static void
test_pickup (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.aisle.Kiosk");

  g_settings_set_boolean (settings, "auto-print", TRUE);
  run_kiosk (pickup_steps, "en");
  g_settings_reset (settings, "auto-print");
}

static void
delivery_steps (AisleApplication *app,
                AisleWindow      *window)
{
  tap (window, "Touch to start");
  add_product (window, 1);                       /* garden set: full-serve, 0 in stock */
  add_product (window, 0);                       /* LUNDA: the shopper picks it */
  tap (window, "My list");
  tap (window, "Order these: pickup or delivery");

  /* Milano cannot prepare it: the order opens on delivery. */
  assert_shows (window, "Delivery address");
  assert_shows (window, "We bring it to your door. Delivery fee €39.00.");
  assert_shows (window, "We deliver in Italy.");
  assert_not_shows (window, "LUNDA");

  /* Pickup shows why not, and offers delivery. */
  tap (window, "Pick up in store");
  assert_shows (window, "Not in stock at Fixture Milano");
  assert_shows (window, "This store cannot prepare everything. Choose home delivery, or another store.");
  screenshot (window, "34-order-not-in-stock-en");
  tap (window, "Next");
  assert_shows (window, "How would you like to get it?");
  tap (window, "Home delivery");
  assert_shows (window, "When should we deliver?");

  {
    const char *values[] = { "Luca Bianchi", "Via Roma 1", "2010", "Milano" };
    fill (window, values, 4);
  }
  choose_first_window (window);
  tap (window, "Next");
  assert_shows (window, "An Italian postcode has 5 digits, like 00184");
  {
    const char *values[] = { NULL, NULL, " 20100 ", NULL };
    fill (window, values, 4);
  }
  screenshot (window, "35-order-address-en");
  tap (window, "Next");

  /* The delivery name is offered as the contact's. */
  assert_shows (window, "How can we reach you?");
  {
    g_autoptr(GPtrArray) found = entries (window);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (found, 0)), ==, "Luca Bianchi");
  }
  {
    const char *values[] = { NULL, NULL, "02 1234 5678" };
    fill (window, values, 3);
  }
  tap (window, "Next");

  assert_shows (window, "Check your order");
  assert_shows (window, "1 × Garden furniture set");
  assert_shows (window, "Delivery to Luca Bianchi, Via Roma 1, 20100 Milano");
  assert_shows (window, "Luca Bianchi · +390212345678");
  assert_shows (window, "€39.00");
  assert_shows (window, "€388.00");
  assert_shows (window, "You pay on delivery.");
  screenshot (window, "36-order-review-delivery-en");

  tap (window, "Place order");
  assert_confirmation (app, window, FALSE);

  /* Without automatic printing the shopper asks for the slip. */
  g_assert_cmpuint (count_slips (app), ==, 0);
  tap (window, "Print a slip");
  assert_shows_within (window, "Your slip is printed: take it from the printer.", SLIP_WAIT_MS);
  g_assert_cmpuint (count_slips (app), ==, 1);
  screenshot (window, "37-order-done-delivery-en");

  /* The self-serve armchair is still on the list: Done goes back to it. */
  tap (window, "Done");
  assert_shows (window, "Your list");
  assert_shows (window, "LUNDA armchair");
  assert_not_shows (window, "Garden furniture set");
}

static void
test_delivery (void)
{
  run_kiosk (delivery_steps, "en");
}

/* Switching language mid-order keeps the order and what was typed. */
static void
language_steps (AisleApplication *app,
                AisleWindow      *window)
{
  tap (window, "Touch to start");
  add_product (window, 1);
  tap (window, "My list");
  tap (window, "Order these: pickup or delivery");
  {
    const char *values[] = { "Luca Bianchi", "Via Roma 1", "20100", "Milano" };
    fill (window, values, 4);
  }
  choose_first_window (window);
  tap (window, "Next");
  assert_shows (window, "How can we reach you?");

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("it"));
  assert_shows (window, "Passo 2 di 3");
  {
    g_autoptr(GPtrArray) found = entries (window);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (found, 0)), ==, "Luca Bianchi");
  }
  screenshot (window, "38-order-contact-it");
  tap (window, "Indietro");
  assert_shows (window, "Indirizzo di consegna");
  screenshot (window, "39-order-address-it");
  {
    g_autoptr(GPtrArray) found = entries (window);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (found, 2)), ==, "20100");
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
}

static void
test_language (void)
{
  run_kiosk (language_steps, "en");
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/order/pickup", test_pickup);
  g_test_add_func ("/order/delivery", test_delivery);
  g_test_add_func ("/order/language", test_language);

  return g_test_run ();
}
