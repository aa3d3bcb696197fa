/* mp2-lexicon.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MP2_LEX_FIELD,      /* a labelled value in the header: "Crew Call:" */
  MP2_LEX_SECTION,    /* a heading that starts a part of the sheet: "SCENES" */
  MP2_LEX_LOCATION,   /* a kind of place: "Unit Base", "Najbliższy szpital" */
  MP2_LEX_COLUMN,     /* a table's column header: "Pgs", "Stanowisko" */
  MP2_LEX_VALUE,      /* a word in a cell: "DZIEŃ" for the day/night column */
  MP2_LEX_DOCUMENT,   /* what the document calls itself: "CALL SHEET" */
  MP2_LEX_OTHER_DOCUMENT, /* a document that is not a call sheet: "FAKTURA VAT" */
  MP2_LEX_FOOTER,     /* who issued the sheet: "Issued", "Plan sporządził(a)" */
  MP2_LEX_TOTAL,      /* the total line of a table: "Total pages", "Razem" */
  MP2_LEX_PAGE_NUMBER, /* "Page 1 of 2", "Strona 1 z 2" at the foot of a page */
} Mp2LexKind;

typedef enum
{
  /* MP2_LEX_FIELD */
  MP2_TERM_PRODUCTION,
  MP2_TERM_EPISODE,
  MP2_TERM_DATE,
  MP2_TERM_DAY,
  MP2_TERM_CREW_CALL,
  MP2_TERM_PRODUCTION_CALL,
  MP2_TERM_SHOOTING_CALL,
  MP2_TERM_BREAKFAST,
  MP2_TERM_LUNCH,
  MP2_TERM_WRAP,
  MP2_TERM_SUNRISE,
  MP2_TERM_SUNSET,
  MP2_TERM_REVISION,
  MP2_TERM_REVISED,
  MP2_TERM_CHANGES,
  MP2_TERM_OTHER_FIELD,     /* labels whose values we do not read: "Director:" */

  /* MP2_LEX_SECTION */
  MP2_TERM_SECTION_SCHEDULE,
  MP2_TERM_SECTION_WEATHER,
  MP2_TERM_SECTION_CONTACTS,
  MP2_TERM_SECTION_LOCATIONS,
  MP2_TERM_SECTION_SCENES,
  MP2_TERM_SECTION_CAST,
  MP2_TERM_SECTION_BACKGROUND,
  MP2_TERM_SECTION_CREW,
  MP2_TERM_SECTION_NOTES,
  MP2_TERM_SECTION_ADVANCE,
  MP2_TERM_SECTION_TRANSPORT,
  MP2_TERM_SECTION_OTHER,   /* requirements, walkies… read as nothing */

  /* MP2_LEX_LOCATION */
  MP2_TERM_LOCATION_SET,
  MP2_TERM_LOCATION_BASE,
  MP2_TERM_LOCATION_PARKING,
  MP2_TERM_LOCATION_CATERING,
  MP2_TERM_LOCATION_HOSPITAL,
  MP2_TERM_LOCATION_MEETING_POINT,

  /* MP2_LEX_COLUMN */
  MP2_TERM_COLUMN_SCENE,
  MP2_TERM_COLUMN_SET,
  MP2_TERM_COLUMN_INT_EXT,
  MP2_TERM_COLUMN_DAY_NIGHT,
  MP2_TERM_COLUMN_PAGES,
  MP2_TERM_COLUMN_CAST_IDS,
  MP2_TERM_COLUMN_LOCATION,
  MP2_TERM_COLUMN_ID,
  MP2_TERM_COLUMN_ACTOR,
  MP2_TERM_COLUMN_CHARACTER,
  MP2_TERM_COLUMN_STATUS,
  MP2_TERM_COLUMN_PICKUP,
  MP2_TERM_COLUMN_CALL,
  MP2_TERM_COLUMN_HMU,
  MP2_TERM_COLUMN_WARDROBE,
  MP2_TERM_COLUMN_ON_SET,
  MP2_TERM_COLUMN_REMARKS,
  MP2_TERM_COLUMN_DEPARTMENT,
  MP2_TERM_COLUMN_POSITION,
  MP2_TERM_COLUMN_NAME,
  MP2_TERM_COLUMN_PHONE,
  MP2_TERM_COLUMN_EMAIL,
  MP2_TERM_COLUMN_KIND,
  MP2_TERM_COLUMN_ADDRESS,
  MP2_TERM_COLUMN_COUNT,
  MP2_TERM_COLUMN_DESCRIPTION,
  MP2_TERM_COLUMN_OTHER,     /* "Story Day", "Pronouns": a column read as nothing */

  /* MP2_LEX_VALUE */
  MP2_TERM_VALUE_DAY,
  MP2_TERM_VALUE_NIGHT,
  MP2_TERM_VALUE_MORNING,
  MP2_TERM_VALUE_EVENING,
  MP2_TERM_VALUE_COMPANY,   /* "Sp. z o.o.", "LLC": a company, not a title */
  MP2_TERM_VALUE_NON_SCENE, /* "LUNCH", "UNIT MOVE" rows of a scene table */

  /* one term each for the remaining kinds */
  MP2_TERM_DOCUMENT,
  MP2_TERM_OTHER_DOCUMENT,
  MP2_TERM_FOOTER,
  MP2_TERM_TOTAL,
  MP2_TERM_PAGE_NUMBER,

  MP2_N_TERMS
} Mp2Term;

