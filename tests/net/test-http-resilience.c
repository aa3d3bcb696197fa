/* test-http-resilience.c
 *
 * Mp2HttpClient when things go wrong for a while: the circuit breaker of a failing
 * host, the rate limit of an API, the network going away and coming back, and
 * requests cancelled in each of their waits. Time is asserted as lower bounds only,
 * and every wait has a deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-http-private.h"
#include "mp2-test-http-fixture.h"

/* The circuit breaker ---------------------------------------------------------------- */

static gboolean
is_half_open (gpointer user_data)
{
  Fixture *f = user_data;

  return mp2_http_client_get_breaker_state (f->client, "127.0.0.1") == MP2_HTTP_BREAKER_HALF_OPEN;
}

static void
fail_three_times (Fixture *f)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Mp2HttpResponse) answer = get_failing (f, "GET", "/health", MP2_HTTP_ERROR,
                                                       MP2_HTTP_ERROR_SERVER);
      g_assert_cmpuint (answer->status, ==, 503);
    }
}

static void
assert_states (Fixture                   *f,
               const Mp2HttpBreakerState *states,
               guint                      n_states)
{
  g_assert_cmpuint (f->breaker_states->len, ==, n_states);
  for (guint i = 0; i < n_states; i++)
    g_assert_cmpint (g_array_index (f->breaker_states, Mp2HttpBreakerState, i), ==, states[i]);
}

static void
test_breaker (Fixture       *f,
              gconstpointer  data)
{
  static const Mp2HttpBreakerState states[] = {
    MP2_HTTP_BREAKER_OPEN, MP2_HTTP_BREAKER_HALF_OPEN, MP2_HTTP_BREAKER_CLOSED,
    MP2_HTTP_BREAKER_OPEN, MP2_HTTP_BREAKER_HALF_OPEN, MP2_HTTP_BREAKER_OPEN,
  };
  g_autoptr(Mp2HttpResponse) probe = NULL;
  g_auto(GStrv) hosts = NULL;
  gint64 start;

  mp2_http_client_set_breaker (f->client, 3, 1);
  mp2_http_client_set_retry_policy (f->client, 10, 50, 1);
  f->server->healthy = FALSE;

  fail_three_times (f);
  g_assert_cmpint (mp2_http_client_get_breaker_state (f->client, "127.0.0.1"), ==,
                   MP2_HTTP_BREAKER_OPEN);
  /* the host is listed for the diagnostics, the only one */
  hosts = mp2_http_client_dup_hosts (f->client);
  g_assert_cmpstrv (hosts, ((const char * const []) { "127.0.0.1", NULL }));

  /* open: at once, without asking the server */
  start = g_get_monotonic_time ();
  g_clear_pointer (&probe, mp2_http_response_free);
  probe = get_failing (f, "GET", "/health", MP2_HTTP_ERROR, MP2_HTTP_ERROR_CIRCUIT_OPEN);
  g_assert_null (probe);
  g_assert_cmpint (elapsed_ms (start), <, 500);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/health"), ==, 3);

  /* after a second, one probe; its success closes it */
  mp2_test_wait_until (is_half_open, f, 5, "the breaker to be half-open");
  f->server->healthy = TRUE;
  probe = get_ok (f, "/health");
  g_assert_cmpint (mp2_http_client_get_breaker_state (f->client, "127.0.0.1"), ==,
                   MP2_HTTP_BREAKER_CLOSED);

  /* and a probe that fails opens it again */
  f->server->healthy = FALSE;
  fail_three_times (f);
  mp2_test_wait_until (is_half_open, f, 5, "the breaker to be half-open again");
  g_clear_pointer (&probe, mp2_http_response_free);
  probe = get_failing (f, "GET", "/health", MP2_HTTP_ERROR, MP2_HTTP_ERROR_SERVER);
  g_assert_cmpint (mp2_http_client_get_breaker_state (f->client, "127.0.0.1"), ==,
                   MP2_HTTP_BREAKER_OPEN);

  assert_states (f, states, G_N_ELEMENTS (states));
}

