/* mp2-google-calendar-sink.c
 *
 * Writes a day's event into a Google calendar with Calendar API v3, through the
 * signed-in account (which adds the token and refreshes it on a 401) and its HTTP
 * client (which retries 5xx, 429 and rate-limit 403 answers with backoff).
 *
 * The Google event id is derived from the day's uid, so the event has one id before
 * it is first written:
 *
 *   no etag yet   insert with that id; a 409 (an earlier attempt was stored after
 *                 all, or the user deleted the event and Google keeps it cancelled)
 *                 reads the event for its etag and patches it;
 *   an etag       patch with If-Match; a 412 (changed in Google since) reads it again
 *                 and patches again, our fields winning; a 404 or 410 inserts anew.
 *
 * Every write says sendUpdates=none: nobody is invited, and nobody is mailed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-google-calendar-sink"

#include "config.h"

#include "mp2-google-calendar-sink.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define GOOGLE_API_URL       "https://www.googleapis.com/"
#define CALENDAR_API         "calendar"

/* Google keeps at most 5 reminder overrides, 0 to 40320 minutes (four weeks). */
#define MAX_REMINDERS        5
#define MAX_REMINDER_MINUTES 40320

/* Event ids: base32hex letters, 5 to 1024 of them. */
#define MIN_EVENT_ID_LENGTH  5
#define MAX_EVENT_ID_LENGTH  1024

/* Requests one upsert may send (insert, get, patch, after conflicts), and how many
 * 412s it accepts, so that an event changed in Google as fast as it is written
 * cannot keep it busy for ever. */
#define MAX_UPSERT_REQUESTS  10
#define MAX_CONFLICTS        3

/* calendarList pages: 250 entries is the most Google gives on one. */
#define CALENDAR_PAGE_SIZE   "250"
#define MAX_CALENDAR_PAGES   40

struct _Mp2GoogleCalendarSink
{
  GObject           parent_instance;

  Mp2GoogleAccount *account;
  char             *base_url;    /* ends with '/' */
};

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void mp2_google_calendar_sink_calendar_sink_init (Mp2CalendarSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2GoogleCalendarSink, mp2_google_calendar_sink, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_CALENDAR_SINK,
                                                      mp2_google_calendar_sink_calendar_sink_init))

/* Event ids */

static char *
encode_base32hex (const guint8 *data,
                  gsize         length)
{
  static const char alphabet[] = "0123456789abcdefghijklmnopqrstuv";
  GString *out = g_string_sized_new ((length * 8 + 4) / 5);
  guint32 bits = 0;
  guint n_bits = 0;

  for (gsize i = 0; i < length; i++)
    {
      bits = (bits << 8) | data[i];
      n_bits += 8;
      while (n_bits >= 5)
        {
          n_bits -= 5;
          g_string_append_c (out, alphabet[(bits >> n_bits) & 0x1f]);
        }
    }

  /* The last bits, padded with zero bits as RFC 4648 does; no '=' after them. */
  if (n_bits > 0)
    g_string_append_c (out, alphabet[(bits << (5 - n_bits)) & 0x1f]);

  return g_string_free (out, FALSE);
}

/**
 * mp2_google_calendar_event_id:
 * @event_uid: an event's uid
 *
 * The Google event id of an event: the uid's bytes in lowercase base32hex (RFC 4648,
 * section 7) without padding, which only uses what Google allows in an id (`0-9`,
 * `a-v`). The same uid always gives the same id, so writing an event again after an
 * attempt whose answer was lost updates it instead of making a second one.
 *
 * A uid too short or too long for an id (under 3 or over 640 bytes) gives the
 * SHA-256 of its bytes in lowercase hex instead, which is in the same alphabet.
 *
 * Returns: (transfer full): the event id, 5 to 1024 characters
 */
char *
mp2_google_calendar_event_id (const char *event_uid)
{
  g_autofree char *id = NULL;
  gsize length;

  g_return_val_if_fail (event_uid != NULL, NULL);

  length = strlen (event_uid);
  id = encode_base32hex ((const guint8 *) event_uid, length);
  if (strlen (id) < MIN_EVENT_ID_LENGTH || strlen (id) > MAX_EVENT_ID_LENGTH)
    return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) event_uid, length);

  return g_steal_pointer (&id);
}

