/* mp2-call-sheet-locations.c
 *
 * The places of a call sheet: the sets, the unit base, crew parking, catering, the
 * meeting point and the nearest hospital. A place is a block of lines that starts
 * with its label ("Set 1:", "Obiekt 2:", "Najbliższy szpital:") or stands under a
 * column header that names it ("Nearest Hospital"); its first lines are its name
 * and the lines that look like an address are its address, joined with ", ".
 * Phone and emergency lines end the block. (Tables of places with Rodzaj / Nazwa /
 * Adres columns are read with the other tables.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-call-sheet-parser"

#include "config.h"

#include "mp2-call-sheet-parser-private.h"

#include <string.h>

#include "mp2-text-util.h"

/* Addresses -------------------------------------------------------------------- */

static const char *street_prefixes[] = {
  "ul.", "al.", "pl.", "os.", "ulica ", "aleja ", "plac ", "rondo ", "skwer ",
};

static const char *street_words[] = {
  "street", "st", "road", "rd", "avenue", "ave", "av", "boulevard", "blvd", "lane", "ln",
  "row", "way", "drive", "dr", "place", "pl", "square", "sq", "terrace", "parkway", "pkwy",
  "highway", "hwy", "court", "ct", "crescent", "close", "mews", "hill", "walk", "broadway",
  "strasse", "str", "platz", "weg", "allee", "gasse", "damm", "ring", "ufer",
};

static gboolean
has_postcode (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean boundary = p == text || !g_ascii_isalnum (p[-1]);

      if (!boundary)
        continue;

      /* Polish "00-724", German "10115 Berlin" */
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == '-'
          && g_ascii_isdigit (p[3]) && g_ascii_isdigit (p[4]) && g_ascii_isdigit (p[5])
          && !g_ascii_isdigit (p[6]))
        return TRUE;
      if (strspn (p, "0123456789") == 5 && p[5] == ' ' && g_ascii_isupper (p[6]))
        return TRUE;
      /* US "CA 90065" */
      if (g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && p[2] == ' '
          && strspn (p + 3, "0123456789") == 5)
        return TRUE;
      /* UK "SE8 4RX", "W1D 4DP", "E9 6SR" */
      if (g_ascii_isupper (p[0]))
        {
          const char *q = p;

          while (g_ascii_isupper (*q) && q - p < 2)
            q++;
          if (!g_ascii_isdigit (*q))
            continue;
          q++;
          if (g_ascii_isalnum (*q))
            q++;
          if (*q == ' ' && g_ascii_isdigit (q[1]) && g_ascii_isupper (q[2])
              && g_ascii_isupper (q[3]) && !g_ascii_isalnum (q[4]))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
starts_with_house_number (const char *text)
{
  const char *p = text;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == text || p - text > 5)
    return FALSE;
  if (g_ascii_isalpha (*p) && p[1] == ' ')
    p++;

  return *p == ' ' && g_ascii_isalpha (p[1]);
}

static gboolean
is_number_token (const char *norm)
{
  return strspn (norm, "0123456789") > 0 && strlen (norm) <= 5;
}

