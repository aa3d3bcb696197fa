/* mp2-openweathermap.c
 *
 * OpenWeatherMap's 5 day / 3 hour forecast as a weather provider:
 *
 *   GET /data/2.5/forecast?lat=…&lon=…&appid=KEY&units=metric
 *
 * gives 40 steps of 3 hours from now (UTC `dt`), which become the forecast's hours,
 * each three hours long. Its quirks:
 *
 * - `cod` is the string "200" in this answer (a number in others, and in its error
 *   bodies): the HTTP status decides, then `cod` as either;
 * - `pop` is a probability from 0 to 1: here in percent;
 * - `rain` and `snow` hold `3h`, millimetres in the 3 hours, and are absent when dry:
 *   here millimetres an hour, 0 when absent;
 * - `units=metric` gives °C and m/s (the default is Kelvin);
 * - sunrise and sunset are in `city` (not `sys`), and are today's: moved by whole
 *   days to the working day, which is a few minutes off for a day ahead;
 * - a 401 is a key it does not accept (also a new one, for its first hours);
 * - conditions are its own ids, mapped to WMO codes (see conditions[] below).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-openweathermap"

#include "config.h"

#include "mp2-openweathermap.h"
#include "mp2-api-keys.h"
#include "mp2-service-url.h"
#include "mp2-weather-provider-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define PROVIDER_ID  "openweathermap"
#define SERVICE_NAME "OpenWeatherMap"
#define STEP_HOURS   3

struct _Mp2OpenWeatherMap
{
  GObject        parent_instance;

  Mp2HttpClient *http;
  Mp2Store      *store;
  char          *base_url;   /* ends with '/' */
  char          *api_key;    /* nullable */
};

static void mp2_openweathermap_weather_provider_init (Mp2WeatherProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2OpenWeatherMap, mp2_openweathermap, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_WEATHER_PROVIDER,
                                                      mp2_openweathermap_weather_provider_init))

/* Conditions */

typedef struct
{
  int first;
  int last;
  int wmo;
} Condition;

/* OpenWeatherMap's condition ids (https://openweathermap.org/weather-conditions) as
 * the nearest of the WMO codes that Open-Meteo documents:
 *
 *   200–232 thunderstorm (with rain or drizzle)      95 thunderstorm
 *   300, 310 light drizzle (rain)                    51 light drizzle
 *   301, 311 drizzle (rain)                          53 drizzle
 *   302, 312 heavy drizzle (rain)                    55 dense drizzle
 *   313, 321 shower (rain and) drizzle               80 light rain showers
 *   314 heavy shower rain and drizzle                81 rain showers
 *   500 light rain                                   61 light rain
 *   501 moderate rain                                63 rain
 *   502–504 heavy to extreme rain                    65 heavy rain
 *   511 freezing rain                                66 light freezing rain
 *   520 light shower rain                            80 light rain showers
 *   521 shower rain, 531 ragged shower rain          81 rain showers
 *   522 heavy shower rain                            82 violent rain showers
 *   600 light snow, 615 light rain and snow          71 light snow
 *   601 snow, 611 sleet, 616 rain and snow           73 snow
 *   602 heavy snow                                   75 heavy snow
 *   612, 613 shower sleet, 620, 621 shower snow      85 light snow showers
 *   622 heavy shower snow                            86 heavy snow showers
 *   701 mist, 741 fog                                45 fog
 *   711 smoke, 721 haze, 731–762 dust, sand, ash,
 *   771 squalls                                      3 overcast (the sky hidden)
 *   781 tornado                                      95 thunderstorm (severe)
 *   800 clear                                        0 clear sky
 *   801 few clouds (11–25 %)                         1 mainly clear
 *   802 scattered clouds (25–50 %)                   2 partly cloudy
 *   803, 804 broken, overcast clouds                 3 overcast (one icon in OWM too)
 */
static const Condition conditions[] = {
  { 200, 232, 95 },
  { 300, 300, 51 }, { 301, 301, 53 }, { 302, 302, 55 },
  { 310, 310, 51 }, { 311, 311, 53 }, { 312, 312, 55 },
  { 313, 313, 80 }, { 314, 314, 81 }, { 321, 321, 80 },
  { 500, 500, 61 }, { 501, 501, 63 }, { 502, 504, 65 }, { 511, 511, 66 },
  { 520, 520, 80 }, { 521, 521, 81 }, { 522, 522, 82 }, { 531, 531, 81 },
  { 600, 600, 71 }, { 601, 601, 73 }, { 602, 602, 75 },
  { 611, 611, 73 }, { 612, 613, 85 }, { 615, 615, 71 }, { 616, 616, 73 },
  { 620, 621, 85 }, { 622, 622, 86 },
  { 701, 701, 45 }, { 711, 731, 3 }, { 741, 741, 45 }, { 751, 771, 3 }, { 781, 781, 95 },
  { 800, 800, 0 }, { 801, 801, 1 }, { 802, 802, 2 }, { 803, 804, 3 },
};