static void
test_breaker_single_probe (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) first = new_request (f, "GET", "/health");
  g_autoptr(Mp2HttpRequest) second = new_request (f, "GET", "/health");
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  mp2_http_client_set_breaker (f->client, 3, 1);
  mp2_http_client_set_retry_policy (f->client, 10, 50, 1);
  f->server->healthy = FALSE;
  fail_three_times (f);
  mp2_test_wait_until (is_half_open, f, 5, "the breaker to be half-open");
  f->server->healthy = TRUE;

  /* two at once: the first is the probe, the second is not let through */
  mp2_http_client_send_async (f->client, first, NULL, mp2_test_on_result_cb, &first_result);
  mp2_http_client_send_async (f->client, second, NULL, mp2_test_on_result_cb, &second_result);
  mp2_test_wait_for_result (&second_result, DEADLINE_S, "the second request");
  g_assert_null (mp2_http_client_send_finish (f->client, second_result, NULL, &error));
  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_CIRCUIT_OPEN);

  mp2_test_wait_for_result (&first_result, DEADLINE_S, "the probe");
  g_clear_error (&error);
  response = mp2_http_client_send_finish (f->client, first_result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/health"), ==, 4);
}

static void
test_breaker_ignores_4xx (Fixture       *f,
                          gconstpointer  data)
{
  mp2_http_client_set_breaker (f->client, 3, 1);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(Mp2HttpResponse) answer = get_failing (f, "GET", "/google/not-found",
                                                       MP2_HTTP_ERROR,
                                                       MP2_HTTP_ERROR_NOT_FOUND);
    }

  g_assert_cmpint (mp2_http_client_get_breaker_state (f->client, "127.0.0.1"), ==,
                   MP2_HTTP_BREAKER_CLOSED);
  g_assert_cmpuint (f->breaker_states->len, ==, 0);
}

/* The rate limit --------------------------------------------------------------------- */

static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  GAsyncResult *results[5] = { NULL, };
  gint64 start = g_get_monotonic_time ();
  gint64 last;

  /* 10 a second, one at once: five requests take at least 400 ms */
  mp2_http_client_set_rate_limit (f->client, "test", 10, 1);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(Mp2HttpRequest) request = new_request (f, "GET", "/ok");

      mp2_http_request_set_api (request, "test");
      mp2_http_client_send_async (f->client, request, NULL, mp2_test_on_result_cb, &results[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(Mp2HttpResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      mp2_test_wait_for_result (&results[i], DEADLINE_S, "a rate-limited request");
      response = mp2_http_client_send_finish (f->client, results[i], NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  g_assert_cmpuint (f->server->arrivals->len, ==, 5);
  last = g_array_index (f->server->arrivals, gint64, 4);
  g_assert_cmpint ((last - start) / 1000, >=, 400 - SLACK_MS);
}

typedef struct
{
  GArray *order;    /* guint */
  GArray *times;    /* gint64 */
  guint   id;
} Grant;

static void
on_granted_cb (gpointer user_data)
{
  Grant *grant = user_data;
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (grant->order, grant->id);
  g_array_append_val (grant->times, now);
}

static gboolean
has_five (gpointer user_data)
{
  return ((GArray *) user_data)->len == 5;
}

/* The bucket itself: a burst at once, then one by one in order, and a cancelled waiter
 * gives its place to the next. */
static void
test_bucket_order (void)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  Mp2HttpBucket *bucket = mp2_http_bucket_new (g_main_context_default (), 20, 2);
  Grant grants[7];
  guint64 tickets[7];
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (grants); i++)
    {
      grants[i] = (Grant) { order, times, i };
      if (mp2_http_bucket_take (bucket, on_granted_cb, &grants[i], &tickets[i]))
        on_granted_cb (&grants[i]);
    }

  /* the burst of two at once, the others queued */
  g_assert_cmpuint (order->len, ==, 2);
  g_assert_cmpuint (mp2_http_bucket_get_n_waiting (bucket), ==, 5);
  mp2_http_bucket_cancel (bucket, tickets[3]);
  mp2_http_bucket_cancel (bucket, tickets[5]);

  mp2_test_wait_until (has_five, order, DEADLINE_S, "the tokens");
  g_assert_cmpuint (g_array_index (order, guint, 2), ==, 2);
  g_assert_cmpuint (g_array_index (order, guint, 3), ==, 4);
  g_assert_cmpuint (g_array_index (order, guint, 4), ==, 6);
  /* 50 ms a token: the fifth is 150 ms after the start at the earliest */
  g_assert_cmpint ((g_array_index (times, gint64, 4) - start) / 1000, >=, 150 - 5);
  for (guint i = 3; i < 5; i++)
    g_assert_cmpint (g_array_index (times, gint64, i), >=, g_array_index (times, gint64, i - 1));

  mp2_http_bucket_free (bucket);
}

/* Offline ---------------------------------------------------------------------------- */

static void
test_offline_pause (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GNetworkMonitor) monitor = mp2_test_network_monitor_new (FALSE);
  g_autoptr(Mp2HttpRequest) request = new_request (f, "GET", "/ok");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  mp2_http_client_set_network_monitor (f->client, monitor);
  mp2_http_client_send_async (f->client, request, NULL, mp2_test_on_result_cb, &result);

  /* not sent while offline */
  mp2_test_run_for (300);
  g_assert_null (result);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/ok"), ==, 0);

  /* and sent when the network is back */
  mp2_test_network_monitor_set_available (MP2_TEST_NETWORK_MONITOR (monitor), TRUE);
  mp2_test_wait_for_result (&result, DEADLINE_S, "the request after the network came back");
  response = mp2_http_client_send_finish (f->client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->attempts, ==, 1);
}

