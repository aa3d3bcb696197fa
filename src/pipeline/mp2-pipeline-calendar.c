/* mp2-pipeline-calendar.c
 *
 * The calendar half of the pipeline. Confirming saves the state first, then writes
 * the event under the day's stable uid, then saves "synced" with the event's link
 * in one transaction: a crash at any point leaves a day that start-up writes again
 * under the same uid, so the calendar never gets a second event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-pipeline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mp2-pipeline-private.h"

typedef struct
{
  Mp2Schedule     *schedule;    /* the list's object */
  Mp2DayState      final_state; /* after a removal: needs-review or dismissed */
  Mp2CalendarLink *link;
  Mp2DayEvent     *event;
  char            *calendar_id;
} CalendarOp;

static void
calendar_op_free (gpointer data)
{
  CalendarOp *op = data;

  g_clear_object (&op->schedule);
  g_clear_pointer (&op->link, mp2_calendar_link_free);
  g_clear_pointer (&op->event, mp2_day_event_free);
  g_free (op->calendar_id);
  g_free (op);
}

static GTask *
calendar_task_new (Mp2Pipeline         *self,
                   Mp2Schedule         *schedule,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  CalendarOp *op = g_new0 (CalendarOp, 1);

  op->schedule = g_object_ref (schedule);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, calendar_op_free);
  mp2_pipeline_hold_busy (self, task);

  return task;
}

static void
fail (Mp2Pipeline *self,
      GTask       *task,
      GError      *error)
{
  CalendarOp *op = g_task_get_task_data (task);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, mp2_pipeline_signals[SIGNAL_ERROR_OCCURRED], 0, op->schedule, error);
  g_task_return_error (task, error);
}

static gboolean
has_sink (Mp2Pipeline *self,
          GTask       *task)
{
  if (self->sink != NULL)
    return TRUE;

  fail (self, task, g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR,
                                         _("No calendar is available. Check that GNOME’s "
                                           "calendar service is installed, then try again.")));
  return FALSE;
}

/* Store jobs ------------------------------------------------------------------------- */

typedef struct
{
  char *day_key;
  char *sink;
} LinkQuery;

static void
link_query_free (gpointer data)
{
  LinkQuery *query = data;

  g_free (query->day_key);
  g_free (query->sink);
  g_free (query);
}

