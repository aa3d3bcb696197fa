/* mp2-notifier.c
 *
 * Turns the pipeline's events into desktop notifications (libnotify):
 *
 *  - "schedule-created" of a day waiting for review: "New call sheet: Day 12 · Cicha
 *    Woda", "Thursday 28 March · your call 06:30";
 *  - "schedule-updated::revision": "Call sheet revised: Day 12 · Cicha Woda", with
 *    what moved ("Call 07:00 → 06:30 · set moved to Chełmska 21");
 *  - "error-occurred": "Could not read “file.pdf”", "Could not add Day 12 to the
 *    calendar", with the error's sentence;
 *  - the Google account needing a new sign-in (its token was revoked): "Sign in to
 *    Google again", with a "Sign In Again" button (the application's
 *    "google-sign-in" action).
 *
 * A day has one notification, replaced rather than stacked: a revision or an error
 * of a day updates the notification already there. It is closed once the user has
 * dealt with the day (confirmed, in the calendar, dismissed), and when a revision
 * makes it out of date while revision notifications are switched off. "Review" (and
 * a click on the notification) activates the application's "show-day" action with
 * the schedule's id; the UI brings the window up on that day.
 *
 * The switches in GSettings are read at each event, so that a change in Preferences
 * counts at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-notifier"

#include "config.h"

#include "mp2-notifier.h"

#include <glib/gi18n-lib.h>

#include "mp2-day-planner.h"
#include "mp2-errors.h"
#include "mp2-notify-compat.h"
#include "mp2-time-parse.h"

/* The notification about a problem that belongs to no day. */
#define NO_DAY_KEY "mp2-notifier:no-day"
/* The one about the Google account. */
#define ACCOUNT_KEY "mp2-notifier:google-account"

struct _Mp2Notifier
{
  GObject       parent_instance;

  Mp2Pipeline  *pipeline;
  GSettings    *settings;
  GApplication *application;     /* weak: the application owns the notifier */
  Mp2GoogleAccount *account;     /* nullable */

  GHashTable   *notifications;   /* day key → NotifyNotification, one per day */
  GHashTable   *weather_told;    /* day key → the warnings last told */
};

