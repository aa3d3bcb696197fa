/* mp2-pipeline-sources.c
 *
 * Mail sources that feed the pipeline by themselves (Gmail): every candidate a
 * source finds is imported, and the source is told once the document is stored, so
 * that it never offers it again. A candidate whose import failed (the store could
 * not write) stays unhandled: the source offers it again at its next check, and a
 * process that dies between the two finds it again, never twice, since the store
 * knows every mail it kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-pipeline"

#include "config.h"

#include "mp2-pipeline-private.h"

typedef struct
{
  GWeakRef                pipeline;
  Mp2ImportFlags          flags;
  Mp2CandidateFlagsFunc   flags_func;
  gpointer                user_data;
  GDestroyNotify          destroy;
} SourceLink;

static void
source_link_free (gpointer  data,
                  GClosure *closure)
{
  SourceLink *link = data;

  if (link->destroy != NULL)
    link->destroy (link->user_data);
  g_weak_ref_clear (&link->pipeline);
  g_free (link);
}

typedef struct
{
  Mp2MailSource *source;
  char          *id;
} Handled;

static void
handled_free (Handled *handled)
{
  g_object_unref (handled->source);
  g_free (handled->id);
  g_free (handled);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Handled, handled_free)

static void
on_marked_handled_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The document is stored whatever the source says: it is not read twice. */
  if (!mp2_mail_source_mark_handled_finish (MP2_MAIL_SOURCE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("%s could not mark a call sheet as read: %s",
               mp2_mail_source_get_name (MP2_MAIL_SOURCE (source)), error->message);
}

static void
on_candidate_imported_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Handled) handled = user_data;
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(GError) error = NULL;

  /* Stored, read or not (a failed day is stored too): the source may forget it. */
  schedule = mp2_pipeline_import_finish (MP2_PIPELINE (source), result, &error);
  if (schedule != NULL)
    mp2_mail_source_mark_handled_async (handled->source, handled->id, NULL,
                                        on_marked_handled_cb, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("A call sheet from %s could not be kept, and is fetched again later: %s",
               mp2_mail_source_get_name (handled->source), error->message);
}

static void
on_candidate_found_cb (Mp2MailSource    *source,
                       Mp2MailCandidate *candidate,
                       SourceLink       *link)
{
  g_autoptr(Mp2Pipeline) self = g_weak_ref_get (&link->pipeline);
  Mp2ImportFlags flags = link->flags;
  Handled *handled;
  Mp2DocumentOrigin origin = {
    .message_id = candidate->id,
    .subject = candidate->subject,
    .sender = candidate->sender,
    .received_at = g_date_time_to_unix (candidate->date),
    .file_name = candidate->file_name,
  };

  if (self == NULL)
    return;

  if (link->flags_func != NULL)
    flags = link->flags_func (source, candidate, link->user_data);
  /* A file the user opens again is read again: it is not remembered as a mail. */
  if ((flags & MP2_IMPORT_OPENED_BY_USER) != 0)
    origin.message_id = NULL;

  handled = g_new0 (Handled, 1);
  handled->source = g_object_ref (source);
  handled->id = g_strdup (candidate->id);
  mp2_pipeline_import_async (self, candidate->pdf, &origin, flags, NULL,
                             on_candidate_imported_cb, handled);
}

/* Whether a candidate was stored before; in the source's worker thread. */
static gboolean
is_handled_cb (Mp2MailSource *source,
               const char    *id,
               gpointer       user_data)
{
  Mp2Store *store = user_data;
  g_autoptr(GError) error = NULL;
  gboolean known = mp2_store_has_message (store, id, &error);

  /* Not knowing is safe: the store keeps one document per PDF. */
  if (error != NULL)
    g_message ("Could not look up a mail in the store: %s", error->message);

  return known;
}

static void
connect_source (Mp2Pipeline           *self,
                Mp2MailSource         *source,
                Mp2ImportFlags         flags,
                Mp2CandidateFlagsFunc  flags_func,
                gpointer               user_data,
                GDestroyNotify         destroy)
{
  SourceLink *link = g_new0 (SourceLink, 1);

  g_weak_ref_init (&link->pipeline, self);
  link->flags = flags;
  link->flags_func = flags_func;
  link->user_data = user_data;
  link->destroy = destroy;

  mp2_mail_source_set_handled_func (source, is_handled_cb, g_object_ref (self->store),
                                    g_object_unref);
  g_signal_connect_data (source, "candidate-found", G_CALLBACK (on_candidate_found_cb), link,
                         source_link_free, 0);
}

/**
 * mp2_pipeline_add_mail_source:
 * @self: the pipeline
 * @source: a source that finds candidates by itself
 * @flags: how its documents are imported (%MP2_IMPORT_QUIET_IF_OTHER_DOCUMENT for mail)
 *
 * Imports every candidate @source finds from now on, and marks it handled at the
 * source once stored. Sets the source's handled function to the store's record of
 * mails, so that it skips what was stored before, also in an earlier run.
 */
void
mp2_pipeline_add_mail_source (Mp2Pipeline    *self,
                              Mp2MailSource  *source,
                              Mp2ImportFlags  flags)
{
  g_return_if_fail (MP2_IS_PIPELINE (self));
  g_return_if_fail (MP2_IS_MAIL_SOURCE (source));

  connect_source (self, source, flags, NULL, NULL, NULL);
}

/**
 * mp2_pipeline_add_mail_source_full:
 * @self: the pipeline
 * @source: a source that finds candidates
 * @flags_func: says how each candidate is imported
 * @user_data: for @flags_func
 * @destroy: (nullable): frees @user_data once @source is gone
 *
 * mp2_pipeline_add_mail_source() with flags for each candidate: a file the user
 * opened is read differently from one that turned up in a watched folder.
 */
void
mp2_pipeline_add_mail_source_full (Mp2Pipeline           *self,
                                   Mp2MailSource         *source,
                                   Mp2CandidateFlagsFunc  flags_func,
                                   gpointer               user_data,
                                   GDestroyNotify         destroy)
{
  g_return_if_fail (MP2_IS_PIPELINE (self));
  g_return_if_fail (MP2_IS_MAIL_SOURCE (source));
  g_return_if_fail (flags_func != NULL);

  connect_source (self, source, MP2_IMPORT_DEFAULT, flags_func, user_data, destroy);
}
