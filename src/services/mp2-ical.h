/* mp2-ical.h
 *
 * A shooting day as iCalendar: the VEVENT that every iCalendar-speaking sink writes
 * (evolution-data-server, .ics files), and the VCALENDAR around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-day-event.h"
#include "mp2-ical-compat.h"

G_BEGIN_DECLS

/* Marks the events this app wrote; its value is the application id. */
#define MP2_ICAL_X_PROPERTY "X-MP2-FILM-SCHEDULE"

ICalComponent *mp2_ical_event_new                    (const Mp2DayEvent  *event,
                                                      GPtrArray         **out_timezones);
gboolean       mp2_ical_component_is_ours            (ICalComponent      *component);
ICalTimezone  *mp2_ical_timezone_for_date_time       (GDateTime          *date_time);

ICalComponent *mp2_ical_calendar_new                 (void);
ICalComponent *mp2_ical_calendar_parse               (const char         *text);
void           mp2_ical_calendar_add_event           (ICalComponent      *calendar,
                                                      ICalComponent      *event,
                                                      GPtrArray          *timezones);
guint          mp2_ical_calendar_remove_events       (ICalComponent      *calendar,
                                                      const char         *uid);
void           mp2_ical_calendar_remove_unused_zones (ICalComponent      *calendar);

G_END_DECLS
