/* mp2-fake-calendar-sink.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-fake-calendar-sink.h"

struct _Mp2FakeCalendarSink
{
  GObject     parent_instance;
  gboolean    refusing;
  GHashTable *events;   /* the uids of the events written */
};

static void mp2_fake_calendar_sink_iface_init (Mp2CalendarSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2FakeCalendarSink, mp2_fake_calendar_sink, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_CALENDAR_SINK,
                                                      mp2_fake_calendar_sink_iface_init))

static const char *
mp2_fake_calendar_sink_get_id (Mp2CalendarSink *sink)
{
  return "test";
}

/* One calendar, the default: "Personal", or "Shared" when refusing. */
static void
mp2_fake_calendar_sink_list_calendars_async (Mp2CalendarSink     *sink,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  Mp2FakeCalendarSink *self = MP2_FAKE_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = g_task_new (sink, cancellable, callback, user_data);
  GPtrArray *calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_calendar_info_free);
  Mp2CalendarInfo *info = g_new0 (Mp2CalendarInfo, 1);

  info->id = g_strdup (self->refusing ? "shared" : "personal");
  info->name = g_strdup (self->refusing ? "Shared" : "Personal");
  info->is_default = TRUE;
  g_ptr_array_add (calendars, info);
  g_task_return_pointer (task, calendars, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
mp2_fake_calendar_sink_list_calendars_finish (Mp2CalendarSink  *sink,
                                              GAsyncResult     *result,
                                              GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mp2_fake_calendar_sink_upsert_async (Mp2CalendarSink     *sink,
                                     const char          *calendar_id,
                                     const Mp2DayEvent   *event,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Mp2FakeCalendarSink *self = MP2_FAKE_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = NULL;

  if (self->refusing)
    {
      g_task_report_new_error (sink, callback, user_data, mp2_fake_calendar_sink_upsert_async,
                               MP2_SYNC_ERROR, MP2_SYNC_ERROR_READ_ONLY,
                               MP2_FAKE_CALENDAR_SINK_READ_ONLY_MESSAGE);
      return;
    }

  task = g_task_new (sink, cancellable, callback, user_data);
  g_hash_table_add (self->events, g_strdup (event->uid));
  g_task_return_pointer (task, g_strdup (""), g_free);
}

static char *
mp2_fake_calendar_sink_upsert_finish (Mp2CalendarSink  *sink,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mp2_fake_calendar_sink_delete_async (Mp2CalendarSink     *sink,
                                     const char          *calendar_id,
                                     const char          *event_uid,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Mp2FakeCalendarSink *self = MP2_FAKE_CALENDAR_SINK (sink);
  g_autoptr(GTask) task = g_task_new (sink, cancellable, callback, user_data);

  g_hash_table_remove (self->events, event_uid);
  g_task_return_boolean (task, TRUE);
}

static gboolean
mp2_fake_calendar_sink_delete_finish (Mp2CalendarSink  *sink,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mp2_fake_calendar_sink_iface_init (Mp2CalendarSinkInterface *iface)
{
  iface->get_id = mp2_fake_calendar_sink_get_id;
  iface->list_calendars_async = mp2_fake_calendar_sink_list_calendars_async;
  iface->list_calendars_finish = mp2_fake_calendar_sink_list_calendars_finish;
  iface->upsert_async = mp2_fake_calendar_sink_upsert_async;
  iface->upsert_finish = mp2_fake_calendar_sink_upsert_finish;
  iface->delete_async = mp2_fake_calendar_sink_delete_async;
  iface->delete_finish = mp2_fake_calendar_sink_delete_finish;
}

static void
mp2_fake_calendar_sink_finalize (GObject *object)
{
  Mp2FakeCalendarSink *self = MP2_FAKE_CALENDAR_SINK (object);

  g_clear_pointer (&self->events, g_hash_table_unref);

  G_OBJECT_CLASS (mp2_fake_calendar_sink_parent_class)->finalize (object);
}

static void
mp2_fake_calendar_sink_class_init (Mp2FakeCalendarSinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp2_fake_calendar_sink_finalize;
}

static void
mp2_fake_calendar_sink_init (Mp2FakeCalendarSink *self)
{
  self->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * mp2_fake_calendar_sink_new:
 *
 * Returns: (transfer full): a sink with one calendar, "Personal", that keeps what is
 *   written to it
 */
Mp2FakeCalendarSink *
mp2_fake_calendar_sink_new (void)
{
  return g_object_new (MP2_TYPE_FAKE_CALENDAR_SINK, NULL);
}

/**
 * mp2_fake_calendar_sink_new_refusing:
 *
 * Returns: (transfer full): a sink with one calendar, "Shared", that refuses every
 *   event with %MP2_SYNC_ERROR_READ_ONLY and
 *   %MP2_FAKE_CALENDAR_SINK_READ_ONLY_MESSAGE; deleting succeeds
 */
Mp2FakeCalendarSink *
mp2_fake_calendar_sink_new_refusing (void)
{
  Mp2FakeCalendarSink *self = mp2_fake_calendar_sink_new ();

  self->refusing = TRUE;
  return self;
}

/**
 * mp2_fake_calendar_sink_get_n_events:
 * @self: a #Mp2FakeCalendarSink
 *
 * Returns: how many events the sink holds: written and not deleted
 */
guint
mp2_fake_calendar_sink_get_n_events (Mp2FakeCalendarSink *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_CALENDAR_SINK (self), 0);

  return g_hash_table_size (self->events);
}