/* A missing link is no error: the result is then a link with no uid. */
static gpointer
get_link_job (Mp2Pipeline   *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  LinkQuery *query = data;
  g_autoptr(GError) local_error = NULL;
  Mp2CalendarLink *link;

  link = mp2_store_get_calendar_link (self->store, query->day_key, query->sink, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (link == NULL)
    {
      link = g_new0 (Mp2CalendarLink, 1);
      link->sink = g_strdup (query->sink);
    }

  return link;
}

static void
get_link (Mp2Pipeline         *self,
          GTask               *task,
          GAsyncReadyCallback  callback)
{
  CalendarOp *op = g_task_get_task_data (task);
  LinkQuery *query = g_new0 (LinkQuery, 1);

  query->day_key = g_strdup (mp2_schedule_get_day_key (op->schedule));
  query->sink = g_strdup (mp2_calendar_sink_get_id (self->sink));
  mp2_pipeline_run_job (self, get_link_job, query, link_query_free,
                        (GDestroyNotify) mp2_calendar_link_free,
                        g_task_get_cancellable (task), callback, g_object_ref (task));
}

typedef struct
{
  Mp2Schedule     *schedule;
  Mp2CalendarLink *link;      /* to save with it, or NULL */
  gboolean         unlink;    /* delete the day's link instead */
} SaveState;

static void
save_state_free (gpointer data)
{
  SaveState *save = data;

  g_clear_object (&save->schedule);
  g_clear_pointer (&save->link, mp2_calendar_link_free);
  g_free (save);
}

static gpointer
save_state_job (Mp2Pipeline   *self,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  SaveState *save = data;
  gboolean saved;

  if (save->link != NULL)
    saved = mp2_store_save_synced (self->store, save->schedule, save->link, error);
  else
    saved = mp2_store_save_schedule (self->store, save->schedule, error);

  if (saved && save->unlink)
    saved = mp2_store_delete_calendar_link (self->store, mp2_schedule_get_day_key (save->schedule),
                                            mp2_calendar_sink_get_id (self->sink), error);

  return saved ? g_object_ref (save->schedule) : NULL;
}

static void
save_state (Mp2Pipeline         *self,
            GTask               *task,
            Mp2DayState          state,
            Mp2CalendarLink     *link,
            gboolean             unlink,
            GAsyncReadyCallback  callback)
{
  CalendarOp *op = g_task_get_task_data (task);
  SaveState *save = g_new0 (SaveState, 1);

  save->schedule = mp2_schedule_copy (op->schedule);
  mp2_schedule_set_state (save->schedule, state);
  save->link = link;
  save->unlink = unlink;
  mp2_pipeline_run_job (self, save_state_job, save, save_state_free, g_object_unref,
                        g_task_get_cancellable (task), callback, g_object_ref (task));
}

/* Writing the event ------------------------------------------------------------------- */

static void
on_synced_saved_cb (GObject      *source,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(Mp2Schedule) saved = NULL;
  GError *error = NULL;
  Mp2Schedule *schedule;

  saved = mp2_pipeline_run_job_finish (self, res, &error);
  if (saved == NULL)
    {
      fail (self, task, error);
      return;
    }

  schedule = mp2_pipeline_adopt (self, saved);
  g_signal_emit (self, mp2_pipeline_signals[SIGNAL_CALENDAR_EVENT_SYNCED], 0, schedule,
                 mp2_calendar_sink_get_id (self->sink));
  mp2_pipeline_emit_updated (self, schedule, "state");
  g_task_return_boolean (task, TRUE);
}

static void
on_upserted_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2Pipeline *self = g_task_get_source_object (task);
  CalendarOp *op = g_task_get_task_data (task);
  g_autofree char *etag = NULL;
  GError *error = NULL;
  Mp2CalendarLink *link;

  etag = mp2_calendar_sink_upsert_finish (MP2_CALENDAR_SINK (source), res, &error);
  if (etag == NULL)
    {
      fail (self, task, error);
      return;
    }

  link = mp2_calendar_link_new (mp2_calendar_sink_get_id (self->sink), op->calendar_id,
                                op->event->uid, *etag != '\0' ? etag : NULL);
  save_state (self, task, MP2_DAY_STATE_SYNCED, link, FALSE, on_synced_saved_cb);
}

static void
upsert (Mp2Pipeline *self,
        GTask       *task)
{
  CalendarOp *op = g_task_get_task_data (task);

  /* What the calendar answered last time: a calendar with etags (Google) then
   * updates only what we wrote, not an edit made there since. */
  g_clear_pointer (&op->event->etag, g_free);
  if (op->link != NULL && g_strcmp0 (op->link->calendar_id, op->calendar_id) == 0)
    op->event->etag = g_strdup (op->link->etag);

  mp2_calendar_sink_upsert_async (self->sink, op->calendar_id, op->event,
                                  g_task_get_cancellable (task), on_upserted_cb,
                                  g_object_ref (task));
}

static char *
default_calendar (GPtrArray *calendars)
{
  for (guint i = 0; i < calendars->len; i++)
    {
      Mp2CalendarInfo *info = g_ptr_array_index (calendars, i);

      if (info->is_default)
        return g_strdup (info->id);
    }

  return calendars->len > 0 ? g_strdup (((Mp2CalendarInfo *) g_ptr_array_index (calendars, 0))->id)
                            : NULL;
}

static void
on_calendars_listed_cb (GObject      *source,
                        GAsyncResult *res,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2Pipeline *self = g_task_get_source_object (task);
  CalendarOp *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) calendars = NULL;
  GError *error = NULL;

  calendars = mp2_calendar_sink_list_calendars_finish (MP2_CALENDAR_SINK (source), res, &error);
  if (calendars == NULL)
    {
      fail (self, task, error);
      return;
    }

  op->calendar_id = default_calendar (calendars);
  if (op->calendar_id == NULL)
    {
      fail (self, task, g_error_new_literal (MP2_SYNC_ERROR, MP2_SYNC_ERROR_NO_CALENDAR,
                                             _("There is no calendar to write to. Add one in "
                                               "GNOME Calendar or Online Accounts.")));
      return;
    }

  upsert (self, task);
}

/* The calendar a day goes to: where its event already is, else the one chosen in
 * Preferences, else the default one. */
