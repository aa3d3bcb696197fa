/* mp2-fake-gmail.c
 *
 * The Gmail v1 endpoints of the fake Google: users.getProfile, messages.list (the
 * search of mp2-fake-gmail-query.c, paging; `messages` absent when nothing matches),
 * messages.get (full, metadata, minimal, raw), messages.attachments.get (base64url
 * without padding), messages.modify, history.list (404 for a too old start), and
 * labels.list / get / create.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-gmail-private.h"

#include <string.h>

#define NOT_FOUND_SAMPLE "gmail/error_404_history_too_old.observed.json"

static JsonArray *
make_string_array (GPtrArray *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));

  return array;
}

static JsonObject *
make_message_ref (Mp2FakeMail *mail,
                  gboolean     with_labels)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", mail->id);
  json_object_set_string_member (object, "threadId", mail->thread_id);
  if (with_labels && mail->labels->len > 0)
    json_object_set_array_member (object, "labelIds", make_string_array (mail->labels));

  return object;
}

static gboolean
check_user (Mp2FakeRequest *request)
{
  const char *user = mp2_fake_request_get_path_param (request, "userId");
  g_autofree char *message = NULL;

  if (g_strcmp0 (user, "me") == 0 || g_strcmp0 (user, MP2_FAKE_GOOGLE_USER_EMAIL) == 0)
    return TRUE;

  message = g_strdup_printf ("Delegation denied for %s", MP2_FAKE_GOOGLE_USER_EMAIL);
  mp2_fake_reply_error (request, 403, "forbidden", message);

  return FALSE;
}

static gboolean
is_hex_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

/* The mail of the path's {id} or {messageId}, or the answer Gmail gives without one. */
static Mp2FakeMail *
find_mail (Mp2FakeGoogle  *self,
           Mp2FakeRequest *request,
           const char     *param)
{
  const char *id = mp2_fake_request_get_path_param (request, param);
  Mp2FakeMail *mail = mp2_fake_mailbox_lookup (self->mailbox, id);

  if (!check_user (request))
    return NULL;
  if (!is_hex_id (id))
    {
      mp2_fake_reply_error (request, 400, "invalidArgument", "Invalid id value");
      return NULL;
    }
  if (mail == NULL)
    mp2_fake_reply_sample (request, 404, NOT_FOUND_SAMPLE);

  return mail;
}

static guint
count_threads (Mp2FakeMailbox *mailbox)
{
  g_autoptr(GHashTable) threads = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < mailbox->mails->len; i++)
    g_hash_table_add (threads, ((Mp2FakeMail *) g_ptr_array_index (mailbox->mails, i))->thread_id);

  return g_hash_table_size (threads);
}

static void
handle_get_profile (Mp2FakeGoogle  *self,
                    Mp2FakeRequest *request)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *history_id = g_strdup_printf ("%" G_GUINT64_FORMAT, self->mailbox->history_id);

  if (!check_user (request))
    return;

  json_object_set_string_member (object, "emailAddress", MP2_FAKE_GOOGLE_USER_EMAIL);
  json_object_set_int_member (object, "messagesTotal", self->mailbox->mails->len);
  json_object_set_int_member (object, "threadsTotal", count_threads (self->mailbox));
  json_object_set_string_member (object, "historyId", history_id);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static gboolean
is_listed (Mp2FakeGoogle  *self,
           Mp2FakeRequest *request,
           Mp2FakeMail    *mail,
           Mp2FakeQuery   *query,
           GPtrArray      *label_ids,
           gint64          now_ms)
{
  if (!mp2_fake_request_get_bool (request, "includeSpamTrash") &&
      (mp2_fake_mail_has_label (mail, "SPAM") || mp2_fake_mail_has_label (mail, "TRASH")))
    return FALSE;

  for (guint i = 0; i < label_ids->len; i++)
    if (!mp2_fake_mail_has_label (mail, g_ptr_array_index (label_ids, i)))
      return FALSE;

  return mp2_fake_query_matches (query, mail, self->mailbox, now_ms);
}

