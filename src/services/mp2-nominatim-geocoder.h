/* mp2-nominatim-geocoder.h
 *
 * OpenStreetMap's Nominatim as a geocoder (id "nominatim"), the default: no key,
 * at most one request a second with a User-Agent that names the app, as its usage
 * policy asks, and answers kept in the store's cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-geocoder.h"
#include "mp2-http-client.h"
#include "mp2-store.h"

G_BEGIN_DECLS

/* The token bucket of Mp2HttpClient for Nominatim; mp2_planning_configure_rate_limits()
 * allows one request a second, no burst
 * (https://operations.osmfoundation.org/policies/nominatim/). */
#define MP2_NOMINATIM_API "nominatim"

#define MP2_TYPE_NOMINATIM_GEOCODER (mp2_nominatim_geocoder_get_type ())

G_DECLARE_FINAL_TYPE (Mp2NominatimGeocoder, mp2_nominatim_geocoder, MP2, NOMINATIM_GEOCODER,
                      GObject)

/* @store: nullable, no cache; @base_url: NULL for MP2_NOMINATIM_URL or the public
 * server, https://nominatim.openstreetmap.org/ */
Mp2NominatimGeocoder *mp2_nominatim_geocoder_new (Mp2HttpClient *http,
                                                  Mp2Store      *store,
                                                  const char    *base_url);

G_END_DECLS
