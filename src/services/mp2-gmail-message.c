/* mp2-gmail-message.c
 *
 * One mail of a check of Mp2GmailSource: unless the store has it, messages.get, the
 * filter for the mails history.list gave, the PDFs the pipeline does not know yet
 * downloaded and offered as candidates, and the mail settled once nothing of it
 * waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-gmail-source"

#include "config.h"

#include "mp2-gmail-source-private.h"

/* One mail being read. */
typedef struct
{
  Mp2GmailSync    *sync;
  char            *id;
  Mp2GmailMessage *message;
  GDateTime       *date;
  GPtrArray       *parts;     /* Mp2GmailPart */
  gboolean        *known;     /* for each part: handled already */
  guint            index;     /* the part being read */
} MessageJob;

static void read_parts (MessageJob *job);

static void
message_job_free (MessageJob *job)
{
  g_clear_pointer (&job->id, g_free);
  g_clear_pointer (&job->message, _mp2_gmail_message_unref);
  g_clear_pointer (&job->date, g_date_time_unref);
  g_clear_pointer (&job->parts, g_ptr_array_unref);
  g_clear_pointer (&job->known, g_free);
  g_free (job);
}

static void
job_done (MessageJob *job)
{
  Mp2GmailSync *sync = job->sync;

  message_job_free (job);
  _mp2_gmail_sync_message_done (sync);
}

static void
on_settled_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  MessageJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!_mp2_gmail_source_settle_finish (MP2_GMAIL_SOURCE (source), result, &error))
    _mp2_gmail_sync_fail (job->sync, error);

  job_done (job);
}

/* Labelled and recorded now when nothing of it waits to be handled, or not recorded
 * at all when a part could not be read (the next check reads it again). */
static void
parts_done (MessageJob *job,
            gboolean    complete)
{
  Mp2GmailMessage *message = job->message;

  message->collecting = FALSE;
  message->incomplete = message->incomplete || !complete;

  if (g_hash_table_size (message->waiting) > 0)
    {
      job_done (job);
      return;
    }

  _mp2_gmail_source_settle_async (job->sync->self, message, job->sync->cancellable,
                                  on_settled_cb, job);
}

static void
job_fail (MessageJob   *job,
          const GError *error)
{
  _mp2_gmail_sync_fail (job->sync, error);

  if (job->message != NULL && job->message->collecting)
    parts_done (job, FALSE);
  else
    job_done (job);
}

static char *
dup_candidate_id (MessageJob   *job,
                  Mp2GmailPart *part)
{
  return g_strconcat (job->id, "/", part->part_id, NULL);
}

static gboolean
is_too_big (MessageJob   *job,
            Mp2GmailPart *part,
            gsize         size)
{
  g_autofree char *limit = NULL;

  if (size <= MP2_GMAIL_MAX_ATTACHMENT_SIZE)
    return FALSE;

  limit = g_format_size_full (MP2_GMAIL_MAX_ATTACHMENT_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_message ("Not reading %s of mail %s: it is larger than %s",
             part->file_name != NULL ? part->file_name : part->part_id, job->id, limit);
  return TRUE;
}

/* Emits a new PDF, or waits for the same PDF offered earlier in the check. */
static void
offer_pdf (MessageJob   *job,
           Mp2GmailPart *part,
           GBytes       *pdf)
{
  Mp2GmailSource *self = job->sync->self;
  g_autoptr(Mp2MailCandidate) candidate = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *id = NULL;
  const char *original;

  if (is_too_big (job, part, g_bytes_get_size (pdf)))
    return;

  job->message->offered = TRUE;
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  original = g_hash_table_lookup (job->sync->digests, digest);
  if (original != NULL)
    {
      if (g_hash_table_contains (self->waiting, original))
        _mp2_gmail_source_wait_for (self, job->message, original);
      return;
    }

  id = dup_candidate_id (job, part);
  g_hash_table_insert (job->sync->digests, g_steal_pointer (&digest), g_strdup (id));
  _mp2_gmail_source_wait_for (self, job->message, id);

  candidate = mp2_mail_candidate_new (id, job->message->subject, job->message->sender,
                                      job->date, part->file_name, pdf);
  mp2_mail_source_emit_candidate_found (MP2_MAIL_SOURCE (self), candidate);
}

static gboolean
offer_inline_pdf (MessageJob   *job,
                  Mp2GmailPart *part)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  pdf = _mp2_gmail_decode_base64url (part->data, &error);
  if (pdf == NULL)
    {
      job_fail (job, error);
      return FALSE;
    }

  offer_pdf (job, part, pdf);
  return TRUE;
}

