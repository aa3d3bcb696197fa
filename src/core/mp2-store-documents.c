/* mp2-store-documents.c
 *
 * The store's PDFs: each one kept as <sha256>.pdf beside the database, written and
 * synced before the row that names it is committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-store"

#include "config.h"

#include "mp2-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mp2-store-private.h"

static void
set_file_error (Mp2Store     *self,
                const GError *file_error,
                GError      **error)
{
  if (g_error_matches (file_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
    {
      g_set_error_literal (error, MP2_STORE_ERROR, MP2_STORE_ERROR_FULL,
                           _("The disk is full, so the call sheet could not be saved. "
                             "Free some space and try again."));
      return;
    }

  g_set_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_IO,
               /* Translators: the first %s is a folder, the second the system's reason */
               _("The call sheet’s PDF could not be written to or read from %s: %s"),
               self->directory, file_error->message);
}

/**
 * mp2_store_dup_pdf_path:
 * @self: a #Mp2Store
 * @sha256: a document's sha256, in lowercase hexadecimal
 *
 * Returns: (transfer full) (nullable): where the document's PDF is kept (whether
 *   or not it is there), or %NULL when @sha256 is not a sha256
 */
char *
mp2_store_dup_pdf_path (Mp2Store   *self,
                        const char *sha256)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);

  if (!mp2_store_is_sha256 (sha256))
    return NULL;

  name = g_strconcat (sha256, ".pdf", NULL);
  return g_build_filename (self->directory, name, NULL);
}

static gboolean
file_has_contents (const char *path,
                   GBytes     *bytes)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return length == g_bytes_get_size (bytes) &&
         (length == 0 || memcmp (contents, g_bytes_get_data (bytes, NULL), length) == 0);
}

/* Before the row that names it: a crash between the two leaves a file without a
 * row, which the next import of the same PDF reuses, never a row without a file. */
static gboolean
write_pdf (Mp2Store    *self,
           const char  *sha256,
           GBytes      *pdf,
           GError     **error)
{
  g_autofree char *path = mp2_store_dup_pdf_path (self, sha256);
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);

  if (file_has_contents (path, pdf))
    return TRUE;

  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      set_file_error (self, local_error, error);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const Mp2DocumentOrigin *origin;
  const char              *sha256;
  gsize                    size;
  gint64                   now;
  gint64                   id;
  gboolean                 already_known;
} AddDocument;