/* German streets are one word: "Hauptstraße", "Marienplatz", "Lindenallee". */
static gboolean
is_compound_street (const char *norm)
{
  static const char *suffixes[] = { "strasse", "platz", "allee", "gasse", "weg" };
  gsize length = strlen (norm);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize suffix = strlen (suffixes[i]);

      if (length > suffix + 2 && g_str_has_suffix (norm, suffixes[i]))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_compass_token (const char *norm)
{
  static const char *points[] = { "n", "s", "e", "w", "ne", "nw", "se", "sw",
                                  "north", "south", "east", "west" };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    if (g_str_equal (norm, points[i]))
      return TRUE;

  return FALSE;
}

/* "Grove Road", "Alameda St", "110th St W", "Hauptstraße 5", "Lindenallee 12a" */
static gboolean
ends_with_street_word (const char *text)
{
  GArray *tokens = mp2_text_tokenize (text);
  gboolean street = FALSE;
  guint last = tokens->len;

  /* a house number after the street, as German and Polish addresses have it, or
   * a quarter of the city after it, as American ones do */
  if (last >= 2 && (is_number_token (g_array_index (tokens, Mp2Token, last - 1).norm)
                    || is_compass_token (g_array_index (tokens, Mp2Token, last - 1).norm)))
    last--;

  if (last >= 1)
    {
      const char *word = g_array_index (tokens, Mp2Token, last - 1).norm;

      for (guint i = 0; i < G_N_ELEMENTS (street_words) && !street && last >= 2; i++)
        street = g_str_equal (word, street_words[i]);
      street = street || is_compound_street (word);
    }

  mp2_tokens_free (tokens);

  return street;
}

/* A street, with or without its number: not a postcode and city. */
static gboolean
looks_like_street (const char *text)
{
  g_autofree char *folded = mp2_text_fold (text);

  if (starts_with_house_number (text))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (street_prefixes); i++)
    if (g_str_has_prefix (folded, street_prefixes[i]))
      return TRUE;

  return ends_with_street_word (text);
}

/**
 * mp2_text_looks_like_address:
 * @text: a line
 *
 * Returns: %TRUE if @text has a postcode, starts with a street prefix ("ul.") or a
 *   house number, or ends with a street word ("Road", "Straße")
 */
gboolean
mp2_text_looks_like_address (const char *text)
{
  return has_postcode (text) || looks_like_street (text);
}

/* Blocks -------------------------------------------------------------------------- */

typedef struct
{
  Mp2LocationKind kind;
  GPtrArray      *lines;  /* char*, owned */
  guint           name_lines;  /* when the row printed the name in a cell of its own */
  Mp2Rect         box;
  guint           page;
} Block;

static void
block_free (Block *block)
{
  g_ptr_array_unref (block->lines);
  g_free (block);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Block, block_free)

static char *
join_lines (GPtrArray  *lines,
            guint       first,
            guint       end,
            const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = first; i < end; i++)
    {
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (lines, i));
    }

  return g_string_free (out, FALSE);
}

/* "Victoria Park Bandstand, Grove Road, London E3 5TB": a name without digits, then
 * a street. ("Los Angeles, CA 90012" is a city and a postcode, not a name and an
 * address.) */
static gboolean
split_name_at_comma (const char  *text,
                     char       **name,
                     char       **address)
{
  const char *comma = strstr (text, ", ");
  const char *rest;
  const char *next;
  g_autofree char *first = NULL;
  g_autofree char *street = NULL;

  if (comma == NULL || comma == text)
    return FALSE;

  first = g_strndup (text, (gsize) (comma - text));
  if (mp2_text_has_digits (first) || mp2_text_looks_like_address (first))
    return FALSE;

  rest = comma + 2;
  next = strstr (rest, ", ");
  street = next != NULL ? g_strndup (rest, (gsize) (next - rest)) : g_strdup (rest);
  if (!looks_like_street (street))
    return FALSE;

  *name = g_steal_pointer (&first);
  *address = g_strdup (rest);

  return TRUE;
}

/* "The Ropewalk (private hire) – 27 Deptford Church Street, London SE8 4RX" */
static gboolean
split_name_address (const char  *text,
                    char       **name,
                    char       **address)
{
  static const char *dashes[] = { " – ", " — ", " - " };

  for (guint d = 0; d < G_N_ELEMENTS (dashes); d++)
    {
      const char *found = NULL;

      for (const char *p = strstr (text, dashes[d]); p != NULL; p = strstr (p + 1, dashes[d]))
        if (mp2_text_looks_like_address (p + strlen (dashes[d])))
          found = p;

      if (found != NULL && found != text)
        {
          *name = g_strndup (text, (gsize) (found - text));
          *address = g_strdup (found + strlen (dashes[d]));
          return TRUE;
        }
    }

  return split_name_at_comma (text, name, address);
}