G_DEFINE_FINAL_TYPE (Mp2Notifier, mp2_notifier, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PIPELINE,
  PROP_SETTINGS,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Actions ------------------------------------------------------------------------ */

/* What a button opens: an action of the application, with a day's id or without a
 * parameter. The notification keeps it, and may outlive the notifier. */
typedef struct
{
  GWeakRef    application;
  const char *action;           /* "show-day", "google-sign-in" */
  gint64      schedule_id;      /* for "show-day"; 0: only bring the window up */
} ReviewTarget;

static ReviewTarget *
review_target_new (GApplication *application,
                   const char   *action,
                   gint64        schedule_id)
{
  ReviewTarget *target = g_new0 (ReviewTarget, 1);

  g_weak_ref_init (&target->application, application);
  target->action = action;
  target->schedule_id = schedule_id;

  return target;
}

static void
review_target_free (gpointer data)
{
  ReviewTarget *target = data;

  g_weak_ref_clear (&target->application);
  g_free (target);
}

static void
on_notification_review_cb (NotifyNotification *notification,
                           char               *action,
                           gpointer            user_data)
{
  ReviewTarget *target = user_data;
  g_autoptr(GApplication) application = g_weak_ref_get (&target->application);
  GActionGroup *actions;

  if (application == NULL)
    return;

  if (!g_application_get_is_registered (application))
    {
      g_warning ("The application is not registered: cannot answer a notification");
      return;
    }

  actions = G_ACTION_GROUP (application);
  if (g_strcmp0 (target->action, "show-day") == 0)
    {
      if (target->schedule_id > 0 && g_action_group_has_action (actions, "show-day"))
        g_action_group_activate_action (actions, "show-day",
                                        g_variant_new_int64 (target->schedule_id));
      else
        g_application_activate (application);
    }
  else if (g_action_group_has_action (actions, target->action))
    {
      g_application_activate (application);
      g_action_group_activate_action (actions, target->action, NULL);
    }
}

/* The default action (a click on the notification) and "Review" both open the day;
 * without a day, a click brings the window up. */
static void
set_actions (NotifyNotification *notification,
             GApplication       *application,
             gint64              schedule_id)
{
  notify_notification_clear_actions (notification);
  if (application == NULL)
    return;

  /* Translators: the action of a click on a notification; most notification
   * servers do not show it */
  notify_notification_add_action (notification, "default", _("Show"),
                                  on_notification_review_cb,
                                  review_target_new (application, "show-day", schedule_id),
                                  review_target_free);
  if (schedule_id > 0)
    /* Translators: a button of a notification about a call sheet: opens the day */
    notify_notification_add_action (notification, "review", _("Review"),
                                    on_notification_review_cb,
                                    review_target_new (application, "show-day", schedule_id),
                                    review_target_free);
}

/* What the notifications say --------------------------------------------------------- */

/* "Day 12 · Cicha Woda", or NULL when the sheet says neither. */
static char *
dup_day_title (Mp2CallSheet *sheet)
{
  const char *production = mp2_call_sheet_get_production (sheet);
  int day = mp2_call_sheet_get_shooting_day (sheet);
  gboolean has_production = production != NULL && *production != '\0';

  if (day > 0 && has_production)
    /* Translators: a shooting day in a notification's title: its number, then the
     * production, e.g. "Day 12 · Cicha Woda" */
    return g_strdup_printf (_("Day %d · %s"), day, production);
  if (day > 0)
    /* Translators: a shooting day in a notification's title, e.g. "Day 12" */
    return g_strdup_printf (_("Day %d"), day);

  return has_production ? g_strdup (production) : NULL;
}

/* "Thursday 28 March", in the user's language. */
static char *
dup_date (Mp2CallSheet *sheet)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (!mp2_call_sheet_get_date (sheet, &year, &month, &day))
    return NULL;

  date = g_date_time_new_utc (year, month, day, 12, 0, 0);
  if (date == NULL)
    return NULL;

  /* Translators: the date of a shooting day in a notification, a g_date_time_format()
   * format (see its documentation): "%A %-d %B" gives "Thursday 28 March" */
  return g_date_time_format (date, _("%A %-d %B"));
}

/* The user's own call when the crew or cast list has it, else the crew call. */
static int
get_my_call (Mp2CallSheet *sheet)
{
  const Mp2PersonalCall *personal = mp2_call_sheet_get_personal_call (sheet);

  if (personal != NULL && personal->call != MP2_CALL_SHEET_NO_TIME)
    return personal->call;

  return mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL);
}

/* "Thursday 28 March · your call 06:30", with the user's corrections applied. */
static char *
dup_day_line (Mp2Schedule *schedule)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_schedule_dup_effective_sheet (schedule);
  g_autofree char *date = NULL;
  g_autofree char *call = NULL;

  if (sheet == NULL)
    return NULL;

  date = dup_date (sheet);
  call = mp2_time_format (get_my_call (sheet));

  if (date != NULL && call != NULL)
    /* Translators: the body of a new call sheet's notification: the day's date, then
     * the time the user is called to set, e.g. "Thursday 28 March · your call 06:30" */
    return g_strdup_printf (_("%s · your call %s"), date, call);
  if (call != NULL)
    /* Translators: the body of a new call sheet's notification; %s is a time, "06:30" */
    return g_strdup_printf (_("Your call %s"), call);

  return g_steal_pointer (&date);
}

static char *
dup_new_sheet_summary (Mp2Schedule *schedule)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_schedule_dup_effective_sheet (schedule);
  g_autofree char *title = sheet != NULL ? dup_day_title (sheet) : NULL;

  if (title == NULL)
    /* Translators: a notification's title, for a sheet without a day number or title */
    return g_strdup (_("New call sheet"));

  /* Translators: a notification's title; %s is the day, e.g. "Day 12 · Cicha Woda" */
  return g_strdup_printf (_("New call sheet: %s"), title);
}

