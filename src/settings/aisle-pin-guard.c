/* aisle-pin-guard.c: the lockout after wrong staff PINs, kept in settings
 *
 * The guard never sees a PIN: it is told whether a checked PIN was right, so
 * nothing it logs or stores can give one away. Attempts are logged with
 * g_message() (journal priority "notice"): a wrong PIN is a normal event to
 * audit, not a fault, and a g_warning() would abort a kiosk run with
 * G_DEBUG=fatal-warnings.
 */
#define G_LOG_DOMAIN "aisle-pin-guard"

#include "config.h"

#include "aisle-pin-guard.h"

#define FIRST_LOCK_US (30 * G_USEC_PER_SEC)
#define MAX_LOCK_US   (15 * 60 * G_USEC_PER_SEC)

/* Far past the point where the lock stops growing; keeps the count from
 * wrapping however long someone keeps trying. */
#define FAILURES_CAP 10000

#define KEY_FAILURES     "admin-pin-failures"
#define KEY_LOCKED_UNTIL "admin-pin-locked-until"

struct _AislePinGuard
{
  GObject             parent_instance;

  GSettings          *settings;  /* nullable */
  guint               failures;
  gint64              locked_until;

  AislePinGuardClock  now_us;
  gpointer            clock_data;
};

G_DEFINE_FINAL_TYPE (AislePinGuard, aisle_pin_guard, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_LOCKED_UNTIL,
  PROP_FAILURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
real_clock (gpointer user_data G_GNUC_UNUSED)
{
  return g_get_real_time ();
}

static gint64
now (AislePinGuard *self)
{
  return self->now_us (self->clock_data);
}

/* 30 s at the fifth wrong PIN, doubled for each one after, at most 15 min. */
static gint64
lock_length (guint failures)
{
  guint doublings;

  if (failures < AISLE_PIN_GUARD_MAX_FAILURES)
    return 0;

  doublings = failures - AISLE_PIN_GUARD_MAX_FAILURES;
  if (doublings >= 6)
    return MAX_LOCK_US;

  return MIN (FIRST_LOCK_US << doublings, MAX_LOCK_US);
}

static void
save (AislePinGuard *self)
{
  if (self->settings == NULL)
    return;

  g_settings_set_uint (self->settings, KEY_FAILURES, self->failures);
  g_settings_set_int64 (self->settings, KEY_LOCKED_UNTIL, self->locked_until);
}

static void
set_state (AislePinGuard *self,
           guint          failures,
           gint64         locked_until)
{
  gboolean failures_changed = self->failures != failures;
  gboolean lock_changed = self->locked_until != locked_until;

  self->failures = failures;
  self->locked_until = locked_until;
  save (self);

  if (failures_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILURES]);
  if (lock_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED_UNTIL]);
}

/* A lock never ends later than its own length from now. Otherwise a clock
 * set back after the lock started (or an edited setting) would keep staff
 * out for as long as the clock was off. */
static void
clamp_lock (AislePinGuard *self)
{
  gint64 t = now (self);
  gint64 latest = t + lock_length (self->failures);

  if (self->locked_until > latest)
    {
      g_message ("admin PIN lock ended later than it could; shortened to %" G_GINT64_FORMAT " s",
                 lock_length (self->failures) / G_USEC_PER_SEC);
      set_state (self, self->failures, latest > t ? latest : 0);
    }
}

static void
load (AislePinGuard *self)
{
  if (self->settings == NULL)
    return;

  self->failures = MIN (g_settings_get_uint (self->settings, KEY_FAILURES), FAILURES_CAP);
  self->locked_until = MAX (g_settings_get_int64 (self->settings, KEY_LOCKED_UNTIL), 0);
}

static void
aisle_pin_guard_constructed (GObject *object)
{
  AislePinGuard *self = AISLE_PIN_GUARD (object);

  G_OBJECT_CLASS (aisle_pin_guard_parent_class)->constructed (object);

  load (self);
}

static void
aisle_pin_guard_finalize (GObject *object)
{
  AislePinGuard *self = AISLE_PIN_GUARD (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aisle_pin_guard_parent_class)->finalize (object);
}

