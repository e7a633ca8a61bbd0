/* aisle-error.c: the project's error domain */
#include "aisle-error.h"

G_DEFINE_QUARK (aisle-error-quark, aisle_error)
