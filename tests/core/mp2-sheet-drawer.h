/* mp2-sheet-drawer.h
 *
 * A tiny cairo + pango helper that draws test call sheets into PDF bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Page sizes in points (1/72 inch), portrait. */
#define MP2_SHEET_A4_WIDTH      595.0
#define MP2_SHEET_A4_HEIGHT     842.0
#define MP2_SHEET_LETTER_WIDTH  612.0
#define MP2_SHEET_LETTER_HEIGHT 792.0

typedef struct _Mp2SheetDrawer Mp2SheetDrawer;

Mp2SheetDrawer *mp2_sheet_drawer_new        (double          width,
                                             double          height);
void            mp2_sheet_drawer_new_page   (Mp2SheetDrawer *self);
void            mp2_sheet_drawer_text       (Mp2SheetDrawer *self,
                                             double          x,
                                             double          y,
                                             double          size,
                                             gboolean        bold,
                                             const char     *text);
void            mp2_sheet_drawer_rect       (Mp2SheetDrawer *self,
                                             double          x,
                                             double          y,
                                             double          width,
                                             double          height);
void            mp2_sheet_drawer_line       (Mp2SheetDrawer *self,
                                             double          x1,
                                             double          y1,
                                             double          x2,
                                             double          y2);
GBytes         *mp2_sheet_drawer_finish     (Mp2SheetDrawer *self);

G_END_DECLS
