/* mp2-day-row.c
 *
 * A day in the sidebar: production, date, my call and where the day stands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-row"

#include "config.h"

#include "mp2-day-row.h"

#include <glib/gi18n.h>

struct _Mp2DayRow
{
  GtkListBoxRow  parent_instance;

  Mp2Schedule   *schedule;

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *call_label;
  GtkImage      *state_image;
};

G_DEFINE_FINAL_TYPE (Mp2DayRow, mp2_day_row, GTK_TYPE_LIST_BOX_ROW)

/* Groups and order ---------------------------------------------------------------- */

static gboolean
get_date (Mp2Schedule *schedule,
          GDate       *date)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_schedule_dup_effective_sheet (schedule);
  int year, month, day;

  g_date_clear (date, 1);
  if (sheet == NULL || !mp2_call_sheet_get_date (sheet, &year, &month, &day))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return g_date_valid (date);
}

/**
 * mp2_day_group_for:
 * @schedule: a day
 * @today: the date today
 *
 * Days that wait for the user come first, whatever their date; then the days in
 * the calendar that are still to come; then those that are over.
 *
 * Returns: the sidebar group of @schedule
 */
Mp2DayGroup
mp2_day_group_for (Mp2Schedule *schedule,
                   GDate       *today)
{
  Mp2DayState state = mp2_schedule_get_state (schedule);
  GDate date;

  if (state != MP2_DAY_STATE_CONFIRMED && state != MP2_DAY_STATE_SYNCED)
    return MP2_DAY_GROUP_NEEDS_REVIEW;

  if (get_date (schedule, &date) && g_date_compare (&date, today) < 0)
    return MP2_DAY_GROUP_PAST;

  return MP2_DAY_GROUP_UPCOMING;
}

const char *
mp2_day_group_title (Mp2DayGroup group)
{
  switch (group)
    {
    case MP2_DAY_GROUP_NEEDS_REVIEW:
      return _("Needs Review");
    case MP2_DAY_GROUP_UPCOMING:
      return _("Upcoming");
    case MP2_DAY_GROUP_PAST:
    default:
      return _("Past");
    }
}

/**
 * mp2_day_compare:
 * @a: a day
 * @b: another day
 * @today: the date today
 *
 * The sidebar's order: by group, then the soonest first, but the most recent first
 * among past days; days without a date last.
 *
 * Returns: <0, 0 or >0 as for qsort()
 */
int
mp2_day_compare (Mp2Schedule *a,
                 Mp2Schedule *b,
                 GDate       *today)
{
  Mp2DayGroup group_a = mp2_day_group_for (a, today);
  Mp2DayGroup group_b = mp2_day_group_for (b, today);
  GDate date_a, date_b;
  gboolean has_a, has_b;

  if (group_a != group_b)
    return group_a < group_b ? -1 : 1;

  has_a = get_date (a, &date_a);
  has_b = get_date (b, &date_b);
  if (has_a != has_b)
    return has_a ? -1 : 1;

  if (has_a && g_date_compare (&date_a, &date_b) != 0)
    return group_a == MP2_DAY_GROUP_PAST ? g_date_compare (&date_b, &date_a)
                                         : g_date_compare (&date_a, &date_b);

  return mp2_schedule_get_id (a) > mp2_schedule_get_id (b) ? -1 : 1;
}

/* The row ---------------------------------------------------------------------------- */

static const char *
describe_state (Mp2DayState  state,
                const char **icon_name)
{
  switch (state)
    {
    case MP2_DAY_STATE_NEW:
    case MP2_DAY_STATE_PARSED:
    case MP2_DAY_STATE_PLANNED:
      *icon_name = "content-loading-symbolic";
      return _("Being read");
    case MP2_DAY_STATE_NEEDS_REVIEW:
      *icon_name = "document-edit-symbolic";
      return _("Needs review");
    case MP2_DAY_STATE_CONFIRMED:
      *icon_name = "content-loading-symbolic";
      return _("Being added to your calendar");
    case MP2_DAY_STATE_SYNCED:
      *icon_name = "object-select-symbolic";
      return _("In your calendar");
    case MP2_DAY_STATE_FAILED:
      *icon_name = "dialog-warning-symbolic";
      return _("Could not be read");
    case MP2_DAY_STATE_SUPERSEDED:
    case MP2_DAY_STATE_DISMISSED:
    default:
      *icon_name = NULL;
      return "";
    }
}