/* Newest first, as Gmail lists. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Mp2FakeMail *first = *(Mp2FakeMail * const *) a;
  const Mp2FakeMail *second = *(Mp2FakeMail * const *) b;

  if (first->internal_date_ms != second->internal_date_ms)
    return first->internal_date_ms > second->internal_date_ms ? -1 : 1;

  return -g_strcmp0 (first->id, second->id);
}

static GPtrArray *
find_listed (Mp2FakeGoogle  *self,
             Mp2FakeRequest *request)
{
  g_autoptr(Mp2FakeQuery) query = mp2_fake_query_new (mp2_fake_request_get_param (request, "q"));
  g_autoptr(GPtrArray) label_ids = mp2_fake_request_dup_params (request, "labelIds");
  GPtrArray *listed = g_ptr_array_new ();
  gint64 now_ms = g_get_real_time () / 1000;

  for (guint i = 0; i < self->mailbox->mails->len; i++)
    {
      Mp2FakeMail *mail = g_ptr_array_index (self->mailbox->mails, i);

      if (is_listed (self, request, mail, query, label_ids, now_ms))
        g_ptr_array_add (listed, mail);
    }
  g_ptr_array_sort (listed, compare_newest_first);

  return listed;
}

/* Page tokens are opaque numbers; here the offset of the page's first result. */
static gboolean
parse_page_token (Mp2FakeRequest *request,
                  guint           total,
                  guint          *offset)
{
  const char *token = mp2_fake_request_get_param (request, "pageToken");
  guint64 number = 0;

  *offset = 0;
  if (token == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (token, 10, 1, total, &number, NULL))
    {
      mp2_fake_reply_error (request, 400, "invalidArgument", "Invalid pageToken");
      return FALSE;
    }
  *offset = number;

  return TRUE;
}

static void
handle_messages_list (Mp2FakeGoogle  *self,
                      Mp2FakeRequest *request)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonArray) messages = json_array_new ();
  guint offset = 0, page = 0;

  if (!check_user (request))
    return;

  listed = find_listed (self, request);
  mp2_fake_request_get_uint (request, "maxResults", 100, 500, &page);
  if (!parse_page_token (request, listed->len, &offset))
    return;

  for (guint i = offset; i < listed->len && i < offset + MAX (page, 1); i++)
    json_array_add_object_element (messages, make_message_ref (g_ptr_array_index (listed, i),
                                                               FALSE));
  if (json_array_get_length (messages) > 0)
    json_object_set_array_member (object, "messages", g_steal_pointer (&messages));
  if (offset + MAX (page, 1) < listed->len)
    {
      g_autofree char *token = g_strdup_printf ("%020u", offset + MAX (page, 1));

      json_object_set_string_member (object, "nextPageToken", token);
    }
  json_object_set_int_member (object, "resultSizeEstimate", listed->len);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static JsonObject *
make_metadata_payload (Mp2FakeMail    *mail,
                       Mp2FakeRequest *request)
{
  g_autoptr(GPtrArray) wanted = mp2_fake_request_dup_params (request, "metadataHeaders");
  JsonObject *payload = json_object_new ();
  JsonArray *headers = json_object_get_array_member (mail->payload, "headers");
  g_autoptr(JsonArray) kept = json_array_new ();
  g_autoptr(JsonObject) body = json_object_new ();

  for (guint i = 0; i < json_array_get_length (headers); i++)
    {
      JsonObject *header = json_array_get_object_element (headers, i);
      const char *name = json_object_get_string_member (header, "name");
      gboolean keep = wanted->len == 0;

      for (guint j = 0; !keep && j < wanted->len; j++)
        keep = g_ascii_strcasecmp (name, g_ptr_array_index (wanted, j)) == 0;
      if (keep)
        json_array_add_object_element (kept, json_object_ref (header));
    }

  json_object_set_string_member (payload, "partId", "");
  json_object_set_string_member (payload, "mimeType",
                                 json_object_get_string_member (mail->payload, "mimeType"));
  json_object_set_string_member (payload, "filename", "");
  json_object_set_array_member (payload, "headers", g_steal_pointer (&kept));
  json_object_set_int_member (body, "size", 0);
  json_object_set_object_member (payload, "body", g_steal_pointer (&body));

  return payload;
}

