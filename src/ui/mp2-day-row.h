/* mp2-day-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mp2-schedule.h"

G_BEGIN_DECLS

/* The sidebar's groups, in their order. */
typedef enum
{
  MP2_DAY_GROUP_NEEDS_REVIEW,
  MP2_DAY_GROUP_UPCOMING,
  MP2_DAY_GROUP_PAST,
} Mp2DayGroup;

Mp2DayGroup  mp2_day_group_for        (Mp2Schedule *schedule,
                                       GDate       *today);
const char  *mp2_day_group_title      (Mp2DayGroup  group);
int          mp2_day_compare          (Mp2Schedule *a,
                                       Mp2Schedule *b,
                                       GDate       *today);

#define MP2_TYPE_DAY_ROW (mp2_day_row_get_type ())

G_DECLARE_FINAL_TYPE (Mp2DayRow, mp2_day_row, MP2, DAY_ROW, GtkListBoxRow)

GtkWidget   *mp2_day_row_new          (Mp2Schedule *schedule);
Mp2Schedule *mp2_day_row_get_schedule (Mp2DayRow   *self);

G_END_DECLS
