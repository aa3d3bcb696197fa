/* mp2-gmail-handled.c
 *
 * What Mp2GmailSource does once a mail's candidates are handled: the label
 * "Film Schedule" (and the mail read, when asked), the mail recorded in the store,
 * and the history id stored when nothing waits any more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-gmail-source"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mp2-gmail-source-private.h"

/* Messages --------------------------------------------------------------------------- */

static void
message_clear (gpointer data)
{
  Mp2GmailMessage *message = data;

  g_free (message->id);
  g_free (message->account);
  g_free (message->subject);
  g_free (message->sender);
  g_hash_table_unref (message->waiting);
}

Mp2GmailMessage *
_mp2_gmail_message_new (const char *id,
                        const char *account)
{
  Mp2GmailMessage *message = g_rc_box_new0 (Mp2GmailMessage);

  message->id = g_strdup (id);
  message->account = g_strdup (account);
  message->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return message;
}

Mp2GmailMessage *
_mp2_gmail_message_ref (Mp2GmailMessage *message)
{
  return g_rc_box_acquire (message);
}

void
_mp2_gmail_message_unref (Mp2GmailMessage *message)
{
  g_rc_box_release_full (message, message_clear);
}

/**
 * _mp2_gmail_source_wait_for:
 * @self: the source
 * @message: a mail being read
 * @candidate_id: a candidate that @message waits for: one of its own, or the same
 *   PDF offered with another mail
 *
 * @message is settled once every candidate it waits for is marked handled.
 */
void
_mp2_gmail_source_wait_for (Mp2GmailSource  *self,
                            Mp2GmailMessage *message,
                            const char      *candidate_id)
{
  GPtrArray *messages = g_hash_table_lookup (self->waiting, candidate_id);

  if (messages == NULL)
    {
      messages = g_ptr_array_new_with_free_func ((GDestroyNotify) _mp2_gmail_message_unref);
      g_hash_table_insert (self->waiting, g_strdup (candidate_id), messages);
    }

  if (!g_ptr_array_find (messages, message, NULL))
    g_ptr_array_add (messages, _mp2_gmail_message_ref (message));
  g_hash_table_add (message->waiting, g_strdup (candidate_id));
}

/* Not waited for any more: the next check may read it again, if it is not recorded. */
void
_mp2_gmail_source_forget (Mp2GmailSource  *self,
                          Mp2GmailMessage *message)
{
  if (g_hash_table_lookup (self->messages, message->id) == message)
    g_hash_table_remove (self->messages, message->id);
}

/* The history id --------------------------------------------------------------------- */

/* Once no candidate waits, no mail is being labelled, and no other write runs. */
gboolean
_mp2_gmail_source_can_store_history (Mp2GmailSource *self)
{
  return self->pending_history_id != NULL && g_hash_table_size (self->waiting) == 0
         && self->finishing == 0 && !self->storing_history;
}

typedef struct
{
  char *key;          /* see _mp2_gmail_sync_state_key () */
  char *history_id;
} HistoryState;

static void
history_state_free (HistoryState *state)
{
  g_free (state->key);
  g_free (state->history_id);
  g_free (state);
}

static void
store_history_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Mp2GmailSource *self = source;
  HistoryState *state = task_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_store_set_sync_state (self->store, state->key, state->history_id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
maybe_store_history (Mp2GmailSource *self)
{
  if (_mp2_gmail_source_can_store_history (self))
    _mp2_gmail_source_store_history_async (self, NULL, NULL);
}

static void
on_history_stored_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Mp2GmailSource *self = MP2_GMAIL_SOURCE (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  self->storing_history = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_message ("Could not keep Gmail’s history id: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    {
      g_task_return_boolean (task, TRUE);
    }

  /* a later check's, held back while this one was written */
  maybe_store_history (self);
}

/**
 * _mp2_gmail_source_store_history_async:
 * @self: the source
 * @callback: (nullable): called when it is stored
 * @user_data: data for @callback
 *
 * Stores the pending history id of its account, in a worker thread. Only when
 * _mp2_gmail_source_can_store_history().
 */
void
_mp2_gmail_source_store_history_async (Mp2GmailSource      *self,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  HistoryState *state = g_new0 (HistoryState, 1);

  g_assert (_mp2_gmail_source_can_store_history (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, _mp2_gmail_source_store_history_async);

  state->key = g_steal_pointer (&self->pending_state_key);
  state->history_id = g_steal_pointer (&self->pending_history_id);
  self->storing_history = TRUE;
  g_debug ("Storing history id %s of %s", state->history_id, state->key);

  worker = g_task_new (self, NULL, on_history_stored_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, store_history_thread);
  g_task_set_task_data (worker, state, (GDestroyNotify) history_state_free);
  g_task_run_in_thread (worker, store_history_thread);
}

gboolean
_mp2_gmail_source_store_history_finish (Mp2GmailSource  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The label -------------------------------------------------------------------------- */

static void
label_lookup_done (Mp2GmailSource *self,
                   const char     *label_id,
                   const GError   *error)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->label_tasks);

  if (label_id != NULL)
    self->label_id = g_strdup (label_id);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_strdup (label_id), g_free);
    }
}

