/* mp2-fake-reply.c
 *
 * Answers of the fake Google: JSON as Google sends it, the contract's sample bodies,
 * the Google error envelope, and the small encodings the services use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-google-private.h"
#include "mp2-fake-google-resources.h"

#include <string.h>

#define RESOURCE_PREFIX "/com/mp2/FakeGoogle/"

/**
 * mp2_fake_lookup_data:
 * @name: a path under tests/data/contracts: "samples/gmail/labels_list.constructed.json"
 *
 * Returns: (transfer full): its bytes, compiled into the fake
 */
GBytes *
mp2_fake_lookup_data (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resource_lookup_data (mp2_fake_google_data_get_resource (), path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (bytes == NULL)
    g_error ("The fake Google lacks %s: %s", name, error->message);

  return bytes;
}

/**
 * mp2_fake_load_sample:
 * @sample: a file of tests/data/contracts/samples: "gmail/error_404_history_too_old.observed.json"
 *
 * Returns: (transfer full): its JSON
 */
JsonNode *
mp2_fake_load_sample (const char *sample)
{
  g_autofree char *name = g_strconcat ("samples/", sample, NULL);
  g_autoptr(GBytes) bytes = mp2_fake_lookup_data (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, length, &error))
    g_error ("The sample %s does not parse: %s", sample, error->message);

  return json_node_ref (json_parser_get_root (parser));
}

static void
set_body (Mp2FakeRequest *request,
          guint           status,
          const char     *content_type,
          char           *data,
          gsize           length)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);

  soup_server_message_set_status (request->msg, status, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-cache, no-store, max-age=0");
  soup_server_message_set_response (request->msg, content_type, SOUP_MEMORY_TAKE, data, length);
}

/**
 * mp2_fake_reply_json:
 *
 * Answers with @node, pretty-printed as Google's default `prettyPrint=true` does.
 */
void
mp2_fake_reply_json (Mp2FakeRequest *request,
                     guint           status,
                     JsonNode       *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *data = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, g_strcmp0 (mp2_fake_request_get_param (request,
                                                                             "prettyPrint"),
                                                   "false") != 0);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  set_body (request, status, "application/json; charset=UTF-8", data, length);
}

void
mp2_fake_reply_object (Mp2FakeRequest *request,
                       guint           status,
                       JsonObject     *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  mp2_fake_reply_json (request, status, node);
}

/**
 * mp2_fake_reply_sample:
 *
 * Answers with a body of the contract, byte for byte.
 */
void
mp2_fake_reply_sample (Mp2FakeRequest *request,
                       guint           status,
                       const char     *sample)
{
  g_autofree char *name = g_strconcat ("samples/", sample, NULL);
  g_autoptr(GBytes) bytes = mp2_fake_lookup_data (name);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  set_body (request, status, "application/json; charset=UTF-8", g_memdup2 (data, length),
            length);
}

static const char *
describe_status (guint status)
{
  switch (status)
    {
    case 400: return "INVALID_ARGUMENT";
    case 401: return "UNAUTHENTICATED";
    case 403: return "PERMISSION_DENIED";
    case 404: return "NOT_FOUND";
    case 409: return "ALREADY_EXISTS";
    case 412: return "FAILED_PRECONDITION";
    case 429: return "RESOURCE_EXHAUSTED";
    case 501: return "UNIMPLEMENTED";
    case 503: return "UNAVAILABLE";
    default: return "INTERNAL";
    }
}

/**
 * mp2_fake_reply_error:
 * @reason: `errors[0].reason`: "invalid", "notFound", "backendError"
 *
 * Answers with the Google error envelope: Gmail's has `errors[]` and `status`, the
 * Calendar's (as its errors page shows) `errors[]` only; OAuth endpoints answer
 * `{"error": …, "error_description": …}`.
 */
void
mp2_fake_reply_error (Mp2FakeRequest *request,
                      guint           status,
                      const char     *reason,
                      const char     *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean calendar = g_strcmp0 (request->api, "calendar") == 0;

  json_builder_begin_object (builder);
  if (g_strcmp0 (request->api, "oauth2") == 0)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, reason);
      json_builder_set_member_name (builder, "error_description");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      mp2_fake_reply_json (request, status, root);
      return;
    }

  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, "global");
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  if (!calendar)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, describe_status (status));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  mp2_fake_reply_json (request, status, root);
}

/* An answer without a body: 204 of a delete, 302 of the authorization. */
void
mp2_fake_reply_empty (Mp2FakeRequest *request,
                      guint           status)
{
  soup_server_message_set_status (request->msg, status, NULL);
  soup_server_message_set_response (request->msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);
}

/**
 * mp2_fake_base64url_encode:
 * @padded: whether to keep the trailing '=' (Gmail is not consistent about it)
 *
 * Returns: (transfer full): @data in base64url
 */
char *
mp2_fake_base64url_encode (const guint8 *data,
                           gsize         length,
                           gboolean      padded)
{
  char *text = g_base64_encode (data, length);

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  if (!padded)
    {
      char *equals = strchr (text, '=');

      if (equals != NULL)
        *equals = '\0';
    }

  return text;
}

/**
 * mp2_fake_random_string:
 *
 * Returns: (transfer full): @length characters drawn from @alphabet
 */
char *
mp2_fake_random_string (guint       length,
                        const char *alphabet)
{
  GString *text = g_string_sized_new (length);
  gint32 size = (gint32) strlen (alphabet);

  for (guint i = 0; i < length; i++)
    g_string_append_c (text, alphabet[g_random_int_range (0, size)]);

  return g_string_free (text, FALSE);
}

/**
 * mp2_fake_format_timestamp:
 *
 * Returns: (transfer full): @time as Google writes `created` and `updated`:
 *   "2025-03-11T09:41:12.839Z"
 */
char *
mp2_fake_format_timestamp (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

/**
 * mp2_fake_json_get_object:
 *
 * Returns: (transfer none) (nullable): the member if it is an object
 */
JsonObject *
mp2_fake_json_get_object (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * mp2_fake_json_get_array:
 *
 * Returns: (transfer none) (nullable): the member if it is an array
 */
JsonArray *
mp2_fake_json_get_array (JsonObject *object,
                         const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}
