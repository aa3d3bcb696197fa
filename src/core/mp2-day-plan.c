/* mp2-day-plan.c
 *
 * The day's plan: the times from the route taken, the problems of each step, and the
 * JSON the store keeps and the day view shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-planner"

#include "config.h"

#include "mp2-day-planner.h"
#include "mp2-day-planner-private.h"

#include <glib/gi18n-lib.h>

#define ISO_FORMAT "%Y-%m-%dT%H:%M:%S%:z"

G_DEFINE_BOXED_TYPE (Mp2DayPlan, mp2_day_plan, mp2_day_plan_copy, mp2_day_plan_free)

/* Steps and problems */

static const char *plan_step_names[] = {
  [MP2_PLAN_STEP_HOME] = "home",
  [MP2_PLAN_STEP_SET] = "set",
  [MP2_PLAN_STEP_VIA] = "via",
  [MP2_PLAN_STEP_ROUTE] = "route",
  [MP2_PLAN_STEP_WEATHER] = "weather",
};

/**
 * mp2_plan_step_to_string:
 * @step: an #Mp2PlanStep
 *
 * Returns: its name in the plan's JSON, such as `"home"`
 */
const char *
mp2_plan_step_to_string (Mp2PlanStep step)
{
  g_return_val_if_fail ((guint) step < G_N_ELEMENTS (plan_step_names), NULL);

  return plan_step_names[step];
}

/**
 * mp2_plan_step_from_string:
 * @name: a name as given by mp2_plan_step_to_string()
 * @step: (out): where to store the step
 *
 * Returns: %TRUE if @name is a known step
 */