static void
test_offline_timeout (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GNetworkMonitor) monitor = mp2_test_network_monitor_new (FALSE);
  g_autoptr(Mp2HttpRequest) request = new_request (f, "POST", "/ok");
  g_autoptr(Mp2HttpResponse) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  mp2_http_client_set_network_monitor (f->client, monitor);
  mp2_http_request_set_timeout (request, 1);
  g_assert_null (send_and_wait (f, request, NULL, &answer, &error));
  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_OFFLINE);
  g_assert_null (answer);
  g_assert_cmpint (elapsed_ms (start), >=, 1000 - SLACK_MS);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/ok"), ==, 0);
  g_assert_cmpint (mp2_http_client_get_breaker_state (f->client, "127.0.0.1"), ==,
                   MP2_HTTP_BREAKER_CLOSED);
}

static void
test_offline_back_probes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GNetworkMonitor) monitor = mp2_test_network_monitor_new (TRUE);
  Mp2TestNetworkMonitor *fake = MP2_TEST_NETWORK_MONITOR (monitor);
  g_autoptr(Mp2HttpResponse) answer = NULL;

  /* a breaker opened for a minute lets a probe through as soon as the network is back */
  mp2_http_client_set_network_monitor (f->client, monitor);
  mp2_http_client_set_breaker (f->client, 1, 60);
  mp2_http_client_set_retry_policy (f->client, 10, 50, 1);
  answer = get_failing (f, "GET", "/always/503", MP2_HTTP_ERROR, MP2_HTTP_ERROR_SERVER);
  g_assert_cmpint (mp2_http_client_get_breaker_state (f->client, "127.0.0.1"), ==,
                   MP2_HTTP_BREAKER_OPEN);

  mp2_test_network_monitor_set_available (fake, FALSE);
  mp2_test_network_monitor_set_available (fake, TRUE);
  g_assert_cmpint (mp2_http_client_get_breaker_state (f->client, "127.0.0.1"), ==,
                   MP2_HTTP_BREAKER_HALF_OPEN);
}

/* Cancellation ----------------------------------------------------------------------- */

static gboolean
has_retried (gpointer user_data)
{
  Fixture *f = user_data;

  return mp2_http_client_get_stats (f->client).retries > 0;
}

