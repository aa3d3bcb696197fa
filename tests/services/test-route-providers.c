/* test-route-providers.c
 *
 * The route providers against the fake routing services (tests/fakes/mp2-fake-routes)
 * over 127.0.0.1, with a real store for the cache: Google Routes (headers, body,
 * durations as "1394s", via point, traffic by departure, a departure already past,
 * modes, no route, 429 then success, 429 for good, 5xx, a refused key, no key) and
 * OSRM (lon,lat order, via point, NoRoute, NoSegment, the demo server's 429, modes,
 * its one request a second), the cache (a second question within the TTL sends no
 * request), and the fixed minutes from Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "mp2-fake-routes.h"
#include "mp2-google-routes.h"
#include "mp2-manual-route.h"
#include "mp2-osrm-routes.h"
#include "mp2-planning-limits.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS  30
#define MAX_ATTEMPTS  3

typedef struct
{
  Mp2FakeRoutes *fake;
  Mp2HttpClient *http;
  Mp2Store      *store;
  char          *directory;
  Mp2Place      *home;
  Mp2Place      *via;
  Mp2Place      *set;
  GDateTime     *departure;   /* tomorrow 05:40 UTC */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  f->fake = mp2_fake_routes_new (&error);
  g_assert_no_error (error);

  f->http = mp2_http_client_new ();
  mp2_http_client_set_allow_http (f->http, TRUE);
  mp2_http_client_set_retry_policy (f->http, 10, 50, MAX_ATTEMPTS);

  f->directory = g_dir_make_tmp ("mp2-routes-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = mp2_store_open (f->directory, &error);
  g_assert_no_error (error);

  /* the samples' places: Al. Jerozolimskie to Żwirki i Wigury, Warsaw */
  f->home = mp2_place_new (52.228831, 21.003143, "Aleje Jerozolimskie");
  f->via = mp2_place_new (52.2054, 20.9832, "Wypożyczalnia");
  f->set = mp2_place_new (52.170946, 20.973213, "Żwirki i Wigury");
  f->departure = g_date_time_new_utc (g_date_time_get_year (tomorrow),
                                      g_date_time_get_month (tomorrow),
                                      g_date_time_get_day_of_month (tomorrow), 5, 40, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  mp2_test_remove_tree (f->directory);
  g_free (f->directory);
  g_clear_object (&f->http);
  g_clear_object (&f->fake);
  g_clear_pointer (&f->home, mp2_place_free);
  g_clear_pointer (&f->via, mp2_place_free);
  g_clear_pointer (&f->set, mp2_place_free);
  g_clear_pointer (&f->departure, g_date_time_unref);
}

static Mp2RouteProvider *
new_google (Fixture  *f,
            Mp2Store *store)
{
  Mp2GoogleRoutes *google = mp2_google_routes_new (f->http, store,
                                                   mp2_fake_routes_get_url (f->fake));

  mp2_google_routes_set_api_key (google, MP2_FAKE_ROUTES_API_KEY);

  return MP2_ROUTE_PROVIDER (google);
}

static Mp2RouteProvider *
new_osrm (Fixture  *f,
          Mp2Store *store)
{
  return MP2_ROUTE_PROVIDER (mp2_osrm_routes_new (f->http, store,
                                                  mp2_fake_routes_get_url (f->fake)));
}

static Mp2Route *
compute (Mp2RouteProvider  *provider,
         const Mp2Place    *from,
         const Mp2Place    *via,
         const Mp2Place    *to,
         GDateTime         *departure,
         Mp2TravelMode      mode,
         GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_route_provider_compute_async (provider, from, via, to, departure, mode, NULL,
                                    mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the route");

  return mp2_route_provider_compute_finish (provider, result, error);
}

static Mp2Route *
compute_drive (Fixture          *f,
               Mp2RouteProvider *provider,
               GError          **error)
{
  return compute (provider, f->home, NULL, f->set, f->departure, MP2_TRAVEL_MODE_DRIVE, error);
}

static void
assert_no_violations (Fixture *f)
{
  GPtrArray *violations = mp2_fake_routes_get_violations (f->fake);

  for (guint i = 0; i < violations->len; i++)
    g_test_message ("violation: %s", (const char *) g_ptr_array_index (violations, i));
  g_assert_cmpuint (violations->len, ==, 0);
}

static void
assert_lat_lng (JsonObject *waypoint,
                double      latitude,
                double      longitude)
{
  JsonObject *lat_lng = json_object_get_object_member (
    json_object_get_object_member (waypoint, "location"), "latLng");

  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (lat_lng, "latitude"),
                                  latitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (lat_lng, "longitude"),
                                  longitude, 1e-6);
}

/* Google Routes -------------------------------------------------------------------- */

static void
test_google_route (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (f->departure);
  g_autofree char *departure = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  JsonObject *body;

  g_assert_cmpstr (mp2_route_provider_get_id (google), ==, "google");
  g_assert_true (mp2_route_provider_get_uses_traffic (google));

  route = compute_drive (f, google, &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 1394);
  g_assert_cmpint (route->static_duration, ==, 1035);
  g_assert_cmpint (route->distance, ==, 8931);
  g_assert_cmpstr (route->provider, ==, "google");
  g_assert_false (route->estimate);
  g_assert_cmpstr (route->polyline, ==, "e}w}Hsde_CpMj[zh@bt@~xAbj@j}AzYbwArSx_@|M");

  /* the headers Google wants, and what the body asks */
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 1);
  g_assert_cmpstr (mp2_fake_routes_get_last_header (f->fake, "google", "X-Goog-Api-Key"), ==,
                   MP2_FAKE_ROUTES_API_KEY);
  g_assert_cmpstr (mp2_fake_routes_get_last_header (f->fake, "google", "X-Goog-FieldMask"), ==,
                   "routes.duration,routes.staticDuration,routes.distanceMeters,"
                   "routes.polyline.encodedPolyline");
  body = mp2_fake_routes_get_last_body (f->fake);
  g_assert_nonnull (body);
  assert_lat_lng (json_object_get_object_member (body, "origin"), 52.228831, 21.003143);
  assert_lat_lng (json_object_get_object_member (body, "destination"), 52.170946, 20.973213);
  g_assert_false (json_object_has_member (body, "intermediates"));
  g_assert_cmpstr (json_object_get_string_member (body, "travelMode"), ==, "DRIVE");
  g_assert_cmpstr (json_object_get_string_member (body, "routingPreference"), ==,
                   "TRAFFIC_AWARE");
  g_assert_cmpstr (json_object_get_string_member (body, "departureTime"), ==, departure);
  assert_no_violations (f);
}

