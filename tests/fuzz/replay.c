/* replay.c
 *
 * Runs a fuzz target's entry point on files, without libFuzzer: every crash the
 * fuzzers found is kept in tests/data/fuzz/TARGET/ and replayed by the test suite,
 * with a few seeds.
 *
 * usage: fuzz-replay-TARGET FILE-OR-FOLDER…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-fuzz.h"

static guint
replay_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    g_error ("Cannot read %s", path);

  g_print ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);

  return 1;
}

static guint
replay (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  guint count = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (path);

  dir = g_dir_open (path, 0, NULL);
  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL;)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!g_str_has_prefix (name, "."))
        count += replay (child);
    }

  return count;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    count += replay (argv[i]);

  g_assert_cmpuint (count, >, 0);
  g_print ("1..1\nok 1 - %u inputs replayed\n", count);

  return 0;
}
