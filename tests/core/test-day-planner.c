/* test-day-planner.c
 *
 * The day planner as tables: wake-up, leave and arrive on the days the clocks change
 * in Europe/Warsaw, on night shoots, with a via point and a separate parking; the
 * 04:00 flag; the departure search against durations that depend on the departure;
 * the straight-line estimate; partial plans; the JSON of places, routes and plans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mp2-day-event.h"
#include "mp2-day-planner.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)

/* Chełmska 21 in Warsaw (the WFDiF studios), the Łódź city hall on Piotrkowska, and
 * the Palace of Culture in the centre of Warsaw as a via point. */
#define WARSAW_LAT 52.1915
#define WARSAW_LON 21.0453
#define LODZ_LAT 51.7685
#define LODZ_LON 19.4571
#define CENTRE_LAT 52.2297
#define CENTRE_LON 21.0122

/* Helpers */

static GTimeZone *
new_warsaw (void)
{
  GTimeZone *time_zone = g_time_zone_new_identifier ("Europe/Warsaw");

  g_assert_nonnull (time_zone);
  return time_zone;
}

static GDateTime *
new_local (int year,
           int month,
           int day,
           int hour,
           int minute)
{
  g_autoptr(GTimeZone) warsaw = new_warsaw ();

  return g_date_time_new (warsaw, year, month, day, hour, minute, 0);
}

static GDateTime *
new_planned_at (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, 2025, 6, 1, 12, 0, 0);
}

static char *
format_time (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
assert_time (GDateTime  *when,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (when);
  text = format_time (when);
  g_assert_cmpstr (text, ==, expected);
}

static void
set_places (Mp2PlanInputs *inputs)
{
  inputs->home = mp2_place_new (WARSAW_LAT, WARSAW_LON, "Chełmska 21, Warszawa");
  inputs->set = mp2_place_new (LODZ_LAT, LODZ_LON, "Piotrkowska 104, Łódź");
}

static JsonNode *
parse_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Error codes and steps */

static void
test_error_codes (void)
{
  static const struct
  {
    Mp2PlanError  code;
    const char   *name;
  } cases[] = {
    { MP2_PLAN_ERROR_NOT_FOUND, "not-found" },
    { MP2_PLAN_ERROR_AMBIGUOUS, "ambiguous" },
    { MP2_PLAN_ERROR_NO_ROUTE, "no-route" },
    { MP2_PLAN_ERROR_NO_KEY, "no-key" },
    { MP2_PLAN_ERROR_KEY_REJECTED, "key-rejected" },
    { MP2_PLAN_ERROR_BEYOND_HORIZON, "beyond-horizon" },
    { MP2_PLAN_ERROR_OFFLINE, "offline" },
    { MP2_PLAN_ERROR_FAILED, "failed" },
  };
  Mp2PlanError code;
  Mp2PlanStep step;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (mp2_plan_error_code_to_string (cases[i].code), ==, cases[i].name);
      g_assert_true (mp2_plan_error_code_from_string (cases[i].name, &code));
      g_assert_cmpint (code, ==, cases[i].code);
    }
  g_assert_false (mp2_plan_error_code_from_string ("lost", &code));
  g_assert_cmpstr (g_quark_to_string (MP2_PLAN_ERROR), ==, "mp2-plan-error-quark");

  g_assert_true (mp2_plan_step_from_string ("via", &step));
  g_assert_cmpint (step, ==, MP2_PLAN_STEP_VIA);
  g_assert_cmpstr (mp2_plan_step_to_string (MP2_PLAN_STEP_WEATHER), ==, "weather");
  g_assert_false (mp2_plan_step_from_string ("parking lot", &step));
}

/* Places and routes */

static void
test_place_distance (void)
{
  static const struct
  {
    double from_lat, from_lon, to_lat, to_lon;
    double metres;
  } cases[] = {
    /* a degree of the equator: 6 371 km × π / 180 */
    { 0.0, 0.0, 0.0, 1.0, 111194.93 },
    { WARSAW_LAT, WARSAW_LON, WARSAW_LAT, WARSAW_LON, 0.0 },
    { WARSAW_LAT, WARSAW_LON, LODZ_LAT, LODZ_LON, 118504.79 },
    { LODZ_LAT, LODZ_LON, WARSAW_LAT, WARSAW_LON, 118504.79 },
    /* across the antimeridian: a degree at the equator again */
    { 0.0, 179.5, 0.0, -179.5, 111194.93 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Mp2Place) from = mp2_place_new (cases[i].from_lat, cases[i].from_lon, NULL);
      g_autoptr(Mp2Place) to = mp2_place_new (cases[i].to_lat, cases[i].to_lon, NULL);

      g_assert_cmpfloat_with_epsilon (mp2_place_distance (from, to), cases[i].metres, 0.5);
    }
}

