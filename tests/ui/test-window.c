/* test-window.c
 *
 * The main window of the real application under Xvfb, with a store of its own: the
 * welcome page, call sheets opened and dropped becoming days in the sidebar, a page
 * (never a crash) for every kind of file that cannot be read, a revision taking the
 * place of the sheet it revises, and the sidebar's groups and order.
 *
 * One application for the whole program (a second one could not export its object
 * path), so the tests run in order on one growing list of days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-application.h"
#include "mp2-day-row.h"
#include "mp2-test-ui.h"
#include "mp2-window.h"

typedef struct
{
  Mp2Application *application;
  Mp2Window      *window;
} Fixture;

static Mp2Application *the_application;

static GObject *
template_child (Fixture    *fixture,
                const char *name)
{
  return mp2_test_template_child (fixture->window, MP2_TYPE_WINDOW, name);
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "stack")));
}

static guint
count_days (Fixture *fixture)
{
  GtkWidget *list = GTK_WIDGET (template_child (fixture, "days_list"));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += MP2_IS_DAY_ROW (child);

  return n;
}

static Mp2DayRow *
selected_row (Fixture *fixture)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (template_child (fixture,
                                                                                    "days_list")));

  return row != NULL ? MP2_DAY_ROW (row) : NULL;
}

static gboolean
is_not_loading (gpointer user_data)
{
  return g_strcmp0 (visible_page (user_data), "loading") != 0;
}

typedef struct
{
  Fixture *fixture;
  guint    days;
} DayCount;

static gboolean
shows_a_day_among (gpointer user_data)
{
  DayCount *wanted = user_data;
  Mp2DayRow *row = selected_row (wanted->fixture);

  return g_strcmp0 (visible_page (wanted->fixture), "day") == 0
         && count_days (wanted->fixture) == wanted->days && row != NULL
         && mp2_schedule_get_state (mp2_day_row_get_schedule (row)) != MP2_DAY_STATE_NEW;
}

/* Opens a file; @new_days is how many more days the list then has. */
static void
open_and_wait (Fixture    *fixture,
               const char *name,
               guint       new_days)
{
  guint days_after = count_days (fixture) + new_days;
  g_autofree char *path = mp2_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DayCount wanted = { fixture, days_after };

  mp2_application_open_files (fixture->application, &file, 1);
  mp2_test_wait_until (shows_a_day_among, &wanted, 30, "the call sheet to become a day");
}

static Mp2Schedule *
shown_schedule (Fixture *fixture)
{
  Mp2DayRow *row = selected_row (fixture);

  g_assert_nonnull (row);
  return mp2_day_row_get_schedule (row);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->application = the_application;
  g_application_activate (G_APPLICATION (fixture->application));

  fixture->window = MP2_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->application)));
  g_assert_nonnull (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  mp2_test_wait_until (is_not_loading, fixture, 30, "the stored days to load");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mp2_test_flush ();
}

static Mp2Application *
start_application (void)
{
  Mp2Application *application = mp2_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application))
                           | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_cmpstr (visible_page (fixture), ==, "welcome");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture,
                                                                                "sidebar_stack"))),
                   ==, "empty");
  g_assert_true (gtk_widget_get_mapped (
    gtk_stack_get_visible_child (GTK_STACK (template_child (fixture, "stack")))));
}

