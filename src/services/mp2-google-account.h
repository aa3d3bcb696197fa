/* mp2-google-account.h
 *
 * The user's Google account: sign-in with OAuth 2.0 for installed apps (RFC 8252:
 * loopback redirect on 127.0.0.1, PKCE S256, state), the refresh token in the
 * keyring (libsecret) and nowhere else, access tokens refreshed before they expire
 * and on a 401.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "mp2-http-client.h"

G_BEGIN_DECLS

#define MP2_AUTH_ERROR (mp2_auth_error_quark ())

/**
 * Mp2AuthError:
 * @MP2_AUTH_ERROR_NOT_SIGNED_IN: there is no account, or it was signed out
 * @MP2_AUTH_ERROR_CANCELLED_BY_USER: the user refused access in the browser
 * @MP2_AUTH_ERROR_STATE_MISMATCH: the browser came back with another sign-in's state
 * @MP2_AUTH_ERROR_REVOKED: Google no longer accepts the refresh token (invalid_grant):
 *   the user must sign in again
 * @MP2_AUTH_ERROR_INVALID_CLIENT: the app's OAuth client id or secret is wrong
 * @MP2_AUTH_ERROR_SCOPES: the user granted fewer permissions than the app needs
 * @MP2_AUTH_ERROR_KEYRING: the keyring could not store or give the token
 * @MP2_AUTH_ERROR_BROWSER: no browser could be opened
 * @MP2_AUTH_ERROR_FAILED: Google refused the sign-in for another reason (a code it
 *   no longer accepts, an answer without a lasting permission); the message says which
 */
typedef enum
{
  MP2_AUTH_ERROR_NOT_SIGNED_IN,
  MP2_AUTH_ERROR_CANCELLED_BY_USER,
  MP2_AUTH_ERROR_STATE_MISMATCH,
  MP2_AUTH_ERROR_REVOKED,
  MP2_AUTH_ERROR_INVALID_CLIENT,
  MP2_AUTH_ERROR_SCOPES,
  MP2_AUTH_ERROR_KEYRING,
  MP2_AUTH_ERROR_BROWSER,
  MP2_AUTH_ERROR_FAILED,
} Mp2AuthError;

GQuark mp2_auth_error_quark (void);

typedef enum
{
  MP2_ACCOUNT_STATE_SIGNED_OUT,
  MP2_ACCOUNT_STATE_SIGNING_IN,     /* waiting for the browser */
  MP2_ACCOUNT_STATE_SIGNED_IN,
  MP2_ACCOUNT_STATE_NEEDS_SIGN_IN,  /* the token was revoked: "Sign in again" */
} Mp2AccountState;

#define MP2_TYPE_ACCOUNT_STATE (mp2_account_state_get_type ())

GType mp2_account_state_get_type (void) G_GNUC_CONST;

/* The keyring items: the schema "com.mp2.FilmSchedule.Google", attributes "kind"
 * ("refresh-token" or "client-secret"), "client-id" and, for a refresh token, "email"
 * (the account's address is no secret; it names the item in Seahorse). */
const SecretSchema *mp2_google_account_get_secret_schema (void) G_GNUC_CONST;

/* The scopes asked for, space-separated. */
#define MP2_GOOGLE_SCOPES "openid email " \
  "https://www.googleapis.com/auth/gmail.modify " \
  "https://www.googleapis.com/auth/calendar.events " \
  "https://www.googleapis.com/auth/calendar.readonly"

/* The token buckets of Mp2HttpClient for Google's APIs ("gmail", "calendar", "oauth"),
 * requests a second and burst: well within Google's per-user quotas (Gmail: 250 units
 * a second, 5 for a message read; Calendar: 600 requests a minute). */
#define MP2_GOOGLE_GMAIL_PER_SECOND    40.0
#define MP2_GOOGLE_GMAIL_BURST         20
#define MP2_GOOGLE_CALENDAR_PER_SECOND 5.0
#define MP2_GOOGLE_CALENDAR_BURST      5
#define MP2_GOOGLE_OAUTH_PER_SECOND    2.0
#define MP2_GOOGLE_OAUTH_BURST         4

void mp2_google_configure_rate_limits (Mp2HttpClient *http);

#define MP2_TYPE_GOOGLE_ACCOUNT (mp2_google_account_get_type ())

G_DECLARE_FINAL_TYPE (Mp2GoogleAccount, mp2_google_account, MP2, GOOGLE_ACCOUNT, GObject)

/* Properties: "state" (Mp2AccountState), "email" (nullable string). */

Mp2GoogleAccount *mp2_google_account_new              (Mp2HttpClient       *http,
                                                       const char          *client_id,
                                                       const char          *client_secret);
/* Another OAuth client (Preferences): a token of the old one is not used with it,
 * so a signed-in account needs signing in again. */
void              mp2_google_account_set_client       (Mp2GoogleAccount    *self,
                                                       const char          *client_id,
                                                       const char          *client_secret);
const char       *mp2_google_account_get_client_id    (Mp2GoogleAccount    *self);

/* The secret of a client id of the user's own, in the keyring. */
void              mp2_google_account_store_client_secret_async  (const char          *client_id,
                                                                 const char          *client_secret,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean          mp2_google_account_store_client_secret_finish (GAsyncResult        *result,
                                                                 GError             **error);
void              mp2_google_account_lookup_client_secret_async (const char          *client_id,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
char             *mp2_google_account_lookup_client_secret_finish (GAsyncResult       *result,
                                                                 GError             **error);

Mp2AccountState   mp2_google_account_get_state        (Mp2GoogleAccount    *self);
const char       *mp2_google_account_get_email        (Mp2GoogleAccount    *self);
Mp2HttpClient    *mp2_google_account_get_http_client  (Mp2GoogleAccount    *self);

/* Reads the keyring: signed in when a refresh token is stored. */
void              mp2_google_account_load_async       (Mp2GoogleAccount    *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          mp2_google_account_load_finish      (Mp2GoogleAccount    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Opens the browser at Google's consent page and waits on the loopback redirect. */
void              mp2_google_account_sign_in_async    (Mp2GoogleAccount    *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          mp2_google_account_sign_in_finish   (Mp2GoogleAccount    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Revokes the token at Google and deletes it from the keyring. */
void              mp2_google_account_sign_out_async   (Mp2GoogleAccount    *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          mp2_google_account_sign_out_finish  (Mp2GoogleAccount    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* A valid access token, refreshed when it is about to expire. */
void              mp2_google_account_get_token_async  (Mp2GoogleAccount    *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char             *mp2_google_account_get_token_finish (Mp2GoogleAccount    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Sends an API request with the account's token; on a 401 it refreshes the token
 * once and sends the request again. What Google clients call. */
void              mp2_google_account_send_async       (Mp2GoogleAccount    *self,
                                                       Mp2HttpRequest      *request,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
Mp2HttpResponse  *mp2_google_account_send_finish      (Mp2GoogleAccount    *self,
                                                       GAsyncResult        *result,
                                                       Mp2HttpResponse    **response_out,
                                                       GError             **error);

G_END_DECLS
