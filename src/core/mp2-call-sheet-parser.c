/* mp2-call-sheet-parser.c
 *
 * Reads a call sheet from the layout of its text: sections, tables, places and
 * labelled values (in the other mp2-call-sheet-*.c files), then the title, the
 * revision, the notes and the language, checks what was read against itself and
 * says in warnings what looks wrong, never changing a value silently. A document
 * with no text, or one that is not a call sheet, is an error, not a guessed day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-call-sheet-parser"

#include "config.h"

#include "mp2-call-sheet-parser-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "mp2-errors.h"
#include "mp2-text-util.h"

/* Fewer characters than this on all pages: the pages are pictures. */
#define MIN_TEXT_CHARS 40

/* Helpers shared by the parts of the parser ------------------------------------ */

void
mp2_parser_set_box (Mp2Parser         *parser,
                    const char        *key,
                    const Mp2TextCell *cell)
{
  Mp2SourceBox box;

  box.page = cell->page;
  box.x = cell->box.x1;
  box.y = cell->box.y1;
  box.width = cell->box.x2 - cell->box.x1;
  box.height = cell->box.y2 - cell->box.y1;
  mp2_call_sheet_set_position (parser->sheet, key, &box);
}

void
mp2_parser_add_box (Mp2Parser     *parser,
                    const char    *key,
                    guint          index,
                    const Mp2Rect *rect,
                    guint          page)
{
  g_autofree char *name = g_strdup_printf ("%s/%u", key, index);
  Mp2SourceBox box;

  box.page = page;
  box.x = rect->x1;
  box.y = rect->y1;
  box.width = rect->x2 - rect->x1;
  box.height = rect->y2 - rect->y1;
  mp2_call_sheet_set_position (parser->sheet, name, &box);
}

/**
 * mp2_parser_parse_time:
 * @parser: a parser
 * @text: a value where a time is expected
 * @whole: whether the value must be the time and nothing else
 *
 * Returns: minutes since midnight, or %MP2_NO_TIME
 */
int
mp2_parser_parse_time (Mp2Parser  *parser,
                       const char *text,
                       gboolean    whole)
{
  Mp2TimeParseFlags flags = MP2_TIME_PARSE_FOUR_DIGITS | parser->time_flags;
  Mp2ParsedTime time;

  if (whole)
    flags |= MP2_TIME_PARSE_WHOLE;

  if (!mp2_time_parse (text, flags, &time, NULL))
    return MP2_NO_TIME;

  return time.minutes;
}

/**
 * mp2_text_is_phone_line:
 * @text: a line of text
 *
 * Returns: %TRUE for a phone number or an emergency-number line
 */
gboolean
mp2_text_is_phone_line (const char *text)
{
  static const char *prefixes[] = { "tel", "phone", "emergency", "mobile", "cell", "fax",
                                    "telefon", "notruf", "pogotowie" };
  g_autofree char *folded = mp2_text_fold (text);
  guint digits = 0;
  guint others = 0;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (folded, prefixes[i]))
      return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" +-()./", *p))
        others++;
    }

  return digits >= 7 && others == 0;
}

/* Conventions of the sheet ------------------------------------------------------ */

/* "CA 90065": a US state and ZIP code, so slash dates are month first. */
static gboolean
has_us_zip (const char *text)
{
  for (const char *p = text; p[0] != '\0'; p++)
    {
      if (!(g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && p[2] == ' '))
        continue;
      if (p != text && g_ascii_isalnum (p[-1]))
        continue;

      for (int i = 3; i < 8; i++)
        if (!g_ascii_isdigit (p[i]))
          goto next;
      if (!g_ascii_isdigit (p[8]))
        return TRUE;
    next:
      ;
    }

  return FALSE;
}

static gboolean
mentions_am_pm (const char *text)
{
  for (const char *p = text; p[0] != '\0'; p++)
    if ((p[0] == 'a' || p[0] == 'p' || p[0] == 'A' || p[0] == 'P')
        && (p[1] == 'm' || p[1] == 'M' || p[1] == '.' || p[1] == '\0' || p[1] == ' '))
      return TRUE;

  return FALSE;
}

