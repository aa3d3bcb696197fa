/* test-google-soak.c
 *
 * The whole Google path under a fault schedule, with crashes: 200 call-sheet mails
 * in the fake Google; a worker process that does what the app does (the Gmail source
 * feeding the pipeline on a real store, days corrected and confirmed into Google
 * Calendar through the router) is killed once in the middle of the first Gmail sync
 * and once in the middle of the calendar writes, and a third one finishes. Then:
 * every PDF was read exactly once and stored once, every mail carries the label,
 * every day has exactly one event, with the user's correction in it, and no
 * correction was lost. Afterwards, neither the refresh token nor an access token is
 * in any file the worker wrote or in any line it or this test logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* memmem () */

#include "config.h"

#include <glib/gprintf.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "mp2-calendar-router.h"
#include "mp2-day-event.h"
#include "mp2-fake-google.h"
#include "mp2-gmail-source.h"
#include "mp2-google-calendar-sink.h"
#include "mp2-pipeline.h"
#include "mp2-test-account.h"
#include "mp2-test-browser.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

#define WORKER_ARGUMENT "--worker"
#define N_MAILS         200
#define LABEL           "Film Schedule"
#define CALENDAR        MP2_FAKE_GOOGLE_CALENDAR_ID
#define MY_CALL         "05:47"
#define WORKER_SECONDS  300

static char *test_program;
static GString *test_log;   /* every line this test logged, debug ones too */

/* The worker: the app's Google path without the window ------------------------------- */

typedef struct
{
  Mp2Store       *store;
  Mp2Pipeline    *pipeline;
  Mp2GmailSource *source;
  guint           candidates;   /* found since the last check began */
  guint           writing;      /* edits and confirmations under way */
} Worker;

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_vprintf (format, args);
  va_end (args);
  g_print ("\n");
  fflush (stdout);
}

/* Runs before the pipeline's handler: a mail the store has was offered again. */
static void
on_candidate_found_cb (Mp2MailSource    *source,
                       Mp2MailCandidate *candidate,
                       Worker           *worker)
{
  worker->candidates++;
  if (mp2_store_has_message (worker->store, candidate->id, NULL))
    say ("twice %s", candidate->id);
}

static gboolean
has_edit (Mp2Schedule *schedule)
{
  JsonObject *edits = mp2_schedule_get_edits (schedule);

  return edits != NULL && json_object_has_member (edits, "my_call");
}

typedef struct
{
  Worker *worker;
  char   *day_key;
  gint64  schedule_id;
} Write;

static void
write_free (Write *write)
{
  write->worker->writing--;
  g_free (write->day_key);
  g_free (write);
}

static void
on_confirmed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Write *write = user_data;
  g_autoptr(GError) error = NULL;

  /* a calendar that failed now gets the day again in the next round */
  if (mp2_pipeline_confirm_finish (MP2_PIPELINE (source), result, &error))
    say ("confirmed %s", write->day_key);
  else
    say ("not confirmed %s: %s", write->day_key, error->message);
  write_free (write);
}

static void
on_edited_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Write *write = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_pipeline_set_edit_finish (MP2_PIPELINE (source), result, &error))
    {
      say ("not edited %s: %s", write->day_key, error->message);
      write_free (write);
      return;
    }

  /* Saved: from here on, losing it is a bug. */
  say ("edited %s", write->day_key);
  mp2_pipeline_confirm_async (MP2_PIPELINE (source), write->schedule_id, NULL, on_confirmed_cb,
                              write);
}

/* What the user does with each day to review: corrects their call, then confirms. */
static void
settle_days (Worker *worker)
{
  GListModel *days = mp2_pipeline_get_days (worker->pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(Mp2Schedule) schedule = g_list_model_get_item (days, i);
      Mp2DayState state = mp2_schedule_get_state (schedule);
      Write *write;

      if (state != MP2_DAY_STATE_NEEDS_REVIEW && state != MP2_DAY_STATE_CONFIRMED)
        continue;

      write = g_new0 (Write, 1);
      write->worker = worker;
      write->day_key = g_strdup (mp2_schedule_get_day_key (schedule));
      write->schedule_id = mp2_schedule_get_id (schedule);
      worker->writing++;

      if (has_edit (schedule))
        {
          mp2_pipeline_confirm_async (worker->pipeline, write->schedule_id, NULL,
                                      on_confirmed_cb, write);
        }
      else
        {
          g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), MY_CALL);

          mp2_pipeline_set_edit_async (worker->pipeline, write->schedule_id, "my_call", value,
                                       NULL, on_edited_cb, write);
        }
    }
}