/* Errors */

static gboolean
is_not_signed_in (const GError *error)
{
  return g_error_matches (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_NOT_SIGNED_IN);
}

static GError *
new_auth_error (const GError    *error,
                Mp2HttpResponse *response)
{
  if (is_not_signed_in (error))
    return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_AUTH,
                                _("Sign in to your Google account in Preferences to write "
                                  "shooting days to Google Calendar."));

  if (response != NULL && g_strcmp0 (response->reason, "insufficientPermissions") == 0)
    return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_AUTH,
                                _("Your Google account did not give Film Schedule access to "
                                  "your calendars. Sign in again and allow it."));

  if (g_error_matches (error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_REVOKED) ||
      g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_UNAUTHORIZED))
    return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_AUTH,
                                _("Google no longer accepts the sign-in of your account. Sign "
                                  "in again in Preferences to write shooting days to Google "
                                  "Calendar."));

  return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_AUTH,
                      /* Translators: %s says why the account cannot be used (the keyring, the
                       * app's client id…) */
                      _("Your Google account cannot be used to write to Google Calendar "
                        "now: %s"), error->message);
}

static GError *
new_offline_error (const GError *error)
{
  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_RATE_LIMITED))
    return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_OFFLINE,
                                _("Google Calendar received too many changes and asks to "
                                  "wait. Try again in a few minutes."));

  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_SERVER))
    return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_OFFLINE,
                                _("Google Calendar has a problem of its own. Try again "
                                  "later."));

  return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_OFFLINE,
                              _("Google Calendar cannot be reached now. Check your internet "
                                "connection and try again later."));
}

static GError *
new_failed_error (const GError    *error,
                  Mp2HttpResponse *response)
{
  const char *detail = response != NULL ? mp2_http_response_get_error_message (response) : NULL;

  return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED,
                      /* Translators: %s is Google's own explanation, in English, or the reason the
                       * request failed */
                      _("Google Calendar refused the event: %s"),
                      detail != NULL ? detail : error->message);
}

static GError *
map_http_error (const GError    *error,
                Mp2HttpResponse *response)
{
  switch ((Mp2HttpError) error->code)
    {
    case MP2_HTTP_ERROR_UNAUTHORIZED:
      return new_auth_error (error, response);

    case MP2_HTTP_ERROR_FORBIDDEN:
      if (response != NULL && g_strcmp0 (response->reason, "insufficientPermissions") == 0)
        return new_auth_error (error, response);
      return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_READ_ONLY,
                                  _("Your Google account cannot add events to this calendar. "
                                    "Choose another calendar in Preferences."));

    case MP2_HTTP_ERROR_NOT_FOUND:
      return g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR,
                                  _("The chosen Google calendar does not exist any more, or "
                                    "was unshared. Choose another calendar in Preferences."));

    case MP2_HTTP_ERROR_NETWORK:
    case MP2_HTTP_ERROR_TIMEOUT:
    case MP2_HTTP_ERROR_OFFLINE:
    case MP2_HTTP_ERROR_CIRCUIT_OPEN:
    case MP2_HTTP_ERROR_RATE_LIMITED:
    case MP2_HTTP_ERROR_SERVER:
    case MP2_HTTP_ERROR_BAD_RESPONSE:
      return new_offline_error (error);

    case MP2_HTTP_ERROR_BAD_REQUEST:
    case MP2_HTTP_ERROR_CONFLICT:
    case MP2_HTTP_ERROR_GONE:
    case MP2_HTTP_ERROR_PRECONDITION_FAILED:
    case MP2_HTTP_ERROR_FAILED:
    case MP2_HTTP_ERROR_INSECURE:
    default:
      return new_failed_error (error, response);
    }
}

/* The MP2_SYNC_ERROR for what the account or its HTTP client reported; a
 * cancellation stays one. The original message goes to the debug log. */
