/* mp2-test-sinks.h
 *
 * For the calendar sinks' tests: events built by hand (the tests do not depend on
 * how a schedule becomes an event), the sink's calls awaited, and what a written
 * event holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-calendar-sink.h"
#include "mp2-day-event.h"
#include "mp2-ical-compat.h"

G_BEGIN_DECLS

#define MP2_TEST_WARSAW "Europe/Warsaw"

Mp2DayEvent *mp2_test_event_new            (const char         *uid,
                                            const char         *start,
                                            const char         *end);
void         mp2_test_event_add_alarm      (Mp2DayEvent        *event,
                                            int                 minutes_before,
                                            const char         *description);

char        *mp2_test_sink_upsert          (Mp2CalendarSink    *sink,
                                            const char         *calendar_id,
                                            const Mp2DayEvent  *event,
                                            GCancellable       *cancellable,
                                            guint               seconds,
                                            GError            **error);
gboolean     mp2_test_sink_delete          (Mp2CalendarSink    *sink,
                                            const char         *calendar_id,
                                            const char         *uid,
                                            guint               seconds,
                                            GError            **error);
GPtrArray   *mp2_test_sink_list_calendars  (Mp2CalendarSink    *sink,
                                            guint               seconds);

char        *mp2_test_ical_dup_text        (ICalComponent      *component,
                                            ICalPropertyKind    kind);

G_END_DECLS
