/* test-preferences.c
 *
 * The preferences window writes what the user sets into GSettings and follows changes
 * made elsewhere (the memory backend stands in for dconf); the Planning page checks
 * addresses with a geocoder (a small one of this test) and keeps API keys in the
 * keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "mp2-calendar-router.h"
#include "mp2-fake-calendar-sink.h"
#include "mp2-fake-google.h"
#include "mp2-google-calendar-sink.h"
#include "mp2-api-keys.h"
#include "mp2-preferences-window.h"
#include "mp2-test-geocoder.h"
#include "mp2-test-ui.h"

typedef struct
{
  GSettings            *settings;
  Mp2PreferencesWindow *window;
} Fixture;

static GObject *
template_child (Fixture    *fixture,
                const char *name)
{
  return mp2_test_template_child (fixture->window, MP2_TYPE_PREFERENCES_WINDOW, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "crew-name");
  g_settings_reset (fixture->settings, "time-zone");
  g_settings_reset (fixture->settings, "morning-routine-minutes");
  g_settings_reset (fixture->settings, "home-address");
  g_settings_reset (fixture->settings, "via-address");
  fixture->window = mp2_preferences_window_new (fixture->settings, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->settings);
  mp2_test_flush ();
}

static void
test_name_and_address (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;

  gtk_editable_set_text (GTK_EDITABLE (template_child (fixture, "crew_name_row")),
                         "Łukasz Wiśniewski");
  gtk_editable_set_text (GTK_EDITABLE (template_child (fixture, "home_address_row")),
                         "ul. Chełmska 21, 00-724 Warszawa");
  /* An address is saved when applied, not at every key. */
  address = g_settings_get_string (fixture->settings, "home-address");
  g_assert_cmpstr (address, ==, "");
  g_clear_pointer (&address, g_free);
  g_signal_emit_by_name (template_child (fixture, "home_address_row"), "apply");

  name = g_settings_get_string (fixture->settings, "crew-name");
  address = g_settings_get_string (fixture->settings, "home-address");
  g_assert_cmpstr (name, ==, "Łukasz Wiśniewski");
  g_assert_cmpstr (address, ==, "ul. Chełmska 21, 00-724 Warszawa");

  g_settings_set_string (fixture->settings, "crew-name", "Anna Nowak");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (fixture, "crew_name_row"))),
                   ==, "Anna Nowak");
}

static void
test_minutes (Fixture       *fixture,
              gconstpointer  data)
{
  GtkSpinButton *routine = GTK_SPIN_BUTTON (template_child (fixture, "morning_routine_spin"));
  GtkSpinButton *early = GTK_SPIN_BUTTON (template_child (fixture, "arrive_early_spin"));

  g_assert_cmpint (gtk_spin_button_get_value_as_int (routine), ==, 60);

  gtk_spin_button_set_value (routine, 45);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "morning-routine-minutes"), ==, 45);

  g_settings_set_int (fixture->settings, "arrive-early-minutes", 30);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (early), ==, 30);

  /* The spin button keeps to the schema's range. */
  gtk_spin_button_set_value (routine, 1000);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "morning-routine-minutes"), ==, 240);
}

static gboolean
time_zones_loaded (gpointer user_data)
{
  GtkDropDown *drop_down = user_data;

  return g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)) > 100;
}

static void
test_time_zone (Fixture       *fixture,
                gconstpointer  data)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (template_child (fixture, "time_zone_dropdown"));
  GListModel *zones;
  guint london = GTK_INVALID_LIST_POSITION;
  g_autofree char *zone = NULL;

  mp2_test_wait_until (time_zones_loaded, drop_down, 20, "the list of time zones");
  zones = gtk_drop_down_get_model (drop_down);

  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (zones),
                                               gtk_drop_down_get_selected (drop_down)),
                   ==, "Europe/Warsaw");

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (zones), i), "Europe/London"))
      london = i;
  g_assert_cmpuint (london, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (drop_down, london);
  zone = g_settings_get_string (fixture->settings, "time-zone");
  g_assert_cmpstr (zone, ==, "Europe/London");

  g_settings_set_string (fixture->settings, "time-zone", "America/Los_Angeles");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (zones),
                                               gtk_drop_down_get_selected (drop_down)),
                   ==, "America/Los_Angeles");
}

