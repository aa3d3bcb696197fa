/* mp2-fake-oauth.c
 *
 * Google's OAuth 2.0 for installed apps, as the fake plays it: the authorization
 * endpoint (a user who consents at once, or refuses when told to), the token endpoint
 * (authorization code with PKCE S256, refresh) and revocation, with the answers and
 * quirks of tests/data/contracts/samples/oauth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-google-private.h"

#include <string.h>

#define TOKEN_ALPHABET    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
#define CODE_LIFETIME_US  (10 * 60 * G_USEC_PER_SEC)
#define DEFAULT_LIFETIME  3599

typedef struct
{
  char    *redirect_uri;
  char    *challenge;
  char    *scope;
  gboolean offline;
  gboolean refresh;
  gint64   expires_at;
  gboolean used;
} Code;

typedef struct
{
  char    *scope;
  char    *refresh_token;
  gint64   expires_at;
  gboolean expired;
} AccessToken;

struct _Mp2FakeOAuth
{
  char       *client_id;
  char       *client_secret;
  gboolean    deny;
  char       *granted_scope;
  guint       lifetime;
  gboolean    consented;
  GHashTable *codes;          /* code -> Code */
  GHashTable *access_tokens;  /* token -> AccessToken */
  GHashTable *refresh_tokens; /* token -> scope; removed when revoked */
  GHashTable *last_authorization;
};

static const char *auth_parameters[] = {
  "client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge",
  "code_challenge_method", "access_type", "prompt", "login_hint", "include_granted_scopes",
  "nonce", "hd", "enable_granular_consent", NULL
};

static const char *token_parameters[] = {
  "grant_type", "code", "client_id", "client_secret", "redirect_uri", "code_verifier",
  "refresh_token", "scope", NULL
};

static void
code_free (gpointer data)
{
  Code *code = data;

  g_free (code->redirect_uri);
  g_free (code->challenge);
  g_free (code->scope);
  g_free (code);
}

static void
access_token_free (gpointer data)
{
  AccessToken *token = data;

  g_free (token->scope);
  g_free (token->refresh_token);
  g_free (token);
}

Mp2FakeOAuth *
mp2_fake_oauth_new (void)
{
  Mp2FakeOAuth *oauth = g_new0 (Mp2FakeOAuth, 1);

  oauth->client_id = g_strdup (MP2_FAKE_GOOGLE_CLIENT_ID);
  oauth->client_secret = g_strdup (MP2_FAKE_GOOGLE_CLIENT_SECRET);
  oauth->lifetime = DEFAULT_LIFETIME;
  oauth->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, code_free);
  oauth->access_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                access_token_free);
  oauth->refresh_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  oauth->last_authorization = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return oauth;
}

void
mp2_fake_oauth_free (Mp2FakeOAuth *oauth)
{
  g_free (oauth->client_id);
  g_free (oauth->client_secret);
  g_free (oauth->granted_scope);
  g_hash_table_unref (oauth->codes);
  g_hash_table_unref (oauth->access_tokens);
  g_hash_table_unref (oauth->refresh_tokens);
  g_hash_table_unref (oauth->last_authorization);
  g_free (oauth);
}

static char *
issue_access_token (Mp2FakeOAuth *oauth,
                    const char   *scope,
                    const char   *refresh_token)
{
  g_autofree char *random = mp2_fake_random_string (48, TOKEN_ALPHABET);
  char *token = g_strconcat ("ya29.a0fake-", random, NULL);
  AccessToken *record = g_new0 (AccessToken, 1);

  record->scope = g_strdup (scope);
  record->refresh_token = g_strdup (refresh_token);
  record->expires_at = g_get_monotonic_time () + (gint64) oauth->lifetime * G_USEC_PER_SEC;
  g_hash_table_insert (oauth->access_tokens, g_strdup (token), record);

  return token;
}

static char *
issue_refresh_token (Mp2FakeOAuth *oauth,
                     const char   *scope)
{
  g_autofree char *random = mp2_fake_random_string (40, TOKEN_ALPHABET);
  char *token = g_strconcat ("1//0gfake-", random, NULL);

  g_hash_table_insert (oauth->refresh_tokens, g_strdup (token), g_strdup (scope));

  return token;
}

