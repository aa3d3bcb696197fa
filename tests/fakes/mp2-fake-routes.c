/* mp2-fake-routes.c
 *
 * The fake routing services: Google Routes API v2 computeRoutes and OSRM's route
 * service, answering from the samples of tests/data/contracts (compiled in), checking
 * each request against what the contract says the real service accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-routes"

#include "config.h"

#include "mp2-fake-routes.h"
#include "mp2-fake-service.h"

#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include "mp2-fake-routes-resources.h"

#define RESOURCE_PREFIX "/com/mp2/FakeRoutes/"
#define COMPUTE_ROUTES_PATH "/directions/v2:computeRoutes"
#define OSRM_ROUTE_PREFIX "/route/v1/"

/* libsoup 3.2 names no 429 */
#define STATUS_TOO_MANY_REQUESTS 429

/* The endpoints, as the fault script numbers them. */
typedef enum
{
  ENDPOINT_GOOGLE,
  ENDPOINT_OSRM,
} EndpointId;

typedef struct
{
  guint               count;
  char               *last_path;
  SoupMessageHeaders *last_headers;
} Endpoint;

struct _Mp2FakeRoutes
{
  GObject                    parent_instance;

  SoupServer                *server;
  char                      *url;
  char                      *api_key;
  gint64                     duration;
  gint64                     static_duration;
  gint64                     distance;
  Mp2FakeRoutesDurationFunc  duration_func;
  gpointer                   duration_data;
  GDestroyNotify             duration_destroy;
  gboolean                   by_distance;
  Mp2FakeFaultScript        *faults;
  Endpoint                   google;
  Endpoint                   osrm;
  JsonObject                *last_body;
  GPtrArray                 *violations;
};

G_DEFINE_FINAL_TYPE (Mp2FakeRoutes, mp2_fake_routes, G_TYPE_OBJECT)

/* The members of ComputeRoutesRequest (routes_service.proto), in JSON. */
static const char * const request_members[] = {
  "origin", "destination", "intermediates", "travelMode", "routingPreference",
  "polylineQuality", "polylineEncoding", "departureTime", "arrivalTime",
  "computeAlternativeRoutes", "routeModifiers", "languageCode", "regionCode", "units",
  "optimizeWaypointOrder", "requestedReferenceRoutes", "extraComputations",
  "trafficModel", "transitPreferences",
};

static const char * const travel_modes[] = {
  "TRAVEL_MODE_UNSPECIFIED", "DRIVE", "BICYCLE", "WALK", "TWO_WHEELER", "TRANSIT",
};

/* OSRM's general and route options (docs/http.md). */
static const char * const osrm_options[] = {
  "bearings", "radiuses", "generate_hints", "hints", "approaches", "exclude", "snapping",
  "skip_waypoints", "alternatives", "steps", "annotations", "geometries", "overview",
  "continue_straight", "waypoints",
};

static void
endpoint_clear (Endpoint *endpoint)
{
  g_clear_pointer (&endpoint->last_path, g_free);
  g_clear_pointer (&endpoint->last_headers, soup_message_headers_unref);
}

static EndpointId
lookup_endpoint_id (const char *name)
{
  if (g_strcmp0 (name, "google") == 0)
    return ENDPOINT_GOOGLE;
  if (g_strcmp0 (name, "osrm") == 0)
    return ENDPOINT_OSRM;

  g_error ("The fake routes have no endpoint “%s”: “google” or “osrm”", name);
}

static Endpoint *
get_endpoint (Mp2FakeRoutes *self,
              const char    *name)
{
  return lookup_endpoint_id (name) == ENDPOINT_GOOGLE ? &self->google : &self->osrm;
}

/* Samples */

static GBytes *
load_sample (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "samples/", name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (mp2_fake_routes_data_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  return bytes;
}

static JsonNode *
load_sample_json (const char *name)
{
  g_autoptr(GBytes) bytes = load_sample (name);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);

  return node;
}

/* Answering */

static void
reply_bytes (SoupServerMessage *msg,
             guint              status,
             const char        *content_type,
             GBytes            *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
reply_sample (SoupServerMessage *msg,
              guint              status,
              const char        *name)
{
  g_autoptr(GBytes) body = load_sample (name);

  reply_bytes (msg, status, "application/json; charset=utf-8", body);
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, TRUE);
  g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&text), strlen (text));

  reply_bytes (msg, status, "application/json; charset=utf-8", body);
}