static void
test_place_json (void)
{
  static const char *invalid[] = {
    "[52.2, 21.0]",
    "{\"lat\": 52.2}",
    "{\"lat\": \"52.2\", \"lon\": 21.0}",
    "{\"lat\": 95.0, \"lon\": 21.0}",
    "{\"lat\": 52.2, \"lon\": 181}",
    "\"Chełmska 21\"",
  };
  g_autoptr(Mp2Place) place = mp2_place_new (WARSAW_LAT, WARSAW_LON, "Chełmska 21, Warszawa");
  g_autoptr(Mp2Place) unnamed = mp2_place_new (-33.5, 151, NULL);
  g_autoptr(JsonNode) node = mp2_place_to_json (place);
  g_autoptr(JsonNode) unnamed_node = mp2_place_to_json (unnamed);
  g_autoptr(JsonNode) expected = parse_json ("{\"lat\": 52.1915, \"lon\": 21.0453, "
                                             "\"name\": \"Chełmska 21, Warszawa\"}");
  g_autoptr(Mp2Place) back = mp2_place_from_json (node);
  g_autoptr(Mp2Place) unnamed_back = mp2_place_from_json (unnamed_node);
  g_autoptr(JsonNode) integers = parse_json ("{\"lat\": 52, \"lon\": 21}");
  g_autoptr(Mp2Place) from_integers = mp2_place_from_json (integers);

  g_assert_true (json_node_equal (node, expected));
  g_assert_cmpfloat (back->latitude, ==, place->latitude);
  g_assert_cmpfloat (back->longitude, ==, place->longitude);
  g_assert_cmpstr (back->name, ==, place->name);

  g_assert_true (json_node_is_null (json_object_get_member (json_node_get_object (unnamed_node),
                                                            "name")));
  g_assert_null (unnamed_back->name);
  g_assert_cmpfloat (unnamed_back->latitude, ==, -33.5);
  g_assert_cmpfloat (unnamed_back->longitude, ==, 151.0);

  g_assert_cmpfloat (from_integers->latitude, ==, 52.0);
  g_assert_cmpfloat (from_integers->longitude, ==, 21.0);

  g_assert_null (mp2_place_from_json (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(JsonNode) bad = parse_json (invalid[i]);

      g_assert_null (mp2_place_from_json (bad));
    }
}

static void
test_route_json (void)
{
  static const struct
  {
    gint64      duration;
    gint64      static_duration;
    gint64      distance;
    const char *provider;
    gboolean    estimate;
    const char *polyline;
    const char *json;
  } cases[] = {
    { 1394, 1200, 15300, "google", FALSE, "_p~iF~ps|U_ulLnnqC",
      "{\"duration\":1394,\"static_duration\":1200,\"distance\":15300,"
      "\"provider\":\"google\",\"estimate\":false,\"polyline\":\"_p~iF~ps|U_ulLnnqC\"}" },
    { 1500, -1, 16100, "osrm", FALSE, NULL,
      "{\"duration\":1500,\"distance\":16100,\"provider\":\"osrm\",\"estimate\":false}" },
    { 13865, -1, 154056, "estimate", TRUE, NULL,
      "{\"duration\":13865,\"distance\":154056,\"provider\":\"estimate\",\"estimate\":true}" },
  };
  static const char *invalid[] = {
    "{\"distance\": 100, \"provider\": \"osrm\"}",
    "{\"duration\": -5, \"provider\": \"osrm\"}",
    "{\"duration\": 60}",
    "{\"duration\": \"1394s\", \"provider\": \"google\"}",
    "[]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Mp2Route) route = mp2_route_new (cases[i].duration, cases[i].static_duration,
                                                 cases[i].distance, cases[i].provider);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(Mp2Route) back = NULL;
      g_autoptr(Mp2Route) copy = NULL;
      g_autofree char *text = NULL;

      route->estimate = cases[i].estimate;
      route->polyline = g_strdup (cases[i].polyline);
      node = mp2_route_to_json (route);
      text = json_to_string (node, FALSE);
      g_assert_cmpstr (text, ==, cases[i].json);

      back = mp2_route_from_json (node);
      copy = mp2_route_copy (back);
      g_assert_cmpint (copy->duration, ==, cases[i].duration);
      g_assert_cmpint (copy->static_duration, ==, cases[i].static_duration);
      g_assert_cmpint (copy->distance, ==, cases[i].distance);
      g_assert_cmpstr (copy->provider, ==, cases[i].provider);
      g_assert_cmpint (copy->estimate, ==, cases[i].estimate);
      g_assert_cmpstr (copy->polyline, ==, cases[i].polyline);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(JsonNode) bad = parse_json (invalid[i]);

      g_assert_null (mp2_route_from_json (bad));
    }
}

/* The estimate: Warsaw (Chełmska 21) to Łódź is 118 504.79 m in a straight line;
 * × 1.3 = 154 056.22 m; by car at 40 km/h (11.111 m/s) 13 865.06 s, by transit at
 * 25 km/h 22 184.10 s. Through the Palace of Culture (4 471.1 m north of Chełmska,
 * then 118 504.5 m to Łódź) 122 975.60 m × 1.3 = 159 868.29 m, by car 14 388.15 s. */
static void
test_estimate (void)
{
  static const struct
  {
    gboolean       via;
    Mp2TravelMode  mode;
    gint64         duration;
    gint64         distance;
  } cases[] = {
    { FALSE, MP2_TRAVEL_MODE_DRIVE, 13865, 154056 },
    { FALSE, MP2_TRAVEL_MODE_TRANSIT, 22184, 154056 },
    /* 154 056.22 m at 15 km/h (4.1667 m/s): 36 973.49 s */
    { FALSE, MP2_TRAVEL_MODE_BICYCLE, 36973, 154056 },
    /* at 5 km/h: 110 920.48 s */
    { FALSE, MP2_TRAVEL_MODE_WALK, 110920, 154056 },
    { TRUE, MP2_TRAVEL_MODE_DRIVE, 14388, 159868 },
  };
  g_autoptr(Mp2Place) warsaw = mp2_place_new (WARSAW_LAT, WARSAW_LON, NULL);
  g_autoptr(Mp2Place) lodz = mp2_place_new (LODZ_LAT, LODZ_LON, NULL);
  g_autoptr(Mp2Place) centre = mp2_place_new (CENTRE_LAT, CENTRE_LON, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Mp2Route) route = mp2_route_estimate (warsaw, cases[i].via ? centre : NULL,
                                                      lodz, cases[i].mode);

      g_assert_cmpint (route->duration, ==, cases[i].duration);
      g_assert_cmpint (route->distance, ==, cases[i].distance);
      g_assert_cmpint (route->static_duration, ==, -1);
      g_assert_cmpstr (route->provider, ==, "estimate");
      g_assert_true (route->estimate);
      g_assert_null (route->polyline);
    }
}

/* The times, worked out by hand
 *
 * Europe/Warsaw in 2025: CET (+01:00) until Sunday 30 March 01:00 UTC, when the
 * clocks go from 02:00 to 03:00 (CEST, +02:00); CEST until Sunday 26 October 01:00
 * UTC, when they go back from 03:00 to 02:00 (CET again). A wall clock is wrong
 * arithmetic on those nights; UTC is right, so each case below is worked in UTC.
 *
 * Every DST case: call 05:00, a 60-minute morning routine, a 45-minute route. */

typedef struct
{
  const char *name;
  int         year;
  int         month;
  int         day;
  int         call_hour;
  int         call_minute;
  int         arrive_early;
  int         routine;
  int         route_minutes;
  int         via_stop;        /* -1: no via point */
  int         parking;         /* -1: no separate parking */
  int         early_hour;
  const char *target;
  const char *wake_up;
  const char *leave;
  const char *arrive;
  gboolean    early;
} TimesCase;

