/* mp2-google-routes.c
 *
 * POST https://routes.googleapis.com/directions/v2:computeRoutes with the key in
 * `X-Goog-Api-Key` and the mandatory `X-Goog-FieldMask` (without it Google answers
 * 400). What Google's JSON does that a client must survive:
 *
 * - durations are strings of seconds: "1394s", even "3.5s";
 * - `duration` counts traffic (TRAFFIC_AWARE, driving only), `staticDuration` not;
 * - proto3 JSON leaves out zero values, and "no route" is `{}` with HTTP 200;
 * - `departureTime` may only be in the past for TRANSIT: for another mode a departure
 *   already past (a re-check made late, a plan of today made after leaving) is left
 *   out, and Google answers for leaving now, which is the best there is;
 * - TRANSIT takes no intermediate waypoints: a via point with public transport is
 *   reported as no route, without asking;
 * - a refused key is 400 API_KEY_INVALID, a key not allowed to use Routes 403.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-google-routes"

#include "config.h"

#include "mp2-google-routes.h"

#include <glib/gi18n-lib.h>

#include "mp2-api-keys.h"
#include "mp2-route-provider-private.h"
#include "mp2-service-url.h"

#define ROUTES_API_URL "https://routes.googleapis.com/"
#define ROUTES_API     "google-routes"
#define PROVIDER_ID    "google"

/* A departure closer than this to now counts as past: the request takes a moment. */
#define PAST_MARGIN_SECONDS 60

struct _Mp2GoogleRoutes
{
  GObject        parent_instance;

  Mp2HttpClient *http;
  Mp2Store      *store;      /* nullable */
  char          *base_url;   /* ends with '/' */
  char          *api_key;    /* nullable */
};

static void mp2_google_routes_route_provider_init (Mp2RouteProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2GoogleRoutes, mp2_google_routes, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_ROUTE_PROVIDER,
                                                      mp2_google_routes_route_provider_init))

/* The question, what the request is built from. */
typedef struct
{
  Mp2Place      *from;
  Mp2Place      *via;      /* nullable */
  Mp2Place      *to;
  GDateTime     *departure;
  Mp2TravelMode  mode;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_clear_pointer (&data->from, mp2_place_free);
  g_clear_pointer (&data->via, mp2_place_free);
  g_clear_pointer (&data->to, mp2_place_free);
  g_clear_pointer (&data->departure, g_date_time_unref);
  g_free (data);
}

/* The request */

static const char *
travel_mode_name (Mp2TravelMode mode)
{
  switch (mode)
    {
    case MP2_TRAVEL_MODE_TRANSIT:
      return "TRANSIT";
    case MP2_TRAVEL_MODE_BICYCLE:
      return "BICYCLE";
    case MP2_TRAVEL_MODE_WALK:
      return "WALK";
    case MP2_TRAVEL_MODE_DRIVE:
    default:
      return "DRIVE";
    }
}

/* {"location": {"latLng": {"latitude": …, "longitude": …}}} */
static void
add_waypoint (JsonBuilder    *builder,
              const Mp2Place *place)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "latLng");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "latitude");
  json_builder_add_double_value (builder, place->latitude);
  json_builder_set_member_name (builder, "longitude");
  json_builder_add_double_value (builder, place->longitude);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static gboolean
is_past (GDateTime *departure)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_difference (departure, now) < PAST_MARGIN_SECONDS * G_TIME_SPAN_SECOND;
}

/* "2025-03-12T08:15:00Z" */
static char *
format_departure (GDateTime *departure)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (departure);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_departure (JsonBuilder *builder,
               ComputeData *data)
{
  g_autofree char *departure = NULL;

  if (data->mode != MP2_TRAVEL_MODE_TRANSIT && is_past (data->departure))
    {
      g_debug ("The departure is past: asking for leaving now");
      return;
    }

  departure = format_departure (data->departure);
  json_builder_set_member_name (builder, "departureTime");
  json_builder_add_string_value (builder, departure);
}

static JsonNode *
build_body (ComputeData *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "origin");
  add_waypoint (builder, data->from);
  json_builder_set_member_name (builder, "destination");
  add_waypoint (builder, data->to);

  if (data->via != NULL)
    {
      json_builder_set_member_name (builder, "intermediates");
      json_builder_begin_array (builder);
      add_waypoint (builder, data->via);
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "travelMode");
  json_builder_add_string_value (builder, travel_mode_name (data->mode));

  /* only allowed for driving: any other mode fails with it */
  if (data->mode == MP2_TRAVEL_MODE_DRIVE)
    {
      json_builder_set_member_name (builder, "routingPreference");
      json_builder_add_string_value (builder, "TRAFFIC_AWARE");
    }

  add_departure (builder, data);
  json_builder_set_member_name (builder, "computeAlternativeRoutes");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "units");
  json_builder_add_string_value (builder, "METRIC");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static Mp2HttpRequest *
