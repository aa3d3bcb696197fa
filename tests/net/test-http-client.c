/* test-http-client.c
 *
 * Mp2HttpClient against a SoupServer on 127.0.0.1 that answers as Google's APIs do
 * and injects faults: answers and bodies, retries and what is never retried,
 * Retry-After, timeouts, bad bodies, a closed port, the redacted log, plain HTTP and
 * the services' addresses. Backoffs are a few milliseconds; time is asserted as
 * lower bounds only, and every wait has a deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-http-private.h"
#include "mp2-test-http-fixture.h"

/* The debug log of the whole run, for the redaction test. */
static GString *captured_log;

/* Answers ---------------------------------------------------------------------------- */

static void
test_ok_json (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) response = get_ok (f, "/ok");
  SoupMessageHeaders *seen = f->server->last_headers;
  JsonObject *object = mp2_http_response_get_object (response);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (response->attempts, ==, 1);
  g_assert_nonnull (object);
  g_assert_true (json_object_get_boolean_member (object, "ok"));
  g_assert_null (response->reason);

  /* a request id, a uuid, sent and kept on the response */
  g_assert_true (g_uuid_string_is_valid (response->request_id));
  g_assert_cmpstr (soup_message_headers_get_one (seen, "X-Request-Id"), ==,
                   response->request_id);
  g_assert_cmpstr (soup_message_headers_get_one (seen, "Accept"), ==, "application/json");
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (seen, "User-Agent"),
                                   "FilmSchedule/"));
}

static void
test_empty_body (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, "DELETE", "/empty");
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2HttpResponse) response = send_and_wait (f, request, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 204);
  g_assert_null (response->json);
  g_assert_null (mp2_http_response_get_object (response));
}

static JsonObject *
get_echo (Mp2HttpResponse *response)
{
  JsonObject *echo = mp2_http_response_get_object (response);

  g_assert_nonnull (echo);
  return echo;
}

static void
test_json_body (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, "POST", "/echo");
  g_autoptr(JsonNode) body = json_from_string ("{\"removeLabelIds\": [\"UNREAD\"]}", NULL);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) sent = NULL;
  JsonObject *echo;

  mp2_http_request_set_json_body (request, body);
  mp2_http_request_set_bearer (request, "ya29.token");
  mp2_http_request_set_header (request, "If-Match", "\"3483912345678000\"");
  response = send_and_wait (f, request, NULL, NULL, &error);
  g_assert_no_error (error);

  echo = get_echo (response);
  g_assert_cmpstr (json_object_get_string_member (echo, "method"), ==, "POST");
  g_assert_cmpstr (json_object_get_string_member (echo, "content_type"), ==,
                   "application/json; charset=utf-8");
  g_assert_cmpstr (json_object_get_string_member (echo, "authorization"), ==,
                   "Bearer ya29.token");
  g_assert_cmpstr (soup_message_headers_get_one (f->server->last_headers, "If-Match"), ==,
                   "\"3483912345678000\"");
  sent = json_from_string (json_object_get_string_member (echo, "body"), NULL);
  g_assert_true (json_node_equal (sent, body));
}

static void
test_form_body (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, "POST", "/echo");
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = NULL;
  JsonObject *echo;

  mp2_http_request_add_form_field (request, "grant_type", "authorization_code");
  mp2_http_request_add_form_field (request, "redirect_uri", "http://127.0.0.1:4711/");
  mp2_http_request_add_form_field (request, "code", "4/0A+b c&d=é");
  response = send_and_wait (f, request, NULL, NULL, &error);
  g_assert_no_error (error);

  echo = get_echo (response);
  g_assert_cmpstr (json_object_get_string_member (echo, "content_type"), ==,
                   "application/x-www-form-urlencoded");
  form = soup_form_decode (json_object_get_string_member (echo, "body"));
  g_assert_cmpstr (g_hash_table_lookup (form, "grant_type"), ==, "authorization_code");
  g_assert_cmpstr (g_hash_table_lookup (form, "redirect_uri"), ==, "http://127.0.0.1:4711/");
  g_assert_cmpstr (g_hash_table_lookup (form, "code"), ==, "4/0A+b c&d=é");
}

