/* mp2-osrm-routes.h
 *
 * OSRM (routes on OpenStreetMap data) as a route provider (id "osrm"): no key, by
 * default the public demo server, or another server chosen in Preferences. Driving
 * only, and without traffic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"
#include "mp2-route-provider.h"
#include "mp2-store.h"

G_BEGIN_DECLS

#define MP2_TYPE_OSRM_ROUTES (mp2_osrm_routes_get_type ())

G_DECLARE_FINAL_TYPE (Mp2OsrmRoutes, mp2_osrm_routes, MP2, OSRM_ROUTES, GObject)

/* The public demo server (FOSSGIS): at most one request a second, non-commercial use. */
#define MP2_OSRM_DEMO_SERVER_URL "https://router.project-osrm.org/"

/* @base_url: (nullable): where `route/v1/` is found, possibly below a path
 * ("https://osrm.example.org/osrm/"); NULL: the demo server, or MP2_OSRM_URL. */
Mp2OsrmRoutes *mp2_osrm_routes_new (Mp2HttpClient *http,
                                    Mp2Store      *store,
                                    const char    *base_url);

G_END_DECLS
