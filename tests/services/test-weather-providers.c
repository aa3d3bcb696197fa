/* test-weather-providers.c
 *
 * Mp2OpenMeteo and Mp2OpenWeatherMap against the fake weather services
 * (tests/fakes/mp2-fake-weather.h) over 127.0.0.1: a night shoot's working day across
 * midnight, in the day's time zone, with its sunrise and sunset; Open-Meteo's `null`
 * values and its horizon of 16 days (the last day still asked, the next one not);
 * OpenWeatherMap's 3-hour steps, `cod` as a string or a number, `pop` 0..1, rain in
 * 3 hours, condition ids; no key, a refused key; 429 and 5xx as "offline", a 400 as
 * failed; and the store's cache: a second forecast within the hour sends nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mp2-fake-weather.h"
#include "mp2-open-meteo.h"
#include "mp2-openweathermap.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 30
#define HOUR         G_TIME_SPAN_HOUR
#define OPEN_METEO   "open-meteo"
#define OWM          "openweathermap"

typedef struct
{
  Mp2FakeWeather     *fake;
  Mp2HttpClient      *http;
  Mp2WeatherProvider *open_meteo;
  Mp2WeatherProvider *owm;
  Mp2Place           *place;
  GTimeZone          *warsaw;
  char               *store_dir;
  Mp2Store           *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_store = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  Mp2OpenMeteo *open_meteo;
  Mp2OpenWeatherMap *owm;
  const char *url;

  fixture->fake = mp2_fake_weather_new (&error);
  g_assert_no_error (error);

  /* Quick backoff, two tries; a breaker that stays closed through the faults. */
  fixture->http = mp2_http_client_new ();
  mp2_http_client_set_allow_http (fixture->http, TRUE);
  mp2_http_client_set_retry_policy (fixture->http, 10, 50, 2);
  mp2_http_client_set_max_retry_after (fixture->http, 1);
  mp2_http_client_set_breaker (fixture->http, 100, 1);
  mp2_http_client_set_default_timeout (fixture->http, 5);

  if (with_store)
    {
      fixture->store_dir = g_dir_make_tmp ("mp2-weather-XXXXXX", &error);
      g_assert_no_error (error);
      fixture->store = mp2_store_open (fixture->store_dir, &error);
      g_assert_no_error (error);
    }

  url = mp2_fake_weather_get_url (fixture->fake);
  open_meteo = mp2_open_meteo_new (fixture->http, fixture->store, url);
  fixture->open_meteo = MP2_WEATHER_PROVIDER (open_meteo);
  owm = mp2_openweathermap_new (fixture->http, fixture->store, url);
  mp2_openweathermap_set_api_key (owm, MP2_FAKE_WEATHER_API_KEY);
  fixture->owm = MP2_WEATHER_PROVIDER (owm);

  /* Plac Defilad, Warszawa */
  fixture->place = mp2_place_new (52.2297, 21.0122, "Plac Defilad 1, Warszawa");
  fixture->warsaw = g_time_zone_new_identifier ("Europe/Warsaw");
  g_assert_nonnull (fixture->warsaw);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GPtrArray *violations = mp2_fake_weather_get_violations (fixture->fake);

  for (guint i = 0; i < violations->len; i++)
    g_test_message ("violation: %s", (char *) violations->pdata[i]);
  g_assert_cmpuint (violations->len, ==, 0);

  g_clear_object (&fixture->open_meteo);
  g_clear_object (&fixture->owm);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->fake);
  g_clear_pointer (&fixture->place, mp2_place_free);
  g_clear_pointer (&fixture->warsaw, g_time_zone_unref);
  if (fixture->store_dir != NULL)
    mp2_test_remove_tree (fixture->store_dir);
  g_clear_pointer (&fixture->store_dir, g_free);
}

/* Helpers */

