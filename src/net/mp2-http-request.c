/* mp2-http-request.c
 *
 * One request as a service client describes it: method, address, query, headers,
 * a JSON or form body, the API whose rate limit it counts against, its timeout,
 * whether it may be sent again, and the names whose values are secret.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-net"

#include "config.h"

#include "mp2-http-client.h"

#include <string.h>

#include "mp2-http-private.h"

G_DEFINE_BOXED_TYPE (Mp2HttpRequest, mp2_http_request,
                     mp2_http_request_ref, mp2_http_request_unref)

static void
free_pair (gpointer data)
{
  Mp2HttpPair *pair = data;

  g_free (pair->name);
  g_free (pair->value);
  g_free (pair);
}

static void
add_pair (GPtrArray  *pairs,
          const char *name,
          const char *value)
{
  Mp2HttpPair *pair = g_new0 (Mp2HttpPair, 1);

  pair->name = g_strdup (name);
  pair->value = g_strdup (value);
  g_ptr_array_add (pairs, pair);
}

/**
 * mp2_http_request_new:
 * @method: an HTTP method: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`…
 * @uri: an absolute `https://` address, already escaped (path segments that come
 *   from data go through g_uri_escape_string() first)
 *
 * Creates a request. Query parameters, headers and a body are added with the
 * setters; the client adds `Accept: application/json`, `X-Request-Id` and its
 * `User-Agent`.
 *
 * Returns: (transfer full): a new request
 */
