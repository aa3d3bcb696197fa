/* mp2-day-view-fields.c
 *
 * The fields of a day that the user corrects: the times, the production, date and
 * day numbers, and the places. Each is a Mp2FieldRow keyed by its edit key (see
 * mp2-day.h); what it shows comes from the effective sheet (as read, with the
 * edits), and whether it is edited from the schedule's edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-day-view"

#include "config.h"

#include "mp2-day-view-private.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mp2-day.h"

#define PLACE_INDEX_DATA "mp2-place-index"

/* Names ----------------------------------------------------------------------------- */

const char *
mp2_day_view_location_kind_label (Mp2LocationKind kind)
{
  switch (kind)
    {
    case MP2_LOCATION_SET:
      return C_("place", "Set");
    case MP2_LOCATION_BASE:
      return C_("place", "Unit base");
    case MP2_LOCATION_PARKING:
      return C_("place", "Parking");
    case MP2_LOCATION_CATERING:
      return C_("place", "Catering");
    case MP2_LOCATION_HOSPITAL:
      return C_("place", "Hospital");
    case MP2_LOCATION_MEETING_POINT:
      return C_("place", "Meeting point");
    case MP2_N_LOCATION_KINDS:
    default:
      return C_("place", "Place");
    }
}

static const struct
{
  const char *key;
  const char *label;
} field_labels[] = {
  { "production", N_("Production") },
  { "date", N_("Date") },
  { "shooting_day", N_("Shooting day") },
  { "total_days", N_("Shooting days in total") },
  { "my_call", N_("Your call") },
  { "crew_call", N_("Crew call") },
  { "shooting_call", N_("Shooting call") },
  { "breakfast", N_("Breakfast") },
  { "lunch", N_("Lunch") },
  { "estimated_wrap", N_("Estimated wrap") },
  { "sunrise", N_("Sunrise") },
  { "sunset", N_("Sunset") },
};

static const Mp2Location *
find_location (Mp2DayView *self,
               guint       index)
{
  GPtrArray *locations;

  if (self->sheet == NULL)
    return NULL;

  locations = mp2_call_sheet_get_locations (self->sheet);

  return index < locations->len ? g_ptr_array_index (locations, index) : NULL;
}

static char *
describe_location_field (Mp2DayView *self,
                         guint       index,
                         const char *part)
{
  const Mp2Location *location = find_location (self, index);
  const char *kind = mp2_day_view_location_kind_label (location != NULL ? location->kind
                                                                        : MP2_N_LOCATION_KINDS);

  if (g_strcmp0 (part, "name") == 0)
    /* Translators: the name of a place on the call sheet; %s is what the place is,
     * such as "Set" or "Unit base". */
    return g_strdup_printf (_("%s name"), kind);

  if (g_strcmp0 (part, "address") == 0)
    /* Translators: the address of a place on the call sheet; %s is what the place
     * is, such as "Set" or "Unit base". */
    return g_strdup_printf (_("%s address"), kind);

  return g_strdup (kind);
}

/**
 * mp2_day_view_describe_field:
 * @self: a #Mp2DayView
 * @key: an edit key, such as "crew_call" or "locations/0/address"
 *
 * Returns: (transfer full): what the field is, for a person
 */
char *
mp2_day_view_describe_field (Mp2DayView *self,
                             const char *key)
{
  guint index;
  char part[16];

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (key, field_labels[i].key) == 0)
      return g_strdup (_(field_labels[i].label));

  if (sscanf (key, "locations/%u/%15s", &index, part) == 2)
    return describe_location_field (self, index, part);

  if (sscanf (key, "locations/%u", &index) == 1)
    return describe_location_field (self, index, NULL);

  if (sscanf (key, "notes/%u", &index) == 1)
    /* Translators: one of the notes of a call sheet, counted from 1. */
    return g_strdup_printf (_("Note %u"), index + 1);

  return g_strdup (key);
}

/**
 * mp2_day_view_format_value:
 * @value: (nullable): a field's value in the form of an edit
 *
 * Returns: (transfer full): @value for a person
 */
char *
mp2_day_view_format_value (JsonNode *value)
{
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    /* Translators: the value of a field that the sheet leaves blank. */
    return g_strdup (_("(empty)"));

  if (json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));

  return g_strdup (_("(empty)"));
}

/* Where fields were read ---------------------------------------------------------- */

