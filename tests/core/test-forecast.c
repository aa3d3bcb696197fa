/* test-forecast.c
 *
 * Forecasts in tables: warnings at the edges of their thresholds, one warning per run
 * of hours (one-hour and three-hour steps, the night the clocks go back), only within
 * the working day; the words and icons of every WMO code, night icons; the JSON the
 * store keeps, nulls included, read back as it was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mp2-forecast.h"

#define HOUR G_TIME_SPAN_HOUR
#define ADWAITA_STATUS_ICONS "/usr/share/icons/Adwaita/scalable/status"

/* Helpers */

static GDateTime *
new_warsaw_time (int year,
                 int month,
                 int day,
                 int hour)
{
  g_autoptr(GTimeZone) warsaw = g_time_zone_new_identifier ("Europe/Warsaw");

  g_assert_nonnull (warsaw);
  return g_date_time_new (warsaw, year, month, day, hour, 0, 0);
}

/* An hour with nothing to warn of: 12 °C, dry, calm, partly cloudy. */
static Mp2ForecastHour
make_calm_hour (GDateTime *time)
{
  Mp2ForecastHour hour = {
    .time = time,
    .temperature = 12.0,
    .apparent_temperature = 10.0,
    .precipitation_probability = 10.0,
    .precipitation = 0.0,
    .weather_code = 2,
    .wind_speed = 3.0,
    .wind_gusts = 6.0,
  };

  return hour;
}

/* @n_hours calm hours of @step from @start. */
static Mp2Forecast *
new_calm_forecast (GDateTime *start,
                   guint      n_hours,
                   GTimeSpan  step)
{
  Mp2Forecast *forecast = mp2_forecast_new ("open-meteo");

  for (guint i = 0; i < n_hours; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add (start, step * i);
      Mp2ForecastHour hour = make_calm_hour (time);

      mp2_forecast_add_hour (forecast, &hour);
    }

  return forecast;
}

static Mp2ForecastHour *
edit_hour (Mp2Forecast *forecast,
           guint        index)
{
  g_assert_cmpuint (index, <, forecast->hours->len);
  return &g_array_index (forecast->hours, Mp2ForecastHour, index);
}

