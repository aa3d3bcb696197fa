/* mp2-fake-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-fake-test.h"

#include <string.h>

#include "mp2-test-wait.h"

/**
 * mp2_fake_test_set_up:
 *
 * A fake Google in the test's main context, and tokens for Gmail and Calendar.
 */
void
mp2_fake_test_set_up (Mp2FakeTestFixture *fixture,
                      gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  fixture->fake = mp2_fake_google_new (&error);
  g_assert_no_error (error);
  fixture->session = soup_session_new_with_options ("timeout", 20, NULL);
  mp2_fake_google_issue_tokens (fixture->fake, NULL, &fixture->access_token,
                                &fixture->refresh_token);
}

/* Every test ends with no request that broke the contract but those it expected. */
void
mp2_fake_test_tear_down (Mp2FakeTestFixture *fixture,
                         gconstpointer       data)
{
  mp2_fake_google_assert_no_violations (fixture->fake);

  g_clear_object (&fixture->session);
  g_clear_object (&fixture->fake);
  g_clear_pointer (&fixture->access_token, g_free);
  g_clear_pointer (&fixture->refresh_token, g_free);
}

void
mp2_fake_test_reply_free (Mp2FakeTestReply *reply)
{
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply);
}

/**
 * mp2_fake_test_send:
 *
 * Sends @msg to the fake and waits for the answer (failing the test on a
 * transport error).
 *
 * Returns: (transfer full): the answer
 */
Mp2FakeTestReply *
mp2_fake_test_send (Mp2FakeTestFixture *fixture,
                    SoupMessage        *msg)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  Mp2FakeTestReply *reply = g_new0 (Mp2FakeTestReply, 1);

  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, 30, "an answer of the fake Google");
  reply->body = soup_session_send_and_read_finish (fixture->session, result, &error);
  g_assert_no_error (error);

  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (g_bytes_get_size (reply->body) > 0 &&
      json_parser_load_from_data (parser, g_bytes_get_data (reply->body, NULL),
                                  g_bytes_get_size (reply->body), NULL))
    reply->json = json_node_ref (json_parser_get_root (parser));

  return reply;
}

/**
 * mp2_fake_test_call:
 * @path: the path and query: "/gmail/v1/users/me/labels"
 * @json: (nullable): a JSON body
 *
 * A call of the API with the fixture's access token (if it has one).
 *
 * Returns: (transfer full): the answer
 */
Mp2FakeTestReply *
mp2_fake_test_call (Mp2FakeTestFixture *fixture,
                    const char         *method,
                    const char         *path,
                    const char         *json)
{
  g_autofree char *url = g_strconcat (mp2_fake_google_get_url (fixture->fake), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);

  g_assert_nonnull (msg);
  if (fixture->access_token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", fixture->access_token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  return mp2_fake_test_send (fixture, msg);
}

/**
 * mp2_fake_test_post_form:
 * @form: "grant_type=refresh_token&…", already encoded
 *
 * Returns: (transfer full): the answer of a form POST (the token endpoint's way)
 */
Mp2FakeTestReply *
mp2_fake_test_post_form (Mp2FakeTestFixture *fixture,
                         const char         *path,
                         const char         *form)
{
  g_autofree char *url = g_strconcat (mp2_fake_google_get_url (fixture->fake), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));

  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);

  return mp2_fake_test_send (fixture, msg);
}

JsonObject *
mp2_fake_test_reply_object (Mp2FakeTestReply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));

  return json_node_get_object (reply->json);
}

/**
 * mp2_fake_test_error_reason:
 *
 * Returns: `error.errors[0].reason` of a Google error, or `error` of an OAuth one
 */
const char *
mp2_fake_test_error_reason (Mp2FakeTestReply *reply)
{
  JsonObject *object = mp2_fake_test_reply_object (reply);
  JsonNode *error = json_object_get_member (object, "error");

  g_assert_nonnull (error);
  if (JSON_NODE_HOLDS_VALUE (error))
    return json_node_get_string (error);

  return json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (json_node_get_object (error),
                                                                 "errors"), 0),
    "reason");
}

/**
 * mp2_fake_test_equals_sample:
 * @sample: a file of tests/data/contracts/samples: "oauth/…json"
 *
 * Returns: whether the body is that sample, byte for byte
 */
gboolean
mp2_fake_test_equals_sample (Mp2FakeTestReply *reply,
                             const char       *sample)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "contracts",
                                                 "samples", sample, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return length == g_bytes_get_size (reply->body) &&
         memcmp (contents, g_bytes_get_data (reply->body, NULL), length) == 0;
}