static char *
dup_revision_summary (Mp2Schedule *schedule)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_schedule_dup_effective_sheet (schedule);
  g_autofree char *title = sheet != NULL ? dup_day_title (sheet) : NULL;

  if (title == NULL)
    /* Translators: a notification's title, for a sheet without a day number or title */
    return g_strdup (_("Call sheet revised"));

  /* Translators: a notification's title; %s is the day, e.g. "Day 12 · Cicha Woda" */
  return g_strdup_printf (_("Call sheet revised: %s"), title);
}

/* What moved, else (a revision that changed nothing we compare) the day's line. */
static char *
dup_revision_body (Mp2Schedule *schedule)
{
  g_autofree char *changes = mp2_day_changes_summary (mp2_schedule_get_changes (schedule));

  if (changes != NULL && *changes != '\0')
    return g_steal_pointer (&changes);

  return dup_day_line (schedule);
}

/* "Day 12", else the production, else the date: the day in a short sentence. */
static char *
dup_short_day_name (Mp2Schedule *schedule)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_schedule_dup_effective_sheet (schedule);
  const char *production;
  int day;

  if (sheet == NULL)
    return NULL;

  day = mp2_call_sheet_get_shooting_day (sheet);
  production = mp2_call_sheet_get_production (sheet);
  if (day > 0)
    /* Translators: a shooting day in a notification's title, e.g. "Day 12" */
    return g_strdup_printf (_("Day %d"), day);
  if (production != NULL && *production != '\0')
    return g_strdup (production);

  return dup_date (sheet);
}

static char *
dup_read_error_summary (Mp2Schedule *schedule)
{
  const char *file_name = mp2_schedule_get_file_name (schedule);
  g_autofree char *base_name = NULL;

  if (file_name == NULL || *file_name == '\0')
    /* Translators: a notification's title when a PDF without a name could not be read */
    return g_strdup (_("Could not read a call sheet"));

  base_name = g_path_get_basename (file_name);
  /* Translators: a notification's title when a PDF could not be read as a call
   * sheet; %s is the file's name */
  return g_strdup_printf (_("Could not read “%s”"), base_name);
}

/* The pipeline's error says what went wrong but not during what: a day without a
 * sheet failed to be read; a confirmed one failed to reach the calendar; any other
 * day failed while its event was updated or taken out. */
static char *
dup_day_error_summary (Mp2Schedule  *schedule,
                       const GError *error)
{
  g_autofree char *day = NULL;

  if (error->domain == MP2_PARSE_ERROR || mp2_schedule_get_sheet (schedule) == NULL)
    return dup_read_error_summary (schedule);

  day = dup_short_day_name (schedule);
  if (day == NULL)
    /* Translators: stands for a day in "Could not add %s to the calendar" */
    day = g_strdup (_("this day"));

  if (mp2_schedule_get_state (schedule) == MP2_DAY_STATE_CONFIRMED)
    /* Translators: a notification's title; %s is the day, e.g. "Day 12" */
    return g_strdup_printf (_("Could not add %s to the calendar"), day);

  /* Translators: a notification's title; %s is the day, e.g. "Day 12" */
  return g_strdup_printf (_("Could not update the calendar for %s"), day);
}

static char *
dup_error_summary (Mp2Schedule  *schedule,
                   const GError *error)
{
  if (schedule != NULL)
    return dup_day_error_summary (schedule, error);

  if (error->domain == MP2_STORE_ERROR)
    /* Translators: a notification's title when the app's storage failed (a full disk) */
    return g_strdup (_("Could not save your call sheets"));

  /* Translators: a notification's title for any other problem; its text says what */
  return g_strdup (_("A call sheet needs your attention"));
}

/* The notifications ---------------------------------------------------------------- */

static char *
dup_fallback_key (Mp2Schedule *schedule)
{
  return g_strdup_printf ("schedule:%" G_GINT64_FORMAT, mp2_schedule_get_id (schedule));
}

/* A day's notification is found by its day key: a revision, a new schedule of the
 * same day, replaces it. A document that was never placed has no day key yet. */