gboolean
mp2_plan_step_from_string (const char  *name,
                           Mp2PlanStep *step)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (plan_step_names); i++)
    {
      if (g_strcmp0 (plan_step_names[i], name) == 0)
        {
          *step = (Mp2PlanStep) i;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *plan_flag_names[] = {
  "early-wake-up",
  "estimate",
  "weather-later",
};

static Mp2PlanProblem *
new_problem (Mp2PlanStep   step,
             Mp2PlanError  code,
             const char   *message)
{
  Mp2PlanProblem *problem = g_new0 (Mp2PlanProblem, 1);

  problem->step = step;
  problem->code = code;
  problem->message = g_strdup (message);

  return problem;
}

static void
free_problem (gpointer data)
{
  Mp2PlanProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

static void
put_problem (Mp2DayPlan     *self,
             Mp2PlanProblem *problem)
{
  for (guint i = 0; i < self->problems->len; i++)
    {
      const Mp2PlanProblem *old = g_ptr_array_index (self->problems, i);

      if (old->step == problem->step)
        {
          g_ptr_array_remove_index (self->problems, i);
          g_ptr_array_insert (self->problems, (int) i, problem);
          return;
        }
    }

  g_ptr_array_add (self->problems, problem);
}

/* The day plan */

static Mp2DayPlan *
new_empty_plan (void)
{
  Mp2DayPlan *self = g_new0 (Mp2DayPlan, 1);

  self->problems = g_ptr_array_new_with_free_func (free_problem);
  self->early_wake_up_hour = MP2_DAY_PLANNER_EARLY_WAKE_UP_HOUR;

  return self;
}

static Mp2Place *
copy_place (const Mp2Place *place)
{
  return place != NULL ? mp2_place_copy (place) : NULL;
}

static GDateTime *
ref_date_time (GDateTime *when)
{
  return when != NULL ? g_date_time_ref (when) : NULL;
}

/* A plan without home or without anywhere to go has no times; it says what to do. */
static void
add_missing_place_problems (Mp2DayPlan *self)
{
  if (self->home == NULL)
    put_problem (self, new_problem (MP2_PLAN_STEP_HOME, MP2_PLAN_ERROR_NOT_FOUND,
                                    _("Add your home address in Preferences to plan "
                                      "when to leave.")));

  if (self->set == NULL && self->parking == NULL)
    put_problem (self, new_problem (MP2_PLAN_STEP_SET, MP2_PLAN_ERROR_NOT_FOUND,
                                    _("The call sheet gives no address for the set. Add "
                                      "it to the day to plan when to leave.")));
}

/**
 * mp2_day_plan_new:
 * @inputs: inputs with a call
 * @planned_at: now
 *
 * The plan before any route: the call, the arrival target, the places and buffers.
 * Without a home or without a set (or parking) it gets a problem of that step saying
 * what to do; a more precise one from the geocoder replaces it
 * (mp2_day_plan_add_problem()).
 *
 * Returns: (transfer full): a plan without times
 */
Mp2DayPlan *
mp2_day_plan_new (const Mp2PlanInputs *inputs,
                  GDateTime           *planned_at)
{
  Mp2DayPlan *self;
  GTimeZone *time_zone;

  g_return_val_if_fail (inputs != NULL && inputs->call != NULL, NULL);
  g_return_val_if_fail (planned_at != NULL, NULL);

  time_zone = g_date_time_get_timezone (inputs->call);

  self = new_empty_plan ();
  self->call = g_date_time_ref (inputs->call);
  self->arrival_target = mp2_plan_inputs_get_arrival_target (inputs);
  self->home = copy_place (inputs->home);
  self->set = copy_place (inputs->set);
  self->via = copy_place (inputs->via);
  self->via_stop_minutes = inputs->via_stop_minutes;
  self->parking = copy_place (inputs->parking);
  self->parking_to_set_minutes = inputs->parking_to_set_minutes;
  self->morning_routine_minutes = inputs->morning_routine_minutes;
  self->arrive_early_minutes = inputs->arrive_early_minutes;
  self->early_wake_up_hour = inputs->early_wake_up_hour;
  self->planned_at = g_date_time_to_timezone (planned_at, time_zone);
  add_missing_place_problems (self);

  return self;
}

/**
 * mp2_day_plan_copy:
 * @self: a plan
 *
 * Returns: (transfer full): a deep copy
 */
Mp2DayPlan *
mp2_day_plan_copy (const Mp2DayPlan *self)
{
  Mp2DayPlan *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (Mp2DayPlan, 1);
  *copy = *self;
  copy->call = ref_date_time (self->call);
  copy->arrival_target = ref_date_time (self->arrival_target);
  copy->wake_up = ref_date_time (self->wake_up);
  copy->leave = ref_date_time (self->leave);
  copy->arrive = ref_date_time (self->arrive);
  copy->home = copy_place (self->home);
  copy->set = copy_place (self->set);
  copy->via = copy_place (self->via);
  copy->parking = copy_place (self->parking);
  copy->route = self->route != NULL ? mp2_route_copy (self->route) : NULL;
  copy->planned_at = ref_date_time (self->planned_at);
  copy->problems = g_ptr_array_new_with_free_func (free_problem);
  for (guint i = 0; i < self->problems->len; i++)
    {
      const Mp2PlanProblem *problem = g_ptr_array_index (self->problems, i);

      g_ptr_array_add (copy->problems,
                       new_problem (problem->step, problem->code, problem->message));
    }

  return copy;
}

/**
 * mp2_day_plan_free:
 * @self: (nullable): a plan
 */
void
mp2_day_plan_free (Mp2DayPlan *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->call, g_date_time_unref);
  g_clear_pointer (&self->arrival_target, g_date_time_unref);
  g_clear_pointer (&self->wake_up, g_date_time_unref);
  g_clear_pointer (&self->leave, g_date_time_unref);
  g_clear_pointer (&self->arrive, g_date_time_unref);
  g_clear_pointer (&self->home, mp2_place_free);
  g_clear_pointer (&self->set, mp2_place_free);
  g_clear_pointer (&self->via, mp2_place_free);
  g_clear_pointer (&self->parking, mp2_place_free);
  g_clear_pointer (&self->route, mp2_route_free);
  g_clear_pointer (&self->planned_at, g_date_time_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self);
}

static int
get_via_minutes (const Mp2DayPlan *self)
{
  return self->via != NULL ? self->via_stop_minutes : 0;
}

static int
get_parking_minutes (const Mp2DayPlan *self)
{
  return self->parking != NULL ? self->parking_to_set_minutes : 0;
}

/* When the route, leaving now, must end: the arrival target less the walk from the
 * parking and the stop on the way. */
static GDateTime *
new_drive_end (const Mp2DayPlan *self)
{
  int minutes = get_parking_minutes (self) + get_via_minutes (self);

  return mp2_day_planner_add_minutes (self->arrival_target, -minutes);
}

static gboolean
is_early_wake_up (const Mp2DayPlan *self)
{
  return g_date_time_get_hour (self->wake_up) < self->early_wake_up_hour;
}

/**
 * mp2_day_plan_set_route:
 * @self: a plan with a home and a set or parking
 * @route: the route taken
 * @leave: (nullable): the departure (mp2_departure_search_get_result()); %NULL: the
 *   route's duration before the arrival target (less the stop and the parking walk)
 *
 * Sets the times: leave (at the start of its minute), arrive = leave + the route +
 * the stop at the via point + the walk from the parking, wake-up = leave − the
 * morning routine; flags an early wake-up and an estimated route.
 */
void
mp2_day_plan_set_route (Mp2DayPlan     *self,
                        const Mp2Route *route,
                        GDateTime      *leave)
{
  g_autoptr(GDateTime) exact = NULL;
  g_autoptr(GDateTime) drive_end = NULL;
  GTimeSpan journey;

  g_return_if_fail (self != NULL);
  g_return_if_fail (route != NULL);
  g_return_if_fail (self->home != NULL && (self->set != NULL || self->parking != NULL));

  if (leave == NULL)
    {
      drive_end = new_drive_end (self);
      exact = g_date_time_add (drive_end, -route->duration * G_TIME_SPAN_SECOND);
    }
  else
    exact = g_date_time_to_timezone (leave, g_date_time_get_timezone (self->call));

  g_clear_pointer (&self->route, mp2_route_free);
  g_clear_pointer (&self->leave, g_date_time_unref);
  g_clear_pointer (&self->arrive, g_date_time_unref);
  g_clear_pointer (&self->wake_up, g_date_time_unref);

  self->route = mp2_route_copy (route);
  self->leave = mp2_day_planner_floor_to_minute (exact);
  journey = route->duration * G_TIME_SPAN_SECOND
            + (GTimeSpan) (get_via_minutes (self) + get_parking_minutes (self))
              * G_TIME_SPAN_MINUTE;
  self->arrive = g_date_time_add (self->leave, journey);
  self->wake_up = mp2_day_planner_add_minutes (self->leave,
                                               -self->morning_routine_minutes);

  self->flags &= ~(MP2_PLAN_FLAG_EARLY_WAKE_UP | MP2_PLAN_FLAG_ESTIMATE);
  if (is_early_wake_up (self))
    self->flags |= MP2_PLAN_FLAG_EARLY_WAKE_UP;
  if (route->estimate)
    self->flags |= MP2_PLAN_FLAG_ESTIMATE;
}

/**
 * mp2_day_plan_add_problem:
 * @self: a plan
 * @step: where it went wrong
 * @error: what went wrong; an #MP2_PLAN_ERROR keeps its code, others become
 *   %MP2_PLAN_ERROR_FAILED
 *
 * Keeps one problem per step: a later one replaces the earlier. A forecast beyond
 * the provider's horizon also flags the weather as coming later.
 */
void
mp2_day_plan_add_problem (Mp2DayPlan   *self,
                          Mp2PlanStep   step,
                          const GError *error)
{
  Mp2PlanError code = MP2_PLAN_ERROR_FAILED;

  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) step < G_N_ELEMENTS (plan_step_names));
  g_return_if_fail (error != NULL);

  if (error->domain == MP2_PLAN_ERROR && error->code >= 0
      && error->code <= MP2_PLAN_ERROR_FAILED)
    code = (Mp2PlanError) error->code;

  put_problem (self, new_problem (step, code, error->message));
  if (step == MP2_PLAN_STEP_WEATHER && code == MP2_PLAN_ERROR_BEYOND_HORIZON)
    self->flags |= MP2_PLAN_FLAG_WEATHER_LATER;
}

