/* test-day-view.c
 *
 * The day page under Xvfb, on a real store and pipeline in a temporary folder: the
 * fields show what the sheet says, an edit is checked as it is typed and saved when
 * applied, the original shows where a field was read, a locked PDF can be unlocked,
 * a revision's conflicts can be resolved, a confirmation can be undone, the page
 * folds when it is narrow, and the day's plan (wake-up, leave, route, weather, what
 * stops it) shows as the pipeline stores it. Screenshots of the page go to
 * $G_TEST_BUILDDIR/screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mp2-day-view.h"
#include "mp2-fake-calendar-sink.h"
#include "mp2-field-row.h"
#include "mp2-pdf-view.h"
#include "mp2-pipeline.h"
#include "mp2-route-card.h"
#include "mp2-store.h"
#include "mp2-test-pipeline.h"
#include "mp2-test-ui.h"
#include "mp2-weather-card.h"

/* On T2_01's crew list, with a call earlier than the crew call. */
#define CREW_NAME "Hanna Wójcik"

/* A folder of this run's own for the user's data and configuration, where a browser
 * of the test's answers https links: it writes the link it was given to a file. */
static char *home_directory;

/* The fixture ----------------------------------------------------------------------------- */

typedef struct
{
  char                *directory;
  Mp2Store            *store;
  GSettings           *settings;
  Mp2Pipeline         *pipeline;
  Mp2FakeCalendarSink *sink;
  GtkWidget           *window;
  AdwToastOverlay     *overlay;
  Mp2DayView          *view;
  Mp2Schedule         *schedule;
} Fixture;

static Mp2Schedule *
import (Fixture    *fixture,
        const char *name)
{
  return mp2_test_pipeline_import (fixture->pipeline, name, 30);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("mp2-day-view-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = mp2_store_open (fixture->directory, &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (fixture->settings, "crew-name", CREW_NAME);

  fixture->pipeline = mp2_pipeline_new (fixture->store, fixture->settings);
  fixture->sink = mp2_fake_calendar_sink_new ();
  if (data == NULL)
    mp2_pipeline_set_calendar_sink (fixture->pipeline, MP2_CALENDAR_SINK (fixture->sink));
  mp2_test_pipeline_start (fixture->pipeline, 30);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 860);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  fixture->view = MP2_DAY_VIEW (mp2_day_view_new (fixture->pipeline));
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->overlay));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  mp2_test_flush ();

  g_clear_object (&fixture->schedule);
  g_clear_object (&fixture->pipeline);
  g_clear_object (&fixture->sink);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  mp2_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
}

/* Helpers ---------------------------------------------------------------------------- */

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  return mp2_test_template_child (fixture->view, MP2_TYPE_DAY_VIEW, name);
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "stack")));
}

static void
show (Fixture    *fixture,
      const char *name)
{
  g_set_object (&fixture->schedule, import (fixture, name));
  mp2_day_view_set_schedule (fixture->view, fixture->schedule);
  mp2_test_flush ();
}

static gboolean
original_is_shown (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkStack *stack = GTK_STACK (child (fixture, "original_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "document") == 0
         && mp2_pdf_view_get_rendered_page (MP2_PDF_VIEW (child (fixture, "pdf_view"))) >= 0;
}

static void
wait_for_original (Fixture *fixture)
{
  mp2_test_wait_until (original_is_shown, fixture, 30, "the original to be shown");
}

static const char *
row_text (Fixture    *fixture,
          const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (fixture, name)));
}

typedef struct
{
  Fixture    *fixture;
  const char *key;
  gboolean    present;
} EditWait;

static gboolean
edit_is (gpointer user_data)
{
  EditWait *wait = user_data;
  JsonObject *edits = mp2_schedule_get_edits (wait->fixture->schedule);

  return json_object_has_member (edits, wait->key) == wait->present;
}

static void
wait_for_edit (Fixture    *fixture,
               const char *key,
               gboolean    present)
{
  EditWait wait = { fixture, key, present };

  mp2_test_wait_until (edit_is, &wait, 20, present ? "the edit to be saved"
                                                  : "the edit to be dropped");
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_text (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Types text in a field row and presses Enter, as a person would. */
static void
type_and_apply (Mp2FieldRow *row,
                const char  *text)
{
  GtkWidget *entry = find_text (GTK_WIDGET (row));

  g_assert_nonnull (entry);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (find_label (c, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer user_data)
{
  LabelWait *wait = user_data;

  return find_label (wait->widget, wait->text);
}

static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  LabelWait wait = { GTK_WIDGET (fixture->overlay), text };

  mp2_test_wait_until (label_is_shown, &wait, 20, text);
}

static guint
count_rows (Fixture    *fixture,
            const char *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (child (fixture, list)));
       c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;

  return n;
}

static GtkWidget *
find_row_with_class (Fixture    *fixture,
                     const char *list,
                     const char *css_class)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (child (fixture, list)));
       c != NULL; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_has_css_class (c, css_class))
      return c;

  return NULL;
}

