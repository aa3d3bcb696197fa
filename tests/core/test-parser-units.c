/* test-parser-units.c
 *
 * The parts of the call-sheet reader on their own: text folding, the lexicon, cells
 * of a line, values (page counts, cast ids, day and night), addresses, the user's
 * own call, and small sheets laid out in text that show one rule each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-call-sheet-parser.h"
#include "mp2-call-sheet-tables.h"
#include "mp2-errors.h"
#include "mp2-lexicon.h"
#include "mp2-text-util.h"

/* Text ------------------------------------------------------------------------- */

static void
test_fold_and_normalize (void)
{
  static const struct
  {
    const char *text;
    const char *normalized;
  } cases[] = {
    { "Zbiórka ekipy:", "zbiorka ekipy" },
    { "ZBIÓRKA EKIPY", "zbiorka ekipy" },
    { "Łódź, ul. Łąkowa 29", "lodz ul lakowa 29" },
    { "Est. Wrap:", "est wrap" },
    { "D/N", "d / n" },
    { "Nearest A&E", "nearest a & e" },
    { "Frühstück", "fruhstuck" },
    { "Straße", "strasse" },
    { "Ｃａｌｌ", "call" },
    { "ﬁrst shot", "first shot" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = mp2_text_normalize (cases[i].text);

      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

static void
test_tokens_keep_offsets (void)
{
  const char *text = "Crew Call: 0730";
  GArray *tokens = mp2_text_tokenize (text);

  g_assert_cmpuint (tokens->len, ==, 3);
  g_assert_cmpstr (g_array_index (tokens, Mp2Token, 1).norm, ==, "call");
  g_assert_cmpuint (g_array_index (tokens, Mp2Token, 1).end, ==, 9);
  g_assert_cmpint (text[g_array_index (tokens, Mp2Token, 1).end], ==, ':');
  mp2_tokens_free (tokens);
}

static void
test_collapse_and_strip (void)
{
  g_autofree char *collapsed = mp2_text_collapse ("  Studio\u00a0WFDiF \n hala 2 ");
  g_autofree char *stripped = mp2_text_strip_punctuation (" – Crew Lot B: ");

  g_assert_cmpstr (collapsed, ==, "Studio WFDiF hala 2");
  g_assert_cmpstr (stripped, ==, "Crew Lot B");
  g_assert_true (mp2_text_is_upper ("GENERAL CREW CALL 2"));
  g_assert_false (mp2_text_is_upper ("Crew Call"));
  g_assert_false (mp2_text_is_upper ("0730"));
}

/* The lexicon -------------------------------------------------------------------- */

static void
test_lexicon_labels (void)
{
  static const struct
  {
    const char *text;
    Mp2LexKind  kind;
    Mp2Term     term;
  } cases[] = {
    { "GENERAL CREW CALL", MP2_LEX_FIELD, MP2_TERM_CREW_CALL },
    { "Crew Call Time", MP2_LEX_FIELD, MP2_TERM_CREW_CALL },
    { "Production Call Time", MP2_LEX_FIELD, MP2_TERM_PRODUCTION_CALL },
    { "Zbiórka ekipy", MP2_LEX_FIELD, MP2_TERM_CREW_CALL },
    { "Godzina zbiórki", MP2_LEX_FIELD, MP2_TERM_CREW_CALL },
    { "Arbeitsbeginn", MP2_LEX_FIELD, MP2_TERM_CREW_CALL },
    { "Gotowość do zdjęć", MP2_LEX_FIELD, MP2_TERM_SHOOTING_CALL },
    { "Drehbeginn", MP2_LEX_FIELD, MP2_TERM_SHOOTING_CALL },
    { "Planowany koniec zdjęć", MP2_LEX_FIELD, MP2_TERM_WRAP },
    { "Drehschluss", MP2_LEX_FIELD, MP2_TERM_WRAP },
    { "Wschód słońca", MP2_LEX_FIELD, MP2_TERM_SUNRISE },
    { "DZIEŃ ZDJĘCIOWY", MP2_LEX_FIELD, MP2_TERM_DAY },
    { "ADVANCE SCHEDULE", MP2_LEX_SECTION, MP2_TERM_SECTION_ADVANCE },
    { "Vordisposition", MP2_LEX_SECTION, MP2_TERM_SECTION_ADVANCE },
    { "STATYŚCI", MP2_LEX_SECTION, MP2_TERM_SECTION_BACKGROUND },
    { "SPECIAL INSTRUCTIONS", MP2_LEX_SECTION, MP2_TERM_SECTION_NOTES },
    { "Najbliższy szpital", MP2_LEX_LOCATION, MP2_TERM_LOCATION_HOSPITAL },
    { "Nearest A&E", MP2_LEX_LOCATION, MP2_TERM_LOCATION_HOSPITAL },
    { "Miejsce zbiórki", MP2_LEX_LOCATION, MP2_TERM_LOCATION_MEETING_POINT },
    { "Unit Base", MP2_LEX_LOCATION, MP2_TERM_LOCATION_BASE },
    { "PLAN ZDJĘCIOWY", MP2_LEX_DOCUMENT, MP2_TERM_DOCUMENT },
    { "Tagesdispo", MP2_LEX_DOCUMENT, MP2_TERM_DOCUMENT },
    { "FAKTURA VAT", MP2_LEX_OTHER_DOCUMENT, MP2_TERM_OTHER_DOCUMENT },
    { "Page", MP2_LEX_PAGE_NUMBER, MP2_TERM_PAGE_NUMBER },
    /* in two languages: one label */
    { "Zbiórka ekipy / Crew call", MP2_LEX_FIELD, MP2_TERM_CREW_CALL },
    { "SCENY / SCENES", MP2_LEX_SECTION, MP2_TERM_SECTION_SCENES },
    { "Odbiór / P/U", MP2_LEX_COLUMN, MP2_TERM_COLUMN_PICKUP },
    { "Drehort / Set Location / Obiekt", MP2_LEX_LOCATION, MP2_TERM_LOCATION_SET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Mp2LexMatch match;

      if (!mp2_lexicon_match_whole (cases[i].text, cases[i].kind, MP2_TABLE_ANY, &match))
        g_error ("%s is not a label", cases[i].text);
      g_assert_cmpint (match.entry->term, ==, cases[i].term);
    }
}

static void
test_lexicon_columns_depend_on_table (void)
{
  Mp2LexMatch match;

  g_assert_true (mp2_lexicon_match_whole ("Obsada", MP2_LEX_COLUMN, MP2_TABLE_SCENES, &match));
  g_assert_cmpint (match.entry->term, ==, MP2_TERM_COLUMN_CAST_IDS);
  g_assert_true (mp2_lexicon_match_whole ("Obsada", MP2_LEX_COLUMN, MP2_TABLE_CAST, &match));
  g_assert_cmpint (match.entry->term, ==, MP2_TERM_COLUMN_ACTOR);
  g_assert_true (mp2_lexicon_match_whole ("Imię i nazwisko", MP2_LEX_COLUMN, MP2_TABLE_CREW,
                                          &match));
  g_assert_cmpint (match.entry->term, ==, MP2_TERM_COLUMN_NAME);
  g_assert_false (mp2_lexicon_match_whole ("Stanowisko", MP2_LEX_COLUMN, MP2_TABLE_SCENES,
                                           &match));
}

/* Two labels of different things joined by a slash stay two labels. */
static void
test_lexicon_slash_joins_same_term_only (void)
{
  g_autoptr(GArray) tokens = mp2_text_tokenize_uncached ("Lunch / Wrap: 13:00");
  Mp2LexMatch match;

  g_assert_true (mp2_lexicon_match_at (tokens, 0, MP2_LEX_FIELD, 0, &match));
  g_assert_cmpint (match.entry->term, ==, MP2_TERM_LUNCH);
  g_assert_cmpuint (match.n_tokens, ==, 1);
  g_assert_false (mp2_lexicon_match_whole ("Zbiórka ekipy / Wrap", MP2_LEX_FIELD, 0, &match));
}

static void
test_lexicon_longest_and_shared (void)
{
  Mp2LexMatch match;

  /* The longest label wins: "Crew Call Time" is not "Crew Call" + "Time". */
  g_assert_true (mp2_lexicon_match_prefix ("Crew Call Time: 7:30am", MP2_LEX_FIELD, 0, &match));
  g_assert_cmpuint (match.n_tokens, ==, 3);

  /* "Catering" is a label in every language: no vote for one of them. */
  g_assert_true (mp2_lexicon_match_whole ("Catering", MP2_LEX_LOCATION, 0, &match));
  g_assert_true (mp2_lexicon_entry_is_shared (match.entry));
  g_assert_true (mp2_lexicon_match_whole ("Baza", MP2_LEX_LOCATION, 0, &match));
  g_assert_false (mp2_lexicon_entry_is_shared (match.entry));
}

/* The build folds the lexicon's labels in Python: that must be what the reader does
 * at run time, or a label would never match. */
static void
test_lexicon_is_folded_as_at_run_time (void)
{
  guint n_entries = 0;
  const Mp2LexEntry *entries = mp2_lexicon_get_entries (&n_entries);

  g_assert_cmpuint (n_entries, >, 500);

  for (guint i = 0; i < n_entries; i++)
    {
      const char * const *built = mp2_lexicon_entry_get_tokens (&entries[i]);
      GArray *tokens = mp2_text_tokenize_uncached (entries[i].text);

      g_assert_cmpuint (g_strv_length ((GStrv) built), ==, tokens->len);
      for (guint j = 0; j < tokens->len; j++)
        if (!g_str_equal (built[j], g_array_index (tokens, Mp2Token, j).norm))
          g_error ("“%s”: built “%s”, run time “%s”", entries[i].text, built[j],
                   g_array_index (tokens, Mp2Token, j).norm);
      mp2_tokens_free (tokens);
    }
}

/* Cells ---------------------------------------------------------------------------- */

static void
test_layout_cells (void)
{
  g_autoptr(Mp2PdfText) text = mp2_pdf_text_new_from_layout_text (
    "Zbiórka ekipy:        06:30      Bezchmurnie\n"
    "Shooting Call: 3:00 PM\n"
    "Position  Name          Call   Position  Name         Call\n");
  Mp2TextLine *line;

  g_assert_cmpuint (text->lines->len, ==, 3);

  line = mp2_pdf_text_get_line (text, 0);
  g_assert_cmpuint (line->cells->len, ==, 3);
  g_assert_cmpstr (mp2_pdf_text_get_cell (text, 0, 0)->text, ==, "Zbiórka ekipy:");
  g_assert_cmpstr (mp2_pdf_text_get_cell (text, 0, 1)->text, ==, "06:30");

  /* One space does not end a cell. */
  line = mp2_pdf_text_get_line (text, 1);
  g_assert_cmpuint (line->cells->len, ==, 1);

  line = mp2_pdf_text_get_line (text, 2);
  g_assert_cmpuint (line->cells->len, ==, 6);
  g_assert_cmpfloat (mp2_pdf_text_get_cell (text, 2, 3)->box.x1, >,
                     mp2_pdf_text_get_cell (text, 2, 2)->box.x2);
}

/* Values -------------------------------------------------------------------------- */

static void
test_pages (void)
{
  static const struct
  {
    const char *text;
    const char *pages;
  } cases[] = {
    { "1 3/8", "1 3/8" }, { "1-3/8", "1 3/8" }, { "13/8", "1 3/8" }, { "7/8", "7/8" },
    { "2", "2" }, { "2 1/8 pgs", "2 1/8" }, { "1¼", "1 2/8" }, { "⅞", "7/8" },
    { "4/8 pgs", "4/8" }, { "str.", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pages = mp2_parse_pages (cases[i].text);

      g_assert_cmpstr (pages, ==, cases[i].pages);
    }
}

static void
test_cast_ids (void)
{
  static const struct
  {
    const char *text;
    const char *ids;
  } cases[] = {
    { "1, 2, 5", "1 2 5" }, { "1,2,5", "1 2 5" }, { "1.2.5", "1 2 5" }, { "1 2 5", "1 2 5" },
    { "1-3", "1 2 3" }, { "4, 8 + 20 BG", "4 8 20" }, { "A1, 12B", "A1 12B" }, { "", "" },
    { "X, ATMOS", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) ids = mp2_parse_cast_ids (cases[i].text);
      g_autofree char *joined = g_strjoinv (" ", ids);

      g_assert_cmpstr (joined, ==, cases[i].ids);
    }
}

static void
test_day_night (void)
{
  static const struct
  {
    const char *text;
    char        value;
  } cases[] = {
    { "Day", 'D' }, { "DZIEŃ", 'D' }, { "dzień", 'D' }, { "D", 'D' }, { "Night", 'N' },
    { "NOC", 'N' }, { "N", 'N' }, { "Morning", 'M' }, { "RANO", 'M' }, { "Evening", 'E' },
    { "WIECZÓR", 'E' }, { "Nacht", 'N' }, { "Tag", 'D' }, { "Day two of the shoot", 0 },
    { "Lunch", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (mp2_parse_day_night (cases[i].text), ==, cases[i].value);
}

static void
test_scene_numbers (void)
{
  static const char *numbers[] = { "85", "53A", "75pt2", "112-1", "A137", "99a", "8pt3", "15/16" };
  static const char *not_numbers[] = { "LUNCH", "OMIT", "", "Total", "INT. KITCHEN" };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_assert_true (mp2_is_scene_number (numbers[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_numbers); i++)
    g_assert_false (mp2_is_scene_number (not_numbers[i]));
}

static void
test_addresses (void)
{
  static const char *addresses[] = {
    "ul. Chełmska 21, 00-724 Warszawa", "3150 N San Fernando Rd", "Los Angeles, CA 90065",
    "London E9 6SR", "Homerton Row", "al. Solidarności 67, 03-401 Warszawa",
    "Friedrichstraße 12, 10117 Berlin", "Gracechurch Street",
  };
  static const char *names[] = {
    "Starlite Motel", "Lea Bridge Road lay-by", "Homerton University Hospital",
    "Studio WFDiF – hala 2", "Szpital Czerniakowski", "Crew Lot B – Figueroa",
  };

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    if (!mp2_text_looks_like_address (addresses[i]))
      g_error ("%s should look like an address", addresses[i]);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (mp2_text_looks_like_address (names[i]))
      g_error ("%s should not look like an address", names[i]);
}

/* Sheets in text -------------------------------------------------------------------- */

static Mp2CallSheet *
parse_layout (const char  *layout,
              const char  *crew_name,
              GError     **error)
{
  g_autoptr(Mp2PdfText) text = mp2_pdf_text_new_from_layout_text (layout);

  return mp2_call_sheet_parse_text (text, crew_name, error);
}

static const char *small_sheet =
  "                              CALL SHEET\n"
  "Production:   Night Train              Date: Friday 12 April 2024\n"
  "Day 4 of 30                            Crew Call:   18:00\n"
  "Shooting Call: 19:00                   Est. Wrap:   05:30\n"
  "\n"
  "LOCATIONS\n"
  "Set 1: Old Depot – 12 Rail Street, London E2 8AB\n"
  "Nearest Hospital: Royal London Hospital – Whitechapel Road, London E1 1FR\n"
  "\n"
  "SCENES\n"
  "Sc.     Set                      D/N      Pgs     Cast\n"
  "12      EXT. DEPOT YARD          Night    1 2/8   1, 2\n"
  "        They wait for the train.\n"
  "13A     INT. SIGNAL BOX          Night    4/8     2\n"
  "\n"
  "CAST\n"
  "#    Cast              Character        Pickup     Call      On Set\n"
  "1    Ada Lovelace      MARA             S/D        17:00     18:30\n"
  "2    Alan Turing       THE GUARD        16:15      17:15     19:00\n"
  "\n"
  "BACKGROUND\n"
  "Qty   Description                    Call\n"
  "12    Passengers                     17:30\n"
  "\n"
  "CREW\n"
  "Department     Position           Name                 Call\n"
  "Camera         DP                 Janina Kowalska      17:30\n"
  "               1st AC             Jan Nowak            O/C\n"
  "Sound          Sound Mixer        Piotr Wiśniewski     18:00\n"
  "\n"
  "ADVANCE SCHEDULE – DAY 5 – Saturday 13 April 2024\n"
  "Sc.     Set                      D/N      Pgs     Cast\n"
  "14      INT. TRAIN               Day      2       1\n"
  "\n"
  "NOTES\n"
  "1. Warm clothes: the night is cold.\n"
  "2. No parking on Rail Street; use the\n"
  "   depot car park.\n"
  "\n"
  "Issued 11/04/2024 by the 2nd AD\n";

static void
test_small_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_layout (small_sheet, NULL, &error);
  GPtrArray *scenes, *cast, *crew, *notes, *locations;
  int year, month, day;

  g_assert_no_error (error);

  g_assert_cmpstr (mp2_call_sheet_get_production (sheet), ==, "Night Train");
  g_assert_true (mp2_call_sheet_get_date (sheet, &year, &month, &day));
  g_assert_cmpint (year * 10000 + month * 100 + day, ==, 20240412);
  g_assert_cmpint (mp2_call_sheet_get_shooting_day (sheet), ==, 4);
  g_assert_cmpint (mp2_call_sheet_get_total_days (sheet), ==, 30);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL), ==, 18 * 60);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL), ==, 19 * 60);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_ESTIMATED_WRAP), ==, 330);
  g_assert_cmpstr (mp2_call_sheet_get_language (sheet), ==, "en");

  locations = mp2_call_sheet_get_locations (sheet);
  g_assert_cmpuint (locations->len, ==, 2);
  g_assert_cmpstr (((Mp2Location *) locations->pdata[0])->name, ==, "Old Depot");
  g_assert_cmpstr (((Mp2Location *) locations->pdata[0])->address, ==,
                   "12 Rail Street, London E2 8AB");
  g_assert_cmpint (((Mp2Location *) locations->pdata[1])->kind, ==, MP2_LOCATION_HOSPITAL);

  /* Today's scenes only, without the synopsis; not the advance schedule. */
  scenes = mp2_call_sheet_get_scenes (sheet);
  g_assert_cmpuint (scenes->len, ==, 2);
  g_assert_cmpstr (((Mp2Scene *) scenes->pdata[0])->set, ==, "EXT. DEPOT YARD");
  g_assert_cmpstr (((Mp2Scene *) scenes->pdata[0])->pages, ==, "1 2/8");
  g_assert_cmpint (((Mp2Scene *) scenes->pdata[1])->day_night, ==, 'N');
  g_assert_cmpstr (((Mp2Scene *) scenes->pdata[1])->number, ==, "13A");

  /* The cast, not the background; a self-drive artist has no pickup. */
  cast = mp2_call_sheet_get_cast (sheet);
  g_assert_cmpuint (cast->len, ==, 2);
  g_assert_cmpint (((Mp2CastMember *) cast->pdata[0])->pickup, ==, MP2_CALL_SHEET_NO_TIME);
  g_assert_cmpint (((Mp2CastMember *) cast->pdata[0])->call, ==, 17 * 60);
  g_assert_cmpint (((Mp2CastMember *) cast->pdata[1])->on_set, ==, 19 * 60);

  /* The department goes on to the rows under it; "O/C" is no time. */
  crew = mp2_call_sheet_get_crew (sheet);
  g_assert_cmpuint (crew->len, ==, 3);
  g_assert_cmpstr (((Mp2CrewMember *) crew->pdata[1])->department, ==, "Camera");
  g_assert_cmpint (((Mp2CrewMember *) crew->pdata[1])->call, ==, MP2_CALL_SHEET_NO_TIME);

  /* A wrapped note is one note; the footer is not a note. */
  notes = mp2_call_sheet_get_notes (sheet);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (notes->pdata[1], ==,
                   "No parking on Rail Street; use the depot car park.");
}

typedef struct
{
  const char            *name;
  Mp2PersonalCallSource  source;
  int                    call;
} PersonalCase;

static void
test_personal_call (void)
{
  static const PersonalCase cases[] = {
    { "Janina Kowalska", MP2_PERSONAL_CALL_CREW, 17 * 60 + 30 },
    { "kowalska janina", MP2_PERSONAL_CALL_CREW, 17 * 60 + 30 },
    { "J. Kowalska", MP2_PERSONAL_CALL_CREW, 17 * 60 + 30 },
    { "Piotr Wisniewski", MP2_PERSONAL_CALL_CREW, 18 * 60 },
    { "PIOTR WIŚNIEWSKI", MP2_PERSONAL_CALL_CREW, 18 * 60 },
    { "Alan Turing", MP2_PERSONAL_CALL_CAST, 17 * 60 + 15 },
    /* listed without a time of their own ("O/C"): the crew call, with a warning */
    { "Jan Nowak", MP2_PERSONAL_CALL_GENERAL, 18 * 60 },
    /* not listed: the crew call, with a warning */
    { "Grace Hopper", MP2_PERSONAL_CALL_GENERAL, 18 * 60 },
    /* a surname alone is not enough */
    { "Kowalska", MP2_PERSONAL_CALL_GENERAL, 18 * 60 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(Mp2CallSheet) sheet = parse_layout (small_sheet, cases[i].name, &error);
      const Mp2PersonalCall *call;

      g_assert_no_error (error);
      call = mp2_call_sheet_get_personal_call (sheet);
      if (call->source != cases[i].source || call->call != cases[i].call)
        g_error ("%s: source %d call %d, expected %d %d", cases[i].name, call->source,
                 call->call, cases[i].source, cases[i].call);
      if (cases[i].source == MP2_PERSONAL_CALL_GENERAL)
        g_assert_cmpuint (mp2_call_sheet_get_warnings (sheet)->len, >=, 1);
    }
}

static void
test_nickname_and_company (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_layout (
    "CALL SHEET      Date: 14.03.2024     Crew Call: 07:00\n"
    "LOCATIONS\n"
    "Set 1: Studio – ul. Chełmska 21, 00-724 Warszawa\n"
    "CREW\n"
    "Position        Name                                  Call\n"
    "Gaffer          Jan “Mały” Nowak                      06:30\n"
    "Grip            Anna Smith (Studio X)                 06:45\n",
    "Nowak Jan", &error);

  g_assert_no_error (error);
  g_assert_cmpint (mp2_call_sheet_get_personal_call (sheet)->call, ==, 6 * 60 + 30);
  mp2_call_sheet_find_personal_call (sheet, "anna smith");
  g_assert_cmpint (mp2_call_sheet_get_personal_call (sheet)->call, ==, 6 * 60 + 45);
}

static void
test_label_below_and_right (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_layout (
    "PLAN ZDJĘCIOWY                               DZIEŃ ZDJĘCIOWY\n"
    "Cicha Woda                                   12 / 40\n"
    "                                             czwartek, 14 marca 2024\n"
    "GODZINY\n"
    "Zbiórka ekipy:          06:30\n"
    "Gotowość na planie:     07:45\n"
    "LOKACJE\n"
    "Obiekt 1: Studio WFDiF – hala 2\n"
    "ul. Chełmska 21, 00-724 Warszawa\n"
    "Najbliższy szpital: Szpital Czerniakowski\n"
    "ul. Stępińska 19/25, 00-739 Warszawa\n",
    NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mp2_call_sheet_get_shooting_day (sheet), ==, 12);
  g_assert_cmpint (mp2_call_sheet_get_total_days (sheet), ==, 40);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL), ==, 390);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL), ==, 465);
  g_assert_cmpstr (mp2_call_sheet_get_language (sheet), ==, "pl");
  g_assert_cmpuint (mp2_call_sheet_get_locations (sheet)->len, ==, 2);
  g_assert_cmpstr (((Mp2Location *) mp2_call_sheet_get_locations (sheet)->pdata[0])->name, ==,
                   "Studio WFDiF – hala 2");
}

