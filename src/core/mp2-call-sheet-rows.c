/* mp2-call-sheet-rows.c
 *
 * Turns the rows of a table, or one-line records, into scenes, cast members, crew
 * members and places: what each column means for each kind of table, and how values
 * are written (day or night, page counts in eighths, cast id lists, times and the
 * placeholders that stand where a time would be).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-call-sheet-parser"

#include "config.h"

#include "mp2-call-sheet-tables.h"

#include <stdlib.h>
#include <string.h>

#include "mp2-text-util.h"

/* Values -------------------------------------------------------------------------- */

/**
 * mp2_parse_day_night:
 * @text: a cell of the day/night column, or a part of a scene record
 *
 * Returns: 'D', 'N', 'M', 'E', or 0 when @text is none of them
 */
char
mp2_parse_day_night (const char *text)
{
  GArray *tokens;
  Mp2LexMatch match;
  char value = 0;

  if (text == NULL)
    return 0;

  tokens = mp2_text_tokenize (text);
  if (tokens->len == 1 && !mp2_lexicon_match_at (tokens, 0, MP2_LEX_VALUE, 0, &match))
    {
      /* "D2", "N4": the day or night of story day 2 */
      const char *norm = g_array_index (tokens, Mp2Token, 0).norm;
      gsize letters = strcspn (norm, "0123456789");

      if (letters > 0 && norm[letters] != '\0' && strspn (norm + letters, "0123456789") == strlen (norm + letters))
        {
          g_autofree char *word = g_strndup (norm, letters);

          mp2_tokens_free (tokens);
          tokens = mp2_text_tokenize (word);
        }
    }
  if (tokens->len > 0 && mp2_lexicon_match_at (tokens, 0, MP2_LEX_VALUE, 0, &match))
    {
      switch ((int) match.entry->term)
        {
        case MP2_TERM_VALUE_DAY:
          value = 'D';
          break;
        case MP2_TERM_VALUE_NIGHT:
          value = 'N';
          break;
        case MP2_TERM_VALUE_MORNING:
          value = 'M';
          break;
        case MP2_TERM_VALUE_EVENING:
          value = 'E';
          break;
        default:
          break;
        }

      /* "Day", "NOC", "D1" (a story day), but not a sentence that starts with "Day". */
      if (tokens->len > 1 + match.n_tokens - 1 + 1)
        value = 0;
    }

  mp2_tokens_free (tokens);

  return value;
}

static gboolean
is_cast_id (const char *text)
{
  const char *p = text;
  guint digits = 0;

  if (g_ascii_isalpha (*p) && g_ascii_isdigit (p[1]))
    p++;
  while (g_ascii_isdigit (*p))
    {
      p++;
      digits++;
    }
  if (g_ascii_isalpha (*p))
    p++;

  return digits > 0 && digits <= 4 && *p == '\0';
}

static void
add_cast_range (GPtrArray  *ids,
                const char *piece)
{
  const char *dash = strchr (piece, '-');

  if (dash != NULL && dash != piece)
    {
      int first = atoi (piece);
      int last = atoi (dash + 1);

      if (first > 0 && last >= first && last - first < 50)
        {
          for (int i = first; i <= last; i++)
            g_ptr_array_add (ids, g_strdup_printf ("%d", i));
          return;
        }
    }

  if (is_cast_id (piece))
    g_ptr_array_add (ids, g_strdup (piece));
}

/**
 * mp2_parse_cast_ids:
 * @text: (nullable): "1, 2, 5", "1.2.5", "1-3", "4, 8 + 20 BG"
 *
 * Returns: (transfer full): the cast ids, never %NULL
 */
GStrv
mp2_parse_cast_ids (const char *text)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pieces = NULL;

  if (text != NULL)
    {
      pieces = g_strsplit_set (text, ",;. /+", -1);
      for (guint i = 0; pieces[i] != NULL; i++)
        if (*pieces[i] != '\0')
          add_cast_range (ids, pieces[i]);
    }

  g_ptr_array_add (ids, NULL);

  return (GStrv) g_ptr_array_free (ids, FALSE);
}

