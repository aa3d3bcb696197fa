/* test-call-sheet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mp2-call-sheet.h"

#define ALL_FLAGS (MP2_CALL_SHEET_JSON_EXTRAS | MP2_CALL_SHEET_JSON_POSITIONS)

/* The five arrays that every call sheet must have, and nothing else. */
#define ARRAYS "\"locations\": [], \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []"
#define WITH(member) "{" ARRAYS ", " member "}"
#define WITH_SCENE(fields) \
  "{\"locations\": [], \"crew\": [], \"cast\": [], \"notes\": [], \"scenes\": [{" fields "}]}"
#define SCENE_START "\"number\": \"1\", \"set\": \"INT.\", "
#define WITH_BOX(fields) WITH ("\"positions\": {\"a\": {" fields "}}")
#define BOX_END "\"y\": 1, \"width\": 1, \"height\": 1"

static const char *default_keys[] = {
  "production", "date", "shooting_day", "total_days", "revision", "language",
  "crew_call", "shooting_call", "breakfast", "lunch", "estimated_wrap", "sunrise", "sunset",
  "locations", "scenes", "crew", "cast", "notes",
};

/* Helpers */

static void
add_location (Mp2CallSheet    *sheet,
              Mp2LocationKind  kind,
              const char      *name,
              const char      *address)
{
  g_ptr_array_add (mp2_call_sheet_get_locations (sheet), mp2_location_new (kind, name, address));
}

static void
add_scene (Mp2CallSheet       *sheet,
           const char         *number,
           const char         *set,
           char                day_night,
           const char         *pages,
           const char * const *cast)
{
  Mp2Scene *scene = mp2_scene_new ();

  scene->number = g_strdup (number);
  scene->set = g_strdup (set);
  scene->day_night = day_night;
  scene->pages = g_strdup (pages);
  g_strfreev (scene->cast);
  scene->cast = g_strdupv ((GStrv) cast);
  g_ptr_array_add (mp2_call_sheet_get_scenes (sheet), scene);
}

static void
add_crew_member (Mp2CallSheet *sheet,
                 const char   *department,
                 const char   *position,
                 const char   *name,
                 int           call)
{
  Mp2CrewMember *member = mp2_crew_member_new ();

  member->department = g_strdup (department);
  member->position = g_strdup (position);
  member->name = g_strdup (name);
  member->call = call;
  g_ptr_array_add (mp2_call_sheet_get_crew (sheet), member);
}

static void
add_cast_member (Mp2CallSheet *sheet,
                 const char   *id,
                 const char   *name,
                 const char   *character,
                 int           pickup,
                 int           call,
                 int           on_set)
{
  Mp2CastMember *member = mp2_cast_member_new ();

  member->id = g_strdup (id);
  member->name = g_strdup (name);
  member->character = g_strdup (character);
  member->pickup = pickup;
  member->call = call;
  member->on_set = on_set;
  g_ptr_array_add (mp2_call_sheet_get_cast (sheet), member);
}

static void
set_box (Mp2CallSheet *sheet,
         const char   *key,
         guint         page,
         double        x,
         double        y,
         double        width,
         double        height)
{
  Mp2SourceBox box = { page, x, y, width, height };

  mp2_call_sheet_set_position (sheet, key, &box);
}

static void
fill_header (Mp2CallSheet *sheet)
{
  mp2_call_sheet_set_production (sheet, "Cicha Woda – Zażółć gęślą jaźń");
  mp2_call_sheet_set_date (sheet, 2024, 3, 4);
  mp2_call_sheet_set_shooting_day (sheet, 12);
  mp2_call_sheet_set_total_days (sheet, 40);
  mp2_call_sheet_set_revision (sheet, 3);
  mp2_call_sheet_set_language (sheet, "pl");
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 6 * 60 + 5);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_SHOOTING_CALL, 7 * 60);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_LUNCH, 12 * 60 + 30);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_ESTIMATED_WRAP, 0);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_SUNRISE, 5 * 60 + 9);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_SUNSET, 23 * 60 + 59);
}

