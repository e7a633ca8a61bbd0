/* order-server-util.h: tests/integration/order-server.py, started and stopped for a test */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Starts the server ($AISLE_ORDER_SERVER, or the one beside the tests) and
 * returns the port it listens on at 127.0.0.1; fails the test if it does
 * not start. */
guint order_server_start (void);
/* Tells it to go (its stdin closes), and makes it go after 5 s. */
void  order_server_stop  (void);

G_END_DECLS
