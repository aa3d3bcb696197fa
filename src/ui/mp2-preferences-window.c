/* mp2-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-preferences-window"

#include "config.h"

#include "mp2-preferences-window-private.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"
#include "mp2-calendar-sink.h"
#include "mp2-mail-page.h"
#include "mp2-time-zones.h"

G_DEFINE_FINAL_TYPE (Mp2PreferencesWindow, mp2_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CALENDAR_SINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
find_time_zone (Mp2PreferencesWindow *self,
                const char           *zone)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->time_zones));

  for (guint i = 0; i < n_items; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->time_zones, i), zone) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
select_time_zone_from_settings (Mp2PreferencesWindow *self)
{
  g_autofree char *zone = g_settings_get_string (self->settings, "time-zone");
  guint position = find_time_zone (self, zone);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_string_list_append (self->time_zones, zone);
      position = g_list_model_get_n_items (G_LIST_MODEL (self->time_zones)) - 1;
    }

  gtk_drop_down_set_selected (self->time_zone_dropdown, position);
  mp2_a11y_label_drop_down (self->time_zone_dropdown, _("Time zone"), zone);
}

static void
on_time_zone_dropdown_notify_selected_cb (Mp2PreferencesWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->time_zone_dropdown);
  const char *zone;
  g_autofree char *current = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  zone = gtk_string_list_get_string (self->time_zones, position);
  mp2_a11y_label_drop_down (self->time_zone_dropdown, _("Time zone"), zone);
  current = g_settings_get_string (self->settings, "time-zone");
  if (g_strcmp0 (zone, current) != 0)
    g_settings_set_string (self->settings, "time-zone", zone);
}

static void
on_settings_time_zone_changed_cb (Mp2PreferencesWindow *self)
{
  select_time_zone_from_settings (self);
}

static void
on_time_zones_loaded_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Mp2PreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) zones = NULL;

  zones = mp2_time_zones_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (zones == NULL)
    {
      /* Keep the zone that is set, so it can still be seen; nothing else to pick. */
      g_warning ("Could not read the list of time zones: %s", error->message);
      return;
    }

  g_signal_handlers_block_by_func (self->time_zone_dropdown,
                                   on_time_zone_dropdown_notify_selected_cb, self);
  gtk_string_list_splice (self->time_zones, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->time_zones)),
                          (const char * const *) zones);
  select_time_zone_from_settings (self);
  g_signal_handlers_unblock_by_func (self->time_zone_dropdown,
                                     on_time_zone_dropdown_notify_selected_cb, self);
}

static void
setup_time_zones (Mp2PreferencesWindow *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->time_zone_dropdown, expression);
  gtk_drop_down_set_model (self->time_zone_dropdown, G_LIST_MODEL (self->time_zones));

  select_time_zone_from_settings (self);

  g_signal_connect_object (self->time_zone_dropdown, "notify::selected",
                           G_CALLBACK (on_time_zone_dropdown_notify_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::time-zone",
                           G_CALLBACK (on_settings_time_zone_changed_cb), self,
                           G_CONNECT_SWAPPED);

  mp2_time_zones_load_async (self->cancellable, on_time_zones_loaded_cb, g_object_ref (self));
}

/* Calendar --------------------------------------------------------------------------- */

static void
label_calendar_dropdown (Mp2PreferencesWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->calendar_dropdown);
  const char *name = index < self->calendar_ids->len
                     ? gtk_string_list_get_string (self->calendar_names, index) : NULL;

  mp2_a11y_label_drop_down (self->calendar_dropdown, _("Calendar for your days"), name);
}

static void
select_calendar_from_settings (Mp2PreferencesWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "target-calendar");
  guint index;

  if (!g_ptr_array_find_with_equal_func (self->calendar_ids, chosen, g_str_equal, &index))
    index = 0;

  gtk_drop_down_set_selected (self->calendar_dropdown, index);
  label_calendar_dropdown (self);
}

static void
on_calendar_dropdown_notify_selected_cb (Mp2PreferencesWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->calendar_dropdown);
  g_autofree char *current = g_settings_get_string (self->settings, "target-calendar");

  label_calendar_dropdown (self);
  if (self->filling_calendars || index >= self->calendar_ids->len
      || g_str_equal (current, g_ptr_array_index (self->calendar_ids, index)))
    return;

  g_settings_set_string (self->settings, "target-calendar",
                         g_ptr_array_index (self->calendar_ids, index));
}