static void
test_google_via (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *intermediates;

  route = compute (google, f->home, f->via, f->set, f->departure, MP2_TRAVEL_MODE_DRIVE,
                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 1394);

  intermediates = json_object_get_array_member (mp2_fake_routes_get_last_body (f->fake),
                                                "intermediates");
  g_assert_cmpuint (json_array_get_length (intermediates), ==, 1);
  assert_lat_lng (json_array_get_object_element (intermediates, 0), 52.2054, 20.9832);
  assert_no_violations (f);
}

/* Later departures meet more traffic: 20 minutes plus one minute for each minute after
 * 05:00 UTC, as a fake whose duration depends on the departure. */
static gint64
duration_by_departure (GDateTime *departure,
                       gpointer   user_data)
{
  g_assert_nonnull (departure);

  return 1200 + 60 * ((g_date_time_get_hour (departure) - 5) * 60 +
                      g_date_time_get_minute (departure));
}

static void
test_google_traffic (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (f->departure, 10);
  g_autoptr(Mp2Route) early = NULL;
  g_autoptr(Mp2Route) late = NULL;
  g_autoptr(GError) error = NULL;

  mp2_fake_routes_set_duration_func (f->fake, duration_by_departure, NULL, NULL);

  early = compute_drive (f, google, &error);
  g_assert_no_error (error);
  late = compute (google, f->home, NULL, f->set, later, MP2_TRAVEL_MODE_DRIVE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (early->duration, ==, 1200 + 40 * 60);
  g_assert_cmpint (late->duration, ==, 1200 + 50 * 60);
  g_assert_cmpint (early->static_duration, ==, 1035);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 2);
}

/* Google refuses a departureTime in the past (but for TRANSIT): the provider asks for
 * leaving now instead. */