static gboolean
is_quiet (gpointer user_data)
{
  Worker *worker = user_data;

  return worker->writing == 0 && !mp2_pipeline_get_busy (worker->pipeline);
}

static gboolean
all_synced (Worker *worker)
{
  GListModel *days = mp2_pipeline_get_days (worker->pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(Mp2Schedule) schedule = g_list_model_get_item (days, i);

      if (mp2_schedule_get_state (schedule) != MP2_DAY_STATE_SYNCED)
        return FALSE;
    }

  return TRUE;
}

static void
configure_http (Mp2HttpClient *http)
{
  /* the app's limits, with the tests' short waits */
  mp2_google_configure_rate_limits (http);
  mp2_http_client_set_allow_http (http, TRUE);
  mp2_http_client_set_retry_policy (http, 10, 50, 4);
  mp2_http_client_set_max_retry_after (http, 3);
  mp2_http_client_set_breaker (http, 1000, 1);
  mp2_http_client_set_default_timeout (http, 2);
}

static void
configure_settings (GSettings *settings)
{
  g_settings_set_string (settings, "target-calendar", "google:" CALENDAR);
  g_settings_set_string (settings, "crew-name", "");
  g_settings_set_string (settings, "time-zone", "Europe/Warsaw");
}

static int
run_worker (const char *directory)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();
  g_autoptr(Mp2GoogleAccount) account = NULL;
  g_autoptr(Mp2CalendarRouter) router = mp2_calendar_router_new ();
  g_autoptr(Mp2GoogleCalendarSink) sink = NULL;
  g_autoptr(GError) error = NULL;
  Worker worker = { 0 };

  configure_settings (settings);
  configure_http (http);
  account = mp2_google_account_new (http, MP2_FAKE_GOOGLE_CLIENT_ID,
                                    MP2_FAKE_GOOGLE_CLIENT_SECRET);
  if (!mp2_test_account_load (account, &error) ||
      mp2_google_account_get_state (account) != MP2_ACCOUNT_STATE_SIGNED_IN)
    g_error ("The worker is not signed in: %s", error != NULL ? error->message : "no token");

  worker.store = mp2_store_open (directory, &error);
  g_assert_no_error (error);
  worker.pipeline = mp2_pipeline_new (worker.store, settings);
  sink = mp2_google_calendar_sink_new (account, NULL);
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (sink));
  mp2_pipeline_set_calendar_sink (worker.pipeline, MP2_CALENDAR_SINK (router));

  worker.source = mp2_gmail_source_new (account, worker.store, settings, NULL);
  g_signal_connect (worker.source, "candidate-found", G_CALLBACK (on_candidate_found_cb),
                    &worker);
  mp2_pipeline_add_mail_source (worker.pipeline, MP2_MAIL_SOURCE (worker.source),
                                MP2_IMPORT_QUIET_IF_OTHER_DOCUMENT);

  {
    g_autoptr(GAsyncResult) result = NULL;

    mp2_pipeline_start_async (worker.pipeline, NULL, mp2_test_on_result_cb, &result);
    mp2_test_wait_for_result (&result, WORKER_SECONDS, "the pipeline's start");
    mp2_pipeline_start_finish (worker.pipeline, result, &error);
    g_assert_no_error (error);
  }
  say ("started");

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) check_error = NULL;
      gboolean checked;

      worker.candidates = 0;
      mp2_mail_source_check_async (MP2_MAIL_SOURCE (worker.source), NULL,
                                   mp2_test_on_result_cb, &result);
      mp2_test_wait_for_result (&result, WORKER_SECONDS, "a Gmail check");
      checked = mp2_mail_source_check_finish (MP2_MAIL_SOURCE (worker.source), result,
                                              &check_error);
      say ("checked: %u new%s%s", worker.candidates, checked ? "" : ", failed: ",
           checked ? "" : check_error->message);

      mp2_test_wait_until (is_quiet, &worker, WORKER_SECONDS, "the imports");
      settle_days (&worker);
      mp2_test_wait_until (is_quiet, &worker, WORKER_SECONDS, "the calendar");

      if (checked && worker.candidates == 0 && all_synced (&worker))
        {
          say ("done");
          g_object_run_dispose (G_OBJECT (worker.source));
          g_clear_object (&worker.source);
          g_clear_object (&worker.pipeline);
          g_clear_object (&worker.store);
          return 0;
        }
      if (!checked)
        mp2_test_run_for (200);
    }

  say ("no end");
  return 1;
}