static void
on_calendars_listed_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Mp2PreferencesWindow) self = user_data;
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GError) error = NULL;

  calendars = mp2_calendar_sink_list_calendars_finish (MP2_CALENDAR_SINK (source), result, &error);
  if (calendars == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_action_row_set_subtitle (self->calendar_row, error->message);
      return;
    }

  /* Listed again (after a sign-in): the choice in the settings stays as it is. */
  self->filling_calendars = TRUE;
  gtk_string_list_splice (self->calendar_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->calendar_names)) - 1,
                          NULL);
  g_ptr_array_set_size (self->calendar_ids, 1);
  for (guint i = 0; i < calendars->len; i++)
    {
      Mp2CalendarInfo *info = g_ptr_array_index (calendars, i);

      gtk_string_list_append (self->calendar_names, info->name);
      g_ptr_array_add (self->calendar_ids, g_strdup (info->id));
    }
  select_calendar_from_settings (self);
  self->filling_calendars = FALSE;

  adw_action_row_set_subtitle (self->calendar_row, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_dropdown), TRUE);
}

static void
list_calendars (Mp2PreferencesWindow *self)
{
  mp2_calendar_sink_list_calendars_async (self->calendar_sink, self->cancellable,
                                          on_calendars_listed_cb, g_object_ref (self));
}

/* Google's calendars join the list once the account is signed in. */
static void
on_account_state_cb (Mp2PreferencesWindow *self,
                     GParamSpec           *pspec,
                     Mp2GoogleAccount     *account)
{
  if (self->calendar_sink != NULL
      && mp2_google_account_get_state (account) == MP2_ACCOUNT_STATE_SIGNED_IN)
    list_calendars (self);
}

static void
setup_calendars (Mp2PreferencesWindow *self)
{
  gtk_string_list_append (self->calendar_names, _("Default Calendar"));
  g_ptr_array_add (self->calendar_ids, g_strdup (""));
  gtk_drop_down_set_model (self->calendar_dropdown, G_LIST_MODEL (self->calendar_names));
  select_calendar_from_settings (self);

  g_signal_connect_object (self->calendar_dropdown, "notify::selected",
                           G_CALLBACK (on_calendar_dropdown_notify_selected_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->calendar_sink == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_dropdown), FALSE);
      adw_action_row_set_subtitle (self->calendar_row,
                                   _("GNOME’s calendars are not available"));
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_dropdown), FALSE);
  list_calendars (self);
}

/* Reminders: "60, 15" -------------------------------------------------------------------- */

/* "60, 15" as minutes; NULL when it is not such a list. */
GArray *
mp2_preferences_window_parse_minutes (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",; ", -1);
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (gint32));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      if (*parts[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 24 * 60, &value, NULL))
        return NULL;
      g_array_append_vals (minutes, &(gint32) { (gint32) value }, 1);
    }

  return g_steal_pointer (&minutes);
}

void
mp2_preferences_window_show_minutes (GSettings   *settings,
                                     const char  *key,
                                     AdwEntryRow *row)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, key);
  g_autoptr(GString) text = g_string_new (NULL);
  gsize n = 0;
  const gint32 *minutes = g_variant_get_fixed_array (value, &n, sizeof (gint32));

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? ", " : "", minutes[i]);

  gtk_editable_set_text (GTK_EDITABLE (row), text->str);
}

static void
on_reminders_row_changed_cb (Mp2PreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reminders_row));
  g_autoptr(GArray) minutes = mp2_preferences_window_parse_minutes (text);

  if (minutes == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->reminders_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reminders_row), "error");
}

static void
on_reminders_row_apply_cb (Mp2PreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reminders_row));
  g_autoptr(GArray) minutes = mp2_preferences_window_parse_minutes (text);

  if (minutes == NULL)
    return;

  g_settings_set_value (self->settings, "reminder-offsets",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, minutes->data,
                                                   minutes->len, sizeof (gint32)));
}

/* Watched folder ------------------------------------------------------------------------ */

static void
show_folder_from_settings (Mp2PreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "watched-folder");
  g_autofree char *display = NULL;

  if (*path == '\0')
    {
      adw_action_row_set_subtitle (self->folder_row, _("No folder is watched"));
      gtk_widget_set_visible (self->folder_clear_button, FALSE);
      return;
    }

  display = g_filename_display_name (path);
  adw_action_row_set_subtitle (self->folder_row, display);
  gtk_widget_set_visible (self->folder_clear_button, TRUE);
}

static void
on_folder_chooser_response_cb (GtkNativeDialog *dialog,
                               int              response,
                               gpointer         user_data)
{
  g_autoptr(Mp2PreferencesWindow) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (folder != NULL && (path = g_file_get_path (folder)) != NULL)
    g_settings_set_string (self->settings, "watched-folder", path);
}

