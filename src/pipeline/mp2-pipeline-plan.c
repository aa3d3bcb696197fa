/* mp2-pipeline-plan.c
 *
 * Planning a day once it is read: the home, the set, a via point and a separate
 * parking are looked up on the map, the departure is searched for against the route
 * provider (with traffic, a few departure times), the weather at the set is fetched
 * for the working day, and the plan and the forecast are saved beside the day. A day
 * is listed for review before it is planned: without network the sheet's own times
 * show, and the plan says what is missing and follows later.
 *
 * Each part that fails is a problem of the plan, in words the user can act on; a
 * route that cannot be had becomes an estimate from the straight-line distance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-pipeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mp2-day-planner.h"
#include "mp2-pipeline-private.h"
#include "mp2-text-util.h"

/* The forecast is asked for from an hour before the departure (or the call) to the
 * wrap; without a wrap, this long after the call. */
#define WORKING_DAY_HOURS 12

/* The days to come are planned again this often. */
#define REPLAN_SECONDS 3600

typedef struct
{
  Mp2PlanStep   step;
  char         *address;
  Mp2Place    **place;
} Lookup;

typedef struct
{
  gint64               schedule_id;
  Mp2CallSheet        *sheet;
  GTimeZone           *time_zone;
  GDateTime           *wrap;
  Mp2PlanInputs        inputs;
  Mp2TravelMode        mode;

  GArray              *lookups;       /* Lookup, in order */
  guint                next_lookup;
  GPtrArray           *problems;      /* Problem */

  Mp2DepartureSearch  *search;
  Mp2Route            *route;
  Mp2Route            *last_route;    /* the search's latest answer */
  GDateTime           *leave;
  Mp2DayPlan          *plan;
  Mp2Forecast         *forecast;
  gboolean             weather_later;

  char                *plan_json;
  char                *weather_json;

  gboolean             recheck;       /* the route checked again before leaving */
  GDateTime           *old_leave;     /* of the plan before, to tell a change */
  gint64               old_duration;  /* its route's seconds; -1 */
  GDateTime           *old_wake_up;
} PlanJob;

typedef struct
{
  Mp2PlanStep  step;
  GError      *error;
} Problem;

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  g_clear_error (&problem->error);
  g_free (problem);
}

static void
lookup_clear (gpointer data)
{
  Lookup *lookup = data;

  g_free (lookup->address);
}

static void
plan_job_free (gpointer data)
{
  PlanJob *job = data;

  g_clear_object (&job->sheet);
  g_clear_pointer (&job->time_zone, g_time_zone_unref);
  g_clear_pointer (&job->wrap, g_date_time_unref);
  mp2_plan_inputs_clear (&job->inputs);
  g_clear_pointer (&job->lookups, g_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_clear_pointer (&job->search, mp2_departure_search_free);
  g_clear_pointer (&job->route, mp2_route_free);
  g_clear_pointer (&job->last_route, mp2_route_free);
  g_clear_pointer (&job->leave, g_date_time_unref);
  g_clear_pointer (&job->plan, mp2_day_plan_free);
  g_clear_pointer (&job->forecast, mp2_forecast_free);
  g_free (job->plan_json);
  g_free (job->weather_json);
  g_clear_pointer (&job->old_leave, g_date_time_unref);
  g_clear_pointer (&job->old_wake_up, g_date_time_unref);
  g_free (job);
}

static void
add_problem (PlanJob      *job,
             Mp2PlanStep   step,
             const GError *error)
{
  Problem *problem = g_new0 (Problem, 1);

  problem->step = step;
  problem->error = g_error_copy (error);
  g_ptr_array_add (job->problems, problem);
  g_debug ("Planning day %" G_GINT64_FORMAT ", %s: %s", job->schedule_id,
           mp2_plan_step_to_string (step), error->message);
}

/* Settings ---------------------------------------------------------------------------- */

/* A key another part of the app may not have yet gives its default. */
static int
get_int_setting (Mp2Pipeline *self,
                 const char  *key,
                 int          fallback)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return fallback;

  return g_settings_get_int (self->settings, key);
}

