/* test-eds-sink.c
 *
 * The evolution-data-server sink against the real evolution-data-server of the
 * private session (build-aux/session.sh): a local calendar made for the test, the
 * built-in "Personal" one, and a CalDAV calendar on a real CalDAV server (Debian's
 * radicale) started here. Every wait is bounded; a timeout fails with what was
 * awaited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libecal/libecal.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "mp2-eds-calendar-sink.h"
#include "mp2-ical.h"
#include "mp2-test-files.h"
#include "mp2-test-sinks.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS 30
#define TEST_COLOR "#1c71d8"

/* evolution-data-server 3.46 declares no g_autoptr() cleanup for ECalClient. */
typedef ECalClient TestClient;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestClient, g_object_unref)

/* The sink's calendars */

static Mp2CalendarInfo *
find_calendar (GPtrArray  *calendars,
               const char *id)
{
  for (guint i = 0; i < calendars->len; i++)
    {
      Mp2CalendarInfo *info = g_ptr_array_index (calendars, i);

      if (g_strcmp0 (info->id, id) == 0)
        return info;
    }

  return NULL;
}

/* evolution-data-server, awaited */

static ESourceRegistry *
new_registry (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ESourceRegistry *registry;

  e_source_registry_new (NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the registry of evolution-data-server");
  registry = e_source_registry_new_finish (result, &error);
  g_assert_no_error (error);

  return registry;
}

static Mp2CalendarSink *
new_sink (ESourceRegistry *registry)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Mp2EdsCalendarSink *sink;

  mp2_eds_calendar_sink_new_async (registry, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the sink");
  sink = mp2_eds_calendar_sink_new_finish (result, &error);
  g_assert_no_error (error);

  return MP2_CALENDAR_SINK (sink);
}

static void
commit_source (ESourceRegistry *registry,
               ESource         *source)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ESource) added = NULL;

  e_source_registry_commit_source (registry, source, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "a new calendar source");
  g_assert_true (e_source_registry_commit_source_finish (registry, result, &error));
  g_assert_no_error (error);

  added = e_source_registry_ref_source (registry, e_source_get_uid (source));
  g_assert_nonnull (added);
}

static void
remove_source (ESourceRegistry *registry,
               const char      *uid)
{
  g_autoptr(ESource) source = e_source_registry_ref_source (registry, uid);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (source == NULL)
    return;

  e_source_remove (source, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "a calendar source's removal");
  g_assert_true (e_source_remove_finish (source, result, &error));
  g_assert_no_error (error);
}

static ESource *
new_calendar_source (const char *display_name,
                     const char *parent,
                     const char *backend)
{
  ESource *source = e_source_new (NULL, NULL, NULL);
  ESourceCalendar *calendar;

  g_assert_nonnull (source);
  e_source_set_display_name (source, display_name);
  e_source_set_parent (source, parent);
  calendar = e_source_get_extension (source, E_SOURCE_EXTENSION_CALENDAR);
  e_source_backend_set_backend_name (E_SOURCE_BACKEND (calendar), backend);
  e_source_selectable_set_color (E_SOURCE_SELECTABLE (calendar), TEST_COLOR);

  return source;
}

static ECalClient *
connect_client (ESourceRegistry *registry,
                const char      *uid)
{
  g_autoptr(ESource) source = e_source_registry_ref_source (registry, uid);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  EClient *client;

  g_assert_nonnull (source);
  e_cal_client_connect (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, NULL,
                        mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "a calendar client");
  client = e_cal_client_connect_finish (result, &error);
  g_assert_no_error (error);

  return E_CAL_CLIENT (client);
}

/* The stored event, or %NULL with @error set. */
static ICalComponent *
get_object (ECalClient  *client,
            const char  *uid,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  ICalComponent *component = NULL;

  e_cal_client_get_object (client, uid, NULL, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "an event of the calendar");
  if (!e_cal_client_get_object_finish (client, result, &component, error))
    return NULL;

  return component;
}

