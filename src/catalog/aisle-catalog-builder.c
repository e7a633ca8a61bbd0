/* aisle-catalog-builder.c: assembling a catalog image from parsed feed data */
#define G_LOG_DOMAIN "aisle-catalog"

#include "config.h"

#include <string.h>

#include "aisle-catalog-builder.h"
#include "aisle-catalog-image.h"
#include "aisle-text.h"

/* Every string pool starts with room for the image's header: the main pool
 * becomes the image itself (header, strings, then the other sections), so
 * its tens of megabytes are never copied. References count from after it. */
#define POOL_BASE ((sizeof (AisleImageHeader) + 7) & ~(gsize)7)

struct _AisleCatalogBuilder
{
  GByteArray       *strings;
  GPtrArray        *merged_strings;  /* pools of merged parts, in order after @strings */
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
  return aisle_catalog_builder_new_sized (1 << 16);
}

AisleCatalogBuilder *
aisle_catalog_builder_new_sized (gsize text_size)
{
  AisleCatalogBuilder *self = g_new0 (AisleCatalogBuilder, 1);

  /* Untouched capacity costs no memory until written; regrowing a 50 MB pool
   * costs copies and page faults. */
  self->strings = g_byte_array_sized_new (MAX (MIN (text_size, G_MAXUINT32), 1 << 16));
  g_byte_array_set_size (self->strings, POOL_BASE);
  g_byte_array_append (self->strings, (const guint8 *)"", 1);
  self->merged_strings = g_ptr_array_new_with_free_func ((GDestroyNotify)g_byte_array_unref);
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
  g_clear_pointer (&self->merged_strings, g_ptr_array_unref);
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

  /* Merged pools follow this one: nothing may be added after a merge. */
  g_assert (self->merged_strings->len == 0);
  ref = self->strings->len - POOL_BASE;
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

/* The text of @ref, in this builder's pool or a merged part's. */
static const char *
text_of (AisleCatalogBuilder *self,
         AisleStrRef          ref)
{
  guint64 offset;

  if (ref < self->strings->len - POOL_BASE)
    return (const char *)self->strings->data + POOL_BASE + ref;

  offset = self->strings->len - POOL_BASE;
  for (guint i = 0; i < self->merged_strings->len; i++)
    {
      GByteArray *pool = g_ptr_array_index (self->merged_strings, i);

      if (ref < offset + (pool->len - POOL_BASE))
        return (const char *)pool->data + POOL_BASE + (ref - offset);
      offset += pool->len - POOL_BASE;
    }

  g_assert_not_reached ();
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
  rec.vat_rate_bp = info->vat_rate_bp;
  rec.delivers = info->delivers ? 1 : 0;
  rec.delivery_fee = (guint32) CLAMP (info->delivery_fee, 0, G_MAXUINT32);
  rec.delivery_lead_days = info->delivery_lead_days;
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
  /* Opening hours come first, then delivery windows, each contiguous. */
  g_return_if_fail (store_rec->n_delivery == 0);
  g_array_append_val (self->hours, rec);
  store_rec->n_hours++;
}

void
aisle_catalog_builder_add_delivery_window (AisleCatalogBuilder *self,
                                           guint                store,
                                           guint                days,
                                           guint                start_minute,
                                           guint                end_minute)
{
  AisleHoursRec rec = { days, start_minute, end_minute };
  AisleStoreRec *store_rec;

  g_return_if_fail (self != NULL);
  g_return_if_fail (store == self->stores->len - 1);

  store_rec = &g_array_index (self->stores, AisleStoreRec, store);
  if (store_rec->n_delivery == 0)
    store_rec->delivery_first = self->hours->len;
  g_array_append_val (self->hours, rec);
  store_rec->n_delivery++;
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

AisleCatalogBuilder *
aisle_catalog_builder_new_part (AisleCatalogBuilder *self,
                                gsize                text_size)
{
  AisleCatalogBuilder *part = aisle_catalog_builder_new_sized (text_size);

  /* Products of a part refer to @self's categories by index. */
  g_array_set_size (part->categories, self->categories->len);
  return part;
}

static inline AisleStrRef
shift_ref (AisleStrRef ref,
           guint32     shift)
{
  return ref == 0 ? 0 : ref + shift;
}

void
aisle_catalog_builder_merge (AisleCatalogBuilder  *self,
                             AisleCatalogBuilder  *part,
                             gboolean            (*skip) (const char *id,
                                                          gpointer    data),
                             gpointer              data)
{
  guint32 shift, image_shift, package_shift;

  g_return_if_fail (self != NULL);
  g_return_if_fail (part != NULL);

  /* The part's pool is kept as it is, after ours: its references only
   * shift, and the bytes are copied once, when the image is laid out. */
  shift = self->strings->len - POOL_BASE;
  for (guint i = 0; i < self->merged_strings->len; i++)
    shift += ((GByteArray *)g_ptr_array_index (self->merged_strings, i))->len - POOL_BASE;
  if ((guint64)shift + part->strings->len > G_MAXUINT32)
    g_error ("Catalog text above 4 GiB");
  image_shift = self->images->len;
  package_shift = self->packages->len;

  for (guint i = 0; i < part->images->len; i++)
    {
      AisleStrRef ref = shift_ref (g_array_index (part->images, AisleStrRef, i), shift);
      g_array_append_val (self->images, ref);
    }

  for (guint i = 0; i < part->packages->len; i++)
    {
      AislePackageRec rec = g_array_index (part->packages, AislePackageRec, i);

      for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
        rec.label[l] = shift_ref (rec.label[l], shift);
      g_array_append_val (self->packages, rec);
    }

  for (guint i = 0; i < part->products->len; i++)
    {
      AisleProductRec rec = g_array_index (part->products, AisleProductRec, i);

      if (skip != NULL && skip ((const char *)part->strings->data + POOL_BASE + rec.id, data))
        continue;

      rec.id = shift_ref (rec.id, shift);
      rec.article = shift_ref (rec.article, shift);
      rec.gtin = shift_ref (rec.gtin, shift);
      rec.url = shift_ref (rec.url, shift);
      rec.currency = shift_ref (rec.currency, shift);
      for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
        {
          rec.name[l] = shift_ref (rec.name[l], shift);
          rec.short_text[l] = shift_ref (rec.short_text[l], shift);
          rec.description[l] = shift_ref (rec.description[l], shift);
        }
      rec.image_first += image_shift;
      rec.package_first += package_shift;
      g_array_append_val (self->products, rec);
    }

  g_ptr_array_add (self->merged_strings, g_steal_pointer (&part->strings));
  aisle_catalog_builder_free (part);
}

guint
aisle_catalog_builder_get_n_products (AisleCatalogBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->products->len;
}

/* Sorting indices by a text key: each entry carries the key's first eight
 * bytes as a big-endian number, so nearly every comparison is one integer
 * compare and only ties look at the texts. */
typedef struct
{
  guint64 prefix;
  guint32 index;
} Keyed;

typedef struct _SortContext SortContext;

struct _SortContext
{
  AisleCatalogBuilder *builder;
  const char          *digits;        /* for article_key */
  const guint32       *digit_lines;
  const char        *(*key_of) (const SortContext *ctx, guint32 index, char end[1]);
};

static guint64
key_prefix (const char *key,
            char        end)
{
  guint64 prefix = 0;
  guint i;

  for (i = 0; i < 8 && key[i] != '\0' && key[i] != end; i++)
    prefix = (prefix << 8) | (guchar)key[i];
  /* Left-aligned; an empty key is 0 (a shift by 64 would be undefined). */
  return i == 0 ? 0 : prefix << (8 * (8 - i));
}

static int
compare_keyed (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Keyed *ka = a, *kb = b;
  const SortContext *ctx = user_data;
  const char *ta, *tb;
  char end;

  if (ka->prefix != kb->prefix)
    return ka->prefix < kb->prefix ? -1 : 1;

  ta = ctx->key_of (ctx, ka->index, &end);
  tb = ctx->key_of (ctx, kb->index, &end);
  for (;; ta++, tb++)
    {
      char ca = *ta == end ? '\0' : *ta;
      char cb = *tb == end ? '\0' : *tb;

      if (ca != cb)
        return (guchar)ca - (guchar)cb;
      if (ca == '\0')
        return 0;
    }
}

static const char *
id_key (const SortContext *ctx,
        guint32            index,
        char               end[1])
{
  end[0] = '\0';
  return text_of (ctx->builder, g_array_index (ctx->builder->products, AisleProductRec, index).id);
}

static const char *
gtin_key (const SortContext *ctx,
          guint32            index,
          char               end[1])
{
  end[0] = '\0';
  return text_of (ctx->builder, g_array_index (ctx->builder->products, AisleProductRec, index).gtin);
}

/* Article digits start each product's DIGITS line, up to a space. */
static const char *
article_key (const SortContext *ctx,
             guint32            index,
             char               end[1])
{
  end[0] = ' ';
  return ctx->digits + ctx->digit_lines[index];
}

static GArray *
build_sorted_index (SortContext *ctx,
                    const char *(*key_of) (const SortContext *, guint32, char[1]),
                    gboolean      only_with_gtin)
{
  AisleCatalogBuilder *self = ctx->builder;
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), self->products->len);
  GArray *index = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->products->len);

  ctx->key_of = key_of;
  for (guint32 i = 0; i < self->products->len; i++)
    {
      Keyed k;
      char end = '\0';

      if (only_with_gtin && g_array_index (self->products, AisleProductRec, i).gtin == 0)
        continue;
      k.index = i;
      k.prefix = key_prefix (key_of (ctx, i, &end), end);
      g_array_append_val (keyed, k);
    }

  g_array_sort_with_data (keyed, compare_keyed, ctx);
  for (guint i = 0; i < keyed->len; i++)
    g_array_append_val (index, g_array_index (keyed, Keyed, i).index);
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
      aisle_text_fold_append (blob, text_of (self, rec->name[language]), -1);
      g_string_append_c (blob, '\n');
    }

  g_array_append_val (lines, blob->len);
}

