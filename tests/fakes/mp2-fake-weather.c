/* mp2-fake-weather.c
 *
 * The fake weather services (see mp2-fake-weather.h): Open-Meteo's /v1/forecast and
 * OpenWeatherMap's /data/2.5/forecast, answering for any place and day from one
 * weather, in the shapes of the contract samples compiled in from
 * tests/data/contracts/samples (open_meteo, openweathermap).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-weather"

#include "config.h"

#include "mp2-fake-weather.h"

#include "mp2-fake-weather-resources.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define RESOURCE_PREFIX "/com/mp2/FakeWeather/samples/"

/* Open-Meteo's forecast reaches 16 days, today included, and 92 days back. */
#define OPEN_METEO_FORECAST_DAYS 16
#define OPEN_METEO_PAST_DAYS     92
/* OpenWeatherMap: 40 steps of 3 hours. */
#define OWM_STEPS                40
#define OWM_STEP_SECONDS         (3 * 60 * 60)

typedef enum
{
  API_OPEN_METEO,
  API_OPENWEATHERMAP,
  N_APIS
} Api;

static const char * const api_names[N_APIS] = { "open-meteo", "openweathermap" };

typedef struct
{
  Mp2FakeWeatherField  field;
  GDateTime           *from;
  GDateTime           *until;
  double               value;
} Setting;

typedef struct
{
  guint               id;
  Api                 api;
  Mp2FakeWeatherFault fault;
  guint               skip;
  guint               count;   /* 0: always */
  guint               seen;
  guint               hits;
} Fault;

struct _Mp2FakeWeather
{
  GObject      parent_instance;

  SoupServer  *server;
  char        *url;

  GArray      *settings;     /* Setting */
  GTimeZone   *zone;
  char        *api_key;
  gboolean     numeric_cod;
  guint        past_days;

  GPtrArray   *faults;       /* Fault */
  guint        last_fault_id;

  guint        counts[N_APIS];
  GHashTable  *last_query[N_APIS];
  GPtrArray   *violations;   /* char * */
};

G_DEFINE_FINAL_TYPE (Mp2FakeWeather, mp2_fake_weather, G_TYPE_OBJECT)

/* Helpers */

static gboolean
lookup_api (const char *name,
            Api        *api)
{
  for (guint i = 0; i < N_APIS; i++)
    {
      if (g_strcmp0 (name, api_names[i]) == 0)
        {
          *api = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_violation (Mp2FakeWeather *self,
               const char     *format,
               ...) G_GNUC_PRINTF (2, 3);

static void
add_violation (Mp2FakeWeather *self,
               const char     *format,
               ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_message ("Contract violation: %s", text);
  g_ptr_array_add (self->violations, text);
}

static JsonNode *
load_sample (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (mp2_fake_weather_data_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert (bytes != NULL);
  node = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);

  return node;
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static void
reply_sample (SoupServerMessage *msg,
              guint              status,
              const char        *name)
{
  g_autoptr(JsonNode) node = load_sample (name);

  reply_json (msg, status, node);
}

static void
reply_unavailable (SoupServerMessage *msg)
{
  static const char page[] = "<html><body><h1>503 Service Unavailable</h1></body></html>\n";

  soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

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

static gboolean
check_parameters (Mp2FakeWeather     *self,
                  Api                 api,
                  GHashTable         *query,
                  const char * const *known)
{
  GHashTableIter iter;
  gpointer name;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      if (!g_strv_contains (known, name))
        {
          add_violation (self, "%s: unknown parameter “%s”", api_names[api], (char *) name);
          ok = FALSE;
        }
    }

  return ok;
}

/* The weather */

static double
round_to (double value,
          double step)
{
  return isnan (value) ? value : round (value / step) * step;
}

static double
get_default_value (Mp2FakeWeather      *self,
                   Mp2FakeWeatherField  field,
                   GDateTime           *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, self->zone);
  double hour = g_date_time_get_hour (local);

  switch (field)
    {
    case MP2_FAKE_WEATHER_TEMPERATURE:
      return 10.0 + hour / 2;
    case MP2_FAKE_WEATHER_APPARENT_TEMPERATURE:
      return 8.0 + hour / 2;
    case MP2_FAKE_WEATHER_PRECIPITATION_PROBABILITY:
      return 10.0;
    case MP2_FAKE_WEATHER_PRECIPITATION:
      return 0.0;
    case MP2_FAKE_WEATHER_WEATHER_CODE:
      return 2.0;
    case MP2_FAKE_WEATHER_WIND_SPEED:
      return 4.0;
    case MP2_FAKE_WEATHER_WIND_GUSTS:
      return 7.0;
    default:
      g_assert_not_reached ();
    }
}

static double
get_value (Mp2FakeWeather      *self,
           Mp2FakeWeatherField  field,
           GDateTime           *time)
{
  for (guint i = self->settings->len; i > 0; i--)
    {
      const Setting *setting = &g_array_index (self->settings, Setting, i - 1);

      if (setting->field == field && g_date_time_compare (setting->from, time) <= 0 &&
          g_date_time_compare (time, setting->until) < 0)
        return setting->value;
    }

  return get_default_value (self, field, time);
}

/* Sunrise or sunset on the local day that starts at @midnight. */
static GDateTime *
new_sun_time (GDateTime *midnight,
              int        hour,
              int        minute)
{
  return g_date_time_new (g_date_time_get_timezone (midnight), g_date_time_get_year (midnight),
                          g_date_time_get_month (midnight),
                          g_date_time_get_day_of_month (midnight), hour, minute, 0);
}

/* Faults */

static Fault *
take_fault (Mp2FakeWeather *self,
            Api             api)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults, i);

      if (fault->api != api)
        continue;

      fault->seen++;
      if (fault->seen <= fault->skip)
        continue;
      if (fault->count != 0 && fault->hits >= fault->count)
        continue;

      fault->hits++;
      return fault;
    }

  return NULL;
}

