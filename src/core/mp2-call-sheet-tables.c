/* mp2-call-sheet-tables.c
 *
 * The tables of a call sheet: scenes, cast, crew (and a table of places). A table
 * is found by its header row, a line of known column labels; two tables printed
 * side by side share that line and are told apart where the labels repeat. Each
 * later line's cells go to the column they overlap most, a line with a value in the
 * table's key column starts a row, and the others continue it (a synopsis under a
 * scene, a department heading in a crew list). Sheets that write one record per line
 * ("Sc 110 – INT. MOTEL – Day – 4/8 pgs – Cast: 4, 8") are read as records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-call-sheet-parser"

#include "config.h"

#include "mp2-call-sheet-parser-private.h"
#include "mp2-call-sheet-tables.h"

#include <string.h>

#include "mp2-text-util.h"

/* A gap between two rows wider than this many of the table's line heights ends it. */
#define ROW_GAP_LINES 3.2

static Mp2TableKind
table_for_section (Mp2Term term)
{
  switch ((int) term)
    {
    case MP2_TERM_SECTION_SCENES:
      return MP2_TABLE_SCENES;
    case MP2_TERM_SECTION_CAST:
      return MP2_TABLE_CAST;
    case MP2_TERM_SECTION_CREW:
      return MP2_TABLE_CREW;
    case MP2_TERM_SECTION_LOCATIONS:
      return MP2_TABLE_LOCATIONS;
    case MP2_TERM_SECTION_BACKGROUND:
      return MP2_TABLE_EXTRAS;
    default:
      return 0;
    }
}

/* Header rows ------------------------------------------------------------------ */

static void
table_free (gpointer data)
{
  Mp2Table *table = data;

  g_clear_pointer (&table->columns, g_array_unref);
  g_clear_pointer (&table->absorbed, g_ptr_array_unref);
  g_clear_pointer (&table->department, g_free);
  g_free (table);
}

static Mp2Table *
table_new (Mp2TableKind  kind,
           Mp2Section   *section,
           Mp2TextLine  *header,
           guint         header_line)
{
  Mp2Table *table = g_new0 (Mp2Table, 1);

  table->kind = kind;
  table->section = section;
  table->columns = g_array_new (FALSE, TRUE, sizeof (Mp2Column));
  table->absorbed = g_ptr_array_new ();
  table->header_line = header_line;
  table->page = header->page;
  table->top = header->box.y2;

  return table;
}

static gboolean
table_has_term (Mp2Table *table,
                Mp2Term   term)
{
  for (guint i = 0; i < table->columns->len; i++)
    if (g_array_index (table->columns, Mp2Column, i).term == term)
      return TRUE;

  return FALSE;
}

gboolean
mp2_table_has_column (Mp2Table *table,
                      Mp2Term   term)
{
  return table_has_term (table, term);
}

static int
column_index (Mp2Table *table,
              Mp2Term   term)
{
  for (guint i = 0; i < table->columns->len; i++)
    if (g_array_index (table->columns, Mp2Column, i).term == term)
      return (int) i;

  return -1;
}

static gboolean
match_column (Mp2TextCell *cell,
              guint        tables,
              Mp2LexMatch *match)
{
  return mp2_lexicon_match_whole (cell->text, MP2_LEX_COLUMN, tables, match);
}

static guint
count_columns (Mp2Parser   *parser,
               Mp2TextLine *line,
               Mp2Section  *section,
               guint        tables)
{
  guint count = 0;

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);
      Mp2LexMatch match;

      if (mp2_parser_cell_section (parser, cell) == section && match_column (cell, tables, &match))
        count++;
    }

  return count;
}

static Mp2TableKind
best_table_kind (Mp2Parser   *parser,
                 Mp2TextLine *line,
                 Mp2Section  *section,
                 guint       *count)
{
  static const Mp2TableKind kinds[] = {
    MP2_TABLE_SCENES, MP2_TABLE_CAST, MP2_TABLE_CREW, MP2_TABLE_LOCATIONS, MP2_TABLE_EXTRAS,
  };
  Mp2TableKind best = 0;

  *count = 0;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint n = count_columns (parser, line, section, kinds[i]);

      if (n > *count)
        {
          *count = n;
          best = kinds[i];
        }
    }

  return best;
}

static void
set_column_bounds (Mp2Table *table,
                   double    right)
{
  for (guint i = 0; i < table->columns->len; i++)
    {
      Mp2Column *column = &g_array_index (table->columns, Mp2Column, i);
      Mp2Column *next = i + 1 < table->columns->len
                        ? &g_array_index (table->columns, Mp2Column, i + 1) : NULL;

      column->left = i == 0 ? column->x1 - 3 * column->size : column->x1 - 3;
      column->right = next != NULL ? next->x1 - 3 : MAX (right, column->x2 + 2 * column->size);
    }
}

