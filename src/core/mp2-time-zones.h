/* mp2-time-zones.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MP2_DEFAULT_TIME_ZONE "Europe/Warsaw"

GStrv     mp2_time_zones_parse_table (const char           *table);
void      mp2_time_zones_load_async  (GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GStrv     mp2_time_zones_load_finish (GAsyncResult         *result,
                                      GError              **error);
gboolean  mp2_time_zone_is_valid     (const char           *identifier);

G_END_DECLS
