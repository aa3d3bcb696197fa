/* mp2-eds-calendar-sink.h
 *
 * The calendars of evolution-data-server as a calendar sink (id "eds"): the local
 * ones, CalDAV, and those of GNOME Online Accounts (Google, Nextcloud), which GNOME
 * Calendar and Evolution show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libedataserver/libedataserver.h>

#include "mp2-calendar-sink.h"

G_BEGIN_DECLS

#define MP2_TYPE_EDS_CALENDAR_SINK (mp2_eds_calendar_sink_get_type ())

G_DECLARE_FINAL_TYPE (Mp2EdsCalendarSink, mp2_eds_calendar_sink, MP2, EDS_CALENDAR_SINK, GObject)

void                mp2_eds_calendar_sink_new_async    (ESourceRegistry      *registry,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
Mp2EdsCalendarSink *mp2_eds_calendar_sink_new_finish   (GAsyncResult         *result,
                                                        GError              **error);
ESourceRegistry    *mp2_eds_calendar_sink_get_registry (Mp2EdsCalendarSink   *self);

G_END_DECLS
