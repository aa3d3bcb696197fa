/* test-google-calendar-sink.c
 *
 * Mp2GoogleCalendarSink against the fake Google (tests/fakes) over 127.0.0.1, with an
 * account signed in through the private session's gnome-keyring: the calendars for
 * the picker, an event written under the id derived from its uid (reminders, time
 * zone, private properties, sendUpdates=none), updated with If-Match, changed in
 * Google meanwhile (412), stored by an attempt whose answer was lost (409), deleted
 * (twice), and each error a person can act on; retries of 5xx, 429 and rate-limit
 * 403 answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-fake-google.h"
#include "mp2-google-calendar-sink.h"
#include "mp2-test-sinks.h"
#include "mp2-test-wait.h"

#define WAIT_SECONDS   30
#define TEST_UID       "mp2-0123456789abcdef0123456789abcdef@mp2.filmschedule"
#define OTHER_CALENDAR MP2_FAKE_GOOGLE_CALENDAR_ID
#define UNKNOWN_CAL    "nie-ma-takiego@group.calendar.google.com"
#define READER_CAL     "pl.polish#holiday@group.v.calendar.google.com"
#define WRITER_CAL     "c_ekipa7d3q1m5@group.calendar.google.com"
#define SCHEDULE_ID    42

typedef struct
{
  Mp2FakeGoogle    *fake;
  Mp2HttpClient    *http;
  Mp2GoogleAccount *account;
  Mp2CalendarSink  *sink;
  char             *access_token;
  char             *refresh_token;
} Fixture;

/* The account, signed in */

static void
store_refresh_token (const char *refresh_token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  secret_password_store (mp2_google_account_get_secret_schema (), SECRET_COLLECTION_DEFAULT,
                         "Film Schedule test", refresh_token, NULL, mp2_test_on_result_cb,
                         &result,
                         "kind", "refresh-token",
                         "client-id", MP2_FAKE_GOOGLE_CLIENT_ID,
                         "email", MP2_FAKE_GOOGLE_USER_EMAIL,
                         NULL);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the refresh token in the keyring");
  secret_password_store_finish (result, &error);
  g_assert_no_error (error);
}

