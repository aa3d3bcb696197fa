/* mp2-geocoder-private.h
 *
 * What the geocoders share: the address cleaned for a request and normalised for the
 * cache key, one search's steps (the store's cache read off the main thread, the
 * request, the answer read by the provider, the choice among its results, the cache
 * written), and HTTP failures told as MP2_PLAN_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-geocoder.h"
#include "mp2-http-client.h"
#include "mp2-store.h"

G_BEGIN_DECLS

/* How long an address that fits no place, or several, is remembered: a day, so that
 * the re-checks of one day do not ask again, while a place mapped since, or a
 * service that was wrong for a moment, is found the next day. */
#define MP2_GEOCODER_NEGATIVE_CACHE_SECONDS (24 * 3600)

/* The first two results further apart than this are two different places... */
#define MP2_GEOCODER_AMBIGUOUS_METRES 2000.0
/* ...when the second is at least this fraction as important as the first. */
#define MP2_GEOCODER_SIMILAR_IMPORTANCE 0.8

/* A 200 answer that says "wait" (Google's OVER_QUERY_LIMIT) is asked again this many
 * times, after 1 s, then 2 s. */
#define MP2_GEOCODER_MAX_BODY_RETRIES 2

/* One result of a service: a place, and how important the service thinks it is
 * (Nominatim's `importance`, 0 to 1; -1 when the service does not say). */
typedef struct
{
  Mp2Place *place;
  double    importance;
} Mp2GeocoderCandidate;

/* What a service answered for an address, before a place is chosen: its results in
 * its order, and whether it matched only part of the address (Google's
 * `partial_match`). This is what the cache keeps. */
typedef struct
{
  GPtrArray *candidates;   /* Mp2GeocoderCandidate */
  gboolean   partial;
} Mp2GeocoderAnswer;

Mp2GeocoderAnswer *mp2_geocoder_answer_new      (void);
void               mp2_geocoder_answer_free     (Mp2GeocoderAnswer *answer);
void               mp2_geocoder_answer_add      (Mp2GeocoderAnswer *answer,
                                                 double             latitude,
                                                 double             longitude,
                                                 const char        *name,
                                                 double             importance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2GeocoderAnswer, mp2_geocoder_answer_free)

/**
 * Mp2GeocoderProvider:
 * @id: the provider's id, in the cache key: "nominatim", "google"
 * @service_name: the service's name in messages ("OpenStreetMap", "Google Maps")
 * @new_request: the request for a cleaned, non-empty address
 * @parse: reads a 2xx answer: its results, or %NULL with an %MP2_PLAN_ERROR
 *   (%MP2_PLAN_ERROR_OFFLINE for an answer that asks to wait: it is asked again)
 * @map_http_error: (nullable): the provider's own reading of a failed request;
 *   returns %NULL to leave it to mp2_geocoder_error_from_http()
 *
 * How one provider asks and reads; the steps around are mp2_geocoder_search_run()'s.
 */
typedef struct
{
  const char        *id;
  const char        *service_name;
  Mp2HttpRequest    *(*new_request)    (gpointer          geocoder,
                                        const char       *address);
  Mp2GeocoderAnswer *(*parse)          (gpointer          geocoder,
                                        Mp2HttpResponse  *response,
                                        GError          **error);
  GError            *(*map_http_error) (gpointer          geocoder,
                                        const GError     *error,
                                        Mp2HttpResponse  *response);
} Mp2GeocoderProvider;

char      *mp2_geocoder_clean_address       (const char                *address);
char      *mp2_geocoder_normalize_address   (const char                *address);
char      *mp2_geocoder_cache_key           (const char                *provider,
                                             const char                *address);

Mp2Place  *mp2_geocoder_answer_choose       (const Mp2GeocoderAnswer   *answer,
                                             const char                *address,
                                             GError                   **error);
char      *mp2_geocoder_answer_to_string    (const Mp2GeocoderAnswer   *answer);
Mp2GeocoderAnswer *mp2_geocoder_answer_from_string (const char         *text);

void       mp2_geocoder_search_run          (GTask                     *task,
                                             const Mp2GeocoderProvider *provider,
                                             Mp2HttpClient             *http,
                                             Mp2Store                  *store,
                                             const char                *address);

GError    *mp2_geocoder_new_bad_answer_error (const char               *service_name);
GError    *mp2_geocoder_error_from_http     (const GError              *error,
                                             Mp2HttpResponse           *response,
                                             const char                *service_name);
gboolean   mp2_geocoder_parse_coordinate    (JsonNode                  *node,
                                             double                     min,
                                             double                     max,
                                             double                    *out);

G_END_DECLS
