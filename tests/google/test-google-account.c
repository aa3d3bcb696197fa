/* test-google-account.c
 *
 * Mp2GoogleAccount against the fake Google (tests/fakes) and the private session's
 * gnome-keyring, with the test browser: the sign-in and the ways it fails, the
 * refresh token in the keyring and found again after a restart, access tokens
 * renewed before they expire and after a 401, a revoked grant, sign-out online and
 * offline, faults of the token endpoint, and no secret in the log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-fake-google.h"
#include "mp2-google-account.h"
#include "mp2-test-account.h"
#include "mp2-test-browser.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS MP2_TEST_ACCOUNT_WAIT

/* Every log line of the program, for the check that no secret is in one. */
static GMutex log_mutex;
static GString *log_text;

typedef struct
{
  Mp2FakeGoogle    *fake;
  Mp2HttpClient    *http;
  Mp2GoogleAccount *account;
  GArray           *states;   /* Mp2AccountState, as notified */
} Fixture;

static void
on_state_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  Fixture *fixture = user_data;
  Mp2AccountState state = mp2_google_account_get_state (MP2_GOOGLE_ACCOUNT (object));

  g_array_append_val (fixture->states, state);
}

static Mp2GoogleAccount *
new_account (Fixture    *fixture,
             const char *client_secret)
{
  return mp2_google_account_new (fixture->http, MP2_FAKE_GOOGLE_CLIENT_ID, client_secret);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->fake = mp2_fake_google_new (&error);
  g_assert_no_error (error);
  mp2_fake_google_export_environment (fixture->fake);

  fixture->http = mp2_http_client_new ();
  mp2_http_client_set_allow_http (fixture->http, TRUE);
  mp2_http_client_set_retry_policy (fixture->http, 10, 50, 3);
  /* The fault tests fail many requests in a row: the breaker is the net tests' matter. */
  mp2_http_client_set_breaker (fixture->http, 100, 1);

  fixture->account = new_account (fixture, MP2_FAKE_GOOGLE_CLIENT_SECRET);
  fixture->states = g_array_new (FALSE, FALSE, sizeof (Mp2AccountState));
  g_signal_connect (fixture->account, "notify::state", G_CALLBACK (on_state_notify_cb),
                    fixture);

  mp2_test_account_clear_keyring ();
  mp2_test_browser_reset (MP2_TEST_BROWSER_FOLLOW);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mp2_fake_google_assert_no_violations (fixture->fake);
  g_clear_object (&fixture->account);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->fake);
  g_clear_pointer (&fixture->states, g_array_unref);
  mp2_test_account_clear_keyring ();
}

static void
sign_in (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mp2_test_account_sign_in (fixture->account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_IN);
}

static char *
get_token (Mp2GoogleAccount *account)
{
  g_autoptr(GError) error = NULL;
  char *token = mp2_test_account_get_token (account, &error);

  g_assert_no_error (error);
  g_assert_nonnull (token);

  return token;
}

static Mp2HttpRequest *
new_profile_request (void)
{
  g_autofree char *base = mp2_http_service_url ("MP2_GMAIL_URL", "https://gmail.googleapis.com/");
  g_autofree char *uri = g_strconcat (base, "gmail/v1/users/me/profile", NULL);
  Mp2HttpRequest *request = mp2_http_request_new ("GET", uri);

  mp2_http_request_set_api (request, "gmail");

  return request;
}

/* Gmail's users.getProfile with the account's token. */
static void
assert_profile_reachable (Fixture *fixture)
{
  g_autoptr(Mp2HttpRequest) request = new_profile_request ();
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *profile = NULL;

  response = mp2_test_account_send (fixture->account, request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);
  g_assert_cmpuint (response->status, ==, 200);
  profile = mp2_http_response_get_object (response);
  g_assert_nonnull (profile);
  g_assert_cmpstr (json_object_get_string_member (profile, "emailAddress"), ==,
                   MP2_FAKE_GOOGLE_USER_EMAIL);
}

static const char *
get_last_received_token (Fixture *fixture)
{
  GPtrArray *tokens = mp2_fake_google_get_received_tokens (fixture->fake);

  g_assert_cmpuint (tokens->len, >, 0);

  return g_ptr_array_index (tokens, tokens->len - 1);
}

static char *
read_browser_page (void)
{
  g_free (mp2_test_browser_wait_for ("done", WAIT_SECONDS));

  return mp2_test_browser_read ("page");
}

