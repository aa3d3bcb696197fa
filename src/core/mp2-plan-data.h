/* mp2-plan-data.h
 *
 * What planning a day works with: places on the map, a route's answer, and the
 * errors of the services that give them (geocoders, route providers, weather
 * providers). Plain data, shared by the planner (core) and the providers (services).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MP2_PLAN_ERROR (mp2_plan_error_quark ())

/**
 * Mp2PlanError:
 * @MP2_PLAN_ERROR_NOT_FOUND: the address is not known to the geocoder
 * @MP2_PLAN_ERROR_AMBIGUOUS: the address fits several far-apart places; the message
 *   names two of them, so that the user can write it more precisely
 * @MP2_PLAN_ERROR_NO_ROUTE: the provider knows no route between the places
 * @MP2_PLAN_ERROR_NO_KEY: the provider needs an API key and none is set
 * @MP2_PLAN_ERROR_KEY_REJECTED: the provider refused the API key
 * @MP2_PLAN_ERROR_BEYOND_HORIZON: the day is further ahead than the provider's
 *   forecast reaches; it will be available later
 * @MP2_PLAN_ERROR_OFFLINE: the service cannot be reached now (network, timeout, 5xx,
 *   rate limits after the retries); try again later
 * @MP2_PLAN_ERROR_FAILED: the service answered something else that is wrong
 *
 * Every message is a translated sentence a person can act on.
 */
typedef enum
{
  MP2_PLAN_ERROR_NOT_FOUND,
  MP2_PLAN_ERROR_AMBIGUOUS,
  MP2_PLAN_ERROR_NO_ROUTE,
  MP2_PLAN_ERROR_NO_KEY,
  MP2_PLAN_ERROR_KEY_REJECTED,
  MP2_PLAN_ERROR_BEYOND_HORIZON,
  MP2_PLAN_ERROR_OFFLINE,
  MP2_PLAN_ERROR_FAILED,
} Mp2PlanError;

GQuark      mp2_plan_error_quark            (void);
/* "not-found", "ambiguous", "no-route", "no-key", "key-rejected", "beyond-horizon",
 * "offline", "failed": the codes of the plan's JSON. */
const char *mp2_plan_error_code_to_string   (Mp2PlanError  code);
gboolean    mp2_plan_error_code_from_string (const char   *name,
                                             Mp2PlanError *code);

/**
 * Mp2Place:
 * @latitude: degrees north, WGS 84
 * @longitude: degrees east, WGS 84
 * @name: (nullable): what the geocoder calls the place it found
 *   ("Chełmska 21, Mokotów, Warszawa"), for the user to check
 *
 * A place on the map. Copy with mp2_place_copy().
 */
typedef struct
{
  double  latitude;
  double  longitude;
  char   *name;
} Mp2Place;

#define MP2_TYPE_PLACE (mp2_place_get_type ())

GType       mp2_place_get_type          (void) G_GNUC_CONST;
Mp2Place   *mp2_place_new               (double          latitude,
                                         double          longitude,
                                         const char     *name);
Mp2Place   *mp2_place_copy              (const Mp2Place *place);
void        mp2_place_free              (Mp2Place       *place);
/* Great-circle distance in metres (haversine, mean Earth radius 6 371 km). */
double      mp2_place_distance          (const Mp2Place *from,
                                         const Mp2Place *to);
/* {"lat": …, "lon": …, "name": …} and back; NULL when @node is not such an object. */
JsonNode   *mp2_place_to_json           (const Mp2Place *place);
Mp2Place   *mp2_place_from_json         (JsonNode       *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2Place, mp2_place_free)

/**
 * Mp2TravelMode:
 *
 * How the user travels; the nicks are those of the "travel-mode" setting.
 */
typedef enum
{
  MP2_TRAVEL_MODE_DRIVE,
  MP2_TRAVEL_MODE_TRANSIT,
  MP2_TRAVEL_MODE_BICYCLE,
  MP2_TRAVEL_MODE_WALK,
} Mp2TravelMode;

/**
 * Mp2Route:
 * @duration: seconds from departure to arrival, with traffic when the provider knows
 *   it
 * @static_duration: seconds without traffic; -1 when the provider does not say
 * @distance: metres
 * @provider: the provider's id ("google", "osrm", "manual") or "estimate" for a
 *   straight-line estimate
 * @estimate: %TRUE when no provider answered and the duration is an estimate from
 *   the straight-line distance
 * @polyline: (nullable): the path, encoded as Google's polyline format, when given
 *
 * A route's answer for one departure time. Copy with mp2_route_copy().
 */
typedef struct
{
  gint64    duration;
  gint64    static_duration;
  gint64    distance;
  char     *provider;
  gboolean  estimate;
  char     *polyline;
} Mp2Route;

#define MP2_TYPE_ROUTE (mp2_route_get_type ())

GType       mp2_route_get_type          (void) G_GNUC_CONST;
Mp2Route   *mp2_route_new               (gint64          duration,
                                         gint64          static_duration,
                                         gint64          distance,
                                         const char     *provider);
Mp2Route   *mp2_route_copy              (const Mp2Route *route);
void        mp2_route_free              (Mp2Route       *route);
JsonNode   *mp2_route_to_json           (const Mp2Route *route);
Mp2Route   *mp2_route_from_json         (JsonNode       *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2Route, mp2_route_free)

G_END_DECLS
