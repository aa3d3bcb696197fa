/* test-pipeline.c
 *
 * The pipeline on a real store and a real calendar (an .ics file through
 * Mp2IcsExport): the same PDF twice is one day; the T2 revised pair is one day whose
 * changes are exactly those of its ground truth, and whose confirmed event is moved,
 * not duplicated; the user's edits survive a revision unless it changed the same
 * field; and a process killed while it confirms days leaves, after a restart, every
 * confirmed day in the calendar exactly once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "mp2-ics-export.h"
#include "mp2-test-files.h"
#include "mp2-test-pipeline.h"
#include "mp2-test-wait.h"

#define CRASH_CHILD_ARGUMENT "--crash-child"
#define WAIT_SECONDS 30

static char *test_program;

typedef struct
{
  char         *directory;
  char         *calendar;   /* the .ics file */
  GSettings    *settings;
  Mp2Store     *store;
  Mp2Pipeline  *pipeline;
} Fixture;

static void
open_pipeline (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2IcsExport) sink = mp2_ics_export_new ();

  fixture->store = mp2_store_open (fixture->directory, &error);
  g_assert_no_error (error);
  fixture->pipeline = mp2_pipeline_new (fixture->store, fixture->settings);
  mp2_pipeline_set_calendar_sink (fixture->pipeline, MP2_CALENDAR_SINK (sink));
  mp2_test_pipeline_start (fixture->pipeline, WAIT_SECONDS);
}

static void
close_pipeline (Fixture *fixture)
{
  g_clear_object (&fixture->pipeline);
  g_clear_object (&fixture->store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("mp2-test-pipeline-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->calendar = g_build_filename (fixture->directory, "calendar.ics", NULL);

  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (fixture->settings, "target-calendar", fixture->calendar);
  g_settings_set_string (fixture->settings, "crew-name", "");
  g_settings_set_string (fixture->settings, "time-zone", "Europe/Warsaw");

  open_pipeline (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_pipeline (fixture);
  g_clear_object (&fixture->settings);
  mp2_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->calendar);
}

/* The calendar file --------------------------------------------------------------- */

static char *
read_calendar (Fixture *fixture)
{
  char *text = NULL;

  if (!g_file_get_contents (fixture->calendar, &text, NULL, NULL))
    return g_strdup ("");

  return text;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

/* How many events of @schedule's day the calendar holds, and its start line. */
static guint
events_of (Fixture      *fixture,
           Mp2Schedule  *schedule,
           char        **dtstart)
{
  g_autofree char *text = read_calendar (fixture);
  g_autofree char *uid = mp2_day_event_uid_for_day (mp2_schedule_get_day_key (schedule));
  g_autofree char *uid_line = g_strconcat ("UID:", uid, NULL);
  const char *event = strstr (text, uid_line);

  if (dtstart != NULL && event != NULL)
    {
      const char *start = strstr (event, "DTSTART");
      const char *end = start != NULL ? strchr (start, '\r') : NULL;

      if (end == NULL && start != NULL)
        end = strchr (start, '\n');
      *dtstart = start != NULL ? g_strndup (start, (gsize) (end - start)) : NULL;
    }

  return count_occurrences (text, uid_line);
}

/* Driving the pipeline ------------------------------------------------------------------ */

static void
confirm (Fixture     *fixture,
         Mp2Schedule *schedule)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_pipeline_confirm_async (fixture->pipeline, mp2_schedule_get_id (schedule), NULL,
                              mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the day to be confirmed");
  mp2_pipeline_confirm_finish (fixture->pipeline, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp2_schedule_get_state (schedule), ==, MP2_DAY_STATE_SYNCED);
}

static void
set_edit (Fixture     *fixture,
          Mp2Schedule *schedule,
          const char  *key,
          const char  *value)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  mp2_pipeline_set_edit_async (fixture->pipeline, mp2_schedule_get_id (schedule), key, node,
                               NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, "the edit to be saved");
  mp2_pipeline_set_edit_finish (fixture->pipeline, result, &error);
  g_assert_no_error (error);
}

static const Mp2DayChange *
find_change (GPtrArray        *changes,
             Mp2DayChangeKind  kind)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const Mp2DayChange *change = g_ptr_array_index (changes, i);

      if (change->kind == kind)
        return change;
    }

  return NULL;
}

