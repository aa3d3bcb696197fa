/* mp2-day-view-lists.c
 *
 * The lists of a day, as read: scenes, cast, crew (the user's own row marked),
 * notes, and what the reader was unsure of. They are rebuilt when the sheet changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-view"

#include "config.h"

#include "mp2-day-view-private.h"

#include <glib/gi18n.h>

#include "mp2-time-parse.h"

#define SEPARATOR " · "

static GtkWidget *
create_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;

  if (text->len > 0)
    g_string_append (text, SEPARATOR);
  g_string_append (text, part);
}

static void
show_rows (GtkWidget  *group,
           GtkListBox *list)
{
  gtk_widget_set_visible (group, gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL);
}

/* Scenes -------------------------------------------------------------------------- */

static const char *
describe_day_night (char day_night)
{
  switch (day_night)
    {
    case 'D':
      return C_("time of day", "Day");
    case 'N':
      return C_("time of day", "Night");
    case 'M':
      return C_("time of day", "Morning");
    case 'E':
      return C_("time of day", "Evening");
    default:
      return NULL;
    }
}

static GtkWidget *
create_scene_row (const Mp2Scene *scene)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;

  /* Translators: %s is a scene's number, such as 41A. */
  title = g_strdup_printf (_("Scene %s"), scene->number != NULL ? scene->number : "?");

  append_part (subtitle, scene->set);
  append_part (subtitle, describe_day_night (scene->day_night));
  if (scene->pages != NULL && *scene->pages != '\0')
    {
      /* Translators: a scene's length in pages, such as "1 3/8". */
      g_autofree char *pages = g_strdup_printf (_("Pages: %s"), scene->pages);

      append_part (subtitle, pages);
    }
  if (scene->cast[0] != NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", scene->cast);
      /* Translators: the numbers of the cast members in a scene, such as "1, 3". */
      g_autofree char *cast = g_strdup_printf (_("Cast: %s"), ids);

      append_part (subtitle, cast);
    }

  return create_row (title, subtitle->str);
}

static void
update_scenes (Mp2DayView *self,
               GPtrArray  *scenes)
{
  mp2_day_view_clear_list (self->scenes_list);

  for (guint i = 0; scenes != NULL && i < scenes->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("scenes/%u", i);
      GtkWidget *row = create_scene_row (g_ptr_array_index (scenes, i));

      mp2_day_view_track_source (self, row, key);
      gtk_list_box_append (self->scenes_list, row);
    }

  show_rows (self->scenes_group, self->scenes_list);
}

/* People ---------------------------------------------------------------------------- */

static void
mark_me (GtkWidget *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");

  gtk_widget_set_tooltip_text (icon, _("This is you"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("This is you"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_add_css_class (row, "me");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("This is you"), -1);
}

typedef enum
{
  CAST_PICKUP,
  CAST_CALL,
  CAST_ON_SET,
} CastTime;

static void
append_cast_time (GString  *text,
                  CastTime  which,
                  int       minutes)
{
  g_autofree char *time = mp2_time_format (minutes);
  g_autofree char *part = NULL;

  if (time == NULL)
    return;

  if (which == CAST_PICKUP)
    /* Translators: a cast member's times; %s is a time such as 07:10. */
    part = g_strdup_printf (_("Pickup %s"), time);
  else if (which == CAST_CALL)
    part = g_strdup_printf (_("Call %s"), time);
  else
    part = g_strdup_printf (_("On set %s"), time);

  append_part (text, part);
}

static GtkWidget *
create_cast_row (Mp2DayView          *self,
                 const Mp2CastMember *member)
{
  g_autoptr(GString) times = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  append_cast_time (times, CAST_PICKUP, member->pickup);
  append_cast_time (times, CAST_CALL, member->call);
  append_cast_time (times, CAST_ON_SET, member->on_set);

  if (member->character != NULL)
    g_string_append (subtitle, member->character);
  if (subtitle->len > 0 && times->len > 0)
    g_string_append_c (subtitle, '\n');
  g_string_append (subtitle, times->str);

  row = create_row (member->name, subtitle->str);
  if (member->id != NULL && *member->id != '\0')
    {
      GtkWidget *id = gtk_label_new (member->id);

      gtk_widget_add_css_class (id, "dim-label");
      gtk_widget_add_css_class (id, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (id), 2);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), id);
    }

  if (mp2_day_view_is_me (self, MP2_PERSONAL_CALL_CAST, member->name))
    mark_me (row);

  return row;
}

