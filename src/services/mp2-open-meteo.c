/* mp2-open-meteo.c
 *
 * Open-Meteo's forecast API as a weather provider:
 *
 *   GET /v1/forecast?latitude=…&longitude=…
 *       &hourly=temperature_2m,apparent_temperature,precipitation_probability,
 *               precipitation,weather_code,wind_speed_10m,wind_gusts_10m
 *       &daily=sunrise,sunset&timezone=Europe/Warsaw&wind_speed_unit=ms
 *       &timeformat=unixtime&start_date=2025-03-12&end_date=2025-03-13
 *
 * The dates are those of the working day in its time zone (two for a night shoot).
 * Times come as unix seconds rather than Open-Meteo's local "2025-10-26T02:00",
 * which names two hours on the night the clocks go back. Values may be `null`
 * (NAN here); the arrays run parallel to `hourly.time`. Errors are HTTP 400 or 429
 * with `{"error": true, "reason": "…"}`; the 429's reason tells which limit
 * (minutely, hourly, daily) was reached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-open-meteo"

#include "config.h"

#include "mp2-open-meteo.h"
#include "mp2-service-url.h"
#include "mp2-weather-provider-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define PROVIDER_ID  "open-meteo"
#define SERVICE_NAME "Open-Meteo"
#define HOURLY       "temperature_2m,apparent_temperature,precipitation_probability," \
                     "precipitation,weather_code,wind_speed_10m,wind_gusts_10m"

struct _Mp2OpenMeteo
{
  GObject        parent_instance;

  Mp2HttpClient *http;
  Mp2Store      *store;
  char          *base_url;   /* ends with '/' */
};

static void mp2_open_meteo_weather_provider_init (Mp2WeatherProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2OpenMeteo, mp2_open_meteo, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_WEATHER_PROVIDER,
                                                      mp2_open_meteo_weather_provider_init))

/* The question */

/* The tz database name Open-Meteo gets ("Europe/Warsaw"), or NULL for a zone
 * without one (a fixed offset): the dates are then asked in GMT. */
static const char *
get_zone_name (GDateTime *time)
{
  const char *identifier = g_time_zone_get_identifier (g_date_time_get_timezone (time));

  if (identifier == NULL || *identifier == '\0' || *identifier == ':' || *identifier == '/' ||
      *identifier == '+' || *identifier == '-' || g_ascii_isdigit (*identifier))
    return NULL;

  if (strchr (identifier, '/') == NULL && g_strcmp0 (identifier, "UTC") != 0)
    return NULL;

  return identifier;
}

/* The zone the dates of the question are in. */
static GTimeZone *
new_request_zone (GDateTime *from)
{
  if (get_zone_name (from) == NULL)
    return g_time_zone_new_utc ();

  return g_time_zone_ref (g_date_time_get_timezone (from));
}

static char *
format_date_in (GDateTime *time,
                GTimeZone *zone)
{
  g_autoptr(GDateTime) here = g_date_time_to_timezone (time, zone);

  return g_date_time_format (here, "%Y-%m-%d");
}

/* The start of the first day past the horizon, in the question's zone. */
static GDateTime *
new_horizon_end (GDateTime *from)
{
  g_autoptr(GTimeZone) zone = new_request_zone (from);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  return g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now), 0, 0, 0);
}

static Mp2HttpRequest *
new_request (Mp2OpenMeteo          *self,
             const Mp2WeatherQuery *query)
{
  g_autofree char *uri = g_strconcat (self->base_url, "v1/forecast", NULL);
  g_autofree char *latitude = mp2_weather_format_coordinate (query->place->latitude);
  g_autofree char *longitude = mp2_weather_format_coordinate (query->place->longitude);
  g_autoptr(GTimeZone) zone = new_request_zone (query->from);
  g_autofree char *start_date = format_date_in (query->from, zone);
  /* The end is exclusive: a day ending at midnight needs no more. */
  g_autoptr(GDateTime) last = g_date_time_add (query->until, -G_TIME_SPAN_SECOND);
  g_autofree char *end_date = format_date_in (last, zone);
  const char *zone_name = get_zone_name (query->from);
  Mp2HttpRequest *request = mp2_http_request_new ("GET", uri);

  mp2_http_request_add_query (request, "latitude", latitude);
  mp2_http_request_add_query (request, "longitude", longitude);
  mp2_http_request_add_query (request, "hourly", HOURLY);
  mp2_http_request_add_query (request, "daily", "sunrise,sunset");
  mp2_http_request_add_query (request, "timezone", zone_name != NULL ? zone_name : "GMT");
  mp2_http_request_add_query (request, "wind_speed_unit", "ms");
  mp2_http_request_add_query (request, "timeformat", "unixtime");
  mp2_http_request_add_query (request, "start_date", start_date);
  mp2_http_request_add_query (request, "end_date", end_date);
  mp2_http_request_set_api (request, PROVIDER_ID);

  return request;
}