static const TimesCase times_cases[] = {
  /* 30 March, 15 early: call 05:00+02 = 03:00Z; target 02:45Z = 04:45+02;
   * leave 02:00Z = 04:00+02; wake 01:00Z = 03:00+02, the first minute of summer
   * time (02:00–02:59 does not exist that night). 03:00 < 04:00: early. */
  { "spring-15", 2025, 3, 30, 5, 0, 15, 60, 45, -1, -1, 4,
    "2025-03-30T04:45:00+02:00", "2025-03-30T03:00:00+02:00",
    "2025-03-30T04:00:00+02:00", "2025-03-30T04:45:00+02:00", TRUE },
  /* 30 March, 30 early: target 02:30Z = 04:30+02; leave 01:45Z = 03:45+02;
   * wake 00:45Z = 01:45+01 — the wall clock shows 2 hours between wake-up and
   * leaving, though the routine is 60 minutes (a naive 03:45 − 1 h = 02:45 does
   * not exist that night). */
  { "spring-30", 2025, 3, 30, 5, 0, 30, 60, 45, -1, -1, 4,
    "2025-03-30T04:30:00+02:00", "2025-03-30T01:45:00+01:00",
    "2025-03-30T03:45:00+02:00", "2025-03-30T04:30:00+02:00", TRUE },
  /* 30 March, 90 early: target 01:30Z = 03:30+02; leave 00:45Z = 01:45+01, so the
   * 45-minute drive spans the change (01:45 to 03:30 on the wall clock);
   * wake 23:45Z on the 29th = 00:45+01 on the 30th. */
  { "spring-drive-across", 2025, 3, 30, 5, 0, 90, 60, 45, -1, -1, 4,
    "2025-03-30T03:30:00+02:00", "2025-03-30T00:45:00+01:00",
    "2025-03-30T01:45:00+01:00", "2025-03-30T03:30:00+02:00", TRUE },
  /* 26 October, 15 early: call 05:00+01 = 04:00Z; target 03:45Z = 04:45+01;
   * leave 03:00Z = 04:00+01; wake 02:00Z = 03:00+01 (after the change). */
  { "autumn-15", 2025, 10, 26, 5, 0, 15, 60, 45, -1, -1, 4,
    "2025-10-26T04:45:00+01:00", "2025-10-26T03:00:00+01:00",
    "2025-10-26T04:00:00+01:00", "2025-10-26T04:45:00+01:00", TRUE },
  /* 26 October, 90 early: target 02:30Z = 03:30+01; leave 01:45Z = 02:45+01;
   * wake 00:45Z = 02:45+02: the same wall-clock time as leaving, one hour earlier
   * (02:00–02:59 happens twice that night). */
  { "autumn-twice", 2025, 10, 26, 5, 0, 90, 60, 45, -1, -1, 4,
    "2025-10-26T03:30:00+01:00", "2025-10-26T02:45:00+02:00",
    "2025-10-26T02:45:00+01:00", "2025-10-26T03:30:00+01:00", TRUE },
  /* 26 October, 150 early: target 01:30Z = 02:30+01; leave 00:45Z = 02:45+02 and
   * arrive at 02:30+01 — the wall clock goes back during the 45-minute drive;
   * wake 23:45Z on the 25th = 01:45+02 on the 26th. */
  { "autumn-drive-across", 2025, 10, 26, 5, 0, 150, 60, 45, -1, -1, 4,
    "2025-10-26T02:30:00+01:00", "2025-10-26T01:45:00+02:00",
    "2025-10-26T02:45:00+02:00", "2025-10-26T02:30:00+01:00", TRUE },
  /* A night shoot called at 00:30 on the sheet's date (14 June): target 00:15;
   * leave the evening before at 23:30, wake 22:30 — not an early wake-up. */
  { "night-00:30", 2025, 6, 14, 0, 30, 15, 60, 45, -1, -1, 4,
    "2025-06-14T00:15:00+02:00", "2025-06-13T22:30:00+02:00",
    "2025-06-13T23:30:00+02:00", "2025-06-14T00:15:00+02:00", FALSE },
  /* A night shoot called at 18:00 (the wrap after midnight does not matter). */
  { "night-18:00", 2025, 6, 13, 18, 0, 15, 60, 45, -1, -1, 4,
    "2025-06-13T17:45:00+02:00", "2025-06-13T16:00:00+02:00",
    "2025-06-13T17:00:00+02:00", "2025-06-13T17:45:00+02:00", FALSE },
  /* Via point: target 06:45; the drive must end 10 minutes earlier (the stop), at
   * 06:35; leave 06:05; wake 05:05; arrive 06:05 + 30 + 10 = 06:45. */
  { "via", 2025, 6, 16, 7, 0, 15, 60, 30, 10, -1, 4,
    "2025-06-16T06:45:00+02:00", "2025-06-16T05:05:00+02:00",
    "2025-06-16T06:05:00+02:00", "2025-06-16T06:45:00+02:00", FALSE },
  /* Separate parking 12 minutes from set: at the parking by 06:33, leave 06:03. */
  { "parking", 2025, 6, 16, 7, 0, 15, 60, 30, -1, 12, 4,
    "2025-06-16T06:45:00+02:00", "2025-06-16T05:03:00+02:00",
    "2025-06-16T06:03:00+02:00", "2025-06-16T06:45:00+02:00", FALSE },
  /* Both: 06:45 − 12 − 10 = 06:23, leave 05:53, wake 04:53. */
  { "via-and-parking", 2025, 6, 16, 7, 0, 15, 60, 30, 10, 12, 4,
    "2025-06-16T06:45:00+02:00", "2025-06-16T04:53:00+02:00",
    "2025-06-16T05:53:00+02:00", "2025-06-16T06:45:00+02:00", FALSE },
  /* Waking at 04:00 exactly is not early; at 03:59 it is. */
  { "wake-04:00", 2025, 6, 16, 6, 0, 15, 60, 45, -1, -1, 4,
    "2025-06-16T05:45:00+02:00", "2025-06-16T04:00:00+02:00",
    "2025-06-16T05:00:00+02:00", "2025-06-16T05:45:00+02:00", FALSE },
  { "wake-03:59", 2025, 6, 16, 5, 59, 15, 60, 45, -1, -1, 4,
    "2025-06-16T05:44:00+02:00", "2025-06-16T03:59:00+02:00",
    "2025-06-16T04:59:00+02:00", "2025-06-16T05:44:00+02:00", TRUE },
  /* The hour is a setting: before 05:00 flags 04:00; 0 flags nothing. */
  { "wake-04:00-hour-5", 2025, 6, 16, 6, 0, 15, 60, 45, -1, -1, 5,
    "2025-06-16T05:45:00+02:00", "2025-06-16T04:00:00+02:00",
    "2025-06-16T05:00:00+02:00", "2025-06-16T05:45:00+02:00", TRUE },
  { "wake-00:45-hour-0", 2025, 3, 30, 5, 0, 90, 60, 45, -1, -1, 0,
    "2025-03-30T03:30:00+02:00", "2025-03-30T00:45:00+01:00",
    "2025-03-30T01:45:00+01:00", "2025-03-30T03:30:00+02:00", FALSE },
};

static void
init_case_inputs (Mp2PlanInputs   *inputs,
                  const TimesCase *row)
{
  g_autoptr(GDateTime) call = new_local (row->year, row->month, row->day,
                                         row->call_hour, row->call_minute);

  mp2_plan_inputs_init (inputs, call);
  set_places (inputs);
  inputs->arrive_early_minutes = row->arrive_early;
  inputs->morning_routine_minutes = row->routine;
  inputs->early_wake_up_hour = row->early_hour;
  if (row->via_stop >= 0)
    {
      inputs->via = mp2_place_new (CENTRE_LAT, CENTRE_LON, "Pałac Kultury");
      inputs->via_stop_minutes = row->via_stop;
    }
  if (row->parking >= 0)
    {
      inputs->parking = mp2_place_new (LODZ_LAT + 0.01, LODZ_LON, "Parking");
      inputs->parking_to_set_minutes = row->parking;
    }
}

