/* mp2-folder-source-read.c
 *
 * Reading the files of a folder source, one at a time and in order: ask the handled
 * function (for a file the source found by itself), check the size, load the bytes
 * with a cap, emit the candidate or the failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-folder-source"

#include "config.h"

#include "mp2-folder-source-private.h"

#include <glib/gi18n-lib.h>

#include "mp2-errors.h"
#include "mp2-pdf-document.h"

#define FILE_ATTRIBUTES                     \
  G_FILE_ATTRIBUTE_STANDARD_TYPE ","        \
  G_FILE_ATTRIBUTE_STANDARD_SIZE ","        \
  G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED

/* One file to read and emit. */
typedef struct _Mp2FolderSourceJob ReadJob;

struct _Mp2FolderSourceJob
{
  Mp2FolderSource *self;
  GFile           *file;
  char            *id;
  GCancellable    *cancellable;
  GTask           *check;         /* nullable: the check that found the file */
  guint            generation;    /* the folder's; 0 for a file given to add_files */
  gboolean         ask_handled;
  char            *display_name;
  GDateTime       *modified;
};

static void start_next_job (Mp2FolderSource *self);


/* The sentence for a file that cannot be read, keeping the GIO error's code. */
static GError *
new_read_error (const char *name,
                int         code,
                const char *reason)
{
  switch (code)
    {
    case G_IO_ERROR_NOT_FOUND:
      /* Translators: %s is a file name */
      return g_error_new (G_IO_ERROR, code, _("“%s” is not there any more. It may have been "
                                              "moved or deleted."), name);
    case G_IO_ERROR_PERMISSION_DENIED:
      /* Translators: %s is a file name */
      return g_error_new (G_IO_ERROR, code, _("You are not allowed to read “%s”. Check the "
                                              "file’s permissions."), name);
    case G_IO_ERROR_IS_DIRECTORY:
      return g_error_new (G_IO_ERROR, code,
                          /* Translators: %s is a folder name */
                          _("“%s” is a folder. Choose the call sheet’s PDF file inside it."),
                          name);
    case G_IO_ERROR_NOT_REGULAR_FILE:
      /* Translators: %s is a file name */
      return g_error_new (G_IO_ERROR, code, _("“%s” is not an ordinary file and cannot be "
                                              "read as a call sheet."), name);
    default:
      /* Translators: the first %s is a file name, the second the system’s reason */
      return g_error_new (G_IO_ERROR, code, _("“%s” cannot be read: %s"), name, reason);
    }
}

static ReadJob *
read_job_new (Mp2FolderSource *self,
              GFile           *file,
              guint            generation,
              GCancellable    *cancellable,
              GTask           *check)
{
  ReadJob *job = g_new0 (ReadJob, 1);

  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  job->id = mp2_folder_source_id_for_file (file);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->check = check != NULL ? g_object_ref (check) : NULL;
  job->generation = generation;

  if (check != NULL)
    ((Mp2FolderCheck *) g_task_get_task_data (check))->n_left++;

  return job;
}

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_clear_pointer (&job->id, g_free);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->check);
  g_clear_pointer (&job->display_name, g_free);
  g_clear_pointer (&job->modified, g_date_time_unref);
  g_free (job);
}

static gboolean
read_job_is_from_folder (ReadJob *job)
{
  return job->generation != 0;
}

/* A folder file whose folder was changed or turned off since it was queued. */
static gboolean
read_job_is_stale (ReadJob *job)
{
  return read_job_is_from_folder (job) && job->generation != job->self->generation;
}

void
_mp2_folder_source_complete_check (GTask *check)
{
  if (!g_task_return_error_if_cancelled (check))
    g_task_return_boolean (check, TRUE);
}

static void
read_job_count_done (ReadJob *job)
{
  Mp2FolderCheck *data;

  if (job->check == NULL)
    return;

  data = g_task_get_task_data (job->check);
  g_assert (data->n_left > 0);
  data->n_left--;

  if (data->n_left == 0 && data->scanned)
    _mp2_folder_source_complete_check (job->check);
}

