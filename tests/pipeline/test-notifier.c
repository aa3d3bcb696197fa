/* test-notifier.c
 *
 * Mp2Notifier on a real pipeline and store, driven by real imports, against a
 * notification server of our own: this program owns org.freedesktop.Notifications
 * on the private session bus of build-aux/session.sh (which starts no other
 * notification daemon) and records what libnotify sends it.
 *
 * libnotify calls the server synchronously from the main thread, so the server runs
 * in a thread of its own, with its own main context and its own bus connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <libnotify/notify.h>
#include <locale.h>

#include "mp2-fake-calendar-sink.h"
#include "mp2-notifier.h"
#include "mp2-pipeline.h"
#include "mp2-store.h"
#include "mp2-test-files.h"
#include "mp2-test-pipeline.h"
#include "mp2-test-wait.h"

#define TIMEOUT_SECONDS 30
#define SERVER_NAME "mp2-test-notifications"

/* The notification server ------------------------------------------------------------ */

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' name='capabilities' direction='out'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/>"
  "      <arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/>"
  "      <arg type='s' name='spec_version' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

/* One Notify call as the server received it. */
typedef struct
{
  guint32   id;              /* the id the server answered */
  guint32   replaces_id;
  char     *sender;
  char     *app_name;
  char     *app_icon;
  char     *summary;
  char     *body;
  GStrv     actions;         /* id, label, id, label… */
  GVariant *hints;
} Notice;

static void
notice_free (gpointer data)
{
  Notice *notice = data;

  g_free (notice->sender);
  g_free (notice->app_name);
  g_free (notice->app_icon);
  g_free (notice->summary);
  g_free (notice->body);
  g_strfreev (notice->actions);
  g_variant_unref (notice->hints);
  g_free (notice);
}

typedef enum
{
  NAME_WAITING,
  NAME_OWNED,
  NAME_LOST,
} NameState;

typedef struct
{
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  GDBusConnection *connection;
  guint            object_id;
  guint            owner_id;

  GMutex           lock;
  GCond            cond;
  NameState        name_state;
  char            *failure;
  GPtrArray       *notices;      /* Notice, in the order of the calls */
  GArray          *closed;       /* guint32: ids of CloseNotification calls */
  GPtrArray       *closed_senders;
  guint32          last_id;
} FakeServer;

static FakeServer server;

static void
set_name_state (NameState   state,
                const char *failure)
{
  g_mutex_lock (&server.lock);
  server.name_state = state;
  if (failure != NULL && server.failure == NULL)
    server.failure = g_strdup (failure);
  g_cond_broadcast (&server.cond);
  g_mutex_unlock (&server.lock);
}

static void
record_notify (GDBusMethodInvocation *invocation,
               GVariant              *parameters)
{
  Notice *notice = g_new0 (Notice, 1);
  gint32 timeout;

  g_variant_get (parameters, "(susss^as@a{sv}i)", &notice->app_name, &notice->replaces_id,
                 &notice->app_icon, &notice->summary, &notice->body, &notice->actions,
                 &notice->hints, &timeout);
  notice->sender = g_strdup (g_dbus_method_invocation_get_sender (invocation));

  g_mutex_lock (&server.lock);
  notice->id = notice->replaces_id != 0 ? notice->replaces_id : ++server.last_id;
  g_ptr_array_add (server.notices, notice);
  g_mutex_unlock (&server.lock);

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notice->id));
}

static void
record_close (GDBusConnection       *connection,
              GDBusMethodInvocation *invocation,
              GVariant              *parameters)
{
  guint32 id;

  g_variant_get (parameters, "(u)", &id);

  g_mutex_lock (&server.lock);
  g_array_append_val (server.closed, id);
  g_ptr_array_add (server.closed_senders,
                   g_strdup (g_dbus_method_invocation_get_sender (invocation)));
  g_mutex_unlock (&server.lock);

  /* 3: closed by a call to CloseNotification */
  g_dbus_connection_emit_signal (connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "NotificationClosed",
                                 g_variant_new ("(uu)", id, 3), NULL);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_server_method_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *object_path,
                          const char            *interface_name,
                          const char            *method_name,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  static const char *capabilities[] = { "actions", "body", NULL };

  if (g_str_equal (method_name, "Notify"))
    record_notify (invocation, parameters);
  else if (g_str_equal (method_name, "CloseNotification"))
    record_close (connection, invocation, parameters);
  else if (g_str_equal (method_name, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(^as)", capabilities));
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", SERVER_NAME, "mp2",
                                                          "1.0", "1.2"));
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                           G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  /* the main thread may be waiting for what was just recorded */
  g_main_context_wakeup (g_main_context_default ());
}

