/* mp2-fake-calendars.c
 *
 * The fake Calendar's state: the user's calendars and their events. An insert takes
 * a client-chosen id (base32hex, 5–1024 characters) or makes one, and an id stays
 * taken after its event is deleted (409 `duplicate`); every write gives a new etag;
 * a patch merges objects and replaces arrays, and bumps `sequence` when the times
 * change; times without an offset need a `timeZone`, and come back with the offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-calendar-private.h"

#include <string.h>

#define FIRST_ETAG      G_GUINT64_CONSTANT (3483912345678000)
#define BASE32HEX       "0123456789abcdefghijklmnopqrstuv"
#define MAX_REMINDERS   5
#define MAX_MINUTES     40320
#define SYNC_PREFIX     "mp2-sync:"

static void
event_free (gpointer data)
{
  Mp2FakeEvent *event = data;

  json_object_unref (event->resource);
  g_free (event);
}

static void
calendar_free (gpointer data)
{
  Mp2FakeCalendar *calendar = data;

  g_free (calendar->id);
  g_free (calendar->summary);
  g_free (calendar->access_role);
  g_free (calendar->summary_override);
  g_ptr_array_unref (calendar->order);
  g_hash_table_unref (calendar->events);
  g_free (calendar);
}

static Mp2FakeCalendar *
add_calendar (Mp2FakeCalendars *calendars,
              const char       *id,
              const char       *summary,
              gboolean          primary)
{
  Mp2FakeCalendar *calendar = g_new0 (Mp2FakeCalendar, 1);

  calendar->id = g_strdup (id);
  calendar->summary = g_strdup (summary);
  calendar->primary = primary;
  calendar->events = g_hash_table_new (g_str_hash, g_str_equal);
  calendar->order = g_ptr_array_new_with_free_func (event_free);
  g_ptr_array_add (calendars->calendars, calendar);

  return calendar;
}

Mp2FakeCalendars *
mp2_fake_calendars_new (void)
{
  Mp2FakeCalendars *calendars = g_new0 (Mp2FakeCalendars, 1);

  calendars->calendars = g_ptr_array_new_with_free_func (calendar_free);
  add_calendar (calendars, MP2_FAKE_GOOGLE_USER_EMAIL, MP2_FAKE_GOOGLE_USER_EMAIL, TRUE);
  add_calendar (calendars, MP2_FAKE_GOOGLE_CALENDAR_ID, "Plan zdjęciowy", FALSE);

  return calendars;
}

void
mp2_fake_calendars_free (Mp2FakeCalendars *calendars)
{
  g_ptr_array_unref (calendars->calendars);
  g_free (calendars);
}

void
mp2_fake_problem_clear (Mp2FakeProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
}

static gboolean
set_problem (Mp2FakeProblem *problem,
             guint           status,
             const char     *reason,
             char           *message)
{
  problem->status = status;
  problem->reason = reason;
  problem->message = message;

  return FALSE;
}

static gboolean
set_sample_problem (Mp2FakeProblem *problem,
                    guint           status,
                    const char     *sample)
{
  problem->status = status;
  problem->sample = sample;

  return FALSE;
}

/**
 * mp2_fake_calendars_find:
 * @id: a calendar id, or "primary"
 *
 * Returns: (nullable): the calendar
 */
Mp2FakeCalendar *
mp2_fake_calendars_find (Mp2FakeCalendars *calendars,
                         const char       *id)
{
  for (guint i = 0; id != NULL && i < calendars->calendars->len; i++)
    {
      Mp2FakeCalendar *calendar = g_ptr_array_index (calendars->calendars, i);

      if (strcmp (calendar->id, id) == 0 || (calendar->primary && strcmp (id, "primary") == 0))
        return calendar;
    }

  return NULL;
}

Mp2FakeEvent *
mp2_fake_calendar_lookup (Mp2FakeCalendar *calendar,
                          const char      *event_id)
{
  return event_id ? g_hash_table_lookup (calendar->events, event_id) : NULL;
}

