/* test-kiosk.c: the kiosk as a shopper uses it, under Xvfb
 *
 * Runs the real application in-process on the fixture feed and walks attract
 * → home → category → product, search, a barcode scan and a language switch,
 * asserting what is on screen (mapped labels), not what functions were called.
 * With AISLE_SCREENSHOT_DIR set, every step also saves a PNG of the window.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include "aisle-application.h"
#include "aisle-language.h"
#include "aisle-list-page.h"
#include "aisle-scanner.h"
#include "aisle-shop-view.h"
#include "aisle-window.h"
#include "kiosk-test-util.h"

/* The shopper's ways through the kiosk */

static void
browse_steps (AisleApplication *app,
              AisleWindow      *window)
{
  GtkWidget *grid;

  assert_shows (window, "Fixture Home");
  assert_shows (window, "Touch to start");
  screenshot (window, "01-attract-en");
  assert_touch_targets (window);

  tap (window, "Touch to start");
  assert_shows (window, "What are you looking for?");
  assert_shows (window, "Sofas");
  assert_shows (window, "Textiles");
  screenshot (window, "02-home-en");
  assert_touch_targets (window);

  tap (window, "Sofas");
  assert_shows (window, "3 products");
  g_assert_cmpstr (aisle_shop_view_get_page_name (shop (window)), ==, "grid");
  assert_shows (window, "LUNDA armchair");
  assert_shows (window, "€129.99");
  assert_shows (window, "Garden furniture set");
  assert_not_shows (window, "CUSCÌNO");
  screenshot (window, "03-category-en");
  assert_touch_targets (window);

  grid = find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW);
  g_assert_nonnull (grid);
  g_signal_emit_by_name (grid, "activate", 0);
  assert_shows (window, "Article 100.000.01");
  assert_shows (window, "14 in stock in this store");
  assert_shows (window, "Next delivery 28/11/2026");
  assert_shows (window, "Pick it up in the self-serve area");
  assert_shows (window, "Box 1 of 2: Frame");
  assert_shows (window, "Box 2 of 2: Cushions");
  assert_shows (window, "12");
  assert_shows (window, "04");
  assert_shows (window, "31");
  assert_shows (window, "Width 78\u00a0cm");
  assert_shows (window, "Weight 14.2\u00a0kg");
  assert_shows (window, "Seat cushions can be washed.");
  screenshot (window, "04-product-en");
  assert_touch_targets (window);

  tap (window, "Back");
  assert_shows (window, "3 products");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 1);
  assert_shows (window, "Collected at the full-serve desk");
  assert_shows (window, "Out of stock in this store");

  tap (window, "Back");
  assert_shows (window, "3 products");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 2);
  assert_shows (window, "Order for delivery");
  assert_shows (window, "Stock unknown");
  screenshot (window, "05-online-only-en");
}

static void
test_browse (void)
{
  run_kiosk (browse_steps, "en");
}

static void
search_steps (AisleApplication *app,
              AisleWindow      *window)
{
  tap (window, "Touch to start");
  assert_shows (window, "What are you looking for?");

  /* Every keystroke answers; accents and case do not matter. */
  type_text (window, "c");
  type_text (window, "cu");
  type_text (window, "cuscino");
  assert_shows (window, "Results for “cuscino”");
  assert_shows (window, "1 product");
  assert_shows (window, "CUSCÌNO cushion cover");
  screenshot (window, "06-search-en");
  assert_touch_targets (window);

  /* Article numbers, with or without dots, and GTINs. */
  type_text (window, "100.000.03");
  assert_shows (window, "Garden furniture set");
  type_text (window, "10000003");
  assert_shows (window, "Garden furniture set");
  type_text (window, "8001234567895");
  assert_shows (window, "CUSCÌNO cushion cover");

  type_text (window, "wardrobe");
  assert_shows (window, "Nothing matches “wardrobe”");
  screenshot (window, "07-search-empty-en");

  /* The tiles kept hidden behind "nothing matches" show the next results,
   * never the ones before. */
  type_text (window, "lunda");
  assert_shows (window, "LUNDA armchair");
  assert_not_shows (window, "CUSCÌNO cushion cover");
  assert_not_shows (window, "Nothing matches");

  /* More results again: tiles come back from the grid's spares with the
   * new products on them. */
  type_text (window, "s");
  assert_shows (window, "BRISA sofa bed");
  assert_shows (window, "Garden furniture set");
  assert_not_shows (window, "LUNDA armchair");

  /* Clearing the field goes back to where the search began. */
  type_text (window, "");
  assert_shows (window, "What are you looking for?");
}