new_request (gpointer provider,
             gpointer question)
{
  Mp2GoogleRoutes *self = provider;
  ComputeData *data = question;
  g_autofree char *uri = g_strconcat (self->base_url, "directions/v2:computeRoutes", NULL);
  g_autoptr(JsonNode) body = build_body (data);
  Mp2HttpRequest *request = mp2_http_request_new ("POST", uri);

  mp2_http_request_set_api (request, ROUTES_API);
  mp2_http_request_set_header (request, "X-Goog-Api-Key", self->api_key);
  mp2_http_request_add_secret (request, "X-Goog-Api-Key");
  mp2_http_request_set_header (request, "X-Goog-FieldMask", MP2_GOOGLE_ROUTES_FIELD_MASK);
  mp2_http_request_set_json_body (request, body);
  /* computeRoutes changes nothing: asking again after a 429 or a 5xx is safe */
  mp2_http_request_set_retryable (request, TRUE);

  return request;
}

/* The answer */

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

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

/* The first route, or NULL for `{}` or `"routes": []`. */
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

/* A google.protobuf.Duration: "1394s", "3.5s"; absent is 0 (proto3 leaves zero out).
 * FALSE for anything else. */
static gboolean
parse_duration (JsonObject *route,
                const char *name,
                gint64     *seconds)
{
  JsonNode *node = json_object_get_member (route, name);
  const char *text;
  char *end = NULL;
  double value;

  *seconds = 0;
  if (node == NULL)
    return TRUE;

  text = get_string_member (route, name);
  if (text == NULL)
    return FALSE;

  value = g_ascii_strtod (text, &end);
  if (end == text || g_strcmp0 (end, "s") != 0 || value < 0)
    return FALSE;

  *seconds = (gint64) (value + 0.5);
  return TRUE;
}

/* distanceMeters: an int32, absent when 0. */
static gint64
get_distance (JsonObject *route)
{
  JsonNode *node = json_object_get_member (route, "distanceMeters");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  return MAX (json_node_get_int (node), 0);
}

static Mp2Route *
parse_route (JsonObject  *answer,
             GError     **error)
{
  JsonObject *first = get_first_route (answer);
  const char *polyline;
  gint64 duration;
  gint64 static_duration;
  Mp2Route *route;

  if (first == NULL)
    {
      g_set_error_literal (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE,
                           _("Google Maps knows no way between these places. Check the "
                             "addresses, or choose another way to travel in Preferences."));
      return NULL;
    }

  if (!parse_duration (first, "duration", &duration) ||
      !parse_duration (first, "staticDuration", &static_duration))
    {
      g_set_error_literal (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                           _("Google Maps answered with a route that cannot be read. Try "
                             "again later."));
      return NULL;
    }

  /* without traffic (not driving) Google may leave staticDuration out */
  if (json_object_get_member (first, "staticDuration") == NULL)
    static_duration = duration;

  route = mp2_route_new (duration, static_duration, get_distance (first), PROVIDER_ID);
  polyline = get_string_member (get_object_member (first, "polyline"), "encodedPolyline");
  if (polyline != NULL && *polyline != '\0')
    route->polyline = g_strdup (polyline);

  return route;
}

/* Errors */

static GError *
new_key_error (const GError    *error,
               Mp2HttpResponse *response)
{
  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_FORBIDDEN))
    return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_KEY_REJECTED,
                                _("The Google Maps API key may not compute routes. Enable "
                                  "the Routes API for the key’s project in the Google Cloud "
                                  "console, or check the key’s restrictions."));

  return g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_KEY_REJECTED,
                              _("Google Maps does not accept the API key. Check the key in "
                                "Preferences, or choose OpenStreetMap for routes."));
}

static gboolean
is_key_error (const GError    *error,
              Mp2HttpResponse *response)
{
  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_FORBIDDEN))
    return TRUE;

  return g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_REQUEST) &&
         response != NULL && g_strcmp0 (response->reason, "API_KEY_INVALID") == 0;
}

static GError *
map_error (const GError    *error,
           Mp2HttpResponse *response)
{
  if (is_key_error (error, response))
    return new_key_error (error, response);

  return mp2_route_error_from_http (error, response, _("Google Maps"));
}

static const Mp2RouteService google_service = {
  .new_request = new_request,
  .parse = parse_route,
  .map_http_error = map_error,
};

/* Computing */