static gboolean
is_settled (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return FALSE;

  if (GTK_IS_REVEALER (widget)
      && gtk_revealer_get_child_revealed (GTK_REVEALER (widget))
         != gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
    return FALSE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (!is_settled (c))
      return FALSE;

  return TRUE;
}

static gboolean
is_settled_cb (gpointer user_data)
{
  return is_settled (user_data);
}

/* Draws @widget as it is on screen into a PNG in $G_TEST_BUILDDIR/screenshots. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *folder = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_t bounds;

  mp2_test_wait_until (is_settled_cb, widget, 10, "the transitions to end");
  gtk_test_widget_wait_for_draw (widget);
  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  g_mkdir_with_parents (folder, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* Tests --------------------------------------------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (child (fixture, "confirm_button")));
  g_assert_false (gtk_widget_get_sensitive (child (fixture, "dismiss_button")));
}

/* The ground truth of a sheet of the corpus (NAME.json beside NAME.pdf). */
static JsonObject *
load_truth (const char *name)
{
  g_autofree char *path = mp2_test_data_path (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_row_is_truth (Fixture    *fixture,
                     const char *row,
                     JsonObject *truth,
                     const char *member)
{
  JsonNode *node = json_object_get_member (truth, member);
  g_autofree char *expected = NULL;

  g_assert_nonnull (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    expected = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    expected = g_strdup (json_node_get_string (node));

  g_assert_cmpstr (row_text (fixture, row), ==, expected);
}

static void
test_shows_sheet (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) truth = load_truth ("T2_01.json");
  GtkWidget *me;

  show (fixture, "T2_01.pdf");
  g_assert_cmpstr (visible_page (fixture), ==, "day");

  g_assert_cmpstr (gtk_label_get_label (child (fixture, "production_label")), ==,
                   json_object_get_string_member (truth, "production"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (child (fixture, "day_label")),
                                   "Day 12 of 40 · Thursday, 14 March 2024"));
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "state_label")), ==, "Needs review");
  assert_row_is_truth (fixture, "crew_call_row", truth, "crew_call");
  g_assert_cmpstr (row_text (fixture, "crew_call_row"), ==, "06:30");
  assert_row_is_truth (fixture, "shooting_call_row", truth, "shooting_call");
  assert_row_is_truth (fixture, "breakfast_row", truth, "breakfast");
  assert_row_is_truth (fixture, "lunch_row", truth, "lunch");
  assert_row_is_truth (fixture, "wrap_row", truth, "estimated_wrap");
  assert_row_is_truth (fixture, "sunrise_row", truth, "sunrise");
  assert_row_is_truth (fixture, "sunset_row", truth, "sunset");
  assert_row_is_truth (fixture, "production_row", truth, "production");
  assert_row_is_truth (fixture, "date_row", truth, "date");
  assert_row_is_truth (fixture, "shooting_day_row", truth, "shooting_day");
  assert_row_is_truth (fixture, "total_days_row", truth, "total_days");
  g_assert_cmpuint (count_rows (fixture, "places_list"), ==,
                    json_array_get_length (json_object_get_array_member (truth, "locations")));
  g_assert_cmpuint (count_rows (fixture, "scenes_list"), ==,
                    json_array_get_length (json_object_get_array_member (truth, "scenes")));
  g_assert_cmpuint (count_rows (fixture, "cast_list"), ==,
                    json_array_get_length (json_object_get_array_member (truth, "cast")));
  g_assert_cmpuint (count_rows (fixture, "crew_list"), ==,
                    json_array_get_length (json_object_get_array_member (truth, "crew")));
  g_assert_cmpuint (count_rows (fixture, "notes_list"), ==,
                    json_array_get_length (json_object_get_array_member (truth, "notes")));

  /* The user's own call, from their row on the crew list, which is marked. */
  g_assert_cmpstr (row_text (fixture, "my_call_row"), ==, "06:00");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (child (fixture,
                                                                          "times_group")),
                            "from the crew list"));
  me = find_row_with_class (fixture, "crew_list", "me");
  g_assert_nonnull (me);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (me)), ==, CREW_NAME);

  g_assert_false (gtk_widget_get_visible (child (fixture, "conflicts_group")));
  g_assert_false (gtk_revealer_get_reveal_child (child (fixture, "banner_revealer")));

  wait_for_original (fixture);
  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view.png");
}

