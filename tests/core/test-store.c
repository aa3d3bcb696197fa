/* test-store.c
 *
 * The store on real SQLite files in a temporary folder: documents, schedules,
 * revisions, calendar links, sync state, the cache, migrations from every earlier
 * schema version (tests/data/store/vN.sql), threads, and a child process killed at
 * random moments while it writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <utime.h>

#include "mp2-day.h"
#include "mp2-store.h"
#include "mp2-test-files.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define CRASH_CHILD_ARGUMENT "--crash-child"
#define CRASH_ITERATIONS     14
#define CRASH_THREADS        3

/* this program, for the crash test's child (/proc/self/exe would name a binary that
 * a rebuild has replaced) */
static char *test_program;

/* The call sheets of tests/data/callsheets used as documents */
static const char *test_pdfs[] = {
  "T1_01.pdf", "T1_02.pdf", "T1_03.pdf", "T2_01.pdf", "T2_02.pdf", "T2_03.pdf",
  "T2_rev1.pdf", "T2_rev2.pdf", "T3_01.pdf", "T3_02.pdf", "T3_03.pdf", "T4_01.pdf",
  "T4_02.pdf", "T4_03.pdf", "email_pl_subject.pdf", "email_revised.pdf",
  "email_two_pdfs.pdf", "email_two_pdfs_map.pdf", "neg_invoice.pdf", "neg_scanned.pdf",
};

typedef struct
{
  char     *tmp;        /* removed after the test */
  char     *directory;  /* the store's folder, inside @tmp, made by the store */
  Mp2Store *store;
} Fixture;

/* Helpers: files ------------------------------------------------------------------- */

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static char *
database_path (const char *directory)
{
  return g_build_filename (directory, "schedules.db", NULL);
}

/* Helpers: the database, read around the store ------------------------------------------ */

static sqlite3 *
raw_open (const char *directory)
{
  g_autofree char *path = database_path (directory);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static sqlite3_stmt *
raw_prepare (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = raw_prepare (db, sql);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The first column of the first row, or NULL without a row */
static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = raw_prepare (db, sql);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
count_rows (const char *directory,
            const char *sql)
{
  g_autoptr(sqlite3) db = raw_open (directory);

  return raw_int (db, sql);
}

/* Helpers: the store ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("mp2-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->directory = g_build_filename (fixture->tmp, "data", "mp2-film-schedule", NULL);

  fixture->store = mp2_store_open (fixture->directory, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  mp2_test_remove_tree (fixture->tmp);
  g_free (fixture->directory);
  g_free (fixture->tmp);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = mp2_store_open (fixture->directory, &error);
  g_assert_no_error (error);
}

static gint64
add_callsheet (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet (name);
  g_autoptr(GError) error = NULL;
  Mp2DocumentOrigin origin = { .file_name = name };
  gboolean known = TRUE;
  gint64 id;

  id = mp2_store_add_document (fixture->store, pdf, &origin, &known, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (known);

  return id;
}

static Mp2Schedule *
get_schedule (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  Mp2Schedule *schedule = mp2_store_get_schedule (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  return schedule;
}

static void
save_schedule (Mp2Store    *store,
               Mp2Schedule *schedule)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mp2_store_save_schedule (store, schedule, &error));
  g_assert_no_error (error);
}

static Mp2CallSheet *
make_sheet (const char *production,
            int         day,
            int         revision)
{
  Mp2CallSheet *sheet = mp2_call_sheet_new ();

  mp2_call_sheet_set_production (sheet, production);
  mp2_call_sheet_set_date (sheet, 2025, 3, day);
  mp2_call_sheet_set_revision (sheet, revision);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 6 * 60 + revision % 60);

  return sheet;
}

/* Sets what parsing a sheet sets: the sheet, its day and a state. */
static void
set_parsed (Mp2Schedule *schedule,
            const char  *production,
            int          day,
            int          revision,
            Mp2DayState  state)
{
  g_autoptr(Mp2CallSheet) sheet = make_sheet (production, day, revision);
  g_autofree char *day_key = mp2_day_key_for_sheet (sheet);

  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_day_key (schedule, day_key);
  mp2_schedule_set_state (schedule, state);
}

static gint64
add_parsed (Fixture     *fixture,
            const char  *pdf,
            const char  *production,
            int          day,
            int          revision,
            Mp2DayState  state)
{
  gint64 id = add_callsheet (fixture, pdf);
  g_autoptr(Mp2Schedule) schedule = get_schedule (fixture, id);

  set_parsed (schedule, production, day, revision, state);
  save_schedule (fixture->store, schedule);

  return id;
}

static void
assert_ids (GPtrArray    *schedules,
            const gint64 *ids,
            guint         n_ids)
{
  g_assert_nonnull (schedules);
  g_assert_cmpuint (schedules->len, ==, n_ids);

  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpint (mp2_schedule_get_id (g_ptr_array_index (schedules, i)), ==, ids[i]);
}

/* Opening ---------------------------------------------------------------------------- */

static void
test_open_creates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(sqlite3) db = raw_open (fixture->directory);
  g_autofree char *journal = raw_text (db, "PRAGMA journal_mode");
  g_autofree char *default_directory = mp2_store_default_directory ();
  g_autoptr(Mp2Store) second = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  g_assert_cmpstr (mp2_store_get_directory (fixture->store), ==, fixture->directory);
  g_assert_cmpint (g_stat (fixture->directory, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, MP2_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                "AND name IN ('messages', 'documents', 'schedules', "
                                "'calendar_links', 'sync_state', 'cache')"), ==, 6);

  g_assert_true (g_str_has_prefix (default_directory, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (default_directory, G_DIR_SEPARATOR_S "mp2-film-schedule"));

  /* a second store on the same folder at the same time */
  second = mp2_store_open (fixture->directory, &error);
  g_assert_no_error (error);
  schedules = mp2_store_list_schedules (second, MP2_STORE_LIST_CURRENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schedules->len, ==, 0);
}

static void
test_open_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mp2-store-XXXXXX", &error);
  g_autoptr(Mp2Store) store = NULL;

  {
    g_autofree char *path = database_path (tmp);
    g_autoptr(sqlite3) db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    raw_exec (db, "CREATE TABLE schedules (id INTEGER PRIMARY KEY, plan BLOB);"
                  "PRAGMA user_version = 99;");
  }

  store = mp2_store_open (tmp, &error);
  g_assert_null (store);
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_TOO_NEW);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, tmp));
  g_assert_nonnull (strstr (error->message, "newer version"));

  /* left as it was */
  g_assert_cmpint (count_rows (tmp, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (count_rows (tmp, "SELECT count(*) FROM sqlite_schema"), ==, 1);

  mp2_test_remove_tree (tmp);
}

static void
test_open_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mp2-store-XXXXXX", &error);
  g_autofree char *path = database_path (tmp);
  g_autofree char *blocked = g_build_filename (tmp, "a-file", "store", NULL);
  g_autofree char *file = g_build_filename (tmp, "a-file", NULL);
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(Mp2Store) store = NULL;

  for (int i = 0; i < 200; i++)
    g_string_append (junk, "This is a text file, not a database. ");
  g_file_set_contents (path, junk->str, (gssize) junk->len, &error);
  g_assert_no_error (error);

  store = mp2_store_open (tmp, &error);
  g_assert_null (store);
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* a folder that cannot be made */
  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);
  store = mp2_store_open (blocked, &error);
  g_assert_null (store);
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_OPEN);
  g_test_message ("%s", error->message);

  mp2_test_remove_tree (tmp);
}

/* Documents ------------------------------------------------------------------------- */

