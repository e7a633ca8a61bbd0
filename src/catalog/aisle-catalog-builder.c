/* aisle-catalog-builder.c: assembling a catalog image from parsed feed data */
#define G_LOG_DOMAIN "aisle-catalog"

#include "config.h"

#include <string.h>

#include "aisle-catalog-builder.h"
#include "aisle-catalog-image.h"
#include "aisle-text.h"

struct _AisleCatalogBuilder
{
  GByteArray       *strings;
  GHashTable       *shared;        /* short repeated strings → offset */
  AisleImageHeader  header;
  GArray           *categories;    /* AisleCategoryRec */
  GArray           *products;      /* AisleProductRec */
  GArray           *packages;      /* AislePackageRec */
  GArray           *images;        /* AisleStrRef */
  GArray           *stores;        /* AisleStoreRec */
  GArray           *hours;         /* AisleHoursRec */
};

AisleCatalogBuilder *
aisle_catalog_builder_new (void)
{
  AisleCatalogBuilder *self = g_new0 (AisleCatalogBuilder, 1);

  self->strings = g_byte_array_sized_new (1 << 16);
  g_byte_array_append (self->strings, (const guint8 *)"", 1);
  self->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->categories = g_array_new (FALSE, TRUE, sizeof (AisleCategoryRec));
  self->products = g_array_new (FALSE, TRUE, sizeof (AisleProductRec));
  self->packages = g_array_new (FALSE, TRUE, sizeof (AislePackageRec));
  self->images = g_array_new (FALSE, TRUE, sizeof (AisleStrRef));
  self->stores = g_array_new (FALSE, TRUE, sizeof (AisleStoreRec));
  self->hours = g_array_new (FALSE, TRUE, sizeof (AisleHoursRec));

  return self;
}

void
aisle_catalog_builder_free (AisleCatalogBuilder *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->strings, g_byte_array_unref);
  g_clear_pointer (&self->shared, g_hash_table_unref);
  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->products, g_array_unref);
  g_clear_pointer (&self->packages, g_array_unref);
  g_clear_pointer (&self->images, g_array_unref);
  g_clear_pointer (&self->stores, g_array_unref);
  g_clear_pointer (&self->hours, g_array_unref);
  g_free (self);
}

/* Names and descriptions are unique per product, so they are appended as they
 * come; hashing them would cost more than the bytes it saves. */
static AisleStrRef
add_string (AisleCatalogBuilder *self,
            const char          *text)
{
  AisleStrRef ref;

  if (text == NULL || text[0] == '\0')
    return 0;

  ref = self->strings->len;
  g_byte_array_append (self->strings, (const guint8 *)text, strlen (text) + 1);
  return ref;
}

/* Currencies, icons, package labels and the like repeat thousands of times. */
static AisleStrRef
add_shared_string (AisleCatalogBuilder *self,
                   const char          *text)
{
  gpointer ref;

  if (text == NULL || text[0] == '\0')
    return 0;

  if (g_hash_table_lookup_extended (self->shared, text, NULL, &ref))
    return GPOINTER_TO_UINT (ref);

  ref = GUINT_TO_POINTER (add_string (self, text));
  g_hash_table_insert (self->shared, g_strdup (text), ref);
  return GPOINTER_TO_UINT (ref);
}

void
aisle_catalog_builder_set_meta (AisleCatalogBuilder    *self,
                                const AisleCatalogMeta *meta)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (meta != NULL);

  self->header.catalog_version = add_string (self, meta->catalog_version);
  self->header.generated_at = add_string (self, meta->generated_at);
  self->header.shop_name = add_string (self, meta->shop_name);
  self->header.shop_url = add_string (self, meta->shop_url);
  self->header.currency = add_shared_string (self, meta->currency ? meta->currency : "EUR");
  self->header.etag = add_string (self, meta->etag);
  self->header.source = add_string (self, meta->source);
  self->header.fetched_at = meta->fetched_at;
}

guint
aisle_catalog_builder_add_category (AisleCatalogBuilder *self,
                                    const char          *id,
                                    const char * const   names[4],
                                    const char          *icon)
{
  AisleCategoryRec rec = { 0 };

  g_return_val_if_fail (self != NULL, 0);

  rec.id = add_shared_string (self, id);
  for (guint i = 0; i < AISLE_N_LANGUAGES; i++)
    rec.name[i] = add_shared_string (self, names[i]);
  rec.icon = add_shared_string (self, icon);
  g_array_append_val (self->categories, rec);

  return self->categories->len - 1;
}

