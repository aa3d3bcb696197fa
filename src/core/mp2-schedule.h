/* mp2-schedule.h
 *
 * One stored call sheet and where it stands: a row of the store's schedules table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-call-sheet.h"
#include "mp2-day.h"

G_BEGIN_DECLS

/**
 * Mp2DayState:
 * @MP2_DAY_STATE_NEW: stored, not read yet
 * @MP2_DAY_STATE_PARSED: read into a sheet
 * @MP2_DAY_STATE_PLANNED: route and weather added
 * @MP2_DAY_STATE_NEEDS_REVIEW: waits for the user to check and confirm it
 * @MP2_DAY_STATE_CONFIRMED: confirmed, not in the calendar yet
 * @MP2_DAY_STATE_SYNCED: in the calendar
 * @MP2_DAY_STATE_SUPERSEDED: an older revision of a day
 * @MP2_DAY_STATE_DISMISSED: the user set it aside
 * @MP2_DAY_STATE_FAILED: could not be read; the error says why, and it can be retried
 *
 * Stored by name (mp2_day_state_to_string()), so that the database reads plainly.
 */
typedef enum
{
  MP2_DAY_STATE_NEW,
  MP2_DAY_STATE_PARSED,
  MP2_DAY_STATE_PLANNED,
  MP2_DAY_STATE_NEEDS_REVIEW,
  MP2_DAY_STATE_CONFIRMED,
  MP2_DAY_STATE_SYNCED,
  MP2_DAY_STATE_SUPERSEDED,
  MP2_DAY_STATE_DISMISSED,
  MP2_DAY_STATE_FAILED,
} Mp2DayState;

#define MP2_TYPE_DAY_STATE (mp2_day_state_get_type ())

GType       mp2_day_state_get_type    (void) G_GNUC_CONST;
const char *mp2_day_state_to_string   (Mp2DayState  state);
gboolean    mp2_day_state_from_string (const char  *name,
                                       Mp2DayState *state);

#define MP2_TYPE_SCHEDULE (mp2_schedule_get_type ())

G_DECLARE_FINAL_TYPE (Mp2Schedule, mp2_schedule, MP2, SCHEDULE, GObject)

Mp2Schedule   *mp2_schedule_new                (void);
Mp2Schedule   *mp2_schedule_copy               (Mp2Schedule  *self);

gint64         mp2_schedule_get_id             (Mp2Schedule  *self);
void           mp2_schedule_set_id             (Mp2Schedule  *self,
                                                gint64        id);
const char    *mp2_schedule_get_document       (Mp2Schedule  *self);
void           mp2_schedule_set_document       (Mp2Schedule  *self,
                                                const char   *sha256);
const char    *mp2_schedule_get_file_name      (Mp2Schedule  *self);
void           mp2_schedule_set_file_name      (Mp2Schedule  *self,
                                                const char   *file_name);
const char    *mp2_schedule_get_day_key        (Mp2Schedule  *self);
void           mp2_schedule_set_day_key        (Mp2Schedule  *self,
                                                const char   *day_key);
Mp2DayState    mp2_schedule_get_state          (Mp2Schedule  *self);
void           mp2_schedule_set_state          (Mp2Schedule  *self,
                                                Mp2DayState   state);
gint64         mp2_schedule_get_supersedes     (Mp2Schedule  *self);
void           mp2_schedule_set_supersedes     (Mp2Schedule  *self,
                                                gint64        id);

/* the sheet as read; NULL before it is read or when it could not be */
Mp2CallSheet  *mp2_schedule_get_sheet          (Mp2Schedule  *self);
void           mp2_schedule_set_sheet          (Mp2Schedule  *self,
                                                Mp2CallSheet *sheet);
/* the user's corrections (see mp2-day.h); never NULL */
JsonObject    *mp2_schedule_get_edits          (Mp2Schedule  *self);
void           mp2_schedule_set_edits          (Mp2Schedule  *self,
                                                JsonObject   *edits);
/* the sheet with the edits applied; NULL without a sheet */
Mp2CallSheet  *mp2_schedule_dup_effective_sheet (Mp2Schedule *self);

/* against the revision this one supersedes: Mp2DayChange; never NULL */
GPtrArray     *mp2_schedule_get_changes        (Mp2Schedule  *self);
void           mp2_schedule_set_changes        (Mp2Schedule  *self,
                                                GPtrArray    *changes);
/* edits the revision changed under the user: Mp2DayConflict; never NULL */
GPtrArray     *mp2_schedule_get_conflicts      (Mp2Schedule  *self);
void           mp2_schedule_set_conflicts      (Mp2Schedule  *self,
                                                GPtrArray    *conflicts);

/* the day's plan and weather as JSON text (the planning issue fills them); nullable */
const char    *mp2_schedule_get_plan_json      (Mp2Schedule  *self);
void           mp2_schedule_set_plan_json      (Mp2Schedule  *self,
                                                const char   *json);
const char    *mp2_schedule_get_weather_json   (Mp2Schedule  *self);
void           mp2_schedule_set_weather_json   (Mp2Schedule  *self,
                                                const char   *json);

/* why it failed: a MP2_PARSE_ERROR code name ("encrypted") and the sentence */
const char    *mp2_schedule_get_error_code     (Mp2Schedule  *self);
const char    *mp2_schedule_get_error_message  (Mp2Schedule  *self);
void           mp2_schedule_set_error          (Mp2Schedule  *self,
                                                const char   *code,
                                                const char   *message);

gint64         mp2_schedule_get_created_at     (Mp2Schedule  *self);
void           mp2_schedule_set_created_at     (Mp2Schedule  *self,
                                                gint64        unix_time);
gint64         mp2_schedule_get_updated_at     (Mp2Schedule  *self);
void           mp2_schedule_set_updated_at     (Mp2Schedule  *self,
                                                gint64        unix_time);

G_END_DECLS
