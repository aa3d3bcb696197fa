/* test-preferences.c
 *
 * The preferences window writes what the user sets into GSettings and follows changes
 * made elsewhere (the memory backend stands in for dconf).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

  return g_test_run ();
}
