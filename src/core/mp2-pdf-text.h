/* mp2-pdf-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mp2-pdf-document.h"

G_BEGIN_DECLS

/* A call sheet has a few pages; a document is read up to this many. */
#define MP2_PDF_TEXT_MAX_PAGES 24
/* Characters read in all; a page of dense text has about 5,000. */
#define MP2_PDF_TEXT_MAX_CHARS 400000

typedef struct
{
  double x1;
  double y1;
  double x2;
  double y2;
} Mp2Rect;

typedef struct
{
  char     *text;
  Mp2Rect   box;
  double    size;
  gboolean  bold;
} Mp2TextWord;

/* Words of one line that stand together: a label, a value, a table cell. */
typedef struct
{
  char      *text;      /* NFC, words joined by single spaces */
  Mp2Rect    box;
  double     size;      /* the largest font size in it */
  gboolean   bold;      /* every word in it is bold */
  guint      page;
  guint      line;      /* index of its line */
  guint      index;     /* its place in the line */
  guint      used : 1;  /* taken by the parser */
} Mp2TextCell;

typedef struct
{
  guint      page;
  Mp2Rect    box;
  double     size;      /* the font size of most of its words */
  GPtrArray *cells;     /* Mp2TextCell, owned, left to right */
} Mp2TextLine;

typedef struct
{
  GPtrArray *lines;     /* Mp2TextLine, owned, page by page from the top */
  guint      n_pages;
  double    *page_width;
  double    *page_height;
  gsize      n_chars;   /* characters that are not white space */
} Mp2PdfText;

Mp2PdfText  *mp2_pdf_text_new                  (Mp2PdfDocument  *document,
                                                GCancellable    *cancellable,
                                                GError         **error);
Mp2PdfText  *mp2_pdf_text_new_from_layout_text (const char      *text);
void         mp2_pdf_text_free                 (Mp2PdfText      *self);
char        *mp2_pdf_text_dump                 (Mp2PdfText      *self);

Mp2TextLine *mp2_pdf_text_get_line             (Mp2PdfText      *self,
                                                guint            index);
Mp2TextCell *mp2_pdf_text_get_cell             (Mp2PdfText      *self,
                                                guint            line,
                                                guint            index);

double       mp2_rect_overlap_x                (const Mp2Rect   *a,
                                                const Mp2Rect   *b);
double       mp2_rect_overlap_y                (const Mp2Rect   *a,
                                                const Mp2Rect   *b);
void         mp2_rect_union                    (Mp2Rect         *rect,
                                                const Mp2Rect   *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2PdfText, mp2_pdf_text_free)

G_END_DECLS