static guint
count_objects_for_uid (ECalClient *client,
                       const char *uid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GSList *components = NULL;
  guint count;

  e_cal_client_get_objects_for_uid (client, uid, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the events of a uid");
  if (!e_cal_client_get_objects_for_uid_finish (client, result, &components, &error) &&
      g_error_matches (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
    return 0;
  g_assert_no_error (error);

  count = g_slist_length (components);
  g_slist_free_full (components, g_object_unref);

  return count;
}

static ICalTimezone *
get_timezone (ECalClient *client,
              const char *tzid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ICalTimezone *zone = NULL;

  e_cal_client_get_timezone (client, tzid, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "a time zone of the calendar");
  g_assert_true (e_cal_client_get_timezone_finish (client, result, &zone, &error));
  g_assert_no_error (error);

  return zone;
}

/* Checks the stored event */

/* The DTSTART or DTEND is @expected as a local time of Europe/Warsaw, and the
 * calendar's own description of that zone makes it the same moment. */
static void
assert_local_time (ECalClient       *client,
                   ICalComponent    *event,
                   ICalPropertyKind  kind,
                   GDateTime        *expected)
{
  g_autoptr(ICalProperty) property = i_cal_component_get_first_property (event, kind);
  g_autoptr(ICalParameter) tzid = NULL;
  g_autoptr(ICalTime) time = NULL;
  g_autofree char *value = NULL;
  g_autofree char *expected_value = g_date_time_format (expected, "%Y%m%dT%H%M%S");
  ICalTimezone *zone;

  g_assert_nonnull (property);
  tzid = i_cal_property_get_first_parameter (property, I_CAL_TZID_PARAMETER);
  g_assert_nonnull (tzid);
  g_assert_cmpstr (i_cal_parameter_get_tzid (tzid), ==, MP2_TEST_WARSAW);
  value = i_cal_property_get_value_as_string (property);
  g_assert_cmpstr (value, ==, expected_value);

  zone = get_timezone (client, MP2_TEST_WARSAW);
  g_assert_nonnull (zone);
  time = i_cal_time_new_from_string (value);
  g_assert_cmpint (i_cal_time_as_timet_with_zone (time, zone), ==, g_date_time_to_unix (expected));
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The VALARMs' triggers in minutes before the start, sorted: the calendar may
 * keep them in another order. */
static GArray *
dup_alarm_minutes (ICalComponent *event)
{
  GArray *minutes = g_array_new (FALSE, FALSE, sizeof (int));
  ICalComponent *valarm;

  for (valarm = i_cal_component_get_first_component (event, I_CAL_VALARM_COMPONENT);
       valarm != NULL;
       valarm = i_cal_component_get_next_component (event, I_CAL_VALARM_COMPONENT))
    {
      g_autoptr(ICalProperty) trigger = NULL;
      g_autoptr(ICalProperty) action = NULL;
      g_autoptr(ICalTrigger) value = NULL;
      g_autoptr(ICalDuration) duration = NULL;
      int before;

      trigger = i_cal_component_get_first_property (valarm, I_CAL_TRIGGER_PROPERTY);
      action = i_cal_component_get_first_property (valarm, I_CAL_ACTION_PROPERTY);
      value = i_cal_property_get_trigger (trigger);
      duration = i_cal_trigger_get_duration (value);
      before = -i_cal_duration_as_int (duration) / 60;
      g_assert_cmpint (i_cal_property_get_action (action), ==, I_CAL_ACTION_DISPLAY);
      g_array_append_val (minutes, before);
      g_object_unref (valarm);
    }
  g_array_sort (minutes, compare_ints);

  return minutes;
}

static void
assert_stored_event (ECalClient        *client,
                     const Mp2DayEvent *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ICalComponent) event = get_object (client, expected->uid, &error);
  g_autoptr(GArray) minutes = NULL;
  g_autoptr(GArray) expected_minutes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *summary = NULL;
  g_autofree char *location = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (event);
  summary = mp2_test_ical_dup_text (event, I_CAL_SUMMARY_PROPERTY);
  g_assert_cmpstr (summary, ==, expected->summary);
  location = mp2_test_ical_dup_text (event, I_CAL_LOCATION_PROPERTY);
  g_assert_cmpstr (location, ==, expected->location);
  g_assert_true (mp2_ical_component_is_ours (event));
  assert_local_time (client, event, I_CAL_DTSTART_PROPERTY, expected->start);
  assert_local_time (client, event, I_CAL_DTEND_PROPERTY, expected->end);

  for (guint i = 0; i < expected->alarms->len; i++)
    g_array_append_val (expected_minutes,
                        g_array_index (expected->alarms, Mp2DayAlarm, i).minutes_before);
  g_array_sort (expected_minutes, compare_ints);
  minutes = dup_alarm_minutes (event);
  g_assert_cmpmem (minutes->data, minutes->len * sizeof (int),
                   expected_minutes->data, expected_minutes->len * sizeof (int));
}

static void
assert_not_stored (ECalClient *client,
                   const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ICalComponent) event = get_object (client, uid, &error);

  g_assert_null (event);
  g_assert_error (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND);
}

/* The session's registry, the sink, and a local calendar made for the tests */

typedef struct
{
  ESourceRegistry *registry;
  Mp2CalendarSink *sink;
  char            *calendar_id;
} Session;

static Session session;

static void
set_up_session (void)
{
  g_autoptr(ESource) source = new_calendar_source ("MP2 Test Shooting Days", "local-stub",
                                                   "local");

  session.registry = new_registry ();
  commit_source (session.registry, source);
  session.calendar_id = e_source_dup_uid (source);
  session.sink = new_sink (session.registry);
}

static void
tear_down_session (void)
{
  g_clear_object (&session.sink);
  remove_source (session.registry, session.calendar_id);
  g_clear_pointer (&session.calendar_id, g_free);
  g_clear_object (&session.registry);
}

/* Tests */

static void
test_new_with_own_registry (void)
{
  g_autoptr(Mp2CalendarSink) sink = new_sink (NULL);

  g_assert_true (MP2_IS_EDS_CALENDAR_SINK (sink));
  g_assert_cmpstr (mp2_calendar_sink_get_id (sink), ==, "eds");
  g_assert_true (E_IS_SOURCE_REGISTRY (
    mp2_eds_calendar_sink_get_registry (MP2_EDS_CALENDAR_SINK (sink))));
}

static void
test_list_calendars (void)
{
  g_autoptr(GPtrArray) calendars = mp2_test_sink_list_calendars (session.sink, WAIT_SECONDS);
  g_autoptr(ESource) builtin = e_source_registry_ref_builtin_calendar (session.registry);
  Mp2CalendarInfo *personal;
  Mp2CalendarInfo *ours;
  guint n_default = 0;

  for (guint i = 0; i < calendars->len; i++)
    {
      Mp2CalendarInfo *info = g_ptr_array_index (calendars, i);

      g_test_message ("%s: %s (%s)%s", info->id, info->name, info->color ? info->color : "-",
                      info->is_default ? ", default" : "");
      n_default += info->is_default;
    }
  g_assert_cmpuint (n_default, ==, 1);

  personal = find_calendar (calendars, e_source_get_uid (builtin));
  g_assert_nonnull (personal);
  g_assert_cmpstr (personal->name, ==, "Personal");
  g_assert_true (personal->is_default);
  /* the default comes first */
  g_assert_true (g_ptr_array_index (calendars, 0) == personal);

  ours = find_calendar (calendars, session.calendar_id);
  g_assert_nonnull (ours);
  g_assert_cmpstr (ours->name, ==, "MP2 Test Shooting Days");
  g_assert_cmpstr (ours->color, ==, TEST_COLOR);
  g_assert_false (ours->is_default);

  /* read-only: the birthdays of the address books */
  g_assert_null (find_calendar (calendars, "birthdays"));
}

static void
test_upsert_update_delete (void)
{
  g_autoptr(Mp2DayEvent) day = mp2_test_event_new ("mp2-day-12@test", "2024-07-15T06:30:00",
                                                   "2024-07-15T18:00:00");
  /* the revision moves the call over the night the clocks go back */
  g_autoptr(Mp2DayEvent) revised = mp2_test_event_new ("mp2-day-12@test", "2024-10-26T22:00:00",
                                                       "2024-10-27T06:00:00");
  g_autoptr(TestClient) client = connect_client (session.registry, session.calendar_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  etag = mp2_test_sink_upsert (session.sink, session.calendar_id, day, NULL, WAIT_SECONDS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (etag, ==, "");
  assert_stored_event (client, day);
  g_assert_cmpuint (count_objects_for_uid (client, day->uid), ==, 1);

  mp2_test_event_add_alarm (revised, 120, "Night shoot: sleep first");
  g_clear_pointer (&etag, g_free);
  etag = mp2_test_sink_upsert (session.sink, session.calendar_id, revised, NULL, WAIT_SECONDS,
                               &error);
  g_assert_no_error (error);
  assert_stored_event (client, revised);
  g_assert_cmpuint (count_objects_for_uid (client, day->uid), ==, 1);

  g_assert_true (mp2_test_sink_delete (session.sink, session.calendar_id, day->uid, WAIT_SECONDS,
                                       &error));
  g_assert_no_error (error);
  assert_not_stored (client, day->uid);

  /* what is not there is deleted already */
  g_assert_true (mp2_test_sink_delete (session.sink, session.calendar_id, day->uid, WAIT_SECONDS,
                                       &error));
  g_assert_no_error (error);
}

static void
test_default_calendar (void)
{
  g_autoptr(ESource) builtin = e_source_registry_ref_builtin_calendar (session.registry);
  g_autoptr(Mp2DayEvent) day = mp2_test_event_new ("mp2-day-personal@test", "2024-03-31T01:30:00",
                                                   "2024-03-31T05:00:00");
  g_autoptr(TestClient) client = connect_client (session.registry, e_source_get_uid (builtin));
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  etag = mp2_test_sink_upsert (session.sink, e_source_get_uid (builtin), day, NULL, WAIT_SECONDS,
                               &error);
  g_assert_no_error (error);
  assert_stored_event (client, day);

  g_assert_true (mp2_test_sink_delete (session.sink, e_source_get_uid (builtin), day->uid,
                                       WAIT_SECONDS, &error));
  g_assert_no_error (error);
  assert_not_stored (client, day->uid);
}

static void
test_errors (void)
{
  g_autoptr(Mp2DayEvent) day = mp2_test_event_new ("mp2-day-error@test", "2024-07-15T06:30:00",
                                                   "2024-07-15T18:00:00");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ESource) birthdays = e_source_registry_ref_source (session.registry, "birthdays");
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  etag = mp2_test_sink_upsert (session.sink, "no-such-calendar", day, NULL, WAIT_SECONDS, &error);
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR);
  g_assert_null (etag);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_false (mp2_test_sink_delete (session.sink, "no-such-calendar", day->uid, WAIT_SECONDS,
                                        &error));
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR);
  g_clear_error (&error);

  if (birthdays != NULL)
    {
      etag = mp2_test_sink_upsert (session.sink, "birthdays", day, NULL, WAIT_SECONDS, &error);
      g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_READ_ONLY);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }

  g_cancellable_cancel (cancellable);
  etag = mp2_test_sink_upsert (session.sink, session.calendar_id, day, cancellable, WAIT_SECONDS,
                               &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (etag);
}

/* A real CalDAV server */

typedef struct
{
  char        *program;
  char        *folder;
  GSubprocess *process;
  guint16      port;
  SoupSession *http;
  gboolean     exited;
} Radicale;

static guint16
find_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any_port, FALSE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static char *
radicale_url (Radicale   *radicale,
              const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", radicale->port, path);
}

/* The response's status, 0 when the server cannot be reached. */
static guint
send_request (Radicale    *radicale,
              const char  *method,
              const char  *path,
              char       **out_body)
{
  g_autofree char *url = radicale_url (radicale, path);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_session_send_and_read_async (radicale->http, message, G_PRIORITY_DEFAULT, NULL,
                                    mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, url);
  body = soup_session_send_and_read_finish (radicale->http, result, &error);
  if (body == NULL)
    return 0;

  if (out_body != NULL)
    *out_body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  return soup_message_get_status (message);
}

/* Anyone may read and, with @writable, write: no passwords, as the private
 * session has one user. radicale reads this file at each request. */
static void
set_radicale_rights (Radicale *radicale,
                     gboolean  writable)
{
  g_autofree char *path = g_build_filename (radicale->folder, "rights", NULL);
  g_autofree char *rights = NULL;
  g_autoptr(GError) error = NULL;

  rights = g_strdup_printf ("[anyone]\n"
                            "user: .*\n"
                            "collection: .*\n"
                            "permissions: %s\n",
                            writable ? "RrWw" : "Rr");
  g_assert_true (g_file_set_contents (path, rights, -1, &error));
  g_assert_no_error (error);
}

static void
write_radicale_config (Radicale   *radicale,
                       const char *config_path)
{
  g_autofree char *storage = g_build_filename (radicale->folder, "collections", NULL);
  g_autofree char *rights = g_build_filename (radicale->folder, "rights", NULL);
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;

  config = g_strdup_printf ("[server]\n"
                            "hosts = 127.0.0.1:%u\n"
                            "[auth]\n"
                            "type = none\n"
                            "[rights]\n"
                            "type = from_file\n"
                            "file = %s\n"
                            "[storage]\n"
                            "filesystem_folder = %s\n"
                            "[web]\n"
                            "type = none\n"
                            "[logging]\n"
                            "level = info\n",
                            radicale->port, rights, storage);
  g_assert_true (g_file_set_contents (config_path, config, -1, &error));
  g_assert_no_error (error);
  set_radicale_rights (radicale, TRUE);
}

static void
wait_for_radicale (Radicale *radicale)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (send_request (radicale, "OPTIONS", "/", NULL) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %d s waiting for radicale to listen on port %u", WAIT_SECONDS,
                 radicale->port);
      if (radicale->exited)
        g_error ("radicale exited; see its log in %s", radicale->folder);
      mp2_test_run_for (100);
    }
}

