/* mp2-google-account-tokens.c
 *
 * The account's access tokens: the token endpoint's answers and errors, the access
 * token kept in memory until shortly before it expires, one refresh shared by every
 * caller that needs a token meanwhile, a refresh and a second try on a 401, and the
 * way back to "Sign in again" when Google revokes the grant (invalid_grant).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-google-account"

#include "config.h"

#include "mp2-google-account.h"
#include "mp2-google-account-private.h"

#include <glib/gi18n-lib.h>

/* An access token is renewed this long before it expires, or sooner for short ones. */
#define EXPIRY_MARGIN_SECONDS 60

/* A get_token caller waiting for the refresh in flight. */
typedef struct
{
  GTask  *task;
  gulong  cancelled_id;
} Mp2TokenWaiter;

/* The token endpoint's answer ------------------------------------------------------- */

void
mp2_google_tokens_free (Mp2GoogleTokens *tokens)
{
  if (tokens == NULL)
    return;

  mp2_google_secret_clear (&tokens->access_token);
  mp2_google_secret_clear (&tokens->refresh_token);
  mp2_google_secret_clear (&tokens->id_token);
  g_free (tokens->scope);
  g_free (tokens);
}

static char *
dup_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/**
 * mp2_google_tokens_parse:
 *
 * Reads `access_token`, `expires_in`, `refresh_token`, `scope` and `id_token` of a
 * 200 answer of the token endpoint.
 *
 * Returns: (transfer full): the tokens, or %NULL when there is no access token
 */
Mp2GoogleTokens *
mp2_google_tokens_parse (Mp2HttpResponse  *response,
                         GError          **error)
{
  g_autoptr(Mp2GoogleTokens) tokens = g_new0 (Mp2GoogleTokens, 1);
  JsonObject *object = mp2_http_response_get_object (response);
  JsonNode *expires_in = NULL;

  if (object != NULL)
    tokens->access_token = dup_string_member (object, "access_token");
  if (tokens->access_token == NULL || *tokens->access_token == '\0')
    {
      g_set_error_literal (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE,
                           _("Google’s sign-in service answered without an access token. "
                             "Try again later."));
      return NULL;
    }

  expires_in = json_object_get_member (object, "expires_in");
  if (expires_in != NULL && JSON_NODE_HOLDS_VALUE (expires_in)
      && json_node_get_value_type (expires_in) == G_TYPE_INT64)
    tokens->expires_in = json_node_get_int (expires_in);
  else
    tokens->expires_in = 3600;

  tokens->refresh_token = dup_string_member (object, "refresh_token");
  tokens->scope = dup_string_member (object, "scope");
  tokens->id_token = dup_string_member (object, "id_token");

  return g_steal_pointer (&tokens);
}

static const char *
get_oauth_error (Mp2HttpResponse *response)
{
  JsonObject *object = response ? mp2_http_response_get_object (response) : NULL;
  JsonNode *node = object ? json_object_get_member (object, "error") : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * mp2_google_token_error:
 * @http_error: the error of the request to the token endpoint
 * @response: (nullable): its answer
 * @refreshing: whether it was a refresh (else a code exchange)
 *
 * What a failed request to the token endpoint means for the user: an OAuth error
 * of the body (RFC 6749 §5.2) becomes an %MP2_AUTH_ERROR; a network fault or a 5xx
 * stays the %MP2_HTTP_ERROR it is, since the account is still good.
 *
 * Returns: (transfer full): the error
 */
GError *
mp2_google_token_error (GError          *http_error,
                        Mp2HttpResponse *response,
                        gboolean         refreshing)
{
  const char *oauth_error = NULL;

  /* A 5xx (server_error, temporarily_unavailable) or a network fault passes. */
  if (!g_error_matches (http_error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_REQUEST)
      && !g_error_matches (http_error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_UNAUTHORIZED))
    return g_error_copy (http_error);

  oauth_error = get_oauth_error (response);
  if (g_strcmp0 (oauth_error, "invalid_grant") == 0 && refreshing)
    return g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_REVOKED,
                                _("Google no longer accepts Film Schedule’s access to your "
                                  "account. Sign in again."));
  if (g_strcmp0 (oauth_error, "invalid_grant") == 0)
    return g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_FAILED,
                                _("Google did not accept the answer of the sign-in page. "
                                  "Sign in again."));
  if (g_strcmp0 (oauth_error, "invalid_client") == 0
      || g_strcmp0 (oauth_error, "unauthorized_client") == 0)
    return g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_INVALID_CLIENT,
                                _("Google does not know the app’s OAuth client id or secret. "
                                  "Check them in Preferences."));
  if (oauth_error != NULL)
    return g_error_new (MP2_AUTH_ERROR, MP2_AUTH_ERROR_FAILED,
                        _("Google refused the sign-in (%s). Sign in again."), oauth_error);

  return g_error_copy (http_error);
}

