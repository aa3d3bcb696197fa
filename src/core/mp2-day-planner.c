/* mp2-day-planner.c
 *
 * When to get up and when to leave: the call and the places from the sheet, the
 * estimate when no route provider answers, and the inputs' arithmetic. Every time is
 * an absolute GDateTime in the day's time zone and every step is g_date_time_add(),
 * so that a night shoot called at 00:30 leaves the evening before and the nights the
 * clocks change come out right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-planner"

#include "config.h"

#include "mp2-day-planner.h"
#include "mp2-day-planner-private.h"

#include "mp2-day-event-private.h"

#define MINUTES_PER_HOUR 60

/* Roads are not straight: the way is taken as this much longer than the straight
 * line (typical road circuity in Polish cities and between them is 1.2–1.4). */
#define ESTIMATE_DETOUR_FACTOR 1.3

/* What comes from the call sheet */

/**
 * mp2_day_planner_call_time:
 * @sheet: a call sheet
 * @time_zone: the day's time zone
 *
 * The call the day is planned for: the same as the start of the day's calendar event
 * (the user's own call, else the crew call, else the shooting call), on the sheet's
 * date. A call at 00:30 is early on that date, so the journey starts the evening
 * before.
 *
 * Returns: (transfer full) (nullable): the call, or %NULL when the sheet has no date
 *   or no call
 */
GDateTime *
mp2_day_planner_call_time (Mp2CallSheet *sheet,
                           GTimeZone    *time_zone)
{
  int year;
  int month;
  int day;
  int minutes;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (sheet), NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);

  if (!mp2_call_sheet_get_date (sheet, &year, &month, &day))
    return NULL;

  minutes = mp2_day_event_find_start_minutes (sheet);
  if (minutes == MP2_CALL_SHEET_NO_TIME)
    return NULL;

  return g_date_time_new (time_zone, year, month, day, minutes / MINUTES_PER_HOUR,
                          minutes % MINUTES_PER_HOUR, 0);
}

/**
 * mp2_day_planner_find_set:
 * @sheet: a call sheet
 *
 * Returns: (transfer none) (nullable): where the route goes: the first set, else the
 *   meeting point, else the unit base — the location of the day's calendar event
 */
const Mp2Location *
mp2_day_planner_find_set (Mp2CallSheet *sheet)
{
  g_return_val_if_fail (MP2_IS_CALL_SHEET (sheet), NULL);

  return mp2_day_event_find_main_location (sheet);
}

/* Addresses compared as a person reads them: case, accents' composition and runs of
 * spaces do not matter. */
static char *
normalize_address (const char *address)
{
  g_autofree char *normalized = g_utf8_normalize (address, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normalized != NULL ? normalized : "", -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n,", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[i]);
    }

  return g_string_free (text, FALSE);
}

static gboolean
is_blank_address (const char *address)
{
  g_autofree char *normalized = NULL;

  if (address == NULL)
    return TRUE;

  normalized = normalize_address (address);
  return normalized[0] == '\0';
}

static gboolean
is_same_address (const char *first,
                 const char *second)
{
  g_autofree char *first_normalized = normalize_address (first);
  g_autofree char *second_normalized = normalize_address (second);

  return g_strcmp0 (first_normalized, second_normalized) == 0;
}

/**
 * mp2_day_planner_find_parking:
 * @sheet: a call sheet
 *
 * The crew parking, when the sheet names one at another address than the set: then
 * the route ends there and the walk (or shuttle) to set is added.
 *
 * Returns: (transfer none) (nullable): the parking, or %NULL without a separate one
 */
const Mp2Location *
mp2_day_planner_find_parking (Mp2CallSheet *sheet)
{
  const Mp2Location *set;
  GPtrArray *locations;

  g_return_val_if_fail (MP2_IS_CALL_SHEET (sheet), NULL);

  set = mp2_day_event_find_main_location (sheet);
  locations = mp2_call_sheet_get_locations (sheet);
  for (guint i = 0; i < locations->len; i++)
    {
      const Mp2Location *location = g_ptr_array_index (locations, i);

      if (location->kind != MP2_LOCATION_PARKING || is_blank_address (location->address))
        continue;
      if (set != NULL && !is_blank_address (set->address)
          && is_same_address (set->address, location->address))
        continue;

      return location;
    }

  return NULL;
}

/* Estimates */

/* Average door-to-door speeds in km/h: driving in and around a city with lights and
 * junctions 40, public transport with its waits and changes 25, a bicycle 15, on foot
 * 5. */
static double
get_estimate_speed (Mp2TravelMode mode)
{
  switch (mode)
    {
    case MP2_TRAVEL_MODE_TRANSIT:
      return 25.0;
    case MP2_TRAVEL_MODE_BICYCLE:
      return 15.0;
    case MP2_TRAVEL_MODE_WALK:
      return 5.0;
    case MP2_TRAVEL_MODE_DRIVE:
    default:
      return 40.0;
    }
}