/* "Plac przy Cricoteca" starts like a street ("plac") but has no number: as the first
 * of several lines, it is the place's name. "John Knox Street" ends like one: it is
 * the address. */
static gboolean
looks_like_full_address (const char *text)
{
  return has_postcode (text) || starts_with_house_number (text) || ends_with_street_word (text)
         || (mp2_text_looks_like_address (text) && mp2_text_has_digits (text));
}

static guint
first_address_line (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (i == 0 && lines->len > 1 ? looks_like_full_address (line)
                                   : mp2_text_looks_like_address (line))
        return i;
    }

  return lines->len;
}

/* The lines before the first one that looks like an address are the name; the
 * address runs from there while the lines look like one. A single line may hold
 * both, split at a dash. */
static void
split_block (Block  *block,
             char  **name,
             char  **address)
{
  GPtrArray *lines = block->lines;
  guint first = first_address_line (lines);
  guint end;

  if (block->name_lines > 0 && block->name_lines < lines->len)
    {
      *name = join_lines (lines, 0, block->name_lines, " ");
      *address = join_lines (lines, block->name_lines, lines->len, ", ");
      return;
    }

  if ((lines->len == 1 || first == lines->len)
      && split_name_address (g_ptr_array_index (lines, 0), name, address))
    return;
  if (first == lines->len)
    return;

  for (end = first + 1; end < lines->len; end++)
    if (!mp2_text_looks_like_address (g_ptr_array_index (lines, end)))
      break;

  *name = first > 0 ? join_lines (lines, 0, first, " ") : NULL;
  *address = join_lines (lines, first, end, ", ");
}

static void
add_block (Mp2Parser *parser,
           Block     *block)
{
  GPtrArray *locations = mp2_call_sheet_get_locations (parser->sheet);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;

  if (block->lines->len == 0)
    return;

  split_block (block, &name, &address);
  if (address == NULL)
    return;

  mp2_parser_add_box (parser, "locations", locations->len, &block->box, block->page);
  g_ptr_array_add (locations, mp2_location_new (block->kind, name, address));
}

static gboolean
location_label (const char      *text,
                Mp2LocationKind *kind,
                const char     **rest)
{
  GArray *tokens = mp2_text_tokenize (text);
  Mp2LexMatch match;
  gboolean found = FALSE;

  if (mp2_lexicon_match_at (tokens, 0, MP2_LEX_LOCATION, 0, &match))
    {
      guint next = match.n_tokens;
      const char *after;

      /* "Set 1:", "Obiekt 2", "LOCATION #1" */
      if (next < tokens->len && g_str_equal (g_array_index (tokens, Mp2Token, next).norm, "#"))
        next++;
      if (next < tokens->len && g_ascii_isdigit (*g_array_index (tokens, Mp2Token, next).norm))
        next++;

      after = text + g_array_index (tokens, Mp2Token, next - 1).end;
      found = *after == ':' || *after == '\0';
      if (found)
        {
          *kind = (Mp2LocationKind) (match.entry->term - MP2_TERM_LOCATION_SET);
          *rest = *after == ':' ? after + 1 : after;
        }
    }

  mp2_tokens_free (tokens);

  return found;
}

static Block *
block_new (Mp2LocationKind    kind,
           const Mp2TextCell *cell)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->lines = g_ptr_array_new_with_free_func (g_free);
  block->box = cell->box;
  block->page = cell->page;

  return block;
}

static void
block_add_line (Block             *block,
                const char        *text,
                const Mp2TextCell *cell)
{
  g_autofree char *clean = mp2_text_collapse (text);

  if (*clean != '\0')
    g_ptr_array_add (block->lines, g_steal_pointer (&clean));
  mp2_rect_union (&block->box, &cell->box);
}

