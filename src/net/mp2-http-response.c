/* mp2-http-response.c
 *
 * What came back: status, headers, body, the body as JSON, and the reason of a Google
 * error envelope. Every member of an envelope is optional (Gmail sends `errors[]` and
 * `status`, Calendar `errors[]` only, Routes `status` and `details[]`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-net"

#include "config.h"

#include "mp2-http-client.h"

#include <string.h>

#include "mp2-http-private.h"

G_DEFINE_BOXED_TYPE (Mp2HttpResponse, mp2_http_response,
                     mp2_http_response_copy, mp2_http_response_free)

/**
 * mp2_http_response_free:
 * @self: (transfer full) (nullable): a response
 *
 * Frees @self.
 */
void
mp2_http_response_free (Mp2HttpResponse *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->headers, soup_message_headers_unref);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->json, json_node_unref);
  g_free (self->reason);
  g_free (self->request_id);
  g_free (self);
}

/**
 * mp2_http_response_copy:
 * @self: a response
 *
 * Returns: (transfer full): a copy of @self sharing its headers, body and JSON
 */
Mp2HttpResponse *
mp2_http_response_copy (const Mp2HttpResponse *self)
{
  Mp2HttpResponse *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (Mp2HttpResponse, 1);
  copy->status = self->status;
  copy->headers = self->headers ? soup_message_headers_ref (self->headers) : NULL;
  copy->body = self->body ? g_bytes_ref (self->body) : NULL;
  copy->json = self->json ? json_node_ref (self->json) : NULL;
  copy->reason = g_strdup (self->reason);
  copy->attempts = self->attempts;
  copy->request_id = g_strdup (self->request_id);

  return copy;
}

/**
 * mp2_http_response_get_object:
 * @self: a response
 *
 * Returns: (transfer none) (nullable): the body when it is a JSON object
 */
JsonObject *
mp2_http_response_get_object (Mp2HttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->json == NULL || !JSON_NODE_HOLDS_OBJECT (self->json))
    return NULL;

  return json_node_get_object (self->json);
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
get_array_object (JsonObject *object,
                  const char *name,
                  guint       index)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  if (index >= json_array_get_length (array))
    return NULL;

  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The `error` object of a Google envelope. */
static JsonObject *
get_envelope (Mp2HttpResponse *self)
{
  return get_object_member (mp2_http_response_get_object (self), "error");
}

/* The reason of an ErrorInfo in details[] (Routes and other proto-native APIs). */
static const char *
find_detail_reason (JsonObject *envelope)
{
  for (guint i = 0; ; i++)
    {
      JsonObject *detail = get_array_object (envelope, "details", i);
      const char *type;

      if (detail == NULL)
        return NULL;

      type = get_string_member (detail, "@type");
      if (type != NULL && g_str_has_suffix (type, "google.rpc.ErrorInfo")
          && get_string_member (detail, "reason") != NULL)
        return get_string_member (detail, "reason");
    }
}

/* errors[0].reason, else an ErrorInfo's reason, else status; for an OAuth 2.0 token
 * error ({"error": "invalid_grant"}) its code. */
static char *
find_reason (Mp2HttpResponse *self)
{
  JsonObject *envelope = get_envelope (self);
  const char *reason;

  if (envelope == NULL)
    return g_strdup (get_string_member (mp2_http_response_get_object (self), "error"));

  reason = get_string_member (get_array_object (envelope, "errors", 0), "reason");
  if (reason == NULL)
    reason = find_detail_reason (envelope);
  if (reason == NULL)
    reason = get_string_member (envelope, "status");

  return g_strdup (reason);
}

/**
 * mp2_http_response_get_error_message:
 * @self: a response
 *
 * The server's own explanation, in English, for a log or a detail view: a Google
 * envelope's `error.message`, an OAuth error's `error_description`, or a `message`
 * or `reason` member at the top (OSRM, Open-Meteo).
 *
 * Returns: (nullable): the message
 */
