/* test-planning-providers.c
 *
 * The providers Preferences choose: OpenStreetMap's and Open-Meteo out of the box, a
 * route provider made again when the choice changes, and an OSRM server of one's own
 * (against the fake over 127.0.0.1, without MP2_OSRM_URL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-fake-routes.h"
#include "mp2-planning-providers.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 20

static void
on_changed_cb (Mp2PlanningProviders *providers,
               guint                *changes)
{
  (*changes)++;
}

static void
test_choices (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();
  g_autoptr(Mp2PlanningProviders) providers = NULL;
  guint changes = 0;

  providers = mp2_planning_providers_new (http, NULL, settings);
  g_signal_connect (providers, "changed", G_CALLBACK (on_changed_cb), &changes);

  /* no key needed */
  g_assert_cmpstr (mp2_geocoder_get_id (mp2_planning_providers_get_geocoder (providers)), ==,
                   "nominatim");
  g_assert_cmpstr (mp2_route_provider_get_id (mp2_planning_providers_get_routes (providers)),
                   ==, "osrm");
  g_assert_cmpstr (mp2_weather_provider_get_id (mp2_planning_providers_get_weather (providers)),
                   ==, "open-meteo");

  g_settings_set_string (settings, "route-provider", "manual");
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpstr (mp2_route_provider_get_id (mp2_planning_providers_get_routes (providers)),
                   ==, "manual");
  g_settings_set_string (settings, "weather-provider", "openweathermap");
  g_assert_cmpstr (mp2_weather_provider_get_id (mp2_planning_providers_get_weather (providers)),
                   ==, "openweathermap");

  g_settings_reset (settings, "route-provider");
  g_settings_reset (settings, "weather-provider");
  g_assert_cmpstr (mp2_route_provider_get_id (mp2_planning_providers_get_routes (providers)),
                   ==, "osrm");

  /* the keys' lookups may still answer: not into this frame */
  g_signal_handlers_disconnect_by_data (providers, &changes);
}

/* The OSRM server of Preferences is asked, not the demo server. */
static void
test_osrm_server (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();
  g_autoptr(Mp2FakeRoutes) fake = NULL;
  g_autoptr(Mp2PlanningProviders) providers = NULL;
  g_autoptr(Mp2Place) home = mp2_place_new (52.22883, 21.00314, "home");
  g_autoptr(Mp2Place) set = mp2_place_new (52.17095, 20.97321, "set");
  g_autoptr(GDateTime) departure = g_date_time_new_utc (2030, 3, 12, 6, 0, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  Mp2RouteProvider *routes;

  g_unsetenv ("MP2_OSRM_URL");
  fake = mp2_fake_routes_new (&error);
  g_assert_no_error (error);
  mp2_fake_routes_set_route (fake, 1500, 1500, 9400);
  mp2_http_client_set_allow_http (http, TRUE);

  providers = mp2_planning_providers_new (http, NULL, settings);
  g_settings_set_string (settings, "osrm-server", mp2_fake_routes_get_url (fake));
  routes = mp2_planning_providers_get_routes (providers);
  mp2_route_provider_compute_async (routes, home, NULL, set, departure, MP2_TRAVEL_MODE_DRIVE,
                                    NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the route");
  route = mp2_route_provider_compute_finish (routes, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 1500);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (fake, "osrm"), ==, 1);

  g_settings_reset (settings, "osrm-server");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/planning-providers/choices", test_choices);
  g_test_add_func ("/planning-providers/osrm-server", test_osrm_server);

  return g_test_run ();
}