static GError *
map_error (const GError    *error,
           Mp2HttpResponse *response)
{
  g_debug ("Google Calendar: %s (status %u, reason %s)", error->message,
           response != NULL ? response->status : 0,
           response != NULL && response->reason != NULL ? response->reason : "none");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == MP2_AUTH_ERROR)
    return new_auth_error (error, response);

  if (error->domain == MP2_HTTP_ERROR)
    return map_http_error (error, response);

  return new_failed_error (error, NULL);
}

/* Requests */

static char *
escape_segment (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

/* calendar/v3/users/me/calendarList, or the events of @calendar_id, or one of them. */
static Mp2HttpRequest *
new_request (Mp2GoogleCalendarSink *self,
             const char            *method,
             const char            *calendar_id,
             const char            *event_id)
{
  g_autofree char *uri = NULL;
  Mp2HttpRequest *request;

  if (calendar_id == NULL)
    {
      uri = g_strconcat (self->base_url, "calendar/v3/users/me/calendarList", NULL);
    }
  else
    {
      g_autofree char *calendar = escape_segment (calendar_id);
      g_autofree char *event = event_id != NULL ? escape_segment (event_id) : NULL;

      uri = g_strconcat (self->base_url, "calendar/v3/calendars/", calendar, "/events",
                         event != NULL ? "/" : NULL, event, NULL);
    }

  request = mp2_http_request_new (method, uri);
  mp2_http_request_set_api (request, CALENDAR_API);

  return request;
}

/* A write that invites or mails nobody. */
static Mp2HttpRequest *
new_write_request (Mp2GoogleCalendarSink *self,
                   const char            *method,
                   const char            *calendar_id,
                   const char            *event_id)
{
  Mp2HttpRequest *request = new_request (self, method, calendar_id, event_id);

  mp2_http_request_add_query (request, "sendUpdates", "none");

  return request;
}

/* What the account's send finished with: the response, or FALSE with the error and
 * the non-2xx response, when there was one. */
static Mp2HttpResponse *
finish_send (GObject          *account,
             GAsyncResult     *result,
             Mp2HttpResponse **failed_response,
             GError          **error)
{
  return mp2_google_account_send_finish (MP2_GOOGLE_ACCOUNT (account), result,
                                         failed_response, error);
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
get_boolean_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* The event's etag in an answer: the body's, else the ETag header's; "" without. */
static char *
dup_etag (Mp2HttpResponse *response)
{
  const char *etag = get_string_member (mp2_http_response_get_object (response), "etag");

  if (etag == NULL && response->headers != NULL)
    etag = soup_message_headers_get_one (response->headers, "ETag");

  return g_strdup (etag != NULL ? etag : "");
}

/* Listing calendars */

typedef struct
{
  GPtrArray *infos;   /* Mp2CalendarInfo */
  guint      pages;
} ListData;

static void
list_data_free (ListData *data)
{
  g_ptr_array_unref (data->infos);
  g_free (data);
}

static gboolean
is_writable_role (const char *role)
{
  return g_strcmp0 (role, "writer") == 0 || g_strcmp0 (role, "owner") == 0;
}

static Mp2CalendarInfo *
new_calendar_info (JsonObject *entry)
{
  const char *id = get_string_member (entry, "id");
  const char *name = get_string_member (entry, "summaryOverride");
  const char *color = get_string_member (entry, "backgroundColor");
  Mp2CalendarInfo *info;

  if (id == NULL || !is_writable_role (get_string_member (entry, "accessRole")) ||
      get_boolean_member (entry, "deleted"))
    return NULL;

  if (name == NULL || *name == '\0')
    name = get_string_member (entry, "summary");

  info = g_new0 (Mp2CalendarInfo, 1);
  info->id = g_strdup (id);
  info->name = g_strdup (name != NULL && *name != '\0' ? name : id);
  info->color = color != NULL && *color != '\0' ? g_strdup (color) : NULL;
  info->is_default = get_boolean_member (entry, "primary");

  return info;
}

static void
add_calendar_infos (GPtrArray  *infos,
                    JsonObject *page)
{
  JsonNode *items = json_object_get_member (page, "items");
  JsonArray *array;

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    return;

  array = json_node_get_array (items);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      Mp2CalendarInfo *info;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;

      info = new_calendar_info (json_node_get_object (item));
      if (info != NULL)
        g_ptr_array_add (infos, info);
    }
}

/* The primary calendar first, then by name, as the other sinks list theirs. */
static int
compare_calendar_infos (gconstpointer a,
                        gconstpointer b)
{
  const Mp2CalendarInfo *info_a = *(const Mp2CalendarInfo * const *) a;
  const Mp2CalendarInfo *info_b = *(const Mp2CalendarInfo * const *) b;

  if (info_a->is_default != info_b->is_default)
    return info_a->is_default ? -1 : 1;

  return g_utf8_collate (info_a->name, info_b->name);
}

static void list_page (GTask      *task,
                       const char *page_token);

static void
on_list_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *page;
  const char *next_page;

  response = finish_send (object, result, &failed, &error);
  if (response == NULL)
    {
      g_task_return_error (task, map_error (error, failed));
      return;
    }

  page = mp2_http_response_get_object (response);
  if (page == NULL)
    {
      g_autoptr(GError) bad = g_error_new_literal (MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE,
                                                   "calendarList.list: no JSON object");

      g_task_return_error (task, map_error (bad, response));
      return;
    }

  add_calendar_infos (data->infos, page);

  next_page = get_string_member (page, "nextPageToken");
  if (next_page != NULL && *next_page != '\0' && data->pages < MAX_CALENDAR_PAGES)
    {
      list_page (g_steal_pointer (&task), next_page);
      return;
    }

  g_ptr_array_sort (data->infos, compare_calendar_infos);
  g_task_return_pointer (task, g_ptr_array_ref (data->infos), (GDestroyNotify) g_ptr_array_unref);
}