/**
 * mp2_openweathermap_condition_to_wmo:
 * @condition: an OpenWeatherMap condition id (`weather[0].id`)
 *
 * Returns: the nearest WMO 4677 code of those Open-Meteo documents, or -1 for an id
 *   OpenWeatherMap does not document
 */
int
mp2_openweathermap_condition_to_wmo (int condition)
{
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    {
      if (condition >= conditions[i].first && condition <= conditions[i].last)
        return conditions[i].wmo;
    }

  return -1;
}

/* The question */

static Mp2HttpRequest *
new_request (Mp2OpenWeatherMap     *self,
             const Mp2WeatherQuery *query)
{
  g_autofree char *uri = g_strconcat (self->base_url, "data/2.5/forecast", NULL);
  g_autofree char *latitude = mp2_weather_format_coordinate (query->place->latitude);
  g_autofree char *longitude = mp2_weather_format_coordinate (query->place->longitude);
  Mp2HttpRequest *request = mp2_http_request_new ("GET", uri);

  mp2_http_request_add_query (request, "lat", latitude);
  mp2_http_request_add_query (request, "lon", longitude);
  mp2_http_request_add_query (request, "appid", self->api_key);
  mp2_http_request_add_query (request, "units", "metric");
  mp2_http_request_add_secret (request, "appid");
  mp2_http_request_set_api (request, PROVIDER_ID);

  return request;
}

/* The answer */

static JsonNode *
get_value (JsonObject *object,
           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

/* `cod`, a number or a string of digits; -1 without one. */
static int
get_cod (JsonObject *root)
{
  JsonNode *node = get_value (root, "cod");
  guint64 number = 0;

  if (node == NULL)
    return -1;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (int) json_node_get_int (node);

  if (json_node_get_value_type (node) == G_TYPE_STRING &&
      g_ascii_string_to_unsigned (json_node_get_string (node), 10, 0, 999, &number, NULL))
    return (int) number;

  return -1;
}

static const char *
get_message (JsonObject *root)
{
  JsonNode *node = get_value (root, "message");

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Millimetres an hour from `rain` and `snow` (water), 0 when both are absent. */
static double
get_precipitation (JsonObject *item)
{
  double rain = mp2_weather_json_number (mp2_weather_json_object (item, "rain"), "3h");
  double snow = mp2_weather_json_number (mp2_weather_json_object (item, "snow"), "3h");

  return ((isnan (rain) ? 0 : rain) + (isnan (snow) ? 0 : snow)) / STEP_HOURS;
}

static int
get_weather_code (JsonObject *item)
{
  JsonNode *node = json_object_get_member (item, "weather");
  JsonArray *weather;
  JsonNode *first;
  double id;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return -1;

  weather = json_node_get_array (node);
  if (json_array_get_length (weather) == 0)
    return -1;

  first = json_array_get_element (weather, 0);
  if (!JSON_NODE_HOLDS_OBJECT (first))
    return -1;

  id = mp2_weather_json_number (json_node_get_object (first), "id");
  return isnan (id) ? -1 : mp2_openweathermap_condition_to_wmo ((int) id);
}

static void
read_hour (JsonObject      *item,
           Mp2ForecastHour *hour)
{
  JsonObject *main_values = mp2_weather_json_object (item, "main");
  JsonObject *wind = mp2_weather_json_object (item, "wind");
  double pop = mp2_weather_json_number (item, "pop");

  hour->temperature = mp2_weather_json_number (main_values, "temp");
  hour->apparent_temperature = mp2_weather_json_number (main_values, "feels_like");
  hour->precipitation_probability = isnan (pop) ? NAN : CLAMP (pop * 100.0, 0.0, 100.0);
  hour->precipitation = get_precipitation (item);
  hour->weather_code = get_weather_code (item);
  hour->wind_speed = mp2_weather_json_number (wind, "speed");
  hour->wind_gusts = mp2_weather_json_number (wind, "gust");
}

static gboolean
step_in_day (GDateTime             *start,
             const Mp2WeatherQuery *query)
{
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, STEP_HOURS);

  return g_date_time_compare (end, query->from) > 0 &&
         g_date_time_compare (start, query->until) < 0;
}

static void
read_hours (Mp2Forecast           *forecast,
            JsonArray             *list,
            const Mp2WeatherQuery *query)
{
  GTimeZone *zone = g_date_time_get_timezone (query->from);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      double dt = mp2_weather_json_number (item, "dt");
      g_autoptr(GDateTime) time = NULL;
      Mp2ForecastHour hour = { 0 };

      if (isnan (dt))
        continue;

      time = mp2_weather_date_time_from_unix ((gint64) dt, zone);
      if (time == NULL || !step_in_day (time, query))
        continue;

      hour.time = time;
      read_hour (item, &hour);
      mp2_forecast_add_hour (forecast, &hour);
    }
}

