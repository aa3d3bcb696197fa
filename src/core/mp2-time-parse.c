/* mp2-time-parse.c
 *
 * Times of day and dates as call sheets print them, in English, Polish and German:
 * "7:00am", "19.30", "ca. 19:00", "12:00–13:00", "01:30 (+1)", "Thursday, March 14,
 * 2024", "czwartek, 14 marca 2024", "Do., 14.3.24". Small hand-written scanners, run
 * on every cell of every sheet: they read only the valid UTF-8 at the start of their
 * input, allocate little, and compare words without case or diacritics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-time-parse"

#include "config.h"

#include "mp2-time-parse.h"

#include <string.h>

#define MINUTES_PER_DAY (24 * 60)
#define NOON            (12 * 60)
/* Folded words longer than this are in none of the tables. */
#define KEY_SIZE        24
/* How far past its first token a date can reach: "Thursday, 14th of March, '24 r. (czw.)". */
#define LOOKAHEAD       24
#define PLACEHOLDER_SIZE 64

/* Words and tables */

enum
{
  NAME_SHORT    = 1 << 0, /* an abbreviation: "Mar", "czw", "Do" */
  NAME_CAPITAL  = 1 << 1, /* also an ordinary word ("do", "so", "mi"): only with a capital */
  NAME_TRAILING = 1 << 2, /* a hedge that may follow the time too: "19:00 ca." */
};

typedef struct
{
  const char *key;   /* folded: lower case, no diacritics */
  int         value;
  int         flags;
} Name;

#define S NAME_SHORT
#define C (NAME_SHORT | NAME_CAPITAL)
#define T NAME_TRAILING

static const Name month_names[] = {
  { "january", 1, 0 }, { "jan", 1, S }, { "januar", 1, 0 }, { "janner", 1, 0 },
  { "jaenner", 1, 0 }, { "styczen", 1, 0 }, { "stycznia", 1, 0 }, { "sty", 1, S },
  { "february", 2, 0 }, { "feb", 2, S }, { "februar", 2, 0 }, { "feber", 2, 0 },
  { "luty", 2, 0 }, { "lutego", 2, 0 }, { "lut", 2, S },
  { "march", 3, 0 }, { "mar", 3, S }, { "marz", 3, 0 }, { "maerz", 3, 0 }, { "mrz", 3, S },
  { "marzec", 3, 0 }, { "marca", 3, 0 },
  { "april", 4, 0 }, { "apr", 4, S }, { "kwiecien", 4, 0 }, { "kwietnia", 4, 0 },
  { "kwi", 4, S },
  /* English "may" is also a verb: a date needs more than "may 5" */
  { "may", 5, S }, { "mai", 5, 0 }, { "maj", 5, 0 }, { "maja", 5, 0 },
  { "june", 6, 0 }, { "jun", 6, S }, { "juni", 6, 0 }, { "czerwiec", 6, 0 },
  { "czerwca", 6, 0 }, { "cze", 6, S },
  { "july", 7, 0 }, { "jul", 7, S }, { "juli", 7, 0 }, { "lipiec", 7, 0 },
  { "lipca", 7, 0 }, { "lip", 7, S },
  { "august", 8, 0 }, { "aug", 8, S }, { "sierpien", 8, 0 }, { "sierpnia", 8, 0 },
  { "sie", 8, S },
  { "september", 9, 0 }, { "sep", 9, S }, { "sept", 9, S }, { "wrzesien", 9, 0 },
  { "wrzesnia", 9, 0 }, { "wrz", 9, S },
  { "october", 10, 0 }, { "oct", 10, S }, { "oktober", 10, 0 }, { "okt", 10, S },
  { "pazdziernik", 10, 0 }, { "pazdziernika", 10, 0 }, { "paz", 10, S },
  { "november", 11, 0 }, { "nov", 11, S }, { "listopad", 11, 0 }, { "listopada", 11, 0 },
  { "lis", 11, S },
  { "december", 12, 0 }, { "dec", 12, S }, { "dezember", 12, 0 }, { "dez", 12, S },
  { "grudzien", 12, 0 }, { "grudnia", 12, 0 }, { "gru", 12, S },
};

static const Name weekday_names[] = {
  { "monday", 1, 0 }, { "mon", 1, S }, { "montag", 1, 0 }, { "mo", 1, C },
  { "poniedzialek", 1, 0 }, { "pon", 1, S }, { "pn", 1, S },
  { "tuesday", 2, 0 }, { "tue", 2, S }, { "tues", 2, S }, { "dienstag", 2, 0 },
  { "di", 2, C }, { "wtorek", 2, 0 }, { "wt", 2, S },
  { "wednesday", 3, 0 }, { "wed", 3, S }, { "mittwoch", 3, 0 }, { "mi", 3, C },
  { "sroda", 3, 0 }, { "srode", 3, 0 }, { "sr", 3, S },
  { "thursday", 4, 0 }, { "thu", 4, S }, { "thur", 4, S }, { "thurs", 4, S },
  { "donnerstag", 4, 0 }, { "do", 4, C }, { "czwartek", 4, 0 }, { "czw", 4, S },
  { "friday", 5, 0 }, { "fri", 5, S }, { "freitag", 5, 0 }, { "fr", 5, C },
  { "piatek", 5, 0 }, { "pt", 5, S },
  { "saturday", 6, 0 }, { "sat", 6, S }, { "samstag", 6, 0 }, { "sonnabend", 6, 0 },
  { "sa", 6, C }, { "sobota", 6, 0 }, { "sobote", 6, 0 }, { "sob", 6, S }, { "sb", 6, S },
  { "sunday", 7, 0 }, { "sun", 7, S }, { "sonntag", 7, 0 }, { "so", 7, C },
  { "niedziela", 7, 0 }, { "niedziele", 7, 0 }, { "niedz", 7, S }, { "nd", 7, S },
  { "ndz", 7, S },
};

/* Words before (and, marked T, after) a time: "ca. 19:00", "o 7:00", "od 12 do 13 Uhr" */
static const Name hedge_words[] = {
  { "ca", 0, T }, { "circa", 0, T }, { "ok", 0, T }, { "okolo", 0, T }, { "etwa", 0, T },
  { "approx", 0, T }, { "est", 0, T }, { "godz", 0, 0 }, { "o", 0, 0 }, { "um", 0, 0 },
  { "at", 0, 0 }, { "gegen", 0, 0 }, { "od", 0, 0 }, { "von", 0, 0 }, { "from", 0, 0 },
  { "ab", 0, 0 },
};

/* Times written as words, in minutes */
static const Name clock_words[] = {
  { "noon", NOON, 0 }, { "midday", NOON, 0 }, { "poludnie", NOON, 0 },
  { "mittag", NOON, 0 },
  { "midnight", 0, 0 }, { "polnoc", 0, 0 }, { "mitternacht", 0, 0 },
};

#undef S
#undef C
#undef T

static const gunichar hedge_symbols[] = { '~', '@', 0x2248 /* ≈ */, '(' };

static const char * const range_words[] = { "to", "do", "bis", "until", "till", "til" };

static const char * const ordinal_suffixes[] = { "st", "nd", "rd", "th" };

static const char * const roman_months[] = {
  "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
};

/* Folded, without dots, spaces squeezed; a cell of dashes only is one too */
static const char * const placeholders[] = {
  "o/c", "oc", "self", "n/r", "nr", "w/n", "tbc", "tba", "tbd", "n/a", "per ad",
  "as per ad", "on call", "pre-call", "precall", "pre call", "s/d", "self drive",
  "wlasny", "wlasny dojazd", "wg ustalen", "wg ii rez", "na wezwanie",
  "do potwierdzenia", "nach absprache", "auf abruf",
};

