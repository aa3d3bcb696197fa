/* mp2-planning-providers.h
 *
 * The geocoder, route provider and weather provider that Preferences choose, with
 * their API keys from the keyring; made again when a choice or a key changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-geocoder.h"
#include "mp2-http-client.h"
#include "mp2-route-provider.h"
#include "mp2-store.h"
#include "mp2-weather-provider.h"

G_BEGIN_DECLS

#define MP2_TYPE_PLANNING_PROVIDERS (mp2_planning_providers_get_type ())

G_DECLARE_FINAL_TYPE (Mp2PlanningProviders, mp2_planning_providers, MP2, PLANNING_PROVIDERS,
                      GObject)

/* Signal "changed": the providers were made again (another choice, a key). */

Mp2PlanningProviders *mp2_planning_providers_new          (Mp2HttpClient        *http,
                                                           Mp2Store             *store,
                                                           GSettings            *settings);
Mp2Geocoder          *mp2_planning_providers_get_geocoder (Mp2PlanningProviders *self);
Mp2RouteProvider     *mp2_planning_providers_get_routes   (Mp2PlanningProviders *self);
Mp2WeatherProvider   *mp2_planning_providers_get_weather  (Mp2PlanningProviders *self);
/* Reads the API keys from the keyring again (after Preferences stored one). */
void                  mp2_planning_providers_reload_keys  (Mp2PlanningProviders *self);

G_END_DECLS
