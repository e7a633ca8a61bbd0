/* kiosk-test-util.h: driving the real kiosk in-process under Xvfb
 *
 * Shared by the UI tests: run the application on a feed, look at what the
 * screen shows (mapped labels), tap buttons by their text, save screenshots
 * when AISLE_SCREENSHOT_DIR is set.
 */
#pragma once

#include <gtk/gtk.h>

#include "aisle-application.h"
#include "aisle-shop-view.h"
#include "aisle-window.h"

G_BEGIN_DECLS

typedef void (*Steps) (AisleApplication *app,
                       AisleWindow      *window);

/* The staff PIN kiosk_test_init() gives the kiosk, so that it starts on the
 * attract screen rather than asking for a first PIN. */
#define KIOSK_TEST_PIN "482913"

/* file:// URL of tests/fixtures/feed, set by kiosk_test_init(). */
extern char *kiosk_fixture_url;

void           kiosk_test_init      (int          *argc,
                                     char       ***argv);

gboolean       wait_for             (gboolean   (*done) (gpointer),
                                     gpointer      data,
                                     guint         timeout_ms);
void           settle               (guint         ms);
char          *screen_text          (AisleWindow  *window);
gboolean       shows_text           (gpointer      data);
GtkWidget     *find_label           (GtkWidget    *widget,
                                     const char   *text);
GtkWidget     *find_type            (GtkWidget    *widget,
                                     GType         type);
void           tap                  (AisleWindow  *window,
                                     const char   *text);
/* Taps the button labelled @button_label in the list row that shows @near. */
void           tap_near             (AisleWindow  *window,
                                     const char   *near,
                                     const char   *button_label);
void           type_text            (AisleWindow  *window,
                                     const char   *text);
void           screenshot           (AisleWindow  *window,
                                     const char   *name);
void           assert_touch_targets (AisleWindow  *window);
/* Mapped widgets of @type under @widget, in tree order. */
void           collect_type         (GtkWidget    *widget,
                                     GType         type,
                                     GPtrArray    *out);
GtkWidget     *find_class           (GtkWidget    *widget,
                                     const char   *css_class);
/* The mapped entries, in tree order. */
GPtrArray     *entries              (AisleWindow  *window);
/* Fills the mapped entries in order; NULL leaves one as it is. */
void           fill                 (AisleWindow  *window,
                                     const char  **values,
                                     guint         n);
/* The checkout's first pickup or delivery time. */
void           choose_first_window  (AisleWindow  *window);
/* Adds the fixture's sofa at @position to the list, and goes home. */
void           add_product          (AisleWindow  *window,
                                     guint         position);
/* Admin mode: the PIN typed on the pad's keys, and the way in. */
void           press_pin            (AisleWindow  *window,
                                     const char   *pin);
gboolean       admin_shown          (gpointer      window);
gboolean       admin_gone           (gpointer      window);
void           unlock               (AisleWindow  *window);
/* The pick check on what @window shows; returns how many controls it looked
 * at. @where names the screen in the failure message. */
guint          assert_pickable      (AisleWindow  *window,
                                     const char   *where);
void           run_kiosk            (Steps         steps,
                                     const char   *language);
/* @url: a feed given on the command line; NULL: the store of the settings. */
void           run_kiosk_on         (const char   *url,
                                     Steps         steps,
                                     const char   *language);
AisleShopView *shop                 (AisleWindow  *window);
/* What zbar, an independent decoder, reads from @widget as GTK draws it:
 * one line per code found. */
char          *zbar_read            (AisleWindow  *window,
                                     GtkWidget    *widget);

typedef struct
{
  AisleWindow *window;
  const char  *text;
} Expect;

#define assert_shows_within(window, needle, ms) \
  G_STMT_START { \
    Expect e_ = { (window), (needle) }; \
    if (!wait_for (shows_text, &e_, (ms))) \
      { \
        g_autofree char *t_ = screen_text (window); \
        g_error ("The screen does not show “%s”; it shows:\n%s", (needle), t_); \
      } \
  } G_STMT_END

#define assert_shows(window, needle) assert_shows_within ((window), (needle), 5000)

/* A slip printed, or refused by the printer: the cairo and Pango work of a
 * PDF slip takes over ten seconds under ASan with full stacks on every
 * malloc (the sanitizer suite); a few hundred milliseconds otherwise. */
#define SLIP_WAIT_MS 60000

#define assert_not_shows(window, needle) \
  G_STMT_START { \
    g_autofree char *t_ = screen_text (window); \
    if (strstr (t_, (needle)) != NULL) \
      g_error ("The screen shows “%s” but should not:\n%s", (needle), t_); \
  } G_STMT_END

G_END_DECLS
