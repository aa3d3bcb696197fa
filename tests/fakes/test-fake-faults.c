/* test-fake-faults.c
 *
 * The fake Google's fault script: each kind of fault answers as scripted, for the
 * requests it was scripted for and no others; a hang holds one answer back without
 * holding the main loop; the latency delays every answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-fake-test.h"
#include "mp2-test-wait.h"

#define LABELS "/gmail/v1/users/me/labels"
#define EVENTS "/calendar/v3/calendars/primary/events"

typedef Mp2FakeTestFixture Fixture;

static void
expect_status (Fixture    *fixture,
               const char *path,
               guint       status)
{
  g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "GET", path, NULL);

  g_assert_cmpuint (reply->status, ==, status);
}

static void
test_statuses (Fixture       *fixture,
               gconstpointer  data)
{
  const struct {
    Mp2FakeFault fault;
    const char  *path;
    guint        status;
    const char  *reason;
    const char  *sample;
  } cases[] = {
    { MP2_FAKE_FAULT_SERVER_ERROR, LABELS, 500, "backendError", NULL },
    { MP2_FAKE_FAULT_UNAVAILABLE, EVENTS, 503, "backendError", NULL },
    { MP2_FAKE_FAULT_RATE_LIMIT, LABELS, 429, "rateLimitExceeded",
      "gmail/error_429_rate_limit_exceeded.observed.json" },
    { MP2_FAKE_FAULT_RATE_LIMIT, EVENTS, 429, "rateLimitExceeded",
      "calendar/error_429_rate_limit_exceeded.constructed.json" },
    { MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER, LABELS, 429, "rateLimitExceeded",
      "gmail/error_429_user_rate_limit_retry_after.assembled.json" },
    { MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE, EVENTS, 429, "rateLimitExceeded", NULL },
    { MP2_FAKE_FAULT_QUOTA_RATE_LIMIT, LABELS, 403, "rateLimitExceeded",
      "gmail/error_403_queries_per_minute_per_user.assembled.json" },
    { MP2_FAKE_FAULT_QUOTA_RATE_LIMIT, EVENTS, 403, "rateLimitExceeded",
      "calendar/error_403_rate_limit_exceeded.docs.json" },
    { MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT, EVENTS, 403, "userRateLimitExceeded",
      "calendar/error_403_user_rate_limit_exceeded.docs.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint id = mp2_fake_google_add_fault (fixture->fake, "*", cases[i].fault, 0, 1);
      g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "GET", cases[i].path,
                                                              NULL);
      const char *retry_after = soup_message_headers_get_one (reply->headers, "Retry-After");

      g_test_message ("fault %u on %s", cases[i].fault, cases[i].path);
      g_assert_cmpuint (reply->status, ==, cases[i].status);
      g_assert_cmpstr (mp2_fake_test_error_reason (reply), ==, cases[i].reason);
      if (cases[i].sample != NULL)
        g_assert_true (mp2_fake_test_equals_sample (reply, cases[i].sample));
      if (cases[i].fault == MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER)
        g_assert_cmpstr (retry_after, ==, "1");
      else if (cases[i].fault == MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE)
        {
          g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (retry_after);
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          g_assert_nonnull (date);
          g_assert_cmpint (g_date_time_difference (date, now), >, -G_TIME_SPAN_SECOND);
        }
      else
        g_assert_null (retry_after);
      g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, id), ==, 1);

      /* Once: the next request is answered. */
      expect_status (fixture, cases[i].path, 200);
    }
}

