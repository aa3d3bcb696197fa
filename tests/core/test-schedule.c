/* test-schedule.c
 *
 * A stored sheet as an object: its states by name, properties that notify only on
 * a real change, the effective sheet and deep copies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mp2-schedule.h"

typedef struct
{
  GHashTable *counts;   /* property name -> notifications */
} Notes;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  Notes *notes = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (notes->counts, pspec->name));

  g_hash_table_insert (notes->counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static guint
count_notes (Notes      *notes,
             const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (notes->counts, name));
}

static guint
count_all_notes (Notes *notes)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, notes->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static Mp2Schedule *
new_watched_schedule (Notes *notes)
{
  Mp2Schedule *schedule = mp2_schedule_new ();

  notes->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (schedule, "notify", G_CALLBACK (on_notify_cb), notes);

  return schedule;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static Mp2CallSheet *
new_sheet (void)
{
  Mp2CallSheet *sheet = mp2_call_sheet_new ();

  mp2_call_sheet_set_production (sheet, "Cicha Woda");
  mp2_call_sheet_set_date (sheet, 2025, 3, 28);
  mp2_call_sheet_set_time (sheet, MP2_TIME_FIELD_CREW_CALL, 7 * 60);

  return sheet;
}

static GPtrArray *
new_changes (const char *new_call)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_day_change_free);
  Mp2DayChange *change = g_new0 (Mp2DayChange, 1);

  change->kind = MP2_DAY_CHANGE_CREW_CALL;
  change->key = g_strdup ("crew_call");
  change->old_value = g_strdup ("07:00");
  change->new_value = g_strdup (new_call);
  g_ptr_array_add (changes, change);

  return changes;
}

static GPtrArray *
new_conflicts (const char *mine)
{
  g_autoptr(Mp2CallSheet) old_sheet = new_sheet ();
  g_autoptr(Mp2CallSheet) revision = new_sheet ();
  g_autoptr(JsonObject) edits = json_object_new ();
  g_autoptr(JsonObject) carried = NULL;
  GPtrArray *conflicts = NULL;

  mp2_call_sheet_set_time (revision, MP2_TIME_FIELD_CREW_CALL, 8 * 60);
  json_object_set_string_member (edits, "crew_call", mine);
  carried = mp2_day_carry_edits (old_sheet, revision, edits, &conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);

  return conflicts;
}

/* States */

static void
test_state_names (void)
{
  const char *names[] = { "new", "parsed", "planned", "needs-review", "confirmed", "synced",
                          "superseded", "dismissed", "failed" };
  Mp2DayState state;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (mp2_day_state_to_string ((Mp2DayState) i), ==, names[i]);
      g_assert_true (mp2_day_state_from_string (names[i], &state));
      g_assert_cmpint (state, ==, i);
    }

  g_assert_false (mp2_day_state_from_string ("needs_review", &state));
  g_assert_false (mp2_day_state_from_string ("", NULL));
  g_assert_true (mp2_day_state_from_string ("synced", NULL));
}

static void
test_state_enum_type (void)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (MP2_TYPE_DAY_STATE);
  GEnumValue *value = g_enum_get_value (enum_class, MP2_DAY_STATE_NEEDS_REVIEW);

  g_assert_cmpuint (enum_class->n_values, ==, 9);
  g_assert_cmpstr (value->value_nick, ==, "needs-review");
}

/* Properties */

static void
test_defaults (void)
{
  g_autoptr(Mp2Schedule) schedule = mp2_schedule_new ();

  g_assert_cmpint (mp2_schedule_get_id (schedule), ==, 0);
  g_assert_cmpint (mp2_schedule_get_state (schedule), ==, MP2_DAY_STATE_NEW);
  g_assert_null (mp2_schedule_get_sheet (schedule));
  g_assert_null (mp2_schedule_dup_effective_sheet (schedule));
  g_assert_nonnull (mp2_schedule_get_edits (schedule));
  g_assert_cmpuint (json_object_get_size (mp2_schedule_get_edits (schedule)), ==, 0);
  g_assert_cmpuint (mp2_schedule_get_changes (schedule)->len, ==, 0);
  g_assert_cmpuint (mp2_schedule_get_conflicts (schedule)->len, ==, 0);
  g_assert_null (mp2_schedule_get_error_code (schedule));
}

