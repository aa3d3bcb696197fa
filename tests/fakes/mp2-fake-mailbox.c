/* mp2-fake-mailbox.c
 *
 * The fake Gmail's state: mails with ids, threads and labels, the labels (Gmail's
 * system labels and the user's), and the history whose id advances with every change.
 * Tests set it up through the mp2_fake_google_*_mail* and *_label* functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-gmail-private.h"

#include <string.h>

#define FIRST_HISTORY_ID G_GUINT64_CONSTANT (4521000)
#define FIRST_LABEL_ID   G_GUINT64_CONSTANT (3521894087312)

static void
history_free (gpointer data)
{
  Mp2FakeHistory *history = data;

  g_free (history->type);
  g_free (history->mail_id);
  g_strfreev (history->label_ids);
  g_free (history);
}

/* Gmail's system labels, as samples/gmail/labels_list shows them. */
static void
add_system_labels (Mp2FakeMailbox *mailbox)
{
  g_autoptr(JsonNode) sample = mp2_fake_load_sample ("gmail/labels_list.constructed.json");
  JsonArray *labels = json_object_get_array_member (json_node_get_object (sample), "labels");

  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonObject *label = json_array_get_object_element (labels, i);

      if (g_strcmp0 (json_object_get_string_member (label, "type"), "system") == 0)
        g_ptr_array_add (mailbox->labels, json_object_ref (label));
    }
}

Mp2FakeMailbox *
mp2_fake_mailbox_new (void)
{
  Mp2FakeMailbox *mailbox = g_new0 (Mp2FakeMailbox, 1);

  mailbox->mails = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_fake_mail_free);
  mailbox->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  mailbox->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  mailbox->history = g_ptr_array_new_with_free_func (history_free);
  mailbox->history_id = FIRST_HISTORY_ID;
  mailbox->oldest_history_id = FIRST_HISTORY_ID;
  add_system_labels (mailbox);

  return mailbox;
}

void
mp2_fake_mailbox_free (Mp2FakeMailbox *mailbox)
{
  g_hash_table_unref (mailbox->by_id);
  g_ptr_array_unref (mailbox->mails);
  g_ptr_array_unref (mailbox->labels);
  g_ptr_array_unref (mailbox->history);
  g_free (mailbox);
}

Mp2FakeMail *
mp2_fake_mailbox_lookup (Mp2FakeMailbox *mailbox,
                         const char     *id)
{
  return id ? g_hash_table_lookup (mailbox->by_id, id) : NULL;
}

/**
 * mp2_fake_mailbox_find_label:
 * @id_or_name: a label id, or a name (any case)
 *
 * Returns: (transfer none) (nullable): the Label resource
 */
JsonObject *
mp2_fake_mailbox_find_label (Mp2FakeMailbox *mailbox,
                             const char     *id_or_name)
{
  for (guint i = 0; i < mailbox->labels->len; i++)
    {
      JsonObject *label = g_ptr_array_index (mailbox->labels, i);

      if (g_strcmp0 (json_object_get_string_member (label, "id"), id_or_name) == 0)
        return label;
    }

  for (guint i = 0; i < mailbox->labels->len; i++)
    {
      JsonObject *label = g_ptr_array_index (mailbox->labels, i);
      g_autofree char *name = g_utf8_casefold (json_object_get_string_member (label, "name"), -1);
      g_autofree char *wanted = g_utf8_casefold (id_or_name, -1);

      if (strcmp (name, wanted) == 0)
        return label;
    }

  return NULL;
}

/**
 * mp2_fake_mailbox_record:
 * @type: "messageAdded", "labelAdded" or "labelRemoved"
 * @label_ids: (nullable) (element-type utf8): the labels added or removed
 *
 * Advances the history id (by uneven steps, as Gmail's does) and keeps the change.
 */
void
mp2_fake_mailbox_record (Mp2FakeMailbox *mailbox,
                         Mp2FakeMail    *mail,
                         const char     *type,
                         GPtrArray      *label_ids)
{
  Mp2FakeHistory *history = g_new0 (Mp2FakeHistory, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; label_ids != NULL && i < label_ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (label_ids, i));

  mailbox->changes++;
  mailbox->history_id += 3 + mailbox->changes % 7;
  history->id = mailbox->history_id;
  history->type = g_strdup (type);
  history->mail_id = g_strdup (mail->id);
  history->label_ids = g_strv_builder_end (builder);
  g_ptr_array_add (mailbox->history, history);
  mail->history_id = mailbox->history_id;
}

