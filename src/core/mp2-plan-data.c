/* mp2-plan-data.c
 *
 * Places, routes and the errors of the planning services: the plain data that the
 * planner and the providers pass between them, and its JSON form in the day's plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-plan-data"

#include "config.h"

#include "mp2-plan-data.h"

#include <math.h>

/* The mean Earth radius (IUGG), in metres. */
#define EARTH_RADIUS_METRES 6371000.0

G_DEFINE_QUARK (mp2-plan-error-quark, mp2_plan_error)

G_DEFINE_BOXED_TYPE (Mp2Place, mp2_place, mp2_place_copy, mp2_place_free)
G_DEFINE_BOXED_TYPE (Mp2Route, mp2_route, mp2_route_copy, mp2_route_free)

static const char *plan_error_names[] = {
  [MP2_PLAN_ERROR_NOT_FOUND] = "not-found",
  [MP2_PLAN_ERROR_AMBIGUOUS] = "ambiguous",
  [MP2_PLAN_ERROR_NO_ROUTE] = "no-route",
  [MP2_PLAN_ERROR_NO_KEY] = "no-key",
  [MP2_PLAN_ERROR_KEY_REJECTED] = "key-rejected",
  [MP2_PLAN_ERROR_BEYOND_HORIZON] = "beyond-horizon",
  [MP2_PLAN_ERROR_OFFLINE] = "offline",
  [MP2_PLAN_ERROR_FAILED] = "failed",
};

/**
 * mp2_plan_error_code_to_string:
 * @code: an #Mp2PlanError
 *
 * Returns: the stable name of @code used in the plan's JSON, such as `"not-found"`
 */
const char *
mp2_plan_error_code_to_string (Mp2PlanError code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (plan_error_names), NULL);

  return plan_error_names[code];
}

/**
 * mp2_plan_error_code_from_string:
 * @name: a name as given by mp2_plan_error_code_to_string()
 * @code: (out): where to store the code
 *
 * Returns: %TRUE if @name is a known code
 */
