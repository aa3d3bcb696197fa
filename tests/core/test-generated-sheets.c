/* test-generated-sheets.c
 *
 * Call sheets drawn at test time, in layouts unlike the corpus, are read and
 * compared with their expected ground truth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "mp2-call-sheet-parser.h"
#include "mp2-pdf-document.h"
#include "mp2-sheet-drawer.h"

typedef GBytes *(*SheetDrawFunc) (const char **expected_json);

typedef struct
{
  const char    *name;
  SheetDrawFunc  draw;
} GeneratedSheet;

/* Drawing helpers */

static void
put (Mp2SheetDrawer *d,
     double          x,
     double          y,
     double          size,
     const char     *text)
{
  mp2_sheet_drawer_text (d, x, y, size, FALSE, text);
}

static void
put_bold (Mp2SheetDrawer *d,
          double          x,
          double          y,
          double          size,
          const char     *text)
{
  mp2_sheet_drawer_text (d, x, y, size, TRUE, text);
}

/* Draws a table whose columns start at COLUMNS[0 .. n_columns - 1] and end at
 * COLUMNS[n_columns]. ROWS is NULL-terminated; each row is a list of cells
 * separated by '|'. The first row is the bold header; a later row starting with
 * '#' is a bold group heading ("Camera") and a row starting with '~' is a smaller
 * second line in the second column (a synopsis). With GRID, every cell is
 * bordered. Returns the y below the table. */
static double
draw_table (Mp2SheetDrawer    *d,
            const double      *columns,
            guint              n_columns,
            double             y,
            double             size,
            gboolean           grid,
            const char *const *rows)
{
  double row_height = size * 1.75;
  double pad = grid ? 3.0 : 0.0;
  double top = y;

  for (guint r = 0; rows[r] != NULL; r++)
    {
      const char *row = rows[r];
      double text_y = y + (row_height - size * 1.2) / 2.0;

      if (r > 0 && row[0] == '~')
        {
          put (d, columns[1] + pad, y - size * 0.35, size - 1.5, row + 1);
          y += row_height * 0.6;
          continue;
        }

      if (grid)
        mp2_sheet_drawer_line (d, columns[0], y, columns[n_columns], y);

      if (r > 0 && row[0] == '#')
        {
          put_bold (d, columns[0] + pad, text_y, size, row + 1);
        }
      else
        {
          g_auto(GStrv) cells = g_strsplit (row, "|", -1);

          for (guint c = 0; cells[c] != NULL && c < n_columns; c++)
            {
              if (cells[c][0] != '\0')
                mp2_sheet_drawer_text (d, columns[c] + pad, text_y, size, r == 0, cells[c]);
            }
        }
      y += row_height;
    }

  if (grid)
    {
      mp2_sheet_drawer_line (d, columns[0], y, columns[n_columns], y);
      for (guint c = 0; c <= n_columns; c++)
        mp2_sheet_drawer_line (d, columns[c], top, columns[c], y);
    }

  return y;
}

/* A section heading with a rule beneath it; returns the y below it. */
static double
draw_heading (Mp2SheetDrawer *d,
              double          x,
              double          y,
              double          right,
              const char     *title)
{
  put_bold (d, x, y, 10.5, title);
  mp2_sheet_drawer_line (d, x, y + 15, right, y + 15);

  return y + 20;
}

/* A bordered box with a small caption above its value. */
static void
draw_caption_box (Mp2SheetDrawer *d,
                  double          x,
                  double          y,
                  double          width,
                  const char     *caption,
                  const char     *value)
{
  mp2_sheet_drawer_rect (d, x, y, width, 34);
  put (d, x + 5, y + 3, 6.5, caption);
  put_bold (d, x + 5, y + 14, 11, value);
}

/* Draws table rows without a header: each row is a list of cells separated by
 * '|', in columns as for draw_table(). Returns the y below the rows. */
static double
draw_plain_rows (Mp2SheetDrawer    *d,
                 const double      *columns,
                 guint              n_columns,
                 double             y,
                 double             size,
                 const char *const *rows)
{
  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "|", -1);

      for (guint c = 0; cells[c] != NULL && c < n_columns; c++)
        {
          if (cells[c][0] != '\0')
            put (d, columns[c], y, size, cells[c]);
        }
      y += size * 1.75;
    }

  return y;
}

/* a. A German Tagesdisposition */

