/* test-day.c
 *
 * A day's identity, the user's edits, what a revision changed and how edits are
 * carried to it, checked on the revised pair T2_rev1/T2_rev2 of the corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mp2-call-sheet-parser.h"
#include "mp2-day.h"
#include "mp2-pdf-document.h"
#include "mp2-test-truth.h"

#define T2_SET_OLD "ul. Limanowskiego 24 m. 7, 30-551 Kraków"
#define T2_SET_NEW "ul. Szeroka 40, 31-053 Kraków"

/* Helpers */

static Mp2CallSheet *
parse_pdf (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "callsheets", file, NULL);
  g_autoptr(Mp2PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Mp2CallSheet *sheet;

  document = mp2_pdf_document_new_from_path (path, NULL, &error);
  g_assert_no_error (error);
  sheet = mp2_call_sheet_parse (document, NULL, NULL, &error);
  g_assert_no_error (error);

  return sheet;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (node == NULL)
    return g_strdup ("(none)");

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
assert_field (Mp2CallSheet *sheet,
              const char   *key,
              const char   *json)
{
  g_autoptr(JsonNode) node = mp2_day_get_field (sheet, key);
  g_autofree char *text = node_to_string (node);

  g_assert_cmpstr (text, ==, json);
}

static void
add_location (Mp2CallSheet    *sheet,
              Mp2LocationKind  kind,
              const char      *name,
              const char      *address)
{
  g_ptr_array_add (mp2_call_sheet_get_locations (sheet), mp2_location_new (kind, name, address));
}

static void
add_scene (Mp2CallSheet *sheet,
           const char   *number,
           const char   *set)
{
  Mp2Scene *scene = mp2_scene_new ();

  scene->number = g_strdup (number);
  scene->set = g_strdup (set);
  g_ptr_array_add (mp2_call_sheet_get_scenes (sheet), scene);
}

/* A small sheet: 2025-03-28, crew call 07:00, a set, a base, two scenes, two notes. */
static Mp2CallSheet *
new_small_sheet (void)
{
  Mp2CallSheet *sheet = mp2_call_sheet_new ();

  mp2_call_sheet_set_production (sheet, "Cicha Woda");
  mp2_call_sheet_set_date (sheet, 2025, 3, 28);
  mp2_call_sheet_set_shooting_day (sheet, 12);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 7 * 60);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_ESTIMATED_WRAP, 19 * 60);
  add_location (sheet, MP2_LOCATION_SET, "Studio WFDiF – hala 2", "ul. Chełmska 21, 00-724 Warszawa");
  add_location (sheet, MP2_LOCATION_BASE, NULL, "ul. Chełmska 19, 00-724 Warszawa");
  add_scene (sheet, "41", "INT. KUCHNIA");
  add_scene (sheet, "42", "INT. SALON");
  g_ptr_array_add (mp2_call_sheet_get_notes (sheet), g_strdup ("First note"));
  g_ptr_array_add (mp2_call_sheet_get_notes (sheet), g_strdup ("Second note"));

  return sheet;
}

static const Mp2DayChange *
get_change (GPtrArray *changes,
            guint      index)
{
  g_assert_cmpuint (index, <, changes->len);

  return g_ptr_array_index (changes, index);
}

static void
assert_change (const Mp2DayChange *change,
               Mp2DayChangeKind    kind,
               const char         *key,
               const char         *old_value,
               const char         *new_value)
{
  g_assert_cmpint (change->kind, ==, kind);
  g_assert_cmpstr (change->key, ==, key);
  g_assert_cmpstr (change->old_value, ==, old_value);
  g_assert_cmpstr (change->new_value, ==, new_value);
}

/* The four changes between the two revisions of T2: the ground truth differs in
 * revision, crew call, shooting call, breakfast, the first set's name and address,
 * one added scene and everyone's calls. Breakfast, the revision and the crew and
 * cast rows are not changes a crew member is told of. */
static void
assert_t2_changes (GPtrArray *changes)
{
  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (get_change (changes, 0), MP2_DAY_CHANGE_CREW_CALL, "crew_call", "06:15",
                 "06:45");
  assert_change (get_change (changes, 1), MP2_DAY_CHANGE_SHOOTING_CALL, "shooting_call",
                 "07:15", "07:45");
  assert_change (get_change (changes, 2), MP2_DAY_CHANGE_LOCATION, "locations/0/address",
                 T2_SET_OLD, T2_SET_NEW);
  g_assert_cmpint (get_change (changes, 2)->location_kind, ==, MP2_LOCATION_SET);
  assert_change (get_change (changes, 3), MP2_DAY_CHANGE_SCENE_ADDED, "scenes/76B", NULL,
                 "WN. BAR MLECZNY");
}

/* Identity */

