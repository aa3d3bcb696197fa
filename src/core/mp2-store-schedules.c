/* mp2-store-schedules.c
 *
 * The schedules: finding and listing them, and saving each change of state in one
 * transaction, a revision and a sync included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-store"

#include "config.h"

#include "mp2-store.h"

#include "mp2-day.h"
#include "mp2-store-private.h"

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *parameter,
                 const char   *text)
{
  int position = sqlite3_bind_parameter_index (stmt, parameter);

  g_assert (position > 0);
  mp2_store_bind_text (stmt, position, text);
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *parameter,
                gint64        value)
{
  int position = sqlite3_bind_parameter_index (stmt, parameter);

  g_assert (position > 0);
  sqlite3_bind_int64 (stmt, position, value);
}

/* Reading ------------------------------------------------------------------------------ */

static Mp2StoreRow *
select_schedule_row (Mp2Store     *self,
                     gint64        id,
                     GError      **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = mp2_store_prepare (self, "SELECT " MP2_STORE_ROW_COLUMNS " FROM schedules WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!mp2_store_step (self, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      mp2_store_set_not_found_error (error);
      return NULL;
    }

  return mp2_store_row_new_from_statement (stmt);
}

/**
 * mp2_store_get_schedule:
 * @self: a #Mp2Store
 * @id: the schedule's id
 * @error: where to report a #MP2_STORE_ERROR (%MP2_STORE_ERROR_NOT_FOUND without it)
 *
 * Blocking; see mp2_store_get_schedule_async().
 *
 * Returns: (transfer full): a new object for the stored schedule, or %NULL with
 *   @error set
 */
Mp2Schedule *
mp2_store_get_schedule (Mp2Store  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(Mp2StoreRow) row = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  row = select_schedule_row (self, id, error);
  if (row == NULL)
    return NULL;

  return mp2_store_row_to_schedule (row, error);
}

