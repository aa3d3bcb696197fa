/* test-ics-export.c
 *
 * The .ics files written, read back with libical: the event's fields, its local
 * times in Europe/Warsaw (on the days the clocks change too) resolved through the
 * file's own VTIMEZONE, its alarms; upserting and deleting in a file that holds
 * other events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mp2-ical.h"
#include "mp2-ics-export.h"
#include "mp2-test-sinks.h"
#include "mp2-test-wait.h"

/* Under meson's 30 s for the test: a wait that fails says what it awaited. */
#define WAIT_SECONDS 20

/* The array's clear function frees the alarm's description. */
static void
remove_last_alarm (Mp2DayEvent *event)
{
  g_array_set_size (event->alarms, event->alarms->len - 1);
}

static void
export_event (const Mp2DayEvent *event,
              GFile             *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_ics_export_write_async (event, file, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "an export");
  g_assert_true (mp2_ics_export_write_finish (result, &error));
  g_assert_no_error (error);
}

/* Reading back */

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  return text;
}

static ICalComponent *
read_calendar (const char *path)
{
  g_autofree char *text = read_text (path);
  ICalComponent *calendar = i_cal_parser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (i_cal_component_isa (calendar), ==, I_CAL_VCALENDAR_COMPONENT);

  return calendar;
}

static ICalComponent *
find_event (ICalComponent *calendar,
            const char    *uid)
{
  ICalComponent *child;

  for (child = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT);
       child != NULL;
       child = i_cal_component_get_next_component (calendar, I_CAL_VEVENT_COMPONENT))
    {
      if (g_strcmp0 (i_cal_component_get_uid (child), uid) == 0)
        return child;
      g_object_unref (child);
    }

  return NULL;
}

/* The value as written in the file: "20240715T043000Z" */
static char *
dup_property_value (ICalComponent    *component,
                    ICalPropertyKind  kind)
{
  g_autoptr(ICalProperty) property = i_cal_component_get_first_property (component, kind);

  g_assert_nonnull (property);
  return i_cal_property_get_value_as_string (property);
}

/* Checks that the DTSTART or DTEND of @event is @expected as a local time of
 * @zone_id, and that the file's own VTIMEZONE makes it the same moment. */
static void
assert_local_time (ICalComponent    *calendar,
                   ICalComponent    *event,
                   ICalPropertyKind  kind,
                   const char       *zone_id,
                   GDateTime        *expected)
{
  g_autoptr(ICalProperty) property = i_cal_component_get_first_property (event, kind);
  g_autoptr(ICalParameter) tzid = NULL;
  g_autoptr(ICalTimezone) zone = NULL;
  g_autoptr(ICalTime) time = NULL;
  g_autofree char *value = NULL;
  g_autofree char *expected_value = g_date_time_format (expected, "%Y%m%dT%H%M%S");

  g_assert_nonnull (property);
  tzid = i_cal_property_get_first_parameter (property, I_CAL_TZID_PARAMETER);
  g_assert_nonnull (tzid);
  g_assert_cmpstr (i_cal_parameter_get_tzid (tzid), ==, zone_id);
  value = i_cal_property_get_value_as_string (property);
  g_assert_cmpstr (value, ==, expected_value);

  /* Only the calendar's own VTIMEZONEs, not libical's built-in zones. */
  zone = i_cal_component_get_timezone (calendar, zone_id);
  g_assert_nonnull (zone);
  time = i_cal_time_new_from_string (value);
  g_assert_cmpint (i_cal_time_as_timet_with_zone (time, zone), ==, g_date_time_to_unix (expected));
}

static void
assert_alarm (ICalComponent *valarm,
              int            minutes_before,
              const char    *description)
{
  g_autoptr(ICalProperty) action = i_cal_component_get_first_property (valarm,
                                                                       I_CAL_ACTION_PROPERTY);
  g_autoptr(ICalProperty) trigger = i_cal_component_get_first_property (valarm,
                                                                        I_CAL_TRIGGER_PROPERTY);
  g_autoptr(ICalTrigger) value = NULL;
  g_autoptr(ICalDuration) duration = NULL;
  g_autofree char *related = NULL;
  g_autofree char *text = mp2_test_ical_dup_text (valarm, I_CAL_DESCRIPTION_PROPERTY);

  g_assert_nonnull (action);
  g_assert_cmpint (i_cal_property_get_action (action), ==, I_CAL_ACTION_DISPLAY);
  g_assert_nonnull (trigger);
  related = i_cal_property_get_parameter_as_string (trigger, "RELATED");
  g_assert_true (related == NULL || g_str_equal (related, "START"));
  value = i_cal_property_get_trigger (trigger);
  duration = i_cal_trigger_get_duration (value);
  g_assert_cmpint (i_cal_duration_as_int (duration), ==, -minutes_before * 60);
  g_assert_cmpstr (text, ==, description);
}