/* The test: the fake, the fault schedule and the crashes ------------------------------ */

typedef struct
{
  Mp2FakeGoogle *fake;
  char          *dir;
  char          *store_dir;
  GPtrArray     *mail_ids;
  GString       *output;       /* every worker's stdout and stderr */
  GHashTable    *edited;       /* day key -> times a worker saved its correction */
  guint          runs;
} Soak;

static GLogWriterOutput
record_log_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  GString *log = user_data;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        if (fields[i].length < 0)
          g_string_append (log, fields[i].value);
        else
          g_string_append_len (log, fields[i].value, fields[i].length);
        g_string_append_c (log, '\n');
      }

  /* recorded, not shown: the TAP output stays readable */
  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Messages through g_log (), which GTest's own handler would only print. */
static GLogFunc test_log_handler;

static void
record_message_cb (const char     *log_domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  g_string_append_printf (test_log, "%s\n", message);
  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) == 0)
    test_log_handler (log_domain, log_level, message, user_data);
}

typedef struct
{
  const char   *endpoint;
  Mp2FakeFault  fault;
  guint         skip;
  guint         seconds;
} ScheduledFault;

/* Spread over the run, each once: what Google does on a bad day. */
static const ScheduledFault schedule[] = {
  { "gmail.users.labels.create", MP2_FAKE_FAULT_SERVER_ERROR, 0, 0 },
  { "gmail.users.messages.list", MP2_FAKE_FAULT_UNAVAILABLE, 1, 0 },
  { "gmail.users.messages.get", MP2_FAKE_FAULT_SERVER_ERROR, 10, 0 },
  { "gmail.users.messages.get", MP2_FAKE_FAULT_RATE_LIMIT, 25, 0 },
  { "gmail.users.messages.get", MP2_FAKE_FAULT_QUOTA_RATE_LIMIT, 40, 0 },
  { "gmail.users.messages.attachments.get", MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER, 15, 1 },
  { "gmail.users.messages.attachments.get", MP2_FAKE_FAULT_TRUNCATED, 70, 0 },
  { "gmail.users.messages.get", MP2_FAKE_FAULT_HANG, 90, 3 },
  { "gmail.users.messages.attachments.get", MP2_FAKE_FAULT_TOKEN_EXPIRED, 110, 0 },
  { "gmail.users.messages.get", MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT, 150, 0 },
  { "gmail.users.messages.modify", MP2_FAKE_FAULT_RATE_LIMIT_RETRY_DATE, 30, 1 },
  { "gmail.users.messages.attachments.get", MP2_FAKE_FAULT_UNAVAILABLE, 190, 0 },
  { "gmail.users.history.list", MP2_FAKE_FAULT_HISTORY_TOO_OLD, 0, 0 },
  { "calendar.events.insert", MP2_FAKE_FAULT_UNAVAILABLE, 2, 0 },
  /* stored, but the answer never comes: the retry meets a 409 */
  { "calendar.events.insert", MP2_FAKE_FAULT_HANG, 5, 3 },
  { "calendar.events.patch", MP2_FAKE_FAULT_SERVER_ERROR, 3, 0 },
  { "calendar.events.patch", MP2_FAKE_FAULT_RATE_LIMIT_RETRY_AFTER, 9, 1 },
  { "calendar.events.patch", MP2_FAKE_FAULT_QUOTA_USER_RATE_LIMIT, 20, 0 },
};

static guint fault_ids[G_N_ELEMENTS (schedule)];

