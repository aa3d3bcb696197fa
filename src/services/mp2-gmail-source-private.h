/* mp2-gmail-source-private.h
 *
 * What the files of Mp2GmailSource share: mp2-gmail-source.c (the object, polling,
 * requests), mp2-gmail-sync.c (one check: the list of new mails and reading them),
 * mp2-gmail-handled.c (a mail's label, its record and the history id once its
 * candidates are handled) and mp2-gmail-mime.c (the search, the MIME tree, headers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mp2-gmail-source.h"

G_BEGIN_DECLS

/* The label given to the mails read. Not translated: a name that followed the
 * language of the desktop would make a second label when it changes. */
#define MP2_GMAIL_LABEL_NAME "Film Schedule"

/* How many mails are read at once. */
#define MP2_GMAIL_MAX_FETCHES 4

typedef struct _Mp2GmailSync Mp2GmailSync;
typedef struct _Mp2GmailFilter Mp2GmailFilter;

/* A mail whose PDFs were offered, until it is recorded in the store. */
typedef struct
{
  char       *id;
  char       *account;
  char       *subject;      /* nullable */
  char       *sender;       /* nullable */
  gint64      received_at;  /* unix seconds */
  GHashTable *waiting;      /* ids of the candidates not handled yet */
  gboolean    offered;      /* a PDF of it is a candidate, now or in an earlier run */
  gboolean    collecting;   /* its parts are still being read */
  gboolean    incomplete;   /* a part could not be read: not to be recorded */
  gboolean    finishing;    /* being labelled and recorded */
} Mp2GmailMessage;

/* A PDF part of a mail, as messages.get describes it. */
typedef struct
{
  char   *part_id;
  char   *file_name;      /* nullable */
  char   *data;           /* the bytes in base64url when they came inline; nullable */
  char   *attachment_id;  /* for attachments.get; nullable */
  gint64  size;           /* the bytes' size that Gmail gives; 0 when unknown */
} Mp2GmailPart;

/* The filter of Preferences applied to a mail that history.list gave, which the
 * search did not choose. */
struct _Mp2GmailFilter
{
  GPtrArray *subjects;  /* folded words: see _mp2_gmail_fold () */
  GPtrArray *senders;   /* addresses or domains, in lower case */
};

/* One check, which later checks join while it runs. */
struct _Mp2GmailSync
{
  Mp2GmailSource *self;
  GCancellable   *cancellable;
  GPtrArray      *waiters;           /* Waiter: the checks that wait for it */
  gboolean        polled;            /* a poll waits for it too */

  char           *account;
  char           *query;
  char           *state_key;         /* the history id's key in the store */
  Mp2GmailFilter *filter;
  char           *start_history_id;  /* NULL: a full sync */
  char           *history_id;        /* to store once its mails are handled */
  char           *page_token;

  GPtrArray      *message_ids;       /* the new mails, in the order listed */
  GHashTable     *listed;            /* the same, to drop doubles */
  guint           next;              /* the next one to read */
  guint           running;           /* mails being read */
  GHashTable     *digests;           /* sha256 -> the candidate id offered with it */
  guint           failures;          /* the source's failures when it started */
  GError         *error;
};

struct _Mp2GmailSource
{
  GObject               parent_instance;

  GMainContext         *context;
  Mp2GoogleAccount     *account;
  Mp2Store             *store;
  GSettings            *settings;
  char                 *api_url;        /* …/gmail/v1/users/me/ */
  GCancellable         *cancellable;    /* cancelled when the source goes */

  Mp2GmailSourceStatus  status;
  GError               *last_error;
  GDateTime            *last_check;

  gboolean              polling;
  GSource              *poll_source;

  Mp2GmailSync         *sync;           /* the check running; NULL when none */
  GPtrArray            *queued;         /* GTask: checks for after a cancelled one */
  gboolean              queued_poll;

  GHashTable           *messages;       /* message id -> Mp2GmailMessage not recorded */
  GHashTable           *waiting;        /* candidate id -> GPtrArray of Mp2GmailMessage */
  guint                 finishing;      /* messages being labelled and recorded */
  guint                 failures;       /* labels that failed: grows only */
  char                 *pending_state_key;
  char                 *pending_history_id;  /* to store once nothing waits */
  gboolean              storing_history;

  char                 *label_id;       /* of MP2_GMAIL_LABEL_NAME, once known */
  GPtrArray            *label_tasks;    /* GTask waiting for it; NULL when no lookup */
};