/* Planning ----------------------------------------------------------------------------- */

typedef struct
{
  AdwActionRow *row;
  const char   *title;
} PlaceWait;

static gboolean
place_is_shown (gpointer user_data)
{
  PlaceWait *wait = user_data;

  return gtk_widget_get_visible (GTK_WIDGET (wait->row))
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (wait->row)),
                       wait->title) == 0;
}

static void
wait_for_place (Fixture    *fixture,
                const char *row,
                const char *title)
{
  PlaceWait wait = { ADW_ACTION_ROW (template_child (fixture, row)), title };

  mp2_test_wait_until (place_is_shown, &wait, 10, title);
}

static void
apply_text (Fixture    *fixture,
            const char *row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (fixture, row)), text);
  g_signal_emit_by_name (template_child (fixture, row), "apply");
}

static void
test_address_found (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Mp2TestGeocoder) geocoder = mp2_test_geocoder_new ();
  g_autofree char *address = NULL;
  GtkWidget *place_row = GTK_WIDGET (template_child (fixture, "home_place_row"));

  /* Nothing to check yet. */
  mp2_preferences_window_set_geocoder (fixture->window, MP2_GEOCODER (geocoder));
  g_assert_false (gtk_widget_get_visible (place_row));
  g_assert_cmpuint (mp2_test_geocoder_get_searches (geocoder), ==, 0);

  apply_text (fixture, "home_address_row", "  Chełmska 21, Warszawa ");
  address = g_settings_get_string (fixture->settings, "home-address");
  g_assert_cmpstr (address, ==, "Chełmska 21, Warszawa");

  /* The place found, for the user to check. */
  wait_for_place (fixture, "home_place_row", "Chełmska 21, Mokotów, Warszawa");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (place_row)), ==,
                   "Found on the map");
  g_assert_false (gtk_widget_has_css_class (place_row, "error"));
  g_assert_cmpuint (mp2_test_geocoder_get_searches (geocoder), ==, 1);

  /* An address set elsewhere is shown and checked too. */
  g_settings_set_string (fixture->settings, "via-address", "Chełmska 21, Warszawa");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (fixture,
                                                                        "via_address_row"))),
                   ==, "Chełmska 21, Warszawa");
  wait_for_place (fixture, "via_place_row", "Chełmska 21, Mokotów, Warszawa");

  /* An emptied address has nothing to show. */
  apply_text (fixture, "via_address_row", "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (fixture,
                                                                      "via_place_row"))));
}

static void
test_address_not_found (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Mp2TestGeocoder) geocoder = mp2_test_geocoder_new ();
  g_autofree char *address = NULL;
  GtkWidget *place_row = GTK_WIDGET (template_child (fixture, "via_place_row"));

  g_settings_set_string (fixture->settings, "via-address", "Nowhere 1");
  /* The geocoder the app gives later checks the address already saved. */
  mp2_preferences_window_set_geocoder (fixture->window, MP2_GEOCODER (geocoder));
  wait_for_place (fixture, "via_place_row", "No place was found for “Nowhere 1”.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (place_row)), ==,
                   "Write the address more fully and apply it again");
  g_assert_true (gtk_widget_has_css_class (place_row, "error"));

  /* Kept as typed: the user may know better than the map. */
  address = g_settings_get_string (fixture->settings, "via-address");
  g_assert_cmpstr (address, ==, "Nowhere 1");

  /* Applying the same address again asks again. */
  apply_text (fixture, "via_address_row", "Nowhere 1");
  g_assert_cmpuint (mp2_test_geocoder_get_searches (geocoder), ==, 2);
}

static guint
selected (Fixture    *fixture,
          const char *name)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (template_child (fixture, name)));
}

