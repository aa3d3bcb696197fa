/* mp2-forecast.h
 *
 * The weather at a place across a working day, as a weather provider gives it, and
 * what a crew member must be warned of: rain, wind, frost, heat, thunderstorms, fog.
 * Weather conditions are WMO 4677 codes as Open-Meteo gives them (other providers map
 * theirs to these), described in words and symbolic icons here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * Mp2ForecastHour:
 * @time: the start of the hour (a provider with 3-hour steps gives one per step)
 * @temperature: °C, or NAN when not given (a `null` of the provider)
 * @apparent_temperature: °C ("feels like"), or NAN
 * @precipitation_probability: percent, 0 to 100, or NAN
 * @precipitation: millimetres in the hour, or NAN
 * @weather_code: a WMO 4677 code (0 clear … 99 thunderstorm with hail), or -1
 * @wind_speed: metres a second, or NAN
 * @wind_gusts: metres a second, or NAN
 */
typedef struct
{
  GDateTime *time;
  double     temperature;
  double     apparent_temperature;
  double     precipitation_probability;
  double     precipitation;
  int        weather_code;
  double     wind_speed;
  double     wind_gusts;
} Mp2ForecastHour;

/**
 * Mp2Forecast:
 * @provider: the provider's id ("open-meteo", "openweathermap")
 * @hours: (element-type Mp2ForecastHour): in order of time
 * @sunrise: (nullable): of the day
 * @sunset: (nullable): of the day
 * @fetched_at: unix seconds
 */
typedef struct
{
  char      *provider;
  GArray    *hours;
  GDateTime *sunrise;
  GDateTime *sunset;
  gint64     fetched_at;
} Mp2Forecast;

#define MP2_TYPE_FORECAST (mp2_forecast_get_type ())

GType        mp2_forecast_get_type      (void) G_GNUC_CONST;
Mp2Forecast *mp2_forecast_new           (const char        *provider);
/* Copies @hour (and takes a reference on its time). */
void         mp2_forecast_add_hour      (Mp2Forecast       *self,
                                         const Mp2ForecastHour *hour);
Mp2Forecast *mp2_forecast_copy          (const Mp2Forecast *self);
void         mp2_forecast_free          (Mp2Forecast       *self);
/* The hour that @time falls in (the last one starting at or before it), or NULL. */
const Mp2ForecastHour *mp2_forecast_get_hour_at (const Mp2Forecast *self,
                                                 GDateTime         *time);
JsonNode    *mp2_forecast_to_json       (const Mp2Forecast *self);
Mp2Forecast *mp2_forecast_from_json     (JsonNode          *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2Forecast, mp2_forecast_free)

typedef enum
{
  MP2_WEATHER_WARNING_RAIN,
  MP2_WEATHER_WARNING_WIND,
  MP2_WEATHER_WARNING_FROST,
  MP2_WEATHER_WARNING_HEAT,
  MP2_WEATHER_WARNING_THUNDERSTORM,
  MP2_WEATHER_WARNING_FOG,
} Mp2WeatherWarningKind;

/**
 * Mp2WeatherThresholds:
 *
 * When a warning is given; the defaults (mp2_weather_thresholds_init()) are rain at a
 * probability of 50 % or more or over 0.5 mm an hour, wind of 10 m/s or more, below
 * 0 °C, above 30 °C.
 */
typedef struct
{
  double rain_probability;   /* percent */
  double rain_amount;        /* mm an hour */
  double wind_speed;         /* m/s */
  double cold;               /* °C: a temperature below it */
  double heat;               /* °C: a temperature above it */
} Mp2WeatherThresholds;

void         mp2_weather_thresholds_init (Mp2WeatherThresholds *thresholds);

/**
 * Mp2WeatherWarning:
 * @kind: what
 * @from: the first hour it holds
 * @until: the end of the last hour it holds
 * @value: the worst value in between (percent of rain probability, m/s, °C), NAN for
 *   thunderstorm and fog, and for rain when no probability is known
 * @amount: rain only: the most millimetres in an hour in between, or NAN
 */
typedef struct
{
  Mp2WeatherWarningKind  kind;
  GDateTime             *from;
  GDateTime             *until;
  double                 value;
  double                 amount;
} Mp2WeatherWarning;

void         mp2_weather_warning_free    (Mp2WeatherWarning *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2WeatherWarning, mp2_weather_warning_free)

/* The warnings between @from and @until (the working day), one per kind and run of
 * hours, in order of time. */
GPtrArray   *mp2_forecast_find_warnings  (const Mp2Forecast          *self,
                                          GDateTime                  *from,
                                          GDateTime                  *until,
                                          const Mp2WeatherThresholds *thresholds);
/* A translated sentence: "Rain likely from 10:00 to 14:00 (80 %)". @exterior: the
 * day has EXT scenes, said in the sentence ("… — the day has exterior scenes"). */
char        *mp2_weather_warning_describe (const Mp2WeatherWarning *warning,
                                           gboolean                 exterior);
JsonNode    *mp2_weather_warning_to_json  (const Mp2WeatherWarning *warning);

/* "Clear sky", "Light rain", … (translated), and a symbolic icon name of the
 * freedesktop/Adwaita set ("weather-clear-symbolic", "weather-clear-night-symbolic",
 * "weather-showers-symbolic", …). */
const char  *mp2_weather_code_describe    (int                      code);
const char  *mp2_weather_code_icon_name   (int                      code,
                                           gboolean                 night);

G_END_DECLS