static JsonObject *
make_message (Mp2FakeMail    *mail,
              Mp2FakeRequest *request)
{
  const char *format = mp2_fake_request_get_param (request, "format");
  JsonObject *object = make_message_ref (mail, TRUE);
  g_autofree char *history_id = g_strdup_printf ("%" G_GUINT64_FORMAT, mail->history_id);
  g_autofree char *date = g_strdup_printf ("%" G_GINT64_FORMAT, mail->internal_date_ms);
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (mail->raw, &length);

  json_object_set_string_member (object, "snippet", mail->snippet);
  if (format == NULL || strcmp (format, "full") == 0)
    json_object_set_object_member (object, "payload", json_object_ref (mail->payload));
  else if (strcmp (format, "metadata") == 0)
    json_object_set_object_member (object, "payload", make_metadata_payload (mail, request));
  json_object_set_int_member (object, "sizeEstimate", length);
  json_object_set_string_member (object, "historyId", history_id);
  json_object_set_string_member (object, "internalDate", date);
  if (g_strcmp0 (format, "raw") == 0)
    {
      /* Observed with padding, unlike the attachments. */
      g_autofree char *raw = mp2_fake_base64url_encode (data, length, TRUE);

      json_object_set_string_member (object, "raw", raw);
    }

  return object;
}

