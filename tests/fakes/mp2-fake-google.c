/* mp2-fake-google.c
 *
 * The fake Google's server: one SoupServer on 127.0.0.1 in the caller's main
 * context. Each request is routed (OAuth paths, or a method of the Gmail or Calendar
 * discovery document), counted, checked against the contract, offered to the fault
 * script, authorised by its bearer token, handled, and answered after the scripted
 * latency.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-google.h"
#include "mp2-fake-google-private.h"

#include <string.h>

typedef struct
{
  Mp2FakeGoogle     *self;
  SoupServerMessage *msg;
  GSource           *source;
  gulong             finished_id;
  gulong             disconnected_id;
} Mp2FakeDelay;

G_DEFINE_FINAL_TYPE (Mp2FakeGoogle, mp2_fake_google, G_TYPE_OBJECT)

static void
delay_free (gpointer data)
{
  Mp2FakeDelay *delay = data;

  g_source_destroy (delay->source);
  g_source_unref (delay->source);
  g_signal_handler_disconnect (delay->msg, delay->finished_id);
  g_signal_handler_disconnect (delay->msg, delay->disconnected_id);
  g_object_unref (delay->msg);
  g_free (delay);
}

static void
mp2_fake_google_dispose (GObject *object)
{
  Mp2FakeGoogle *self = MP2_FAKE_GOOGLE (object);

  if (self->delayed != NULL)
    g_hash_table_remove_all (self->delayed);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (mp2_fake_google_parent_class)->dispose (object);
}

static void
mp2_fake_google_finalize (GObject *object)
{
  Mp2FakeGoogle *self = MP2_FAKE_GOOGLE (object);

  g_clear_pointer (&self->delayed, g_hash_table_unref);
  g_clear_pointer (&self->gmail_contract, mp2_fake_contract_free);
  g_clear_pointer (&self->calendar_contract, mp2_fake_contract_free);
  g_clear_pointer (&self->handlers, g_hash_table_unref);
  g_clear_pointer (&self->oauth, mp2_fake_oauth_free);
  g_clear_pointer (&self->mailbox, mp2_fake_mailbox_free);
  g_clear_pointer (&self->calendars, mp2_fake_calendars_free);
  g_clear_pointer (&self->faults, mp2_fake_faults_free);
  g_clear_pointer (&self->request_counts, g_hash_table_unref);
  g_clear_pointer (&self->request_lines, g_ptr_array_unref);
  g_clear_pointer (&self->violations, g_ptr_array_unref);
  g_clear_pointer (&self->received_tokens, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (mp2_fake_google_parent_class)->finalize (object);
}

static void
mp2_fake_google_class_init (Mp2FakeGoogleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_fake_google_dispose;
  object_class->finalize = mp2_fake_google_finalize;
}

static void
mp2_fake_google_init (Mp2FakeGoogle *self)
{
  g_autoptr(GError) error = NULL;

  self->gmail_contract = mp2_fake_contract_new ("google/gmail.v1.discovery.json", &error);
  g_assert_no_error (error);
  self->calendar_contract = mp2_fake_contract_new ("google/calendar.v3.discovery.json", &error);
  g_assert_no_error (error);

  self->handlers = g_hash_table_new (g_str_hash, g_str_equal);
  mp2_fake_oauth_register (self->handlers);
  mp2_fake_gmail_register (self->handlers);
  mp2_fake_calendar_register (self->handlers);

  self->oauth = mp2_fake_oauth_new ();
  self->mailbox = mp2_fake_mailbox_new ();
  self->calendars = mp2_fake_calendars_new ();
  self->faults = mp2_fake_faults_new ();
  self->request_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->request_lines = g_ptr_array_new_with_free_func (g_free);
  self->violations = g_ptr_array_new_with_free_func (g_free);
  self->received_tokens = g_ptr_array_new_with_free_func (g_free);
  self->delayed = g_hash_table_new_full (NULL, NULL, NULL, delay_free);
}

/**
 * mp2_fake_google_record_violation:
 * @what: what the request did wrong
 *
 * Keeps a request that broke the contract, for mp2_fake_google_get_violations ().
 */