static void
test_edit_time (Fixture       *fixture,
                gconstpointer  data)
{
  Mp2FieldRow *crew_call;
  Mp2FieldRow *wrap;
  JsonObject *edits;

  show (fixture, "T2_01.pdf");
  crew_call = child (fixture, "crew_call_row");
  g_assert_false (mp2_field_row_get_edited (crew_call));

  /* Typed as a person might; saved as the edit form. */
  type_and_apply (crew_call, "0615");
  wait_for_edit (fixture, "crew_call", TRUE);
  edits = mp2_schedule_get_edits (fixture->schedule);
  g_assert_cmpstr (json_object_get_string_member (edits, "crew_call"), ==, "06:15");
  g_assert_cmpstr (row_text (fixture, "crew_call_row"), ==, "06:15");
  g_assert_true (mp2_field_row_get_edited (crew_call));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (crew_call), "edited"));
  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-edited.png");

  /* A wrap before the call is after midnight. */
  wrap = child (fixture, "wrap_row");
  type_and_apply (wrap, "1:30");
  wait_for_edit (fixture, "estimated_wrap", TRUE);
  edits = mp2_schedule_get_edits (fixture->schedule);
  g_assert_cmpstr (json_object_get_string_member (edits, "estimated_wrap"), ==, "01:30+1");
  g_assert_cmpstr (row_text (fixture, "wrap_row"), ==, "01:30");

  /* Back to the sheet's value. */
  g_signal_emit_by_name (crew_call, "reset");
  wait_for_edit (fixture, "crew_call", FALSE);
  g_assert_cmpstr (row_text (fixture, "crew_call_row"), ==, "06:30");
  g_assert_false (mp2_field_row_get_edited (crew_call));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (crew_call), "edited"));
}

static void
test_invalid_time (Fixture       *fixture,
                   gconstpointer  data)
{
  Mp2FieldRow *row;

  show (fixture, "T2_01.pdf");
  row = child (fixture, "shooting_call_row");

  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "7:4");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (mp2_field_row_get_valid (row));

  g_signal_emit_by_name (find_text (GTK_WIDGET (row)), "activate");
  mp2_test_flush ();
  g_usleep (200 * 1000);
  mp2_test_flush ();
  g_assert_false (json_object_has_member (mp2_schedule_get_edits (fixture->schedule),
                                          "shooting_call"));
  g_assert_false (mp2_field_row_get_edited (row));

  /* Corrected, it is fine again. */
  gtk_editable_set_text (GTK_EDITABLE (row), "7:40");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (mp2_field_row_get_valid (row));

  /* Dates and numbers are checked the same way. */
  row = child (fixture, "date_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "2024-02-30");
  g_assert_false (mp2_field_row_get_valid (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "15 marca 2024");
  g_assert_true (mp2_field_row_get_valid (row));
  row = child (fixture, "shooting_day_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "twelve");
  g_assert_false (mp2_field_row_get_valid (row));
}

static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  Mp2PdfView *pdf_view;
  Mp2SourceBox box;
  graphene_rect_t rect;
  guint page;
  GtkWidget *me;

  show (fixture, "T2_01.pdf");
  wait_for_original (fixture);
  pdf_view = child (fixture, "pdf_view");

  gtk_widget_grab_focus (child (fixture, "crew_call_row"));
  mp2_test_flush ();
  g_assert_true (mp2_call_sheet_get_position (mp2_schedule_get_sheet (fixture->schedule),
                                              "crew_call", &box));
  g_assert_true (mp2_pdf_view_get_highlight (pdf_view, &page, &rect));
  g_assert_cmpuint (page, ==, box.page);
  g_assert_cmpfloat_with_epsilon (rect.origin.x, box.x, 0.01);
  g_assert_cmpfloat_with_epsilon (rect.origin.y, box.y, 0.01);
  g_assert_cmpfloat_with_epsilon (rect.size.width, box.width, 0.01);
  g_assert_cmpfloat_with_epsilon (rect.size.height, box.height, 0.01);
  g_assert_cmpuint (mp2_pdf_view_get_page (pdf_view), ==, box.page);

  /* The user's own row on the crew list, where it was read. */
  me = find_row_with_class (fixture, "crew_list", "me");
  gtk_widget_grab_focus (me);
  mp2_test_flush ();
  g_assert_true (mp2_pdf_view_get_highlight (pdf_view, &page, &rect));
  g_assert_cmpuint (page, ==, mp2_pdf_view_get_page (pdf_view));
  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-highlight.png");
}

static gboolean
is_readable (gpointer user_data)
{
  Fixture *fixture = user_data;

  return mp2_schedule_get_state (fixture->schedule) != MP2_DAY_STATE_FAILED;
}

static gboolean
password_was_refused (gpointer user_data)
{
  Fixture *fixture = user_data;

  return gtk_widget_get_visible (child (fixture, "password_error_label"));
}

static void
test_encrypted (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *row;

  show (fixture, "neg_encrypted.pdf");
  g_assert_cmpint (mp2_schedule_get_state (fixture->schedule), ==, MP2_DAY_STATE_FAILED);
  g_assert_cmpstr (visible_page (fixture), ==, "failed");
  g_assert_cmpstr (adw_status_page_get_title (child (fixture, "failed_page")), ==,
                   "Password Required");
  g_assert_true (gtk_widget_get_visible (child (fixture, "password_box")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "retry_button")));
  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-locked.png");

  row = child (fixture, "password_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "not-the-password");
  g_signal_emit_by_name (row, "entry-activated");
  mp2_test_wait_until (password_was_refused, fixture, 20, "the password to be refused");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (visible_page (fixture), ==, "failed");

  gtk_editable_set_text (GTK_EDITABLE (row), "secret");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_widget_activate (child (fixture, "unlock_button"));
  mp2_test_wait_until (is_readable, fixture, 20, "the document to be read");
  mp2_test_flush ();

  /* The same day, readable now, and still in the list. */
  g_assert_cmpstr (visible_page (fixture), ==, "day");
  g_assert_nonnull (mp2_schedule_get_sheet (fixture->schedule));
  g_assert_nonnull (mp2_pipeline_lookup (fixture->pipeline,
                                         mp2_schedule_get_id (fixture->schedule)));
  wait_for_original (fixture);
}

static gboolean
has_no_conflicts (gpointer user_data)
{
  Fixture *fixture = user_data;

  return mp2_schedule_get_conflicts (fixture->schedule)->len == 0;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Mp2Schedule) revision = NULL;
  GtkWidget *conflicts;
  GtkWidget *take;

  /* An edit of the first sheet, which the revision changes too. */
  show (fixture, "T2_rev1.pdf");
  type_and_apply (child (fixture, "crew_call_row"), "05:55");
  wait_for_edit (fixture, "crew_call", TRUE);

  revision = import (fixture, "T2_rev2.pdf");
  g_assert_true (revision != fixture->schedule);
  g_assert_cmpint (mp2_schedule_get_state (fixture->schedule), ==, MP2_DAY_STATE_SUPERSEDED);
  g_assert_cmpuint (mp2_schedule_get_conflicts (revision)->len, >=, 1);

  g_set_object (&fixture->schedule, revision);
  mp2_day_view_set_schedule (fixture->view, revision);
  mp2_test_flush ();

  /* The revision's changes, and the conflict with both choices. */
  g_assert_true (gtk_revealer_get_reveal_child (child (fixture, "banner_revealer")));
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "revision_label")), ==, "Revision 2");
  conflicts = child (fixture, "conflicts_group");
  g_assert_true (gtk_widget_get_visible (conflicts));
  g_assert_cmpuint (count_rows (fixture, "conflicts_list"),
                    ==, mp2_schedule_get_conflicts (revision)->len);
  g_assert_nonnull (find_button (conflicts, "_Keep Mine"));
  take = find_button (conflicts, "_Take Theirs");
  g_assert_nonnull (take);
  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-revision.png");

  while ((take = find_button (conflicts, "_Take Theirs")) != NULL)
    {
      gtk_widget_activate (take);
      mp2_test_wait_until (has_no_conflicts, fixture, 20, "the conflicts to be resolved");
      mp2_test_flush ();
      if (mp2_schedule_get_conflicts (revision)->len == 0)
        break;
    }

  g_assert_false (gtk_widget_get_visible (conflicts));
  g_assert_false (json_object_has_member (mp2_schedule_get_edits (revision), "crew_call"));

  /* The banner can be put away. */
  g_signal_emit_by_name (child (fixture, "banner_close_button"), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (child (fixture, "banner_revealer")));
}

