/* test-fake-oauth.c
 *
 * The fake Google's OAuth 2.0 for installed apps: authorization with PKCE S256 and a
 * loopback redirect, the token endpoint's grants and errors (invalid_grant is 400,
 * invalid_client 401), revocation, and access tokens that expire and carry scopes,
 * signing in with mp2_fake_browser_open_async () as the browser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-fake-browser.h"
#include "mp2-fake-test.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

#define SCOPES MP2_FAKE_TEST_SCOPES

typedef struct
{
  Mp2FakeTestFixture  base;
  Mp2FakeTestApp      app;
  char               *verifier;
  char               *challenge;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  mp2_fake_test_set_up (&fixture->base, data);
  g_clear_pointer (&fixture->base.access_token, g_free);
  mp2_fake_test_app_start (&fixture->app);
  fixture->verifier = g_strdup ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk.a~b-0123456789");
  fixture->challenge = mp2_fake_test_make_challenge (fixture->verifier);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  mp2_fake_test_tear_down (&fixture->base, data);
  mp2_fake_test_app_stop (&fixture->app);
  g_clear_pointer (&fixture->verifier, g_free);
  g_clear_pointer (&fixture->challenge, g_free);
}

static char *
make_authorization_url (Fixture    *fixture,
                        const char *extra)
{
  return mp2_fake_test_authorization_url (&fixture->base, &fixture->app, fixture->challenge,
                                          extra);
}

/* The browser's visit; returns the redirect it followed, or NULL with @error. */
static char *
visit (const char  *url,
       guint       *status,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *redirect = NULL;

  mp2_fake_browser_open_async (url, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, 10, "the browser's visit");
  if (!mp2_fake_browser_open_finish (result, &redirect, status, error))
    return NULL;

  return redirect;
}

/* Signs in, and returns the code; @scope is the one expected back (NULL: all asked). */
static char *
sign_in (Fixture    *fixture,
         const char *extra,
         const char *scope)
{
  g_autofree char *url = make_authorization_url (fixture, extra);
  g_autoptr(GError) error = NULL;
  g_autofree char *redirect = NULL;
  guint status = 0;

  redirect = visit (url, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (redirect, fixture->app.redirect_uri));
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (fixture->app.callback);
  g_assert_cmpstr (g_hash_table_lookup (fixture->app.callback, "state"), ==, MP2_FAKE_TEST_STATE);
  g_assert_cmpstr (g_hash_table_lookup (fixture->app.callback, "scope"), ==,
                   scope ? scope : SCOPES);

  return g_strdup (g_hash_table_lookup (fixture->app.callback, "code"));
}