/* A google.rpc.Status envelope. */
static void
reply_google_error (SoupServerMessage *msg,
                    guint              status,
                    const char        *rpc_status,
                    const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, rpc_status);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  reply_json (msg, status, node);
}

/* OSRM's {"code": …, "message": …}. */
static void
reply_osrm_error (SoupServerMessage *msg,
                  const char        *code,
                  const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  reply_json (msg, SOUP_STATUS_BAD_REQUEST, node);
}

G_GNUC_PRINTF (2, 3)
static void
add_violation (Mp2FakeRoutes *self,
               const char    *format,
               ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_message ("Contract violation: %s", text);
  g_ptr_array_add (self->violations, text);
}

/* Faults */

static void
reply_google_fault (SoupServerMessage  *msg,
                    Mp2FakeRoutesFault  fault)
{
  switch (fault)
    {
    case MP2_FAKE_ROUTES_FAULT_RATE_LIMIT:
      reply_sample (msg, STATUS_TOO_MANY_REQUESTS,
                    "routes/error_429_resource_exhausted.constructed.json");
      break;

    case MP2_FAKE_ROUTES_FAULT_SERVER_ERROR:
      reply_google_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "UNAVAILABLE",
                          "The service is currently unavailable.");
      break;

    case MP2_FAKE_ROUTES_FAULT_NO_ROUTE:
    case MP2_FAKE_ROUTES_FAULT_NO_SEGMENT:
    default:
      reply_sample (msg, SOUP_STATUS_OK, "routes/compute_routes_response_no_route.constructed.json");
      break;
    }
}

static void
reply_osrm_fault (SoupServerMessage  *msg,
                  Mp2FakeRoutesFault  fault)
{
  g_autoptr(GBytes) page = NULL;

  switch (fault)
    {
    case MP2_FAKE_ROUTES_FAULT_RATE_LIMIT:
      reply_sample (msg, STATUS_TOO_MANY_REQUESTS,
                    "osrm/error_too_many_requests_demo_server.observed.json");
      break;

    case MP2_FAKE_ROUTES_FAULT_SERVER_ERROR:
      page = g_bytes_new_static ("<html><body>503 Service Unavailable</body></html>", 48);
      reply_bytes (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "text/html", page);
      break;

    case MP2_FAKE_ROUTES_FAULT_NO_SEGMENT:
      reply_sample (msg, SOUP_STATUS_BAD_REQUEST, "osrm/error_no_segment.assembled.json");
      break;

    case MP2_FAKE_ROUTES_FAULT_NO_ROUTE:
    default:
      reply_sample (msg, SOUP_STATUS_BAD_REQUEST, "osrm/error_no_route.assembled.json");
      break;
    }
}

/* Google: the request */

static gboolean
is_in_list (const char         *value,
            const char * const *list,
            gsize               length)
{
  for (gsize i = 0; i < length; i++)
    if (g_strcmp0 (value, list[i]) == 0)
      return TRUE;

  return FALSE;
}

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

