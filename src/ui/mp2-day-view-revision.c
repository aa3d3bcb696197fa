/* mp2-day-view-revision.c
 *
 * A revised call sheet on the day page: a banner with what the revision changed
 * (old → new, a line each; AdwBanner is libadwaita 1.3, so a GtkRevealer), and a
 * row per edit of the user's that the revision changed too, with "Keep Mine" and
 * "Take Theirs".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-view"

#include "config.h"

#include "mp2-day-view-private.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"

#define CONFLICT_KEY_DATA "mp2-conflict-key"

/* The revision banner ------------------------------------------------------------- */

static const char *
describe_change_kind (Mp2DayChangeKind kind)
{
  switch (kind)
    {
    case MP2_DAY_CHANGE_CREW_CALL:
      return _("Crew call");
    case MP2_DAY_CHANGE_MY_CALL:
      return _("Your call");
    case MP2_DAY_CHANGE_SHOOTING_CALL:
      return _("Shooting call");
    case MP2_DAY_CHANGE_WRAP:
      return _("Wrap");
    case MP2_DAY_CHANGE_DATE:
      return _("Date");
    case MP2_DAY_CHANGE_SCENE_ADDED:
      return _("Scene added");
    case MP2_DAY_CHANGE_SCENE_REMOVED:
      return _("Scene removed");
    case MP2_DAY_CHANGE_LOCATION:
    default:
      return _("Place");
    }
}

static char *
describe_change (Mp2DayView         *self,
                 const Mp2DayChange *change)
{
  g_autofree char *place = NULL;
  const char *what = describe_change_kind (change->kind);
  const char *value;

  if (change->kind == MP2_DAY_CHANGE_LOCATION && change->key != NULL)
    place = mp2_day_view_describe_field (self, change->key);
  if (place != NULL)
    what = place;

  if (change->old_value != NULL && change->new_value != NULL)
    /* Translators: one change in a revised call sheet: what changed, the value
     * before and the value now, such as "Crew call: 07:00 → 06:30". */
    return g_strdup_printf (_("%s: %s → %s"), what, change->old_value, change->new_value);

  value = change->new_value != NULL ? change->new_value : change->old_value;
  if (value == NULL)
    return g_strdup (what);

  /* Translators: one change in a revised call sheet, such as "Scene added: 41A". */
  return g_strdup_printf (_("%s: %s"), what, value);
}

static gboolean
is_banner_hidden (Mp2DayView *self)
{
  gint64 id = mp2_schedule_get_id (self->schedule);

  return g_hash_table_contains (self->banners_hidden, &id);
}

/**
 * mp2_day_view_update_banner:
 * @self: a #Mp2DayView
 *
 * Shows what a revision changed, one change a line, unless the user put it away.
 */
void
mp2_day_view_update_banner (Mp2DayView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *changes = NULL;

  if (self->schedule != NULL)
    changes = mp2_schedule_get_changes (self->schedule);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      g_autofree char *line = describe_change (self, g_ptr_array_index (changes, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  gtk_label_set_label (self->changes_label, text->str);
  gtk_revealer_set_reveal_child (self->banner_revealer,
                                 text->len > 0 && !is_banner_hidden (self));
}

/**
 * mp2_day_view_hide_banner:
 * @self: a #Mp2DayView
 *
 * Puts the changes of this day's revision away, for as long as the view lives.
 */
void
mp2_day_view_hide_banner (Mp2DayView *self)
{
  gint64 *id;

  if (self->schedule == NULL)
    return;

  id = g_new (gint64, 1);
  *id = mp2_schedule_get_id (self->schedule);
  g_hash_table_add (self->banners_hidden, id);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

/* Conflicts between the user's edits and a revision ------------------------------ */

static void
on_conflict_button_clicked_cb (GtkButton  *button,
                               Mp2DayView *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), CONFLICT_KEY_DATA);
  gboolean keep_mine = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "keep-mine"));

  mp2_day_view_resolve_conflict (self, key, keep_mine);
}

static GtkWidget *
create_conflict_button (Mp2DayView *self,
                        const char *label,
                        const char *key,
                        const char *field,
                        gboolean    keep_mine)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), CONFLICT_KEY_DATA, g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (button), "keep-mine", GINT_TO_POINTER (keep_mine));
  g_signal_connect (button, "clicked", G_CALLBACK (on_conflict_button_clicked_cb), self);

  /* The button's own name says what it does; which field, the description. */
  mp2_a11y_fix_mnemonic_buttons (button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, field, -1);

  return button;
}

static GtkWidget *
create_conflict_row (Mp2DayView           *self,
                     const Mp2DayConflict *conflict)
{
  g_autofree char *field = mp2_day_view_describe_field (self, conflict->key);
  g_autofree char *mine = mp2_day_view_format_value (conflict->mine);
  g_autofree char *theirs = mp2_day_view_format_value (conflict->theirs);
  g_autofree char *subtitle = NULL;
  g_autofree char *source = mp2_day_view_source_for_key (self, conflict->key);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a field that the user corrected and a revision changed: the
   * user's value, then the revised sheet's. */
  subtitle = g_strdup_printf (_("Yours: %s · The revision: %s"), mine, theirs);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_conflict_button (self, _("_Keep Mine"), conflict->key, field,
                                                     TRUE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_conflict_button (self, _("_Take Theirs"), conflict->key,
                                                     field, FALSE));
  gtk_widget_add_css_class (row, "conflict");
  mp2_day_view_track_source (self, row, source);

  return row;
}

/**
 * mp2_day_view_update_conflicts:
 * @self: a #Mp2DayView
 *
 * Shows a row per field that the user corrected and a revision changed, with both
 * values and the choice between them; rebuilt only when the conflicts change.
 */
void
mp2_day_view_update_conflicts (Mp2DayView *self)
{
  GPtrArray *conflicts = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (self->schedule != NULL && self->sheet != NULL)
    conflicts = mp2_schedule_get_conflicts (self->schedule);

  if (conflicts != NULL)
    {
      node = mp2_day_conflicts_to_json (conflicts);
      json = json_to_string (node, FALSE);
    }

  if (g_strcmp0 (json, self->conflicts_json) == 0)
    return;

  g_free (self->conflicts_json);
  self->conflicts_json = g_steal_pointer (&json);

  mp2_day_view_clear_list (self->conflicts_list);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    gtk_list_box_append (self->conflicts_list,
                         create_conflict_row (self, g_ptr_array_index (conflicts, i)));

  gtk_widget_set_visible (self->conflicts_group, conflicts != NULL && conflicts->len > 0);
}