static void
test_key_tolerant (void)
{
  const char *titles[] = { "Cicha woda", "CICHA  WODA", "Cicha Woda – ", " cicha-woda ",
                           "Cicha Wóda" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *key = mp2_day_key_new (titles[i], 2025, 3, 28);

      g_assert_cmpstr (key, ==, "cicha woda|2025-03-28");
    }
}

static void
test_key_diacritics (void)
{
  g_autofree char *polish = mp2_day_key_new ("Gorzkie Pomarańcze", 2025, 3, 28);
  g_autofree char *ascii = mp2_day_key_new ("GORZKIE POMARANCZE", 2025, 3, 28);
  g_autofree char *other_day = mp2_day_key_new ("Gorzkie Pomarańcze", 2025, 3, 29);
  g_autofree char *untitled = mp2_day_key_new (NULL, 2025, 3, 28);
  g_autofree char *ll = mp2_day_key_new ("Łódź Ślęzak", 2024, 1, 2);

  g_assert_cmpstr (polish, ==, "gorzkie pomarancze|2025-03-28");
  g_assert_cmpstr (ascii, ==, polish);
  g_assert_cmpstr (other_day, !=, polish);
  g_assert_cmpstr (untitled, ==, "|2025-03-28");
  g_assert_cmpstr (ll, ==, "lodz slezak|2024-01-02");
}

static void
test_key_for_sheet (void)
{
  g_autoptr(Mp2CallSheet) first = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) second = mp2_test_load_truth ("T2_rev2");
  g_autoptr(Mp2CallSheet) undated = mp2_call_sheet_new ();
  g_autofree char *first_key = mp2_day_key_for_sheet (first);
  g_autofree char *second_key = mp2_day_key_for_sheet (second);
  g_autofree char *undated_key = NULL;

  g_assert_cmpstr (first_key, ==, "gorzkie pomarancze|2025-03-28");
  g_assert_cmpstr (second_key, ==, first_key);

  mp2_call_sheet_set_production (undated, "Cicha Woda");
  undated_key = mp2_day_key_for_sheet (undated);
  g_assert_null (undated_key);
}

/* Edits */

static void
test_edit_keys (void)
{
  const char *valid[] = {
    "production", "date", "shooting_day", "total_days", "crew_call", "shooting_call",
    "breakfast", "lunch", "estimated_wrap", "sunrise", "sunset", "my_call",
    "locations/0/name", "locations/0/address", "locations/12/address", "notes/0", "notes/99",
  };
  const char *invalid[] = {
    "", "Production", "crew call", "locations", "locations/", "locations/0",
    "locations/0/kind", "locations/-1/name", "locations/01/name", "locations/a/name",
    "locations/0/name/x", "notes", "notes/", "notes/01", "notes/0/x", "scenes/0",
    "locations/1234567/name", "revision", "language",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (mp2_day_edit_key_is_valid (valid[i]));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (mp2_day_edit_key_is_valid (invalid[i]));
}

static void
test_apply_header (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) edited = NULL;
  g_autoptr(JsonObject) edits = parse_object (
    "{\"production\": \"Cicha Woda 2\", \"date\": \"2025-03-29\", \"shooting_day\": 13,"
    " \"total_days\": \"40\", \"crew_call\": \"06:30\", \"estimated_wrap\": \"01:30+1\","
    " \"lunch\": \"12:00\", \"sunrise\": null}");
  int year, month, day;

  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_SUNRISE, 5 * 60);
  edited = mp2_day_apply_edits (sheet, edits);

  g_assert_true (edited != sheet);
  g_assert_cmpstr (mp2_call_sheet_get_production (edited), ==, "Cicha Woda 2");
  g_assert_true (mp2_call_sheet_get_date (edited, &year, &month, &day));
  g_assert_cmpint (year * 10000 + month * 100 + day, ==, 20250329);
  g_assert_cmpint (mp2_call_sheet_get_shooting_day (edited), ==, 13);
  g_assert_cmpint (mp2_call_sheet_get_total_days (edited), ==, 40);
  g_assert_cmpint (mp2_call_sheet_get_time (edited, MP2_TIME_FIELD_CREW_CALL), ==, 6 * 60 + 30);
  g_assert_cmpint (mp2_call_sheet_get_time (edited, MP2_TIME_FIELD_ESTIMATED_WRAP), ==, 90);
  g_assert_cmpint (mp2_call_sheet_get_time (edited, MP2_TIME_FIELD_LUNCH), ==, 12 * 60);
  g_assert_cmpint (mp2_call_sheet_get_time (edited, MP2_TIME_FIELD_SUNRISE), ==,
                   MP2_CALL_SHEET_NO_TIME);

  /* the sheet as read stays as it was */
  g_assert_cmpstr (mp2_call_sheet_get_production (sheet), ==, "Cicha Woda");
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL), ==, 7 * 60);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_SUNRISE), ==, 5 * 60);
}