/**
 * mp2_google_id_token_get_email:
 *
 * Reads the `email` claim of an id_token. The token comes straight from Google's
 * token endpoint over TLS, which OpenID Connect Core §3.1.3.7 accepts in place of
 * checking its signature.
 *
 * Returns: (transfer full) (nullable): the address
 */
char *
mp2_google_id_token_get_email (const char *id_token)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) base64 = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree guchar *payload = NULL;
  gsize length = 0;
  JsonNode *root = NULL;

  if (id_token == NULL)
    return NULL;

  parts = g_strsplit (id_token, ".", 4);
  if (g_strv_length (parts) != 3)
    return NULL;

  /* base64url, without padding: GLib reads standard base64 with it. */
  base64 = g_string_new (parts[1]);
  g_strdelimit (base64->str, "-", '+');
  g_strdelimit (base64->str, "_", '/');
  while (base64->len % 4 != 0)
    g_string_append_c (base64, '=');
  payload = g_base64_decode (base64->str, &length);

  parser = json_parser_new ();
  if (payload == NULL || !json_parser_load_from_data (parser, (const char *) payload,
                                                      (gssize) length, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return dup_string_member (json_node_get_object (root), "email");
}

/* Endpoints and requests ------------------------------------------------------------ */

/**
 * mp2_google_account_dup_endpoint:
 * @real_base: Google's base address (`https://oauth2.googleapis.com/`)
 * @path: the path under it (`token`)
 *
 * Returns: (transfer full): the endpoint, on the host of `MP2_OAUTH_URL` when set
 */
char *
mp2_google_account_dup_endpoint (const char *real_base,
                                 const char *path)
{
  g_autofree char *base = mp2_http_service_url ("MP2_OAUTH_URL", real_base);

  if (g_str_has_suffix (base, "/"))
    return g_strconcat (base, path, NULL);

  return g_strconcat (base, "/", path, NULL);
}

/**
 * mp2_google_account_new_token_request:
 *
 * A POST to the token endpoint with the client's credentials, every secret field
 * marked so that none reaches a log.
 *
 * Returns: (transfer full): the request, for the caller to add the grant's fields
 */
Mp2HttpRequest *
mp2_google_account_new_token_request (Mp2GoogleAccount *self,
                                      const char       *grant_type)
{
  g_autofree char *uri = mp2_google_account_dup_endpoint (MP2_GOOGLE_OAUTH_TOKEN_BASE, "token");
  Mp2HttpRequest *request = mp2_http_request_new ("POST", uri);
  static const char *secrets[] = {
    "code", "code_verifier", "client_secret", "refresh_token", "token", "access_token",
    "id_token",
  };

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    mp2_http_request_add_secret (request, secrets[i]);

  mp2_http_request_set_api (request, "oauth");
  mp2_http_request_add_form_field (request, "grant_type", grant_type);
  mp2_http_request_add_form_field (request, "client_id", self->client_id);
  if (self->client_secret[0] != '\0')
    mp2_http_request_add_form_field (request, "client_secret", self->client_secret);

  return request;
}

/* Tokens in memory -------------------------------------------------------------------- */

static void
forget_access_token (Mp2GoogleAccount *self)
{
  mp2_google_secret_clear (&self->access_token);
  self->access_valid_until = 0;
}

void
mp2_google_account_forget_tokens (Mp2GoogleAccount *self)
{
  forget_access_token (self);
  mp2_google_secret_clear (&self->refresh_token);
}

static gboolean
has_valid_access_token (Mp2GoogleAccount *self)
{
  return self->access_token != NULL && g_get_real_time () < self->access_valid_until;
}

/* Keeps an access token until shortly before Google says it expires: a minute
 * before, or a quarter of its life before for a short-lived one. */
static void
keep_access_token (Mp2GoogleAccount *self,
                   Mp2GoogleTokens  *tokens)
{
  gint64 lifetime = MAX (tokens->expires_in, 0);
  gint64 margin = MIN (EXPIRY_MARGIN_SECONDS, lifetime / 4);

  mp2_google_secret_clear (&self->access_token);
  self->access_token = g_steal_pointer (&tokens->access_token);
  self->access_valid_until = g_get_real_time () + (lifetime - margin) * G_USEC_PER_SEC;
}

/* Waiters for a token --------------------------------------------------------------- */

static void
waiter_free (gpointer data)
{
  Mp2TokenWaiter *waiter = data;

  g_clear_object (&waiter->task);
  g_free (waiter);
}

static Mp2TokenWaiter *
steal_waiter (Mp2GoogleAccount *self,
              GTask            *task)
{
  for (guint i = 0; i < self->token_waiters->len; i++)
    {
      Mp2TokenWaiter *waiter = g_ptr_array_index (self->token_waiters, i);

      if (waiter->task == task)
        return g_ptr_array_steal_index (self->token_waiters, i);
    }

  return NULL;
}

static void
return_to_waiter (Mp2TokenWaiter *waiter,
                  const char     *token,
                  const GError   *error)
{
  GCancellable *cancellable = g_task_get_cancellable (waiter->task);

  if (cancellable != NULL && waiter->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, waiter->cancelled_id);
  waiter->cancelled_id = 0;

  if (error != NULL)
    g_task_return_error (waiter->task, g_error_copy (error));
  else
    g_task_return_pointer (waiter->task, g_strdup (token),
                           (GDestroyNotify) mp2_google_secret_free);
  waiter_free (waiter);
}

/* Answers every waiter, with the access token or the error. */
void
mp2_google_account_answer_waiters (Mp2GoogleAccount *self,
                                   const GError     *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->token_waiters);

  self->token_waiters = g_ptr_array_new ();
  for (guint i = 0; i < waiters->len; i++)
    return_to_waiter (g_ptr_array_index (waiters, i), self->access_token, error);
}

