/* test-application.c
 *
 * The application's actions and shortcuts: every shortcut it sets is listed in the
 * Keyboard Shortcuts window, and the menu's actions exist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-application.h"
#include "mp2-test-ui.h"

/* One application per process: a second one could not export its object path. */
#define OLD_TARGET_CALENDAR "5f1c0e7a2b9d4c3e8f6a1b2c3d4e5f6a7b8c9d0e"

static GtkApplication *app;

static GtkApplication *
start_application (void)
{
  Mp2Application *application = mp2_application_new ();
  g_autoptr(GError) error = NULL;

  /* Another test may run the real app on the same bus: do not ask for its name. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application))
                           | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return GTK_APPLICATION (application);
}

static char *
help_overlay (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_resources_lookup_data (RESOURCE_BASE_PATH "/gtk/help-overlay.ui",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_every_shortcut_is_listed (void)
{
  g_autofree char *overlay = help_overlay ();
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  g_assert_cmpuint (g_strv_length (actions), >=, 8);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autofree char *needle = g_strdup_printf ("<property name=\"action-name\">%s</property>",
                                                 actions[i]);

      if (strstr (overlay, needle) == NULL)
        g_error ("%s has a shortcut that the Keyboard Shortcuts window does not list",
                 actions[i]);
    }
}

static void
test_menu_actions_exist (void)
{

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
}

static void
test_about (void)
{
  GtkWindow *about = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  const char *debug_info;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        about = GTK_WINDOW (window);
    }

  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)));
  g_assert_nonnull (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)));

  debug_info = adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about));
  for (guint i = 0; i < 9; i++)
    {
      static const char *libraries[] = {
        "- GTK 4.", "- libadwaita 1.", "- GLib 2.", "- libsoup 3.", "- poppler ",
        "- libsecret 0.", "- evolution-data-server 3.", "- libnotify 0.", "- SQLite 3.",
      };

      if (strstr (debug_info, libraries[i]) == NULL)
        g_error ("The debug information lacks %s:\n%s", libraries[i], debug_info);
    }

  gtk_window_destroy (about);
}

/* A target calendar saved before Google Calendar came is GNOME's. */
static void
test_old_target_calendar (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *target = g_settings_get_string (settings, "target-calendar");

  g_assert_cmpstr (target, ==, "eds:" OLD_TARGET_CALENDAR);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_string (settings, "target-calendar", OLD_TARGET_CALENDAR);
  }
  app = start_application ();

  g_test_add_func ("/application/every-shortcut-is-listed", test_every_shortcut_is_listed);
  g_test_add_func ("/application/menu-actions-exist", test_menu_actions_exist);
  g_test_add_func ("/application/about", test_about);
  g_test_add_func ("/application/old-target-calendar", test_old_target_calendar);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