static void
test_apply_clears (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) edited = NULL;
  g_autoptr(JsonObject) edits = parse_object (
    "{\"production\": null, \"date\": null, \"shooting_day\": null, \"crew_call\": null,"
    " \"locations/0/name\": null}");

  edited = mp2_day_apply_edits (sheet, edits);

  g_assert_null (mp2_call_sheet_get_production (edited));
  g_assert_false (mp2_call_sheet_get_date (edited, NULL, NULL, NULL));
  g_assert_cmpint (mp2_call_sheet_get_shooting_day (edited), ==, MP2_CALL_SHEET_NO_NUMBER);
  g_assert_cmpint (mp2_call_sheet_get_time (edited, MP2_TIME_FIELD_CREW_CALL), ==,
                   MP2_CALL_SHEET_NO_TIME);
  g_assert_null (((Mp2Location *) g_ptr_array_index (mp2_call_sheet_get_locations (edited), 0))->name);
}

static void
test_apply_lists (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) edited = NULL;
  g_autoptr(JsonObject) edits = NULL;
  GPtrArray *locations;
  GPtrArray *notes;
  Mp2Location *base;

  g_ptr_array_add (mp2_call_sheet_get_notes (sheet), g_strdup ("Third note"));
  edits = parse_object (
    "{\"locations/0/address\": \"ul. Puławska 61, 02-595 Warszawa\","
    " \"locations/1/name\": \"Baza WFDiF\", \"notes/0\": null, \"notes/1\": \"Changed\","
    " \"notes/2\": null, \"locations/2/name\": \"Nowhere\", \"notes/3\": \"Nowhere\"}");
  edited = mp2_day_apply_edits (sheet, edits);

  locations = mp2_call_sheet_get_locations (edited);
  g_assert_cmpuint (locations->len, ==, 2);
  g_assert_cmpstr (((Mp2Location *) g_ptr_array_index (locations, 0))->name, ==,
                   "Studio WFDiF – hala 2");
  g_assert_cmpstr (((Mp2Location *) g_ptr_array_index (locations, 0))->address, ==,
                   "ul. Puławska 61, 02-595 Warszawa");
  base = g_ptr_array_index (locations, 1);
  g_assert_cmpstr (base->name, ==, "Baza WFDiF");
  g_assert_cmpstr (base->address, ==, "ul. Chełmska 19, 00-724 Warszawa");

  /* removals come last, so every index is the sheet's as read */
  notes = mp2_call_sheet_get_notes (edited);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==, "Changed");
}

static void
test_apply_ignores_invalid (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) edited = NULL;
  g_autoptr(JsonObject) edits = parse_object (
    "{\"crew_call\": \"25:00\", \"lunch\": 720, \"breakfast\": \"6:30\","
    " \"date\": \"2025-02-30\", \"shooting_day\": -3, \"total_days\": \"many\","
    " \"production\": 12, \"revision\": 3, \"locations/01/name\": \"Zero\","
    " \"estimated_wrap\": \"05:00+2\", \"notes/0\": [\"a\"]}");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  edited = mp2_day_apply_edits (sheet, edits);

  before = mp2_call_sheet_to_json (sheet, MP2_CALL_SHEET_JSON_EXTRAS, FALSE);
  after = mp2_call_sheet_to_json (edited, MP2_CALL_SHEET_JSON_EXTRAS, FALSE);
  g_assert_cmpstr (after, ==, before);
}

static void
test_apply_no_edits (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) edited = mp2_day_apply_edits (sheet, NULL);
  g_autofree char *before = mp2_call_sheet_to_json (sheet, MP2_CALL_SHEET_JSON_EXTRAS, FALSE);
  g_autofree char *after = mp2_call_sheet_to_json (edited, MP2_CALL_SHEET_JSON_EXTRAS, FALSE);

  g_assert_true (edited != sheet);
  g_assert_cmpstr (after, ==, before);
}

static const Mp2PersonalCall *
apply_my_call (Mp2CallSheet  *sheet,
               const char    *json,
               Mp2CallSheet **edited)
{
  g_autoptr(JsonObject) edits = parse_object (json);

  *edited = mp2_day_apply_edits (sheet, edits);
  return mp2_call_sheet_get_personal_call (*edited);
}

