/* mp2-departure-search.c
 *
 * The latest departure that still arrives in time, found in a few questions to a
 * route provider whose durations depend on the departure (traffic).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-planner"

#include "config.h"

#include "mp2-day-planner.h"
#include "mp2-day-planner-private.h"

#include <math.h>

/* Within this, two departures are the same and a search has converged. */
#define SEARCH_TOLERANCE_SECONDS 60
/* A secant through two answers is trusted only with a slope in this range: arrival
 * moves with departure, neither stands still nor runs away. */
#define SEARCH_MIN_SLOPE 0.2
#define SEARCH_MAX_SLOPE 5.0

/* The departure search
 *
 * Departures are seconds relative to the arrival (negative); a probe's lateness is
 * departure + duration: negative or zero is in time. The search looks for the
 * latest departure in time. With one answer it takes the fixed point (leave the
 * duration before the arrival); with two, the secant through them (exact where
 * traffic grows or eases linearly). Once one departure was in time and another late,
 * the next one stays strictly between them: the secant's when it falls there, else
 * the middle. */

typedef struct
{
  gint64    departure;
  gint64    lateness;
  Mp2Route *route;
} Probe;

struct _Mp2DepartureSearch
{
  GDateTime *arrival;
  gboolean   uses_traffic;
  GArray    *probes;        /* Probe, in the order asked */
  gboolean   done;
  gboolean   converged;
  gint64     next;          /* the departure to ask for while not done */
  GDateTime *next_time;     /* the same as a time, once asked for */
  GDateTime *result;        /* once done: at the start of its minute */
  guint      result_probe;  /* whose route goes with the result */
};

static void
clear_probe (gpointer data)
{
  Probe *probe = data;

  g_clear_pointer (&probe->route, mp2_route_free);
}

/**
 * mp2_departure_search_new:
 * @arrival: when the route must end
 * @uses_traffic: whether the duration depends on the departure; without traffic the
 *   first answer is final
 *
 * Returns: (transfer full): a search; ask for mp2_departure_search_next()
 */
Mp2DepartureSearch *
mp2_departure_search_new (GDateTime *arrival,
                          gboolean   uses_traffic)
{
  Mp2DepartureSearch *self;

  g_return_val_if_fail (arrival != NULL, NULL);

  self = g_new0 (Mp2DepartureSearch, 1);
  self->arrival = g_date_time_ref (arrival);
  self->uses_traffic = uses_traffic;
  self->next = -MP2_DEPARTURE_SEARCH_FIRST_GUESS_SECONDS;
  self->probes = g_array_new (FALSE, TRUE, sizeof (Probe));
  g_array_set_clear_func (self->probes, clear_probe);

  return self;
}

/**
 * mp2_day_planner_new_search:
 * @inputs: inputs with a call
 * @uses_traffic: mp2_route_provider_get_uses_traffic() of the provider asked
 *
 * A search for the departure from home: the route must end at
 * mp2_plan_inputs_get_route_arrival(), less the stop at the via point.
 *
 * Returns: (transfer full): a search
 */
Mp2DepartureSearch *
mp2_day_planner_new_search (const Mp2PlanInputs *inputs,
                            gboolean             uses_traffic)
{
  g_autoptr(GDateTime) route_arrival = mp2_plan_inputs_get_route_arrival (inputs);
  g_autoptr(GDateTime) drive_end = NULL;

  g_return_val_if_fail (route_arrival != NULL, NULL);

  drive_end = mp2_day_planner_add_minutes (route_arrival,
                                           inputs->via != NULL ? -inputs->via_stop_minutes : 0);
  return mp2_departure_search_new (drive_end, uses_traffic);
}

/**
 * mp2_departure_search_free:
 * @self: (nullable): a search
 */
void
mp2_departure_search_free (Mp2DepartureSearch *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->arrival, g_date_time_unref);
  g_clear_pointer (&self->probes, g_array_unref);
  g_clear_pointer (&self->next_time, g_date_time_unref);
  g_clear_pointer (&self->result, g_date_time_unref);
  g_free (self);
}

/**
 * mp2_departure_search_set_first_guess:
 * @self: a search not asked yet
 * @seconds: the expected duration, such as an estimate's (mp2_route_estimate())
 *
 * The first departure asked is the arrival minus @seconds (30 minutes unless set).
 */