static ComputeData *
compute_data_new (const Mp2Place *from,
                  const Mp2Place *via,
                  const Mp2Place *to,
                  GDateTime      *departure,
                  Mp2TravelMode   mode)
{
  ComputeData *data = g_new0 (ComputeData, 1);

  data->from = mp2_place_copy (from);
  data->via = via != NULL ? mp2_place_copy (via) : NULL;
  data->to = mp2_place_copy (to);
  data->departure = g_date_time_ref (departure);
  data->mode = mode;

  return data;
}

static void
mp2_google_routes_compute_async (Mp2RouteProvider    *provider,
                                 const Mp2Place      *from,
                                 const Mp2Place      *via,
                                 const Mp2Place      *to,
                                 GDateTime           *departure,
                                 Mp2TravelMode        mode,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Mp2GoogleRoutes *self = MP2_GOOGLE_ROUTES (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, mp2_google_routes_compute_async);

  if (self->api_key == NULL)
    {
      g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_KEY,
                               _("Routes with traffic from Google Maps need an API key. "
                                 "Add one in Preferences, or choose OpenStreetMap for "
                                 "routes."));
      return;
    }

  if (mode == MP2_TRAVEL_MODE_TRANSIT && via != NULL)
    {
      g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_NO_ROUTE,
                               _("Google Maps plans public transport without stops on the "
                                 "way. Remove the stop on the way in Preferences, or choose "
                                 "another way to travel."));
      return;
    }

  mp2_route_fetch (g_steal_pointer (&task), &google_service, self->http, self->store,
                   mp2_route_cache_key (PROVIDER_ID, from, via, to, mode, departure),
                   compute_data_new (from, via, to, departure, mode),
                   (GDestroyNotify) compute_data_free);
}

static const char *
mp2_google_routes_get_id (Mp2RouteProvider *provider)
{
  return PROVIDER_ID;
}

static gboolean
mp2_google_routes_get_uses_traffic (Mp2RouteProvider *provider)
{
  return TRUE;
}

static void
mp2_google_routes_route_provider_init (Mp2RouteProviderInterface *iface)
{
  iface->get_id = mp2_google_routes_get_id;
  iface->get_uses_traffic = mp2_google_routes_get_uses_traffic;
  iface->compute_async = mp2_google_routes_compute_async;
}

/* The object */

static void
mp2_google_routes_dispose (GObject *object)
{
  Mp2GoogleRoutes *self = MP2_GOOGLE_ROUTES (object);

  g_clear_object (&self->http);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp2_google_routes_parent_class)->dispose (object);
}

static void
mp2_google_routes_finalize (GObject *object)
{
  Mp2GoogleRoutes *self = MP2_GOOGLE_ROUTES (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, mp2_api_key_free);

  G_OBJECT_CLASS (mp2_google_routes_parent_class)->finalize (object);
}

static void
mp2_google_routes_class_init (Mp2GoogleRoutesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_google_routes_dispose;
  object_class->finalize = mp2_google_routes_finalize;
}

static void
mp2_google_routes_init (Mp2GoogleRoutes *self)
{
}

/**
 * mp2_google_routes_new:
 * @http: the app's HTTP client
 * @store: (nullable): the store whose cache keeps answers; %NULL: no cache
 * @base_url: (nullable): where `directions/v2:computeRoutes` is found; %NULL for
 *   Google's, or the `MP2_ROUTES_URL` override
 *
 * Creates the Google route provider. Nothing is asked before an API key is set.
 *
 * Returns: (transfer full): a new provider
 */
Mp2GoogleRoutes *
mp2_google_routes_new (Mp2HttpClient *http,
                       Mp2Store      *store,
                       const char    *base_url)
{
  Mp2GoogleRoutes *self;

  g_return_val_if_fail (MP2_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (store == NULL || MP2_IS_STORE (store), NULL);

  self = g_object_new (MP2_TYPE_GOOGLE_ROUTES, NULL);
  self->http = g_object_ref (http);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  self->base_url = mp2_service_base_url (base_url, "MP2_ROUTES_URL", ROUTES_API_URL);

  return self;
}

/**
 * mp2_google_routes_set_api_key:
 * @self: the provider
 * @api_key: (nullable): a Google Maps Platform API key with the Routes API enabled;
 *   %NULL or "" for none
 *
 * Sets the key sent with each request. The key never reaches a log.
 */
void
mp2_google_routes_set_api_key (Mp2GoogleRoutes *self,
                               const char      *api_key)
{
  g_return_if_fail (MP2_IS_GOOGLE_ROUTES (self));

  g_clear_pointer (&self->api_key, mp2_api_key_free);
  if (api_key != NULL && *api_key != '\0')
    self->api_key = g_strdup (api_key);
}