static gboolean
labels_follow (Mp2TextLine  *line,
               guint         index,
               Mp2TableKind  kind)
{
  for (guint i = index + 1; i < line->cells->len; i++)
    {
      Mp2LexMatch match;

      if (match_column (g_ptr_array_index (line->cells, i), kind, &match))
        return TRUE;
    }

  return FALSE;
}

/* A header line may hold two tables side by side ("Position Name Phone Call Position
 * Name Phone Call"): a column label seen a second time starts the next table. */
static void
split_header (Mp2Parser    *parser,
              Mp2TextLine  *line,
              guint         line_index,
              Mp2Section   *section,
              Mp2TableKind  kind,
              GPtrArray    *tables)
{
  Mp2Table *table = NULL;

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);
      Mp2LexMatch match;
      Mp2Column column = { 0 };
      gboolean again;

      if (mp2_parser_cell_section (parser, cell) != section || !match_column (cell, kind, &match))
        continue;

      /* A label seen again starts a table beside this one when more labels follow
       * it; alone at the end ("… | Obsada | Obiekt") it is one more column, read as
       * nothing. Such columns may come more than once. */
      column.term = match.entry->term;
      again = table != NULL && column.term != MP2_TERM_COLUMN_OTHER
              && table_has_term (table, column.term);
      if (again && !labels_follow (line, i, kind))
        column.term = MP2_TERM_COLUMN_OTHER;
      else if (table == NULL || again)
        {
          table = table_new (kind, section, line, line_index);
          g_ptr_array_add (tables, table);
        }

      column.x1 = cell->box.x1;
      column.x2 = cell->box.x2;
      column.size = cell->size;
      g_array_append_val (table->columns, column);
      cell->used = TRUE;
    }
}

/* Tables reach the right edge of the page, or the sidebar beside them. */
static double
section_right (Mp2Parser   *parser,
               Mp2Section  *section,
               Mp2TextLine *line)
{
  return MIN (parser->text->page_width[line->page], section->x2);
}

static void
bound_tables (GPtrArray *tables,
              guint      first,
              double     right)
{
  for (guint i = first; i < tables->len; i++)
    {
      Mp2Table *table = g_ptr_array_index (tables, i);
      Mp2Table *next = i + 1 < tables->len ? g_ptr_array_index (tables, i + 1) : NULL;
      double table_right = next != NULL && next->header_line == table->header_line
                           ? g_array_index (next->columns, Mp2Column, 0).x1 - 6 : right;

      set_column_bounds (table, table_right);
      table->right = table_right;
      table->left = g_array_index (table->columns, Mp2Column, 0).left;
    }
}

/* Rows -------------------------------------------------------------------------- */

static int
assign_column (Mp2Table    *table,
               Mp2TextCell *cell)
{
  int best = -1;
  double best_overlap = 0;

  for (guint i = 0; i < table->columns->len; i++)
    {
      Mp2Column *column = &g_array_index (table->columns, Mp2Column, i);
      double overlap = MIN (cell->box.x2, column->right) - MAX (cell->box.x1, column->left);

      if (overlap > best_overlap)
        {
          best = (int) i;
          best_overlap = overlap;
        }
    }

  return best;
}

static gboolean
belongs_to_table (Mp2Parser   *parser,
                  Mp2Table    *table,
                  Mp2TextCell *cell)
{
  Mp2Section *section = mp2_section_root (mp2_parser_cell_section (parser, cell));

  return section == table->section || g_ptr_array_find (table->absorbed, section, NULL);
}

static guint
count_column_labels (Mp2TextLine *line)
{
  guint count = 0;

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2LexMatch match;

      count += match_column (g_ptr_array_index (line->cells, i), MP2_TABLE_ANY, &match);
    }

  return count;
}

/* The next line with text inside the table is one of its rows: its cells fall in two
 * columns at least, and it is not a header row of its own. */
static gboolean
next_line_is_row (Mp2Parser *parser,
                  Mp2Table  *table,
                  guint      line_index)
{
  Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, line_index);

  for (guint i = line_index + 1; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *next = mp2_pdf_text_get_line (parser->text, i);
      guint columns = 0;
      int last = -1;

      if (next->page != line->page)
        return FALSE;

      for (guint j = 0; j < next->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (next->cells, j);
          int column;

          if (cell->box.x1 >= table->right || cell->box.x2 <= table->left)
            continue;
          column = assign_column (table, cell);
          if (column >= 0 && column != last)
            {
              columns++;
              last = column;
            }
        }

      if (columns == 0)
        continue;

      return columns >= 2 && count_column_labels (next) < 2;
    }

  return FALSE;
}

