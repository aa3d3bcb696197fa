/* mp2-fake-weather-open-meteo.c
 *
 * The fake Open-Meteo: GET /v1/forecast with its parameters checked as the real
 * server does (400 `{"error": true, "reason": …}`), answered for the local days from
 * start_date to end_date in the asked time zone, in the members and order of
 * samples/open_meteo/forecast_warsaw.constructed.json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-weather"

#include "config.h"

#include "mp2-fake-weather-private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Open-Meteo's forecast reaches 16 days, today included, and 92 days back. */
#define OPEN_METEO_FORECAST_DAYS 16

#define SAMPLE_FORECAST      "open_meteo/forecast_warsaw.constructed.json"
#define SAMPLE_400           "open_meteo/error_400.docs.json"
#define SAMPLE_429_DAILY     "open_meteo/error_429_daily_limit.observed.json"
#define SAMPLE_429_MINUTELY  "open_meteo/error_429_minutely_limit.assembled.json"

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;
  char extra;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &extra) != 3 ||
      strlen (text) != 10 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static GDateTime *
new_midnight (GTimeZone   *zone,
              const GDate *date)
{
  return g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 0, 0, 0);
}

static void
get_today (GTimeZone *zone,
           GDate     *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
reply_open_meteo_fault (SoupServerMessage   *msg,
                        Mp2FakeWeatherFault  fault)
{
  switch (fault)
    {
    case MP2_FAKE_WEATHER_FAULT_RATE_LIMIT:
      mp2_fake_weather_reply_sample (msg, 429, SAMPLE_429_DAILY);
      break;
    case MP2_FAKE_WEATHER_FAULT_MINUTE_LIMIT:
      mp2_fake_weather_reply_sample (msg, 429, SAMPLE_429_MINUTELY);
      break;
    case MP2_FAKE_WEATHER_FAULT_BAD_REQUEST:
    case MP2_FAKE_WEATHER_FAULT_KEY_REJECTED:
      mp2_fake_weather_reply_sample (msg, 400, SAMPLE_400);
      break;
    case MP2_FAKE_WEATHER_FAULT_SERVER_ERROR:
    default:
      mp2_fake_weather_reply_unavailable (msg);
      break;
    }
}

static const char * const open_meteo_parameters[] = {
  "latitude", "longitude", "elevation", "hourly", "daily", "current", "temperature_unit",
  "wind_speed_unit", "precipitation_unit", "timeformat", "timezone", "past_days",
  "forecast_days", "forecast_hours", "start_date", "end_date", "models", "cell_selection",
  "apikey", NULL,
};

/* The hourly variables the fake knows, and their unit. */
static const struct
{
  const char          *name;
  Mp2FakeWeatherField  field;
  const char          *unit;
} open_meteo_hourly[] = {
  { "temperature_2m", MP2_FAKE_WEATHER_TEMPERATURE, "°C" },
  { "apparent_temperature", MP2_FAKE_WEATHER_APPARENT_TEMPERATURE, "°C" },
  { "precipitation_probability", MP2_FAKE_WEATHER_PRECIPITATION_PROBABILITY, "%" },
  { "precipitation", MP2_FAKE_WEATHER_PRECIPITATION, "mm" },
  { "weather_code", MP2_FAKE_WEATHER_WEATHER_CODE, "wmo code" },
  { "wind_speed_10m", MP2_FAKE_WEATHER_WIND_SPEED, NULL },
  { "wind_gusts_10m", MP2_FAKE_WEATHER_WIND_GUSTS, NULL },
};

static const char * const open_meteo_daily[] = { "sunrise", "sunset", NULL };

/* A question of Open-Meteo, as read from the query. */
typedef struct
{
  double      latitude;
  double      longitude;
  char      **hourly;
  char      **daily;
  GTimeZone  *zone;
  const char *zone_name;
  const char *wind_unit;
  double      wind_factor;
  gboolean    unixtime;
  GDate       start;
  GDate       end;
} OpenMeteoQuery;

static void
open_meteo_query_clear (OpenMeteoQuery *query)
{
  g_clear_pointer (&query->hourly, g_strfreev);
  g_clear_pointer (&query->daily, g_strfreev);
  g_clear_pointer (&query->zone, g_time_zone_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OpenMeteoQuery, open_meteo_query_clear)

static gint
find_hourly (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (open_meteo_hourly); i++)
    {
      if (g_str_equal (open_meteo_hourly[i].name, name))
        return i;
    }

  return -1;
}

static char *
read_variables (const char   *text,
                const char   *key,
                char       ***variables)
{
  *variables = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; (*variables)[i] != NULL; i++)
    {
      const char *name = (*variables)[i];
      gboolean known = g_str_equal (key, "hourly") ? find_hourly (name) >= 0
                                                   : g_strv_contains (open_meteo_daily, name);

      if (!known)
        return g_strdup_printf ("Cannot initialize WeatherVariable from invalid String value "
                                "%s for key %s", name, key);
    }

  return NULL;
}