static void
test_query (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, "GET", "/echo?format=full");
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  mp2_http_request_add_query (request, "q", "from:prod@example.com has:attachment");
  mp2_http_request_add_query (request, "privateExtendedProperty", "mp2=1");
  mp2_http_request_add_query (request, "privateExtendedProperty", "day=12");
  response = send_and_wait (f, request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->server->last_query, ==,
                   "format=full&q=from%3Aprod%40example.com%20has%3Aattachment"
                   "&privateExtendedProperty=mp2%3D1&privateExtendedProperty=day%3D12");
  g_assert_true (g_str_has_suffix (mp2_http_request_get_uri (request), "/echo?format=full"));
  g_assert_cmpstr (mp2_http_request_get_method (request), ==, "GET");
}

/* Retries ---------------------------------------------------------------------------- */

static void
test_retry_server_errors (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) first = get_ok (f, "/fail/500/2");
  g_autoptr(Mp2HttpResponse) second = get_ok (f, "/fail/503/1");
  g_autoptr(Mp2HttpResponse) third = get_ok (f, "/fail/502/3");
  Mp2HttpStats stats = mp2_http_client_get_stats (f->client);

  g_assert_cmpuint (first->attempts, ==, 3);
  g_assert_cmpuint (second->attempts, ==, 2);
  g_assert_cmpuint (third->attempts, ==, 4);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/fail/500/2"), ==, 3);

  g_assert_cmpuint (stats.requests, ==, 9);
  g_assert_cmpuint (stats.retries, ==, 6);
  g_assert_cmpuint (stats.failures, ==, 0);
  g_assert_cmpfloat (stats.latency_ms_avg, >, 0);
  g_assert_cmpfloat (stats.latency_ms_max, >=, stats.latency_ms_avg);
}

static void
test_retry_exhausted (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) answer = get_failing (f, "GET", "/always/503", MP2_HTTP_ERROR,
                                                   MP2_HTTP_ERROR_SERVER);
  Mp2HttpStats stats = mp2_http_client_get_stats (f->client);

  g_assert_nonnull (answer);
  g_assert_cmpuint (answer->status, ==, 503);
  g_assert_cmpuint (answer->attempts, ==, 4);
  g_assert_cmpstr (answer->reason, ==, "backendError");
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/always/503"), ==, 4);
  g_assert_cmpuint (stats.failures, ==, 1);
  g_assert_cmpuint (stats.retries, ==, 3);
}

static void
test_retry_after_seconds (Fixture       *f,
                          gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(Mp2HttpResponse) response = get_ok (f, "/retry-after/seconds");

  g_assert_cmpuint (response->attempts, ==, 2);
  g_assert_cmpint (elapsed_ms (start), >=, 1000 - SLACK_MS);
  g_assert_cmpuint (mp2_http_client_get_stats (f->client).rate_limited, ==, 1);
}

static void
test_retry_after_date (Fixture       *f,
                       gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(Mp2HttpResponse) response = get_ok (f, "/retry-after/date");

  /* two seconds ahead in whole seconds: at least one second's wait */
  g_assert_cmpuint (response->attempts, ==, 2);
  g_assert_cmpint (elapsed_ms (start), >=, 1000 - SLACK_MS);
}

static void
test_retry_after_too_long (Fixture       *f,
                           gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(Mp2HttpResponse) answer = get_failing (f, "GET", "/retry-after/long", MP2_HTTP_ERROR,
                                                   MP2_HTTP_ERROR_RATE_LIMITED);

  /* not an hour's wait: the caller schedules it */
  g_assert_cmpuint (answer->attempts, ==, 1);
  g_assert_cmpint (mp2_http_response_get_retry_after (answer), ==, 3600);
  g_assert_cmpint (elapsed_ms (start), <, 3000);
}

static void
test_rate_limit_forbidden (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) gmail = get_ok (f, "/usage-limits-once");
  g_autoptr(Mp2HttpResponse) calendar = get_ok (f, "/user-rate-once");
  g_autoptr(Mp2HttpResponse) refused = NULL;

  g_assert_cmpuint (gmail->attempts, ==, 2);
  g_assert_cmpuint (calendar->attempts, ==, 2);
  g_assert_cmpuint (mp2_http_client_get_stats (f->client).rate_limited, ==, 2);

  refused = get_failing (f, "GET", "/google/insufficient-permissions", MP2_HTTP_ERROR,
                         MP2_HTTP_ERROR_FORBIDDEN);
  g_assert_cmpuint (refused->status, ==, 403);
  g_assert_cmpuint (refused->attempts, ==, 1);
  g_assert_cmpstr (refused->reason, ==, "insufficientPermissions");
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/google/insufficient-permissions"),
                    ==, 1);
}

