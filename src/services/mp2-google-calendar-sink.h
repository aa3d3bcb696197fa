/* mp2-google-calendar-sink.h
 *
 * The signed-in account's Google calendars as a calendar sink (id "google"): the
 * writable calendars of calendarList for the picker; a day's event written under an
 * event id derived from its uid, so that a retry cannot make a second one; updates
 * with If-Match on the etag last seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-calendar-sink.h"
#include "mp2-google-account.h"

G_BEGIN_DECLS

#define MP2_TYPE_GOOGLE_CALENDAR_SINK (mp2_google_calendar_sink_get_type ())

G_DECLARE_FINAL_TYPE (Mp2GoogleCalendarSink, mp2_google_calendar_sink, MP2,
                      GOOGLE_CALENDAR_SINK, GObject)

Mp2GoogleCalendarSink *mp2_google_calendar_sink_new (Mp2GoogleAccount *account,
                                                     const char       *base_url);

/* The Google event id of an event uid: its bytes in lowercase base32hex, without
 * padding (Google allows the letters a-v and the digits 0-9, 5 to 1024 of them). */
char                  *mp2_google_calendar_event_id (const char       *event_uid);

G_END_DECLS