/* The sign-in -------------------------------------------------------------------------- */

/* Consent in the browser: the refresh token in the keyring, still good at Google, the
 * e-mail from the id_token, the authorization request as Google wants it, the
 * browser told it worked, the loopback server gone. */
static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  GHashTable *authorization = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *page = NULL;
  g_autofree char *opened = NULL;
  const char *redirect_uri = NULL;

  sign_in (fixture);

  g_assert_cmpstr (mp2_google_account_get_email (fixture->account), ==,
                   MP2_FAKE_GOOGLE_USER_EMAIL);
  g_assert_cmpuint (fixture->states->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture->states, Mp2AccountState, 0), ==,
                   MP2_ACCOUNT_STATE_SIGNING_IN);
  g_assert_cmpint (g_array_index (fixture->states, Mp2AccountState, 1), ==,
                   MP2_ACCOUNT_STATE_SIGNED_IN);

  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_nonnull (stored);
  g_assert_true (mp2_fake_google_is_refresh_token_valid (fixture->fake, stored));

  authorization = mp2_fake_google_get_last_authorization (fixture->fake);
  g_assert_cmpstr (g_hash_table_lookup (authorization, "client_id"), ==,
                   MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_cmpstr (g_hash_table_lookup (authorization, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (authorization, "scope"), ==, MP2_GOOGLE_SCOPES);
  g_assert_cmpstr (g_hash_table_lookup (authorization, "code_challenge_method"), ==, "S256");
  g_assert_cmpstr (g_hash_table_lookup (authorization, "access_type"), ==, "offline");
  g_assert_cmpstr (g_hash_table_lookup (authorization, "prompt"), ==, "consent");
  g_assert_cmpuint (strlen (g_hash_table_lookup (authorization, "state")), >=, 43);
  g_assert_false (g_hash_table_contains (authorization, "login_hint"));
  redirect_uri = g_hash_table_lookup (authorization, "redirect_uri");
  g_assert_true (g_str_has_prefix (redirect_uri, "http://127.0.0.1:"));
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 1);

  page = read_browser_page ();
  g_assert_nonnull (strstr (page, "You can close this tab and return to Film Schedule."));
  opened = mp2_test_browser_read ("authorization");
  mp2_test_account_assert_loopback_closed (opened);
  assert_profile_reachable (fixture);
}

/* Two sign-ins share neither state nor PKCE challenge nor port. */
static void
test_sign_in_random (Fixture       *fixture,
                     gconstpointer  data)
{
  GHashTable *authorization = NULL;
  g_autofree char *state = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *redirect_uri = NULL;

  sign_in (fixture);
  authorization = mp2_fake_google_get_last_authorization (fixture->fake);
  state = g_strdup (g_hash_table_lookup (authorization, "state"));
  challenge = g_strdup (g_hash_table_lookup (authorization, "code_challenge"));
  redirect_uri = g_strdup (g_hash_table_lookup (authorization, "redirect_uri"));

  mp2_test_browser_reset (MP2_TEST_BROWSER_FOLLOW);
  sign_in (fixture);
  authorization = mp2_fake_google_get_last_authorization (fixture->fake);
  g_assert_cmpstr (g_hash_table_lookup (authorization, "state"), !=, state);
  g_assert_cmpstr (g_hash_table_lookup (authorization, "code_challenge"), !=, challenge);
  g_assert_cmpstr (g_hash_table_lookup (authorization, "redirect_uri"), !=, redirect_uri);
}

/* The app starts again: a new account object finds the token in the keyring. */
static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(Mp2GoogleAccount) restarted = new_account (fixture, MP2_FAKE_GOOGLE_CLIENT_SECRET);
  g_autoptr(Mp2GoogleAccount) empty = new_account (fixture, MP2_FAKE_GOOGLE_CLIENT_SECRET);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert_true (mp2_test_account_load (empty, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp2_google_account_get_state (empty), ==, MP2_ACCOUNT_STATE_SIGNED_OUT);
  g_assert_null (mp2_google_account_get_email (empty));

  sign_in (fixture);
  g_assert_true (mp2_test_account_load (restarted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp2_google_account_get_state (restarted), ==, MP2_ACCOUNT_STATE_SIGNED_IN);
  g_assert_cmpstr (mp2_google_account_get_email (restarted), ==, MP2_FAKE_GOOGLE_USER_EMAIL);

  /* No access token survives a restart: the stored refresh token gets one. */
  token = get_token (restarted);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 2);
  g_assert_cmpstr (token, !=, "");
}

