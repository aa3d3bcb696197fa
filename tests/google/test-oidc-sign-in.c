/* test-oidc-sign-in.c
 *
 * The sign-in against a real OAuth 2.0 server: the npm package oidc-provider on
 * 127.0.0.1 with Google's paths (tests/google/oidc/provider.mjs), PKCE S256 required,
 * driven by the test browser. It proves the flow with an implementation that is not
 * ours: the code with PKCE for tokens, a refresh token kept and used, a state from
 * another tab refused, and an intercepted code that the thief's verifier cannot
 * redeem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "mp2-google-account.h"
#include "mp2-test-account.h"
#include "mp2-test-browser.h"
#include "mp2-test-wait.h"

#define CLIENT_ID      "mp2-oidc-client"
#define CLIENT_SECRET  "mp2-oidc-client-secret"
#define USER_EMAIL     "operator@example.org"
/* Short-lived access tokens: valid for 3 s here (a quarter of 4 s is the margin). */
#define ACCESS_TTL     "4"
#define WAIT_SECONDS   MP2_TEST_ACCOUNT_WAIT

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
  GPtrArray        *lines;
  char             *url;
  gboolean          ended;
} Provider;

static Provider provider;

/* The provider ----------------------------------------------------------------------- */

static void
on_provider_line_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result,
                                                          NULL, &error);

  if (line == NULL)
    {
      provider.ended = TRUE;
      return;
    }

  if (g_str_has_prefix (line, "READY "))
    provider.url = g_strdup (line + strlen ("READY "));
  g_ptr_array_add (provider.lines, line);
  g_data_input_stream_read_line_async (provider.output, G_PRIORITY_DEFAULT, NULL,
                                       on_provider_line_cb, NULL);
}

static gboolean
provider_is_ready (gpointer user_data)
{
  return provider.url != NULL || provider.ended;
}

/* Starts oidc-provider, or says why it cannot. */
static gboolean
start_provider (GError **error)
{
  const char *modules = g_getenv ("MP2_OIDC_PROVIDER_MODULES");
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "google", "oidc",
                                                   "provider.mjs", NULL);
  g_autofree char *package = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "Node.js (node) is not installed; build-aux/dev.sh test installs it");
      return FALSE;
    }
  package = modules ? g_build_filename (modules, "oidc-provider", "package.json", NULL) : NULL;
  if (package == NULL || !g_file_test (package, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "oidc-provider is not installed in %s; run build-aux/oidc-provider.sh "
                   "BUILD_DIR (build-aux/dev.sh test does)", modules ? modules : "(unset)");
      return FALSE;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "OIDC_ACCESS_TOKEN_TTL", ACCESS_TTL, TRUE);
  g_subprocess_launcher_setenv (launcher, "OIDC_USER_EMAIL", USER_EMAIL, TRUE);
  provider.process = g_subprocess_launcher_spawn (launcher, error, node, script, modules, NULL);
  if (provider.process == NULL)
    return FALSE;

  provider.lines = g_ptr_array_new_with_free_func (g_free);
  provider.output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (provider.process));
  g_data_input_stream_read_line_async (provider.output, G_PRIORITY_DEFAULT, NULL,
                                       on_provider_line_cb, NULL);
  mp2_test_wait_until (provider_is_ready, NULL, WAIT_SECONDS, "oidc-provider to listen");
  if (provider.url == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "oidc-provider exited before it listened (its errors are above)");
      return FALSE;
    }

  return TRUE;
}