static void
fill_rows (Mp2CallSheet *sheet)
{
  const char *cast[] = { "1", "12", NULL };
  const char *no_cast[] = { NULL };
  GPtrArray *notes = mp2_call_sheet_get_notes (sheet);

  add_location (sheet, MP2_LOCATION_SET, "Studio WFDiF – hala 2",
                "ul. Chełmska 21, 00-724 Warszawa");
  add_location (sheet, MP2_LOCATION_PARKING, NULL, "ul. Czerniakowska 1, Warszawa");
  add_location (sheet, MP2_LOCATION_MEETING_POINT, "Brama \"B\"", NULL);
  add_scene (sheet, "41A", "WN. KUCHNIA ŁUCJI", 'N', "1 3/8", cast);
  add_scene (sheet, "99a", "PL. OGRÓD", 0, NULL, no_cast);
  add_crew_member (sheet, "Oświetlenie", "Mistrz oświetlenia", "Paweł Ślęzak", 5 * 60 + 45);
  add_crew_member (sheet, NULL, "Kierowca", "Jan Nowak", MP2_CALL_SHEET_NO_TIME);
  add_cast_member (sheet, "1", "Łucja Żak", "MARTA", 5 * 60, 5 * 60 + 30, 7 * 60);
  add_cast_member (sheet, "12", "Jürgen Groß", "ŚWIADEK", MP2_CALL_SHEET_NO_TIME,
                   MP2_CALL_SHEET_NO_TIME, MP2_CALL_SHEET_NO_TIME);
  g_ptr_array_add (notes, g_strdup ("Zbiórka przy bramie – punktualnie."));
  g_ptr_array_add (notes, g_strdup ("Quote \" slash \\ tab\t end"));
}

static void
fill_extras (Mp2CallSheet *sheet)
{
  mp2_call_sheet_add_warning (sheet, "No time for %s in row %d", "Łucja", 3);
  mp2_call_sheet_add_warning (sheet, "Unsure of the date");
  mp2_call_sheet_set_personal_call (sheet, MP2_PERSONAL_CALL_CREW, "Paweł Ślęzak",
                                    "Mistrz oświetlenia", 5 * 60 + 45);
  set_box (sheet, "crew_call", 0, 72.5, 100.25, 40, 12);
  set_box (sheet, "date", 0, 0.1, 0.2, 100.3, 9.9);
  set_box (sheet, "locations/0", 1, 36, 400.125, 250.5, 24.75);
  set_box (sheet, "scenes/1/cast", 2, -0.5, 1000, 0, 1e-3);
}

static Mp2CallSheet *
create_full_sheet (void)
{
  Mp2CallSheet *sheet = mp2_call_sheet_new ();

  fill_header (sheet);
  fill_rows (sheet);
  fill_extras (sheet);

  return sheet;
}

static char *
load_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "callsheets", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
is_call_sheet_json (const char *name)
{
  g_autofree char *text = load_text (name);
  g_autoptr(JsonNode) root = parse_json (text);

  return JSON_NODE_HOLDS_OBJECT (root)
         && !json_object_has_member (json_node_get_object (root), "error");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the ground-truth files of call sheets, sorted. */
static GPtrArray *
list_ground_truth (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "callsheets", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && is_call_sheet_json (name))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

static void
assert_same_order (JsonNode *expected,
                   JsonNode *actual)
{
  g_assert_cmpint (JSON_NODE_TYPE (expected), ==, JSON_NODE_TYPE (actual));

  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      JsonObject *expected_object = json_node_get_object (expected);
      JsonObject *actual_object = json_node_get_object (actual);
      g_autoptr(GList) expected_keys = json_object_get_members (expected_object);
      g_autoptr(GList) actual_keys = json_object_get_members (actual_object);
      const GList *e = expected_keys;
      const GList *a = actual_keys;

      for (; e != NULL && a != NULL; e = e->next, a = a->next)
        {
          g_assert_cmpstr (e->data, ==, a->data);
          assert_same_order (json_object_get_member (expected_object, e->data),
                             json_object_get_member (actual_object, a->data));
        }
      g_assert_true (e == NULL && a == NULL);
    }
  else if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *expected_array = json_node_get_array (expected);
      JsonArray *actual_array = json_node_get_array (actual);

      g_assert_cmpuint (json_array_get_length (expected_array), ==,
                        json_array_get_length (actual_array));
      for (guint i = 0; i < json_array_get_length (expected_array); i++)
        assert_same_order (json_array_get_element (expected_array, i),
                           json_array_get_element (actual_array, i));
    }
}

static void
assert_keys (JsonNode           *node,
             const char * const *keys,
             guint               n_keys)
{
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));
  const GList *l = members;

  g_assert_cmpuint (g_list_length (members), ==, n_keys);
  for (guint i = 0; i < n_keys; i++, l = l->next)
    g_assert_cmpstr (l->data, ==, keys[i]);
}

static char *
round_trip (const char            *json,
            Mp2CallSheetJsonFlags  flags,
            gboolean               pretty)
{
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = mp2_call_sheet_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);

  return mp2_call_sheet_to_json (sheet, flags, pretty);
}

static void
assert_invalid (const char *json,
                gssize      length)
{
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = mp2_call_sheet_new_from_json (json, length, &error);
  if (sheet != NULL)
    g_error ("Accepted invalid call sheet: %s", json);
  g_assert_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 5);
  g_test_message ("%s", error->message);
}

/* Tests */