static void
test_search (void)
{
  run_kiosk (search_steps, "en");
}

/* One key as GTK delivers it: down to the focused control, which uses it if
 * it is a text field, and back up to the window if nothing used it. */
static gboolean
deliver_key (AisleWindow *window,
             guint        keyval,
             guint32      time_ms)
{
  AisleScanner *scanner = AISLE_SCANNER (aisle_window_get_scanner (window));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  char text[8] = { 0 };

  if (aisle_scanner_key_pressed (scanner, keyval, time_ms))
    return TRUE;
  if (focus != NULL && GTK_IS_TEXT (focus) && gdk_keyval_to_unicode (keyval) != 0 &&
      g_unichar_to_utf8 (gdk_keyval_to_unicode (keyval), text) > 0 && keyval != GDK_KEY_Return)
    {
      int pos = gtk_editable_get_position (GTK_EDITABLE (focus));
      gtk_editable_insert_text (GTK_EDITABLE (focus), text, -1, &pos);
      gtk_editable_set_position (GTK_EDITABLE (focus), pos);
      return TRUE;
    }
  aisle_scanner_key_unhandled (scanner, keyval);
  return FALSE;
}

static gboolean
scan_code_unchecked (AisleWindow *window,
                     const char  *code,
                     guint        gap_ms)
{
  guint32 t = 1000000;

  for (const char *p = code; *p; p++, t += gap_ms)
    {
      /* A scanner presses Shift for ':', '?', '*' and capitals, as a
       * keyboard would. */
      if (g_ascii_isupper (*p) || strchr (":?*&%_", *p) != NULL)
        deliver_key (window, GDK_KEY_Shift_L, t);
      deliver_key (window, gdk_unicode_to_keyval (*p), t);
    }
  return deliver_key (window, GDK_KEY_Return, t);
}

static void
scan_code (AisleWindow *window,
           const char  *code,
           guint        gap_ms)
{
  g_assert_true (scan_code_unchecked (window, code, gap_ms));
}

static void
scan_steps (AisleApplication *app,
            AisleWindow      *window)
{
  GtkWidget *entry;

  /* A scan opens the product from the attract screen… */
  scan_code (window, "4006381333931", 8);
  assert_shows (window, "LUNDA armchair");
  assert_shows (window, "Article 100.000.01");

  /* …and from a search, without a digit leaking into the search field. */
  tap (window, "Home");
  type_text (window, "sofa");
  entry = find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  gtk_widget_grab_focus (entry);
  scan_code (window, "8001234567895", 8);
  assert_shows (window, "CUSCÌNO cushion cover");
  assert_shows (window, "Article 100.000.02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "sofa");

  /* A person typing digits slowly gets them in the field, at once. */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  deliver_key (window, GDK_KEY_1, 5000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1");
  deliver_key (window, GDK_KEY_0, 5400);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "10");

  /* An unknown code is said plainly. */
  scan_code (window, "5012345678900", 8);
  assert_shows (window, "We could not find the product with code 5012345678900");
  screenshot (window, "08-scan-unknown-en");

  /* A list's QR code, from a slip or a phone, read by a 2D scanner: it
   * joins the shopper's list, and nothing leaks into the search field. */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "sofa");
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  scan_code (window, "https://shop.fixture.example/list?items=100.000.01*2,100.000.02,999.999.99*1", 8);
  assert_shows (window, "Added 2 articles from your scanned list. 1 article on it is not sold in this store.");
  assert_shows (window, "Your list");
  assert_shows (window, "LUNDA armchair");
  assert_shows (window, "CUSCÌNO cushion cover");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "sofa");
  screenshot (window, "09-scan-list-en");

  /* Another shop's list changes nothing. */
  scan_code (window, "https://shop.other.example/list?items=100.000.01*5", 8);
  assert_shows (window, "This list is from another shop.");
}

