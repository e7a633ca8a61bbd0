/* fuzz-replay.c: runs saved inputs through a fuzz target, without libFuzzer
 *
 *   fuzz-catalog-replay FILE|DIR…
 *
 * Every file named, and every file in every folder named (not recursing),
 * is given to LLVMFuzzerTestOneInput() once. CI runs the checked-in corpus
 * and the regression inputs this way under the sanitizer build; any crash,
 * sanitizer report or leak fails the run. Exit 0 when all ran.
 */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static guint n_run;

static gboolean
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  fprintf (stderr, "Running %s (%zu bytes)\n", path, len);
  /* An exact-size copy, so ASan sees reads past the end of the input. */
  {
    g_autofree guint8 *copy = g_memdup2 (contents, len);
    LLVMFuzzerTestOneInput (copy, len);
  }
  n_run++;
  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static gboolean
run_folder (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);

  for (guint i = 0; i < names->len; i++)
    if (g_file_test (names->pdata[i], G_FILE_TEST_IS_REGULAR))
      ok &= run_file (names->pdata[i]);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  gboolean ok = TRUE;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FILE|DIR…\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    ok &= g_file_test (argv[i], G_FILE_TEST_IS_DIR) ? run_folder (argv[i]) : run_file (argv[i]);

  fprintf (stderr, "%u inputs run\n", n_run);
  return ok && n_run > 0 ? 0 : 1;
}
