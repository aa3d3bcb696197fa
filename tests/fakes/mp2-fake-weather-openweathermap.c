/* mp2-fake-weather-openweathermap.c
 *
 * The fake OpenWeatherMap: GET /data/2.5/forecast with `appid` (401 for another key),
 * `lat`, `lon`, `units`, answered with 40 steps of 3 hours from now, each made from
 * the first item of samples/openweathermap/forecast_5day_3h.docs.json, and `city`
 * with today's sunrise and sunset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-weather"

#include "config.h"

#include "mp2-fake-weather-private.h"

#include <math.h>

/* OpenWeatherMap: 40 steps of 3 hours. */
#define OWM_STEPS                40
#define OWM_STEP_SECONDS         (3 * 60 * 60)

#define SAMPLE_FORECAST "openweathermap/forecast_5day_3h.docs.json"
#define SAMPLE_401      "openweathermap/error_401_invalid_api_key.observed.json"
#define SAMPLE_404      "openweathermap/error_404_city_not_found.constructed.json"
#define SAMPLE_429      "openweathermap/error_429_blocked.observed.json"

static void
reply_owm_fault (SoupServerMessage   *msg,
                 Mp2FakeWeatherFault  fault)
{
  switch (fault)
    {
    case MP2_FAKE_WEATHER_FAULT_RATE_LIMIT:
    case MP2_FAKE_WEATHER_FAULT_MINUTE_LIMIT:
      mp2_fake_weather_reply_sample (msg, 429, SAMPLE_429);
      break;
    case MP2_FAKE_WEATHER_FAULT_BAD_REQUEST:
      mp2_fake_weather_reply_sample (msg, 404, SAMPLE_404);
      break;
    case MP2_FAKE_WEATHER_FAULT_KEY_REJECTED:
      mp2_fake_weather_reply_sample (msg, 401, SAMPLE_401);
      break;
    case MP2_FAKE_WEATHER_FAULT_SERVER_ERROR:
    default:
      mp2_fake_weather_reply_unavailable (msg);
      break;
    }
}
static const char * const owm_parameters[] = {
  "lat", "lon", "appid", "units", "lang", "cnt", "mode", NULL,
};

typedef struct
{
  int         wmo;
  int         id;
  const char *main;
  const char *description;
  const char *icon;
} OwmCondition;

/* WMO codes as OpenWeatherMap's conditions (its "weather-conditions" page). */
static const OwmCondition owm_conditions[] = {
  { 0, 800, "Clear", "clear sky", "01" },
  { 1, 801, "Clouds", "few clouds", "02" },
  { 2, 802, "Clouds", "scattered clouds", "03" },
  { 3, 804, "Clouds", "overcast clouds", "04" },
  { 45, 741, "Fog", "fog", "50" },
  { 48, 741, "Fog", "fog", "50" },
  { 51, 300, "Drizzle", "light intensity drizzle", "09" },
  { 53, 301, "Drizzle", "drizzle", "09" },
  { 55, 302, "Drizzle", "heavy intensity drizzle", "09" },
  { 56, 300, "Drizzle", "light intensity drizzle", "09" },
  { 57, 302, "Drizzle", "heavy intensity drizzle", "09" },
  { 61, 500, "Rain", "light rain", "10" },
  { 63, 501, "Rain", "moderate rain", "10" },
  { 65, 502, "Rain", "heavy intensity rain", "10" },
  { 66, 511, "Rain", "freezing rain", "13" },
  { 67, 511, "Rain", "freezing rain", "13" },
  { 71, 600, "Snow", "light snow", "13" },
  { 73, 601, "Snow", "snow", "13" },
  { 75, 602, "Snow", "heavy snow", "13" },
  { 77, 600, "Snow", "light snow", "13" },
  { 80, 520, "Rain", "light intensity shower rain", "09" },
  { 81, 521, "Rain", "shower rain", "09" },
  { 82, 522, "Rain", "heavy intensity shower rain", "09" },
  { 85, 620, "Snow", "light shower snow", "13" },
  { 86, 622, "Snow", "heavy shower snow", "13" },
  { 95, 201, "Thunderstorm", "thunderstorm with rain", "11" },
  { 96, 201, "Thunderstorm", "thunderstorm with rain", "11" },
  { 99, 202, "Thunderstorm", "thunderstorm with heavy rain", "11" },
};

