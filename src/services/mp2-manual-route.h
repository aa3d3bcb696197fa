/* mp2-manual-route.h
 *
 * A fixed travel time from Preferences as a route provider (id "manual"), for whoever
 * knows their way better than any map, or has no network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-route-provider.h"

G_BEGIN_DECLS

#define MP2_TYPE_MANUAL_ROUTE (mp2_manual_route_get_type ())

G_DECLARE_FINAL_TYPE (Mp2ManualRoute, mp2_manual_route, MP2, MANUAL_ROUTE, GObject)

/* The range of the "manual-travel-minutes" setting. */
#define MP2_MANUAL_ROUTE_MIN_MINUTES 1
#define MP2_MANUAL_ROUTE_MAX_MINUTES 600

Mp2ManualRoute *mp2_manual_route_new              (guint           minutes);
/* Follows the "manual-travel-minutes" key of @settings (com.mp2.FilmSchedule). */
Mp2ManualRoute *mp2_manual_route_new_for_settings (GSettings      *settings);
guint           mp2_manual_route_get_minutes      (Mp2ManualRoute *self);
void            mp2_manual_route_set_minutes      (Mp2ManualRoute *self,
                                                   guint           minutes);

G_END_DECLS