static void
on_radicale_exited_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Radicale *radicale = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  radicale->exited = TRUE;
}

/* A test that fails aborts: radicale goes with it. */
static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

/* Starts radicale on its port and folder, and waits until it answers. */
static void
spawn_radicale (Radicale *radicale)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *config_path = g_build_filename (radicale->folder, "config", NULL);
  g_autofree char *log_path = g_build_filename (radicale->folder, "radicale.log", NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&radicale->process);
  radicale->exited = FALSE;
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  radicale->process = g_subprocess_launcher_spawn (launcher, &error, radicale->program,
                                                   "--config", config_path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (radicale->process, NULL, on_radicale_exited_cb, radicale);
  wait_for_radicale (radicale);
}

static void
kill_radicale (Radicale *radicale)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  g_subprocess_send_signal (radicale->process, SIGTERM);
  while (!radicale->exited)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %d s waiting for radicale to stop", WAIT_SECONDS);
      mp2_test_run_for (50);
    }
}

static Radicale *
start_radicale (const char *program)
{
  Radicale *radicale = g_new0 (Radicale, 1);
  g_autofree char *config_path = NULL;
  g_autoptr(GError) error = NULL;

  radicale->program = g_strdup (program);
  radicale->folder = g_dir_make_tmp ("mp2-radicale-XXXXXX", &error);
  g_assert_no_error (error);
  radicale->port = find_free_port ();
  radicale->http = soup_session_new ();
  config_path = g_build_filename (radicale->folder, "config", NULL);
  write_radicale_config (radicale, config_path);
  spawn_radicale (radicale);

  return radicale;
}

