/* mp2-gmail-sync.c
 *
 * One check of Mp2GmailSource: which mails are new (messages.list for the first
 * check of an account, history.list after it), then each of them read (see
 * mp2-gmail-message.c), four at a time, and at the end the history id kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-gmail-source"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mp2-gmail-source-private.h"

/* The most ids Gmail gives in one page of messages.list and history.list. */
#define PAGE_SIZE "500"

/* A check that waits for the sync. */
typedef struct
{
  Mp2GmailSync *sync;
  GTask        *task;
  GSource      *cancelled_source;
} Waiter;

static void pump (Mp2GmailSync *sync);

/* Waiting checks ------------------------------------------------------------------- */

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  if (waiter->cancelled_source != NULL)
    {
      g_source_destroy (waiter->cancelled_source);
      g_source_unref (waiter->cancelled_source);
    }
  g_clear_object (&waiter->task);
  g_free (waiter);
}

/* A check given up by its caller stops waiting; the sync goes on for the others. */
static gboolean
on_waiter_cancelled_cb (GCancellable *cancellable,
                        gpointer      user_data)
{
  Waiter *waiter = user_data;
  Mp2GmailSync *sync = waiter->sync;
  g_autoptr(GTask) task = g_steal_pointer (&waiter->task);

  g_ptr_array_remove_fast (sync->waiters, waiter);
  g_task_return_error_if_cancelled (task);

  if (sync->waiters->len == 0 && !sync->polled)
    g_cancellable_cancel (sync->cancellable);

  return G_SOURCE_REMOVE;
}

/**
 * _mp2_gmail_sync_add_task:
 * @sync: the running sync
 * @task: (nullable): a check to return to when it ends; %NULL for a poll
 */
void
_mp2_gmail_sync_add_task (Mp2GmailSync *sync,
                          GTask        *task)
{
  GCancellable *cancellable = task != NULL ? g_task_get_cancellable (task) : NULL;
  Waiter *waiter;

  if (task == NULL)
    {
      sync->polled = TRUE;
      return;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->sync = sync;
  waiter->task = g_object_ref (task);
  if (cancellable != NULL)
    {
      waiter->cancelled_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancelled_source, G_SOURCE_FUNC (on_waiter_cancelled_cb),
                             waiter, NULL);
      g_source_attach (waiter->cancelled_source, sync->self->context);
    }

  g_ptr_array_add (sync->waiters, waiter);
}

/* The sync ---------------------------------------------------------------------------- */

/**
 * _mp2_gmail_sync_state_key:
 * @account: the account's address
 * @query: the search of the settings
 *
 * The history id is kept for the account and the search together: history.list
 * gives what is new since then, not what an earlier search left out, so a search
 * changed in Preferences (another subject word, more days back) starts again with
 * a full search. The store knows every mail it has, so nothing is read twice.
 *
 * Returns: (transfer full): the key of the history id in the store
 */
char *
_mp2_gmail_sync_state_key (const char *account,
                           const char *query)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, query, -1);

  return g_strdup_printf ("%s %.16s", account, digest);
}

Mp2GmailSync *
_mp2_gmail_sync_new (Mp2GmailSource *self)
{
  Mp2GmailSync *sync = g_new0 (Mp2GmailSync, 1);

  sync->self = g_object_ref (self);
  sync->cancellable = g_cancellable_new ();
  sync->waiters = g_ptr_array_new_with_free_func (waiter_free);
  sync->account = g_strdup (mp2_google_account_get_email (self->account));
  sync->query = mp2_gmail_source_build_query (self->settings);
  if (sync->account != NULL)
    sync->state_key = _mp2_gmail_sync_state_key (sync->account, sync->query);
  sync->filter = _mp2_gmail_filter_new (self->settings);
  sync->message_ids = g_ptr_array_new_with_free_func (g_free);
  sync->listed = g_hash_table_new (g_str_hash, g_str_equal);
  sync->digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sync->failures = self->failures;

  return sync;
}

