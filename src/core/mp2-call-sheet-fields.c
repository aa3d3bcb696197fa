/* mp2-call-sheet-fields.c
 *
 * The labelled values of a call sheet's header: the date, the day number, the
 * general crew call and the other times, the revision and the production title.
 * A label's value is found after it in the same cell ("Crew Call: 0730"), in the
 * next cell of its line ("Zbiórka ekipy:   06:30"), or below it in the same column
 * ("GENERAL CREW CALL" over a big "2:00 PM"), and only a value of the right kind is
 * taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-call-sheet-parser"

#include "config.h"

#include "mp2-call-sheet-parser-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "mp2-text-util.h"

/* How far below a label its value may stand, in the label's font sizes. */
#define BELOW_DISTANCE 4.5

typedef struct
{
  Mp2Term      term;
  Mp2TextCell *cell;
  char        *value;
  int          score;
} Candidate;

typedef struct
{
  Candidate best[MP2_N_TERMS];
} Candidates;

static void
candidates_clear (Candidates *candidates)
{
  for (guint i = 0; i < MP2_N_TERMS; i++)
    g_clear_pointer (&candidates->best[i].value, g_free);
}

static gboolean
is_field_section (Mp2Parser   *parser,
                  Mp2TextCell *cell)
{
  Mp2Section *section = mp2_parser_cell_section (parser, cell);

  return section == NULL || section->term == MP2_N_TERMS
         || section->term == MP2_TERM_SECTION_SCHEDULE
         || section->term == MP2_TERM_SECTION_WEATHER;
}

/* Values ---------------------------------------------------------------------- */

static gboolean
parse_day_numbers (const char *text,
                   int        *day,
                   int        *total)
{
  const char *p = text;
  char *end = NULL;
  long first;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    {
      if (g_ascii_isalpha (*p))
        return FALSE;
      p++;
    }
  if (*p == '\0')
    return FALSE;

  first = strtol (p, &end, 10);
  if (first <= 0 || first > 999)
    return FALSE;

  *day = (int) first;
  *total = MP2_CALL_SHEET_NO_NUMBER;

  p = end;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "of") || g_str_has_prefix (p, "z ") || g_str_has_prefix (p, "von")
      || g_str_has_prefix (p, "/") || g_str_has_prefix (p, "OF") || g_str_has_prefix (p, "Z "))
    {
      long second;

      while (*p != '\0' && !g_ascii_isdigit (*p))
        p++;
      second = strtol (p, &end, 10);
      if (second > 0 && second <= 999)
        *total = (int) second;
    }

  return TRUE;
}

static gboolean
value_is_valid (Mp2Parser  *parser,
                Mp2Term     term,
                const char *value)
{
  Mp2ParsedDate date;
  int day, total;

  switch ((int) term)
    {
    case MP2_TERM_DATE:
      return mp2_date_find (value, parser->date_order, &date, NULL, NULL) && date.year > 0;
    case MP2_TERM_DAY:
      return parse_day_numbers (value, &day, &total);
    case MP2_TERM_CREW_CALL:
    case MP2_TERM_PRODUCTION_CALL:
    case MP2_TERM_SHOOTING_CALL:
    case MP2_TERM_BREAKFAST:
    case MP2_TERM_LUNCH:
    case MP2_TERM_WRAP:
    case MP2_TERM_SUNRISE:
    case MP2_TERM_SUNSET:
      return mp2_parser_parse_time (parser, value, FALSE) != MP2_NO_TIME;
    case MP2_TERM_PRODUCTION:
      return mp2_text_count_letters (value) >= 2;
    default:
      return FALSE;
    }
}

/* Labels ---------------------------------------------------------------------- */

static gboolean
is_label_at (GArray      *tokens,
             guint        index,
             const char  *text,
             gboolean     segment_start,
             Mp2LexMatch *match)
{
  const Mp2Token *last;

  if (!mp2_lexicon_match_at (tokens, index, MP2_LEX_FIELD, 0, match))
    return FALSE;

  last = &g_array_index (tokens, Mp2Token, index + match->n_tokens - 1);

  /* Inside a cell, only "Label:" starts a new value; a short word such as "Call" or
   * "Day" only at the start of its segment. */
  if (!segment_start)
    return text[last->end] == ':' && !(match->entry->flags & MP2_LEX_FLAG_SHORT);

  /* The production title's label is a word too common to trust without a colon. */
  if (match->entry->term == MP2_TERM_PRODUCTION || match->entry->term == MP2_TERM_EPISODE)
    return text[last->end] == ':';

  return TRUE;
}

