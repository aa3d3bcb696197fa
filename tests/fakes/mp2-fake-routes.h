/* mp2-fake-routes.h
 *
 * A fake of the two routing services on one SoupServer at http://127.0.0.1:PORT, with
 * the real paths, so that MP2_ROUTES_URL and MP2_OSRM_URL can both point at it:
 *
 *   POST /directions/v2:computeRoutes     Google Routes API v2 (endpoint "google")
 *   GET  /route/v1/{profile}/{lon,lat;…}  OSRM (endpoint "osrm")
 *
 * It follows tests/data/contracts (samples/routes, samples/osrm): Google wants an
 * `X-Goog-Api-Key` it knows (else 400 API_KEY_INVALID) and an `X-Goog-FieldMask`
 * (else 400 "FieldMask is a required parameter"), answers only the fields the mask
 * names, durations as "1394s", `{}` for no route, rejects `routingPreference` for
 * another mode than DRIVE and a `departureTime` in the past for another mode than
 * TRANSIT; OSRM reads longitude first, answers `code` "Ok", or 400 "NoRoute",
 * "NoSegment", "InvalidQuery", and its demo server's 429 without a `code`. Requests
 * that break the contract are kept as violations.
 *
 * The server runs in the GMainContext that was the thread's default when the fake
 * was made: tests drive the client and the fake from one loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The key the fake's Google accepts unless mp2_fake_routes_set_api_key () says another. */
#define MP2_FAKE_ROUTES_API_KEY "AIzaSyFakeRoutesKey0123456789abcdefghij"

/**
 * Mp2FakeRoutesFault:
 * @MP2_FAKE_ROUTES_FAULT_RATE_LIMIT: Google's 429 RESOURCE_EXHAUSTED sample; OSRM's
 *   demo server 429 `{"message": "Too Many Requests"}`
 * @MP2_FAKE_ROUTES_FAULT_SERVER_ERROR: 503 (a Google envelope `UNAVAILABLE`; OSRM a
 *   plain text page, as a front end's)
 * @MP2_FAKE_ROUTES_FAULT_NO_ROUTE: Google `{}` with 200; OSRM 400 `NoRoute`
 * @MP2_FAKE_ROUTES_FAULT_NO_SEGMENT: OSRM 400 `NoSegment` (Google: as NO_ROUTE)
 *
 * What a scripted fault answers, with the bodies of tests/data/contracts/samples.
 */
typedef enum
{
  MP2_FAKE_ROUTES_FAULT_RATE_LIMIT,
  MP2_FAKE_ROUTES_FAULT_SERVER_ERROR,
  MP2_FAKE_ROUTES_FAULT_NO_ROUTE,
  MP2_FAKE_ROUTES_FAULT_NO_SEGMENT,
} Mp2FakeRoutesFault;

/* The seconds with traffic for a departure (NULL when the request named none, that is
 * "now"); the static duration and the distance stay as set. */
typedef gint64 (*Mp2FakeRoutesDurationFunc) (GDateTime *departure,
                                             gpointer   user_data);

#define MP2_TYPE_FAKE_ROUTES (mp2_fake_routes_get_type ())

G_DECLARE_FINAL_TYPE (Mp2FakeRoutes, mp2_fake_routes, MP2, FAKE_ROUTES, GObject)

Mp2FakeRoutes *mp2_fake_routes_new                (GError                    **error);
/* "http://127.0.0.1:PORT/" */
const char    *mp2_fake_routes_get_url            (Mp2FakeRoutes              *self);
/* MP2_ROUTES_URL and MP2_OSRM_URL */
void           mp2_fake_routes_export_environment (Mp2FakeRoutes              *self);

/* Answers */
void           mp2_fake_routes_set_api_key        (Mp2FakeRoutes              *self,
                                                   const char                 *api_key);
/* Every route: @duration seconds with traffic (Google; OSRM answers @static_duration),
 * @static_duration without, @distance metres. Default: the Warsaw sample's 1394 s,
 * 1035 s, 8931 m. */
void           mp2_fake_routes_set_route          (Mp2FakeRoutes              *self,
                                                   gint64                      duration,
                                                   gint64                      static_duration,
                                                   gint64                      distance);
/* For the demo: each route measured from its places (the straight line × 1.3 at
 * 30 km/h; Google's traffic ×1.5 at Warsaw's rush hours, else ×1.1). */
void           mp2_fake_routes_set_by_distance    (Mp2FakeRoutes              *self,
                                                   gboolean                    by_distance);
/* A duration with traffic that depends on the departure (Google only). */
void           mp2_fake_routes_set_duration_func  (Mp2FakeRoutes              *self,
                                                   Mp2FakeRoutesDurationFunc   func,
                                                   gpointer                    user_data,
                                                   GDestroyNotify              destroy);

/* Faults: @endpoint "google" or "osrm"; the first @skip requests pass, then @count
 * get the fault (0: all). Tried in the order they were added. */
guint          mp2_fake_routes_add_fault          (Mp2FakeRoutes              *self,
                                                   const char                 *endpoint,
                                                   Mp2FakeRoutesFault          fault,
                                                   guint                       skip,
                                                   guint                       count);
guint          mp2_fake_routes_get_fault_hits     (Mp2FakeRoutes              *self,
                                                   guint                       fault_id);
void           mp2_fake_routes_clear_faults       (Mp2FakeRoutes              *self);

/* What the client did */
guint          mp2_fake_routes_get_request_count  (Mp2FakeRoutes              *self,
                                                   const char                 *endpoint);
void           mp2_fake_routes_reset_request_counts (Mp2FakeRoutes            *self);
/* The last request of @endpoint: its path and query ("/route/v1/driving/…?overview=false"),
 * a header, and (Google) its JSON body. NULL before any. */
const char    *mp2_fake_routes_get_last_path      (Mp2FakeRoutes              *self,
                                                   const char                 *endpoint);
const char    *mp2_fake_routes_get_last_header    (Mp2FakeRoutes              *self,
                                                   const char                 *endpoint,
                                                   const char                 *name);
JsonObject    *mp2_fake_routes_get_last_body      (Mp2FakeRoutes              *self);
/* Requests that broke the contract, as sentences. */
GPtrArray     *mp2_fake_routes_get_violations     (Mp2FakeRoutes              *self);
void           mp2_fake_routes_clear_violations   (Mp2FakeRoutes              *self);

G_END_DECLS
