/* mp2-day-event.c
 *
 * A shooting day as a calendar event, as every calendar sink writes it: from the
 * user's call (or the crew call) to the wrap, the timeline, places, scenes and notes
 * in the description, and alarms to wake up, to leave and before the call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-event"

#include "config.h"

#include "mp2-day-event.h"
#include "mp2-day-event-private.h"

#include <glib/gi18n-lib.h>

#include "mp2-time-parse.h"

#define MINUTES_PER_DAY (24 * 60)
/* Without a wrap, the day is taken to last this long. */
#define DEFAULT_DAY_HOURS 12
/* A time of the sheet more than this before the call is after midnight ("lunch
 * 00:30" on a night shoot called at 18:00). */
#define BEFORE_CALL_LIMIT (4 * 60)
#define UID_HASH_LENGTH 32
#define UID_DOMAIN "mp2.filmschedule"
#define SUMMARY_SEPARATOR " · "

G_DEFINE_QUARK (mp2-day-event-error-quark, mp2_day_event_error)

G_DEFINE_BOXED_TYPE (Mp2DayEvent, mp2_day_event, mp2_day_event_copy, mp2_day_event_free)

/* What the parts of the event are made from. */
typedef struct
{
  Mp2CallSheet *sheet;
  GTimeZone    *time_zone;
  int           year;
  int           month;
  int           day;
  int           start_minutes;
  GDateTime    *start;
  GDateTime    *wake_up;      /* from the plan; nullable */
  GDateTime    *leave;
  GDateTime    *arrive;
} DayContext;

typedef struct
{
  GDateTime  *when;
  const char *label;
} TimelineEntry;

static void
day_context_clear (DayContext *context)
{
  g_clear_object (&context->sheet);
  g_clear_pointer (&context->time_zone, g_time_zone_unref);
  g_clear_pointer (&context->start, g_date_time_unref);
  g_clear_pointer (&context->wake_up, g_date_time_unref);
  g_clear_pointer (&context->leave, g_date_time_unref);
  g_clear_pointer (&context->arrive, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DayContext, day_context_clear)

/* The boxed type */

static void
clear_alarm (gpointer data)
{
  Mp2DayAlarm *alarm = data;

  g_clear_pointer (&alarm->description, g_free);
}

static GArray *
new_alarm_array (void)
{
  GArray *alarms = g_array_new (FALSE, TRUE, sizeof (Mp2DayAlarm));

  g_array_set_clear_func (alarms, clear_alarm);
  return alarms;
}

static void
add_alarm (GArray     *alarms,
           int         minutes_before,
           const char *description)
{
  Mp2DayAlarm alarm = { minutes_before, g_strdup (description) };

  g_array_append_val (alarms, alarm);
}

/**
 * mp2_day_event_copy:
 * @event: an #Mp2DayEvent
 *
 * Returns: (transfer full): a deep copy of @event
 */
Mp2DayEvent *
mp2_day_event_copy (const Mp2DayEvent *event)
{
  Mp2DayEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);

  copy = g_new0 (Mp2DayEvent, 1);
  copy->uid = g_strdup (event->uid);
  copy->summary = g_strdup (event->summary);
  copy->location = g_strdup (event->location);
  copy->description = g_strdup (event->description);
  copy->start = event->start != NULL ? g_date_time_ref (event->start) : NULL;
  copy->end = event->end != NULL ? g_date_time_ref (event->end) : NULL;
  copy->alarms = new_alarm_array ();
  for (guint i = 0; event->alarms != NULL && i < event->alarms->len; i++)
    {
      const Mp2DayAlarm *alarm = &g_array_index (event->alarms, Mp2DayAlarm, i);

      add_alarm (copy->alarms, alarm->minutes_before, alarm->description);
    }
  copy->schedule_id = event->schedule_id;
  copy->etag = g_strdup (event->etag);

  return copy;
}

/**
 * mp2_day_event_free:
 * @event: (nullable): an #Mp2DayEvent
 */
void
mp2_day_event_free (Mp2DayEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->uid);
  g_free (event->summary);
  g_free (event->location);
  g_free (event->description);
  g_clear_pointer (&event->start, g_date_time_unref);
  g_clear_pointer (&event->end, g_date_time_unref);
  g_clear_pointer (&event->alarms, g_array_unref);
  g_free (event->etag);
  g_free (event);
}