static void
on_sync_link_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  CalendarOp *op = g_task_get_task_data (task);
  g_autofree char *target = NULL;
  GError *error = NULL;

  op->link = mp2_pipeline_run_job_finish (self, res, &error);
  if (op->link == NULL)
    {
      fail (self, task, error);
      return;
    }

  target = g_settings_get_string (self->settings, "target-calendar");
  if (op->link->calendar_id != NULL)
    op->calendar_id = g_strdup (op->link->calendar_id);
  else if (*target != '\0')
    op->calendar_id = g_steal_pointer (&target);

  if (op->calendar_id != NULL)
    upsert (self, task);
  else
    mp2_calendar_sink_list_calendars_async (self->sink, g_task_get_cancellable (task),
                                            on_calendars_listed_cb, g_object_ref (task));
}

/**
 * mp2_pipeline_dup_event:
 * @self: the pipeline
 * @schedule: a day with a sheet
 * @error: where to say why there is no event
 *
 * The day as a calendar event, with the time zone and reminders of Preferences: what
 * confirming writes, and what "Export as iCalendar…" saves.
 *
 * Returns: (transfer full): the event, or %NULL with @error set
 */
Mp2DayEvent *
mp2_pipeline_dup_event (Mp2Pipeline  *self,
                        Mp2Schedule  *schedule,
                        GError      **error)
{
  g_autofree char *zone_name = g_settings_get_string (self->settings, "time-zone");
  g_autoptr(GVariant) offsets = g_settings_get_value (self->settings, "reminder-offsets");
  g_autoptr(GTimeZone) zone = NULL;
  gsize n_offsets = 0;
  const gint32 *values = g_variant_get_fixed_array (offsets, &n_offsets, sizeof (gint32));

  zone = g_time_zone_new_identifier (zone_name);
  if (zone == NULL)
    zone = g_time_zone_new_local ();

  return mp2_day_event_new (schedule, zone, values, n_offsets, error);
}

/* Writes a confirmed day to the calendar; @task resolves when it is synced. */
static void
sync_day (Mp2Pipeline *self,
          GTask       *task)
{
  CalendarOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->event = mp2_pipeline_dup_event (self, op->schedule, &error);
  if (op->event == NULL)
    {
      fail (self, task, error);
      return;
    }

  get_link (self, task, on_sync_link_cb);
}

/**
 * mp2_pipeline_sync_confirmed:
 * @self: the pipeline
 * @schedule: a day in state "confirmed"
 *
 * Writes a day that was confirmed but not written: at start-up after a crash, or
 * after the calendar was offline.
 */
void
mp2_pipeline_sync_confirmed (Mp2Pipeline *self,
                             Mp2Schedule *schedule)
{
  g_autoptr(GTask) task = calendar_task_new (self, schedule, mp2_pipeline_sync_confirmed,
                                             NULL, NULL, NULL);

  if (has_sink (self, task))
    sync_day (self, task);
}

/* Confirm ----------------------------------------------------------------------------- */

static void
on_confirmed_saved_cb (GObject      *source,
                       GAsyncResult *res,
                       gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  CalendarOp *op = g_task_get_task_data (task);
  g_autoptr(Mp2Schedule) saved = NULL;
  GError *error = NULL;

  saved = mp2_pipeline_run_job_finish (self, res, &error);
  if (saved == NULL)
    {
      fail (self, task, error);
      return;
    }

  g_set_object (&op->schedule, mp2_pipeline_adopt (self, saved));
  mp2_pipeline_emit_updated (self, op->schedule, "state");
  sync_day (self, task);
}

/**
 * mp2_pipeline_confirm_async:
 * @self: the pipeline
 * @schedule_id: the day
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the day is in the calendar
 * @user_data: data for @callback
 *
 * Confirms a day and writes it to the calendar, or updates its event.
 */
void
mp2_pipeline_confirm_async (Mp2Pipeline         *self,
                            gint64               schedule_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Mp2Schedule *schedule;

  g_return_if_fail (MP2_IS_PIPELINE (self));

  schedule = mp2_pipeline_lookup (self, schedule_id);
  if (schedule == NULL || mp2_schedule_get_sheet (schedule) == NULL)
    {
      g_task_report_new_error (self, callback, user_data, mp2_pipeline_confirm_async,
                               MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND,
                               _("This day cannot be confirmed: it is no longer in the list, "
                                 "or its call sheet could not be read."));
      return;
    }

  task = calendar_task_new (self, schedule, mp2_pipeline_confirm_async, cancellable,
                            callback, user_data);
  if (has_sink (self, task))
    save_state (self, task, MP2_DAY_STATE_CONFIRMED, NULL, FALSE, on_confirmed_saved_cb);
}

