/* mp2-test-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-files.h"

#include <glib/gstdio.h>

/**
 * mp2_test_data_path:
 * @name: a file of tests/data/callsheets: "T1_01.pdf"
 *
 * Returns: (transfer full): its path
 */
char *
mp2_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "callsheets", name, NULL);
}

/**
 * mp2_test_load_file:
 * @path: a file that must be there
 *
 * Returns: (transfer full): its contents
 */
GBytes *
mp2_test_load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/**
 * mp2_test_load_callsheet:
 * @name: a file of tests/data/callsheets: "T1_01.pdf"
 *
 * Returns: (transfer full): its contents
 */
GBytes *
mp2_test_load_callsheet (const char *name)
{
  g_autofree char *path = mp2_test_data_path (name);

  return mp2_test_load_file (path);
}

/**
 * mp2_test_remove_tree:
 * @path: a folder a test made
 *
 * Removes @path and all it holds, without following symbolic links; what cannot be
 * removed stays.
 */
void
mp2_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        mp2_test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}