static const GDBusInterfaceVTable server_vtable = {
  .method_call = on_server_method_call_cb,
};

static void
on_server_name_acquired_cb (GDBusConnection *connection,
                            const char      *name,
                            gpointer         user_data)
{
  set_name_state (NAME_OWNED, NULL);
}

static void
on_server_name_lost_cb (GDBusConnection *connection,
                        const char      *name,
                        gpointer         user_data)
{
  set_name_state (NAME_LOST, "org.freedesktop.Notifications is owned by another program: "
                             "run this test inside build-aux/session.sh");
}

static gboolean
server_connect (GError **error)
{
  g_autofree char *address = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (address == NULL)
    return FALSE;

  server.connection = g_dbus_connection_new_for_address_sync (
    address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, error);
  if (server.connection == NULL)
    return FALSE;

  node = g_dbus_node_info_new_for_xml (server_xml, error);
  if (node == NULL)
    return FALSE;

  server.object_id = g_dbus_connection_register_object (server.connection,
                                                        "/org/freedesktop/Notifications",
                                                        node->interfaces[0], &server_vtable,
                                                        NULL, NULL, error);
  return server.object_id != 0;
}

static gpointer
server_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (server.context);

  if (server_connect (&error))
    {
      server.owner_id = g_bus_own_name_on_connection (server.connection,
                                                      "org.freedesktop.Notifications",
                                                      G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                                      on_server_name_acquired_cb,
                                                      on_server_name_lost_cb, NULL, NULL);
      g_main_loop_run (server.loop);
      g_bus_unown_name (server.owner_id);
      g_dbus_connection_unregister_object (server.connection, server.object_id);
    }
  else
    {
      set_name_state (NAME_LOST, error->message);
    }

  g_clear_object (&server.connection);
  g_main_context_pop_thread_default (server.context);

  return NULL;
}

/* Starts the server and waits until it owns the name, before libnotify is used. */
static void
server_start (void)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_error ("No session bus: run this test inside build-aux/session.sh");

  g_mutex_init (&server.lock);
  g_cond_init (&server.cond);
  server.notices = g_ptr_array_new_with_free_func (notice_free);
  server.closed = g_array_new (FALSE, FALSE, sizeof (guint32));
  server.closed_senders = g_ptr_array_new_with_free_func (g_free);
  server.context = g_main_context_new ();
  server.loop = g_main_loop_new (server.context, FALSE);
  server.thread = g_thread_new ("notification-server", server_thread, NULL);

  g_mutex_lock (&server.lock);
  while (server.name_state == NAME_WAITING)
    if (!g_cond_wait_until (&server.cond, &server.lock, deadline))
      break;
  g_mutex_unlock (&server.lock);

  if (server.name_state != NAME_OWNED)
    g_error ("The test's notification server did not start: %s",
             server.failure != NULL ? server.failure : "timed out owning its name");
}

static gboolean
quit_server_loop_cb (gpointer data)
{
  g_main_loop_quit (server.loop);
  return G_SOURCE_REMOVE;
}

static void
server_stop (void)
{
  g_main_context_invoke (server.context, quit_server_loop_cb, NULL);
  g_thread_join (server.thread);
  g_main_loop_unref (server.loop);
  g_main_context_unref (server.context);
  g_ptr_array_unref (server.notices);
  g_array_unref (server.closed);
  g_ptr_array_unref (server.closed_senders);
  g_free (server.failure);
}

/* As if the user clicked: the server tells every client, as a real one does. */
static void
server_invoke_action (guint32     id,
                      const char *action)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (server.connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", id, action), &error);
  g_assert_no_error (error);
}

/* The application ------------------------------------------------------------------ */

/* One application per process: a second one could not export its object path. */
static GApplication *app;
static guint n_days_shown;
static gint64 shown_day;

static void
on_show_day_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  shown_day = g_variant_get_int64 (parameter);
  n_days_shown++;
}