static void
test_google_past_departure (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -1);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  route = compute (google, f->home, NULL, f->set, past, MP2_TRAVEL_MODE_DRIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 1394);
  g_assert_false (json_object_has_member (mp2_fake_routes_get_last_body (f->fake),
                                          "departureTime"));
  assert_no_violations (f);

  /* public transport may ask about the past */
  g_clear_pointer (&route, mp2_route_free);
  route = compute (google, f->home, NULL, f->set, past, MP2_TRAVEL_MODE_TRANSIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (mp2_fake_routes_get_last_body (f->fake),
                                         "departureTime"));
  assert_no_violations (f);
}

static void
test_google_modes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  route = compute (google, f->home, NULL, f->set, f->departure, MP2_TRAVEL_MODE_BICYCLE,
                   &error);
  g_assert_no_error (error);
  body = mp2_fake_routes_get_last_body (f->fake);
  g_assert_cmpstr (json_object_get_string_member (body, "travelMode"), ==, "BICYCLE");
  /* routingPreference makes any mode but driving fail */
  g_assert_false (json_object_has_member (body, "routingPreference"));
  g_assert_cmpint (route->duration, ==, route->static_duration);

  g_clear_pointer (&route, mp2_route_free);
  route = compute (google, f->home, NULL, f->set, f->departure, MP2_TRAVEL_MODE_WALK, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (mp2_fake_routes_get_last_body (f->fake),
                                                  "travelMode"), ==, "WALK");
  assert_no_violations (f);

  /* public transport takes no intermediate waypoints: said without asking */
  g_clear_pointer (&route, mp2_route_free);
  route = compute (google, f->home, f->via, f->set, f->departure, MP2_TRAVEL_MODE_TRANSIT,
                   &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE);
  g_assert_null (route);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 2);
}

static void
test_google_no_route (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  mp2_fake_routes_add_fault (f->fake, "google", MP2_FAKE_ROUTES_FAULT_NO_ROUTE, 0, 0);

  route = compute_drive (f, google, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE);
  g_assert_null (route);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 1);

  /* no answer is cached: the next question asks again */
  g_clear_error (&error);
  mp2_fake_routes_clear_faults (f->fake);
  route = compute_drive (f, google, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 2);
}

static void
test_google_rate_limit_then_success (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  guint fault;

  fault = mp2_fake_routes_add_fault (f->fake, "google", MP2_FAKE_ROUTES_FAULT_RATE_LIMIT, 0, 1);

  route = compute_drive (f, google, &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 1394);
  g_assert_cmpuint (mp2_fake_routes_get_fault_hits (f->fake, fault), ==, 1);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 2);
}

static void
test_google_rate_limit_exhausted (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  mp2_fake_routes_add_fault (f->fake, "google", MP2_FAKE_ROUTES_FAULT_RATE_LIMIT, 0, 0);

  route = compute_drive (f, google, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE);
  g_assert_null (route);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, MAX_ATTEMPTS);
}

static void
test_google_server_error (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  mp2_fake_routes_add_fault (f->fake, "google", MP2_FAKE_ROUTES_FAULT_SERVER_ERROR, 0, 0);

  route = compute_drive (f, google, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, MAX_ATTEMPTS);
}

static void
test_google_key_rejected (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  mp2_google_routes_set_api_key (MP2_GOOGLE_ROUTES (google), "AIzaSyNotTheKeyGoogleKnows");

  route = compute_drive (f, google, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_KEY_REJECTED);
  g_assert_null (route);
  /* a 400 is not tried again */
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 1);
}

static void
test_google_no_key (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  mp2_google_routes_set_api_key (MP2_GOOGLE_ROUTES (google), "");
  route = compute_drive (f, google, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_KEY);
  g_assert_null (route);

  g_clear_error (&error);
  mp2_google_routes_set_api_key (MP2_GOOGLE_ROUTES (google), NULL);
  route = compute_drive (f, google, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_KEY);

  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 0);
}