static void
test_ground_truth (gconstpointer data)
{
  const char *name = data;
  g_autofree char *text = load_text (name);
  g_autoptr(JsonNode) expected = parse_json (text);
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(JsonNode) actual = NULL;
  g_autoptr(GError) error = NULL;

  sheet = mp2_call_sheet_new_from_json (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);

  actual = mp2_call_sheet_to_json_node (sheet, MP2_CALL_SHEET_JSON_DEFAULT);
  g_assert_true (json_node_equal (expected, actual));
  assert_same_order (expected, actual);
  assert_keys (actual, default_keys, G_N_ELEMENTS (default_keys));
}

static void
test_ground_truth_found (void)
{
  g_autoptr(GPtrArray) names = list_ground_truth ();
  const char *expected[] = {
    "T1_01.json", "T2_rev1.json", "T2_rev2.json", "T4_03.json",
    "email_pl_subject.json", "email_revised.json", "email_two_pdfs.json",
  };

  g_assert_cmpuint (names->len, >=, 17);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, expected[i], g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (names, "manifest.json", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (names, "neg_empty.json", g_str_equal, NULL));
}

static void
test_full_round_trip (void)
{
  g_autoptr(Mp2CallSheet) sheet = create_full_sheet ();

  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *json = mp2_call_sheet_to_json (sheet, ALL_FLAGS, pretty);
      g_autofree char *again = round_trip (json, ALL_FLAGS, pretty);
      g_autofree char *twice = mp2_call_sheet_to_json (sheet, ALL_FLAGS, pretty);

      g_assert_cmpstr (json, ==, again);
      g_assert_cmpstr (json, ==, twice);
      g_assert_nonnull (strstr (json, "Zażółć gęślą jaźń"));
      g_assert_null (strstr (json, "\\u"));
    }
}

static void
test_full_values_read_back (void)
{
  g_autoptr(Mp2CallSheet) sheet = create_full_sheet ();
  g_autofree char *json = mp2_call_sheet_to_json (sheet, ALL_FLAGS, TRUE);
  g_autoptr(Mp2CallSheet) read = mp2_call_sheet_new_from_json (json, -1, NULL);
  const Mp2PersonalCall *call = mp2_call_sheet_get_personal_call (read);
  Mp2Scene *scene = g_ptr_array_index (mp2_call_sheet_get_scenes (read), 0);
  Mp2Location *parking = g_ptr_array_index (mp2_call_sheet_get_locations (read), 1);
  Mp2SourceBox box;
  int year, month, day;

  g_assert_true (mp2_call_sheet_get_date (read, &year, &month, &day));
  g_assert_cmpint (year * 10000 + month * 100 + day, ==, 20240304);
  g_assert_cmpint (mp2_call_sheet_get_revision (read), ==, 3);
  g_assert_cmpint (mp2_call_sheet_get_time (read, MP2_TIME_FIELD_CREW_CALL), ==, 365);
  g_assert_cmpint (mp2_call_sheet_get_time (read, MP2_TIME_FIELD_BREAKFAST), ==, -1);
  g_assert_cmpint (scene->day_night, ==, 'N');
  g_assert_cmpstr (scene->cast[1], ==, "12");
  g_assert_null (parking->name);
  g_assert_cmpint (parking->kind, ==, MP2_LOCATION_PARKING);
  g_assert_cmpint (call->source, ==, MP2_PERSONAL_CALL_CREW);
  g_assert_cmpstr (call->position, ==, "Mistrz oświetlenia");
  g_assert_true (mp2_call_sheet_get_position (read, "locations/0", &box));
  g_assert_cmpuint (box.page, ==, 1);
  g_assert_cmpfloat (box.y, ==, 400.125);
  g_assert_cmpuint (mp2_call_sheet_get_warnings (read)->len, ==, 2);
}

static void
test_json_is_pretty_and_deterministic (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_call_sheet_new ();
  g_autofree char *pretty = NULL;
  g_autofree char *compact = NULL;

  mp2_call_sheet_set_date (sheet, 987, 1, 2);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_SUNSET, 9 * 60 + 7);
  pretty = mp2_call_sheet_to_json (sheet, MP2_CALL_SHEET_JSON_DEFAULT, TRUE);
  compact = mp2_call_sheet_to_json (sheet, MP2_CALL_SHEET_JSON_DEFAULT, FALSE);

  g_assert_true (g_str_has_prefix (pretty, "{\n  \"production\" : null,\n"
                                           "  \"date\" : \"0987-01-02\",\n"));
  g_assert_nonnull (strstr (pretty, "\n  \"sunset\" : \"09:07\",\n"));
  g_assert_null (strchr (compact, '\n'));
  g_assert_nonnull (strstr (compact, "\"revision\":1,"));
  g_assert_nonnull (strstr (compact, "\"notes\":[]"));
}

