/* mp2-forecast.c
 *
 * The forecast of a working day: its hours (WMO weather codes, °C, %, mm, m/s; NAN
 * where the provider gave `null`), sunrise and sunset, the JSON the store keeps, and
 * the warnings a crew member needs: rain, wind, frost, heat, thunderstorm, fog.
 *
 * A provider's hours may be one hour or three hours long; an hour lasts until the
 * next one starts, and the last one as long as the one before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-forecast"

#include "config.h"

#include "mp2-forecast.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* The longest step a provider has (OpenWeatherMap's); a longer gap between two
 * hours is a gap in the forecast, not one long hour. */
#define MAX_STEP (3 * G_TIME_SPAN_HOUR)

G_DEFINE_BOXED_TYPE (Mp2Forecast, mp2_forecast, mp2_forecast_copy, mp2_forecast_free)

/* Hours */

static void
clear_hour (gpointer data)
{
  Mp2ForecastHour *hour = data;

  g_clear_pointer (&hour->time, g_date_time_unref);
}

/**
 * mp2_forecast_new:
 * @provider: the provider's id ("open-meteo", "openweathermap")
 *
 * Returns: (transfer full): a forecast without hours, fetched now
 */
Mp2Forecast *
mp2_forecast_new (const char *provider)
{
  Mp2Forecast *self;

  g_return_val_if_fail (provider != NULL, NULL);

  self = g_new0 (Mp2Forecast, 1);
  self->provider = g_strdup (provider);
  self->hours = g_array_new (FALSE, TRUE, sizeof (Mp2ForecastHour));
  g_array_set_clear_func (self->hours, clear_hour);
  self->fetched_at = g_get_real_time () / G_USEC_PER_SEC;

  return self;
}

/**
 * mp2_forecast_add_hour:
 * @self: a forecast
 * @hour: the hour to add after the others
 *
 * Copies @hour, with a reference on its time.
 */
void
mp2_forecast_add_hour (Mp2Forecast           *self,
                       const Mp2ForecastHour *hour)
{
  Mp2ForecastHour copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (hour != NULL);
  g_return_if_fail (hour->time != NULL);

  copy = *hour;
  copy.time = g_date_time_ref (hour->time);
  g_array_append_val (self->hours, copy);
}

/**
 * mp2_forecast_copy:
 * @self: a forecast
 *
 * Returns: (transfer full): a deep copy
 */
Mp2Forecast *
mp2_forecast_copy (const Mp2Forecast *self)
{
  Mp2Forecast *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = mp2_forecast_new (self->provider);
  for (guint i = 0; i < self->hours->len; i++)
    mp2_forecast_add_hour (copy, &g_array_index (self->hours, Mp2ForecastHour, i));
  copy->sunrise = self->sunrise != NULL ? g_date_time_ref (self->sunrise) : NULL;
  copy->sunset = self->sunset != NULL ? g_date_time_ref (self->sunset) : NULL;
  copy->fetched_at = self->fetched_at;

  return copy;
}

void
mp2_forecast_free (Mp2Forecast *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->provider, g_free);
  g_clear_pointer (&self->hours, g_array_unref);
  g_clear_pointer (&self->sunrise, g_date_time_unref);
  g_clear_pointer (&self->sunset, g_date_time_unref);
  g_free (self);
}

static const Mp2ForecastHour *
get_hour (const Mp2Forecast *self,
          guint              index)
{
  return &g_array_index (self->hours, Mp2ForecastHour, index);
}

/* How long the hour at @index lasts: until the next one, or as long as the one
 * before it; one hour when there is nothing to tell. */
static GTimeSpan
get_step (const Mp2Forecast *self,
          guint              index)
{
  GTimeSpan step = G_TIME_SPAN_HOUR;

  if (index + 1 < self->hours->len)
    step = g_date_time_difference (get_hour (self, index + 1)->time, get_hour (self, index)->time);
  else if (index > 0)
    step = g_date_time_difference (get_hour (self, index)->time, get_hour (self, index - 1)->time);

  if (step <= 0 || step > MAX_STEP)
    return G_TIME_SPAN_HOUR;

  return step;
}

/**
 * mp2_forecast_get_hour_at:
 * @self: a forecast
 * @time: a moment
 *
 * Returns: (nullable): the hour @time falls in: the last one starting at or before
 *   it, while it lasts; %NULL before the first or after the end of the last
 */