static void
update_cast (Mp2DayView *self,
             GPtrArray  *cast)
{
  mp2_day_view_clear_list (self->cast_list);

  for (guint i = 0; cast != NULL && i < cast->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("cast/%u", i);
      GtkWidget *row = create_cast_row (self, g_ptr_array_index (cast, i));

      mp2_day_view_track_source (self, row, key);
      gtk_list_box_append (self->cast_list, row);
    }

  show_rows (self->cast_group, self->cast_list);
}

static GtkWidget *
create_crew_row (Mp2DayView          *self,
                 const Mp2CrewMember *member)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *call = mp2_time_format (member->call);
  GtkWidget *row;

  append_part (subtitle, member->department);
  append_part (subtitle, member->position);
  row = create_row (member->name, subtitle->str);

  if (call != NULL)
    {
      GtkWidget *label = gtk_label_new (call);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  if (mp2_day_view_is_me (self, MP2_PERSONAL_CALL_CREW, member->name))
    mark_me (row);

  return row;
}

static void
update_crew (Mp2DayView *self,
             GPtrArray  *crew)
{
  mp2_day_view_clear_list (self->crew_list);

  for (guint i = 0; crew != NULL && i < crew->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("crew/%u", i);
      GtkWidget *row = create_crew_row (self, g_ptr_array_index (crew, i));

      mp2_day_view_track_source (self, row, key);
      gtk_list_box_append (self->crew_list, row);
    }

  show_rows (self->crew_group, self->crew_list);
}

/* Notes and warnings ------------------------------------------------------------------ */

static GtkWidget *
create_text_row (const char *text)
{
  GtkWidget *row = create_row (text, NULL);

  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);

  return row;
}

static void
update_notes (Mp2DayView *self,
              GPtrArray  *notes)
{
  mp2_day_view_clear_list (self->notes_list);

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    gtk_list_box_append (self->notes_list, create_text_row (g_ptr_array_index (notes, i)));

  show_rows (self->notes_group, self->notes_list);
}

static GtkWidget *
create_warning_row (const char *warning)
{
  GtkWidget *row = create_text_row (warning);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
update_warnings (Mp2DayView *self,
                 GPtrArray  *warnings)
{
  mp2_day_view_clear_list (self->warnings_list);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    gtk_list_box_append (self->warnings_list,
                         create_warning_row (g_ptr_array_index (warnings, i)));

  show_rows (self->warnings_group, self->warnings_list);
}

/**
 * mp2_day_view_update_lists:
 * @self: a #Mp2DayView
 *
 * Builds the rows of the scenes, cast, crew, notes and warnings of the effective
 * sheet.
 */
void
mp2_day_view_update_lists (Mp2DayView *self)
{
  Mp2CallSheet *sheet = self->sheet;

  update_scenes (self, sheet != NULL ? mp2_call_sheet_get_scenes (sheet) : NULL);
  update_cast (self, sheet != NULL ? mp2_call_sheet_get_cast (sheet) : NULL);
  update_crew (self, sheet != NULL ? mp2_call_sheet_get_crew (sheet) : NULL);
  update_notes (self, sheet != NULL ? mp2_call_sheet_get_notes (sheet) : NULL);
  update_warnings (self, sheet != NULL ? mp2_call_sheet_get_warnings (sheet) : NULL);
}