/* A refresh token dies with every access token it gave. */
static void
revoke_refresh_token (Mp2FakeOAuth *oauth,
                      const char   *refresh_token)
{
  GHashTableIter iter;
  AccessToken *record = NULL;

  g_hash_table_iter_init (&iter, oauth->access_tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &record))
    if (refresh_token == NULL || g_strcmp0 (record->refresh_token, refresh_token) == 0)
      record->expired = TRUE;

  if (refresh_token == NULL)
    g_hash_table_remove_all (oauth->refresh_tokens);
  else
    g_hash_table_remove (oauth->refresh_tokens, refresh_token);
}

/**
 * mp2_fake_oauth_route:
 *
 * Returns: whether @request is for an OAuth endpoint; if it is but the HTTP method
 *   is wrong, @violation says so
 */
gboolean
mp2_fake_oauth_route (Mp2FakeRequest *request,
                      char          **violation)
{
  static const struct { const char *path, *method, *endpoint; } routes[] = {
    { "/o/oauth2/v2/auth", "GET", "oauth2.auth" },
    { "/token", "POST", "oauth2.token" },
    { "/revoke", "POST", "oauth2.revoke" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (strcmp (request->path, routes[i].path) != 0)
        continue;
      request->api = "oauth2";
      if (strcmp (request->http_method, routes[i].method) == 0)
        request->endpoint = g_strdup (routes[i].endpoint);
      else
        *violation = g_strdup_printf ("%s takes %s, not %s", routes[i].path, routes[i].method,
                                      request->http_method);
      return TRUE;
    }

  return FALSE;
}

/* Google shows an error page in the browser and never redirects for these. */
static void
reply_page (Mp2FakeRequest *request,
            guint           status,
            const char     *error,
            const char     *detail)
{
  char *page = g_strdup_printf ("<!DOCTYPE html><title>Error %u: %s</title>"
                                "<p>Access blocked: authorization error</p>"
                                "<p>Error %u: %s</p><p>%s</p>\n",
                                status, error, status, error, detail);

  soup_server_message_set_status (request->msg, status, NULL);
  soup_server_message_set_response (request->msg, "text/html; charset=utf-8",
                                    SOUP_MEMORY_TAKE, page, strlen (page));
}

/* A client id (and secret) the fake knows; with no client set, any non-empty one. */
static gboolean
is_client (Mp2FakeOAuth *oauth,
           const char   *client_id,
           const char   *client_secret,
           gboolean      with_secret)
{
  if (client_id == NULL || *client_id == '\0' || (with_secret && client_secret == NULL))
    return FALSE;
  if (oauth->client_id == NULL)
    return TRUE;

  return strcmp (client_id, oauth->client_id) == 0 &&
         (!with_secret || strcmp (client_secret, oauth->client_secret) == 0);
}

static char *
check_known_parameters (Mp2FakeRequest *request,
                        const char    **known)
{
  for (guint i = 0; i < request->params->len; i++)
    {
      Mp2FakeParam *param = g_ptr_array_index (request->params, i);

      if (!g_strv_contains (known, param->name))
        return g_strdup_printf ("unknown parameter '%s' for %s", param->name, request->endpoint);
    }

  return NULL;
}

static gboolean
is_loopback_redirect (const char *redirect_uri)
{
  g_autoptr(GUri) uri = redirect_uri ? g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  return uri != NULL && g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 &&
         g_uri_get_port (uri) > 0 &&
         (g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "::1") == 0);
}