static void
handle_messages_get (Mp2FakeGoogle  *self,
                     Mp2FakeRequest *request)
{
  Mp2FakeMail *mail = find_mail (self, request, "id");
  g_autoptr(JsonObject) object = NULL;

  if (mail == NULL)
    return;

  object = make_message (mail, request);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static void
handle_attachments_get (Mp2FakeGoogle  *self,
                        Mp2FakeRequest *request)
{
  Mp2FakeMail *mail = find_mail (self, request, "messageId");
  GBytes *bytes = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *data = NULL;
  gsize length = 0;
  const guint8 *contents = NULL;

  if (mail == NULL)
    return;

  bytes = g_hash_table_lookup (mail->attachments, mp2_fake_request_get_path_param (request, "id"));
  if (bytes == NULL)
    {
      mp2_fake_reply_error (request, 400, "invalidArgument", "Invalid attachment token");
      return;
    }

  contents = g_bytes_get_data (bytes, &length);
  data = mp2_fake_base64url_encode (contents, length, FALSE);
  json_object_set_int_member (object, "size", length);
  json_object_set_string_member (object, "data", data);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static GPtrArray *
get_label_list (JsonObject *object,
                const char *member)
{
  JsonArray *array = mp2_fake_json_get_array (object, member);
  GPtrArray *labels = g_ptr_array_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (labels, (gpointer) json_array_get_string_element (array, i));

  return labels;
}

static const char *
find_unknown_label (Mp2FakeMailbox *mailbox,
                    GPtrArray      *labels)
{
  for (guint i = 0; i < labels->len; i++)
    {
      JsonObject *label = mp2_fake_mailbox_find_label (mailbox, g_ptr_array_index (labels, i));

      if (label == NULL || g_strcmp0 (json_object_get_string_member (label, "id"),
                                      g_ptr_array_index (labels, i)) != 0)
        return g_ptr_array_index (labels, i);
    }

  return NULL;
}

static void
change_labels (Mp2FakeMailbox *mailbox,
               Mp2FakeMail    *mail,
               GPtrArray      *add,
               GPtrArray      *remove)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  guint index = 0;

  for (guint i = 0; i < remove->len; i++)
    if (g_ptr_array_find_with_equal_func (mail->labels, g_ptr_array_index (remove, i),
                                          g_str_equal, &index))
      {
        g_ptr_array_add (removed, g_ptr_array_index (remove, i));
        g_ptr_array_remove_index (mail->labels, index);
      }
  for (guint i = 0; i < add->len; i++)
    if (!mp2_fake_mail_has_label (mail, g_ptr_array_index (add, i)))
      {
        g_ptr_array_add (added, g_ptr_array_index (add, i));
        g_ptr_array_add (mail->labels, g_strdup (g_ptr_array_index (add, i)));
      }

  if (removed->len > 0)
    mp2_fake_mailbox_record (mailbox, mail, "labelRemoved", removed);
  if (added->len > 0)
    mp2_fake_mailbox_record (mailbox, mail, "labelAdded", added);
}

static void
handle_messages_modify (Mp2FakeGoogle  *self,
                        Mp2FakeRequest *request)
{
  Mp2FakeMail *mail = find_mail (self, request, "id");
  JsonObject *body = mp2_fake_request_get_object (request);
  g_autoptr(GPtrArray) add = NULL;
  g_autoptr(GPtrArray) remove = NULL;
  g_autoptr(JsonObject) object = NULL;
  const char *unknown = NULL;

  if (mail == NULL)
    return;

  add = get_label_list (body, "addLabelIds");
  remove = get_label_list (body, "removeLabelIds");
  if ((unknown = find_unknown_label (self->mailbox, add)) != NULL ||
      (unknown = find_unknown_label (self->mailbox, remove)) != NULL)
    {
      g_autofree char *message = g_strdup_printf ("Invalid label: %s", unknown);

      mp2_fake_reply_error (request, 400, "invalidArgument", message);
      return;
    }

  change_labels (self->mailbox, mail, add, remove);
  object = make_message_ref (mail, TRUE);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static gboolean
is_history_wanted (Mp2FakeMailbox *mailbox,
                   Mp2FakeHistory *history,
                   GPtrArray      *types,
                   const char     *label_id)
{
  Mp2FakeMail *mail = mp2_fake_mailbox_lookup (mailbox, history->mail_id);

  if (types->len > 0 &&
      !g_ptr_array_find_with_equal_func (types, history->type, g_str_equal, NULL))
    return FALSE;
  if (label_id == NULL)
    return TRUE;
  if (strcmp (history->type, "messageAdded") == 0)
    return mail != NULL && mp2_fake_mail_has_label (mail, label_id);

  return g_strv_contains ((const char * const *) history->label_ids, label_id);
}

/* The History member for a kind of change: labelAdded -> labelsAdded. */
static const char *
name_changes (const char *type)
{
  if (strcmp (type, "messageAdded") == 0)
    return "messagesAdded";
  if (strcmp (type, "labelAdded") == 0)
    return "labelsAdded";

  return "labelsRemoved";
}

static JsonObject *
make_history (Mp2FakeMailbox *mailbox,
              Mp2FakeHistory *history)
{
  Mp2FakeMail *mail = mp2_fake_mailbox_lookup (mailbox, history->mail_id);
  JsonObject *object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, history->id);
  g_autoptr(JsonArray) messages = json_array_new ();
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(JsonObject) change = json_object_new ();

  json_array_add_object_element (messages, make_message_ref (mail, FALSE));
  json_object_set_object_member (change, "message", make_message_ref (mail, TRUE));
  if (strcmp (history->type, "messageAdded") != 0)
    {
      JsonArray *labels = json_array_new ();

      for (guint i = 0; history->label_ids[i] != NULL; i++)
        json_array_add_string_element (labels, history->label_ids[i]);
      json_object_set_array_member (change, "labelIds", labels);
    }
  json_array_add_object_element (changes, g_steal_pointer (&change));

  json_object_set_string_member (object, "id", id);
  json_object_set_array_member (object, "messages", g_steal_pointer (&messages));
  json_object_set_array_member (object, name_changes (history->type), g_steal_pointer (&changes));

  return object;
}

static gboolean
parse_start (Mp2FakeGoogle  *self,
             Mp2FakeRequest *request,
             guint64        *start)
{
  const char *text = mp2_fake_request_get_param (request, "startHistoryId");

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, start, NULL))
    {
      mp2_fake_reply_error (request, 400, "invalidArgument", "Invalid startHistoryId");
      return FALSE;
    }
  if (*start < self->mailbox->oldest_history_id)
    {
      mp2_fake_reply_sample (request, 404, NOT_FOUND_SAMPLE);
      return FALSE;
    }

  return TRUE;
}