static gboolean
is_in_state (gpointer user_data)
{
  gpointer *args = user_data;

  return (int) mp2_schedule_get_state (args[0]) == GPOINTER_TO_INT (args[1]);
}

static void
wait_for_state (Fixture     *fixture,
                Mp2DayState  state)
{
  gpointer args[] = { fixture->schedule, GINT_TO_POINTER (state) };

  mp2_test_wait_until (is_in_state, args, 20, mp2_day_state_to_string (state));
}

static void
test_confirm (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *toast_button;

  show (fixture, "T2_01.pdf");
  g_assert_true (gtk_widget_get_sensitive (child (fixture, "confirm_button")));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "day.confirm", NULL);
  wait_for_state (fixture, MP2_DAY_STATE_SYNCED);
  wait_for_toast (fixture, "Added to your calendar");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "state_label")), ==,
                   "In your calendar");
  g_assert_cmpuint (mp2_fake_calendar_sink_get_n_events (fixture->sink), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (child (fixture, "confirm_button")));

  /* Undo, from the toast. */
  toast_button = find_button (GTK_WIDGET (fixture->overlay), "Undo");
  g_assert_nonnull (toast_button);
  gtk_widget_activate (toast_button);
  wait_for_state (fixture, MP2_DAY_STATE_NEEDS_REVIEW);
  wait_for_toast (fixture, "Removed from your calendar");
  g_assert_cmpuint (mp2_fake_calendar_sink_get_n_events (fixture->sink), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (child (fixture, "confirm_button")));
}

static void
test_confirm_fails (Fixture       *fixture,
                    gconstpointer  data)
{
  /* No calendar: the error is said, the day waits. */
  show (fixture, "T2_01.pdf");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "day.confirm", NULL);
  wait_for_toast (fixture,
                  "No calendar is available. Check that GNOME’s calendar service is installed, "
                  "then try again.");
  g_assert_cmpint (mp2_schedule_get_state (fixture->schedule), !=, MP2_DAY_STATE_SYNCED);
}

