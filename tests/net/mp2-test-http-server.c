/* mp2-test-http-server.c
 *
 * The error bodies are those of ../shared/contracts/samples (Gmail, Calendar, Routes,
 * OAuth), as the real APIs send them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-http-server.h"

#include <stdio.h>
#include <string.h>

typedef struct
{
  const char *name;
  guint       status;
  const char *body;
} CannedError;

static const CannedError canned_errors[] = {
  /* calendar/error_400_time_range_empty.docs.json */
  { "time-range-empty", 400,
    "{\"error\": {\"errors\": [{\"domain\": \"calendar\", \"reason\": \"timeRangeEmpty\","
    " \"message\": \"The specified time range is empty.\", \"locationType\": \"parameter\","
    " \"location\": \"timeMax\"}], \"code\": 400,"
    " \"message\": \"The specified time range is empty.\"}}" },
  /* google_common/error_401_invalid_credentials.docs.json */
  { "invalid-credentials", 401,
    "{\"error\": {\"errors\": [{\"domain\": \"global\", \"reason\": \"authError\","
    " \"message\": \"Invalid Credentials\", \"locationType\": \"header\","
    " \"location\": \"Authorization\"}], \"code\": 401, \"message\": \"Invalid Credentials\"}}" },
  /* a 403 that is a refusal, not a rate limit */
  { "insufficient-permissions", 403,
    "{\"error\": {\"code\": 403, \"message\": \"Request had insufficient authentication"
    " scopes.\", \"errors\": [{\"message\": \"Insufficient Permission\", \"domain\":"
    " \"global\", \"reason\": \"insufficientPermissions\"}], \"status\":"
    " \"PERMISSION_DENIED\"}}" },
  /* calendar/error_404_not_found.constructed.json */
  { "not-found", 404,
    "{\"error\": {\"errors\": [{\"domain\": \"global\", \"reason\": \"notFound\","
    " \"message\": \"Not Found\"}], \"code\": 404, \"message\": \"Not Found\"}}" },
  /* calendar/error_409_duplicate_id.constructed.json */
  { "duplicate", 409,
    "{\"error\": {\"errors\": [{\"domain\": \"global\", \"reason\": \"duplicate\","
    " \"message\": \"The requested identifier already exists.\"}], \"code\": 409,"
    " \"message\": \"The requested identifier already exists.\"}}" },
  /* calendar/error_410_full_sync_required.assembled.json */
  { "full-sync-required", 410,
    "{\"error\": {\"errors\": [{\"domain\": \"calendar\", \"reason\": \"fullSyncRequired\","
    " \"message\": \"Sync token is no longer valid, a full sync is required.\","
    " \"locationType\": \"parameter\", \"location\": \"syncToken\"}], \"code\": 410,"
    " \"message\": \"Sync token is no longer valid, a full sync is required.\"}}" },
  /* calendar/error_412_precondition_failed.constructed.json */
  { "condition-not-met", 412,
    "{\"error\": {\"errors\": [{\"domain\": \"global\", \"reason\": \"conditionNotMet\","
    " \"message\": \"Precondition Failed\", \"locationType\": \"header\","
    " \"location\": \"If-Match\"}], \"code\": 412, \"message\": \"Precondition Failed\"}}" },
  /* oauth/error_400_invalid_grant_revoked.observed.json */
  { "invalid-grant", 400,
    "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or"
    " revoked.\"}" },
  /* routes/error_429_resource_exhausted.constructed.json: no errors[], an ErrorInfo */
  { "routes-exhausted", 429,
    "{\"error\": {\"code\": 429, \"message\": \"Quota exceeded for quota metric 'Compute"
    " Routes requests'.\", \"status\": \"RESOURCE_EXHAUSTED\", \"details\": [{\"@type\":"
    " \"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": \"RATE_LIMIT_EXCEEDED\","
    " \"domain\": \"googleapis.com\"}]}}" },
  /* google_common/error_429_resource_exhausted_with_details.observed.json */
  { "quota-failure", 429,
    "{\"error\": {\"code\": 429, \"message\": \"Resource has been exhausted (e.g. check"
    " quota).\", \"status\": \"RESOURCE_EXHAUSTED\", \"details\": [{\"@type\":"
    " \"type.googleapis.com/google.rpc.QuotaFailure\", \"violations\": [{\"subject\":"
    " \"QUOTA_EXCEEDED\", \"description\": \"FBS quota limit exceeded\"}]}]}}" },
};