static void
test_rate_limited_to_the_end (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) routes = get_failing (f, "GET", "/google/routes-exhausted",
                                                   MP2_HTTP_ERROR,
                                                   MP2_HTTP_ERROR_RATE_LIMITED);
  g_autoptr(Mp2HttpResponse) quota = get_failing (f, "GET", "/google/quota-failure",
                                                  MP2_HTTP_ERROR, MP2_HTTP_ERROR_RATE_LIMITED);

  /* no errors[]: the ErrorInfo's reason, else the status */
  g_assert_cmpuint (routes->attempts, ==, 4);
  g_assert_cmpstr (routes->reason, ==, "RATE_LIMIT_EXCEEDED");
  g_assert_cmpstr (quota->reason, ==, "RESOURCE_EXHAUSTED");
  g_assert_cmpstr (mp2_http_response_get_error_message (quota), ==,
                   "Resource has been exhausted (e.g. check quota).");
}

typedef struct
{
  const char *path;
  int         code;
  guint       status;
  const char *reason;
} NotRetried;

static void
test_not_retried (Fixture       *f,
                  gconstpointer  data)
{
  static const NotRetried cases[] = {
    { "/google/time-range-empty", MP2_HTTP_ERROR_BAD_REQUEST, 400, "timeRangeEmpty" },
    { "/google/invalid-grant", MP2_HTTP_ERROR_BAD_REQUEST, 400, "invalid_grant" },
    { "/google/invalid-credentials", MP2_HTTP_ERROR_UNAUTHORIZED, 401, "authError" },
    { "/google/not-found", MP2_HTTP_ERROR_NOT_FOUND, 404, "notFound" },
    { "/google/duplicate", MP2_HTTP_ERROR_CONFLICT, 409, "duplicate" },
    { "/google/full-sync-required", MP2_HTTP_ERROR_GONE, 410, "fullSyncRequired" },
    { "/google/condition-not-met", MP2_HTTP_ERROR_PRECONDITION_FAILED, 412,
      "conditionNotMet" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Mp2HttpResponse) answer = get_failing (f, "GET", cases[i].path, MP2_HTTP_ERROR,
                                                       cases[i].code);

      g_assert_nonnull (answer);
      g_assert_cmpuint (answer->status, ==, cases[i].status);
      g_assert_cmpuint (answer->attempts, ==, 1);
      g_assert_cmpstr (answer->reason, ==, cases[i].reason);
      g_assert_nonnull (mp2_http_response_get_object (answer));
      g_assert_cmpuint (mp2_test_http_server_hits (f->server, cases[i].path), ==, 1);
    }

  g_assert_cmpuint (mp2_http_client_get_stats (f->client).retries, ==, 0);
}

static void
test_oauth_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) answer = get_failing (f, "POST", "/google/invalid-grant",
                                                   MP2_HTTP_ERROR,
                                                   MP2_HTTP_ERROR_BAD_REQUEST);

  g_assert_cmpstr (answer->reason, ==, "invalid_grant");
  g_assert_cmpstr (mp2_http_response_get_error_message (answer), ==,
                   "Token has been expired or revoked.");
}

static void
test_post_not_retried (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) answer = get_failing (f, "POST", "/fail/503/1", MP2_HTTP_ERROR,
                                                   MP2_HTTP_ERROR_SERVER);
  g_autoptr(Mp2HttpRequest) marked = new_request (f, "POST", "/fail/503/1");
  g_autoptr(Mp2HttpRequest) patch = new_request (f, "PATCH", "/fail/500/1");
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) patch_answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) patch_error = NULL;

  g_assert_cmpuint (answer->attempts, ==, 1);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/fail/503/1"), ==, 1);

  /* the server has failed once: the marked one gets the 200 at its first try, so make
   * it fail once more */
  mp2_http_request_set_retryable (marked, TRUE);
  g_hash_table_remove (f->server->hits, "/fail/503/1");
  response = send_and_wait (f, marked, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->attempts, ==, 2);

  g_assert_null (send_and_wait (f, patch, NULL, &patch_answer, &patch_error));
  g_assert_error (patch_error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_SERVER);
  g_assert_cmpuint (patch_answer->attempts, ==, 1);
}