static guint
count_children (ICalComponent     *component,
                ICalComponentKind  kind)
{
  return (guint) i_cal_component_count_components (component, kind);
}

/* A folder of its own for each test */

typedef struct
{
  char *folder;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("mp2-ics-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "shooting days.ics", NULL);
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_no_errno (g_remove (path));
    }
  g_assert_no_errno (g_rmdir (folder));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

/* Tests */

static void
test_export_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = mp2_test_event_new ("day-12@mp2", "2024-07-15T06:30:00",
                                                     "2024-07-15T18:00:00");
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(ICalComponent) calendar = NULL;
  g_autoptr(ICalComponent) vevent = NULL;
  g_autoptr(ICalComponent) valarm = NULL;
  g_autoptr(ICalProperty) stamp = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *location = NULL;
  g_autofree char *description = NULL;
  g_autofree char *prodid = NULL;
  g_autofree char *version = NULL;

  export_event (event, file);
  text = read_text (fixture->path);
  g_test_message ("%s", text);
  /* Other calendars do not know libical's own names for zones. */
  g_assert_null (strstr (text, "freeassociation"));

  calendar = read_calendar (fixture->path);
  prodid = mp2_test_ical_dup_text (calendar, I_CAL_PRODID_PROPERTY);
  g_assert_true (g_str_has_prefix (prodid, "-//MP2//Film Schedule"));
  version = mp2_test_ical_dup_text (calendar, I_CAL_VERSION_PROPERTY);
  g_assert_cmpstr (version, ==, "2.0");
  g_assert_cmpuint (count_children (calendar, I_CAL_VEVENT_COMPONENT), ==, 1);
  g_assert_cmpuint (count_children (calendar, I_CAL_VTIMEZONE_COMPONENT), ==, 1);

  vevent = find_event (calendar, "day-12@mp2");
  g_assert_nonnull (vevent);
  summary = mp2_test_ical_dup_text (vevent, I_CAL_SUMMARY_PROPERTY);
  g_assert_cmpstr (summary, ==, event->summary);
  location = mp2_test_ical_dup_text (vevent, I_CAL_LOCATION_PROPERTY);
  g_assert_cmpstr (location, ==, event->location);
  description = mp2_test_ical_dup_text (vevent, I_CAL_DESCRIPTION_PROPERTY);
  g_assert_cmpstr (description, ==, event->description);
  g_assert_true (mp2_ical_component_is_ours (vevent));
  stamp = i_cal_component_get_first_property (vevent, I_CAL_DTSTAMP_PROPERTY);
  g_assert_nonnull (stamp);

  assert_local_time (calendar, vevent, I_CAL_DTSTART_PROPERTY, MP2_TEST_WARSAW, event->start);
  assert_local_time (calendar, vevent, I_CAL_DTEND_PROPERTY, MP2_TEST_WARSAW, event->end);

  g_assert_cmpuint (count_children (vevent, I_CAL_VALARM_COMPONENT), ==, 2);
  valarm = i_cal_component_get_first_component (vevent, I_CAL_VALARM_COMPONENT);
  assert_alarm (valarm, 90, "Wake up");
  g_clear_object (&valarm);
  valarm = i_cal_component_get_next_component (vevent, I_CAL_VALARM_COMPONENT);
  assert_alarm (valarm, 60, "Leave for set");
}

/* Night shoots over the nights the clocks change: the local times stay as on the
 * sheet, and the file's VTIMEZONE gives each its own offset. */