static void
test_apply_my_call (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) none = NULL;
  g_autoptr(Mp2CallSheet) general = NULL;
  g_autoptr(Mp2CallSheet) cast = NULL;
  g_autoptr(Mp2CallSheet) cleared = NULL;
  const Mp2PersonalCall *call;

  /* no name given: the time the user sets is a call of their own */
  call = apply_my_call (sheet, "{\"my_call\": \"06:10\"}", &none);
  g_assert_cmpint (call->source, ==, MP2_PERSONAL_CALL_CREW);
  g_assert_cmpint (call->call, ==, 6 * 60 + 10);
  g_assert_null (call->name);

  /* the general crew call becomes a crew call, the name kept */
  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_GENERAL, "Anna Nowak", NULL, 7 * 60);
  call = apply_my_call (sheet, "{\"my_call\": \"05:50\"}", &general);
  g_assert_cmpint (call->source, ==, MP2_PERSONAL_CALL_CREW);
  g_assert_cmpstr (call->name, ==, "Anna Nowak");
  g_assert_cmpint (call->call, ==, 5 * 60 + 50);

  /* a cast call stays one */
  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_CAST, "Anna Nowak", "ANNA", 8 * 60);
  call = apply_my_call (sheet, "{\"my_call\": \"08:30\"}", &cast);
  g_assert_cmpint (call->source, ==, MP2_PERSONAL_CALL_CAST);
  g_assert_cmpstr (call->position, ==, "ANNA");
  g_assert_cmpint (call->call, ==, 8 * 60 + 30);

  /* null clears the time only */
  call = apply_my_call (sheet, "{\"my_call\": null}", &cleared);
  g_assert_cmpint (call->source, ==, MP2_PERSONAL_CALL_CAST);
  g_assert_cmpint (call->call, ==, MP2_CALL_SHEET_NO_TIME);
}

static void
test_apply_general_follows_crew_call (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) edited = NULL;
  const Mp2PersonalCall *call;

  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_GENERAL, NULL, NULL, 7 * 60);
  call = apply_my_call (sheet, "{\"crew_call\": \"06:00\"}", &edited);

  g_assert_cmpint (call->source, ==, MP2_PERSONAL_CALL_GENERAL);
  g_assert_cmpint (call->call, ==, 6 * 60);
}

static void
test_get_field (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(JsonNode) invalid = NULL;
  g_autoptr(JsonNode) past_end = NULL;

  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_ESTIMATED_WRAP, 90);
  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_CREW, "Anna", "Gaffer", 6 * 60 + 5);

  assert_field (sheet, "production", "\"Cicha Woda\"");
  assert_field (sheet, "date", "\"2025-03-28\"");
  assert_field (sheet, "shooting_day", "12");
  assert_field (sheet, "total_days", "null");
  assert_field (sheet, "crew_call", "\"07:00\"");
  assert_field (sheet, "estimated_wrap", "\"01:30\"");
  assert_field (sheet, "lunch", "null");
  assert_field (sheet, "my_call", "\"06:05\"");
  assert_field (sheet, "locations/0/name", "\"Studio WFDiF – hala 2\"");
  assert_field (sheet, "locations/1/name", "null");
  assert_field (sheet, "locations/1/address", "\"ul. Chełmska 19, 00-724 Warszawa\"");
  assert_field (sheet, "notes/1", "\"Second note\"");

  invalid = mp2_day_get_field (sheet, "scenes/0");
  past_end = mp2_day_get_field (sheet, "locations/2/name");
  g_assert_null (invalid);
  g_assert_null (past_end);
}

/* An edit read back is the edit: "HH:MM+1" reads as the time of day. */
static void
test_get_field_round_trip (void)
{
  g_autoptr(Mp2CallSheet) sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) edited = NULL;
  g_autoptr(JsonObject) edits = parse_object (
    "{\"sunset\": \"18:04\", \"estimated_wrap\": \"02:15+1\", \"total_days\": 40}");

  edited = mp2_day_apply_edits (sheet, edits);

  assert_field (edited, "sunset", "\"18:04\"");
  assert_field (edited, "estimated_wrap", "\"02:15\"");
  assert_field (edited, "total_days", "40");
}

/* Changes */

static void
test_diff_t2_truth (void)
{
  g_autoptr(Mp2CallSheet) first = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) second = mp2_test_load_truth ("T2_rev2");
  g_autoptr(GPtrArray) changes = mp2_day_diff (first, second);
  g_autoptr(GPtrArray) none = mp2_day_diff (second, second);

  assert_t2_changes (changes);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_diff_t2_pdf (void)
{
  g_autoptr(Mp2CallSheet) first = parse_pdf ("T2_rev1");
  g_autoptr(Mp2CallSheet) second = parse_pdf ("T2_rev2");
  g_autoptr(GPtrArray) changes = mp2_day_diff (first, second);

  g_assert_cmpint (mp2_call_sheet_get_revision (second), ==, 2);
  assert_t2_changes (changes);
}

static void
test_diff_t2_backwards (void)
{
  g_autoptr(Mp2CallSheet) first = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) second = mp2_test_load_truth ("T2_rev2");
  g_autoptr(GPtrArray) changes = mp2_day_diff (second, first);

  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (get_change (changes, 0), MP2_DAY_CHANGE_CREW_CALL, "crew_call", "06:45",
                 "06:15");
  assert_change (get_change (changes, 3), MP2_DAY_CHANGE_SCENE_REMOVED, "scenes/76B",
                 "WN. BAR MLECZNY", NULL);
}

