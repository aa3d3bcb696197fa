/* test-fake-browser.c
 *
 * The browser of the demo and the UI tests: mp2-fake-browser-install.sh makes
 * mp2-fake-browser.sh the desktop's handler of http URLs in a private XDG folder, and
 * opening the authorization URL the way the app does (GIO's default handler) signs
 * in: the script follows the fake Google's redirect to the app's loopback address.
 * Needs gio and curl (build-aux/dev.sh test installs them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-fake-test.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

typedef struct
{
  Mp2FakeTestFixture  base;
  Mp2FakeTestApp      app;
  char               *root;
  char              **environment;
} Fixture;

static char **
make_session_environment (const char *root)
{
  g_auto(GStrv) environment = g_get_environ ();
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *config = g_build_filename (root, "config", NULL);
  g_autofree char *log = g_build_filename (root, "browser.log", NULL);

  environment = g_environ_setenv (g_steal_pointer (&environment), "XDG_DATA_HOME", data, TRUE);
  environment = g_environ_setenv (g_steal_pointer (&environment), "XDG_CONFIG_HOME", config,
                                  TRUE);
  environment = g_environ_setenv (g_steal_pointer (&environment), "MP2_FAKE_BROWSER_LOG", log,
                                  TRUE);

  return g_steal_pointer (&environment);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  mp2_fake_test_set_up (&fixture->base, data);
  mp2_fake_test_app_start (&fixture->app);
  fixture->root = g_dir_make_tmp ("mp2-fake-browser-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->environment = make_session_environment (fixture->root);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  mp2_fake_test_tear_down (&fixture->base, data);
  mp2_fake_test_app_stop (&fixture->app);
  mp2_test_remove_tree (fixture->root);
  g_clear_pointer (&fixture->root, g_free);
  g_clear_pointer (&fixture->environment, g_strfreev);
}

static void
run (Fixture  *fixture,
     char    **argv,
     char    **output)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, argv, fixture->environment, G_SPAWN_SEARCH_PATH, NULL, NULL, output, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static gboolean
has_callback (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->app.callback != NULL;
}

/* The script runs apart from the main loop: look for its log now and then. The
 * shell creates the file before it writes the line, so only a whole line counts. */
static char *
wait_for_log (const char *path,
              guint       seconds)
{
  for (guint i = 0; i < seconds * 20; i++)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL) &&
          g_str_has_suffix (contents, "\n"))
        return g_steal_pointer (&contents);
      mp2_test_run_for (50);
    }

  g_error ("Timed out after %u s waiting for %s", seconds, path);
}

static void
test_handler (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *challenge = mp2_fake_test_make_challenge ("0123456789abcdefghij0123456789"
                                                             "abcdefghij-._~");
  g_autofree char *url = mp2_fake_test_authorization_url (&fixture->base, &fixture->app,
                                                          challenge, NULL);
  g_autofree char *log_path = g_build_filename (fixture->root, "browser.log", NULL);
  g_autofree char *handler = NULL;
  g_autofree char *log = NULL;
  char *install[] = { (char *) g_getenv ("MP2_FAKE_BROWSER_INSTALL"), NULL };
  char *query[] = { "gio", "mime", "x-scheme-handler/http", NULL };
  char *open[] = { "gio", "open", url, NULL };

  g_assert_nonnull (install[0]);
  run (fixture, install, NULL);
  run (fixture, query, &handler);
  g_assert_nonnull (strstr (handler, "mp2-fake-browser.desktop"));

  run (fixture, open, NULL);
  mp2_test_wait_until (has_callback, fixture, 20, "the browser script's visit");
  g_assert_cmpstr (g_hash_table_lookup (fixture->app.callback, "state"), ==,
                   MP2_FAKE_TEST_STATE);
  g_assert_nonnull (g_hash_table_lookup (fixture->app.callback, "code"));

  /* The script writes its line once the app has answered. */
  log = wait_for_log (log_path, 20);
  g_assert_nonnull (strstr (log, " 200\n"));
  g_assert_cmpuint (mp2_fake_google_get_request_count (fixture->base.fake, "oauth2.auth"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/fakes/browser/handler", Fixture, NULL, set_up, test_handler, tear_down);

  return g_test_run ();
}
