/* mp2-fake-contract.c
 *
 * The contract check of the fake Google: a request must be a method of the API's
 * discovery document (HTTP method and path template), carry only the query
 * parameters that method or the API declares, with values of the declared type and
 * enum, the required ones present, and a JSON body whose members are all properties
 * of the method's request schema, recursively, with the members that the schema
 * annotates as required for this method.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-google-private.h"

#include <string.h>

typedef struct
{
  const char *id;
  const char *http_method;
  char      **segments;
  JsonObject *method;
} Method;

struct _Mp2FakeContract
{
  char       *api;
  JsonParser *parser;
  JsonObject *schemas;
  JsonObject *global_params;
  GPtrArray  *methods;
  GHashTable *by_id;
};

static void
method_free (gpointer data)
{
  Method *method = data;

  g_strfreev (method->segments);
  g_free (method);
}

static void
add_methods (Mp2FakeContract *contract,
             JsonObject      *resources,
             const char      *service_path);

static void
add_method (Mp2FakeContract *contract,
            JsonObject      *object,
            const char      *service_path)
{
  Method *method = g_new0 (Method, 1);
  const char *path = json_object_get_string_member_with_default (object, "flatPath", NULL);
  g_autofree char *full = NULL;

  if (path == NULL)
    path = json_object_get_string_member (object, "path");
  full = g_strconcat (service_path, path, NULL);
  method->id = json_object_get_string_member (object, "id");
  method->http_method = json_object_get_string_member (object, "httpMethod");
  method->segments = g_strsplit (full, "/", -1);
  method->method = object;
  g_ptr_array_add (contract->methods, method);
  g_hash_table_insert (contract->by_id, (gpointer) method->id, method);
}

static void
add_resource (JsonObject  *resources,
              const char  *name,
              JsonNode    *node,
              gpointer     user_data)
{
  gpointer *context = user_data;
  JsonObject *resource = json_node_get_object (node);
  JsonObject *methods = mp2_fake_json_get_object (resource, "methods");
  JsonObject *children = mp2_fake_json_get_object (resource, "resources");

  if (methods != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (methods);

      for (GList *l = names; l != NULL; l = l->next)
        add_method (context[0], json_object_get_object_member (methods, l->data),
                    context[1]);
    }
  if (children != NULL)
    add_methods (context[0], children, context[1]);
}

static void
add_methods (Mp2FakeContract *contract,
             JsonObject      *resources,
             const char      *service_path)
{
  gpointer context[2] = { contract, (gpointer) service_path };

  json_object_foreach_member (resources, add_resource, context);
}

/**
 * mp2_fake_contract_new:
 * @resource: "google/gmail.v1.discovery.json"
 *
 * Returns: (transfer full): the methods and schemas of a discovery document
 */
Mp2FakeContract *
mp2_fake_contract_new (const char *resource,
                       GError    **error)
{
  g_autoptr(Mp2FakeContract) contract = g_new0 (Mp2FakeContract, 1);
  g_autoptr(GBytes) bytes = mp2_fake_lookup_data (resource);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonObject *root = NULL;
  g_autofree char *service_path = NULL;

  contract->parser = json_parser_new_immutable ();
  contract->methods = g_ptr_array_new_with_free_func (method_free);
  contract->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  if (!json_parser_load_from_data (contract->parser, data, length, error))
    return NULL;

  root = json_node_get_object (json_parser_get_root (contract->parser));
  contract->api = g_strdup (json_object_get_string_member (root, "name"));
  contract->schemas = json_object_get_object_member (root, "schemas");
  contract->global_params = json_object_get_object_member (root, "parameters");
  /* The method paths are relative to rootUrl + servicePath; the fake's paths start
   * with "/" + servicePath, so a segment list begins with an empty string. */
  service_path = g_strconcat ("/", json_object_get_string_member (root, "servicePath"), NULL);
  add_methods (contract, json_object_get_object_member (root, "resources"), service_path);

  return g_steal_pointer (&contract);
}

void
mp2_fake_contract_free (Mp2FakeContract *contract)
{
  g_clear_pointer (&contract->methods, g_ptr_array_unref);
  g_clear_pointer (&contract->by_id, g_hash_table_unref);
  g_clear_object (&contract->parser);
  g_clear_pointer (&contract->api, g_free);
  g_free (contract);
}

const char *
mp2_fake_contract_get_api (Mp2FakeContract *contract)
{
  return contract->api;
}

/* "{userId}" matches any segment, "{keyPairId}:disable" one that ends ":disable";
 * anything else only itself. */
