/* mp2-call-sheet.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MP2_CALL_SHEET_ERROR (mp2_call_sheet_error_quark ())

/* The JSON form of a call sheet could not be read. */
typedef enum
{
  MP2_CALL_SHEET_ERROR_INVALID
} Mp2CallSheetError;

GQuark mp2_call_sheet_error_quark (void);

/* Minutes since midnight for times; this for "the sheet does not say". */
#define MP2_CALL_SHEET_NO_TIME (-1)
/* For integers (day numbers): the sheet does not say. */
#define MP2_CALL_SHEET_NO_NUMBER (-1)

/**
 * Mp2TimeField:
 *
 * The times of the day that a call sheet prints in its header.
 */
typedef enum
{
  MP2_TIME_FIELD_CREW_CALL,
  MP2_TIME_FIELD_SHOOTING_CALL,
  MP2_TIME_FIELD_BREAKFAST,
  MP2_TIME_FIELD_LUNCH,
  MP2_TIME_FIELD_ESTIMATED_WRAP,
  MP2_TIME_FIELD_SUNRISE,
  MP2_TIME_FIELD_SUNSET,
  MP2_N_TIME_FIELDS
} Mp2TimeField;

typedef enum
{
  MP2_LOCATION_SET,
  MP2_LOCATION_BASE,
  MP2_LOCATION_PARKING,
  MP2_LOCATION_CATERING,
  MP2_LOCATION_HOSPITAL,
  MP2_LOCATION_MEETING_POINT,
  MP2_N_LOCATION_KINDS
} Mp2LocationKind;

/* Where a value was read: page from 0, a box in PDF points from the page's top left. */
typedef struct
{
  guint  page;
  double x;
  double y;
  double width;
  double height;
} Mp2SourceBox;

typedef struct
{
  Mp2LocationKind kind;
  char           *name;     /* nullable */
  char           *address;
} Mp2Location;

typedef struct
{
  char  *number;
  char  *set;
  char   day_night;         /* 'D', 'N', 'M', 'E', or 0 when not printed */
  char  *pages;             /* nullable, eighths as printed: "1 3/8" */
  GStrv  cast;              /* never NULL */
} Mp2Scene;

typedef struct
{
  char *department;         /* nullable */
  char *position;
  char *name;
  int   call;               /* minutes or MP2_CALL_SHEET_NO_TIME */
} Mp2CrewMember;

typedef struct
{
  char *id;
  char *name;
  char *character;
  int   pickup;             /* minutes or MP2_CALL_SHEET_NO_TIME */
  int   call;
  int   on_set;
} Mp2CastMember;

typedef enum
{
  MP2_PERSONAL_CALL_NONE,        /* no name was given */
  MP2_PERSONAL_CALL_CREW,        /* found in the crew list */
  MP2_PERSONAL_CALL_CAST,        /* found in the cast list */
  MP2_PERSONAL_CALL_GENERAL,     /* not listed, or no time in the row: the crew call */
} Mp2PersonalCallSource;

typedef struct
{
  Mp2PersonalCallSource source;
  char                 *name;      /* as the sheet prints it; NULL when not found */
  char                 *position;  /* the crew position or the cast character; nullable */
  int                   call;      /* minutes or MP2_CALL_SHEET_NO_TIME */
} Mp2PersonalCall;

#define MP2_TYPE_LOCATION (mp2_location_get_type ())
#define MP2_TYPE_SCENE (mp2_scene_get_type ())
#define MP2_TYPE_CREW_MEMBER (mp2_crew_member_get_type ())
#define MP2_TYPE_CAST_MEMBER (mp2_cast_member_get_type ())
#define MP2_TYPE_CALL_SHEET (mp2_call_sheet_get_type ())

GType           mp2_location_get_type      (void) G_GNUC_CONST;
Mp2Location    *mp2_location_new           (Mp2LocationKind      kind,
                                            const char          *name,
                                            const char          *address);
Mp2Location    *mp2_location_copy          (const Mp2Location   *location);
void            mp2_location_free          (Mp2Location         *location);
const char     *mp2_location_kind_to_string (Mp2LocationKind     kind);
gboolean        mp2_location_kind_from_string (const char       *name,
                                               Mp2LocationKind  *kind);

GType           mp2_scene_get_type         (void) G_GNUC_CONST;
Mp2Scene       *mp2_scene_new              (void);
Mp2Scene       *mp2_scene_copy             (const Mp2Scene      *scene);
void            mp2_scene_free             (Mp2Scene            *scene);

GType           mp2_crew_member_get_type   (void) G_GNUC_CONST;
Mp2CrewMember  *mp2_crew_member_new        (void);
Mp2CrewMember  *mp2_crew_member_copy       (const Mp2CrewMember *member);
void            mp2_crew_member_free       (Mp2CrewMember       *member);

