/* mp2-ics-export.h
 *
 * An iCalendar (.ics) file as a calendar sink (id "ics"): its calendar ids are
 * paths or URIs of files, into which the days' events are written and from which
 * they are removed, next to whatever else the file holds. Also writes one day to
 * a file of its own ("Export as iCalendar…").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-calendar-sink.h"

G_BEGIN_DECLS

#define MP2_TYPE_ICS_EXPORT (mp2_ics_export_get_type ())

G_DECLARE_FINAL_TYPE (Mp2IcsExport, mp2_ics_export, MP2, ICS_EXPORT, GObject)

Mp2IcsExport *mp2_ics_export_new          (void);

void          mp2_ics_export_write_async  (const Mp2DayEvent    *event,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean      mp2_ics_export_write_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