static double
get_double_setting (Mp2Pipeline *self,
                    const char  *key,
                    double       fallback)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return fallback;

  return g_settings_get_double (self->settings, key);
}

static char *
get_string_setting (Mp2Pipeline *self,
                    const char  *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *value = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;

  value = g_strstrip (g_settings_get_string (self->settings, key));
  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

static GTimeZone *
get_time_zone (Mp2Pipeline *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "time-zone");
  GTimeZone *zone = g_time_zone_new_identifier (name);

  return zone != NULL ? zone : g_time_zone_new_local ();
}

/* Exterior scenes: "EXT.", "INT./EXT.", Polish "PL." (plener), German "AUSSEN". */
static gboolean
has_exterior_scenes (Mp2CallSheet *sheet)
{
  static const char *markers[] = { "ext", "pl.", "plener", "zewn", "aussen", "außen", "a." };
  GPtrArray *scenes = mp2_call_sheet_get_scenes (sheet);

  for (guint i = 0; scenes != NULL && i < scenes->len; i++)
    {
      const Mp2Scene *scene = g_ptr_array_index (scenes, i);
      g_autofree char *set = scene->set != NULL ? g_utf8_strdown (scene->set, -1) : NULL;

      if (set == NULL)
        continue;
      for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
        if (g_str_has_prefix (set, markers[m]) || strstr (set, "/ext") != NULL
            || strstr (set, "ext/") != NULL)
          return TRUE;
    }

  return FALSE;
}

/* Time to leave --------------------------------------------------------------------------- */

typedef struct
{
  GWeakRef pipeline;
  gint64   schedule_id;
} Recheck;

static void
recheck_free (gpointer data)
{
  Recheck *recheck = data;

  g_weak_ref_clear (&recheck->pipeline);
  g_free (recheck);
}

void
mp2_pipeline_free_rechecks (gpointer data)
{
  GArray *sources = data;

  /* those that ran are gone already */
  for (guint i = 0; i < sources->len; i++)
    {
      GSource *source = g_main_context_find_source_by_id (NULL, g_array_index (sources, guint, i));

      if (source != NULL)
        g_source_destroy (source);
    }
  g_array_unref (sources);
}

static gboolean
on_recheck_cb (gpointer user_data)
{
  Recheck *recheck = user_data;
  g_autoptr(Mp2Pipeline) self = g_weak_ref_get (&recheck->pipeline);

  if (self != NULL)
    {
      g_debug ("Checking the way to set of day %" G_GINT64_FORMAT " again", recheck->schedule_id);
      mp2_pipeline_recheck_day (self, recheck->schedule_id);
    }

  return G_SOURCE_REMOVE;
}

static void
on_recheck_done_cb (gpointer user_data)
{
  recheck_free (user_data);
}

/* The route is checked again before leaving: by default 90 and 30 minutes before. */
static void
schedule_rechecks (Mp2Pipeline *self,
                   gint64       schedule_id,
                   GDateTime   *leave)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GVariant) offsets = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GArray *sources = g_array_new (FALSE, FALSE, sizeof (guint));
  const gint32 *minutes;
  static const gint32 default_minutes[] = { 90, 30 };
  gsize n_minutes = G_N_ELEMENTS (default_minutes);

  minutes = default_minutes;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema != NULL && g_settings_schema_has_key (schema, "leave-recheck-minutes"))
    {
      offsets = g_settings_get_value (self->settings, "leave-recheck-minutes");
      minutes = g_variant_get_fixed_array (offsets, &n_minutes, sizeof (gint32));
    }

  for (gsize i = 0; leave != NULL && i < n_minutes; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_minutes (leave, -minutes[i]);
      GTimeSpan wait = g_date_time_difference (when, now);
      Recheck *recheck;
      guint id;

      if (wait <= 0)
        continue;

      recheck = g_new0 (Recheck, 1);
      g_weak_ref_init (&recheck->pipeline, self);
      recheck->schedule_id = schedule_id;
      id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                       (guint) MIN (wait / G_TIME_SPAN_SECOND, G_MAXUINT),
                                       on_recheck_cb, recheck, on_recheck_done_cb);
      g_array_append_val (sources, id);
    }

  g_hash_table_replace (self->rechecks, g_memdup2 (&schedule_id, sizeof schedule_id), sources);
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