static void
load_account (Mp2GoogleAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_google_account_load_async (account, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the account read from the keyring");
  mp2_google_account_load_finish (account, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_google_account_get_state (account), ==, MP2_ACCOUNT_STATE_SIGNED_IN);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Mp2GoogleCalendarSink *sink = NULL;

  fixture->fake = mp2_fake_google_new (&error);
  g_assert_no_error (error);
  mp2_fake_google_export_environment (fixture->fake);
  mp2_fake_google_issue_tokens (fixture->fake, MP2_GOOGLE_SCOPES, &fixture->access_token,
                                &fixture->refresh_token);

  /* Quick backoff; a breaker that stays closed through the fault tests. */
  fixture->http = mp2_http_client_new ();
  mp2_http_client_set_allow_http (fixture->http, TRUE);
  mp2_http_client_set_retry_policy (fixture->http, 10, 100, 4);
  mp2_http_client_set_max_retry_after (fixture->http, 5);
  mp2_http_client_set_breaker (fixture->http, 100, 1);
  mp2_http_client_set_default_timeout (fixture->http, 5);

  fixture->account = mp2_google_account_new (fixture->http, MP2_FAKE_GOOGLE_CLIENT_ID,
                                             MP2_FAKE_GOOGLE_CLIENT_SECRET);
  sink = mp2_google_calendar_sink_new (fixture->account, mp2_fake_google_get_url (fixture->fake));
  fixture->sink = MP2_CALENDAR_SINK (sink);

  if (GPOINTER_TO_INT (data))
    {
      store_refresh_token (fixture->refresh_token);
      load_account (fixture->account);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mp2_fake_google_assert_no_violations (fixture->fake);

  g_clear_object (&fixture->sink);
  g_clear_object (&fixture->account);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->fake);
  g_clear_pointer (&fixture->access_token, g_free);
  g_clear_pointer (&fixture->refresh_token, g_free);
}

/* Events and what the fake holds */

static Mp2DayEvent *
new_event (void)
{
  Mp2DayEvent *event = mp2_test_event_new (TEST_UID, "2024-07-15T06:30:00",
                                           "2024-07-15T18:00:00");

  event->schedule_id = SCHEDULE_ID;

  return event;
}

static char *
dup_event_id (void)
{
  return mp2_google_calendar_event_id (TEST_UID);
}

static JsonObject *
dup_stored_event (Fixture    *fixture,
                  const char *calendar_id)
{
  g_autofree char *event_id = dup_event_id ();
  JsonObject *stored = mp2_fake_google_dup_event (fixture->fake, calendar_id, event_id);

  g_assert_nonnull (stored);

  return stored;
}

static const char *
get_path_string (JsonObject *object,
                 const char *first,
                 const char *second)
{
  JsonObject *inner = json_object_get_object_member (object, first);

  g_assert_nonnull (inner);

  return json_object_get_string_member (inner, second);
}

static char *
upsert (Fixture           *fixture,
        const char        *calendar_id,
        const Mp2DayEvent *event)
{
  g_autoptr(GError) error = NULL;
  char *etag;

  etag = mp2_test_sink_upsert (fixture->sink, calendar_id, event, NULL, WAIT_SECONDS, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  return etag;
}

static void
assert_upsert_fails (Fixture           *fixture,
                     const char        *calendar_id,
                     const Mp2DayEvent *event,
                     Mp2SyncError       code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  etag = mp2_test_sink_upsert (fixture->sink, calendar_id, event, NULL, WAIT_SECONDS, &error);
  g_assert_error (error, MP2_SYNC_ERROR, (int) code);
  g_assert_null (etag);
  /* A sentence for the user, not a status code. */
  g_assert_cmpuint (strlen (error->message), >, 20);
}

/* The requests of @pattern the fake received, each "endpoint ?query" and its
 * If-Match header, in order. */
static GPtrArray *
dup_requests (Fixture    *fixture,
              const char *pattern)
{
  return mp2_fake_google_dup_request_lines (fixture->fake, pattern);
}

static void
assert_every_request_has (GPtrArray  *lines,
                          const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (strstr (line, text) == NULL)
        g_error ("“%s” lacks “%s”", line, text);
    }
}

/* Event ids */

static void
assert_event_id (const char *uid,
                 const char *expected)
{
  g_autofree char *id = mp2_google_calendar_event_id (uid);

  g_assert_cmpstr (id, ==, expected);
}

static gboolean
is_google_event_id (const char *id)
{
  gsize length = strlen (id);

  return length >= 5 && length <= 1024 &&
         strspn (id, "0123456789abcdefghijklmnopqrstuv") == length;
}

static void
test_event_id (void)
{
  g_autofree char *long_uid = NULL;
  g_autofree char *long_id = NULL;
  g_autofree char *short_id = NULL;
  g_autofree char *day_uid = NULL;
  g_autofree char *day_id = NULL;

  /* RFC 4648, section 10: BASE32-HEX, in lower case and without padding. */
  assert_event_id ("foobar", "cpnmuoj1e8");
  assert_event_id ("fooba", "cpnmuoj1");
  assert_event_id ("foob", "cpnmuog");
  assert_event_id ("foo", "cpnmu");
  /* Every byte value, and the same id every time. */
  assert_event_id ("\xff\xfe\xfd", "vvvfq");
  assert_event_id (TEST_UID, "dlo34b9g64p36d1l6orjgeb1c9hm8pb660oj4cpk6kr3ee1pc5h66p35cp06q"
                   "s1i5pj6ir3dedhmgpb4elm6a");

  /* A real day's uid. */
  day_uid = mp2_day_event_uid_for_day ("cicha-woda|2024-07-15");
  day_id = mp2_google_calendar_event_id (day_uid);
  g_assert_true (is_google_event_id (day_id));

  /* Too short or too long for base32hex: the SHA-256, in hex. */
  short_id = mp2_google_calendar_event_id ("fo");
  g_assert_cmpuint (strlen (short_id), ==, 64);
  g_assert_true (is_google_event_id (short_id));
  long_uid = g_strnfill (641, 'x');
  long_id = mp2_google_calendar_event_id (long_uid);
  g_assert_cmpuint (strlen (long_id), ==, 64);
  g_assert_true (is_google_event_id (long_id));
  g_free (long_uid);
  long_uid = g_strnfill (640, 'x');
  g_clear_pointer (&long_id, g_free);
  long_id = mp2_google_calendar_event_id (long_uid);
  g_assert_cmpuint (strlen (long_id), ==, 1024);
}

static void
test_base_url (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(Mp2GoogleCalendarSink) sink = NULL;
  g_autofree char *base_url = NULL;
  const char *url = mp2_fake_google_get_url (fixture->fake);
  g_autofree char *expected = g_str_has_suffix (url, "/") ? g_strdup (url)
                                                          : g_strconcat (url, "/", NULL);

  g_assert_cmpstr (mp2_calendar_sink_get_id (fixture->sink), ==, "google");

  /* Without one, MP2_CALENDAR_URL's scheme, host and port with Google's path. */
  sink = mp2_google_calendar_sink_new (fixture->account, NULL);
  g_object_get (sink, "base-url", &base_url, NULL);
  g_assert_cmpstr (base_url, ==, expected);
}

/* Calendars */

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

static void
test_list_calendars (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  Mp2CalendarInfo *info;

  mp2_fake_google_add_calendar (fixture->fake, READER_CAL, "Święta w Polsce");
  mp2_fake_google_set_calendar_access_role (fixture->fake, READER_CAL, "reader");
  mp2_fake_google_add_calendar (fixture->fake, WRITER_CAL, "Ekipa");
  mp2_fake_google_set_calendar_access_role (fixture->fake, WRITER_CAL, "writer");
  mp2_fake_google_set_calendar_summary_override (fixture->fake, WRITER_CAL, "Ekipa (moja)");

  calendars = mp2_test_sink_list_calendars (fixture->sink, WAIT_SECONDS);
  g_assert_cmpuint (calendars->len, ==, 3);

  /* The primary calendar first and the default. */
  info = g_ptr_array_index (calendars, 0);
  g_assert_cmpstr (info->id, ==, MP2_FAKE_GOOGLE_USER_EMAIL);
  g_assert_cmpstr (info->name, ==, MP2_FAKE_GOOGLE_USER_EMAIL);
  g_assert_true (info->is_default);
  g_assert_cmpstr (info->color, ==, "#9fe1e7");

  info = find_calendar (calendars, OTHER_CALENDAR);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->name, ==, "Plan zdjęciowy");
  g_assert_false (info->is_default);
  g_assert_cmpstr (info->color, ==, "#5484ed");

  /* The user's own name for a calendar shared with them. */
  info = find_calendar (calendars, WRITER_CAL);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->name, ==, "Ekipa (moja)");

  /* Holidays can be read, not written: not offered. */
  g_assert_null (find_calendar (calendars, READER_CAL));

  requests = dup_requests (fixture, "calendar.calendarList.list");
  g_assert_cmpuint (requests->len, ==, 1);
  assert_every_request_has (requests, "minAccessRole=writer");
}