static gboolean
match_segment (const char *pattern,
               const char *segment,
               GHashTable *variables)
{
  const char *open = strchr (pattern, '{');
  const char *close = open ? strchr (open, '}') : NULL;
  gsize prefix = 0, suffix = 0, length = strlen (segment);

  if (close == NULL)
    return strcmp (pattern, segment) == 0;

  prefix = open - pattern;
  suffix = strlen (close + 1);
  if (length <= prefix + suffix || strncmp (pattern, segment, prefix) != 0 ||
      strcmp (segment + length - suffix, close + 1) != 0)
    return FALSE;

  g_hash_table_insert (variables, g_strndup (open + 1, close - open - 1),
                       g_strndup (segment + prefix, length - prefix - suffix));

  return TRUE;
}

static GHashTable *
match_path (Method      *method,
            char *const *segments)
{
  g_autoptr(GHashTable) variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);

  if (g_strv_length (method->segments) != g_strv_length ((char **) segments))
    return NULL;

  for (guint i = 0; segments[i] != NULL; i++)
    if (!match_segment (method->segments[i], segments[i], variables))
      return NULL;

  return g_steal_pointer (&variables);
}

static char **
split_path (const char *path)
{
  g_auto(GStrv) raw = g_strsplit (path, "/", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *segment = g_uri_unescape_string (raw[i], "/");

      if (segment == NULL)
        return NULL;
      g_strv_builder_add (builder, segment);
    }

  return g_strv_builder_end (builder);
}

/**
 * mp2_fake_contract_match:
 *
 * Finds the method of @request's HTTP method and path, and fills in its endpoint
 * and path parameters.
 *
 * Returns: %FALSE with a description in @violation if no method has them
 */
gboolean
mp2_fake_contract_match (Mp2FakeContract *contract,
                         Mp2FakeRequest  *request,
                         char           **violation)
{
  g_auto(GStrv) segments = split_path (request->path);
  g_autoptr(GString) allowed = g_string_new (NULL);

  for (guint i = 0; segments != NULL && i < contract->methods->len; i++)
    {
      Method *method = g_ptr_array_index (contract->methods, i);
      g_autoptr(GHashTable) variables = match_path (method, segments);

      if (variables == NULL)
        continue;
      if (strcmp (method->http_method, request->http_method) != 0)
        {
          g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "",
                                  method->http_method);
          continue;
        }
      request->endpoint = g_strdup (method->id);
      request->path_params = g_steal_pointer (&variables);
      return TRUE;
    }

  if (allowed->len > 0)
    *violation = g_strdup_printf ("the %s API has no %s method at this path (only %s)",
                                  contract->api, request->http_method, allowed->str);
  else
    *violation = g_strdup_printf ("no method of the %s discovery document has this path",
                                  contract->api);

  return FALSE;
}

static JsonObject *
lookup_parameter (Mp2FakeContract *contract,
                  Method          *method,
                  const char      *name)
{
  JsonObject *params = mp2_fake_json_get_object (method->method, "parameters");
  JsonObject *param = NULL;

  if (params != NULL && json_object_has_member (params, name))
    param = json_object_get_object_member (params, name);
  else if (json_object_has_member (contract->global_params, name))
    param = json_object_get_object_member (contract->global_params, name);

  if (param != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (param, "location", ""),
                 "query") != 0)
    return NULL;

  return param;
}

