/* test-pin-guard.c: the lockout after wrong staff PINs, on a fake clock: when
 * the pad locks, for how long, that a restart keeps the lock, and that the
 * log says what happened without ever giving a PIN away. */
#define G_LOG_DOMAIN "test-pin-guard"

#include "config.h"

#include <gio/gio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <string.h>

#include "aisle-pin.h"
#include "aisle-pin-guard.h"

#define SECOND G_GINT64_CONSTANT (1000000)
#define START  (G_GINT64_CONSTANT (1700000000) * SECOND)

typedef struct
{
  GSettingsBackend *backend;
  GSettings        *settings;
  AislePinGuard    *guard;
  gint64            now;
} Fixture;

/* Every line the program logs, as "domain: message". */
static GPtrArray *log_lines;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static AislePinGuard *
new_guard (Fixture *f)
{
  AislePinGuard *guard = aisle_pin_guard_new (f->settings);

  aisle_pin_guard_set_clock (guard, fake_clock, f);
  return guard;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  f->backend = g_memory_settings_backend_new ();
  f->settings = g_settings_new_with_backend ("org.aisle.Kiosk", f->backend);
  f->now = START;
  f->guard = new_guard (f);
  g_ptr_array_set_size (log_lines, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->guard);
  g_clear_object (&f->settings);
  g_clear_object (&f->backend);
}

static void
wrong (Fixture *f,
       guint    times)
{
  for (guint i = 0; i < times; i++)
    aisle_pin_guard_record (f->guard, FALSE);
}

static void
assert_open (Fixture *f)
{
  g_assert_false (aisle_pin_guard_is_locked (f->guard));
  g_assert_cmpint (aisle_pin_guard_get_locked_until (f->guard), ==, 0);
  g_assert_cmpint (aisle_pin_guard_get_remaining (f->guard), ==, 0);
}

/* Locked now, for exactly @length, and open as soon as it has passed. */
static void
assert_locked_for (Fixture *f,
                   gint64   length)
{
  gint64 start = f->now;

  g_assert_true (aisle_pin_guard_is_locked (f->guard));
  g_assert_cmpint (aisle_pin_guard_get_locked_until (f->guard), ==, start + length);
  g_assert_cmpint (aisle_pin_guard_get_remaining (f->guard), ==, length);
  g_assert_cmpuint (aisle_pin_guard_get_tries_left (f->guard), ==, 0);

  f->now = start + length - SECOND / 10;
  g_assert_true (aisle_pin_guard_is_locked (f->guard));
  g_assert_cmpint (aisle_pin_guard_get_remaining (f->guard), ==, SECOND / 10);

  f->now = start + length;
  assert_open (f);
}

static void
test_four_wrong_stay_open (Fixture       *f,
                           gconstpointer  data G_GNUC_UNUSED)
{
  assert_open (f);
  g_assert_cmpuint (aisle_pin_guard_get_tries_left (f->guard), ==, 5);

  wrong (f, 4);
  assert_open (f);
  g_assert_cmpuint (aisle_pin_guard_get_failures (f->guard), ==, 4);
  g_assert_cmpuint (aisle_pin_guard_get_tries_left (f->guard), ==, 1);
}

static void
test_fifth_locks_thirty_seconds (Fixture       *f,
                                 gconstpointer  data G_GNUC_UNUSED)
{
  wrong (f, 4);
  f->now += 5 * SECOND;
  wrong (f, 1);
  assert_locked_for (f, 30 * SECOND);
}

static void
test_lock_doubles_to_fifteen_minutes (Fixture       *f,
                                      gconstpointer  data G_GNUC_UNUSED)
{
  static const gint64 lengths[] = { 30, 60, 120, 240, 480, 900, 900, 900 };

  wrong (f, 4);
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      wrong (f, 1);
      assert_locked_for (f, lengths[i] * SECOND);
      f->now += 3 * SECOND;
    }
  g_assert_cmpuint (aisle_pin_guard_get_failures (f->guard), ==, 4 + G_N_ELEMENTS (lengths));
}

