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
  static const char *separators[] = { "–", "—", "-", ":", "·", "(", "|", "•", "/" };

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
  section->x2 = G_MAXDOUBLE;
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
  { MP2_TABLE_LOCATIONS, MP2_TERM_SECTION_LOCATIONS, MP2_TERM_COLUMN_ADDRESS },
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

/* A sidebar ----------------------------------------------------------------------- */

/* A landscape sheet may give its header as a column down the right of the page,
 * beside the tables: labels ("Crew Call", "Unit Base") start at one x on many lines,
 * and no text on the page runs across that edge. The sections of the main part end
 * there; the sidebar is part of the header band. Returns its left edge, or
 * G_MAXDOUBLE. */
#define SIDEBAR_MIN_LABELS 3

static gboolean
is_header_label (Mp2TextCell *cell)
{
  GArray *tokens = mp2_text_tokenize (cell->text);
  Mp2LexMatch match;
  gboolean label;

  label = (mp2_lexicon_match_at (tokens, 0, MP2_LEX_FIELD, 0, &match)
           || mp2_lexicon_match_at (tokens, 0, MP2_LEX_LOCATION, 0, &match))
          && !mp2_lexicon_match_whole (cell->text, MP2_LEX_COLUMN, MP2_TABLE_ANY, &match);
  mp2_tokens_free (tokens);

  return label;
}

static gboolean
crosses (Mp2Parser *parser,
         guint      page,
         double     edge)
{
  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page != page)
        continue;
      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          if (cell->box.x1 < edge - 3 && cell->box.x2 > edge + 1)
            return TRUE;
        }
    }

  return FALSE;
}

static double
find_sidebar (Mp2Parser *parser,
              guint      page)
{
  double middle = parser->text->page_width[page] / 2;
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page != page)
        continue;
      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          if (cell->box.x1 > middle && is_header_label (cell))
            g_array_append_val (edges, cell->box.x1);
        }
    }

  for (guint i = 0; i < edges->len; i++)
    {
      double edge = g_array_index (edges, double, i);
      guint labels = 0;

      for (guint j = 0; j < edges->len; j++)
        labels += ABS (g_array_index (edges, double, j) - edge) < 3;

      if (labels >= SIDEBAR_MIN_LABELS && !crosses (parser, page, edge - 2))
        return edge - 2;
    }

  return G_MAXDOUBLE;
}

static void
end_at_sidebar (GPtrArray *page_sections,
                double     sidebar)
{
  for (guint i = 0; i < page_sections->len; i++)
    {
      Mp2Section *section = g_ptr_array_index (page_sections, i);

      if (section->x1 < sidebar)
        section->x2 = sidebar;
    }
}

/* The section that holds a cell: of those whose column and height take it in, the
 * one whose heading stands furthest right, then lowest. */
static gboolean
section_holds (const Mp2Section  *section,
               const Mp2TextCell *cell)
{
  return section->page == cell->page && section->heading != NULL
         && cell->box.y1 >= section->y1 && cell->box.y1 < section->y2
         && section->x1 <= cell->box.x1 + 2 && cell->box.x1 < section->x2 - 2;
}

static Mp2Section *
innermost_section (GPtrArray         *sections,
                   Mp2Section        *extra,
                   const Mp2TextCell *cell)
{
  Mp2Section *best = extra != NULL && section_holds (extra, cell) ? extra : NULL;

  for (guint i = 0; i < sections->len; i++)
    {
      Mp2Section *section = g_ptr_array_index (sections, i);

      if (!section_holds (section, cell))
        continue;
      if (best == NULL || section->x1 > best->x1
          || (section->x1 == best->x1 && section->y1 > best->y1))
        best = section;
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

/* Sections whose tables are theirs whatever their columns: the advance schedule's
 * scenes are not today's, extras are not the cast, a contact list is not the crew. */
static gboolean
owns_its_tables (Mp2Term term)
{
  switch ((int) term)
    {
    case MP2_TERM_SECTION_ADVANCE:
    case MP2_TERM_SECTION_BACKGROUND:
    case MP2_TERM_SECTION_CONTACTS:
    case MP2_TERM_SECTION_TRANSPORT:
    case MP2_TERM_SECTION_OTHER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A header row stands for a heading unless it is the table of the section it is in
 * (under "CREW", or the crew list going on from the page before, or under "ADVANCE
 * SCHEDULE"). Returns whether it added any. */
static gboolean
add_implied_sections (Mp2Parser  *parser,
                      guint       page,
                      GPtrArray  *page_sections,
                      Mp2Section *continuation)
{
  gboolean added = FALSE;

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      Mp2TextCell *first;
      Mp2Section *holder;
      Mp2Section *section;
      Mp2Term term;

      if (line->page != page || line_has_heading (line))
        continue;
      term = header_row_section (line);
      if (term == MP2_N_TERMS)
        continue;

      first = g_ptr_array_index (line->cells, 0);
      holder = innermost_section (page_sections, continuation, first);
      if (holder != NULL && (holder->term == term || owns_its_tables (holder->term)))
        continue;

      section = g_new0 (Mp2Section, 1);
      section->term = term;
      section->heading = first;
      section->implied = TRUE;
      section->first_line = i;
      section->page = page;
      section->x1 = first->box.x1 - 4;
      section->x2 = G_MAXDOUBLE;
      section->y1 = line->box.y1 - 1;
      g_ptr_array_add (page_sections, section);
      g_ptr_array_add (parser->sections, section);
      added = TRUE;
    }

  return added;
}

static void
reset_section_ends (Mp2Parser *parser,
                    GPtrArray *page_sections,
                    guint      page)
{
  for (guint i = 0; i < page_sections->len; i++)
    ((Mp2Section *) g_ptr_array_index (page_sections, i))->y2 = parser->text->page_height[page] + 1000;
}

/* A section that reaches the foot of a page goes on at the top of the next one, up
 * to that page's first heading: a crew list printed over two pages. When that
 * heading names the same kind of section ("CREW (continued)"), the list goes on
 * under it too. */
static Mp2Section *
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
    return NULL;

  left = leftmost_heading (previous);
  for (guint i = 0; i < previous->len; i++)
    {
      Mp2Section *candidate = g_ptr_array_index (previous, i);

      if (candidate->x1 <= left + 50 && (last == NULL || candidate->y1 > last->y1))
        last = candidate;
    }
  if (last == NULL)
    return NULL;

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

  return section;
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
  return innermost_section (parser->sections, NULL, cell);
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
      Mp2Section *continuation;
      double sidebar;

      g_ptr_array_add (pages, page_sections);
      collect_page_headings (parser, page, page_sections);
      sidebar = find_sidebar (parser, page);
      end_at_sidebar (page_sections, sidebar);
      reset_section_ends (parser, page_sections, page);
      find_page_sections (parser, page_sections);
      continuation = continue_from_previous_page (parser,
                                                  page > 0 ? g_ptr_array_index (pages, page - 1) : NULL,
                                                  page_sections, page);
      if (continuation != NULL)
        continuation->x2 = continuation->x1 < sidebar ? sidebar : G_MAXDOUBLE;

      /* Header rows that stand for headings cut the sections they fall in. */
      if (add_implied_sections (parser, page, page_sections, continuation))
        {
          end_at_sidebar (page_sections, sidebar);
          reset_section_ends (parser, page_sections, page);
          find_page_sections (parser, page_sections);
          if (continuation != NULL)
            {
              continuation->y2 = parser->text->page_height[page] + 1000;
              end_at_next_heading (continuation, page_sections, FALSE);
            }
        }
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
