/* mp2-osrm-routes.c
 *
 * GET {server}route/v1/driving/{lon},{lat};{lon},{lat}?overview=false — longitude
 * first, the opposite of Google. The answer's `code` is "Ok", or (with HTTP 400)
 * "NoRoute" (no way between the places), "NoSegment" (a place far from any road),
 * "InvalidQuery" and the like. The demo server's front end answers 429
 * `{"message": "Too Many Requests"}`, without `code`, to more than one request a
 * second: the app's rate limit for "osrm" keeps under it, and the HTTP client retries
 * a 429 that comes anyway.
 *
 * Durations are the same at any hour (OSRM knows no traffic), so the departure is no
 * part of the cache key: the morning's repeated questions find one answer.
 *
 * Only the car profile: the demo server routes cars whatever profile the address
 * names, so a bicycle or a walk would silently come back as a drive. Other modes are
 * reported as no route, without a request, with a sentence that says what to choose
 * instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-osrm-routes"

#include "config.h"

#include "mp2-osrm-routes.h"

#include <glib/gi18n-lib.h>

#include "mp2-route-provider-private.h"
#include "mp2-service-url.h"

#define OSRM_API    "osrm"
#define PROVIDER_ID "osrm"
#define PROFILE     "driving"

struct _Mp2OsrmRoutes
{
  GObject        parent_instance;

  Mp2HttpClient *http;
  Mp2Store      *store;      /* nullable */
  char          *base_url;   /* ends with '/' */
};

static void mp2_osrm_routes_route_provider_init (Mp2RouteProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2OsrmRoutes, mp2_osrm_routes, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_ROUTE_PROVIDER,
                                                      mp2_osrm_routes_route_provider_init))

/* The request */

static void
append_coordinates (GString        *path,
                    const Mp2Place *place)
{
  g_autofree char *longitude = mp2_route_format_coordinate (place->longitude);
  g_autofree char *latitude = mp2_route_format_coordinate (place->latitude);

  if (path->len > 0)
    g_string_append_c (path, ';');
  g_string_append_printf (path, "%s,%s", longitude, latitude);
}

static char *
build_coordinates (const Mp2Place *from,
                   const Mp2Place *via,
                   const Mp2Place *to)
{
  GString *path = g_string_new (NULL);

  append_coordinates (path, from);
  if (via != NULL)
    append_coordinates (path, via);
  append_coordinates (path, to);

  return g_string_free (path, FALSE);
}

/* @question: the coordinates, "lon,lat;lon,lat" */
static Mp2HttpRequest *
new_request (gpointer provider,
             gpointer question)
{
  Mp2OsrmRoutes *self = provider;
  const char *path = question;
  g_autofree char *uri = g_strconcat (self->base_url, "route/v1/" PROFILE "/", path, NULL);
  Mp2HttpRequest *request = mp2_http_request_new ("GET", uri);

  mp2_http_request_set_api (request, OSRM_API);
  mp2_http_request_add_query (request, "overview", "false");
  mp2_http_request_add_query (request, "alternatives", "false");
  mp2_http_request_add_query (request, "steps", "false");

  return request;
}

/* The answer */

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A number member, int or float; FALSE when missing. */
static gboolean
get_number_member (JsonObject *object,
                   const char *name,
                   double     *value)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_double (node);
  return *value >= 0;
}

static JsonObject *
get_first_route (JsonObject *answer)
{
  JsonNode *node = answer != NULL ? json_object_get_member (answer, "routes") : NULL;
  JsonArray *routes;
  JsonNode *first;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  routes = json_node_get_array (node);
  if (json_array_get_length (routes) == 0)
    return NULL;

  first = json_array_get_element (routes, 0);
  return JSON_NODE_HOLDS_OBJECT (first) ? json_node_get_object (first) : NULL;
}

/* The error for an answer whose `code` is not "Ok"; NULL when it has no code (the
 * demo server's 429, a proxy's page). */
static GError *
new_code_error (const char *code,
                const char *message)
{
  if (code == NULL)
    return NULL;

  if (g_str_equal (code, "NoRoute"))
    return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE,
                                _("OpenStreetMap knows no road between these places. Check "
                                  "the addresses in Preferences and on the call sheet."));

  if (g_str_equal (code, "NoSegment"))
    return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE,
                                _("One of the places is too far from any road OpenStreetMap "
                                  "knows. Check the addresses in Preferences and on the "
                                  "call sheet."));

  return g_error_new (MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                      /* Translators: the first %s is OSRM's code ("InvalidQuery"), the second its
                       * own explanation, in English */
                      _("The OpenStreetMap routing server refused the request (%s: %s). "
                        "Check the server in Preferences."),
                      code, message != NULL ? message : "");
}