/* A crew list's department may be called like a section ("TRANSPORTATION",
 * "LOCATIONS", "Catering"), on a line of its own within the table: when rows of the
 * table follow it, it is a department row, and the "section" it seemed to start is
 * the rest of the table. */
static gboolean
absorb_department_heading (Mp2Parser *parser,
                           Mp2Table  *table,
                           guint      line_index)
{
  Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, line_index);
  Mp2TextCell *heading = NULL;
  Mp2Section *section;

  if (table->kind != MP2_TABLE_CREW)
    return FALSE;

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);

      if (cell->box.x1 < table->left || cell->box.x1 >= table->right)
        continue;
      if (heading != NULL)
        return FALSE;
      heading = cell;
    }

  if (heading == NULL)
    return FALSE;
  section = mp2_parser_cell_section (parser, heading);
  if (section == NULL || section->heading != heading || section->implied
      || g_ptr_array_find (table->absorbed, section, NULL)
      || !next_line_is_row (parser, table, line_index))
    return FALSE;

  g_ptr_array_add (table->absorbed, section);
  g_free (table->department);
  table->department = g_strdup (heading->text);
  heading->used = TRUE;

  return TRUE;
}

static void
row_clear (Mp2Row *row)
{
  for (guint i = 0; i < MP2_MAX_COLUMNS; i++)
    g_clear_pointer (&row->cells[i], g_free);
}

static gboolean
fill_row (Mp2Parser   *parser,
          Mp2Table    *table,
          Mp2TextLine *line,
          Mp2Row      *row)
{
  gboolean any = FALSE;

  memset (row, 0, sizeof *row);
  row->box = (Mp2Rect) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);
      int column;

      if (cell->used || !belongs_to_table (parser, table, cell))
        continue;
      if (cell->box.x1 >= table->right || cell->box.x2 <= table->left)
        continue;

      column = assign_column (table, cell);
      if (column < 0 || column >= MP2_MAX_COLUMNS)
        continue;

      if (row->cells[column] == NULL)
        row->cells[column] = g_strdup (cell->text);
      else
        {
          char *joined = g_strconcat (row->cells[column], " ", cell->text, NULL);

          g_free (row->cells[column]);
          row->cells[column] = joined;
        }
      row->used[row->n_used++ % MP2_MAX_CELLS] = cell;
      mp2_rect_union (&row->box, &cell->box);
      any = TRUE;
    }

  return any;
}

static void
mark_row_used (Mp2Row *row)
{
  for (guint i = 0; i < MIN (row->n_used, MP2_MAX_CELLS); i++)
    row->used[i]->used = TRUE;
}

static gboolean
is_total_row (Mp2Row *row)
{
  for (guint i = 0; i < MP2_MAX_COLUMNS; i++)
    {
      Mp2LexMatch match;

      if (row->cells[i] != NULL
          && mp2_lexicon_match_prefix (row->cells[i], MP2_LEX_TOTAL, 0, &match))
        return TRUE;
    }

  return FALSE;
}

static gboolean
line_in_table (Mp2Parser   *parser,
               Mp2Table    *table,
               Mp2TextLine *line)
{
  for (guint i = 0; i < line->cells->len; i++)
    if (belongs_to_table (parser, table, g_ptr_array_index (line->cells, i)))
      return TRUE;

  return FALSE;
}

static gboolean
line_in_header_band (Mp2Parser   *parser,
                     Mp2TextLine *line)
{
  for (guint i = 0; i < line->cells->len; i++)
    if (!mp2_parser_cell_in (parser, g_ptr_array_index (line->cells, i), MP2_N_TERMS))
      return FALSE;

  return TRUE;
}

/* The first heading of the next page names the table's kind of section again
 * ("CREW (continued)"): the table goes on under it. */
static gboolean
absorb_continued_heading (Mp2Parser   *parser,
                          Mp2Table    *table,
                          guint        line_index)
{
  Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, line_index);
  Mp2Section *section = mp2_parser_cell_section (parser, g_ptr_array_index (line->cells, 0));

  if (section == NULL || section->heading == NULL || section->implied
      || section->heading->line != line_index || section->term != table->section->term)
    return FALSE;

  g_ptr_array_add (table->absorbed, section);
  return TRUE;
}