/* @hour:00 in Warsaw, @days after today. */
static GDateTime *
new_day_time (Fixture *fixture,
              int      days,
              int      hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (fixture->warsaw);
  g_autoptr(GDateTime) midnight = g_date_time_new (fixture->warsaw, g_date_time_get_year (now),
                                                   g_date_time_get_month (now),
                                                   g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (midnight, days);

  return g_date_time_add_hours (day, hour);
}

static Mp2Forecast *
forecast (Mp2WeatherProvider  *provider,
          const Mp2Place      *place,
          GDateTime           *from,
          GDateTime           *until,
          GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_weather_provider_forecast_async (provider, place, from, until, NULL,
                                       mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the forecast");

  return mp2_weather_provider_forecast_finish (provider, result, error);
}

static const Mp2ForecastHour *
get_hour (const Mp2Forecast *forecast,
          guint              index)
{
  g_assert_cmpuint (index, <, forecast->hours->len);
  return &g_array_index (forecast->hours, Mp2ForecastHour, index);
}

/* The fake's default weather at @time (see mp2-fake-weather.h). */
static double
default_temperature (GDateTime *time)
{
  return 10.0 + g_date_time_get_hour (time) / 2.0;
}

static void
assert_in_warsaw (GDateTime *time)
{
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (time)), ==,
                   "Europe/Warsaw");
}

static void
assert_date_text (GDateTime  *time,
                  const char *text)
{
  g_autofree char *date = g_date_time_format (time, "%Y-%m-%d");

  g_assert_cmpstr (date, ==, text);
}

static char *
format_date (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d");
}

static void
assert_sun (GDateTime *time,
            GDateTime *day,
            int        hour,
            int        minute,
            GTimeSpan  tolerance)
{
  g_autoptr(GDateTime) expected = g_date_time_new (g_date_time_get_timezone (day),
                                                   g_date_time_get_year (day),
                                                   g_date_time_get_month (day),
                                                   g_date_time_get_day_of_month (day),
                                                   hour, minute, 0);

  g_assert_nonnull (time);
  assert_in_warsaw (time);
  g_assert_cmpint (ABS (g_date_time_difference (time, expected)), <=, tolerance);
}

static void
set_value (Fixture             *fixture,
           Mp2FakeWeatherField  field,
           GDateTime           *from,
           GTimeSpan            length,
           double               value)
{
  g_autoptr(GDateTime) until = g_date_time_add (from, length);

  mp2_fake_weather_set_value (fixture->fake, field, from, until, value);
}

static void
assert_error_with (GError     *error,
                   int         code,
                   const char *words)
{
  g_assert_error (error, MP2_PLAN_ERROR, code);
  g_test_message ("error: %s", error->message);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
}

/* Open-Meteo */

/* A night shoot, 18:00 to 04:00: two dates asked, ten hours in Warsaw, the fake's
 * weather hour by hour, tomorrow's sunrise and sunset. */