gboolean
mp2_fake_event_is_cancelled (Mp2FakeEvent *event)
{
  return g_strcmp0 (json_object_get_string_member_with_default (event->resource, "status", ""),
                    "cancelled") == 0;
}

const char *
mp2_fake_event_get_etag (Mp2FakeEvent *event)
{
  return json_object_get_string_member (event->resource, "etag");
}

/**
 * mp2_fake_parse_rfc3339:
 * @zone: (nullable): the zone of a time without an offset; %NULL: an offset is required
 *
 * Returns: (transfer full) (nullable): the time
 */
GDateTime *
mp2_fake_parse_rfc3339 (const char *text,
                        GTimeZone  *zone)
{
  if (text == NULL || strlen (text) < 19 || text[10] != 'T')
    return NULL;

  return g_date_time_new_from_iso8601 (text, zone);
}

static gboolean
is_event_id (const char *id)
{
  gsize length = strlen (id);

  return length >= 5 && length <= 1024 && strspn (id, BASE32HEX) == length;
}

/* One of start and end: a date, or a dateTime with an offset or a timeZone. The
 * answer carries the offset in the event's zone, as Google's does. */
static gboolean
normalize_time (JsonObject     *event,
                const char     *member,
                Mp2FakeProblem *problem)
{
  JsonObject *time = mp2_fake_json_get_object (event, member);
  const char *text = time ? json_object_get_string_member_with_default (time, "dateTime", NULL)
                          : NULL;
  const char *zone_name = time ? json_object_get_string_member_with_default (time, "timeZone",
                                                                             NULL) : NULL;
  g_autoptr(GTimeZone) zone = zone_name ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *formatted = NULL;

  if (time == NULL || (text == NULL && !json_object_has_member (time, "date")))
    return set_problem (problem, 400, "required", g_strdup_printf ("Missing %s time.", member));
  if (text == NULL)
    return TRUE;
  if (zone_name != NULL && zone == NULL)
    return set_problem (problem, 400, "invalid",
                        g_strdup_printf ("Invalid time zone definition for %s time.", member));

  parsed = mp2_fake_parse_rfc3339 (text, NULL);
  if (parsed == NULL && zone == NULL)
    return set_problem (problem, 400, "required",
                        g_strdup_printf ("Missing time zone definition for %s time.", member));
  if (parsed == NULL)
    parsed = mp2_fake_parse_rfc3339 (text, zone);
  if (parsed == NULL)
    return set_problem (problem, 400, "invalid", g_strdup_printf ("Invalid %s time.", member));

  local = zone ? g_date_time_to_timezone (parsed, zone) : g_date_time_ref (parsed);
  formatted = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
  json_object_set_string_member (time, "dateTime", formatted);

  return TRUE;
}

/**
 * mp2_fake_event_get_time:
 * @member: "start" or "end"
 *
 * Returns: (transfer full) (nullable): the time; an all-day date at midnight UTC
 */
GDateTime *
mp2_fake_event_get_time (Mp2FakeEvent *event,
                         const char   *member)
{
  JsonObject *time = mp2_fake_json_get_object (event->resource, member);
  const char *text = NULL;
  g_autofree char *midnight = NULL;

  if (time == NULL)
    return NULL;
  if ((text = json_object_get_string_member_with_default (time, "dateTime", NULL)) != NULL)
    return mp2_fake_parse_rfc3339 (text, NULL);
  text = json_object_get_string_member_with_default (time, "date", "");
  midnight = g_strconcat (text, "T00:00:00Z", NULL);

  return mp2_fake_parse_rfc3339 (midnight, NULL);
}