static void
select_item (Fixture    *fixture,
             const char *name,
             guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (fixture, name)), position);
}

static void
assert_setting_string (Fixture    *fixture,
                       const char *key,
                       const char *expected)
{
  g_autofree char *value = g_settings_get_string (fixture->settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_services (Fixture       *fixture,
               gconstpointer  data)
{
  const char *keys[] = { "travel-mode", "route-provider", "geocoding-provider",
                         "weather-provider" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);

  g_assert_cmpuint (selected (fixture, "travel_mode_dropdown"), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (fixture,
                                                                      "manual_travel_row"))));
  select_item (fixture, "travel_mode_dropdown", 1);
  assert_setting_string (fixture, "travel-mode", "transit");
  select_item (fixture, "route_provider_dropdown", 1);
  assert_setting_string (fixture, "route-provider", "google");
  select_item (fixture, "geocoding_provider_dropdown", 1);
  assert_setting_string (fixture, "geocoding-provider", "google");
  select_item (fixture, "weather_provider_dropdown", 1);
  assert_setting_string (fixture, "weather-provider", "openweathermap");

  g_settings_set_string (fixture->settings, "route-provider", "manual");
  g_assert_cmpuint (selected (fixture, "route_provider_dropdown"), ==, 2);
  /* The fixed travel time shows with the provider that uses it. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (template_child (fixture,
                                                                     "manual_travel_row"))));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (template_child (fixture, "manual_travel_spin")),
                             70);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "manual-travel-minutes"), ==, 70);
  g_settings_reset (fixture->settings, "manual-travel-minutes");
  g_settings_set_string (fixture->settings, "travel-mode", "walk");
  g_assert_cmpuint (selected (fixture, "travel_mode_dropdown"), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
}

static void
test_planning_numbers (Fixture       *fixture,
                       gconstpointer  data)
{
  const struct {
    const char *spin;
    const char *key;
    int         initial;
    int         value;
  } numbers[] = {
    { "via_stop_spin", "via-stop-minutes", 10, 15 },
    { "parking_spin", "parking-to-set-minutes", 10, 5 },
    { "early_wake_up_spin", "early-wake-up-hour", 4, 5 },
    { "warn_rain_spin", "weather-warn-rain-probability", 50, 70 },
    { "warn_wind_spin", "weather-warn-wind", 10, 14 },
    { "warn_cold_spin", "weather-warn-cold", 0, -5 },
    { "warn_heat_spin", "weather-warn-heat", 30, 28 },
  };
  g_autoptr(GVariant) recheck = NULL;
  const gint32 *minutes;
  gsize n = 0;
  GtkWidget *recheck_row = GTK_WIDGET (template_child (fixture, "leave_recheck_row"));

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      GtkSpinButton *spin = GTK_SPIN_BUTTON (template_child (fixture, numbers[i].spin));

      g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, numbers[i].initial);
      gtk_spin_button_set_value (spin, numbers[i].value);
      g_assert_cmpint (g_settings_get_int (fixture->settings, numbers[i].key), ==,
                       numbers[i].value);
      g_settings_reset (fixture->settings, numbers[i].key);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, numbers[i].initial);
    }

  /* an OSRM server of one's own: an address, or nothing for the demo server */
  {
    GtkWidget *row = GTK_WIDGET (template_child (fixture, "osrm_server_row"));
    g_autofree char *server = NULL;

    g_assert_true (gtk_widget_get_visible (row));
    apply_text (fixture, "osrm_server_row", "not a server");
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    apply_text (fixture, "osrm_server_row", "https://routing.example.org/");
    g_assert_false (gtk_widget_has_css_class (row, "error"));
    server = g_settings_get_string (fixture->settings, "osrm-server");
    g_assert_cmpstr (server, ==, "https://routing.example.org/");
    g_settings_set_string (fixture->settings, "route-provider", "manual");
    g_assert_false (gtk_widget_get_visible (row));
    g_settings_reset (fixture->settings, "route-provider");
    g_settings_reset (fixture->settings, "osrm-server");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  }

  /* millimetres of rain an hour, in tenths */
  {
    GtkSpinButton *spin = GTK_SPIN_BUTTON (template_child (fixture, "warn_rain_amount_spin"));

    g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 0.5, 1e-9);
    gtk_spin_button_set_value (spin, 1.2);
    g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings,
                                                           "weather-warn-rain-amount"), 1.2, 1e-9);
    g_settings_reset (fixture->settings, "weather-warn-rain-amount");
    g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 0.5, 1e-9);
  }

  /* the notifications of planning: on by default, switched off here */
  {
    const char *switches[][2] = {
      { "notify_leave_switch", "notify-leave" },
      { "notify_weather_switch", "notify-weather" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
      {
        GtkSwitch *button = GTK_SWITCH (template_child (fixture, switches[i][0]));

        g_assert_true (gtk_switch_get_active (button));
        gtk_switch_set_active (button, FALSE);
        g_assert_false (g_settings_get_boolean (fixture->settings, switches[i][1]));
        g_settings_reset (fixture->settings, switches[i][1]);
        g_assert_true (gtk_switch_get_active (button));
      }
  }

  gtk_switch_set_active (GTK_SWITCH (template_child (fixture, "run_in_background_switch")),
                         TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "run-in-background"));
  g_settings_reset (fixture->settings, "run-in-background");

  /* The traffic re-checks: a list of minutes, refused while it is not one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (recheck_row)), ==, "90, 30");
  apply_text (fixture, "leave_recheck_row", "ninety");
  g_assert_true (gtk_widget_has_css_class (recheck_row, "error"));
  apply_text (fixture, "leave_recheck_row", "120, 45, 15");
  g_assert_false (gtk_widget_has_css_class (recheck_row, "error"));
  recheck = g_settings_get_value (fixture->settings, "leave-recheck-minutes");
  minutes = g_variant_get_fixed_array (recheck, &n, sizeof (gint32));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (minutes[0], ==, 120);
  g_assert_cmpint (minutes[2], ==, 15);
  g_settings_reset (fixture->settings, "leave-recheck-minutes");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (recheck_row)), ==, "90, 30");
}

static void
test_buffer_presets (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkSpinButton *routine = GTK_SPIN_BUTTON (template_child (fixture, "morning_routine_spin"));
  GtkSpinButton *early = GTK_SPIN_BUTTON (template_child (fixture, "arrive_early_spin"));
  AdwActionRow *row = ADW_ACTION_ROW (template_child (fixture, "buffer_preset_row"));

  g_settings_reset (fixture->settings, "arrive-early-minutes");
  /* The defaults are the usual preset. */
  g_assert_cmpuint (selected (fixture, "buffer_preset_dropdown"), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "60 minutes to get ready, on set 15 minutes early");

  /* A preset sets both buffers. */
  select_item (fixture, "buffer_preset_dropdown", 3);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "morning-routine-minutes"), ==, 90);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "arrive-early-minutes"), ==, 30);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (routine), ==, 90);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (early), ==, 30);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "90 minutes to get ready, on set 30 minutes early");

  /* Buffers of one's own are "Custom"; those of a preset select it again. */
  gtk_spin_button_set_value (routine, 75);
  g_assert_cmpuint (selected (fixture, "buffer_preset_dropdown"), ==, 0);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "arrive-early-minutes"), ==, 30);
  gtk_spin_button_set_value (routine, 30);
  gtk_spin_button_set_value (early, 10);
  g_assert_cmpuint (selected (fixture, "buffer_preset_dropdown"), ==, 1);

  g_settings_reset (fixture->settings, "arrive-early-minutes");
}

