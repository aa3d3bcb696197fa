/* mp2-test-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-account.h"

#include "mp2-test-browser.h"
#include "mp2-test-wait.h"

gboolean
mp2_test_account_sign_in (Mp2GoogleAccount  *account,
                          GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_google_account_sign_in_async (account, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, MP2_TEST_ACCOUNT_WAIT, "the sign-in");

  return mp2_google_account_sign_in_finish (account, result, error);
}

gboolean
mp2_test_account_load (Mp2GoogleAccount  *account,
                       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_google_account_load_async (account, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, MP2_TEST_ACCOUNT_WAIT, "the account's load");

  return mp2_google_account_load_finish (account, result, error);
}

gboolean
mp2_test_account_sign_out (Mp2GoogleAccount  *account,
                           GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_google_account_sign_out_async (account, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, MP2_TEST_ACCOUNT_WAIT, "the sign-out");

  return mp2_google_account_sign_out_finish (account, result, error);
}

char *
mp2_test_account_get_token (Mp2GoogleAccount  *account,
                            GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_google_account_get_token_async (account, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, MP2_TEST_ACCOUNT_WAIT, "an access token");

  return mp2_google_account_get_token_finish (account, result, error);
}

Mp2HttpResponse *
mp2_test_account_send (Mp2GoogleAccount  *account,
                       Mp2HttpRequest    *request,
                       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_google_account_send_async (account, request, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, MP2_TEST_ACCOUNT_WAIT, "an API request");

  return mp2_google_account_send_finish (account, result, NULL, error);
}

/**
 * mp2_test_account_lookup_stored_token:
 *
 * Returns: (nullable): the refresh token in the keyring for @client_id
 */
char *
mp2_test_account_lookup_stored_token (const char *client_id)
{
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_sync (mp2_google_account_get_secret_schema (), NULL,
                                             &error, "kind", "refresh-token",
                                             "client-id", client_id, NULL);

  g_assert_no_error (error);

  return token;
}

void
mp2_test_account_clear_keyring (void)
{
  g_autoptr(GError) error = NULL;

  secret_password_clear_sync (mp2_google_account_get_secret_schema (), NULL, &error,
                              "kind", "refresh-token", NULL);
  g_assert_no_error (error);
}

/**
 * mp2_test_account_assert_loopback_closed:
 * @authorization_url: the address the browser was opened at
 *
 * Checks that nothing listens any more at the sign-in's redirect_uri.
 */
void
mp2_test_account_assert_loopback_closed (const char *authorization_url)
{
  g_autofree char *redirect_uri = mp2_test_browser_get_query_param (authorization_url,
                                                                    "redirect_uri");
  g_autoptr(GUri) uri = g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (uri);
  g_assert_cmpstr (g_uri_get_host (uri), ==, "127.0.0.1");
  /* The page went out; the server closes just after. */
  mp2_test_run_for (200);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1",
                                                (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_null (connection);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}