static const OwmCondition *
find_owm_condition (double wmo)
{
  for (guint i = 0; !isnan (wmo) && i < G_N_ELEMENTS (owm_conditions); i++)
    {
      if (owm_conditions[i].wmo == (int) wmo)
        return &owm_conditions[i];
    }

  return NULL;
}

typedef enum
{
  UNITS_STANDARD,
  UNITS_METRIC,
  UNITS_IMPERIAL,
} Units;

static double
convert_temperature (double value,
                     Units  units)
{
  if (units == UNITS_STANDARD)
    return value + 273.15;
  if (units == UNITS_IMPERIAL)
    return value * 9 / 5 + 32;

  return value;
}

static double
convert_speed (double value,
               Units  units)
{
  return units == UNITS_IMPERIAL ? value * 2.23694 : value;
}

static void
set_or_remove (JsonObject *object,
               const char *name,
               double      value)
{
  if (isnan (value))
    json_object_remove_member (object, name);
  else
    json_object_set_double_member (object, name, mp2_fake_weather_round_to (value, 0.01));
}

static void
set_owm_weather (JsonObject *item,
                 double      wmo,
                 gboolean    day)
{
  const OwmCondition *condition = find_owm_condition (wmo);
  JsonArray *weather = json_array_new ();

  if (condition != NULL)
    {
      JsonObject *entry = json_object_new ();
      g_autofree char *icon = g_strconcat (condition->icon, day ? "d" : "n", NULL);

      json_object_set_int_member (entry, "id", condition->id);
      json_object_set_string_member (entry, "main", condition->main);
      json_object_set_string_member (entry, "description", condition->description);
      json_object_set_string_member (entry, "icon", icon);
      json_array_add_object_element (weather, entry);
    }

  json_object_set_array_member (item, "weather", weather);
}

/* Whether @time is between the local sunrise and sunset. */
static gboolean
is_day (Mp2FakeWeather *self,
        GDateTime      *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, self->zone);
  int minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  return minutes >= MP2_FAKE_WEATHER_SUNRISE_HOUR * 60 + MP2_FAKE_WEATHER_SUNRISE_MINUTE &&
         minutes < MP2_FAKE_WEATHER_SUNSET_HOUR * 60 + MP2_FAKE_WEATHER_SUNSET_MINUTE;
}

/* The 3 hours from @time: the highest probability, the sum of millimetres. */
static void
sum_step (Mp2FakeWeather *self,
          GDateTime      *time,
          double         *probability,
          double         *rain)
{
  *probability = NAN;
  *rain = 0;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) hour = g_date_time_add_hours (time, i);
      double hour_probability =
        mp2_fake_weather_get_value (self, MP2_FAKE_WEATHER_PRECIPITATION_PROBABILITY, hour);
      double hour_rain = mp2_fake_weather_get_value (self, MP2_FAKE_WEATHER_PRECIPITATION, hour);

      if (!isnan (hour_probability))
        *probability = isnan (*probability) ? hour_probability
                                            : MAX (*probability, hour_probability);
      if (!isnan (hour_rain))
        *rain += hour_rain;
    }
}

