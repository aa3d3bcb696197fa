/* test-time-to-leave.c
 *
 * Time to leave, end to end on the private session's evolution-data-server: a day
 * planned with Google Routes (traffic-aware, against the fake over 127.0.0.1) and
 * confirmed into the built-in personal calendar; traffic worsens before the day, the
 * route is checked again: leaving moves 15 minutes earlier, which is told once
 * ("leave-moved", which the notifier turns into "Leave by …"), and the event's wake-up
 * and leave alarms move in the calendar; two more minutes later, the alarms follow
 * and nobody is told.
 *
 * T3_01: crew call 07:30 on 28 March 2027, the day the clocks go forward (CEST, +02:00
 * from 03:00), crew parking apart from the set. 15 minutes early and 10 from the
 * parking: at the parking by 07:05; a 25-minute drive: leave 06:40, up 05:40. The
 * alarms are before the 07:30 start: leave 50 minutes, wake-up 1 h 50 min. With 40
 * minutes of traffic: leave 06:25 (1 h 5 min before), up 05:25 (2 h 5 min before).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libecal/libecal.h>

#include "mp2-calendar-router.h"
#include "mp2-eds-calendar-sink.h"
#include "mp2-fake-geocoding.h"
#include "mp2-fake-routes.h"
#include "mp2-google-routes.h"
#include "mp2-nominatim-geocoder.h"
#include "mp2-planning-limits.h"
#include "mp2-test-files.h"
#include "mp2-test-pipeline.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 60
#define HOME     "ul. Marszałkowska 140, 00-061 Warszawa"
#define CALENDAR "system-calendar"

static gint64 drive_minutes = 25;

static gint64
traffic_cb (GDateTime *departure,
            gpointer   user_data)
{
  return drive_minutes * 60;
}

typedef struct
{
  guint plans;
  guint moved;
  int   minutes_earlier;
  int   traffic_minutes;
} Counts;

static void
on_planned_cb (Mp2Pipeline *pipeline,
               Mp2Schedule *schedule,
               Counts      *counts)
{
  counts->plans++;
}

static void
on_leave_moved_cb (Mp2Pipeline *pipeline,
                   Mp2Schedule *schedule,
                   int          minutes_earlier,
                   int          traffic_minutes,
                   Counts      *counts)
{
  counts->moved++;
  counts->minutes_earlier = minutes_earlier;
  counts->traffic_minutes = traffic_minutes;
}

static gboolean
has_plans (gpointer user_data)
{
  Counts *counts = ((gpointer *) user_data)[0];

  return counts->plans >= GPOINTER_TO_UINT (((gpointer *) user_data)[1]);
}

static void
wait_for_plans (Counts *counts,
                guint   count)
{
  gpointer data[] = { counts, GUINT_TO_POINTER (count) };

  mp2_test_wait_until (has_plans, data, WAIT_SECONDS, "the plan");
}

/* evolution-data-server ------------------------------------------------------------- */

