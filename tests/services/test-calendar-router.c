/* test-calendar-router.c
 *
 * One calendar picker and one calendar sink over several: a fake calendar in memory
 * and .ics files side by side, each id naming its sink.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-calendar-router.h"
#include "mp2-fake-calendar-sink.h"
#include "mp2-google-calendar-sink.h"
#include "mp2-ics-export.h"
#include "mp2-test-files.h"
#include "mp2-test-sinks.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 20

static void
test_lists_every_sink (void)
{
  g_autoptr(Mp2CalendarRouter) router = mp2_calendar_router_new ();
  g_autoptr(Mp2FakeCalendarSink) fake = mp2_fake_calendar_sink_new ();
  g_autoptr(Mp2FakeCalendarSink) refusing = mp2_fake_calendar_sink_new_refusing ();
  g_autoptr(Mp2IcsExport) ics = mp2_ics_export_new ();
  g_autoptr(GPtrArray) calendars = NULL;
  Mp2CalendarInfo *info;

  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (fake));
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (ics));

  calendars = mp2_test_sink_list_calendars (MP2_CALENDAR_SINK (router), WAIT_SECONDS);
  g_assert_nonnull (calendars);
  g_assert_cmpuint (calendars->len, ==, 1);   /* .ics files are not listed */
  info = g_ptr_array_index (calendars, 0);
  g_assert_cmpstr (info->id, ==, "test:personal");
  g_assert_cmpstr (info->name, ==, "Personal");
  g_assert_true (info->is_default);
  g_assert_cmpstr (mp2_calendar_sink_get_id (MP2_CALENDAR_SINK (router)), ==, "calendar");

  /* The first sink's default stays the only default. */
  g_clear_pointer (&calendars, g_ptr_array_unref);
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (refusing));
  calendars = mp2_test_sink_list_calendars (MP2_CALENDAR_SINK (router), WAIT_SECONDS);
  g_assert_cmpuint (calendars->len, ==, 2);
  g_assert_true (((Mp2CalendarInfo *) g_ptr_array_index (calendars, 0))->is_default);
  g_assert_false (((Mp2CalendarInfo *) g_ptr_array_index (calendars, 1))->is_default);
}

/* Google signed out, as when the app starts without an account: its calendars are
 * missing from the picker, GNOME's are there; alone, it says why. */
static void
test_signed_out_sink (void)
{
  g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();
  g_autoptr(Mp2GoogleAccount) account = mp2_google_account_new (http, "client.example", "");
  g_autoptr(Mp2GoogleCalendarSink) google = mp2_google_calendar_sink_new (account, NULL);
  g_autoptr(Mp2CalendarRouter) router = mp2_calendar_router_new ();
  g_autoptr(Mp2CalendarRouter) google_only = mp2_calendar_router_new ();
  g_autoptr(Mp2FakeCalendarSink) fake = mp2_fake_calendar_sink_new ();
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (fake));
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (google));
  calendars = mp2_test_sink_list_calendars (MP2_CALENDAR_SINK (router), WAIT_SECONDS);
  g_assert_nonnull (calendars);
  g_assert_cmpuint (calendars->len, ==, 1);
  g_assert_cmpstr (((Mp2CalendarInfo *) g_ptr_array_index (calendars, 0))->id, ==,
                   "test:personal");

  mp2_calendar_router_add_sink (google_only, MP2_CALENDAR_SINK (google));
  mp2_calendar_sink_list_calendars_async (MP2_CALENDAR_SINK (google_only), NULL,
                                          mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the list");
  g_clear_pointer (&calendars, g_ptr_array_unref);
  calendars = mp2_calendar_sink_list_calendars_finish (MP2_CALENDAR_SINK (google_only), result,
                                                       &error);
  g_assert_null (calendars);
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_AUTH);
}

static void
test_writes_to_the_named_sink (void)
{
  g_autoptr(Mp2CalendarRouter) router = mp2_calendar_router_new ();
  g_autoptr(Mp2FakeCalendarSink) fake = mp2_fake_calendar_sink_new ();
  g_autoptr(Mp2IcsExport) ics = mp2_ics_export_new ();
  g_autoptr(Mp2DayEvent) event = mp2_test_event_new ("router-test@mp2", "2025-03-28T06:30:00",
                                                     "2025-03-28T18:00:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("mp2-router-XXXXXX", &error);
  g_autofree char *file = g_build_filename (folder, "day.ics", NULL);
  g_autofree char *ics_id = g_strconcat ("ics:", file, NULL);
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (fake));
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (ics));

  etag = mp2_test_sink_upsert (MP2_CALENDAR_SINK (router), "test:personal", event, NULL,
                               WAIT_SECONDS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_calendar_sink_get_n_events (fake), ==, 1);

  g_clear_pointer (&etag, g_free);
  etag = mp2_test_sink_upsert (MP2_CALENDAR_SINK (router), ics_id, event, NULL, WAIT_SECONDS,
                               &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "UID:router-test@mp2"));
  g_assert_cmpuint (mp2_fake_calendar_sink_get_n_events (fake), ==, 1);

  g_assert_true (mp2_test_sink_delete (MP2_CALENDAR_SINK (router), "test:personal",
                                       "router-test@mp2", WAIT_SECONDS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_calendar_sink_get_n_events (fake), ==, 0);

  mp2_test_remove_tree (folder);
}

static void
test_unknown_sink (void)
{
  g_autoptr(Mp2CalendarRouter) router = mp2_calendar_router_new ();
  g_autoptr(Mp2FakeCalendarSink) fake = mp2_fake_calendar_sink_new ();
  g_autoptr(Mp2DayEvent) event = mp2_test_event_new ("router-test@mp2", "2025-03-28T06:30:00",
                                                     "2025-03-28T18:00:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (fake));

  /* A Google calendar chosen before signing out, or an id of an old version */
  etag = mp2_test_sink_upsert (MP2_CALENDAR_SINK (router), "google:primary", event, NULL,
                               WAIT_SECONDS, &error);
  g_assert_null (etag);
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR);
  g_clear_error (&error);

  g_assert_false (mp2_test_sink_delete (MP2_CALENDAR_SINK (router), "no-colon", "x",
                                        WAIT_SECONDS, &error));
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR);
  g_assert_cmpuint (mp2_fake_calendar_sink_get_n_events (fake), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar-router/lists-every-sink", test_lists_every_sink);
  g_test_add_func ("/calendar-router/signed-out-sink", test_signed_out_sink);
  g_test_add_func ("/calendar-router/writes-to-the-named-sink", test_writes_to_the_named_sink);
  g_test_add_func ("/calendar-router/unknown-sink", test_unknown_sink);

  return g_test_run ();
}