static GPtrArray *
find_default_warnings (Mp2Forecast *forecast)
{
  Mp2ForecastHour *first = edit_hour (forecast, 0);
  Mp2ForecastHour *last = edit_hour (forecast, forecast->hours->len - 1);
  g_autoptr(GDateTime) until = g_date_time_add (last->time, 3 * HOUR);
  Mp2WeatherThresholds thresholds;

  mp2_weather_thresholds_init (&thresholds);
  return mp2_forecast_find_warnings (forecast, first->time, until, &thresholds);
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_double (double value,
               double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
}

/* Thresholds: one hour, one value changed, the warnings it gives */

typedef enum
{
  FIELD_PROBABILITY,
  FIELD_AMOUNT,
  FIELD_WIND,
  FIELD_TEMPERATURE,
  FIELD_CODE,
} Field;

typedef struct
{
  const char *name;
  Field       field;
  double      value;
  int         expected_kind;   /* -1: no warning */
  double      expected_value;
} ThresholdCase;

static const ThresholdCase threshold_cases[] = {
  { "calm", FIELD_CODE, 2, -1, 0 },
  { "probability 49.9 %", FIELD_PROBABILITY, 49.9, -1, 0 },
  { "probability 50 %", FIELD_PROBABILITY, 50.0, MP2_WEATHER_WARNING_RAIN, 50.0 },
  { "probability unknown", FIELD_PROBABILITY, NAN, -1, 0 },
  { "0.5 mm", FIELD_AMOUNT, 0.5, -1, 0 },
  { "0.51 mm", FIELD_AMOUNT, 0.51, MP2_WEATHER_WARNING_RAIN, 10.0 },
  { "amount unknown", FIELD_AMOUNT, NAN, -1, 0 },
  { "wind 9.99 m/s", FIELD_WIND, 9.99, -1, 0 },
  { "wind 10 m/s", FIELD_WIND, 10.0, MP2_WEATHER_WARNING_WIND, 10.0 },
  { "wind unknown", FIELD_WIND, NAN, -1, 0 },
  { "0 °C", FIELD_TEMPERATURE, 0.0, -1, 0 },
  { "-0.1 °C", FIELD_TEMPERATURE, -0.1, MP2_WEATHER_WARNING_FROST, -0.1 },
  { "30 °C", FIELD_TEMPERATURE, 30.0, -1, 0 },
  { "30.1 °C", FIELD_TEMPERATURE, 30.1, MP2_WEATHER_WARNING_HEAT, 30.1 },
  { "temperature unknown", FIELD_TEMPERATURE, NAN, -1, 0 },
  { "WMO 82", FIELD_CODE, 82, -1, 0 },
  { "WMO 95", FIELD_CODE, 95, MP2_WEATHER_WARNING_THUNDERSTORM, NAN },
  { "WMO 96", FIELD_CODE, 96, MP2_WEATHER_WARNING_THUNDERSTORM, NAN },
  { "WMO 99", FIELD_CODE, 99, MP2_WEATHER_WARNING_THUNDERSTORM, NAN },
  { "WMO 45", FIELD_CODE, 45, MP2_WEATHER_WARNING_FOG, NAN },
  { "WMO 48", FIELD_CODE, 48, MP2_WEATHER_WARNING_FOG, NAN },
  { "WMO 51", FIELD_CODE, 51, -1, 0 },
  { "code unknown", FIELD_CODE, -1, -1, 0 },
};

static void
set_field (Mp2ForecastHour *hour,
           Field            field,
           double           value)
{
  switch (field)
    {
    case FIELD_PROBABILITY:
      hour->precipitation_probability = value;
      break;
    case FIELD_AMOUNT:
      hour->precipitation = value;
      break;
    case FIELD_WIND:
      hour->wind_speed = value;
      break;
    case FIELD_TEMPERATURE:
      hour->temperature = value;
      break;
    case FIELD_CODE:
      hour->weather_code = (int) value;
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_thresholds (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 3, 12, 10);

  for (guint i = 0; i < G_N_ELEMENTS (threshold_cases); i++)
    {
      const ThresholdCase *row = &threshold_cases[i];
      g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 1, HOUR);
      g_autoptr(GPtrArray) warnings = NULL;
      const Mp2WeatherWarning *warning;

      g_test_message ("case: %s", row->name);
      set_field (edit_hour (forecast, 0), row->field, row->value);
      warnings = find_default_warnings (forecast);

      if (row->expected_kind < 0)
        {
          g_assert_cmpuint (warnings->len, ==, 0);
          continue;
        }

      g_assert_cmpuint (warnings->len, ==, 1);
      warning = g_ptr_array_index (warnings, 0);
      g_assert_cmpint (warning->kind, ==, row->expected_kind);
      assert_double (warning->value, row->expected_value);
      assert_time (warning->from, "2025-03-12T10:00:00+01:00");
      assert_time (warning->until, "2025-03-12T11:00:00+01:00");
    }
}

/* Thresholds from Preferences replace the defaults. */
static void
test_custom_thresholds (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 7, 1, 12);
  g_autoptr(GDateTime) until = g_date_time_add (start, HOUR);
  g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 1, HOUR);
  g_autoptr(GPtrArray) warnings = NULL;
  Mp2WeatherThresholds thresholds;

  mp2_weather_thresholds_init (&thresholds);
  thresholds.heat = 25.0;
  thresholds.wind_speed = 5.0;
  edit_hour (forecast, 0)->temperature = 26.0;
  edit_hour (forecast, 0)->wind_speed = 5.0;

  warnings = mp2_forecast_find_warnings (forecast, start, until, &thresholds);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpint (((Mp2WeatherWarning *) warnings->pdata[0])->kind, ==, MP2_WEATHER_WARNING_WIND);
  g_assert_cmpint (((Mp2WeatherWarning *) warnings->pdata[1])->kind, ==, MP2_WEATHER_WARNING_HEAT);
}

/* Runs of hours */

typedef struct
{
  int         kind;
  const char *from;
  const char *until;
  double      value;
  double      amount;
} ExpectedWarning;