static gboolean
keys_idle (gpointer user_data)
{
  return !mp2_preferences_window_get_keys_busy (user_data);
}

static char *
lookup_key (const char *service)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  mp2_api_key_lookup_async (service, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, 20, "the key");
  key = mp2_api_key_lookup_finish (result, &error);
  g_assert_no_error (error);

  return key;
}

static void
test_api_keys (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *row = GTK_WIDGET (template_child (fixture, "google_maps_key_row"));
  GtkLabel *status = GTK_LABEL (template_child (fixture, "keys_status_label"));
  g_autofree char *key = NULL;

  mp2_test_wait_until (keys_idle, fixture->window, 20, "the keyring");
  g_assert_cmpstr (gtk_label_get_label (status), ==,
                   "No Google Maps key is set. No OpenWeatherMap key is set.");

  /* Into the keyring, and out of the row. */
  apply_text (fixture, "google_maps_key_row", "AIza-test-key-0123456789");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  mp2_test_wait_until (keys_idle, fixture->window, 20, "the key to be stored");
  g_assert_cmpstr (gtk_label_get_label (status), ==,
                   "A Google Maps key is in your keyring. No OpenWeatherMap key is set.");
  key = lookup_key (MP2_API_KEY_GOOGLE_MAPS);
  g_assert_cmpstr (key, ==, "AIza-test-key-0123456789");
  g_clear_pointer (&key, mp2_api_key_free);

  /* Applying an empty row removes it. */
  apply_text (fixture, "google_maps_key_row", "");
  mp2_test_wait_until (keys_idle, fixture->window, 20, "the key to be removed");
  g_assert_cmpstr (gtk_label_get_label (status), ==,
                   "No Google Maps key is set. No OpenWeatherMap key is set.");
  key = lookup_key (MP2_API_KEY_GOOGLE_MAPS);
  g_assert_null (key);
}

