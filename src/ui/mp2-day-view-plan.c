/* mp2-day-view-plan.c
 *
 * The day's plan, as the pipeline stores it (plan_json and weather_json, see
 * ../../docs): when to wake up, leave and arrive, the route card, the weather card,
 * and what stopped the plan, each said with what the user can do about it. Without a
 * plan, one sentence says that it follows; the sheet's own times show all the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-view"

#include "config.h"

#include "mp2-day-view-private.h"

#include <glib/gi18n.h>

/* Reading the plan --------------------------------------------------------------------- */

static JsonNode *
parse_plan (const char *plan_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (plan_json == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, plan_json, -1, &error))
    {
      g_debug ("Ignoring the day's plan: %s", error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_node_copy (root);
}

static gboolean
has_flag (JsonObject *plan,
          const char *flag)
{
  JsonNode *node = json_object_get_member (plan, "flags");
  JsonArray *flags;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  flags = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      JsonNode *element = json_array_get_element (flags, i);

      if (JSON_NODE_HOLDS_VALUE (element)
          && json_node_get_value_type (element) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (element), flag) == 0)
        return TRUE;
    }

  return FALSE;
}

/* "05:10", "23:40 (day before)": the plan's times are in the day's time zone. */
static char *
format_plan_time (Mp2DayView *self,
                  const char *text)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (text, NULL);
  g_autofree char *time = NULL;
  int year, month, day;
  int sheet_year, sheet_month, sheet_day;

  if (when == NULL)
    return NULL;

  time = g_date_time_format (when, "%H:%M");
  g_date_time_get_ymd (when, &year, &month, &day);
  if (self->sheet == NULL
      || !mp2_call_sheet_get_date (self->sheet, &sheet_year, &sheet_month, &sheet_day)
      || (year == sheet_year && month == sheet_month && day == sheet_day))
    return g_steal_pointer (&time);

  if (year > sheet_year || (year == sheet_year && (month > sheet_month
                                                   || (month == sheet_month && day > sheet_day))))
    /* Translators: a time of the day's plan that falls after midnight */
    return g_strdup_printf (_("%s (next day)"), time);

  /* Translators: a time of the day's plan that falls on the day before the shoot */
  return g_strdup_printf (_("%s (day before)"), time);
}

static gboolean
show_time (Mp2DayView   *self,
           JsonObject   *plan,
           const char   *member,
           AdwActionRow *row,
           GtkLabel     *label)
{
  const char *text = json_object_get_string_member_with_default (plan, member, NULL);
  g_autofree char *time = text != NULL ? format_plan_time (self, text) : NULL;

  gtk_label_set_label (label, time != NULL ? time : "");
  gtk_widget_set_visible (GTK_WIDGET (row), time != NULL);

  return time != NULL;
}

static int
get_minutes (JsonObject *plan,
             const char *member)
{
  return (int) json_object_get_int_member_with_default (plan, member, -1);
}

static gboolean
show_times (Mp2DayView *self,
            JsonObject *plan)
{
  g_autofree char *routine = NULL;
  g_autofree char *early = NULL;
  gboolean shown = FALSE;

  shown |= show_time (self, plan, "wake_up", self->wake_up_row, self->wake_up_label);
  shown |= show_time (self, plan, "leave", self->leave_row, self->leave_label);
  shown |= show_time (self, plan, "arrive", self->arrive_row, self->arrive_label);

  if (get_minutes (plan, "morning_routine_minutes") >= 0)
    routine = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: under the wake-up time; %d is
                                             * the minutes of the morning routine */
                                            "%d minute before you leave",
                                            "%d minutes before you leave",
                                            get_minutes (plan, "morning_routine_minutes")),
                               get_minutes (plan, "morning_routine_minutes"));
  if (has_flag (plan, "early-wake-up"))
    {
      g_autofree char *early_wake_up = NULL;

      if (routine != NULL)
        early_wake_up = g_strdup_printf ("%s · %s", _("A very early start"), routine);
      else
        early_wake_up = g_strdup (_("A very early start"));

      adw_action_row_set_subtitle (self->wake_up_row, early_wake_up);
      gtk_widget_add_css_class (GTK_WIDGET (self->wake_up_row), "early-wake-up");
    }
  else
    {
      adw_action_row_set_subtitle (self->wake_up_row, routine != NULL ? routine : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->wake_up_row), "early-wake-up");
    }

  if (get_minutes (plan, "arrive_early_minutes") >= 0)
    early = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: under the arrival time; %d is the
                                           * minutes to be there before the call */
                                          "%d minute before your call",
                                          "%d minutes before your call",
                                          get_minutes (plan, "arrive_early_minutes")),
                             get_minutes (plan, "arrive_early_minutes"));
  adw_action_row_set_subtitle (self->arrive_row, early != NULL ? early : "");

  gtk_widget_set_visible (self->plan_list, shown);
  return shown;
}

/* Problems ---------------------------------------------------------------------------- */

typedef enum
{
  FIX_NONE,
  FIX_PREFERENCES,
  FIX_PLACES,
} Fix;