static gboolean
is_pkce_text (const char *text)
{
  gsize length = text ? strlen (text) : 0;

  if (length < 43 || length > 128)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("-._~", text[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* What the app must send to the authorization endpoint, beyond Google's minimum:
 * PKCE S256, a state, and offline access for a refresh token. */
static char *
check_authorization (Mp2FakeRequest *request)
{
  const char *value = NULL;
  char *unknown = check_known_parameters (request, auth_parameters);

  if (unknown != NULL)
    return unknown;
  if (!is_loopback_redirect (mp2_fake_request_get_param (request, "redirect_uri")))
    return g_strdup ("redirect_uri must be http://127.0.0.1:PORT/… (loopback with a port)");
  if (g_strcmp0 (mp2_fake_request_get_param (request, "response_type"), "code") != 0)
    return g_strdup ("response_type must be code");
  value = mp2_fake_request_get_param (request, "scope");
  if (value == NULL || *value == '\0')
    return g_strdup ("Missing required parameter: scope");
  value = mp2_fake_request_get_param (request, "state");
  if (value == NULL || *value == '\0')
    return g_strdup ("state is missing: the app must send one and check it");
  if (!is_pkce_text (mp2_fake_request_get_param (request, "code_challenge")))
    return g_strdup ("code_challenge must be 43–128 characters of base64url (PKCE)");
  if (g_strcmp0 (mp2_fake_request_get_param (request, "code_challenge_method"), "S256") != 0)
    return g_strdup ("code_challenge_method must be S256");
  if (g_strcmp0 (mp2_fake_request_get_param (request, "access_type"), "offline") != 0)
    return g_strdup ("access_type must be offline, or Google gives no refresh token");

  return NULL;
}

static void
remember_authorization (Mp2FakeOAuth   *oauth,
                        Mp2FakeRequest *request)
{
  g_hash_table_remove_all (oauth->last_authorization);
  for (guint i = 0; i < request->params->len; i++)
    {
      Mp2FakeParam *param = g_ptr_array_index (request->params, i);

      g_hash_table_replace (oauth->last_authorization, g_strdup (param->name),
                            g_strdup (param->value));
    }
}

static void
redirect (Mp2FakeRequest *request,
          const char     *redirect_uri,
          const char     *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);
  g_autofree char *location = g_strconcat (redirect_uri, strchr (redirect_uri, '?') ? "&" : "?",
                                           query, NULL);

  soup_message_headers_replace (headers, "Location", location);
  mp2_fake_reply_empty (request, SOUP_STATUS_FOUND);
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

static char *
make_code (Mp2FakeOAuth   *oauth,
           Mp2FakeRequest *request,
           const char     *scope)
{
  g_autofree char *random = mp2_fake_random_string (60, TOKEN_ALPHABET);
  char *text = g_strconcat ("4/0Afake", random, NULL);
  Code *code = g_new0 (Code, 1);
  const char *prompt = mp2_fake_request_get_param (request, "prompt");

  code->redirect_uri = g_strdup (mp2_fake_request_get_param (request, "redirect_uri"));
  code->challenge = g_strdup (mp2_fake_request_get_param (request, "code_challenge"));
  code->scope = g_strdup (scope);
  code->offline = TRUE;
  /* Google gives a refresh token at the first consent, and again only when the app
   * asks for the consent screen (prompt=consent). */
  code->refresh = !oauth->consented || (prompt && strstr (prompt, "consent"));
  code->expires_at = g_get_monotonic_time () + CODE_LIFETIME_US;
  g_hash_table_insert (oauth->codes, g_strdup (text), code);
  oauth->consented = TRUE;

  return text;
}

static void
handle_auth (Mp2FakeGoogle  *self,
             Mp2FakeRequest *request)
{
  Mp2FakeOAuth *oauth = self->oauth;
  g_autofree char *problem = NULL;
  g_autofree char *state = NULL;
  g_autofree char *code = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *query = NULL;
  const char *redirect_uri = mp2_fake_request_get_param (request, "redirect_uri");
  const char *granted = NULL;

  remember_authorization (oauth, request);
  if (!is_client (oauth, mp2_fake_request_get_param (request, "client_id"), NULL, FALSE))
    {
      reply_page (request, 401, "invalid_client", "The OAuth client was not found.");
      return;
    }
  if ((problem = check_authorization (request)) != NULL)
    {
      mp2_fake_google_record_violation (self, request, problem);
      reply_page (request, 400, "invalid_request", problem);
      return;
    }

  state = escape (mp2_fake_request_get_param (request, "state"));
  if (oauth->deny)
    {
      query = g_strdup_printf ("error=access_denied&state=%s", state);
      redirect (request, redirect_uri, query);
      return;
    }

  granted = oauth->granted_scope ? oauth->granted_scope
                                 : mp2_fake_request_get_param (request, "scope");
  scope = escape (granted);
  code = make_code (oauth, request, granted);
  query = g_strdup_printf ("code=%s&scope=%s&state=%s", code, scope, state);
  redirect (request, redirect_uri, query);
}

static char *
compute_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guint8 *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);

  return mp2_fake_base64url_encode (digest, length, FALSE);
}

static char *
make_id_token (Mp2FakeOAuth *oauth)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *header = "{\"alg\":\"RS256\",\"kid\":\"fake\",\"typ\":\"JWT\"}";
  g_autofree char *payload = g_strdup_printf ("{\"iss\":\"https://accounts.google.com\","
                                              "\"aud\":\"%s\",\"sub\":\"104200000000000000042\","
                                              "\"email\":\"%s\",\"email_verified\":true,"
                                              "\"iat\":%" G_GINT64_FORMAT ",\"exp\":%"
                                              G_GINT64_FORMAT "}",
                                              oauth->client_id, MP2_FAKE_GOOGLE_USER_EMAIL,
                                              g_date_time_to_unix (now),
                                              g_date_time_to_unix (now) + oauth->lifetime);
  g_autofree char *first = mp2_fake_base64url_encode ((const guint8 *) header, strlen (header),
                                                      FALSE);
  g_autofree char *second = mp2_fake_base64url_encode ((const guint8 *) payload,
                                                       strlen (payload), FALSE);

  return g_strconcat (first, ".", second, ".ZmFrZS1zaWduYXR1cmU", NULL);
}