static gboolean
check_times (JsonObject     *resource,
             Mp2FakeProblem *problem)
{
  Mp2FakeEvent event = { resource, 0 };
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (!normalize_time (resource, "start", problem) || !normalize_time (resource, "end", problem))
    return FALSE;

  start = mp2_fake_event_get_time (&event, "start");
  end = mp2_fake_event_get_time (&event, "end");
  if (start == NULL || end == NULL)
    return set_problem (problem, 400, "invalid", g_strdup ("Invalid start or end time."));
  if (g_date_time_compare (end, start) < 0)
    return set_problem (problem, 400, "timeRangeEmpty",
                        g_strdup ("The specified time range is empty."));

  return TRUE;
}

static gboolean
check_reminders (JsonObject     *resource,
                 Mp2FakeProblem *problem)
{
  JsonObject *reminders = mp2_fake_json_get_object (resource, "reminders");
  JsonArray *overrides = reminders ? mp2_fake_json_get_array (reminders, "overrides") : NULL;
  guint count = overrides ? json_array_get_length (overrides) : 0;

  if (count > 0 && json_object_get_boolean_member_with_default (reminders, "useDefault", FALSE))
    return set_problem (problem, 400, "cannotUseDefaultRemindersAndSpecifyOverride",
                        g_strdup ("Cannot specify both default reminders and overrides at "
                                  "the same time."));
  if (count > MAX_REMINDERS)
    return set_problem (problem, 400, "tooManyReminders",
                        g_strdup ("Too many reminders: at most 5 overrides."));

  for (guint i = 0; i < count; i++)
    {
      JsonObject *reminder = json_array_get_object_element (overrides, i);
      gint64 minutes = json_object_get_int_member_with_default (reminder, "minutes", -1);

      if (minutes < 0 || minutes > MAX_MINUTES)
        return set_problem (problem, 400, "invalid",
                            g_strdup ("Invalid reminder minutes: from 0 to 40320."));
    }

  return TRUE;
}

static void
stamp (Mp2FakeCalendars *calendars,
       Mp2FakeEvent     *event)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = mp2_fake_format_timestamp (now);
  g_autofree char *etag = NULL;

  calendars->writes++;
  etag = g_strdup_printf ("\"%" G_GUINT64_FORMAT "\"", FIRST_ETAG + calendars->writes * 1000);
  json_object_set_string_member (event->resource, "etag", etag);
  json_object_set_string_member (event->resource, "updated", updated);
  event->write = calendars->writes;
}

static JsonObject *
make_person (const char *email)
{
  JsonObject *person = json_object_new ();

  json_object_set_string_member (person, "email", email);
  json_object_set_boolean_member (person, "self", TRUE);

  return person;
}

/* What the server keeps and the client cannot set. */
static gboolean
is_server_member (const char *name)
{
  const char *members[] = { "kind", "etag", "id", "status", "htmlLink", "created", "updated",
                            "creator", "organizer", "iCalUID", "sequence", "reminders",
                            "eventType", NULL };

  return g_strv_contains (members, name);
}