/* json_node_copy () shares the objects inside. */
static JsonNode *
copy_deep (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

static void
set_rain (JsonObject *item,
          double      millimetres)
{
  JsonObject *rain;

  if (millimetres <= 0)
    {
      if (json_object_has_member (item, "rain"))
        json_object_remove_member (item, "rain");
      return;
    }

  rain = json_object_new ();
  json_object_set_double_member (rain, "3h", mp2_fake_weather_round_to (millimetres, 0.01));
  json_object_set_object_member (item, "rain", rain);
}

/* The values of `main` and `wind` at @time, in @units. */
static void
set_main_and_wind (Mp2FakeWeather *self,
                   JsonObject     *item,
                   GDateTime      *time,
                   Units           units)
{
  JsonObject *main_values = json_object_get_object_member (item, "main");
  JsonObject *wind = json_object_get_object_member (item, "wind");
  double temperature = mp2_fake_weather_get_value (self, MP2_FAKE_WEATHER_TEMPERATURE, time);
  double feels_like = mp2_fake_weather_get_value (self, MP2_FAKE_WEATHER_APPARENT_TEMPERATURE,
                                                  time);
  double speed = mp2_fake_weather_get_value (self, MP2_FAKE_WEATHER_WIND_SPEED, time);
  double gust = mp2_fake_weather_get_value (self, MP2_FAKE_WEATHER_WIND_GUSTS, time);

  set_or_remove (main_values, "temp", convert_temperature (temperature, units));
  set_or_remove (main_values, "temp_min", convert_temperature (temperature, units));
  set_or_remove (main_values, "temp_max", convert_temperature (temperature, units));
  set_or_remove (main_values, "feels_like", convert_temperature (feels_like, units));
  set_or_remove (wind, "speed", convert_speed (speed, units));
  set_or_remove (wind, "gust", convert_speed (gust, units));
}

/* One step, made from the first item of forecast_5day_3h.docs.json. */
static JsonNode *
build_owm_item (Mp2FakeWeather *self,
                JsonObject     *template,
                gint64          dt,
                Units           units)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (dt);
  JsonArray *list = json_object_get_array_member (template, "list");
  JsonNode *node = copy_deep (json_array_get_element (list, 0));
  JsonObject *item = json_node_get_object (node);
  g_autofree char *dt_txt = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
  double code = mp2_fake_weather_get_value (self, MP2_FAKE_WEATHER_WEATHER_CODE, time);
  gboolean day = is_day (self, time);
  double probability, rain;

  sum_step (self, time, &probability, &rain);

  json_object_set_int_member (item, "dt", dt);
  set_main_and_wind (self, item, time, units);
  set_owm_weather (item, code, day);
  set_or_remove (item, "pop", probability / 100);
  set_rain (item, rain);
  json_object_set_string_member (json_object_get_object_member (item, "sys"), "pod",
                                 day ? "d" : "n");
  json_object_set_string_member (item, "dt_txt", dt_txt);

  return node;
}

static void
set_owm_city (Mp2FakeWeather *self,
              JsonObject     *city,
              double          latitude,
              double          longitude)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  g_autoptr(GDateTime) midnight = g_date_time_new (self->zone, g_date_time_get_year (now),
                                                   g_date_time_get_month (now),
                                                   g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) sunrise = mp2_fake_weather_new_sun_time (midnight,
                                                                 MP2_FAKE_WEATHER_SUNRISE_HOUR,
                                                                 MP2_FAKE_WEATHER_SUNRISE_MINUTE);
  g_autoptr(GDateTime) sunset = mp2_fake_weather_new_sun_time (midnight,
                                                                MP2_FAKE_WEATHER_SUNSET_HOUR,
                                                                MP2_FAKE_WEATHER_SUNSET_MINUTE);
  JsonObject *coord = json_object_get_object_member (city, "coord");

  json_object_set_double_member (coord, "lat", mp2_fake_weather_round_to (latitude, 0.0001));
  json_object_set_double_member (coord, "lon", mp2_fake_weather_round_to (longitude, 0.0001));
  json_object_set_int_member (city, "timezone",
                              g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
  json_object_set_int_member (city, "sunrise", g_date_time_to_unix (sunrise));
  json_object_set_int_member (city, "sunset", g_date_time_to_unix (sunset));
}

