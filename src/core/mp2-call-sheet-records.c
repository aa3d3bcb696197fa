/* mp2-call-sheet-records.c
 *
 * Scenes, cast and crew written one per line instead of as a table:
 *
 *   Sc 110 – INT. MOTEL ROOM 12 – Day – 4/8 pgs – Cast: 4, 8 – Set 1
 *   4. Rafael Patel as FATHER BRENNAN – Pick-up 0945 / Call 1030 / On set 1200
 *   Production Manager: Kofi Holloway (07700 900448) – 0730
 *
 * A record is cut into parts at dashes, bars or bullets, and each part is known by
 * its label or by its shape; lines that are not records (a synopsis) are skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-call-sheet-parser"

#include "config.h"

#include "mp2-call-sheet-tables.h"

#include <string.h>

#include "mp2-text-util.h"

/* Cuts a record at its dashes, bars and bullets; there is always a first part. */
static GStrv
split_parts (const char *text)
{
  static const char *separators[] = { " – ", " — ", " | ", " • " };
  GPtrArray *parts = g_ptr_array_new ();
  const char *start = text;

  for (;;)
    {
      const char *best = NULL;
      gsize length = 0;

      for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
        {
          const char *found = strstr (start, separators[i]);

          if (found != NULL && (best == NULL || found < best))
            {
              best = found;
              length = strlen (separators[i]);
            }
        }

      g_ptr_array_add (parts, best ? g_strndup (start, (gsize) (best - start)) : g_strdup (start));
      if (best == NULL)
        break;
      start = best + length;
    }

  g_ptr_array_add (parts, NULL);

  return (GStrv) g_ptr_array_free (parts, FALSE);
}

static char *
line_text (Mp2Parser   *parser,
           Mp2TextLine *line,
           Mp2Section  *section,
           Mp2Rect     *box)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < line->cells->len; i++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, i);

      if (cell->used || mp2_section_root (mp2_parser_cell_section (parser, cell)) != section)
        continue;
      if (text->len == 0)
        *box = cell->box;
      else
        g_string_append_c (text, ' ');
      mp2_rect_union (box, &cell->box);
      g_string_append (text, cell->text);
      cell->used = TRUE;
    }

  return g_string_free (text, FALSE);
}

/* Scenes ------------------------------------------------------------------------- */

static const char *
skip_scene_label (const char *text)
{
  GArray *tokens = mp2_text_tokenize (text);
  Mp2LexMatch match;
  const char *rest = NULL;

  if (mp2_lexicon_match_at (tokens, 0, MP2_LEX_COLUMN, MP2_TABLE_SCENES, &match)
      && match.entry->term == MP2_TERM_COLUMN_SCENE && match.n_tokens < tokens->len)
    {
      rest = text + g_array_index (tokens, Mp2Token, match.n_tokens - 1).end;
      while (*rest == '.' || *rest == ' ' || *rest == ':' || *rest == '#')
        rest++;
    }

  mp2_tokens_free (tokens);

  return rest;
}

static gboolean
is_pages_part (const char *part)
{
  GArray *tokens = mp2_text_tokenize (part);
  Mp2LexMatch match;
  gboolean pages = strstr (part, "/8") != NULL;

  if (!pages && tokens->len >= 2)
    pages = mp2_lexicon_match_at (tokens, tokens->len - 1, MP2_LEX_COLUMN, MP2_TABLE_SCENES,
                                  &match)
            && match.entry->term == MP2_TERM_COLUMN_PAGES;

  mp2_tokens_free (tokens);

  return pages && g_ascii_isdigit (*part);
}

static gboolean
take_labelled_cast (Mp2Scene   *scene,
                    const char *part)
{
  GArray *tokens = mp2_text_tokenize (part);
  Mp2LexMatch match;
  gboolean cast = FALSE;

  if (mp2_lexicon_match_at (tokens, 0, MP2_LEX_COLUMN, MP2_TABLE_SCENES, &match)
      && match.entry->term == MP2_TERM_COLUMN_CAST_IDS)
    {
      const char *ids = part + g_array_index (tokens, Mp2Token, match.n_tokens - 1).end;

      g_strfreev (scene->cast);
      scene->cast = mp2_parse_cast_ids (ids);
      cast = TRUE;
    }

  mp2_tokens_free (tokens);

  return cast;
}