static void
assert_case_plan (const Mp2DayPlan *plan,
                  const TimesCase  *row)
{
  assert_time (plan->arrival_target, row->target);
  assert_time (plan->wake_up, row->wake_up);
  assert_time (plan->leave, row->leave);
  assert_time (plan->arrive, row->arrive);
  g_assert_cmpint (!!(plan->flags & MP2_PLAN_FLAG_EARLY_WAKE_UP), ==, row->early);
  g_assert_false (plan->flags & MP2_PLAN_FLAG_ESTIMATE);
  g_assert_cmpuint (plan->problems->len, ==, 0);
}

/* The same times through the departure search, with a provider whose duration is
 * the same at any hour. */
static GDateTime *
search_constant (const Mp2PlanInputs *inputs,
                 const Mp2Route      *route)
{
  g_autoptr(Mp2DepartureSearch) search = mp2_day_planner_new_search (inputs, TRUE);
  GDateTime *departure;

  while ((departure = mp2_departure_search_next (search)) != NULL)
    mp2_departure_search_feed (search, departure, route);

  g_assert_cmpuint (mp2_departure_search_get_n_requests (search), <=, 2);
  g_assert_true (mp2_departure_search_is_converged (search));
  g_assert_cmpint (mp2_departure_search_get_route (search)->duration, ==, route->duration);

  return g_date_time_ref (mp2_departure_search_get_result (search));
}

static void
test_times (void)
{
  g_autoptr(GDateTime) planned_at = new_planned_at ();

  for (guint i = 0; i < G_N_ELEMENTS (times_cases); i++)
    {
      const TimesCase *row = &times_cases[i];
      g_auto(Mp2PlanInputs) inputs = { 0 };
      g_autoptr(Mp2Route) route = NULL;
      g_autoptr(Mp2DayPlan) direct = NULL;
      g_autoptr(Mp2DayPlan) searched = NULL;
      g_autoptr(GDateTime) leave = NULL;

      g_test_message ("case %s", row->name);
      init_case_inputs (&inputs, row);
      route = mp2_route_new (row->route_minutes * MINUTE, row->route_minutes * MINUTE,
                             20000, "osrm");

      direct = mp2_day_planner_plan (&inputs, route, NULL, planned_at);
      assert_case_plan (direct, row);

      leave = search_constant (&inputs, route);
      searched = mp2_day_planner_plan (&inputs, route, leave, planned_at);
      assert_case_plan (searched, row);
    }
}

/* The departure search against a provider whose duration depends on the departure.
 * Durations are functions of the departure in seconds since midnight (local time,
 * 16 June 2025, +02:00). */

typedef gint64 (*DurationFunc) (gint64 seconds);

static gint64
ramp (gint64 seconds,
      gint64 from,
      gint64 from_duration,
      gint64 until,
      gint64 until_duration)
{
  if (seconds <= from)
    return from_duration;
  if (seconds >= until)
    return until_duration;

  return from_duration + (until_duration - from_duration) * (seconds - from) / (until - from);
}

static gint64
constant_duration (gint64 seconds)
{
  return 40 * MINUTE;
}

/* The morning rush: 25 minutes until 06:30, 55 by 07:30 (half a minute more for
 * every minute later), then 55. */
static gint64
rush_hour_duration (gint64 seconds)
{
  return ramp (seconds, 6 * HOUR + 30 * MINUTE, 25 * MINUTE, 7 * HOUR + 30 * MINUTE,
               55 * MINUTE);
}

/* A steep jam: 20 minutes at 07:00, 68 at 08:00 (0.8 a minute). */
static gint64
steep_duration (gint64 seconds)
{
  return ramp (seconds, 7 * HOUR, 20 * MINUTE, 8 * HOUR, 68 * MINUTE);
}

/* Easing off after the rush: 60 minutes at 08:00, 30 at 09:15. */
static gint64
easing_duration (gint64 seconds)
{
  return ramp (seconds, 8 * HOUR, 60 * MINUTE, 9 * HOUR + 15 * MINUTE, 30 * MINUTE);
}

/* Waves of traffic: 40 ± 10 minutes with a two-hour period. */
static gint64
wave_duration (gint64 seconds)
{
  return 40 * MINUTE + (gint64) (10 * MINUTE * sin (2 * G_PI * (double) seconds / (2 * HOUR)));
}

/* A long way in traffic, far from the first guess of 30 minutes: 100 minutes at
 * 06:00, 136 at 08:00. */
static gint64
long_duration (gint64 seconds)
{
  return ramp (seconds, 6 * HOUR, 100 * MINUTE, 8 * HOUR, 136 * MINUTE);
}

/* A road closed from 07:00: 20 minutes before, 40 after. */
static gint64
step_duration (gint64 seconds)
{
  return seconds < 7 * HOUR ? 20 * MINUTE : 40 * MINUTE;
}

/* Jammed until 09:00 whenever one leaves: every departure arrives at 09:10. */
static gint64
hopeless_duration (gint64 seconds)
{
  return 9 * HOUR + 10 * MINUTE - seconds;
}

typedef enum
{
  SMOOTH,        /* converges: in time, within a minute */
  ROUGH,         /* in time, maybe early */
  UNREACHABLE,   /* no departure is in time */
} Profile;

typedef struct
{
  const char   *name;
  DurationFunc  duration;
  Profile       profile;
  gboolean      uses_traffic;
  int           arrival_hour;
  int           arrival_minute;
  guint         max_requests;
} SearchCase;