static int
find_person (GPtrArray  *people,
             gboolean    crew,
             Mp2DayView *self)
{
  Mp2PersonalCallSource source = crew ? MP2_PERSONAL_CALL_CREW : MP2_PERSONAL_CALL_CAST;

  for (guint i = 0; i < people->len; i++)
    {
      const char *name = crew ? ((Mp2CrewMember *) g_ptr_array_index (people, i))->name
                              : ((Mp2CastMember *) g_ptr_array_index (people, i))->name;

      if (mp2_day_view_is_me (self, source, name))
        return (int) i;
    }

  return -1;
}

/* The row of the user's own call, or the crew call that stands for it. */
static char *
personal_call_source (Mp2DayView *self)
{
  const Mp2PersonalCall *call = mp2_call_sheet_get_personal_call (self->sheet);
  int index = -1;

  if (call->source == MP2_PERSONAL_CALL_CREW)
    {
      index = find_person (mp2_call_sheet_get_crew (self->sheet), TRUE, self);
      if (index >= 0)
        return g_strdup_printf ("crew/%d", index);
    }
  else if (call->source == MP2_PERSONAL_CALL_CAST)
    {
      index = find_person (mp2_call_sheet_get_cast (self->sheet), FALSE, self);
      if (index >= 0)
        return g_strdup_printf ("cast/%d", index);
    }

  return g_strdup ("crew_call");
}

/**
 * mp2_day_view_source_for_key:
 * @self: a #Mp2DayView
 * @key: an edit key
 *
 * Returns: (transfer full) (nullable): the key of the box where the field was read
 */
char *
mp2_day_view_source_for_key (Mp2DayView *self,
                             const char *key)
{
  guint index;

  if (g_strcmp0 (key, "my_call") == 0)
    return self->sheet != NULL ? personal_call_source (self) : NULL;

  if (g_strcmp0 (key, "total_days") == 0)
    return g_strdup ("shooting_day");

  if (sscanf (key, "locations/%u", &index) == 1)
    return g_strdup_printf ("locations/%u", index);

  if (g_str_has_prefix (key, "notes/"))
    return NULL;

  return g_strdup (key);
}

/* Saving --------------------------------------------------------------------------- */

static void
on_field_row_save_cb (Mp2FieldRow *row,
                      JsonNode    *value,
                      Mp2DayView  *self)
{
  mp2_day_view_save_edit (self, mp2_field_row_get_key (row), value);
}

static void
on_field_row_reset_cb (Mp2FieldRow *row,
                       Mp2DayView  *self)
{
  mp2_day_view_reset_edit (self, mp2_field_row_get_key (row));
}

static void
connect_field_row (Mp2DayView  *self,
                   Mp2FieldRow *row)
{
  g_signal_connect (row, "save", G_CALLBACK (on_field_row_save_cb), self);
  g_signal_connect (row, "reset", G_CALLBACK (on_field_row_reset_cb), self);
  mp2_day_view_track_source (self, GTK_WIDGET (row), NULL);
}

static void
collect_field_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (MP2_IS_FIELD_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_field_rows (child, rows);
}

/**
 * mp2_day_view_init_fields:
 * @self: a #Mp2DayView
 *
 * Finds the field rows of the template and connects them.
 */
void
mp2_day_view_init_fields (Mp2DayView *self)
{
  self->field_rows = g_ptr_array_new ();
  collect_field_rows (GTK_WIDGET (self->times_group), self->field_rows);
  collect_field_rows (self->production_group, self->field_rows);

  for (guint i = 0; i < self->field_rows->len; i++)
    connect_field_row (self, g_ptr_array_index (self->field_rows, i));
}

/* Showing --------------------------------------------------------------------------- */

static void
update_field_row (Mp2DayView  *self,
                  Mp2FieldRow *row)
{
  const char *key = mp2_field_row_get_key (row);
  Mp2CallSheet *read = mp2_schedule_get_sheet (self->schedule);
  JsonObject *edits = mp2_schedule_get_edits (self->schedule);
  g_autoptr(JsonNode) value = mp2_day_get_field (self->sheet, key);
  g_autoptr(JsonNode) sheet_value = mp2_day_get_field (read, key);

  mp2_field_row_set_value (row, value, sheet_value, json_object_has_member (edits, key));
}

