/* mp2-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-preferences-window"

#include "config.h"

#include "mp2-preferences-window.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"
#include "mp2-time-zones.h"

struct _Mp2PreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  GtkStringList        *time_zones;

  /* Template widgets */
  AdwEntryRow          *crew_name_row;
  AdwEntryRow          *home_address_row;
  GtkSpinButton        *morning_routine_spin;
  GtkSpinButton        *arrive_early_spin;
  GtkDropDown          *time_zone_dropdown;
};

G_DEFINE_FINAL_TYPE (Mp2PreferencesWindow, mp2_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
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

static void
bind_settings (Mp2PreferencesWindow *self)
{
  g_settings_bind (self->settings, "crew-name", self->crew_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "home-address", self->home_address_row, "text",
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
}

static void
mp2_preferences_window_dispose (GObject *object)
{
  Mp2PreferencesWindow *self = MP2_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/mp2-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, crew_name_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, home_address_row);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        morning_routine_spin);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow, arrive_early_spin);
  gtk_widget_class_bind_template_child (widget_class, Mp2PreferencesWindow,
                                        time_zone_dropdown);
}

static void
mp2_preferences_window_init (Mp2PreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->time_zones = gtk_string_list_new (NULL);
}

/**
 * mp2_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new preferences window, owned by GTK until closed
 */
Mp2PreferencesWindow *
mp2_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (MP2_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