/**
 * mp2_day_plan_get_problem:
 * @self: a plan
 * @step: a step
 *
 * Returns: (transfer none) (nullable): the problem of @step, if any
 */
const Mp2PlanProblem *
mp2_day_plan_get_problem (const Mp2DayPlan *self,
                          Mp2PlanStep       step)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      const Mp2PlanProblem *problem = g_ptr_array_index (self->problems, i);

      if (problem->step == step)
        return problem;
    }

  return NULL;
}

/**
 * mp2_day_plan_set_weather_later:
 * @self: a plan
 * @later: whether the day is beyond the weather provider's horizon
 *
 * The forecast is not available yet; it is fetched by itself later.
 */
void
mp2_day_plan_set_weather_later (Mp2DayPlan *self,
                                gboolean    later)
{
  g_return_if_fail (self != NULL);

  if (later)
    self->flags |= MP2_PLAN_FLAG_WEATHER_LATER;
  else
    self->flags &= ~MP2_PLAN_FLAG_WEATHER_LATER;
}

/**
 * mp2_day_planner_plan:
 * @inputs: inputs with a call
 * @route: (nullable): the route answered (or estimated); %NULL: a plan without times
 * @leave: (nullable): the departure found (see mp2_day_plan_set_route())
 * @planned_at: now
 *
 * Returns: (transfer full): the plan; without times when @route is %NULL or the home
 *   or the set is missing
 */
