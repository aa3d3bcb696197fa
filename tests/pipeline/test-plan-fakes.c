/* test-plan-fakes.c
 *
 * A day planned the way the app plans it out of the box — Nominatim, OSRM and
 * Open-Meteo through the HTTP client with the app's rate limits — against the fakes
 * of tests/fakes over 127.0.0.1, on a real store: the times worked out by hand, the
 * forecast of the day, a second plan within the caches' lifetimes that asks nothing,
 * and the services unreachable (the sheet's times stay, the plan says why).
 *
 * T2_01: crew call 06:30 on 14 March 2024 (CET, +01:00), set at Chełmska 21, crew
 * parking at Racławicka 99. With 15 minutes early, 10 from the parking to the set
 * and a 25-minute drive (OSRM's answer): on set by 06:15, at the parking by 06:05,
 * leave 05:40; a 60-minute routine: up at 04:40; on set at 05:40 + 25 + 10 = 06:15.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-fake-geocoding.h"
#include "mp2-fake-routes.h"
#include "mp2-fake-weather.h"
#include "mp2-nominatim-geocoder.h"
#include "mp2-open-meteo.h"
#include "mp2-osrm-routes.h"
#include "mp2-planning-limits.h"
#include "mp2-test-files.h"
#include "mp2-test-pipeline.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 60
#define HOME    "ul. Marszałkowska 140, 00-061 Warszawa"
#define SET     "ul. Chełmska 21, 00-724 Warszawa"
#define PARKING "ul. Racławicka 99, 02-634 Warszawa"

typedef struct
{
  char             *directory;
  GSettings        *settings;
  Mp2Store         *store;
  Mp2Pipeline      *pipeline;
  Mp2HttpClient    *http;
  Mp2FakeGeocoding *geocoding;
  Mp2FakeRoutes    *routes;
  Mp2FakeWeather   *weather;
  guint             plans;
} Fixture;

static void
on_planned_cb (Mp2Pipeline *pipeline,
               Mp2Schedule *schedule,
               Fixture     *fixture)
{
  fixture->plans++;
}

static void
start_pipeline (Fixture    *fixture,
                const char *base_url)
{
  g_autoptr(Mp2NominatimGeocoder) geocoder = NULL;
  g_autoptr(Mp2OsrmRoutes) routes = NULL;
  g_autoptr(Mp2OpenMeteo) weather = NULL;

  /* NULL: each provider's MP2_*_URL, which the fakes exported */
  geocoder = mp2_nominatim_geocoder_new (fixture->http, fixture->store, base_url);
  routes = mp2_osrm_routes_new (fixture->http, fixture->store, base_url);
  weather = mp2_open_meteo_new (fixture->http, fixture->store, base_url);
  mp2_pipeline_set_planning (fixture->pipeline, MP2_GEOCODER (geocoder),
                             MP2_ROUTE_PROVIDER (routes), MP2_WEATHER_PROVIDER (weather));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("mp2-test-plan-fakes-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->geocoding = mp2_fake_geocoding_new (&error);
  g_assert_no_error (error);
  mp2_fake_geocoding_export_environment (fixture->geocoding);
  mp2_fake_geocoding_set_answer (fixture->geocoding, MP2_FAKE_GEOCODING_NOMINATIM, HOME,
                                 "nominatim/search_warszawa.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->geocoding, MP2_FAKE_GEOCODING_NOMINATIM, SET,
                                 "nominatim/search_chelmska.constructed.json");
  mp2_fake_geocoding_set_answer (fixture->geocoding, MP2_FAKE_GEOCODING_NOMINATIM, PARKING,
                                 "nominatim/search_near_duplicates.constructed.json");
  fixture->routes = mp2_fake_routes_new (&error);
  g_assert_no_error (error);
  mp2_fake_routes_export_environment (fixture->routes);
  mp2_fake_routes_set_route (fixture->routes, 25 * 60, 25 * 60, 9400);
  fixture->weather = mp2_fake_weather_new (&error);
  g_assert_no_error (error);
  mp2_fake_weather_export_environment (fixture->weather);
  /* the sheet's day is in the past: let Open-Meteo's archive reach it */
  mp2_fake_weather_set_past_days (fixture->weather, 5000);

  fixture->http = mp2_http_client_new ();
  mp2_http_client_set_allow_http (fixture->http, TRUE);
  mp2_http_client_set_retry_policy (fixture->http, 10, 50, 2);
  mp2_http_client_set_default_timeout (fixture->http, 5);
  mp2_planning_configure_rate_limits (fixture->http);

  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (fixture->settings, "home-address", HOME);
  g_settings_set_string (fixture->settings, "crew-name", "");
  g_settings_set_string (fixture->settings, "time-zone", "Europe/Warsaw");
  g_settings_set_int (fixture->settings, "arrive-early-minutes", 15);
  g_settings_set_int (fixture->settings, "morning-routine-minutes", 60);
  g_settings_set_int (fixture->settings, "parking-to-set-minutes", 10);

  fixture->store = mp2_store_open (fixture->directory, &error);
  g_assert_no_error (error);
  fixture->pipeline = mp2_pipeline_new (fixture->store, fixture->settings);
  g_signal_connect (fixture->pipeline, "schedule-updated::plan", G_CALLBACK (on_planned_cb),
                    fixture);
  mp2_test_pipeline_start (fixture->pipeline, WAIT_SECONDS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->pipeline);
  mp2_test_run_for (50);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->geocoding);
  g_clear_object (&fixture->routes);
  g_clear_object (&fixture->weather);
  g_settings_reset (fixture->settings, "home-address");
  g_settings_reset (fixture->settings, "arrive-early-minutes");
  g_settings_reset (fixture->settings, "morning-routine-minutes");
  g_settings_reset (fixture->settings, "parking-to-set-minutes");
  g_clear_object (&fixture->settings);
  mp2_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
}