static gboolean
get_degrees (JsonObject *lat_lng,
             const char *name,
             double      limit,
             double     *degrees)
{
  JsonNode *node = json_object_get_member (lat_lng, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *degrees = json_node_get_double (node);
  return *degrees >= -limit && *degrees <= limit;
}

/* A Waypoint with location.latLng: what is wrong with it, or NULL. */
static const char *
check_waypoint (JsonNode *node)
{
  JsonObject *lat_lng;
  double degrees;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return "is not a Waypoint object";

  lat_lng = get_object_member (get_object_member (json_node_get_object (node), "location"),
                               "latLng");
  if (lat_lng == NULL)
    return "has no location.latLng";
  if (!get_degrees (lat_lng, "latitude", 90, &degrees))
    return "has no latitude in -90..90";
  if (!get_degrees (lat_lng, "longitude", 180, &degrees))
    return "has no longitude in -180..180";

  return NULL;
}

/* What makes Google answer 400 INVALID_ARGUMENT, or NULL. */
static char *
check_body (JsonObject  *body,
            GDateTime  **departure)
{
  const char *mode = get_string_member (body, "travelMode");
  const char *preference = get_string_member (body, "routingPreference");
  const char *departure_text = get_string_member (body, "departureTime");
  JsonNode *intermediates = json_object_get_member (body, "intermediates");
  g_autoptr(GList) members = json_object_get_members (body);
  const char *problem;

  for (GList *l = members; l != NULL; l = l->next)
    if (!is_in_list (l->data, request_members, G_N_ELEMENTS (request_members)))
      return g_strdup_printf ("Invalid JSON payload received. Unknown name \"%s\": "
                              "Cannot find field.", (const char *) l->data);

  if ((problem = check_waypoint (json_object_get_member (body, "origin"))) != NULL)
    return g_strdup_printf ("origin %s", problem);
  if ((problem = check_waypoint (json_object_get_member (body, "destination"))) != NULL)
    return g_strdup_printf ("destination %s", problem);

  if (intermediates != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (intermediates))
        return g_strdup ("intermediates is not a list");
      for (guint i = 0; i < json_array_get_length (json_node_get_array (intermediates)); i++)
        {
          problem = check_waypoint (json_array_get_element (json_node_get_array (intermediates), i));
          if (problem != NULL)
            return g_strdup_printf ("intermediates[%u] %s", i, problem);
        }
      if (g_strcmp0 (mode, "TRANSIT") == 0)
        return g_strdup ("Intermediate waypoints are not supported for TRANSIT.");
    }

  if (mode != NULL && !is_in_list (mode, travel_modes, G_N_ELEMENTS (travel_modes)))
    return g_strdup_printf ("Invalid value at 'travel_mode' (%s)", mode);

  if (preference != NULL && mode != NULL && !g_str_equal (mode, "DRIVE") &&
      !g_str_equal (mode, "TWO_WHEELER"))
    return g_strdup ("Routing preference can only be set when travel mode is DRIVE or "
                     "TWO_WHEELER.");

  if (departure_text != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      *departure = g_date_time_new_from_iso8601 (departure_text, NULL);
      if (*departure == NULL || !g_str_has_suffix (departure_text, "Z"))
        return g_strdup_printf ("Invalid value at 'departure_time' (%s)", departure_text);
      if (g_date_time_compare (*departure, now) < 0 && g_strcmp0 (mode, "TRANSIT") != 0)
        return g_strdup ("Timestamp must be set to a future time.");
    }

  return NULL;
}

/* By distance (mp2_fake_routes_set_by_distance ()) */

/* Roads are this much longer than the straight line; in town a car makes 30 km/h
 * door to door, and traffic at rush hour makes that half as long again. */
#define ROAD_DETOUR 1.3
#define CITY_SPEED_M_S (30.0 / 3.6)
#define RUSH_HOUR_TRAFFIC 1.5
#define OTHER_TRAFFIC 1.1

static double
get_straight_metres (double lon1,
                     double lat1,
                     double lon2,
                     double lat2)
{
  double phi1 = lat1 * G_PI / 180, phi2 = lat2 * G_PI / 180;
  double dphi = phi2 - phi1, dlambda = (lon2 - lon1) * G_PI / 180;
  double a = sin (dphi / 2) * sin (dphi / 2)
             + cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);

  return 2 * 6371000.0 * asin (MIN (1.0, sqrt (a)));
}

/* Weekdays 07:00–10:00 and 16:00–19:00 in Warsaw (now, without a departure). */
static gboolean
is_rush_hour (GDateTime *departure)
{
  g_autoptr(GTimeZone) warsaw = g_time_zone_new_identifier ("Europe/Warsaw");
  g_autoptr(GTimeZone) zone = warsaw != NULL ? g_time_zone_ref (warsaw) : g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (departure != NULL ? departure : now,
                                                        zone);
  int hour = g_date_time_get_hour (local);

  return g_date_time_get_day_of_week (local) <= 5
         && ((hour >= 7 && hour < 10) || (hour >= 16 && hour < 19));
}

