/* mp2-ical.c
 *
 * Time zones: a day's times are written as local times of the sheet's time zone
 * (DTSTART;TZID=Europe/Warsaw:20240715T063000) with a VTIMEZONE of that zone, so
 * that calendars show the call as printed on the sheet, also on the days the clocks
 * change, and keep it there when the viewer travels. The VTIMEZONE is libical's
 * description of the zone from the system's tz database, named by its plain tz
 * identifier (not libical's "/freeassociation.sourceforge.net/…" prefix, which
 * other calendars do not know) and cut to the rules from 1970 on. A date-time
 * whose zone has no tz identifier (a fixed offset, "UTC") is written in UTC: the
 * moment stays right and calendars show it in the viewer's own zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-ical"

#include "config.h"

#include "mp2-ical.h"

#include <libical/ical.h>

#define PRODID "-//MP2//Film Schedule " PACKAGE_VERSION "//EN"

/* The rules of a zone before this are of no use for a shooting day. A calendar
 * keeps the first VTIMEZONE it gets for a TZID and uses it for every later event,
 * so the cut must not depend on the event. */
#define ZONE_RULES_SINCE "19700101T000000Z"

static ICalComponent *
dup_zone_component (ICalTimezone *builtin,
                    const char   *identifier)
{
  g_autoptr(ICalComponent) original = i_cal_timezone_get_component (builtin);
  g_autoptr(ICalProperty) tzid = NULL;
  ICalComponent *component;
  icaltimetype since;

  if (original == NULL)
    return NULL;

  component = i_cal_component_clone (original);
  since = icaltime_from_string (ZONE_RULES_SINCE);
  /* libical-glib 3.0 has no binding for this one. */
  icaltimezone_truncate_vtimezone (i_cal_object_get_native (I_CAL_OBJECT (component)), since,
                                   icaltime_null_time (), FALSE);

  tzid = i_cal_component_get_first_property (component, I_CAL_TZID_PROPERTY);
  if (tzid != NULL)
    i_cal_property_set_tzid (tzid, identifier);
  else
    i_cal_component_take_property (component, i_cal_property_new_tzid (identifier));

  return component;
}

static ICalTime *
date_time_to_ical (GDateTime    *date_time,
                   ICalTimezone *zone)
{
  ICalTime *time = i_cal_time_new_null_time ();

  i_cal_time_set_date (time, g_date_time_get_year (date_time),
                       g_date_time_get_month (date_time),
                       g_date_time_get_day_of_month (date_time));
  i_cal_time_set_time (time, g_date_time_get_hour (date_time),
                       g_date_time_get_minute (date_time),
                       g_date_time_get_second (date_time));
  i_cal_time_set_timezone (time, zone);

  return time;
}

static gboolean
zone_agrees_with (ICalTimezone *zone,
                  GDateTime    *date_time)
{
  g_autoptr(ICalTime) local = date_time_to_ical (date_time, NULL);
  int offset = i_cal_timezone_get_utc_offset (zone, local, NULL);

  return (gint64) offset * G_USEC_PER_SEC == g_date_time_get_utc_offset (date_time);
}

/**
 * mp2_ical_timezone_for_date_time:
 * @date_time: a time of a day
 *
 * The iCalendar time zone that writes @date_time as a local time: that of its
 * #GTimeZone's tz identifier, with a VTIMEZONE cut to the rules since 1970.
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL when @date_time is to be
 *   written in UTC: its zone is UTC, has no tz identifier (a fixed offset), or
 *   libical's description of it disagrees with GLib's for @date_time
 */
ICalTimezone *
mp2_ical_timezone_for_date_time (GDateTime *date_time)
{
  GTimeZone *time_zone;
  const char *identifier;
  ICalTimezone *builtin;
  g_autoptr(ICalComponent) component = NULL;
  g_autoptr(ICalTimezone) zone = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  time_zone = g_date_time_get_timezone (date_time);
  identifier = g_time_zone_get_identifier (time_zone);
  if (identifier == NULL || g_str_equal (identifier, "UTC") || identifier[0] == '/')
    return NULL;

  builtin = i_cal_timezone_get_builtin_timezone (identifier);
  if (builtin == NULL)
    return NULL;

  component = dup_zone_component (builtin, identifier);
  if (component == NULL)
    return NULL;

  zone = i_cal_timezone_new ();
  i_cal_timezone_set_component (zone, component);
  if (!zone_agrees_with (zone, date_time))
    {
      g_autofree char *when = g_date_time_format_iso8601 (date_time);

      g_debug ("libical's %s differs from GLib's at %s; writing UTC", identifier, when);
      return NULL;
    }

  return g_steal_pointer (&zone);
}