/* Asks for one page of the calendars the user can add events to; takes @task. */
static void
list_page (GTask      *task,
           const char *page_token)
{
  Mp2GoogleCalendarSink *self = g_task_get_source_object (task);
  ListData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpRequest) request = new_request (self, "GET", NULL, NULL);

  mp2_http_request_add_query (request, "minAccessRole", "writer");
  mp2_http_request_add_query (request, "maxResults", CALENDAR_PAGE_SIZE);
  if (page_token != NULL)
    mp2_http_request_add_query (request, "pageToken", page_token);

  data->pages++;
  mp2_google_account_send_async (self->account, request, g_task_get_cancellable (task),
                                 on_list_page_cb, task);
}

static void
mp2_google_calendar_sink_list_calendars_async (Mp2CalendarSink     *sink,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  Mp2GoogleCalendarSink *self = MP2_GOOGLE_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ListData *data = g_new0 (ListData, 1);

  g_task_set_source_tag (task, mp2_google_calendar_sink_list_calendars_async);
  data->infos = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_calendar_info_free);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  list_page (g_steal_pointer (&task), NULL);
}

static GPtrArray *
mp2_google_calendar_sink_list_calendars_finish (Mp2CalendarSink  *sink,
                                                GAsyncResult     *result,
                                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sink), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_google_calendar_sink_list_calendars_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The event as JSON */

static char *
format_date_time (GDateTime *date_time)
{
  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
}

/* A tz database name ("Europe/Warsaw", "UTC"), or NULL for a zone without one (a
 * fixed offset, the local zone read from a file): the offset in the date is then
 * all Google gets. */
static const char *
get_zone_name (GDateTime *date_time)
{
  const char *identifier = g_time_zone_get_identifier (g_date_time_get_timezone (date_time));

  if (identifier == NULL || *identifier == '\0' || *identifier == ':' || *identifier == '/' ||
      *identifier == '+' || *identifier == '-' || g_ascii_isdigit (*identifier))
    return NULL;

  if (strchr (identifier, '/') == NULL && g_strcmp0 (identifier, "UTC") != 0)
    return NULL;

  return identifier;
}