static void
test_open_meteo_night_shoot (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 1, 18);
  g_autoptr(GDateTime) until = new_day_time (fixture, 2, 4);
  g_autoptr(Mp2Forecast) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start_date = format_date (from);
  g_autofree char *end_date = format_date (until);
  guint n_hours = g_date_time_difference (until, from) / HOUR;

  result = forecast (fixture->open_meteo, fixture->place, from, until, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OPEN_METEO), ==, 1);
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO, "latitude"),
                   ==, "52.230");
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO, "longitude"),
                   ==, "21.012");
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO, "timezone"),
                   ==, "Europe/Warsaw");
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO,
                                                        "wind_speed_unit"), ==, "ms");
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO, "start_date"),
                   ==, start_date);
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO, "end_date"),
                   ==, end_date);
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO, "hourly"), ==,
                   "temperature_2m,apparent_temperature,precipitation_probability,"
                   "precipitation,weather_code,wind_speed_10m,wind_gusts_10m");
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO, "daily"), ==,
                   "sunrise,sunset");

  g_assert_cmpstr (result->provider, ==, "open-meteo");
  g_assert_cmpint (ABS (result->fetched_at - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  g_assert_cmpuint (result->hours->len, ==, n_hours);
  for (guint i = 0; i < result->hours->len; i++)
    {
      const Mp2ForecastHour *hour = get_hour (result, i);
      g_autoptr(GDateTime) expected = g_date_time_add (from, i * HOUR);

      g_assert_true (g_date_time_equal (hour->time, expected));
      assert_in_warsaw (hour->time);
      g_assert_cmpfloat_with_epsilon (hour->temperature, default_temperature (hour->time), 1e-9);
      g_assert_cmpfloat_with_epsilon (hour->apparent_temperature, hour->temperature - 2, 1e-9);
      g_assert_cmpfloat (hour->precipitation_probability, ==, 10);
      g_assert_cmpfloat (hour->precipitation, ==, 0);
      g_assert_cmpint (hour->weather_code, ==, 2);
      g_assert_cmpfloat (hour->wind_speed, ==, 4);
      g_assert_cmpfloat (hour->wind_gusts, ==, 7);
    }

  assert_sun (result->sunrise, from, MP2_FAKE_WEATHER_SUNRISE_HOUR,
              MP2_FAKE_WEATHER_SUNRISE_MINUTE, 0);
  assert_sun (result->sunset, from, MP2_FAKE_WEATHER_SUNSET_HOUR,
              MP2_FAKE_WEATHER_SUNSET_MINUTE, 0);
}

/* `null` values become NAN (a weather code -1); set values come through in m/s. */
static void
test_open_meteo_nulls (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 1, 8);
  g_autoptr(GDateTime) until = new_day_time (fixture, 1, 14);
  g_autoptr(GDateTime) ten = new_day_time (fixture, 1, 10);
  g_autoptr(GDateTime) twelve = new_day_time (fixture, 1, 12);
  g_autoptr(Mp2Forecast) result = NULL;
  g_autoptr(GError) error = NULL;

  set_value (fixture, MP2_FAKE_WEATHER_TEMPERATURE, ten, 2 * HOUR, NAN);
  set_value (fixture, MP2_FAKE_WEATHER_WEATHER_CODE, ten, HOUR, NAN);
  set_value (fixture, MP2_FAKE_WEATHER_PRECIPITATION_PROBABILITY, twelve, HOUR, NAN);
  set_value (fixture, MP2_FAKE_WEATHER_WIND_GUSTS, twelve, HOUR, NAN);
  set_value (fixture, MP2_FAKE_WEATHER_WIND_SPEED, twelve, 2 * HOUR, 12.5);
  set_value (fixture, MP2_FAKE_WEATHER_PRECIPITATION, twelve, 2 * HOUR, 1.2);

  result = forecast (fixture->open_meteo, fixture->place, from, until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->hours->len, ==, 6);

  g_assert_false (isnan (get_hour (result, 1)->temperature));
  g_assert_true (isnan (get_hour (result, 2)->temperature));      /* 10:00 */
  g_assert_true (isnan (get_hour (result, 3)->temperature));      /* 11:00 */
  g_assert_cmpint (get_hour (result, 2)->weather_code, ==, -1);
  g_assert_cmpint (get_hour (result, 3)->weather_code, ==, 2);
  g_assert_true (isnan (get_hour (result, 4)->precipitation_probability));
  g_assert_true (isnan (get_hour (result, 4)->wind_gusts));
  g_assert_cmpfloat_with_epsilon (get_hour (result, 4)->wind_speed, 12.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (get_hour (result, 5)->precipitation, 1.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (get_hour (result, 5)->temperature, 16.5, 1e-9);
}

/* The 16th day, today included, is asked; past it, nothing is sent. */
static void
test_open_meteo_horizon (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) last_from = new_day_time (fixture, 15, 8);
  g_autoptr(GDateTime) last_until = new_day_time (fixture, 15, 20);
  g_autoptr(GDateTime) night_until = new_day_time (fixture, 16, 4);
  g_autoptr(GDateTime) far_from = new_day_time (fixture, 20, 8);
  g_autoptr(GDateTime) far_until = new_day_time (fixture, 20, 20);
  g_autoptr(Mp2Forecast) last = NULL;
  g_autoptr(Mp2Forecast) night = NULL;
  g_autoptr(Mp2Forecast) far = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (mp2_weather_provider_get_horizon_days (fixture->open_meteo), ==, 16);

  last = forecast (fixture->open_meteo, fixture->place, last_from, last_until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->hours->len, ==, 12);
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OPEN_METEO), ==, 1);

  night = forecast (fixture->open_meteo, fixture->place, last_from, night_until, &error);
  g_assert_null (night);
  assert_error_with (error, MP2_PLAN_ERROR_BEYOND_HORIZON, "16 days");
  g_clear_error (&error);

  far = forecast (fixture->open_meteo, fixture->place, far_from, far_until, &error);
  g_assert_null (far);
  assert_error_with (error, MP2_PLAN_ERROR_BEYOND_HORIZON, "Open-Meteo");
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OPEN_METEO), ==, 1);
}