static void
test_scan (void)
{
  run_kiosk (scan_steps, "en");
}

/* Where the focus is decides what a code typed at scanner speed is: a field
 * that asks for digits keeps them (dictation and switch-access tools type
 * that fast), a free-text field gets back what it had, and with the focus
 * on a button the code is a scan. */
static void
count_scan (guint *n)
{
  (*n)++;
}

static void
scan_fields_steps (AisleApplication *app,
                   AisleWindow      *window)
{
  AisleScanner *scanner = AISLE_SCANNER (aisle_window_get_scanner (window));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *phone = gtk_entry_new ();
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *button = gtk_button_new_with_label ("OK");
  GtkWidget *old = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  guint n_scans = 0;

  g_object_ref (old);
  gtk_entry_set_input_purpose (GTK_ENTRY (phone), GTK_INPUT_PURPOSE_PHONE);
  gtk_box_append (GTK_BOX (box), phone);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), button);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  settle (100);
  g_signal_connect_swapped (scanner, "scanned", G_CALLBACK (count_scan), &n_scans);

  gtk_widget_grab_focus (phone);
  scan_code_unchecked (window, "3912345678", 15);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "3912345678");
  g_assert_cmpuint (n_scans, ==, 0);

  gtk_widget_grab_focus (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Maria ");
  gtk_editable_set_position (GTK_EDITABLE (name), -1);
  scan_code_unchecked (window, "4006381333931", 15);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Maria ");
  g_assert_cmpuint (n_scans, ==, 1);

  gtk_widget_grab_focus (button);
  scan_code_unchecked (window, "4006381333931", 15);
  g_assert_cmpuint (n_scans, ==, 2);

  g_signal_handlers_disconnect_by_func (scanner, count_scan, &n_scans);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), old);
  g_object_unref (old);
}

static void
test_scan_fields (void)
{
  run_kiosk (scan_fields_steps, "en");
}

static void
language_steps (AisleApplication *app,
                AisleWindow      *window)
{
  tap (window, "Touch to start");
  tap (window, "Sofas");
  assert_shows (window, "3 products");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 0);
  assert_shows (window, "Article 100.000.01");

  /* The same product, in Italian: product data, UI text and prices. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("it"));
  assert_shows (window, "Poltrona LUNDA");
  assert_shows (window, "129,99\u00a0€");
  assert_shows (window, "Articolo 100.000.01");
  assert_shows (window, "Larghezza 78\u00a0cm");
  assert_shows (window, "Peso 14,2\u00a0kg");
  assert_not_shows (window, "LUNDA armchair");
  screenshot (window, "09-product-it");

  tap (window, "Inizio");
  assert_shows (window, "Cosa stai cercando?");
  assert_shows (window, "Divani");
  assert_shows (window, "Tessili");
  screenshot (window, "10-home-it");

  /* Search follows the language: "mobel" finds "Möbel" in German. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("de"));
  type_text (window, "mobel");
  assert_shows (window, "Gartenmöbel-Set");

  /* The search on screen is run again in the new language. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("es"));
  assert_shows (window, "Resultados para «mobel»");
  assert_shows (window, "No hay resultados");
  type_text (window, "muebles");
  assert_shows (window, "Conjunto de muebles de jardín");

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  aisle_window_show_attract (window);
  assert_shows (window, "Touch to start");
}

static void
test_language (void)
{
  run_kiosk (language_steps, "en");
}

static void
attract_it_steps (AisleApplication *app,
                  AisleWindow      *window)
{
  assert_shows (window, "Tocca per iniziare");
  screenshot (window, "11-attract-it");
  tap (window, "Tocca per iniziare");
  assert_shows (window, "Divani");
  screenshot (window, "12-home-it");
  tap (window, "Divani");
  screenshot (window, "13-category-it");
  type_text (window, "lunda");
  assert_shows (window, "Poltrona LUNDA");
  screenshot (window, "14-search-it");
}

static void
test_attract_italian (void)
{
  run_kiosk (attract_it_steps, "it");
}

/* Taps the first button whose accessible text we gave it (buttons without a
 * visible label, like − + ✕), found next to a label that shows @near. */