static void
test_default_keys (void)
{
  g_autoptr(Mp2CallSheet) empty = mp2_call_sheet_new ();
  g_autoptr(Mp2CallSheet) full = create_full_sheet ();
  g_autoptr(JsonNode) empty_node = mp2_call_sheet_to_json_node (empty, 0);
  g_autoptr(JsonNode) full_node = mp2_call_sheet_to_json_node (full, 0);
  JsonObject *object = json_node_get_object (empty_node);

  assert_keys (empty_node, default_keys, G_N_ELEMENTS (default_keys));
  assert_keys (full_node, default_keys, G_N_ELEMENTS (default_keys));

  for (guint i = 0; i < G_N_ELEMENTS (default_keys); i++)
    {
      JsonNode *member = json_object_get_member (object, default_keys[i]);

      if (g_str_equal (default_keys[i], "revision"))
        g_assert_cmpint (json_node_get_int (member), ==, 1);
      else if (i >= 13)
        g_assert_cmpuint (json_array_get_length (json_node_get_array (member)), ==, 0);
      else
        g_assert_true (JSON_NODE_HOLDS_NULL (member));
    }
}

static void
test_flags (void)
{
  g_autoptr(Mp2CallSheet) sheet = create_full_sheet ();
  g_autoptr(JsonNode) extras = mp2_call_sheet_to_json_node (sheet, MP2_CALL_SHEET_JSON_EXTRAS);
  g_autoptr(JsonNode) positions = NULL;
  g_autoptr(JsonNode) all = mp2_call_sheet_to_json_node (sheet, ALL_FLAGS);
  g_autoptr(GList) all_keys = json_object_get_members (json_node_get_object (all));
  g_autoptr(GList) box_keys = NULL;
  JsonObject *boxes;
  const char *tail[] = { "personal_call", "warnings", "positions" };
  const char *sorted[] = { "crew_call", "date", "locations/0", "scenes/1/cast" };
  const char *box[] = { "page", "x", "y", "width", "height" };
  GList *l = g_list_nth (all_keys, G_N_ELEMENTS (default_keys));

  positions = mp2_call_sheet_to_json_node (sheet, MP2_CALL_SHEET_JSON_POSITIONS);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (extras)), ==, 20);
  g_assert_true (json_object_has_member (json_node_get_object (extras), "personal_call"));
  g_assert_false (json_object_has_member (json_node_get_object (extras), "positions"));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (positions)), ==, 19);
  g_assert_false (json_object_has_member (json_node_get_object (positions), "warnings"));

  for (guint i = 0; i < G_N_ELEMENTS (tail); i++, l = l->next)
    g_assert_cmpstr (l->data, ==, tail[i]);
  g_assert_null (l);

  boxes = json_object_get_object_member (json_node_get_object (all), "positions");
  box_keys = json_object_get_members (boxes);
  g_assert_cmpuint (g_list_length (box_keys), ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpstr (g_list_nth_data (box_keys, i), ==, sorted[i]);
  assert_keys (json_object_get_member (boxes, "date"), box, G_N_ELEMENTS (box));
}

static void
test_personal_call_json (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_call_sheet_new ();
  g_autoptr(JsonNode) node = mp2_call_sheet_to_json_node (sheet, MP2_CALL_SHEET_JSON_EXTRAS);
  JsonObject *call = json_object_get_object_member (json_node_get_object (node), "personal_call");
  const char *keys[] = { "source", "name", "position", "call" };
  g_autoptr(JsonNode) call_node = json_node_init_object (json_node_alloc (), call);

  assert_keys (call_node, keys, G_N_ELEMENTS (keys));
  g_assert_cmpstr (json_object_get_string_member (call, "source"), ==, "none");
  g_assert_true (json_object_get_null_member (call, "name"));
  g_assert_true (json_object_get_null_member (call, "call"));
}

static void
test_lenient_input (void)
{
  const char *json = "{\"unknown\": {\"deep\": [1, 2, {\"x\": null}]}, " ARRAYS ", "
                     "\"positions\": {\"date\": {\"page\": 3, \"x\": 1, \"y\": 2, "
                     "\"width\": 3.5, \"height\": 4, \"extra\": true}}}";
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  Mp2SourceBox box;

  sheet = mp2_call_sheet_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_null (mp2_call_sheet_get_production (sheet));
  g_assert_false (mp2_call_sheet_get_date (sheet, NULL, NULL, NULL));
  g_assert_cmpint (mp2_call_sheet_get_shooting_day (sheet), ==, MP2_CALL_SHEET_NO_NUMBER);
  g_assert_cmpint (mp2_call_sheet_get_revision (sheet), ==, 1);
  g_assert_null (mp2_call_sheet_get_language (sheet));
  g_assert_true (mp2_call_sheet_get_position (sheet, "date", &box));
  g_assert_cmpuint (box.page, ==, 3);
  g_assert_cmpfloat (box.width, ==, 3.5);

  node = mp2_call_sheet_to_json_node (sheet, 0);
  assert_keys (node, default_keys, G_N_ELEMENTS (default_keys));
}