static gboolean
is_location_part (const char *part)
{
  Mp2LexMatch match;

  return mp2_lexicon_match_prefix (part, MP2_LEX_LOCATION, 0, &match)
         || (mp2_lexicon_match_prefix (part, MP2_LEX_COLUMN, MP2_TABLE_SCENES, &match)
             && match.entry->term == MP2_TERM_COLUMN_LOCATION);
}

static void
take_scene_part (Mp2Scene   *scene,
                 const char *part)
{
  char day_night = mp2_parse_day_night (part);

  if (take_labelled_cast (scene, part))
    return;
  if (day_night != 0 && scene->day_night == 0)
    scene->day_night = day_night;
  else if (is_pages_part (part) && scene->pages == NULL)
    scene->pages = mp2_parse_pages (part);
  else if (scene->set == NULL && !is_location_part (part))
    scene->set = mp2_text_collapse (part);
}

static gboolean
read_scene_record (Mp2Parser  *parser,
                   const char *text,
                   Mp2Rect    *box,
                   guint       page)
{
  const char *rest = skip_scene_label (text);
  g_auto(GStrv) parts = NULL;
  g_autofree char *number = NULL;
  GPtrArray *scenes = mp2_call_sheet_get_scenes (parser->sheet);
  Mp2Scene *scene;
  const char *space;

  if (rest == NULL)
    return FALSE;

  parts = split_parts (rest);
  space = strchr (parts[0], ' ');
  number = mp2_text_strip_punctuation (parts[0]);
  if (space != NULL || !mp2_is_scene_number (number))
    return FALSE;

  scene = mp2_scene_new ();
  scene->number = g_steal_pointer (&number);
  for (guint i = 1; parts[i] != NULL; i++)
    take_scene_part (scene, parts[i]);

  mp2_parser_add_box (parser, "scenes", scenes->len, box, page);
  g_ptr_array_add (scenes, scene);

  return TRUE;
}

/* Cast --------------------------------------------------------------------------- */

static const char *
split_cast_id (const char  *text,
               char       **id)
{
  const char *p = text;

  while (g_ascii_isalnum (*p) && p - text < 5)
    p++;
  if (p == text || !g_ascii_isdigit (text[0]) || (*p != '.' && *p != ')' && *p != ' '))
    return NULL;

  *id = g_strndup (text, (gsize) (p - text));
  while (*p == '.' || *p == ')' || *p == ' ')
    p++;

  return p;
}

static void
split_name_character (const char  *text,
                      char       **name,
                      char       **character)
{
  static const char *joins[] = { " as ", " jako ", " als ", " AS " };

  for (guint i = 0; i < G_N_ELEMENTS (joins); i++)
    {
      const char *found = strstr (text, joins[i]);

      if (found != NULL)
        {
          *name = g_strndup (text, (gsize) (found - text));
          *character = g_strdup (found + strlen (joins[i]));
          return;
        }
    }

  *name = g_strdup (text);
  *character = NULL;
}

static void
take_cast_time (Mp2Parser     *parser,
                Mp2CastMember *member,
                const char    *part)
{
  GArray *tokens = mp2_text_tokenize (part);
  Mp2LexMatch match;

  if (mp2_lexicon_match_at (tokens, 0, MP2_LEX_COLUMN, MP2_TABLE_CAST, &match))
    {
      const char *value = part + g_array_index (tokens, Mp2Token, match.n_tokens - 1).end;
      int minutes = mp2_time_is_placeholder (value)
                    ? MP2_CALL_SHEET_NO_TIME : mp2_parser_parse_time (parser, value, FALSE);

      switch ((int) match.entry->term)
        {
        case MP2_TERM_COLUMN_PICKUP:
          member->pickup = minutes;
          break;
        case MP2_TERM_COLUMN_CALL:
          member->call = minutes;
          break;
        case MP2_TERM_COLUMN_HMU:
          if (member->call == MP2_CALL_SHEET_NO_TIME)
            member->call = minutes;
          break;
        case MP2_TERM_COLUMN_ON_SET:
          member->on_set = minutes;
          break;
        default:
          break;
        }
    }

  mp2_tokens_free (tokens);
}