Mp2HttpRequest *
mp2_http_request_new (const char *method,
                      const char *uri)
{
  Mp2HttpRequest *self;

  g_return_val_if_fail (method != NULL && *method != '\0', NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  self = g_new0 (Mp2HttpRequest, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->method = g_ascii_strup (method, -1);
  self->uri = g_strdup (uri);
  self->query = g_ptr_array_new_with_free_func (free_pair);
  self->headers = g_ptr_array_new_with_free_func (free_pair);
  self->form = g_ptr_array_new_with_free_func (free_pair);
  self->retryable = -1;
  self->secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

/**
 * mp2_http_request_ref:
 * @self: a request
 *
 * Returns: (transfer full): @self
 */
Mp2HttpRequest *
mp2_http_request_ref (Mp2HttpRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * mp2_http_request_unref:
 * @self: (transfer full): a request
 *
 * Drops a reference to @self.
 */
void
mp2_http_request_unref (Mp2HttpRequest *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->method);
  g_free (self->uri);
  g_ptr_array_unref (self->query);
  g_ptr_array_unref (self->headers);
  g_ptr_array_unref (self->form);
  g_clear_pointer (&self->json_body, json_node_unref);
  g_free (self->api);
  g_hash_table_unref (self->secrets);
  g_free (self);
}

/**
 * mp2_http_request_add_query:
 * @self: a request
 * @name: the parameter's name, unescaped
 * @value: its value, unescaped
 *
 * Adds `name=value` to the address's query; both are escaped here. A parameter may
 * be added more than once (Calendar's `privateExtendedProperty`).
 */
void
mp2_http_request_add_query (Mp2HttpRequest *self,
                            const char     *name,
                            const char     *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  add_pair (self->query, name, value);
}

/**
 * mp2_http_request_set_header:
 * @self: a request
 * @name: a header's name
 * @value: (nullable): its value; %NULL removes it
 *
 * Sets a header, replacing an earlier value (`If-Match`, `X-Goog-FieldMask`…).
 * Setting `X-Request-Id` replaces the id the client would make up.
 */
void
mp2_http_request_set_header (Mp2HttpRequest *self,
                             const char     *name,
                             const char     *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  for (guint i = 0; i < self->headers->len; i++)
    {
      Mp2HttpPair *pair = g_ptr_array_index (self->headers, i);

      if (g_ascii_strcasecmp (pair->name, name) == 0)
        {
          g_ptr_array_remove_index (self->headers, i);
          break;
        }
    }

  if (value != NULL)
    add_pair (self->headers, name, value);
}

/**
 * mp2_http_request_set_bearer:
 * @self: a request
 * @access_token: an OAuth 2.0 access token
 *
 * Sets `Authorization: Bearer <token>`. The header is never logged.
 */
void
mp2_http_request_set_bearer (Mp2HttpRequest *self,
                             const char     *access_token)
{
  g_autofree char *value = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (access_token != NULL);

  value = g_strconcat ("Bearer ", access_token, NULL);
  mp2_http_request_set_header (self, "Authorization", value);
}

/**
 * mp2_http_request_set_json_body:
 * @self: a request
 * @body: (nullable): the JSON to send; %NULL for none
 *
 * Sends @body as `application/json; charset=utf-8`. A form body set before is
 * dropped. @body is not copied: do not change it afterwards.
 */
void
mp2_http_request_set_json_body (Mp2HttpRequest *self,
                                JsonNode       *body)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->json_body, json_node_unref);
  if (body != NULL)
    self->json_body = json_node_ref (body);
  g_ptr_array_set_size (self->form, 0);
}

/**
 * mp2_http_request_add_form_field:
 * @self: a request
 * @name: the field's name, unescaped
 * @value: its value, unescaped
 *
 * Adds a field to an `application/x-www-form-urlencoded` body, as the OAuth token
 * endpoint wants it. A JSON body set before is dropped. The values of `code`,
 * `code_verifier`, `client_secret`, `refresh_token` and the like are never logged;
 * name others with mp2_http_request_add_secret().
 */
void
mp2_http_request_add_form_field (Mp2HttpRequest *self,
                                 const char     *name,
                                 const char     *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  g_clear_pointer (&self->json_body, json_node_unref);
  add_pair (self->form, name, value);
}

/**
 * mp2_http_request_set_api:
 * @self: a request
 * @api: (nullable): the name of a rate limit set with mp2_http_client_set_rate_limit()
 *
 * Makes the request wait for a token of @api's bucket before each time it is sent.
 * A name without a rate limit, or %NULL, does not wait.
 */
void
mp2_http_request_set_api (Mp2HttpRequest *self,
                          const char     *api)
{
  g_return_if_fail (self != NULL);

  g_free (self->api);
  self->api = g_strdup (api);
}

/**
 * mp2_http_request_set_timeout:
 * @self: a request
 * @seconds: how long one attempt may take, from sending to the end of the body; 0
 *   for the client's default
 *
 * Sets the time one attempt may take before it fails with
 * %MP2_HTTP_ERROR_TIMEOUT (and is retried when it may be). It also bounds the wait
 * for the network when the computer is offline.
 */
void
mp2_http_request_set_timeout (Mp2HttpRequest *self,
                              guint           seconds)
{
  g_return_if_fail (self != NULL);

  self->timeout = seconds;
}

/**
 * mp2_http_request_set_retryable:
 * @self: a request
 * @retryable: whether it may be sent again after a failure
 *
 * GET, HEAD, OPTIONS, PUT and DELETE are retried by default: sending them twice does
 * what sending them once does. POST and PATCH are not, unless this says so: a POST
 * that is idempotent on the server (a Calendar insert with an event id chosen by the
 * client: a repeat gives 409) can be marked.
 */
void
mp2_http_request_set_retryable (Mp2HttpRequest *self,
                                gboolean        retryable)
{
  g_return_if_fail (self != NULL);

  self->retryable = retryable ? 1 : 0;
}

/**
 * mp2_http_request_add_secret:
 * @self: a request
 * @name: the name of a query parameter, form field, header or JSON member
 *
 * Keeps the value of @name out of the log, in addition to the names that are always
 * secret (`Authorization`, `access_token`, `refresh_token`, `id_token`, `token`,
 * `code`, `code_verifier`, `client_secret`, `key`, `apiKey`, `X-Goog-Api-Key`,
 * `appid`, `password`…). Names are compared without case, `-` or `_`.
 */
void
mp2_http_request_add_secret (Mp2HttpRequest *self,
                             const char     *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  g_hash_table_add (self->secrets, mp2_http_fold_name (name));
}

/**
 * mp2_http_request_get_method:
 * @self: a request
 *
 * Returns: the method, in capitals
 */
const char *
mp2_http_request_get_method (Mp2HttpRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->method;
}

/**
 * mp2_http_request_get_uri:
 * @self: a request
 *
 * Returns: the address as given, without the query parameters added since
 */
const char *
mp2_http_request_get_uri (Mp2HttpRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->uri;
}

static void
append_encoded_pairs (GString   *out,
                      GPtrArray *pairs)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      Mp2HttpPair *pair = g_ptr_array_index (pairs, i);
      g_autofree char *name = g_uri_escape_string (pair->name, NULL, FALSE);
      g_autofree char *value = g_uri_escape_string (pair->value, NULL, FALSE);

      if (out->len > 0)
        g_string_append_c (out, '&');
      g_string_append_printf (out, "%s=%s", name, value);
    }
}

