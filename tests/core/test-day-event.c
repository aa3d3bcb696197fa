/* test-day-event.c
 *
 * A day as a calendar event: its times in the sheet's time zone (night shoots, the
 * DST change), a uid that survives revisions, the summary, the description and
 * the alarms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-day-event.h"
#include "mp2-test-truth.h"

#define HOUR G_TIME_SPAN_HOUR

/* Helpers */

static GTimeZone *
new_warsaw (void)
{
  GTimeZone *time_zone = g_time_zone_new_identifier ("Europe/Warsaw");

  g_assert_nonnull (time_zone);
  return time_zone;
}

static Mp2Schedule *
new_schedule_for (Mp2CallSheet *sheet)
{
  Mp2Schedule *schedule = mp2_schedule_new ();
  g_autofree char *day_key = mp2_day_key_for_sheet (sheet);

  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_day_key (schedule, day_key);

  return schedule;
}

static Mp2DayEvent *
new_event (Mp2Schedule *schedule,
           const int   *offsets,
           gsize        n_offsets)
{
  g_autoptr(GTimeZone) warsaw = new_warsaw ();
  g_autoptr(GError) error = NULL;
  Mp2DayEvent *event;

  event = mp2_day_event_new (schedule, warsaw, offsets, n_offsets, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);

  return event;
}

static Mp2DayEvent *
new_event_for_truth (const char *name)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth (name);
  g_autoptr(Mp2Schedule) schedule = new_schedule_for (sheet);

  return new_event (schedule, NULL, 0);
}

static void
assert_date_time (GDateTime  *when,
                  const char *iso)
{
  g_autofree char *text = g_date_time_format_iso8601 (when);

  g_assert_cmpstr (text, ==, iso);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

/* Where @part is in @text; it must be there. */
static gsize
find_part (const char *text,
           const char *part)
{
  const char *found = strstr (text, part);

  if (found == NULL)
    g_error ("“%s” is not in:\n%s", part, text);

  return (gsize) (found - text);
}

static Mp2CallSheet *
new_night_sheet (void)
{
  Mp2CallSheet *sheet = mp2_call_sheet_new ();

  mp2_call_sheet_set_production (sheet, "Nocna Zmiana");
  mp2_call_sheet_set_date (sheet, 2025, 3, 29);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 20 * 60);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_LUNCH, 60);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_ESTIMATED_WRAP, 6 * 60);

  return sheet;
}

static const Mp2DayAlarm *
get_alarm (const Mp2DayEvent *event,
           guint              index)
{
  g_assert_cmpuint (index, <, event->alarms->len);

  return &g_array_index (event->alarms, Mp2DayAlarm, index);
}

static void
assert_alarm (const Mp2DayEvent *event,
              guint              index,
              int                minutes_before,
              const char        *description)
{
  const Mp2DayAlarm *alarm = get_alarm (event, index);

  g_assert_cmpint (alarm->minutes_before, ==, minutes_before);
  g_assert_cmpstr (alarm->description, ==, description);
}

/* The event of T2 */

static void
test_t2_times (void)
{
  g_autoptr(Mp2DayEvent) event = new_event_for_truth ("T2_rev1");

  assert_date_time (event->start, "2025-03-28T06:15:00+01");
  assert_date_time (event->end, "2025-03-28T16:15:00+01");
  g_assert_cmpuint (event->alarms->len, ==, 0);
}

static void
test_t2_summary_and_location (void)
{
  g_autoptr(Mp2DayEvent) first = new_event_for_truth ("T2_rev1");
  g_autoptr(Mp2DayEvent) second = new_event_for_truth ("T2_rev2");

  g_assert_cmpstr (first->summary, ==, "Day 29 · Gorzkie Pomarańcze · Mieszkanie na Podgórzu");
  g_assert_cmpstr (first->location, ==,
                   "Mieszkanie na Podgórzu, ul. Limanowskiego 24 m. 7, 30-551 Kraków");
  g_assert_cmpstr (second->summary, ==,
                   "Day 29 · Gorzkie Pomarańcze · Synagoga Remuh – dziedziniec");
  g_assert_cmpstr (second->location, ==,
                   "Synagoga Remuh – dziedziniec, ul. Szeroka 40, 31-053 Kraków");
}