static void
read_job_finish (ReadJob *job)
{
  Mp2FolderSource *self = g_object_ref (job->self);

  g_assert (self->current == job);
  self->current = NULL;

  if (read_job_is_from_folder (job) && !read_job_is_stale (job))
    g_hash_table_remove (self->reading, job->id);

  read_job_count_done (job);
  read_job_free (job);

  start_next_job (self);
  g_object_unref (self);
}

static gboolean
is_quiet_failure (ReadJob      *job,
                  const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || read_job_is_stale (job))
    return TRUE;

  /* In the watched folder, a file gone before it was read (a temporary file) or a
   * folder named like a PDF is nobody's concern. */
  return read_job_is_from_folder (job) &&
         (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY));
}

static void
read_job_fail (ReadJob *job,
               GError  *error)
{
  g_autoptr(GError) owned = error;
  g_autoptr(GError) described = NULL;
  g_autofree char *name = NULL;

  if (is_quiet_failure (job, error))
    {
      g_debug ("Not reading %s: %s", job->id, error->message);
      read_job_finish (job);
      return;
    }

  if (error->domain == G_IO_ERROR)
    {
      name = job->display_name != NULL ? g_strdup (job->display_name)
                                       : _mp2_folder_source_dup_display_basename (job->file);
      described = new_read_error (name, error->code, error->message);
    }
  else
    described = g_error_copy (error);

  if (read_job_is_from_folder (job))
    g_hash_table_add (job->self->failed, g_strdup (job->id));

  _mp2_folder_source_emit_file_failed (job->self, job->file, described);
  read_job_finish (job);
}

static void
read_job_succeed (ReadJob *job,
                  GBytes  *bytes)
{
  g_autoptr(Mp2MailCandidate) candidate = NULL;

  if (read_job_is_stale (job))
    {
      read_job_finish (job);
      return;
    }

  if (job->modified == NULL)
    job->modified = g_date_time_new_now_utc ();

  candidate = mp2_mail_candidate_new (job->id, NULL, NULL, job->modified,
                                      job->display_name, bytes);

  if (read_job_is_from_folder (job))
    g_hash_table_remove (job->self->failed, job->id);

  g_debug ("%s: found %s (%" G_GSIZE_FORMAT " bytes)",
           job->self->name, job->id, g_bytes_get_size (bytes));
  mp2_mail_source_emit_candidate_found (MP2_MAIL_SOURCE (job->self), candidate);
  read_job_finish (job);
}

static gboolean
on_read_more_cb (const char *file_contents,
                 goffset     file_size,
                 gpointer    user_data)
{
  /* Stop as soon as the file is over the limit, even if it grew after its size
   * was checked, or is a device that never ends. */
  return file_size <= MP2_PDF_MAX_BYTES;
}

static void
on_contents_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ReadJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_partial_contents_finish (G_FILE (object), result, &contents, &length,
                                            NULL, &error))
    {
      read_job_fail (job, g_steal_pointer (&error));
      return;
    }

  bytes = g_bytes_new_take (contents, length);

  if (length > MP2_PDF_MAX_BYTES)
    {
      mp2_pdf_document_set_too_large_error (&error);
      read_job_fail (job, g_steal_pointer (&error));
      return;
    }

  read_job_succeed (job, bytes);
}