static gboolean
dialog_is_open (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          *(AdwMessageDialog **) user_data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_dismiss (Fixture       *fixture,
              gconstpointer  data)
{
  AdwMessageDialog *dialog = NULL;

  show (fixture, "T2_01.pdf");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "day.dismiss", NULL);
  mp2_test_wait_until (dialog_is_open, &dialog, 10, "the question");

  /* Asked first: cancel keeps the day. */
  adw_message_dialog_response (dialog, "cancel");
  mp2_test_flush ();
  g_assert_cmpint (mp2_schedule_get_state (fixture->schedule), ==, MP2_DAY_STATE_NEEDS_REVIEW);

  dialog = NULL;
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "day.dismiss", NULL);
  mp2_test_wait_until (dialog_is_open, &dialog, 10, "the question");
  adw_message_dialog_response (dialog, "dismiss");
  wait_for_state (fixture, MP2_DAY_STATE_DISMISSED);
  mp2_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "state_label")), ==, "Dismissed");
}

static gboolean
is_folded (gpointer user_data)
{
  Fixture *fixture = user_data;

  return mp2_day_view_get_folded (fixture->view);
}

static void
test_fold (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *fields = child (fixture, "fields_scroller");
  GtkWidget *original = child (fixture, "original_stack");

  show (fixture, "T2_01.pdf");
  wait_for_original (fixture);
  g_assert_false (mp2_day_view_get_folded (fixture->view));
  g_assert_true (gtk_widget_get_visible (fields));
  g_assert_true (gtk_widget_get_visible (original));
  g_assert_false (gtk_widget_get_visible (child (fixture, "original_button")));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 800);
  mp2_test_wait_until (is_folded, fixture, 10, "the view to fold");
  g_assert_true (gtk_widget_get_visible (fields));
  g_assert_false (gtk_widget_get_visible (original));
  g_assert_true (gtk_widget_get_visible (child (fixture, "original_button")));
  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-narrow.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "day.show-original",
                                             NULL));
  g_assert_true (mp2_day_view_get_show_original (fixture->view));
  g_assert_false (gtk_widget_get_visible (fields));
  g_assert_true (gtk_widget_get_visible (original));
  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-narrow-original.png");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "day.show-original", NULL);
  g_assert_true (gtk_widget_get_visible (fields));
}

/* The plan ----------------------------------------------------------------------------- */

/* T2_01 is Thursday, 14 March 2024, with the user's call at 06:00. */
static const char plan_json[] =
  "{\"wake_up\": \"2024-03-14T04:20:00+01:00\", \"leave\": \"2024-03-14T05:20:00+01:00\","
  " \"arrive\": \"2024-03-14T05:43:00+01:00\", \"arrival_target\": \"2024-03-14T05:45:00+01:00\","
  " \"call\": \"2024-03-14T06:00:00+01:00\","
  " \"home\": {\"lat\": 52.2297, \"lon\": 21.0122, \"name\": \"Chełmska 21, Warszawa\"},"
  " \"set\": {\"lat\": 52.1935, \"lon\": 21.0342, \"name\": \"Studio WFDiF\"},"
  " \"via\": {\"lat\": 52.2100, \"lon\": 21.0200, \"name\": \"Rental Alfa, Puławska 1\"},"
  " \"via_stop_minutes\": 10,"
  " \"parking\": {\"lat\": 52.1900, \"lon\": 21.0300, \"name\": \"Crew parking, gate 2\"},"
  " \"parking_to_set_minutes\": 5,"
  " \"route\": {\"duration\": 1394, \"static_duration\": 1200, \"distance\": 15300,"
  "             \"provider\": \"osrm\", \"estimate\": false},"
  " \"morning_routine_minutes\": 60, \"arrive_early_minutes\": 15,"
  " \"flags\": [\"early-wake-up\"], \"planned_at\": \"2024-03-13T18:00:00+01:00\","
  " \"problems\": []}";

static const char weather_json[] =
  "{\"provider\": \"open-meteo\", \"fetched_at\": 1710349200,"
  " \"sunrise\": \"2024-03-14T06:05:00+01:00\", \"sunset\": \"2024-03-14T17:45:00+01:00\","
  " \"hours\": ["
  "  {\"time\": \"2024-03-14T05:00:00+01:00\", \"temperature\": -1.6,"
  "   \"apparent_temperature\": -5.0, \"precipitation_probability\": 10,"
  "   \"precipitation\": 0.0, \"weather_code\": 0, \"wind_speed\": 3.0, \"wind_gusts\": 6.0},"
  "  {\"time\": \"2024-03-14T06:00:00+01:00\", \"temperature\": 0.4,"
  "   \"apparent_temperature\": -3.0, \"precipitation_probability\": 40,"
  "   \"precipitation\": 0.1, \"weather_code\": 3, \"wind_speed\": 4.0, \"wind_gusts\": 8.0},"
  "  {\"time\": \"2024-03-14T07:00:00+01:00\", \"temperature\": 2.2,"
  "   \"apparent_temperature\": null, \"precipitation_probability\": 80,"
  "   \"precipitation\": 1.2, \"weather_code\": 63, \"wind_speed\": 5.0, \"wind_gusts\": 9.0}],"
  " \"warnings\": [{\"kind\": \"rain\", \"from\": \"2024-03-14T07:00:00+01:00\","
  "                 \"until\": \"2024-03-14T08:00:00+01:00\", \"value\": 80,"
  "                 \"text\": \"Rain likely from 07:00 to 08:00 (80 %) — the day has"
  " exterior scenes\"}],"
  " \"exterior\": true}";