static void
test_t2_description (void)
{
  g_autoptr(Mp2DayEvent) event = new_event_for_truth ("T2_rev2");
  const char *text = event->description;

  /* the timeline, in time order */
  g_assert_true (g_str_has_prefix (text, "06:15  Breakfast\n"));
  g_assert_cmpuint (find_part (text, "06:15  Breakfast"), <, find_part (text, "06:45  Crew call"));
  g_assert_cmpuint (find_part (text, "06:45  Crew call"), <,
                    find_part (text, "07:45  Shooting call"));
  g_assert_cmpuint (find_part (text, "07:45  Shooting call"), <, find_part (text, "11:15  Lunch"));
  g_assert_cmpuint (find_part (text, "11:15  Lunch"), <,
                    find_part (text, "16:15  Estimated wrap\n"));
  g_assert_null (strstr (text, "Your call"));
  g_assert_null (strstr (text, "next day"));

  /* places, scenes, notes */
  g_assert_cmpuint (find_part (text, "16:15  Estimated wrap\n\nPlaces\n"), <,
                    find_part (text, "\nScenes\n"));
  assert_contains (text, "\nSet: Synagoga Remuh – dziedziniec, ul. Szeroka 40, 31-053 Kraków\n");
  assert_contains (text, "\nUnit base: Parking przy Tauron Arenie, ul. Stanisława Lema 7, "
                         "31-571 Kraków\n");
  assert_contains (text, "\nParking: Plac przy Cricoteca, ul. Nadwiślańska 2, 30-527 Kraków\n");
  assert_contains (text, "\nNearest hospital: Szpital im. G. Narutowicza, ul. Prądnicka 35-37, "
                         "31-202 Kraków\n");
  assert_contains (text, "\nScenes\n95 · PL. PODWÓRKO KAMIENICY · Evening · 1 1/8 pg.\n");
  assert_contains (text, "\n76B · WN. BAR MLECZNY · Day · 3/8 pg.\n");
  assert_contains (text, "\n102 · WN. HALA FABRYCZNA · Morning · 2 pg.\n");
  assert_contains (text, "\n94B · WN. MIESZKANIE ANNY – KUCHNIA · Night · 1 2/8 pg.\n");
  g_assert_true (g_str_has_suffix (text, "\n\nNotes\n• Prosimy o zachowanie ciszy – budynek "
                                         "mieszkalny."));
}

static void
test_uid_stable (void)
{
  g_autoptr(Mp2DayEvent) first = new_event_for_truth ("T2_rev1");
  g_autoptr(Mp2DayEvent) second = new_event_for_truth ("T2_rev2");
  g_autofree char *expected = mp2_day_event_uid_for_day ("gorzkie pomarancze|2025-03-28");
  g_autofree char *other = mp2_day_event_uid_for_day ("gorzkie pomarancze|2025-03-29");
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *hash_part = NULL;

  g_assert_cmpstr (first->uid, ==, second->uid);
  g_assert_cmpstr (first->uid, ==, expected);
  g_assert_cmpstr (other, !=, expected);

  g_checksum_update (checksum, (const guchar *) "gorzkie pomarancze|2025-03-28", -1);
  hash_part = g_strndup (g_checksum_get_string (checksum), 32);
  g_assert_true (g_str_has_prefix (expected, "mp2-"));
  g_assert_true (g_str_has_suffix (expected, "@mp2.filmschedule"));
  g_assert_cmpuint (strlen (expected), ==, strlen ("mp2-") + 32 + strlen ("@mp2.filmschedule"));
  g_assert_nonnull (strstr (expected, hash_part));
}

/* The stored day key names the event, even when the user corrects the date. */
static void
test_uid_from_schedule (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) schedule = new_schedule_for (sheet);
  g_autoptr(Mp2Schedule) keyless = mp2_schedule_new ();
  g_autoptr(JsonObject) edits = json_object_new ();
  g_autoptr(Mp2DayEvent) edited = NULL;
  g_autoptr(Mp2DayEvent) without_key = NULL;
  g_autofree char *expected = mp2_day_event_uid_for_day ("gorzkie pomarancze|2025-03-28");

  json_object_set_string_member (edits, "date", "2025-03-29");
  mp2_schedule_set_edits (schedule, edits);
  edited = new_event (schedule, NULL, 0);
  g_assert_cmpstr (edited->uid, ==, expected);
  assert_date_time (edited->start, "2025-03-29T06:15:00+01");

  mp2_schedule_set_sheet (keyless, sheet);
  without_key = new_event (keyless, NULL, 0);
  g_assert_cmpstr (without_key->uid, ==, expected);
}