static gboolean
find_schedule_of_document (Mp2Store     *self,
                           const char   *sha256,
                           gint64       *id,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = mp2_store_prepare (self, "SELECT id FROM schedules WHERE document = ?1", error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, sha256);
  if (!mp2_store_step (self, stmt, &has_row, error))
    return FALSE;

  *id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* One mail may carry several PDFs: its row is written by the first. */
static gboolean
insert_message (Mp2Store     *self,
                AddDocument  *add,
                GError      **error)
{
  const Mp2DocumentOrigin *origin = add->origin;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (origin == NULL || origin->message_id == NULL)
    return TRUE;

  stmt = mp2_store_prepare (self,
                            "INSERT INTO messages (id, account, subject, sender, received_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, origin->message_id);
  mp2_store_bind_text (stmt, 2, origin->account);
  mp2_store_bind_text (stmt, 3, origin->subject);
  mp2_store_bind_text (stmt, 4, origin->sender);
  sqlite3_bind_int64 (stmt, 5, origin->received_at > 0 ? origin->received_at : add->now);

  return mp2_store_step_done (self, stmt, error);
}

static gboolean
insert_document (Mp2Store     *self,
                 AddDocument  *add,
                 GError      **error)
{
  const Mp2DocumentOrigin *origin = add->origin;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mp2_store_prepare (self,
                            "INSERT INTO documents "
                            "(sha256, size, file_name, message_id, added_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sha256) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, add->sha256);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) add->size);
  mp2_store_bind_text (stmt, 3, origin != NULL ? origin->file_name : NULL);
  mp2_store_bind_text (stmt, 4, origin != NULL ? origin->message_id : NULL);
  sqlite3_bind_int64 (stmt, 5, add->now);

  return mp2_store_step_done (self, stmt, error);
}

static gboolean
add_document_rows (Mp2Store  *self,
                   gpointer   data,
                   GError   **error)
{
  AddDocument *add = data;

  if (!find_schedule_of_document (self, add->sha256, &add->id, error))
    return FALSE;

  /* The same PDF in another mail (forwarded, sent again): the mail is still
   * recorded, so that its source does not offer it again. */
  if (!insert_message (self, add, error))
    return FALSE;

  if (add->id > 0)
    {
      add->already_known = TRUE;
      return TRUE;
    }

  return insert_document (self, add, error) &&
         mp2_store_insert_new_schedule (self, add->sha256,
                                        add->origin != NULL ? add->origin->file_name : NULL,
                                        add->now, &add->id, error);
}

/**
 * mp2_store_add_document:
 * @self: a #Mp2Store
 * @pdf: the document's bytes
 * @origin: (nullable): the mail or file it came from
 * @already_known: (out) (optional): set to %TRUE when the same PDF was stored before
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Keeps @pdf as `<sha256>.pdf` (written and synced to the disk first), then records
 * in one transaction the mail it came with, the document and a schedule in state
 * "new". The same PDF a second time adds nothing and gives the schedule it became
 * the first time. Blocking.
 *
 * Returns: the schedule's id, or 0 with @error set
 */
gint64
mp2_store_add_document (Mp2Store                *self,
                        GBytes                  *pdf,
                        const Mp2DocumentOrigin *origin,
                        gboolean                *already_known,
                        GError                 **error)
{
  g_autofree char *sha256 = NULL;
  AddDocument add = { 0 };

  g_return_val_if_fail (MP2_IS_STORE (self), 0);
  g_return_val_if_fail (pdf != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  if (!write_pdf (self, sha256, pdf, error))
    return 0;

  add.origin = origin;
  add.sha256 = sha256;
  add.size = g_bytes_get_size (pdf);
  add.now = mp2_store_now ();

  if (!mp2_store_run_transaction (self, add_document_rows, &add, error))
    return 0;

  if (already_known != NULL)
    *already_known = add.already_known;

  return add.id;
}

static gboolean
add_message_row (Mp2Store  *self,
                 gpointer   data,
                 GError   **error)
{
  return insert_message (self, data, error);
}

/**
 * mp2_store_add_message:
 * @self: a #Mp2Store
 * @origin: a mail, with its message id
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Records a mail that brought no document (no PDF in it, or all of them read
 * already under their own ids), so that mp2_store_has_message() knows it. Recording
 * a mail twice is not an error. Blocking.
 *
 * Returns: %TRUE when recorded, %FALSE with @error set
 */
gboolean
mp2_store_add_message (Mp2Store                 *self,
                       const Mp2DocumentOrigin  *origin,
                       GError                  **error)
{
  AddDocument add = { 0 };

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (origin != NULL && origin->message_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  add.origin = origin;
  add.now = mp2_store_now ();

  return mp2_store_run_transaction (self, add_message_row, &add, error);
}

/**
 * mp2_store_has_message:
 * @self: a #Mp2Store
 * @message_id: a mail's id
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Returns: %TRUE when the mail was recorded (with a document or without); %FALSE
 *   when not, or with @error set
 */
gboolean
mp2_store_has_message (Mp2Store    *self,
                       const char  *message_id,
                       GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (MP2_IS_STORE (self), FALSE);
  g_return_val_if_fail (message_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  stmt = mp2_store_prepare (self, "SELECT 1 FROM messages WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, message_id);
  return mp2_store_step (self, stmt, &has_row, error) && has_row;
}

static gboolean
has_document (Mp2Store    *self,
              const char  *sha256,
              gboolean    *found,
              GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mp2_store_prepare (self, "SELECT 1 FROM documents WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;

  mp2_store_bind_text (stmt, 1, sha256);
  return mp2_store_step (self, stmt, found, error);
}

static GBytes *
read_pdf (Mp2Store    *self,
          const char  *sha256,
          GError     **error)
{
  g_autofree char *path = mp2_store_dup_pdf_path (self, sha256);
  g_autofree char *checksum = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      set_file_error (self, local_error, error);
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (checksum, sha256) != 0)
    {
      g_set_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("The stored copy of the call sheet, %s, is damaged. Import the "
                     "call sheet again from its mail or file."), path);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * mp2_store_load_pdf:
 * @self: a #Mp2Store
 * @sha256: the document's sha256
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Reads a stored document back, checking that it is still what was stored.
 * Blocking; see mp2_store_load_pdf_async().
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
mp2_store_load_pdf (Mp2Store    *self,
                    const char  *sha256,
                    GError     **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (MP2_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (mp2_store_is_sha256 (sha256) && !has_document (self, sha256, &found, error))
    return NULL;

  if (!found)
    {
      mp2_store_set_not_found_error (error);
      return NULL;
    }

  return read_pdf (self, sha256, error);
}

/* Off the main thread --------------------------------------------------------------- */

static void
load_pdf_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  if (g_task_return_error_if_cancelled (task))
    return;

  pdf = mp2_store_load_pdf (source_object, task_data, &error);
  if (pdf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

/**
 * mp2_store_load_pdf_async:
 * @self: a #Mp2Store
 * @sha256: the document's sha256
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the PDF
 * @user_data: data for @callback
 *
 * Runs mp2_store_load_pdf() in a worker thread.
 */
void
mp2_store_load_pdf_async (Mp2Store            *self,
                          const char          *sha256,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP2_IS_STORE (self));
  g_return_if_fail (sha256 != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_store_load_pdf_async);
  g_task_set_task_data (task, g_strdup (sha256), g_free);
  g_task_run_in_thread (task, load_pdf_thread);
}

/**
 * mp2_store_load_pdf_finish:
 * @self: a #Mp2Store
 * @result: the result given to the callback
 * @error: where to report a #MP2_STORE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
mp2_store_load_pdf_finish (Mp2Store      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_store_load_pdf_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