guint
aisle_catalog_builder_add_store (AisleCatalogBuilder  *self,
                                 const AisleStoreInfo *info)
{
  AisleStoreRec rec = { 0 };

  g_return_val_if_fail (self != NULL, 0);

  rec.id = add_shared_string (self, info->id);
  rec.name = add_string (self, info->name);
  rec.address = add_string (self, info->address);
  rec.country = add_shared_string (self, info->country);
  rec.timezone = add_shared_string (self, info->timezone);
  rec.pickup_lead_minutes = info->pickup_lead_minutes;
  rec.hours_first = self->hours->len;
  g_array_append_val (self->stores, rec);

  return self->stores->len - 1;
}

void
aisle_catalog_builder_add_hours (AisleCatalogBuilder *self,
                                 guint                store,
                                 guint                days,
                                 guint                open_minute,
                                 guint                close_minute)
{
  AisleHoursRec rec = { days, open_minute, close_minute };
  AisleStoreRec *store_rec;

  g_return_if_fail (self != NULL);
  g_return_if_fail (store == self->stores->len - 1);

  store_rec = &g_array_index (self->stores, AisleStoreRec, store);
  g_array_append_val (self->hours, rec);
  store_rec->n_hours++;
}

guint
aisle_catalog_builder_add_product (AisleCatalogBuilder     *self,
                                   const AisleProductDraft *draft)
{
  AisleProductRec rec = { 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (draft->category < self->categories->len, 0);

  rec.id = add_string (self, draft->id);
  rec.article = add_string (self, draft->article);
  rec.gtin = add_string (self, draft->gtin);
  rec.url = add_string (self, draft->url);
  for (guint i = 0; i < AISLE_N_LANGUAGES; i++)
    {
      rec.name[i] = add_string (self, draft->name[i]);
      rec.short_text[i] = add_string (self, draft->short_text[i]);
      rec.description[i] = add_string (self, draft->description[i]);
    }
  rec.currency = add_shared_string (self, draft->currency);
  rec.category = draft->category;
  rec.fulfillment = draft->fulfillment;
  rec.price = draft->price;
  rec.width_mm = draft->width_mm;
  rec.depth_mm = draft->depth_mm;
  rec.height_mm = draft->height_mm;
  rec.weight_g = draft->weight_g;

  rec.image_first = self->images->len;
  rec.n_images = draft->n_images;
  for (guint i = 0; i < draft->n_images; i++)
    {
      AisleStrRef ref = add_string (self, draft->images[i]);
      g_array_append_val (self->images, ref);
    }

  rec.package_first = self->packages->len;
  rec.n_packages = draft->n_packages;
  for (guint i = 0; i < draft->n_packages; i++)
    {
      const AislePackageDraft *p = &draft->packages[i];
      AislePackageRec prec = { 0 };

      prec.number = p->number;
      for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
        prec.label[l] = add_shared_string (self, p->label[l]);
      prec.width_mm = p->width_mm;
      prec.depth_mm = p->depth_mm;
      prec.height_mm = p->height_mm;
      prec.weight_g = p->weight_g;
      g_array_append_val (self->packages, prec);
    }

  g_array_append_val (self->products, rec);

  return self->products->len - 1;
}

guint
aisle_catalog_builder_get_n_products (AisleCatalogBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->products->len;
}

typedef struct
{
  const char            *strings;
  const AisleProductRec *products;
  const char            *digits;
  const guint32         *digit_lines;
  gsize                  field;      /* offset of an AisleStrRef in AisleProductRec */
} SortContext;

static int
compare_by_field (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const SortContext *ctx = user_data;
  const AisleProductRec *pa = &ctx->products[*(const guint32 *)a];
  const AisleProductRec *pb = &ctx->products[*(const guint32 *)b];
  AisleStrRef ra = G_STRUCT_MEMBER (AisleStrRef, pa, ctx->field);
  AisleStrRef rb = G_STRUCT_MEMBER (AisleStrRef, pb, ctx->field);

  return strcmp (ctx->strings + ra, ctx->strings + rb);
}

static int
compare_by_article_digits (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  const SortContext *ctx = user_data;
  const char *la = ctx->digits + ctx->digit_lines[*(const guint32 *)a];
  const char *lb = ctx->digits + ctx->digit_lines[*(const guint32 *)b];

  /* Lines are "<digits> <gtin>\n"; ' ' sorts below every digit, so a plain
   * byte comparison up to the space orders them by article digits. */
  for (;; la++, lb++)
    {
      if (*la != *lb)
        return (guchar)*la - (guchar)*lb;
      if (*la == ' ')
        return 0;
    }
}

static GArray *
build_sorted_index (AisleCatalogBuilder *self,
                    SortContext         *ctx,
                    GCompareDataFunc     compare,
                    gboolean             only_with_gtin)
{
  GArray *index = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->products->len);

  for (guint32 i = 0; i < self->products->len; i++)
    {
      if (only_with_gtin && g_array_index (self->products, AisleProductRec, i).gtin == 0)
        continue;
      g_array_append_val (index, i);
    }

  g_array_sort_with_data (index, compare, ctx);
  return index;
}

