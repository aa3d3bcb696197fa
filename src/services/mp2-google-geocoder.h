/* mp2-google-geocoder.h
 *
 * Google's Geocoding API as a geocoder (id "google"), for users who added a Google
 * Maps API key: the key travels in the query and never reaches a log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-geocoder.h"
#include "mp2-http-client.h"
#include "mp2-store.h"

G_BEGIN_DECLS

/* The token bucket of Mp2HttpClient for the Geocoding API (see
 * mp2_planning_configure_rate_limits()). */
#define MP2_GOOGLE_GEOCODING_API "google-geocoding"

#define MP2_TYPE_GOOGLE_GEOCODER (mp2_google_geocoder_get_type ())

G_DECLARE_FINAL_TYPE (Mp2GoogleGeocoder, mp2_google_geocoder, MP2, GOOGLE_GEOCODER, GObject)

/* @store: nullable, no cache; @base_url: NULL for MP2_GEOCODING_URL or
 * https://maps.googleapis.com/ */
Mp2GoogleGeocoder *mp2_google_geocoder_new         (Mp2HttpClient     *http,
                                                    Mp2Store          *store,
                                                    const char        *base_url);
/* NULL or "": searches fail with MP2_PLAN_ERROR_NO_KEY and send nothing. */
void               mp2_google_geocoder_set_api_key (Mp2GoogleGeocoder *self,
                                                    const char        *api_key);

G_END_DECLS