static void
start_application (void)
{
  g_autoptr(GSimpleAction) show_day = g_simple_action_new ("show-day", G_VARIANT_TYPE_INT64);
  g_autoptr(GError) error = NULL;

  /* not the app's own id: the desktop-entry hint must come from the notifier */
  app = g_application_new ("com.mp2.FilmSchedule.NotifierTest", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (show_day, "activate", G_CALLBACK (on_show_day_activated_cb), NULL);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (show_day));
  g_application_register (app, NULL, &error);
  g_assert_no_error (error);
}

/* Fixture ---------------------------------------------------------------------------- */

typedef struct
{
  char        *directory;
  GSettings   *settings;
  Mp2Store    *store;
  Mp2Pipeline *pipeline;
  Mp2Notifier *notifier;
  GPtrArray   *sent;            /* the kinds of "notification-sent", in order */
  guint        first_notice;    /* the server's notices before this test */
  guint        first_closed;
  const char  *sender;          /* our bus name, as libnotify calls from it */
} Fixture;

static void
on_notification_sent_cb (Mp2Pipeline *pipeline,
                         Mp2Schedule *schedule,
                         const char  *kind,
                         Fixture     *f)
{
  g_ptr_array_add (f->sent, g_strdup (kind));
}

static GSettings *
new_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettingsSchema) schema = NULL;

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            APPLICATION_ID, TRUE);
  if (schema == NULL)
    g_error ("No schema %s: set GSETTINGS_SCHEMA_DIR to the build's data folder",
             APPLICATION_ID);

  return g_settings_new_full (schema, backend, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  f->directory = g_dir_make_tmp ("mp2-notifier-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = mp2_store_open (f->directory, &error);
  g_assert_no_error (error);

  f->settings = new_settings ();
  f->pipeline = mp2_pipeline_new (f->store, f->settings);
  f->sent = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->pipeline, "notification-sent", G_CALLBACK (on_notification_sent_cb), f);
  mp2_test_pipeline_start (f->pipeline, TIMEOUT_SECONDS);

  f->notifier = mp2_notifier_new (f->pipeline, f->settings, app);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  f->sender = g_dbus_connection_get_unique_name (bus);
  g_object_unref (bus);   /* the process keeps the shared connection */

  g_mutex_lock (&server.lock);
  f->first_notice = server.notices->len;
  f->first_closed = server.closed->len;
  g_mutex_unlock (&server.lock);
  n_days_shown = 0;
  shown_day = 0;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->notifier);
  g_clear_object (&f->pipeline);
  g_clear_object (&f->store);
  g_clear_object (&f->settings);
  g_clear_pointer (&f->sent, g_ptr_array_unref);
  mp2_test_remove_tree (f->directory);
  g_free (f->directory);
}

/* What the server received from this test: ours only, should another program on the
 * bus send a notification. */
static GPtrArray *
dup_notices (Fixture *f)
{
  GPtrArray *notices = g_ptr_array_new ();

  g_mutex_lock (&server.lock);
  for (guint i = f->first_notice; i < server.notices->len; i++)
    {
      Notice *notice = g_ptr_array_index (server.notices, i);

      if (g_strcmp0 (notice->sender, f->sender) == 0)
        g_ptr_array_add (notices, notice);
    }
  g_mutex_unlock (&server.lock);

  return notices;
}

static guint
count_notices (Fixture *f)
{
  g_autoptr(GPtrArray) notices = dup_notices (f);

  return notices->len;
}

static Notice *
get_notice (Fixture *f,
            guint    index)
{
  g_autoptr(GPtrArray) notices = dup_notices (f);

  g_assert_cmpuint (index, <, notices->len);
  return g_ptr_array_index (notices, index);
}

static gboolean
was_closed (Fixture *f,
            guint32  id)
{
  gboolean closed = FALSE;

  g_mutex_lock (&server.lock);
  for (guint i = f->first_closed; i < server.closed->len; i++)
    if (g_array_index (server.closed, guint32, i) == id
        && g_strcmp0 (g_ptr_array_index (server.closed_senders, i), f->sender) == 0)
      closed = TRUE;
  g_mutex_unlock (&server.lock);

  return closed;
}

typedef struct
{
  Fixture *fixture;
  guint    count;
} NoticeCount;

static gboolean
has_notices (gpointer data)
{
  NoticeCount *wanted = data;

  return count_notices (wanted->fixture) >= wanted->count;
}

static Notice *
wait_for_notice (Fixture *f,
                 guint    index)
{
  NoticeCount wanted = { f, index + 1 };
  g_autofree char *what = g_strdup_printf ("notification %u at the test's server", index + 1);

  mp2_test_wait_until (has_notices, &wanted, TIMEOUT_SECONDS, what);
  return get_notice (f, index);
}

