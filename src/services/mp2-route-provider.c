/* mp2-route-provider.c
 *
 * The route provider interface, and what its implementations share: the key under
 * which an answer is cached, the store's cache read and written in a worker thread
 * (SQLite never runs on the main loop) around the provider's request, and HTTP
 * failures told as MP2_PLAN_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-route-provider"

#include "config.h"

#include "mp2-route-provider.h"
#include "mp2-route-provider-private.h"

#include <glib/gi18n-lib.h>

G_DEFINE_INTERFACE (Mp2RouteProvider, mp2_route_provider, G_TYPE_OBJECT)

/* The answer of a GTask whose source object is the provider: every implementation's. */
static Mp2Route *
mp2_route_provider_real_compute_finish (Mp2RouteProvider  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mp2_route_provider_default_init (Mp2RouteProviderInterface *iface)
{
  iface->compute_finish = mp2_route_provider_real_compute_finish;
}

/**
 * mp2_route_provider_get_id:
 * @self: a route provider
 *
 * Returns: the provider's id: "google", "osrm" or "manual"
 */
const char *
mp2_route_provider_get_id (Mp2RouteProvider *self)
{
  g_return_val_if_fail (MP2_IS_ROUTE_PROVIDER (self), NULL);

  return MP2_ROUTE_PROVIDER_GET_IFACE (self)->get_id (self);
}

/**
 * mp2_route_provider_get_uses_traffic:
 * @self: a route provider
 *
 * Returns: %TRUE when the duration depends on the departure time
 */
gboolean
mp2_route_provider_get_uses_traffic (Mp2RouteProvider *self)
{
  g_return_val_if_fail (MP2_IS_ROUTE_PROVIDER (self), FALSE);

  return MP2_ROUTE_PROVIDER_GET_IFACE (self)->get_uses_traffic (self);
}

/**
 * mp2_route_provider_compute_async:
 * @self: a route provider
 * @from: where the way starts
 * @via: (nullable): a stop on the way
 * @to: where the way ends
 * @departure: when the user leaves @from
 * @mode: how the user travels
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the route
 * @user_data: data for @callback
 *
 * Asks how long the way takes when leaving at @departure. The time spent at @via
 * is not counted: it is the planner's.
 */
void
mp2_route_provider_compute_async (Mp2RouteProvider    *self,
                                  const Mp2Place      *from,
                                  const Mp2Place      *via,
                                  const Mp2Place      *to,
                                  GDateTime           *departure,
                                  Mp2TravelMode        mode,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (MP2_IS_ROUTE_PROVIDER (self));
  g_return_if_fail (from != NULL);
  g_return_if_fail (to != NULL);
  g_return_if_fail (departure != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  MP2_ROUTE_PROVIDER_GET_IFACE (self)->compute_async (self, from, via, to, departure, mode,
                                                      cancellable, callback, user_data);
}

/**
 * mp2_route_provider_compute_finish:
 * @self: a route provider
 * @result: the #GAsyncResult given to the callback
 * @error: where to report a #MP2_PLAN_ERROR
 *
 * Returns: (transfer full) (nullable): the route, or %NULL with @error set
 */
Mp2Route *
mp2_route_provider_compute_finish (Mp2RouteProvider  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (MP2_IS_ROUTE_PROVIDER (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  return MP2_ROUTE_PROVIDER_GET_IFACE (self)->compute_finish (self, result, error);
}

/* What the implementations share ------------------------------------------------------ */

/**
 * mp2_travel_mode_to_nick:
 * @mode: a travel mode
 *
 * Returns: the nick of @mode in the "travel-mode" setting: "drive", "transit"…
 */
const char *
mp2_travel_mode_to_nick (Mp2TravelMode mode)
{
  switch (mode)
    {
    case MP2_TRAVEL_MODE_DRIVE:
      return "drive";
    case MP2_TRAVEL_MODE_TRANSIT:
      return "transit";
    case MP2_TRAVEL_MODE_BICYCLE:
      return "bicycle";
    case MP2_TRAVEL_MODE_WALK:
      return "walk";
    default:
      g_return_val_if_reached ("drive");
    }
}

/**
 * mp2_route_format_coordinate:
 * @degrees: a latitude or a longitude
 *
 * Formats @degrees with a dot whatever the locale (a Polish one writes a comma),
 * rounded to %MP2_ROUTE_COORDINATE_DECIMALS decimals.
 *
 * Returns: (transfer full): "52.22883"
 */
char *
mp2_route_format_coordinate (double degrees)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.5f", degrees);

  /* -0.00000 and 0.00000 are the same place */
  if (g_str_equal (buffer, "-0.00000"))
    return g_strdup ("0.00000");

  return g_strdup (buffer);
}

static void
append_place (GString        *key,
              const Mp2Place *place)
{
  g_autofree char *latitude = mp2_route_format_coordinate (place->latitude);
  g_autofree char *longitude = mp2_route_format_coordinate (place->longitude);

  g_string_append_printf (key, ":%s,%s", latitude, longitude);
}

/**
 * mp2_route_cache_key:
 * @provider: the provider's id
 * @from: where the way starts
 * @via: (nullable): a stop on the way
 * @to: where the way ends
 * @mode: how the user travels
 * @departure: (nullable): when the user leaves, for providers whose answer depends on
 *   it; %NULL for those whose does not
 *
 * The cache key of a question: the coordinates rounded to about a metre and the
 * departure to the minute (in UTC), so that the planner's repeated questions about
 * the same morning find the answer given a moment before.
 *
 * Returns: (transfer full): "route:google:52.22883,21.00314:-:52.17095,20.97321:drive:2025-03-12T08:15Z"
 */
char *
mp2_route_cache_key (const char     *provider,
                     const Mp2Place *from,
                     const Mp2Place *via,
                     const Mp2Place *to,
                     Mp2TravelMode   mode,
                     GDateTime      *departure)
{
  GString *key = g_string_new ("route:");

  g_string_append (key, provider);
  append_place (key, from);
  if (via != NULL)
    append_place (key, via);
  else
    g_string_append (key, ":-");
  append_place (key, to);
  g_string_append_printf (key, ":%s", mp2_travel_mode_to_nick (mode));

  if (departure != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (departure);
      g_autofree char *minute = g_date_time_format (utc, "%Y-%m-%dT%H:%MZ");

      g_string_append_printf (key, ":%s", minute);
    }

  return g_string_free (key, FALSE);
}

typedef struct
{
  Mp2Store *store;
  char     *key;
  char     *value;   /* for a put */
} CacheData;

static void
cache_data_free (CacheData *data)
{
  g_clear_object (&data->store);
  g_free (data->key);
  g_free (data->value);
  g_free (data);
}

static CacheData *
cache_data_new (Mp2Store   *store,
                const char *key)
{
  CacheData *data = g_new0 (CacheData, 1);

  data->store = store != NULL ? g_object_ref (store) : NULL;
  data->key = g_strdup (key);

  return data;
}

static void
lookup_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CacheData *data = task_data;
  g_autofree char *value = mp2_store_cache_get (data->store, data->key);
  g_autoptr(JsonNode) node = NULL;
  Mp2Route *route = NULL;

  if (value != NULL)
    node = json_from_string (value, NULL);
  if (node != NULL)
    route = mp2_route_from_json (node);

  if (value != NULL && route == NULL)
    g_debug ("A cached route that does not read back is asked again: %s", data->key);

  g_task_return_pointer (task, route, (GDestroyNotify) mp2_route_free);
}

/**
 * mp2_route_cache_lookup_async:
 * @store: (nullable): the store whose cache to read; %NULL: no cache
 * @key: a key from mp2_route_cache_key()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the route, if one was kept
 * @user_data: data for @callback
 *
 * Reads the route kept under @key, in a worker thread.
 */
void
mp2_route_cache_lookup_async (Mp2Store            *store,
                              const char          *key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mp2_route_cache_lookup_async);
  g_task_set_task_data (task, cache_data_new (store, key), (GDestroyNotify) cache_data_free);

  if (store == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  g_task_run_in_thread (task, lookup_in_thread);
}

/**
 * mp2_route_cache_lookup_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: where to report a cancellation
 *
 * Returns: (transfer full) (nullable): the route kept, or %NULL when none was
 *   (or it expired), with @error unset
 */
Mp2Route *
mp2_route_cache_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CacheData *data = task_data;
  g_autoptr(GError) error = NULL;

  /* A route that could not be kept is asked again next time: nothing to report
   * beyond the log. */
  if (!mp2_store_cache_put (data->store, data->key, data->value, MP2_ROUTE_CACHE_SECONDS,
                            &error))
    g_warning ("Could not keep a route in the cache: %s", error->message);

  g_task_return_boolean (task, error == NULL);
}

/**
 * mp2_route_cache_store_async:
 * @store: (nullable): the store whose cache to write; %NULL: no cache
 * @key: a key from mp2_route_cache_key()
 * @route: the answer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is kept
 * @user_data: data for @callback
 *
 * Keeps @route under @key for %MP2_ROUTE_CACHE_SECONDS, in a worker thread.
 */
void
mp2_route_cache_store_async (Mp2Store            *store,
                             const char          *key,
                             const Mp2Route      *route,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(JsonNode) node = NULL;
  CacheData *data;

  g_task_set_source_tag (task, mp2_route_cache_store_async);
  data = cache_data_new (store, key);
  g_task_set_task_data (task, data, (GDestroyNotify) cache_data_free);

  if (store == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  node = mp2_route_to_json (route);
  data->value = json_to_string (node, FALSE);
  g_task_run_in_thread (task, store_in_thread);
}

/**
 * mp2_route_cache_store_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: where to report a cancellation
 *
 * Returns: %TRUE when the route was kept
 */
gboolean
mp2_route_cache_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GError *
new_offline_error (const GError *error,
                   const char   *service)
{
  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_RATE_LIMITED))
    return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                        /* Translators: %s is a routing service: "Google Maps", "OpenStreetMap
                         * (OSRM)" */
                        _("%s received too many requests and asks to wait. The route "
                          "will be asked again in a few minutes."), service);

  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_SERVER) ||
      g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE))
    return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                        /* Translators: %s is a routing service: "Google Maps", "OpenStreetMap
                         * (OSRM)" */
                        _("%s has a problem of its own. The route will be asked again "
                          "later."), service);

  return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_OFFLINE,
                      /* Translators: %s is a routing service: "Google Maps", "OpenStreetMap
                       * (OSRM)" */
                      _("%s cannot be reached now. Check your internet connection; the "
                        "route will be asked again when it can be reached."), service);
}