static void
assert_warnings (GPtrArray             *warnings,
                 const ExpectedWarning *expected,
                 guint                  n_expected)
{
  g_assert_cmpuint (warnings->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const Mp2WeatherWarning *warning = g_ptr_array_index (warnings, i);

      g_test_message ("warning %u", i);
      g_assert_cmpint (warning->kind, ==, expected[i].kind);
      assert_time (warning->from, expected[i].from);
      assert_time (warning->until, expected[i].until);
      assert_double (warning->value, expected[i].value);
      assert_double (warning->amount, expected[i].amount);
    }
}

/* Rain 10–13 (a gap at 13) and again at 14; wind across the rain; fog in the
 * morning: four warnings, in order of time. */
static void
test_runs (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 3, 12, 6);
  g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 12, HOUR);
  g_autoptr(GPtrArray) warnings = NULL;
  static const ExpectedWarning expected[] = {
    { MP2_WEATHER_WARNING_FOG, "2025-03-12T06:00:00+01:00", "2025-03-12T08:00:00+01:00",
      NAN, NAN },
    { MP2_WEATHER_WARNING_RAIN, "2025-03-12T10:00:00+01:00", "2025-03-12T13:00:00+01:00",
      80, 1.2 },
    { MP2_WEATHER_WARNING_WIND, "2025-03-12T11:00:00+01:00", "2025-03-12T15:00:00+01:00",
      13, NAN },
    { MP2_WEATHER_WARNING_RAIN, "2025-03-12T14:00:00+01:00", "2025-03-12T15:00:00+01:00",
      20, 0.8 },
  };

  edit_hour (forecast, 0)->weather_code = 45;
  edit_hour (forecast, 1)->weather_code = 48;
  edit_hour (forecast, 4)->precipitation_probability = 50;
  edit_hour (forecast, 5)->precipitation_probability = 80;
  edit_hour (forecast, 5)->precipitation = 1.2;
  edit_hour (forecast, 6)->precipitation_probability = 60;
  edit_hour (forecast, 8)->precipitation_probability = 20;
  edit_hour (forecast, 8)->precipitation = 0.8;
  for (guint i = 5; i <= 8; i++)
    edit_hour (forecast, i)->wind_speed = 10 + i % 5;

  warnings = find_default_warnings (forecast);
  assert_warnings (warnings, expected, G_N_ELEMENTS (expected));
}

/* Only the hours that overlap the working day count; a three-hour step that began
 * before the day still does. */
static void
test_working_day (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 3, 12, 0);
  g_autoptr(GDateTime) day_from = new_warsaw_time (2025, 3, 12, 7);
  g_autoptr(GDateTime) day_until = new_warsaw_time (2025, 3, 12, 16);
  g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 8, 3 * HOUR);
  g_autoptr(GPtrArray) warnings = NULL;
  Mp2WeatherThresholds thresholds;
  static const ExpectedWarning expected[] = {
    { MP2_WEATHER_WARNING_FROST, "2025-03-12T06:00:00+01:00", "2025-03-12T09:00:00+01:00",
      -1.5, NAN },
    { MP2_WEATHER_WARNING_WIND, "2025-03-12T12:00:00+01:00", "2025-03-12T18:00:00+01:00",
      12, NAN },
  };

  edit_hour (forecast, 1)->temperature = -3.0;  /* 03:00, before the day */
  edit_hour (forecast, 2)->temperature = -1.5;  /* 06:00–09:00 */
  edit_hour (forecast, 4)->wind_speed = 11;     /* 12:00 */
  edit_hour (forecast, 5)->wind_speed = 12;     /* 15:00, overlapping until 16:00 */
  edit_hour (forecast, 6)->wind_speed = 15;     /* 18:00, after the day */

  mp2_weather_thresholds_init (&thresholds);
  warnings = mp2_forecast_find_warnings (forecast, day_from, day_until, &thresholds);
  assert_warnings (warnings, expected, G_N_ELEMENTS (expected));
}

/* A night shoot across the night the clocks go back (26 October 2025 in Warsaw):
 * 02:00 comes twice, and the rain through it is one run of four real hours. */