static void
sync_free (Mp2GmailSync *sync)
{
  g_assert (sync->running == 0);

  g_clear_pointer (&sync->waiters, g_ptr_array_unref);
  g_clear_object (&sync->cancellable);
  g_clear_pointer (&sync->account, g_free);
  g_clear_pointer (&sync->query, g_free);
  g_clear_pointer (&sync->state_key, g_free);
  g_clear_pointer (&sync->filter, _mp2_gmail_filter_free);
  g_clear_pointer (&sync->start_history_id, g_free);
  g_clear_pointer (&sync->history_id, g_free);
  g_clear_pointer (&sync->page_token, g_free);
  g_clear_pointer (&sync->listed, g_hash_table_unref);
  g_clear_pointer (&sync->message_ids, g_ptr_array_unref);
  g_clear_pointer (&sync->digests, g_hash_table_unref);
  g_clear_error (&sync->error);
  g_clear_object (&sync->self);
  g_free (sync);
}

/**
 * _mp2_gmail_sync_cancel:
 * @sync: the running sync
 *
 * Stops it, for the source that goes away: its checks fail as cancelled.
 */
void
_mp2_gmail_sync_cancel (Mp2GmailSync *sync)
{
  g_cancellable_cancel (sync->cancellable);
}

/* Whether it is only winding down: a new check must not join it. */
gboolean
_mp2_gmail_sync_is_cancelled (Mp2GmailSync *sync)
{
  return g_cancellable_is_cancelled (sync->cancellable);
}

/* The end: the source learns how it went, then each waiting check. */
static void
sync_return (Mp2GmailSync *sync,
             const GError *error)
{
  Mp2GmailSource *self = sync->self;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&sync->waiters);

  g_assert (self->sync == sync);
  self->sync = NULL;
  _mp2_gmail_source_sync_done (self, error);

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);
      g_autoptr(GTask) task = g_steal_pointer (&waiter->task);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  sync_free (sync);
}

static void
on_history_stored_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Mp2GmailSync *sync = user_data;
  g_autoptr(GError) error = NULL;

  _mp2_gmail_source_store_history_finish (MP2_GMAIL_SOURCE (source), result, &error);
  sync_return (sync, error);
}

/* Every mail is read: the history id is kept to be stored once the candidates are
 * handled, at once when none is left. A label that failed meanwhile leaves it
 * where it was, so that the next check reads those mails again. */
static void
sync_finish (Mp2GmailSync *sync)
{
  Mp2GmailSource *self = sync->self;

  if (sync->error != NULL)
    {
      sync_return (sync, sync->error);
      return;
    }

  if (self->failures != sync->failures || sync->history_id == NULL)
    {
      sync_return (sync, NULL);
      return;
    }

  g_free (self->pending_state_key);
  self->pending_state_key = g_strdup (sync->state_key);
  g_free (self->pending_history_id);
  self->pending_history_id = g_steal_pointer (&sync->history_id);

  if (!_mp2_gmail_source_can_store_history (self))
    {
      sync_return (sync, NULL);
      return;
    }

  _mp2_gmail_source_store_history_async (self, on_history_stored_cb, sync);
}

/* The first error of a check is the one it returns; the mails being read go on. */
void
_mp2_gmail_sync_fail (Mp2GmailSync *sync,
                      const GError *error)
{
  if (sync->error == NULL)
    sync->error = g_error_copy (error);
}

static void
add_message_id (Mp2GmailSync *sync,
                const char   *id)
{
  char *copy;

  if (id == NULL || g_hash_table_contains (sync->listed, id))
    return;

  copy = g_strdup (id);
  g_ptr_array_add (sync->message_ids, copy);
  g_hash_table_add (sync->listed, copy);
}

/* A first sync: the profile's history id, then the search ----------------------------- */

static void list_messages (Mp2GmailSync *sync);

static void
on_messages_listed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Mp2GmailSync *sync = user_data;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *messages;
  const char *token;

  object = _mp2_gmail_source_send_finish (MP2_GMAIL_SOURCE (source), result, &error);
  if (object == NULL)
    {
      _mp2_gmail_sync_fail (sync, error);
      sync_finish (sync);
      return;
    }

  /* no "messages" at all when nothing matches */
  messages = _mp2_gmail_get_array (object, "messages");
  for (guint i = 0; messages != NULL && i < json_array_get_length (messages); i++)
    add_message_id (sync, _mp2_gmail_get_string (json_array_get_object_element (messages, i),
                                                 "id"));

  token = _mp2_gmail_get_string (object, "nextPageToken");
  g_free (sync->page_token);
  sync->page_token = token != NULL && *token != '\0' ? g_strdup (token) : NULL;

  if (sync->page_token != NULL)
    list_messages (sync);
  else
    pump (sync);
}

