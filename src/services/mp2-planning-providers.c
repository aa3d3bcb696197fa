/* mp2-planning-providers.c
 *
 * The keyless providers (Nominatim, OSRM, Open-Meteo) work out of the box; Google's
 * and OpenWeatherMap's get their key from the keyring, and without one they say so
 * in the plan (MP2_PLAN_ERROR_NO_KEY) rather than fall back unasked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-planning"

#include "config.h"

#include "mp2-planning-providers.h"

#include "mp2-api-keys.h"
#include "mp2-google-geocoder.h"
#include "mp2-google-routes.h"
#include "mp2-manual-route.h"
#include "mp2-nominatim-geocoder.h"
#include "mp2-open-meteo.h"
#include "mp2-openweathermap.h"
#include "mp2-osrm-routes.h"
#include "mp2-planning-limits.h"

struct _Mp2PlanningProviders
{
  GObject             parent_instance;

  Mp2HttpClient      *http;
  Mp2Store           *store;
  GSettings          *settings;
  GCancellable       *cancellable;

  Mp2Geocoder        *geocoder;
  Mp2RouteProvider   *routes;
  Mp2WeatherProvider *weather;
  GHashTable         *keys;          /* service → the key last given (a digest) */
};

G_DEFINE_FINAL_TYPE (Mp2PlanningProviders, mp2_planning_providers, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keys ------------------------------------------------------------------------------------ */

typedef struct
{
  Mp2PlanningProviders *self;
  char                 *service;
} KeyLookup;

static void
apply_key (Mp2PlanningProviders *self,
           const char           *service,
           const char           *key)
{
  if (g_str_equal (service, MP2_API_KEY_GOOGLE_MAPS))
    {
      if (MP2_IS_GOOGLE_GEOCODER (self->geocoder))
        mp2_google_geocoder_set_api_key (MP2_GOOGLE_GEOCODER (self->geocoder), key);
      if (MP2_IS_GOOGLE_ROUTES (self->routes))
        mp2_google_routes_set_api_key (MP2_GOOGLE_ROUTES (self->routes), key);
    }
  else if (g_str_equal (service, MP2_API_KEY_OPENWEATHERMAP))
    {
      if (MP2_IS_OPENWEATHERMAP (self->weather))
        mp2_openweathermap_set_api_key (MP2_OPENWEATHERMAP (self->weather), key);
    }
}

static void
on_key_found_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KeyLookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  char *key = mp2_api_key_lookup_finish (result, &error);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not read the %s API key from the keyring: %s", lookup->service,
               error->message);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* the same key again (Preferences closed without a change): the plans under
       * way go on */
      g_autofree char *digest = key != NULL ? g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                                             key, -1)
                                            : g_strdup ("");
      gboolean changed = g_strcmp0 (g_hash_table_lookup (lookup->self->keys, lookup->service),
                                    digest) != 0;

      apply_key (lookup->self, lookup->service, key);
      g_hash_table_replace (lookup->self->keys, g_strdup (lookup->service),
                            g_steal_pointer (&digest));
      if (changed)
        g_signal_emit (lookup->self, signals[CHANGED], 0);
    }

  if (key != NULL)
    mp2_api_key_free (key);
  g_object_unref (lookup->self);
  g_free (lookup->service);
  g_free (lookup);
}

static void
look_up_key (Mp2PlanningProviders *self,
             const char           *service)
{
  KeyLookup *lookup = g_new0 (KeyLookup, 1);

  lookup->self = g_object_ref (self);
  lookup->service = g_strdup (service);
  mp2_api_key_lookup_async (service, self->cancellable, on_key_found_cb, lookup);
}

/**
 * mp2_planning_providers_reload_keys:
 * @self: the providers
 *
 * Reads the keys of the keyed providers in use again; "changed" follows.
 */
void
mp2_planning_providers_reload_keys (Mp2PlanningProviders *self)
{
  g_return_if_fail (MP2_IS_PLANNING_PROVIDERS (self));

  if (MP2_IS_GOOGLE_GEOCODER (self->geocoder) || MP2_IS_GOOGLE_ROUTES (self->routes))
    look_up_key (self, MP2_API_KEY_GOOGLE_MAPS);
  if (MP2_IS_OPENWEATHERMAP (self->weather))
    look_up_key (self, MP2_API_KEY_OPENWEATHERMAP);
}

/* The providers ------------------------------------------------------------------------------ */