/* `city.sunrise` or `city.sunset` (today's, unix seconds) moved by whole days to the
 * day of @from: the sun keeps to UTC, not to the clocks' summer time. */
static GDateTime *
get_sun_time (JsonObject            *city,
              const char            *name,
              const Mp2WeatherQuery *query)
{
  double seconds = mp2_weather_json_number (city, name);
  GTimeZone *zone = g_date_time_get_timezone (query->from);
  g_autoptr(GDateTime) today = NULL;
  GDate today_date;
  GDate day_date;

  if (isnan (seconds) || seconds <= 0)
    return NULL;

  today = mp2_weather_date_time_from_unix ((gint64) seconds, zone);
  if (today == NULL)
    return NULL;

  g_date_clear (&today_date, 1);
  g_date_clear (&day_date, 1);
  g_date_set_dmy (&today_date, g_date_time_get_day_of_month (today),
                  g_date_time_get_month (today), g_date_time_get_year (today));
  g_date_set_dmy (&day_date, g_date_time_get_day_of_month (query->from),
                  g_date_time_get_month (query->from), g_date_time_get_year (query->from));

  return g_date_time_add (today, (GTimeSpan) g_date_days_between (&today_date, &day_date) *
                                 G_TIME_SPAN_DAY);
}

static Mp2Forecast *
parse_forecast (JsonObject             *root,
                const Mp2WeatherQuery  *query,
                GError                **error)
{
  g_autoptr(Mp2Forecast) forecast = NULL;
  JsonNode *list = json_object_get_member (root, "list");
  JsonObject *city = mp2_weather_json_object (root, "city");
  int cod = get_cod (root);

  if (cod != 200 || list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_debug ("OpenWeatherMap: cod %d, %s", cod, get_message (root));
      g_set_error_literal (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                           _("OpenWeatherMap answered without a forecast. Try again later, "
                             "or choose the other weather service in Preferences."));
      return NULL;
    }

  forecast = mp2_forecast_new (PROVIDER_ID);
  read_hours (forecast, json_node_get_array (list), query);
  forecast->sunrise = get_sun_time (city, "sunrise", query);
  forecast->sunset = get_sun_time (city, "sunset", query);

  if (forecast->hours->len == 0)
    {
      g_set_error_literal (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                           _("OpenWeatherMap’s forecast does not cover these hours: it "
                             "forecasts only from now on."));
      return NULL;
    }

  return g_steal_pointer (&forecast);
}

/* Errors */

static GError *
new_no_key_error (void)
{
  return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_KEY,
                              _("OpenWeatherMap needs an API key. Add yours in Preferences, "
                                "or choose Open-Meteo, which needs none."));
}

static GError *
map_error (const GError    *error,
           Mp2HttpResponse *response)
{
  JsonObject *root = response != NULL ? mp2_http_response_get_object (response) : NULL;
  const char *message = get_message (root);

  if (message != NULL)
    g_debug ("OpenWeatherMap: cod %d, %s", get_cod (root), message);

  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_RATE_LIMITED))
    return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                                _("OpenWeatherMap blocked the API key for a while: it "
                                  "received more requests than the key’s plan allows. The "
                                  "forecast will follow later."));

  return mp2_weather_error_from_http (SERVICE_NAME, error, response);
}

/* Asking */

static const Mp2WeatherService openweathermap_service = {
  .parse = parse_forecast,
  .map_http_error = map_error,
};

