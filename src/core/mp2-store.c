/* mp2-store.c
 *
 * The app's memory: schedules.db (SQLite, WAL) and the original PDFs beside it, each
 * named by its sha256.
 *
 * Threads. One connection, opened with SQLITE_OPEN_NOMUTEX, and the store's mutex
 * held around every use of it: a public call runs its statement, or its one
 * transaction, whole before another thread's call starts. Hashing, writing and
 * reading PDFs, and turning JSON into objects and back, happen outside the mutex,
 * so a thread that builds a list of 200 schedules holds the others up only for the
 * SELECT.
 *
 * This file opens the store and keeps its schema; mp2-store-documents.c keeps the
 * PDFs, mp2-store-schedules.c the schedules, mp2-store-sync.c the calendar links,
 * the mail sync state and the cache.
 *
 * Durability. A PDF is written under a temporary name in the same folder, fsynced,
 * renamed to <sha256>.pdf and the folder fsynced (g_file_set_contents_full() with
 * CONSISTENT | DURABLE: plain g_file_set_contents() skips the fsync for a file that
 * did not exist before), and only then is the row that names it committed. The
 * database runs with synchronous=FULL: a commit is on the disk when the call
 * returns, so a state that the pipeline acted on (an event written to a calendar, a
 * mail marked handled) survives a power cut as well as a crash of the app. Commits
 * come a few per call sheet, so the fsync costs nothing a person notices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-store"

#include "config.h"

#include "mp2-store.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mp2-store-private.h"

#define DATABASE_NAME       "schedules.db"
#define BUSY_TIMEOUT_MS     10000
/* g_file_set_contents_full() writes "<name>.XXXXXX" and renames it */
#define TEMPORARY_SUFFIX    ".pdf.XXXXXX"
#define STALE_TEMPORARY_AGE (60 * 60)