static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *date_time)
{
  g_autofree char *text = format_date_time (date_time);
  const char *zone = get_zone_name (date_time);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dateTime");
  json_builder_add_string_value (builder, text);
  if (zone != NULL)
    {
      json_builder_set_member_name (builder, "timeZone");
      json_builder_add_string_value (builder, zone);
    }
  json_builder_end_object (builder);
}

/* Whether an alarm is one of the plan's (mp2-day-event.c names them so). */
static gboolean
is_plan_alarm (const Mp2DayAlarm *alarm)
{
  /* Translators: the same text as the wake-up alarm of mp2-day-event.c */
  return g_strcmp0 (alarm->description, _("Wake up")) == 0 ||
         /* Translators: the same text as the leave alarm of mp2-day-event.c */
         g_strcmp0 (alarm->description, _("Leave for set")) == 0;
}

static gboolean
has_minutes (GArray *minutes,
             int     value)
{
  for (guint i = 0; i < minutes->len; i++)
    {
      if (g_array_index (minutes, int, i) == value)
        return TRUE;
    }

  return FALSE;
}

static void
pick_alarms (GArray            *minutes,
             const Mp2DayEvent *event,
             gboolean           plan)
{
  for (guint i = 0; event->alarms != NULL && i < event->alarms->len; i++)
    {
      const Mp2DayAlarm *alarm = &g_array_index (event->alarms, Mp2DayAlarm, i);

      if (minutes->len >= MAX_REMINDERS)
        return;
      if (is_plan_alarm (alarm) != plan)
        continue;
      if (alarm->minutes_before < 0 || alarm->minutes_before > MAX_REMINDER_MINUTES ||
          has_minutes (minutes, alarm->minutes_before))
        {
          g_debug ("No Google reminder for “%s” %d minutes before", alarm->description,
                   alarm->minutes_before);
          continue;
        }

      g_array_append_val (minutes, alarm->minutes_before);
    }
}

/* The minutes of the reminders Google gets: at most 5, the wake-up and leave alarms
 * first, then the others in the event's order; none after the start, none twice. */
static GArray *
pick_reminder_minutes (const Mp2DayEvent *event)
{
  GArray *minutes = g_array_new (FALSE, FALSE, sizeof (int));

  pick_alarms (minutes, event, TRUE);
  pick_alarms (minutes, event, FALSE);

  return minutes;
}