static Mp2FakeTestReply *
exchange (Fixture    *fixture,
          const char *code,
          const char *verifier)
{
  g_autofree char *escaped_code = g_uri_escape_string (code, NULL, FALSE);
  g_autofree char *redirect = g_uri_escape_string (fixture->app.redirect_uri, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("grant_type=authorization_code&code=%s&client_id=%s"
                                           "&client_secret=%s&redirect_uri=%s&code_verifier=%s",
                                           escaped_code, MP2_FAKE_GOOGLE_CLIENT_ID,
                                           MP2_FAKE_GOOGLE_CLIENT_SECRET, redirect, verifier);

  return mp2_fake_test_post_form (&fixture->base, "/token", form);
}

static Mp2FakeTestReply *
refresh (Fixture    *fixture,
         const char *refresh_token)
{
  g_autofree char *escaped = g_uri_escape_string (refresh_token, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("grant_type=refresh_token&refresh_token=%s"
                                           "&client_id=%s&client_secret=%s", escaped,
                                           MP2_FAKE_GOOGLE_CLIENT_ID,
                                           MP2_FAKE_GOOGLE_CLIENT_SECRET);

  return mp2_fake_test_post_form (&fixture->base, "/token", form);
}

static void
test_pkce (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *code = sign_in (fixture, NULL, NULL);
  g_autofree char *refresh_token = NULL;
  g_autofree char *revoke = NULL;
  g_autoptr(Mp2FakeTestReply) wrong = exchange (fixture, code, "wrong-verifier-0123456789-"
                                                "0123456789-0123456789");
  g_autoptr(Mp2FakeTestReply) right = NULL;
  g_autoptr(Mp2FakeTestReply) reused = NULL;
  g_autoptr(Mp2FakeTestReply) refreshed = NULL;
  g_autoptr(Mp2FakeTestReply) labels = NULL;
  g_autoptr(Mp2FakeTestReply) revoked = NULL;
  g_autoptr(Mp2FakeTestReply) dead = NULL;
  JsonObject *tokens = NULL;

  g_assert_cmpuint (wrong->status, ==, 400);
  g_assert_cmpstr (mp2_fake_test_error_reason (wrong), ==, "invalid_grant");
  g_assert_true (mp2_fake_test_equals_sample (wrong, "oauth/error_400_invalid_grant_bad_code."
                                                     "constructed.json"));

  right = exchange (fixture, code, fixture->verifier);
  g_assert_cmpuint (right->status, ==, 200);
  tokens = mp2_fake_test_reply_object (right);
  g_assert_cmpstr (json_object_get_string_member (tokens, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (tokens, "expires_in"), ==, 3599);
  g_assert_cmpstr (json_object_get_string_member (tokens, "scope"), ==, SCOPES);
  g_assert_false (json_object_has_member (tokens, "id_token"));
  refresh_token = g_strdup (json_object_get_string_member (tokens, "refresh_token"));
  g_assert_true (mp2_fake_google_is_refresh_token_valid (fixture->base.fake, refresh_token));

  reused = exchange (fixture, code, fixture->verifier);
  g_assert_cmpuint (reused->status, ==, 400);
  g_assert_cmpstr (mp2_fake_test_error_reason (reused), ==, "invalid_grant");

  refreshed = refresh (fixture, refresh_token);
  g_assert_cmpuint (refreshed->status, ==, 200);
  g_assert_false (json_object_has_member (mp2_fake_test_reply_object (refreshed),
                                          "refresh_token"));
  fixture->base.access_token = g_strdup (json_object_get_string_member (
                                           mp2_fake_test_reply_object (refreshed),
                                           "access_token"));
  labels = mp2_fake_test_call (&fixture->base, "GET", "/gmail/v1/users/me/labels", NULL);
  g_assert_cmpuint (labels->status, ==, 200);

  revoke = g_strdup_printf ("/revoke?token=%s", refresh_token);
  revoked = mp2_fake_test_post_form (&fixture->base, revoke, "");
  g_assert_cmpuint (revoked->status, ==, 200);
  g_assert_false (mp2_fake_google_is_refresh_token_valid (fixture->base.fake, refresh_token));
  dead = refresh (fixture, refresh_token);
  g_assert_cmpuint (dead->status, ==, 400);
  g_assert_true (mp2_fake_test_equals_sample (dead, "oauth/error_400_invalid_grant_revoked."
                                                    "observed.json"));
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->base.fake, "oauth2.*"), ==, 7);
}

static void
expect_refused_authorization (Fixture    *fixture,
                              const char *url,
                              const char *violation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *redirect = visit (url, NULL, &error);

  g_test_message ("%s", url);
  g_assert_null (redirect);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  if (violation != NULL)
    mp2_fake_test_expect_violation (&fixture->base, violation);
  g_assert_null (fixture->app.callback);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *good = make_authorization_url (fixture, NULL);
  g_autofree char *no_pkce = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *other_client = NULL;
  g_autofree char *code = NULL;
  g_autofree char *form = NULL;
  g_autoptr(Mp2FakeTestReply) json = NULL;
  g_autoptr(Mp2FakeTestReply) secret = NULL;
  g_autoptr(Mp2FakeTestReply) field = NULL;
  g_autoptr(Mp2FakeTestReply) grant = NULL;
  GString *text = NULL;

  text = g_string_new (good);
  g_string_replace (text, "&code_challenge_method=S256", "", 1);
  no_pkce = g_string_free (g_steal_pointer (&text), FALSE);
  expect_refused_authorization (fixture, no_pkce, "code_challenge_method must be S256");

  text = g_string_new (good);
  g_string_replace (text, "=S256", "=plain", 1);
  plain = g_string_free (g_steal_pointer (&text), FALSE);
  expect_refused_authorization (fixture, plain, "code_challenge_method must be S256");

  text = g_string_new (good);
  g_string_replace (text, "http%3A%2F%2F127.0.0.1", "https%3A%2F%2Fexample.com", 1);
  remote = g_string_free (g_steal_pointer (&text), FALSE);
  expect_refused_authorization (fixture, remote, "redirect_uri must be http://127.0.0.1");

  unknown = g_strconcat (good, "&display=popup", NULL);
  expect_refused_authorization (fixture, unknown, "unknown parameter 'display'");

  text = g_string_new (good);
  g_string_replace (text, MP2_FAKE_GOOGLE_CLIENT_ID, "someone-else", 1);
  other_client = g_string_free (g_steal_pointer (&text), FALSE);
  expect_refused_authorization (fixture, other_client, NULL);

  /* The token endpoint takes forms, a known client, known fields. */
  code = sign_in (fixture, NULL, NULL);
  json = mp2_fake_test_call (&fixture->base, "POST", "/token", "{\"grant_type\":\"x\"}");
  g_assert_cmpuint (json->status, ==, 400);
  mp2_fake_test_expect_violation (&fixture->base, "application/x-www-form-urlencoded only");
  form = g_strdup_printf ("grant_type=refresh_token&refresh_token=x&client_id=%s"
                          "&client_secret=guess", MP2_FAKE_GOOGLE_CLIENT_ID);
  secret = mp2_fake_test_post_form (&fixture->base, "/token", form);
  g_assert_cmpuint (secret->status, ==, 401);
  g_assert_true (mp2_fake_test_equals_sample (secret, "oauth/error_401_invalid_client."
                                                      "constructed.json"));
  field = mp2_fake_test_post_form (&fixture->base, "/token", "grant_type=password&user=me");
  g_assert_cmpuint (field->status, ==, 400);
  mp2_fake_test_expect_violation (&fixture->base, "unknown parameter 'user'");
  g_clear_pointer (&form, g_free);
  form = g_strdup_printf ("grant_type=password&client_id=%s&client_secret=%s",
                          MP2_FAKE_GOOGLE_CLIENT_ID, MP2_FAKE_GOOGLE_CLIENT_SECRET);
  grant = mp2_fake_test_post_form (&fixture->base, "/token", form);
  g_assert_cmpuint (grant->status, ==, 400);
  g_assert_cmpstr (mp2_fake_test_error_reason (grant), ==, "unsupported_grant_type");
}

static void
test_denied (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *url = make_authorization_url (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *redirect = NULL;
  GHashTable *last = NULL;
  guint status = 0;

  mp2_fake_google_set_consent (fixture->base.fake, FALSE);
  redirect = visit (url, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (fixture->app.callback, "error"), ==, "access_denied");
  g_assert_cmpstr (g_hash_table_lookup (fixture->app.callback, "state"), ==, MP2_FAKE_TEST_STATE);
  g_assert_false (g_hash_table_contains (fixture->app.callback, "code"));
  last = mp2_fake_google_get_last_authorization (fixture->base.fake);
  g_assert_cmpstr (g_hash_table_lookup (last, "access_type"), ==, "offline");
}

/* Google gives a refresh token at the first consent, later only with prompt=consent. */
static void
test_consent_again (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = sign_in (fixture, NULL, NULL);
  g_autoptr(Mp2FakeTestReply) first_tokens = exchange (fixture, first, fixture->verifier);
  g_autofree char *second = sign_in (fixture, NULL, NULL);
  g_autoptr(Mp2FakeTestReply) second_tokens = exchange (fixture, second, fixture->verifier);
  g_autofree char *third = sign_in (fixture, "&prompt=consent", NULL);
  g_autoptr(Mp2FakeTestReply) third_tokens = exchange (fixture, third, fixture->verifier);

  g_assert_true (json_object_has_member (mp2_fake_test_reply_object (first_tokens),
                                         "refresh_token"));
  g_assert_false (json_object_has_member (mp2_fake_test_reply_object (second_tokens),
                                          "refresh_token"));
  g_assert_true (json_object_has_member (mp2_fake_test_reply_object (third_tokens),
                                         "refresh_token"));
}

static void
test_scopes (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *code = NULL;
  g_autoptr(Mp2FakeTestReply) tokens = NULL;
  g_autoptr(Mp2FakeTestReply) labels = NULL;
  g_autoptr(Mp2FakeTestReply) events = NULL;
  g_autoptr(Mp2FakeTestReply) calendars = NULL;
  g_autoptr(Mp2FakeTestReply) with_openid = NULL;

  /* The user grants less than asked: Gmail only. */
  mp2_fake_google_set_granted_scope (fixture->base.fake, MP2_FAKE_GOOGLE_SCOPE_GMAIL);
  code = sign_in (fixture, NULL, MP2_FAKE_GOOGLE_SCOPE_GMAIL);
  tokens = exchange (fixture, code, fixture->verifier);
  g_assert_cmpstr (json_object_get_string_member (mp2_fake_test_reply_object (tokens), "scope"),
                   ==, MP2_FAKE_GOOGLE_SCOPE_GMAIL);
  fixture->base.access_token = g_strdup (json_object_get_string_member (
                                           mp2_fake_test_reply_object (tokens), "access_token"));
  labels = mp2_fake_test_call (&fixture->base, "GET", "/gmail/v1/users/me/labels", NULL);
  g_assert_cmpuint (labels->status, ==, 200);
  events = mp2_fake_test_call (&fixture->base, "GET", "/calendar/v3/calendars/primary/events",
                               NULL);
  g_assert_cmpuint (events->status, ==, 403);
  g_assert_cmpstr (mp2_fake_test_error_reason (events), ==, "insufficientPermissions");

  /* calendar.events does not list calendars, as the discovery document says. */
  g_clear_pointer (&fixture->base.access_token, g_free);
  mp2_fake_google_issue_tokens (fixture->base.fake, SCOPES, &fixture->base.access_token, NULL);
  calendars = mp2_fake_test_call (&fixture->base, "GET", "/calendar/v3/users/me/calendarList",
                                  NULL);
  g_assert_cmpuint (calendars->status, ==, 403);

  /* With openid, an id_token names the user. */
  mp2_fake_google_set_granted_scope (fixture->base.fake, "openid email");
  g_clear_pointer (&code, g_free);
  code = sign_in (fixture, NULL, "openid email");
  with_openid = exchange (fixture, code, fixture->verifier);
  g_assert_true (json_object_has_member (mp2_fake_test_reply_object (with_openid), "id_token"));
}

static void
test_access_tokens (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Mp2FakeTestReply) anonymous = NULL;
  g_autoptr(Mp2FakeTestReply) valid = NULL;
  g_autoptr(Mp2FakeTestReply) expired = NULL;
  g_autoptr(Mp2FakeTestReply) timed_out = NULL;
  GPtrArray *received = NULL;

  anonymous = mp2_fake_test_call (&fixture->base, "GET", "/gmail/v1/users/me/labels", NULL);
  g_assert_cmpuint (anonymous->status, ==, 401);
  mp2_fake_test_expect_violation (&fixture->base, "no Authorization: Bearer token");

  mp2_fake_google_issue_tokens (fixture->base.fake, NULL, &fixture->base.access_token, NULL);
  valid = mp2_fake_test_call (&fixture->base, "GET", "/gmail/v1/users/me/labels", NULL);
  g_assert_cmpuint (valid->status, ==, 200);
  mp2_fake_google_expire_access_tokens (fixture->base.fake);
  expired = mp2_fake_test_call (&fixture->base, "GET", "/gmail/v1/users/me/labels", NULL);
  g_assert_cmpuint (expired->status, ==, 401);
  g_assert_true (mp2_fake_test_equals_sample (expired, "google_common/error_401_invalid_"
                                                       "credentials.docs.json"));
  g_assert_nonnull (soup_message_headers_get_one (expired->headers, "WWW-Authenticate"));

  received = mp2_fake_google_get_received_tokens (fixture->base.fake);
  g_assert_cmpuint (received->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (received, 1), ==, fixture->base.access_token);

  /* A token that lives one second. */
  g_clear_pointer (&fixture->base.access_token, g_free);
  mp2_fake_google_set_token_lifetime (fixture->base.fake, 1);
  mp2_fake_google_issue_tokens (fixture->base.fake, NULL, &fixture->base.access_token, NULL);
  mp2_test_run_for (1100);
  timed_out = mp2_fake_test_call (&fixture->base, "GET", "/gmail/v1/users/me/labels", NULL);
  g_assert_cmpuint (timed_out->status, ==, 401);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, function) \
  g_test_add (path, Fixture, NULL, set_up, function, tear_down)

  ADD ("/fakes/oauth/pkce", test_pkce);
  ADD ("/fakes/oauth/refused", test_refused);
  ADD ("/fakes/oauth/denied", test_denied);
  ADD ("/fakes/oauth/consent-again", test_consent_again);
  ADD ("/fakes/oauth/scopes", test_scopes);
  ADD ("/fakes/oauth/access-tokens", test_access_tokens);

#undef ADD

  return g_test_run ();
}