G_DEFINE_FINAL_TYPE (Mp2Store, mp2_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (mp2-store-error-quark, mp2_store_error)

/* Schema ------------------------------------------------------------------------ */

/* Each step takes the database from the version before it to its own, and sets
 * PRAGMA user_version itself, so that the change and the version are one
 * transaction. A shipped step never changes: a new version adds a step, and its
 * schema goes into tests/data/store/vN.sql. Steps run with foreign keys off (a step
 * may rebuild a table, SQLite's way of changing a column); they are checked before
 * the step commits. */
typedef struct
{
  int         version;
  const char *sql;
} Migration;

static const char schema_v1[] =
  "CREATE TABLE messages (\n"
  "  id          TEXT PRIMARY KEY NOT NULL,\n"
  "  account     TEXT,\n"
  "  subject     TEXT,\n"
  "  sender      TEXT,\n"
  "  received_at INTEGER NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE documents (\n"
  "  sha256     TEXT PRIMARY KEY NOT NULL CHECK (length (sha256) = 64),\n"
  "  size       INTEGER NOT NULL CHECK (size >= 0),\n"
  "  file_name  TEXT,\n"
  "  message_id TEXT REFERENCES messages (id),\n"
  "  added_at   INTEGER NOT NULL\n"
  ") STRICT;\n"
  "CREATE INDEX documents_by_message ON documents (message_id);\n"
  "CREATE TABLE schedules (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  document       TEXT NOT NULL UNIQUE REFERENCES documents (sha256),\n"
  "  day_key        TEXT,\n"
  "  state          TEXT NOT NULL CHECK (state IN ('new', 'parsed', 'planned',\n"
  "                   'needs-review', 'confirmed', 'synced', 'superseded', 'dismissed',\n"
  "                   'failed')),\n"
  "  revision       INTEGER NOT NULL DEFAULT 0,\n"
  "  supersedes     INTEGER REFERENCES schedules (id),\n"
  "  sheet_json     TEXT,\n"
  "  edits_json     TEXT NOT NULL DEFAULT '{}',\n"
  "  changes_json   TEXT NOT NULL DEFAULT '[]',\n"
  "  conflicts_json TEXT NOT NULL DEFAULT '[]',\n"
  "  plan_json      TEXT,\n"
  "  weather_json   TEXT,\n"
  "  error_code     TEXT,\n"
  "  error_message  TEXT,\n"
  "  file_name      TEXT,\n"
  "  created_at     INTEGER NOT NULL,\n"
  "  updated_at     INTEGER NOT NULL\n"
  ") STRICT;\n"
  "CREATE INDEX schedules_by_day ON schedules (day_key, revision);\n"
  "CREATE INDEX schedules_by_state ON schedules (state);\n"
  "CREATE INDEX schedules_by_supersedes ON schedules (supersedes);\n"
  "CREATE TRIGGER schedules_insert_superseded BEFORE INSERT ON schedules\n"
  "  WHEN NEW.state = 'superseded'\n"
  "BEGIN\n"
  "  SELECT RAISE (ABORT, 'a schedule is superseded only by a revision that names it');\n"
  "END;\n"
  "CREATE TRIGGER schedules_superseded_needs_successor BEFORE UPDATE OF state ON schedules\n"
  "  WHEN NEW.state = 'superseded' AND NOT EXISTS\n"
  "    (SELECT 1 FROM schedules AS successor WHERE successor.supersedes = NEW.id\n"
  "       OR (successor.day_key = NEW.day_key AND successor.id != NEW.id\n"
  "           AND successor.revision > NEW.revision))\n"
  "BEGIN\n"
  "  SELECT RAISE (ABORT, 'a schedule is superseded only by a later revision');\n"
  "END;\n"
  "CREATE TRIGGER schedules_superseded_stays BEFORE UPDATE OF state ON schedules\n"
  "  WHEN OLD.state = 'superseded' AND NEW.state != 'superseded'\n"
  "BEGIN\n"
  "  SELECT RAISE (ABORT, 'a superseded schedule stays superseded');\n"
  "END;\n"
  "CREATE TRIGGER schedules_supersedes_stays BEFORE UPDATE OF supersedes ON schedules\n"
  "  WHEN OLD.supersedes IS NOT NULL AND NEW.supersedes IS NOT OLD.supersedes\n"
  "BEGIN\n"
  "  SELECT RAISE (ABORT, 'a revision keeps the schedule it superseded');\n"
  "END;\n"
  "CREATE TABLE calendar_links (\n"
  "  day_key     TEXT NOT NULL,\n"
  "  sink        TEXT NOT NULL,\n"
  "  calendar_id TEXT NOT NULL,\n"
  "  event_uid   TEXT NOT NULL,\n"
  "  etag        TEXT,\n"
  "  synced_at   INTEGER NOT NULL,\n"
  "  PRIMARY KEY (day_key, sink)\n"
  ") STRICT;\n"
  "CREATE TABLE sync_state (\n"
  "  account    TEXT PRIMARY KEY NOT NULL,\n"
  "  history_id TEXT NOT NULL,\n"
  "  updated_at INTEGER NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE cache (\n"
  "  key        TEXT PRIMARY KEY NOT NULL,\n"
  "  value      TEXT NOT NULL,\n"
  "  expires_at INTEGER\n"
  ") STRICT;\n"
  "CREATE INDEX cache_by_expiry ON cache (expires_at);\n"
  "PRAGMA user_version = 1;\n";

/* Version 2: the pipeline writes through the calendar router (sink "calendar"),
 * whose ids name the sink ("eds:<source uid>", "google:<calendar id>"). Links that
 * version 1 kept under a sink of their own move there, so that a revision still
 * finds its event; a day linked in both keeps the first and the other row stays
 * as it was, unused. */
static const char schema_v2[] =
  "UPDATE OR IGNORE calendar_links\n"
  "  SET sink = 'calendar', calendar_id = sink || ':' || calendar_id\n"
  "  WHERE sink IN ('eds', 'google');\n"
  "PRAGMA user_version = 2;\n";

static const Migration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == MP2_STORE_SCHEMA_VERSION);

