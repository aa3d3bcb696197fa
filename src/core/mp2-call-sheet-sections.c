/* mp2-call-sheet-sections.c
 *
 * Cuts the pages of a call sheet into sections at their headings ("SCENES",
 * "LOKACJE", "ADVANCE SCHEDULE – DAY 45"). A section reaches down to the next heading
 * of its column; a heading that stands in a side column (a right-hand "LOCATIONS"
 * box beside the schedule) ends where that column's text ends. Every cell then
 * belongs to the innermost section that holds it, or to the header band.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-call-sheet-parser"

#include "config.h"

#include "mp2-call-sheet-parser-private.h"

#include <string.h>

#include "mp2-text-util.h"

/* Headings whose left edges are this close stand in one column. */
#define COLUMN_TOLERANCE 15.0

static gboolean
is_heading_separator (const char *rest)
{
  static const char *separators[] = { "–", "—", "-", ":", "·", "(", "|", "•" };

  while (*rest == ' ')
    rest++;

  if (*rest == '\0')
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (g_str_has_prefix (rest, separators[i]))
      return TRUE;

  return FALSE;
}

static gboolean
match_section_label (const char  *text,
                     Mp2LexMatch *match,
                     gsize       *label_end)
{
  GArray *tokens = mp2_text_tokenize (text);
  gboolean found;

  found = mp2_lexicon_match_at (tokens, 0, MP2_LEX_SECTION, 0, match);
  if (found)
    {
      *label_end = g_array_index (tokens, Mp2Token, match->n_tokens - 1).end;
      found = is_heading_separator (text + *label_end);
    }

  mp2_tokens_free (tokens);

  return found;
}

static gboolean
is_column_label (Mp2TextCell *cell)
{
  Mp2LexMatch match;

  return mp2_lexicon_match_whole (cell->text, MP2_LEX_COLUMN, MP2_TABLE_ANY, &match);
}

/* A heading is not one of a table's column labels: the line has several, and the
 * cell stands close to them. (A box's heading may share a line with a table's
 * header far to its left.) */
static gboolean
is_in_column_header (Mp2TextLine *line,
                     Mp2TextCell *cell)
{
  guint columns = 0;
  Mp2TextCell *left = cell->index > 0 ? g_ptr_array_index (line->cells, cell->index - 1) : NULL;

  for (guint i = 0; i < line->cells->len; i++)
    columns += is_column_label (g_ptr_array_index (line->cells, i));

  if (columns < 3)
    return FALSE;

  /* Printed like its neighbours (same size) and close to them: a column label. */
  return left == NULL
         || (cell->box.x1 - left->box.x2 < 4 * cell->size
             && ABS (cell->size - left->size) < 0.1 * cell->size);
}

/* In capitals, or in bold and alone on its line: a department named "Lokacje" in a
 * crew table is bold but has the rest of its row beside it. */
static gboolean
looks_like_heading_text (Mp2TextLine *line,
                         Mp2TextCell *cell,
                         gsize        label_end)
{
  g_autofree char *label = g_strndup (cell->text, label_end);

  if (mp2_text_is_upper (label))
    return TRUE;

  return cell->bold && cell->text[label_end] == '\0' && line->cells->len == 1;
}

static gboolean
stands_alone (Mp2TextLine *line,
              Mp2TextCell *cell)
{
  for (guint i = cell->index + 1; i < line->cells->len; i++)
    {
      Mp2TextCell *other = g_ptr_array_index (line->cells, i);
      Mp2LexMatch match;
      gsize end;

      if (match_section_label (other->text, &match, &end))
        continue;
      if (other->box.x1 - cell->box.x2 < 3 * cell->size)
        return FALSE;
    }

  return TRUE;
}

/**
 * mp2_parser_is_heading:
 * @parser: a parser
 * @cell: a cell
 *
 * A heading is a section label, in capitals (or bold and alone in its cell), that is
 * not one of the column headers of a table and has nothing close to its right.
 *
 * Returns: %TRUE if @cell is a section heading
 */
gboolean
mp2_parser_is_heading (Mp2Parser   *parser,
                       Mp2TextCell *cell)
{
  Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, cell->line);
  gunichar first = g_utf8_get_char (cell->text);
  Mp2LexMatch match;
  gsize label_end = 0;

  /* A heading starts with a capital letter: most cells go no further. */
  if (!g_unichar_isupper (first))
    return FALSE;

  if (!match_section_label (cell->text, &match, &label_end))
    return FALSE;

  if (!looks_like_heading_text (line, cell, label_end))
    return FALSE;

  return !is_in_column_header (line, cell) && stands_alone (line, cell);
}

static void
section_free (gpointer data)
{
  g_free (data);
}