void
mp2_fake_google_record_violation (Mp2FakeGoogle  *self,
                                  Mp2FakeRequest *request,
                                  const char     *what)
{
  char *text = g_strdup_printf ("%s %s: %s", request->http_method, request->path, what);

  g_message ("Contract violation: %s", text);
  g_ptr_array_add (self->violations, text);
}

static gboolean
is_form (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  return g_strcmp0 (soup_message_headers_get_content_type (headers, NULL),
                    "application/x-www-form-urlencoded") == 0;
}

static gboolean
is_json (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  return g_strcmp0 (soup_message_headers_get_content_type (headers, NULL),
                    "application/json") == 0;
}

static char *
find_token (Mp2FakeRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const char *in_query = mp2_fake_request_get_param (request, "access_token");

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    return g_strdup (authorization + 7);

  return g_strdup (in_query);
}

static Mp2FakeRequest *
make_request (Mp2FakeGoogle     *self,
              SoupServerMessage *msg,
              const char        *path)
{
  Mp2FakeRequest *request = g_new0 (Mp2FakeRequest, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  GUri *uri = soup_server_message_get_uri (msg);

  request->fake = self;
  request->msg = g_object_ref (msg);
  request->http_method = soup_server_message_get_method (msg);
  request->path = path;
  request->params = mp2_fake_parse_params (g_uri_get_query (uri));
  if (body->length > 0 && is_form (msg))
    {
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autoptr(GPtrArray) form = mp2_fake_parse_params (text);

      g_ptr_array_extend_and_steal (request->params, g_steal_pointer (&form));
    }
  request->token = find_token (request);

  return request;
}

/* Finds the endpoint of @request, or says why there is none. */
static char *
route (Mp2FakeGoogle  *self,
       Mp2FakeRequest *request)
{
  Mp2FakeContract *contract = NULL;
  char *violation = NULL;

  if (mp2_fake_oauth_route (request, &violation))
    return violation;

  if (g_str_has_prefix (request->path, "/gmail/"))
    contract = self->gmail_contract;
  else if (g_str_has_prefix (request->path, "/calendar/"))
    contract = self->calendar_contract;
  else
    return g_strdup ("no Google API that the fake serves has this path");

  request->api = mp2_fake_contract_get_api (contract);
  mp2_fake_contract_match (contract, request, &violation);

  return violation;
}

static char *
parse_body (Mp2FakeRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (body->length == 0 || !is_json (request->msg))
    return NULL;
  if (!json_parser_load_from_data (parser, body->data, body->length, &error))
    return g_strdup_printf ("the request body is not valid JSON: %s", error->message);

  request->body = json_node_ref (json_parser_get_root (parser));

  return NULL;
}

/* An API request for the log of mp2_fake_google_dup_request_lines (): the endpoint,
 * the query as sent and the If-Match header. OAuth requests, which carry secrets,
 * are left out. */
static char *
describe_request (Mp2FakeRequest *request,
                  const char     *endpoint)
{
  GString *line = g_string_new (endpoint);
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  const char *if_match =
    soup_message_headers_get_one (soup_server_message_get_request_headers (request->msg),
                                  "If-Match");

  if (query != NULL)
    g_string_append_printf (line, " ?%s", query);
  if (if_match != NULL)
    g_string_append_printf (line, " If-Match: %s", if_match);

  return g_string_free (line, FALSE);
}

static void
count_request (Mp2FakeGoogle  *self,
               Mp2FakeRequest *request)
{
  const char *endpoint = request->endpoint ? request->endpoint : "unknown";
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, endpoint));

  g_hash_table_replace (self->request_counts, g_strdup (endpoint), GUINT_TO_POINTER (count + 1));
  if (request->token != NULL && g_strcmp0 (request->api, "oauth2") != 0)
    g_ptr_array_add (self->received_tokens, g_strdup (request->token));
  if (g_strcmp0 (request->api, "oauth2") != 0)
    g_ptr_array_add (self->request_lines, describe_request (request, endpoint));
}

