/* fuzz-common.c: logging for fuzz targets */
#define G_LOG_DOMAIN "aisle-fuzz"

#include "config.h"

#include <stdlib.h>

#include "aisle-catalog.h"
#include "aisle-feed-parser.h"
#include "fuzz-common.h"

static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_printerr ("%s: %s\n", domain ? domain : "", message);
      abort ();
    }
}

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_quiet_logs (void)
{
  g_log_set_default_handler (log_handler, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
}

AisleCatalog *
fuzz_demo_catalog (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DEMO_STORE_DIR, "catalog.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autofree char *contents = NULL;
  AisleCatalogMeta meta = { .source = "fuzz" };
  AisleCatalog *catalog;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);
  json = g_bytes_new_take (g_steal_pointer (&contents), len);
  if (!(image = aisle_feed_parse_catalog (json, &meta, NULL, &error)) ||
      !(catalog = aisle_catalog_new_from_bytes (image, &error)))
    g_error ("%s", error->message);
  return catalog;
}

/* For the targets that need nothing else; weak, so that a target with its
 * own set-up (stock, kiosk-conf) defines it instead. */
__attribute__ ((weak)) int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_quiet_logs ();
  return 0;
}