static gpointer
card_child (gpointer    card,
            GType       type,
            const char *name)
{
  return mp2_test_template_child (card, type, name);
}

static const char *
card_label (gpointer    card,
            GType       type,
            const char *name)
{
  return gtk_label_get_label (card_child (card, type, name));
}

static const char *
row_subtitle (gpointer row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;

  return n;
}

/* Scrolls the fields so that @widget is at the top. */
static void
scroll_to (Fixture   *fixture,
           GtkWidget *widget)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (child (fixture, "fields_scroller"));
  GtkWidget *content = gtk_scrolled_window_get_child (scroller);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0),
                                           &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), point.y - 12);
}

static void
install_browser (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_build_filename (home_directory, "data", NULL);
  g_autofree char *config = g_build_filename (home_directory, "config", NULL);
  g_autofree char *applications = g_build_filename (data, "applications", NULL);
  g_autofree char *script = g_build_filename (home_directory, "browser.sh", NULL);
  g_autofree char *opened = g_build_filename (home_directory, "opened", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s'\n",
                                                  opened);
  g_autofree char *desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\n"
                                              "Name=Test Browser\nExec=%s %%u\n"
                                              "MimeType=x-scheme-handler/https;\n", script);
  g_autofree char *desktop_path = g_build_filename (applications, "test-browser.desktop",
                                                    NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);

  g_mkdir_with_parents (applications, 0700);
  g_mkdir_with_parents (config, 0700);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_file_set_contents (desktop_path, desktop, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps, "[Default Applications]\n"
                       "x-scheme-handler/https=test-browser.desktop\n", -1, &error);
  g_assert_no_error (error);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
}

static gboolean
browser_opened (gpointer user_data)
{
  g_autofree char *opened = g_build_filename (home_directory, "opened", NULL);
  g_autofree char *uri = NULL;

  return g_file_get_contents (opened, &uri, NULL, NULL) && *uri != '\0';
}

