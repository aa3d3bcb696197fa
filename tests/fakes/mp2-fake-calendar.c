/* mp2-fake-calendar.c
 *
 * The Calendar v3 endpoints of the fake Google: calendarList.list / get, and
 * events.insert (409 `duplicate`), get (304 on If-None-Match, a deleted event comes
 * back "cancelled"), patch and update (412 on a stale If-Match), delete (404 unknown,
 * 410 `deleted` the second time) and list (filters, paging, sync tokens with 410
 * `fullSyncRequired`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-calendar-private.h"

#include <string.h>

#define NOT_FOUND_SAMPLE "calendar/error_404_not_found.constructed.json"
#define PAGE_PREFIX      "mp2-page:"

static void
reply_problem (Mp2FakeRequest *request,
               Mp2FakeProblem *problem)
{
  if (problem->sample != NULL)
    mp2_fake_reply_sample (request, problem->status, problem->sample);
  else
    mp2_fake_reply_error (request, problem->status, problem->reason, problem->message);
  mp2_fake_problem_clear (problem);
}

static Mp2FakeCalendar *
find_calendar (Mp2FakeGoogle  *self,
               Mp2FakeRequest *request)
{
  Mp2FakeCalendar *calendar =
    mp2_fake_calendars_find (self->calendars,
                             mp2_fake_request_get_path_param (request, "calendarId"));

  if (calendar == NULL)
    mp2_fake_reply_sample (request, 404, NOT_FOUND_SAMPLE);

  return calendar;
}

static Mp2FakeEvent *
find_event (Mp2FakeGoogle    *self,
            Mp2FakeRequest   *request,
            Mp2FakeCalendar **calendar)
{
  Mp2FakeEvent *event = NULL;

  *calendar = find_calendar (self, request);
  if (*calendar == NULL)
    return NULL;

  event = mp2_fake_calendar_lookup (*calendar, mp2_fake_request_get_path_param (request,
                                                                                "eventId"));
  if (event == NULL)
    mp2_fake_reply_sample (request, 404, NOT_FOUND_SAMPLE);

  return event;
}

/* If-Match with an etag that is no longer the event's: 412. */
static gboolean
check_if_match (Mp2FakeRequest *request,
                Mp2FakeEvent   *event)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *wanted = soup_message_headers_get_one (headers, "If-Match");

  if (wanted == NULL || strcmp (wanted, "*") == 0 ||
      strcmp (wanted, mp2_fake_event_get_etag (event)) == 0)
    return TRUE;

  mp2_fake_reply_sample (request, 412, "calendar/error_412_precondition_failed.constructed.json");

  return FALSE;
}

static JsonObject *
make_list_entry (Mp2FakeCalendar *calendar)
{
  JsonObject *entry = json_object_new ();
  JsonArray *reminders = json_array_new ();
  JsonObject *reminder = json_object_new ();
  g_autofree char *etag = g_strdup_printf ("\"%" G_GUINT64_FORMAT "\"",
                                           G_GUINT64_CONSTANT (1741685400000000) +
                                           g_str_hash (calendar->id) % 1000000);

  json_object_set_string_member (entry, "kind", "calendar#calendarListEntry");
  json_object_set_string_member (entry, "etag", etag);
  json_object_set_string_member (entry, "id", calendar->id);
  json_object_set_string_member (entry, "summary", calendar->summary);
  json_object_set_string_member (entry, "timeZone", MP2_FAKE_TIME_ZONE);
  json_object_set_string_member (entry, "colorId", calendar->primary ? "14" : "9");
  json_object_set_string_member (entry, "backgroundColor", calendar->primary ? "#9fe1e7"
                                                                             : "#5484ed");
  json_object_set_string_member (entry, "foregroundColor", "#000000");
  json_object_set_boolean_member (entry, "selected", TRUE);
  json_object_set_string_member (entry, "accessRole",
                                 mp2_fake_calendar_get_access_role (calendar));
  if (calendar->summary_override != NULL)
    json_object_set_string_member (entry, "summaryOverride", calendar->summary_override);
  json_object_set_string_member (reminder, "method", "popup");
  json_object_set_int_member (reminder, "minutes", 30);
  json_array_add_object_element (reminders, reminder);
  json_object_set_array_member (entry, "defaultReminders", reminders);
  if (calendar->primary)
    json_object_set_boolean_member (entry, "primary", TRUE);

  return entry;
}