static gboolean
on_waiter_cancelled_idle (gpointer user_data)
{
  GTask *task = user_data;
  Mp2GoogleAccount *self = g_task_get_source_object (task);
  Mp2TokenWaiter *waiter = steal_waiter (self, task);
  g_autoptr(GError) error = NULL;

  if (waiter == NULL)
    return G_SOURCE_REMOVE;

  g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error);
  return_to_waiter (waiter, NULL, error);

  return G_SOURCE_REMOVE;
}

/* One caller gave up; the refresh goes on for the others. */
static void
on_waiter_cancelled_cb (GCancellable *cancellable,
                        gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GSource) source = g_idle_source_new ();

  /* Never answered from here: g_cancellable_disconnect() in a handler deadlocks. */
  g_source_set_callback (source, on_waiter_cancelled_idle, g_object_ref (task),
                         g_object_unref);
  g_source_attach (source, g_task_get_context (task));
}

/* Stops the refresh in flight, if any: its answer is no longer wanted. */
void
mp2_google_account_cancel_refresh (Mp2GoogleAccount *self)
{
  if (self->refresh_cancellable == NULL)
    return;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
}

/**
 * mp2_google_account_take_tokens:
 * @tokens: a successful sign-in's tokens; their access token is taken
 * @email: (nullable): the account's address
 *
 * The sign-in's last step, once the refresh token is in the keyring.
 */
void
mp2_google_account_take_tokens (Mp2GoogleAccount *self,
                                Mp2GoogleTokens  *tokens,
                                const char       *email)
{
  mp2_google_account_cancel_refresh (self);
  mp2_google_secret_clear (&self->refresh_token);
  self->refresh_token = g_steal_pointer (&tokens->refresh_token);
  keep_access_token (self, tokens);
  mp2_google_account_set_email (self, email);
  mp2_google_account_set_state (self, MP2_ACCOUNT_STATE_SIGNED_IN);
  mp2_google_account_answer_waiters (self, NULL);
}

/* Refresh --------------------------------------------------------------------------- */