/* What the user can do about a problem, and where. */
static const char *
advise (const char *step,
        const char *code,
        Fix        *fix)
{
  *fix = FIX_NONE;

  if (g_strcmp0 (code, "no-key") == 0 || g_strcmp0 (code, "key-rejected") == 0)
    {
      *fix = FIX_PREFERENCES;
      return _("Add the service’s API key in Preferences, or choose a service that needs none.");
    }
  if (g_strcmp0 (code, "offline") == 0)
    return _("It is tried again by itself once the service can be reached.");
  if (g_strcmp0 (code, "beyond-horizon") == 0)
    return _("It is looked up again by itself as the day comes closer.");
  if (g_strcmp0 (step, "home") == 0 || g_strcmp0 (step, "via") == 0)
    {
      *fix = FIX_PREFERENCES;
      return _("Check the address in Preferences.");
    }
  if (g_strcmp0 (step, "set") == 0)
    {
      *fix = FIX_PLACES;
      return _("Correct the set’s address under Places below.");
    }
  if (g_strcmp0 (code, "no-route") == 0)
    {
      *fix = FIX_PREFERENCES;
      return _("Choose another way to travel or another route service in Preferences.");
    }

  return _("It is tried again when the day is planned next.");
}

static GtkWidget *
new_problem_row (const char *message,
                 const char *step,
                 const char *code)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  Fix fix;
  const char *advice = advise (step, code, &fix);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), advice);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problem"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "plan-problem");

  if (fix == FIX_PREFERENCES)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Open Preferences"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.preferences");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static guint
show_problems (Mp2DayView *self,
               JsonObject *plan)
{
  JsonNode *node = json_object_get_member (plan, "problems");
  JsonArray *problems;
  guint shown = 0;

  mp2_day_view_clear_list (self->problems_list);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      problems = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (problems); i++)
        {
          JsonNode *element = json_array_get_element (problems, i);
          JsonObject *problem;
          const char *message;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;

          problem = json_node_get_object (element);
          message = json_object_get_string_member_with_default (problem, "message", NULL);
          if (message == NULL || *message == '\0')
            continue;

          gtk_list_box_append (self->problems_list,
                               new_problem_row (message,
                                                json_object_get_string_member_with_default (
                                                  problem, "step", NULL),
                                                json_object_get_string_member_with_default (
                                                  problem, "code", NULL)));
          shown++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), shown > 0);
  return shown;
}

/* The whole plan ------------------------------------------------------------------------ */

static void
show_no_plan (Mp2DayView *self)
{
  gtk_widget_set_visible (self->plan_list, FALSE);
  mp2_day_view_clear_list (self->problems_list);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
  adw_preferences_group_set_description (self->plan_group,
                                         _("The plan (wake-up, route and weather) follows "
                                           "once the set’s address can be looked up. The "
                                           "sheet’s own times are below."));
  gtk_widget_set_visible (GTK_WIDGET (self->route_card), FALSE);
}

static void
show_plan (Mp2DayView *self,
           JsonObject *plan)
{
  gboolean timed = show_times (self, plan);
  guint problems = show_problems (self, plan);

  if (!timed && problems > 0)
    adw_preferences_group_set_description (self->plan_group,
                                           _("Your wake-up and leave times follow once "
                                             "these are solved."));
  else if (!timed)
    adw_preferences_group_set_description (self->plan_group,
                                           _("The plan (wake-up, route and weather) follows "
                                             "once the set’s address can be looked up. The "
                                             "sheet’s own times are below."));
  else
    adw_preferences_group_set_description (self->plan_group, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->route_card),
                          mp2_route_card_set_plan (self->route_card, plan));
}

static char *
sign_plan (Mp2DayView *self)
{
  const char *plan = mp2_schedule_get_plan_json (self->schedule);
  const char *weather = mp2_schedule_get_weather_json (self->schedule);
  int year = 0, month = 0, day = 0;

  if (self->sheet != NULL)
    mp2_call_sheet_get_date (self->sheet, &year, &month, &day);

  return g_strdup_printf ("%d-%d-%d\x1f%s\x1f%s", year, month, day,
                          plan != NULL ? plan : "", weather != NULL ? weather : "");
}

/**
 * mp2_day_view_update_plan:
 * @self: a #Mp2DayView
 *
 * Shows the schedule's plan and weather, when they changed.
 */
void
mp2_day_view_update_plan (Mp2DayView *self)
{
  g_autofree char *signature = NULL;
  g_autoptr(JsonNode) plan = NULL;
  gboolean weather;

  if (self->schedule == NULL)
    return;

  signature = sign_plan (self);
  if (g_strcmp0 (signature, self->plan_signature) == 0)
    return;
  g_free (self->plan_signature);
  self->plan_signature = g_steal_pointer (&signature);

  plan = parse_plan (mp2_schedule_get_plan_json (self->schedule));
  if (plan != NULL)
    show_plan (self, json_node_get_object (plan));
  else
    show_no_plan (self);

  weather = mp2_weather_card_set_weather (self->weather_card,
                                          mp2_schedule_get_weather_json (self->schedule));
  gtk_widget_set_visible (GTK_WIDGET (self->weather_card), weather);
}
