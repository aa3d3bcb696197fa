/* mp2-weather-provider.c
 *
 * The weather provider interface, and what its implementations share: a forecast's
 * GTask that looks in the store's cache first (in a worker thread), asks the
 * provider only on a miss, and keeps the answer for MP2_WEATHER_CACHE_SECONDS; the
 * horizon check; HTTP failures as MP2_PLAN_ERROR with a sentence a person can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-weather-provider"

#include "config.h"

#include "mp2-weather-provider.h"
#include "mp2-weather-provider-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

G_DEFINE_INTERFACE (Mp2WeatherProvider, mp2_weather_provider, G_TYPE_OBJECT)

/* The answer of a task from mp2_weather_task_new(): every implementation's. */
static Mp2Forecast *
mp2_weather_provider_real_forecast_finish (Mp2WeatherProvider  *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_weather_task_new, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mp2_weather_provider_default_init (Mp2WeatherProviderInterface *iface)
{
  iface->forecast_finish = mp2_weather_provider_real_forecast_finish;
}

/**
 * mp2_weather_provider_get_id:
 * @self: a weather provider
 *
 * Returns: the provider's id: "open-meteo", "openweathermap"
 */
const char *
mp2_weather_provider_get_id (Mp2WeatherProvider *self)
{
  g_return_val_if_fail (MP2_IS_WEATHER_PROVIDER (self), NULL);

  return MP2_WEATHER_PROVIDER_GET_IFACE (self)->get_id (self);
}

/**
 * mp2_weather_provider_get_horizon_days:
 * @self: a weather provider
 *
 * Returns: how many days ahead, today included, the provider forecasts
 */
guint
mp2_weather_provider_get_horizon_days (Mp2WeatherProvider *self)
{
  g_return_val_if_fail (MP2_IS_WEATHER_PROVIDER (self), 0);

  return MP2_WEATHER_PROVIDER_GET_IFACE (self)->get_horizon_days (self);
}

/**
 * mp2_weather_provider_forecast_async:
 * @self: a weather provider
 * @place: where
 * @from: the start of the working day
 * @until: its end, after @from (past midnight for a night shoot)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the forecast
 * @user_data: for @callback
 *
 * Asks for the hours from @from to @until in @from's time zone, with the sunrise
 * and sunset of @from's day. A day past the provider's horizon fails at once with
 * %MP2_PLAN_ERROR_BEYOND_HORIZON; a forecast asked within the last hour comes from
 * the store's cache.
 */
void
mp2_weather_provider_forecast_async (Mp2WeatherProvider  *self,
                                     const Mp2Place      *place,
                                     GDateTime           *from,
                                     GDateTime           *until,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (MP2_IS_WEATHER_PROVIDER (self));
  g_return_if_fail (place != NULL);
  g_return_if_fail (from != NULL);
  g_return_if_fail (until != NULL);
  g_return_if_fail (g_date_time_compare (from, until) < 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  MP2_WEATHER_PROVIDER_GET_IFACE (self)->forecast_async (self, place, from, until, cancellable,
                                                         callback, user_data);
}

/**
 * mp2_weather_provider_forecast_finish:
 * @self: a weather provider
 * @result: the result given to the callback
 * @error: where to report a #MP2_PLAN_ERROR (or %G_IO_ERROR_CANCELLED)
 *
 * Returns: (transfer full): the forecast, or %NULL with @error set
 */
Mp2Forecast *
mp2_weather_provider_forecast_finish (Mp2WeatherProvider  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  g_return_val_if_fail (MP2_IS_WEATHER_PROVIDER (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return MP2_WEATHER_PROVIDER_GET_IFACE (self)->forecast_finish (self, result, error);
}

/* Questions and their cache keys */

char *
mp2_weather_format_coordinate (double degrees)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (degrees * 1000.0) / 1000.0;

  /* No "-0.000": the same place has one key. */
  if (rounded == 0.0)
    rounded = 0.0;

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.3f", rounded));
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M%:z");
}

/* "weather:<provider>:<lat>,<lon>:<from>:<until>", the coordinates to 3 decimals. */
char *
mp2_weather_cache_key (const char     *provider,
                       const Mp2Place *place,
                       GDateTime      *from,
                       GDateTime      *until)
{
  g_autofree char *latitude = mp2_weather_format_coordinate (place->latitude);
  g_autofree char *longitude = mp2_weather_format_coordinate (place->longitude);
  g_autofree char *from_text = format_time (from);
  g_autofree char *until_text = format_time (until);

  return g_strdup_printf ("weather:%s:%s,%s:%s:%s", provider, latitude, longitude, from_text,
                          until_text);
}

static void
query_free (Mp2WeatherQuery *query)
{
  g_clear_pointer (&query->place, mp2_place_free);
  g_clear_pointer (&query->from, g_date_time_unref);
  g_clear_pointer (&query->until, g_date_time_unref);
  g_clear_object (&query->store);
  g_clear_pointer (&query->cache_key, g_free);
  g_free (query);
}

/**
 * mp2_weather_task_new:
 * @provider: the provider asked
 * @store: (nullable): the store whose cache to use
 * @place: where
 * @from: the start of the working day
 * @until: its end
 * @cancellable: (nullable): a #GCancellable
 * @callback: the caller's callback
 * @user_data: for @callback
 *
 * Returns: (transfer full): the task of a forecast, with its #Mp2WeatherQuery
 */
GTask *
mp2_weather_task_new (Mp2WeatherProvider  *provider,
                      Mp2Store            *store,
                      const Mp2Place      *place,
                      GDateTime           *from,
                      GDateTime           *until,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (provider, cancellable, callback, user_data);
  Mp2WeatherQuery *query = g_new0 (Mp2WeatherQuery, 1);

  g_task_set_source_tag (task, mp2_weather_task_new);

  query->place = mp2_place_copy (place);
  query->from = g_date_time_ref (from);
  query->until = g_date_time_to_timezone (until, g_date_time_get_timezone (from));
  query->store = store != NULL ? g_object_ref (store) : NULL;
  query->cache_key = mp2_weather_cache_key (mp2_weather_provider_get_id (provider), place,
                                            query->from, query->until);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);

  return task;
}

const Mp2WeatherQuery *
mp2_weather_task_get_query (GTask *task)
{
  return g_task_get_task_data (task);
}

/* The cache */

static void
move_to_zone (GDateTime **time,
              GTimeZone  *zone)
{
  GDateTime *moved;

  if (*time == NULL)
    return;

  moved = g_date_time_to_timezone (*time, zone);
  g_date_time_unref (*time);
  *time = moved;
}

/* A forecast read from JSON has fixed offsets: back in the day's zone, as fresh. */
static void
move_forecast_to_zone (Mp2Forecast *forecast,
                       GTimeZone   *zone)
{
  for (guint i = 0; i < forecast->hours->len; i++)
    move_to_zone (&g_array_index (forecast->hours, Mp2ForecastHour, i).time, zone);
  move_to_zone (&forecast->sunrise, zone);
  move_to_zone (&forecast->sunset, zone);
}

static void
read_cache_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const Mp2WeatherQuery *query = task_data;
  g_autofree char *value = mp2_store_cache_get (query->store, query->cache_key);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(Mp2Forecast) forecast = NULL;

  if (value != NULL)
    node = json_from_string (value, NULL);
  if (node != NULL)
    forecast = mp2_forecast_from_json (node);
  if (forecast != NULL)
    move_forecast_to_zone (forecast, g_date_time_get_timezone (query->from));

  g_task_return_pointer (task, g_steal_pointer (&forecast), (GDestroyNotify) mp2_forecast_free);
}

typedef struct
{
  GTask               *task;    /* the forecast's */
  Mp2WeatherFetchFunc  fetch;
} CacheReadData;

static void
on_cache_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree CacheReadData *data = user_data;
  g_autoptr(GTask) task = data->task;
  g_autoptr(Mp2Forecast) forecast = NULL;
  g_autoptr(GError) error = NULL;

  forecast = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (forecast != NULL)
    {
      g_debug ("Forecast from the cache: %s", mp2_weather_task_get_query (task)->cache_key);
      g_task_return_pointer (task, g_steal_pointer (&forecast),
                             (GDestroyNotify) mp2_forecast_free);
      return;
    }

  data->fetch (g_steal_pointer (&task));
}