static void
test_list_calendars_pages (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) calendars = NULL;
  guint added = 260;

  for (guint i = 0; i < added; i++)
    {
      g_autofree char *id = g_strdup_printf ("c_%03u@group.calendar.google.com", i);
      g_autofree char *name = g_strdup_printf ("Dzień %03u", i);

      mp2_fake_google_add_calendar (fixture->fake, id, name);
    }

  calendars = mp2_test_sink_list_calendars (fixture->sink, WAIT_SECONDS);
  g_assert_cmpuint (calendars->len, ==, 2 + added);
  g_assert_nonnull (find_calendar (calendars, "c_000@group.calendar.google.com"));
  g_assert_nonnull (find_calendar (calendars, "c_259@group.calendar.google.com"));
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake,
                                                       "calendar.calendarList.list"), ==, 2);
}

/* Writing */

static void
assert_reminders (JsonObject *stored,
                  const int  *minutes,
                  guint       n_minutes)
{
  JsonObject *reminders = json_object_get_object_member (stored, "reminders");
  JsonArray *overrides = NULL;

  g_assert_nonnull (reminders);
  g_assert_false (json_object_get_boolean_member (reminders, "useDefault"));
  overrides = json_object_get_array_member (reminders, "overrides");
  g_assert_cmpuint (json_array_get_length (overrides), ==, n_minutes);
  for (guint i = 0; i < n_minutes; i++)
    {
      JsonObject *reminder = json_array_get_object_element (overrides, i);

      g_assert_cmpstr (json_object_get_string_member (reminder, "method"), ==, "popup");
      g_assert_cmpint (json_object_get_int_member (reminder, "minutes"), ==, minutes[i]);
    }
}