/* radicale with an empty calendar at @path; %NULL, the test skipped, when radicale
 * is not installed. */
static Radicale *
start_radicale_with_calendar (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("radicale");
  Radicale *radicale;

  if (program == NULL)
    {
      g_test_skip ("radicale is not installed (Debian package radicale)");
      return NULL;
    }

  radicale = start_radicale (program);
  g_assert_cmpuint (send_request (radicale, "MKCOL", "/mp2/", NULL), ==, SOUP_STATUS_CREATED);
  g_assert_cmpuint (send_request (radicale, "MKCALENDAR", path, NULL), ==, SOUP_STATUS_CREATED);

  return radicale;
}

static void
stop_radicale (Radicale *radicale)
{
  if (!radicale->exited)
    kill_radicale (radicale);

  mp2_test_remove_tree (radicale->folder);
  g_object_unref (radicale->process);
  g_object_unref (radicale->http);
  g_free (radicale->program);
  g_free (radicale->folder);
  g_free (radicale);
}

static char *
add_caldav_source (Radicale   *radicale,
                   const char *path)
{
  g_autoptr(ESource) source = new_calendar_source ("MP2 CalDAV", "caldav-stub", "caldav");
  g_autofree char *url = radicale_url (radicale, path);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  ESourceWebdav *webdav = e_source_get_extension (source, E_SOURCE_EXTENSION_WEBDAV_BACKEND);
  ESourceAuthentication *auth = e_source_get_extension (source,
                                                        E_SOURCE_EXTENSION_AUTHENTICATION);

  e_source_webdav_set_uri (webdav, uri);
  e_source_authentication_set_user (auth, "mp2");
  commit_source (session.registry, source);

  return e_source_dup_uid (source);
}