static Mp2Section *
section_new (Mp2Parser   *parser,
             Mp2TextCell *heading)
{
  Mp2Section *section = g_new0 (Mp2Section, 1);
  Mp2LexMatch match;
  gsize end;

  match_section_label (heading->text, &match, &end);
  section->term = match.entry->term;
  section->heading = heading;
  section->first_line = heading->line + 1;
  section->page = heading->page;
  section->x1 = heading->box.x1 - 4;
  section->y1 = heading->box.y1 - 1;
  section->y2 = parser->text->page_height[heading->page] + 1000;

  return section;
}

/* Tables without a heading ---------------------------------------------------------- */

/* A commercial's sheet may print its crew table or its row of places with no heading
 * above ("ROLE | NAME | CONTACT | CALL", "LOCATION #1 | CREW PARKING | HOSPITAL"). */
typedef struct
{
  Mp2TableKind table;
  Mp2Term      section;
  Mp2Term      names_rows;  /* the column a table of this kind cannot lack */
} TableSection;

static const TableSection table_sections[] = {
  { MP2_TABLE_SCENES, MP2_TERM_SECTION_SCENES, MP2_TERM_COLUMN_SCENE },
  { MP2_TABLE_CAST, MP2_TERM_SECTION_CAST, MP2_TERM_COLUMN_ACTOR },
  { MP2_TABLE_CREW, MP2_TERM_SECTION_CREW, MP2_TERM_COLUMN_NAME },
};

/* The section a header row stands for: every cell of the line a column label of one
 * kind of table, three at least, one of them the column that names the rows; or a
 * row of kinds of places. MP2_N_TERMS for any other line. */
static Mp2Term
header_row_section (Mp2TextLine *line)
{
  Mp2Term best = MP2_N_TERMS;
  guint best_count = 0;

  if (mp2_line_is_place_header (line))
    return MP2_TERM_SECTION_LOCATIONS;
  if (line->cells->len < 3)
    return MP2_N_TERMS;

  for (guint k = 0; k < G_N_ELEMENTS (table_sections); k++)
    {
      guint count = 0;
      gboolean names_rows = FALSE;

      for (guint i = 0; i < line->cells->len; i++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, i);
          Mp2LexMatch match;

          if (!mp2_lexicon_match_whole (cell->text, MP2_LEX_COLUMN, table_sections[k].table, &match))
            break;
          count++;
          names_rows |= match.entry->term == table_sections[k].names_rows;
        }

      if (count == line->cells->len && names_rows && count > best_count)
        {
          best = table_sections[k].section;
          best_count = count;
        }
    }

  return best;
}

static gboolean
line_has_heading (Mp2TextLine *line)
{
  for (guint i = 0; i < line->cells->len; i++)
    if (((Mp2TextCell *) g_ptr_array_index (line->cells, i))->used)
      return TRUE;

  return FALSE;
}

/* Only for the kinds of section the sheet has no heading for: under a "CREW"
 * heading, a header row is that section's table, not a section of its own. */
static void
add_implied_sections (Mp2Parser *parser,
                      GPtrArray *pages)
{
  gboolean has_heading[MP2_N_TERMS + 1] = { FALSE };

  for (guint i = 0; i < parser->sections->len; i++)
    has_heading[((Mp2Section *) g_ptr_array_index (parser->sections, i))->term] = TRUE;

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      Mp2Section *section;
      Mp2Term term;

      if (line_has_heading (line))
        continue;
      term = header_row_section (line);
      if (term == MP2_N_TERMS || has_heading[term])
        continue;

      section = g_new0 (Mp2Section, 1);
      section->term = term;
      section->heading = g_ptr_array_index (line->cells, 0);
      section->implied = TRUE;
      section->first_line = i;
      section->page = line->page;
      section->x1 = section->heading->box.x1 - 4;
      section->y1 = line->box.y1 - 1;
      section->y2 = parser->text->page_height[line->page] + 1000;
      g_ptr_array_add (g_ptr_array_index (pages, line->page), section);
      g_ptr_array_add (parser->sections, section);
    }
}

/* A section of the main column ends at the next heading that starts at its left edge
 * or further left; a side column's section only at the next heading of that column
 * (the headings of the main column beside it do not end it). */
static void
end_at_next_heading (Mp2Section *section,
                     GPtrArray  *page_sections,
                     gboolean    side_column)
{
  for (guint i = 0; i < page_sections->len; i++)
    {
      Mp2Section *other = g_ptr_array_index (page_sections, i);
      gboolean same_column = ABS (other->x1 - section->x1) <= COLUMN_TOLERANCE;

      if (other->y1 <= section->y1 + 1 || other->y1 >= section->y2)
        continue;
      if (same_column || (!side_column && other->x1 <= section->x1 + COLUMN_TOLERANCE))
        section->y2 = other->y1;
    }
}

