/* test-pin.c: the staff PIN's rules, and that hashing and checking give what
 * staff expect: the right PIN opens, any other does not, and the hash never
 * holds the PIN. */
#define G_LOG_DOMAIN "test-pin"

#include "config.h"

#include <string.h>

#include "aisle-error.h"
#include "aisle-pin.h"

#define WAIT_LIMIT_US (60 * G_USEC_PER_SEC)

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return *slot;
}

static void
store_result (GObject      *source G_GNUC_UNUSED,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static char *
hash_pin (const char  *pin,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aisle_pin_hash_async (pin, NULL, store_result, &result);
  return aisle_pin_hash_finish (wait_for_result (&result), error);
}

static gboolean
verify_pin (const char  *pin,
            const char  *hash,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aisle_pin_verify_async (pin, hash, NULL, store_result, &result);
  return aisle_pin_verify_finish (wait_for_result (&result), error);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = hash_pin ("482913", &error);

  g_assert_no_error (error);
  g_assert_nonnull (hash);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "482913"));
  g_assert_false (aisle_pin_hash_needs_rehash (hash));

  g_assert_true (verify_pin ("482913", hash, &error));
  g_assert_no_error (error);
}

static void
test_wrong_pin (void)
{
  static const char * const wrong[] = {
    "482914", "48291", "4829130", "", "482913 ", "48291a", "٤٨٢٩١٣", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = hash_pin ("482913", &error);
  g_autofree char *huge = NULL;

  g_assert_no_error (error);
  for (guint i = 0; wrong[i] != NULL; i++)
    {
      g_assert_false (verify_pin (wrong[i], hash, &error));
      g_assert_no_error (error);
    }

  /* Ten megabytes of the right PIN over and over is still not the PIN. */
  huge = g_malloc (10 * 1024 * 1024 + 1);
  for (gsize i = 0; i < 10 * 1024 * 1024; i++)
    huge[i] = "482913"[i % 6];
  huge[10 * 1024 * 1024] = '\0';
  g_assert_false (verify_pin (huge, hash, &error));
  g_assert_no_error (error);
}

static void
test_salted (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = hash_pin ("739105", &error);
  g_autofree char *second = hash_pin ("739105", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (verify_pin ("739105", first, &error));
  g_assert_true (verify_pin ("739105", second, &error));
  g_assert_no_error (error);
}

static void
test_damaged_hash (void)
{
  static const char * const damaged[] = {
    "",
    "739105",
    "$argon2i$v=19$m=131072,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    /* A hash asking for 64 GiB of memory would stall or kill the kiosk. */
    "$argon2id$v=19$m=67108864,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$argon2id$v=19$m=131072,t=100000,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$argon2id$v=19$m=131072,t=3,p=1$!!!$???",
    NULL
  };

  for (guint i = 0; damaged[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (verify_pin ("739105", damaged[i], &error));
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
      g_assert_true (aisle_pin_hash_needs_rehash (damaged[i]));
    }
}

static void
test_hash_refuses_weak_pin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = hash_pin ("123456", &error);

  g_assert_null (hash);
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
  g_assert_null (strstr (error->message, "123456"));
}

static gboolean
note_idle (gpointer user_data)
{
  gboolean *ran = user_data;

  *ran = TRUE;
  return G_SOURCE_REMOVE;
}

/* The kiosk's main loop keeps turning while a PIN is hashed. */
static void
test_does_not_block (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gboolean idle_ran = FALSE;
  gint64 start = g_get_monotonic_time ();

  aisle_pin_hash_async ("582046", NULL, store_result, &result);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * 1000);

  g_idle_add (note_idle, &idle_ran);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (idle_ran);
  g_assert_null (result);

  hash = aisle_pin_hash_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (hash);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  g_cancellable_cancel (cancellable);
  aisle_pin_hash_async ("582046", cancellable, store_result, &result);
  hash = aisle_pin_hash_finish (wait_for_result (&result), &error);
  g_assert_null (hash);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
assert_acceptable (const char *pin)
{
  /* Not allocated: an acceptable PIN sets it to NULL without freeing it. */
  static char unset[] = "unset";
  char *message = unset;

  if (!aisle_pin_is_acceptable (pin, &message))
    g_error ("“%s” was refused: %s", pin, message);
  g_assert_null (message);
}

static void
assert_refused (const char *pin)
{
  g_autofree char *message = NULL;

  if (aisle_pin_is_acceptable (pin, &message))
    g_error ("“%s” was accepted", pin);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  /* The message is shown on screen: it must not repeat what was typed. */
  if (pin != NULL && strlen (pin) >= 4)
    g_assert_null (strstr (message, pin));
}

static void
test_acceptable (void)
{
  static const char * const good[] = {
    "482913", "739105", "112233", "135790", "123457", "000001", "909090",
    "2468024680", "482913739105", NULL
  };

  for (guint i = 0; good[i] != NULL; i++)
    assert_acceptable (good[i]);

  /* The message is optional. */
  g_assert_true (aisle_pin_is_acceptable ("482913", NULL));
  g_assert_false (aisle_pin_is_acceptable ("123456", NULL));
}

static void
test_refused_length (void)
{
  assert_refused (NULL);
  assert_refused ("");
  assert_refused ("4829");
  assert_refused ("48291");
  assert_refused ("4829137391052");
}

static void
test_refused_patterns (void)
{
  static const char * const easy[] = {
    "000000", "111111", "999999999999", "123456", "234567", "0123456789",
    "987654", "654321", "890123", "210987", "123456789012", NULL
  };

  for (guint i = 0; easy[i] != NULL; i++)
    assert_refused (easy[i]);
}

static void
test_refused_non_digits (void)
{
  static const char * const bad[] = {
    "48291a", "4829 13", " 482913", "482913\n", "+482913", "-482913", "48.2913",
    "٤٨٢٩١٣", "４８２９１３", "482913\xff", NULL
  };

  for (guint i = 0; bad[i] != NULL; i++)
    assert_refused (bad[i]);
}

/* A pasted megabyte costs nothing: only the first 13 bytes are looked at. */
static void
test_refused_huge (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *digits = g_malloc (size + 1);
  g_autofree char *letters = g_malloc (size + 1);
  gint64 start;

  for (gsize i = 0; i < size; i++)
    {
      digits[i] = "482913"[i % 6];
      letters[i] = 'x';
    }
  digits[size] = letters[size] = '\0';

  start = g_get_monotonic_time ();
  assert_refused (digits);
  assert_refused (letters);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin/hash/round-trip", test_round_trip);
  g_test_add_func ("/pin/hash/wrong-pin", test_wrong_pin);
  g_test_add_func ("/pin/hash/salted", test_salted);
  g_test_add_func ("/pin/hash/damaged", test_damaged_hash);
  g_test_add_func ("/pin/hash/refuses-weak-pin", test_hash_refuses_weak_pin);
  g_test_add_func ("/pin/hash/does-not-block", test_does_not_block);
  g_test_add_func ("/pin/hash/cancelled", test_cancelled);
  g_test_add_func ("/pin/rules/acceptable", test_acceptable);
  g_test_add_func ("/pin/rules/length", test_refused_length);
  g_test_add_func ("/pin/rules/patterns", test_refused_patterns);
  g_test_add_func ("/pin/rules/non-digits", test_refused_non_digits);
  g_test_add_func ("/pin/rules/huge", test_refused_huge);

  return g_test_run ();
}