static JsonObject *
make_resource (Mp2FakeCalendar *calendar,
               JsonObject      *body,
               const char      *id,
               const char      *created)
{
  JsonObject *resource = json_object_new ();
  g_autofree char *eid_text = g_strdup_printf ("%s %s", id, calendar->id);
  g_autofree char *eid = mp2_fake_base64url_encode ((const guint8 *) eid_text, strlen (eid_text),
                                                    FALSE);
  g_autofree char *link = g_strconcat ("https://www.google.com/calendar/event?eid=", eid, NULL);
  g_autofree char *uid = g_strconcat (id, "@google.com", NULL);
  g_autoptr(GList) members = json_object_get_members (body);
  JsonNode *reminders = json_object_get_member (body, "reminders");

  json_object_set_string_member (resource, "kind", "calendar#event");
  json_object_set_string_member (resource, "etag", "");
  json_object_set_string_member (resource, "id", id);
  json_object_set_string_member (resource, "status",
                                 json_object_get_string_member_with_default (body, "status",
                                                                             "confirmed"));
  json_object_set_string_member (resource, "htmlLink", link);
  json_object_set_string_member (resource, "created", created);
  json_object_set_string_member (resource, "updated", created);
  for (GList *l = members; l != NULL; l = l->next)
    if (!is_server_member (l->data))
      json_object_set_member (resource, l->data,
                              json_node_copy (json_object_get_member (body, l->data)));
  json_object_set_object_member (resource, "creator", make_person (MP2_FAKE_GOOGLE_USER_EMAIL));
  json_object_set_object_member (resource, "organizer", make_person (calendar->id));
  json_object_set_string_member (resource, "iCalUID",
                                 json_object_get_string_member_with_default (body, "iCalUID",
                                                                             uid));
  json_object_set_int_member (resource, "sequence",
                              json_object_get_int_member_with_default (body, "sequence", 0));
  if (reminders != NULL && !JSON_NODE_HOLDS_NULL (reminders))
    json_object_set_member (resource, "reminders", json_node_copy (reminders));
  else
    json_object_set_object_member (resource, "reminders", json_object_new ());
  if (!json_object_has_member (json_object_get_object_member (resource, "reminders"),
                               "useDefault"))
    json_object_set_boolean_member (json_object_get_object_member (resource, "reminders"),
                                    "useDefault", reminders == NULL);
  json_object_set_string_member (resource, "eventType", "default");

  return resource;
}

static gboolean
check_resource (JsonObject     *resource,
                Mp2FakeProblem *problem)
{
  return check_times (resource, problem) && check_reminders (resource, problem);
}

/**
 * mp2_fake_calendars_insert:
 * @body: the Event of the request
 *
 * Returns: (transfer none) (nullable): the new event, or %NULL with @problem set
 */
Mp2FakeEvent *
mp2_fake_calendars_insert (Mp2FakeCalendars *calendars,
                           Mp2FakeCalendar  *calendar,
                           JsonObject       *body,
                           Mp2FakeProblem   *problem)
{
  const char *asked = json_object_get_string_member_with_default (body, "id", NULL);
  g_autofree char *id = asked ? g_strdup (asked) : mp2_fake_random_string (26, BASE32HEX);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = mp2_fake_format_timestamp (now);
  Mp2FakeEvent *event = NULL;
  JsonObject *resource = NULL;

  if (!is_event_id (id))
    {
      set_problem (problem, 400, "invalid", g_strdup ("Invalid resource id value."));
      return NULL;
    }
  if (g_hash_table_contains (calendar->events, id))
    {
      set_sample_problem (problem, 409, "calendar/error_409_duplicate_id.constructed.json");
      return NULL;
    }

  resource = make_resource (calendar, body, id, created);
  if (!check_resource (resource, problem))
    {
      json_object_unref (resource);
      return NULL;
    }

  event = g_new0 (Mp2FakeEvent, 1);
  event->resource = resource;
  stamp (calendars, event);
  g_ptr_array_add (calendar->order, event);
  g_hash_table_insert (calendar->events, (gpointer) json_object_get_string_member (resource, "id"),
                       event);

  return event;
}

static gboolean
is_replaced_whole (const char *member)
{
  return strcmp (member, "start") == 0 || strcmp (member, "end") == 0 ||
         strcmp (member, "reminders") == 0;
}

/* Patch semantics: objects merge, arrays and values replace, null removes. */
static void
merge (JsonObject *target,
       JsonObject *patch,
       gboolean    top)
{
  g_autoptr(GList) members = json_object_get_members (patch);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (patch, name);
      JsonNode *current = json_object_get_member (target, name);

      if (top && is_server_member (name) && strcmp (name, "status") != 0 &&
          strcmp (name, "reminders") != 0 && strcmp (name, "sequence") != 0)
        continue;
      if (JSON_NODE_HOLDS_NULL (value))
        json_object_remove_member (target, name);
      else if (JSON_NODE_HOLDS_OBJECT (value) && current && JSON_NODE_HOLDS_OBJECT (current) &&
               !(top && is_replaced_whole (name)))
        merge (json_node_get_object (current), json_node_get_object (value), FALSE);
      else
        json_object_set_member (target, name, json_node_copy (value));
    }
}