static void
test_planning_screenshot (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Mp2TestGeocoder) geocoder = mp2_test_geocoder_new ();
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *folder = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (folder, "preferences-planning.png", NULL);
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  graphene_rect_t bounds;

  mp2_preferences_window_set_geocoder (fixture->window, MP2_GEOCODER (geocoder));
  apply_text (fixture, "home_address_row", "Chełmska 21, Warszawa");
  apply_text (fixture, "via_address_row", "Nowhere 1");
  wait_for_place (fixture, "home_place_row", "Chełmska 21, Mokotów, Warszawa");
  wait_for_place (fixture, "via_place_row", "No place was found for “Nowhere 1”.");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->window),
                                                "planning");
  mp2_test_wait_until (keys_idle, fixture->window, 20, "the keyring");

  gtk_test_widget_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &bounds);
  g_mkdir_with_parents (folder, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static gboolean
has_calendars (gpointer user_data)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (((gpointer *) user_data)[0]);
  guint count = GPOINTER_TO_UINT (((gpointer *) user_data)[1]);

  return g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)) == count;
}

static void
wait_for_calendars (GtkDropDown *drop_down,
                    guint        count)
{
  gpointer data[] = { drop_down, GUINT_TO_POINTER (count) };

  mp2_test_wait_until (has_calendars, data, 20, "the calendars");
}

static const char *
selected_calendar (GtkDropDown *drop_down)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (drop_down)),
                                     gtk_drop_down_get_selected (drop_down));
}

/* Preferences open, signed out: GNOME's calendars only. Signed in on the Mail page:
 * Google's join the list, and the calendar chosen earlier is selected again. */