static gboolean
has_meridiem (const char *text)
{
  Mp2ParsedTime time;
  const char *start = text;

  if (!mp2_text_has_digits (text) || !mentions_am_pm (text))
    return FALSE;

  while (mp2_time_find (start, MP2_TIME_PARSE_DEFAULT, &time, NULL, &start))
    if (time.meridiem)
      return TRUE;

  return FALSE;
}

static void
detect_conventions (Mp2Parser *parser)
{
  guint us = 0;
  guint twelve = 0;

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          us += has_us_zip (cell->text);
          twelve += has_meridiem (cell->text);
        }
    }

  parser->date_order = us > 0 ? MP2_DATE_ORDER_MONTH_FIRST : MP2_DATE_ORDER_DAY_FIRST;
  if (twelve >= 3)
    parser->time_flags |= MP2_TIME_PARSE_TWELVE_HOUR;
}

static const char *languages[] = { "en", "pl", "de" };

static void
vote_cell_language (Mp2Parser   *parser,
                    Mp2TextCell *cell)
{
  static const Mp2LexKind kinds[] = {
    MP2_LEX_FIELD, MP2_LEX_SECTION, MP2_LEX_LOCATION, MP2_LEX_COLUMN, MP2_LEX_DOCUMENT,
  };
  GArray *tokens = mp2_text_tokenize (cell->text);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Mp2LexMatch match;

      if (!mp2_lexicon_match_at (tokens, 0, kinds[k], MP2_TABLE_ANY, &match)
          || mp2_lexicon_entry_is_shared (match.entry))
        continue;

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        if (g_str_equal (match.entry->language, languages[l]))
          parser->language_votes[l]++;
      break;
    }

  mp2_tokens_free (tokens);
}

static void
detect_language (Mp2Parser *parser)
{
  guint best = 0;

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      for (guint j = 0; j < line->cells->len; j++)
        vote_cell_language (parser, g_ptr_array_index (line->cells, j));
    }

  for (guint l = 1; l < G_N_ELEMENTS (languages); l++)
    if (parser->language_votes[l] > parser->language_votes[best])
      best = l;

  if (parser->language_votes[best] > 0)
    mp2_call_sheet_set_language (parser->sheet, languages[best]);
}

/* Cells that are not data -------------------------------------------------------- */

static gboolean
starts_with_term (const char *text,
                  Mp2LexKind  kind)
{
  Mp2LexMatch match;

  return mp2_lexicon_match_prefix (text, kind, 0, &match);
}

static void
mark_line_cells_used (Mp2TextLine *line)
{
  for (guint j = 0; j < line->cells->len; j++)
    ((Mp2TextCell *) g_ptr_array_index (line->cells, j))->used = TRUE;
}

/* "Issued 11/03/2024 by …", "Plan sporządził(a): …": the foot of the sheet, with
 * its own dates, never a value of the day. */
static void
mark_footers (Mp2Parser *parser)
{
  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      Mp2TextCell *first = g_ptr_array_index (line->cells, 0);

      if (starts_with_term (first->text, MP2_LEX_FOOTER))
        mark_line_cells_used (line);
    }
}