/**
 * mp2_day_event_uid_for_day:
 * @day_key: a day's key (mp2_day_key_new())
 *
 * The uid depends on the day alone, so every revision of a day, and every new
 * confirmation, updates the same event: `mp2-` and the first 32 hex digits of the
 * key's SHA-256, `@mp2.filmschedule`.
 *
 * Returns: (transfer full): the uid of the day's event
 */
char *
mp2_day_event_uid_for_day (const char *day_key)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (day_key != NULL, NULL);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, day_key, -1);
  return g_strdup_printf ("mp2-%.*s@" UID_DOMAIN, UID_HASH_LENGTH, hash);
}

/* Times */

/* @minutes past midnight of the day @days_after the date (negative: before it). */
static GDateTime *
new_date_time (const DayContext *context,
               int               days_after,
               int               minutes)
{
  GDate date;

  days_after += minutes / MINUTES_PER_DAY;
  minutes %= MINUTES_PER_DAY;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) context->day, (GDateMonth) context->month,
                  (GDateYear) context->year);
  if (days_after >= 0)
    g_date_add_days (&date, (guint) days_after);
  else
    g_date_subtract_days (&date, (guint) -days_after);

  return g_date_time_new (context->time_zone, g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date),
                          minutes / 60, minutes % 60, 0);
}

/* A time of the sheet: on the shooting date, or the next day when it lies too long
 * before the call to belong to the morning. */
static GDateTime *
new_sheet_time (const DayContext *context,
                int               minutes)
{
  gboolean after_midnight = minutes < context->start_minutes - BEFORE_CALL_LIMIT;

  return new_date_time (context, after_midnight ? 1 : 0, minutes);
}

/* The wrap: the next day when it is at or before the start (a night shoot). */
static GDateTime *
new_wrap_time (const DayContext *context,
               int               minutes)
{
  gboolean next_day = minutes < MINUTES_PER_DAY && minutes <= context->start_minutes;

  return new_date_time (context, next_day ? 1 : 0, minutes);
}

static gboolean
has_own_call (Mp2CallSheet *sheet)
{
  const Mp2PersonalCall *call = mp2_call_sheet_get_personal_call (sheet);

  return (call->source == MP2_PERSONAL_CALL_CREW || call->source == MP2_PERSONAL_CALL_CAST)
         && call->call != MP2_CALL_SHEET_NO_TIME;
}

/* The user's own call, else the crew call, else the shooting call. */
int
mp2_day_event_find_start_minutes (Mp2CallSheet *sheet)
{
  int minutes;

  if (has_own_call (sheet))
    return mp2_call_sheet_get_personal_call (sheet)->call;

  minutes = mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL);
  if (minutes != MP2_CALL_SHEET_NO_TIME)
    return minutes;

  return mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL);
}

static gboolean
check_sheet (Mp2CallSheet  *sheet,
             GError       **error)
{
  if (sheet == NULL)
    {
      g_set_error_literal (error, MP2_DAY_EVENT_ERROR, MP2_DAY_EVENT_ERROR_NO_SHEET,
                           _("The call sheet has not been read, so the day cannot be put "
                             "in the calendar."));
      return FALSE;
    }

  if (!mp2_call_sheet_get_date (sheet, NULL, NULL, NULL))
    {
      g_set_error_literal (error, MP2_DAY_EVENT_ERROR, MP2_DAY_EVENT_ERROR_NO_DATE,
                           _("The call sheet has no date. Add the shooting date to put the "
                             "day in the calendar."));
      return FALSE;
    }

  if (mp2_day_event_find_start_minutes (sheet) == MP2_CALL_SHEET_NO_TIME)
    {
      g_set_error_literal (error, MP2_DAY_EVENT_ERROR, MP2_DAY_EVENT_ERROR_NO_CALL,
                           _("The call sheet has no call time. Add your call or the crew "
                             "call to put the day in the calendar."));
      return FALSE;
    }

  return TRUE;
}

/* The plan */

/* "HH:MM" is the latest such time at or before the start; else ISO 8601. */
static GDateTime *
read_plan_time (const DayContext *context,
                JsonObject       *plan,
                const char       *name)
{
  g_autoptr(GDateTime) when = NULL;
  JsonNode *node = json_object_get_member (plan, name);
  const char *text;
  int minutes;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  text = json_node_get_string (node);
  minutes = mp2_time_from_string (text);
  if (minutes != MP2_NO_TIME)
    return new_date_time (context, minutes > context->start_minutes ? -1 : 0, minutes);

  when = g_date_time_new_from_iso8601 (text, context->time_zone);
  if (when == NULL)
    {
      g_debug ("Ignoring the plan's “%s”: “%s” is neither HH:MM nor ISO 8601", name, text);
      return NULL;
    }

  return g_date_time_to_timezone (when, context->time_zone);
}

