/* mp2-gmail-source.c
 *
 * Call sheets from the signed-in Google account's Gmail: the object, its polling,
 * its status and the requests it sends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-gmail-source"

#include "config.h"

#include "mp2-gmail-source.h"

#include <glib/gi18n-lib.h>

#include "mp2-gmail-source-private.h"

/**
 * SECTION:mp2-gmail-source
 * @title: Mp2GmailSource
 * @short_description: call sheets from Gmail
 *
 * A check (mp2_mail_source_check_async(), or the poll of
 * mp2_gmail_source_set_polling()) asks Gmail for the mails that arrived since the
 * last one. The first check of an account takes the mailbox's history id first
 * (users.getProfile), so that nothing arriving meanwhile is missed, and then lists
 * the mails that the search of Preferences finds (mp2_gmail_source_build_query());
 * later ones ask users.history.list for the mails added since the stored history
 * id, and apply the same filter to them here. A history id that Gmail no longer
 * knows (404) makes the check a first one again.
 *
 * Each mail not recorded in the store yet is read (four at a time), and each PDF in
 * it that the pipeline does not know is emitted as a candidate with the id
 * "<message id>/<part id>"; a PDF that came twice in one check is emitted once. A
 * mail with no PDF, or that the filter turns down, is recorded at once. When the
 * last candidate of a mail is marked handled, the mail gets the label
 * "Film Schedule" (and loses UNREAD when "gmail-mark-read" is set) and is recorded.
 *
 * The history id is stored only once every candidate of the check is handled: if
 * the app stops in between, the next check lists the same mails again and skips
 * what was recorded. A check with nothing new costs one request.
 *
 * A PDF over %MP2_GMAIL_MAX_ATTACHMENT_SIZE is not downloaded: it is left out with
 * a message in the log, and the mail is treated as if it did not have it (recorded
 * without a label when it has no other PDF). No call sheet comes near that size,
 * and reading it again at every first check would give nothing more.
 */

static void mp2_mail_source_iface_init (Mp2MailSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Mp2GmailSource, mp2_gmail_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MP2_TYPE_MAIL_SOURCE,
                                                      mp2_mail_source_iface_init))

