/* mp2-weather-provider-private.h
 *
 * What the weather providers share: the question (place, working day), the store's
 * cache read and written off the main thread around the provider's own request, the
 * horizon check, and HTTP failures told as MP2_PLAN_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"
#include "mp2-store.h"
#include "mp2-weather-provider.h"

G_BEGIN_DECLS

/* Decimals of a coordinate in a request and a cache key: 3 is about 100 m, finer
 * than any forecast grid. */
#define MP2_WEATHER_COORDINATE_DECIMALS 3

/* A question for the forecast, the task data of a forecast's GTask. */
typedef struct
{
  Mp2Place  *place;
  GDateTime *from;
  GDateTime *until;   /* in @from's time zone */
  Mp2Store  *store;   /* nullable: no cache */
  char      *cache_key;
} Mp2WeatherQuery;

/* Asks the provider: sends its request with mp2_weather_task_send(), or returns an
 * error; takes the task. */
typedef void (*Mp2WeatherFetchFunc) (GTask *task);

/**
 * Mp2WeatherService:
 * @parse: reads a 2xx answer's JSON object: the forecast of the question, or %NULL
 *   with an %MP2_PLAN_ERROR
 * @map_http_error: the %MP2_PLAN_ERROR of a failed request, or of an answer that is
 *   no JSON object (%MP2_HTTP_ERROR_BAD_RESPONSE): usually the service's own verdicts,
 *   then mp2_weather_error_from_http()
 *
 * How one provider reads what its request brought.
 */
typedef struct
{
  Mp2Forecast *(*parse)          (JsonObject             *root,
                                  const Mp2WeatherQuery  *query,
                                  GError                **error);
  GError      *(*map_http_error) (const GError           *error,
                                  Mp2HttpResponse        *response);
} Mp2WeatherService;

char      *mp2_weather_format_coordinate (double                 degrees);
char      *mp2_weather_cache_key         (const char            *provider,
                                          const Mp2Place        *place,
                                          GDateTime             *from,
                                          GDateTime             *until);

GTask     *mp2_weather_task_new          (Mp2WeatherProvider    *provider,
                                          Mp2Store              *store,
                                          const Mp2Place        *place,
                                          GDateTime             *from,
                                          GDateTime             *until,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data);
const Mp2WeatherQuery *mp2_weather_task_get_query (GTask        *task);
void       mp2_weather_task_start        (GTask                 *task,
                                          Mp2WeatherFetchFunc    fetch);
void       mp2_weather_task_send         (GTask                 *task,
                                          const Mp2WeatherService *service,
                                          Mp2HttpClient         *http,
                                          Mp2HttpRequest        *request);

gboolean   mp2_weather_check_horizon     (const char            *service,
                                          guint                  horizon_days,
                                          GDateTime             *until,
                                          GDateTime             *last,
                                          GError               **error);
GError    *mp2_weather_error_from_http   (const char            *service,
                                          const GError          *error,
                                          Mp2HttpResponse       *response);

/* The value of a JSON member as a number, NAN when absent, null or not a number. */
double     mp2_weather_json_number       (JsonObject            *object,
                                          const char            *name);
JsonObject *mp2_weather_json_object      (JsonObject            *object,
                                          const char            *name);
GDateTime *mp2_weather_date_time_from_unix (gint64               unix_seconds,
                                            GTimeZone           *zone);

G_END_DECLS
