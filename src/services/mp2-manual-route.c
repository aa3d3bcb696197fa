/* mp2-manual-route.c
 *
 * The same number of minutes for every departure, from Preferences. The way itself is
 * not known: the distance given is the straight line (through the stop on the way, if
 * any), there is no polyline, and nothing is asked over the network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-manual-route"

#include "config.h"

#include "mp2-manual-route.h"

#define PROVIDER_ID     "manual"
#define DEFAULT_MINUTES 45

struct _Mp2ManualRoute
{
  GObject parent_instance;

  guint   minutes;
};

enum {
  PROP_0,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void mp2_manual_route_route_provider_init (Mp2RouteProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2ManualRoute, mp2_manual_route, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_ROUTE_PROVIDER,
                                                      mp2_manual_route_route_provider_init))

static gint64
straight_line (const Mp2Place *from,
               const Mp2Place *via,
               const Mp2Place *to)
{
  double metres;

  if (via != NULL)
    metres = mp2_place_distance (from, via) + mp2_place_distance (via, to);
  else
    metres = mp2_place_distance (from, to);

  return (gint64) (metres + 0.5);
}

static void
mp2_manual_route_compute_async (Mp2RouteProvider    *provider,
                                const Mp2Place      *from,
                                const Mp2Place      *via,
                                const Mp2Place      *to,
                                GDateTime           *departure,
                                Mp2TravelMode        mode,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Mp2ManualRoute *self = MP2_MANUAL_ROUTE (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  gint64 seconds = (gint64) self->minutes * 60;

  g_task_set_source_tag (task, mp2_manual_route_compute_async);
  g_task_return_pointer (task,
                         mp2_route_new (seconds, seconds, straight_line (from, via, to),
                                        PROVIDER_ID),
                         (GDestroyNotify) mp2_route_free);
}

static const char *
mp2_manual_route_get_id (Mp2RouteProvider *provider)
{
  return PROVIDER_ID;
}

static gboolean
mp2_manual_route_get_uses_traffic (Mp2RouteProvider *provider)
{
  return FALSE;
}

static void
mp2_manual_route_route_provider_init (Mp2RouteProviderInterface *iface)
{
  iface->get_id = mp2_manual_route_get_id;
  iface->get_uses_traffic = mp2_manual_route_get_uses_traffic;
  iface->compute_async = mp2_manual_route_compute_async;
}

static void
mp2_manual_route_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  Mp2ManualRoute *self = MP2_MANUAL_ROUTE (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      g_value_set_int (value, (int) self->minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_manual_route_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  Mp2ManualRoute *self = MP2_MANUAL_ROUTE (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      mp2_manual_route_set_minutes (self, (guint) g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_manual_route_class_init (Mp2ManualRouteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mp2_manual_route_get_property;
  object_class->set_property = mp2_manual_route_set_property;

  /**
   * Mp2ManualRoute:minutes:
   *
   * How long the way takes, whenever the user leaves. An int, as the setting it is
   * bound to.
   */
  properties[PROP_MINUTES] =
    g_param_spec_int ("minutes", NULL, NULL,
                      MP2_MANUAL_ROUTE_MIN_MINUTES, MP2_MANUAL_ROUTE_MAX_MINUTES,
                      DEFAULT_MINUTES,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                      G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp2_manual_route_init (Mp2ManualRoute *self)
{
  self->minutes = DEFAULT_MINUTES;
}

/**
 * mp2_manual_route_new:
 * @minutes: how long the way takes, 1 to 600
 *
 * Returns: (transfer full): a provider that answers @minutes for any way
 */
Mp2ManualRoute *
mp2_manual_route_new (guint minutes)
{
  return g_object_new (MP2_TYPE_MANUAL_ROUTE,
                       "minutes", (int) CLAMP (minutes, MP2_MANUAL_ROUTE_MIN_MINUTES,
                                               MP2_MANUAL_ROUTE_MAX_MINUTES),
                       NULL);
}

/**
 * mp2_manual_route_new_for_settings:
 * @settings: the app's settings (schema com.mp2.FilmSchedule)
 *
 * Creates a provider whose minutes follow the "manual-travel-minutes" setting.
 *
 * Returns: (transfer full): a new provider
 */
Mp2ManualRoute *
mp2_manual_route_new_for_settings (GSettings *settings)
{
  Mp2ManualRoute *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MP2_TYPE_MANUAL_ROUTE, NULL);
  g_settings_bind (settings, "manual-travel-minutes", self, "minutes", G_SETTINGS_BIND_GET);

  return self;
}

/**
 * mp2_manual_route_get_minutes:
 * @self: the provider
 *
 * Returns: how long the way takes, in minutes
 */
guint
mp2_manual_route_get_minutes (Mp2ManualRoute *self)
{
  g_return_val_if_fail (MP2_IS_MANUAL_ROUTE (self), 0);

  return self->minutes;
}

/**
 * mp2_manual_route_set_minutes:
 * @self: the provider
 * @minutes: how long the way takes, 1 to 600 (clamped)
 */
void
mp2_manual_route_set_minutes (Mp2ManualRoute *self,
                              guint           minutes)
{
  g_return_if_fail (MP2_IS_MANUAL_ROUTE (self));

  minutes = CLAMP (minutes, MP2_MANUAL_ROUTE_MIN_MINUTES, MP2_MANUAL_ROUTE_MAX_MINUTES);
  if (self->minutes == minutes)
    return;

  self->minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}