static void
on_attachment_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MessageJob *job = user_data;
  Mp2GmailPart *part = g_ptr_array_index (job->parts, job->index);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;

  object = _mp2_gmail_source_send_finish (MP2_GMAIL_SOURCE (source), result, &error);
  data = _mp2_gmail_get_string (object, "data");
  if (object != NULL && data == NULL)
    _mp2_gmail_set_bad_response (&error);
  if (error == NULL)
    pdf = _mp2_gmail_decode_base64url (data, &error);

  if (error != NULL)
    {
      job_fail (job, error);
      return;
    }

  if (!g_cancellable_is_cancelled (job->sync->cancellable))
    offer_pdf (job, part, pdf);

  job->index++;
  read_parts (job);
}

static void
fetch_attachment (MessageJob   *job,
                  Mp2GmailPart *part)
{
  g_autoptr(Mp2HttpRequest) request = NULL;

  request = _mp2_gmail_source_new_request (job->sync->self, "GET", "messages", job->id,
                                           "attachments", part->attachment_id, NULL);
  _mp2_gmail_source_send_async (job->sync->self, request, job->sync->cancellable,
                                on_attachment_cb, job);
}

/* The parts one after the other; the download of an attachment breaks the loop
 * and comes back to it. */
static void
read_parts (MessageJob *job)
{
  Mp2GmailSource *self = job->sync->self;
  g_autoptr(GError) error = NULL;

  for (; job->index < job->parts->len; job->index++)
    {
      Mp2GmailPart *part = g_ptr_array_index (job->parts, job->index);
      g_autofree char *id = dup_candidate_id (job, part);

      if (g_cancellable_is_cancelled (job->sync->cancellable))
        break;

      if (job->known[job->index])
        {
          job->message->offered = TRUE;
          continue;
        }

      /* offered by an earlier check, and not handled yet */
      if (g_hash_table_contains (self->waiting, id))
        {
          job->message->offered = TRUE;
          _mp2_gmail_source_wait_for (self, job->message, id);
          continue;
        }

      if (part->size > 0 && is_too_big (job, part, part->size))
        continue;

      if (part->data != NULL)
        {
          if (!offer_inline_pdf (job, part))
            return;
          continue;
        }

      fetch_attachment (job, part);
      return;
    }

  if (g_cancellable_set_error_if_cancelled (job->sync->cancellable, &error))
    {
      job_fail (job, error);
      return;
    }

  parts_done (job, TRUE);
}

static void
find_known_parts_thread (GTask        *task,
                         gpointer      source,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  char **ids = task_data;
  guint n_ids = g_strv_length (ids);
  gboolean *known = g_new0 (gboolean, n_ids);

  for (guint i = 0; i < n_ids; i++)
    known[i] = mp2_mail_source_is_handled (MP2_MAIL_SOURCE (source), ids[i]);

  g_task_return_pointer (task, known, g_free);
}

static void
on_known_parts_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MessageJob *job = user_data;
  g_autoptr(GError) error = NULL;

  job->known = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->known == NULL)
    {
      job_fail (job, error);
      return;
    }

  /* Known from now on, so that a later check waits for its candidates. */
  job->message->collecting = TRUE;
  g_hash_table_replace (job->sync->self->messages, job->message->id,
                        _mp2_gmail_message_ref (job->message));
  read_parts (job);
}