static void
add_reminders (JsonBuilder       *builder,
               const Mp2DayEvent *event)
{
  g_autoptr(GArray) minutes = pick_reminder_minutes (event);

  json_builder_set_member_name (builder, "reminders");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "useDefault");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "overrides");
  json_builder_begin_array (builder);
  for (guint i = 0; i < minutes->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, "popup");
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, g_array_index (minutes, int, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_private_properties (JsonBuilder       *builder,
                        const Mp2DayEvent *event)
{
  json_builder_set_member_name (builder, "extendedProperties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "private");
  json_builder_begin_object (builder);
  if (event->schedule_id != 0)
    {
      g_autofree char *schedule_id = g_strdup_printf ("%" G_GINT64_FORMAT, event->schedule_id);

      json_builder_set_member_name (builder, "mp2ScheduleId");
      json_builder_add_string_value (builder, schedule_id);
    }
  json_builder_set_member_name (builder, "mp2Uid");
  json_builder_add_string_value (builder, event->uid);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Every field the app owns, so that a patch with it makes the event ours again
 * whatever was changed in Google; other fields (colour, attendees, attachments)
 * are the user's and left alone. An empty location or description clears one set
 * before. No iCalUID: Google takes an id or an iCalUID at creation, not both. */
static JsonNode *
new_event_fields (const Mp2DayEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "summary", event->summary != NULL ? event->summary : "");
  add_string (builder, "location", event->location != NULL ? event->location : "");
  add_string (builder, "description", event->description != NULL ? event->description : "");
  add_date_time (builder, "start", event->start);
  add_date_time (builder, "end", event->end);
  add_reminders (builder, event);
  add_private_properties (builder, event);
  add_string (builder, "status", "confirmed");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The fields with the event's id, for an insert. */
static JsonNode *
new_insert_body (JsonNode   *fields,
                 const char *event_id)
{
  JsonNode *body = json_node_copy (fields);

  json_object_set_string_member (json_node_get_object (body), "id", event_id);

  return body;
}

/* Writing an event */

typedef struct
{
  char     *calendar_id;
  char     *event_id;
  JsonNode *fields;
  char     *etag;        /* for If-Match; NULL: not written yet, as far as we know */
  guint     requests;
  guint     conflicts;
} UpsertData;

static void
upsert_data_free (UpsertData *data)
{
  g_free (data->calendar_id);
  g_free (data->event_id);
  g_clear_pointer (&data->fields, json_node_unref);
  g_free (data->etag);
  g_free (data);
}

static void insert_event (GTask *task);
static void fetch_event  (GTask *task);
static void patch_event  (GTask *task);

static void
return_changing (GTask *task)
{
  UpsertData *data = g_task_get_task_data (task);

  g_debug ("Gave up writing %s after %u requests, %u conflicts", data->event_id,
           data->requests, data->conflicts);
  g_task_return_new_error (task, MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED,
                           _("The event kept changing in Google Calendar while it was "
                             "written. Try again later."));
}

/* Counts a request about to be sent; FALSE, with the task returned, when the
 * upsert has sent too many already. */
static gboolean
count_request (GTask *task)
{
  UpsertData *data = g_task_get_task_data (task);

  if (data->requests++ < MAX_UPSERT_REQUESTS)
    return TRUE;

  return_changing (task);
  return FALSE;
}

static void
send_upsert_request (GTask               *task,
                     Mp2HttpRequest      *request,
                     GAsyncReadyCallback  callback)
{
  Mp2GoogleCalendarSink *self = g_task_get_source_object (task);

  mp2_google_account_send_async (self->account, request, g_task_get_cancellable (task),
                                 callback, g_object_ref (task));
}

static gboolean
is_gone (const GError *error)
{
  return g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_NOT_FOUND) ||
         g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_GONE);
}

static void
return_written (GTask           *task,
                Mp2HttpResponse *response)
{
  UpsertData *data = g_task_get_task_data (task);

  g_debug ("Wrote %s to %s after %u request(s)", data->event_id, data->calendar_id,
           data->requests);
  g_task_return_pointer (task, dup_etag (response), g_free);
}

static void
on_event_patched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpsertData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(GError) error = NULL;

  response = finish_send (object, result, &failed, &error);
  if (response != NULL)
    {
      return_written (task, response);
      return;
    }

  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_PRECONDITION_FAILED))
    {
      g_debug ("%s changed in Google since it was written; reading it again",
               data->event_id);
      if (++data->conflicts <= MAX_CONFLICTS)
        fetch_event (task);
      else
        return_changing (task);
    }
  else if (is_gone (error))
    {
      g_debug ("%s is not in Google any more; writing it anew", data->event_id);
      insert_event (task);
    }
  else
    {
      g_task_return_error (task, map_error (error, failed));
    }
}

/* Our fields over the event, on the condition that nobody changed it since it
 * had data->etag. A retry is safe: the same fields again, or a 412 that reads it. */
static void
patch_event (GTask *task)
{
  Mp2GoogleCalendarSink *self = g_task_get_source_object (task);
  UpsertData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpRequest) request = NULL;

  if (!count_request (task))
    return;

  request = new_write_request (self, "PATCH", data->calendar_id, data->event_id);
  if (data->etag != NULL && *data->etag != '\0')
    mp2_http_request_set_header (request, "If-Match", data->etag);
  mp2_http_request_set_json_body (request, data->fields);
  mp2_http_request_set_retryable (request, TRUE);

  send_upsert_request (task, request, on_event_patched_cb);
}

static void
on_event_fetched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpsertData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(GError) error = NULL;

  response = finish_send (object, result, &failed, &error);
  if (response == NULL)
    {
      if (is_gone (error))
        insert_event (task);
      else
        g_task_return_error (task, map_error (error, failed));
      return;
    }

  g_free (data->etag);
  data->etag = dup_etag (response);
  g_debug ("%s is %s in Google, etag %s", data->event_id,
           get_string_member (mp2_http_response_get_object (response), "status"), data->etag);
  patch_event (task);
}