static void
test_diff_places_and_scenes (void)
{
  g_autoptr(Mp2CallSheet) old_sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) new_sheet = mp2_call_sheet_new ();
  g_autoptr(GPtrArray) changes = NULL;

  mp2_call_sheet_set_production (new_sheet, "Cicha Woda");
  mp2_call_sheet_set_date (new_sheet, 2025, 3, 29);
  mp2_call_sheet_set_time (new_sheet, MP2_TIME_FIELD_CREW_CALL, 7 * 60);
  mp2_call_sheet_set_time (new_sheet, MP2_TIME_FIELD_ESTIMATED_WRAP, 20 * 60);
  /* a meeting point comes first, the set is the same in other spelling, the base
   * goes, a second set comes */
  add_location (new_sheet, MP2_LOCATION_MEETING_POINT, NULL, "pl. Defilad 1, Warszawa");
  add_location (new_sheet, MP2_LOCATION_SET, "Studio WFDiF", "UL. CHELMSKA 21 00-724 WARSZAWA");
  add_location (new_sheet, MP2_LOCATION_SET, "Plener", "ul. Wał Miedzeszyński 407, Warszawa");
  /* scene numbers match without regard to case */
  add_scene (old_sheet, "12a", "INT. KORYTARZ");
  add_scene (new_sheet, "42", "INT. SALON");
  add_scene (new_sheet, "12A", "INT. KORYTARZ");

  changes = mp2_day_diff (old_sheet, new_sheet);

  g_assert_cmpuint (changes->len, ==, 6);
  assert_change (get_change (changes, 0), MP2_DAY_CHANGE_DATE, "date", "2025-03-28",
                 "2025-03-29");
  assert_change (get_change (changes, 1), MP2_DAY_CHANGE_WRAP, "estimated_wrap", "19:00",
                 "20:00");
  assert_change (get_change (changes, 2), MP2_DAY_CHANGE_LOCATION, "locations/2/address", NULL,
                 "ul. Wał Miedzeszyński 407, Warszawa");
  assert_change (get_change (changes, 3), MP2_DAY_CHANGE_LOCATION, "locations/1/address",
                 "ul. Chełmska 19, 00-724 Warszawa", NULL);
  g_assert_cmpint (get_change (changes, 3)->location_kind, ==, MP2_LOCATION_BASE);
  assert_change (get_change (changes, 4), MP2_DAY_CHANGE_LOCATION, "locations/0/address", NULL,
                 "pl. Defilad 1, Warszawa");
  g_assert_cmpint (get_change (changes, 4)->location_kind, ==, MP2_LOCATION_MEETING_POINT);
  assert_change (get_change (changes, 5), MP2_DAY_CHANGE_SCENE_REMOVED, "scenes/41",
                 "INT. KUCHNIA", NULL);
}

static void
test_diff_my_call (void)
{
  g_autoptr(Mp2CallSheet) old_sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) new_sheet = new_small_sheet ();
  g_autoptr(GPtrArray) general = NULL;
  g_autoptr(GPtrArray) own = NULL;

  /* the general call moves with the crew call: told once, as the crew call */
  mp2_call_sheet_set_personal_call (old_sheet, MP2_PERSONAL_CALL_GENERAL, NULL, NULL, 7 * 60);
  mp2_call_sheet_set_time (new_sheet, MP2_TIME_FIELD_CREW_CALL, 6 * 60 + 30);
  mp2_call_sheet_set_personal_call (new_sheet, MP2_PERSONAL_CALL_GENERAL, NULL, NULL, 6 * 60 + 30);
  general = mp2_day_diff (old_sheet, new_sheet);
  g_assert_cmpuint (general->len, ==, 1);
  assert_change (get_change (general, 0), MP2_DAY_CHANGE_CREW_CALL, "crew_call", "07:00", "06:30");

  /* a call of one's own is told apart */
  mp2_call_sheet_set_personal_call (old_sheet, MP2_PERSONAL_CALL_CREW, "Anna", "Gaffer", 6 * 60);
  mp2_call_sheet_set_personal_call (new_sheet, MP2_PERSONAL_CALL_CREW, "Anna", "Gaffer", 5 * 60 + 30);
  own = mp2_day_diff (old_sheet, new_sheet);
  g_assert_cmpuint (own->len, ==, 2);
  assert_change (get_change (own, 0), MP2_DAY_CHANGE_MY_CALL, "my_call", "06:00", "05:30");
  assert_change (get_change (own, 1), MP2_DAY_CHANGE_CREW_CALL, "crew_call", "07:00", "06:30");
}

