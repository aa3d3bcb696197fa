/* mp2-preferences-planning.c
 *
 * The Planning page of Preferences, and the presets of the morning's buffers on the
 * General page: the home and via addresses, each looked up with
 * the app's geocoder when applied so that the user sees the place found (or why none
 * was); the minutes at the via point and from a crew parking; how the user travels
 * and which services find routes, addresses and the weather; the API keys of the
 * services that need one (in the keyring, never in GSettings); early starts, the
 * traffic re-checks and the weather warnings' thresholds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-preferences-window"

#include "config.h"

#include "mp2-preferences-window-private.h"

#include <glib/gi18n.h>

#include "mp2-a11y.h"

/* Addresses checked on the map ------------------------------------------------------------- */

static void
show_place_row (Mp2AddressCheck *check,
                const char      *title,
                const char      *subtitle,
                const char      *icon_name,
                gboolean         error)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (check->place_row), title);
  adw_action_row_set_subtitle (check->place_row, subtitle);
  gtk_image_set_from_icon_name (check->place_icon, icon_name);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (check->place_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (check->place_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (check->place_row), TRUE);
}

static char *
describe_place (const Mp2Place *place)
{
  char latitude[G_ASCII_DTOSTR_BUF_SIZE];
  char longitude[G_ASCII_DTOSTR_BUF_SIZE];

  if (place->name != NULL && *place->name != '\0')
    return g_strdup (place->name);

  g_ascii_formatd (latitude, sizeof latitude, "%.5f", place->latitude);
  g_ascii_formatd (longitude, sizeof longitude, "%.5f", place->longitude);
  return g_strdup_printf ("%s, %s", latitude, longitude);
}

typedef struct
{
  Mp2PreferencesWindow *self;
  Mp2AddressCheck      *check;
  GCancellable         *cancellable;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchData, search_data_free)

static void
on_address_searched_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SearchData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2Place) place = NULL;
  g_autofree char *name = NULL;

  place = mp2_geocoder_search_finish (MP2_GEOCODER (source), result, &error);
  /* Another address was applied since, or the window closed. */
  if (g_cancellable_is_cancelled (data->cancellable)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&data->check->cancellable);
  if (place == NULL)
    {
      show_place_row (data->check, error->message,
                      _("Write the address more fully and apply it again"),
                      "dialog-warning-symbolic", TRUE);
      return;
    }

  name = describe_place (place);
  show_place_row (data->check, name, _("Found on the map"), "mark-location-symbolic", FALSE);
}

static void
check_address (Mp2PreferencesWindow *self,
               Mp2AddressCheck      *check)
{
  const char *address = gtk_editable_get_text (GTK_EDITABLE (check->row));
  g_autofree char *stripped = g_strstrip (g_strdup (address));
  SearchData *data;

  g_cancellable_cancel (check->cancellable);
  g_clear_object (&check->cancellable);

  if (*stripped == '\0' || self->geocoder == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (check->place_row), FALSE);
      return;
    }

  show_place_row (check, _("Looking up the address…"), "", "content-loading-symbolic", FALSE);
  check->cancellable = g_cancellable_new ();
  data = g_new0 (SearchData, 1);
  data->self = g_object_ref (self);
  data->check = check;
  data->cancellable = g_object_ref (check->cancellable);
  mp2_geocoder_search_async (self->geocoder, stripped, check->cancellable,
                             on_address_searched_cb, data);
}