/* After a plan: the calendar's alarms follow it, a departure that must move earlier
 * is told, and the next re-checks are set. */
static void
follow_plan_change (Mp2Pipeline *self,
                    Mp2Schedule *schedule,
                    PlanJob     *job)
{
  GDateTime *leave = job->plan->leave;
  gboolean moved = !same_time (leave, job->old_leave)
                   || !same_time (job->plan->wake_up, job->old_wake_up);

  if (moved && mp2_schedule_get_state (schedule) == MP2_DAY_STATE_SYNCED)
    mp2_pipeline_sync_confirmed (self, schedule);

  if (leave != NULL && job->old_leave != NULL)
    {
      GTimeSpan earlier = g_date_time_difference (job->old_leave, leave) / G_TIME_SPAN_MINUTE;
      int traffic = job->plan->route != NULL && job->old_duration >= 0
                    ? (int) ((job->plan->route->duration - job->old_duration) / 60) : 0;

      /* told when traffic moves it; the user's own changes are no news to them */
      if (job->recheck && earlier >= MP2_LEAVE_MOVED_MINUTES)
        g_signal_emit (self, mp2_pipeline_signals[SIGNAL_LEAVE_MOVED], 0, schedule, (int) earlier,
                       traffic);
    }

  schedule_rechecks (self, job->schedule_id, leave);
}

/* What the plan before said, to tell what moved. */
static void
read_old_plan (PlanJob     *job,
               Mp2Schedule *schedule)
{
  g_autoptr(Mp2DayPlan) old = NULL;

  job->old_duration = -1;
  if (mp2_schedule_get_plan_json (schedule) == NULL)
    return;

  old = mp2_day_plan_from_json (mp2_schedule_get_plan_json (schedule), job->time_zone);
  if (old == NULL)
    return;

  job->old_leave = old->leave != NULL ? g_date_time_ref (old->leave) : NULL;
  job->old_wake_up = old->wake_up != NULL ? g_date_time_ref (old->wake_up) : NULL;
  job->old_duration = old->route != NULL ? old->route->duration : -1;
}

/* Saving ------------------------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *plan_json;
  char   *weather_json;
} SavedPlan;

static void
saved_plan_free (gpointer data)
{
  SavedPlan *saved = data;

  g_free (saved->plan_json);
  g_free (saved->weather_json);
  g_free (saved);
}

static gpointer
save_plan_job (Mp2Pipeline   *self,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  SavedPlan *saved = data;

  if (!mp2_store_save_plan (self->store, saved->id, saved->plan_json, saved->weather_json,
                            error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static void
on_plan_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  PlanJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Mp2Schedule *schedule;

  if (mp2_pipeline_run_job_finish (self, result, &error) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* the day may have been superseded meanwhile: the plan stays with its row */
  schedule = mp2_pipeline_lookup (self, job->schedule_id);
  if (schedule != NULL)
    {
      mp2_schedule_set_plan_json (schedule, job->plan_json);
      mp2_schedule_set_weather_json (schedule, job->weather_json);
      if (job->route != NULL)
        g_signal_emit (self, mp2_pipeline_signals[SIGNAL_ROUTE_CALCULATED], 0, schedule);
      if (job->forecast != NULL)
        g_signal_emit (self, mp2_pipeline_signals[SIGNAL_WEATHER_FETCHED], 0, schedule);
      mp2_pipeline_emit_updated (self, schedule, "plan");
      follow_plan_change (self, schedule, job);
    }

  g_task_return_boolean (task, TRUE);
}

