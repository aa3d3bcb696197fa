/* mp2-google-account-sign-in.c
 *
 * Sign-in with OAuth 2.0 for installed apps (RFC 8252): the default browser opens
 * Google’s consent page; Google sends it back to a server of ours on 127.0.0.1 at a
 * random port with a code, which PKCE (RFC 7636, S256) ties to this sign-in and a
 * random state to this browser visit. The code is exchanged for tokens, the refresh
 * token goes to the keyring, and the browser tab says whether it worked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-google-account"

#include "config.h"

#include "mp2-google-account.h"
#include "mp2-google-account-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/random.h>

#define OAUTH_AUTH_BASE   "https://accounts.google.com/"
#define VERIFIER_BYTES    64   /* 86 characters of base64url: RFC 7636 allows 43–128 */
#define STATE_BYTES       32
/* The sign-in a loopback server waits for: its GTask, unowned; NULL once over. */
#define SIGN_IN_KEY       "mp2-sign-in"

#define SCOPE_GMAIL_MODIFY    "https://www.googleapis.com/auth/gmail.modify"
#define SCOPE_CALENDAR        "https://www.googleapis.com/auth/calendar"
#define SCOPE_CALENDAR_EVENTS "https://www.googleapis.com/auth/calendar.events"

typedef struct
{
  SoupServer        *server;
  char              *verifier;
  char              *state;
  char              *redirect_uri;
  SoupServerMessage *pending;        /* the browser's visit, answered at the end */
  GCancellable      *cancellable;    /* what the sign-in still does; cancelled at its end */
  gulong             cancelled_id;   /* on the caller's cancellable */
  Mp2AccountState    previous_state;
  Mp2GoogleTokens   *tokens;
  char              *email;
  gboolean           done;
} SignIn;

static void
close_server (SoupServer *server)
{
  soup_server_disconnect (server);
  g_object_unref (server);
}

static void
sign_in_free (gpointer user_data)
{
  SignIn *data = user_data;

  g_clear_pointer (&data->server, close_server);
  mp2_google_secret_free (data->verifier);
  mp2_google_secret_free (data->state);
  g_free (data->redirect_uri);
  g_clear_object (&data->pending);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->tokens, mp2_google_tokens_free);
  g_free (data->email);
  g_free (data);
}

/* Randomness ------------------------------------------------------------------------ */

static gboolean
read_urandom (guint8  *buffer,
              gsize    length,
              GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/urandom");
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  gsize n_read = 0;

  if (stream == NULL)
    return FALSE;

  return g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, length, &n_read, NULL,
                                  error) && n_read == length;
}

/* The kernel's CSPRNG: GLib's g_random is predictable, and PKCE and state must not be. */
static gboolean
fill_random (guint8  *buffer,
             gsize    length,
             GError **error)
{
  gsize filled = 0;

  while (filled < length)
    {
      ssize_t n = getrandom (buffer + filled, length - filled, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return read_urandom (buffer, length, error);
      filled += (gsize) n;
    }

  return TRUE;
}

static char *
encode_base64url (const guint8 *data,
                  gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *end = strchr (text, '=');

  if (end != NULL)
    *end = '\0';
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');

  return text;
}

static char *
new_random_text (gsize    n_bytes,
                 GError **error)
{
  guint8 bytes[VERIFIER_BYTES];
  char *text = NULL;

  g_assert (n_bytes <= sizeof bytes);

  if (!fill_random (bytes, n_bytes, error))
    return NULL;

  text = encode_base64url (bytes, n_bytes);
  explicit_bzero (bytes, sizeof bytes);

  return text;
}

/* base64url (SHA-256 (verifier)), RFC 7636 §4.2. */
static char *
compute_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guint8 *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);

  return encode_base64url (digest, length);
}

/* The browser tab ------------------------------------------------------------------- */

static void
answer_page (SoupServerMessage *msg,
             guint              status,
             const char        *title,
             const char        *message)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_message = g_markup_escape_text (message, -1);
  g_autofree char *escaped_close = g_markup_escape_text (
    _("You can close this tab and return to Film Schedule."), -1);
  char *page = g_strdup_printf ("<!DOCTYPE html>\n"
                                "<html><head><meta charset=\"utf-8\">"
                                "<meta name=\"viewport\" content=\"width=device-width\">"
                                "<title>%s</title>"
                                "<style>body{font-family:sans-serif;max-width:34em;"
                                "margin:4em auto;padding:0 1em;text-align:center}</style>"
                                "</head><body><h1>%s</h1><p>%s</p><p>%s</p></body></html>\n",
                                escaped_title, escaped_title, escaped_message, escaped_close);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    page, strlen (page));
}

