/* aisle-validate.c: checks for the names, e-mail addresses, phone numbers and
 * postcodes a shopper types, each giving a cleaned value or a message to show
 */
#define G_LOG_DOMAIN "aisle-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aisle-validate.h"

/* Limits on what is typed, in bytes, before trimming: checked before anything
 * walks the text, so a pasted megabyte costs no more than a short name. They
 * leave room for padding around the longest value each field accepts. */
#define NAME_MAX_INPUT      400
#define EMAIL_MAX_INPUT     320
#define PHONE_MAX_INPUT     64
#define POSTCODE_MAX_INPUT  32
#define ADDRESS_MAX_INPUT   400

#define NAME_MIN_CHARS      2
#define NAME_MAX_CHARS      80
#define EMAIL_MAX_BYTES     254
#define EMAIL_LOCAL_MAX     64
#define EMAIL_LABEL_MAX     63
#define ADDRESS_MAX_CHARS   100

typedef enum
{
  CLEAN_OK,
  CLEAN_EMPTY,
  CLEAN_TOO_LONG,
  CLEAN_BAD_TEXT,
} CleanResult;

static char *
fail (char      **message,
      const char *text)
{
  if (message != NULL)
    *message = g_strdup (text);
  return NULL;
}

static char *
succeed (char **message,
         char  *value)
{
  if (message != NULL)
    *message = NULL;
  return value;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Tabs and line breaks are trimmed from the ends (a paste often brings them)
 * but refused inside, where they would hide part of the value. */
static gboolean
is_trimmable (gunichar c)
{
  return is_blank (c) || g_unichar_isspace (c);
}

/* Invisible characters and ones that reorder text (U+202E and friends) let a
 * value look different from what is stored, so no field takes them. */
static gboolean
is_forbidden (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      break;
    }

  /* Blank "letters" and selectors that draw nothing by themselves. */
  return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 ||
         (c >= 0x180B && c <= 0x180F) || c == 0x3164 || c == 0xFFA0 ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

static CleanResult
clean_walk (const char *text,
            gsize       len,
            GString    *out)
{
  const char *end = text + len;
  gboolean pending_blank = FALSE;
  gboolean pending_break = FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_trimmable (c))
        {
          pending_blank = TRUE;
          pending_break |= !is_blank (c);
          continue;
        }
      if (is_forbidden (c))
        return CLEAN_BAD_TEXT;
      if (pending_blank && out->len > 0)
        {
          if (pending_break)
            return CLEAN_BAD_TEXT;
          g_string_append_c (out, ' ');
        }
      pending_blank = pending_break = FALSE;
      g_string_append_unichar (out, c);
    }

  return out->len > 0 ? CLEAN_OK : CLEAN_EMPTY;
}

/* Trims the ends, turns every run of spaces (including no-break spaces) into
 * one ASCII space, refuses invisible and control characters, and composes
 * accents so "e" + U+0301 and "é" are the same name. */
static CleanResult
clean_text (const char  *text,
            gsize        max_bytes,
            char       **cleaned)
{
  g_autoptr(GString) out = NULL;
  CleanResult result;
  gsize len;

  *cleaned = NULL;
  if (text == NULL)
    return CLEAN_EMPTY;

  len = strnlen (text, max_bytes + 1);
  if (len > max_bytes)
    return CLEAN_TOO_LONG;
  if (!g_utf8_validate_len (text, len, NULL))
    return CLEAN_BAD_TEXT;

  out = g_string_sized_new (len);
  result = clean_walk (text, len, out);
  if (result != CLEAN_OK)
    return result;

  *cleaned = g_utf8_normalize (out->str, out->len, G_NORMALIZE_DEFAULT_COMPOSE);
  return *cleaned != NULL ? CLEAN_OK : CLEAN_BAD_TEXT;
}

/* Names */

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  /* Enclosing marks are left out: they make keycaps and circled emoji. */
  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK;
}

static gboolean
is_name_punctuation (gunichar c)
{
  return c == ' ' || c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == '.';
}