gboolean
mp2_pipeline_confirm_finish (Mp2Pipeline   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Undo and dismiss ---------------------------------------------------------------------- */

static void
on_removed_saved_cb (GObject      *source,
                     GAsyncResult *res,
                     gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(Mp2Schedule) saved = NULL;
  GError *error = NULL;
  Mp2Schedule *schedule;

  saved = mp2_pipeline_run_job_finish (self, res, &error);
  if (saved == NULL)
    {
      fail (self, task, error);
      return;
    }

  schedule = mp2_pipeline_adopt (self, saved);
  mp2_pipeline_emit_updated (self, schedule, "state");
  g_task_return_boolean (task, TRUE);
}

static void
on_event_deleted_cb (GObject      *source,
                     GAsyncResult *res,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Mp2Pipeline *self = g_task_get_source_object (task);
  CalendarOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mp2_calendar_sink_delete_finish (MP2_CALENDAR_SINK (source), res, &error))
    {
      fail (self, task, error);
      return;
    }

  save_state (self, task, op->final_state, NULL, TRUE, on_removed_saved_cb);
}

static void
on_remove_link_cb (GObject      *source,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  CalendarOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->link = mp2_pipeline_run_job_finish (self, res, &error);
  if (op->link == NULL)
    {
      fail (self, task, error);
      return;
    }

  if (op->link->event_uid == NULL)
    save_state (self, task, op->final_state, NULL, FALSE, on_removed_saved_cb);
  else
    mp2_calendar_sink_delete_async (self->sink, op->link->calendar_id, op->link->event_uid,
                                    g_task_get_cancellable (task), on_event_deleted_cb,
                                    g_object_ref (task));
}

/* Takes the day's event out of the calendar, if it has one, then saves @state. */
static void
remove_from_calendar (Mp2Pipeline         *self,
                      gint64               schedule_id,
                      Mp2DayState          state,
                      gpointer             source_tag,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Mp2Schedule *schedule = mp2_pipeline_lookup (self, schedule_id);
  CalendarOp *op;

  if (schedule == NULL)
    {
      g_task_report_new_error (self, callback, user_data, source_tag,
                               MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND,
                               _("This day is no longer in the list."));
      return;
    }

  task = calendar_task_new (self, schedule, source_tag, cancellable, callback, user_data);
  op = g_task_get_task_data (task);
  op->final_state = state;

  if (self->sink == NULL || mp2_schedule_get_day_key (schedule) == NULL)
    save_state (self, task, state, NULL, FALSE, on_removed_saved_cb);
  else
    get_link (self, task, on_remove_link_cb);
}

/**
 * mp2_pipeline_unconfirm_async:
 * @self: the pipeline
 * @schedule_id: a confirmed day
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is back in review
 * @user_data: data for @callback
 *
 * Undoes a confirmation: the event leaves the calendar, the day waits for review.
 */
void
mp2_pipeline_unconfirm_async (Mp2Pipeline         *self,
                              gint64               schedule_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (MP2_IS_PIPELINE (self));

  remove_from_calendar (self, schedule_id, MP2_DAY_STATE_NEEDS_REVIEW,
                        mp2_pipeline_unconfirm_async, cancellable, callback, user_data);
}

gboolean
mp2_pipeline_unconfirm_finish (Mp2Pipeline   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mp2_pipeline_dismiss_async:
 * @self: the pipeline
 * @schedule_id: a day
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is set aside
 * @user_data: data for @callback
 *
 * Sets a day aside (not a call sheet for me, or no longer needed): its event, if any,
 * leaves the calendar and the day leaves the list. The document stays stored.
 */
void
mp2_pipeline_dismiss_async (Mp2Pipeline         *self,
                            gint64               schedule_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (MP2_IS_PIPELINE (self));

  remove_from_calendar (self, schedule_id, MP2_DAY_STATE_DISMISSED,
                        mp2_pipeline_dismiss_async, cancellable, callback, user_data);
}

gboolean
mp2_pipeline_dismiss_finish (Mp2Pipeline   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