static void
answer_outcome (SoupServerMessage *msg,
                const GError      *error)
{
  if (error == NULL)
    answer_page (msg, SOUP_STATUS_OK, _("Signed in to Google"),
                 _("Film Schedule can now read your call-sheet mail and write your calendar."));
  else
    answer_page (msg, SOUP_STATUS_OK, _("Film Schedule could not sign in"), error->message);
}

static gboolean
close_server_idle (gpointer user_data)
{
  close_server (user_data);

  return G_SOURCE_REMOVE;
}

/* The page is out: the server can go. Not from inside the message's own signal. */
static void
on_page_sent_cb (SoupServerMessage *msg,
                 gpointer           user_data)
{
  SoupServer *server = user_data;

  g_idle_add (close_server_idle, g_object_ref (server));
  g_signal_handlers_disconnect_by_func (msg, on_page_sent_cb, user_data);
}

static void
unref_server (gpointer  data,
              GClosure *closure)
{
  g_object_unref (data);
}

/* Answers the browser's visit, if it came, then closes the server. */
static void
close_loopback (SignIn       *data,
                const GError *error)
{
  g_autoptr(SoupServer) server = g_steal_pointer (&data->server);
  g_autoptr(SoupServerMessage) pending = g_steal_pointer (&data->pending);

  if (server == NULL)
    return;

  /* Later visits find no sign-in. */
  g_object_set_data (G_OBJECT (server), SIGN_IN_KEY, NULL);
  if (pending == NULL)
    {
      close_server (g_steal_pointer (&server));
      return;
    }

  answer_outcome (pending, error);
  g_signal_connect_data (pending, "finished", G_CALLBACK (on_page_sent_cb),
                         g_steal_pointer (&server), unref_server, G_CONNECT_DEFAULT);
  soup_server_message_unpause (pending);
}

/* The end of a sign-in ---------------------------------------------------------------- */

/* Ends the sign-in once, with @error (taken) or success. */
static void
finish_sign_in (GTask  *task,
                GError *error)
{
  g_autoptr(GTask) held = g_object_ref (task);
  Mp2GoogleAccount *self = g_task_get_source_object (task);
  SignIn *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (data->done)
    {
      g_clear_error (&error);
      return;
    }
  data->done = TRUE;
  /* A code exchange or keyring write on its way is not wanted any more. */
  g_cancellable_cancel (data->cancellable);

  if (cancellable != NULL && data->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, data->cancelled_id);
  data->cancelled_id = 0;

  if (self->sign_in_task == task)
    g_clear_object (&self->sign_in_task);
  if (error != NULL)
    mp2_google_account_set_state (self, data->previous_state);

  close_loopback (data, error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * mp2_google_account_cancel_sign_in:
 *
 * Ends the sign-in waiting for the browser, if any, with %G_IO_ERROR_CANCELLED: the
 * account signs out, changes client, or starts another.
 */
void
mp2_google_account_cancel_sign_in (Mp2GoogleAccount *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->sign_in_task == NULL)
    return;

  task = g_object_ref (self->sign_in_task);
  finish_sign_in (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                             _("The sign-in to Google was stopped.")));
}

static gboolean
on_sign_in_cancelled_idle (gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    return G_SOURCE_REMOVE;

  finish_sign_in (task, error);

  return G_SOURCE_REMOVE;
}

static void
on_sign_in_cancelled_cb (GCancellable *cancellable,
                         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GSource) source = g_idle_source_new ();

  /* Not from here: g_cancellable_disconnect() in a handler deadlocks. */
  g_source_set_callback (source, on_sign_in_cancelled_idle, g_object_ref (task),
                         g_object_unref);
  g_source_attach (source, g_task_get_context (task));
}

/* Tokens ---------------------------------------------------------------------------- */

static gboolean
has_scope (const char * const *granted,
           const char         *scope)
{
  return g_strv_contains (granted, scope);
}

/* The user may untick a permission on Google’s consent page. */
static gboolean
check_granted_scopes (Mp2GoogleTokens  *tokens,
                      GError          **error)
{
  g_auto(GStrv) granted = NULL;

  /* RFC 6749 §5.1: no scope in the answer means all that was asked. */
  if (tokens->scope == NULL)
    return TRUE;

  granted = g_strsplit (tokens->scope, " ", -1);
  if (has_scope ((const char * const *) granted, SCOPE_GMAIL_MODIFY)
      && (has_scope ((const char * const *) granted, SCOPE_CALENDAR_EVENTS)
          || has_scope ((const char * const *) granted, SCOPE_CALENDAR)))
    return TRUE;

  g_set_error_literal (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_SCOPES,
                       _("Film Schedule needs to read and label your mail and to write your "
                         "calendar, but Google gave it less. Sign in again and allow both."));
  return FALSE;
}