static Mp2Schedule *
find_revision_of (Fixture *fixture,
                  gint64   id)
{
  GListModel *days = mp2_pipeline_get_days (fixture->pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(Mp2Schedule) day = g_list_model_get_item (days, i);

      if (mp2_schedule_get_supersedes (day) == id)
        return g_steal_pointer (&day);
    }

  g_error ("No day revises schedule %" G_GINT64_FORMAT, id);
}

/* The tests ------------------------------------------------------------------------ */

static void
test_same_pdf_twice (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Mp2Schedule) first = mp2_test_pipeline_import (fixture->pipeline, "T1_01.pdf",
                                                           WAIT_SECONDS);
  g_autoptr(Mp2Schedule) again = mp2_test_pipeline_import (fixture->pipeline, "T1_01.pdf",
                                                           WAIT_SECONDS);

  g_assert_cmpint (mp2_schedule_get_id (again), ==, mp2_schedule_get_id (first));
  g_assert_cmpuint (g_list_model_get_n_items (mp2_pipeline_get_days (fixture->pipeline)), ==, 1);
}

static Mp2Schedule *
import_from_mail (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(GBytes) pdf = mp2_test_load_callsheet (name);
  g_autofree char *message_id = g_strconcat ("18f00000/", name, NULL);
  Mp2DocumentOrigin origin = {
    .message_id = message_id, .account = "crew@example.com",
    .subject = "Plan zdjęciowy", .file_name = name,
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Mp2Schedule *schedule;

  mp2_pipeline_import_async (fixture->pipeline, pdf, &origin,
                             MP2_IMPORT_QUIET_IF_OTHER_DOCUMENT, NULL,
                             mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, WAIT_SECONDS, name);
  schedule = mp2_pipeline_import_finish (fixture->pipeline, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  return schedule;
}

static void
on_error_occurred_cb (Mp2Pipeline  *pipeline,
                      Mp2Schedule  *schedule,
                      const GError *error,
                      guint        *n_errors)
{
  (*n_errors)++;
}

/* A call-sheet mail's other PDF (an invoice, a map) is set aside without a word; a
 * PDF that cannot be read is a failed day the user is told about. */
static void
test_mail_attachments (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Mp2Schedule) invoice = NULL;
  g_autoptr(Mp2Schedule) encrypted = NULL;
  g_autoptr(Mp2Schedule) sheet = NULL;
  guint n_errors = 0;

  g_signal_connect (fixture->pipeline, "error-occurred", G_CALLBACK (on_error_occurred_cb),
                    &n_errors);

  invoice = import_from_mail (fixture, "neg_invoice.pdf");
  g_assert_cmpint (mp2_schedule_get_state (invoice), ==, MP2_DAY_STATE_DISMISSED);
  g_assert_cmpuint (n_errors, ==, 0);

  encrypted = import_from_mail (fixture, "neg_encrypted.pdf");
  g_assert_cmpint (mp2_schedule_get_state (encrypted), ==, MP2_DAY_STATE_FAILED);
  g_assert_cmpuint (n_errors, ==, 1);

  sheet = import_from_mail (fixture, "T1_01.pdf");
  g_assert_cmpint (mp2_schedule_get_state (sheet), ==, MP2_DAY_STATE_NEEDS_REVIEW);
  g_assert_cmpuint (n_errors, ==, 1);
  g_assert_true (mp2_store_has_message (fixture->store, "18f00000/T1_01.pdf", NULL));

  g_signal_handlers_disconnect_by_data (fixture->pipeline, &n_errors);
}

static void
test_revised_pair (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Mp2Schedule) first = NULL;
  g_autoptr(Mp2Schedule) revision = NULL;
  g_autofree char *start_before = NULL;
  g_autofree char *start_after = NULL;
  GPtrArray *changes;
  const Mp2DayChange *change;

  first = mp2_test_pipeline_import (fixture->pipeline, "T2_rev1.pdf", WAIT_SECONDS);
  confirm (fixture, first);
  g_assert_cmpuint (events_of (fixture, first, &start_before), ==, 1);
  g_assert_nonnull (strstr (start_before, "T061500"));

  revision = mp2_test_pipeline_import (fixture->pipeline, "T2_rev2.pdf", WAIT_SECONDS);
  g_assert_cmpint (mp2_schedule_get_supersedes (revision), ==, mp2_schedule_get_id (first));
  g_assert_cmpint (mp2_schedule_get_state (first), ==, MP2_DAY_STATE_SUPERSEDED);
  g_assert_cmpint (mp2_schedule_get_state (revision), ==, MP2_DAY_STATE_NEEDS_REVIEW);
  g_assert_cmpstr (mp2_schedule_get_day_key (revision), ==, mp2_schedule_get_day_key (first));
  g_assert_cmpuint (g_list_model_get_n_items (mp2_pipeline_get_days (fixture->pipeline)), ==, 1);

  /* Exactly what the ground truth says moved: the crew call (and the shooting call
   * after it), the first set, one added scene. */
  changes = mp2_schedule_get_changes (revision);
  g_assert_cmpuint (changes->len, ==, 4);
  change = find_change (changes, MP2_DAY_CHANGE_CREW_CALL);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->old_value, ==, "06:15");
  g_assert_cmpstr (change->new_value, ==, "06:45");
  change = find_change (changes, MP2_DAY_CHANGE_SHOOTING_CALL);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->new_value, ==, "07:45");
  change = find_change (changes, MP2_DAY_CHANGE_LOCATION);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->new_value, ==, "ul. Szeroka 40, 31-053 Kraków");
  change = find_change (changes, MP2_DAY_CHANGE_SCENE_ADDED);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->key, ==, "scenes/76B");

  /* Confirming the revision moves the one event of the day. */
  confirm (fixture, revision);
  g_assert_cmpuint (events_of (fixture, revision, &start_after), ==, 1);
  g_assert_nonnull (strstr (start_after, "T064500"));
}