static gboolean
is_number_token (const Mp2Token *token)
{
  for (const char *p = token->norm; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return token->norm[0] != '\0';
}

/* "Page 1 of 2", "Strona 2 z 3", "Seite 1/2", "Page 3": the whole cell. */
static gboolean
is_page_number (const char *text)
{
  GArray *tokens;
  Mp2LexMatch match;
  gboolean found = FALSE;

  if (!mp2_text_has_digits (text))
    return FALSE;

  tokens = mp2_text_tokenize (text);
  if (mp2_lexicon_match_at (tokens, 0, MP2_LEX_PAGE_NUMBER, 0, &match))
    {
      guint i = match.n_tokens;
      guint n = tokens->len;

      if (i + 1 == n)
        found = is_number_token (&g_array_index (tokens, Mp2Token, i));
      else if (i + 3 == n)
        {
          const char *of = g_array_index (tokens, Mp2Token, i + 1).norm;

          found = is_number_token (&g_array_index (tokens, Mp2Token, i))
                  && is_number_token (&g_array_index (tokens, Mp2Token, i + 2))
                  && (g_str_equal (of, "of") || g_str_equal (of, "z")
                      || g_str_equal (of, "von") || g_str_equal (of, "/"));
        }
    }
  mp2_tokens_free (tokens);

  return found;
}

/* Page numbers stand wherever the template puts them, often in a table's column:
 * they are no row of it. */
static void
mark_page_numbers (Mp2Parser *parser)
{
  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          if (is_page_number (cell->text))
            cell->used = TRUE;
        }
    }
}

static gboolean
is_change_list (const char *text)
{
  GArray *tokens = mp2_text_tokenize (text);
  gboolean revision = FALSE;
  gboolean changes = FALSE;

  for (guint i = 0; i < tokens->len && i < 6; i++)
    {
      Mp2LexMatch match;

      if (!mp2_lexicon_match_at (tokens, i, MP2_LEX_FIELD, 0, &match))
        continue;
      revision |= match.entry->term == MP2_TERM_REVISION || match.entry->term == MP2_TERM_REVISED;
      changes |= match.entry->term == MP2_TERM_CHANGES;
    }

  mp2_tokens_free (tokens);

  return revision && changes;
}

/* "WERSJA 2 – ZMIANY: zbiórka ekipy: 06:15 → 06:45; …" names the old values: its
 * labels must not be read as the day's. */
static gboolean
continues_change_list (Mp2Parser   *parser,
                       Mp2TextLine *line,
                       Mp2TextLine *next)
{
  Mp2TextCell *first;

  if (next == NULL || next->page != line->page || next->cells->len != 1)
    return FALSE;
  if (next->box.y1 - line->box.y2 > 0.8 * line->size || ABS (next->box.x1 - line->box.x1) > 5)
    return FALSE;

  first = g_ptr_array_index (next->cells, 0);

  return !mp2_parser_is_heading (parser, first) && !starts_with_term (first->text, MP2_LEX_FIELD)
         && !starts_with_term (first->text, MP2_LEX_SECTION);
}

static void
mark_change_lists (Mp2Parser *parser)
{
  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      Mp2TextCell *first = g_ptr_array_index (line->cells, 0);

      if (!is_change_list (first->text))
        continue;

      mark_line_cells_used (line);
      for (guint more = 0; more < 4; more++)
        {
          Mp2TextLine *next = mp2_pdf_text_get_line (parser->text, i + 1);

          if (!continues_change_list (parser, line, next))
            break;
          mark_line_cells_used (next);
          line = next;
          i++;
        }
    }
}

/* Revision ---------------------------------------------------------------------- */

static int
version_token_number (const char *token)
{
  if ((token[0] == 'v') && g_ascii_isdigit (token[1]) && strlen (token) <= 3)
    return atoi (token + 1);

  return 0;
}

static void
read_cell_revision (Mp2TextCell *cell,
                    int         *revision,
                    gboolean    *revised)
{
  GArray *tokens = mp2_text_tokenize (cell->text);

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *norm = g_array_index (tokens, Mp2Token, i).norm;
      Mp2LexMatch match;

      if (tokens->len <= 3 && version_token_number (norm) > 0)
        *revision = MAX (*revision, version_token_number (norm));

      if (!mp2_lexicon_match_at (tokens, i, MP2_LEX_FIELD, 0, &match))
        continue;

      if (match.entry->term == MP2_TERM_REVISED)
        *revised = TRUE;
      if (match.entry->term == MP2_TERM_REVISION && i + match.n_tokens < tokens->len)
        {
          const char *number = g_array_index (tokens, Mp2Token, i + match.n_tokens).norm;
          int value = atoi (number);

          if (g_ascii_isdigit (number[0]) && value > 0 && value < 100)
            *revision = MAX (*revision, value);
        }
    }

  mp2_tokens_free (tokens);
}