static const Name *
lookup_name (const Name *names,
             gsize       n_names,
             const char *key)
{
  if (key[0] == '\0')
    return NULL;

  for (gsize i = 0; i < n_names; i++)
    if (strcmp (names[i].key, key) == 0)
      return &names[i];

  return NULL;
}

static gboolean
contains_word (const char * const *words,
               gsize               n_words,
               const char         *key)
{
  for (gsize i = 0; i < n_words; i++)
    if (strcmp (words[i], key) == 0)
      return TRUE;

  return FALSE;
}

static int
lookup_roman (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (roman_months); i++)
    if (strcmp (roman_months[i], key) == 0)
      return i + 1;

  return 0;
}

/* Characters */

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static gboolean
is_letter (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* What joins the parts of "14.03.2024", "416.555.0123" or "12:30" */
static gboolean
is_number_glue (gunichar c)
{
  return c == '.' || c == ':' || c == '/' || c == ',' || c == '+' || is_dash (c);
}

static gboolean
is_currency (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL;
}

static gunichar
fold_symbol (gunichar c)
{
  if (is_dash (c))
    return '-';
  if (c == 0x2018 || c == 0x2019)
    return '\'';
  return c;
}

static gunichar
peek_char (const char *p,
           const char *limit)
{
  return p < limit ? g_utf8_get_char (p) : 0;
}

static const char *
skip_spaces (const char *p,
             const char *limit)
{
  while (p < limit && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/* The end of the valid UTF-8 at the start of @text: nothing is read past it. */
static const char *
find_valid_end (const char *text)
{
  const char *limit = NULL;

  g_utf8_validate (text, -1, &limit);

  return limit;
}

/* Folding */

static gboolean
append_char (char     *out,
             gsize     out_size,
             gsize    *len,
             gunichar  c)
{
  char buf[6];
  int n = g_unichar_to_utf8 (c, buf);

  if (*len + n >= out_size)
    return FALSE;

  memcpy (out + *len, buf, n);
  *len += n;
  out[*len] = '\0';

  return TRUE;
}

static gboolean
is_ascii (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;

  return TRUE;
}

/* See fold_text(); @out is left empty when it fails. */
static gboolean
fold_unicode (const char *text,
              gsize       len,
              char       *out,
              gsize       out_size)
{
  g_autofree char *folded = g_utf8_casefold (text, len);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  gsize n = 0;

  out[0] = '\0';
  if (decomposed == NULL)
    return FALSE;

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0142) /* ł does not decompose */
        c = 'l';
      if (!append_char (out, out_size, &n, fold_symbol (c)))
        {
          out[0] = '\0';
          return FALSE;
        }
    }

  return TRUE;
}

/* Folds @len bytes of valid UTF-8 into @out: lower case, no diacritics, "ł" as "l",
 * "ß" as "ss" and any dash as "-", so that "Października" meets "pazdziernika".
 * Returns %FALSE, with @out empty, when the result does not fit. */
static gboolean
fold_text (const char *text,
           gsize       len,
           char       *out,
           gsize       out_size)
{
  out[0] = '\0';
  if (len >= 4 * out_size)
    return FALSE;
  if (!is_ascii (text, len))
    return fold_unicode (text, len, out, out_size);
  if (len >= out_size)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    out[i] = g_ascii_tolower (text[i]);
  out[len] = '\0';

  return TRUE;
}

/* Reads a run of letters at @p into @key, folded ("" when too long for any table). */
static const char *
read_word (const char *p,
           const char *limit,
           char        key[KEY_SIZE])
{
  const char *start = p;

  while (p < limit && is_letter (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  fold_text (start, p - start, key, KEY_SIZE);

  return p;
}

static const char *
read_number (const char *p,
             const char *limit,
             int        *value,
             int        *n_digits)
{
  *value = 0;
  *n_digits = 0;

  for (; p < limit && is_digit (*p); p++)
    {
      if (*n_digits < 9)
        *value = *value * 10 + (*p - '0');
      if (*n_digits < 99)
        *n_digits += 1;
    }

  return p;
}

/* Times */

typedef enum
{
  MERIDIEM_NONE,
  MERIDIEM_AM,
  MERIDIEM_PM,
} Meridiem;

/* One time as written, before the range around it decides am or pm. */
typedef struct
{
  int         hour;
  int         minute;
  Meridiem    meridiem;
  gboolean    qualified;   /* minutes, am/pm, "Uhr", "h" or four digits: a time alone */
  gboolean    fixed;       /* a word: "noon", "północ" */
  gboolean    four_digits; /* "0730" */
  gboolean    minutes;     /* ":30", ".30" or "h30" written */
  const char *end;
} Clock;

typedef struct
{
  const char        *limit;
  Mp2TimeParseFlags  flags;
} TimeScan;

static const Mp2ParsedTime no_time = { MP2_NO_TIME, MP2_NO_TIME, FALSE, FALSE };

static const char *
skip_hedge (const TimeScan *scan,
            const char     *p,
            int             required_flags)
{
  char key[KEY_SIZE];
  gunichar c = peek_char (p, scan->limit);
  const Name *hedge;
  const char *q;

  for (guint i = 0; i < G_N_ELEMENTS (hedge_symbols); i++)
    if (c == hedge_symbols[i])
      return g_utf8_next_char (p);

  q = read_word (p, scan->limit, key);
  hedge = lookup_name (hedge_words, G_N_ELEMENTS (hedge_words), key);
  if (q == p || hedge == NULL || (hedge->flags & required_flags) != required_flags)
    return NULL;

  return peek_char (q, scan->limit) == '.' ? q + 1 : q;
}

static const char *
skip_hedges (const TimeScan *scan,
             const char     *p)
{
  const char *q = skip_spaces (p, scan->limit);
  const char *r;

  while ((r = skip_hedge (scan, q, 0)) != NULL)
    q = skip_spaces (r, scan->limit);

  return q;
}

/* A clock word followed by a number is a label: "Mittag: 13:00". */
static gboolean
is_label (const TimeScan *scan,
          const char     *p)
{
  const char *q = skip_spaces (p, scan->limit);

  if (peek_char (q, scan->limit) == ':')
    q = skip_spaces (q + 1, scan->limit);

  return is_digit (peek_char (q, scan->limit));
}

/* After a time: no letter or digit, and not the rest of "14.03.2024" or "12:30:45:1". */
static gboolean
is_clean_end (const TimeScan *scan,
              const char     *p)
{
  gunichar c = peek_char (p, scan->limit);

  if (is_word_char (c))
    return FALSE;
  if (c == '.' || c == ':')
    return !is_digit (peek_char (p + 1, scan->limit));

  return TRUE;
}

static void
set_clock_word (Clock *clock,
                int    minutes)
{
  clock->hour = minutes / 60;
  clock->minute = minutes % 60;
  clock->meridiem = minutes < NOON ? MERIDIEM_AM : MERIDIEM_PM;
  clock->fixed = TRUE;
  clock->qualified = TRUE;
}

static gboolean
parse_clock_word (const TimeScan *scan,
                  const char     *p,
                  Clock          *clock)
{
  char key[KEY_SIZE];
  const char *q = read_word (p, scan->limit, key);
  const Name *word = lookup_name (clock_words, G_N_ELEMENTS (clock_words), key);

  if (word == NULL || is_label (scan, q) || !is_clean_end (scan, q))
    return FALSE;

  set_clock_word (clock, word->value);
  clock->end = q;

  return TRUE;
}

/* Skips the "m" of "am", "a.m." or "a.m" after the "a" at @p; returns @p if none. */
static const char *
skip_meridiem_m (const TimeScan *scan,
                 const char     *p)
{
  const char *q = p;
  gboolean dotted = peek_char (q, scan->limit) == '.';

  if (dotted)
    q++;
  if (g_unichar_tolower (peek_char (q, scan->limit)) != 'm')
    return p;
  q++;
  if (dotted && peek_char (q, scan->limit) == '.')
    q++;

  return q;
}

/* "am", "PM", "a.m.", or a lone "a"/"p" right after the digits ("7a", "7:00p"). */
static const char *
read_meridiem (const TimeScan *scan,
               const char     *p,
               Clock          *clock)
{
  const char *q = skip_spaces (p, scan->limit);
  gunichar letter = g_unichar_tolower (peek_char (q, scan->limit));
  const char *r;

  if (letter != 'a' && letter != 'p')
    return p;

  r = skip_meridiem_m (scan, q + 1);
  if ((r == q + 1 && q != p) || is_word_char (peek_char (r, scan->limit)))
    return p;

  clock->meridiem = letter == 'a' ? MERIDIEM_AM : MERIDIEM_PM;
  clock->qualified = TRUE;

  return r;
}

/* "7 Uhr", "7:00 Uhr", "7h", "19:00h", and "0700 hrs" for military times. */
static const char *
read_hour_mark (const TimeScan *scan,
                const char     *p,
                Clock          *clock)
{
  char key[KEY_SIZE];
  const char *q = skip_spaces (p, scan->limit);
  const char *r = read_word (q, scan->limit, key);
  gboolean glued_h = q == p && strcmp (key, "h") == 0;
  gboolean hours = clock->four_digits && (strcmp (key, "hrs") == 0 || strcmp (key, "hr") == 0);

  if (strcmp (key, "uhr") != 0 && !glued_h && !hours)
    return p;

  clock->qualified = TRUE;

  return r;
}

/* "12 noon", "12:00 midnight" */
static const char *
read_twelve_word (const TimeScan *scan,
                  const char     *p,
                  Clock          *clock)
{
  char key[KEY_SIZE];
  const char *q = skip_spaces (p, scan->limit);
  const char *r = read_word (q, scan->limit, key);
  const Name *word = lookup_name (clock_words, G_N_ELEMENTS (clock_words), key);

  if (word == NULL || clock->hour != 12 || clock->minute != 0)
    return p;

  set_clock_word (clock, word->value);

  return r;
}

static const char *
read_suffix (const TimeScan *scan,
             const char     *p,
             Clock          *clock)
{
  const char *q = read_meridiem (scan, p, clock);

  if (q == p)
    q = read_hour_mark (scan, p, clock);
  if (q == p)
    q = read_twelve_word (scan, p, clock);

  return q;
}

/* ":30", ".30" or "h30" after the hour, and ":45" seconds after ":30". */
static const char *
read_minutes (const TimeScan *scan,
              const char     *p,
              Clock          *clock)
{
  gunichar separator = peek_char (p, scan->limit);
  int value, n_digits;
  const char *q;

  if (separator != ':' && separator != '.' && separator != 'h' && separator != 'H')
    return p;

  q = read_number (p + 1, scan->limit, &value, &n_digits);
  if (n_digits != 2)
    return p;

  clock->minute = value;
  clock->qualified = TRUE;
  clock->minutes = TRUE;
  if (separator == ':' && peek_char (q, scan->limit) == ':')
    {
      const char *r = read_number (q + 1, scan->limit, &value, &n_digits);

      q = n_digits == 2 && value < 60 ? r : q;
    }

  return q;
}

static const char *
read_four_digits (const TimeScan *scan,
                  const char     *p,
                  int             value,
                  Clock          *clock)
{
  if ((scan->flags & MP2_TIME_PARSE_FOUR_DIGITS) == 0)
    return NULL;

  clock->hour = value / 100;
  clock->minute = value % 100;
  clock->four_digits = TRUE;
  clock->qualified = TRUE;

  return read_hour_mark (scan, p, clock);
}

static gboolean
parse_clock_digits (const TimeScan *scan,
                    const char     *p,
                    Clock          *clock)
{
  int value, n_digits;
  const char *q = read_number (p, scan->limit, &value, &n_digits);

  if (n_digits == 4)
    {
      q = read_four_digits (scan, q, value, clock);
    }
  else if (n_digits == 1 || n_digits == 2)
    {
      clock->hour = value;
      q = read_suffix (scan, read_minutes (scan, q, clock), clock);
    }
  else
    {
      return FALSE;
    }

  clock->end = q;

  return q != NULL && is_clean_end (scan, q);
}

/* One time at @p, with no hedge before it. A bare hour ("7") is read but not qualified. */
static gboolean
parse_clock (const TimeScan *scan,
             const char     *p,
             Clock          *clock)
{
  memset (clock, 0, sizeof *clock);

  if (is_letter (peek_char (p, scan->limit)))
    return parse_clock_word (scan, p, clock);

  return parse_clock_digits (scan, p, clock);
}

static int
get_twelve_hour_minutes (const Clock *clock)
{
  int hour;

  if (clock->hour < 1 || clock->hour > 12)
    return MP2_NO_TIME;

  hour = clock->hour % 12 + (clock->meridiem == MERIDIEM_PM ? 12 : 0);

  return hour * 60 + clock->minute;
}

/* The minutes of @clock, or MP2_NO_TIME; "25:30" is 01:30 and sets @next_day. */
static int
get_clock_minutes (const Clock *clock,
                   gboolean    *next_day)
{
  if (clock->fixed)
    return clock->hour * 60 + clock->minute;
  if (clock->minute > 59)
    return MP2_NO_TIME;
  if (clock->meridiem != MERIDIEM_NONE)
    return get_twelve_hour_minutes (clock);
  if (clock->hour < 24)
    return clock->hour * 60 + clock->minute;
  if (clock->four_digits || clock->hour > 30)
    return MP2_NO_TIME;

  *next_day = TRUE;

  return (clock->hour - 24) * 60 + clock->minute;
}

/* A time that could be am or pm: "11:30" before "1pm", "9" after "7pm". */
static gboolean
is_open_twelve_hour (const Clock *clock)
{
  return clock->meridiem == MERIDIEM_NONE && !clock->four_digits &&
         clock->hour >= 1 && clock->hour <= 12;
}

/* The reading of @clock, am or pm, nearest after (or before) @from. */
static int
pick_half_day (const Clock *clock,
               int          from,
               gboolean     after)
{
  int am = (clock->hour % 12) * 60 + clock->minute;
  int pm = am + NOON;
  int am_gap = after ? am - from : from - am;
  int pm_gap = after ? pm - from : from - pm;

  am_gap = (am_gap + 2 * MINUTES_PER_DAY) % MINUTES_PER_DAY;
  pm_gap = (pm_gap + 2 * MINUTES_PER_DAY) % MINUTES_PER_DAY;

  return pm_gap < am_gap ? pm : am;
}

/* "10-11am", "11:30-1pm", "7pm-9:00": am or pm written once applies to both ends. */
static void
resolve_range (const Clock       *start,
               const Clock       *end,
               Mp2TimeParseFlags  flags,
               Mp2ParsedTime     *time)
{
  gboolean end_next_day = FALSE;
  int end_minutes = get_clock_minutes (end, &end_next_day);
  gboolean twelve_hour = (flags & MP2_TIME_PARSE_TWELVE_HOUR) != 0;

  if (is_open_twelve_hour (start) && end->meridiem != MERIDIEM_NONE)
    time->minutes = pick_half_day (start, end_minutes, FALSE);
  else if (is_open_twelve_hour (end) && (start->meridiem != MERIDIEM_NONE || twelve_hour))
    end_minutes = pick_half_day (end, time->minutes, TRUE);

  time->end_minutes = end_minutes;
  time->meridiem = time->meridiem || end->meridiem != MERIDIEM_NONE;
}

/* The dash, "to", "do" or "bis" of a range; NULL when there is none. */
static const char *
skip_range_connector (const TimeScan *scan,
                      const char     *p)
{
  char key[KEY_SIZE];
  const char *q = skip_spaces (p, scan->limit);
  const char *r;

  if (is_dash (peek_char (q, scan->limit)))
    return g_utf8_next_char (q);
  if (q == p)
    return NULL;

  r = read_word (q, scan->limit, key);
  if (!contains_word (range_words, G_N_ELEMENTS (range_words), key) ||
      !is_space (peek_char (r, scan->limit)))
    return NULL;

  return r;
}

/* A number glued on after a time that is no range end: the "-03-14" of "2024-03-14",
 * the "-4567" of "0123-4567"; after four digits also "/03/14". */
static gboolean
is_dangling_number (const TimeScan *scan,
                    const Clock    *clock)
{
  gunichar c = peek_char (clock->end, scan->limit);

  if (!is_dash (c) && !(c == '/' && clock->four_digits))
    return FALSE;

  return is_digit (peek_char (g_utf8_next_char (clock->end), scan->limit));
}

/* The end of a range after @start; a bare hour will do after minutes or am/pm:
 * "6:30-7", "7pm-9". */
static gboolean
parse_range_end (const TimeScan *scan,
                 const Clock    *start,
                 Clock          *end)
{
  const char *q = skip_range_connector (scan, start->end);
  gboolean next_day = FALSE;

  if (q == NULL || !parse_clock (scan, skip_spaces (q, scan->limit), end))
    return FALSE;
  if (!end->qualified && !start->minutes && start->meridiem == MERIDIEM_NONE)
    return FALSE;
  if (!end->qualified && is_dangling_number (scan, end))
    return FALSE;

  return get_clock_minutes (end, &next_day) != MP2_NO_TIME;
}

/* "(+1)", "( +1 )" or "+1" after a time; NULL when there is none. */
static const char *
skip_plus_one (const TimeScan *scan,
               const char     *p)
{
  gboolean parenthesis = peek_char (p, scan->limit) == '(';
  const char *q = skip_spaces (parenthesis ? p + 1 : p, scan->limit);

  if (peek_char (q, scan->limit) != '+' || peek_char (q + 1, scan->limit) != '1')
    return NULL;

  q += 2;
  if (is_word_char (peek_char (q, scan->limit)))
    return NULL;
  if (!parenthesis)
    return q;

  q = skip_spaces (q, scan->limit);

  return peek_char (q, scan->limit) == ')' ? q + 1 : NULL;
}

/* Marks after a time: "?" and "(+1)". */
static const char *
read_marks (const TimeScan *scan,
            const char     *p,
            Mp2ParsedTime  *time)
{
  for (guint i = 0; i < 4; i++)
    {
      const char *q = skip_spaces (p, scan->limit);
      const char *r = skip_plus_one (scan, q);

      if (peek_char (q, scan->limit) == '?')
        r = q + 1;
      else if (r != NULL)
        time->next_day = TRUE;
      else
        break;
      p = r;
    }

  return p;
}

/* A time or a range at @p, with its marks; returns where it ends, or NULL. */
static const char *
parse_time_value (const TimeScan *scan,
                  const char     *p,
                  Mp2ParsedTime  *time)
{
  Clock start, end;
  gboolean has_end;

  *time = no_time;
  if (!parse_clock (scan, p, &start))
    return NULL;

  has_end = parse_range_end (scan, &start, &end);
  if ((!start.qualified || is_dangling_number (scan, &start)) && !has_end)
    return NULL;

  time->minutes = get_clock_minutes (&start, &time->next_day);
  if (time->minutes == MP2_NO_TIME)
    return NULL;

  time->meridiem = start.meridiem != MERIDIEM_NONE;
  if (has_end)
    resolve_range (&start, &end, scan->flags, time);

  return read_marks (scan, has_end ? end.end : start.end, time);
}

/* Only spaces, punctuation and hedges ("19:00 (est.)") after @p. */
static gboolean
is_rest_empty (const TimeScan *scan,
               const char     *p)
{
  const char *q = p;

  for (;;)
    {
      const char *r = skip_spaces (q, scan->limit);
      const char *s = skip_hedge (scan, r, NAME_TRAILING);

      if (r < scan->limit && strchr (".,;:!?()", *r) != NULL)
        s = r + 1;
      if (s == NULL)
        s = r;
      if (s == q)
        break;
      q = s;
    }

  return q == scan->limit && *q == '\0';
}

/**
 * mp2_time_parse:
 * @text: a cell or the text after a label
 * @flags: what to accept
 * @time: (out) (optional): the time; %MP2_NO_TIME in it when there is none
 * @end: (out) (optional): where the time and its marks end, or @text on failure
 *
 * Reads a time of day, or a range, at the start of @text after spaces and hedges
 * ("ca.", "ok.", "~", "godz.", "o", "um", "at", "@"): "7:00 AM", "7a", "19.30", "7h00",
 * "7 Uhr", "noon", "12:00–13:00", "od 12 do 13 Uhr", "10-11am", "25:30", "01:30 (+1)".
 * A bare number ("7"), a date ("14.03.2024") or a phone number is not a time.
 *
 * Returns: %TRUE if @text starts with a time
 */
gboolean
mp2_time_parse (const char         *text,
                Mp2TimeParseFlags   flags,
                Mp2ParsedTime      *time,
                const char        **end)
{
  TimeScan scan = { NULL, flags };
  Mp2ParsedTime parsed = no_time;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  scan.limit = find_valid_end (text);
  p = parse_time_value (&scan, skip_hedges (&scan, text), &parsed);
  if (p != NULL && (flags & MP2_TIME_PARSE_WHOLE) && !is_rest_empty (&scan, p))
    p = NULL;

  if (time != NULL)
    *time = p != NULL ? parsed : no_time;
  if (end != NULL)
    *end = p != NULL ? p : text;

  return p != NULL;
}

/* A time starts at a word boundary, not inside "416.555.0123" or after "$". */
static gboolean
is_time_start (gunichar before,
               gunichar prev,
               gunichar c)
{
  if (is_word_char (prev) || is_currency (prev))
    return FALSE;
  if (is_digit (c))
    return !is_number_glue (prev) || !is_digit (before);

  c = g_unichar_tolower (c);

  return c == 'n' || c == 'm' || c == 'p';
}

/* Whether a weekday name ends right before @p, past spaces, dots and commas. */
static gboolean
follows_weekday (const char *text,
                 const char *p)
{
  const char *word_end;
  const Name *weekday;
  char key[KEY_SIZE];

  while (p > text && (is_space (g_utf8_get_char (g_utf8_prev_char (p))) ||
                      p[-1] == '.' || p[-1] == ','))
    p = g_utf8_prev_char (p);

  word_end = p;
  while (p > text && word_end - p <= KEY_SIZE &&
         is_letter (g_utf8_get_char (g_utf8_prev_char (p))))
    p = g_utf8_prev_char (p);
  if (word_end - p > KEY_SIZE || (p > text && is_digit (p[-1])) || /* the "nd" of "2nd" */
      !fold_text (p, word_end - p, key, KEY_SIZE))
    return FALSE;

  weekday = lookup_name (weekday_names, G_N_ELEMENTS (weekday_names), key);

  return weekday != NULL &&
         ((weekday->flags & NAME_CAPITAL) == 0 || g_unichar_isupper (g_utf8_get_char (p)));
}

/* Whether the time found at [@p, @end) is the "14.03" of "czw. 14.03": a date. */
static gboolean
is_weekday_date (const char *text,
                 const char *p,
                 const char *end)
{
  gsize n = end - p;

  return (n == 4 || n == 5) && p[n - 3] == '.' && follows_weekday (text, p);
}

/**
 * mp2_time_find:
 * @text: any text
 * @flags: what to accept; %MP2_TIME_PARSE_WHOLE is ignored
 * @time: (out) (optional): the first time in @text
 * @start: (out) (optional): where it starts (after any hedge), or %NULL
 * @end: (out) (optional): where it ends, or %NULL
 *
 * Finds the first time in @text that starts at a word boundary, with the rules of
 * mp2_time_parse(). A "14.03" right after a weekday ("czw. 14.03") is a date, and
 * skipped; elsewhere it is taken as 14:03, and the caller decides from the context.
 *
 * Returns: %TRUE if @text holds a time
 */
gboolean
mp2_time_find (const char         *text,
               Mp2TimeParseFlags   flags,
               Mp2ParsedTime      *time,
               const char        **start,
               const char        **end)
{
  TimeScan scan = { NULL, flags & ~MP2_TIME_PARSE_WHOLE };
  Mp2ParsedTime parsed = no_time;
  gunichar before = 0, prev = 0;
  const char *p, *q = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  scan.limit = find_valid_end (text);
  for (p = text; p < scan.limit; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_time_start (before, prev, c))
        q = parse_time_value (&scan, p, &parsed);
      if (q != NULL && !is_weekday_date (text, p, q))
        break;
      q = NULL;
      before = prev;
      prev = c;
    }

  if (time != NULL)
    *time = q != NULL ? parsed : no_time;
  if (start != NULL)
    *start = q != NULL ? p : NULL;
  if (end != NULL)
    *end = q;

  return q != NULL;
}

/**
 * mp2_time_format:
 * @minutes: minutes since midnight, or %MP2_NO_TIME
 *
 * Returns: (transfer full) (nullable): "HH:MM", or %NULL for %MP2_NO_TIME
 */
char *
mp2_time_format (int minutes)
{
  if (minutes == MP2_NO_TIME)
    return NULL;

  g_return_val_if_fail (minutes >= 0, NULL);

  minutes %= MINUTES_PER_DAY;

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/**
 * mp2_time_from_string:
 * @hh_mm: (nullable): exactly "HH:MM", as mp2_time_format() writes it
 *
 * Returns: minutes since midnight, or %MP2_NO_TIME
 */
int
mp2_time_from_string (const char *hh_mm)
{
  int hours, minutes;

  if (hh_mm == NULL || !is_digit (hh_mm[0]) || !is_digit (hh_mm[1]) || hh_mm[2] != ':' ||
      !is_digit (hh_mm[3]) || !is_digit (hh_mm[4]) || hh_mm[5] != '\0')
    return MP2_NO_TIME;

  hours = (hh_mm[0] - '0') * 10 + (hh_mm[1] - '0');
  minutes = (hh_mm[3] - '0') * 10 + (hh_mm[4] - '0');
  if (hours > 23 || minutes > 59)
    return MP2_NO_TIME;

  return hours * 60 + minutes;
}

/* Folds a cell for the placeholder table: no dots, spaces squeezed and trimmed. */
static gboolean
fold_placeholder (const char *text,
                  char       *out,
                  gsize       out_size)
{
  char folded[PLACEHOLDER_SIZE];
  gsize len = 0;
  gboolean space = FALSE;

  out[0] = '\0';
  if (!g_utf8_validate (text, -1, NULL) || !fold_text (text, strlen (text), folded, sizeof folded))
    return FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c) || c == '.')
        {
          space = space || is_space (c);
          continue;
        }
      if ((space && len > 0 && !append_char (out, out_size, &len, ' ')) ||
          !append_char (out, out_size, &len, c))
        return FALSE;
      space = FALSE;
    }

  return TRUE;
}