/* The route through @coordinates (lon, lat pairs) as the answers' numbers. */
static void
measure_route (Mp2FakeRoutes *self,
               GArray        *coordinates,
               GDateTime     *departure)
{
  double metres = 0;

  for (guint i = 2; i + 1 < coordinates->len; i += 2)
    metres += get_straight_metres (g_array_index (coordinates, double, i - 2),
                                   g_array_index (coordinates, double, i - 1),
                                   g_array_index (coordinates, double, i),
                                   g_array_index (coordinates, double, i + 1));

  self->distance = (gint64) round (metres * ROAD_DETOUR);
  self->static_duration = MAX (60, (gint64) round (self->distance / CITY_SPEED_M_S));
  self->duration = (gint64) round (self->static_duration
                                   * (is_rush_hour (departure) ? RUSH_HOUR_TRAFFIC
                                                               : OTHER_TRAFFIC));
}

static void
add_waypoint_coordinates (GArray   *coordinates,
                          JsonNode *waypoint)
{
  JsonObject *lat_lng = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (waypoint), "location"), "latLng");
  double pair[2] = {
    json_object_get_double_member (lat_lng, "longitude"),
    json_object_get_double_member (lat_lng, "latitude"),
  };

  g_array_append_vals (coordinates, pair, 2);
}

/* A checked computeRoutes body: origin, intermediates, destination. */
static void
measure_google_route (Mp2FakeRoutes *self,
                      JsonObject    *body,
                      GDateTime     *departure)
{
  g_autoptr(GArray) coordinates = g_array_new (FALSE, FALSE, sizeof (double));
  JsonNode *intermediates = json_object_get_member (body, "intermediates");

  add_waypoint_coordinates (coordinates, json_object_get_member (body, "origin"));
  for (guint i = 0; intermediates != NULL
                    && i < json_array_get_length (json_node_get_array (intermediates)); i++)
    add_waypoint_coordinates (coordinates,
                              json_array_get_element (json_node_get_array (intermediates), i));
  add_waypoint_coordinates (coordinates, json_object_get_member (body, "destination"));

  measure_route (self, coordinates, departure);
}

/* Google: the answer */

static gboolean
mask_has (char       **mask,
          const char  *field)
{
  g_autofree char *path = g_strconcat ("routes.", field, NULL);

  for (guint i = 0; mask[i] != NULL; i++)
    {
      const char *entry = g_strstrip (mask[i]);

      if (g_str_equal (entry, "*") || g_str_equal (entry, "routes") ||
          g_str_equal (entry, "routes.*") || g_str_equal (entry, path))
        return TRUE;
      /* "routes.polyline.encodedPolyline" asks for part of polyline */
      if (g_str_has_prefix (entry, path) && entry[strlen (path)] == '.')
        return TRUE;
    }

  return FALSE;
}

static void
set_duration_member (JsonObject *route,
                     const char *name,
                     gint64      seconds)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT "s", seconds);

  /* proto3 JSON leaves zero values out */
  if (seconds > 0)
    json_object_set_string_member (route, name, text);
}

static gint64
duration_for (Mp2FakeRoutes *self,
              JsonObject    *body,
              GDateTime     *departure)
{
  const char *mode = get_string_member (body, "travelMode");
  const char *preference = get_string_member (body, "routingPreference");

  /* TRAFFIC_UNAWARE (the default) and every mode but driving: as without traffic */
  if ((mode != NULL && !g_str_equal (mode, "DRIVE")) || preference == NULL ||
      g_str_equal (preference, "TRAFFIC_UNAWARE"))
    return self->static_duration;

  if (self->duration_func != NULL)
    return self->duration_func (departure, self->duration_data);

  return self->duration;
}

static JsonNode *
build_routes_answer (Mp2FakeRoutes *self,
                     const char    *field_mask,
                     JsonObject    *body,
                     GDateTime     *departure)
{
  g_autoptr(JsonNode) sample = load_sample_json ("routes/compute_routes_response_warsaw_full.constructed.json");
  g_auto(GStrv) mask = g_strsplit (field_mask, ",", -1);
  JsonObject *full = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (sample), "routes"), 0);
  JsonObject *route = json_object_new ();
  JsonObject *answer = json_object_new ();
  JsonArray *routes = json_array_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  if (mask_has (mask, "duration"))
    {
      gint64 seconds = duration_for (self, body, departure);

      set_duration_member (route, "duration", seconds);
    }
  if (mask_has (mask, "staticDuration"))
    set_duration_member (route, "staticDuration", self->static_duration);
  if (mask_has (mask, "distanceMeters") && self->distance > 0)
    json_object_set_int_member (route, "distanceMeters", self->distance);
  if (mask_has (mask, "polyline"))
    json_object_set_member (route, "polyline",
                            json_node_copy (json_object_get_member (full, "polyline")));
  if (mask_has (mask, "description"))
    json_object_set_member (route, "description",
                            json_node_copy (json_object_get_member (full, "description")));

  json_array_add_object_element (routes, route);
  json_object_set_array_member (answer, "routes", routes);
  json_node_take_object (root, answer);

  return root;
}