static void
test_insert (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *event_id = dup_event_id ();
  const int minutes[] = { 90, 60, 45, 30, 15 };

  /* Beyond wake-up and leave: more than Google keeps, one after the start, one twice. */
  mp2_test_event_add_alarm (event, 45, "Call in 45 minutes");
  mp2_test_event_add_alarm (event, 30, "Call in 30 minutes");
  mp2_test_event_add_alarm (event, 60, "Call in 1 hour");
  mp2_test_event_add_alarm (event, -10, "Ten minutes in");
  mp2_test_event_add_alarm (event, 15, "Call in 15 minutes");
  mp2_test_event_add_alarm (event, 0, "Call now");

  etag = upsert (fixture, OTHER_CALENDAR, event);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);

  stored = dup_stored_event (fixture, OTHER_CALENDAR);
  g_assert_cmpstr (json_object_get_string_member (stored, "id"), ==, event_id);
  g_assert_cmpstr (json_object_get_string_member (stored, "etag"), ==, etag);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (stored, "summary"), ==, event->summary);
  g_assert_cmpstr (json_object_get_string_member (stored, "location"), ==, event->location);
  g_assert_cmpstr (json_object_get_string_member (stored, "description"), ==,
                   event->description);
  g_assert_cmpstr (get_path_string (stored, "start", "dateTime"), ==, "2024-07-15T06:30:00+02:00");
  g_assert_cmpstr (get_path_string (stored, "start", "timeZone"), ==, MP2_TEST_WARSAW);
  g_assert_cmpstr (get_path_string (stored, "end", "dateTime"), ==, "2024-07-15T18:00:00+02:00");
  g_assert_cmpstr (get_path_string (stored, "end", "timeZone"), ==, MP2_TEST_WARSAW);
  assert_reminders (stored, minutes, G_N_ELEMENTS (minutes));
  g_assert_cmpstr (get_path_string (json_object_get_object_member (stored, "extendedProperties"),
                                    "private", "mp2ScheduleId"), ==, "42");
  g_assert_cmpstr (get_path_string (json_object_get_object_member (stored, "extendedProperties"),
                                    "private", "mp2Uid"), ==, TEST_UID);

  /* Nobody is invited or mailed. */
  requests = dup_requests (fixture, "calendar.events.insert");
  g_assert_cmpuint (requests->len, ==, 1);
  assert_every_request_has (requests, "sendUpdates=none");
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.*"), ==, 1);
}

