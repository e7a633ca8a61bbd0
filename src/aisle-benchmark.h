/* aisle-benchmark.h: timing the kiosk as a shopper uses it, for tools/bench
 *
 * With --benchmark the kiosk starts on the home screen from its saved catalog,
 * prints when the first frame with the categories was painted and its memory
 * (PSS), then types a fixed query script into the real search field, one
 * character at a time, and prints how long each keystroke took to reach the
 * screen. Same widgets, same models, same search as a shopper gets.
 */
#pragma once

#include "aisle-window.h"

G_BEGIN_DECLS

void aisle_benchmark_start (AisleWindow *window,
                            const char  *queries_path);

G_END_DECLS