static void
test_google_cache (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(GDateTime) same_minute = g_date_time_add_seconds (f->departure, 25);
  g_autoptr(GDateTime) next_minute = g_date_time_add_minutes (f->departure, 1);
  g_autoptr(Mp2Route) first = NULL;
  g_autoptr(Mp2Route) second = NULL;
  g_autoptr(Mp2Route) third = NULL;
  g_autoptr(Mp2Route) via = NULL;
  g_autoptr(GError) error = NULL;

  first = compute_drive (f, google, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 1);

  /* the same question, the departure in the same minute: from the cache */
  second = compute (google, f->home, NULL, f->set, same_minute, MP2_TRAVEL_MODE_DRIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 1);
  g_assert_cmpint (second->duration, ==, first->duration);
  g_assert_cmpint (second->static_duration, ==, first->static_duration);
  g_assert_cmpint (second->distance, ==, first->distance);
  g_assert_cmpstr (second->provider, ==, "google");
  g_assert_cmpstr (second->polyline, ==, first->polyline);

  /* another minute, or a via point, is another question */
  third = compute (google, f->home, NULL, f->set, next_minute, MP2_TRAVEL_MODE_DRIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 2);
  via = compute (google, f->home, f->via, f->set, f->departure, MP2_TRAVEL_MODE_DRIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 3);
}

/* What the store keeps: the key names the provider, the places rounded to about a
 * metre, the mode and the departure's minute in UTC; it expires after ten minutes. */
static void
test_google_cache_row (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (f->departure);
  g_autofree char *minute = g_date_time_format (utc, "%Y-%m-%dT%H:%MZ");
  g_autofree char *expected_key = g_strconcat ("route:google:52.22883,21.00314:-:"
                                               "52.17095,20.97321:drive:", minute, NULL);
  g_autofree char *path = g_build_filename (f->directory, "schedules.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 now;

  route = compute_drive (f, google, &error);
  g_assert_no_error (error);
  now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT key, expires_at FROM cache "
                                           "WHERE key LIKE 'route:%'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected_key);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1) - now, >=, MP2_ROUTE_CACHE_SECONDS - 10);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1) - now, <=, MP2_ROUTE_CACHE_SECONDS);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_google_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, f->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  mp2_route_provider_compute_async (google, f->home, NULL, f->set, f->departure,
                                    MP2_TRAVEL_MODE_DRIVE, cancellable,
                                    mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the cancelled route");
  route = mp2_route_provider_compute_finish (google, result, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (route);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 0);
}

static void
test_google_no_store (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) google = new_google (f, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Mp2Route) route = compute_drive (f, google, &error);

      g_assert_no_error (error);
      g_assert_cmpint (route->duration, ==, 1394);
    }

  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "google"), ==, 2);
}

/* The fake holds the client to the contract: a request without the field mask gets
 * Google's 400, and is a violation. */
static void
test_fake_wants_field_mask (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *uri = g_strconcat (mp2_fake_routes_get_url (f->fake),
                                      "directions/v2:computeRoutes", NULL);
  g_autoptr(Mp2HttpRequest) request = mp2_http_request_new ("POST", uri);
  g_autoptr(JsonNode) body = json_from_string ("{\"origin\": {}, \"destination\": {}}", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(GError) error = NULL;

  mp2_http_request_set_header (request, "X-Goog-Api-Key", MP2_FAKE_ROUTES_API_KEY);
  mp2_http_request_set_json_body (request, body);
  mp2_http_client_send_async (f->http, request, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the request without a field mask");
  response = mp2_http_client_send_finish (f->http, result, &failed, &error);

  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_REQUEST);
  g_assert_null (response);
  g_assert_nonnull (failed);
  g_assert_cmpuint (failed->status, ==, 400);
  g_assert_nonnull (strstr (mp2_http_response_get_error_message (failed),
                            "FieldMask is a required parameter"));
  g_assert_cmpuint (mp2_fake_routes_get_violations (f->fake)->len, ==, 1);
  mp2_fake_routes_clear_violations (f->fake);
}

/* OSRM ---------------------------------------------------------------------------------- */

static void
test_osrm_route (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) osrm = new_osrm (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  const char *user_agent;

  g_assert_cmpstr (mp2_route_provider_get_id (osrm), ==, "osrm");
  g_assert_false (mp2_route_provider_get_uses_traffic (osrm));

  route = compute_drive (f, osrm, &error);
  g_assert_no_error (error);
  /* no traffic: the static duration, the same with and without */
  g_assert_cmpint (route->duration, ==, 1035);
  g_assert_cmpint (route->static_duration, ==, 1035);
  g_assert_cmpint (route->distance, ==, 8931);
  g_assert_cmpstr (route->provider, ==, "osrm");
  g_assert_null (route->polyline);

  /* longitude first */
  g_assert_cmpstr (mp2_fake_routes_get_last_path (f->fake, "osrm"), ==,
                   "/route/v1/driving/21.00314,52.22883;20.97321,52.17095"
                   "?overview=false&alternatives=false&steps=false");
  user_agent = mp2_fake_routes_get_last_header (f->fake, "osrm", "User-Agent");
  g_assert_nonnull (user_agent);
  g_assert_true (g_str_has_prefix (user_agent, "FilmSchedule/"));
  assert_no_violations (f);
}

static void
test_osrm_via (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) osrm = new_osrm (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  route = compute (osrm, f->home, f->via, f->set, f->departure, MP2_TRAVEL_MODE_DRIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 1035);
  g_assert_true (g_str_has_prefix (mp2_fake_routes_get_last_path (f->fake, "osrm"),
                                   "/route/v1/driving/21.00314,52.22883;20.98320,52.20540;"
                                   "20.97321,52.17095?"));
  assert_no_violations (f);
}

static void
test_osrm_no_route (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) osrm = new_osrm (f, f->store);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  mp2_fake_routes_add_fault (f->fake, "osrm", MP2_FAKE_ROUTES_FAULT_NO_ROUTE, 0, 1);
  route = compute_drive (f, osrm, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE);
  g_assert_null (route);

  g_clear_error (&error);
  mp2_fake_routes_add_fault (f->fake, "osrm", MP2_FAKE_ROUTES_FAULT_NO_SEGMENT, 0, 1);
  route = compute_drive (f, osrm, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE);

  /* a 400 is the server's verdict: not tried again */
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "osrm"), ==, 2);
}