/* Wake-up and leave are kept when the reminders alone would fill the five. */
static void
test_reminders_plan_first (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *etag = NULL;
  const int minutes[] = { 90, 60, 1440, 120, 30 };

  g_array_set_size (event->alarms, 0);
  mp2_test_event_add_alarm (event, 1440, "Call in 24 hours");
  mp2_test_event_add_alarm (event, 120, "Call in 2 hours");
  mp2_test_event_add_alarm (event, 90, "Wake up");
  mp2_test_event_add_alarm (event, 60, "Leave for set");
  mp2_test_event_add_alarm (event, 30, "Call in 30 minutes");
  mp2_test_event_add_alarm (event, 15, "Call in 15 minutes");
  mp2_test_event_add_alarm (event, 50000, "Call in five weeks");

  etag = upsert (fixture, OTHER_CALENDAR, event);
  stored = dup_stored_event (fixture, OTHER_CALENDAR);
  assert_reminders (stored, minutes, G_N_ELEMENTS (minutes));
}

static void
test_update_with_etag (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GPtrArray) patches = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *if_match = NULL;
  const int minutes[] = { 90 };

  first = upsert (fixture, OTHER_CALENDAR, event);

  /* A revision: the call moved, the leave alarm gone, no location any more. */
  event->etag = g_strdup (first);
  g_clear_pointer (&event->start, g_date_time_unref);
  event->start = g_date_time_new_from_iso8601 ("2024-07-15T06:00:00+02:00", NULL);
  g_array_set_size (event->alarms, 1);
  g_clear_pointer (&event->location, g_free);
  second = upsert (fixture, OTHER_CALENDAR, event);

  g_assert_cmpstr (second, !=, first);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.insert"),
                    ==, 1);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.get"),
                    ==, 0);

  patches = dup_requests (fixture, "calendar.events.patch");
  g_assert_cmpuint (patches->len, ==, 1);
  if_match = g_strconcat ("If-Match: ", first, NULL);
  assert_every_request_has (patches, if_match);
  assert_every_request_has (patches, "sendUpdates=none");

  stored = dup_stored_event (fixture, OTHER_CALENDAR);
  g_assert_cmpstr (json_object_get_string_member (stored, "etag"), ==, second);
  g_assert_cmpstr (get_path_string (stored, "start", "dateTime"), ==, "2024-07-15T06:00:00+02:00");
  g_assert_cmpstr (json_object_get_string_member_with_default (stored, "location", ""), ==, "");
  assert_reminders (stored, minutes, G_N_ELEMENTS (minutes));
}

/* The user edits the event in Google: the title (ours) and the colour (theirs). */
static void
change_in_google (Fixture    *fixture,
                  const char *calendar_id)
{
  g_autofree char *event_id = dup_event_id ();
  g_autofree char *calendar = g_uri_escape_string (calendar_id, NULL, FALSE);
  g_autofree char *uri = g_strdup_printf ("%s/calendar/v3/calendars/%s/events/%s",
                                          mp2_fake_google_get_url (fixture->fake), calendar,
                                          event_id);
  g_autoptr(Mp2HttpRequest) request = mp2_http_request_new ("PATCH", uri);
  g_autoptr(JsonNode) body = json_from_string ("{\"summary\": \"Zmienione w Google\", "
                                               "\"colorId\": \"5\"}", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  mp2_http_request_set_bearer (request, fixture->access_token);
  mp2_http_request_set_json_body (request, body);
  mp2_http_client_send_async (fixture->http, request, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the change made in Google");
  response = mp2_http_client_send_finish (fixture->http, result, NULL, &error);
  g_assert_no_error (error);
}

static void
test_changed_in_google (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = upsert (fixture, OTHER_CALENDAR, event);
  change_in_google (fixture, OTHER_CALENDAR);
  mp2_fake_google_reset_request_counts (fixture->fake);

  event->etag = g_strdup (first);
  second = upsert (fixture, OTHER_CALENDAR, event);

  /* 412, read again, patched again with the new etag. */
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.patch"),
                    ==, 2);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.get"),
                    ==, 1);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);

  stored = dup_stored_event (fixture, OTHER_CALENDAR);
  g_assert_cmpstr (json_object_get_string_member (stored, "etag"), ==, second);
  /* Our title wins; the colour is the user's and stays. */
  g_assert_cmpstr (json_object_get_string_member (stored, "summary"), ==, event->summary);
  g_assert_cmpstr (json_object_get_string_member (stored, "colorId"), ==, "5");
}

