/* mp2-fake-gmail-private.h
 *
 * The fake Gmail's insides: a mail as the fake keeps it (parsed once with Camel into
 * the `payload` of messages.get), the search query, and the mailbox with its labels
 * and history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-fake-google-private.h"

G_BEGIN_DECLS

typedef struct
{
  char       *id;
  char       *thread_id;
  guint64     history_id;
  gint64      internal_date_ms;
  GPtrArray  *labels;           /* label ids */
  GBytes     *raw;
  JsonObject *payload;          /* MessagePart of format=full */
  GHashTable *attachments;      /* attachment id -> GBytes */
  char       *snippet;
  char       *message_id;       /* without <> */
  GPtrArray  *references;       /* In-Reply-To and References, without <> */
  /* Decoded, for the search: */
  char       *subject;
  char       *from;
  char       *to;
  char       *text;
  GPtrArray  *filenames;
} Mp2FakeMail;

typedef struct
{
  guint64  id;
  char    *type;                /* "messageAdded", "labelAdded", "labelRemoved" */
  char    *mail_id;
  char   **label_ids;
} Mp2FakeHistory;

struct _Mp2FakeMailbox
{
  GPtrArray  *mails;            /* Mp2FakeMail, in the order they came */
  GHashTable *by_id;
  GPtrArray  *labels;           /* JsonObject: Label resources */
  GPtrArray  *history;          /* Mp2FakeHistory, oldest first */
  guint64     history_id;
  guint64     oldest_history_id;
  guint       changes;
  guint       last_label;
};

typedef struct _Mp2FakeQuery Mp2FakeQuery;

/* mp2-fake-mail.c */
Mp2FakeMail  *mp2_fake_mail_new              (GBytes         *eml,
                                              const char     *id,
                                              GError        **error);
void          mp2_fake_mail_free             (Mp2FakeMail    *mail);
gboolean      mp2_fake_mail_has_label        (Mp2FakeMail    *mail,
                                              const char     *label_id);
gboolean      mp2_fake_mail_has_attachment   (Mp2FakeMail    *mail);

/* mp2-fake-gmail-query.c */
Mp2FakeQuery *mp2_fake_query_new             (const char     *text);
void          mp2_fake_query_free            (Mp2FakeQuery   *query);
gboolean      mp2_fake_query_matches         (Mp2FakeQuery   *query,
                                              Mp2FakeMail    *mail,
                                              Mp2FakeMailbox *mailbox,
                                              gint64          now_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2FakeQuery, mp2_fake_query_free)

/* mp2-fake-mailbox.c */
Mp2FakeMail  *mp2_fake_mailbox_lookup        (Mp2FakeMailbox *mailbox,
                                              const char     *id);
JsonObject   *mp2_fake_mailbox_find_label    (Mp2FakeMailbox *mailbox,
                                              const char     *id_or_name);
void          mp2_fake_mailbox_record        (Mp2FakeMailbox *mailbox,
                                              Mp2FakeMail    *mail,
                                              const char     *type,
                                              GPtrArray      *label_ids);
JsonObject   *mp2_fake_mailbox_create_label  (Mp2FakeMailbox *mailbox,
                                              JsonObject     *label);
GPtrArray    *mp2_fake_list_files            (const char     *directory,
                                              const char     *prefix,
                                              const char     *suffix,
                                              GError        **error);

G_END_DECLS