static char *
format_minutes (int minutes)
{
  if (minutes == MP2_CALL_SHEET_NO_TIME)
    return g_strdup ("");

  return g_strdup_printf ("%02d:%02d", (minutes / 60) % 24, minutes % 60);
}

static int
call_of (Mp2CallSheet *sheet)
{
  const Mp2PersonalCall *mine = mp2_call_sheet_get_personal_call (sheet);

  if (mine->call != MP2_CALL_SHEET_NO_TIME)
    return mine->call;

  return mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL);
}

static char *
format_date (Mp2CallSheet *sheet,
             const char   *format)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (!mp2_call_sheet_get_date (sheet, &year, &month, &day))
    return NULL;

  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  return date != NULL ? g_date_time_format (date, format) : NULL;
}

static char *
describe_day (Mp2CallSheet *sheet)
{
  /* Translators: a short date in the sidebar, see g_date_time_format() */
  g_autofree char *date = format_date (sheet, _("%a %-d %b"));
  int day = mp2_call_sheet_get_shooting_day (sheet);

  if (date == NULL)
    date = g_strdup (_("No date"));
  if (day == MP2_CALL_SHEET_NO_NUMBER)
    return g_steal_pointer (&date);

  /* Translators: "Thu 28 Mar · Day 12": the date and the day of the shoot */
  return g_strdup_printf (_("%s · Day %d"), date, day);
}

static void
update_accessible_label (Mp2DayRow  *self,
                         const char *title,
                         const char *when,
                         const char *call,
                         const char *state)
{
  g_autofree char *label = NULL;

  if (*call != '\0')
    /* Translators: what a screen reader says for a day in the sidebar: production,
     * date, call time and state, e.g. "Cicha Woda, Thu 28 Mar, call 06:30, needs review" */
    label = g_strdup_printf (_("%s, %s, call %s, %s"), title, when, call, state);
  else
    /* Translators: production or file name, date, state */
    label = g_strdup_printf (_("%s, %s, %s"), title, when, state);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_row (Mp2DayRow *self)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_schedule_dup_effective_sheet (self->schedule);
  g_autofree char *when = NULL;
  g_autofree char *call = NULL;
  const char *title = NULL;
  const char *icon_name = NULL;
  const char *state = describe_state (mp2_schedule_get_state (self->schedule), &icon_name);

  if (sheet != NULL)
    {
      title = mp2_call_sheet_get_production (sheet);
      when = describe_day (sheet);
      call = format_minutes (call_of (sheet));
    }
  else
    {
      when = g_strdup (state);
      call = g_strdup ("");
    }

  if (title == NULL || *title == '\0')
    title = mp2_schedule_get_file_name (self->schedule);
  if (title == NULL)
    title = _("Call Sheet");

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, when);
  gtk_label_set_label (self->call_label, call);
  gtk_image_set_from_icon_name (self->state_image, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_image), state);
  update_accessible_label (self, title, when, call, state);
}

static void
on_schedule_notify_cb (Mp2DayRow *self)
{
  update_row (self);
}

/**
 * mp2_day_row_new:
 * @schedule: the day to show
 *
 * Returns: (transfer floating): a row that follows the changes of @schedule
 */
GtkWidget *
mp2_day_row_new (Mp2Schedule *schedule)
{
  Mp2DayRow *self;

  g_return_val_if_fail (MP2_IS_SCHEDULE (schedule), NULL);

  self = g_object_new (MP2_TYPE_DAY_ROW, NULL);
  self->schedule = g_object_ref (schedule);
  g_signal_connect_object (schedule, "notify", G_CALLBACK (on_schedule_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_row (self);

  return GTK_WIDGET (self);
}

Mp2Schedule *
mp2_day_row_get_schedule (Mp2DayRow *self)
{
  g_return_val_if_fail (MP2_IS_DAY_ROW (self), NULL);

  return self->schedule;
}

static void
mp2_day_row_dispose (GObject *object)
{
  Mp2DayRow *self = MP2_DAY_ROW (object);

  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (mp2_day_row_parent_class)->dispose (object);
}

static void
mp2_day_row_class_init (Mp2DayRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp2_day_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/mp2-day-row.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2DayRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayRow, call_label);
  gtk_widget_class_bind_template_child (widget_class, Mp2DayRow, state_image);
}

static void
mp2_day_row_init (Mp2DayRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