static gboolean
same_member (JsonObject *first,
             JsonObject *second,
             const char *member)
{
  JsonNode *a = json_object_get_member (first, member);
  JsonNode *b = json_object_get_member (second, member);

  return a != NULL && b != NULL && json_node_equal (a, b);
}

/**
 * mp2_fake_calendars_patch:
 * @replace: %TRUE for update (PUT): @body replaces the event
 *
 * Returns: %FALSE with @problem set if the result is not a valid event
 */
gboolean
mp2_fake_calendars_patch (Mp2FakeCalendars *calendars,
                          Mp2FakeCalendar  *calendar,
                          Mp2FakeEvent     *event,
                          JsonObject       *body,
                          gboolean          replace,
                          Mp2FakeProblem   *problem)
{
  JsonObject *old = event->resource;
  JsonObject *changed = NULL;
  gint64 sequence = json_object_get_int_member_with_default (old, "sequence", 0);

  if (replace)
    changed = make_resource (calendar, body, json_object_get_string_member (old, "id"),
                             json_object_get_string_member (old, "created"));
  else
    {
      changed = json_object_new ();
      merge (changed, old, FALSE);
      merge (changed, body, TRUE);
    }
  if (!check_resource (changed, problem))
    {
      json_object_unref (changed);
      return FALSE;
    }

  if (!same_member (old, changed, "start") || !same_member (old, changed, "end"))
    sequence++;
  json_object_set_int_member (changed, "sequence", sequence);
  json_object_set_string_member (changed, "iCalUID", json_object_get_string_member (old,
                                                                                    "iCalUID"));
  event->resource = changed;
  json_object_unref (old);
  stamp (calendars, event);

  return TRUE;
}

/* A deleted event keeps its id (a new insert of it is a duplicate) and is listed
 * as cancelled in an incremental sync. */
void
mp2_fake_calendars_delete (Mp2FakeCalendars *calendars,
                           Mp2FakeEvent     *event)
{
  json_object_set_string_member (event->resource, "status", "cancelled");
  stamp (calendars, event);
}

/**
 * mp2_fake_calendars_make_sync_token:
 *
 * Returns: (transfer full): an opaque token for the changes after now
 */
char *
mp2_fake_calendars_make_sync_token (Mp2FakeCalendars *calendars)
{
  g_autofree char *text = g_strdup_printf (SYNC_PREFIX "%" G_GUINT64_FORMAT, calendars->writes);

  return g_base64_encode ((const guint8 *) text, strlen (text));
}

gboolean
mp2_fake_calendars_parse_sync_token (const char *token,
                                     guint64    *write)
{
  gsize length = 0;
  g_autofree guint8 *data = g_base64_decode (token, &length);
  g_autofree char *text = g_strndup ((const char *) data, length);

  return g_str_has_prefix (text, SYNC_PREFIX) &&
         g_ascii_string_to_unsigned (text + strlen (SYNC_PREFIX), 10, 0, G_MAXUINT64, write,
                                     NULL);
}

/**
 * mp2_fake_google_add_calendar:
 *
 * Adds a calendar of the user's (besides the primary one and
 * %MP2_FAKE_GOOGLE_CALENDAR_ID, which are there from the start).
 */
void
mp2_fake_google_add_calendar (Mp2FakeGoogle *self,
                              const char    *calendar_id,
                              const char    *summary)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));
  g_return_if_fail (calendar_id != NULL);
  g_return_if_fail (mp2_fake_calendars_find (self->calendars, calendar_id) == NULL);

  add_calendar (self->calendars, calendar_id, summary ? summary : calendar_id, FALSE);
}