static void
fetch (GTask *task)
{
  Mp2OpenWeatherMap *self = g_task_get_source_object (task);
  g_autoptr(Mp2HttpRequest) request = NULL;

  /* The key was taken away while the cache was read. */
  if (self->api_key == NULL)
    {
      g_task_return_error (task, new_no_key_error ());
      g_object_unref (task);
      return;
    }

  request = new_request (self, mp2_weather_task_get_query (task));
  mp2_weather_task_send (task, &openweathermap_service, self->http, request);
}

static void
mp2_openweathermap_forecast_async (Mp2WeatherProvider  *provider,
                                   const Mp2Place      *place,
                                   GDateTime           *from,
                                   GDateTime           *until,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Mp2OpenWeatherMap *self = MP2_OPENWEATHERMAP (provider);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) last = g_date_time_add_days (now, MP2_OPENWEATHERMAP_HORIZON_DAYS);
  g_autoptr(GError) error = NULL;

  task = mp2_weather_task_new (provider, self->store, place, from, until, cancellable,
                               callback, user_data);

  if (self->api_key == NULL)
    {
      g_task_return_error (task, new_no_key_error ());
      return;
    }

  if (!mp2_weather_check_horizon (SERVICE_NAME, MP2_OPENWEATHERMAP_HORIZON_DAYS, until, last,
                                  &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  mp2_weather_task_start (g_steal_pointer (&task), fetch);
}

static const char *
mp2_openweathermap_get_id (Mp2WeatherProvider *provider)
{
  return PROVIDER_ID;
}

static guint
mp2_openweathermap_get_horizon_days (Mp2WeatherProvider *provider)
{
  return MP2_OPENWEATHERMAP_HORIZON_DAYS;
}

static void
mp2_openweathermap_weather_provider_init (Mp2WeatherProviderInterface *iface)
{
  iface->get_id = mp2_openweathermap_get_id;
  iface->get_horizon_days = mp2_openweathermap_get_horizon_days;
  iface->forecast_async = mp2_openweathermap_forecast_async;
}

/* The object */

static void
mp2_openweathermap_dispose (GObject *object)
{
  Mp2OpenWeatherMap *self = MP2_OPENWEATHERMAP (object);

  g_clear_object (&self->http);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp2_openweathermap_parent_class)->dispose (object);
}

static void
mp2_openweathermap_finalize (GObject *object)
{
  Mp2OpenWeatherMap *self = MP2_OPENWEATHERMAP (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, mp2_api_key_free);

  G_OBJECT_CLASS (mp2_openweathermap_parent_class)->finalize (object);
}

static void
mp2_openweathermap_class_init (Mp2OpenWeatherMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_openweathermap_dispose;
  object_class->finalize = mp2_openweathermap_finalize;
}

static void
mp2_openweathermap_init (Mp2OpenWeatherMap *self)
{
}

/**
 * mp2_openweathermap_new:
 * @http: the app's HTTP client
 * @store: (nullable): the store whose cache keeps forecasts for an hour; %NULL for
 *   no cache
 * @base_url: (nullable): where `data/2.5/forecast` is found; %NULL for
 *   OpenWeatherMap's, or the `MP2_OPENWEATHERMAP_URL` override
 *
 * Returns: (transfer full): a new weather provider, without a key until
 *   mp2_openweathermap_set_api_key()
 */
Mp2OpenWeatherMap *
mp2_openweathermap_new (Mp2HttpClient *http,
                        Mp2Store      *store,
                        const char    *base_url)
{
  Mp2OpenWeatherMap *self;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (store == NULL || MP2_IS_STORE (store), NULL);

  self = g_object_new (MP2_TYPE_OPENWEATHERMAP, NULL);
  self->http = g_object_ref (http);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  self->base_url = mp2_service_base_url (base_url, "MP2_OPENWEATHERMAP_URL", MP2_OPENWEATHERMAP_URL);

  return self;
}

/**
 * mp2_openweathermap_set_api_key:
 * @self: the provider
 * @key: (nullable): the user's API key; %NULL or "" for none
 *
 * Without a key every forecast fails with %MP2_PLAN_ERROR_NO_KEY and sends nothing.
 * The key goes only into the request (never into a log line or the cache key).
 */
void
mp2_openweathermap_set_api_key (Mp2OpenWeatherMap *self,
                                const char        *key)
{
  g_return_if_fail (MP2_IS_OPENWEATHERMAP (self));

  g_clear_pointer (&self->api_key, mp2_api_key_free);
  if (key != NULL && *key != '\0')
    self->api_key = g_strdup (key);
}