static const struct
{
  const char *glyph;
  const char *eighths;
} fractions[] = {
  { "⅛", "1/8" }, { "¼", "2/8" }, { "⅜", "3/8" }, { "½", "4/8" }, { "⅝", "5/8" },
  { "¾", "6/8" }, { "⅞", "7/8" },
};

static char *
expand_fraction_glyphs (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; )
    {
      gboolean replaced = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (fractions) && !replaced; i++)
        if (g_str_has_prefix (p, fractions[i].glyph))
          {
            if (out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]))
              g_string_append_c (out, ' ');
            g_string_append (out, fractions[i].eighths);
            p += strlen (fractions[i].glyph);
            replaced = TRUE;
          }
      if (!replaced)
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

/* "13/8" lost its space: eighths never have a numerator of eight or more. */
static char *
repair_eighths (const char *number)
{
  const char *slash = strchr (number, '/');

  if (slash != NULL && slash - number >= 2 && g_str_equal (slash, "/8")
      && atoi (number) >= 8 && strspn (number, "0123456789") == (gsize) (slash - number))
    return g_strdup_printf ("%.*s %s", (int) (slash - number - 1), number, slash - 1);

  return g_strdup (number);
}

/**
 * mp2_parse_pages:
 * @text: (nullable): a page count: "1 3/8", "1-3/8", "7/8 pgs", "2", "1¼"
 *
 * Returns: (transfer full) (nullable): the count as eighths are printed: "1 3/8"
 */
char *
mp2_parse_pages (const char *text)
{
  g_autofree char *expanded = NULL;
  g_auto(GStrv) words = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  expanded = expand_fraction_glyphs (text);
  g_strdelimit (expanded, "-", ' ');
  words = g_strsplit (expanded, " ", -1);
  out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *number = NULL;

      if (*words[i] == '\0' || !g_ascii_isdigit (*words[i]))
        continue;
      if (strspn (words[i], "0123456789/.,") != strlen (words[i]))
        continue;

      number = repair_eighths (words[i]);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, number);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/**
 * mp2_is_scene_number:
 * @text: (nullable): a cell
 *
 * Returns: %TRUE for "85", "53A", "75pt2", "112-1", "A137"; %FALSE for "LUNCH"
 */
gboolean
mp2_is_scene_number (const char *text)
{
  const char *p = text;

  if (text == NULL || strlen (text) > 14)
    return FALSE;

  while (g_ascii_isalpha (*p) && p - text < 2)
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;

  for (; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '/' && *p != '.')
      return FALSE;

  return TRUE;
}

static int
parse_cell_time (Mp2Parser  *parser,
                 const char *text)
{
  if (text == NULL || mp2_time_is_placeholder (text))
    return MP2_CALL_SHEET_NO_TIME;

  return mp2_parser_parse_time (parser, text, FALSE);
}

static char *
clean_text (const char *text)
{
  g_autofree char *collapsed = NULL;

  if (text == NULL)
    return NULL;

  collapsed = mp2_text_collapse (text);

  return *collapsed != '\0' ? g_steal_pointer (&collapsed) : NULL;
}

/* Table rows ---------------------------------------------------------------------- */

static void
add_scene (Mp2Parser    *parser,
           Mp2Table     *table,
           const Mp2Row *row,
           const char   *number)
{
  GPtrArray *scenes = mp2_call_sheet_get_scenes (parser->sheet);
  Mp2Scene *scene = mp2_scene_new ();

  scene->number = g_strdup (number);
  scene->set = clean_text (mp2_table_cell (table, row, MP2_TERM_COLUMN_SET));
  scene->day_night = mp2_parse_day_night (mp2_table_cell (table, row, MP2_TERM_COLUMN_DAY_NIGHT));
  scene->pages = mp2_parse_pages (mp2_table_cell (table, row, MP2_TERM_COLUMN_PAGES));
  g_strfreev (scene->cast);
  scene->cast = mp2_parse_cast_ids (mp2_table_cell (table, row, MP2_TERM_COLUMN_CAST_IDS));

  mp2_parser_add_box (parser, "scenes", scenes->len, &row->box, table->page);
  g_ptr_array_add (scenes, scene);
  table->current = scene;
}