static gboolean
crosses_gutter (const Mp2TextCell *cell,
                double             gutter)
{
  return cell->box.x1 < gutter - 10 && cell->box.x2 > gutter + 10;
}

/* Where the next column to the right starts, if a heading stands there. */
static double
column_band_end (Mp2Section *section,
                 GPtrArray  *page_sections)
{
  double end = G_MAXDOUBLE;

  for (guint i = 0; i < page_sections->len; i++)
    {
      Mp2Section *other = g_ptr_array_index (page_sections, i);

      if (other->x1 > section->x1 + COLUMN_TOLERANCE)
        end = MIN (end, other->x1);
    }

  return end;
}

/* A side column (a box at the right of the page) ends where its text stops: at a
 * wide gap, or at a line whose text runs across the column's left edge. Text of the
 * columns further right does not count. */
static void
end_side_column (Mp2Parser  *parser,
                 Mp2Section *section,
                 double      band_end)
{
  double size = section->heading->size;
  double bottom = section->heading->box.y2;

  for (guint i = section->first_line; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page != section->page || line->box.y1 >= section->y2)
        return;

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
          gboolean in_band = cell->box.x1 >= section->x1 - 2 && cell->box.x1 < band_end - 2;

          /* text across the column's edge, a heading of the main column after the
           * column has ended, or a wide gap */
          if (crosses_gutter (cell, section->x1 + 4)
              || (!in_band && cell->box.y1 > bottom + size && mp2_parser_is_heading (parser, cell))
              || (in_band && cell->box.y1 - bottom > 3 * size))
            {
              section->y2 = MIN (cell->box.y1 - 0.5, bottom + 0.5 * size);
              return;
            }
          if (in_band)
            bottom = MAX (bottom, cell->box.y2);
        }
    }
}

static double
leftmost_heading (GPtrArray *page_sections)
{
  double left = G_MAXDOUBLE;

  for (guint i = 0; i < page_sections->len; i++)
    left = MIN (left, ((Mp2Section *) g_ptr_array_index (page_sections, i))->x1);

  return left;
}

static void
find_page_sections (Mp2Parser *parser,
                    GPtrArray *page_sections)
{
  double left = leftmost_heading (page_sections);

  for (guint i = 0; i < page_sections->len; i++)
    {
      Mp2Section *section = g_ptr_array_index (page_sections, i);
      gboolean side_column = section->x1 > left + 50;

      end_at_next_heading (section, page_sections, side_column);
      if (side_column)
        end_side_column (parser, section, column_band_end (section, page_sections));
    }
}

/* The heading that opens a page's main column, if it comes before any other. */
static Mp2Section *
first_main_heading (GPtrArray *page_sections)
{
  double left = leftmost_heading (page_sections);
  Mp2Section *first = NULL;

  for (guint i = 0; i < page_sections->len; i++)
    {
      Mp2Section *section = g_ptr_array_index (page_sections, i);

      if (section->x1 <= left + 50 && (first == NULL || section->y1 < first->y1))
        first = section;
    }

  return first;
}

/* A section that reaches the foot of a page goes on at the top of the next one, up
 * to that page's first heading: a crew list printed over two pages. When that
 * heading names the same kind of section ("CREW (continued)"), the list goes on
 * under it too. */
static void
continue_from_previous_page (Mp2Parser *parser,
                             GPtrArray *previous,
                             GPtrArray *page_sections,
                             guint      page)
{
  Mp2Section *last = NULL;
  Mp2Section *first;
  Mp2Section *section;
  double left;

  if (previous == NULL || previous->len == 0)
    return;

  left = leftmost_heading (previous);
  for (guint i = 0; i < previous->len; i++)
    {
      Mp2Section *candidate = g_ptr_array_index (previous, i);

      if (candidate->x1 <= left + 50 && (last == NULL || candidate->y1 > last->y1))
        last = candidate;
    }
  if (last == NULL)
    return;

  section = g_new0 (Mp2Section, 1);
  *section = *last;
  section->parent = mp2_section_root (last);
  section->page = page;
  section->y1 = -G_MAXDOUBLE;
  section->y2 = parser->text->page_height[page] + 1000;
  end_at_next_heading (section, page_sections, FALSE);
  g_ptr_array_add (parser->sections, section);

  first = first_main_heading (page_sections);
  if (first != NULL && first->term == last->term && !first->implied)
    first->parent = section->parent;
}

Mp2Section *
mp2_section_root (Mp2Section *section)
{
  while (section != NULL && section->parent != NULL)
    section = section->parent;

  return section;
}

/* "Paper Lanterns – Call Sheet – Day 44   Tuesday, March 12, 2024" at the top of
 * every page is not part of the list that goes on from the page before. */
