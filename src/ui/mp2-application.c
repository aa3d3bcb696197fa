/* mp2-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-application"

#include "config.h"

#include "mp2-application.h"

#include <glib/gi18n.h>

#include "mp2-debug-info.h"
#include "mp2-preferences-window.h"
#include "mp2-window.h"

struct _Mp2Application
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (Mp2Application, mp2_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "import", 'i', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Hand the call sheets to the running instance"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL,
    N_("[FILE…]") },
  { NULL }
};

static const struct
{
  const char *action;
  const char *accels[4];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "pdf.previous-page", { "Page_Up", NULL } },
  { "pdf.next-page", { "Page_Down", NULL } },
  { "pdf.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "pdf.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "pdf.zoom-fit-width", { "<Control>0", NULL } },
  { "pdf.zoom-original", { "<Control>1", NULL } },
};

static Mp2Window *
find_empty_window (Mp2Application *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (MP2_IS_WINDOW (l->data) && mp2_window_is_empty (l->data))
        return l->data;
    }

  return NULL;
}

static Mp2Window *
create_window (Mp2Application *self)
{
  return g_object_new (MP2_TYPE_WINDOW, "application", self, NULL);
}

/**
 * mp2_application_open_files:
 * @self: a #Mp2Application
 * @files: (array length=n_files): the PDFs to show
 * @n_files: the number of files
 *
 * Shows each file in a window: a window that shows no document yet is used first,
 * then new windows are opened.
 */
void
mp2_application_open_files (Mp2Application  *self,
                            GFile          **files,
                            guint            n_files)
{
  g_return_if_fail (MP2_IS_APPLICATION (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    {
      Mp2Window *window = find_empty_window (self);

      if (window == NULL)
        window = create_window (self);

      mp2_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/**
 * mp2_application_get_settings:
 * @self: a #Mp2Application
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
mp2_application_get_settings (Mp2Application *self)
{
  g_return_val_if_fail (MP2_IS_APPLICATION (self), NULL);

  return self->settings;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  Mp2Application *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  Mp2PreferencesWindow *preferences;

  preferences = mp2_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  Mp2Application *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *debug_info = mp2_debug_info_collect ();
  static const char *developers[] = { "The MP2 Film Schedule developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Film Schedule"),
                        "developer-name", _("The MP2 Film Schedule developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_ISSUES,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The MP2 Film Schedule developers"),
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", "0.1.0",
                        "release-notes", _("<p>The first release opens call sheets "
                                           "and shows them page by page.</p>"),
                        "comments", _("Your call, your route and the weather for "
                                      "every shooting day, read from the call sheet."),
                        "debug-info", debug_info,
                        "debug-info-filename", "film-schedule-debug-info.txt",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
mp2_application_startup (GApplication *application)
{
  Mp2Application *self = MP2_APPLICATION (application);

  G_APPLICATION_CLASS (mp2_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
mp2_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (create_window (MP2_APPLICATION (application)));

  gtk_window_present (window);
}

static void
mp2_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  mp2_application_open_files (MP2_APPLICATION (application), files, (guint) n_files);
}

static int
mp2_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", g_get_application_name (), PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
mp2_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  Mp2Application *self = MP2_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **filenames = NULL;

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &filenames))
    {
      for (guint i = 0; filenames[i] != NULL; i++)
        g_ptr_array_add (files,
                         g_application_command_line_create_file_for_arg (command_line,
                                                                         filenames[i]));
    }

  if (files->len == 0 && g_variant_dict_contains (options, "import"))
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("--import needs at least one PDF file"));
      return 2;
    }

  if (files->len == 0)
    g_application_activate (application);
  else
    mp2_application_open_files (self, (GFile **) files->pdata, files->len);

  return 0;
}

static void
mp2_application_dispose (GObject *object)
{
  Mp2Application *self = MP2_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mp2_application_parent_class)->dispose (object);
}

static void
mp2_application_class_init (Mp2ApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mp2_application_dispose;

  application_class->startup = mp2_application_startup;
  application_class->activate = mp2_application_activate;
  application_class->open = mp2_application_open;
  application_class->handle_local_options = mp2_application_handle_local_options;
  application_class->command_line = mp2_application_command_line;
}

static void
mp2_application_init (Mp2Application *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("Reads film call sheets (PDF) and plans your shooting day."));
}

/**
 * mp2_application_new:
 *
 * Returns: (transfer full): the application
 */
Mp2Application *
mp2_application_new (void)
{
  return g_object_new (MP2_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}
