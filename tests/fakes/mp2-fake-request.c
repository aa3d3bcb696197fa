/* mp2-fake-request.c
 *
 * One request to the fake Google: its query (or form) parameters in order, repeated
 * ones kept, its path parameters and its JSON body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-google-private.h"

#include <string.h>

static void
param_free (gpointer data)
{
  Mp2FakeParam *param = data;

  g_free (param->name);
  g_free (param->value);
  g_free (param);
}

/* Form decoding: '+' is a space, then percent-decoding. */
static char *
decode_form_component (const char *text,
                       gssize      length)
{
  g_autofree char *copy = length < 0 ? g_strdup (text) : g_strndup (text, length);

  g_strdelimit (copy, "+", ' ');

  return g_uri_unescape_string (copy, NULL);
}

/**
 * mp2_fake_parse_params:
 * @encoded: (nullable): "a=1&b=2&a=3", as in a query or a form body
 *
 * Returns: (transfer full): the Mp2FakeParam in order; an undecodable pair is kept
 *   with a %NULL value so that the contract check can report it
 */
GPtrArray *
mp2_fake_parse_params (const char *encoded)
{
  GPtrArray *params = g_ptr_array_new_with_free_func (param_free);
  g_auto(GStrv) pairs = NULL;

  if (encoded == NULL || *encoded == '\0')
    return params;

  pairs = g_strsplit (encoded, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      Mp2FakeParam *param = g_new0 (Mp2FakeParam, 1);

      if (*pairs[i] == '\0')
        {
          g_free (param);
          continue;
        }
      param->name = decode_form_component (pairs[i], equals ? equals - pairs[i] : -1);
      param->value = decode_form_component (equals ? equals + 1 : "", -1);
      if (param->name == NULL)
        param->name = g_strdup (pairs[i]);
      g_ptr_array_add (params, param);
    }

  return params;
}

const char *
mp2_fake_request_get_param (Mp2FakeRequest *request,
                            const char     *name)
{
  for (guint i = 0; i < request->params->len; i++)
    {
      Mp2FakeParam *param = g_ptr_array_index (request->params, i);

      if (g_strcmp0 (param->name, name) == 0)
        return param->value;
    }

  return NULL;
}

/**
 * mp2_fake_request_dup_params:
 *
 * Returns: (transfer container) (element-type utf8): every value of @name, in order
 */
GPtrArray *
mp2_fake_request_dup_params (Mp2FakeRequest *request,
                             const char     *name)
{
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; i < request->params->len; i++)
    {
      Mp2FakeParam *param = g_ptr_array_index (request->params, i);

      if (g_strcmp0 (param->name, name) == 0 && param->value != NULL)
        g_ptr_array_add (values, param->value);
    }

  return values;
}

const char *
mp2_fake_request_get_path_param (Mp2FakeRequest *request,
                                 const char     *name)
{
  if (request->path_params == NULL)
    return NULL;

  return g_hash_table_lookup (request->path_params, name);
}

/**
 * mp2_fake_request_get_uint:
 * @fallback: the value when the parameter is absent
 * @maximum: larger values are capped to it, as Google does for page sizes
 *
 * Returns: %FALSE if the parameter is there but not a number (the contract check
 *   has then already refused the request)
 */
gboolean
mp2_fake_request_get_uint (Mp2FakeRequest *request,
                           const char     *name,
                           guint           fallback,
                           guint           maximum,
                           guint          *value)
{
  const char *text = mp2_fake_request_get_param (request, name);
  guint64 number = 0;

  *value = fallback;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;
  *value = MIN ((guint) number, maximum);

  return TRUE;
}

gboolean
mp2_fake_request_get_bool (Mp2FakeRequest *request,
                           const char     *name)
{
  return g_strcmp0 (mp2_fake_request_get_param (request, name), "true") == 0;
}

/**
 * mp2_fake_request_get_object:
 *
 * Returns: (transfer none) (nullable): the JSON body when it is an object
 */
JsonObject *
mp2_fake_request_get_object (Mp2FakeRequest *request)
{
  if (request->body == NULL || !JSON_NODE_HOLDS_OBJECT (request->body))
    return NULL;

  return json_node_get_object (request->body);
}

void
mp2_fake_request_free (Mp2FakeRequest *request)
{
  g_clear_pointer (&request->endpoint, g_free);
  g_clear_pointer (&request->path_params, g_hash_table_unref);
  g_clear_pointer (&request->params, g_ptr_array_unref);
  g_clear_pointer (&request->body, json_node_unref);
  g_clear_pointer (&request->token, g_free);
  g_clear_object (&request->msg);
  g_free (request);
}
