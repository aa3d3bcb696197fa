/* test-preferences.c
 *
 * The preferences window writes what the user sets into GSettings and follows changes
 * made elsewhere (the memory backend stands in for dconf).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "mp2-calendar-router.h"
#include "mp2-fake-calendar-sink.h"
#include "mp2-fake-google.h"
#include "mp2-google-calendar-sink.h"
#include "mp2-preferences-window.h"
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
  g_test_add_func ("/preferences/google-calendars-after-sign-in",
                   test_google_calendars_after_sign_in);

  return g_test_run ();
}