static gboolean
check_contract (Mp2FakeGoogle  *self,
                Mp2FakeRequest *request)
{
  Mp2FakeContract *contract = g_strcmp0 (request->api, "gmail") == 0 ? self->gmail_contract
                                                                     : self->calendar_contract;
  g_autofree char *violation = NULL;

  if (g_strcmp0 (request->api, "oauth2") == 0)
    return TRUE;

  violation = parse_body (request);
  if (violation == NULL)
    mp2_fake_contract_check (contract, request, &violation);
  if (violation == NULL)
    return TRUE;

  mp2_fake_google_record_violation (self, request, violation);
  mp2_fake_reply_error (request, 400, "invalid", violation);

  return FALSE;
}

/* An API call needs a valid access token with one of the method's scopes. */
static gboolean
check_token (Mp2FakeGoogle  *self,
             Mp2FakeRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);
  Mp2FakeContract *contract = g_strcmp0 (request->api, "gmail") == 0 ? self->gmail_contract
                                                                     : self->calendar_contract;
  gboolean expired = FALSE;
  const char *scopes = NULL;

  if (g_strcmp0 (request->api, "oauth2") == 0)
    return TRUE;

  scopes = mp2_fake_oauth_check_token (self->oauth, request->token, &expired);
  if (request->token == NULL)
    {
      mp2_fake_google_record_violation (self, request, "no Authorization: Bearer token");
      mp2_fake_reply_error (request, 401, "required", "Login Required.");
      return FALSE;
    }
  if (scopes == NULL)
    {
      soup_message_headers_replace (headers, "WWW-Authenticate",
                                    "Bearer realm=\"https://accounts.google.com/\", "
                                    "error=\"invalid_token\"");
      mp2_fake_reply_sample (request, 401,
                             "google_common/error_401_invalid_credentials.docs.json");
      return FALSE;
    }
  if (!mp2_fake_contract_allows_scopes (contract, request->endpoint, scopes))
    {
      mp2_fake_reply_error (request, 403, "insufficientPermissions",
                            "Request had insufficient authentication scopes.");
      return FALSE;
    }

  return TRUE;
}

static void
handle_request (Mp2FakeGoogle  *self,
                Mp2FakeRequest *request)
{
  g_autofree char *violation = route (self, request);
  Mp2FakeHandler handler = NULL;

  count_request (self, request);
  if (violation != NULL)
    {
      mp2_fake_google_record_violation (self, request, violation);
      mp2_fake_reply_error (request, 404, "notFound", violation);
      return;
    }
  if (!check_contract (self, request) || mp2_fake_faults_apply (self, request) ||
      !check_token (self, request))
    return;

  handler = g_hash_table_lookup (self->handlers, request->endpoint);
  if (handler == NULL)
    {
      g_autofree char *what = g_strdup_printf ("%s is in the contract but the fake does not "
                                               "implement it", request->endpoint);

      mp2_fake_google_record_violation (self, request, what);
      mp2_fake_reply_error (request, 501, "notImplemented", what);
      return;
    }

  handler (self, request);
}

static void
forget_delay_cb (SoupServerMessage *msg,
                 gpointer           user_data)
{
  Mp2FakeGoogle *self = user_data;

  g_hash_table_remove (self->delayed, msg);
}

static gboolean
on_delay_timeout_cb (gpointer user_data)
{
  Mp2FakeDelay *delay = user_data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (delay->msg);

  g_hash_table_remove (delay->self->delayed, msg);
  soup_server_message_unpause (msg);

  return G_SOURCE_REMOVE;
}