/**
 * mp2_route_estimate:
 * @from: where the journey starts
 * @via: (nullable): a stop on the way
 * @to: where it ends
 * @mode: how the user travels
 *
 * What is left when no provider answers: the straight-line distance (through @via)
 * times 1.3 for the roads' detours, at an average speed for @mode (drive 40 km/h,
 * transit 25, bicycle 15, walk 5).
 *
 * Returns: (transfer full): a route of provider "estimate", marked as an estimate,
 *   without a duration without traffic (-1)
 */
Mp2Route *
mp2_route_estimate (const Mp2Place *from,
                    const Mp2Place *via,
                    const Mp2Place *to,
                    Mp2TravelMode   mode)
{
  double straight;
  double distance;
  double metres_per_second;
  Mp2Route *route;

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  if (via != NULL)
    straight = mp2_place_distance (from, via) + mp2_place_distance (via, to);
  else
    straight = mp2_place_distance (from, to);

  distance = straight * ESTIMATE_DETOUR_FACTOR;
  metres_per_second = get_estimate_speed (mode) * 1000.0 / 3600.0;

  route = mp2_route_new ((gint64) (distance / metres_per_second + 0.5), -1,
                         (gint64) (distance + 0.5), "estimate");
  route->estimate = TRUE;

  return route;
}

/* Inputs */

/**
 * mp2_plan_inputs_init:
 * @inputs: inputs to fill
 * @call: when to be on set
 *
 * Sets @call and the Preferences' defaults: arrive 15 minutes early, a 60-minute
 * morning routine, 10 minutes at a via point and from a parking, the early wake-up
 * before 04:00, driving; no places.
 */
void
mp2_plan_inputs_init (Mp2PlanInputs *inputs,
                      GDateTime     *call)
{
  g_return_if_fail (inputs != NULL);
  g_return_if_fail (call != NULL);

  *inputs = (Mp2PlanInputs) {
    .call = g_date_time_ref (call),
    .arrive_early_minutes = 15,
    .morning_routine_minutes = 60,
    .via_stop_minutes = 10,
    .parking_to_set_minutes = MP2_DAY_PLANNER_PARKING_TO_SET_MINUTES,
    .early_wake_up_hour = MP2_DAY_PLANNER_EARLY_WAKE_UP_HOUR,
    .mode = MP2_TRAVEL_MODE_DRIVE,
  };
}

/**
 * mp2_plan_inputs_clear:
 * @inputs: inputs
 *
 * Frees the members; the struct can be filled again.
 */
void
mp2_plan_inputs_clear (Mp2PlanInputs *inputs)
{
  g_return_if_fail (inputs != NULL);

  g_clear_pointer (&inputs->call, g_date_time_unref);
  g_clear_pointer (&inputs->home, mp2_place_free);
  g_clear_pointer (&inputs->set, mp2_place_free);
  g_clear_pointer (&inputs->via, mp2_place_free);
  g_clear_pointer (&inputs->parking, mp2_place_free);
}

/* @minutes later (earlier when negative), in absolute time. */
GDateTime *
mp2_day_planner_add_minutes (GDateTime *when,
                             int        minutes)
{
  return g_date_time_add (when, (GTimeSpan) minutes * G_TIME_SPAN_MINUTE);
}

/* Leaving at the start of the minute is never later than the exact second. */
GDateTime *
mp2_day_planner_floor_to_minute (GDateTime *when)
{
  GTimeSpan past = (GTimeSpan) g_date_time_get_second (when) * G_TIME_SPAN_SECOND
                   + g_date_time_get_microsecond (when);

  return g_date_time_add (when, -past);
}

/**
 * mp2_plan_inputs_get_arrival_target:
 * @inputs: inputs
 *
 * Returns: (transfer full): when to be on set: the call minus the arrive-early minutes
 */
GDateTime *
mp2_plan_inputs_get_arrival_target (const Mp2PlanInputs *inputs)
{
  g_return_val_if_fail (inputs != NULL && inputs->call != NULL, NULL);

  return mp2_day_planner_add_minutes (inputs->call, -inputs->arrive_early_minutes);
}

/**
 * mp2_plan_inputs_get_destination:
 * @inputs: inputs
 *
 * Returns: (transfer none) (nullable): where the route ends: the parking when there
 *   is a separate one, else the set
 */
const Mp2Place *
mp2_plan_inputs_get_destination (const Mp2PlanInputs *inputs)
{
  g_return_val_if_fail (inputs != NULL, NULL);

  return inputs->parking != NULL ? inputs->parking : inputs->set;
}

/**
 * mp2_plan_inputs_get_route_arrival:
 * @inputs: inputs
 *
 * Returns: (transfer full): when the route must reach its destination: the arrival
 *   target, minus the minutes from the parking to set when the route ends at a parking
 */
GDateTime *
mp2_plan_inputs_get_route_arrival (const Mp2PlanInputs *inputs)
{
  g_autoptr(GDateTime) target = NULL;

  g_return_val_if_fail (inputs != NULL && inputs->call != NULL, NULL);

  target = mp2_plan_inputs_get_arrival_target (inputs);
  return mp2_day_planner_add_minutes (target, inputs->parking != NULL
                                              ? -inputs->parking_to_set_minutes : 0);
}