/* The cells of a block below its first line: those that start in its column, up to
 * a gap, another label, a phone or emergency line, or — for a value printed beside
 * its label — anything in the label's column (the next row). */
static void
gather_block_lines (Mp2Parser   *parser,
                    Block       *block,
                    Mp2TextCell *first,
                    double       label_left,
                    double       left,
                    double       right)
{
  double bottom = first->box.y2;
  Mp2Section *section = mp2_parser_cell_section (parser, first);

  for (guint i = first->line + 1; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      Mp2TextCell *cell = NULL;
      Mp2LocationKind kind;
      const char *rest;

      if (line->page != first->page || line->box.y1 - bottom > 1.6 * MAX (first->size, 6))
        return;

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *other = g_ptr_array_index (line->cells, j);

          if (other->box.x1 >= label_left - 2 && other->box.x1 < left - 2)
            return;
        }

      for (guint j = 0; j < line->cells->len && cell == NULL; j++)
        {
          Mp2TextCell *candidate = g_ptr_array_index (line->cells, j);

          if (candidate->box.x1 >= left - 2 && candidate->box.x1 < right
              && mp2_parser_cell_section (parser, candidate) == section && !candidate->used)
            cell = candidate;
        }

      if (cell == NULL)
        continue;
      if (location_label (cell->text, &kind, &rest) || mp2_text_is_phone_line (cell->text)
          || mp2_parser_is_heading (parser, cell))
        return;

      block_add_line (block, cell->text, cell);
      cell->used = TRUE;
      bottom = cell->box.y2;
    }
}

static double
column_right (Mp2Parser   *parser,
              Mp2TextCell *cell)
{
  Mp2TextCell *next = mp2_pdf_text_get_cell (parser->text, cell->line, cell->index + 1);

  return next != NULL ? next->box.x1 - 1 : parser->text->page_width[cell->page];
}

static void
read_labelled_block (Mp2Parser       *parser,
                     Mp2TextCell     *cell,
                     Mp2LocationKind  kind,
                     const char      *rest,
                     double           right)
{
  g_autoptr(Block) block = block_new (kind, cell);
  Mp2TextCell *next = mp2_pdf_text_get_cell (parser->text, cell->line, cell->index + 1);

  cell->used = TRUE;
  block_add_line (block, rest, cell);

  if (block->lines->len > 0 || next == NULL || next->used)
    {
      gather_block_lines (parser, block, cell, cell->box.x1, cell->box.x1, right);
      add_block (parser, block);
      return;
    }

  /* "Set 1:" with its value in the next cell of the line, the lines below it in
   * that cell's column; then maybe the address in a column of its own ("Baza |
   * plac przy hali 3 | ul. Wał Miedzeszyński 384"), and a remark to skip ("Loc.
   * contact: …") */
  for (guint n = 0; next != NULL && !next->used; n++)
    {
      if (n > 0 && !mp2_text_looks_like_address (next->text))
        break;
      if (n == 1)
        block->name_lines = block->lines->len;

      block_add_line (block, next->text, next);
      next->used = TRUE;
      gather_block_lines (parser, block, next, cell->box.x1, next->box.x1,
                          column_right (parser, next));
      next = mp2_pdf_text_get_cell (parser->text, next->line, next->index + 1);
    }

  add_block (parser, block);
}


/**
 * mp2_line_is_place_header:
 * @line: a line
 *
 * A header row of kinds of places ("Set Location | Unit Base / Crew Parking |
 * Nearest Hospital") has under each kind blocks that may have their own labels.
 *
 * Returns: %TRUE if every cell of @line names a kind of place, two at least
 */