static void
reply_open_meteo_fault (SoupServerMessage   *msg,
                        Mp2FakeWeatherFault  fault)
{
  switch (fault)
    {
    case MP2_FAKE_WEATHER_FAULT_RATE_LIMIT:
      reply_sample (msg, 429, "open_meteo/error_429_daily_limit.observed.json");
      break;
    case MP2_FAKE_WEATHER_FAULT_MINUTE_LIMIT:
      reply_sample (msg, 429, "open_meteo/error_429_minutely_limit.assembled.json");
      break;
    case MP2_FAKE_WEATHER_FAULT_BAD_REQUEST:
    case MP2_FAKE_WEATHER_FAULT_KEY_REJECTED:
      reply_sample (msg, 400, "open_meteo/error_400.docs.json");
      break;
    case MP2_FAKE_WEATHER_FAULT_SERVER_ERROR:
    default:
      reply_unavailable (msg);
      break;
    }
}

static void
reply_owm_fault (SoupServerMessage   *msg,
                 Mp2FakeWeatherFault  fault)
{
  switch (fault)
    {
    case MP2_FAKE_WEATHER_FAULT_RATE_LIMIT:
    case MP2_FAKE_WEATHER_FAULT_MINUTE_LIMIT:
      reply_sample (msg, 429, "openweathermap/error_429_blocked.observed.json");
      break;
    case MP2_FAKE_WEATHER_FAULT_BAD_REQUEST:
      reply_sample (msg, 404, "openweathermap/error_404_city_not_found.constructed.json");
      break;
    case MP2_FAKE_WEATHER_FAULT_KEY_REJECTED:
      reply_sample (msg, 401, "openweathermap/error_401_invalid_api_key.observed.json");
      break;
    case MP2_FAKE_WEATHER_FAULT_SERVER_ERROR:
    default:
      reply_unavailable (msg);
      break;
    }
}

/* Open-Meteo */

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
  if (!parse_double (g_hash_table_lookup (params, "latitude"), &query->latitude) ||
      !parse_double (g_hash_table_lookup (params, "longitude"), &query->longitude))
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
      double value = get_value (self, field, g_ptr_array_index (hours, i));

      add_number (builder, round_to (wind ? value * query->wind_factor : value, 0.1));
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
        time = new_sun_time (midnight, MP2_FAKE_WEATHER_SUNRISE_HOUR,
                             MP2_FAKE_WEATHER_SUNRISE_MINUTE);
      else
        time = new_sun_time (midnight, MP2_FAKE_WEATHER_SUNSET_HOUR,
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
  g_autoptr(JsonNode) sample = load_sample ("open_meteo/forecast_warsaw.constructed.json");
  JsonObject *template = json_node_get_object (sample);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) start = new_midnight (query->zone, &query->start);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "latitude");
  json_builder_add_double_value (builder, round_to (query->latitude, 0.01));
  json_builder_set_member_name (builder, "longitude");
  json_builder_add_double_value (builder, round_to (query->longitude, 0.01));
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

  reply_json (msg, SOUP_STATUS_BAD_REQUEST, node);
}