/* Waits until the server's calendar has (or has not) the event of @uid; returns
 * the calendar's text. */
static char *
wait_for_server_event (Radicale   *radicale,
                       ECalClient *client,
                       const char *path,
                       const char *uid,
                       gboolean    present)
{
  g_autofree char *needle = g_strdup_printf ("UID:%s", uid);
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  for (guint round = 0;; round++)
    {
      g_autofree char *text = NULL;
      guint status = send_request (radicale, "GET", path, &text);

      g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
      if ((strstr (text, needle) != NULL) == present)
        return g_steal_pointer (&text);
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %d s waiting for radicale to %s %s", WAIT_SECONDS,
                 present ? "get" : "drop", uid);

      /* evolution-data-server sends what it holds when it refreshes */
      if (round % 20 == 0)
        e_client_refresh (E_CLIENT (client), NULL, NULL, NULL);
      mp2_test_run_for (100);
    }
}

static void
test_caldav_round_trip (void)
{
  const char *path = "/mp2/shooting-days/";
  g_autoptr(Mp2DayEvent) day = NULL;
  g_autoptr(TestClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar_id = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  Radicale *radicale;

  radicale = start_radicale_with_calendar (path);
  if (radicale == NULL)
    return;

  calendar_id = add_caldav_source (radicale, path);
  client = connect_client (session.registry, calendar_id);
  calendars = mp2_test_sink_list_calendars (session.sink, WAIT_SECONDS);
  g_assert_nonnull (find_calendar (calendars, calendar_id));

  day = mp2_test_event_new ("mp2-day-caldav@test", "2024-07-15T06:30:00", "2024-07-15T18:00:00");
  etag = mp2_test_sink_upsert (session.sink, calendar_id, day, NULL, WAIT_SECONDS, &error);
  g_assert_no_error (error);
  assert_stored_event (client, day);

  text = wait_for_server_event (radicale, client, path, day->uid, TRUE);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Warsaw:20240715T063000"));
  g_assert_nonnull (strstr (text, "TZID:Europe/Warsaw"));
  g_assert_nonnull (strstr (text, "BEGIN:VALARM"));
  g_assert_nonnull (strstr (text, MP2_ICAL_X_PROPERTY));
  g_clear_pointer (&text, g_free);

  g_assert_true (mp2_test_sink_delete (session.sink, calendar_id, day->uid, WAIT_SECONDS, &error));
  g_assert_no_error (error);
  assert_not_stored (client, day->uid);
  text = wait_for_server_event (radicale, client, path, day->uid, FALSE);

  g_clear_object (&client);
  remove_source (session.registry, calendar_id);
  stop_radicale (radicale);
}

/* A calendar the server lets us read but not write, as a shared one. */
static void
test_caldav_read_only (void)
{
  const char *path = "/mp2/production-office/";
  g_autoptr(Mp2DayEvent) day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar_id = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  Radicale *radicale;

  radicale = start_radicale_with_calendar (path);
  if (radicale == NULL)
    return;

  set_radicale_rights (radicale, FALSE);
  calendar_id = add_caldav_source (radicale, path);
  calendars = mp2_test_sink_list_calendars (session.sink, WAIT_SECONDS);
  g_assert_null (find_calendar (calendars, calendar_id));

  day = mp2_test_event_new ("mp2-day-read-only@test", "2024-07-15T06:30:00",
                            "2024-07-15T18:00:00");
  etag = mp2_test_sink_upsert (session.sink, calendar_id, day, NULL, WAIT_SECONDS, &error);
  g_test_message ("%s", error != NULL ? error->message : "no error");
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_READ_ONLY);
  g_assert_null (etag);

  remove_source (session.registry, calendar_id);
  stop_radicale (radicale);
}

