/* mp2-google-account.c
 *
 * The user's Google account: its state and address, the refresh token in the
 * keyring (stored, found again at start, deleted at sign-out after revoking it at
 * Google) and the client secret of a user's own OAuth client. The browser sign-in
 * is in mp2-google-account-sign-in.c, access tokens in mp2-google-account-tokens.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-google-account"

#include "config.h"

#include "mp2-google-account.h"
#include "mp2-google-account-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define KIND_REFRESH_TOKEN "refresh-token"
#define KIND_CLIENT_SECRET "client-secret"

enum {
  PROP_0,
  PROP_STATE,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (Mp2GoogleAccount, mp2_google_account, G_TYPE_OBJECT)

G_DEFINE_QUARK (mp2-auth-error-quark, mp2_auth_error)

G_DEFINE_ENUM_TYPE (Mp2AccountState, mp2_account_state,
  G_DEFINE_ENUM_VALUE (MP2_ACCOUNT_STATE_SIGNED_OUT, "signed-out"),
  G_DEFINE_ENUM_VALUE (MP2_ACCOUNT_STATE_SIGNING_IN, "signing-in"),
  G_DEFINE_ENUM_VALUE (MP2_ACCOUNT_STATE_SIGNED_IN, "signed-in"),
  G_DEFINE_ENUM_VALUE (MP2_ACCOUNT_STATE_NEEDS_SIGN_IN, "needs-sign-in"))

const SecretSchema *
mp2_google_account_get_secret_schema (void)
{
  static const SecretSchema schema = {
    "com.mp2.FilmSchedule.Google", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "client-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "email", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/**
 * mp2_google_configure_rate_limits:
 * @http: the client that Google's APIs are sent with
 *
 * Sets the token buckets of the "gmail", "calendar" and "oauth" APIs, so that the app
 * and the benchmarks (build-aux/bench-sync.sh) hold to the same limits.
 */
void
mp2_google_configure_rate_limits (Mp2HttpClient *http)
{
  g_return_if_fail (MP2_IS_HTTP_CLIENT (http));

  mp2_http_client_set_rate_limit (http, "gmail", MP2_GOOGLE_GMAIL_PER_SECOND,
                                  MP2_GOOGLE_GMAIL_BURST);
  mp2_http_client_set_rate_limit (http, "calendar", MP2_GOOGLE_CALENDAR_PER_SECOND,
                                  MP2_GOOGLE_CALENDAR_BURST);
  mp2_http_client_set_rate_limit (http, "oauth", MP2_GOOGLE_OAUTH_PER_SECOND,
                                  MP2_GOOGLE_OAUTH_BURST);
}

/* Overwrites a token before its memory goes back to the allocator. */
void
mp2_google_secret_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

void
mp2_google_secret_clear (char **secret)
{
  mp2_google_secret_free (g_steal_pointer (secret));
}

static GHashTable *
new_attributes (const char *kind,
                const char *client_id,
                const char *email)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (gpointer) "kind", (gpointer) kind);
  if (client_id != NULL)
    g_hash_table_insert (attributes, (gpointer) "client-id", (gpointer) client_id);
  if (email != NULL)
    g_hash_table_insert (attributes, (gpointer) "email", (gpointer) email);

  return attributes;
}

static GError *
new_keyring_error (const GError *cause)
{
  return g_error_new (MP2_AUTH_ERROR, MP2_AUTH_ERROR_KEYRING,
                      _("The keyring could not keep the Google sign-in: %s. "
                        "Check that the keyring is unlocked, then try again."),
                      cause->message);
}

/* State ---------------------------------------------------------------------------- */

static const char *
get_state_nick (Mp2AccountState state)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (MP2_TYPE_ACCOUNT_STATE);

  return g_enum_get_value (enum_class, state)->value_nick;
}