void
mp2_departure_search_set_first_guess (Mp2DepartureSearch *self,
                                      gint64              seconds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->probes->len == 0);
  g_return_if_fail (seconds >= 0);

  self->next = -seconds;
  g_clear_pointer (&self->next_time, g_date_time_unref);
}

static GDateTime *
new_departure (Mp2DepartureSearch *self,
               gint64              seconds)
{
  return g_date_time_add (self->arrival, seconds * G_TIME_SPAN_SECOND);
}

/**
 * mp2_departure_search_next:
 * @self: a search
 *
 * Returns: (transfer none) (nullable): the departure to ask the provider for next,
 *   valid until the answer is fed; %NULL when the search is done
 */
GDateTime *
mp2_departure_search_next (Mp2DepartureSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->done)
    return NULL;

  if (self->next_time == NULL)
    self->next_time = new_departure (self, self->next);

  return self->next_time;
}

static const Probe *
get_probe (Mp2DepartureSearch *self,
           guint               index)
{
  return &g_array_index (self->probes, Probe, index);
}

/* The latest departure in time (@in_time) or the earliest late one; -1: none. */
static int
find_bracket_end (Mp2DepartureSearch *self,
                  gboolean            in_time)
{
  int found = -1;

  for (guint i = 0; i < self->probes->len; i++)
    {
      const Probe *probe = get_probe (self, i);

      if ((probe->lateness <= 0) != in_time)
        continue;
      if (found < 0
          || (in_time && probe->departure > get_probe (self, (guint) found)->departure)
          || (!in_time && probe->departure < get_probe (self, (guint) found)->departure))
        found = (int) i;
    }

  return found;
}

static gboolean
secant (const Probe *first,
        const Probe *second,
        gint64      *departure)
{
  double slope;

  if (first->departure == second->departure)
    return FALSE;

  slope = (double) (second->lateness - first->lateness)
          / (double) (second->departure - first->departure);
  if (slope < SEARCH_MIN_SLOPE || slope > SEARCH_MAX_SLOPE)
    return FALSE;

  /* down to the second: earlier is the safe side */
  *departure = (gint64) floor ((double) second->departure
                               - (double) second->lateness / slope);
  return TRUE;
}

/* Strictly inside the bracket (a second apart from its ends), else its middle. */
static gint64
keep_in_bracket (gint64 departure,
                 gint64 in_time,
                 gint64 late)
{
  if (departure > in_time && departure < late)
    return departure;

  return in_time + (late - in_time) / 2;
}

/* Where the answers so far put the departure in time: the secant through the last
 * two (@by_secant), else the fixed point of the last, which assumes that the duration
 * does not change and so falls short when leaving earlier takes longer. */
static gint64
propose (Mp2DepartureSearch *self,
         gboolean           *by_secant)
{
  const Probe *last = get_probe (self, self->probes->len - 1);
  gint64 departure = last->departure - last->lateness;

  *by_secant = self->probes->len >= 2
               && secant (get_probe (self, self->probes->len - 2), last, &departure);
  if (!*by_secant)
    departure = last->departure - last->lateness;

  return departure;
}

static void
finish (Mp2DepartureSearch *self,
        gint64              result,
        guint               result_probe,
        gboolean            converged)
{
  g_autoptr(GDateTime) exact = new_departure (self, result);

  self->done = TRUE;
  self->converged = converged;
  self->result = mp2_day_planner_floor_to_minute (exact);
  self->result_probe = result_probe;
}

/* Not converged: the latest departure known to arrive in time; without one, the
 * earliest that any answer suggests. */
static void
finish_safe (Mp2DepartureSearch *self)
{
  int in_time = find_bracket_end (self, TRUE);
  guint earliest = 0;

  if (in_time >= 0)
    {
      finish (self, get_probe (self, (guint) in_time)->departure, (guint) in_time, FALSE);
      return;
    }

  for (guint i = 1; i < self->probes->len; i++)
    {
      if (get_probe (self, i)->route->duration > get_probe (self, earliest)->route->duration)
        earliest = i;
    }

  finish (self, -get_probe (self, earliest)->route->duration, earliest, FALSE);
}