/* "Open in Maps" gives the route's link to the default browser. */
static void
open_in_maps (gpointer route)
{
  g_autofree char *opened = g_build_filename (home_directory, "opened", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  g_remove (opened);
  gtk_widget_activate (card_child (route, MP2_TYPE_ROUTE_CARD, "maps_button"));
  mp2_test_wait_until (browser_opened, NULL, 20, "the browser to get the route");
  g_file_get_contents (opened, &uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uri, ==, mp2_route_card_get_maps_uri (route));
}

static void
set_plan (Fixture    *fixture,
          const char *plan,
          const char *weather)
{
  mp2_schedule_set_plan_json (fixture->schedule, plan);
  mp2_schedule_set_weather_json (fixture->schedule, weather);
  mp2_test_flush ();
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  gpointer route;
  gpointer weather;
  GtkWidget *hours;
  GtkWidget *first_hour;
  const char *first_tooltip;

  show (fixture, "T2_01.pdf");
  set_plan (fixture, plan_json, weather_json);

  /* Wake-up, leave and arrive, with what they were worked out from. */
  g_assert_true (gtk_widget_get_visible (child (fixture, "plan_list")));
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "wake_up_label")), ==, "04:20");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "leave_label")), ==, "05:20");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "arrive_label")), ==, "05:43");
  g_assert_cmpstr (row_subtitle (child (fixture, "wake_up_row")), ==,
                   "A very early start · 60 minutes before you leave");
  g_assert_true (gtk_widget_has_css_class (child (fixture, "wake_up_row"), "early-wake-up"));
  g_assert_cmpstr (row_subtitle (child (fixture, "arrive_row")), ==,
                   "15 minutes before your call");
  g_assert_false (gtk_widget_get_visible (child (fixture, "problems_list")));
  /* The sheet's own times still show. */
  g_assert_cmpstr (row_text (fixture, "my_call_row"), ==, "06:00");

  /* The route card */
  route = child (fixture, "route_card");
  g_assert_true (gtk_widget_get_visible (route));
  g_assert_cmpstr (card_label (route, MP2_TYPE_ROUTE_CARD, "duration_label"), ==, "23 min");
  g_assert_cmpstr (row_subtitle (card_child (route, MP2_TYPE_ROUTE_CARD, "duration_row")), ==,
                   "20 min without traffic");
  g_assert_cmpstr (card_label (route, MP2_TYPE_ROUTE_CARD, "distance_label"), ==, "15.3 km");
  g_assert_cmpstr (row_subtitle (card_child (route, MP2_TYPE_ROUTE_CARD, "via_row")), ==,
                   "Rental Alfa, Puławska 1");
  g_assert_cmpstr (card_label (route, MP2_TYPE_ROUTE_CARD, "via_label"), ==, "10 min stop");
  g_assert_cmpstr (row_subtitle (card_child (route, MP2_TYPE_ROUTE_CARD, "parking_row")), ==,
                   "Crew parking, gate 2");
  g_assert_cmpstr (card_label (route, MP2_TYPE_ROUTE_CARD, "parking_label"), ==,
                   "5 min to set");
  g_assert_cmpstr (card_label (route, MP2_TYPE_ROUTE_CARD, "provider_label"), ==,
                   "OpenStreetMap (OSRM)");
  g_assert_false (gtk_widget_get_visible (card_child (route, MP2_TYPE_ROUTE_CARD,
                                                      "estimate_label")));
  /* From home to where the car stops: the crew parking. */
  g_assert_cmpstr (mp2_route_card_get_maps_uri (route), ==,
                   "https://www.openstreetmap.org/directions?engine=fossgis_osrm_car"
                   "&route=52.229700,21.012200;52.190000,21.030000");
  g_assert_true (gtk_widget_get_sensitive (card_child (route, MP2_TYPE_ROUTE_CARD,
                                                       "maps_button")));
  open_in_maps (route);

  /* The weather card: the warning first, then one column an hour. */
  weather = child (fixture, "weather_card");
  g_assert_true (gtk_widget_get_visible (weather));
  hours = card_child (weather, MP2_TYPE_WEATHER_CARD, "hours_box");
  g_assert_cmpuint (count_children (hours), ==, 3);
  first_hour = gtk_widget_get_first_child (hours);
  g_assert_true (find_label (first_hour, "05:00"));
  g_assert_true (find_label (first_hour, "-2 °C"));
  g_assert_true (find_label (first_hour, "10 %"));
  g_assert_true (find_label (gtk_widget_get_last_child (hours), "80 %"));
  /* Each hour takes the focus, and is read out whole. */
  g_assert_true (gtk_widget_get_focusable (first_hour));
  first_tooltip = gtk_widget_get_tooltip_text (first_hour);
  g_assert_true (g_str_has_prefix (first_tooltip, "05:00: "));
  g_assert_true (g_str_has_suffix (first_tooltip, ", -2 °C, chance of rain 10 %"));
  g_assert_cmpuint (count_children (card_child (weather, MP2_TYPE_WEATHER_CARD,
                                                "warnings_list")), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_widget_get_first_child (
                       card_child (weather, MP2_TYPE_WEATHER_CARD, "warnings_list")))), ==,
                   "Rain likely from 07:00 to 08:00 (80 %) — the day has exterior scenes");
  g_assert_cmpstr (card_label (weather, MP2_TYPE_WEATHER_CARD, "sun_label"), ==,
                   "Sunrise 06:05 · Sunset 17:45 · Forecast by Open-Meteo");

  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-plan.png");
  scroll_to (fixture, route);
  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-plan-route.png");
}

static void
test_no_plan (Fixture       *fixture,
              gconstpointer  data)
{
  const char *description;

  show (fixture, "T2_01.pdf");
  set_plan (fixture, NULL, NULL);

  g_assert_true (gtk_widget_get_visible (child (fixture, "plan_group")));
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (child (fixture,
                                                                                 "plan_group")),
                                   "The plan (wake-up, route and weather) follows once the "
                                   "set’s address can be looked up."));
  g_assert_false (gtk_widget_get_visible (child (fixture, "plan_list")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "problems_list")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "route_card")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "weather_card")));
  g_assert_cmpstr (row_text (fixture, "my_call_row"), ==, "06:00");
  g_assert_cmpstr (row_text (fixture, "crew_call_row"), ==, "06:30");

  /* A plan that comes later shows at once; one that goes away leaves the sentence. */
  set_plan (fixture, plan_json, NULL);
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "leave_label")), ==, "05:20");
  description = adw_preferences_group_get_description (child (fixture, "plan_group"));
  g_assert_true (description == NULL || *description == '\0');
  set_plan (fixture, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (child (fixture, "plan_list")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "route_card")));
}