/* gmail/error_403_queries_per_minute_per_user.assembled.json: a rate limit whose status
 * says PERMISSION_DENIED */
static const char gmail_usage_limits[] =
  "{\"error\": {\"code\": 403, \"message\": \"Quota exceeded for quota metric 'Queries' and"
  " limit 'Queries per minute per user'.\", \"errors\": [{\"message\": \"Quota exceeded\","
  " \"domain\": \"usageLimits\", \"reason\": \"rateLimitExceeded\"}], \"status\":"
  " \"PERMISSION_DENIED\"}}";

/* calendar/error_403_user_rate_limit_exceeded.docs.json */
static const char calendar_user_rate[] =
  "{\"error\": {\"errors\": [{\"domain\": \"usageLimits\", \"reason\":"
  " \"userRateLimitExceeded\", \"message\": \"User Rate Limit Exceeded\"}], \"code\": 403,"
  " \"message\": \"User Rate Limit Exceeded\"}}";

static const char backend_error[] =
  "{\"error\": {\"code\": 503, \"message\": \"The service is currently unavailable.\","
  " \"errors\": [{\"message\": \"Backend Error\", \"domain\": \"global\", \"reason\":"
  " \"backendError\"}], \"status\": \"UNAVAILABLE\"}}";

static const char ok_body[] = "{\"ok\": true, \"items\": [1, 2, 3]}";

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, body,
                                      strlen (body));
}

static void
respond_json (SoupServerMessage *message,
              guint              status,
              const char        *body)
{
  respond (message, status, "application/json; charset=UTF-8", body);
}

static guint
count_hit (Mp2TestHttpServer *self,
           const char        *path)
{
  guint hits = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path)) + 1;

  g_hash_table_insert (self->hits, g_strdup (path), GUINT_TO_POINTER (hits));

  return hits;
}

static void
remember_request (Mp2TestHttpServer *self,
                  SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (self->arrivals, now);
  g_free (self->last_method);
  self->last_method = g_strdup (soup_server_message_get_method (message));
  g_free (self->last_query);
  self->last_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = soup_message_headers_ref (
    soup_server_message_get_request_headers (message));
  g_clear_pointer (&self->last_body, g_bytes_unref);
  self->last_body = soup_message_body_flatten (body);
}

static char *
build_echo (SoupServerMessage *message,
            GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_autoptr(JsonNode) root = NULL;
  const char *names[] = { "Content-Type", "X-Request-Id", "Accept", "Authorization" };
  const char *members[] = { "content_type", "request_id", "accept", "authorization" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, soup_server_message_get_method (message));
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, text);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, members[i]);
      json_builder_add_string_value (builder, soup_message_headers_get_one (headers, names[i]));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* /secret: a 400 whose JSON repeats the request's secrets, as careless servers do. */
static char *
build_secret_echo (SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");

  return g_strdup_printf ("{\"error\": {\"code\": 400, \"message\": \"Bad credentials: %s\","
                          " \"errors\": [{\"reason\": \"badRequest\", \"domain\": \"global\","
                          " \"message\": \"%s\"}]},"
                          " \"access_token\": \"SECRET-ECHO-11\", \"apiKey\": \"SECRET-ECHO-12\","
                          " \"nested\": [{\"refresh_token\": \"SECRET-ECHO-13\"}]}",
                          authorization ? authorization : "",
                          authorization ? authorization : "");
}