static void
test_right_pin_resets (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  wrong (f, 3);
  g_assert_true (aisle_pin_guard_record (f->guard, TRUE));
  g_assert_cmpuint (aisle_pin_guard_get_failures (f->guard), ==, 0);
  g_assert_cmpuint (aisle_pin_guard_get_tries_left (f->guard), ==, 5);

  /* After a lock too, the count starts over at five tries. */
  wrong (f, 5);
  f->now += 30 * SECOND;
  wrong (f, 1);
  f->now += 60 * SECOND;
  assert_open (f);
  aisle_pin_guard_record (f->guard, TRUE);
  wrong (f, 4);
  assert_open (f);
  wrong (f, 1);
  assert_locked_for (f, 30 * SECOND);
}

static void
test_attempt_while_locked_ignored (Fixture       *f,
                                   gconstpointer  data G_GNUC_UNUSED)
{
  wrong (f, 5);
  f->now += 10 * SECOND;

  /* Nothing is checked while locked: neither a right nor a wrong PIN counts. */
  g_assert_false (aisle_pin_guard_record (f->guard, TRUE));
  g_assert_false (aisle_pin_guard_record (f->guard, FALSE));
  g_assert_cmpuint (aisle_pin_guard_get_failures (f->guard), ==, 5);
  g_assert_cmpint (aisle_pin_guard_get_remaining (f->guard), ==, 20 * SECOND);
}

static void
test_survives_restart (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(AislePinGuard) again = NULL;

  wrong (f, 5);
  f->now += 30 * SECOND;
  wrong (f, 1);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "admin-pin-failures"), ==, 6);
  g_assert_cmpint (g_settings_get_int64 (f->settings, "admin-pin-locked-until"), ==, START + 90 * SECOND);

  /* The kiosk restarts 20 s later: 40 s of lock are left. */
  g_clear_object (&f->guard);
  f->now += 20 * SECOND;
  f->guard = new_guard (f);
  g_assert_cmpuint (aisle_pin_guard_get_failures (f->guard), ==, 6);
  g_assert_cmpint (aisle_pin_guard_get_remaining (f->guard), ==, 40 * SECOND);

  /* The next wrong PIN after the lock doubles it, as without the restart. */
  f->now += 40 * SECOND;
  wrong (f, 1);
  assert_locked_for (f, 120 * SECOND);

  aisle_pin_guard_record (f->guard, TRUE);
  again = new_guard (f);
  g_assert_cmpuint (aisle_pin_guard_get_failures (again), ==, 0);
  g_assert_false (aisle_pin_guard_is_locked (again));
}

/* The clock went back an hour after the pad locked (or someone edited the
 * setting): the lock still ends no later than its own length from now. */
static void
test_clock_set_back (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  wrong (f, 5);
  f->now -= 3600 * SECOND;
  g_assert_cmpint (aisle_pin_guard_get_remaining (f->guard), ==, 30 * SECOND);
  f->now += 30 * SECOND;
  assert_open (f);

  g_settings_set_uint (f->settings, "admin-pin-failures", 2);
  g_settings_set_int64 (f->settings, "admin-pin-locked-until", f->now + 365 * 24 * 3600 * SECOND);
  g_clear_object (&f->guard);
  f->guard = new_guard (f);
  assert_open (f);
}

static void
test_without_settings (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(AislePinGuard) guard = aisle_pin_guard_new (NULL);

  aisle_pin_guard_set_clock (guard, fake_clock, f);
  for (guint i = 0; i < 5; i++)
    aisle_pin_guard_record (guard, FALSE);
  g_assert_cmpint (aisle_pin_guard_get_remaining (guard), ==, 30 * SECOND);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "admin-pin-failures"), ==, 0);
}

static void
note_notify (GObject    *object G_GNUC_UNUSED,
             GParamSpec *pspec G_GNUC_UNUSED,
             guint      *count)
{
  (*count)++;
}

static void
test_notifies_lock (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  guint notifies = 0;

  g_signal_connect (f->guard, "notify::locked-until", G_CALLBACK (note_notify), &notifies);
  wrong (f, 4);
  g_assert_cmpuint (notifies, ==, 0);
  wrong (f, 1);
  g_assert_cmpuint (notifies, ==, 1);
  f->now += 30 * SECOND;
  aisle_pin_guard_record (f->guard, TRUE);
  g_assert_cmpuint (notifies, ==, 2);
}