static void
read_plan (DayContext *context,
           const char *plan_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *plan;

  if (plan_json == NULL)
    return;

  if (!json_parser_load_from_data (parser, plan_json, -1, &error))
    {
      g_debug ("Ignoring the day's plan: %s", error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  plan = json_node_get_object (root);
  context->wake_up = read_plan_time (context, plan, "wake_up");
  context->leave = read_plan_time (context, plan, "leave");
  context->arrive = read_plan_time (context, plan, "arrive");
}

static gboolean
init_context (DayContext   *context,
              Mp2Schedule  *schedule,
              GTimeZone    *time_zone,
              GError      **error)
{
  context->sheet = mp2_schedule_dup_effective_sheet (schedule);
  if (!check_sheet (context->sheet, error))
    return FALSE;

  context->time_zone = g_time_zone_ref (time_zone);
  mp2_call_sheet_get_date (context->sheet, &context->year, &context->month, &context->day);
  context->start_minutes = mp2_day_event_find_start_minutes (context->sheet);
  context->start = new_date_time (context, 0, context->start_minutes);
  read_plan (context, mp2_schedule_get_plan_json (schedule));

  return TRUE;
}

/* Title and place */

static const Mp2Location *
find_location (Mp2CallSheet    *sheet,
               Mp2LocationKind  kind)
{
  GPtrArray *locations = mp2_call_sheet_get_locations (sheet);

  for (guint i = 0; i < locations->len; i++)
    {
      const Mp2Location *location = g_ptr_array_index (locations, i);

      if (location->kind == kind)
        return location;
    }

  return NULL;
}

/* The first set; without one, where the crew meets, or the unit base. */
const Mp2Location *
mp2_day_event_find_main_location (Mp2CallSheet *sheet)
{
  const Mp2Location *location = find_location (sheet, MP2_LOCATION_SET);

  if (location == NULL)
    location = find_location (sheet, MP2_LOCATION_MEETING_POINT);
  if (location == NULL)
    location = find_location (sheet, MP2_LOCATION_BASE);

  return location;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* "Studio WFDiF – hala 2, ul. Chełmska 21, 00-724 Warszawa": the name helps a person,
 * the address a map. */
static char *
describe_location (const Mp2Location *location)
{
  if (is_blank (location->name))
    return g_strdup (location->address);
  if (is_blank (location->address))
    return g_strdup (location->name);

  return g_strdup_printf ("%s, %s", location->name, location->address);
}

static char *
dup_summary (Mp2CallSheet *sheet)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const Mp2Location *set = find_location (sheet, MP2_LOCATION_SET);
  const char *production = mp2_call_sheet_get_production (sheet);
  int shooting_day = mp2_call_sheet_get_shooting_day (sheet);

  if (shooting_day != MP2_CALL_SHEET_NO_NUMBER)
    /* Translators: starts the title of a calendar event; %d is the shooting day's
     * number, such as “Day 12 · Cicha Woda · Studio WFDiF – hala 2” */
    g_ptr_array_add (parts, g_strdup_printf (_("Day %d"), shooting_day));
  if (!is_blank (production))
    g_ptr_array_add (parts, g_strdup (production));
  if (set != NULL && !is_blank (set->name))
    g_ptr_array_add (parts, g_strdup (set->name));
  else if (set != NULL && !is_blank (set->address))
    g_ptr_array_add (parts, g_strdup (set->address));

  if (parts->len == 0)
    /* Translators: the title of a calendar event for a day without a title or number */
    return g_strdup (_("Shooting day"));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (SUMMARY_SEPARATOR, (char **) parts->pdata);
}

/* The timeline */

static void
clear_entry (gpointer data)
{
  TimelineEntry *entry = data;

  g_clear_pointer (&entry->when, g_date_time_unref);
}

static void
add_entry (GArray     *entries,
           GDateTime  *when,
           const char *label)
{
  TimelineEntry entry = { when, label };

  if (when != NULL)
    g_array_append_val (entries, entry);
}

static void
add_sheet_entry (GArray           *entries,
                 const DayContext *context,
                 Mp2TimeField      field,
                 const char       *label)
{
  int minutes = mp2_call_sheet_get_time (context->sheet, field);

  if (minutes == MP2_CALL_SHEET_NO_TIME)
    return;

  if (field == MP2_TIME_FIELD_ESTIMATED_WRAP)
    add_entry (entries, new_wrap_time (context, minutes), label);
  else
    add_entry (entries, new_sheet_time (context, minutes), label);
}

static void
add_plan_entry (GArray     *entries,
                GDateTime  *when,
                const char *label)
{
  if (when != NULL)
    add_entry (entries, g_date_time_ref (when), label);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const TimelineEntry *first = a;
  const TimelineEntry *second = b;

  return g_date_time_compare (first->when, second->when);
}

static GArray *
collect_timeline (const DayContext *context)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (TimelineEntry));

  g_array_set_clear_func (entries, clear_entry);
  add_plan_entry (entries, context->wake_up, _("Wake up"));
  add_plan_entry (entries, context->leave, _("Leave for set"));
  add_plan_entry (entries, context->arrive, _("Arrive on set"));
  if (has_own_call (context->sheet))
    add_entry (entries, g_date_time_ref (context->start), _("Your call"));
  add_sheet_entry (entries, context, MP2_TIME_FIELD_CREW_CALL, _("Crew call"));
  add_sheet_entry (entries, context, MP2_TIME_FIELD_BREAKFAST, _("Breakfast"));
  add_sheet_entry (entries, context, MP2_TIME_FIELD_SHOOTING_CALL, _("Shooting call"));
  add_sheet_entry (entries, context, MP2_TIME_FIELD_LUNCH, _("Lunch"));
  add_sheet_entry (entries, context, MP2_TIME_FIELD_ESTIMATED_WRAP, _("Estimated wrap"));

  /* g_array_sort() is stable: equal times keep the order above. */
  g_array_sort (entries, compare_entries);
  return entries;
}

