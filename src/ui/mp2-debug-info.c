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

static const char *
breaker_state_name (Mp2HttpBreakerState state)
{
  switch (state)
    {
    case MP2_HTTP_BREAKER_OPEN:
      return "open (failing, paused)";
    case MP2_HTTP_BREAKER_HALF_OPEN:
      return "half-open (trying again)";
    case MP2_HTTP_BREAKER_CLOSED:
    default:
      return "closed (working)";
    }
}

/* The counters of the HTTP client: enough to tell a slow network from a quota. */
static void
append_network (GString       *string,
                Mp2HttpClient *http)
{
  g_auto(GStrv) hosts = mp2_http_client_dup_hosts (http);
  Mp2HttpStats stats = mp2_http_client_get_stats (http);

  g_string_append (string, "\nNetwork:\n");
  g_string_append_printf (string, "- Requests: %" G_GUINT64_FORMAT ", retries: %" G_GUINT64_FORMAT
                          ", failures: %" G_GUINT64_FORMAT ", rate-limited: %" G_GUINT64_FORMAT "\n",
                          stats.requests, stats.retries, stats.failures, stats.rate_limited);
  g_string_append_printf (string, "- Latency: %.0f ms on average, %.0f ms at most\n",
                          stats.latency_ms_avg, stats.latency_ms_max);
  /* the hosts it talked to (a fake's in the demo) */
  for (guint i = 0; hosts[i] != NULL; i++)
    g_string_append_printf (string, "- %s: %s\n", hosts[i],
                            breaker_state_name (mp2_http_client_get_breaker_state (http,
                                                                                   hosts[i])));
}

/**
 * mp2_debug_info_collect:
 * @http: (nullable): the app's HTTP client, for its counters
 *
 * Returns: (transfer full): the text for the About window's debugging page
 */
char *
mp2_debug_info_collect (Mp2HttpClient *http)
{
  GString *string = g_string_new (NULL);

  g_string_append_printf (string, "Film Schedule %s (%s)\n\n", PACKAGE_VERSION, APPLICATION_ID);
  append_libraries (string);
  append_environment (string);
  if (http != NULL)
    append_network (string, http);

  return g_string_free (string, FALSE);
}
