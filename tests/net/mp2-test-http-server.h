/* mp2-test-http-server.h
 *
 * A SoupServer on 127.0.0.1 (a free port) that answers as Google's APIs answer and
 * injects faults by path, and a network monitor the tests switch on and off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/*
 * Paths:
 *   /ok                  200 {"ok": true, "items": [1, 2, 3]}
 *   /empty               204, no body
 *   /echo                200, what was received: method, content_type, body,
 *                        request_id, accept, authorization
 *   /fail/STATUS/N       STATUS (a Google envelope, backendError) N times, then 200
 *   /always/STATUS       STATUS, always
 *   /retry-after/seconds 429 with Retry-After: 1 once, then 200
 *   /retry-after/date    429 with Retry-After: an HTTP-date 2 s ahead once, then 200
 *   /retry-after/long    429 with Retry-After: 3600, always
 *   /usage-limits-once   403 Gmail's usageLimits rateLimitExceeded once, then 200
 *   /user-rate-once      403 Calendar's userRateLimitExceeded once, then 200
 *   /google/NAME         a canned error of the contracts' samples (see the .c)
 *   /hang-once           never answers the first time, then 200
 *   /hang                never answers
 *   /truncated           200 with JSON cut short
 *   /html                200 with a captive portal's HTML
 *   /health              200 when healthy, else 503
 *   /secret              400 whose JSON echoes the request's secrets
 *   /token               200 with a token response
 */
typedef struct
{
  SoupServer         *server;
  char               *base;          /* http://127.0.0.1:PORT */
  GHashTable         *hits;          /* path -> GUINT_TO_POINTER (count) */
  GArray             *arrivals;      /* gint64: monotonic µs of each request */
  gboolean            healthy;
  char               *last_method;
  char               *last_query;    /* as sent, escaped */
  SoupMessageHeaders *last_headers;
  GBytes             *last_body;
  GPtrArray          *paused;        /* SoupServerMessage */
} Mp2TestHttpServer;

Mp2TestHttpServer *mp2_test_http_server_new  (void);
void               mp2_test_http_server_free (Mp2TestHttpServer *self);
char              *mp2_test_http_server_url  (Mp2TestHttpServer *self,
                                              const char        *path);
guint              mp2_test_http_server_hits (Mp2TestHttpServer *self,
                                              const char        *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2TestHttpServer, mp2_test_http_server_free)

/* A GNetworkMonitor whose availability the test sets. */
#define MP2_TYPE_TEST_NETWORK_MONITOR (mp2_test_network_monitor_get_type ())

G_DECLARE_FINAL_TYPE (Mp2TestNetworkMonitor, mp2_test_network_monitor,
                      MP2, TEST_NETWORK_MONITOR, GObject)

GNetworkMonitor *mp2_test_network_monitor_new           (gboolean               available);
void             mp2_test_network_monitor_set_available (Mp2TestNetworkMonitor *self,
                                                         gboolean               available);

G_END_DECLS