const Mp2ForecastHour *
mp2_forecast_get_hour_at (const Mp2Forecast *self,
                          GDateTime         *time)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  for (guint i = self->hours->len; i > 0; i--)
    {
      const Mp2ForecastHour *hour = get_hour (self, i - 1);
      GTimeSpan since = g_date_time_difference (time, hour->time);

      if (since < 0)
        continue;

      return since < get_step (self, i - 1) ? hour : NULL;
    }

  return NULL;
}

/* JSON */

static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *time)
{
  g_autofree char *text = time != NULL ? format_time (time) : NULL;

  json_builder_set_member_name (builder, name);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

/* A number, or null for NAN (JSON has no NAN). */
static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_hour (JsonBuilder           *builder,
          const Mp2ForecastHour *hour)
{
  json_builder_begin_object (builder);
  add_time (builder, "time", hour->time);
  add_number (builder, "temperature", hour->temperature);
  add_number (builder, "apparent_temperature", hour->apparent_temperature);
  add_number (builder, "precipitation_probability", hour->precipitation_probability);
  add_number (builder, "precipitation", hour->precipitation);
  json_builder_set_member_name (builder, "weather_code");
  if (hour->weather_code < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, hour->weather_code);
  add_number (builder, "wind_speed", hour->wind_speed);
  add_number (builder, "wind_gusts", hour->wind_gusts);
  json_builder_end_object (builder);
}

/**
 * mp2_forecast_to_json:
 * @self: a forecast
 *
 * The forecast as the store keeps it: `{"provider", "fetched_at", "sunrise",
 * "sunset", "hours": [{"time", "temperature", "apparent_temperature",
 * "precipitation_probability", "precipitation", "weather_code", "wind_speed",
 * "wind_gusts"}]}`, times in ISO 8601 with their offset (`fetched_at` in UTC),
 * `null` for what is not known.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
mp2_forecast_to_json (const Mp2Forecast *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) fetched_at = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  fetched_at = g_date_time_new_from_unix_utc (self->fetched_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "provider");
  json_builder_add_string_value (builder, self->provider);
  add_time (builder, "fetched_at", fetched_at);
  add_time (builder, "sunrise", self->sunrise);
  add_time (builder, "sunset", self->sunset);
  json_builder_set_member_name (builder, "hours");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->hours->len; i++)
    add_hour (builder, get_hour (self, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
get_value_member (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

static double
get_number (JsonObject *object,
            const char *name)
{
  JsonNode *node = get_value_member (object, name);
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return NAN;

  return json_node_get_double (node);
}

static GDateTime *
get_time (JsonObject *object,
          const char *name)
{
  JsonNode *node = get_value_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);
}

static gboolean
read_hour (JsonNode        *node,
           Mp2ForecastHour *hour)
{
  JsonObject *object;
  double code;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  hour->time = get_time (object, "time");
  if (hour->time == NULL)
    return FALSE;

  hour->temperature = get_number (object, "temperature");
  hour->apparent_temperature = get_number (object, "apparent_temperature");
  hour->precipitation_probability = get_number (object, "precipitation_probability");
  hour->precipitation = get_number (object, "precipitation");
  code = get_number (object, "weather_code");
  hour->weather_code = isnan (code) ? -1 : (int) code;
  hour->wind_speed = get_number (object, "wind_speed");
  hour->wind_gusts = get_number (object, "wind_gusts");

  return TRUE;
}

static void
read_hours (Mp2Forecast *self,
            JsonObject  *object)
{
  JsonNode *hours = json_object_get_member (object, "hours");
  JsonArray *array;

  if (hours == NULL || !JSON_NODE_HOLDS_ARRAY (hours))
    return;

  array = json_node_get_array (hours);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Mp2ForecastHour hour = { 0 };

      if (!read_hour (json_array_get_element (array, i), &hour))
        {
          g_debug ("Forecast hour %u is not one", i);
          continue;
        }

      mp2_forecast_add_hour (self, &hour);
      g_date_time_unref (hour.time);
    }
}

/**
 * mp2_forecast_from_json:
 * @node: what mp2_forecast_to_json() gave
 *
 * Reads a forecast back; `null` numbers become NAN (and a `null` weather code -1).
 * Times keep their offset, in a fixed-offset time zone.
 *
 * Returns: (transfer full) (nullable): the forecast, or %NULL when @node is not one
 */
Mp2Forecast *
mp2_forecast_from_json (JsonNode *node)
{
  g_autoptr(Mp2Forecast) self = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  JsonObject *object;
  JsonNode *provider;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  provider = get_value_member (object, "provider");
  if (provider == NULL || json_node_get_value_type (provider) != G_TYPE_STRING)
    return NULL;

  self = mp2_forecast_new (json_node_get_string (provider));
  fetched_at = get_time (object, "fetched_at");
  self->fetched_at = fetched_at != NULL ? g_date_time_to_unix (fetched_at) : 0;
  self->sunrise = get_time (object, "sunrise");
  self->sunset = get_time (object, "sunset");
  read_hours (self, object);

  return g_steal_pointer (&self);
}

/* Warnings */

/**
 * mp2_weather_thresholds_init:
 * @thresholds: the thresholds to set
 *
 * Sets the defaults: rain at 50 % or over 0.5 mm an hour, wind of 10 m/s, below
 * 0 °C, above 30 °C.
 */
void
mp2_weather_thresholds_init (Mp2WeatherThresholds *thresholds)
{
  g_return_if_fail (thresholds != NULL);

  thresholds->rain_probability = 50.0;
  thresholds->rain_amount = 0.5;
  thresholds->wind_speed = 10.0;
  thresholds->cold = 0.0;
  thresholds->heat = 30.0;
}

void
mp2_weather_warning_free (Mp2WeatherWarning *warning)
{
  if (warning == NULL)
    return;

  g_clear_pointer (&warning->from, g_date_time_unref);
  g_clear_pointer (&warning->until, g_date_time_unref);
  g_free (warning);
}

#define N_WARNING_KINDS (MP2_WEATHER_WARNING_FOG + 1)

static gboolean
is_thunderstorm (int code)
{
  return code == 95 || code == 96 || code == 99;
}

static gboolean
is_fog (int code)
{
  return code == 45 || code == 48;
}

/* Whether @hour calls for a warning of @kind (NAN never does). */
static gboolean
hour_warns (const Mp2ForecastHour      *hour,
            Mp2WeatherWarningKind       kind,
            const Mp2WeatherThresholds *thresholds)
{
  switch (kind)
    {
    case MP2_WEATHER_WARNING_RAIN:
      return hour->precipitation_probability >= thresholds->rain_probability ||
             hour->precipitation > thresholds->rain_amount;
    case MP2_WEATHER_WARNING_WIND:
      return hour->wind_speed >= thresholds->wind_speed;
    case MP2_WEATHER_WARNING_FROST:
      return hour->temperature < thresholds->cold;
    case MP2_WEATHER_WARNING_HEAT:
      return hour->temperature > thresholds->heat;
    case MP2_WEATHER_WARNING_THUNDERSTORM:
      return is_thunderstorm (hour->weather_code);
    case MP2_WEATHER_WARNING_FOG:
      return is_fog (hour->weather_code);
    default:
      g_assert_not_reached ();
    }
}

/* @a, or @b when it is worse (higher, or lower for @lowest); NAN loses. */
static double
worse (double   a,
       double   b,
       gboolean lowest)
{
  if (isnan (a))
    return b;
  if (isnan (b))
    return a;

  return lowest ? MIN (a, b) : MAX (a, b);
}

static void
add_to_warning (Mp2WeatherWarning     *warning,
                const Mp2ForecastHour *hour)
{
  switch (warning->kind)
    {
    case MP2_WEATHER_WARNING_RAIN:
      warning->value = worse (warning->value, hour->precipitation_probability, FALSE);
      warning->amount = worse (warning->amount, hour->precipitation, FALSE);
      break;
    case MP2_WEATHER_WARNING_WIND:
      warning->value = worse (warning->value, hour->wind_speed, FALSE);
      break;
    case MP2_WEATHER_WARNING_FROST:
      warning->value = worse (warning->value, hour->temperature, TRUE);
      break;
    case MP2_WEATHER_WARNING_HEAT:
      warning->value = worse (warning->value, hour->temperature, FALSE);
      break;
    case MP2_WEATHER_WARNING_THUNDERSTORM:
    case MP2_WEATHER_WARNING_FOG:
    default:
      break;
    }
}

static Mp2WeatherWarning *
new_warning (Mp2WeatherWarningKind kind,
             GDateTime            *from)
{
  Mp2WeatherWarning *warning = g_new0 (Mp2WeatherWarning, 1);

  warning->kind = kind;
  warning->from = g_date_time_ref (from);
  warning->value = NAN;
  warning->amount = NAN;

  return warning;
}

/* Whether the hour at @index overlaps the working day. */
static gboolean
hour_in_day (const Mp2Forecast *self,
             guint              index,
             GDateTime         *from,
             GDateTime         *until)
{
  GDateTime *start = get_hour (self, index)->time;
  g_autoptr(GDateTime) end = g_date_time_add (start, get_step (self, index));

  return g_date_time_compare (end, from) > 0 && g_date_time_compare (start, until) < 0;
}

/* The warnings of one kind: a run of hours that follow each other without a gap
 * and all call for it is one warning. */
static void
find_warnings_of_kind (const Mp2Forecast          *self,
                       Mp2WeatherWarningKind       kind,
                       GDateTime                  *from,
                       GDateTime                  *until,
                       const Mp2WeatherThresholds *thresholds,
                       GPtrArray                  *warnings)
{
  Mp2WeatherWarning *current = NULL;

  for (guint i = 0; i < self->hours->len; i++)
    {
      const Mp2ForecastHour *hour = get_hour (self, i);

      if (current != NULL && !g_date_time_equal (current->until, hour->time))
        current = NULL;

      if (!hour_in_day (self, i, from, until) || !hour_warns (hour, kind, thresholds))
        {
          current = NULL;
          continue;
        }

      if (current == NULL)
        {
          current = new_warning (kind, hour->time);
          g_ptr_array_add (warnings, current);
        }

      g_clear_pointer (&current->until, g_date_time_unref);
      current->until = g_date_time_add (hour->time, get_step (self, i));
      add_to_warning (current, hour);
    }
}

static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const Mp2WeatherWarning *warning_a = *(const Mp2WeatherWarning * const *) a;
  const Mp2WeatherWarning *warning_b = *(const Mp2WeatherWarning * const *) b;
  int order = g_date_time_compare (warning_a->from, warning_b->from);

  if (order != 0)
    return order;

  return (int) warning_a->kind - (int) warning_b->kind;
}

