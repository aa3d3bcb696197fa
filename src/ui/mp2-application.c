/* mp2-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-application"

#include "config.h"

#include "mp2-application.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp2-a11y.h"
#include "mp2-calendar-router.h"
#include "mp2-debug-info.h"
#include "mp2-eds-calendar-sink.h"
#include "mp2-folder-source.h"
#include "mp2-gmail-source.h"
#include "mp2-google-account.h"
#include "mp2-google-calendar-sink.h"
#include "mp2-notifier.h"
#include "mp2-pipeline.h"
#include "mp2-planning-providers.h"
#include "mp2-preferences-window.h"
#include "mp2-window.h"

struct _Mp2Application
{
  AdwApplication   parent_instance;

  GSettings       *settings;
  GCancellable    *cancellable;

  Mp2Store        *store;
  GError          *store_error;     /* why the store could not be opened */
  Mp2Pipeline     *pipeline;
  Mp2Notifier     *notifier;
  Mp2FolderSource *folder_source;
  GPtrArray       *waiting_files;   /* GFile: opened before the store was open */
  GHashTable      *opened_files;    /* candidate ids of files the user opened */

  Mp2HttpClient   *http;
  Mp2GoogleAccount *account;
  GCancellable    *sign_in;         /* the sign-in waiting for the browser */
  Mp2CalendarRouter *calendars;     /* GNOME's calendars and Google's */
  Mp2GmailSource  *gmail_source;
  Mp2PlanningProviders *planning;  /* geocoder, routes, weather of Preferences */
  gboolean         held;            /* running in the background */
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
  { "app.check-now", { "<Control>r", NULL } },
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
create_window (Mp2Application *self)
{
  Mp2Window *window = g_object_new (MP2_TYPE_WINDOW, "application", self, NULL);

  if (self->pipeline != NULL)
    mp2_window_set_pipeline (window, self->pipeline);
  else if (self->store_error != NULL)
    mp2_window_show_store_error (window, self->store_error);

  return window;
}

static Mp2Window *
ensure_window (Mp2Application *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (MP2_IS_WINDOW (window))
    return MP2_WINDOW (window);

  return create_window (self);
}

/**
 * mp2_application_import_files:
 * @self: a #Mp2Application
 * @files: (array length=n_files): PDFs opened, dropped or given on the command line
 * @n_files: the number of files
 *
 * Reads the files into days. Files opened before the app's records are open wait
 * for them.
 */
