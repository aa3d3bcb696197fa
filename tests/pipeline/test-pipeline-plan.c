/* test-pipeline-plan.c
 *
 * The pipeline plans a day once it is read, on a real store, with providers that
 * are doubles of the interfaces (the providers themselves are tested against their
 * fakes in tests/services): the times worked out by hand for T2_01 (crew call 06:30,
 * a separate crew parking), the forecast and its warnings, problems in words (no home
 * address, an address not found, a route that fails and becomes an estimate, a
 * forecast not yet in reach), a correction that moves the plan, and an edit saved
 * while the day is planned that stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mp2-ics-export.h"
#include "mp2-test-files.h"
#include "mp2-test-geocoder.h"
#include "mp2-test-pipeline.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 30

/* Doubles ------------------------------------------------------------------------------ */

/* A drive of @minutes whatever the time, or a failure. */
#define TEST_TYPE_ROUTES (test_routes_get_type ())
G_DECLARE_FINAL_TYPE (TestRoutes, test_routes, TEST, ROUTES, GObject)

struct _TestRoutes
{
  GObject   parent_instance;
  guint     minutes;
  gboolean  failing;
  guint     requests;
};

static void test_routes_iface_init (Mp2RouteProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestRoutes, test_routes, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_ROUTE_PROVIDER,
                                                      test_routes_iface_init))

static const char *
test_routes_get_id (Mp2RouteProvider *provider)
{
  return "test";
}

static gboolean
test_routes_get_uses_traffic (Mp2RouteProvider *provider)
{
  return FALSE;
}

static void
test_routes_compute_async (Mp2RouteProvider    *provider,
                           const Mp2Place      *from,
                           const Mp2Place      *via,
                           const Mp2Place      *to,
                           GDateTime           *departure,
                           Mp2TravelMode        mode,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  TestRoutes *self = TEST_ROUTES (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  self->requests++;
  if (self->failing)
    g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                             "The route service cannot be reached.");
  else
    g_task_return_pointer (task, mp2_route_new (self->minutes * 60, self->minutes * 60, 12000,
                                                "test"),
                           (GDestroyNotify) mp2_route_free);
}

static Mp2Route *
test_routes_compute_finish (Mp2RouteProvider  *provider,
                            GAsyncResult      *result,
                            GError           **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_routes_iface_init (Mp2RouteProviderInterface *iface)
{
  iface->get_id = test_routes_get_id;
  iface->get_uses_traffic = test_routes_get_uses_traffic;
  iface->compute_async = test_routes_compute_async;
  iface->compute_finish = test_routes_compute_finish;
}

static void
test_routes_class_init (TestRoutesClass *klass)
{
}

static void
test_routes_init (TestRoutes *self)
{
  self->minutes = 25;
}

/* Hourly weather: rain from 09:00 to 11:59 at 80 %, 4 °C; or beyond the horizon. */
#define TEST_TYPE_WEATHER (test_weather_get_type ())
G_DECLARE_FINAL_TYPE (TestWeather, test_weather, TEST, WEATHER, GObject)

struct _TestWeather
{
  GObject   parent_instance;
  gboolean  beyond_horizon;
  guint     requests;
};

static void test_weather_iface_init (Mp2WeatherProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestWeather, test_weather, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_WEATHER_PROVIDER,
                                                      test_weather_iface_init))

static const char *
test_weather_get_id (Mp2WeatherProvider *provider)
{
  return "test";
}

static guint
test_weather_get_horizon_days (Mp2WeatherProvider *provider)
{
  return 16;
}

static void
test_weather_forecast_async (Mp2WeatherProvider  *provider,
                             const Mp2Place      *place,
                             GDateTime           *from,
                             GDateTime           *until,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  TestWeather *self = TEST_WEATHER (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(Mp2Forecast) forecast = NULL;
  g_autoptr(GDateTime) hour = NULL;

  self->requests++;
  if (self->beyond_horizon)
    {
      g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_BEYOND_HORIZON,
                               "The forecast does not reach this day yet.");
      return;
    }

  forecast = mp2_forecast_new ("test");
  hour = g_date_time_new (g_date_time_get_timezone (from), g_date_time_get_year (from),
                          g_date_time_get_month (from), g_date_time_get_day_of_month (from),
                          g_date_time_get_hour (from), 0, 0);
  while (g_date_time_compare (hour, until) < 0)
    {
      int h = g_date_time_get_hour (hour);
      gboolean rain = h >= 9 && h < 12;
      Mp2ForecastHour item = {
        .time = hour,
        .temperature = 4.0,
        .apparent_temperature = 1.0,
        .precipitation_probability = rain ? 80 : 10,
        .precipitation = rain ? 1.2 : 0,
        .weather_code = rain ? 63 : 3,
        .wind_speed = 3.0,
        .wind_gusts = 6.0,
      };
      GDateTime *next = g_date_time_add_hours (hour, 1);

      mp2_forecast_add_hour (forecast, &item);
      g_date_time_unref (hour);
      hour = next;
    }

  g_task_return_pointer (task, g_steal_pointer (&forecast), (GDestroyNotify) mp2_forecast_free);
}

