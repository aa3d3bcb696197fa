/* mp2-day-planner-private.h
 *
 * Time arithmetic shared by the planner's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *mp2_day_planner_add_minutes     (GDateTime *when,
                                            int        minutes);
GDateTime *mp2_day_planner_floor_to_minute (GDateTime *when);

G_END_DECLS