Mp2DayPlan *
mp2_day_planner_plan (const Mp2PlanInputs *inputs,
                      const Mp2Route      *route,
                      GDateTime           *leave,
                      GDateTime           *planned_at)
{
  Mp2DayPlan *plan = mp2_day_plan_new (inputs, planned_at);

  if (plan != NULL && route != NULL && plan->home != NULL
      && (plan->set != NULL || plan->parking != NULL))
    mp2_day_plan_set_route (plan, route, leave);

  return plan;
}

/* JSON */

static void
add_time_member (JsonBuilder *builder,
                 const char  *name,
                 GDateTime   *when)
{
  g_autofree char *text = NULL;

  if (when == NULL)
    return;

  text = g_date_time_format (when, ISO_FORMAT);
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_place_member (JsonBuilder    *builder,
                  const char     *name,
                  const Mp2Place *place)
{
  if (place == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, mp2_place_to_json (place));
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_flags_member (JsonBuilder  *builder,
                  Mp2PlanFlags  flags)
{
  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (plan_flag_names); i++)
    {
      if (flags & (1u << i))
        json_builder_add_string_value (builder, plan_flag_names[i]);
    }
  json_builder_end_array (builder);
}

static void
add_problems_member (JsonBuilder *builder,
                     GPtrArray   *problems)
{
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const Mp2PlanProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "step");
      json_builder_add_string_value (builder, mp2_plan_step_to_string (problem->step));
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, mp2_plan_error_code_to_string (problem->code));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_places (JsonBuilder      *builder,
            const Mp2DayPlan *self)
{
  add_place_member (builder, "home", self->home);
  add_place_member (builder, "set", self->set);
  if (self->via != NULL)
    {
      add_place_member (builder, "via", self->via);
      add_int_member (builder, "via_stop_minutes", self->via_stop_minutes);
    }
  if (self->parking != NULL)
    {
      add_place_member (builder, "parking", self->parking);
      add_int_member (builder, "parking_to_set_minutes", self->parking_to_set_minutes);
    }
}

/**
 * mp2_day_plan_to_json_node:
 * @self: a plan
 *
 * The plan as the store keeps it ("plan_json"): times in ISO 8601 with the offset of
 * the day's time zone; "wake_up", "leave", "arrive" and "route" only when there is a
 * route; "via", "parking" with their minutes only when there are such places; flags
 * "early-wake-up", "estimate", "weather-later"; problems with their step, code and
 * message.
 *
 * Returns: (transfer full): the plan as a JSON object
 */
