/* mp2-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP2_TYPE_PREFERENCES_WINDOW (mp2_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (Mp2PreferencesWindow, mp2_preferences_window, MP2, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

Mp2PreferencesWindow *mp2_preferences_window_new (GSettings *settings);

G_END_DECLS