static gboolean
has_zone (GPtrArray    *zones,
          ICalTimezone *zone)
{
  for (guint i = 0; i < zones->len; i++)
    {
      if (g_strcmp0 (i_cal_timezone_get_tzid (g_ptr_array_index (zones, i)),
                     i_cal_timezone_get_tzid (zone)) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The time as a DTSTART or DTEND property: a local time with the TZID of its
 * zone, whose VTIMEZONE is added to @zones, or a UTC time. The value itself holds
 * no zone: libical would keep a pointer to it there. */
static ICalProperty *
new_time_property (ICalPropertyKind  kind,
                   GDateTime        *date_time,
                   GPtrArray        *zones)
{
  g_autoptr(ICalTimezone) zone = mp2_ical_timezone_for_date_time (date_time);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(ICalTime) time = NULL;
  ICalProperty *property;

  if (zone != NULL)
    {
      time = date_time_to_ical (date_time, NULL);
    }
  else
    {
      utc = g_date_time_to_utc (date_time);
      time = date_time_to_ical (utc, i_cal_timezone_get_utc_timezone ());
    }

  property = kind == I_CAL_DTSTART_PROPERTY ? i_cal_property_new_dtstart (time)
                                            : i_cal_property_new_dtend (time);
  if (zone != NULL)
    {
      i_cal_property_take_parameter (property,
                                     i_cal_parameter_new_tzid (i_cal_timezone_get_tzid (zone)));
      if (!has_zone (zones, zone))
        g_ptr_array_add (zones, g_steal_pointer (&zone));
    }

  return property;
}

static ICalComponent *
new_alarm (const Mp2DayAlarm *alarm,
           const char        *fallback_description)
{
  ICalComponent *valarm = i_cal_component_new_valarm ();
  g_autoptr(ICalTrigger) trigger = i_cal_trigger_new_from_int (-alarm->minutes_before * 60);
  g_autoptr(ICalProperty) trigger_property = i_cal_property_new_trigger (trigger);
  const char *description = alarm->description;

  if (description == NULL || *description == '\0')
    description = fallback_description != NULL ? fallback_description : "";

  i_cal_component_take_property (valarm, i_cal_property_new_action (I_CAL_ACTION_DISPLAY));
  i_cal_property_take_parameter (trigger_property,
                                 i_cal_parameter_new_related (I_CAL_RELATED_START));
  i_cal_component_add_property (valarm, trigger_property);
  i_cal_component_take_property (valarm, i_cal_property_new_description (description));

  return valarm;
}

static void
add_text_property (ICalComponent *component,
                   ICalProperty  *(*new_property) (const gchar *),
                   const char    *text)
{
  if (text != NULL && *text != '\0')
    i_cal_component_take_property (component, new_property (text));
}

static void
add_marker (ICalComponent *component)
{
  ICalProperty *marker = i_cal_property_new_x (APPLICATION_ID);

  i_cal_property_set_x_name (marker, MP2_ICAL_X_PROPERTY);
  i_cal_component_take_property (component, marker);
}

static void
add_times (ICalComponent     *vevent,
           const Mp2DayEvent *event,
           GPtrArray         *zones)
{
  ICalTimezone *utc = i_cal_timezone_get_utc_timezone ();
  g_autoptr(ICalTime) stamp = i_cal_time_new_current_with_zone (utc);

  i_cal_component_take_property (vevent, i_cal_property_new_dtstamp (stamp));
  i_cal_component_take_property (vevent,
                                 new_time_property (I_CAL_DTSTART_PROPERTY, event->start, zones));
  if (event->end != NULL)
    i_cal_component_take_property (vevent,
                                   new_time_property (I_CAL_DTEND_PROPERTY, event->end, zones));
}

/**
 * mp2_ical_event_new:
 * @event: a day's event
 * @out_timezones: (out) (optional) (transfer container) (element-type ICalTimezone):
 *   the zones that the event's times name, whose VTIMEZONEs go with it
 *
 * Writes @event as a VEVENT: UID, SUMMARY, LOCATION, DESCRIPTION, DTSTAMP,
 * DTSTART/DTEND (see the top of this file for their zones), a VALARM of
 * ACTION:DISPLAY with a TRIGGER relative to the start for each alarm, and
 * %MP2_ICAL_X_PROPERTY.
 *
 * Returns: (transfer full): the VEVENT
 */
ICalComponent *
mp2_ical_event_new (const Mp2DayEvent  *event,
                    GPtrArray         **out_timezones)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_object_unref);
  ICalComponent *vevent;

  g_return_val_if_fail (event != NULL, NULL);
  g_return_val_if_fail (event->uid != NULL, NULL);
  g_return_val_if_fail (event->start != NULL, NULL);

  vevent = i_cal_component_new_vevent ();
  i_cal_component_take_property (vevent, i_cal_property_new_uid (event->uid));
  add_times (vevent, event, zones);
  add_text_property (vevent, i_cal_property_new_summary, event->summary);
  add_text_property (vevent, i_cal_property_new_location, event->location);
  add_text_property (vevent, i_cal_property_new_description, event->description);
  add_marker (vevent);

  for (guint i = 0; event->alarms != NULL && i < event->alarms->len; i++)
    i_cal_component_take_component (vevent,
                                    new_alarm (&g_array_index (event->alarms, Mp2DayAlarm, i),
                                               event->summary));

  if (out_timezones != NULL)
    *out_timezones = g_steal_pointer (&zones);

  return vevent;
}

/**
 * mp2_ical_component_is_ours:
 * @component: a VEVENT
 *
 * Returns: whether this app wrote @component
 */
gboolean
mp2_ical_component_is_ours (ICalComponent *component)
{
  g_autoptr(ICalProperty) property = NULL;

  g_return_val_if_fail (I_CAL_IS_COMPONENT (component), FALSE);

  for (property = i_cal_component_get_first_property (component, I_CAL_X_PROPERTY);
       property != NULL;
       g_set_object (&property, NULL),
       property = i_cal_component_get_next_property (component, I_CAL_X_PROPERTY))
    {
      if (g_strcmp0 (i_cal_property_get_x_name (property), MP2_ICAL_X_PROPERTY) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * mp2_ical_calendar_new:
 *
 * Returns: (transfer full): an empty VCALENDAR of VERSION 2.0 with our PRODID
 */
ICalComponent *
mp2_ical_calendar_new (void)
{
  ICalComponent *calendar = i_cal_component_new_vcalendar ();

  i_cal_component_take_property (calendar, i_cal_property_new_prodid (PRODID));
  i_cal_component_take_property (calendar, i_cal_property_new_version ("2.0"));
  i_cal_component_take_property (calendar, i_cal_property_new_calscale ("GREGORIAN"));

  return calendar;
}

/**
 * mp2_ical_calendar_parse:
 * @text: the text of an .ics file
 *
 * Returns: (transfer full) (nullable): the file's VCALENDAR, a new one when @text
 *   is blank, or %NULL when @text is not one iCalendar object
 */
ICalComponent *
mp2_ical_calendar_parse (const char *text)
{
  g_autoptr(ICalComponent) calendar = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return mp2_ical_calendar_new ();

  calendar = i_cal_parser_parse_string (stripped);
  if (calendar == NULL || i_cal_component_isa (calendar) != I_CAL_VCALENDAR_COMPONENT)
    return NULL;

  return g_steal_pointer (&calendar);
}

static gboolean
calendar_has_zone (ICalComponent *calendar,
                   const char    *tzid)
{
  g_autoptr(ICalComponent) child = NULL;

  for (child = i_cal_component_get_first_component (calendar, I_CAL_VTIMEZONE_COMPONENT);
       child != NULL;
       g_set_object (&child, NULL),
       child = i_cal_component_get_next_component (calendar, I_CAL_VTIMEZONE_COMPONENT))
    {
      g_autoptr(ICalProperty) property = i_cal_component_get_first_property (child,
                                                                             I_CAL_TZID_PROPERTY);

      if (property != NULL && g_strcmp0 (i_cal_property_get_tzid (property), tzid) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * mp2_ical_calendar_add_event:
 * @calendar: a VCALENDAR
 * @event: a VEVENT of mp2_ical_event_new()
 * @timezones: (nullable) (element-type ICalTimezone): its zones
 *
 * Adds a copy of @event to @calendar, and the VTIMEZONEs of @timezones that
 * @calendar does not have yet, before the events as is customary.
 */
void
mp2_ical_calendar_add_event (ICalComponent *calendar,
                             ICalComponent *event,
                             GPtrArray     *timezones)
{
  g_return_if_fail (I_CAL_IS_COMPONENT (calendar));
  g_return_if_fail (I_CAL_IS_COMPONENT (event));

  for (guint i = 0; timezones != NULL && i < timezones->len; i++)
    {
      ICalTimezone *zone = g_ptr_array_index (timezones, i);
      g_autoptr(ICalComponent) component = NULL;

      if (calendar_has_zone (calendar, i_cal_timezone_get_tzid (zone)))
        continue;
      component = i_cal_timezone_get_component (zone);
      i_cal_component_take_component (calendar, i_cal_component_clone (component));
    }

  i_cal_component_take_component (calendar, i_cal_component_clone (event));
}

/* The children of @calendar that @keep picks, collected first: libical's
 * iteration does not survive removing the current child. */
static GPtrArray *
collect_children (ICalComponent     *calendar,
                  ICalComponentKind  kind,
                  gboolean         (*keep) (ICalComponent *, gconstpointer),
                  gconstpointer      data)
{
  GPtrArray *children = g_ptr_array_new_with_free_func (g_object_unref);
  ICalComponent *child;

  for (child = i_cal_component_get_first_component (calendar, kind);
       child != NULL;
       child = i_cal_component_get_next_component (calendar, kind))
    {
      if (keep (child, data))
        g_ptr_array_add (children, child);
      else
        g_object_unref (child);
    }

  return children;
}

static void
remove_children (ICalComponent *calendar,
                 GPtrArray     *children)
{
  for (guint i = 0; i < children->len; i++)
    i_cal_component_remove_component (calendar, g_ptr_array_index (children, i));
}

static gboolean
has_uid (ICalComponent *component,
         gconstpointer  uid)
{
  return g_strcmp0 (i_cal_component_get_uid (component), uid) == 0;
}

/**
 * mp2_ical_calendar_remove_events:
 * @calendar: a VCALENDAR
 * @uid: an event's uid
 *
 * Removes every VEVENT of @uid from @calendar (with its recurrence exceptions).
 *
 * Returns: how many were removed
 */
guint
mp2_ical_calendar_remove_events (ICalComponent *calendar,
                                 const char    *uid)
{
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (I_CAL_IS_COMPONENT (calendar), 0);
  g_return_val_if_fail (uid != NULL, 0);

  events = collect_children (calendar, I_CAL_VEVENT_COMPONENT, has_uid, uid);
  remove_children (calendar, events);

  return events->len;
}

static void
on_tzid_parameter_cb (ICalParameter *parameter,
                      gpointer       user_data)
{
  GHashTable *used = user_data;
  const char *tzid = i_cal_parameter_get_tzid (parameter);

  if (tzid != NULL)
    g_hash_table_add (used, g_strdup (tzid));
}

static gboolean
is_unused_zone (ICalComponent *zone,
                gconstpointer  used)
{
  g_autoptr(ICalProperty) tzid = i_cal_component_get_first_property (zone, I_CAL_TZID_PROPERTY);

  return tzid == NULL || !g_hash_table_contains ((GHashTable *) used,
                                                 i_cal_property_get_tzid (tzid));
}

/**
 * mp2_ical_calendar_remove_unused_zones:
 * @calendar: a VCALENDAR
 *
 * Removes the VTIMEZONEs that no TZID parameter of @calendar names any more.
 */
void
mp2_ical_calendar_remove_unused_zones (ICalComponent *calendar)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) unused = NULL;

  g_return_if_fail (I_CAL_IS_COMPONENT (calendar));

  i_cal_component_foreach_tzid (calendar, on_tzid_parameter_cb, used);
  unused = collect_children (calendar, I_CAL_VTIMEZONE_COMPONENT, is_unused_zone, used);
  remove_children (calendar, unused);
}