static void
read_revision (Mp2Parser *parser)
{
  int revision = 0;
  gboolean revised = FALSE;

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page > 0)
        break;

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
          Mp2Section *section = mp2_parser_cell_section (parser, cell);

          if (section == NULL || section->term == MP2_N_TERMS || cell->bold)
            read_cell_revision (cell, &revision, &revised);
        }
    }

  if (revision == 0 && revised)
    {
      revision = 2;
      mp2_call_sheet_add_warning (parser->sheet,
                                  _("The sheet is marked as revised without a number; "
                                    "it was taken as revision 2."));
    }

  mp2_call_sheet_set_revision (parser->sheet, MAX (revision, 1));
}

/* The date without a label ------------------------------------------------------ */

static int
score_date_cell (Mp2Parser           *parser,
                 Mp2TextCell         *cell,
                 const Mp2ParsedDate *date)
{
  int score = (int) (cell->size * 4) - (int) cell->line;

  if (date->weekday != 0)
    score += 50;
  if (mp2_text_count_letters (cell->text) > 3)
    score += 20;
  if (date->ambiguous)
    score -= 30;

  return score;
}

static void
find_unlabelled_date (Mp2Parser *parser)
{
  Mp2TextCell *best = NULL;
  Mp2ParsedDate best_date = { 0 };
  int best_score = G_MININT;

  if (mp2_call_sheet_get_date (parser->sheet, NULL, NULL, NULL))
    return;

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      for (guint j = 0; j < line->cells->len && line->page == 0; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
          Mp2Section *section = mp2_parser_cell_section (parser, cell);
          Mp2ParsedDate date;
          int score;

          if (cell->used || (section != NULL && section->term != MP2_N_TERMS
                             && section->term != MP2_TERM_SECTION_SCHEDULE))
            continue;
          if (!mp2_text_has_digits (cell->text)
              || !mp2_date_find (cell->text, parser->date_order, &date, NULL, NULL)
              || date.year == 0)
            continue;

          score = score_date_cell (parser, cell, &date);
          if (score > best_score)
            {
              best = cell;
              best_date = date;
              best_score = score;
            }
        }
    }

  if (best == NULL)
    return;

  mp2_parser_apply_date (parser, &best_date, best, best->text);
}

/* The production title without a label --------------------------------------------- */

static gboolean
has_term (const char *text,
          Mp2LexKind  kind,
          Mp2Term     term)
{
  GArray *tokens = mp2_text_tokenize (text);
  gboolean found = FALSE;

  for (guint i = 0; i < tokens->len && !found; i++)
    {
      Mp2LexMatch match;

      found = mp2_lexicon_match_at (tokens, i, kind, MP2_TABLE_ANY, &match)
              && (term == MP2_N_TERMS || match.entry->term == term);
    }

  mp2_tokens_free (tokens);

  return found;
}

/* A label at the start of a title-like text: a short word ("High", "Set") only when a
 * value follows it ("High 84°F", "Set: Kitchen"), so that "HIGH DESERT" stays a
 * title. */
static gboolean
starts_with_label (const char *text,
                   Mp2LexKind  kind)
{
  GArray *tokens = mp2_text_tokenize (text);
  Mp2LexMatch match;
  gboolean found = FALSE;

  if (mp2_lexicon_match_at (tokens, 0, kind, MP2_TABLE_ANY, &match))
    {
      const char *after = text + g_array_index (tokens, Mp2Token, match.n_tokens - 1).end;

      while (*after == ' ')
        after++;
      found = (match.entry->flags & MP2_LEX_FLAG_SHORT) == 0 || *after == '\0'
              || *after == ':' || g_ascii_isdigit (*after);
    }
  mp2_tokens_free (tokens);

  return found;
}

