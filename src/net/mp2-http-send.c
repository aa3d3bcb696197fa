/* mp2-http-send.c
 *
 * One request from mp2_http_client_send_async() to its answer. Each attempt goes
 * through the same steps, every wait a main-loop source that the request's
 * cancellable ends:
 *
 *   network   wait while offline, at most the request's timeout  -> OFFLINE
 *   breaker   fail at once while the host's breaker is open      -> CIRCUIT_OPEN
 *   token     wait in line for a token of the request's API
 *   send      within the timeout, body included                  -> TIMEOUT, NETWORK
 *   answer    2xx: done; a retryable failure: back off, then the next attempt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-net"

#include "config.h"

#include "mp2-http-client.h"

#include <string.h>

#include "mp2-http-private.h"

/* the most of an error body that reaches the log */
#define MAX_LOGGED_BODY 2048

typedef enum
{
  PHASE_NETWORK,
  PHASE_TOKEN,
  PHASE_SENDING,
  PHASE_BACKOFF,
} Phase;

typedef struct
{
  Mp2HttpRequest  *request;
  GUri            *uri;             /* with the query */
  char            *log_uri;         /* redacted */
  char            *request_id;
  GBytes          *body;
  const char      *content_type;
  GPtrArray       *secret_values;
  guint            timeout;         /* seconds */
  Phase            phase;
  guint            attempts;        /* sent so far */
  gint64           sent_at;         /* of the current attempt, monotonic µs */
  gboolean         is_probe;
  gboolean         timed_out;
  GCancellable    *attempt_cancellable;
  GSource         *timer;           /* offline deadline, attempt timeout, backoff */
  GSource         *cancel_source;
  Mp2HttpBucket   *bucket;          /* the client's */
  guint64          ticket;
  GNetworkMonitor *monitor;         /* while waiting for the network */
  gulong           network_handler;
  Mp2HttpResponse *response;        /* of the last attempt, if it was answered */
  GError          *last_error;      /* of the last attempt */
} SendData;

static void start_attempt (GTask *task);

static void
send_data_free (gpointer user_data)
{
  SendData *data = user_data;

  g_assert (data->timer == NULL && data->cancel_source == NULL);
  g_assert (data->network_handler == 0);

  mp2_http_request_unref (data->request);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_free (data->log_uri);
  g_free (data->request_id);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_clear_pointer (&data->secret_values, g_ptr_array_unref);
  g_clear_object (&data->attempt_cancellable);
  g_clear_object (&data->monitor);
  g_clear_pointer (&data->response, mp2_http_response_free);
  g_clear_error (&data->last_error);
  g_free (data);
}

static Mp2HttpClient *
get_client (GTask *task)
{
  return g_task_get_source_object (task);
}

static SendData *
get_data (GTask *task)
{
  return g_task_get_task_data (task);
}

static const char *
get_host (SendData *data)
{
  return g_uri_get_host (data->uri);
}

/* A line of the log, with every secret value of the request replaced. */
G_GNUC_PRINTF (2, 3)
static void
log_request (SendData   *data,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  g_autofree char *line = NULL;
  g_autofree char *scrubbed = NULL;
  va_list args;

  /* formatting and scrubbing cost; skip them when nobody reads the debug log */
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* the whole line: a secret value may also sit in a parameter of an ordinary name */
  line = g_strdup_printf ("%s %s [%.8s] %s", data->request->method, data->log_uri,
                          data->request_id, what);
  scrubbed = mp2_http_scrub_values (line, data->secret_values);
  g_debug ("%s", scrubbed);
}

/* Waits -------------------------------------------------------------------------------- */

/* Ends whatever the request was waiting for. */
static void
stop_waiting (SendData *data)
{
  mp2_http_clear_source (&data->timer);
  mp2_http_clear_source (&data->cancel_source);

  if (data->network_handler != 0)
    g_clear_signal_handler (&data->network_handler, data->monitor);
  g_clear_object (&data->monitor);

  if (data->ticket != 0)
    {
      mp2_http_bucket_cancel (data->bucket, data->ticket);
      data->ticket = 0;
    }
}