/* Reads the event as Google has it now, for its etag. */
static void
fetch_event (GTask *task)
{
  Mp2GoogleCalendarSink *self = g_task_get_source_object (task);
  UpsertData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpRequest) request = NULL;

  if (!count_request (task))
    return;

  request = new_request (self, "GET", data->calendar_id, data->event_id);
  send_upsert_request (task, request, on_event_fetched_cb);
}

static void
on_event_inserted_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpsertData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(GError) error = NULL;

  response = finish_send (object, result, &failed, &error);
  if (response != NULL)
    {
      return_written (task, response);
      return;
    }

  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_CONFLICT))
    {
      g_debug ("%s is in Google already (written before, or deleted there); updating it",
               data->event_id);
      fetch_event (task);
      return;
    }

  g_task_return_error (task, map_error (error, failed));
}

/* Creates the event under its own id: sending it again can only give a 409. */
static void
insert_event (GTask *task)
{
  Mp2GoogleCalendarSink *self = g_task_get_source_object (task);
  UpsertData *data = g_task_get_task_data (task);
  g_autoptr(Mp2HttpRequest) request = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (!count_request (task))
    return;

  request = new_write_request (self, "POST", data->calendar_id, NULL);
  body = new_insert_body (data->fields, data->event_id);
  mp2_http_request_set_json_body (request, body);
  mp2_http_request_set_retryable (request, TRUE);

  send_upsert_request (task, request, on_event_inserted_cb);
}

static void
mp2_google_calendar_sink_upsert_async (Mp2CalendarSink     *sink,
                                       const char          *calendar_id,
                                       const Mp2DayEvent   *event,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Mp2GoogleCalendarSink *self = MP2_GOOGLE_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  UpsertData *data = g_new0 (UpsertData, 1);

  g_task_set_source_tag (task, mp2_google_calendar_sink_upsert_async);
  /* The event is written out now: the caller's may be gone when Google answers. */
  data->calendar_id = g_strdup (calendar_id);
  data->event_id = mp2_google_calendar_event_id (event->uid);
  data->fields = new_event_fields (event);
  data->etag = event->etag != NULL && *event->etag != '\0' ? g_strdup (event->etag) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) upsert_data_free);

  if (data->etag == NULL)
    insert_event (task);
  else
    patch_event (task);
}

static char *
mp2_google_calendar_sink_upsert_finish (Mp2CalendarSink  *sink,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sink), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_google_calendar_sink_upsert_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Deleting an event */

