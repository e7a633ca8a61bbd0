/* fuzz-common.h: what every fuzz target shares (see docs/fuzzing.md)
 *
 * Each fuzz-<target>.c defines LLVMFuzzerTestOneInput() over the real
 * parser. Built with clang it links libFuzzer; with any compiler it links
 * fuzz-replay.c, which runs the files of a corpus through it once.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "aisle-catalog.h"

G_BEGIN_DECLS

int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);
/* fuzz-common.c has one that only calls fuzz_quiet_logs(); a target that
 * needs more set-up defines its own. */
int  LLVMFuzzerInitialize   (int           *argc,
                             char        ***argv);

/* Silences logging (a fuzzer sees millions of bad inputs, each logged)
 * but aborts on a critical or an error: those are bugs a document must
 * never reach. */
void fuzz_quiet_logs        (void);

/* The bundled demo store's catalog, for targets that read documents
 * against a catalog (stock, list links); aborts if it cannot be read. */
AisleCatalog *fuzz_demo_catalog (void);

G_END_DECLS