/* "06:30", "05:00 (next day)", "22:40 (day before)" */
static char *
format_entry_time (const DayContext *context,
                   GDateTime        *when)
{
  g_autofree char *time = g_date_time_format (when, "%H:%M");
  int year;
  int month;
  int day;

  g_date_time_get_ymd (when, &year, &month, &day);
  if (year == context->year && month == context->month && day == context->day)
    return g_steal_pointer (&time);

  if (g_date_time_compare (when, context->start) > 0)
    /* Translators: a time in the day's timeline that falls after midnight */
    return g_strdup_printf (_("%s (next day)"), time);

  /* Translators: a time in the day's timeline that falls on the day before the shoot */
  return g_strdup_printf (_("%s (day before)"), time);
}

static void
append_timeline (GString          *text,
                 const DayContext *context)
{
  g_autoptr(GArray) entries = collect_timeline (context);

  for (guint i = 0; i < entries->len; i++)
    {
      const TimelineEntry *entry = &g_array_index (entries, TimelineEntry, i);
      g_autofree char *time = format_entry_time (context, entry->when);

      /* Translators: a line of the day's timeline in a calendar event: %1$s is the
       * time, %2$s what happens then, such as “06:30  Crew call” */
      g_string_append_printf (text, _("%1$s  %2$s"), time, entry->label);
      g_string_append_c (text, '\n');
    }
}

/* Places, scenes and notes */

static const char *
get_location_kind_label (Mp2LocationKind kind)
{
  switch (kind)
    {
    case MP2_LOCATION_BASE:
      return _("Unit base");
    case MP2_LOCATION_PARKING:
      return _("Parking");
    case MP2_LOCATION_CATERING:
      return _("Catering");
    case MP2_LOCATION_HOSPITAL:
      return _("Nearest hospital");
    case MP2_LOCATION_MEETING_POINT:
      return _("Meeting point");
    case MP2_LOCATION_SET:
    default:
      return _("Set");
    }
}

static void
append_heading (GString    *text,
                const char *heading)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, heading);
  g_string_append_c (text, '\n');
}