static void
test_open_call_sheet (Fixture       *fixture,
                      gconstpointer  data)
{
  Mp2Schedule *schedule;
  g_autoptr(Mp2CallSheet) sheet = NULL;

  open_and_wait (fixture, "T2_01.pdf", 1);

  schedule = shown_schedule (fixture);
  g_assert_cmpint (mp2_schedule_get_state (schedule), ==, MP2_DAY_STATE_NEEDS_REVIEW);
  sheet = mp2_schedule_dup_effective_sheet (schedule);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (template_child (fixture,
                                                                  "window_title"))),
                   ==, mp2_call_sheet_get_production (sheet));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture,
                                                                                "sidebar_stack"))),
                   ==, "days");

  /* The same PDF again is the same day. */
  open_and_wait (fixture, "T2_01.pdf", 0);
  g_assert_true (shown_schedule (fixture) == schedule);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *file;
    const char *code;
  } cases[] = {
    { "neg_truncated.pdf", "corrupt" },
    { "neg_empty.pdf", "empty" },
    { "T1_01.json", "not-a-pdf" },
    { "neg_scanned.pdf", "no-text-layer" },
    { "neg_invoice.pdf", "not-a-call-sheet" },
    { "neg_encrypted.pdf", "encrypted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Mp2Schedule *schedule;

      open_and_wait (fixture, cases[i].file, 1);

      /* Each stays listed with its own reason, to be retried or dismissed. */
      schedule = shown_schedule (fixture);
      g_assert_cmpint (mp2_schedule_get_state (schedule), ==, MP2_DAY_STATE_FAILED);
      g_assert_cmpstr (mp2_schedule_get_error_code (schedule), ==, cases[i].code);
      g_assert_nonnull (mp2_schedule_get_error_message (schedule));
      g_assert_cmpstr (mp2_schedule_get_file_name (schedule), ==, cases[i].file);
    }

  /* After bad files, a good one still becomes a day. */
  open_and_wait (fixture, "T3_01.pdf", 1);
  g_assert_cmpint (mp2_schedule_get_state (shown_schedule (fixture)), ==,
                   MP2_DAY_STATE_NEEDS_REVIEW);
}

static gboolean
shows_another_schedule (gpointer user_data)
{
  gpointer *pair = user_data;
  Mp2DayRow *row = selected_row (pair[0]);

  return row != NULL && mp2_day_row_get_schedule (row) != pair[1];
}

static void
test_revision (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = mp2_test_data_path ("T2_rev2.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(Mp2Schedule) first = NULL;
  Mp2Schedule *revision;
  gpointer pair[2];
  guint days;

  open_and_wait (fixture, "T2_rev1.pdf", 1);
  first = g_object_ref (shown_schedule (fixture));
  days = count_days (fixture);

  /* The revision takes the first sheet's place in the list and on screen. */
  mp2_application_open_files (fixture->application, &file, 1);
  pair[0] = fixture;
  pair[1] = first;
  mp2_test_wait_until (shows_another_schedule, pair, 30, "the revision to take the day's place");
  g_assert_cmpuint (count_days (fixture), ==, days);
  revision = shown_schedule (fixture);
  g_assert_true (revision != first);
  g_assert_cmpint (mp2_call_sheet_get_revision (mp2_schedule_get_sheet (revision)), ==, 2);
  g_assert_cmpint (mp2_schedule_get_supersedes (revision), ==, mp2_schedule_get_id (first));
  g_assert_cmpuint (mp2_schedule_get_changes (revision)->len, >, 0);
}

static GtkDropTarget *
find_drop_target (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = NULL;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (template_child (fixture, "leaflet")));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static void
test_drop_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first_path = mp2_test_data_path ("T1_02.pdf");
  g_autofree char *second_path = mp2_test_data_path ("T3_02.pdf");
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  GFile *files[] = { first, second };
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = find_drop_target (fixture);
  gboolean accepted = FALSE;
  DayCount wanted = { fixture, count_days (fixture) + 2 };

  g_assert_nonnull (target);

  /* Dropping two call sheets: both become days, and one of them is shown. */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, G_N_ELEMENTS (files)));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  mp2_test_wait_until (shows_a_day_among, &wanted, 30, "the dropped call sheets to become days");
}

static gboolean
shows_schedule (gpointer user_data)
{
  gpointer *pair = user_data;
  Mp2DayRow *row = selected_row (pair[0]);

  return row != NULL && mp2_day_row_get_schedule (row) == pair[1];
}

/* A notification's Review button: the app's show-day action brings up that day. */
static void
test_show_day (Fixture       *fixture,
               gconstpointer  data)
{
  Mp2Schedule *first;
  gpointer pair[2];

  open_and_wait (fixture, "T4_01.pdf", 1);
  first = shown_schedule (fixture);
  open_and_wait (fixture, "T4_02.pdf", 1);
  g_assert_true (shown_schedule (fixture) != first);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "show-day",
                                  g_variant_new_int64 (mp2_schedule_get_id (first)));
  pair[0] = fixture;
  pair[1] = first;
  mp2_test_wait_until (shows_schedule, pair, 10, "the day of the notification to be shown");
}