void
mp2_application_import_files (Mp2Application  *self,
                              GFile          **files,
                              guint            n_files)
{
  g_return_if_fail (MP2_IS_APPLICATION (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    {
      if (self->pipeline == NULL)
        {
          g_ptr_array_add (self->waiting_files, g_object_ref (files[i]));
          continue;
        }

      g_hash_table_add (self->opened_files, mp2_folder_source_id_for_file (files[i]));
    }

  if (self->pipeline != NULL)
    mp2_folder_source_add_files (self->folder_source, files, n_files);
}

/**
 * mp2_application_open_files:
 * @self: a #Mp2Application
 * @files: (array length=n_files): the PDFs to read
 * @n_files: the number of files
 *
 * Reads the files and shows the window, on the day of the first file.
 */
void
mp2_application_open_files (Mp2Application  *self,
                            GFile          **files,
                            guint            n_files)
{
  Mp2Window *window;

  g_return_if_fail (MP2_IS_APPLICATION (self));
  g_return_if_fail (files != NULL || n_files == 0);

  window = ensure_window (self);
  mp2_window_expect_import (window);
  mp2_application_import_files (self, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
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

/* API keys may have been stored in Preferences. */
static gboolean
on_preferences_close_request_cb (Mp2Application *self)
{
  if (self->planning != NULL)
    mp2_planning_providers_reload_keys (self->planning);

  return GDK_EVENT_PROPAGATE;
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  Mp2Application *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  Mp2PreferencesWindow *preferences;

  preferences = mp2_preferences_window_new (self->settings,
                                            self->pipeline != NULL
                                            ? MP2_CALENDAR_SINK (self->calendars) : NULL);
  mp2_preferences_window_add_mail_page (preferences, self->account, self->gmail_source);
  /* the addresses in Preferences are checked with the planning's geocoder */
  if (self->planning != NULL)
    mp2_preferences_window_set_geocoder (preferences,
                                         mp2_planning_providers_get_geocoder (self->planning));
  /* its buttons use the app's actions (sign in, check now) */
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  g_signal_connect_object (preferences, "close-request",
                           G_CALLBACK (on_preferences_close_request_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  Mp2Application *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *debug_info = mp2_debug_info_collect (self->http);
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
                        "release-notes", _("<p>The first release reads call sheets into "
                                           "your shooting day, shows it beside the "
                                           "original, and adds it to your calendar.</p>"),
                        "comments", _("Your call, your route and the weather for "
                                      "every shooting day, read from the call sheet."),
                        "debug-info", debug_info,
                        "debug-info-filename", "film-schedule-debug-info.txt",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* A notification's Review button: the window comes up on that day. */
static void
show_day_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  Mp2Application *self = user_data;
  Mp2Window *window = ensure_window (self);

  mp2_window_show_day (window, g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (window));
}

/* Google ------------------------------------------------------------------------------ */

static void
show_toast (Mp2Application *self,
            const char     *text)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (text));
  else if (MP2_IS_WINDOW (window))
    mp2_a11y_add_toast (mp2_window_get_toast_overlay (MP2_WINDOW (window)), adw_toast_new (text));
}

static void
set_action_enabled (Mp2Application *self,
                    const char     *name,
                    gboolean        enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_google_actions (Mp2Application *self)
{
  Mp2AccountState state = mp2_google_account_get_state (self->account);
  gboolean has_client = *mp2_google_account_get_client_id (self->account) != '\0';

  set_action_enabled (self, "google-sign-in",
                      has_client && (state == MP2_ACCOUNT_STATE_SIGNED_OUT
                                     || state == MP2_ACCOUNT_STATE_NEEDS_SIGN_IN));
  set_action_enabled (self, "google-cancel-sign-in", state == MP2_ACCOUNT_STATE_SIGNING_IN);
  set_action_enabled (self, "google-sign-out", state == MP2_ACCOUNT_STATE_SIGNED_IN
                                               || state == MP2_ACCOUNT_STATE_NEEDS_SIGN_IN);
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Mp2Application) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_object (&self->sign_in);
  if (!mp2_google_account_sign_in_finish (MP2_GOOGLE_ACCOUNT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  /* Translators: %s is an e-mail address */
  text = g_strdup_printf (_("Signed in as %s"), mp2_google_account_get_email (self->account));
  show_toast (self, text);
}

static void
google_sign_in_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  Mp2Application *self = user_data;

  if (self->sign_in != NULL)
    return;

  self->sign_in = g_cancellable_new ();
  mp2_google_account_sign_in_async (self->account, self->sign_in, on_signed_in_cb,
                                    g_object_ref (self));
}

static void
google_cancel_sign_in_activated (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  Mp2Application *self = user_data;

  g_cancellable_cancel (self->sign_in);
}

static void
on_signed_out_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Mp2Application) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_google_account_sign_out_finish (MP2_GOOGLE_ACCOUNT (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

static void
google_sign_out_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  Mp2Application *self = user_data;

  mp2_google_account_sign_out_async (self->account, self->cancellable, on_signed_out_cb,
                                     g_object_ref (self));
}

static void
on_mail_checked_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Mp2Application) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_mail_source_check_finish (MP2_MAIL_SOURCE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

/* "Check Now": Gmail when signed in, and the watched folder. */
static void
check_now_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Mp2Application *self = user_data;
  g_autofree char *folder = NULL;

  if (self->pipeline == NULL)
    return;

  folder = g_settings_get_string (self->settings, "watched-folder");
  if (*folder != '\0')
    mp2_mail_source_check_async (MP2_MAIL_SOURCE (self->folder_source), self->cancellable,
                                 on_mail_checked_cb, g_object_ref (self));

  if (mp2_google_account_get_state (self->account) == MP2_ACCOUNT_STATE_SIGNED_IN)
    mp2_mail_source_check_async (MP2_MAIL_SOURCE (self->gmail_source), self->cancellable,
                                 on_mail_checked_cb, g_object_ref (self));
  else if (*folder == '\0')
    show_toast (self, _("Sign in to Google in Preferences to receive call sheets from Gmail"));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "show-day", show_day_activated, "x" },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "check-now", check_now_activated },
  { "google-sign-in", google_sign_in_activated },
  { "google-cancel-sign-in", google_cancel_sign_in_activated },
  { "google-sign-out", google_sign_out_activated },
};

/* The services: the store, the pipeline on it, and what feeds and follows it ------------- */

static void
on_file_failed_cb (Mp2Application *self,
                   GFile          *file,
                   const GError   *error)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (MP2_IS_WINDOW (window))
    mp2_a11y_add_toast (mp2_window_get_toast_overlay (MP2_WINDOW (window)),
                                 adw_toast_new (error->message));
}

/* Files the user opened get a page for what is wrong with them, and are read again
 * when opened again; a PDF that turns up in the watched folder and is no call sheet
 * is set aside without a word, and remembered so that it is not read again. */
static Mp2ImportFlags
folder_flags_cb (Mp2MailSource    *source,
                 Mp2MailCandidate *candidate,
                 gpointer          user_data)
{
  Mp2Application *self = user_data;

  if (g_hash_table_remove (self->opened_files, candidate->id))
    return MP2_IMPORT_OPENED_BY_USER;

  return MP2_IMPORT_QUIET_UNLESS_SHEET;
}

static void
update_watched_folder (Mp2Application *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "watched-folder");
  g_autoptr(GFile) folder = *path != '\0' ? g_file_new_for_path (path) : NULL;

  mp2_folder_source_set_folder (self->folder_source, folder);

  /* What arrived while the app was not running. */
  if (folder != NULL)
    mp2_mail_source_check_async (MP2_MAIL_SOURCE (self->folder_source), self->cancellable,
                                 NULL, NULL);
}