/* The answer */

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

/* The @index-th number of @name's array, NAN for a `null` or a missing one. */
static double
get_array_number (JsonObject *object,
                  const char *name,
                  guint       index)
{
  JsonArray *array = get_array (object, name);
  JsonNode *node;
  GType type;

  if (array == NULL || index >= json_array_get_length (array))
    return NAN;

  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NAN;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return NAN;

  return json_node_get_double (node);
}

static const char *
get_unit (JsonObject *root,
          const char *group,
          const char *name)
{
  JsonObject *units = mp2_weather_json_object (root, group);
  JsonNode *node = units != NULL ? json_object_get_member (units, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* m/s as asked; km/h, Open-Meteo's default, should a server ignore the unit. */
static double
get_wind_factor (JsonObject *root)
{
  return g_strcmp0 (get_unit (root, "hourly_units", "wind_speed_10m"), "km/h") == 0 ? 1 / 3.6 : 1;
}

static gboolean
hour_in_day (GDateTime             *start,
             const Mp2WeatherQuery *query)
{
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);

  return g_date_time_compare (end, query->from) > 0 &&
         g_date_time_compare (start, query->until) < 0;
}

static void
read_hour (JsonObject      *hourly,
           guint            index,
           double           wind_factor,
           Mp2ForecastHour *hour)
{
  double code = get_array_number (hourly, "weather_code", index);

  hour->temperature = get_array_number (hourly, "temperature_2m", index);
  hour->apparent_temperature = get_array_number (hourly, "apparent_temperature", index);
  hour->precipitation_probability = get_array_number (hourly, "precipitation_probability", index);
  hour->precipitation = get_array_number (hourly, "precipitation", index);
  hour->weather_code = isnan (code) ? -1 : (int) code;
  hour->wind_speed = get_array_number (hourly, "wind_speed_10m", index) * wind_factor;
  hour->wind_gusts = get_array_number (hourly, "wind_gusts_10m", index) * wind_factor;
}

static void
read_hours (Mp2Forecast           *forecast,
            JsonObject            *root,
            const Mp2WeatherQuery *query)
{
  JsonObject *hourly = mp2_weather_json_object (root, "hourly");
  JsonArray *times = get_array (hourly, "time");
  double wind_factor = get_wind_factor (root);
  GTimeZone *zone = g_date_time_get_timezone (query->from);

  for (guint i = 0; i < json_array_get_length (times); i++)
    {
      double seconds = get_array_number (hourly, "time", i);
      g_autoptr(GDateTime) time = NULL;
      Mp2ForecastHour hour = { 0 };

      if (isnan (seconds))
        continue;

      time = mp2_weather_date_time_from_unix ((gint64) seconds, zone);
      if (time == NULL || !hour_in_day (time, query))
        continue;

      hour.time = time;
      read_hour (hourly, i, wind_factor, &hour);
      mp2_forecast_add_hour (forecast, &hour);
    }
}

/* The @name of the day of @from in the daily arrays. */
static GDateTime *
find_daily_time (JsonObject            *root,
                 const char            *name,
                 const Mp2WeatherQuery *query)
{
  JsonObject *daily = mp2_weather_json_object (root, "daily");
  JsonArray *times = get_array (daily, name);
  GTimeZone *zone = g_date_time_get_timezone (query->from);

  for (guint i = 0; times != NULL && i < json_array_get_length (times); i++)
    {
      double seconds = get_array_number (daily, name, i);
      g_autoptr(GDateTime) time = NULL;

      if (isnan (seconds))
        continue;

      time = mp2_weather_date_time_from_unix ((gint64) seconds, zone);
      if (time != NULL &&
          g_date_time_get_year (time) == g_date_time_get_year (query->from) &&
          g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (query->from))
        return g_steal_pointer (&time);
    }

  return NULL;
}

static Mp2Forecast *
parse_forecast (JsonObject             *root,
                const Mp2WeatherQuery  *query,
                GError                **error)
{
  g_autoptr(Mp2Forecast) forecast = NULL;

  if (get_array (mp2_weather_json_object (root, "hourly"), "time") == NULL)
    {
      g_set_error_literal (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                           _("Open-Meteo answered without a forecast. Try again later, or "
                             "choose the other weather service in Preferences."));
      return NULL;
    }

  forecast = mp2_forecast_new (PROVIDER_ID);
  read_hours (forecast, root, query);
  forecast->sunrise = find_daily_time (root, "sunrise", query);
  forecast->sunset = find_daily_time (root, "sunset", query);

  return g_steal_pointer (&forecast);
}

/* Errors */

static const char *
get_reason (Mp2HttpResponse *response)
{
  JsonObject *object = response != NULL ? mp2_http_response_get_object (response) : NULL;
  JsonNode *node = object != NULL ? json_object_get_member (object, "reason") : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Open-Meteo's limits: 600 calls a minute, 5,000 an hour, 10,000 a day. */
static GError *
new_rate_limit_error (const char *reason)
{
  if (reason != NULL && g_str_has_prefix (reason, "Daily"))
    return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                                _("Open-Meteo’s daily limit of forecasts is used up. The "
                                  "forecast will follow tomorrow."));

  if (reason != NULL && g_str_has_prefix (reason, "Hourly"))
    return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                                _("Open-Meteo’s hourly limit of forecasts is used up. The "
                                  "forecast will follow within the hour."));

  if (reason != NULL && g_str_has_prefix (reason, "Minutely"))
    return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                                _("Open-Meteo asks to wait a minute before the next forecast. "
                                  "The forecast will follow shortly."));

  return NULL;
}