static const SearchCase search_cases[] = {
  /* without traffic, one answer is final */
  { "constant-no-traffic", constant_duration, SMOOTH, FALSE, 7, 0, 1 },
  /* with traffic, a constant needs a second question to know it */
  { "constant", constant_duration, SMOOTH, TRUE, 7, 0, 2 },
  { "rush-before", rush_hour_duration, SMOOTH, TRUE, 6, 40, 4 },
  { "rush-07:00", rush_hour_duration, SMOOTH, TRUE, 7, 0, 4 },
  { "rush-07:30", rush_hour_duration, SMOOTH, TRUE, 7, 30, 4 },
  { "rush-08:00", rush_hour_duration, SMOOTH, TRUE, 8, 0, 4 },
  { "rush-08:30", rush_hour_duration, SMOOTH, TRUE, 8, 30, 4 },
  { "steep-08:00", steep_duration, SMOOTH, TRUE, 8, 0, 4 },
  { "steep-08:30", steep_duration, SMOOTH, TRUE, 8, 30, 4 },
  { "easing-09:00", easing_duration, SMOOTH, TRUE, 9, 0, 4 },
  { "easing-09:40", easing_duration, SMOOTH, TRUE, 9, 40, 4 },
  { "wave-06:10", wave_duration, SMOOTH, TRUE, 6, 10, 4 },
  { "wave-07:25", wave_duration, SMOOTH, TRUE, 7, 25, 4 },
  { "wave-09:05", wave_duration, SMOOTH, TRUE, 9, 5, 4 },
  { "long-09:30", long_duration, SMOOTH, TRUE, 9, 30, 4 },
  { "long-08:00", long_duration, SMOOTH, TRUE, 8, 0, 4 },
  { "step-07:30", step_duration, ROUGH, TRUE, 7, 30, 4 },
  { "step-07:25", step_duration, ROUGH, TRUE, 7, 25, 4 },
  { "step-07:45", step_duration, ROUGH, TRUE, 7, 45, 4 },
  /* no departure arrives by 08:00: out of questions, the earliest suggested one */
  { "hopeless-08:00", hopeless_duration, UNREACHABLE, TRUE, 8, 0, 4 },
};

static gint64
seconds_since_midnight (GDateTime *when)
{
  return g_date_time_get_hour (when) * HOUR + g_date_time_get_minute (when) * MINUTE
         + g_date_time_get_second (when);
}

typedef struct
{
  gint64   result;        /* seconds since midnight */
  guint    n_requests;
  gboolean converged;
} SearchOutcome;

/* Asks a "provider" with @duration until the search is done. */
static SearchOutcome
search (DurationFunc duration,
        gint64       arrival_seconds,
        gboolean     uses_traffic)
{
  g_autoptr(GDateTime) midnight = new_local (2025, 6, 16, 0, 0);
  g_autoptr(GDateTime) arrival = g_date_time_add_seconds (midnight, (double) arrival_seconds);
  g_autoptr(Mp2DepartureSearch) departure_search = mp2_departure_search_new (arrival,
                                                                             uses_traffic);
  SearchOutcome outcome = { 0 };
  GDateTime *departure;
  GDateTime *result;

  while ((departure = mp2_departure_search_next (departure_search)) != NULL)
    {
      g_autoptr(Mp2Route) route = mp2_route_new (duration (seconds_since_midnight (departure)),
                                                 30 * MINUTE, 25000, "google");

      mp2_departure_search_feed (departure_search, departure, route);
      g_assert_cmpuint (mp2_departure_search_get_n_requests (departure_search), <=,
                        MP2_DEPARTURE_SEARCH_MAX_REQUESTS);
    }

  g_assert_true (mp2_departure_search_is_done (departure_search));
  result = mp2_departure_search_get_result (departure_search);
  g_assert_cmpint (g_date_time_get_second (result), ==, 0);

  outcome.result = seconds_since_midnight (result);
  outcome.n_requests = mp2_departure_search_get_n_requests (departure_search);
  outcome.converged = mp2_departure_search_is_converged (departure_search);
  return outcome;
}

/* The answer, by trying every second back from the arrival: for durations where
 * leaving later never arrives earlier, the first one in time is the latest. */
static gint64
find_latest_departure (DurationFunc duration,
                       gint64       arrival_seconds)
{
  gint64 departure = arrival_seconds;

  while (departure + duration (departure) > arrival_seconds)
    departure--;

  return departure;
}

/* In time, always; for a smooth duration at most a minute before the latest
 * departure in time (the search's tolerance), plus the rounding down to the minute. */
static void
assert_search_outcome (const SearchOutcome *outcome,
                       DurationFunc         duration,
                       gint64               arrival_seconds,
                       Profile              profile)
{
  gint64 latest = find_latest_departure (duration, arrival_seconds);

  g_assert_cmpint (outcome->result + duration (outcome->result), <=, arrival_seconds);
  g_assert_cmpint (outcome->result, <=, latest);
  if (profile == SMOOTH)
    {
      g_assert_true (outcome->converged);
      g_assert_cmpint (latest - outcome->result, <, 2 * MINUTE);
    }
}

static void
run_search_case (const SearchCase *row)
{
  gint64 arrival = row->arrival_hour * HOUR + row->arrival_minute * MINUTE;
  SearchOutcome outcome = search (row->duration, arrival, row->uses_traffic);

  g_test_message ("%s: %u requests, leaves %" G_GINT64_FORMAT " s before the arrival",
                  row->name, outcome.n_requests, arrival - outcome.result);
  g_assert_cmpuint (outcome.n_requests, <=, row->max_requests);

  if (row->profile == UNREACHABLE)
    {
      g_assert_false (outcome.converged);
      g_assert_cmpuint (outcome.n_requests, ==, MP2_DEPARTURE_SEARCH_MAX_REQUESTS);
      /* asked at 07:30, 06:20, 05:10, 04:00; the longest answer (5 h 10) suggests
       * leaving at 02:50 */
      g_assert_cmpint (outcome.result, ==, 2 * HOUR + 50 * MINUTE);
      return;
    }

  assert_search_outcome (&outcome, row->duration, arrival, row->profile);
}

static void
test_search_convergence (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      g_test_message ("case %s", search_cases[i].name);
      run_search_case (&search_cases[i]);
    }
}

/* Every smooth duration above, for every arrival minute from 05:00 to 11:00: each
 * search converges within 4 requests, in time, within the tolerance. */
static void
test_search_sweep (void)
{
  static const DurationFunc durations[] = {
    rush_hour_duration, steep_duration, easing_duration, wave_duration, long_duration,
  };

  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      guint histogram[MP2_DEPARTURE_SEARCH_MAX_REQUESTS + 1] = { 0 };

      for (gint64 arrival = 5 * HOUR; arrival <= 11 * HOUR; arrival += MINUTE)
        {
          SearchOutcome outcome = search (durations[i], arrival, TRUE);

          assert_search_outcome (&outcome, durations[i], arrival, SMOOTH);
          histogram[outcome.n_requests]++;
        }

      g_test_message ("duration %u: searches with 1, 2, 3, 4 requests: %u, %u, %u, %u", i,
                      histogram[1], histogram[2], histogram[3], histogram[4]);
    }
}

/* The first question is the arrival minus the guess: 30 minutes, or what is set
 * (such as the estimate's duration); a constant then needs no second one. */