static char *
read_time_zone (GHashTable     *params,
                OpenMeteoQuery *query)
{
  const char *name = g_hash_table_lookup (params, "timezone");

  if (name == NULL || g_str_equal (name, "GMT") || g_str_equal (name, "UTC"))
    {
      query->zone = g_time_zone_new_utc ();
      query->zone_name = "GMT";
      return NULL;
    }

  query->zone = g_time_zone_new_identifier (name);
  query->zone_name = name;
  if (query->zone == NULL || strchr (name, '/') == NULL)
    return g_strdup ("Invalid timezone");

  return NULL;
}

static char *
read_units (GHashTable     *params,
            OpenMeteoQuery *query)
{
  const char *wind = g_hash_table_lookup (params, "wind_speed_unit");
  const char *format = g_hash_table_lookup (params, "timeformat");

  query->wind_unit = "km/h";
  query->wind_factor = 3.6;
  if (g_strcmp0 (wind, "ms") == 0)
    {
      query->wind_unit = "m/s";
      query->wind_factor = 1.0;
    }
  else if (g_strcmp0 (wind, "mph") == 0)
    {
      query->wind_unit = "mp/h";
      query->wind_factor = 2.23694;
    }
  else if (g_strcmp0 (wind, "kn") == 0)
    {
      query->wind_unit = "kn";
      query->wind_factor = 1.94384;
    }
  else if (wind != NULL && !g_str_equal (wind, "kmh"))
    {
      return g_strdup_printf ("Cannot initialize WindspeedUnit from invalid String value %s "
                              "for key wind_speed_unit", wind);
    }

  query->unixtime = g_strcmp0 (format, "unixtime") == 0;
  if (format != NULL && !query->unixtime && !g_str_equal (format, "iso8601"))
    return g_strdup_printf ("Cannot initialize Timeformat from invalid String value %s for "
                            "key timeformat", format);

  return NULL;
}

static char *
read_dates (GHashTable     *params,
            guint           past_days,
            OpenMeteoQuery *query)
{
  const char *start = g_hash_table_lookup (params, "start_date");
  const char *end = g_hash_table_lookup (params, "end_date");
  GDate first, last;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  get_today (query->zone, &first);
  last = first;
  g_date_subtract_days (&first, past_days);
  g_date_add_days (&last, OPEN_METEO_FORECAST_DAYS - 1);
  first_text = format_date (&first);
  last_text = format_date (&last);

  if (start == NULL && end == NULL)
    {
      get_today (query->zone, &query->start);
      query->end = query->start;
      g_date_add_days (&query->end, 6);
      return NULL;
    }

  if (start == NULL || end == NULL)
    return g_strdup ("Parameter 'start_date' and 'end_date' must be set together");

  if (!parse_date (start, &query->start))
    return g_strdup_printf ("Invalid date format. Make sure to use 'YYYY-MM-DD'. Given: %s",
                            start);
  if (!parse_date (end, &query->end))
    return g_strdup_printf ("Invalid date format. Make sure to use 'YYYY-MM-DD'. Given: %s", end);

  if (g_date_compare (&query->start, &first) < 0 || g_date_compare (&query->start, &last) > 0)
    return g_strdup_printf ("Parameter 'start_date' is out of allowed range from %s to %s",
                            first_text, last_text);
  if (g_date_compare (&query->end, &first) < 0 || g_date_compare (&query->end, &last) > 0)
    return g_strdup_printf ("Parameter 'end_date' is out of allowed range from %s to %s",
                            first_text, last_text);
  if (g_date_compare (&query->end, &query->start) < 0)
    return g_strdup ("End-date must be larger or equals than start-date");

  return NULL;
}