static void
test_notify_scalars (void)
{
  Notes notes;
  g_autoptr(Mp2Schedule) schedule = new_watched_schedule (&notes);

  mp2_schedule_set_id (schedule, 7);
  mp2_schedule_set_id (schedule, 7);
  mp2_schedule_set_state (schedule, MP2_DAY_STATE_PARSED);
  mp2_schedule_set_state (schedule, MP2_DAY_STATE_PARSED);
  mp2_schedule_set_day_key (schedule, "cicha woda|2025-03-28");
  mp2_schedule_set_day_key (schedule, "cicha woda|2025-03-28");
  mp2_schedule_set_file_name (schedule, "plan.pdf");
  mp2_schedule_set_file_name (schedule, "plan.pdf");
  mp2_schedule_set_document (schedule, "ab12");
  mp2_schedule_set_supersedes (schedule, 3);
  mp2_schedule_set_plan_json (schedule, "{}");
  mp2_schedule_set_weather_json (schedule, "{}");
  mp2_schedule_set_created_at (schedule, 100);
  mp2_schedule_set_updated_at (schedule, 200);
  mp2_schedule_set_updated_at (schedule, 200);

  g_assert_cmpuint (count_notes (&notes, "id"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "state"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "day-key"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "file-name"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "document"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "supersedes"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "plan-json"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "weather-json"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "created-at"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "updated-at"), ==, 1);
  g_assert_cmpuint (count_all_notes (&notes), ==, 10);

  mp2_schedule_set_day_key (schedule, NULL);
  g_assert_null (mp2_schedule_get_day_key (schedule));
  g_assert_cmpuint (count_notes (&notes, "day-key"), ==, 2);

  g_hash_table_unref (notes.counts);
}

static void
test_notify_error (void)
{
  Notes notes;
  g_autoptr(Mp2Schedule) schedule = new_watched_schedule (&notes);

  mp2_schedule_set_error (schedule, "encrypted", "The PDF is protected by a password.");
  mp2_schedule_set_error (schedule, "encrypted", "The PDF is protected by a password.");
  g_assert_cmpuint (count_notes (&notes, "error-code"), ==, 1);
  g_assert_cmpuint (count_notes (&notes, "error-message"), ==, 1);
  g_assert_cmpstr (mp2_schedule_get_error_code (schedule), ==, "encrypted");

  mp2_schedule_set_error (schedule, "corrupt", "The PDF is protected by a password.");
  g_assert_cmpuint (count_notes (&notes, "error-code"), ==, 2);
  g_assert_cmpuint (count_notes (&notes, "error-message"), ==, 1);

  mp2_schedule_set_error (schedule, NULL, NULL);
  g_assert_null (mp2_schedule_get_error_code (schedule));
  g_assert_null (mp2_schedule_get_error_message (schedule));
  g_assert_cmpuint (count_notes (&notes, "error-message"), ==, 2);

  g_hash_table_unref (notes.counts);
}

static void
test_notify_sheet (void)
{
  Notes notes;
  g_autoptr(Mp2Schedule) schedule = new_watched_schedule (&notes);
  g_autoptr(Mp2CallSheet) sheet = new_sheet ();

  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_sheet (schedule, sheet);
  g_assert_true (mp2_schedule_get_sheet (schedule) == sheet);
  mp2_schedule_set_sheet (schedule, NULL);

  g_assert_cmpuint (count_notes (&notes, "sheet"), ==, 2);
  g_hash_table_unref (notes.counts);
}

static void
test_notify_edits (void)
{
  Notes notes;
  g_autoptr(Mp2Schedule) schedule = new_watched_schedule (&notes);
  g_autoptr(JsonObject) edits = parse_object ("{\"crew_call\": \"06:30\"}");
  g_autoptr(JsonObject) same = parse_object ("{\"crew_call\": \"06:30\"}");
  g_autoptr(JsonObject) empty = json_object_new ();

  mp2_schedule_set_edits (schedule, NULL);
  mp2_schedule_set_edits (schedule, empty);
  g_assert_cmpuint (count_notes (&notes, "edits"), ==, 0);

  mp2_schedule_set_edits (schedule, edits);
  mp2_schedule_set_edits (schedule, same);
  g_assert_cmpuint (count_notes (&notes, "edits"), ==, 1);

  /* the schedule keeps a copy */
  json_object_set_string_member (edits, "lunch", "12:00");
  g_assert_cmpuint (json_object_get_size (mp2_schedule_get_edits (schedule)), ==, 1);

  mp2_schedule_set_edits (schedule, NULL);
  g_assert_cmpuint (count_notes (&notes, "edits"), ==, 2);
  g_assert_cmpuint (json_object_get_size (mp2_schedule_get_edits (schedule)), ==, 0);

  g_hash_table_unref (notes.counts);
}