static void
test_revision_and_change_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_layout (
    "PLAN ZDJĘCIOWY        Data: 28.03.2025                 Wersja 2\n"
    "WERSJA 2 – ZMIANY: zbiórka ekipy: 06:15 → 06:45; dodana scena 76B\n"
    "GODZINY\n"
    "Zbiórka ekipy:        06:45\n"
    "LOKACJE\n"
    "Obiekt 1: Synagoga Remuh – ul. Szeroka 40, 31-053 Kraków\n",
    NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mp2_call_sheet_get_revision (sheet), ==, 2);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL), ==, 6 * 60 + 45);
}

static void
test_us_dates_are_month_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_layout (
    "CALL SHEET         Date: 04/05/2024              Crew Call: 7:00 AM\n"
    "LOCATIONS\n"
    "Location #1: Stage 4 – 800 N Alameda St, Los Angeles, CA 90012\n",
    NULL, &error);
  int year, month, day;

  g_assert_no_error (error);
  g_assert_true (mp2_call_sheet_get_date (sheet, &year, &month, &day));
  g_assert_cmpint (month, ==, 4);
  g_assert_cmpint (day, ==, 5);
}

static void
test_weekday_mismatch_warns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_layout (
    "CALL SHEET     Monday, March 14, 2024     Crew Call: 07:00    Shooting Call: 06:00\n"
    "LOCATIONS\n"
    "Set 1: Stage 4 – 800 N Alameda St, Los Angeles, CA 90012\n",
    NULL, &error);
  GPtrArray *warnings;

  g_assert_no_error (error);
  warnings = mp2_call_sheet_get_warnings (sheet);

  /* Nothing is changed: the date is kept, and the user is told twice. */
  g_assert_true (mp2_call_sheet_get_date (sheet, NULL, NULL, NULL));
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL), ==, 6 * 60);
  g_assert_cmpuint (warnings->len, >=, 2);
}