/**
 * mp2_route_error_from_http:
 * @error: what the HTTP client reported
 * @response: (nullable): the answer that came with it
 * @service: the service's name for a person: "Google Maps"
 *
 * The %MP2_PLAN_ERROR for a failure that is not the service's own verdict on the
 * question (the providers handle those first): %MP2_PLAN_ERROR_OFFLINE for no
 * network, a timeout, a 5xx or a rate limit still after the retries,
 * %MP2_PLAN_ERROR_FAILED for anything else. A cancellation stays one.
 *
 * Returns: (transfer full): the error
 */
GError *
mp2_route_error_from_http (const GError    *error,
                           Mp2HttpResponse *response,
                           const char      *service)
{
  const char *detail = response != NULL ? mp2_http_response_get_error_message (response) : NULL;

  g_debug ("%s: %s (status %u, reason %s)", service, error->message,
           response != NULL ? response->status : 0,
           response != NULL && response->reason != NULL ? response->reason : "none");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == MP2_HTTP_ERROR)
    {
      switch ((Mp2HttpError) error->code)
        {
        case MP2_HTTP_ERROR_NETWORK:
        case MP2_HTTP_ERROR_TIMEOUT:
        case MP2_HTTP_ERROR_OFFLINE:
        case MP2_HTTP_ERROR_CIRCUIT_OPEN:
        case MP2_HTTP_ERROR_RATE_LIMITED:
        case MP2_HTTP_ERROR_SERVER:
        case MP2_HTTP_ERROR_BAD_RESPONSE:
          return new_offline_error (error, service);
        default:
          break;
        }
    }

  return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                      /* Translators: the first %s is a routing service ("Google Maps"), the second
                       * its own explanation, in English, or why the request failed */
                      _("%s could not compute the route: %s"), service,
                      detail != NULL ? detail : error->message);
}

