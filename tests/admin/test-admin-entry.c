/* test-admin-entry.c: counting the taps that open admin mode, without a display */
#include "config.h"

#include "aisle-admin-entry.h"

#define MS (G_GINT64_CONSTANT (1000))

static void
count (gpointer data)
{
  (*(guint *)data)++;
}

static void
test_taps (void)
{
  g_autoptr(AisleAdminEntry) entry = aisle_admin_entry_new ();
  guint activated = 0;
  gint64 t = 1000 * MS;

  g_signal_connect_swapped (entry, "activated", G_CALLBACK (count), &activated);

  /* Four: nothing; the fifth within 3 s: in. */
  for (guint i = 0; i < 4; i++)
    g_assert_false (aisle_admin_entry_tap (entry, 5, 5, t + i * 500 * MS));
  g_assert_true (aisle_admin_entry_tap (entry, 5, 5, t + 2900 * MS));
  g_assert_cmpuint (activated, ==, 1);

  /* Counting starts over after: one more tap is not a sixth. */
  g_assert_false (aisle_admin_entry_tap (entry, 5, 5, t + 3000 * MS));

  /* Slow taps: the oldest fall out of the three seconds. */
  aisle_admin_entry_reset (entry);
  t = 100000 * MS;
  for (guint i = 0; i < 10; i++)
    g_assert_false (aisle_admin_entry_tap (entry, 5, 5, t + i * 800 * MS));
  g_assert_cmpuint (activated, ==, 1);

  /* Outside the corner starts over. */
  t = 200000 * MS;
  for (guint i = 0; i < 4; i++)
    aisle_admin_entry_tap (entry, 5, 5, t + i * 100 * MS);
  g_assert_false (aisle_admin_entry_tap (entry, AISLE_ADMIN_ENTRY_CORNER_SIZE, 5, t + 500 * MS));
  g_assert_false (aisle_admin_entry_tap (entry, 5, 5, t + 600 * MS));
  g_assert_cmpuint (activated, ==, 1);

  /* Exactly three seconds from first to fifth still counts. */
  aisle_admin_entry_reset (entry);
  t = 300000 * MS;
  for (guint i = 0; i < 4; i++)
    aisle_admin_entry_tap (entry, 0, 95, t + i * 750 * MS);
  g_assert_true (aisle_admin_entry_tap (entry, 95, 0, t + 3000 * MS));
  g_assert_cmpuint (activated, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/admin-entry/taps", test_taps);
  return g_test_run ();
}