/* Groups and order, on days made by hand ---------------------------------------------- */

static Mp2Schedule *
make_day (gint64       id,
          Mp2DayState  state,
          int          year,
          int          month,
          int          day)
{
  Mp2Schedule *schedule = mp2_schedule_new ();
  g_autoptr(Mp2CallSheet) sheet = mp2_call_sheet_new ();

  mp2_call_sheet_set_date (sheet, year, month, day);
  mp2_schedule_set_id (schedule, id);
  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_state (schedule, state);

  return schedule;
}

static void
test_groups_and_order (void)
{
  g_autoptr(Mp2Schedule) review_late = make_day (1, MP2_DAY_STATE_NEEDS_REVIEW, 2025, 3, 30);
  g_autoptr(Mp2Schedule) review_soon = make_day (2, MP2_DAY_STATE_NEEDS_REVIEW, 2025, 3, 20);
  g_autoptr(Mp2Schedule) failed = make_day (3, MP2_DAY_STATE_FAILED, 2025, 1, 1);
  g_autoptr(Mp2Schedule) upcoming_soon = make_day (4, MP2_DAY_STATE_SYNCED, 2025, 3, 16);
  g_autoptr(Mp2Schedule) upcoming_late = make_day (5, MP2_DAY_STATE_SYNCED, 2025, 4, 2);
  g_autoptr(Mp2Schedule) past_recent = make_day (6, MP2_DAY_STATE_SYNCED, 2025, 3, 14);
  g_autoptr(Mp2Schedule) past_old = make_day (7, MP2_DAY_STATE_CONFIRMED, 2025, 2, 1);
  Mp2Schedule *order[] = { failed, review_soon, review_late, upcoming_soon, upcoming_late,
                           past_recent, past_old };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 3, 2025);

  g_assert_cmpint (mp2_day_group_for (failed, &today), ==, MP2_DAY_GROUP_NEEDS_REVIEW);
  g_assert_cmpint (mp2_day_group_for (review_late, &today), ==, MP2_DAY_GROUP_NEEDS_REVIEW);
  g_assert_cmpint (mp2_day_group_for (upcoming_soon, &today), ==, MP2_DAY_GROUP_UPCOMING);
  g_assert_cmpint (mp2_day_group_for (past_recent, &today), ==, MP2_DAY_GROUP_PAST);
  g_assert_cmpint (mp2_day_group_for (past_old, &today), ==, MP2_DAY_GROUP_PAST);

  /* Waiting days by date, the soonest first (an old failed one first of all); coming
   * days the soonest first; past days the most recent first. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    for (guint j = 0; j < G_N_ELEMENTS (order); j++)
      {
        int got = mp2_day_compare (order[i], order[j], &today);

        if (i < j)
          g_assert_cmpint (got, <, 0);
        else if (i > j)
          g_assert_cmpint (got, >, 0);
      }
}

static void
test_size_is_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  Mp2Window *window = g_object_new (MP2_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  mp2_test_flush ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  window = g_object_new (MP2_TYPE_WINDOW, NULL);
  {
    int width = 0, height = 0;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* A store of its own: other programs of the suite run beside this one. */
  data_home = g_dir_make_tmp ("mp2-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_application = start_application ();

  g_test_add ("/window/welcome", Fixture, NULL, fixture_set_up, test_welcome, fixture_tear_down);
  g_test_add ("/window/open-call-sheet", Fixture, NULL, fixture_set_up, test_open_call_sheet,
              fixture_tear_down);
  g_test_add ("/window/bad-files", Fixture, NULL, fixture_set_up, test_bad_files,
              fixture_tear_down);
  g_test_add ("/window/revision", Fixture, NULL, fixture_set_up, test_revision,
              fixture_tear_down);
  g_test_add ("/window/drop-files", Fixture, NULL, fixture_set_up, test_drop_files,
              fixture_tear_down);
  g_test_add ("/window/show-day", Fixture, NULL, fixture_set_up, test_show_day,
              fixture_tear_down);
  g_test_add_func ("/window/groups-and-order", test_groups_and_order);
  g_test_add_func ("/window/size-is-remembered", test_size_is_remembered);

  status = g_test_run ();
  g_clear_object (&the_application);

  return status;
}
