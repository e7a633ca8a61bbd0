/* print-test-util.h: what the printing tests share: the fixture shop, a shopping
 * list, the shopper's language, and running the Python helpers */
#pragma once

#include "aisle-catalog.h"
#include "aisle-shopping-list.h"
#include "aisle-slip.h"
#include "aisle-stock.h"

G_BEGIN_DECLS

typedef struct
{
  AisleCatalog *catalog;
  AisleStock   *stock;
} PrintFixture;

/* gettext bound to the build's translations, as the kiosk does it. */
void               print_test_init_i18n   (void);
void               print_fixture_load     (PrintFixture      *fixture);
void               print_fixture_clear    (PrintFixture      *fixture);

/* Two BRÜCKE shelves (two boxes each), the "€ äöü ß àèìòù ñ" article, a
 * mirror with no known place, a full-serve wardrobe and an online-only sofa. */
AisleShoppingList *print_test_list        (void);
/* 20 November 2026, 09:30 in Milan. */
GDateTime         *print_test_now         (void);
/* The slip of print_test_list() in @language (gettext switched to it). */
AisleSlip         *print_test_slip        (PrintFixture      *fixture,
                                           AisleLanguage      language,
                                           gboolean           with_order);

/* python3 tests/print/<script> with @args; returns its standard output and
 * fails the test when it exits with an error. */
char              *print_test_run_python  (const char        *script,
                                           const char * const *args);
/* @argv run, with its standard output; fails the test when it cannot start,
 * or when it exits with an error and @must_succeed. */
char              *print_test_run         (const char * const *argv,
                                           gboolean           must_succeed);
/* The text of @pdf (pdftotext, UTF-8; @layout keeps the columns). */
char              *print_test_pdf_text    (const char        *pdf,
                                           gboolean           layout);
/* Every QR code on every page of @pdf, one payload per line, as a phone
 * reads them: rendered at 150 dpi (pdftoppm), decoded by zbarimg. */
char              *print_test_pdf_qr_codes (const char       *pdf);
/* A file in a new temporary folder, and the folder's removal. */
char              *print_test_temp_dir    (void);
void               print_test_remove_dir  (const char        *dir);
void               print_test_keep        (const char        *path,
                                           const char        *name);
/* The translation of @msgid in the current language (for expected lines). */
const char        *print_test_tr          (const char        *msgid) G_GNUC_FORMAT (1);

G_END_DECLS