static char *
read_place (GHashTable     *params,
            OpenMeteoQuery *query)
{
  const char *latitude = g_hash_table_lookup (params, "latitude");
  const char *longitude = g_hash_table_lookup (params, "longitude");

  if (!mp2_fake_weather_parse_double (latitude, &query->latitude) ||
      !mp2_fake_weather_parse_double (longitude, &query->longitude))
    return g_strdup ("Parameter 'latitude' and 'longitude' must be set");

  if (fabs (query->latitude) > 90)
    return g_strdup_printf ("Latitude must be in range of -90 to 90°. Given: %g.",
                            query->latitude);
  if (fabs (query->longitude) > 180)
    return g_strdup_printf ("Longitude must be in range of -180 to 180°. Given: %g.",
                            query->longitude);

  return NULL;
}

/* The question, or the reason of a 400. */
static char *
read_open_meteo_query (Mp2FakeWeather *self,
                       GHashTable     *params,
                       OpenMeteoQuery *query)
{
  char *reason;

  if ((reason = read_place (params, query)) != NULL ||
      (reason = read_variables (g_hash_table_lookup (params, "hourly"), "hourly",
                                &query->hourly)) != NULL ||
      (reason = read_variables (g_hash_table_lookup (params, "daily"), "daily",
                                &query->daily)) != NULL ||
      (reason = read_time_zone (params, query)) != NULL ||
      (reason = read_units (params, query)) != NULL ||
      (reason = read_dates (params, self->past_days, query)) != NULL)
    return reason;

  if (query->daily[0] != NULL && g_hash_table_lookup (params, "timezone") == NULL)
    return g_strdup ("Timezone is required");

  return NULL;
}

static void
add_time_value (JsonBuilder       *builder,
                GDateTime         *time,
                const char        *format,
                gboolean           unixtime)
{
  if (unixtime)
    {
      json_builder_add_int_value (builder, g_date_time_to_unix (time));
    }
  else
    {
      g_autofree char *text = g_date_time_format (time, format);

      json_builder_add_string_value (builder, text);
    }
}

static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (value == round (value))
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static GPtrArray *
list_hours (const OpenMeteoQuery *query)
{
  GPtrArray *hours = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) time = new_midnight (query->zone, &query->start);
  g_autoptr(GDateTime) last_midnight = new_midnight (query->zone, &query->end);
  g_autoptr(GDateTime) end = g_date_time_add_days (last_midnight, 1);

  while (g_date_time_compare (time, end) < 0)
    {
      GDateTime *next = g_date_time_add_hours (time, 1);

      g_ptr_array_add (hours, g_steal_pointer (&time));
      time = next;
    }

  return hours;
}

static void
add_hourly_values (Mp2FakeWeather       *self,
                   JsonBuilder          *builder,
                   const OpenMeteoQuery *query,
                   GPtrArray            *hours,
                   const char           *name)
{
  Mp2FakeWeatherField field = open_meteo_hourly[find_hourly (name)].field;
  gboolean wind = field == MP2_FAKE_WEATHER_WIND_SPEED || field == MP2_FAKE_WEATHER_WIND_GUSTS;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < hours->len; i++)
    {
      double value = mp2_fake_weather_get_value (self, field, g_ptr_array_index (hours, i));

      if (wind)
        value *= query->wind_factor;
      add_number (builder, mp2_fake_weather_round_to (value, 0.1));
    }
  json_builder_end_array (builder);
}

static void
add_hourly (Mp2FakeWeather       *self,
            JsonBuilder          *builder,
            const OpenMeteoQuery *query)
{
  g_autoptr(GPtrArray) hours = list_hours (query);

  json_builder_set_member_name (builder, "hourly_units");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, query->unixtime ? "unixtime" : "iso8601");
  for (guint i = 0; query->hourly[i] != NULL; i++)
    {
      const char *unit = open_meteo_hourly[find_hourly (query->hourly[i])].unit;

      json_builder_set_member_name (builder, query->hourly[i]);
      json_builder_add_string_value (builder, unit != NULL ? unit : query->wind_unit);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "hourly");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hours->len; i++)
    add_time_value (builder, g_ptr_array_index (hours, i), "%Y-%m-%dT%H:%M", query->unixtime);
  json_builder_end_array (builder);
  for (guint i = 0; query->hourly[i] != NULL; i++)
    add_hourly_values (self, builder, query, hours, query->hourly[i]);
  json_builder_end_object (builder);
}