static void
test_skip_and_count (Fixture       *fixture,
                     gconstpointer  data)
{
  guint id = mp2_fake_google_add_fault (fixture->fake, "gmail.users.labels.*",
                                        MP2_FAKE_FAULT_UNAVAILABLE, 2, 2);
  guint forever = 0;
  guint path = 0;
  guint retry = 0;
  g_autoptr(Mp2FakeTestReply) later = NULL;

  expect_status (fixture, LABELS, 200);
  expect_status (fixture, LABELS, 200);
  expect_status (fixture, EVENTS, 200);
  expect_status (fixture, LABELS, 503);
  expect_status (fixture, LABELS, 503);
  expect_status (fixture, LABELS, 200);
  g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, id), ==, 2);

  forever = mp2_fake_google_add_fault (fixture->fake, "calendar.*",
                                       MP2_FAKE_FAULT_SERVER_ERROR, 0, 0);
  for (guint i = 0; i < 5; i++)
    expect_status (fixture, EVENTS, 500);
  mp2_fake_google_remove_fault (fixture->fake, forever);
  expect_status (fixture, EVENTS, 200);

  /* A path works as the pattern too; seconds set the Retry-After. */
  path = mp2_fake_google_add_fault (fixture->fake, "/calendar/v3/users/me/*",
                                    MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT, 0, 1);
  expect_status (fixture, EVENTS, 200);
  expect_status (fixture, "/calendar/v3/users/me/calendarList", 403);
  g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, path), ==, 1);
  retry = mp2_fake_google_add_fault (fixture->fake, "*", MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER,
                                     0, 1);
  mp2_fake_google_set_fault_seconds (fixture->fake, retry, 7);
  later = mp2_fake_test_call (fixture, "GET", LABELS, NULL);
  g_assert_cmpstr (soup_message_headers_get_one (later->headers, "Retry-After"), ==, "7");

  mp2_fake_google_add_fault (fixture->fake, "*", MP2_FAKE_FAULT_SERVER_ERROR, 0, 0);
  mp2_fake_google_clear_faults (fixture->fake);
  expect_status (fixture, LABELS, 200);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Mp2FakeTestReply) whole = mp2_fake_test_call (fixture, "GET", LABELS, NULL);
  g_autoptr(Mp2FakeTestReply) cut = NULL;

  mp2_fake_google_add_fault (fixture->fake, "gmail.users.labels.list", MP2_FAKE_FAULT_TRUNCATED,
                             0, 1);
  cut = mp2_fake_test_call (fixture, "GET", LABELS, NULL);
  g_assert_cmpuint (cut->status, ==, 200);
  g_assert_null (cut->json);
  g_assert_cmpuint (g_bytes_get_size (cut->body), ==, g_bytes_get_size (whole->body) / 2);
  g_assert_cmpmem (g_bytes_get_data (cut->body, NULL), g_bytes_get_size (cut->body),
                   g_bytes_get_data (whole->body, NULL), g_bytes_get_size (cut->body));
}

typedef struct
{
  Fixture      *fixture;
  SoupSession  *session;
  GAsyncResult *result;
} Waiting;

