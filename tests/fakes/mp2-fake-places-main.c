/* mp2-fake-places-main.c
 *
 * mp2-fake-places: the fake map and weather services of the tests as a program, for
 * the demo. The geocoders (Nominatim, Google) find any address, at a place in Warsaw
 * made up from its text; the routers (OSRM, Google Routes) measure each route from
 * its places; the weather services (Open-Meteo, OpenWeatherMap) make a mild day for
 * any place and date. Each runs on its own port of 127.0.0.1; the program prints the
 * variables that point the app at them, one a line, then serves until it is killed.
 * Requests that break a service's contract are logged on stderr ("Contract violation").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-places"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "mp2-fake-geocoding.h"
#include "mp2-fake-routes.h"
#include "mp2-fake-weather.h"

/* One key for both of the fake's Google Maps services, as one Google Cloud key can
 * be enabled for the Geocoding and the Routes API. */
#define GOOGLE_MAPS_KEY MP2_FAKE_ROUTES_API_KEY

/* Open-Meteo's own limit on past days, unless --past-days says more. */
#define DEFAULT_PAST_DAYS 92

typedef struct
{
  int past_days;
} Options;

static gboolean
parse_options (int      *argc,
               char   ***argv,
               Options  *options,
               GError  **error)
{
  const GOptionEntry entries[] = {
    { "past-days", 0, 0, G_OPTION_ARG_INT, &options->past_days,
      "Give the weather of days up to DAYS back (default: 92, as Open-Meteo)", "DAYS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new ("— fake map and weather services on 127.0.0.1");

  g_option_context_set_summary (context,
                                "Prints MP2_NOMINATIM_URL=…, MP2_GEOCODING_URL=…, "
                                "MP2_OSRM_URL=…, MP2_ROUTES_URL=…, MP2_OPEN_METEO_URL=… and "
                                "MP2_OPENWEATHERMAP_URL=… on stdout, one a line, and serves "
                                "until killed.");
  g_option_context_add_main_entries (context, entries, NULL);

  return g_option_context_parse (context, argc, argv, error);
}

static void
print_variable (const char *name,
                const char *url)
{
  g_autofree char *trimmed = g_strdup (url);
  gsize length = strlen (trimmed);

  /* the fakes say "http://127.0.0.1:PORT" or "…PORT/": the app adds the paths */
  if (length > 0 && trimmed[length - 1] == '/')
    trimmed[length - 1] = '\0';
  g_print ("%s=%s\n", name, trimmed);
}

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  Options options = { DEFAULT_PAST_DAYS };
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2FakeGeocoding) geocoding = NULL;
  g_autoptr(Mp2FakeRoutes) routes = NULL;
  g_autoptr(Mp2FakeWeather) weather = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  setlocale (LC_ALL, "");
  if (!parse_options (&argc, &argv, &options, &error))
    {
      g_printerr ("mp2-fake-places: %s\n", error->message);
      return 2;
    }
  if (options.past_days < 0)
    {
      g_printerr ("mp2-fake-places: --past-days cannot be negative\n");
      return 2;
    }

  geocoding = mp2_fake_geocoding_new (&error);
  if (geocoding != NULL)
    routes = mp2_fake_routes_new (&error);
  if (routes != NULL)
    weather = mp2_fake_weather_new (&error);
  if (weather == NULL)
    {
      g_printerr ("mp2-fake-places: %s\n", error->message);
      return 1;
    }

  mp2_fake_geocoding_set_any_address (geocoding, TRUE);
  mp2_fake_geocoding_set_google_key (geocoding, GOOGLE_MAPS_KEY);
  mp2_fake_routes_set_by_distance (routes, TRUE);
  mp2_fake_routes_set_api_key (routes, GOOGLE_MAPS_KEY);
  mp2_fake_weather_set_past_days (weather, (guint) options.past_days);

  print_variable ("MP2_NOMINATIM_URL", mp2_fake_geocoding_get_url (geocoding));
  print_variable ("MP2_GEOCODING_URL", mp2_fake_geocoding_get_url (geocoding));
  print_variable ("MP2_OSRM_URL", mp2_fake_routes_get_url (routes));
  print_variable ("MP2_ROUTES_URL", mp2_fake_routes_get_url (routes));
  print_variable ("MP2_OPEN_METEO_URL", mp2_fake_weather_get_url (weather));
  print_variable ("MP2_OPENWEATHERMAP_URL", mp2_fake_weather_get_url (weather));
  fflush (stdout);

  /* the keys are the fake's own, made up, and a user of the demo types them in */
  g_printerr ("mp2-fake-places: geocoding on %s, routes on %s, weather on %s; "
              "Google Maps key %s, OpenWeatherMap key %s\n",
              mp2_fake_geocoding_get_url (geocoding), mp2_fake_routes_get_url (routes),
              mp2_fake_weather_get_url (weather), GOOGLE_MAPS_KEY, MP2_FAKE_WEATHER_API_KEY);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);

  return 0;
}