static GArray *
build_by_category (AisleCatalogBuilder *self)
{
  guint n_categories = self->categories->len;
  g_autofree guint32 *next = g_new0 (guint32, n_categories + 1);
  GArray *index = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->products->len);

  g_array_set_size (index, self->products->len);

  /* A counting sort keeps the feed's order inside each category. */
  for (guint i = 0; i < self->products->len; i++)
    next[g_array_index (self->products, AisleProductRec, i).category + 1]++;
  for (guint c = 0; c < n_categories; c++)
    {
      AisleCategoryRec *rec = &g_array_index (self->categories, AisleCategoryRec, c);

      next[c + 1] += next[c];
      rec->first = next[c];
      rec->count = next[c + 1] - next[c];
    }
  for (guint32 i = 0; i < self->products->len; i++)
    {
      guint c = g_array_index (self->products, AisleProductRec, i).category;
      g_array_index (index, guint32, next[c]++) = i;
    }

  return index;
}

static void
build_names (AisleCatalogBuilder *self,
             guint                language,
             GString             *blob,
             GArray              *lines)
{
  for (guint i = 0; i < self->products->len; i++)
    {
      const AisleProductRec *rec = &g_array_index (self->products, AisleProductRec, i);
      guint32 start = blob->len;

      g_array_append_val (lines, start);
      aisle_text_fold_append (blob, (const char *)self->strings->data + rec->name[language], -1);
      g_string_append_c (blob, '\n');
    }

  g_array_append_val (lines, blob->len);
}

