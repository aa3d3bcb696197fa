/* mp2-calendar-router.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-calendar-sink.h"

G_BEGIN_DECLS

#define MP2_TYPE_CALENDAR_ROUTER (mp2_calendar_router_get_type ())

G_DECLARE_FINAL_TYPE (Mp2CalendarRouter, mp2_calendar_router, MP2, CALENDAR_ROUTER, GObject)

Mp2CalendarRouter *mp2_calendar_router_new         (void);
void               mp2_calendar_router_add_sink    (Mp2CalendarRouter *self,
                                                    Mp2CalendarSink   *sink);
void               mp2_calendar_router_remove_sink (Mp2CalendarRouter *self,
                                                    Mp2CalendarSink   *sink);

G_END_DECLS
