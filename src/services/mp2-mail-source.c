/* mp2-mail-source.c
 *
 * The interface of the places call sheets come from, and the candidate they yield.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-mail-source"

#include "config.h"

#include "mp2-mail-source.h"

/**
 * SECTION:mp2-mail-source
 * @title: Mp2MailSource
 * @short_description: where call-sheet candidates come from
 *
 * A mail source yields candidates: a PDF with its subject, sender, date and file
 * name, under an id that stays the same for the same PDF at the same place. The two
 * kinds are a Gmail account (mp2_mail_source_check_async() polls the Gmail API from
 * the last history id) and #Mp2FolderSource (files the user opens, and a watched
 * folder that mp2_mail_source_check_async() scans).
 *
 * The flow: the pipeline connects to #Mp2MailSource::candidate-found, gives the
 * source a #Mp2MailSourceHandledFunc that asks the store whether an id is known,
 * and calls mp2_mail_source_check_async() at start and then when it is time to look
 * again. For each candidate it stores the document and then calls
 * mp2_mail_source_mark_handled_async(), whether the PDF turned out to be a call
 * sheet or not: a candidate that is never marked handled may be offered again by
 * the next check (a crash between finding and storing loses nothing).
 *
 * Candidates are emitted on the main context the source was made in, never from a
 * worker thread. A check resolves only after every candidate it found has been
 * emitted.
 */