/* Timeouts, bad bodies, no server ---------------------------------------------------- */

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = new_request (f, "GET", "/hang-once");
  g_autoptr(Mp2HttpRequest) post = new_request (f, "POST", "/hang");
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  mp2_http_request_set_timeout (request, 1);
  response = send_and_wait (f, request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->attempts, ==, 2);
  g_assert_cmpint (elapsed_ms (start), >=, 1000 - SLACK_MS);

  /* a POST is not sent twice, a timeout or not */
  mp2_http_request_set_timeout (post, 1);
  g_assert_null (send_and_wait (f, post, NULL, &answer, &error));
  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_TIMEOUT);
  g_assert_null (answer);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/hang"), ==, 1);
}

static void
test_bad_response (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) truncated = get_failing (f, "GET", "/truncated", MP2_HTTP_ERROR,
                                                      MP2_HTTP_ERROR_BAD_RESPONSE);
  g_autoptr(Mp2HttpResponse) portal = get_failing (f, "GET", "/html", MP2_HTTP_ERROR,
                                                   MP2_HTTP_ERROR_BAD_RESPONSE);

  g_assert_cmpuint (truncated->status, ==, 200);
  g_assert_cmpuint (truncated->attempts, ==, 1);
  g_assert_null (truncated->json);
  g_assert_cmpuint (g_bytes_get_size (truncated->body), >, 0);
  g_assert_cmpuint (portal->status, ==, 200);
}

static void
test_network_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(Mp2HttpRequest) request = NULL;
  g_autoptr(Mp2HttpResponse) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  guint16 port;

  /* a port that was free a moment ago, and has nobody listening now */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  uri = g_strdup_printf ("http://127.0.0.1:%u/ok", port);
  request = mp2_http_request_new ("GET", uri);
  g_assert_null (send_and_wait (f, request, NULL, &answer, &error));
  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_NETWORK);
  g_assert_null (answer);
  g_assert_cmpuint (mp2_http_client_get_stats (f->client).requests, ==, 4);
}
/* Secrets and plain HTTP ------------------------------------------------------------- */

static const char *secrets[] = {
  "SECRET-BEARER-1",
  "SECRET-KEY-2",
  "SECRET-ACCESS-3",
  "SECRET-CODE-4",
  "SECRET-VERIFIER-5",
  "SECRET-CLIENT-6",
  "SECRET-REFRESH-7",
  "SECRET-CUSTOM-8",
  "SECRET-API-KEY-9",
  "SECRET-SIGNATURE-10",
  "SECRET-ECHO-11",
  "SECRET-ECHO-12",
  "SECRET-ECHO-13",
  "SECRET-SUCCESS-14",
  "SECRET-APPID-15",
};

static Mp2HttpRequest *
new_secret_request (Fixture    *f,
                    const char *path)
{
  Mp2HttpRequest *request = new_request (f, "POST", path);

  mp2_http_request_set_bearer (request, secrets[0]);
  mp2_http_request_add_query (request, "key", secrets[1]);
  mp2_http_request_add_query (request, "access_token", secrets[2]);
  mp2_http_request_add_query (request, "sig", secrets[7]);
  mp2_http_request_add_query (request, "appid", secrets[14]);
  mp2_http_request_add_query (request, "format", "full");
  mp2_http_request_add_form_field (request, "code", secrets[3]);
  mp2_http_request_add_form_field (request, "code_verifier", secrets[4]);
  mp2_http_request_add_form_field (request, "client_secret", secrets[5]);
  mp2_http_request_add_form_field (request, "refresh_token", secrets[6]);
  mp2_http_request_set_header (request, "X-Goog-Api-Key", secrets[8]);
  mp2_http_request_set_header (request, "X-Mp2-Signature", secrets[9]);
  mp2_http_request_add_secret (request, "sig");
  mp2_http_request_add_secret (request, "X-Mp2-Signature");
  mp2_http_request_set_retryable (request, TRUE);

  return request;
}