const char *
mp2_http_response_get_error_message (Mp2HttpResponse *self)
{
  JsonObject *object;
  const char *message;

  g_return_val_if_fail (self != NULL, NULL);

  object = mp2_http_response_get_object (self);
  message = get_string_member (get_envelope (self), "message");
  if (message == NULL)
    message = get_string_member (object, "error_description");
  if (message == NULL)
    message = get_string_member (object, "message");
  if (message == NULL)
    message = get_string_member (object, "reason");

  return message;
}

/* Retry-After is delta-seconds or an HTTP-date; -1 when it is neither. */
gint64
mp2_http_parse_retry_after (const char *value,
                            GDateTime  *now)
{
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds = 0;
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return -1;

  stripped = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT32, &seconds, NULL))
    return (gint64) seconds;

  date = soup_date_time_new_from_http_string (stripped);
  if (date == NULL)
    return -1;

  /* rounded up: a wait of 0.4 s is a wait of one second, not none */
  return MAX (0, (g_date_time_difference (date, now) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * mp2_http_response_get_retry_after:
 * @self: a response
 *
 * Reads a `Retry-After` header, in delta-seconds or as an HTTP-date, for a caller
 * that got %MP2_HTTP_ERROR_RATE_LIMITED or %MP2_HTTP_ERROR_SERVER because the wait
 * asked for was longer than the client waits by itself, and wants to schedule the
 * next try.
 *
 * Returns: the seconds to wait from now, or -1 when there is no such header
 */
gint64
mp2_http_response_get_retry_after (Mp2HttpResponse *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (self != NULL, -1);

  if (self->headers == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  return mp2_http_parse_retry_after (soup_message_headers_get_one (self->headers,
                                                                   "Retry-After"),
                                     now);
}

/* 429, or a 403 whose envelope says it is a rate limit rather than a refusal:
 * reason rateLimitExceeded / userRateLimitExceeded, domain usageLimits, or (without
 * errors[]) status RESOURCE_EXHAUSTED. */
gboolean
mp2_http_response_is_rate_limit (Mp2HttpResponse *self)
{
  static const char *reasons[] = {
    "rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED",
  };
  JsonObject *envelope;
  JsonObject *first;

  if (self->status == 429 /* Too Many Requests: libsoup 3.2 has no name for it */)
    return TRUE;
  if (self->status != SOUP_STATUS_FORBIDDEN)
    return FALSE;

  for (guint i = 0; self->reason != NULL && i < G_N_ELEMENTS (reasons); i++)
    {
      if (g_str_equal (self->reason, reasons[i]))
        return TRUE;
    }

  envelope = get_envelope (self);
  first = get_array_object (envelope, "errors", 0);
  if (first != NULL)
    return g_strcmp0 (get_string_member (first, "domain"), "usageLimits") == 0;

  return g_strcmp0 (get_string_member (envelope, "status"), "RESOURCE_EXHAUSTED") == 0;
}

static gboolean
is_empty (GBytes *body)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;

  for (gsize i = 0; i < size; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

static JsonNode *
parse_json (GBytes  *body,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

/* A response from a message that was answered. A body that is there but is not JSON
 * sets @json_error (whatever its Content-Type says: some APIs call JSON text/plain);
 * whether that matters is the caller's business. */
Mp2HttpResponse *
mp2_http_response_new_from_message (SoupMessage  *message,
                                    GBytes       *body,
                                    const char   *request_id,
                                    guint         attempts,
                                    GError      **json_error)
{
  Mp2HttpResponse *self = g_new0 (Mp2HttpResponse, 1);

  self->status = soup_message_get_status (message);
  self->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  self->body = body ? g_bytes_ref (body) : g_bytes_new (NULL, 0);
  self->attempts = attempts;
  self->request_id = g_strdup (request_id);

  if (!is_empty (self->body))
    self->json = parse_json (self->body, json_error);

  if (!SOUP_STATUS_IS_SUCCESSFUL (self->status))
    self->reason = find_reason (self);

  return self;
}
