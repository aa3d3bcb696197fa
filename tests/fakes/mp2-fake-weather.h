/* mp2-fake-weather.h
 *
 * A fake of the two weather services on one SoupServer at http://127.0.0.1:PORT, with
 * the real paths, so that MP2_OPEN_METEO_URL and MP2_OPENWEATHERMAP_URL can both
 * point at it:
 *
 *   GET /v1/forecast         Open-Meteo's forecast API (api "open-meteo")
 *   GET /data/2.5/forecast   OpenWeatherMap's 5 day / 3 hour forecast ("openweathermap")
 *
 * Answers are made for whatever place and dates are asked, from one weather (a mild
 * default day, changed with mp2_fake_weather_set_value ()), in the shapes of
 * tests/data/contracts/samples/open_meteo and …/openweathermap: Open-Meteo's
 * parallel arrays for the local days from start_date to end_date in the asked
 * timezone (23 or 25 hours on the days the clocks change), ISO local times or unix
 * seconds (`timeformat`), `null` where a value is unset, wind in the asked unit, 400
 * `{"error": true, "reason": …}` for a parameter it does not know or a date out of
 * its 16 days; OpenWeatherMap's 40 steps of 3 hours from now, `cod` the string "200",
 * `pop` 0..1, `rain.3h` only when it rains, units as asked (Kelvin by default),
 * today's sunrise and sunset under `city`, 401 for another key. Requests that break
 * the contract are kept as violations.
 *
 * The server runs in the GMainContext that was the thread's default when the fake
 * was made: tests drive the client and the fake from one loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The key the fake OpenWeatherMap accepts unless mp2_fake_weather_set_api_key () says
 * another. */
#define MP2_FAKE_WEATHER_API_KEY "0123456789abcdef0123456789abcdef"

/* The default weather, every hour: °C = 10 + local hour / 2 (10 at midnight, 21.5 at
 * 23:00), feeling 2 °C colder, 10 % rain probability, dry, partly cloudy (WMO 2),
 * wind 4 m/s, gusts 7 m/s; the sun rises at 06:04 and sets at 17:38, local time. */
#define MP2_FAKE_WEATHER_SUNRISE_HOUR   6
#define MP2_FAKE_WEATHER_SUNRISE_MINUTE 4
#define MP2_FAKE_WEATHER_SUNSET_HOUR    17
#define MP2_FAKE_WEATHER_SUNSET_MINUTE  38

/**
 * Mp2FakeWeatherField:
 *
 * A value of an hour, in metric units: °C, percent, mm in the hour, a WMO code, m/s.
 */
typedef enum
{
  MP2_FAKE_WEATHER_TEMPERATURE,
  MP2_FAKE_WEATHER_APPARENT_TEMPERATURE,
  MP2_FAKE_WEATHER_PRECIPITATION_PROBABILITY,
  MP2_FAKE_WEATHER_PRECIPITATION,
  MP2_FAKE_WEATHER_WEATHER_CODE,
  MP2_FAKE_WEATHER_WIND_SPEED,
  MP2_FAKE_WEATHER_WIND_GUSTS,
} Mp2FakeWeatherField;

/**
 * Mp2FakeWeatherFault:
 * @MP2_FAKE_WEATHER_FAULT_RATE_LIMIT: Open-Meteo's 429 "Daily API request limit
 *   exceeded" sample; OpenWeatherMap's 429 "temporary blocked" sample
 * @MP2_FAKE_WEATHER_FAULT_MINUTE_LIMIT: Open-Meteo's 429 "Minutely API request limit
 *   exceeded" (OpenWeatherMap: as RATE_LIMIT)
 * @MP2_FAKE_WEATHER_FAULT_BAD_REQUEST: Open-Meteo's 400 sample; OpenWeatherMap's 404
 *   `{"cod": "404"}` sample
 * @MP2_FAKE_WEATHER_FAULT_KEY_REJECTED: OpenWeatherMap's 401 sample (Open-Meteo: as
 *   BAD_REQUEST)
 * @MP2_FAKE_WEATHER_FAULT_SERVER_ERROR: 503 with a plain text page, as a front end's
 *
 * What a scripted fault answers, with the bodies of tests/data/contracts/samples.
 */