static void
test_export_dst_days (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct
  {
    const char *start;
    const char *end;
    gint64      hours;
  } nights[] = {
    /* 02:00 CET becomes 03:00 CEST: 3½ hours on the clock, 2½ lived */
    { "2024-03-31T01:30:00", "2024-03-31T05:00:00", 2 },
    /* 03:00 CEST becomes 02:00 CET: 8 hours on the clock, 9 lived */
    { "2024-10-26T22:00:00", "2024-10-27T06:00:00", 9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nights); i++)
    {
      g_autoptr(Mp2DayEvent) event = mp2_test_event_new ("night@mp2", nights[i].start,
                                                         nights[i].end);
      g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
      g_autoptr(ICalComponent) calendar = NULL;
      g_autoptr(ICalComponent) vevent = NULL;

      g_assert_cmpint (g_date_time_difference (event->end, event->start) / G_TIME_SPAN_HOUR, ==,
                       nights[i].hours);
      export_event (event, file);
      calendar = read_calendar (fixture->path);
      vevent = find_event (calendar, "night@mp2");
      g_assert_nonnull (vevent);
      assert_local_time (calendar, vevent, I_CAL_DTSTART_PROPERTY, MP2_TEST_WARSAW, event->start);
      assert_local_time (calendar, vevent, I_CAL_DTEND_PROPERTY, MP2_TEST_WARSAW, event->end);
    }
}

/* A time zone without a tz name (a fixed offset) is written in UTC. */
static void
test_export_fixed_offset (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = mp2_test_event_new ("fixed@mp2", "2024-07-15T06:30:00",
                                                     "2024-07-15T18:00:00");
  g_autoptr(GTimeZone) offset = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(ICalComponent) calendar = NULL;
  g_autoptr(ICalComponent) vevent = NULL;
  g_autofree char *start = NULL;

  g_date_time_unref (event->start);
  event->start = g_date_time_new (offset, 2024, 7, 15, 6, 30, 0);
  export_event (event, file);

  calendar = read_calendar (fixture->path);
  vevent = find_event (calendar, "fixed@mp2");
  start = dup_property_value (vevent, I_CAL_DTSTART_PROPERTY);
  g_assert_cmpstr (start, ==, "20240715T043000Z");
  /* the end is still in Warsaw's zone */
  g_assert_cmpuint (count_children (calendar, I_CAL_VTIMEZONE_COMPONENT), ==, 1);
  assert_local_time (calendar, vevent, I_CAL_DTEND_PROPERTY, MP2_TEST_WARSAW, event->end);
}