/**
 * mp2_forecast_find_warnings:
 * @self: a forecast
 * @from: the start of the working day
 * @until: its end
 * @thresholds: when to warn
 *
 * The warnings of the hours that overlap the working day: one per kind and run of
 * hours that follow each other, from the start of the first hour to the end of the
 * last, with the worst value in between. Rain at a probability at or over the
 * threshold or an amount over it; wind at or over; a temperature below the cold or
 * above the heat threshold; thunderstorms (WMO 95, 96, 99) and fog (45, 48). An
 * unknown value (NAN) warns of nothing.
 *
 * Returns: (transfer container) (element-type Mp2WeatherWarning): the warnings, in
 *   order of time (and of kind at the same time)
 */
GPtrArray *
mp2_forecast_find_warnings (const Mp2Forecast          *self,
                            GDateTime                  *from,
                            GDateTime                  *until,
                            const Mp2WeatherThresholds *thresholds)
{
  GPtrArray *warnings;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (until != NULL, NULL);
  g_return_val_if_fail (thresholds != NULL, NULL);

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_weather_warning_free);
  for (int kind = 0; kind < N_WARNING_KINDS; kind++)
    find_warnings_of_kind (self, kind, from, until, thresholds, warnings);

  g_ptr_array_sort (warnings, compare_warnings);

  return warnings;
}