G_DEFINE_ENUM_TYPE (Mp2GmailSourceStatus, mp2_gmail_source_status,
                    G_DEFINE_ENUM_VALUE (MP2_GMAIL_SOURCE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (MP2_GMAIL_SOURCE_CHECKING, "checking"),
                    G_DEFINE_ENUM_VALUE (MP2_GMAIL_SOURCE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_STATUS,
  PROP_LAST_ERROR,
  PROP_LAST_CHECK,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Requests ---------------------------------------------------------------------------- */

/**
 * _mp2_gmail_source_new_request:
 * @self: the source
 * @method: "GET", "POST"
 * @first_segment: the first segment of the path under users/me/, then more, %NULL
 *   last; each is escaped
 *
 * Returns: (transfer full): a request to Gmail, in the "gmail" rate limit
 */
Mp2HttpRequest *
_mp2_gmail_source_new_request (Mp2GmailSource *self,
                               const char     *method,
                               const char     *first_segment,
                               ...)
{
  g_autoptr(GString) uri = g_string_new (self->api_url);
  Mp2HttpRequest *request;
  va_list args;

  va_start (args, first_segment);
  for (const char *segment = first_segment; segment != NULL; segment = va_arg (args, const char *))
    {
      if (uri->str[uri->len - 1] != '/')
        g_string_append_c (uri, '/');
      g_string_append_uri_escaped (uri, segment, NULL, FALSE);
    }
  va_end (args);

  request = mp2_http_request_new (method, uri->str);
  mp2_http_request_set_api (request, "gmail");

  return request;
}

/* An answer without what it should have. */
void
_mp2_gmail_set_bad_response (GError **error)
{
  g_set_error_literal (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE,
                       _("Gmail sent an answer that could not be read. "
                         "It will be tried again at the next check."));
}

static void
on_request_sent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(Mp2HttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  response = mp2_google_account_send_finish (MP2_GOOGLE_ACCOUNT (source), result, NULL, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = mp2_http_response_get_object (response);
  if (object == NULL)
    {
      _mp2_gmail_set_bad_response (&error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, json_object_ref (object), (GDestroyNotify) json_object_unref);
}

/* Sends @request with the account's token (refreshed on a 401). */
void
_mp2_gmail_source_send_async (Mp2GmailSource      *self,
                              Mp2HttpRequest      *request,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _mp2_gmail_source_send_async);
  mp2_google_account_send_async (self->account, request, cancellable, on_request_sent_cb, task);
}

/* Returns: (transfer full): the answer's JSON object, or %NULL with @error set (a
 * #MP2_HTTP_ERROR, a #MP2_AUTH_ERROR, or %G_IO_ERROR_CANCELLED) */
JsonObject *
_mp2_gmail_source_send_finish (Mp2GmailSource  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Status ---------------------------------------------------------------------------- */

static void
set_status (Mp2GmailSource       *self,
            Mp2GmailSourceStatus  status)
{
  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_last_error (Mp2GmailSource *self,
                const GError   *error)
{
  if (self->last_error == NULL && error == NULL)
    return;

  g_clear_error (&self->last_error);
  self->last_error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
update_status (Mp2GmailSource *self,
               const GError   *error)
{
  if (error == NULL)
    {
      g_clear_pointer (&self->last_check, g_date_time_unref);
      self->last_check = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CHECK]);
      set_last_error (self, NULL);
      set_status (self, MP2_GMAIL_SOURCE_IDLE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_status (self, MP2_GMAIL_SOURCE_IDLE);
      return;
    }

  g_message ("Gmail check failed: %s", error->message);
  set_last_error (self, error);
  set_status (self, MP2_GMAIL_SOURCE_FAILED);
}

static void
start_sync (Mp2GmailSource *self)
{
  g_assert (self->sync == NULL);

  self->sync = _mp2_gmail_sync_new (self);
  set_status (self, MP2_GMAIL_SOURCE_CHECKING);
  _mp2_gmail_sync_start (self->sync);
}

/* A check (@task) or a poll (%NULL) joins the running sync, or starts one. A sync
 * whose callers all gave up is winding down: the check waits for the next one. */
static void
join_sync (Mp2GmailSource *self,
           GTask          *task)
{
  if (self->sync != NULL && _mp2_gmail_sync_is_cancelled (self->sync))
    {
      if (task == NULL)
        self->queued_poll = TRUE;
      else
        g_ptr_array_add (self->queued, g_object_ref (task));
      return;
    }

  if (self->sync == NULL)
    start_sync (self);
  _mp2_gmail_sync_add_task (self->sync, task);
}

static void
start_queued (Mp2GmailSource *self)
{
  g_autoptr(GPtrArray) queued = NULL;
  gboolean poll = self->queued_poll;

  if (self->queued->len == 0 && !poll)
    return;

  queued = g_steal_pointer (&self->queued);
  self->queued = g_ptr_array_new_with_free_func (g_object_unref);
  self->queued_poll = FALSE;

  for (guint i = 0; i < queued->len; i++)
    {
      GTask *task = g_ptr_array_index (queued, i);

      if (g_cancellable_is_cancelled (self->cancellable))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 _("The check of Gmail was stopped."));
      else
        join_sync (self, task);
    }

  if (poll && !g_cancellable_is_cancelled (self->cancellable))
    join_sync (self, NULL);
}

/* Called by the sync when it ends, before it returns to its tasks. */
void
_mp2_gmail_source_sync_done (Mp2GmailSource *self,
                             const GError   *error)
{
  update_status (self, error);
  start_queued (self);
}

/* Polling ------------------------------------------------------------------------------- */

static gboolean
is_signed_in (Mp2GmailSource *self)
{
  return mp2_google_account_get_state (self->account) == MP2_ACCOUNT_STATE_SIGNED_IN;
}

static gboolean
on_poll_cb (gpointer user_data)
{
  Mp2GmailSource *self = user_data;

  /* A check still running (a slow first one) is this poll's. */
  join_sync (self, NULL);

  return G_SOURCE_CONTINUE;
}

static void
stop_timer (Mp2GmailSource *self)
{
  if (self->poll_source == NULL)
    return;

  g_source_destroy (self->poll_source);
  g_clear_pointer (&self->poll_source, g_source_unref);
}

static void
start_timer (Mp2GmailSource *self)
{
  guint minutes = MAX (1, g_settings_get_int (self->settings, "poll-interval-minutes"));

  stop_timer (self);
  self->poll_source = g_timeout_source_new_seconds (minutes * 60);
  g_source_set_static_name (self->poll_source, "[mp2] Gmail poll");
  g_source_set_callback (self->poll_source, on_poll_cb, self, NULL);
  g_source_attach (self->poll_source, self->context);
}

/* A check now and then every few minutes, while polling and signed in. */
static void
update_polling (Mp2GmailSource *self)
{
  if (!self->polling || !is_signed_in (self))
    {
      stop_timer (self);
      return;
    }

  if (self->poll_source != NULL)
    return;

  start_timer (self);
  on_poll_cb (self);
}

static void
on_account_state_changed_cb (Mp2GmailSource *self)
{
  update_polling (self);
}

static void
on_poll_interval_changed_cb (Mp2GmailSource *self)
{
  if (self->poll_source != NULL)
    start_timer (self);
}

/**
 * mp2_gmail_source_set_polling:
 * @self: a source
 * @polling: whether to check by itself
 *
 * While @polling, the source checks at once and then every "poll-interval-minutes"
 * (re-armed when the setting changes), as long as the account is signed in; it
 * starts again when the account is signed in again. A check still running when the
 * next is due is not doubled.
 */
void
mp2_gmail_source_set_polling (Mp2GmailSource *self,
                              gboolean        polling)
{
  g_return_if_fail (MP2_IS_GMAIL_SOURCE (self));

  polling = !!polling;
  if (self->polling == polling)
    return;

  self->polling = polling;
  update_polling (self);
}

/**
 * mp2_gmail_source_get_status:
 * @self: a source
 *
 * Returns: whether a check runs, or the last one failed
 */
Mp2GmailSourceStatus
mp2_gmail_source_get_status (Mp2GmailSource *self)
{
  g_return_val_if_fail (MP2_IS_GMAIL_SOURCE (self), MP2_GMAIL_SOURCE_IDLE);

  return self->status;
}

/**
 * mp2_gmail_source_get_last_error:
 * @self: a source
 *
 * Returns: (nullable): why the last check failed; %NULL after one that did not
 */
const GError *
mp2_gmail_source_get_last_error (Mp2GmailSource *self)
{
  g_return_val_if_fail (MP2_IS_GMAIL_SOURCE (self), NULL);

  return self->last_error;
}

/**
 * mp2_gmail_source_get_last_check:
 * @self: a source
 *
 * Returns: (nullable) (transfer none): when the last check succeeded
 */
GDateTime *
mp2_gmail_source_get_last_check (Mp2GmailSource *self)
{
  g_return_val_if_fail (MP2_IS_GMAIL_SOURCE (self), NULL);

  return self->last_check;
}

/* Mp2MailSource ------------------------------------------------------------------------ */

static const char *
mp2_gmail_source_get_name (Mp2MailSource *source)
{
  return "Gmail";
}

static void
mp2_gmail_source_check_async (Mp2MailSource       *source,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Mp2GmailSource *self = MP2_GMAIL_SOURCE (source);
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_gmail_source_check_async);

  if (!is_signed_in (self))
    {
      g_task_return_new_error (task, MP2_AUTH_ERROR, MP2_AUTH_ERROR_NOT_SIGNED_IN,
                               _("Sign in to Google in Preferences to read call sheets "
                                 "from Gmail."));
      return;
    }

  /* One check at a time: a second one waits for the running one. */
  join_sync (self, task);
}

static gboolean
mp2_gmail_source_check_finish (Mp2MailSource  *source,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_gmail_source_check_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mp2_gmail_source_mark_handled_async (Mp2MailSource       *source,
                                     const char          *id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  _mp2_gmail_source_mark_handled_async (MP2_GMAIL_SOURCE (source), id, cancellable,
                                        callback, user_data);
}

static gboolean
mp2_gmail_source_mark_handled_finish (Mp2MailSource  *source,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        _mp2_gmail_source_mark_handled_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mp2_mail_source_iface_init (Mp2MailSourceInterface *iface)
{
  iface->get_name = mp2_gmail_source_get_name;
  iface->check_async = mp2_gmail_source_check_async;
  iface->check_finish = mp2_gmail_source_check_finish;
  iface->mark_handled_async = mp2_gmail_source_mark_handled_async;
  iface->mark_handled_finish = mp2_gmail_source_mark_handled_finish;
}

/* GObject ----------------------------------------------------------------------------- */

static void
mp2_gmail_source_dispose (GObject *object)
{
  Mp2GmailSource *self = (Mp2GmailSource *) object;

  stop_timer (self);
  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    _mp2_gmail_sync_cancel (self->sync);

  G_OBJECT_CLASS (mp2_gmail_source_parent_class)->dispose (object);
}

static void
mp2_gmail_source_finalize (GObject *object)
{
  Mp2GmailSource *self = (Mp2GmailSource *) object;

  /* A running check and a label lookup hold a reference. */
  g_assert (self->sync == NULL);
  g_assert (self->label_tasks == NULL);
  g_assert (self->queued->len == 0);

  g_clear_object (&self->account);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->api_url, g_free);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->last_check, g_date_time_unref);
  g_clear_pointer (&self->queued, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_hash_table_unref);
  g_clear_pointer (&self->pending_state_key, g_free);
  g_clear_pointer (&self->pending_history_id, g_free);
  g_clear_pointer (&self->label_id, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (mp2_gmail_source_parent_class)->finalize (object);
}

static void
mp2_gmail_source_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  Mp2GmailSource *self = MP2_GMAIL_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_LAST_ERROR:
      g_value_set_boxed (value, self->last_error);
      break;

    case PROP_LAST_CHECK:
      g_value_set_boxed (value, self->last_check);
      break;

    case PROP_NAME:
      g_value_set_string (value, mp2_gmail_source_get_name (MP2_MAIL_SOURCE (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_gmail_source_class_init (Mp2GmailSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp2_gmail_source_dispose;
  object_class->finalize = mp2_gmail_source_finalize;
  object_class->get_property = mp2_gmail_source_get_property;

  /**
   * Mp2GmailSource:status:
   *
   * Whether a check runs, or the last one failed.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       MP2_TYPE_GMAIL_SOURCE_STATUS, MP2_GMAIL_SOURCE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * Mp2GmailSource:last-error:
   *
   * Why the last check failed, in a sentence for the user; %NULL after one that
   * succeeded.
   */
  properties[PROP_LAST_ERROR] =
    g_param_spec_boxed ("last-error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * Mp2GmailSource:last-check:
   *
   * When the last check succeeded, or %NULL before the first.
   */
  properties[PROP_LAST_CHECK] =
    g_param_spec_boxed ("last-check", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, PROP_NAME, properties);

  g_object_class_override_property (object_class, PROP_NAME, "name");
  properties[PROP_NAME] = g_object_class_find_property (object_class, "name");
}

static void
mp2_gmail_source_init (Mp2GmailSource *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  self->queued = g_ptr_array_new_with_free_func (g_object_unref);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) _mp2_gmail_message_unref);
  self->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
}

static char *
dup_api_url (const char *base_url)
{
  g_autofree char *base = NULL;

  if (base_url != NULL)
    base = g_strdup (base_url);
  else
    base = mp2_http_service_url ("MP2_GMAIL_URL", "https://gmail.googleapis.com/");

  return g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", "gmail/v1/users/me/", NULL);
}

/**
 * mp2_gmail_source_new:
 * @account: the Google account whose mail is read
 * @store: the store that records the mails read and the history id
 * @settings: the app's settings (the search, the poll interval)
 * @base_url: (nullable): Gmail's address, or %NULL for the real one (or the
 *   override of `MP2_GMAIL_URL`)
 *
 * Makes a source that checks only when asked, until mp2_gmail_source_set_polling().
 * Its signals are emitted on the thread-default main context of the caller.
 *
 * Returns: (transfer full): a new #Mp2GmailSource
 */
Mp2GmailSource *
mp2_gmail_source_new (Mp2GoogleAccount *account,
                      Mp2Store         *store,
                      GSettings        *settings,
                      const char       *base_url)
{
  Mp2GmailSource *self;

  g_return_val_if_fail (MP2_IS_GOOGLE_ACCOUNT (account), NULL);
  g_return_val_if_fail (MP2_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MP2_TYPE_GMAIL_SOURCE, NULL);
  self->account = g_object_ref (account);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->api_url = dup_api_url (base_url);

  g_signal_connect_object (account, "notify::state",
                           G_CALLBACK (on_account_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::poll-interval-minutes",
                           G_CALLBACK (on_poll_interval_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