static void
store_result (GObject      *source G_GNUC_UNUSED,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* What the PIN pad does with what staff typed. */
static void
check_and_record (Fixture    *f,
                  const char *pin,
                  const char *hash)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  aisle_pin_verify_async (pin, hash, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = aisle_pin_verify_finish (result, &error);
  g_assert_no_error (error);
  aisle_pin_guard_record (f->guard, ok);
}

static gboolean
logged (const char *text)
{
  for (guint i = 0; i < log_lines->len; i++)
    if (strstr (log_lines->pdata[i], text) != NULL)
      return TRUE;

  return FALSE;
}

/* No three digits in a row of @pin appear anywhere in the log. */
static void
assert_not_logged (const char *pin)
{
  for (gsize i = 0; i + 3 <= strlen (pin); i++)
    {
      g_autofree char *part = g_strndup (pin + i, 3);

      if (logged (part))
        g_error ("The log gives away part of a PIN: %s", part);
    }
}

static void
hash_done (GObject      *source G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **hash = user_data;

  *hash = aisle_pin_hash_finish (result, NULL);
}

static void
test_log_never_has_pin (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  static const char * const tries[] = { "758203", "864197", "975318", "319757", "642086", NULL };
  const char *right = "208431";
  g_autofree char *hash = NULL;

  aisle_pin_hash_async (right, NULL, hash_done, &hash);
  while (hash == NULL)
    g_main_context_iteration (NULL, TRUE);

  check_and_record (f, tries[0], hash);
  check_and_record (f, tries[1], hash);
  check_and_record (f, tries[2], hash);
  g_assert_true (logged ("admin PIN attempt refused (3 of 5)"));
  check_and_record (f, right, hash);
  g_assert_true (logged ("admin unlocked"));

  for (guint i = 0; tries[i] != NULL; i++)
    check_and_record (f, tries[i], hash);
  g_assert_true (logged ("admin PIN attempt refused (5 of 5); PIN pad locked for 30 s"));
  check_and_record (f, right, hash);
  g_assert_true (logged ("while the PIN pad is locked"));

  g_assert_cmpuint (log_lines->len, >=, 10);
  assert_not_logged (right);
  for (guint i = 0; tries[i] != NULL; i++)
    assert_not_logged (tries[i]);
  g_assert_false (logged ("6 digits"));
}

static GLogWriterOutput
capture_log (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data G_GNUC_UNUSED)
{
  const char *domain = "";
  const char *message = "";

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].value != NULL)
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].value != NULL)
        message = fields[i].value;
    }

  g_ptr_array_add (log_lines, g_strdup_printf ("%s: %s", domain, message));

  if (g_str_equal (domain, "aisle-pin-guard") || g_str_equal (domain, "aisle-pin"))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, NULL);
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  log_lines = g_ptr_array_new_with_free_func (g_free);
  /* g_test_init() prints messages itself; send them to the writer again. */
  g_log_set_default_handler (g_log_default_handler, NULL);
  g_log_set_writer_func (capture_log, NULL, NULL);

  add_test ("/pin-guard/four-wrong-stay-open", test_four_wrong_stay_open);
  add_test ("/pin-guard/fifth-locks-30s", test_fifth_locks_thirty_seconds);
  add_test ("/pin-guard/lock-doubles-to-15min", test_lock_doubles_to_fifteen_minutes);
  add_test ("/pin-guard/right-pin-resets", test_right_pin_resets);
  add_test ("/pin-guard/attempt-while-locked", test_attempt_while_locked_ignored);
  add_test ("/pin-guard/survives-restart", test_survives_restart);
  add_test ("/pin-guard/clock-set-back", test_clock_set_back);
  add_test ("/pin-guard/without-settings", test_without_settings);
  add_test ("/pin-guard/notifies-lock", test_notifies_lock);
  add_test ("/pin-guard/log-never-has-pin", test_log_never_has_pin);

  return g_test_run ();
}