static gboolean parse_page (Mp2FakeRequest *request,
                            guint           total,
                            guint          *offset);

/* The calendars of minAccessRole or more, maxResults (100, at most 250) a page. */
static void
handle_calendar_list_list (Mp2FakeGoogle  *self,
                           Mp2FakeRequest *request)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  const char *min_role = mp2_fake_request_get_param (request, "minAccessRole");
  JsonArray *items = NULL;
  guint offset = 0, page = 0;

  for (guint i = 0; i < self->calendars->calendars->len; i++)
    if (mp2_fake_calendar_has_role (g_ptr_array_index (self->calendars->calendars, i), min_role))
      g_ptr_array_add (listed, g_ptr_array_index (self->calendars->calendars, i));
  mp2_fake_request_get_uint (request, "maxResults", 100, 250, &page);
  page = MAX (page, 1);
  if (!parse_page (request, listed->len, &offset))
    return;

  items = json_array_new ();
  for (guint i = offset; i < listed->len && i < offset + page; i++)
    json_array_add_object_element (items, make_list_entry (g_ptr_array_index (listed, i)));
  json_object_set_string_member (object, "kind", "calendar#calendarList");
  json_object_set_string_member (object, "etag", "\"p32ofplf5q6gpoo0g\"");
  if (offset + page < listed->len)
    {
      g_autofree char *text = g_strdup_printf (PAGE_PREFIX "%u", offset + page);
      g_autofree char *token = g_base64_encode ((const guint8 *) text, strlen (text));

      json_object_set_string_member (object, "nextPageToken", token);
    }
  else
    {
      g_autofree char *token = mp2_fake_calendars_make_sync_token (self->calendars);

      json_object_set_string_member (object, "nextSyncToken", token);
    }
  json_object_set_array_member (object, "items", items);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static void
handle_calendar_list_get (Mp2FakeGoogle  *self,
                          Mp2FakeRequest *request)
{
  Mp2FakeCalendar *calendar = find_calendar (self, request);
  g_autoptr(JsonObject) entry = NULL;

  if (calendar == NULL)
    return;

  entry = make_list_entry (calendar);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, entry);
}

static void
handle_events_insert (Mp2FakeGoogle  *self,
                      Mp2FakeRequest *request)
{
  Mp2FakeCalendar *calendar = find_calendar (self, request);
  Mp2FakeProblem problem = { 0 };
  Mp2FakeEvent *event = NULL;

  if (calendar == NULL || !mp2_fake_calendar_check_writable (calendar, request))
    return;

  event = mp2_fake_calendars_insert (self->calendars, calendar,
                                     mp2_fake_request_get_object (request), &problem);
  if (event == NULL)
    {
      reply_problem (request, &problem);
      return;
    }

  mp2_fake_reply_object (request, SOUP_STATUS_OK, event->resource);
}

static void
handle_events_get (Mp2FakeGoogle  *self,
                   Mp2FakeRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  Mp2FakeCalendar *calendar = NULL;
  Mp2FakeEvent *event = find_event (self, request, &calendar);

  if (event == NULL)
    return;
  if (g_strcmp0 (soup_message_headers_get_one (headers, "If-None-Match"),
                 mp2_fake_event_get_etag (event)) == 0)
    {
      mp2_fake_reply_empty (request, SOUP_STATUS_NOT_MODIFIED);
      return;
    }

  mp2_fake_reply_object (request, SOUP_STATUS_OK, event->resource);
}

static void
change_event (Mp2FakeGoogle  *self,
              Mp2FakeRequest *request,
              gboolean        replace)
{
  Mp2FakeCalendar *calendar = NULL;
  Mp2FakeEvent *event = find_event (self, request, &calendar);
  Mp2FakeProblem problem = { 0 };

  if (event == NULL || !mp2_fake_calendar_check_writable (calendar, request) ||
      !check_if_match (request, event))
    return;
  if (!mp2_fake_calendars_patch (self->calendars, calendar, event,
                                 mp2_fake_request_get_object (request), replace, &problem))
    {
      reply_problem (request, &problem);
      return;
    }

  mp2_fake_reply_object (request, SOUP_STATUS_OK, event->resource);
}