/* "1st AD: Keisha Grant", "Producer: Dana Whitfield": a labelled value, whatever
 * its label. */
static gboolean
is_labelled_value (const char *text)
{
  const char *colon = strchr (text, ':');
  guint words = 1;

  if (colon == NULL || colon == text || colon[1] == '\0')
    return FALSE;
  if (g_ascii_isdigit (colon[-1]) && g_ascii_isdigit (colon[1]))
    return FALSE;  /* a time */

  for (const char *p = text; p < colon; p++)
    words += *p == ' ';

  return words <= 4;
}

static gboolean
could_be_title (Mp2Parser   *parser,
                Mp2TextCell *cell,
                const char  *text)
{
  Mp2Section *section = mp2_parser_cell_section (parser, cell);
  Mp2ParsedTime time;

  if (cell->used || cell->page != 0 || (section != NULL && section->term != MP2_N_TERMS))
    return FALSE;
  if (mp2_text_count_letters (text) < 2 || strlen (text) > 80)
    return FALSE;
  if (mp2_time_find (text, parser->time_flags, &time, NULL, NULL)
      || mp2_date_find (text, parser->date_order, &(Mp2ParsedDate) { 0 }, NULL, NULL))
    return FALSE;
  if (mp2_text_looks_like_address (text) || mp2_text_is_phone_line (text))
    return FALSE;
  if (is_labelled_value (text)
      || starts_with_label (text, MP2_LEX_FIELD) || starts_with_label (text, MP2_LEX_SECTION)
      || starts_with_label (text, MP2_LEX_LOCATION) || starts_with_label (text, MP2_LEX_COLUMN)
      || has_term (text, MP2_LEX_DOCUMENT, MP2_N_TERMS)
      || has_term (text, MP2_LEX_VALUE, MP2_TERM_VALUE_COMPANY)
      || has_term (text, MP2_LEX_FIELD, MP2_TERM_REVISED))
    return FALSE;

  return TRUE;
}

/* "Paper Boats — CALL SHEET — Day 3 of 5": the title is the piece before the
 * document's name. Returns the cell's own text when it is not cut so. */
static char *
title_piece (const char *text)
{
  static const char *separators[] = { " – ", " — ", " | ", " · ", ": " };
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *found = strstr (text, separators[i]);

      if (found != NULL && (first == NULL || found < first))
        first = found;
    }

  if (first == NULL || first == text || !has_term (first, MP2_LEX_DOCUMENT, MP2_N_TERMS))
    return g_strdup (text);

  return g_strndup (text, (gsize) (first - text));
}

static void
find_unlabelled_production (Mp2Parser *parser)
{
  Mp2TextCell *best = NULL;
  g_autofree char *best_text = NULL;

  if (mp2_call_sheet_get_production (parser->sheet) != NULL)
    return;

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page > 0)
        break;

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);
          g_autofree char *piece = NULL;

          /* the biggest text wins: look closer only at what is bigger */
          if (best != NULL && cell->size <= best->size + 0.5)
            continue;

          piece = title_piece (cell->text);
          if (could_be_title (parser, cell, piece))
            {
              best = cell;
              g_free (best_text);
              best_text = g_steal_pointer (&piece);
            }
        }
    }

  if (best != NULL)
    {
      g_autofree char *title = mp2_text_strip_punctuation (best_text);

      mp2_call_sheet_set_production (parser->sheet, title);
      mp2_parser_set_box (parser, "production", best);
    }
}

/* Notes ----------------------------------------------------------------------- */

static gboolean
ends_sentence (const char *text)
{
  gsize length = strlen (text);

  return length > 0 && strchr (".!?:;", text[length - 1]) != NULL;
}