static gboolean
read_cast_record (Mp2Parser  *parser,
                  const char *text,
                  Mp2Rect    *box,
                  guint       page)
{
  g_autofree char *id = NULL;
  const char *rest = split_cast_id (text, &id);
  g_auto(GStrv) parts = NULL;
  GPtrArray *cast = mp2_call_sheet_get_cast (parser->sheet);
  Mp2CastMember *member;

  if (rest == NULL)
    return FALSE;

  parts = split_parts (rest);
  member = mp2_cast_member_new ();
  member->id = g_steal_pointer (&id);
  split_name_character (parts[0], &member->name, &member->character);

  for (guint i = 1; parts[i] != NULL; i++)
    {
      g_auto(GStrv) times = g_strsplit_set (parts[i], "/;,", -1);

      if (member->character == NULL && i == 1 && !mp2_text_has_digits (parts[i]))
        {
          member->character = mp2_text_collapse (parts[i]);
          continue;
        }
      for (guint j = 0; times[j] != NULL; j++)
        take_cast_time (parser, member, g_strstrip (times[j]));
    }

  mp2_parser_add_box (parser, "cast", cast->len, box, page);
  g_ptr_array_add (cast, member);

  return TRUE;
}

/* Crew --------------------------------------------------------------------------- */

static char *
remove_phone (const char *text)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (out, *p);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* The colon after a position ("Gaffer:"), not one inside a time ("07:30"). */
static const char *
find_label_colon (const char *text)
{
  for (const char *p = strchr (text, ':'); p != NULL; p = strchr (p + 1, ':'))
    if (p > text && !(g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1])))
      return p;

  return NULL;
}

/* "Production Manager: Kofi Holloway (07700 900448) – 0730", or with dashes only,
 * "Director – Jo Park – 08:00" */
static gboolean
read_crew_record (Mp2Parser  *parser,
                  const char *text,
                  Mp2Rect    *box,
                  guint       page)
{
  const char *colon = find_label_colon (text);
  g_auto(GStrv) parts = NULL;
  GPtrArray *crew = mp2_call_sheet_get_crew (parser->sheet);
  Mp2CrewMember *member;
  g_autofree char *position = NULL;
  const char *name;
  guint n_parts;
  int call;

  if (colon != NULL)
    {
      parts = split_parts (colon + 1);
      position = g_strndup (text, (gsize) (colon - text));
      name = parts[0];
    }
  else
    {
      parts = split_parts (text);
      if (g_strv_length (parts) < 3)
        return FALSE;
      position = g_strdup (parts[0]);
      name = parts[1];
    }

  n_parts = g_strv_length (parts);
  call = n_parts >= 2 ? mp2_parser_parse_time (parser, parts[n_parts - 1], TRUE)
                      : MP2_CALL_SHEET_NO_TIME;
  if (colon == NULL && call == MP2_CALL_SHEET_NO_TIME)
    return FALSE;

  member = mp2_crew_member_new ();
  member->position = mp2_text_collapse (position);
  member->name = remove_phone (name);
  member->call = call;

  if (mp2_text_count_letters (member->name) < 2)
    {
      mp2_crew_member_free (member);
      return FALSE;
    }

  mp2_parser_add_box (parser, "crew", crew->len, box, page);
  g_ptr_array_add (crew, member);

  return TRUE;
}

/**
 * mp2_parser_read_records:
 * @parser: a parser
 * @section: a scenes, cast or crew section without a table
 *
 * Reads the section's lines as one-line records.
 */
void
mp2_parser_read_records (Mp2Parser  *parser,
                         Mp2Section *section)
{
  for (guint i = section->first_line; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      g_autofree char *text = NULL;
      Mp2Rect box = { 0 };

      if (!mp2_parser_line_in_section (parser, line, section))
        continue;

      text = line_text (parser, line, section, &box);
      if (*text == '\0')
        continue;

      switch ((int) section->term)
        {
        case MP2_TERM_SECTION_SCENES:
          read_scene_record (parser, text, &box, line->page);
          break;
        case MP2_TERM_SECTION_CAST:
          read_cast_record (parser, text, &box, line->page);
          break;
        case MP2_TERM_SECTION_CREW:
          read_crew_record (parser, text, &box, line->page);
          break;
        default:
          break;
        }
    }
}