static void
test_notify_changes_and_conflicts (void)
{
  Notes notes;
  g_autoptr(Mp2Schedule) schedule = new_watched_schedule (&notes);
  g_autoptr(GPtrArray) changes = new_changes ("06:30");
  g_autoptr(GPtrArray) same_changes = new_changes ("06:30");
  g_autoptr(GPtrArray) other_changes = new_changes ("06:00");
  g_autoptr(GPtrArray) conflicts = new_conflicts ("06:00");
  g_autoptr(GPtrArray) same_conflicts = new_conflicts ("06:00");
  g_autoptr(GPtrArray) other_conflicts = new_conflicts ("05:00");

  mp2_schedule_set_changes (schedule, changes);
  mp2_schedule_set_changes (schedule, same_changes);
  mp2_schedule_set_changes (schedule, other_changes);
  g_assert_cmpuint (count_notes (&notes, "changes"), ==, 2);
  g_assert_true (mp2_schedule_get_changes (schedule) != other_changes);
  g_assert_cmpstr (((Mp2DayChange *) g_ptr_array_index (mp2_schedule_get_changes (schedule), 0))->new_value,
                   ==, "06:00");

  mp2_schedule_set_conflicts (schedule, conflicts);
  mp2_schedule_set_conflicts (schedule, same_conflicts);
  mp2_schedule_set_conflicts (schedule, other_conflicts);
  mp2_schedule_set_conflicts (schedule, NULL);
  g_assert_cmpuint (count_notes (&notes, "conflicts"), ==, 3);
  g_assert_cmpuint (mp2_schedule_get_conflicts (schedule)->len, ==, 0);

  g_hash_table_unref (notes.counts);
}

static void
test_properties (void)
{
  g_autoptr(Mp2Schedule) schedule = mp2_schedule_new ();
  g_autoptr(Mp2CallSheet) sheet = new_sheet ();
  g_autoptr(Mp2CallSheet) got_sheet = NULL;
  g_autoptr(JsonObject) edits = parse_object ("{\"lunch\": \"12:00\"}");
  g_autoptr(JsonObject) got_edits = NULL;
  g_autoptr(GPtrArray) got_changes = NULL;
  g_autofree char *day_key = NULL;
  g_autofree char *error_code = NULL;
  Mp2DayState state;
  gint64 id;

  g_object_set (schedule,
                "id", (gint64) 42,
                "state", MP2_DAY_STATE_NEEDS_REVIEW,
                "day-key", "cicha woda|2025-03-28",
                "sheet", sheet,
                "edits", edits,
                NULL);
  mp2_schedule_set_error (schedule, "no-text-layer", "A scan.");
  g_object_get (schedule,
                "id", &id,
                "state", &state,
                "day-key", &day_key,
                "sheet", &got_sheet,
                "edits", &got_edits,
                "changes", &got_changes,
                "error-code", &error_code,
                NULL);

  g_assert_cmpint (id, ==, 42);
  g_assert_cmpint (state, ==, MP2_DAY_STATE_NEEDS_REVIEW);
  g_assert_cmpstr (day_key, ==, "cicha woda|2025-03-28");
  g_assert_true (got_sheet == sheet);
  g_assert_true (json_object_equal (got_edits, edits));
  g_assert_cmpuint (got_changes->len, ==, 0);
  g_assert_cmpstr (error_code, ==, "no-text-layer");
}

static void
test_effective_sheet (void)
{
  g_autoptr(Mp2Schedule) schedule = mp2_schedule_new ();
  g_autoptr(Mp2CallSheet) sheet = new_sheet ();
  g_autoptr(Mp2CallSheet) effective = NULL;
  g_autoptr(JsonObject) edits = parse_object ("{\"crew_call\": \"06:30\", \"lunch\": \"12:00\"}");

  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_edits (schedule, edits);
  effective = mp2_schedule_dup_effective_sheet (schedule);

  g_assert_true (effective != sheet);
  g_assert_cmpint (mp2_call_sheet_get_time (effective, MP2_TIME_FIELD_CREW_CALL), ==, 6 * 60 + 30);
  g_assert_cmpint (mp2_call_sheet_get_time (effective, MP2_TIME_FIELD_LUNCH), ==, 12 * 60);
  g_assert_cmpint (mp2_call_sheet_get_time (sheet, MP2_TIME_FIELD_CREW_CALL), ==, 7 * 60);
}

