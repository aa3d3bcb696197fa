/* mp2-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP2_TYPE_WINDOW (mp2_window_get_type ())

G_DECLARE_FINAL_TYPE (Mp2Window, mp2_window, MP2, WINDOW, AdwApplicationWindow)

void      mp2_window_open_file (Mp2Window *self,
                                GFile     *file);
gboolean  mp2_window_is_empty  (Mp2Window *self);

G_END_DECLS
