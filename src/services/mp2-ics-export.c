/* mp2-ics-export.c
 *
 * Writing into an .ics file is a read-modify-write: the file is read, the event of
 * the uid replaced or removed, and the whole file put back in one atomic replace
 * (g_file_replace_contents), which fails rather than overwrite a change another
 * program made in between (the etag). The edits of one sink are made one after
 * the other, so that writing several days into one file at once loses none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-ics-export"

#include "config.h"

#include "mp2-ics-export.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mp2-ical.h"

struct _Mp2IcsExport
{
  GObject  parent_instance;

  GQueue   edits;     /* GTask, waiting */
  gboolean editing;
};

static void mp2_ics_export_calendar_sink_init (Mp2CalendarSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2IcsExport, mp2_ics_export, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_CALENDAR_SINK,
                                                      mp2_ics_export_calendar_sink_init))

/* Errors */

static gboolean
is_offline_error (const GError *error)
{
  return error->domain == G_IO_ERROR &&
         (error->code == G_IO_ERROR_NOT_MOUNTED ||
          error->code == G_IO_ERROR_HOST_NOT_FOUND ||
          error->code == G_IO_ERROR_HOST_UNREACHABLE ||
          error->code == G_IO_ERROR_NETWORK_UNREACHABLE ||
          error->code == G_IO_ERROR_CONNECTION_REFUSED ||
          error->code == G_IO_ERROR_TIMED_OUT);
}

/* @error of GIO about @file as a #MP2_SYNC_ERROR a person can act on; cancelling
 * stays %G_IO_ERROR_CANCELLED. */
static GError *
map_file_error (const GError *error,
                GFile        *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_READ_ONLY,
                        _("“%s” cannot be written to. "
                          "Choose a file in a folder that you can write to."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR,
                        _("The folder of “%s” is not there any more. Choose another file."),
                        name);
  if (is_offline_error (error))
    return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_OFFLINE,
                        _("“%s” cannot be reached. "
                          "Check the network connection, then try again."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED,
                        _("Another program changed “%s” while it was being written. "
                          "Try again."), name);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED,
                        _("There is no space left for “%s”. Free some space, then try again."),
                        name);

  return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED,
                      _("“%s” cannot be written: %s"), name, error->message);
}

static GError *
new_not_ical_error (GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  return g_error_new (MP2_SYNC_ERROR, MP2_SYNC_ERROR_FAILED,
                      _("“%s” is not an iCalendar file, so it was left as it is. "
                        "Choose another file."), name);
}

static GBytes *
calendar_to_bytes (ICalComponent *calendar)
{
  char *text = i_cal_component_as_ical_string (calendar);

  return g_bytes_new_take (text, strlen (text));
}

/* Edits of files, one at a time */

typedef struct
{
  GFile         *file;
  char          *uid;
  ICalComponent *vevent;    /* NULL to delete */
  GPtrArray     *zones;     /* ICalTimezone */
  char          *etag;      /* of the file as read */
} EditData;

static void
edit_data_free (EditData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->uid, g_free);
  g_clear_object (&data->vevent);
  g_clear_pointer (&data->zones, g_ptr_array_unref);
  g_clear_pointer (&data->etag, g_free);
  g_free (data);
}

static void on_file_loaded_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

static void
start_next_edit (Mp2IcsExport *self)
{
  GTask *task = g_queue_pop_head (&self->edits);
  EditData *data;

  self->editing = task != NULL;
  if (task == NULL)
    return;

  data = g_task_get_task_data (task);
  g_file_load_contents_async (data->file, g_task_get_cancellable (task), on_file_loaded_cb,
                              task);
}

static void
queue_edit (Mp2IcsExport *self,
            GTask        *task)
{
  g_queue_push_tail (&self->edits, g_object_ref (task));
  if (!self->editing)
    start_next_edit (self);
}

/* Takes @etag and @error; starts the next edit. */
static void
finish_edit (GTask  *task,
             char   *etag,
             GError *error)
{
  Mp2IcsExport *self = g_task_get_source_object (task);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, etag, g_free);

  start_next_edit (self);
}

static void
on_file_replaced_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, &etag, &error))
    {
      finish_edit (task, NULL, map_file_error (error, G_FILE (object)));
      return;
    }

  finish_edit (task, etag != NULL ? g_steal_pointer (&etag) : g_strdup (""), NULL);
}

/* Returns whether @calendar changed. */
static gboolean
apply_edit (EditData      *data,
            ICalComponent *calendar)
{
  guint removed = mp2_ical_calendar_remove_events (calendar, data->uid);

  if (data->vevent != NULL)
    mp2_ical_calendar_add_event (calendar, data->vevent, data->zones);
  else if (removed == 0)
    return FALSE;

  mp2_ical_calendar_remove_unused_zones (calendar);
  return TRUE;
}

static void
edit_calendar (GTask         *task,
               ICalComponent *calendar)
{
  EditData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;

  if (!apply_edit (data, calendar))
    {
      finish_edit (task, g_strdup (data->etag != NULL ? data->etag : ""), NULL);
      return;
    }

  bytes = calendar_to_bytes (calendar);
  g_file_replace_contents_bytes_async (data->file, bytes, data->etag, FALSE, G_FILE_CREATE_NONE,
                                       g_task_get_cancellable (task), on_file_replaced_cb,
                                       g_object_ref (task));
}