/* Holds the answer back: the message is paused, never the main loop. */
static void
delay_answer (Mp2FakeGoogle     *self,
              SoupServerMessage *msg,
              guint              milliseconds)
{
  Mp2FakeDelay *delay = g_new0 (Mp2FakeDelay, 1);

  delay->self = self;
  delay->msg = g_object_ref (msg);
  delay->source = g_timeout_source_new (milliseconds);
  g_source_set_callback (delay->source, on_delay_timeout_cb, delay, NULL);
  g_source_set_name (delay->source, "[mp2-fake-google] delayed answer");
  delay->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (forget_delay_cb), self);
  delay->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (forget_delay_cb),
                                             self);
  g_hash_table_replace (self->delayed, msg, delay);
  g_source_attach (delay->source, self->context);
  soup_server_message_pause (msg);
}

static void
on_server_request_cb (SoupServer        *server,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  Mp2FakeGoogle *self = user_data;
  g_autoptr(Mp2FakeRequest) request = make_request (self, msg, path);
  guint delay = 0;

  handle_request (self, request);
  mp2_fake_faults_finish (request);
  if (self->verbose)
    g_printerr ("%s %s -> %u (%s)\n", request->http_method, path,
                soup_server_message_get_status (msg),
                request->endpoint ? request->endpoint : "unknown");

  delay = self->latency_ms + request->delay_ms;
  if (delay > 0)
    delay_answer (self, msg, delay);
}

static gboolean
listen_on (Mp2FakeGoogle *self,
           guint          port,
           GError       **error)
{
  GSList *uris = NULL;

  self->context = g_main_context_ref_thread_default ();
  self->server = soup_server_new ("server-header", "ESF ", NULL);
  soup_server_add_handler (self->server, NULL, on_server_request_cb, self, NULL);
  if (!soup_server_listen_local (self->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (self->server);
  g_assert (uris != NULL);
  self->port = g_uri_get_port (uris->data);
  self->url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return TRUE;
}

/**
 * mp2_fake_google_new_with_port:
 * @port: a port on 127.0.0.1, or 0 for any free one
 *
 * Starts a fake Google in the thread-default main context, with an empty mailbox,
 * the labels of Gmail, and two calendars: the primary one (%MP2_FAKE_GOOGLE_USER_EMAIL,
 * also known as "primary") and %MP2_FAKE_GOOGLE_CALENDAR_ID.
 *
 * Returns: (transfer full): the fake, or %NULL if it cannot listen
 */
Mp2FakeGoogle *
mp2_fake_google_new_with_port (guint    port,
                               GError **error)
{
  g_autoptr(Mp2FakeGoogle) self = g_object_new (MP2_TYPE_FAKE_GOOGLE, NULL);

  if (!listen_on (self, port, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * mp2_fake_google_new:
 *
 * Returns: (transfer full): a fake Google on a free port of 127.0.0.1
 */
Mp2FakeGoogle *
mp2_fake_google_new (GError **error)
{
  return mp2_fake_google_new_with_port (0, error);
}

/**
 * mp2_fake_google_get_url:
 *
 * Returns: "http://127.0.0.1:PORT", without a trailing slash: the value for
 *   MP2_OAUTH_URL, MP2_GMAIL_URL and MP2_CALENDAR_URL
 */
const char *
mp2_fake_google_get_url (Mp2FakeGoogle *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  return self->url;
}

guint
mp2_fake_google_get_port (Mp2FakeGoogle *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);

  return self->port;
}

/**
 * mp2_fake_google_export_environment:
 *
 * Points MP2_OAUTH_URL, MP2_GMAIL_URL and MP2_CALENDAR_URL of this process at the fake.
 */
void
mp2_fake_google_export_environment (Mp2FakeGoogle *self)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  g_setenv ("MP2_OAUTH_URL", self->url, TRUE);
  g_setenv ("MP2_GMAIL_URL", self->url, TRUE);
  g_setenv ("MP2_CALENDAR_URL", self->url, TRUE);
}

/**
 * mp2_fake_google_set_verbose:
 *
 * Whether to print each request and its status on stderr.
 */
void
mp2_fake_google_set_verbose (Mp2FakeGoogle *self,
                             gboolean       verbose)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  self->verbose = verbose;
}

/**
 * mp2_fake_google_set_latency:
 *
 * Adds @milliseconds to the answer of every request from now on.
 */
void
mp2_fake_google_set_latency (Mp2FakeGoogle *self,
                             guint          milliseconds)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  self->latency_ms = milliseconds;
}

/**
 * mp2_fake_google_get_request_count:
 * @pattern: (nullable): a glob on endpoint names ("gmail.users.messages.*",
 *   "oauth2.token"), or %NULL for all; "unknown" counts the requests that matched no
 *   endpoint
 *
 * Returns: how many requests reached those endpoints, faulted ones included
 */
guint
mp2_fake_google_get_request_count (Mp2FakeGoogle *self,
                                   const char    *pattern)
{
  GHashTableIter iter;
  const char *endpoint = NULL;
  gpointer count = NULL;
  guint total = 0;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);

  g_hash_table_iter_init (&iter, self->request_counts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &endpoint, &count))
    if (pattern == NULL || g_pattern_match_simple (pattern, endpoint))
      total += GPOINTER_TO_UINT (count);

  return total;
}