static gboolean
is_running_header (Mp2Parser   *parser,
                   Mp2TextLine *line)
{
  for (guint j = 0; j < line->cells->len; j++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
      Mp2ParsedDate date;
      Mp2LexMatch match;
      GArray *tokens = mp2_text_tokenize (cell->text);
      gboolean found = mp2_lexicon_find (tokens, MP2_LEX_DOCUMENT, 0, &match);

      mp2_tokens_free (tokens);
      if (found || (mp2_date_find (cell->text, MP2_DATE_ORDER_UNKNOWN, &date, NULL, NULL)
                    && date.year > 0))
        return TRUE;
    }

  return FALSE;
}

static Mp2Section *
best_section (Mp2Parser   *parser,
              Mp2TextCell *cell)
{
  Mp2Section *best = NULL;

  for (guint i = 0; i < parser->sections->len; i++)
    {
      Mp2Section *section = g_ptr_array_index (parser->sections, i);

      if (section->page != cell->page || section->heading == NULL)
        continue;
      if (cell->box.y1 < section->y1 || cell->box.y1 >= section->y2)
        continue;
      if (section->x1 > cell->box.x1 + 2)
        continue;
      if (best == NULL || section->x1 > best->x1
          || (section->x1 == best->x1 && section->y1 > best->y1))
        best = section;
    }

  return best;
}

static void
assign_cells (Mp2Parser  *parser,
              Mp2Section *header)
{
  guint page_lines = 0;
  guint page = 0;

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      gboolean running_header;

      page_lines = line->page == page ? page_lines + 1 : 1;
      page = line->page;
      running_header = page > 0 && page_lines <= 2 && is_running_header (parser, line);

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
          Mp2Section *section = running_header ? NULL : best_section (parser, cell);

          g_hash_table_insert (parser->cell_sections, cell, section ? section : header);
        }
    }
}

static void
collect_page_headings (Mp2Parser *parser,
                       guint      page,
                       GPtrArray *page_sections)
{
  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page != page)
        continue;

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          if (mp2_parser_is_heading (parser, cell))
            {
              Mp2Section *section = section_new (parser, cell);

              cell->used = TRUE;
              g_ptr_array_add (page_sections, section);
              g_ptr_array_add (parser->sections, section);
            }
        }
    }
}

/**
 * mp2_parser_find_sections:
 * @parser: a parser
 *
 * Finds the headings of every page and which section each cell belongs to.
 */
void
mp2_parser_find_sections (Mp2Parser *parser)
{
  Mp2Section *header = g_new0 (Mp2Section, 1);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  parser->sections = g_ptr_array_new_with_free_func (section_free);
  parser->cell_sections = g_hash_table_new (NULL, NULL);

  header->term = MP2_N_TERMS;
  header->y2 = G_MAXDOUBLE;
  g_ptr_array_add (parser->sections, header);

  for (guint page = 0; page < parser->text->n_pages; page++)
    {
      GPtrArray *page_sections = g_ptr_array_new ();

      collect_page_headings (parser, page, page_sections);
      g_ptr_array_add (pages, page_sections);
    }

  add_implied_sections (parser, pages);

  for (guint page = 0; page < parser->text->n_pages; page++)
    {
      GPtrArray *page_sections = g_ptr_array_index (pages, page);

      find_page_sections (parser, page_sections);
      continue_from_previous_page (parser, page > 0 ? g_ptr_array_index (pages, page - 1) : NULL,
                                   page_sections, page);
    }

  assign_cells (parser, header);
}

/**
 * mp2_parser_cell_section:
 * @parser: a parser
 * @cell: a cell
 *
 * Returns: (transfer none): the section of @cell; term %MP2_N_TERMS for the header
 */
Mp2Section *
mp2_parser_cell_section (Mp2Parser   *parser,
                         Mp2TextCell *cell)
{
  return g_hash_table_lookup (parser->cell_sections, cell);
}

/**
 * mp2_parser_line_in_section:
 * @parser: a parser
 * @line: a line
 * @section: a section
 *
 * Returns: %TRUE if a cell of @line belongs to @section or to its continuation on
 *   a later page
 */
gboolean
mp2_parser_line_in_section (Mp2Parser   *parser,
                            Mp2TextLine *line,
                            Mp2Section  *section)
{
  Mp2Section *root = mp2_section_root (section);

  for (guint j = 0; j < line->cells->len; j++)
    if (mp2_section_root (mp2_parser_cell_section (parser, g_ptr_array_index (line->cells, j))) == root)
      return TRUE;

  return FALSE;
}

gboolean
mp2_parser_cell_in (Mp2Parser   *parser,
                    Mp2TextCell *cell,
                    Mp2Term      term)
{
  Mp2Section *section = mp2_parser_cell_section (parser, cell);

  return section != NULL && section->term == term;
}