/* One computation -------------------------------------------------------------------- */

typedef struct
{
  const Mp2RouteService *service;
  Mp2HttpClient         *http;
  Mp2Store              *store;       /* nullable: no cache */
  char                  *cache_key;
  gpointer               question;
  GDestroyNotify         question_free;
  Mp2Route              *route;       /* the answer, while it is being kept */
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_object (&data->http);
  g_clear_object (&data->store);
  g_free (data->cache_key);
  if (data->question_free != NULL)
    g_clear_pointer (&data->question, data->question_free);
  g_clear_pointer (&data->route, mp2_route_free);
  g_free (data);
}

static void
on_fetch_cache_stored_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);

  mp2_route_cache_store_finish (result, NULL);
  g_task_return_pointer (task, g_steal_pointer (&data->route), (GDestroyNotify) mp2_route_free);
}

static void
on_fetch_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(GError) error = NULL;

  response = mp2_http_client_send_finish (MP2_HTTP_CLIENT (object), result, &failed, &error);
  if (response == NULL)
    {
      g_task_return_error (task, data->service->map_http_error (error, failed));
      return;
    }

  data->route = data->service->parse (mp2_http_response_get_object (response), &error);
  if (data->route == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  mp2_route_cache_store_async (data->store, data->cache_key, data->route,
                               g_task_get_cancellable (task), on_fetch_cache_stored_cb,
                               g_object_ref (task));
}

