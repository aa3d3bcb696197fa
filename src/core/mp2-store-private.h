/* mp2-store-private.h
 *
 * What the parts of the store share: the connection, its mutex, and the helpers
 * around SQLite's statements and transactions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "mp2-store.h"

G_BEGIN_DECLS

#define MP2_STORE_SHA256_LENGTH 64

struct _Mp2Store
{
  GObject  parent_instance;

  /* Held around every use of @db. Declare a GMutexLocker before any statement, so
   * that the statement is finalized before the mutex is released. */
  GMutex   mutex;
  sqlite3 *db;
  char    *directory;
  char    *path;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef gboolean (*Mp2StoreTransactionFunc) (Mp2Store  *self,
                                             gpointer   data,
                                             GError   **error);

/* mp2-store.c */
gint64        mp2_store_now                 (void);
gboolean      mp2_store_is_sha256           (const char               *text);
void          mp2_store_set_sqlite_error    (Mp2Store                 *self,
                                             int                       rc,
                                             GError                  **error);
void          mp2_store_set_not_found_error (GError                  **error);
sqlite3_stmt *mp2_store_prepare             (Mp2Store                 *self,
                                             const char               *sql,
                                             GError                  **error);
gboolean      mp2_store_step                (Mp2Store                 *self,
                                             sqlite3_stmt             *stmt,
                                             gboolean                 *has_row,
                                             GError                  **error);
gboolean      mp2_store_step_done           (Mp2Store                 *self,
                                             sqlite3_stmt             *stmt,
                                             GError                  **error);
gboolean      mp2_store_step_update         (Mp2Store                 *self,
                                             sqlite3_stmt             *stmt,
                                             GError                  **error);
void          mp2_store_bind_text           (sqlite3_stmt             *stmt,
                                             int                       position,
                                             const char               *text);
void          mp2_store_bind_id             (sqlite3_stmt             *stmt,
                                             int                       position,
                                             gint64                    id);
char         *mp2_store_dup_column_text     (sqlite3_stmt             *stmt,
                                             int                       column);
gboolean      mp2_store_run_transaction     (Mp2Store                 *self,
                                             Mp2StoreTransactionFunc   func,
                                             gpointer                  data,
                                             GError                  **error);

/* mp2-store-rows.c */

/* A row of the schedules table, as text and numbers: what the mutex guards is only
 * the copying of it in and out of SQLite. */
typedef struct
{
  gint64  id;
  char   *document;
  char   *day_key;
  char   *state;
  gint64  revision;
  gint64  supersedes;
  char   *sheet_json;
  char   *edits_json;
  char   *changes_json;
  char   *conflicts_json;
  char   *plan_json;
  char   *weather_json;
  char   *error_code;
  char   *error_message;
  char   *file_name;
  gint64  created_at;
  gint64  updated_at;
} Mp2StoreRow;

#define MP2_STORE_ROW_COLUMNS \
  "id, document, day_key, state, revision, supersedes, sheet_json, edits_json, " \
  "changes_json, conflicts_json, plan_json, weather_json, error_code, error_message, " \
  "file_name, created_at, updated_at"

void          mp2_store_row_free            (Mp2StoreRow              *row);
Mp2StoreRow  *mp2_store_row_new_from_statement (sqlite3_stmt          *stmt);
Mp2StoreRow  *mp2_store_row_new_from_schedule  (Mp2Schedule           *schedule,
                                                gint64                 now);
Mp2Schedule  *mp2_store_row_to_schedule     (const Mp2StoreRow        *row,
                                             GError                  **error);
GPtrArray    *mp2_store_rows_to_schedules   (GPtrArray                *rows);
void          mp2_store_row_apply           (Mp2Schedule              *schedule,
                                             const Mp2StoreRow        *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2StoreRow, mp2_store_row_free)

/* with the mutex held */
GPtrArray    *mp2_store_collect_rows        (Mp2Store                 *self,
                                             sqlite3_stmt             *stmt,
                                             GError                  **error);
gboolean      mp2_store_update_row          (Mp2Store                 *self,
                                             Mp2StoreRow              *row,
                                             GError                  **error);
/* in a transaction */
gboolean      mp2_store_insert_new_schedule (Mp2Store                 *self,
                                             const char               *sha256,
                                             const char               *file_name,
                                             gint64                    now,
                                             gint64                   *id,
                                             GError                  **error);

G_END_DECLS