/**
 * mp2_time_is_placeholder:
 * @text: a cell where a time is expected
 *
 * Whether @text is one of the states that stand in a call column instead of a
 * time: empty, "O/C", "-", "Self", "N/R", "TBC", "Per AD", "On Call", "wg ustaleń",
 * "na wezwanie", "nach Absprache", "auf Abruf" and the like.
 *
 * Returns: %TRUE for a placeholder
 */
gboolean
mp2_time_is_placeholder (const char *text)
{
  char key[PLACEHOLDER_SIZE];

  g_return_val_if_fail (text != NULL, FALSE);

  if (!fold_placeholder (text, key, sizeof key))
    return FALSE;
  if (strspn (key, "-") == strlen (key))
    return TRUE;

  return contains_word (placeholders, G_N_ELEMENTS (placeholders), key);
}

/* Dates */

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
  TOKEN_SYMBOL,
} TokenKind;

typedef struct
{
  TokenKind    kind;
  const char  *start;
  const char  *end;
  gboolean     glued;     /* no space between this token and the one before */
  gunichar     symbol;    /* TOKEN_SYMBOL: the character, any dash as '-' */
  int          value;     /* TOKEN_NUMBER */
  int          n_digits;
  const Name  *month;     /* TOKEN_WORD: the month it names, or NULL */
  const Name  *weekday;   /* TOKEN_WORD: the weekday it names, or NULL */
  int          roman;     /* TOKEN_WORD: I..XII written in capitals, or 0 */
  gboolean     capital;   /* TOKEN_WORD: starts with a capital letter */
  char         key[KEY_SIZE];
} Token;