static void
soak_set_up (Soak *soak)
{
  g_autofree char *callsheets = g_test_build_filename (G_TEST_DIST, "data", "callsheets", NULL);
  g_autoptr(GPtrArray) mails = NULL;
  g_autoptr(GError) error = NULL;

  soak->fake = mp2_fake_google_new (&error);
  g_assert_no_error (error);
  mp2_fake_google_export_environment (soak->fake);

  soak->mail_ids = g_ptr_array_new_with_free_func (g_free);
  mails = mp2_fake_google_make_synthetic_mails (N_MAILS, callsheets, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < mails->len; i++)
    {
      char *id = mp2_fake_google_add_mail (soak->fake, g_ptr_array_index (mails, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (soak->mail_ids, id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (schedule); i++)
    {
      fault_ids[i] = mp2_fake_google_add_fault (soak->fake, schedule[i].endpoint,
                                                schedule[i].fault, schedule[i].skip, 1);
      if (schedule[i].seconds > 0)
        mp2_fake_google_set_fault_seconds (soak->fake, fault_ids[i], schedule[i].seconds);
    }

  soak->dir = g_dir_make_tmp ("mp2-soak-XXXXXX", &error);
  g_assert_no_error (error);
  soak->store_dir = g_build_filename (soak->dir, "data", "mp2-film-schedule", NULL);
  soak->output = g_string_new (NULL);
  soak->edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
soak_tear_down (Soak *soak)
{
  mp2_test_account_clear_keyring ();
  mp2_test_browser_uninstall ();
  g_clear_object (&soak->fake);
  mp2_test_remove_tree (soak->dir);
  g_free (soak->dir);
  g_free (soak->store_dir);
  g_ptr_array_unref (soak->mail_ids);
  g_string_free (soak->output, TRUE);
  g_hash_table_unref (soak->edited);
}

/* Signs in the way a person does: the browser, the consent, the loopback. */
static void
sign_in (Soak *soak)
{
  g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();
  g_autoptr(Mp2GoogleAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  configure_http (http);
  account = mp2_google_account_new (http, MP2_FAKE_GOOGLE_CLIENT_ID,
                                    MP2_FAKE_GOOGLE_CLIENT_SECRET);
  mp2_test_account_clear_keyring ();
  mp2_test_browser_install ();
  mp2_test_browser_reset (MP2_TEST_BROWSER_FOLLOW);
  g_assert_true (mp2_test_account_sign_in (account, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mp2_google_account_get_email (account), ==, MP2_FAKE_GOOGLE_USER_EMAIL);
}

typedef struct
{
  Soak        *soak;
  const char  *endpoint;   /* NULL: run to the end */
  guint        after;      /* kill once the fake counted this many more */
  guint        start;
  GSubprocess *worker;
  gboolean     exited;
} Run;

static void
on_worker_exited_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  run->exited = TRUE;
}

static guint
count_requests (Soak       *soak,
                const char *pattern)
{
  return mp2_fake_google_get_request_count (soak->fake, pattern);
}

static gboolean
is_time_to_kill (gpointer user_data)
{
  Run *run = user_data;

  return run->exited || count_requests (run->soak, run->endpoint) >= run->start + run->after;
}

static gboolean
has_exited (gpointer user_data)
{
  Run *run = user_data;

  return run->exited;
}

/* Every line a worker said that starts with @verb, with what follows it. */
static void
collect_lines (const char  *output,
               const char  *verb,
               GHashTable  *counts)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  gsize length = strlen (verb);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], verb) && lines[i][length] == ' ')
      {
        const char *key = lines[i] + length + 1;
        guint times = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

        g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (times + 1));
      }
}

/* Runs a worker; kills it (SIGKILL: nothing is flushed or finished) once the fake
 * has counted @after more requests to @endpoint, or lets it finish. */