static char *
make_weather_json (Mp2Pipeline *self,
                   PlanJob     *job,
                   GDateTime   *from,
                   GDateTime   *until)
{
  g_autoptr(JsonNode) node = mp2_forecast_to_json (job->forecast);
  g_autoptr(GPtrArray) warnings = NULL;
  Mp2WeatherThresholds thresholds;
  JsonArray *array = json_array_new ();
  gboolean exterior = has_exterior_scenes (job->sheet);

  mp2_weather_thresholds_init (&thresholds);
  thresholds.rain_probability = get_int_setting (self, "weather-warn-rain-probability",
                                                 (int) thresholds.rain_probability);
  thresholds.rain_amount = get_double_setting (self, "weather-warn-rain-amount",
                                               thresholds.rain_amount);
  thresholds.wind_speed = get_int_setting (self, "weather-warn-wind",
                                           (int) thresholds.wind_speed);
  thresholds.cold = get_int_setting (self, "weather-warn-cold", (int) thresholds.cold);
  thresholds.heat = get_int_setting (self, "weather-warn-heat", (int) thresholds.heat);

  warnings = mp2_forecast_find_warnings (job->forecast, from, until, &thresholds);
  for (guint i = 0; i < warnings->len; i++)
    {
      const Mp2WeatherWarning *warning = g_ptr_array_index (warnings, i);
      JsonNode *item = mp2_weather_warning_to_json (warning);
      g_autofree char *text = mp2_weather_warning_describe (warning, exterior);

      json_object_set_string_member (json_node_get_object (item), "text", text);
      json_array_add_element (array, item);
    }

  json_object_set_array_member (json_node_get_object (node), "warnings", array);
  json_object_set_boolean_member (json_node_get_object (node), "exterior", exterior);

  return json_to_string (node, FALSE);
}

/* The working day, for the forecast: from an hour before leaving (or the call) to
 * the wrap. */
static void
get_weather_span (PlanJob    *job,
                  GDateTime **from,
                  GDateTime **until)
{
  GDateTime *start = job->plan != NULL && job->plan->leave != NULL ? job->plan->leave
                                                                      : job->inputs.call;

  *from = g_date_time_add_hours (start, -1);
  if (job->wrap != NULL && g_date_time_compare (job->wrap, job->inputs.call) > 0)
    *until = g_date_time_ref (job->wrap);
  else
    *until = g_date_time_add_hours (job->inputs.call, WORKING_DAY_HOURS);
}

static void
save_plan (Mp2Pipeline *self,
           GTask       *task)
{
  PlanJob *job = g_task_get_task_data (task);
  g_autoptr(GDateTime) now = g_date_time_new_now (job->time_zone);
  SavedPlan *saved;

  job->plan = mp2_day_planner_plan (&job->inputs, job->route, job->leave, now);
  for (guint i = 0; i < job->problems->len; i++)
    {
      Problem *problem = g_ptr_array_index (job->problems, i);

      mp2_day_plan_add_problem (job->plan, problem->step, problem->error);
    }
  mp2_day_plan_set_weather_later (job->plan, job->weather_later);
  job->plan_json = mp2_day_plan_to_json (job->plan);

  if (job->forecast != NULL)
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) until = NULL;

      get_weather_span (job, &from, &until);
      job->weather_json = make_weather_json (self, job, from, until);
    }

  saved = g_new0 (SavedPlan, 1);
  saved->id = job->schedule_id;
  saved->plan_json = g_strdup (job->plan_json);
  saved->weather_json = g_strdup (job->weather_json);
  mp2_pipeline_run_job (self, save_plan_job, saved, saved_plan_free, NULL,
                        g_task_get_cancellable (task), on_plan_saved_cb, g_object_ref (task));
}

/* The weather --------------------------------------------------------------------------- */

static void
on_forecast_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2Pipeline *self = g_task_get_source_object (task);
  PlanJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  job->forecast = mp2_weather_provider_forecast_finish (MP2_WEATHER_PROVIDER (source), result,
                                                        &error);
  if (job->forecast == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* beyond the horizon: said, and asked again as the day comes closer */
      if (g_error_matches (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_BEYOND_HORIZON))
        job->weather_later = TRUE;
      add_problem (job, MP2_PLAN_STEP_WEATHER, error);
    }

  save_plan (self, task);
}

