/* test-json-doc.c: the feed's JSON reader takes JSON, and only JSON */
#include "config.h"

#include <string.h>

#include "aisle-error.h"
#include "aisle-json-doc.h"

static const AisleJsonNode *
parse (AisleJsonDoc *doc,
       const char   *text)
{
  g_autoptr(GError) error = NULL;
  const AisleJsonNode *root = aisle_json_doc_parse (doc, text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static void
test_values (void)
{
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (16);
  const AisleJsonNode *root, *v;
  guint n = 0;

  root = parse (doc, " {\"id\": \"42\", \"n\": -17, \"big\": 123456789012345678901, \"x\": 2.5e1,"
                     " \"ok\": true, \"no\": false, \"none\": null, \"list\": [1, [2, 3], {\"a\": 4}, 5],"
                     " \"id\": \"43\"} \n");
  g_assert_cmpint (root->type, ==, AISLE_JSON_OBJECT);
  g_assert_cmpuint (root->n, ==, 9);

  /* A repeated name: the last one counts, as with json-c. */
  g_assert_cmpstr (aisle_json_get (root, "id")->v.text, ==, "43");
  g_assert_cmpint (aisle_json_get (root, "n")->v.integer, ==, -17);
  g_assert_cmpint (aisle_json_get (root, "big")->type, ==, AISLE_JSON_DOUBLE);
  g_assert_cmpfloat (aisle_json_get (root, "x")->v.number, ==, 25.0);
  g_assert_true (aisle_json_get (root, "ok")->v.boolean);
  g_assert_false (aisle_json_get (root, "no")->v.boolean);
  g_assert_true (aisle_json_is (aisle_json_get (root, "none"), AISLE_JSON_NULL));
  g_assert_null (aisle_json_get (root, "missing"));
  g_assert_null (aisle_json_get (aisle_json_get (root, "n"), "x"));

  /* Siblings skip over nested arrays and objects. */
  v = aisle_json_get (root, "list");
  for (const AisleJsonNode *e = aisle_json_first (v); e; e = aisle_json_next (v, e))
    {
      static const AisleJsonType types[] = { AISLE_JSON_INT, AISLE_JSON_ARRAY, AISLE_JSON_OBJECT, AISLE_JSON_INT };
      g_assert_cmpint (e->type, ==, types[n++]);
    }
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (aisle_json_get (aisle_json_first (v) + 4, "a")->v.integer, ==, 4);

  /* The doc is reused: a second parse replaces the first. */
  root = parse (doc, "[]");
  g_assert_cmpint (root->type, ==, AISLE_JSON_ARRAY);
  g_assert_null (aisle_json_first (root));
}

static void
test_strings (void)
{
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (16);
  const AisleJsonNode *root, *s;

  root = parse (doc, "{\"a\": \"Caf\\u00e9 \\\"M\\u00d6LLA\\\" \\/ \\ud83d\\udecb\", \"b\": \"x\\u0000y\","
                     " \"c\": \"line\\nnext\", \"d\": \"bell\\u0007\", \"e\": \"half \\ud800 pair\","
                     " \"f\": \"Möbel\", \"g\": \"\\t\"}");

  s = aisle_json_get (root, "a");
  g_assert_cmpstr (s->v.text, ==, "Café \"MÖLLA\" / \xf0\x9f\x9b\x8b");
  g_assert_cmpuint (s->n, ==, strlen (s->v.text));
  g_assert_cmpuint (s->n_chars, ==, g_utf8_strlen (s->v.text, -1));
  g_assert_cmpuint (s->text_flags, ==, 0);

  /* What C would cut short, and what a screen should not show. */
  g_assert_true (aisle_json_get (root, "b")->text_flags & AISLE_JSON_TEXT_NUL);
  g_assert_cmpuint (aisle_json_get (root, "b")->n, ==, 3);
  g_assert_cmpuint (aisle_json_get (root, "c")->text_flags, ==, AISLE_JSON_TEXT_NEWLINE);
  g_assert_cmpuint (aisle_json_get (root, "d")->text_flags, ==, AISLE_JSON_TEXT_CONTROL);
  g_assert_cmpuint (aisle_json_get (root, "g")->text_flags, ==, 0);

  /* Half a surrogate pair is no character: it becomes U+FFFD. */
  g_assert_cmpstr (aisle_json_get (root, "e")->v.text, ==, "half \xef\xbf\xbd pair");

  s = aisle_json_get (root, "f");
  g_assert_cmpuint (s->n, ==, 6);
  g_assert_cmpuint (s->n_chars, ==, 5);

  root = parse (doc, "\"bad \xc3\x28 utf8\"");
  g_assert_true (root->text_flags & AISLE_JSON_TEXT_BAD_UTF8);
}

static void
test_not_json (void)
{
  static const char * const bad[] = {
    "", "   ", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "{a:1}", "[1 2]", "{\"a\" 1}",
    "01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "tru", "nul", "\"open",
    "\"raw\ncontrol\"", "\"bad \\x escape\"", "\"\\u12\"", "[1] [2]", "{\"a\":1} x",
    "/* comment */ 1", "{\"\\u0000\": 1}", "[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]",
  };
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (16);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_null (aisle_json_doc_parse (doc, bad[i], strlen (bad[i]), &error));
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
    }

  /* Exactly at the limit is fine. */
  parse (doc, "[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]");
}

/* Any prefix of a good document, and any byte changed, is refused or read,
 * never a crash or a read past the end (the sanitizer run checks that). */
static void
test_mangled (void)
{
  const char *good = "{\"id\":\"10000001\",\"name\":{\"en\":\"LUNDA \\u00e9\"},\"price\":{\"amount\":12999},"
                     "\"packages\":[{\"number\":1,\"weight\":1.5e3}],\"ok\":[true,false,null]}";
  gsize len = strlen (good);
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (8);

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autofree char *part = g_memdup2 (good, cut);

      g_assert_null (aisle_json_doc_parse (doc, part, cut, NULL));
    }

  for (gsize at = 0; at < len; at++)
    for (guint b = 0; b < 256; b += 7)
      {
        g_autofree char *copy = g_strdup (good);

        copy[at] = (char) b;
        aisle_json_doc_parse (doc, copy, len, NULL);
      }
}