/* The address with the query parameters, fragment dropped. */
char *
mp2_http_request_build_uri (Mp2HttpRequest *self)
{
  g_autoptr(GString) query = g_string_new (NULL);
  const char *fragment = strchr (self->uri, '#');
  g_autofree char *base = g_strndup (self->uri, fragment ? (gsize) (fragment - self->uri)
                                                         : strlen (self->uri));

  if (self->query->len == 0)
    return g_steal_pointer (&base);

  append_encoded_pairs (query, self->query);

  return g_strconcat (base, strchr (base, '?') ? "&" : "?", query->str, NULL);
}

/* The body to send and its type; NULL for none. */
GBytes *
mp2_http_request_build_body (Mp2HttpRequest *self,
                             const char    **content_type)
{
  *content_type = NULL;

  if (self->json_body != NULL)
    {
      g_autofree char *text = json_to_string (self->json_body, FALSE);
      gsize length = strlen (text);

      *content_type = "application/json; charset=utf-8";
      return g_bytes_new_take (g_steal_pointer (&text), length);
    }

  if (self->form->len > 0)
    {
      g_autoptr(GString) form = g_string_new (NULL);

      append_encoded_pairs (form, self->form);
      *content_type = "application/x-www-form-urlencoded";
      return g_string_free_to_bytes (g_steal_pointer (&form));
    }

  return NULL;
}

gboolean
mp2_http_request_is_retryable (Mp2HttpRequest *self)
{
  static const char *idempotent[] = { "GET", "HEAD", "OPTIONS", "PUT", "DELETE" };

  if (self->retryable >= 0)
    return self->retryable;

  for (guint i = 0; i < G_N_ELEMENTS (idempotent); i++)
    {
      if (g_str_equal (self->method, idempotent[i]))
        return TRUE;
    }

  return FALSE;
}

static void
add_secret_values_of (GPtrArray  *values,
                      GPtrArray  *pairs,
                      GHashTable *secrets)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      Mp2HttpPair *pair = g_ptr_array_index (pairs, i);

      if (mp2_http_is_secret_name (pair->name, secrets))
        g_ptr_array_add (values, g_strdup (pair->value));
    }
}

/* Every value of the request that must not be logged, however it turns up: the
 * bearer token, secret query parameters, form fields and headers. */
GPtrArray *
mp2_http_request_secret_values (Mp2HttpRequest *self)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  const char *authorization = mp2_http_request_find_header (self, "Authorization");

  add_secret_values_of (values, self->query, self->secrets);
  add_secret_values_of (values, self->form, self->secrets);
  add_secret_values_of (values, self->headers, self->secrets);

  /* "Bearer abc": the token alone may be echoed */
  if (authorization != NULL && strchr (authorization, ' ') != NULL)
    g_ptr_array_add (values, g_strdup (strchr (authorization, ' ') + 1));

  return values;
}

void
mp2_http_request_apply_headers (Mp2HttpRequest     *self,
                                SoupMessageHeaders *headers)
{
  for (guint i = 0; i < self->headers->len; i++)
    {
      Mp2HttpPair *pair = g_ptr_array_index (self->headers, i);

      soup_message_headers_replace (headers, pair->name, pair->value);
    }
}

const char *
mp2_http_request_find_header (Mp2HttpRequest *self,
                              const char     *name)
{
  for (guint i = 0; i < self->headers->len; i++)
    {
      Mp2HttpPair *pair = g_ptr_array_index (self->headers, i);

      if (g_ascii_strcasecmp (pair->name, name) == 0)
        return pair->value;
    }

  return NULL;
}