static void
on_refresh_token_stored_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2GoogleAccount *self = MP2_GOOGLE_ACCOUNT (object);
  SignIn *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mp2_google_account_store_refresh_token_finish (self, result, &error))
    {
      finish_sign_in (task, error);
      return;
    }

  if (data->done)
    return;

  mp2_google_account_take_tokens (self, data->tokens, data->email);
  finish_sign_in (task, NULL);
}

static void
on_code_exchanged_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2GoogleAccount *self = g_task_get_source_object (task);
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) error_response = NULL;
  g_autoptr(GError) error = NULL;
  GError *tokens_error = NULL;

  response = mp2_http_client_send_finish (MP2_HTTP_CLIENT (object), result, &error_response,
                                          &error);
  if (data->done)
    return;

  if (response == NULL)
    {
      finish_sign_in (task, mp2_google_token_error (error, error_response, FALSE));
      return;
    }

  data->tokens = mp2_google_tokens_parse (response, &tokens_error);
  if (data->tokens == NULL || !check_granted_scopes (data->tokens, &tokens_error))
    {
      finish_sign_in (task, tokens_error);
      return;
    }

  if (data->tokens->refresh_token == NULL)
    {
      finish_sign_in (task, g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_FAILED,
                                                 _("Google gave no lasting access. Remove "
                                                   "Film Schedule from the apps with access "
                                                   "to your Google account, then sign in "
                                                   "again.")));
      return;
    }

  data->email = mp2_google_id_token_get_email (data->tokens->id_token);
  mp2_google_account_store_refresh_token_async (self, data->tokens->refresh_token, data->email,
                                                data->cancellable, on_refresh_token_stored_cb,
                                                g_steal_pointer (&task));
}

static void
exchange_code (GTask      *task,
               const char *code)
{
  Mp2GoogleAccount *self = g_task_get_source_object (task);
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpRequest) request = NULL;

  request = mp2_google_account_new_token_request (self, "authorization_code");
  mp2_http_request_add_form_field (request, "code", code);
  mp2_http_request_add_form_field (request, "code_verifier", data->verifier);
  mp2_http_request_add_form_field (request, "redirect_uri", data->redirect_uri);
  mp2_http_client_send_async (mp2_google_account_get_http_client (self), request,
                              data->cancellable, on_code_exchanged_cb, g_object_ref (task));
}

/* The loopback server ------------------------------------------------------------------ */

static GError *
new_browser_error (const char *oauth_error)
{
  if (g_strcmp0 (oauth_error, "access_denied") == 0)
    return g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_CANCELLED_BY_USER,
                                _("You did not give Film Schedule access to your Google "
                                  "account."));

  return g_error_new (MP2_AUTH_ERROR, MP2_AUTH_ERROR_FAILED,
                      _("Google refused the sign-in (%s). Sign in again."), oauth_error);
}