static char *
describe_personal_call (Mp2DayView *self)
{
  const Mp2PersonalCall *call = mp2_call_sheet_get_personal_call (self->sheet);
  JsonObject *edits = mp2_schedule_get_edits (self->schedule);

  if (json_object_has_member (edits, "my_call") && call->call != MP2_CALL_SHEET_NO_TIME)
    return g_strdup (_("Your call is the time you set."));

  switch (call->source)
    {
    case MP2_PERSONAL_CALL_CREW:
      if (call->position != NULL)
        /* Translators: %s is the user's position on the crew list, such as Gaffer. */
        return g_strdup_printf (_("Your call is from the crew list, as %s."), call->position);
      return g_strdup (_("Your call is from the crew list."));
    case MP2_PERSONAL_CALL_CAST:
      if (call->position != NULL)
        /* Translators: %s is the character the user plays. */
        return g_strdup_printf (_("Your call is from the cast list, as %s."), call->position);
      return g_strdup (_("Your call is from the cast list."));
    case MP2_PERSONAL_CALL_GENERAL:
      if (call->name != NULL)
        return g_strdup (_("Your call is the general crew call: your row on the sheet has "
                           "no time of its own."));
      return g_strdup (_("Your call is the general crew call — your name is not on the "
                         "sheet."));
    case MP2_PERSONAL_CALL_NONE:
    default:
      return g_strdup (_("Add your name in Preferences to find your own call on the sheet; "
                         "until then, the day starts at the crew call."));
    }
}

static void
update_my_call (Mp2DayView *self)
{
  g_autofree char *origin = describe_personal_call (self);
  g_autofree char *source = personal_call_source (self);
  int call = mp2_call_sheet_get_time (self->sheet, MP2_TIME_FIELD_CREW_CALL);

  adw_preferences_group_set_description (self->times_group, origin);
  mp2_field_row_set_source_key (self->my_call_row, source);

  /* A wrap at or before the call is after midnight. */
  if (call == MP2_CALL_SHEET_NO_TIME)
    call = mp2_call_sheet_get_time (self->sheet, MP2_TIME_FIELD_SHOOTING_CALL);
  mp2_field_row_set_next_day_until (self->wrap_row, call != MP2_CALL_SHEET_NO_TIME ? call : 0);
}

/**
 * mp2_day_view_update_fields:
 * @self: a #Mp2DayView
 *
 * Shows the values of the times, the production, the date and the day numbers.
 */
void
mp2_day_view_update_fields (Mp2DayView *self)
{
  if (self->schedule == NULL || self->sheet == NULL)
    return;

  update_my_call (self);
  for (guint i = 0; i < self->field_rows->len; i++)
    update_field_row (self, g_ptr_array_index (self->field_rows, i));
}

/* Places ------------------------------------------------------------------------------ */

static const char *
place_address (Mp2DayView *self,
               GtkWidget  *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), PLACE_INDEX_DATA));
  const Mp2Location *location = find_location (self, index);

  return location != NULL && location->address != NULL && *location->address != '\0'
         ? location->address : NULL;
}

static void
on_copy_button_clicked_cb (GtkButton  *button,
                           Mp2DayView *self)
{
  const char *address = place_address (self, GTK_WIDGET (button));

  if (address == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), address);
  mp2_day_view_add_toast (self, adw_toast_new (_("Address copied")));
}

static void
on_maps_launched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Mp2DayView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Cannot open the map: %s", error->message);
  mp2_day_view_add_toast (self, adw_toast_new (_("No app for maps is installed")));
}

static void
on_maps_button_clicked_cb (GtkButton  *button,
                           Mp2DayView *self)
{
  const char *address = place_address (self, GTK_WIDGET (button));
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (address == NULL)
    return;

  escaped = g_uri_escape_string (address, NULL, FALSE);
  uri = g_strconcat ("geo:0,0?q=", escaped, NULL);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context),
                                           self->cancellable, on_maps_launched_cb,
                                           g_object_ref (self));
}

static GtkWidget *
create_place_button (Mp2DayView *self,
                     guint       index,
                     const char *icon_name,
                     const char *label,
                     GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), PLACE_INDEX_DATA, GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