/**
 * mp2_weather_task_start:
 * @task: (transfer full): a forecast's task
 * @fetch: how the provider asks
 *
 * Returns the cached forecast of the question when there is one, and otherwise
 * calls @fetch.
 */
void
mp2_weather_task_start (GTask               *task,
                        Mp2WeatherFetchFunc  fetch)
{
  const Mp2WeatherQuery *query = mp2_weather_task_get_query (task);
  g_autoptr(GTask) read = NULL;
  CacheReadData *data;

  if (query->store == NULL)
    {
      fetch (task);
      return;
    }

  data = g_new0 (CacheReadData, 1);
  data->task = task;
  data->fetch = fetch;
  read = g_task_new (NULL, g_task_get_cancellable (task), on_cache_read_cb, data);
  g_task_set_source_tag (read, read_cache_thread);
  g_task_set_task_data (read, (gpointer) query, NULL);
  g_task_run_in_thread (read, read_cache_thread);
}

static void
write_cache_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GTask *forecast_task = task_data;
  const Mp2WeatherQuery *query = mp2_weather_task_get_query (forecast_task);
  Mp2Forecast *forecast = g_object_get_data (G_OBJECT (task), "forecast");
  g_autoptr(JsonNode) node = mp2_forecast_to_json (forecast);
  g_autofree char *value = json_to_string (node, FALSE);
  g_autoptr(GError) error = NULL;

  if (!mp2_store_cache_put (query->store, query->cache_key, value, MP2_WEATHER_CACHE_SECONDS,
                            &error))
    g_warning ("Could not keep the forecast in the cache: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

static void
on_cache_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2Forecast *forecast = g_object_get_data (G_OBJECT (result), "forecast");

  g_task_return_pointer (task, mp2_forecast_copy (forecast), (GDestroyNotify) mp2_forecast_free);
}