static gboolean
is_in_enum (JsonObject *declaration,
            const char *value)
{
  JsonArray *values = mp2_fake_json_get_array (declaration, "enum");

  if (values == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (values); i++)
    if (g_strcmp0 (json_array_get_string_element (values, i), value) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_in_range (JsonObject *declaration,
             gint64      number)
{
  const char *minimum = json_object_get_string_member_with_default (declaration, "minimum",
                                                                    NULL);
  const char *maximum = json_object_get_string_member_with_default (declaration, "maximum",
                                                                    NULL);
  const char *format = json_object_get_string_member_with_default (declaration, "format", "");

  if (g_str_has_prefix (format, "uint") && number < 0)
    return FALSE;
  if (minimum != NULL && number < g_ascii_strtoll (minimum, NULL, 10))
    return FALSE;
  if (maximum != NULL && number > g_ascii_strtoll (maximum, NULL, 10))
    return FALSE;

  return TRUE;
}

/* The value of a query parameter against its declaration. */
static char *
check_parameter_value (JsonObject *declaration,
                       const char *name,
                       const char *value)
{
  const char *type = json_object_get_string_member_with_default (declaration, "type", "string");
  gint64 number = 0;

  if (value == NULL)
    return g_strdup_printf ("query parameter '%s' is not valid percent-encoding", name);
  if (strcmp (type, "integer") == 0 &&
      (!g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL) ||
       !is_in_range (declaration, number)))
    return g_strdup_printf ("query parameter '%s' must be an integer in range, not '%s'", name,
                            value);
  if (strcmp (type, "boolean") == 0 && strcmp (value, "true") != 0 &&
      strcmp (value, "false") != 0)
    return g_strdup_printf ("query parameter '%s' must be true or false, not '%s'", name,
                            value);
  if (!is_in_enum (declaration, value))
    return g_strdup_printf ("query parameter '%s' has no value '%s' in its enum", name, value);

  return NULL;
}

static char *
check_parameters (Mp2FakeContract *contract,
                  Method          *method,
                  Mp2FakeRequest  *request)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *params = mp2_fake_json_get_object (method->method, "parameters");
  g_autoptr(GList) names = params ? json_object_get_members (params) : NULL;

  for (guint i = 0; i < request->params->len; i++)
    {
      Mp2FakeParam *param = g_ptr_array_index (request->params, i);
      JsonObject *declaration = lookup_parameter (contract, method, param->name);
      char *problem = NULL;

      if (declaration == NULL)
        return g_strdup_printf ("unknown query parameter '%s' for %s", param->name, method->id);
      if (g_hash_table_contains (seen, param->name) &&
          !json_object_get_boolean_member_with_default (declaration, "repeated", FALSE))
        return g_strdup_printf ("query parameter '%s' given twice but not repeated",
                                param->name);
      g_hash_table_add (seen, param->name);
      if ((problem = check_parameter_value (declaration, param->name, param->value)) != NULL)
        return problem;
    }

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *declaration = json_object_get_object_member (params, l->data);

      if (json_object_get_boolean_member_with_default (declaration, "required", FALSE) &&
          lookup_parameter (contract, method, l->data) != NULL &&
          !g_hash_table_contains (seen, l->data))
        return g_strdup_printf ("required query parameter '%s' missing", (char *) l->data);
    }

  return NULL;
}

static JsonObject *
resolve_schema (Mp2FakeContract *contract,
                JsonObject      *schema)
{
  const char *ref = json_object_get_string_member_with_default (schema, "$ref", NULL);

  if (ref == NULL)
    return schema;

  return mp2_fake_json_get_object (contract->schemas, ref);
}

static char *check_value (Mp2FakeContract *contract,
                          const char      *method_id,
                          JsonObject      *schema,
                          JsonNode        *node,
                          const char      *where);

static gboolean
is_required_for (JsonObject *property,
                 const char *method_id)
{
  JsonObject *annotations = mp2_fake_json_get_object (property, "annotations");
  JsonArray *required = annotations ? mp2_fake_json_get_array (annotations, "required") : NULL;

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    if (g_strcmp0 (json_array_get_string_element (required, i), method_id) == 0)
      return TRUE;

  return FALSE;
}

static char *
check_object (Mp2FakeContract *contract,
              const char      *method_id,
              JsonObject      *schema,
              JsonObject      *object,
              const char      *where)
{
  JsonObject *properties = mp2_fake_json_get_object (schema, "properties");
  JsonNode *additional = json_object_get_member (schema, "additionalProperties");
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GList) declared = properties ? json_object_get_members (properties) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", where, (char *) l->data);
      JsonObject *property = NULL;
      char *problem = NULL;

      if (properties != NULL && json_object_has_member (properties, l->data))
        property = json_object_get_object_member (properties, l->data);
      else if (additional != NULL && JSON_NODE_HOLDS_OBJECT (additional))
        property = json_node_get_object (additional);
      else
        return g_strdup_printf ("unknown member '%s' in the request body (%s is not a "
                                "property of the schema)", path, (char *) l->data);

      problem = check_value (contract, method_id, property,
                             json_object_get_member (object, l->data), path);
      if (problem != NULL)
        return problem;
    }

  for (GList *l = declared; l != NULL; l = l->next)
    if (is_required_for (json_object_get_object_member (properties, l->data), method_id) &&
        !json_object_has_member (object, l->data))
      return g_strdup_printf ("member '%s.%s' is required for %s", where, (char *) l->data,
                              method_id);

  return NULL;
}

static gboolean
is_integer_text (const char *text)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, NULL, NULL) ||
         g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, NULL, NULL);
}

/* Primitive members: strings must be strings (of the enum, if any), booleans
 * booleans; integers may be numbers or, as int64 usually are, strings of digits. */