/* Which PDFs the pipeline has already, asked in a worker thread. */
static void
find_known_parts (MessageJob *job)
{
  g_autoptr(GTask) task = NULL;
  char **ids = g_new0 (char *, job->parts->len + 1);

  for (guint i = 0; i < job->parts->len; i++)
    ids[i] = dup_candidate_id (job, g_ptr_array_index (job->parts, i));

  task = g_task_new (job->sync->self, job->sync->cancellable, on_known_parts_cb, job);
  g_task_set_source_tag (task, find_known_parts);
  g_task_set_task_data (task, ids, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, find_known_parts_thread);
}

static void
read_message (MessageJob *job,
              JsonObject *object)
{
  JsonObject *payload = _mp2_gmail_get_object (object, "payload");
  const char *from = _mp2_gmail_get_header (payload, "From");
  Mp2GmailMessage *message;

  job->message = message = _mp2_gmail_message_new (job->id, job->sync->account);
  message->subject = _mp2_gmail_dup_header (payload, "Subject");
  message->sender = _mp2_gmail_format_sender (from);
  job->date = _mp2_gmail_dup_date (object);
  message->received_at = g_date_time_to_unix (job->date);
  job->parts = _mp2_gmail_find_pdf_parts (payload);

  /* history.list gives every new mail: the search's filter applies here */
  if (job->sync->start_history_id != NULL
      && !_mp2_gmail_filter_matches (job->sync->filter, message->subject, from))
    g_ptr_array_set_size (job->parts, 0);

  if (job->parts->len == 0)
    {
      g_debug ("Mail %s has no call sheet for us", job->id);
      _mp2_gmail_source_settle_async (job->sync->self, message, job->sync->cancellable,
                                      on_settled_cb, job);
      return;
    }

  find_known_parts (job);
}

static void
on_message_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  MessageJob *job = user_data;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  object = _mp2_gmail_source_send_finish (MP2_GMAIL_SOURCE (source), result, &error);
  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_NOT_FOUND))
    {
      /* deleted since it was listed */
      g_debug ("Mail %s is gone", job->id);
      job_done (job);
      return;
    }
  if (object == NULL)
    {
      job_fail (job, error);
      return;
    }

  read_message (job, object);
}

static void
has_message_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Mp2GmailSource *self = source;
  g_autoptr(GError) error = NULL;
  gboolean known;

  known = mp2_store_has_message (self->store, task_data, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, known);
}

static void
on_has_message_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MessageJob *job = user_data;
  g_autoptr(Mp2HttpRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gboolean known;

  known = g_task_propagate_boolean (G_TASK (result), &error);
  if (error != NULL)
    {
      job_fail (job, error);
      return;
    }
  if (known)
    {
      job_done (job);
      return;
    }

  request = _mp2_gmail_source_new_request (job->sync->self, "GET", "messages", job->id, NULL);
  mp2_http_request_add_query (request, "format", "full");
  _mp2_gmail_source_send_async (job->sync->self, request, job->sync->cancellable,
                                on_message_cb, job);
}

/**
 * _mp2_gmail_read_message:
 * @sync: the running sync
 * @id: a new mail's id
 *
 * Reads the mail unless the store has it (an earlier check read it), and offers its
 * PDFs; then tells @sync with _mp2_gmail_sync_message_done().
 */
void
_mp2_gmail_read_message (Mp2GmailSync *sync,
                         const char   *id)
{
  g_autoptr(GTask) task = NULL;
  MessageJob *job = g_new0 (MessageJob, 1);

  job->sync = sync;
  job->id = g_strdup (id);

  task = g_task_new (sync->self, sync->cancellable, on_has_message_cb, job);
  g_task_set_source_tag (task, _mp2_gmail_read_message);
  g_task_set_task_data (task, g_strdup (id), g_free);
  g_task_run_in_thread (task, has_message_thread);
}