gboolean
mp2_plan_error_code_from_string (const char   *name,
                                 Mp2PlanError *code)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (plan_error_names); i++)
    {
      if (g_strcmp0 (plan_error_names[i], name) == 0)
        {
          *code = (Mp2PlanError) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* JSON helpers */

static gboolean
member_is_number (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* An integer member; a fractional number is rounded, anything else is @fallback. */
static gint64
get_int_member (JsonObject *object,
                const char *name,
                gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!member_is_number (object, name))
    return fallback;

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) llround (json_node_get_double (node));

  return json_node_get_int (node);
}

/* Mp2Place */

/**
 * mp2_place_new:
 * @latitude: degrees north
 * @longitude: degrees east
 * @name: (nullable): what the geocoder calls the place
 *
 * Returns: (transfer full): a new place
 */
Mp2Place *
mp2_place_new (double      latitude,
               double      longitude,
               const char *name)
{
  Mp2Place *place = g_new0 (Mp2Place, 1);

  place->latitude = latitude;
  place->longitude = longitude;
  place->name = g_strdup (name);

  return place;
}

/**
 * mp2_place_copy:
 * @place: an #Mp2Place
 *
 * Returns: (transfer full): a copy of @place
 */
Mp2Place *
mp2_place_copy (const Mp2Place *place)
{
  g_return_val_if_fail (place != NULL, NULL);

  return mp2_place_new (place->latitude, place->longitude, place->name);
}

/**
 * mp2_place_free:
 * @place: (nullable): an #Mp2Place
 */
void
mp2_place_free (Mp2Place *place)
{
  if (place == NULL)
    return;

  g_free (place->name);
  g_free (place);
}

static double
to_radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

/**
 * mp2_place_distance:
 * @from: a place
 * @to: another place
 *
 * The great-circle distance by the haversine formula on a sphere of the mean Earth
 * radius; within 0.5 % of the ellipsoid's, which is plenty for an estimate.
 *
 * Returns: metres between @from and @to
 */
double
mp2_place_distance (const Mp2Place *from,
                    const Mp2Place *to)
{
  double delta_latitude;
  double delta_longitude;
  double a;

  g_return_val_if_fail (from != NULL, 0.0);
  g_return_val_if_fail (to != NULL, 0.0);

  delta_latitude = to_radians (to->latitude - from->latitude);
  delta_longitude = to_radians (to->longitude - from->longitude);
  a = sin (delta_latitude / 2) * sin (delta_latitude / 2)
      + cos (to_radians (from->latitude)) * cos (to_radians (to->latitude))
        * sin (delta_longitude / 2) * sin (delta_longitude / 2);

  return 2 * EARTH_RADIUS_METRES * atan2 (sqrt (a), sqrt (1 - a));
}

/**
 * mp2_place_to_json:
 * @place: an #Mp2Place
 *
 * Returns: (transfer full): `{"lat": 52.19, "lon": 21.04, "name": "…"}`, the name
 *   `null` when not known
 */
JsonNode *
mp2_place_to_json (const Mp2Place *place)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (place != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lat");
  json_builder_add_double_value (builder, place->latitude);
  json_builder_set_member_name (builder, "lon");
  json_builder_add_double_value (builder, place->longitude);
  json_builder_set_member_name (builder, "name");
  if (place->name != NULL)
    json_builder_add_string_value (builder, place->name);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
is_valid_position (double latitude,
                   double longitude)
{
  return isfinite (latitude) && isfinite (longitude)
         && fabs (latitude) <= 90.0 && fabs (longitude) <= 180.0;
}

/**
 * mp2_place_from_json:
 * @node: (nullable): what mp2_place_to_json() gives
 *
 * Returns: (transfer full) (nullable): the place, or %NULL when @node is not an
 *   object with numbers "lat" and "lon" on the globe
 */
Mp2Place *
mp2_place_from_json (JsonNode *node)
{
  JsonObject *object;
  double latitude;
  double longitude;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (!member_is_number (object, "lat") || !member_is_number (object, "lon"))
    return NULL;

  latitude = json_object_get_double_member (object, "lat");
  longitude = json_object_get_double_member (object, "lon");
  if (!is_valid_position (latitude, longitude))
    return NULL;

  return mp2_place_new (latitude, longitude, get_string_member (object, "name"));
}

/* Mp2Route */

/**
 * mp2_route_new:
 * @duration: seconds, with traffic when known
 * @static_duration: seconds without traffic, or -1
 * @distance: metres
 * @provider: the provider's id
 *
 * Returns: (transfer full): a new route, not an estimate, without a polyline
 */
Mp2Route *
mp2_route_new (gint64      duration,
               gint64      static_duration,
               gint64      distance,
               const char *provider)
{
  Mp2Route *route;

  g_return_val_if_fail (provider != NULL, NULL);

  route = g_new0 (Mp2Route, 1);
  route->duration = duration;
  route->static_duration = static_duration;
  route->distance = distance;
  route->provider = g_strdup (provider);

  return route;
}

/**
 * mp2_route_copy:
 * @route: an #Mp2Route
 *
 * Returns: (transfer full): a copy of @route
 */
Mp2Route *
mp2_route_copy (const Mp2Route *route)
{
  Mp2Route *copy;

  g_return_val_if_fail (route != NULL, NULL);

  copy = mp2_route_new (route->duration, route->static_duration, route->distance,
                        route->provider);
  copy->estimate = route->estimate;
  copy->polyline = g_strdup (route->polyline);

  return copy;
}

/**
 * mp2_route_free:
 * @route: (nullable): an #Mp2Route
 */
void
mp2_route_free (Mp2Route *route)
{
  if (route == NULL)
    return;

  g_free (route->provider);
  g_free (route->polyline);
  g_free (route);
}

/**
 * mp2_route_to_json:
 * @route: an #Mp2Route
 *
 * `{"duration": 1394, "static_duration": 1200, "distance": 15300, "provider": "osrm",
 * "estimate": false, "polyline": "…"}`; "static_duration" is left out when the
 * provider does not say it (-1), "polyline" when there is none.
 *
 * Returns: (transfer full): the route as JSON
 */
JsonNode *
mp2_route_to_json (const Mp2Route *route)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (route != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "duration");
  json_builder_add_int_value (builder, route->duration);
  if (route->static_duration >= 0)
    {
      json_builder_set_member_name (builder, "static_duration");
      json_builder_add_int_value (builder, route->static_duration);
    }
  json_builder_set_member_name (builder, "distance");
  json_builder_add_int_value (builder, route->distance);
  json_builder_set_member_name (builder, "provider");
  json_builder_add_string_value (builder, route->provider);
  json_builder_set_member_name (builder, "estimate");
  json_builder_add_boolean_value (builder, route->estimate);
  if (route->polyline != NULL)
    {
      json_builder_set_member_name (builder, "polyline");
      json_builder_add_string_value (builder, route->polyline);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
get_boolean_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  return json_node_get_boolean (node);
}

/**
 * mp2_route_from_json:
 * @node: (nullable): what mp2_route_to_json() gives
 *
 * Returns: (transfer full) (nullable): the route, or %NULL when @node is not an
 *   object with a non-negative "duration" and a "provider"
 */
Mp2Route *
mp2_route_from_json (JsonNode *node)
{
  JsonObject *object;
  const char *provider;
  gint64 duration;
  Mp2Route *route;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  duration = get_int_member (object, "duration", -1);
  provider = get_string_member (object, "provider");
  if (duration < 0 || provider == NULL)
    return NULL;

  route = mp2_route_new (duration, get_int_member (object, "static_duration", -1),
                         get_int_member (object, "distance", 0), provider);
  route->estimate = get_boolean_member (object, "estimate");
  route->polyline = g_strdup (get_string_member (object, "polyline"));

  return route;
}