static gboolean
is_any_label (const char *text)
{
  Mp2LexMatch match;
  GArray *tokens = mp2_text_tokenize (text);
  gboolean label;

  label = mp2_lexicon_match_at (tokens, 0, MP2_LEX_FIELD, 0, &match)
          || mp2_lexicon_match_at (tokens, 0, MP2_LEX_LOCATION, 0, &match)
          || mp2_lexicon_match_at (tokens, 0, MP2_LEX_SECTION, 0, &match);
  if (label && match.n_tokens < tokens->len)
    label = strchr (text, ':') != NULL;
  mp2_tokens_free (tokens);

  return label;
}

static int
score_candidate (Mp2TextCell       *cell,
                 const Mp2LexMatch *match,
                 gboolean           at_start)
{
  int score = 0;

  if (cell->page == 0)
    score += 1000;
  if (!(match->entry->flags & MP2_LEX_FLAG_SHORT))
    score += 200;
  if (at_start)
    score += 100;

  /* Earlier is better, but a bigger font beats a smaller one. */
  score += (int) (cell->size * 2);
  score -= (int) MIN (cell->line, 99);

  return score;
}

static void
offer (Candidates  *candidates,
       Mp2Term      term,
       Mp2TextCell *cell,
       const char  *value,
       int          score)
{
  Candidate *best = &candidates->best[term];

  if (best->value != NULL && best->score >= score)
    return;

  g_free (best->value);
  best->term = term;
  best->cell = cell;
  best->value = g_strdup (value);
  best->score = score;
}

/* The value of a label that has its cell to itself: in the next cell to its right,
 * or in a cell below it in the same column. */
static Mp2TextCell *
find_value_right (Mp2Parser   *parser,
                  Mp2TextCell *label,
                  Mp2Term      term)
{
  Mp2TextCell *next = mp2_pdf_text_get_cell (parser->text, label->line, label->index + 1);

  if (next == NULL || next->used || is_any_label (next->text))
    return NULL;

  return value_is_valid (parser, term, next->text) ? next : NULL;
}

static Mp2TextCell *
find_value_below (Mp2Parser   *parser,
                  Mp2TextCell *label,
                  Mp2Term      term)
{
  double limit = label->box.y2 + BELOW_DISTANCE * label->size;

  for (guint i = label->line + 1; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      if (line->page != label->page || line->box.y1 > limit)
        return NULL;

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          if (cell->used || mp2_rect_overlap_x (&cell->box, &label->box) <= 0)
            continue;
          if (value_is_valid (parser, term, cell->text))
            return cell;
          if (is_any_label (cell->text))
            return NULL;
        }
    }

  return NULL;
}

static void
offer_alone (Mp2Parser         *parser,
             Candidates        *candidates,
             Mp2TextCell       *cell,
             const Mp2LexMatch *match)
{
  Mp2Term term = match->entry->term;
  Mp2TextCell *value = find_value_right (parser, cell, term);

  if (value == NULL)
    value = find_value_below (parser, cell, term);

  if (value != NULL)
    offer (candidates, term, value, value->text, score_candidate (cell, match, TRUE));
}

static gsize
next_label_start (GArray     *tokens,
                  guint       from,
                  const char *text,
                  gsize       limit)
{
  for (guint i = from; i < tokens->len; i++)
    {
      const Mp2Token *token = &g_array_index (tokens, Mp2Token, i);
      Mp2LexMatch match;

      if (token->start >= limit)
        break;
      if (is_label_at (tokens, i, text, FALSE, &match))
        return token->start;
    }

  return limit;
}

/* "Sunrise / Sunset: 7:01am / 6:22pm", "Breakfast/Lunch | 6:00/12:30": two labels
 * joined by a slash, and their values in the same order. Returns how many tokens the
 * labels took, or 0 when there is no such pair. */
static guint
read_label_pair (Mp2Parser         *parser,
                 Candidates        *candidates,
                 Mp2TextCell       *cell,
                 GArray            *tokens,
                 guint              first,
                 const Mp2LexMatch *match,
                 gsize              end,
                 int                score)
{
  guint slash = first + match->n_tokens;
  Mp2LexMatch second;
  Mp2TextCell *value_cell = cell;
  g_autofree char *value = NULL;
  g_auto(GStrv) parts = NULL;
  gsize value_start;

  if (slash + 1 >= tokens->len
      || !g_str_equal (g_array_index (tokens, Mp2Token, slash).norm, "/")
      || !mp2_lexicon_match_at (tokens, slash + 1, MP2_LEX_FIELD, 0, &second)
      || second.entry->term == match->entry->term)
    return 0;

  value_start = g_array_index (tokens, Mp2Token, slash + second.n_tokens).end;
  if (value_start < end)
    {
      g_autofree char *raw = g_strndup (cell->text + value_start, end - value_start);

      value = mp2_text_strip_punctuation (raw);
    }
  if (value == NULL || *value == '\0')
    {
      value_cell = mp2_pdf_text_get_cell (parser->text, cell->line, cell->index + 1);
      if (value_cell == NULL || value_cell->used)
        return 0;
      g_free (value);
      value = g_strdup (value_cell->text);
    }

  parts = g_strsplit (value, "/", 2);
  if (g_strv_length (parts) != 2
      || !value_is_valid (parser, match->entry->term, parts[0])
      || !value_is_valid (parser, second.entry->term, parts[1]))
    return 0;

  offer (candidates, match->entry->term, value_cell, g_strstrip (parts[0]), score);
  offer (candidates, second.entry->term, value_cell, g_strstrip (parts[1]), score);

  return slash + second.n_tokens - first;
}