/* The shape of samples/oauth/token_response_*.constructed.json. */
static void
reply_tokens (Mp2FakeOAuth   *oauth,
              Mp2FakeRequest *request,
              const char     *scope,
              const char     *refresh_token,
              gboolean        with_refresh_token)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *access_token = issue_access_token (oauth, scope, refresh_token);
  g_auto(GStrv) scopes = g_strsplit (scope, " ", -1);

  json_object_set_string_member (object, "access_token", access_token);
  json_object_set_int_member (object, "expires_in", oauth->lifetime);
  if (with_refresh_token)
    json_object_set_string_member (object, "refresh_token", refresh_token);
  json_object_set_string_member (object, "scope", scope);
  json_object_set_string_member (object, "token_type", "Bearer");
  if (g_strv_contains ((const char * const *) scopes, "openid"))
    {
      g_autofree char *id_token = make_id_token (oauth);

      json_object_set_string_member (object, "id_token", id_token);
    }
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static void
exchange_code (Mp2FakeGoogle  *self,
               Mp2FakeRequest *request)
{
  Mp2FakeOAuth *oauth = self->oauth;
  const char *text = mp2_fake_request_get_param (request, "code");
  const char *verifier = mp2_fake_request_get_param (request, "code_verifier");
  const char *redirect_uri = mp2_fake_request_get_param (request, "redirect_uri");
  Code *code = text ? g_hash_table_lookup (oauth->codes, text) : NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *refresh_token = NULL;

  if (text == NULL || verifier == NULL || redirect_uri == NULL)
    {
      mp2_fake_google_record_violation (self, request, "the code exchange needs code, "
                                        "code_verifier and redirect_uri");
      mp2_fake_reply_error (request, 400, "invalid_request",
                            "Missing required parameter: code, code_verifier or redirect_uri");
      return;
    }
  if (!is_pkce_text (verifier))
    mp2_fake_google_record_violation (self, request, "code_verifier must be 43–128 "
                                      "characters of [A-Za-z0-9-._~]");
  if (code == NULL || code->used || g_get_monotonic_time () > code->expires_at)
    {
      mp2_fake_reply_sample (request, 400,
                             "oauth/error_400_invalid_grant_bad_code.constructed.json");
      return;
    }
  if (strcmp (redirect_uri, code->redirect_uri) != 0)
    {
      mp2_fake_google_record_violation (self, request, "redirect_uri differs from the one "
                                        "sent to the authorization endpoint");
      mp2_fake_reply_error (request, 400, "redirect_uri_mismatch", "Bad Request");
      return;
    }
  challenge = compute_challenge (verifier);
  if (strcmp (challenge, code->challenge) != 0)
    {
      mp2_fake_reply_sample (request, 400,
                             "oauth/error_400_invalid_grant_bad_code.constructed.json");
      return;
    }

  code->used = TRUE;
  refresh_token = code->offline ? issue_refresh_token (oauth, code->scope) : NULL;
  reply_tokens (oauth, request, code->scope, refresh_token, code->refresh);
}

static void
refresh (Mp2FakeGoogle  *self,
         Mp2FakeRequest *request)
{
  Mp2FakeOAuth *oauth = self->oauth;
  const char *refresh_token = mp2_fake_request_get_param (request, "refresh_token");
  const char *scope = refresh_token ? g_hash_table_lookup (oauth->refresh_tokens,
                                                           refresh_token) : NULL;
  g_autofree char *scope_copy = NULL;

  if (refresh_token == NULL)
    {
      mp2_fake_google_record_violation (self, request, "the refresh grant needs refresh_token");
      mp2_fake_reply_error (request, 400, "invalid_request",
                            "Missing required parameter: refresh_token");
      return;
    }
  if (scope == NULL)
    {
      mp2_fake_reply_sample (request, 400, "oauth/error_400_invalid_grant_revoked.observed.json");
      return;
    }

  scope_copy = g_strdup (scope);
  reply_tokens (oauth, request, scope_copy, refresh_token, FALSE);
}

