/* mp2-fake-calendar-private.h
 *
 * The fake Calendar's insides: calendars, their events with etags that change on
 * every write, and the rules an event must follow (ids in base32hex, times with a
 * zone, at most five reminders).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-fake-google-private.h"

G_BEGIN_DECLS

typedef struct
{
  JsonObject *resource;
  guint64     write;            /* the write that changed it last */
} Mp2FakeEvent;

typedef struct
{
  char       *id;
  char       *summary;
  gboolean    primary;
  char       *access_role;      /* NULL: owner (mp2-fake-calendar-access.c) */
  char       *summary_override; /* nullable */
  GHashTable *events;           /* id -> Mp2FakeEvent */
  GPtrArray  *order;            /* Mp2FakeEvent, as inserted */
} Mp2FakeCalendar;

struct _Mp2FakeCalendars
{
  GPtrArray *calendars;
  guint64    writes;
  guint64    oldest_sync;       /* sync tokens before this write are gone: 410 */
};

/* Why a write was refused: a sample body of the contract, or an error to build. */
typedef struct
{
  guint       status;
  const char *sample;
  const char *reason;
  char       *message;
} Mp2FakeProblem;

#define MP2_FAKE_TIME_ZONE "Europe/Warsaw"

Mp2FakeCalendar *mp2_fake_calendars_find       (Mp2FakeCalendars *calendars,
                                                const char       *id);
Mp2FakeEvent    *mp2_fake_calendar_lookup      (Mp2FakeCalendar  *calendar,
                                                const char       *event_id);
gboolean         mp2_fake_event_is_cancelled   (Mp2FakeEvent     *event);
const char      *mp2_fake_event_get_etag       (Mp2FakeEvent     *event);
Mp2FakeEvent    *mp2_fake_calendars_insert     (Mp2FakeCalendars *calendars,
                                                Mp2FakeCalendar  *calendar,
                                                JsonObject       *body,
                                                Mp2FakeProblem   *problem);
gboolean         mp2_fake_calendars_patch      (Mp2FakeCalendars *calendars,
                                                Mp2FakeCalendar  *calendar,
                                                Mp2FakeEvent     *event,
                                                JsonObject       *body,
                                                gboolean          replace,
                                                Mp2FakeProblem   *problem);
void             mp2_fake_calendars_delete     (Mp2FakeCalendars *calendars,
                                                Mp2FakeEvent     *event);
char            *mp2_fake_calendars_make_sync_token (Mp2FakeCalendars *calendars);
gboolean         mp2_fake_calendars_parse_sync_token (const char *token,
                                                      guint64    *write);
GDateTime       *mp2_fake_event_get_time       (Mp2FakeEvent     *event,
                                                const char       *member);
GDateTime       *mp2_fake_parse_rfc3339        (const char       *text,
                                                GTimeZone        *zone);
void             mp2_fake_problem_clear        (Mp2FakeProblem   *problem);

/* mp2-fake-calendar-access.c */
const char      *mp2_fake_calendar_get_access_role (Mp2FakeCalendar *calendar);
gboolean         mp2_fake_calendar_has_role    (Mp2FakeCalendar  *calendar,
                                                const char       *min_role);
gboolean         mp2_fake_calendar_check_writable (Mp2FakeCalendar *calendar,
                                                   Mp2FakeRequest  *request);

G_END_DECLS