static void
stop_provider (void)
{
  /* Its standard input closes: it exits. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (provider.process), NULL, NULL);
  g_subprocess_wait (provider.process, NULL, NULL);
  g_clear_object (&provider.output);
  g_clear_object (&provider.process);
  g_clear_pointer (&provider.lines, g_ptr_array_unref);
  g_clear_pointer (&provider.url, g_free);
}

static guint
count_provider_lines (const char *prefix)
{
  guint count = 0;

  for (guint i = 0; i < provider.lines->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (provider.lines, i), prefix))
      count++;

  return count;
}

typedef struct
{
  const char *prefix;
  guint       count;
} LineCount;

static gboolean
has_line_count (gpointer user_data)
{
  LineCount *expected = user_data;

  return count_provider_lines (expected->prefix) >= expected->count;
}

/* Waits for the provider's report of what its token endpoint did, then checks that
 * there is no more of it. */
static void
assert_provider_lines (const char *prefix,
                       guint       count)
{
  LineCount expected = { prefix, count };

  mp2_test_wait_until (has_line_count, &expected, WAIT_SECONDS, prefix);
  mp2_test_run_for (100);
  g_assert_cmpuint (count_provider_lines (prefix), ==, count);
}

static const char *
find_provider_line (const char *prefix)
{
  for (guint i = 0; i < provider.lines->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (provider.lines, i), prefix))
      return g_ptr_array_index (provider.lines, i);

  return NULL;
}

/* The account ------------------------------------------------------------------------- */

static Mp2GoogleAccount *
new_account (void)
{
  g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();

  mp2_http_client_set_allow_http (http, TRUE);
  mp2_http_client_set_retry_policy (http, 10, 50, 2);

  return mp2_google_account_new (http, CLIENT_ID, CLIENT_SECRET);
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

/* The tests --------------------------------------------------------------------------- */

/* Code with PKCE S256 for tokens; the refresh token in the keyring; the e-mail from
 * the id_token; the browser told; the loopback server gone. */
static void
test_sign_in (void)
{
  g_autoptr(Mp2GoogleAccount) account = new_account ();
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *method = NULL;
  g_autofree char *done = NULL;
  g_autofree char *page = NULL;
  g_autofree char *status = NULL;
  g_autofree char *stored = NULL;
  guint exchanges = count_provider_lines ("GRANT authorization_code");

  mp2_test_account_clear_keyring ();
  mp2_test_browser_reset (MP2_TEST_BROWSER_FOLLOW);

  g_assert_true (mp2_test_account_sign_in (account, &error));
  g_assert_no_error (error);

  g_assert_cmpint (mp2_google_account_get_state (account), ==, MP2_ACCOUNT_STATE_SIGNED_IN);
  g_assert_cmpstr (mp2_google_account_get_email (account), ==, USER_EMAIL);
  stored = mp2_test_account_lookup_stored_token (CLIENT_ID);
  g_assert_nonnull (stored);
  g_assert_cmpuint (strlen (stored), >, 20);
  assert_provider_lines ("GRANT authorization_code", exchanges + 1);

  authorization = mp2_test_browser_read ("authorization");
  method = mp2_test_browser_get_query_param (authorization, "code_challenge_method");
  g_assert_cmpstr (method, ==, "S256");
  done = mp2_test_browser_wait_for ("done", WAIT_SECONDS);
  page = mp2_test_browser_read ("page");
  status = mp2_test_browser_read ("status");
  g_assert_cmpstr (status, ==, "200");
  g_assert_nonnull (strstr (page, "You can close this tab and return to Film Schedule."));
  g_assert_nonnull (strstr (page, "Signed in to Google"));
  mp2_test_account_assert_loopback_closed (authorization);
}

/* The browser comes back with another tab's state: the code is never redeemed. */
static void
test_state_mismatch (void)
{
  g_autoptr(Mp2GoogleAccount) account = new_account ();
  g_autoptr(GError) error = NULL;
  g_autofree char *callback = NULL;
  g_autofree char *state = NULL;
  g_autofree char *page = NULL;
  g_autofree char *stored = NULL;
  guint exchanges = count_provider_lines ("GRANT");

  mp2_test_account_clear_keyring ();
  mp2_test_browser_reset (MP2_TEST_BROWSER_TAMPER_STATE);

  g_assert_false (mp2_test_account_sign_in (account, &error));
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_STATE_MISMATCH);
  g_assert_cmpint (mp2_google_account_get_state (account), ==, MP2_ACCOUNT_STATE_SIGNED_OUT);

  g_free (mp2_test_browser_wait_for ("done", WAIT_SECONDS));
  callback = mp2_test_browser_read ("callback");
  state = mp2_test_browser_get_query_param (callback, "state");
  g_assert_cmpstr (state, ==, "another-tabs-state");
  g_assert_nonnull (mp2_test_browser_get_query_param (callback, "code"));
  page = mp2_test_browser_read ("page");
  g_assert_nonnull (strstr (page, "Film Schedule could not sign in"));

  stored = mp2_test_account_lookup_stored_token (CLIENT_ID);
  g_assert_null (stored);
  assert_provider_lines ("GRANT", exchanges);
}