static gboolean
handle_canned (SoupServerMessage *message,
               const char        *path)
{
  if (!g_str_has_prefix (path, "/google/"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (canned_errors); i++)
    {
      if (g_str_equal (path + strlen ("/google/"), canned_errors[i].name))
        {
          respond_json (message, canned_errors[i].status, canned_errors[i].body);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
handle_fail (SoupServerMessage *message,
             const char        *path,
             guint              hits)
{
  guint status = 0;
  guint times = 0;

  if (sscanf (path, "/fail/%u/%u", &status, &times) == 2)
    {
      if (hits <= times)
        respond_json (message, status, backend_error);
      else
        respond_json (message, SOUP_STATUS_OK, ok_body);
      return TRUE;
    }

  if (sscanf (path, "/always/%u", &status) == 1)
    {
      respond_json (message, status, backend_error);
      return TRUE;
    }

  return FALSE;
}

static void
answer_retry_after (SoupServerMessage *message,
                    const char        *retry_after)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Retry-After", retry_after);
  respond_json (message, 429, canned_errors[8].body);
}

static gboolean
handle_retry_after (SoupServerMessage *message,
                    const char        *path,
                    guint              hits)
{
  if (g_str_equal (path, "/retry-after/long"))
    {
      answer_retry_after (message, "3600");
    }
  else if (g_str_has_prefix (path, "/retry-after/") && hits > 1)
    {
      respond_json (message, SOUP_STATUS_OK, ok_body);
    }
  else if (g_str_equal (path, "/retry-after/seconds"))
    {
      answer_retry_after (message, "1");
    }
  else if (g_str_equal (path, "/retry-after/date"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 2);
      g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

      answer_retry_after (message, date);
    }
  else
    {
      return FALSE;
    }

  return TRUE;
}

static gboolean
handle_once (Mp2TestHttpServer *self,
             SoupServerMessage *message,
             const char        *path,
             guint              hits)
{
  if (g_str_equal (path, "/hang") || (g_str_equal (path, "/hang-once") && hits == 1))
    {
      soup_server_message_pause (message);
      g_ptr_array_add (self->paused, g_object_ref (message));
    }
  else if (g_str_equal (path, "/usage-limits-once") && hits == 1)
    {
      respond_json (message, SOUP_STATUS_FORBIDDEN, gmail_usage_limits);
    }
  else if (g_str_equal (path, "/user-rate-once") && hits == 1)
    {
      respond_json (message, SOUP_STATUS_FORBIDDEN, calendar_user_rate);
    }
  else if (g_str_equal (path, "/hang-once") || g_str_equal (path, "/usage-limits-once")
           || g_str_equal (path, "/user-rate-once"))
    {
      respond_json (message, SOUP_STATUS_OK, ok_body);
    }
  else
    {
      return FALSE;
    }

  return TRUE;
}

static void
handle_plain (Mp2TestHttpServer *self,
              SoupServerMessage *message,
              const char        *path)
{
  if (g_str_equal (path, "/ok"))
    {
      respond_json (message, SOUP_STATUS_OK, ok_body);
    }
  else if (g_str_equal (path, "/empty"))
    {
      respond (message, SOUP_STATUS_NO_CONTENT, NULL, NULL);
    }
  else if (g_str_equal (path, "/echo"))
    {
      g_autofree char *echo = build_echo (message, self->last_body);

      respond_json (message, SOUP_STATUS_OK, echo);
    }
  else if (g_str_equal (path, "/truncated"))
    {
      respond_json (message, SOUP_STATUS_OK, "{\"messages\": [{\"id\": \"18c1");
    }
  else if (g_str_equal (path, "/html"))
    {
      respond (message, SOUP_STATUS_OK, "text/html",
               "<html><body>Sign in to the station's Wi-Fi</body></html>");
    }
  else if (g_str_equal (path, "/health"))
    {
      if (self->healthy)
        respond_json (message, SOUP_STATUS_OK, ok_body);
      else
        respond_json (message, SOUP_STATUS_SERVICE_UNAVAILABLE, backend_error);
    }
  else if (g_str_equal (path, "/secret"))
    {
      g_autofree char *echo = build_secret_echo (message);

      respond_json (message, SOUP_STATUS_BAD_REQUEST, echo);
    }
  else if (g_str_equal (path, "/token"))
    {
      respond_json (message, SOUP_STATUS_OK,
                    "{\"access_token\": \"SECRET-SUCCESS-14\", \"expires_in\": 3599,"
                    " \"token_type\": \"Bearer\"}");
    }
  else
    {
      respond_json (message, SOUP_STATUS_NOT_FOUND, canned_errors[3].body);
    }
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Mp2TestHttpServer *self = user_data;
  guint hits = count_hit (self, path);

  remember_request (self, message);

  if (handle_canned (message, path) || handle_fail (message, path, hits)
      || handle_retry_after (message, path, hits) || handle_once (self, message, path, hits))
    return;

  handle_plain (self, message, path);
}

/**
 * mp2_test_http_server_new:
 *
 * Starts a server on 127.0.0.1, on a port the system chooses, healthy.
 *
 * Returns: (transfer full): the server
 */
Mp2TestHttpServer *
mp2_test_http_server_new (void)
{
  Mp2TestHttpServer *self = g_new0 (Mp2TestHttpServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new ("server-header", "mp2-test", NULL);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->arrivals = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->paused = g_ptr_array_new_with_free_func (g_object_unref);
  self->healthy = TRUE;

  soup_server_add_handler (self->server, NULL, on_request_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return self;
}

/**
 * mp2_test_http_server_free:
 * @self: (transfer full): a server
 *
 * Stops the server, answering what it left hanging.
 */
void
mp2_test_http_server_free (Mp2TestHttpServer *self)
{
  for (guint i = 0; i < self->paused->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (self->paused, i);

      respond_json (message, SOUP_STATUS_OK, ok_body);
      soup_server_message_unpause (message);
    }

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_ptr_array_unref (self->paused);
  g_hash_table_unref (self->hits);
  g_array_unref (self->arrivals);
  g_free (self->last_method);
  g_free (self->last_query);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_clear_pointer (&self->last_body, g_bytes_unref);
  g_free (self->base);
  g_free (self);
}

/**
 * mp2_test_http_server_url:
 * @self: a server
 * @path: a path starting with `/`
 *
 * Returns: (transfer full): the address of @path on the server
 */
char *
mp2_test_http_server_url (Mp2TestHttpServer *self,
                          const char        *path)
{
  return g_strconcat (self->base, path, NULL);
}

/**
 * mp2_test_http_server_hits:
 * @self: a server
 * @path: a path
 *
 * Returns: how many requests for @path arrived
 */
guint
mp2_test_http_server_hits (Mp2TestHttpServer *self,
                           const char        *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
}

/* The network monitor --------------------------------------------------------------- */

struct _Mp2TestNetworkMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum
{
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static void mp2_test_network_monitor_iface_init (GNetworkMonitorInterface *iface);
static void mp2_test_network_monitor_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2TestNetworkMonitor, mp2_test_network_monitor,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      mp2_test_network_monitor_initable_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      mp2_test_network_monitor_iface_init))

static void
mp2_test_network_monitor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  Mp2TestNetworkMonitor *self = MP2_TEST_NETWORK_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_test_network_monitor_class_init (Mp2TestNetworkMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mp2_test_network_monitor_get_property;

  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
mp2_test_network_monitor_init (Mp2TestNetworkMonitor *self)
{
}

static gboolean
mp2_test_network_monitor_can_reach (GNetworkMonitor     *monitor,
                                    GSocketConnectable  *connectable,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  if (MP2_TEST_NETWORK_MONITOR (monitor)->available)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "offline");
  return FALSE;
}

static void
mp2_test_network_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = mp2_test_network_monitor_can_reach;
}

static gboolean
mp2_test_network_monitor_initable (GInitable     *initable,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  return TRUE;
}

static void
mp2_test_network_monitor_initable_init (GInitableIface *iface)
{
  iface->init = mp2_test_network_monitor_initable;
}

/**
 * mp2_test_network_monitor_new:
 * @available: whether the network is there to begin with
 *
 * Returns: (transfer full): a monitor that says what it is told
 */
GNetworkMonitor *
mp2_test_network_monitor_new (gboolean available)
{
  Mp2TestNetworkMonitor *self = g_object_new (MP2_TYPE_TEST_NETWORK_MONITOR, NULL);

  self->available = available;

  return G_NETWORK_MONITOR (self);
}

/**
 * mp2_test_network_monitor_set_available:
 * @self: a monitor
 * @available: whether the network is there
 *
 * Changes the availability and says so as GIO's monitors do: a notification and
 * #GNetworkMonitor::network-changed.
 */
void
mp2_test_network_monitor_set_available (Mp2TestNetworkMonitor *self,
                                        gboolean               available)
{
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}
