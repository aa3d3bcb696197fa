/* mp2-test-truth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-test-truth.h"

#include "mp2-test-files.h"

/**
 * mp2_test_load_truth:
 * @name: a sheet of the corpus without its extension: "T2_rev1"
 *
 * Returns: (transfer full): the sheet that @name.json describes
 */
Mp2CallSheet *
mp2_test_load_truth (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = mp2_test_data_path (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  Mp2CallSheet *sheet;

  g_assert_true (g_file_get_contents (path, &json, NULL, &error));
  sheet = mp2_call_sheet_new_from_json (json, -1, &error);
  g_assert_no_error (error);

  return sheet;
}