static void
fetch_weather (Mp2Pipeline *self,
               GTask       *task)
{
  PlanJob *job = g_task_get_task_data (task);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(Mp2DayPlan) draft = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (job->time_zone);
  const Mp2Place *place = job->inputs.set != NULL ? job->inputs.set : job->inputs.parking;

  if (self->weather == NULL || place == NULL)
    {
      save_plan (self, task);
      return;
    }

  /* the span starts from the departure, which the draft plan knows */
  draft = mp2_day_planner_plan (&job->inputs, job->route, job->leave, now);
  job->plan = g_steal_pointer (&draft);
  get_weather_span (job, &from, &until);
  g_clear_pointer (&job->plan, mp2_day_plan_free);

  mp2_weather_provider_forecast_async (self->weather, place, from, until,
                                       g_task_get_cancellable (task), on_forecast_cb,
                                       g_object_ref (task));
}

/* The route ------------------------------------------------------------------------------ */

static void ask_route (Mp2Pipeline *self,
                       GTask       *task);

static void
estimate_route (PlanJob      *job,
                const GError *error)
{
  add_problem (job, MP2_PLAN_STEP_ROUTE, error);
  g_clear_pointer (&job->route, mp2_route_free);
  g_clear_pointer (&job->leave, g_date_time_unref);
  job->route = mp2_route_estimate (job->inputs.home, job->inputs.via,
                                   mp2_plan_inputs_get_destination (&job->inputs), job->mode);
}

static void
on_route_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2Pipeline *self = g_task_get_source_object (task);
  PlanJob *job = g_task_get_task_data (task);
  g_autoptr(Mp2Route) route = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *departure;

  route = mp2_route_provider_compute_finish (MP2_ROUTE_PROVIDER (source), result, &error);
  if (route == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* an answer from earlier in the search beats a guess from the distance */
      if (job->last_route != NULL)
        {
          g_debug ("The route of day %" G_GINT64_FORMAT " failed after %u answers; the last "
                   "one is kept: %s", job->schedule_id,
                   mp2_departure_search_get_n_requests (job->search), error->message);
          job->route = g_steal_pointer (&job->last_route);
        }
      else
        estimate_route (job, error);
      fetch_weather (self, task);
      return;
    }

  departure = g_object_get_data (G_OBJECT (task), "departure");
  mp2_departure_search_feed (job->search, departure, route);
  g_clear_pointer (&job->last_route, mp2_route_free);
  job->last_route = g_steal_pointer (&route);
  ask_route (self, task);
}

static void
ask_route (Mp2Pipeline *self,
           GTask       *task)
{
  PlanJob *job = g_task_get_task_data (task);
  GDateTime *departure = mp2_departure_search_next (job->search);

  if (departure == NULL)
    {
      job->leave = g_date_time_ref (mp2_departure_search_get_result (job->search));
      job->route = mp2_route_copy (mp2_departure_search_get_route (job->search));
      fetch_weather (self, task);
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "departure", g_date_time_ref (departure),
                          (GDestroyNotify) g_date_time_unref);
  mp2_route_provider_compute_async (self->routes, job->inputs.home, job->inputs.via,
                                    mp2_plan_inputs_get_destination (&job->inputs), departure,
                                    job->mode, g_task_get_cancellable (task), on_route_cb,
                                    g_object_ref (task));
}

static void
find_route (Mp2Pipeline *self,
            GTask       *task)
{
  PlanJob *job = g_task_get_task_data (task);

  if (job->inputs.home == NULL || mp2_plan_inputs_get_destination (&job->inputs) == NULL)
    {
      fetch_weather (self, task);
      return;
    }

  job->search = mp2_day_planner_new_search (&job->inputs,
                                            mp2_route_provider_get_uses_traffic (self->routes));
  ask_route (self, task);
}

/* The places ------------------------------------------------------------------------------ */

static void look_up_next (Mp2Pipeline *self,
                          GTask       *task);

static void
on_place_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2Pipeline *self = g_task_get_source_object (task);
  PlanJob *job = g_task_get_task_data (task);
  Lookup *lookup = &g_array_index (job->lookups, Lookup, job->next_lookup - 1);
  g_autoptr(GError) error = NULL;

  *lookup->place = mp2_geocoder_search_finish (MP2_GEOCODER (source), result, &error);
  if (*lookup->place == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      add_problem (job, lookup->step, error);
    }

  look_up_next (self, task);
}