/* Keeps @forecast in the cache, when there is a store, and returns it; takes @task
 * and @forecast. */
static void
return_forecast (GTask       *task,
                 Mp2Forecast *forecast)
{
  const Mp2WeatherQuery *query = mp2_weather_task_get_query (task);
  g_autoptr(GTask) write = NULL;

  if (query->store == NULL)
    {
      g_task_return_pointer (task, forecast, (GDestroyNotify) mp2_forecast_free);
      g_object_unref (task);
      return;
    }

  /* Not cancellable: an answer received is worth keeping. */
  write = g_task_new (NULL, NULL, on_cache_written_cb, task);
  g_task_set_source_tag (write, write_cache_thread);
  g_task_set_task_data (write, task, NULL);
  g_object_set_data_full (G_OBJECT (write), "forecast", forecast,
                          (GDestroyNotify) mp2_forecast_free);
  g_task_run_in_thread (write, write_cache_thread);
}

/* Asking */

typedef struct
{
  GTask                   *task;    /* the forecast's */
  const Mp2WeatherService *service;
} SendData;

static void
on_forecast_sent_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autofree SendData *data = user_data;
  g_autoptr(GTask) task = data->task;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  Mp2Forecast *forecast;

  response = mp2_http_client_send_finish (MP2_HTTP_CLIENT (object), result, &failed, &error);
  if (response == NULL)
    {
      g_task_return_error (task, data->service->map_http_error (error, failed));
      return;
    }

  root = mp2_http_response_get_object (response);
  if (root == NULL)
    {
      g_autoptr(GError) bad = g_error_new_literal (MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE,
                                                   "forecast: no JSON object");

      g_task_return_error (task, data->service->map_http_error (bad, response));
      return;
    }

  forecast = data->service->parse (root, mp2_weather_task_get_query (task), &error);
  if (forecast == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  return_forecast (g_steal_pointer (&task), forecast);
}

/**
 * mp2_weather_task_send:
 * @task: (transfer full): a forecast's task
 * @service: how the provider reads the answer
 * @http: the app's HTTP client
 * @request: the provider's request for the task's question
 *
 * Sends @request, reads the answer with @service, keeps the forecast in the cache
 * (when there is a store) and returns it, or returns the error.
 */
void
mp2_weather_task_send (GTask                   *task,
                       const Mp2WeatherService *service,
                       Mp2HttpClient           *http,
                       Mp2HttpRequest          *request)
{
  SendData *data = g_new0 (SendData, 1);

  data->task = task;
  data->service = service;
  mp2_http_client_send_async (http, request, g_task_get_cancellable (task),
                              on_forecast_sent_cb, data);
}

/* The horizon */