static void
test_search_first_guess (void)
{
  g_autoptr(GDateTime) arrival = new_local (2025, 6, 16, 7, 0);
  g_autoptr(Mp2DepartureSearch) search = mp2_departure_search_new (arrival, TRUE);
  g_autoptr(Mp2DepartureSearch) guessed = mp2_departure_search_new (arrival, TRUE);
  g_autoptr(Mp2Route) route = mp2_route_new (40 * MINUTE, -1, 25000, "google");
  GDateTime *first = mp2_departure_search_next (search);
  GDateTime *guess;

  assert_time (first, "2025-06-16T06:30:00+02:00");

  mp2_departure_search_set_first_guess (guessed, 40 * MINUTE);
  guess = mp2_departure_search_next (guessed);
  assert_time (guess, "2025-06-16T06:20:00+02:00");
  mp2_departure_search_feed (guessed, guess, route);
  g_assert_true (mp2_departure_search_is_done (guessed));
  g_assert_null (mp2_departure_search_next (guessed));
  g_assert_cmpuint (mp2_departure_search_get_n_requests (guessed), ==, 1);

  assert_time (mp2_departure_search_get_result (guessed), "2025-06-16T06:20:00+02:00");
}

/* The call and the places from the sheet */

static Mp2CallSheet *
new_sheet (void)
{
  Mp2CallSheet *sheet = mp2_call_sheet_new ();

  mp2_call_sheet_set_date (sheet, 2025, 3, 30);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 6 * 60);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL, 7 * 60);
  return sheet;
}

static void
test_call_time (void)
{
  g_autoptr(GTimeZone) warsaw = new_warsaw ();
  g_autoptr(Mp2CallSheet) sheet = new_sheet ();
  g_autoptr(GDateTime) crew = mp2_day_planner_call_time (sheet, warsaw);
  g_autoptr(GDateTime) mine = NULL;
  g_autoptr(GDateTime) shooting = NULL;
  g_autoptr(GDateTime) night = NULL;

  /* the crew call, on the day the clocks go forward: +02:00 */
  assert_time (crew, "2025-03-30T06:00:00+02:00");

  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_CREW, "Anna Nowak", "Gaffer",
                                    5 * 60 + 15);
  mine = mp2_day_planner_call_time (sheet, warsaw);
  assert_time (mine, "2025-03-30T05:15:00+02:00");

  /* a name found without a time of its own: the crew call is the call */
  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_GENERAL, "Anna Nowak", NULL,
                                    MP2_CALL_SHEET_NO_TIME);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, MP2_CALL_SHEET_NO_TIME);
  shooting = mp2_day_planner_call_time (sheet, warsaw);
  assert_time (shooting, "2025-03-30T07:00:00+02:00");

  /* a night shoot called at 00:30 is called on the sheet's date */
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 30);
  night = mp2_day_planner_call_time (sheet, warsaw);
  assert_time (night, "2025-03-30T00:30:00+01:00");

  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, MP2_CALL_SHEET_NO_TIME);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL, MP2_CALL_SHEET_NO_TIME);
  g_assert_null (mp2_day_planner_call_time (sheet, warsaw));

  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 6 * 60);
  mp2_call_sheet_clear_date (sheet);
  g_assert_null (mp2_day_planner_call_time (sheet, warsaw));
}

static void
add_location (Mp2CallSheet    *sheet,
              Mp2LocationKind  kind,
              const char      *name,
              const char      *address)
{
  g_ptr_array_add (mp2_call_sheet_get_locations (sheet), mp2_location_new (kind, name, address));
}

static void
test_find_parking (void)
{
  static const struct
  {
    const char *set_address;
    const char *parking_address;
    gboolean    separate;
  } cases[] = {
    { "ul. Chełmska 21, Warszawa", "ul. Sobieskiego 100, Warszawa", TRUE },
    /* the same address written differently is not a separate parking */
    { "ul. Chełmska 21, Warszawa", "UL. CHEŁMSKA 21,  warszawa", FALSE },
    { "ul. Chełmska 21, Warszawa", "   ", FALSE },
    { "ul. Chełmska 21, Warszawa", NULL, FALSE },
    /* a set without an address: the parking is where the route can go */
    { NULL, "ul. Sobieskiego 100, Warszawa", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Mp2CallSheet) sheet = new_sheet ();
      const Mp2Location *parking;
      const Mp2Location *set;

      add_location (sheet, MP2_LOCATION_HOSPITAL, "Szpital", "ul. Banacha 1a");
      add_location (sheet, MP2_LOCATION_SET, "Studio WFDiF", cases[i].set_address);
      if (cases[i].parking_address != NULL)
        add_location (sheet, MP2_LOCATION_PARKING, "Parking", cases[i].parking_address);

      set = mp2_day_planner_find_set (sheet);
      g_assert_nonnull (set);
      g_assert_cmpstr (set->name, ==, "Studio WFDiF");

      parking = mp2_day_planner_find_parking (sheet);
      if (cases[i].separate)
        g_assert_cmpstr (parking->address, ==, cases[i].parking_address);
      else
        g_assert_null (parking);
    }
}

/* Plans and their JSON */

static Mp2DayPlan *
new_full_plan (void)
{
  g_auto(Mp2PlanInputs) inputs = { 0 };
  g_autoptr(GDateTime) call = new_local (2025, 3, 28, 6, 30);
  g_autoptr(GDateTime) planned_at = new_planned_at ();
  g_autoptr(Mp2Route) route = mp2_route_new (1394, 1200, 15300, "google");

  mp2_plan_inputs_init (&inputs, call);
  inputs.home = mp2_place_new (52.25, 21.0, "Home");
  inputs.set = mp2_place_new (52.1915, 21.0453, "Chełmska 21");
  inputs.via = mp2_place_new (52.2297, 21.0122, "Gear rental");
  inputs.parking = mp2_place_new (52.19, 21.05, "Parking");
  inputs.parking_to_set_minutes = 5;
  route->polyline = g_strdup ("_p~iF~ps|U");

  return mp2_day_planner_plan (&inputs, route, NULL, planned_at);
}

/* Call 06:30 (+01:00, 28 March), 15 early: target 06:15; parking 5 minutes: at the
 * parking by 06:10; the 10-minute stop: the drive ends 06:00; 1394 s (23:14) before
 * is 05:36:46, down to 05:36; wake 04:36; arrive 05:36 + 23:14 + 10 + 5 = 06:14:14. */
static const char expected_full_plan[] =
  "{\"wake_up\":\"2025-03-28T04:36:00+01:00\","
  "\"leave\":\"2025-03-28T05:36:00+01:00\","
  "\"arrive\":\"2025-03-28T06:14:14+01:00\","
  "\"arrival_target\":\"2025-03-28T06:15:00+01:00\","
  "\"call\":\"2025-03-28T06:30:00+01:00\","
  "\"home\":{\"lat\":52.25,\"lon\":21.0,\"name\":\"Home\"},"
  "\"set\":{\"lat\":52.1915,\"lon\":21.0453,\"name\":\"Chełmska 21\"},"
  "\"via\":{\"lat\":52.2297,\"lon\":21.0122,\"name\":\"Gear rental\"},"
  "\"via_stop_minutes\":10,"
  "\"parking\":{\"lat\":52.19,\"lon\":21.05,\"name\":\"Parking\"},"
  "\"parking_to_set_minutes\":5,"
  "\"route\":{\"duration\":1394,\"static_duration\":1200,\"distance\":15300,"
  "\"provider\":\"google\",\"estimate\":false,\"polyline\":\"_p~iF~ps|U\"},"
  "\"morning_routine_minutes\":60,\"arrive_early_minutes\":15,"
  "\"flags\":[],"
  "\"planned_at\":\"2025-06-01T14:00:00+02:00\","
  "\"problems\":[]}";

