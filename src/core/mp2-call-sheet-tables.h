/* mp2-call-sheet-tables.h
 *
 * The tables of one parse, shared by the table finder and the row readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-call-sheet-parser-private.h"

G_BEGIN_DECLS

#define MP2_MAX_COLUMNS 16
#define MP2_MAX_CELLS 32

typedef struct
{
  Mp2Term term;
  double  x1;     /* the header label */
  double  x2;
  double  size;
  double  left;   /* cells overlapping [left, right) belong to the column */
  double  right;
} Mp2Column;

typedef struct
{
  Mp2TableKind  kind;
  Mp2Section   *section;
  GArray       *columns;      /* Mp2Column */
  guint         header_line;
  guint         page;
  double        top;
  double        left;
  double        right;

  /* while reading rows */
  GPtrArray    *absorbed;     /* sections whose heading was a department row */
  char         *department;
  gpointer      current;      /* the last row's Mp2Scene, Mp2CrewMember… */
  guint         current_index;
} Mp2Table;

typedef struct
{
  char        *cells[MP2_MAX_COLUMNS];
  Mp2TextCell *used[MP2_MAX_CELLS];
  guint        n_used;
  Mp2Rect      box;
} Mp2Row;

gboolean    mp2_table_has_column    (Mp2Table     *table,
                                     Mp2Term       term);
const char *mp2_table_cell          (Mp2Table     *table,
                                     const Mp2Row *row,
                                     Mp2Term       term);
void        mp2_table_take_row      (Mp2Parser    *parser,
                                     Mp2Table     *table,
                                     const Mp2Row *row);
void        mp2_table_finish        (Mp2Parser    *parser,
                                     Mp2Table     *table);
void        mp2_parser_read_records (Mp2Parser    *parser,
                                     Mp2Section   *section);

/* shared value readers */
char        mp2_parse_day_night     (const char   *text);
GStrv       mp2_parse_cast_ids      (const char   *text);
char       *mp2_parse_pages         (const char   *text);
gboolean    mp2_is_scene_number     (const char   *text);

G_END_DECLS