typedef struct
{
  Mp2GoogleAccount *self;
  GCancellable     *cancellable;
  GError           *error;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_clear_error (&data->error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RefreshData, refresh_data_free)

static gboolean
refresh_is_current (RefreshData *data)
{
  return data->self->refresh_cancellable == data->cancellable
         && !g_cancellable_is_cancelled (data->cancellable);
}

static void
end_refresh (RefreshData  *data,
             const GError *error)
{
  g_clear_object (&data->self->refresh_cancellable);
  mp2_google_account_answer_waiters (data->self, error);
}

static void
on_revoked_token_cleared_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(RefreshData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_google_account_clear_refresh_tokens_finish (data->self, result, &error))
    g_warning ("The revoked Google token stays in the keyring: %s", error->message);

  if (refresh_is_current (data))
    end_refresh (data, data->error);
}

/* Google revoked the grant: the dead token leaves the keyring, the address stays for
 * "Sign in again as …". */
static void
drop_revoked_token (RefreshData *data)
{
  Mp2GoogleAccount *self = data->self;

  mp2_google_account_forget_tokens (self);
  mp2_google_account_set_state (self, MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);
  mp2_google_account_clear_refresh_tokens_async (self, NULL, on_revoked_token_cleared_cb, data);
}

static void
on_rotated_token_stored_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mp2_google_account_store_refresh_token_finish (MP2_GOOGLE_ACCOUNT (object), result,
                                                      &error))
    g_warning ("The new Google refresh token could not be kept: %s", error->message);
}

static void
on_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RefreshData) data = user_data;
  Mp2GoogleAccount *self = data->self;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) error_response = NULL;
  g_autoptr(Mp2GoogleTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  response = mp2_http_client_send_finish (MP2_HTTP_CLIENT (object), result, &error_response,
                                          &error);
  if (!refresh_is_current (data))
    return;

  if (response == NULL)
    {
      data->error = mp2_google_token_error (error, error_response, TRUE);
      if (g_error_matches (data->error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_REVOKED))
        {
          drop_revoked_token (g_steal_pointer (&data));
          return;
        }
      end_refresh (data, data->error);
      return;
    }

  tokens = mp2_google_tokens_parse (response, &error);
  if (tokens == NULL)
    {
      end_refresh (data, error);
      return;
    }

  keep_access_token (self, tokens);
  /* Google keeps the refresh token; a server that rotates it sends a new one. */
  if (tokens->refresh_token != NULL && g_strcmp0 (tokens->refresh_token, self->refresh_token) != 0)
    {
      mp2_google_secret_clear (&self->refresh_token);
      self->refresh_token = g_strdup (tokens->refresh_token);
      mp2_google_account_store_refresh_token_async (self, self->refresh_token, self->email,
                                                    NULL, on_rotated_token_stored_cb, NULL);
    }
  end_refresh (data, NULL);
}

static void
start_refresh (Mp2GoogleAccount *self)
{
  g_autoptr(Mp2HttpRequest) request = NULL;
  RefreshData *data = NULL;

  g_assert (self->refresh_cancellable == NULL);
  g_assert (self->refresh_token != NULL);

  self->refresh_cancellable = g_cancellable_new ();
  data = g_new0 (RefreshData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->refresh_cancellable);

  request = mp2_google_account_new_token_request (self, "refresh_token");
  mp2_http_request_add_form_field (request, "refresh_token", self->refresh_token);
  mp2_http_request_set_retryable (request, TRUE);
  mp2_http_client_send_async (self->http, request, self->refresh_cancellable,
                              on_refreshed_cb, data);
}

/* Tokens ----------------------------------------------------------------------------- */

static GError *
new_not_signed_in_error (Mp2GoogleAccount *self)
{
  if (self->state == MP2_ACCOUNT_STATE_NEEDS_SIGN_IN)
    return g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_REVOKED,
                                _("Google no longer accepts Film Schedule’s access to your "
                                  "account. Sign in again."));

  return g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_NOT_SIGNED_IN,
                              _("Film Schedule is not signed in to Google. Sign in from "
                                "Preferences."));
}

/**
 * mp2_google_account_get_token_async:
 *
 * An access token that is good for a while yet: the one in memory, or a new one from
 * the token endpoint. Callers that ask while a refresh is on its way share it.
 */