static void
handle_open_meteo (Mp2FakeWeather    *self,
                   SoupServerMessage *msg,
                   GHashTable        *params)
{
  g_auto(OpenMeteoQuery) query = { 0 };
  g_autofree char *reason = NULL;
  Fault *fault;

  check_parameters (self, API_OPEN_METEO, params, open_meteo_parameters);

  reason = read_open_meteo_query (self, params, &query);
  if (reason != NULL)
    {
      add_violation (self, "open-meteo: %s", reason);
      reply_open_meteo_error (msg, reason);
      return;
    }

  fault = take_fault (self, API_OPEN_METEO);
  if (fault != NULL)
    {
      reply_open_meteo_fault (msg, fault->fault);
      return;
    }

  {
    g_autoptr(JsonNode) answer = build_open_meteo_answer (self, &query);

    reply_json (msg, SOUP_STATUS_OK, answer);
  }
}

/* OpenWeatherMap */

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
    json_object_set_double_member (object, name, round_to (value, 0.01));
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
      double hour_probability = get_value (self, MP2_FAKE_WEATHER_PRECIPITATION_PROBABILITY, hour);
      double hour_rain = get_value (self, MP2_FAKE_WEATHER_PRECIPITATION, hour);

      if (!isnan (hour_probability))
        *probability = isnan (*probability) ? hour_probability : MAX (*probability, hour_probability);
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

/* One step, made from the first item of forecast_5day_3h.docs.json. */
static JsonNode *
build_owm_item (Mp2FakeWeather *self,
                JsonObject     *template,
                gint64          dt,
                Units           units)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (dt);
  JsonNode *node = copy_deep (json_array_get_element (json_object_get_array_member (template,
                                                                                     "list"), 0));
  JsonObject *item = json_node_get_object (node);
  JsonObject *main_values = json_object_get_object_member (item, "main");
  JsonObject *wind = json_object_get_object_member (item, "wind");
  double temperature = convert_temperature (get_value (self, MP2_FAKE_WEATHER_TEMPERATURE, time),
                                            units);
  g_autofree char *dt_txt = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
  double probability, rain;
  gboolean day = is_day (self, time);

  sum_step (self, time, &probability, &rain);

  json_object_set_int_member (item, "dt", dt);
  set_or_remove (main_values, "temp", temperature);
  set_or_remove (main_values, "temp_min", temperature);
  set_or_remove (main_values, "temp_max", temperature);
  set_or_remove (main_values, "feels_like",
                 convert_temperature (get_value (self, MP2_FAKE_WEATHER_APPARENT_TEMPERATURE,
                                                 time), units));
  set_owm_weather (item, get_value (self, MP2_FAKE_WEATHER_WEATHER_CODE, time), day);
  set_or_remove (wind, "speed", convert_speed (get_value (self, MP2_FAKE_WEATHER_WIND_SPEED,
                                                          time), units));
  set_or_remove (wind, "gust", convert_speed (get_value (self, MP2_FAKE_WEATHER_WIND_GUSTS,
                                                         time), units));
  set_or_remove (item, "pop", probability / 100);
  if (rain > 0)
    {
      JsonObject *rain_object = json_object_new ();

      json_object_set_double_member (rain_object, "3h", round_to (rain, 0.01));
      json_object_set_object_member (item, "rain", rain_object);
    }
  else if (json_object_has_member (item, "rain"))
    {
      json_object_remove_member (item, "rain");
    }
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
  g_autoptr(GDateTime) sunrise = new_sun_time (midnight, MP2_FAKE_WEATHER_SUNRISE_HOUR,
                                               MP2_FAKE_WEATHER_SUNRISE_MINUTE);
  g_autoptr(GDateTime) sunset = new_sun_time (midnight, MP2_FAKE_WEATHER_SUNSET_HOUR,
                                              MP2_FAKE_WEATHER_SUNSET_MINUTE);
  JsonObject *coord = json_object_get_object_member (city, "coord");

  json_object_set_double_member (coord, "lat", round_to (latitude, 0.0001));
  json_object_set_double_member (coord, "lon", round_to (longitude, 0.0001));
  json_object_set_int_member (city, "timezone", g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND);
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
  JsonNode *answer = load_sample ("openweathermap/forecast_5day_3h.docs.json");
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

  reply_json (msg, SOUP_STATUS_BAD_REQUEST, node);
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
    add_violation (self, "openweathermap: units=%s is not a unit system", text);
}