/* Small helpers ------------------------------------------------------------------ */

gint64
mp2_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
mp2_store_is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != MP2_STORE_SHA256_LENGTH)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (!g_ascii_isxdigit (*c) || g_ascii_isupper (*c))
        return FALSE;
    }

  return TRUE;
}

/* Errors -------------------------------------------------------------------------- */

void
mp2_store_set_sqlite_error (Mp2Store  *self,
                            int        rc,
                            GError   **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  g_debug ("SQLite error %d in %s: %s", rc, self->path, detail);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, MP2_STORE_ERROR, MP2_STORE_ERROR_FULL,
                           _("The disk is full, so the schedule could not be saved. "
                             "Free some space and try again."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("The schedule database %s is damaged and cannot be read. Move it "
                     "aside and start Film Schedule again; the call sheets’ PDFs beside "
                     "it are kept."), self->path);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      g_set_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_OPEN,
                   /* Translators: %s is a folder */
                   _("The schedule database cannot be opened for writing. Check that "
                     "you may write to the folder %s."), self->directory);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, MP2_STORE_ERROR, MP2_STORE_ERROR_OPEN,
                           _("The schedule database is in use by another program. Close "
                             "other copies of Film Schedule and try again."));
      break;

    default:
      g_set_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_IO,
                   /* Translators: %s is SQLite's own description of the problem, in English */
                   _("The schedule database could not be read or written (%s)."), detail);
      break;
    }
}

void
mp2_store_set_not_found_error (GError **error)
{
  g_set_error_literal (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND,
                       _("The call sheet is not in the store any more."));
}

/* Statements ------------------------------------------------------------------------ */

sqlite3_stmt *
mp2_store_prepare (Mp2Store    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      mp2_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return stmt;
}

/* Steps @stmt once: TRUE with *has_row telling whether it gave a row. */
gboolean
mp2_store_step (Mp2Store      *self,
                sqlite3_stmt  *stmt,
                gboolean      *has_row,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  mp2_store_set_sqlite_error (self, rc, error);
  return FALSE;
}