static void
start_request (Waiting    *waiting,
               const char *path)
{
  g_autofree char *url = g_strconcat (mp2_fake_google_get_url (waiting->fixture->fake), path,
                                      NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", waiting->fixture->access_token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                authorization);
  soup_session_send_and_read_async (waiting->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    mp2_test_on_result_cb, &waiting->result);
}

static void
test_hang (Fixture       *fixture,
           gconstpointer  data)
{
  Waiting hung = { fixture, soup_session_new_with_options ("timeout", 1, NULL), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 start = g_get_monotonic_time ();
  guint id = mp2_fake_google_add_fault (fixture->fake, "gmail.users.labels.list",
                                        MP2_FAKE_FAULT_HANG, 0, 1);

  mp2_fake_google_set_fault_seconds (fixture->fake, id, 3);
  start_request (&hung, LABELS);

  /* Meanwhile the fake answers others at once: the loop is not blocked. */
  expect_status (fixture, EVENTS, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  mp2_test_wait_for_result (&hung.result, 10, "the client's timeout");
  body = soup_session_send_and_read_finish (hung.session, hung.result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  /* The hang ends after the client left; the fake carries on. */
  mp2_test_run_for (2500);
  expect_status (fixture, LABELS, 200);
  g_clear_object (&hung.result);
  g_clear_object (&hung.session);
}

static void
test_short_hang (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  guint id = mp2_fake_google_add_fault (fixture->fake, "*", MP2_FAKE_FAULT_HANG, 0, 1);

  mp2_fake_google_set_fault_seconds (fixture->fake, id, 1);
  expect_status (fixture, LABELS, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
}

/* The fake goes away while an answer is held back. */
static void
test_dispose_while_hanging (Fixture       *fixture,
                            gconstpointer  data)
{
  Waiting hung = { fixture, soup_session_new_with_options ("timeout", 5, NULL), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  mp2_fake_google_add_fault (fixture->fake, "*", MP2_FAKE_FAULT_HANG, 0, 1);
  start_request (&hung, LABELS);
  mp2_test_run_for (300);
  g_clear_object (&fixture->fake);

  mp2_test_wait_for_result (&hung.result, 10, "the request to end");
  body = soup_session_send_and_read_finish (hung.session, hung.result, &error);
  g_assert_nonnull (error);
  g_clear_object (&hung.result);
  g_clear_object (&hung.session);

  fixture->fake = mp2_fake_google_new (NULL);
  g_assert_nonnull (fixture->fake);
}

/* A token expires in the middle of a sync: refresh, retry, carry on. */
static void
test_token_expired (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *form = NULL;
  g_autoptr(Mp2FakeTestReply) refreshed = NULL;
  GPtrArray *received = NULL;

  mp2_fake_google_add_fault (fixture->fake, "gmail.*", MP2_FAKE_FAULT_TOKEN_EXPIRED, 1, 1);
  expect_status (fixture, LABELS, 200);
  {
    g_autoptr(Mp2FakeTestReply) reply = mp2_fake_test_call (fixture, "GET", LABELS, NULL);

    g_assert_cmpuint (reply->status, ==, 401);
    g_assert_true (mp2_fake_test_equals_sample (reply, "google_common/error_401_invalid_"
                                                       "credentials.docs.json"));
  }
  /* The token stays expired without the script. */
  expect_status (fixture, EVENTS, 401);

  form = g_strdup_printf ("grant_type=refresh_token&refresh_token=%s&client_id=%s"
                          "&client_secret=%s", fixture->refresh_token, MP2_FAKE_GOOGLE_CLIENT_ID,
                          MP2_FAKE_GOOGLE_CLIENT_SECRET);
  refreshed = mp2_fake_test_post_form (fixture, "/token", form);
  g_assert_cmpuint (refreshed->status, ==, 200);
  g_free (fixture->access_token);
  fixture->access_token = g_strdup (json_object_get_string_member (
                                      mp2_fake_test_reply_object (refreshed), "access_token"));
  expect_status (fixture, LABELS, 200);

  received = mp2_fake_google_get_received_tokens (fixture->fake);
  g_assert_cmpuint (received->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (received, 0), ==, g_ptr_array_index (received, 2));
  g_assert_cmpstr (g_ptr_array_index (received, 3), ==, fixture->access_token);
}

static void
test_invalid_grant (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *form = g_strdup_printf ("grant_type=refresh_token&refresh_token=%s"
                                           "&client_id=%s&client_secret=%s",
                                           fixture->refresh_token, MP2_FAKE_GOOGLE_CLIENT_ID,
                                           MP2_FAKE_GOOGLE_CLIENT_SECRET);
  g_autoptr(Mp2FakeTestReply) refused = NULL;
  g_autoptr(Mp2FakeTestReply) again = NULL;

  mp2_fake_google_add_fault (fixture->fake, "oauth2.token", MP2_FAKE_FAULT_INVALID_GRANT, 0, 1);
  refused = mp2_fake_test_post_form (fixture, "/token", form);
  g_assert_cmpuint (refused->status, ==, 400);
  g_assert_true (mp2_fake_test_equals_sample (refused, "oauth/error_400_invalid_grant_revoked."
                                                       "observed.json"));
  g_assert_false (mp2_fake_google_is_refresh_token_valid (fixture->fake, fixture->refresh_token));
  again = mp2_fake_test_post_form (fixture, "/token", form);
  g_assert_cmpuint (again->status, ==, 400);
}

static void
test_history_too_old (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/gmail/v1/users/me/history?startHistoryId=%"
                                           G_GUINT64_FORMAT,
                                           mp2_fake_google_get_history_id (fixture->fake));
  g_autoptr(Mp2FakeTestReply) reply = NULL;

  mp2_fake_google_add_fault (fixture->fake, "gmail.users.history.list",
                             MP2_FAKE_FAULT_HISTORY_TOO_OLD, 0, 1);
  reply = mp2_fake_test_call (fixture, "GET", path, NULL);
  g_assert_cmpuint (reply->status, ==, 404);
  g_assert_true (mp2_fake_test_equals_sample (reply, "gmail/error_404_history_too_old."
                                                     "observed.json"));
  expect_status (fixture, path, 200);
}

static gint64
time_request (Fixture *fixture)
{
  gint64 start = g_get_monotonic_time ();

  expect_status (fixture, LABELS, 200);

  return (g_get_monotonic_time () - start) / 1000;
}

static void
test_latency (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_cmpint (time_request (fixture), <, 250);

  mp2_fake_google_set_latency (fixture->fake, 300);
  g_assert_cmpint (time_request (fixture), >=, 300);
  g_assert_cmpint (time_request (fixture), >=, 300);

  mp2_fake_google_set_latency (fixture->fake, 0);
  g_assert_cmpint (time_request (fixture), <, 250);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, function) \
  g_test_add (path, Fixture, NULL, mp2_fake_test_set_up, function, mp2_fake_test_tear_down)

  ADD ("/fakes/faults/statuses", test_statuses);
  ADD ("/fakes/faults/skip-and-count", test_skip_and_count);
  ADD ("/fakes/faults/truncated", test_truncated);
  ADD ("/fakes/faults/hang", test_hang);
  ADD ("/fakes/faults/short-hang", test_short_hang);
  ADD ("/fakes/faults/dispose-while-hanging", test_dispose_while_hanging);
  ADD ("/fakes/faults/token-expired", test_token_expired);
  ADD ("/fakes/faults/invalid-grant", test_invalid_grant);
  ADD ("/fakes/faults/history-too-old", test_history_too_old);
  ADD ("/fakes/faults/latency", test_latency);

#undef ADD

  return g_test_run ();
}