static void
show_address_from_settings (Mp2PreferencesWindow *self,
                            Mp2AddressCheck      *check)
{
  g_autofree char *address = g_settings_get_string (self->settings, check->key);

  if (g_strcmp0 (address, gtk_editable_get_text (GTK_EDITABLE (check->row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (check->row), address);
  check_address (self, check);
}

static void
apply_address (Mp2PreferencesWindow *self,
               Mp2AddressCheck      *check)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (check->row));
  g_autofree char *address = g_strstrip (g_strdup (text));
  g_autofree char *saved = g_settings_get_string (self->settings, check->key);

  /* A new address is checked when the setting changes; the same one again here. */
  if (g_strcmp0 (address, saved) == 0)
    check_address (self, check);
  else
    g_settings_set_string (self->settings, check->key, address);
}

static void
on_home_address_row_apply_cb (Mp2PreferencesWindow *self)
{
  apply_address (self, &self->home_check);
}

static void
on_via_address_row_apply_cb (Mp2PreferencesWindow *self)
{
  apply_address (self, &self->via_check);
}

static void
on_settings_home_address_changed_cb (Mp2PreferencesWindow *self)
{
  show_address_from_settings (self, &self->home_check);
}

static void
on_settings_via_address_changed_cb (Mp2PreferencesWindow *self)
{
  show_address_from_settings (self, &self->via_check);
}

static void
init_address_check (Mp2AddressCheck *check,
                    const char      *key,
                    AdwEntryRow     *row,
                    AdwActionRow    *place_row,
                    GtkImage        *place_icon)
{
  check->key = key;
  check->row = row;
  check->place_row = place_row;
  check->place_icon = place_icon;
  mp2_a11y_label_entry_row (row);
}

static void
setup_addresses (Mp2PreferencesWindow *self)
{
  init_address_check (&self->home_check, "home-address", self->home_address_row,
                      self->home_place_row, self->home_place_icon);
  init_address_check (&self->via_check, "via-address", self->via_address_row,
                      self->via_place_row, self->via_place_icon);
  show_address_from_settings (self, &self->home_check);
  show_address_from_settings (self, &self->via_check);

  g_signal_connect_object (self->settings, "changed::home-address",
                           G_CALLBACK (on_settings_home_address_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::via-address",
                           G_CALLBACK (on_settings_via_address_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Choices of an enum setting ------------------------------------------------------------- */

static const char * const travel_modes[] = { "drive", "transit", "bicycle", "walk", NULL };
static const char * const route_providers[] = { "osrm", "google", "manual", NULL };
static const char * const geocoding_providers[] = { "nominatim", "google", NULL };
static const char * const weather_providers[] = { "open-meteo", "openweathermap", NULL };

static gboolean
get_choice_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_str_equal (nicks[i], nick))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
set_choice_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static void
on_choice_notify_selected_cb (GtkDropDown *drop_down,
                              GParamSpec  *pspec,
                              const char  *name)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  mp2_a11y_label_drop_down (drop_down, name,
                            item != NULL ? gtk_string_object_get_string (item) : NULL);
}

static void
bind_choice (Mp2PreferencesWindow *self,
             const char           *key,
             GtkDropDown          *drop_down,
             const char * const   *nicks,
             const char           *name)
{
  g_settings_bind_with_mapping (self->settings, key, drop_down, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_choice_mapping,
                                set_choice_mapping, (gpointer) nicks, NULL);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_choice_notify_selected_cb),
                    (gpointer) name);
  on_choice_notify_selected_cb (drop_down, NULL, name);
}

/* The fixed travel time matters only to the "manual" route provider, the server only
 * to OSRM. */
static void
show_manual_travel (Mp2PreferencesWindow *self)
{
  int provider = g_settings_get_enum (self->settings, "route-provider");

  gtk_widget_set_visible (self->manual_travel_row, provider == 2);
  gtk_widget_set_visible (GTK_WIDGET (self->osrm_server_row), provider == 0);
}

/* An OSRM server of one's own: an http or https address, saved when applied. */
static void
on_osrm_server_row_apply_cb (Mp2PreferencesWindow *self)
{
  const char *entered = gtk_editable_get_text (GTK_EDITABLE (self->osrm_server_row));
  g_autofree char *text = g_strstrip (g_strdup (entered));
  g_autoptr(GUri) uri = *text != '\0' ? g_uri_parse (text, G_URI_FLAGS_NONE, NULL) : NULL;
  gboolean valid = *text == '\0'
                   || (uri != NULL && g_uri_get_host (uri) != NULL
                       && (g_str_equal (g_uri_get_scheme (uri), "https")
                           || g_str_equal (g_uri_get_scheme (uri), "http")));

  if (!valid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->osrm_server_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->osrm_server_row), "error");
  g_settings_set_string (self->settings, "osrm-server", text);
}

static void
show_osrm_server (Mp2PreferencesWindow *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "osrm-server");

  gtk_editable_set_text (GTK_EDITABLE (self->osrm_server_row), server);
  gtk_widget_remove_css_class (GTK_WIDGET (self->osrm_server_row), "error");
}

static void
setup_choices (Mp2PreferencesWindow *self)
{
  bind_choice (self, "travel-mode", self->travel_mode_dropdown, travel_modes,
               _("How you travel"));
  bind_choice (self, "route-provider", self->route_provider_dropdown, route_providers,
               _("Route service"));
  bind_choice (self, "geocoding-provider", self->geocoding_provider_dropdown,
               geocoding_providers, _("Address service"));
  bind_choice (self, "weather-provider", self->weather_provider_dropdown, weather_providers,
               _("Weather service"));

  show_osrm_server (self);
  g_signal_connect_object (self->settings, "changed::osrm-server",
                           G_CALLBACK (show_osrm_server), self, G_CONNECT_SWAPPED);
  show_manual_travel (self);
  g_signal_connect_object (self->settings, "changed::route-provider",
                           G_CALLBACK (show_manual_travel), self, G_CONNECT_SWAPPED);
}