static char *
describe_rain (const Mp2WeatherWarning *warning,
               const char              *from,
               const char              *until)
{
  if (!isnan (warning->value) && !isnan (warning->amount) && warning->amount > 0)
    /* Translators: rain warning; the times are "10:00", then the highest
     * probability in percent and the most millimetres of rain in an hour */
    return g_strdup_printf (_("Rain likely from %s to %s (%.0f %%, up to %.1f mm an hour)"),
                            from, until, warning->value, warning->amount);

  if (!isnan (warning->value))
    /* Translators: rain warning; the times are "10:00", then the highest
     * probability in percent */
    return g_strdup_printf (_("Rain likely from %s to %s (%.0f %%)"),
                            from, until, warning->value);

  if (!isnan (warning->amount))
    /* Translators: rain warning; the times are "10:00", then the most millimetres of
     * rain in an hour */
    return g_strdup_printf (_("Rain from %s to %s (up to %.1f mm an hour)"),
                            from, until, warning->amount);

  /* Translators: rain warning; the times are "10:00" */
  return g_strdup_printf (_("Rain likely from %s to %s"), from, until);
}

static char *
describe_kind (const Mp2WeatherWarning *warning,
               const char              *from,
               const char              *until)
{
  switch (warning->kind)
    {
    case MP2_WEATHER_WARNING_RAIN:
      return describe_rain (warning, from, until);
    case MP2_WEATHER_WARNING_WIND:
      /* Translators: the times are "10:00", then the strongest wind in metres a second */
      return g_strdup_printf (_("Strong wind from %s to %s (up to %.0f m/s)"),
                              from, until, warning->value);
    case MP2_WEATHER_WARNING_FROST:
      /* Translators: the times are "10:00", then the lowest temperature */
      return g_strdup_printf (_("Cold from %s to %s (down to %.1f °C)"),
                              from, until, warning->value);
    case MP2_WEATHER_WARNING_HEAT:
      /* Translators: the times are "10:00", then the highest temperature */
      return g_strdup_printf (_("Heat from %s to %s (up to %.1f °C)"),
                              from, until, warning->value);
    case MP2_WEATHER_WARNING_THUNDERSTORM:
      /* Translators: the times are "10:00" */
      return g_strdup_printf (_("Thunderstorms possible from %s to %s"), from, until);
    case MP2_WEATHER_WARNING_FOG:
      /* Translators: the times are "10:00" */
      return g_strdup_printf (_("Fog from %s to %s"), from, until);
    default:
      g_assert_not_reached ();
    }
}