/* Times */

static void
test_night_shoot (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_night_sheet ();
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;

  mp2_call_sheet_set_date (sheet, 2025, 3, 14);
  schedule = new_schedule_for (sheet);
  event = new_event (schedule, NULL, 0);

  assert_date_time (event->start, "2025-03-14T20:00:00+01");
  assert_date_time (event->end, "2025-03-15T06:00:00+01");
  g_assert_cmpuint (find_part (event->description, "20:00  Crew call\n"), <,
                    find_part (event->description, "01:00 (next day)  Lunch\n"));
  assert_contains (event->description, "06:00 (next day)  Estimated wrap");
}

/* A wrap edited as "HH:MM+1" ends the event the next day too. */
static void
test_wrap_edited_after_midnight (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) schedule = new_schedule_for (sheet);
  g_autoptr(JsonObject) edits = json_object_new ();
  g_autoptr(Mp2DayEvent) event = NULL;

  json_object_set_string_member (edits, "estimated_wrap", "00:30+1");
  mp2_schedule_set_edits (schedule, edits);
  event = new_event (schedule, NULL, 0);

  assert_date_time (event->end, "2025-03-29T00:30:00+01");
}

/* Clocks go forward in Warsaw at 02:00 on 2025-03-30. */
static void
test_dst_day (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) night = new_night_sheet ();
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(Mp2Schedule) night_schedule = new_schedule_for (night);
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(Mp2DayEvent) night_event = NULL;

  mp2_call_sheet_set_date (sheet, 2025, 3, 30);
  schedule = new_schedule_for (sheet);
  event = new_event (schedule, NULL, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (event->start), ==, 2 * HOUR);
  assert_date_time (event->start, "2025-03-30T06:15:00+02");
  g_assert_cmpint (g_date_time_to_unix (event->start), ==, 1743308100);

  /* the night before: called at 20:00 CET, wrapped at 06:00 CEST, nine hours */
  night_event = new_event (night_schedule, NULL, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (night_event->start), ==, 1 * HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (night_event->end), ==, 2 * HOUR);
  assert_date_time (night_event->end, "2025-03-30T06:00:00+02");
  g_assert_cmpint (g_date_time_difference (night_event->end, night_event->start), ==, 9 * HOUR);
}

static void
test_without_wrap (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;

  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_ESTIMATED_WRAP, MP2_CALL_SHEET_NO_TIME);
  schedule = new_schedule_for (sheet);
  event = new_event (schedule, NULL, 0);

  assert_date_time (event->end, "2025-03-28T18:15:00+01");
  g_assert_null (strstr (event->description, "Estimated wrap"));
}

static void
test_my_call (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(Mp2DayEvent) edited = NULL;
  g_autoptr(JsonObject) edits = json_object_new ();

  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_CREW, "Łucja Olszewska",
                                    "Oświetlacz", 5 * 60 + 15);
  schedule = new_schedule_for (sheet);
  event = new_event (schedule, NULL, 0);
  assert_date_time (event->start, "2025-03-28T05:15:00+01");
  g_assert_true (g_str_has_prefix (event->description, "05:15  Your call\n05:45  Breakfast\n"
                                                       "06:15  Crew call\n"));

  json_object_set_string_member (edits, "my_call", "05:00");
  mp2_schedule_set_edits (schedule, edits);
  edited = new_event (schedule, NULL, 0);
  assert_date_time (edited->start, "2025-03-28T05:00:00+01");
}

/* The general call follows the crew call, and starts the day without a crew call. */
static void
test_fallback_calls (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;

  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_GENERAL, NULL, NULL, 6 * 60 + 15);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, MP2_CALL_SHEET_NO_TIME);
  schedule = new_schedule_for (sheet);
  event = new_event (schedule, NULL, 0);

  assert_date_time (event->start, "2025-03-28T07:15:00+01");
}

/* Alarms */