static void
aisle_pin_guard_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AislePinGuard *self = AISLE_PIN_GUARD (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_LOCKED_UNTIL:
      g_value_set_int64 (value, aisle_pin_guard_get_locked_until (self));
      break;

    case PROP_FAILURES:
      g_value_set_uint (value, self->failures);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_pin_guard_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AislePinGuard *self = AISLE_PIN_GUARD (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aisle_pin_guard_class_init (AislePinGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = aisle_pin_guard_constructed;
  object_class->finalize = aisle_pin_guard_finalize;
  object_class->get_property = aisle_pin_guard_get_property;
  object_class->set_property = aisle_pin_guard_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", "Settings", "Where the lockout is kept",
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOCKED_UNTIL] =
    g_param_spec_int64 ("locked-until", "Locked until", "When the lock ends, 0 when open",
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FAILURES] =
    g_param_spec_uint ("failures", "Failures", "Wrong PINs in a row",
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aisle_pin_guard_init (AislePinGuard *self)
{
  self->now_us = real_clock;
}

AislePinGuard *
aisle_pin_guard_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (AISLE_TYPE_PIN_GUARD, "settings", settings, NULL);
}

void
aisle_pin_guard_set_clock (AislePinGuard      *self,
                           AislePinGuardClock  now_us,
                           gpointer            user_data)
{
  g_return_if_fail (AISLE_IS_PIN_GUARD (self));

  self->now_us = now_us != NULL ? now_us : real_clock;
  self->clock_data = now_us != NULL ? user_data : NULL;
}

gint64
aisle_pin_guard_get_locked_until (AislePinGuard *self)
{
  g_return_val_if_fail (AISLE_IS_PIN_GUARD (self), 0);

  clamp_lock (self);
  return self->locked_until > now (self) ? self->locked_until : 0;
}

gboolean
aisle_pin_guard_is_locked (AislePinGuard *self)
{
  g_return_val_if_fail (AISLE_IS_PIN_GUARD (self), FALSE);

  return aisle_pin_guard_get_remaining (self) > 0;
}

gint64
aisle_pin_guard_get_remaining (AislePinGuard *self)
{
  gint64 until;

  g_return_val_if_fail (AISLE_IS_PIN_GUARD (self), 0);

  until = aisle_pin_guard_get_locked_until (self);
  return MAX (until - now (self), 0);
}

guint
aisle_pin_guard_get_failures (AislePinGuard *self)
{
  g_return_val_if_fail (AISLE_IS_PIN_GUARD (self), 0);

  return self->failures;
}

guint
aisle_pin_guard_get_tries_left (AislePinGuard *self)
{
  g_return_val_if_fail (AISLE_IS_PIN_GUARD (self), 0);

  if (self->failures >= AISLE_PIN_GUARD_MAX_FAILURES)
    return 0;

  return AISLE_PIN_GUARD_MAX_FAILURES - self->failures;
}

static void
record_wrong (AislePinGuard *self)
{
  guint failures = MIN (self->failures + 1, FAILURES_CAP);
  gint64 length = lock_length (failures);

  if (length == 0)
    {
      g_message ("admin PIN attempt refused (%u of %d)", failures, AISLE_PIN_GUARD_MAX_FAILURES);
      set_state (self, failures, 0);
      return;
    }

  if (failures == AISLE_PIN_GUARD_MAX_FAILURES)
    g_message ("admin PIN attempt refused (%u of %d); PIN pad locked for %" G_GINT64_FORMAT " s",
               failures, AISLE_PIN_GUARD_MAX_FAILURES, length / G_USEC_PER_SEC);
  else
    g_message ("admin PIN attempt refused (%u in a row); PIN pad locked for %" G_GINT64_FORMAT " s",
               failures, length / G_USEC_PER_SEC);

  set_state (self, failures, now (self) + length);
}

gboolean
aisle_pin_guard_record (AislePinGuard *self,
                        gboolean       ok)
{
  g_return_val_if_fail (AISLE_IS_PIN_GUARD (self), FALSE);

  if (aisle_pin_guard_is_locked (self))
    {
      g_message ("admin PIN attempt while the PIN pad is locked; not checked");
      return FALSE;
    }

  if (!ok)
    {
      record_wrong (self);
      return TRUE;
    }

  if (self->failures > 0)
    g_message ("admin unlocked after %u wrong PINs", self->failures);
  else
    g_message ("admin unlocked");
  set_state (self, 0, 0);
  return TRUE;
}
