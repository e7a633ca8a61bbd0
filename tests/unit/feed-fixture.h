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

G_END_DECLS