static void
read_segment (Mp2Parser   *parser,
              Candidates  *candidates,
              Mp2TextCell *cell,
              GArray      *tokens,
              gsize        start,
              gsize        end)
{
  const char *text = cell->text;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Mp2Token *token = &g_array_index (tokens, Mp2Token, i);
      gboolean segment_start;
      Mp2LexMatch match;
      g_autofree char *raw = NULL;
      g_autofree char *value = NULL;
      gsize value_start, value_end;
      guint pair;

      if (token->start < start || token->start >= end)
        continue;

      segment_start = token->start == start
                      || (i > 0 && g_array_index (tokens, Mp2Token, i - 1).start < start);
      if (!is_label_at (tokens, i, text, segment_start, &match))
        continue;

      pair = read_label_pair (parser, candidates, cell, tokens, i, &match, end,
                              score_candidate (cell, &match, segment_start && start == 0));
      if (pair > 0)
        {
          i += pair - 1;
          continue;
        }

      value_start = g_array_index (tokens, Mp2Token, i + match.n_tokens - 1).end;
      value_end = next_label_start (tokens, i + match.n_tokens, text, end);
      raw = g_strndup (text + value_start, value_end - value_start);
      value = mp2_text_strip_punctuation (raw);

      if (value_is_valid (parser, match.entry->term, value))
        offer (candidates, match.entry->term, cell, value,
               score_candidate (cell, &match, segment_start && start == 0));
      else if (segment_start && start == 0 && value_end == strlen (text)
               && !mp2_text_has_digits (value))
        /* "Zbiórka ekipy:" or "Śniadanie (baza)" with the time in another cell */
        offer_alone (parser, candidates, cell, &match);

      i += match.n_tokens - 1;
    }
}

/* "PLAN ZDJĘCIOWY · Dzień 11 z 44" and "Paper Lanterns – Call Sheet – Day 44" hold
 * several pieces, each of which may start with a label. */
static const char *segment_separators[] = { " · ", " – ", " — ", " | ", " • " };

static gsize
next_segment_end (const char *text,
                  gsize       from)
{
  gsize end = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (segment_separators); i++)
    {
      const char *found = strstr (text + from, segment_separators[i]);

      if (found != NULL && (gsize) (found - text) < end)
        end = (gsize) (found - text);
    }

  return end;
}

static gsize
skip_separator (const char *text,
                gsize       at)
{
  for (guint i = 0; i < G_N_ELEMENTS (segment_separators); i++)
    if (g_str_has_prefix (text + at, segment_separators[i]))
      return at + strlen (segment_separators[i]);

  return at;
}

static void
read_cell (Mp2Parser   *parser,
           Candidates  *candidates,
           Mp2TextCell *cell)
{
  GArray *tokens = mp2_text_tokenize (cell->text);
  gsize length = strlen (cell->text);
  gsize start = 0;

  while (start < length)
    {
      gsize end = next_segment_end (cell->text, start);

      read_segment (parser, candidates, cell, tokens, start, end);
      start = skip_separator (cell->text, end);
      if (start == end)
        break;
    }

  mp2_tokens_free (tokens);
}

/* Applying the values --------------------------------------------------------- */

/**
 * mp2_parser_apply_date:
 * @parser: the parser
 * @date: the date read from @printed
 * @cell: the cell it was read from
 * @printed: the date as printed, for the warnings
 *
 * Sets the sheet's date, and warns when its printed weekday is another day's or
 * when it could be read either way round.
 */
void
mp2_parser_apply_date (Mp2Parser           *parser,
                       const Mp2ParsedDate *date,
                       const Mp2TextCell   *cell,
                       const char          *printed)
{
  mp2_call_sheet_set_date (parser->sheet, date->year, date->month, date->day);
  mp2_parser_set_box (parser, "date", cell);

  if (!mp2_date_weekday_matches (date))
    mp2_call_sheet_add_warning (parser->sheet,
                                /* Translators: %s is the date as printed on the call sheet */
                                _("The weekday printed with the date (%s) does not fall "
                                  "on that date: check the date."), printed);
  if (date->ambiguous && parser->date_order == MP2_DATE_ORDER_MONTH_FIRST)
    mp2_call_sheet_add_warning (parser->sheet,
                                /* Translators: %s is the date as printed on the call sheet, such as 03/04/2025 */
                                _("The date %s could be read day first or month first; "
                                  "it was read month first, as the sheet is in American "
                                  "English: check the date."), printed);
  else if (date->ambiguous)
    mp2_call_sheet_add_warning (parser->sheet,
                                /* Translators: %s is the date as printed on the call sheet, such as 03/04/2025 */
                                _("The date %s could be read day first or month first; "
                                  "it was read day first: check the date."), printed);
}