static gboolean
has_plans (gpointer user_data)
{
  Fixture *fixture = ((gpointer *) user_data)[0];

  return fixture->plans >= GPOINTER_TO_UINT (((gpointer *) user_data)[1]);
}

static void
wait_for_plans (Fixture *fixture,
                guint    count)
{
  gpointer data[] = { fixture, GUINT_TO_POINTER (count) };

  mp2_test_wait_until (has_plans, data, WAIT_SECONDS, "the plan");
}

static JsonObject *
read_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (text);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static guint
requests (Fixture *fixture)
{
  return mp2_fake_geocoding_get_request_count (fixture->geocoding, MP2_FAKE_GEOCODING_NOMINATIM)
         + mp2_fake_routes_get_request_count (fixture->routes, "osrm")
         + mp2_fake_weather_get_request_count (fixture->weather, "open-meteo");
}

static void
test_planned_by_hand (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Mp2Schedule) imported = NULL;
  Mp2Schedule *schedule;
  g_autoptr(JsonObject) plan = NULL;
  g_autoptr(JsonObject) weather = NULL;
  g_autofree char *violations = NULL;
  JsonObject *route;
  guint asked;

  start_pipeline (fixture, NULL);
  imported = mp2_test_pipeline_import (fixture->pipeline, "T2_01.pdf", WAIT_SECONDS);
  wait_for_plans (fixture, 1);
  schedule = mp2_pipeline_lookup (fixture->pipeline, mp2_schedule_get_id (imported));
  plan = read_json (mp2_schedule_get_plan_json (schedule));
  route = json_object_get_object_member (plan, "route");

  g_assert_cmpstr (json_object_get_string_member (plan, "leave"), ==,
                   "2024-03-14T05:40:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (plan, "wake_up"), ==,
                   "2024-03-14T04:40:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (plan, "arrive"), ==,
                   "2024-03-14T06:15:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (route, "provider"), ==, "osrm");
  g_assert_cmpint (json_object_get_int_member (route, "duration"), ==, 25 * 60);
  g_assert_cmpint (json_object_get_int_member (route, "distance"), ==, 9400);
  if (json_array_get_length (json_object_get_array_member (plan, "problems")) != 0)
    g_error ("The plan has problems: %s", mp2_schedule_get_plan_json (schedule));
  /* the places as Nominatim named them */
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (plan,
                                                                                          "set"),
                                                           "name"), "Chełmska"));

  /* the forecast of the working day, from an hour before leaving to the wrap */
  weather = read_json (mp2_schedule_get_weather_json (schedule));
  g_assert_cmpstr (json_object_get_string_member (weather, "provider"), ==, "open-meteo");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (weather, "hours")), >=,
                    11);
  g_assert_true (json_object_get_boolean_member (weather, "exterior"));

  /* three places (home, set, parking), one route, one forecast */
  g_assert_cmpuint (mp2_fake_geocoding_get_request_count (fixture->geocoding, MP2_FAKE_GEOCODING_NOMINATIM), ==, 3);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (fixture->routes, "osrm"), ==, 1);
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->weather, "open-meteo"), ==, 1);
  violations = mp2_fake_geocoding_dup_violations_text (fixture->geocoding);
  g_assert_cmpstr (violations, ==, "");
  g_assert_cmpuint (mp2_fake_routes_get_violations (fixture->routes)->len, ==, 0);
  g_assert_cmpuint (mp2_fake_weather_get_violations (fixture->weather)->len, ==, 0);

  /* planned again within the caches' lifetimes: nothing is asked */
  asked = requests (fixture);
  mp2_pipeline_plan_day (fixture->pipeline, mp2_schedule_get_id (schedule));
  wait_for_plans (fixture, 2);
  g_assert_cmpuint (requests (fixture), ==, asked);
  schedule = mp2_pipeline_lookup (fixture->pipeline, mp2_schedule_get_id (schedule));
  g_clear_pointer (&plan, json_object_unref);
  plan = read_json (mp2_schedule_get_plan_json (schedule));
  g_assert_cmpstr (json_object_get_string_member (plan, "leave"), ==,
                   "2024-03-14T05:40:00+01:00");
}