static void
handle_openweathermap (Mp2FakeWeather    *self,
                       SoupServerMessage *msg,
                       GHashTable        *params)
{
  const char *key = g_hash_table_lookup (params, "appid");
  const char *count_text = g_hash_table_lookup (params, "cnt");
  double latitude, longitude;
  guint64 count = OWM_STEPS;
  Units units;
  Fault *fault;

  check_parameters (self, API_OPENWEATHERMAP, params, owm_parameters);

  if (g_strcmp0 (key, self->api_key) != 0)
    {
      reply_sample (msg, 401, "openweathermap/error_401_invalid_api_key.observed.json");
      return;
    }

  if (!parse_double (g_hash_table_lookup (params, "lat"), &latitude) ||
      !parse_double (g_hash_table_lookup (params, "lon"), &longitude))
    {
      add_violation (self, "openweathermap: no lat and lon");
      reply_owm_error (msg, "Nothing to geocode");
      return;
    }

  if (fabs (latitude) > 90 || fabs (longitude) > 180)
    {
      add_violation (self, "openweathermap: lat %g, lon %g", latitude, longitude);
      reply_owm_error (msg, fabs (latitude) > 90 ? "wrong latitude" : "wrong longitude");
      return;
    }

  if (count_text != NULL &&
      !g_ascii_string_to_unsigned (count_text, 10, 1, OWM_STEPS, &count, NULL))
    add_violation (self, "openweathermap: cnt=%s", count_text);

  read_units_parameter (self, g_hash_table_lookup (params, "units"), &units);

  fault = take_fault (self, API_OPENWEATHERMAP);
  if (fault != NULL)
    {
      reply_owm_fault (msg, fault->fault);
      return;
    }

  {
    g_autoptr(JsonNode) answer = build_owm_answer (self, latitude, longitude, units, count);

    reply_json (msg, SOUP_STATUS_OK, answer);
  }
}

/* The server */

static void
record_request (Mp2FakeWeather *self,
                Api             api,
                GHashTable     *query)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer name, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &name, &value))
        g_hash_table_insert (copy, g_strdup (name), g_strdup (value));
    }

  self->counts[api]++;
  g_clear_pointer (&self->last_query[api], g_hash_table_unref);
  self->last_query[api] = copy;
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Mp2FakeWeather *self = MP2_FAKE_WEATHER (user_data);
  g_autoptr(GHashTable) empty = NULL;
  Api api;

  if (query == NULL)
    query = empty = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_str_equal (path, "/v1/forecast"))
    api = API_OPEN_METEO;
  else if (g_str_equal (path, "/data/2.5/forecast"))
    api = API_OPENWEATHERMAP;
  else
    {
      add_violation (self, "no service at %s", path);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  record_request (self, api, query);

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      add_violation (self, "%s: %s instead of GET", api_names[api],
                     soup_server_message_get_method (msg));
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  if (api == API_OPEN_METEO)
    handle_open_meteo (self, msg, query);
  else
    handle_openweathermap (self, msg, query);
}

static void
clear_setting (gpointer data)
{
  Setting *setting = data;

  g_clear_pointer (&setting->from, g_date_time_unref);
  g_clear_pointer (&setting->until, g_date_time_unref);
}

static void
mp2_fake_weather_finalize (GObject *object)
{
  Mp2FakeWeather *self = MP2_FAKE_WEATHER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->settings, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  for (guint i = 0; i < N_APIS; i++)
    g_clear_pointer (&self->last_query[i], g_hash_table_unref);
  g_clear_pointer (&self->violations, g_ptr_array_unref);

  G_OBJECT_CLASS (mp2_fake_weather_parent_class)->finalize (object);
}

static void
mp2_fake_weather_class_init (Mp2FakeWeatherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp2_fake_weather_finalize;
}

static void
mp2_fake_weather_init (Mp2FakeWeather *self)
{
  self->settings = g_array_new (FALSE, TRUE, sizeof (Setting));
  g_array_set_clear_func (self->settings, clear_setting);
  self->zone = g_time_zone_new_identifier ("Europe/Warsaw");
  g_assert (self->zone != NULL);
  self->api_key = g_strdup (MP2_FAKE_WEATHER_API_KEY);
  self->past_days = OPEN_METEO_PAST_DAYS;
  self->faults = g_ptr_array_new_with_free_func (g_free);
  self->violations = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mp2_fake_weather_new:
 * @error: where to report a failure to listen
 *
 * Starts the fake on a free port of 127.0.0.1, in the thread-default main context.
 *
 * Returns: (transfer full) (nullable): the fake
 */
Mp2FakeWeather *
mp2_fake_weather_new (GError **error)
{
  g_autoptr(Mp2FakeWeather) self = g_object_new (MP2_TYPE_FAKE_WEATHER, NULL);
  GSList *uris;
  guint port;

  self->server = soup_server_new ("server-header", "mp2-fake-weather", NULL);
  soup_server_add_handler (self->server, NULL, on_request_cb, self, NULL);

  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return NULL;

  uris = soup_server_get_uris (self->server);
  g_assert (uris != NULL);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->url = g_strdup_printf ("http://127.0.0.1:%u/", port);

  return g_steal_pointer (&self);
}

const char *
mp2_fake_weather_get_url (Mp2FakeWeather *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), NULL);

  return self->url;
}