static void
test_touched_in_google (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autofree char *event_id = dup_event_id ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = upsert (fixture, MP2_FAKE_GOOGLE_USER_EMAIL, event);
  g_assert_true (mp2_fake_google_touch_event (fixture->fake, MP2_FAKE_GOOGLE_USER_EMAIL,
                                              event_id));

  event->etag = g_strdup (first);
  second = upsert (fixture, "primary", event);
  g_assert_cmpstr (second, !=, first);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.patch"),
                    ==, 2);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, MP2_FAKE_GOOGLE_USER_EMAIL),
                    ==, 1);
}

/* The first insert is stored, but its answer comes too late: the retry gets 409,
 * and the event is read and patched. */
static void
test_insert_answer_lost (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *etag = NULL;
  guint fault;

  mp2_http_client_set_default_timeout (fixture->http, 1);
  fault = mp2_fake_google_add_fault (fixture->fake, "calendar.events.insert",
                                     MP2_FAKE_FAULT_HANG, 0, 1);
  mp2_fake_google_set_fault_seconds (fixture->fake, fault, 3);

  etag = upsert (fixture, OTHER_CALENDAR, event);

  g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, fault), ==, 1);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.insert"),
                    ==, 2);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.get"),
                    ==, 1);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.patch"),
                    ==, 1);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);
  stored = dup_stored_event (fixture, OTHER_CALENDAR);
  g_assert_cmpstr (json_object_get_string_member (stored, "etag"), ==, etag);
}

/* The user deleted the event in Google, which keeps it cancelled under its id. */
static void
test_deleted_in_google (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(JsonObject) stored = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  etag = upsert (fixture, OTHER_CALENDAR, event);
  g_assert_true (mp2_test_sink_delete (fixture->sink, OTHER_CALENDAR, TEST_UID, WAIT_SECONDS,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 0);

  /* Written again as if never written (the link was dropped with the delete). */
  g_clear_pointer (&etag, g_free);
  etag = upsert (fixture, OTHER_CALENDAR, event);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);
  stored = dup_stored_event (fixture, OTHER_CALENDAR);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (stored, "etag"), ==, etag);

  /* With the old etag, after the user deleted it again: 412, read, patched. */
  g_assert_true (mp2_test_sink_delete (fixture->sink, OTHER_CALENDAR, TEST_UID, WAIT_SECONDS,
                                       &error));
  event->etag = g_strdup (etag);
  g_clear_pointer (&etag, g_free);
  etag = upsert (fixture, OTHER_CALENDAR, event);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);
}

/* An etag of an event that Google does not have (another calendar chosen since):
 * the patch's 404 makes an insert. */
static void
test_patch_not_found (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autofree char *etag = NULL;

  event->etag = g_strdup ("\"3483912345999000\"");
  etag = upsert (fixture, OTHER_CALENDAR, event);

  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.patch"),
                    ==, 1);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.insert"),
                    ==, 1);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GPtrArray) deletes = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  etag = upsert (fixture, OTHER_CALENDAR, event);

  g_assert_true (mp2_test_sink_delete (fixture->sink, OTHER_CALENDAR, TEST_UID, WAIT_SECONDS,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 0);
  stored = dup_stored_event (fixture, OTHER_CALENDAR);
  g_assert_cmpstr (json_object_get_string_member (stored, "status"), ==, "cancelled");

  /* Again: 410 deleted; and one never written: 404. Both are done. */
  g_assert_true (mp2_test_sink_delete (fixture->sink, OTHER_CALENDAR, TEST_UID, WAIT_SECONDS,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (mp2_test_sink_delete (fixture->sink, OTHER_CALENDAR, "mp2-never@mp2.filmschedule",
                                       WAIT_SECONDS, &error));
  g_assert_no_error (error);

  deletes = dup_requests (fixture, "calendar.events.delete");
  g_assert_cmpuint (deletes->len, ==, 3);
  assert_every_request_has (deletes, "sendUpdates=none");
}

/* Errors */

static void
test_not_signed_in (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = NULL;

  assert_upsert_fails (fixture, OTHER_CALENDAR, event, MP2_SYNC_ERROR_AUTH);

  mp2_calendar_sink_list_calendars_async (fixture->sink, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the list of calendars");
  calendars = mp2_calendar_sink_list_calendars_finish (fixture->sink, result, &error);
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_AUTH);
  g_assert_null (calendars);

  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, NULL), ==, 0);
}