G_DEFINE_INTERFACE (Mp2MailSource, mp2_mail_source, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (Mp2MailCandidate, mp2_mail_candidate,
                     mp2_mail_candidate_ref, mp2_mail_candidate_unref)

enum {
  CANDIDATE_FOUND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The handled function, shared by reference so that a worker thread can call it
 * while the main thread replaces it. */
typedef struct
{
  Mp2MailSourceHandledFunc func;
  gpointer                 user_data;
  GDestroyNotify           destroy;
} HandledHook;

G_LOCK_DEFINE_STATIC (handled_hook);
static GQuark handled_hook_quark;

static void
handled_hook_clear (gpointer data)
{
  HandledHook *hook = data;

  if (hook->destroy != NULL)
    hook->destroy (hook->user_data);
}

static void
handled_hook_unref (gpointer hook)
{
  g_atomic_rc_box_release_full (hook, handled_hook_clear);
}

static void
mp2_mail_source_default_init (Mp2MailSourceInterface *iface)
{
  handled_hook_quark = g_quark_from_static_string ("mp2-mail-source-handled-hook");

  /**
   * Mp2MailSource:name:
   *
   * The source's name for logs and the UI: the account's address, the folder's name.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_string ("name", NULL, NULL, NULL,
                                                            G_PARAM_READABLE |
                                                            G_PARAM_STATIC_STRINGS |
                                                            G_PARAM_EXPLICIT_NOTIFY));

  /**
   * Mp2MailSource::candidate-found:
   * @self: the source
   * @candidate: the new candidate
   *
   * Emitted on the source's main context for each new candidate. Take a reference
   * on @candidate to keep it.
   */
  signals[CANDIDATE_FOUND] =
    g_signal_new ("candidate-found",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1, MP2_TYPE_MAIL_CANDIDATE);
  g_signal_set_va_marshaller (signals[CANDIDATE_FOUND],
                              G_TYPE_FROM_INTERFACE (iface),
                              g_cclosure_marshal_VOID__BOXEDv);
}

static void
mp2_mail_candidate_clear (gpointer data)
{
  Mp2MailCandidate *self = data;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->sender, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
}

/**
 * mp2_mail_candidate_new:
 * @id: the candidate's stable id
 * @subject: (nullable): the mail's subject
 * @sender: (nullable): the mail's sender
 * @date: when the mail arrived or the file was last modified
 * @file_name: (nullable): the attachment's or the file's name
 * @pdf: the bytes
 *
 * Returns: (transfer full): a new candidate
 */
Mp2MailCandidate *
mp2_mail_candidate_new (const char *id,
                        const char *subject,
                        const char *sender,
                        GDateTime  *date,
                        const char *file_name,
                        GBytes     *pdf)
{
  Mp2MailCandidate *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_atomic_rc_box_new0 (Mp2MailCandidate);
  self->id = g_strdup (id);
  self->subject = g_strdup (subject);
  self->sender = g_strdup (sender);
  self->date = g_date_time_ref (date);
  self->file_name = g_strdup (file_name);
  self->pdf = g_bytes_ref (pdf);

  return self;
}

/**
 * mp2_mail_candidate_ref:
 * @self: a candidate
 *
 * Returns: (transfer full): @self
 */
Mp2MailCandidate *
mp2_mail_candidate_ref (Mp2MailCandidate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * mp2_mail_candidate_unref:
 * @self: (transfer full): a candidate
 */
void
mp2_mail_candidate_unref (Mp2MailCandidate *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, mp2_mail_candidate_clear);
}

/**
 * mp2_mail_source_get_name:
 * @self: a source
 *
 * Returns: the source's name for logs and the UI
 */
const char *
mp2_mail_source_get_name (Mp2MailSource *self)
{
  g_return_val_if_fail (MP2_IS_MAIL_SOURCE (self), NULL);

  return MP2_MAIL_SOURCE_GET_IFACE (self)->get_name (self);
}

/**
 * mp2_mail_source_check_async:
 * @self: a source
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Looks for new candidates now (a Gmail source polls the API, a folder source scans
 * its folder) and emits #Mp2MailSource::candidate-found for each one that is not
 * handled. @callback runs after the last of them was emitted. A candidate that
 * cannot be read is reported by the implementation's own signal, and does not fail
 * the check.
 */
void
mp2_mail_source_check_async (Mp2MailSource       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (MP2_IS_MAIL_SOURCE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  MP2_MAIL_SOURCE_GET_IFACE (self)->check_async (self, cancellable, callback, user_data);
}

/**
 * mp2_mail_source_check_finish:
 * @self: a source
 * @result: the result
 * @error: where to report why the source could not be looked at (a #G_IO_ERROR for
 *   a folder; an authentication or HTTP error for an account)
 *
 * Returns: %TRUE when the source was looked at
 */
gboolean
mp2_mail_source_check_finish (Mp2MailSource  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (MP2_IS_MAIL_SOURCE (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  return MP2_MAIL_SOURCE_GET_IFACE (self)->check_finish (self, result, error);
}

/**
 * mp2_mail_source_mark_handled_async:
 * @self: a source
 * @id: a candidate's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is marked
 * @user_data: data for @callback
 *
 * Tells the source that the candidate @id was stored and need not be offered again.
 * A folder source remembers it for as long as it lives (the store answers for the
 * next run through the handled function); a Gmail source may also label the mail.
 */
void
mp2_mail_source_mark_handled_async (Mp2MailSource       *self,
                                    const char          *id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (MP2_IS_MAIL_SOURCE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  MP2_MAIL_SOURCE_GET_IFACE (self)->mark_handled_async (self, id, cancellable,
                                                        callback, user_data);
}

/**
 * mp2_mail_source_mark_handled_finish:
 * @self: a source
 * @result: the result
 * @error: where to report a failure
 *
 * Returns: %TRUE when the candidate is marked handled
 */
gboolean
mp2_mail_source_mark_handled_finish (Mp2MailSource  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (MP2_IS_MAIL_SOURCE (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  return MP2_MAIL_SOURCE_GET_IFACE (self)->mark_handled_finish (self, result, error);
}

/**
 * mp2_mail_source_set_handled_func:
 * @self: a source
 * @func: (nullable): says whether an id is already known; %NULL for none
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when @func is replaced or @self goes, on
 *   whichever thread drops the last use of it
 *
 * Lets the owner of the documents (the pipeline, with the store behind it) say
 * "already known" before the source reads a candidate it found by itself. Sources
 * call @func from a worker thread, so it may look in the database. Without one a
 * source only knows the ids marked handled since it was made.
 */
void
mp2_mail_source_set_handled_func (Mp2MailSource            *self,
                                  Mp2MailSourceHandledFunc  func,
                                  gpointer                  user_data,
                                  GDestroyNotify            destroy)
{
  HandledHook *hook = NULL;
  HandledHook *old;

  g_return_if_fail (MP2_IS_MAIL_SOURCE (self));

  if (func != NULL)
    {
      hook = g_atomic_rc_box_new0 (HandledHook);
      hook->func = func;
      hook->user_data = user_data;
      hook->destroy = destroy;
    }

  G_LOCK (handled_hook);
  old = g_object_steal_qdata (G_OBJECT (self), handled_hook_quark);
  g_object_set_qdata_full (G_OBJECT (self), handled_hook_quark, hook, handled_hook_unref);
  G_UNLOCK (handled_hook);

  if (old != NULL)
    handled_hook_unref (old);
}

static HandledHook *
dup_handled_hook (Mp2MailSource *self)
{
  HandledHook *hook;

  G_LOCK (handled_hook);
  hook = g_object_get_qdata (G_OBJECT (self), handled_hook_quark);
  if (hook != NULL)
    g_atomic_rc_box_acquire (hook);
  G_UNLOCK (handled_hook);

  return hook;
}

/**
 * mp2_mail_source_has_handled_func:
 * @self: a source
 *
 * Returns: %TRUE when mp2_mail_source_is_handled() has someone to ask
 */
gboolean
mp2_mail_source_has_handled_func (Mp2MailSource *self)
{
  gboolean has;

  g_return_val_if_fail (MP2_IS_MAIL_SOURCE (self), FALSE);

  G_LOCK (handled_hook);
  has = g_object_get_qdata (G_OBJECT (self), handled_hook_quark) != NULL;
  G_UNLOCK (handled_hook);

  return has;
}

/**
 * mp2_mail_source_is_handled:
 * @self: a source
 * @id: a candidate's id
 *
 * Asks the handled function set with mp2_mail_source_set_handled_func(). For
 * implementations; call it from a worker thread, since the function may block.
 *
 * Returns: %TRUE when @id is known
 */
gboolean
mp2_mail_source_is_handled (Mp2MailSource *self,
                            const char    *id)
{
  HandledHook *hook;
  gboolean handled;

  g_return_val_if_fail (MP2_IS_MAIL_SOURCE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  hook = dup_handled_hook (self);
  if (hook == NULL)
    return FALSE;

  handled = hook->func (self, id, hook->user_data);
  handled_hook_unref (hook);

  return handled;
}

/**
 * mp2_mail_source_emit_candidate_found:
 * @self: a source
 * @candidate: a new candidate
 *
 * Emits #Mp2MailSource::candidate-found. For implementations, on the main context
 * the source was made in.
 */
void
mp2_mail_source_emit_candidate_found (Mp2MailSource    *self,
                                      Mp2MailCandidate *candidate)
{
  g_return_if_fail (MP2_IS_MAIL_SOURCE (self));
  g_return_if_fail (candidate != NULL);

  g_signal_emit (self, signals[CANDIDATE_FOUND], 0, candidate);
}