static void
look_up_next (Mp2Pipeline *self,
              GTask       *task)
{
  PlanJob *job = g_task_get_task_data (task);
  Lookup *lookup;

  if (job->next_lookup >= job->lookups->len)
    {
      find_route (self, task);
      return;
    }

  lookup = &g_array_index (job->lookups, Lookup, job->next_lookup++);
  mp2_geocoder_search_async (self->geocoder, lookup->address, g_task_get_cancellable (task),
                             on_place_found_cb, g_object_ref (task));
}

static void
add_lookup (PlanJob      *job,
            Mp2PlanStep   step,
            char         *address,
            Mp2Place    **place)
{
  Lookup lookup = { step, address, place };

  g_array_append_val (job->lookups, lookup);
}

/* The address of a place of the sheet: its address, else its name. */
static char *
location_address (const Mp2Location *location)
{
  if (location == NULL)
    return NULL;
  if (location->address != NULL && *location->address != '\0')
    return g_strdup (location->address);
  if (location->name != NULL && *location->name != '\0')
    return g_strdup (location->name);

  return NULL;
}

static PlanJob *
plan_job_new (Mp2Pipeline  *self,
              Mp2Schedule  *schedule,
              GError      **error)
{
  PlanJob *job = g_new0 (PlanJob, 1);
  g_autoptr(GDateTime) call = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(GError) event_error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *via = NULL;
  const Mp2Location *parking;
  char *address;

  job->schedule_id = mp2_schedule_get_id (schedule);
  job->time_zone = get_time_zone (self);
  job->recheck = g_hash_table_remove (self->rechecking, &job->schedule_id);
  read_old_plan (job, schedule);
  job->sheet = mp2_schedule_dup_effective_sheet (schedule);
  job->lookups = g_array_new (FALSE, TRUE, sizeof (Lookup));
  g_array_set_clear_func (job->lookups, lookup_clear);
  job->problems = g_ptr_array_new_with_free_func (problem_free);

  call = job->sheet != NULL ? mp2_day_planner_call_time (job->sheet, job->time_zone) : NULL;
  if (call == NULL)
    {
      g_set_error_literal (error, MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                           _("The day has no date or call time to plan from."));
      plan_job_free (job);
      return NULL;
    }

  /* the wrap, as the calendar event has it (a night shoot ends the next day) */
  event = mp2_pipeline_dup_event (self, schedule, &event_error);
  if (event != NULL)
    job->wrap = g_date_time_ref (event->end);

  mp2_plan_inputs_init (&job->inputs, call);
  job->inputs.arrive_early_minutes = g_settings_get_int (self->settings, "arrive-early-minutes");
  job->inputs.morning_routine_minutes = g_settings_get_int (self->settings,
                                                            "morning-routine-minutes");
  job->inputs.early_wake_up_hour = get_int_setting (self, "early-wake-up-hour",
                                                    MP2_DAY_PLANNER_EARLY_WAKE_UP_HOUR);
  job->mode = (Mp2TravelMode) g_settings_get_enum (self->settings, "travel-mode");
  job->inputs.mode = job->mode;

  home = get_string_setting (self, "home-address");
  if (home != NULL)
    add_lookup (job, MP2_PLAN_STEP_HOME, g_steal_pointer (&home), &job->inputs.home);
  else
    {
      g_autoptr(GError) missing = g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_NOT_FOUND,
                                                       _("Add your home address in "
                                                         "Preferences to plan when to "
                                                         "leave."));

      add_problem (job, MP2_PLAN_STEP_HOME, missing);
    }

  address = location_address (mp2_day_planner_find_set (job->sheet));
  if (address != NULL)
    add_lookup (job, MP2_PLAN_STEP_SET, address, &job->inputs.set);
  else
    {
      g_autoptr(GError) missing = g_error_new_literal (MP2_PLAN_ERROR, MP2_PLAN_ERROR_NOT_FOUND,
                                                       _("The call sheet gives no address "
                                                         "for the set. Correct the set’s "
                                                         "address to plan the way there."));

      add_problem (job, MP2_PLAN_STEP_SET, missing);
    }

  via = get_string_setting (self, "via-address");
  if (via != NULL)
    {
      job->inputs.via_stop_minutes = get_int_setting (self, "via-stop-minutes", 10);
      add_lookup (job, MP2_PLAN_STEP_VIA, g_steal_pointer (&via), &job->inputs.via);
    }

  parking = mp2_day_planner_find_parking (job->sheet);
  address = location_address (parking);
  if (address != NULL)
    {
      job->inputs.parking_to_set_minutes =
        get_int_setting (self, "parking-to-set-minutes", MP2_DAY_PLANNER_PARKING_TO_SET_MINUTES);
      /* a parking the geocoder cannot find: the route goes to the set */
      add_lookup (job, MP2_PLAN_STEP_SET, address, &job->inputs.parking);
    }

  return job;
}

