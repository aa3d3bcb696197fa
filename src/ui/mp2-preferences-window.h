/* mp2-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp2-calendar-sink.h"
#include "mp2-geocoder.h"
#include "mp2-gmail-source.h"
#include "mp2-google-account.h"

G_BEGIN_DECLS

#define MP2_TYPE_PREFERENCES_WINDOW (mp2_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (Mp2PreferencesWindow, mp2_preferences_window, MP2, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

Mp2PreferencesWindow *mp2_preferences_window_new (GSettings       *settings,
                                                  Mp2CalendarSink *calendar_sink);
void                  mp2_preferences_window_add_mail_page (Mp2PreferencesWindow *self,
                                                            Mp2GoogleAccount     *account,
                                                            Mp2GmailSource       *gmail_source);
void                  mp2_preferences_window_set_geocoder  (Mp2PreferencesWindow *self,
                                                            Mp2Geocoder          *geocoder);
gboolean              mp2_preferences_window_get_keys_busy (Mp2PreferencesWindow *self);

G_END_DECLS
