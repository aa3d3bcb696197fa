/* mp2-calendar-sink.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-calendar-sink"

#include "config.h"

#include "mp2-calendar-sink.h"

G_DEFINE_QUARK (mp2-sync-error-quark, mp2_sync_error)

G_DEFINE_INTERFACE (Mp2CalendarSink, mp2_calendar_sink, G_TYPE_OBJECT)

static void
mp2_calendar_sink_default_init (Mp2CalendarSinkInterface *iface)
{
}

/**
 * mp2_calendar_info_free:
 * @info: (nullable): a calendar's description
 */
void
mp2_calendar_info_free (Mp2CalendarInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->name);
  g_free (info->color);
  g_free (info);
}

/**
 * mp2_calendar_sink_get_id:
 * @self: a sink
 *
 * Returns: the sink's name as the store keeps it: "eds", "google", "ics"
 */
const char *
mp2_calendar_sink_get_id (Mp2CalendarSink *self)
{
  g_return_val_if_fail (MP2_IS_CALENDAR_SINK (self), NULL);

  return MP2_CALENDAR_SINK_GET_IFACE (self)->get_id (self);
}

/**
 * mp2_calendar_sink_list_calendars_async:
 * @self: a sink
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the calendars
 * @user_data: data for @callback
 *
 * Lists the calendars the sink can write to.
 */
void
mp2_calendar_sink_list_calendars_async (Mp2CalendarSink     *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (MP2_IS_CALENDAR_SINK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  MP2_CALENDAR_SINK_GET_IFACE (self)->list_calendars_async (self, cancellable, callback, user_data);
}

/**
 * mp2_calendar_sink_list_calendars_finish:
 * @self: a sink
 * @result: the result
 * @error: where to report a #MP2_SYNC_ERROR
 *
 * Returns: (transfer container) (element-type Mp2CalendarInfo): the writable
 *   calendars, or %NULL with @error set
 */
GPtrArray *
mp2_calendar_sink_list_calendars_finish (Mp2CalendarSink  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (MP2_IS_CALENDAR_SINK (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  return MP2_CALENDAR_SINK_GET_IFACE (self)->list_calendars_finish (self, result, error);
}

/**
 * mp2_calendar_sink_upsert_async:
 * @self: a sink
 * @calendar_id: one of the calendars of mp2_calendar_sink_list_calendars_async()
 * @event: the day's event
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the event is written
 * @user_data: data for @callback
 *
 * Writes @event, or updates the event with its uid.
 */
void
mp2_calendar_sink_upsert_async (Mp2CalendarSink     *self,
                                const char          *calendar_id,
                                const Mp2DayEvent   *event,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (MP2_IS_CALENDAR_SINK (self));
  g_return_if_fail (calendar_id != NULL);
  g_return_if_fail (event != NULL && event->uid != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  MP2_CALENDAR_SINK_GET_IFACE (self)->upsert_async (self, calendar_id, event, cancellable,
                                                    callback, user_data);
}

/**
 * mp2_calendar_sink_upsert_finish:
 * @self: a sink
 * @result: the result
 * @error: where to report a #MP2_SYNC_ERROR
 *
 * Returns: (transfer full): the event's etag or revision, an empty string when the
 *   calendar has none, or %NULL with @error set
 */
char *
mp2_calendar_sink_upsert_finish (Mp2CalendarSink  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (MP2_IS_CALENDAR_SINK (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  return MP2_CALENDAR_SINK_GET_IFACE (self)->upsert_finish (self, result, error);
}

/**
 * mp2_calendar_sink_delete_async:
 * @self: a sink
 * @calendar_id: the calendar the event is in
 * @event_uid: the event's uid
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the event is gone
 * @user_data: data for @callback
 *
 * Deletes an event; one that is not there is not an error.
 */
void
mp2_calendar_sink_delete_async (Mp2CalendarSink     *self,
                                const char          *calendar_id,
                                const char          *event_uid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (MP2_IS_CALENDAR_SINK (self));
  g_return_if_fail (calendar_id != NULL);
  g_return_if_fail (event_uid != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  MP2_CALENDAR_SINK_GET_IFACE (self)->delete_async (self, calendar_id, event_uid, cancellable,
                                                    callback, user_data);
}

/**
 * mp2_calendar_sink_delete_finish:
 * @self: a sink
 * @result: the result
 * @error: where to report a #MP2_SYNC_ERROR
 *
 * Returns: %TRUE when the event is not in the calendar any more
 */
gboolean
mp2_calendar_sink_delete_finish (Mp2CalendarSink  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (MP2_IS_CALENDAR_SINK (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  return MP2_CALENDAR_SINK_GET_IFACE (self)->delete_finish (self, result, error);
}