/* Plain text is read eight bytes at a time: an escape, an accent, a
 * control character or the closing quote at any place of a long or short
 * string must come out the same as when read one byte at a time. */
static void
test_strings_word_by_word (void)
{
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (4);
  static const struct { const char *json; const char *text; guint chars; guint8 flags; } specials[] = {
    { "\\\"", "\"", 1, 0 },
    { "\\\\", "\\", 1, 0 },
    { "\\n", "\n", 1, AISLE_JSON_TEXT_NEWLINE },
    { "\\u00e9", "é", 1, 0 },
    { "ü", "ü", 1, 0 },
    { "€", "€", 1, 0 },
    { "\x7f", "\x7f", 1, 0 },
    { "\xff", "\xff", 1, AISLE_JSON_TEXT_BAD_UTF8 },
    { "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", 1, 0 },               /* four bytes */
    { "\xe0\xa0\x80", "\xe0\xa0\x80", 1, 0 },                       /* U+0800 */
    { "\xc0\xaf", "\xc0\xaf", 1, AISLE_JSON_TEXT_BAD_UTF8 },            /* overlong */
    { "\xed\xa0\x80", "\xed\xa0\x80", 1, AISLE_JSON_TEXT_BAD_UTF8 },   /* a surrogate */
    { "\xf4\x90\x80\x80", "\xf4\x90\x80\x80", 1, AISLE_JSON_TEXT_BAD_UTF8 }, /* past U+10FFFF */
    { "\xe2\x82", "\xe2\x82", 1, AISLE_JSON_TEXT_BAD_UTF8 },            /* cut short */
  };

  for (guint s = 0; s < G_N_ELEMENTS (specials); s++)
    for (guint len = 0; len <= 40; len++)
      for (guint at = 0; at <= len; at++)
        {
          g_autoptr(GString) json = g_string_new ("[\"");
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(GError) error = NULL;
          const AisleJsonNode *root, *v;

          for (guint i = 0; i <= len; i++)
            {
              if (i == at)
                {
                  g_string_append (json, specials[s].json);
                  g_string_append (text, specials[s].text);
                }
              if (i < len)
                {
                  g_string_append_c (json, (char) ('a' + i % 26));
                  g_string_append_c (text, (char) ('a' + i % 26));
                }
            }
          g_string_append (json, "\", 7]");

          root = aisle_json_doc_parse (doc, json->str, json->len, &error);
          g_assert_no_error (error);
          v = aisle_json_first (root);
          g_assert_cmpint (v->type, ==, AISLE_JSON_STRING);
          g_assert_cmpuint (v->n, ==, text->len);
          g_assert_cmpmem (v->v.text, v->n, text->str, text->len);
          g_assert_cmpint (v->v.text[v->n], ==, '\0');
          g_assert_cmpuint (v->text_flags, ==, specials[s].flags);
          if (!(specials[s].flags & AISLE_JSON_TEXT_BAD_UTF8))
            g_assert_cmpuint (v->n_chars, ==, len + specials[s].chars);
          g_assert_cmpint (aisle_json_next (root, v)->v.integer, ==, 7);
        }

  /* Random bytes: the text's check agrees with GLib's. */
  {
    GRand *rand = g_rand_new_with_seed (7);

    for (guint round = 0; round < 20000; round++)
      {
        g_autoptr(GString) json = g_string_new ("[\"");
        g_autoptr(GError) error = NULL;
        guint len = g_rand_int_range (rand, 0, 24);
        const AisleJsonNode *root, *v;
        gboolean valid;

        for (guint i = 0; i < len; i++)
          g_string_append_c (json, (char) (g_rand_boolean (rand) ? 'a' + g_rand_int_range (rand, 0, 26)
                                                                 : g_rand_int_range (rand, 0x80, 0x100)));
        valid = g_utf8_validate_len (json->str + 2, len, NULL);
        g_string_append (json, "\"]");

        root = aisle_json_doc_parse (doc, json->str, json->len, &error);
        g_assert_no_error (error);
        v = aisle_json_first (root);
        g_assert_cmpmem (v->v.text, v->n, json->str + 2, len);
        g_assert_cmpint (!(v->text_flags & AISLE_JSON_TEXT_BAD_UTF8), ==, valid);
        if (valid)
          g_assert_cmpuint (v->n_chars, ==, g_utf8_strlen (v->v.text, -1));
      }
    g_rand_free (rand);
  }

  /* A raw control character is refused wherever it is. */
  for (guint at = 0; at < 20; at++)
    {
      g_autoptr(GString) json = g_string_new ("[\"");
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 20; i++)
        g_string_append_c (json, i == at ? '\t' : 'x');
      g_string_append (json, "\"]");
      g_assert_null (aisle_json_doc_parse (doc, json->str, json->len, &error));
      g_assert_error (error, AISLE_ERROR, AISLE_ERROR_INVALID_DATA);
    }
}