static GPtrArray *
select_listed_rows (Mp2Store           *self,
                    Mp2StoreListFlags   flags,
                    GError            **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mp2_store_prepare (self,
                            "SELECT " MP2_STORE_ROW_COLUMNS " FROM schedules "
                            "WHERE (state != :superseded OR :with_superseded) "
                            "AND (state != :dismissed OR :with_dismissed) "
                            "ORDER BY id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  bind_named_text (stmt, ":superseded", mp2_day_state_to_string (MP2_DAY_STATE_SUPERSEDED));
  bind_named_text (stmt, ":dismissed", mp2_day_state_to_string (MP2_DAY_STATE_DISMISSED));
  bind_named_int (stmt, ":with_superseded", (flags & MP2_STORE_LIST_SUPERSEDED) != 0);
  bind_named_int (stmt, ":with_dismissed", (flags & MP2_STORE_LIST_DISMISSED) != 0);

  return mp2_store_collect_rows (self, stmt, error);
}

/**
 * mp2_store_list_schedules:
 * @self: a #Mp2Store
 * @flags: which schedules besides the current ones (not superseded, not dismissed)
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Lists schedules, newest first (by id, that is by when they were stored). Failed
 * ones are current: they wait for a retry. Blocking; see
 * mp2_store_list_schedules_async().
 *
 * Returns: (transfer container) (element-type Mp2Schedule): the schedules, or %NULL
 *   with @error set
 */
GPtrArray *
mp2_store_list_schedules (Mp2Store           *self,
                          Mp2StoreListFlags   flags,
                          GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = select_listed_rows (self, flags, error);
  if (rows == NULL)
    return NULL;

  return mp2_store_rows_to_schedules (rows);
}

static GPtrArray *
select_rows_in_state (Mp2Store     *self,
                      Mp2DayState   state,
                      GError      **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mp2_store_prepare (self,
                            "SELECT " MP2_STORE_ROW_COLUMNS " FROM schedules "
                            "WHERE state = ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  mp2_store_bind_text (stmt, 1, mp2_day_state_to_string (state));
  return mp2_store_collect_rows (self, stmt, error);
}

/**
 * mp2_store_list_in_state:
 * @self: a #Mp2Store
 * @state: a state
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Lists the schedules in @state, oldest first: what the pipeline resumes after a
 * crash or a quit. Blocking.
 *
 * Returns: (transfer container) (element-type Mp2Schedule): the schedules, or %NULL
 *   with @error set
 */
GPtrArray *
mp2_store_list_in_state (Mp2Store     *self,
                         Mp2DayState   state,
                         GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = select_rows_in_state (self, state, error);
  if (rows == NULL)
    return NULL;

  return mp2_store_rows_to_schedules (rows);
}

static gboolean
select_current_of_day (Mp2Store      *self,
                       const char    *day_key,
                       gint64         except_id,
                       Mp2StoreRow  **row,
                       GError       **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = mp2_store_prepare (self,
                            "SELECT " MP2_STORE_ROW_COLUMNS " FROM schedules "
                            "WHERE day_key = :day_key AND id != :except "
                            "AND state NOT IN (:superseded, :dismissed, :failed) "
                            "ORDER BY revision DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_named_text (stmt, ":day_key", day_key);
  bind_named_int (stmt, ":except", except_id);
  bind_named_text (stmt, ":superseded", mp2_day_state_to_string (MP2_DAY_STATE_SUPERSEDED));
  bind_named_text (stmt, ":dismissed", mp2_day_state_to_string (MP2_DAY_STATE_DISMISSED));
  bind_named_text (stmt, ":failed", mp2_day_state_to_string (MP2_DAY_STATE_FAILED));
  if (!mp2_store_step (self, stmt, &has_row, error))
    return FALSE;

  *row = has_row ? mp2_store_row_new_from_statement (stmt) : NULL;
  return TRUE;
}

/**
 * mp2_store_find_day:
 * @self: a #Mp2Store
 * @day_key: a day's key (mp2_day_key_new())
 * @except_id: a schedule to leave out (the one being identified), or 0
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Finds the current schedule of a day: neither superseded, dismissed nor failed,
 * the highest revision (the latest stored of equal ones). Blocking.
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL when the day has
 *   none (@error unset) or on an error (@error set)
 */
Mp2Schedule *
mp2_store_find_day (Mp2Store    *self,
                    const char  *day_key,
                    gint64       except_id,
                    GError     **error)
{
  g_autoptr(Mp2StoreRow) row = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);
  g_return_val_if_fail (day_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!select_current_of_day (self, day_key, except_id, &row, error) || row == NULL)
    return NULL;

  return mp2_store_row_to_schedule (row, error);
}

/* Writing ------------------------------------------------------------------------------ */

static gboolean
update_schedule_row_cb (Mp2Store  *self,
                        gpointer   data,
                        GError   **error)
{
  return mp2_store_update_row (self, data, error);
}

/**
 * mp2_store_save_schedule:
 * @self: a #Mp2Store
 * @schedule: the schedule
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Saves every field of @schedule (a stored one: mp2_store_add_document() makes
 * them) in one transaction, and sets its updated time. Its document and creation
 * time never change. Once a schedule supersedes another it keeps naming it, and a
 * superseded one stays superseded: mp2_store_save_revision() is the way to
 * supersede. Blocking.
 *
 * Returns: %TRUE when saved, %FALSE with @error set
 */
gboolean
mp2_store_save_schedule (Mp2Store     *self,
                         Mp2Schedule  *schedule,
                         GError      **error)
{
  g_autoptr(Mp2StoreRow) row = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (MP2_IS_SCHEDULE (schedule), FALSE);
  g_return_val_if_fail (mp2_schedule_get_id (schedule) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  row = mp2_store_row_new_from_schedule (schedule, mp2_store_now ());
  if (!mp2_store_run_transaction (self, update_schedule_row_cb, row, error))
    return FALSE;

  mp2_store_row_apply (schedule, row);
  return TRUE;
}

typedef struct
{
  gint64      id;
  const char *plan_json;
  const char *weather_json;
  gint64      now;
} SavePlan;

static gboolean
update_plan_cb (Mp2Store  *self,
                gpointer   data,
                GError   **error)
{
  SavePlan *save = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mp2_store_prepare (self,
                            "UPDATE schedules SET plan_json = ?1, weather_json = ?2, "
                            "updated_at = ?3 WHERE id = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, save->plan_json);
  mp2_store_bind_text (stmt, 2, save->weather_json);
  sqlite3_bind_int64 (stmt, 3, save->now);
  sqlite3_bind_int64 (stmt, 4, save->id);
  return mp2_store_step_update (self, stmt, error);
}

/**
 * mp2_store_save_plan:
 * @self: a #Mp2Store
 * @schedule_id: the schedule
 * @plan_json: (nullable): its plan (wake-up, route…)
 * @weather_json: (nullable): the forecast at its set
 *
 * Saves a day's plan and weather alone: an edit saved meanwhile, which the planner
 * never saw, is kept. Blocking.
 *
 * Returns: %TRUE when saved, %FALSE with @error set (%MP2_STORE_ERROR_NOT_FOUND when
 *   there is no such schedule)
 */
gboolean
mp2_store_save_plan (Mp2Store    *self,
                     gint64       schedule_id,
                     const char  *plan_json,
                     const char  *weather_json,
                     GError     **error)
{
  SavePlan save = {
    .id = schedule_id,
    .plan_json = plan_json,
    .weather_json = weather_json,
    .now = mp2_store_now (),
  };

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (schedule_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mp2_store_run_transaction (self, update_plan_cb, &save, error);
}

typedef struct
{
  gint64       superseded_id;
  gint64       now;
  Mp2StoreRow *revision;
} SaveRevision;

static gboolean
mark_superseded (Mp2Store     *self,
                 gint64        id,
                 gint64        now,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mp2_store_prepare (self,
                            "UPDATE schedules SET state = ?1, updated_at = ?2 WHERE id = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, mp2_day_state_to_string (MP2_DAY_STATE_SUPERSEDED));
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);
  return mp2_store_step_update (self, stmt, error);
}

/* The revision first: the database lets a schedule become superseded only when a
 * revision names it. */
static gboolean
save_revision_rows (Mp2Store  *self,
                    gpointer   data,
                    GError   **error)
{
  SaveRevision *save = data;

  return mp2_store_update_row (self, save->revision, error) &&
         mark_superseded (self, save->superseded_id, save->now, error);
}

/**
 * mp2_store_save_revision:
 * @self: a #Mp2Store
 * @superseded: the day's schedule until now
 * @revision: a later sheet of the same day, stored
 * @error: where to report a #MP2_STORE_ERROR
 *
 * In one transaction, saves @revision as superseding @superseded and makes
 * @superseded "superseded"; both objects are updated to match. Blocking.
 *
 * Returns: %TRUE when saved, %FALSE with @error set
 */
gboolean
mp2_store_save_revision (Mp2Store     *self,
                         Mp2Schedule  *superseded,
                         Mp2Schedule  *revision,
                         GError      **error)
{
  g_autoptr(Mp2StoreRow) row = NULL;
  SaveRevision save = { 0 };

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (MP2_IS_SCHEDULE (superseded), FALSE);
  g_return_val_if_fail (MP2_IS_SCHEDULE (revision), FALSE);
  g_return_val_if_fail (mp2_schedule_get_id (superseded) > 0, FALSE);
  g_return_val_if_fail (mp2_schedule_get_id (revision) > 0, FALSE);
  g_return_val_if_fail (mp2_schedule_get_id (superseded) != mp2_schedule_get_id (revision), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  save.superseded_id = mp2_schedule_get_id (superseded);
  save.now = mp2_store_now ();
  row = mp2_store_row_new_from_schedule (revision, save.now);
  row->supersedes = save.superseded_id;
  save.revision = row;

  if (!mp2_store_run_transaction (self, save_revision_rows, &save, error))
    return FALSE;

  mp2_store_row_apply (revision, row);
  mp2_schedule_set_state (superseded, MP2_DAY_STATE_SUPERSEDED);
  mp2_schedule_set_updated_at (superseded, save.now);
  return TRUE;
}

typedef struct
{
  Mp2StoreRow           *schedule;
  const Mp2CalendarLink *link;
  gint64                 synced_at;
} SaveSynced;

static gboolean
upsert_calendar_link (Mp2Store          *self,
                      const char        *day_key,
                      SaveSynced        *save,
                      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mp2_store_prepare (self,
                            "INSERT INTO calendar_links "
                            "(day_key, sink, calendar_id, event_uid, etag, synced_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                            "ON CONFLICT (day_key, sink) DO UPDATE SET "
                            "calendar_id = excluded.calendar_id, event_uid = excluded.event_uid, "
                            "etag = excluded.etag, synced_at = excluded.synced_at",
                            error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, day_key);
  mp2_store_bind_text (stmt, 2, save->link->sink);
  mp2_store_bind_text (stmt, 3, save->link->calendar_id);
  mp2_store_bind_text (stmt, 4, save->link->event_uid);
  mp2_store_bind_text (stmt, 5, save->link->etag);
  sqlite3_bind_int64 (stmt, 6, save->synced_at);

  return mp2_store_step_done (self, stmt, error);
}

static gboolean
save_synced_rows (Mp2Store  *self,
                  gpointer   data,
                  GError   **error)
{
  SaveSynced *save = data;

  return mp2_store_update_row (self, save->schedule, error) &&
         upsert_calendar_link (self, save->schedule->day_key, save, error);
}

/**
 * mp2_store_save_synced:
 * @self: a #Mp2Store
 * @schedule: a stored schedule with a day key, now in the calendar
 * @link: the day's event in the calendar
 * @error: where to report a #MP2_STORE_ERROR
 *
 * In one transaction, saves @schedule in state "synced" and the day's link to its
 * event (replacing the day's earlier link in the same sink). A @link without a
 * synced time is stamped with the present. Blocking.
 *
 * Returns: %TRUE when saved, %FALSE with @error set
 */
gboolean
mp2_store_save_synced (Mp2Store              *self,
                       Mp2Schedule           *schedule,
                       const Mp2CalendarLink *link,
                       GError               **error)
{
  g_autoptr(Mp2StoreRow) row = NULL;
  SaveSynced save = { 0 };

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (MP2_IS_SCHEDULE (schedule), FALSE);
  g_return_val_if_fail (mp2_schedule_get_id (schedule) > 0, FALSE);
  g_return_val_if_fail (mp2_schedule_get_day_key (schedule) != NULL, FALSE);
  g_return_val_if_fail (link != NULL && link->sink != NULL, FALSE);
  g_return_val_if_fail (link->calendar_id != NULL && link->event_uid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  row = mp2_store_row_new_from_schedule (schedule, mp2_store_now ());
  g_free (row->state);
  row->state = g_strdup (mp2_day_state_to_string (MP2_DAY_STATE_SYNCED));
  save.schedule = row;
  save.link = link;
  save.synced_at = link->synced_at > 0 ? link->synced_at : row->updated_at;

  if (!mp2_store_run_transaction (self, save_synced_rows, &save, error))
    return FALSE;

  mp2_store_row_apply (schedule, row);
  return TRUE;
}

/* Off the main thread ------------------------------------------------------------- */

static void
list_schedules_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *schedules;

  if (g_task_return_error_if_cancelled (task))
    return;

  schedules = mp2_store_list_schedules (source_object, GPOINTER_TO_UINT (task_data), &error);
  if (schedules == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, schedules, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * mp2_store_list_schedules_async:
 * @self: a #Mp2Store
 * @flags: as for mp2_store_list_schedules()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Runs mp2_store_list_schedules() in a worker thread.
 */
void
mp2_store_list_schedules_async (Mp2Store            *self,
                                Mp2StoreListFlags    flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP2_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_store_list_schedules_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (flags), NULL);
  g_task_run_in_thread (task, list_schedules_thread);
}

/**
 * mp2_store_list_schedules_finish:
 * @self: a #Mp2Store
 * @result: the result given to the callback
 * @error: where to report a #MP2_STORE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer container) (element-type Mp2Schedule): the schedules, or %NULL
 *   with @error set
 */
GPtrArray *
mp2_store_list_schedules_finish (Mp2Store      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_store_list_schedules_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
get_schedule_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  const gint64 *id = task_data;
  Mp2Schedule *schedule;

  if (g_task_return_error_if_cancelled (task))
    return;

  schedule = mp2_store_get_schedule (source_object, *id, &error);
  if (schedule == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, schedule, g_object_unref);
}

/**
 * mp2_store_get_schedule_async:
 * @self: a #Mp2Store
 * @id: the schedule's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the schedule
 * @user_data: data for @callback
 *
 * Runs mp2_store_get_schedule() in a worker thread.
 */
void
mp2_store_get_schedule_async (Mp2Store            *self,
                              gint64               id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP2_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_store_get_schedule_async);
  g_task_set_task_data (task, g_memdup2 (&id, sizeof id), g_free);
  g_task_run_in_thread (task, get_schedule_thread);
}

/**
 * mp2_store_get_schedule_finish:
 * @self: a #Mp2Store
 * @result: the result given to the callback
 * @error: where to report a #MP2_STORE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the schedule, or %NULL with @error set
 */
Mp2Schedule *
mp2_store_get_schedule_finish (Mp2Store      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mp2_store_get_schedule_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
