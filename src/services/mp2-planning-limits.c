/* mp2-planning-limits.c
 *
 * Each planning service's token bucket on the HTTP client, by the API id its requests
 * name (mp2_http_request_set_api()). The keyless public servers ask for at most one
 * request a second: OSRM's demo server (its wiki, "Demo server") and Nominatim (its
 * usage policy); a burst of 1 keeps even the first seconds under that. The keyed and
 * the larger services allow more: Google Maps Platform quotas are thousands a
 * minute, Open-Meteo 600 a minute, OpenWeatherMap's free plan 60 a minute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-planning-limits"

#include "config.h"

#include "mp2-planning-limits.h"

typedef struct
{
  const char *api;
  double      per_second;
  guint       burst;
} Limit;

static const Limit limits[] = {
  { "osrm",             1.0,  1 },
  { "nominatim",        1.0,  1 },
  { "google-routes",    10.0, 10 },
  { "google-geocoding", 10.0, 10 },
  { "open-meteo",       5.0,  10 },
  { "openweathermap",   1.0,  5 },
};

/**
 * mp2_planning_configure_rate_limits:
 * @http: the app's HTTP client
 *
 * Sets the rate limits of the route, geocoding and weather services on @http.
 */
void
mp2_planning_configure_rate_limits (Mp2HttpClient *http)
{
  g_return_if_fail (MP2_IS_HTTP_CLIENT (http));

  for (gsize i = 0; i < G_N_ELEMENTS (limits); i++)
    mp2_http_client_set_rate_limit (http, limits[i].api, limits[i].per_second,
                                    limits[i].burst);
}