static gboolean
check_file_info (GFileInfo  *info,
                 GError    **error)
{
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "is a folder");
      return FALSE;

    case G_FILE_TYPE_SPECIAL:
      /* A pipe or a device: reading it could block for ever. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not a file");
      return FALSE;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_REGULAR:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      break;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > MP2_PDF_MAX_BYTES)
    {
      mp2_pdf_document_set_too_large_error (error);
      return FALSE;
    }

  return TRUE;
}

static void
on_info_queried_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ReadJob *job = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    job->display_name = g_strdup (g_file_info_get_display_name (info));

  if (info == NULL || !check_file_info (info, &error))
    {
      read_job_fail (job, g_steal_pointer (&error));
      return;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    job->modified = g_file_info_get_modification_date_time (info);

  g_file_load_partial_contents_async (job->file, job->cancellable, on_read_more_cb,
                                      on_contents_loaded_cb, job);
}

static void
read_job_query_info (ReadJob *job)
{
  g_file_query_info_async (job->file, FILE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, job->cancellable, on_info_queried_cb, job);
}

static void
ask_handled_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *id = task_data;

  g_task_return_boolean (task, mp2_mail_source_is_handled (source_object, id));
}

static void
on_handled_answered_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  ReadJob *job = user_data;
  g_autoptr(GError) error = NULL;
  gboolean handled;

  handled = g_task_propagate_boolean (G_TASK (result), &error);
  if (error != NULL)
    {
      read_job_fail (job, g_steal_pointer (&error));
      return;
    }

  if (handled)
    {
      g_debug ("%s: %s is already known", job->self->name, job->id);
      g_hash_table_add (job->self->handled, g_strdup (job->id));
      read_job_finish (job);
      return;
    }

  read_job_query_info (job);
}

static void
read_job_ask_handled (ReadJob *job)
{
  g_autoptr(GTask) task = g_task_new (job->self, job->cancellable,
                                      on_handled_answered_cb, job);

  g_task_set_source_tag (task, read_job_ask_handled);
  g_task_set_task_data (task, g_strdup (job->id), g_free);
  g_task_run_in_thread (task, ask_handled_thread);
}

static void
start_next_job (Mp2FolderSource *self)
{
  ReadJob *job;

  if (self->current != NULL)
    return;

  job = g_queue_pop_head (&self->queue);
  if (job == NULL)
    return;

  self->current = job;

  if (job->ask_handled)
    read_job_ask_handled (job);
  else
    read_job_query_info (job);
}

/* Queues a file of the watched folder unless it is handled or already queued. */
void
_mp2_folder_source_queue_folder_file (Mp2FolderSource *self,
                                      GFile           *file,
                                      gboolean         ask_handled,
                                      GTask           *check)
{
  g_autofree char *id = mp2_folder_source_id_for_file (file);
  GCancellable *cancellable;
  ReadJob *job;

  if (g_hash_table_contains (self->handled, id) || g_hash_table_contains (self->reading, id))
    return;

  cancellable = check != NULL ? g_task_get_cancellable (check) : self->watch_cancellable;
  job = read_job_new (self, file, self->generation, cancellable, check);
  job->ask_handled = ask_handled && mp2_mail_source_has_handled_func (MP2_MAIL_SOURCE (self));

  g_hash_table_add (self->reading, g_steal_pointer (&id));
  g_queue_push_tail (&self->queue, job);
  start_next_job (self);
}

/**
 * mp2_folder_source_add_files:
 * @self: a folder source
 * @files: (array length=n_files): the files the user opened or dropped
 * @n_files: the number of @files
 *
 * Reads the files one after the other, without blocking, and emits each as a
 * candidate, whether it is a PDF or not and whether it was handled before or not.
 * A file larger than %MP2_PDF_MAX_BYTES, or one that cannot be read, is reported
 * with #Mp2FolderSource::file-failed instead. Call it on the source's main context.
 */
void
mp2_folder_source_add_files (Mp2FolderSource  *self,
                             GFile           **files,
                             guint             n_files)
{
  g_return_if_fail (MP2_IS_FOLDER_SOURCE (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    {
      g_return_if_fail (G_IS_FILE (files[i]));

      g_queue_push_tail (&self->queue, read_job_new (self, files[i], 0, NULL, NULL));
    }

  start_next_job (self);
}