static void
return_error (GTask  *task,
              GError *error)
{
  Mp2HttpClient *client = get_client (task);
  SendData *data = get_data (task);

  stop_waiting (data);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    client->stats.failures++;

  log_request (data, "failed after %u attempt(s): %s", data->attempts, error->message);
  g_task_return_error (task, error);
}

static void
return_cancelled (GTask *task)
{
  GError *error = NULL;

  g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error);
  g_assert (error != NULL);
  return_error (task, error);
}

static gboolean
on_cancelled_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  GTask *task = user_data;
  SendData *data = get_data (task);

  if (data->phase == PHASE_SENDING)
    {
      /* libsoup ends the attempt; on_sent_cb() reports it */
      mp2_http_clear_source (&data->cancel_source);
      g_cancellable_cancel (data->attempt_cancellable);
    }
  else
    {
      return_cancelled (task);
      g_object_unref (task);
    }

  return G_SOURCE_REMOVE;
}

/* The request's cancellable ends the current wait at once. The task holds a
 * reference to itself while it waits. */
static void
watch_cancellable (GTask *task,
                   Phase  phase)
{
  SendData *data = get_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  data->phase = phase;
  if (cancellable == NULL)
    return;

  data->cancel_source = g_cancellable_source_new (cancellable);
  g_source_set_callback (data->cancel_source, G_SOURCE_FUNC (on_cancelled_cb), task, NULL);
  g_source_set_static_name (data->cancel_source, "[mp2-net] cancelled");
  g_source_attach (data->cancel_source, get_client (task)->context);
}

/* The breaker ------------------------------------------------------------------------ */

/* The breaker does not let the attempt through. A retry ends with its last
 * attempt's error, which says more than "circuit open". */
static void
refuse (GTask *task)
{
  SendData *data = get_data (task);
  Mp2HttpBreaker *breaker = mp2_http_client_get_breaker (get_client (task), get_host (data));

  if (data->last_error != NULL)
    {
      log_request (data, "not retried: the circuit breaker of %s is open", get_host (data));
      return_error (task, g_steal_pointer (&data->last_error));
      return;
    }

  g_clear_pointer (&data->response, mp2_http_response_free);
  return_error (task, mp2_http_error_circuit_open (get_host (data),
                                                   mp2_http_breaker_get_seconds_left (breaker)));
}

/* Sending ---------------------------------------------------------------------------- */

static void on_sent_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data);