static void
add_daily_values (JsonBuilder          *builder,
                  const OpenMeteoQuery *query,
                  const char           *name)
{
  GDate date = query->start;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (; g_date_compare (&date, &query->end) <= 0; g_date_add_days (&date, 1))
    {
      g_autoptr(GDateTime) midnight = new_midnight (query->zone, &date);
      g_autoptr(GDateTime) time = NULL;

      if (g_str_equal (name, "time"))
        time = g_date_time_ref (midnight);
      else if (g_str_equal (name, "sunrise"))
        time = mp2_fake_weather_new_sun_time (midnight, MP2_FAKE_WEATHER_SUNRISE_HOUR,
                                              MP2_FAKE_WEATHER_SUNRISE_MINUTE);
      else
        time = mp2_fake_weather_new_sun_time (midnight, MP2_FAKE_WEATHER_SUNSET_HOUR,
                                              MP2_FAKE_WEATHER_SUNSET_MINUTE);

      add_time_value (builder, time, g_str_equal (name, "time") ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M",
                      query->unixtime);
    }
  json_builder_end_array (builder);
}

static void
add_daily (JsonBuilder          *builder,
           const OpenMeteoQuery *query)
{
  const char *format = query->unixtime ? "unixtime" : "iso8601";

  json_builder_set_member_name (builder, "daily_units");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, format);
  for (guint i = 0; query->daily[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, query->daily[i]);
      json_builder_add_string_value (builder, format);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "daily");
  json_builder_begin_object (builder);
  add_daily_values (builder, query, "time");
  for (guint i = 0; query->daily[i] != NULL; i++)
    add_daily_values (builder, query, query->daily[i]);
  json_builder_end_object (builder);
}

/* The answer, in the members and order of forecast_warsaw.constructed.json. */
static JsonNode *
build_open_meteo_answer (Mp2FakeWeather       *self,
                         const OpenMeteoQuery *query)
{
  g_autoptr(JsonNode) sample = mp2_fake_weather_load_sample (SAMPLE_FORECAST);
  JsonObject *template = json_node_get_object (sample);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) start = new_midnight (query->zone, &query->start);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "latitude");
  json_builder_add_double_value (builder, mp2_fake_weather_round_to (query->latitude, 0.01));
  json_builder_set_member_name (builder, "longitude");
  json_builder_add_double_value (builder, mp2_fake_weather_round_to (query->longitude, 0.01));
  json_builder_set_member_name (builder, "generationtime_ms");
  json_builder_add_double_value (builder,
                                 json_object_get_double_member (template, "generationtime_ms"));
  json_builder_set_member_name (builder, "utc_offset_seconds");
  json_builder_add_int_value (builder, g_date_time_get_utc_offset (start) / G_TIME_SPAN_SECOND);
  json_builder_set_member_name (builder, "timezone");
  json_builder_add_string_value (builder, query->zone_name);
  json_builder_set_member_name (builder, "timezone_abbreviation");
  json_builder_add_string_value (builder, g_date_time_get_timezone_abbreviation (start));
  json_builder_set_member_name (builder, "elevation");
  json_builder_add_double_value (builder, json_object_get_double_member (template, "elevation"));
  if (query->hourly[0] != NULL)
    add_hourly (self, builder, query);
  if (query->daily[0] != NULL)
    add_daily (builder, query);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
reply_open_meteo_error (SoupServerMessage *msg,
                        const char        *reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  mp2_fake_weather_reply_json (msg, SOUP_STATUS_BAD_REQUEST, node);
}

void
mp2_fake_weather_handle_open_meteo (Mp2FakeWeather    *self,
                                    SoupServerMessage *msg,
                                    GHashTable        *params)
{
  g_auto(OpenMeteoQuery) query = { 0 };
  g_autofree char *reason = NULL;
  const Mp2FakeScriptedFault *fault;

  mp2_fake_weather_check_parameters (self, API_OPEN_METEO, params, open_meteo_parameters);

  reason = read_open_meteo_query (self, params, &query);
  if (reason != NULL)
    {
      mp2_fake_weather_add_violation (self, "open-meteo: %s", reason);
      reply_open_meteo_error (msg, reason);
      return;
    }

  fault = mp2_fake_fault_script_take (self->faults, API_OPEN_METEO);
  if (fault != NULL)
    {
      reply_open_meteo_fault (msg, fault->fault);
      return;
    }

  {
    g_autoptr(JsonNode) answer = build_open_meteo_answer (self, &query);

    mp2_fake_weather_reply_json (msg, SOUP_STATUS_OK, answer);
  }
}
