/* mp2-google-account-private.h
 *
 * What the parts of Mp2GoogleAccount share: the object's fields, the token
 * endpoint's answer, the keyring and the tokens in memory (mp2-google-account.c,
 * mp2-google-account-tokens.c), and the steps the sign-in
 * (mp2-google-account-sign-in.c) takes once Google has answered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-google-account.h"

G_BEGIN_DECLS

#define MP2_GOOGLE_OAUTH_TOKEN_BASE "https://oauth2.googleapis.com/"

struct _Mp2GoogleAccount
{
  GObject          parent_instance;

  Mp2HttpClient   *http;
  char            *client_id;
  char            *client_secret;   /* "" when the client has none */

  Mp2AccountState  state;
  char            *email;

  /* Secrets, in memory only while the app runs; the refresh token's home is the
   * keyring. Never logged; wiped when dropped. */
  char            *refresh_token;
  char            *access_token;
  gint64           access_valid_until; /* real time, µs, less a margin */

  GPtrArray       *token_waiters;      /* get_token callers waiting for a refresh */
  GCancellable    *refresh_cancellable; /* the refresh in flight; NULL when none */

  GTask           *sign_in_task;       /* the sign-in waiting for the browser */
};

/* mp2-google-account-tokens.c: the token endpoint's answer, for a code or a refresh. */
typedef struct
{
  char   *access_token;
  gint64  expires_in;     /* seconds */
  char   *refresh_token;  /* nullable: Google sends it at consent only */
  char   *scope;          /* nullable */
  char   *id_token;       /* nullable: only with the openid scope */
} Mp2GoogleTokens;

void             mp2_google_tokens_free          (Mp2GoogleTokens  *tokens);
Mp2GoogleTokens *mp2_google_tokens_parse         (Mp2HttpResponse  *response,
                                                  GError          **error);
GError          *mp2_google_token_error          (GError           *http_error,
                                                  Mp2HttpResponse  *response,
                                                  gboolean          refreshing);
char            *mp2_google_id_token_get_email   (const char       *id_token);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2GoogleTokens, mp2_google_tokens_free)

/* mp2-google-account.c */
void             mp2_google_account_set_state    (Mp2GoogleAccount *self,
                                                  Mp2AccountState   state);
void             mp2_google_account_set_email    (Mp2GoogleAccount *self,
                                                  const char       *email);
void             mp2_google_account_clear_refresh_tokens_async  (Mp2GoogleAccount    *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean         mp2_google_account_clear_refresh_tokens_finish (Mp2GoogleAccount    *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void             mp2_google_account_store_refresh_token_async  (Mp2GoogleAccount    *self,
                                                                const char          *refresh_token,
                                                                const char          *email,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean         mp2_google_account_store_refresh_token_finish (Mp2GoogleAccount    *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
void             mp2_google_secret_free          (char             *secret);
void             mp2_google_secret_clear         (char            **secret);

/* mp2-google-account-tokens.c: requests and the tokens in memory */
char            *mp2_google_account_dup_endpoint (const char       *real_base,
                                                  const char       *path);
Mp2HttpRequest  *mp2_google_account_new_token_request (Mp2GoogleAccount *self,
                                                       const char       *grant_type);
void             mp2_google_account_take_tokens  (Mp2GoogleAccount *self,
                                                  Mp2GoogleTokens  *tokens,
                                                  const char       *email);
void             mp2_google_account_forget_tokens (Mp2GoogleAccount *self);
void             mp2_google_account_cancel_refresh (Mp2GoogleAccount *self);
void             mp2_google_account_answer_waiters (Mp2GoogleAccount *self,
                                                    const GError     *error);

/* mp2-google-account-sign-in.c */
void             mp2_google_account_cancel_sign_in (Mp2GoogleAccount *self);

G_END_DECLS