/* Tokens are read as the search goes, LOOKAHEAD ahead of it, and forgotten far behind
 * it, so that a long text costs little memory; the matchers only peek at them, at
 * most two tokens back. */
typedef struct
{
  const char   *cursor;
  const char   *limit;
  Mp2DateOrder  order;
  GArray       *tokens;
  guint         base;   /* the index of the first token kept in tokens */
} DateScan;

typedef struct
{
  int         year;
  int         month;
  int         day;
  int         weekday;
  gboolean    ambiguous;
  guint       next;   /* the token after the date */
  const char *start;
  const char *end;
} DateMatch;

typedef struct
{
  int      value;
  gboolean strong;    /* a full name or a dotted abbreviation: a date even without year */
} Month;

static gboolean
is_upper_word (const char *p,
               const char *end)
{
  for (; p < end; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static const char *
fill_word_token (Token      *token,
                 const char *p,
                 const char *limit)
{
  const char *end = read_word (p, limit, token->key);

  token->kind = TOKEN_WORD;
  token->capital = g_unichar_isupper (g_utf8_get_char (p));
  token->month = lookup_name (month_names, G_N_ELEMENTS (month_names), token->key);
  token->weekday = lookup_name (weekday_names, G_N_ELEMENTS (weekday_names), token->key);
  if (is_upper_word (p, end))
    token->roman = lookup_roman (token->key);

  return end;
}

static const char *
fill_token (Token      *token,
            const char *p,
            const char *limit)
{
  gunichar c = g_utf8_get_char (p);

  if (is_digit (c))
    {
      token->kind = TOKEN_NUMBER;
      return read_number (p, limit, &token->value, &token->n_digits);
    }
  if (is_letter (c))
    return fill_word_token (token, p, limit);

  token->kind = TOKEN_SYMBOL;
  token->symbol = fold_symbol (c);

  return g_utf8_next_char (p);
}

static gboolean
read_token (DateScan *scan)
{
  const char *p = skip_spaces (scan->cursor, scan->limit);
  Token token = { 0 };

  if (p >= scan->limit)
    return FALSE;

  token.glued = p == scan->cursor && scan->base + scan->tokens->len > 0;
  token.start = p;
  token.end = fill_token (&token, p, scan->limit);
  scan->cursor = token.end;
  g_array_append_val (scan->tokens, token);

  return TRUE;
}

/* Reads tokens up to LOOKAHEAD past @i and forgets those long behind it; returns
 * whether token @i exists. @i never goes back. */
static gboolean
fill_tokens (DateScan *scan,
             guint     i)
{
  if (i - scan->base > 16 * LOOKAHEAD)
    {
      guint dropped = i - scan->base - LOOKAHEAD;

      g_array_remove_range (scan->tokens, 0, dropped);
      scan->base += dropped;
    }

  while (scan->base + scan->tokens->len <= i + LOOKAHEAD && read_token (scan))
    ;

  return i < scan->base + scan->tokens->len;
}

static const Token *
peek_token (const DateScan *scan,
            guint           i)
{
  if (i < scan->base || i - scan->base >= scan->tokens->len)
    return NULL;

  return &g_array_index (scan->tokens, Token, i - scan->base);
}

static void
init_date_scan (DateScan     *scan,
                const char   *text,
                Mp2DateOrder  order,
                GArray       *tokens)
{
  scan->cursor = text;
  scan->limit = find_valid_end (text);
  scan->order = order;
  scan->tokens = tokens;
  scan->base = 0;
}

static gboolean
is_number (const Token *token,
           int          min_digits,
           int          max_digits)
{
  return token != NULL && token->kind == TOKEN_NUMBER &&
         token->n_digits >= min_digits && token->n_digits <= max_digits;
}

static gboolean
is_symbol (const Token *token,
           gunichar     symbol)
{
  return token != NULL && token->kind == TOKEN_SYMBOL && token->symbol == symbol;
}

static gboolean
is_glued_symbol (const Token *token,
                 gunichar     symbol)
{
  return is_symbol (token, symbol) && token->glued;
}

static gboolean
is_word (const Token *token,
         const char  *key)
{
  return token != NULL && token->kind == TOKEN_WORD && strcmp (token->key, key) == 0;
}

static gboolean
is_date_separator (const Token *token)
{
  return is_glued_symbol (token, '.') || is_glued_symbol (token, '/') ||
         is_glued_symbol (token, '-');
}

/* Whether token @i glues another number on: ".5", ":30", "/8", "-0123". */
static gboolean
continues_number (const DateScan *scan,
                  guint           i)
{
  const Token *glue = peek_token (scan, i);
  const Token *next = peek_token (scan, i + 1);

  return glue != NULL && glue->glued && glue->kind == TOKEN_SYMBOL && glue->symbol != ',' &&
         is_number_glue (glue->symbol) && is_number (next, 1, G_MAXINT) && next->glued;
}

/* Whether token @i is the tail of a number: the "555" of "416.555.0123". */
static gboolean
is_inside_number (const DateScan *scan,
                  guint           i)
{
  const Token *token = peek_token (scan, i);
  const Token *glue = i >= 1 ? peek_token (scan, i - 1) : NULL;
  const Token *before = i >= 2 ? peek_token (scan, i - 2) : NULL;

  return token != NULL && token->glued && glue != NULL && glue->glued &&
         glue->kind == TOKEN_SYMBOL && is_number_glue (glue->symbol) &&
         is_number (before, 1, G_MAXINT);
}

static int
get_days_in_month (int year,
                   int month)
{
  return g_date_get_days_in_month (month, year > 0 ? year : 2000);
}

static gboolean
is_valid_dmy (int year,
              int month,
              int day)
{
  if (year != 0 && (year < 1900 || year > 2200))
    return FALSE;
  if (month < 1 || month > 12 || day < 1)
    return FALSE;

  return day <= get_days_in_month (year, month);
}

/* 2024 (1900..2200), or 24 as 2024; 0 when @token is no year. */
static int
expand_year (const Token *token)
{
  if (is_number (token, 2, 2))
    return 2000 + token->value;
  if (is_number (token, 4, 4) && token->value >= 1900 && token->value <= 2200)
    return token->value;

  return 0;
}

static gboolean
set_date (DateMatch *match,
          int        year,
          int        month,
          int        day)
{
  if (!is_valid_dmy (year, month, day))
    return FALSE;

  match->year = year;
  match->month = month;
  match->day = day;

  return TRUE;
}

/* x/y: day first if x > 12, month first if y > 12, else as @order says, guessed. */
static gboolean
set_slash_date (DateMatch    *match,
                int           first,
                int           second,
                int           year,
                Mp2DateOrder  order)
{
  gboolean guessed = first <= 12 && second <= 12 && first != second;
  gboolean month_first = second > 12 || (guessed && order == MP2_DATE_ORDER_MONTH_FIRST);

  if (!set_date (match, year, month_first ? first : second, month_first ? second : first))
    return FALSE;

  match->ambiguous = guessed;

  return TRUE;
}

/* "a.b.c", "a/b/c" or "a-b-c" at @k: one separator, and spaces only after dots. */
static gboolean
read_numeric_parts (const DateScan  *scan,
                    guint            k,
                    const Token     *parts[3],
                    gunichar        *separator)
{
  const Token *first_separator = peek_token (scan, k + 1);
  const Token *second_separator = peek_token (scan, k + 3);

  parts[0] = peek_token (scan, k);
  parts[1] = peek_token (scan, k + 2);
  parts[2] = peek_token (scan, k + 4);
  if (!is_date_separator (first_separator) ||
      !is_glued_symbol (second_separator, first_separator->symbol))
    return FALSE;

  *separator = first_separator->symbol;
  if (!is_number (parts[0], 1, 4) || !is_number (parts[1], 1, 2) || !is_number (parts[2], 1, 4))
    return FALSE;

  return ((parts[1]->glued && parts[2]->glued) || *separator == '.') &&
         !continues_number (scan, k + 5);
}

/* "14.03.2024", "14-03-24", "3/14/24", "2024-03-14", "2026.06.20" */
static gboolean
match_numeric (const DateScan *scan,
               guint           k,
               DateMatch      *match)
{
  const Token *parts[3];
  gunichar separator;
  int year;

  if (!read_numeric_parts (scan, k, parts, &separator))
    return FALSE;

  match->next = k + 5;
  if (parts[0]->n_digits == 4)
    return parts[2]->n_digits <= 2 &&
           set_date (match, expand_year (parts[0]), parts[1]->value, parts[2]->value);

  year = expand_year (parts[2]);
  if (parts[0]->n_digits > 2 || year == 0)
    return FALSE;
  if (separator == '/')
    return set_slash_date (match, parts[0]->value, parts[1]->value, year, scan->order);

  return set_date (match, year, parts[1]->value, parts[0]->value);
}

/* "14.03", "14.3." or "3/14" without a year: only after a weekday. */
static gboolean
match_numeric_short (const DateScan *scan,
                     guint           k,
                     DateMatch      *match)
{
  const Token *first = peek_token (scan, k);
  const Token *separator = peek_token (scan, k + 1);
  const Token *second = peek_token (scan, k + 2);

  if (!is_number (first, 1, 2) || !is_date_separator (separator) || separator->symbol == '-' ||
      !is_number (second, 1, 2) || !second->glued || continues_number (scan, k + 3))
    return FALSE;

  match->next = k + 3;
  if (separator->symbol == '/')
    return set_slash_date (match, first->value, second->value, 0, scan->order);
  if (is_glued_symbol (peek_token (scan, k + 3), '.'))
    match->next = k + 4;

  return set_date (match, 0, second->value, first->value);
}

/* A month name at *@j ("March", "marca", "Mär.") or a Roman month in capitals. */
static gboolean
read_month_name (const DateScan *scan,
                 guint          *j,
                 gboolean        roman,
                 Month          *month)
{
  const Token *token = peek_token (scan, *j);
  gboolean abbreviated;

  if (token == NULL || token->kind != TOKEN_WORD || (token->month == NULL && !roman) ||
      (token->month == NULL && token->roman == 0))
    return FALSE;

  abbreviated = token->month == NULL || (token->month->flags & NAME_SHORT) != 0;
  month->value = token->month != NULL ? token->month->value : token->roman;
  month->strong = !abbreviated;
  *j += 1;
  if (abbreviated && is_glued_symbol (peek_token (scan, *j), '.'))
    {
      month->strong = token->month != NULL;
      *j += 1;
    }

  return TRUE;
}

/* ", 2024", " 2024", "'24", and " 24" where @day_first or ", 24" where not. */
static gboolean
read_year (const DateScan *scan,
           guint          *j,
           gboolean        day_first,
           int            *year)
{
  guint k = *j;
  gboolean comma = is_symbol (peek_token (scan, k), ',');
  gboolean apostrophe;
  const Token *token;

  k += comma ? 1 : 0;
  apostrophe = is_symbol (peek_token (scan, k), '\'');
  k += apostrophe ? 1 : 0;
  token = peek_token (scan, k);
  if (is_number (token, 2, 2) && !apostrophe && comma == day_first)
    return FALSE;
  if (expand_year (token) == 0 || continues_number (scan, k + 1))
    return FALSE;

  *year = expand_year (token);
  *j = k + 1;

  return TRUE;
}

/* The "/20" of "November 3/20" */
static gboolean
read_slash_year (const DateScan *scan,
                 guint          *j,
                 int            *year)
{
  const Token *token = peek_token (scan, *j + 1);

  if (!is_glued_symbol (peek_token (scan, *j), '/') || token == NULL || !token->glued ||
      expand_year (token) == 0 || continues_number (scan, *j + 2))
    return FALSE;

  *year = expand_year (token);
  *j += 2;

  return TRUE;
}

static gboolean
is_ordinal_suffix (const Token *token)
{
  return token != NULL && token->kind == TOKEN_WORD && token->glued &&
         contains_word (ordinal_suffixes, G_N_ELEMENTS (ordinal_suffixes), token->key);
}

/* The "." of "14. März", the "th" of "14th", the "of" of "14th of March" */
static guint
skip_ordinal (const DateScan *scan,
              guint           j)
{
  const Token *token = peek_token (scan, j);

  if (is_glued_symbol (token, '.') || is_ordinal_suffix (token))
    j++;
  if (is_word (peek_token (scan, j), "of"))
    j++;

  return j;
}

/* The "-16" of "March 14-16, 2024" or "14-16 March 2024" */
static guint
skip_day_range (const DateScan *scan,
                guint           j)
{
  const Token *next = peek_token (scan, j + 1);

  if (is_glued_symbol (peek_token (scan, j), '-') && is_number (next, 1, 2) && next->glued)
    return j + 2;

  return j;
}

/* "14 March 2024", "14th March", "14. März 2024", "14 marca 2024", "14 III 2024",
 * "14-16 March 2024" (the first day) */
static gboolean
match_day_month (const DateScan *scan,
                 guint           k,
                 gboolean        weekday,
                 DateMatch      *match)
{
  const Token *day = peek_token (scan, k);
  guint j = skip_ordinal (scan, skip_day_range (scan, k + 1));
  Month month;
  int year = 0;

  if (!is_number (day, 1, 2) || !read_month_name (scan, &j, TRUE, &month))
    return FALSE;
  if (!read_year (scan, &j, TRUE, &year) && !weekday && !month.strong)
    return FALSE;

  match->next = j;

  return set_date (match, year, month.value, day->value);
}

/* "March 14, 2024", "August 14th, 2018", "November 3/20", "Mar. 14" */
static gboolean
match_month_first (const DateScan *scan,
                   guint           k,
                   gboolean        weekday,
                   DateMatch      *match)
{
  guint j = k;
  const Token *day;
  Month month;
  int year = 0;

  if (!read_month_name (scan, &j, FALSE, &month))
    return FALSE;

  day = peek_token (scan, j);
  if (!is_number (day, 1, 2) || is_glued_symbol (peek_token (scan, j + 1), ':'))
    return FALSE;

  j = skip_day_range (scan, is_ordinal_suffix (peek_token (scan, j + 1)) ? j + 2 : j + 1);
  if (!read_slash_year (scan, &j, &year) && !read_year (scan, &j, FALSE, &year) &&
      !weekday && !month.strong)
    return FALSE;

  match->next = j;

  return set_date (match, year, month.value, day->value);
}

/* A date at @k, without the weekday; @weekday says one was printed before it. */
static gboolean
match_date_body (const DateScan *scan,
                 guint           k,
                 gboolean        weekday,
                 DateMatch      *match)
{
  const Token *token = peek_token (scan, k);

  memset (match, 0, sizeof *match);
  if (token == NULL)
    return FALSE;
  if (token->kind == TOKEN_WORD)
    return match_month_first (scan, k, weekday, match);
  if (token->kind != TOKEN_NUMBER)
    return FALSE;

  return match_numeric (scan, k, match) ||
         (weekday && match_numeric_short (scan, k, match)) ||
         match_day_month (scan, k, weekday, match);
}

/* The weekday token @i names, if it may be one here: "Do" only with a capital, and
 * not the "nd" of "2nd". */
static int
get_token_weekday (const DateScan *scan,
                   guint           i)
{
  const Token *token = peek_token (scan, i);
  const Token *before = i > 0 ? peek_token (scan, i - 1) : NULL;

  if (token == NULL || token->weekday == NULL)
    return 0;
  if ((token->weekday->flags & NAME_CAPITAL) && !token->capital)
    return 0;
  if (token->glued && is_number (before, 1, G_MAXINT))
    return 0;

  return token->weekday->value;
}

/* "Thursday, March 14, 2024", "czw. 14.03", "Do., 14.3.24", "Thu 3/14" */
static gboolean
match_weekday_prefix (const DateScan *scan,
                      guint           i,
                      DateMatch      *match)
{
  int weekday = get_token_weekday (scan, i);
  guint j = i + 1;

  if (weekday == 0)
    return FALSE;
  if (is_glued_symbol (peek_token (scan, j), '.'))
    j++;
  if (is_symbol (peek_token (scan, j), ','))
    j++;
  if (!match_date_body (scan, j, TRUE, match))
    return FALSE;

  match->weekday = weekday;

  return TRUE;
}

/* "(SAT)", "(sob.)" at @j; returns the token after it, or @j. */
static guint
read_weekday_in_parentheses (const DateScan *scan,
                             guint           j,
                             int            *weekday)
{
  guint k = j + 2;

  *weekday = get_token_weekday (scan, j + 1);
  if (!is_symbol (peek_token (scan, j), '(') || *weekday == 0)
    return j;
  if (is_glued_symbol (peek_token (scan, k), '.'))
    k++;
  if (!is_symbol (peek_token (scan, k), ')'))
    return j;

  return k + 1;
}

/* "r." or "roku" after a Polish year, then a weekday in parentheses. */
static void
read_date_suffix (const DateScan *scan,
                  DateMatch      *match)
{
  guint j = match->next;
  int weekday = 0;

  if (match->year != 0 &&
      (is_word (peek_token (scan, j), "r") || is_word (peek_token (scan, j), "roku")))
    j += is_glued_symbol (peek_token (scan, j + 1), '.') ? 2 : 1;

  match->next = read_weekday_in_parentheses (scan, j, &weekday);
  if (match->next != j && match->weekday == 0)
    match->weekday = weekday;
}

/* A guessed slash date whose printed weekday fits only the other order takes it. */
static void
resolve_order (DateMatch *match)
{
  gboolean as_read, swapped;
  int day = match->day;

  if (!match->ambiguous || match->weekday == 0 || match->year == 0)
    return;

  as_read = mp2_date_weekday_of (match->year, match->month, match->day) == match->weekday;
  swapped = mp2_date_weekday_of (match->year, match->day, match->month) == match->weekday;
  if (as_read == swapped)
    return;

  match->ambiguous = FALSE;
  if (swapped)
    {
      match->day = match->month;
      match->month = day;
    }
}

static gboolean
match_date_at (const DateScan *scan,
               guint           i,
               DateMatch      *match)
{
  const Token *first, *last;

  if (!match_weekday_prefix (scan, i, match) &&
      (is_inside_number (scan, i) || !match_date_body (scan, i, FALSE, match)))
    return FALSE;

  read_date_suffix (scan, match);
  resolve_order (match);
  first = peek_token (scan, i);
  last = peek_token (scan, match->next - 1);
  match->start = first != NULL ? first->start : NULL;
  match->end = last != NULL ? last->end : NULL;

  return TRUE;
}

/**
 * mp2_date_find:
 * @text: any text
 * @order: how to read a slash date whose day and month are both 12 or less
 * @date: (out) (optional): the first date in @text, zeroed when there is none
 * @start: (out) (optional): where it starts (its weekday, if printed before it)
 * @end: (out) (optional): where it ends
 *
 * Finds the first date in @text: "Thursday, March 14, 2024", "August 14th, 2018",
 * "Tuesday November 3/20", "14 Mar 24", "3/14/24", "14.03.2024 r.", "2024-03-14",
 * "2026.06.20 (SAT)", "czwartek, 14 marca 2024", "14 III 2024", "czw. 14.03",
 * "Donnerstag, 14. März 2024", "Do., 14.3.24". A numeric date needs a year unless a
 * weekday comes right before it; times, page counts, phone numbers and postcodes
 * are not dates.
 *
 * Returns: %TRUE if @text holds a date
 */
gboolean
mp2_date_find (const char     *text,
               Mp2DateOrder    order,
               Mp2ParsedDate  *date,
               const char    **start,
               const char    **end)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  DateScan scan;
  DateMatch match = { 0 };
  gboolean found = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  init_date_scan (&scan, text, order, tokens);
  for (guint i = 0; !found && fill_tokens (&scan, i); i++)
    found = match_date_at (&scan, i, &match);
  if (!found)
    memset (&match, 0, sizeof match);

  if (date != NULL)
    *date = (Mp2ParsedDate) { match.year, match.month, match.day, match.weekday,
                              match.ambiguous };
  if (start != NULL)
    *start = match.start;
  if (end != NULL)
    *end = match.end;

  return found;
}

/**
 * mp2_date_is_valid:
 * @date: a date
 *
 * Returns: %TRUE if the year is 1900..2200 (or 0, none), and the month and the day
 *   exist (29 February only in a leap year, or with no year)
 */
gboolean
mp2_date_is_valid (const Mp2ParsedDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return is_valid_dmy (date->year, date->month, date->day) &&
         date->weekday >= 0 && date->weekday <= 7;
}

/**
 * mp2_date_weekday_matches:
 * @date: a date
 *
 * Returns: %TRUE if no weekday was printed, the year is unknown, or the printed
 *   weekday is the date's
 */
gboolean
mp2_date_weekday_matches (const Mp2ParsedDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (date->weekday == 0 || date->year == 0)
    return TRUE;

  return mp2_date_weekday_of (date->year, date->month, date->day) == date->weekday;
}

/**
 * mp2_date_weekday_of:
 * @year: the year
 * @month: 1..12
 * @day: 1..31
 *
 * Returns: the weekday, 1 (Monday) to 7 (Sunday), or 0 for a date that does not exist
 */
int
mp2_date_weekday_of (int year,
                     int month,
                     int day)
{
  GDate date;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_weekday (&date);
}

/**
 * mp2_date_format:
 * @year: 0..9999
 * @month: 1..12
 * @day: 1..31
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
mp2_date_format (int year,
                 int month,
                 int day)
{
  g_return_val_if_fail (year >= 0 && year <= 9999, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (day >= 1 && day <= 31, NULL);

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
read_digits (const char *p,
             int         n_digits,
             int        *value)
{
  *value = 0;
  for (int i = 0; i < n_digits; i++)
    {
      if (!is_digit (p[i]))
        return FALSE;
      *value = *value * 10 + (p[i] - '0');
    }

  return TRUE;
}

/**
 * mp2_date_from_string:
 * @iso: (nullable): exactly "YYYY-MM-DD", as mp2_date_format() writes it
 * @year: (out) (optional): the year
 * @month: (out) (optional): the month
 * @day: (out) (optional): the day
 *
 * Returns: %TRUE if @iso is a valid date (see mp2_date_is_valid()); the outputs are
 *   set only then
 */
gboolean
mp2_date_from_string (const char *iso,
                      int        *year,
                      int        *month,
                      int        *day)
{
  int y, m, d;

  if (iso == NULL || !read_digits (iso, 4, &y) || iso[4] != '-' ||
      !read_digits (iso + 5, 2, &m) || iso[7] != '-' || !read_digits (iso + 8, 2, &d) ||
      iso[10] != '\0' || !is_valid_dmy (y, m, d))
    return FALSE;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;

  return TRUE;
}

static gboolean
is_in_parentheses (const DateScan *scan,
                   guint           i)
{
  return i > 0 && is_symbol (peek_token (scan, i - 1), '(') &&
         is_symbol (peek_token (scan, i + 1), ')');
}

/* A weekday that stands alone: a full name, or an abbreviation that has a dot, is in
 * parentheses or comes right before a date. */
static int
read_named_weekday (const DateScan *scan,
                    guint           i)
{
  const Token *token = peek_token (scan, i);
  int weekday = get_token_weekday (scan, i);
  DateMatch match;

  if (weekday == 0 || token == NULL)
    return 0;
  if ((token->weekday->flags & NAME_SHORT) == 0 ||
      is_glued_symbol (peek_token (scan, i + 1), '.') || is_in_parentheses (scan, i) ||
      match_weekday_prefix (scan, i, &match))
    return weekday;

  return 0;
}

/**
 * mp2_weekday_find:
 * @text: any text
 *
 * Finds the first weekday named in @text: a full name in English, Polish or German
 * ("Thursday", "czwartek", "Donnerstag"), or an abbreviation with a dot ("Thu.",
 * "czw.", "Do."), in parentheses ("(SAT)") or right before a date ("Thu 3/14").
 *
 * Returns: the weekday, 1 (Monday) to 7 (Sunday), or 0 if there is none
 */
int
mp2_weekday_find (const char *text)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  DateScan scan;

  g_return_val_if_fail (text != NULL, 0);

  init_date_scan (&scan, text, MP2_DATE_ORDER_UNKNOWN, tokens);
  for (guint i = 0; fill_tokens (&scan, i); i++)
    {
      int weekday = read_named_weekday (&scan, i);

      if (weekday != 0)
        return weekday;
    }

  return 0;
}