static gboolean
on_attempt_timeout_cb (gpointer user_data)
{
  SendData *data = get_data (user_data);

  mp2_http_clear_source (&data->timer);
  data->timed_out = TRUE;
  g_cancellable_cancel (data->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

static SoupMessage *
build_message (SendData *data)
{
  SoupMessage *message = soup_message_new_from_uri (data->request->method, data->uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (headers, "Accept", "application/json");
  mp2_http_request_apply_headers (data->request, headers);
  soup_message_headers_replace (headers, "X-Request-Id", data->request_id);

  if (data->body != NULL)
    soup_message_set_request_body_from_bytes (message, data->content_type, data->body);

  return message;
}

static void
send_attempt (GTask *task)
{
  Mp2HttpClient *client = get_client (task);
  SendData *data = get_data (task);
  g_autoptr(SoupMessage) message = build_message (data);

  data->attempts++;
  client->stats.requests++;
  log_request (data, "attempt %u of %u%s, X-Request-Id %s", data->attempts,
               client->max_attempts, data->is_probe ? " (probe of the circuit breaker)" : "",
               data->request_id);

  g_clear_object (&data->attempt_cancellable);
  data->attempt_cancellable = g_cancellable_new ();
  data->timed_out = FALSE;
  data->sent_at = g_get_monotonic_time ();
  data->timer = mp2_http_timeout_new (client->context, data->timeout * 1000,
                                      on_attempt_timeout_cb, task);
  watch_cancellable (task, PHASE_SENDING);

  soup_session_send_and_read_async (client->session, message, G_PRIORITY_DEFAULT,
                                    data->attempt_cancellable, on_sent_cb,
                                    g_object_ref (task));
}

static void
after_token (GTask *task)
{
  SendData *data = get_data (task);
  Mp2HttpBreaker *breaker = mp2_http_client_get_breaker (get_client (task), get_host (data));

  if (!mp2_http_breaker_begin (breaker, &data->is_probe))
    {
      refuse (task);
      return;
    }

  send_attempt (task);
}

static void
on_token_granted_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = get_data (task);

  data->ticket = 0;
  stop_waiting (data);
  after_token (task);
}

static void
after_network (GTask *task)
{
  Mp2HttpClient *client = get_client (task);
  SendData *data = get_data (task);
  Mp2HttpBreaker *breaker = mp2_http_client_get_breaker (client, get_host (data));

  /* fail at once rather than wait in line for a token first */
  if (!mp2_http_breaker_would_allow (breaker))
    {
      refuse (task);
      return;
    }

  data->bucket = mp2_http_client_get_bucket (client, data->request->api);
  if (data->bucket == NULL
      || mp2_http_bucket_take (data->bucket, on_token_granted_cb, task, &data->ticket))
    {
      after_token (task);
      return;
    }

  log_request (data, "waits for a token of %s", data->request->api);
  g_object_ref (task);
  watch_cancellable (task, PHASE_TOKEN);
}

/* The network ------------------------------------------------------------------------ */

static void
on_network_changed_cb (GNetworkMonitor *monitor,
                       gboolean         available,
                       gpointer         user_data)
{
  GTask *task = user_data;
  SendData *data = get_data (task);

  if (!mp2_http_client_is_online_for (get_client (task), get_host (data)))
    return;

  log_request (data, "the network is back");
  stop_waiting (data);
  after_network (task);
  g_object_unref (task);
}

static gboolean
on_offline_deadline_cb (gpointer user_data)
{
  GTask *task = user_data;
  SendData *data = get_data (task);

  g_clear_pointer (&data->response, mp2_http_response_free);
  return_error (task, mp2_http_error_offline (get_host (data)));
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
start_attempt (GTask *task)
{
  Mp2HttpClient *client = get_client (task);
  SendData *data = get_data (task);

  if (mp2_http_client_is_online_for (client, get_host (data)))
    {
      after_network (task);
      return;
    }

  log_request (data, "waits up to %u s for the network", data->timeout);
  g_object_ref (task);
  data->monitor = g_object_ref (client->monitor);
  data->network_handler = g_signal_connect (data->monitor, "network-changed",
                                            G_CALLBACK (on_network_changed_cb), task);
  data->timer = mp2_http_timeout_new (client->context, data->timeout * 1000,
                                      on_offline_deadline_cb, task);
  watch_cancellable (task, PHASE_NETWORK);
}

/* Backing off ------------------------------------------------------------------------ */

static gboolean
on_backoff_done_cb (gpointer user_data)
{
  GTask *task = user_data;

  stop_waiting (get_data (task));
  start_attempt (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

/* Full jitter: a random time in [0, min(cap, base × 2ⁿ)] before retry n. */
static guint
compute_backoff (Mp2HttpClient *client,
                 guint          retry)
{
  guint64 ceiling = client->base_ms;

  for (guint i = 0; i < retry && ceiling < client->cap_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, client->cap_ms);

  if (ceiling == 0)
    return 0;

  return (guint) g_random_int_range (0, (gint32) MIN (ceiling, G_MAXINT32 - 1) + 1);
}

/* After a failure that another attempt may cure: the next attempt after a backoff or
 * the Retry-After, or the end. Takes @error. */
static void
retry_or_fail (GTask  *task,
               GError *error)
{
  Mp2HttpClient *client = get_client (task);
  SendData *data = get_data (task);
  gint64 retry_after = -1;
  guint delay_ms;

  if (!mp2_http_request_is_retryable (data->request) || data->attempts >= client->max_attempts)
    {
      return_error (task, error);
      return;
    }

  if (data->response != NULL)
    retry_after = mp2_http_response_get_retry_after (data->response);
  if (retry_after > (gint64) client->max_retry_after)
    {
      log_request (data, "not retried: Retry-After asks for %" G_GINT64_FORMAT " s", retry_after);
      return_error (task, error);
      return;
    }

  delay_ms = retry_after >= 0 ? (guint) retry_after * 1000
                              : compute_backoff (client, data->attempts - 1);
  client->stats.retries++;
  log_request (data, "retried in %u ms%s", delay_ms, retry_after >= 0 ? " (Retry-After)" : "");

  g_clear_error (&data->last_error);
  data->last_error = error;
  g_object_ref (task);
  data->timer = mp2_http_timeout_new (client->context, delay_ms, on_backoff_done_cb, task);
  watch_cancellable (task, PHASE_BACKOFF);
}

/* The answer ------------------------------------------------------------------------- */

static void
log_error_body (SendData        *data,
                Mp2HttpResponse *response)
{
  g_autofree char *text = NULL;

  if (response->json == NULL)
    {
      log_request (data, "error body: %zu bytes, not JSON, not logged",
                   g_bytes_get_size (response->body));
      return;
    }

  text = mp2_http_redact_json (response->json, data->request->secrets);
  if (strlen (text) > MAX_LOGGED_BODY)
    strcpy (text + MAX_LOGGED_BODY - 4, "…");
  log_request (data, "error body: %s", text);
}

static void
handle_transport_error (GTask        *task,
                        const GError *soup_error)
{
  SendData *data = get_data (task);
  Mp2HttpBreaker *breaker = mp2_http_client_get_breaker (get_client (task), get_host (data));
  GError *error;

  g_clear_pointer (&data->response, mp2_http_response_free);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      mp2_http_breaker_abandoned (breaker, data->is_probe);
      return_cancelled (task);
      return;
    }

  mp2_http_breaker_failed (breaker, data->is_probe);
  error = mp2_http_error_for_transport (soup_error, get_host (data), data->timed_out,
                                        data->timeout);
  log_request (data, "no answer: %s", data->timed_out ? "timed out" : soup_error->message);

  if (g_error_matches (soup_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return_error (task, error);
  else
    retry_or_fail (task, error);
}

static void
handle_answer (GTask           *task,
               Mp2HttpResponse *response,
               GError          *json_error)
{
  Mp2HttpClient *client = get_client (task);
  SendData *data = get_data (task);
  Mp2HttpBreaker *breaker = mp2_http_client_get_breaker (client, get_host (data));
  gboolean server_error = SOUP_STATUS_IS_SERVER_ERROR (response->status);

  if (server_error)
    mp2_http_breaker_failed (breaker, data->is_probe);
  else
    mp2_http_breaker_succeeded (breaker, data->is_probe);

  g_clear_pointer (&data->response, mp2_http_response_free);
  data->response = response;

  if (SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      if (json_error != NULL)
        {
          log_request (data, "the body is not JSON: %s", json_error->message);
          return_error (task, mp2_http_error_bad_response (get_host (data)));
          return;
        }

      stop_waiting (data);
      g_task_return_pointer (task, g_steal_pointer (&data->response),
                             (GDestroyNotify) mp2_http_response_free);
      return;
    }

  log_error_body (data, response);

  if (mp2_http_response_is_rate_limit (response))
    {
      client->stats.rate_limited++;
      retry_or_fail (task, mp2_http_error_for_response (response, get_host (data)));
    }
  else if (server_error)
    {
      retry_or_fail (task, mp2_http_error_for_response (response, get_host (data)));
    }
  else
    {
      return_error (task, mp2_http_error_for_response (response, get_host (data)));
    }
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2HttpClient *client = get_client (task);
  SendData *data = get_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) json_error = NULL;
  Mp2HttpResponse *response;
  double latency_ms;

  stop_waiting (data);
  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      handle_transport_error (task, error);
      return;
    }

  latency_ms = (double) (g_get_monotonic_time () - data->sent_at) / 1000.0;
  mp2_http_client_count_answer (client, latency_ms);
  response = mp2_http_response_new_from_message (message, body, data->request_id,
                                                 data->attempts, &json_error);
  log_request (data, "%u %s in %.0f ms (attempt %u)", response->status,
               soup_message_get_reason_phrase (message), latency_ms, data->attempts);
  handle_answer (task, response, json_error);
}

/* The request ------------------------------------------------------------------------ */

static gboolean
check_uri (Mp2HttpClient  *client,
           SendData       *data,
           const char     *uri,
           GError        **error)
{
  g_autofree char *redacted = mp2_http_redact_uri (uri, data->request->secrets);
  const char *scheme;

  data->uri = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);
  if (data->uri == NULL || g_uri_get_host (data->uri) == NULL
      || *g_uri_get_host (data->uri) == '\0')
    {
      g_propagate_error (error, mp2_http_error_invalid_uri (redacted));
      return FALSE;
    }

  scheme = g_uri_get_scheme (data->uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0 && client->allow_http
      && mp2_http_host_is_loopback (g_uri_get_host (data->uri)))
    return TRUE;

  g_propagate_error (error, mp2_http_error_insecure (redacted));
  return FALSE;
}

static SendData *
send_data_new (Mp2HttpClient  *client,
               Mp2HttpRequest *request)
{
  SendData *data = g_new0 (SendData, 1);
  const char *request_id = mp2_http_request_find_header (request, "X-Request-Id");
  g_autofree char *uri = mp2_http_request_build_uri (request);

  data->request = mp2_http_request_ref (request);
  data->log_uri = mp2_http_redact_uri (uri, request->secrets);
  data->request_id = request_id ? g_strdup (request_id) : g_uuid_string_random ();
  data->body = mp2_http_request_build_body (request, &data->content_type);
  data->secret_values = mp2_http_request_secret_values (request);
  data->timeout = request->timeout ? request->timeout : client->default_timeout;

  return data;
}

/**
 * mp2_http_client_send_async:
 * @self: a client
 * @request: the request
 * @cancellable: (nullable): cancels the request, whatever it is waiting for
 * @callback: called with the outcome
 * @user_data: data for @callback
 *
 * Sends @request, retrying it as the client's policy says (see the description of
 * #Mp2HttpClient). @request may be reused once this has returned: what it says is
 * read here.
 */
void
mp2_http_client_send_async (Mp2HttpClient       *self,
                            Mp2HttpRequest      *request,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *uri = NULL;
  GError *error = NULL;
  SendData *data;

  g_return_if_fail (MP2_IS_HTTP_CLIENT (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_http_client_send_async);
  g_task_set_name (task, "[mp2-net] send");
  data = send_data_new (self, request);
  g_task_set_task_data (task, data, send_data_free);

  uri = mp2_http_request_build_uri (request);
  if (!check_uri (self, data, uri, &error))
    {
      return_error (task, error);
      return;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      return_cancelled (task);
      return;
    }

  start_attempt (task);
}

/**
 * mp2_http_client_send_finish:
 * @self: a client
 * @result: the result given to the callback
 * @response_out: (out) (optional) (nullable) (transfer full): on failure, the last
 *   answer when there was one (its status, headers, body, JSON and the Google
 *   reason); %NULL on success, and when no answer came
 * @error: the error: an %MP2_HTTP_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Finishes mp2_http_client_send_async(). Every 2xx is a success (a 204 without a
 * body too: its @json is %NULL); a 2xx whose body is not JSON is
 * %MP2_HTTP_ERROR_BAD_RESPONSE; any other status is an error whose code follows
 * the status (see #Mp2HttpError), with the answer in @response_out.
 *
 * Returns: (transfer full) (nullable): the response, or %NULL with @error set
 */
Mp2HttpResponse *
mp2_http_client_send_finish (Mp2HttpClient    *self,
                             GAsyncResult     *result,
                             Mp2HttpResponse **response_out,
                             GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  Mp2HttpResponse *response;
  SendData *data;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_http_client_send_async,
                        NULL);

  if (response_out != NULL)
    *response_out = NULL;

  response = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (response != NULL)
    return response;

  data = get_data (G_TASK (result));
  if (response_out != NULL
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    *response_out = g_steal_pointer (&data->response);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}
