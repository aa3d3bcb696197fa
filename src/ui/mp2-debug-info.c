/* mp2-debug-info.c
 *
 * What a bug report needs to know: the versions of the libraries the app runs with
 * (their run-time versions where the library can tell, else the version it was
 * built against) and the environment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-debug-info"

#include "config.h"

#include "mp2-debug-info.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <libedataserver/eds-version.h>
#include <libnotify/notify.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>
#include <poppler.h>
#include <sqlite3.h>

static void
append_library (GString    *string,
                const char *name,
                guint       major,
                guint       minor,
                guint       micro,
                gboolean    built_against)
{
  g_string_append_printf (string, "- %s %u.%u.%u%s\n", name, major, minor, micro,
                          built_against ? " (built against)" : "");
}

static void
append_libraries (GString *string)
{
  g_string_append (string, "Libraries:\n");
  append_library (string, "GLib", glib_major_version, glib_minor_version, glib_micro_version,
                  FALSE);
  append_library (string, "GTK", gtk_get_major_version (), gtk_get_minor_version (),
                  gtk_get_micro_version (), FALSE);
  append_library (string, "libadwaita", adw_get_major_version (), adw_get_minor_version (),
                  adw_get_micro_version (), FALSE);
  append_library (string, "libsoup", soup_get_major_version (), soup_get_minor_version (),
                  soup_get_micro_version (), FALSE);
  append_library (string, "json-glib", JSON_MAJOR_VERSION, JSON_MINOR_VERSION,
                  JSON_MICRO_VERSION, TRUE);
  g_string_append_printf (string, "- poppler %s\n", poppler_get_version ());
  append_library (string, "libsecret", SECRET_MAJOR_VERSION, SECRET_MINOR_VERSION,
                  SECRET_MICRO_VERSION, TRUE);
  append_library (string, "evolution-data-server", eds_major_version, eds_minor_version,
                  eds_micro_version, FALSE);
  append_library (string, "libnotify", NOTIFY_VERSION_MAJOR, NOTIFY_VERSION_MINOR,
                  NOTIFY_VERSION_MICRO, TRUE);
  g_string_append_printf (string, "- SQLite %s\n", sqlite3_libversion ());
}

static const char *
display_kind (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return "none";

  return G_OBJECT_TYPE_NAME (display);
}

static void
append_environment (GString *string)
{
  static const char *variables[] = {
    "XDG_CURRENT_DESKTOP", "XDG_SESSION_TYPE", "GDK_BACKEND", "GSK_RENDERER", "GTK_THEME",
    "LANG", "LANGUAGE", "LC_ALL",
  };

  g_string_append (string, "\nEnvironment:\n");
  g_string_append_printf (string, "- Flatpak: %s\n",
                          g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ? "yes" : "no");
  g_string_append_printf (string, "- Display: %s\n", display_kind ());

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL)
        g_string_append_printf (string, "- %s: %s\n", variables[i], value);
    }
}

/**
 * mp2_debug_info_collect:
 *
 * Returns: (transfer full): the text for the About window's debugging page
 */
char *
mp2_debug_info_collect (void)
{
  GString *string = g_string_new (NULL);

  g_string_append_printf (string, "Film Schedule %s (%s)\n\n", PACKAGE_VERSION, APPLICATION_ID);
  append_libraries (string);
  append_environment (string);

  return g_string_free (string, FALSE);
}
