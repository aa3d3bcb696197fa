/* mp2-open-meteo.h
 *
 * Open-Meteo (https://open-meteo.com) as a weather provider (id "open-meteo"): no
 * key, hourly forecasts 16 days ahead, sunrise and sunset, in the day's time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"
#include "mp2-store.h"
#include "mp2-weather-provider.h"

G_BEGIN_DECLS

#define MP2_TYPE_OPEN_METEO (mp2_open_meteo_get_type ())

G_DECLARE_FINAL_TYPE (Mp2OpenMeteo, mp2_open_meteo, MP2, OPEN_METEO, GObject)

#define MP2_OPEN_METEO_URL "https://api.open-meteo.com/"

/* Days ahead, today included, that its forecast API gives (forecast_days ≤ 16). */
#define MP2_OPEN_METEO_HORIZON_DAYS 16

/* @store: (nullable): no cache without one; @base_url: (nullable): where `v1/` is
 * found; NULL: Open-Meteo's, or MP2_OPEN_METEO_URL's override. */
Mp2OpenMeteo *mp2_open_meteo_new (Mp2HttpClient *http,
                                  Mp2Store      *store,
                                  const char    *base_url);

G_END_DECLS