/**
 * mp2_fake_mailbox_create_label:
 * @label: the request's Label: name, visibilities
 *
 * Returns: (transfer none) (nullable): the new label, or %NULL if the name is taken
 */
JsonObject *
mp2_fake_mailbox_create_label (Mp2FakeMailbox *mailbox,
                               JsonObject     *label)
{
  const char *name = json_object_get_string_member_with_default (label, "name", "");
  JsonObject *created = NULL;
  g_autofree char *id = NULL;

  if (mp2_fake_mailbox_find_label (mailbox, name) != NULL)
    return NULL;

  created = json_object_new ();
  id = g_strdup_printf ("Label_%" G_GUINT64_FORMAT, FIRST_LABEL_ID + 7919 * mailbox->last_label++);
  json_object_set_string_member (created, "id", id);
  json_object_set_string_member (created, "name", name);
  json_object_set_string_member (created, "messageListVisibility",
                                 json_object_get_string_member_with_default (
                                   label, "messageListVisibility", "show"));
  json_object_set_string_member (created, "labelListVisibility",
                                 json_object_get_string_member_with_default (
                                   label, "labelListVisibility", "labelShow"));
  json_object_set_string_member (created, "type", "user");
  g_ptr_array_add (mailbox->labels, created);

  return created;
}

/* Gmail's ids grow with time: the internal date in ms, shifted, plus a counter. */
static char *
make_mail_id (Mp2FakeMailbox *mailbox,
              gint64          internal_date_ms)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x",
                          (internal_date_ms << 20) | (mailbox->mails->len & 0xfffff));
}

static const char *
find_thread (Mp2FakeMailbox *mailbox,
             Mp2FakeMail    *mail)
{
  for (guint i = 0; i < mail->references->len; i++)
    for (guint j = 0; j < mailbox->mails->len; j++)
      {
        Mp2FakeMail *other = g_ptr_array_index (mailbox->mails, j);

        if (g_strcmp0 (other->message_id, g_ptr_array_index (mail->references, i)) == 0)
          return other->thread_id;
      }

  return mail->id;
}

/**
 * mp2_fake_google_add_mail_full:
 * @eml: the message, RFC 5322
 * @label_ids: (nullable) (array zero-terminated=1): its labels; %NULL for INBOX and UNREAD
 * @internal_date: (nullable): when Gmail received it; %NULL for now
 *
 * Delivers a mail: it gets an id, a thread (that of the mail its In-Reply-To or
 * References name, if any) and a history record (messageAdded), so the history id
 * advances.
 *
 * Returns: (transfer full): its id, or %NULL if it cannot be parsed
 */
char *
mp2_fake_google_add_mail_full (Mp2FakeGoogle      *self,
                               GBytes             *eml,
                               const char * const *label_ids,
                               GDateTime          *internal_date,
                               GError            **error)
{
  static const char * const default_labels[] = { "INBOX", "UNREAD", NULL };
  Mp2FakeMailbox *mailbox = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 date_ms = g_date_time_to_unix (internal_date ? internal_date : now) * 1000 +
                   g_date_time_get_microsecond (internal_date ? internal_date : now) / 1000;
  g_autofree char *id = NULL;
  Mp2FakeMail *mail = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);
  g_return_val_if_fail (eml != NULL, NULL);

  mailbox = self->mailbox;
  if (label_ids == NULL)
    label_ids = default_labels;
  for (guint i = 0; label_ids[i] != NULL; i++)
    g_return_val_if_fail (mp2_fake_mailbox_find_label (mailbox, label_ids[i]) != NULL, NULL);

  id = make_mail_id (mailbox, date_ms);
  mail = mp2_fake_mail_new (eml, id, error);
  if (mail == NULL)
    return NULL;

  mail->internal_date_ms = date_ms;
  mail->thread_id = g_strdup (find_thread (mailbox, mail));
  for (guint i = 0; label_ids[i] != NULL; i++)
    g_ptr_array_add (mail->labels, g_strdup (label_ids[i]));
  g_ptr_array_add (mailbox->mails, mail);
  g_hash_table_insert (mailbox->by_id, mail->id, mail);
  mp2_fake_mailbox_record (mailbox, mail, "messageAdded", NULL);

  return g_steal_pointer (&id);
}

/**
 * mp2_fake_google_add_mail:
 *
 * Delivers a mail now, to INBOX, unread. See mp2_fake_google_add_mail_full ().
 *
 * Returns: (transfer full): its id
 */
