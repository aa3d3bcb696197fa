/* mp2-openweathermap.h
 *
 * OpenWeatherMap's 5 day / 3 hour forecast (API 2.5) as a weather provider (id
 * "openweathermap"): needs the user's API key (kept in the keyring, see
 * mp2-api-keys.h); each hour of the forecast is a three-hour step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"
#include "mp2-store.h"
#include "mp2-weather-provider.h"

G_BEGIN_DECLS

#define MP2_TYPE_OPENWEATHERMAP (mp2_openweathermap_get_type ())

G_DECLARE_FINAL_TYPE (Mp2OpenWeatherMap, mp2_openweathermap, MP2, OPENWEATHERMAP, GObject)

#define MP2_OPENWEATHERMAP_URL "https://api.openweathermap.org/"

/* Its forecast reaches 5 days (40 steps of 3 hours) from now. */
#define MP2_OPENWEATHERMAP_HORIZON_DAYS 5

/* @store: (nullable): no cache without one; @base_url: (nullable): where `data/2.5/`
 * is found; NULL: OpenWeatherMap's, or MP2_OPENWEATHERMAP_URL's override. */
Mp2OpenWeatherMap *mp2_openweathermap_new         (Mp2HttpClient     *http,
                                                   Mp2Store          *store,
                                                   const char        *base_url);
/* NULL or "": every forecast fails with MP2_PLAN_ERROR_NO_KEY, without a request. */
void               mp2_openweathermap_set_api_key (Mp2OpenWeatherMap *self,
                                                   const char        *key);
/* The WMO 4677 code of an OpenWeatherMap condition id (800 → 0…), or -1. */
int                mp2_openweathermap_condition_to_wmo (int            condition);

G_END_DECLS