create_place_field (Mp2DayView *self,
                    guint       index,
                    const char *part,
                    const char *title)
{
  g_autofree char *key = g_strdup_printf ("locations/%u/%s", index, part);
  g_autofree char *source = g_strdup_printf ("locations/%u", index);
  GtkWidget *row = mp2_field_row_new (MP2_FIELD_KIND_TEXT, key, title);

  mp2_field_row_set_source_key (MP2_FIELD_ROW (row), source);
  connect_field_row (self, MP2_FIELD_ROW (row));

  return row;
}

static GtkWidget *
create_place_row (Mp2DayView        *self,
                  guint              index,
                  const Mp2Location *location)
{
  g_autofree char *source = g_strdup_printf ("locations/%u", index);
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 mp2_day_view_location_kind_label (location->kind));

  adw_expander_row_add_action (expander,
                               create_place_button (self, index, "edit-copy-symbolic",
                                                    _("Copy Address"),
                                                    G_CALLBACK (on_copy_button_clicked_cb)));
  adw_expander_row_add_action (expander,
                               create_place_button (self, index, "mark-location-symbolic",
                                                    _("Open in Maps"),
                                                    G_CALLBACK (on_maps_button_clicked_cb)));
  adw_expander_row_add_row (expander, create_place_field (self, index, "name", _("Name")));
  adw_expander_row_add_row (expander, create_place_field (self, index, "address",
                                                          _("Address")));

  g_object_set_data (G_OBJECT (row), PLACE_INDEX_DATA, GUINT_TO_POINTER (index));
  mp2_day_view_track_source (self, row, source);

  return row;
}

static char *
describe_place (const Mp2Location *location)
{
  gboolean has_name = location->name != NULL && *location->name != '\0';
  gboolean has_address = location->address != NULL && *location->address != '\0';

  if (has_name && has_address)
    return g_strconcat (location->name, " · ", location->address, NULL);

  return g_strdup (has_name ? location->name : has_address ? location->address : "");
}

static void
update_place_row (Mp2DayView *self,
                  GtkWidget  *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), PLACE_INDEX_DATA));
  const Mp2Location *location = find_location (self, index);
  JsonObject *edits = mp2_schedule_get_edits (self->schedule);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  gboolean edited = FALSE;

  if (location == NULL)
    return;

  subtitle = describe_place (location);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  collect_field_rows (row, fields);
  for (guint i = 0; i < fields->len; i++)
    {
      Mp2FieldRow *field = g_ptr_array_index (fields, i);

      update_field_row (self, field);
      edited |= json_object_has_member (edits, mp2_field_row_get_key (field));
    }

  if (edited)
    gtk_widget_add_css_class (row, "edited");
  else
    gtk_widget_remove_css_class (row, "edited");
}

static char *
places_signature (GPtrArray *locations)
{
  g_autoptr(GString) signature = g_string_new (NULL);

  for (guint i = 0; locations != NULL && i < locations->len; i++)
    {
      const Mp2Location *location = g_ptr_array_index (locations, i);

      g_string_append_printf (signature, "%d,", location->kind);
    }

  return g_string_free (g_steal_pointer (&signature), FALSE);
}

static void
rebuild_places (Mp2DayView *self,
                GPtrArray  *locations)
{
  mp2_day_view_clear_list (self->places_list);
  g_ptr_array_set_size (self->place_rows, 0);

  for (guint i = 0; locations != NULL && i < locations->len; i++)
    {
      GtkWidget *row = create_place_row (self, i, g_ptr_array_index (locations, i));

      gtk_list_box_append (self->places_list, row);
      g_ptr_array_add (self->place_rows, row);
    }
}

/**
 * mp2_day_view_update_places:
 * @self: a #Mp2DayView
 *
 * Shows the places: rebuilt when they are others, else updated where they are, so
 * that what the user is typing stays.
 */
void
mp2_day_view_update_places (Mp2DayView *self)
{
  GPtrArray *locations = NULL;
  g_autofree char *signature = NULL;

  if (self->schedule != NULL && self->sheet != NULL)
    locations = mp2_call_sheet_get_locations (self->sheet);

  signature = places_signature (locations);
  if (g_strcmp0 (signature, self->places_signature) != 0)
    {
      rebuild_places (self, locations);
      g_free (self->places_signature);
      self->places_signature = g_steal_pointer (&signature);
    }

  for (guint i = 0; i < self->place_rows->len; i++)
    update_place_row (self, g_ptr_array_index (self->place_rows, i));

  gtk_widget_set_visible (self->places_group, locations != NULL && locations->len > 0);
}