static void
test_explicit_length (void)
{
  const char *json = "{" ARRAYS "}garbage after the length";
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = mp2_call_sheet_new_from_json (json, strlen ("{" ARRAYS "}"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);

  assert_invalid (json, -1);
  assert_invalid (json, 0);
}

/* Each is refused: not JSON, not an object, a missing array, or a value of the wrong
 * type or form. */
static const char *invalid_cases[] = {
  "", "   ", "{", "call sheet", "{" ARRAYS "} x", "[]", "42", "\"x\"", "null", "true",
  "{\"locations\": [], \"scenes\": [], \"crew\": [], \"cast\": []}",
  "{\"locations\": [], \"scenes\": [], \"crew\": [], \"notes\": []}",
  "{\"locations\": [], \"scenes\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": null, \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": {}, \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": [], \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": \"x\"}",
  "{\"locations\": [], \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": [5]}",
  "{\"locations\": [], \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": [null]}",
  "{\"locations\": [\"x\"], \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": [null], \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": [[]], \"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  WITH ("\"production\": 5"), WITH ("\"production\": [\"x\"]"), WITH ("\"production\": {}"),
  WITH ("\"production\": true"),
  WITH ("\"crew_call\": \"25:00\""), WITH ("\"crew_call\": \"7:5\""),
  WITH ("\"crew_call\": \"07:60\""), WITH ("\"crew_call\": \"0700\""),
  WITH ("\"crew_call\": \"07:00 \""), WITH ("\"crew_call\": \" 07:00\""),
  WITH ("\"crew_call\": \"07:0a\""), WITH ("\"crew_call\": \"7:00 AM\""),
  WITH ("\"crew_call\": \"\""), WITH ("\"crew_call\": 700"), WITH ("\"lunch\": true"),
  WITH ("\"sunset\": [\"19:00\"]"), WITH ("\"sunrise\": \"-1:00\""),
  WITH ("\"date\": \"2024-02-30\""), WITH ("\"date\": \"2023-02-29\""),
  WITH ("\"date\": \"2024-2-3\""), WITH ("\"date\": \"24-02-03\""),
  WITH ("\"date\": \"2024-13-01\""), WITH ("\"date\": \"2024-00-10\""),
  WITH ("\"date\": \"2024-01-00\""), WITH ("\"date\": \"0000-01-01\""),
  WITH ("\"date\": \"2024/02/03\""), WITH ("\"date\": 20240203"),
  WITH ("\"date\": \"2024-02-03T07:00\""), WITH ("\"date\": \"12.03.2024\""),
  WITH ("\"shooting_day\": -1"), WITH ("\"shooting_day\": 100001"),
  WITH ("\"shooting_day\": 1.5"), WITH ("\"shooting_day\": 12.0"),
  WITH ("\"shooting_day\": \"12\""), WITH ("\"shooting_day\": true"),
  WITH ("\"shooting_day\": 99999999999999999999999"), WITH ("\"shooting_day\": 1e400"),
  WITH ("\"shooting_day\": -9223372036854775809"), WITH ("\"total_days\": -5"),
  WITH ("\"revision\": 0"), WITH ("\"revision\": 1001"), WITH ("\"revision\": 2.0"),
  WITH ("\"revision\": \"2\""), WITH ("\"revision\": []"),
  WITH ("\"language\": \"fr\""), WITH ("\"language\": \"EN\""), WITH ("\"language\": 1"),
  WITH ("\"language\": \"\""),
  "{\"locations\": [{\"kind\": \"garage\", \"name\": \"x\", \"address\": \"y\"}], "
  "\"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": [{\"kind\": null, \"name\": \"x\", \"address\": \"y\"}], "
  "\"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": [{\"name\": \"x\", \"address\": \"y\"}], "
  "\"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": [{\"kind\": \"Set\", \"name\": \"x\", \"address\": \"y\"}], "
  "\"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  "{\"locations\": [{\"kind\": \"set\", \"name\": 5, \"address\": \"y\"}], "
  "\"scenes\": [], \"crew\": [], \"cast\": [], \"notes\": []}",
  WITH_SCENE (SCENE_START "\"day_night\": \"X\", \"pages\": null, \"cast\": []"),
  WITH_SCENE (SCENE_START "\"day_night\": \"DN\", \"pages\": null, \"cast\": []"),
  WITH_SCENE (SCENE_START "\"day_night\": \"d\", \"pages\": null, \"cast\": []"),
  WITH_SCENE (SCENE_START "\"day_night\": \"\", \"pages\": null, \"cast\": []"),
  WITH_SCENE (SCENE_START "\"day_night\": 68, \"pages\": null, \"cast\": []"),
  WITH_SCENE (SCENE_START "\"day_night\": \"D\", \"pages\": 1.5, \"cast\": []"),
  WITH_SCENE ("\"number\": 1, \"set\": \"INT.\", "
              "\"day_night\": \"D\", \"pages\": null, \"cast\": []"),
  WITH_SCENE (SCENE_START "\"day_night\": \"D\", \"pages\": null, \"cast\": [1]"),
  WITH_SCENE (SCENE_START "\"day_night\": \"D\", \"pages\": null"),
  WITH_SCENE (SCENE_START "\"day_night\": \"D\", \"pages\": null, \"cast\": \"1\""),
  "{\"locations\": [], \"scenes\": [], \"cast\": [], \"notes\": [], \"crew\": "
  "[{\"department\": null, \"position\": \"DoP\", \"name\": \"A\", \"call\": \"24:00\"}]}",
  "{\"locations\": [], \"scenes\": [], \"cast\": [], \"notes\": [], \"crew\": "
  "[{\"department\": 5, \"position\": \"DoP\", \"name\": \"A\", \"call\": \"07:00\"}]}",
  "{\"locations\": [], \"scenes\": [], \"crew\": [], \"notes\": [], \"cast\": "
  "[{\"id\": \"1\", \"name\": \"A\", \"character\": \"B\", \"pickup\": \"7:5\", "
  "\"call\": null, \"on_set\": null}]}",
  "{\"locations\": [], \"scenes\": [], \"crew\": [], \"notes\": [], \"cast\": "
  "[{\"id\": 1, \"name\": \"A\", \"character\": \"B\", \"pickup\": null, "
  "\"call\": null, \"on_set\": null}]}",
  "{\"locations\": [], \"scenes\": [], \"crew\": [], \"notes\": [], \"cast\": "
  "[{\"id\": \"1\", \"name\": \"A\", \"character\": \"B\", \"pickup\": null, "
  "\"call\": null, \"on_set\": 730}]}",
  WITH ("\"personal_call\": \"x\""), WITH ("\"personal_call\": null"),
  WITH ("\"personal_call\": {}"), WITH ("\"personal_call\": {\"source\": \"boss\"}"),
  WITH ("\"personal_call\": {\"source\": \"crew\", \"call\": \"24:00\"}"),
  WITH ("\"personal_call\": {\"source\": \"crew\", \"name\": 5}"),
  WITH ("\"warnings\": \"w\""), WITH ("\"warnings\": [1]"), WITH ("\"warnings\": null"),
  WITH ("\"positions\": []"), WITH ("\"positions\": null"), WITH ("\"positions\": {\"a\": 1}"),
  WITH ("\"positions\": {\"a\": {\"page\": 0, \"x\": 1, \"y\": 1, \"width\": 1}}"),
  WITH_BOX ("\"x\": 1, " BOX_END),
  WITH_BOX ("\"page\": -1, \"x\": 1, " BOX_END),
  WITH_BOX ("\"page\": 1.0, \"x\": 1, " BOX_END),
  WITH ("\"positions\": {\"a\": {\"page\": 5000000000, \"x\": 1, \"y\": 1, \"width\": 1, "
        "\"height\": 1}}"),
  WITH_BOX ("\"page\": 0, \"x\": \"1\", " BOX_END),
  WITH_BOX ("\"page\": 0, \"x\": null, " BOX_END),
  WITH_BOX ("\"page\": 0, \"x\": 1e400, " BOX_END),
  WITH_BOX ("\"page\": 0, \"x\": -1e400, " BOX_END),
  WITH_BOX ("\"page\": 0, \"x\": 2e6, " BOX_END),
  WITH ("\"production\": \"\xff\""), WITH ("\"production\": NaN"), WITH ("\"x\": Infinity"),
};

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    assert_invalid (invalid_cases[i], -1);
}

static void
test_invalid_nodes (void)
{
  g_autoptr(JsonArray) elements = json_array_new ();
  g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), elements);
  g_autoptr(Mp2CallSheet) sheet = mp2_call_sheet_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *positions;

  g_assert_null (mp2_call_sheet_new_from_json_node (array, &error));
  g_assert_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID);
  g_clear_error (&error);

  set_box (sheet, "date", 0, 1, 2, 3, 4);
  node = mp2_call_sheet_to_json_node (sheet, MP2_CALL_SHEET_JSON_POSITIONS);
  positions = json_object_get_object_member (json_node_get_object (node), "positions");
  json_object_set_double_member (json_object_get_object_member (positions, "date"), "x", NAN);

  g_assert_null (mp2_call_sheet_new_from_json_node (node, &error));
  g_assert_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new ("{" ARRAYS ", \"x\": ");
  g_autoptr(GString) shallow = g_string_new ("{" ARRAYS ", \"x\": ");
  g_autoptr(Mp2CallSheet) sheet = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, i % 2 ? '[' : '{');
  assert_invalid (deep->str, -1);

  g_string_truncate (deep, 0);
  for (guint i = 0; i < 200000; i++)
    g_string_append (deep, "[\"[\",");
  assert_invalid (deep->str, -1);

  /* Brackets inside strings do not count, deep enough nesting is fine. */
  for (guint i = 0; i < 20; i++)
    g_string_append (shallow, "[\"[[[{{{\\\"[[\",");
  g_string_append (shallow, "1");
  for (guint i = 0; i < 20; i++)
    g_string_append_c (shallow, ']');
  g_string_append_c (shallow, '}');
  sheet = mp2_call_sheet_new_from_json (shallow->str, -1, NULL);
  g_assert_nonnull (sheet);
}

/* Whatever the parser accepts, it writes back in a form that it reads back the same. */
static void
assert_no_crash (const char *json,
                 gssize      length)
{
  g_autoptr(Mp2CallSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  sheet = mp2_call_sheet_new_from_json (json, length, &error);
  if (sheet == NULL)
    {
      g_assert_error (error, MP2_CALL_SHEET_ERROR, MP2_CALL_SHEET_ERROR_INVALID);
      return;
    }

  written = mp2_call_sheet_to_json (sheet, ALL_FLAGS, FALSE);
  again = round_trip (written, ALL_FLAGS, FALSE);
  g_assert_cmpstr (written, ==, again);
}

static void
test_truncated_and_mutated (void)
{
  const char alphabet[] = "{}[]\":,0123456789-+.eE nultrfasD\\\xc5\x81\xff";
  g_autoptr(Mp2CallSheet) sheet = create_full_sheet ();
  g_autofree char *json = mp2_call_sheet_to_json (sheet, ALL_FLAGS, FALSE);
  g_autoptr(GRand) rng = g_rand_new_with_seed (20240304);
  gsize length = strlen (json);

  for (gsize i = 0; i <= length; i++)
    assert_no_crash (json, (gssize) i);

  for (guint attempt = 0; attempt < 3000; attempt++)
    {
      g_autofree char *mutated = g_strdup (json);
      guint n_changes = g_rand_int_range (rng, 1, 4);

      for (guint i = 0; i < n_changes; i++)
        mutated[g_rand_int_range (rng, 0, (int) length)] =
          alphabet[g_rand_int_range (rng, 0, sizeof alphabet - 1)];
      assert_no_crash (mutated, -1);
    }
}

static void
test_copy_is_deep (void)
{
  g_autoptr(Mp2CallSheet) sheet = create_full_sheet ();
  g_autoptr(Mp2CallSheet) copy = mp2_call_sheet_copy (sheet);
  g_autofree char *before = mp2_call_sheet_to_json (sheet, ALL_FLAGS, FALSE);
  g_autofree char *copied = mp2_call_sheet_to_json (copy, ALL_FLAGS, FALSE);
  g_autofree char *after = NULL;
  Mp2Location *location = g_ptr_array_index (mp2_call_sheet_get_locations (copy), 0);
  Mp2Scene *scene = g_ptr_array_index (mp2_call_sheet_get_scenes (copy), 0);

  g_assert_cmpstr (before, ==, copied);
  g_assert_true (location != g_ptr_array_index (mp2_call_sheet_get_locations (sheet), 0));

  g_free (location->name);
  location->name = g_strdup ("Changed");
  g_free (scene->cast[0]);
  scene->cast[0] = g_strdup ("99");
  mp2_call_sheet_set_production (copy, "Other");
  mp2_call_sheet_clear_date (copy);
  mp2_call_sheet_set_time (copy, MP2_TIME_FIELD_LUNCH, MP2_CALL_SHEET_NO_TIME);
  g_ptr_array_add (mp2_call_sheet_get_notes (copy), g_strdup ("New note"));
  g_ptr_array_remove_index (mp2_call_sheet_get_crew (copy), 0);
  mp2_call_sheet_add_warning (copy, "Another");
  mp2_call_sheet_set_personal_call (copy, MP2_PERSONAL_CALL_NONE, NULL, NULL, -1);
  set_box (copy, "date", 5, 1, 1, 1, 1);
  mp2_call_sheet_set_position (copy, "crew_call", NULL);

  after = mp2_call_sheet_to_json (sheet, ALL_FLAGS, FALSE);
  g_assert_cmpstr (before, ==, after);
}

static void
test_rows_and_names (void)
{
  g_autoptr(Mp2Scene) scene = mp2_scene_new ();
  g_autoptr(Mp2CrewMember) crew = mp2_crew_member_new ();
  g_autoptr(Mp2CastMember) cast = mp2_cast_member_new ();
  g_autoptr(Mp2Location) location = mp2_location_new (MP2_LOCATION_HOSPITAL, "A", NULL);
  g_autoptr(Mp2Location) location_copy = mp2_location_copy (location);
  const char *kinds[] = { "set", "base", "parking", "catering", "hospital", "meeting_point" };
  const char *keys[] = { "crew_call", "shooting_call", "breakfast", "lunch", "estimated_wrap",
                         "sunrise", "sunset" };
  Mp2LocationKind kind;

  g_assert_nonnull (scene->cast);
  g_assert_null (scene->cast[0]);
  g_assert_cmpint (scene->day_night, ==, 0);
  g_assert_cmpint (crew->call, ==, MP2_CALL_SHEET_NO_TIME);
  g_assert_cmpint (cast->pickup + cast->call + cast->on_set, ==, 3 * MP2_CALL_SHEET_NO_TIME);
  g_assert_cmpstr (location_copy->name, ==, "A");
  g_assert_true (location_copy->name != location->name);
  g_assert_true (G_TYPE_IS_BOXED (MP2_TYPE_SCENE));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_cmpstr (mp2_location_kind_to_string (i), ==, kinds[i]);
      g_assert_true (mp2_location_kind_from_string (kinds[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (mp2_location_kind_from_string ("Base", &kind));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (mp2_time_field_to_key (i), ==, keys[i]);
}

static void
test_sheet_accessors (void)
{
  g_autoptr(Mp2CallSheet) sheet = mp2_call_sheet_new ();
  g_auto(GStrv) keys = NULL;
  Mp2SourceBox box;
  int year = 1;

  g_assert_false (mp2_call_sheet_get_date (sheet, &year, NULL, NULL));
  g_assert_cmpint (year, ==, 0);
  g_assert_cmpint (mp2_call_sheet_get_personal_call (sheet)->source, ==, MP2_PERSONAL_CALL_NONE);
  g_assert_cmpint (mp2_call_sheet_get_personal_call (sheet)->call, ==, MP2_CALL_SHEET_NO_TIME);

  mp2_call_sheet_add_warning (sheet, "%s: %d", "row", 7);
  g_assert_cmpstr (g_ptr_array_index (mp2_call_sheet_get_warnings (sheet), 0), ==, "row: 7");

  set_box (sheet, "locations/1", 0, 1, 1, 1, 1);
  set_box (sheet, "crew_call", 0, 1.00004, 2.00006, 1, 1);
  set_box (sheet, "date", 0, 1, 1, 1, 1);
  set_box (sheet, "b", 0, 1, 1, 1, 1);
  mp2_call_sheet_set_position (sheet, "b", NULL);
  keys = mp2_call_sheet_list_positions (sheet);
  g_assert_cmpstrv (keys, ((const char * const[]) { "crew_call", "date", "locations/1", NULL }));

  g_assert_false (mp2_call_sheet_get_position (sheet, "b", &box));
  g_assert_true (mp2_call_sheet_get_position (sheet, "crew_call", &box));
  g_assert_cmpfloat (box.x, ==, 1.0);
  g_assert_cmpfloat (box.y, ==, 2.0001);
}

static void
add_ground_truth_tests (void)
{
  g_autoptr(GPtrArray) names = list_ground_truth ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_strdup_printf ("/call-sheet/ground-truth/%s", name);

      g_test_add_data_func_full (path, g_strdup (name), test_ground_truth, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Run by hand from the top of the source tree, without meson's environment. */
  if (g_getenv ("G_TEST_SRCDIR") == NULL
      && g_file_test ("tests/data/callsheets", G_FILE_TEST_IS_DIR))
    {
      g_autofree char *srcdir = g_canonicalize_filename ("tests", NULL);

      g_setenv ("G_TEST_SRCDIR", srcdir, FALSE);
    }

  g_test_init (&argc, &argv, NULL);

  add_ground_truth_tests ();
  g_test_add_func ("/call-sheet/ground-truth-found", test_ground_truth_found);
  g_test_add_func ("/call-sheet/full-round-trip", test_full_round_trip);
  g_test_add_func ("/call-sheet/full-values-read-back", test_full_values_read_back);
  g_test_add_func ("/call-sheet/pretty-and-deterministic", test_json_is_pretty_and_deterministic);
  g_test_add_func ("/call-sheet/default-keys", test_default_keys);
  g_test_add_func ("/call-sheet/flags", test_flags);
  g_test_add_func ("/call-sheet/personal-call-json", test_personal_call_json);
  g_test_add_func ("/call-sheet/lenient-input", test_lenient_input);
  g_test_add_func ("/call-sheet/explicit-length", test_explicit_length);
  g_test_add_func ("/call-sheet/invalid", test_invalid);
  g_test_add_func ("/call-sheet/invalid-nodes", test_invalid_nodes);
  g_test_add_func ("/call-sheet/deep-nesting", test_deep_nesting);
  g_test_add_func ("/call-sheet/truncated-and-mutated", test_truncated_and_mutated);
  g_test_add_func ("/call-sheet/copy-is-deep", test_copy_is_deep);
  g_test_add_func ("/call-sheet/rows-and-names", test_rows_and_names);
  g_test_add_func ("/call-sheet/sheet-accessors", test_sheet_accessors);

  return g_test_run ();
}