static void
assert_offset_hours (GDateTime *time,
                     int        hour,
                     int        offset_hours)
{
  g_assert_cmpint (g_date_time_get_hour (time), ==, hour);
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, offset_hours * HOUR);
}

/* Night shoots across the clocks' changes in Warsaw: the night of 25–26 October 2025
 * has 02:00 twice (11 hours from 20:00 to 06:00), the night of 28–29 March 2026 has
 * no 02:00 (7 hours from 22:00 to 06:00). Open-Meteo's unix times tell the two
 * 02:00s apart. */
static void
test_open_meteo_clock_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) autumn_from = g_date_time_new (fixture->warsaw, 2025, 10, 25, 20, 0, 0);
  g_autoptr(GDateTime) autumn_until = g_date_time_new (fixture->warsaw, 2025, 10, 26, 6, 0, 0);
  g_autoptr(GDateTime) spring_from = g_date_time_new (fixture->warsaw, 2026, 3, 28, 22, 0, 0);
  g_autoptr(GDateTime) spring_until = g_date_time_new (fixture->warsaw, 2026, 3, 29, 6, 0, 0);
  g_autoptr(Mp2Forecast) autumn = NULL;
  g_autoptr(Mp2Forecast) spring = NULL;
  g_autoptr(GError) error = NULL;

  mp2_fake_weather_set_past_days (fixture->fake, 3650);

  autumn = forecast (fixture->open_meteo, fixture->place, autumn_from, autumn_until, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OPEN_METEO, "end_date"),
                   ==, "2025-10-26");
  g_assert_cmpuint (autumn->hours->len, ==, 11);
  assert_offset_hours (get_hour (autumn, 6)->time, 2, 2);
  assert_offset_hours (get_hour (autumn, 7)->time, 2, 1);
  g_assert_cmpfloat (get_hour (autumn, 6)->temperature, ==, 11.0);
  g_assert_cmpfloat (get_hour (autumn, 7)->temperature, ==, 11.0);
  assert_offset_hours (get_hour (autumn, 10)->time, 5, 1);
  assert_offset_hours (autumn->sunrise, 6, 2);

  spring = forecast (fixture->open_meteo, fixture->place, spring_from, spring_until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spring->hours->len, ==, 7);
  assert_offset_hours (get_hour (spring, 3)->time, 1, 1);
  assert_offset_hours (get_hour (spring, 4)->time, 3, 2);
  g_assert_cmpfloat (get_hour (spring, 4)->temperature, ==, 11.5);
  assert_offset_hours (spring->sunset, 17, 1);

  for (guint i = 1; i < autumn->hours->len; i++)
    g_assert_cmpint (g_date_time_difference (get_hour (autumn, i)->time,
                                             get_hour (autumn, i - 1)->time), ==, HOUR);
  for (guint i = 1; i < spring->hours->len; i++)
    g_assert_cmpint (g_date_time_difference (get_hour (spring, i)->time,
                                             get_hour (spring, i - 1)->time), ==, HOUR);
}

