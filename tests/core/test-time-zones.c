/* test-time-zones.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-time-zones.h"

static void
test_parse_table (void)
{
  const char *table =
    "# tzdb timezone descriptions\n"
    "#codes\tcoordinates\tTZ\tcomments\n"
    "PL\t+5215+02100\tEurope/Warsaw\n"
    "GB,GG,IM,JE\t+513030-0000731\tEurope/London\n"
    "US\t+340308-1181434\tAmerica/Los_Angeles\tPacific\n"
    "\n"
    "broken line without tabs\n";
  g_auto(GStrv) zones = mp2_time_zones_parse_table (table);

  g_assert_cmpuint (g_strv_length (zones), ==, 4);
  g_assert_cmpstr (zones[0], ==, "America/Los_Angeles");
  g_assert_cmpstr (zones[1], ==, "Europe/London");
  g_assert_cmpstr (zones[2], ==, "Europe/Warsaw");
  g_assert_cmpstr (zones[3], ==, "UTC");
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GStrv *zones = user_data;
  g_autoptr(GError) error = NULL;

  *zones = mp2_time_zones_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_system_table (void)
{
  g_auto(GStrv) zones = NULL;

  mp2_time_zones_load_async (NULL, on_loaded_cb, &zones);
  while (zones == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_strv_contains ((const char * const *) zones, MP2_DEFAULT_TIME_ZONE));
  g_assert_true (g_strv_contains ((const char * const *) zones, "UTC"));
  g_assert_cmpuint (g_strv_length (zones), >, 100);
}

static void
test_is_valid (void)
{
  g_assert_true (mp2_time_zone_is_valid ("Europe/Warsaw"));
  g_assert_true (mp2_time_zone_is_valid ("America/Los_Angeles"));
  g_assert_false (mp2_time_zone_is_valid ("Europe/Atlantis"));
  g_assert_false (mp2_time_zone_is_valid (""));
  g_assert_false (mp2_time_zone_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-zones/parse-table", test_parse_table);
  g_test_add_func ("/time-zones/load-system-table", test_load_system_table);
  g_test_add_func ("/time-zones/is-valid", test_is_valid);

  return g_test_run ();
}
