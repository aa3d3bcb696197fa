/* mp2-fake-calendar-sink.h
 *
 * A calendar for tests: it keeps the uids of the events written to it in memory,
 * or, made refusing, it is a shared calendar that refuses every event as read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-calendar-sink.h"

G_BEGIN_DECLS

/* What a refusing sink's upsert fails with (MP2_SYNC_ERROR_READ_ONLY). */
#define MP2_FAKE_CALENDAR_SINK_READ_ONLY_MESSAGE "The calendar “Shared” is read-only."

#define MP2_TYPE_FAKE_CALENDAR_SINK (mp2_fake_calendar_sink_get_type ())

G_DECLARE_FINAL_TYPE (Mp2FakeCalendarSink, mp2_fake_calendar_sink, MP2, FAKE_CALENDAR_SINK,
                      GObject)

Mp2FakeCalendarSink *mp2_fake_calendar_sink_new          (void);
Mp2FakeCalendarSink *mp2_fake_calendar_sink_new_refusing (void);
guint                mp2_fake_calendar_sink_get_n_events (Mp2FakeCalendarSink *self);

G_END_DECLS