typedef struct
{
  Mp2FakeWeatherFault fault;
  int                 code;
  const char         *words;
} FaultCase;

static void
run_fault_cases (Fixture            *fixture,
                 Mp2WeatherProvider *provider,
                 const char         *api,
                 const FaultCase    *cases,
                 guint               n_cases)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 1, 6);
  g_autoptr(GDateTime) until = new_day_time (fixture, 1, 18);

  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(Mp2Forecast) result = NULL;
      g_autoptr(GError) error = NULL;
      guint id;

      mp2_fake_weather_clear_faults (fixture->fake);
      id = mp2_fake_weather_add_fault (fixture->fake, api, cases[i].fault, 0, 0);

      result = forecast (provider, fixture->place, from, until, &error);
      g_assert_null (result);
      assert_error_with (error, cases[i].code, cases[i].words);
      g_assert_cmpuint (mp2_fake_weather_get_fault_hits (fixture->fake, id), >=, 1);
    }

  /* And once the service is back, the forecast comes. */
  {
    g_autoptr(Mp2Forecast) result = NULL;
    g_autoptr(GError) error = NULL;

    mp2_fake_weather_clear_faults (fixture->fake);
    result = forecast (provider, fixture->place, from, until, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (result->hours->len, >, 0);
  }
}

static void
test_open_meteo_faults (Fixture       *fixture,
                        gconstpointer  data)
{
  static const FaultCase cases[] = {
    { MP2_FAKE_WEATHER_FAULT_RATE_LIMIT, MP2_PLAN_ERROR_OFFLINE, "daily limit" },
    { MP2_FAKE_WEATHER_FAULT_MINUTE_LIMIT, MP2_PLAN_ERROR_OFFLINE, "wait a minute" },
    { MP2_FAKE_WEATHER_FAULT_BAD_REQUEST, MP2_PLAN_ERROR_FAILED, "Open-Meteo" },
    { MP2_FAKE_WEATHER_FAULT_SERVER_ERROR, MP2_PLAN_ERROR_OFFLINE, "Open-Meteo" },
  };

  run_fault_cases (fixture, fixture->open_meteo, OPEN_METEO, cases, G_N_ELEMENTS (cases));
}

/* A second forecast of the same day within the hour comes from the store; another
 * working day is asked anew. */
static void
test_open_meteo_cache (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 2, 18);
  g_autoptr(GDateTime) until = new_day_time (fixture, 3, 2);
  g_autoptr(GDateTime) other_until = new_day_time (fixture, 3, 3);
  g_autoptr(Mp2Forecast) first = NULL;
  g_autoptr(Mp2Forecast) second = NULL;
  g_autoptr(Mp2Forecast) other = NULL;
  g_autoptr(GError) error = NULL;

  first = forecast (fixture->open_meteo, fixture->place, from, until, &error);
  g_assert_no_error (error);
  second = forecast (fixture->open_meteo, fixture->place, from, until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OPEN_METEO), ==, 1);

  g_assert_cmpuint (second->hours->len, ==, first->hours->len);
  g_assert_cmpint (second->fetched_at, ==, first->fetched_at);
  g_assert_true (g_date_time_equal (second->sunrise, first->sunrise));
  assert_in_warsaw (second->sunrise);
  for (guint i = 0; i < first->hours->len; i++)
    {
      g_assert_true (g_date_time_equal (get_hour (second, i)->time, get_hour (first, i)->time));
      assert_in_warsaw (get_hour (second, i)->time);
      g_assert_cmpfloat (get_hour (second, i)->temperature, ==, get_hour (first, i)->temperature);
    }

  other = forecast (fixture->open_meteo, fixture->place, from, other_until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->hours->len, ==, first->hours->len + 1);
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OPEN_METEO), ==, 2);
}