/* The browser comes back with another tab's state: no code is exchanged. */
static void
test_state_mismatch (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *stored = NULL;

  mp2_test_browser_reset (MP2_TEST_BROWSER_TAMPER_STATE);
  g_assert_false (mp2_test_account_sign_in (fixture->account, &error));
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_STATE_MISMATCH);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_OUT);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 0);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_null (stored);

  page = read_browser_page ();
  g_assert_nonnull (strstr (page, "Film Schedule could not sign in"));
}

/* The user refuses on the consent page. */
static void
test_access_denied (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;

  mp2_fake_google_set_consent (fixture->fake, FALSE);
  g_assert_false (mp2_test_account_sign_in (fixture->account, &error));
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_CANCELLED_BY_USER);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_OUT);
  g_assert_null (mp2_google_account_get_email (fixture->account));

  page = read_browser_page ();
  g_assert_nonnull (strstr (page, "You did not give Film Schedule access"));
}

/* The user unticks Calendar on the consent page. */
static void
test_missing_scope (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  mp2_fake_google_set_granted_scope (fixture->fake,
                                     "openid email " MP2_FAKE_GOOGLE_SCOPE_GMAIL);
  g_assert_false (mp2_test_account_sign_in (fixture->account, &error));
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_SCOPES);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_OUT);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_null (stored);
}

/* A wrong client secret: the token endpoint answers 401 invalid_client. */
static void
test_invalid_client (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Mp2GoogleAccount) account = new_account (fixture, "not-the-secret");
  g_autoptr(GError) error = NULL;

  g_assert_false (mp2_test_account_sign_in (account, &error));
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_INVALID_CLIENT);
  g_assert_cmpint (mp2_google_account_get_state (account), ==, MP2_ACCOUNT_STATE_SIGNED_OUT);
}

/* The user gives up waiting: Cancel closes the loopback server. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opened = NULL;

  mp2_test_browser_reset (MP2_TEST_BROWSER_STOP);
  mp2_google_account_sign_in_async (fixture->account, cancellable, mp2_test_on_result_cb,
                                    &result);
  g_free (mp2_test_browser_wait_for ("done", WAIT_SECONDS));
  g_assert_null (result);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNING_IN);

  g_cancellable_cancel (cancellable);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the cancelled sign-in");
  g_assert_false (mp2_google_account_sign_in_finish (fixture->account, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_OUT);
  opened = mp2_test_browser_read ("authorization");
  mp2_test_account_assert_loopback_closed (opened);
}

/* Tokens -------------------------------------------------------------------------------- */

/* Short-lived tokens are renewed before they expire: the API never sees a stale one. */
static void
test_refresh_before_expiry (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *same = NULL;
  g_autofree char *renewed = NULL;

  /* Good for 3 s here: a quarter of its 4 s life is kept as a margin. */
  mp2_fake_google_set_token_lifetime (fixture->fake, 4);
  sign_in (fixture);
  first = get_token (fixture->account);
  same = get_token (fixture->account);
  g_assert_cmpstr (first, ==, same);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 1);

  mp2_test_run_for (3200);
  assert_profile_reachable (fixture);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 2);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "gmail.users.getProfile"),
                    ==, 1);
  g_assert_cmpstr (get_last_received_token (fixture), !=, first);

  renewed = get_token (fixture->account);
  g_assert_cmpstr (renewed, ==, get_last_received_token (fixture));
}

static void
on_token_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray *tokens = user_data;
  g_autoptr(GError) error = NULL;
  char *token = mp2_google_account_get_token_finish (MP2_GOOGLE_ACCOUNT (object), result,
                                                     &error);

  g_assert_no_error (error);
  g_ptr_array_add (tokens, token);
}

static gboolean
has_one_token (gpointer user_data)
{
  return ((GPtrArray *) user_data)->len == 1;
}

static gboolean
has_three_tokens (gpointer user_data)
{
  return ((GPtrArray *) user_data)->len == 3;
}