void
mp2_fake_weather_export_environment (Mp2FakeWeather *self)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  g_setenv ("MP2_OPEN_METEO_URL", self->url, TRUE);
  g_setenv ("MP2_OPENWEATHERMAP_URL", self->url, TRUE);
}

void
mp2_fake_weather_set_value (Mp2FakeWeather      *self,
                            Mp2FakeWeatherField  field,
                            GDateTime           *from,
                            GDateTime           *until,
                            double               value)
{
  Setting setting;

  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));
  g_return_if_fail (from != NULL && until != NULL);

  setting.field = field;
  setting.from = g_date_time_ref (from);
  setting.until = g_date_time_ref (until);
  setting.value = value;
  g_array_append_val (self->settings, setting);
}

void
mp2_fake_weather_set_time_zone (Mp2FakeWeather *self,
                                GTimeZone      *zone)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));
  g_return_if_fail (zone != NULL);

  g_time_zone_unref (self->zone);
  self->zone = g_time_zone_ref (zone);
}

void
mp2_fake_weather_set_api_key (Mp2FakeWeather *self,
                              const char     *api_key)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  g_free (self->api_key);
  self->api_key = g_strdup (api_key);
}

void
mp2_fake_weather_set_past_days (Mp2FakeWeather *self,
                                guint           days)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  self->past_days = days;
}

void
mp2_fake_weather_set_numeric_cod (Mp2FakeWeather *self,
                                  gboolean        numeric)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  self->numeric_cod = !!numeric;
}

guint
mp2_fake_weather_add_fault (Mp2FakeWeather      *self,
                            const char          *api,
                            Mp2FakeWeatherFault  fault,
                            guint                skip,
                            guint                count)
{
  Fault *entry;
  Api which;

  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), 0);
  g_return_val_if_fail (lookup_api (api, &which), 0);

  entry = g_new0 (Fault, 1);
  entry->id = ++self->last_fault_id;
  entry->api = which;
  entry->fault = fault;
  entry->skip = skip;
  entry->count = count;
  g_ptr_array_add (self->faults, entry);

  return entry->id;
}

guint
mp2_fake_weather_get_fault_hits (Mp2FakeWeather *self,
                                 guint           fault_id)
{
  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), 0);

  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults, i);

      if (fault->id == fault_id)
        return fault->hits;
    }

  return 0;
}

void
mp2_fake_weather_clear_faults (Mp2FakeWeather *self)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  g_ptr_array_set_size (self->faults, 0);
}

guint
mp2_fake_weather_get_request_count (Mp2FakeWeather *self,
                                    const char     *api)
{
  Api which;

  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), 0);
  g_return_val_if_fail (lookup_api (api, &which), 0);

  return self->counts[which];
}

void
mp2_fake_weather_reset_request_counts (Mp2FakeWeather *self)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  for (guint i = 0; i < N_APIS; i++)
    {
      self->counts[i] = 0;
      g_clear_pointer (&self->last_query[i], g_hash_table_unref);
    }
}

const char *
mp2_fake_weather_get_last_parameter (Mp2FakeWeather *self,
                                     const char     *api,
                                     const char     *name)
{
  Api which;

  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), NULL);
  g_return_val_if_fail (lookup_api (api, &which), NULL);

  if (self->last_query[which] == NULL)
    return NULL;

  return g_hash_table_lookup (self->last_query[which], name);
}

GPtrArray *
mp2_fake_weather_get_violations (Mp2FakeWeather *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_WEATHER (self), NULL);

  return self->violations;
}

void
mp2_fake_weather_clear_violations (Mp2FakeWeather *self)
{
  g_return_if_fail (MP2_IS_FAKE_WEATHER (self));

  g_ptr_array_set_size (self->violations, 0);
}