static void
on_event_deleted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(Mp2HttpResponse) failed = NULL;
  g_autoptr(GError) error = NULL;

  response = finish_send (object, result, &failed, &error);
  /* 404: never written, or gone with its calendar; 410: deleted already. */
  if (response == NULL && !is_gone (error))
    {
      g_task_return_error (task, map_error (error, failed));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
mp2_google_calendar_sink_delete_async (Mp2CalendarSink     *sink,
                                       const char          *calendar_id,
                                       const char          *event_uid,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Mp2GoogleCalendarSink *self = MP2_GOOGLE_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *event_id = mp2_google_calendar_event_id (event_uid);
  g_autoptr(Mp2HttpRequest) request = NULL;

  g_task_set_source_tag (task, mp2_google_calendar_sink_delete_async);

  request = new_write_request (self, "DELETE", calendar_id, event_id);
  mp2_google_account_send_async (self->account, request, cancellable, on_event_deleted_cb,
                                 g_steal_pointer (&task));
}

static gboolean
mp2_google_calendar_sink_delete_finish (Mp2CalendarSink  *sink,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sink), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_google_calendar_sink_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static const char *
mp2_google_calendar_sink_get_id (Mp2CalendarSink *sink)
{
  return "google";
}

static void
mp2_google_calendar_sink_calendar_sink_init (Mp2CalendarSinkInterface *iface)
{
  iface->get_id = mp2_google_calendar_sink_get_id;
  iface->list_calendars_async = mp2_google_calendar_sink_list_calendars_async;
  iface->list_calendars_finish = mp2_google_calendar_sink_list_calendars_finish;
  iface->upsert_async = mp2_google_calendar_sink_upsert_async;
  iface->upsert_finish = mp2_google_calendar_sink_upsert_finish;
  iface->delete_async = mp2_google_calendar_sink_delete_async;
  iface->delete_finish = mp2_google_calendar_sink_delete_finish;
}

/* The object */

static void
set_base_url (Mp2GoogleCalendarSink *self,
              const char            *base_url)
{
  g_autofree char *url = NULL;

  if (base_url == NULL)
    url = mp2_http_service_url ("MP2_CALENDAR_URL", GOOGLE_API_URL);
  else
    url = g_strdup (base_url);

  if (g_str_has_suffix (url, "/"))
    self->base_url = g_steal_pointer (&url);
  else
    self->base_url = g_strconcat (url, "/", NULL);
}

static void
mp2_google_calendar_sink_constructed (GObject *object)
{
  Mp2GoogleCalendarSink *self = MP2_GOOGLE_CALENDAR_SINK (object);

  G_OBJECT_CLASS (mp2_google_calendar_sink_parent_class)->constructed (object);

  g_assert (self->account != NULL);

  if (self->base_url == NULL)
    set_base_url (self, NULL);
}

static void
mp2_google_calendar_sink_dispose (GObject *object)
{
  Mp2GoogleCalendarSink *self = MP2_GOOGLE_CALENDAR_SINK (object);

  g_clear_object (&self->account);

  G_OBJECT_CLASS (mp2_google_calendar_sink_parent_class)->dispose (object);
}

static void
mp2_google_calendar_sink_finalize (GObject *object)
{
  Mp2GoogleCalendarSink *self = MP2_GOOGLE_CALENDAR_SINK (object);

  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (mp2_google_calendar_sink_parent_class)->finalize (object);
}

static void
mp2_google_calendar_sink_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  Mp2GoogleCalendarSink *self = MP2_GOOGLE_CALENDAR_SINK (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_google_calendar_sink_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  Mp2GoogleCalendarSink *self = MP2_GOOGLE_CALENDAR_SINK (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    case PROP_BASE_URL:
      if (g_value_get_string (value) != NULL)
        set_base_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_google_calendar_sink_class_init (Mp2GoogleCalendarSinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mp2_google_calendar_sink_constructed;
  object_class->dispose = mp2_google_calendar_sink_dispose;
  object_class->finalize = mp2_google_calendar_sink_finalize;
  object_class->get_property = mp2_google_calendar_sink_get_property;
  object_class->set_property = mp2_google_calendar_sink_set_property;

  /**
   * Mp2GoogleCalendarSink:account:
   *
   * The Google account whose calendars are written, and whose token signs each
   * request.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         MP2_TYPE_GOOGLE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * Mp2GoogleCalendarSink:base-url:
   *
   * Where `calendar/v3/` is found: `https://www.googleapis.com/`, or what
   * `MP2_CALENDAR_URL` makes of it when none is given.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp2_google_calendar_sink_init (Mp2GoogleCalendarSink *self)
{
}

/**
 * mp2_google_calendar_sink_new:
 * @account: the signed-in (or not yet signed-in) Google account
 * @base_url: (nullable): where `calendar/v3/` is found; %NULL for Google's, or the
 *   `MP2_CALENDAR_URL` override
 *
 * Creates the sink of @account's Google calendars. Calendar ids are Google's own
 * (`primary`, `…@group.calendar.google.com`).
 *
 * Returns: (transfer full): a new sink
 */
Mp2GoogleCalendarSink *
mp2_google_calendar_sink_new (Mp2GoogleAccount *account,
                              const char       *base_url)
{
  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (account), NULL);

  return g_object_new (MP2_TYPE_GOOGLE_CALENDAR_SINK,
                       "account", account,
                       "base-url", base_url,
                       NULL);
}