static void
on_visited_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GBytes **page = user_data;
  g_autoptr(GError) error = NULL;

  *page = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_visited (gpointer user_data)
{
  return *(GBytes **) user_data != NULL;
}

/* A code stolen from sign-in A and handed to sign-in B with B's state (the attack
 * PKCE is for): B's verifier does not match A's challenge, the server refuses it. */
static void
test_intercepted_code (void)
{
  g_autoptr(Mp2GoogleAccount) victim = new_account ();
  g_autoptr(Mp2GoogleAccount) thief = new_account ();
  g_autoptr(GCancellable) victim_cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) victim_result = NULL;
  g_autoptr(GAsyncResult) thief_result = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) visit = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *victim_callback = NULL;
  g_autofree char *victim_authorization = NULL;
  g_autofree char *stolen_code = NULL;
  g_autofree char *thief_callback = NULL;
  g_autofree char *thief_code = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GString) url = NULL;
  const char *refusal = NULL;
  guint refusals = count_provider_lines ("GRANT-ERROR authorization_code invalid_grant");

  mp2_test_account_clear_keyring ();

  /* The victim's browser is robbed of the way back. */
  mp2_test_browser_reset (MP2_TEST_BROWSER_STOP);
  mp2_google_account_sign_in_async (victim, victim_cancellable, mp2_test_on_result_cb,
                                    &victim_result);
  g_free (mp2_test_browser_wait_for ("done", WAIT_SECONDS));
  victim_authorization = mp2_test_browser_read ("authorization");
  victim_callback = mp2_test_browser_read ("callback");
  stolen_code = mp2_test_browser_get_query_param (victim_callback, "code");
  g_assert_nonnull (stolen_code);

  mp2_test_browser_reset (MP2_TEST_BROWSER_STOP);
  mp2_google_account_sign_in_async (thief, NULL, mp2_test_on_result_cb, &thief_result);
  g_free (mp2_test_browser_wait_for ("done", WAIT_SECONDS));
  thief_callback = mp2_test_browser_read ("callback");
  thief_code = mp2_test_browser_get_query_param (thief_callback, "code");
  g_assert_nonnull (thief_code);
  g_assert_cmpstr (thief_code, !=, stolen_code);

  /* The thief's way back, with the victim's code in place of its own. */
  url = g_string_new (thief_callback);
  g_assert_cmpuint (g_string_replace (url, thief_code, stolen_code, 1), ==, 1);
  forged = g_string_free (g_steal_pointer (&url), FALSE);
  visit = soup_message_new ("GET", forged);
  soup_session_send_and_read_async (session, visit, G_PRIORITY_DEFAULT, NULL, on_visited_cb,
                                    &page);
  mp2_test_wait_for_result (&thief_result, WAIT_SECONDS, "the thief's sign-in");
  g_assert_false (mp2_google_account_sign_in_finish (thief, thief_result, &error));
  g_assert_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_FAILED);
  g_assert_cmpint (mp2_google_account_get_state (thief), ==, MP2_ACCOUNT_STATE_SIGNED_OUT);

  mp2_test_wait_until (is_visited, &page, WAIT_SECONDS, "the page of the forged visit");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), (gssize) g_bytes_get_size (page),
                                  "Film Schedule could not sign in"));

  assert_provider_lines ("GRANT-ERROR authorization_code invalid_grant", refusals + 1);
  refusal = find_provider_line ("GRANT-ERROR authorization_code invalid_grant");
  g_assert_true (strstr (refusal, "code_verifier") != NULL || strstr (refusal, "PKCE") != NULL);
  stored = mp2_test_account_lookup_stored_token (CLIENT_ID);
  g_assert_null (stored);

  /* The victim gives up waiting; its loopback server goes. */
  g_cancellable_cancel (victim_cancellable);
  mp2_test_wait_for_result (&victim_result, WAIT_SECONDS, "the cancelled sign-in");
  g_clear_error (&error);
  g_assert_false (mp2_google_account_sign_in_finish (victim, victim_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (mp2_google_account_get_state (victim), ==, MP2_ACCOUNT_STATE_SIGNED_OUT);
  mp2_test_account_assert_loopback_closed (victim_authorization);
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
has_two_tokens (gpointer user_data)
{
  return ((GPtrArray *) user_data)->len == 2;
}

/* Access tokens renewed by the provider before they expire, with the refresh token
 * from the keyring, by a new account object too (the app restarted); callers that
 * ask at once share one refresh. */
static void
test_refresh (void)
{
  g_autoptr(Mp2GoogleAccount) account = new_account ();
  g_autoptr(Mp2GoogleAccount) restarted = new_account ();
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *renewed = NULL;
  g_autofree char *after_restart = NULL;
  guint refreshes = count_provider_lines ("GRANT refresh_token");

  mp2_test_account_clear_keyring ();
  mp2_test_browser_reset (MP2_TEST_BROWSER_FOLLOW);
  g_assert_true (mp2_test_account_sign_in (account, &error));
  g_assert_no_error (error);

  first = get_token (account);
  again = get_token (account);
  g_assert_cmpstr (first, ==, again);
  assert_provider_lines ("GRANT refresh_token", refreshes);

  /* Past its three seconds of use, short of its four of life. */
  mp2_test_run_for (3200);
  renewed = get_token (account);
  g_assert_cmpstr (renewed, !=, first);
  assert_provider_lines ("GRANT refresh_token", refreshes + 1);

  g_assert_true (mp2_test_account_load (restarted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp2_google_account_get_state (restarted), ==, MP2_ACCOUNT_STATE_SIGNED_IN);
  g_assert_cmpstr (mp2_google_account_get_email (restarted), ==, USER_EMAIL);

  mp2_google_account_get_token_async (restarted, NULL, on_token_cb, tokens);
  mp2_google_account_get_token_async (restarted, NULL, on_token_cb, tokens);
  mp2_test_wait_until (has_two_tokens, tokens, WAIT_SECONDS, "two access tokens");
  g_assert_cmpstr (g_ptr_array_index (tokens, 0), ==, g_ptr_array_index (tokens, 1));
  g_assert_cmpstr (g_ptr_array_index (tokens, 0), !=, renewed);
  assert_provider_lines ("GRANT refresh_token", refreshes + 2);
  after_restart = get_token (restarted);
  g_assert_cmpstr (after_restart, ==, g_ptr_array_index (tokens, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  mp2_test_browser_install ();

  if (!start_provider (&error))
    {
      g_printerr ("test-oidc-sign-in: the OAuth server could not be started: %s\n",
                  error->message);
      return 1;
    }
  g_setenv ("MP2_OAUTH_URL", provider.url, TRUE);

  g_test_add_func ("/oidc/sign-in", test_sign_in);
  g_test_add_func ("/oidc/state-mismatch", test_state_mismatch);
  g_test_add_func ("/oidc/intercepted-code", test_intercepted_code);
  g_test_add_func ("/oidc/refresh", test_refresh);

  status = g_test_run ();
  mp2_test_account_clear_keyring ();
  stop_provider ();
  mp2_test_browser_uninstall ();

  return status;
}