/* The server down: evolution-data-server 3.46 refuses the event (it keeps changes
 * for later only when it knows itself offline), the sink says to try again, and
 * trying again once the server is back writes it. */
static void
test_caldav_server_down (void)
{
  const char *path = "/mp2/shooting-days/";
  g_autoptr(Mp2DayEvent) day = NULL;
  g_autoptr(TestClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar_id = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  Radicale *radicale;

  radicale = start_radicale_with_calendar (path);
  if (radicale == NULL)
    return;

  calendar_id = add_caldav_source (radicale, path);
  client = connect_client (session.registry, calendar_id);
  kill_radicale (radicale);

  day = mp2_test_event_new ("mp2-day-offline@test", "2024-07-15T06:30:00", "2024-07-15T18:00:00");
  etag = mp2_test_sink_upsert (session.sink, calendar_id, day, NULL, WAIT_SECONDS, &error);
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_OFFLINE);
  g_test_message ("%s", error->message);
  g_assert_null (etag);
  g_clear_error (&error);
  g_test_message ("events of the uid kept: %u", count_objects_for_uid (client, day->uid));

  spawn_radicale (radicale);
  etag = mp2_test_sink_upsert (session.sink, calendar_id, day, NULL, WAIT_SECONDS, &error);
  g_assert_no_error (error);
  assert_stored_event (client, day);
  text = wait_for_server_event (radicale, client, path, day->uid, TRUE);
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Warsaw:20240715T063000"));

  g_clear_object (&client);
  remove_source (session.registry, calendar_id);
  stop_radicale (radicale);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eds-sink/new-with-own-registry", test_new_with_own_registry);
  g_test_add_func ("/eds-sink/list-calendars", test_list_calendars);
  g_test_add_func ("/eds-sink/upsert-update-delete", test_upsert_update_delete);
  g_test_add_func ("/eds-sink/default-calendar", test_default_calendar);
  g_test_add_func ("/eds-sink/errors", test_errors);
  g_test_add_func ("/eds-sink/caldav-round-trip", test_caldav_round_trip);
  g_test_add_func ("/eds-sink/caldav-read-only", test_caldav_read_only);
  g_test_add_func ("/eds-sink/caldav-server-down", test_caldav_server_down);

  set_up_session ();
  status = g_test_run ();
  tear_down_session ();

  return status;
}