static char *
dup_notification_key (Mp2Schedule *schedule)
{
  const char *day_key;

  if (schedule == NULL)
    return g_strdup (NO_DAY_KEY);

  day_key = mp2_schedule_get_day_key (schedule);
  if (day_key != NULL && *day_key != '\0')
    return g_strdup (day_key);

  return dup_fallback_key (schedule);
}

static gboolean
ensure_libnotify (void)
{
  if (notify_is_initted ())
    return TRUE;

  if (!notify_init (g_get_application_name ()))
    {
      g_message ("Could not initialise libnotify: no notifications");
      return FALSE;
    }

  return TRUE;
}

static NotifyNotification *
ensure_notification (Mp2Notifier *self,
                     const char  *key,
                     const char  *summary,
                     const char  *body)
{
  NotifyNotification *notification = g_hash_table_lookup (self->notifications, key);

  if (notification != NULL)
    {
      notify_notification_update (notification, summary, body, APPLICATION_ID);
      return notification;
    }

  notification = notify_notification_new (summary, body, APPLICATION_ID);
  notify_notification_set_hint_string (notification, "desktop-entry", APPLICATION_ID);
  g_hash_table_insert (self->notifications, g_strdup (key), notification);

  return notification;
}

static void
close_notification (Mp2Notifier *self,
                    const char  *key)
{
  g_autoptr(NotifyNotification) notification = NULL;
  g_autofree char *stolen_key = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_hash_table_steal_extended (self->notifications, key, (gpointer *) &stolen_key,
                                    (gpointer *) &notification))
    return;

  /* the server closed it already: expired, or the user closed it */
  if (notify_notification_get_closed_reason (notification) != NOTIFY_CLOSED_REASON_UNSET)
    return;

  if (!notify_notification_close (notification, &error))
    g_debug ("Could not close a notification: %s", error->message);
}

/* A document that failed and was then read has a day key now: its error goes. */
static void
close_fallback_notification (Mp2Notifier *self,
                             Mp2Schedule *schedule,
                             const char  *key)
{
  g_autofree char *fallback = NULL;

  if (schedule == NULL)
    return;

  fallback = dup_fallback_key (schedule);
  if (g_strcmp0 (fallback, key) != 0)
    close_notification (self, fallback);
}

static void
show_keyed_notification (Mp2Notifier *self,
                         Mp2Schedule *schedule,
                         const char  *key,
                         const char  *summary,
                         const char  *body,
                         const char  *kind)
{
  g_autoptr(GError) error = NULL;
  NotifyNotification *notification;

  if (!ensure_libnotify ())
    return;

  notification = ensure_notification (self, key, summary, body);
  set_actions (notification, self->application,
               schedule != NULL ? mp2_schedule_get_id (schedule) : 0);

  if (!notify_notification_show (notification, &error))
    {
      g_message ("Could not show a notification: %s", error->message);
      return;
    }

  close_fallback_notification (self, schedule, key);
  mp2_pipeline_emit_notification_sent (self->pipeline, schedule, kind);
}

static void
show_notification (Mp2Notifier *self,
                   Mp2Schedule *schedule,
                   const char  *summary,
                   const char  *body,
                   const char  *kind)
{
  g_autofree char *key = dup_notification_key (schedule);

  show_keyed_notification (self, schedule, key, summary, body, kind);
}

/* The pipeline's events ------------------------------------------------------------- */

static void
on_pipeline_schedule_created_cb (Mp2Pipeline *pipeline,
                                 Mp2Schedule *schedule,
                                 Mp2Notifier *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  if (mp2_schedule_get_state (schedule) != MP2_DAY_STATE_NEEDS_REVIEW)
    return;
  if (!g_settings_get_boolean (self->settings, "notify-new-sheet"))
    return;

  summary = dup_new_sheet_summary (schedule);
  body = dup_day_line (schedule);
  show_notification (self, schedule, summary, body, "new-sheet");
}

static void
on_pipeline_schedule_revised_cb (Mp2Pipeline *pipeline,
                                 Mp2Schedule *schedule,
                                 Mp2Notifier *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  if (!g_settings_get_boolean (self->settings, "notify-changes"))
    {
      /* what the day's notification says may be out of date now */
      g_autofree char *key = dup_notification_key (schedule);

      close_notification (self, key);
      return;
    }

  summary = dup_revision_summary (schedule);
  body = dup_revision_body (schedule);
  show_notification (self, schedule, summary, body, "revision");
}