JsonNode *
mp2_day_plan_to_json_node (const Mp2DayPlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_time_member (builder, "wake_up", self->wake_up);
  add_time_member (builder, "leave", self->leave);
  add_time_member (builder, "arrive", self->arrive);
  add_time_member (builder, "arrival_target", self->arrival_target);
  add_time_member (builder, "call", self->call);
  add_places (builder, self);
  if (self->route != NULL)
    {
      json_builder_set_member_name (builder, "route");
      json_builder_add_value (builder, mp2_route_to_json (self->route));
    }
  add_int_member (builder, "morning_routine_minutes", self->morning_routine_minutes);
  add_int_member (builder, "arrive_early_minutes", self->arrive_early_minutes);
  add_flags_member (builder, self->flags);
  add_time_member (builder, "planned_at", self->planned_at);
  add_problems_member (builder, self->problems);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * mp2_day_plan_to_json:
 * @self: a plan
 *
 * Returns: (transfer full): mp2_day_plan_to_json_node() as text
 */
char *
mp2_day_plan_to_json (const Mp2DayPlan *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  node = mp2_day_plan_to_json_node (self);
  return json_to_string (node, FALSE);
}

static GDateTime *
read_time (JsonObject *object,
           const char *name,
           GTimeZone  *time_zone)
{
  g_autoptr(GDateTime) when = NULL;
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  when = g_date_time_new_from_iso8601 (json_node_get_string (node), time_zone);
  if (when == NULL)
    return NULL;

  return g_date_time_to_timezone (when, time_zone);
}

static int
read_minutes (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return (int) CLAMP (json_node_get_int (node), G_MININT, G_MAXINT);
}

static JsonArray *
get_array_member (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static const char *
get_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static Mp2PlanFlags
read_flags (JsonObject *object)
{
  JsonArray *array = get_array_member (object, "flags");
  Mp2PlanFlags flags = MP2_PLAN_FLAG_NONE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *name = get_string (json_array_get_element (array, i));

      for (guint bit = 0; name != NULL && bit < G_N_ELEMENTS (plan_flag_names); bit++)
        {
          if (g_str_equal (name, plan_flag_names[bit]))
            flags |= 1u << bit;
        }
    }

  return flags;
}

static Mp2PlanProblem *
read_problem (JsonNode *node)
{
  JsonObject *object;
  const char *step_name;
  const char *code_name;
  const char *message;
  Mp2PlanStep step;
  Mp2PlanError code;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  step_name = get_string (json_object_get_member (object, "step"));
  code_name = get_string (json_object_get_member (object, "code"));
  message = get_string (json_object_get_member (object, "message"));
  if (step_name == NULL || code_name == NULL || message == NULL
      || !mp2_plan_step_from_string (step_name, &step)
      || !mp2_plan_error_code_from_string (code_name, &code))
    return NULL;

  return new_problem (step, code, message);
}

static void
read_problems (Mp2DayPlan *self,
               JsonObject *object)
{
  JsonArray *array = get_array_member (object, "problems");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      Mp2PlanProblem *problem = read_problem (json_array_get_element (array, i));

      if (problem != NULL)
        put_problem (self, problem);
    }
}

static void
read_plan_members (Mp2DayPlan *self,
                   JsonObject *object,
                   GTimeZone  *time_zone)
{
  self->wake_up = read_time (object, "wake_up", time_zone);
  self->leave = read_time (object, "leave", time_zone);
  self->arrive = read_time (object, "arrive", time_zone);
  self->planned_at = read_time (object, "planned_at", time_zone);
  self->home = mp2_place_from_json (json_object_get_member (object, "home"));
  self->set = mp2_place_from_json (json_object_get_member (object, "set"));
  self->via = mp2_place_from_json (json_object_get_member (object, "via"));
  self->via_stop_minutes = read_minutes (object, "via_stop_minutes");
  self->parking = mp2_place_from_json (json_object_get_member (object, "parking"));
  self->parking_to_set_minutes = read_minutes (object, "parking_to_set_minutes");
  self->route = mp2_route_from_json (json_object_get_member (object, "route"));
  self->morning_routine_minutes = read_minutes (object, "morning_routine_minutes");
  self->arrive_early_minutes = read_minutes (object, "arrive_early_minutes");
  self->flags = read_flags (object);
  read_problems (self, object);
}

/**
 * mp2_day_plan_from_json:
 * @json: what mp2_day_plan_to_json() gave
 * @time_zone: the day's time zone, for the times
 *
 * Reads a stored plan back, such as for the re-checks before leaving. Members that
 * are missing or not what they should be are left empty.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL when @json is not an
 *   object with a "call" and an "arrival_target"
 */
Mp2DayPlan *
mp2_day_plan_from_json (const char *json,
                        GTimeZone  *time_zone)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) call = NULL;
  g_autoptr(GDateTime) target = NULL;
  g_autoptr(GError) error = NULL;
  Mp2DayPlan *self;
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, &error))
    {
      g_debug ("Not a plan: %s", error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  call = read_time (object, "call", time_zone);
  target = read_time (object, "arrival_target", time_zone);
  if (call == NULL || target == NULL)
    return NULL;

  self = new_empty_plan ();
  self->call = g_steal_pointer (&call);
  self->arrival_target = g_steal_pointer (&target);
  read_plan_members (self, object, time_zone);

  return self;
}