static char *
check_primitive (JsonObject *schema,
                 JsonNode   *node,
                 const char *type,
                 const char *where)
{
  GType value_type = json_node_get_value_type (node);

  if (strcmp (type, "string") == 0)
    {
      const char *format = json_object_get_string_member_with_default (schema, "format", "");

      /* int64 members are strings in JSON, but Google takes numbers for them too. */
      if (value_type == G_TYPE_INT64 && g_str_has_suffix (format, "int64"))
        return NULL;
      if (value_type != G_TYPE_STRING)
        return g_strdup_printf ("member '%s' must be a string", where);
      if (!is_in_enum (schema, json_node_get_string (node)))
        return g_strdup_printf ("member '%s' has no value '%s' in its enum", where,
                                json_node_get_string (node));
    }
  else if (strcmp (type, "boolean") == 0 && value_type != G_TYPE_BOOLEAN)
    return g_strdup_printf ("member '%s' must be true or false", where);
  else if (strcmp (type, "integer") == 0 && value_type != G_TYPE_INT64 &&
           !(value_type == G_TYPE_STRING && is_integer_text (json_node_get_string (node))))
    return g_strdup_printf ("member '%s' must be an integer", where);
  else if (strcmp (type, "number") == 0 && value_type != G_TYPE_INT64 &&
           value_type != G_TYPE_DOUBLE)
    return g_strdup_printf ("member '%s' must be a number", where);

  return NULL;
}

static char *
check_value (Mp2FakeContract *contract,
             const char      *method_id,
             JsonObject      *schema,
             JsonNode        *node,
             const char      *where)
{
  const char *type = NULL;

  schema = resolve_schema (contract, schema);
  if (schema == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  type = json_object_get_string_member_with_default (schema, "type", "any");
  if (strcmp (type, "object") == 0)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return g_strdup_printf ("member '%s' must be an object", where);
      return check_object (contract, method_id, schema, json_node_get_object (node), where);
    }
  if (strcmp (type, "array") == 0)
    {
      JsonArray *array = NULL;
      JsonObject *items = mp2_fake_json_get_object (schema, "items");

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return g_strdup_printf ("member '%s' must be an array", where);
      array = json_node_get_array (node);
      for (guint i = 0; items != NULL && i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", where, i);
          char *problem = check_value (contract, method_id, items,
                                       json_array_get_element (array, i), path);

          if (problem != NULL)
            return problem;
        }
      return NULL;
    }
  if (strcmp (type, "any") == 0)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup_printf ("member '%s' must be a %s", where, type);

  return check_primitive (schema, node, type, where);
}

static char *
check_body (Mp2FakeContract *contract,
            Method          *method,
            Mp2FakeRequest  *request)
{
  JsonObject *declared = mp2_fake_json_get_object (method->method, "request");
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);
  g_autofree char *schema_name = NULL;

  if (declared == NULL)
    return body->length > 0 ? g_strdup_printf ("%s takes no request body", method->id) : NULL;
  if (request->body == NULL)
    return g_strdup_printf ("%s needs a JSON request body (Content-Type: application/json)",
                            method->id);

  schema_name = g_ascii_strdown (json_object_get_string_member (declared, "$ref"), -1);

  return check_value (contract, method->id, declared, request->body, schema_name);
}

/**
 * mp2_fake_contract_check:
 * @request: a request that mp2_fake_contract_match () found the method of
 *
 * Returns: %FALSE with a description in @violation if the parameters or the body
 *   are not what the method declares
 */
gboolean
mp2_fake_contract_check (Mp2FakeContract *contract,
                         Mp2FakeRequest  *request,
                         char           **violation)
{
  Method *method = g_hash_table_lookup (contract->by_id, request->endpoint);

  g_assert (method != NULL);

  *violation = check_parameters (contract, method, request);
  if (*violation == NULL)
    *violation = check_body (contract, method, request);

  return *violation == NULL;
}

/**
 * mp2_fake_contract_allows_scopes:
 * @scopes: the space-separated scopes granted to the token
 *
 * Returns: whether one of @scopes is one that the method accepts
 */
gboolean
mp2_fake_contract_allows_scopes (Mp2FakeContract *contract,
                                 const char      *endpoint,
                                 const char      *scopes)
{
  Method *method = g_hash_table_lookup (contract->by_id, endpoint);
  JsonArray *accepted = mp2_fake_json_get_array (method->method, "scopes");
  g_auto(GStrv) granted = g_strsplit (scopes ? scopes : "", " ", -1);

  for (guint i = 0; accepted != NULL && i < json_array_get_length (accepted); i++)
    if (g_strv_contains ((const char * const *) granted,
                         json_array_get_string_element (accepted, i)))
      return TRUE;

  return accepted == NULL;
}
