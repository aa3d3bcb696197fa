/* mp2-http-redact.c
 *
 * Keeping secrets out of the log: query parameters and JSON members by name, and any
 * secret value of the request wherever it turns up (an error body that echoes the
 * token).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-net"

#include "config.h"

#include "mp2-http-client.h"

#include <string.h>

#include "mp2-http-private.h"

/* Folded as mp2_http_fold_name() folds: lower case, without '-' and '_'. */
static const char *always_secret[] = {
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "token",
  "code",
  "codeverifier",
  "clientsecret",
  "key",
  "apikey",
  "xgoogapikey",
  "appid",
  "password",
  "secret",
  "assertion",
  "clientassertion",
};

/* "X-Goog-Api-Key", "api_key" and "apiKey" are one name: "xgoogapikey", "apikey". */
char *
mp2_http_fold_name (const char *name)
{
  GString *folded = g_string_new (NULL);

  for (const char *c = name; *c != '\0'; c++)
    {
      if (*c != '-' && *c != '_')
        g_string_append_c (folded, g_ascii_tolower (*c));
    }

  return g_string_free (folded, FALSE);
}

/* Whether the value of @name is secret: always, or because the request said so. */
gboolean
mp2_http_is_secret_name (const char *name,
                         GHashTable *extra)
{
  g_autofree char *folded = mp2_http_fold_name (name);

  for (guint i = 0; i < G_N_ELEMENTS (always_secret); i++)
    {
      if (g_str_equal (folded, always_secret[i]))
        return TRUE;
    }

  return extra != NULL && g_hash_table_contains (extra, folded);
}

static void
append_redacted_query (GString    *out,
                       const char *query,
                       GHashTable *extra)
{
  g_auto(GStrv) params = g_strsplit (query, "&", -1);

  for (guint i = 0; params[i] != NULL; i++)
    {
      const char *equals = strchr (params[i], '=');
      g_autofree char *raw_name = g_strndup (params[i], equals ? (gsize) (equals - params[i])
                                                               : strlen (params[i]));
      g_autofree char *name = g_uri_unescape_string (raw_name, NULL);

      if (i > 0)
        g_string_append_c (out, '&');

      if (equals != NULL && mp2_http_is_secret_name (name ? name : raw_name, extra))
        g_string_append_printf (out, "%s=" MP2_HTTP_REDACTED, raw_name);
      else
        g_string_append (out, params[i]);
    }
}

/* What of an address that does not parse may be shown: up to its query. */
static char *
redact_unparsable (const char *uri)
{
  gsize end = strcspn (uri, "?#");

  if (uri[end] == '\0')
    return g_strdup (uri);

  return g_strdup_printf ("%.*s?" MP2_HTTP_REDACTED, (int) end, uri);
}

/* The address for the log: the values of secret query parameters and any user
 * information replaced, the fragment dropped. */
char *
mp2_http_redact_uri (const char *uri,
                     GHashTable *extra)
{
  /* not normalized: a port that was not written stays unwritten */
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GString) query = g_string_new (NULL);

  if (parsed == NULL)
    return redact_unparsable (uri);

  if (g_uri_get_query (parsed) != NULL)
    append_redacted_query (query, g_uri_get_query (parsed), extra);

  return g_uri_join (G_URI_FLAGS_ENCODED,
                     g_uri_get_scheme (parsed),
                     g_uri_get_userinfo (parsed) ? MP2_HTTP_REDACTED : NULL,
                     g_uri_get_host (parsed),
                     g_uri_get_port (parsed),
                     g_uri_get_path (parsed),
                     g_uri_get_query (parsed) ? query->str : NULL,
                     NULL);
}

static void redact_node (JsonNode   *node,
                         GHashTable *extra);

static void
redact_object (JsonObject *object,
               GHashTable *extra)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_VALUE (member)
          && json_node_get_value_type (member) == G_TYPE_STRING
          && mp2_http_is_secret_name (l->data, extra))
        json_node_set_string (member, MP2_HTTP_REDACTED);
      else
        redact_node (member, extra);
    }
}

static void
redact_node (JsonNode   *node,
             GHashTable *extra)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      redact_object (json_node_get_object (node), extra);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        redact_node (json_array_get_element (array, i), extra);
    }
}

/* @node as text with the string values of secret members replaced. Numbers stay: the
 * envelope's "code": 403 is no secret. */
char *
mp2_http_redact_json (JsonNode   *node,
                      GHashTable *extra)
{
  /* json_node_copy() is shallow: the response's tree would change with the copy. A
   * tree of its own is read back from the text. */
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) copy = json_from_string (text, NULL);

  if (copy == NULL)
    return g_strdup (MP2_HTTP_REDACTED);

  redact_node (copy, extra);

  return json_to_string (copy, FALSE);
}

static void
replace_all (GString    *text,
             const char *value)
{
  gsize length = strlen (value);
  const char *found;

  /* short values would blank out ordinary words */
  if (length < 4)
    return;

  while ((found = strstr (text->str, value)) != NULL)
    {
      gssize position = found - text->str;

      g_string_erase (text, position, (gssize) length);
      g_string_insert (text, position, MP2_HTTP_REDACTED);
    }
}

/* @text with every one of @values, as is and URI-escaped, replaced. */
char *
mp2_http_scrub_values (const char *text,
                       GPtrArray  *values)
{
  GString *scrubbed = g_string_new (text);

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

      replace_all (scrubbed, value);
      replace_all (scrubbed, escaped);
    }

  return g_string_free (scrubbed, FALSE);
}