/**
 * mp2_weather_warning_describe:
 * @warning: a warning
 * @exterior: whether the day has exterior scenes
 *
 * Returns: (transfer full): a translated sentence, with the times in the time zone
 *   of @warning's start: "Rain likely from 10:00 to 14:00 (80 %)", and for an
 *   exterior day "… — the day has exterior scenes"
 */
char *
mp2_weather_warning_describe (const Mp2WeatherWarning *warning,
                              gboolean                 exterior)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) until_here = NULL;

  g_return_val_if_fail (warning != NULL, NULL);

  until_here = g_date_time_to_timezone (warning->until, g_date_time_get_timezone (warning->from));
  from = g_date_time_format (warning->from, "%H:%M");
  until = g_date_time_format (until_here, "%H:%M");
  text = describe_kind (warning, from, until);

  if (!exterior)
    return g_steal_pointer (&text);

  /* Translators: %s is a weather warning ("Rain likely from 10:00 to 14:00 (80 %)"),
   * said of a day with scenes shot outdoors */
  return g_strdup_printf (_("%s — the day has exterior scenes"), text);
}

static const char *
get_kind_name (Mp2WeatherWarningKind kind)
{
  static const char * const names[N_WARNING_KINDS] = {
    [MP2_WEATHER_WARNING_RAIN] = "rain",
    [MP2_WEATHER_WARNING_WIND] = "wind",
    [MP2_WEATHER_WARNING_FROST] = "frost",
    [MP2_WEATHER_WARNING_HEAT] = "heat",
    [MP2_WEATHER_WARNING_THUNDERSTORM] = "thunderstorm",
    [MP2_WEATHER_WARNING_FOG] = "fog",
  };

  g_assert ((guint) kind < N_WARNING_KINDS);
  return names[kind];
}

/**
 * mp2_weather_warning_to_json:
 * @warning: a warning
 *
 * `{"kind": "rain" | "wind" | "frost" | "heat" | "thunderstorm" | "fog", "from",
 * "until", "value": number | null, "amount": number | null (rain only), "text"}`,
 * the text as mp2_weather_warning_describe() without exterior scenes.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
mp2_weather_warning_to_json (const Mp2WeatherWarning *warning)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (warning != NULL, NULL);

  text = mp2_weather_warning_describe (warning, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, get_kind_name (warning->kind));
  add_time (builder, "from", warning->from);
  add_time (builder, "until", warning->until);
  add_number (builder, "value", warning->value);
  if (warning->kind == MP2_WEATHER_WARNING_RAIN)
    add_number (builder, "amount", warning->amount);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Weather codes */

