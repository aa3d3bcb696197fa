/* mp2-day-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp2-pipeline.h"
#include "mp2-schedule.h"

G_BEGIN_DECLS

#define MP2_TYPE_DAY_VIEW (mp2_day_view_get_type ())

G_DECLARE_FINAL_TYPE (Mp2DayView, mp2_day_view, MP2, DAY_VIEW, GtkWidget)

GtkWidget       *mp2_day_view_new               (Mp2Pipeline     *pipeline);
Mp2Schedule     *mp2_day_view_get_schedule      (Mp2DayView      *self);
void             mp2_day_view_set_schedule      (Mp2DayView      *self,
                                                 Mp2Schedule     *schedule);
Mp2Pipeline     *mp2_day_view_get_pipeline      (Mp2DayView      *self);
void             mp2_day_view_set_pipeline      (Mp2DayView      *self,
                                                 Mp2Pipeline     *pipeline);
AdwToastOverlay *mp2_day_view_get_toast_overlay (Mp2DayView      *self);
void             mp2_day_view_set_toast_overlay (Mp2DayView      *self,
                                                 AdwToastOverlay *overlay);
gboolean         mp2_day_view_get_folded        (Mp2DayView      *self);
gboolean         mp2_day_view_get_show_original (Mp2DayView      *self);
void             mp2_day_view_set_show_original (Mp2DayView      *self,
                                                 gboolean         show_original);

G_END_DECLS