static Mp2Route *
parse_route (JsonObject  *answer,
             GError     **error)
{
  const char *code = get_string_member (answer, "code");
  JsonObject *first;
  double duration;
  double distance;

  if (g_strcmp0 (code, "Ok") != 0)
    {
      GError *code_error = new_code_error (code, get_string_member (answer, "message"));

      if (code_error != NULL)
        {
          g_propagate_error (error, code_error);
          return NULL;
        }
    }

  first = get_first_route (answer);
  if (first == NULL || !get_number_member (first, "duration", &duration) ||
      !get_number_member (first, "distance", &distance))
    {
      g_set_error_literal (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                           _("The OpenStreetMap routing server answered with a route that "
                             "cannot be read. Check the server in Preferences."));
      return NULL;
    }

  /* no traffic: the duration is the same at any hour */
  return mp2_route_new ((gint64) (duration + 0.5), (gint64) (duration + 0.5),
                        (gint64) (distance + 0.5), PROVIDER_ID);
}

static GError *
map_error (const GError    *error,
           Mp2HttpResponse *response)
{
  JsonObject *answer = response != NULL ? mp2_http_response_get_object (response) : NULL;
  GError *code_error = NULL;

  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_REQUEST) ||
      g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_NOT_FOUND))
    code_error = new_code_error (get_string_member (answer, "code"),
                                 get_string_member (answer, "message"));
  if (code_error != NULL)
    return code_error;

  return mp2_route_error_from_http (error, response, _("OpenStreetMap (OSRM)"));
}

static const Mp2RouteService osrm_service = {
  .new_request = new_request,
  .parse = parse_route,
  .map_http_error = map_error,
};

/* Computing */

static void
mp2_osrm_routes_compute_async (Mp2RouteProvider    *provider,
                               const Mp2Place      *from,
                               const Mp2Place      *via,
                               const Mp2Place      *to,
                               GDateTime           *departure,
                               Mp2TravelMode        mode,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Mp2OsrmRoutes *self = MP2_OSRM_ROUTES (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, mp2_osrm_routes_compute_async);

  if (mode != MP2_TRAVEL_MODE_DRIVE)
    {
      g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE,
                               _("OpenStreetMap routing plans car journeys only. For public "
                                 "transport, cycling or walking choose Google Maps or a "
                                 "fixed travel time in Preferences."));
      return;
    }

  mp2_route_fetch (g_steal_pointer (&task), &osrm_service, self->http, self->store,
                   mp2_route_cache_key (PROVIDER_ID, from, via, to, mode, NULL),
                   build_coordinates (from, via, to), g_free);
}

static const char *
mp2_osrm_routes_get_id (Mp2RouteProvider *provider)
{
  return PROVIDER_ID;
}

static gboolean
mp2_osrm_routes_get_uses_traffic (Mp2RouteProvider *provider)
{
  return FALSE;
}

static void
mp2_osrm_routes_route_provider_init (Mp2RouteProviderInterface *iface)
{
  iface->get_id = mp2_osrm_routes_get_id;
  iface->get_uses_traffic = mp2_osrm_routes_get_uses_traffic;
  iface->compute_async = mp2_osrm_routes_compute_async;
}

/* The object */

static void
mp2_osrm_routes_dispose (GObject *object)
{
  Mp2OsrmRoutes *self = MP2_OSRM_ROUTES (object);

  g_clear_object (&self->http);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp2_osrm_routes_parent_class)->dispose (object);
}

static void
mp2_osrm_routes_finalize (GObject *object)
{
  Mp2OsrmRoutes *self = MP2_OSRM_ROUTES (object);

  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (mp2_osrm_routes_parent_class)->finalize (object);
}

static void
mp2_osrm_routes_class_init (Mp2OsrmRoutesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_osrm_routes_dispose;
  object_class->finalize = mp2_osrm_routes_finalize;
}

static void
mp2_osrm_routes_init (Mp2OsrmRoutes *self)
{
}

/**
 * mp2_osrm_routes_new:
 * @http: the app's HTTP client (its rate limit for "osrm" keeps the demo server's
 *   one request a second, see mp2_planning_configure_rate_limits())
 * @store: (nullable): the store whose cache keeps answers; %NULL: no cache
 * @base_url: (nullable): the OSRM server, where `route/v1/` is found; %NULL for the
 *   public demo server, or the `MP2_OSRM_URL` override
 *
 * Creates the OSRM route provider.
 *
 * Returns: (transfer full): a new provider
 */
Mp2OsrmRoutes *
mp2_osrm_routes_new (Mp2HttpClient *http,
                     Mp2Store      *store,
                     const char    *base_url)
{
  Mp2OsrmRoutes *self;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (store == NULL || MP2_IS_STORE (store), NULL);

  self = g_object_new (MP2_TYPE_OSRM_ROUTES, NULL);
  self->http = g_object_ref (http);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  /* an empty URL names no server: the demo server */
  if (base_url != NULL && *base_url == '\0')
    base_url = NULL;
  self->base_url = mp2_service_base_url (base_url, "MP2_OSRM_URL", MP2_OSRM_DEMO_SERVER_URL);

  return self;
}
