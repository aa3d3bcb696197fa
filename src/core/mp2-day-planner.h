/* mp2-day-planner.h
 *
 * When to get up and when to leave: the arrival target from the call, the departure
 * found against a route provider's durations, the wake-up from the morning routine,
 * and the day's plan as JSON. Pure: no I/O, no main loop; the pipeline asks the
 * providers and feeds their answers in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-call-sheet.h"
#include "mp2-plan-data.h"

G_BEGIN_DECLS

/* Defaults of the Preferences ("early-wake-up-hour", "parking-to-set-minutes"). */
#define MP2_DAY_PLANNER_EARLY_WAKE_UP_HOUR 4
#define MP2_DAY_PLANNER_PARKING_TO_SET_MINUTES 10
/* The departure search asks a provider with traffic at most this often. */
#define MP2_DEPARTURE_SEARCH_MAX_REQUESTS 4
/* Asked first: the arrival minus this, unless a better guess is given. */
#define MP2_DEPARTURE_SEARCH_FIRST_GUESS_SECONDS (30 * 60)

/* What comes from the call sheet */

GDateTime         *mp2_day_planner_call_time    (Mp2CallSheet   *sheet,
                                                 GTimeZone      *time_zone);
const Mp2Location *mp2_day_planner_find_set     (Mp2CallSheet   *sheet);
const Mp2Location *mp2_day_planner_find_parking (Mp2CallSheet   *sheet);

/* Estimates */

Mp2Route          *mp2_route_estimate           (const Mp2Place *from,
                                                 const Mp2Place *via,
                                                 const Mp2Place *to,
                                                 Mp2TravelMode   mode);

/**
 * Mp2PlanInputs:
 * @call: when to be on set: the user's call, else the crew call
 *   (mp2_day_planner_call_time()), in the day's time zone
 * @arrive_early_minutes: how long before the call to be on set
 * @morning_routine_minutes: from waking up to leaving home
 * @home: (nullable): where the journey starts; %NULL: not set or not found
 * @set: (nullable): the set; %NULL: the sheet gives no address, or it was not found
 * @via: (nullable): a stop on the way
 * @via_stop_minutes: how long the stop at @via takes
 * @parking: (nullable): crew parking apart from the set: the route ends there
 * @parking_to_set_minutes: the walk or shuttle from @parking to the set
 * @early_wake_up_hour: a wake-up before this hour (local time) is flagged; 0: never
 * @mode: how the user travels
 *
 * Owns its members: set them with copies, clear with mp2_plan_inputs_clear().
 */
typedef struct
{
  GDateTime     *call;
  int            arrive_early_minutes;
  int            morning_routine_minutes;
  Mp2Place      *home;
  Mp2Place      *set;
  Mp2Place      *via;
  int            via_stop_minutes;
  Mp2Place      *parking;
  int            parking_to_set_minutes;
  int            early_wake_up_hour;
  Mp2TravelMode  mode;
} Mp2PlanInputs;

void            mp2_plan_inputs_init                (Mp2PlanInputs       *inputs,
                                                     GDateTime           *call);
void            mp2_plan_inputs_clear               (Mp2PlanInputs       *inputs);
GDateTime      *mp2_plan_inputs_get_arrival_target  (const Mp2PlanInputs *inputs);
const Mp2Place *mp2_plan_inputs_get_destination     (const Mp2PlanInputs *inputs);
GDateTime      *mp2_plan_inputs_get_route_arrival   (const Mp2PlanInputs *inputs);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Mp2PlanInputs, mp2_plan_inputs_clear)

/**
 * Mp2DepartureSearch:
 *
 * The latest departure that still arrives in time, found by asking a route provider
 * for a few departure times. A state machine without I/O:
 *
 * |[<!-- language="C" -->
 * while ((departure = mp2_departure_search_next (search)) != NULL)
 *   mp2_departure_search_feed (search, departure, route_for (departure));
 * leave = mp2_departure_search_get_result (search);
 * ]|
 */
typedef struct _Mp2DepartureSearch Mp2DepartureSearch;

Mp2DepartureSearch *mp2_departure_search_new             (GDateTime          *arrival,
                                                          gboolean            uses_traffic);
Mp2DepartureSearch *mp2_day_planner_new_search           (const Mp2PlanInputs *inputs,
                                                          gboolean            uses_traffic);
void                mp2_departure_search_free            (Mp2DepartureSearch *self);
void                mp2_departure_search_set_first_guess (Mp2DepartureSearch *self,
                                                          gint64              seconds);
GDateTime          *mp2_departure_search_next            (Mp2DepartureSearch *self);
void                mp2_departure_search_feed            (Mp2DepartureSearch *self,
                                                          GDateTime          *departure,
                                                          const Mp2Route     *route);