static void
assert_cancelled_soon (Fixture        *f,
                       GAsyncResult  **result,
                       gint64          cancelled_at)
{
  g_autoptr(Mp2HttpResponse) answer = NULL;
  g_autoptr(GError) error = NULL;

  mp2_test_wait_for_result (result, DEADLINE_S, "the cancelled request");
  g_assert_null (mp2_http_client_send_finish (f->client, *result, &answer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (answer);
  g_assert_cmpint (elapsed_ms (cancelled_at), <, 1000);
  g_clear_object (result);
}

static void
test_cancel_backoff (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, "GET", "/always/503");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  /* a backoff of up to 20 s: only cancelling ends it in time */
  mp2_http_client_set_retry_policy (f->client, 20000, 20000, 3);
  mp2_http_client_send_async (f->client, request, cancellable, mp2_test_on_result_cb, &result);
  mp2_test_wait_until (has_retried, f, DEADLINE_S, "a backoff");

  g_cancellable_cancel (cancellable);
  assert_cancelled_soon (f, &result, g_get_monotonic_time ());
  g_assert_cmpuint (mp2_http_client_get_stats (f->client).failures, ==, 0);
}

static void
test_cancel_waits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GNetworkMonitor) monitor = mp2_test_network_monitor_new (FALSE);
  g_autoptr(Mp2HttpRequest) hang = new_request (f, "GET", "/hang");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* while sending */
  mp2_http_client_send_async (f->client, hang, cancellable, mp2_test_on_result_cb, &result);
  mp2_test_run_for (200);
  g_cancellable_cancel (cancellable);
  assert_cancelled_soon (f, &result, g_get_monotonic_time ());

  /* while offline */
  g_cancellable_reset (cancellable);
  mp2_http_client_set_network_monitor (f->client, monitor);
  mp2_http_client_send_async (f->client, hang, cancellable, mp2_test_on_result_cb, &result);
  mp2_test_run_for (100);
  g_cancellable_cancel (cancellable);
  assert_cancelled_soon (f, &result, g_get_monotonic_time ());

  /* already cancelled */
  mp2_http_client_send_async (f->client, hang, cancellable, mp2_test_on_result_cb, &result);
  assert_cancelled_soon (f, &result, g_get_monotonic_time ());
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/hang"), ==, 1);
}

static void
test_cancel_token_wait (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, "GET", "/ok");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) next = NULL;
  g_autoptr(Mp2HttpResponse) first = NULL;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* one token every 500 ms: the second request waits, and is cancelled */
  mp2_http_client_set_rate_limit (f->client, "slow", 2, 1);
  mp2_http_request_set_api (request, "slow");
  first = send_and_wait (f, request, NULL, NULL, &error);
  g_assert_no_error (error);

  mp2_http_client_send_async (f->client, request, cancellable, mp2_test_on_result_cb, &result);
  mp2_http_client_send_async (f->client, request, NULL, mp2_test_on_result_cb, &next);
  mp2_test_run_for (100);
  g_cancellable_cancel (cancellable);
  assert_cancelled_soon (f, &result, g_get_monotonic_time ());

  /* the one behind it gets the token */
  mp2_test_wait_for_result (&next, DEADLINE_S, "the request behind the cancelled one");
  response = mp2_http_client_send_finish (f->client, next, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/ok"), ==, 2);
}
int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/net/breaker/open-probe-close", test_breaker);
  ADD ("/net/breaker/single-probe", test_breaker_single_probe);
  ADD ("/net/breaker/ignores-4xx", test_breaker_ignores_4xx);
  ADD ("/net/rate-limit/spacing", test_rate_limit);
  g_test_add_func ("/net/rate-limit/bucket-order", test_bucket_order);
  ADD ("/net/offline/pause", test_offline_pause);
  ADD ("/net/offline/timeout", test_offline_timeout);
  ADD ("/net/offline/back-probes", test_offline_back_probes);
  ADD ("/net/cancel/backoff", test_cancel_backoff);
  ADD ("/net/cancel/waits", test_cancel_waits);
  ADD ("/net/cancel/token-wait", test_cancel_token_wait);

  return g_test_run ();
}