static JsonNode *
build_owm_answer (Mp2FakeWeather *self,
                  double          latitude,
                  double          longitude,
                  Units           units,
                  guint           count)
{
  JsonNode *answer = mp2_fake_weather_load_sample (SAMPLE_FORECAST);
  JsonObject *root = json_node_get_object (answer);
  JsonArray *list = json_array_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 first = (now / OWM_STEP_SECONDS + 1) * OWM_STEP_SECONDS;

  for (guint i = 0; i < count; i++)
    json_array_add_element (list, build_owm_item (self, root, first + i * OWM_STEP_SECONDS,
                                                  units));

  if (self->numeric_cod)
    json_object_set_int_member (root, "cod", 200);
  else
    json_object_set_string_member (root, "cod", "200");
  json_object_set_int_member (root, "cnt", count);
  json_object_set_array_member (root, "list", list);
  set_owm_city (self, json_object_get_object_member (root, "city"), latitude, longitude);

  return answer;
}

static void
reply_owm_error (SoupServerMessage *msg,
                 const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cod");
  json_builder_add_string_value (builder, "400");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  mp2_fake_weather_reply_json (msg, SOUP_STATUS_BAD_REQUEST, node);
}

static void
read_units_parameter (Mp2FakeWeather *self,
                      const char     *text,
                      Units          *units)
{
  *units = UNITS_STANDARD;
  if (g_strcmp0 (text, "metric") == 0)
    *units = UNITS_METRIC;
  else if (g_strcmp0 (text, "imperial") == 0)
    *units = UNITS_IMPERIAL;
  else if (text != NULL && !g_str_equal (text, "standard"))
    mp2_fake_weather_add_violation (self, "openweathermap: units=%s is not a unit system", text);
}

void
mp2_fake_weather_handle_openweathermap (Mp2FakeWeather    *self,
                                        SoupServerMessage *msg,
                                        GHashTable        *params)
{
  const char *key = g_hash_table_lookup (params, "appid");
  const char *count_text = g_hash_table_lookup (params, "cnt");
  double latitude, longitude;
  guint64 count = OWM_STEPS;
  Units units;
  const Mp2FakeScriptedFault *fault;

  mp2_fake_weather_check_parameters (self, API_OPENWEATHERMAP, params, owm_parameters);

  if (g_strcmp0 (key, self->api_key) != 0)
    {
      mp2_fake_weather_reply_sample (msg, 401, SAMPLE_401);
      return;
    }

  if (!mp2_fake_weather_parse_double (g_hash_table_lookup (params, "lat"), &latitude) ||
      !mp2_fake_weather_parse_double (g_hash_table_lookup (params, "lon"), &longitude))
    {
      mp2_fake_weather_add_violation (self, "openweathermap: no lat and lon");
      reply_owm_error (msg, "Nothing to geocode");
      return;
    }

  if (fabs (latitude) > 90 || fabs (longitude) > 180)
    {
      mp2_fake_weather_add_violation (self, "openweathermap: lat %g, lon %g", latitude, longitude);
      reply_owm_error (msg, fabs (latitude) > 90 ? "wrong latitude" : "wrong longitude");
      return;
    }

  if (count_text != NULL &&
      !g_ascii_string_to_unsigned (count_text, 10, 1, OWM_STEPS, &count, NULL))
    mp2_fake_weather_add_violation (self, "openweathermap: cnt=%s", count_text);

  read_units_parameter (self, g_hash_table_lookup (params, "units"), &units);

  fault = mp2_fake_fault_script_take (self->faults, API_OPENWEATHERMAP);
  if (fault != NULL)
    {
      reply_owm_fault (msg, fault->fault);
      return;
    }

  {
    g_autoptr(JsonNode) answer = build_owm_answer (self, latitude, longitude, units, count);

    mp2_fake_weather_reply_json (msg, SOUP_STATUS_OK, answer);
  }
}