static void
list_messages (Mp2GmailSync *sync)
{
  g_autoptr(Mp2HttpRequest) request = NULL;

  request = _mp2_gmail_source_new_request (sync->self, "GET", "messages", NULL);
  mp2_http_request_add_query (request, "q", sync->query);
  mp2_http_request_add_query (request, "maxResults", PAGE_SIZE);
  if (sync->page_token != NULL)
    mp2_http_request_add_query (request, "pageToken", sync->page_token);

  _mp2_gmail_source_send_async (sync->self, request, sync->cancellable,
                                on_messages_listed_cb, sync);
}

static void
on_profile_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Mp2GmailSync *sync = user_data;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  const char *history_id;

  object = _mp2_gmail_source_send_finish (MP2_GMAIL_SOURCE (source), result, &error);
  history_id = _mp2_gmail_get_string (object, "historyId");
  if (object != NULL && history_id == NULL)
    _mp2_gmail_set_bad_response (&error);

  if (error != NULL)
    {
      _mp2_gmail_sync_fail (sync, error);
      sync_finish (sync);
      return;
    }

  sync->history_id = g_strdup (history_id);
  list_messages (sync);
}

/* The mailbox's history id before the search, so that a mail arriving during the
 * search is in the next check's history. */
static void
start_full_sync (Mp2GmailSync *sync)
{
  g_autoptr(Mp2HttpRequest) request = NULL;

  g_debug ("First check of %s: %s", sync->account, sync->query);

  request = _mp2_gmail_source_new_request (sync->self, "GET", "profile", NULL);
  _mp2_gmail_source_send_async (sync->self, request, sync->cancellable, on_profile_cb, sync);
}

/* Later syncs: the mails added since the stored history id -------------------------- */

static void list_history (Mp2GmailSync *sync);

static gboolean
has_label (JsonObject *message,
           const char *label)
{
  JsonArray *labels = _mp2_gmail_get_array (message, "labelIds");

  for (guint i = 0; labels != NULL && i < json_array_get_length (labels); i++)
    {
      JsonNode *node = json_array_get_element (labels, i);

      if (JSON_NODE_HOLDS_VALUE (node) && g_strcmp0 (json_node_get_string (node), label) == 0)
        return TRUE;
    }

  return FALSE;
}

/* What the search leaves out on its own: drafts, spam and the bin. */
static void
add_history_record (Mp2GmailSync *sync,
                    JsonObject   *record)
{
  JsonArray *added = _mp2_gmail_get_array (record, "messagesAdded");

  for (guint i = 0; added != NULL && i < json_array_get_length (added); i++)
    {
      JsonNode *node = json_array_get_element (added, i);
      JsonObject *message = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        message = _mp2_gmail_get_object (json_node_get_object (node), "message");
      if (message == NULL || has_label (message, "DRAFT") || has_label (message, "SPAM")
          || has_label (message, "TRASH"))
        continue;

      add_message_id (sync, _mp2_gmail_get_string (message, "id"));
    }
}

/* Gmail forgets history ids after a week or so: the check becomes a first one. */
static void
restart_as_full_sync (Mp2GmailSync *sync)
{
  g_message ("Gmail no longer knows the history id %s of %s: reading the mailbox again",
             sync->start_history_id, sync->account);

  g_clear_pointer (&sync->start_history_id, g_free);
  g_clear_pointer (&sync->page_token, g_free);
  g_ptr_array_set_size (sync->message_ids, 0);
  g_hash_table_remove_all (sync->listed);

  start_full_sync (sync);
}