/* Without a store, every forecast is asked. */
static void
test_no_store (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 1, 7);
  g_autoptr(GDateTime) until = new_day_time (fixture, 1, 19);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Mp2Forecast) a = NULL;
      g_autoptr(Mp2Forecast) b = NULL;
      g_autoptr(GError) error = NULL;

      a = forecast (fixture->open_meteo, fixture->place, from, until, &error);
      g_assert_no_error (error);
      b = forecast (fixture->owm, fixture->place, from, until, &error);
      g_assert_no_error (error);
    }

  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OPEN_METEO), ==, 2);
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OWM), ==, 2);
}

/* OpenWeatherMap */

/* 3-hour steps that cover the working day: the first holds its start, the last its
 * end, each three hours after the one before. */
static void
assert_steps_cover (const Mp2Forecast *result,
                    GDateTime         *from,
                    GDateTime         *until)
{
  const Mp2ForecastHour *first = get_hour (result, 0);
  const Mp2ForecastHour *last = get_hour (result, result->hours->len - 1);
  g_autoptr(GDateTime) first_end = g_date_time_add (first->time, 3 * HOUR);
  g_autoptr(GDateTime) last_end = g_date_time_add (last->time, 3 * HOUR);

  g_assert_cmpint (g_date_time_compare (first->time, from), <=, 0);
  g_assert_cmpint (g_date_time_compare (first_end, from), >, 0);
  g_assert_cmpint (g_date_time_compare (last->time, until), <, 0);
  g_assert_cmpint (g_date_time_compare (last_end, until), >=, 0);

  for (guint i = 1; i < result->hours->len; i++)
    g_assert_cmpint (g_date_time_difference (get_hour (result, i)->time,
                                             get_hour (result, i - 1)->time), ==, 3 * HOUR);
}

static void
test_owm_night_shoot (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 1, 18);
  g_autoptr(GDateTime) until = new_day_time (fixture, 2, 4);
  g_autoptr(GDateTime) rain_from = new_day_time (fixture, 1, 12);
  g_autoptr(Mp2Forecast) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Rain through the night, 1.5 mm an hour at 80 %, and a thunderstorm. */
  set_value (fixture, MP2_FAKE_WEATHER_PRECIPITATION, rain_from, 24 * HOUR, 1.5);
  set_value (fixture, MP2_FAKE_WEATHER_PRECIPITATION_PROBABILITY, rain_from, 24 * HOUR, 80);
  set_value (fixture, MP2_FAKE_WEATHER_WEATHER_CODE, rain_from, 24 * HOUR, 95);

  result = forecast (fixture->owm, fixture->place, from, until, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OWM), ==, 1);
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OWM, "units"), ==,
                   "metric");
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OWM, "lat"), ==, "52.230");
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OWM, "lon"), ==, "21.012");
  g_assert_cmpstr (mp2_fake_weather_get_last_parameter (fixture->fake, OWM, "appid"), ==,
                   MP2_FAKE_WEATHER_API_KEY);

  g_assert_cmpstr (result->provider, ==, "openweathermap");
  g_assert_cmpuint (result->hours->len, >=, 4);
  g_assert_cmpuint (result->hours->len, <=, 5);
  assert_steps_cover (result, from, until);
  for (guint i = 0; i < result->hours->len; i++)
    {
      const Mp2ForecastHour *hour = get_hour (result, i);

      assert_in_warsaw (hour->time);
      g_assert_cmpfloat_with_epsilon (hour->temperature, default_temperature (hour->time), 1e-9);
      g_assert_cmpfloat_with_epsilon (hour->apparent_temperature, hour->temperature - 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (hour->precipitation_probability, 80, 1e-9);
      g_assert_cmpfloat_with_epsilon (hour->precipitation, 1.5, 1e-9);
      g_assert_cmpint (hour->weather_code, ==, 95);
      g_assert_cmpfloat (hour->wind_speed, ==, 4);
      g_assert_cmpfloat (hour->wind_gusts, ==, 7);
    }

  /* Today's sun, moved to tomorrow: within a few minutes (an hour on the day the
   * clocks change). */
  assert_sun (result->sunrise, from, MP2_FAKE_WEATHER_SUNRISE_HOUR,
              MP2_FAKE_WEATHER_SUNRISE_MINUTE, HOUR);
  assert_sun (result->sunset, from, MP2_FAKE_WEATHER_SUNSET_HOUR,
              MP2_FAKE_WEATHER_SUNSET_MINUTE, HOUR);
  {
    g_autofree char *day = format_date (from);

    assert_date_text (result->sunrise, day);
  }
}