/* No network: the day is listed with its sheet's times; the plan says why it is
 * missing, and nothing fails. */
static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(Mp2Schedule) imported = NULL;
  Mp2Schedule *schedule;
  g_autoptr(JsonObject) plan = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *problems;

  /* a closed port */
  start_pipeline (fixture, "http://127.0.0.1:9/");
  imported = mp2_test_pipeline_import (fixture->pipeline, "T2_01.pdf", WAIT_SECONDS);
  g_assert_cmpint (mp2_schedule_get_state (imported), ==, MP2_DAY_STATE_NEEDS_REVIEW);
  wait_for_plans (fixture, 1);

  schedule = mp2_pipeline_lookup (fixture->pipeline, mp2_schedule_get_id (imported));
  plan = read_json (mp2_schedule_get_plan_json (schedule));
  g_assert_false (json_object_has_member (plan, "leave"));
  problems = json_object_get_array_member (plan, "problems");
  g_assert_cmpuint (json_array_get_length (problems), >=, 2);
  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);

      g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, "offline");
      g_assert_cmpstr (json_object_get_string_member (problem, "message"), !=, "");
    }
  g_assert_null (mp2_schedule_get_weather_json (schedule));

  /* the calendar event still has the day, from the sheet */
  event = mp2_pipeline_dup_event (fixture->pipeline, schedule, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event->start);
  g_assert_cmpuint (requests (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan-fakes/by-hand", Fixture, NULL, fixture_set_up, test_planned_by_hand,
              fixture_tear_down);
  g_test_add ("/plan-fakes/offline", Fixture, NULL, fixture_set_up, test_offline,
              fixture_tear_down);

  return g_test_run ();
}