static gboolean
is_close (gint64 first,
          gint64 second)
{
  return ABS (first - second) < SEARCH_TOLERANCE_SECONDS;
}

/* Whether two departures in time and late are within the tolerance. */
static gboolean
is_bracket_closed (Mp2DepartureSearch *self,
                   int                 in_time,
                   int                 late)
{
  return in_time >= 0 && late >= 0
         && is_close (get_probe (self, (guint) in_time)->departure,
                      get_probe (self, (guint) late)->departure);
}

/* After an answer: done (converged, or out of requests), or the next departure. */
static void
step (Mp2DepartureSearch *self)
{
  guint last_index = self->probes->len - 1;
  const Probe *last = get_probe (self, last_index);
  int in_time = find_bracket_end (self, TRUE);
  int late = find_bracket_end (self, FALSE);
  gboolean by_secant;
  gint64 proposal;

  if (!self->uses_traffic)
    {
      finish (self, -last->route->duration, last_index, TRUE);
      return;
    }

  if (last->lateness <= 0 && last->lateness > -SEARCH_TOLERANCE_SECONDS)
    {
      finish (self, last->departure, last_index, TRUE);
      return;
    }

  if (is_bracket_closed (self, in_time, late))
    {
      finish (self, get_probe (self, (guint) in_time)->departure, (guint) in_time, TRUE);
      return;
    }

  /* close to the last departure: the last one when it was in time, else the
   * proposal, trusted only from a secant */
  proposal = propose (self, &by_secant);
  if (is_close (proposal, last->departure) && (last->lateness <= 0 || by_secant))
    finish (self, MIN (proposal, last->departure), last_index, TRUE);
  else if (self->probes->len >= MP2_DEPARTURE_SEARCH_MAX_REQUESTS)
    finish_safe (self);
  else if (in_time >= 0 && late >= 0)
    self->next = keep_in_bracket (proposal, get_probe (self, (guint) in_time)->departure,
                                  get_probe (self, (guint) late)->departure);
  else
    self->next = proposal;
}

/**
 * mp2_departure_search_feed:
 * @self: a search not done
 * @departure: the departure asked for (mp2_departure_search_next())
 * @route: the provider's answer for it
 *
 * Takes the answer and decides: done, or another departure to ask for.
 */
void
mp2_departure_search_feed (Mp2DepartureSearch *self,
                           GDateTime          *departure,
                           const Mp2Route     *route)
{
  Probe probe = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->done);
  g_return_if_fail (departure != NULL);
  g_return_if_fail (route != NULL && route->duration >= 0);

  probe.departure = g_date_time_difference (departure, self->arrival) / G_TIME_SPAN_SECOND;
  probe.lateness = probe.departure + route->duration;
  probe.route = mp2_route_copy (route);
  g_array_append_val (self->probes, probe);
  g_clear_pointer (&self->next_time, g_date_time_unref);

  step (self);
}

/**
 * mp2_departure_search_is_done:
 * @self: a search
 *
 * Returns: %TRUE when there is a result and nothing more to ask
 */
gboolean
mp2_departure_search_is_done (Mp2DepartureSearch *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->done;
}

/**
 * mp2_departure_search_is_converged:
 * @self: a search
 *
 * Returns: %TRUE when the result arrives within a minute of the arrival (for a
 *   duration that changes smoothly); %FALSE when the requests ran out first and the
 *   result is only on the safe side
 */
gboolean
mp2_departure_search_is_converged (Mp2DepartureSearch *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->done && self->converged;
}

/**
 * mp2_departure_search_get_n_requests:
 * @self: a search
 *
 * Returns: how many answers were fed
 */
guint
mp2_departure_search_get_n_requests (Mp2DepartureSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->probes->len;
}

/**
 * mp2_departure_search_get_result:
 * @self: a done search
 *
 * Returns: (transfer none): the departure, at the start of its minute
 */
GDateTime *
mp2_departure_search_get_result (Mp2DepartureSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->done, NULL);

  return self->result;
}

/**
 * mp2_departure_search_get_route:
 * @self: a done search
 *
 * Returns: (transfer none): the answer the result was found from
 */
const Mp2Route *
mp2_departure_search_get_route (Mp2DepartureSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->done, NULL);

  return get_probe (self, self->result_probe)->route;
}
