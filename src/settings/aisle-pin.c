/* aisle-pin.c: the staff PIN's rules, and argon2id hashing on a worker thread
 *
 * libsodium does the cryptography. The PIN is copied once, into a buffer that
 * is wiped with sodium_memzero() as soon as the work is done.
 */
#define G_LOG_DOMAIN "aisle-pin"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "aisle-error.h"
#include "aisle-pin.h"

/* A kiosk has two slow cores and a few GB of memory, and staff wait for the
 * hash each time they unlock. Three passes over 128 MiB take about 0.2 s on a
 * desktop core and 0.5–1 s on a low-power kiosk CPU: slow enough that trying
 * all million 6-digit PINs against a stolen hash costs days of CPU per
 * kiosk, while 128 MiB is a small share of the kiosk's memory. libsodium's
 * "moderate" preset (256 MiB) would take 2 s there; "interactive" (64 MiB,
 * two passes) would make guessing twice as cheap for little gain. */
#define PIN_OPSLIMIT 3
#define PIN_MEMLIMIT (128 * 1024 * 1024)

/* A stored hash comes from settings someone could edit: a hash asking for
 * more than this would let that person stall or exhaust the kiosk. */
#define HASH_MAX_MEMORY_KIB (1024 * 1024)
#define HASH_MAX_PASSES     16
#define HASH_MAX_LANES      16

/* Longer input cannot be a PIN anyone set; it is a wrong PIN without hashing. */
#define VERIFY_MAX_INPUT 64

typedef struct
{
  char  *pin;
  gsize  pin_len;
  char  *hash;
} PinJob;

static void
pin_job_free (PinJob *job)
{
  if (job->pin != NULL)
    {
      sodium_memzero (job->pin, job->pin_len);
      g_free (job->pin);
    }
  g_free (job->hash);
  g_free (job);
}

static PinJob *
pin_job_new (const char *pin,
             gsize       pin_len,
             const char *hash)
{
  PinJob *job = g_new0 (PinJob, 1);

  job->pin = g_malloc (pin_len + 1);
  memcpy (job->pin, pin, pin_len);
  job->pin[pin_len] = '\0';
  job->pin_len = pin_len;
  job->hash = g_strdup (hash);

  return job;
}

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialized = 0;
  static gboolean ready = FALSE;

  if (g_once_init_enter (&initialized))
    {
      /* Fails only when the system has no source of randomness. */
      ready = sodium_init () >= 0;
      g_once_init_leave (&initialized, 1);
    }

  if (!ready)
    g_set_error_literal (error, AISLE_ERROR, AISLE_ERROR_FAILED,
                         _("The kiosk’s cryptography library could not start."));
  return ready;
}

static gboolean
fail (char      **message,
      const char *text)
{
  if (message != NULL)
    *message = g_strdup (text);
  return FALSE;
}

gboolean
aisle_pin_is_acceptable (const char  *pin,
                         char       **message)
{
  gsize len;
  int step;

  if (message != NULL)
    *message = NULL;
  if (pin == NULL)
    pin = "";

  /* Never walks past one byte more than the longest PIN. */
  len = strnlen (pin, AISLE_PIN_MAX_LENGTH + 1);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      return fail (message, _("A PIN is made of digits only."));

  if (len < AISLE_PIN_MIN_LENGTH || len > AISLE_PIN_MAX_LENGTH)
    {
      if (message != NULL)
        /* Translators: the numbers are the shortest and longest PIN lengths */
        *message = g_strdup_printf (_("A PIN has %d to %d digits."),
                                    AISLE_PIN_MIN_LENGTH, AISLE_PIN_MAX_LENGTH);
      return FALSE;
    }

  /* One step between all neighbours, modulo 10: 0 is one repeated digit,
   * 1 and 9 are runs up and down (wrapping, as 890123 is still a run). */
  step = (pin[1] - pin[0] + 10) % 10;
  for (gsize i = 2; i < len; i++)
    if ((pin[i] - pin[i - 1] + 10) % 10 != step)
      return TRUE;

  if (step == 0)
    return fail (message, _("A PIN of one repeated digit is too easy to guess."));
  if (step == 1 || step == 9)
    return fail (message, _("A PIN of consecutive digits is too easy to guess."));

  return TRUE;
}