void
mp2_google_account_set_state (Mp2GoogleAccount *self,
                              Mp2AccountState   state)
{
  if (self->state == state)
    return;

  g_debug ("Google account: %s -> %s", get_state_nick (self->state), get_state_nick (state));
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
mp2_google_account_set_email (Mp2GoogleAccount *self,
                              const char       *email)
{
  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/* Keyring --------------------------------------------------------------------------- */

static void
on_stale_token_cleared_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Deletes every refresh token of the app from the keyring. */
void
mp2_google_account_clear_refresh_tokens_async (Mp2GoogleAccount    *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = new_attributes (KIND_REFRESH_TOKEN, NULL, NULL);

  g_task_set_source_tag (task, mp2_google_account_clear_refresh_tokens_async);
  secret_password_clearv (mp2_google_account_get_secret_schema (), attributes, cancellable,
                          on_stale_token_cleared_cb, g_steal_pointer (&task));
}

gboolean
mp2_google_account_clear_refresh_tokens_finish (Mp2GoogleAccount  *self,
                                                GAsyncResult      *result,
                                                GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *refresh_token;
  char *email;
} StoreData;

static void
store_data_free (gpointer data)
{
  StoreData *store = data;

  mp2_google_secret_free (store->refresh_token);
  g_free (store->email);
  g_free (store);
}

static void
on_refresh_token_stored_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_old_tokens_cleared_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2GoogleAccount *self = g_task_get_source_object (task);
  StoreData *store = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!mp2_google_account_clear_refresh_tokens_finish (self, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  attributes = new_attributes (KIND_REFRESH_TOKEN, self->client_id, store->email);
  if (store->email != NULL)
    label = g_strdup_printf (_("Film Schedule: Google account %s"), store->email);
  else
    label = g_strdup (_("Film Schedule: Google account"));
  secret_password_storev (mp2_google_account_get_secret_schema (), attributes,
                          SECRET_COLLECTION_DEFAULT, label, store->refresh_token,
                          g_task_get_cancellable (task), on_refresh_token_stored_cb,
                          g_object_ref (task));
}

/**
 * mp2_google_account_store_refresh_token_async:
 *
 * Puts @refresh_token in the keyring in place of any the app had: one account at a
 * time.
 */
void
mp2_google_account_store_refresh_token_async (Mp2GoogleAccount    *self,
                                              const char          *refresh_token,
                                              const char          *email,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  StoreData *store = g_new0 (StoreData, 1);

  g_task_set_source_tag (task, mp2_google_account_store_refresh_token_async);
  store->refresh_token = g_strdup (refresh_token);
  store->email = g_strdup (email);
  g_task_set_task_data (task, store, store_data_free);

  mp2_google_account_clear_refresh_tokens_async (self, cancellable, on_old_tokens_cleared_cb,
                                                 g_steal_pointer (&task));
}

gboolean
mp2_google_account_store_refresh_token_finish (Mp2GoogleAccount  *self,
                                               GAsyncResult      *result,
                                               GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject --------------------------------------------------------------------------- */

static void
mp2_google_account_dispose (GObject *object)
{
  Mp2GoogleAccount *self = MP2_GOOGLE_ACCOUNT (object);

  mp2_google_account_cancel_refresh (self);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (mp2_google_account_parent_class)->dispose (object);
}

static void
mp2_google_account_finalize (GObject *object)
{
  Mp2GoogleAccount *self = MP2_GOOGLE_ACCOUNT (object);

  mp2_google_account_forget_tokens (self);
  g_clear_pointer (&self->token_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->client_id, g_free);
  mp2_google_secret_clear (&self->client_secret);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (mp2_google_account_parent_class)->finalize (object);
}

static void
mp2_google_account_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  Mp2GoogleAccount *self = MP2_GOOGLE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_google_account_class_init (Mp2GoogleAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_google_account_dispose;
  object_class->finalize = mp2_google_account_finalize;
  object_class->get_property = mp2_google_account_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       MP2_TYPE_ACCOUNT_STATE, MP2_ACCOUNT_STATE_SIGNED_OUT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp2_google_account_init (Mp2GoogleAccount *self)
{
  self->state = MP2_ACCOUNT_STATE_SIGNED_OUT;
  self->token_waiters = g_ptr_array_new ();
}

/**
 * mp2_google_account_new:
 * @http: the client for every request to Google
 * @client_id: the OAuth client id of a "Desktop app" client
 * @client_secret: (nullable): the secret Google issued with it, or %NULL or "" for none
 *
 * An account that is signed out until mp2_google_account_load_async() finds its
 * token in the keyring or mp2_google_account_sign_in_async() gets one.
 *
 * Returns: (transfer full): the account
 */
Mp2GoogleAccount *
mp2_google_account_new (Mp2HttpClient *http,
                        const char    *client_id,
                        const char    *client_secret)
{
  Mp2GoogleAccount *self;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  self = g_object_new (MP2_TYPE_GOOGLE_ACCOUNT, NULL);
  self->http = g_object_ref (http);
  self->client_id = g_strdup (client_id);
  self->client_secret = g_strdup (client_secret ? client_secret : "");

  return self;
}

/**
 * mp2_google_account_set_client:
 *
 * Uses another OAuth client from now on. Google ties a refresh token to the client
 * that got it: with another client id, a signed-in account needs signing in again.
 */
void
mp2_google_account_set_client (Mp2GoogleAccount *self,
                               const char       *client_id,
                               const char       *client_secret)
{
  g_autoptr(GError) error = NULL;
  gboolean same_id;

  g_return_if_fail (MP2_IS_GOOGLE_ACCOUNT (self));
  g_return_if_fail (client_id != NULL);

  same_id = g_strcmp0 (self->client_id, client_id) == 0;
  mp2_google_secret_clear (&self->client_secret);
  self->client_secret = g_strdup (client_secret ? client_secret : "");
  if (same_id)
    return;

  g_free (self->client_id);
  self->client_id = g_strdup (client_id);
  mp2_google_account_cancel_sign_in (self);
  mp2_google_account_cancel_refresh (self);
  if (self->refresh_token == NULL)
    return;

  mp2_google_account_forget_tokens (self);
  mp2_google_account_set_state (self, MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);
  error = g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_NOT_SIGNED_IN,
                               _("Film Schedule now uses another Google OAuth client. "
                                 "Sign in again."));
  mp2_google_account_answer_waiters (self, error);
}

const char *
mp2_google_account_get_client_id (Mp2GoogleAccount *self)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), NULL);

  return self->client_id;
}