static JsonObject *
parse_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

/* Google: checks in the order the real service makes them (the key and the mask
 * before the body), then the fault script, then the route. */
static void
handle_compute_routes (Mp2FakeRoutes     *self,
                       SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *mask = soup_message_headers_get_one (headers, "X-Goog-FieldMask");
  const char *key = soup_message_headers_get_one (headers, "X-Goog-Api-Key");
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GDateTime) departure = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *problem = NULL;
  const Mp2FakeScriptedFault *fault;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      add_violation (self, "%s %s: computeRoutes is POST only",
                     soup_server_message_get_method (msg), COMPUTE_ROUTES_PATH);
      reply_google_error (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "Method not found.");
      return;
    }

  if (key == NULL || *key == '\0')
    add_violation (self, "computeRoutes without X-Goog-Api-Key");
  if (key == NULL || g_strcmp0 (key, self->api_key) != 0)
    {
      reply_sample (msg, SOUP_STATUS_BAD_REQUEST,
                    "routes/error_400_api_key_invalid.constructed.json");
      return;
    }

  if (mask == NULL || *mask == '\0')
    {
      add_violation (self, "computeRoutes without X-Goog-FieldMask");
      reply_sample (msg, SOUP_STATUS_BAD_REQUEST,
                    "routes/error_400_missing_field_mask.assembled.json");
      return;
    }

  g_clear_pointer (&self->last_body, json_object_unref);
  self->last_body = parse_body (msg);
  if (g_strcmp0 (content_type, "application/json") != 0 || self->last_body == NULL)
    problem = g_strdup ("Invalid JSON payload received.");
  else
    problem = check_body (self->last_body, &departure);
  if (problem != NULL)
    {
      add_violation (self, "computeRoutes: %s", problem);
      reply_google_error (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_ARGUMENT", problem);
      return;
    }

  fault = mp2_fake_fault_script_take (self->faults, ENDPOINT_GOOGLE);
  if (fault != NULL)
    {
      reply_google_fault (msg, fault->fault);
      return;
    }

  if (self->by_distance)
    measure_google_route (self, self->last_body, departure);
  answer = build_routes_answer (self, mask, self->last_body, departure);
  reply_json (msg, SOUP_STATUS_OK, answer);
}

/* OSRM */

/* "lon,lat;lon,lat…" into places, or FALSE and the position of the first wrong byte. */
static gboolean
parse_coordinates (const char *text,
                   GArray     *coordinates,
                   gsize      *position)
{
  const char *p = text;

  while (TRUE)
    {
      double pair[2];
      char *end = NULL;

      for (guint i = 0; i < 2; i++)
        {
          pair[i] = g_ascii_strtod (p, &end);
          if (end == p || (i == 0 && *end != ','))
            {
              *position = (gsize) (end - text);
              return FALSE;
            }
          p = i == 0 ? end + 1 : end;
        }

      if (pair[0] < -180 || pair[0] > 180 || pair[1] < -90 || pair[1] > 90)
        {
          *position = (gsize) (p - text);
          return FALSE;
        }
      g_array_append_vals (coordinates, pair, 2);

      if (*p == '\0')
        return coordinates->len >= 4;
      if (*p != ';')
        {
          *position = (gsize) (p - text);
          return FALSE;
        }
      p++;
    }
}

static char *
check_options (GHashTable *query)
{
  GHashTableIter iter;
  gpointer name;
  const char *overview;

  if (query == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!is_in_list (name, osrm_options, G_N_ELEMENTS (osrm_options)))
      return g_strdup_printf ("unknown option %s", (const char *) name);

  overview = g_hash_table_lookup (query, "overview");
  if (overview != NULL && !g_str_equal (overview, "simplified") &&
      !g_str_equal (overview, "full") && !g_str_equal (overview, "false"))
    return g_strdup_printf ("overview=%s", overview);

  return NULL;
}