/* A dry default day: no `rain` member is 0 mm, `pop` 0.1 is 10 %; `cod` as a number
 * is as good as the string. */
static void
test_owm_dry_numeric_cod (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 2, 7);
  g_autoptr(GDateTime) until = new_day_time (fixture, 2, 19);

  for (guint numeric = 0; numeric < 2; numeric++)
    {
      g_autoptr(Mp2Forecast) result = NULL;
      g_autoptr(GError) error = NULL;

      mp2_fake_weather_set_numeric_cod (fixture->fake, numeric);
      result = forecast (fixture->owm, fixture->place, from, until, &error);
      g_assert_no_error (error);
      assert_steps_cover (result, from, until);
      g_assert_cmpfloat_with_epsilon (get_hour (result, 0)->precipitation_probability, 10, 1e-9);
      g_assert_cmpfloat (get_hour (result, 0)->precipitation, ==, 0);
      g_assert_cmpint (get_hour (result, 0)->weather_code, ==, 2);
    }

  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OWM), ==, 2);
}

static void
test_owm_no_key (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 1, 7);
  g_autoptr(GDateTime) until = new_day_time (fixture, 1, 19);
  static const char * const keys[] = { NULL, "" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(Mp2Forecast) result = NULL;
      g_autoptr(GError) error = NULL;

      mp2_openweathermap_set_api_key (MP2_OPENWEATHERMAP (fixture->owm), keys[i]);
      result = forecast (fixture->owm, fixture->place, from, until, &error);
      g_assert_null (result);
      assert_error_with (error, MP2_PLAN_ERROR_NO_KEY, "Preferences");
    }

  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OWM), ==, 0);
}

static void
test_owm_key_rejected (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 1, 7);
  g_autoptr(GDateTime) until = new_day_time (fixture, 1, 19);
  g_autoptr(Mp2Forecast) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_openweathermap_set_api_key (MP2_OPENWEATHERMAP (fixture->owm), "a-key-it-does-not-know");
  result = forecast (fixture->owm, fixture->place, from, until, &error);
  g_assert_null (result);
  assert_error_with (error, MP2_PLAN_ERROR_KEY_REJECTED, "API key");
  g_assert_null (strstr (error->message, "a-key-it-does-not-know"));
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OWM), ==, 1);
}

/* Five days from now and no further; nothing is sent past it. */
static void
test_owm_horizon (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 6, 7);
  g_autoptr(GDateTime) until = new_day_time (fixture, 6, 19);
  g_autoptr(Mp2Forecast) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (mp2_weather_provider_get_horizon_days (fixture->owm), ==, 5);

  result = forecast (fixture->owm, fixture->place, from, until, &error);
  g_assert_null (result);
  assert_error_with (error, MP2_PLAN_ERROR_BEYOND_HORIZON, "OpenWeatherMap");
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OWM), ==, 0);
}

