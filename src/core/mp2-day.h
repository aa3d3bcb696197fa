/* mp2-day.h
 *
 * One shooting day as the user sees it: the sheet that was read, the user's edits
 * on top of it, and what a later revision of the same day changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-call-sheet.h"

G_BEGIN_DECLS

/* Identity ---------------------------------------------------------------------- */

char          *mp2_day_key_new               (const char    *production,
                                              int            year,
                                              int            month,
                                              int            day);
char          *mp2_day_key_for_sheet         (Mp2CallSheet  *sheet);

/* Edits ------------------------------------------------------------------------- */

/* The fields a person can correct, as keys of the edits object:
 *
 *   "production", "date" ("YYYY-MM-DD"), "shooting_day", "total_days",
 *   the time keys of Mp2TimeField ("crew_call", "shooting_call", "breakfast",
 *   "lunch", "estimated_wrap", "sunrise", "sunset") as "HH:MM" (or "HH:MM+1" for
 *   after midnight), "my_call" ("HH:MM"),
 *   "locations/N/name" and "locations/N/address" (N from 0),
 *   "notes/N".
 *
 * A value is a JSON string, number or null (null clears the field). Keys that are
 * not valid, indexes past the end and values of the wrong form are ignored. The
 * sheet keeps times of the day, so "05:00+1" is stored as 05:00: a wrap at or before
 * the call is the next day by its order. A "my_call" time makes the call the user's
 * own (none or the general call becomes a crew call); null clears its time, and the
 * day starts at the crew call. "notes/N": null removes the note (after the other
 * edits, so indexes are those of the sheet as read). See mp2_day_apply_edits(). */
gboolean       mp2_day_edit_key_is_valid     (const char    *key);
Mp2CallSheet  *mp2_day_apply_edits           (Mp2CallSheet  *sheet,
                                              JsonObject    *edits);
JsonNode      *mp2_day_get_field             (Mp2CallSheet  *sheet,
                                              const char    *key);

/* Changes between two revisions ---------------------------------------------------- */

typedef enum
{
  MP2_DAY_CHANGE_CREW_CALL,
  MP2_DAY_CHANGE_MY_CALL,
  MP2_DAY_CHANGE_SHOOTING_CALL,
  MP2_DAY_CHANGE_WRAP,
  MP2_DAY_CHANGE_DATE,
  MP2_DAY_CHANGE_LOCATION,        /* a place's address changed, or a place came or went */
  MP2_DAY_CHANGE_SCENE_ADDED,
  MP2_DAY_CHANGE_SCENE_REMOVED,
} Mp2DayChangeKind;

typedef struct
{
  Mp2DayChangeKind  kind;
  char             *key;          /* the field, e.g. "crew_call", "locations/0/address", "scenes/41A" */
  char             *old_value;    /* as shown to the user: "07:00", an address; nullable */
  char             *new_value;    /* nullable */
  Mp2LocationKind   location_kind; /* MP2_DAY_CHANGE_LOCATION: the kind of place */
} Mp2DayChange;

#define MP2_TYPE_DAY_CHANGE (mp2_day_change_get_type ())

GType          mp2_day_change_get_type       (void) G_GNUC_CONST;
Mp2DayChange  *mp2_day_change_copy           (const Mp2DayChange *change);
void           mp2_day_change_free           (Mp2DayChange  *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2DayChange, mp2_day_change_free)

GPtrArray     *mp2_day_diff                  (Mp2CallSheet  *old_sheet,
                                              Mp2CallSheet  *new_sheet);
char          *mp2_day_changes_summary       (GPtrArray     *changes);
JsonNode      *mp2_day_changes_to_json       (GPtrArray     *changes);
GPtrArray     *mp2_day_changes_from_json     (JsonNode      *node,
                                              GError       **error);

/* Edits across a revision ------------------------------------------------------------- */

typedef struct
{
  char     *key;
  JsonNode *mine;                 /* the user's edit */
  JsonNode *theirs;               /* the new sheet's value */
} Mp2DayConflict;

#define MP2_TYPE_DAY_CONFLICT (mp2_day_conflict_get_type ())

GType           mp2_day_conflict_get_type    (void) G_GNUC_CONST;
Mp2DayConflict *mp2_day_conflict_copy        (const Mp2DayConflict *conflict);
void            mp2_day_conflict_free        (Mp2DayConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2DayConflict, mp2_day_conflict_free)

JsonObject    *mp2_day_carry_edits           (Mp2CallSheet  *old_sheet,
                                              Mp2CallSheet  *new_sheet,
                                              JsonObject    *edits,
                                              GPtrArray    **conflicts);
JsonNode      *mp2_day_conflicts_to_json     (GPtrArray     *conflicts);
GPtrArray     *mp2_day_conflicts_from_json   (JsonNode      *node,
                                              GError       **error);

G_END_DECLS