/* A line under a scene without a number: the synopsis (not part of the set), or the
 * rest of a slugline too long for its cell, which is in capitals. */
static void
continue_scene (Mp2Table     *table,
                const Mp2Row *row)
{
  Mp2Scene *scene = table->current;
  const char *more = mp2_table_cell (table, row, MP2_TERM_COLUMN_SET);
  char *joined;

  if (scene == NULL || more == NULL || !mp2_text_is_upper (more) || scene->set == NULL)
    return;

  joined = g_strconcat (scene->set, " ", more, NULL);
  g_free (scene->set);
  scene->set = joined;
}

static gboolean
is_non_scene_row (const Mp2Row *row)
{
  for (guint i = 0; i < MP2_MAX_COLUMNS; i++)
    {
      GArray *tokens;
      gboolean found = FALSE;

      if (row->cells[i] == NULL)
        continue;

      tokens = mp2_text_tokenize (row->cells[i]);
      for (guint t = 0; t < tokens->len && !found; t++)
        {
          Mp2LexMatch match;

          found = mp2_lexicon_match_at (tokens, t, MP2_LEX_VALUE, 0, &match)
                  && match.entry->term == MP2_TERM_VALUE_NON_SCENE;
        }
      mp2_tokens_free (tokens);
      if (found)
        return TRUE;
    }

  return FALSE;
}

static void
take_scene_row (Mp2Parser    *parser,
                Mp2Table     *table,
                const Mp2Row *row)
{
  const char *number = mp2_table_cell (table, row, MP2_TERM_COLUMN_SCENE);

  /* "*** COMPANY MOVE TO SET 2 ***", "MITTAGSPAUSE 12:30 – 13:15": no scene, and
   * what follows is no part of the scene above */
  if (number == NULL && is_non_scene_row (row))
    table->current = NULL;
  else if (number == NULL)
    continue_scene (table, row);
  else if (mp2_is_scene_number (number))
    add_scene (parser, table, row, number);
  else
    table->current = NULL;
}

static void
take_cast_row (Mp2Parser    *parser,
               Mp2Table     *table,
               const Mp2Row *row)
{
  GPtrArray *cast = mp2_call_sheet_get_cast (parser->sheet);
  const char *id = mp2_table_cell (table, row, MP2_TERM_COLUMN_ID);
  const char *name = mp2_table_cell (table, row, MP2_TERM_COLUMN_ACTOR);
  const char *call = mp2_table_cell (table, row, MP2_TERM_COLUMN_CALL);
  Mp2CastMember *member;

  if (name == NULL || (id != NULL && !is_cast_id (id)))
    return;
  if (id == NULL && mp2_table_has_column (table, MP2_TERM_COLUMN_ID))
    return;

  /* The artist's call is the Call column; sheets without one call them to make-up. */
  if (!mp2_table_has_column (table, MP2_TERM_COLUMN_CALL))
    call = mp2_table_cell (table, row, MP2_TERM_COLUMN_HMU);

  member = mp2_cast_member_new ();
  member->id = g_strdup (id);
  member->name = clean_text (name);
  member->character = clean_text (mp2_table_cell (table, row, MP2_TERM_COLUMN_CHARACTER));
  member->pickup = parse_cell_time (parser, mp2_table_cell (table, row, MP2_TERM_COLUMN_PICKUP));
  member->call = parse_cell_time (parser, call);
  member->on_set = parse_cell_time (parser, mp2_table_cell (table, row, MP2_TERM_COLUMN_ON_SET));

  mp2_parser_add_box (parser, "cast", cast->len, &row->box, table->page);
  g_ptr_array_add (cast, member);
}

static void
set_department (Mp2Table   *table,
                const char *department)
{
  g_free (table->department);
  table->department = clean_text (department);
}