static void
on_folder_choose_button_clicked_cb (Mp2PreferencesWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose a Folder to Watch"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Watch"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_folder_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_folder_clear_button_clicked_cb (Mp2PreferencesWindow *self)
{
  g_settings_set_string (self->settings, "watched-folder", "");
}

static void
bind_settings (Mp2PreferencesWindow *self)
{
  g_settings_bind (self->settings, "notify-new-sheet", self->notify_new_sheet_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-changes", self->notify_changes_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-errors", self->notify_errors_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-leave", self->notify_leave_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-weather", self->notify_weather_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  mp2_preferences_window_show_minutes (self->settings, "reminder-offsets",
                                       self->reminders_row);
  show_folder_from_settings (self);
  g_signal_connect_object (self->settings, "changed::watched-folder",
                           G_CALLBACK (show_folder_from_settings), self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "crew-name", self->crew_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "morning-routine-minutes", self->morning_routine_spin,
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "arrive-early-minutes", self->arrive_early_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
mp2_preferences_window_constructed (GObject *object)
{
  Mp2PreferencesWindow *self = MP2_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (mp2_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  bind_settings (self);
  setup_time_zones (self);
  setup_calendars (self);
  mp2_preferences_window_init_planning (self);

  mp2_a11y_label_entry_row (self->crew_name_row);
  mp2_a11y_label_entry_row (self->reminders_row);
  mp2_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

static void
mp2_preferences_window_dispose (GObject *object)
{
  Mp2PreferencesWindow *self = MP2_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  mp2_preferences_window_dispose_planning (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP2_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (mp2_preferences_window_parent_class)->dispose (object);
}

static void
mp2_preferences_window_finalize (GObject *object)
{
  Mp2PreferencesWindow *self = MP2_PREFERENCES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->time_zones);
  g_clear_object (&self->calendar_sink);
  g_clear_object (&self->calendar_names);
  g_clear_pointer (&self->calendar_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (mp2_preferences_window_parent_class)->finalize (object);
}

static void
mp2_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  Mp2PreferencesWindow *self = MP2_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_CALENDAR_SINK:
      g_value_set_object (value, self->calendar_sink);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  Mp2PreferencesWindow *self = MP2_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_CALENDAR_SINK:
      self->calendar_sink = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp2_preferences_window_class_init (Mp2PreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp2_preferences_window_constructed;
  object_class->dispose = mp2_preferences_window_dispose;
  object_class->finalize = mp2_preferences_window_finalize;
  object_class->get_property = mp2_preferences_window_get_property;
  object_class->set_property = mp2_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALENDAR_SINK] =
    g_param_spec_object ("calendar-sink", NULL, NULL, MP2_TYPE_CALENDAR_SINK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/mp2-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, crew_name_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        morning_routine_spin);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, arrive_early_spin);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        time_zone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, calendar_dropdown);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, folder_clear_button);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        notify_new_sheet_switch);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        notify_changes_switch);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        notify_errors_switch);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        notify_leave_switch);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        notify_weather_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_reminders_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reminders_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_clear_button_clicked_cb);
  mp2_preferences_window_class_init_planning (widget_class);
}

static void
mp2_preferences_window_init (Mp2PreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->time_zones = gtk_string_list_new (NULL);
  self->calendar_names = gtk_string_list_new (NULL);
  self->calendar_ids = g_ptr_array_new_with_free_func (g_free);
}

/**
 * mp2_preferences_window_new:
 * @settings: the application's settings
 * @calendar_sink: (nullable): where confirmed days go, to list its calendars
 *
 * Returns: (transfer none): a new preferences window, owned by GTK until closed
 */
Mp2PreferencesWindow *
mp2_preferences_window_new (GSettings       *settings,
                            Mp2CalendarSink *calendar_sink)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (calendar_sink == NULL || MP2_IS_CALENDAR_SINK (calendar_sink), NULL);

  return g_object_new (MP2_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "calendar-sink", calendar_sink,
                       NULL);
}

/**
 * mp2_preferences_window_add_mail_page:
 * @self: the preferences window
 * @account: (nullable): the Google account
 * @gmail_source: (nullable): the Gmail source
 *
 * Adds the "Mail" page: the Google account and what Gmail is searched for.
 */
void
mp2_preferences_window_add_mail_page (Mp2PreferencesWindow *self,
                                      Mp2GoogleAccount     *account,
                                      Mp2GmailSource       *gmail_source)
{
  g_return_if_fail (MP2_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (mp2_mail_page_new (self->settings, account,
                                                                       gmail_source)));
  if (account != NULL)
    g_signal_connect_object (account, "notify::state", G_CALLBACK (on_account_state_cb), self,
                             G_CONNECT_SWAPPED);
}