Mp2AccountState
mp2_google_account_get_state (Mp2GoogleAccount *self)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), MP2_ACCOUNT_STATE_SIGNED_OUT);

  return self->state;
}

/**
 * mp2_google_account_get_email:
 *
 * Returns: (nullable): the account's address; kept after a revocation, for
 *   "Sign in again as …"
 */
const char *
mp2_google_account_get_email (Mp2GoogleAccount *self)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), NULL);

  return self->email;
}

/**
 * mp2_google_account_get_http_client:
 *
 * Returns: (transfer none): the client the account sends with
 */
Mp2HttpClient *
mp2_google_account_get_http_client (Mp2GoogleAccount *self)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), NULL);

  return self->http;
}

/* The client secret of the user's own client ------------------------------------------ */

static void
on_client_secret_stored_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * mp2_google_account_store_client_secret_async:
 *
 * Keeps the secret of an OAuth client id that the user entered in Preferences in the
 * keyring, since settings are no place for it.
 */
void
mp2_google_account_store_client_secret_async (const char          *client_id,
                                              const char          *client_secret,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (client_id != NULL);
  g_return_if_fail (client_secret != NULL);

  g_task_set_source_tag (task, mp2_google_account_store_client_secret_async);
  attributes = new_attributes (KIND_CLIENT_SECRET, client_id, NULL);
  label = g_strdup_printf (_("Film Schedule: Google OAuth client %s"), client_id);
  secret_password_storev (mp2_google_account_get_secret_schema (), attributes,
                          SECRET_COLLECTION_DEFAULT, label, client_secret, cancellable,
                          on_client_secret_stored_cb, g_steal_pointer (&task));
}

gboolean
mp2_google_account_store_client_secret_finish (GAsyncResult  *result,
                                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_client_secret_found_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

void
mp2_google_account_lookup_client_secret_async (const char          *client_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (client_id != NULL);

  g_task_set_source_tag (task, mp2_google_account_lookup_client_secret_async);
  attributes = new_attributes (KIND_CLIENT_SECRET, client_id, NULL);
  secret_password_lookupv (mp2_google_account_get_secret_schema (), attributes, cancellable,
                           on_client_secret_found_cb, g_steal_pointer (&task));
}

/**
 * mp2_google_account_lookup_client_secret_finish:
 *
 * Returns: (transfer full) (nullable): the secret, or %NULL without an error when the
 *   keyring has none for the client id; free it with secret_password_free()
 */
char *
mp2_google_account_lookup_client_secret_finish (GAsyncResult  *result,
                                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Load ------------------------------------------------------------------------------ */

static void
on_stored_secret_retrieved_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2GoogleAccount *self = g_task_get_source_object (task);
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = NULL;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result,
                                                     &error);
  if (value == NULL)
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  text = secret_value_get_text (value);
  if (text == NULL || *text == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  attributes = secret_retrievable_get_attributes (SECRET_RETRIEVABLE (object));
  mp2_google_account_forget_tokens (self);
  self->refresh_token = g_strdup (text);
  mp2_google_account_set_email (self, g_hash_table_lookup (attributes, "email"));
  mp2_google_account_set_state (self, MP2_ACCOUNT_STATE_SIGNED_IN);
  g_task_return_boolean (task, TRUE);
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  guint64 modified_a = secret_retrievable_get_modified ((SecretRetrievable *) a);
  guint64 modified_b = secret_retrievable_get_modified ((SecretRetrievable *) b);

  return modified_a < modified_b ? 1 : modified_a > modified_b ? -1 : 0;
}

static void
on_stored_tokens_found_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autolist(SecretRetrievable) items = NULL;
  g_autoptr(GError) error = NULL;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, new_keyring_error (error));
      return;
    }

  if (items == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  items = g_list_sort (items, compare_newest_first);
  secret_retrievable_retrieve_secret (items->data, cancellable, on_stored_secret_retrieved_cb,
                                      g_steal_pointer (&task));
}