/**
 * mp2_fake_google_put_event:
 * @calendar_id: a calendar id or "primary"
 * @event_json: an Event as events.insert takes it
 *
 * An event made elsewhere (by the user in Google Calendar, say).
 *
 * Returns: (transfer full): its id, or %NULL with @error set if the insert is refused
 */
char *
mp2_fake_google_put_event (Mp2FakeGoogle *self,
                           const char    *calendar_id,
                           const char    *event_json,
                           GError       **error)
{
  g_autoptr(JsonNode) node = NULL;
  Mp2FakeCalendar *calendar = NULL;
  Mp2FakeProblem problem = { 0 };
  Mp2FakeEvent *event = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  calendar = mp2_fake_calendars_find (self->calendars, calendar_id);
  g_return_val_if_fail (calendar != NULL, NULL);
  node = json_from_string (event_json, error);
  if (node == NULL)
    return NULL;
  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (node), NULL);

  event = mp2_fake_calendars_insert (self->calendars, calendar, json_node_get_object (node),
                                     &problem);
  if (event == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%u %s", problem.status,
                   problem.message ? problem.message : problem.sample);
      mp2_fake_problem_clear (&problem);
      return NULL;
    }

  return g_strdup (json_object_get_string_member (event->resource, "id"));
}

/**
 * mp2_fake_google_dup_event:
 *
 * Returns: (transfer full) (nullable): the event resource as the API would return it
 *   (a deleted one has status "cancelled"), %NULL if it never existed
 */
JsonObject *
mp2_fake_google_dup_event (Mp2FakeGoogle *self,
                           const char    *calendar_id,
                           const char    *event_id)
{
  Mp2FakeCalendar *calendar = NULL;
  Mp2FakeEvent *event = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  calendar = mp2_fake_calendars_find (self->calendars, calendar_id);
  event = calendar ? mp2_fake_calendar_lookup (calendar, event_id) : NULL;
  if (event == NULL)
    return NULL;

  json_node_set_object (node, event->resource);
  copy = json_node_copy (node);

  return json_object_ref (json_node_get_object (copy));
}

/**
 * mp2_fake_google_touch_event:
 *
 * As if the event had been edited elsewhere: a new etag, so that a client's
 * If-Match with the old one gets 412.
 *
 * Returns: whether there is such an event
 */
gboolean
mp2_fake_google_touch_event (Mp2FakeGoogle *self,
                             const char    *calendar_id,
                             const char    *event_id)
{
  Mp2FakeCalendar *calendar = NULL;
  Mp2FakeEvent *event = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), FALSE);

  calendar = mp2_fake_calendars_find (self->calendars, calendar_id);
  event = calendar ? mp2_fake_calendar_lookup (calendar, event_id) : NULL;
  if (event == NULL)
    return FALSE;

  stamp (self->calendars, event);

  return TRUE;
}

/**
 * mp2_fake_google_count_events:
 *
 * Returns: how many events of the calendar are not deleted
 */
guint
mp2_fake_google_count_events (Mp2FakeGoogle *self,
                              const char    *calendar_id)
{
  Mp2FakeCalendar *calendar = NULL;
  guint count = 0;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);

  calendar = mp2_fake_calendars_find (self->calendars, calendar_id);
  g_return_val_if_fail (calendar != NULL, 0);

  for (guint i = 0; i < calendar->order->len; i++)
    if (!mp2_fake_event_is_cancelled (g_ptr_array_index (calendar->order, i)))
      count++;

  return count;
}

/**
 * mp2_fake_google_expire_sync_tokens:
 *
 * Every sync token given so far is too old from now on: events.list answers 410
 * `fullSyncRequired`.
 */
void
mp2_fake_google_expire_sync_tokens (Mp2FakeGoogle *self)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  self->calendars->oldest_sync = self->calendars->writes + 1;
}