/* The planning of one day ------------------------------------------------------------------ */

/**
 * mp2_pipeline_plan_async:
 * @self: the pipeline
 * @schedule_id: a current day
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is saved
 * @user_data: data for @callback
 *
 * Plans a day with the providers given to mp2_pipeline_set_planning(): the places,
 * the departure, the weather. What fails is a problem of the plan; the task fails
 * only when the day cannot be planned at all (no call) or the store cannot save.
 */
void
mp2_pipeline_plan_async (Mp2Pipeline         *self,
                         gint64               schedule_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Mp2Schedule *schedule;
  PlanJob *job;

  g_return_if_fail (MP2_IS_PIPELINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_pipeline_plan_async);

  schedule = mp2_pipeline_lookup (self, schedule_id);
  if (schedule == NULL || mp2_schedule_get_sheet (schedule) == NULL)
    {
      g_task_return_new_error (task, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND,
                               _("This day is no longer in the list."));
      return;
    }
  if (self->geocoder == NULL || self->routes == NULL)
    {
      g_task_return_new_error (task, MP2_PLAN_ERROR, MP2_PLAN_ERROR_FAILED,
                               _("Planning is not available."));
      return;
    }

  job = plan_job_new (self, schedule, &error);
  if (job == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, job, plan_job_free);
  look_up_next (self, task);
}

