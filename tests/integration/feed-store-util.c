/* feed-store-util.c: the feed backend as the online-order and coupon tests use it */
#include "config.h"

#include "feed-store-util.h"

AisleStore *
feed_store_http (guint       port,
                 const char *prefix,
                 const char *cache_dir)
{
  g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u%s", port, prefix);
  AisleFeedStore *store = aisle_feed_store_new (base, "milano", cache_dir);

  aisle_feed_store_set_access_token (store, FEED_STORE_TOKEN);
  return AISLE_STORE (store);
}

AisleStore *
feed_store_demo (const char *store_id,
                 const char *cache_dir)
{
  g_autofree char *url = g_filename_to_uri (g_getenv ("AISLE_DEMO_STORE"), NULL, NULL);

  return AISLE_STORE (aisle_feed_store_new (url, store_id, cache_dir));
}

void
feed_store_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}