/* Three callers at once while the token is stale: one refresh for all. */
static void
test_refresh_shared (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;

  mp2_fake_google_set_token_lifetime (fixture->fake, 4);
  sign_in (fixture);
  first = get_token (fixture->account);
  mp2_test_run_for (3200);

  for (guint i = 0; i < 3; i++)
    mp2_google_account_get_token_async (fixture->account, NULL, on_token_cb, tokens);
  mp2_test_wait_until (has_three_tokens, tokens, WAIT_SECONDS, "three access tokens");

  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 2);
  g_assert_cmpstr (g_ptr_array_index (tokens, 0), !=, first);
  g_assert_cmpstr (g_ptr_array_index (tokens, 0), ==, g_ptr_array_index (tokens, 1));
  g_assert_cmpstr (g_ptr_array_index (tokens, 1), ==, g_ptr_array_index (tokens, 2));
}

/* A caller that gives up while the refresh is on its way is answered at once; the
 * others still get their token. */
static void
test_refresh_cancelled_caller (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint fault = 0;

  mp2_fake_google_set_token_lifetime (fixture->fake, 4);
  sign_in (fixture);
  g_free (get_token (fixture->account));
  mp2_test_run_for (3200);

  /* The token endpoint takes 2 s to answer. */
  fault = mp2_fake_google_add_fault (fixture->fake, "oauth2.token", MP2_FAKE_FAULT_HANG, 0, 1);
  mp2_fake_google_set_fault_seconds (fixture->fake, fault, 2);
  mp2_google_account_get_token_async (fixture->account, cancellable, mp2_test_on_result_cb,
                                      &result);
  mp2_google_account_get_token_async (fixture->account, NULL, on_token_cb, tokens);
  mp2_test_run_for (200);
  g_cancellable_cancel (cancellable);
  mp2_test_wait_for_result (&result, 1, "the cancelled caller's answer");
  g_assert_null (mp2_google_account_get_token_finish (fixture->account, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (tokens->len, ==, 0);

  mp2_test_wait_until (has_one_token, tokens, WAIT_SECONDS, "the patient caller's token");
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 2);
}

/* Google answers 401 in the middle of a call: one refresh, and the call again. */
static void
test_refresh_on_401 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *first = NULL;
  GPtrArray *received = NULL;
  guint fault = 0;

  sign_in (fixture);
  first = get_token (fixture->account);
  fault = mp2_fake_google_add_fault (fixture->fake, "gmail.users.getProfile",
                                     MP2_FAKE_FAULT_TOKEN_EXPIRED, 0, 1);

  assert_profile_reachable (fixture);
  g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, fault), ==, 1);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "gmail.users.getProfile"),
                    ==, 2);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 2);
  received = mp2_fake_google_get_received_tokens (fixture->fake);
  g_assert_cmpuint (received->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (received, 0), ==, first);
  g_assert_cmpstr (g_ptr_array_index (received, 1), !=, first);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_IN);
}

/* The user revoked the app at Google: "Sign in again as …". */
static void
test_revoked (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(Mp2HttpRequest) request = new_profile_request ();
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *token = NULL;
  GHashTable *authorization = NULL;

  sign_in (fixture);
  mp2_fake_google_revoke_refresh_token (fixture->fake, NULL);
  g_array_set_size (fixture->states, 0);

  response = mp2_test_account_send (fixture->account, request, &error);
  g_assert_null (response);
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_REVOKED);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);
  g_assert_cmpuint (fixture->states->len, ==, 1);
  g_assert_cmpstr (mp2_google_account_get_email (fixture->account), ==,
                   MP2_FAKE_GOOGLE_USER_EMAIL);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_null (stored);

  /* No more requests with the dead token. */
  g_clear_error (&error);
  token = mp2_test_account_get_token (fixture->account, &error);
  g_assert_null (token);
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_REVOKED);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 2);

  /* Signing in again opens the same account. */
  mp2_test_browser_reset (MP2_TEST_BROWSER_FOLLOW);
  sign_in (fixture);
  authorization = mp2_fake_google_get_last_authorization (fixture->fake);
  g_assert_cmpstr (g_hash_table_lookup (authorization, "login_hint"), ==,
                   MP2_FAKE_GOOGLE_USER_EMAIL);
  assert_profile_reachable (fixture);
}

