/* mp2-call-sheet-parser-private.h
 *
 * What the parts of the call-sheet parser share: the sheet's sections and the state
 * of one parse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-call-sheet-parser.h"
#include "mp2-lexicon.h"
#include "mp2-time-parse.h"

G_BEGIN_DECLS

/* A part of a page under a heading ("SCENES", "LOKACJE"), or the header band above
 * the first heading (term MP2_N_TERMS). A table or a row of places printed without a
 * heading has its header row stand for one (@implied): its first cell is the
 * heading, and the section starts on the header row itself. */
typedef struct _Mp2Section Mp2Section;

struct _Mp2Section
{
  Mp2Term      term;
  Mp2TextCell *heading;   /* NULL for the header band */
  Mp2Section  *parent;    /* the section this one continues from the page before */
  guint        first_line; /* the first line of its body */
  gboolean     implied;
  guint        page;
  double       x1;        /* where its column starts */
  double       x2;        /* where it ends: a sidebar's gutter, or G_MAXDOUBLE */
  double       y1;
  double       y2;        /* where the next heading of its column starts */
};

typedef struct
{
  Mp2PdfText    *text;
  Mp2CallSheet  *sheet;
  GPtrArray     *sections;       /* Mp2Section, owned */
  GHashTable    *cell_sections;  /* Mp2TextCell → Mp2Section */
  Mp2DateOrder   date_order;
  Mp2TimeParseFlags time_flags;  /* TWELVE_HOUR when the sheet writes AM/PM */
  guint          language_votes[3];
  guint          evidence;       /* signs that this is a call sheet */
  gboolean       other_document; /* an invoice, a production report… */
} Mp2Parser;

/* sections */
void          mp2_parser_find_sections     (Mp2Parser   *parser);
Mp2Section   *mp2_parser_cell_section      (Mp2Parser   *parser,
                                            Mp2TextCell *cell);
Mp2Section   *mp2_section_root             (Mp2Section  *section);
gboolean      mp2_parser_line_in_section   (Mp2Parser   *parser,
                                            Mp2TextLine *line,
                                            Mp2Section  *section);
gboolean      mp2_parser_cell_in           (Mp2Parser   *parser,
                                            Mp2TextCell *cell,
                                            Mp2Term      section);
gboolean      mp2_parser_is_heading        (Mp2Parser   *parser,
                                            Mp2TextCell *cell);

/* labelled values */
void          mp2_parser_read_fields       (Mp2Parser   *parser);
void          mp2_parser_apply_date        (Mp2Parser           *parser,
                                            const Mp2ParsedDate *date,
                                            const Mp2TextCell   *cell,
                                            const char          *printed);

/* tables and one-line records */
void          mp2_parser_read_tables       (Mp2Parser   *parser);

/* places */
void          mp2_parser_read_locations    (Mp2Parser   *parser);
gboolean      mp2_line_is_place_header     (Mp2TextLine *line);
gboolean      mp2_text_looks_like_address  (const char  *text);

/* helpers */
void          mp2_parser_set_box           (Mp2Parser         *parser,
                                            const char        *key,
                                            const Mp2TextCell *cell);
void          mp2_parser_add_box           (Mp2Parser         *parser,
                                            const char        *key,
                                            guint              index,
                                            const Mp2Rect     *box,
                                            guint              page);
int           mp2_parser_parse_time        (Mp2Parser   *parser,
                                            const char  *text,
                                            gboolean     whole);
gboolean      mp2_text_is_phone_line       (const char  *text);

G_END_DECLS
