/* mp2-test-sinks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-sinks.h"

#include "mp2-test-wait.h"

/* @iso8601 ("2024-07-15T06:30:00") as a local time of Europe/Warsaw. */
static GDateTime *
warsaw_time (const char *iso8601)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (MP2_TEST_WARSAW);
  GDateTime *date_time;

  g_assert_nonnull (zone);
  date_time = g_date_time_new_from_iso8601 (iso8601, zone);
  g_assert_nonnull (date_time);

  return date_time;
}

static void
clear_alarm (gpointer data)
{
  Mp2DayAlarm *alarm = data;

  g_free (alarm->description);
}

/**
 * mp2_test_event_add_alarm:
 * @event: an event of mp2_test_event_new()
 * @minutes_before: when, before the start
 * @description: what it says
 */
void
mp2_test_event_add_alarm (Mp2DayEvent *event,
                          int          minutes_before,
                          const char  *description)
{
  Mp2DayAlarm alarm = { minutes_before, g_strdup (description) };

  g_array_append_val (event->alarms, alarm);
}

/**
 * mp2_test_event_new:
 * @uid: the event's uid
 * @start: its start, a local time of Europe/Warsaw: "2024-07-15T06:30:00"
 * @end: its end, likewise
 *
 * A shooting day in Warsaw with two alarms, 90 and 60 minutes before its start.
 *
 * Returns: (transfer full): the event; free it with mp2_day_event_free()
 */
Mp2DayEvent *
mp2_test_event_new (const char *uid,
                    const char *start,
                    const char *end)
{
  Mp2DayEvent *event = g_new0 (Mp2DayEvent, 1);

  event->uid = g_strdup (uid);
  event->summary = g_strdup ("Day 12 · Cicha Woda · Studio WFDiF – hala 2");
  event->location = g_strdup ("ul. Chełmska 21, 00-724 Warszawa");
  event->description = g_strdup ("06:30 crew call\n07:30 shooting call\n18:00 wrap");
  event->start = warsaw_time (start);
  event->end = warsaw_time (end);
  event->alarms = g_array_new (FALSE, TRUE, sizeof (Mp2DayAlarm));
  g_array_set_clear_func (event->alarms, clear_alarm);
  mp2_test_event_add_alarm (event, 90, "Wake up");
  mp2_test_event_add_alarm (event, 60, "Leave for set");

  return event;
}

/**
 * mp2_test_sink_upsert:
 * @sink: a sink
 * @calendar_id: the calendar
 * @event: the event to write
 * @cancellable: (nullable): a #GCancellable
 * @seconds: how long the sink may take
 * @error: the sink's error
 *
 * mp2_calendar_sink_upsert_async(), awaited.
 *
 * Returns: (transfer full): the etag, or %NULL with @error set
 */
char *
mp2_test_sink_upsert (Mp2CalendarSink    *sink,
                      const char         *calendar_id,
                      const Mp2DayEvent  *event,
                      GCancellable       *cancellable,
                      guint               seconds,
                      GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_calendar_sink_upsert_async (sink, calendar_id, event, cancellable, mp2_test_on_result_cb,
                                  &result);
  mp2_test_wait_for_result (&result, seconds, "an upsert");

  return mp2_calendar_sink_upsert_finish (sink, result, error);
}

/**
 * mp2_test_sink_delete:
 * @sink: a sink
 * @calendar_id: the calendar
 * @uid: the event's uid
 * @seconds: how long the sink may take
 * @error: the sink's error
 *
 * mp2_calendar_sink_delete_async(), awaited.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
mp2_test_sink_delete (Mp2CalendarSink  *sink,
                      const char       *calendar_id,
                      const char       *uid,
                      guint             seconds,
                      GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp2_calendar_sink_delete_async (sink, calendar_id, uid, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, seconds, "a delete");

  return mp2_calendar_sink_delete_finish (sink, result, error);
}

/**
 * mp2_test_sink_list_calendars:
 * @sink: a sink
 * @seconds: how long the sink may take
 *
 * mp2_calendar_sink_list_calendars_async(), awaited; the test fails on an error.
 *
 * Returns: (transfer container) (element-type Mp2CalendarInfo): the calendars
 */
GPtrArray *
mp2_test_sink_list_calendars (Mp2CalendarSink *sink,
                              guint            seconds)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *calendars;

  mp2_calendar_sink_list_calendars_async (sink, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, seconds, "the list of calendars");
  calendars = mp2_calendar_sink_list_calendars_finish (sink, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (calendars);

  return calendars;
}

/**
 * mp2_test_ical_dup_text:
 * @component: an iCalendar component
 * @kind: a property of TEXT value that @component has
 *
 * Returns: (transfer full): the property's value, unescaped
 */
char *
mp2_test_ical_dup_text (ICalComponent    *component,
                        ICalPropertyKind  kind)
{
  g_autoptr(ICalProperty) property = i_cal_component_get_first_property (component, kind);
  g_autoptr(ICalValue) value = NULL;

  g_assert_nonnull (property);
  value = i_cal_property_get_value (property);
  return g_strdup (i_cal_value_get_text (value));
}