static void
test_osrm_rate_limit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) osrm = new_osrm (f, NULL);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  guint fault;

  /* the demo server's 429, without a code: once, then an answer */
  fault = mp2_fake_routes_add_fault (f->fake, "osrm", MP2_FAKE_ROUTES_FAULT_RATE_LIMIT, 0, 1);
  route = compute_drive (f, osrm, &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 1035);
  g_assert_cmpuint (mp2_fake_routes_get_fault_hits (f->fake, fault), ==, 1);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "osrm"), ==, 2);

  /* for good: offline, try later */
  g_clear_pointer (&route, mp2_route_free);
  mp2_fake_routes_reset_request_counts (f->fake);
  mp2_fake_routes_add_fault (f->fake, "osrm", MP2_FAKE_ROUTES_FAULT_RATE_LIMIT, 0, 0);
  route = compute_drive (f, osrm, &error);
  g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE);
  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "osrm"), ==, MAX_ATTEMPTS);
}

static void
test_osrm_modes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) osrm = new_osrm (f, f->store);
  Mp2TravelMode modes[] = {
    MP2_TRAVEL_MODE_TRANSIT, MP2_TRAVEL_MODE_BICYCLE, MP2_TRAVEL_MODE_WALK,
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(Mp2Route) route = NULL;
      g_autoptr(GError) error = NULL;

      route = compute (osrm, f->home, NULL, f->set, f->departure, modes[i], &error);
      g_assert_error (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE);
      g_assert_null (route);
    }

  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "osrm"), ==, 0);
}

/* No traffic: the departure is no part of the question. */
static void
test_osrm_cache (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) osrm = new_osrm (f, f->store);
  g_autoptr(GDateTime) later = g_date_time_add_hours (f->departure, 3);
  g_autoptr(Mp2Route) first = NULL;
  g_autoptr(Mp2Route) second = NULL;
  g_autoptr(GError) error = NULL;

  first = compute_drive (f, osrm, &error);
  g_assert_no_error (error);
  second = compute (osrm, f->home, NULL, f->set, later, MP2_TRAVEL_MODE_DRIVE, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "osrm"), ==, 1);
  g_assert_cmpint (second->duration, ==, first->duration);
  g_assert_cmpint (second->distance, ==, first->distance);
  g_assert_cmpstr (second->provider, ==, "osrm");
}

/* The demo server's limit: one request a second, from the first one on. */
static void
test_osrm_rate_limit_configured (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(Mp2RouteProvider) osrm = new_osrm (f, NULL);
  g_autoptr(GError) error = NULL;
  gint64 started;
  gint64 elapsed;

  mp2_planning_configure_rate_limits (f->http);

  started = g_get_monotonic_time ();
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Mp2Route) route = compute_drive (f, osrm, &error);

      g_assert_no_error (error);
    }
  elapsed = g_get_monotonic_time () - started;

  g_assert_cmpuint (mp2_fake_routes_get_request_count (f->fake, "osrm"), ==, 3);
  g_assert_cmpint (elapsed, >=, 1900 * G_TIME_SPAN_MILLISECOND);
}