static void
test_redaction (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) failing = new_secret_request (f, "/secret");
  g_autoptr(Mp2HttpRequest) token = new_secret_request (f, "/token");
  g_autoptr(Mp2HttpRequest) insecure = NULL;
  g_autoptr(Mp2HttpResponse) answer = NULL;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) insecure_error = NULL;
  g_autoptr(GError) token_error = NULL;

  insecure = mp2_http_request_new ("GET", "http://example.com/x?token=SECRET-ACCESS-3");
  g_string_truncate (captured_log, 0);

  g_assert_null (send_and_wait (f, failing, NULL, &answer, &error));
  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_REQUEST);
  response = send_and_wait (f, token, NULL, NULL, &token_error);
  g_assert_no_error (token_error);
  g_assert_null (send_and_wait (f, insecure, NULL, NULL, &insecure_error));
  g_assert_error (insecure_error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_INSECURE);

  /* the log says what happened… */
  g_assert_nonnull (strstr (captured_log->str, "POST http://127.0.0.1"));
  g_assert_nonnull (strstr (captured_log->str, "/secret?key=" MP2_HTTP_REDACTED));
  g_assert_nonnull (strstr (captured_log->str, "format=full"));
  g_assert_nonnull (strstr (captured_log->str, "400 Bad Request"));
  g_assert_nonnull (strstr (captured_log->str, "badRequest"));
  g_assert_nonnull (strstr (captured_log->str, answer->request_id));

  /* …and no secret, the server's echoes included, nor in the errors */
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      if (strstr (captured_log->str, secrets[i]) != NULL)
        g_error ("%s is in the log:\n%s", secrets[i], captured_log->str);
      g_assert_null (strstr (error->message, secrets[i]));
      g_assert_null (strstr (insecure_error->message, secrets[i]));
    }

  /* the server did get them */
  g_assert_nonnull (strstr (g_bytes_get_data (f->server->last_body, NULL), secrets[3]));
}

static void
test_redact_units (void)
{
  g_autoptr(GHashTable) extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) node = json_from_string ("{\"error\": {\"code\": 401},"
                                               " \"id_token\": \"a.b.c\", \"items\":"
                                               " [{\"ApiKey\": \"k\", \"name\": \"n\"}],"
                                               " \"mine\": \"m\"}", NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *uri = NULL;
  g_autofree char *json = NULL;
  g_autofree char *scrubbed = NULL;

  g_hash_table_add (extra, mp2_http_fold_name ("Mine"));
  uri = mp2_http_redact_uri ("https://user:pw@h.example/p?client%5Fsecret=s&a=1&TOKEN=t#frag",
                             extra);
  g_assert_cmpstr (uri, ==,
                   "https://" MP2_HTTP_REDACTED "@h.example/p?client_secret=" MP2_HTTP_REDACTED
                   "&a=1&TOKEN=" MP2_HTTP_REDACTED);

  json = mp2_http_redact_json (node, extra);
  g_assert_cmpstr (json, ==,
                   "{\"error\":{\"code\":401},\"id_token\":\"" MP2_HTTP_REDACTED "\","
                   "\"items\":[{\"ApiKey\":\"" MP2_HTTP_REDACTED "\",\"name\":\"n\"}],"
                   "\"mine\":\"" MP2_HTTP_REDACTED "\"}");
  /* the response's own tree is untouched */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "id_token"), ==,
                   "a.b.c");

  g_ptr_array_add (values, (gpointer) "s3cr/t+");
  scrubbed = mp2_http_scrub_values ("a s3cr/t+ b s3cr%2Ft%2B c", values);
  g_assert_cmpstr (scrubbed, ==, "a " MP2_HTTP_REDACTED " b " MP2_HTTP_REDACTED " c");
}

static void
test_http_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Mp2HttpResponse) allowed = NULL;
  static const char *refused[] = {
    "http://example.com/ok",        /* allowed only to loopback */
    "ftp://127.0.0.1/ok",
  };

  mp2_http_client_set_allow_http (f->client, FALSE);
  g_clear_pointer (&allowed, mp2_http_response_free);
  allowed = get_failing (f, "GET", "/ok", MP2_HTTP_ERROR, MP2_HTTP_ERROR_INSECURE);
  g_assert_null (allowed);
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/ok"), ==, 0);

  mp2_http_client_set_allow_http (f->client, TRUE);
  allowed = get_ok (f, "/ok");
  g_assert_cmpuint (mp2_test_http_server_hits (f->server, "/ok"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(Mp2HttpRequest) request = mp2_http_request_new ("GET", refused[i]);
      g_autoptr(GError) error = NULL;

      g_assert_null (send_and_wait (f, request, NULL, NULL, &error));
      g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_INSECURE);
    }
}

static void
test_invalid_uri (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = mp2_http_request_new ("GET", "not an address");
  g_autoptr(GError) error = NULL;

  g_assert_null (send_and_wait (f, request, NULL, NULL, &error));
  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_FAILED);
}