static JsonNode *
build_osrm_answer (Mp2FakeRoutes *self,
                   GArray        *coordinates,
                   gboolean       with_geometry)
{
  JsonNode *root = load_sample_json ("osrm/route_driving_full.constructed.json");
  JsonObject *answer = json_node_get_object (root);
  JsonObject *route = json_array_get_object_element (json_object_get_array_member (answer,
                                                                                   "routes"), 0);
  JsonArray *legs = json_array_new ();
  JsonArray *waypoints = json_array_new ();
  guint n_places = coordinates->len / 2;

  json_object_set_double_member (route, "duration", (double) self->static_duration);
  json_object_set_double_member (route, "weight", (double) self->static_duration);
  json_object_set_double_member (route, "distance", (double) self->distance);
  if (!with_geometry)
    json_object_remove_member (route, "geometry");

  for (guint i = 0; i + 1 < n_places; i++)
    {
      JsonObject *leg = json_object_new ();

      json_object_set_array_member (leg, "steps", json_array_new ());
      json_object_set_string_member (leg, "summary", "");
      json_object_set_double_member (leg, "duration",
                                     (double) self->static_duration / (n_places - 1));
      json_object_set_double_member (leg, "distance",
                                     (double) self->distance / (n_places - 1));
      json_array_add_object_element (legs, leg);
    }
  json_object_set_array_member (route, "legs", legs);

  for (guint i = 0; i < n_places; i++)
    {
      JsonObject *waypoint = json_object_new ();
      JsonArray *location = json_array_new ();

      json_array_add_double_element (location, g_array_index (coordinates, double, 2 * i));
      json_array_add_double_element (location, g_array_index (coordinates, double, 2 * i + 1));
      json_object_set_string_member (waypoint, "name", "");
      json_object_set_array_member (waypoint, "location", location);
      json_object_set_double_member (waypoint, "distance", 0);
      json_array_add_object_element (waypoints, waypoint);
    }
  json_object_set_array_member (answer, "waypoints", waypoints);

  return root;
}

static void
handle_osrm_route (Mp2FakeRoutes     *self,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *user_agent = soup_message_headers_get_one (headers, "User-Agent");
  const char *rest = path + strlen (OSRM_ROUTE_PREFIX);
  const char *slash = strchr (rest, '/');
  g_autoptr(GArray) coordinates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *decoded = NULL;
  gsize position = 0;
  const Mp2FakeScriptedFault *fault;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    add_violation (self, "%s %s: OSRM's route service is GET",
                   soup_server_message_get_method (msg), path);

  /* the usage policy of the public servers: a User-Agent that names the app */
  if (user_agent == NULL || *user_agent == '\0' || g_str_has_prefix (user_agent, "libsoup"))
    add_violation (self, "%s: no User-Agent naming the app", path);

  if (slash == NULL || slash == rest)
    {
      add_violation (self, "%s: no profile", path);
      reply_osrm_error (msg, "InvalidUrl", "URL string malformed close to position 10");
      return;
    }

  decoded = g_uri_unescape_string (slash + 1, NULL);
  if (decoded == NULL || !parse_coordinates (decoded, coordinates, &position))
    {
      g_autofree char *message = g_strdup_printf ("Query string malformed close to position %"
                                                  G_GSIZE_FORMAT, position);

      add_violation (self, "%s: coordinates are not lon,lat;lon,lat", path);
      reply_osrm_error (msg, "InvalidQuery", message);
      return;
    }

  problem = check_options (query);
  if (problem != NULL)
    {
      add_violation (self, "%s: %s", path, problem);
      reply_osrm_error (msg, "InvalidOptions", problem);
      return;
    }

  fault = mp2_fake_fault_script_take (self->faults, ENDPOINT_OSRM);
  if (fault != NULL)
    {
      reply_osrm_fault (msg, fault->fault);
      return;
    }

  if (self->by_distance)
    measure_route (self, coordinates, NULL);
  answer = build_osrm_answer (self, coordinates,
                              query == NULL ||
                              g_strcmp0 (g_hash_table_lookup (query, "overview"), "false") != 0);
  reply_json (msg, SOUP_STATUS_OK, answer);
}