static void
test_add_document (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet ("T1_01.pdf");
  g_autoptr(GBytes) map = mp2_test_load_callsheet ("email_two_pdfs_map.pdf");
  g_autoptr(GBytes) empty = mp2_test_load_callsheet ("neg_empty.pdf");
  g_autofree char *sha256 = sha256_of (pdf);
  g_autofree char *path = mp2_store_dup_pdf_path (fixture->store, sha256);
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  Mp2DocumentOrigin mail = {
    .message_id = "18e4c1a2b3d4e5f6", .account = "crew@example.com",
    .subject = "Call sheet – Day 44", .sender = "Production <office@example.com>",
    .received_at = 1741600000, .file_name = "Callsheet Day 44.pdf",
  };
  Mp2DocumentOrigin other_mail = { .message_id = "other", .file_name = "again.pdf" };
  gboolean known = TRUE;
  gint64 id, again, map_id, empty_id;
  GStatBuf buf;

  id = mp2_store_add_document (fixture->store, pdf, &mail, &known, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (known);

  /* the file, named by its sha256, only for the user */
  g_assert_true (g_str_has_suffix (path, ".pdf"));
  stored = mp2_test_load_file (path);
  g_assert_true (g_bytes_equal (stored, pdf));
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  schedule = get_schedule (fixture, id);
  g_assert_cmpint (mp2_schedule_get_state (schedule), ==, MP2_DAY_STATE_NEW);
  g_assert_cmpstr (mp2_schedule_get_document (schedule), ==, sha256);
  g_assert_cmpstr (mp2_schedule_get_file_name (schedule), ==, "Callsheet Day 44.pdf");
  g_assert_null (mp2_schedule_get_sheet (schedule));
  g_assert_cmpint (mp2_schedule_get_created_at (schedule), >, 1700000000);
  g_assert_true (mp2_store_has_message (fixture->store, "18e4c1a2b3d4e5f6", &error));
  g_assert_no_error (error);
  g_assert_false (mp2_store_has_message (fixture->store, "other", &error));
  g_assert_no_error (error);

  /* the same PDF again, from another mail: no new day, but the mail is known */
  again = mp2_store_add_document (fixture->store, pdf, &other_mail, &known, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_true (known);
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM schedules"), ==, 1);
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM messages"), ==, 2);
  g_assert_true (mp2_store_has_message (fixture->store, "other", &error));
  g_assert_no_error (error);

  /* a mail without a PDF, recorded twice: one row, known */
  g_assert_false (mp2_store_has_message (fixture->store, "no-pdf", &error));
  for (guint i = 0; i < 2; i++)
    {
      Mp2DocumentOrigin no_pdf = { .message_id = "no-pdf", .subject = "Re: tomorrow" };

      g_assert_true (mp2_store_add_message (fixture->store, &no_pdf, &error));
      g_assert_no_error (error);
    }
  g_assert_true (mp2_store_has_message (fixture->store, "no-pdf", &error));
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM messages"), ==, 3);
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM documents"), ==, 1);

  /* a second PDF of the same mail: one message, two documents */
  map_id = mp2_store_add_document (fixture->store, map, &mail, &known, &error);
  g_assert_no_error (error);
  g_assert_false (known);
  g_assert_cmpint (map_id, >, id);
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM messages"), ==, 3);
  g_assert_cmpint (count_rows (fixture->directory,
                               "SELECT count(*) FROM documents "
                               "WHERE message_id = '18e4c1a2b3d4e5f6'"), ==, 2);

  /* no origin at all, and an empty file (reading it will fail, and say why) */
  empty_id = mp2_store_add_document (fixture->store, empty, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (empty_id, >, map_id);

  loaded = mp2_store_load_pdf (fixture->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, pdf));
}

static void
test_load_pdf_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet ("T2_01.pdf");
  g_autoptr(GBytes) loaded = NULL;
  g_autofree char *sha256 = sha256_of (pdf);
  g_autofree char *path = mp2_store_dup_pdf_path (fixture->store, sha256);
  g_autoptr(GError) error = NULL;
  gboolean known = FALSE;
  const char *unknown = "0000000000000000000000000000000000000000000000000000000000000000";

  g_assert_null (mp2_store_dup_pdf_path (fixture->store, "../../.ssh/id_rsa"));
  g_assert_null (mp2_store_dup_pdf_path (fixture->store, "ABCDEF"));

  g_assert_null (mp2_store_load_pdf (fixture->store, unknown, &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (mp2_store_load_pdf (fixture->store, "../schedules.db", &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  add_callsheet (fixture, "T2_01.pdf");

  /* damaged behind the store's back, then repaired by importing it again */
  g_file_set_contents (path, "%PDF-1.4 garbage", -1, &error);
  g_assert_no_error (error);
  g_assert_null (mp2_store_load_pdf (fixture->store, sha256, &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  mp2_store_add_document (fixture->store, pdf, NULL, &known, &error);
  g_assert_no_error (error);
  g_assert_true (known);
  loaded = mp2_store_load_pdf (fixture->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, pdf));
  g_clear_pointer (&loaded, g_bytes_unref);

  /* removed, then put back the same way */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_null (mp2_store_load_pdf (fixture->store, sha256, &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  mp2_store_add_document (fixture->store, pdf, NULL, &known, &error);
  g_assert_no_error (error);
  loaded = mp2_store_load_pdf (fixture->store, sha256, &error);
  g_assert_no_error (error);
}

/* A crash between writing a PDF and its row leaves the file, and perhaps the
 * temporary file it was written as. */
static void
test_leftover_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet ("T3_01.pdf");
  g_autofree char *sha256 = sha256_of (pdf);
  g_autofree char *path = mp2_store_dup_pdf_path (fixture->store, sha256);
  g_autofree char *old_temporary = g_strconcat (path, ".Ab12Cd", NULL);
  g_autofree char *young_temporary = g_strconcat (path, ".Xy34Zw", NULL);
  g_autoptr(GError) error = NULL;
  struct utimbuf old_times = { .actime = 1000000000, .modtime = 1000000000 };
  gboolean known = TRUE;
  gint64 id;

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                       &error);
  g_assert_no_error (error);
  g_file_set_contents (old_temporary, "%PDF-1.7 half", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (young_temporary, "%PDF-1.7 being written", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utime (old_temporary, &old_times), ==, 0);

  reopen (fixture);
  g_assert_false (g_file_test (old_temporary, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (young_temporary, G_FILE_TEST_EXISTS));

  id = mp2_store_add_document (fixture->store, pdf, NULL, &known, &error);
  g_assert_no_error (error);
  g_assert_false (known);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM schedules"), ==, 1);
}

/* Schedules ------------------------------------------------------------------------- */

static GPtrArray *
make_changes (void)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_change_free);
  Mp2DayChange *change = g_new0 (Mp2DayChange, 1);

  change->kind = MP2_DAY_CHANGE_CREW_CALL;
  change->key = g_strdup ("crew_call");
  change->old_value = g_strdup ("14:00");
  change->new_value = g_strdup ("13:30");
  g_ptr_array_add (changes, change);

  return changes;
}

static GPtrArray *
make_conflicts (void)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_conflict_free);
  Mp2DayConflict *conflict = g_new0 (Mp2DayConflict, 1);

  conflict->key = g_strdup ("crew_call");
  conflict->mine = json_from_string ("\"13:45\"", NULL);
  conflict->theirs = json_from_string ("\"13:30\"", NULL);
  g_ptr_array_add (conflicts, conflict);

  return conflicts;
}

static void
fill_schedule (Mp2Schedule *schedule)
{
  g_autoptr(GBytes) json = mp2_test_load_callsheet ("T1_01.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(JsonNode) edits = json_from_string ("{\"crew_call\": \"13:45\", \"notes/0\": null}",
                                                &error);
  g_autoptr(GPtrArray) changes = make_changes ();
  g_autoptr(GPtrArray) conflicts = make_conflicts ();
  g_autofree char *day_key = NULL;

  g_assert_no_error (error);
  sheet = mp2_call_sheet_new_from_json (g_bytes_get_data (json, NULL),
                                        (gssize) g_bytes_get_size (json), &error);
  g_assert_no_error (error);
  day_key = mp2_day_key_for_sheet (sheet);

  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_day_key (schedule, day_key);
  mp2_schedule_set_state (schedule, MP2_DAY_STATE_NEEDS_REVIEW);
  mp2_schedule_set_edits (schedule, json_node_get_object (edits));
  mp2_schedule_set_changes (schedule, changes);
  mp2_schedule_set_conflicts (schedule, conflicts);
  mp2_schedule_set_plan_json (schedule, "{\"leave_at\": \"12:40\"}");
  mp2_schedule_set_weather_json (schedule, "{\"temperature\": 18.5}");
  mp2_schedule_set_error (schedule, "not-a-call-sheet", "Only a test.");
}

static char *
sheet_json (Mp2Schedule *schedule)
{
  return mp2_call_sheet_to_json (mp2_schedule_get_sheet (schedule),
                                 MP2_CALL_SHEET_JSON_EXTRAS | MP2_CALL_SHEET_JSON_POSITIONS,
                                 FALSE);
}

static void
assert_same_schedule (Mp2Schedule *a,
                      Mp2Schedule *b)
{
  g_autofree char *a_sheet = sheet_json (a);
  g_autofree char *b_sheet = sheet_json (b);
  GPtrArray *changes = mp2_schedule_get_changes (b);
  GPtrArray *conflicts = mp2_schedule_get_conflicts (b);
  Mp2DayChange *change;
  Mp2DayConflict *conflict;

  g_assert_cmpint (mp2_schedule_get_id (a), ==, mp2_schedule_get_id (b));
  g_assert_cmpstr (mp2_schedule_get_document (a), ==, mp2_schedule_get_document (b));
  g_assert_cmpstr (mp2_schedule_get_day_key (a), ==, mp2_schedule_get_day_key (b));
  g_assert_cmpint (mp2_schedule_get_state (a), ==, mp2_schedule_get_state (b));
  g_assert_cmpstr (a_sheet, ==, b_sheet);
  g_assert_true (json_object_equal (mp2_schedule_get_edits (a), mp2_schedule_get_edits (b)));
  g_assert_cmpstr (mp2_schedule_get_plan_json (a), ==, mp2_schedule_get_plan_json (b));
  g_assert_cmpstr (mp2_schedule_get_weather_json (a), ==, mp2_schedule_get_weather_json (b));
  g_assert_cmpstr (mp2_schedule_get_error_code (a), ==, mp2_schedule_get_error_code (b));
  g_assert_cmpstr (mp2_schedule_get_error_message (a), ==, mp2_schedule_get_error_message (b));
  g_assert_cmpint (mp2_schedule_get_created_at (a), ==, mp2_schedule_get_created_at (b));
  g_assert_cmpint (mp2_schedule_get_updated_at (a), ==, mp2_schedule_get_updated_at (b));

  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, MP2_DAY_CHANGE_CREW_CALL);
  g_assert_cmpstr (change->old_value, ==, "14:00");
  g_assert_cmpstr (change->new_value, ==, "13:30");
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->key, ==, "crew_call");
  g_assert_cmpstr (json_node_get_string (conflict->mine), ==, "13:45");
}

static void
test_schedule_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 id = add_callsheet (fixture, "T1_01.pdf");
  g_autoptr(Mp2Schedule) schedule = get_schedule (fixture, id);
  g_autoptr(Mp2Schedule) copy = NULL;
  g_autoptr(Mp2Schedule) missing = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *state = NULL;
  g_autofree char *stored_sheet = NULL;
  g_autoptr(GError) error = NULL;

  fill_schedule (schedule);
  save_schedule (fixture->store, schedule);
  g_assert_cmpint (mp2_schedule_get_updated_at (schedule), >=,
                   mp2_schedule_get_created_at (schedule));

  /* the plan is save_plan's: a whole schedule saved does not write it */
  copy = get_schedule (fixture, id);
  g_assert_null (mp2_schedule_get_plan_json (copy));
  g_assert_true (mp2_store_save_plan (fixture->store, id, mp2_schedule_get_plan_json (schedule),
                                      mp2_schedule_get_weather_json (schedule), &error));
  g_assert_no_error (error);
  g_clear_object (&copy);

  copy = get_schedule (fixture, id);
  assert_same_schedule (schedule, copy);

  /* plainly readable with sqlite3 */
  db = raw_open (fixture->directory);
  state = raw_text (db, "SELECT state FROM schedules");
  g_assert_cmpstr (state, ==, "needs-review");
  g_assert_cmpint (raw_int (db, "SELECT revision FROM schedules"), ==, 1);
  stored_sheet = raw_text (db, "SELECT json_extract (sheet_json, '$.production') FROM schedules");
  g_assert_cmpstr (stored_sheet, ==, "Paper Lanterns");
  g_assert_cmpint (raw_int (db, "SELECT json_type (sheet_json, '$.positions') = 'object' "
                                "FROM schedules"), ==, 1);

  /* every state is stored by the name the schema allows */
  for (Mp2DayState s = MP2_DAY_STATE_NEW; s <= MP2_DAY_STATE_FAILED; s++)
    {
      if (s == MP2_DAY_STATE_SUPERSEDED)
        continue;
      mp2_schedule_set_state (schedule, s);
      save_schedule (fixture->store, schedule);
      g_clear_object (&copy);
      copy = get_schedule (fixture, id);
      g_assert_cmpint (mp2_schedule_get_state (copy), ==, s);
    }

  /* a schedule that is not there */
  missing = mp2_schedule_copy (schedule);
  mp2_schedule_set_id (missing, id + 100);
  g_assert_false (mp2_store_save_schedule (fixture->store, missing, &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (mp2_store_get_schedule (fixture->store, id + 100, &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND);
}

/* The plan is saved alone: an edit saved after the planner read the day stays. */
static void
test_save_plan (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 id = add_callsheet (fixture, "T1_01.pdf");
  g_autoptr(Mp2Schedule) schedule = get_schedule (fixture, id);
  g_autoptr(Mp2Schedule) copy = NULL;
  g_autoptr(JsonObject) edits = json_object_new ();
  g_autoptr(GError) error = NULL;

  fill_schedule (schedule);
  save_schedule (fixture->store, schedule);

  /* the user's correction, saved while the day was being planned */
  json_object_set_string_member (edits, "my_call", "06:10");
  mp2_schedule_set_edits (schedule, edits);
  save_schedule (fixture->store, schedule);

  g_assert_true (mp2_store_save_plan (fixture->store, id, "{\"leave\":\"05:20\"}",
                                      "{\"provider\":\"open-meteo\"}", &error));
  g_assert_no_error (error);

  copy = get_schedule (fixture, id);
  g_assert_cmpstr (mp2_schedule_get_plan_json (copy), ==, "{\"leave\":\"05:20\"}");
  g_assert_cmpstr (mp2_schedule_get_weather_json (copy), ==, "{\"provider\":\"open-meteo\"}");
  g_assert_cmpstr (json_object_get_string_member (mp2_schedule_get_edits (copy), "my_call"), ==,
                   "06:10");
  g_assert_cmpint (mp2_schedule_get_state (copy), ==, mp2_schedule_get_state (schedule));

  /* a plan taken back, and a day that is not there */
  g_assert_true (mp2_store_save_plan (fixture->store, id, NULL, NULL, &error));
  g_clear_object (&copy);
  copy = get_schedule (fixture, id);
  g_assert_null (mp2_schedule_get_plan_json (copy));
  g_assert_false (mp2_store_save_plan (fixture->store, id + 100, "{}", NULL, &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND);
}

/* A row whose JSON cannot be read: an error for itself, left out of a list. */
static void
test_damaged_row (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 damaged = add_parsed (fixture, "T1_01.pdf", "Cicha Woda", 12, 1, MP2_DAY_STATE_PARSED);
  gint64 sound = add_parsed (fixture, "T1_02.pdf", "Cicha Woda", 13, 1, MP2_DAY_STATE_PARSED);
  g_autoptr(sqlite3) db = raw_open (fixture->directory);
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  raw_exec (db, "UPDATE schedules SET sheet_json = '{\"production\": ' WHERE id = 1");
  g_assert_cmpint (damaged, ==, 1);

  schedule = mp2_store_get_schedule (fixture->store, damaged, &error);
  g_assert_null (schedule);
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_test_expect_message ("mp2-store", G_LOG_LEVEL_WARNING, "Left out schedule 1:*");
  list = mp2_store_list_schedules (fixture->store, MP2_STORE_LIST_CURRENT, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  assert_ids (list, &sound, 1);
}

static void
test_list_and_find_day (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(Mp2Schedule) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *other_day = NULL;
  gint64 a, b, c, d, e, f;

  a = add_parsed (fixture, "T1_01.pdf", "Cicha Woda", 12, 1, MP2_DAY_STATE_NEEDS_REVIEW);
  b = add_parsed (fixture, "T1_02.pdf", "Cicha Woda", 12, 2, MP2_DAY_STATE_PARSED);
  c = add_parsed (fixture, "T1_03.pdf", "Cicha Woda", 12, 3, MP2_DAY_STATE_DISMISSED);
  d = add_parsed (fixture, "T2_01.pdf", "Cicha Woda", 12, 4, MP2_DAY_STATE_FAILED);
  e = add_parsed (fixture, "T2_02.pdf", "Cicha Woda", 13, 1, MP2_DAY_STATE_CONFIRMED);
  day = mp2_day_key_new ("Cicha Woda", 2025, 3, 12);
  other_day = mp2_day_key_new ("Cicha Woda", 2025, 3, 13);

  /* the highest revision that is neither dismissed nor failed */
  found = mp2_store_find_day (fixture->store, day, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_id (found), ==, b);
  g_clear_object (&found);

  found = mp2_store_find_day (fixture->store, day, b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_id (found), ==, a);
  g_clear_object (&found);

  found = mp2_store_find_day (fixture->store, other_day, e, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  found = mp2_store_find_day (fixture->store, "no such day", 0, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* equal revisions: the one stored last */
  f = add_parsed (fixture, "T2_03.pdf", "Cicha Woda", 13, 1, MP2_DAY_STATE_PARSED);
  found = mp2_store_find_day (fixture->store, other_day, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_id (found), ==, f);

  /* newest first; failed ones wait for a retry, so they are current */
  list = mp2_store_list_schedules (fixture->store, MP2_STORE_LIST_CURRENT, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { f, e, d, b, a }, 5);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = mp2_store_list_schedules (fixture->store, MP2_STORE_LIST_DISMISSED, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { f, e, d, c, b, a }, 6);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = mp2_store_list_in_state (fixture->store, MP2_DAY_STATE_PARSED, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { b, f }, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = mp2_store_list_in_state (fixture->store, MP2_DAY_STATE_SYNCED, &error);
  g_assert_no_error (error);
  assert_ids (list, NULL, 0);
}

static void
test_revision (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 first_id = add_parsed (fixture, "T2_rev1.pdf", "Cicha Woda", 12, 1,
                                MP2_DAY_STATE_CONFIRMED);
  gint64 second_id = add_parsed (fixture, "T2_rev2.pdf", "Cicha Woda", 12, 2,
                                 MP2_DAY_STATE_PARSED);
  gint64 third_id = add_parsed (fixture, "T2_01.pdf", "Cicha Woda", 12, 3, MP2_DAY_STATE_PARSED);
  g_autoptr(Mp2Schedule) first = get_schedule (fixture, first_id);
  g_autoptr(Mp2Schedule) second = get_schedule (fixture, second_id);
  g_autoptr(Mp2Schedule) third = get_schedule (fixture, third_id);
  g_autoptr(Mp2Schedule) stale = mp2_schedule_copy (first);
  g_autoptr(Mp2Schedule) reread = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = make_changes ();
  g_autoptr(GError) error = NULL;

  mp2_schedule_set_state (second, MP2_DAY_STATE_NEEDS_REVIEW);
  mp2_schedule_set_changes (second, changes);
  g_assert_true (mp2_store_save_revision (fixture->store, first, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_state (first), ==, MP2_DAY_STATE_SUPERSEDED);
  g_assert_cmpint (mp2_schedule_get_supersedes (second), ==, first_id);

  reread = get_schedule (fixture, first_id);
  g_assert_cmpint (mp2_schedule_get_state (reread), ==, MP2_DAY_STATE_SUPERSEDED);
  g_clear_object (&reread);
  reread = get_schedule (fixture, second_id);
  g_assert_cmpint (mp2_schedule_get_state (reread), ==, MP2_DAY_STATE_NEEDS_REVIEW);
  g_assert_cmpint (mp2_schedule_get_supersedes (reread), ==, first_id);
  g_assert_cmpuint (mp2_schedule_get_changes (reread)->len, ==, 1);
  g_clear_object (&reread);

  list = mp2_store_list_schedules (fixture->store, MP2_STORE_LIST_CURRENT, &error);
  assert_ids (list, (gint64[]) { third_id, second_id }, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mp2_store_list_schedules (fixture->store, MP2_STORE_LIST_SUPERSEDED, &error);
  assert_ids (list, (gint64[]) { third_id, second_id, first_id }, 3);

  /* a stale copy cannot bring a superseded schedule back */
  g_assert_false (mp2_store_save_schedule (fixture->store, stale, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* nor can a schedule be superseded without a revision naming it */
  mp2_schedule_set_state (third, MP2_DAY_STATE_SUPERSEDED);
  g_assert_false (mp2_store_save_schedule (fixture->store, third, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  mp2_schedule_set_state (third, MP2_DAY_STATE_PARSED);

  /* a revision keeps the schedule it superseded: the whole transaction fails */
  g_assert_false (mp2_store_save_revision (fixture->store, third, second, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  reread = get_schedule (fixture, third_id);
  g_assert_cmpint (mp2_schedule_get_state (reread), ==, MP2_DAY_STATE_PARSED);
  g_clear_object (&reread);

  /* a copy that does not know what it superseded leaves that as it was */
  mp2_schedule_set_supersedes (second, 0);
  save_schedule (fixture->store, second);
  reread = get_schedule (fixture, second_id);
  g_assert_cmpint (mp2_schedule_get_supersedes (reread), ==, first_id);
  g_clear_object (&reread);

  /* a chain: the third sheet supersedes the second */
  g_assert_true (mp2_store_save_revision (fixture->store, second, third, &error));
  g_assert_no_error (error);
  reread = mp2_store_find_day (fixture->store, mp2_schedule_get_day_key (third), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_id (reread), ==, third_id);
  g_assert_cmpint (count_rows (fixture->directory,
                               "SELECT count(*) FROM schedules "
                               "WHERE state = 'superseded'"), ==, 2);
}

/* Calendar links, sync state, cache ----------------------------------------------------- */

static void
test_calendar_links (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 id = add_parsed (fixture, "T4_01.pdf", "Cicha Woda", 14, 1, MP2_DAY_STATE_CONFIRMED);
  g_autoptr(Mp2Schedule) schedule = get_schedule (fixture, id);
  g_autoptr(Mp2Schedule) missing = mp2_schedule_copy (schedule);
  g_autoptr(Mp2Schedule) reread = NULL;
  g_autoptr(Mp2CalendarLink) link = mp2_calendar_link_new ("google", "primary", "mp2-day-14",
                                                           "\"1\"");
  g_autoptr(Mp2CalendarLink) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *day_key = mp2_schedule_get_day_key (schedule);

  stored = mp2_store_get_calendar_link (fixture->store, day_key, "google", &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  g_assert_true (mp2_store_save_synced (fixture->store, schedule, link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_state (schedule), ==, MP2_DAY_STATE_SYNCED);
  reread = get_schedule (fixture, id);
  g_assert_cmpint (mp2_schedule_get_state (reread), ==, MP2_DAY_STATE_SYNCED);

  stored = mp2_store_get_calendar_link (fixture->store, day_key, "google", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->sink, ==, "google");
  g_assert_cmpstr (stored->calendar_id, ==, "primary");
  g_assert_cmpstr (stored->event_uid, ==, "mp2-day-14");
  g_assert_cmpstr (stored->etag, ==, "\"1\"");
  g_assert_cmpint (stored->synced_at, >, 1700000000);
  g_clear_pointer (&stored, mp2_calendar_link_free);

  /* synced again: the link is replaced */
  g_free (link->etag);
  link->etag = g_strdup ("\"2\"");
  link->synced_at = 1741600000;
  g_assert_true (mp2_store_save_synced (fixture->store, schedule, link, &error));
  g_assert_no_error (error);
  stored = mp2_store_get_calendar_link (fixture->store, day_key, "google", &error);
  g_assert_cmpstr (stored->etag, ==, "\"2\"");
  g_assert_cmpint (stored->synced_at, ==, 1741600000);
  g_clear_pointer (&stored, mp2_calendar_link_free);

  /* another sink, and no etag */
  g_clear_pointer (&link, mp2_calendar_link_free);
  link = mp2_calendar_link_new ("eds", "system-calendar", "mp2-day-14", NULL);
  g_assert_true (mp2_store_save_synced (fixture->store, schedule, link, &error));
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM calendar_links"), ==, 2);

  /* a schedule that is not there: neither the state nor the link is written */
  mp2_schedule_set_id (missing, id + 100);
  mp2_schedule_set_day_key (missing, "another day");
  g_assert_false (mp2_store_save_synced (fixture->store, missing, link, &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM calendar_links"), ==, 2);

  g_assert_true (mp2_store_delete_calendar_link (fixture->store, day_key, "google", &error));
  g_assert_no_error (error);
  stored = mp2_store_get_calendar_link (fixture->store, day_key, "google", &error);
  g_assert_null (stored);
  g_assert_true (mp2_store_delete_calendar_link (fixture->store, day_key, "google", &error));
  stored = mp2_store_get_calendar_link (fixture->store, day_key, "eds", &error);
  g_assert_nonnull (stored);
  g_assert_null (stored->etag);
}

static void
test_sync_state (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *history = NULL;

  history = mp2_store_get_sync_state (fixture->store, "crew@example.com", &error);
  g_assert_no_error (error);
  g_assert_null (history);

  g_assert_true (mp2_store_set_sync_state (fixture->store, "crew@example.com", "91544", &error));
  g_assert_true (mp2_store_set_sync_state (fixture->store, "other@example.com", "7", &error));
  g_assert_true (mp2_store_set_sync_state (fixture->store, "crew@example.com", "91601", &error));
  g_assert_no_error (error);

  reopen (fixture);
  history = mp2_store_get_sync_state (fixture->store, "crew@example.com", &error);
  g_assert_cmpstr (history, ==, "91601");
  g_clear_pointer (&history, g_free);

  g_assert_true (mp2_store_set_sync_state (fixture->store, "crew@example.com", NULL, &error));
  history = mp2_store_get_sync_state (fixture->store, "crew@example.com", &error);
  g_assert_no_error (error);
  g_assert_null (history);
  history = mp2_store_get_sync_state (fixture->store, "other@example.com", &error);
  g_assert_cmpstr (history, ==, "7");
}

static void
test_cache (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autoptr(sqlite3) db = NULL;

  g_assert_null (mp2_store_cache_get (fixture->store, "geocode:Chełmska 21"));

  g_assert_true (mp2_store_cache_put (fixture->store, "geocode:Chełmska 21", "{\"lat\": 52.19}",
                                      3600, &error));
  g_assert_true (mp2_store_cache_put (fixture->store, "weather:today", "sunny", 3600, &error));
  g_assert_true (mp2_store_cache_put (fixture->store, "forever", "kept", 0, &error));
  g_assert_no_error (error);
  value = mp2_store_cache_get (fixture->store, "geocode:Chełmska 21");
  g_assert_cmpstr (value, ==, "{\"lat\": 52.19}");
  g_clear_pointer (&value, g_free);

  g_assert_true (mp2_store_cache_put (fixture->store, "weather:today", "rain", 3600, &error));
  value = mp2_store_cache_get (fixture->store, "weather:today");
  g_assert_cmpstr (value, ==, "rain");
  g_clear_pointer (&value, g_free);

  /* expired an hour ago: not given out, and gone after the next opening */
  db = raw_open (fixture->directory);
  raw_exec (db, "UPDATE cache SET expires_at = unixepoch () - 3600 WHERE key = 'weather:today'");
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM cache WHERE expires_at IS NULL"), ==, 1);
  g_assert_null (mp2_store_cache_get (fixture->store, "weather:today"));

  reopen (fixture);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM cache"), ==, 2);
  value = mp2_store_cache_get (fixture->store, "forever");
  g_assert_cmpstr (value, ==, "kept");
}

/* Migrations -------------------------------------------------------------------------- */

static char *
fixture_sql_path (int version)
{
  g_autofree char *name = g_strdup_printf ("v%d.sql", version);

  return g_test_build_filename (G_TEST_DIST, "data", "store", name, NULL);
}

/* A database as a build of that version left it, from the SQL recorded then. */
static void
build_database (const char *directory,
                int         version)
{
  g_autofree char *sql_path = fixture_sql_path (version);
  g_autofree char *db_path = database_path (directory);
  g_autoptr(GBytes) sql = mp2_test_load_file (sql_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;

  /* version 0 is an empty file: what SQLite makes before anything is written */
  g_file_set_contents (db_path, "", 0, &error);
  g_assert_no_error (error);

  if (g_bytes_get_size (sql) == 0)
    return;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  raw_exec (db, g_bytes_get_data (sql, NULL));
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, version);
}

static const char *data_tables[] = {
  "messages", "documents", "schedules", "calendar_links", "sync_state", "cache",
};

static gint64
count_table (sqlite3    *db,
             const char *table)
{
  g_autofree char *sql = NULL;

  if (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'") == 0)
    return 0;

  /* the table names are this file's own constants */
  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return raw_int (db, sql);
}

static void
assert_store_sound (const char *directory)
{
  g_autoptr(sqlite3) db = raw_open (directory);
  g_autofree char *integrity = raw_text (db, "PRAGMA integrity_check");
  g_autofree char *dangling = raw_text (db, "PRAGMA foreign_key_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_null (dangling);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, MP2_STORE_SCHEMA_VERSION);
}

static void
migrate_from (const char *tmp,
              int         version)
{
  g_autofree char *name = g_strdup_printf ("from-v%d", version);
  g_autofree char *directory = g_build_filename (tmp, name, NULL);
  g_autoptr(Mp2Store) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before[G_N_ELEMENTS (data_tables)];

  g_assert_cmpint (g_mkdir (directory, 0700), ==, 0);
  build_database (directory, version);
  {
    g_autoptr(sqlite3) db = raw_open (directory);

    for (guint i = 0; i < G_N_ELEMENTS (data_tables); i++)
      before[i] = count_table (db, data_tables[i]);
  }

  store = mp2_store_open (directory, &error);
  g_assert_no_error (error);
  assert_store_sound (directory);

  {
    g_autoptr(sqlite3) db = raw_open (directory);

    for (guint i = 0; i < G_N_ELEMENTS (data_tables); i++)
      {
        /* expired cache entries are dropped on opening */
        if (g_str_equal (data_tables[i], "cache"))
          g_assert_cmpint (count_table (db, data_tables[i]), <=, before[i]);
        else
          g_assert_cmpint (count_table (db, data_tables[i]), ==, before[i]);
      }
  }

  /* every schedule reads back (a row that does not is left out with a warning,
   * and warnings are fatal here) */
  all = mp2_store_list_schedules (store, MP2_STORE_LIST_SUPERSEDED | MP2_STORE_LIST_DISMISSED,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (all->len, ==, before[2]);
}

/* The schema as SQLite keeps it, with runs of white space made one space. */
static char *
dump_schema (const char *directory)
{
  g_autoptr(sqlite3) db = raw_open (directory);
  g_autoptr(sqlite3_stmt) stmt = raw_prepare (db, "SELECT type, name, tbl_name, sql "
                                                  "FROM sqlite_schema ORDER BY name");
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *sql = g_regex_replace_literal (spaces, text != NULL ? text : "", -1, 0, " ",
                                                      0, NULL);

      g_string_append_printf (dump, "%s %s %s: %s\n", sqlite3_column_text (stmt, 0),
                              sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2), sql);
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
test_migrate_from_every_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mp2-store-XXXXXX", &error);
  g_autofree char *migrated = g_build_filename (tmp, "from-v0", NULL);
  g_autofree char *recorded = g_build_filename (tmp, "recorded", NULL);
  g_autofree char *migrated_schema = NULL;
  g_autofree char *recorded_schema = NULL;

  g_assert_no_error (error);

  /* each version records its schema when it ships */
  for (int version = 0; version <= MP2_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = fixture_sql_path (version);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  for (int version = 0; version <= MP2_STORE_SCHEMA_VERSION; version++)
    {
      g_test_message ("migrating a database of version %d", version);
      migrate_from (tmp, version);
    }

  /* the steps from nothing make exactly the schema recorded for this version */
  g_assert_cmpint (g_mkdir (recorded, 0700), ==, 0);
  build_database (recorded, MP2_STORE_SCHEMA_VERSION);
  migrated_schema = dump_schema (migrated);
  recorded_schema = dump_schema (recorded);
  g_assert_cmpstr (migrated_schema, ==, recorded_schema);

  mp2_test_remove_tree (tmp);
}

/* The rows recorded in v1.sql, read through the store after every migration. */
static void
test_version_1_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mp2-store-XXXXXX", &error);
  g_autoptr(Mp2Store) store = NULL;
  g_autoptr(Mp2Schedule) revision = NULL;
  g_autoptr(Mp2Schedule) current = NULL;
  g_autoptr(Mp2Schedule) failed = NULL;
  g_autoptr(Mp2CalendarLink) link = NULL;
  g_autofree char *history = NULL;
  g_autofree char *place = NULL;
  g_autofree char *weather = NULL;
  Mp2DayConflict *conflict;

  build_database (tmp, 1);
  store = mp2_store_open (tmp, &error);
  g_assert_no_error (error);

  revision = mp2_store_get_schedule (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_state (revision), ==, MP2_DAY_STATE_NEEDS_REVIEW);
  g_assert_cmpint (mp2_schedule_get_supersedes (revision), ==, 1);
  g_assert_cmpint (mp2_call_sheet_get_revision (mp2_schedule_get_sheet (revision)), ==, 2);
  g_assert_cmpint (mp2_call_sheet_get_time (mp2_schedule_get_sheet (revision),
                                            MP2_TIME_FIELD_CREW_CALL), ==, 6 * 60 + 30);
  g_assert_cmpstr (json_object_get_string_member (mp2_schedule_get_edits (revision), "my_call"),
                   ==, "06:45");
  g_assert_cmpuint (mp2_schedule_get_changes (revision)->len, ==, 1);
  g_assert_cmpuint (mp2_schedule_get_conflicts (revision)->len, ==, 1);
  conflict = g_ptr_array_index (mp2_schedule_get_conflicts (revision), 0);
  g_assert_cmpstr (json_node_get_string (conflict->theirs), ==, "06:15");
  g_assert_cmpstr (mp2_schedule_get_plan_json (revision), ==, "{\"leave_at\":\"05:40\"}");

  current = mp2_store_find_day (store, "cicha woda|2025-03-12", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_id (current), ==, 2);

  failed = mp2_store_get_schedule (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_state (failed), ==, MP2_DAY_STATE_FAILED);
  g_assert_cmpstr (mp2_schedule_get_error_code (failed), ==, "encrypted");
  g_assert_null (mp2_schedule_get_sheet (failed));

  g_assert_true (mp2_store_has_message (store, "18e4c1a2b3d4e5f6", &error));
  /* version 2: the calendar router's, under an id that names its sink */
  link = mp2_store_get_calendar_link (store, "cicha woda|2025-03-12", "calendar", &error);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->calendar_id, ==, "google:primary");
  g_assert_cmpstr (link->etag, ==, "\"3381\"");
  history = mp2_store_get_sync_state (store, "crew@example.com", &error);
  g_assert_cmpstr (history, ==, "91544");
  place = mp2_store_cache_get (store, "geocode:nominatim:ul. Chełmska 21, Warszawa");
  g_assert_nonnull (place);
  weather = mp2_store_cache_get (store, "weather:open-meteo:52.19,21.04:2025-03-12");
  g_assert_null (weather);

  mp2_test_remove_tree (tmp);
}

/* Async ------------------------------------------------------------------------------- */

static void
on_ready_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 id = add_callsheet (fixture, "T3_02.pdf");
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet ("T3_02.pdf");
  g_autofree char *sha256 = sha256_of (pdf);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(Mp2Store) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(Mp2Schedule) schedule = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;

  mp2_store_open_async (fixture->directory, NULL, on_ready_cb, &result);
  store = mp2_store_open_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  mp2_store_list_schedules_async (store, MP2_STORE_LIST_CURRENT, NULL, on_ready_cb, &result);
  list = mp2_store_list_schedules_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  assert_ids (list, &id, 1);
  g_clear_object (&result);

  mp2_store_get_schedule_async (store, id, NULL, on_ready_cb, &result);
  schedule = mp2_store_get_schedule_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mp2_schedule_get_document (schedule), ==, sha256);
  g_clear_object (&result);

  mp2_store_get_schedule_async (store, id + 1, NULL, on_ready_cb, &result);
  g_assert_null (mp2_store_get_schedule_finish (store, wait_for (&result), &error));
  g_assert_error (error, MP2_STORE_ERROR, MP2_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  mp2_store_load_pdf_async (store, sha256, NULL, on_ready_cb, &result);
  loaded = mp2_store_load_pdf_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, pdf));
  g_clear_object (&result);

  g_cancellable_cancel (cancelled);
  mp2_store_list_schedules_async (store, MP2_STORE_LIST_CURRENT, cancelled, on_ready_cb, &result);
  g_assert_null (mp2_store_list_schedules_finish (store, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  mp2_store_open_async (fixture->directory, cancelled, on_ready_cb, &result);
  g_assert_null (mp2_store_open_finish (wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
}

/* Threads ----------------------------------------------------------------------------- */

#define N_THREADS 8

typedef struct
{
  Mp2Store *store;
  GBytes   *pdfs[G_N_ELEMENTS (test_pdfs)];
  gint64    ids[N_THREADS][G_N_ELEMENTS (test_pdfs)];
  int       new_ones;     /* atomic */
} ThreadTest;

typedef struct
{
  ThreadTest *test;
  guint       index;
} ThreadJob;

static gpointer
import_all_thread (gpointer data)
{
  ThreadJob *job = data;
  ThreadTest *test = job->test;
  guint n = G_N_ELEMENTS (test_pdfs);

  for (guint k = 0; k < n; k++)
    {
      /* each thread in its own order */
      guint i = (k * 7 + job->index * 3) % n;
      g_autoptr(GError) error = NULL;
      g_autoptr(Mp2Schedule) schedule = NULL;
      gboolean known = FALSE;

      test->ids[job->index][i] = mp2_store_add_document (test->store, test->pdfs[i], NULL, &known,
                                                         &error);
      g_assert_no_error (error);
      if (!known)
        g_atomic_int_inc (&test->new_ones);

      schedule = mp2_store_get_schedule (test->store, test->ids[job->index][i], &error);
      g_assert_no_error (error);
      g_assert_true (mp2_store_save_schedule (test->store, schedule, &error));
      g_assert_no_error (error);
      g_assert_true (mp2_store_save_plan (test->store, mp2_schedule_get_id (schedule), "{}",
                                          NULL, &error));
      g_assert_no_error (error);
    }

  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  ThreadTest test = { .store = fixture->store };
  ThreadJob jobs[N_THREADS];
  GThread *threads[N_THREADS];
  guint n = G_N_ELEMENTS (test_pdfs);

  for (guint i = 0; i < n; i++)
    test.pdfs[i] = mp2_test_load_callsheet (test_pdfs[i]);

  for (guint t = 0; t < N_THREADS; t++)
    {
      jobs[t] = (ThreadJob) { &test, t };
      threads[t] = g_thread_new ("import", import_all_thread, &jobs[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);

  /* each PDF became one schedule, and every thread was told the same one */
  g_assert_cmpint (g_atomic_int_get (&test.new_ones), ==, (int) n);
  for (guint i = 0; i < n; i++)
    {
      for (guint t = 1; t < N_THREADS; t++)
        g_assert_cmpint (test.ids[t][i], ==, test.ids[0][i]);
    }
  g_assert_cmpint (count_rows (fixture->directory, "SELECT count(*) FROM schedules"), ==, n);
  g_assert_cmpint (count_rows (fixture->directory,
                               "SELECT count(*) FROM schedules WHERE plan_json = '{}'"), ==, n);

  for (guint i = 0; i < n; i++)
    g_bytes_unref (test.pdfs[i]);
}

/* Crashes ------------------------------------------------------------------------------ */

/* The child: CRASH_THREADS threads import variants of the test PDFs and move their
 * schedules along (parsed or failed, a revision of their day or not, needs review,
 * confirmed, synced; edited after syncing, retried after failing), until the parent
 * kills the process. Each thread has days of its own, as the pipeline's identify lock
 * would give it. Each generation (one child) adds a few variants to choose from, so
 * that every child also imports PDFs the store has not seen. */

typedef struct
{
  Mp2Store *store;
  GBytes  **pdfs;
  guint     n_pdfs;
  guint     index;
  guint32   seed;
  guint     n_variants;
} CrashWorker;

static void
crash_check (gboolean  ok,
             GError   *error)
{
  if (!ok)
    g_error ("crash child: %s", error != NULL ? error->message : "failed");
}

/* Bytes after %%EOF: the same sheet to a reader, another document to the store. */
static GBytes *
make_variant (GBytes *pdf,
              guint   variant)
{
  g_autofree char *tail = g_strdup_printf ("\n%% mp2-store crash test, variant %u\n", variant);
  GByteArray *array = g_byte_array_new ();

  g_byte_array_append (array, g_bytes_get_data (pdf, NULL), (guint) g_bytes_get_size (pdf));
  g_byte_array_append (array, (const guint8 *) tail, (guint) strlen (tail));

  return g_byte_array_free_to_bytes (array);
}

static void
crash_parse (Mp2Store    *store,
             Mp2Schedule *schedule,
             guint        thread,
             guint        variant)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *production = g_strdup_printf ("Crash %u", thread);

  if (variant % 7 == 0)
    {
      mp2_schedule_set_error (schedule, "not-a-call-sheet", "Not a call sheet.");
      mp2_schedule_set_state (schedule, MP2_DAY_STATE_FAILED);
    }
  else
    {
      set_parsed (schedule, production, 1 + (int) variant % 3, 1 + (int) variant,
                  MP2_DAY_STATE_PARSED);
    }

  crash_check (mp2_store_save_schedule (store, schedule, &error), error);
}

static void
crash_identify (Mp2Store    *store,
                Mp2Schedule *schedule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2Schedule) current = NULL;

  current = mp2_store_find_day (store, mp2_schedule_get_day_key (schedule),
                                mp2_schedule_get_id (schedule), &error);
  crash_check (error == NULL, error);

  mp2_schedule_set_state (schedule, MP2_DAY_STATE_NEEDS_REVIEW);
  if (current != NULL)
    crash_check (mp2_store_save_revision (store, current, schedule, &error), error);
  else
    crash_check (mp2_store_save_schedule (store, schedule, &error), error);
}

static void
crash_sync (Mp2Store    *store,
            Mp2Schedule *schedule)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = g_strdup_printf ("uid-%s", mp2_schedule_get_day_key (schedule));
  g_autoptr(Mp2CalendarLink) link = mp2_calendar_link_new ("ics", "crash", uid, NULL);

  crash_check (mp2_store_save_synced (store, schedule, link, &error), error);
}

/* The user corrects a synced day, or a failed document is read again. */
static void
crash_go_back (Mp2Store    *store,
               Mp2Schedule *schedule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) edits = json_from_string ("{\"my_call\": \"05:45\"}", NULL);

  if (mp2_schedule_get_state (schedule) == MP2_DAY_STATE_FAILED)
    {
      mp2_schedule_set_error (schedule, NULL, NULL);
      mp2_schedule_set_state (schedule, MP2_DAY_STATE_NEW);
    }
  else
    {
      mp2_schedule_set_edits (schedule, json_node_get_object (edits));
      mp2_schedule_set_state (schedule, MP2_DAY_STATE_NEEDS_REVIEW);
    }

  crash_check (mp2_store_save_schedule (store, schedule, &error), error);
}

static void
crash_touch_the_rest (Mp2Store *store,
                      guint     variant)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("weather:%u", variant % 5);
  g_autofree char *history = g_strdup_printf ("%u", variant);

  crash_check (mp2_store_cache_put (store, key, history, 60, &error), error);
  crash_check (mp2_store_set_sync_state (store, "crash@example.com", history, &error), error);
}

static void
crash_advance (Mp2Store    *store,
               Mp2Schedule *schedule,
               guint        thread,
               guint        variant)
{
  g_autoptr(GError) error = NULL;

  switch (mp2_schedule_get_state (schedule))
    {
    case MP2_DAY_STATE_NEW:
      crash_parse (store, schedule, thread, variant);
      break;

    case MP2_DAY_STATE_PARSED:
      crash_identify (store, schedule);
      break;

    case MP2_DAY_STATE_NEEDS_REVIEW:
      mp2_schedule_set_state (schedule, MP2_DAY_STATE_CONFIRMED);
      crash_check (mp2_store_save_schedule (store, schedule, &error), error);
      break;

    case MP2_DAY_STATE_CONFIRMED:
      crash_sync (store, schedule);
      break;

    case MP2_DAY_STATE_SYNCED:
    case MP2_DAY_STATE_FAILED:
      if (g_random_int_range (0, 3) == 0)
        crash_go_back (store, schedule);
      else
        crash_touch_the_rest (store, variant);
      break;

    default:
      crash_touch_the_rest (store, variant);
      break;
    }
}

static gpointer
crash_worker_thread (gpointer data)
{
  CrashWorker *worker = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (worker->seed + worker->index);

  while (TRUE)
    {
      guint variant = g_rand_int_range (rand, 0, (gint32) worker->n_variants) * CRASH_THREADS +
                      worker->index;
      g_autoptr(GBytes) pdf = make_variant (worker->pdfs[variant % worker->n_pdfs], variant);
      g_autofree char *message_id = g_strdup_printf ("crash-mail-%u", variant / 2);
      Mp2DocumentOrigin origin = { .message_id = message_id, .file_name = "variant.pdf" };
      g_autoptr(Mp2Schedule) schedule = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id;

      id = mp2_store_add_document (worker->store, pdf, &origin, NULL, &error);
      crash_check (id > 0, error);
      schedule = mp2_store_get_schedule (worker->store, id, &error);
      crash_check (schedule != NULL, error);
      crash_advance (worker->store, schedule, worker->index, variant);
    }

  return NULL;
}

static int
run_crash_child (const char *directory,
                 const char *pdf_folder,
                 const char *seed_text,
                 const char *generation_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2Store) store = mp2_store_open (directory, &error);
  GBytes *pdfs[G_N_ELEMENTS (test_pdfs)];
  CrashWorker workers[CRASH_THREADS];
  GThread *threads[CRASH_THREADS];

  crash_check (store != NULL, error);

  for (guint i = 0; i < G_N_ELEMENTS (test_pdfs); i++)
    {
      g_autofree char *path = g_build_filename (pdf_folder, test_pdfs[i], NULL);

      pdfs[i] = mp2_test_load_file (path);
    }

  for (guint t = 0; t < CRASH_THREADS; t++)
    {
      workers[t] = (CrashWorker) {
        store, pdfs, G_N_ELEMENTS (test_pdfs), t,
        (guint32) g_ascii_strtoull (seed_text, NULL, 10),
        12 + 6 * (guint) g_ascii_strtoull (generation_text, NULL, 10),
      };
      threads[t] = g_thread_new ("crash-worker", crash_worker_thread, &workers[t]);
    }

  /* the workers never end: the parent kills the process */
  for (guint t = 0; t < CRASH_THREADS; t++)
    g_thread_join (threads[t]);

  return 1;
}

/* The parent */

typedef struct
{
  gint64 schedules;
  gint64 superseded;
  gint64 synced;
  gint64 failed;
} CrashCounts;

static void
kill_child_after (const char *directory,
                  guint       generation,
                  guint       delay_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_folder = g_test_build_filename (G_TEST_DIST, "data", "callsheets", NULL);
  g_autofree char *seed = g_strdup_printf ("%u", (guint) g_test_rand_int ());
  g_autofree char *generation_text = g_strdup_printf ("%u", generation);
  const char *argv[] = {
    test_program, CRASH_CHILD_ARGUMENT, directory, pdf_folder, seed, generation_text, NULL
  };
  GPid pid = 0;
  int status = 0;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  g_usleep (delay_ms * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* anything else is the child failing by itself */
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("The crash child ended on its own (wait status %d)", status);
}

/* A row never points to a missing or different file. */
static void
assert_documents_on_disk (sqlite3    *db,
                          const char *directory)
{
  g_autoptr(sqlite3_stmt) stmt = raw_prepare (db, "SELECT s.document, s.state, d.size "
                                                  "FROM schedules AS s LEFT JOIN documents AS d "
                                                  "ON d.sha256 = s.document");

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *name = g_strconcat (sha256, ".pdf", NULL);
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *checksum = NULL;

      g_assert_true (mp2_day_state_from_string ((const char *) sqlite3_column_text (stmt, 1),
                                                NULL));
      g_assert_cmpint (sqlite3_column_type (stmt, 2), ==, SQLITE_INTEGER);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

      pdf = mp2_test_load_file (path);
      checksum = sha256_of (pdf);
      g_assert_cmpstr (checksum, ==, sha256);
      g_assert_cmpint (g_bytes_get_size (pdf), ==, sqlite3_column_int64 (stmt, 2));
    }
}

/* No half states: whatever one transaction writes is there whole or not at all. */
static void
assert_no_half_states (sqlite3 *db)
{
  /* a superseded schedule has its revision, and what a revision names is superseded */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM schedules AS s WHERE s.state = 'superseded' "
                                "AND NOT EXISTS (SELECT 1 FROM schedules AS n "
                                "WHERE n.supersedes = s.id)"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM schedules AS n JOIN schedules AS o "
                                "ON o.id = n.supersedes WHERE o.state != 'superseded'"), ==, 0);
  /* a synced schedule has its calendar link */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM schedules AS s WHERE s.state = 'synced' "
                                "AND NOT EXISTS (SELECT 1 FROM calendar_links AS l "
                                "WHERE l.day_key = s.day_key)"), ==, 0);
  /* a parsed schedule has its day */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM schedules WHERE day_key IS NULL "
                                "AND state NOT IN ('new', 'failed')"), ==, 0);
  /* one schedule per document, and a schedule for every document */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM (SELECT document FROM schedules "
                                "GROUP BY document HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM documents AS d WHERE NOT EXISTS "
                                "(SELECT 1 FROM schedules AS s "
                                "WHERE s.document = d.sha256)"), ==, 0);
}

static guint
count_files (const char *directory,
             const char *suffix_pattern)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GPatternSpec) pattern = g_pattern_spec_new (suffix_pattern);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_pattern_spec_match_string (pattern, name))
        n++;
    }

  return n;
}

static void
check_after_crash (const char  *directory,
                   CrashCounts *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2Store) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(sqlite3) db = NULL;

  /* the store opens (finishing a migration the kill interrupted) and reads every row */
  store = mp2_store_open (directory, &error);
  g_assert_no_error (error);
  all = mp2_store_list_schedules (store, MP2_STORE_LIST_SUPERSEDED | MP2_STORE_LIST_DISMISSED,
                                  &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  assert_store_sound (directory);
  db = raw_open (directory);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM schedules"), ==, all->len);
  assert_documents_on_disk (db, directory);
  assert_no_half_states (db);

  counts->schedules = all->len;
  counts->superseded = raw_int (db, "SELECT count(*) FROM schedules WHERE state = 'superseded'");
  counts->synced = raw_int (db, "SELECT count(*) FROM schedules WHERE state = 'synced'");
  counts->failed = raw_int (db, "SELECT count(*) FROM schedules WHERE state = 'failed'");
}

static void
test_crash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mp2-store-XXXXXX", &error);
  g_autofree char *directory = g_build_filename (tmp, "store", NULL);
  CrashCounts counts = { 0 };
  gint64 most_superseded = 0;
  gint64 most_synced = 0;

  g_assert_no_error (error);

  for (int i = 0; i < CRASH_ITERATIONS; i++)
    {
      /* the first kills land while the database is made, the last after a long run */
      guint delay_ms = i < 2 ? 3 + 5 * (guint) i
                       : i == CRASH_ITERATIONS - 1 ? 1500
                       : (guint) g_test_rand_int_range (20, 400);

      kill_child_after (directory, (guint) i, delay_ms);
      check_after_crash (directory, &counts);
      most_superseded = MAX (most_superseded, counts.superseded);
      most_synced = MAX (most_synced, counts.synced);

      g_test_message ("kill %d after %u ms: %" G_GINT64_FORMAT " schedules (%" G_GINT64_FORMAT
                      " superseded, %" G_GINT64_FORMAT " synced, %" G_GINT64_FORMAT " failed); "
                      "%u PDFs and %u temporary files on disk",
                      i + 1, delay_ms, counts.schedules, counts.superseded, counts.synced,
                      counts.failed, count_files (directory, "*.pdf"),
                      count_files (directory, "*.pdf.??????"));
    }

  /* the children got far enough for the checks to mean something */
  g_assert_cmpint (counts.schedules, >, 20);
  g_assert_cmpint (most_superseded, >, 0);
  g_assert_cmpint (most_synced, >, 0);

  mp2_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc == 6 && g_str_equal (argv[1], CRASH_CHILD_ARGUMENT))
    return run_crash_child (argv[2], argv[3], argv[4], argv[5]);

  test_program = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open/creates", Fixture, NULL,
              fixture_set_up, test_open_creates, fixture_tear_down);
  g_test_add_func ("/store/open/too-new", test_open_too_new);
  g_test_add_func ("/store/open/not-a-database", test_open_not_a_database);
  g_test_add ("/store/document/add", Fixture, NULL,
              fixture_set_up, test_add_document, fixture_tear_down);
  g_test_add ("/store/document/load-errors", Fixture, NULL,
              fixture_set_up, test_load_pdf_errors, fixture_tear_down);
  g_test_add ("/store/document/leftover-files", Fixture, NULL,
              fixture_set_up, test_leftover_files, fixture_tear_down);
  g_test_add ("/store/schedule/round-trip", Fixture, NULL,
              fixture_set_up, test_schedule_round_trip, fixture_tear_down);
  g_test_add ("/store/schedule/save-plan", Fixture, NULL,
              fixture_set_up, test_save_plan, fixture_tear_down);
  g_test_add ("/store/schedule/damaged-row", Fixture, NULL,
              fixture_set_up, test_damaged_row, fixture_tear_down);
  g_test_add ("/store/schedule/list-and-find-day", Fixture, NULL,
              fixture_set_up, test_list_and_find_day, fixture_tear_down);
  g_test_add ("/store/schedule/revision", Fixture, NULL,
              fixture_set_up, test_revision, fixture_tear_down);
  g_test_add ("/store/calendar-links", Fixture, NULL,
              fixture_set_up, test_calendar_links, fixture_tear_down);
  g_test_add ("/store/sync-state", Fixture, NULL,
              fixture_set_up, test_sync_state, fixture_tear_down);
  g_test_add ("/store/cache", Fixture, NULL, fixture_set_up, test_cache, fixture_tear_down);
  g_test_add_func ("/store/migrate/from-every-version", test_migrate_from_every_version);
  g_test_add_func ("/store/migrate/version-1-rows", test_version_1_rows);
  g_test_add ("/store/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/store/threads", Fixture, NULL, fixture_set_up, test_threads, fixture_tear_down);
  g_test_add_func ("/store/crash", test_crash);

  status = g_test_run ();
  g_free (test_program);

  return status;
}