static void
hash_worker (GTask        *task,
             gpointer      source_object G_GNUC_UNUSED,
             gpointer      task_data,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  PinJob *job = task_data;
  char out[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (out, job->pin, job->pin_len, PIN_OPSLIMIT, PIN_MEMLIMIT) != 0)
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_FAILED,
                               _("Not enough memory to protect the staff PIN."));
      return;
    }

  g_task_return_pointer (task, g_strdup (out), g_free);
}

void
aisle_pin_hash_async (const char          *pin,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_pin_hash_async);
  /* The hash cannot be interrupted; a cancelled caller need not wait for it. */
  g_task_set_return_on_cancel (task, TRUE);

  if (!ensure_sodium (&error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!aisle_pin_is_acceptable (pin, &message))
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_INVALID_DATA, "%s", message);
      return;
    }

  g_task_set_task_data (task, pin_job_new (pin, strlen (pin), NULL), (GDestroyNotify)pin_job_free);
  g_task_run_in_thread (task, hash_worker);
}

/**
 * aisle_pin_hash_finish:
 *
 * Returns: (transfer full): the argon2id hash string, or %NULL with @error set
 */
char *
aisle_pin_hash_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aisle_pin_hash_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Only well-formed argon2id hashes with bounded costs are checked: see
 * HASH_MAX_MEMORY_KIB. Needs ensure_sodium(). */
static gboolean
hash_is_usable (const char *hash)
{
  guint version, memory, passes, lanes;
  char end = '\0';

  if (hash == NULL || strnlen (hash, crypto_pwhash_STRBYTES) >= crypto_pwhash_STRBYTES)
    return FALSE;
  if (sscanf (hash, "$argon2id$v=%u$m=%u,t=%u,p=%u%c", &version, &memory, &passes, &lanes, &end) != 5 ||
      end != '$')
    return FALSE;

  if (memory == 0 || memory > HASH_MAX_MEMORY_KIB ||
      passes == 0 || passes > HASH_MAX_PASSES ||
      lanes == 0 || lanes > HASH_MAX_LANES)
    return FALSE;

  /* Decodes the salt and the hash too: -1 means libsodium cannot read it. */
  return crypto_pwhash_str_needs_rehash (hash, PIN_OPSLIMIT, PIN_MEMLIMIT) != -1;
}

static void
verify_worker (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  PinJob *job = task_data;

  /* libsodium compares in constant time and answers -1 for a wrong PIN. */
  g_task_return_boolean (task, crypto_pwhash_str_verify (job->hash, job->pin, job->pin_len) == 0);
}

void
aisle_pin_verify_async (const char          *pin,
                        const char          *hash,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gsize pin_len;

  g_return_if_fail (pin != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aisle_pin_verify_async);
  g_task_set_return_on_cancel (task, TRUE);

  if (!ensure_sodium (&error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!hash_is_usable (hash))
    {
      g_task_return_new_error (task, AISLE_ERROR, AISLE_ERROR_INVALID_DATA,
                               _("The stored staff PIN is damaged and cannot be checked."));
      return;
    }

  pin_len = strnlen (pin, VERIFY_MAX_INPUT + 1);
  if (pin_len == 0 || pin_len > VERIFY_MAX_INPUT)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  g_task_set_task_data (task, pin_job_new (pin, pin_len, hash), (GDestroyNotify)pin_job_free);
  g_task_run_in_thread (task, verify_worker);
}

gboolean
aisle_pin_verify_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aisle_pin_verify_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
aisle_pin_hash_needs_rehash (const char *hash)
{
  if (!ensure_sodium (NULL) || !hash_is_usable (hash))
    return TRUE;

  return crypto_pwhash_str_needs_rehash (hash, PIN_OPSLIMIT, PIN_MEMLIMIT) != 0;
}
