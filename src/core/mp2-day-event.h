/* mp2-day-event.h
 *
 * A shooting day as a calendar event: what every calendar sink writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-schedule.h"

G_BEGIN_DECLS

#define MP2_DAY_EVENT_ERROR (mp2_day_event_error_quark ())

/**
 * Mp2DayEventError:
 * @MP2_DAY_EVENT_ERROR_NO_SHEET: the schedule has no sheet yet (not read, or failed)
 * @MP2_DAY_EVENT_ERROR_NO_DATE: the sheet has no date; the user can add it
 * @MP2_DAY_EVENT_ERROR_NO_CALL: the sheet has no call time (neither the user's own,
 *   the crew call nor the shooting call); the user can add one
 *
 * Why a day cannot be put in a calendar.
 */
typedef enum
{
  MP2_DAY_EVENT_ERROR_NO_SHEET,
  MP2_DAY_EVENT_ERROR_NO_DATE,
  MP2_DAY_EVENT_ERROR_NO_CALL,
} Mp2DayEventError;

GQuark mp2_day_event_error_quark (void);

/* The plan (mp2_schedule_get_plan_json()) is read for three optional members of its
 * top-level object, each "HH:MM" (the latest such time at or before the event's
 * start) or an ISO 8601 date and time (without an offset: in the event's time zone):
 *
 *   {"wake_up": "05:10", "leave": "05:50", "arrive": "2025-03-28T06:35:00+01:00"}
 *
 * They go into the timeline; "wake_up" and "leave" also become alarms. Other members
 * are ignored, and so is a plan that is not such an object. */

typedef struct
{
  int   minutes_before;   /* before the event's start; negative is after it */
  char *description;      /* "Wake up", "Leave for set", "Call in 1 hour" */
} Mp2DayAlarm;

typedef struct
{
  char      *uid;          /* stable for a day: revisions and re-confirms update it */
  char      *summary;      /* "Day 12 · Cicha Woda · Studio WFDiF – hala 2" */
  char      *location;     /* the set's address; nullable */
  char      *description;  /* timeline, places, scenes, notes */
  GDateTime *start;        /* my call (or the crew call), in the sheet's time zone */
  GDateTime *end;          /* the wrap, the next day for a night shoot */
  GArray    *alarms;       /* Mp2DayAlarm */
  gint64     schedule_id;  /* the schedule it was made from; 0 when not stored */
  char      *etag;         /* what the calendar last answered for it, so that an
                              update can ask that nobody changed it since; nullable */
} Mp2DayEvent;

#define MP2_TYPE_DAY_EVENT (mp2_day_event_get_type ())

GType        mp2_day_event_get_type  (void) G_GNUC_CONST;
Mp2DayEvent *mp2_day_event_new       (Mp2Schedule   *schedule,
                                      GTimeZone     *time_zone,
                                      const int     *reminder_offsets,
                                      gsize          n_reminder_offsets,
                                      GError       **error);
Mp2DayEvent *mp2_day_event_copy      (const Mp2DayEvent *event);
void         mp2_day_event_free      (Mp2DayEvent   *event);
char        *mp2_day_event_uid_for_day (const char  *day_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2DayEvent, mp2_day_event_free)

G_END_DECLS