static GArray *build_sorted_index (SortContext *ctx,
                                   const char *(*key_of) (const SortContext *, guint32, char[1]),
                                   gboolean      only_with_gtin);
static const char *id_key (const SortContext *ctx, guint32 index, char end[1]);

typedef struct
{
  AisleCatalogBuilder *builder;
  guint                first;
  guint                end;
  GString            **names;
  GArray             **lines;
  GArray              *by_id;     /* out */
} NamesJob;

/* The second thread's share of the index: half of the languages' names,
 * and the products sorted by id, which needs nothing the first makes. */
static gpointer
build_names_job (gpointer data)
{
  NamesJob *job = data;
  SortContext ctx = { job->builder, NULL, NULL, NULL };

  for (guint l = job->first; l < job->end; l++)
    build_names (job->builder, l, job->names[l], job->lines[l]);
  job->by_id = build_sorted_index (&ctx, id_key, FALSE);
  return NULL;
}

static void
build_digits (AisleCatalogBuilder *self,
              GString             *blob,
              GArray              *lines)
{
  for (guint i = 0; i < self->products->len; i++)
    {
      const AisleProductRec *rec = &g_array_index (self->products, AisleProductRec, i);
      guint32 start = blob->len;

      g_array_append_val (lines, start);
      for (const char *p = text_of (self, rec->article); *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (blob, *p);
      g_string_append_c (blob, ' ');
      g_string_append (blob, text_of (self, rec->gtin));
      g_string_append_c (blob, '\n');
    }

  g_array_append_val (lines, blob->len);
}

typedef struct
{
  const void *data;
  gsize       size;
} Chunk;

/* The main pool becomes the image: the header goes into the room kept at
 * its start, the merged pools' strings follow its own, then every other
 * section. Growing it moves pages, not bytes. */
static GBytes *
lay_out (AisleImageHeader *header,
         const Chunk       chunks[AISLE_N_SECTIONS],
         GByteArray       *strings,
         GPtrArray        *merged_strings)
{
  guint64 offset = POOL_BASE;
  guint8 *image;
  guint8 *to;
  gsize len;

  header->sections[AISLE_SECTION_STRINGS].offset = offset;
  header->sections[AISLE_SECTION_STRINGS].size = chunks[AISLE_SECTION_STRINGS].size;
  offset = (offset + chunks[AISLE_SECTION_STRINGS].size + 7) & ~(guint64)7;
  for (guint s = 0; s < AISLE_N_SECTIONS; s++)
    {
      if (s == AISLE_SECTION_STRINGS)
        continue;
      header->sections[s].offset = offset;
      header->sections[s].size = chunks[s].size;
      offset = (offset + chunks[s].size + 7) & ~(guint64)7;
    }

  memcpy (header->magic, AISLE_CATALOG_IMAGE_MAGIC, 8);
  header->bom = AISLE_CATALOG_IMAGE_BOM;
  header->version = AISLE_CATALOG_IMAGE_VERSION;
  header->image_size = offset;

  image = g_byte_array_steal (strings, &len);
  image = g_realloc (image, offset);
  to = image + len;
  for (guint i = 0; i < merged_strings->len; i++)
    {
      GByteArray *pool = g_ptr_array_index (merged_strings, i);

      memcpy (to, pool->data + POOL_BASE, pool->len - POOL_BASE);
      to += pool->len - POOL_BASE;
    }

  /* Padding is zeroed: the image goes to disk as it is. */
  memset (to, 0, image + offset - to);
  memset (image, 0, POOL_BASE);
  memcpy (image, header, sizeof *header);
  for (guint s = 0; s < AISLE_N_SECTIONS; s++)
    if (chunks[s].size > 0 && s != AISLE_SECTION_STRINGS)
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
  GBytes *image;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
    {
      names[l] = g_string_sized_new (self->products->len * 32);
      name_lines[l] = g_array_sized_new (FALSE, FALSE, sizeof (guint32), self->products->len + 1);
    }

  /* Folding every name four times and sorting three ways are the jobs
   * here: half of them on a second thread while this one does the rest. */
  {
    NamesJob job = { self, 2, 4, names, name_lines, NULL };
    GThread *thread = self->products->len >= 2000 ? g_thread_new ("aisle-fold", build_names_job, &job) : NULL;
    SortContext ctx = { self, NULL, NULL, NULL };

    if (thread == NULL)
      build_names_job (&job);
    for (guint l = 0; l < 2; l++)
      build_names (self, l, names[l], name_lines[l]);
    build_digits (self, digits, digit_lines);
    ctx.digits = digits->str;
    ctx.digit_lines = (const guint32 *)(gpointer)digit_lines->data;
    by_gtin = build_sorted_index (&ctx, gtin_key, TRUE);
    by_article = build_sorted_index (&ctx, article_key, FALSE);
    by_category = build_by_category (self);
    if (thread != NULL)
      g_thread_join (thread);
    by_id = job.by_id;
  }

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
  {
    gsize total = self->strings->len - POOL_BASE;

    for (guint i = 0; i < self->merged_strings->len; i++)
      total += ((GByteArray *)g_ptr_array_index (self->merged_strings, i))->len - POOL_BASE;
    chunks[AISLE_SECTION_STRINGS] = (Chunk) { NULL, total };
  }
#undef ARRAY_CHUNK

  image = lay_out (header, chunks, self->strings, self->merged_strings);

  for (guint l = 0; l < AISLE_N_LANGUAGES; l++)
    {
      g_string_free (names[l], TRUE);
      g_array_unref (name_lines[l]);
    }
  aisle_catalog_builder_free (self);

  return image;
}