static void
test_sink_upsert_and_delete (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(Mp2IcsExport) sink = mp2_ics_export_new ();
  g_autoptr(Mp2DayEvent) day = mp2_test_event_new ("day-12@mp2", "2024-07-15T06:30:00",
                                                   "2024-07-15T18:00:00");
  g_autoptr(Mp2DayEvent) moved = mp2_test_event_new ("day-12@mp2", "2024-07-15T09:00:00",
                                                     "2024-07-15T21:00:00");
  g_autoptr(Mp2DayEvent) other = mp2_test_event_new ("day-13@mp2", "2024-07-16T06:30:00",
                                                     "2024-07-16T18:00:00");
  g_autoptr(ICalComponent) calendar = NULL;
  g_autoptr(ICalComponent) vevent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uri = g_filename_to_uri (fixture->path, NULL, NULL);

  g_assert_cmpstr (mp2_calendar_sink_get_id (MP2_CALENDAR_SINK (sink)), ==, "ics");

  etag = mp2_test_sink_upsert (MP2_CALENDAR_SINK (sink), fixture->path, day, NULL, WAIT_SECONDS,
                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  g_clear_pointer (&etag, g_free);

  /* again with the same uid, by URI this time: one event, updated */
  remove_last_alarm (moved);
  etag = mp2_test_sink_upsert (MP2_CALENDAR_SINK (sink), uri, moved, NULL, WAIT_SECONDS, &error);
  g_assert_no_error (error);
  calendar = read_calendar (fixture->path);
  g_assert_cmpuint (count_children (calendar, I_CAL_VEVENT_COMPONENT), ==, 1);
  vevent = find_event (calendar, "day-12@mp2");
  assert_local_time (calendar, vevent, I_CAL_DTSTART_PROPERTY, MP2_TEST_WARSAW, moved->start);
  assert_local_time (calendar, vevent, I_CAL_DTEND_PROPERTY, MP2_TEST_WARSAW, moved->end);
  g_assert_cmpuint (count_children (vevent, I_CAL_VALARM_COMPONENT), ==, 1);
  g_clear_object (&vevent);
  g_clear_object (&calendar);

  g_free (mp2_test_sink_upsert (MP2_CALENDAR_SINK (sink), fixture->path, other, NULL, WAIT_SECONDS,
                                &error));
  g_assert_no_error (error);
  calendar = read_calendar (fixture->path);
  g_assert_cmpuint (count_children (calendar, I_CAL_VEVENT_COMPONENT), ==, 2);
  g_assert_cmpuint (count_children (calendar, I_CAL_VTIMEZONE_COMPONENT), ==, 1);
  g_clear_object (&calendar);

  g_assert_true (mp2_test_sink_delete (MP2_CALENDAR_SINK (sink), fixture->path, "day-12@mp2",
                                       WAIT_SECONDS, &error));
  g_assert_no_error (error);
  calendar = read_calendar (fixture->path);
  g_assert_cmpuint (count_children (calendar, I_CAL_VEVENT_COMPONENT), ==, 1);
  vevent = find_event (calendar, "day-13@mp2");
  g_assert_nonnull (vevent);
  g_clear_object (&vevent);
  g_clear_object (&calendar);

  /* deleting what is not there succeeds and leaves the file as it is */
  before = read_text (fixture->path);
  g_assert_true (mp2_test_sink_delete (MP2_CALENDAR_SINK (sink), fixture->path, "day-12@mp2",
                                       WAIT_SECONDS, &error));
  g_assert_no_error (error);
  after = read_text (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* the last event gone, its zone goes too */
  g_assert_true (mp2_test_sink_delete (MP2_CALENDAR_SINK (sink), fixture->path, "day-13@mp2",
                                       WAIT_SECONDS, &error));
  g_assert_no_error (error);
  calendar = read_calendar (fixture->path);
  g_assert_cmpuint (count_children (calendar, I_CAL_VEVENT_COMPONENT), ==, 0);
  g_assert_cmpuint (count_children (calendar, I_CAL_VTIMEZONE_COMPONENT), ==, 0);
}

static const char foreign_calendar[] =
  "BEGIN:VCALENDAR\r\n"
  "PRODID:-//Example//Other App//EN\r\n"
  "VERSION:2.0\r\n"
  "BEGIN:VTIMEZONE\r\n"
  "TZID:America/New_York\r\n"
  "BEGIN:STANDARD\r\n"
  "DTSTART:20071104T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
  "TZOFFSETFROM:-0400\r\n"
  "TZOFFSETTO:-0500\r\n"
  "END:STANDARD\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "DTSTART:20070311T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
  "TZOFFSETFROM:-0500\r\n"
  "TZOFFSETTO:-0400\r\n"
  "END:DAYLIGHT\r\n"
  "END:VTIMEZONE\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:dentist@example.com\r\n"
  "DTSTAMP:20240101T000000Z\r\n"
  "DTSTART;TZID=America/New_York:20240716T090000\r\n"
  "DTEND;TZID=America/New_York:20240716T100000\r\n"
  "SUMMARY:Dentist\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_sink_keeps_other_events (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(Mp2IcsExport) sink = mp2_ics_export_new ();
  g_autoptr(Mp2DayEvent) day = mp2_test_event_new ("day-12@mp2", "2024-07-15T06:30:00",
                                                   "2024-07-15T18:00:00");
  g_autoptr(ICalComponent) calendar = NULL;
  g_autoptr(ICalComponent) dentist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prodid = NULL;

  g_assert_true (g_file_set_contents (fixture->path, foreign_calendar, -1, &error));
  g_assert_no_error (error);

  g_free (mp2_test_sink_upsert (MP2_CALENDAR_SINK (sink), fixture->path, day, NULL, WAIT_SECONDS,
                                &error));
  g_assert_no_error (error);
  calendar = read_calendar (fixture->path);
  g_assert_cmpuint (count_children (calendar, I_CAL_VEVENT_COMPONENT), ==, 2);
  g_assert_cmpuint (count_children (calendar, I_CAL_VTIMEZONE_COMPONENT), ==, 2);
  prodid = mp2_test_ical_dup_text (calendar, I_CAL_PRODID_PROPERTY);
  g_assert_cmpstr (prodid, ==, "-//Example//Other App//EN");
  g_clear_object (&calendar);

  g_assert_true (mp2_test_sink_delete (MP2_CALENDAR_SINK (sink), fixture->path, "day-12@mp2",
                                       WAIT_SECONDS, &error));
  g_assert_no_error (error);
  calendar = read_calendar (fixture->path);
  g_assert_cmpuint (count_children (calendar, I_CAL_VEVENT_COMPONENT), ==, 1);
  g_assert_cmpuint (count_children (calendar, I_CAL_VTIMEZONE_COMPONENT), ==, 1);
  dentist = find_event (calendar, "dentist@example.com");
  g_assert_nonnull (dentist);
  g_assert_false (mp2_ical_component_is_ours (dentist));
}

/* Several days written into one file at once: none is lost. */
static void
test_sink_concurrent_upserts (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(Mp2IcsExport) sink = mp2_ics_export_new ();
  GAsyncResult *results[6] = { NULL, };
  g_autoptr(ICalComponent) calendar = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *uid = g_strdup_printf ("day-%u@mp2", i + 1);
      g_autofree char *start = g_strdup_printf ("2024-07-%02uT06:30:00", i + 1);
      g_autofree char *end = g_strdup_printf ("2024-07-%02uT18:00:00", i + 1);
      g_autoptr(Mp2DayEvent) event = mp2_test_event_new (uid, start, end);

      /* the event is not needed after the call */
      mp2_calendar_sink_upsert_async (MP2_CALENDAR_SINK (sink), fixture->path, event, NULL,
                                      mp2_test_on_result_cb, &results[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *etag = NULL;

      mp2_test_wait_for_result (&results[i], WAIT_SECONDS, "one of the upserts");
      etag = mp2_calendar_sink_upsert_finish (MP2_CALENDAR_SINK (sink), results[i], &error);
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  calendar = read_calendar (fixture->path);
  g_assert_cmpuint (count_children (calendar, I_CAL_VEVENT_COMPONENT), ==, 6);
}

static void
test_sink_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Mp2IcsExport) sink = mp2_ics_export_new ();
  g_autoptr(Mp2DayEvent) day = mp2_test_event_new ("day-12@mp2", "2024-07-15T06:30:00",
                                                   "2024-07-15T18:00:00");
  g_autofree char *missing = g_build_filename (fixture->folder, "gone", "days.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;

  /* not an iCalendar file: an error, and the file is left alone */
  g_assert_true (g_file_set_contents (fixture->path, "Shopping list\nmilk\n", -1, &error));
  g_assert_no_error (error);
  etag = mp2_test_sink_upsert (MP2_CALENDAR_SINK (sink), fixture->path, day, NULL, WAIT_SECONDS,
                               &error);
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED);
  g_assert_null (etag);
  g_test_message ("%s", error->message);
  text = read_text (fixture->path);
  g_assert_cmpstr (text, ==, "Shopping list\nmilk\n");
  g_clear_error (&error);

  /* a folder that is not there */
  etag = mp2_test_sink_upsert (MP2_CALENDAR_SINK (sink), missing, day, NULL, WAIT_SECONDS, &error);
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR);
  g_assert_null (etag);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* deleting from a file that is not there is not an error, nor creates it */
  g_assert_true (mp2_test_sink_delete (MP2_CALENDAR_SINK (sink), missing, "day-12@mp2",
                                       WAIT_SECONDS, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_sink_lists_nothing (void)
{
  g_autoptr(Mp2IcsExport) sink = mp2_ics_export_new ();
  g_autoptr(GPtrArray) calendars = NULL;

  /* the test fails on an error or no list */
  calendars = mp2_test_sink_list_calendars (MP2_CALENDAR_SINK (sink), WAIT_SECONDS);
  g_assert_cmpuint (calendars->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ics-export/fields", Fixture, NULL, fixture_set_up, test_export_fields,
              fixture_tear_down);
  g_test_add ("/ics-export/dst-days", Fixture, NULL, fixture_set_up, test_export_dst_days,
              fixture_tear_down);
  g_test_add ("/ics-export/fixed-offset", Fixture, NULL, fixture_set_up,
              test_export_fixed_offset, fixture_tear_down);
  g_test_add ("/ics-export/sink/upsert-and-delete", Fixture, NULL, fixture_set_up,
              test_sink_upsert_and_delete, fixture_tear_down);
  g_test_add ("/ics-export/sink/keeps-other-events", Fixture, NULL, fixture_set_up,
              test_sink_keeps_other_events, fixture_tear_down);
  g_test_add ("/ics-export/sink/concurrent-upserts", Fixture, NULL, fixture_set_up,
              test_sink_concurrent_upserts, fixture_tear_down);
  g_test_add ("/ics-export/sink/errors", Fixture, NULL, fixture_set_up, test_sink_errors,
              fixture_tear_down);
  g_test_add_func ("/ics-export/sink/lists-nothing", test_sink_lists_nothing);

  return g_test_run ();
}