/* Presets of the morning's buffers ----------------------------------------------------------- */

/* The drop-down's items after "Custom": minutes to get ready, minutes early on set. */
static const struct {
  int morning_routine;
  int arrive_early;
} buffer_presets[] = {
  { 30, 10 },   /* Quick */
  { 60, 15 },   /* Usual: the schema's defaults */
  { 90, 30 },   /* Relaxed */
};

static void
show_buffer_preset (Mp2PreferencesWindow *self)
{
  int routine = g_settings_get_int (self->settings, "morning-routine-minutes");
  int early = g_settings_get_int (self->settings, "arrive-early-minutes");
  g_autofree char *subtitle = NULL;
  GtkStringObject *item;
  guint position = 0;

  for (guint i = 0; i < G_N_ELEMENTS (buffer_presets); i++)
    if (buffer_presets[i].morning_routine == routine && buffer_presets[i].arrive_early == early)
      position = i + 1;

  self->showing_preset = TRUE;
  gtk_drop_down_set_selected (self->buffer_preset_dropdown, position);
  self->showing_preset = FALSE;

  {
    g_autofree char *ready = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           /* Translators: the first half of
                                                            * the buffers' summary */
                                                           "%d minute to get ready",
                                                           "%d minutes to get ready",
                                                           routine), routine);
    g_autofree char *on_set = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: the second half
                                                             * of the buffers' summary */
                                                            "on set %d minute early",
                                                            "on set %d minutes early",
                                                            early), early);

    /* Translators: under the preset of the morning's buffers: "60 minutes to get
     * ready, on set 15 minutes early" */
    subtitle = g_strdup_printf (_("%s, %s"), ready, on_set);
  }
  adw_action_row_set_subtitle (self->buffer_preset_row, subtitle);
  item = gtk_drop_down_get_selected_item (self->buffer_preset_dropdown);
  mp2_a11y_label_drop_down (self->buffer_preset_dropdown, _("Preset for your morning"),
                            item != NULL ? gtk_string_object_get_string (item) : NULL);
}

static void
on_buffer_preset_dropdown_notify_selected_cb (Mp2PreferencesWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->buffer_preset_dropdown);

  if (self->showing_preset || position == 0 || position > G_N_ELEMENTS (buffer_presets))
    return;

  g_settings_set_int (self->settings, "morning-routine-minutes",
                      buffer_presets[position - 1].morning_routine);
  g_settings_set_int (self->settings, "arrive-early-minutes",
                      buffer_presets[position - 1].arrive_early);
}

static void
setup_buffer_presets (Mp2PreferencesWindow *self)
{
  show_buffer_preset (self);
  g_signal_connect_object (self->settings, "changed::morning-routine-minutes",
                           G_CALLBACK (show_buffer_preset), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::arrive-early-minutes",
                           G_CALLBACK (show_buffer_preset), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer_preset_dropdown, "notify::selected",
                           G_CALLBACK (on_buffer_preset_dropdown_notify_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Numbers and switches -------------------------------------------------------------------- */

static void
bind_numbers (Mp2PreferencesWindow *self)
{
  const struct {
    const char    *key;
    GtkSpinButton *spin;
  } numbers[] = {
    { "via-stop-minutes", self->via_stop_spin },
    { "manual-travel-minutes", self->manual_travel_spin },
    { "parking-to-set-minutes", self->parking_spin },
    { "early-wake-up-hour", self->early_wake_up_spin },
    { "weather-warn-rain-probability", self->warn_rain_spin },
    { "weather-warn-rain-amount", self->warn_rain_amount_spin },
    { "weather-warn-wind", self->warn_wind_spin },
    { "weather-warn-cold", self->warn_cold_spin },
    { "weather-warn-heat", self->warn_heat_spin },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_settings_bind (self->settings, numbers[i].key, numbers[i].spin, "value",
                     G_SETTINGS_BIND_DEFAULT);

  g_settings_bind (self->settings, "run-in-background", self->run_in_background_switch,
                   "active", G_SETTINGS_BIND_DEFAULT);
}

/* Traffic re-checks: "90, 30" ---------------------------------------------------------------- */

static void
on_leave_recheck_row_changed_cb (Mp2PreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->leave_recheck_row));
  g_autoptr(GArray) minutes = mp2_preferences_window_parse_minutes (text);

  if (minutes == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->leave_recheck_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->leave_recheck_row), "error");
}

static void
on_leave_recheck_row_apply_cb (Mp2PreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->leave_recheck_row));
  g_autoptr(GArray) minutes = mp2_preferences_window_parse_minutes (text);

  if (minutes == NULL)
    return;

  g_settings_set_value (self->settings, "leave-recheck-minutes",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, minutes->data,
                                                   minutes->len, sizeof (gint32)));
}

