/* mp2-weather-provider.h
 *
 * The forecast at the set across a working day: Open-Meteo (no key) or
 * OpenWeatherMap (a key in the keyring). A day past the provider's horizon is
 * MP2_PLAN_ERROR_BEYOND_HORIZON: the forecast is asked again later. Answers are
 * cached in the store for an hour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-forecast.h"
#include "mp2-plan-data.h"

G_BEGIN_DECLS

#define MP2_TYPE_WEATHER_PROVIDER (mp2_weather_provider_get_type ())

G_DECLARE_INTERFACE (Mp2WeatherProvider, mp2_weather_provider, MP2, WEATHER_PROVIDER, GObject)

/* How long a provider keeps an answer in the store's cache. */
#define MP2_WEATHER_CACHE_SECONDS 3600

struct _Mp2WeatherProviderInterface
{
  GTypeInterface parent_iface;

  const char  *(*get_id)          (Mp2WeatherProvider   *self);
  guint        (*get_horizon_days) (Mp2WeatherProvider  *self);
  void         (*forecast_async)  (Mp2WeatherProvider   *self,
                                   const Mp2Place       *place,
                                   GDateTime            *from,
                                   GDateTime            *until,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
  Mp2Forecast *(*forecast_finish) (Mp2WeatherProvider   *self,
                                   GAsyncResult         *result,
                                   GError              **error);
};

/* "open-meteo", "openweathermap" */
const char  *mp2_weather_provider_get_id           (Mp2WeatherProvider   *self);
/* Days ahead, today included, that the provider forecasts. */
guint        mp2_weather_provider_get_horizon_days (Mp2WeatherProvider   *self);
/* The hours from @from to @until (the working day, which may run past midnight), in
 * @from's time zone, with the sunrise and sunset of @from's day. */
void         mp2_weather_provider_forecast_async   (Mp2WeatherProvider   *self,
                                                    const Mp2Place       *place,
                                                    GDateTime            *from,
                                                    GDateTime            *until,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
Mp2Forecast *mp2_weather_provider_forecast_finish  (Mp2WeatherProvider   *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
