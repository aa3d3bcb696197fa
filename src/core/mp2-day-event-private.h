/* mp2-day-event-private.h
 *
 * What the day's event and the day's plan must agree on: which call starts the day,
 * and which place is the set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-call-sheet.h"

G_BEGIN_DECLS

/* The user's own call, else the crew call, else the shooting call, in minutes since
 * midnight of the sheet's date; MP2_CALL_SHEET_NO_TIME when the sheet has none. */
int                mp2_day_event_find_start_minutes (Mp2CallSheet *sheet);
/* The first set; without one, where the crew meets, or the unit base; nullable. */
const Mp2Location *mp2_day_event_find_main_location (Mp2CallSheet *sheet);

G_END_DECLS