static void
test_revoked (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();

  mp2_fake_google_revoke_refresh_token (fixture->fake, fixture->refresh_token);

  assert_upsert_fails (fixture, OTHER_CALENDAR, event, MP2_SYNC_ERROR_AUTH);
  g_assert_cmpint (mp2_google_account_get_state (fixture->account), ==,
                   MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.*"), ==, 0);
}

/* A 401 is answered with a new token once; a second 401 needs the user. */
static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autofree char *etag = NULL;
  guint fault;

  fault = mp2_fake_google_add_fault (fixture->fake, "calendar.events.insert",
                                     MP2_FAKE_FAULT_TOKEN_EXPIRED, 0, 1);
  etag = upsert (fixture, OTHER_CALENDAR, event);
  g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, fault), ==, 1);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);

  fault = mp2_fake_google_add_fault (fixture->fake, "calendar.events.patch",
                                     MP2_FAKE_FAULT_TOKEN_EXPIRED, 0, 10);
  event->etag = g_strdup (etag);
  assert_upsert_fails (fixture, OTHER_CALENDAR, event, MP2_SYNC_ERROR_AUTH);
  g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, fault), ==, 2);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();

  mp2_fake_google_add_calendar (fixture->fake, READER_CAL, "Święta w Polsce");
  mp2_fake_google_set_calendar_access_role (fixture->fake, READER_CAL, "reader");

  assert_upsert_fails (fixture, READER_CAL, event, MP2_SYNC_ERROR_READ_ONLY);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, READER_CAL), ==, 0);
}

static void
test_unknown_calendar (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();

  assert_upsert_fails (fixture, UNKNOWN_CAL, event, MP2_SYNC_ERROR_NO_CALENDAR);

  /* With an etag: the patch's 404, then the insert's. */
  event->etag = g_strdup ("\"3483912345999000\"");
  assert_upsert_fails (fixture, UNKNOWN_CAL, event, MP2_SYNC_ERROR_NO_CALENDAR);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  g_cancellable_cancel (cancellable);
  etag = mp2_test_sink_upsert (fixture->sink, OTHER_CALENDAR, event, cancellable, WAIT_SECONDS,
                               &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (etag);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 0);
}

/* Retries */

typedef struct
{
  Mp2FakeFault fault;
  guint        seconds;      /* of Retry-After */
  guint        min_wait_ms;  /* what the two answers make the client wait at least */
} RetryCase;

/* An HTTP date has whole seconds: "in 2 seconds" may be a little over one. */
static const RetryCase retry_cases[] = {
  { MP2_FAKE_FAULT_SERVER_ERROR, 0, 0 },
  { MP2_FAKE_FAULT_UNAVAILABLE, 0, 0 },
  { MP2_FAKE_FAULT_RATE_LIMIT, 0, 0 },
  { MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER, 1, 1950 },
  { MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE, 2, 1950 },
  { MP2_FAKE_FAULT_QUOTA_RATE_LIMIT, 0, 0 },
  { MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT, 0, 0 },
};