static char *
run_worker_process (Soak       *soak,
                    const char *endpoint,
                    guint       after)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *name = g_strdup_printf ("worker-%u.log", ++soak->runs);
  g_autofree char *log_path = g_build_filename (soak->dir, name, NULL);
  g_autofree char *xdg_data = g_build_filename (soak->dir, "data", NULL);
  g_autofree char *xdg_cache = g_build_filename (soak->dir, "cache", NULL);
  g_autofree char *xdg_config = g_build_filename (soak->dir, "config", NULL);
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  Run run = { .soak = soak, .endpoint = endpoint, .after = after };

  g_mkdir_with_parents (soak->store_dir, 0700);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg_data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", xdg_cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", xdg_config, TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDERR_MERGE);

  if (endpoint != NULL)
    run.start = count_requests (soak, endpoint);
  run.worker = g_subprocess_launcher_spawn (launcher, &error, test_program, WORKER_ARGUMENT,
                                            soak->store_dir, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (run.worker, NULL, on_worker_exited_cb, &run);

  if (endpoint != NULL)
    {
      mp2_test_wait_until (is_time_to_kill, &run, WORKER_SECONDS, "the moment to kill");
      g_assert_false (run.exited);
      g_subprocess_send_signal (run.worker, SIGKILL);
      mp2_test_wait_until (has_exited, &run, 10, "the killed worker");
      g_assert_true (g_subprocess_get_if_signaled (run.worker));
    }
  else
    {
      mp2_test_wait_until (has_exited, &run, WORKER_SECONDS, "the last worker");
    }

  g_assert_true (g_file_get_contents (log_path, &output, NULL, NULL));
  g_string_append (soak->output, output);
  if (endpoint == NULL)
    {
      if (!g_subprocess_get_if_exited (run.worker) || g_subprocess_get_exit_status (run.worker) != 0)
        g_error ("The last worker failed:\n%s", output);
    }
  g_clear_object (&run.worker);

  return output;
}

static char *
event_id_for_day (const char *day_key)
{
  g_autofree char *uid = mp2_day_event_uid_for_day (day_key);

  return mp2_google_calendar_event_id (uid);
}

/* Days that @output confirmed, each given a new etag in Google as if edited there.
 * Returns: day key -> the new etag */
static GHashTable *
touch_confirmed_events (Soak       *soak,
                        const char *output)
{
  g_autoptr(GHashTable) confirmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  GHashTable *touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer day_key;

  collect_lines (output, "confirmed", confirmed);
  g_assert_cmpuint (g_hash_table_size (confirmed), >, 0);
  g_hash_table_iter_init (&iter, confirmed);
  while (g_hash_table_iter_next (&iter, &day_key, NULL))
    {
      g_autofree char *event_id = event_id_for_day (day_key);
      g_autoptr(JsonObject) event = NULL;

      g_assert_true (mp2_fake_google_touch_event (soak->fake, CALENDAR, event_id));
      event = mp2_fake_google_dup_event (soak->fake, CALENDAR, event_id);
      g_hash_table_insert (touched, g_strdup (day_key),
                           g_strdup (json_object_get_string_member (event, "etag")));
    }

  return touched;
}

/* A touched day confirmed again was patched with the etag it could only have read
 * after its 412. */
static void
assert_touched_events_refetched (Soak       *soak,
                                 GHashTable *touched,
                                 const char *output)
{
  g_autoptr(GHashTable) confirmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GPtrArray) patches = mp2_fake_google_dup_request_lines (soak->fake,
                                                                    "calendar.events.patch");
  GHashTableIter iter;
  gpointer day_key, etag;
  guint checked = 0;

  collect_lines (output, "confirmed", confirmed);
  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &day_key, &etag))
    {
      g_autofree char *if_match = g_strconcat ("If-Match: ", etag, NULL);
      gboolean found = FALSE;

      if (!g_hash_table_contains (confirmed, day_key))
        continue;
      for (guint i = 0; i < patches->len && !found; i++)
        found = strstr (g_ptr_array_index (patches, i), if_match) != NULL;
      g_assert_true (found);
      checked++;
    }

  g_test_message ("%u of %u days changed in Google were written again", checked,
                  g_hash_table_size (touched));
  g_assert_cmpuint (checked, >, 0);
}

/* The store, read as it was left ------------------------------------------------------- */