static Mp2Forecast *
test_weather_forecast_finish (Mp2WeatherProvider  *provider,
                              GAsyncResult        *result,
                              GError             **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_weather_iface_init (Mp2WeatherProviderInterface *iface)
{
  iface->get_id = test_weather_get_id;
  iface->get_horizon_days = test_weather_get_horizon_days;
  iface->forecast_async = test_weather_forecast_async;
  iface->forecast_finish = test_weather_forecast_finish;
}

static void
test_weather_class_init (TestWeatherClass *klass)
{
}

static void
test_weather_init (TestWeather *self)
{
}

/* The fixture ------------------------------------------------------------------------ */

typedef struct
{
  char         *directory;
  GSettings    *settings;
  Mp2Store     *store;
  Mp2Pipeline  *pipeline;
  Mp2TestGeocoder *geocoder;
  TestRoutes   *routes;
  TestWeather  *weather;
  guint         plans;      /* "schedule-updated::plan" */
  char         *calendar;   /* the .ics file */
  int           moved;      /* "leave-moved": minutes earlier, or 0 */
  int           traffic;
  guint         n_moved;
} Fixture;

static void
on_leave_moved_cb (Mp2Pipeline *pipeline,
                   Mp2Schedule *schedule,
                   int          minutes_earlier,
                   int          traffic_minutes,
                   Fixture     *fixture)
{
  fixture->moved = minutes_earlier;
  fixture->traffic = traffic_minutes;
  fixture->n_moved++;
}

static void
on_planned_cb (Mp2Pipeline *pipeline,
               Mp2Schedule *schedule,
               Fixture     *fixture)
{
  fixture->plans++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("mp2-test-plan-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (fixture->settings, "home-address", "ul. Marszałkowska 1, Warszawa");
  g_settings_set_string (fixture->settings, "crew-name", "");
  g_settings_set_string (fixture->settings, "time-zone", "Europe/Warsaw");
  g_settings_set_int (fixture->settings, "arrive-early-minutes", 15);
  g_settings_set_int (fixture->settings, "morning-routine-minutes", 60);

  fixture->calendar = g_build_filename (fixture->directory, "calendar.ics", NULL);
  g_settings_set_string (fixture->settings, "target-calendar", fixture->calendar);

  fixture->store = mp2_store_open (fixture->directory, &error);
  g_assert_no_error (error);
  fixture->pipeline = mp2_pipeline_new (fixture->store, fixture->settings);
  {
    g_autoptr(Mp2IcsExport) sink = mp2_ics_export_new ();

    mp2_pipeline_set_calendar_sink (fixture->pipeline, MP2_CALENDAR_SINK (sink));
  }
  g_signal_connect (fixture->pipeline, "leave-moved", G_CALLBACK (on_leave_moved_cb), fixture);
  g_signal_connect (fixture->pipeline, "schedule-updated::plan", G_CALLBACK (on_planned_cb),
                    fixture);
  mp2_test_pipeline_start (fixture->pipeline, WAIT_SECONDS);

  fixture->geocoder = mp2_test_geocoder_new ();
  fixture->routes = g_object_new (TEST_TYPE_ROUTES, NULL);
  fixture->weather = g_object_new (TEST_TYPE_WEATHER, NULL);
  mp2_pipeline_set_planning (fixture->pipeline, MP2_GEOCODER (fixture->geocoder),
                             MP2_ROUTE_PROVIDER (fixture->routes),
                             MP2_WEATHER_PROVIDER (fixture->weather));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->pipeline);
  mp2_test_run_for (50);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->geocoder);
  g_clear_object (&fixture->routes);
  g_clear_object (&fixture->weather);
  g_settings_reset (fixture->settings, "home-address");
  g_settings_reset (fixture->settings, "target-calendar");
  g_free (fixture->calendar);
  g_settings_reset (fixture->settings, "arrive-early-minutes");
  g_settings_reset (fixture->settings, "morning-routine-minutes");
  g_clear_object (&fixture->settings);
  mp2_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
}