/**
 * mp2_google_account_load_async:
 *
 * Looks for the refresh token of the account's client in the keyring. Finding none
 * is no error: the account stays signed out.
 */
void
mp2_google_account_load_async (Mp2GoogleAccount    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (MP2_IS_GOOGLE_ACCOUNT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_google_account_load_async);
  attributes = new_attributes (KIND_REFRESH_TOKEN, self->client_id, NULL);
  secret_password_searchv (mp2_google_account_get_secret_schema (), attributes,
                           SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK, cancellable,
                           on_stored_tokens_found_cb, g_steal_pointer (&task));
}

gboolean
mp2_google_account_load_finish (Mp2GoogleAccount  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign-out -------------------------------------------------------------------------- */

static void
on_token_revoked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = mp2_http_client_send_finish (MP2_HTTP_CLIENT (object), result, NULL, &error);
  /* Offline, or Google already forgot the token: the keyring item is gone all the same. */
  if (response == NULL)
    g_debug ("The token was not revoked at Google: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

/* Asks Google to forget the grant, so that the token is no use to anyone. */
static void
revoke_token (GTask *task)
{
  Mp2GoogleAccount *self = g_task_get_source_object (task);
  const char *refresh_token = g_task_get_task_data (task);
  g_autofree char *uri = mp2_google_account_dup_endpoint (MP2_GOOGLE_OAUTH_TOKEN_BASE, "revoke");
  g_autoptr(Mp2HttpRequest) request = mp2_http_request_new ("POST", uri);

  mp2_http_request_add_secret (request, "token");
  mp2_http_request_set_api (request, "oauth");
  mp2_http_request_add_form_field (request, "token", refresh_token);
  mp2_http_request_set_retryable (request, TRUE);
  mp2_http_client_send_async (self->http, request, g_task_get_cancellable (task),
                              on_token_revoked_cb, task);
}

static void
on_keyring_cleared_for_sign_out_cb (GObject      *object,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_google_account_clear_refresh_tokens_finish (MP2_GOOGLE_ACCOUNT (object), result,
                                                       &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_get_task_data (task) == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  revoke_token (g_steal_pointer (&task));
}

/**
 * mp2_google_account_sign_out_async:
 *
 * Deletes the refresh token from the keyring, then revokes it at Google (which ends
 * its access tokens too); offline, the token is deleted all the same. The account is
 * signed out at once; only a keyring failure is an error.
 */
void
mp2_google_account_sign_out_async (Mp2GoogleAccount    *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MP2_IS_GOOGLE_ACCOUNT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_google_account_sign_out_async);
  g_task_set_task_data (task, g_steal_pointer (&self->refresh_token),
                        (GDestroyNotify) mp2_google_secret_free);

  mp2_google_account_cancel_sign_in (self);
  mp2_google_account_cancel_refresh (self);
  mp2_google_account_forget_tokens (self);
  mp2_google_account_set_email (self, NULL);
  mp2_google_account_set_state (self, MP2_ACCOUNT_STATE_SIGNED_OUT);
  error = g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_NOT_SIGNED_IN,
                               _("You signed out of Google."));
  mp2_google_account_answer_waiters (self, error);

  mp2_google_account_clear_refresh_tokens_async (self, cancellable,
                                                 on_keyring_cleared_for_sign_out_cb,
                                                 g_steal_pointer (&task));
}

gboolean
mp2_google_account_sign_out_finish (Mp2GoogleAccount  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