static sqlite3 *
open_store (Soak *soak)
{
  g_autofree char *path = g_build_filename (soak->store_dir, "film-schedule.db", NULL);
  sqlite3 *db = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDir) dir = g_dir_open (soak->store_dir, 0, NULL);
      const char *name;

      g_clear_pointer (&path, g_free);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".db") || g_str_has_suffix (name, ".sqlite"))
          path = g_build_filename (soak->store_dir, name, NULL);
      g_assert_nonnull (path);
    }

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  return db;
}

static gint64
query_count (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *statement = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);

  return count;
}

/* Rows of two text columns. */
static GPtrArray *
query_pairs (sqlite3    *db,
             const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 3);

      row[0] = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      row[1] = g_strdup ((const char *) sqlite3_column_text (statement, 1));
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (statement);

  return rows;
}

/* Each mail's PDF read once, stored once, labelled. */
static void
assert_every_mail_once (Soak    *soak,
                        sqlite3 *db)
{
  g_autoptr(GHashTable) twice = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *label = mp2_fake_google_lookup_label (soak->fake, LABEL);

  /* no mail offered again once the store had it, in any run */
  collect_lines (soak->output->str, "twice", twice);
  g_assert_cmpuint (g_hash_table_size (twice), ==, 0);

  /* each mail recorded by the source once settled, and its PDF by the pipeline */
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM messages WHERE instr (id, '/') = 0"),
                   ==, N_MAILS);
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM messages WHERE instr (id, '/') > 0"),
                   ==, N_MAILS);
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM documents"), ==, N_MAILS);
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM documents WHERE message_id IS NULL"),
                   ==, 0);
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM schedules"), ==, N_MAILS);
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM schedules WHERE state = 'failed'"),
                   ==, 0);

  g_assert_nonnull (label);
  for (guint i = 0; i < soak->mail_ids->len; i++)
    {
      const char *id = g_ptr_array_index (soak->mail_ids, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM messages "
                                              "WHERE id = '%s' OR id LIKE '%s/%%'", id, id);
      g_auto(GStrv) labels = mp2_fake_google_dup_mail_labels (soak->fake, id);

      g_assert_cmpint (query_count (db, sql), ==, 2);
      g_assert_true (g_strv_contains ((const char * const *) labels, label));
    }
}

/* One event per day, the user's call in it; every saved correction still there. */
static void
assert_days_in_calendar (Soak    *soak,
                         sqlite3 *db)
{
  g_autoptr(GPtrArray) days = query_pairs (db, "SELECT day_key, edits_json FROM schedules "
                                               "WHERE state != 'superseded'");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, times;

  g_assert_cmpuint (days->len, >, 1);
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM schedules "
                                    "WHERE state NOT IN ('superseded', 'synced')"), ==, 0);
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM calendar_links"), ==, days->len);
  g_assert_cmpuint (mp2_fake_google_count_events (soak->fake, CALENDAR), ==, days->len);

  for (guint i = 0; i < days->len; i++)
    {
      char **day = g_ptr_array_index (days, i);
      g_autofree char *uid = mp2_day_event_uid_for_day (day[0]);
      g_autofree char *event_id = mp2_google_calendar_event_id (uid);
      g_autoptr(JsonObject) event = mp2_fake_google_dup_event (soak->fake, CALENDAR, event_id);
      JsonObject *start;

      /* one current schedule per day */
      g_assert_false (g_hash_table_contains (seen, day[0]));
      g_hash_table_add (seen, day[0]);

      g_assert_nonnull (event);
      g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "confirmed");
      start = json_object_get_object_member (event, "start");
      g_assert_nonnull (strstr (json_object_get_string_member (start, "dateTime"),
                                "T" MY_CALL ":00"));
      g_assert_nonnull (strstr (day[1], "\"my_call\":\"" MY_CALL "\""));
    }

  /* saved once, and never needed again after a crash */
  collect_lines (soak->output->str, "edited", soak->edited);
  g_assert_cmpuint (g_hash_table_size (soak->edited), ==, days->len);
  g_hash_table_iter_init (&iter, soak->edited);
  while (g_hash_table_iter_next (&iter, &key, &times))
    {
      g_assert_true (g_hash_table_contains (seen, key));
      g_assert_cmpuint (GPOINTER_TO_UINT (times), ==, 1);
    }
}