/* mp2-gmail-source.c */
Mp2HttpRequest  *_mp2_gmail_source_new_request    (Mp2GmailSource      *self,
                                                   const char          *method,
                                                   const char          *first_segment,
                                                   ...) G_GNUC_NULL_TERMINATED;
void             _mp2_gmail_source_send_async     (Mp2GmailSource      *self,
                                                   Mp2HttpRequest      *request,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
JsonObject      *_mp2_gmail_source_send_finish    (Mp2GmailSource      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             _mp2_gmail_set_bad_response      (GError             **error);
void             _mp2_gmail_source_sync_done      (Mp2GmailSource      *self,
                                                   const GError        *error);

/* mp2-gmail-sync.c */
char            *_mp2_gmail_sync_state_key        (const char          *account,
                                                   const char          *query);
Mp2GmailSync    *_mp2_gmail_sync_new              (Mp2GmailSource      *self);
void             _mp2_gmail_sync_start            (Mp2GmailSync        *sync);
void             _mp2_gmail_sync_add_task         (Mp2GmailSync        *sync,
                                                   GTask               *task);
void             _mp2_gmail_sync_cancel           (Mp2GmailSync        *sync);
gboolean         _mp2_gmail_sync_is_cancelled     (Mp2GmailSync        *sync);
void             _mp2_gmail_sync_fail             (Mp2GmailSync        *sync,
                                                   const GError        *error);
void             _mp2_gmail_sync_message_done     (Mp2GmailSync        *sync);

/* mp2-gmail-message.c */
void             _mp2_gmail_read_message          (Mp2GmailSync        *sync,
                                                   const char          *id);

/* mp2-gmail-handled.c */
Mp2GmailMessage *_mp2_gmail_message_new           (const char          *id,
                                                   const char          *account);
Mp2GmailMessage *_mp2_gmail_message_ref           (Mp2GmailMessage     *message);
void             _mp2_gmail_message_unref         (Mp2GmailMessage     *message);
void             _mp2_gmail_source_wait_for       (Mp2GmailSource      *self,
                                                   Mp2GmailMessage     *message,
                                                   const char          *candidate_id);
void             _mp2_gmail_source_settle_async   (Mp2GmailSource      *self,
                                                   Mp2GmailMessage     *message,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         _mp2_gmail_source_settle_finish  (Mp2GmailSource      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             _mp2_gmail_source_forget         (Mp2GmailSource      *self,
                                                   Mp2GmailMessage     *message);
void             _mp2_gmail_source_mark_handled_async    (Mp2GmailSource      *self,
                                                          const char          *id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean         _mp2_gmail_source_can_store_history     (Mp2GmailSource      *self);
void             _mp2_gmail_source_store_history_async   (Mp2GmailSource      *self,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean         _mp2_gmail_source_store_history_finish  (Mp2GmailSource      *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2GmailMessage, _mp2_gmail_message_unref)

/* mp2-gmail-mime.c */
char            *_mp2_gmail_fold                  (const char          *text);
Mp2GmailFilter  *_mp2_gmail_filter_new            (GSettings           *settings);
void             _mp2_gmail_filter_free           (Mp2GmailFilter      *filter);
gboolean         _mp2_gmail_filter_matches        (const Mp2GmailFilter *filter,
                                                   const char          *subject,
                                                   const char          *from);
const char      *_mp2_gmail_get_header            (JsonObject          *part,
                                                   const char          *name);
char            *_mp2_gmail_dup_header            (JsonObject          *part,
                                                   const char          *name);
char            *_mp2_gmail_format_sender         (const char          *from);
GDateTime       *_mp2_gmail_dup_date              (JsonObject          *message);
GPtrArray       *_mp2_gmail_find_pdf_parts        (JsonObject          *payload);
void             _mp2_gmail_part_free             (Mp2GmailPart        *part);
GBytes          *_mp2_gmail_decode_base64url      (const char          *data,
                                                   GError             **error);
JsonArray       *_mp2_gmail_get_array             (JsonObject          *object,
                                                   const char          *name);
JsonObject      *_mp2_gmail_get_object            (JsonObject          *object,
                                                   const char          *name);
const char      *_mp2_gmail_get_string            (JsonObject          *object,
                                                   const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2GmailFilter, _mp2_gmail_filter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2GmailPart, _mp2_gmail_part_free)

G_END_DECLS