static void
on_history_listed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Mp2GmailSync *sync = user_data;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *history;
  const char *token;

  object = _mp2_gmail_source_send_finish (MP2_GMAIL_SOURCE (source), result, &error);
  if (g_error_matches (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_NOT_FOUND))
    {
      restart_as_full_sync (sync);
      return;
    }
  if (object != NULL && _mp2_gmail_get_string (object, "historyId") == NULL)
    _mp2_gmail_set_bad_response (&error);
  if (error != NULL)
    {
      _mp2_gmail_sync_fail (sync, error);
      sync_finish (sync);
      return;
    }

  /* no "history" at all when nothing happened */
  history = _mp2_gmail_get_array (object, "history");
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonNode *node = json_array_get_element (history, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        add_history_record (sync, json_node_get_object (node));
    }

  g_free (sync->history_id);
  sync->history_id = g_strdup (_mp2_gmail_get_string (object, "historyId"));

  token = _mp2_gmail_get_string (object, "nextPageToken");
  g_free (sync->page_token);
  sync->page_token = token != NULL && *token != '\0' ? g_strdup (token) : NULL;

  if (sync->page_token != NULL)
    list_history (sync);
  else
    pump (sync);
}

static void
list_history (Mp2GmailSync *sync)
{
  g_autoptr(Mp2HttpRequest) request = NULL;

  request = _mp2_gmail_source_new_request (sync->self, "GET", "history", NULL);
  mp2_http_request_add_query (request, "startHistoryId", sync->start_history_id);
  mp2_http_request_add_query (request, "historyTypes", "messageAdded");
  mp2_http_request_add_query (request, "maxResults", PAGE_SIZE);
  if (sync->page_token != NULL)
    mp2_http_request_add_query (request, "pageToken", sync->page_token);

  _mp2_gmail_source_send_async (sync->self, request, sync->cancellable,
                                on_history_listed_cb, sync);
}

static void
read_sync_state_thread (GTask        *task,
                        gpointer      source,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Mp2GmailSource *self = source;
  g_autoptr(GError) error = NULL;
  char *history_id;

  history_id = mp2_store_get_sync_state (self->store, task_data, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, history_id, g_free);
}

static void
on_sync_state_read_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Mp2GmailSync *sync = user_data;
  g_autoptr(GError) error = NULL;

  sync->start_history_id = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      _mp2_gmail_sync_fail (sync, error);
      sync_finish (sync);
      return;
    }

  if (sync->start_history_id == NULL)
    start_full_sync (sync);
  else
    list_history (sync);
}

/**
 * _mp2_gmail_sync_start:
 * @sync: a new sync, the source's
 *
 * Reads the stored history id of the account, and from it what is new.
 */
void
_mp2_gmail_sync_start (Mp2GmailSync *sync)
{
  g_autoptr(GTask) task = NULL;

  if (sync->account == NULL)
    {
      g_set_error_literal (&sync->error, MP2_AUTH_ERROR, MP2_AUTH_ERROR_NOT_SIGNED_IN,
                           _("The Google account’s address is not known. "
                             "Sign in again in Preferences."));
      sync_finish (sync);
      return;
    }

  task = g_task_new (sync->self, sync->cancellable, on_sync_state_read_cb, sync);
  g_task_set_source_tag (task, _mp2_gmail_sync_start);
  g_task_set_task_data (task, g_strdup (sync->state_key), g_free);
  g_task_run_in_thread (task, read_sync_state_thread);
}

/**
 * _mp2_gmail_sync_message_done:
 * @sync: the running sync
 *
 * One of the mails being read is done with: the next one is read.
 */
void
_mp2_gmail_sync_message_done (Mp2GmailSync *sync)
{
  g_assert (sync->running > 0);

  sync->running--;
  pump (sync);
}

/* Keeps MP2_GMAIL_MAX_FETCHES mails being read until all are, or one failed. A mail
 * whose candidates an earlier check offered, still waiting, is left alone. */
static void
pump (Mp2GmailSync *sync)
{
  while (sync->error == NULL && sync->running < MP2_GMAIL_MAX_FETCHES
         && sync->next < sync->message_ids->len)
    {
      const char *id = g_ptr_array_index (sync->message_ids, sync->next++);

      if (!g_hash_table_contains (sync->self->messages, id))
        {
          sync->running++;
          _mp2_gmail_read_message (sync, id);
        }
    }

  if (sync->running == 0)
    sync_finish (sync);
}