/* The fault script's invalid_grant on a refresh, as Google answers it. */
static void
test_invalid_grant_fault (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *token = NULL;

  mp2_fake_google_set_token_lifetime (fixture->fake, 4);
  sign_in (fixture);
  mp2_test_run_for (3200);
  mp2_fake_google_add_fault (fixture->fake, "oauth2.token", MP2_FAKE_FAULT_INVALID_GRANT, 0, 1);

  token = mp2_test_account_get_token (fixture->account, &error);
  g_assert_null (token);
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_REVOKED);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_null (stored);
}

/* 5xx and no answer from the token endpoint: retried, then an HTTP error; the account
 * stays signed in and works again once Google is back. */
static void
test_token_endpoint_faults (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *stored = NULL;
  guint fault = 0;

  mp2_fake_google_set_token_lifetime (fixture->fake, 4);
  sign_in (fixture);

  /* One 503: retried. */
  mp2_test_run_for (3200);
  fault = mp2_fake_google_add_fault (fixture->fake, "oauth2.token", MP2_FAKE_FAULT_UNAVAILABLE,
                                     0, 1);
  token = get_token (fixture->account);
  g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, fault), ==, 1);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.token"), ==, 3);
  g_clear_pointer (&token, g_free);

  /* 500 every time: an HTTP error, not a sign-out. */
  mp2_test_run_for (3200);
  mp2_fake_google_add_fault (fixture->fake, "oauth2.token", MP2_FAKE_FAULT_SERVER_ERROR, 0,
                             G_MAXUINT);
  token = mp2_test_account_get_token (fixture->account, &error);
  g_assert_null (token);
  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_SERVER);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_IN);
  mp2_fake_google_clear_faults (fixture->fake);

  /* No answer in time. */
  mp2_http_client_set_default_timeout (fixture->http, 1);
  fault = mp2_fake_google_add_fault (fixture->fake, "oauth2.token", MP2_FAKE_FAULT_HANG, 0,
                                     G_MAXUINT);
  mp2_fake_google_set_fault_seconds (fixture->fake, fault, 3);
  g_clear_error (&error);
  token = mp2_test_account_get_token (fixture->account, &error);
  g_assert_null (token);
  g_assert_error (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_TIMEOUT);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_IN);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_nonnull (stored);

  mp2_fake_google_clear_faults (fixture->fake);
  mp2_http_client_set_default_timeout (fixture->http, 30);
  assert_profile_reachable (fixture);
}

/* Sign-out --------------------------------------------------------------------------------- */

static void
test_sign_out (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *token = NULL;

  sign_in (fixture);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_nonnull (stored);

  g_assert_true (mp2_test_account_sign_out (fixture->account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.revoke"), ==, 1);
  g_assert_false (mp2_fake_google_is_refresh_token_valid (fixture->fake, stored));
  g_clear_pointer (&stored, g_free);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_null (stored);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_OUT);
  g_assert_null (mp2_google_account_get_email (fixture->account));

  token = mp2_test_account_get_token (fixture->account, &error);
  g_assert_null (token);
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_NOT_SIGNED_IN);
}

/* Google cannot be reached: the token leaves the keyring all the same. */
static void
test_sign_out_offline (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  sign_in (fixture);
  mp2_fake_google_add_fault (fixture->fake, "oauth2.revoke", MP2_FAKE_FAULT_UNAVAILABLE, 0,
                             G_MAXUINT);

  g_assert_true (mp2_test_account_sign_out (fixture->account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "oauth2.revoke"), >=, 1);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_assert_null (stored);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_OUT);
}

/* The client secret ------------------------------------------------------------------------ */

