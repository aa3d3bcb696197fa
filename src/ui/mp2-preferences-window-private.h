/* mp2-preferences-window-private.h
 *
 * What the parts of the preferences window share: mp2-preferences-window.c (the
 * window, General and Days), mp2-preferences-planning.c (the Planning page:
 * addresses checked by geocoding, services, early starts, weather warnings) and
 * mp2-preferences-keys.c (its API keys, kept in the keyring).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-preferences-window.h"

G_BEGIN_DECLS

/* An address row, and the row under it that shows the place found for it. */
typedef struct
{
  const char   *key;            /* its setting */
  AdwEntryRow  *row;
  AdwActionRow *place_row;
  GtkImage     *place_icon;
  GCancellable *cancellable;    /* the search under way */
} Mp2AddressCheck;

struct _Mp2PreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  GtkStringList        *time_zones;
  Mp2CalendarSink      *calendar_sink;
  GtkStringList        *calendar_names;
  GPtrArray            *calendar_ids;   /* beside the names; "" for the default */
  gboolean              filling_calendars;
  Mp2Geocoder          *geocoder;
  Mp2AddressCheck       home_check;
  Mp2AddressCheck       via_check;
  guint                 keys_busy;      /* calls to the keyring under way */
  int                   google_maps_key;     /* KeyState of mp2-preferences-keys.c */
  int                   openweathermap_key;

  /* Template widgets */
  AdwEntryRow          *crew_name_row;
  AdwActionRow         *buffer_preset_row;
  GtkDropDown          *buffer_preset_dropdown;
  gboolean              showing_preset;
  GtkSpinButton        *morning_routine_spin;
  GtkSpinButton        *arrive_early_spin;
  GtkDropDown          *time_zone_dropdown;
  AdwActionRow         *calendar_row;
  GtkDropDown          *calendar_dropdown;
  AdwEntryRow          *reminders_row;
  AdwActionRow         *folder_row;
  GtkWidget            *folder_clear_button;
  GtkSwitch            *notify_new_sheet_switch;
  GtkSwitch            *notify_changes_switch;
  GtkSwitch            *notify_errors_switch;
  GtkSwitch            *notify_leave_switch;
  GtkSwitch            *notify_weather_switch;

  /* The Planning page */
  AdwEntryRow          *home_address_row;
  AdwActionRow         *home_place_row;
  GtkImage             *home_place_icon;
  AdwEntryRow          *via_address_row;
  AdwActionRow         *via_place_row;
  GtkImage             *via_place_icon;
  GtkSpinButton        *via_stop_spin;
  GtkSpinButton        *parking_spin;
  GtkDropDown          *travel_mode_dropdown;
  GtkDropDown          *route_provider_dropdown;
  GtkWidget            *manual_travel_row;
  AdwEntryRow          *osrm_server_row;
  GtkSpinButton        *manual_travel_spin;
  GtkDropDown          *geocoding_provider_dropdown;
  GtkDropDown          *weather_provider_dropdown;
  AdwEntryRow          *google_maps_key_row;
  AdwEntryRow          *openweathermap_key_row;
  GtkLabel             *keys_status_label;
  GtkSpinButton        *early_wake_up_spin;
  AdwEntryRow          *leave_recheck_row;
  GtkSwitch            *run_in_background_switch;
  GtkSpinButton        *warn_rain_spin;
  GtkSpinButton        *warn_rain_amount_spin;
  GtkSpinButton        *warn_wind_spin;
  GtkSpinButton        *warn_cold_spin;
  GtkSpinButton        *warn_heat_spin;
};

/* mp2-preferences-window.c */
GArray *mp2_preferences_window_parse_minutes   (const char     *text);
void    mp2_preferences_window_show_minutes    (GSettings      *settings,
                                                const char     *key,
                                                AdwEntryRow    *row);

/* mp2-preferences-keys.c */
void     mp2_preferences_window_class_init_keys (GtkWidgetClass       *widget_class);
void     mp2_preferences_window_init_keys       (Mp2PreferencesWindow *self);

/* mp2-preferences-planning.c */
void    mp2_preferences_window_class_init_planning (GtkWidgetClass       *widget_class);
void    mp2_preferences_window_init_planning       (Mp2PreferencesWindow *self);
void    mp2_preferences_window_dispose_planning    (Mp2PreferencesWindow *self);

G_END_DECLS