static gboolean
is_dealt_with (Mp2DayState state)
{
  return state == MP2_DAY_STATE_CONFIRMED || state == MP2_DAY_STATE_SYNCED
         || state == MP2_DAY_STATE_DISMISSED || state == MP2_DAY_STATE_SUPERSEDED;
}

static void
on_pipeline_schedule_state_cb (Mp2Pipeline *pipeline,
                               Mp2Schedule *schedule,
                               Mp2Notifier *self)
{
  g_autofree char *key = NULL;

  Mp2DayState state = mp2_schedule_get_state (schedule);

  if (!is_dealt_with (state))
    return;

  key = dup_notification_key (schedule);
  close_notification (self, key);

  /* a day set aside: its time to leave and its weather are no longer news */
  if (state == MP2_DAY_STATE_DISMISSED && mp2_schedule_get_day_key (schedule) != NULL)
    {
      g_autofree char *leave = g_strconcat (mp2_schedule_get_day_key (schedule), "#leave", NULL);
      g_autofree char *weather = g_strconcat (mp2_schedule_get_day_key (schedule), "#weather",
                                              NULL);

      close_notification (self, leave);
      close_notification (self, weather);
      g_hash_table_remove (self->weather_told, weather);
    }
}

static void
on_pipeline_error_occurred_cb (Mp2Pipeline *pipeline,
                               Mp2Schedule *schedule,
                               GError      *error,
                               Mp2Notifier *self)
{
  g_autofree char *summary = NULL;

  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!g_settings_get_boolean (self->settings, "notify-errors"))
    return;

  summary = dup_error_summary (schedule, error);
  show_notification (self, schedule, summary, error->message, "error");
}

/* "Leave by 05:20 — traffic +12 min": its own notification beside the day's. */
static void
on_pipeline_leave_moved_cb (Mp2Pipeline *pipeline,
                            Mp2Schedule *schedule,
                            int          minutes_earlier,
                            int          traffic_minutes,
                            Mp2Notifier *self)
{
  g_autofree char *zone_name = g_settings_get_string (self->settings, "time-zone");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(Mp2DayPlan) plan = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autofree char *leave = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *key = NULL;

  if (!g_settings_get_boolean (self->settings, "notify-leave"))
    return;

  if (zone == NULL)
    zone = g_time_zone_new_local ();
  plan = mp2_day_plan_from_json (mp2_schedule_get_plan_json (schedule), zone);
  if (plan == NULL || plan->leave == NULL)
    return;

  leave = g_date_time_format (plan->leave, "%H:%M");
  if (traffic_minutes > 0)
    /* Translators: a notification's title: the new time to leave home, and how many
     * minutes longer the way to set takes now, e.g. "Leave by 05:20 — traffic +12 min" */
    summary = g_strdup_printf (_("Leave by %s — traffic +%d min"), leave, traffic_minutes);
  else
    /* Translators: a notification's title: the new time to leave home */
    summary = g_strdup_printf (_("Leave by %s"), leave);

  moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "That is %d minute earlier than planned.",
                                        "That is %d minutes earlier than planned.",
                                        minutes_earlier),
                           minutes_earlier);
  sheet = mp2_schedule_dup_effective_sheet (schedule);
  title = sheet != NULL ? dup_day_title (sheet) : NULL;
  body = title != NULL ? g_strdup_printf ("%s. %s", title, moved) : g_strdup (moved);

  key = g_strconcat (mp2_schedule_get_day_key (schedule), "#leave", NULL);
  show_keyed_notification (self, schedule, key, summary, body, "leave");
}

/* The warnings' sentences of a forecast, one a line, or NULL when it warns of
 * nothing. */