static void
on_calendar_sink_ready_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(Mp2Application) self = user_data;
  g_autoptr(Mp2EdsCalendarSink) sink = NULL;
  g_autoptr(Mp2GoogleCalendarSink) google_sink = NULL;
  g_autoptr(GError) error = NULL;

  sink = mp2_eds_calendar_sink_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* GNOME's calendars first: their default is the default of all. */
  if (sink != NULL)
    mp2_calendar_router_add_sink (self->calendars, MP2_CALENDAR_SINK (sink));
  else
    g_message ("No GNOME calendars: %s", error->message);

  google_sink = mp2_google_calendar_sink_new (self->account, NULL);
  mp2_calendar_router_add_sink (self->calendars, MP2_CALENDAR_SINK (google_sink));
}

/* Running in the background ---------------------------------------------------------- */

static void
on_background_requested_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not ask to run in the background: %s", error->message);
}

/* In a sandbox, the background portal lets the app go on once its window is closed;
 * the desktop may ask the user. */
static void
request_background (Mp2Application *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));
  GVariantBuilder options;

  if (bus == NULL || !g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Film Schedule checks the traffic before you "
                                                 "leave for set, and tells you when to leave "
                                                 "earlier.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (FALSE));
  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop",
                          "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          on_background_requested_cb, NULL);
}

/* "Run in background": the app stays when its window closes, so that the way to set
 * is checked again before leaving and the notification comes. */
static void
update_background (Mp2Application *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "run-in-background");

  if (wanted == self->held)
    return;

  self->held = wanted;
  if (wanted)
    {
      g_application_hold (G_APPLICATION (self));
      request_background (self);
    }
  else
    g_application_release (G_APPLICATION (self));
}

static void
update_planning (Mp2Application *self)
{
  mp2_pipeline_set_planning (self->pipeline, mp2_planning_providers_get_geocoder (self->planning),
                             mp2_planning_providers_get_routes (self->planning),
                             mp2_planning_providers_get_weather (self->planning));
}