static gboolean
has_plans (gpointer user_data)
{
  Fixture *fixture = ((gpointer *) user_data)[0];
  guint count = GPOINTER_TO_UINT (((gpointer *) user_data)[1]);

  return fixture->plans >= count;
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

static Mp2Schedule *
import_and_plan (Fixture    *fixture,
                 const char *name)
{
  guint before = fixture->plans;
  g_autoptr(Mp2Schedule) schedule = mp2_test_pipeline_import (fixture->pipeline, name,
                                                              WAIT_SECONDS);

  wait_for_plans (fixture, before + 1);
  /* the list's object, which the plan reaches */
  return mp2_pipeline_lookup (fixture->pipeline, mp2_schedule_get_id (schedule));
}

static const char *
find_problem (JsonObject *plan,
              const char *step)
{
  JsonArray *problems = json_object_has_member (plan, "problems")
                        ? json_object_get_array_member (plan, "problems") : NULL;

  for (guint i = 0; problems != NULL && i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);

      if (g_str_equal (json_object_get_string_member (problem, "step"), step))
        return json_object_get_string_member (problem, "code");
    }

  return NULL;
}

static gboolean
has_flag (JsonObject *plan,
          const char *flag)
{
  JsonArray *flags = json_object_has_member (plan, "flags")
                     ? json_object_get_array_member (plan, "flags") : NULL;

  for (guint i = 0; flags != NULL && i < json_array_get_length (flags); i++)
    if (g_str_equal (json_array_get_string_element (flags, i), flag))
      return TRUE;

  return FALSE;
}

/* Tests ------------------------------------------------------------------------------ */

/* T2_01: crew call 06:30 on 14 March 2024 (CET, +01:00), a crew parking apart from the
 * set. Arrive 15 min early: 06:15 on set; the parking is 10 min from the set: at the
 * parking by 06:05; a 25-minute drive: leave at 05:40; a 60-minute routine: up at
 * 04:40; on set at 05:40 + 25 + 10 = 06:15. */
static void
test_plan_by_hand (Fixture       *fixture,
                   gconstpointer  data)
{
  Mp2Schedule *schedule = import_and_plan (fixture, "T2_01.pdf");
  g_autoptr(JsonObject) plan = read_json (mp2_schedule_get_plan_json (schedule));
  g_autoptr(JsonObject) weather = read_json (mp2_schedule_get_weather_json (schedule));
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *warnings;
  g_autoptr(Mp2Schedule) stored = NULL;

  g_assert_cmpstr (json_object_get_string_member (plan, "call"), ==,
                   "2024-03-14T06:30:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (plan, "arrival_target"), ==,
                   "2024-03-14T06:15:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (plan, "leave"), ==,
                   "2024-03-14T05:40:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (plan, "wake_up"), ==,
                   "2024-03-14T04:40:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (plan, "arrive"), ==,
                   "2024-03-14T06:15:00+01:00");
  g_assert_true (json_object_has_member (plan, "parking"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (plan, "route"),
                                               "duration"), ==, 25 * 60);
  g_assert_false (has_flag (plan, "early-wake-up"));
  g_assert_false (has_flag (plan, "estimate"));
  g_assert_null (find_problem (plan, "route"));
  /* one request: a route without traffic does not depend on the departure */
  g_assert_cmpuint (fixture->routes->requests, ==, 1);

  /* the forecast of the working day, and the rain in it, said for an EXT day */
  g_assert_true (json_object_get_boolean_member (weather, "exterior"));
  warnings = json_object_get_array_member (weather, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (warnings, 0),
                                                  "kind"), ==, "rain");
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (warnings, 0),
                                                   "text"));
  g_assert_cmpuint (fixture->weather->requests, ==, 1);

  /* stored, and in the calendar event: the wake-up and leave alarms */
  stored = mp2_store_get_schedule (fixture->store, mp2_schedule_get_id (schedule), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mp2_schedule_get_plan_json (stored), ==, mp2_schedule_get_plan_json (schedule));
  event = mp2_pipeline_dup_event (fixture->pipeline, schedule, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (event->description, "04:40"));
  g_assert_nonnull (strstr (event->description, "05:40"));
}