gboolean            mp2_departure_search_is_done         (Mp2DepartureSearch *self);
gboolean            mp2_departure_search_is_converged    (Mp2DepartureSearch *self);
guint               mp2_departure_search_get_n_requests  (Mp2DepartureSearch *self);
GDateTime          *mp2_departure_search_get_result      (Mp2DepartureSearch *self);
const Mp2Route     *mp2_departure_search_get_route       (Mp2DepartureSearch *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2DepartureSearch, mp2_departure_search_free)

/**
 * Mp2PlanStep:
 *
 * Which part of planning a problem belongs to; the nicks are the plan JSON's.
 */
typedef enum
{
  MP2_PLAN_STEP_HOME,
  MP2_PLAN_STEP_SET,
  MP2_PLAN_STEP_VIA,
  MP2_PLAN_STEP_ROUTE,
  MP2_PLAN_STEP_WEATHER,
} Mp2PlanStep;

const char *mp2_plan_step_to_string   (Mp2PlanStep  step);
gboolean    mp2_plan_step_from_string (const char  *name,
                                       Mp2PlanStep *step);

typedef enum
{
  MP2_PLAN_FLAG_NONE          = 0,
  MP2_PLAN_FLAG_EARLY_WAKE_UP = 1 << 0,  /* "early-wake-up" */
  MP2_PLAN_FLAG_ESTIMATE      = 1 << 1,  /* "estimate": the route is a guess */
  MP2_PLAN_FLAG_WEATHER_LATER = 1 << 2,  /* "weather-later": beyond the horizon */
} Mp2PlanFlags;

typedef struct
{
  Mp2PlanStep   step;
  Mp2PlanError  code;
  char         *message;
} Mp2PlanProblem;

/**
 * Mp2DayPlan:
 * @call: when to be on set
 * @arrival_target: @call minus the arrive-early minutes
 * @wake_up: (nullable): %NULL in a partial plan (no home, no set, no route)
 * @leave: (nullable): the departure from home
 * @arrive: (nullable): on set: @leave plus the route, the stop and the walk from
 *   the parking
 * @route: (nullable): the route taken for @leave
 * @early_wake_up_hour: a wake-up before this hour is flagged (not in the JSON: a
 *   plan read back has the default)
 * @problems: (element-type Mp2PlanProblem): at most one per step
 * @planned_at: when the plan was made
 *
 * The day's plan; its JSON form is what the store keeps (mp2_day_plan_to_json()).
 */
typedef struct
{
  GDateTime    *call;
  GDateTime    *arrival_target;
  GDateTime    *wake_up;
  GDateTime    *leave;
  GDateTime    *arrive;
  Mp2Place     *home;
  Mp2Place     *set;
  Mp2Place     *via;
  int           via_stop_minutes;
  Mp2Place     *parking;
  int           parking_to_set_minutes;
  Mp2Route     *route;
  int           morning_routine_minutes;
  int           arrive_early_minutes;
  int           early_wake_up_hour;
  Mp2PlanFlags  flags;
  GPtrArray    *problems;
  GDateTime    *planned_at;
} Mp2DayPlan;

#define MP2_TYPE_DAY_PLAN (mp2_day_plan_get_type ())

GType           mp2_day_plan_get_type    (void) G_GNUC_CONST;
Mp2DayPlan     *mp2_day_plan_new         (const Mp2PlanInputs *inputs,
                                          GDateTime           *planned_at);
Mp2DayPlan     *mp2_day_plan_copy        (const Mp2DayPlan    *self);
void            mp2_day_plan_free        (Mp2DayPlan          *self);
void            mp2_day_plan_set_route   (Mp2DayPlan          *self,
                                          const Mp2Route      *route,
                                          GDateTime           *leave);
void            mp2_day_plan_add_problem (Mp2DayPlan          *self,
                                          Mp2PlanStep          step,
                                          const GError        *error);
const Mp2PlanProblem *mp2_day_plan_get_problem (const Mp2DayPlan *self,
                                                Mp2PlanStep       step);
void            mp2_day_plan_set_weather_later (Mp2DayPlan    *self,
                                                gboolean       later);
JsonNode       *mp2_day_plan_to_json_node (const Mp2DayPlan   *self);
char           *mp2_day_plan_to_json     (const Mp2DayPlan    *self);
Mp2DayPlan     *mp2_day_plan_from_json   (const char          *json,
                                          GTimeZone           *time_zone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2DayPlan, mp2_day_plan_free)

/* The whole plan in one call: mp2_day_plan_new(), and with @route, the times. */
Mp2DayPlan     *mp2_day_planner_plan     (const Mp2PlanInputs *inputs,
                                          const Mp2Route      *route,
                                          GDateTime           *leave,
                                          GDateTime           *planned_at);

G_END_DECLS