/* Runs @stmt to its end, whatever rows it gives. */
gboolean
mp2_store_step_done (Mp2Store      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  gboolean has_row = TRUE;

  while (has_row)
    {
      if (!mp2_store_step (self, stmt, &has_row, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs @stmt, an UPDATE of one row, to its end: %MP2_STORE_ERROR_NOT_FOUND when it
 * changed no row. */
gboolean
mp2_store_step_update (Mp2Store      *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  if (!mp2_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      mp2_store_set_not_found_error (error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
execute (Mp2Store    *self,
         const char  *sql,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = mp2_store_prepare (self, sql, error);

  return stmt != NULL && mp2_store_step_done (self, stmt, error);
}

/* Runs each statement of @script in turn, each prepared on its own. */
static gboolean
execute_script (Mp2Store    *self,
                const char  *script,
                GError     **error)
{
  const char *tail = script;

  while (*tail != '\0')
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const char *next = NULL;
      int rc = sqlite3_prepare_v2 (self->db, tail, -1, &stmt, &next);

      if (rc != SQLITE_OK)
        {
          mp2_store_set_sqlite_error (self, rc, error);
          return FALSE;
        }

      /* no statement: only spaces or comments were left */
      if (stmt != NULL && !mp2_store_step_done (self, stmt, error))
        return FALSE;

      tail = next;
    }

  return TRUE;
}

void
mp2_store_bind_text (sqlite3_stmt *stmt,
                     int           position,
                     const char   *text)
{
  /* NULL binds NULL */
  sqlite3_bind_text (stmt, position, text, -1, SQLITE_TRANSIENT);
}

void
mp2_store_bind_id (sqlite3_stmt *stmt,
                   int           position,
                   gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, position, id);
  else
    sqlite3_bind_null (stmt, position);
}

char *
mp2_store_dup_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Transactions ------------------------------------------------------------------ */

static void
rollback (Mp2Store *self)
{
  g_autoptr(GError) error = NULL;

  /* SQLite may have rolled back already (after SQLITE_FULL, for one) */
  if (sqlite3_get_autocommit (self->db))
    return;

  if (!execute (self, "ROLLBACK", &error))
    g_warning ("Could not roll back a transaction: %s", error->message);
}

/* Runs @func in one transaction, holding the mutex. IMMEDIATE takes the write lock
 * at once, so that two connections never both read and then both try to write. */
gboolean
mp2_store_run_transaction (Mp2Store                 *self,
                           Mp2StoreTransactionFunc   func,
                           gpointer                  data,
                           GError                  **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  if (!execute (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!func (self, data, error) || !execute (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Opening and migrating -------------------------------------------------------------- */

static gboolean
read_user_version (Mp2Store  *self,
                   int       *version,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = mp2_store_prepare (self, "PRAGMA user_version", error);
  gboolean has_row = FALSE;

  if (stmt == NULL || !mp2_store_step (self, stmt, &has_row, error))
    return FALSE;

  *version = has_row ? sqlite3_column_int (stmt, 0) : 0;
  return TRUE;
}

static void
set_too_new_error (Mp2Store  *self,
                   int        version,
                   GError   **error)
{
  g_set_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_TOO_NEW,
               /* Translators: %s is a folder; the two %d are version numbers */
               _("The schedules in %s were saved by a newer version of Film Schedule "
                 "(database version %d; this version reads up to %d). Install the newer "
                 "version again, or move the folder aside to start with no schedules."),
               self->directory, version, MP2_STORE_SCHEMA_VERSION);
}

static gboolean
check_foreign_keys (Mp2Store  *self,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = mp2_store_prepare (self, "PRAGMA foreign_key_check", error);
  gboolean has_row = FALSE;

  if (stmt == NULL || !mp2_store_step (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      g_debug ("A migration left a row of %s pointing nowhere",
               (const char *) sqlite3_column_text (stmt, 0));
      mp2_store_set_sqlite_error (self, SQLITE_CORRUPT, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_migration (Mp2Store  *self,
                 gpointer   data,
                 GError   **error)
{
  const Migration *migration = data;
  int version = 0;

  /* another copy of the app may have migrated while this one waited for the lock */
  if (!read_user_version (self, &version, error))
    return FALSE;
  if (version >= migration->version)
    return TRUE;

  g_assert (version == migration->version - 1);

  if (!execute_script (self, migration->sql, error) ||
      !check_foreign_keys (self, error) ||
      !read_user_version (self, &version, error))
    return FALSE;

  g_assert (version == migration->version);
  g_debug ("Migrated %s to version %d", self->path, version);

  return TRUE;
}

static gboolean
migrate (Mp2Store  *self,
         GError   **error)
{
  int version = 0;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version > MP2_STORE_SCHEMA_VERSION)
    {
      set_too_new_error (self, version, error);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version > version &&
          !mp2_store_run_transaction (self, apply_migration, (gpointer) &migrations[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
open_database (Mp2Store  *self,
               GError   **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            NULL);

  if (rc != SQLITE_OK)
    {
      mp2_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  return TRUE;
}

/* The journal mode is the first thing that reads the file, so a file that is not a
 * database fails here. */
static gboolean
set_journal_mode (Mp2Store  *self,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = mp2_store_prepare (self, "PRAGMA journal_mode = WAL", error);
  gboolean has_row = FALSE;

  if (stmt == NULL || !mp2_store_step (self, stmt, &has_row, error))
    return FALSE;

  if (!has_row || g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
    g_debug ("%s is not in WAL mode; the file system may not allow it", self->path);

  return TRUE;
}

static gboolean
purge_expired_cache (Mp2Store  *self,
                     GError   **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mp2_store_prepare (self, "DELETE FROM cache WHERE expires_at <= ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, mp2_store_now ());
  return mp2_store_step_done (self, stmt, error);
}

static gboolean
is_stale_temporary (const char *directory,
                    const char *name,
                    gint64      now)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *path = NULL;
  GStatBuf buf;

  if (strlen (name) != MP2_STORE_SHA256_LENGTH + strlen (TEMPORARY_SUFFIX) ||
      strncmp (name + MP2_STORE_SHA256_LENGTH, ".pdf.", 5) != 0)
    return FALSE;

  sha256 = g_strndup (name, MP2_STORE_SHA256_LENGTH);
  path = g_build_filename (directory, name, NULL);

  /* a younger one may be another thread's write in progress */
  return mp2_store_is_sha256 (sha256) && g_stat (path, &buf) == 0 &&
         now - (gint64) buf.st_mtime > STALE_TEMPORARY_AGE;
}

/* A crash while a PDF was being written leaves its temporary file behind. */
static void
remove_stale_temporaries (Mp2Store *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  gint64 now = mp2_store_now ();
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_stale_temporary (self->directory, name, now))
        continue;

      path = g_build_filename (self->directory, name, NULL);
      if (g_unlink (path) != 0)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

static gboolean
make_directory (const char  *directory,
                GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (directory, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_OPEN,
               /* Translators: the first %s is a folder, the second the system's reason */
               _("The folder %s for the schedules could not be created: %s"),
               directory, g_strerror (saved_errno));
  return FALSE;
}

/* Object ------------------------------------------------------------------------------ */

static void
mp2_store_finalize (GObject *object)
{
  Mp2Store *self = (Mp2Store *) object;

  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (mp2_store_parent_class)->finalize (object);
}

static void
mp2_store_class_init (Mp2StoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp2_store_finalize;
}

static void
mp2_store_init (Mp2Store *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * mp2_store_default_directory:
 *
 * Returns: (transfer full): where the app keeps its store,
 *   `$XDG_DATA_HOME/mp2-film-schedule`
 */
char *
mp2_store_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "mp2-film-schedule", NULL);
}

/**
 * mp2_store_open:
 * @directory: the folder of the store; created (mode 0700) when missing
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Opens or creates `schedules.db` in @directory and brings its schema up to
 * %MP2_STORE_SCHEMA_VERSION. A database written by a newer version of the app is
 * refused with %MP2_STORE_ERROR_TOO_NEW and left as it is. This blocks: call it
 * from a worker thread, or use mp2_store_open_async().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
Mp2Store *
mp2_store_open (const char  *directory,
                GError     **error)
{
  g_autoptr(Mp2Store) self = NULL;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!make_directory (directory, error))
    return NULL;

  self = g_object_new (MP2_TYPE_STORE, NULL);
  self->directory = g_strdup (directory);
  self->path = g_build_filename (directory, DATABASE_NAME, NULL);

  if (!open_database (self, error) ||
      !set_journal_mode (self, error) ||
      !execute (self, "PRAGMA synchronous = FULL", error) ||
      !migrate (self, error) ||
      !execute (self, "PRAGMA foreign_keys = ON", error) ||
      !purge_expired_cache (self, error))
    return NULL;

  remove_stale_temporaries (self);

  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  Mp2Store *store;

  if (g_task_return_error_if_cancelled (task))
    return;

  store = mp2_store_open (task_data, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * mp2_store_open_async:
 * @directory: the folder of the store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store is open or has failed
 * @user_data: data for @callback
 *
 * Runs mp2_store_open() in a worker thread.
 */
void
mp2_store_open_async (const char          *directory,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (directory != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_store_open_async);
  g_task_set_task_data (task, g_strdup (directory), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * mp2_store_open_finish:
 * @result: the result given to the callback
 * @error: where to report a #MP2_STORE_ERROR
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
Mp2Store *
mp2_store_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp2_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mp2_store_get_directory:
 * @self: a #Mp2Store
 *
 * Returns: the folder of the database and the PDFs
 */
const char *
mp2_store_get_directory (Mp2Store *self)
{
  g_return_val_if_fail (MP2_IS_STORE (self), NULL);

  return self->directory;
}