GType           mp2_cast_member_get_type   (void) G_GNUC_CONST;
Mp2CastMember  *mp2_cast_member_new        (void);
Mp2CastMember  *mp2_cast_member_copy       (const Mp2CastMember *member);
void            mp2_cast_member_free       (Mp2CastMember       *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2Location, mp2_location_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2Scene, mp2_scene_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2CrewMember, mp2_crew_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2CastMember, mp2_cast_member_free)

G_DECLARE_FINAL_TYPE (Mp2CallSheet, mp2_call_sheet, MP2, CALL_SHEET, GObject)

typedef enum
{
  MP2_CALL_SHEET_JSON_DEFAULT   = 0,       /* exactly the ground-truth schema */
  MP2_CALL_SHEET_JSON_EXTRAS    = 1 << 0,  /* + personal_call, warnings */
  MP2_CALL_SHEET_JSON_POSITIONS = 1 << 1,  /* + positions */
} Mp2CallSheetJsonFlags;

Mp2CallSheet    *mp2_call_sheet_new                (void);
Mp2CallSheet    *mp2_call_sheet_copy               (Mp2CallSheet          *self);

const char      *mp2_call_sheet_get_production     (Mp2CallSheet          *self);
void             mp2_call_sheet_set_production     (Mp2CallSheet          *self,
                                                    const char            *production);
gboolean         mp2_call_sheet_get_date           (Mp2CallSheet          *self,
                                                    int                   *year,
                                                    int                   *month,
                                                    int                   *day);
void             mp2_call_sheet_set_date           (Mp2CallSheet          *self,
                                                    int                    year,
                                                    int                    month,
                                                    int                    day);
void             mp2_call_sheet_clear_date         (Mp2CallSheet          *self);
int              mp2_call_sheet_get_shooting_day   (Mp2CallSheet          *self);
void             mp2_call_sheet_set_shooting_day   (Mp2CallSheet          *self,
                                                    int                    day);
int              mp2_call_sheet_get_total_days     (Mp2CallSheet          *self);
void             mp2_call_sheet_set_total_days     (Mp2CallSheet          *self,
                                                    int                    days);
int              mp2_call_sheet_get_revision       (Mp2CallSheet          *self);
void             mp2_call_sheet_set_revision       (Mp2CallSheet          *self,
                                                    int                    revision);
const char      *mp2_call_sheet_get_language       (Mp2CallSheet          *self);
void             mp2_call_sheet_set_language       (Mp2CallSheet          *self,
                                                    const char            *language);
int              mp2_call_sheet_get_time           (Mp2CallSheet          *self,
                                                    Mp2TimeField           field);
void             mp2_call_sheet_set_time           (Mp2CallSheet          *self,
                                                    Mp2TimeField           field,
                                                    int                    minutes);
const char      *mp2_time_field_to_key             (Mp2TimeField           field);

GPtrArray       *mp2_call_sheet_get_locations      (Mp2CallSheet          *self);
GPtrArray       *mp2_call_sheet_get_scenes         (Mp2CallSheet          *self);
GPtrArray       *mp2_call_sheet_get_crew           (Mp2CallSheet          *self);
GPtrArray       *mp2_call_sheet_get_cast           (Mp2CallSheet          *self);
GPtrArray       *mp2_call_sheet_get_notes          (Mp2CallSheet          *self);
GPtrArray       *mp2_call_sheet_get_warnings       (Mp2CallSheet          *self);
void             mp2_call_sheet_add_warning        (Mp2CallSheet          *self,
                                                    const char            *format,
                                                    ...) G_GNUC_PRINTF (2, 3);

const Mp2PersonalCall *mp2_call_sheet_get_personal_call (Mp2CallSheet     *self);
void             mp2_call_sheet_set_personal_call  (Mp2CallSheet          *self,
                                                    Mp2PersonalCallSource  source,
                                                    const char            *name,
                                                    const char            *position,
                                                    int                    call);

void             mp2_call_sheet_set_position       (Mp2CallSheet          *self,
                                                    const char            *key,
                                                    const Mp2SourceBox    *box);
gboolean         mp2_call_sheet_get_position       (Mp2CallSheet          *self,
                                                    const char            *key,
                                                    Mp2SourceBox          *box);
GStrv            mp2_call_sheet_list_positions     (Mp2CallSheet          *self);

JsonNode        *mp2_call_sheet_to_json_node       (Mp2CallSheet          *self,
                                                    Mp2CallSheetJsonFlags  flags);
char            *mp2_call_sheet_to_json            (Mp2CallSheet          *self,
                                                    Mp2CallSheetJsonFlags  flags,
                                                    gboolean               pretty);
Mp2CallSheet    *mp2_call_sheet_new_from_json_node (JsonNode              *node,
                                                    GError               **error);
Mp2CallSheet    *mp2_call_sheet_new_from_json      (const char            *json,
                                                    gssize                 length,
                                                    GError               **error);

G_END_DECLS