static void
make_providers (Mp2PlanningProviders *self)
{
  g_autofree char *geocoding = g_settings_get_string (self->settings, "geocoding-provider");
  g_autofree char *routes = g_settings_get_string (self->settings, "route-provider");
  g_autofree char *weather = g_settings_get_string (self->settings, "weather-provider");

  g_clear_object (&self->geocoder);
  g_clear_object (&self->routes);
  g_clear_object (&self->weather);

  if (g_str_equal (geocoding, "google"))
    self->geocoder = MP2_GEOCODER (mp2_google_geocoder_new (self->http, self->store, NULL));
  else
    self->geocoder = MP2_GEOCODER (mp2_nominatim_geocoder_new (self->http, self->store, NULL));

  if (g_str_equal (routes, "google"))
    self->routes = MP2_ROUTE_PROVIDER (mp2_google_routes_new (self->http, self->store, NULL));
  else if (g_str_equal (routes, "manual"))
    self->routes = MP2_ROUTE_PROVIDER (mp2_manual_route_new_for_settings (self->settings));
  else
    {
      g_autofree char *server = g_settings_get_string (self->settings, "osrm-server");

      /* MP2_OSRM_URL (the tests, the demo) goes before the setting */
      if (*server == '\0' || g_getenv ("MP2_OSRM_URL") != NULL)
        g_clear_pointer (&server, g_free);
      self->routes = MP2_ROUTE_PROVIDER (mp2_osrm_routes_new (self->http, self->store, server));
    }

  if (g_str_equal (weather, "openweathermap"))
    self->weather = MP2_WEATHER_PROVIDER (mp2_openweathermap_new (self->http, self->store, NULL));
  else
    self->weather = MP2_WEATHER_PROVIDER (mp2_open_meteo_new (self->http, self->store, NULL));

  g_debug ("Planning with %s, %s and %s", mp2_geocoder_get_id (self->geocoder),
           mp2_route_provider_get_id (self->routes), mp2_weather_provider_get_id (self->weather));
}

static void
on_provider_setting_changed_cb (Mp2PlanningProviders *self)
{
  make_providers (self);
  /* the new providers have no key yet: the lookups give them theirs */
  g_hash_table_remove_all (self->keys);
  g_signal_emit (self, signals[CHANGED], 0);
  mp2_planning_providers_reload_keys (self);
}

/* The object ------------------------------------------------------------------------------- */

static void
mp2_planning_providers_dispose (GObject *object)
{
  Mp2PlanningProviders *self = MP2_PLANNING_PROVIDERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->geocoder);
  g_clear_object (&self->routes);
  g_clear_object (&self->weather);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_clear_pointer (&self->keys, g_hash_table_unref);

  G_OBJECT_CLASS (mp2_planning_providers_parent_class)->dispose (object);
}

static void
mp2_planning_providers_class_init (Mp2PlanningProvidersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_planning_providers_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp2_planning_providers_init (Mp2PlanningProviders *self)
{
  self->cancellable = g_cancellable_new ();
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * mp2_planning_providers_new:
 * @http: the app's HTTP client (its rate limits for the providers are set here)
 * @store: (nullable): the store whose cache the providers use
 * @settings: com.mp2.FilmSchedule
 *
 * Returns: (transfer full): the providers Preferences choose; their keys follow
 *   ("changed")
 */
Mp2PlanningProviders *
mp2_planning_providers_new (Mp2HttpClient *http,
                            Mp2Store      *store,
                            GSettings     *settings)
{
  Mp2PlanningProviders *self;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (store == NULL || MP2_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MP2_TYPE_PLANNING_PROVIDERS, NULL);
  self->http = g_object_ref (http);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->settings = g_object_ref (settings);

  mp2_planning_configure_rate_limits (http);
  make_providers (self);
  mp2_planning_providers_reload_keys (self);

  g_signal_connect_object (settings, "changed::geocoding-provider",
                           G_CALLBACK (on_provider_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::route-provider",
                           G_CALLBACK (on_provider_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::weather-provider",
                           G_CALLBACK (on_provider_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::osrm-server",
                           G_CALLBACK (on_provider_setting_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

Mp2Geocoder *
mp2_planning_providers_get_geocoder (Mp2PlanningProviders *self)
{
  g_return_val_if_fail (MP2_IS_PLANNING_PROVIDERS (self), NULL);

  return self->geocoder;
}

Mp2RouteProvider *
mp2_planning_providers_get_routes (Mp2PlanningProviders *self)
{
  g_return_val_if_fail (MP2_IS_PLANNING_PROVIDERS (self), NULL);

  return self->routes;
}

Mp2WeatherProvider *
mp2_planning_providers_get_weather (Mp2PlanningProviders *self)
{
  g_return_val_if_fail (MP2_IS_PLANNING_PROVIDERS (self), NULL);

  return self->weather;
}