static void
test_retried (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();

  for (guint i = 0; i < G_N_ELEMENTS (retry_cases); i++)
    {
      const RetryCase *retry = &retry_cases[i];
      g_autofree char *etag = NULL;
      gint64 started = g_get_monotonic_time ();
      guint fault;

      g_test_message ("fault %d", retry->fault);
      /* Twice in a row on the write; then it goes through. */
      fault = mp2_fake_google_add_fault (fixture->fake,
                                         event->etag == NULL ? "calendar.events.insert"
                                                             : "calendar.events.patch",
                                         retry->fault, 0, 2);
      if (retry->seconds > 0)
        mp2_fake_google_set_fault_seconds (fixture->fake, fault, retry->seconds);

      etag = upsert (fixture, OTHER_CALENDAR, event);
      g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, fault), ==, 2);
      g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 1);
      /* Retry-After is waited for. */
      g_assert_cmpint (g_get_monotonic_time () - started, >=,
                       (gint64) retry->min_wait_ms * 1000);

      mp2_fake_google_remove_fault (fixture->fake, fault);
      g_free (event->etag);
      event->etag = g_steal_pointer (&etag);
    }

  /* One insert, then patches only. */
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.insert"),
                    ==, 3);
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->fake, "calendar.events.get"),
                    ==, 0);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(Mp2DayEvent) event = new_event ();
  guint fault;

  /* Still failing after every retry. */
  fault = mp2_fake_google_add_fault (fixture->fake, "calendar.events.insert",
                                     MP2_FAKE_FAULT_UNAVAILABLE, 0, 100);
  assert_upsert_fails (fixture, OTHER_CALENDAR, event, MP2_SYNC_ERROR_OFFLINE);
  g_assert_cmpuint (mp2_fake_google_get_fault_hits (fixture->fake, fault), ==, 4);
  mp2_fake_google_remove_fault (fixture->fake, fault);

  fault = mp2_fake_google_add_fault (fixture->fake, "calendar.events.insert",
                                     MP2_FAKE_FAULT_QUOTA_RATE_LIMIT, 0, 100);
  assert_upsert_fails (fixture, OTHER_CALENDAR, event, MP2_SYNC_ERROR_OFFLINE);
  mp2_fake_google_remove_fault (fixture->fake, fault);

  /* Nobody listening. */
  g_clear_object (&fixture->sink);
  fixture->sink = MP2_CALENDAR_SINK (mp2_google_calendar_sink_new (fixture->account,
                                                                   "http://127.0.0.1:9/"));
  assert_upsert_fails (fixture, OTHER_CALENDAR, event, MP2_SYNC_ERROR_OFFLINE);
  g_assert_cmpuint (mp2_fake_google_count_events (fixture->fake, OTHER_CALENDAR), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/google/calendar-sink/event-id", test_event_id);

#define ADD(path, func, signed_in) \
  g_test_add ("/google/calendar-sink/" path, Fixture, GINT_TO_POINTER (signed_in), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("base-url", test_base_url, FALSE);
  ADD ("list-calendars", test_list_calendars, TRUE);
  ADD ("list-calendars-pages", test_list_calendars_pages, TRUE);
  ADD ("insert", test_insert, TRUE);
  ADD ("reminders-plan-first", test_reminders_plan_first, TRUE);
  ADD ("update-with-etag", test_update_with_etag, TRUE);
  ADD ("changed-in-google", test_changed_in_google, TRUE);
  ADD ("touched-in-google", test_touched_in_google, TRUE);
  ADD ("insert-answer-lost", test_insert_answer_lost, TRUE);
  ADD ("deleted-in-google", test_deleted_in_google, TRUE);
  ADD ("patch-not-found", test_patch_not_found, TRUE);
  ADD ("delete", test_delete, TRUE);
  ADD ("not-signed-in", test_not_signed_in, FALSE);
  ADD ("revoked", test_revoked, TRUE);
  ADD ("unauthorized", test_unauthorized, TRUE);
  ADD ("read-only", test_read_only, TRUE);
  ADD ("unknown-calendar", test_unknown_calendar, TRUE);
  ADD ("cancelled", test_cancelled, TRUE);
  ADD ("retried", test_retried, TRUE);
  ADD ("offline", test_offline, TRUE);

#undef ADD

  return g_test_run ();
}