static void
test_run_across_dst (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 10, 26, 0);
  g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 6, HOUR);
  g_autoptr(GPtrArray) warnings = NULL;
  static const ExpectedWarning expected[] = {
    { MP2_WEATHER_WARNING_RAIN, "2025-10-26T01:00:00+02:00", "2025-10-26T04:00:00+01:00",
      85, 0 },
  };

  for (guint i = 1; i <= 4; i++)
    edit_hour (forecast, i)->precipitation_probability = 60 + i * 5 + (i == 3 ? 10 : 0);
  assert_time (edit_hour (forecast, 2)->time, "2025-10-26T02:00:00+02:00");
  assert_time (edit_hour (forecast, 3)->time, "2025-10-26T02:00:00+01:00");

  warnings = find_default_warnings (forecast);
  assert_warnings (warnings, expected, G_N_ELEMENTS (expected));
}

/* A gap in the forecast ends a run even when the hours on both sides warn. */
static void
test_gap_ends_run (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 3, 12, 10);
  g_autoptr(GDateTime) later = new_warsaw_time (2025, 3, 12, 20);
  g_autoptr(GDateTime) day_until = new_warsaw_time (2025, 3, 12, 22);
  g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 1, HOUR);
  Mp2ForecastHour hour = make_calm_hour (later);
  g_autoptr(GPtrArray) warnings = NULL;
  Mp2WeatherThresholds thresholds;

  hour.wind_speed = 20;
  mp2_forecast_add_hour (forecast, &hour);
  edit_hour (forecast, 0)->wind_speed = 20;

  mp2_weather_thresholds_init (&thresholds);
  warnings = mp2_forecast_find_warnings (forecast, start, day_until, &thresholds);
  g_assert_cmpuint (warnings->len, ==, 2);
  assert_time (((Mp2WeatherWarning *) warnings->pdata[0])->until, "2025-03-12T11:00:00+01:00");
  assert_time (((Mp2WeatherWarning *) warnings->pdata[1])->from, "2025-03-12T20:00:00+01:00");
}

/* Words */

static Mp2WeatherWarning *
new_warning (Mp2WeatherWarningKind kind,
             int                   from_hour,
             int                   until_hour,
             double                value,
             double                amount)
{
  Mp2WeatherWarning *warning = g_new0 (Mp2WeatherWarning, 1);

  warning->kind = kind;
  warning->from = new_warsaw_time (2025, 3, 12, from_hour);
  warning->until = new_warsaw_time (2025, 3, 12, until_hour);
  warning->value = value;
  warning->amount = amount;

  return warning;
}

typedef struct
{
  Mp2WeatherWarningKind kind;
  double                value;
  double                amount;
  const char           *text;
} DescribeCase;

static const DescribeCase describe_cases[] = {
  { MP2_WEATHER_WARNING_RAIN, 80, 1.24,
    "Rain likely from 10:00 to 14:00 (80 %, up to 1.2 mm an hour)" },
  { MP2_WEATHER_WARNING_RAIN, 80, 0, "Rain likely from 10:00 to 14:00 (80 %)" },
  { MP2_WEATHER_WARNING_RAIN, NAN, 0.7, "Rain from 10:00 to 14:00 (up to 0.7 mm an hour)" },
  { MP2_WEATHER_WARNING_WIND, 12.4, NAN, "Strong wind from 10:00 to 14:00 (up to 12 m/s)" },
  { MP2_WEATHER_WARNING_FROST, -3.5, NAN,
    "Cold from 10:00 to 14:00 (down to -3.5 °C)" },
  { MP2_WEATHER_WARNING_HEAT, 31, NAN, "Heat from 10:00 to 14:00 (up to 31.0 °C)" },
  { MP2_WEATHER_WARNING_THUNDERSTORM, NAN, NAN, "Thunderstorms possible from 10:00 to 14:00" },
  { MP2_WEATHER_WARNING_FOG, NAN, NAN, "Fog from 10:00 to 14:00" },
};