static const char *
skip_item_marker (const char *text,
                  gboolean    after_sentence,
                  gboolean   *marked)
{
  const char *p = text;

  *marked = FALSE;

  /* A dash at the start of a line is a bullet, unless the line before stopped in
   * the middle of a sentence ("…2 – reżyseria, 3" / "– kamera, 4 – oświetlenie."). */
  if (g_str_has_prefix (p, "•")
      || (after_sentence && (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))))
    {
      *marked = TRUE;
      p = g_utf8_next_char (p);
    }
  else if ((*p == '-' || *p == '*') && p[1] == ' ')
    {
      *marked = TRUE;
      p++;
    }
  else if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if ((*q == '.' || *q == ')') && q[1] == ' ')
        {
          *marked = TRUE;
          p = q + 1;
        }
    }

  while (*p == ' ')
    p++;

  return p;
}


static void
add_note_line (GPtrArray  *notes,
               const char *text)
{
  gboolean after_sentence = notes->len == 0
                            || ends_sentence (g_ptr_array_index (notes, notes->len - 1));
  gboolean marked;
  const char *item = skip_item_marker (text, after_sentence, &marked);
  gunichar first = g_utf8_get_char (item);

  if (*item == '\0')
    return;

  if (notes->len > 0 && !marked
      && (g_unichar_islower (first) || !ends_sentence (g_ptr_array_index (notes, notes->len - 1))))
    {
      char *previous = g_ptr_array_index (notes, notes->len - 1);

      notes->pdata[notes->len - 1] = g_strconcat (previous, " ", item, NULL);
      g_free (previous);
      return;
    }

  g_ptr_array_add (notes, g_strdup (item));
}

static char *
note_line_text (Mp2Parser   *parser,
                Mp2TextLine *line,
                Mp2Section  *section)
{
  GString *text = g_string_new (NULL);

  for (guint j = 0; j < line->cells->len; j++)
    {
      Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

      if (cell->used || mp2_section_root (mp2_parser_cell_section (parser, cell)) != section)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, cell->text);
      cell->used = TRUE;
    }

  return g_string_free (text, FALSE);
}

static void
read_notes_section (Mp2Parser  *parser,
                    Mp2Section *section)
{
  GPtrArray *notes = mp2_call_sheet_get_notes (parser->sheet);
  double bottom = section->heading->box.y2;
  guint page = section->page;

  for (guint i = section->first_line; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);
      g_autofree char *text = NULL;

      if (!mp2_parser_line_in_section (parser, line, section))
        continue;

      text = note_line_text (parser, line, section);
      if (*text == '\0')
        continue;
      if (line->page == page && line->box.y1 - bottom > 3 * MAX (line->size, 6))
        break;
      page = line->page;

      add_note_line (notes, text);
      bottom = line->box.y2;
    }
}

static void
read_notes (Mp2Parser *parser)
{
  for (guint i = 0; i < parser->sections->len; i++)
    {
      Mp2Section *section = g_ptr_array_index (parser->sections, i);

      if (section->term == MP2_TERM_SECTION_NOTES && section->parent == NULL
          && section->heading != NULL)
        read_notes_section (parser, section);
    }
}

/* Checks ----------------------------------------------------------------------- */

static void
find_document_kind (Mp2Parser *parser)
{
  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page > 0)
        break;

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          if (starts_with_term (cell->text, MP2_LEX_DOCUMENT)
              || has_term (cell->text, MP2_LEX_DOCUMENT, MP2_N_TERMS))
            parser->evidence += 2;
          if (starts_with_term (cell->text, MP2_LEX_OTHER_DOCUMENT) && line->box.y1 < 200)
            parser->other_document = TRUE;
        }
    }
}

static void
count_contents (Mp2Parser *parser)
{
  Mp2CallSheet *sheet = parser->sheet;

  parser->evidence += mp2_call_sheet_get_date (sheet, NULL, NULL, NULL) ? 1 : 0;
  parser->evidence += mp2_call_sheet_get_locations (sheet)->len > 0 ? 1 : 0;
  parser->evidence += mp2_call_sheet_get_scenes (sheet)->len > 0 ? 1 : 0;
  parser->evidence += mp2_call_sheet_get_crew (sheet)->len > 0 ? 1 : 0;
  parser->evidence += mp2_call_sheet_get_cast (sheet)->len > 0 ? 1 : 0;
}