static void
test_edits_survive (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Mp2Schedule) first = NULL;
  g_autoptr(Mp2Schedule) revision = NULL;
  JsonObject *edits;
  GPtrArray *conflicts;
  Mp2DayConflict *conflict;

  first = mp2_test_pipeline_import (fixture->pipeline, "T2_rev1.pdf", WAIT_SECONDS);
  set_edit (fixture, first, "estimated_wrap", "16:45");   /* the revision keeps 16:15 */
  set_edit (fixture, first, "crew_call", "06:00");        /* the revision moves it */

  revision = mp2_test_pipeline_import (fixture->pipeline, "T2_rev2.pdf", WAIT_SECONDS);
  edits = mp2_schedule_get_edits (revision);
  g_assert_cmpstr (json_object_get_string_member (edits, "estimated_wrap"), ==, "16:45");
  g_assert_true (json_object_has_member (edits, "crew_call"));

  /* The office changed the crew call too: both values, for the user to choose. */
  conflicts = mp2_schedule_get_conflicts (revision);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->key, ==, "crew_call");
  g_assert_cmpstr (json_node_get_string (conflict->mine), ==, "06:00");
  g_assert_cmpstr (json_node_get_string (conflict->theirs), ==, "06:45");

  /* and the edits hold after a restart */
  close_pipeline (fixture);
  open_pipeline (fixture);
  g_clear_object (&revision);
  revision = find_revision_of (fixture, mp2_schedule_get_id (first));
  g_assert_cmpuint (mp2_schedule_get_conflicts (revision)->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (mp2_schedule_get_edits (revision),
                                                  "estimated_wrap"), ==, "16:45");
}

/* A crash while confirming ---------------------------------------------------------- */

static const char *crash_sheets[] = {
  "T1_01.pdf", "T1_02.pdf", "T1_03.pdf", "T2_01.pdf", "T2_02.pdf", "T2_03.pdf",
  "T3_01.pdf", "T3_02.pdf", "T3_03.pdf", "T4_01.pdf", "T4_02.pdf", "T4_03.pdf",
};

/* The child: imports every sheet and confirms each, again and again (a confirmed day
 * edited goes back to review and is confirmed again), until it is killed. */