static void
on_file_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EditData *data = g_task_get_task_data (task);
  g_autoptr(ICalComponent) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (g_file_load_contents_finish (G_FILE (object), result, &contents, NULL, &data->etag,
                                   &error))
    calendar = mp2_ical_calendar_parse (contents);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    calendar = mp2_ical_calendar_new ();
  else
    {
      finish_edit (task, NULL, map_file_error (error, data->file));
      return;
    }

  if (calendar == NULL)
    {
      finish_edit (task, NULL, new_not_ical_error (data->file));
      return;
    }

  edit_calendar (task, calendar);
}

static GTask *
new_edit_task (Mp2IcsExport        *self,
               const char          *calendar_id,
               const char          *uid,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  EditData *data = g_new0 (EditData, 1);

  data->file = g_file_new_for_commandline_arg (calendar_id);
  data->uid = g_strdup (uid);
  g_task_set_task_data (task, data, (GDestroyNotify) edit_data_free);

  return task;
}

/* The sink */

static const char *
mp2_ics_export_get_id (Mp2CalendarSink *sink)
{
  return "ics";
}

static void
mp2_ics_export_list_calendars_async (Mp2CalendarSink     *sink,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (sink, cancellable, callback, user_data);

  g_task_set_source_tag (task, mp2_ics_export_list_calendars_async);
  /* Files are chosen, not listed. */
  g_task_return_pointer (task,
                         g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_calendar_info_free),
                         (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
mp2_ics_export_list_calendars_finish (Mp2CalendarSink  *sink,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sink), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_ics_export_list_calendars_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mp2_ics_export_upsert_async (Mp2CalendarSink     *sink,
                             const char          *calendar_id,
                             const Mp2DayEvent   *event,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Mp2IcsExport *self = MP2_ICS_EXPORT (sink);
  g_autoptr(GTask) task = NULL;
  EditData *data;

  task = new_edit_task (self, calendar_id, event->uid, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_ics_export_upsert_async);
  data = g_task_get_task_data (task);
  data->vevent = mp2_ical_event_new (event, &data->zones);

  queue_edit (self, task);
}

static char *
mp2_ics_export_upsert_finish (Mp2CalendarSink  *sink,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sink), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_ics_export_upsert_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
mp2_ics_export_delete_async (Mp2CalendarSink     *sink,
                             const char          *calendar_id,
                             const char          *event_uid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Mp2IcsExport *self = MP2_ICS_EXPORT (sink);
  g_autoptr(GTask) task = NULL;

  task = new_edit_task (self, calendar_id, event_uid, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_ics_export_delete_async);

  queue_edit (self, task);
}

static gboolean
mp2_ics_export_delete_finish (Mp2CalendarSink  *sink,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_autofree char *etag = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, sink), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_ics_export_delete_async, FALSE);

  etag = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
mp2_ics_export_calendar_sink_init (Mp2CalendarSinkInterface *iface)
{
  iface->get_id = mp2_ics_export_get_id;
  iface->list_calendars_async = mp2_ics_export_list_calendars_async;
  iface->list_calendars_finish = mp2_ics_export_list_calendars_finish;
  iface->upsert_async = mp2_ics_export_upsert_async;
  iface->upsert_finish = mp2_ics_export_upsert_finish;
  iface->delete_async = mp2_ics_export_delete_async;
  iface->delete_finish = mp2_ics_export_delete_finish;
}

static void
mp2_ics_export_finalize (GObject *object)
{
  Mp2IcsExport *self = MP2_ICS_EXPORT (object);

  /* Each waiting edit holds a reference: none can be left. */
  g_assert (g_queue_is_empty (&self->edits));

  G_OBJECT_CLASS (mp2_ics_export_parent_class)->finalize (object);
}

static void
mp2_ics_export_class_init (Mp2IcsExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp2_ics_export_finalize;
}

static void
mp2_ics_export_init (Mp2IcsExport *self)
{
  g_queue_init (&self->edits);
}

/**
 * mp2_ics_export_new:
 *
 * Returns: (transfer full): the sink of .ics files
 */
Mp2IcsExport *
mp2_ics_export_new (void)
{
  return g_object_new (MP2_TYPE_ICS_EXPORT, NULL);
}

/* One day, one file */

static void
on_export_replaced_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_task_return_error (task, map_file_error (error, G_FILE (object)));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * mp2_ics_export_write_async:
 * @event: a day's event
 * @file: the file to write, replaced if it exists
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes @event alone into an iCalendar file, for "Export as iCalendar…".
 */
void
mp2_ics_export_write_async (const Mp2DayEvent   *event,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(ICalComponent) calendar = NULL;
  g_autoptr(ICalComponent) vevent = NULL;
  g_autoptr(GPtrArray) zones = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (event != NULL && event->uid != NULL && event->start != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_ics_export_write_async);

  vevent = mp2_ical_event_new (event, &zones);
  calendar = mp2_ical_calendar_new ();
  mp2_ical_calendar_add_event (calendar, vevent, zones);
  bytes = calendar_to_bytes (calendar);

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, cancellable,
                                       on_export_replaced_cb, g_steal_pointer (&task));
}

/**
 * mp2_ics_export_write_finish:
 * @result: the result
 * @error: where to report a #MP2_SYNC_ERROR
 *
 * Returns: %TRUE when the file is written
 */
gboolean
mp2_ics_export_write_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_ics_export_write_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