static void
test_summary_t2 (void)
{
  g_autoptr(Mp2CallSheet) first = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) second = mp2_test_load_truth ("T2_rev2");
  g_autoptr(GPtrArray) changes = mp2_day_diff (first, second);
  g_autofree char *summary = mp2_day_changes_summary (changes);

  g_assert_cmpstr (summary, ==,
                   "Call 06:15 → 06:45 · shooting call 07:15 → 07:45 · set moved to "
                   "ul. Szeroka 40 · and 1 more change");
}

static void
test_summary_short (void)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  g_autofree char *nothing = NULL;
  g_autoptr(Mp2CallSheet) old_sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) new_sheet = new_small_sheet ();
  Mp2Location *set;

  mp2_call_sheet_set_time (new_sheet, MP2_TIME_FIELD_CREW_CALL, 6 * 60 + 30);
  set = g_ptr_array_index (mp2_call_sheet_get_locations (new_sheet), 0);
  g_free (set->address);
  set->address = g_strdup ("ul. Chełmska 23, 00-724 Warszawa");
  add_scene (new_sheet, "41A", "INT. KUCHNIA – NOC");
  changes = mp2_day_diff (old_sheet, new_sheet);
  summary = mp2_day_changes_summary (changes);
  nothing = mp2_day_changes_summary (empty);

  g_assert_cmpstr (summary, ==,
                   "Call 07:00 → 06:30 · set moved to ul. Chełmska 23 · scene 41A added");
  g_assert_cmpstr (nothing, ==, "No changes to the calls, places or scenes");
}

static void
test_summary_many (void)
{
  g_autoptr(Mp2CallSheet) old_sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) new_sheet = new_small_sheet ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *summary = NULL;

  mp2_call_sheet_set_date (new_sheet, 2025, 3, 31);
  mp2_call_sheet_set_time (new_sheet, MP2_TIME_FIELD_CREW_CALL, 8 * 60);
  mp2_call_sheet_set_time (new_sheet, MP2_TIME_FIELD_ESTIMATED_WRAP, MP2_CALL_SHEET_NO_TIME);
  g_ptr_array_remove_index (mp2_call_sheet_get_scenes (new_sheet), 0);
  add_scene (new_sheet, "50", "EXT. PARK");
  add_scene (new_sheet, "51", "EXT. PARK");
  changes = mp2_day_diff (old_sheet, new_sheet);
  summary = mp2_day_changes_summary (changes);

  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpstr (summary, ==,
                   "Date 2025-03-28 → 2025-03-31 · call 07:00 → 08:00 · wrap 19:00 → — · "
                   "and 3 more changes");
}

static void
test_changes_json (void)
{
  g_autoptr(Mp2CallSheet) old_sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) new_sheet = mp2_test_load_truth ("T2_rev2");
  g_autoptr(GPtrArray) changes = mp2_day_diff (old_sheet, new_sheet);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(JsonNode) node = mp2_day_changes_to_json (changes);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = node_to_string (node);
  g_autofree char *text_again = NULL;

  g_assert_cmpuint (changes->len, >, 5);
  read = mp2_day_changes_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, changes->len);
  for (guint i = 0; i < changes->len; i++)
    {
      const Mp2DayChange *want = get_change (changes, i);
      const Mp2DayChange *got = get_change (read, i);

      assert_change (got, want->kind, want->key, want->old_value, want->new_value);
      g_assert_cmpint (got->location_kind, ==, want->location_kind);
    }

  again = mp2_day_changes_to_json (read);
  text_again = node_to_string (again);
  g_assert_cmpstr (text_again, ==, text);
  g_assert_nonnull (strstr (text, "{\"kind\":\"scene_added\",\"key\":\"scenes/76B\",\"old\":null,"
                                  "\"new\":\"WN. BAR MLECZNY\"}"));
}

static void
assert_changes_json_invalid (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  changes = mp2_day_changes_from_json (json_parser_get_root (parser), &error);
  g_assert_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID);
  g_assert_null (changes);
}

static void
test_changes_json_invalid (void)
{
  assert_changes_json_invalid ("{}");
  assert_changes_json_invalid ("[1]");
  assert_changes_json_invalid ("[{\"kind\": \"lunch\", \"key\": \"lunch\"}]");
  assert_changes_json_invalid ("[{\"kind\": \"wrap\"}]");
  assert_changes_json_invalid ("[{\"kind\": \"wrap\", \"key\": \"estimated_wrap\", \"old\": 5}]");
  assert_changes_json_invalid ("[{\"kind\": \"location\", \"key\": \"locations/0/address\","
                               " \"location_kind\": \"moon\"}]");
}

/* Edits across a revision */

