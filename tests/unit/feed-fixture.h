/* feed-fixture.h: the fixture feed of tests/fixtures/feed, for unit tests */
#pragma once

#include "aisle-catalog.h"
#include "aisle-stock.h"

G_BEGIN_DECLS

/* The bytes of tests/fixtures/feed/@name. */
GBytes *feed_fixture_bytes (const char    *name);
/* The fixture catalog and Milano's stock, parsed. */
void    feed_fixture_load  (AisleCatalog **catalog,
                            AisleStock   **stock);

/* The demo store's catalog.json with @member (",\"products\":[]") added
 * before its closing brace: the hostile document of issue 16. */
GString *feed_fixture_demo_catalog_with (const char *member);

G_END_DECLS
