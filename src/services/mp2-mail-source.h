/* mp2-mail-source.h
 *
 * Where call sheets come from: a Gmail account, a watched folder, the files the user
 * opens. A source finds candidates (a PDF and where it came from), hands them to
 * whoever listens, and is told which ones have been handled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * Mp2MailCandidate:
 * @id: stable id of this PDF at its source, never %NULL. A mail source uses the
 *   message id and the attachment's MIME part id ("<message id>/<part id>"): Gmail
 *   documents an attachmentId only as a handle for attachments.get, not as a name
 *   that stays the same from one fetch to the next. A file is "file:" followed by
 *   its URI. The same PDF at the same place always gets the same id, so that the
 *   pipeline can tell a candidate it already has.
 * @subject: (nullable): the mail's subject; %NULL for a file
 * @sender: (nullable): the mail's sender as "Name <address>"; %NULL for a file
 * @date: when the mail was received or the file last modified, never %NULL
 * @file_name: (nullable): the attachment's or the file's name, for display
 * @pdf: the attachment's or the file's bytes, never %NULL. Not necessarily a PDF:
 *   the reader tells what is wrong with a file that is not.
 *
 * A possible call sheet. Reference-counted and immutable once made.
 */
typedef struct
{
  char      *id;
  char      *subject;
  char      *sender;
  GDateTime *date;
  char      *file_name;
  GBytes    *pdf;
} Mp2MailCandidate;

#define MP2_TYPE_MAIL_CANDIDATE (mp2_mail_candidate_get_type ())

GType             mp2_mail_candidate_get_type (void) G_GNUC_CONST;
Mp2MailCandidate *mp2_mail_candidate_new      (const char       *id,
                                               const char       *subject,
                                               const char       *sender,
                                               GDateTime        *date,
                                               const char       *file_name,
                                               GBytes           *pdf);
Mp2MailCandidate *mp2_mail_candidate_ref      (Mp2MailCandidate *self);
void              mp2_mail_candidate_unref    (Mp2MailCandidate *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2MailCandidate, mp2_mail_candidate_unref)

#define MP2_TYPE_MAIL_SOURCE (mp2_mail_source_get_type ())

G_DECLARE_INTERFACE (Mp2MailSource, mp2_mail_source, MP2, MAIL_SOURCE, GObject)

/**
 * Mp2MailSourceHandledFunc:
 * @source: the source that asks
 * @id: a candidate's id
 * @user_data: the data given to mp2_mail_source_set_handled_func()
 *
 * Says whether a candidate is already known, so that the source does not read it
 * again. Called from a worker thread: it may block (a lookup in the store), and
 * must be thread-safe.
 *
 * Returns: %TRUE when @id is known and need not be emitted again
 */
typedef gboolean (*Mp2MailSourceHandledFunc) (Mp2MailSource *source,
                                              const char    *id,
                                              gpointer       user_data);

/**
 * Mp2MailSourceInterface:
 * @get_name: the source's name for logs and the UI
 * @check_async: looks for new candidates now and emits them
 * @check_finish: finishes @check_async
 * @mark_handled_async: remembers that a candidate need not be offered again
 * @mark_handled_finish: finishes @mark_handled_async
 *
 * An implementation emits #Mp2MailSource::candidate-found (with
 * mp2_mail_source_emit_candidate_found()) on the thread-default main context it was
 * made in, and asks mp2_mail_source_is_handled() before it reads a candidate that it
 * found by itself.
 */
struct _Mp2MailSourceInterface
{
  GTypeInterface parent_iface;

  const char * (*get_name)            (Mp2MailSource        *self);

  void         (*check_async)         (Mp2MailSource        *self,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
  gboolean     (*check_finish)        (Mp2MailSource        *self,
                                       GAsyncResult         *result,
                                       GError              **error);

  void         (*mark_handled_async)  (Mp2MailSource        *self,
                                       const char           *id,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
  gboolean     (*mark_handled_finish) (Mp2MailSource        *self,
                                       GAsyncResult         *result,
                                       GError              **error);
};

const char *mp2_mail_source_get_name            (Mp2MailSource            *self);

void        mp2_mail_source_check_async         (Mp2MailSource            *self,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
gboolean    mp2_mail_source_check_finish        (Mp2MailSource            *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error);

void        mp2_mail_source_mark_handled_async  (Mp2MailSource            *self,
                                                 const char               *id,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
gboolean    mp2_mail_source_mark_handled_finish (Mp2MailSource            *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error);

void        mp2_mail_source_set_handled_func    (Mp2MailSource            *self,
                                                 Mp2MailSourceHandledFunc  func,
                                                 gpointer                  user_data,
                                                 GDestroyNotify            destroy);

/* For implementations. */
gboolean    mp2_mail_source_has_handled_func    (Mp2MailSource            *self);
gboolean    mp2_mail_source_is_handled          (Mp2MailSource            *self,
                                                 const char               *id);
void        mp2_mail_source_emit_candidate_found (Mp2MailSource           *self,
                                                  Mp2MailCandidate        *candidate);

G_END_DECLS