static void
test_describe (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (describe_cases); i++)
    {
      const DescribeCase *row = &describe_cases[i];
      g_autoptr(Mp2WeatherWarning) warning = new_warning (row->kind, 10, 14, row->value,
                                                          row->amount);
      g_autofree char *text = mp2_weather_warning_describe (warning, FALSE);
      g_autofree char *exterior = mp2_weather_warning_describe (warning, TRUE);
      g_autofree char *expected_exterior = g_strconcat (row->text,
                                                        " — the day has exterior scenes", NULL);

      g_assert_cmpstr (text, ==, row->text);
      g_assert_cmpstr (exterior, ==, expected_exterior);
    }
}

static void
test_warning_json (void)
{
  g_autoptr(Mp2WeatherWarning) rain = new_warning (MP2_WEATHER_WARNING_RAIN, 10, 14, 80, 1.5);
  g_autoptr(Mp2WeatherWarning) fog = new_warning (MP2_WEATHER_WARNING_FOG, 5, 7, NAN, NAN);
  g_autoptr(JsonNode) rain_node = mp2_weather_warning_to_json (rain);
  g_autoptr(JsonNode) fog_node = mp2_weather_warning_to_json (fog);
  g_autofree char *rain_text = json_to_string (rain_node, FALSE);
  g_autofree char *fog_text = json_to_string (fog_node, FALSE);

  g_assert_cmpstr (rain_text, ==,
                   "{\"kind\":\"rain\",\"from\":\"2025-03-12T10:00:00+01:00\","
                   "\"until\":\"2025-03-12T14:00:00+01:00\",\"value\":80.0,\"amount\":1.5,"
                   "\"text\":\"Rain likely from 10:00 to 14:00 (80 %, up to 1.5 mm an hour)\"}");
  g_assert_cmpstr (fog_text, ==,
                   "{\"kind\":\"fog\",\"from\":\"2025-03-12T05:00:00+01:00\","
                   "\"until\":\"2025-03-12T07:00:00+01:00\",\"value\":null,"
                   "\"text\":\"Fog from 05:00 to 07:00\"}");
}

/* Weather codes */

static const int documented_codes[] = {
  0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82,
  85, 86, 95, 96, 99,
};

/* The weather icons of Adwaita (Debian 12's adwaita-icon-theme 43). */
static const char * const adwaita_weather_icons[] = {
  "weather-clear-night-symbolic", "weather-clear-symbolic",
  "weather-few-clouds-night-symbolic", "weather-few-clouds-symbolic",
  "weather-fog-symbolic", "weather-overcast-symbolic", "weather-severe-alert-symbolic",
  "weather-showers-scattered-symbolic", "weather-showers-symbolic", "weather-snow-symbolic",
  "weather-storm-symbolic", "weather-tornado-symbolic", "weather-windy-symbolic", NULL,
};

static void
assert_adwaita_icon (const char *name)
{
  g_autofree char *file = g_strconcat (ADWAITA_STATUS_ICONS "/", name, ".svg", NULL);

  g_assert_true (g_strv_contains (adwaita_weather_icons, name));
  if (g_file_test (ADWAITA_STATUS_ICONS, G_FILE_TEST_IS_DIR))
    g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
}

static void
test_codes (void)
{
  g_autoptr(GHashTable) descriptions = g_hash_table_new (g_str_hash, g_str_equal);
  const char *unknown = mp2_weather_code_describe (-1);

  g_assert_cmpstr (unknown, ==, "Unknown weather");
  g_assert_cmpstr (mp2_weather_code_describe (42), ==, "Unknown weather");
  g_assert_cmpstr (mp2_weather_code_icon_name (-1, FALSE), ==, "weather-severe-alert-symbolic");

  for (guint i = 0; i < G_N_ELEMENTS (documented_codes); i++)
    {
      const char *description = mp2_weather_code_describe (documented_codes[i]);

      g_assert_cmpstr (description, !=, unknown);
      g_assert_false (g_hash_table_contains (descriptions, description));
      g_hash_table_add (descriptions, (gpointer) description);
      assert_adwaita_icon (mp2_weather_code_icon_name (documented_codes[i], FALSE));
      assert_adwaita_icon (mp2_weather_code_icon_name (documented_codes[i], TRUE));
    }

  g_assert_cmpstr (mp2_weather_code_describe (0), ==, "Clear sky");
  g_assert_cmpstr (mp2_weather_code_describe (61), ==, "Light rain");
  g_assert_cmpstr (mp2_weather_code_describe (99), ==, "Thunderstorm with heavy hail");
}