gboolean
mp2_pipeline_plan_finish (Mp2Pipeline   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Planning by itself ------------------------------------------------------------------------ */

static void
on_planned_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  gint64 id = GPOINTER_TO_SIZE (user_data);
  g_autoptr(GError) error = NULL;
  gboolean again;

  PlanJob *job = g_task_get_task_data (G_TASK (result));

  if (!mp2_pipeline_plan_finish (self, result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && !g_error_matches (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND))
    g_message ("Day %" G_GINT64_FORMAT " could not be planned: %s", id, error->message);

  /* a re-check cut short (other providers, another key) is still one when it is
   * planned again */
  if (job != NULL && job->recheck && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_hash_table_add (self->rechecking, g_memdup2 (&id, sizeof id));

  again = GPOINTER_TO_INT (g_hash_table_lookup (self->planning, &id));
  g_hash_table_remove (self->planning, &id);
  if (again && !g_cancellable_is_cancelled (self->planning_cancellable))
    mp2_pipeline_plan_day (self, id);
}

/**
 * mp2_pipeline_plan_day:
 * @self: the pipeline
 * @schedule_id: a current day
 *
 * Plans the day in the background when planning is set up; a day being planned is
 * planned again once that ends, with what changed meanwhile.
 */
void
mp2_pipeline_plan_day (Mp2Pipeline *self,
                       gint64       schedule_id)
{
  gint64 *key;

  g_return_if_fail (MP2_IS_PIPELINE (self));

  if (self->geocoder == NULL || self->routes == NULL)
    return;

  if (g_hash_table_contains (self->planning, &schedule_id))
    {
      g_hash_table_replace (self->planning, g_memdup2 (&schedule_id, sizeof schedule_id),
                            GINT_TO_POINTER (TRUE));
      return;
    }

  key = g_memdup2 (&schedule_id, sizeof schedule_id);
  g_hash_table_insert (self->planning, key, GINT_TO_POINTER (FALSE));
  mp2_pipeline_plan_async (self, schedule_id, self->planning_cancellable, on_planned_cb,
                           GSIZE_TO_POINTER (schedule_id));
}

/**
 * mp2_pipeline_recheck_day:
 * @self: the pipeline
 * @schedule_id: a current day
 *
 * Plans the day again before leaving: a departure that traffic moves earlier by
 * MP2_LEAVE_MOVED_MINUTES or more is told ("leave-moved").
 */
void
mp2_pipeline_recheck_day (Mp2Pipeline *self,
                          gint64       schedule_id)
{
  g_return_if_fail (MP2_IS_PIPELINE (self));

  if (self->geocoder == NULL || self->routes == NULL
      || mp2_pipeline_lookup (self, schedule_id) == NULL)
    return;

  g_hash_table_add (self->rechecking, g_memdup2 (&schedule_id, sizeof schedule_id));
  mp2_pipeline_plan_day (self, schedule_id);
}

/* Every current day that is still to come, as when the home address changed. */
void
mp2_pipeline_plan_all (Mp2Pipeline *self)
{
  g_autoptr(GTimeZone) zone = get_time_zone (self);
  g_autoptr(GDateTime) today = g_date_time_new_now (zone);
  GListModel *days = G_LIST_MODEL (self->days);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(Mp2Schedule) schedule = g_list_model_get_item (days, i);
      Mp2CallSheet *sheet = mp2_schedule_get_sheet (schedule);
      int year = 0, month = 0, day = 0;

      if (sheet == NULL || !mp2_call_sheet_get_date (sheet, &year, &month, &day))
        continue;
      if (year * 10000 + month * 100 + day < g_date_time_get_year (today) * 10000
          + g_date_time_get_month (today) * 100 + g_date_time_get_day_of_month (today))
        continue;

      mp2_pipeline_plan_day (self, mp2_schedule_get_id (schedule));
    }
}

static void
on_planning_setting_changed_cb (Mp2Pipeline *self)
{
  mp2_pipeline_plan_all (self);
}

/* Traffic and forecasts change: the days to come are planned again every hour (a
 * forecast beyond the horizon comes this way once it is in reach). */
static gboolean
on_replan_timeout_cb (gpointer user_data)
{
  mp2_pipeline_plan_all (MP2_PIPELINE (user_data));

  return G_SOURCE_CONTINUE;
}

/**
 * mp2_pipeline_set_planning:
 * @self: the pipeline
 * @geocoder: (nullable): looks up the addresses
 * @routes: (nullable): the way from home to set
 * @weather: (nullable): the forecast at the set
 *
 * Days are planned once read, and again when what the plan depends on changes (the
 * home address, the buffers, the providers); without a geocoder or route provider,
 * they are not planned.
 */
void
mp2_pipeline_set_planning (Mp2Pipeline        *self,
                           Mp2Geocoder        *geocoder,
                           Mp2RouteProvider   *routes,
                           Mp2WeatherProvider *weather)
{
  static const char *keys[] = {
    "home-address", "morning-routine-minutes", "arrive-early-minutes", "travel-mode",
    "manual-travel-minutes",
    "time-zone", "via-address", "via-stop-minutes", "parking-to-set-minutes",
    "early-wake-up-hour", "weather-warn-rain-probability", "weather-warn-rain-amount",
    "weather-warn-wind",
    "weather-warn-cold", "weather-warn-heat",
  };
  gboolean first = self->geocoder == NULL && self->routes == NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_if_fail (MP2_IS_PIPELINE (self));

  g_cancellable_cancel (self->planning_cancellable);
  g_clear_object (&self->planning_cancellable);
  self->planning_cancellable = g_cancellable_new ();

  g_set_object (&self->geocoder, geocoder);
  g_set_object (&self->routes, routes);
  g_set_object (&self->weather, weather);

  if (first)
    {
      self->replan_source = g_timeout_add_seconds (REPLAN_SECONDS, on_replan_timeout_cb, self);
      g_object_get (self->settings, "settings-schema", &schema, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_autofree char *signal = NULL;

          if (!g_settings_schema_has_key (schema, keys[i]))
            continue;
          signal = g_strconcat ("changed::", keys[i], NULL);
          g_signal_connect_object (self->settings, signal,
                                   G_CALLBACK (on_planning_setting_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }

  mp2_pipeline_plan_all (self);
}