static gboolean
check_call_sheet (Mp2Parser  *parser,
                  GError    **error)
{
  gboolean crew_call = mp2_call_sheet_get_time (parser->sheet, MP2_TIME_FIELD_CREW_CALL)
                       != MP2_CALL_SHEET_NO_TIME;
  gboolean date = mp2_call_sheet_get_date (parser->sheet, NULL, NULL, NULL);

  count_contents (parser);

  if (parser->evidence >= 5 && (crew_call || date) && !(parser->other_document && parser->evidence < 8))
    return TRUE;

  g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_NOT_A_CALL_SHEET,
                       _("This PDF does not look like a call sheet: it has no crew call, "
                         "shooting date or schedule that could be read. Check that it is "
                         "the right attachment."));
  return FALSE;
}

static void
warn_times (Mp2Parser *parser)
{
  Mp2CallSheet *sheet = parser->sheet;
  int crew = mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL);
  int shooting = mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL);
  int sunrise = mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_SUNRISE);
  int sunset = mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_SUNSET);

  if (crew == MP2_CALL_SHEET_NO_TIME)
    mp2_call_sheet_add_warning (sheet, _("No general crew call was found on the sheet."));

  /* The shooting call comes after the crew call, within a few hours (across
   * midnight for a night shoot). */
  if (crew != MP2_CALL_SHEET_NO_TIME && shooting != MP2_CALL_SHEET_NO_TIME
      && (shooting - crew + 1440) % 1440 > 6 * 60)
    mp2_call_sheet_add_warning (sheet,
                                _("The shooting call is before the crew call, or more "
                                  "than six hours after it: check both times."));

  if (sunrise != MP2_CALL_SHEET_NO_TIME && sunset != MP2_CALL_SHEET_NO_TIME && sunrise >= sunset)
    mp2_call_sheet_add_warning (sheet, _("Sunrise is printed after sunset: check the sun times."));
}

static void
warn_days (Mp2Parser *parser)
{
  int day = mp2_call_sheet_get_shooting_day (parser->sheet);
  int total = mp2_call_sheet_get_total_days (parser->sheet);

  if (day != MP2_CALL_SHEET_NO_NUMBER && total != MP2_CALL_SHEET_NO_NUMBER && day > total)
    mp2_call_sheet_add_warning (parser->sheet,
                                /* Translators: “day 45 of 44” of the shoot */
                                _("The sheet says day %d of %d: the day is after the "
                                  "last day."), day, total);
}

static void
warn_scene_cast (Mp2Parser *parser)
{
  GPtrArray *scenes = mp2_call_sheet_get_scenes (parser->sheet);
  GPtrArray *cast = mp2_call_sheet_get_cast (parser->sheet);

  if (cast->len == 0)
    return;

  for (guint i = 0; i < scenes->len; i++)
    {
      Mp2Scene *scene = g_ptr_array_index (scenes, i);

      for (guint j = 0; scene->cast[j] != NULL; j++)
        {
          gboolean listed = FALSE;

          for (guint k = 0; k < cast->len && !listed; k++)
            listed = g_strcmp0 (((Mp2CastMember *) g_ptr_array_index (cast, k))->id,
                                scene->cast[j]) == 0;
          if (!listed)
            mp2_call_sheet_add_warning (parser->sheet,
                                        /* Translators: the first %s is a scene number, the second the cast
                                         * number or name given in the scene's row */
                                        _("Scene %s has cast member %s, who is not in the "
                                          "cast list."), scene->number, scene->cast[j]);
        }
    }
}

/* Parsing ----------------------------------------------------------------------- */

static void
parser_clear (Mp2Parser *parser)
{
  g_clear_pointer (&parser->sections, g_ptr_array_unref);
  g_clear_pointer (&parser->cell_sections, g_hash_table_unref);
  g_clear_object (&parser->sheet);
}