static JsonObject *
carry (const char  *json,
       GPtrArray  **conflicts)
{
  g_autoptr(Mp2CallSheet) first = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) second = mp2_test_load_truth ("T2_rev2");
  g_autoptr(JsonObject) edits = parse_object (json);

  return mp2_day_carry_edits (first, second, edits, conflicts);
}

static void
assert_member (JsonObject *object,
               const char *key,
               const char *json)
{
  g_autofree char *text = node_to_string (json_object_get_member (object, key));

  g_assert_cmpstr (text, ==, json);
}

static void
test_carry_silent (void)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) carried = carry (
    "{\"lunch\": \"11:30\", \"locations/1/name\": \"Baza\", \"sunset\": null,"
    " \"notes/0\": \"Cisza!\", \"bogus\": 1}", &conflicts);

  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (json_object_get_size (carried), ==, 4);
  assert_member (carried, "lunch", "\"11:30\"");
  assert_member (carried, "locations/1/name", "\"Baza\"");
  assert_member (carried, "sunset", "null");
  assert_member (carried, "notes/0", "\"Cisza!\"");
  g_assert_false (json_object_has_member (carried, "bogus"));
}

static void
assert_conflict (const Mp2DayConflict *conflict,
                 const char           *key,
                 const char           *mine,
                 const char           *theirs)
{
  g_autofree char *mine_text = node_to_string (conflict->mine);
  g_autofree char *theirs_text = node_to_string (conflict->theirs);

  g_assert_cmpstr (conflict->key, ==, key);
  g_assert_cmpstr (mine_text, ==, mine);
  g_assert_cmpstr (theirs_text, ==, theirs);
}

static void
test_carry_conflict (void)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) carried = carry ("{\"crew_call\": \"06:00\", \"lunch\": \"11:30\"}",
                                         &conflicts);

  g_assert_cmpuint (conflicts->len, ==, 1);
  assert_conflict (g_ptr_array_index (conflicts, 0), "crew_call", "\"06:00\"", "\"06:45\"");

  /* the edit is carried all the same: the user chooses */
  g_assert_cmpuint (json_object_get_size (carried), ==, 2);
  assert_member (carried, "crew_call", "\"06:00\"");
  assert_member (carried, "lunch", "\"11:30\"");
}

static void
test_carry_conflict_place (void)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) carried = carry (
    "{\"locations/0/address\": \"ul. Limanowskiego 24/7, 30-551 Kraków\","
    " \"locations/2/address\": \"ul. Nadwiślańska 2, Kraków\"}", &conflicts);

  g_assert_cmpuint (conflicts->len, ==, 1);
  assert_conflict (g_ptr_array_index (conflicts, 0), "locations/0/address",
                   "\"ul. Limanowskiego 24/7, 30-551 Kraków\"", "\"" T2_SET_NEW "\"");
  assert_member (carried, "locations/2/address", "\"ul. Nadwiślańska 2, Kraków\"");
}

/* A revision that makes the user's correction is no conflict. */
static void
test_carry_same_correction (void)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) carried = carry ("{\"crew_call\": \"06:45\", \"breakfast\": \"06:15\"}",
                                         &conflicts);

  g_assert_cmpuint (conflicts->len, ==, 0);
  assert_member (carried, "crew_call", "\"06:45\"");
}

/* Edits follow their place when the revision adds or removes others. */
static void
test_carry_follows_place (void)
{
  g_autoptr(Mp2CallSheet) old_sheet = new_small_sheet ();
  g_autoptr(Mp2CallSheet) new_sheet = new_small_sheet ();
  g_autoptr(JsonObject) edits = parse_object (
    "{\"locations/1/name\": \"Baza\", \"locations/0/name\": \"Hala 2\", \"notes/1\": \"x\"}");
  g_autoptr(JsonObject) carried = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GPtrArray *locations = mp2_call_sheet_get_locations (new_sheet);

  /* two meeting points come first, the set goes: the base is now the third place */
  g_ptr_array_insert (locations, 0, mp2_location_new (MP2_LOCATION_MEETING_POINT, NULL, "A 1"));
  g_ptr_array_insert (locations, 0, mp2_location_new (MP2_LOCATION_MEETING_POINT, NULL, "B 2"));
  g_ptr_array_remove_index (locations, 2);
  g_ptr_array_remove_index (mp2_call_sheet_get_notes (new_sheet), 1);

  carried = mp2_day_carry_edits (old_sheet, new_sheet, edits, &conflicts);

  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (json_object_get_size (carried), ==, 1);
  assert_member (carried, "locations/2/name", "\"Baza\"");
}

static void
test_carry_no_edits (void)
{
  g_autoptr(Mp2CallSheet) first = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) second = mp2_test_load_truth ("T2_rev2");
  g_autoptr(JsonObject) carried = mp2_day_carry_edits (first, second, NULL, NULL);

  g_assert_cmpuint (json_object_get_size (carried), ==, 0);
}