static void
record (Endpoint          *endpoint,
        SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *copy = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;

  endpoint->count++;
  g_free (endpoint->last_path);
  endpoint->last_path = g_strconcat (g_uri_get_path (uri), query != NULL ? "?" : NULL, query,
                                     NULL);

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    soup_message_headers_append (copy, name, value);
  g_clear_pointer (&endpoint->last_headers, soup_message_headers_unref);
  endpoint->last_headers = copy;
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Mp2FakeRoutes *self = user_data;

  if (g_str_equal (path, COMPUTE_ROUTES_PATH))
    {
      record (&self->google, msg);
      handle_compute_routes (self, msg);
      return;
    }

  if (g_str_has_prefix (path, OSRM_ROUTE_PREFIX))
    {
      record (&self->osrm, msg);
      handle_osrm_route (self, msg, path, query);
      return;
    }

  add_violation (self, "%s %s: no such service", soup_server_message_get_method (msg), path);
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* The object */

static void
mp2_fake_routes_dispose (GObject *object)
{
  Mp2FakeRoutes *self = MP2_FAKE_ROUTES (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (mp2_fake_routes_parent_class)->dispose (object);
}

static void
mp2_fake_routes_finalize (GObject *object)
{
  Mp2FakeRoutes *self = MP2_FAKE_ROUTES (object);

  if (self->duration_destroy != NULL)
    self->duration_destroy (self->duration_data);
  g_clear_pointer (&self->faults, mp2_fake_fault_script_free);
  g_clear_pointer (&self->violations, g_ptr_array_unref);
  g_clear_pointer (&self->last_body, json_object_unref);
  endpoint_clear (&self->google);
  endpoint_clear (&self->osrm);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->api_key, g_free);

  G_OBJECT_CLASS (mp2_fake_routes_parent_class)->finalize (object);
}

static void
mp2_fake_routes_class_init (Mp2FakeRoutesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_fake_routes_dispose;
  object_class->finalize = mp2_fake_routes_finalize;
}

static void
mp2_fake_routes_init (Mp2FakeRoutes *self)
{
  self->api_key = g_strdup (MP2_FAKE_ROUTES_API_KEY);
  self->duration = 1394;
  self->static_duration = 1035;
  self->distance = 8931;
  self->faults = mp2_fake_fault_script_new ();
  self->violations = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mp2_fake_routes_new:
 * @error: where to report a port that cannot be opened
 *
 * Starts the fake on a free port of 127.0.0.1, in the thread-default main context.
 *
 * Returns: (transfer full): the fake, or %NULL with @error set
 */
Mp2FakeRoutes *
mp2_fake_routes_new (GError **error)
{
  g_autoptr(Mp2FakeRoutes) self = g_object_new (MP2_TYPE_FAKE_ROUTES, NULL);
  guint port = 0;

  self->server = mp2_fake_service_new_server ("mp2-fake-routes ", on_request_cb, self, &port,
                                              error);
  if (self->server == NULL)
    return NULL;

  self->url = g_strdup_printf ("http://127.0.0.1:%u/", port);

  return g_steal_pointer (&self);
}

const char *
mp2_fake_routes_get_url (Mp2FakeRoutes *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_ROUTES (self), NULL);

  return self->url;
}

/**
 * mp2_fake_routes_export_environment:
 * @self: the fake
 *
 * Points MP2_ROUTES_URL and MP2_OSRM_URL at the fake.
 */
void
mp2_fake_routes_export_environment (Mp2FakeRoutes *self)
{
  g_return_if_fail (MP2_IS_FAKE_ROUTES (self));

  g_setenv ("MP2_ROUTES_URL", self->url, TRUE);
  g_setenv ("MP2_OSRM_URL", self->url, TRUE);
}

void
mp2_fake_routes_set_api_key (Mp2FakeRoutes *self,
                             const char    *api_key)
{
  g_return_if_fail (MP2_IS_FAKE_ROUTES (self));

  g_free (self->api_key);
  self->api_key = g_strdup (api_key);
}

void
mp2_fake_routes_set_route (Mp2FakeRoutes *self,
                           gint64         duration,
                           gint64         static_duration,
                           gint64         distance)
{
  g_return_if_fail (MP2_IS_FAKE_ROUTES (self));

  self->duration = duration;
  self->static_duration = static_duration;
  self->distance = distance;
}

/**
 * mp2_fake_routes_set_by_distance:
 * @self: the fake
 * @by_distance: whether each route is measured from its places
 *
 * For the demo: every route's distance is the straight line through its places
 * times 1.3, its static duration that at 30 km/h, and Google's duration with traffic
 * half as long again on weekdays 07:00–10:00 and 16:00–19:00 in Warsaw, a tenth
 * longer otherwise. Replaces mp2_fake_routes_set_route ()'s numbers.
 */
void
mp2_fake_routes_set_by_distance (Mp2FakeRoutes *self,
                                 gboolean       by_distance)
{
  g_return_if_fail (MP2_IS_FAKE_ROUTES (self));

  self->by_distance = by_distance;
}

void
mp2_fake_routes_set_duration_func (Mp2FakeRoutes             *self,
                                   Mp2FakeRoutesDurationFunc  func,
                                   gpointer                   user_data,
                                   GDestroyNotify             destroy)
{
  g_return_if_fail (MP2_IS_FAKE_ROUTES (self));

  if (self->duration_destroy != NULL)
    self->duration_destroy (self->duration_data);

  self->duration_func = func;
  self->duration_data = user_data;
  self->duration_destroy = destroy;
}

guint
mp2_fake_routes_add_fault (Mp2FakeRoutes      *self,
                           const char         *endpoint,
                           Mp2FakeRoutesFault  fault,
                           guint               skip,
                           guint               count)
{
  g_return_val_if_fail (MP2_IS_FAKE_ROUTES (self), 0);

  return mp2_fake_fault_script_add (self->faults, lookup_endpoint_id (endpoint), fault, skip,
                                    count);
}

guint
mp2_fake_routes_get_fault_hits (Mp2FakeRoutes *self,
                                guint          fault_id)
{
  g_return_val_if_fail (MP2_IS_FAKE_ROUTES (self), 0);

  return mp2_fake_fault_script_get_hits (self->faults, fault_id);
}

void
mp2_fake_routes_clear_faults (Mp2FakeRoutes *self)
{
  g_return_if_fail (MP2_IS_FAKE_ROUTES (self));

  mp2_fake_fault_script_clear (self->faults);
}

guint
mp2_fake_routes_get_request_count (Mp2FakeRoutes *self,
                                   const char    *endpoint)
{
  g_return_val_if_fail (MP2_IS_FAKE_ROUTES (self), 0);

  return get_endpoint (self, endpoint)->count;
}

void
mp2_fake_routes_reset_request_counts (Mp2FakeRoutes *self)
{
  g_return_if_fail (MP2_IS_FAKE_ROUTES (self));

  self->google.count = 0;
  self->osrm.count = 0;
}

const char *
mp2_fake_routes_get_last_path (Mp2FakeRoutes *self,
                               const char    *endpoint)
{
  g_return_val_if_fail (MP2_IS_FAKE_ROUTES (self), NULL);

  return get_endpoint (self, endpoint)->last_path;
}

const char *
mp2_fake_routes_get_last_header (Mp2FakeRoutes *self,
                                 const char    *endpoint,
                                 const char    *name)
{
  Endpoint *entry;

  g_return_val_if_fail (MP2_IS_FAKE_ROUTES (self), NULL);

  entry = get_endpoint (self, endpoint);
  if (entry->last_headers == NULL)
    return NULL;

  return soup_message_headers_get_one (entry->last_headers, name);
}

/**
 * mp2_fake_routes_get_last_body:
 * @self: the fake
 *
 * Returns: (transfer none) (nullable): the JSON body of the last computeRoutes request
 *   that had a valid key and field mask
 */
JsonObject *
mp2_fake_routes_get_last_body (Mp2FakeRoutes *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_ROUTES (self), NULL);

  return self->last_body;
}

/**
 * mp2_fake_routes_get_violations:
 * @self: the fake
 *
 * Returns: (transfer none) (element-type utf8): the requests that broke the contract
 */
GPtrArray *
mp2_fake_routes_get_violations (Mp2FakeRoutes *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_ROUTES (self), NULL);

  return self->violations;
}

void
mp2_fake_routes_clear_violations (Mp2FakeRoutes *self)
{
  g_return_if_fail (MP2_IS_FAKE_ROUTES (self));

  g_ptr_array_set_size (self->violations, 0);
}