static void
assert_member_order (JsonNode           *node,
                     const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));
  guint i = 0;

  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      g_assert_nonnull (names[i]);
      g_assert_cmpstr (l->data, ==, names[i]);
    }
  g_assert_null (names[i]);
}

static void
test_plan_json (void)
{
  static const char * const order[] = {
    "wake_up", "leave", "arrive", "arrival_target", "call", "home", "set", "via",
    "via_stop_minutes", "parking", "parking_to_set_minutes", "route",
    "morning_routine_minutes", "arrive_early_minutes", "flags", "planned_at", "problems",
    NULL,
  };
  g_autoptr(GTimeZone) warsaw = new_warsaw ();
  g_autoptr(Mp2DayPlan) plan = new_full_plan ();
  g_autoptr(JsonNode) node = mp2_day_plan_to_json_node (plan);
  g_autoptr(JsonNode) expected = parse_json (expected_full_plan);
  g_autofree char *json = mp2_day_plan_to_json (plan);
  g_autoptr(Mp2DayPlan) back = mp2_day_plan_from_json (json, warsaw);
  g_autoptr(Mp2DayPlan) copy = mp2_day_plan_copy (back);
  g_autofree char *again = mp2_day_plan_to_json (copy);

  g_assert_true (json_node_equal (node, expected));
  assert_member_order (node, order);

  /* read back, copied and written again: the same text */
  g_assert_nonnull (back);
  g_assert_cmpstr (again, ==, json);
  g_assert_cmpint (copy->route->duration, ==, 1394);
  g_assert_cmpstr (copy->via->name, ==, "Gear rental");
  assert_time (copy->leave, "2025-03-28T05:36:00+01:00");

  g_assert_null (mp2_day_plan_from_json ("[]", warsaw));
  g_assert_null (mp2_day_plan_from_json ("{\"call\": \"05:00\"}", warsaw));
  g_assert_null (mp2_day_plan_from_json ("not json", warsaw));
}

static void
test_plan_flags (void)
{
  g_autoptr(GTimeZone) warsaw = new_warsaw ();
  g_autoptr(GDateTime) call = new_local (2025, 10, 26, 5, 0);
  g_autoptr(GDateTime) planned_at = new_planned_at ();
  g_autoptr(GError) no_route = g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE,
                                                    "No route.");
  g_autoptr(GError) horizon = g_error_new_literal (MP2_PLAN_ERROR,
                                                   MP2_PLAN_ERROR_BEYOND_HORIZON,
                                                   "Not yet.");
  g_auto(Mp2PlanInputs) inputs = { 0 };
  g_autoptr(Mp2Route) estimate = NULL;
  g_autoptr(Mp2DayPlan) plan = NULL;
  g_autoptr(Mp2DayPlan) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) flags = NULL;
  g_autofree char *json = NULL;

  mp2_plan_inputs_init (&inputs, call);
  set_places (&inputs);

  /* the route failed: the estimate (13 865 s, 3:51:05) before the target 04:45+01:00
   * (03:45Z) is 23:53:55Z on the 25th = 01:53:55+02:00, down to 01:53+02:00; wake
   * 22:53Z = 00:53+02:00, before 04:00: an early wake-up too */
  estimate = mp2_route_estimate (inputs.home, NULL, inputs.set, inputs.mode);
  plan = mp2_day_planner_plan (&inputs, estimate, NULL, planned_at);
  mp2_day_plan_add_problem (plan, MP2_PLAN_STEP_ROUTE, no_route);
  mp2_day_plan_add_problem (plan, MP2_PLAN_STEP_WEATHER, horizon);
  assert_time (plan->leave, "2025-10-26T01:53:00+02:00");
  assert_time (plan->wake_up, "2025-10-26T00:53:00+02:00");

  node = mp2_day_plan_to_json_node (plan);
  flags = parse_json ("[\"early-wake-up\", \"estimate\", \"weather-later\"]");
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (node), "flags"),
                                  flags));

  json = mp2_day_plan_to_json (plan);
  back = mp2_day_plan_from_json (json, warsaw);
  g_assert_cmpint (back->flags, ==, MP2_PLAN_FLAG_EARLY_WAKE_UP | MP2_PLAN_FLAG_ESTIMATE
                                    | MP2_PLAN_FLAG_WEATHER_LATER);
  g_assert_cmpint (mp2_day_plan_get_problem (back, MP2_PLAN_STEP_ROUTE)->code, ==,
                   MP2_PLAN_ERROR_NO_ROUTE);
  g_assert_true (back->route->estimate);

  mp2_day_plan_set_weather_later (back, FALSE);
  g_assert_cmpint (back->flags, ==, MP2_PLAN_FLAG_EARLY_WAKE_UP | MP2_PLAN_FLAG_ESTIMATE);
}

typedef struct
{
  const char  *name;
  gboolean     home;
  gboolean     set;
  gboolean     parking;
  const char  *problems;     /* the "problems" member */
} PartialCase;

static const PartialCase partial_cases[] = {
  { "no-home", FALSE, TRUE, FALSE,
    "[{\"step\":\"home\",\"code\":\"not-found\","
    "\"message\":\"Add your home address in Preferences to plan when to leave.\"}]" },
  { "no-set", TRUE, FALSE, FALSE,
    "[{\"step\":\"set\",\"code\":\"not-found\","
    "\"message\":\"The call sheet gives no address for the set. Add it to the day to plan "
    "when to leave.\"}]" },
  { "neither", FALSE, FALSE, FALSE,
    "[{\"step\":\"home\",\"code\":\"not-found\","
    "\"message\":\"Add your home address in Preferences to plan when to leave.\"},"
    "{\"step\":\"set\",\"code\":\"not-found\","
    "\"message\":\"The call sheet gives no address for the set. Add it to the day to plan "
    "when to leave.\"}]" },
  /* a parking without a set is somewhere to go */
  { "parking-only", TRUE, FALSE, TRUE, NULL },
};