typedef struct
{
  int         code;
  const char *day;
  const char *night;
} IconCase;

static const IconCase icon_cases[] = {
  { 0, "weather-clear-symbolic", "weather-clear-night-symbolic" },
  { 1, "weather-clear-symbolic", "weather-clear-night-symbolic" },
  { 2, "weather-few-clouds-symbolic", "weather-few-clouds-night-symbolic" },
  { 3, "weather-overcast-symbolic", "weather-overcast-symbolic" },
  { 45, "weather-fog-symbolic", "weather-fog-symbolic" },
  { 53, "weather-showers-scattered-symbolic", "weather-showers-scattered-symbolic" },
  { 63, "weather-showers-symbolic", "weather-showers-symbolic" },
  { 75, "weather-snow-symbolic", "weather-snow-symbolic" },
  { 96, "weather-storm-symbolic", "weather-storm-symbolic" },
};

static void
test_night_icons (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (icon_cases); i++)
    {
      g_assert_cmpstr (mp2_weather_code_icon_name (icon_cases[i].code, FALSE), ==,
                       icon_cases[i].day);
      g_assert_cmpstr (mp2_weather_code_icon_name (icon_cases[i].code, TRUE), ==,
                       icon_cases[i].night);
    }
}

/* The hour a time falls in */

static void
test_hour_at (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 3, 12, 0);
  g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 3, 3 * HOUR);
  g_autoptr(GDateTime) before = g_date_time_add (start, -1);
  g_autoptr(GDateTime) in_second = g_date_time_add (start, 5 * HOUR);
  g_autoptr(GDateTime) end_of_last = g_date_time_add (start, 9 * HOUR - 1);
  g_autoptr(GDateTime) after = g_date_time_add (start, 9 * HOUR);

  g_assert_null (mp2_forecast_get_hour_at (forecast, before));
  g_assert_true (mp2_forecast_get_hour_at (forecast, start) == edit_hour (forecast, 0));
  g_assert_true (mp2_forecast_get_hour_at (forecast, in_second) == edit_hour (forecast, 1));
  g_assert_true (mp2_forecast_get_hour_at (forecast, end_of_last) == edit_hour (forecast, 2));
  g_assert_null (mp2_forecast_get_hour_at (forecast, after));
}

/* JSON */

static void
assert_same_hours (const Mp2ForecastHour *a,
                   const Mp2ForecastHour *b)
{
  g_assert_true (g_date_time_equal (a->time, b->time));
  g_assert_cmpint (g_date_time_get_utc_offset (a->time), ==, g_date_time_get_utc_offset (b->time));
  assert_double (a->temperature, b->temperature);
  assert_double (a->apparent_temperature, b->apparent_temperature);
  assert_double (a->precipitation_probability, b->precipitation_probability);
  assert_double (a->precipitation, b->precipitation);
  g_assert_cmpint (a->weather_code, ==, b->weather_code);
  assert_double (a->wind_speed, b->wind_speed);
  assert_double (a->wind_gusts, b->wind_gusts);
}

static Mp2Forecast *
round_trip (const Mp2Forecast *forecast)
{
  g_autoptr(JsonNode) node = mp2_forecast_to_json (forecast);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) parsed = json_from_string (text, NULL);

  g_assert_nonnull (parsed);
  return mp2_forecast_from_json (parsed);
}