static gboolean
has_action (Notice     *notice,
            const char *id,
            const char *label)
{
  for (guint i = 0; notice->actions[i] != NULL && notice->actions[i + 1] != NULL; i += 2)
    if (g_str_equal (notice->actions[i], id)
        && (label == NULL || g_str_equal (notice->actions[i + 1], label)))
      return TRUE;

  return FALSE;
}

static void
assert_sent (Fixture    *f,
             const char *const *kinds)
{
  guint n = g_strv_length ((GStrv) kinds);

  g_assert_cmpuint (f->sent->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (f->sent, i), ==, kinds[i]);
}

/* Driving the pipeline ------------------------------------------------------------- */

static Mp2Schedule *
import_file (Fixture    *f,
             const char *name)
{
  return mp2_test_pipeline_import (f->pipeline, name, TIMEOUT_SECONDS);
}

/* Confirms a day; resolves to the calendar's error, if any. */
static GError *
confirm (Fixture *f,
         gint64   schedule_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  mp2_pipeline_confirm_async (f->pipeline, schedule_id, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, TIMEOUT_SECONDS, "the day's confirmation");
  mp2_pipeline_confirm_finish (f->pipeline, result, &error);

  return error;
}

static void
dismiss (Fixture *f,
         gint64   schedule_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp2_pipeline_dismiss_async (f->pipeline, schedule_id, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, TIMEOUT_SECONDS, "the day to be dismissed");
  mp2_pipeline_dismiss_finish (f->pipeline, result, &error);
  g_assert_no_error (error);
}

static gboolean
has_shown_days (gpointer data)
{
  return n_days_shown >= GPOINTER_TO_UINT (data);
}

/* Clicks @action of the notification @id and returns the day the app was asked for. */
static gint64
click (guint32     id,
       const char *action)
{
  guint before = n_days_shown;
  g_autofree char *what = g_strdup_printf ("the app's show-day after “%s” was clicked", action);

  server_invoke_action (id, action);
  mp2_test_wait_until (has_shown_days, GUINT_TO_POINTER (before + 1), TIMEOUT_SECONDS, what);
  g_assert_cmpuint (n_days_shown, ==, before + 1);

  return shown_day;
}

/* Tests ----------------------------------------------------------------------------- */

static void
test_new_sheet (Fixture       *f,
                gconstpointer  data)
{
  static const char *const kinds[] = { "new-sheet", NULL };
  g_autoptr(Mp2Schedule) schedule = import_file (f, "T2_rev1.pdf");
  g_autofree char *server_name = NULL;
  const char *icon = NULL;
  const char *entry = NULL;
  Notice *notice;

  g_assert_cmpint (mp2_schedule_get_state (schedule), ==, MP2_DAY_STATE_NEEDS_REVIEW);

  notice = wait_for_notice (f, 0);
  g_assert_cmpuint (count_notices (f), ==, 1);
  g_assert_cmpstr (notice->app_name, ==, "Film Schedule");
  g_assert_cmpuint (notice->replaces_id, ==, 0);
  g_assert_cmpstr (notice->summary, ==, "New call sheet: Day 29 · Gorzkie Pomarańcze");
  /* 2025-03-28 is a Friday; no crew name is set, so the crew call is the user's */
  g_assert_cmpstr (notice->body, ==, "Friday 28 March · your call 06:15");
  g_assert_true (has_action (notice, "review", "Review"));
  g_assert_true (has_action (notice, "default", NULL));
  g_assert_true (g_variant_lookup (notice->hints, "desktop-entry", "&s", &entry));
  g_assert_cmpstr (entry, ==, APPLICATION_ID);
  /* libnotify sends the icon as the image-path hint to a 1.2 server */
  if (!g_variant_lookup (notice->hints, "image-path", "&s", &icon))
    icon = notice->app_icon;
  g_assert_cmpstr (icon, ==, APPLICATION_ID);
  assert_sent (f, kinds);

  /* libnotify talks to this test's server and no other */
  g_assert_true (notify_get_server_info (&server_name, NULL, NULL, NULL));
  g_assert_cmpstr (server_name, ==, SERVER_NAME);

  g_assert_cmpint (click (notice->id, "review"), ==, mp2_schedule_get_id (schedule));
  g_assert_cmpint (click (notice->id, "default"), ==, mp2_schedule_get_id (schedule));
}

