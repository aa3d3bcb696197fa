/* mp2-store.h
 *
 * The app's memory: SQLite (schedules.db, WAL) and the original PDFs beside it,
 * named by their sha256, in $XDG_DATA_HOME/mp2-film-schedule/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-schedule.h"

G_BEGIN_DECLS

#define MP2_STORE_ERROR (mp2_store_error_quark ())

/**
 * Mp2StoreError:
 * @MP2_STORE_ERROR_OPEN: the folder or the database cannot be opened or created
 * @MP2_STORE_ERROR_CORRUPT: the database is damaged
 * @MP2_STORE_ERROR_TOO_NEW: the database was written by a newer version of the app
 * @MP2_STORE_ERROR_FULL: the disk is full
 * @MP2_STORE_ERROR_NOT_FOUND: no such schedule or document
 * @MP2_STORE_ERROR_IO: a PDF could not be written or read
 */
typedef enum
{
  MP2_STORE_ERROR_OPEN,
  MP2_STORE_ERROR_CORRUPT,
  MP2_STORE_ERROR_TOO_NEW,
  MP2_STORE_ERROR_FULL,
  MP2_STORE_ERROR_NOT_FOUND,
  MP2_STORE_ERROR_IO,
} Mp2StoreError;

GQuark mp2_store_error_quark (void);

/* The schema version this build writes (PRAGMA user_version). */
#define MP2_STORE_SCHEMA_VERSION 2

/* Where a document came from. */
typedef struct
{
  const char *message_id;   /* a mail's id; NULL for a file opened or dropped */
  const char *account;      /* the mail account; nullable */
  const char *subject;      /* nullable */
  const char *sender;       /* nullable */
  gint64      received_at;  /* unix seconds; 0 for now */
  const char *file_name;    /* the attachment's or the file's name; nullable */
} Mp2DocumentOrigin;

typedef enum
{
  MP2_STORE_LIST_CURRENT    = 0,       /* neither superseded nor dismissed */
  MP2_STORE_LIST_SUPERSEDED = 1 << 0,
  MP2_STORE_LIST_DISMISSED  = 1 << 1,
} Mp2StoreListFlags;

/* A day's event in one calendar. */
typedef struct
{
  char   *sink;          /* the pipeline's sink: "calendar" (the router), "ics" */
  char   *calendar_id;   /* the sink's id of it: "eds:<source uid>", "google:<id>" */
  char   *event_uid;
  char   *etag;          /* nullable */
  gint64  synced_at;
} Mp2CalendarLink;

Mp2CalendarLink *mp2_calendar_link_new  (const char            *sink,
                                         const char            *calendar_id,
                                         const char            *event_uid,
                                         const char            *etag);
void             mp2_calendar_link_free (Mp2CalendarLink       *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2CalendarLink, mp2_calendar_link_free)

#define MP2_TYPE_STORE (mp2_store_get_type ())

G_DECLARE_FINAL_TYPE (Mp2Store, mp2_store, MP2, STORE, GObject)

char          *mp2_store_default_directory  (void);

/* Opening. Blocking: from a worker thread, or through _open_async(). */
Mp2Store      *mp2_store_open               (const char            *directory,
                                             GError               **error);
void           mp2_store_open_async         (const char            *directory,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
Mp2Store      *mp2_store_open_finish        (GAsyncResult          *result,
                                             GError               **error);
const char    *mp2_store_get_directory      (Mp2Store              *self);

/* Blocking calls, for worker threads. Each change of state is one transaction.
 * The store may be used from several threads at once. */
gint64         mp2_store_add_document       (Mp2Store              *self,
                                             GBytes                *pdf,
                                             const Mp2DocumentOrigin *origin,
                                             gboolean              *already_known,
                                             GError               **error);
gboolean       mp2_store_add_message        (Mp2Store              *self,
                                             const Mp2DocumentOrigin *origin,
                                             GError               **error);
gboolean       mp2_store_has_message        (Mp2Store              *self,
                                             const char            *message_id,
                                             GError               **error);
GBytes        *mp2_store_load_pdf           (Mp2Store              *self,
                                             const char            *sha256,
                                             GError               **error);
char          *mp2_store_dup_pdf_path       (Mp2Store              *self,
                                             const char            *sha256);

Mp2Schedule   *mp2_store_get_schedule       (Mp2Store              *self,
                                             gint64                 id,
                                             GError               **error);
GPtrArray     *mp2_store_list_schedules     (Mp2Store              *self,
                                             Mp2StoreListFlags      flags,
                                             GError               **error);
GPtrArray     *mp2_store_list_in_state      (Mp2Store              *self,
                                             Mp2DayState            state,
                                             GError               **error);
Mp2Schedule   *mp2_store_find_day           (Mp2Store              *self,
                                             const char            *day_key,
                                             gint64                 except_id,
                                             GError               **error);
gboolean       mp2_store_save_schedule      (Mp2Store              *self,
                                             Mp2Schedule           *schedule,
                                             GError               **error);
gboolean       mp2_store_save_plan          (Mp2Store              *self,
                                             gint64                 schedule_id,
                                             const char            *plan_json,
                                             const char            *weather_json,
                                             GError               **error);
gboolean       mp2_store_save_revision      (Mp2Store              *self,
                                             Mp2Schedule           *superseded,
                                             Mp2Schedule           *revision,
                                             GError               **error);

Mp2CalendarLink *mp2_store_get_calendar_link (Mp2Store             *self,
                                              const char           *day_key,
                                              const char           *sink,
                                              GError              **error);
gboolean       mp2_store_save_synced        (Mp2Store              *self,
                                             Mp2Schedule           *schedule,
                                             const Mp2CalendarLink *link,
                                             GError               **error);
gboolean       mp2_store_delete_calendar_link (Mp2Store            *self,
                                               const char          *day_key,
                                               const char          *sink,
                                               GError             **error);

char          *mp2_store_get_sync_state     (Mp2Store              *self,
                                             const char            *account,
                                             GError               **error);
gboolean       mp2_store_set_sync_state     (Mp2Store              *self,
                                             const char            *account,
                                             const char            *history_id,
                                             GError               **error);

char          *mp2_store_cache_get          (Mp2Store              *self,
                                             const char            *key);
gboolean       mp2_store_cache_put          (Mp2Store              *self,
                                             const char            *key,
                                             const char            *value,
                                             gint64                 ttl_seconds,
                                             GError               **error);

/* The same, off the main thread. */
void           mp2_store_list_schedules_async  (Mp2Store            *self,
                                                Mp2StoreListFlags    flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray     *mp2_store_list_schedules_finish (Mp2Store            *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void           mp2_store_get_schedule_async    (Mp2Store            *self,
                                                gint64               id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
Mp2Schedule   *mp2_store_get_schedule_finish   (Mp2Store            *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void           mp2_store_load_pdf_async        (Mp2Store            *self,
                                                const char          *sha256,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GBytes        *mp2_store_load_pdf_finish       (Mp2Store            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