static GBytes *
draw_german_dispo (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  static const double scene_columns[] = { 40, 80, 300, 360, 420, 555 };
  static const char *const scenes[] = {
    "Bild|Motiv|T/N|Seiten|Darsteller",
    "12|INNEN. STELLWERK|Tag|1 2/8|1, 2",
    "14|AUSSEN. GLEISANLAGE|Tag|6/8|1",
    "15A|INNEN. STELLWERK|Nacht|3/8|2",
    NULL
  };
  static const double cast_columns[] = { 40, 70, 190, 300, 380, 450, 555 };
  static const char *const cast[] = {
    "Nr|Darsteller|Rolle|Abholung|Maske|am Set",
    "1|Katharina Wendt|Anna Behrens|06:45|07:15|08:00",
    "2|Jonas Petersen|Paul Krüger|—|07:45|08:30",
    NULL
  };
  static const double crew_columns[] = { 40, 130, 260, 380, 480, 555 };
  static const char *const crew[] = {
    "Abteilung|Funktion|Name|Telefon|Beginn",
    "Regie|Regisseurin|Miriam Hoffmann|0171 2345678|06:30",
    "|1. Regieassistenz|Tobias Krämer|0160 9876543|06:00",
    "Kamera|Kameramann|Lukas Brandt|0172 5554321|06:30",
    "|1. Kameraassistenz|Selin Yıldız|0157 3332211|06:00",
    NULL
  };
  double y;

  put (d, 40, 28, 8, "Nordlicht Film GmbH");
  put_bold (d, 232, 48, 13, "TAGESDISPOSITION");
  put_bold (d, 200, 68, 22, "Das stille Gleis");
  put (d, 40, 104, 11, "Drehtag 7 von 32");
  put (d, 330, 104, 11, "Datum: Donnerstag, 14. März 2024");

  mp2_sheet_drawer_rect (d, 40, 125, 515, 48);
  put (d, 50, 132, 10, "Treffpunkt Team: 06:30");
  put (d, 310, 132, 10, "Drehbeginn: 08:00");
  put (d, 50, 152, 10, "Mittagspause: 12:30");
  put (d, 310, 152, 10, "Drehschluss: 18:00");

  y = draw_heading (d, 40, 190, 555, "MOTIVE");
  put (d, 40, y, 8.5, "Motiv 1: Altes Stellwerk");
  put (d, 40, y + 12, 8.5, "Bahnhofstraße 12, 10115 Berlin");
  put (d, 225, y, 8.5, "Basis: Parkplatz am Ostkreuz");
  put (d, 225, y + 12, 8.5, "Hauptstraße 3, 10317 Berlin");
  put (d, 410, y, 8.5, "Krankenhaus: Vivantes Klinikum");
  put (d, 410, y + 12, 8.5, "Landsberger Allee 49, 10249 Berlin");

  y = draw_heading (d, 40, y + 40, 555, "SZENEN");
  y = draw_table (d, scene_columns, 5, y, 8.5, FALSE, scenes);
  y = draw_heading (d, 40, y + 18, 555, "DARSTELLER");
  y = draw_table (d, cast_columns, 6, y, 8.5, FALSE, cast);
  y = draw_heading (d, 40, y + 18, 555, "TEAM");
  y = draw_table (d, crew_columns, 5, y, 8.5, FALSE, crew);
  y = draw_heading (d, 40, y + 18, 555, "HINWEISE");
  put (d, 40, y, 8.5, "1. Warnwesten sind im Gleisbereich Pflicht.");
  put (d, 40, y + 13, 8.5,
       "2. Parken nur auf dem Basisparkplatz, nicht in der Bahnhofstraße.");

  *expected_json =
    "{\"production\": \"Das stille Gleis\", \"date\": \"2024-03-14\","
    " \"shooting_day\": 7, \"total_days\": 32, \"revision\": 1, \"language\": \"de\","
    " \"crew_call\": \"06:30\", \"shooting_call\": \"08:00\", \"breakfast\": null,"
    " \"lunch\": \"12:30\", \"estimated_wrap\": \"18:00\", \"sunrise\": null,"
    " \"sunset\": null,"
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Altes Stellwerk\","
    "   \"address\": \"Bahnhofstraße 12, 10115 Berlin\"},"
    "  {\"kind\": \"base\", \"name\": \"Parkplatz am Ostkreuz\","
    "   \"address\": \"Hauptstraße 3, 10317 Berlin\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Vivantes Klinikum\","
    "   \"address\": \"Landsberger Allee 49, 10249 Berlin\"}],"
    " \"scenes\": ["
    "  {\"number\": \"12\", \"set\": \"INNEN. STELLWERK\", \"day_night\": \"D\","
    "   \"pages\": \"1 2/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"14\", \"set\": \"AUSSEN. GLEISANLAGE\", \"day_night\": \"D\","
    "   \"pages\": \"6/8\", \"cast\": [\"1\"]},"
    "  {\"number\": \"15A\", \"set\": \"INNEN. STELLWERK\", \"day_night\": \"N\","
    "   \"pages\": \"3/8\", \"cast\": [\"2\"]}],"
    " \"crew\": ["
    "  {\"department\": \"Regie\", \"position\": \"Regisseurin\","
    "   \"name\": \"Miriam Hoffmann\", \"call\": \"06:30\"},"
    "  {\"department\": \"Regie\", \"position\": \"1. Regieassistenz\","
    "   \"name\": \"Tobias Krämer\", \"call\": \"06:00\"},"
    "  {\"department\": \"Kamera\", \"position\": \"Kameramann\","
    "   \"name\": \"Lukas Brandt\", \"call\": \"06:30\"},"
    "  {\"department\": \"Kamera\", \"position\": \"1. Kameraassistenz\","
    "   \"name\": \"Selin Yıldız\", \"call\": \"06:00\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Katharina Wendt\", \"character\": \"Anna Behrens\","
    "   \"pickup\": \"06:45\", \"call\": \"07:15\", \"on_set\": \"08:00\"},"
    "  {\"id\": \"2\", \"name\": \"Jonas Petersen\", \"character\": \"Paul Krüger\","
    "   \"pickup\": null, \"call\": \"07:45\", \"on_set\": \"08:30\"}],"
    " \"notes\": [\"Warnwesten sind im Gleisbereich Pflicht.\","
    "  \"Parken nur auf dem Basisparkplatz, nicht in der Bahnhofstraße.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* b. A UK sheet of bordered boxes, each caption above its value */

static GBytes *
draw_label_above_boxes (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  static const double scene_columns[] = { 40, 80, 330, 400, 450, 555 };
  static const char *const scenes[] = {
    "Sc.|Set|D/N|Pgs|Cast",
    "23|INT. WAREHOUSE – LOADING BAY|Day|1 4/8|1, 3",
    "24|INT. WAREHOUSE – FOREMAN'S OFFICE|Day|7/8|1",
    "31A|EXT. RIVERSIDE STEPS|Morning|2/8|2",
    NULL
  };
  static const double cast_columns[] = { 40, 65, 170, 290, 375, 455, 555 };
  static const char *const cast[] = {
    "#|Artist|Character|Pick Up|Call|On Set",
    "1|Imogen Clarke|NELL HARKER|06:15|06:45|07:45",
    "2|Femi Adeyemi|CONSTABLE BRIGGS|Self drive|09:30|10:30",
    "3|Declan Walsh|TOM HARKER|06:30|07:00|08:00",
    NULL
  };
  static const double crew_columns[] = { 40, 140, 300, 460, 555 };
  static const char *const crew[] = {
    "Dept|Position|Name|Call",
    "Production|Line Producer|Harriet Cole|06:30",
    "Production|1st AD|Sam Okafor|06:00",
    "Camera|Director of Photography|Rhys Morgan|06:30",
    "Camera|Focus Puller|Priya Shah|06:15",
    "Sound|Production Sound Mixer|Owen Price|06:45",
    NULL
  };
  double y;

  put (d, 40, 26, 8, "Millbank Pictures Ltd");
  put_bold (d, 40, 42, 20, "The Ferryman's Daughter");
  put_bold (d, 455, 50, 13, "CALL SHEET");

  draw_caption_box (d, 40, 86, 200, "DATE", "Friday 12 April 2024");
  draw_caption_box (d, 250, 86, 90, "DAY", "5 of 20");
  draw_caption_box (d, 40, 130, 120, "CREW CALL", "06:30");
  draw_caption_box (d, 170, 130, 120, "SHOOTING CALL", "07:45");
  draw_caption_box (d, 300, 130, 120, "LUNCH", "12:30–13:15");
  draw_caption_box (d, 430, 130, 125, "EST. WRAP", "18:00");

  y = draw_heading (d, 40, 186, 555, "LOCATIONS");
  put (d, 40, y, 9, "Set 1: Wapping Warehouse – 14 Wapping High Street, London E1W 1NG");
  put (d, 40, y + 14, 9,
       "Nearest Hospital: Royal London Hospital – Whitechapel Road, London E1 1FR");

  y = draw_heading (d, 40, y + 42, 555, "SCENES");
  y = draw_table (d, scene_columns, 5, y, 8.5, TRUE, scenes);
  y = draw_heading (d, 40, y + 18, 555, "CAST");
  y = draw_table (d, cast_columns, 6, y, 8.5, TRUE, cast);
  y = draw_heading (d, 40, y + 18, 555, "CREW");
  draw_table (d, crew_columns, 4, y, 8.5, TRUE, crew);

  *expected_json =
    "{\"production\": \"The Ferryman's Daughter\", \"date\": \"2024-04-12\","
    " \"shooting_day\": 5, \"total_days\": 20, \"revision\": 1, \"language\": \"en\","
    " \"crew_call\": \"06:30\", \"shooting_call\": \"07:45\", \"breakfast\": null,"
    " \"lunch\": \"12:30\", \"estimated_wrap\": \"18:00\", \"sunrise\": null,"
    " \"sunset\": null,"
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Wapping Warehouse\","
    "   \"address\": \"14 Wapping High Street, London E1W 1NG\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Royal London Hospital\","
    "   \"address\": \"Whitechapel Road, London E1 1FR\"}],"
    " \"scenes\": ["
    "  {\"number\": \"23\", \"set\": \"INT. WAREHOUSE – LOADING BAY\", \"day_night\": \"D\","
    "   \"pages\": \"1 4/8\", \"cast\": [\"1\", \"3\"]},"
    "  {\"number\": \"24\", \"set\": \"INT. WAREHOUSE – FOREMAN'S OFFICE\","
    "   \"day_night\": \"D\", \"pages\": \"7/8\", \"cast\": [\"1\"]},"
    "  {\"number\": \"31A\", \"set\": \"EXT. RIVERSIDE STEPS\", \"day_night\": \"M\","
    "   \"pages\": \"2/8\", \"cast\": [\"2\"]}],"
    " \"crew\": ["
    "  {\"department\": \"Production\", \"position\": \"Line Producer\","
    "   \"name\": \"Harriet Cole\", \"call\": \"06:30\"},"
    "  {\"department\": \"Production\", \"position\": \"1st AD\","
    "   \"name\": \"Sam Okafor\", \"call\": \"06:00\"},"
    "  {\"department\": \"Camera\", \"position\": \"Director of Photography\","
    "   \"name\": \"Rhys Morgan\", \"call\": \"06:30\"},"
    "  {\"department\": \"Camera\", \"position\": \"Focus Puller\","
    "   \"name\": \"Priya Shah\", \"call\": \"06:15\"},"
    "  {\"department\": \"Sound\", \"position\": \"Production Sound Mixer\","
    "   \"name\": \"Owen Price\", \"call\": \"06:45\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Imogen Clarke\", \"character\": \"NELL HARKER\","
    "   \"pickup\": \"06:15\", \"call\": \"06:45\", \"on_set\": \"07:45\"},"
    "  {\"id\": \"2\", \"name\": \"Femi Adeyemi\", \"character\": \"CONSTABLE BRIGGS\","
    "   \"pickup\": null, \"call\": \"09:30\", \"on_set\": \"10:30\"},"
    "  {\"id\": \"3\", \"name\": \"Declan Walsh\", \"character\": \"TOM HARKER\","
    "   \"pickup\": \"06:30\", \"call\": \"07:00\", \"on_set\": \"08:00\"}],"
    " \"notes\": []}";

  return mp2_sheet_drawer_finish (d);
}

/* c. A US commercial on landscape Letter: two header calls, no scenes */

static GBytes *
draw_us_commercial_landscape (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_LETTER_HEIGHT, MP2_SHEET_LETTER_WIDTH);
  static const double crew_columns[] = { 30, 210, 350, 480, 560 };
  static const char *const crew[] = {
    "ROLE|NAME|CONTACT|CALL",
    "#PRODUCTION",
    "Director|Elena Marsh|(323) 555-0141|7:00 AM",
    "Producer|Gabriel Soto|(213) 555-0126|6:30 AM",
    "#CAMERA",
    "Director of Photography|Marcus Lindqvist|(310) 555-0187|7:00 AM",
    "1st AC|Jenna Ruiz|(818) 555-0119|6:45 AM",
    "#GRIP & ELECTRIC",
    "Gaffer|Tomás Rivera|(213) 555-0175|7:00 AM",
    "Key Grip|Andre Coleman|(323) 555-0192|7:00 AM",
    NULL
  };
  double y;

  put_bold (d, 30, 24, 9, "HOLLOW PINE FILMS");
  put (d, 30, 37, 8, "Client: Brightwater Beverages");
  put_bold (d, 348, 20, 16, "CALL SHEET");
  put_bold (d, 337, 42, 20, "Morning Run");
  put (d, 372, 74, 10, "Day 1 of 1");
  put (d, 344, 89, 10, "Tuesday, May 6, 2025");

  put (d, 570, 22, 9, "Production Call Time: 6:30 AM");
  put_bold (d, 570, 37, 10, "Crew Call Time: 7:00 AM");
  put (d, 570, 54, 9, "Shooting Call: 8:30 AM");
  put (d, 570, 67, 9, "Lunch: 1:00 PM");
  put (d, 570, 80, 9, "Est. Wrap: 6:00 PM");
  put (d, 570, 93, 9, "Sunrise: 5:59 AM");
  put (d, 670, 93, 9, "Sunset: 7:38 PM");

  mp2_sheet_drawer_rect (d, 30, 122, 240, 62);
  put_bold (d, 36, 127, 9, "LOCATION #1");
  put (d, 36, 141, 9, "Union Station");
  put (d, 36, 154, 9, "800 N Alameda St");
  put (d, 36, 167, 9, "Los Angeles, CA 90012");
  mp2_sheet_drawer_rect (d, 280, 122, 240, 62);
  put_bold (d, 286, 127, 9, "CREW PARKING");
  put (d, 286, 141, 9, "801 N Vignes St");
  put (d, 286, 154, 9, "Los Angeles, CA 90012");
  mp2_sheet_drawer_rect (d, 530, 122, 232, 62);
  put_bold (d, 536, 127, 9, "HOSPITAL");
  put (d, 536, 141, 9, "LAC+USC Medical Center");
  put (d, 536, 154, 9, "1983 Marengo St");
  put (d, 536, 167, 9, "Los Angeles, CA 90033");

  y = draw_table (d, crew_columns, 4, 202, 8.5, FALSE, crew);
  y = draw_heading (d, 30, y + 16, 762, "NOTES");
  put (d, 30, y, 8.5, "Closed set – agency and client approval required for all visitors.");
  put (d, 30, y + 13, 8.5, "Union Station stays open to the public: keep walkways clear.");

  *expected_json =
    "{\"production\": \"Morning Run\", \"date\": \"2025-05-06\","
    " \"shooting_day\": 1, \"total_days\": 1, \"revision\": 1, \"language\": \"en\","
    " \"crew_call\": \"07:00\", \"shooting_call\": \"08:30\", \"breakfast\": null,"
    " \"lunch\": \"13:00\", \"estimated_wrap\": \"18:00\", \"sunrise\": \"05:59\","
    " \"sunset\": \"19:38\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Union Station\","
    "   \"address\": \"800 N Alameda St, Los Angeles, CA 90012\"},"
    "  {\"kind\": \"parking\", \"name\": null,"
    "   \"address\": \"801 N Vignes St, Los Angeles, CA 90012\"},"
    "  {\"kind\": \"hospital\", \"name\": \"LAC+USC Medical Center\","
    "   \"address\": \"1983 Marengo St, Los Angeles, CA 90033\"}],"
    " \"scenes\": [],"
    " \"crew\": ["
    "  {\"department\": \"PRODUCTION\", \"position\": \"Director\","
    "   \"name\": \"Elena Marsh\", \"call\": \"07:00\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"Producer\","
    "   \"name\": \"Gabriel Soto\", \"call\": \"06:30\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"Director of Photography\","
    "   \"name\": \"Marcus Lindqvist\", \"call\": \"07:00\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"1st AC\","
    "   \"name\": \"Jenna Ruiz\", \"call\": \"06:45\"},"
    "  {\"department\": \"GRIP & ELECTRIC\", \"position\": \"Gaffer\","
    "   \"name\": \"Tomás Rivera\", \"call\": \"07:00\"},"
    "  {\"department\": \"GRIP & ELECTRIC\", \"position\": \"Key Grip\","
    "   \"name\": \"Andre Coleman\", \"call\": \"07:00\"}],"
    " \"cast\": [],"
    " \"notes\": [\"Closed set – agency and client approval required for all visitors.\","
    "  \"Union Station stays open to the public: keep walkways clear.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* d. A sheet whose tables come first in the content stream, the header last */

static GBytes *
draw_body_first (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_LETTER_WIDTH, MP2_SHEET_LETTER_HEIGHT);
  static const double scene_columns[] = { 30, 75, 370, 430, 480, 582 };
  static const char *const scenes[] = {
    "Sc.|Set / Description|D/N|Pgs|Cast",
    "41|INT. CANNERY – PACKING FLOOR|Day|2 1/8|1, 2",
    "~Mara confronts Eli about the missing ledger.",
    "42|INT. CANNERY – COLD STORE|Day|6/8|2",
    "~Eli hides the ledger behind the ice racks.",
    "57B|EXT. CANNERY PIER|Evening|1|1, 3",
    "~Mara watches the trawler leave without her.",
    NULL
  };
  static const double cast_columns[] = { 30, 55, 170, 290, 370, 450, 520, 582 };
  static const char *const cast[] = {
    "#|Cast|Character|Pickup|Call|On Set",
    "1|Lena Okoro|MARA VANCE|6:15 AM|6:45 AM|8:00 AM",
    "2|Caleb Brandt|ELI HOLT|6:45 AM|7:15 AM|8:30 AM",
    "3|Rosa Delgado|CAPTAIN IRIS|self drive|1:30 PM|3:00 PM",
    NULL
  };
  static const double crew_columns[] = { 30, 200, 350, 480, 582 };
  static const char *const crew[] = {
    "Position|Name|Phone|Call",
    "#Production",
    "Director|Nate Fischer|(562) 555-0134|7:00 AM",
    "1st AD|Gwen Albright|(562) 555-0178|6:30 AM",
    "#Camera",
    "Director of Photography|Sol Ramirez|(310) 555-0149|7:00 AM",
    "1st AC|Tariq Hassan|(424) 555-0113|6:30 AM",
    "#Sound",
    "Sound Mixer|Ada Kim|(213) 555-0161|7:00 AM",
    NULL
  };
  double y;

  /* The body, drawn first */
  y = draw_heading (d, 30, 200, 582, "SCENES");
  y = draw_table (d, scene_columns, 5, y, 8.5, FALSE, scenes);
  y = draw_heading (d, 30, y + 16, 582, "CAST");
  y = draw_table (d, cast_columns, 6, y, 8.5, FALSE, cast);
  y = draw_heading (d, 30, y + 16, 582, "CREW");
  y = draw_table (d, crew_columns, 4, y, 8.5, FALSE, crew);
  y = draw_heading (d, 30, y + 16, 582, "SPECIAL INSTRUCTIONS");
  put (d, 30, y, 8.5, "Forklift operating on the packing floor – stay behind the yellow line.");
  put (d, 30, y + 13, 8.5, "Cold store is kept at 2°C: warm layers for everyone on Sc. 42.");

  y = draw_heading (d, 30, 124, 582, "LOCATIONS");
  put (d, 30, y, 8.5, "Set 1: Harbor Point Cannery");
  put (d, 30, y + 12, 8.5, "1100 Seaside Ave");
  put (d, 30, y + 24, 8.5, "San Pedro, CA 90731");
  put (d, 222, y, 8.5, "Unit Base: Ports O' Call Lot");
  put (d, 222, y + 12, 8.5, "1200 Nagoya Way");
  put (d, 222, y + 24, 8.5, "San Pedro, CA 90731");
  put (d, 414, y, 8.5, "Nearest Hospital: Providence San Pedro");
  put (d, 414, y + 12, 8.5, "1300 W 7th St");
  put (d, 414, y + 24, 8.5, "San Pedro, CA 90732");

  /* The header band, drawn last */
  put (d, 30, 26, 8, "Tidewater Films");
  put_bold (d, 236, 24, 20, "Salt & Iron");
  put_bold (d, 250, 52, 12, "CALL SHEET");
  put_bold (d, 335, 53, 10, "REV 2");
  put (d, 262, 72, 10, "Day 9 of 30");
  put (d, 232, 86, 10, "Wednesday, June 19, 2024");
  mp2_sheet_drawer_rect (d, 420, 20, 162, 86);
  put_bold (d, 428, 26, 11, "Crew Call: 7:00 AM");
  put (d, 428, 46, 9, "Shooting Call: 8:00 AM");
  put (d, 428, 61, 9, "Lunch: 1:00 PM");
  put (d, 428, 76, 9, "Est. Wrap: 7:00 PM");

  *expected_json =
    "{\"production\": \"Salt & Iron\", \"date\": \"2024-06-19\","
    " \"shooting_day\": 9, \"total_days\": 30, \"revision\": 2, \"language\": \"en\","
    " \"crew_call\": \"07:00\", \"shooting_call\": \"08:00\", \"breakfast\": null,"
    " \"lunch\": \"13:00\", \"estimated_wrap\": \"19:00\", \"sunrise\": null,"
    " \"sunset\": null,"
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Harbor Point Cannery\","
    "   \"address\": \"1100 Seaside Ave, San Pedro, CA 90731\"},"
    "  {\"kind\": \"base\", \"name\": \"Ports O' Call Lot\","
    "   \"address\": \"1200 Nagoya Way, San Pedro, CA 90731\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Providence San Pedro\","
    "   \"address\": \"1300 W 7th St, San Pedro, CA 90732\"}],"
    " \"scenes\": ["
    "  {\"number\": \"41\", \"set\": \"INT. CANNERY – PACKING FLOOR\", \"day_night\": \"D\","
    "   \"pages\": \"2 1/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"42\", \"set\": \"INT. CANNERY – COLD STORE\", \"day_night\": \"D\","
    "   \"pages\": \"6/8\", \"cast\": [\"2\"]},"
    "  {\"number\": \"57B\", \"set\": \"EXT. CANNERY PIER\", \"day_night\": \"E\","
    "   \"pages\": \"1\", \"cast\": [\"1\", \"3\"]}],"
    " \"crew\": ["
    "  {\"department\": \"Production\", \"position\": \"Director\","
    "   \"name\": \"Nate Fischer\", \"call\": \"07:00\"},"
    "  {\"department\": \"Production\", \"position\": \"1st AD\","
    "   \"name\": \"Gwen Albright\", \"call\": \"06:30\"},"
    "  {\"department\": \"Camera\", \"position\": \"Director of Photography\","
    "   \"name\": \"Sol Ramirez\", \"call\": \"07:00\"},"
    "  {\"department\": \"Camera\", \"position\": \"1st AC\","
    "   \"name\": \"Tariq Hassan\", \"call\": \"06:30\"},"
    "  {\"department\": \"Sound\", \"position\": \"Sound Mixer\","
    "   \"name\": \"Ada Kim\", \"call\": \"07:00\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Lena Okoro\", \"character\": \"MARA VANCE\","
    "   \"pickup\": \"06:15\", \"call\": \"06:45\", \"on_set\": \"08:00\"},"
    "  {\"id\": \"2\", \"name\": \"Caleb Brandt\", \"character\": \"ELI HOLT\","
    "   \"pickup\": \"06:45\", \"call\": \"07:15\", \"on_set\": \"08:30\"},"
    "  {\"id\": \"3\", \"name\": \"Rosa Delgado\", \"character\": \"CAPTAIN IRIS\","
    "   \"pickup\": null, \"call\": \"13:30\", \"on_set\": \"15:00\"}],"
    " \"notes\": [\"Forklift operating on the packing floor – stay behind the yellow line.\","
    "  \"Cold store is kept at 2°C: warm layers for everyone on Sc. 42.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* e. A Polish night shoot */

static GBytes *
draw_polish_night (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  static const double scene_columns[] = { 40, 80, 330, 390, 440, 555 };
  static const char *const scenes[] = {
    "Sc.|Obiekt/Opis|D/N|Str.|Obsada",
    "45|WN. ZAJEZDNIA – HALA NAPRAW|NOC|1 3/8|1, 2",
    "46|PL. ZAJEZDNIA – TORY ODSTAWCZE|NOC|5/8|1",
    "47A|WN./PL. TRAMWAJ LINII 17|NOC|2|1, 2, 4",
    NULL
  };
  static const double cast_columns[] = { 40, 65, 185, 300, 370, 475, 555 };
  static const char *const cast[] = {
    "Nr|Aktor|Postać|Odbiór|Charakteryzacja|Na planie",
    "1|Marta Zielińska|Ewa|17.30|18.15|19.30",
    "2|Piotr Wasilewski|Motorniczy Jan|własny|18.30|19.45",
    "4|Zofia Kamińska|Pasażerka|18.00|18.45|20.00",
    NULL
  };
  static const double crew_columns[] = { 40, 200, 360, 470, 555 };
  static const char *const crew[] = {
    "Stanowisko|Imię i nazwisko|Telefon|Godz.",
    "#REŻYSERIA",
    "Reżyser|Agnieszka Nowicka|601 234 567|18.00",
    "II reżyser|Michał Dąbrowski|602 345 678|17.30",
    "#ZDJĘCIA",
    "Operator kamery|Krzysztof Lis|603 456 789|18.00",
    "I asystent operatora|Natalia Wójcik|604 567 890|17.30",
    "#OŚWIETLENIE",
    "Mistrz oświetlenia|Paweł Król|605 678 901|17.00",
    NULL
  };
  double y;

  put (d, 40, 26, 8, "Studio Filmowe Tramwaj sp. z o.o.");
  put_bold (d, 40, 42, 22, "Ostatni kurs");
  put_bold (d, 40, 78, 12, "PLAN ZDJĘCIOWY – Dzień 12 z 40");
  put (d, 400, 79, 11, "Data: 21.11.2024 r.");

  mp2_sheet_drawer_rect (d, 40, 100, 515, 56);
  put (d, 50, 105, 9.5, "Zbiórka ekipy: 18.00");
  put (d, 50, 120, 9.5, "Gotowość do zdjęć: 19.30");
  put (d, 50, 135, 9.5, "Obiad: 23.30–00.15");
  put (d, 310, 105, 9.5, "Planowany koniec zdjęć: 05.30");
  put (d, 310, 120, 9.5, "Zachód słońca: 15.35");
  put (d, 310, 135, 9.5, "Wschód słońca: 7.07");

  y = draw_heading (d, 40, 172, 555, "LOKALIZACJE");
  put (d, 40, y, 8, "Obiekt 1: Zajezdnia Praga");
  put (d, 40, y + 11, 8, "ul. Kawęczyńska 14");
  put (d, 40, y + 22, 8, "03-772 Warszawa");
  put (d, 225, y, 8, "Baza: Parking przy zajezdni");
  put (d, 225, y + 11, 8, "ul. Otwocka 14");
  put (d, 225, y + 22, 8, "03-759 Warszawa");
  put (d, 410, y, 8, "Najbliższy szpital: Szpital Praski");
  put (d, 410, y + 11, 8, "al. Solidarności 67");
  put (d, 410, y + 22, 8, "03-401 Warszawa");

  y = draw_heading (d, 40, y + 46, 555, "SCENY");
  y = draw_table (d, scene_columns, 5, y, 8.5, FALSE, scenes);
  y = draw_heading (d, 40, y + 16, 555, "OBSADA");
  y = draw_table (d, cast_columns, 6, y, 8.5, FALSE, cast);
  y = draw_heading (d, 40, y + 16, 555, "EKIPA");
  y = draw_table (d, crew_columns, 4, y, 8.5, FALSE, crew);
  y = draw_heading (d, 40, y + 16, 555, "UWAGI");
  put (d, 40, y, 8.5,
       "1. Ciepła odzież i kamizelki odblaskowe obowiązkowe na terenie zajezdni.");
  put (d, 40, y + 13, 8.5,
       "2. Wjazd na teren zajezdni wyłącznie z identyfikatorem; lista nazwisk została");
  put (d, 52, y + 25, 8.5, "przekazana ochronie obiektu.");
  put (d, 40, y + 38, 8.5, "3. Gorące napoje dostępne przez całą noc w hali B.");

  *expected_json =
    "{\"production\": \"Ostatni kurs\", \"date\": \"2024-11-21\","
    " \"shooting_day\": 12, \"total_days\": 40, \"revision\": 1, \"language\": \"pl\","
    " \"crew_call\": \"18:00\", \"shooting_call\": \"19:30\", \"breakfast\": null,"
    " \"lunch\": \"23:30\", \"estimated_wrap\": \"05:30\", \"sunrise\": \"07:07\","
    " \"sunset\": \"15:35\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Zajezdnia Praga\","
    "   \"address\": \"ul. Kawęczyńska 14, 03-772 Warszawa\"},"
    "  {\"kind\": \"base\", \"name\": \"Parking przy zajezdni\","
    "   \"address\": \"ul. Otwocka 14, 03-759 Warszawa\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Szpital Praski\","
    "   \"address\": \"al. Solidarności 67, 03-401 Warszawa\"}],"
    " \"scenes\": ["
    "  {\"number\": \"45\", \"set\": \"WN. ZAJEZDNIA – HALA NAPRAW\", \"day_night\": \"N\","
    "   \"pages\": \"1 3/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"46\", \"set\": \"PL. ZAJEZDNIA – TORY ODSTAWCZE\","
    "   \"day_night\": \"N\", \"pages\": \"5/8\", \"cast\": [\"1\"]},"
    "  {\"number\": \"47A\", \"set\": \"WN./PL. TRAMWAJ LINII 17\", \"day_night\": \"N\","
    "   \"pages\": \"2\", \"cast\": [\"1\", \"2\", \"4\"]}],"
    " \"crew\": ["
    "  {\"department\": \"REŻYSERIA\", \"position\": \"Reżyser\","
    "   \"name\": \"Agnieszka Nowicka\", \"call\": \"18:00\"},"
    "  {\"department\": \"REŻYSERIA\", \"position\": \"II reżyser\","
    "   \"name\": \"Michał Dąbrowski\", \"call\": \"17:30\"},"
    "  {\"department\": \"ZDJĘCIA\", \"position\": \"Operator kamery\","
    "   \"name\": \"Krzysztof Lis\", \"call\": \"18:00\"},"
    "  {\"department\": \"ZDJĘCIA\", \"position\": \"I asystent operatora\","
    "   \"name\": \"Natalia Wójcik\", \"call\": \"17:30\"},"
    "  {\"department\": \"OŚWIETLENIE\", \"position\": \"Mistrz oświetlenia\","
    "   \"name\": \"Paweł Król\", \"call\": \"17:00\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Marta Zielińska\", \"character\": \"Ewa\","
    "   \"pickup\": \"17:30\", \"call\": \"18:15\", \"on_set\": \"19:30\"},"
    "  {\"id\": \"2\", \"name\": \"Piotr Wasilewski\", \"character\": \"Motorniczy Jan\","
    "   \"pickup\": null, \"call\": \"18:30\", \"on_set\": \"19:45\"},"
    "  {\"id\": \"4\", \"name\": \"Zofia Kamińska\", \"character\": \"Pasażerka\","
    "   \"pickup\": \"18:00\", \"call\": \"18:45\", \"on_set\": \"20:00\"}],"
    " \"notes\": [\"Ciepła odzież i kamizelki odblaskowe obowiązkowe na terenie zajezdni.\","
    "  \"Wjazd na teren zajezdni wyłącznie z identyfikatorem; lista nazwisk została"
    " przekazana ochronie obiektu.\","
    "  \"Gorące napoje dostępne przez całą noc w hali B.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* f. Today's scenes, a background table and tomorrow's advance schedule */

static GBytes *
draw_advance_and_extras (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_LETTER_WIDTH, MP2_SHEET_LETTER_HEIGHT);
  static const double scene_columns[] = { 30, 75, 370, 430, 480, 582 };
  static const char *const scenes[] = {
    "Sc.|Set|D/N|Pgs|Cast",
    "14|INT. MILLBROOK DINER|Day|2|1, 2",
    "15|EXT. MILLBROOK DINER – PARKING LOT|Day|4/8|2",
    NULL
  };
  static const double cast_columns[] = { 30, 55, 170, 290, 370, 450, 520, 582 };
  static const char *const cast[] = {
    "#|Cast|Character|Pickup|Call|On Set",
    "1|Hannah Price|JUNE|5:15 AM|5:45 AM|7:00 AM",
    "2|Marcus Bell|DALE|5:30 AM|6:00 AM|7:15 AM",
    NULL
  };
  static const double background_columns[] = { 30, 75, 300, 370, 582 };
  static const char *const background[] = {
    "Qty|Description|Sc.|Call",
    "8|Diner Patrons|14, 15|6:15 AM",
    "1|Waitress|14|6:15 AM",
    "2|Stand-ins|14, 15|6:00 AM",
    NULL
  };
  static const double crew_columns[] = { 30, 200, 350, 480, 582 };
  static const char *const crew[] = {
    "Position|Name|Phone|Call",
    "#Production",
    "Director|Ruth Engel|(845) 555-0102|6:00 AM",
    "1st AD|Omar Haddad|(845) 555-0147|5:30 AM",
    "#Camera",
    "Director of Photography|Lise Moreau|(914) 555-0163|6:00 AM",
    NULL
  };
  static const char *const advance[] = {
    "Sc.|Set|D/N|Pgs|Cast",
    "22|EXT. HUDSON RIVER OVERLOOK|Day|1 2/8|1",
    "23|INT. DALE'S TRUCK (MOVING)|Night|3/8|1, 2",
    NULL
  };
  double y;

  put (d, 30, 26, 8, "Red Barn Pictures");
  put_bold (d, 240, 24, 20, "Northbound");
  put_bold (d, 252, 52, 12, "CALL SHEET");
  put (d, 264, 72, 10, "Day 3 of 18");
  put (d, 232, 86, 10, "Thursday, October 3, 2024");
  put_bold (d, 430, 26, 11, "Crew Call: 6:00 AM");
  put (d, 430, 44, 9, "Breakfast: 5:30–6:00 AM");
  put (d, 430, 58, 9, "Shooting Call: 7:00 AM");
  put (d, 430, 72, 9, "Lunch: 12:00 PM");
  put (d, 430, 86, 9, "Est. Wrap: 5:00 PM");

  y = draw_heading (d, 30, 114, 582, "LOCATIONS");
  put (d, 30, y, 8.5, "Set 1: Millbrook Diner");
  put (d, 30, y + 12, 8.5, "2210 Route 9");
  put (d, 30, y + 24, 8.5, "Millbrook, NY 12545");
  put (d, 310, y, 8.5, "Nearest Hospital: Northern Dutchess Hospital");
  put (d, 310, y + 12, 8.5, "6511 Springbrook Ave");
  put (d, 310, y + 24, 8.5, "Rhinebeck, NY 12572");

  y = draw_heading (d, 30, y + 46, 582, "SCENES");
  y = draw_table (d, scene_columns, 5, y, 8.5, FALSE, scenes);
  y = draw_heading (d, 30, y + 14, 582, "CAST");
  y = draw_table (d, cast_columns, 6, y, 8.5, FALSE, cast);
  y = draw_heading (d, 30, y + 14, 582, "BACKGROUND & STAND-INS");
  y = draw_table (d, background_columns, 4, y, 8.5, FALSE, background);
  y = draw_heading (d, 30, y + 14, 582, "CREW");
  y = draw_table (d, crew_columns, 4, y, 8.5, FALSE, crew);
  y = draw_heading (d, 30, y + 14, 582, "SPECIAL INSTRUCTIONS");
  put (d, 30, y, 8.5,
       "The diner stays open to the public until 7:00 AM – keep noise down on arrival.");

  mp2_sheet_drawer_rect (d, 30, y + 28, 552, 96);
  put_bold (d, 36, y + 33, 10,
            "ADVANCE SCHEDULE – Day 4 – Friday, October 4, 2024 (subject to change)");
  draw_table (d, scene_columns, 5, y + 50, 8.5, FALSE, advance);

  *expected_json =
    "{\"production\": \"Northbound\", \"date\": \"2024-10-03\","
    " \"shooting_day\": 3, \"total_days\": 18, \"revision\": 1, \"language\": \"en\","
    " \"crew_call\": \"06:00\", \"shooting_call\": \"07:00\", \"breakfast\": \"05:30\","
    " \"lunch\": \"12:00\", \"estimated_wrap\": \"17:00\", \"sunrise\": null,"
    " \"sunset\": null,"
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Millbrook Diner\","
    "   \"address\": \"2210 Route 9, Millbrook, NY 12545\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Northern Dutchess Hospital\","
    "   \"address\": \"6511 Springbrook Ave, Rhinebeck, NY 12572\"}],"
    " \"scenes\": ["
    "  {\"number\": \"14\", \"set\": \"INT. MILLBROOK DINER\", \"day_night\": \"D\","
    "   \"pages\": \"2\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"15\", \"set\": \"EXT. MILLBROOK DINER – PARKING LOT\","
    "   \"day_night\": \"D\", \"pages\": \"4/8\", \"cast\": [\"2\"]}],"
    " \"crew\": ["
    "  {\"department\": \"Production\", \"position\": \"Director\","
    "   \"name\": \"Ruth Engel\", \"call\": \"06:00\"},"
    "  {\"department\": \"Production\", \"position\": \"1st AD\","
    "   \"name\": \"Omar Haddad\", \"call\": \"05:30\"},"
    "  {\"department\": \"Camera\", \"position\": \"Director of Photography\","
    "   \"name\": \"Lise Moreau\", \"call\": \"06:00\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Hannah Price\", \"character\": \"JUNE\","
    "   \"pickup\": \"05:15\", \"call\": \"05:45\", \"on_set\": \"07:00\"},"
    "  {\"id\": \"2\", \"name\": \"Marcus Bell\", \"character\": \"DALE\","
    "   \"pickup\": \"05:30\", \"call\": \"06:00\", \"on_set\": \"07:15\"}],"
    " \"notes\": [\"The diner stays open to the public until 7:00 AM – keep noise down"
    " on arrival.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* g. A crew list that runs on to page 2, under a running header */

static GBytes *
draw_two_page_crew (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  static const double scene_columns[] = { 40, 80, 330, 400, 450, 555 };
  static const char *const scenes[] = {
    "Sc.|Set|D/N|Pgs|Cast",
    "61|INT. ASHCOMBE HOUSE – ORANGERY|Day|1 5/8|1, 2",
    "62|EXT. ASHCOMBE HOUSE – ORCHARD|Day|2 2/8|1, 2, 3",
    "64|INT. ASHCOMBE HOUSE – KITCHEN|Day|6/8|3",
    NULL
  };
  static const double cast_columns[] = { 40, 65, 170, 300, 380, 450, 555 };
  static const char *const cast[] = {
    "#|Artist|Character|Pick Up|Call|On Set",
    "1|Eleanor Voss|MARGARET ASHCOMBE|06:15|06:45|08:00",
    "2|Daniel Okonkwo|THOMAS REID|06:30|07:00|08:15",
    "3|Poppy Hale|LILY|Self drive|09:30|10:45",
    NULL
  };
  static const double crew_columns[] = { 40, 200, 350, 470, 555 };
  static const char *const crew_page_1[] = {
    "Position|Name|Mobile|Call",
    "#Production",
    "Producer|Fiona Aldridge|07700 900123|07:00",
    "Line Producer|Gareth Lloyd|07700 900456|07:00",
    "Production Manager|Anjali Mehta|07700 900789|06:30",
    "Production Coordinator|Rhiannon Pugh|07700 900135|07:30",
    "Production Runner|Tom Ellery|07700 900246|06:00",
    "#Directors",
    "Director|Simon Achterberg|07700 900234|07:00",
    "1st AD|Kate Brennan|07700 900567|06:30",
    "2nd AD|Joel Fraser|07700 900890|06:00",
    "3rd AD|Maisie Holt|07700 900357|06:00",
    "#Script",
    "Script Supervisor|Clara Benn|07700 900468|07:00",
    "#Locations",
    "Location Manager|Viktor Hale|07700 900579|06:00",
    "Unit Manager|Sean Doyle|07700 900680|05:30",
    "#Camera",
    "Director of Photography|Ines Castell|07700 900345|07:00",
    "Camera Operator|Ravi Chandra|07700 900791|07:00",
    NULL
  };
  static const char *const crew_page_2[] = {
    "Position|Name|Mobile|Call",
    "Focus Puller|Marek Nowak|07700 900678|06:45",
    "Clapper Loader|Bea Quinn|07700 900901|06:45",
    "#Sound",
    "Sound Recordist|Hugh Barnett|07700 900111|07:00",
    "Boom Operator|Lola Mensah|07700 900222|07:00",
    "#Art",
    "Production Designer|Tilly Gordon|07700 900333|07:00",
    "Props Master|Craig Dunn|07700 900444|06:30",
    NULL
  };
  double y;

  put (d, 40, 26, 8, "Brass Tacks Films Ltd");
  put_bold (d, 40, 40, 20, "The Glass Orchard");
  put_bold (d, 40, 70, 12, "CALL SHEET");
  put (d, 40, 90, 10, "Day 5 of 24");
  put (d, 40, 104, 10, "Tuesday 10 September 2024");
  mp2_sheet_drawer_rect (d, 355, 26, 200, 98);
  put_bold (d, 363, 32, 11, "Crew Call: 07:00");
  put (d, 363, 50, 9, "Shooting Call: 08:00");
  put (d, 363, 64, 9, "Lunch: 13:00–14:00");
  put (d, 363, 78, 9, "Est. Wrap: 19:00");
  put (d, 363, 92, 9, "Sunrise: 06:32");
  put (d, 363, 106, 9, "Sunset: 19:33");

  y = draw_heading (d, 40, 140, 555, "LOCATIONS");
  put (d, 40, y, 8, "Set 1: Ashcombe House");
  put (d, 40, y + 11, 8, "Ashcombe Lane");
  put (d, 40, y + 22, 8, "Kingsclere RG20 5PN");
  put (d, 225, y, 8, "Unit Base: Village Hall Car Park");
  put (d, 225, y + 11, 8, "Swan Street");
  put (d, 225, y + 22, 8, "Kingsclere RG20 5PP");
  put (d, 410, y, 8, "Nearest A&E: Basingstoke Hospital");
  put (d, 410, y + 11, 8, "Aldermaston Road");
  put (d, 410, y + 22, 8, "Basingstoke RG24 9NA");

  y = draw_heading (d, 40, y + 46, 555, "SCENES");
  y = draw_table (d, scene_columns, 5, y, 8.5, FALSE, scenes);
  y = draw_heading (d, 40, y + 16, 555, "CAST");
  y = draw_table (d, cast_columns, 6, y, 8.5, FALSE, cast);
  y = draw_heading (d, 40, y + 16, 555, "CREW");
  draw_table (d, crew_columns, 4, y, 9, FALSE, crew_page_1);
  put (d, 500, 812, 7.5, "Page 1 of 2");

  mp2_sheet_drawer_new_page (d);
  put (d, 40, 26, 7.5, "The Glass Orchard – Call Sheet – Day 5 – Page 2");
  put (d, 430, 26, 7.5, "Tuesday 10 September 2024");
  mp2_sheet_drawer_line (d, 40, 38, 555, 38);
  y = draw_heading (d, 40, 50, 555, "CREW (continued)");
  y = draw_table (d, crew_columns, 4, y, 9, FALSE, crew_page_2);
  y = draw_heading (d, 40, y + 16, 555, "NOTES");
  put (d, 40, y, 8.5, "Ashcombe House is a listed building: no tape or fixings on any wall.");
  put (d, 40, y + 13, 8.5, "Dogs on set for Sc. 62 – please keep the orchard gate closed.");
  put (d, 500, 812, 7.5, "Page 2 of 2");

  *expected_json =
    "{\"production\": \"The Glass Orchard\", \"date\": \"2024-09-10\","
    " \"shooting_day\": 5, \"total_days\": 24, \"revision\": 1, \"language\": \"en\","
    " \"crew_call\": \"07:00\", \"shooting_call\": \"08:00\", \"breakfast\": null,"
    " \"lunch\": \"13:00\", \"estimated_wrap\": \"19:00\", \"sunrise\": \"06:32\","
    " \"sunset\": \"19:33\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Ashcombe House\","
    "   \"address\": \"Ashcombe Lane, Kingsclere RG20 5PN\"},"
    "  {\"kind\": \"base\", \"name\": \"Village Hall Car Park\","
    "   \"address\": \"Swan Street, Kingsclere RG20 5PP\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Basingstoke Hospital\","
    "   \"address\": \"Aldermaston Road, Basingstoke RG24 9NA\"}],"
    " \"scenes\": ["
    "  {\"number\": \"61\", \"set\": \"INT. ASHCOMBE HOUSE – ORANGERY\", \"day_night\": \"D\","
    "   \"pages\": \"1 5/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"62\", \"set\": \"EXT. ASHCOMBE HOUSE – ORCHARD\", \"day_night\": \"D\","
    "   \"pages\": \"2 2/8\", \"cast\": [\"1\", \"2\", \"3\"]},"
    "  {\"number\": \"64\", \"set\": \"INT. ASHCOMBE HOUSE – KITCHEN\", \"day_night\": \"D\","
    "   \"pages\": \"6/8\", \"cast\": [\"3\"]}],"
    " \"crew\": ["
    "  {\"department\": \"Production\", \"position\": \"Producer\","
    "   \"name\": \"Fiona Aldridge\", \"call\": \"07:00\"},"
    "  {\"department\": \"Production\", \"position\": \"Line Producer\","
    "   \"name\": \"Gareth Lloyd\", \"call\": \"07:00\"},"
    "  {\"department\": \"Production\", \"position\": \"Production Manager\","
    "   \"name\": \"Anjali Mehta\", \"call\": \"06:30\"},"
    "  {\"department\": \"Production\", \"position\": \"Production Coordinator\","
    "   \"name\": \"Rhiannon Pugh\", \"call\": \"07:30\"},"
    "  {\"department\": \"Production\", \"position\": \"Production Runner\","
    "   \"name\": \"Tom Ellery\", \"call\": \"06:00\"},"
    "  {\"department\": \"Directors\", \"position\": \"Director\","
    "   \"name\": \"Simon Achterberg\", \"call\": \"07:00\"},"
    "  {\"department\": \"Directors\", \"position\": \"1st AD\","
    "   \"name\": \"Kate Brennan\", \"call\": \"06:30\"},"
    "  {\"department\": \"Directors\", \"position\": \"2nd AD\","
    "   \"name\": \"Joel Fraser\", \"call\": \"06:00\"},"
    "  {\"department\": \"Directors\", \"position\": \"3rd AD\","
    "   \"name\": \"Maisie Holt\", \"call\": \"06:00\"},"
    "  {\"department\": \"Script\", \"position\": \"Script Supervisor\","
    "   \"name\": \"Clara Benn\", \"call\": \"07:00\"},"
    "  {\"department\": \"Locations\", \"position\": \"Location Manager\","
    "   \"name\": \"Viktor Hale\", \"call\": \"06:00\"},"
    "  {\"department\": \"Locations\", \"position\": \"Unit Manager\","
    "   \"name\": \"Sean Doyle\", \"call\": \"05:30\"},"
    "  {\"department\": \"Camera\", \"position\": \"Director of Photography\","
    "   \"name\": \"Ines Castell\", \"call\": \"07:00\"},"
    "  {\"department\": \"Camera\", \"position\": \"Camera Operator\","
    "   \"name\": \"Ravi Chandra\", \"call\": \"07:00\"},"
    "  {\"department\": \"Camera\", \"position\": \"Focus Puller\","
    "   \"name\": \"Marek Nowak\", \"call\": \"06:45\"},"
    "  {\"department\": \"Camera\", \"position\": \"Clapper Loader\","
    "   \"name\": \"Bea Quinn\", \"call\": \"06:45\"},"
    "  {\"department\": \"Sound\", \"position\": \"Sound Recordist\","
    "   \"name\": \"Hugh Barnett\", \"call\": \"07:00\"},"
    "  {\"department\": \"Sound\", \"position\": \"Boom Operator\","
    "   \"name\": \"Lola Mensah\", \"call\": \"07:00\"},"
    "  {\"department\": \"Art\", \"position\": \"Production Designer\","
    "   \"name\": \"Tilly Gordon\", \"call\": \"07:00\"},"
    "  {\"department\": \"Art\", \"position\": \"Props Master\","
    "   \"name\": \"Craig Dunn\", \"call\": \"06:30\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Eleanor Voss\", \"character\": \"MARGARET ASHCOMBE\","
    "   \"pickup\": \"06:15\", \"call\": \"06:45\", \"on_set\": \"08:00\"},"
    "  {\"id\": \"2\", \"name\": \"Daniel Okonkwo\", \"character\": \"THOMAS REID\","
    "   \"pickup\": \"06:30\", \"call\": \"07:00\", \"on_set\": \"08:15\"},"
    "  {\"id\": \"3\", \"name\": \"Poppy Hale\", \"character\": \"LILY\","
    "   \"pickup\": null, \"call\": \"09:30\", \"on_set\": \"10:45\"}],"
    " \"notes\": [\"Ashcombe House is a listed building: no tape or fixings on any wall.\","
    "  \"Dogs on set for Sc. 62 – please keep the orchard gate closed.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* h. A short film's compact sheet: one line per thing, no tables */

static GBytes *
draw_compact_one_liner (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_LETTER_WIDTH, MP2_SHEET_LETTER_HEIGHT);
  double y = 40;

  put_bold (d, 40, y, 13, "PAPER BOATS (short film) — CALL SHEET — Day 3 of 5");
  put (d, 40, y += 20, 9.5, "Friday, 4 October 2024");
  put (d, 40, y += 16, 9.5, "Crew Call: 08:00");
  put (d, 150, y, 9.5, "Shooting Call: 09:00");
  put (d, 280, y, 9.5, "Lunch: 13:00");
  put (d, 380, y, 9.5, "Wrap: 18:00");
  put (d, 40, y += 14, 9.5, "Sunrise: 07:04");
  put (d, 150, y, 9.5, "Sunset: 18:21");
  put (d, 40, y += 20, 9.5, "Location: Victoria Park Bandstand, Grove Road, London E3 5TB");
  put (d, 40, y += 13, 9.5, "Parking: Crown Gate West, Old Ford Road, London E3 5QS");
  put (d, 40, y += 13, 9.5, "Nearest A&E: Royal London Hospital, Whitechapel Road, London E1 1FR");

  put_bold (d, 40, y += 26, 10, "SCENES");
  put (d, 40, y += 15, 9, "Sc 12 – EXT. BANDSTAND – Day – 1 2/8 pgs – Cast: 1, 2");
  put (d, 40, y += 12, 9, "Sc 14 – EXT. LAKE PATH – Day – 4/8 pgs – Cast: 2");
  put (d, 40, y += 12, 9, "Sc 15 – EXT. BOATHOUSE – Dusk – 3/8 pgs – Cast: 1");

  put_bold (d, 40, y += 24, 10, "CAST");
  put (d, 40, y += 15, 9, "1. Amira Hassan as LEILA – Call 08:30 / On set 09:30");
  put (d, 40, y += 12, 9, "2. Tom Fletcher as SAM – Call 09:00 / On set 10:00");

  put_bold (d, 40, y += 24, 10, "CREW");
  put (d, 40, y += 15, 9, "Director – Jo Park – 08:00");
  put (d, 40, y += 12, 9, "Director of Photography – Luis Ortega – 07:45");
  put (d, 40, y += 12, 9, "Sound Recordist – Priya Nair – 08:00");
  put (d, 40, y += 12, 9, "Producer – Hannah Cole (07700 900512) – 07:30");

  put_bold (d, 40, y += 24, 10, "NOTES");
  put (d, 40, y += 15, 9, "The bandstand has no power: the generator arrives at 07:30.");
  put (d, 40, y += 12, 9, "Bring warm layers for the dusk scene.");

  *expected_json =
    "{\"production\": \"PAPER BOATS (short film)\", \"date\": \"2024-10-04\","
    " \"shooting_day\": 3, \"total_days\": 5, \"revision\": 1, \"language\": \"en\","
    " \"crew_call\": \"08:00\", \"shooting_call\": \"09:00\", \"breakfast\": null,"
    " \"lunch\": \"13:00\", \"estimated_wrap\": \"18:00\", \"sunrise\": \"07:04\","
    " \"sunset\": \"18:21\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Victoria Park Bandstand\","
    "   \"address\": \"Grove Road, London E3 5TB\"},"
    "  {\"kind\": \"parking\", \"name\": \"Crown Gate West\","
    "   \"address\": \"Old Ford Road, London E3 5QS\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Royal London Hospital\","
    "   \"address\": \"Whitechapel Road, London E1 1FR\"}],"
    " \"scenes\": ["
    "  {\"number\": \"12\", \"set\": \"EXT. BANDSTAND\", \"day_night\": \"D\","
    "   \"pages\": \"1 2/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"14\", \"set\": \"EXT. LAKE PATH\", \"day_night\": \"D\","
    "   \"pages\": \"4/8\", \"cast\": [\"2\"]},"
    "  {\"number\": \"15\", \"set\": \"EXT. BOATHOUSE\", \"day_night\": \"E\","
    "   \"pages\": \"3/8\", \"cast\": [\"1\"]}],"
    " \"crew\": ["
    "  {\"department\": null, \"position\": \"Director\", \"name\": \"Jo Park\","
    "   \"call\": \"08:00\"},"
    "  {\"department\": null, \"position\": \"Director of Photography\","
    "   \"name\": \"Luis Ortega\", \"call\": \"07:45\"},"
    "  {\"department\": null, \"position\": \"Sound Recordist\", \"name\": \"Priya Nair\","
    "   \"call\": \"08:00\"},"
    "  {\"department\": null, \"position\": \"Producer\", \"name\": \"Hannah Cole\","
    "   \"call\": \"07:30\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Amira Hassan\", \"character\": \"LEILA\","
    "   \"pickup\": null, \"call\": \"08:30\", \"on_set\": \"09:30\"},"
    "  {\"id\": \"2\", \"name\": \"Tom Fletcher\", \"character\": \"SAM\","
    "   \"pickup\": null, \"call\": \"09:00\", \"on_set\": \"10:00\"}],"
    " \"notes\": [\"The bandstand has no power: the generator arrives at 07:30.\","
    "  \"Bring warm layers for the dusk scene.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* i. A Polish–English co-production: every label in both languages */

static GBytes *
draw_bilingual (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  static const double scene_columns[] = { 40, 105, 330, 395, 455, 555 };
  static const char *const scenes[] = {
    "Scena / Sc.|Obiekt / Set|D/N|Str. / Pgs|Obsada / Cast",
    "23|WN. MIESZKANIE ANNY – KUCHNIA|D|1 1/8|1, 3",
    "24|PL. KAMIENICA – PODWÓRZE|D|6/8|1",
    NULL
  };
  static const double cast_columns[] = { 40, 70, 190, 300, 380, 460, 555 };
  static const char *const cast[] = {
    "Nr|Aktor / Cast|Postać / Character|Odbiór / P/U|Zbiórka / Call|Na planie / On set",
    "1|Julia Szymańska|Anna|07:00|07:30|08:45",
    "3|Liam O'Connor|Patrick|07:15|07:45|09:00",
    NULL
  };
  static const double crew_columns[] = { 40, 210, 370, 470, 555 };
  static const char *const crew[] = {
    "Stanowisko / Position|Imię i nazwisko / Name|Telefon / Phone|Godz. / Call",
    "Reżyser / Director|Katarzyna Mazur|600 100 200|07:00",
    "Operator / DoP|Sean Gallagher|+353 87 123 4567|07:00",
    "Kierownik planu / Unit Manager|Adam Wróbel|600 300 400|06:15",
    NULL
  };
  double y;

  put_bold (d, 40, 30, 18, "Wyspa / The Island");
  put_bold (d, 40, 58, 11, "PLAN ZDJĘCIOWY / CALL SHEET");
  put (d, 40, 76, 9.5, "Dzień zdjęciowy / Shooting day: 7 z 30");
  put (d, 330, 58, 9.5, "Data / Date: 15.05.2025");

  put (d, 40, 100, 9.5, "Zbiórka ekipy / Crew call: 07:00");
  put (d, 40, 114, 9.5, "Początek zdjęć / Shooting call: 08:30");
  put (d, 40, 128, 9.5, "Obiad / Lunch: 13:30");
  put (d, 330, 100, 9.5, "Planowany koniec / Est. wrap: 19:00");
  put (d, 330, 114, 9.5, "Wschód słońca / Sunrise: 04:47");
  put (d, 330, 128, 9.5, "Zachód słońca / Sunset: 20:21");

  y = draw_heading (d, 40, 152, 555, "LOKACJE / LOCATIONS");
  put (d, 40, y, 8.5, "Obiekt / Set: Kamienica Pod Orłem");
  put (d, 40, y + 11, 8.5, "ul. Długa 12");
  put (d, 40, y + 22, 8.5, "31-147 Kraków");
  put (d, 300, y, 8.5, "Szpital / Hospital: Szpital Uniwersytecki");
  put (d, 300, y + 11, 8.5, "ul. Jakubowskiego 2");
  put (d, 300, y + 22, 8.5, "30-688 Kraków");

  y = draw_heading (d, 40, y + 44, 555, "SCENY / SCENES");
  y = draw_table (d, scene_columns, 5, y, 8.5, FALSE, scenes);
  y = draw_heading (d, 40, y + 16, 555, "OBSADA / CAST");
  y = draw_table (d, cast_columns, 6, y, 8, FALSE, cast);
  y = draw_heading (d, 40, y + 16, 555, "EKIPA / CREW");
  y = draw_table (d, crew_columns, 4, y, 8.5, FALSE, crew);
  y = draw_heading (d, 40, y + 16, 555, "UWAGI / NOTES");
  put (d, 40, y, 8.5, "Tłumacz na planie przez cały dzień / An interpreter is on set all day.");

  *expected_json =
    "{\"production\": \"Wyspa / The Island\", \"date\": \"2025-05-15\","
    " \"shooting_day\": 7, \"total_days\": 30, \"revision\": 1, \"language\": \"pl\","
    " \"crew_call\": \"07:00\", \"shooting_call\": \"08:30\", \"breakfast\": null,"
    " \"lunch\": \"13:30\", \"estimated_wrap\": \"19:00\", \"sunrise\": \"04:47\","
    " \"sunset\": \"20:21\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Kamienica Pod Orłem\","
    "   \"address\": \"ul. Długa 12, 31-147 Kraków\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Szpital Uniwersytecki\","
    "   \"address\": \"ul. Jakubowskiego 2, 30-688 Kraków\"}],"
    " \"scenes\": ["
    "  {\"number\": \"23\", \"set\": \"WN. MIESZKANIE ANNY – KUCHNIA\", \"day_night\": \"D\","
    "   \"pages\": \"1 1/8\", \"cast\": [\"1\", \"3\"]},"
    "  {\"number\": \"24\", \"set\": \"PL. KAMIENICA – PODWÓRZE\", \"day_night\": \"D\","
    "   \"pages\": \"6/8\", \"cast\": [\"1\"]}],"
    " \"crew\": ["
    "  {\"department\": null, \"position\": \"Reżyser / Director\","
    "   \"name\": \"Katarzyna Mazur\", \"call\": \"07:00\"},"
    "  {\"department\": null, \"position\": \"Operator / DoP\","
    "   \"name\": \"Sean Gallagher\", \"call\": \"07:00\"},"
    "  {\"department\": null, \"position\": \"Kierownik planu / Unit Manager\","
    "   \"name\": \"Adam Wróbel\", \"call\": \"06:15\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Julia Szymańska\", \"character\": \"Anna\","
    "   \"pickup\": \"07:00\", \"call\": \"07:30\", \"on_set\": \"08:45\"},"
    "  {\"id\": \"3\", \"name\": \"Liam O'Connor\", \"character\": \"Patrick\","
    "   \"pickup\": \"07:15\", \"call\": \"07:45\", \"on_set\": \"09:00\"}],"
    " \"notes\": [\"Tłumacz na planie przez cały dzień / An interpreter is on set all day.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* j. A US feature in the Movie Magic style: three-column header, big crew call */

static GBytes *
draw_us_feature_three_column (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_LETTER_WIDTH, MP2_SHEET_LETTER_HEIGHT);
  static const double scene_columns[] = { 30, 58, 290, 345, 390, 425, 475, 582 };
  static const char *const scenes[] = {
    "Sc|Set & Description|Story Day|D/N|Pgs|Cast|Location",
    "34|INT. DESERT ROSE MOTEL – ROOM 12|D5|Day|1 4/8|1, 2|Set 1",
    "~Ray wakes to find the cash gone.",
    "35|EXT. DESERT ROSE MOTEL – PARKING LOT|D5|Day|7/8|1, 3|Set 1",
    "~Ray chases the pickup out onto the highway.",
    "36A|INT. DESERT ROSE MOTEL – OFFICE|D5|Day|5/8|3, 4|Set 1",
    "~Lupe lies to the sheriff about the room.",
    "|*** COMPANY MOVE TO SET 2 ***",
    "51|EXT. AVENUE M DESERT FLATS|D6|Morning|1 6/8|1, 2|Set 2",
    "~Ray and Jolene bury the duffel.",
    NULL
  };
  static const double cast_columns[] = { 30, 48, 140, 232, 270, 315, 360, 405, 450, 582 };
  static const char *const cast[] = {
    "ID|Cast|Character|Status|Pick-up|Report|HMU|On Set|Remarks",
    "1|Nathan Cole|RAY DUNCAN|W|5:45A|6:15A|6:30A|7:30A|",
    "2|Ivy Marchetti|JOLENE|W|6:00A|6:30A|6:45A|8:00A|",
    "3|Marisol Vega|LUPE ALVAREZ|SW|S/D|8:30A|8:45A|9:45A|Fitting at lunch",
    "4|Walt Brenner|SHERIFF TATE|SWF|9:00A|9:30A|9:45A|11:00A|",
    NULL
  };
  static const double background_columns[] = { 30, 60, 250, 330, 582 };
  static const char *const background[] = {
    "Qty|Description|Scenes|Report",
    "6|Motel guests|34, 35|8:00A",
    "2|Highway patrol officers|36A|9:30A",
    NULL
  };
  static const char *const crew_left[] = {
    "Position|Name|Call",
    "#PRODUCTION",
    "Director|Martin Cho|6:30A",
    "Producer|Dana Whitfield|6:30A",
    "UPM|Roy Esposito|6:00A",
    "1st AD|Keisha Grant|5:45A",
    "2nd AD|Benny Acosta|5:30A",
    "Script Supervisor|Noor Haddad|6:30A",
    "#CAMERA",
    "DP|Elsa Lindgren|6:30A",
    "A Cam Operator|Theo Park|6:30A",
    "1st AC|Carmen Diaz|6:00A",
    NULL
  };
  static const char *const crew_middle[] = {
    "Position|Name|Call",
    "#GRIP",
    "Key Grip|Duane Harlow|6:30A",
    "Dolly Grip|Sam Whitlock|6:30A",
    "#ELECTRIC",
    "Gaffer|Rick Moreno|6:30A",
    "Best Boy Electric|Ana Liu|6:15A",
    "#SOUND",
    "Sound Mixer|Gil Navarro|6:45A",
    "Boom Operator|Tess Bowman|6:45A",
    NULL
  };
  static const char *const crew_right[] = {
    "Position|Name|Call",
    "#HAIR & MAKEUP",
    "Key Makeup|Priya Desai|5:30A",
    "Key Hair|Lorna Fitch|5:30A",
    "#TRANSPORTATION",
    "Transpo Captain|Frank Delgado|5:00A",
    "#LOCATIONS",
    "Location Manager|Iris Tanaka|5:30A",
    "#MEDIC",
    "Set Medic|Joe Kalani|6:00A",
    NULL
  };
  double y;

  /* Left: company and key people */
  put_bold (d, 30, 24, 9, "BLACKWATER PICTURES");
  put (d, 30, 37, 7.5, "3500 W Olive Ave, Suite 300");
  put (d, 30, 47, 7.5, "Burbank, CA 91505");
  put (d, 30, 57, 7.5, "Office: (818) 555-0190");
  put (d, 30, 72, 7.5, "Producer: Dana Whitfield");
  put (d, 30, 82, 7.5, "Director: Martin Cho");
  put (d, 30, 92, 7.5, "1st AD: Keisha Grant (310) 555-0117");
  put (d, 30, 102, 7.5, "UPM: Roy Esposito (818) 555-0164");

  /* Centre: title and the big call */
  put_bold (d, 230, 20, 20, "HIGH DESERT");
  put_bold (d, 276, 48, 9, "CALL SHEET");
  mp2_sheet_drawer_rect (d, 236, 64, 140, 50);
  put_bold (d, 262, 68, 8, "GENERAL CREW CALL");
  put_bold (d, 268, 80, 24, "6:30A");
  put (d, 236, 120, 8.5, "Shooting Call");
  put_bold (d, 330, 120, 8.5, "7:30A");
  put (d, 236, 132, 8.5, "Breakfast");
  put_bold (d, 330, 132, 8.5, "6:00A");
  put (d, 236, 144, 8.5, "Lunch");
  put_bold (d, 330, 144, 8.5, "12:30P");
  put (d, 236, 156, 8.5, "Est. Wrap");
  put_bold (d, 330, 156, 8.5, "7:00P");

  /* Right: date, day, weather */
  put_bold (d, 420, 22, 10, "Monday, April 14, 2025");
  put_bold (d, 420, 38, 10, "Day 18 of 42");
  put (d, 420, 58, 8, "Weather: Sunny");
  put (d, 420, 70, 8, "High 84°F / Low 56°F");
  put (d, 420, 82, 8, "Wind: W 10–15 mph");
  put (d, 420, 98, 8, "Sunrise: 6:22 AM");
  put (d, 420, 110, 8, "Sunset: 7:19 PM");

  /* Locations, one box each */
  mp2_sheet_drawer_rect (d, 30, 174, 138, 50);
  put_bold (d, 35, 178, 7.5, "SET 1");
  put (d, 35, 189, 7.5, "Desert Rose Motel");
  put (d, 35, 199, 7.5, "44816 N Sierra Hwy");
  put (d, 35, 209, 7.5, "Lancaster, CA 93534");
  mp2_sheet_drawer_rect (d, 168, 174, 138, 50);
  put_bold (d, 173, 178, 7.5, "SET 2");
  put (d, 173, 189, 7.5, "Avenue M Desert Flats");
  put (d, 173, 199, 7.5, "Avenue M & 110th St W");
  put (d, 173, 209, 7.5, "Lancaster, CA 93536");
  mp2_sheet_drawer_rect (d, 306, 174, 138, 50);
  put_bold (d, 311, 178, 7.5, "BASECAMP");
  put (d, 311, 189, 7.5, "Antelope Valley Fairgrounds");
  put (d, 311, 199, 7.5, "2551 W Avenue H");
  put (d, 311, 209, 7.5, "Lancaster, CA 93536");
  mp2_sheet_drawer_rect (d, 444, 174, 138, 50);
  put_bold (d, 449, 178, 7.5, "NEAREST HOSPITAL");
  put (d, 449, 189, 7.5, "Antelope Valley Medical Center");
  put (d, 449, 199, 7.5, "1600 W Avenue J");
  put (d, 449, 209, 7.5, "Lancaster, CA 93534");

  /* Scenes, with a total line under the Pgs column */
  y = draw_table (d, scene_columns, 7, 236, 8, TRUE, scenes);
  put_bold (d, 240, y + 4, 8, "TOTAL PAGES:");
  put_bold (d, 393, y + 4, 8, "4 6/8");

  y = draw_heading (d, 30, y + 24, 582, "CAST");
  y = draw_table (d, cast_columns, 9, y, 8, TRUE, cast);
  y = draw_heading (d, 30, y + 14, 582, "BACKGROUND");
  y = draw_table (d, background_columns, 4, y, 8, FALSE, background);
  y = draw_heading (d, 30, y + 14, 582, "SPECIAL INSTRUCTIONS");
  put (d, 30, y, 8, "Safety meeting at basecamp at 7:15A – picture-car stunt in Sc. 35.");
  put (d, 30, y + 12, 8, "Rattlesnake wrangler on set all day: stay on marked paths at Set 2.");
  put (d, 30, y + 24, 8, "Sunscreen and water are mandatory; shade tents at both sets.");
  put (d, 500, 770, 7, "Page 1 of 2");

  /* Page 2: the crew in three panels */
  mp2_sheet_drawer_new_page (d);
  put (d, 30, 24, 7.5, "HIGH DESERT – Day 18 of 42 – Monday, April 14, 2025");
  mp2_sheet_drawer_line (d, 30, 36, 582, 36);
  y = draw_heading (d, 30, 46, 582, "CREW");
  draw_table (d, (const double[]) { 30, 110, 178, 206 }, 3, y, 7.5, FALSE, crew_left);
  draw_table (d, (const double[]) { 218, 298, 366, 394 }, 3, y, 7.5, FALSE, crew_middle);
  draw_table (d, (const double[]) { 406, 486, 554, 582 }, 3, y, 7.5, FALSE, crew_right);
  put (d, 30, 300, 7.5,
       "Walkies: Ch 1 Production · Ch 2 Open · Ch 3 Transpo · Ch 6 Grip/Electric");
  put (d, 500, 770, 7, "Page 2 of 2");

  *expected_json =
    "{\"production\": \"HIGH DESERT\", \"date\": \"2025-04-14\","
    " \"shooting_day\": 18, \"total_days\": 42, \"revision\": 1, \"language\": \"en\","
    " \"crew_call\": \"06:30\", \"shooting_call\": \"07:30\", \"breakfast\": \"06:00\","
    " \"lunch\": \"12:30\", \"estimated_wrap\": \"19:00\", \"sunrise\": \"06:22\","
    " \"sunset\": \"19:19\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Desert Rose Motel\","
    "   \"address\": \"44816 N Sierra Hwy, Lancaster, CA 93534\"},"
    "  {\"kind\": \"set\", \"name\": \"Avenue M Desert Flats\","
    "   \"address\": \"Avenue M & 110th St W, Lancaster, CA 93536\"},"
    "  {\"kind\": \"base\", \"name\": \"Antelope Valley Fairgrounds\","
    "   \"address\": \"2551 W Avenue H, Lancaster, CA 93536\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Antelope Valley Medical Center\","
    "   \"address\": \"1600 W Avenue J, Lancaster, CA 93534\"}],"
    " \"scenes\": ["
    "  {\"number\": \"34\", \"set\": \"INT. DESERT ROSE MOTEL – ROOM 12\", \"day_night\": \"D\","
    "   \"pages\": \"1 4/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"35\", \"set\": \"EXT. DESERT ROSE MOTEL – PARKING LOT\","
    "   \"day_night\": \"D\", \"pages\": \"7/8\", \"cast\": [\"1\", \"3\"]},"
    "  {\"number\": \"36A\", \"set\": \"INT. DESERT ROSE MOTEL – OFFICE\", \"day_night\": \"D\","
    "   \"pages\": \"5/8\", \"cast\": [\"3\", \"4\"]},"
    "  {\"number\": \"51\", \"set\": \"EXT. AVENUE M DESERT FLATS\", \"day_night\": \"M\","
    "   \"pages\": \"1 6/8\", \"cast\": [\"1\", \"2\"]}],"
    " \"crew\": ["
    "  {\"department\": \"PRODUCTION\", \"position\": \"Director\","
    "   \"name\": \"Martin Cho\", \"call\": \"06:30\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"Producer\","
    "   \"name\": \"Dana Whitfield\", \"call\": \"06:30\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"UPM\","
    "   \"name\": \"Roy Esposito\", \"call\": \"06:00\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"1st AD\","
    "   \"name\": \"Keisha Grant\", \"call\": \"05:45\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"2nd AD\","
    "   \"name\": \"Benny Acosta\", \"call\": \"05:30\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"Script Supervisor\","
    "   \"name\": \"Noor Haddad\", \"call\": \"06:30\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"DP\","
    "   \"name\": \"Elsa Lindgren\", \"call\": \"06:30\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"A Cam Operator\","
    "   \"name\": \"Theo Park\", \"call\": \"06:30\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"1st AC\","
    "   \"name\": \"Carmen Diaz\", \"call\": \"06:00\"},"
    "  {\"department\": \"GRIP\", \"position\": \"Key Grip\","
    "   \"name\": \"Duane Harlow\", \"call\": \"06:30\"},"
    "  {\"department\": \"GRIP\", \"position\": \"Dolly Grip\","
    "   \"name\": \"Sam Whitlock\", \"call\": \"06:30\"},"
    "  {\"department\": \"ELECTRIC\", \"position\": \"Gaffer\","
    "   \"name\": \"Rick Moreno\", \"call\": \"06:30\"},"
    "  {\"department\": \"ELECTRIC\", \"position\": \"Best Boy Electric\","
    "   \"name\": \"Ana Liu\", \"call\": \"06:15\"},"
    "  {\"department\": \"SOUND\", \"position\": \"Sound Mixer\","
    "   \"name\": \"Gil Navarro\", \"call\": \"06:45\"},"
    "  {\"department\": \"SOUND\", \"position\": \"Boom Operator\","
    "   \"name\": \"Tess Bowman\", \"call\": \"06:45\"},"
    "  {\"department\": \"HAIR & MAKEUP\", \"position\": \"Key Makeup\","
    "   \"name\": \"Priya Desai\", \"call\": \"05:30\"},"
    "  {\"department\": \"HAIR & MAKEUP\", \"position\": \"Key Hair\","
    "   \"name\": \"Lorna Fitch\", \"call\": \"05:30\"},"
    "  {\"department\": \"TRANSPORTATION\", \"position\": \"Transpo Captain\","
    "   \"name\": \"Frank Delgado\", \"call\": \"05:00\"},"
    "  {\"department\": \"LOCATIONS\", \"position\": \"Location Manager\","
    "   \"name\": \"Iris Tanaka\", \"call\": \"05:30\"},"
    "  {\"department\": \"MEDIC\", \"position\": \"Set Medic\","
    "   \"name\": \"Joe Kalani\", \"call\": \"06:00\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Nathan Cole\", \"character\": \"RAY DUNCAN\","
    "   \"pickup\": \"05:45\", \"call\": \"06:15\", \"on_set\": \"07:30\"},"
    "  {\"id\": \"2\", \"name\": \"Ivy Marchetti\", \"character\": \"JOLENE\","
    "   \"pickup\": \"06:00\", \"call\": \"06:30\", \"on_set\": \"08:00\"},"
    "  {\"id\": \"3\", \"name\": \"Marisol Vega\", \"character\": \"LUPE ALVAREZ\","
    "   \"pickup\": null, \"call\": \"08:30\", \"on_set\": \"09:45\"},"
    "  {\"id\": \"4\", \"name\": \"Walt Brenner\", \"character\": \"SHERIFF TATE\","
    "   \"pickup\": \"09:00\", \"call\": \"09:30\", \"on_set\": \"11:00\"}],"
    " \"notes\": [\"Safety meeting at basecamp at 7:15A – picture-car stunt in Sc. 35.\","
    "  \"Rattlesnake wrangler on set all day: stay on marked paths at Set 2.\","
    "  \"Sunscreen and water are mandatory; shade tents at both sets.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* k. A UK TV drama unit call sheet: four-digit times, requirements, advance schedule */

static GBytes *
draw_uk_tv_unit_call (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  static const double scene_columns[] = { 40, 85, 330, 370, 415, 470, 555 };
  static const char *const scenes[] = {
    "Ep/Sc|Set / Synopsis|D/N|Pages|Cast|Notes",
    "3/24|EXT. HORSEY WINDPUMP|D2|1 2/8|1, 4|Drone",
    "~Kit finds the lantern in the reeds.",
    "3/25|INT. WINDPUMP – GROUND FLOOR|D2|2|1, 2|",
    "~Fenwick questions Kit about the lights.",
    "4/7A|EXT. HORSEY MERE – JETTY|D4|5/8|2, 3, 5|Water",
    "~Maggie and Sheila argue over the boat.",
    "4/9|INT. WINDPUMP – CAP|N4|1 1/8|1|Blackout",
    "~Kit climbs to the cap and sees the lights.",
    NULL
  };
  static const double cast_columns[] = { 40, 62, 150, 245, 290, 335, 380, 425, 475, 555 };
  static const char *const cast[] = {
    "No.|Artist|Character|P/U|Call|M/U|Cost|On Set|Notes",
    "1|Rosie Tremain|KIT ASHBY|0615|0645|0650|0735|0830|",
    "2|Oliver Mbatha|DCI FENWICK|0845|0915|0920|0945|1030|",
    "3|Saoirse Quinlan|MAGGIE HOLLOWAY|S/D|1145|1150|1230|1400|",
    "4|Ned Ashworth|ALFIE ASHBY|0630|0700|0705|0745|0830|Chaperone",
    "5|Bryony Keel|SHEILA DENT|1115|1145|1150|1230|1400|",
    NULL
  };
  static const double supporting_columns[] = { 40, 70, 250, 300, 555 };
  static const char *const supporting[] = {
    "No.|Description|Call|Notes",
    "3|Birdwatchers|0900|Own outdoor clothes, report to Unit Base",
    "1|Ferryman|1100|Costume fitting on arrival",
    NULL
  };
  static const double requirement_columns[] = { 40, 110, 555 };
  static const char *const requirements[] = {
    "Dept|Requirement",
    "Art Dept|Reed screen at the jetty; three period lantern practicals",
    "Props|Brass storm lantern (hero + spare), binoculars x2",
    "Costume|Wet-down doubles for Kit",
    "Camera|Drone unit from 1000 – licensed operator, flight area as per risk assessment",
    "Marine|Safety boat and two water safety crew on the jetty for 4/7A",
    "Rushes|Drives to Bluefin Post, Soho, by runner – leaving Unit Base 1945",
    NULL
  };
  static const double crew_columns[] = { 40, 190, 330, 450, 555 };
  static const char *const crew[] = {
    "Position|Name|Mobile|Call",
    "#PRODUCTION",
    "Producer|Helen Strachan|07700 900412|0730",
    "Line Producer|Mark Eddowes|07700 900413|0730",
    "Production Manager|Jas Bhogal|07700 900414|0700",
    "#ASSISTANT DIRECTORS",
    "1st AD|Ciarán Doyle|07700 900415|0645",
    "2nd AD|Pippa Lane|07700 900416|0600",
    "3rd AD|Dev Mistry|07700 900417|0645",
    "#CAMERA",
    "Director of Photography|Anwen Jones|07700 900418|0730",
    "Focus Puller|Kofi Mensah|07700 900419|0715",
    "Drone Operator|Lars Eriksen|07700 900420|0930",
    "#SOUND",
    "Sound Recordist|Mo Rahman|07700 900421|0730",
    "#LOCATIONS",
    "Location Manager|Hal Greene|07700 900761|0600",
    "Unit Manager|Stu Barker|07700 900762|0530",
    NULL
  };
  static const char *const advance[] = {
    "Ep/Sc|Set|D/N|Pages|Cast|Notes",
    "3/30|EXT. HORSEY GAP – DUNES|D3|2 3/8|1, 2, 4|",
    "4/11|EXT. HORSEY GAP – BEACH|N4|1|1, 3|Day for night",
    NULL
  };
  static const char *const locations[][4] = {
    { "LOCATION 1", "Horsey Windpump", "Horsey, Great Yarmouth NR29 4EF",
      "Loc. contact: Hal Greene 07700 900761" },
    { "UNIT BASE", "Horsey Staithe Car Park", "Horsey Corner, Great Yarmouth NR29 4EF",
      "Make-up, costume and honeywagons" },
    { "CREW PARKING", "Waxham Road (B1159), Horsey NR29 4EQ", NULL,
      "Follow the yellow TML signs" },
    { "NEAREST A&E", "James Paget University Hospital",
      "Lowestoft Road, Gorleston, Great Yarmouth NR31 6LA", "01493 452452 (24 hrs)" },
  };
  double y;

  put (d, 40, 26, 8, "Greyfriars Television Ltd");
  put_bold (d, 40, 40, 20, "THE MARSH LIGHTS");
  put (d, 40, 70, 9.5, "Series 2 – Block 2 – Episodes 3 & 4");
  put_bold (d, 40, 90, 11, "CALL SHEET No. 14");
  put (d, 40, 108, 9.5, "Shooting Day 14 of 56");
  put_bold (d, 40, 124, 10, "Thursday 20th June 2024");

  mp2_sheet_drawer_rect (d, 330, 22, 225, 124);
  put_bold (d, 340, 31, 10, "UNIT CALL");
  put_bold (d, 450, 27, 16, "0730");
  put (d, 340, 52, 9, "Breakfast");
  put (d, 450, 52, 9, "0645–0715");
  put (d, 340, 65, 9, "First Shot");
  put (d, 450, 65, 9, "0830");
  put (d, 340, 78, 9, "Lunch");
  put (d, 450, 78, 9, "1300–1400");
  put (d, 340, 91, 9, "Est. Wrap");
  put (d, 450, 91, 9, "1930");
  put (d, 340, 108, 9, "Sunrise");
  put (d, 390, 108, 9, "0431");
  put (d, 450, 108, 9, "Sunset");
  put (d, 495, 108, 9, "2122");
  put (d, 340, 124, 8, "Weather: bright spells, 19°C, SW 12 mph");

  y = draw_heading (d, 40, 158, 555, "LOCATIONS");
  for (guint i = 0; i < G_N_ELEMENTS (locations); i++)
    {
      put_bold (d, 40, y, 8.5, locations[i][0]);
      put (d, 130, y, 8.5, locations[i][1]);
      if (locations[i][2] != NULL)
        put (d, 130, y + 11, 8.5, locations[i][2]);
      put (d, 395, y, 8, locations[i][3]);
      y += locations[i][2] != NULL ? 27 : 16;
    }

  y = draw_heading (d, 40, y + 6, 555, "SCHEDULE");
  y = draw_table (d, scene_columns, 6, y, 8, FALSE, scenes);
  put_bold (d, 373, y + 2, 8, "Total: 5 pgs");
  y = draw_heading (d, 40, y + 20, 555, "ARTISTS");
  y = draw_table (d, cast_columns, 9, y, 8, FALSE, cast);
  y = draw_heading (d, 40, y + 12, 555, "SUPPORTING ARTISTS");
  y = draw_table (d, supporting_columns, 4, y, 8, FALSE, supporting);
  y = draw_heading (d, 40, y + 12, 555, "SPECIAL REQUIREMENTS");
  y = draw_table (d, requirement_columns, 2, y, 8, FALSE, requirements);
  put (d, 500, 812, 7.5, "Page 1 of 2");

  mp2_sheet_drawer_new_page (d);
  put (d, 40, 26, 7.5, "THE MARSH LIGHTS – Call Sheet No. 14 – Thursday 20th June 2024");
  mp2_sheet_drawer_line (d, 40, 38, 555, 38);
  y = draw_heading (d, 40, 50, 555, "NOTES");
  put (d, 40, y, 8.5,
       "• Working near open water: life jackets must be worn on the jetty at all times.");
  put (d, 40, y + 13, 8.5,
       "• The windpump is a listed structure – no rigging to the building without the"
       " Location Manager.");
  put (d, 40, y + 26, 8.5,
       "• No dogs on location. Keep to the marked paths: birds are nesting on the marsh.");
  y = draw_heading (d, 40, y + 52, 555, "CREW");
  y = draw_table (d, crew_columns, 4, y, 8.5, FALSE, crew);

  mp2_sheet_drawer_rect (d, 34, y + 20, 527, 80);
  put_bold (d, 40, y + 26, 9.5,
            "ADVANCE SCHEDULE – Day 15 – Friday 21st June 2024 – Unit Call 0700");
  draw_table (d, scene_columns, 6, y + 44, 8, FALSE, advance);
  put (d, 500, 812, 7.5, "Page 2 of 2");

  *expected_json =
    "{\"production\": \"THE MARSH LIGHTS\", \"date\": \"2024-06-20\","
    " \"shooting_day\": 14, \"total_days\": 56, \"revision\": 1, \"language\": \"en\","
    " \"crew_call\": \"07:30\", \"shooting_call\": \"08:30\", \"breakfast\": \"06:45\","
    " \"lunch\": \"13:00\", \"estimated_wrap\": \"19:30\", \"sunrise\": \"04:31\","
    " \"sunset\": \"21:22\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Horsey Windpump\","
    "   \"address\": \"Horsey, Great Yarmouth NR29 4EF\"},"
    "  {\"kind\": \"base\", \"name\": \"Horsey Staithe Car Park\","
    "   \"address\": \"Horsey Corner, Great Yarmouth NR29 4EF\"},"
    "  {\"kind\": \"parking\", \"name\": null,"
    "   \"address\": \"Waxham Road (B1159), Horsey NR29 4EQ\"},"
    "  {\"kind\": \"hospital\", \"name\": \"James Paget University Hospital\","
    "   \"address\": \"Lowestoft Road, Gorleston, Great Yarmouth NR31 6LA\"}],"
    " \"scenes\": ["
    "  {\"number\": \"3/24\", \"set\": \"EXT. HORSEY WINDPUMP\", \"day_night\": \"D\","
    "   \"pages\": \"1 2/8\", \"cast\": [\"1\", \"4\"]},"
    "  {\"number\": \"3/25\", \"set\": \"INT. WINDPUMP – GROUND FLOOR\", \"day_night\": \"D\","
    "   \"pages\": \"2\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"4/7A\", \"set\": \"EXT. HORSEY MERE – JETTY\", \"day_night\": \"D\","
    "   \"pages\": \"5/8\", \"cast\": [\"2\", \"3\", \"5\"]},"
    "  {\"number\": \"4/9\", \"set\": \"INT. WINDPUMP – CAP\", \"day_night\": \"N\","
    "   \"pages\": \"1 1/8\", \"cast\": [\"1\"]}],"
    " \"crew\": ["
    "  {\"department\": \"PRODUCTION\", \"position\": \"Producer\","
    "   \"name\": \"Helen Strachan\", \"call\": \"07:30\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"Line Producer\","
    "   \"name\": \"Mark Eddowes\", \"call\": \"07:30\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"Production Manager\","
    "   \"name\": \"Jas Bhogal\", \"call\": \"07:00\"},"
    "  {\"department\": \"ASSISTANT DIRECTORS\", \"position\": \"1st AD\","
    "   \"name\": \"Ciarán Doyle\", \"call\": \"06:45\"},"
    "  {\"department\": \"ASSISTANT DIRECTORS\", \"position\": \"2nd AD\","
    "   \"name\": \"Pippa Lane\", \"call\": \"06:00\"},"
    "  {\"department\": \"ASSISTANT DIRECTORS\", \"position\": \"3rd AD\","
    "   \"name\": \"Dev Mistry\", \"call\": \"06:45\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"Director of Photography\","
    "   \"name\": \"Anwen Jones\", \"call\": \"07:30\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"Focus Puller\","
    "   \"name\": \"Kofi Mensah\", \"call\": \"07:15\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"Drone Operator\","
    "   \"name\": \"Lars Eriksen\", \"call\": \"09:30\"},"
    "  {\"department\": \"SOUND\", \"position\": \"Sound Recordist\","
    "   \"name\": \"Mo Rahman\", \"call\": \"07:30\"},"
    "  {\"department\": \"LOCATIONS\", \"position\": \"Location Manager\","
    "   \"name\": \"Hal Greene\", \"call\": \"06:00\"},"
    "  {\"department\": \"LOCATIONS\", \"position\": \"Unit Manager\","
    "   \"name\": \"Stu Barker\", \"call\": \"05:30\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Rosie Tremain\", \"character\": \"KIT ASHBY\","
    "   \"pickup\": \"06:15\", \"call\": \"06:45\", \"on_set\": \"08:30\"},"
    "  {\"id\": \"2\", \"name\": \"Oliver Mbatha\", \"character\": \"DCI FENWICK\","
    "   \"pickup\": \"08:45\", \"call\": \"09:15\", \"on_set\": \"10:30\"},"
    "  {\"id\": \"3\", \"name\": \"Saoirse Quinlan\", \"character\": \"MAGGIE HOLLOWAY\","
    "   \"pickup\": null, \"call\": \"11:45\", \"on_set\": \"14:00\"},"
    "  {\"id\": \"4\", \"name\": \"Ned Ashworth\", \"character\": \"ALFIE ASHBY\","
    "   \"pickup\": \"06:30\", \"call\": \"07:00\", \"on_set\": \"08:30\"},"
    "  {\"id\": \"5\", \"name\": \"Bryony Keel\", \"character\": \"SHEILA DENT\","
    "   \"pickup\": \"11:15\", \"call\": \"11:45\", \"on_set\": \"14:00\"}],"
    " \"notes\": [\"Working near open water: life jackets must be worn on the jetty at all"
    " times.\","
    "  \"The windpump is a listed structure – no rigging to the building without the"
    " Location Manager.\","
    "  \"No dogs on location. Keep to the marked paths: birds are nesting on the marsh.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* l. A Polish TV series: an hours table, dotted times, centred crew departments */

static GBytes *
draw_polish_series (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  static const double hour_columns[] = { 40, 125, 205, 310, 390, 555 };
  static const char *const hours[] = {
    "Zbiórka ekipy|Śniadanie|Gotowość na planie|Obiad|Koniec zdjęć (planowany)",
    "7.00|6.30–7.00|8.00|13.00–14.00|19.00",
    NULL
  };
  static const double scene_columns[] = { 40, 72, 100, 330, 395, 435, 500, 555 };
  static const char *const scenes[] = {
    "Odc.|Sc.|Obiekt / Opis|Pora dnia|Str.|Obsada|Obiekt",
    "105|12|WN. KOMISARIAT – POKÓJ PRZESŁUCHAŃ|DZIEŃ|2|1, 3|1",
    "105|14|WN. KOMISARIAT – KORYTARZ|DZIEŃ|3/8|1, 2, 6|1",
    "107|3|WN. KOMISARIAT – GABINET KOMENDANTA|RANO|1 1/8|2, 4|1",
    "||PRZEJAZD NA OBIEKT 2 (ok. 40 min)",
    "107|21|PL. PARK SKARYSZEWSKI – ALEJKA PRZY STAWIE|WIECZÓR|6/8|1, 5|2",
    NULL
  };
  static const double cast_columns[] = { 40, 60, 165, 290, 345, 400, 455, 555 };
  static const char *const cast[] = {
    "Nr|Aktor|Postać|Odbiór|Charakt.|Kostium|Na planie",
    "1|Magdalena Sowa|kom. Ewa Lis|6.45|7.15|7.45|8.00",
    "2|Tomasz Brzeziński|asp. Marek Wrona|własny|7.30|8.00|8.30",
    "3|Irena Kwaśniewska|Halina Domańska|7.00|7.30|7.50|8.00",
    "4|Bartosz Olejnik|nadkom. Rogalski|10.00|10.30|11.00|11.30",
    "5|Kacper Mróz|Dawid (12 lat)|14.00|14.30|15.00|16.30",
    "6|Lena Pawlak|policjantka|własny|8.30|9.00|9.30",
    NULL
  };
  static const double crew_columns[] = { 40, 200, 350, 460, 555 };
  static const char *const crew_header[] = {
    "Stanowisko|Imię i nazwisko|Telefon|Call",
    NULL
  };
  static const struct
  {
    const char *department;
    const char *const rows[4];
  } crew[] = {
    { "REŻYSERIA", { "Reżyser|Jacek Borowiec|601 111 222|7.00",
                     "II reżyser|Olga Sadowska|602 222 333|6.30",
                     "Sekretarka planu|Iwona Pietras|603 333 444|7.00", NULL } },
    { "PRODUKCJA", { "Kierownik planu|Rafał Górski|604 444 555|6.00", NULL } },
    { "ZDJĘCIA", { "Operator obrazu|Sebastian Kruk|605 555 666|7.00",
                   "Ostrzyciel|Filip Jaworski|606 666 777|6.45", NULL } },
    { "ŚWIATŁO", { "Mistrz oświetlenia|Grzegorz Bąk|607 777 888|6.00", NULL } },
    { "DŹWIĘK", { "Operator dźwięku|Ewelina Cichoń|608 888 999|7.00", NULL } },
    { "CHARAKTERYZACJA", { "Charakteryzatorka|Beata Wilk|609 999 000|6.15", NULL } },
  };
  double y;

  put (d, 40, 24, 8, "Zielna Film sp. z o.o.");
  put (d, 400, 24, 8, "Wersja 1");
  put (d, 400, 35, 8, "Wydano: 07.10.2024, 18.40");
  put_bold (d, 222, 44, 15, "PLAN ZDJĘCIOWY");
  put_bold (d, 40, 66, 20, "Komisariat Zielna");
  put (d, 40, 94, 10, "odc. 105, 107");
  put_bold (d, 340, 70, 12, "DZIEŃ ZDJĘCIOWY 23/60");
  put (d, 340, 90, 10, "wtorek, 8 października 2024");

  y = draw_table (d, hour_columns, 5, 116, 8, TRUE, hours);
  put (d, 40, y + 8, 8, "Pogoda: pochmurno, 12°C, wiatr 15 km/h");
  put (d, 260, y + 8, 8, "Wschód słońca: 6.59");
  put (d, 400, y + 8, 8, "Zachód słońca: 18.04");
  put (d, 40, y + 21, 8, "Kierownik produkcji: Anna Zając, tel. 600 700 800");
  put (d, 300, y + 21, 8, "II reżyser: Olga Sadowska, tel. 602 222 333");

  y = draw_heading (d, 40, y + 42, 555, "LOKALIZACJE");
  put_bold (d, 40, y, 8, "Obiekt 1");
  put (d, 175, y, 8, "ATM Studio – hala 3");
  put (d, 350, y, 8, "ul. Wał Miedzeszyński 384");
  put (d, 350, y + 10, 8, "03-994 Warszawa");
  put_bold (d, 40, y + 24, 8, "Obiekt 2");
  put (d, 175, y + 24, 8, "Park Skaryszewski – staw");
  put (d, 350, y + 24, 8, "al. Jerzego Waszyngtona 2");
  put (d, 350, y + 34, 8, "03-910 Warszawa");
  put_bold (d, 40, y + 48, 8, "Baza");
  put (d, 175, y + 48, 8, "plac przy hali 3");
  put (d, 350, y + 48, 8, "ul. Wał Miedzeszyński 384");
  put (d, 350, y + 58, 8, "03-994 Warszawa");
  put_bold (d, 40, y + 72, 8, "Parking");
  put (d, 350, y + 72, 8, "ul. Wał Miedzeszyński 380");
  put (d, 350, y + 82, 8, "03-994 Warszawa");
  put_bold (d, 40, y + 96, 8, "Najbliższy szpital / SOR");
  put (d, 175, y + 96, 8, "Szpital Grochowski");
  put (d, 350, y + 96, 8, "ul. Grenadierów 51/59");
  put (d, 350, y + 106, 8, "04-073 Warszawa");

  y = draw_heading (d, 40, y + 124, 555, "SCENY");
  y = draw_table (d, scene_columns, 7, y, 8, FALSE, scenes);
  put_bold (d, 100, y + 2, 8, "Razem: 4 2/8 str.");
  y = draw_heading (d, 40, y + 20, 555, "OBSADA");
  y = draw_table (d, cast_columns, 7, y, 8, FALSE, cast);
  y = draw_heading (d, 40, y + 12, 555, "STATYŚCI");
  put (d, 40, y, 8, "4 × policjanci mundurowi – zbiórka 7.30, baza (kostiumy na miejscu)");
  put (d, 40, y + 12, 8, "10 × spacerowicze – zbiórka 15.00, baza");
  put (d, 270, 812, 7.5, "strona 1 z 2");

  mp2_sheet_drawer_new_page (d);
  put (d, 40, 24, 7.5,
       "Komisariat Zielna – plan zdjęciowy – dzień 23/60 – wtorek, 8 października 2024");
  mp2_sheet_drawer_line (d, 40, 36, 555, 36);
  y = draw_heading (d, 40, 46, 555, "EKIPA");
  y = draw_table (d, crew_columns, 4, y, 8.5, FALSE, crew_header);
  for (guint i = 0; i < G_N_ELEMENTS (crew); i++)
    {
      put_bold (d, 250, y + 3, 8.5, crew[i].department);
      y = draw_plain_rows (d, crew_columns, 4, y + 16, 8.5, crew[i].rows);
    }

  y = draw_heading (d, 40, y + 16, 555, "UWAGI");
  put (d, 40, y, 8.5, "1. Na obiekcie 2 obowiązuje zakaz wjazdu samochodów prywatnych.");
  put (d, 40, y + 13, 8.5, "2. Scena 21: dziecko na planie – opiekunka p. Mróz, praca do 20.00.");
  put (d, 40, y + 26, 8.5, "3. Hala 3: zakaz jedzenia i picia w dekoracji komisariatu.");
  put (d, 270, 812, 7.5, "strona 2 z 2");

  *expected_json =
    "{\"production\": \"Komisariat Zielna\", \"date\": \"2024-10-08\","
    " \"shooting_day\": 23, \"total_days\": 60, \"revision\": 1, \"language\": \"pl\","
    " \"crew_call\": \"07:00\", \"shooting_call\": \"08:00\", \"breakfast\": \"06:30\","
    " \"lunch\": \"13:00\", \"estimated_wrap\": \"19:00\", \"sunrise\": \"06:59\","
    " \"sunset\": \"18:04\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"ATM Studio – hala 3\","
    "   \"address\": \"ul. Wał Miedzeszyński 384, 03-994 Warszawa\"},"
    "  {\"kind\": \"set\", \"name\": \"Park Skaryszewski – staw\","
    "   \"address\": \"al. Jerzego Waszyngtona 2, 03-910 Warszawa\"},"
    "  {\"kind\": \"base\", \"name\": \"plac przy hali 3\","
    "   \"address\": \"ul. Wał Miedzeszyński 384, 03-994 Warszawa\"},"
    "  {\"kind\": \"parking\", \"name\": null,"
    "   \"address\": \"ul. Wał Miedzeszyński 380, 03-994 Warszawa\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Szpital Grochowski\","
    "   \"address\": \"ul. Grenadierów 51/59, 04-073 Warszawa\"}],"
    " \"scenes\": ["
    "  {\"number\": \"12\", \"set\": \"WN. KOMISARIAT – POKÓJ PRZESŁUCHAŃ\","
    "   \"day_night\": \"D\", \"pages\": \"2\", \"cast\": [\"1\", \"3\"]},"
    "  {\"number\": \"14\", \"set\": \"WN. KOMISARIAT – KORYTARZ\", \"day_night\": \"D\","
    "   \"pages\": \"3/8\", \"cast\": [\"1\", \"2\", \"6\"]},"
    "  {\"number\": \"3\", \"set\": \"WN. KOMISARIAT – GABINET KOMENDANTA\","
    "   \"day_night\": \"M\", \"pages\": \"1 1/8\", \"cast\": [\"2\", \"4\"]},"
    "  {\"number\": \"21\", \"set\": \"PL. PARK SKARYSZEWSKI – ALEJKA PRZY STAWIE\","
    "   \"day_night\": \"E\", \"pages\": \"6/8\", \"cast\": [\"1\", \"5\"]}],"
    " \"crew\": ["
    "  {\"department\": \"REŻYSERIA\", \"position\": \"Reżyser\","
    "   \"name\": \"Jacek Borowiec\", \"call\": \"07:00\"},"
    "  {\"department\": \"REŻYSERIA\", \"position\": \"II reżyser\","
    "   \"name\": \"Olga Sadowska\", \"call\": \"06:30\"},"
    "  {\"department\": \"REŻYSERIA\", \"position\": \"Sekretarka planu\","
    "   \"name\": \"Iwona Pietras\", \"call\": \"07:00\"},"
    "  {\"department\": \"PRODUKCJA\", \"position\": \"Kierownik planu\","
    "   \"name\": \"Rafał Górski\", \"call\": \"06:00\"},"
    "  {\"department\": \"ZDJĘCIA\", \"position\": \"Operator obrazu\","
    "   \"name\": \"Sebastian Kruk\", \"call\": \"07:00\"},"
    "  {\"department\": \"ZDJĘCIA\", \"position\": \"Ostrzyciel\","
    "   \"name\": \"Filip Jaworski\", \"call\": \"06:45\"},"
    "  {\"department\": \"ŚWIATŁO\", \"position\": \"Mistrz oświetlenia\","
    "   \"name\": \"Grzegorz Bąk\", \"call\": \"06:00\"},"
    "  {\"department\": \"DŹWIĘK\", \"position\": \"Operator dźwięku\","
    "   \"name\": \"Ewelina Cichoń\", \"call\": \"07:00\"},"
    "  {\"department\": \"CHARAKTERYZACJA\", \"position\": \"Charakteryzatorka\","
    "   \"name\": \"Beata Wilk\", \"call\": \"06:15\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Magdalena Sowa\", \"character\": \"kom. Ewa Lis\","
    "   \"pickup\": \"06:45\", \"call\": \"07:15\", \"on_set\": \"08:00\"},"
    "  {\"id\": \"2\", \"name\": \"Tomasz Brzeziński\", \"character\": \"asp. Marek Wrona\","
    "   \"pickup\": null, \"call\": \"07:30\", \"on_set\": \"08:30\"},"
    "  {\"id\": \"3\", \"name\": \"Irena Kwaśniewska\", \"character\": \"Halina Domańska\","
    "   \"pickup\": \"07:00\", \"call\": \"07:30\", \"on_set\": \"08:00\"},"
    "  {\"id\": \"4\", \"name\": \"Bartosz Olejnik\", \"character\": \"nadkom. Rogalski\","
    "   \"pickup\": \"10:00\", \"call\": \"10:30\", \"on_set\": \"11:30\"},"
    "  {\"id\": \"5\", \"name\": \"Kacper Mróz\", \"character\": \"Dawid (12 lat)\","
    "   \"pickup\": \"14:00\", \"call\": \"14:30\", \"on_set\": \"16:30\"},"
    "  {\"id\": \"6\", \"name\": \"Lena Pawlak\", \"character\": \"policjantka\","
    "   \"pickup\": null, \"call\": \"08:30\", \"on_set\": \"09:30\"}],"
    " \"notes\": [\"Na obiekcie 2 obowiązuje zakaz wjazdu samochodów prywatnych.\","
    "  \"Scena 21: dziecko na planie – opiekunka p. Mróz, praca do 20.00.\","
    "  \"Hala 3: zakaz jedzenia i picia w dekoracji komisariatu.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* m. A German Tagesdispo: a grid of labels above values, I/A and T/N columns */

static GBytes *
draw_german_label_grid (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_WIDTH, MP2_SHEET_A4_HEIGHT);
  static const double grid_columns[] = { 40, 135, 245, 350, 450, 555 };
  static const char *const grid_labels[][5] = {
    { "Drehtag", "Datum", "Treffpunkt Team", "Drehbeginn", "Drehschluss ca." },
    { "Frühstück", "Mittag", "Sonnenaufgang", "Sonnenuntergang", "Wetter" },
  };
  static const char *const grid_values[][5] = {
    { "12 von 40", "Mi, 12.06.2024", "06:30", "07:30", "18:00" },
    { "ab 06:00", "12:30 – 13:15", "04:43", "21:30", "22 °C, heiter" },
  };
  static const double scene_columns[] = { 40, 75, 320, 360, 395, 450, 555 };
  static const char *const scenes[] = {
    "Bild|Motiv|I/A|T/N|Seiten|Darsteller",
    "23|Zitadelle – Juliusturm, Treppe|I|T|1 3/8|1, 2",
    "24|Zitadelle – Bastion König|A|T|4/8|1",
    "|MITTAGSPAUSE 12:30 – 13:15",
    "27A|Zitadelle – Wassergraben|A|T|1 1/8|2, 3",
    "31|Zitadelle – Kommandantenhaus, Büro|I|T|2|1, 3",
    NULL
  };
  static const double cast_columns[] = { 40, 65, 165, 265, 320, 375, 430, 485, 555 };
  static const char *const cast[] = {
    "Nr.|Darsteller/in|Rolle|Abholung|Maske|Kostüm|am Set|Bemerkung",
    "1|Johanna Riedel|Vera Lorenz|06:15|06:45|07:30|07:45|",
    "2|Emil Hartmann|Ben Sauer|06:45|07:15|08:00|08:15|",
    "3|Ilse Baumgart|Frau Dr. Keller|—|13:15|14:00|14:30|Selbstfahrerin",
    NULL
  };
  static const double crew_columns[] = { 40, 110, 230, 350, 460, 555 };
  static const char *const crew[] = {
    "Gewerk|Funktion|Name|Telefon|Beginn",
    "Regie|Regie|Friederike Lang|0171 4455661|06:30",
    "Regie|1. Regieassistenz|Mehmet Aydın|0160 4455662|06:00",
    "Produktion|Set-Aufnahmeleitung|Kai Brunner|0172 4455663|05:45",
    "Kamera|DoP|Ansgar Vogt|0151 4455664|06:30",
    "Kamera|1. Kameraassistenz|Lea Schubert|0157 4455665|06:15",
    "Licht|Oberbeleuchter|Dirk Pohl|0176 4455666|06:00",
    "Ton|Tonmeisterin|Sanne de Vries|0170 4455667|06:30",
    "Maske|Maskenbildnerin|Nora Falk|0173 4455668|06:00",
    NULL
  };
  static const char *const preview[] = {
    "Bild|Motiv|I/A|T/N|Seiten|Darsteller",
    "40|Zitadelle – Juliusturm, Plattform|A|T|2 2/8|1, 2",
    "41|Zitadelle – Kasematten|I|N|6/8|2",
    NULL
  };
  double y;

  put (d, 40, 24, 8, "Havelland Filmproduktion GmbH");
  put (d, 400, 24, 8, "Tagesdisposition Nr. 12");
  put_bold (d, 40, 40, 10, "Arbeitstitel:");
  put_bold (d, 40, 54, 20, "Grenzgänger");
  put (d, 300, 62, 9, "Kinofilm, 40 Drehtage Berlin/Brandenburg");

  for (guint r = 0; r < G_N_ELEMENTS (grid_labels); r++)
    {
      double top = 92 + r * 38;

      for (guint c = 0; c < 5; c++)
        {
          mp2_sheet_drawer_rect (d, grid_columns[c], top,
                                 grid_columns[c + 1] - grid_columns[c], 38);
          put (d, grid_columns[c] + 4, top + 4, 7, grid_labels[r][c]);
          put_bold (d, grid_columns[c] + 4, top + 17, 10, grid_values[r][c]);
        }
    }

  y = draw_heading (d, 40, 184, 555, "MOTIVE / ORGANISATION");
  put_bold (d, 40, y, 8.5, "Motiv 1");
  put (d, 120, y, 8.5, "Zitadelle Spandau");
  put (d, 120, y + 11, 8.5, "Am Juliusturm 64, 13599 Berlin");
  put (d, 340, y, 8, "Ansprechpartner: Herr Grote, 030 5550123");
  put_bold (d, 40, y + 28, 8.5, "Basis");
  put (d, 120, y + 28, 8.5, "Parkplatz an der Zitadelle");
  put (d, 120, y + 39, 8.5, "Straße Am Juliusturm, 13599 Berlin");
  put (d, 340, y + 28, 8, "Maske, Kostüm, Catering");
  put_bold (d, 40, y + 56, 8.5, "Parken");
  put (d, 120, y + 56, 8.5, "Neuendorfer Straße 60, 13585 Berlin");
  put (d, 340, y + 56, 8, "Nur Team-Fahrzeuge mit Parkausweis");
  put_bold (d, 40, y + 73, 8.5, "Krankenhaus");
  put (d, 120, y + 73, 8.5, "Ev. Waldkrankenhaus Spandau");
  put (d, 120, y + 84, 8.5, "Stadtrandstraße 555, 13589 Berlin");
  put (d, 340, y + 73, 8, "Notaufnahme 24 h · Notruf 112");

  y = draw_heading (d, 40, y + 106, 555, "SZENENFOLGE");
  y = draw_table (d, scene_columns, 6, y, 8.5, TRUE, scenes);
  put_bold (d, 398, y + 3, 8.5, "Gesamt: 5 S.");
  y = draw_heading (d, 40, y + 22, 555, "DARSTELLER");
  y = draw_table (d, cast_columns, 8, y, 8, TRUE, cast);
  put (d, 40, y + 6, 8, "Komparsen: 12 Touristen, Treffpunkt 08:00 Basis");
  y = draw_heading (d, 40, y + 26, 555, "TEAM");
  y = draw_table (d, crew_columns, 5, y, 8, FALSE, crew);
  y = draw_heading (d, 40, y + 12, 555, "HINWEISE");
  put (d, 40, y, 8.5, "– Bitte Personalausweis mitbringen, die Zitadelle kontrolliert am Tor.");
  put (d, 40, y + 13, 8.5, "– Wassergraben: Rettungsschwimmer ab 14:00 vor Ort.");

  mp2_sheet_drawer_new_page (d);
  put (d, 40, 24, 7.5, "Grenzgänger – Tagesdisposition Nr. 12 – Mi, 12.06.2024 – Seite 2");
  mp2_sheet_drawer_line (d, 40, 36, 555, 36);
  y = draw_heading (d, 40, 46, 555,
                    "VORDISPO – Drehtag 13 – Do, 13.06.2024 – Treffpunkt Team 07:00");
  draw_table (d, scene_columns, 6, y, 8.5, TRUE, preview);

  *expected_json =
    "{\"production\": \"Grenzgänger\", \"date\": \"2024-06-12\","
    " \"shooting_day\": 12, \"total_days\": 40, \"revision\": 1, \"language\": \"de\","
    " \"crew_call\": \"06:30\", \"shooting_call\": \"07:30\", \"breakfast\": \"06:00\","
    " \"lunch\": \"12:30\", \"estimated_wrap\": \"18:00\", \"sunrise\": \"04:43\","
    " \"sunset\": \"21:30\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Zitadelle Spandau\","
    "   \"address\": \"Am Juliusturm 64, 13599 Berlin\"},"
    "  {\"kind\": \"base\", \"name\": \"Parkplatz an der Zitadelle\","
    "   \"address\": \"Straße Am Juliusturm, 13599 Berlin\"},"
    "  {\"kind\": \"parking\", \"name\": null,"
    "   \"address\": \"Neuendorfer Straße 60, 13585 Berlin\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Ev. Waldkrankenhaus Spandau\","
    "   \"address\": \"Stadtrandstraße 555, 13589 Berlin\"}],"
    " \"scenes\": ["
    "  {\"number\": \"23\", \"set\": \"Zitadelle – Juliusturm, Treppe\", \"day_night\": \"D\","
    "   \"pages\": \"1 3/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"24\", \"set\": \"Zitadelle – Bastion König\", \"day_night\": \"D\","
    "   \"pages\": \"4/8\", \"cast\": [\"1\"]},"
    "  {\"number\": \"27A\", \"set\": \"Zitadelle – Wassergraben\", \"day_night\": \"D\","
    "   \"pages\": \"1 1/8\", \"cast\": [\"2\", \"3\"]},"
    "  {\"number\": \"31\", \"set\": \"Zitadelle – Kommandantenhaus, Büro\","
    "   \"day_night\": \"D\", \"pages\": \"2\", \"cast\": [\"1\", \"3\"]}],"
    " \"crew\": ["
    "  {\"department\": \"Regie\", \"position\": \"Regie\","
    "   \"name\": \"Friederike Lang\", \"call\": \"06:30\"},"
    "  {\"department\": \"Regie\", \"position\": \"1. Regieassistenz\","
    "   \"name\": \"Mehmet Aydın\", \"call\": \"06:00\"},"
    "  {\"department\": \"Produktion\", \"position\": \"Set-Aufnahmeleitung\","
    "   \"name\": \"Kai Brunner\", \"call\": \"05:45\"},"
    "  {\"department\": \"Kamera\", \"position\": \"DoP\","
    "   \"name\": \"Ansgar Vogt\", \"call\": \"06:30\"},"
    "  {\"department\": \"Kamera\", \"position\": \"1. Kameraassistenz\","
    "   \"name\": \"Lea Schubert\", \"call\": \"06:15\"},"
    "  {\"department\": \"Licht\", \"position\": \"Oberbeleuchter\","
    "   \"name\": \"Dirk Pohl\", \"call\": \"06:00\"},"
    "  {\"department\": \"Ton\", \"position\": \"Tonmeisterin\","
    "   \"name\": \"Sanne de Vries\", \"call\": \"06:30\"},"
    "  {\"department\": \"Maske\", \"position\": \"Maskenbildnerin\","
    "   \"name\": \"Nora Falk\", \"call\": \"06:00\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Johanna Riedel\", \"character\": \"Vera Lorenz\","
    "   \"pickup\": \"06:15\", \"call\": \"06:45\", \"on_set\": \"07:45\"},"
    "  {\"id\": \"2\", \"name\": \"Emil Hartmann\", \"character\": \"Ben Sauer\","
    "   \"pickup\": \"06:45\", \"call\": \"07:15\", \"on_set\": \"08:15\"},"
    "  {\"id\": \"3\", \"name\": \"Ilse Baumgart\", \"character\": \"Frau Dr. Keller\","
    "   \"pickup\": null, \"call\": \"13:15\", \"on_set\": \"14:30\"}],"
    " \"notes\": [\"Bitte Personalausweis mitbringen, die Zitadelle kontrolliert am Tor.\","
    "  \"Wassergraben: Rettungsschwimmer ab 14:00 vor Ort.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* n. A revised sheet (Rev 3) whose change list quotes the superseded values */

static GBytes *
draw_revised_rev3 (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_LETTER_WIDTH, MP2_SHEET_LETTER_HEIGHT);
  static const double info_columns[] = { 358, 448, 582 };
  static const char *const info[] = {
    "Date|Wednesday, 10/15/2025",
    "Shoot Day|6 of 8",
    "Crew Call|7:30am *",
    "Shooting Call|8:30am",
    "Breakfast|7:00–7:30am",
    "Lunch|1:00pm *",
    "Est. Wrap|7:30pm",
    "Sunrise / Sunset|7:01am / 6:22pm",
    NULL
  };
  static const double location_columns[] = { 30, 120, 270, 582 };
  static const char *const locations[] = {
    "Location|Name|Address",
    "Set 1|Shoreline Village|401 Shoreline Village Dr, Long Beach, CA 90802",
    "Basecamp *|Lot C|300 E Shoreline Dr, Long Beach, CA 90802",
    "Crew Parking|Aquarium Parking Structure|100 Aquarium Way, Long Beach, CA 90802",
    "Nearest Hospital|St. Mary Medical Center|1050 Linden Ave, Long Beach, CA 90813",
    NULL
  };
  static const double scene_columns[] = { 30, 70, 330, 380, 420, 500, 582 };
  static const char *const scenes[] = {
    "Scene|Set|D/N|Pages|Cast|Location",
    "12|EXT. SHORELINE VILLAGE – BOARDWALK|Day|1 5/8|1, 2|Set 1",
    "13|INT. GULL'S NEST BAR|Day|2 1/8|1, 3|Set 1",
    "14|EXT. BOARDWALK – PIER RAIL|Night|4/8|2|Set 1",
    "16|EXT. HARBOR – FUEL DOCK|Evening|7/8|1, 2, 4|Set 1",
    NULL
  };
  static const double cast_columns[] = { 30, 50, 150, 270, 330, 390, 450, 582 };
  static const char *const cast[] = {
    "#|Cast|Character|Call|Makeup|On Set|Notes",
    "1|Jordan Ashby|NORA VANCE|7:15am|7:30am|8:30am|",
    "2|Theo Marchand|DEPUTY LUKE FARR|7:45am|8:00am|9:00am|",
    "3|Greta Solberg|MAE HOLLIS|10:30am|10:45am|11:45am|",
    "4|Isaac Boateng|HARBORMASTER|2:30pm|2:45pm|3:45pm|Boat rehearsal 5:00pm",
    NULL
  };
  static const double crew_columns[] = { 30, 110, 190, 310, 430, 582 };
  static const char *const crew[] = {
    "Dept|Position|Name|Cell|Call",
    "Production|Director|Alana Reyes|(562) 555-0101|7:30am",
    "Production|1st AD|Wes Tolliver|(562) 555-0102|7:00am *",
    "Production|2nd AD|Kim Sato|(562) 555-0103|6:45am",
    "Camera|DP|Ronan Feeney|(310) 555-0104|7:30am",
    "Camera|1st AC|Ella Ruiz|(310) 555-0105|7:00am",
    "Sound|Mixer|Dom Hale|(213) 555-0106|7:30am",
    "Electric|Gaffer|Ike Barros|(213) 555-0107|7:00am",
    NULL
  };
  static const char *const advance[] = {
    "Scene|Set|D/N|Pages|Cast|Location",
    "15|INT. HARBOR PATROL BOAT (MOVING)|Night|1 2/8|2, 4|Set 1",
    "19|EXT. BREAKWATER|Day|1|1|Set 2",
    NULL
  };
  double y;

  mp2_sheet_drawer_rect (d, 30, 18, 170, 22);
  put_bold (d, 38, 22, 12, "REVISED – REV 3");
  put (d, 30, 46, 8, "Rev 3 (blue) – issued 10/14/2025 9:40pm");
  put_bold (d, 30, 62, 22, "Harbor Lights");
  put (d, 30, 94, 10, "Episode 204 “The Undertow”");
  put_bold (d, 30, 112, 11, "CALL SHEET");
  put (d, 30, 132, 8, "Ridgeline Television · 1200 Studio Way, Long Beach, CA 90802");
  put (d, 30, 144, 8, "Production office: (562) 555-0100");

  mp2_sheet_drawer_rect (d, 352, 18, 230, 148);
  put_bold (d, 358, 23, 9, "DAY DETAILS");
  draw_plain_rows (d, info_columns, 2, 40, 8.5, info);

  mp2_sheet_drawer_rect (d, 30, 178, 552, 64);
  put_bold (d, 36, 182, 8.5, "CHANGES FROM REV 2 (pink) – marked *");
  put (d, 36, 195, 8, "• Crew call 7:00am → 7:30am");
  put (d, 36, 206, 8, "• Lunch 12:30pm → 1:00pm");
  put (d, 36, 217, 8, "• Sc. 15 moved to tomorrow (Day 7)");
  put (d, 36, 228, 8, "• Basecamp moved from Lot A to Lot C");

  y = draw_table (d, location_columns, 3, 254, 8, TRUE, locations);
  y = draw_heading (d, 30, y + 14, 582, "SCENES");
  y = draw_table (d, scene_columns, 6, y, 8, FALSE, scenes);
  put_bold (d, 333, y + 2, 8, "Total:");
  put_bold (d, 383, y + 2, 8, "5 1/8");
  y = draw_heading (d, 30, y + 22, 582, "CAST");
  y = draw_table (d, cast_columns, 7, y, 8, FALSE, cast);
  y = draw_heading (d, 30, y + 14, 582, "NOTES");
  put (d, 30, y, 8, "Boardwalk stays open to the public – PAs on lock-ups at both ends.");
  put (d, 30, y + 12, 8, "Camera boat launches from the fuel dock at 5:30pm for Sc. 16.");
  put (d, 30, 770, 7, "Rev 3 (blue) supersedes Rev 2 (pink) and Rev 1 (white).");
  put (d, 520, 770, 7, "Page 1 of 2");

  mp2_sheet_drawer_new_page (d);
  put (d, 30, 24, 7.5, "Harbor Lights – Ep. 204 – Wednesday, 10/15/2025 – REV 3");
  mp2_sheet_drawer_line (d, 30, 36, 582, 36);
  y = draw_heading (d, 30, 46, 582, "CREW");
  y = draw_table (d, crew_columns, 5, y, 8, FALSE, crew);
  y = draw_heading (d, 30, y + 24, 582,
                    "ADVANCE SCHEDULE – Day 7 – Thursday, 10/16/2025 – Crew Call 7:00am");
  draw_table (d, scene_columns, 6, y, 8, FALSE, advance);
  put (d, 30, 770, 7, "Rev 3 (blue) supersedes Rev 2 (pink) and Rev 1 (white).");
  put (d, 520, 770, 7, "Page 2 of 2");

  *expected_json =
    "{\"production\": \"Harbor Lights\", \"date\": \"2025-10-15\","
    " \"shooting_day\": 6, \"total_days\": 8, \"revision\": 3, \"language\": \"en\","
    " \"crew_call\": \"07:30\", \"shooting_call\": \"08:30\", \"breakfast\": \"07:00\","
    " \"lunch\": \"13:00\", \"estimated_wrap\": \"19:30\", \"sunrise\": \"07:01\","
    " \"sunset\": \"18:22\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Shoreline Village\","
    "   \"address\": \"401 Shoreline Village Dr, Long Beach, CA 90802\"},"
    "  {\"kind\": \"base\", \"name\": \"Lot C\","
    "   \"address\": \"300 E Shoreline Dr, Long Beach, CA 90802\"},"
    "  {\"kind\": \"parking\", \"name\": \"Aquarium Parking Structure\","
    "   \"address\": \"100 Aquarium Way, Long Beach, CA 90802\"},"
    "  {\"kind\": \"hospital\", \"name\": \"St. Mary Medical Center\","
    "   \"address\": \"1050 Linden Ave, Long Beach, CA 90813\"}],"
    " \"scenes\": ["
    "  {\"number\": \"12\", \"set\": \"EXT. SHORELINE VILLAGE – BOARDWALK\","
    "   \"day_night\": \"D\", \"pages\": \"1 5/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"13\", \"set\": \"INT. GULL'S NEST BAR\", \"day_night\": \"D\","
    "   \"pages\": \"2 1/8\", \"cast\": [\"1\", \"3\"]},"
    "  {\"number\": \"14\", \"set\": \"EXT. BOARDWALK – PIER RAIL\", \"day_night\": \"N\","
    "   \"pages\": \"4/8\", \"cast\": [\"2\"]},"
    "  {\"number\": \"16\", \"set\": \"EXT. HARBOR – FUEL DOCK\", \"day_night\": \"E\","
    "   \"pages\": \"7/8\", \"cast\": [\"1\", \"2\", \"4\"]}],"
    " \"crew\": ["
    "  {\"department\": \"Production\", \"position\": \"Director\","
    "   \"name\": \"Alana Reyes\", \"call\": \"07:30\"},"
    "  {\"department\": \"Production\", \"position\": \"1st AD\","
    "   \"name\": \"Wes Tolliver\", \"call\": \"07:00\"},"
    "  {\"department\": \"Production\", \"position\": \"2nd AD\","
    "   \"name\": \"Kim Sato\", \"call\": \"06:45\"},"
    "  {\"department\": \"Camera\", \"position\": \"DP\","
    "   \"name\": \"Ronan Feeney\", \"call\": \"07:30\"},"
    "  {\"department\": \"Camera\", \"position\": \"1st AC\","
    "   \"name\": \"Ella Ruiz\", \"call\": \"07:00\"},"
    "  {\"department\": \"Sound\", \"position\": \"Mixer\","
    "   \"name\": \"Dom Hale\", \"call\": \"07:30\"},"
    "  {\"department\": \"Electric\", \"position\": \"Gaffer\","
    "   \"name\": \"Ike Barros\", \"call\": \"07:00\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Jordan Ashby\", \"character\": \"NORA VANCE\","
    "   \"pickup\": null, \"call\": \"07:15\", \"on_set\": \"08:30\"},"
    "  {\"id\": \"2\", \"name\": \"Theo Marchand\", \"character\": \"DEPUTY LUKE FARR\","
    "   \"pickup\": null, \"call\": \"07:45\", \"on_set\": \"09:00\"},"
    "  {\"id\": \"3\", \"name\": \"Greta Solberg\", \"character\": \"MAE HOLLIS\","
    "   \"pickup\": null, \"call\": \"10:30\", \"on_set\": \"11:45\"},"
    "  {\"id\": \"4\", \"name\": \"Isaac Boateng\", \"character\": \"HARBORMASTER\","
    "   \"pickup\": null, \"call\": \"14:30\", \"on_set\": \"15:45\"}],"
    " \"notes\": [\"Boardwalk stays open to the public – PAs on lock-ups at both ends.\","
    "  \"Camera boat launches from the fuel dock at 5:30pm for Sc. 16.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* o. A night shoot on landscape A4: the header in a right-hand sidebar, cast beside crew */

static GBytes *
draw_night_sidebar (const char **expected_json)
{
  Mp2SheetDrawer *d = mp2_sheet_drawer_new (MP2_SHEET_A4_HEIGHT, MP2_SHEET_A4_WIDTH);
  static const double scene_columns[] = { 30, 70, 340, 385, 425, 480, 590 };
  static const char *const scenes[] = {
    "Sc|Set|D/N|Pgs|Cast|Notes",
    "88|EXT. NECROPOLIS – JOHN KNOX MONUMENT|Night|1 1/8|1, 2|Rain tower",
    "89|EXT. NECROPOLIS – BRIDGE OF SIGHS|Night|4/8|1|",
    "90pt1|EXT. CATHEDRAL SQUARE|Night|2/8|2, 3|Lamp practicals",
    "93|EXT. NECROPOLIS – UPPER TERRACES|Night|2 3/8|1, 3, 4|Stunt fall (pads)",
    NULL
  };
  static const double cast_columns[] = { 30, 46, 114, 192, 230, 266, 305 };
  static const char *const cast[] = {
    "#|Artist|Character|P/U|Call|On Set",
    "1|Morag Lennie|ISLA BRODIE|17:00|17:30|19:00",
    "2|Callum Dunbar|FRASER|17:15|17:45|19:00",
    "3|Euan McArdle|NIGHT WATCHMAN|S/D|21:00|22:15",
    "4|Jean Ogilvy|MRS KERR|23:00|23:30|00:45",
    NULL
  };
  static const double crew_columns[] = { 315, 425, 525, 590 };
  static const char *const crew[] = {
    "Position|Name|Call",
    "#PRODUCTION",
    "Director|Alasdair Reid|18:00",
    "1st AD|Gregor Bain|17:30",
    "2nd AD|Fiona Laing|17:00",
    "#CAMERA",
    "Director of Photography|Mhairi Boyd|18:00",
    "Focus Puller|Jamie Sutherland|17:45",
    "#LIGHTING",
    "Gaffer|Robbie Cairns|16:00",
    "Genny Operator|Craig Mowat|15:30",
    "#SFX",
    "SFX Supervisor|Kirsty Dow|16:30",
    "#SAFETY",
    "Unit Medic|Ewan Paterson|17:30",
    NULL
  };
  static const char *const times[][2] = {
    { "Shooting Call", "19:00" },
    { "Lunch", "23:30–00:30" },
    { "Est. Wrap", "02:30 (+1)" },
    { "Sunset", "16:15" },
    { "Sunrise", "07:47" },
  };
  static const char *const places[][4] = {
    { "SET", "Glasgow Necropolis", "Castle Street", "Glasgow G4 0UZ" },
    { "UNIT BASE", "Cathedral Square Car Park", "Cathedral Square", "Glasgow G4 0XA" },
    { "CREW PARKING", "John Knox Street", "Glasgow G4 0UN", NULL },
    { "NEAREST A&E", "Glasgow Royal Infirmary", "84 Castle Street", "Glasgow G4 0SF" },
  };
  double y;
  double cast_end;
  double crew_end;

  /* The sidebar, drawn first */
  mp2_sheet_drawer_line (d, 600, 20, 600, 575);
  put (d, 610, 22, 8, "Kelpie Pictures Ltd");
  put_bold (d, 610, 36, 18, "LAMPLIGHTERS");
  put_bold (d, 610, 62, 10, "CALL SHEET – NIGHT SHOOT");
  put (d, 610, 78, 9, "Day 21 of 35");
  put_bold (d, 610, 92, 9.5, "Saturday 9 November 2024");
  put_bold (d, 610, 116, 10, "Crew Call");
  put_bold (d, 730, 113, 14, "18:00");
  y = 136;
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      put (d, 610, y, 8.5, times[i][0]);
      put (d, 730, y, 8.5, times[i][1]);
      y += 13;
    }
  put (d, 610, y + 2, 8, "Weather: dry, 4°C falling to 1°C");
  y += 24;
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      put_bold (d, 610, y, 8, places[i][0]);
      for (guint l = 1; l < 4 && places[i][l] != NULL; l++)
        put (d, 610, y + l * 10, 8, places[i][l]);
      y += places[i][3] != NULL ? 48 : 38;
    }
  put (d, 610, y, 7.5, "Producer: Isla Munro 07700 900301");
  put (d, 610, y + 10, 7.5, "1st AD: Gregor Bain 07700 900302");

  /* The tables on the left */
  y = draw_heading (d, 30, 24, 590, "SCENES");
  y = draw_table (d, scene_columns, 6, y, 8, FALSE, scenes);
  put_bold (d, 340, y + 2, 8, "Total");
  put_bold (d, 385, y + 2, 8, "4 2/8");

  y += 24;
  cast_end = draw_heading (d, 30, y, 300, "CAST");
  cast_end = draw_table (d, cast_columns, 6, cast_end, 7.5, FALSE, cast);
  cast_end = draw_heading (d, 30, cast_end + 12, 300, "BACKGROUND");
  put (d, 30, cast_end, 7.5, "8 × ghost-tour walkers – call 19:30 at base");
  put (d, 30, cast_end + 11, 7.5, "2 × police officers – call 21:30 at base");
  cast_end += 22;
  crew_end = draw_heading (d, 315, y, 590, "CREW");
  crew_end = draw_table (d, crew_columns, 3, crew_end, 7.5, FALSE, crew);

  y = draw_heading (d, 30, MAX (cast_end, crew_end) + 14, 590, "NOTES");
  put (d, 30, y, 8, "• Hi-vis and head torches for everyone after dark – issued at unit base.");
  put (d, 30, y + 12, 8,
       "• The Necropolis gates are locked at 22:00: after that use the Wishart Street gate only.");
  put (d, 30, y + 24, 8, "• Residential flats on Cathedral Square: keep voices down after 23:00.");

  *expected_json =
    "{\"production\": \"LAMPLIGHTERS\", \"date\": \"2024-11-09\","
    " \"shooting_day\": 21, \"total_days\": 35, \"revision\": 1, \"language\": \"en\","
    " \"crew_call\": \"18:00\", \"shooting_call\": \"19:00\", \"breakfast\": null,"
    " \"lunch\": \"23:30\", \"estimated_wrap\": \"02:30\", \"sunrise\": \"07:47\","
    " \"sunset\": \"16:15\","
    " \"locations\": ["
    "  {\"kind\": \"set\", \"name\": \"Glasgow Necropolis\","
    "   \"address\": \"Castle Street, Glasgow G4 0UZ\"},"
    "  {\"kind\": \"base\", \"name\": \"Cathedral Square Car Park\","
    "   \"address\": \"Cathedral Square, Glasgow G4 0XA\"},"
    "  {\"kind\": \"parking\", \"name\": null,"
    "   \"address\": \"John Knox Street, Glasgow G4 0UN\"},"
    "  {\"kind\": \"hospital\", \"name\": \"Glasgow Royal Infirmary\","
    "   \"address\": \"84 Castle Street, Glasgow G4 0SF\"}],"
    " \"scenes\": ["
    "  {\"number\": \"88\", \"set\": \"EXT. NECROPOLIS – JOHN KNOX MONUMENT\","
    "   \"day_night\": \"N\", \"pages\": \"1 1/8\", \"cast\": [\"1\", \"2\"]},"
    "  {\"number\": \"89\", \"set\": \"EXT. NECROPOLIS – BRIDGE OF SIGHS\","
    "   \"day_night\": \"N\", \"pages\": \"4/8\", \"cast\": [\"1\"]},"
    "  {\"number\": \"90pt1\", \"set\": \"EXT. CATHEDRAL SQUARE\", \"day_night\": \"N\","
    "   \"pages\": \"2/8\", \"cast\": [\"2\", \"3\"]},"
    "  {\"number\": \"93\", \"set\": \"EXT. NECROPOLIS – UPPER TERRACES\","
    "   \"day_night\": \"N\", \"pages\": \"2 3/8\", \"cast\": [\"1\", \"3\", \"4\"]}],"
    " \"crew\": ["
    "  {\"department\": \"PRODUCTION\", \"position\": \"Director\","
    "   \"name\": \"Alasdair Reid\", \"call\": \"18:00\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"1st AD\","
    "   \"name\": \"Gregor Bain\", \"call\": \"17:30\"},"
    "  {\"department\": \"PRODUCTION\", \"position\": \"2nd AD\","
    "   \"name\": \"Fiona Laing\", \"call\": \"17:00\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"Director of Photography\","
    "   \"name\": \"Mhairi Boyd\", \"call\": \"18:00\"},"
    "  {\"department\": \"CAMERA\", \"position\": \"Focus Puller\","
    "   \"name\": \"Jamie Sutherland\", \"call\": \"17:45\"},"
    "  {\"department\": \"LIGHTING\", \"position\": \"Gaffer\","
    "   \"name\": \"Robbie Cairns\", \"call\": \"16:00\"},"
    "  {\"department\": \"LIGHTING\", \"position\": \"Genny Operator\","
    "   \"name\": \"Craig Mowat\", \"call\": \"15:30\"},"
    "  {\"department\": \"SFX\", \"position\": \"SFX Supervisor\","
    "   \"name\": \"Kirsty Dow\", \"call\": \"16:30\"},"
    "  {\"department\": \"SAFETY\", \"position\": \"Unit Medic\","
    "   \"name\": \"Ewan Paterson\", \"call\": \"17:30\"}],"
    " \"cast\": ["
    "  {\"id\": \"1\", \"name\": \"Morag Lennie\", \"character\": \"ISLA BRODIE\","
    "   \"pickup\": \"17:00\", \"call\": \"17:30\", \"on_set\": \"19:00\"},"
    "  {\"id\": \"2\", \"name\": \"Callum Dunbar\", \"character\": \"FRASER\","
    "   \"pickup\": \"17:15\", \"call\": \"17:45\", \"on_set\": \"19:00\"},"
    "  {\"id\": \"3\", \"name\": \"Euan McArdle\", \"character\": \"NIGHT WATCHMAN\","
    "   \"pickup\": null, \"call\": \"21:00\", \"on_set\": \"22:15\"},"
    "  {\"id\": \"4\", \"name\": \"Jean Ogilvy\", \"character\": \"MRS KERR\","
    "   \"pickup\": \"23:00\", \"call\": \"23:30\", \"on_set\": \"00:45\"}],"
    " \"notes\": [\"Hi-vis and head torches for everyone after dark – issued at unit base.\","
    "  \"The Necropolis gates are locked at 22:00: after that use the Wishart Street gate"
    " only.\","
    "  \"Residential flats on Cathedral Square: keep voices down after 23:00.\"]}";

  return mp2_sheet_drawer_finish (d);
}

/* The test */

static const GeneratedSheet sheets[] = {
  { "german-dispo", draw_german_dispo },
  { "label-above-boxes", draw_label_above_boxes },
  { "us-commercial-landscape", draw_us_commercial_landscape },
  { "body-first", draw_body_first },
  { "polish-night", draw_polish_night },
  { "advance-and-extras", draw_advance_and_extras },
  { "two-page-crew", draw_two_page_crew },
  { "compact-one-liner", draw_compact_one_liner },
  { "bilingual", draw_bilingual },
  { "us-feature-three-column", draw_us_feature_three_column },
  { "uk-tv-unit-call", draw_uk_tv_unit_call },
  { "polish-series", draw_polish_series },
  { "german-label-grid", draw_german_label_grid },
  { "revised-rev3", draw_revised_rev3 },
  { "night-sidebar", draw_night_sidebar },
};

static char *
node_to_string (JsonNode *node)
{
  if (node == NULL)
    return g_strdup ("(absent)");

  return json_to_string (node, FALSE);
}

/* Finds the first place where GOT differs from EXPECTED; fills PATH and the two
 * values there. */
static gboolean
find_difference (JsonNode  *expected,
                 JsonNode  *got,
                 GString   *path,
                 char     **expected_value,
                 char     **got_value)
{
  if (expected != NULL && got != NULL
      && JSON_NODE_HOLDS_OBJECT (expected) && JSON_NODE_HOLDS_OBJECT (got))
    {
      JsonObject *want = json_node_get_object (expected);
      JsonObject *have = json_node_get_object (got);
      g_autoptr(GList) want_members = json_object_get_members (want);
      g_autoptr(GList) have_members = json_object_get_members (have);
      gsize length = path->len;

      for (GList *l = want_members; l != NULL; l = l->next)
        {
          g_string_append_printf (path, "%s%s", length > 0 ? "." : "", (const char *) l->data);
          if (find_difference (json_object_get_member (want, l->data),
                               json_object_get_member (have, l->data),
                               path, expected_value, got_value))
            return TRUE;
          g_string_truncate (path, length);
        }

      for (GList *l = have_members; l != NULL; l = l->next)
        {
          if (!json_object_has_member (want, l->data))
            {
              g_string_append_printf (path, "%s%s", length > 0 ? "." : "",
                                      (const char *) l->data);
              *expected_value = node_to_string (NULL);
              *got_value = node_to_string (json_object_get_member (have, l->data));
              return TRUE;
            }
        }

      return FALSE;
    }

  if (expected != NULL && got != NULL
      && JSON_NODE_HOLDS_ARRAY (expected) && JSON_NODE_HOLDS_ARRAY (got))
    {
      JsonArray *want = json_node_get_array (expected);
      JsonArray *have = json_node_get_array (got);
      guint n = MAX (json_array_get_length (want), json_array_get_length (have));
      gsize length = path->len;

      for (guint i = 0; i < n; i++)
        {
          JsonNode *want_item = NULL;
          JsonNode *have_item = NULL;

          if (i < json_array_get_length (want))
            want_item = json_array_get_element (want, i);
          if (i < json_array_get_length (have))
            have_item = json_array_get_element (have, i);

          g_string_append_printf (path, "[%u]", i);
          if (find_difference (want_item, have_item, path, expected_value, got_value))
            return TRUE;
          g_string_truncate (path, length);
        }

      return FALSE;
    }

  if (expected != NULL && got != NULL && json_node_equal (expected, got))
    return FALSE;

  *expected_value = node_to_string (expected);
  *got_value = node_to_string (got);

  return TRUE;
}

/* The top-level fields whose values differ, e.g. "locations, crew". */
static char *
differing_fields (JsonNode *expected,
                  JsonNode *got)
{
  GString *names = g_string_new (NULL);
  JsonObject *want = json_node_get_object (expected);
  JsonObject *have = JSON_NODE_HOLDS_OBJECT (got) ? json_node_get_object (got) : NULL;
  g_autoptr(GList) members = json_object_get_members (want);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *have_member = have != NULL ? json_object_get_member (have, l->data) : NULL;

      if (have_member == NULL
          || !json_node_equal (json_object_get_member (want, l->data), have_member))
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                                (const char *) l->data);
    }

  return g_string_free (names, FALSE);
}

static void
save_sheet (const char *name,
            GBytes     *pdf)
{
  const char *folder = g_getenv ("MP2_TEST_SAVE_SHEETS");
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (folder == NULL || folder[0] == '\0')
    return;

  file_name = g_strconcat (name, ".pdf", NULL);
  path = g_build_filename (folder, file_name, NULL);
  g_mkdir_with_parents (folder, 0755);
  if (!g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    g_test_message ("Could not save %s: %s", path, error->message);
}

static void
test_generated_sheet (gconstpointer data)
{
  const GeneratedSheet *sheet = data;
  const char *expected_json = NULL;
  g_autoptr(GBytes) pdf = sheet->draw (&expected_json);
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(Mp2CallSheet) call_sheet = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *got_json = NULL;
  g_autofree char *expected_value = NULL;
  g_autofree char *got_value = NULL;
  g_autofree char *fields = NULL;
  g_autoptr(GError) error = NULL;

  save_sheet (sheet->name, pdf);

  expected = json_from_string (expected_json, &error);
  g_assert_no_error (error);

  document = mp2_pdf_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  call_sheet = mp2_call_sheet_parse (document, NULL, NULL, &error);
  if (call_sheet == NULL)
    {
      /* Fail this sheet only, so that the other sheets still run */
      g_test_fail_printf ("%s: not read: %s", sheet->name,
                          error != NULL ? error->message : "(no error)");
      return;
    }

  got_json = mp2_call_sheet_to_json (call_sheet, MP2_CALL_SHEET_JSON_DEFAULT, TRUE);
  got = json_from_string (got_json, &error);
  g_assert_no_error (error);

  if (json_node_equal (expected, got))
    return;

  if (!find_difference (expected, got, path, &expected_value, &got_value))
    {
      expected_value = node_to_string (expected);
      got_value = g_strdup (got_json);
    }

  g_test_message ("%s: read as\n%s", sheet->name, got_json);
  fields = differing_fields (expected, got);
  g_test_message ("%s: fields that differ: %s", sheet->name, fields);
  g_test_fail_printf ("%s: %s: expected %s, got %s", sheet->name,
                      path->len > 0 ? path->str : "(root)", expected_value, got_value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *test_path = g_strconcat ("/generated-sheets/", sheets[i].name, NULL);

      g_test_add_data_func (test_path, &sheets[i], test_generated_sheet);
    }

  return g_test_run ();
}