static void
test_personal_call (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(Mp2Schedule) schedule = NULL;
  Notice *notice;

  /* on the crew list with an earlier call than the crew's 06:15 */
  g_settings_set_string (f->settings, "crew-name", "Kacper Bąk");
  schedule = import_file (f, "T2_rev1.pdf");

  notice = wait_for_notice (f, 0);
  g_assert_cmpstr (notice->body, ==, "Friday 28 March · your call 05:45");
}

static void
test_revision_replaces (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const kinds[] = { "new-sheet", "revision", NULL };
  g_autoptr(Mp2Schedule) first = import_file (f, "T2_rev1.pdf");
  g_autoptr(Mp2Schedule) revision = NULL;
  Notice *new_sheet = wait_for_notice (f, 0);
  Notice *revised;

  revision = import_file (f, "T2_rev2.pdf");
  g_assert_cmpint (mp2_schedule_get_id (revision), !=, mp2_schedule_get_id (first));
  g_assert_cmpstr (mp2_schedule_get_day_key (revision), ==, mp2_schedule_get_day_key (first));

  revised = wait_for_notice (f, 1);
  g_test_message ("The revision's notification: “%s”, “%s”", revised->summary, revised->body);
  g_assert_cmpuint (count_notices (f), ==, 2);
  g_assert_cmpuint (revised->replaces_id, ==, new_sheet->id);
  g_assert_cmpuint (revised->id, ==, new_sheet->id);
  g_assert_cmpstr (revised->summary, ==, "Call sheet revised: Day 29 · Gorzkie Pomarańcze");
  if (strstr (revised->body, "06:15 → 06:45") == NULL)
    g_error ("The revision's notification does not tell the call change: “%s”", revised->body);
  g_assert_true (has_action (revised, "review", "Review"));
  g_assert_false (was_closed (f, new_sheet->id));
  assert_sent (f, kinds);

  /* "Review" opens the revision, not the sheet it superseded */
  g_assert_cmpint (click (revised->id, "review"), ==, mp2_schedule_get_id (revision));
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  static const char *const kinds[] = { "error", NULL };
  g_autoptr(Mp2Schedule) schedule = import_file (f, "neg_encrypted.pdf");
  Notice *notice;

  g_assert_cmpint (mp2_schedule_get_state (schedule), ==, MP2_DAY_STATE_FAILED);
  g_assert_cmpstr (mp2_schedule_get_error_code (schedule), ==, "encrypted");

  notice = wait_for_notice (f, 0);
  g_assert_cmpstr (notice->summary, ==, "Could not read “neg_encrypted.pdf”");
  g_assert_cmpstr (notice->body, !=, "");
  g_assert_cmpstr (notice->body, ==, mp2_schedule_get_error_message (schedule));
  g_assert_true (has_action (notice, "review", "Review"));
  assert_sent (f, kinds);

  g_assert_cmpint (click (notice->id, "review"), ==, mp2_schedule_get_id (schedule));
}

static void
test_error_without_day (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const kinds[] = { "error", NULL };
  g_autoptr(GError) error = g_error_new_literal (MP2_STORE_ERROR, MP2_STORE_ERROR_FULL,
                                                 "The disk is full.");
  Notice *notice;

  g_signal_emit_by_name (f->pipeline, "error-occurred", NULL, error);

  notice = wait_for_notice (f, 0);
  g_assert_cmpstr (notice->summary, ==, "Could not save your call sheets");
  g_assert_cmpstr (notice->body, ==, "The disk is full.");
  g_assert_false (has_action (notice, "review", NULL));
  assert_sent (f, kinds);
}

static void
test_revision_switched_off (Fixture       *f,
                            gconstpointer  data)
{
  static const char *const kinds[] = { "new-sheet", NULL };
  g_autoptr(Mp2Schedule) first = NULL;
  g_autoptr(Mp2Schedule) revision = NULL;
  Notice *new_sheet;

  g_settings_set_boolean (f->settings, "notify-changes", FALSE);
  first = import_file (f, "T2_rev1.pdf");
  new_sheet = wait_for_notice (f, 0);

  /* the import has finished, and with it every signal of the pipeline */
  revision = import_file (f, "T2_rev2.pdf");
  g_assert_cmpint (mp2_schedule_get_state (revision), ==, MP2_DAY_STATE_NEEDS_REVIEW);
  g_assert_cmpuint (count_notices (f), ==, 1);
  assert_sent (f, kinds);

  /* what the day's notification said is out of date: it is taken down */
  g_assert_true (was_closed (f, new_sheet->id));
}