static void
list_steps (AisleApplication *app,
            AisleWindow      *window)
{
  tap (window, "Touch to start");
  tap (window, "Sofas");
  assert_shows (window, "3 products");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 0);
  assert_shows (window, "Article 100.000.01");

  /* Two LUNDA armchairs: the badge counts them on every screen. */
  tap (window, "+");
  tap (window, "Add to list");
  assert_shows (window, "Added. Your list has 2 × LUNDA armchair.");
  assert_shows (window, "My list");
  screenshot (window, "15-added-en");

  tap (window, "Back");
  assert_shows (window, "3 products");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 1);
  assert_shows (window, "Collected at the full-serve desk");
  tap (window, "Add to list");
  {
    GtkWidget *badge = find_label (GTK_WIDGET (window), "3");
    g_assert_nonnull (badge);
    g_assert_true (gtk_widget_has_css_class (badge, "badge"));
  }

  tap (window, "My list");
  assert_shows (window, "Your list");
  assert_shows (window, "3 articles · €608.98");
  assert_shows (window, "Pick it yourself");
  assert_shows (window, "4 boxes to take from the self-serve area, in walking order");
  assert_shows (window, "Box 1 of 2: Frame · take 2 · Article 100.000.01");
  assert_shows (window, "Box 2 of 2: Cushions · take 2 · Article 100.000.01");
  assert_shows (window, "We prepare it for you");
  assert_shows (window, "Collected at the full-serve desk · €349.00 each · Article 100.000.03");
  assert_shows (window, "Pick it yourself €259.98 · We prepare it €349.00 · Total €608.98");
  assert_touch_targets (window);
  screenshot (window, "16-list-en");

  /* Walking order: aisle 12 comes before aisle 31. */
  {
    g_autofree char *text = screen_text (window);
    g_assert_true (strstr (text, "Box 1 of 2: Frame") < strstr (text, "Box 2 of 2: Cushions"));
    g_assert_nonnull (strstr (text, "Aisle\n12\nShelf\n04"));
    g_assert_true (strstr (text, "Aisle\n12\nShelf\n04") < strstr (text, "Aisle\n31\nShelf\n17"));
  }

  /* One armchair less: totals follow at once. */
  tap_near (window, "LUNDA armchair", "−");
  assert_shows (window, "2 articles · €478.99");
  assert_shows (window, "Box 1 of 2: Frame · take 1 · Article 100.000.01");

  /* Prepared instead of picked: it moves to the other part. */
  tap_near (window, "LUNDA armchair", "Prepare it for me");
  assert_shows (window, "Prepared for you by staff · €129.99 each · Article 100.000.01");
  assert_not_shows (window, "Pick it yourself €");
  tap_near (window, "LUNDA armchair", "I will pick it myself");
  assert_shows (window, "Box 1 of 2: Frame · take 1");

  tap_near (window, "Garden furniture set", "✕");
  assert_shows (window, "1 article · €129.99");

  /* The shopper leaves: the next one starts with an empty list. */
  aisle_window_show_attract (window);
  tap (window, "Touch to start");
  tap (window, "My list");
  assert_shows (window, "Your list is empty");
  g_assert_null (find_label (GTK_WIDGET (window), "1"));
}

static void
test_list (void)
{
  run_kiosk (list_steps, "en");
}

/* A 1080×1920 portrait terminal: nothing may need a wider window, in any
 * language, on any page, with the keyboard out. */
static void
portrait_steps (AisleApplication *app,
                AisleWindow      *window)
{
  const char *languages[] = { "en", "it", "de", "es" };

  /* The list in both its parts: an armchair to pick, a garden set staff prepare. */
  tap (window, "Touch to start");
  add_product (window, 0);
  add_product (window, 1);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *pages[] = { "home", "category", "product", "search", "list", "slip" };

      g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string (languages[l]));
      aisle_window_start (window);

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          AisleShopView *view = shop (window);
          int min_width;

          aisle_shop_view_set_portrait (view, TRUE);
          if (p == 1)
            aisle_shop_view_show_category (view, 0);
          else if (p == 2)
            aisle_shop_view_show_product (view, 0);
          else if (p == 3)
            aisle_shop_view_search (view, "a");
          else if (p == 4)
            aisle_shop_view_show_list (view);
          else if (p == 5)
            g_signal_emit_by_name (find_type (GTK_WIDGET (window), AISLE_TYPE_LIST_PAGE), "print");

          gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
          if (min_width > 1080)
            g_error ("In %s the %s page needs %d px, wider than a portrait screen", languages[l], pages[p], min_width);
        }
    }
}

