/* aisle-history.c: where the shopper has been, for Back */
#include "config.h"

#include "aisle-history.h"

struct _AisleHistory
{
  GObject  parent_instance;

  GArray  *steps;   /* AisleStep; the last is on screen */
};

G_DEFINE_FINAL_TYPE (AisleHistory, aisle_history, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
step_clear (AisleStep *step)
{
  g_clear_pointer (&step->category, g_free);
  g_clear_pointer (&step->product, g_free);
  g_clear_pointer (&step->query, g_free);
}

static void
aisle_history_finalize (GObject *object)
{
  AisleHistory *self = (AisleHistory *)object;

  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (aisle_history_parent_class)->finalize (object);
}

static void
aisle_history_class_init (AisleHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aisle_history_finalize;

  /**
   * AisleHistory::changed:
   *
   * Another step is on screen, or the same one again with other contents.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aisle_history_init (AisleHistory *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (AisleStep));
  g_array_set_clear_func (self->steps, (GDestroyNotify)step_clear);
}

AisleHistory *
aisle_history_new (void)
{
  return g_object_new (AISLE_TYPE_HISTORY, NULL);
}

guint
aisle_history_get_length (AisleHistory *self)
{
  g_return_val_if_fail (AISLE_IS_HISTORY (self), 0);
  return self->steps->len;
}

const AisleStep *
aisle_history_get_top (AisleHistory *self)
{
  g_return_val_if_fail (AISLE_IS_HISTORY (self), NULL);

  if (self->steps->len == 0)
    return NULL;
  return &g_array_index (self->steps, AisleStep, self->steps->len - 1);
}

static void
push (AisleHistory *self,
      AislePage     page,
      const char   *category,
      const char   *product,
      const char   *query)
{
  AisleStep step = { page, g_strdup (category), g_strdup (product), g_strdup (query) };
  const AisleStep *top = aisle_history_get_top (self);

  if (top != NULL && top->page == AISLE_PAGE_SEARCH && page == AISLE_PAGE_SEARCH)
    g_array_set_size (self->steps, self->steps->len - 1);
  g_array_append_val (self->steps, step);
}

void
aisle_history_push (AisleHistory *self,
                    AislePage     page,
                    const char   *category,
                    const char   *product,
                    const char   *query)
{
  g_return_if_fail (AISLE_IS_HISTORY (self));

  push (self, page, category, product, query);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
aisle_history_pop (AisleHistory *self)
{
  g_return_val_if_fail (AISLE_IS_HISTORY (self), FALSE);

  if (self->steps->len <= 1)
    return FALSE;
  g_array_set_size (self->steps, self->steps->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
aisle_history_reset (AisleHistory *self)
{
  g_return_if_fail (AISLE_IS_HISTORY (self));

  g_array_set_size (self->steps, 0);
  push (self, AISLE_PAGE_HOME, NULL, NULL, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
aisle_history_show (AisleHistory *self,
                    AislePage     page)
{
  const AisleStep *top;

  g_return_if_fail (AISLE_IS_HISTORY (self));

  top = aisle_history_get_top (self);
  if (top == NULL || top->page != page)
    aisle_history_push (self, page, NULL, NULL, NULL);
}

gboolean
aisle_history_leave (AisleHistory *self,
                     AislePage     page)
{
  const AisleStep *top;

  g_return_val_if_fail (AISLE_IS_HISTORY (self), FALSE);

  top = aisle_history_get_top (self);
  return top != NULL && top->page == page && aisle_history_pop (self);
}