/**
 * mp2_weather_check_horizon:
 * @service: the provider's name for people ("Open-Meteo")
 * @horizon_days: how many days it forecasts
 * @until: the end of the working day
 * @last: the last moment the provider forecasts now
 * @error: where to report %MP2_PLAN_ERROR_BEYOND_HORIZON
 *
 * Returns: whether the working day ends by @last
 */
gboolean
mp2_weather_check_horizon (const char  *service,
                           guint        horizon_days,
                           GDateTime   *until,
                           GDateTime   *last,
                           GError     **error)
{
  if (g_date_time_compare (until, last) <= 0)
    return TRUE;

  g_set_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_BEYOND_HORIZON,
               /* Translators: %s is a weather service ("Open-Meteo"), %u a number of
                * days */
               g_dngettext (GETTEXT_PACKAGE,
                            "The weather for this day is not forecast yet: %s looks %u day "
                            "ahead. The forecast will follow by itself.",
                            "The weather for this day is not forecast yet: %s looks %u days "
                            "ahead. The forecast will follow by itself.",
                            horizon_days),
               service, horizon_days);
  return FALSE;
}

/* Errors */

/**
 * mp2_weather_error_from_http:
 * @service: the provider's name for people ("Open-Meteo")
 * @error: what the HTTP client reported
 * @response: (nullable): the answer that came with it
 *
 * Returns: (transfer full): the #MP2_PLAN_ERROR for @error (a cancellation stays
 *   one): OFFLINE for what passes (network, time-outs, 5xx, rate limits after the
 *   retries, a cut answer), KEY_REJECTED for a 401, FAILED for the rest
 */
GError *
mp2_weather_error_from_http (const char      *service,
                             const GError    *error,
                             Mp2HttpResponse *response)
{
  g_debug ("%s: %s (status %u)", service, error->message,
           response != NULL ? response->status : 0);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain != MP2_HTTP_ERROR)
    return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                        /* Translators: %s is a weather service ("Open-Meteo"), the second %s why
                         */
                        _("%s could not give the forecast: %s"), service, error->message);

  switch ((Mp2HttpError) error->code)
    {
    case MP2_HTTP_ERROR_RATE_LIMITED:
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                          /* Translators: %s is a weather service ("Open-Meteo") */
                          _("%s received too many requests and asks to wait. The forecast "
                            "will follow later."), service);

    case MP2_HTTP_ERROR_SERVER:
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                          /* Translators: %s is a weather service ("Open-Meteo") */
                          _("%s has a problem of its own. The forecast will follow when it "
                            "works again."), service);

    case MP2_HTTP_ERROR_NETWORK:
    case MP2_HTTP_ERROR_TIMEOUT:
    case MP2_HTTP_ERROR_OFFLINE:
    case MP2_HTTP_ERROR_CIRCUIT_OPEN:
    case MP2_HTTP_ERROR_BAD_RESPONSE:
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                          /* Translators: %s is a weather service ("Open-Meteo") */
                          _("%s cannot be reached now. The forecast will follow when the "
                            "connection is back."), service);

    case MP2_HTTP_ERROR_UNAUTHORIZED:
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_KEY_REJECTED,
                          /* Translators: %s is a weather service ("OpenWeatherMap") */
                          _("%s refused the API key. Check the key in Preferences; a new "
                            "key may take a few hours to work."), service);

    case MP2_HTTP_ERROR_BAD_REQUEST:
    case MP2_HTTP_ERROR_FORBIDDEN:
    case MP2_HTTP_ERROR_NOT_FOUND:
    case MP2_HTTP_ERROR_CONFLICT:
    case MP2_HTTP_ERROR_GONE:
    case MP2_HTTP_ERROR_PRECONDITION_FAILED:
    case MP2_HTTP_ERROR_FAILED:
    case MP2_HTTP_ERROR_INSECURE:
    default:
      return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                          /* Translators: %s is a weather service ("Open-Meteo") */
                          _("%s did not accept the request for the forecast. Try again "
                            "later, or choose the other weather service in Preferences."),
                          service);
    }
}

/* JSON */

double
mp2_weather_json_number (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return NAN;

  return json_node_get_double (node);
}

JsonObject *
mp2_weather_json_object (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

GDateTime *
mp2_weather_date_time_from_unix (gint64     unix_seconds,
                                 GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, zone);
}