static void
test_switches_read_at_each_event (Fixture       *f,
                                  gconstpointer  data)
{
  static const char *const kinds[] = { "new-sheet", NULL };
  g_autoptr(Mp2Schedule) quiet = NULL;
  g_autoptr(Mp2Schedule) broken = NULL;
  g_autoptr(Mp2Schedule) loud = NULL;
  Notice *notice;

  g_settings_set_boolean (f->settings, "notify-new-sheet", FALSE);
  g_settings_set_boolean (f->settings, "notify-errors", FALSE);
  quiet = import_file (f, "T2_rev1.pdf");
  broken = import_file (f, "neg_encrypted.pdf");
  g_assert_cmpint (mp2_schedule_get_state (broken), ==, MP2_DAY_STATE_FAILED);
  g_assert_cmpuint (count_notices (f), ==, 0);
  g_assert_cmpuint (f->sent->len, ==, 0);

  g_settings_set_boolean (f->settings, "notify-new-sheet", TRUE);
  loud = import_file (f, "T1_01.pdf");
  notice = wait_for_notice (f, 0);
  g_assert_cmpstr (notice->summary, ==, "New call sheet: Day 44 · Paper Lanterns");
  assert_sent (f, kinds);
}

static void
test_calendar_error (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const kinds[] = { "new-sheet", "error", NULL };
  g_autoptr(Mp2FakeCalendarSink) sink = mp2_fake_calendar_sink_new_refusing ();
  g_autoptr(Mp2Schedule) schedule = import_file (f, "T2_rev1.pdf");
  g_autoptr(GError) error = NULL;
  Notice *new_sheet = wait_for_notice (f, 0);
  Notice *notice;

  mp2_pipeline_set_calendar_sink (f->pipeline, MP2_CALENDAR_SINK (sink));
  error = confirm (f, mp2_schedule_get_id (schedule));
  g_assert_error (error, MP2_SYNC_ERROR, MP2_SYNC_ERROR_READ_ONLY);

  /* confirmed: the new sheet's notification has done its work */
  g_assert_true (was_closed (f, new_sheet->id));

  notice = wait_for_notice (f, 1);
  g_assert_cmpuint (count_notices (f), ==, 2);
  g_assert_cmpstr (notice->summary, ==, "Could not add Day 29 to the calendar");
  g_assert_cmpstr (notice->body, ==, MP2_FAKE_CALENDAR_SINK_READ_ONLY_MESSAGE);
  g_assert_true (has_action (notice, "review", "Review"));
  assert_sent (f, kinds);

  g_assert_cmpint (click (notice->id, "review"), ==, mp2_schedule_get_id (schedule));
}

static void
test_dismiss_closes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Mp2Schedule) schedule = import_file (f, "T2_rev1.pdf");
  Notice *notice = wait_for_notice (f, 0);
  Notice *leave;

  /* time to leave, told beside the day's notification */
  mp2_schedule_set_plan_json (schedule, "{\"leave\":\"2025-03-28T05:20:00+01:00\","
                                        "\"call\":\"2025-03-28T06:15:00+01:00\","
                                        "\"arrival_target\":\"2025-03-28T06:00:00+01:00\"}");
  g_signal_emit_by_name (f->pipeline, "leave-moved", schedule, 10, 10);
  leave = wait_for_notice (f, 1);

  g_assert_false (was_closed (f, notice->id));
  dismiss (f, mp2_schedule_get_id (schedule));
  g_assert_true (was_closed (f, notice->id));
  g_assert_true (was_closed (f, leave->id));
  g_assert_cmpuint (count_notices (f), ==, 2);
}

