/* mp2-pipeline.c
 *
 * A document's way from its source to a day to review: stored (its bytes and where
 * it came from, in one transaction), read in a worker thread, put to its day — the
 * first sheet of a day, or a revision of one, whose changes and the user's edits
 * carried over are worked out — and saved for review. Each step is saved as it is
 * done, so that start-up finishes what a crash interrupted.
 *
 * The calendar half (confirm, undo, dismiss) is in mp2-pipeline-calendar.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-pipeline"

#include "config.h"

#include "mp2-pipeline.h"

#include <glib/gi18n-lib.h>

#include "mp2-call-sheet-parser.h"
#include "mp2-errors.h"
#include "mp2-pipeline-private.h"

G_DEFINE_FINAL_TYPE (Mp2Pipeline, mp2_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint mp2_pipeline_signals[N_SIGNALS];

/* Busy: something the user waits for is under way ------------------------------------ */

static void
on_task_completed_cb (GTask       *task,
                      GParamSpec  *pspec,
                      Mp2Pipeline *self)
{
  g_assert (self->n_working > 0);

  if (--self->n_working == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * mp2_pipeline_hold_busy:
 * @self: the pipeline
 * @task: an import or a calendar write
 *
 * The pipeline is busy until @task completes.
 */
void
mp2_pipeline_hold_busy (Mp2Pipeline *self,
                        GTask       *task)
{
  if (self->n_working++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  g_signal_connect_object (task, "notify::completed", G_CALLBACK (on_task_completed_cb), self, 0);
}

/**
 * mp2_pipeline_get_busy:
 * @self: the pipeline
 *
 * Returns: %TRUE while documents are read or days written to the calendar
 */
gboolean
mp2_pipeline_get_busy (Mp2Pipeline *self)
{
  g_return_val_if_fail (MP2_IS_PIPELINE (self), FALSE);

  return self->n_working > 0;
}

/* Jobs on the store ------------------------------------------------------------------ */

typedef struct
{
  Mp2StoreJob    job;
  gpointer       data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} JobData;

static void
job_data_free (gpointer pointer)
{
  JobData *job = pointer;

  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_free (job);
}

static void
run_job_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JobData *job = task_data;
  GError *error = NULL;
  gpointer result;

  result = job->job (source_object, job->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

/**
 * mp2_pipeline_run_job:
 * @self: the pipeline
 * @job: the blocking work
 * @data: (transfer full): its data
 * @data_free: (nullable): frees @data
 * @result_free: (nullable): frees the result if nobody takes it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the main thread with the result
 * @user_data: data for @callback
 *
 * Runs @job in a worker thread: every call on the store goes through here, so that
 * SQLite and the disk never hold up the main loop.
 */
void
mp2_pipeline_run_job (Mp2Pipeline         *self,
                      Mp2StoreJob          job,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GDestroyNotify       result_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  JobData *job_data = g_new0 (JobData, 1);

  job_data->job = job;
  job_data->data = data;
  job_data->data_free = data_free;
  job_data->result_free = result_free;

  g_task_set_source_tag (task, mp2_pipeline_run_job);
  g_task_set_task_data (task, job_data, job_data_free);
  g_task_run_in_thread (task, run_job_thread);
}

gpointer
mp2_pipeline_run_job_finish (Mp2Pipeline   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_pipeline_run_job, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The list of days ---------------------------------------------------------------- */

static gboolean
is_current (Mp2Schedule *schedule)
{
  Mp2DayState state = mp2_schedule_get_state (schedule);

  return state != MP2_DAY_STATE_SUPERSEDED && state != MP2_DAY_STATE_DISMISSED;
}

static void
remove_day (Mp2Pipeline *self,
            Mp2Schedule *schedule)
{
  gint64 id = mp2_schedule_get_id (schedule);
  guint position;

  if (g_list_store_find (self->days, schedule, &position))
    g_list_store_remove (self->days, position);
  g_hash_table_remove (self->by_id, &id);
  /* its re-checks before leaving go with it */
  g_hash_table_remove (self->rechecks, &id);
  g_hash_table_remove (self->rechecking, &id);
}

static void
add_day (Mp2Pipeline *self,
         Mp2Schedule *schedule)
{
  gint64 *id = g_new (gint64, 1);

  *id = mp2_schedule_get_id (schedule);
  g_hash_table_insert (self->by_id, id, g_object_ref (schedule));
  g_list_store_insert (self->days, 0, schedule);
}

static void
update_from (Mp2Schedule *current,
             Mp2Schedule *stored)
{
  mp2_schedule_set_day_key (current, mp2_schedule_get_day_key (stored));
  mp2_schedule_set_supersedes (current, mp2_schedule_get_supersedes (stored));
  mp2_schedule_set_sheet (current, mp2_schedule_get_sheet (stored));
  mp2_schedule_set_edits (current, mp2_schedule_get_edits (stored));
  mp2_schedule_set_changes (current, mp2_schedule_get_changes (stored));
  mp2_schedule_set_conflicts (current, mp2_schedule_get_conflicts (stored));
  /* not the plan: the list's object has the latest (mp2-pipeline-plan.c), a copy saved
   * for another reason may be older */
  mp2_schedule_set_error (current, mp2_schedule_get_error_code (stored),
                          mp2_schedule_get_error_message (stored));
  mp2_schedule_set_updated_at (current, mp2_schedule_get_updated_at (stored));
  /* last: a listener of "state" sees the rest already in place */
  mp2_schedule_set_state (current, mp2_schedule_get_state (stored));
}

/**
 * mp2_pipeline_adopt:
 * @self: the pipeline
 * @stored: a schedule as a worker thread read or saved it
 *
 * Brings the list of days up to date with @stored: the object the list holds is
 * updated in place (so that the widgets bound to it follow), added when new, and
 * taken out when it is superseded or dismissed.
 *
 * Returns: (transfer none): the object the pipeline keeps for that schedule
 */
Mp2Schedule *
mp2_pipeline_adopt (Mp2Pipeline *self,
                    Mp2Schedule *stored)
{
  gint64 id = mp2_schedule_get_id (stored);
  Mp2Schedule *current = g_hash_table_lookup (self->by_id, &id);

  if (current == NULL)
    {
      if (is_current (stored))
        add_day (self, stored);
      return stored;
    }

  update_from (current, stored);
  if (!is_current (current))
    {
      /* the caller may still use it for its signals */
      g_autoptr(Mp2Schedule) kept = g_object_ref (current);

      remove_day (self, current);
      return kept;
    }

  return current;
}

void
mp2_pipeline_emit_updated (Mp2Pipeline *self,
                           Mp2Schedule *schedule,
                           const char  *detail)
{
  g_signal_emit (self, mp2_pipeline_signals[SIGNAL_SCHEDULE_UPDATED],
                 g_quark_from_static_string (detail), schedule);
}

/* Reading and placing a document --------------------------------------------------- */

typedef struct
{
  GBytes            *pdf;
  char              *message_id;
  char              *account;
  char              *subject;
  char              *sender;
  gint64             received_at;
  char              *file_name;
  Mp2ImportFlags     flags;
  char              *crew_name;
  char              *password;
  gint64             retry_id;     /* reading a stored document again */
} ImportRequest;

static void
import_request_free (gpointer data)
{
  ImportRequest *request = data;

  g_clear_pointer (&request->pdf, g_bytes_unref);
  g_free (request->message_id);
  g_free (request->account);
  g_free (request->subject);
  g_free (request->sender);
  g_free (request->file_name);
  g_free (request->crew_name);
  g_free (request->password);
  g_free (request);
}

typedef enum
{
  OUTCOME_KNOWN,        /* the same PDF was stored before */
  OUTCOME_FAILED,       /* it could not be read */
  OUTCOME_SET_ASIDE,    /* not a call sheet, from a watched folder */
  OUTCOME_NEW_DAY,
  OUTCOME_REVISION,
  OUTCOME_OLDER,        /* an older revision of a day we have, come late */
} ImportOutcome;

typedef struct
{
  ImportOutcome  outcome;
  Mp2Schedule   *schedule;
  Mp2Schedule   *superseded;
  GError        *error;         /* why it failed */
} ImportResult;

static void
import_result_free (gpointer data)
{
  ImportResult *result = data;

  g_clear_object (&result->schedule);
  g_clear_object (&result->superseded);
  g_clear_error (&result->error);
  g_free (result);
}

static char *
day_key_for (Mp2Schedule  *schedule,
             Mp2CallSheet *sheet)
{
  char *key = mp2_day_key_for_sheet (sheet);

  /* Without a date a sheet cannot be matched with another: it is a day of its own,
   * which the user dates in the review. */
  return key != NULL ? key : g_strconcat ("document:", mp2_schedule_get_document (schedule), NULL);
}

/* A later revision number wins; with the same number, the one that came later. */
static gboolean
is_older_revision (Mp2CallSheet *sheet,
                   Mp2CallSheet *previous)
{
  return mp2_call_sheet_get_revision (sheet) < mp2_call_sheet_get_revision (previous);
}

static gboolean
place_revision (Mp2Pipeline   *self,
                Mp2Schedule   *schedule,
                Mp2Schedule   *previous,
                ImportResult  *result,
                GError       **error)
{
  Mp2CallSheet *sheet = mp2_schedule_get_sheet (schedule);
  Mp2CallSheet *previous_sheet = mp2_schedule_get_sheet (previous);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) edits = NULL;

  if (is_older_revision (sheet, previous_sheet))
    {
      mp2_schedule_set_state (schedule, MP2_DAY_STATE_SUPERSEDED);
      result->outcome = OUTCOME_OLDER;
      return mp2_store_save_schedule (self->store, schedule, error);
    }

  changes = mp2_day_diff (previous_sheet, sheet);
  edits = mp2_day_carry_edits (previous_sheet, sheet, mp2_schedule_get_edits (previous),
                               &conflicts);
  mp2_schedule_set_changes (schedule, changes);
  mp2_schedule_set_edits (schedule, edits);
  mp2_schedule_set_conflicts (schedule, conflicts);
  mp2_schedule_set_supersedes (schedule, mp2_schedule_get_id (previous));
  mp2_schedule_set_state (schedule, MP2_DAY_STATE_NEEDS_REVIEW);
  mp2_schedule_set_state (previous, MP2_DAY_STATE_SUPERSEDED);

  if (!mp2_store_save_revision (self->store, previous, schedule, error))
    return FALSE;

  result->outcome = OUTCOME_REVISION;
  result->superseded = g_object_ref (previous);
  return TRUE;
}

/* Puts a read sheet to its day and saves it for review. */
static gboolean
place_sheet (Mp2Pipeline   *self,
             Mp2Schedule   *schedule,
             ImportResult  *result,
             GError       **error)
{
  g_autofree char *day_key = day_key_for (schedule, mp2_schedule_get_sheet (schedule));
  g_autoptr(Mp2Schedule) previous = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->identify_lock);
  g_autoptr(GError) local_error = NULL;

  mp2_schedule_set_day_key (schedule, day_key);
  previous = mp2_store_find_day (self->store, day_key, mp2_schedule_get_id (schedule),
                                 &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (previous != NULL && mp2_schedule_get_sheet (previous) != NULL)
    return place_revision (self, schedule, previous, result, error);

  mp2_schedule_set_state (schedule, MP2_DAY_STATE_NEEDS_REVIEW);
  result->outcome = OUTCOME_NEW_DAY;
  return mp2_store_save_schedule (self->store, schedule, error);
}

static gboolean
record_failure (Mp2Pipeline    *self,
                Mp2Schedule    *schedule,
                const GError   *failure,
                ImportRequest  *request,
                ImportResult   *result,
                GError        **error)
{
  const char *code = "unknown";
  gboolean quiet = (request->flags & MP2_IMPORT_QUIET_UNLESS_SHEET) != 0 ||
                   ((request->flags & MP2_IMPORT_QUIET_IF_OTHER_DOCUMENT) != 0 &&
                    g_error_matches (failure, MP2_PARSE_ERROR,
                                     MP2_PARSE_ERROR_NOT_A_CALL_SHEET));

  if (failure->domain == MP2_PARSE_ERROR)
    code = mp2_parse_error_code_to_string ((Mp2ParseError) failure->code);

  mp2_schedule_set_error (schedule, code, failure->message);
  if (quiet)
    {
      mp2_schedule_set_state (schedule, MP2_DAY_STATE_DISMISSED);
      result->outcome = OUTCOME_SET_ASIDE;
    }
  else
    {
      mp2_schedule_set_state (schedule, MP2_DAY_STATE_FAILED);
      result->outcome = OUTCOME_FAILED;
      result->error = g_error_copy (failure);
    }

  return mp2_store_save_schedule (self->store, schedule, error);
}

/* Reads the document of @schedule and places it; in a worker thread. */
static gboolean
process_document (Mp2Pipeline    *self,
                  Mp2Schedule    *schedule,
                  GBytes         *pdf,
                  ImportRequest  *request,
                  GCancellable   *cancellable,
                  ImportResult   *result,
                  GError        **error)
{
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(GError) failure = NULL;

  document = mp2_pdf_document_new_from_bytes (pdf, request->password, &failure);
  if (document != NULL)
    sheet = mp2_call_sheet_parse (document, request->crew_name, cancellable, &failure);

  if (sheet == NULL)
    {
      /* Cancelled (the app quits): left as it is, read again at the next start. */
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }
      return record_failure (self, schedule, failure, request, result, error);
    }

  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_error (schedule, NULL, NULL);
  mp2_schedule_set_state (schedule, MP2_DAY_STATE_PARSED);
  if (!mp2_store_save_schedule (self->store, schedule, error))
    return FALSE;

  return place_sheet (self, schedule, result, error);
}

static Mp2Schedule *
store_request (Mp2Pipeline    *self,
               ImportRequest  *request,
               gboolean       *known,
               GError        **error)
{
  Mp2DocumentOrigin origin = {
    .message_id = request->message_id,
    .account = request->account,
    .subject = request->subject,
    .sender = request->sender,
    .received_at = request->received_at,
    .file_name = request->file_name,
  };
  gint64 id;

  if (request->retry_id > 0)
    {
      *known = FALSE;
      return mp2_store_get_schedule (self->store, request->retry_id, error);
    }

  id = mp2_store_add_document (self->store, request->pdf, &origin, known, error);
  if (id <= 0)
    return NULL;

  return mp2_store_get_schedule (self->store, id, error);
}

static gpointer
import_job (Mp2Pipeline   *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ImportRequest *request = data;
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ImportResult *result = g_new0 (ImportResult, 1);
  gboolean known = FALSE;

  schedule = store_request (self, request, &known, error);
  if (schedule == NULL)
    goto failed;

  result->schedule = g_object_ref (schedule);
  if (known)
    {
      result->outcome = OUTCOME_KNOWN;
      return result;
    }

  pdf = request->pdf != NULL ? g_bytes_ref (request->pdf)
                             : mp2_store_load_pdf (self->store, mp2_schedule_get_document (schedule),
                                                   error);
  if (pdf == NULL)
    goto failed;

  if (!process_document (self, schedule, pdf, request, cancellable, result, error))
    goto failed;

  return result;

failed:
  import_result_free (result);
  return NULL;
}

static void
announce_import (Mp2Pipeline  *self,
                 ImportResult *result,
                 Mp2Schedule  *schedule)
{
  if (result->superseded != NULL)
    mp2_pipeline_adopt (self, result->superseded);

  g_signal_emit (self, mp2_pipeline_signals[SIGNAL_EMAIL_RECEIVED], 0, schedule);
  g_signal_emit (self, mp2_pipeline_signals[SIGNAL_DOCUMENT_PARSED], 0, schedule);

  switch (result->outcome)
    {
    case OUTCOME_FAILED:
      g_signal_emit (self, mp2_pipeline_signals[SIGNAL_ERROR_OCCURRED], 0, schedule,
                     result->error);
      break;
    case OUTCOME_NEW_DAY:
      g_signal_emit (self, mp2_pipeline_signals[SIGNAL_SCHEDULE_CREATED], 0, schedule);
      mp2_pipeline_plan_day (self, mp2_schedule_get_id (schedule));
      break;
    case OUTCOME_REVISION:
      mp2_pipeline_emit_updated (self, schedule, "revision");
      mp2_pipeline_plan_day (self, mp2_schedule_get_id (schedule));
      break;
    case OUTCOME_KNOWN:
    case OUTCOME_SET_ASIDE:
    case OUTCOME_OLDER:
    default:
      break;
    }
}

static void
on_import_job_done_cb (GObject      *source,
                       GAsyncResult *res,
                       gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ImportResult *result;
  Mp2Schedule *schedule;

  result = mp2_pipeline_run_job_finish (self, res, &error);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, mp2_pipeline_signals[SIGNAL_ERROR_OCCURRED], 0, NULL, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  schedule = mp2_pipeline_adopt (self, result->schedule);
  if (result->outcome != OUTCOME_KNOWN)
    announce_import (self, result, schedule);

  g_task_return_pointer (task, g_object_ref (schedule), g_object_unref);
  import_result_free (result);
}

static ImportRequest *
import_request_new (Mp2Pipeline *self)
{
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->crew_name = g_settings_get_string (self->settings, "crew-name");

  return request;
}

/**
 * mp2_pipeline_import_async:
 * @self: the pipeline
 * @pdf: the document's bytes
 * @origin: where it came from
 * @flags: how to treat a document that is not a call sheet
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the schedule
 * @user_data: data for @callback
 *
 * Stores a document, reads it and puts it to its day, in a worker thread. The same
 * PDF a second time resolves to the schedule it became the first time.
 */
void
mp2_pipeline_import_async (Mp2Pipeline             *self,
                           GBytes                  *pdf,
                           const Mp2DocumentOrigin *origin,
                           Mp2ImportFlags           flags,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportRequest *request;

  g_return_if_fail (MP2_IS_PIPELINE (self));
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (origin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_pipeline_import_async);
  mp2_pipeline_hold_busy (self, task);

  request = import_request_new (self);
  request->pdf = g_bytes_ref (pdf);
  request->message_id = g_strdup (origin->message_id);
  request->account = g_strdup (origin->account);
  request->subject = g_strdup (origin->subject);
  request->sender = g_strdup (origin->sender);
  request->received_at = origin->received_at;
  request->file_name = g_strdup (origin->file_name);
  request->flags = flags;

  mp2_pipeline_run_job (self, import_job, request, import_request_free, import_result_free,
                        cancellable, on_import_job_done_cb, g_steal_pointer (&task));
}

/**
 * mp2_pipeline_import_finish:
 * @self: the pipeline
 * @result: the result
 * @error: where to report a #MP2_STORE_ERROR
 *
 * A document that cannot be read as a call sheet is no error here: its schedule
 * is in state "failed", with the reason.
 *
 * Returns: (transfer full): the schedule, or %NULL with @error set
 */
Mp2Schedule *
mp2_pipeline_import_finish (Mp2Pipeline   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_pipeline_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mp2_pipeline_retry_async:
 * @self: the pipeline
 * @schedule_id: a schedule in state "failed"
 * @password: (nullable): the password of an encrypted PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it has been read again
 * @user_data: data for @callback
 *
 * Reads a stored document again: after the user gave its password, or after an
 * update of the reader.
 */
void
mp2_pipeline_retry_async (Mp2Pipeline         *self,
                          gint64               schedule_id,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportRequest *request;

  g_return_if_fail (MP2_IS_PIPELINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_pipeline_retry_async);
  mp2_pipeline_hold_busy (self, task);

  request = import_request_new (self);
  request->retry_id = schedule_id;
  request->password = g_strdup (password);

  mp2_pipeline_run_job (self, import_job, request, import_request_free, import_result_free,
                        cancellable, on_import_job_done_cb, g_steal_pointer (&task));
}

/**
 * mp2_pipeline_retry_finish:
 * @self: the pipeline
 * @result: the result
 * @error: where to report an error
 *
 * Returns: %TRUE when the document was read this time
 */
gboolean
mp2_pipeline_retry_finish (Mp2Pipeline   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(Mp2Schedule) schedule = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  schedule = g_task_propagate_pointer (G_TASK (result), error);
  if (schedule == NULL)
    return FALSE;

  if (mp2_schedule_get_state (schedule) == MP2_DAY_STATE_FAILED)
    {
      Mp2ParseError code = MP2_PARSE_ERROR_CORRUPT;

      mp2_parse_error_code_from_string (mp2_schedule_get_error_code (schedule), &code);
      g_set_error_literal (error, MP2_PARSE_ERROR, code, mp2_schedule_get_error_message (schedule));
      return FALSE;
    }

  return TRUE;
}

/* Start-up ------------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *days;       /* Mp2Schedule, current */
  GPtrArray *to_sync;    /* confirmed, not synced: a crash came between */
} StartResult;

static void
start_result_free (gpointer data)
{
  StartResult *result = data;

  g_clear_pointer (&result->days, g_ptr_array_unref);
  g_clear_pointer (&result->to_sync, g_ptr_array_unref);
  g_free (result);
}

/* Documents stored but not read, or read but not placed, when the app stopped. */
static void
resume_interrupted (Mp2Pipeline  *self,
                    char         *crew_name,
                    GCancellable *cancellable)
{
  static const Mp2DayState unfinished[] = { MP2_DAY_STATE_NEW, MP2_DAY_STATE_PARSED };

  for (guint s = 0; s < G_N_ELEMENTS (unfinished); s++)
    {
      g_autoptr(GPtrArray) schedules = mp2_store_list_in_state (self->store, unfinished[s], NULL);

      for (guint i = 0; schedules != NULL && i < schedules->len; i++)
        {
          Mp2Schedule *schedule = g_ptr_array_index (schedules, i);
          g_autoptr(GError) error = NULL;
          ImportRequest request = { .crew_name = crew_name };
          ImportResult result = { 0 };
          g_autoptr(GBytes) pdf = NULL;

          if (unfinished[s] == MP2_DAY_STATE_PARSED)
            place_sheet (self, schedule, &result, &error);
          else if ((pdf = mp2_store_load_pdf (self->store, mp2_schedule_get_document (schedule),
                                              &error)) != NULL)
            process_document (self, schedule, pdf, &request, cancellable, &result, &error);

          if (error != NULL)
            g_warning ("Could not finish reading stored document %s: %s",
                       mp2_schedule_get_document (schedule), error->message);
          g_clear_object (&result.schedule);
          g_clear_object (&result.superseded);
          g_clear_error (&result.error);
        }
    }
}

static gpointer
start_job (Mp2Pipeline   *self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  StartResult *result;
  g_autoptr(GPtrArray) days = NULL;

  resume_interrupted (self, data, cancellable);

  days = mp2_store_list_schedules (self->store, MP2_STORE_LIST_CURRENT, error);
  if (days == NULL)
    return NULL;

  result = g_new0 (StartResult, 1);
  result->days = g_steal_pointer (&days);
  result->to_sync = mp2_store_list_in_state (self->store, MP2_DAY_STATE_CONFIRMED, NULL);
  if (result->to_sync == NULL)
    result->to_sync = g_ptr_array_new_with_free_func (g_object_unref);

  return result;
}

static void
on_start_job_done_cb (GObject      *source,
                      GAsyncResult *res,
                      gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  StartResult *result;

  result = mp2_pipeline_run_job_finish (self, res, &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* oldest first, so that the newest ends up on top */
  for (guint i = result->days->len; i > 0; i--)
    mp2_pipeline_adopt (self, g_ptr_array_index (result->days, i - 1));

  for (guint i = 0; i < result->to_sync->len; i++)
    {
      Mp2Schedule *stored = g_ptr_array_index (result->to_sync, i);

      mp2_pipeline_sync_confirmed (self, mp2_pipeline_adopt (self, stored));
    }

  start_result_free (result);
  g_task_return_boolean (task, TRUE);
}

/**
 * mp2_pipeline_start_async:
 * @self: the pipeline
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the days are loaded
 * @user_data: data for @callback
 *
 * Loads the stored days, reads the documents that were stored but not read when the
 * app stopped, and writes to the calendar the days that were confirmed but not
 * written.
 */
void
mp2_pipeline_start_async (Mp2Pipeline         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP2_IS_PIPELINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_pipeline_start_async);

  mp2_pipeline_run_job (self, start_job, g_settings_get_string (self->settings, "crew-name"),
                        g_free, start_result_free, cancellable, on_start_job_done_cb,
                        g_steal_pointer (&task));
}

gboolean
mp2_pipeline_start_finish (Mp2Pipeline   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_pipeline_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Edits ----------------------------------------------------------------------------- */

static gpointer
save_job (Mp2Pipeline   *self,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Mp2Schedule *schedule = data;

  if (!mp2_store_save_schedule (self->store, schedule, error))
    return NULL;

  return g_object_ref (schedule);
}

static void
on_save_job_done_cb (GObject      *source,
                     GAsyncResult *res,
                     gpointer      user_data)
{
  Mp2Pipeline *self = MP2_PIPELINE (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(Mp2Schedule) saved = NULL;
  g_autoptr(GError) error = NULL;
  Mp2Schedule *schedule;

  saved = mp2_pipeline_run_job_finish (self, res, &error);
  if (saved == NULL)
    {
      g_signal_emit (self, mp2_pipeline_signals[SIGNAL_ERROR_OCCURRED], 0, NULL, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  schedule = mp2_pipeline_adopt (self, saved);
  mp2_pipeline_emit_updated (self, schedule, g_task_get_task_data (task));
  /* a corrected call, date or place moves the plan */
  mp2_pipeline_plan_day (self, mp2_schedule_get_id (schedule));
  g_task_return_boolean (task, TRUE);
}

/* Saves a changed copy of a schedule, then brings the list's object up to date. */
static void
save_changed (Mp2Pipeline   *self,
              Mp2Schedule   *changed,
              const char    *detail,
              GTask         *task)
{
  g_task_set_task_data (task, (gpointer) detail, NULL);
  mp2_pipeline_run_job (self, save_job, g_object_ref (changed), g_object_unref, g_object_unref,
                        g_task_get_cancellable (task), on_save_job_done_cb, g_object_ref (task));
}

static Mp2Schedule *
lookup_or_fail (Mp2Pipeline  *self,
                gint64        schedule_id,
                GTask        *task)
{
  Mp2Schedule *schedule = mp2_pipeline_lookup (self, schedule_id);

  if (schedule == NULL)
    g_task_return_new_error (task, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND,
                             _("This day is no longer in the list."));

  return schedule;
}

static JsonObject *
copy_edits (JsonObject *edits)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init (&iter, edits);
  while (json_object_iter_next (&iter, &key, &value))
    json_object_set_member (copy, key, json_node_copy (value));

  return copy;
}

/* Editing a day that is in the calendar asks for a new confirmation. */
static void
reopen_for_review (Mp2Schedule *schedule)
{
  Mp2DayState state = mp2_schedule_get_state (schedule);

  if (state == MP2_DAY_STATE_CONFIRMED || state == MP2_DAY_STATE_SYNCED)
    mp2_schedule_set_state (schedule, MP2_DAY_STATE_NEEDS_REVIEW);
}

/**
 * mp2_pipeline_set_edit_async:
 * @self: the pipeline
 * @schedule_id: the day
 * @key: the field (see mp2-day.h)
 * @value: (nullable): its new value; a null node clears the field; %NULL drops the
 *   user's edit, so that the sheet's value shows again
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is saved
 * @user_data: data for @callback
 *
 * Saves one of the user's corrections, or takes one back. A day already in the
 * calendar goes back to review, and is written again when confirmed.
 */
void
mp2_pipeline_set_edit_async (Mp2Pipeline         *self,
                             gint64               schedule_id,
                             const char          *key,
                             JsonNode            *value,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(Mp2Schedule) changed = NULL;
  g_autoptr(JsonObject) edits = NULL;
  Mp2Schedule *schedule;

  g_return_if_fail (MP2_IS_PIPELINE (self));
  g_return_if_fail (key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_pipeline_set_edit_async);

  if (!mp2_day_edit_key_is_valid (key))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "“%s” is not a field that can be edited", key);
      return;
    }
  if ((schedule = lookup_or_fail (self, schedule_id, task)) == NULL)
    return;

  changed = mp2_schedule_copy (schedule);
  edits = copy_edits (mp2_schedule_get_edits (schedule));
  if (value != NULL)
    json_object_set_member (edits, key, json_node_copy (value));
  else if (json_object_has_member (edits, key))
    json_object_remove_member (edits, key);
  mp2_schedule_set_edits (changed, edits);
  reopen_for_review (changed);

  save_changed (self, changed, "edits", task);
}

gboolean
mp2_pipeline_set_edit_finish (Mp2Pipeline   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GPtrArray *
conflicts_without (GPtrArray  *conflicts,
                   const char *key,
                   JsonNode  **theirs)
{
  GPtrArray *rest = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_conflict_free);

  for (guint i = 0; i < conflicts->len; i++)
    {
      Mp2DayConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (conflict->key, key) == 0)
        *theirs = json_node_copy (conflict->theirs);
      else
        g_ptr_array_add (rest, mp2_day_conflict_copy (conflict));
    }

  return rest;
}

/**
 * mp2_pipeline_resolve_conflict_async:
 * @self: the pipeline
 * @schedule_id: the day
 * @key: the field the revision changed under the user's edit
 * @keep_mine: %TRUE to keep the user's value, %FALSE to take the new sheet's
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is saved
 * @user_data: data for @callback
 */
void
mp2_pipeline_resolve_conflict_async (Mp2Pipeline         *self,
                                     gint64               schedule_id,
                                     const char          *key,
                                     gboolean             keep_mine,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(Mp2Schedule) changed = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  Mp2Schedule *schedule;

  g_return_if_fail (MP2_IS_PIPELINE (self));
  g_return_if_fail (key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_pipeline_resolve_conflict_async);

  if ((schedule = lookup_or_fail (self, schedule_id, task)) == NULL)
    return;

  changed = mp2_schedule_copy (schedule);
  rest = conflicts_without (mp2_schedule_get_conflicts (schedule), key, &theirs);
  mp2_schedule_set_conflicts (changed, rest);
  if (!keep_mine)
    {
      g_autoptr(JsonObject) edits = copy_edits (mp2_schedule_get_edits (schedule));

      json_object_remove_member (edits, key);
      mp2_schedule_set_edits (changed, edits);
    }

  save_changed (self, changed, "edits", task);
}

gboolean
mp2_pipeline_resolve_conflict_finish (Mp2Pipeline   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The object --------------------------------------------------------------------- */

/**
 * mp2_pipeline_new:
 * @store: where the days are kept
 * @settings: the app's settings (the user's name on crew lists, the time zone,
 *   the calendar and reminders)
 *
 * Returns: (transfer full): a pipeline; call mp2_pipeline_start_async() next
 */
Mp2Pipeline *
mp2_pipeline_new (Mp2Store  *store,
                  GSettings *settings)
{
  Mp2Pipeline *self;

  g_return_val_if_fail (MP2_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MP2_TYPE_PIPELINE, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);

  return self;
}

Mp2Store *
mp2_pipeline_get_store (Mp2Pipeline *self)
{
  g_return_val_if_fail (MP2_IS_PIPELINE (self), NULL);

  return self->store;
}

/**
 * mp2_pipeline_set_calendar_sink:
 * @self: the pipeline
 * @sink: (nullable): where confirmed days are written
 */
void
mp2_pipeline_set_calendar_sink (Mp2Pipeline     *self,
                                Mp2CalendarSink *sink)
{
  g_return_if_fail (MP2_IS_PIPELINE (self));
  g_return_if_fail (sink == NULL || MP2_IS_CALENDAR_SINK (sink));

  g_set_object (&self->sink, sink);
}

Mp2CalendarSink *
mp2_pipeline_get_calendar_sink (Mp2Pipeline *self)
{
  g_return_val_if_fail (MP2_IS_PIPELINE (self), NULL);

  return self->sink;
}

/**
 * mp2_pipeline_get_days:
 * @self: the pipeline
 *
 * Returns: (transfer none): the current days, a #GListModel of #Mp2Schedule
 */
GListModel *
mp2_pipeline_get_days (Mp2Pipeline *self)
{
  g_return_val_if_fail (MP2_IS_PIPELINE (self), NULL);

  return G_LIST_MODEL (self->days);
}

/**
 * mp2_pipeline_lookup:
 * @self: the pipeline
 * @schedule_id: a schedule's id
 *
 * Returns: (transfer none) (nullable): the current day with that id
 */
Mp2Schedule *
mp2_pipeline_lookup (Mp2Pipeline *self,
                     gint64       schedule_id)
{
  g_return_val_if_fail (MP2_IS_PIPELINE (self), NULL);

  return g_hash_table_lookup (self->by_id, &schedule_id);
}

/**
 * mp2_pipeline_emit_notification_sent:
 * @self: the pipeline
 * @schedule: (nullable): the day it was about
 * @kind: "new-sheet", "revision", "error"…
 */
void
mp2_pipeline_emit_notification_sent (Mp2Pipeline *self,
                                     Mp2Schedule *schedule,
                                     const char  *kind)
{
  g_return_if_fail (MP2_IS_PIPELINE (self));

  g_signal_emit (self, mp2_pipeline_signals[SIGNAL_NOTIFICATION_SENT], 0, schedule, kind);
}

static void
mp2_pipeline_dispose (GObject *object)
{
  Mp2Pipeline *self = MP2_PIPELINE (object);

  g_cancellable_cancel (self->planning_cancellable);
  g_clear_handle_id (&self->replan_source, g_source_remove);
  if (self->rechecks != NULL)
    g_hash_table_remove_all (self->rechecks);
  g_clear_object (&self->geocoder);
  g_clear_object (&self->routes);
  g_clear_object (&self->weather);
  g_clear_object (&self->sink);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->days);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp2_pipeline_parent_class)->dispose (object);
}

static void
mp2_pipeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  Mp2Pipeline *self = MP2_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, mp2_pipeline_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_pipeline_finalize (GObject *object)
{
  Mp2Pipeline *self = MP2_PIPELINE (object);

  g_mutex_clear (&self->identify_lock);
  g_clear_pointer (&self->planning, g_hash_table_unref);
  g_clear_pointer (&self->rechecks, g_hash_table_unref);
  g_clear_pointer (&self->rechecking, g_hash_table_unref);
  g_clear_object (&self->planning_cancellable);

  G_OBJECT_CLASS (mp2_pipeline_parent_class)->finalize (object);
}

static guint
new_schedule_signal (const char   *name,
                     GSignalFlags  flags)
{
  return g_signal_new (name, MP2_TYPE_PIPELINE, G_SIGNAL_RUN_LAST | flags, 0, NULL, NULL, NULL,
                       G_TYPE_NONE, 1, MP2_TYPE_SCHEDULE);
}

static void
mp2_pipeline_class_init (Mp2PipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_pipeline_dispose;
  object_class->finalize = mp2_pipeline_finalize;
  object_class->get_property = mp2_pipeline_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  mp2_pipeline_signals[SIGNAL_EMAIL_RECEIVED] = new_schedule_signal ("email-received", 0);
  mp2_pipeline_signals[SIGNAL_DOCUMENT_PARSED] = new_schedule_signal ("document-parsed", 0);
  mp2_pipeline_signals[SIGNAL_SCHEDULE_CREATED] = new_schedule_signal ("schedule-created", 0);
  mp2_pipeline_signals[SIGNAL_SCHEDULE_UPDATED] = new_schedule_signal ("schedule-updated",
                                                                       G_SIGNAL_DETAILED);
  mp2_pipeline_signals[SIGNAL_ROUTE_CALCULATED] = new_schedule_signal ("route-calculated", 0);
  mp2_pipeline_signals[SIGNAL_WEATHER_FETCHED] = new_schedule_signal ("weather-fetched", 0);
  mp2_pipeline_signals[SIGNAL_LEAVE_MOVED] =
    g_signal_new ("leave-moved", MP2_TYPE_PIPELINE, G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, MP2_TYPE_SCHEDULE, G_TYPE_INT, G_TYPE_INT);

  mp2_pipeline_signals[SIGNAL_CALENDAR_EVENT_SYNCED] =
    g_signal_new ("calendar-event-synced", MP2_TYPE_PIPELINE, G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, MP2_TYPE_SCHEDULE, G_TYPE_STRING);
  mp2_pipeline_signals[SIGNAL_NOTIFICATION_SENT] =
    g_signal_new ("notification-sent", MP2_TYPE_PIPELINE, G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, MP2_TYPE_SCHEDULE, G_TYPE_STRING);
  mp2_pipeline_signals[SIGNAL_ERROR_OCCURRED] =
    g_signal_new ("error-occurred", MP2_TYPE_PIPELINE, G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, MP2_TYPE_SCHEDULE, G_TYPE_ERROR);
}

static void
mp2_pipeline_init (Mp2Pipeline *self)
{
  self->days = g_list_store_new (MP2_TYPE_SCHEDULE);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_mutex_init (&self->identify_lock);
  self->planning = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rechecks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          mp2_pipeline_free_rechecks);
  self->rechecking = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->planning_cancellable = g_cancellable_new ();
}
