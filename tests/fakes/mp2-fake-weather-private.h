/* mp2-fake-weather-private.h
 *
 * What the parts of the fake weather services share: its state, the weather it
 * answers from, replies, faults and contract violations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "mp2-fake-service.h"
#include "mp2-fake-weather.h"

G_BEGIN_DECLS

/* How far back Open-Meteo's forecast API gives days, unless set. */
#define OPEN_METEO_PAST_DAYS 92

typedef enum
{
  API_OPEN_METEO,
  API_OPENWEATHERMAP,
  N_APIS
} Api;

typedef struct
{
  Mp2FakeWeatherField  field;
  GDateTime           *from;
  GDateTime           *until;
  double               value;
} Setting;

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

  Mp2FakeFaultScript *faults;   /* by Api */

  guint        counts[N_APIS];
  GHashTable  *last_query[N_APIS];
  GPtrArray   *violations;   /* char * */
};

void      mp2_fake_weather_add_violation     (Mp2FakeWeather      *self,
                                              const char          *format,
                                              ...) G_GNUC_PRINTF (2, 3);
void      mp2_fake_weather_check_parameters  (Mp2FakeWeather      *self,
                                              Api                  api,
                                              GHashTable          *query,
                                              const char * const  *known);

/* The weather at @time, in metric units; NAN when set so. */
double    mp2_fake_weather_get_value         (Mp2FakeWeather      *self,
                                              Mp2FakeWeatherField  field,
                                              GDateTime           *time);
/* Sunrise or sunset on the local day that starts at @midnight. */
GDateTime *mp2_fake_weather_new_sun_time     (GDateTime           *midnight,
                                              int                  hour,
                                              int                  minute);
double    mp2_fake_weather_round_to          (double               value,
                                              double               step);
gboolean  mp2_fake_weather_parse_double      (const char          *text,
                                              double              *value);

/* A sample body of tests/data/contracts/samples ("open_meteo/error_400.docs.json"). */
JsonNode *mp2_fake_weather_load_sample       (const char          *name);
void      mp2_fake_weather_reply_json        (SoupServerMessage   *msg,
                                              guint                status,
                                              JsonNode            *node);
void      mp2_fake_weather_reply_sample      (SoupServerMessage   *msg,
                                              guint                status,
                                              const char          *name);
void      mp2_fake_weather_reply_unavailable (SoupServerMessage   *msg);

void      mp2_fake_weather_handle_open_meteo     (Mp2FakeWeather    *self,
                                                  SoupServerMessage *msg,
                                                  GHashTable        *params);
void      mp2_fake_weather_handle_openweathermap (Mp2FakeWeather    *self,
                                                  SoupServerMessage *msg,
                                                  GHashTable        *params);

G_END_DECLS