static void
test_conflicts_json (void)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) carried = carry ("{\"crew_call\": \"06:00\", \"shooting_call\": null}",
                                         &conflicts);
  g_autoptr(JsonNode) node = mp2_day_conflicts_to_json (conflicts);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = node_to_string (node);

  g_assert_cmpstr (text, ==,
                   "[{\"key\":\"crew_call\",\"mine\":\"06:00\",\"theirs\":\"06:45\"},"
                   "{\"key\":\"shooting_call\",\"mine\":null,\"theirs\":\"07:45\"}]");

  read = mp2_day_conflicts_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);
  assert_conflict (g_ptr_array_index (read, 0), "crew_call", "\"06:00\"", "\"06:45\"");
  assert_conflict (g_ptr_array_index (read, 1), "shooting_call", "null", "\"07:45\"");
}

static void
test_conflicts_json_invalid (void)
{
  const char *cases[] = { "{}", "[\"x\"]", "[{\"mine\": 1}]", "[{\"key\": \"scenes/1\"}]" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (json_parser_load_from_data (parser, cases[i], -1, NULL));
      conflicts = mp2_day_conflicts_from_json (json_parser_get_root (parser), &error);
      g_assert_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID);
      g_assert_null (conflicts);
    }
}

static void
test_boxed_copies (void)
{
  g_autoptr(Mp2CallSheet) first = mp2_test_load_truth ("T2_rev1");
  g_autoptr(Mp2CallSheet) second = mp2_test_load_truth ("T2_rev2");
  g_autoptr(GPtrArray) changes = mp2_day_diff (first, second);
  g_autoptr(Mp2DayChange) change = g_boxed_copy (MP2_TYPE_DAY_CHANGE, get_change (changes, 2));
  g_autoptr(Mp2DayConflict) conflict = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonObject) carried = carry ("{\"crew_call\": \"06:00\"}", &conflicts);

  assert_change (change, MP2_DAY_CHANGE_LOCATION, "locations/0/address", T2_SET_OLD, T2_SET_NEW);
  g_assert_cmpint (change->location_kind, ==, MP2_LOCATION_SET);

  conflict = g_boxed_copy (MP2_TYPE_DAY_CONFLICT, g_ptr_array_index (conflicts, 0));
  assert_conflict (conflict, "crew_call", "\"06:00\"", "\"06:45\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/day/key/tolerant", test_key_tolerant);
  g_test_add_func ("/day/key/diacritics", test_key_diacritics);
  g_test_add_func ("/day/key/for-sheet", test_key_for_sheet);
  g_test_add_func ("/day/edits/keys", test_edit_keys);
  g_test_add_func ("/day/edits/header", test_apply_header);
  g_test_add_func ("/day/edits/clears", test_apply_clears);
  g_test_add_func ("/day/edits/lists", test_apply_lists);
  g_test_add_func ("/day/edits/invalid", test_apply_ignores_invalid);
  g_test_add_func ("/day/edits/none", test_apply_no_edits);
  g_test_add_func ("/day/edits/my-call", test_apply_my_call);
  g_test_add_func ("/day/edits/general-call", test_apply_general_follows_crew_call);
  g_test_add_func ("/day/field/values", test_get_field);
  g_test_add_func ("/day/field/round-trip", test_get_field_round_trip);
  g_test_add_func ("/day/diff/t2-truth", test_diff_t2_truth);
  g_test_add_func ("/day/diff/t2-pdf", test_diff_t2_pdf);
  g_test_add_func ("/day/diff/t2-backwards", test_diff_t2_backwards);
  g_test_add_func ("/day/diff/places-and-scenes", test_diff_places_and_scenes);
  g_test_add_func ("/day/diff/my-call", test_diff_my_call);
  g_test_add_func ("/day/summary/t2", test_summary_t2);
  g_test_add_func ("/day/summary/short", test_summary_short);
  g_test_add_func ("/day/summary/many", test_summary_many);
  g_test_add_func ("/day/changes/json", test_changes_json);
  g_test_add_func ("/day/changes/json-invalid", test_changes_json_invalid);
  g_test_add_func ("/day/carry/silent", test_carry_silent);
  g_test_add_func ("/day/carry/conflict", test_carry_conflict);
  g_test_add_func ("/day/carry/conflict-place", test_carry_conflict_place);
  g_test_add_func ("/day/carry/same-correction", test_carry_same_correction);
  g_test_add_func ("/day/carry/follows-place", test_carry_follows_place);
  g_test_add_func ("/day/carry/no-edits", test_carry_no_edits);
  g_test_add_func ("/day/conflicts/json", test_conflicts_json);
  g_test_add_func ("/day/conflicts/json-invalid", test_conflicts_json_invalid);
  g_test_add_func ("/day/boxed/copies", test_boxed_copies);

  return g_test_run ();
}