char *
mp2_fake_google_add_mail (Mp2FakeGoogle *self,
                          GBytes        *eml,
                          GError       **error)
{
  return mp2_fake_google_add_mail_full (self, eml, NULL, NULL, error);
}

/**
 * mp2_fake_google_add_mail_file:
 * @path: an .eml file
 *
 * Returns: (transfer full): the mail's id
 */
char *
mp2_fake_google_add_mail_file (Mp2FakeGoogle *self,
                               const char    *path,
                               GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return mp2_fake_google_add_mail (self, bytes, error);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * mp2_fake_list_files:
 * @prefix: what the names start with, "" for any
 * @suffix: what they end with: ".eml"
 *
 * Returns: (transfer full) (element-type filename): the paths, sorted by name
 */
GPtrArray *
mp2_fake_list_files (const char *directory,
                     const char *prefix,
                     const char *suffix,
                     GError    **error)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name = NULL;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix))
      g_ptr_array_add (paths, g_build_filename (directory, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  return g_steal_pointer (&paths);
}

/**
 * mp2_fake_google_add_mailbox:
 * @directory: a folder of .eml files, such as tests/data/mailbox
 *
 * Delivers every .eml of @directory, in the order of their names.
 *
 * Returns: how many, or 0 with @error set
 */
guint
mp2_fake_google_add_mailbox (Mp2FakeGoogle *self,
                             const char    *directory,
                             GError       **error)
{
  g_autoptr(GPtrArray) paths = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);

  paths = mp2_fake_list_files (directory, "", ".eml", error);
  if (paths == NULL)
    return 0;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *id = mp2_fake_google_add_mail_file (self, g_ptr_array_index (paths, i),
                                                           error);

      if (id == NULL)
        return 0;
    }

  return paths->len;
}

guint
mp2_fake_google_get_mail_count (Mp2FakeGoogle *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);

  return self->mailbox->mails->len;
}

/**
 * mp2_fake_google_dup_mail_labels:
 *
 * Returns: (transfer full) (nullable): the label ids of the mail, %NULL if there is
 *   no such mail
 */
char **
mp2_fake_google_dup_mail_labels (Mp2FakeGoogle *self,
                                 const char    *mail_id)
{
  Mp2FakeMail *mail = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  mail = mp2_fake_mailbox_lookup (self->mailbox, mail_id);
  if (mail == NULL)
    return NULL;

  for (guint i = 0; i < mail->labels->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (mail->labels, i));

  return g_strv_builder_end (builder);
}

/**
 * mp2_fake_google_add_label:
 *
 * A user label, as if made in Gmail's web UI.
 *
 * Returns: (transfer full): its id ("Label_…"), or that of the label of this name
 */
char *
mp2_fake_google_add_label (Mp2FakeGoogle *self,
                           const char    *name)
{
  g_autoptr(JsonObject) request = json_object_new ();
  JsonObject *label = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  json_object_set_string_member (request, "name", name);
  label = mp2_fake_mailbox_create_label (self->mailbox, request);
  if (label == NULL)
    label = mp2_fake_mailbox_find_label (self->mailbox, name);

  return g_strdup (json_object_get_string_member (label, "id"));
}

/**
 * mp2_fake_google_lookup_label:
 * @name: a label's name, any case
 *
 * Returns: (nullable): its id
 */
const char *
mp2_fake_google_lookup_label (Mp2FakeGoogle *self,
                              const char    *name)
{
  JsonObject *label = NULL;

  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), NULL);

  label = mp2_fake_mailbox_find_label (self->mailbox, name);

  return label ? json_object_get_string_member (label, "id") : NULL;
}

/**
 * mp2_fake_google_get_history_id:
 *
 * Returns: the mailbox's current history id
 */
guint64
mp2_fake_google_get_history_id (Mp2FakeGoogle *self)
{
  g_return_val_if_fail (MP2_IS_FAKE_GOOGLE (self), 0);

  return self->mailbox->history_id;
}

/**
 * mp2_fake_google_forget_history:
 *
 * Drops the history kept so far, as Gmail does after a while: history.list from any
 * earlier startHistoryId answers 404 from now on, and a client must sync in full.
 */
void
mp2_fake_google_forget_history (Mp2FakeGoogle *self)
{
  g_return_if_fail (MP2_IS_FAKE_GOOGLE (self));

  g_ptr_array_set_size (self->mailbox->history, 0);
  self->mailbox->oldest_history_id = self->mailbox->history_id;
}