static void
on_pipeline_started_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Mp2Application) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_pipeline_start_finish (MP2_PIPELINE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not load the stored days: %s", error->message);

  /* The days are listed: they are planned, and new files and mails may come in. */
  update_planning (self);
  g_signal_connect_object (self->planning, "changed", G_CALLBACK (update_planning), self,
                           G_CONNECT_SWAPPED);
  update_background (self);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (update_background), self, G_CONNECT_SWAPPED);
  update_watched_folder (self);
  mp2_gmail_source_set_polling (self->gmail_source, TRUE);
  g_signal_connect_object (self->settings, "changed::watched-folder",
                           G_CALLBACK (update_watched_folder), self, G_CONNECT_SWAPPED);

  if (self->waiting_files->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->waiting_files);

      self->waiting_files = g_ptr_array_new_with_free_func (g_object_unref);
      mp2_application_import_files (self, (GFile **) files->pdata, files->len);
    }
}

static void
start_pipeline (Mp2Application *self)
{
  self->planning = mp2_planning_providers_new (self->http, self->store, self->settings);
  self->pipeline = mp2_pipeline_new (self->store, self->settings);
  mp2_pipeline_set_calendar_sink (self->pipeline, MP2_CALENDAR_SINK (self->calendars));
  /* The source lives as long as the application: the function may use it. */
  mp2_pipeline_add_mail_source_full (self->pipeline, MP2_MAIL_SOURCE (self->folder_source),
                                     folder_flags_cb, self, NULL);
  self->notifier = mp2_notifier_new (self->pipeline, self->settings, G_APPLICATION (self));
  mp2_notifier_set_account (self->notifier, self->account);

  /* Gmail: a call-sheet mail's map or invoice is set aside quietly. */
  self->gmail_source = mp2_gmail_source_new (self->account, self->store, self->settings, NULL);
  mp2_pipeline_add_mail_source (self->pipeline, MP2_MAIL_SOURCE (self->gmail_source),
                                MP2_IMPORT_QUIET_IF_OTHER_DOCUMENT);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (MP2_IS_WINDOW (l->data))
        mp2_window_set_pipeline (l->data, self->pipeline);
    }

  mp2_eds_calendar_sink_new_async (NULL, self->cancellable, on_calendar_sink_ready_cb,
                                   g_object_ref (self));
  mp2_pipeline_start_async (self->pipeline, self->cancellable, on_pipeline_started_cb,
                            g_object_ref (self));
}

static void
on_store_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Mp2Application) self = user_data;

  self->store = mp2_store_open_finish (result, &self->store_error);
  if (self->store != NULL)
    {
      start_pipeline (self);
      return;
    }

  if (g_error_matches (self->store_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_warning ("Could not open the store: %s", self->store_error->message);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (MP2_IS_WINDOW (l->data))
        mp2_window_show_store_error (l->data, self->store_error);
    }
}

/* The OAuth client: the user's own (its secret in the keyring), else the built-in one. */
typedef struct
{
  Mp2Application *app;
  char           *client_id;
  gboolean        load;      /* read the account from the keyring afterwards */
} ClientLookup;

static void
client_lookup_free (ClientLookup *lookup)
{
  g_object_unref (lookup->app);
  g_free (lookup->client_id);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClientLookup, client_lookup_free)

static void
on_account_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Mp2Application) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp2_google_account_load_finish (MP2_GOOGLE_ACCOUNT (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not read the Google account from the keyring: %s", error->message);
}

static void
use_client (Mp2Application *self,
            const char     *client_id,
            const char     *client_secret,
            gboolean        load)
{
  mp2_google_account_set_client (self->account, client_id, client_secret);
  update_google_actions (self);
  if (load)
    mp2_google_account_load_async (self->account, self->cancellable, on_account_loaded_cb,
                                   g_object_ref (self));
}

static void
on_client_secret_found_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(ClientLookup) lookup = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  secret = mp2_google_account_lookup_client_secret_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_message ("Could not read the OAuth client secret: %s", error->message);

  use_client (lookup->app, lookup->client_id, secret != NULL ? secret : "", lookup->load);
}