static void
on_label_created_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Mp2GmailSource) self = user_data;
  g_autoptr(JsonObject) label = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  label = _mp2_gmail_source_send_finish (self, result, &error);
  id = _mp2_gmail_get_string (label, "id");
  if (label != NULL && id == NULL)
    g_set_error_literal (&error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE,
                         _("Gmail did not say which label it made for the call sheets. "
                           "It will be tried again at the next check."));

  if (id != NULL)
    g_debug ("Made the label “%s”: %s", MP2_GMAIL_LABEL_NAME, id);
  label_lookup_done (self, id, error);
}

static void
create_label (Mp2GmailSource *self)
{
  g_autoptr(Mp2HttpRequest) request = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, MP2_GMAIL_LABEL_NAME);
  json_builder_set_member_name (builder, "labelListVisibility");
  json_builder_add_string_value (builder, "labelShow");
  json_builder_set_member_name (builder, "messageListVisibility");
  json_builder_add_string_value (builder, "show");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  request = _mp2_gmail_source_new_request (self, "POST", "labels", NULL);
  mp2_http_request_set_json_body (request, body);
  _mp2_gmail_source_send_async (self, request, self->cancellable, on_label_created_cb,
                                g_object_ref (self));
}

/* Gmail's label names ignore case: "film schedule" made by hand is the same label. */
static const char *
find_label (JsonObject *labels)
{
  JsonArray *array = _mp2_gmail_get_array (labels, "labels");
  g_autofree char *wanted = g_utf8_casefold (MP2_GMAIL_LABEL_NAME, -1);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *label = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = _mp2_gmail_get_string (label, "name");
      g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

      if (folded != NULL && g_str_equal (folded, wanted))
        return _mp2_gmail_get_string (label, "id");
    }

  return NULL;
}

static void
on_labels_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Mp2GmailSource) self = user_data;
  g_autoptr(JsonObject) labels = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  labels = _mp2_gmail_source_send_finish (self, result, &error);
  if (labels == NULL)
    {
      label_lookup_done (self, NULL, error);
      return;
    }

  id = find_label (labels);
  if (id != NULL)
    label_lookup_done (self, id, NULL);
  else
    create_label (self);
}

static char *
ensure_label_finish (Mp2GmailSource  *self,
                     GAsyncResult    *result,
                     GError         **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The id of the label, looked up (and made) once for all the mails that ask. */
static void
ensure_label_async (Mp2GmailSource      *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(Mp2HttpRequest) request = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ensure_label_async);

  if (self->label_id != NULL)
    {
      g_task_return_pointer (task, g_strdup (self->label_id), g_free);
      return;
    }

  if (self->label_tasks != NULL)
    {
      g_ptr_array_add (self->label_tasks, g_steal_pointer (&task));
      return;
    }

  self->label_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->label_tasks, g_steal_pointer (&task));

  request = _mp2_gmail_source_new_request (self, "GET", "labels", NULL);
  _mp2_gmail_source_send_async (self, request, self->cancellable, on_labels_listed_cb,
                                g_object_ref (self));
}

/* Settling a mail ----------------------------------------------------------------------- */

static void
record_message_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Mp2GmailSource *self = source;
  Mp2GmailMessage *message = task_data;
  g_autoptr(GError) error = NULL;
  Mp2DocumentOrigin origin = {
    .message_id = message->id,
    .account = message->account,
    .subject = message->subject,
    .sender = message->sender,
    .received_at = message->received_at,
  };

  if (!mp2_store_add_message (self->store, &origin, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
settle_done (GTask        *task,
             const GError *error)
{
  Mp2GmailSource *self = g_task_get_source_object (task);
  Mp2GmailMessage *message = g_task_get_task_data (task);

  message->finishing = FALSE;
  self->finishing--;
  _mp2_gmail_source_forget (self, message);

  if (error != NULL)
    {
      /* not recorded: the next check reads it again, from the old history id */
      self->failures++;
      g_clear_pointer (&self->pending_state_key, g_free);
      g_clear_pointer (&self->pending_history_id, g_free);
      g_task_return_error (task, g_error_copy (error));
      return;
    }

  g_task_return_boolean (task, TRUE);
  maybe_store_history (self);
}

static void
on_message_recorded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  settle_done (task, error);
}

static void
record_message (GTask *task)
{
  g_autoptr(GTask) worker = NULL;

  worker = g_task_new (g_task_get_source_object (task), NULL, on_message_recorded_cb, task);
  g_task_set_source_tag (worker, record_message);
  g_task_set_task_data (worker, _mp2_gmail_message_ref (g_task_get_task_data (task)),
                        (GDestroyNotify) _mp2_gmail_message_unref);
  g_task_run_in_thread (worker, record_message_thread);
}

static void
on_message_modified_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  object = _mp2_gmail_source_send_finish (MP2_GMAIL_SOURCE (source), result, &error);

  /* a mail deleted meanwhile is recorded all the same */
  if (object == NULL && !g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_NOT_FOUND))
    {
      settle_done (task, error);
      g_object_unref (task);
      return;
    }

  record_message (task);
}