char *
aisle_validate_name (const char  *text,
                     char       **message)
{
  g_autofree char *name = NULL;
  gboolean has_letter = FALSE;
  gboolean after_letter = FALSE;

  switch (clean_text (text, NAME_MAX_INPUT, &name))
    {
    case CLEAN_EMPTY:
      return fail (message, _("Please enter your name"));
    case CLEAN_TOO_LONG:
      return fail (message, _("Please shorten your name to at most 80 characters"));
    case CLEAN_BAD_TEXT:
      return fail (message, _("Please use only letters, spaces, apostrophes, hyphens and dots in your name"));
    case CLEAN_OK:
    default:
      break;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        has_letter = after_letter = TRUE;
      else if (is_mark (c) && after_letter)
        continue;
      else if (g_unichar_isdigit (c) || g_unichar_type (c) == G_UNICODE_OTHER_NUMBER ||
               g_unichar_type (c) == G_UNICODE_LETTER_NUMBER)
        return fail (message, _("Please write your name without digits"));
      else if (is_name_punctuation (c))
        after_letter = FALSE;
      else
        return fail (message, _("Please use only letters, spaces, apostrophes, hyphens and dots in your name"));
    }

  if (!has_letter)
    return fail (message, _("Please enter your name with at least one letter"));
  if (g_utf8_strlen (name, -1) < NAME_MIN_CHARS)
    return fail (message, _("Please enter at least 2 characters for your name"));
  if (g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
    return fail (message, _("Please shorten your name to at most 80 characters"));

  return succeed (message, g_steal_pointer (&name));
}

/* E-mail addresses */

static gboolean
is_ascii_atext (char c)
{
  /* RFC 5322 atext: a valid address must never be turned away at the till. */
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

static gboolean
email_local_is_valid (const char *local,
                      gsize       len)
{
  const char *end = local + len;

  if (len == 0 || len > EMAIL_LOCAL_MAX || local[0] == '.' || local[len - 1] == '.')
    return FALSE;

  for (const char *p = local; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.' && p[1] == '.')
        return FALSE;
      /* Addresses in other scripts (RFC 6531) are letters and digits. */
      if (c != '.' && !(c < 0x80 ? is_ascii_atext ((char) c) : g_unichar_isalnum (c) || is_mark (c)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
email_label_is_valid (const char *label,
                      gsize       len)
{
  const char *end = label + len;

  if (len == 0 || len > EMAIL_LABEL_MAX || label[0] == '-' || label[len - 1] == '-')
    return FALSE;

  for (const char *p = label; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 ? !(g_ascii_isalnum ((char) c) || c == '-') : !(g_unichar_isalnum (c) || is_mark (c)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
email_domain_is_valid (const char *domain)
{
  const char *label = domain;
  const char *last = NULL;
  guint labels = 0;

  for (;;)
    {
      const char *dot = strchr (label, '.');
      gsize len = dot != NULL ? (gsize) (dot - label) : strlen (label);

      if (!email_label_is_valid (label, len))
        return FALSE;
      labels++;
      last = label;
      if (dot == NULL)
        break;
      label = dot + 1;
    }

  /* An all-digit top-level domain is an IP address, which no shop mails to. */
  return labels >= 2 && strspn (last, "0123456789") != strlen (last);
}

char *
aisle_validate_email (const char  *text,
                      char       **message)
{
  g_autofree char *address = NULL;
  g_autofree char *domain = NULL;
  const char *at;

  switch (clean_text (text, EMAIL_MAX_INPUT, &address))
    {
    case CLEAN_EMPTY:
      return fail (message, _("Please enter your e-mail address with an @, like anna@example.com"));
    case CLEAN_TOO_LONG:
      return fail (message, _("That e-mail address is too long; please check it"));
    case CLEAN_BAD_TEXT:
      return fail (message, _("Please remove the unusual characters from your e-mail address"));
    case CLEAN_OK:
    default:
      break;
    }

  at = strchr (address, '@');
  if (at == NULL)
    return fail (message, _("Please enter your e-mail address with an @, like anna@example.com"));
  if (strchr (address, ' ') != NULL)
    return fail (message, _("Please remove the spaces from your e-mail address"));
  if (strchr (at + 1, '@') != NULL)
    return fail (message, _("An e-mail address has only one @, like anna@example.com"));
  if (strlen (address) > EMAIL_MAX_BYTES)
    return fail (message, _("That e-mail address is too long; please check it"));
  if (!email_local_is_valid (address, (gsize) (at - address)))
    return fail (message, _("Please check the part before the @ in your e-mail address, like anna in anna@example.com"));
  if (!email_domain_is_valid (at + 1))
    return fail (message, _("Please check the part after the @ in your e-mail address, like example.com"));

  /* Domains are case-insensitive; the part before the @ is left as typed. */
  domain = g_utf8_strdown (at + 1, -1);
  if ((gsize) (at - address) + 1 + strlen (domain) > EMAIL_MAX_BYTES)
    return fail (message, _("That e-mail address is too long; please check it"));

  return succeed (message, g_strdup_printf ("%.*s@%s", (int) (at - address), address, domain));
}

/* Phone numbers */

typedef struct
{
  const char *country;       /* ISO 3166-1 code of the kiosk's country */
  const char *calling_code;
  guint       min_digits;    /* of the national significant number */
  guint       max_digits;
  gboolean    trunk_zero;    /* dialled at home with a leading 0 that E.164 drops */
  gboolean    nanp;          /* North American plan: area code not 0 or 1 */
  const char *message;
} PhoneRule;

/* Translators: the examples are numbers as people write them in that
 * country; keep their digits and spacing. "the 0" is the leading zero. */
static const PhoneRule phone_rules[] = {
  { "IT", "39", 6, 11, FALSE, FALSE, N_("An Italian phone number has 6 to 11 digits, like 347 123 4567") },
  { "DE", "49", 5, 13, TRUE, FALSE, N_("A German phone number has 5 to 13 digits after the 0, like 0171 1234567") },
  { "ES", "34", 9, 9, FALSE, FALSE, N_("A Spanish phone number has 9 digits, like 612 34 56 78") },
  { "GB", "44", 10, 10, TRUE, FALSE, N_("A UK phone number has 10 digits after the 0, like 07700 900123") },
  { "US", "1", 10, 10, FALSE, TRUE,
    N_("A US phone number has 10 digits and its area code does not start with 0 or 1, like (415) 555-0132") },
};

#define PHONE_GENERIC_MIN 7
#define PHONE_GENERIC_MAX 15

static const PhoneRule *
phone_rule_for_country (const char *country)
{
  for (guint i = 0; country != NULL && i < G_N_ELEMENTS (phone_rules); i++)
    if (g_ascii_strcasecmp (country, phone_rules[i].country) == 0)
      return &phone_rules[i];
  return NULL;
}

/* Calling codes are prefix-free, so the first match is the only one. */
static const PhoneRule *
phone_rule_for_number (const char *digits)
{
  for (guint i = 0; i < G_N_ELEMENTS (phone_rules); i++)
    if (g_str_has_prefix (digits, phone_rules[i].calling_code))
      return &phone_rules[i];
  return NULL;
}

/* Keeps the digits and whether the number began with +; NULL if anything but
 * digits and the usual separators was typed, or + came after a digit. */
static char *
phone_collect_digits (const char *text,
                      gboolean   *plus,
                      gboolean   *misplaced_plus)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  *plus = *misplaced_plus = FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0 && !*plus)
        *plus = TRUE;
      else if (*p == '+')
        {
          *misplaced_plus = TRUE;
          return NULL;
        }
      else if (strchr (" .-/()", *p) == NULL)
        return NULL;
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static char *
phone_apply_rule (const PhoneRule *rule,
                  const char      *digits,
                  gboolean         international,
                  char           **message)
{
  const char *nsn = digits;
  gsize len;

  if (international)
    {
      nsn += strlen (rule->calling_code);
      /* "+44 (0)7700 900123": the trunk 0 is often written after the code. */
      if (rule->trunk_zero && nsn[0] == '0')
        nsn++;
    }
  else if (rule->trunk_zero)
    {
      if (nsn[0] != '0')
        return fail (message, _(rule->message));
      nsn++;
    }
  else if (rule->nanp && strlen (nsn) == 11 && nsn[0] == '1')
    {
      /* "1 415 555 0132": the long-distance 1 that Americans often type. */
      nsn++;
    }

  len = strlen (nsn);
  if (len < rule->min_digits || len > rule->max_digits || (rule->nanp && (nsn[0] == '0' || nsn[0] == '1')))
    return fail (message, _(rule->message));

  return succeed (message, g_strconcat ("+", rule->calling_code, nsn, NULL));
}

static char *
phone_apply_generic (const char *digits,
                     gboolean    international,
                     char      **message)
{
  gsize len = strlen (digits);

  /* Without a country code a number abroad cannot be written as E.164. */
  if (!international)
    return fail (message, _("Please start your phone number with + and the country code, like +33 1 23 45 67 89"));
  if (len < PHONE_GENERIC_MIN || len > PHONE_GENERIC_MAX || digits[0] == '0')
    return fail (message, _("A phone number with its country code has 7 to 15 digits, like +33 1 23 45 67 89"));

  return succeed (message, g_strconcat ("+", digits, NULL));
}

char *
aisle_validate_phone (const char  *text,
                      const char  *country,
                      char       **message)
{
  const PhoneRule *rule = phone_rule_for_country (country);
  const char *too_long = rule != NULL ? _(rule->message)
                                      : _("A phone number with its country code has 7 to 15 digits, like +33 1 23 45 67 89");
  g_autofree char *cleaned = NULL;
  g_autofree char *digits = NULL;
  const char *number;
  gboolean plus, misplaced_plus;

  switch (clean_text (text, PHONE_MAX_INPUT, &cleaned))
    {
    case CLEAN_EMPTY:
      return fail (message, _("Please enter your phone number"));
    case CLEAN_TOO_LONG:
      return fail (message, too_long);
    case CLEAN_BAD_TEXT:
      return fail (message, _("Please use only digits in your phone number; spaces, dashes and brackets are fine"));
    case CLEAN_OK:
    default:
      break;
    }

  digits = phone_collect_digits (cleaned, &plus, &misplaced_plus);
  if (misplaced_plus)
    return fail (message, _("Please put the + only at the start of your phone number"));
  if (digits == NULL)
    return fail (message, _("Please use only digits in your phone number; spaces, dashes and brackets are fine"));
  if (digits[0] == '\0')
    return fail (message, _("Please enter your phone number"));

  number = digits;
  if (!plus && g_str_has_prefix (number, "00"))
    number += 2;

  if (plus || number != digits)
    {
      const PhoneRule *own = phone_rule_for_number (number);

      /* A visitor's number keeps its own country's rules. */
      if (number[0] != '0' && own != NULL)
        return phone_apply_rule (own, number, TRUE, message);
      return phone_apply_generic (number, TRUE, message);
    }

  if (rule != NULL)
    return phone_apply_rule (rule, number, FALSE, message);
  return phone_apply_generic (number, FALSE, message);
}

/* Postcodes */

static gboolean
is_all_digits (const char *text,
               gsize       len)
{
  return strlen (text) == len && strspn (text, "0123456789") == len;
}

static char *
postcode_five_digits (const char  *code,
                      const char  *error,
                      char       **message)
{
  if (!is_all_digits (code, 5))
    return fail (message, error);
  return succeed (message, g_strdup (code));
}

static char *
postcode_es (const char  *code,
             char       **message)
{
  const char *error = _("A Spanish postcode has 5 digits from 01000 to 52999, like 28013");
  int province;

  if (!is_all_digits (code, 5))
    return fail (message, error);

  /* The first two digits are the province, 01 (Álava) to 52 (Melilla). */
  province = (code[0] - '0') * 10 + (code[1] - '0');
  if (province < 1 || province > 52)
    return fail (message, error);

  return succeed (message, g_strdup (code));
}

static char *
postcode_us (const char  *code,
             char       **message)
{
  char digits[10];
  gsize n = 0;

  /* "12345 6789" and "123456789" are how people type a ZIP+4 too. */
  for (const char *p = code; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && n < sizeof digits)
        digits[n++] = *p;
      else if (!((*p == '-' || *p == ' ') && p - code == 5))
        return fail (message, _("A US ZIP code has 5 digits, or 9 like 12345-6789"));
    }

  if (n == 5 && strlen (code) == 5)
    return succeed (message, g_strndup (digits, 5));
  if (n == 9 && (strlen (code) == 9 || strlen (code) == 10))
    return succeed (message, g_strdup_printf ("%.5s-%.4s", digits, digits + 5));

  return fail (message, _("A US ZIP code has 5 digits, or 9 like 12345-6789"));
}

/* The outward code (before the space): A9, A99, AA9, AA99, A9A or AA9A, with
 * the letters Royal Mail leaves out of each position. */
static gboolean
gb_outward_is_valid (const char *out,
                     gsize       len)
{
  if (len < 2 || len > 4 || !g_ascii_isupper (out[0]) || strchr ("QVX", out[0]) != NULL)
    return FALSE;

  if (g_ascii_isdigit (out[1]))
    {
      if (len == 2)
        return TRUE;
      return len == 3 && (g_ascii_isdigit (out[2]) || strchr ("ABCDEFGHJKPSTUW", out[2]) != NULL);
    }

  if (!g_ascii_isupper (out[1]) || strchr ("IJZ", out[1]) != NULL || len < 3 || !g_ascii_isdigit (out[2]))
    return FALSE;

  return len == 3 || g_ascii_isdigit (out[3]) || strchr ("ABEHMNPRVWXY", out[3]) != NULL;
}

static char *
postcode_gb (const char  *code,
             char       **message)
{
  const char *error = _("Please enter a UK postcode like SW1A 1AA or M1 1AE");
  char compact[8];
  gsize n = 0;
  const char *in;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isalnum (*p) || n == sizeof compact - 1)
        return fail (message, error);
      compact[n++] = g_ascii_toupper (*p);
    }
  compact[n] = '\0';

  if (n < 5)
    return fail (message, error);

  in = compact + n - 3;
  if (strcmp (compact, "GIR0AA") != 0 &&
      (!gb_outward_is_valid (compact, n - 3) || !g_ascii_isdigit (in[0]) ||
       !g_ascii_isupper (in[1]) || !g_ascii_isupper (in[2]) ||
       strchr ("CIKMOV", in[1]) != NULL || strchr ("CIKMOV", in[2]) != NULL))
    return fail (message, error);

  return succeed (message, g_strdup_printf ("%.*s %s", (int) (n - 3), compact, in));
}

static char *
postcode_generic (const char  *code,
                  char       **message)
{
  const char *error = _("A postcode has 2 to 10 letters, digits, spaces or dashes");
  gsize len = strlen (code);

  if (len < 2 || len > 10 || strspn (code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -") != len)
    return fail (message, error);
  if (strspn (code, " -") == len)
    return fail (message, error);

  return succeed (message, g_ascii_strup (code, -1));
}

char *
aisle_validate_postcode (const char  *text,
                         const char  *country,
                         char       **message)
{
  g_autofree char *code = NULL;
  CleanResult result = clean_text (text, POSTCODE_MAX_INPUT, &code);

  if (result == CLEAN_EMPTY)
    return fail (message, _("Please enter your postcode"));

  /* Anything else wrong gets the country's own format, which says what to
   * type; an empty string never matches a format. */
  if (result != CLEAN_OK)
    code = g_strdup ("");

  if (country != NULL && g_ascii_strcasecmp (country, "IT") == 0)
    return postcode_five_digits (code, _("An Italian postcode has 5 digits, like 00184"), message);
  if (country != NULL && g_ascii_strcasecmp (country, "DE") == 0)
    return postcode_five_digits (code, _("A German postcode has 5 digits, like 10115"), message);
  if (country != NULL && g_ascii_strcasecmp (country, "ES") == 0)
    return postcode_es (code, message);
  if (country != NULL && g_ascii_strcasecmp (country, "GB") == 0)
    return postcode_gb (code, message);
  if (country != NULL && g_ascii_strcasecmp (country, "US") == 0)
    return postcode_us (code, message);

  return postcode_generic (code, message);
}

/* Address lines */

char *
aisle_validate_street (const char  *text,
                       char       **message)
{
  g_autofree char *street = NULL;
  gboolean has_letter = FALSE;

  switch (clean_text (text, ADDRESS_MAX_INPUT, &street))
    {
    case CLEAN_EMPTY:
      return fail (message, _("Please enter the street and house number"));
    case CLEAN_TOO_LONG:
      return fail (message, _("Please shorten the street to at most 100 characters"));
    case CLEAN_BAD_TEXT:
      return fail (message, _("Please use only letters, digits and punctuation in the street"));
    case CLEAN_OK:
    default:
      break;
    }

  for (const char *p = street; *p != '\0'; p = g_utf8_next_char (p))
    has_letter |= g_unichar_isalpha (g_utf8_get_char (p));
  if (!has_letter || g_utf8_strlen (street, -1) < 3)
    return fail (message, _("Please enter the street and house number"));
  if (g_utf8_strlen (street, -1) > ADDRESS_MAX_CHARS)
    return fail (message, _("Please shorten the street to at most 100 characters"));
  return succeed (message, g_steal_pointer (&street));
}

char *
aisle_validate_city (const char  *text,
                     char       **message)
{
  g_autofree char *city = NULL;

  switch (clean_text (text, ADDRESS_MAX_INPUT, &city))
    {
    case CLEAN_EMPTY:
      return fail (message, _("Please enter the town or city"));
    case CLEAN_TOO_LONG:
      return fail (message, _("Please shorten the town to at most 100 characters"));
    case CLEAN_BAD_TEXT:
      return fail (message, _("Please use only letters, spaces, apostrophes, hyphens and dots in the town"));
    case CLEAN_OK:
    default:
      break;
    }

  for (const char *p = city; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && !is_mark (c) && !is_name_punctuation (c) && c != '(' && c != ')')
        return fail (message, _("Please use only letters, spaces, apostrophes, hyphens and dots in the town"));
    }
  if (g_utf8_strlen (city, -1) < 2)
    return fail (message, _("Please enter the town or city"));
  if (g_utf8_strlen (city, -1) > ADDRESS_MAX_CHARS)
    return fail (message, _("Please shorten the town to at most 100 characters"));
  return succeed (message, g_steal_pointer (&city));
}
