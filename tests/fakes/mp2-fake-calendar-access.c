/* mp2-fake-calendar-access.c
 *
 * The user's access to each fake calendar, as calendarList shows it: a role
 * (freeBusyReader < reader < writer < owner; owner unless set) that minAccessRole
 * filters on and that a write needs to be at least writer for (else 403
 * `requiredAccessLevel`, as Google answers for a calendar shared read-only), and the
 * user's own name for a calendar (summaryOverride).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-calendar-private.h"

static const char * const roles[] = { "freeBusyReader", "reader", "writer", "owner", NULL };

static int
rank_role (const char *role)
{
  for (guint i = 0; roles[i] != NULL; i++)
    if (g_strcmp0 (roles[i], role) == 0)
      return (int) i;

  return -1;
}

const char *
mp2_fake_calendar_get_access_role (Mp2FakeCalendar *calendar)
{
  return calendar->access_role != NULL ? calendar->access_role : "owner";
}

/**
 * mp2_fake_calendar_has_role:
 * @min_role: (nullable): a role of calendarList.list's minAccessRole; %NULL for any
 *
 * Returns: whether the user's role in @calendar is @min_role or more
 */
gboolean
mp2_fake_calendar_has_role (Mp2FakeCalendar *calendar,
                            const char      *min_role)
{
  return min_role == NULL ||
         rank_role (mp2_fake_calendar_get_access_role (calendar)) >= rank_role (min_role);
}

/**
 * mp2_fake_calendar_check_writable:
 *
 * Answers 403 `requiredAccessLevel` when the user may not change @calendar's events.
 *
 * Returns: whether they may
 */
gboolean
mp2_fake_calendar_check_writable (Mp2FakeCalendar *calendar,
                                  Mp2FakeRequest  *request)
{
  if (mp2_fake_calendar_has_role (calendar, "writer"))
    return TRUE;

  mp2_fake_reply_error (request, 403, "requiredAccessLevel",
                        "You need to have writer access to this calendar.");

  return FALSE;
}

static Mp2FakeCalendar *
find_calendar (Mp2FakeGoogle *self,
               const char    *calendar_id)
{
  Mp2FakeCalendar *calendar = mp2_fake_calendars_find (self->calendars, calendar_id);

  g_return_val_if_fail (calendar != NULL, NULL);

  return calendar;
}

/**
 * mp2_fake_google_set_calendar_access_role:
 * @calendar_id: a calendar of the fake
 * @access_role: "freeBusyReader", "reader", "writer" or "owner"
 *
 * The user's access to the calendar: only writer and owner can add events.
 */
void
mp2_fake_google_set_calendar_access_role (Mp2FakeGoogle *self,
                                          const char    *calendar_id,
                                          const char    *access_role)
{
  Mp2FakeCalendar *calendar = NULL;

  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));
  g_return_if_fail (rank_role (access_role) >= 0);

  calendar = find_calendar (self, calendar_id);
  if (calendar == NULL)
    return;

  g_free (calendar->access_role);
  calendar->access_role = g_strdup (access_role);
}

/**
 * mp2_fake_google_set_calendar_summary_override:
 * @calendar_id: a calendar of the fake
 * @summary_override: (nullable): the user's own name for it; %NULL for none
 */
void
mp2_fake_google_set_calendar_summary_override (Mp2FakeGoogle *self,
                                               const char    *calendar_id,
                                               const char    *summary_override)
{
  Mp2FakeCalendar *calendar = NULL;

  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  calendar = find_calendar (self, calendar_id);
  if (calendar == NULL)
    return;

  g_free (calendar->summary_override);
  calendar->summary_override = g_strdup (summary_override);
}