static void
take_crew_row (Mp2Parser    *parser,
               Mp2Table     *table,
               const Mp2Row *row)
{
  GPtrArray *crew = mp2_call_sheet_get_crew (parser->sheet);
  const char *department = mp2_table_cell (table, row, MP2_TERM_COLUMN_DEPARTMENT);
  const char *position = mp2_table_cell (table, row, MP2_TERM_COLUMN_POSITION);
  const char *name = mp2_table_cell (table, row, MP2_TERM_COLUMN_NAME);
  const char *call = mp2_table_cell (table, row, MP2_TERM_COLUMN_CALL);
  Mp2CrewMember *member;

  if (department != NULL)
    set_department (table, department);

  /* A line with only a word in the position column is a department heading; so is
   * a line with only a word in capitals in any column ("REŻYSERIA" centred). */
  if (name == NULL && call == NULL && position != NULL && department == NULL)
    {
      set_department (table, position);
      return;
    }
  if (position == NULL && call == NULL && department == NULL && name != NULL
      && mp2_text_is_upper (name) && !mp2_text_has_digits (name))
    {
      set_department (table, name);
      return;
    }
  if (name == NULL || mp2_text_count_letters (name) < 2)
    return;

  member = mp2_crew_member_new ();
  member->department = g_strdup (table->department);
  member->position = clean_text (position);
  member->name = clean_text (name);
  member->call = parse_cell_time (parser, call);

  mp2_parser_add_box (parser, "crew", crew->len, &row->box, table->page);
  g_ptr_array_add (crew, member);
}

static gboolean
kind_from_label (const char      *text,
                 Mp2LocationKind *kind)
{
  Mp2LexMatch match;

  if (text == NULL || !mp2_lexicon_match_prefix (text, MP2_LEX_LOCATION, 0, &match))
    return FALSE;

  *kind = (Mp2LocationKind) (match.entry->term - MP2_TERM_LOCATION_SET);

  return TRUE;
}

static void
take_location_row (Mp2Parser    *parser,
                   Mp2Table     *table,
                   const Mp2Row *row)
{
  GPtrArray *locations = mp2_call_sheet_get_locations (parser->sheet);
  const char *name = mp2_table_cell (table, row, MP2_TERM_COLUMN_NAME);
  const char *address = mp2_table_cell (table, row, MP2_TERM_COLUMN_ADDRESS);
  Mp2LocationKind kind;
  g_autofree char *clean_name = clean_text (name);
  g_autofree char *clean_address = clean_text (address);

  if (!kind_from_label (mp2_table_cell (table, row, MP2_TERM_COLUMN_KIND), &kind))
    return;
  if (clean_address == NULL)
    {
      clean_address = g_steal_pointer (&clean_name);
    }

  if (clean_address == NULL)
    return;

  mp2_parser_add_box (parser, "locations", locations->len, &row->box, table->page);
  g_ptr_array_add (locations, mp2_location_new (kind, clean_name, clean_address));
}

/**
 * mp2_table_take_row:
 * @parser: a parser
 * @table: the table
 * @row: a row of it
 *
 * Adds what @row holds to the sheet.
 */
void
mp2_table_take_row (Mp2Parser    *parser,
                    Mp2Table     *table,
                    const Mp2Row *row)
{
  switch (table->kind)
    {
    case MP2_TABLE_SCENES:
      take_scene_row (parser, table, row);
      break;
    case MP2_TABLE_CAST:
      take_cast_row (parser, table, row);
      break;
    case MP2_TABLE_CREW:
      take_crew_row (parser, table, row);
      break;
    case MP2_TABLE_LOCATIONS:
      take_location_row (parser, table, row);
      break;
    case MP2_TABLE_EXTRAS:
    case MP2_TABLE_ANY:
    default:
      break;
    }
}

void
mp2_table_finish (Mp2Parser *parser,
                  Mp2Table  *table)
{
  g_clear_pointer (&table->department, g_free);
  table->current = NULL;
}