void
mp2_google_account_get_token_async (Mp2GoogleAccount    *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Mp2TokenWaiter *waiter = NULL;

  g_return_if_fail (MP2_IS_GOOGLE_ACCOUNT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_google_account_get_token_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->refresh_token == NULL)
    {
      g_task_return_error (task, new_not_signed_in_error (self));
      return;
    }

  if (has_valid_access_token (self))
    {
      g_task_return_pointer (task, g_strdup (self->access_token),
                             (GDestroyNotify) mp2_google_secret_free);
      return;
    }

  waiter = g_new0 (Mp2TokenWaiter, 1);
  waiter->task = g_steal_pointer (&task);
  g_ptr_array_add (self->token_waiters, waiter);
  if (cancellable != NULL)
    waiter->cancelled_id = g_cancellable_connect (cancellable,
                                                  G_CALLBACK (on_waiter_cancelled_cb),
                                                  waiter->task, NULL);

  if (self->refresh_cancellable == NULL)
    start_refresh (self);
}

/**
 * mp2_google_account_get_token_finish:
 *
 * Returns: (transfer full): the access token; never log it
 */
char *
mp2_google_account_get_token_finish (Mp2GoogleAccount  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Send ------------------------------------------------------------------------------ */

typedef struct
{
  Mp2HttpRequest  *request;
  char            *token;          /* the one the request went with */
  gboolean         refreshed;      /* sent again after a 401 already */
  Mp2HttpResponse *error_response;
} SendData;

static void
send_data_free (gpointer user_data)
{
  SendData *data = user_data;

  g_clear_pointer (&data->request, mp2_http_request_unref);
  mp2_google_secret_clear (&data->token);
  g_clear_pointer (&data->error_response, mp2_http_response_free);
  g_free (data);
}

static void on_send_token_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2GoogleAccount *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&data->error_response, mp2_http_response_free);
  response = mp2_http_client_send_finish (MP2_HTTP_CLIENT (object), result,
                                          &data->error_response, &error);
  if (response != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&response),
                             (GDestroyNotify) mp2_http_response_free);
      return;
    }

  if (!g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_UNAUTHORIZED) || data->refreshed)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The token expired early, or was revoked: a new one, and one more try. */
  g_debug ("Google answered 401; refreshing the access token and sending again");
  data->refreshed = TRUE;
  if (g_strcmp0 (self->access_token, data->token) == 0)
    forget_access_token (self);
  mp2_google_account_get_token_async (self, cancellable, on_send_token_cb,
                                      g_steal_pointer (&task));
}

static void
on_send_token_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2GoogleAccount *self = MP2_GOOGLE_ACCOUNT (object);
  GCancellable *cancellable = g_task_get_cancellable (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  mp2_google_secret_clear (&data->token);
  data->token = mp2_google_account_get_token_finish (self, result, &error);
  if (data->token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  mp2_http_request_set_bearer (data->request, data->token);
  mp2_http_client_send_async (self->http, data->request, cancellable, on_sent_cb,
                              g_steal_pointer (&task));
}

/**
 * mp2_google_account_send_async:
 * @request: an API request; its Authorization header is set here
 *
 * Sends @request with the account's access token. On a 401 the token is refreshed
 * and @request sent once more.
 */
void
mp2_google_account_send_async (Mp2GoogleAccount    *self,
                               Mp2HttpRequest      *request,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data = NULL;

  g_return_if_fail (MP2_IS_GOOGLE_ACCOUNT (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_google_account_send_async);
  data = g_new0 (SendData, 1);
  data->request = mp2_http_request_ref (request);
  g_task_set_task_data (task, data, send_data_free);

  mp2_google_account_get_token_async (self, cancellable, on_send_token_cb,
                                      g_steal_pointer (&task));
}

/**
 * mp2_google_account_send_finish:
 * @response_out: (out) (optional) (nullable) (transfer full): on an HTTP error, the
 *   last answer, as mp2_http_client_send_finish() gives it
 *
 * Returns: (transfer full) (nullable): the 2xx response, or %NULL with @error set (an
 *   %MP2_HTTP_ERROR, an %MP2_AUTH_ERROR when no token could be had, or
 *   %G_IO_ERROR_CANCELLED)
 */
Mp2HttpResponse *
mp2_google_account_send_finish (Mp2GoogleAccount  *self,
                                GAsyncResult      *result,
                                Mp2HttpResponse  **response_out,
                                GError           **error)
{
  SendData *data = NULL;
  Mp2HttpResponse *response = NULL;

  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (response_out != NULL)
    *response_out = NULL;

  response = g_task_propagate_pointer (G_TASK (result), error);
  if (response == NULL && response_out != NULL)
    {
      data = g_task_get_task_data (G_TASK (result));
      *response_out = g_steal_pointer (&data->error_response);
    }

  return response;
}