/* Fixed minutes ------------------------------------------------------------------------ */

static void
test_manual_minutes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Mp2ManualRoute) manual = mp2_manual_route_new (30);
  Mp2RouteProvider *provider = MP2_ROUTE_PROVIDER (manual);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(Mp2Route) with_via = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (mp2_route_provider_get_id (provider), ==, "manual");
  g_assert_false (mp2_route_provider_get_uses_traffic (provider));

  route = compute (provider, f->home, NULL, f->set, f->departure, MP2_TRAVEL_MODE_WALK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 30 * 60);
  g_assert_cmpint (route->static_duration, ==, 30 * 60);
  g_assert_cmpstr (route->provider, ==, "manual");
  g_assert_false (route->estimate);
  /* the straight line: about 6.7 km between the samples' places */
  g_assert_cmpint (route->distance, >, 6500);
  g_assert_cmpint (route->distance, <, 7000);

  with_via = compute (provider, f->home, f->via, f->set, f->departure, MP2_TRAVEL_MODE_DRIVE,
                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (with_via->duration, ==, 30 * 60);
  g_assert_cmpint (with_via->distance, >=, route->distance);

  /* out of range: clamped to 1..600 */
  mp2_manual_route_set_minutes (manual, 0);
  g_assert_cmpuint (mp2_manual_route_get_minutes (manual), ==, 1);
  mp2_manual_route_set_minutes (manual, 5000);
  g_assert_cmpuint (mp2_manual_route_get_minutes (manual), ==, 600);
}

static void
test_manual_settings (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("com.mp2.FilmSchedule");
  g_autoptr(Mp2ManualRoute) manual = NULL;
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_settings_get_int (settings, "manual-travel-minutes"), ==, 45);
  manual = mp2_manual_route_new_for_settings (settings);
  g_assert_cmpuint (mp2_manual_route_get_minutes (manual), ==, 45);

  g_settings_set_int (settings, "manual-travel-minutes", 75);
  g_assert_cmpuint (mp2_manual_route_get_minutes (manual), ==, 75);

  route = compute (MP2_ROUTE_PROVIDER (manual), f->home, NULL, f->set, f->departure,
                   MP2_TRAVEL_MODE_DRIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (route->duration, ==, 75 * 60);
  g_settings_reset (settings, "manual-travel-minutes");
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/routes/google/route", test_google_route);
  add_test ("/routes/google/via", test_google_via);
  add_test ("/routes/google/traffic", test_google_traffic);
  add_test ("/routes/google/past-departure", test_google_past_departure);
  add_test ("/routes/google/modes", test_google_modes);
  add_test ("/routes/google/no-route", test_google_no_route);
  add_test ("/routes/google/rate-limit-then-success", test_google_rate_limit_then_success);
  add_test ("/routes/google/rate-limit-exhausted", test_google_rate_limit_exhausted);
  add_test ("/routes/google/server-error", test_google_server_error);
  add_test ("/routes/google/key-rejected", test_google_key_rejected);
  add_test ("/routes/google/no-key", test_google_no_key);
  add_test ("/routes/google/cache", test_google_cache);
  add_test ("/routes/google/cache-row", test_google_cache_row);
  add_test ("/routes/google/cancelled", test_google_cancelled);
  add_test ("/routes/google/no-store", test_google_no_store);
  add_test ("/routes/fake/field-mask", test_fake_wants_field_mask);
  add_test ("/routes/osrm/route", test_osrm_route);
  add_test ("/routes/osrm/via", test_osrm_via);
  add_test ("/routes/osrm/no-route", test_osrm_no_route);
  add_test ("/routes/osrm/rate-limit", test_osrm_rate_limit);
  add_test ("/routes/osrm/modes", test_osrm_modes);
  add_test ("/routes/osrm/cache", test_osrm_cache);
  add_test ("/routes/osrm/rate-limit-configured", test_osrm_rate_limit_configured);
  add_test ("/routes/manual/minutes", test_manual_minutes);
  add_test ("/routes/manual/settings", test_manual_settings);

  return g_test_run ();
}