static JsonNode *
build_modify_body (const char *label_id,
                   gboolean    mark_read)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "addLabelIds");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, label_id);
  json_builder_end_array (builder);
  if (mark_read)
    {
      json_builder_set_member_name (builder, "removeLabelIds");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "UNREAD");
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
on_label_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Mp2GmailSource *self = MP2_GMAIL_SOURCE (source);
  GTask *task = user_data;
  Mp2GmailMessage *message = g_task_get_task_data (task);
  g_autoptr(Mp2HttpRequest) request = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label_id = NULL;

  label_id = ensure_label_finish (self, result, &error);
  if (label_id == NULL)
    {
      settle_done (task, error);
      g_object_unref (task);
      return;
    }

  body = build_modify_body (label_id, g_settings_get_boolean (self->settings, "gmail-mark-read"));
  request = _mp2_gmail_source_new_request (self, "POST", "messages", message->id, "modify", NULL);
  mp2_http_request_set_json_body (request, body);
  /* adding a label twice changes nothing */
  mp2_http_request_set_retryable (request, TRUE);
  _mp2_gmail_source_send_async (self, request, g_task_get_cancellable (task),
                                on_message_modified_cb, task);
}

/**
 * _mp2_gmail_source_settle_async:
 * @self: the source
 * @message: a mail that waits for no candidate
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is settled
 * @user_data: data for @callback
 *
 * A mail that had a call sheet gets the label (and loses UNREAD with
 * "gmail-mark-read") and is recorded; one without is only recorded; one whose
 * parts could not all be read is forgotten, so that the next check reads it again.
 * A failure leaves the mail unrecorded and the history id where it was.
 */
void
_mp2_gmail_source_settle_async (Mp2GmailSource      *self,
                                Mp2GmailMessage     *message,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _mp2_gmail_source_settle_async);
  g_task_set_task_data (task, _mp2_gmail_message_ref (message),
                        (GDestroyNotify) _mp2_gmail_message_unref);

  g_assert (g_hash_table_size (message->waiting) == 0);
  g_assert (!message->finishing);

  if (message->incomplete)
    {
      _mp2_gmail_source_forget (self, message);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  message->finishing = TRUE;
  self->finishing++;

  if (message->offered)
    ensure_label_async (self, cancellable, on_label_ready_cb, task);
  else
    record_message (task);
}

gboolean
_mp2_gmail_source_settle_finish (Mp2GmailSource  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Marking handled ------------------------------------------------------------------------- */

static void
on_marked_message_settled_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  guint *n_left = g_task_get_task_data (task);

  if (!_mp2_gmail_source_settle_finish (MP2_GMAIL_SOURCE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("A mail of a handled call sheet is not labelled yet: %s", error->message);

  if (error != NULL && !g_task_had_error (task))
    g_task_return_error (task, g_steal_pointer (&error));

  if (--(*n_left) == 0 && !g_task_had_error (task))
    g_task_return_boolean (task, TRUE);
}

/**
 * _mp2_gmail_source_mark_handled_async:
 * @self: the source
 * @id: a candidate's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * The mails that waited only for @id are settled (labelled and recorded); when no
 * candidate waits any more, the last check's history id is stored. An id that this
 * source did not offer (an earlier run's) is fine: nothing waits for it.
 */
void
_mp2_gmail_source_mark_handled_async (Mp2GmailSource      *self,
                                      const char          *id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *key = NULL;
  guint *n_left = g_new0 (guint, 1);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _mp2_gmail_source_mark_handled_async);
  g_task_set_task_data (task, n_left, g_free);

  if (!g_hash_table_steal_extended (self->waiting, id, (gpointer *) &key, (gpointer *) &messages))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  for (guint i = 0; i < messages->len; i++)
    {
      Mp2GmailMessage *message = g_ptr_array_index (messages, i);

      g_hash_table_remove (message->waiting, id);
      if (g_hash_table_size (message->waiting) > 0 || message->collecting || message->finishing)
        continue;

      (*n_left)++;
      _mp2_gmail_source_settle_async (self, message, self->cancellable,
                                      on_marked_message_settled_cb, g_object_ref (task));
    }

  if (*n_left == 0)
    {
      g_task_return_boolean (task, TRUE);
      maybe_store_history (self);
    }
}