/* Which tables a column header belongs to. */
typedef enum
{
  MP2_TABLE_SCENES    = 1 << 0,
  MP2_TABLE_CAST      = 1 << 1,
  MP2_TABLE_CREW      = 1 << 2,
  MP2_TABLE_LOCATIONS = 1 << 3,
  MP2_TABLE_EXTRAS    = 1 << 4,
  MP2_TABLE_ANY       = 0x1f,
} Mp2TableKind;

typedef enum
{
  MP2_LEX_FLAG_NONE  = 0,
  /* A short or common word ("Call", "Set", "Data"): a label only at the start of a
   * cell in the header or as a column header, never inside running text. */
  MP2_LEX_FLAG_SHORT = 1 << 0,
} Mp2LexFlags;

typedef struct
{
  Mp2Term      term;
  const char  *language;   /* "en", "pl", "de" */
  const char  *text;
  Mp2LexFlags  flags;
  guint        tables;     /* Mp2TableKind, for columns */
} Mp2LexEntry;

typedef struct
{
  const Mp2LexEntry *entry;
  guint              first;    /* index of the first matching token */
  guint              n_tokens;
} Mp2LexMatch;

Mp2LexKind  mp2_term_get_kind          (Mp2Term             term);
gboolean    mp2_lexicon_match_at       (GArray             *tokens,
                                        guint               first,
                                        Mp2LexKind          kind,
                                        guint               tables,
                                        Mp2LexMatch        *match);
gboolean    mp2_lexicon_find           (GArray             *tokens,
                                        Mp2LexKind          kind,
                                        guint               tables,
                                        Mp2LexMatch        *match);
gboolean    mp2_lexicon_match_whole    (const char         *text,
                                        Mp2LexKind          kind,
                                        guint               tables,
                                        Mp2LexMatch        *match);
gboolean    mp2_lexicon_entry_is_shared (const Mp2LexEntry *entry);
const Mp2LexEntry *mp2_lexicon_get_entries (guint          *n_entries);
const char * const *mp2_lexicon_entry_get_tokens (const Mp2LexEntry *entry);
gboolean    mp2_lexicon_match_prefix   (const char         *text,
                                        Mp2LexKind          kind,
                                        guint               tables,
                                        Mp2LexMatch        *match);

G_END_DECLS