static void
handle_token (Mp2FakeGoogle  *self,
              Mp2FakeRequest *request)
{
  Mp2FakeOAuth *oauth = self->oauth;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  const char *grant = NULL;
  g_autofree char *problem = NULL;

  if (g_strcmp0 (type, "application/x-www-form-urlencoded") != 0)
    {
      mp2_fake_google_record_violation (self, request, "the token endpoint takes "
                                        "application/x-www-form-urlencoded only");
      mp2_fake_reply_error (request, 400, "invalid_request",
                            "Invalid Content-Type; expected form data");
      return;
    }
  if ((problem = check_known_parameters (request, token_parameters)) != NULL)
    {
      mp2_fake_google_record_violation (self, request, problem);
      mp2_fake_reply_error (request, 400, "invalid_request", problem);
      return;
    }
  if (!is_client (oauth, mp2_fake_request_get_param (request, "client_id"),
                  mp2_fake_request_get_param (request, "client_secret"), TRUE))
    {
      mp2_fake_reply_sample (request, 401, "oauth/error_401_invalid_client.constructed.json");
      return;
    }

  grant = mp2_fake_request_get_param (request, "grant_type");
  if (g_strcmp0 (grant, "authorization_code") == 0)
    {
      exchange_code (self, request);
      return;
    }
  if (g_strcmp0 (grant, "refresh_token") == 0)
    {
      refresh (self, request);
      return;
    }

  mp2_fake_reply_error (request, 400, "unsupported_grant_type", "Invalid grant_type");
}

static void
handle_revoke (Mp2FakeGoogle  *self,
               Mp2FakeRequest *request)
{
  Mp2FakeOAuth *oauth = self->oauth;
  const char *token = mp2_fake_request_get_param (request, "token");
  AccessToken *access = token ? g_hash_table_lookup (oauth->access_tokens, token) : NULL;

  if (token != NULL && g_hash_table_contains (oauth->refresh_tokens, token))
    revoke_refresh_token (oauth, token);
  else if (access != NULL && !access->expired)
    {
      /* Revoking an access token revokes its grant, refresh token included. */
      access->expired = TRUE;
      if (access->refresh_token != NULL)
        revoke_refresh_token (oauth, access->refresh_token);
    }
  else
    {
      mp2_fake_reply_error (request, 400, "invalid_token", "Token expired or revoked");
      return;
    }

  mp2_fake_reply_empty (request, SOUP_STATUS_OK);
}

void
mp2_fake_oauth_register (GHashTable *handlers)
{
  g_hash_table_insert (handlers, "oauth2.auth", handle_auth);
  g_hash_table_insert (handlers, "oauth2.token", handle_token);
  g_hash_table_insert (handlers, "oauth2.revoke", handle_revoke);
}

/**
 * mp2_fake_oauth_check_token:
 * @expired: (out): whether @token was valid once
 *
 * Returns: (nullable): the scopes granted to @token if it is valid now
 */
const char *
mp2_fake_oauth_check_token (Mp2FakeOAuth *oauth,
                            const char   *token,
                            gboolean     *expired)
{
  AccessToken *record = token ? g_hash_table_lookup (oauth->access_tokens, token) : NULL;

  *expired = record != NULL;
  if (record == NULL || record->expired || g_get_monotonic_time () >= record->expires_at)
    return NULL;

  *expired = FALSE;

  return record->scope;
}

void
mp2_fake_oauth_expire_token (Mp2FakeOAuth *oauth,
                             const char   *token)
{
  AccessToken *record = token ? g_hash_table_lookup (oauth->access_tokens, token) : NULL;

  if (record != NULL)
    record->expired = TRUE;
}

/* For the scripted invalid_grant: Google answers so when the token is dead. */
void
mp2_fake_oauth_revoke_refresh_of_request (Mp2FakeOAuth   *oauth,
                                          Mp2FakeRequest *request)
{
  const char *refresh_token = mp2_fake_request_get_param (request, "refresh_token");

  if (refresh_token != NULL)
    revoke_refresh_token (oauth, refresh_token);
}