static void
test_plan_problems (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *plan =
    "{\"set\": {\"lat\": 52.1935, \"lon\": 21.0342, \"name\": \"Studio WFDiF\"},"
    " \"problems\": ["
    "  {\"step\": \"home\", \"code\": \"not-found\","
    "   \"message\": \"No home address is set.\"},"
    "  {\"step\": \"weather\", \"code\": \"beyond-horizon\","
    "   \"message\": \"The forecast does not reach this day yet.\"}]}";
  GtkWidget *list;
  GtkWidget *home;
  GtkWidget *weather;
  GtkWidget *button;

  show (fixture, "T2_01.pdf");
  set_plan (fixture, plan, NULL);

  g_assert_false (gtk_widget_get_visible (child (fixture, "plan_list")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "route_card")));
  g_assert_cmpstr (adw_preferences_group_get_description (child (fixture, "plan_group")), ==,
                   "Your wake-up and leave times follow once these are solved.");

  list = child (fixture, "problems_list");
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_cmpuint (count_rows (fixture, "problems_list"), ==, 2);

  /* What stops the plan, and what the user can do about it. */
  home = gtk_widget_get_first_child (list);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (home)), ==,
                   "No home address is set.");
  g_assert_cmpstr (row_subtitle (home), ==, "Check the address in Preferences.");
  button = find_button (home, "Open Preferences");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "app.preferences");
  g_assert_true (gtk_widget_get_focusable (button));

  weather = gtk_widget_get_next_sibling (home);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (weather)), ==,
                   "The forecast does not reach this day yet.");
  g_assert_cmpstr (row_subtitle (weather), ==,
                   "It is looked up again by itself as the day comes closer.");
  g_assert_null (find_button (weather, "Open Preferences"));

  save_screenshot (GTK_WIDGET (fixture->overlay), "day-view-plan-problems.png");
}

static void
test_plan_estimate (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *plan =
    "{\"wake_up\": \"2024-03-13T23:50:00+01:00\", \"leave\": \"2024-03-14T00:50:00+01:00\","
    " \"arrive\": \"2024-03-14T05:40:00+01:00\","
    " \"home\": {\"lat\": 50.0614, \"lon\": 19.9366, \"name\": \"Kraków\"},"
    " \"set\": {\"lat\": 52.1935, \"lon\": 21.0342, \"name\": \"Studio WFDiF\"},"
    " \"route\": {\"duration\": 17400, \"static_duration\": -1, \"distance\": 251000,"
    "             \"provider\": \"estimate\", \"estimate\": true},"
    " \"flags\": [\"estimate\"]}";
  gpointer route;

  show (fixture, "T2_01.pdf");
  set_plan (fixture, plan, NULL);

  /* A wake-up before midnight is on the day before. */
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "wake_up_label")), ==,
                   "23:50 (day before)");
  g_assert_cmpstr (gtk_label_get_label (child (fixture, "leave_label")), ==, "00:50");

  route = child (fixture, "route_card");
  g_assert_true (gtk_widget_get_visible (card_child (route, MP2_TYPE_ROUTE_CARD,
                                                     "estimate_label")));
  g_assert_cmpstr (card_label (route, MP2_TYPE_ROUTE_CARD, "duration_label"), ==,
                   "4 h 50 min");
  g_assert_cmpstr (row_subtitle (card_child (route, MP2_TYPE_ROUTE_CARD, "duration_row")), ==,
                   "");
  g_assert_cmpstr (card_label (route, MP2_TYPE_ROUTE_CARD, "distance_label"), ==, "251.0 km");
  g_assert_cmpstr (card_label (route, MP2_TYPE_ROUTE_CARD, "provider_label"), ==,
                   "A straight-line estimate");
  g_assert_false (gtk_widget_get_visible (card_child (route, MP2_TYPE_ROUTE_CARD, "via_row")));
  g_assert_false (gtk_widget_get_visible (card_child (route, MP2_TYPE_ROUTE_CARD,
                                                      "parking_row")));
  g_assert_cmpstr (mp2_route_card_get_maps_uri (route), ==,
                   "https://www.openstreetmap.org/directions?engine=fossgis_osrm_car"
                   "&route=50.061400,19.936600;52.193500,21.034200");
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer),
          gconstpointer data)
{
  g_test_add (path, Fixture, data, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Before GLib reads where the user's data and configuration are. */
  home_directory = g_dir_make_tmp ("mp2-day-view-home-XXXXXX", &error);
  g_assert_no_error (error);
  install_browser ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The app's style, as AdwApplication would load it, for the screenshots. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  add_test ("/day-view/empty", test_empty, NULL);
  add_test ("/day-view/shows-sheet", test_shows_sheet, NULL);
  add_test ("/day-view/edit-time", test_edit_time, NULL);
  add_test ("/day-view/invalid-time", test_invalid_time, NULL);
  add_test ("/day-view/highlight", test_highlight, NULL);
  add_test ("/day-view/encrypted", test_encrypted, NULL);
  add_test ("/day-view/conflicts", test_conflicts, NULL);
  add_test ("/day-view/confirm", test_confirm, NULL);
  add_test ("/day-view/confirm-without-calendar", test_confirm_fails, "no calendar");
  add_test ("/day-view/dismiss", test_dismiss, NULL);
  add_test ("/day-view/fold", test_fold, NULL);
  add_test ("/day-view/plan", test_plan, NULL);
  add_test ("/day-view/no-plan", test_no_plan, NULL);
  add_test ("/day-view/plan-problems", test_plan_problems, NULL);
  add_test ("/day-view/plan-estimate", test_plan_estimate, NULL);

  status = g_test_run ();
  mp2_test_remove_tree (home_directory);
  g_free (home_directory);

  return status;
}