static void
test_service_url (void)
{
  g_autofree char *real = NULL;
  g_autofree char *gmail = NULL;
  g_autofree char *calendar = NULL;

  g_unsetenv ("MP2_GMAIL_URL");
  g_unsetenv ("MP2_CALENDAR_URL");
  real = mp2_http_service_url ("MP2_GMAIL_URL", "https://gmail.googleapis.com/");
  g_assert_cmpstr (real, ==, "https://gmail.googleapis.com/");
  g_assert_false (mp2_http_service_url_overridden ());

  g_setenv ("MP2_GMAIL_URL", "http://127.0.0.1:8080", TRUE);
  g_setenv ("MP2_CALENDAR_URL", "http://127.0.0.1:8081/", TRUE);
  gmail = mp2_http_service_url ("MP2_GMAIL_URL", "https://gmail.googleapis.com/");
  calendar = mp2_http_service_url ("MP2_CALENDAR_URL", "https://www.googleapis.com/calendar/v3/");
  g_assert_cmpstr (gmail, ==, "http://127.0.0.1:8080/");
  g_assert_cmpstr (calendar, ==, "http://127.0.0.1:8081/calendar/v3/");
  g_assert_true (mp2_http_service_url_overridden ());

  g_unsetenv ("MP2_GMAIL_URL");
  g_unsetenv ("MP2_CALENDAR_URL");
}

static void
test_retry_after_parse (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 12, 8, 0, 0);

  g_assert_cmpint (mp2_http_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpint (mp2_http_parse_retry_after (" 0 ", now), ==, 0);
  g_assert_cmpint (mp2_http_parse_retry_after ("Thu, 12 Mar 2026 08:00:30 GMT", now), ==, 30);
  g_assert_cmpint (mp2_http_parse_retry_after ("Thu, 12 Mar 2026 07:00:00 GMT", now), ==, 0);
  g_assert_cmpint (mp2_http_parse_retry_after ("soon", now), ==, -1);
  g_assert_cmpint (mp2_http_parse_retry_after ("-5", now), ==, -1);
  g_assert_cmpint (mp2_http_parse_retry_after (NULL, now), ==, -1);
}

/* The debug log of the whole run is kept; other levels go on as usual. */
static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if ((level & G_LOG_LEVEL_MASK) != G_LOG_LEVEL_DEBUG)
    return g_log_writer_default (level, fields, n_fields, user_data);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE"))
        {
          g_string_append (captured_log, fields[i].value);
          g_string_append_c (captured_log, '\n');
        }
    }

  if (g_getenv ("MP2_TEST_SHOW_LOG") != NULL)
    return g_log_writer_default (level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

int
main (int    argc,
      char **argv)
{
  captured_log = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "mp2-net", TRUE);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  ADD ("/net/answer/ok-json", test_ok_json);
  ADD ("/net/answer/empty-body", test_empty_body);
  ADD ("/net/answer/json-body", test_json_body);
  ADD ("/net/answer/form-body", test_form_body);
  ADD ("/net/answer/query", test_query);
  ADD ("/net/answer/bad-response", test_bad_response);
  ADD ("/net/answer/oauth-error", test_oauth_error);
  ADD ("/net/retry/server-errors", test_retry_server_errors);
  ADD ("/net/retry/exhausted", test_retry_exhausted);
  ADD ("/net/retry/retry-after-seconds", test_retry_after_seconds);
  ADD ("/net/retry/retry-after-date", test_retry_after_date);
  ADD ("/net/retry/retry-after-too-long", test_retry_after_too_long);
  ADD ("/net/retry/rate-limit-403", test_rate_limit_forbidden);
  ADD ("/net/retry/rate-limited-to-the-end", test_rate_limited_to_the_end);
  ADD ("/net/retry/not-retried", test_not_retried);
  ADD ("/net/retry/post", test_post_not_retried);
  ADD ("/net/retry/timeout", test_timeout);
  ADD ("/net/retry/network-error", test_network_error);
  g_test_add_func ("/net/retry/retry-after-parse", test_retry_after_parse);
  ADD ("/net/secrets/redaction", test_redaction);
  g_test_add_func ("/net/secrets/redact-units", test_redact_units);
  ADD ("/net/secrets/http-refused", test_http_refused);
  ADD ("/net/secrets/invalid-uri", test_invalid_uri);
  g_test_add_func ("/net/service-url", test_service_url);

  return g_test_run ();
}