static void
test_json_round_trip (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 10, 25, 23);
  g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 5, HOUR);
  g_autoptr(Mp2Forecast) copy = NULL;
  g_autoptr(Mp2Forecast) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *hour;

  forecast->fetched_at = 1761400000;
  forecast->sunrise = new_warsaw_time (2025, 10, 25, 7);
  edit_hour (forecast, 1)->temperature = NAN;
  edit_hour (forecast, 1)->weather_code = -1;
  edit_hour (forecast, 2)->precipitation_probability = NAN;
  edit_hour (forecast, 2)->wind_gusts = NAN;
  edit_hour (forecast, 3)->apparent_temperature = -2.25;
  edit_hour (forecast, 4)->precipitation = NAN;
  edit_hour (forecast, 4)->wind_speed = NAN;

  node = mp2_forecast_to_json (forecast);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "provider"), ==,
                   "open-meteo");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "fetched_at"),
                   ==, "2025-10-25T13:46:40+00:00");
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "sunset"));
  hour = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node),
                                                                      "hours"), 1);
  g_assert_true (json_object_get_null_member (hour, "temperature"));
  g_assert_true (json_object_get_null_member (hour, "weather_code"));
  g_assert_cmpstr (json_object_get_string_member (hour, "time"), ==, "2025-10-26T00:00:00+02:00");

  copy = mp2_forecast_copy (forecast);
  back = round_trip (copy);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->provider, ==, "open-meteo");
  g_assert_cmpint (back->fetched_at, ==, 1761400000);
  g_assert_true (g_date_time_equal (back->sunrise, forecast->sunrise));
  g_assert_null (back->sunset);
  g_assert_cmpuint (back->hours->len, ==, forecast->hours->len);
  for (guint i = 0; i < forecast->hours->len; i++)
    assert_same_hours (edit_hour (back, i), edit_hour (forecast, i));
}

static void
test_json_not_forecast (void)
{
  static const char * const bad[] = {
    "[]", "{}", "{\"provider\": 3}", "\"open-meteo\"",
  };
  g_autoptr(JsonNode) partial = json_from_string ("{\"provider\": \"openweathermap\", "
                                                  "\"hours\": [{\"time\": \"nonsense\"}, 4, "
                                                  "{\"time\": \"2025-03-12T10:00:00+01:00\", "
                                                  "\"temperature\": \"warm\"}]}", NULL);
  g_autoptr(Mp2Forecast) forecast = mp2_forecast_from_json (partial);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);

      g_assert_null (mp2_forecast_from_json (node));
    }

  g_assert_nonnull (forecast);
  g_assert_cmpuint (forecast->hours->len, ==, 1);
  g_assert_true (isnan (edit_hour (forecast, 0)->temperature));
  g_assert_cmpint (edit_hour (forecast, 0)->weather_code, ==, -1);
}

static void
test_boxed (void)
{
  g_autoptr(GDateTime) start = new_warsaw_time (2025, 3, 12, 10);
  g_autoptr(Mp2Forecast) forecast = new_calm_forecast (start, 2, HOUR);
  Mp2Forecast *copy = g_boxed_copy (MP2_TYPE_FORECAST, forecast);

  g_assert_true (copy != forecast);
  g_assert_cmpuint (copy->hours->len, ==, 2);
  g_assert_true (edit_hour (copy, 1)->time == edit_hour (forecast, 1)->time);
  g_boxed_free (MP2_TYPE_FORECAST, copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/forecast/warnings/thresholds", test_thresholds);
  g_test_add_func ("/forecast/warnings/custom-thresholds", test_custom_thresholds);
  g_test_add_func ("/forecast/warnings/runs", test_runs);
  g_test_add_func ("/forecast/warnings/working-day", test_working_day);
  g_test_add_func ("/forecast/warnings/across-dst", test_run_across_dst);
  g_test_add_func ("/forecast/warnings/gap", test_gap_ends_run);
  g_test_add_func ("/forecast/warnings/describe", test_describe);
  g_test_add_func ("/forecast/warnings/json", test_warning_json);
  g_test_add_func ("/forecast/codes/describe", test_codes);
  g_test_add_func ("/forecast/codes/night-icons", test_night_icons);
  g_test_add_func ("/forecast/hour-at", test_hour_at);
  g_test_add_func ("/forecast/json/round-trip", test_json_round_trip);
  g_test_add_func ("/forecast/json/not-a-forecast", test_json_not_forecast);
  g_test_add_func ("/forecast/boxed", test_boxed);

  return g_test_run ();
}