static void
test_alarms_with_plan (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) schedule = new_schedule_for (sheet);
  g_autoptr(Mp2DayEvent) event = NULL;
  const int offsets[] = { 60, 15 };

  mp2_schedule_set_plan_json (schedule,
                              "{\"wake_up\": \"04:45\", \"leave\": \"05:20\","
                              " \"arrive\": \"2025-03-28T06:00:00+01:00\", \"route\": [1, 2]}");
  event = new_event (schedule, offsets, G_N_ELEMENTS (offsets));

  g_assert_cmpuint (event->alarms->len, ==, 4);
  assert_alarm (event, 0, 90, "Wake up");
  assert_alarm (event, 1, 60, "Call in 1 hour");
  assert_alarm (event, 2, 55, "Leave for set");
  assert_alarm (event, 3, 15, "Call in 15 minutes");

  g_assert_true (g_str_has_prefix (event->description,
                                   "04:45  Wake up\n05:20  Leave for set\n05:45  Breakfast\n"
                                   "06:00  Arrive on set\n06:15  Crew call\n"));
}

/* "HH:MM" in the plan is the latest such time before the call: the day before. */
static void
test_plan_day_before (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) schedule = new_schedule_for (sheet);
  g_autoptr(Mp2DayEvent) event = NULL;

  mp2_schedule_set_plan_json (schedule, "{\"wake_up\": \"23:45\", \"leave\": \"bald\"}");
  event = new_event (schedule, NULL, 0);

  g_assert_cmpuint (event->alarms->len, ==, 1);
  assert_alarm (event, 0, 6 * 60 + 30, "Wake up");
  g_assert_true (g_str_has_prefix (event->description, "23:45 (day before)  Wake up\n"));
}

static void
test_plan_ignored (void)
{
  const char *plans[] = { "not json", "[1, 2]", "{\"wake_up\": 5}", "{\"leave\": null}",
                          "{\"wake_up\": \"2025-03-28T07:00:00+01:00\"}" };
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(Mp2Schedule) schedule = new_schedule_for (sheet);
      g_autoptr(Mp2DayEvent) event = NULL;

      mp2_schedule_set_plan_json (schedule, plans[i]);
      event = new_event (schedule, NULL, 0);
      g_assert_cmpuint (event->alarms->len, ==, 0);
    }
}

static void
test_reminders (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) schedule = new_schedule_for (sheet);
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(Mp2DayEvent) copy = NULL;
  const int offsets[] = { 0, 120, 90, -10, 120, 1 };

  event = new_event (schedule, offsets, G_N_ELEMENTS (offsets));

  g_assert_cmpuint (event->alarms->len, ==, 4);
  assert_alarm (event, 0, 120, "Call in 2 hours");
  assert_alarm (event, 1, 90, "Call in 90 minutes");
  assert_alarm (event, 2, 1, "Call in 1 minute");
  assert_alarm (event, 3, 0, "Call now");

  copy = mp2_day_event_copy (event);
  g_assert_cmpstr (copy->uid, ==, event->uid);
  g_assert_cmpstr (copy->description, ==, event->description);
  g_assert_true (g_date_time_equal (copy->end, event->end));
  g_assert_cmpuint (copy->alarms->len, ==, 4);
  assert_alarm (copy, 1, 90, "Call in 90 minutes");
  g_assert_true (get_alarm (copy, 1)->description != get_alarm (event, 1)->description);
}

/* Summary without parts */

static void
test_summary_parts (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_call_sheet_new ();
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(Mp2DayEvent) bare = NULL;
  g_autoptr(Mp2DayEvent) with_set = NULL;

  mp2_call_sheet_set_date (sheet, 2025, 6, 2);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 8 * 60);
  schedule = new_schedule_for (sheet);
  bare = new_event (schedule, NULL, 0);
  g_assert_cmpstr (bare->summary, ==, "Shooting day");
  g_assert_null (bare->location);
  g_assert_cmpstr (bare->description, ==, "08:00  Crew call");

  g_ptr_array_add (mp2_call_sheet_get_locations (sheet),
                   mp2_location_new (MP2_LOCATION_HOSPITAL, "Szpital", "ul. Banacha 1a"));
  g_ptr_array_add (mp2_call_sheet_get_locations (sheet),
                   mp2_location_new (MP2_LOCATION_BASE, NULL, "ul. Chełmska 19"));
  g_ptr_array_add (mp2_call_sheet_get_locations (sheet),
                   mp2_location_new (MP2_LOCATION_SET, NULL, "ul. Chełmska 21"));
  mp2_call_sheet_set_shooting_day (sheet, 3);
  with_set = new_event (schedule, NULL, 0);
  g_assert_cmpstr (with_set->summary, ==, "Day 3 · ul. Chełmska 21");
  g_assert_cmpstr (with_set->location, ==, "ul. Chełmska 21");
}