static void
on_loopback_request_cb (SoupServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data)
{
  GTask *task = g_object_get_data (G_OBJECT (server), SIGN_IN_KEY);
  SignIn *data = NULL;
  const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
  const char *oauth_error = query ? g_hash_table_lookup (query, "error") : NULL;

  if (strcmp (path, "/") != 0 || strcmp (soup_server_message_get_method (msg), "GET") != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (task == NULL)
    {
      answer_page (msg, SOUP_STATUS_GONE, _("Sign-In Ended"),
                   _("This sign-in to Google has already ended. To sign in, start again "
                     "from Film Schedule."));
      return;
    }

  data = g_task_get_task_data (task);
  if (code == NULL && oauth_error == NULL)
    {
      answer_page (msg, SOUP_STATUS_BAD_REQUEST, _("Waiting for Google"),
                   _("Film Schedule is waiting here for Google’s answer to the sign-in."));
      return;
    }
  if (data->pending != NULL)
    {
      answer_page (msg, SOUP_STATUS_CONFLICT, _("Signing in"),
                   _("Film Schedule is already finishing this sign-in in another tab."));
      return;
    }

  data->pending = g_object_ref (msg);
  soup_server_message_pause (msg);

  if (state == NULL || strcmp (state, data->state) != 0)
    finish_sign_in (task, g_error_new_literal (MP2_AUTH_ERROR, MP2_AUTH_ERROR_STATE_MISMATCH,
                                               _("The browser brought back the answer to an "
                                                 "earlier sign-in, not to this one. Sign in "
                                                 "again.")));
  else if (oauth_error != NULL)
    finish_sign_in (task, new_browser_error (oauth_error));
  else
    exchange_code (task, code);
}

/* Listens on 127.0.0.1 only, at a port the system picks (RFC 8252 §7.3). */
static gboolean
start_loopback (GTask   *task,
                GError **error)
{
  SignIn *data = g_task_get_task_data (task);
  g_autoslist(GUri) uris = NULL;

  data->server = soup_server_new (NULL, NULL);
  g_object_set_data (G_OBJECT (data->server), SIGN_IN_KEY, task);
  soup_server_add_handler (data->server, "/", on_loopback_request_cb, NULL, NULL);
  if (!soup_server_listen_local (data->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (data->server);
  g_assert (uris != NULL);
  data->redirect_uri = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));

  return TRUE;
}

/* The browser ----------------------------------------------------------------------- */

static void
append_parameter (GString    *url,
                  const char *name,
                  const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (url, strchr (url->str, '?') ? '&' : '?');
  g_string_append_printf (url, "%s=%s", name, escaped);
}

static char *
build_authorization_url (Mp2GoogleAccount *self,
                         SignIn           *data)
{
  g_autofree char *endpoint = mp2_google_account_dup_endpoint (OAUTH_AUTH_BASE,
                                                               "o/oauth2/v2/auth");
  g_autofree char *challenge = compute_challenge (data->verifier);
  GString *url = g_string_new (endpoint);
  const char *email = mp2_google_account_get_email (self);

  append_parameter (url, "client_id", mp2_google_account_get_client_id (self));
  append_parameter (url, "redirect_uri", data->redirect_uri);
  append_parameter (url, "response_type", "code");
  append_parameter (url, "scope", MP2_GOOGLE_SCOPES);
  append_parameter (url, "state", data->state);
  append_parameter (url, "code_challenge", challenge);
  append_parameter (url, "code_challenge_method", "S256");
  /* A refresh token, every time: without prompt=consent Google gives it only once. */
  append_parameter (url, "access_type", "offline");
  append_parameter (url, "prompt", "consent");
  /* "Sign in again as …" opens the same account. */
  if (email != NULL)
    append_parameter (url, "login_hint", email);

  return g_string_free (url, FALSE);
}

static void
on_browser_launched_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Cancelled only once the sign-in is over. */
  if (g_app_info_launch_default_for_uri_finish (result, &error) || data->done)
    return;

  finish_sign_in (task, g_error_new (MP2_AUTH_ERROR, MP2_AUTH_ERROR_BROWSER,
                                     _("No web browser could be opened to sign in to "
                                       "Google: %s"), error->message));
}

static gboolean
prepare_sign_in (GTask   *task,
                 GError **error)
{
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GError) local_error = NULL;

  data->verifier = new_random_text (VERIFIER_BYTES, &local_error);
  if (data->verifier != NULL)
    data->state = new_random_text (STATE_BYTES, &local_error);
  if (data->state != NULL)
    start_loopback (task, &local_error);

  if (local_error == NULL)
    return TRUE;

  g_set_error (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_FAILED,
               _("Film Schedule could not get ready to receive Google’s answer: %s"),
               local_error->message);
  return FALSE;
}

/**
 * mp2_google_account_sign_in_async:
 *
 * Opens Google’s consent page in the default browser (through the portal in a
 * sandbox) and waits, until @cancellable is cancelled, for the browser to come back
 * to the loopback address. A sign-in already waiting is cancelled.
 */
void
mp2_google_account_sign_in_async (Mp2GoogleAccount    *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SignIn *data = NULL;

  g_return_if_fail (MP2_IS_GOOGLE_ACCOUNT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_google_account_sign_in_async);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (mp2_google_account_get_client_id (self)[0] == '\0')
    {
      g_task_return_new_error (task, MP2_AUTH_ERROR, MP2_AUTH_ERROR_INVALID_CLIENT,
                               _("No Google OAuth client is set up. Enter a client id in "
                                 "Preferences."));
      return;
    }

  mp2_google_account_cancel_sign_in (self);

  data = g_new0 (SignIn, 1);
  data->previous_state = mp2_google_account_get_state (self);
  data->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, data, sign_in_free);
  if (!prepare_sign_in (task, &error))
    {
      g_clear_pointer (&data->server, close_server);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  url = build_authorization_url (self, data);
  self->sign_in_task = g_object_ref (task);
  if (cancellable != NULL)
    data->cancelled_id = g_cancellable_connect (cancellable,
                                                G_CALLBACK (on_sign_in_cancelled_cb),
                                                task, NULL);
  mp2_google_account_set_state (self, MP2_ACCOUNT_STATE_SIGNING_IN);

  g_debug ("Opening Google’s consent page; waiting at %s", data->redirect_uri);
  g_app_info_launch_default_for_uri_async (url, NULL, data->cancellable, on_browser_launched_cb,
                                           g_steal_pointer (&task));
}

gboolean
mp2_google_account_sign_in_finish (Mp2GoogleAccount  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