/* However big the document, one parse holds at most two million values
 * (64 MiB of nodes): "[0,0,0,…]" is refused as too large, not grown into
 * gigabytes, and the same doc still reads small documents afterwards. */
static void
test_value_limit (void)
{
  g_autoptr(AisleJsonDoc) doc = aisle_json_doc_new (64);
  g_autoptr(GString) json = g_string_new ("[0");
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i < 2 * 1024 * 1024; i++)
    g_string_append (json, ",0");
  g_string_append_c (json, ']');

  /* The array and its 2,097,151 elements: one over. */
  g_assert_null (aisle_json_doc_parse (doc, json->str, json->len, &error));
  g_assert_error (error, AISLE_ERROR, AISLE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* One fewer element fits. */
  g_string_truncate (json, json->len - 3);
  g_string_append_c (json, ']');
  g_assert_nonnull (aisle_json_doc_parse (doc, json->str, json->len, &error));
  g_assert_no_error (error);

  g_assert_cmpint (aisle_json_first (parse (doc, "[42]"))->v.integer, ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-doc/values", test_values);
  g_test_add_func ("/json-doc/strings", test_strings);
  g_test_add_func ("/json-doc/strings-word-by-word", test_strings_word_by_word);
  g_test_add_func ("/json-doc/not-json", test_not_json);
  g_test_add_func ("/json-doc/mangled", test_mangled);
  g_test_add_func ("/json-doc/value-limit", test_value_limit);

  return g_test_run ();
}