typedef struct
{
  int         code;
  const char *description;
  const char *icon;        /* the day's; the night's is looked up */
} WeatherCode;

/* WMO 4677 codes as Open-Meteo documents them, with icons of Adwaita's set. */
static const WeatherCode weather_codes[] = {
  { 0, N_("Clear sky"), "weather-clear-symbolic" },
  { 1, N_("Mainly clear"), "weather-clear-symbolic" },
  { 2, N_("Partly cloudy"), "weather-few-clouds-symbolic" },
  { 3, N_("Overcast"), "weather-overcast-symbolic" },
  { 45, N_("Fog"), "weather-fog-symbolic" },
  { 48, N_("Freezing fog"), "weather-fog-symbolic" },
  { 51, N_("Light drizzle"), "weather-showers-scattered-symbolic" },
  { 53, N_("Drizzle"), "weather-showers-scattered-symbolic" },
  { 55, N_("Dense drizzle"), "weather-showers-scattered-symbolic" },
  { 56, N_("Light freezing drizzle"), "weather-showers-scattered-symbolic" },
  { 57, N_("Dense freezing drizzle"), "weather-showers-scattered-symbolic" },
  { 61, N_("Light rain"), "weather-showers-symbolic" },
  { 63, N_("Rain"), "weather-showers-symbolic" },
  { 65, N_("Heavy rain"), "weather-showers-symbolic" },
  { 66, N_("Light freezing rain"), "weather-showers-symbolic" },
  { 67, N_("Heavy freezing rain"), "weather-showers-symbolic" },
  { 71, N_("Light snow"), "weather-snow-symbolic" },
  { 73, N_("Snow"), "weather-snow-symbolic" },
  { 75, N_("Heavy snow"), "weather-snow-symbolic" },
  { 77, N_("Snow grains"), "weather-snow-symbolic" },
  { 80, N_("Light rain showers"), "weather-showers-scattered-symbolic" },
  { 81, N_("Rain showers"), "weather-showers-scattered-symbolic" },
  { 82, N_("Violent rain showers"), "weather-showers-symbolic" },
  { 85, N_("Light snow showers"), "weather-snow-symbolic" },
  { 86, N_("Heavy snow showers"), "weather-snow-symbolic" },
  { 95, N_("Thunderstorm"), "weather-storm-symbolic" },
  { 96, N_("Thunderstorm with hail"), "weather-storm-symbolic" },
  { 99, N_("Thunderstorm with heavy hail"), "weather-storm-symbolic" },
};

/* What libgweather shows for a sky it does not know. */
#define UNKNOWN_ICON "weather-severe-alert-symbolic"

static const WeatherCode *
find_weather_code (int code)
{
  for (guint i = 0; i < G_N_ELEMENTS (weather_codes); i++)
    {
      if (weather_codes[i].code == code)
        return &weather_codes[i];
    }

  return NULL;
}

/**
 * mp2_weather_code_describe:
 * @code: a WMO 4677 code, or -1
 *
 * Returns: the translated words for @code ("Clear sky", "Light rain"…), or
 *   "Unknown weather" for a code Open-Meteo does not document
 */
const char *
mp2_weather_code_describe (int code)
{
  const WeatherCode *entry = find_weather_code (code);

  if (entry == NULL)
    return _("Unknown weather");

  return _(entry->description);
}

/**
 * mp2_weather_code_icon_name:
 * @code: a WMO 4677 code, or -1
 * @night: whether the hour is between sunset and sunrise
 *
 * Returns: a symbolic icon name of Adwaita's theme: the night variant where Adwaita
 *   has one (clear sky, few clouds), "weather-severe-alert-symbolic" for an unknown
 *   code
 */
const char *
mp2_weather_code_icon_name (int      code,
                            gboolean night)
{
  const WeatherCode *entry = find_weather_code (code);

  if (entry == NULL)
    return UNKNOWN_ICON;

  if (night && g_str_equal (entry->icon, "weather-clear-symbolic"))
    return "weather-clear-night-symbolic";
  if (night && g_str_equal (entry->icon, "weather-few-clouds-symbolic"))
    return "weather-few-clouds-night-symbolic";

  return entry->icon;
}