static void
handle_events_patch (Mp2FakeGoogle  *self,
                     Mp2FakeRequest *request)
{
  change_event (self, request, FALSE);
}

static void
handle_events_update (Mp2FakeGoogle  *self,
                      Mp2FakeRequest *request)
{
  change_event (self, request, TRUE);
}

static void
handle_events_delete (Mp2FakeGoogle  *self,
                      Mp2FakeRequest *request)
{
  Mp2FakeCalendar *calendar = NULL;
  Mp2FakeEvent *event = find_event (self, request, &calendar);

  if (event == NULL || !mp2_fake_calendar_check_writable (calendar, request) ||
      !check_if_match (request, event))
    return;
  if (mp2_fake_event_is_cancelled (event))
    {
      mp2_fake_reply_sample (request, 410, "calendar/error_410_deleted.constructed.json");
      return;
    }

  mp2_fake_calendars_delete (self->calendars, event);
  mp2_fake_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

typedef struct
{
  gboolean   incremental;
  guint64    since;
  gboolean   show_deleted;
  GDateTime *time_min;
  GDateTime *time_max;
  GPtrArray *private_properties;
  GPtrArray *shared_properties;
  const char *ical_uid;
  const char *text;
  gboolean   by_start;
} ListFilter;

static void
list_filter_clear (ListFilter *filter)
{
  g_clear_pointer (&filter->time_min, g_date_time_unref);
  g_clear_pointer (&filter->time_max, g_date_time_unref);
  g_clear_pointer (&filter->private_properties, g_ptr_array_unref);
  g_clear_pointer (&filter->shared_properties, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListFilter, list_filter_clear)

static gboolean
has_properties (JsonObject *resource,
                const char *member,
                GPtrArray  *wanted)
{
  JsonObject *extended = mp2_fake_json_get_object (resource, "extendedProperties");
  JsonObject *properties = extended ? mp2_fake_json_get_object (extended, member)
                                    : NULL;

  for (guint i = 0; i < wanted->len; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_ptr_array_index (wanted, i), "=", 2);

      if (properties == NULL || pair[1] == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (properties, pair[0], NULL),
                     pair[1]) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
contains_text (JsonObject *resource,
               const char *text)
{
  const char *members[] = { "summary", "description", "location" };
  g_autofree char *wanted = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *value = json_object_get_string_member_with_default (resource, members[i], "");
      g_autofree char *folded = g_utf8_casefold (value, -1);

      if (strstr (folded, wanted) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_in_time_range (Mp2FakeEvent *event,
                  ListFilter   *filter)
{
  g_autoptr(GDateTime) start = mp2_fake_event_get_time (event, "start");
  g_autoptr(GDateTime) end = mp2_fake_event_get_time (event, "end");

  if (filter->time_min != NULL && end != NULL && g_date_time_compare (end, filter->time_min) <= 0)
    return FALSE;
  if (filter->time_max != NULL && start != NULL &&
      g_date_time_compare (start, filter->time_max) >= 0)
    return FALSE;

  return TRUE;
}

static gboolean
is_event_listed (Mp2FakeEvent *event,
                 ListFilter   *filter)
{
  JsonObject *resource = event->resource;

  if (filter->incremental)
    return event->write > filter->since;
  if (mp2_fake_event_is_cancelled (event) && !filter->show_deleted)
    return FALSE;
  if (!is_in_time_range (event, filter))
    return FALSE;
  if (filter->ical_uid != NULL &&
      g_strcmp0 (json_object_get_string_member (resource, "iCalUID"), filter->ical_uid) != 0)
    return FALSE;
  if (filter->text != NULL && !contains_text (resource, filter->text))
    return FALSE;

  return has_properties (resource, "private", filter->private_properties) &&
         has_properties (resource, "shared", filter->shared_properties);
}

static gboolean
parse_time_bound (Mp2FakeRequest *request,
                  const char     *name,
                  GDateTime     **time)
{
  const char *text = mp2_fake_request_get_param (request, name);
  g_autofree char *message = NULL;

  if (text == NULL)
    return TRUE;
  *time = mp2_fake_parse_rfc3339 (text, NULL);
  if (*time != NULL)
    return TRUE;

  message = g_strdup_printf ("Bad Request: %s must be an RFC 3339 time with an offset", name);
  mp2_fake_reply_error (request, 400, "badRequest", message);

  return FALSE;
}

static gboolean
uses_other_filters (Mp2FakeRequest *request)
{
  const char *names[] = { "iCalUID", "orderBy", "privateExtendedProperty", "q",
                          "sharedExtendedProperty", "timeMin", "timeMax", "updatedMin" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (mp2_fake_request_get_param (request, names[i]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
parse_sync (Mp2FakeGoogle  *self,
            Mp2FakeRequest *request,
            ListFilter     *filter)
{
  const char *token = mp2_fake_request_get_param (request, "syncToken");

  if (token == NULL)
    return TRUE;
  if (uses_other_filters (request))
    {
      mp2_fake_reply_error (request, 400, "invalid",
                            "syncToken cannot be combined with other filters.");
      return FALSE;
    }
  if (!mp2_fake_calendars_parse_sync_token (token, &filter->since))
    {
      mp2_fake_reply_error (request, 400, "invalid", "Invalid sync token value.");
      return FALSE;
    }
  if (filter->since < self->calendars->oldest_sync)
    {
      mp2_fake_reply_sample (request, 410, "calendar/error_410_full_sync_required.assembled.json");
      return FALSE;
    }
  filter->incremental = TRUE;

  return TRUE;
}

static gboolean
parse_filter (Mp2FakeGoogle  *self,
              Mp2FakeRequest *request,
              ListFilter     *filter)
{
  filter->show_deleted = mp2_fake_request_get_bool (request, "showDeleted");
  filter->private_properties = mp2_fake_request_dup_params (request, "privateExtendedProperty");
  filter->shared_properties = mp2_fake_request_dup_params (request, "sharedExtendedProperty");
  filter->ical_uid = mp2_fake_request_get_param (request, "iCalUID");
  filter->text = mp2_fake_request_get_param (request, "q");
  filter->by_start = g_strcmp0 (mp2_fake_request_get_param (request, "orderBy"), "startTime") == 0;

  if (!parse_sync (self, request, filter) ||
      !parse_time_bound (request, "timeMin", &filter->time_min) ||
      !parse_time_bound (request, "timeMax", &filter->time_max))
    return FALSE;
  if (filter->time_min && filter->time_max &&
      g_date_time_compare (filter->time_min, filter->time_max) >= 0)
    {
      mp2_fake_reply_sample (request, 400, "calendar/error_400_time_range_empty.docs.json");
      return FALSE;
    }
  if (filter->by_start && !mp2_fake_request_get_bool (request, "singleEvents"))
    {
      mp2_fake_reply_error (request, 400, "badRequest",
                            "The requested ordering is not available for the particular query.");
      return FALSE;
    }

  return TRUE;
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  g_autoptr(GDateTime) first = mp2_fake_event_get_time (*(Mp2FakeEvent * const *) a, "start");
  g_autoptr(GDateTime) second = mp2_fake_event_get_time (*(Mp2FakeEvent * const *) b, "start");

  if (first == NULL || second == NULL)
    return (first != NULL) - (second != NULL);

  return g_date_time_compare (first, second);
}

/* A cancelled event in an incremental sync is only its id and status. */
static JsonObject *
make_list_item (Mp2FakeEvent *event,
                ListFilter   *filter)
{
  JsonObject *item = NULL;

  if (!filter->incremental || !mp2_fake_event_is_cancelled (event))
    return json_object_ref (event->resource);

  item = json_object_new ();
  json_object_set_string_member (item, "kind", "calendar#event");
  json_object_set_string_member (item, "etag", mp2_fake_event_get_etag (event));
  json_object_set_string_member (item, "id", json_object_get_string_member (event->resource,
                                                                            "id"));
  json_object_set_string_member (item, "status", "cancelled");

  return item;
}

static gboolean
parse_page (Mp2FakeRequest *request,
            guint           total,
            guint          *offset)
{
  const char *token = mp2_fake_request_get_param (request, "pageToken");
  gsize length = 0;
  g_autofree guint8 *data = token ? g_base64_decode (token, &length) : NULL;
  g_autofree char *text = g_strndup ((const char *) data, length);
  guint64 number = 0;

  *offset = 0;
  if (token == NULL)
    return TRUE;
  if (!g_str_has_prefix (text, PAGE_PREFIX) ||
      !g_ascii_string_to_unsigned (text + strlen (PAGE_PREFIX), 10, 0, total, &number, NULL))
    {
      mp2_fake_reply_error (request, 400, "invalid", "Invalid page token value.");
      return FALSE;
    }
  *offset = number;

  return TRUE;
}

static void
fill_list (Mp2FakeGoogle   *self,
           Mp2FakeCalendar *calendar,
           JsonObject      *object)
{
  JsonArray *reminders = json_array_new ();
  JsonObject *reminder = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = mp2_fake_format_timestamp (now);
  g_autofree char *etag = g_strdup_printf ("\"p3%" G_GINT64_MODIFIER "xo0o\"",
                                           self->calendars->writes);

  json_object_set_string_member (object, "kind", "calendar#events");
  json_object_set_string_member (object, "etag", etag);
  json_object_set_string_member (object, "summary", calendar->summary);
  json_object_set_string_member (object, "description", "");
  json_object_set_string_member (object, "updated", updated);
  json_object_set_string_member (object, "timeZone", MP2_FAKE_TIME_ZONE);
  json_object_set_string_member (object, "accessRole", "owner");
  json_object_set_string_member (reminder, "method", "popup");
  json_object_set_int_member (reminder, "minutes", 30);
  json_array_add_object_element (reminders, reminder);
  json_object_set_array_member (object, "defaultReminders", reminders);
}

static void
handle_events_list (Mp2FakeGoogle  *self,
                    Mp2FakeRequest *request)
{
  Mp2FakeCalendar *calendar = find_calendar (self, request);
  g_auto(ListFilter) filter = { 0 };
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray *items = NULL;
  guint offset = 0, page = 0;

  if (calendar == NULL || !parse_filter (self, request, &filter))
    return;

  for (guint i = 0; i < calendar->order->len; i++)
    if (is_event_listed (g_ptr_array_index (calendar->order, i), &filter))
      g_ptr_array_add (listed, g_ptr_array_index (calendar->order, i));
  if (filter.by_start)
    g_ptr_array_sort (listed, compare_start);
  mp2_fake_request_get_uint (request, "maxResults", 250, 2500, &page);
  if (!parse_page (request, listed->len, &offset))
    return;

  fill_list (self, calendar, object);
  items = json_array_new ();
  for (guint i = offset; i < listed->len && i < offset + MAX (page, 1); i++)
    json_array_add_object_element (items, make_list_item (g_ptr_array_index (listed, i), &filter));
  if (offset + MAX (page, 1) < listed->len)
    {
      g_autofree char *text = g_strdup_printf (PAGE_PREFIX "%u", offset + MAX (page, 1));
      g_autofree char *token = g_base64_encode ((const guint8 *) text, strlen (text));

      json_object_set_string_member (object, "nextPageToken", token);
    }
  else
    {
      g_autofree char *token = mp2_fake_calendars_make_sync_token (self->calendars);

      json_object_set_string_member (object, "nextSyncToken", token);
    }
  json_object_set_array_member (object, "items", items);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

void
mp2_fake_calendar_register (GHashTable *handlers)
{
  g_hash_table_insert (handlers, "calendar.calendarList.list", handle_calendar_list_list);
  g_hash_table_insert (handlers, "calendar.calendarList.get", handle_calendar_list_get);
  g_hash_table_insert (handlers, "calendar.events.insert", handle_events_insert);
  g_hash_table_insert (handlers, "calendar.events.get", handle_events_get);
  g_hash_table_insert (handlers, "calendar.events.patch", handle_events_patch);
  g_hash_table_insert (handlers, "calendar.events.update", handle_events_update);
  g_hash_table_insert (handlers, "calendar.events.delete", handle_events_delete);
  g_hash_table_insert (handlers, "calendar.events.list", handle_events_list);
}