static ECalClient *
connect_client (ESourceRegistry *registry)
{
  g_autoptr(ESource) source = e_source_registry_ref_source (registry, CALENDAR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  EClient *client;

  g_assert_nonnull (source);
  e_cal_client_connect (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, NULL,
                        mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the calendar");
  client = e_cal_client_connect_finish (result, &error);
  g_assert_no_error (error);

  return E_CAL_CLIENT (client);
}

/* The event's text as the calendar keeps it, or "" while there is none. */
static char *
dup_event (ECalClient *client,
           const char *uid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ICalComponent *component = NULL;
  char *text;

  e_cal_client_get_object (client, uid, NULL, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the event");
  if (!e_cal_client_get_object_finish (client, result, &component, &error))
    return g_strdup ("");

  text = i_cal_component_as_ical_string (component);
  g_object_unref (component);

  return text;
}

typedef struct
{
  ECalClient *client;
  const char *uid;
  const char *needle;
} EventWait;

static gboolean
event_has (gpointer user_data)
{
  EventWait *wait = user_data;
  g_autofree char *text = dup_event (wait->client, wait->uid);

  return strstr (text, wait->needle) != NULL;
}

static void
wait_for_event (ECalClient *client,
                const char *uid,
                const char *needle)
{
  EventWait wait = { client, uid, needle };

  mp2_test_wait_until (event_has, &wait, WAIT_SECONDS, needle);
}

static void
test_time_to_leave (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("mp2-time-to-leave-XXXXXX", &error);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(Mp2FakeGeocoding) geocoding = mp2_fake_geocoding_new (&error);
  g_autoptr(Mp2FakeRoutes) fake_routes = mp2_fake_routes_new (&error);
  g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();
  g_autoptr(ESourceRegistry) registry = NULL;
  g_autoptr(Mp2EdsCalendarSink) eds = NULL;
  g_autoptr(Mp2CalendarRouter) router = mp2_calendar_router_new ();
  g_autoptr(Mp2NominatimGeocoder) geocoder = NULL;
  g_autoptr(Mp2GoogleRoutes) routes = NULL;
  g_autoptr(Mp2Store) store = NULL;
  g_autoptr(Mp2Pipeline) pipeline = NULL;
  ECalClient *client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *text = NULL;
  Counts counts = { 0 };
  g_autoptr(Mp2Schedule) imported = NULL;
  Mp2Schedule *schedule;
  gint64 id;

  g_assert_no_error (error);

  /* the map services: places for the addresses, a drive that traffic lengthens */
  mp2_fake_geocoding_export_environment (geocoding);
  mp2_fake_geocoding_set_answer (geocoding, MP2_FAKE_GEOCODING_NOMINATIM, HOME,
                                 "nominatim/search_warszawa.constructed.json");
  mp2_fake_geocoding_set_answer (geocoding, MP2_FAKE_GEOCODING_NOMINATIM,
                                 "27 Deptford Church Street, London SE8 4RX",
                                 "nominatim/search_chelmska.constructed.json");
  mp2_fake_geocoding_set_answer (geocoding, MP2_FAKE_GEOCODING_NOMINATIM,
                                 "Old Ford Road, London E3 5SN",
                                 "nominatim/search_near_duplicates.constructed.json");
  mp2_fake_routes_export_environment (fake_routes);
  mp2_fake_routes_set_duration_func (fake_routes, traffic_cb, NULL, NULL);
  mp2_http_client_set_allow_http (http, TRUE);
  mp2_http_client_set_retry_policy (http, 10, 50, 2);
  mp2_planning_configure_rate_limits (http);
  geocoder = mp2_nominatim_geocoder_new (http, NULL, NULL);
  routes = mp2_google_routes_new (http, NULL, NULL);
  mp2_google_routes_set_api_key (routes, MP2_FAKE_ROUTES_API_KEY);

  /* GNOME's built-in calendar, through the router as in the app */
  e_source_registry_new (NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the registry");
  registry = e_source_registry_new_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  mp2_eds_calendar_sink_new_async (registry, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the sink");
  eds = mp2_eds_calendar_sink_new_finish (result, &error);
  g_assert_no_error (error);
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (eds));
  client = connect_client (registry);

  g_settings_set_string (settings, "home-address", HOME);
  g_settings_set_string (settings, "crew-name", "");
  g_settings_set_string (settings, "time-zone", "Europe/Warsaw");
  g_settings_set_string (settings, "target-calendar", "eds:" CALENDAR);
  g_settings_set_int (settings, "arrive-early-minutes", 15);
  g_settings_set_int (settings, "morning-routine-minutes", 60);
  g_settings_set_int (settings, "parking-to-set-minutes", 10);

  store = mp2_store_open (directory, &error);
  g_assert_no_error (error);
  pipeline = mp2_pipeline_new (store, settings);
  mp2_pipeline_set_calendar_sink (pipeline, MP2_CALENDAR_SINK (router));
  g_signal_connect (pipeline, "schedule-updated::plan", G_CALLBACK (on_planned_cb), &counts);
  g_signal_connect (pipeline, "leave-moved", G_CALLBACK (on_leave_moved_cb), &counts);
  mp2_test_pipeline_start (pipeline, WAIT_SECONDS);
  mp2_pipeline_set_planning (pipeline, MP2_GEOCODER (geocoder), MP2_ROUTE_PROVIDER (routes),
                             NULL);

  imported = mp2_test_pipeline_import (pipeline, "T3_01.pdf", WAIT_SECONDS);
  id = mp2_schedule_get_id (imported);
  wait_for_plans (&counts, 1);
  schedule = mp2_pipeline_lookup (pipeline, id);
  uid = mp2_day_event_uid_for_day (mp2_schedule_get_day_key (schedule));
  g_assert_nonnull (strstr (mp2_schedule_get_plan_json (schedule),
                            "\"leave\":\"2027-03-28T06:40:00+02:00\""));
  g_assert_nonnull (strstr (mp2_schedule_get_plan_json (schedule),
                            "\"wake_up\":\"2027-03-28T05:40:00+02:00\""));

  /* confirmed: the alarms are in the calendar */
  g_clear_object (&result);
  mp2_pipeline_confirm_async (pipeline, id, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the confirmation");
  g_assert_true (mp2_pipeline_confirm_finish (pipeline, result, &error));
  g_assert_no_error (error);
  text = dup_event (client, uid);
  g_assert_nonnull (strstr (text, ":-PT50M"));
  g_assert_nonnull (strstr (text, ":-PT1H50M"));

  /* traffic: 40 minutes now; the re-check before leaving */
  drive_minutes = 40;
  mp2_pipeline_recheck_day (pipeline, id);
  wait_for_plans (&counts, 2);
  g_assert_cmpuint (counts.moved, ==, 1);
  g_assert_cmpint (counts.minutes_earlier, ==, 15);
  g_assert_cmpint (counts.traffic_minutes, ==, 15);
  wait_for_event (client, uid, ":-PT1H5M");
  g_clear_pointer (&text, g_free);
  text = dup_event (client, uid);
  g_assert_nonnull (strstr (text, ":-PT2H5M"));
  g_assert_null (strstr (text, ":-PT50M"));

  /* two minutes more: the alarms follow, nobody is told */
  drive_minutes = 42;
  mp2_pipeline_recheck_day (pipeline, id);
  wait_for_plans (&counts, 3);
  wait_for_event (client, uid, ":-PT1H7M");
  g_assert_cmpuint (counts.moved, ==, 1);

  /* one event for the day all along */
  {
    GSList *components = NULL;

    g_clear_object (&result);
    e_cal_client_get_objects_for_uid (client, uid, NULL, mp2_test_on_result_cb, &result);
    mp2_test_wait_for_result (&result, WAIT_SECONDS, "the events of the day");
    g_assert_true (e_cal_client_get_objects_for_uid_finish (client, result, &components,
                                                            &error));
    g_assert_cmpuint (g_slist_length (components), ==, 1);
    g_slist_free_full (components, g_object_unref);
  }

  g_clear_object (&pipeline);
  g_clear_object (&client);
  mp2_test_run_for (50);
  g_settings_reset (settings, "home-address");
  g_settings_reset (settings, "target-calendar");
  g_settings_reset (settings, "arrive-early-minutes");
  g_settings_reset (settings, "morning-routine-minutes");
  g_settings_reset (settings, "parking-to-set-minutes");
  mp2_test_remove_tree (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pipeline/time-to-leave", test_time_to_leave);

  return g_test_run ();
}