static void
on_settings_leave_recheck_changed_cb (Mp2PreferencesWindow *self)
{
  mp2_preferences_window_show_minutes (self->settings, "leave-recheck-minutes",
                                       self->leave_recheck_row);
}

/* The page ------------------------------------------------------------------------------------ */

void
mp2_preferences_window_class_init_planning (GtkWidgetClass *widget_class)
{
  static const char * const children[] = {
    "buffer_preset_row", "buffer_preset_dropdown", "home_address_row", "home_place_row",
    "home_place_icon", "via_address_row", "via_place_row", "via_place_icon", "via_stop_spin",
    "parking_spin", "travel_mode_dropdown", "route_provider_dropdown", "osrm_server_row",
    "manual_travel_row",
    "manual_travel_spin",
    "geocoding_provider_dropdown", "weather_provider_dropdown", "google_maps_key_row",
    "openweathermap_key_row", "keys_status_label", "early_wake_up_spin", "leave_recheck_row",
    "run_in_background_switch", "warn_rain_spin", "warn_rain_amount_spin", "warn_wind_spin",
    "warn_cold_spin", "warn_heat_spin",
  };

  static const goffset offsets[] = {
    G_STRUCT_OFFSET (Mp2PreferencesWindow, buffer_preset_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, buffer_preset_dropdown),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, home_address_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, home_place_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, home_place_icon),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, via_address_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, via_place_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, via_place_icon),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, via_stop_spin),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, parking_spin),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, travel_mode_dropdown),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, route_provider_dropdown),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, osrm_server_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, manual_travel_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, manual_travel_spin),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, geocoding_provider_dropdown),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, weather_provider_dropdown),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, google_maps_key_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, openweathermap_key_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, keys_status_label),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, early_wake_up_spin),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, leave_recheck_row),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, run_in_background_switch),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, warn_rain_spin),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, warn_rain_amount_spin),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, warn_wind_spin),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, warn_cold_spin),
    G_STRUCT_OFFSET (Mp2PreferencesWindow, warn_heat_spin),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (children) == G_N_ELEMENTS (offsets));
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i], FALSE, offsets[i]);

  gtk_widget_class_bind_template_callback (widget_class, on_home_address_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_via_address_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leave_recheck_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_osrm_server_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leave_recheck_row_apply_cb);
  mp2_preferences_window_class_init_keys (widget_class);
}

void
mp2_preferences_window_init_planning (Mp2PreferencesWindow *self)
{
  setup_buffer_presets (self);
  setup_addresses (self);
  setup_choices (self);
  bind_numbers (self);

  on_settings_leave_recheck_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::leave-recheck-minutes",
                           G_CALLBACK (on_settings_leave_recheck_changed_cb), self,
                           G_CONNECT_SWAPPED);
  mp2_a11y_label_entry_row (self->leave_recheck_row);
  mp2_a11y_label_entry_row (self->osrm_server_row);
  mp2_preferences_window_init_keys (self);
}

void
mp2_preferences_window_dispose_planning (Mp2PreferencesWindow *self)
{
  g_cancellable_cancel (self->home_check.cancellable);
  g_clear_object (&self->home_check.cancellable);
  g_cancellable_cancel (self->via_check.cancellable);
  g_clear_object (&self->via_check.cancellable);
  g_clear_object (&self->geocoder);
}

/**
 * mp2_preferences_window_set_geocoder:
 * @self: the preferences window
 * @geocoder: (nullable): the app's geocoder, to check the addresses typed
 *
 * Without a geocoder the addresses are saved unchecked.
 */
void
mp2_preferences_window_set_geocoder (Mp2PreferencesWindow *self,
                                     Mp2Geocoder          *geocoder)
{
  g_return_if_fail (MP2_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (geocoder == NULL || MP2_IS_GEOCODER (geocoder));

  if (!g_set_object (&self->geocoder, geocoder))
    return;

  check_address (self, &self->home_check);
  check_address (self, &self->via_check);
}