void
mp2_fake_google_reset_request_counts (Mp2FakeGoogle *self)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  g_hash_table_remove_all (self->request_counts);
  g_ptr_array_set_size (self->received_tokens, 0);
  g_ptr_array_set_size (self->request_lines, 0);
}

/**
 * mp2_fake_google_dup_request_lines:
 * @pattern: (nullable): a glob on endpoint names, as for
 *   mp2_fake_google_get_request_count (); %NULL for all
 *
 * The Gmail and Calendar requests received (faulted ones included), since the fake
 * was made or its counts were reset, each as a line: the endpoint, the query as
 * sent and the If-Match header, such as
 * `calendar.events.patch ?sendUpdates=none If-Match: "3483912345679000"`.
 *
 * Returns: (transfer container) (element-type utf8): the lines, in order
 */
GPtrArray *
mp2_fake_google_dup_request_lines (Mp2FakeGoogle *self,
                                   const char    *pattern)
{
  GPtrArray *lines = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->request_lines->len; i++)
    {
      const char *line = g_ptr_array_index (self->request_lines, i);
      g_autofree char *endpoint = g_strndup (line, strcspn (line, " "));

      if (pattern == NULL || g_pattern_match_simple (pattern, endpoint))
        g_ptr_array_add (lines, g_strdup (line));
    }

  return lines;
}

/**
 * mp2_fake_google_get_violations:
 *
 * Returns: (transfer none) (element-type utf8): one line per request that broke the
 *   contract: "GET /gmail/v1/users/me/messages: unknown query parameter 'foo' for …"
 */
GPtrArray *
mp2_fake_google_get_violations (Mp2FakeGoogle *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  return self->violations;
}

/**
 * mp2_fake_google_dup_violations_text:
 *
 * Returns: (transfer full): the violations, one a line; "" when there are none
 */
char *
mp2_fake_google_dup_violations_text (Mp2FakeGoogle *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  for (guint i = 0; i < self->violations->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (self->violations, i));

  return g_string_free (text, FALSE);
}

void
mp2_fake_google_clear_violations (Mp2FakeGoogle *self)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  g_ptr_array_set_size (self->violations, 0);
}

/**
 * mp2_fake_google_get_received_tokens:
 *
 * Returns: (transfer none) (element-type utf8): the bearer tokens the Gmail and
 *   Calendar endpoints received, one per request, in order
 */
GPtrArray *
mp2_fake_google_get_received_tokens (Mp2FakeGoogle *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  return self->received_tokens;
}
