/* mp2-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp2-pipeline.h"

G_BEGIN_DECLS

#define MP2_TYPE_WINDOW (mp2_window_get_type ())

G_DECLARE_FINAL_TYPE (Mp2Window, mp2_window, MP2, WINDOW, AdwApplicationWindow)

void             mp2_window_set_pipeline      (Mp2Window    *self,
                                               Mp2Pipeline  *pipeline);
void             mp2_window_show_store_error  (Mp2Window    *self,
                                               const GError *error);
gboolean         mp2_window_show_day          (Mp2Window    *self,
                                               gint64        schedule_id);
void             mp2_window_expect_import     (Mp2Window    *self);
AdwToastOverlay *mp2_window_get_toast_overlay (Mp2Window    *self);

G_END_DECLS