typedef enum
{
  MP2_FAKE_WEATHER_FAULT_RATE_LIMIT,
  MP2_FAKE_WEATHER_FAULT_MINUTE_LIMIT,
  MP2_FAKE_WEATHER_FAULT_BAD_REQUEST,
  MP2_FAKE_WEATHER_FAULT_KEY_REJECTED,
  MP2_FAKE_WEATHER_FAULT_SERVER_ERROR,
} Mp2FakeWeatherFault;

#define MP2_TYPE_FAKE_WEATHER (mp2_fake_weather_get_type ())

G_DECLARE_FINAL_TYPE (Mp2FakeWeather, mp2_fake_weather, MP2, FAKE_WEATHER, GObject)

Mp2FakeWeather *mp2_fake_weather_new                 (GError              **error);
/* "http://127.0.0.1:PORT/" */
const char     *mp2_fake_weather_get_url             (Mp2FakeWeather       *self);
/* MP2_OPEN_METEO_URL and MP2_OPENWEATHERMAP_URL */
void            mp2_fake_weather_export_environment  (Mp2FakeWeather       *self);

/* Answers */
/* @field from @from until @until (exclusive) is @value; NAN: `null` for Open-Meteo,
 * the member left out for OpenWeatherMap. Later settings win. */
void            mp2_fake_weather_set_value           (Mp2FakeWeather       *self,
                                                      Mp2FakeWeatherField   field,
                                                      GDateTime            *from,
                                                      GDateTime            *until,
                                                      double                value);
/* The zone of the place, for the local hours of the default weather, the sun, and
 * OpenWeatherMap's `city.timezone` (which has no timezone parameter). Default:
 * Europe/Warsaw. */
void            mp2_fake_weather_set_time_zone       (Mp2FakeWeather       *self,
                                                      GTimeZone            *zone);
void            mp2_fake_weather_set_api_key         (Mp2FakeWeather       *self,
                                                      const char           *api_key);
/* How many days back Open-Meteo's start_date may be (92 unless set), so that a test
 * can ask for a fixed date, such as the night the clocks went back. */
void            mp2_fake_weather_set_past_days       (Mp2FakeWeather       *self,
                                                      guint                 days);
/* OpenWeatherMap's `cod` as the number 200 instead of the string "200". */
void            mp2_fake_weather_set_numeric_cod     (Mp2FakeWeather       *self,
                                                      gboolean              numeric);

/* Faults: @api "open-meteo" or "openweathermap"; the first @skip requests pass, then
 * @count get the fault (0: all). Tried in the order they were added. */
guint           mp2_fake_weather_add_fault           (Mp2FakeWeather       *self,
                                                      const char           *api,
                                                      Mp2FakeWeatherFault   fault,
                                                      guint                 skip,
                                                      guint                 count);
guint           mp2_fake_weather_get_fault_hits      (Mp2FakeWeather       *self,
                                                      guint                 fault_id);
void            mp2_fake_weather_clear_faults        (Mp2FakeWeather       *self);

/* What the client did */
guint           mp2_fake_weather_get_request_count   (Mp2FakeWeather       *self,
                                                      const char           *api);
void            mp2_fake_weather_reset_request_counts (Mp2FakeWeather      *self);
/* A query parameter of the last request of @api, or NULL. */
const char     *mp2_fake_weather_get_last_parameter  (Mp2FakeWeather       *self,
                                                      const char           *api,
                                                      const char           *name);
/* Requests that broke the contract, as sentences. */
GPtrArray      *mp2_fake_weather_get_violations      (Mp2FakeWeather       *self);
void            mp2_fake_weather_clear_violations    (Mp2FakeWeather       *self);

G_END_DECLS