/* A list that goes on over the page may print its header row again. */
static gboolean
is_header_again (Mp2Parser   *parser,
                 Mp2Table    *table,
                 Mp2TextLine *line)
{
  guint count = 0;

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);
      Mp2LexMatch match;

      if (!belongs_to_table (parser, table, cell))
        continue;
      if (!match_column (cell, table->kind, &match) || !table_has_term (table, match.entry->term))
        return FALSE;
      count++;
    }

  if (count < 2)
    return FALSE;

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);

      if (belongs_to_table (parser, table, cell))
        cell->used = TRUE;
    }

  return TRUE;
}

static void
read_table_rows (Mp2Parser *parser,
                 Mp2Table  *table)
{
  guint header_page = table->page;

  double last_bottom = table->top;
  double pitch = 0;

  for (guint i = table->header_line + 1; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      Mp2Row row;

      /* A list that goes on over the page: its rows go on at the top of the next,
       * under the page's running header and maybe a heading of their own. */
      if (line->page != table->page)
        {
          gboolean continued_heading = FALSE;

          if (line->page != table->page + 1)
            break;
          if (!line_in_table (parser, table, line))
            {
              if (line_in_header_band (parser, line))
                continue;
              continued_heading = absorb_continued_heading (parser, table, i);
              if (!continued_heading)
                break;
            }
          table->page = line->page;
          last_bottom = continued_heading ? line->box.y2 : line->box.y1;
          if (continued_heading)
            continue;
        }
      if (line->page != header_page && is_header_again (parser, table, line))
        {
          last_bottom = line->box.y2;
          continue;
        }
      if (absorb_department_heading (parser, table, i))
        {
          last_bottom = line->box.y2;
          continue;
        }
      if (!fill_row (parser, table, line, &row))
        continue;

      if (pitch == 0)
        pitch = MAX (line->box.y1 - last_bottom, line->size);
      if (line->box.y1 - last_bottom > ROW_GAP_LINES * MAX (pitch, line->size)
          || is_total_row (&row))
        {
          if (is_total_row (&row))
            mark_row_used (&row);
          row_clear (&row);
          break;
        }

      mark_row_used (&row);
      mp2_table_take_row (parser, table, &row);
      row_clear (&row);
      last_bottom = line->box.y2;
    }

  mp2_table_finish (parser, table);
}

/* Finding the tables --------------------------------------------------------------- */

static void
find_section_tables (Mp2Parser  *parser,
                     Mp2Section *section,
                     GPtrArray  *tables)
{
  Mp2TableKind kind = table_for_section (section->term);
  guint start = section->heading != NULL ? section->first_line : 0;

  for (guint i = start; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      guint first = tables->len;
      guint count = 0;
      Mp2TableKind found;

      if (line->page != section->page || line->box.y1 >= section->y2)
        break;

      /* Most lines are rows, not headers: look closer only at lines with two labels. */
      if (count_columns (parser, line, section, MP2_TABLE_ANY) < 2)
        continue;
      found = best_table_kind (parser, line, section, &count);
      if (count < 2 || (kind != 0 && count_columns (parser, line, section, kind) < 2))
        continue;
      if (kind != 0)
        found = kind;

      split_header (parser, line, i, section, found, tables);
      bound_tables (tables, first, section_right (parser, section, line));
      return;
    }
}

static gboolean
section_has_tables (Mp2Section *section)
{
  return section->heading != NULL && section->parent == NULL
         && table_for_section (section->term) != 0;
}

/**
 * mp2_parser_read_tables:
 * @parser: a parser
 *
 * Reads the scenes, cast and crew tables (or one-line records) of every section.
 */
void
mp2_parser_read_tables (Mp2Parser *parser)
{
  for (guint i = 0; i < parser->sections->len; i++)
    {
      Mp2Section *section = g_ptr_array_index (parser->sections, i);
      g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (table_free);

      if (!section_has_tables (section))
        continue;

      find_section_tables (parser, section, tables);
      for (guint j = 0; j < tables->len; j++)
        read_table_rows (parser, g_ptr_array_index (tables, j));

      if (tables->len == 0 && section->term != MP2_TERM_SECTION_LOCATIONS)
        mp2_parser_read_records (parser, section);
    }
}

/**
 * mp2_table_cell:
 * @table: a table
 * @row: one of its rows
 * @term: a column
 *
 * Returns: (nullable): the row's text in that column
 */
const char *
mp2_table_cell (Mp2Table     *table,
                const Mp2Row *row,
                Mp2Term       term)
{
  int index = column_index (table, term);

  return index >= 0 && index < MP2_MAX_COLUMNS ? row->cells[index] : NULL;
}