static void
handle_history_list (Mp2FakeGoogle  *self,
                     Mp2FakeRequest *request)
{
  Mp2FakeMailbox *mailbox = self->mailbox;
  g_autoptr(GPtrArray) types = mp2_fake_request_dup_params (request, "historyTypes");
  const char *label_id = mp2_fake_request_get_param (request, "labelId");
  const char *token = mp2_fake_request_get_param (request, "pageToken");
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonArray) records = json_array_new ();
  g_autofree char *history_id = g_strdup_printf ("%" G_GUINT64_FORMAT, mailbox->history_id);
  guint64 start = 0, after = 0;
  guint page = 0, i = 0;

  if (!check_user (request) || !parse_start (self, request, &start))
    return;
  mp2_fake_request_get_uint (request, "maxResults", 100, 500, &page);
  after = token ? g_ascii_strtoull (token, NULL, 10) : start;

  for (i = 0; i < mailbox->history->len && json_array_get_length (records) < MAX (page, 1); i++)
    {
      Mp2FakeHistory *history = g_ptr_array_index (mailbox->history, i);

      if (history->id > MAX (start, after) &&
          is_history_wanted (mailbox, history, types, label_id))
        json_array_add_object_element (records, make_history (mailbox, history));
    }

  if (json_array_get_length (records) > 0)
    {
      guint length = json_array_get_length (records);
      JsonObject *last = json_array_get_object_element (records, length - 1);
      gboolean more = i < mailbox->history->len;

      if (more)
        json_object_set_string_member (object, "nextPageToken",
                                       json_object_get_string_member (last, "id"));
      json_object_set_array_member (object, "history", g_steal_pointer (&records));
    }
  json_object_set_string_member (object, "historyId", history_id);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static void
handle_labels_list (Mp2FakeGoogle  *self,
                    Mp2FakeRequest *request)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray *labels = json_array_new ();

  if (!check_user (request))
    return;

  for (guint i = 0; i < self->mailbox->labels->len; i++)
    json_array_add_object_element (labels,
                                   json_object_ref (g_ptr_array_index (self->mailbox->labels, i)));
  json_object_set_array_member (object, "labels", labels);
  mp2_fake_reply_object (request, SOUP_STATUS_OK, object);
}

static void
handle_labels_get (Mp2FakeGoogle  *self,
                   Mp2FakeRequest *request)
{
  const char *id = mp2_fake_request_get_path_param (request, "id");
  JsonObject *label = mp2_fake_mailbox_find_label (self->mailbox, id);

  if (!check_user (request))
    return;
  if (label == NULL || g_strcmp0 (json_object_get_string_member (label, "id"), id) != 0)
    {
      mp2_fake_reply_sample (request, 404, NOT_FOUND_SAMPLE);
      return;
    }

  mp2_fake_reply_object (request, SOUP_STATUS_OK, label);
}

static void
handle_labels_create (Mp2FakeGoogle  *self,
                      Mp2FakeRequest *request)
{
  JsonObject *body = mp2_fake_request_get_object (request);
  const char *name = json_object_get_string_member_with_default (body, "name", "");
  JsonObject *label = NULL;

  if (!check_user (request))
    return;
  if (*name == '\0')
    {
      mp2_fake_reply_error (request, 400, "invalidArgument", "Invalid label name");
      return;
    }

  label = mp2_fake_mailbox_create_label (self->mailbox, body);
  if (label == NULL)
    {
      mp2_fake_reply_error (request, 409, "alreadyExists", "Label name exists or conflicts");
      return;
    }

  mp2_fake_reply_object (request, SOUP_STATUS_OK, label);
}

void
mp2_fake_gmail_register (GHashTable *handlers)
{
  g_hash_table_insert (handlers, "gmail.users.getProfile", handle_get_profile);
  g_hash_table_insert (handlers, "gmail.users.messages.list", handle_messages_list);
  g_hash_table_insert (handlers, "gmail.users.messages.get", handle_messages_get);
  g_hash_table_insert (handlers, "gmail.users.messages.attachments.get", handle_attachments_get);
  g_hash_table_insert (handlers, "gmail.users.messages.modify", handle_messages_modify);
  g_hash_table_insert (handlers, "gmail.users.history.list", handle_history_list);
  g_hash_table_insert (handlers, "gmail.users.labels.list", handle_labels_list);
  g_hash_table_insert (handlers, "gmail.users.labels.get", handle_labels_get);
  g_hash_table_insert (handlers, "gmail.users.labels.create", handle_labels_create);
}