/* The secrets: in the keyring and on the wire, nowhere else. */
static void
assert_file_lacks (const char *path,
                   GPtrArray  *secrets)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);

      if (memmem (contents, length, secret, strlen (secret)) != NULL)
        g_error ("A token is written in %s", path);
    }
}

static guint
assert_tree_lacks (const char *path,
                   GPtrArray  *secrets)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint files = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      assert_file_lacks (path, secrets);
      return 1;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      files += assert_tree_lacks (child, secrets);
    }

  return files;
}

static void
assert_no_secret_written (Soak *soak)
{
  g_autofree char *refresh_token = mp2_test_account_lookup_stored_token (MP2_FAKE_GOOGLE_CLIENT_ID);
  GPtrArray *received = mp2_fake_google_get_received_tokens (soak->fake);
  g_autoptr(GPtrArray) secrets = g_ptr_array_new ();
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (refresh_token);
  g_ptr_array_add (secrets, refresh_token);
  g_ptr_array_add (secrets, (gpointer) MP2_FAKE_GOOGLE_CLIENT_SECRET);

  /* one per request: the few distinct access tokens */
  g_assert_cmpuint (received->len, >, 1);
  for (guint i = 0; i < received->len; i++)
    if (g_hash_table_add (distinct, g_ptr_array_index (received, i)))
      g_ptr_array_add (secrets, g_ptr_array_index (received, i));

  /* the store, the worker logs (with every debug line) and the XDG folders */
  g_assert_cmpuint (assert_tree_lacks (soak->dir, secrets), >=, soak->runs + 1);
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);

      g_assert_null (strstr (soak->output->str, secret));
      g_assert_null (strstr (test_log->str, secret));
    }
  /* the logs did say something: redaction is not silence */
  g_assert_nonnull (strstr (soak->output->str, "mp2-net"));
}

static void
test_soak (void)
{
  Soak soak = { 0 };
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GHashTable) touched = NULL;
  sqlite3 *db;

  soak_set_up (&soak);
  sign_in (&soak);

  /* killed while the first sync reads the mails */
  first = run_worker_process (&soak, "gmail.users.messages.get", 70);
  g_assert_nonnull (strstr (first, "started"));
  g_assert_null (strstr (first, "done"));

  /* killed while it writes days to the calendar (the sync goes on meanwhile) */
  second = run_worker_process (&soak, "calendar.events.*", 12);
  g_assert_null (strstr (second, "done"));

  /* meanwhile the user changes days in Google Calendar: writing them again meets a
   * 412, and the sink reads them before it patches them */
  touched = touch_confirmed_events (&soak, second);

  last = run_worker_process (&soak, NULL, 0);
  g_assert_nonnull (strstr (last, "done"));
  assert_touched_events_refetched (&soak, touched, last);

  for (guint i = 0; i < G_N_ELEMENTS (schedule); i++)
    {
      g_test_message ("fault %u (%s): %u hits", i, schedule[i].endpoint,
                      mp2_fake_google_get_fault_hits (soak.fake, fault_ids[i]));
      g_assert_cmpuint (mp2_fake_google_get_fault_hits (soak.fake, fault_ids[i]), ==, 1);
    }
  mp2_fake_google_assert_no_violations (soak.fake);

  db = open_store (&soak);
  assert_every_mail_once (&soak, db);
  assert_days_in_calendar (&soak, db);
  sqlite3_close (db);

  assert_no_secret_written (&soak);
  g_test_message ("%u workers, %u mails, %u events, %u requests", soak.runs, N_MAILS,
                  mp2_fake_google_count_events (soak.fake, CALENDAR),
                  count_requests (&soak, "*"));

  soak_tear_down (&soak);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], WORKER_ARGUMENT))
    return run_worker (argv[2]);

  test_program = g_canonicalize_filename (argv[0], NULL);
  test_log = g_string_new (NULL);
  /* every debug line is made, so that the secrets check sees them all */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (record_log_cb, test_log, NULL);
  g_test_init (&argc, &argv, NULL);
  test_log_handler = g_log_set_default_handler (record_message_cb, NULL);

  g_test_add_func ("/google/soak", test_soak);

  return g_test_run ();
}