static void
test_client_secret (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  mp2_google_account_lookup_client_secret_async ("own-client.apps.example", NULL,
                                                 mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "no client secret");
  secret = mp2_google_account_lookup_client_secret_finish (result, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
  g_clear_object (&result);

  mp2_google_account_store_client_secret_async ("own-client.apps.example", "GOCSPX-own", NULL,
                                                mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the client secret stored");
  g_assert_true (mp2_google_account_store_client_secret_finish (result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  mp2_google_account_lookup_client_secret_async ("own-client.apps.example", NULL,
                                                 mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the client secret");
  secret = mp2_google_account_lookup_client_secret_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "GOCSPX-own");
  secret_password_free (secret);

  secret_password_clear_sync (mp2_google_account_get_secret_schema (), NULL, &error,
                              "kind", "client-secret", NULL);
  g_assert_no_error (error);
}

/* Another client id: the account must sign in again. */
static void
test_set_client (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  sign_in (fixture);
  mp2_google_account_set_client (fixture->account, MP2_FAKE_GOOGLE_CLIENT_ID, "rotated");
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_SIGNED_IN);

  mp2_google_account_set_client (fixture->account, "another.apps.example", "");
  g_assert_cmpstr (mp2_google_account_get_client_id (fixture->account), ==,
                   "another.apps.example");
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);
  token = mp2_test_account_get_token (fixture->account, &error);
  g_assert_null (token);
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_REVOKED);
}

/* Secrets ------------------------------------------------------------------------------------ */

static GLogWriterOutput
capture_log_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_mutex_lock (&log_mutex);
  g_string_append (log_text, line);
  g_string_append_c (log_text, '\n');
  g_mutex_unlock (&log_mutex);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

static void
assert_not_logged (const char *secret)
{
  g_assert_nonnull (secret);
  g_assert_cmpuint (strlen (secret), >, 8);
  g_mutex_lock (&log_mutex);
  if (strstr (log_text->str, secret) != NULL)
    g_error ("A secret is in the log:\n%s", log_text->str);
  g_mutex_unlock (&log_mutex);
}

/* With every debug message on: sign-in, refreshes, a 401, sign-out. Neither the code,
 * nor the refresh token, nor an access token, nor the client secret is in a line. */
static void
test_no_secret_logged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *callback = NULL;
  g_autofree char *code = NULL;
  g_autofree char *stored = NULL;
  GPtrArray *received = NULL;

  g_mutex_lock (&log_mutex);
  g_string_truncate (log_text, 0);
  g_mutex_unlock (&log_mutex);

  mp2_fake_google_set_token_lifetime (fixture->fake, 4);
  sign_in (fixture);
  stored = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  g_free (mp2_test_browser_wait_for ("done", WAIT_SECONDS));
  callback = mp2_test_browser_read ("callback");
  code = mp2_test_browser_get_query_param (callback, "code");
  mp2_fake_google_add_fault (fixture->fake, "gmail.users.getProfile",
                             MP2_FAKE_FAULT_TOKEN_EXPIRED, 0, 1);
  assert_profile_reachable (fixture);
  mp2_test_run_for (3200);
  assert_profile_reachable (fixture);
  g_assert_true (mp2_test_account_sign_out (fixture->account, &error));
  g_assert_no_error (error);

  /* The log was written: the requests and the account's steps are in it. */
  g_assert_nonnull (strstr (log_text->str, "signing-in -> signed-in"));
  g_assert_nonnull (strstr (log_text->str, "/token"));

  assert_not_logged (code);
  assert_not_logged (stored);
  assert_not_logged (MP2_FAKE_GOOGLE_CLIENT_SECRET);
  received = mp2_fake_google_get_received_tokens (fixture->fake);
  g_assert_cmpuint (received->len, ==, 3);
  for (guint i = 0; i < received->len; i++)
    assert_not_logged (g_ptr_array_index (received, i));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_log_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);
  mp2_test_browser_install ();

#define ADD(path, func) \
  g_test_add ("/google-account/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sign-in", test_sign_in);
  ADD ("sign-in/random", test_sign_in_random);
  ADD ("sign-in/state-mismatch", test_state_mismatch);
  ADD ("sign-in/access-denied", test_access_denied);
  ADD ("sign-in/missing-scope", test_missing_scope);
  ADD ("sign-in/invalid-client", test_invalid_client);
  ADD ("sign-in/cancel", test_cancel);
  ADD ("load", test_load);
  ADD ("token/refresh-before-expiry", test_refresh_before_expiry);
  ADD ("token/refresh-shared", test_refresh_shared);
  ADD ("token/refresh-cancelled-caller", test_refresh_cancelled_caller);
  ADD ("token/refresh-on-401", test_refresh_on_401);
  ADD ("token/revoked", test_revoked);
  ADD ("token/invalid-grant-fault", test_invalid_grant_fault);
  ADD ("token/endpoint-faults", test_token_endpoint_faults);
  ADD ("sign-out", test_sign_out);
  ADD ("sign-out/offline", test_sign_out_offline);
  ADD ("client-secret", test_client_secret);
  ADD ("set-client", test_set_client);
  ADD ("no-secret-logged", test_no_secret_logged);

#undef ADD

  status = g_test_run ();
  mp2_test_browser_uninstall ();
  g_string_free (log_text, TRUE);

  return status;
}
