/* mp2-fake-geocoding.h
 *
 * A fake of the two geocoding services on one SoupServer at http://127.0.0.1:PORT,
 * with their real paths, so that MP2_NOMINATIM_URL and MP2_GEOCODING_URL can both
 * point at it: Nominatim's GET /search (jsonv2) and Google's GET
 * /maps/api/geocode/json. Answers are the bodies of tests/data/contracts/samples
 * (nominatim/, geocoding/, directions_legacy/), chosen per query; faults can be
 * scripted; every request is counted and checked: Nominatim's usage policy (a
 * User-Agent naming the app, at most one request a second) and the parameters each
 * service takes. The server runs in the GMainContext that was the thread's default
 * when the fake was made: tests drive the client and the fake from one loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The key the fake accepts unless mp2_fake_geocoding_set_google_key () says otherwise. */
#define MP2_FAKE_GEOCODING_GOOGLE_KEY "AIzaFakeGeocodingKey-0123456789abcdef"

typedef enum
{
  MP2_FAKE_GEOCODING_NOMINATIM,
  MP2_FAKE_GEOCODING_GOOGLE,
} Mp2FakeGeocodingService;

/**
 * Mp2FakeGeocodingFault:
 * @MP2_FAKE_GEOCODING_FAULT_RATE_LIMIT: HTTP 429 (Google: with the OVER_QUERY_LIMIT body)
 * @MP2_FAKE_GEOCODING_FAULT_SERVER_ERROR: HTTP 503
 * @MP2_FAKE_GEOCODING_FAULT_EMPTY: no result: Nominatim `[]`, Google `ZERO_RESULTS`
 * @MP2_FAKE_GEOCODING_FAULT_REQUEST_DENIED: Google: 200 `REQUEST_DENIED` (the key);
 *   Nominatim: 403, as it turns away a blocked client
 * @MP2_FAKE_GEOCODING_FAULT_OVER_QUERY_LIMIT: Google: 200 `OVER_QUERY_LIMIT`;
 *   Nominatim: 429
 *
 * What a scripted fault answers, instead of the query's answer.
 */
typedef enum
{
  MP2_FAKE_GEOCODING_FAULT_RATE_LIMIT,
  MP2_FAKE_GEOCODING_FAULT_SERVER_ERROR,
  MP2_FAKE_GEOCODING_FAULT_EMPTY,
  MP2_FAKE_GEOCODING_FAULT_REQUEST_DENIED,
  MP2_FAKE_GEOCODING_FAULT_OVER_QUERY_LIMIT,
} Mp2FakeGeocodingFault;

#define MP2_TYPE_FAKE_GEOCODING (mp2_fake_geocoding_get_type ())

G_DECLARE_FINAL_TYPE (Mp2FakeGeocoding, mp2_fake_geocoding, MP2, FAKE_GEOCODING, GObject)

/* The server */
Mp2FakeGeocoding *mp2_fake_geocoding_new                 (GError                 **error);
const char       *mp2_fake_geocoding_get_url             (Mp2FakeGeocoding        *self);
void              mp2_fake_geocoding_export_environment  (Mp2FakeGeocoding        *self);

/* Answers: @sample is a file under tests/data/contracts/samples
 * ("nominatim/search_chelmska.constructed.json"); @query is matched without regard
 * to case and runs of spaces. Queries without an answer get no result
 * (unless mp2_fake_geocoding_set_any_address ()). */
void              mp2_fake_geocoding_set_answer          (Mp2FakeGeocoding        *self,
                                                          Mp2FakeGeocodingService  service,
                                                          const char              *query,
                                                          const char              *sample);
void              mp2_fake_geocoding_set_google_key      (Mp2FakeGeocoding        *self,
                                                          const char              *key);
/* For the demo: queries without an answer are found anyway, each at a place in Warsaw
 * made up from a hash of its text. */
void              mp2_fake_geocoding_set_any_address     (Mp2FakeGeocoding        *self,
                                                          gboolean                 any);

/* Faults: the first @skip requests to @service pass, then @count get @fault (0: all) */
guint             mp2_fake_geocoding_add_fault           (Mp2FakeGeocoding        *self,
                                                          Mp2FakeGeocodingService  service,
                                                          Mp2FakeGeocodingFault    fault,
                                                          guint                    skip,
                                                          guint                    count);
guint             mp2_fake_geocoding_get_fault_hits      (Mp2FakeGeocoding        *self,
                                                          guint                    fault_id);
void              mp2_fake_geocoding_clear_faults        (Mp2FakeGeocoding        *self);

/* What the clients did */
guint             mp2_fake_geocoding_get_request_count   (Mp2FakeGeocoding        *self,
                                                          Mp2FakeGeocodingService  service);
void              mp2_fake_geocoding_reset_request_counts (Mp2FakeGeocoding       *self);
char             *mp2_fake_geocoding_dup_last_parameter  (Mp2FakeGeocoding        *self,
                                                          Mp2FakeGeocodingService  service,
                                                          const char              *name);
char             *mp2_fake_geocoding_dup_last_user_agent (Mp2FakeGeocoding        *self,
                                                          Mp2FakeGeocodingService  service);
char             *mp2_fake_geocoding_dup_violations_text (Mp2FakeGeocoding        *self);
void              mp2_fake_geocoding_clear_violations    (Mp2FakeGeocoding        *self);

/**
 * mp2_fake_geocoding_assert_no_violations:
 * @fake: a #Mp2FakeGeocoding
 *
 * Fails the test with the requests that broke a service's contract, if any.
 */
#define mp2_fake_geocoding_assert_no_violations(fake) \
  G_STMT_START { \
    g_autofree char *mp2_violations_ = mp2_fake_geocoding_dup_violations_text (fake); \
    g_assert_cmpstr (mp2_violations_, ==, ""); \
  } G_STMT_END

G_END_DECLS