static void
test_portrait (void)
{
  run_kiosk (portrait_steps, "en");
}

static void
count_thumbnails (GtkWidget  *widget,
                  guint      *n,
                  GtkWidget **last)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "thumbnail"))
    {
      (*n)++;
      *last = widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_thumbnails (child, n, last);
}

/* The bundled demo store, as a retailer first sees it. */
static void
demo_steps (AisleApplication *app,
            AisleWindow      *window)
{
  const char *language = aisle_language_get_current_code ();
  gboolean it = g_str_equal (language, "it");
  g_autofree char *prefix = g_strdup_printf ("demo-%s", language);
  g_autofree char *shot = NULL;

  assert_shows (window, "Casa Nord");
  tap (window, it ? "Tocca per iniziare" : "Touch to start");
  assert_shows (window, it ? "Divani e poltrone" : "Sofas & armchairs");
  shot = g_strdup_printf ("%s-1-home", prefix);
  screenshot (window, shot);

  tap (window, it ? "Divani e poltrone" : "Sofas & armchairs");
  assert_shows (window, it ? "prodotti" : "products");
  g_free (shot);
  shot = g_strdup_printf ("%s-2-category", prefix);
  screenshot (window, shot);

  /* A sofa of three boxes in three aisles. */
  type_text (window, "812.525.98");
  assert_shows (window, it ? "Divano a 2 posti VALDÒ" : "VALDÒ 2-seat sofa");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 0);
  assert_shows (window, it ? "Collo 1 di 3" : "Box 1 of 3");
  assert_shows (window, "35");
  assert_shows (window, "25");
  g_free (shot);
  shot = g_strdup_printf ("%s-3-product", prefix);
  screenshot (window, shot);

  /* A product with two pictures: a thumbnail for each, and a tap shows it. */
  type_text (window, "763.839.34");
  assert_shows (window, it ? "Pouf CUSCÌNO" : "CUSCÌNO pouffe");
  g_signal_emit_by_name (find_type (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW), "activate", 0);
  assert_shows (window, it ? "Articolo 763.839.34" : "Article 763.839.34");
  {
    guint n_thumbnails = 0;
    GtkWidget *second = NULL;

    settle (200);
    count_thumbnails (GTK_WIDGET (window), &n_thumbnails, &second);
    g_assert_cmpuint (n_thumbnails, ==, 2);
    g_signal_emit_by_name (second, "clicked");
    g_free (shot);
    shot = g_strdup_printf ("%s-4-two-pictures", prefix);
    screenshot (window, shot);
  }

  type_text (window, it ? "cuscino" : "cushion");
  assert_shows (window, it ? "Risultati per «cuscino»" : "Results for “cushion”");
  g_free (shot);
  shot = g_strdup_printf ("%s-5-search", prefix);
  screenshot (window, shot);
}

static void
test_demo_store (void)
{
  g_autofree char *url = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);

  run_kiosk_on (url, demo_steps, "en");
  run_kiosk_on (url, demo_steps, "it");
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/browse", test_browse);
  g_test_add_func ("/kiosk/search", test_search);
  g_test_add_func ("/kiosk/scan", test_scan);
  g_test_add_func ("/kiosk/scan-fields", test_scan_fields);
  g_test_add_func ("/kiosk/language", test_language);
  g_test_add_func ("/kiosk/attract-italian", test_attract_italian);
  g_test_add_func ("/kiosk/portrait", test_portrait);
  g_test_add_func ("/kiosk/list", test_list);
  if (g_getenv ("AISLE_DEMO_STORE") != NULL)
    g_test_add_func ("/kiosk/demo-store", test_demo_store);

  return g_test_run ();
}