static void
on_fetch_cache_lookup_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  Mp2Route *cached;

  cached = mp2_route_cache_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (cached != NULL)
    {
      g_task_return_pointer (task, cached, (GDestroyNotify) mp2_route_free);
      return;
    }

  request = data->service->new_request (g_task_get_source_object (task), data->question);
  mp2_http_client_send_async (data->http, request, g_task_get_cancellable (task),
                              on_fetch_sent_cb, g_object_ref (task));
}

/**
 * mp2_route_fetch:
 * @task: (transfer full): the computation's task, whose source object is the provider;
 *   it returns an #Mp2Route, and its task data becomes mp2_route_fetch()'s
 * @service: how the provider asks and reads
 * @http: the app's HTTP client
 * @store: (nullable): the store whose cache to use; %NULL: no cache
 * @cache_key: (transfer full): a key from mp2_route_cache_key()
 * @question: (transfer full): what @service's new_request() builds the request from
 * @question_free: (nullable): frees @question
 *
 * Computes a route: the route kept under @cache_key when there is one, otherwise
 * the service's answer, kept for %MP2_ROUTE_CACHE_SECONDS.
 */
void
mp2_route_fetch (GTask                 *task,
                 const Mp2RouteService *service,
                 Mp2HttpClient         *http,
                 Mp2Store              *store,
                 char                  *cache_key,
                 gpointer               question,
                 GDestroyNotify         question_free)
{
  FetchData *data = g_new0 (FetchData, 1);

  data->service = service;
  data->http = g_object_ref (http);
  data->store = store != NULL ? g_object_ref (store) : NULL;
  data->cache_key = cache_key;
  data->question = question;
  data->question_free = question_free;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  mp2_route_cache_lookup_async (store, cache_key, g_task_get_cancellable (task),
                                on_fetch_cache_lookup_cb, task);
}