/* A corrected call moves the plan: 07:00 → leave 06:10. */
static void
test_correction_moves_plan (Fixture       *fixture,
                            gconstpointer  data)
{
  Mp2Schedule *schedule = import_and_plan (fixture, "T2_01.pdf");
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "07:00");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) plan = NULL;
  guint before = fixture->plans;

  mp2_pipeline_set_edit_async (fixture->pipeline, mp2_schedule_get_id (schedule), "crew_call",
                               value, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the edit");
  g_assert_true (mp2_pipeline_set_edit_finish (fixture->pipeline, result, &error));
  wait_for_plans (fixture, before + 1);

  schedule = mp2_pipeline_lookup (fixture->pipeline, mp2_schedule_get_id (schedule));
  plan = read_json (mp2_schedule_get_plan_json (schedule));
  g_assert_cmpstr (json_object_get_string_member (plan, "leave"), ==,
                   "2024-03-14T06:10:00+01:00");
  /* the edit is there still */
  g_assert_cmpstr (json_object_get_string_member (mp2_schedule_get_edits (schedule),
                                                  "crew_call"), ==, "07:00");
}

/* Without a home address: the sheet's times, and what to do. */
static void
test_no_home (Fixture       *fixture,
              gconstpointer  data)
{
  Mp2Schedule *schedule;
  g_autoptr(JsonObject) plan = NULL;

  g_settings_set_string (fixture->settings, "home-address", "");
  schedule = import_and_plan (fixture, "T2_01.pdf");
  plan = read_json (mp2_schedule_get_plan_json (schedule));

  g_assert_false (json_object_has_member (plan, "leave"));
  g_assert_false (json_object_has_member (plan, "wake_up"));
  g_assert_cmpstr (find_problem (plan, "home"), ==, "not-found");
  g_assert_cmpuint (fixture->routes->requests, ==, 0);
  /* the weather at the set does not need a home */
  g_assert_nonnull (mp2_schedule_get_weather_json (schedule));
}

/* A home the geocoder cannot find, said as such. */
static void
test_home_not_found (Fixture       *fixture,
                     gconstpointer  data)
{
  Mp2Schedule *schedule;
  g_autoptr(JsonObject) plan = NULL;

  g_settings_set_string (fixture->settings, "home-address", "Nowhere 1");
  schedule = import_and_plan (fixture, "T2_01.pdf");
  plan = read_json (mp2_schedule_get_plan_json (schedule));

  g_assert_cmpstr (find_problem (plan, "home"), ==, "not-found");
  g_assert_false (json_object_has_member (plan, "leave"));
}

/* The route service down: an estimate from the distance, marked as such. */
static void
test_route_estimate (Fixture       *fixture,
                     gconstpointer  data)
{
  Mp2Schedule *schedule;
  g_autoptr(JsonObject) plan = NULL;
  JsonObject *route;

  fixture->routes->failing = TRUE;
  schedule = import_and_plan (fixture, "T2_01.pdf");
  plan = read_json (mp2_schedule_get_plan_json (schedule));
  route = json_object_get_object_member (plan, "route");

  g_assert_cmpstr (find_problem (plan, "route"), ==, "offline");
  g_assert_true (has_flag (plan, "estimate"));
  g_assert_true (json_object_get_boolean_member (route, "estimate"));
  g_assert_cmpstr (json_object_get_string_member (route, "provider"), ==, "estimate");
  g_assert_true (json_object_has_member (plan, "leave"));
}

/* A day past the forecast's horizon: planned, the weather said to follow. */
static void
test_weather_later (Fixture       *fixture,
                    gconstpointer  data)
{
  Mp2Schedule *schedule;
  g_autoptr(JsonObject) plan = NULL;

  fixture->weather->beyond_horizon = TRUE;
  schedule = import_and_plan (fixture, "T2_01.pdf");
  plan = read_json (mp2_schedule_get_plan_json (schedule));

  g_assert_true (has_flag (plan, "weather-later"));
  g_assert_cmpstr (find_problem (plan, "weather"), ==, "beyond-horizon");
  g_assert_null (mp2_schedule_get_weather_json (schedule));
  g_assert_true (json_object_has_member (plan, "leave"));
}

static char *
read_calendar (Fixture *fixture)
{
  char *text = NULL;

  if (!g_file_get_contents (fixture->calendar, &text, NULL, NULL))
    return g_strdup ("");

  return text;
}

typedef struct
{
  Fixture    *fixture;
  const char *needle;
} CalendarWait;

static gboolean
calendar_has (gpointer user_data)
{
  CalendarWait *wait = user_data;
  g_autofree char *text = read_calendar (wait->fixture);

  return strstr (text, wait->needle) != NULL;
}

static void
wait_for_calendar (Fixture    *fixture,
                   const char *needle)
{
  CalendarWait wait = { fixture, needle };

  mp2_test_wait_until (calendar_has, &wait, WAIT_SECONDS, needle);
}