/* Time to leave: its own notification, beside the day's, with the new time. */
static void
test_leave_moved (Fixture       *f,
                  gconstpointer  data)
{
  static const char *const kinds[] = { "new-sheet", "leave", NULL };
  g_autoptr(Mp2Schedule) schedule = import_file (f, "T2_rev1.pdf");
  Notice *sheet_notice = wait_for_notice (f, 0);
  Notice *notice;

  mp2_schedule_set_plan_json (schedule, "{\"leave\":\"2025-03-28T05:20:00+01:00\","
                                        "\"call\":\"2025-03-28T06:15:00+01:00\","
                                        "\"arrival_target\":\"2025-03-28T06:00:00+01:00\"}");
  g_signal_emit_by_name (f->pipeline, "leave-moved", schedule, 14, 12);

  notice = wait_for_notice (f, 1);
  g_assert_cmpuint (count_notices (f), ==, 2);
  g_assert_cmpuint (notice->replaces_id, ==, 0);
  g_assert_cmpuint (notice->id, !=, sheet_notice->id);
  g_assert_cmpstr (notice->summary, ==, "Leave by 05:20 — traffic +12 min");
  g_assert_cmpstr (notice->body, ==,
                   "Day 29 · Gorzkie Pomarańcze. That is 14 minutes earlier than planned.");
  assert_sent (f, kinds);
  g_assert_cmpint (click (notice->id, "review"), ==, mp2_schedule_get_id (schedule));

  /* switched off: nothing */
  g_settings_set_boolean (f->settings, "notify-leave", FALSE);
  g_signal_emit_by_name (f->pipeline, "leave-moved", schedule, 20, 20);
  mp2_test_run_for (200);
  g_assert_cmpuint (count_notices (f), ==, 2);
  g_settings_reset (f->settings, "notify-leave");
}

/* Weather warnings of a day to come: told once, again when they change. */
static void
test_weather_warning (Fixture       *f,
                      gconstpointer  data)
{
  static const char *const kinds[] = { "new-sheet", "weather", "weather", NULL };
  /* 28 March 2027: a day to come */
  g_autoptr(Mp2Schedule) schedule = import_file (f, "T3_01.pdf");
  Notice *notice;

  wait_for_notice (f, 0);
  mp2_schedule_set_weather_json (schedule, "{\"warnings\":[{\"kind\":\"rain\","
                                           "\"text\":\"Rain likely from 10:00 to 14:00 (80 %)\"}]}");
  g_signal_emit_by_name (f->pipeline, "weather-fetched", schedule);
  notice = wait_for_notice (f, 1);
  g_assert_cmpstr (notice->summary, ==, "Weather warning: Day 33 · Saltwater Kings");
  g_assert_cmpstr (notice->body, ==, "Rain likely from 10:00 to 14:00 (80 %)");

  /* the same forecast an hour later: nothing new */
  g_signal_emit_by_name (f->pipeline, "weather-fetched", schedule);
  mp2_test_run_for (200);
  g_assert_cmpuint (count_notices (f), ==, 2);

  /* it changed: told again, in the same notification */
  mp2_schedule_set_weather_json (schedule, "{\"warnings\":[{\"kind\":\"wind\","
                                           "\"text\":\"Wind of 14 m/s from 12:00\"}]}");
  g_signal_emit_by_name (f->pipeline, "weather-fetched", schedule);
  notice = wait_for_notice (f, 2);
  g_assert_cmpstr (notice->body, ==, "Wind of 14 m/s from 12:00");
  g_assert_cmpuint (notice->replaces_id, !=, 0);
  assert_sent (f, kinds);
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* as the app does: dates are written in the user's language (C.UTF-8 here) */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* a sandboxed build would otherwise talk to the portal */
  g_setenv ("NOTIFY_IGNORE_PORTAL", "1", TRUE);
  g_set_application_name ("Film Schedule");

  /* before anything initialises libnotify */
  server_start ();
  start_application ();

  add_test ("/pipeline/notifier/new-sheet", test_new_sheet);
  add_test ("/pipeline/notifier/personal-call", test_personal_call);
  add_test ("/pipeline/notifier/revision-replaces", test_revision_replaces);
  add_test ("/pipeline/notifier/error", test_error);
  add_test ("/pipeline/notifier/leave-moved", test_leave_moved);
  add_test ("/pipeline/notifier/weather-warning", test_weather_warning);
  add_test ("/pipeline/notifier/error-without-day", test_error_without_day);
  add_test ("/pipeline/notifier/revision-switched-off", test_revision_switched_off);
  add_test ("/pipeline/notifier/switches-read-at-each-event", test_switches_read_at_each_event);
  add_test ("/pipeline/notifier/dismiss-closes", test_dismiss_closes);
  /* last: it goes through the most of the pipeline and the store */
  add_test ("/pipeline/notifier/calendar-error", test_calendar_error);

  status = g_test_run ();

  g_clear_object (&app);
  notify_uninit ();
  server_stop ();

  return status;
}