static void
build_digits (AisleCatalogBuilder *self,
              GString             *blob,
              GArray              *lines)
{
  const char *strings = (const char *)self->strings->data;

  for (guint i = 0; i < self->products->len; i++)
    {
      const AisleProductRec *rec = &g_array_index (self->products, AisleProductRec, i);
      guint32 start = blob->len;

      g_array_append_val (lines, start);
      for (const char *p = strings + rec->article; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (blob, *p);
      g_string_append_c (blob, ' ');
      g_string_append (blob, strings + rec->gtin);
      g_string_append_c (blob, '\n');
    }

  g_array_append_val (lines, blob->len);
}

typedef struct
{
  const void *data;
  gsize       size;
} Chunk;

static GBytes *
lay_out (AisleImageHeader *header,
         const Chunk       chunks[AISLE_N_SECTIONS])
{
  guint64 offset = (sizeof *header + 7) & ~(guint64)7;
  guint8 *image;

  for (guint s = 0; s < AISLE_N_SECTIONS; s++)
    {
      header->sections[s].offset = offset;
      header->sections[s].size = chunks[s].size;
      offset = (offset + chunks[s].size + 7) & ~(guint64)7;
    }

  memcpy (header->magic, AISLE_CATALOG_IMAGE_MAGIC, 8);
  header->bom = AISLE_CATALOG_IMAGE_BOM;
  header->version = AISLE_CATALOG_IMAGE_VERSION;
  header->image_size = offset;

  image = g_malloc0 (offset);
  memcpy (image, header, sizeof *header);
  for (guint s = 0; s < AISLE_N_SECTIONS; s++)
    if (chunks[s].size > 0)
      memcpy (image + header->sections[s].offset, chunks[s].data, chunks[s].size);

  return g_bytes_new_take (image, offset);
}

GBytes *
aisle_catalog_builder_end (AisleCatalogBuilder *self)
{
  g_autoptr(GArray) by_category = NULL;
  g_autoptr(GArray) by_id = NULL;
  g_autoptr(GArray) by_gtin = NULL;
  g_autoptr(GArray) by_article = NULL;
  g_autoptr(GString) digits = g_string_sized_new (self->products->len * 24);
  g_autoptr(GArray) digit_lines = g_array_new (FALSE, FALSE, sizeof (guint32));
  GString *names[AISLE_N_LANGUAGES];
  GArray *name_lines[AISLE_N_LANGUAGES];
  AisleImageHeader *header = &self->header;
  Chunk chunks[AISLE_N_SECTIONS];
  SortContext ctx;
  GBytes *image;

  g_return_val_if_fail (self != NULL, NULL);

  build_digits (self, digits, digit_lines);
  for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
    {
      names[l] = g_string_sized_new (self->products->len * 32);
      name_lines[l] = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->products->len + 1);
      build_names (self, l, names[l], name_lines[l]);
    }

  ctx.strings = (const char *)self->strings->data;
  ctx.products = (const AisleProductRec *)(gpointer)self->products->data;
  ctx.digits = digits->str;
  ctx.digit_lines = (const guint32 *)(gpointer)digit_lines->data;

  by_category = build_by_category (self);
  ctx.field = G_STRUCT_OFFSET (AisleProductRec, id);
  by_id = build_sorted_index (self, &ctx, compare_by_field, FALSE);
  ctx.field = G_STRUCT_OFFSET (AisleProductRec, gtin);
  by_gtin = build_sorted_index (self, &ctx, compare_by_field, TRUE);
  by_article = build_sorted_index (self, &ctx, compare_by_article_digits, FALSE);

  header->n_categories = self->categories->len;
  header->n_products = self->products->len;
  header->n_packages = self->packages->len;
  header->n_images = self->images->len;
  header->n_stores = self->stores->len;
  header->n_hours = self->hours->len;
  header->n_gtins = by_gtin->len;

#define ARRAY_CHUNK(a) ((Chunk) { (a)->data, (gsize)(a)->len * g_array_get_element_size (a) })
  chunks[AISLE_SECTION_CATEGORIES] = ARRAY_CHUNK (self->categories);
  chunks[AISLE_SECTION_PRODUCTS] = ARRAY_CHUNK (self->products);
  chunks[AISLE_SECTION_PACKAGES] = ARRAY_CHUNK (self->packages);
  chunks[AISLE_SECTION_IMAGES] = ARRAY_CHUNK (self->images);
  chunks[AISLE_SECTION_STORES] = ARRAY_CHUNK (self->stores);
  chunks[AISLE_SECTION_HOURS] = ARRAY_CHUNK (self->hours);
  chunks[AISLE_SECTION_BY_CATEGORY] = ARRAY_CHUNK (by_category);
  chunks[AISLE_SECTION_BY_ID] = ARRAY_CHUNK (by_id);
  chunks[AISLE_SECTION_BY_GTIN] = ARRAY_CHUNK (by_gtin);
  chunks[AISLE_SECTION_BY_ARTICLE] = ARRAY_CHUNK (by_article);
  chunks[AISLE_SECTION_DIGITS] = (Chunk) { digits->str, digits->len };
  chunks[AISLE_SECTION_DIGIT_LINES] = ARRAY_CHUNK (digit_lines);
  for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
    {
      chunks[AISLE_SECTION_NAMES_0 + l] = (Chunk) { names[l]->str, names[l]->len };
      chunks[AISLE_SECTION_NAME_LINES_0 + l] = ARRAY_CHUNK (name_lines[l]);
    }
  chunks[AISLE_SECTION_STRINGS] = (Chunk) { self->strings->data, self->strings->len };
#undef ARRAY_CHUNK

  image = lay_out (header, chunks);

  for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
    {
      g_string_free (names[l], TRUE);
      g_array_unref (name_lines[l]);
    }

  return image;
}
