/* mp2-google-routes.h
 *
 * Google Routes API v2 (computeRoutes) as a route provider (id "google"): live and
 * predicted traffic for the departure time, with an API key from Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"
#include "mp2-route-provider.h"
#include "mp2-store.h"

G_BEGIN_DECLS

#define MP2_TYPE_GOOGLE_ROUTES (mp2_google_routes_get_type ())

G_DECLARE_FINAL_TYPE (Mp2GoogleRoutes, mp2_google_routes, MP2, GOOGLE_ROUTES, GObject)

/* The field mask sent with every request: exactly what the route needs. */
#define MP2_GOOGLE_ROUTES_FIELD_MASK \
  "routes.duration,routes.staticDuration,routes.distanceMeters,routes.polyline.encodedPolyline"

Mp2GoogleRoutes *mp2_google_routes_new         (Mp2HttpClient   *http,
                                                Mp2Store        *store,
                                                const char      *base_url);
/* NULL or "": every question fails with MP2_PLAN_ERROR_NO_KEY, without a request. */
void             mp2_google_routes_set_api_key (Mp2GoogleRoutes *self,
                                                const char      *api_key);

G_END_DECLS