static char *
dup_weather_warnings (const char *weather_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonNode *root;
  JsonArray *warnings;

  if (weather_json == NULL || !json_parser_load_from_data (parser, weather_json, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "warnings"))
    return NULL;

  warnings = json_object_get_array_member (json_node_get_object (root), "warnings");
  for (guint i = 0; warnings != NULL && i < json_array_get_length (warnings); i++)
    {
      JsonObject *warning = json_array_get_object_element (warnings, i);
      const char *sentence = json_object_get_string_member_with_default (warning, "text", NULL);

      if (sentence == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, sentence);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* A day still to come, by its sheet's date. */
static gboolean
is_to_come (Mp2Schedule *schedule)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_schedule_dup_effective_sheet (schedule);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  int year = 0, month = 0, day = 0;

  if (sheet == NULL || !mp2_call_sheet_get_date (sheet, &year, &month, &day))
    return FALSE;

  return year * 10000 + month * 100 + day >= g_date_time_get_year (today) * 10000
         + g_date_time_get_month (today) * 100 + g_date_time_get_day_of_month (today);
}

/* Warnings for a day to come, told once until they change (the forecast is fetched
 * again every hour). */
static void
on_pipeline_weather_fetched_cb (Mp2Pipeline *pipeline,
                                Mp2Schedule *schedule,
                                Mp2Notifier *self)
{
  g_autofree char *warnings = NULL;
  g_autofree char *key = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autofree char *title = NULL;
  const char *told;

  if (!g_settings_get_boolean (self->settings, "notify-weather") || !is_to_come (schedule))
    return;

  warnings = dup_weather_warnings (mp2_schedule_get_weather_json (schedule));
  key = g_strconcat (mp2_schedule_get_day_key (schedule), "#weather", NULL);
  told = g_hash_table_lookup (self->weather_told, key);
  if (warnings == NULL || g_strcmp0 (told, warnings) == 0)
    {
      if (warnings == NULL)
        g_hash_table_remove (self->weather_told, key);
      return;
    }

  sheet = mp2_schedule_dup_effective_sheet (schedule);
  title = sheet != NULL ? dup_day_title (sheet) : NULL;
  if (title != NULL)
    /* Translators: a notification's title; %s is the day, e.g. "Day 12 · Cicha Woda" */
    summary = g_strdup_printf (_("Weather warning: %s"), title);
  else
    summary = g_strdup (_("Weather warning on set"));

  g_hash_table_replace (self->weather_told, g_strdup (key), g_strdup (warnings));
  show_keyed_notification (self, schedule, key, summary, warnings, "weather");
}

static void
connect_pipeline (Mp2Notifier *self)
{
  g_signal_connect_object (self->pipeline, "weather-fetched",
                           G_CALLBACK (on_pipeline_weather_fetched_cb), self, 0);
  g_signal_connect_object (self->pipeline, "leave-moved",
                           G_CALLBACK (on_pipeline_leave_moved_cb), self, 0);
  g_signal_connect_object (self->pipeline, "schedule-created",
                           G_CALLBACK (on_pipeline_schedule_created_cb), self, 0);
  g_signal_connect_object (self->pipeline, "schedule-updated::revision",
                           G_CALLBACK (on_pipeline_schedule_revised_cb), self, 0);
  g_signal_connect_object (self->pipeline, "schedule-updated::state",
                           G_CALLBACK (on_pipeline_schedule_state_cb), self, 0);
  g_signal_connect_object (self->pipeline, "error-occurred",
                           G_CALLBACK (on_pipeline_error_occurred_cb), self, 0);
}

/* The Google account ------------------------------------------------------------------ */

static void
show_account_notification (Mp2Notifier *self)
{
  const char *email = mp2_google_account_get_email (self->account);
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  NotifyNotification *notification;

  if (!ensure_libnotify ())
    return;

  if (email != NULL)
    /* Translators: %s is an e-mail address */
    body = g_strdup_printf (_("Until you sign in again as %s, new call sheets are not "
                              "fetched from Gmail and days are not added to Google "
                              "Calendar."), email);
  else
    body = g_strdup (_("Until you sign in again, new call sheets are not fetched from "
                       "Gmail and days are not added to Google Calendar."));

  notification = ensure_notification (self, ACCOUNT_KEY, _("Sign in to Google again"), body);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  set_actions (notification, self->application, 0);
  if (self->application != NULL)
    /* Translators: a button of the notification that the Google sign-in expired */
    notify_notification_add_action (notification, "sign-in", _("Sign In Again"),
                                    on_notification_review_cb,
                                    review_target_new (self->application, "google-sign-in", 0),
                                    review_target_free);

  if (!notify_notification_show (notification, &error))
    {
      g_message ("Could not show a notification: %s", error->message);
      return;
    }

  mp2_pipeline_emit_notification_sent (self->pipeline, NULL, "account");
}

static void
on_account_state_cb (Mp2Notifier *self)
{
  switch (mp2_google_account_get_state (self->account))
    {
    case MP2_ACCOUNT_STATE_NEEDS_SIGN_IN:
      if (g_settings_get_boolean (self->settings, "notify-errors"))
        show_account_notification (self);
      break;

    case MP2_ACCOUNT_STATE_SIGNED_IN:
    case MP2_ACCOUNT_STATE_SIGNED_OUT:
      close_notification (self, ACCOUNT_KEY);
      break;

    case MP2_ACCOUNT_STATE_SIGNING_IN:
    default:
      break;
    }
}

/**
 * mp2_notifier_set_account:
 * @self: a #Mp2Notifier
 * @account: (nullable): the Google account to watch
 *
 * Tells the user when the account needs signing in again, and takes the message
 * back once it is signed in (or out).
 */
void
mp2_notifier_set_account (Mp2Notifier      *self,
                          Mp2GoogleAccount *account)
{
  g_return_if_fail (MP2_IS_NOTIFIER (self));
  g_return_if_fail (account == NULL || MP2_IS_GOOGLE_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  if (account == NULL)
    return;

  g_signal_connect_object (account, "notify::state", G_CALLBACK (on_account_state_cb), self,
                           G_CONNECT_SWAPPED);
  on_account_state_cb (self);
}

/* The object ---------------------------------------------------------------------- */

/**
 * mp2_notifier_new:
 * @pipeline: the pipeline whose events are told
 * @settings: the app's settings (the notification switches)
 * @application: the application whose "show-day" action opens a day
 *
 * Initialises libnotify with the application's name if nobody did.
 *
 * Returns: (transfer full): a notifier, listening from now on
 */
Mp2Notifier *
mp2_notifier_new (Mp2Pipeline  *pipeline,
                  GSettings    *settings,
                  GApplication *application)
{
  g_return_val_if_fail (MP2_IS_PIPELINE (pipeline), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  return g_object_new (MP2_TYPE_NOTIFIER,
                       "pipeline", pipeline,
                       "settings", settings,
                       "application", application,
                       NULL);
}

static void
mp2_notifier_constructed (GObject *object)
{
  Mp2Notifier *self = MP2_NOTIFIER (object);

  G_OBJECT_CLASS (mp2_notifier_parent_class)->constructed (object);

  g_assert (self->pipeline != NULL);
  g_assert (self->settings != NULL);

  ensure_libnotify ();
  connect_pipeline (self);
}

static void
mp2_notifier_dispose (GObject *object)
{
  Mp2Notifier *self = MP2_NOTIFIER (object);

  if (self->pipeline != NULL)
    g_signal_handlers_disconnect_by_data (self->pipeline, self);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);

  /* The notifications stay on screen; their actions work while the app runs. */
  g_clear_pointer (&self->notifications, g_hash_table_unref);
  g_clear_pointer (&self->weather_told, g_hash_table_unref);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->settings);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (mp2_notifier_parent_class)->dispose (object);
}

static void
mp2_notifier_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  Mp2Notifier *self = MP2_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_notifier_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  Mp2Notifier *self = MP2_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      self->pipeline = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_APPLICATION:
      g_set_weak_pointer (&self->application, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_notifier_class_init (Mp2NotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mp2_notifier_constructed;
  object_class->dispose = mp2_notifier_dispose;
  object_class->get_property = mp2_notifier_get_property;
  object_class->set_property = mp2_notifier_set_property;

  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL,
                         MP2_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         G_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp2_notifier_init (Mp2Notifier *self)
{
  self->notifications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->weather_told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