static void
apply_date (Mp2Parser *parser,
            Candidate *candidate)
{
  Mp2ParsedDate date;

  if (mp2_date_find (candidate->value, parser->date_order, &date, NULL, NULL))
    mp2_parser_apply_date (parser, &date, candidate->cell, candidate->value);
}

static void
apply_day (Mp2Parser *parser,
           Candidate *candidate)
{
  int day, total;

  if (!parse_day_numbers (candidate->value, &day, &total))
    return;

  mp2_call_sheet_set_shooting_day (parser->sheet, day);
  mp2_call_sheet_set_total_days (parser->sheet, total);
  mp2_parser_set_box (parser, "shooting_day", candidate->cell);
}

static const struct
{
  Mp2Term      term;
  Mp2TimeField field;
} time_terms[] = {
  { MP2_TERM_CREW_CALL, MP2_TIME_FIELD_CREW_CALL },
  { MP2_TERM_SHOOTING_CALL, MP2_TIME_FIELD_SHOOTING_CALL },
  { MP2_TERM_BREAKFAST, MP2_TIME_FIELD_BREAKFAST },
  { MP2_TERM_LUNCH, MP2_TIME_FIELD_LUNCH },
  { MP2_TERM_WRAP, MP2_TIME_FIELD_ESTIMATED_WRAP },
  { MP2_TERM_SUNRISE, MP2_TIME_FIELD_SUNRISE },
  { MP2_TERM_SUNSET, MP2_TIME_FIELD_SUNSET },
};

static void
apply_times (Mp2Parser  *parser,
             Candidates *candidates)
{
  for (guint i = 0; i < G_N_ELEMENTS (time_terms); i++)
    {
      Candidate *candidate = &candidates->best[time_terms[i].term];
      int minutes;

      if (candidate->value == NULL)
        continue;

      minutes = mp2_parser_parse_time (parser, candidate->value, FALSE);
      mp2_call_sheet_set_time (parser->sheet, time_terms[i].field, minutes);
      mp2_parser_set_box (parser, mp2_time_field_to_key (time_terms[i].field),
                          candidate->cell);
    }
}

static char *
strip_episode (const char *production)
{
  g_autofree char *copy = g_strdup (production);
  char *open = strchr (copy, '(');
  Mp2LexMatch match;

  if (open != NULL && mp2_lexicon_match_prefix (open + 1, MP2_LEX_FIELD, 0, &match)
      && match.entry->term == MP2_TERM_EPISODE)
    *open = '\0';

  return mp2_text_strip_punctuation (copy);
}

static void
apply_production (Mp2Parser *parser,
                  Candidate *candidate)
{
  g_autofree char *production = strip_episode (candidate->value);

  if (*production == '\0')
    return;

  mp2_call_sheet_set_production (parser->sheet, production);
  mp2_parser_set_box (parser, "production", candidate->cell);
}

/**
 * mp2_parser_read_fields:
 * @parser: a parser
 *
 * Reads the labelled values of the header band and of the schedule and weather
 * boxes into the sheet.
 */
void
mp2_parser_read_fields (Mp2Parser *parser)
{
  Candidates candidates = { 0 };

  for (guint i = 0; i < parser->text->lines->len; i++)
    {
      Mp2TextLine *line = mp2_pdf_text_get_line (parser->text, i);

      for (guint j = 0; j < line->cells->len; j++)
        {
          Mp2TextCell *cell = g_ptr_array_index (line->cells, j);

          if (!cell->used && is_field_section (parser, cell))
            read_cell (parser, &candidates, cell);
        }
    }

  if (candidates.best[MP2_TERM_DATE].value != NULL)
    apply_date (parser, &candidates.best[MP2_TERM_DATE]);
  if (candidates.best[MP2_TERM_DAY].value != NULL)
    apply_day (parser, &candidates.best[MP2_TERM_DAY]);
  if (candidates.best[MP2_TERM_PRODUCTION].value != NULL)
    apply_production (parser, &candidates.best[MP2_TERM_PRODUCTION]);
  apply_times (parser, &candidates);

  if (candidates.best[MP2_TERM_CREW_CALL].value != NULL)
    parser->evidence += 3;
  if (candidates.best[MP2_TERM_DAY].value != NULL)
    parser->evidence += 1;

  candidates_clear (&candidates);
}