static void
test_not_a_call_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_layout (
    "FAKTURA VAT                               Nr: FV/2024/03/233\n"
    "Data wystawienia: 20.03.2024\n"
    "Sprzedawca: Kamera Serwis Sp. z o.o., ul. Powązkowska 44C, 01-797 Warszawa\n"
    "Wynajem kamery ARRI Alexa Mini LF            5 dzień      16 000,00 zł\n"
    "Sprzęt odebrany o godz. 07:30, zwrot do godz. 20:00.\n",
    NULL, &error);

  g_assert_null (sheet);
  g_assert_error (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_NOT_A_CALL_SHEET);
}

static void
test_no_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Mp2CallSheet) sheet = parse_layout ("\n\n  \f  \n", NULL, &error);

  g_assert_null (sheet);
  g_assert_error (error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_NO_TEXT_LAYER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser-units/fold-and-normalize", test_fold_and_normalize);
  g_test_add_func ("/parser-units/tokens-keep-offsets", test_tokens_keep_offsets);
  g_test_add_func ("/parser-units/collapse-and-strip", test_collapse_and_strip);
  g_test_add_func ("/parser-units/lexicon-labels", test_lexicon_labels);
  g_test_add_func ("/parser-units/lexicon-columns-depend-on-table",
                   test_lexicon_columns_depend_on_table);
  g_test_add_func ("/parser-units/lexicon-slash-joins-same-term-only",
                   test_lexicon_slash_joins_same_term_only);
  g_test_add_func ("/parser-units/lexicon-longest-and-shared", test_lexicon_longest_and_shared);
  g_test_add_func ("/parser-units/lexicon-is-folded-as-at-run-time",
                   test_lexicon_is_folded_as_at_run_time);
  g_test_add_func ("/parser-units/layout-cells", test_layout_cells);
  g_test_add_func ("/parser-units/pages", test_pages);
  g_test_add_func ("/parser-units/cast-ids", test_cast_ids);
  g_test_add_func ("/parser-units/day-night", test_day_night);
  g_test_add_func ("/parser-units/scene-numbers", test_scene_numbers);
  g_test_add_func ("/parser-units/addresses", test_addresses);
  g_test_add_func ("/parser-units/small-sheet", test_small_sheet);
  g_test_add_func ("/parser-units/personal-call", test_personal_call);
  g_test_add_func ("/parser-units/nickname-and-company", test_nickname_and_company);
  g_test_add_func ("/parser-units/label-below-and-right", test_label_below_and_right);
  g_test_add_func ("/parser-units/revision-and-change-list", test_revision_and_change_list);
  g_test_add_func ("/parser-units/us-dates-are-month-first", test_us_dates_are_month_first);
  g_test_add_func ("/parser-units/weekday-mismatch-warns", test_weekday_mismatch_warns);
  g_test_add_func ("/parser-units/not-a-call-sheet", test_not_a_call_sheet);
  g_test_add_func ("/parser-units/no-text", test_no_text);

  return g_test_run ();
}
