/* test-coupon.c: a coupon from online marketing on the order's review, under Xvfb
 *
 * On the bundled demo store, which checks codes itself against the rules of
 * data/demo-store/coupons.json: "I have a code" on the review, codes that
 * are unknown, expired or not for this order each say why, a scanned code
 * and a scanned coupon link take their discount off, and the discount is on
 * the confirmation and the printed slip (read back from the PDF).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "aisle-pdf-printer.h"
#include "kiosk-test-util.h"
#include "print-test-util.h"

/* The CUSCÌNO footstool of the demo store: €94.99, self-serve. */
#define FOOTSTOOL "781.344.62"

static AisleServices *
services_of (AisleApplication *app)
{
  return aisle_application_get_services (app);
}

static GtkEntry *
coupon_entry (AisleWindow *window)
{
  g_autoptr(GPtrArray) all = entries (window);

  g_assert_cmpuint (all->len, ==, 1);
  return g_ptr_array_index (all, 0);
}

static void
try_code (AisleWindow *window,
          const char  *code)
{
  gtk_editable_set_text (GTK_EDITABLE (coupon_entry (window)), code);
  tap (window, "Apply");
}

/* No code being checked: "Apply" works again. */
static gboolean
checked (gpointer window)
{
  GtkWidget *label = find_label (GTK_WIDGET (window), "Apply");
  GtkWidget *button = label ? gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) : NULL;

  return button == NULL || gtk_widget_is_sensitive (button);
}

static gboolean
slip_printed (gpointer data)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (services_of (data));
  g_autoptr(GPtrArray) jobs = aisle_print_queue_list_jobs (queue, NULL);

  return jobs->len > 0 && ((AislePrintJob *) g_ptr_array_index (jobs, 0))->state == AISLE_PRINT_JOB_DONE;
}

static char *
newest_pdf (AisleApplication *app)
{
  AislePrintQueue *queue = aisle_services_get_print_queue (services_of (app));
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
coupon_steps (AisleApplication *app,
              AisleWindow      *window)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  tap (window, "Touch to start");
  aisle_window_open_code (window, FOOTSTOOL);
  tap (window, "Add to list");
  tap (window, "My list");
  tap_near (window, "CUSCÌNO footstool", "Prepare it for me");
  tap (window, "Order these: pickup or delivery");
  assert_shows (window, "Step 1 of 3");
  choose_first_window (window);
  tap (window, "Next");
  {
    const char *values[] = { "Maria Rossi", "maria.rossi@example.com", NULL };
    fill (window, values, 3);
  }
  tap (window, "Next");
  assert_shows (window, "Check your order");
  assert_shows (window, "€94.99");

  /* Each refusal says why, in words. */
  tap (window, "I have a code");
  assert_shows (window, "Coupon code: type it, or scan its barcode or QR code");
  try_code (window, "SUMMER25");
  assert_shows (window, "This code is no longer valid.");
  g_assert_true (wait_for (checked, window, 5000));
  try_code (window, "NOPE99");
  assert_shows (window, "We do not know this code. Please check it and try again.");
  g_assert_true (wait_for (checked, window, 5000));
  try_code (window, "FREEDELIVERY");
  assert_shows (window, "This code is for home delivery only.");
  g_assert_true (wait_for (checked, window, 5000));
  assert_touch_targets (window);
  screenshot (window, "80-coupon-refused-en");

  /* A code scanned on the review is checked at once. */
  aisle_window_open_code (window, "welcome-10");
  assert_shows (window, "Code WELCOME10: 10 % off orders from €50. €9.50 off.");
  assert_shows (window, "Coupon WELCOME10");
  assert_shows (window, "\342\210\222€9.50");
  assert_shows (window, "€85.49");
  assert_not_shows (window, "This code is for home delivery only.");
  assert_pickable (window, "coupon applied");
  screenshot (window, "81-coupon-applied-en");

  /* Taken away, then back from a marketing e-mail's link. */
  tap (window, "Remove the code");
  assert_not_shows (window, "Coupon WELCOME10");
  assert_shows (window, "I have a code");
  aisle_window_open_code (window, "https://shop.casanord.example/coupons/FIVEOFF");
  assert_shows (window, "Coupon FIVEOFF");
  assert_shows (window, "€89.99");

  tap (window, "Place order");
  assert_shows (window, "Thank you! Your order is placed.");
  assert_shows (window, "Coupon FIVEOFF: €5.00 off");
  screenshot (window, "82-coupon-confirmation-en");

  /* The slip says it too, and adds up. */
  g_assert_true (wait_for (slip_printed, app, SLIP_WAIT_MS));
  pdf = newest_pdf (app);
  text = print_test_pdf_text (pdf, FALSE);
  g_assert_nonnull (strstr (text, "Coupon FIVEOFF"));
  g_assert_nonnull (strstr (text, "-€5.00"));
  g_assert_nonnull (strstr (text, "€89.99"));
}

static void
test_coupon (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.aisle.Kiosk");
  g_autofree char *url = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);

  g_settings_set_boolean (settings, "auto-print", TRUE);
  run_kiosk_on (url, coupon_steps, "en");
  g_settings_reset (settings, "auto-print");
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/coupon/review", test_coupon);

  return g_test_run ();
}