static void
reset_used (Mp2PdfText *text)
{
  for (guint i = 0; i < text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (text, i);

      for (guint j = 0; j < line->cells->len; j++)
        ((Mp2TextCell *) g_ptr_array_index (line->cells, j))->used = FALSE;
    }
}

static void
read_sheet (Mp2Parser *parser)
{
  mp2_parser_find_sections (parser);
  mark_footers (parser);
  mark_page_numbers (parser);
  mark_change_lists (parser);
  detect_conventions (parser);
  detect_language (parser);
  find_document_kind (parser);

  mp2_parser_read_tables (parser);
  mp2_parser_read_locations (parser);
  mp2_parser_read_fields (parser);
  find_unlabelled_date (parser);
  find_unlabelled_production (parser);
  read_revision (parser);
  read_notes (parser);
}

static void
warn (Mp2Parser *parser)
{
  warn_times (parser);
  warn_days (parser);
  warn_scene_cast (parser);
}

/**
 * mp2_call_sheet_parse_text:
 * @text: the layout of a document's text
 * @crew_name: (nullable): the user's name as crew lists print it
 * @error: where to report a #MP2_PARSE_ERROR
 *
 * Reads a call sheet from the layout of its text.
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
Mp2CallSheet *
mp2_call_sheet_parse_text (Mp2PdfText  *text,
                           const char  *crew_name,
                           GError     **error)
{
  Mp2Parser parser = { 0 };
  Mp2CallSheet *sheet;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text->n_chars < MIN_TEXT_CHARS)
    {
      g_set_error_literal (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_NO_TEXT_LAYER,
                           _("The PDF holds only pictures of its pages (a scan), no text "
                             "that can be read. Ask the production office for the call "
                             "sheet exported as a PDF, not scanned."));
      return NULL;
    }

  reset_used (text);
  parser.text = text;
  parser.sheet = mp2_call_sheet_new ();

  read_sheet (&parser);

  if (!check_call_sheet (&parser, error))
    {
      parser_clear (&parser);
      return NULL;
    }

  warn (&parser);
  if (crew_name != NULL && *crew_name != '\0')
    mp2_call_sheet_find_personal_call (parser.sheet, crew_name);

  sheet = g_steal_pointer (&parser.sheet);
  parser_clear (&parser);

  return sheet;
}

/**
 * mp2_call_sheet_parse:
 * @document: an open PDF
 * @crew_name: (nullable): the user's name as crew lists print it
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a #MP2_PARSE_ERROR
 *
 * Reads a call sheet from a PDF. This blocks: call it from a worker thread.
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
Mp2CallSheet *
mp2_call_sheet_parse (Mp2PdfDocument  *document,
                      const char      *crew_name,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(Mp2PdfText) text = NULL;

  g_return_val_if_fail (MP2_IS_PDF_DOCUMENT (document), NULL);

  text = mp2_pdf_text_new (document, cancellable, error);
  if (text == NULL)
    return NULL;

  return mp2_call_sheet_parse_text (text, crew_name, error);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Mp2PdfDocument *document = source_object;
  const char *crew_name = task_data;
  GError *error = NULL;
  Mp2CallSheet *sheet;

  sheet = mp2_call_sheet_parse (document, crew_name, cancellable, &error);
  if (sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sheet, g_object_unref);
}

/**
 * mp2_call_sheet_parse_async:
 * @document: an open PDF
 * @crew_name: (nullable): the user's name as crew lists print it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the sheet
 * @user_data: data for @callback
 *
 * Reads a call sheet from a PDF in a worker thread.
 */
void
mp2_call_sheet_parse_async (Mp2PdfDocument      *document,
                            const char          *crew_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP2_IS_PDF_DOCUMENT (document));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp2_call_sheet_parse_async);
  g_task_set_task_data (task, g_strdup (crew_name), g_free);
  g_task_run_in_thread (task, parse_thread);
}

/**
 * mp2_call_sheet_parse_finish:
 * @result: the result given to the callback
 * @error: where to report an error
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
Mp2CallSheet *
mp2_call_sheet_parse_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
