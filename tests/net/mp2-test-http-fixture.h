/* mp2-test-http-fixture.h
 *
 * What the net tests share: a fault-injecting server and a client pointed at it with
 * backoffs of a few milliseconds, and requests sent and awaited with a deadline.
 * Static inline: each test program takes what it uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-http-client.h"
#include "mp2-test-http-server.h"
#include "mp2-test-wait.h"

G_BEGIN_DECLS

/* every request ends well within this, or the test fails */
#define DEADLINE_S 15
/* lower bounds of waits are asserted with this much slack for timer rounding */
#define SLACK_MS 50

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

typedef struct
{
  Mp2TestHttpServer *server;
  Mp2HttpClient     *client;
  GArray            *breaker_states;   /* Mp2HttpBreakerState */
} Fixture;

static inline void
on_breaker_changed_cb (Mp2HttpClient       *client,
                       const char          *host,
                       Mp2HttpBreakerState  state,
                       gpointer             user_data)
{
  Fixture *f = user_data;

  g_assert_cmpstr (host, ==, "127.0.0.1");
  g_array_append_val (f->breaker_states, state);
}

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->server = mp2_test_http_server_new ();
  f->client = mp2_http_client_new ();
  f->breaker_states = g_array_new (FALSE, FALSE, sizeof (Mp2HttpBreakerState));

  mp2_http_client_set_allow_http (f->client, TRUE);
  mp2_http_client_set_retry_policy (f->client, 10, 50, 4);
  mp2_http_client_set_default_timeout (f->client, 5);
  mp2_http_client_set_breaker (f->client, 100, 60);
  g_signal_connect (f->client, "breaker-changed", G_CALLBACK (on_breaker_changed_cb), f);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  mp2_test_http_server_free (f->server);
  g_array_unref (f->breaker_states);
  /* let the server's connections close */
  mp2_test_run_for (10);
}

static inline Mp2HttpRequest *
new_request (Fixture    *f,
             const char *method,
             const char *path)
{
  g_autofree char *uri = mp2_test_http_server_url (f->server, path);

  return mp2_http_request_new (method, uri);
}

/* Sends @request and runs the main loop until it is done. */
static inline Mp2HttpResponse *
send_and_wait (Fixture          *f,
               Mp2HttpRequest   *request,
               GCancellable     *cancellable,
               Mp2HttpResponse **response_out,
               GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_http_client_send_async (f->client, request, cancellable, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, DEADLINE_S, "an answer to the request");

  return mp2_http_client_send_finish (f->client, result, response_out, error);
}

static inline Mp2HttpResponse *
get_ok (Fixture    *f,
        const char *path)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, "GET", path);
  g_autoptr(GError) error = NULL;
  Mp2HttpResponse *response = send_and_wait (f, request, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (response);

  return response;
}

/* Sends GET @path and expects it to fail with @code after @attempts attempts; returns
 * the last answer (NULL when none came). */
static inline Mp2HttpResponse *
get_failing (Fixture    *f,
             const char *method,
             const char *path,
             GQuark      domain,
             int         code)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, method, path);
  g_autoptr(GError) error = NULL;
  Mp2HttpResponse *answer = NULL;
  Mp2HttpResponse *response = send_and_wait (f, request, NULL, &answer, &error);

  g_assert_null (response);
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);

  return answer;
}

static inline gint64
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000;
}

G_END_DECLS
