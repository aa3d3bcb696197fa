/* mp2-test-browser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-browser.h"

#include "mp2-test-files.h"
#include "mp2-test-wait.h"

static char *browser_root;
static char *browser_dir;

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/**
 * mp2_test_browser_install:
 *
 * Points XDG_CONFIG_HOME and XDG_DATA_HOME at a temporary folder whose
 * mimeapps.list names the test browser for http:// and https://. Call it first in
 * main(), before GLib has read those variables.
 */
void
mp2_test_browser_install (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAppInfo) handler = NULL;
  g_autofree char *config = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *script = NULL;
  g_autofree char *desktop = NULL;
  g_autofree char *path = NULL;

  browser_root = g_dir_make_tmp ("mp2-test-browser-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (browser_root, "config", NULL);
  applications = g_build_filename (browser_root, "data", "applications", NULL);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);

  script = g_test_build_filename (G_TEST_DIST, "google", "mp2-test-browser.sh", NULL);
  g_assert_true (g_file_test (script, G_FILE_TEST_IS_REGULAR));
  desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test browser\n"
                             "Exec=/bin/sh \"%s\" %%u\nNoDisplay=true\nTerminal=false\n"
                             "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
                             script);
  path = g_build_filename (applications, "mp2-test-browser.desktop", NULL);
  write_file (path, desktop);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (config, "mimeapps.list", NULL);
  write_file (path, "[Default Applications]\n"
                    "x-scheme-handler/http=mp2-test-browser.desktop\n"
                    "x-scheme-handler/https=mp2-test-browser.desktop\n");
  g_clear_pointer (&path, g_free);

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  path = g_build_filename (browser_root, "data", NULL);
  g_setenv ("XDG_DATA_HOME", path, TRUE);
  mp2_test_browser_reset (MP2_TEST_BROWSER_FOLLOW);

  handler = g_app_info_get_default_for_uri_scheme ("http");
  g_assert_nonnull (handler);
  g_assert_cmpstr (g_app_info_get_id (handler), ==, "mp2-test-browser.desktop");
}

void
mp2_test_browser_uninstall (void)
{
  if (browser_root != NULL)
    mp2_test_remove_tree (browser_root);
  g_clear_pointer (&browser_root, g_free);
  g_clear_pointer (&browser_dir, g_free);
}

/**
 * mp2_test_browser_reset:
 * @mode: %MP2_TEST_BROWSER_FOLLOW, %MP2_TEST_BROWSER_TAMPER_STATE or
 *   %MP2_TEST_BROWSER_STOP
 *
 * Sets how the browser behaves next time, with no cookies and a new folder, so that a
 * browser still busy with an earlier sign-in cannot write into it.
 */
void
mp2_test_browser_reset (const char *mode)
{
  static guint n_resets;
  g_autofree char *name = g_strdup_printf ("browser-%u", ++n_resets);

  g_assert_nonnull (browser_root);
  g_free (browser_dir);
  browser_dir = g_build_filename (browser_root, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (browser_dir, 0700), ==, 0);
  g_setenv ("MP2_TEST_BROWSER_DIR", browser_dir, TRUE);
  g_setenv ("MP2_TEST_BROWSER_MODE", mode, TRUE);
}

/**
 * mp2_test_browser_read:
 * @what: one of the files the browser leaves: "authorization", "callback", "page",
 *   "status", "error", "done"
 *
 * Returns: (nullable): its contents, without the last newline; %NULL when the
 *   browser did not write it
 */
char *
mp2_test_browser_read (const char *what)
{
  g_autofree char *path = g_build_filename (browser_dir, what, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return g_strchomp (contents);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
file_exists (gpointer user_data)
{
  g_autofree char *path = g_build_filename (browser_dir, user_data, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/**
 * mp2_test_browser_wait_for:
 *
 * Runs the main loop (the app's loopback server answers the browser meanwhile)
 * until the browser has written @what.
 *
 * Returns: its contents
 */
char *
mp2_test_browser_wait_for (const char *what,
                           guint       seconds)
{
  g_autofree char *description = g_strdup_printf ("the test browser's %s", what);
  guint tick = g_timeout_add (50, on_tick_cb, NULL);

  mp2_test_wait_until (file_exists, (gpointer) what, seconds, description);
  g_source_remove (tick);

  return mp2_test_browser_read (what);
}

/**
 * mp2_test_browser_get_query_param:
 *
 * Returns: (nullable): the decoded value of a query parameter of @url
 */
char *
mp2_test_browser_get_query_param (const char *url,
                                  const char *name)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GHashTable) params = NULL;

  if (uri == NULL || g_uri_get_query (uri) == NULL)
    return NULL;

  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  if (params == NULL)
    return NULL;

  return g_strdup (g_hash_table_lookup (params, name));
}
