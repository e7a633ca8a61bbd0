/* aisle-pin.h: the staff PIN: what makes a PIN acceptable, and hashing it
 *
 * The PIN is kept only as an argon2id hash string from libsodium
 * ("$argon2id$v=19$m=…"), never in plain text. Hashing and checking take a
 * good fraction of a second on purpose, so both run on a worker thread.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AISLE_PIN_MIN_LENGTH 6
#define AISLE_PIN_MAX_LENGTH 12

/* TRUE when @pin may become the staff PIN: 6 to 12 ASCII digits, not one
 * digit repeated and not consecutive digits up or down ("123456", "987654",
 * "890123"). Otherwise FALSE and, if @message is not NULL, a translated
 * sentence to show staff; it never repeats the PIN. Any bytes, any length. */
gboolean  aisle_pin_is_acceptable      (const char           *pin,
                                        char                **message);

/* Hashes @pin, which must be acceptable (AISLE_ERROR_INVALID_DATA if not),
 * into a new salted argon2id hash string: hashing one PIN twice gives two
 * different strings. @pin is copied; the copy is wiped when done. */
void      aisle_pin_hash_async         (const char           *pin,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char     *aisle_pin_hash_finish        (GAsyncResult         *result,
                                        GError              **error);

/* Checks @pin against @hash from aisle_pin_hash_async(). The finish function
 * returns TRUE if it matches. It returns FALSE with @error unset when the PIN
 * is wrong, and FALSE with @error set when @hash cannot be checked at all
 * (AISLE_ERROR_INVALID_DATA: empty, not argon2id, or asking for more memory
 * or time than a kiosk gives it), which is not a wrong PIN. */
void      aisle_pin_verify_async       (const char           *pin,
                                        const char           *hash,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  aisle_pin_verify_finish      (GAsyncResult         *result,
                                        GError              **error);

/* TRUE when @hash was made with other parameters than this version uses
 * (or is not a usable hash): after a successful check, hash the PIN again. */
gboolean  aisle_pin_hash_needs_rehash  (const char           *hash);

G_END_DECLS
