/* test-window.c
 *
 * The main window under Xvfb: the welcome page, a call sheet opened and shown, and a
 * clear page, never a crash, for every kind of file that cannot be shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-pdf-view.h"
#include "mp2-test-ui.h"
#include "mp2-window.h"

typedef struct
{
  Mp2Window *window;
} Fixture;

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

static gboolean
page_is_settled (gpointer user_data)
{
  const char *page = visible_page (user_data);

  return g_strcmp0 (page, "loading") != 0;
}

static void
open_and_wait (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = mp2_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  mp2_window_open_file (fixture->window, file);
  g_assert_cmpstr (visible_page (fixture), ==, "loading");
  mp2_test_wait_until (page_is_settled, fixture, 20, "the document to open");
}

static const char *
error_title (Fixture *fixture)
{
  return adw_status_page_get_title (ADW_STATUS_PAGE (template_child (fixture, "error_page")));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = g_object_new (MP2_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  mp2_test_flush ();
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_cmpstr (visible_page (fixture), ==, "welcome");
  g_assert_true (mp2_window_is_empty (fixture->window));
  g_assert_true (gtk_widget_get_mapped (
    gtk_stack_get_visible_child (GTK_STACK (template_child (fixture, "stack")))));
}

static void
test_open_call_sheet (Fixture       *fixture,
                      gconstpointer  data)
{
  Mp2PdfView *view;

  open_and_wait (fixture, "T2_01.pdf");

  g_assert_cmpstr (visible_page (fixture), ==, "document");
  g_assert_false (mp2_window_is_empty (fixture->window));
  view = MP2_PDF_VIEW (template_child (fixture, "pdf_view"));
  g_assert_cmpuint (mp2_pdf_view_get_n_pages (view), >=, 1);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (template_child (fixture,
                                                                     "window_title"))),
                   ==, "T2_01.pdf");

  /* The viewer's actions reach the window, so its shortcuts work from anywhere. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "pdf.zoom-in", NULL));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *file;
    const char *title;
  } cases[] = {
    { "neg_truncated.pdf", "The PDF Is Damaged" },
    { "neg_empty.pdf", "The File Is Empty" },
    { "T1_01.json", "Not a PDF Document" },
    { "does-not-exist.pdf", "Cannot Open the Call Sheet" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      open_and_wait (fixture, cases[i].file);
      g_assert_cmpstr (visible_page (fixture), ==, "error");
      g_assert_cmpstr (error_title (fixture), ==, cases[i].title);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (fixture,
                                                                          "password_box"))));
    }

  /* After a bad file, a good one still opens. */
  open_and_wait (fixture, "T3_01.pdf");
  g_assert_cmpstr (visible_page (fixture), ==, "document");
}

static void
unlock_with (Fixture    *fixture,
             const char *password)
{
  GtkEditable *row = GTK_EDITABLE (template_child (fixture, "password_row"));

  /* Enter in the password row, as a person would. */
  gtk_editable_set_text (row, password);
  g_signal_emit_by_name (row, "entry-activated");
  mp2_test_wait_until (page_is_settled, fixture, 20, "the document to open");
}

static void
test_encrypted (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *row;

  open_and_wait (fixture, "neg_encrypted.pdf");
  g_assert_cmpstr (visible_page (fixture), ==, "error");
  g_assert_cmpstr (error_title (fixture), ==, "Password Required");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (template_child (fixture, "password_box"))));

  row = GTK_WIDGET (template_child (fixture, "password_row"));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  unlock_with (fixture, "not-the-password");
  g_assert_cmpstr (visible_page (fixture), ==, "error");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  unlock_with (fixture, "secret");
  g_assert_cmpstr (visible_page (fixture), ==, "document");
}

static GtkDropTarget *
find_drop_target (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = NULL;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (template_child (fixture, "stack")));
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
  guint windows_before = g_list_model_get_n_items (gtk_window_get_toplevels ());

  g_assert_nonnull (target);

  /* Dropping two call sheets: the first opens here, the second in a window of its own. */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, G_N_ELEMENTS (files)));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  mp2_test_wait_until (page_is_settled, fixture, 20, "the dropped document to open");
  g_assert_cmpstr (visible_page (fixture), ==, "document");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (template_child (fixture,
                                                                     "window_title"))),
                   ==, "T1_02.pdf");
  /* Without an application, the second file has nowhere else to go. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, windows_before);
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
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/welcome", Fixture, NULL, fixture_set_up, test_welcome, fixture_tear_down);
  g_test_add ("/window/open-call-sheet", Fixture, NULL, fixture_set_up, test_open_call_sheet,
              fixture_tear_down);
  g_test_add ("/window/bad-files", Fixture, NULL, fixture_set_up, test_bad_files,
              fixture_tear_down);
  g_test_add ("/window/encrypted", Fixture, NULL, fixture_set_up, test_encrypted,
              fixture_tear_down);
  g_test_add ("/window/drop-files", Fixture, NULL, fixture_set_up, test_drop_files,
              fixture_tear_down);
  g_test_add_func ("/window/size-is-remembered", test_size_is_remembered);

  return g_test_run ();
}