gboolean
mp2_line_is_place_header (Mp2TextLine *line)
{
  guint kinds = 0;

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);
      GArray *tokens = mp2_text_tokenize (cell->text);
      Mp2LexMatch match;

      if (mp2_lexicon_match_at (tokens, 0, MP2_LEX_LOCATION, 0, &match)
          && strchr (cell->text, ':') == NULL)
        kinds++;
      mp2_tokens_free (tokens);
    }

  return kinds >= 2 && kinds == line->cells->len;
}

static Mp2LocationKind
kind_of_header (const char *text)
{
  Mp2LexMatch match;

  if (!mp2_lexicon_match_prefix (text, MP2_LEX_LOCATION, 0, &match))
    return MP2_LOCATION_SET;

  return (Mp2LocationKind) (match.entry->term - MP2_TERM_LOCATION_SET);
}

static void
read_column_blocks (Mp2Parser   *parser,
                    Mp2TextCell *header,
                    double       right)
{
  Mp2LocationKind kind = kind_of_header (header->text);

  header->used = TRUE;

  for (guint i = header->line + 1; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page != header->page)
        return;

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
          Mp2LocationKind cell_kind;
          const char *cell_rest;

          if (cell->used || cell->box.x1 < header->box.x1 - 4 || cell->box.x1 >= right
              || mp2_parser_cell_section (parser, cell) != mp2_parser_cell_section (parser, header))
            continue;

          if (location_label (cell->text, &cell_kind, &cell_rest))
            read_labelled_block (parser, cell, cell_kind, cell_rest, right);
          else if (!mp2_text_is_phone_line (cell->text))
            read_labelled_block (parser, cell, kind, cell->text, right);
          else
            cell->used = TRUE;
        }
    }
}

static void
read_kind_header (Mp2Parser   *parser,
                  Mp2TextLine *line)
{
  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);

      read_column_blocks (parser, cell, column_right (parser, cell));
    }
}

static void
read_section_locations (Mp2Parser  *parser,
                        Mp2Section *section)
{
  for (guint i = section->first_line; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page != section->page || line->box.y1 >= section->y2)
        return;

      if (mp2_line_is_place_header (line))
        {
          read_kind_header (parser, line);
          continue;
        }

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
          Mp2LocationKind kind;
          const char *rest;

          if (!cell->used && mp2_parser_cell_section (parser, cell) == section
              && location_label (cell->text, &kind, &rest))
            read_labelled_block (parser, cell, kind, rest, column_right (parser, cell));
        }
    }
}

/* A compact sheet gives its places in the header, one labelled line each
 * ("Location: Victoria Park Bandstand, Grove Road, London E3 5TB"), and a sidebar
 * gives them under captions ("UNIT BASE" over a name and an address). A label
 * counts with a colon and a value, or as a caption in capitals or bold: not in
 * running text. A block without an address is no place. */
static void
read_header_locations (Mp2Parser *parser)
{
  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
          Mp2LocationKind kind;
          const char *rest;

          if (cell->used || !mp2_parser_cell_in (parser, cell, MP2_N_TERMS)
              || !location_label (cell->text, &kind, &rest))
            continue;
          if (*rest != '\0' ? strchr (cell->text, ':') == NULL
                             : !cell->bold && !mp2_text_is_upper (cell->text))
            continue;

          read_labelled_block (parser, cell, kind, rest, column_right (parser, cell));
        }
    }
}

/**
 * mp2_parser_read_locations:
 * @parser: a parser
 *
 * Reads the places of the sheet's location sections, and those labelled in its
 * header.
 */
void
mp2_parser_read_locations (Mp2Parser *parser)
{
  for (guint i = 0; i < parser->sections->len; i++)
    {
      Mp2Section *section = g_ptr_array_index (parser->sections, i);

      if (section->term == MP2_TERM_SECTION_LOCATIONS && section->heading != NULL
          && section->parent == NULL)
        read_section_locations (parser, section);
    }
  read_header_locations (parser);

  if (mp2_call_sheet_get_locations (parser->sheet)->len > 0)
    parser->evidence++;
}