static void
test_google_calendars_after_sign_in (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(Mp2FakeGoogle) fake = NULL;
  g_autoptr(Mp2HttpClient) http = mp2_http_client_new ();
  g_autoptr(Mp2GoogleAccount) account = NULL;
  g_autoptr(Mp2CalendarRouter) router = mp2_calendar_router_new ();
  g_autoptr(Mp2FakeCalendarSink) gnome = mp2_fake_calendar_sink_new ();
  g_autoptr(Mp2GoogleCalendarSink) google = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  Mp2PreferencesWindow *window;
  GtkDropDown *drop_down;

  fake = mp2_fake_google_new (&error);
  g_assert_no_error (error);
  mp2_fake_google_export_environment (fake);
  mp2_http_client_set_allow_http (http, TRUE);
  account = mp2_google_account_new (http, MP2_FAKE_GOOGLE_CLIENT_ID,
                                    MP2_FAKE_GOOGLE_CLIENT_SECRET);
  google = mp2_google_calendar_sink_new (account, NULL);
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (gnome));
  mp2_calendar_router_add_sink (router, MP2_CALENDAR_SINK (google));
  g_settings_set_string (settings, "target-calendar", "google:" MP2_FAKE_GOOGLE_CALENDAR_ID);

  window = mp2_preferences_window_new (settings, MP2_CALENDAR_SINK (router));
  mp2_preferences_window_add_mail_page (window, account, NULL);
  gtk_window_present (GTK_WINDOW (window));
  drop_down = GTK_DROP_DOWN (mp2_test_template_child (window, MP2_TYPE_PREFERENCES_WINDOW,
                                                      "calendar_dropdown"));

  /* "Default Calendar" and GNOME's one; the choice is kept, though not listed */
  wait_for_calendars (drop_down, 2);
  g_assert_cmpstr (selected_calendar (drop_down), ==, "Default Calendar");

  mp2_fake_google_issue_tokens (fake, MP2_GOOGLE_SCOPES, NULL, &refresh_token);
  secret_password_store_sync (mp2_google_account_get_secret_schema (), NULL,
                              "Film Schedule test", refresh_token, NULL, &error,
                              "kind", "refresh-token",
                              "client-id", MP2_FAKE_GOOGLE_CLIENT_ID,
                              "email", MP2_FAKE_GOOGLE_USER_EMAIL,
                              NULL);
  g_assert_no_error (error);
  mp2_google_account_load_async (account, NULL, mp2_test_on_result_cb, &result);
  mp2_test_wait_for_result (&result, 20, "the account");
  g_assert_true (mp2_google_account_load_finish (account, result, &error));
  g_assert_no_error (error);

  /* and the fake user's two Google calendars */
  wait_for_calendars (drop_down, 4);
  g_assert_cmpstr (selected_calendar (drop_down), ==, "Plan zdjęciowy");
  target = g_settings_get_string (settings, "target-calendar");
  g_assert_cmpstr (target, ==, "google:" MP2_FAKE_GOOGLE_CALENDAR_ID);

  gtk_window_destroy (GTK_WINDOW (window));
  secret_password_clear_sync (mp2_google_account_get_secret_schema (), NULL, &error,
                              "kind", "refresh-token", NULL);
  g_assert_no_error (error);
  g_settings_reset (settings, "target-calendar");
  mp2_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences/name-and-address", Fixture, NULL, fixture_set_up,
              test_name_and_address, fixture_tear_down);
  g_test_add ("/preferences/minutes", Fixture, NULL, fixture_set_up, test_minutes,
              fixture_tear_down);
  g_test_add ("/preferences/time-zone", Fixture, NULL, fixture_set_up, test_time_zone,
              fixture_tear_down);
  g_test_add ("/preferences/buffer-presets", Fixture, NULL, fixture_set_up,
              test_buffer_presets, fixture_tear_down);
  g_test_add ("/preferences/address-found", Fixture, NULL, fixture_set_up,
              test_address_found, fixture_tear_down);
  g_test_add ("/preferences/address-not-found", Fixture, NULL, fixture_set_up,
              test_address_not_found, fixture_tear_down);
  g_test_add ("/preferences/services", Fixture, NULL, fixture_set_up, test_services,
              fixture_tear_down);
  g_test_add ("/preferences/planning-numbers", Fixture, NULL, fixture_set_up,
              test_planning_numbers, fixture_tear_down);
  g_test_add ("/preferences/api-keys", Fixture, NULL, fixture_set_up, test_api_keys,
              fixture_tear_down);
  g_test_add ("/preferences/planning-screenshot", Fixture, NULL, fixture_set_up,
              test_planning_screenshot, fixture_tear_down);
  g_test_add_func ("/preferences/google-calendars-after-sign-in",
                   test_google_calendars_after_sign_in);

  return g_test_run ();
}