static void
test_partial_plans (void)
{
  g_autoptr(GDateTime) call = new_local (2025, 6, 16, 7, 0);
  g_autoptr(GDateTime) planned_at = new_planned_at ();
  g_autoptr(Mp2Route) route = mp2_route_new (1800, -1, 20000, "osrm");

  for (guint i = 0; i < G_N_ELEMENTS (partial_cases); i++)
    {
      const PartialCase *row = &partial_cases[i];
      g_auto(Mp2PlanInputs) inputs = { 0 };
      g_autoptr(Mp2DayPlan) plan = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *problems = NULL;
      JsonObject *object;

      g_test_message ("case %s", row->name);
      mp2_plan_inputs_init (&inputs, call);
      if (row->home)
        inputs.home = mp2_place_new (WARSAW_LAT, WARSAW_LON, NULL);
      if (row->set)
        inputs.set = mp2_place_new (LODZ_LAT, LODZ_LON, NULL);
      if (row->parking)
        inputs.parking = mp2_place_new (LODZ_LAT, LODZ_LON + 0.01, NULL);

      plan = mp2_day_planner_plan (&inputs, route, NULL, planned_at);
      node = mp2_day_plan_to_json_node (plan);
      object = json_node_get_object (node);
      problems = json_to_string (json_object_get_member (object, "problems"), FALSE);

      if (row->problems == NULL)
        {
          g_assert_cmpstr (problems, ==, "[]");
          g_assert_true (json_object_has_member (object, "leave"));
          continue;
        }

      g_assert_cmpstr (problems, ==, row->problems);
      g_assert_false (json_object_has_member (object, "wake_up"));
      g_assert_false (json_object_has_member (object, "leave"));
      g_assert_false (json_object_has_member (object, "arrive"));
      g_assert_false (json_object_has_member (object, "route"));
      g_assert_true (json_object_has_member (object, "arrival_target"));
      g_assert_true (json_object_has_member (object, "call"));
    }
}

/* A geocoder's problem replaces the planner's "add your address": one per step. */
static void
test_problem_replaced (void)
{
  g_autoptr(GDateTime) call = new_local (2025, 6, 16, 7, 0);
  g_autoptr(GDateTime) planned_at = new_planned_at ();
  g_autoptr(GError) ambiguous = g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_AMBIGUOUS,
                                                     "Two places fit.");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "Broken.");
  g_auto(Mp2PlanInputs) inputs = { 0 };
  g_autoptr(Mp2DayPlan) plan = NULL;
  const Mp2PlanProblem *problem;

  mp2_plan_inputs_init (&inputs, call);
  inputs.set = mp2_place_new (LODZ_LAT, LODZ_LON, NULL);
  plan = mp2_day_plan_new (&inputs, planned_at);
  g_assert_cmpuint (plan->problems->len, ==, 1);

  mp2_day_plan_add_problem (plan, MP2_PLAN_STEP_HOME, ambiguous);
  g_assert_cmpuint (plan->problems->len, ==, 1);
  problem = mp2_day_plan_get_problem (plan, MP2_PLAN_STEP_HOME);
  g_assert_cmpint (problem->code, ==, MP2_PLAN_ERROR_AMBIGUOUS);
  g_assert_cmpstr (problem->message, ==, "Two places fit.");

  /* an error of another domain is a failure */
  mp2_day_plan_add_problem (plan, MP2_PLAN_STEP_VIA, other);
  g_assert_cmpuint (plan->problems->len, ==, 2);
  g_assert_cmpint (mp2_day_plan_get_problem (plan, MP2_PLAN_STEP_VIA)->code, ==,
                   MP2_PLAN_ERROR_FAILED);
  g_assert_null (mp2_day_plan_get_problem (plan, MP2_PLAN_STEP_WEATHER));
}

/* The calendar event reads the plan's times: a night shoot called at 00:30, planned
 * from the sheet's call, wakes the evening before, 2 hours before the call. */
static void
test_plan_in_day_event (void)
{
  g_autoptr(GTimeZone) warsaw = new_warsaw ();
  g_autoptr(Mp2CallSheet) sheet = mp2_call_sheet_new ();
  g_autoptr(Mp2Schedule) schedule = mp2_schedule_new ();
  g_autoptr(GDateTime) call = NULL;
  g_autoptr(GDateTime) planned_at = new_planned_at ();
  g_autoptr(Mp2Route) route = mp2_route_new (45 * MINUTE, -1, 30000, "osrm");
  g_autoptr(Mp2DayPlan) plan = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Mp2PlanInputs) inputs = { 0 };
  g_autofree char *json = NULL;
  const Mp2DayAlarm *alarm;

  mp2_call_sheet_set_date (sheet, 2025, 6, 14);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 30);
  call = mp2_day_planner_call_time (sheet, warsaw);

  mp2_plan_inputs_init (&inputs, call);
  set_places (&inputs);
  plan = mp2_day_planner_plan (&inputs, route, NULL, planned_at);
  json = mp2_day_plan_to_json (plan);

  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_plan_json (schedule, json);
  event = mp2_day_event_new (schedule, warsaw, NULL, 0, &error);
  g_assert_no_error (error);

  g_assert_true (g_date_time_equal (event->start, call));
  g_assert_cmpuint (event->alarms->len, ==, 2);
  alarm = &g_array_index (event->alarms, Mp2DayAlarm, 0);
  g_assert_cmpint (alarm->minutes_before, ==, 120);
  g_assert_cmpstr (alarm->description, ==, "Wake up");
  alarm = &g_array_index (event->alarms, Mp2DayAlarm, 1);
  g_assert_cmpint (alarm->minutes_before, ==, 60);
  g_assert_cmpstr (alarm->description, ==, "Leave for set");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/day-planner/data/error-codes", test_error_codes);
  g_test_add_func ("/day-planner/data/place-distance", test_place_distance);
  g_test_add_func ("/day-planner/data/place-json", test_place_json);
  g_test_add_func ("/day-planner/data/route-json", test_route_json);
  g_test_add_func ("/day-planner/estimate", test_estimate);
  g_test_add_func ("/day-planner/times", test_times);
  g_test_add_func ("/day-planner/search/convergence", test_search_convergence);
  g_test_add_func ("/day-planner/search/sweep", test_search_sweep);
  g_test_add_func ("/day-planner/search/first-guess", test_search_first_guess);
  g_test_add_func ("/day-planner/sheet/call-time", test_call_time);
  g_test_add_func ("/day-planner/sheet/parking", test_find_parking);
  g_test_add_func ("/day-planner/plan/json", test_plan_json);
  g_test_add_func ("/day-planner/plan/flags", test_plan_flags);
  g_test_add_func ("/day-planner/plan/partial", test_partial_plans);
  g_test_add_func ("/day-planner/plan/problem-replaced", test_problem_replaced);
  g_test_add_func ("/day-planner/plan/in-day-event", test_plan_in_day_event);

  return g_test_run ();
}