static void
append_places (GString      *text,
               Mp2CallSheet *sheet)
{
  GPtrArray *locations = mp2_call_sheet_get_locations (sheet);

  if (locations->len == 0)
    return;

  append_heading (text, _("Places"));
  for (guint i = 0; i < locations->len; i++)
    {
      const Mp2Location *location = g_ptr_array_index (locations, i);
      g_autofree char *place = describe_location (location);

      /* Translators: a place in a calendar event: %1$s is its kind, such as “Set”,
       * %2$s its name and address */
      g_string_append_printf (text, _("%1$s: %2$s"), get_location_kind_label (location->kind),
                              place != NULL ? place : "");
      g_string_append_c (text, '\n');
    }
}

static const char *
get_day_night_label (char day_night)
{
  switch (day_night)
    {
    case 'D':
      return C_("time of day of a scene", "Day");
    case 'N':
      return C_("time of day of a scene", "Night");
    case 'M':
      return C_("time of day of a scene", "Morning");
    case 'E':
      return C_("time of day of a scene", "Evening");
    default:
      return NULL;
    }
}

/* "41A · INT. KUCHNIA · Day · 1 3/8 pg." */
static void
append_scene (GString        *text,
              const Mp2Scene *scene)
{
  const char *day_night = get_day_night_label (scene->day_night);

  g_string_append (text, scene->number != NULL ? scene->number : "?");
  if (scene->set != NULL)
    g_string_append_printf (text, SUMMARY_SEPARATOR "%s", scene->set);
  if (day_night != NULL)
    g_string_append_printf (text, SUMMARY_SEPARATOR "%s", day_night);
  if (scene->pages != NULL)
    {
      g_string_append (text, SUMMARY_SEPARATOR);
      /* Translators: a scene's length in pages, as printed in eighths, such as “1 3/8” */
      g_string_append_printf (text, _("%s pg."), scene->pages);
    }
  g_string_append_c (text, '\n');
}

static void
append_scenes (GString      *text,
               Mp2CallSheet *sheet)
{
  GPtrArray *scenes = mp2_call_sheet_get_scenes (sheet);

  if (scenes->len == 0)
    return;

  append_heading (text, _("Scenes"));
  for (guint i = 0; i < scenes->len; i++)
    append_scene (text, g_ptr_array_index (scenes, i));
}

static void
append_notes (GString      *text,
              Mp2CallSheet *sheet)
{
  GPtrArray *notes = mp2_call_sheet_get_notes (sheet);

  if (notes->len == 0)
    return;

  append_heading (text, _("Notes"));
  for (guint i = 0; i < notes->len; i++)
    g_string_append_printf (text, "• %s\n", (const char *) g_ptr_array_index (notes, i));
}

static char *
dup_description (const DayContext *context)
{
  GString *text = g_string_new (NULL);

  append_timeline (text, context);
  append_places (text, context->sheet);
  append_scenes (text, context->sheet);
  append_notes (text, context->sheet);

  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

/* Alarms */

static void
add_plan_alarm (GArray           *alarms,
                const DayContext *context,
                GDateTime        *when,
                const char       *description)
{
  GTimeSpan before;

  if (when == NULL)
    return;

  before = g_date_time_difference (context->start, when);
  if (before < 0)
    {
      g_debug ("No alarm for “%s”: it is after the call", description);
      return;
    }

  add_alarm (alarms, (int) (before / G_TIME_SPAN_MINUTE), description);
}

static char *
describe_reminder (int minutes)
{
  if (minutes == 0)
    /* Translators: an alarm at the call time */
    return g_strdup (_("Call now"));

  if (minutes % 60 == 0)
    /* Translators: an alarm before the call; %d is a number of hours */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Call in %d hour", "Call in %d hours",
                                         (gulong) (minutes / 60)),
                            minutes / 60);

  /* Translators: an alarm before the call; %d is a number of minutes */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Call in %d minute",
                                       "Call in %d minutes", (gulong) minutes),
                          minutes);
}

static gboolean
has_alarm_at (GArray *alarms,
              guint   first,
              int     minutes_before)
{
  for (guint i = first; i < alarms->len; i++)
    {
      if (g_array_index (alarms, Mp2DayAlarm, i).minutes_before == minutes_before)
        return TRUE;
    }

  return FALSE;
}

static void
add_reminders (GArray    *alarms,
               const int *offsets,
               gsize      n_offsets)
{
  guint first = alarms->len;

  for (gsize i = 0; i < n_offsets; i++)
    {
      g_autofree char *description = NULL;

      if (offsets[i] < 0 || has_alarm_at (alarms, first, offsets[i]))
        continue;

      description = describe_reminder (offsets[i]);
      add_alarm (alarms, offsets[i], description);
    }
}

