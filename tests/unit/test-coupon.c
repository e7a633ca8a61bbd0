/* test-coupon.c: reading the store's answer about a coupon, and codes as shoppers and scanners give them */
#include "config.h"

#include "aisle-coupon.h"
#include "aisle-error.h"

static GBytes *
bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_parse (void)
{
  g_autoptr(GBytes) good = bytes ("{\"coupon\":{\"code\":\"WELCOME10\",\"description\":\"10 % off orders from €50\","
                                  "\"discount\":{\"amount\":2600,\"currency\":\"EUR\"},\"valid_until\":\"2026-12-31\"}}");
  g_autoptr(AisleCoupon) coupon = aisle_coupon_parse (good, NULL);
  g_autoptr(AisleCoupon) copy = NULL;
  const char *bad[] = {
    "{\"coupon\":{\"code\":\"X\",\"discount\":{\"amount\":0,\"currency\":\"EUR\"}}}",
    "{\"coupon\":{\"code\":\"X\",\"discount\":{\"amount\":-5,\"currency\":\"EUR\"}}}",
    "{\"coupon\":{\"code\":\"X\",\"discount\":{\"amount\":5,\"currency\":\"eur\"}}}",
    "{\"coupon\":{\"code\":\"X\",\"discount\":{\"amount\":\"5\",\"currency\":\"EUR\"}}}",
    "{\"coupon\":{\"code\":\"X\"}}",
    "{\"coupon\":{\"discount\":{\"amount\":5,\"currency\":\"EUR\"}}}",
    "{\"coupon\":{\"code\":\"X\",\"valid_until\":\"2026-02-30\",\"discount\":{\"amount\":5,\"currency\":\"EUR\"}}}",
    "{\"coupon\":{\"code\":\"THIRTYTHREE-CHARACTERS-LONG-CODE1\",\"discount\":{\"amount\":5,\"currency\":\"EUR\"}}}",
    "{\"coupon\":{\"code\":\"X\",\"discount\":{\"amount\":5,\"currency\":\"EUR\"}}} trailing",
    "[]",
    "",
  };

  g_assert_nonnull (coupon);
  g_assert_cmpstr (coupon->code, ==, "WELCOME10");
  g_assert_cmpstr (coupon->description, ==, "10 % off orders from €50");
  g_assert_cmpint (coupon->discount, ==, 2600);
  g_assert_cmpstr (coupon->currency, ==, "EUR");
  g_assert_cmpstr (coupon->valid_until, ==, "2026-12-31");
  copy = aisle_coupon_copy (coupon);
  g_assert_cmpstr (copy->code, ==, coupon->code);
  g_assert_cmpint (copy->discount, ==, coupon->discount);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) body = bytes (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AisleCoupon) none = aisle_coupon_parse (body, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (none);
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
    }
}

static void
test_codes (void)
{
  static const struct { const char *text, *code; } cases[] = {
    { "welcome10", "WELCOME10" },
    { " Welcome 10 ", "WELCOME10" },
    { "welcome-10", "WELCOME-10" },
    { "WELCOME_10", NULL },
    { "", NULL },
    { "   ", NULL },
    { "ÄBC", NULL },
    { "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", NULL },   /* 33 */
    { "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345" },
  };
  static const struct { const char *text, *code; } links[] = {
    { "https://shop.casanord.example/coupons/WELCOME10", "WELCOME10" },
    { "https://shop.casanord.example/it/coupons/welcome10/", "WELCOME10" },
    { "https://shop.casanord.example/?utm_source=mail&coupon=fiveoff", "FIVEOFF" },
    { "https://shop.casanord.example/coupons/", NULL },
    { "https://shop.casanord.example/coupons/WEL%20COME", "WELCOME" },
    { "https://shop.casanord.example/coupons/<script>", NULL },
    { "https://shop.casanord.example/list?items=201.334.50*2", NULL },
    { "ftp://shop.casanord.example/coupons/WELCOME10", NULL },
    { "WELCOME10", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = aisle_coupon_normalize_code (cases[i].text);

      g_assert_cmpstr (code, ==, cases[i].code);
    }
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *code = aisle_coupon_read_link (links[i].text);

      g_test_message ("%s", links[i].text);
      g_assert_cmpstr (code, ==, links[i].code);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/coupon/parse", test_parse);
  g_test_add_func ("/coupon/codes", test_codes);

  return g_test_run ();
}