char *
mp2_fake_test_mailbox_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "mailbox", name, NULL);
}

/**
 * mp2_fake_test_decode_base64url:
 *
 * Returns: (transfer full): the bytes of base64url @text, which must not be padded
 */
GBytes *
mp2_fake_test_decode_base64url (const char *text)
{
  GString *standard = g_string_new (text);
  gsize length = 0;
  guchar *data = NULL;

  g_assert_null (strchr (text, '='));
  g_assert_cmpuint (strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789-_"), ==, strlen (text));
  g_strdelimit (standard->str, "-", '+');
  g_strdelimit (standard->str, "_", '/');
  while (standard->len % 4 != 0)
    g_string_append_c (standard, '=');
  data = g_base64_decode (standard->str, &length);
  g_string_free (standard, TRUE);

  return g_bytes_new_take (data, length);
}

/**
 * mp2_fake_test_expect_violation:
 * @what: a part of the violation's text
 *
 * Checks that the fake recorded exactly one violation, about @what, and forgets it.
 */
void
mp2_fake_test_expect_violation (Mp2FakeTestFixture *fixture,
                                const char         *what)
{
  GPtrArray *violations = mp2_fake_google_get_violations (fixture->fake);

  g_autofree char *text = mp2_fake_google_dup_violations_text (fixture->fake);

  if (violations->len != 1 || strstr (text, what) == NULL)
    g_error ("Expected one violation about \"%s\", got: %s", what, text);
  mp2_fake_google_clear_violations (fixture->fake);
}

static void
on_app_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  Mp2FakeTestApp *app = user_data;
  const char *page = "<p>Signed in. You can close this window.</p>";

  g_clear_pointer (&app->callback, g_hash_table_unref);
  app->callback = query ? g_hash_table_ref (query) : g_hash_table_new (g_str_hash, g_str_equal);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

/**
 * mp2_fake_test_app_start:
 *
 * Listens on 127.0.0.1 for the sign-in's redirect, as the app does.
 */
void
mp2_fake_test_app_start (Mp2FakeTestApp *app)
{
  g_autoptr(GError) error = NULL;
  GSList *uris = NULL;

  app->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (app->server, "/oauth2callback", on_app_request_cb, app, NULL);
  soup_server_listen_local (app->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (app->server);
  app->redirect_uri = g_strdup_printf ("http://127.0.0.1:%d/oauth2callback",
                                       g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

void
mp2_fake_test_app_stop (Mp2FakeTestApp *app)
{
  if (app->server != NULL)
    soup_server_disconnect (app->server);
  g_clear_object (&app->server);
  g_clear_pointer (&app->redirect_uri, g_free);
  g_clear_pointer (&app->callback, g_hash_table_unref);
}

/**
 * mp2_fake_test_make_challenge:
 *
 * Returns: (transfer full): the PKCE S256 challenge of @verifier, computed here
 *   independently of the fake
 */
char *
mp2_fake_test_make_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *text = NULL;

  g_checksum_update (checksum, (const guint8 *) verifier, -1);
  g_checksum_get_digest (checksum, digest, &length);
  text = g_base64_encode (digest, length);
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  *strchr (text, '=') = '\0';

  return text;
}

/**
 * mp2_fake_test_authorization_url:
 * @extra: (nullable): more parameters: "&prompt=consent"
 *
 * Returns: (transfer full): the URL the app opens in the browser to sign in
 */
char *
mp2_fake_test_authorization_url (Mp2FakeTestFixture *fixture,
                                 Mp2FakeTestApp     *app,
                                 const char         *challenge,
                                 const char         *extra)
{
  g_autofree char *redirect = g_uri_escape_string (app->redirect_uri, NULL, FALSE);
  g_autofree char *scope = g_uri_escape_string (MP2_FAKE_TEST_SCOPES, NULL, FALSE);

  return g_strdup_printf ("%s/o/oauth2/v2/auth?client_id=%s&redirect_uri=%s&response_type=code"
                          "&scope=%s&state=" MP2_FAKE_TEST_STATE "&code_challenge=%s"
                          "&code_challenge_method=S256&access_type=offline%s",
                          mp2_fake_google_get_url (fixture->fake), MP2_FAKE_GOOGLE_CLIENT_ID,
                          redirect, scope, challenge, extra ? extra : "");
}
