/* mp2-calendar-sink.h
 *
 * Somewhere a shooting day can be written as an event: an evolution-data-server
 * calendar, Google Calendar, an .ics file. Writing is idempotent: the event's uid
 * is the day's, so writing again updates it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-day-event.h"

G_BEGIN_DECLS

#define MP2_SYNC_ERROR (mp2_sync_error_quark ())

/**
 * Mp2SyncError:
 * @MP2_SYNC_ERROR_NO_CALENDAR: the chosen calendar does not exist (any more)
 * @MP2_SYNC_ERROR_READ_ONLY: the calendar cannot be written to
 * @MP2_SYNC_ERROR_OFFLINE: the calendar's server cannot be reached now; try later
 * @MP2_SYNC_ERROR_AUTH: the calendar's account needs signing in again
 * @MP2_SYNC_ERROR_FAILED: the calendar refused the event
 */
typedef enum
{
  MP2_SYNC_ERROR_NO_CALENDAR,
  MP2_SYNC_ERROR_READ_ONLY,
  MP2_SYNC_ERROR_OFFLINE,
  MP2_SYNC_ERROR_AUTH,
  MP2_SYNC_ERROR_FAILED,
} Mp2SyncError;

GQuark mp2_sync_error_quark (void);

typedef struct
{
  char     *id;          /* what upsert and delete take */
  char     *name;        /* "Personal", "Work (Nextcloud)" */
  char     *color;       /* "#3584e4"; nullable */
  gboolean  is_default;
} Mp2CalendarInfo;

void mp2_calendar_info_free (Mp2CalendarInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2CalendarInfo, mp2_calendar_info_free)

#define MP2_TYPE_CALENDAR_SINK (mp2_calendar_sink_get_type ())

G_DECLARE_INTERFACE (Mp2CalendarSink, mp2_calendar_sink, MP2, CALENDAR_SINK, GObject)

struct _Mp2CalendarSinkInterface
{
  GTypeInterface parent_iface;

  const char * (*get_id)                (Mp2CalendarSink     *self);

  void         (*list_calendars_async)  (Mp2CalendarSink     *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  GPtrArray *  (*list_calendars_finish) (Mp2CalendarSink     *self,
                                         GAsyncResult        *result,
                                         GError             **error);

  void         (*upsert_async)          (Mp2CalendarSink     *self,
                                         const char          *calendar_id,
                                         const Mp2DayEvent   *event,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  char *       (*upsert_finish)         (Mp2CalendarSink     *self,
                                         GAsyncResult        *result,
                                         GError             **error);

  void         (*delete_async)          (Mp2CalendarSink     *self,
                                         const char          *calendar_id,
                                         const char          *event_uid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  gboolean     (*delete_finish)         (Mp2CalendarSink     *self,
                                         GAsyncResult        *result,
                                         GError             **error);
};

const char *mp2_calendar_sink_get_id                (Mp2CalendarSink     *self);
void        mp2_calendar_sink_list_calendars_async  (Mp2CalendarSink     *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray  *mp2_calendar_sink_list_calendars_finish (Mp2CalendarSink     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* Creates the event or updates the one with the same uid. Resolves to its etag
 * (or revision) when the calendar has one, else to an empty string. */
void        mp2_calendar_sink_upsert_async          (Mp2CalendarSink     *self,
                                                     const char          *calendar_id,
                                                     const Mp2DayEvent   *event,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
char       *mp2_calendar_sink_upsert_finish         (Mp2CalendarSink     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* Deleting an event that is not there is not an error. */
void        mp2_calendar_sink_delete_async          (Mp2CalendarSink     *self,
                                                     const char          *calendar_id,
                                                     const char          *event_uid,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean    mp2_calendar_sink_delete_finish         (Mp2CalendarSink     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