static void
test_copy (void)
{
  g_autoptr(Mp2Schedule) schedule = mp2_schedule_new ();
  g_autoptr(Mp2Schedule) copy = NULL;
  g_autoptr(Mp2CallSheet) sheet = new_sheet ();
  g_autoptr(JsonObject) edits = parse_object ("{\"notes/0\": \"x\", \"lunch\": \"12:00\"}");
  g_autoptr(GPtrArray) changes = new_changes ("06:30");
  g_autoptr(GPtrArray) conflicts = new_conflicts ("06:00");

  mp2_schedule_set_id (schedule, 5);
  mp2_schedule_set_document (schedule, "abc");
  mp2_schedule_set_file_name (schedule, "plan.pdf");
  mp2_schedule_set_day_key (schedule, "cicha woda|2025-03-28");
  mp2_schedule_set_state (schedule, MP2_DAY_STATE_SYNCED);
  mp2_schedule_set_supersedes (schedule, 4);
  mp2_schedule_set_sheet (schedule, sheet);
  mp2_schedule_set_edits (schedule, edits);
  mp2_schedule_set_changes (schedule, changes);
  mp2_schedule_set_conflicts (schedule, conflicts);
  mp2_schedule_set_plan_json (schedule, "{\"wake_up\": \"05:00\"}");
  mp2_schedule_set_weather_json (schedule, "{\"t\": 3}");
  mp2_schedule_set_error (schedule, "corrupt", "Damaged.");
  mp2_schedule_set_created_at (schedule, 1);
  mp2_schedule_set_updated_at (schedule, 2);

  copy = mp2_schedule_copy (schedule);

  g_assert_cmpint (mp2_schedule_get_id (copy), ==, 5);
  g_assert_cmpstr (mp2_schedule_get_document (copy), ==, "abc");
  g_assert_cmpstr (mp2_schedule_get_file_name (copy), ==, "plan.pdf");
  g_assert_cmpstr (mp2_schedule_get_day_key (copy), ==, "cicha woda|2025-03-28");
  g_assert_cmpint (mp2_schedule_get_state (copy), ==, MP2_DAY_STATE_SYNCED);
  g_assert_cmpint (mp2_schedule_get_supersedes (copy), ==, 4);
  g_assert_cmpstr (mp2_schedule_get_plan_json (copy), ==, "{\"wake_up\": \"05:00\"}");
  g_assert_cmpstr (mp2_schedule_get_weather_json (copy), ==, "{\"t\": 3}");
  g_assert_cmpstr (mp2_schedule_get_error_code (copy), ==, "corrupt");
  g_assert_cmpstr (mp2_schedule_get_error_message (copy), ==, "Damaged.");
  g_assert_cmpint (mp2_schedule_get_created_at (copy), ==, 1);
  g_assert_cmpint (mp2_schedule_get_updated_at (copy), ==, 2);

  /* deep: nothing is shared */
  g_assert_true (mp2_schedule_get_sheet (copy) != sheet);
  g_assert_cmpstr (mp2_call_sheet_get_production (mp2_schedule_get_sheet (copy)), ==, "Cicha Woda");
  g_assert_true (mp2_schedule_get_edits (copy) != mp2_schedule_get_edits (schedule));
  g_assert_true (json_object_equal (mp2_schedule_get_edits (copy), edits));
  g_assert_true (mp2_schedule_get_changes (copy) != mp2_schedule_get_changes (schedule));
  g_assert_cmpuint (mp2_schedule_get_changes (copy)->len, ==, 1);
  g_assert_true (g_ptr_array_index (mp2_schedule_get_changes (copy), 0)
                 != g_ptr_array_index (mp2_schedule_get_changes (schedule), 0));
  g_assert_cmpuint (mp2_schedule_get_conflicts (copy)->len, ==, 1);
  g_assert_cmpstr (((Mp2DayConflict *) g_ptr_array_index (mp2_schedule_get_conflicts (copy), 0))->key,
                   ==, "crew_call");

  mp2_call_sheet_set_production (sheet, "Changed");
  g_assert_cmpstr (mp2_call_sheet_get_production (mp2_schedule_get_sheet (copy)), ==, "Cicha Woda");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/state/names", test_state_names);
  g_test_add_func ("/schedule/state/enum-type", test_state_enum_type);
  g_test_add_func ("/schedule/defaults", test_defaults);
  g_test_add_func ("/schedule/notify/scalars", test_notify_scalars);
  g_test_add_func ("/schedule/notify/error", test_notify_error);
  g_test_add_func ("/schedule/notify/sheet", test_notify_sheet);
  g_test_add_func ("/schedule/notify/edits", test_notify_edits);
  g_test_add_func ("/schedule/notify/changes-and-conflicts", test_notify_changes_and_conflicts);
  g_test_add_func ("/schedule/properties", test_properties);
  g_test_add_func ("/schedule/effective-sheet", test_effective_sheet);
  g_test_add_func ("/schedule/copy", test_copy);

  return g_test_run ();
}
