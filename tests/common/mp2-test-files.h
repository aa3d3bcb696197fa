/* mp2-test-files.h
 *
 * Files in tests: the call sheets of tests/data/callsheets, and temporary folders
 * removed afterwards. GLib only, for every suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *mp2_test_data_path       (const char *name);
GBytes *mp2_test_load_file       (const char *path);
GBytes *mp2_test_load_callsheet  (const char *name);
void    mp2_test_remove_tree     (const char *path);

G_END_DECLS