static void
set_edit (Fixture    *fixture,
          gint64      id,
          const char *key,
          const char *value)
{
  g_autoptr(JsonNode) node = value != NULL ? json_node_init_string (json_node_alloc (), value)
                                           : NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_pipeline_set_edit_async (fixture->pipeline, id, key, node, NULL, mp2_test_on_result_cb,
                               &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the edit");
  g_assert_true (mp2_pipeline_set_edit_finish (fixture->pipeline, result, &error));
  g_assert_no_error (error);
}

static void
confirm_day (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_pipeline_confirm_async (fixture->pipeline, id, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the confirmation");
  g_assert_true (mp2_pipeline_confirm_finish (fixture->pipeline, result, &error));
  g_assert_no_error (error);
}

/* Traffic worsens before the day: leaving moves 15 minutes earlier, which is told,
 * and the confirmed event's leave alarm follows; a 2-minute change is not told. */
static void
test_leave_moved (Fixture       *fixture,
                  gconstpointer  data)
{
  Mp2Schedule *schedule = import_and_plan (fixture, "T2_01.pdf");
  gint64 id = mp2_schedule_get_id (schedule);
  g_autoptr(JsonObject) plan = NULL;
  g_autofree char *text = NULL;
  guint before;

  confirm_day (fixture, id);
  wait_for_calendar (fixture, "05:40");

  /* a correction of the user's moves leaving earlier: no news to them */
  before = fixture->plans;
  set_edit (fixture, id, "crew_call", "06:15");
  wait_for_plans (fixture, before + 1);
  plan = read_json (mp2_schedule_get_plan_json (mp2_pipeline_lookup (fixture->pipeline, id)));
  g_assert_cmpstr (json_object_get_string_member (plan, "leave"), ==,
                   "2024-03-14T05:25:00+01:00");
  g_clear_pointer (&plan, json_object_unref);
  g_assert_cmpuint (fixture->n_moved, ==, 0);
  set_edit (fixture, id, "crew_call", NULL);
  wait_for_plans (fixture, before + 2);
  confirm_day (fixture, id);
  wait_for_calendar (fixture, "05:40");

  /* traffic, found by the re-check before leaving */
  fixture->routes->minutes = 40;
  before = fixture->plans;
  mp2_pipeline_recheck_day (fixture->pipeline, id);
  wait_for_plans (fixture, before + 1);

  g_assert_cmpuint (fixture->n_moved, ==, 1);
  g_assert_cmpint (fixture->moved, ==, 15);
  g_assert_cmpint (fixture->traffic, ==, 15);
  schedule = mp2_pipeline_lookup (fixture->pipeline, id);
  plan = read_json (mp2_schedule_get_plan_json (schedule));
  g_assert_cmpstr (json_object_get_string_member (plan, "leave"), ==,
                   "2024-03-14T05:25:00+01:00");

  /* the event is written again with the new times; still one event */
  wait_for_calendar (fixture, "05:25");
  text = read_calendar (fixture);
  g_assert_null (strstr (text, "05:40"));
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));
  g_assert_null (strstr (strstr (text, "BEGIN:VEVENT") + 1, "BEGIN:VEVENT"));

  /* two minutes more: the calendar follows, nobody is told */
  fixture->routes->minutes = 42;
  before = fixture->plans;
  mp2_pipeline_recheck_day (fixture->pipeline, id);
  wait_for_plans (fixture, before + 1);
  wait_for_calendar (fixture, "05:23");
  g_assert_cmpuint (fixture->n_moved, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pipeline-plan/by-hand", Fixture, NULL, fixture_set_up, test_plan_by_hand,
              fixture_tear_down);
  g_test_add ("/pipeline-plan/correction-moves-plan", Fixture, NULL, fixture_set_up,
              test_correction_moves_plan, fixture_tear_down);
  g_test_add ("/pipeline-plan/no-home", Fixture, NULL, fixture_set_up, test_no_home,
              fixture_tear_down);
  g_test_add ("/pipeline-plan/home-not-found", Fixture, NULL, fixture_set_up,
              test_home_not_found, fixture_tear_down);
  g_test_add ("/pipeline-plan/route-estimate", Fixture, NULL, fixture_set_up,
              test_route_estimate, fixture_tear_down);
  g_test_add ("/pipeline-plan/weather-later", Fixture, NULL, fixture_set_up,
              test_weather_later, fixture_tear_down);
  g_test_add ("/pipeline-plan/leave-moved", Fixture, NULL, fixture_set_up, test_leave_moved,
              fixture_tear_down);

  return g_test_run ();
}