static int
run_crash_child (const char *directory)
{
  Fixture fixture = { 0 };

  fixture.directory = g_strdup (directory);
  fixture.calendar = g_build_filename (directory, "calendar.ics", NULL);
  fixture.settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (fixture.settings, "target-calendar", fixture.calendar);
  open_pipeline (&fixture);

  for (guint round = 0; ; round++)
    for (guint i = 0; i < G_N_ELEMENTS (crash_sheets); i++)
      {
        g_autoptr(Mp2Schedule) schedule = mp2_test_pipeline_import (fixture.pipeline,
                                                                    crash_sheets[i],
                                                                    WAIT_SECONDS);
        g_autofree char *wrap = g_strdup_printf ("%02u:%02u", 18 + round % 4, i * 5 % 60);
        Mp2Schedule *day = mp2_pipeline_lookup (fixture.pipeline, mp2_schedule_get_id (schedule));

        if (day == NULL || mp2_schedule_get_sheet (day) == NULL)
          continue;
        set_edit (&fixture, day, "estimated_wrap", wrap);
        confirm (&fixture, day);
      }

  return 0;
}

static void
kill_child_after (const char *directory,
                  guint       delay_ms)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { test_program, CRASH_CHILD_ARGUMENT, directory, NULL };
  GPid pid = 0;
  int status = 0;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  g_usleep (delay_ms * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("The crash child ended on its own (wait status %d)", status);
}

static gboolean
nothing_left_to_sync (gpointer user_data)
{
  Fixture *fixture = user_data;
  GListModel *days = mp2_pipeline_get_days (fixture->pipeline);

  if (mp2_pipeline_get_busy (fixture->pipeline))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(Mp2Schedule) day = g_list_model_get_item (days, i);

      if (mp2_schedule_get_state (day) == MP2_DAY_STATE_CONFIRMED)
        return FALSE;
    }

  return TRUE;
}

/* After the restart: each day is in the calendar at most once, and every day that
 * says it is synced is there. */
static guint
check_calendar (Fixture *fixture)
{
  GListModel *days = mp2_pipeline_get_days (fixture->pipeline);
  guint synced = 0;

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(Mp2Schedule) day = g_list_model_get_item (days, i);
      guint events;

      if (mp2_schedule_get_day_key (day) == NULL)
        continue;

      events = events_of (fixture, day, NULL);
      if (events > 1)
        g_error ("%s is in the calendar %u times", mp2_schedule_get_day_key (day), events);
      if (mp2_schedule_get_state (day) == MP2_DAY_STATE_SYNCED)
        {
          g_assert_cmpuint (events, ==, 1);
          synced++;
        }
    }

  return synced;
}

static void
test_crash_while_confirming (Fixture       *fixture,
                             gconstpointer  data)
{
  static const guint delays_ms[] = { 150, 400, 700, 1100, 1600, 2300 };
  guint synced = 0;

  close_pipeline (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms); i++)
    {
      kill_child_after (fixture->directory, delays_ms[i] + g_test_rand_int_range (0, 100));

      /* The next start finishes what the kill interrupted. */
      open_pipeline (fixture);
      mp2_test_wait_until (nothing_left_to_sync, fixture, WAIT_SECONDS,
                           "the confirmed days to be written");
      synced = check_calendar (fixture);
      g_test_message ("after kill %u: %u days in the calendar", i + 1, synced);
      close_pipeline (fixture);
    }

  g_assert_cmpuint (synced, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], CRASH_CHILD_ARGUMENT))
    {
      char *child_argv[] = { argv[0], NULL };
      char **child_args = child_argv;
      int child_argc = 1;

      /* for the test data's paths */
      g_test_init (&child_argc, &child_args, NULL);
      return run_crash_child (argv[2]);
    }

  test_program = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pipeline/same-pdf-twice", Fixture, NULL, fixture_set_up, test_same_pdf_twice,
              fixture_tear_down);
  g_test_add ("/pipeline/mail-attachments", Fixture, NULL, fixture_set_up,
              test_mail_attachments, fixture_tear_down);
  g_test_add ("/pipeline/revised-pair", Fixture, NULL, fixture_set_up, test_revised_pair,
              fixture_tear_down);
  g_test_add ("/pipeline/edits-survive-a-revision", Fixture, NULL, fixture_set_up,
              test_edits_survive, fixture_tear_down);
  g_test_add ("/pipeline/crash-while-confirming", Fixture, NULL, fixture_set_up,
              test_crash_while_confirming, fixture_tear_down);

  return g_test_run ();
}