static void
test_owm_faults (Fixture       *fixture,
                 gconstpointer  data)
{
  static const FaultCase cases[] = {
    { MP2_FAKE_WEATHER_FAULT_RATE_LIMIT, MP2_PLAN_ERROR_OFFLINE, "blocked" },
    { MP2_FAKE_WEATHER_FAULT_KEY_REJECTED, MP2_PLAN_ERROR_KEY_REJECTED, "API key" },
    { MP2_FAKE_WEATHER_FAULT_BAD_REQUEST, MP2_PLAN_ERROR_FAILED, "OpenWeatherMap" },
    { MP2_FAKE_WEATHER_FAULT_SERVER_ERROR, MP2_PLAN_ERROR_OFFLINE, "OpenWeatherMap" },
  };

  run_fault_cases (fixture, fixture->owm, OWM, cases, G_N_ELEMENTS (cases));
}

static void
test_owm_cache (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) from = new_day_time (fixture, 1, 18);
  g_autoptr(GDateTime) until = new_day_time (fixture, 2, 4);
  g_autoptr(Mp2Forecast) first = NULL;
  g_autoptr(Mp2Forecast) second = NULL;
  g_autoptr(Mp2Forecast) open_meteo = NULL;
  g_autoptr(GError) error = NULL;

  first = forecast (fixture->owm, fixture->place, from, until, &error);
  g_assert_no_error (error);
  second = forecast (fixture->owm, fixture->place, from, until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OWM), ==, 1);
  g_assert_cmpstr (second->provider, ==, "openweathermap");
  g_assert_cmpuint (second->hours->len, ==, first->hours->len);

  /* The other provider has its own entry. */
  open_meteo = forecast (fixture->open_meteo, fixture->place, from, until, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (open_meteo->provider, ==, "open-meteo");
  g_assert_cmpuint (mp2_fake_weather_get_request_count (fixture->fake, OPEN_METEO), ==, 1);
}

static void
test_condition_mapping (void)
{
  static const struct
  {
    int condition;
    int wmo;
  } cases[] = {
    { 200, 95 }, { 232, 95 }, { 300, 51 }, { 314, 81 }, { 500, 61 }, { 501, 63 }, { 504, 65 },
    { 511, 66 }, { 522, 82 }, { 600, 71 }, { 611, 73 }, { 622, 86 }, { 701, 45 }, { 721, 3 },
    { 741, 45 }, { 781, 95 }, { 800, 0 }, { 801, 1 }, { 802, 2 }, { 803, 3 }, { 804, 3 },
    { 199, -1 }, { 900, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (mp2_openweathermap_condition_to_wmo (cases[i].condition), ==, cases[i].wmo);
}

#define add_test(path, func, with_store) \
  g_test_add (path, Fixture, GINT_TO_POINTER (with_store), fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/weather/open-meteo/night-shoot", test_open_meteo_night_shoot, FALSE);
  add_test ("/weather/open-meteo/nulls", test_open_meteo_nulls, FALSE);
  add_test ("/weather/open-meteo/clock-changes", test_open_meteo_clock_changes, FALSE);
  add_test ("/weather/open-meteo/horizon", test_open_meteo_horizon, FALSE);
  add_test ("/weather/open-meteo/faults", test_open_meteo_faults, FALSE);
  add_test ("/weather/open-meteo/cache", test_open_meteo_cache, TRUE);
  add_test ("/weather/no-store", test_no_store, FALSE);
  add_test ("/weather/openweathermap/night-shoot", test_owm_night_shoot, FALSE);
  add_test ("/weather/openweathermap/dry-numeric-cod", test_owm_dry_numeric_cod, FALSE);
  add_test ("/weather/openweathermap/no-key", test_owm_no_key, FALSE);
  add_test ("/weather/openweathermap/key-rejected", test_owm_key_rejected, FALSE);
  add_test ("/weather/openweathermap/horizon", test_owm_horizon, FALSE);
  add_test ("/weather/openweathermap/faults", test_owm_faults, FALSE);
  add_test ("/weather/openweathermap/cache", test_owm_cache, TRUE);
  g_test_add_func ("/weather/openweathermap/conditions", test_condition_mapping);

  return g_test_run ();
}