static void
test_location_without_set (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_call_sheet_new ();
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(Mp2DayEvent) event = NULL;

  mp2_call_sheet_set_production (sheet, "Cicha Woda");
  mp2_call_sheet_set_date (sheet, 2025, 6, 2);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL, 9 * 60);
  g_ptr_array_add (mp2_call_sheet_get_locations (sheet),
                   mp2_location_new (MP2_LOCATION_BASE, "Baza", "ul. Chełmska 19"));
  schedule = new_schedule_for (sheet);
  event = new_event (schedule, NULL, 0);

  g_assert_cmpstr (event->summary, ==, "Cicha Woda");
  g_assert_cmpstr (event->location, ==, "Baza, ul. Chełmska 19");
  assert_date_time (event->start, "2025-06-02T09:00:00+02");
}

/* Errors */

static void
assert_event_error (Mp2Schedule *schedule,
                    int          code)
{
  g_autoptr(GTimeZone) warsaw = new_warsaw ();
  g_autoptr(Mp2DayEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  event = mp2_day_event_new (schedule, warsaw, NULL, 0, &error);
  g_assert_error (error, MP2_DAY_EVENT_ERROR, code);
  g_assert_null (event);
  g_assert_nonnull (error->message);
}

static void
test_errors (void)
{
  g_autoptr(Mp2Schedule) unread = mp2_schedule_new ();
  g_autoptr(Mp2CallSheet) undated = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) untimed = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2Schedule) undated_schedule = NULL;
  g_autoptr(Mp2Schedule) untimed_schedule = NULL;
  g_autoptr(JsonObject) edits = json_object_new ();

  assert_event_error (unread, MP2_DAY_EVENT_ERROR_NO_SHEET);

  mp2_call_sheet_clear_date (undated);
  undated_schedule = mp2_schedule_new ();
  mp2_schedule_set_sheet (undated_schedule, undated);
  assert_event_error (undated_schedule, MP2_DAY_EVENT_ERROR_NO_DATE);

  untimed_schedule = new_schedule_for (untimed);
  json_object_set_null_member (edits, "crew_call");
  json_object_set_null_member (edits, "shooting_call");
  mp2_schedule_set_edits (untimed_schedule, edits);
  assert_event_error (untimed_schedule, MP2_DAY_EVENT_ERROR_NO_CALL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/day-event/t2/times", test_t2_times);
  g_test_add_func ("/day-event/t2/summary-and-location", test_t2_summary_and_location);
  g_test_add_func ("/day-event/t2/description", test_t2_description);
  g_test_add_func ("/day-event/uid/stable", test_uid_stable);
  g_test_add_func ("/day-event/uid/from-schedule", test_uid_from_schedule);
  g_test_add_func ("/day-event/times/night-shoot", test_night_shoot);
  g_test_add_func ("/day-event/times/wrap-edited-after-midnight", test_wrap_edited_after_midnight);
  g_test_add_func ("/day-event/times/dst-day", test_dst_day);
  g_test_add_func ("/day-event/times/without-wrap", test_without_wrap);
  g_test_add_func ("/day-event/times/my-call", test_my_call);
  g_test_add_func ("/day-event/times/fallback-calls", test_fallback_calls);
  g_test_add_func ("/day-event/alarms/plan", test_alarms_with_plan);
  g_test_add_func ("/day-event/alarms/plan-day-before", test_plan_day_before);
  g_test_add_func ("/day-event/alarms/plan-ignored", test_plan_ignored);
  g_test_add_func ("/day-event/alarms/reminders", test_reminders);
  g_test_add_func ("/day-event/summary/parts", test_summary_parts);
  g_test_add_func ("/day-event/location/without-set", test_location_without_set);
  g_test_add_func ("/day-event/errors", test_errors);

  return g_test_run ();
}