static void
apply_google_client (Mp2Application *self,
                     gboolean        load)
{
  g_autofree char *client_id = g_settings_get_string (self->settings, "google-client-id");
  ClientLookup *lookup;

  /* The tests and the demo talk to a fake Google that knows its own client. */
  if (mp2_http_service_url_overridden () && g_getenv ("MP2_GOOGLE_CLIENT_ID") != NULL)
    {
      use_client (self, g_getenv ("MP2_GOOGLE_CLIENT_ID"),
                  g_getenv ("MP2_GOOGLE_CLIENT_SECRET") != NULL
                  ? g_getenv ("MP2_GOOGLE_CLIENT_SECRET") : "", load);
      return;
    }

  if (*client_id == '\0')
    {
      use_client (self, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, load);
      return;
    }

  lookup = g_new0 (ClientLookup, 1);
  lookup->app = g_object_ref (self);
  lookup->client_id = g_steal_pointer (&client_id);
  lookup->load = load;
  mp2_google_account_lookup_client_secret_async (lookup->client_id, self->cancellable,
                                                 on_client_secret_found_cb, lookup);
}

static void
on_google_client_changed_cb (Mp2Application *self)
{
  apply_google_client (self, FALSE);
}

/* One HTTP client for every Google API, within Google's per-user quotas, and the
 * account that signs its requests. */
static void
setup_google (Mp2Application *self)
{
  self->http = mp2_http_client_new ();
  mp2_google_configure_rate_limits (self->http);
  /* A fake Google on 127.0.0.1: the tests and build-aux/dev.sh demo only. */
  if (mp2_http_service_url_overridden ())
    mp2_http_client_set_allow_http (self->http, TRUE);

  self->account = mp2_google_account_new (self->http, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET);
  g_signal_connect_object (self->account, "notify::state", G_CALLBACK (update_google_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::google-client-id",
                           G_CALLBACK (on_google_client_changed_cb), self, G_CONNECT_SWAPPED);
  update_google_actions (self);
  apply_google_client (self, TRUE);

  self->calendars = mp2_calendar_router_new ();
}

static void
open_store (Mp2Application *self)
{
  g_autofree char *directory = mp2_store_default_directory ();

  self->folder_source = mp2_folder_source_new ();
  g_signal_connect_object (self->folder_source, "file-failed",
                           G_CALLBACK (on_file_failed_cb), self, G_CONNECT_SWAPPED);

  mp2_store_open_async (directory, self->cancellable, on_store_opened_cb, g_object_ref (self));
}

/* Before Google Calendar, the target calendar was an evolution-data-server uid
 * alone; the calendars' ids now name their kind ("eds:…", "google:…"). Such uids
 * have no colon. */
static void
migrate_target_calendar (GSettings *settings)
{
  g_autofree char *target = g_settings_get_string (settings, "target-calendar");
  g_autofree char *id = NULL;

  if (*target == '\0' || strchr (target, ':') != NULL)
    return;

  id = g_strconcat ("eds:", target, NULL);
  g_settings_set_string (settings, "target-calendar", id);
}

static void
mp2_application_startup (GApplication *application)
{
  Mp2Application *self = MP2_APPLICATION (application);

  G_APPLICATION_CLASS (mp2_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);
  migrate_target_calendar (self->settings);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  setup_google (self);
  open_store (self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
mp2_application_activate (GApplication *application)
{
  gtk_window_present (GTK_WINDOW (ensure_window (MP2_APPLICATION (application))));
}

static void
mp2_application_shutdown (GApplication *application)
{
  Mp2Application *self = MP2_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->sign_in);
  if (self->held)
    {
      self->held = FALSE;
      g_application_release (application);
    }
  if (self->gmail_source != NULL)
    mp2_gmail_source_set_polling (self->gmail_source, FALSE);

  G_APPLICATION_CLASS (mp2_application_parent_class)->shutdown (application);
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

  g_clear_object (&self->notifier);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->gmail_source);
  g_clear_object (&self->planning);
  g_clear_object (&self->calendars);
  g_clear_object (&self->sign_in);
  g_clear_object (&self->account);
  g_clear_object (&self->http);
  g_clear_object (&self->folder_source);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->waiting_files, g_ptr_array_unref);
  g_clear_pointer (&self->opened_files, g_hash_table_unref);

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
  application_class->shutdown = mp2_application_shutdown;
  application_class->open = mp2_application_open;
  application_class->handle_local_options = mp2_application_handle_local_options;
  application_class->command_line = mp2_application_command_line;
}

static void
mp2_application_init (Mp2Application *self)
{
  self->cancellable = g_cancellable_new ();
  self->waiting_files = g_ptr_array_new_with_free_func (g_object_unref);
  self->opened_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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