static int
compare_alarms (gconstpointer a,
                gconstpointer b)
{
  const Mp2DayAlarm *first = a;
  const Mp2DayAlarm *second = b;

  return (first->minutes_before < second->minutes_before)
         - (first->minutes_before > second->minutes_before);
}

/* The earliest alarm first. */
static GArray *
new_alarms (const DayContext *context,
            const int        *offsets,
            gsize             n_offsets)
{
  GArray *alarms = new_alarm_array ();

  add_plan_alarm (alarms, context, context->wake_up, _("Wake up"));
  add_plan_alarm (alarms, context, context->leave, _("Leave for set"));
  add_reminders (alarms, offsets, n_offsets);
  g_array_sort (alarms, compare_alarms);

  return alarms;
}

/* The event */

static char *
dup_uid (Mp2Schedule  *schedule,
         Mp2CallSheet *sheet)
{
  const char *day_key = mp2_schedule_get_day_key (schedule);
  g_autofree char *sheet_key = NULL;

  if (day_key == NULL)
    day_key = sheet_key = mp2_day_key_for_sheet (sheet);

  return mp2_day_event_uid_for_day (day_key);
}

static GDateTime *
new_end (const DayContext *context)
{
  int wrap = mp2_call_sheet_get_time (context->sheet, MP2_TIME_FIELD_ESTIMATED_WRAP);

  if (wrap == MP2_CALL_SHEET_NO_TIME)
    return g_date_time_add_hours (context->start, DEFAULT_DAY_HOURS);

  return new_wrap_time (context, wrap);
}

/**
 * mp2_day_event_new:
 * @schedule: a schedule with a sheet
 * @time_zone: where the day is shot
 * @reminder_offsets: (array length=n_reminder_offsets) (nullable): minutes before
 *   the start for the reminder alarms; negative ones are ignored, so are repeats
 * @n_reminder_offsets: how many there are
 * @error: return location for an #MP2_DAY_EVENT_ERROR
 *
 * Makes the event of the schedule's effective sheet (its edits applied):
 *
 * - uid: mp2_day_event_uid_for_day() of the schedule's day key (or of the sheet's
 *   key, when the schedule has none), the same for every revision;
 * - summary: "Day 12 · Cicha Woda · Studio WFDiF – hala 2", the parts the sheet
 *   does not give left out (the first set's address when it has no name);
 * - location: the first set as "name, address" (without a set: the meeting point,
 *   else the unit base), %NULL without any;
 * - start: the user's own call, else the crew call, else the shooting call, on the
 *   shooting date in @time_zone;
 * - end: the estimated wrap, the next day when it is at or before the start (a night
 *   shoot); without a wrap, 12 hours after the start;
 * - description: the timeline (the plan's wake up, leave and arrive, the user's own
 *   call, crew call, breakfast, shooting call, lunch, wrap, in time order), then the
 *   places, the scenes and the notes;
 * - alarms: wake up and leave from the plan (see mp2-day-event.h), and one per
 *   reminder offset ("Call in 1 hour"), the earliest first;
 * - schedule_id: the schedule's; etag: %NULL (the caller sets what the calendar
 *   answered last).
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with @error set when the
 *   schedule has no sheet, or the sheet no date or no call time
 */
Mp2DayEvent *
mp2_day_event_new (Mp2Schedule  *schedule,
                   GTimeZone    *time_zone,
                   const int    *reminder_offsets,
                   gsize         n_reminder_offsets,
                   GError      **error)
{
  g_auto(DayContext) context = { 0 };
  Mp2DayEvent *event;
  const Mp2Location *place;

  g_return_val_if_fail (MP2_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);
  g_return_val_if_fail (reminder_offsets != NULL || n_reminder_offsets == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!init_context (&context, schedule, time_zone, error))
    return NULL;

  place = mp2_day_event_find_main_location (context.sheet);

  event = g_new0 (Mp2DayEvent, 1);
  event->uid = dup_uid (schedule, context.sheet);
  event->summary = dup_summary (context.sheet);
  event->location = place != NULL ? describe_location (place) : NULL;
  event->description = dup_description (&context);
  event->start = g_date_time_ref (context.start);
  event->end = new_end (&context);
  event->alarms = new_alarms (&context, reminder_offsets, n_reminder_offsets);
  event->schedule_id = mp2_schedule_get_id (schedule);

  return event;
}