static GError *
map_error (const GError    *error,
           Mp2HttpResponse *response)
{
  const char *reason = get_reason (response);

  if (reason != NULL)
    g_debug ("Open-Meteo: %s", reason);

  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_RATE_LIMITED))
    {
      GError *limit = new_rate_limit_error (reason);

      if (limit != NULL)
        return limit;
    }

  return mp2_weather_error_from_http (SERVICE_NAME, error, response);
}

/* Asking */

static const Mp2WeatherService open_meteo_service = {
  .parse = parse_forecast,
  .map_http_error = map_error,
};

static void
fetch (GTask *task)
{
  Mp2OpenMeteo *self = g_task_get_source_object (task);
  g_autoptr(Mp2HttpRequest) request = new_request (self, mp2_weather_task_get_query (task));

  mp2_weather_task_send (task, &open_meteo_service, self->http, request);
}

static void
mp2_open_meteo_forecast_async (Mp2WeatherProvider  *provider,
                               const Mp2Place      *place,
                               GDateTime           *from,
                               GDateTime           *until,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Mp2OpenMeteo *self = MP2_OPEN_METEO (provider);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) today = new_horizon_end (from);
  g_autoptr(GDateTime) last = g_date_time_add_days (today, MP2_OPEN_METEO_HORIZON_DAYS);
  g_autoptr(GError) error = NULL;

  task = mp2_weather_task_new (provider, self->store, place, from, until, cancellable,
                               callback, user_data);

  if (!mp2_weather_check_horizon (SERVICE_NAME, MP2_OPEN_METEO_HORIZON_DAYS, until, last,
                                  &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  mp2_weather_task_start (g_steal_pointer (&task), fetch);
}

static const char *
mp2_open_meteo_get_id (Mp2WeatherProvider *provider)
{
  return PROVIDER_ID;
}

static guint
mp2_open_meteo_get_horizon_days (Mp2WeatherProvider *provider)
{
  return MP2_OPEN_METEO_HORIZON_DAYS;
}

static void
mp2_open_meteo_weather_provider_init (Mp2WeatherProviderInterface *iface)
{
  iface->get_id = mp2_open_meteo_get_id;
  iface->get_horizon_days = mp2_open_meteo_get_horizon_days;
  iface->forecast_async = mp2_open_meteo_forecast_async;
}

/* The object */

static void
mp2_open_meteo_dispose (GObject *object)
{
  Mp2OpenMeteo *self = MP2_OPEN_METEO (object);

  g_clear_object (&self->http);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp2_open_meteo_parent_class)->dispose (object);
}

static void
mp2_open_meteo_finalize (GObject *object)
{
  Mp2OpenMeteo *self = MP2_OPEN_METEO (object);

  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (mp2_open_meteo_parent_class)->finalize (object);
}

static void
mp2_open_meteo_class_init (Mp2OpenMeteoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_open_meteo_dispose;
  object_class->finalize = mp2_open_meteo_finalize;
}

static void
mp2_open_meteo_init (Mp2OpenMeteo *self)
{
}

/**
 * mp2_open_meteo_new:
 * @http: the app's HTTP client
 * @store: (nullable): the store whose cache keeps forecasts for an hour; %NULL for
 *   no cache
 * @base_url: (nullable): where `v1/forecast` is found; %NULL for Open-Meteo's, or
 *   the `MP2_OPEN_METEO_URL` override
 *
 * Returns: (transfer full): a new weather provider
 */
Mp2OpenMeteo *
mp2_open_meteo_new (Mp2HttpClient *http,
                    Mp2Store      *store,
                    const char    *base_url)
{
  Mp2OpenMeteo *self;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (store == NULL || MP2_IS_STORE (store), NULL);

  self = g_object_new (MP2_TYPE_OPEN_METEO, NULL);
  self->http = g_object_ref (http);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  self->base_url = mp2_service_base_url (base_url, "MP2_OPEN_METEO_URL", MP2_OPEN_METEO_URL);

  return self;
}