/**
 * mp2_fake_google_set_client:
 * @client_id: (nullable): the client id, or %NULL to accept any client
 * @client_secret: (nullable): its secret
 *
 * Sets the desktop client that the endpoints accept (by default
 * %MP2_FAKE_GOOGLE_CLIENT_ID and %MP2_FAKE_GOOGLE_CLIENT_SECRET); a wrong one gets
 * `invalid_client`.
 */
void
mp2_fake_google_set_client (Mp2FakeGoogle *self,
                            const char    *client_id,
                            const char    *client_secret)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));
  g_return_if_fail (client_id == NULL || client_secret != NULL);

  g_free (self->oauth->client_id);
  self->oauth->client_id = g_strdup (client_id);
  g_free (self->oauth->client_secret);
  self->oauth->client_secret = g_strdup (client_secret);
}

/**
 * mp2_fake_google_set_consent:
 * @grant: %FALSE for a user who refuses: the redirect carries error=access_denied
 */
void
mp2_fake_google_set_consent (Mp2FakeGoogle *self,
                             gboolean       grant)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  self->oauth->deny = !grant;
}

/**
 * mp2_fake_google_set_granted_scope:
 * @scope: (nullable): the space-separated scopes the user grants, fewer than asked
 *   perhaps; %NULL grants what the app asked for
 */
void
mp2_fake_google_set_granted_scope (Mp2FakeGoogle *self,
                                   const char    *scope)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  g_free (self->oauth->granted_scope);
  self->oauth->granted_scope = g_strdup (scope);
}

/**
 * mp2_fake_google_set_token_lifetime:
 *
 * Sets `expires_in` of the access tokens issued from now on (3599 by default); the
 * fake answers 401 once that has passed.
 */
void
mp2_fake_google_set_token_lifetime (Mp2FakeGoogle *self,
                                    guint          seconds)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  self->oauth->lifetime = seconds;
}

/**
 * mp2_fake_google_issue_tokens:
 * @scope: (nullable): granted scopes; %NULL for Gmail (modify) and Calendar
 * @access_token: (out) (optional): a valid access token
 * @refresh_token: (out) (optional): its refresh token
 *
 * Tokens as if the user had signed in, for tests of the Gmail and Calendar clients.
 */
void
mp2_fake_google_issue_tokens (Mp2FakeGoogle *self,
                              const char    *scope,
                              char         **access_token,
                              char         **refresh_token)
{
  g_autofree char *refresh = NULL;
  g_autofree char *access = NULL;

  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  if (scope == NULL)
    scope = MP2_FAKE_GOOGLE_SCOPE_GMAIL " " MP2_FAKE_GOOGLE_SCOPE_CALENDAR;
  refresh = issue_refresh_token (self->oauth, scope);
  access = issue_access_token (self->oauth, scope, refresh);
  if (access_token != NULL)
    *access_token = g_steal_pointer (&access);
  if (refresh_token != NULL)
    *refresh_token = g_steal_pointer (&refresh);
}

/**
 * mp2_fake_google_expire_access_tokens:
 *
 * Every access token issued so far is expired from now on: the APIs answer 401.
 */
void
mp2_fake_google_expire_access_tokens (Mp2FakeGoogle *self)
{
  GHashTableIter iter;
  AccessToken *record = NULL;

  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  g_hash_table_iter_init (&iter, self->oauth->access_tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &record))
    record->expired = TRUE;
}

/**
 * mp2_fake_google_revoke_refresh_token:
 * @refresh_token: (nullable): the token, or %NULL for all
 *
 * As if the user had revoked the app's access: a refresh then gets invalid_grant.
 */
void
mp2_fake_google_revoke_refresh_token (Mp2FakeGoogle *self,
                                      const char    *refresh_token)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  revoke_refresh_token (self->oauth, refresh_token);
}

gboolean
mp2_fake_google_is_refresh_token_valid (Mp2FakeGoogle *self,
                                        const char    *refresh_token)
{
  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), FALSE);

  return refresh_token != NULL && g_hash_table_contains (self->oauth->refresh_tokens,
                                                         refresh_token);
}

/**
 * mp2_fake_google_get_last_authorization:
 *
 * Returns: (transfer none) (element-type utf8 utf8): the parameters of the last
 *   request to the authorization endpoint
 */
GHashTable *
mp2_fake_google_get_last_authorization (Mp2FakeGoogle *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  return self->oauth->last_authorization;
}
